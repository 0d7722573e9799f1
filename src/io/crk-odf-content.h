/* crk-odf-content.h: the tables of an OpenDocument spreadsheet, as sheets of cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by .ods (the zip's content.xml) and flat .fods (the whole file, root
 * office:document): both hold office:spreadsheet with table:table elements.
 */
#pragma once

#include "crk-import.h"
#include "crk-zip.h"

G_BEGIN_DECLS

#define CRK_ODF_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define CRK_ODF_SPREADSHEET_MIME "application/vnd.oasis.opendocument.spreadsheet"

/* Reads the tables of @part into sheets; NULL when it failed (the problems in @report,
 * located at @path's SHEET!CELL). */
CrkSheetSet *crk_odf_content_read (CrkXmlPart *part, const char *path, CrkImportReport *report);

G_END_DECLS
