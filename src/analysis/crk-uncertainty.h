/* crk-uncertainty.h: Monte Carlo uncertainty analysis of the ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-model.h"

G_BEGIN_DECLS

/* What the replications of a run varied (crk_uncertainty_results_get_varied()). */
typedef enum
{
  CRK_UNCERTAINTY_VARY_WEIGHTS = 1 << 0,
  CRK_UNCERTAINTY_VARY_NORMALISATION = 1 << 1,
  CRK_UNCERTAINTY_VARY_AGGREGATION = 1 << 2,
  CRK_UNCERTAINTY_VARY_WINSORISATION = 1 << 3,
  CRK_UNCERTAINTY_VARY_IMPUTATION = 1 << 4,
} CrkUncertaintyVary;

/* Called with the number of replications done so far and the number asked for. */
typedef void (*CrkUncertaintyProgressFunc) (guint done, guint total, gpointer user_data);

#define CRK_TYPE_UNCERTAINTY_RESULTS (crk_uncertainty_results_get_type ())
G_DECLARE_FINAL_TYPE (CrkUncertaintyResults,
                      crk_uncertainty_results,
                      CRK,
                      UNCERTAINTY_RESULTS,
                      GObject)

#define CRK_TYPE_UNCERTAINTY (crk_uncertainty_get_type ())
G_DECLARE_FINAL_TYPE (CrkUncertainty, crk_uncertainty, CRK, UNCERTAINTY, GObject)

/* Settings of an uncertainty analysis. Defaults: 1,000 replications, seed 1, factor 0.25
 * on the weights of level 2 (the dimensions, COINr numbering), nothing else varied, top
 * 10, the latest year, the dataset's method, one thread per processor. */
CrkUncertainty *crk_uncertainty_new (void);

void crk_uncertainty_set_method (CrkUncertainty *self, CrkMethod *method);
CrkMethod *crk_uncertainty_get_method (CrkUncertainty *self);
void crk_uncertainty_set_year (CrkUncertainty *self, int year);
int crk_uncertainty_get_year (CrkUncertainty *self);
void crk_uncertainty_set_runs (CrkUncertainty *self, guint runs);
guint crk_uncertainty_get_runs (CrkUncertainty *self);
void crk_uncertainty_set_seed (CrkUncertainty *self, guint64 seed);
guint64 crk_uncertainty_get_seed (CrkUncertainty *self);
/* Each perturbed weight w is drawn uniformly in [w (1 - a), w (1 + a)], 0 <= a < 1. */
void crk_uncertainty_set_factor (CrkUncertainty *self, double factor);
double crk_uncertainty_get_factor (CrkUncertainty *self);
/* Framework levels whose nodes' weights are perturbed (1 = indicators); none = weights
 * stay nominal. */
void crk_uncertainty_set_levels (CrkUncertainty *self, const guint *levels, guint n_levels);
const guint *crk_uncertainty_get_levels (CrkUncertainty *self, guint *n_levels);
/* The N of "probability of being in the top N". */
void crk_uncertainty_set_top (CrkUncertainty *self, guint top);
guint crk_uncertainty_get_top (CrkUncertainty *self);
/* Worker threads; 0 = one per processor. The results do not depend on it. */
void crk_uncertainty_set_n_threads (CrkUncertainty *self, guint n_threads);
guint crk_uncertainty_get_n_threads (CrkUncertainty *self);

/* Sets to draw from, each replication picking one member uniformly; an empty set keeps
 * the method's choice. The drawn normalisation becomes the method's default (per-indicator
 * overrides stay); the drawn aggregation applies at every level (overrides removed); a
 * drawn number of winsorised points switches the treatment on with that maximum; a drawn
 * imputation replaces the method's. */
void crk_uncertainty_add_normalisation (CrkUncertainty *self,
                                        CrkNormalisation mode,
                                        double param1,
                                        double param2);
void crk_uncertainty_add_aggregation (CrkUncertainty *self, CrkAggregation mode);
void crk_uncertainty_add_winsorisation (CrkUncertainty *self, guint max_points);
void crk_uncertainty_add_imputation (CrkUncertainty *self, CrkImputation mode, const char *group);
void crk_uncertainty_clear_choices (CrkUncertainty *self);

CrkUncertaintyResults *crk_uncertainty_run (CrkUncertainty *self,
                                            CrkDataset *dataset,
                                            CrkUncertaintyProgressFunc progress,
                                            gpointer progress_data,
                                            GCancellable *cancellable,
                                            GError **error);
void crk_uncertainty_run_async (CrkUncertainty *self,
                                CrkDataset *dataset,
                                CrkUncertaintyProgressFunc progress,
                                gpointer progress_data,
                                GDestroyNotify progress_notify,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
CrkUncertaintyResults *
crk_uncertainty_run_finish (CrkUncertainty *self, GAsyncResult *result, GError **error);

/* The p-quantile of @n sorted values as R's quantile(type = 7): with h = (n - 1) p,
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). NAN when @n is 0. */
double crk_uncertainty_quantile (const double *sorted, gsize n, double p);

/* Results: immutable. Runs are numbered from 0; a failed run (the engine refused the
 * drawn method) counts in no statistic. Rank statistics are over the completed runs in
 * which the city is ranked; NAN when there are none. */
CrkDataset *crk_uncertainty_results_get_dataset (CrkUncertaintyResults *self);
int crk_uncertainty_results_get_year (CrkUncertaintyResults *self);
guint crk_uncertainty_results_get_n_cities (CrkUncertaintyResults *self);
guint crk_uncertainty_results_get_n_runs (CrkUncertaintyResults *self);
guint crk_uncertainty_results_get_n_completed (CrkUncertaintyResults *self);
guint crk_uncertainty_results_get_n_failed (CrkUncertaintyResults *self);
guint64 crk_uncertainty_results_get_seed (CrkUncertaintyResults *self);
double crk_uncertainty_results_get_factor (CrkUncertaintyResults *self);
guint crk_uncertainty_results_get_top (CrkUncertaintyResults *self);
CrkUncertaintyVary crk_uncertainty_results_get_varied (CrkUncertaintyResults *self);

/* Rank with the method as given; 0 = not ranked. */
guint crk_uncertainty_results_get_nominal_rank (CrkUncertaintyResults *self, guint city);
double crk_uncertainty_results_get_median_rank (CrkUncertaintyResults *self, guint city);
/* 5th and 95th percentile ranks. */
double crk_uncertainty_results_get_lower_rank (CrkUncertaintyResults *self, guint city);
double crk_uncertainty_results_get_upper_rank (CrkUncertaintyResults *self, guint city);
/* Share of the completed runs with the city ranked within the top N. */
double crk_uncertainty_results_get_top_probability (CrkUncertaintyResults *self, guint city);
/* Mean |rank - nominal rank| over the completed runs ranking the city (NAN when the
 * city has no nominal rank). */
double crk_uncertainty_results_get_mean_shift (CrkUncertaintyResults *self, guint city);
/* The same over every city and completed run. */
double crk_uncertainty_results_get_mean_abs_shift (CrkUncertaintyResults *self);
/* Rank of a city in one run; 0 = not ranked or the run failed. */
guint crk_uncertainty_results_get_rank (CrkUncertaintyResults *self, guint run, guint city);

/* What each run drew. Perturbed nodes are in pre-order; weights are as the engine used
 * them (renormalised among siblings). A choice that was not varied reads as the method's. */
guint crk_uncertainty_results_get_n_perturbed (CrkUncertaintyResults *self);
CrkFrameworkNode *crk_uncertainty_results_get_perturbed_node (CrkUncertaintyResults *self, guint k);
double crk_uncertainty_results_get_nominal_weight (CrkUncertaintyResults *self, guint k);
double crk_uncertainty_results_get_draw_weight (CrkUncertaintyResults *self, guint run, guint k);
CrkNormalisation crk_uncertainty_results_get_draw_normalisation (CrkUncertaintyResults *self,
                                                                 guint run,
                                                                 double *param1,
                                                                 double *param2);
CrkAggregation crk_uncertainty_results_get_draw_aggregation (CrkUncertaintyResults *self,
                                                             guint run);
/* Maximum number of winsorised points; 0 when the run did not treat outliers. */
guint crk_uncertainty_results_get_draw_winsorisation (CrkUncertaintyResults *self, guint run);
CrkImputation crk_uncertainty_results_get_draw_imputation (CrkUncertaintyResults *self,
                                                           guint run,
                                                           const char **group);
/* Why the run failed (translated), or NULL. */
const char *crk_uncertainty_results_get_draw_error (CrkUncertaintyResults *self, guint run);
/* The draws as CSV: run (from 1), one "weight:CODE" column per perturbed node, a column
 * per varied choice (normalisation, aggregation, winsorised_points, imputation) in the
 * CLI's notation, and error. Numbers with 17 significant digits, C locale. */
char *crk_uncertainty_results_format_draws_csv (CrkUncertaintyResults *self);

G_END_DECLS
