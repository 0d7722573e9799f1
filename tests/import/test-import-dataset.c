/* test-import-dataset.c: the sinks of an import (a new dataset, into an open dataset, the
 * long CSV table) and the matching of city names, fed with observations directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-import-csv-sink.h"
#include "crk-import-dataset.h"
#include "crk-io-limits.h"
#include "crk-model.h"

/* Feeds one observation at a line and column (@line > 0) or a cell ("Sheet1!B7"). */
static gboolean
feed (CrkImportSink *sink,
      const char *key,
      const char *indicator,
      const char *period,
      double value,
      const char *status,
      const char *unit,
      const char *note,
      int line,
      const char *cell)
{
  g_auto (GStrv) parts = cell != NULL ? g_strsplit (cell, "!", 2) : NULL;
  CrkObservation obs = {
    key,
    indicator,
    period,
    value,
    status,
    unit,
    note,
    0,
    line,
    line > 0 ? 3 : 0,
    parts != NULL ? parts[0] : NULL,
    parts != NULL ? parts[1] : NULL,
  };

  return sink->observation (sink, &obs);
}

static void
assert_messages (GPtrArray *list, const char *const *expected)
{
  guint n = 0;

  for (; expected[n] != NULL; n++)
    {
      g_autofree char *text = NULL;
      CrkProblem *p;

      g_assert_cmpuint (n, <, list->len);
      p = g_ptr_array_index (list, n);
      text = crk_import_problem_to_string (p, "error");
      g_assert_cmpstr (text, ==, expected[n]);
    }
  if (n != list->len)
    {
      g_autofree char *text = crk_import_problem_to_string (g_ptr_array_index (list, n), "error");

      g_error ("one more: %s", text);
    }
}

/* A new dataset */

static void
test_new_dataset (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;
  g_autoptr (CrkDataset) back = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  CrkFrameworkNode *root;
  CrkCity *sz;
  CrkIndicator *gdp;
  gsize length;

  crk_import_dataset_begin_file (import, "a.xml", report);
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "440300", "Shenzhen", "en");
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "440300", "深圳市", NULL);
  sink->label (sink, CRK_IMPORT_ROLE_INDICATOR, "GDP", "Gross domestic product", NULL);
  g_assert_true (
    feed (sink, "440300", "GDP", "2020", 0.1 + 0.2, "E", "万元", "UNIT_MULT=4", 2, NULL));
  g_assert_true (feed (sink, "440300", "GDP", "2019-A1", 27670.24, "A", NULL, NULL, 3, NULL));
  g_assert_true (feed (sink, "440100", "GDP", "2020", -0.0, "P", "万元", NULL, 4, NULL));
  g_assert_true (feed (sink, "440100", "POP", "2018", NAN, "na", NULL, NULL, 5, NULL));
  g_assert_true (
    feed (sink, "440100", "POP", "2020", 1.7976931348623157e308, NULL, "persons", NULL, 6, NULL));
  crk_import_dataset_end_file (import);
  /* a label after the values still names the city */
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "440100", "广州市", "zh");
  ds = crk_import_dataset_finish (import, report);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_nonnull (ds);

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 3); /* 2018 has only a missing value */
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2018);
  sz = crk_dataset_lookup_city (ds, "440300");
  g_assert_cmpstr (crk_city_get_name (sz), ==, "Shenzhen");
  g_assert_cmpstr (crk_city_get_name_zh (sz), ==, "深圳市");
  g_assert_null (crk_city_get_name (crk_dataset_lookup_city (ds, "440100")));
  g_assert_cmpstr (crk_city_get_name_zh (crk_dataset_lookup_city (ds, "440100")), ==, "广州市");
  gdp = crk_dataset_lookup_indicator (ds, "GDP");
  g_assert_cmpstr (crk_indicator_get_name (gdp), ==, "Gross domestic product");
  g_assert_cmpstr (crk_indicator_get_unit (gdp), ==, "万元");
  g_assert_cmpstr (crk_indicator_get_unit (crk_dataset_lookup_indicator (ds, "POP")), ==,
                   "persons");
  /* values exactly as read */
  g_assert_true (crk_dataset_get_value (ds, 0, 0, 2) == 0.1 + 0.2);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 0, 0, 2), ==, CRK_VALUE_STATUS_ESTIMATED);
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 0, 0, 2), ==, "UNIT_MULT=4");
  g_assert_true (crk_dataset_get_value (ds, 0, 0, 1) == 27670.24);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 0, 0, 1), ==, CRK_VALUE_STATUS_OBSERVED);
  g_assert_true (crk_dataset_get_value (ds, 1, 0, 2) == 0.0 &&
                 signbit (crk_dataset_get_value (ds, 1, 0, 2)));
  g_assert_cmpint (crk_dataset_get_value_status (ds, 1, 0, 2), ==, CRK_VALUE_STATUS_ESTIMATED);
  g_assert_true (crk_dataset_get_value (ds, 1, 1, 2) == 1.7976931348623157e308);
  g_assert_true (isnan (crk_dataset_get_value (ds, 1, 1, 0)));
  g_assert_cmpuint (crk_dataset_get_n_held_values (ds), ==, 4);

  /* one flat framework */
  root = crk_dataset_get_framework (ds);
  g_assert_cmpstr (crk_framework_node_get_code (root), ==, "INDEX");
  g_assert_cmpuint (crk_framework_node_get_n_children (root), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      CrkFrameworkNode *leaf = crk_framework_node_get_child (root, i);

      g_assert_cmpfloat (crk_framework_node_get_weight (leaf), ==, 1.0);
      g_assert_true (crk_framework_node_get_indicator (leaf) == crk_dataset_get_indicator (ds, i));
    }

  /* what the writer writes, the reader (schema and rules) takes back, values and all */
  text = crk_dataset_write_to_string (ds, &length);
  back = crk_dataset_read_from_memory (text, length, "import.cityrank.xml", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (crk_dataset_get_value (back, 0, 0, 2) == 0.1 + 0.2);
  g_assert_cmpstr (crk_dataset_get_value_note (back, 0, 0, 2), ==, "UNIT_MULT=4");
}

static void
test_frequencies (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;
  const char *quarters[] = {"2021-Q4", "2020-Q2", "2020Q1",  "2021-Q1",
                            "2020-Q3", "2020-Q4", "2021-Q2", "2021-Q3"};
  const char *const expected[] = {
    "q.xml:2:3: error: 8 quarterly observations (2020Q1 … 2021-Q4); the dataset takes annual data",
    "q.xml:20:3: error: 1 monthly observation (2020-01 … 2020-01); the dataset takes annual data",
    "s.xml:Data!C4: error: 2 daily observations (2019-12-31 … 2020-01-31T00:00:00); the dataset "
    "takes annual data",
    NULL,
  };

  crk_import_dataset_begin_file (import, "q.xml", report);
  g_assert_true (feed (sink, "A", "X", "2020", 1, NULL, NULL, NULL, 1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    g_assert_true (feed (sink, "A", "X", quarters[i], i, NULL, NULL, NULL, 2 + i, NULL));
  g_assert_true (feed (sink, "A", "X", "2020-01", 1, NULL, NULL, NULL, 20, NULL));
  crk_import_dataset_end_file (import);
  crk_import_dataset_begin_file (import, "s.xml", report);
  g_assert_true (feed (sink, "A", "X", "2020-01-31T00:00:00", 1, NULL, NULL, NULL, 0, "Data!C4"));
  g_assert_true (feed (sink, "A", "X", "2019-12-31", 1, NULL, NULL, NULL, 0, "Data!C5"));
  ds = crk_import_dataset_finish (import, report);
  g_assert_null (ds);
  assert_messages (report->problems, expected);
}

static void
test_refusals (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autofree char *long_key = g_strnfill (201, 'k');
  const char *const expected[] = {
    "a.xml:3:3: error: a second value of “X” for “A” in 2020; the first is at a.xml:1:3",
    "a.xml:4:3: error: the indicator “X” is in “%” here and in “kg” at a.xml:1:3; one indicator "
    "takes one unit",
    "a.xml:5:3: error: “2020-13” is not a period",
    "a.xml:6:3: error: the city key “ �” is empty, longer than 200 characters or holds control "
    "characters",
    "a.xml:7:3: error: the city key "
    "“kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…” is empty, longer than 200 "
    "characters or holds control characters",
    "a.xml:8:3: error: the indicator “a�b” is empty, longer than 200 characters or holds control "
    "characters",
    "b.xlsx:Sheet 1!AA10: error: a second value of “X” for “B C” in 2021; the first is at "
    "a.xml:9:3",
    NULL,
  };

  crk_import_dataset_begin_file (import, "a.xml", report);
  g_assert_true (feed (sink, "A", "X", "2020", 1, NULL, "kg", NULL, 1, NULL));
  g_assert_true (feed (sink, "A", "X", "2021", NAN, NULL, NULL, NULL, 2, NULL));
  g_assert_true (feed (sink, "A", "X", "2020", 1, NULL, NULL, NULL, 3, NULL));
  g_assert_true (feed (sink, "A", "X", "2021", 2, NULL, "%", NULL, 4, NULL));
  g_assert_true (feed (sink, "A", "X", "2020-13", 2, NULL, NULL, NULL, 5, NULL));
  g_assert_true (feed (sink, " \t", "X", "2020", 2, NULL, NULL, NULL, 6, NULL));
  g_assert_true (feed (sink, long_key, "X", "2020", 2, NULL, NULL, NULL, 7, NULL));
  g_assert_true (feed (sink, "A",
                       "a\x01"
                       "b",
                       "2020", 2, NULL, NULL, NULL, 8, NULL));
  /* blanks in a key are collapsed: "B  C" and "B C" are one city */
  g_assert_true (feed (sink, " B  C", "X", "2021", 3, NULL, NULL, NULL, 9, NULL));
  crk_import_dataset_end_file (import);
  crk_import_dataset_begin_file (import, "b.xlsx", report);
  g_assert_true (feed (sink, "B C", "X", "2021", 3, NULL, NULL, NULL, 0, "Sheet 1!AA10"));
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_messages (report->problems, expected);
}

static void
test_nothing (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  const char *const expected[] = {"e.xml: error: no annual observation to import", NULL};

  crk_import_dataset_begin_file (import, "e.xml", report);
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_messages (report->problems, expected);
}

/* A budget of 256 KiB: the import stops with the place of the value over it. */
static void
test_budget (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  gboolean going = TRUE;
  int i;

  crk_io_set_memory_limit (256 * 1024);
  crk_import_dataset_begin_file (import, "big.xml", report);
  for (i = 0; going && i < 100000; i++)
    {
      g_autofree char *key = g_strdup_printf ("C%d", i % 1000);
      g_autofree char *ind = g_strdup_printf ("I%d", i / 1000);

      going = feed (sink, key, ind, "2020", i, NULL, NULL, NULL, i + 1, NULL);
    }
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  g_assert_false (going);
  g_assert_cmpint (i, <, 20000);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpint (((CrkProblem *) g_ptr_array_index (report->problems, 0))->code, ==,
                   CRK_IMPORT_ERROR_HOSTILE);
  g_assert_cmpint (((CrkProblem *) g_ptr_array_index (report->problems, 0))->line, ==, i);
  g_assert_true (strstr (((CrkProblem *) g_ptr_array_index (report->problems, 0))->message,
                         "more than the limit") != NULL);
  g_assert_false (feed (sink, "C", "I", "2020", 1, NULL, NULL, NULL, 1, NULL));
  g_assert_null (crk_import_dataset_finish (import, report));
}

/* Matching city names */

static CrkDataset *
open_dataset (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("IDX", "Index");
  g_autoptr (CrkFrameworkNode) leaf = crk_framework_node_new ("GDP", NULL);
  g_autoptr (CrkIndicator) gdp = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  const char *cities[][3] = {
    {"SHENZHEN", "Shenzhen", "深圳市"},
    {"YICHUN_HL", "Yichun", "伊春市"},
    {"YICHUN_JX", "Yichun", "宜春市"},
    {"XILINGOL", "Xilingol", "锡林郭勒盟"},
    {"YANBIAN", "Yanbian", "延边朝鲜族自治州"},
    {"ALI", "Ngari", "阿里地区"},
    {"XIAN", "Xi'an", "西安市"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autoptr (CrkCity) city = crk_city_new (cities[i][0], cities[i][1]);

      crk_city_set_name_zh (city, cities[i][2]);
      if (g_str_equal (cities[i][0], "XIAN"))
        crk_city_set_attribute (city, "pinyin", "Xi’an");
      crk_dataset_add_city (ds, city);
    }
  crk_indicator_set_unit (gdp, "万元");
  crk_dataset_add_indicator (ds, gdp);
  crk_framework_node_append_child (root, leaf);
  crk_dataset_set_framework (ds, root);
  crk_dataset_add_year (ds, 2019);
  crk_dataset_set_value (ds, 0, 0, 0, 100, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 1, 0, 0, 5, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_modified (ds, FALSE);
  return ds;
}

static void
test_name_key (void)
{
  const char *cases[][2] = {
    {"深圳市", "深圳"},
    {"深圳", "深圳"},
    {"Shenzhen", "shenzhen"},
    {"SHENZHEN", "shenzhen"},
    {"Shenzhen City", "shenzhen"},
    {"  shenzhen   CITY ", "shenzhen"},
    {"ＳＨＥＮＺＨＥＮ", "shenzhen"},
    {"锡林郭勒盟", "锡林郭勒"},
    {"延边朝鲜族自治州", "延边朝鲜族"},
    {"阿里地区", "阿里"},
    {"市", "市"},
    {"City", "city"},
    {"Hong  Kong", "hong kong"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = crk_city_name_key (cases[i][0]);

      g_assert_cmpstr (key, ==, cases[i][1]);
    }
  g_assert_null (crk_city_name_key (""));
  g_assert_null (crk_city_name_key ("  "));
  g_assert_null (crk_city_name_key ("\xff"));
  g_assert_null (crk_city_name_key (NULL));
}

static void
assert_match (CrkCityMatcher *matcher, const char *code, const char *name, const char *expected)
{
  const char *names[] = {name, NULL};
  g_autoptr (GArray) found = crk_city_matcher_match (matcher, code, names);
  g_autoptr (GString) codes = g_string_new (NULL);
  g_autoptr (CrkDataset) ds = open_dataset ();

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (
      codes, "%s%s", i > 0 ? " " : "",
      crk_city_get_code (crk_dataset_get_city (ds, g_array_index (found, guint, i))));
  g_assert_cmpstr (codes->str, ==, expected);
}

static void
test_matcher (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkCityMatcher) m = crk_city_matcher_new (ds);

  assert_match (m, "深圳市", NULL, "SHENZHEN");
  assert_match (m, "深圳", NULL, "SHENZHEN");
  assert_match (m, "Shenzhen", NULL, "SHENZHEN");
  assert_match (m, "SHENZHEN", NULL, "SHENZHEN");
  assert_match (m, "Shenzhen City", NULL, "SHENZHEN");
  assert_match (m, "440300", "深圳市", "SHENZHEN");
  assert_match (m, "YICHUN_JX", "伊春市", "YICHUN_JX"); /* the code first */
  assert_match (m, "Yichun", NULL, "YICHUN_HL YICHUN_JX");
  assert_match (m, "Yichun", "伊春", "YICHUN_HL");
  assert_match (m, "伊春市", "宜春市", "YICHUN_HL YICHUN_JX");
  assert_match (m, "锡林郭勒", NULL, "XILINGOL");
  assert_match (m, "延边朝鲜族自治州", NULL, "YANBIAN");
  assert_match (m, "阿里", NULL, "ALI");
  assert_match (m, "XI’AN", NULL, "XIAN");
  assert_match (m, "xi'an", NULL, "XIAN");
  assert_match (m, "Beijing", "北京市", "");
  assert_match (m, "", NULL, "");
}

/* Into an open dataset */

static CrkDataset *
import_into (CrkDataset *ds, gboolean replace, CrkImportReport *report)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, replace);
  CrkImportSink *sink = crk_import_dataset_get_sink (import);

  crk_import_dataset_begin_file (import, "t.xlsx", report);
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "440300", "深圳市", NULL);
  sink->label (sink, CRK_IMPORT_ROLE_INDICATOR, "POP", "Population", "en");
  g_assert_true (
    feed (sink, "440300", "GDP", "2019", 100, NULL, "万元", NULL, 0, "S!B2")); /* the same */
  g_assert_true (
    feed (sink, "440300", "GDP", "2020", 120, "E", NULL, "e", 0, "S!C2")); /* a new year */
  g_assert_true (feed (sink, "伊春", "GDP", "2019", 6, NULL, NULL, NULL, 0, "S!B3")); /* a change */
  g_assert_true (
    feed (sink, "Xilingol", "POP", "2019", 1.1, NULL, "万人", NULL, 0, "S!B4")); /* new indicator */
  crk_import_dataset_end_file (import);
  return crk_import_dataset_finish (import, report);
}

static void
test_into (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkImportReport) again = crk_import_report_new ();
  g_autoptr (CrkDataset) result = import_into (ds, FALSE, report);
  g_autoptr (CrkDataset) replaced = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) back = NULL;
  g_autofree char *text = NULL;
  CrkFrameworkNode *root;
  gsize length;
  const char *const refused[] = {
    "t.xlsx:S!B3: error: refused: the value of “GDP” for “YICHUN_HL” in 2019 would change from 5 "
    "to 6",
    NULL,
  };

  g_assert_null (result);
  assert_messages (report->problems, refused);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1); /* nothing changed */
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 1);
  g_assert_false (crk_dataset_get_modified (ds));

  replaced = import_into (ds, TRUE, again);
  g_assert_true (replaced == ds);
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->notices->len, ==, 1);
  g_assert_cmpstr (((CrkProblem *) g_ptr_array_index (again->notices, 0))->message, ==,
                   "S!B3: the value of “GDP” for “YICHUN_HL” in 2019 changed from 5 to 6");
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 7);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 0), ==, 100);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 1), ==, 120);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 0, 0, 1), ==, CRK_VALUE_STATUS_ESTIMATED);
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 0, 0, 1), ==, "e");
  g_assert_cmpfloat (crk_dataset_get_value (ds, 1, 0, 0), ==, 6);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 3, 1, 0), ==, 1.1);
  g_assert_cmpstr (crk_indicator_get_name (crk_dataset_get_indicator (ds, 1)), ==, "Population");
  g_assert_cmpstr (crk_indicator_get_unit (crk_dataset_get_indicator (ds, 1)), ==, "万人");
  root = crk_dataset_get_framework (ds);
  g_assert_cmpstr (crk_framework_node_get_code (root), ==, "IDX");
  g_assert_cmpuint (crk_framework_node_get_n_children (root), ==, 2);
  g_assert_cmpfloat (crk_framework_node_get_weight (crk_framework_node_get_child (root, 1)), ==,
                     1.0);
  g_assert_true (crk_framework_node_get_indicator (crk_framework_node_get_child (root, 1)) ==
                 crk_dataset_get_indicator (ds, 1));

  text = crk_dataset_write_to_string (ds, &length);
  back = crk_dataset_read_from_memory (text, length, "into.cityrank.xml", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

static void
test_into_unmatched (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  const char *const expected[] = {
    "u.csv:2:3: error: no city of the dataset matches “Beijing”",
    "u.csv:3:3: error: “Yichun” matches 2 cities of the dataset: Yichun / 伊春市 (YICHUN_HL), "
    "Yichun / 宜春市 (YICHUN_JX)",
    "u.csv:5:3: error: “深圳” and “SHENZHEN CITY” both match the city Shenzhen / 深圳市 (SHENZHEN) "
    "of the dataset",
    "u.csv:6:3: error: the indicator “GDP” is in “亿元” here and in “万元” in the dataset",
    NULL,
  };

  crk_import_dataset_begin_file (import, "u.csv", report);
  g_assert_true (feed (sink, "Beijing", "GDP", "2019", 1, NULL, NULL, NULL, 2, NULL));
  g_assert_true (feed (sink, "Yichun", "GDP", "2019", 1, NULL, NULL, NULL, 3, NULL));
  g_assert_true (feed (sink, "深圳", "GDP", "2018", 1, NULL, NULL, NULL, 4, NULL));
  g_assert_true (feed (sink, "SHENZHEN CITY", "GDP", "2017", 1, NULL, NULL, NULL, 5, NULL));
  g_assert_true (feed (sink, "Ngari", "GDP", "2017", 1, NULL, "亿元", NULL, 6, NULL));
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_messages (report->problems, expected);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);
}

/* The long CSV table */

static char *
csv_of (CrkImportCsvSink **out_sink, GOutputStream *stream, gboolean feed_rows)
{
  g_autoptr (CrkImportCsvSink) csv = crk_import_csv_sink_new (stream);
  CrkImportSink *sink = crk_import_csv_sink_get_sink (csv);
  g_autoptr (GError) error = NULL;

  if (feed_rows)
    {
      g_assert_true (feed (sink, "440300", "GDP", "2020", 0.1, "E", NULL, NULL, 1, NULL));
      g_assert_true (
        feed (sink, "Hong Kong, China", "say \"hi\"", "2020-Q1", NAN, NULL, NULL, NULL, 1, NULL));
      g_assert_true (feed (sink, "a\nb", "X", "2020", -1e-300, NULL, NULL, NULL, 1, NULL));
      g_assert_true (
        feed (sink, "深圳市", "X", "2020", 12345678901234567890.0, NULL, NULL, NULL, 1, NULL));
    }
  g_assert_true (crk_import_csv_sink_finish (csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crk_import_csv_sink_get_n_rows (csv), ==, feed_rows ? 4 : 0);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  (void) out_sink;
  return g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_csv_sink (void)
{
  g_autoptr (GOutputStream) a = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) b = g_memory_output_stream_new_resizable ();
  g_autofree char *rows = csv_of (NULL, a, TRUE);
  g_autofree char *empty = csv_of (NULL, b, FALSE);

  g_assert_cmpstr (rows, ==,
                   "key,indicator,period,value\n"
                   "440300,GDP,2020,0.10000000000000001\n"
                   "\"Hong Kong, China\",\"say \"\"hi\"\"\",2020-Q1,\n"
                   "\"a\nb\",X,2020,-1e-300\n"
                   "深圳市,X,2020,1.2345678901234567e+19\n");
  g_assert_cmpstr (empty, ==, "key,indicator,period,value\n");
}

/* Many rows through a small buffer, and a stream that fails: the import is stopped and
 * finish says why. */
static void
test_csv_sink_stream (void)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (CrkImportCsvSink) csv = crk_import_csv_sink_new (out);
  g_autoptr (GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr (CrkImportCsvSink) failing = NULL;
  CrkImportSink *sink = crk_import_csv_sink_get_sink (csv);
  g_autoptr (GError) error = NULL;
  gboolean going = TRUE;
  guint n;

  for (n = 0; n < 100000; n++)
    g_assert_true (feed (sink, "K", "I", "2020", n, NULL, NULL, NULL, 1, NULL));
  g_assert_true (crk_import_csv_sink_finish (csv, NULL, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==,
                    strlen ("key,indicator,period,value\n") + 100000 * strlen ("K,I,2020,") +
                      488890 + 100000);

  g_output_stream_close (closed, NULL, NULL);
  failing = crk_import_csv_sink_new (closed);
  sink = crk_import_csv_sink_get_sink (failing);
  for (n = 0; going && n < 100000; n++)
    going = feed (sink, "K", "I", "2020", n, NULL, NULL, NULL, 1, NULL);
  g_assert_false (going);
  g_assert_false (crk_import_csv_sink_finish (failing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-dataset/new", test_new_dataset);
  g_test_add_func ("/import-dataset/frequencies", test_frequencies);
  g_test_add_func ("/import-dataset/refusals", test_refusals);
  g_test_add_func ("/import-dataset/nothing", test_nothing);
  g_test_add_func ("/import-dataset/budget", test_budget);
  g_test_add_func ("/import-dataset/name-key", test_name_key);
  g_test_add_func ("/import-dataset/matcher", test_matcher);
  g_test_add_func ("/import-dataset/into", test_into);
  g_test_add_func ("/import-dataset/into-unmatched", test_into_unmatched);
  g_test_add_func ("/import-dataset/csv-sink", test_csv_sink);
  g_test_add_func ("/import-dataset/csv-sink-stream", test_csv_sink_stream);
  return g_test_run ();
}
