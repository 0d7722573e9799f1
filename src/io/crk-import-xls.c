/* crk-import-xls.c: legacy Excel workbooks (.xls, BIFF5 and BIFF8), through libfreexl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FreeXL reads the OLE2 container and the BIFF records, converts the texts to UTF-8 and
 * the dates (by their cell formats, in the workbook's date system) to ISO text. An OOXML
 * workbook protected by a password is an OLE2 file too ("EncryptedPackage"), and is
 * refused as encrypted. BIFF bounds a sheet to 65,536 rows and 256 columns.
 */
#define G_LOG_DOMAIN "crk-import-xls"

#include "config.h"

#include <errno.h>
#include <freexl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"
#include "crk-zip.h"

static const guint8 ole2_signature[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};

/* Is @path an OLE2 file with an "EncryptedPackage" stream (a password-protected xlsx)? */
static gboolean
is_encrypted_package (const char *path)
{
  static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize length;

  if (mapped == NULL)
    return FALSE;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  for (gsize i = 0; data != NULL && i + sizeof name - 1 <= length; i++)
    if (data[i] == 'E' && memcmp (data + i, name, sizeof name - 1) == 0)
      return TRUE;
  return FALSE;
}

static void
report_open_error (const char *path, int code, CrkImportReport *report)
{
  const char *why;

  if (is_encrypted_package (path))
    {
      crk_import_report_error (
        report, path, 0, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("the workbook is encrypted (protected by a password); save it without a "
           "password and import it again"));
      return;
    }
  switch (code)
    {
      case FREEXL_INSUFFICIENT_MEMORY:
        why = _ ("not enough memory");
        break;
      case FREEXL_INVALID_CFBF_HEADER:
      case FREEXL_CFBF_INVALID_SIGNATURE:
      case FREEXL_CFBF_INVALID_SECTOR_SIZE:
        why = _ ("not an OLE2 compound file");
        break;
      case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        why = _ ("the file holds no workbook");
        break;
      case FREEXL_CRAFTED_FILE:
        why = _ ("the file is damaged or crafted");
        break;

      case FREEXL_INVALID_CHARACTER:
      case FREEXL_UNSUPPORTED_CHARSET:
        why = _ ("a text is not in the workbook’s character set");
        break;
      default:
        why = _ ("the file is truncated or damaged");
        break;
    }
  if (code == 1)
    {
      crk_import_report_error (
        report, path, 0, 0, CRK_IMPORT_ERROR_MALFORMED,
        _ ("cannot read the Excel 97–2003 workbook: FreeXL gave up on one of its "
           "records; open it in a spreadsheet program and save it as .xlsx or .ods"));
      return;
    }
  crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_MALFORMED,
                           /* Translators: %s says why, %d is libfreexl's error code */
                           _ ("cannot read the Excel 97–2003 workbook: %s (FreeXL error %d)"), why,
                           code);
}

typedef struct
{
  const char *path;
  CrkImportReport *report;
  guint64 memory, limit;
} Xls;

static gboolean
hold (Xls *x, guint64 bytes)
{
  g_autofree char *message = NULL;

  x->memory += bytes;
  if (x->memory <= x->limit)
    return TRUE;
  crk_io_check_memory (x->memory, _ ("Reading this workbook’s cells"), &message);
  crk_import_report_error (x->report, x->path, 0, 0, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
  return FALSE;
}

/* One cell; FALSE to stop. */
static gboolean
add_value (Xls *x, CrkSheet *sheet, guint row, guint column, const FreeXL_CellValue *value)
{
  const char *text = value->value.text_value;
  double number = 0;

  switch (value->type)
    {
      case FREEXL_CELL_INT:
        if (!hold (x, CRK_SHEET_CELL_BYTES))
          return FALSE;
        crk_sheet_add_number (sheet, row, column, value->value.int_value, NULL);
        return TRUE;
      case FREEXL_CELL_DOUBLE:
        if (!isfinite (value->value.double_value))
          return TRUE;
        if (!hold (x, CRK_SHEET_CELL_BYTES))
          return FALSE;
        crk_sheet_add_number (sheet, row, column, value->value.double_value, NULL);
        return TRUE;
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
        if (text == NULL || *text == '\0')
          return TRUE;
        if (!g_utf8_validate (text, -1, NULL))
          {
            g_autofree char *cell = crk_cell_name (row, column);

            crk_import_report_cell_error (x->report, x->path, sheet->name, cell,
                                          CRK_IMPORT_ERROR_MALFORMED,
                                          _ ("the text is not valid UTF-8"));
            return TRUE;
          }
        if (!hold (x, CRK_SHEET_CELL_BYTES + strlen (text) + 17))
          return FALSE;
        crk_sheet_add_text (sheet, row, column, g_strdup (text));
        return TRUE;
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
      case FREEXL_CELL_TIME:
        if (text == NULL)
          return TRUE;
        if (value->type == FREEXL_CELL_TIME)
          {
            g_autofree char *full = g_strconcat ("1899-12-30T", text, NULL);

            if (!crk_sheet_parse_date (full, &number))
              return TRUE;
          }
        else if (!crk_sheet_parse_date (text, &number))
          return TRUE;
        if (!hold (x, CRK_SHEET_CELL_BYTES + 40))
          return FALSE;
        crk_sheet_add_cell (sheet, row, column, CRK_CELL_DATE, number,
                            crk_sheet_date_text (number));
        return TRUE;
      default:
        return TRUE;
    }
}

static gboolean
read_sheet (Xls *x, const void *handle, CrkSheet *sheet, GCancellable *cancellable)
{
  unsigned int rows = 0;
  unsigned short columns = 0;

  if (freexl_worksheet_dimensions (handle, &rows, &columns) != FREEXL_OK)
    return TRUE;
  rows = MIN (rows, (unsigned int) CRK_SHEET_MAX_ROWS);
  columns = MIN (columns, (unsigned short) 256);
  for (unsigned int r = 0; r < rows; r++)
    {
      if ((r & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      for (unsigned short c = 0; c < columns; c++)
        {
          FreeXL_CellValue value;

          if (freexl_get_cell_value (handle, r, c, &value) != FREEXL_OK)
            continue;
          if (!add_value (x, sheet, r, c, &value))
            return FALSE;
        }
    }
  return TRUE;
}

static CrkSheetSet *
read_workbook (Xls *x, const void *handle, GCancellable *cancellable)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  unsigned int password = 0, count = 0;

  /* FreeXL 1.0.6 answers PLAIN, or something else for an obfuscated workbook. */
  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password != FREEXL_BIFF_PLAIN)
    {
      crk_import_report_error (
        x->report, x->path, 0, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("the workbook is encrypted (protected by a password); save it without a "
           "password and import it again"));
      return NULL;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
    {
      crk_import_report_error (x->report, x->path, 0, 0, CRK_IMPORT_ERROR_INVALID,
                               _ ("the workbook has no sheets"));
      return NULL;
    }
  for (unsigned short i = 0; i < count && i < G_MAXUINT16; i++)
    {
      const char *name = NULL;
      g_autofree char *valid = NULL;
      CrkSheet *sheet;

      if (freexl_get_worksheet_name (handle, i, &name) != FREEXL_OK || name == NULL)
        name = "";
      valid = g_utf8_make_valid (name, -1);
      sheet = crk_sheet_set_add (set, valid);
      if (freexl_select_active_worksheet (handle, i) != FREEXL_OK)
        continue;
      if (!read_sheet (x, handle, sheet, cancellable))
        return NULL;
      crk_sheet_sort (sheet);
    }
  return g_steal_pointer (&set);
}

static CrkSheetSet *
xls_read_sheets (const char *path,
                 const CrkImportOptions *options,
                 CrkImportReport *report,
                 GCancellable *cancellable,
                 GError **error)
{
  Xls x = {.path = path, .report = report, .limit = crk_io_get_memory_limit ()};
  const void *handle = NULL;
  GStatBuf st;
  CrkSheetSet *set;
  int code;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot open “%s”: %s"), name,
                   g_strerror (saved_errno));
      return NULL;
    }
  /* FreeXL holds the file and a grid of each sheet's declared size. */
  if (!hold (&x, 2 * (guint64) st.st_size))
    return NULL;
  code = freexl_open (path, &handle);
  /* FreeXL 1.0.6 may give up on a record with neither a handle nor an error code. */
  if (code == FREEXL_OK && handle == NULL)
    code = 1;
  if (code != FREEXL_OK)
    {
      if (handle != NULL)
        freexl_close (handle);
      report_open_error (path, code, report);
      return NULL;
    }
  set = read_workbook (&x, handle, cancellable);
  freexl_close (handle);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      crk_import_report_failed (report))
    g_clear_pointer (&set, crk_sheet_set_free);
  return set;
}

static int
xls_sniff (const CrkSniff *sniff)
{
  if (sniff->head_length >= sizeof ole2_signature &&
      memcmp (sniff->head, ole2_signature, sizeof ole2_signature) == 0)
    return 90;
  if (g_strcmp0 (sniff->suffix, ".xls") == 0)
    return 10;
  return 0;
}

static const char *const xls_patterns[] = {"*.xls", NULL};
static const char *const xls_mime_types[] = {"application/vnd.ms-excel", NULL};

const CrkImporter crk_importer_xls = {
  .id = "xls",
  .name = N_ ("Excel 97–2003 workbook (.xls)"),
  .patterns = xls_patterns,
  .mime_types = xls_mime_types,
  .sniff = xls_sniff,
  .read = NULL,
  .read_sheets = xls_read_sheets,
};
