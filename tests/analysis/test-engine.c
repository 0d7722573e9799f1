/* test-engine.c: the index engine against hand-computed cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-csv-import.h"
#include "crk-engine.h"
#include "crk-locale.h"
#include "crk-test-build.h"

#define N NAN

static void
assert_close (double got, double want)
{
  if (isnan (want))
    {
      g_assert_true (isnan (got));
      return;
    }
  g_assert_cmpfloat_with_epsilon (got, want, 1e-9 * MAX (1, fabs (want)));
}

static CrkResults *
compute_ok (CrkDataset *dataset, CrkMethod *method)
{
  g_autoptr (GError) error = NULL;
  CrkResults *results = crk_compute (dataset, method, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static gboolean
has_warning (CrkResults *results, CrkWarningKind kind, const char *code)
{
  GArray *warnings = crk_results_get_warnings (results);

  for (guint i = 0; i < warnings->len; i++)
    {
      CrkWarning *w = &g_array_index (warnings, CrkWarning, i);

      if (w->kind == kind && g_strcmp0 (w->code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Leaf I0 is node 2 (IDX 0, D1 1, I0 2, I1 3...). */
static void
check_leaf (CrkResults *results, const double *want, guint n)
{
  int node = crk_results_lookup_node (results, "I0");

  g_assert_cmpint (node, ==, 2);
  for (guint i = 0; i < n; i++)
    assert_close (crk_results_get_score (results, node, i), want[i]);
}

static CrkResults *
normalise_one (const double *values,
               guint n,
               int direction,
               CrkNormalisation mode,
               double p1,
               double p2)
{
  g_autoptr (CrkDataset) dataset = crk_test_build (n, 1, values, &direction, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();

  crk_method_set_normalisation (method, mode, p1, p2);
  return compute_ok (dataset, method);
}

static void
test_minmax (void)
{
  const double x[] = {1, 2, 4, N, 3};
  const double up[] = {0, 100.0 / 3, 100, N, 200.0 / 3};
  const double down[] = {100, 200.0 / 3, 0, N, 100.0 / 3};
  const double ranged[] = {10, 15, 25, N, 20};
  g_autoptr (CrkResults) a = normalise_one (x, 5, 1, CRK_NORMALISATION_MINMAX, 0, 100);
  g_autoptr (CrkResults) b = normalise_one (x, 5, -1, CRK_NORMALISATION_MINMAX, 0, 100);
  g_autoptr (CrkResults) c = normalise_one (x, 5, 1, CRK_NORMALISATION_MINMAX, 10, 25);

  check_leaf (a, up, 5);
  check_leaf (b, down, 5);
  check_leaf (c, ranged, 5);
  /* one indicator: the index equals it, and the city with NA is not ranked */
  assert_close (crk_results_get_index_score (a, 2), 100);
  g_assert_cmpuint (crk_results_get_rank (a, 3), ==, 0);
  g_assert_cmpstr (crk_results_get_unranked_reason (a, 3), ==, "no data in 2020");
  g_assert_null (crk_results_get_unranked_reason (a, 0));
  g_assert_cmpuint (crk_results_get_n_ranked (a), ==, 4);
}

static void
test_zscore (void)
{
  const double x[] = {1, 2, 3, 6};
  double sd = sqrt (14.0 / 3); /* mean 3, squares 4 + 1 + 0 + 9 over n - 1 */
  double up[4], down[4], scaled[4];
  g_autoptr (CrkResults) a = normalise_one (x, 4, 1, CRK_NORMALISATION_ZSCORE, 0, 1);
  g_autoptr (CrkResults) b = normalise_one (x, 4, -1, CRK_NORMALISATION_ZSCORE, 0, 1);
  g_autoptr (CrkResults) c = normalise_one (x, 4, 1, CRK_NORMALISATION_ZSCORE, 100, 10);

  for (guint i = 0; i < 4; i++)
    {
      up[i] = (x[i] - 3) / sd;
      down[i] = -up[i];
      scaled[i] = 100 + 10 * up[i];
    }
  check_leaf (a, up, 4);
  check_leaf (b, down, 4);
  check_leaf (c, scaled, 4);
}

static void
test_rank (void)
{
  const double x[] = {5, 3, 3, 1, N};
  const double up[] = {100, 50, 50, 0, N}; /* average ranks 4, 2.5, 2.5, 1 */
  const double down[] = {0, 50, 50, 100, N};
  const double pr_up[] = {100, 100.0 / 3, 100.0 / 3, 0, N};   /* min ranks 4, 2, 2, 1 */
  const double pr_down[] = {0, 100.0 / 3, 100.0 / 3, 100, N}; /* ranks of -x: 1, 2, 2, 4 */
  g_autoptr (CrkResults) a = normalise_one (x, 5, 1, CRK_NORMALISATION_RANK, 0, 0);
  g_autoptr (CrkResults) b = normalise_one (x, 5, -1, CRK_NORMALISATION_RANK, 0, 0);
  g_autoptr (CrkResults) c = normalise_one (x, 5, 1, CRK_NORMALISATION_PERCENTILE_RANK, 0, 0);
  g_autoptr (CrkResults) d = normalise_one (x, 5, -1, CRK_NORMALISATION_PERCENTILE_RANK, 0, 0);

  check_leaf (a, up, 5);
  check_leaf (b, down, 5);
  check_leaf (c, pr_up, 5);
  check_leaf (d, pr_down, 5);
}

static void
test_goalposts (void)
{
  const double x[] = {-5, 5, 15, 7.5};
  const double up[] = {0, 50, 100, 75};
  const double down[] = {100, 50, 0, 25};
  const double fallback[] = {0, 50, 100, 62.5};
  int dirs[] = {1, -1};

  for (guint t = 0; t < 3; t++)
    {
      int direction = t == 1 ? -1 : 1;
      g_autoptr (CrkDataset) dataset = crk_test_build (4, 1, x, &dirs[t == 1], NULL);
      g_autoptr (CrkMethod) method = crk_method_new ();
      g_autoptr (CrkResults) results = NULL;
      CrkIndicator *indicator = crk_dataset_get_indicator (dataset, 0);

      g_assert_cmpint (crk_indicator_get_direction (indicator), ==, direction);
      if (t < 2)
        {
          crk_indicator_set_goalpost_low (indicator, 0);
          crk_indicator_set_target (indicator, 10);
        }
      crk_method_set_normalisation (method, CRK_NORMALISATION_GOALPOSTS, 0, 0);
      results = compute_ok (dataset, method);
      check_leaf (results, t == 0 ? up : t == 1 ? down : fallback, 4);
      g_assert_true (has_warning (results, CRK_WARNING_OTHER, "I0") == (t == 2));
    }
}

static void
test_override (void)
{
  const double x[] = {1, 2, 3, 6,  /* I0: min-max by default */
                      1, 2, 3, 6}; /* I1: z-score by override */
  g_autoptr (CrkDataset) dataset = crk_test_build (4, 2, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) results = NULL;
  double sd = sqrt (14.0 / 3);

  crk_method_set_indicator_normalisation (method, "I1", CRK_NORMALISATION_ZSCORE, 0, 1);
  results = compute_ok (dataset, method);
  assert_close (crk_results_get_score (results, 2, 3), 100);
  assert_close (crk_results_get_score (results, 3, 3), 3 / sd);
}

static void
test_constant (void)
{
  const double x[] = {7, 7, N, 7};
  const double mid[] = {50, 50, N, 50};
  const double zmid[] = {3, 3, N, 3};
  CrkNormalisation modes[] = {CRK_NORMALISATION_MINMAX, CRK_NORMALISATION_RANK,
                              CRK_NORMALISATION_PERCENTILE_RANK, CRK_NORMALISATION_ZSCORE};

  for (guint t = 0; t < G_N_ELEMENTS (modes); t++)
    {
      g_autoptr (CrkResults) r =
        normalise_one (x, 4, 1, modes[t], modes[t] == CRK_NORMALISATION_ZSCORE ? 3 : 0,
                       modes[t] == CRK_NORMALISATION_ZSCORE ? 2 : 100);

      check_leaf (r, modes[t] == CRK_NORMALISATION_ZSCORE ? zmid : mid, 4);
      g_assert_true (has_warning (r, CRK_WARNING_CONSTANT_INDICATOR, "I0"));
      /* all three with data tie for first */
      g_assert_cmpuint (crk_results_get_rank (r, 0), ==, 1);
      g_assert_cmpuint (crk_results_get_rank (r, 3), ==, 1);
    }
}

/* Two indicators, one dimension: a missing child leaves the mean to the other, with its
 * weight renormalised. */
static void
test_missing_children (void)
{
  const double x[] = {0, 10, 5, 0, N, 10};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 2, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkResults) strict = NULL;

  crk_method_set_weight (method, "I0", 3);
  crk_method_set_weight (method, "I1", 1);
  results = compute_ok (dataset, method);
  /* I0: 0, 100, 50; I1: 0, NA, 100 */
  assert_close (crk_results_get_index_score (results, 0), 0);
  assert_close (crk_results_get_index_score (results, 1), 100);
  assert_close (crk_results_get_index_score (results, 2), 0.75 * 50 + 0.25 * 100);
  assert_close (crk_results_get_weight (results, 2), 0.75);
  assert_close (crk_results_get_weight (results, 3), 0.25);
  g_assert_true (has_warning (results, CRK_WARNING_DOMINANT_WEIGHT, "I0"));

  /* with a threshold of 100%, city 1 loses its score and says why */
  crk_method_set_availability (method, 1);
  strict = compute_ok (dataset, method);
  g_assert_true (isnan (crk_results_get_index_score (strict, 1)));
  g_assert_cmpuint (crk_results_get_rank (strict, 1), ==, 0);
  g_assert_nonnull (crk_results_get_unranked_reason (strict, 1));
  g_assert_nonnull (
    strstr (crk_results_get_unranked_reason (strict, 1), "1 of the 2 parts of “D1”"));
  g_assert_cmpuint (crk_results_get_rank (strict, 2), ==, 1);
}

static void
test_geometric_harmonic (void)
{
  const double x[] = {0, 10, 5, 10, 0, 5};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 2, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (GError) error = NULL;
  CrkResults *bad;
  g_autoptr (CrkResults) geo = NULL;
  g_autoptr (CrkResults) har = NULL;

  /* min-max [0, 100] gives a 0: geometric mean fails and names city, indicator, year (by
   * their names, not their codes) */
  crk_method_set_aggregation (method, CRK_AGGREGATION_GEOMETRIC);
  bad = crk_compute (dataset, method, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NON_POSITIVE);
  g_assert_nonnull (strstr (error->message, "“City 0”"));
  g_assert_nonnull (strstr (error->message, "“I0”"));
  g_assert_nonnull (strstr (error->message, "2020"));
  g_clear_error (&error);

  crk_method_set_aggregation (method, CRK_AGGREGATION_HARMONIC);
  bad = crk_compute (dataset, method, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NON_POSITIVE);
  g_clear_error (&error);

  /* [1, 100]: I0 = 1, 100, 50.5; I1 = 100, 1, 50.5; weights 3:1 at I0:I1 */
  crk_method_set_normalisation (method, CRK_NORMALISATION_MINMAX, 1, 100);
  crk_method_set_weight (method, "I0", 3);
  crk_method_set_weight (method, "I1", 1);
  crk_method_set_aggregation (method, CRK_AGGREGATION_GEOMETRIC);
  geo = compute_ok (dataset, method);
  assert_close (crk_results_get_score (geo, 1, 0), pow (1, 0.75) * pow (100, 0.25));
  assert_close (crk_results_get_score (geo, 1, 1), pow (100, 0.75) * pow (1, 0.25));
  assert_close (crk_results_get_score (geo, 1, 2), 50.5);

  crk_method_set_aggregation (method, CRK_AGGREGATION_HARMONIC);
  har = compute_ok (dataset, method);
  assert_close (crk_results_get_score (har, 1, 0), 1 / (0.75 / 1 + 0.25 / 100));
  assert_close (crk_results_get_score (har, 1, 1), 1 / (0.75 / 100 + 0.25 / 1));
  /* contributions only for arithmetic means */
  g_assert_true (isnan (crk_results_get_contribution (har, 2, 0)));
}

static void
test_topsis (void)
{
  /* min-max gives I0 = 0, 100, 50 and I1 = 100, 0, 25 */
  const double x[] = {0, 10, 5, 4, 0, 1};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 2, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) direct = NULL;
  g_autoptr (CrkResults) vector = NULL;
  double y0[] = {0, 100, 50}, y1[] = {100, 0, 25};
  double w0 = 0.6, w1 = 0.4, n0 = sqrt (100 * 100 + 50 * 50), n1 = sqrt (100 * 100 + 25 * 25);

  crk_method_set_node_aggregation (method, "D1", CRK_AGGREGATION_TOPSIS);
  crk_method_set_weight (method, "I0", 3);
  crk_method_set_weight (method, "I1", 2);
  direct = compute_ok (dataset, method);
  crk_method_set_topsis_variant (method, CRK_TOPSIS_VARIANT_VECTOR);
  vector = compute_ok (dataset, method);
  for (guint i = 0; i < 3; i++)
    {
      double dp = hypot (w0 * (100 - y0[i]), w1 * (100 - y1[i]));
      double dm = hypot (w0 * y0[i], w1 * y1[i]);
      double vp = hypot (w0 * (100 - y0[i]) / n0, w1 * (100 - y1[i]) / n1);
      double vm = hypot (w0 * y0[i] / n0, w1 * y1[i] / n1);

      assert_close (crk_results_get_score (direct, 1, i), 100 * dm / (dp + dm));
      assert_close (crk_results_get_score (vector, 1, i), 100 * vm / (vp + vm));
    }
  /* city 2: dp = hypot (30, 30), dm = hypot (30, 10) */
  assert_close (crk_results_get_score (direct, 1, 2),
                100 * hypot (30, 10) / (hypot (30, 30) + hypot (30, 10)));
}

static void
test_ranks_ties (void)
{
  const double x[] = {2, 4, 4, 1, N, 3};
  g_autoptr (CrkDataset) dataset = crk_test_build (6, 1, x, NULL, NULL);
  g_autoptr (CrkResults) r = compute_ok (dataset, NULL);
  const guint want[] = {4, 1, 1, 5, 0, 3};
  const guint want_order[] = {1, 2, 5, 0, 3};
  const guint *order;
  guint n_ranked;

  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (crk_results_get_rank (r, i), ==, want[i]);
  order = crk_results_get_order (r, &n_ranked);
  g_assert_cmpuint (n_ranked, ==, 5);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpuint (order[k], ==, want_order[k]);
  g_assert_cmpuint (crk_results_get_node_rank (r, 2, 5), ==, 3);
  g_assert_cmpuint (crk_results_get_indicator_rank (r, 2, 0), ==, 4);
  /* percentile: cities strictly lower / (n - 1) */
  assert_close (crk_results_get_indicator_percentile (r, 2, 0), 1.0 / 4);
  assert_close (crk_results_get_indicator_percentile (r, 2, 1), 3.0 / 4);
}

/* Ranks are a permutation with the tie rule: rank = 1 + number of better scores. */
static void
test_rank_property (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  double x[200];

  for (guint i = 0; i < 200; i++)
    x[i] = i % 17 == 0 ? NAN : g_rand_int_range (rand, 0, 40);
  {
    g_autoptr (CrkDataset) dataset = crk_test_build (200, 1, x, NULL, NULL);
    g_autoptr (CrkResults) r = compute_ok (dataset, NULL);

    for (guint i = 0; i < 200; i++)
      {
        guint better = 0;

        if (isnan (x[i]))
          {
            g_assert_cmpuint (crk_results_get_rank (r, i), ==, 0);
            continue;
          }
        for (guint j = 0; j < 200; j++)
          better += !isnan (x[j]) && x[j] > x[i];
        g_assert_cmpuint (crk_results_get_rank (r, i), ==, better + 1);
      }
  }
}

/* Shifting or scaling an indicator leaves min-max results unchanged. */
static void
test_minmax_invariance (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  double x[3 * 20], y[3 * 20];
  const char *parents[] = {"A", "A", "B"};

  for (guint i = 0; i < 60; i++)
    {
      x[i] = g_rand_double_range (rand, -5, 50);
      y[i] = i < 20 ? 3.5 * x[i] + 1000 : i < 40 ? x[i] - 77 : 0.01 * x[i];
    }
  {
    g_autoptr (CrkDataset) a = crk_test_build (20, 3, x, NULL, parents);
    g_autoptr (CrkDataset) b = crk_test_build (20, 3, y, NULL, parents);
    g_autoptr (CrkResults) ra = compute_ok (a, NULL);
    g_autoptr (CrkResults) rb = compute_ok (b, NULL);

    for (guint node = 0; node < crk_results_get_n_nodes (ra); node++)
      for (guint i = 0; i < 20; i++)
        g_assert_cmpfloat_with_epsilon (crk_results_get_score (ra, node, i),
                                        crk_results_get_score (rb, node, i), 1e-9);
    for (guint i = 0; i < 20; i++)
      g_assert_cmpuint (crk_results_get_rank (ra, i), ==, crk_results_get_rank (rb, i));
  }
}

/* Contributions sum to the score, and a gap splits exactly into its parts. */
static void
test_contributions (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  const char *parents[] = {"A", "A", "B", "B", "B"};
  double x[5 * 12];
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (GArray) parts = NULL;
  g_autoptr (GError) error = NULL;
  double sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    x[i] = i == 7 ? NAN : g_rand_double_range (rand, 0, 10);
  dataset = crk_test_build (12, 5, x, NULL, parents);
  crk_method_set_weight (method, "A", 2);
  crk_method_set_weight (method, "I3", 0.5);
  r = compute_ok (dataset, method);

  for (guint i = 0; i < 12; i++)
    for (guint node = 0; node < crk_results_get_n_nodes (r); node++)
      {
        CrkFrameworkNode *fn = crk_results_get_node (r, node);
        guint n_children = crk_framework_node_get_n_children (fn);
        double total = 0;

        if (n_children == 0)
          continue;
        for (guint c = node + 1; c < crk_results_get_n_nodes (r); c++)
          if (crk_framework_node_get_parent (crk_results_get_node (r, c)) == fn)
            total += crk_results_get_contribution (r, c, i);
        assert_close (total, crk_results_get_score (r, node, i));
      }

  parts = crk_results_explain_gap (r, 0, 7, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 2);
  for (guint k = 0; k < parts->len; k++)
    sum += g_array_index (parts, CrkGapPart, k).gap;
  assert_close (sum, crk_results_get_index_score (r, 7) - crk_results_get_index_score (r, 3));
  g_assert_cmpstr (crk_framework_node_get_code (g_array_index (parts, CrkGapPart, 0).child), ==,
                   "A");
  assert_close (crk_results_get_weight (r, 1), 2.0 / 3);
}

/* Entropy, CRITIC, PCA, equal and dataset weights on a small matrix. */
static void
test_weights (void)
{
  /* min-max: I0 = 0, 50, 100, 100; I1 = 0, 0, 100, 50 (I1 raw 1, 1, 3, 2) */
  const double x[] = {0, 1, 2, 2, 1, 1, 3, 2};
  const double y[2][4] = {{0, 50, 100, 100}, {0, 0, 100, 50}};
  double d[2], c[2], w;
  CrkWeightScheme schemes[] = {CRK_WEIGHTS_ENTROPY, CRK_WEIGHTS_CRITIC, CRK_WEIGHTS_PCA,
                               CRK_WEIGHTS_EQUAL, CRK_WEIGHTS_DATASET};

  /* independent entropy (shifted by 1e-4 * range = 0.01 since min is 0) */
  for (guint j = 0; j < 2; j++)
    {
      double sum = 0, h = 0;

      for (guint i = 0; i < 4; i++)
        sum += y[j][i] + 0.01;
      for (guint i = 0; i < 4; i++)
        {
          double p = (y[j][i] + 0.01) / sum;

          h -= p * log (p);
        }
      d[j] = 1 - h / log (4);
    }
  /* CRITIC: sd * (1 - r) for two columns */
  {
    double m0 = 62.5, m1 = 37.5, s00 = 0, s11 = 0, s01 = 0, r;

    for (guint i = 0; i < 4; i++)
      {
        s00 += (y[0][i] - m0) * (y[0][i] - m0);
        s11 += (y[1][i] - m1) * (y[1][i] - m1);
        s01 += (y[0][i] - m0) * (y[1][i] - m1);
      }
    r = s01 / sqrt (s00 * s11);
    c[0] = sqrt (s00 / 3) * (1 - r);
    c[1] = sqrt (s11 / 3) * (1 - r);
  }

  for (guint t = 0; t < G_N_ELEMENTS (schemes); t++)
    {
      g_autoptr (CrkDataset) dataset = crk_test_build (4, 2, x, NULL, NULL);
      g_autoptr (CrkMethod) method = crk_method_new ();
      g_autoptr (CrkResults) r = NULL;

      crk_framework_node_set_weight (crk_dataset_lookup_node (dataset, "I1"), 3);
      crk_method_set_weight_scheme (method, schemes[t]);
      r = compute_ok (dataset, method);
      switch ((int) schemes[t])
        {
          case CRK_WEIGHTS_ENTROPY:
            w = d[0] / (d[0] + d[1]);
            break;
          case CRK_WEIGHTS_CRITIC:
            w = c[0] / (c[0] + c[1]);
            break;
          case CRK_WEIGHTS_DATASET:
            w = 0.25;
            break;
          default: /* equal; PCA of two columns loads both equally */
            w = 0.5;
            break;
        }
      assert_close (crk_results_get_weight (r, 2), w);
      assert_close (crk_results_get_weight (r, 3), 1 - w);
      assert_close (crk_results_get_score (r, 1, 1), w * 50);
      /* a method override wins over every scheme */
      crk_method_set_weight (method, "I0", 1);
      crk_method_set_weight (method, "I1", 1);
      g_clear_object (&r);
      r = compute_ok (dataset, method);
      assert_close (crk_results_get_weight (r, 2), 0.5);
    }
}

/* Independent treatment as the methodology states it, with the z-score forms of the
 * bias-corrected skewness and kurtosis. */
static void
skew_kurt (const double *x, guint n, double *skew, double *kurt)
{
  double mean = 0, ss = 0, s3 = 0, s4 = 0, sd;

  for (guint i = 0; i < n; i++)
    mean += x[i] / n;
  for (guint i = 0; i < n; i++)
    ss += (x[i] - mean) * (x[i] - mean);
  sd = sqrt (ss / (n - 1));
  for (guint i = 0; i < n; i++)
    {
      double z = (x[i] - mean) / sd;

      s3 += z * z * z;
      s4 += z * z * z * z;
    }
  *skew = (double) n / ((n - 1.0) * (n - 2.0)) * s3;
  *kurt = n * (n + 1.0) / ((n - 1.0) * (n - 2.0) * (n - 3.0)) * s4 -
    3 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
}

static gboolean
fails (const double *x, guint n)
{
  double s, k;

  skew_kurt (x, n, &s, &k);
  return fabs (s) >= 2 && k >= 3.5;
}

/* Returns the number of winsorising steps, or -1 for the log transform. */
static int
treat_by_hand (double *x, guint n)
{
  g_autofree double *orig = g_memdup2 (x, n * sizeof (double));
  double min = INFINITY, max = -INFINITY;

  for (int step = 1; step <= 5; step++)
    {
      double s, k, extreme, next;

      skew_kurt (x, n, &s, &k);
      extreme = x[0];
      for (guint i = 0; i < n; i++)
        extreme = s > 0 ? MAX (extreme, x[i]) : MIN (extreme, x[i]);
      next = s > 0 ? -INFINITY : INFINITY;
      for (guint i = 0; i < n; i++)
        if (x[i] != extreme)
          next = s > 0 ? MAX (next, x[i]) : MIN (next, x[i]);
      for (guint i = 0; i < n; i++)
        if (x[i] == extreme)
          x[i] = next;
      if (!fails (x, n))
        return step;
    }
  for (guint i = 0; i < n; i++)
    {
      min = MIN (min, orig[i]);
      max = MAX (max, orig[i]);
    }
  for (guint i = 0; i < n; i++)
    x[i] = log (orig[i] - min + 0.01 * (max - min));
  return -1;
}

static void
check_treatment (const double *x, guint n, int want_steps, gboolean want_remaining)
{
  g_autofree double *hand = g_memdup2 (x, n * sizeof (double));
  g_autoptr (CrkDataset) dataset = crk_test_build (n, 1, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) r = NULL;
  g_autofree double *last = g_new (double, n);
  GArray *log;
  int steps;
  guint n_logged = 0;

  g_assert_true (fails (x, n));
  steps = treat_by_hand (hand, n);
  g_assert_cmpint (steps, ==, want_steps);

  crk_method_set_treatment (method, CRK_TREATMENT_WINSORISE);
  r = compute_ok (dataset, method);
  for (guint i = 0; i < n; i++)
    assert_close (crk_results_get_treated_value (r, 2, i), hand[i]);
  log = crk_results_get_adjustments (r);
  for (guint i = 0; i < n; i++)
    last[i] = NAN;
  for (guint k = 0; k < log->len; k++)
    {
      CrkAdjustment *a = &g_array_index (log, CrkAdjustment, k);

      if (a->kind == CRK_ADJUSTMENT_WINSORISED)
        {
          g_assert_cmpuint (a->city, <, n);
          g_assert_cmpfloat (a->before, !=, a->after);
          last[a->city] = a->after;
        }
      else if (a->kind == CRK_ADJUSTMENT_LOG_TRANSFORMED)
        {
          n_logged++;
          g_assert_cmpuint (a->city, ==, G_MAXUINT);
        }
    }
  g_assert_cmpuint (n_logged, ==, steps < 0 ? 1 : 0);
  /* the log holds every winsorised city, last with its final value */
  for (guint i = 0; i < n; i++)
    {
      if (steps > 0 && hand[i] != x[i])
        assert_close (last[i], hand[i]);
      else
        g_assert_true (isnan (last[i]));
    }
  g_assert_true (has_warning (r, CRK_WARNING_OUTLIERS_REMAIN, "I0") == want_remaining);
}

static void
test_treatment (void)
{
  double one[11], three[28], mirrored[28], logged[57];

  for (guint i = 0; i < 10; i++)
    one[i] = i + 1;
  one[10] = 100;
  check_treatment (one, 11, 1, FALSE);

  /* 1 (x20), 2, 4, ..., 256: three steps */
  for (guint i = 0; i < 20; i++)
    three[i] = 1;
  for (guint i = 0; i < 8; i++)
    three[20 + i] = 1 << (i + 1);
  check_treatment (three, 28, 3, FALSE);
  /* the same negated: skewed to the left, winsorised from below */
  for (guint i = 0; i < 28; i++)
    mirrored[i] = -three[i];
  check_treatment (mirrored, 28, 3, FALSE);

  /* 0 (x50), 1..7: five steps do not suffice; the log transform does not either */
  for (guint i = 0; i < 50; i++)
    logged[i] = 0;
  for (guint i = 0; i < 7; i++)
    logged[50 + i] = i + 1;
  check_treatment (logged, 57, -1, TRUE);
}

static void
test_imputation (void)
{
  const double x[] = {1, N, 3, 10, N, 20};
  CrkImputation modes[] = {CRK_IMPUTATION_MEAN, CRK_IMPUTATION_MEDIAN, CRK_IMPUTATION_GROUP_MEAN,
                           CRK_IMPUTATION_GROUP_MEDIAN};
  /* groups: C0-C2 "a", C3-C5 "b"; all: 1, 3, 10, 20 */
  const double want[4][2] = {{8.5, 8.5}, {6.5, 6.5}, {2, 15}, {2, 15}};

  for (guint t = 0; t < G_N_ELEMENTS (modes); t++)
    {
      g_autoptr (CrkDataset) dataset = crk_test_build (6, 1, x, NULL, NULL);
      g_autoptr (CrkMethod) method = crk_method_new ();
      g_autoptr (CrkResults) r = NULL;
      GArray *log;

      for (guint i = 0; i < 6; i++)
        crk_city_set_province (crk_dataset_get_city (dataset, i), i < 3 ? "a" : "b");
      crk_method_set_imputation (method, modes[t], t >= 2 ? "province" : NULL);
      r = compute_ok (dataset, method);
      assert_close (crk_results_get_treated_value (r, 2, 1), want[t][0]);
      assert_close (crk_results_get_treated_value (r, 2, 4), want[t][1]);
      assert_close (crk_results_get_treated_value (r, 2, 5), 20);
      log = crk_results_get_adjustments (r);
      g_assert_cmpuint (log->len, ==, 2);
      g_assert_cmpint (g_array_index (log, CrkAdjustment, 0).kind, ==, CRK_ADJUSTMENT_IMPUTED);
      g_assert_cmpuint (g_array_index (log, CrkAdjustment, 0).city, ==, 1);
      g_assert_cmpuint (crk_results_get_n_ranked (r), ==, 6);
    }
}

static void
test_denomination (void)
{
  const double x[] = {10, 30, 50};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 1, x, NULL, NULL);
  g_autoptr (CrkIndicator) pop = crk_indicator_new ("POP", CRK_INDICATOR_KIND_DENOMINATOR);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) r = NULL;
  const double pops[] = {2, 10, 0};

  crk_dataset_add_indicator (dataset, pop);
  for (guint i = 0; i < 3; i++)
    crk_dataset_set_value (dataset, i, 1, 0, pops[i], CRK_VALUE_STATUS_OBSERVED);
  crk_indicator_set_denominator (crk_dataset_get_indicator (dataset, 0), "POP");
  crk_method_set_denomination (method, CRK_DENOMINATION_DATASET);
  r = compute_ok (dataset, method);
  assert_close (crk_results_get_treated_value (r, 2, 0), 5);
  assert_close (crk_results_get_treated_value (r, 2, 1), 3);
  g_assert_true (isnan (crk_results_get_treated_value (r, 2, 2)));
  g_assert_cmpuint (crk_results_get_rank (r, 0), ==, 1);
  g_assert_cmpuint (crk_results_get_rank (r, 2), ==, 0);
}

static void
test_tiers_groups (void)
{
  double x[10];
  CrkTier bands[] = {{(char *) "Leap", (char *) "跃升期", 3}, {(char *) "Rest", NULL, 0}};
  CrkTier thresholds[] = {{(char *) "High", NULL, 60}, {(char *) "Low", NULL, -1}};
  CrkTier quartiles[] = {{(char *) "Q1", NULL, 0},
                         {(char *) "Q2", NULL, 0},
                         {(char *) "Q3", NULL, 0},
                         {(char *) "Q4", NULL, 0}};

  for (guint i = 0; i < 10; i++)
    x[i] = 10 - i; /* min-max: 100, 88.9, ... 0; rank = i + 1 */
  x[4] = x[3];     /* tie at rank 4 */
  {
    g_autoptr (CrkDataset) dataset = crk_test_build (10, 1, x, NULL, NULL);
    g_autoptr (CrkMethod) method = crk_method_new ();
    g_autoptr (CrkResults) a = NULL;
    g_autoptr (CrkResults) b = NULL;
    g_autoptr (CrkResults) c = NULL;

    for (guint i = 0; i < 10; i++)
      crk_city_set_province (crk_dataset_get_city (dataset, i), i % 2 ? "odd" : "even");
    crk_method_set_group_attribute (method, "province");
    crk_method_set_tiers (method, CRK_TIER_RULE_RANK_BANDS, bands, 2);
    a = compute_ok (dataset, method);
    g_assert_cmpuint (crk_results_get_n_tiers (a), ==, 2);
    g_assert_cmpint (crk_results_get_tier (a, 2), ==, 0);
    g_assert_cmpint (crk_results_get_tier (a, 3), ==, 1);
    g_assert_cmpstr (crk_results_get_tier_name (a, 0), ==, "Leap");
    crk_locale_set_language ("zh_CN");
    g_assert_cmpstr (crk_results_get_tier_name (a, 0), ==, "跃升期");
    g_assert_cmpstr (crk_results_get_tier_name (a, 1), ==, "Rest");
    crk_locale_set_language ("en");
    /* groups: even cities 0, 2, 4, 6, 8 rank 1..5; odd 1, 3, 5.. where 3 ties with 4 */
    g_assert_cmpuint (crk_results_get_group_rank (a, 0), ==, 1);
    g_assert_cmpuint (crk_results_get_group_rank (a, 4), ==, 3);
    g_assert_cmpuint (crk_results_get_group_rank (a, 3), ==, 2);
    g_assert_cmpuint (crk_results_get_group_rank (a, 9), ==, 5);

    crk_method_set_tiers (method, CRK_TIER_RULE_SCORE_THRESHOLDS, thresholds, 2);
    b = compute_ok (dataset, method);
    g_assert_cmpint (crk_results_get_tier (b, 3), ==, 0); /* 66.7 */
    g_assert_cmpint (crk_results_get_tier (b, 5), ==, 1); /* 44.4 */

    crk_method_set_tiers (method, CRK_TIER_RULE_QUANTILES, quartiles, 4);
    c = compute_ok (dataset, method);
    g_assert_cmpint (crk_results_get_tier (c, 0), ==, 0); /* rank 1: 0 * 4 / 10 */
    g_assert_cmpint (crk_results_get_tier (c, 2), ==, 0); /* rank 3: 2 * 4 / 10 */
    g_assert_cmpint (crk_results_get_tier (c, 4), ==, 1); /* rank 4 (tie) */
    g_assert_cmpint (crk_results_get_tier (c, 9), ==, 3);
  }
}

static void
test_base_year (void)
{
  const double x[] = {1, 2, 3};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 1, x, NULL, NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) r = NULL;
  guint y = crk_dataset_add_year (dataset, 2021);
  int rank_change;
  double score_change;

  crk_dataset_set_value (dataset, 0, 0, y, 5, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (dataset, 1, 0, y, 4, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (dataset, 2, 0, y, 1, CRK_VALUE_STATUS_OBSERVED);
  crk_method_set_base_year (method, 2020);
  r = compute_ok (dataset, method);
  g_assert_cmpint (crk_results_get_year (r), ==, 2021);
  g_assert_true (crk_results_has_base_year (r));
  g_assert_cmpint (crk_results_get_base_year (r), ==, 2020);
  g_assert_true (crk_results_get_change (r, 0, &rank_change, &score_change));
  g_assert_cmpint (rank_change, ==, 2);
  assert_close (score_change, 100);
  g_assert_cmpuint (crk_results_get_base_rank (r, 2), ==, 1);
  g_assert_true (crk_results_get_change (r, 1, &rank_change, &score_change));
  assert_close (score_change, 75 - 50);
}

static void
test_reference (void)
{
  const double x[] = {5, 4, 3, 2, 1};
  const guint reference[] = {1, 2, 3, 5, 4};
  g_autoptr (CrkDataset) dataset = crk_test_build (5, 1, x, NULL, NULL);
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (GArray) largest = NULL;
  double rho, tau;
  guint n;

  for (guint i = 0; i < 5; i++)
    crk_city_set_reference_rank (crk_dataset_get_city (dataset, i), CRK_TEST_YEAR, reference[i]);
  r = compute_ok (dataset, NULL);
  g_assert_true (crk_results_compare_reference (r, &rho, &tau, &n, &largest));
  g_assert_cmpuint (n, ==, 5);
  assert_close (rho, 1 - 6.0 * 2 / (5 * 24));
  assert_close (tau, (9.0 - 1) / 10);
  g_assert_cmpuint (largest->len, ==, 5);
  g_assert_cmpuint (g_array_index (largest, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (largest, guint, 1), ==, 4);
}

static void
test_strengths (void)
{
  /* city 0 is best on I0, I1 and worst on I2, I3 */
  const double x[] = {9, 1, 2, 3, 4, 9, 1, 2, 3, 4, 0, 5, 6, 7, 8, 0, 5, 6, 7, 8};
  g_autoptr (CrkDataset) dataset = crk_test_build (5, 4, x, NULL, NULL);
  g_autoptr (CrkResults) r = compute_ok (dataset, NULL);
  g_autoptr (GArray) s = crk_results_dup_strengths (r, 0);
  g_autoptr (GArray) w = crk_results_dup_weaknesses (r, 0);

  g_assert_cmpuint (s->len, ==, 2);
  g_assert_cmpuint (w->len, ==, 2);
  g_assert_cmpuint (g_array_index (s, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (s, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (w, guint, 0), ==, 4);
}

/* Changing a weight re-aggregates and gives what a fresh engine gives. */
static void
test_incremental (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  const char *parents[] = {"A", "A", "B", "B", "C", "C"};
  double x[6 * 30];
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkEngine) engine = NULL;
  g_autoptr (CrkMethod) method = crk_method_new ();
  CrkWeightScheme schemes[] = {CRK_WEIGHTS_DATASET, CRK_WEIGHTS_ENTROPY, CRK_WEIGHTS_PCA};

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    x[i] = g_rand_double_range (rand, 0, 1);
  dataset = crk_test_build (30, 6, x, NULL, parents);
  engine = crk_engine_new (dataset);

  for (guint t = 0; t < G_N_ELEMENTS (schemes); t++)
    for (guint step = 0; step < 4; step++)
      {
        g_autoptr (CrkResults) inc = NULL;
        g_autoptr (CrkResults) fresh = NULL;
        g_autoptr (GError) error = NULL;

        crk_method_set_weight_scheme (method, schemes[t]);
        if (step == 1)
          crk_method_set_weight (method, "B", 3);
        else if (step == 2)
          crk_framework_node_set_weight (crk_dataset_lookup_node (dataset, "I0"), 2.5);
        else if (step == 3)
          crk_method_set_node_aggregation (method, "C", CRK_AGGREGATION_TOPSIS);
        inc = crk_engine_compute (engine, method, 0, &error);
        g_assert_no_error (error);
        fresh = compute_ok (dataset, method);
        for (guint node = 0; node < crk_results_get_n_nodes (inc); node++)
          {
            assert_close (crk_results_get_weight (inc, node), crk_results_get_weight (fresh, node));
            for (guint i = 0; i < 30; i++)
              g_assert_cmpfloat (crk_results_get_score (inc, node, i), ==,
                                 crk_results_get_score (fresh, node, i));
          }
        for (guint i = 0; i < 30; i++)
          g_assert_cmpuint (crk_results_get_rank (inc, i), ==, crk_results_get_rank (fresh, i));
      }

  /* a dimension weight re-aggregates the root only: the dimensions' rows are shared */
  {
    g_autoptr (CrkMethod) plain = crk_method_new ();
    g_autoptr (CrkResults) before = NULL;
    g_autoptr (CrkResults) after = NULL;

    before = crk_engine_compute (engine, plain, 0, NULL);
    crk_method_set_weight (plain, "B", 5);
    after = crk_engine_compute (engine, plain, 0, NULL);
    g_assert_true (crk_results_peek_scores (before, 1) == crk_results_peek_scores (after, 1));
    g_assert_true (crk_results_peek_scores (before, 4) == crk_results_peek_scores (after, 4));
    g_assert_true (crk_results_peek_scores (before, 0) != crk_results_peek_scores (after, 0));
    g_assert_cmpfloat (crk_results_get_weight (after, 4), ==, 5.0 / 7);
    /* an indicator weight re-aggregates its dimension and the root, not the others */
    g_clear_object (&before);
    before = g_steal_pointer (&after);
    crk_method_set_weight (plain, "I2", 4);
    after = crk_engine_compute (engine, plain, 0, NULL);
    g_assert_true (crk_results_peek_scores (before, 1) == crk_results_peek_scores (after, 1));
    g_assert_true (crk_results_peek_scores (before, 4) != crk_results_peek_scores (after, 4));
    g_assert_true (crk_results_peek_scores (before, 0) != crk_results_peek_scores (after, 0));
  }

  /* a value edit is seen too */
  {
    g_autoptr (CrkResults) before = crk_engine_compute (engine, method, 0, NULL);
    g_autoptr (CrkResults) after = NULL;

    g_assert_cmpstr (crk_framework_node_get_code (crk_results_get_node (before, 2)), ==, "I0");
    crk_dataset_set_value (dataset, 0, 0, 0, 100, CRK_VALUE_STATUS_OBSERVED);
    after = crk_engine_compute (engine, method, 0, NULL);
    g_assert_cmpfloat (crk_results_get_treated_value (after, 2, 0), ==, 100);
    g_assert_cmpfloat (crk_results_get_treated_value (before, 2, 0), <, 1);
  }
}

static void
on_computed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrkResults **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = crk_engine_compute_finish (CRK_ENGINE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_cancelled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  const double x[] = {1, 3, 2};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 1, x, NULL, NULL);
  g_autoptr (CrkEngine) engine = crk_engine_new (dataset);
  g_autoptr (CrkMethod) method = crk_method_new ();
  CrkResults *results = NULL;

  crk_engine_compute_async (engine, method, CRK_TEST_YEAR, NULL, on_computed, &results);
  /* the method was copied: changing it now has no effect */
  crk_method_set_normalisation (method, CRK_NORMALISATION_MINMAX, 0, 1);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_close (crk_results_get_index_score (results, 1), 100);
  g_assert_cmpuint (crk_results_get_rank (results, 2), ==, 2);
  g_object_unref (results);
}

static void
test_async_cancelled (void)
{
  const double x[] = {1, 3, 2};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 1, x, NULL, NULL);
  g_autoptr (CrkEngine) engine = crk_engine_new (dataset);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  crk_engine_compute_async (engine, NULL, 0, cancellable, on_cancelled, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (crk_engine_compute_finish (engine, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_many_missing (void)
{
  const double x[] = {N, N, 1, 2,  /* half missing: warned */
                      N, 1, 2, 3}; /* a quarter: not */
  g_autoptr (CrkDataset) dataset = crk_test_build (4, 2, x, NULL, NULL);
  g_autoptr (CrkResults) r = compute_ok (dataset, NULL);

  g_assert_true (has_warning (r, CRK_WARNING_MANY_MISSING, "I0"));
  g_assert_false (has_warning (r, CRK_WARNING_MANY_MISSING, "I1"));
  g_assert_false (has_warning (r, CRK_WARNING_CONSTANT_INDICATOR, "I0"));
  /* C0 has no data at all, C1 only I1 */
  g_assert_cmpuint (crk_results_get_rank (r, 0), ==, 0);
  g_assert_cmpuint (crk_results_get_n_ranked (r), ==, 3);
}

/* Aggregation by level: geometric at level 2 (the dimensions), arithmetic at the root. */
static void
test_level_aggregation (void)
{
  const char *parents[] = {"A", "A", "B"};
  const double x[] = {0, 10, 5, 10, 0, 5, 1, 2, 3};
  g_autoptr (CrkDataset) dataset = crk_test_build (3, 3, x, NULL, parents);
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkResults) r = NULL;

  crk_method_set_normalisation (method, CRK_NORMALISATION_MINMAX, 1, 100);
  crk_method_set_level_aggregation (method, 2, CRK_AGGREGATION_GEOMETRIC);
  r = compute_ok (dataset, method);
  g_assert_cmpint (crk_results_lookup_node (r, "A"), ==, 1);
  /* A of C0: sqrt (1 * 100) = 10; B of C0: 1; the root: (10 + 1) / 2 */
  assert_close (crk_results_get_score (r, 1, 0), 10);
  assert_close (crk_results_get_index_score (r, 0), 5.5);
  g_assert_true (isnan (crk_results_get_contribution (r, 2, 0)));
  assert_close (crk_results_get_contribution (r, 1, 0), 5);
}

static void
test_errors (void)
{
  const double x[] = {1, 2};
  g_autoptr (CrkDataset) dataset = crk_test_build (2, 1, x, NULL, NULL);
  g_autoptr (CrkDataset) empty = crk_dataset_new ();
  g_autoptr (GError) error = NULL;

  g_assert_null (crk_compute (dataset, NULL, 1999, &error));
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NO_YEAR);
  g_clear_error (&error);
  crk_dataset_add_year (empty, 2020);
  g_assert_null (crk_compute (empty, NULL, 0, &error));
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NO_FRAMEWORK);
}

/* COINr's ASEM example: min-max [0, 100], arithmetic means at every level. */
static void
test_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (GError) error = NULL;
  const struct
  {
    const char *code;
    double score;
    guint rank;
  } want[] = {
    {"DEU", 75.23, 1}, {"GBR", 68.94, 2}, {"FRA", 65.92, 3},
    {"CHE", 62.61, 4}, {"NLD", 61.24, 5}, {"SWE", 60.59, 6},
  };

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "data", "external", "asem", NULL);
  dataset = crk_test_load_asem (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 51);
  r = compute_ok (dataset, NULL);
  g_assert_cmpuint (crk_results_get_n_ranked (r), ==, 51);
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      guint city = crk_city_get_index (crk_dataset_lookup_city (dataset, want[k].code));
      double score = crk_results_get_index_score (r, city);

      g_assert_cmpfloat (round (score * 100) / 100, ==, want[k].score);
      g_assert_cmpuint (crk_results_get_rank (r, city), ==, want[k].rank);
    }
  /* DEU at full precision, from an independent calculation */
  assert_close (
    crk_results_get_index_score (r, crk_city_get_index (crk_dataset_lookup_city (dataset, "DEU"))),
    75.2278046542818);
}

/* The same through the project's CSV import, city by city against the test's own reader. */
static void
test_asem_csv (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *meta = NULL;
  g_autoptr (CrkDataset) imported = NULL;
  g_autoptr (CrkDataset) reference = NULL;
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (CrkResults) q = NULL;
  g_autoptr (GError) error = NULL;

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "data", "external", "asem", NULL);
  data = g_build_filename (dir, "asem_idata.csv", NULL);
  meta = g_build_filename (dir, "asem_imeta.csv", NULL);
  imported = crk_csv_import (data, meta, 0, NULL, &error);
  g_assert_no_error (error);
  reference = crk_test_load_asem (dir, &error);
  g_assert_no_error (error);
  r = compute_ok (imported, NULL);
  q = compute_ok (reference, NULL);
  g_assert_cmpuint (crk_results_get_n_cities (r), ==, 51);
  for (guint i = 0; i < 51; i++)
    {
      CrkCity *city = crk_dataset_get_city (imported, i);
      guint j = crk_city_get_index (crk_dataset_lookup_city (reference, crk_city_get_code (city)));

      assert_close (crk_results_get_index_score (r, i), crk_results_get_index_score (q, j));
      g_assert_cmpuint (crk_results_get_rank (r, i), ==, crk_results_get_rank (q, j));
    }
  assert_close (
    crk_results_get_index_score (r, crk_city_get_index (crk_dataset_lookup_city (imported, "GBR"))),
    68.93633772118667);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/normalise/minmax", test_minmax);
  g_test_add_func ("/analysis/normalise/zscore", test_zscore);
  g_test_add_func ("/analysis/normalise/rank", test_rank);
  g_test_add_func ("/analysis/normalise/goalposts", test_goalposts);
  g_test_add_func ("/analysis/normalise/override", test_override);
  g_test_add_func ("/analysis/normalise/constant", test_constant);
  g_test_add_func ("/analysis/normalise/minmax-invariance", test_minmax_invariance);
  g_test_add_func ("/analysis/treat/winsorise-log", test_treatment);
  g_test_add_func ("/analysis/impute/all", test_imputation);
  g_test_add_func ("/analysis/denominate", test_denomination);
  g_test_add_func ("/analysis/aggregate/missing", test_missing_children);
  g_test_add_func ("/analysis/aggregate/geometric-harmonic", test_geometric_harmonic);
  g_test_add_func ("/analysis/aggregate/topsis", test_topsis);
  g_test_add_func ("/analysis/weights/schemes", test_weights);
  g_test_add_func ("/analysis/rank/ties", test_ranks_ties);
  g_test_add_func ("/analysis/rank/permutation", test_rank_property);
  g_test_add_func ("/analysis/rank/tiers-groups", test_tiers_groups);
  g_test_add_func ("/analysis/rank/base-year", test_base_year);
  g_test_add_func ("/analysis/rank/reference", test_reference);
  g_test_add_func ("/analysis/explain/contributions", test_contributions);
  g_test_add_func ("/analysis/explain/strengths", test_strengths);
  g_test_add_func ("/analysis/engine/incremental", test_incremental);
  g_test_add_func ("/analysis/engine/async", test_async);
  g_test_add_func ("/analysis/engine/async-cancelled", test_async_cancelled);
  g_test_add_func ("/analysis/engine/errors", test_errors);
  g_test_add_func ("/analysis/warnings/many-missing", test_many_missing);
  g_test_add_func ("/analysis/aggregate/by-level", test_level_aggregation);
  g_test_add_func ("/analysis/asem", test_asem);
  g_test_add_func ("/analysis/asem-csv", test_asem_csv);

  return g_test_run ();
}
