/* crk-chart-draw.c: what every chart has (frame, legend, text) and the dispatch by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-draw"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

#define SWATCH 9.0
#define LINE_SWATCH 20.0

static void
legend_entry_clear (gpointer p)
{
  g_free (((CrkLegendEntry *) p)->text);
}

GArray *
crk_draw_legend_entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (CrkLegendEntry));

  g_array_set_clear_func (entries, legend_entry_clear);
  return entries;
}

void
crk_draw_legend_add (GArray *entries,
                     CrkLegendEntryKind kind,
                     const char *text,
                     const CrkRGBA *color,
                     guint series,
                     guint city)
{
  CrkLegendEntry e = {kind, g_strdup (text), {0, 0, 0, 1}, series, city};

  if (color != NULL)
    e.color = *color;
  g_array_append_val (entries, e);
}

PangoLayout *
crk_draw_layout (CrkDraw *d, const char *text, double size, PangoWeight weight)
{
  return crk_text_layout_new (d->cr, text, size, weight);
}

PangoLayout *
crk_draw_layout_wrapped (CrkDraw *d,
                         const char *text,
                         double size,
                         PangoWeight weight,
                         double width,
                         PangoAlignment alignment)
{
  return crk_text_layout_new_wrapped (d->cr, text, size, weight, width, alignment);
}

void
crk_draw_ink (CrkDraw *d, double x, double y, double width, double height)
{
  CrkRect r = {x, y, width, height};

  crk_chart_hits_add_ink (d->hits, &r);
}

void
crk_draw_text (CrkDraw *d,
               PangoLayout *layout,
               double x,
               double y,
               CrkAnchor anchor,
               const CrkRGBA *color,
               CrkRect *out)
{
  CrkRect r;
  double w, h;

  crk_text_layout_get_size (layout, &w, &h);
  crk_anchor_rect (anchor, x, y, w, h, &r);
  crk_text_draw (d->cr, layout, r.x, r.y, color != NULL ? color : &d->style->foreground);
  crk_chart_hits_add_label (d->hits, &r, pango_layout_get_text (layout));
  if (out != NULL)
    *out = r;
}

void
crk_draw_text_halo (CrkDraw *d,
                    PangoLayout *layout,
                    double x,
                    double y,
                    CrkAnchor anchor,
                    const CrkRGBA *color,
                    const CrkRGBA *halo,
                    CrkRect *out)
{
  CrkRect r;
  double w, h;

  crk_text_layout_get_size (layout, &w, &h);
  crk_anchor_rect (anchor, x, y, w, h, &r);
  crk_text_draw_halo (d->cr, layout, r.x, r.y, color != NULL ? color : &d->style->foreground, halo,
                      2.5 * d->k);
  crk_chart_hits_add_label (d->hits, &r, pango_layout_get_text (layout));
  if (out != NULL)
    *out = r;
}

void
crk_draw_nice_scale (double lo,
                     double hi,
                     guint target,
                     double *nice_lo,
                     double *nice_hi,
                     double *step)
{
  double range, raw, mag, f, s;

  if (!(hi > lo))
    hi = lo + 1;
  range = hi - lo;
  raw = range / MAX (target, 1);
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  if (f <= 1)
    s = 1;
  else if (f <= 2)
    s = 2;
  else if (f <= 2.5)
    s = 2.5;
  else if (f <= 5)
    s = 5;
  else
    s = 10;
  s *= mag;
  *step = s;
  *nice_lo = floor (lo / s + 1e-9) * s;
  *nice_hi = ceil (hi / s - 1e-9) * s;
}

char *
crk_draw_format_tick (double value, double step)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals = 0;
  double s = fabs (step);

  while (decimals < 6 && fabs (s - round (s)) > 1e-9 * MAX (1, s))
    {
      s *= 10;
      decimals++;
    }
  if (fabs (value) < step * 1e-9)
    value = 0;
  if (fabs (value) >= 10000 && decimals == 0)
    return crk_chart_format_value (value);
  {
    g_autofree char *format = g_strdup_printf ("%%.%df", decimals);
    g_ascii_formatd (buf, sizeof buf, format, value);
  }
  if (buf[0] == '-')
    return g_strdup_printf ("−%s", buf + 1);
  return g_strdup (buf);
}

void
crk_draw_contrast_text (CrkDraw *d, const CrkRGBA *fill, CrkRGBA *out)
{
  if (crk_rgba_get_luminance (fill) > 0.35)
    *out = (CrkRGBA){0.08, 0.08, 0.08, 1};
  else
    *out = (CrkRGBA){1, 1, 1, 1};
}

/* Frame */

typedef struct
{
  PangoLayout *layout;
  double x, y;  /* of the entry's swatch box, relative to the legend's origin */
  double width; /* of the whole entry */
  double height;
} LegendItem;

typedef struct
{
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *source;
  double header_height; /* from the top edge to the plot */
  double footer_height; /* from the plot to the bottom edge */
  GArray *items;        /* LegendItem */
  double legend_width;
  double legend_height;
  double swatch_width;
  gboolean legend_rows; /* the legend goes below the plot */
} FrameLayout;

static void
frame_layout_clear (FrameLayout *f)
{
  g_clear_object (&f->title);
  g_clear_object (&f->subtitle);
  g_clear_object (&f->source);
  if (f->items != NULL)
    {
      for (guint i = 0; i < f->items->len; i++)
        g_object_unref (g_array_index (f->items, LegendItem, i).layout);
      g_array_unref (f->items);
    }
}

static double
swatch_width (CrkDraw *d, GArray *legend)
{
  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      CrkLegendEntryKind kind = g_array_index (legend, CrkLegendEntry, i).kind;

      if (kind == CRK_LEGEND_ENTRY_SERIES || kind == CRK_LEGEND_ENTRY_BENCHMARK ||
          kind == CRK_LEGEND_ENTRY_ARC)
        return LINE_SWATCH * d->k;
    }
  return SWATCH * d->k;
}

/* Lays the legend out for a right column of at most @max_width, or in rows @max_width wide
 * when @rows. */
static void
layout_legend (CrkDraw *d, GArray *legend, gboolean rows, double max_width, FrameLayout *f)
{
  double gap = 5 * d->k, row_gap = 3 * d->k, col_gap = 14 * d->k;
  double sw = swatch_width (d, legend);
  double x = 0, y = 0, row_height = 0;

  f->swatch_width = sw;
  f->items = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  f->legend_width = 0;
  f->legend_height = 0;
  if (legend == NULL || legend->len == 0)
    return;

  for (guint i = 0; i < legend->len; i++)
    {
      const CrkLegendEntry *e = &g_array_index (legend, CrkLegendEntry, i);
      gboolean heading = e->kind == CRK_LEGEND_ENTRY_HEADING;
      LegendItem item = {0};
      double tw, th, text_max = MAX (max_width - (heading ? 0 : sw + gap), 20 * d->k);

      item.layout = crk_draw_layout (d, e->text, d->style->font_size * 0.95,
                                     heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      crk_text_layout_get_size (item.layout, &tw, &th);
      if (tw > text_max)
        {
          crk_text_layout_set_width (item.layout, text_max, PANGO_ALIGN_LEFT);
          crk_text_layout_get_size (item.layout, &tw, &th);
        }
      item.width = (heading ? 0 : sw + gap) + tw;
      item.height = MAX (th, SWATCH * d->k);

      if (!rows)
        {
          if (heading && i > 0)
            y += row_gap * 2;
          item.x = 0;
          item.y = y;
          y += item.height + row_gap;
          f->legend_width = MAX (f->legend_width, item.width);
          f->legend_height = y - row_gap;
        }
      else
        {
          if (x > 0 && (heading || x + item.width > max_width))
            {
              x = 0;
              y += row_height + row_gap;
              row_height = 0;
            }
          item.x = x;
          item.y = y;
          x += item.width + col_gap;
          row_height = MAX (row_height, item.height);
          f->legend_width = MAX (f->legend_width, x - col_gap);
          f->legend_height = y + row_height;
        }
      g_array_append_val (f->items, item);
    }
}

static void
layout_frame (CrkDraw *d, GArray *legend, gboolean fit_height, FrameLayout *f)
{
  const CrkChartData *data = d->data;
  double inner = MAX (d->width - 2 * d->margin, 10);
  double h;

  memset (f, 0, sizeof *f);
  f->header_height = d->margin;
  if (data->title != NULL && *data->title != '\0')
    {
      f->title = crk_draw_layout_wrapped (d, data->title, d->style->title_size, PANGO_WEIGHT_BOLD,
                                          inner, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (f->title, NULL, &h);
      f->header_height += h;
    }
  if (data->subtitle != NULL && *data->subtitle != '\0')
    {
      f->subtitle = crk_draw_layout_wrapped (d, data->subtitle, d->style->subtitle_size,
                                             PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (f->subtitle, NULL, &h);
      f->header_height += 2 * d->k + h;
    }
  if (f->title != NULL || f->subtitle != NULL)
    f->header_height += 10 * d->k;

  f->footer_height = d->margin;
  if (data->source != NULL && *data->source != '\0')
    {
      f->source = crk_draw_layout_wrapped (d, data->source, d->style->small_size,
                                           PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (f->source, NULL, &h);
      f->footer_height += h + 8 * d->k;
    }

  switch (d->options->legend)
    {
      case CRK_LEGEND_RIGHT:
        layout_legend (d, legend, FALSE, inner * 0.28, f);
        /* A right legend taller than the plot goes below it rather than over the source. */
        if (fit_height && f->legend_height > d->height - f->header_height - f->footer_height)
          {
            for (guint i = 0; i < f->items->len; i++)
              g_object_unref (g_array_index (f->items, LegendItem, i).layout);
            g_clear_pointer (&f->items, g_array_unref);
            layout_legend (d, legend, TRUE, inner, f);
            f->legend_rows = TRUE;
            if (f->legend_height > 0)
              f->footer_height += f->legend_height + 10 * d->k;
          }
        break;
      case CRK_LEGEND_BOTTOM:
        layout_legend (d, legend, TRUE, inner, f);
        f->legend_rows = TRUE;
        if (f->legend_height > 0)
          f->footer_height += f->legend_height + 10 * d->k;
        break;
      case CRK_LEGEND_NONE:
      default:
        layout_legend (d, NULL, FALSE, 0, f);
        break;
    }
}

double
crk_draw_frame_height (CrkDraw *d, GArray *legend, double *legend_width)
{
  FrameLayout f;
  double h;

  layout_frame (d, legend, FALSE, &f);
  h = f.header_height + f.footer_height;
  if (legend_width != NULL)
    *legend_width = d->options->legend == CRK_LEGEND_RIGHT ? f.legend_width : 0;
  frame_layout_clear (&f);
  return h;
}

double
crk_draw_natural_height (CrkDraw *d, GArray *legend, double content)
{
  FrameLayout f;
  double h;

  layout_frame (d, legend, FALSE, &f);
  h = f.header_height + f.footer_height;
  if (d->options->legend == CRK_LEGEND_RIGHT)
    content = MAX (content, f.legend_height);
  frame_layout_clear (&f);
  return h + content;
}

static void
draw_legend_swatch (CrkDraw *d, const CrkLegendEntry *e, double x, double cy, double sw)
{
  cairo_t *cr = d->cr;
  double dashes[4];
  int n_dashes;

  cairo_save (cr);
  switch (e->kind)
    {
      case CRK_LEGEND_ENTRY_BOX:
        crk_rgba_set_source (cr, &e->color);
        cairo_rectangle (cr, x, cy - SWATCH * d->k / 2, SWATCH * d->k, SWATCH * d->k);
        cairo_fill (cr);
        crk_draw_ink (d, x, cy - SWATCH * d->k / 2, SWATCH * d->k, SWATCH * d->k);
        break;
      case CRK_LEGEND_ENTRY_SERIES:
        crk_rgba_set_source (cr, &e->color);
        cairo_set_line_width (cr, d->style->line_width);
        crk_palette_get_series_dash (d->style->style, e->series, d->style->line_width, dashes,
                                     &n_dashes);
        cairo_set_dash (cr, dashes, n_dashes, 0);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + sw, cy);
        cairo_stroke (cr);
        crk_draw_marker (cr, crk_palette_get_series_marker (d->style->style, e->series), x + sw / 2,
                         cy, 5.5 * d->k, FALSE, NULL);
        crk_draw_ink (d, x, cy - 3 * d->k, sw, 6 * d->k);
        break;
      case CRK_LEGEND_ENTRY_BENCHMARK:
        crk_rgba_set_source (cr, &e->color);
        cairo_set_line_width (cr, d->style->line_width);
        dashes[0] = 4 * d->k;
        dashes[1] = 2.5 * d->k;
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + sw, cy);
        cairo_stroke (cr);
        crk_draw_ink (d, x, cy - 1, sw, 2);
        break;
      case CRK_LEGEND_ENTRY_ARC:
        crk_rgba_set_source (cr, &e->color);
        cairo_set_line_width (cr, 4 * d->k);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + sw, cy);
        cairo_stroke (cr);
        crk_draw_ink (d, x, cy - 2 * d->k, sw, 4 * d->k);
        break;
      case CRK_LEGEND_ENTRY_HEADING:
      default:
        break;
    }
  cairo_restore (cr);
}

static void
draw_legend (CrkDraw *d, GArray *legend, FrameLayout *f, double ox, double oy)
{
  double gap = 5 * d->k;

  for (guint i = 0; i < f->items->len; i++)
    {
      const CrkLegendEntry *e = &g_array_index (legend, CrkLegendEntry, i);
      LegendItem *item = &g_array_index (f->items, LegendItem, i);
      gboolean heading = e->kind == CRK_LEGEND_ENTRY_HEADING;
      double x = ox + item->x, y = oy + item->y;
      double first_line_center;
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
      int y0, y1;
      CrkRect text_rect, hit;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      first_line_center = y + (double) (y0 + y1) / 2 / PANGO_SCALE;

      if (!heading)
        draw_legend_swatch (d, e, x, first_line_center, f->swatch_width);
      crk_draw_text (d, item->layout, heading ? x : x + f->swatch_width + gap, y,
                     CRK_ANCHOR_TOP_LEFT, heading ? &d->style->foreground : &d->style->secondary,
                     &text_rect);
      hit = (CrkRect){x, y, item->width, item->height};
      if (!heading)
        crk_chart_hits_add (d->hits, CRK_CHART_HIT_LEGEND, e->city, -1, 0, NAN, &hit,
                            g_strdup (e->text));
    }
}

void
crk_draw_frame (CrkDraw *d, GArray *legend)
{
  cairo_t *cr = d->cr;
  FrameLayout f;
  double y = d->margin;
  double plot_right = d->width - d->margin;
  double h;

  layout_frame (d, legend, TRUE, &f);

  cairo_save (cr);
  crk_rgba_set_source (cr, &d->style->background);
  cairo_rectangle (cr, 0, 0, d->width, d->height);
  cairo_fill (cr);
  cairo_restore (cr);

  if (f.title != NULL)
    {
      crk_draw_text (d, f.title, d->margin, y, CRK_ANCHOR_TOP_LEFT, &d->style->foreground, NULL);
      crk_text_layout_get_size (f.title, NULL, &h);
      y += h;
    }
  if (f.subtitle != NULL)
    {
      y += 2 * d->k;
      crk_draw_text (d, f.subtitle, d->margin, y, CRK_ANCHOR_TOP_LEFT, &d->style->secondary, NULL);
    }
  if (f.source != NULL)
    crk_draw_text (d, f.source, d->margin, d->height - d->margin, CRK_ANCHOR_BOTTOM_LEFT,
                   &d->style->secondary, NULL);

  d->plot.x = d->margin;
  d->plot.y = f.header_height;
  d->plot.height = MAX (d->height - f.header_height - f.footer_height, 1);

  if (!f.legend_rows && d->options->legend == CRK_LEGEND_RIGHT && f.items->len > 0)
    {
      double lx = d->width - d->margin - f.legend_width;

      plot_right = lx - 14 * d->k;
      draw_legend (d, legend, &f, lx, d->plot.y);
    }
  else if (f.legend_rows && f.items->len > 0)
    {
      double ly = d->plot.y + d->plot.height + 10 * d->k;
      double lx = d->margin + MAX (0, (d->width - 2 * d->margin - f.legend_width) / 2);

      draw_legend (d, legend, &f, lx, ly);
    }
  d->plot.width = MAX (plot_right - d->plot.x, 1);
  frame_layout_clear (&f);
}

/* Dispatch */

static void
add_legend (CrkDraw *d, GArray *entries)
{
  switch (d->data->kind)
    {
      case CRK_CHART_RADAR:
        crk_chart_radar_legend (d, entries);
        break;
      case CRK_CHART_BAR:
        crk_chart_bar_legend (d, entries);
        break;
      case CRK_CHART_CONTRIBUTION:
        crk_chart_contribution_legend (d, entries);
        break;
      case CRK_CHART_GAP:
        crk_chart_gap_legend (d, entries);
        break;
      case CRK_CHART_VALUES:
      default:
        crk_chart_values_legend (d, entries);
        break;
    }
}

static void
draw_init (CrkDraw *d,
           cairo_t *cr,
           const CrkChartData *data,
           const CrkChartOptions *options,
           double width,
           double height,
           CrkChartHits *hits)
{
  memset (d, 0, sizeof *d);
  d->cr = cr;
  d->data = data;
  d->options = options;
  d->k = options->font_scale > 0 ? options->font_scale : 1.0;
  d->style = crk_style_new (options->style, d->k);
  d->hits = hits;
  d->width = width;
  d->height = height;
  /* From the width only, so that a natural height measured before the height is known
   * holds when drawn at that height. */
  d->margin = CLAMP (width * 0.025, 6 * d->k, 20 * d->k);
}

void
crk_chart_data_draw (cairo_t *cr,
                     const CrkChartData *data,
                     const CrkChartOptions *options,
                     double width,
                     double height,
                     CrkChartHits *hits)
{
  CrkDraw d;
  g_autoptr (GArray) legend = crk_draw_legend_entries_new ();

  g_return_if_fail (cr != NULL && data != NULL && options != NULL);

  if (hits != NULL)
    crk_chart_hits_clear (hits);
  draw_init (&d, cr, data, options, width, height, hits);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  add_legend (&d, legend);
  crk_draw_frame (&d, legend);
  switch (data->kind)
    {
      case CRK_CHART_RADAR:
        crk_chart_radar_draw (&d);
        break;
      case CRK_CHART_BAR:
        crk_chart_bar_draw (&d);
        break;
      case CRK_CHART_CONTRIBUTION:
        crk_chart_contribution_draw (&d);
        break;
      case CRK_CHART_GAP:
        crk_chart_gap_draw (&d);
        break;
      case CRK_CHART_VALUES:
      default:
        crk_chart_values_draw (&d);
        break;
    }
  cairo_restore (cr);
  g_free (d.style);
}

double
crk_chart_data_get_natural_height (const CrkChartData *data,
                                   const CrkChartOptions *options,
                                   double width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GArray) legend = crk_draw_legend_entries_new ();
  CrkDraw d;
  double height;

  draw_init (&d, cr, data, options, width, width * 0.75, NULL);
  add_legend (&d, legend);
  switch (data->kind)
    {
      case CRK_CHART_BAR:
        height = crk_chart_bar_natural_height (&d);
        break;
      case CRK_CHART_CONTRIBUTION:
        height = crk_chart_contribution_natural_height (&d);
        break;
      case CRK_CHART_GAP:
        height = crk_chart_gap_natural_height (&d);
        break;
      case CRK_CHART_VALUES:
        height = crk_chart_values_natural_height (&d);
        break;
      case CRK_CHART_RADAR:
      default:
        height = width * (options->legend == CRK_LEGEND_RIGHT ? 0.72 : 0.9);
        break;
    }
  g_free (d.style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ceil (height);
}

typedef struct
{
  const CrkChartData *data;
  const CrkChartOptions *options;
} ExportClosure;

static void
export_draw (cairo_t *cr, double width, double height, gpointer user_data)
{
  ExportClosure *c = user_data;

  crk_chart_data_draw (cr, c->data, c->options, width, height, NULL);
}

gboolean
crk_chart_data_export (const CrkChartData *data,
                       const CrkChartOptions *options,
                       const char *path,
                       CrkExportFormat format,
                       double width_px,
                       double height_px,
                       double dpi,
                       GError **error)
{
  ExportClosure c = {data, options};
  g_autofree char *description = crk_chart_data_describe (data, options);

  return crk_export_draw (path, format, width_px, height_px, dpi, data->title, description,
                          export_draw, &c, error);
}
