/* test-method.c: CrkMethod defaults, changes, copies, overrides and names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-method.h"

static void
changed_cb (CrkMethod *method, guint *count)
{
  (*count)++;
}

static void
test_method_defaults (void)
{
  CrkMethod *m = crk_method_new ();
  double p1 = -1, p2 = -1, skew, kurt;
  guint points;
  g_auto (GStrv) overrides = NULL;
  g_autoptr (GArray) levels = NULL;

  g_assert_cmpint (crk_method_get_denomination (m), ==, CRK_DENOMINATION_NONE);
  g_assert_cmpint (crk_method_get_imputation (m), ==, CRK_IMPUTATION_NONE);
  g_assert_null (crk_method_get_impute_group (m));
  g_assert_cmpint (crk_method_get_treatment (m), ==, CRK_TREATMENT_NONE);
  crk_method_get_treatment_params (m, &skew, &kurt, &points);
  g_assert_cmpfloat (skew, ==, 2.0);
  g_assert_cmpfloat (kurt, ==, 3.5);
  g_assert_cmpuint (points, ==, 5);
  g_assert_cmpint (crk_method_get_normalisation (m, &p1, &p2), ==, CRK_NORMALISATION_MINMAX);
  g_assert_cmpfloat (p1, ==, 0);
  g_assert_cmpfloat (p2, ==, 100);
  g_assert_cmpint (crk_method_get_weight_scheme (m), ==, CRK_WEIGHTS_DATASET);
  g_assert_cmpint (crk_method_get_aggregation (m), ==, CRK_AGGREGATION_ARITHMETIC);
  g_assert_cmpfloat (crk_method_get_availability (m), ==, 0);
  g_assert_cmpint (crk_method_get_tier_rule (m), ==, CRK_TIER_RULE_NONE);
  g_assert_cmpuint (crk_method_get_n_tiers (m), ==, 0);
  g_assert_cmpint (crk_method_get_base_year (m), ==, 0);
  g_assert_null (crk_method_get_group_attribute (m));
  g_assert_cmpuint (crk_method_get_entropy_variant (m), ==, 0);
  g_assert_cmpuint (crk_method_get_topsis_variant (m), ==, 0);
  g_assert_true (isnan (crk_method_get_weight (m, "D1")));
  overrides = crk_method_dup_weight_overrides (m);
  g_assert_cmpuint (g_strv_length (overrides), ==, 0);
  levels = crk_method_dup_level_aggregations (m);
  g_assert_cmpuint (levels->len, ==, 0);

  g_assert_finalize_object (m);
}

static void
test_method_changed_once (void)
{
  CrkMethod *m = crk_method_new ();
  guint n = 0;

  g_signal_connect (m, "changed", G_CALLBACK (changed_cb), &n);

  crk_method_set_normalisation (m, CRK_NORMALISATION_MINMAX, 0, 100);
  g_assert_cmpuint (n, ==, 0);
  crk_method_set_normalisation (m, CRK_NORMALISATION_ZSCORE, 10, 2);
  g_assert_cmpuint (n, ==, 1);
  crk_method_set_normalisation (m, CRK_NORMALISATION_ZSCORE, 10, 2);
  g_assert_cmpuint (n, ==, 1);
  crk_method_set_imputation (m, CRK_IMPUTATION_GROUP_MEAN, "province");
  crk_method_set_imputation (m, CRK_IMPUTATION_GROUP_MEAN, "province");
  g_assert_cmpuint (n, ==, 2);
  crk_method_set_imputation (m, CRK_IMPUTATION_GROUP_MEAN, "region");
  g_assert_cmpuint (n, ==, 3);
  crk_method_set_treatment_params (m, 2.0, 3.5, 5);
  g_assert_cmpuint (n, ==, 3);
  crk_method_set_treatment_params (m, 2.25, 3.5, 5);
  g_assert_cmpuint (n, ==, 4);
  crk_method_set_weight (m, "D1", 0.3);
  crk_method_set_weight (m, "D1", 0.3);
  g_assert_cmpuint (n, ==, 5);
  crk_method_set_weight (m, "D2", NAN);
  g_assert_cmpuint (n, ==, 5);
  crk_method_set_weight (m, "D1", NAN);
  g_assert_cmpuint (n, ==, 6);
  crk_method_clear_weights (m);
  g_assert_cmpuint (n, ==, 6);
  crk_method_set_ccid_stages (m);
  g_assert_cmpuint (n, ==, 7);
  crk_method_set_ccid_stages (m);
  g_assert_cmpuint (n, ==, 7);
  crk_method_set_base_year (m, 2020);
  crk_method_set_group_attribute (m, "province");
  crk_method_set_group_attribute (m, "province");
  crk_method_set_availability (m, 0.66);
  crk_method_set_entropy_variant (m, 1);
  crk_method_set_topsis_variant (m, 2);
  crk_method_set_denomination (m, CRK_DENOMINATION_DATASET);
  crk_method_set_treatment (m, CRK_TREATMENT_WINSORISE);
  crk_method_set_weight_scheme (m, CRK_WEIGHTS_CRITIC);
  crk_method_set_aggregation (m, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_aggregation (m, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpuint (n, ==, 16);

  g_assert_finalize_object (m);
}

static void
test_method_freeze (void)
{
  CrkMethod *m = crk_method_new ();
  guint n = 0;

  g_signal_connect (m, "changed", G_CALLBACK (changed_cb), &n);

  crk_method_freeze (m);
  crk_method_freeze (m);
  crk_method_set_weight_scheme (m, CRK_WEIGHTS_EQUAL);
  crk_method_set_aggregation (m, CRK_AGGREGATION_HARMONIC);
  crk_method_thaw (m);
  g_assert_cmpuint (n, ==, 0);
  crk_method_thaw (m);
  g_assert_cmpuint (n, ==, 1);

  /* nothing changed while frozen: no emission */
  crk_method_freeze (m);
  crk_method_set_weight_scheme (m, CRK_WEIGHTS_EQUAL);
  crk_method_thaw (m);
  g_assert_cmpuint (n, ==, 1);

  g_assert_finalize_object (m);
}

static CrkMethod *
busy_method (void)
{
  CrkMethod *m = crk_method_new ();
  CrkTier tiers[] = {
    {(char *) "High", (char *) "高", 60},
    {(char *) "Low", NULL, 0},
  };

  crk_method_set_denomination (m, CRK_DENOMINATION_DATASET);
  crk_method_set_imputation (m, CRK_IMPUTATION_GROUP_MEDIAN, "province");
  crk_method_set_treatment (m, CRK_TREATMENT_WINSORISE);
  crk_method_set_treatment_params (m, 2.5, 4, 3);
  crk_method_set_normalisation (m, CRK_NORMALISATION_ZSCORE, 100, 10);
  crk_method_set_indicator_normalisation (m, "GDP", CRK_NORMALISATION_GOALPOSTS, 0, 0);
  crk_method_set_indicator_normalisation (m, "Air", CRK_NORMALISATION_RANK, 0, 0);
  crk_method_set_weight_scheme (m, CRK_WEIGHTS_PCA);
  crk_method_set_entropy_variant (m, 1);
  crk_method_set_topsis_variant (m, 1);
  crk_method_set_weight (m, "D1", 0.4);
  crk_method_set_weight (m, "D2", 0.6);
  crk_method_set_aggregation (m, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_level_aggregation (m, 3, CRK_AGGREGATION_TOPSIS);
  crk_method_set_level_aggregation (m, 2, CRK_AGGREGATION_HARMONIC);
  crk_method_set_node_aggregation (m, "D2", CRK_AGGREGATION_ARITHMETIC);
  crk_method_set_availability (m, 0.5);
  crk_method_set_tiers (m, CRK_TIER_RULE_SCORE_THRESHOLDS, tiers, G_N_ELEMENTS (tiers));
  crk_method_set_base_year (m, 2020);
  crk_method_set_group_attribute (m, "region");
  return m;
}

static void
test_method_copy_equal_assign (void)
{
  CrkMethod *a = busy_method ();
  CrkMethod *b = crk_method_copy (a);
  CrkMethod *c = crk_method_new ();
  guint n = 0;

  g_assert_true (crk_method_equal (a, b));
  g_assert_true (crk_method_equal (a, a));
  g_assert_false (crk_method_equal (a, c));
  g_assert_cmpfloat (crk_method_get_weight (b, "D2"), ==, 0.6);
  g_assert_cmpstr (crk_method_get_tier (b, 0)->name_zh, ==, "高");
  g_assert_true (crk_method_get_tier (b, 0)->name != crk_method_get_tier (a, 0)->name);

  /* every field counts for equality */
  crk_method_set_weight (b, "D2", 0.61);
  g_assert_false (crk_method_equal (a, b));
  crk_method_set_weight (b, "D2", 0.6);
  g_assert_true (crk_method_equal (a, b));
  crk_method_set_indicator_normalisation (b, "Air", CRK_NORMALISATION_RANK, 0, 1);
  g_assert_false (crk_method_equal (a, b));
  crk_method_set_indicator_normalisation (b, "Air", CRK_NORMALISATION_RANK, 0, 0);
  crk_method_set_level_aggregation (b, 2, CRK_AGGREGATION_INHERIT);
  g_assert_false (crk_method_equal (a, b));
  crk_method_set_level_aggregation (b, 2, CRK_AGGREGATION_HARMONIC);
  crk_method_set_node_aggregation (b, "D3", CRK_AGGREGATION_TOPSIS);
  g_assert_false (crk_method_equal (a, b));
  crk_method_set_node_aggregation (b, "D3", CRK_AGGREGATION_INHERIT);
  g_assert_true (crk_method_equal (a, b));
  crk_method_set_imputation (b, CRK_IMPUTATION_GROUP_MEDIAN, "region");
  g_assert_false (crk_method_equal (a, b));

  /* assign: one emission, then equal; a second assign emits nothing */
  g_signal_connect (c, "changed", G_CALLBACK (changed_cb), &n);
  crk_method_assign (c, a);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (crk_method_equal (a, c));
  crk_method_assign (c, a);
  g_assert_cmpuint (n, ==, 1);

  /* and back to the defaults */
  {
    g_autoptr (CrkMethod) d = crk_method_new ();

    crk_method_assign (c, d);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (crk_method_equal (c, d));
    g_assert_cmpuint (crk_method_get_n_tiers (c), ==, 0);
  }

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
}

static void
test_method_overrides (void)
{
  g_autoptr (CrkMethod) m = busy_method ();
  g_auto (GStrv) norms = crk_method_dup_normalisation_overrides (m);
  g_auto (GStrv) weights = crk_method_dup_weight_overrides (m);
  g_auto (GStrv) nodes = crk_method_dup_node_aggregations (m);
  g_autoptr (GArray) levels = crk_method_dup_level_aggregations (m);
  double p1 = -7, p2 = -7;

  g_assert_cmpuint (g_strv_length (norms), ==, 2);
  g_assert_cmpstr (norms[0], ==, "Air");
  g_assert_cmpstr (norms[1], ==, "GDP");
  g_assert_cmpuint (g_strv_length (weights), ==, 2);
  g_assert_cmpstr (weights[0], ==, "D1");
  g_assert_cmpuint (g_strv_length (nodes), ==, 1);
  g_assert_cmpuint (levels->len, ==, 2);
  g_assert_cmpuint (g_array_index (levels, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (levels, guint, 1), ==, 3);

  g_assert_cmpint (crk_method_get_indicator_normalisation (m, "GDP", &p1, &p2), ==,
                   CRK_NORMALISATION_GOALPOSTS);
  g_assert_cmpfloat (p1, ==, 0);
  p1 = -7;
  g_assert_cmpint (crk_method_get_indicator_normalisation (m, "Pop", &p1, &p2), ==,
                   CRK_NORMALISATION_INHERIT);
  g_assert_cmpfloat (p1, ==, -7);
  crk_method_set_indicator_normalisation (m, "GDP", CRK_NORMALISATION_INHERIT, 0, 0);
  g_assert_cmpint (crk_method_get_indicator_normalisation (m, "GDP", NULL, NULL), ==,
                   CRK_NORMALISATION_INHERIT);

  crk_method_clear_weights (m);
  g_assert_true (isnan (crk_method_get_weight (m, "D1")));
}

static void
test_method_resolve_aggregation (void)
{
  g_autoptr (CrkMethod) m = crk_method_new ();

  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_ARITHMETIC);
  crk_method_set_aggregation (m, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_level_aggregation (m, 2, CRK_AGGREGATION_HARMONIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_HARMONIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "Index", 3), ==, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_node_aggregation (m, "D1", CRK_AGGREGATION_TOPSIS);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_TOPSIS);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D2", 2), ==, CRK_AGGREGATION_HARMONIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, NULL, 2), ==, CRK_AGGREGATION_HARMONIC);
  crk_method_set_level_aggregation (m, 2, CRK_AGGREGATION_INHERIT);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D2", 2), ==, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_TOPSIS);
}

/* Clearing the overrides leaves the default everywhere and keeps the default itself. */
static void
test_method_clear_aggregation_overrides (void)
{
  g_autoptr (CrkMethod) m = crk_method_new ();
  g_autoptr (GArray) levels = NULL;
  g_auto (GStrv) nodes = NULL;

  crk_method_set_aggregation (m, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_level_aggregation (m, 2, CRK_AGGREGATION_HARMONIC);
  crk_method_set_level_aggregation (m, 3, CRK_AGGREGATION_TOPSIS);
  crk_method_set_node_aggregation (m, "D1", CRK_AGGREGATION_ARITHMETIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_ARITHMETIC);

  crk_method_clear_aggregation_overrides (m);
  levels = crk_method_dup_level_aggregations (m);
  nodes = crk_method_dup_node_aggregations (m);
  g_assert_true (levels == NULL || levels->len == 0);
  g_assert_true (nodes == NULL || nodes[0] == NULL);
  g_assert_cmpint (crk_method_get_aggregation (m), ==, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D1", 2), ==, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpint (crk_method_resolve_aggregation (m, "D2", 3), ==, CRK_AGGREGATION_GEOMETRIC);
}

static void
test_method_ccid_stages (void)
{
  g_autoptr (CrkMethod) m = crk_method_new ();
  static const struct
  {
    const char *name, *name_zh;
    double bound;
  } expected[] = {
    {"Leap", "跃升期", 3},
    {"Expansion", "扩张期", 29},
    {"Development", "发展期", 58},
    {"Start-up", "起步期", 0},
  };

  crk_method_set_ccid_stages (m);
  g_assert_cmpint (crk_method_get_tier_rule (m), ==, CRK_TIER_RULE_RANK_BANDS);
  g_assert_cmpuint (crk_method_get_n_tiers (m), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const CrkTier *t = crk_method_get_tier (m, i);

      g_assert_cmpstr (t->name, ==, expected[i].name);
      g_assert_cmpstr (t->name_zh, ==, expected[i].name_zh);
      g_assert_cmpfloat (t->bound, ==, expected[i].bound);
    }
}

static void
test_method_strings (void)
{
  static const char *norms[] = {"minmax", "zscore", "rank", "prank", "goalposts"};
  static const char *aggs[] = {"arithmetic", "geometric", "harmonic", "topsis"};
  static const char *imps[] = {"none", "mean", "median", "group-mean", "group-median"};
  static const char *schemes[] = {"dataset", "equal", "entropy", "critic", "pca"};
  static const char *treats[] = {"none", "winsorise"};
  static const char *dens[] = {"none", "dataset"};
  static const char *rules[] = {"none", "rank-bands", "score-thresholds", "quantiles"};

  for (guint i = 0; i < G_N_ELEMENTS (norms); i++)
    {
      CrkNormalisation v;

      g_assert_cmpstr (crk_normalisation_to_string ((CrkNormalisation) i), ==, norms[i]);
      g_assert_true (crk_normalisation_from_string (norms[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (aggs); i++)
    {
      CrkAggregation v;

      g_assert_cmpstr (crk_aggregation_to_string ((CrkAggregation) i), ==, aggs[i]);
      g_assert_true (crk_aggregation_from_string (aggs[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (imps); i++)
    {
      CrkImputation v;

      g_assert_cmpstr (crk_imputation_to_string ((CrkImputation) i), ==, imps[i]);
      g_assert_true (crk_imputation_from_string (imps[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      CrkWeightScheme v;

      g_assert_cmpstr (crk_weight_scheme_to_string ((CrkWeightScheme) i), ==, schemes[i]);
      g_assert_true (crk_weight_scheme_from_string (schemes[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (treats); i++)
    {
      CrkTreatment v;

      g_assert_cmpstr (crk_treatment_to_string ((CrkTreatment) i), ==, treats[i]);
      g_assert_true (crk_treatment_from_string (treats[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dens); i++)
    {
      CrkDenomination v;

      g_assert_cmpstr (crk_denomination_to_string ((CrkDenomination) i), ==, dens[i]);
      g_assert_true (crk_denomination_from_string (dens[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      CrkTierRule v;

      g_assert_cmpstr (crk_tier_rule_to_string ((CrkTierRule) i), ==, rules[i]);
      g_assert_true (crk_tier_rule_from_string (rules[i], &v));
      g_assert_cmpint (v, ==, i);
    }

  {
    CrkNormalisation n = CRK_NORMALISATION_RANK;
    CrkAggregation a = CRK_AGGREGATION_TOPSIS;
    CrkWeightScheme w = CRK_WEIGHTS_PCA;

    g_assert_false (crk_normalisation_from_string ("min-max", &n));
    g_assert_false (crk_normalisation_from_string ("MINMAX", &n));
    g_assert_false (crk_normalisation_from_string (NULL, &n));
    g_assert_cmpint (n, ==, CRK_NORMALISATION_RANK);
    g_assert_false (crk_aggregation_from_string ("", &a));
    g_assert_cmpint (a, ==, CRK_AGGREGATION_TOPSIS);
    g_assert_false (crk_weight_scheme_from_string ("winsorise", &w));
    g_assert_cmpint (w, ==, CRK_WEIGHTS_PCA);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/method/defaults", test_method_defaults);
  g_test_add_func ("/model/method/changed-once", test_method_changed_once);
  g_test_add_func ("/model/method/freeze", test_method_freeze);
  g_test_add_func ("/model/method/copy-equal-assign", test_method_copy_equal_assign);
  g_test_add_func ("/model/method/overrides", test_method_overrides);
  g_test_add_func ("/model/method/resolve-aggregation", test_method_resolve_aggregation);
  g_test_add_func ("/model/method/clear-aggregation-overrides",
                   test_method_clear_aggregation_overrides);
  g_test_add_func ("/model/method/ccid-stages", test_method_ccid_stages);
  g_test_add_func ("/model/method/strings", test_method_strings);

  return g_test_run ();
}
