/* crk-test-charts.h: chart data built by hand for the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-chart-private.h"

G_BEGIN_DECLS

/* @n_series cities on @n_axes dimensions; with @missing, the second city has no value on
 * the third axis; with a median benchmark. */
CrkChartData *crk_test_radar_data (guint n_series, guint n_axes, gboolean missing);
/* @n cities in rank order with CCID's four stages, rank changes and mean/median. */
CrkChartData *crk_test_bar_data (guint n);
CrkChartData *crk_test_contribution_data (guint n);
CrkChartData *crk_test_gap_data (void);
/* Shenzhen's emerging industries, three years, Chinese names. */
CrkChartData *crk_test_values_data (void);
CrkChartData *crk_test_data_for_kind (CrkChartKind kind);
/* Fails unless every text box lies inside @width x @height and no two overlap. */
void crk_test_check_labels (CrkChartHits *hits, double width, double height, const char *what);
/* How many of @hits are of @kind. */
guint crk_test_count_hits (CrkChartHits *hits, CrkChartHitKind kind);

G_END_DECLS
