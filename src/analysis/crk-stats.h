/* crk-stats.h: small statistics the engine needs (private to src/analysis)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every function skips NAN values unless it says otherwise. */

guint crk_stats_count (const double *x, guint n);
double crk_stats_mean (const double *x, guint n);
/* Sample standard deviation (n - 1); NAN with fewer than 2 values. */
double crk_stats_sd (const double *x, guint n);
gboolean crk_stats_min_max (const double *x, guint n, double *min, double *max);
/* Median of the values; @scratch holds at least @n doubles. */
double crk_stats_median (const double *x, guint n, double *scratch);
/* Bias-corrected sample skewness (G1) and excess kurtosis (G2), as Excel's SKEW and KURT
 * and COINr's skew() and kurt(). FALSE with fewer than 4 values or no spread. */
gboolean crk_stats_skew_kurtosis (const double *x, guint n, double *skew, double *kurtosis);

/* Competition ranking ("min") of the values in descending order: 1 for the largest,
 * ties share the smallest rank, NAN gets 0. @order receives the indices of the ranked
 * values, best first, ties in index order; returns their number. */
guint crk_stats_rank_desc (const double *x, guint n, guint *order, guint *ranks);
/* Ranks 1..m of the values in ascending order, ties averaged (R's rank(ties = "average"));
 * NAN stays NAN. @order is scratch of @n. */
void crk_stats_rank_average (const double *x, guint n, guint *order, double *ranks);
/* Ascending ranks, ties at the smallest rank (R's rank(ties = "min")); NAN stays NAN. */
void crk_stats_rank_min (const double *x, guint n, guint *order, double *ranks);

/* Pearson correlation over the pairs where both are present; NAN when undefined. */
double crk_stats_pearson (const double *x, const double *y, guint n);
/* Spearman's rho (Pearson correlation of the average ranks) over complete pairs. */
double crk_stats_spearman (const double *x, const double *y, guint n);
/* Kendall's tau-b over complete pairs. */
double crk_stats_kendall (const double *x, const double *y, guint n);

G_END_DECLS
