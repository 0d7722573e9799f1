/* crk-chart-values.c: one city's raw indicator values, grouped by indicator across years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-values"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

/* Years from old (light) to recent (dark): one hue, so the order reads as time. */
static void
year_color (CrkDraw *d, guint i, guint n, CrkRGBA *out)
{
  double t = n <= 1 ? 1.0 : (double) i / (n - 1);
  CrkRGBA a, b;

  switch (d->options->style)
    {
      case CRK_CHART_STYLE_PRINT:
        a = (CrkRGBA){0.78, 0.78, 0.78, 1};
        b = (CrkRGBA){0.15, 0.15, 0.15, 1};
        break;
      case CRK_CHART_STYLE_DARK:
        a = (CrkRGBA){0.20, 0.33, 0.47, 1};
        b = (CrkRGBA){0.34, 0.71, 0.91, 1};
        break;
      case CRK_CHART_STYLE_LIGHT:
      default:
        a = (CrkRGBA){0.70, 0.84, 0.93, 1};
        b = (CrkRGBA){0.0, 0.36, 0.62, 1};
        break;
    }
  out->red = a.red + (b.red - a.red) * t;
  out->green = a.green + (b.green - a.green) * t;
  out->blue = a.blue + (b.blue - a.blue) * t;
  out->alpha = 1;
}

static char *
series_label (const CrkChartSeries *s)
{
  if (s->year != 0)
    return g_strdup_printf ("%d", s->year);
  return g_strdup (s->name);
}

void
crk_chart_values_legend (CrkDraw *d, GArray *entries)
{
  const CrkChartData *data = d->data;

  for (guint i = 0; i < data->n_series; i++)
    {
      CrkRGBA color;
      g_autofree char *label = series_label (&data->series[i]);

      year_color (d, i, data->n_series, &color);
      crk_draw_legend_add (entries, CRK_LEGEND_ENTRY_BOX, label, &color, i, G_MAXUINT);
    }
}

static gboolean
common_unit (const CrkChartData *data)
{
  for (guint j = 1; j < data->n_axes; j++)
    if (g_strcmp0 (data->axis_units[j] != NULL ? data->axis_units[j] : "",
                   data->axis_units[0] != NULL ? data->axis_units[0] : "") != 0)
      return FALSE;
  return TRUE;
}

static char *
axis_label (const CrkChartData *data, guint j)
{
  if (data->axis_units[j] != NULL && *data->axis_units[j] != '\0')
    return g_strdup_printf ("%s (%s)", data->axis_names[j], data->axis_units[j]);
  return g_strdup (data->axis_names[j]);
}

typedef struct
{
  double text_size, text_h, bar_pitch, bar_h, group_gap;
  double label_w, year_w, value_w;
  double bars_x0, bars_x1;
  gboolean common;
  double *group_h;
} Values;

static void
values_measure (CrkDraw *d, Values *v, double text_size, double width)
{
  const CrkChartData *data = d->data;
  double max_label = 0;

  v->text_size = text_size;
  {
    g_autoptr (PangoLayout) probe = crk_draw_layout (d, "Ag国", text_size, PANGO_WEIGHT_NORMAL);
    crk_text_layout_get_size (probe, NULL, &v->text_h);
  }
  v->bar_pitch = v->text_h * 1.15;
  v->bar_h = v->bar_pitch * 0.78;
  v->group_gap = v->text_h * 0.9;
  v->common = common_unit (data);

  for (guint j = 0; j < data->n_axes; j++)
    {
      g_autofree char *label = axis_label (data, j);
      g_autoptr (PangoLayout) l = crk_draw_layout (d, label, text_size, PANGO_WEIGHT_NORMAL);
      double w;

      crk_text_layout_get_size (l, &w, NULL);
      max_label = MAX (max_label, w);
    }
  v->label_w = MIN (max_label, width * 0.3);
  v->year_w = 0;
  for (guint i = 0; i < data->n_series; i++)
    {
      g_autofree char *label = series_label (&data->series[i]);
      g_autoptr (PangoLayout) l = crk_draw_layout (d, label, text_size * 0.9, PANGO_WEIGHT_NORMAL);
      double w;

      crk_text_layout_get_size (l, &w, NULL);
      v->year_w = MAX (v->year_w, w);
    }
  v->value_w = 0;
  for (guint j = 0; j < data->n_axes; j++)
    for (guint i = 0; i < data->n_series; i++)
      {
        g_autofree char *value = crk_chart_format_value (data->series[i].values[j]);
        g_autofree char *text = g_strdup_printf ("%s  %s", value, "+000.0%");
        g_autoptr (PangoLayout) l = crk_draw_layout (d, text, text_size * 0.9, PANGO_WEIGHT_NORMAL);
        double w;

        crk_text_layout_get_size (l, &w, NULL);
        v->value_w = MAX (v->value_w, w + 4 * d->k);
      }

  v->group_h = g_new (double, MAX (data->n_axes, 1));
  for (guint j = 0; j < data->n_axes; j++)
    {
      g_autofree char *label = axis_label (data, j);
      g_autoptr (PangoLayout) l = crk_draw_layout (d, label, text_size, PANGO_WEIGHT_NORMAL);
      double h;

      crk_text_layout_set_width (l, v->label_w, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (l, NULL, &h);
      v->group_h[j] = MAX (h, MAX (data->n_series, 1) * v->bar_pitch) + v->group_gap;
    }
}

static double
values_total_height (CrkDraw *d, Values *v)
{
  double h = 0;

  for (guint j = 0; j < d->data->n_axes; j++)
    h += v->group_h[j];
  return h + v->text_h + 6 * d->k;
}

double
crk_chart_values_natural_height (CrkDraw *d)
{
  g_autoptr (GArray) legend = crk_draw_legend_entries_new ();
  double legend_w = 0, h;
  Values v = {0};

  crk_chart_values_legend (d, legend);
  crk_draw_frame_height (d, legend, &legend_w);
  values_measure (d, &v, d->style->small_size, d->width - 2 * d->margin - legend_w);
  h = crk_draw_natural_height (d, legend, values_total_height (d, &v));
  g_free (v.group_h);
  return h;
}

static void
scale_of (const CrkChartData *data, gboolean common, guint j, double *lo, double *hi)
{
  *lo = 0;
  *hi = 0;
  /* Indicators of the same unit share a scale. */
  for (guint jj = 0; jj < data->n_axes; jj++)
    for (guint i = 0; i < data->n_series; i++)
      {
        double x = data->series[i].values[jj];

        if (!common &&
            g_strcmp0 (data->axis_units[jj] != NULL ? data->axis_units[jj] : "",
                       data->axis_units[j] != NULL ? data->axis_units[j] : "") != 0)
          continue;
        if (!isnan (x))
          {
            *lo = MIN (*lo, x);
            *hi = MAX (*hi, x);
          }
      }
  /* With a negative value, zero in the middle, so a bar's direction shows its sign. */
  if (*lo < 0)
    {
      double m = MAX (-*lo, *hi);
      *lo = -m;
      *hi = m;
    }
  if (*hi <= *lo)
    *hi = *lo + 1;
}

/* Series @i's bar for indicator @j, its value and its growth on the year before, in the
 * row at @y on the scale [@lo, @hi]. */
static void
values_draw_bar (CrkDraw *d,
                 const Values *v,
                 guint j,
                 guint i,
                 double y,
                 double lo,
                 double hi,
                 double gap)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  const CrkChartSeries *s = &data->series[i];
  double value = s->values[j];
  double prev = i > 0 ? data->series[i - 1].values[j] : NAN;
  double cy = y + (i + 0.5) * v->bar_pitch;
  double x0 = v->bars_x0 + (v->bars_x1 - v->bars_x0) * (MIN (0, value) - lo) / (hi - lo);
  double x1 = v->bars_x0 + (v->bars_x1 - v->bars_x0) * (MAX (0, value) - lo) / (hi - lo);
  g_autofree char *year = series_label (s);
  g_autoptr (PangoLayout) yl = crk_draw_layout (d, year, v->text_size * 0.9, PANGO_WEIGHT_NORMAL);
  g_autofree char *text = crk_chart_format_value (value);
  g_autofree char *growth = NULL;
  g_autofree char *tooltip = NULL;
  CrkRGBA color;
  CrkRect value_rect,
    hit = {v->bars_x0, cy - v->bar_pitch / 2, v->bars_x1 - v->bars_x0 + v->value_w, v->bar_pitch};

  crk_draw_text (d, yl, v->bars_x0 - gap * 0.6, cy, CRK_ANCHOR_RIGHT, &d->style->secondary, NULL);
  if (isnan (value))
    {
      g_autoptr (PangoLayout) nl =
        crk_draw_layout (d, _ ("no value"), v->text_size * 0.9, PANGO_WEIGHT_NORMAL);

      pango_layout_set_text (nl, _ ("no value"), -1);
      crk_draw_text (d, nl, v->bars_x0 + 2 * d->k, cy, CRK_ANCHOR_LEFT, &d->style->secondary, NULL);
      tooltip = g_strdup_printf (_ ("%s, %s: no value"), data->axis_names[j], year);
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, s->city, data->axis_nodes[j], s->year, NAN,
                          &hit, g_steal_pointer (&tooltip));
      return;
    }
  year_color (d, i, data->n_series, &color);
  crk_rgba_set_source (cr, &color);
  cairo_rectangle (cr, x0, cy - v->bar_h / 2, MAX (x1 - x0, 0.5), v->bar_h);
  cairo_fill (cr);
  crk_draw_ink (d, x0, cy - v->bar_h / 2, x1 - x0, v->bar_h);

  {
    g_autoptr (PangoLayout) vl = crk_draw_layout (d, text, v->text_size * 0.9, PANGO_WEIGHT_NORMAL);
    /* Negative bars grow left of zero; their label goes right of zero. */
    crk_draw_text (d, vl, x1 + 3 * d->k, cy, CRK_ANCHOR_LEFT,
                   value < 0 ? &d->style->negative : &d->style->foreground, &value_rect);
  }
  if (!isnan (prev) && prev != 0)
    {
      double g = (value - prev) / fabs (prev);
      g_autoptr (PangoLayout) gl = NULL;

      growth = crk_chart_format_percent (g);
      gl = crk_draw_layout (d, growth, v->text_size * 0.9, PANGO_WEIGHT_BOLD);
      crk_draw_text (d, gl, value_rect.x + value_rect.width + 4 * d->k, cy, CRK_ANCHOR_LEFT,
                     g >= 0 ? &d->style->positive : &d->style->negative, NULL);
    }
  if (growth != NULL)
    tooltip =
      g_strdup_printf (_ ("%s, %s: %s %s (%s on the year before)"), data->axis_names[j], year, text,
                       data->axis_units[j] != NULL ? data->axis_units[j] : "", growth);
  else
    tooltip = g_strdup_printf (_ ("%s, %s: %s %s"), data->axis_names[j], year, text,
                               data->axis_units[j] != NULL ? data->axis_units[j] : "");
  crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, s->city, data->axis_nodes[j], s->year, value,
                      &hit, g_steal_pointer (&tooltip));
}

/* The axis under the groups ending at @y: ticks on a common scale, or a note that each
 * indicator has its own. */
static void
values_draw_axis (CrkDraw *d,
                  const Values *v,
                  double y,
                  double common_lo,
                  double common_hi,
                  double step)
{
  cairo_t *cr = d->cr;

  if (v->common)
    {
      guint n_ticks = (guint) round ((common_hi - common_lo) / step);

      cairo_save (cr);
      crk_rgba_set_source (cr, &d->style->axis);
      cairo_set_line_width (cr, d->style->grid_width);
      cairo_move_to (cr, v->bars_x0, y - v->group_gap / 2);
      cairo_line_to (cr, v->bars_x1, y - v->group_gap / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      for (guint t = 0; t <= n_ticks; t++)
        {
          double value = common_lo + t * step;
          g_autofree char *text = crk_draw_format_tick (value, step);
          g_autoptr (PangoLayout) l =
            crk_draw_layout (d, text, v->text_size * 0.9, PANGO_WEIGHT_NORMAL);
          double w;

          crk_text_layout_get_size (l, &w, NULL);
          crk_draw_text (d, l,
                         MIN (v->bars_x0 + (v->bars_x1 - v->bars_x0) * t / n_ticks,
                              d->width - d->margin - w / 2),
                         y - v->group_gap / 2 + 2 * d->k, CRK_ANCHOR_TOP, &d->style->secondary,
                         NULL);
        }
    }
  else
    {
      g_autoptr (PangoLayout) l =
        crk_draw_layout (d, _ ("Indicators share a scale only with those of the same unit."),
                         v->text_size * 0.9, PANGO_WEIGHT_NORMAL);

      crk_text_layout_set_width (l, d->plot.width, PANGO_ALIGN_LEFT);
      crk_draw_text (d, l, d->plot.x, y - v->group_gap / 2 + 2 * d->k, CRK_ANCHOR_TOP_LEFT,
                     &d->style->secondary, NULL);
    }
}

void
crk_chart_values_draw (CrkDraw *d)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  Values v = {0};
  double y, total, common_lo = 0, common_hi = 1, step = 1;
  double gap = 6 * d->k;

  if (data->n_series == 0 || data->n_axes == 0)
    {
      g_autoptr (PangoLayout) l =
        crk_draw_layout (d, _ ("No values to show."), d->style->font_size, PANGO_WEIGHT_NORMAL);
      crk_draw_text (d, l, d->plot.x + d->plot.width / 2, d->plot.y + d->plot.height / 2,
                     CRK_ANCHOR_CENTER, &d->style->secondary, NULL);
      return;
    }

  values_measure (d, &v, d->style->small_size, d->plot.width);
  total = values_total_height (d, &v);
  if (total > d->plot.height)
    {
      /* Smaller text so that the groups fit. */
      double f = d->plot.height / total;

      g_free (v.group_h);
      values_measure (d, &v, d->style->small_size * f * 0.98, d->plot.width);
    }

  v.bars_x0 = d->plot.x + v.label_w + gap + v.year_w + gap * 0.6;
  v.bars_x1 = d->plot.x + d->plot.width - v.value_w;
  if (v.bars_x1 - v.bars_x0 < 20 * d->k)
    v.bars_x1 = v.bars_x0 + 20 * d->k;

  y = d->plot.y;
  if (v.common)
    {
      scale_of (data, TRUE, 0, &common_lo, &common_hi);
      crk_draw_nice_scale (common_lo, common_hi,
                           MAX (2, (guint) ((v.bars_x1 - v.bars_x0) / (60 * d->k))), &common_lo,
                           &common_hi, &step);
    }

  for (guint j = 0; j < data->n_axes; j++)
    {
      g_autofree char *label = axis_label (data, j);
      g_autoptr (PangoLayout) l = crk_draw_layout (d, label, v.text_size, PANGO_WEIGHT_BOLD);
      double lo = common_lo, hi = common_hi;

      if (!v.common)
        scale_of (data, FALSE, j, &lo, &hi);
      crk_text_layout_set_width (l, v.label_w, PANGO_ALIGN_LEFT);
      crk_draw_text (d, l, d->plot.x, y, CRK_ANCHOR_TOP_LEFT, &d->style->foreground, NULL);
      if (lo < 0)
        {
          double zx = round (v.bars_x0 + (v.bars_x1 - v.bars_x0) * (0 - lo) / (hi - lo)) + 0.5;

          cairo_save (cr);
          crk_rgba_set_source (cr, &d->style->axis);
          cairo_set_line_width (cr, d->style->grid_width);
          cairo_move_to (cr, zx, y);
          cairo_line_to (cr, zx, y + MAX (data->n_series, 1) * v.bar_pitch);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      for (guint i = 0; i < data->n_series; i++)
        values_draw_bar (d, &v, j, i, y, lo, hi, gap);
      y += v.group_h[j];
    }

  values_draw_axis (d, &v, y, common_lo, common_hi, step);
  g_free (v.group_h);
}
