/* crk-results.h: scores, ranks, tiers and explanations for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-model.h"

G_BEGIN_DECLS

/* Kinds of change the engine made to a raw value, logged for the UI and the report. */
typedef enum
{
  CRK_ADJUSTMENT_DENOMINATED,
  CRK_ADJUSTMENT_IMPUTED,
  CRK_ADJUSTMENT_WINSORISED,
  CRK_ADJUSTMENT_LOG_TRANSFORMED,
} CrkAdjustmentKind;

typedef struct
{
  CrkAdjustmentKind kind;
  guint city;      /* city index; G_MAXUINT for a whole-indicator log transform */
  guint indicator; /* indicator index */
  double before;
  double after;
} CrkAdjustment;

typedef enum
{
  CRK_WARNING_CONSTANT_INDICATOR,
  CRK_WARNING_DOMINANT_WEIGHT, /* weight over 50% of its parent */
  CRK_WARNING_MANY_MISSING,
  CRK_WARNING_OUTLIERS_REMAIN,
  CRK_WARNING_OTHER,
} CrkWarningKind;

typedef struct
{
  CrkWarningKind kind;
  char *code;    /* the indicator or node concerned, or NULL */
  char *message; /* translated, for people */
} CrkWarning;

/* One child's part in the gap between two cities at a node (arithmetic aggregation). */
typedef struct
{
  CrkFrameworkNode *child;
  double contribution_a; /* w_k * y_k(a) / sum w */
  double contribution_b;
  double gap; /* contribution_a - contribution_b */
} CrkGapPart;

#define CRK_TYPE_RESULTS (crk_results_get_type ())
G_DECLARE_FINAL_TYPE (CrkResults, crk_results, CRK, RESULTS, GObject)

/* Results are immutable once made by the engine. Node indices: the framework nodes in
 * pre-order (root = 0). City indices are the dataset's. */

CrkDataset *crk_results_get_dataset (CrkResults *self);
CrkMethod *crk_results_get_method (CrkResults *self); /* the copy used */
int crk_results_get_year (CrkResults *self);
guint crk_results_get_n_nodes (CrkResults *self);
CrkFrameworkNode *crk_results_get_node (CrkResults *self, guint node_index);
int crk_results_lookup_node (CrkResults *self, const char *code); /* -1 if none */
guint crk_results_get_n_cities (CrkResults *self);

/* Aggregated score of a node for a city (leaves: the normalised value); NAN when none. */
double crk_results_get_score (CrkResults *self, guint node_index, guint city);
/* The index score (root). */
double crk_results_get_index_score (CrkResults *self, guint city);
/* All cities' scores at a node (borrowed, n_cities long). */
const double *crk_results_peek_scores (CrkResults *self, guint node_index);
/* Raw value after denomination, imputation and treatment, before normalisation (leaves). */
double crk_results_get_treated_value (CrkResults *self, guint node_index, guint city);
/* Effective weight of a node among its siblings (sums to 1 among siblings). */
double crk_results_get_weight (CrkResults *self, guint node_index);

/* Rank at the root, competition ranking (1, 2, 2, 4); 0 = not ranked. */
guint crk_results_get_rank (CrkResults *self, guint city);
/* Rank of a city at any node (same rule). */
guint crk_results_get_node_rank (CrkResults *self, guint node_index, guint city);
/* Rank within the city's group (method's group attribute); 0 when none. */
guint crk_results_get_group_rank (CrkResults *self, guint city);
guint crk_results_get_n_ranked (CrkResults *self);
/* City indices in rank order (ranked cities only; ties in dataset order). Borrowed. */
const guint *crk_results_get_order (CrkResults *self, guint *n_ranked);
/* Why a city is not ranked (translated), or NULL when it is ranked. */
const char *crk_results_get_unranked_reason (CrkResults *self, guint city);

/* Tier index per city (into the method's tiers), -1 when none. */
int crk_results_get_tier (CrkResults *self, guint city);
guint crk_results_get_n_tiers (CrkResults *self);
/* Name of a tier in the user's language. */
const char *crk_results_get_tier_name (CrkResults *self, guint tier);

/* Against the method's base year: has_base FALSE when there is none or the city was not
 * ranked in one of the two years. Positive rank change = moved up. */
gboolean crk_results_has_base_year (CrkResults *self);
int crk_results_get_base_year (CrkResults *self);
gboolean
crk_results_get_change (CrkResults *self, guint city, int *rank_change, double *score_change);
/* Base-year rank (0 = not ranked then). */
guint crk_results_get_base_rank (CrkResults *self, guint city);

/* Contribution of child @child_index (a node index) to its parent's score for a city:
 * w_k * y_k / sum(w) over present children (arithmetic aggregation; NAN otherwise). */
double crk_results_get_contribution (CrkResults *self, guint child_index, guint city);
/* Splits score(a) - score(b) at @node_index into its children's parts; the parts' gaps add
 * up to the gap exactly for arithmetic aggregation. Returns an array of CrkGapPart, or
 * NULL with @error set when not decomposable (non-arithmetic node, missing score). */
GArray *crk_results_explain_gap (CrkResults *self,
                                 guint node_index,
                                 guint city_a,
                                 guint city_b,
                                 GError **error);

/* Per indicator (node index of a leaf): rank of the city among cities with a value, and
 * percentile rank in [0, 1]; 0 / NAN when missing. */
guint crk_results_get_indicator_rank (CrkResults *self, guint node_index, guint city);
/* Percentile rank in [0, 1]: the share of the other cities with a value that score
 * strictly lower (COINr's n_prank); NAN when missing. Added by the engine work. */
double crk_results_get_indicator_percentile (CrkResults *self, guint node_index, guint city);

/* Strengths and weaknesses, at indicator level: the leaves where the city is in the top
 * (bottom) quartile of the cities with a value by mid-rank percentile (a tie counts half
 * above, half below), best (worst) first, ties by normalised score, at most
 * CRK_STRENGTHS_MAX each. No leaf is in both lists; an indicator with fewer than
 * CRK_STRENGTHS_MIN_CITIES valued cities is in neither (a one-city dataset has none).
 * Returns node indices of leaves. The window and the report both show these. */
#define CRK_STRENGTHS_MAX 5
#define CRK_STRENGTHS_MIN_CITIES 4
GArray *crk_results_dup_strengths (CrkResults *self, guint city);
GArray *crk_results_dup_weaknesses (CrkResults *self, guint city);

/* Every adjustment made to raw values (array of CrkAdjustment) and every warning
 * (array of CrkWarning). Borrowed. */
GArray *crk_results_get_adjustments (CrkResults *self);
GArray *crk_results_get_warnings (CrkResults *self);

/* Agreement with the cities' published reference ranks for this year: Spearman's rho and
 * Kendall's tau-b over cities ranked by both; FALSE when fewer than 3 such cities.
 * @largest: if not NULL, receives city indices sorted by |rank - reference rank| desc. */
gboolean crk_results_compare_reference (CrkResults *self,
                                        double *spearman,
                                        double *kendall,
                                        guint *n_compared,
                                        GArray **largest);

G_END_DECLS
