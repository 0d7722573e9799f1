/* crk-test-report.h: helpers shared by the report tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-report.h"

G_BEGIN_DECLS

/* The sample dataset's results for its latest year. */
CrkResults *crk_test_report_load_sample (void);
/* Runs a program and returns its standard output; without @exit_status, fails the test
 * when it fails. */
char *crk_test_report_run (const char *const *argv, int *exit_status);
/* pdftotext -layout of one page (0-based). */
char *crk_test_report_page_text (const char *pdf, guint page);
/* pdftotext -layout of every page. */
char **crk_test_report_pages_text (const char *pdf);
guint crk_test_report_pdf_pages (const char *pdf);
/* Width and height of each page, in points, one after the other. */
GArray *crk_test_report_pdf_page_sizes (const char *pdf, guint n_pages);
/* Asserts that pdffonts lists only embedded fonts, one matching @must_contain; returns
 * the number of fonts. */
guint crk_test_report_check_fonts_embedded (const char *pdf, const char *must_contain);
/* A path in a new temporary directory; crk_test_report_remove() removes both. */
char *crk_test_report_tmp_path (const char *name);
void crk_test_report_remove (const char *path);
/* Checks a PDF of @report: page count, sizes, footers, table header on every table page,
 * every city in rank order, the outline (when @with_outline), fonts embedded. */
void crk_test_report_check_pdf (CrkReport *report, const char *pdf, gboolean with_outline);

G_END_DECLS
