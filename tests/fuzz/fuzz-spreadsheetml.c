/* fuzz-spreadsheetml.c: libFuzzer harness of the Excel 2003 XML (SpreadsheetML) importer
 *
 * The input is a SpreadsheetML workbook, written to a file of this process's own folder
 * (the same file every time) and read by crk_importer_spreadsheetml. The sheets it gives
 * must be sound: names and texts UTF-8, cells within a sheet's bounds, sorted, each place
 * once, n_rows and n_columns beyond the last cell, merged areas within the bounds. It
 * gives sheets exactly when the report has no error, and every message is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_spreadsheetml;

/* Beyond fuzz_check_sheet(): a date or an error cell has its text too, and merged areas
 * are within the bounds. */
static void
check_sheet (CrkSheet *sheet)
{
  fuzz_check_sheet ("spreadsheetml", sheet);
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const CrkCell *c = &g_array_index (sheet->cells, CrkCell, i);

      if ((c->type == CRK_CELL_DATE || c->type == CRK_CELL_ERROR) && c->text == NULL)
        fuzz_fail ("spreadsheetml", "a date or error cell without its text");
    }
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const CrkCellRange *m = &g_array_index (sheet->merged, CrkCellRange, i);

      if (m->n_rows < 1 || m->n_columns < 1 || m->row + (guint64) m->n_rows > CRK_SHEET_MAX_ROWS ||
          m->column + (guint64) m->n_columns > CRK_SHEET_MAX_COLUMNS)
        fuzz_fail ("spreadsheetml", "a merged area beyond the bounds");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkSheetSet) set = NULL;
  const char *path = fuzz_write_file ("fuzz-spreadsheetml.xml", data, size);

  set = crk_importer_spreadsheetml.read_sheets (path, &(CrkImportOptions){0}, report, NULL, &error);
  fuzz_check_report ("spreadsheetml", report, error);
  fuzz_check_outcome ("spreadsheetml", set != NULL, report, error);
  for (guint i = 0; set != NULL && i < set->sheets->len; i++)
    check_sheet (g_ptr_array_index (set->sheets, i));
  return 0;
}
