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

#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_spreadsheetml;

G_GNUC_NORETURN static void
fail (const char *why)
{
  fprintf (stderr, "fuzz: spreadsheetml: %s\n", why);
  abort ();
}

static void
check_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    fail ("a text is not UTF-8");
}

static void
check_sheet (CrkSheet *sheet)
{
  check_utf8 (sheet->name);
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const CrkCell *c = &g_array_index (sheet->cells, CrkCell, i);

      if (c->row >= CRK_SHEET_MAX_ROWS || c->column >= CRK_SHEET_MAX_COLUMNS)
        fail ("a cell beyond the bounds");
      if (c->row >= sheet->n_rows || c->column >= sheet->n_columns)
        fail ("a cell beyond n_rows or n_columns");
      if (i > 0)
        {
          const CrkCell *b = &g_array_index (sheet->cells, CrkCell, i - 1);

          if (b->row > c->row || (b->row == c->row && b->column >= c->column))
            fail ("cells out of order, or two at one place");
        }
      check_utf8 (c->text);
      if ((c->type == CRK_CELL_TEXT || c->type == CRK_CELL_DATE || c->type == CRK_CELL_ERROR) && c->text == NULL)
        fail ("a text, date or error cell without its text");
    }
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const CrkCellRange *m = &g_array_index (sheet->merged, CrkCellRange, i);

      if (m->n_rows < 1 || m->n_columns < 1 || m->row + (guint64) m->n_rows > CRK_SHEET_MAX_ROWS
          || m->column + (guint64) m->n_columns > CRK_SHEET_MAX_COLUMNS)
        fail ("a merged area beyond the bounds");
    }
}

static void
check_messages (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (list, i));

      check_utf8 (text);
    }
}

int
LLVMFuzzerInitialize (int *argc,
                      char ***argv)
{
  fuzz_init ();
  fuzz_tmp_dir ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t size)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkSheetSet) set = NULL;
  const char *path = fuzz_write_file ("fuzz-spreadsheetml.xml", data, size);

  set = crk_importer_spreadsheetml.read_sheets (path, &(CrkImportOptions) { 0 }, report, NULL, &error);
  check_messages (report->problems);
  check_messages (report->notices);
  if (error != NULL)
    check_utf8 (error->message);
  if ((set != NULL) != (error == NULL && !crk_import_report_failed (report)))
    fail ("sheets given with an error, or none without one");
  for (guint i = 0; set != NULL && i < set->sheets->len; i++)
    check_sheet (g_ptr_array_index (set->sheets, i));
  return 0;
}
