/* crk-report.h: the paginated ranking report, drawn into any cairo_t and written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "crk-report-options.h"
#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_REPORT_ERROR (crk_report_error_quark ())
typedef enum
{
  CRK_REPORT_ERROR_INVALID, /* bad options: an unknown city code, an empty report */
  CRK_REPORT_ERROR_FAILED,  /* cairo or the file system failed */
} CrkReportError;
GQuark crk_report_error_quark (void);

#define CRK_TYPE_REPORT (crk_report_get_type ())
G_DECLARE_FINAL_TYPE (CrkReport, crk_report, CRK, REPORT, GObject)

/* A report is laid out once, when it is made: the number of pages, each page's size and
 * orientation, its printed number and every page reference (contents, outline) are known
 * before anything is drawn. It keeps a reference to @results and a copy of the options.
 * Text follows the language at the time it is made (crk_locale_set_language(), LANGUAGE).
 *
 * Sizes are in points. Page numbers as printed start at 1 on the page after the title
 * page; page indices (the API's) start at 0 on the first page. */
CrkReport *crk_report_new (CrkResults *results, const CrkReportOptions *options, GError **error);
CrkResults *crk_report_get_results (CrkReport *self);
const CrkReportOptions *crk_report_get_options (CrkReport *self);

guint crk_report_get_n_pages (CrkReport *self);
/* The size of page @page as drawn (landscape pages are wider than high). */
void crk_report_get_page_size (CrkReport *self, guint page, double *width, double *height);
gboolean crk_report_get_page_landscape (CrkReport *self, guint page);
/* The section page @page belongs to (exactly one flag). */
CrkReportSections crk_report_get_page_section (CrkReport *self, guint page);
/* The number printed on @page, 0 for the title page. */
guint crk_report_get_page_number (CrkReport *self, guint page);
/* The number of numbered pages ("of M"). */
guint crk_report_get_n_numbered_pages (CrkReport *self);
/* The first page of @section (one flag), or -1 when the report leaves it out. */
int crk_report_get_section_page (CrkReport *self, CrkReportSections section);
/* The profile page of @city, or -1 when the report has none. */
int crk_report_get_city_page (CrkReport *self, guint city);
/* Cities with a profile page, in page order (borrowed). */
const guint *crk_report_get_profile_cities (CrkReport *self, guint *n_cities);
/* The heading of @section in the report's language. */
const char *crk_report_section_get_title (CrkReportSections section);
/* The same in the words of the report's dataset ("Country profiles" for ASEM) */
const char *crk_report_get_section_title (CrkReport *self, CrkReportSections section);

/* Draws page @page filling (0, 0, width, height) of @cr in user units, with the size of
 * crk_report_get_page_size() (scale @cr first to draw it at another size). The background
 * is painted white. */
void crk_report_draw_page (CrkReport *self, cairo_t *cr, guint page);

/* Adds the outline (bookmarks: every section, every profiled city under the profiles) to
 * a PDF surface whose pages are this report's pages in order. Harmless on other
 * surfaces. crk_report_write_pdf() does this; printing calls it on the print surface. */
void crk_report_add_pdf_outline (CrkReport *self, cairo_surface_t *surface);
/* Sets the PDF metadata (title, author, subject, keywords, creator, creation date). */
void crk_report_set_pdf_metadata (CrkReport *self, cairo_surface_t *surface);

/* Writes the whole report to @filename as PDF: page sizes per page (landscape pages for
 * a wide ranking table), outline, metadata, fonts embedded. */
gboolean crk_report_write_pdf (CrkReport *self, const char *filename, GError **error);

G_END_DECLS
