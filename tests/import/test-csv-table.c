/* test-csv-table.c: single CSV tables (crk_importer_csv_table) through crk_table_extract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real yearbook_light.csv ($CRK_SHARED_DIR/data/external/csv, UTF-8, CRLF, 279
 * cities) value by value, and the fixtures of tests/import/fixtures/table-*: delimiters,
 * quoting, decimal comma, BOM, CRLF, GB18030 (made here with g_convert), broken files.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crk-import.h"
#include "table-sink.h"

typedef struct
{
  TestSink sink;
  CrkImportReport *report;
  gboolean ok;
} Run;

static void
import (Run *run, const char *path, int default_year)
{
  CrkImportOptions options = {.default_year = default_year};
  const CrkImporter *importer = crk_importer_lookup ("csv-table");
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (importer);
  test_sink_init (&run->sink);
  run->report = crk_import_report_new ();
  run->ok = crk_import_file (path, importer, &options, &run->sink.sink, run->report, NULL, &error);
  test_print_problems (run->report);
  g_assert_no_error (error);
}

static void
run_clear (Run *run)
{
  test_sink_clear (&run->sink);
  crk_import_report_free (run->report);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "fixtures", name, NULL);
}

static void
assert_value (Run *run,
              const char *key,
              const char *indicator,
              const char *period,
              double value,
              const char *cell)
{
  const TestObs *o = test_sink_find (&run->sink, key, indicator, period);

  if (isnan (value))
    g_assert_true (isnan (o->value));
  else
    g_assert_cmpfloat (o->value, ==, value);
  if (cell != NULL)
    g_assert_cmpstr (o->cell, ==, cell);
}

static void
test_yearbook_light (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "csv",
                                            "yearbook_light.csv", NULL);
  Run run = {0};
  guint missing = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no yearbook_light.csv under CRK_SHARED_DIR");
      return;
    }
  import (&run, path, 2015);
  g_assert_true (run.ok);
  /* 279 cities × 4 indicators */
  g_assert_cmpuint (run.sink.obs->len, ==, 279 * 4);
  for (guint i = 0; i < run.sink.obs->len; i++)
    missing += isnan (((TestObs *) g_ptr_array_index (run.sink.obs, i))->value);
  g_assert_cmpuint (missing, ==, 1);
  assert_value (&run, "金昌市", "GDP10000", "2015", 2245163, "B2");
  assert_value (&run, "金昌市", "Fiscal10000", "2015", 184743, "C2");
  assert_value (&run, "金昌市", "Employment", "2015", 110758, "D2");
  assert_value (&run, "金昌市", "light_sum", "2015", 9512.603311, "E2");
  assert_value (&run, "深圳市", "GDP10000", "2015", 175028634, "B280");
  assert_value (&run, "深圳市", "light_sum", "2015", 187258.791, "E280");
  assert_value (&run, "佛山市", "GDP10000", "2015", 80039186, NULL);
  assert_value (&run, "东莞市", "GDP10000", "2015", 62750737, NULL);
  assert_value (&run, "北京市", "GDP10000", "2015", 230145900, "B278");
  assert_value (&run, "北京市", "Fiscal10000", "2015", 47238597, "C278");
  assert_value (&run, "上海市", "Employment", "2015", 7228840, "D279");
  assert_value (&run, "重庆市", "Employment", "2015", NAN, "D275");
  assert_value (&run, "重庆市", "GDP10000", "2015", 157172700, "B275");
  g_assert_cmpstr (test_sink_find (&run.sink, "深圳市", "GDP10000", "2015")->sheet, ==,
                   "yearbook_light");
  g_assert_cmpuint (test_count_notices (run.report, "UTF-8 text, fields separated by “,”"), ==, 1);
  run_clear (&run);
}

/* Delimiters: semicolon with a decimal comma (and CRLF), tab, pipe. */
static void
test_delimiters (void)
{
  g_autofree char *semicolon = fixture ("table-semicolon-decimal-comma.csv");
  g_autofree char *tab = fixture ("table-tab.tsv");
  g_autofree char *pipe = fixture ("table-pipe.csv");
  Run run = {0};

  import (&run, semicolon, 2020);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 4);
  assert_value (&run, "Köln", "BIP", "2020", 1234.5, "B2");
  assert_value (&run, "Köln", "Anteil", "2020", 12.5, "C2");
  assert_value (&run, "Bonn", "BIP", "2020", 987.25, "B3");
  assert_value (&run, "Bonn", "Anteil", "2020", -0.5, "C3");
  g_assert_cmpuint (test_count_notices (run.report, "“;”, decimal comma"), ==, 1);
  run_clear (&run);

  import (&run, tab, 2020);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 4);
  assert_value (&run, "York", "gdp", "2020", 2.25, "B3");
  assert_value (&run, "York", "jobs", "2020", NAN, "C3");
  assert_value (&run, "Leeds", "jobs", "2020", 12, "C2");
  run_clear (&run);

  import (&run, pipe, 2020);
  g_assert_true (run.ok);
  assert_value (&run, "Leeds", "gdp", "2020", 1.5, "B2");
  assert_value (&run, "York", "jobs", "2020", NAN, "C3");
  g_assert_cmpuint (test_count_notices (run.report, "“|”"), ==, 1);
  run_clear (&run);
}

/* Quoting: delimiters, doubled quotes and line breaks inside quotes; a title line;
 * numbers with thousands separators; a unit in the header. */
static void
test_quoting (void)
{
  g_autofree char *path = fixture ("table-quoted.csv");
  Run run = {0};
  const TestObs *o;

  import (&run, path, 2018);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 2);
  assert_value (&run, "Leeds, West Yorkshire", "gdp", "2018", 1234, "B3");
  assert_value (&run, "York", "gdp", "2018", 2345.5, "B4");
  o = test_sink_find (&run.sink, "York", "gdp", "2018");
  g_assert_cmpstr (o->unit, ==, "£ million");
  run_clear (&run);
}

/* A byte order mark and CRLF line ends. */
static void
test_bom_crlf (void)
{
  g_autofree char *path = fixture ("table-bom-crlf.csv");
  Run run = {0};

  import (&run, path, 2015);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 2);
  assert_value (&run, "深圳市", "GDP", "2015", 175028634, "B2");
  assert_value (&run, "佛山市", "GDP", "2015", 80039186, "B3");
  g_assert_cmpuint (test_count_notices (run.report, "byte order mark"), ==, 1);
  run_clear (&run);
}

/* GB18030, as Chinese Excel saves CSV: converted, and said so. */
static void
test_gb18030 (void)
{
  static const char utf8[] =
    "表1 各城市地区生产总值\r\n城市,地区生产总值（万元）,注\r\n深圳市,\"175,028,634\",\r\n"
    "东莞市,62750737e,初步数\r\n重庆市,..,\r\n";
  g_autoptr (GError) error = NULL;
  gsize written = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &written, &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Run run = {0};

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, (gssize) written, NULL));
  dir = g_dir_make_tmp ("crk-csv-table-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "gb.csv", NULL);
  g_assert_true (g_file_set_contents (path, gb, (gssize) written, &error));
  import (&run, path, 2015);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 3);
  assert_value (&run, "深圳市", "地区生产总值", "2015", 175028634, "B3");
  assert_value (&run, "东莞市", "地区生产总值", "2015", 62750737, "B4");
  assert_value (&run, "重庆市", "地区生产总值", "2015", NAN, "B5");
  g_assert_cmpstr (test_sink_find (&run.sink, "深圳市", "地区生产总值", "2015")->unit, ==, "万元");
  g_assert_cmpstr (test_sink_find (&run.sink, "东莞市", "地区生产总值", "2015")->note, ==, "e");
  g_assert_cmpuint (test_count_notices (run.report, "GB18030"), ==, 1);
  g_assert_cmpuint (test_count_notices (run.report, "gb!B4: "), ==, 1);
  run_clear (&run);
  g_unlink (path);
  g_rmdir (dir);
}

/* Broken files: an unclosed quote, bytes that are neither UTF-8 nor GB18030, located. */
static void
test_broken (void)
{
  g_autofree char *unclosed = fixture ("table-unclosed-quote.csv");
  g_autofree char *bad = fixture ("table-bad-encoding.csv");
  Run run = {0};
  const CrkProblem *p;

  import (&run, unclosed, 2020);
  g_assert_false (run.ok);
  g_assert_cmpuint (run.report->problems->len, ==, 1);
  p = g_ptr_array_index (run.report->problems, 0);
  g_assert_cmpint (p->line, ==, 2);
  g_assert_cmpint (p->column, ==, 1);
  run_clear (&run);

  import (&run, bad, 2020);
  g_assert_false (run.ok);
  g_assert_cmpuint (run.report->problems->len, ==, 1);
  p = g_ptr_array_index (run.report->problems, 0);
  g_assert_cmpint (p->line, ==, 2);
  g_assert_cmpint (p->column, ==, 3);
  run_clear (&run);
}

/* The file is detected as a CSV table by its suffix. */
static void
test_detect (void)
{
  g_autofree char *path = fixture ("table-pipe.csv");
  g_autoptr (GError) error = NULL;
  const CrkImporter *importer = crk_import_detect (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (importer);
  g_assert_cmpstr (importer->id, ==, "csv-table");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-table/yearbook-light", test_yearbook_light);
  g_test_add_func ("/csv-table/delimiters", test_delimiters);
  g_test_add_func ("/csv-table/quoting", test_quoting);
  g_test_add_func ("/csv-table/bom-crlf", test_bom_crlf);
  g_test_add_func ("/csv-table/gb18030", test_gb18030);
  g_test_add_func ("/csv-table/broken", test_broken);
  g_test_add_func ("/csv-table/detect", test_detect);
  return g_test_run ();
}
