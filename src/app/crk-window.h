/* crk-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crk-model.h"
#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_TYPE_WINDOW (crk_window_get_type ())
G_DECLARE_FINAL_TYPE (CrkWindow, crk_window, CRK, WINDOW, AdwApplicationWindow)

/* Properties: "dataset", "results" (read-only: the results shown), "file" (read-only),
 * "loading" (read-only: a file is being read). */

CrkWindow *crk_window_new (AdwApplication *application);

/* Opens @file: asks first when there are unsaved changes; reads it in a worker thread
 * with progress; on failure shows every problem and keeps the current dataset. */
void crk_window_open (CrkWindow *self, GFile *file);
/* Shows the import assistant on @files (@n_files may be 0: it starts empty), with the
 * open dataset as the destination when @into. */
void crk_window_import (CrkWindow *self, GFile **files, guint n_files, gboolean into);
/* Opens the first bundled sample dataset. */
void crk_window_open_sample (CrkWindow *self);
/* Reads it (any thread). */
CrkDataset *crk_window_read_sample (GError **error);
/* Shows @dataset (takes a reference); @file is where it was read from (NULL for a
 * sample or an import: saving then asks for a name). */
void crk_window_set_dataset (CrkWindow *self, CrkDataset *dataset, GFile *file);

CrkDataset *crk_window_get_dataset (CrkWindow *self);
CrkResults *crk_window_get_results (CrkWindow *self);
GFile *crk_window_get_file (CrkWindow *self);
gboolean crk_window_get_loading (CrkWindow *self);
int crk_window_get_year (CrkWindow *self);
void crk_window_set_year (CrkWindow *self, int year);
/* City indices selected in the ranking table, in table order; free with g_array_unref. */
GArray *crk_window_dup_selected_cities (CrkWindow *self);
/* Selects @city in the table (clearing the search if it hides it) and scrolls to it. */
void crk_window_select_city (CrkWindow *self, guint city, gboolean add);

/* Selects the cities with these codes (in this order) now, or once the dataset that is
 * loading arrives. */
void crk_window_select_codes (CrkWindow *self, const char *const *codes);

/* Saves to @file atomically; on success the window takes @file as its own. */
gboolean crk_window_save_to (CrkWindow *self, GFile *file, GError **error);
/* Writes the chart as shown (kind, cities, style or @style) to @path. */
gboolean crk_window_export_chart (CrkWindow *self,
                                  const char *path,
                                  int format,
                                  double width_px,
                                  double height_px,
                                  double dpi,
                                  int style,
                                  GError **error);

/* The pending question (unsaved changes, load errors) if one is shown, for tests. */
AdwMessageDialog *crk_window_get_message_dialog (CrkWindow *self);

G_END_DECLS
