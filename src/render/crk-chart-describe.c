/* crk-chart-describe.c: the one-paragraph text that says what a chart shows (alt text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-describe"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

static char *
join_names (char **names, guint n, guint max)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, max); i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == MIN (n, max) && n <= max ? _ (" and ") : _ (", "));
      g_string_append (s, names[i]);
    }
  if (n > max)
    g_string_append_printf (s, ngettext (" and %u more", " and %u more", n - max), n - max);
  return g_string_free (s, FALSE);
}

static void
describe_radar (const CrkChartData *data, GString *s)
{
  g_autofree char **names = g_new0 (char *, data->n_series + 1);
  g_autofree char *cities = NULL;
  g_autofree char *axes = join_names (data->axis_names, data->n_axes, 12);

  for (guint i = 0; i < data->n_series; i++)
    names[i] = data->series[i].name;
  cities = join_names (names, data->n_series, 8);
  g_string_append_printf (s, _ ("Radar chart of %s on %u axes (%s)."), cities, data->n_axes, axes);
  /* The scale of the scores, a sentence of its own. */
  if (data->scale_text != NULL)
    g_string_append_printf (s, _ (" %s."), data->scale_text);

  for (guint i = 0; i < MIN (data->n_series, 8); i++)
    {
      const CrkChartSeries *series = &data->series[i];
      int best = -1, worst = -1;
      guint missing = 0;

      for (guint j = 0; j < data->n_axes; j++)
        {
          if (isnan (series->values[j]))
            {
              missing++;
              continue;
            }
          if (best < 0 || series->values[j] > series->values[best])
            best = (int) j;
          if (worst < 0 || series->values[j] < series->values[worst])
            worst = (int) j;
        }
      if (best >= 0 && worst >= 0 && best != worst)
        {
          g_autofree char *bv = crk_chart_format_value (series->values[best]);
          g_autofree char *wv = crk_chart_format_value (series->values[worst]);

          g_string_append_printf (s, _ (" %s is strongest in %s (%s) and weakest in %s (%s)."),
                                  series->name, data->axis_names[best], bv, data->axis_names[worst],
                                  wv);
        }
      if (missing > 0)
        g_string_append_printf (
          s, ngettext (" %s has no value on %u axis.", " %s has no value on %u axes.", missing),
          series->name, missing);
    }

  if (data->benchmark != NULL && data->n_series > 0)
    {
      const CrkChartSeries *first = &data->series[0];
      guint ahead = 0, compared = 0;
      int widest = -1;

      for (guint j = 0; j < data->n_axes; j++)
        {
          double g = first->values[j] - data->benchmark[j];

          if (isnan (g))
            continue;
          compared++;
          if (g > 0)
            ahead++;
          if (widest < 0 || fabs (g) > fabs (first->values[widest] - data->benchmark[widest]))
            widest = (int) j;
        }
      if (widest >= 0)
        {
          double g = first->values[widest] - data->benchmark[widest];
          g_autofree char *gv = crk_chart_format_value (fabs (g));

          g_string_append_printf (s,
                                  _ (" Against the benchmark (%s), %s is ahead on %u of %u axes; "
                                     "the widest gap is in %s, %s points %s."),
                                  data->benchmark_name, first->name, ahead, compared,
                                  data->axis_names[widest], gv, g >= 0 ? _ ("above") : _ ("below"));
        }
    }
}

static void
describe_bar (const CrkChartData *data, GString *s)
{
  const CrkChartRow *r = data->rows;
  guint n = data->n_rows;

  if (n == 0)
    {
      g_string_append (s, crk_unit_kind_get_word (data->unit_kind, CRK_UNIT_WORD_BARS_NONE));
      return;
    }
  {
    g_autofree char *bars = crk_unit_kind_format_bars (
      data->unit_kind, n, data->value_name != NULL ? data->value_name : _ ("score"));

    g_string_append (s, bars);
  }
  {
    g_autofree char *v0 = crk_chart_format_value (r[0].value);

    g_string_append_printf (s, _ (" %s leads with %s"), r[0].name, v0);
    if (n >= 3)
      {
        g_autofree char *v1 = crk_chart_format_value (r[1].value);
        g_autofree char *v2 = crk_chart_format_value (r[2].value);

        g_string_append_printf (s, _ (", followed by %s (%s) and %s (%s)"), r[1].name, v1,
                                r[2].name, v2);
      }
    if (n >= 2)
      {
        g_autofree char *vl = crk_chart_format_value (r[n - 1].value);

        g_string_append_printf (s, _ ("; %s is last shown with %s"), r[n - 1].name, vl);
      }
    /* TRANSLATORS: the full stop that ends a generated sentence */
    g_string_append (s, _ ("."));
  }
  if (!isnan (data->mean) && !isnan (data->median))
    {
      g_autofree char *m = crk_chart_format_value (data->mean);
      g_autofree char *md = crk_chart_format_value (data->median);

      g_autofree char *mean = crk_unit_kind_format_mean (data->unit_kind, m, md);

      g_string_append (s, mean);
    }
  if (data->n_tiers > 0)
    {
      g_autofree guint *counts = g_new0 (guint, data->n_tiers);
      gboolean first = TRUE;

      for (guint i = 0; i < n; i++)
        if (r[i].tier >= 0 && (guint) r[i].tier < data->n_tiers)
          counts[r[i].tier]++;
      g_string_append (s, _ (" Stages:"));
      for (guint t = 0; t < data->n_tiers; t++)
        if (counts[t] > 0)
          {
            g_string_append_printf (s, "%s %s %u", first ? "" : _ (","), data->tier_names[t],
                                    counts[t]);
            first = FALSE;
          }
      /* TRANSLATORS: the full stop that ends a generated sentence */
      g_string_append (s, _ ("."));
    }
  if (data->has_changes)
    {
      int up = -1, down = -1;

      for (guint i = 0; i < n; i++)
        if (r[i].has_change)
          {
            if (r[i].rank_change > 0 && (up < 0 || r[i].rank_change > r[up].rank_change))
              up = (int) i;
            if (r[i].rank_change < 0 && (down < 0 || r[i].rank_change < r[down].rank_change))
              down = (int) i;
          }
      if (up >= 0)
        g_string_append_printf (s,
                                ngettext (" The biggest rise since %d is %s, up %d place.",
                                          " The biggest rise since %d is %s, up %d places.",
                                          r[up].rank_change),
                                data->base_year, r[up].name, r[up].rank_change);
      if (down >= 0)
        g_string_append_printf (s,
                                ngettext (" The biggest fall is %s, down %d place.",
                                          " The biggest fall is %s, down %d places.",
                                          -r[down].rank_change),
                                r[down].name, -r[down].rank_change);
    }
}

static void
describe_contribution (const CrkChartData *data, GString *s)
{
  g_autofree char *axes = join_names (data->axis_names, data->n_axes, 12);
  g_autofree double *sums = g_new0 (double, MAX (data->n_axes, 1));
  int top = -1;

  {
    g_autofree char *stacked = crk_unit_kind_format_stacked (data->unit_kind, data->n_rows, axes);

    g_string_append (s, stacked);
  }
  for (guint i = 0; i < data->n_rows; i++)
    if (data->rows[i].parts != NULL)
      for (guint j = 0; j < data->n_axes; j++)
        if (!isnan (data->rows[i].parts[j]))
          sums[j] += data->rows[i].parts[j];
  for (guint j = 0; j < data->n_axes; j++)
    if (top < 0 || sums[j] > sums[top])
      top = (int) j;
  if (top >= 0 && data->n_rows > 0)
    {
      g_autofree char *avg = crk_chart_format_value (sums[top] / data->n_rows);

      g_string_append_printf (s, _ (" %s contributes most on average (%s points)."),
                              data->axis_names[top], avg);
    }
  if (data->n_rows > 0 && data->rows[0].parts != NULL)
    {
      const CrkChartRow *r = &data->rows[0];
      int best = -1;

      for (guint j = 0; j < data->n_axes; j++)
        if (!isnan (r->parts[j]) && (best < 0 || r->parts[j] > r->parts[best]))
          best = (int) j;
      if (best >= 0)
        {
          g_autofree char *total = crk_chart_format_value (r->value);
          g_autofree char *part = crk_chart_format_value (r->parts[best]);

          g_string_append_printf (s, _ (" For %s (score %s), %s adds the most: %s points."),
                                  r->name, total, data->axis_names[best], part);
        }
    }
}

static void
describe_gap (const CrkChartData *data, GString *s)
{
  const char *a, *b;
  double total = data->gap_total;
  int most = -1, against = -1;
  g_autofree char *tv = NULL;

  if (data->n_series < 2)
    {
      g_string_append (s, crk_unit_kind_get_word (data->unit_kind, CRK_UNIT_WORD_GAP_NONE));
      return;
    }
  a = data->series[0].name;
  b = data->series[1].name;
  if (isnan (total))
    {
      total = 0;
      for (guint j = 0; j < data->n_axes; j++)
        if (!isnan (data->series[0].values[j] - data->series[1].values[j]))
          total += data->series[0].values[j] - data->series[1].values[j];
    }
  tv = crk_chart_format_value (fabs (total));
  if (total >= 0)
    g_string_append_printf (s,
                            _ ("Diverging bars split the score gap between %s and %s: %s scores %s "
                               "points more."),
                            a, b, a, tv);
  else
    g_string_append_printf (s,
                            _ ("Diverging bars split the score gap between %s and %s: %s scores %s "
                               "points less."),
                            a, b, a, tv);
  for (guint j = 0; j < data->n_axes; j++)
    {
      double g = data->series[0].values[j] - data->series[1].values[j];

      if (isnan (g))
        continue;
      if (g * total > 0 &&
          (most < 0 ||
           fabs (g) > fabs (data->series[0].values[most] - data->series[1].values[most])))
        most = (int) j;
      if (g * total < 0 &&
          (against < 0 ||
           fabs (g) > fabs (data->series[0].values[against] - data->series[1].values[against])))
        against = (int) j;
    }
  if (most >= 0)
    {
      g_autofree char *v =
        crk_chart_format_value (fabs (data->series[0].values[most] - data->series[1].values[most]));

      g_string_append_printf (s, _ (" The largest part is %s (%s points)."), data->axis_names[most],
                              v);
    }
  if (against >= 0)
    {
      g_autofree char *v = crk_chart_format_value (
        fabs (data->series[0].values[against] - data->series[1].values[against]));

      g_string_append_printf (s, _ (" %s leads in %s, by %s points."), total >= 0 ? b : a,
                              data->axis_names[against], v);
    }
}

static void
describe_values (const CrkChartData *data, GString *s)
{
  int fastest = -1, slowest = -1;
  double gf = 0, gs = 0;
  const char *city;

  if (data->n_series == 0 || data->n_axes == 0)
    {
      g_string_append (s, _ ("Values chart with no values."));
      return;
    }
  city = data->series[0].name;
  if (data->n_series > 1)
    g_string_append_printf (
      s,
      ngettext ("Grouped bars of %s's raw values of %u indicator in %d to %d.",
                "Grouped bars of %s's raw values of %u indicators in %d to %d.", data->n_axes),
      city, data->n_axes, data->series[0].year, data->series[data->n_series - 1].year);
  else
    g_string_append_printf (s,
                            ngettext ("Bars of %s's raw values of %u indicator in %d.",
                                      "Bars of %s's raw values of %u indicators in %d.",
                                      data->n_axes),
                            city, data->n_axes, data->series[0].year);
  if (data->n_series < 2)
    return;
  for (guint j = 0; j < data->n_axes; j++)
    {
      double first = data->series[0].values[j], last = data->series[data->n_series - 1].values[j];
      double g;

      if (isnan (first) || isnan (last) || first == 0)
        continue;
      g = (last - first) / fabs (first);
      if (fastest < 0 || g > gf)
        {
          fastest = (int) j;
          gf = g;
        }
      if (slowest < 0 || g < gs)
        {
          slowest = (int) j;
          gs = g;
        }
    }
  if (fastest >= 0)
    {
      g_autofree char *p = crk_chart_format_percent (gf);

      g_string_append_printf (s, _ (" Over the period, %s grew most (%s)"),
                              data->axis_names[fastest], p);
      if (slowest >= 0 && slowest != fastest)
        {
          g_autofree char *q = crk_chart_format_percent (gs);
          g_string_append_printf (s, _ (" and %s least (%s)"), data->axis_names[slowest], q);
        }
      /* TRANSLATORS: the full stop that ends a generated sentence */
      g_string_append (s, _ ("."));
    }
}

char *
crk_chart_data_describe (const CrkChartData *data, const CrkChartOptions *options)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
      case CRK_CHART_RADAR:
        describe_radar (data, s);
        break;
      case CRK_CHART_BAR:
        describe_bar (data, s);
        break;
      case CRK_CHART_CONTRIBUTION:
        describe_contribution (data, s);
        break;
      case CRK_CHART_GAP:
        describe_gap (data, s);
        break;
      case CRK_CHART_VALUES:
      default:
        describe_values (data, s);
        break;
    }
  /* The radar names its scale after its first sentence; the others end with it. */
  if (data->kind != CRK_CHART_RADAR && data->scale_text != NULL)
    g_string_append_printf (s, _ (" %s."), data->scale_text);
  return g_string_free (s, FALSE);
}
