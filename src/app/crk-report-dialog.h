/* crk-report-dialog.h: the report's options and an in-app preview, before printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crk-report.h"
#include "crk-window.h"

G_BEGIN_DECLS

#define CRK_TYPE_REPORT_DIALOG (crk_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrkReportDialog, crk_report_dialog, CRK, REPORT_DIALOG, AdwWindow)

/* The entry point for the window's win.print (Ctrl+P): a dialog for the window's results
 * and selected cities, transient for it. */
void crk_report_dialog_present (CrkWindow *window);

/* A dialog for @results; @selection (city indices, may be NULL) are the cities of the
 * "selected cities" profiles. */
CrkReportDialog *crk_report_dialog_new (GtkWindow *parent, CrkResults *results, GArray *selection);
/* The report as the options now stand (laid out again a moment after a change), or
 * NULL when the options give no report. */
CrkReport *crk_report_dialog_get_report (CrkReportDialog *self);
/* Lays the report out now rather than after the short delay that follows a change. */
void crk_report_dialog_update (CrkReportDialog *self);
/* The page shown in the preview (0-based). */
guint crk_report_dialog_get_page (CrkReportDialog *self);
void crk_report_dialog_set_page (CrkReportDialog *self, guint page);
/* Writes the report to @filename (what "Save as PDF…" does once a file is chosen). */
gboolean crk_report_dialog_save_pdf (CrkReportDialog *self, const char *filename, GError **error);

G_END_DECLS
