/* crk-chart-gap.c: the two-city gap split by component, as diverging bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-gap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

/* The captions over the bars, in the two cities' colours, say which side is whose: the
 * chart needs no legend. */
void
crk_chart_gap_legend (CrkDraw *d, GArray *entries)
{
}

typedef struct
{
  double text_size, text_h, row_h, bar_h;
  double label_w;
  double value_w;
  double x0, x1, zero;
  double max;
  double step;
} Gap;

static double
gap_of (const CrkChartData *data, guint j)
{
  if (data->n_series < 2)
    return NAN;
  return data->series[0].values[j] - data->series[1].values[j];
}

static void
gap_measure (CrkDraw *d, Gap *g)
{
  const CrkChartData *data = d->data;
  g_autoptr (PangoLayout) probe = NULL;

  memset (g, 0, sizeof *g);
  g->text_size = d->style->font_size * 0.95;
  probe = crk_draw_layout (d, "Ag国", g->text_size, PANGO_WEIGHT_NORMAL);
  crk_text_layout_get_size (probe, NULL, &g->text_h);
  g->row_h = g->text_h * 2.0;
  g->bar_h = g->row_h * 0.6;
  for (guint j = 0; j < data->n_axes; j++)
    {
      g_autoptr (PangoLayout) l =
        crk_draw_layout (d, data->axis_names[j], g->text_size, PANGO_WEIGHT_NORMAL);
      double w;

      crk_text_layout_get_size (l, &w, NULL);
      g->label_w = MAX (g->label_w, w);
    }
  {
    g_autoptr (PangoLayout) l =
      crk_draw_layout (d, _ ("Total gap"), g->text_size, PANGO_WEIGHT_BOLD);
    double w;

    crk_text_layout_get_size (l, &w, NULL);
    g->label_w = MAX (g->label_w, w);
  }
  {
    g_autoptr (PangoLayout) l = crk_draw_layout (d, "−000.0", g->text_size, PANGO_WEIGHT_BOLD);

    crk_text_layout_get_size (l, &g->value_w, NULL);
    g->value_w += 4 * d->k;
  }
}

double
crk_chart_gap_natural_height (CrkDraw *d)
{
  g_autoptr (GArray) legend = crk_draw_legend_entries_new ();
  Gap g;

  crk_chart_gap_legend (d, legend);
  gap_measure (d, &g);
  /* Caption row, the parts, a separator and the total, the axis. */
  return crk_draw_natural_height (d, legend,
                                  g.text_h * 2 + (d->data->n_axes + 1) * g.row_h + g.text_h * 0.8 +
                                    g.text_h + 6 * d->k);
}

static void
draw_bar (CrkDraw *d, Gap *g, double value, double cy, gboolean bold, int node, const char *name)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  double scale = (g->x1 - g->zero) / g->max;
  double x = g->zero + value * scale;
  CrkRGBA color;
  CrkRect bar = {MIN (x, g->zero), cy - g->bar_h / 2, fabs (x - g->zero), g->bar_h};
  CrkRect hit = {d->plot.x, cy - g->row_h / 2, d->plot.width, g->row_h};
  g_autofree char *v = crk_chart_format_value (fabs (value));
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *a = NULL, *b = NULL;
  char *tooltip;

  if (isnan (value))
    return;
  text = g_strdup_printf ("%s%s", value > 0 ? "+" : value < 0 ? "−" : "", v);
  crk_palette_get_series (d->options->style, value >= 0 ? 0 : 1, &color);
  crk_rgba_set_source (cr, &color);
  cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
  cairo_fill (cr);
  crk_draw_ink (d, bar.x, bar.y, bar.width, bar.height);

  layout = crk_draw_layout (d, text, g->text_size, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  if (value >= 0)
    crk_draw_text (d, layout, bar.x + bar.width + 3 * d->k, cy, CRK_ANCHOR_LEFT,
                   &d->style->foreground, NULL);
  else
    crk_draw_text (d, layout, bar.x - 3 * d->k, cy, CRK_ANCHOR_RIGHT, &d->style->foreground, NULL);

  if (!bold && node >= 0)
    {
      guint j = (guint) node;

      a = crk_chart_format_value (data->series[0].values[j]);
      b = crk_chart_format_value (data->series[1].values[j]);
      tooltip = g_strdup_printf (_ ("%s\n%s: %s points\n%s: %s points\nGap: %s"), name,
                                 data->series[0].name, a, data->series[1].name, b, text);
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, G_MAXUINT, data->axis_nodes[j], 0, value,
                          &hit, tooltip);
    }
  else
    {
      tooltip = g_strdup_printf (_ ("%s\n%s − %s: %s"), name, data->series[0].name,
                                 data->n_series > 1 ? data->series[1].name : "", text);
      crk_chart_hits_add (d->hits, CRK_CHART_HIT_BAR, G_MAXUINT, 0, 0, value, &hit, tooltip);
    }
}

void
crk_chart_gap_draw (CrkDraw *d)
{
  const CrkChartData *data = d->data;
  cairo_t *cr = d->cr;
  Gap g;
  double y, max = 0, lo, hi, total;
  double needed;
  guint n_ticks;

  if (data->n_series < 2)
    {
      g_autoptr (PangoLayout) l =
        crk_draw_layout (d, crk_unit_kind_get_word (data->unit_kind, CRK_UNIT_WORD_CHOOSE_TWO),
                         d->style->font_size, PANGO_WEIGHT_NORMAL);
      crk_draw_text (d, l, d->plot.x + d->plot.width / 2, d->plot.y + d->plot.height / 2,
                     CRK_ANCHOR_CENTER, &d->style->secondary, NULL);
      return;
    }
  gap_measure (d, &g);
  needed = g.text_h * 2 + (data->n_axes + 1) * g.row_h + g.text_h * 0.8 + g.text_h + 6 * d->k;
  if (needed > d->plot.height)
    {
      double f = d->plot.height / needed;
      g.row_h *= f;
      g.bar_h *= f;
      if (g.row_h < g.text_h * 1.05)
        {
          /* Smaller text rather than overlapping labels. */
          double shrink = g.row_h / (g.text_h * 1.05);
          g.text_size *= shrink;
          g.text_h *= shrink;
          g.label_w *= shrink;
          g.value_w *= shrink;
        }
    }

  total = data->gap_total;
  if (isnan (total))
    {
      total = 0;
      for (guint j = 0; j < data->n_axes; j++)
        if (!isnan (gap_of (data, j)))
          total += gap_of (data, j);
    }
  for (guint j = 0; j < data->n_axes; j++)
    if (!isnan (gap_of (data, j)))
      max = MAX (max, fabs (gap_of (data, j)));
  max = MAX (max, fabs (total));
  crk_draw_nice_scale (-max, max, 6, &lo, &hi, &g.step);
  g.max = MAX (-lo, hi);
  if (g.max <= 0)
    g.max = 1;

  g.label_w = MIN (g.label_w, d->plot.width * 0.32);
  g.x0 = d->plot.x + g.label_w + 8 * d->k + g.value_w;
  g.x1 = d->plot.x + d->plot.width - g.value_w;
  g.zero = (g.x0 + g.x1) / 2;

  /* Which side is whose. */
  y = d->plot.y;
  {
    g_autofree char *left = g_strdup_printf (_ ("← %s ahead"), data->series[1].name);
    g_autofree char *right = g_strdup_printf (_ ("%s ahead →"), data->series[0].name);
    g_autoptr (PangoLayout) ll = crk_draw_layout (d, left, g.text_size, PANGO_WEIGHT_BOLD);
    g_autoptr (PangoLayout) rl = crk_draw_layout (d, right, g.text_size, PANGO_WEIGHT_BOLD);
    CrkRGBA ca, cb;
    double half = (g.x1 - g.x0) / 2 + g.value_w - 6 * d->k;

    crk_palette_get_series (d->options->style, 0, &ca);
    crk_palette_get_series (d->options->style, 1, &cb);
    crk_text_layout_ellipsize (ll, half);
    crk_text_layout_ellipsize (rl, half);
    crk_draw_text (d, ll, g.zero - 6 * d->k, y, CRK_ANCHOR_TOP_RIGHT, &cb, NULL);
    crk_draw_text (d, rl, g.zero + 6 * d->k, y, CRK_ANCHOR_TOP_LEFT, &ca, NULL);
  }
  y += g.text_h * 2;

  /* Gridlines and the zero line. */
  n_ticks = (guint) round (2 * g.max / g.step);
  {
    double rows_top = y, rows_bottom = y + (data->n_axes + 1) * g.row_h + g.text_h * 0.8;

    cairo_save (cr);
    cairo_set_line_width (cr, d->style->grid_width);
    crk_rgba_set_source (cr, &d->style->grid);
    for (guint t = 0; t <= n_ticks; t++)
      {
        double v = -g.max + t * g.step;
        double x = g.zero + v * (g.x1 - g.zero) / g.max;

        cairo_move_to (cr, x, rows_top);
        cairo_line_to (cr, x, rows_bottom);
      }
    cairo_stroke (cr);
    crk_rgba_set_source (cr, &d->style->axis);
    cairo_set_line_width (cr, 1.2 * d->k);
    cairo_move_to (cr, g.zero, rows_top);
    cairo_line_to (cr, g.zero, rows_bottom);
    cairo_stroke (cr);
    cairo_restore (cr);
    for (guint t = 0; t <= n_ticks; t++)
      {
        double v = -g.max + t * g.step;
        g_autofree char *text = crk_draw_format_tick (fabs (v), g.step);
        g_autoptr (PangoLayout) l =
          crk_draw_layout (d, text, g.text_size * 0.9, PANGO_WEIGHT_NORMAL);

        crk_draw_text (d, l, g.zero + v * (g.x1 - g.zero) / g.max, rows_bottom + 3 * d->k,
                       CRK_ANCHOR_TOP, &d->style->secondary, NULL);
      }
  }

  for (guint j = 0; j < data->n_axes; j++)
    {
      double cy = y + (j + 0.5) * g.row_h;
      g_autoptr (PangoLayout) l =
        crk_draw_layout (d, data->axis_names[j], g.text_size, PANGO_WEIGHT_NORMAL);
      double w;

      crk_text_layout_get_size (l, &w, NULL);
      if (w > g.label_w)
        crk_text_layout_ellipsize (l, g.label_w);
      crk_draw_text (d, l, d->plot.x, cy, CRK_ANCHOR_LEFT, &d->style->foreground, NULL);
      draw_bar (d, &g, gap_of (data, j), cy, FALSE, (int) j, data->axis_names[j]);
    }

  /* The total, under a rule. */
  {
    double ry = y + data->n_axes * g.row_h + g.text_h * 0.4;
    double cy = ry + g.text_h * 0.4 + g.row_h / 2;
    g_autoptr (PangoLayout) l =
      crk_draw_layout (d, _ ("Total gap"), g.text_size, PANGO_WEIGHT_BOLD);

    cairo_save (cr);
    crk_rgba_set_source (cr, &d->style->axis);
    cairo_set_line_width (cr, 0.8 * d->k);
    cairo_move_to (cr, d->plot.x, ry);
    cairo_line_to (cr, d->plot.x + d->plot.width, ry);
    cairo_stroke (cr);
    cairo_restore (cr);
    crk_draw_text (d, l, d->plot.x, cy, CRK_ANCHOR_LEFT, &d->style->foreground, NULL);
    draw_bar (d, &g, total, cy, TRUE, -2, _ ("Total gap"));
  }
}
