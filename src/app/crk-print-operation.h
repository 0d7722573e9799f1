/* crk-print-operation.h: printing the ranking report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crk-report.h"

G_BEGIN_DECLS

#define CRK_TYPE_PRINT_OPERATION (crk_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CrkPrintOperation,
                      crk_print_operation,
                      CRK,
                      PRINT_OPERATION,
                      GtkPrintOperation)

/* Prints @report: one page per report page, each on the report's paper in its own
 * orientation (landscape for a wide ranking table), drawn with crk_report_draw_page()
 * scaled to the print context. When printing to a PDF file the outline and the
 * metadata are added too. Property: "report" (construct-only). */
CrkPrintOperation *crk_print_operation_new (CrkReport *report);
CrkReport *crk_print_operation_get_report (CrkPrintOperation *self);

G_END_DECLS
