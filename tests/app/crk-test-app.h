/* crk-test-app.h: helpers of the UI tests (display, main loop, isolated dirs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Removes the private home made by crk_test_app_init(). */
void crk_test_app_cleanup (void);
/* g_test_init() with isolated dirs, MIME dirs restored, GTK and libadwaita started.
 * Returns FALSE (after printing a TAP skip line) when there is no display and
 * CRK_REQUIRE_DISPLAY is unset; aborts when it is set. */
gboolean crk_test_app_init (int *argc, char ***argv);
typedef gboolean (*CrkTestCondition) (gpointer data);
/* Runs the main loop until @condition holds; fails the test after @seconds. */
void crk_test_app_wait (CrkTestCondition condition, gpointer data, double seconds);
/* Runs the main loop for about @ms milliseconds. */
void crk_test_app_spin (guint ms);
/* Waits until @widget has a size. */
void crk_test_app_wait_allocated (GtkWidget *widget);

typedef struct _CrkWindow CrkWindow;

/* A window on the first sample dataset at @width × @height, shown, ranked, laid out and
 * with every row in its table (a new reference). */
CrkWindow *crk_test_app_sample_window (int width, int height);
/* Closes @window without a question (nothing is kept) and checks it is finalized. */
void crk_test_app_close_window (CrkWindow *window);

/* Conditions on a window for crk_test_app_wait(): its dataset is read (not loading), it
 * has results, its table has every row. */
gboolean crk_test_app_not_loading (gpointer window);
gboolean crk_test_app_has_results (gpointer window);
gboolean crk_test_app_all_rows (gpointer window);
/* COINr's ASEM data table in the shared data (CRK_SHARED_DIR; it may be absent). */
const char *crk_test_app_asem_path (void);
/* Delivers a wheel notch to @widget as GTK does: to the scroll controllers of the capture
 * phase first, then (when none took it) of the bubble phase; TRUE when one took it. */
gboolean crk_test_app_wheel (GtkWidget *widget, double dy);

G_END_DECLS
