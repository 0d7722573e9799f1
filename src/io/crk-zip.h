/* crk-zip.h: zip containers (xlsx, ods) and the XML parts inside them, read safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A zip is read through libarchive, one entry at a time, never extracted to disk. What
 * an entry may inflate to is bounded: each entry and all of them together by the memory
 * budget (crk_io_get_memory_limit()), and the ratio of inflated to compressed bytes by
 * CRK_ZIP_MAX_RATIO, checked while inflating (a 40 kB file that claims gigabytes stops
 * after a few megabytes). Entries whose names hold ".." or start with "/" are left out;
 * encrypted entries and truncated archives are refused with a message that says so.
 *
 * An XML part (an entry, or a whole file such as a flat .fods) is read with a streaming
 * libxml2 reader, without network, DTDs or entities (a DOCTYPE is refused before the
 * parser sees it), with a bounded depth; its problems come back as one translated,
 * located message.
 *
 * Reading reports progress (crk_import_progress()): of a zip, the bytes inflated so far
 * over the size of all its XML entries (what the readers read, in whatever order); of a
 * plain file, the bytes read over its size.
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

#include "crk-io-error.h"
#include "crk-sheet.h"

G_BEGIN_DECLS

/* Inflated bytes per compressed byte, beyond the first CRK_ZIP_RATIO_GRACE bytes of an
 * entry. Real workbooks stay under 100 (LibreOffice's content.xml of padded rows: 44);
 * deflate can reach about 1030. */
#define CRK_ZIP_MAX_RATIO 250
#define CRK_ZIP_RATIO_GRACE (4 * 1024 * 1024)
/* Entries a zip may have. */
#define CRK_ZIP_MAX_ENTRIES 65536

typedef struct _CrkZip CrkZip;

/* Opens @path and lists its entries; NULL with @error (CRK_IMPORT_ERROR) when it is not a
 * complete zip. */
CrkZip *crk_zip_open (const char *path, GError **error);
void crk_zip_free (CrkZip *zip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkZip, crk_zip_free)
/* The names of the entries that may be read, in the archive's order (NULL-terminated). */
const char *const *crk_zip_get_entries (CrkZip *zip);
gboolean crk_zip_has_entry (CrkZip *zip, const char *name);
/* The whole of a small entry (at most @max_size bytes), NUL-terminated; NULL with @error. */
char *
crk_zip_read_entry (CrkZip *zip, const char *name, gsize max_size, gsize *length, GError **error);

/* For detecting formats: the entry names of the zip @path (NULL when it is not one). */
char **crk_zip_list_entries (const char *path);

typedef struct _CrkXmlPart CrkXmlPart;

/* The XML part @name of @zip, or (with @zip NULL) the file @name. */
CrkXmlPart *
crk_xml_part_open (CrkZip *zip, const char *name, GCancellable *cancellable, GError **error);
void crk_xml_part_free (CrkXmlPart *part);
xmlTextReaderPtr crk_xml_part_get_reader (CrkXmlPart *part);
/* The next node: 1, or 0 at the end, or -1 on a problem (crk_xml_part_get_problem()). */
int crk_xml_part_next (CrkXmlPart *part);
/* The problem that stopped the part: "NAME:LINE:COLUMN: MESSAGE" (translated). */
const char *crk_xml_part_get_problem (CrkXmlPart *part, CrkImportError *code);
/* Marks the part failed with @message (taken), located at the reader's line and column. */
void crk_xml_part_fail (CrkXmlPart *part, CrkImportError code, char *message);
/* Appends @value to @text; FALSE (the part failed, hostile) past CRK_SHEET_MAX_TEXT bytes. */
gboolean crk_xml_part_append_text (CrkXmlPart *part, GString *text, const char *value);
/* Is the current node the element @local_name of @ns (any of the NULL-terminated @ns)? */
gboolean crk_xml_part_is (CrkXmlPart *part, const char *const *ns, const char *local_name);
/* The value of the attribute @local_name of @ns (NULL: no namespace) of the current
 * element (owned by the part until the next call), or NULL. */
const char *crk_xml_part_attribute (CrkXmlPart *part, const char *ns, const char *local_name);

/* What the spreadsheet readers share */

/* The longest text a cell may hold (Excel: 32,767 characters). */
#define CRK_SHEET_MAX_TEXT (1024 * 1024)
/* The memory a stored cell costs, beyond its text (its place in a growing array). */
#define CRK_SHEET_CELL_BYTES (2 * sizeof (CrkCell))

/* The text of a date serial (days since 1899-12-30; Excel's serials below 61 are one
 * day ahead): "2020-01-31", "2020-01-31T12:30:00", or "12:30:00" below 1. */
char *crk_sheet_date_text (double serial);
/* "2020-01-31", "2020-01-31T12:30:00(.5)(Z)" → serial; FALSE when not a date. */
gboolean crk_sheet_parse_date (const char *text, double *serial);

G_END_DECLS
