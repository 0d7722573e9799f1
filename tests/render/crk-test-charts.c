/* crk-test-charts.c: chart data built by hand for the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-test-charts.h"

static const char *dimension_names[] = {
  "Economic scale",
  "Industrial structure",
  "Innovation capacity",
  "Openness and international cooperation",
  "Green and low-carbon development",
  "Quality and efficiency",
  "Digital and intelligent manufacturing",
  "Talent",
  "Finance",
  "Infrastructure",
  "Brand influence",
  "Enterprise strength",
};

static const char *city_names[] = {
  "Shenzhen 深圳",  "Shanghai", "Suzhou 苏州", "Beijing",
  "Guangzhou 广州", "Wuhan",    "Hangzhou",    "Chongqing 重庆",
};

CrkChartData *
crk_test_radar_data (guint n_series, guint n_axes, gboolean missing)
{
  CrkChartData *data = crk_chart_data_new (CRK_CHART_RADAR);
  g_autofree double *values = g_new (double, n_axes);
  g_autofree const char **names = g_new0 (const char *, n_axes + 1);

  g_assert_cmpuint (n_axes, <=, G_N_ELEMENTS (dimension_names) * 4);
  for (guint j = 0; j < n_axes; j++)
    names[j] = dimension_names[j % G_N_ELEMENTS (dimension_names)];
  crk_chart_data_set_axes (data, n_axes, names);
  for (guint j = 0; j < n_axes; j++)
    data->axis_nodes[j] = (int) j + 1;
  for (guint s = 0; s < n_series; s++)
    {
      for (guint j = 0; j < n_axes; j++)
        values[j] = fmod (37.0 + 53.0 * s + 29.0 * j + 7.0 * s * j, 95.0) + 3.0;
      if (missing && s == 1 && n_axes > 2)
        values[2] = NAN;
      crk_chart_data_add_series (data, city_names[s % G_N_ELEMENTS (city_names)], s, 0, values);
    }
  for (guint j = 0; j < n_axes; j++)
    values[j] = 45.0 + 5.0 * (j % 3);
  crk_chart_data_set_benchmark (data, "Median of all cities", values);
  data->title = g_strdup ("Dimension scores, 2021");
  data->subtitle =
    g_strdup ("Top 100 Advanced Manufacturing Cities · Scores from 0 to 100, higher is better");
  data->source = g_strdup ("Source: CCID Consulting (test data). Chart: Cityrank.");
  return data;
}

static const char *tier_names[] = {"Leap", "Expansion", "Development", "Start-up"};

static int
ccid_tier (guint rank)
{
  return rank <= 3 ? 0 : rank <= 29 ? 1 : rank <= 58 ? 2 : 3;
}

CrkChartData *
crk_test_bar_data (guint n)
{
  CrkChartData *data = crk_chart_data_new (CRK_CHART_BAR);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = i < G_N_ELEMENTS (city_names)
        ? g_strdup (city_names[i])
        : g_strdup_printf ("City number %u", i + 1);
      double value = 92.0 * exp (-0.012 * i) + 2.0;
      CrkChartRow *row = crk_chart_data_add_row (data, i, name, i + 1, value, NULL);

      sum += value;
      row->tier = ccid_tier (i + 1);
      row->category = row->tier;
      row->has_change = i % 7 != 3;
      row->is_new = i % 7 == 3;
      row->rank_change = (int) (i % 5) - 2;
      row->highlighted = i == 2 || i == 40;
    }
  data->has_changes = TRUE;
  data->base_year = 2020;
  data->mean = sum / n;
  data->median =
    n % 2 ? data->rows[n / 2].value : (data->rows[n / 2 - 1].value + data->rows[n / 2].value) / 2;
  crk_chart_data_set_tiers (data, 4, tier_names);
  crk_chart_data_set_categories (data, "Stage", 4, tier_names);
  data->value_name = g_strdup ("Index score");
  data->title = g_strdup_printf ("Ranking of %u cities, 2021", n);
  data->subtitle = g_strdup ("Top 100 Advanced Manufacturing Cities · Index score");
  data->source = g_strdup ("Source: CCID Consulting (test data). Chart: Cityrank.");
  return data;
}

CrkChartData *
crk_test_contribution_data (guint n)
{
  CrkChartData *data = crk_chart_data_new (CRK_CHART_CONTRIBUTION);
  double parts[6];

  crk_chart_data_set_axes (data, 6, dimension_names);
  for (guint i = 0; i < n; i++)
    {
      double total = 0;
      g_autofree char *name = i < G_N_ELEMENTS (city_names) ? g_strdup (city_names[i])
                                                            : g_strdup_printf ("City %u", i + 1);

      for (guint j = 0; j < 6; j++)
        {
          parts[j] = (90.0 - 6 * i) / 6 * (0.6 + 0.15 * ((i + j) % 5)) * (j == 5 ? 0.2 : 1);
          total += parts[j];
        }
      crk_chart_data_add_row (data, i, name, i + 1, total, parts);
    }
  data->value_name = g_strdup ("Points of the score");
  data->title = g_strdup ("What makes up the score, 2021");
  data->subtitle = g_strdup ("Weighted points each dimension adds to the index");
  data->source = g_strdup ("Source: test data. Chart: Cityrank.");
  return data;
}

CrkChartData *
crk_test_gap_data (void)
{
  CrkChartData *data = crk_chart_data_new (CRK_CHART_GAP);
  double a[6] = {14.2, 11.0, 15.5, 8.1, 9.9, 12.0};
  double b[6] = {12.0, 12.4, 10.1, 8.1, 11.0, 6.5};

  crk_chart_data_set_axes (data, 6, dimension_names);
  crk_chart_data_add_series (data, "Shenzhen 深圳", 0, 0, a);
  crk_chart_data_add_series (data, "Suzhou 苏州", 2, 0, b);
  data->gap_total = 0;
  for (guint j = 0; j < 6; j++)
    data->gap_total += a[j] - b[j];
  data->title = g_strdup ("Shenzhen and Suzhou: where the gap comes from, 2021");
  data->subtitle = g_strdup ("Shenzhen scores 10.6 points above Suzhou, split by dimension");
  data->source = g_strdup ("Source: test data. Chart: Cityrank.");
  return data;
}

CrkChartData *
crk_test_values_data (void)
{
  static const char *names[] = {
    "新一代信息技术产业增加值", "数字经济核心产业增加值", "高端装备制造产业增加值",
    "绿色低碳产业增加值",       "海洋经济产业增加值",     "生物医药产业增加值",
  };
  static const double v[3][6] = {
    {5005.1, 8446.6, 1459.8, 1227.1, 492.4, 347.0},
    {5641.3, 9000.0, 1585.5, 1388.0, 532.0, 379.3},
    {5931.6, NAN, 1693.0, 1532.6, 551.4, 342.9},
  };
  CrkChartData *data = crk_chart_data_new (CRK_CHART_VALUES);

  crk_chart_data_set_axes (data, 6, names);
  for (guint j = 0; j < 6; j++)
    data->axis_units[j] = g_strdup ("亿元");
  for (guint y = 0; y < 3; y++)
    crk_chart_data_add_series (data, "深圳 Shenzhen", 0, 2019 + (int) y, v[y]);
  data->title = g_strdup ("深圳 Shenzhen: indicator values, 2019–2021");
  data->subtitle = g_strdup ("深圳战略性新兴产业 · Raw values with the change on the year before");
  data->source = g_strdup ("Source: 深圳统计年鉴 (test data). Chart: Cityrank.");
  return data;
}

CrkChartData *
crk_test_data_for_kind (CrkChartKind kind)
{
  switch (kind)
    {
      case CRK_CHART_RADAR:
        return crk_test_radar_data (5, 6, TRUE);
      case CRK_CHART_BAR:
        return crk_test_bar_data (100);
      case CRK_CHART_CONTRIBUTION:
        return crk_test_contribution_data (10);
      case CRK_CHART_GAP:
        return crk_test_gap_data ();
      case CRK_CHART_VALUES:
      default:
        return crk_test_values_data ();
    }
}

/* Every text box inside the canvas, and no two overlapping. */
void
crk_test_check_labels (CrkChartHits *hits, double width, double height, const char *what)
{
  guint n = crk_chart_hits_get_n_labels (hits);
  CrkRect canvas = {0, 0, width, height};

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      const char *text;
      const CrkRect *a = crk_chart_hits_get_label (hits, i, &text);

      if (!crk_rect_contains_rect (&canvas, a))
        g_error ("%s: label “%s” (%g,%g %gx%g) leaves the %gx%g canvas", what, text, a->x, a->y,
                 a->width, a->height, width, height);
      for (guint j = i + 1; j < n; j++)
        {
          const char *other;
          const CrkRect *b = crk_chart_hits_get_label (hits, j, &other);
          CrkRect shrunk = {a->x + 0.01, a->y + 0.01, a->width - 0.02, a->height - 0.02};

          if (crk_rect_intersects (&shrunk, b))
            g_error ("%s: labels “%s” (%g,%g %gx%g) and “%s” (%g,%g %gx%g) overlap", what, text,
                     a->x, a->y, a->width, a->height, other, b->x, b->y, b->width, b->height);
        }
    }
}

guint
crk_test_count_hits (CrkChartHits *hits, CrkChartHitKind kind)
{
  guint n = 0;

  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    if (crk_chart_hits_get_hit (hits, i)->kind == kind)
      n++;
  return n;
}
