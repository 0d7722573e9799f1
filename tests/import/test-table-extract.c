/* test-table-extract.c: finding the table in a sheet (crk_table_extract), quirk by quirk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case builds a CrkSheetSet in code with one quirk of published tables (title rows,
 * a two-row header with merges, years as headers with 年, a long table, missing markers,
 * footnote marks, units in headers, numbers as text, totals) and checks the values one by
 * one. The last reads a real yearbook spreadsheet when a spreadsheet reader is built.
 */
#include "config.h"

#include "crk-import.h"
#include "table-sink.h"

/* Row @row of @sheet from @cells, NULL-terminated: "" skips a cell, "#N" is the number
 * N, anything else is text. */
static void
row (CrkSheet *sheet, guint r, ...)
{
  va_list args;
  const char *text;
  guint c = 0;

  va_start (args, r);
  while ((text = va_arg (args, const char *)) != NULL)
    {
      if (text[0] == '#')
        crk_sheet_add_number (sheet, r, c, g_ascii_strtod (text + 1, NULL), NULL);
      else if (text[0] != '\0')
        crk_sheet_add_text (sheet, r, c, g_strdup (text));
      c++;
    }
  va_end (args);
}

typedef struct
{
  TestSink sink;
  CrkImportReport *report;
  CrkImportOptions options;
  gboolean ok;
} Run;

static void
run_extract (Run *run, CrkSheetSet *set)
{
  test_sink_init (&run->sink);
  run->report = crk_import_report_new ();
  run->ok = crk_table_extract (set, "test.xlsx", &run->options, &run->sink.sink, run->report);
  test_print_problems (run->report);
}

static void
run_clear (Run *run)
{
  test_sink_clear (&run->sink);
  crk_import_report_free (run->report);
  crk_import_options_clear (&run->options);
  memset (&run->options, 0, sizeof run->options);
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

/* A merged title, a unit line, a note under the table; the period from the title. */
static void
test_title_rows (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "表1");
  Run run = {0};
  const TestObs *o;

  row (s, 0, "各城市主要指标（2020年）", NULL);
  crk_sheet_add_merged (s, 0, 0, 1, 3);
  row (s, 1, "单位：万元", NULL);
  row (s, 3, "城市", "GDP", "财政收入", NULL);
  row (s, 4, "北京市", "#100", "#20", NULL);
  row (s, 5, "上海市", "#110", "#30", NULL);
  row (s, 6, "资料来源：统计年鉴", NULL);
  row (s, 7, "注：2020年数据为初步核算数。", NULL);
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 4);
  assert_value (&run, "北京市", "GDP", "2020", 100, "B5");
  assert_value (&run, "上海市", "财政收入", "2020", 30, "C6");
  o = test_sink_find (&run.sink, "北京市", "GDP", "2020");
  g_assert_cmpstr (o->unit, ==, "万元");
  g_assert_cmpstr (o->sheet, ==, "表1");
  g_assert_cmpuint (test_count_notices (run.report, "表1!A1: "), ==, 1);
  run_clear (&run);

  /* default_year wins over the title; without either, an error */
  run.options.default_year = 2019;
  run_extract (&run, set);
  assert_value (&run, "北京市", "GDP", "2019", 100, "B5");
  run_clear (&run);
  {
    g_autoptr (CrkSheetSet) bare = crk_sheet_set_new ();
    CrkSheet *b = crk_sheet_set_add (bare, "Sheet1");

    row (b, 0, "City", "GDP", NULL);
    row (b, 1, "Rome", "#5", NULL);
    run_extract (&run, bare);
    g_assert_false (run.ok);
    g_assert_true (crk_import_report_failed (run.report));
    run_clear (&run);
  }
}

/* A two-row header: parents merged over children; years below a parent are periods. */
static void
test_two_row_header (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "Sheet1");
  Run run = {0};

  row (s, 0, "Table 2. Output and trade", NULL);
  row (s, 2, "City", "GDP", "", "Trade", "", NULL);
  row (s, 3, "", "#2019", "#2020", "EU", "World", NULL);
  crk_sheet_add_merged (s, 2, 0, 2, 1);
  crk_sheet_add_merged (s, 2, 1, 1, 2);
  crk_sheet_add_merged (s, 2, 3, 1, 2);
  row (s, 4, "Leeds", "#1.5", "#1.75", "#3", "#4", NULL);
  row (s, 5, "York", "#2.5", "#2.75", "#5", "#6", NULL);
  run.options.default_year = 2021;
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 8);
  assert_value (&run, "Leeds", "GDP", "2019", 1.5, "B5");
  assert_value (&run, "York", "GDP", "2020", 2.75, "C6");
  assert_value (&run, "Leeds", "Trade / EU", "2021", 3, "D5");
  assert_value (&run, "York", "Trade / World", "2021", 6, "E6");
  run_clear (&run);

  /* forced wide by indicator: the parent and the child make the indicator */
  run.options.default_year = 2021;
  run.options.layout = CRK_TABLE_LAYOUT_WIDE_INDICATORS;
  run_extract (&run, set);
  assert_value (&run, "Leeds", "GDP / 2020", "2021", 1.75, "C5");
  run_clear (&run);

  /* a CSV-like header: the parent written once, left of empty cells, no merges */
  {
    g_autoptr (CrkSheetSet) flat = crk_sheet_set_new ();
    CrkSheet *f = crk_sheet_set_add (flat, "Sheet1");

    row (f, 0, "City", "Population", "", NULL);
    row (f, 1, "", "2019", "2020", NULL);
    row (f, 2, "Leeds", "#10", "#11", NULL);
    run_extract (&run, flat);
    g_assert_true (run.ok);
    assert_value (&run, "Leeds", "Population", "2020", 11, "C3");
    run_clear (&run);
  }
}

/* Years as headers, with 年 and descending; the indicator from a 指标 line; empty cells. */
static void
test_wide_by_year (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "主要城市年度数据");
  Run run = {0};
  const TestObs *o;

  row (s, 0, "数据库：主要城市年度数据", NULL);
  row (s, 1, "指标：第一产业增加值(亿元)", NULL);
  row (s, 2, "时间：最近3年", NULL);
  row (s, 3, "地区", "2020年", "2019年", "2018年", NULL);
  row (s, 4, "北京", "#107.6", "#113.7", "", NULL);
  row (s, 5, "拉萨", "", "#12.5", "#11", NULL);
  crk_sheet_add_text (s, 4, 3, g_strdup ("")); /* an empty string, as NBS writes it */
  row (s, 6, "数据来源：国家统计局", NULL);
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 6);
  assert_value (&run, "北京", "第一产业增加值", "2020", 107.6, "B5");
  assert_value (&run, "北京", "第一产业增加值", "2018", NAN, "D5");
  assert_value (&run, "拉萨", "第一产业增加值", "2020", NAN, "B6");
  assert_value (&run, "拉萨", "第一产业增加值", "2018", 11, "D6");
  o = test_sink_find (&run.sink, "拉萨", "第一产业增加值", "2019");
  g_assert_cmpstr (o->unit, ==, "亿元");
  run_clear (&run);

  /* years as numbers, no indicator line: the sheet's name; --indicator names it */
  {
    g_autoptr (CrkSheetSet) ssp = crk_sheet_set_new ();
    CrkSheet *p = crk_sheet_set_add (ssp, "SSP1");

    row (p, 0, "region", "#2020", "#2025", NULL);
    row (p, 1, "Beijing", "#21893095", "#22302426.9514475", NULL);
    run_extract (&run, ssp);
    assert_value (&run, "Beijing", "SSP1", "2025", 22302426.9514475, "C2");
    run_clear (&run);
    run.options.indicator = g_strdup ("Population");
    run_extract (&run, ssp);
    assert_value (&run, "Beijing", "Population", "2020", 21893095, "B2");
    run_clear (&run);
  }
}

/* Long tables: period and value columns; period, indicator and value columns. */
static void
test_long (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "long");
  CrkSheet *t = crk_sheet_set_add (set, "long2");
  Run run = {0};

  row (s, 0, "City", "Year", "GDP", NULL);
  row (s, 1, "Wuhan", "#2019", "#1.5", NULL);
  row (s, 2, "Wuhan", "#2020", "#1.4", NULL);
  row (s, 3, "Xi'an", "#2020", "#1.0", NULL);
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 3);
  assert_value (&run, "Wuhan", "GDP", "2019", 1.5, "C2");
  assert_value (&run, "Xi'an", "GDP", "2020", 1.0, "C4");
  run_clear (&run);

  row (t, 0, "地区", "指标", "年份", "数值", NULL);
  row (t, 1, "武汉市", "地区生产总值（亿元）", "2019年", "#16223", NULL);
  row (t, 2, "武汉市", "常住人口（万人）", "2019年", "#1121", NULL);
  row (t, 3, "武汉市", "地区生产总值（亿元）", "2020年", "#15616", NULL);
  run.options.sheet = g_strdup ("long2");
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 3);
  assert_value (&run, "武汉市", "地区生产总值", "2020", 15616, "D4");
  assert_value (&run, "武汉市", "常住人口", "2019", 1121, "D3");
  g_assert_cmpstr (test_sink_find (&run.sink, "武汉市", "常住人口", "2019")->unit, ==, "万人");
  run_clear (&run);

  /* the options name the columns, by header and by letter; a sheet by number */
  run.options.sheet = g_strdup ("2");
  run.options.city = g_strdup ("A");
  run.options.indicator = g_strdup ("指标");
  run.options.period = g_strdup ("C");
  run.options.layout = CRK_TABLE_LAYOUT_LONG;
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 3);
  run_clear (&run);

  run.options.sheet = g_strdup ("no such sheet");
  run_extract (&run, set);
  g_assert_false (run.ok);
  g_assert_true (crk_import_report_failed (run.report));
  run_clear (&run);
}

/* Missing markers are missing, never zero; a zero is a zero. */
static void
test_missing (void)
{
  static const char *const markers[] = {"..", "-", "–", "n/a", "na", ":", "[c]", "x", " ", "nd"};
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "Sheet1");
  Run run = {0};

  row (s, 0, "Area", "Value", "Other", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Area %u", i);

      row (s, i + 1, name, markers[i], "#1", NULL);
    }
  row (s, 20, "Zero", "#0", "#0", NULL);
  run.options.default_year = 2020;
  run.options.missing = g_strsplit ("nd", ",", -1);
  run_extract (&run, set);
  g_assert_true (run.ok);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Area %u", i);

      assert_value (&run, name, "Value", "2020", NAN, NULL);
      assert_value (&run, name, "Other", "2020", 1, NULL);
    }
  assert_value (&run, "Zero", "Value", "2020", 0, "B21");
  g_assert_cmpuint (test_count_notices (run.report, "not a number"), ==, 0);
  run_clear (&run);
}

/* Footnote marks are stripped, the value kept, a notice at the cell; numbers as text. */
static void
test_footnotes_and_text_numbers (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "Data");
  Run run = {0};

  row (s, 0, "Region", "A", "B", NULL);
  row (s, 1, "North", "12.3e", "45*", NULL);
  row (s, 2, "South", "1,234.5p", "12.3①", NULL);
  row (s, 3, "East", "1,234", "1 234 567", NULL);
  row (s, 4, "West", "-7.5", "see note", NULL);
  run.options.default_year = 2020;
  run_extract (&run, set);
  g_assert_true (run.ok);
  assert_value (&run, "North", "A", "2020", 12.3, "B2");
  g_assert_cmpstr (test_sink_find (&run.sink, "North", "A", "2020")->note, ==, "e");
  assert_value (&run, "North", "B", "2020", 45, "C2");
  assert_value (&run, "South", "A", "2020", 1234.5, "B3");
  assert_value (&run, "South", "B", "2020", 12.3, "C3");
  g_assert_cmpstr (test_sink_find (&run.sink, "South", "B", "2020")->note, ==, "①");
  assert_value (&run, "East", "A", "2020", 1234, "B4");
  assert_value (&run, "East", "B", "2020", 1234567, "C4");
  g_assert_null (test_sink_find (&run.sink, "East", "A", "2020")->note);
  assert_value (&run, "West", "A", "2020", -7.5, "B5");
  assert_value (&run, "West", "B", "2020", NAN, "C5");
  g_assert_cmpuint (test_count_notices (run.report, "footnote"), ==, 4);
  g_assert_cmpuint (test_count_notices (run.report, "Data!B2: "), ==, 1);
  g_assert_cmpuint (test_count_notices (run.report, "Data!C3: "), ==, 1);
  g_assert_cmpuint (test_count_notices (run.report, "Data!C5: "), ==, 1);
  run_clear (&run);
}

/* Units in English and Chinese headers leave the indicator's name. */
static void
test_units (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "Sheet1");
  Run run = {0};

  row (s, 0, "City", "GDP (10,000 yuan)", "地区生产总值（万元）", "Share [%]", "Count (2019)",
       NULL);
  row (s, 1, "深圳市", "#175028634", "#1", "#2.5", "#3", NULL);
  run.options.default_year = 2015;
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpstr (test_sink_find (&run.sink, "深圳市", "GDP", "2015")->unit, ==, "10,000 yuan");
  g_assert_cmpstr (test_sink_find (&run.sink, "深圳市", "地区生产总值", "2015")->unit, ==, "万元");
  g_assert_cmpstr (test_sink_find (&run.sink, "深圳市", "Share", "2015")->unit, ==, "%");
  /* a period in brackets is no unit */
  g_assert_null (test_sink_find (&run.sink, "深圳市", "Count (2019)", "2015")->unit);
  assert_value (&run, "深圳市", "GDP", "2015", 175028634, "B2");
  run_clear (&run);
}

/* Totals rows are kept and reported; padded Chinese names lose their padding. */
static void
test_totals (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s = crk_sheet_set_add (set, "Sheet1");
  Run run = {0};

  row (s, 0, "地   区", "支出", NULL);
  row (s, 1, "全国", "#300", NULL);
  row (s, 2, " 北  京", "#100", NULL);
  row (s, 3, "合计", "#300", NULL);
  row (s, 4, "Total", "#300", NULL);
  row (s, 5, "", "#300", NULL); /* values without a label */
  run.options.default_year = 2021;
  run_extract (&run, set);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.sink.obs->len, ==, 4);
  assert_value (&run, "北京", "支出", "2021", 100, "B3");
  assert_value (&run, "全国", "支出", "2021", 300, "B2");
  assert_value (&run, "Total", "支出", "2021", 300, "B5");
  g_assert_cmpuint (test_count_notices (run.report, "total"), ==, 3);
  g_assert_cmpuint (test_count_notices (run.report, "no label"), ==, 1);
  run_clear (&run);
}

/* No table: an empty sheet, a sheet of numbers only. */
static void
test_no_table (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *s;
  Run run = {0};

  crk_sheet_set_add (set, "empty");
  s = crk_sheet_set_add (set, "numbers");
  row (s, 0, "#1", "#2", NULL);
  row (s, 1, "#3", "#4", NULL);
  run_extract (&run, set);
  g_assert_false (run.ok);
  g_assert_cmpuint (run.report->problems->len, ==, 1);
  run_clear (&run);
}

/* The first sheet with a table: a notes sheet comes first. */
static void
test_first_sheet_with_table (void)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  CrkSheet *notes = crk_sheet_set_add (set, "Notes");
  CrkSheet *s = crk_sheet_set_add (set, "Data");
  Run run = {0};

  row (notes, 0, "About these data", NULL);
  row (notes, 2, "Published 2020", NULL);
  row (s, 0, "City", "Jobs", NULL);
  row (s, 1, "Leeds", "#12", NULL);
  run.options.default_year = 2020;
  run_extract (&run, set);
  g_assert_true (run.ok);
  assert_value (&run, "Leeds", "Jobs", "2020", 12, "B2");
  g_assert_cmpstr (test_sink_find (&run.sink, "Leeds", "Jobs", "2020")->sheet, ==, "Data");
  run_clear (&run);
}

/* A real yearbook table through a spreadsheet reader, when one is built. */
static void
test_real_spreadsheet (void)
{
  const CrkImporter *xlsx = crk_importer_lookup ("xlsx");
  g_autofree char *path =
    g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "spreadsheets",
                      "nbs_7-6_public_budget_expenditure_2021.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  Run run = {0};

  if (xlsx == NULL)
    {
      g_test_skip ("no xlsx importer is built");
      return;
    }
  test_sink_init (&run.sink);
  run.report = crk_import_report_new ();
  run.ok = crk_import_file (path, xlsx, &run.options, &run.sink.sink, run.report, NULL, &error);
  test_print_problems (run.report);
  g_assert_no_error (error);
  g_assert_true (run.ok);
  /* 32 rows (地方合计 and 31 provinces) × 25 categories */
  g_assert_cmpuint (run.sink.obs->len, ==, 32 * 25);
  /* the empty strings: 26 in column D (外交支出), 8 in column S */
  {
    guint missing = 0;

    for (guint i = 0; i < run.sink.obs->len; i++)
      missing += isnan (((TestObs *) g_ptr_array_index (run.sink.obs, i))->value);
    g_assert_cmpuint (missing, ==, 34);
  }
  /* the period from the title (2021年), the unit from 单位：亿元, padded names cleaned */
  assert_value (&run, "北京", "合计", "2021", 7205.1201000000001, "B9");
  assert_value (&run, "北京", "一般公共", "2021", 532.65440000000001, "C9");
  assert_value (&run, "北京", "外交支出", "2021", NAN, "D9");
  assert_value (&run, "重庆", "外交支出", "2021", 0.40799999999999997, "D34");
  assert_value (&run, "新疆", "其他支出", "2021", 53.582900000000002, "Z44");
  assert_value (&run, "地方合计", "合计", "2021", 210623.04, "B7");
  g_assert_cmpstr (test_sink_find (&run.sink, "北京", "一般公共", "2021")->unit, ==, "亿元");
  g_assert_cmpuint (test_count_notices (run.report, "地方合计"), ==, 1);
  run_clear (&run);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-extract/title-rows", test_title_rows);
  g_test_add_func ("/table-extract/two-row-header", test_two_row_header);
  g_test_add_func ("/table-extract/wide-by-year", test_wide_by_year);
  g_test_add_func ("/table-extract/long", test_long);
  g_test_add_func ("/table-extract/missing", test_missing);
  g_test_add_func ("/table-extract/footnotes-text-numbers", test_footnotes_and_text_numbers);
  g_test_add_func ("/table-extract/units", test_units);
  g_test_add_func ("/table-extract/totals", test_totals);
  g_test_add_func ("/table-extract/no-table", test_no_table);
  g_test_add_func ("/table-extract/first-sheet-with-table", test_first_sheet_with_table);
  g_test_add_func ("/table-extract/real-spreadsheet", test_real_spreadsheet);
  return g_test_run ();
}
