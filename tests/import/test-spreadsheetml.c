/* test-spreadsheetml.c: Excel 2003 XML workbooks (SpreadsheetML) as sheets of cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * numbers1.xml (an Excel-saved workbook, $CRK_SHARED_DIR/data/external/spreadsheetml) is
 * read cell by cell; the fixtures (tests/import/fixtures/ssml-*) hold the quirks of the
 * format (sparse indices, merges, spans, rich text, comments, every type, UTF-16) and
 * hostile input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"

extern const CrkImporter crk_importer_spreadsheetml;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "fixtures", name, NULL);
}

static CrkSheetSet *
read_sheets (const char *path, CrkImportReport *report)
{
  g_autoptr (GError) error = NULL;
  CrkSheetSet *set =
    crk_importer_spreadsheetml.read_sheets (path, &(CrkImportOptions){0}, report, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (report->problems, i));

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_test_message ("%s", text);
    }
  g_assert_true ((set == NULL) == crk_import_report_failed (report));
  return set;
}

/* The cell @ref of @sheet is of @type, with @number (unless NAN is expected and the
 * type has none) and @text (NULL: none). */
static void
check_cell (CrkSheet *sheet, const char *ref, CrkCellType type, double number, const char *text)
{
  guint row, column;
  const CrkCell *cell;

  g_assert_true (crk_cell_parse (ref, &row, &column));
  cell = crk_sheet_get (sheet, row, column);
  if (cell == NULL)
    g_error ("%s!%s: no cell", sheet->name, ref);
  g_assert_cmpint (cell->type, ==, type);
  if (type == CRK_CELL_NUMBER || type == CRK_CELL_DATE || type == CRK_CELL_BOOLEAN)
    g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9 * MAX (1, fabs (number)));
  g_assert_cmpstr (cell->text, ==, text);
}

static void
check_no_cell (CrkSheet *sheet, const char *ref)
{
  guint row, column;

  g_assert_true (crk_cell_parse (ref, &row, &column));
  g_assert_null (crk_sheet_get (sheet, row, column));
}

static void
check_merged (CrkSheet *sheet, guint i, const char *ref, guint n_rows, guint n_columns)
{
  const CrkCellRange *range;
  guint row, column;

  g_assert_cmpuint (i, <, sheet->merged->len);
  range = &g_array_index (sheet->merged, CrkCellRange, i);
  g_assert_true (crk_cell_parse (ref, &row, &column));
  g_assert_cmpuint (range->row, ==, row);
  g_assert_cmpuint (range->column, ==, column);
  g_assert_cmpuint (range->n_rows, ==, n_rows);
  g_assert_cmpuint (range->n_columns, ==, n_columns);
}

static void
test_numbers1 (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkSheetSet) set = NULL;
  CrkSheet *s;

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  path = g_build_filename (shared, "data", "external", "spreadsheetml", "numbers1.xml", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("numbers1.xml is not there");
      return;
    }
  set = read_sheets (path, report);
  g_assert_nonnull (set);
  g_assert_cmpuint (report->notices->len, ==, 0);
  g_assert_cmpuint (set->sheets->len, ==, 5);

  s = crk_sheet_set_find (set, "Tabelle1");
  g_assert_true (s == g_ptr_array_index (set->sheets, 0));
  g_assert_cmpuint (s->cells->len, ==, 39);
  g_assert_cmpuint (s->n_rows, ==, 18); /* ExpandedRowCount="18" */
  g_assert_cmpuint (s->n_columns, ==, 7);
  g_assert_cmpuint (s->merged->len, ==, 0);
  check_cell (s, "A1", CRK_CELL_NUMBER, 1, NULL);
  check_cell (s, "D1", CRK_CELL_NUMBER, 4, NULL);
  check_cell (s, "E1", CRK_CELL_NUMBER, 10, NULL); /* =SUM(RC[-4]:RC[-1]), cached */
  check_no_cell (s, "F1");
  check_cell (s, "E2", CRK_CELL_NUMBER, 9, NULL);
  check_cell (s, "F2", CRK_CELL_TEXT, 0, "test");
  check_cell (s, "G2", CRK_CELL_NUMBER, 11, NULL);
  check_no_cell (s, "A3"); /* <Row ss:Index="4"> */
  check_cell (s, "A4", CRK_CELL_NUMBER, 10, NULL);
  check_cell (s, "E4", CRK_CELL_NUMBER, 14, NULL);
  check_cell (s, "A5", CRK_CELL_DATE, 22606, "1961-11-21");
  check_cell (s, "A6", CRK_CELL_TEXT, 0, "tata");
  check_no_cell (s, "A8");
  check_cell (s, "C8", CRK_CELL_TEXT, 0, "thisisc8"); /* <Cell ss:Index="3"> */
  check_cell (s, "D9", CRK_CELL_TEXT, 0, "thisisd9");
  check_cell (s, "A11", CRK_CELL_TEXT, 0, "thisisa11");
  check_cell (s, "A12", CRK_CELL_NUMBER, 41, NULL);
  check_cell (s, "E12", CRK_CELL_NUMBER, 45, NULL);
  check_no_cell (s, "A13");
  check_cell (s, "C15", CRK_CELL_NUMBER, 43, NULL);
  check_cell (s, "A16", CRK_CELL_TEXT, 0, "einundvierzig");
  check_cell (s, "E16", CRK_CELL_TEXT, 0, "fuenfundvierzig");
  check_cell (s, "A18", CRK_CELL_DATE, 39233, "2007-05-31");
  check_cell (s, "B18", CRK_CELL_TEXT, 0, "dies hier als Date-Objekt");

  s = crk_sheet_set_find (set, "Name of Sheet 2");
  g_assert_cmpuint (s->cells->len, ==, 4);
  check_cell (s, "C5", CRK_CELL_TEXT, 0, "I am sheet 2");
  check_cell (s, "B7", CRK_CELL_NUMBER, 3, NULL);
  check_cell (s, "E10", CRK_CELL_NUMBER, 7, NULL);
  check_cell (s, "D14", CRK_CELL_NUMBER, 9, NULL);
  g_assert_cmpuint (s->n_rows, ==, 14);

  s = crk_sheet_set_find (set, "3");
  g_assert_cmpstr (s->name, ==, "Sheet3");
  g_assert_cmpuint (s->cells->len, ==, 4);
  check_cell (s, "A1", CRK_CELL_TEXT, 0, "ganz weit rechts geht’s weiter");
  check_cell (s, "AA1", CRK_CELL_TEXT, 0, "i am AA");
  check_cell (s, "AB1", CRK_CELL_TEXT, 0, "i am AB");
  check_cell (s, "BA1", CRK_CELL_TEXT, 0, "i am BA");
  g_assert_cmpuint (s->n_columns, ==, 53);

  s = crk_sheet_set_find (set, "Sheet4");
  g_assert_cmpuint (s->cells->len, ==, 5);
  check_cell (s, "A1", CRK_CELL_DATE, 39249, "2007-06-16");
  check_cell (s, "B1", CRK_CELL_NUMBER, 10, NULL);
  check_cell (s, "E1", CRK_CELL_NUMBER, 10, NULL);

  s = crk_sheet_set_find (set, "Sheet5");
  g_assert_cmpuint (s->cells->len, ==, 20);
  check_cell (s, "A1", CRK_CELL_NUMBER, 1, NULL);
  check_cell (s, "C1", CRK_CELL_NUMBER, 5, NULL);
  check_cell (s, "A3", CRK_CELL_NUMBER, 3, NULL);
  check_cell (s, "A4", CRK_CELL_DATE, 39407, "2007-11-21");
  check_cell (s, "E4", CRK_CELL_DATE, 39407, "2007-11-21");
  check_cell (s, "D5", CRK_CELL_NUMBER, 42, NULL);
  check_cell (s, "B6", CRK_CELL_TEXT, 0, "ABC");
  check_no_cell (s, "A7"); /* styled, empty */
  g_assert_cmpuint (s->n_rows, ==, 6);
}

static void
check_quirks (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkSheetSet) set = read_sheets (path, report);
  CrkSheet *s;

  g_assert_nonnull (set);
  g_assert_cmpuint (set->sheets->len, ==, 3);
  s = g_ptr_array_index (set->sheets, 0);
  g_assert_cmpstr (s->name, ==, "城市指标 2021");
  g_assert_cmpuint (s->cells->len, ==, 20);
  check_cell (s, "A1", CRK_CELL_TEXT, 0, "Table 1. Cities, 2021"); /* rich text */
  check_cell (s, "E1", CRK_CELL_TEXT, 0, "after the merge");       /* after MergeAcross="3" */
  check_no_cell (s, "B1");
  check_cell (s, "A3", CRK_CELL_TEXT, 0, "City");
  check_cell (s, "B3", CRK_CELL_TEXT, 0, "GDP"); /* not the comment's text */
  check_cell (s, "D3", CRK_CELL_TEXT, 0, "Updated");
  check_cell (s, "B4", CRK_CELL_NUMBER, 2020, NULL);
  check_cell (s, "C4", CRK_CELL_NUMBER, 2021, NULL);
  check_no_cell (s, "A5"); /* the row of ss:Span="1" stands for row 5 too */
  check_cell (s, "A6", CRK_CELL_TEXT, 0, "深圳");
  check_cell (s, "B6", CRK_CELL_NUMBER, 27670.24, NULL);
  check_cell (s, "C6", CRK_CELL_NUMBER, 30664.85, NULL); /* a formula's cached value */
  check_cell (s, "D6", CRK_CELL_DATE, 44259.56267361111, "2021-03-04T13:30:15");
  check_cell (s, "E6", CRK_CELL_NUMBER, 0.25, NULL); /* a percentage, as its fraction */
  check_cell (s, "F6", CRK_CELL_BOOLEAN, 1, NULL);
  check_cell (s, "A7", CRK_CELL_TEXT, 0, "  Chongqing ");
  check_cell (s, "B7", CRK_CELL_ERROR, NAN, "#N/A");
  check_cell (s, "C7", CRK_CELL_ERROR, NAN, "#DIV/0!");
  check_cell (s, "D7", CRK_CELL_DATE, 1, "1899-12-31");
  check_no_cell (s, "E7");
  check_cell (s, "F7", CRK_CELL_BOOLEAN, 0, NULL);
  check_no_cell (s, "G7"); /* an empty string */
  check_no_cell (s, "H7"); /* a formula without a cached value */
  check_cell (s, "I7", CRK_CELL_NUMBER, -0.0015, NULL);
  check_cell (s, "XFD1048576", CRK_CELL_TEXT, 0, "last");
  g_assert_cmpuint (s->n_rows, ==, CRK_SHEET_MAX_ROWS);
  g_assert_cmpuint (s->n_columns, ==, CRK_SHEET_MAX_COLUMNS);
  g_assert_cmpuint (s->merged->len, ==, 3);
  check_merged (s, 0, "A1", 1, 4);
  check_merged (s, 1, "A3", 2, 1);
  check_merged (s, 2, "B3", 1, 2);

  s = g_ptr_array_index (set->sheets, 1);
  g_assert_cmpstr (s->name, ==, "Sheet2");
  g_assert_cmpuint (s->cells->len, ==, 1);
  check_cell (s, "B2", CRK_CELL_TEXT, 0, "unnamed");

  s = g_ptr_array_index (set->sheets, 2);
  g_assert_cmpstr (s->name, ==, "Empty");
  g_assert_cmpuint (s->cells->len, ==, 0);
}

static void
test_quirks (void)
{
  check_quirks ("ssml-quirks.xml");
}

static void
test_utf16 (void)
{
  check_quirks ("ssml-utf16.xml");
}

static void
test_problems (void)
{
  static const struct
  {
    const char *file;
    CrkImportError code;
    const char *text; /* the start of the message (with the place), or a part of it */
  } cases[] = {
    {"ssml-doctype.xml", CRK_IMPORT_ERROR_HOSTILE, "DOCTYPE"},
    {"ssml-doctype-utf16.xml", CRK_IMPORT_ERROR_HOSTILE, "DOCTYPE"},
    {"ssml-row-beyond.xml", CRK_IMPORT_ERROR_HOSTILE,
     "Sheet1!A4000000000: row 4000000000 is beyond the last row"},
    {"ssml-column-beyond.xml", CRK_IMPORT_ERROR_HOSTILE,
     "Sheet1!XFE7: the row has more cells than a sheet has columns"},
    {"ssml-merge-beyond.xml", CRK_IMPORT_ERROR_HOSTILE, "Sheet1!B2: the merged area goes beyond"},
    {"ssml-not-workbook.xml", CRK_IMPORT_ERROR_MALFORMED, "not an Excel 2003 XML workbook"},
    {"ssml-truncated.xml", CRK_IMPORT_ERROR_MALFORMED, "not well-formed XML"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr (CrkImportReport) report = crk_import_report_new ();
      g_autoptr (CrkSheetSet) set = NULL;
      CrkProblem *p;

      g_test_message ("%s", cases[i].file);
      set = read_sheets (path, report);
      g_assert_null (set);
      g_assert_cmpuint (report->problems->len, ==, 1);
      p = g_ptr_array_index (report->problems, 0);
      g_assert_cmpint (p->code, ==, cases[i].code);
      g_assert_nonnull (strstr (p->message, cases[i].text));
    }
}

static void
test_bad_values (void)
{
  g_autofree char *path = fixture ("ssml-bad-values.xml");
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkSheetSet) set = read_sheets (path, report);
  static const char *const expected[] = {
    "Data!A1: “1,234” is not a number",
    "Data!B1: “2021-02-30T00:00:00.000” is not a date and time",
    "Data!C1: “yes” is not a truth value",
    "Data!A2: ss:Index=“0” is not a row or column number",
  };

  g_assert_null (set);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CrkProblem *p = g_ptr_array_index (report->problems, i);

      g_assert_true (g_str_has_prefix (p->message, expected[i]));
      g_assert_cmpint (p->line, ==, 0); /* "FILE:SHEET!CELL: error: MESSAGE" */
    }
}

static void
test_memory_budget (void)
{
  g_autofree char *path = fixture ("ssml-quirks.xml");
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkSheetSet) set = NULL;
  CrkProblem *p;

  crk_io_set_memory_limit (1000); /* about 15 cells */
  set = read_sheets (path, report);
  crk_io_set_memory_limit (0);
  g_assert_null (set);
  g_assert_cmpuint (report->problems->len, ==, 1);
  p = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_true (g_str_has_prefix (p->message, "城市指标 2021!"));
  g_assert_nonnull (strstr (p->message, "Reading the cells of the workbook"));
}

static void
test_sniff (void)
{
  static const char *const files[] = {"ssml-quirks.xml", "ssml-utf16.xml", "ssml-bad-values.xml"};
  CrkSniff sniff = {.path = "x.xml",
                    .suffix = ".xml",
                    .root_name = "Workbook",
                    .root_ns = "urn:schemas-microsoft-com:office:spreadsheet"};

  g_assert_cmpint (crk_importer_spreadsheetml.sniff (&sniff), ==, 95);
  sniff.root_ns = "urn:schemas-microsoft-com:office:excel";
  g_assert_cmpint (crk_importer_spreadsheetml.sniff (&sniff), ==, 0);
  sniff.root_ns = NULL;
  sniff.root_name = NULL;
  g_assert_cmpint (crk_importer_spreadsheetml.sniff (&sniff), ==, 0);

  /* through the registry: after the PI, in UTF-16 */
  g_assert_true (crk_importer_lookup ("spreadsheetml") == &crk_importer_spreadsheetml);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture (files[i]);
      g_autoptr (GError) error = NULL;

      g_assert_true (crk_import_detect (path, &error) == &crk_importer_spreadsheetml);
      g_assert_no_error (error);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/spreadsheetml/numbers1", test_numbers1);
  g_test_add_func ("/import/spreadsheetml/quirks", test_quirks);
  g_test_add_func ("/import/spreadsheetml/utf16", test_utf16);
  g_test_add_func ("/import/spreadsheetml/problems", test_problems);
  g_test_add_func ("/import/spreadsheetml/bad-values", test_bad_values);
  g_test_add_func ("/import/spreadsheetml/memory-budget", test_memory_budget);
  g_test_add_func ("/import/spreadsheetml/sniff", test_sniff);
  return g_test_run ();
}
