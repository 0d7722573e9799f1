/* test-chart-scales.c: every chart takes its scale from the scores it shows, under every
 * normalisation, and its subtitle says what scale that is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-test-charts.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"

#define SAMPLE "advanced-manufacturing-cities"

static char *tmpdir;

static char *
sample_path (const char *name)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *file = g_strdup_printf ("%s.cityrank.xml", name);

  return g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples", file, NULL);
}

static CrkDataset *
load_sample (void)
{
  g_autofree char *path = sample_path (SAMPLE);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset = crk_dataset_read (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The sample's results with every indicator normalised by @mode. */
static CrkResults *
compute_with (CrkDataset *dataset, CrkNormalisation mode, double p1, double p2)
{
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  g_autoptr (GError) error = NULL;
  CrkResults *results;

  crk_method_set_normalisation (method, mode, p1, p2);
  results = crk_compute (dataset, method, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static guint
city (CrkDataset *dataset, const char *code)
{
  CrkCity *c = crk_dataset_lookup_city (dataset, code);

  g_assert_nonnull (c);
  return crk_city_get_index (c);
}

static void
draw_and_check (CrkResults *results,
                CrkChartOptions *options,
                double width,
                double height,
                const char *what,
                CrkChartHits *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  if (height <= 0)
    height = crk_chart_get_natural_height (results, options, width);
  crk_chart_draw (cr, results, options, width, height, hits);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  crk_test_check_labels (hits, width, height, what);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
has_label (CrkChartHits *hits, const char *text)
{
  for (guint i = 0; i < crk_chart_hits_get_n_labels (hits); i++)
    {
      const char *t;

      crk_chart_hits_get_label (hits, i, &t);
      if (g_strcmp0 (t, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether 0 falls on a tick of @a (0 a limit or a multiple of the step inside). */
static void
assert_zero_on_tick (const CrkChartAxis *a)
{
  double k = -a->lo / a->step;

  g_assert_cmpfloat (a->lo, <=, 0);
  g_assert_cmpfloat (a->hi, >=, 0);
  g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
}

/* The axis helper: round limits and steps around the values and 0, exactly n steps for
 * the radar's rings, and no much wider than the values. */
static void
test_scale_for (void)
{
  static const struct
  {
    double min, max;
    guint n;
  } cases[] = {
    {-2.1, 1.7, 5},      {0, 97, 5},      {20, 62, 5},       {-3.59, 4.25, 5}, {-0.8, -0.1, 4},
    {0.0012, 0.0049, 5}, {-150, 2300, 8}, {3, 3, 5},         {0, 0, 5},        {55, 60, 2},
    {-1e-3, 100, 10},    {1, 100, 3},     {-1.04, 4.25, 13},
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int exact = 0; exact <= 1; exact++)
      {
        CrkChartAxis a;
        double lo = MIN (0, cases[i].min), hi = MAX (0, cases[i].max), steps;

        crk_chart_scale_for (cases[i].min, cases[i].max, cases[i].n, exact, &a);
        g_test_message ("[%g, %g] in %u%s: %g to %g by %g", cases[i].min, cases[i].max, cases[i].n,
                        exact ? " exactly" : "", a.lo, a.hi, a.step);
        g_assert_cmpfloat (a.step, >, 0);
        g_assert_cmpfloat (a.lo, <=, lo);
        g_assert_cmpfloat (a.hi, >=, hi);
        g_assert_cmpfloat (a.lo, <, a.hi);
        assert_zero_on_tick (&a);
        steps = (a.hi - a.lo) / a.step;
        g_assert_cmpfloat (fabs (steps - round (steps)), <, 1e-6);
        if (exact)
          g_assert_cmpfloat (round (steps), ==, cases[i].n);
        else
          g_assert_cmpfloat (round (steps), <=, 2 * cases[i].n + 1);
        if (hi > lo)
          g_assert_cmpfloat (a.hi - a.lo, <=, 2.2 * (hi - lo));
        g_assert_cmpfloat (a.min, ==, cases[i].min);
      }

  /* NAN: nothing shown, still an axis. */
  {
    CrkChartAxis a;

    crk_chart_scale_for (NAN, NAN, 5, TRUE, &a);
    g_assert_cmpfloat (a.lo, ==, 0);
    g_assert_cmpfloat (a.hi, >, 0);
  }
  /* The usual min-max case keeps its 0 to 100 in fifths; z-scores get whole rings. */
  {
    CrkChartAxis a;

    crk_chart_scale_for (3.5, 97, 5, TRUE, &a);
    g_assert_cmpfloat (a.lo, ==, 0);
    g_assert_cmpfloat (a.hi, ==, 100);
    g_assert_cmpfloat (a.step, ==, 20);
    crk_chart_scale_for (-2.1, 1.7, 5, TRUE, &a);
    g_assert_cmpfloat (a.lo, ==, -3);
    g_assert_cmpfloat (a.hi, ==, 2);
    g_assert_cmpfloat (a.step, ==, 1);
  }
}

/* The dimension node indices, and the lowest and highest score of @cities on them. */
static GArray *
dimension_range (CrkResults *results, const guint *cities, guint n_cities, double *min, double *max)
{
  CrkFrameworkNode *root = crk_results_get_node (results, 0);
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (int));

  *min = INFINITY;
  *max = -INFINITY;
  for (guint i = 0; i < crk_framework_node_get_n_children (root); i++)
    {
      int node = crk_results_lookup_node (
        results, crk_framework_node_get_code (crk_framework_node_get_child (root, i)));

      g_assert_cmpint (node, >, 0);
      g_array_append_val (nodes, node);
      for (guint c = 0; c < n_cities; c++)
        {
          double v = crk_results_get_score (results, (guint) node, cities[c]);

          if (!isnan (v))
            {
              *min = MIN (*min, v);
              *max = MAX (*max, v);
            }
        }
    }
  return nodes;
}

/* The centre of the point hit of @city on the radar's first spoke (the one pointing up). */
static gboolean
top_point (CrkChartHits *hits, guint city_index, int node, double *x, double *y, double *value)
{
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

      if (h->kind == CRK_CHART_HIT_POINT && h->city == city_index && h->node == node &&
          !isnan (h->value))
        {
          *x = h->rect.x + h->rect.width / 2;
          *y = h->rect.y + h->rect.height / 2;
          *value = h->value;
          return TRUE;
        }
    }
  return FALSE;
}

/* A radar of @cities under the results' normalisation: the rings cover every score shown,
 * the scores spread over the rings (no dot at the centre), 0 is a ring, and the points
 * lie where the axis says. Returns the axis. */
static void
check_radar (CrkResults *results,
             const guint *cities,
             guint n_cities,
             const char *what,
             CrkChartAxis *axis)
{
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  g_autoptr (GArray) nodes = NULL;
  double min, max, x0, y0, v0, x1, y1, v1;
  g_autofree char *centre = NULL;

  crk_chart_options_set_cities (options, cities, n_cities);
  options->benchmark = CRK_BENCHMARK_MEDIAN;
  draw_and_check (results, options, 900, 675, what, hits);
  g_assert_true (crk_chart_hits_get_axis (hits, axis));
  nodes = dimension_range (results, cities, n_cities, &min, &max);
  g_test_message ("%s: scores %g to %g, rings %g to %g by %g", what, min, max, axis->lo, axis->hi,
                  axis->step);

  g_assert_cmpfloat (axis->lo, <=, min);
  g_assert_cmpfloat (axis->hi, >=, max);
  g_assert_cmpfloat (axis->min, <=, min);
  g_assert_cmpfloat (axis->max, >=, max);
  assert_zero_on_tick (axis);
  g_assert_cmpfloat (round ((axis->hi - axis->lo) / axis->step), ==, options->n_rings);
  /* The scores fill at least 40% of the radius. */
  g_assert_cmpfloat ((max - min) / (axis->hi - axis->lo), >=, 0.4);
  g_assert_cmpfloat (axis->pos_hi, >, 100);

  /* Two cities on the upward spoke lie apart by their scores' difference on the axis. */
  g_assert_true (top_point (hits, cities[0], g_array_index (nodes, int, 0), &x0, &y0, &v0));
  g_assert_true (
    top_point (hits, cities[n_cities - 1], g_array_index (nodes, int, 0), &x1, &y1, &v1));
  g_assert_cmpfloat (fabs (x0 - x1), <, 0.5);
  g_assert_cmpfloat_with_epsilon (y1 - y0, (v0 - v1) / (axis->hi - axis->lo) * axis->pos_hi, 0.5);

  /* The centre's value is written when it is not 0. */
  centre = crk_draw_format_tick (axis->lo, axis->step);
  if (axis->lo != 0)
    g_assert_true (has_label (hits, centre));
}

static char *
subtitle_of (CrkResults *results, CrkChartKind kind)
{
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (kind);

  return crk_chart_dup_subtitle (results, options);
}

/* Under z-scores the radar's rings come from the scores (negative ones too), 0 stands
 * out, and the subtitle says z-scores: before, the radar kept 0-100 and every city was a
 * dot at its centre. */
static void
test_radar_zscore (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ();
  g_autoptr (CrkResults) results = compute_with (dataset, CRK_NORMALISATION_ZSCORE, 0, 1);
  guint three[3] = {city (dataset, "SHENZHEN"), city (dataset, "WUHAN"), city (dataset, "ORDOS")};
  CrkChartAxis axis;
  g_autofree char *subtitle = subtitle_of (results, CRK_CHART_RADAR);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autofree char *description = NULL;

  check_radar (results, three, 3, "radar, z-scores", &axis);
  /* Ordos is below the mean: the rings go below 0. */
  g_assert_cmpfloat (axis.lo, <, 0);
  g_assert_cmpfloat (axis.hi, >, 0);
  g_assert_cmpfloat (axis.hi, <, 20);

  g_assert_nonnull (strstr (subtitle, "z-scores (mean 0, standard deviation 1), higher is better"));
  g_assert_null (strstr (subtitle, "0 to 100"));
  crk_chart_options_set_cities (options, three, 3);
  description = crk_chart_describe (results, options);
  g_assert_nonnull (strstr (description, "z-scores (mean 0, standard deviation 1)"));
  g_assert_null (strstr (description, "0 to 100"));

  /* Other parameters are named as they are. */
  {
    g_autoptr (CrkResults) other = compute_with (dataset, CRK_NORMALISATION_ZSCORE, 10, 3);
    g_autofree char *text = subtitle_of (other, CRK_CHART_RADAR);

    g_assert_nonnull (strstr (text, "z-scores (mean 10, standard deviation 3)"));
    check_radar (other, three, 3, "radar, z-scores around 10", &axis);
  }

  /* Indicators as axes: 27 spokes, still on the scores' scale. */
  {
    g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();

    options->radar_axes = CRK_RADAR_AXES_INDICATORS;
    draw_and_check (results, options, 1000, 700, "radar of indicators, z-scores", hits);
    g_assert_true (crk_chart_hits_get_axis (hits, &axis));
    g_assert_cmpfloat (axis.lo, <, 0);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

        if (h->kind == CRK_CHART_HIT_POINT && !isnan (h->value))
          {
            g_assert_cmpfloat (h->value, >=, axis.lo);
            g_assert_cmpfloat (h->value, <=, axis.hi);
          }
      }
  }
}

/* A range asked for (the report's profiles share one): the rings cover it as well as the
 * scores; without it, the scores alone. */
static void
test_radar_asked_range (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ();
  g_autoptr (CrkResults) results = compute_with (dataset, CRK_NORMALISATION_ZSCORE, 0, 1);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  guint one = city (dataset, "HEFEI");
  CrkChartAxis alone, asked;

  g_assert_true (isnan (options->scale_min) && isnan (options->scale_max));
  crk_chart_options_set_cities (options, &one, 1);
  draw_and_check (results, options, 600, 450, "radar of one city", hits);
  g_assert_true (crk_chart_hits_get_axis (hits, &alone));
  options->scale_min = -7.5;
  options->scale_max = 12;
  {
    g_autoptr (CrkChartOptions) copy = crk_chart_options_copy (options);

    draw_and_check (results, copy, 600, 450, "radar of one city, range asked", hits);
  }
  g_assert_true (crk_chart_hits_get_axis (hits, &asked));
  g_assert_cmpfloat (asked.lo, <=, -7.5);
  g_assert_cmpfloat (asked.hi, >=, 12);
  g_assert_cmpfloat (alone.lo, >, -7.5);
  g_assert_cmpfloat (alone.hi, <, 12);
  g_assert_cmpfloat (asked.pos_hi, ==, alone.pos_hi);
}

/* Ranks, percentile ranks, goalposts and min-max to another range: each radar spreads its
 * scores over the rings and each subtitle names its own scale. */
static void
test_radar_other_scales (void)
{
  static const struct
  {
    CrkNormalisation mode;
    double p1, p2;
    const char *text;
  } cases[] = {
    {CRK_NORMALISATION_MINMAX, 0, 100, "Scores from 0 to 100, higher is better"},
    {CRK_NORMALISATION_MINMAX, 1, 10, "Scores from 1 to 10, higher is better"},
    {CRK_NORMALISATION_MINMAX, -1, 1, "Scores from −1 to 1, higher is better"},
    {CRK_NORMALISATION_RANK, 0, 100,
     "Ranks scaled from 0 (lowest) to 100 (highest), higher is better"},
    {CRK_NORMALISATION_PERCENTILE_RANK, 0, 100, "Percentile ranks from 0 to 100, higher is better"},
    {CRK_NORMALISATION_GOALPOSTS, 0, 100,
     "Scores from 0 (a goalpost) to 100 (the target), higher is better"},
  };
  g_autoptr (CrkDataset) dataset = load_sample ();
  guint three[3] = {city (dataset, "SHENZHEN"), city (dataset, "HEFEI"), city (dataset, "ORDOS")};

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CrkResults) results =
        compute_with (dataset, cases[i].mode, cases[i].p1, cases[i].p2);
      g_autofree char *subtitle = subtitle_of (results, CRK_CHART_RADAR);
      g_autofree char *bars = subtitle_of (results, CRK_CHART_BAR);
      CrkChartAxis axis;

      g_test_message ("%s", subtitle);
      g_assert_nonnull (strstr (subtitle, cases[i].text));
      g_assert_nonnull (strstr (bars, cases[i].text));
      check_radar (results, three, 3, cases[i].text, &axis);
      if (cases[i].p1 >= 0)
        g_assert_cmpfloat (axis.lo, ==, 0);
    }
}

/* Indicators normalised in different ways: the subtitle says the scales are mixed; TOPSIS
 * nodes make a closeness of 0 to 100. */
static void
test_mixed_scales (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ();
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  CrkFrameworkNode *root;
  CrkFrameworkNode *leaf;
  g_autofree char *subtitle = NULL;
  guint three[3] = {city (dataset, "SHENZHEN"), city (dataset, "HEFEI"), city (dataset, "ORDOS")};
  CrkChartAxis axis;

  crk_method_set_normalisation (method, CRK_NORMALISATION_ZSCORE, 0, 1);
  root = crk_dataset_get_framework (dataset);
  leaf = crk_framework_node_get_child (crk_framework_node_get_child (root, 0), 0);
  g_assert_true (crk_framework_node_is_leaf (leaf));
  crk_method_set_indicator_normalisation (method, crk_framework_node_get_code (leaf),
                                          CRK_NORMALISATION_MINMAX, 0, 100);
  results = crk_compute (dataset, method, 0, &error);
  g_assert_no_error (error);
  subtitle = subtitle_of (results, CRK_CHART_RADAR);
  g_test_message ("%s", subtitle);
  /* in the order the framework meets them: the override is the first indicator */
  g_assert_nonnull (strstr (
    subtitle, "Mixed scales: 0 to 100, z-scores (mean 0, standard deviation 1); higher is better"));
  check_radar (results, three, 3, "radar, mixed scales", &axis);

  /* Only the dimensions that hold the override are mixed. */
  {
    g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    crk_chart_options_set_node_code (
      options, crk_framework_node_get_code (crk_framework_node_get_child (root, 0)));
    first = crk_chart_dup_subtitle (results, options);
    crk_chart_options_set_node_code (
      options, crk_framework_node_get_code (crk_framework_node_get_child (root, 1)));
    second = crk_chart_dup_subtitle (results, options);
    g_assert_nonnull (strstr (first, "Mixed scales"));
    g_assert_null (strstr (second, "Mixed scales"));
    g_assert_nonnull (strstr (second, "z-scores (mean 0, standard deviation 1), higher is better"));
  }

  /* TOPSIS everywhere: the index and the dimensions are closeness scores. */
  {
    g_autoptr (CrkMethod) topsis = crk_method_copy (crk_dataset_get_method (dataset));
    g_autoptr (CrkResults) r = NULL;
    g_autofree char *text = NULL;

    crk_method_set_aggregation (topsis, CRK_AGGREGATION_TOPSIS);
    r = crk_compute (dataset, topsis, 0, &error);
    g_assert_no_error (error);
    text = subtitle_of (r, CRK_CHART_BAR);
    g_assert_nonnull (strstr (text, "Closeness to the ideal from 0 to 100, higher is better"));
  }
}

/* The median of the ranked cities' index scores. */
static double
median_score (CrkResults *results)
{
  guint n = 0;
  const guint *order = crk_results_get_order (results, &n);
  g_autofree double *v = g_new (double, n);
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (crk_results_get_index_score (results, order[i])))
      v[m++] = crk_results_get_index_score (results, order[i]);
  /* sorted: order is by descending score */
  return m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
}

static double
x_of (const CrkChartAxis *a, double v)
{
  return a->pos_lo + (a->pos_hi - a->pos_lo) * (v - a->lo) / (a->hi - a->lo);
}

/* Ranked bars under z-scores: the axis holds 0 inside, the negative scores and the mean
 * and median lines (before, the top 20 hid a median below 0 left of the axis, over the
 * names), and a negative bar is drawn left of 0. */
static void
test_bars_negative (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ();
  g_autoptr (CrkResults) results = compute_with (dataset, CRK_NORMALISATION_ZSCORE, 0, 1);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  guint n = 0;
  const guint *order = crk_results_get_order (results, &n);
  double best = crk_results_get_index_score (results, order[0]);
  double worst = crk_results_get_index_score (results, order[n - 1]);
  double median = median_score (results);
  CrkChartAxis axis;
  g_autofree char *subtitle = subtitle_of (results, CRK_CHART_BAR);

  g_assert_cmpfloat (worst, <, 0);
  g_assert_cmpfloat (median, <, 0);
  g_assert_nonnull (
    strstr (subtitle, "Index score · z-scores (mean 0, standard deviation 1), higher is better"));

  /* The top 20 are all above 0; the median line is not. */
  options->top_n = 20;
  draw_and_check (results, options, 900, 0, "top 20, z-scores", hits);
  g_assert_true (crk_chart_hits_get_axis (hits, &axis));
  g_assert_cmpfloat (crk_results_get_index_score (results, order[19]), >, 0);
  g_assert_cmpfloat (axis.lo, <=, median);
  g_assert_cmpfloat (axis.hi, >=, best);
  assert_zero_on_tick (&axis);
  g_assert_cmpfloat (axis.hi - axis.lo, <=, 2.2 * (best - median));

  /* Every city: the worst bar reaches left of 0, drawn in its stage's colour. */
  options->top_n = 0;
  {
    double width = 900, height = crk_chart_get_natural_height (results, options, width);
    cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) ceil (height));
    cairo_t *cr = cairo_create (surface);
    const CrkChartHit *last = NULL;
    double x, y, zero;
    CrkRGBA colour;
    const guchar *px;
    int stride;

    crk_chart_draw (cr, results, options, width, height, hits);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    crk_test_check_labels (hits, width, height, "all cities, z-scores");
    cairo_surface_flush (surface);
    g_assert_true (crk_chart_hits_get_axis (hits, &axis));
    g_assert_cmpfloat (axis.lo, <=, worst);
    g_assert_cmpfloat (axis.lo, <, 0);
    zero = x_of (&axis, 0);
    g_assert_cmpfloat (zero, >, axis.pos_lo + 10);
    g_assert_cmpfloat (zero, <, axis.pos_hi - 10);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      if (crk_chart_hits_get_hit (hits, i)->kind == CRK_CHART_HIT_BAR)
        last = crk_chart_hits_get_hit (hits, i);
    g_assert_nonnull (last);
    g_assert_cmpuint (last->city, ==, order[n - 1]);
    g_assert_cmpfloat (last->value, ==, worst);
    x = (x_of (&axis, worst) + zero) / 2;
    y = last->rect.y + last->rect.height / 2;
    crk_palette_get_category (CRK_CHART_STYLE_LIGHT,
                              (guint) crk_results_get_tier (results, order[n - 1]),
                              crk_results_get_n_tiers (results), &colour);
    stride = cairo_image_surface_get_stride (surface);
    px = cairo_image_surface_get_data (surface) + (int) y * stride + (int) x * 4;
    /* RGB24 is native-endian 0xXXRRGGBB */
    {
      guint32 v = *(const guint32 *) (gconstpointer) px;

      g_assert_cmpfloat (fabs (((v >> 16) & 0xff) / 255.0 - colour.red), <, 0.02);
      g_assert_cmpfloat (fabs (((v >> 8) & 0xff) / 255.0 - colour.green), <, 0.02);
      g_assert_cmpfloat (fabs ((v & 0xff) / 255.0 - colour.blue), <, 0.02);
    }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* Contributions: the stacks' negative parts go left of 0, inside the axis. */
  {
    g_autoptr (CrkChartOptions) contrib = crk_chart_options_new (CRK_CHART_CONTRIBUTION);
    double neg_min = 0;

    contrib->top_n = 15;
    draw_and_check (results, contrib, 900, 0, "contributions, z-scores", hits);
    g_assert_true (crk_chart_hits_get_axis (hits, &axis));
    assert_zero_on_tick (&axis);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

        if (h->kind == CRK_CHART_HIT_SEGMENT && h->value < 0)
          {
            neg_min = MIN (neg_min, h->value);
            g_assert_cmpfloat (h->rect.x + h->rect.width, <=, x_of (&axis, 0) + 0.5);
            g_assert_cmpfloat (h->rect.x, >=, axis.pos_lo - 0.5);
          }
      }
    g_assert_cmpfloat (neg_min, <, 0);
    g_assert_cmpfloat (axis.lo, <, 0);
  }
}

/* Export: a z-score radar and bars still write PNG, SVG and PDF. */
static void
test_export (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ();
  g_autoptr (CrkResults) results = compute_with (dataset, CRK_NORMALISATION_ZSCORE, 0, 1);
  const char *names[] = {"z.png", "z.svg", "z.pdf"};
  guint two[2] = {city (dataset, "SHENZHEN"), city (dataset, "ORDOS")};

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    for (CrkChartKind kind = CRK_CHART_RADAR; kind <= CRK_CHART_BAR; kind++)
      {
        g_autoptr (CrkChartOptions) options = crk_chart_options_new (kind);
        g_autofree char *path = g_build_filename (tmpdir, names[i], NULL);
        g_autoptr (GError) error = NULL;
        GStatBuf st;

        crk_chart_options_set_cities (options, two, 2);
        g_assert_true (
          crk_chart_export (results, options, path, CRK_EXPORT_FORMAT_AUTO, 800, 600, 0, &error));
        g_assert_no_error (error);
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 1000);
        if (g_str_has_suffix (names[i], ".svg"))
          {
            g_autofree char *svg = NULL;

            g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
            g_assert_nonnull (strstr (svg, "z-scores"));
          }
        g_unlink (path);
      }
}

/* The CLI in Chinese: the subtitle's scale and the description are translated. */
static void
test_cli_chinese (void)
{
  const char *cli = g_getenv ("CRK_CLI");
  g_autofree char *source = sample_path (SAMPLE);
  g_autofree char *xml = NULL;
  g_autofree char *copy = g_build_filename (tmpdir, "z.cityrank.xml", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "z-zh.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) parts = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("CRK_CLI is not set");
      return;
    }
  g_assert_true (g_file_get_contents (source, &xml, NULL, NULL));
  parts = g_strsplit (xml, "<normalisation mode=\"minmax\" low=\"0\" high=\"100\"/>", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_clear_pointer (&xml, g_free);
  xml = g_strjoinv ("<normalisation mode=\"zscore\" mean=\"0\" sd=\"1\"/>", parts);
  g_assert_true (g_file_set_contents (copy, xml, -1, NULL));
  {
    const char *argv[] = {cli,  "--lang",         "zh_CN",      "chart", "radar", copy,
                          "-c", "SHENZHEN,ORDOS", "--describe", "-o",    png,     NULL};

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "z 分数（均值 0，标准差 1），越高越好"));
  g_assert_null (strstr (out, "z-scores"));
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_unlink (png);
  g_unlink (copy);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");
  tmpdir = g_dir_make_tmp ("crk-render-scales-XXXXXX", NULL);

  g_test_add_func ("/render/scales/scale-for", test_scale_for);
  g_test_add_func ("/render/scales/radar-zscore", test_radar_zscore);
  g_test_add_func ("/render/scales/radar-asked-range", test_radar_asked_range);
  g_test_add_func ("/render/scales/radar-other", test_radar_other_scales);
  g_test_add_func ("/render/scales/mixed", test_mixed_scales);
  g_test_add_func ("/render/scales/bars-negative", test_bars_negative);
  g_test_add_func ("/render/scales/export", test_export);
  g_test_add_func ("/render/scales/cli-chinese", test_cli_chinese);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
