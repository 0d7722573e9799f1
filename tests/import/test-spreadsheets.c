/* test-spreadsheets.c: the xlsx, ods, fods and xls readers (read_sheets), on the real
 * files of $CRK_SHARED_DIR/data/external and on small workbooks made here with
 * libarchive for every quirk and every hostile case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures tests/import/fixtures/xlsx-quirks.xlsx and ods-quirks.ods (fuzzing seeds)
 * are the files this test writes; it checks that they still read as it expects.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"
#include "crk-odf-content.h"
#include "crk-zip.h"

extern const CrkImporter crk_importer_xlsx, crk_importer_ods, crk_importer_fods, crk_importer_xls;

static char *tmp_dir;

/* Reading */

typedef struct
{
  CrkSheetSet *set;
  CrkImportReport *report;
  char *problems; /* every problem, one a line */
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->set, crk_sheet_set_free);
  g_clear_pointer (&r->report, crk_import_report_free);
  g_clear_pointer (&r->problems, g_free);
}

static Result
read_file (const CrkImporter *importer, const char *path)
{
  Result r = {0};
  g_autoptr (GError) error = NULL;
  GString *problems = g_string_new (NULL);

  r.report = crk_import_report_new ();
  r.set = importer->read_sheets (path, NULL, r.report, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < r.report->problems->len; i++)
    {
      g_autofree char *s = crk_problem_to_string (g_ptr_array_index (r.report->problems, i));

      g_assert_true (g_utf8_validate (s, -1, NULL));
      g_string_append_printf (problems, "%s\n", s);
    }
  r.problems = g_string_free (problems, FALSE);
  g_assert_true ((r.set == NULL) == (r.report->problems->len > 0));
  return r;
}

static char *
shared_file (const char *relative)
{
  const char *dir = g_getenv ("CRK_SHARED_DIR");

  return g_build_filename (dir != NULL ? dir : "../shared", "data", "external", relative, NULL);
}

static gboolean
have_shared (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_test_skip ("the shared sample files are not here (CRK_SHARED_DIR)");
  return FALSE;
}

static const CrkCell *
cell (CrkSheetSet *set, const char *sheet_name, const char *ref)
{
  CrkSheet *sheet = crk_sheet_set_find (set, sheet_name);
  guint row, column;

  g_assert_nonnull (sheet);
  g_assert_true (crk_cell_parse (ref, &row, &column));
  return crk_sheet_get (sheet, row, column);
}

static void
assert_number (CrkSheetSet *set, const char *sheet, const char *ref, double number)
{
  const CrkCell *c = cell (set, sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpint (c->type, ==, CRK_CELL_NUMBER);
  g_assert_cmpfloat (c->number, ==, number);
}

static void
assert_text (CrkSheetSet *set, const char *sheet, const char *ref, const char *text)
{
  const CrkCell *c = cell (set, sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpint (c->type, ==, CRK_CELL_TEXT);
  g_assert_cmpstr (c->text, ==, text);
}

static void
assert_cell (CrkSheetSet *set,
             const char *sheet,
             const char *ref,
             CrkCellType type,
             double number,
             const char *text)
{
  const CrkCell *c = cell (set, sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpint (c->type, ==, type);
  if (!isnan (number))
    g_assert_cmpfloat (c->number, ==, number);
  g_assert_cmpstr (c->text, ==, text);
}

static guint
count_type (CrkSheet *sheet, CrkCellType type, const char *text)
{
  guint n = 0;

  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const CrkCell *c = &g_array_index (sheet->cells, CrkCell, i);

      n += c->type == type && (text == NULL || g_strcmp0 (c->text, text) == 0);
    }
  return n;
}

/* Writing zips */

typedef struct
{
  const char *name;
  const char *data; /* NULL: a folder */
  gssize length;    /* -1: strlen */
} Part;

static void
write_zip (const char *path, const Part *parts, const char *passphrase)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  if (passphrase != NULL)
    {
      g_assert_cmpint (archive_write_set_options (a, "zip:encryption=zipcrypt"), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_set_passphrase (a, passphrase), ==, ARCHIVE_OK);
    }
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (const Part *p = parts; p->name != NULL; p++)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize length = p->data == NULL ? 0 : p->length < 0 ? strlen (p->data) : (gsize) p->length;

      if (g_str_equal (p->name, "mimetype"))
        archive_write_zip_set_compression_store (a);
      else
        archive_write_zip_set_compression_deflate (a);
      archive_entry_set_pathname (e, p->name);
      archive_entry_set_filetype (e, p->data == NULL ? AE_IFDIR : AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, (la_int64_t) length);
      if (archive_write_header (a, e) != ARCHIVE_OK)
        g_error ("cannot write %s: %s", p->name, archive_error_string (a));
      if (length > 0)
        g_assert_cmpint (archive_write_data (a, p->data, length), ==, (la_ssize_t) length);
      archive_entry_free (e);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PR "http://schemas.openxmlformats.org/package/2006/relationships"
#define T_DOC "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define T_SHEET "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
#define T_SST "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
#define T_STYLES "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Relationships xmlns=\"" NS_PR "\"><Relationship Id=\"rId1\" Type=\"" T_DOC
  "\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
/* Sheet parts named against the sheets' order, as Excel does after a move. */
static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Relationships xmlns=\"" NS_PR "\">"
  "<Relationship Id=\"rId7\" Type=\"" T_SHEET "\" Target=\"worksheets/sheet2.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" T_SHEET "\" Target=\"/xl/worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"" T_SST "\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId5\" Type=\"" T_STYLES "\" Target=\"styles.xml\"/>"
  "</Relationships>";

static char *
workbook_xml (gboolean date1904)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_R "\">"
                          "<x:workbookPr date1904=\"%s\"/><x:sheets>"
                          "<x:sheet name=\"数据\" sheetId=\"2\" rel:id=\"rId7\"/>"
                          "<x:sheet name=\"Second\" sheetId=\"1\" rel:id=\"rId3\"/>"
                          "</x:sheets></x:workbook>",
                          date1904 ? "1" : "0");
}

static const char shared_strings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<sst xmlns=\"" NS_MAIN "\" count=\"5\" uniqueCount=\"5\">"
  "<si><t>地区</t></si>"
  "<si><r><rPr><b/></rPr><t>North</t></r><r><t xml:space=\"preserve\"> city</t></r></si>"
  "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"
  "<si><t/></si>"
  "<si><t>line_x000D_two</t></si>"
  "</sst>";

/* Styles: 0 General, 1 built-in date 14, 2 custom date with Chinese literals, 3 a
 * percentage, 4 a custom number whose quoted text has d, m and y, 5 a time (21). */
static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"2\">"
  "<numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
  "<numFmt numFmtId=\"177\" formatCode=\"0.0&quot; days, m&quot;;[Red]\\-0.0\"/>"
  "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
  "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf "
  "numFmtId=\"10\"/>"
  "<xf numFmtId=\"177\"/><xf numFmtId=\"21\"/></cellXfs></styleSheet>";

/* The first sheet (part sheet2.xml): every cell type and the quirks. */
static const char sheet_quirks[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<worksheet xmlns=\"" NS_MAIN "\"><dimension ref=\"A1:XFD1048576\"/><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
  "<c r=\"E1\" t=\"s\"><v>3</v></c><c r=\"F1\" t=\"s\"><v>4</v></c></row>"
  "<row r=\"3\"><c r=\"A3\"><v>1203</v></c><c r=\"B3\" t=\"n\"><v>-0.25</v></c><c r=\"C3\" "
  "s=\"3\"><v>0.125</v></c>"
  "<c r=\"D3\" s=\"1\"><v>43861</v></c><c r=\"E3\" s=\"2\"><v>43861.5</v></c><c r=\"F3\" "
  "s=\"4\"><v>7</v></c>"
  "<c r=\"G3\" s=\"5\"><v>0.5</v></c></row>"
  "<row><c t=\"inlineStr\"><is><t>inline 文字</t></is></c><c "
  "t=\"inlineStr\"><is><r><t>rich</t></r><r><t>text</t></r></is></c>"
  "<c t=\"str\"><f>A1&amp;B1</f><v>formula text</v></c><c t=\"b\"><v>1</v></c><c "
  "t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
  "<c><f>SUM(A3:B3)</f></c><c><f t=\"shared\" si=\"0\"/><v>1202.75</v></c><c s=\"1\" "
  "t=\"d\"><v>2020-01-31T12:00:00</v></c></row>"
  "<row r=\"1000\"><c r=\"XFD1000\"><v>1e-300</v></c></row>"
  "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:F1\"/><mergeCell "
  "ref=\"B1000\"/></mergeCells></worksheet>";

static const char sheet_second[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><sheetData>"
  "<row r=\"2\"><c r=\"B2\"><v>42</v></c></row></sheetData></worksheet>";

static void
write_xlsx (const char *path, const char *sheet1, const char *sst, gboolean date1904)
{
  g_autofree char *workbook = workbook_xml (date1904);
  Part parts[] = {
    {"[Content_Types].xml", content_types, -1},
    {"_rels/", NULL, 0},
    {"_rels/.rels", package_rels, -1},
    {"xl/workbook.xml", workbook, -1},
    {"xl/_rels/workbook.xml.rels", workbook_rels, -1},
    {"xl/sharedStrings.xml", sst != NULL ? sst : shared_strings, -1},
    {"xl/styles.xml", styles, -1},
    {"xl/worksheets/sheet1.xml", sheet_second, -1},
    {"xl/worksheets/sheet2.xml", sheet1, -1},
    {NULL, NULL, 0},
  };

  write_zip (path, parts, NULL);
}

static void
check_quirks (CrkSheetSet *set, gboolean date1904)
{
  CrkSheet *sheet;
  double d = date1904 ? 1462 : 0;

  g_assert_cmpuint (set->sheets->len, ==, 2);
  sheet = g_ptr_array_index (set->sheets, 0);
  g_assert_cmpstr (sheet->name, ==, "数据");
  g_assert_cmpstr (((CrkSheet *) g_ptr_array_index (set->sheets, 1))->name, ==, "Second");
  assert_number (set, "Second", "B2", 42);

  /* shared strings: plain, rich runs joined, phonetic runs left out, "" not a cell, _x000D_ */
  assert_text (set, "数据", "A1", "地区");
  assert_text (set, "数据", "B1", "North city");
  assert_text (set, "数据", "C1", "東京");
  g_assert_null (cell (set, "数据", "D1"));
  g_assert_null (cell (set, "数据", "E1"));
  assert_text (set, "数据", "F1", "line\rtwo");
  /* numbers, a percentage as its fraction, dates by style, a quoted "d, m" not a date */
  assert_number (set, "数据", "A3", 1203);
  assert_number (set, "数据", "B3", -0.25);
  assert_number (set, "数据", "C3", 0.125);
  assert_cell (set, "数据", "D3", CRK_CELL_DATE, 43861 + d, date1904 ? "2024-02-01" : "2020-01-31");
  assert_cell (set, "数据", "E3", CRK_CELL_DATE, 43861.5 + d,
               date1904 ? "2024-02-01T12:00:00" : "2020-01-31T12:00:00");
  assert_number (set, "数据", "F3", 7);
  assert_cell (set, "数据", "G3", CRK_CELL_DATE, 0.5 + d,
               date1904 ? "1904-01-01T12:00:00" : "12:00:00");
  /* row 4 has no r: it follows row 3; its cells follow each other from A */
  assert_text (set, "数据", "A4", "inline 文字");
  assert_text (set, "数据", "B4", "richtext");
  assert_text (set, "数据", "C4", "formula text");
  assert_cell (set, "数据", "D4", CRK_CELL_BOOLEAN, 1, NULL);
  assert_cell (set, "数据", "E4", CRK_CELL_ERROR, NAN, "#DIV/0!");
  g_assert_null (cell (set, "数据", "F4")); /* a formula without a cached value */
  assert_number (set, "数据", "G4", 1202.75);
  assert_cell (set, "数据", "H4", CRK_CELL_DATE, 43861.5, "2020-01-31T12:00:00");
  assert_number (set, "数据", "XFD1000", 1e-300);
  g_assert_cmpuint (sheet->n_rows, ==, 1000);
  g_assert_cmpuint (sheet->n_columns, ==, CRK_SHEET_MAX_COLUMNS);
  g_assert_cmpuint (sheet->cells->len, ==, 19);
  g_assert_cmpuint (sheet->merged->len, ==, 2);
  g_assert_cmpuint (g_array_index (sheet->merged, CrkCellRange, 0).n_columns, ==, 6);
  g_assert_cmpuint (g_array_index (sheet->merged, CrkCellRange, 1).row, ==, 999);
}

static void
test_xlsx_quirks (void)
{
  g_autofree char *path = tmp_path ("xlsx-quirks.xlsx");
  g_autofree char *path1904 = tmp_path ("xlsx-1904.xlsx");
  g_autofree char *fixture =
    g_test_build_filename (G_TEST_DIST, "import", "fixtures", "xlsx-quirks.xlsx", NULL);
  Result r;

  write_xlsx (path, sheet_quirks, NULL, FALSE);
  r = read_file (&crk_importer_xlsx, path);
  g_assert_cmpstr (r.problems, ==, "");
  check_quirks (r.set, FALSE);
  result_clear (&r);

  write_xlsx (path1904, sheet_quirks, NULL, TRUE);
  r = read_file (&crk_importer_xlsx, path1904);
  g_assert_cmpstr (r.problems, ==, "");
  check_quirks (r.set, TRUE);
  result_clear (&r);

  /* The committed copy (a fuzzing seed) reads the same. */
  r = read_file (&crk_importer_xlsx, fixture);
  g_assert_cmpstr (r.problems, ==, "");
  check_quirks (r.set, FALSE);
  result_clear (&r);
}

/* Problems: each located, each clear. */
static void
expect_problem (const CrkImporter *importer, const char *path, const char *text)
{
  Result r = read_file (importer, path);

  if (strstr (r.problems, text) == NULL)
    g_error ("expected “%s” in the problems of %s, got:\n%s", text, path, r.problems);
  g_assert_null (r.set);
  result_clear (&r);
}

static void
xlsx_with_sheet (const char *name, const char *rows, char **path)
{
  g_autofree char *sheet = g_strconcat (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" NS_MAIN "\"><sheetData>",
    rows, "</sheetData></worksheet>", NULL);

  *path = tmp_path (name);
  write_xlsx (*path, sheet, NULL, FALSE);
}

static void
test_xlsx_problems (void)
{
  g_autofree char *p = NULL;

  xlsx_with_sheet ("sst-range.xlsx", "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>5</v></c></row>", &p);
  expect_problem (
    &crk_importer_xlsx, p,
    "xlsx: error: 数据!B2: the shared string “5” does not exist (the workbook has 5)");
  g_clear_pointer (&p, g_free);
  xlsx_with_sheet ("bad-number.xlsx", "<row r=\"2\"><c r=\"C2\"><v>12,5</v></c></row>", &p);
  expect_problem (&crk_importer_xlsx, p, "数据!C2: “12,5” is not a number");
  g_clear_pointer (&p, g_free);
  xlsx_with_sheet ("bad-type.xlsx", "<row r=\"2\"><c r=\"C2\" t=\"zz\"><v>1</v></c></row>", &p);
  expect_problem (&crk_importer_xlsx, p, "数据!C2: unknown cell type “zz”");
  g_clear_pointer (&p, g_free);
  xlsx_with_sheet ("far-column.xlsx", "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>", &p);
  expect_problem (&crk_importer_xlsx, p, "数据!XFE2: “XFE2” is outside a sheet");
  g_clear_pointer (&p, g_free);
  xlsx_with_sheet ("far-row.xlsx", "<row r=\"1048577\"><c><v>1</v></c></row>", &p);
  expect_problem (&crk_importer_xlsx, p, "数据!1048577: row 1048577 is beyond the 1048576 rows");
  g_clear_pointer (&p, g_free);
  /* invalid UTF-8 inside a cell: located in the part, line and column */
  xlsx_with_sheet ("utf8.xlsx",
                   "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>ab\xff\xfe</t></is></c></row>",
                   &p);
  expect_problem (
    &crk_importer_xlsx, p,
    "utf8.xlsx: error: sheet “数据”: xl/worksheets/sheet2.xml:2:133: not well-formed XML: "
    "Input is not proper UTF-8");
  g_clear_pointer (&p, g_free);
  /* a DOCTYPE never reaches the parser */
  p = tmp_path ("doctype.xlsx");
  write_xlsx (p, sheet_quirks,
              "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
              "\"&a;&a;&a;&a;\">]>"
              "<sst xmlns=\"" NS_MAIN "\"><si><t>&b;</t></si></sst>",
              FALSE);
  expect_problem (&crk_importer_xlsx, p,
                  "xl/sharedStrings.xml:2:1: the file has a document type declaration (DOCTYPE); "
                  "DTDs and entities are refused for safety");
}

static void
test_zip_hostile (void)
{
  g_autofree char *good = tmp_path ("good.xlsx");
  g_autofree char *truncated = tmp_path ("truncated.xlsx");
  g_autofree char *escaping = tmp_path ("escaping.xlsx");
  g_autofree char *encrypted = tmp_path ("encrypted.xlsx");
  g_autofree char *data = NULL;
  g_autofree char *workbook = workbook_xml (FALSE);
  g_autoptr (CrkZip) zip = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  /* truncated: a clear error, whatever the cut */
  write_xlsx (good, sheet_quirks, NULL, FALSE);
  g_assert_true (g_file_get_contents (good, &data, &length, NULL));
  for (gsize cut = 0; cut < length; cut += length / 7 + 1)
    {
      g_assert_true (g_file_set_contents (truncated, data, (gssize) cut, NULL));
      expect_problem (&crk_importer_xlsx, truncated,
                      "not a complete zip archive (truncated or damaged?)");
    }

  /* "../" and "/" entries are not entries; a relationship that climbs out finds nothing */
  {
    const char rels[] =
      "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"" NS_PR "\">"
      "<Relationship Id=\"rId7\" Type=\"" T_SHEET "\" Target=\"../../evil.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" T_SHEET "\" Target=\"/abs.xml\"/></Relationships>";
    Part parts[] = {
      {"[Content_Types].xml", content_types, -1}, {"_rels/.rels", package_rels, -1},
      {"xl/workbook.xml", workbook, -1},          {"xl/_rels/workbook.xml.rels", rels, -1},
      {"../evil.xml", sheet_second, -1},          {"/abs.xml", sheet_second, -1},
      {"xl/../../x.xml", sheet_second, -1},       {NULL, NULL, 0},
    };

    write_zip (escaping, parts, NULL);
    zip = crk_zip_open (escaping, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length ((char **) crk_zip_get_entries (zip)), ==, 4);
    g_assert_false (crk_zip_has_entry (zip, "../evil.xml"));
    g_assert_false (crk_zip_has_entry (zip, "/abs.xml"));
    expect_problem (&crk_importer_xlsx, escaping,
                    "数据!A1: the workbook names the sheet, but not a part that holds it");
  }

  /* encrypted entries */
  {
    Part parts[] = {
      {"[Content_Types].xml", content_types, -1},
      {"_rels/.rels", package_rels, -1},
      {"xl/workbook.xml", workbook, -1},
      {NULL, NULL, 0},
    };

    write_zip (encrypted, parts, "secret");
    expect_problem (&crk_importer_xlsx, encrypted, "is encrypted (protected by a password)");
  }
}

/* An xlsx whose second sheet is @total bytes of "0" after a cell's start. */
static void
write_bomb (const char *path, gsize total)
{
  g_autofree char *workbook = workbook_xml (FALSE);
  const gsize block = 1 << 20;
  g_autofree char *filler = g_malloc (block);
  const char head[] = "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"" NS_MAIN
                      "\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1";
  struct archive *a = archive_write_new ();
  struct archive_entry *e;
  const Part parts[] = {
    {"[Content_Types].xml", content_types, -1},
    {"_rels/.rels", package_rels, -1},
    {"xl/workbook.xml", workbook, -1},
    {"xl/_rels/workbook.xml.rels", workbook_rels, -1},
    {"xl/worksheets/sheet1.xml", sheet_second, -1},
    {NULL, NULL, 0},
  };

  memset (filler, '0', block);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (const Part *p = parts; p->name != NULL; p++)
    {
      e = archive_entry_new ();
      archive_entry_set_pathname (e, p->name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, (la_int64_t) strlen (p->data));
      archive_write_header (a, e);
      archive_write_data (a, p->data, strlen (p->data));
      archive_entry_free (e);
    }
  e = archive_entry_new ();
  archive_entry_set_pathname (e, "xl/worksheets/sheet2.xml");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_write_header (a, e); /* no size: a data descriptor, as streaming writers do */
  archive_write_data (a, head, strlen (head));
  for (gsize n = 0; n < total; n += block)
    archive_write_data (a, filler, block);
  archive_entry_free (e);
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* A small xlsx whose sheet inflates to 2 GiB is refused before inflating (the central
 * directory says how large it is); one that fits the budget but inflates a thousand
 * times is stopped after a few megabytes; a small budget stops both. */
static void
test_zip_bomb (void)
{
  g_autofree char *big = tmp_path ("bomb.xlsx");
  g_autofree char *dense = tmp_path ("dense.xlsx");
  GStatBuf st;
  gint64 start;

  write_bomb (big, (gsize) 2 << 30);
  g_assert_cmpint (g_stat (big, &st), ==, 0);
  g_test_message ("the bomb: %" G_GINT64_FORMAT " bytes, inflating to 2 GiB", (gint64) st.st_size);
  g_assert_cmpint (st.st_size, <, 16 << 20);
  start = g_get_monotonic_time ();
  expect_problem (
    &crk_importer_xlsx, big,
    "bomb.xlsx: error: sheet “数据”: Inflating “xl/worksheets/sheet2.xml” of "
    "“bomb.xlsx” would take 2.0\xc2\xa0GiB of memory, more than the limit of 1.0\xc2\xa0GiB");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  write_bomb (dense, 256 << 20);
  start = g_get_monotonic_time ();
  expect_problem (&crk_importer_xlsx, dense,
                  "“xl/worksheets/sheet2.xml” of “dense.xlsx” inflates more than 250 times "
                  "its compressed size (a zip bomb?); refusing the file");
  g_test_message ("refused in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  crk_io_set_memory_limit (2 << 20);
  expect_problem (&crk_importer_xlsx, dense, "more than the limit of 2.0\xc2\xa0MiB");
  crk_io_set_memory_limit (0);
}

/* 100,000 cells: 1,000 rows × 100 numbers. */
static void
test_xlsx_large (void)
{
  g_autofree char *path = tmp_path ("large.xlsx");
  GString *sheet =
    g_string_new ("<?xml version=\"1.0\"?>\n<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
  g_autofree char *xml = NULL;
  gint64 start;
  double seconds;
  Result r;

  for (guint row = 0; row < 1000; row++)
    {
      g_string_append_printf (sheet, "<row r=\"%u\">", row + 1);
      for (guint column = 0; column < 100; column++)
        {
          g_autofree char *ref = crk_cell_name (row, column);

          g_string_append_printf (sheet, "<c r=\"%s\" s=\"3\"><v>%u.25</v></c>", ref,
                                  row * 100 + column);
        }
      g_string_append (sheet, "</row>");
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  xml = g_string_free (sheet, FALSE);
  write_xlsx (path, xml, NULL, FALSE);

  start = g_get_monotonic_time ();
  r = read_file (&crk_importer_xlsx, path);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100,000 cells (%zu bytes of sheet XML) read in %.3f s", strlen (xml), seconds);
  g_assert_cmpstr (r.problems, ==, "");
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (r.set->sheets, 0))->cells->len, ==, 100000);
  assert_number (r.set, "数据", "CV1000", 99999.25);
  /* Under 1 s in a release build; sanitizer and debug builds get room. */
  g_assert_cmpfloat (seconds, <, 10);
  result_clear (&r);
}

/* OpenDocument */

#define ODF_HEAD                                                                                   \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   \
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "    \
  "xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                                   \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                                 \
  "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "        \
  "office:version=\"1.3\"><office:body><office:spreadsheet>"
#define ODF_TAIL "</office:spreadsheet></office:body></office:document-content>"

static const char ods_content[] = ODF_HEAD
  "<t:table t:name=\"表一\"><t:table-column t:number-columns-repeated=\"1024\"/>"
  "<t:table-header-rows><t:table-row><t:table-cell t:number-columns-spanned=\"3\" "
  "office:value-type=\"string\">"
  "<text:p>Title <text:span>of</text:span><text:s text:c=\"2\"/>it</text:p><text:p>second "
  "line</text:p></t:table-cell>"
  "<t:covered-table-cell "
  "t:number-columns-repeated=\"2\"><text:p>hidden</text:p></t:covered-table-cell>"
  "<t:table-cell t:number-columns-repeated=\"1020\"/></t:table-row></t:table-header-rows>"
  "<t:table-row t:number-rows-repeated=\"2\"><t:table-cell office:value-type=\"float\" "
  "office:value=\"1203\">"
  "<text:p>1,203</text:p></t:table-cell><t:table-cell office:value-type=\"percentage\" "
  "office:value=\"0.25\" t:number-columns-repeated=\"3\">"
  "<text:p>25%</text:p></t:table-cell><t:table-cell "
  "t:number-columns-repeated=\"16380\"/></t:table-row>"
  "<t:table-row><t:table-cell office:value-type=\"date\" office:date-value=\"2020-01-31\"/>"
  "<t:table-cell office:value-type=\"date\" office:date-value=\"2020-01-31T12:00:00\"/>"
  "<t:table-cell office:value-type=\"time\" office:time-value=\"PT12H30M00S\"/>"
  "<t:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/>"
  "<t:table-cell office:value-type=\"currency\" office:currency=\"CNY\" "
  "office:value=\"-3.5\"><text:p>¥-3.50</text:p></t:table-cell>"
  "<t:table-cell office:value-type=\"string\" calcext:value-type=\"error\" "
  "t:formula=\"of:=NA()\"><text:p>#N/A</text:p></t:table-cell>"
  "<t:table-cell office:value-type=\"string\" office:string-value=\"  kept  "
  "\"><text:p>shown</text:p></t:table-cell>"
  "<t:table-cell><text:p>note</text:p><office:annotation><text:p>a "
  "comment</text:p></office:annotation></t:table-cell>"
  "</t:table-row>"
  "<t:table-row t:number-rows-repeated=\"1048570\"><t:table-cell "
  "t:number-columns-repeated=\"1024\"/></t:table-row>"
  "<t:table-row><t:table-cell/></t:table-row></t:table>"
  "<t:table t:name=\"Empty\"/>" ODF_TAIL;

static void
check_ods (CrkSheetSet *set)
{
  CrkSheet *sheet;

  g_assert_cmpuint (set->sheets->len, ==, 2);
  sheet = g_ptr_array_index (set->sheets, 0);
  g_assert_cmpstr (sheet->name, ==, "表一");
  assert_text (set, "表一", "A1", "Title of  it\nsecond line");
  g_assert_null (cell (set, "表一", "B1")); /* covered */
  for (guint r = 2; r <= 3; r++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "A%u", r);
      assert_number (set, "表一", ref, 1203);
      for (char c = 'B'; c <= 'D'; c++)
        {
          g_snprintf (ref, sizeof ref, "%c%u", c, r);
          assert_number (set, "表一", ref, 0.25);
        }
    }
  assert_cell (set, "表一", "A4", CRK_CELL_DATE, 43861, "2020-01-31");
  assert_cell (set, "表一", "B4", CRK_CELL_DATE, 43861.5, "2020-01-31T12:00:00");
  assert_cell (set, "表一", "C4", CRK_CELL_DATE, 12.5 / 24, "12:30:00");
  assert_cell (set, "表一", "D4", CRK_CELL_BOOLEAN, 1, NULL);
  assert_number (set, "表一", "E4", -3.5);
  assert_cell (set, "表一", "F4", CRK_CELL_ERROR, NAN, "#N/A");
  assert_text (set, "表一", "G4", "  kept  ");
  assert_text (set, "表一", "H4", "note");
  g_assert_cmpuint (sheet->cells->len, ==, 1 + 8 + 8);
  g_assert_cmpuint (sheet->n_rows, ==, 4);
  g_assert_cmpuint (sheet->merged->len, ==, 1);
  g_assert_cmpuint (g_array_index (sheet->merged, CrkCellRange, 0).n_columns, ==, 3);
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (set->sheets, 1))->cells->len, ==, 0);
}

static void
write_ods (const char *path, const char *content, const char *mimetype)
{
  Part parts[] = {
    {"mimetype", mimetype, -1},
    {"content.xml", content, -1},
    {"META-INF/manifest.xml",
     "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>",
     -1},
    {NULL, NULL, 0},
  };

  write_zip (path, parts, NULL);
}

static void
test_ods_quirks (void)
{
  g_autofree char *path = tmp_path ("ods-quirks.ods");
  g_autofree char *fixture =
    g_test_build_filename (G_TEST_DIST, "import", "fixtures", "ods-quirks.ods", NULL);
  g_autofree char *text_doc = tmp_path ("text.odt");
  g_autofree char *bad = tmp_path ("bad.ods");
  g_autofree char *huge = tmp_path ("huge.ods");
  Result r;
  gint64 start = g_get_monotonic_time ();

  write_ods (path, ods_content, CRK_ODF_SPREADSHEET_MIME);
  r = read_file (&crk_importer_ods, path);
  g_assert_cmpstr (r.problems, ==, "");
  check_ods (r.set);
  result_clear (&r);
  /* a million empty rows and 16,380 empty columns cost nothing */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  r = read_file (&crk_importer_ods, fixture);
  g_assert_cmpstr (r.problems, ==, "");
  check_ods (r.set);
  result_clear (&r);

  write_ods (text_doc, ods_content, "application/vnd.oasis.opendocument.text");
  expect_problem (
    &crk_importer_ods, text_doc,
    "not an OpenDocument spreadsheet: the package is “application/vnd.oasis.opendocument.text”");

  write_ods (bad,
             ODF_HEAD "<t:table t:name=\"S\"><t:table-row><t:table-cell/><t:table-cell "
                      "office:value-type=\"float\" office:value=\"1,5\"/>"
                      "</t:table-row></t:table>" ODF_TAIL,
             CRK_ODF_SPREADSHEET_MIME);
  expect_problem (&crk_importer_ods, bad, "bad.ods: error: S!B1: “1,5” is not a number");

  /* A repeated non-empty cell and row are stored per repetition, within the budget. */
  write_ods (huge,
             ODF_HEAD "<t:table t:name=\"S\"><t:table-row t:number-rows-repeated=\"1048576\">"
                      "<t:table-cell office:value-type=\"float\" office:value=\"1\" "
                      "t:number-columns-repeated=\"16384\"/>"
                      "</t:table-row></t:table>" ODF_TAIL,
             CRK_ODF_SPREADSHEET_MIME);
  crk_io_set_memory_limit (64 << 20);
  expect_problem (&crk_importer_ods, huge,
                  "huge.ods: error: S!XFD1: Reading the spreadsheet’s cells would take "
                  "64.0\xc2\xa0MiB of memory, more than the limit of 64.0\xc2\xa0MiB");
  crk_io_set_memory_limit (0);
}

static void
test_fods (void)
{
  g_autofree char *path = shared_file ("fods/test_flat_lo.fods");
  Result r;

  if (!have_shared (path))
    return;
  r = read_file (&crk_importer_fods, path);
  g_assert_cmpstr (r.problems, ==, "");
  g_assert_cmpuint (r.set->sheets->len, ==, 2);
  assert_text (r.set, "Sheet1", "A1", "test");
  assert_number (r.set, "Sheet1", "B2", 123);
  assert_text (r.set, "Sheet2", "A1", "abc");
  assert_number (r.set, "Sheet2", "A2", 123);
  /* the trailing number-rows-repeated="1048573" is not expanded */
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (r.set->sheets, 1))->n_rows, ==, 2);
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (r.set->sheets, 0))->cells->len, ==, 2);
  result_clear (&r);
}

/* The real files */

static void
compare_sets (CrkSheetSet *a, CrkSheetSet *b)
{
  g_assert_cmpuint (a->sheets->len, ==, b->sheets->len);
  for (guint i = 0; i < a->sheets->len; i++)
    {
      CrkSheet *x = g_ptr_array_index (a->sheets, i), *y = g_ptr_array_index (b->sheets, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpuint (x->cells->len, ==, y->cells->len);
      for (guint j = 0; j < x->cells->len; j++)
        {
          const CrkCell *c = &g_array_index (x->cells, CrkCell, j),
                        *d = &g_array_index (y->cells, CrkCell, j);

          g_assert_cmpuint (c->row, ==, d->row);
          g_assert_cmpuint (c->column, ==, d->column);
          g_assert_cmpint (c->type, ==, d->type);
          if (c->type == CRK_CELL_NUMBER)
            g_assert_cmpfloat (c->number, ==, d->number);
          else
            g_assert_cmpstr (c->text, ==, d->text);
        }
      g_assert_cmpuint (x->merged->len, ==, y->merged->len);
    }
}

static void
test_ons_pair (void)
{
  g_autofree char *xlsx =
    shared_file ("spreadsheets/2018internationaltradeinservicesdatatables.xlsx");
  g_autofree char *ods =
    shared_file ("spreadsheets/2018internationaltradeinservicesdatatables.ods");
  static const char *const names[] = {
    "Notes",
    "Index",
    "1. NUTS1, industry",
    "2. NUTS1, industry, destination",
    "3. NUTS2, industry",
    "4. NUTS2, industry, destination",
    "5. NUTS3, destination",
    "6. City Region, industry",
    "7. City Region, industry, dest.",
    "8. Travel",
    "9. Tidy format",
  };
  guint numbers = 0, suppressed = 0;
  Result x, o;

  if (!have_shared (xlsx))
    return;
  x = read_file (&crk_importer_xlsx, xlsx);
  o = read_file (&crk_importer_ods, ods);
  g_assert_cmpstr (x.problems, ==, "");
  g_assert_cmpstr (o.problems, ==, "");
  g_assert_cmpuint (x.set->sheets->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CrkSheet *sheet = g_ptr_array_index (x.set->sheets, i);

      g_assert_cmpstr (sheet->name, ==, names[i]);
      numbers += count_type (sheet, CRK_CELL_NUMBER, NULL);
      suppressed += count_type (sheet, CRK_CELL_TEXT, "..");
    }
  g_assert_cmpuint (numbers, ==, 14808);
  g_assert_cmpuint (suppressed, ==, 2124);
  /* every cell the same, at the same place: numbers exactly, texts byte for byte */
  compare_sets (x.set, o.set);
  assert_text (x.set, "1. NUTS1, industry", "A1",
               "Total value of trade in services (including travel) in the UK by NUTS1 area and "
               "industry, 2018");
  assert_text (x.set, "1. NUTS1, industry", "A3", "NUTS1 area");
  assert_text (x.set, "1. NUTS1, industry", "C4", "..");
  assert_number (x.set, "1. NUTS1, industry", "P4", 1414);
  assert_number (o.set, "1. NUTS1, industry", "P4", 1414);
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (x.set->sheets, 3))->merged->len, ==, 15);
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (o.set->sheets, 10))->cells->len, ==, 53847);
  result_clear (&x);
  result_clear (&o);
}

static void
test_spsbot_pair (void)
{
  g_autofree char *xlsx = shared_file ("spreadsheets/spsbot_population.xlsx");
  g_autofree char *ods = shared_file ("spreadsheets/spsbot_population.ods");
  CrkSheet *xs, *os;
  guint compared = 0;
  Result x, o;

  if (!have_shared (xlsx))
    return;
  x = read_file (&crk_importer_xlsx, xlsx);
  o = read_file (&crk_importer_ods, ods);
  g_assert_cmpstr (x.problems, ==, "");
  g_assert_cmpstr (o.problems, ==, "");
  xs = g_ptr_array_index (x.set->sheets, 0);
  os = g_ptr_array_index (o.set->sheets, 0);
  g_assert_cmpstr (xs->name, ==, "Unnamed");
  g_assert_cmpstr (os->name, ==, "Sheet1");
  assert_text (x.set, "Unnamed", "C1", "Population in 2014");
  assert_text (o.set, "Sheet1", "C1", "Population mid 2014");
  assert_number (x.set, "Unnamed", "F4", 200600); /* a formula's cached value */
  /* The 45 countries: population, births and deaths the same in both (the .ods repeats
   * equal neighbours with number-columns-repeated). */
  for (guint i = 0; i < xs->cells->len; i++)
    {
      const CrkCell *name = &g_array_index (xs->cells, CrkCell, i);

      if (name->column != 1 || name->type != CRK_CELL_TEXT || name->row == 0)
        continue;
      for (guint j = 0; j < os->cells->len; j++)
        {
          const CrkCell *other = &g_array_index (os->cells, CrkCell, j);

          if (other->column != 1 || g_strcmp0 (other->text, name->text) != 0)
            continue;
          for (guint c = 2; c <= 4; c++)
            {
              const CrkCell *a = crk_sheet_get (xs, name->row, c),
                            *b = crk_sheet_get (os, other->row, c);

              g_assert_nonnull (a);
              g_assert_nonnull (b);
              g_assert_cmpint (a->type, ==, CRK_CELL_NUMBER);
              g_assert_cmpint (b->type, ==, CRK_CELL_NUMBER);
              g_assert_cmpfloat (a->number, ==, b->number);
              compared++;
            }
          break;
        }
    }
  g_assert_cmpuint (compared, ==, 45 * 3);
  result_clear (&x);
  result_clear (&o);
}

static void
test_chinese_yearbooks (void)
{
  g_autofree char *nbs = shared_file ("spreadsheets/nbs_7-6_public_budget_expenditure_2021.xlsx");
  g_autofree char *agri = shared_file ("spreadsheets/agrimachine_yearbook_1-3_2023.xlsx");
  g_autofree char *ssp = shared_file ("spreadsheets/SSPs_POP_Prov_v2.xlsx");
  g_autofree char *heating = shared_file ("spreadsheets/central_heating.xlsx");
  Result r;

  if (!have_shared (nbs))
    return;
  r = read_file (&crk_importer_xlsx, nbs);
  g_assert_cmpstr (r.problems, ==, "");
  assert_text (r.set, "Sheet1", "A1", "7-6  分地区一般公共预算支出 (2021年)");
  assert_text (r.set, "Sheet1", "A3", "单位：亿元");
  assert_text (r.set, "Sheet1", "A4", "地   区");
  assert_text (r.set, "Sheet1", "F4", "公    共");
  assert_text (r.set, "Sheet1", "A9", " 北  京");
  assert_number (r.set, "Sheet1", "B9", 7205.1201000000001);
  assert_number (r.set, "Sheet1", "B7", 210623.04);
  assert_text (r.set, "Sheet1", "A44", "新  疆");
  assert_number (r.set, "Sheet1", "Z44", 53.5829);
  g_assert_null (cell (r.set, "Sheet1", "A8")); /* an empty-string separator */
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (r.set->sheets, 0))->merged->len, ==, 2);
  result_clear (&r);

  r = read_file (&crk_importer_xlsx, agri);
  g_assert_cmpstr (r.problems, ==, "");
  assert_text (r.set, "1-3", "A1", "2023年各地区农业机械化服务组织人员及投入产出情况");
  assert_text (r.set, "1-3", "A8", "全国");
  assert_text (r.set, "1-3", "B8", "National");
  assert_text (r.set, "1-3", "C8", "195606"); /* a number stored as text stays text */
  assert_number (r.set, "1-3", "P8", 933466.46);
  result_clear (&r);

  r = read_file (&crk_importer_xlsx, ssp);
  g_assert_cmpstr (r.problems, ==, "");
  g_assert_cmpuint (r.set->sheets->len, ==, 5);
  assert_number (r.set, "SSP1", "B1", 2020);
  assert_number (r.set, "SSP1", "R1", 2100);
  assert_text (r.set, "SSP1", "A2", "Beijing");
  assert_number (r.set, "SSP1", "B2", 21893095);
  assert_number (r.set, "SSP1", "C2", 22302426.9514475);
  g_assert_cmpuint (((CrkSheet *) g_ptr_array_index (r.set->sheets, 3))->n_rows, ==, 70);
  result_clear (&r);

  r = read_file (&crk_importer_xlsx, heating);
  g_assert_cmpstr (r.problems, ==, "");
  assert_number (r.set, "central_heating", "B1", 2020);
  assert_number (r.set, "central_heating", "D2", 34.630000000000003);
  assert_number (r.set, "central_heating", "F2", 3508.97); /* SUM(B2:E2), cached */
  result_clear (&r);
}

static void
test_xls (void)
{
  g_autofree char *path = shared_file ("spreadsheets/20_Major_PIAV.xls");
  Result r;

  if (!have_shared (path))
    return;
  r = read_file (&crk_importer_xls, path);
  if (r.set != NULL)
    {
      CrkSheet *sheet = g_ptr_array_index (r.set->sheets, 0);

      g_assert_cmpstr (sheet->name, ==, "主要城市年度数据");
      g_assert_cmpuint (count_type (sheet, CRK_CELL_NUMBER, NULL), ==, 430);
      assert_text (r.set, "1", "A5", "北京");
    }
  else
    {
      /* libfreexl 1.0.6 (Debian 12) gives up on this server-written file: the message
       * says so, and what to do. */
      g_test_message ("%s", r.problems);
      g_assert_nonnull (
        strstr (r.problems, "20_Major_PIAV.xls: error: cannot read the Excel 97–2003 workbook"));
    }
  result_clear (&r);

  /* not OLE2 at all */
  {
    g_autofree char *fake = tmp_path ("fake.xls");

    g_assert_true (
      g_file_set_contents (fake, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 and then nothing", -1, NULL));
    expect_problem (&crk_importer_xls, fake,
                    "fake.xls: error: cannot read the Excel 97–2003 workbook");
  }
}

static void
test_sniff (void)
{
  g_autofree char *xlsx = tmp_path ("sniff.xlsx");
  g_autofree char *ods = tmp_path ("sniff.ods");
  g_autofree char *fods = shared_file ("fods/test_flat_lo.fods");
  g_auto (GStrv) entries = NULL;
  g_autofree char *head = NULL;
  gsize length;
  CrkSniff sniff = {.suffix = ""};

  write_xlsx (xlsx, sheet_second, NULL, FALSE);
  write_ods (ods, ods_content, CRK_ODF_SPREADSHEET_MIME);

  entries = crk_zip_list_entries (xlsx);
  g_assert_true (g_file_get_contents (xlsx, &head, &length, NULL));
  sniff.head = (const guint8 *) head, sniff.head_length = length,
  sniff.zip_entries = (const char *const *) entries;
  g_assert_cmpint (crk_importer_xlsx.sniff (&sniff), ==, 95);
  g_assert_cmpint (crk_importer_ods.sniff (&sniff), <, 50);
  g_assert_cmpint (crk_importer_xls.sniff (&sniff), ==, 0);
  g_clear_pointer (&entries, g_strfreev);
  g_clear_pointer (&head, g_free);

  entries = crk_zip_list_entries (ods);
  g_assert_true (g_file_get_contents (ods, &head, &length, NULL));
  sniff.head = (const guint8 *) head, sniff.head_length = length,
  sniff.zip_entries = (const char *const *) entries;
  g_assert_cmpint (crk_importer_ods.sniff (&sniff), ==, 95);
  g_assert_cmpint (crk_importer_xlsx.sniff (&sniff), <, 50);
  g_clear_pointer (&entries, g_strfreev);
  g_clear_pointer (&head, g_free);
  g_assert_null (crk_zip_list_entries (fods));

  sniff = (CrkSniff){.suffix = ".xls",
                     .head = (const guint8 *) "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                     .head_length = 8};
  g_assert_cmpint (crk_importer_xls.sniff (&sniff), ==, 90);
  sniff = (CrkSniff){
    .suffix = ".fods",
    .root_name = "document",
    .root_ns = CRK_ODF_NS_OFFICE,
    .head =
      (const guint8
         *) "<office:document office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">",
    .head_length = 82};
  g_assert_cmpint (crk_importer_fods.sniff (&sniff), ==, 95);

  /* The registry, on the real files */
  {
    static const char *const files[][2] = {
      {"spreadsheets/spsbot_population.xlsx", "xlsx"},
      {"spreadsheets/SSPs_POP_Prov_v2.xlsx", "xlsx"},
      {"spreadsheets/spsbot_population.ods", "ods"},
      {"spreadsheets/20_Major_PIAV.xls", "xls"},
      {"fods/test_flat_lo.fods", "fods"},
    };

    if (!have_shared (fods))
      return;
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = shared_file (files[i][0]);
        g_autoptr (GError) error = NULL;
        const CrkImporter *importer = crk_import_detect (path, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (importer->id, ==, files[i][1]);
      }
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("cityrank-sheets-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/spreadsheets/xlsx-quirks", test_xlsx_quirks);
  g_test_add_func ("/spreadsheets/xlsx-problems", test_xlsx_problems);
  g_test_add_func ("/spreadsheets/zip-hostile", test_zip_hostile);
  g_test_add_func ("/spreadsheets/zip-bomb", test_zip_bomb);
  g_test_add_func ("/spreadsheets/xlsx-100000-cells", test_xlsx_large);
  g_test_add_func ("/spreadsheets/ods-quirks", test_ods_quirks);
  g_test_add_func ("/spreadsheets/fods", test_fods);
  g_test_add_func ("/spreadsheets/ons-xlsx-ods", test_ons_pair);
  g_test_add_func ("/spreadsheets/spsbot-xlsx-ods", test_spsbot_pair);
  g_test_add_func ("/spreadsheets/chinese-yearbooks", test_chinese_yearbooks);
  g_test_add_func ("/spreadsheets/xls", test_xls);
  g_test_add_func ("/spreadsheets/sniff", test_sniff);
  status = g_test_run ();

  if (g_getenv ("CRK_KEEP_FIXTURES") == NULL)
    {
      g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
