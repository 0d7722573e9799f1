/* crk-method.h: every choice that turns raw values into scores and ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CRK_DENOMINATION_NONE,
  CRK_DENOMINATION_DATASET, /* divide by each indicator's denominator from the dataset */
} CrkDenomination;

typedef enum
{
  CRK_IMPUTATION_NONE,
  CRK_IMPUTATION_MEAN,
  CRK_IMPUTATION_MEDIAN,
  CRK_IMPUTATION_GROUP_MEAN, /* group = a city attribute, crk_method_get_impute_group() */
  CRK_IMPUTATION_GROUP_MEDIAN,
} CrkImputation;

typedef enum
{
  CRK_TREATMENT_NONE,
  CRK_TREATMENT_WINSORISE, /* COINr's rule, falling back to the log transform */
} CrkTreatment;

typedef enum
{
  CRK_NORMALISATION_MINMAX,          /* params: low, high (default 0, 100) */
  CRK_NORMALISATION_ZSCORE,          /* params: mean, sd (default 0, 1) */
  CRK_NORMALISATION_RANK,            /* 100 * (r - 1)/(n - 1), ties averaged */
  CRK_NORMALISATION_PERCENTILE_RANK, /* percentile rank in [0, 100] */
  CRK_NORMALISATION_GOALPOSTS,       /* distance to target, from the indicator's goalposts */
  CRK_NORMALISATION_INHERIT = -1,    /* per-indicator override: use the method's default */
} CrkNormalisation;

typedef enum
{
  CRK_WEIGHTS_DATASET,
  CRK_WEIGHTS_EQUAL,
  CRK_WEIGHTS_ENTROPY,
  CRK_WEIGHTS_CRITIC,
  CRK_WEIGHTS_PCA,
} CrkWeightScheme;

typedef enum
{
  CRK_AGGREGATION_ARITHMETIC,
  CRK_AGGREGATION_GEOMETRIC,
  CRK_AGGREGATION_HARMONIC,
  CRK_AGGREGATION_TOPSIS,
  CRK_AGGREGATION_INHERIT = -1,
} CrkAggregation;

typedef enum
{
  CRK_TIER_RULE_NONE,
  CRK_TIER_RULE_RANK_BANDS, /* tier i holds ranks up to bound i (last bound may be 0 = no limit) */
  CRK_TIER_RULE_SCORE_THRESHOLDS, /* tier i holds scores >= bound i, tiers in descending bounds */
  CRK_TIER_RULE_QUANTILES,        /* n tiers of equal share of the ranked cities */
} CrkTierRule;

/* One tier (stage). */
typedef struct
{
  char *name;    /* English */
  char *name_zh; /* Chinese, may be NULL */
  double bound;  /* meaning depends on the rule; unused for quantiles */
} CrkTier;

#define CRK_TYPE_METHOD (crk_method_get_type ())
G_DECLARE_FINAL_TYPE (CrkMethod, crk_method, CRK, METHOD, GObject)

/* The default method: no denomination, no imputation, no treatment, min-max to [0, 100],
 * dataset weights, arithmetic means at every level, no availability threshold, no tiers,
 * no base year, no group ranks.
 *
 * Every setter that changes something emits "changed" (no arguments) once. Use
 * crk_method_freeze()/crk_method_thaw() around several changes for a single emission. */
CrkMethod *crk_method_new (void);
CrkMethod *crk_method_copy (CrkMethod *self);
gboolean crk_method_equal (CrkMethod *a, CrkMethod *b);
/* Makes @self equal to @other (emits "changed" once if anything differs). */
void crk_method_assign (CrkMethod *self, CrkMethod *other);
void crk_method_freeze (CrkMethod *self);
void crk_method_thaw (CrkMethod *self);

CrkDenomination crk_method_get_denomination (CrkMethod *self);
void crk_method_set_denomination (CrkMethod *self, CrkDenomination mode);

CrkImputation crk_method_get_imputation (CrkMethod *self);
/* @group: the city attribute for the group modes (e.g. "province"), else NULL. */
const char *crk_method_get_impute_group (CrkMethod *self);
void crk_method_set_imputation (CrkMethod *self, CrkImputation mode, const char *group);

CrkTreatment crk_method_get_treatment (CrkMethod *self);
void crk_method_set_treatment (CrkMethod *self, CrkTreatment mode);
/* COINr defaults: skew 2, kurtosis 3.5, at most 5 points. */
void crk_method_get_treatment_params (CrkMethod *self,
                                      double *skew,
                                      double *kurtosis,
                                      guint *max_points);
void
crk_method_set_treatment_params (CrkMethod *self, double skew, double kurtosis, guint max_points);

/* Default normalisation and its two parameters (min-max: low, high; z-score: mean, sd). */
CrkNormalisation crk_method_get_normalisation (CrkMethod *self, double *param1, double *param2);
void
crk_method_set_normalisation (CrkMethod *self, CrkNormalisation mode, double param1, double param2);
/* Per-indicator override; CRK_NORMALISATION_INHERIT removes it. Returns INHERIT when none. */
CrkNormalisation crk_method_get_indicator_normalisation (CrkMethod *self,
                                                         const char *indicator_code,
                                                         double *param1,
                                                         double *param2);
void crk_method_set_indicator_normalisation (CrkMethod *self,
                                             const char *indicator_code,
                                             CrkNormalisation mode,
                                             double param1,
                                             double param2);
/* Codes with an override, sorted; free with g_strfreev. */
char **crk_method_dup_normalisation_overrides (CrkMethod *self);

CrkWeightScheme crk_method_get_weight_scheme (CrkMethod *self);
void crk_method_set_weight_scheme (CrkMethod *self, CrkWeightScheme scheme);
/* Variant of the entropy or TOPSIS computation, named by the engine (0 = the default). */
guint crk_method_get_entropy_variant (CrkMethod *self);
void crk_method_set_entropy_variant (CrkMethod *self, guint variant);
guint crk_method_get_topsis_variant (CrkMethod *self);
void crk_method_set_topsis_variant (CrkMethod *self, guint variant);
/* Weight overrides per framework node (the weight editor writes these); NAN when none.
 * Setting NAN removes the override. */
double crk_method_get_weight (CrkMethod *self, const char *node_code);
void crk_method_set_weight (CrkMethod *self, const char *node_code, double weight);
char **crk_method_dup_weight_overrides (CrkMethod *self);
void crk_method_clear_weights (CrkMethod *self);

/* Aggregation: a default, per COINr level (2 = parents of indicators) and per node.
 * The most specific wins: node, then level, then default. */
CrkAggregation crk_method_get_aggregation (CrkMethod *self);
void crk_method_set_aggregation (CrkMethod *self, CrkAggregation mode);
CrkAggregation crk_method_get_level_aggregation (CrkMethod *self, guint level);
void crk_method_set_level_aggregation (CrkMethod *self, guint level, CrkAggregation mode);
CrkAggregation crk_method_get_node_aggregation (CrkMethod *self, const char *node_code);
void crk_method_set_node_aggregation (CrkMethod *self, const char *node_code, CrkAggregation mode);
/* Levels with an override, ascending. */
GArray *crk_method_dup_level_aggregations (CrkMethod *self);
char **crk_method_dup_node_aggregations (CrkMethod *self);
/* Every level and node override back to inherit: the default aggregation everywhere. */
void crk_method_clear_aggregation_overrides (CrkMethod *self);
/* Resolves node, level, default. */
CrkAggregation crk_method_resolve_aggregation (CrkMethod *self, const char *node_code, guint level);

/* Data-availability threshold in [0, 1]; 0 = off. */
double crk_method_get_availability (CrkMethod *self);
void crk_method_set_availability (CrkMethod *self, double threshold);

CrkTierRule crk_method_get_tier_rule (CrkMethod *self);
guint crk_method_get_n_tiers (CrkMethod *self);
const CrkTier *crk_method_get_tier (CrkMethod *self, guint i);
/* Replaces the rule and the tiers (copied). */
void crk_method_set_tiers (CrkMethod *self, CrkTierRule rule, const CrkTier *tiers, guint n_tiers);
/* CCID's four stages by rank: leap 1-3, expansion 4-29, development 30-58, start-up 59+. */
void crk_method_set_ccid_stages (CrkMethod *self);

/* Base year for rank and score changes; 0 = none. */
int crk_method_get_base_year (CrkMethod *self);
void crk_method_set_base_year (CrkMethod *self, int year);
/* City attribute for ranks within groups (e.g. "province"); NULL = none. */
const char *crk_method_get_group_attribute (CrkMethod *self);
void crk_method_set_group_attribute (CrkMethod *self, const char *attribute);

/* Names used in files, the CLI and the UI ("minmax", "zscore", "rank", "prank",
 * "goalposts"; "arithmetic", ...; "none", "mean", "median", "group-mean", "group-median";
 * "dataset", "equal", "entropy", "critic", "pca"; "none", "winsorise";
 * "none", "rank-bands", "score-thresholds", "quantiles").
 * _from_string return FALSE for an unknown name. */
const char *crk_normalisation_to_string (CrkNormalisation mode);
gboolean crk_normalisation_from_string (const char *s, CrkNormalisation *mode);
const char *crk_aggregation_to_string (CrkAggregation mode);
gboolean crk_aggregation_from_string (const char *s, CrkAggregation *mode);
const char *crk_imputation_to_string (CrkImputation mode);
gboolean crk_imputation_from_string (const char *s, CrkImputation *mode);
const char *crk_weight_scheme_to_string (CrkWeightScheme scheme);
gboolean crk_weight_scheme_from_string (const char *s, CrkWeightScheme *scheme);
const char *crk_treatment_to_string (CrkTreatment mode);
gboolean crk_treatment_from_string (const char *s, CrkTreatment *mode);
const char *crk_denomination_to_string (CrkDenomination mode);
gboolean crk_denomination_from_string (const char *s, CrkDenomination *mode);
const char *crk_tier_rule_to_string (CrkTierRule rule);
gboolean crk_tier_rule_from_string (const char *s, CrkTierRule *rule);

G_END_DECLS
