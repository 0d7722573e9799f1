/* crk-chart-radar.c: cities' scores on the axes of a node, on a common scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-radar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

#define MAX_SERIES CRK_CHART_MAX_RADAR_SERIES

typedef struct
{
  PangoLayout *layout;
  double w, h;
  double c, s; /* direction of the spoke */
  CrkRect rect;
  double ax, ay; /* where the leader line starts when the label moved */
  gboolean moved;
} AxisLabel;

typedef struct
{
  CrkDraw *d;
  guint n;
  double cx, cy, radius;
  double lo, hi; /* the value scale */
  double pad;    /* from the rim to the labels */
  AxisLabel *labels;
} Radar;

void
crk_chart_radar_legend (CrkDraw *d, GArray *entries)
{
  const CrkChartData *data = d->data;
  CrkRGBA color;

  for (guint i = 0; i < MIN (data->n_series, MAX_SERIES); i++)
    {
      crk_palette_get_series (d->options->style, i, &color);
      crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_SERIES, data->series[i].name, &color, i,
                           data->series[i].city);
    }
  if (data->benchmark_name != NULL)
    crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_BENCHMARK, data->benchmark_name,
                         &d->style->benchmark, 0, G_MAXUINT);
  if (data->n_groups > 0)
    {
      crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_HEADING, _ ("Dimensions"), NULL, 0, G_MAXUINT);
      for (guint g = 0; g < data->n_groups; g++)
        {
          crk_palette_get_category (d->options->style, g, data->n_groups, &color);
          crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_ARC, data->group_names[g], &color, g,
                               G_MAXUINT);
        }
    }
}

static double
angle_of (Radar *r, guint i)
{
  return -G_PI / 2 + 2 * G_PI * i / r->n;
}

static void
point_at (Radar *r, guint axis, double value, double *x, double *y)
{
  double f = (CLAMP (value, r->lo, r->hi) - r->lo) / (r->hi - r->lo);
  double a = angle_of (r, axis);

  *x = r->cx + r->radius * f * cos (a);
  *y = r->cy + r->radius * f * sin (a);
}

/* Where the spoke's end lies across a label: at its left edge for spokes pointing right,
 * its right edge for spokes pointing left, sliding between the two near the vertical, so a
 * label never reaches back over the spoke's end. */
static double
anchor_x (double c)
{
  return CLAMP (0.5 - 1.5 * c, 0, 1);
}

static void
place_label (Radar *r, AxisLabel *l, double radius)
{
  double fx = anchor_x (l->c), fy = (1 - l->s) / 2;
  double ax = r->cx + (radius + r->pad) * l->c, ay = r->cy + (radius + r->pad) * l->s;

  l->rect = (CrkRect){ax - fx * l->w, ay - fy * l->h, l->w, l->h};
  l->ax = ax;
  l->ay = ay;
  l->moved = FALSE;
}

/* The largest radius at which every label fits in @bounds; negative when some label is
 * too wide or tall whatever the radius. */
static double
max_radius (Radar *r, const CrkRect *b)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < r->n; i++)
    {
      AxisLabel *l = &r->labels[i];
      double fx = anchor_x (l->c), fy = (1 - l->s) / 2;
      double left = r->cx - fx * l->w - b->x; /* room at c = 0 */
      double right = b->x + b->width - r->cx - (1 - fx) * l->w;
      double top = r->cy - fy * l->h - b->y;
      double bottom = b->y + b->height - r->cy - (1 - fy) * l->h;

      if (left < 0 || right < 0 || top < 0 || bottom < 0)
        return -1;
      if (l->c < -1e-6)
        best = MIN (best, left / -l->c);
      if (l->c > 1e-6)
        best = MIN (best, right / l->c);
      if (l->s < -1e-6)
        best = MIN (best, top / -l->s);
      if (l->s > 1e-6)
        best = MIN (best, bottom / l->s);
    }
  return best - r->pad;
}

static gboolean
labels_overlap (Radar *r, double gap)
{
  for (guint i = 0; i < r->n; i++)
    for (guint j = i + 1; j < r->n; j++)
      {
        CrkRect a = r->labels[i].rect;

        a.x -= gap / 2;
        a.y -= gap / 2;
        a.width += gap;
        a.height += gap;
        if (crk_rect_intersects (&a, &r->labels[j].rect))
          return TRUE;
      }
  return FALSE;
}

static void
clear_labels (Radar *r)
{
  for (guint i = 0; i < r->n; i++)
    g_clear_object (&r->labels[i].layout);
}

static void
make_labels (Radar *r, double size, double wrap)
{
  const CrkChartData *data = r->d->data;

  clear_labels (r);
  for (guint i = 0; i < r->n; i++)
    {
      AxisLabel *l = &r->labels[i];
      double a = angle_of (r, i);
      double min_width;

      l->c = cos (a);
      l->s = sin (a);
      if (fabs (l->c) < 1e-9)
        l->c = 0;
      if (fabs (l->s) < 1e-9)
        l->s = 0;
      l->layout = crk_draw_layout (r->d, data->axis_names[i], size, PANGO_WEIGHT_NORMAL);
      /* Wrap at word boundaries; never narrower than the longest word. */
      min_width = crk_text_layout_get_min_width (l->layout);
      crk_text_layout_set_width (l->layout, MAX (wrap, min_width),
                                 fabs (l->c) < 0.3 ? PANGO_ALIGN_CENTER
                                   : l->c > 0      ? PANGO_ALIGN_LEFT
                                                   : PANGO_ALIGN_RIGHT);
      crk_text_layout_get_size (l->layout, &l->w, &l->h);
      /* A wrapped layout keeps its full width box; shrink to the widest line. */
      {
        PangoRectangle ink, logical;
        pango_layout_get_extents (l->layout, &ink, &logical);
        l->w = MIN (l->w, (double) (logical.width) / PANGO_SCALE);
      }
    }
}

/* Sizes the radius so the axis names fit unclipped and apart; smaller text and narrower
 * wrapping are tried before giving up radius, and as a last resort the names are spread
 * apart vertically on each side with leader lines. */
static double
side_height (Radar *r, int side, double gap)
{
  double sum = 0;

  for (guint i = 0; i < r->n; i++)
    if ((side > 0) == (r->labels[i].c >= 0))
      sum += r->labels[i].h + gap;
  return sum;
}

/* Sizes the radius so the axis names fit unclipped and apart. Of the wrap widths that fit
 * at the largest text size, the one giving the largest radius wins; smaller text comes
 * next, and as a last resort the names are spread apart vertically on each side, with
 * leader lines. */
static void
layout_axes (Radar *r)
{
  CrkDraw *d = r->d;
  const CrkRect *p = &d->plot;
  double min_side = MIN (p->width, p->height);
  double min_radius = min_side * 0.2;
  double sizes[] = {d->style->font_size, d->style->font_size * 0.9, d->style->small_size,
                    d->style->small_size * 0.9};
  double wraps[] = {0.3, 0.24, 0.19, 0.15, 0.11};
  double size, wrap, gap = 1 * d->k;

  for (guint si = 0; si < G_N_ELEMENTS (sizes); si++)
    {
      double best_radius = -1, best_wrap = 0;

      for (guint wi = 0; wi < G_N_ELEMENTS (wraps); wi++)
        {
          double radius;

          make_labels (r, sizes[si], MAX (wraps[wi] * min_side, 40 * d->k));
          radius = MIN (max_radius (r, p), min_side / 2 - r->pad);
          if (radius < min_radius || radius <= best_radius * 1.02)
            continue;
          for (guint i = 0; i < r->n; i++)
            place_label (r, &r->labels[i], radius);
          if (labels_overlap (r, 2 * d->k))
            continue;
          best_radius = radius;
          best_wrap = wraps[wi];
        }
      if (best_radius > 0)
        {
          make_labels (r, sizes[si], MAX (best_wrap * min_side, 40 * d->k));
          r->radius = best_radius;
          for (guint i = 0; i < r->n; i++)
            place_label (r, &r->labels[i], r->radius);
          return;
        }
    }

  /* Last resort, for many axes: the names in two columns left and right of the circle,
   * spread apart vertically in the order of their spokes, with leader lines (the layout of
   * pie chart labels). The text shrinks until each column fits the height. */
  size = sizes[G_N_ELEMENTS (sizes) - 1];
  wrap = MAX (0.2 * p->width, 40 * d->k);
  for (guint attempt = 0; attempt < 6; attempt++)
    {
      double needed;

      make_labels (r, size, wrap);
      needed = MAX (side_height (r, 1, gap), side_height (r, -1, gap));
      if (needed <= p->height)
        break;
      size *= MAX (0.5, p->height / needed * 0.97);
    }
  {
    double widest[2] = {0, 0};
    double elbow = 10 * d->k;

    for (guint i = 0; i < r->n; i++)
      {
        int k = r->labels[i].c >= 0 ? 1 : 0;
        widest[k] = MAX (widest[k], r->labels[i].w);
      }
    r->radius =
      MIN (p->width / 2 - MAX (widest[0], widest[1]) - r->pad - elbow, p->height / 2 - r->pad);
    r->radius = MAX (r->radius, 4 * d->k);
    for (int side = -1; side <= 1; side += 2)
      {
        g_autofree guint *idx = g_new (guint, r->n);
        g_autofree double *pos = g_new (double, r->n);
        g_autofree double *heights = g_new (double, r->n);
        guint m = 0;
        double column_x =
          side > 0 ? r->cx + r->radius + r->pad + elbow : r->cx - r->radius - r->pad - elbow;

        for (guint i = 0; i < r->n; i++)
          if ((side > 0) == (r->labels[i].c >= 0))
            idx[m++] = i;
        for (guint a = 0; a < m; a++)
          {
            AxisLabel *l = &r->labels[idx[a]];
            pos[a] = r->cy + (r->radius + r->pad) * l->s - l->h / 2;
            heights[a] = l->h;
          }
        /* Sort by wanted position. */
        for (guint a = 1; a < m; a++)
          for (guint b = a; b > 0 && pos[b] < pos[b - 1]; b--)
            {
              double tp = pos[b], th = heights[b];
              guint ti = idx[b];

              pos[b] = pos[b - 1];
              heights[b] = heights[b - 1];
              idx[b] = idx[b - 1];
              pos[b - 1] = tp;
              heights[b - 1] = th;
              idx[b - 1] = ti;
            }
        crk_labels_spread (pos, heights, m, gap, p->y, p->y + p->height);
        for (guint a = 0; a < m; a++)
          {
            AxisLabel *l = &r->labels[idx[a]];

            l->rect = (CrkRect){side > 0 ? column_x : column_x - l->w, pos[a], l->w, l->h};
            l->rect.x = CLAMP (l->rect.x, p->x, p->x + p->width - l->w);
            l->moved = TRUE;
          }
      }
  }
}

static void
ring_path (Radar *r, double f)
{
  cairo_t *cr = r->d->cr;

  cairo_new_sub_path (cr);
  if (r->d->options->grid == CRK_GRID_CIRCULAR)
    cairo_arc (cr, r->cx, r->cy, r->radius * f, 0, 2 * G_PI);
  else
    {
      for (guint i = 0; i < r->n; i++)
        {
          double a = angle_of (r, i);
          double x = r->cx + r->radius * f * cos (a), y = r->cy + r->radius * f * sin (a);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

static void
draw_grid (Radar *r, guint n_rings)
{
  CrkDraw *d = r->d;
  cairo_t *cr = d->cr;

  cairo_save (cr);
  crk_rgba_set_source (cr, &d->style->grid);
  cairo_set_line_width (cr, d->style->grid_width);
  for (guint j = 1; j <= n_rings; j++)
    ring_path (r, (double) j / n_rings);
  cairo_stroke (cr);

  crk_rgba_set_source (cr, &d->style->axis);
  for (guint i = 0; i < r->n; i++)
    {
      double a = angle_of (r, i);

      cairo_move_to (cr, r->cx, r->cy);
      cairo_line_to (cr, r->cx + r->radius * cos (a), r->cy + r->radius * sin (a));
    }
  cairo_stroke (cr);
  /* Below 0 (z-scores): the 0 ring stands out, in the spokes' colour and thicker. */
  if (r->lo < 0 && r->hi > 0)
    {
      crk_rgba_set_source_alpha (cr, &d->style->foreground, 0.6);
      cairo_set_line_width (cr, MAX (1.2 * d->k, 2 * d->style->grid_width));
      ring_path (r, -r->lo / (r->hi - r->lo));
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  crk_draw_ink (d, r->cx - r->radius, r->cy - r->radius, 2 * r->radius, 2 * r->radius);
}

static void
draw_group_arcs (Radar *r)
{
  CrkDraw *d = r->d;
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  double step = 2 * G_PI / r->n;
  double rr = r->radius + 5 * d->k;

  if (data->n_groups == 0)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, 3.5 * d->k);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < r->n;)
    {
      int g = data->axis_groups[i];
      guint j = i;
      CrkRGBA color;

      while (j + 1 < r->n && data->axis_groups[j + 1] == g)
        j++;
      if (g >= 0)
        {
          double gap = MIN (step * 0.12, 0.05);

          crk_palette_get_category (d->options->style, (guint) g, data->n_groups, &color);
          crk_rgba_set_source (cr, &color);
          cairo_new_path (cr);
          cairo_arc (cr, r->cx, r->cy, rr, angle_of (r, i) - step / 2 + gap,
                     angle_of (r, j) + step / 2 - gap);
          cairo_stroke (cr);
        }
      i = j + 1;
    }
  cairo_restore (cr);
  crk_draw_ink (d, r->cx - rr - 2 * d->k, r->cy - rr - 2 * d->k, 2 * rr + 4 * d->k,
                2 * rr + 4 * d->k);
}

/* Where the bridge from vertex @a to vertex @b crosses spoke @k; FALSE when it does not. */
static gboolean
bridge_crossing (Radar *r,
                 double ax,
                 double ay,
                 double bx,
                 double by,
                 guint k,
                 double *x,
                 double *y)
{
  double ang = angle_of (r, k);
  double dx = cos (ang), dy = sin (ang);
  double ex = bx - ax, ey = by - ay;
  double den = ex * dy - ey * dx;
  double t, u;

  if (fabs (den) < 1e-12)
    return FALSE;
  /* a + t e = c + u d */
  t = ((r->cx - ax) * dy - (r->cy - ay) * dx) / den;
  u = ((r->cx - ax) * ey - (r->cy - ay) * ex) / den;
  if (t < 0 || t > 1 || u < 0)
    return FALSE;
  *x = ax + t * ex;
  *y = ay + t * ey;
  return TRUE;
}

static void
series_style (Radar *r, guint i, CrkRGBA *color)
{
  CrkDraw *d = r->d;
  double dashes[4];
  int n_dashes;

  crk_palette_get_series (d->options->style, i, color);
  crk_palette_get_series_dash (d->options->style, i, d->style->line_width, dashes, &n_dashes);
  cairo_set_dash (d->cr, dashes, n_dashes, 0);
  cairo_set_line_width (d->cr, d->style->line_width);
  cairo_set_line_join (d->cr, CAIRO_LINE_JOIN_ROUND);
}

static void
fill_values (Radar *r, const double *values, const CrkRGBA *color, double alpha)
{
  cairo_t *cr = r->d->cr;
  guint present = 0;

  cairo_new_path (cr);
  for (guint i = 0; i < r->n; i++)
    if (!isnan (values[i]))
      {
        double x, y;

        point_at (r, i, values[i], &x, &y);
        if (present++ == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
  if (present >= 3 && alpha > 0)
    {
      cairo_close_path (cr);
      crk_rgba_set_source_alpha (cr, color, alpha);
      cairo_fill (cr);
    }
  cairo_new_path (cr);
}

/* Solid edges between neighbours that both have a value; a dashed bridge over missing
 * vertices, with a hollow marker where it crosses each missing spoke. */
static void
stroke_values (Radar *r,
               const double *values,
               const CrkRGBA *color,
               guint series,
               gboolean benchmark,
               GArray *hollow)
{
  CrkDraw *d = r->d;
  cairo_t *cr = d->cr;
  guint first = G_MAXUINT;
  double bridge_dashes[2] = {3 * d->k, 2.5 * d->k};

  for (guint i = 0; i < r->n; i++)
    if (!isnan (values[i]))
      {
        first = i;
        break;
      }
  if (first == G_MAXUINT)
    return;

  for (guint step = 0; step < r->n; step++)
    {
      guint i = (first + step) % r->n, j = (i + 1) % r->n;
      double ax, ay, bx, by;

      if (isnan (values[i]))
        continue;
      while (isnan (values[j]))
        j = (j + 1) % r->n;
      if (j == i)
        break;
      point_at (r, i, values[i], &ax, &ay);
      point_at (r, j, values[j], &bx, &by);
      cairo_save (cr);
      crk_rgba_set_source (cr, color);
      if (j != (i + 1) % r->n)
        {
          cairo_set_dash (cr, bridge_dashes, 2, 0);
          cairo_set_line_width (cr, d->style->line_width * 0.8);
          for (guint k = (i + 1) % r->n; k != j; k = (k + 1) % r->n)
            {
              double hx = r->cx, hy = r->cy;

              if (!bridge_crossing (r, ax, ay, bx, by, k, &hx, &hy))
                {
                  hx = r->cx;
                  hy = r->cy;
                }
              if (!benchmark && hollow != NULL)
                {
                  double entry[4] = {hx, hy, (double) series, (double) k};
                  g_array_append_vals (hollow, entry, 1);
                }
            }
        }
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static char *
vertex_tooltip (const CrkChartData *data, const CrkChartSeries *s, guint axis)
{
  g_autofree char *value = crk_chart_format_value (s->values[axis]);

  if (isnan (s->values[axis]))
    return g_strdup_printf (_ ("%s\n%s: no value"), s->name, data->axis_names[axis]);
  if (s->ranks != NULL && s->ranks[axis] > 0)
    return g_strdup_printf (_ ("%s\n%s: %s (rank %u)"), s->name, data->axis_names[axis], value,
                            s->ranks[axis]);
  return g_strdup_printf (_ ("%s\n%s: %s"), s->name, data->axis_names[axis], value);
}

static void
draw_message (CrkDraw *d, const char *message)
{
  g_autoptr (PangoLayout) layout =
    crk_draw_layout (d, message, d->style->font_size, PANGO_WEIGHT_NORMAL);

  crk_text_layout_set_width (layout, d->plot.width, PANGO_ALIGN_CENTER);
  crk_draw_text (d, layout, d->plot.x + d->plot.width / 2, d->plot.y + d->plot.height / 2,
                 CRK_ANCHOR_CENTER, &d->style->secondary, NULL);
}

/* Markers: filled at values, hollow where a value is missing (@hollow: x, y, series,
 * axis from stroke_values()). */
static void
draw_markers (Radar *r, guint n_series, double marker, GArray *hollow)
{
  CrkDraw *d = r->d;
  const CrkChartData *data = d->data;
  const CrkChartOptions *o = d->options;
  cairo_t *cr = d->cr;

  for (guint s = 0; s < n_series; s++)
    {
      const CrkChartSeries *series = &data->series[s];
      CrkMarkerShape shape = crk_palette_get_series_marker (o->style, s);
      CrkRGBA color;

      crk_palette_get_series (o->style, s, &color);
      for (guint i = 0; i < r->n; i++)
        {
          double x, y;
          CrkRect hit;

          if (isnan (series->values[i]))
            continue;
          point_at (r, i, series->values[i], &x, &y);
          if (o->markers || o->style == CRK_CHART_STYLE_PRINT)
            {
              cairo_save (cr);
              crk_rgba_set_source (cr, &color);
              crk_draw_marker (cr, shape, x, y, marker, FALSE, NULL);
              cairo_restore (cr);
            }
          hit = (CrkRect){x - marker, y - marker, 2 * marker, 2 * marker};
          crk_draw_ink (d, hit.x + marker / 2, hit.y + marker / 2, marker, marker);
          crk_chart_hits_add (d->hits, CRK_CHART_HIT_POINT, series->city, data->axis_nodes[i], 0,
                              series->values[i], &hit, vertex_tooltip (data, series, i));
        }
    }
  for (guint h = 0; h < hollow->len; h++)
    {
      const double *e = &g_array_index (hollow, double, h * 4);
      guint s = (guint) e[2], axis = (guint) e[3];
      CrkRGBA color;
      CrkRect hit = {e[0] - marker, e[1] - marker, 2 * marker, 2 * marker};

      crk_palette_get_series (o->style, s, &color);
      cairo_save (cr);
      crk_rgba_set_source (cr, &color);
      crk_draw_marker (cr, crk_palette_get_series_marker (o->style, s), e[0], e[1], marker, TRUE,
                       &d->style->background);
      cairo_restore (cr);
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_POINT, data->series[s].city,
                          data->axis_nodes[axis], 0, NAN, &hit,
                          vertex_tooltip (data, &data->series[s], axis));
    }
}

/* Scale labels on the first spoke, haloed so lines do not cross them; the centre's too
 * when it is not 0, and 0 in bold when the scale goes below it. */
static void
draw_ring_labels (Radar *r, CrkLabelPlacer *placer, guint n_rings)
{
  CrkDraw *d = r->d;

  for (guint j = r->lo != 0 ? 0 : 1; j <= n_rings; j++)
    {
      double value = r->lo + (r->hi - r->lo) * j / n_rings;
      g_autofree char *text = crk_draw_format_tick (value, (r->hi - r->lo) / n_rings);
      gboolean zero = fabs (value) < 1e-9 * (r->hi - r->lo);
      g_autoptr (PangoLayout) layout = crk_draw_layout (
        d, text, d->style->small_size * 0.9, zero ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      double w, h;
      CrkRect rect;

      crk_text_layout_get_size (layout, &w, &h);
      crk_anchor_rect (CRK_ANCHOR_LEFT, r->cx + 3 * d->k, r->cy - r->radius * j / n_rings, w, h,
                       &rect);
      if (!crk_label_placer_is_free (placer, &rect))
        continue;
      crk_label_placer_reserve (placer, &rect);
      crk_draw_text_halo (d, layout, rect.x, rect.y, CRK_ANCHOR_TOP_LEFT,
                          zero ? &d->style->foreground : &d->style->secondary,
                          &d->style->background, NULL);
    }
}

/* Vertex values, each where it overlaps nothing, or not at all. */
static void
draw_vertex_labels (Radar *r, CrkLabelPlacer *placer, guint n_series, double marker)
{
  CrkDraw *d = r->d;
  const CrkChartData *data = d->data;
  const CrkChartOptions *o = d->options;

  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < r->n; i++)
      if (!isnan (data->series[s].values[i]))
        {
          double x, y;
          CrkRect m;

          point_at (r, i, data->series[s].values[i], &x, &y);
          m = (CrkRect){x - marker / 2, y - marker / 2, marker, marker};
          crk_label_placer_reserve (placer, &m);
        }
  for (guint s = 0; s < n_series; s++)
    {
      CrkRGBA color;

      crk_palette_get_series (o->style, s, &color);
      for (guint i = 0; i < r->n; i++)
        {
          double value = data->series[s].values[i];
          g_autofree char *text = NULL;
          g_autoptr (PangoLayout) layout = NULL;
          double x, y, w, h, off = marker * 0.8, a = angle_of (r, i);
          CrkRect cand[8], chosen;
          CrkAnchor anchors[8] = {CRK_ANCHOR_LEFT,         CRK_ANCHOR_RIGHT,
                                  CRK_ANCHOR_BOTTOM,       CRK_ANCHOR_TOP,
                                  CRK_ANCHOR_BOTTOM_LEFT,  CRK_ANCHOR_TOP_LEFT,
                                  CRK_ANCHOR_BOTTOM_RIGHT, CRK_ANCHOR_TOP_RIGHT};
          double ox[8] = {off, -off, 0, 0, off * 0.7, off * 0.7, -off * 0.7, -off * 0.7};
          double oy[8] = {0, 0, -off, off, -off * 0.7, off * 0.7, -off * 0.7, off * 0.7};

          if (isnan (value))
            continue;
          text = crk_chart_format_value (value);
          layout = crk_draw_layout (d, text, d->style->small_size * 0.9, PANGO_WEIGHT_BOLD);
          crk_text_layout_get_size (layout, &w, &h);
          point_at (r, i, value, &x, &y);
          /* Outward first. */
          {
            double fx = (1 - cos (a)) / 2, fy = (1 - sin (a)) / 2;
            cand[0] = (CrkRect){x + off * cos (a) - fx * w, y + off * sin (a) - fy * h, w, h};
          }
          for (guint c = 1; c < 8; c++)
            crk_anchor_rect (anchors[c], x + ox[c], y + oy[c], w, h, &cand[c]);
          if (crk_label_placer_place (placer, cand, 8, &chosen) < 0)
            continue;
          crk_draw_text_halo (d, layout, chosen.x, chosen.y, CRK_ANCHOR_TOP_LEFT, &color,
                              &d->style->background, NULL);
        }
    }
}

void
crk_chart_radar_draw (CrkDraw *d)
{
  const CrkChartData *data = d->data;
  const CrkChartOptions *o = d->options;
  cairo_t *cr = d->cr;
  Radar r = {0};
  guint n_series = MIN (data->n_series, MAX_SERIES);
  guint n_rings = CLAMP (o->n_rings, 2, 10);
  double marker = 5.5 * d->k;
  g_autoptr (GArray) hollow = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  g_autoptr (CrkLabelPlacer) placer = NULL;
  CrkChartAxis scale;

  if (data->n_axes < 3)
    {
      draw_message (d,
                    _ ("A radar chart needs at least three axes; choose a level with more "
                       "components."));
      return;
    }
  if (n_series == 0 && data->benchmark == NULL)
    {
      draw_message (d, crk_unit_kind_get_word (data->unit_kind, CRK_UNIT_WORD_CHOOSE_SOME));
      return;
    }

  /* The common scale, from the scores shown: z-scores around 0 as well as 0-100. */
  crk_chart_radar_scale (data, o, &scale);
  n_rings = (guint) round ((scale.hi - scale.lo) / scale.step);
  r.lo = scale.lo;
  r.hi = scale.hi;

  r.d = d;
  r.n = data->n_axes;
  r.labels = g_new0 (AxisLabel, r.n);
  r.cx = d->plot.x + d->plot.width / 2;
  r.cy = d->plot.y + d->plot.height / 2;
  {
    /* An odd number of spokes reaches higher than low (a pentagon's top vertex against its
     * bottom edge): move the centre so the shape sits in the middle. */
    double smin = 0, smax = 0;

    for (guint i = 0; i < r.n; i++)
      {
        double sv = sin (-G_PI / 2 + 2 * G_PI * i / r.n);
        smin = MIN (smin, sv);
        smax = MAX (smax, sv);
      }
    r.cy -= (smin + smax) / 2 * 0.4 * MIN (d->plot.width, d->plot.height);
  }
  r.pad = (data->n_groups > 0 ? 12 : 6) * d->k;
  layout_axes (&r);

  draw_grid (&r, n_rings);
  draw_group_arcs (&r);

  /* Axis names, with leader lines for those moved apart. */
  for (guint i = 0; i < r.n; i++)
    {
      AxisLabel *l = &r.labels[i];
      CrkRect rect;

      if (l->moved)
        {
          double tx = l->rect.x + (l->c >= 0 ? 0 : l->w);
          double ty = l->rect.y + l->h / 2;
          double rr = r.radius + (data->n_groups > 0 ? 8 : 2) * d->k;
          double sx = r.cx + rr * l->c, sy = r.cy + rr * l->s;

          cairo_save (cr);
          crk_rgba_set_source (cr, &d->style->axis);
          cairo_set_line_width (cr, d->style->grid_width);
          cairo_move_to (cr, sx, sy);
          cairo_line_to (cr, tx + (l->c >= 0 ? -5 : 5) * d->k, ty);
          cairo_line_to (cr, tx + (l->c >= 0 ? -1 : 1) * d->k, ty);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      crk_draw_text (d, l->layout, l->rect.x, l->rect.y, CRK_ANCHOR_TOP_LEFT, &d->style->foreground,
                     &rect);
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_AXIS, G_MAXUINT, data->axis_nodes[i], 0, NAN,
                          &rect, g_strdup (data->axis_names[i]));
    }

  /* Benchmark, faint and beneath. */
  if (data->benchmark != NULL)
    {
      double dashes[2] = {4 * d->k, 2.5 * d->k};

      fill_values (&r, data->benchmark, &d->style->benchmark, 0.07);
      cairo_save (cr);
      cairo_set_line_width (cr, d->style->line_width);
      cairo_set_dash (cr, dashes, 2, 0);
      stroke_values (&r, data->benchmark, &d->style->benchmark, 0, TRUE, NULL);
      cairo_restore (cr);
    }

  /* Fills, then lines, so no city's fill hides another's outline. */
  for (guint s = 0; s < n_series; s++)
    {
      CrkRGBA color;

      cairo_save (cr);
      series_style (&r, s, &color);
      fill_values (&r, data->series[s].values, &color, CLAMP (o->fill_opacity, 0, 1));
      cairo_restore (cr);
    }
  for (guint s = 0; s < n_series; s++)
    {
      CrkRGBA color;

      cairo_save (cr);
      series_style (&r, s, &color);
      stroke_values (&r, data->series[s].values, &color, s, FALSE, hollow);
      cairo_restore (cr);
    }

  placer = crk_label_placer_new (&d->plot);
  for (guint i = 0; i < r.n; i++)
    crk_label_placer_reserve (placer, &r.labels[i].rect);

  draw_markers (&r, n_series, marker, hollow);

  draw_ring_labels (&r, placer, n_rings);
  scale.pos_lo = 0;
  scale.pos_hi = r.radius;
  crk_chart_hits_set_axis (d->hits, &scale);
  if (o->vertex_labels)
    draw_vertex_labels (&r, placer, n_series, marker);

  clear_labels (&r);
  g_free (r.labels);
}
