/* crk-chart-bars.c: the ranked bar chart and the contribution (stacked bar) chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-bars"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

/* Row geometry shared by both charts. */
typedef struct
{
  double text_size;
  double text_h; /* line height of a label */
  double row_h;
  double bar_h;
  double top_strip;  /* above the rows: reference line labels */
  double axis_strip; /* below the rows: tick labels */
  double rank_w;
  double name_w;
  double value_w;
  double change_w;
  double bars_x0, bars_x1;
  double rows_y;
  double lo, hi, step;
  double clip_y0, clip_y1; /* what the cairo context lets through, vertically */
  gboolean show_changes;
  /* The measuring pass's layouts of each row's name and value, drawn as they are. */
  PangoLayout **name_layouts;
  PangoLayout **value_layouts;
  guint n_layouts;
} Rows;

static void
rows_clear (Rows *g)
{
  for (guint i = 0; i < g->n_layouts; i++)
    {
      g_object_unref (g->name_layouts[i]);
      g_object_unref (g->value_layouts[i]);
    }
  g_clear_pointer (&g->name_layouts, g_free);
  g_clear_pointer (&g->value_layouts, g_free);
  g->n_layouts = 0;
}

static double
text_height (CrkDraw *d, double size)
{
  g_autoptr (PangoLayout) layout = crk_draw_layout (d, "Ag国", size, PANGO_WEIGHT_NORMAL);
  double h;

  crk_text_layout_get_size (layout, NULL, &h);
  return h;
}

static double
text_width (CrkDraw *d, const char *text, double size, PangoWeight weight)
{
  g_autoptr (PangoLayout) layout = crk_draw_layout (d, text, size, weight);
  double w;

  crk_text_layout_get_size (layout, &w, NULL);
  return w;
}

/* The width of a new layout of @text, kept in @out. */
static double
layout_width (CrkDraw *d, const char *text, double size, PangoWeight weight, PangoLayout **out)
{
  double w;

  *out = crk_draw_layout (d, text, size, weight);
  crk_text_layout_get_size (*out, &w, NULL);
  return w;
}

static char *
rank_text (guint rank)
{
  return rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
}

static char *
change_text (const CrkChartRow *row)
{
  if (row->is_new)
    return g_strdup (_ ("new"));
  if (!row->has_change)
    return NULL;
  if (row->rank_change > 0)
    return g_strdup_printf ("▲%d", row->rank_change);
  if (row->rank_change < 0)
    return g_strdup_printf ("▼%d", -row->rank_change);
  return g_strdup ("=");
}

static void
rows_measure (CrkDraw *d, Rows *g, double text_size, gboolean stacked)
{
  const CrkChartData *data = d->data;
  double max_name = 0, max_value = 0;
  guint max_rank = 0;

  rows_clear (g);
  memset (g, 0, sizeof *g);
  g->text_size = text_size;
  g->text_h = text_height (d, text_size);
  g->row_h = g->text_h * (stacked ? 1.7 : 1.2);
  g->bar_h = g->row_h * (stacked ? 0.78 : 0.72);
  g->axis_strip = g->text_h + 5 * d->k;
  g->top_strip =
    (!stacked && (!isnan (data->mean) || !isnan (data->median))) ? g->text_h + 8 * d->k : 4 * d->k;
  g->show_changes = !stacked && d->options->show_rank_changes && data->has_changes;
  g->name_layouts = g_new (PangoLayout *, MAX (data->n_rows, 1));
  g->value_layouts = g_new (PangoLayout *, MAX (data->n_rows, 1));
  g->n_layouts = data->n_rows;

  for (guint i = 0; i < data->n_rows; i++)
    {
      const CrkChartRow *row = &data->rows[i];
      g_autofree char *value = crk_chart_format_value (row->value);

      max_rank = MAX (max_rank, row->rank);
      max_name = MAX (max_name,
                      layout_width (d, row->name, text_size,
                                    row->highlighted ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                    &g->name_layouts[i]));
      max_value =
        MAX (max_value,
             layout_width (d, value, text_size, stacked ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           &g->value_layouts[i]));
    }
  {
    g_autofree char *widest = g_strdup_printf ("%u", MAX (max_rank, 9));
    g->rank_w = text_width (d, widest, text_size, PANGO_WEIGHT_NORMAL);
  }
  g->name_w = max_name;
  g->value_w = max_value + 4 * d->k;
  g->change_w =
    g->show_changes ? text_width (d, "▼100", text_size, PANGO_WEIGHT_NORMAL) + 6 * d->k : 0;
}

static void
rows_place (CrkDraw *d, Rows *g)
{
  double gap = 6 * d->k;
  double available;

  g->name_w = MIN (g->name_w, d->plot.width * 0.3);
  g->bars_x0 = d->plot.x + g->rank_w + gap + g->name_w + gap;
  g->bars_x1 = d->plot.x + d->plot.width - g->change_w - g->value_w;
  if (g->bars_x1 - g->bars_x0 < 20 * d->k)
    g->bars_x1 = g->bars_x0 + 20 * d->k;
  g->rows_y = d->plot.y + g->top_strip;

  available = d->plot.height - g->top_strip - g->axis_strip;
  if (d->data->n_rows > 0 && available < d->data->n_rows * g->row_h)
    {
      double f = MAX (available, 1) / (d->data->n_rows * g->row_h);
      g->row_h *= f;
      g->bar_h *= f;
    }
}

/* Takes the clip's vertical extent, after rows_measure(). */
static void
rows_clip (CrkDraw *d, Rows *g)
{
  double x0, x1;

  cairo_clip_extents (d->cr, &x0, &g->clip_y0, &x1, &g->clip_y1);
}

/* Whether row @i can put ink inside the clip. A chart of every city is taller than the
 * window that scrolls it: the rows out of sight are neither laid out nor drawn (a row's
 * labels and bar stay within it, the margin of a row is for antialiasing and strokes). */
static gboolean
row_visible (Rows *g, guint i)
{
  double y0 = g->rows_y + i * g->row_h;

  return y0 + 2 * g->row_h >= g->clip_y0 && y0 - g->row_h <= g->clip_y1;
}

static double
x_of (Rows *g, double v)
{
  return g->bars_x0 + (g->bars_x1 - g->bars_x0) * (v - g->lo) / (g->hi - g->lo);
}

/* The value axis from the bars shown (and the mean and median lines), recorded in the
 * hits; after rows_place(). */
static void
rows_scale (CrkDraw *d, Rows *g)
{
  CrkChartAxis axis;

  crk_chart_bar_scale (d->data, MAX (2, (guint) ((g->bars_x1 - g->bars_x0) / (60 * d->k))), &axis);
  g->lo = axis.lo;
  g->hi = axis.hi;
  g->step = axis.step;
  axis.pos_lo = g->bars_x0;
  axis.pos_hi = g->bars_x1;
  crk_chart_hits_set_axis (d->hits, &axis);
}

static void
draw_axis (CrkDraw *d, Rows *g, double rows_bottom, const char *caption)
{
  cairo_t *cr = d->cr;
  guint n_ticks = (guint) round ((g->hi - g->lo) / g->step);
  g_autoptr (PangoLayout) caption_layout = NULL;
  double caption_w = 0;

  if (caption != NULL)
    {
      caption_layout = crk_draw_layout (d, caption, g->text_size, PANGO_WEIGHT_NORMAL);
      crk_text_layout_get_size (caption_layout, &caption_w, NULL);
    }

  cairo_save (cr);
  cairo_set_line_width (cr, d->style->grid_width);
  crk_rgba_set_source (cr, &d->style->grid);
  for (guint t = 0; t <= n_ticks; t++)
    {
      double x = round (x_of (g, g->lo + t * g->step)) + 0.5;

      cairo_move_to (cr, x, g->rows_y);
      cairo_line_to (cr, x, rows_bottom);
    }
  cairo_stroke (cr);
  /* Bars left of 0: the baseline they start from stands out. */
  if (g->lo < 0)
    {
      double x = round (x_of (g, 0)) + 0.5;

      crk_rgba_set_source (cr, &d->style->axis);
      cairo_set_line_width (cr, MAX (1.0 * d->k, 2 * d->style->grid_width));
      cairo_move_to (cr, x, g->rows_y);
      cairo_line_to (cr, x, rows_bottom);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint t = 0; t <= n_ticks; t++)
    {
      double v = g->lo + t * g->step;
      g_autofree char *text = crk_draw_format_tick (v, g->step);
      g_autoptr (PangoLayout) layout = crk_draw_layout (d, text, g->text_size, PANGO_WEIGHT_NORMAL);
      double w;

      crk_text_layout_get_size (layout, &w, NULL);
      /* The last tick may be shifted to stay off the caption and inside the canvas. */
      crk_draw_text (d, layout, MIN (x_of (g, v), d->width - d->margin - w / 2),
                     rows_bottom + 3 * d->k, CRK_ANCHOR_TOP, &d->style->secondary, NULL);
    }
  /* The caption goes left of the first tick, in the label column. */
  if (caption_layout != NULL && caption_w <= g->bars_x0 - d->plot.x - 2 * d->k - 12 * d->k)
    crk_draw_text (d, caption_layout, g->bars_x0 - 12 * d->k, rows_bottom + 3 * d->k,
                   CRK_ANCHOR_TOP_RIGHT, &d->style->secondary, NULL);
}

/* The rank and the name at the left of a row. */
static void
draw_row_label (CrkDraw *d, Rows *g, guint i, double cy)
{
  const CrkChartRow *row = &d->data->rows[i];
  g_autofree char *rank = rank_text (row->rank);
  g_autoptr (PangoLayout) rank_layout =
    crk_draw_layout (d, rank, g->text_size, PANGO_WEIGHT_NORMAL);
  PangoLayout *name_layout = g->name_layouts[i];
  double gap = 6 * d->k, w;

  crk_draw_text (d, rank_layout, d->plot.x + g->rank_w, cy, CRK_ANCHOR_RIGHT, &d->style->secondary,
                 NULL);
  crk_text_layout_get_size (name_layout, &w, NULL);
  if (w > g->name_w)
    crk_text_layout_ellipsize (name_layout, g->name_w);
  crk_draw_text (d, name_layout, d->plot.x + g->rank_w + gap, cy, CRK_ANCHOR_LEFT,
                 &d->style->foreground, NULL);
}

/* Tiers read as a progression (blue to orange); regions are unordered and want hues as
 * distinct as the series'. */
static void
category_color (CrkDraw *d, guint category, CrkRGBA *out)
{
  if (d->options->colour_by == CRK_BAR_COLOUR_REGION)
    crk_palette_get_series (d->options->style, category, out);
  else
    crk_palette_get_category (d->options->style, category, d->data->n_categories, out);
}

static void
row_color (CrkDraw *d, const CrkChartRow *row, CrkRGBA *out)
{
  const CrkChartData *data = d->data;

  if (d->options->colour_by != CRK_BAR_COLOUR_SINGLE && row->category >= 0 &&
      data->n_categories > 0)
    category_color (d, (guint) row->category, out);
  else
    crk_palette_get_series (d->options->style, 0, out);
}

/* Ranked bar chart */

void
crk_chart_bar_legend (CrkDraw *d, GArray *entries)
{
  const CrkChartData *data = d->data;

  if (d->options->colour_by == CRK_BAR_COLOUR_SINGLE || data->n_categories == 0)
    return;
  if (data->category_title != NULL)
    crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_HEADING, data->category_title, NULL, 0,
                         G_MAXUINT);
  for (guint i = 0; i < data->n_categories; i++)
    {
      CrkRGBA color;

      category_color (d, i, &color);
      crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_BOX, data->category_names[i], &color, i,
                           G_MAXUINT);
    }
}

static GArray *
frame_legend (CrkDraw *d)
{
  GArray *legend = crk_draw_legend_entries_new ();

  crk_chart_bar_legend (d, legend);
  return legend;
}

double
crk_chart_bar_natural_height (CrkDraw *d)
{
  g_autoptr (GArray) legend = frame_legend (d);
  Rows g = {0};

  rows_measure (d, &g, d->style->small_size, FALSE);
  rows_clear (&g);
  return crk_draw_natural_height (d, legend,
                                  g.top_strip + d->data->n_rows * g.row_h + g.axis_strip);
}

typedef struct
{
  PangoLayout *layout;
  double x, w, h;
  double value;
  gboolean dashed;
} RefLabel;

static void
draw_reference_lines (CrkDraw *d, Rows *g, double rows_bottom)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  RefLabel refs[2];
  guint n = 0;
  double pos[2], size[2];

  if (d->options->show_mean && !isnan (data->mean))
    {
      g_autofree char *v = crk_chart_format_value (data->mean);
      g_autofree char *text = g_strdup_printf (_ ("Mean %s"), v);
      refs[n++] = (RefLabel){
        crk_draw_layout (d, text, g->text_size, PANGO_WEIGHT_NORMAL), 0, 0, 0, data->mean, FALSE};
    }
  if (d->options->show_median && !isnan (data->median))
    {
      g_autofree char *v = crk_chart_format_value (data->median);
      g_autofree char *text = g_strdup_printf (_ ("Median %s"), v);
      refs[n++] = (RefLabel){
        crk_draw_layout (d, text, g->text_size, PANGO_WEIGHT_NORMAL), 0, 0, 0, data->median, TRUE};
    }
  if (n == 0)
    return;
  if (n == 2 && refs[1].value < refs[0].value)
    {
      RefLabel t = refs[0];
      refs[0] = refs[1];
      refs[1] = t;
    }
  for (guint i = 0; i < n; i++)
    {
      crk_text_layout_get_size (refs[i].layout, &refs[i].w, &refs[i].h);
      pos[i] = x_of (g, refs[i].value) - refs[i].w / 2;
      size[i] = refs[i].w;
    }
  /* Labelled apart: spread along x within the plot. */
  crk_labels_spread (pos, size, n, 8 * d->k, d->plot.x, d->plot.x + d->plot.width);

  for (guint i = 0; i < n; i++)
    {
      double x = round (x_of (g, refs[i].value)) + 0.5;
      double dashes[2] = {4 * d->k, 3 * d->k};
      double label_bottom = g->rows_y - 3 * d->k;

      cairo_save (cr);
      crk_rgba_set_source (cr, &d->style->foreground);
      cairo_set_line_width (cr, 1.0 * d->k);
      if (refs[i].dashed)
        cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, x, g->rows_y - 2 * d->k);
      cairo_line_to (cr, x, rows_bottom);
      cairo_stroke (cr);
      /* A short leader when the label moved off its line. */
      if (fabs (pos[i] + refs[i].w / 2 - x) > 1)
        {
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, 0.6 * d->k);
          cairo_move_to (cr, x, g->rows_y - 2 * d->k);
          cairo_line_to (cr, pos[i] + refs[i].w / 2, label_bottom);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      crk_draw_text (d, refs[i].layout, pos[i], label_bottom, CRK_ANCHOR_BOTTOM_LEFT,
                     &d->style->foreground, NULL);
      g_object_unref (refs[i].layout);
    }
}

static char *
bar_tooltip (CrkDraw *d, const CrkChartRow *row)
{
  const CrkChartData *data = d->data;
  g_autofree char *value = crk_chart_format_value (row->value);
  GString *s = g_string_new (NULL);

  if (row->rank > 0)
    g_string_append_printf (s, _ ("%u. %s"), row->rank, row->name);
  else
    g_string_append (s, row->name);
  g_string_append_printf (s, "\n%s: %s", data->value_name != NULL ? data->value_name : _ ("Score"),
                          value);
  if (row->tier >= 0 && (guint) row->tier < data->n_tiers)
    g_string_append_printf (s, _ ("\nStage: %s"), data->tier_names[row->tier]);
  if (row->category >= 0 && (guint) row->category < data->n_categories &&
      d->options->colour_by == CRK_BAR_COLOUR_REGION)
    g_string_append_printf (s, "\n%s: %s", data->category_title != NULL ? data->category_title : "",
                            data->category_names[row->category]);
  if (row->is_new)
    g_string_append_printf (s, _ ("\nNot ranked in %d"), data->base_year);
  else if (row->has_change && row->rank_change > 0)
    g_string_append_printf (
      s, ngettext ("\nUp %d place since %d", "\nUp %d places since %d", row->rank_change),
      row->rank_change, data->base_year);
  else if (row->has_change && row->rank_change < 0)
    g_string_append_printf (
      s, ngettext ("\nDown %d place since %d", "\nDown %d places since %d", -row->rank_change),
      -row->rank_change, data->base_year);
  else if (row->has_change)
    g_string_append_printf (s, _ ("\nSame rank as in %d"), data->base_year);
  return g_string_free (s, FALSE);
}

static void
draw_tier_bands (CrkDraw *d, Rows *g, GArray *bands, int *row_band)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  guint band = 0;

  for (guint i = 0; i < data->n_rows;)
    {
      int tier = data->rows[i].tier;
      guint j = i;

      while (j + 1 < data->n_rows && data->rows[j + 1].tier == tier)
        j++;
      if (tier >= 0)
        {
          double y0 = g->rows_y + i * g->row_h, y1 = g->rows_y + (j + 1) * g->row_h;
          double e[3] = {(double) tier, i, j};

          for (guint r = i; r <= j; r++)
            row_band[r] = (int) (band % 2);
          crk_rgba_set_source (cr, &d->style->band[band % 2]);
          cairo_rectangle (cr, d->plot.x, y0, d->plot.width, y1 - y0);
          cairo_fill (cr);
          crk_draw_ink (d, d->plot.x, y0, d->plot.width, y1 - y0);
          g_array_append_vals (bands, e, 1);
          band++;
        }
      i = j + 1;
    }
}

void
crk_chart_bar_draw (CrkDraw *d)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  Rows g = {0};
  double rows_bottom;
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (double) * 3);
  g_autoptr (CrkLabelPlacer) placer = crk_label_placer_new (&d->plot);
  double size = d->style->small_size;
  g_autofree int *row_band = NULL;

  rows_measure (d, &g, size, FALSE);
  rows_place (d, &g);
  /* Rows squeezed below the text height: smaller text rather than overlapping labels. */
  if (g.row_h < g.text_h)
    {
      double row_h = g.row_h;

      rows_measure (d, &g, size * row_h / g.text_h * 0.98, FALSE);
      rows_place (d, &g);
    }
  rows_clip (d, &g);
  rows_scale (d, &g);
  rows_bottom = g.rows_y + data->n_rows * g.row_h;

  row_band = g_new (int, MAX (data->n_rows, 1));
  for (guint i = 0; i < data->n_rows; i++)
    row_band[i] = -1;
  if (d->options->show_tier_bands && data->n_tiers > 0)
    draw_tier_bands (d, &g, bands, row_band);
  draw_axis (d, &g, rows_bottom, NULL);
  /* Reference lines under the bars; the value labels get a halo to stay legible. */
  draw_reference_lines (d, &g, rows_bottom);

  for (guint i = 0; i < data->n_rows; i++)
    {
      const CrkChartRow *row = &data->rows[i];
      double cy = g.rows_y + (i + 0.5) * g.row_h;
      double x0 = x_of (&g, MIN (0, row->value)), x1 = x_of (&g, MAX (0, row->value));
      CrkRGBA color;
      CrkRect hit = {d->plot.x, cy - g.row_h / 2, d->plot.width, g.row_h};
      CrkRect bar = {x0, cy - g.bar_h / 2, x1 - x0, g.bar_h}, value_rect;
      PangoLayout *value_layout = g.value_layouts[i];
      gboolean visible = row_visible (&g, i);
      g_autofree char *change = g.show_changes && visible ? change_text (row) : NULL;

      if (!visible)
        {
          /* Out of sight, but the stage names keep off its bar and value all the same. */
          if (!isnan (row->value))
            {
              double w, h;

              crk_label_placer_reserve (placer, &bar);
              crk_text_layout_get_size (value_layout, &w, &h);
              crk_anchor_rect (CRK_ANCHOR_LEFT, x1 + 3 * d->k, cy, w, h, &value_rect);
              crk_label_placer_reserve (placer, &value_rect);
            }
          crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, row->city, -1, 0, row->value, &hit,
                              bar_tooltip (d, row));
          continue;
        }

      draw_row_label (d, &g, i, cy);
      if (!isnan (row->value))
        {
          row_color (d, row, &color);
          crk_rgba_set_source (cr, &color);
          cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
          cairo_fill (cr);
          if (row->highlighted)
            {
              cairo_save (cr);
              crk_rgba_set_source (cr, &d->style->highlight);
              cairo_set_line_width (cr, 1.5 * d->k);
              cairo_rectangle (cr, bar.x - 0.75 * d->k, bar.y - 0.75 * d->k, bar.width + 1.5 * d->k,
                               bar.height + 1.5 * d->k);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          crk_draw_ink (d, bar.x, bar.y, bar.width, bar.height);
          crk_label_placer_reserve (placer, &bar);
          crk_draw_text_halo (
            d, value_layout, x1 + 3 * d->k, cy, CRK_ANCHOR_LEFT,
            row->value >= 0 ? &d->style->foreground : &d->style->negative,
            row_band[i] >= 0 ? &d->style->band[row_band[i]] : &d->style->background, &value_rect);
          crk_label_placer_reserve (placer, &value_rect);
        }
      if (change != NULL)
        {
          g_autoptr (PangoLayout) layout =
            crk_draw_layout (d, change, g.text_size, PANGO_WEIGHT_NORMAL);
          const CrkRGBA *c = row->is_new || row->rank_change == 0 ? &d->style->secondary
            : row->rank_change > 0                                ? &d->style->positive
                                                                  : &d->style->negative;

          crk_draw_text (d, layout, d->plot.x + d->plot.width, cy, CRK_ANCHOR_RIGHT, c, NULL);
        }
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, row->city, -1, 0, row->value, &hit,
                          bar_tooltip (d, row));
    }

  /* Stage names inside their bands, where the bars leave room. */
  for (guint b = 0; b < bands->len; b++)
    {
      const double *e = &g_array_index (bands, double, b * 3);
      guint tier = (guint) e[0], first = (guint) e[1], last = (guint) e[2];
      g_autoptr (PangoLayout) layout = NULL;
      g_autofree CrkRect *cands = NULL;
      double w, h, right = g.bars_x1 + g.value_w;
      guint n = 0;
      CrkRect chosen;

      if (tier >= data->n_tiers)
        continue;
      layout = crk_draw_layout (d, data->tier_names[tier], g.text_size, PANGO_WEIGHT_BOLD);
      pango_layout_set_attributes (layout, NULL);
      crk_text_layout_get_size (layout, &w, &h);
      cands = g_new (CrkRect, last - first + 1);
      for (guint i = last + 1; i-- > first;)
        crk_anchor_rect (CRK_ANCHOR_RIGHT, right, g.rows_y + (i + 0.5) * g.row_h, w, h,
                         &cands[n++]);
      if (crk_label_placer_place (placer, cands, n, &chosen) >= 0)
        crk_draw_text (d, layout, chosen.x, chosen.y, CRK_ANCHOR_TOP_LEFT, &d->style->secondary,
                       NULL);
    }
  rows_clear (&g);
}

/* Contribution chart */

/* Fills side by side: the series hues, or in print evenly spaced greys (the print series
 * greys repeat, told apart by dashes that fills do not have). */
static void
segment_color (CrkDraw *d, guint j, CrkRGBA *out)
{
  if (d->options->style == CRK_CHART_STYLE_PRINT)
    crk_palette_get_category (d->options->style, j, d->data->n_axes, out);
  else
    crk_palette_get_series (d->options->style, j, out);
}

void
crk_chart_contribution_legend (CrkDraw *d, GArray *entries)
{
  const CrkChartData *data = d->data;

  for (guint j = 0; j < data->n_axes; j++)
    {
      CrkRGBA color;

      segment_color (d, j, &color);
      crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_BOX, data->axis_names[j], &color, j,
                           G_MAXUINT);
    }
}

double
crk_chart_contribution_natural_height (CrkDraw *d)
{
  g_autoptr (GArray) legend = crk_draw_legend_entries_new ();
  Rows g = {0};

  crk_chart_contribution_legend (d, legend);
  rows_measure (d, &g, d->style->small_size, TRUE);
  rows_clear (&g);
  return crk_draw_natural_height (d, legend,
                                  g.top_strip + MAX (d->data->n_rows, 1) * g.row_h + g.axis_strip);
}

void
crk_chart_contribution_draw (CrkDraw *d)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  Rows g = {0};
  double rows_bottom;

  rows_measure (d, &g, d->style->small_size, TRUE);
  rows_place (d, &g);
  if (g.row_h < g.text_h)
    {
      double row_h = g.row_h;

      rows_measure (d, &g, d->style->small_size * row_h / g.text_h * 0.98, TRUE);
      rows_place (d, &g);
    }
  rows_clip (d, &g);
  rows_scale (d, &g);
  rows_bottom = g.rows_y + data->n_rows * g.row_h;
  draw_axis (d, &g, rows_bottom, data->value_name);

  for (guint i = 0; i < data->n_rows; i++)
    {
      const CrkChartRow *row = &data->rows[i];
      double cy = g.rows_y + (i + 0.5) * g.row_h;
      double pos = 0, neg = 0, total = 0;
      gboolean any = FALSE;
      gboolean visible = row_visible (&g, i);

      if (visible)
        draw_row_label (d, &g, i, cy);
      if (row->parts == NULL)
        continue;
      for (guint j = 0; j < data->n_axes; j++)
        {
          double v = row->parts[j], a, b;
          CrkRGBA color, text_color;
          CrkRect seg;
          g_autofree char *label = NULL;
          g_autofree char *value = NULL;
          g_autofree char *share = NULL;

          if (isnan (v))
            continue;
          any = TRUE;
          total += v;
          if (v >= 0)
            {
              a = pos;
              b = pos + v;
              pos = b;
            }
          else
            {
              b = neg;
              a = neg + v;
              neg = a;
            }
          seg = (CrkRect){x_of (&g, a), cy - g.bar_h / 2, x_of (&g, b) - x_of (&g, a), g.bar_h};
          value = crk_chart_format_value (v);
          if (!isnan (row->value) && row->value != 0)
            share = crk_chart_format_percent (v / row->value);
          label = g_strdup_printf (_ ("%s\n%s: %s points (%s of the score)"), row->name,
                                   data->axis_names[j], value,
                                   share != NULL ? share + (share[0] == '+' ? 1 : 0) : "–");
          crk_chart_hits_add (d->hits, CRK_CHART_HIT_SEGMENT, row->city, data->axis_nodes[j], 0, v,
                              &seg, g_steal_pointer (&label));
          if (!visible)
            continue;

          segment_color (d, j, &color);
          crk_rgba_set_source (cr, &color);
          cairo_rectangle (cr, seg.x, seg.y, seg.width, seg.height);
          cairo_fill (cr);
          /* A hairline between segments keeps neighbours apart, in print too. */
          cairo_save (cr);
          crk_rgba_set_source (cr, &d->style->background);
          cairo_set_line_width (cr, 0.6 * d->k);
          cairo_move_to (cr, seg.x + seg.width, seg.y);
          cairo_line_to (cr, seg.x + seg.width, seg.y + seg.height);
          cairo_stroke (cr);
          cairo_restore (cr);
          crk_draw_ink (d, seg.x, seg.y, seg.width, seg.height);

          {
            g_autoptr (PangoLayout) layout =
              crk_draw_layout (d, value, g.text_size * 0.92, PANGO_WEIGHT_NORMAL);
            double w, h;

            crk_text_layout_get_size (layout, &w, &h);
            if (w + 4 * d->k <= seg.width && h <= seg.height + 1)
              {
                crk_draw_contrast_text (d, &color, &text_color);
                crk_draw_text (d, layout, seg.x + seg.width / 2, cy, CRK_ANCHOR_CENTER, &text_color,
                               NULL);
              }
          }
        }
      if (any && visible)
        {
          double shown = !isnan (row->value) ? row->value : total;
          g_autofree char *text = crk_chart_format_value (shown);
          g_autoptr (PangoLayout) layout =
            crk_draw_layout (d, text, g.text_size, PANGO_WEIGHT_BOLD);

          crk_draw_text (d, layout, x_of (&g, pos) + 3 * d->k, cy, CRK_ANCHOR_LEFT,
                         &d->style->foreground, NULL);
        }
    }
  rows_clear (&g);
}
