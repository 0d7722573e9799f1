/* crk-chart-view.h: a widget that draws a CrkChart from snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crk-chart.h"

G_BEGIN_DECLS

#define CRK_TYPE_CHART_VIEW (crk_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CrkChartView, crk_chart_view, CRK, CHART_VIEW, GtkWidget)

/* Properties: "results", "kind" (CrkChartKind as int), "style" (CrkChartStyle as int),
 * "description" (read-only: the accessible description of what is drawn).
 * Signals: "city-activated" (guint city): a bar, segment, point or legend entry of a city
 * was clicked. */

GtkWidget *crk_chart_view_new (void);
CrkResults *crk_chart_view_get_results (CrkChartView *self);
void crk_chart_view_set_results (CrkChartView *self, CrkResults *results);
CrkChartKind crk_chart_view_get_kind (CrkChartView *self);
void crk_chart_view_set_kind (CrkChartView *self, CrkChartKind kind);
CrkChartStyle crk_chart_view_get_style (CrkChartView *self);
void crk_chart_view_set_style (CrkChartView *self, CrkChartStyle style);
/* The framework level shown (options->level; 0 = the default). */
guint crk_chart_view_get_level (CrkChartView *self);
void crk_chart_view_set_level (CrkChartView *self, guint level);
/* City indices shown (radar: up to 8; gap: two; values: one). */
void crk_chart_view_set_cities (CrkChartView *self, const guint *cities, guint n_cities);
/* The options as drawn (borrowed): export copies them. */
const CrkChartOptions *crk_chart_view_get_options (CrkChartView *self);
const char *crk_chart_view_get_description (CrkChartView *self);
/* Hit regions of the last drawing (borrowed; tests use them to click). */
CrkChartHits *crk_chart_view_get_hits (CrkChartView *self);
/* What a click at (@x, @y) would do: emits "city-activated" when it hits a city. */
gboolean crk_chart_view_activate_at (CrkChartView *self, double x, double y);

G_END_DECLS
