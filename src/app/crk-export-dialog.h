/* crk-export-dialog.h: format, size, resolution and style of an exported chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crk-window.h"

G_BEGIN_DECLS

#define CRK_TYPE_EXPORT_DIALOG (crk_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrkExportDialog, crk_export_dialog, CRK, EXPORT_DIALOG, AdwWindow)

CrkExportDialog *crk_export_dialog_new (CrkWindow *window);
/* The file name proposed: the chart, the cities shown and the year, with the format's
 * extension ("radar-shenzhen-guangzhou-2021.png"). */
char *crk_export_dialog_dup_proposed_name (CrkExportDialog *self);

G_END_DECLS
