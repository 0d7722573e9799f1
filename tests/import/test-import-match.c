/* test-import-match.c: city aliases (the model, the native format, the matcher), the
 * user's matching choices when adding into a dataset (KEY=CODE, KEY=, saved as aliases),
 * and what the import tells the window afterwards: the matches, the summary, the changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-import-dataset.h"
#include "crk-io-limits.h"
#include "crk-model.h"
#include "report-text.h"

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The aliases joined with "|". */
static char *
joined (CrkCity *city)
{
  return g_strjoinv ("|", (char **) crk_city_get_aliases (city));
}

/* Aliases in the model */

static void
test_model (void)
{
  g_autoptr (CrkCity) city = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  const char *const set[] = {"Pengcheng", "", "深圳", "Pengcheng", "Shenzhen Shi", NULL};
  g_auto (GStrv) property = NULL;
  guint notified = 0;
  char *text;

  g_signal_connect (city, "notify::aliases", G_CALLBACK (count_cb), &notified);
  g_assert_nonnull (crk_city_get_aliases (city));
  g_assert_null (crk_city_get_aliases (city)[0]);

  g_assert_true (crk_city_add_alias (city, "深圳"));
  g_assert_false (crk_city_add_alias (city, "深圳")); /* already there */
  g_assert_false (crk_city_add_alias (city, ""));
  g_assert_true (crk_city_add_alias (city, "SHENZHEN")); /* compared exactly */
  g_assert_cmpuint (notified, ==, 2);
  text = joined (city);
  g_assert_cmpstr (text, ==, "深圳|SHENZHEN");
  g_free (text);

  /* replaced: empty texts and repeats left out, the order kept */
  crk_city_set_aliases (city, set);
  g_assert_cmpuint (notified, ==, 3);
  text = joined (city);
  g_assert_cmpstr (text, ==, "Pengcheng|深圳|Shenzhen Shi");
  g_free (text);
  crk_city_set_aliases (city, set); /* the same: no notification */
  g_assert_cmpuint (notified, ==, 3);
  /* from its own list */
  crk_city_set_aliases (city, crk_city_get_aliases (city));
  g_assert_cmpuint (notified, ==, 3);
  g_object_get (city, "aliases", &property, NULL);
  g_assert_cmpuint (g_strv_length (property), ==, 3);
  g_assert_cmpstr (property[2], ==, "Shenzhen Shi");

  /* a city of a dataset: the dataset is modified */
  crk_dataset_add_city (ds, city);
  crk_dataset_set_modified (ds, FALSE);
  g_assert_true (crk_city_add_alias (city, "Shenzhen City"));
  g_assert_true (crk_dataset_get_modified (ds));

  crk_city_set_aliases (city, NULL);
  g_assert_null (crk_city_get_aliases (city)[0]);
  g_assert_cmpuint (notified, ==, 5);
}

/* Aliases in the native format */

static void
test_round_trip (void)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (CrkCity) sz = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (CrkCity) hf = crk_city_new ("HF", NULL);
  g_autoptr (CrkCity) xa = crk_city_new ("XA", "Xi'an");
  const char *const aliases[] = {"深圳", "Shenzhen Shi", "Peng<cheng> & \"co\"", NULL};
  g_autoptr (CrkDataset) back = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *list = NULL;
  gsize length;

  crk_city_set_aliases (sz, aliases);
  crk_city_add_alias (hf, "合肥");
  crk_dataset_add_city (ds, sz);
  crk_dataset_add_city (ds, hf);
  crk_dataset_add_city (ds, xa);
  text = crk_dataset_write_to_string (ds, &length);
  /* after the names, before the attributes; a city with only an alias is not empty */
  g_assert_nonnull (strstr (text,
                            "      <name>Shenzhen</name>\n"
                            "      <alias>深圳</alias>\n"
                            "      <alias>Shenzhen Shi</alias>\n"
                            "      <alias>Peng&lt;cheng&gt; &amp; \"co\"</alias>\n"));
  g_assert_nonnull (strstr (text, "<city code=\"HF\">\n      <alias>合肥</alias>\n    </city>"));
  g_assert_null (strstr (text, "<city code=\"XA\">\n      <alias"));

  back = crk_dataset_read_from_memory (text, length, "aliases.cityrank.xml", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (problems->len, ==, 0);
  list = joined (crk_dataset_lookup_city (back, "SZ"));
  g_assert_cmpstr (list, ==, "深圳|Shenzhen Shi|Peng<cheng> & \"co\"");
  g_assert_cmpstr (crk_city_get_aliases (crk_dataset_lookup_city (back, "HF"))[0], ==, "合肥");
  g_assert_null (crk_city_get_aliases (crk_dataset_lookup_city (back, "XA"))[0]);
  /* the same bytes again */
  again = crk_dataset_write_to_string (back, &length);
  g_assert_cmpstr (again, ==, text);
}

static CrkDataset *
read_text (const char *cities, GPtrArray **problems)
{
  g_autofree char *text =
    g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
                     "  <metadata><years>2020</years></metadata>\n"
                     "  <cities>\n%s  </cities>\n"
                     "  <indicators><indicator code=\"GDP\"/></indicators>\n"
                     "  <framework><node code=\"IDX\" weight=\"1\"><indicator-ref code=\"GDP\" "
                     "weight=\"1\"/></node></framework>\n"
                     "  <values/>\n"
                     "</dataset>\n",
                     cities);
  g_autoptr (GError) error = NULL;

  return crk_dataset_read_from_memory (text, strlen (text), "a.cityrank.xml", problems, &error);
}

static void
test_reader_refusals (void)
{
  g_autoptr (GPtrArray) twice = NULL;
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GPtrArray) good = NULL;
  g_autoptr (CrkDataset) a = read_text (
    "    <city code=\"SZ\"><name>Shenzhen</name><alias>深圳</alias><alias>深圳</alias></city>\n",
    &twice);
  g_autoptr (CrkDataset) b = read_text ("    <city code=\"SZ\"><alias>  </alias></city>\n", &empty);
  g_autoptr (CrkDataset) c = read_text (
    "    <city code=\"SZ\"><attribute name=\"size\">L</attribute><alias>深圳</alias></city>\n",
    &late);
  g_autoptr (CrkDataset) d =
    read_text ("    <city code=\"SZ\"><alias>深圳</alias></city>\n", &good);
  CrkProblem *p;

  g_assert_null (a);
  g_assert_cmpuint (twice->len, ==, 1);
  p = g_ptr_array_index (twice, 0);
  g_assert_cmpstr (p->message, ==, "the alias “深圳” of the city “SZ” is given twice");
  g_assert_cmpint (p->line, ==, 5);
  g_assert_null (b); /* the schema: a non-empty token */
  g_assert_cmpuint (empty->len, >=, 1);
  g_assert_null (c); /* the schema's order: names, aliases, attributes */
  g_assert_cmpuint (late->len, >=, 1);
  g_assert_nonnull (d);
  g_assert_cmpuint (good->len, ==, 0);
}

/* The matcher takes aliases as names */

static CrkDataset *
open_dataset (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("IDX", "Index");
  g_autoptr (CrkFrameworkNode) leaf = crk_framework_node_new ("GDP", NULL);
  g_autoptr (CrkIndicator) gdp = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  const char *cities[][3] = {
    {"SZ", "Shenzhen", "深圳市"}, {"YC_HL", "Yichun", "伊春市"}, {"YC_JX", "Yichun", "宜春市"},
    {"HF", "Hefei", "合肥市"},    {"XA", "Xi'an", "西安市"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autoptr (CrkCity) city = crk_city_new (cities[i][0], cities[i][1]);

      crk_city_set_name_zh (city, cities[i][2]);
      crk_dataset_add_city (ds, city);
    }
  crk_framework_node_append_child (root, leaf);
  crk_dataset_add_indicator (ds, gdp);
  crk_dataset_set_framework (ds, root);
  crk_dataset_add_year (ds, 2019);
  crk_dataset_set_value (ds, 0, 0, 0, 100, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 3, 0, 0, 50, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_modified (ds, FALSE);
  return ds;
}

static char *
match_codes (CrkDataset *ds, const char *code, const char *name)
{
  g_autoptr (CrkCityMatcher) matcher = crk_city_matcher_new (ds);
  const char *names[] = {name, NULL};
  g_autoptr (GArray) found = crk_city_matcher_match (matcher, code, names);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (
      codes, "%s%s", i > 0 ? " " : "",
      crk_city_get_code (crk_dataset_get_city (ds, g_array_index (found, guint, i))));
  return g_string_free (codes, FALSE);
}

static void
assert_match (CrkDataset *ds, const char *code, const char *name, const char *expected)
{
  g_autofree char *codes = match_codes (ds, code, name);

  g_assert_cmpstr (codes, ==, expected);
}

static void
test_matcher (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();

  assert_match (ds, "Pengcheng", NULL, "");
  assert_match (ds, "Xian", NULL, "");
  crk_city_add_alias (crk_dataset_get_city (ds, 0), "Pengcheng");
  crk_city_add_alias (crk_dataset_get_city (ds, 4), "Xian");
  crk_city_add_alias (crk_dataset_get_city (ds, 4), "Chang'an");
  /* compared as names are: case, width and the administrative suffixes left out */
  assert_match (ds, "Pengcheng", NULL, "SZ");
  assert_match (ds, "PENGCHENG CITY", NULL, "SZ");
  assert_match (ds, "ｐｅｎｇｃｈｅｎｇ", NULL, "SZ");
  assert_match (ds, "610100", "Xian", "XA");
  assert_match (ds, "chang'an", NULL, "XA");
  /* an alias that another city's name is: both */
  crk_city_add_alias (crk_dataset_get_city (ds, 3), "Yichun");
  assert_match (ds, "Yichun", NULL, "YC_HL YC_JX HF");
  /* a code is a code, not an alias */
  assert_match (ds, "HF", "Pengcheng", "HF");
}

/* Matching choices */

/* Feeds one observation at a line of @file's. */
static void
feed (CrkImportSink *sink,
      const char *key,
      const char *indicator,
      const char *period,
      double value,
      int line)
{
  CrkObservation obs = {key, indicator, period, value, NULL, NULL, NULL, 0, line, 1, NULL, NULL};

  g_assert_true (sink->observation (sink, &obs));
}

static const CrkImportMatch *
match_at (CrkImportDataset *import, guint i)
{
  const GPtrArray *matches = crk_import_dataset_get_matches (import);

  g_assert_cmpuint (i, <, matches->len);
  return g_ptr_array_index ((GPtrArray *) matches, i);
}

/* @candidates: the codes of the candidates, " "-separated */
static void
assert_match_is (CrkImportDataset *import,
                 CrkDataset *ds,
                 guint i,
                 const char *key,
                 CrkImportMatchKind kind,
                 const char *city,
                 const char *candidates)
{
  const CrkImportMatch *m = match_at (import, i);
  g_autoptr (GString) codes = g_string_new (NULL);

  g_assert_cmpstr (m->key, ==, key);
  g_assert_cmpint (m->kind, ==, kind);
  if (city == NULL)
    g_assert_cmpuint (m->city, ==, G_MAXUINT);
  else
    g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, m->city)), ==, city);
  g_assert_nonnull (m->candidates);
  for (guint j = 0; j < m->candidates->len; j++)
    g_string_append_printf (
      codes, "%s%s", j > 0 ? " " : "",
      crk_city_get_code (crk_dataset_get_city (ds, g_array_index (m->candidates, guint, j))));
  g_assert_cmpstr (codes->str, ==, candidates);
}

static void
test_choices (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkDataset) result = NULL;
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_auto (GStrv) matches = g_strsplit ("Yichun=YC_JX|Xian Shi=XA| Beijing = ", "|", -1);
  CrkImportOptions options = {.matches = matches, .save_aliases = TRUE};
  CrkImportSummary summary;
  g_autofree char *aliases = NULL;

  crk_import_dataset_set_options (import, &options);
  g_free (matches[0]);
  matches[0] = g_strdup ("changed after"); /* the options were copied */
  crk_import_dataset_begin_file (import, "c.csv", report);
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "440300", "深圳市", NULL);
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "610100", "Xian Shi", "en");
  sink->label (sink, CRK_IMPORT_ROLE_CITY, "610100", "西安", "zh");
  feed (sink, "HF", "GDP", "2020", 60, 2);      /* by code */
  feed (sink, "440300", "GDP", "2020", 110, 3); /* by its Chinese label */
  feed (sink, "Yichun", "GDP", "2020", 7, 4);   /* ambiguous, chosen */
  feed (sink, "610100", "GDP", "2020", 9, 5);   /* chosen by its English label */
  feed (sink, "Beijing", "GDP", "2020", 1, 6);  /* skipped */
  feed (sink, "Beijing", "POP", "2020", 2, 7);
  feed (sink, "HF", "GDP", "2019", 50, 8); /* the same value */
  crk_import_dataset_end_file (import);
  result = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  g_assert_true (result == ds);
  assert_problems (report->notices,
                   "c.csv:6:1: x: “Beijing” skipped by choice: its values are not added\n"
                   "c.csv:5:1: x: “610100” saved as an alias of the city Xi'an / 西安市 (XA)\n"
                   "c.csv:5:1: x: “Xian Shi” saved as an alias of the city Xi'an / 西安市 (XA)\n");

  g_assert_cmpuint (crk_import_dataset_get_matches (import)->len, ==, 5);
  assert_match_is (import, ds, 0, "HF", CRK_IMPORT_MATCH_CODE, "HF", "");
  assert_match_is (import, ds, 1, "440300", CRK_IMPORT_MATCH_NAME, "SZ", "");
  g_assert_cmpstr (match_at (import, 1)->name_zh, ==, "深圳市");
  g_assert_null (match_at (import, 1)->name);
  assert_match_is (import, ds, 2, "Yichun", CRK_IMPORT_MATCH_CHOSEN, "YC_JX", "");
  assert_match_is (import, ds, 3, "610100", CRK_IMPORT_MATCH_CHOSEN, "XA", "");
  g_assert_cmpstr (match_at (import, 3)->name, ==, "Xian Shi");
  g_assert_cmpstr (match_at (import, 3)->name_zh, ==, "西安");
  assert_match_is (import, ds, 4, "Beijing", CRK_IMPORT_MATCH_SKIPPED, NULL, "");

  /* the values of the matched keys, none of the skipped one's */
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 5);
  g_assert_null (crk_dataset_lookup_indicator (ds, "POP"));
  g_assert_cmpfloat (crk_dataset_get_value (ds, 2, 0, 1), ==, 7);
  g_assert_true (isnan (crk_dataset_get_value (ds, 1, 0, 1)));
  g_assert_cmpfloat (crk_dataset_get_value (ds, 4, 0, 1), ==, 9);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 1), ==, 110);
  /* the names of the chosen key that matching did not know: not "西安" (西安市's key) */
  aliases = joined (crk_dataset_get_city (ds, 4));
  g_assert_cmpstr (aliases, ==, "610100|Xian Shi");
  g_assert_null (crk_city_get_aliases (crk_dataset_get_city (ds, 2))[0]); /* "Yichun" is its name */

  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_cities, ==, 5);
  g_assert_cmpuint (summary.n_indicators, ==, 2);
  g_assert_cmpuint (summary.n_years, ==, 2);
  g_assert_cmpuint (summary.n_values, ==, 7);
  g_assert_cmpuint (summary.n_missing, ==, 0);
  g_assert_cmpuint (summary.n_new_indicators, ==, 0); /* POP: only the skipped key has it */
  g_assert_cmpuint (summary.n_new_years, ==, 1);
  g_assert_cmpuint (summary.n_new_values, ==, 4); /* HF, SZ, YC_JX, XA in 2020 */
  g_assert_cmpuint (summary.n_changed_values, ==, 0);
  g_assert_cmpuint (summary.n_same_values, ==, 1);
  g_assert_cmpuint (crk_import_dataset_get_changes (import)->len, ==, 0);

  /* again into what that made: the aliases match the key now, no choice needed */
  {
    g_autoptr (CrkImportDataset) again = crk_import_dataset_new (ds, FALSE);
    g_autoptr (CrkImportReport) second = crk_import_report_new ();
    g_autoptr (CrkDataset) same = NULL;

    sink = crk_import_dataset_get_sink (again);
    crk_import_dataset_begin_file (again, "d.csv", second);
    feed (sink, "XIAN SHI", "GDP", "2020", 9, 2);
    crk_import_dataset_end_file (again);
    same = crk_import_dataset_finish (again, second);
    assert_problems (second->problems, "");
    g_assert_nonnull (same);
    assert_match_is (again, ds, 0, "XIAN SHI", CRK_IMPORT_MATCH_NAME, "XA", "");
  }
}

static void
test_choice_errors (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_auto (GStrv) matches = g_strsplit (
    "nonsense|=SZ|Shenzhen=NOPE|Nowhere=SZ|Yichun=YC_HL|YICHUN=YC_JX|SHENZHEN CITY=SZ", "|", -1);
  CrkImportOptions options = {.matches = matches};
  CrkImportSummary summary;

  crk_import_dataset_set_options (import, &options);
  crk_import_dataset_begin_file (import, "e.csv", report);
  feed (sink, "深圳", "GDP", "2019", 100, 2);
  feed (sink, "Yichun", "GDP", "2019", 5, 3);
  feed (sink, "SHENZHEN CITY", "GDP", "2018", 1, 4);
  feed (sink, "Beijing", "GDP", "2019", 1, 5);
  feed (sink, "伊春", "GDP", "2019", 6, 6); /* the first choice for Yichun took its city */
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_problems (
    report->problems,
    "e.csv: x: the matching choice “nonsense” is not KEY=CITYCODE\n"
    "e.csv: x: the matching choice “=SZ” is not KEY=CITYCODE\n"
    "e.csv: x: the matching choice “Shenzhen=NOPE” names no city of the dataset\n"
    "e.csv: x: the matching choice “Nowhere=SZ” names no key of the import\n"
    "e.csv: x: the matching choices “Yichun=YC_HL” and “YICHUN=YC_JX” disagree about “Yichun”\n"
    "e.csv:2:1: x: “SHENZHEN CITY” and “深圳” both match the city Shenzhen / 深圳市 (SZ) of the "
    "dataset\n"
    "e.csv:5:1: x: no city of the dataset matches “Beijing”\n"
    "e.csv:6:1: x: “Yichun” and “伊春” both match the city Yichun / 伊春市 (YC_HL) of the "
    "dataset\n");
  assert_match_is (import, ds, 0, "深圳", CRK_IMPORT_MATCH_TAKEN, NULL, "SZ");
  assert_match_is (import, ds, 1, "Yichun", CRK_IMPORT_MATCH_CHOSEN, "YC_HL", "");
  assert_match_is (import, ds, 2, "SHENZHEN CITY", CRK_IMPORT_MATCH_CHOSEN, "SZ", "");
  assert_match_is (import, ds, 3, "Beijing", CRK_IMPORT_MATCH_NONE, NULL, "");
  assert_match_is (import, ds, 4, "伊春", CRK_IMPORT_MATCH_TAKEN, NULL, "YC_HL");
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_changed_values, ==, 0); /* 伊春 and 深圳 are left out */
  g_assert_cmpuint (summary.n_new_values, ==, 2);     /* SHENZHEN CITY in 2018, Yichun in 2019 */
  g_assert_cmpuint (summary.n_same_values, ==, 0);
  g_assert_false (crk_dataset_get_modified (ds));
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);
}

/* An ambiguous key without a choice; the matches are there even when the import failed
 * before matching (a unit refused while reading). */
static void
test_ambiguous_after_failure (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  CrkObservation kg = {"HF", "GDP", "2020", 1, NULL, "kg", NULL, 0, 2, 1, NULL, NULL};
  CrkObservation t = {"HF", "GDP", "2021", 1, NULL, "t", NULL, 0, 3, 1, NULL, NULL};
  CrkImportSummary summary;

  crk_import_dataset_begin_file (import, "f.csv", report);
  g_assert_true (sink->observation (sink, &kg));
  g_assert_true (sink->observation (sink, &t));
  feed (sink, "Yichun", "GDP", "2020", 3, 4);
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  /* only the refusal of reading: nothing more is reported */
  assert_problems (report->problems,
                   "f.csv:3:1: x: the indicator “GDP” is in “t” here and in “kg” at f.csv:2:1; one "
                   "indicator takes one unit\n");
  assert_match_is (import, ds, 0, "HF", CRK_IMPORT_MATCH_CODE, "HF", "");
  assert_match_is (import, ds, 1, "Yichun", CRK_IMPORT_MATCH_AMBIGUOUS, NULL, "YC_HL YC_JX");
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_new_values, ==, 1);
  g_assert_cmpuint (summary.n_new_years, ==, 1); /* 2021: its value was refused */
}

static void
test_choices_need_into (void)
{
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (NULL, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_auto (GStrv) matches = g_strsplit ("A=", "|", -1);
  CrkImportOptions options = {.matches = matches};
  CrkImportSummary summary;

  crk_import_dataset_set_options (import, &options);
  crk_import_dataset_begin_file (import, "n.csv", report);
  feed (sink, "A", "X", "2020", 1, 2);
  feed (sink, "B", "X", "2020", NAN, 3);
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_problems (report->problems,
                   "n.csv: x: the matching choice “A=” needs a dataset to add into\n");
  g_assert_cmpuint (crk_import_dataset_get_matches (import)->len, ==, 0);
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_cities, ==, 2);
  g_assert_cmpuint (summary.n_values, ==, 1);
  g_assert_cmpuint (summary.n_missing, ==, 1);
  g_assert_cmpuint (summary.n_new_values, ==, 0);
}

/* The changes, refused then replaced */
static CrkDataset *
import_changes (CrkDataset *ds, gboolean replace, CrkImportReport *report, CrkImportDataset **out)
{
  CrkImportDataset *import = crk_import_dataset_new (ds, replace);
  CrkImportSink *sink = crk_import_dataset_get_sink (import);

  crk_import_dataset_begin_file (import, "g.csv", report);
  feed (sink, "HF", "GDP", "2019", 55.5, 2);
  feed (sink, "SZ", "GDP", "2019", 100, 3);
  feed (sink, "SZ", "GDP", "2018", 90, 4);
  crk_import_dataset_end_file (import);
  *out = import;
  return crk_import_dataset_finish (import, report);
}

static void
test_changes (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportReport) refused = crk_import_report_new ();
  g_autoptr (CrkImportReport) replaced = crk_import_report_new ();
  g_autoptr (CrkImportDataset) first = NULL;
  g_autoptr (CrkImportDataset) second = NULL;
  g_autoptr (CrkDataset) none = import_changes (ds, FALSE, refused, &first);
  g_autoptr (CrkDataset) done = NULL;
  const CrkImportChange *change;
  CrkImportSummary summary;

  g_assert_null (none);
  assert_problems (
    refused->problems,
    "g.csv:2:1: x: refused: the value of “GDP” for “HF” in 2019 would change from 50 to 55.5\n");
  g_assert_cmpuint (crk_import_dataset_get_changes (first)->len, ==, 1);
  crk_import_dataset_get_summary (first, &summary);
  g_assert_cmpuint (summary.n_changed_values, ==, 1);
  g_assert_cmpuint (summary.n_same_values, ==, 1);
  g_assert_cmpuint (summary.n_new_values, ==, 1);
  g_assert_cmpuint (summary.n_new_years, ==, 1);
  g_assert_false (crk_dataset_get_modified (ds));
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);

  done = import_changes (ds, TRUE, replaced, &second);
  g_assert_true (done == ds);
  assert_problems (replaced->problems, "");
  assert_problems (replaced->notices,
                   "g.csv:2:1: x: the value of “GDP” for “HF” in 2019 changed from 50 to 55.5\n");
  g_assert_cmpfloat (crk_dataset_get_value (ds, 3, 0, crk_dataset_lookup_year (ds, 2019)), ==,
                     55.5);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, crk_dataset_lookup_year (ds, 2018)), ==, 90);
  g_assert_cmpuint (crk_import_dataset_get_changes (second)->len, ==, 1);
  change = g_ptr_array_index ((GPtrArray *) crk_import_dataset_get_changes (second), 0);
  g_assert_cmpstr (change->city, ==, "HF");
  g_assert_cmpstr (change->indicator, ==, "GDP");
  g_assert_cmpint (change->year, ==, 2019);
  g_assert_cmpfloat (change->old_value, ==, 50);
  g_assert_cmpfloat (change->new_value, ==, 55.5);
}

static void
test_changes_replaced (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, TRUE);
  g_autoptr (CrkDataset) result = NULL;
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  const CrkImportChange *change;
  CrkImportSummary summary;

  crk_import_dataset_begin_file (import, "h.csv", report);
  feed (sink, "SZ", "GDP", "2019", 101.25, 2);
  feed (sink, "HF", "GDP", "2019", 49, 3);
  feed (sink, "XA", "GDP", "2019", 12, 4);
  crk_import_dataset_end_file (import);
  result = crk_import_dataset_finish (import, report);
  g_assert_true (result == ds);
  assert_problems (report->notices,
                   "h.csv:2:1: x: the value of “GDP” for “SZ” in 2019 changed from 100 to 101.25\n"
                   "h.csv:3:1: x: the value of “GDP” for “HF” in 2019 changed from 50 to 49\n");
  g_assert_cmpuint (crk_import_dataset_get_changes (import)->len, ==, 2);
  change = g_ptr_array_index ((GPtrArray *) crk_import_dataset_get_changes (import), 1);
  g_assert_cmpstr (change->city, ==, "HF");
  g_assert_cmpfloat (change->old_value, ==, 50);
  g_assert_cmpfloat (change->new_value, ==, 49);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 3, 0, 0), ==, 49);
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_changed_values, ==, 2);
  g_assert_cmpuint (summary.n_new_values, ==, 1);
  g_assert_cmpuint (summary.n_new_years, ==, 0);
  g_assert_cmpuint (summary.n_new_indicators, ==, 0);
}

/* A key holding "=": the choice splits at its last one. */
static void
test_choice_key_with_equals (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_auto (GStrv) matches = g_strsplit ("REF_AREA=CN.HF=HF", "|", -1);
  CrkImportOptions options = {.matches = matches};
  g_autoptr (CrkDataset) result = NULL;

  crk_import_dataset_set_options (import, &options);
  crk_import_dataset_begin_file (import, "k.csv", report);
  feed (sink, "REF_AREA=CN.HF", "GDP", "2020", 61, 2);
  crk_import_dataset_end_file (import);
  result = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  g_assert_true (result == ds);
  assert_match_is (import, ds, 0, "REF_AREA=CN.HF", CRK_IMPORT_MATCH_CHOSEN, "HF", "");
}

/* The matches of many keys under a small budget: refused, saying so, nothing else. */
static void
test_matches_budget (void)
{
  g_autoptr (CrkDataset) ds = open_dataset ();
  g_autoptr (CrkImportDataset) import = crk_import_dataset_new (ds, FALSE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  CrkProblem *p;

  crk_import_dataset_begin_file (import, "m.csv", report);
  for (int i = 0; i < 5000; i++)
    {
      g_autofree char *key = g_strdup_printf ("K%d", i);

      feed (sink, key, "GDP", "2020", i, i + 2);
    }
  crk_import_dataset_end_file (import);
  crk_io_set_memory_limit (800 * 1024);
  g_assert_null (crk_import_dataset_finish (import, report));
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  g_assert_cmpuint (report->problems->len, ==, 1);
  p = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_true (g_str_has_prefix (p->message, "Matching the cities would take "));
  g_assert_cmpuint (crk_import_dataset_get_matches (import)->len, ==, 0);
  g_assert_false (crk_dataset_get_modified (ds));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-match/aliases/model", test_model);
  g_test_add_func ("/import-match/aliases/round-trip", test_round_trip);
  g_test_add_func ("/import-match/aliases/reader-refusals", test_reader_refusals);
  g_test_add_func ("/import-match/aliases/matcher", test_matcher);
  g_test_add_func ("/import-match/choices/applied", test_choices);
  g_test_add_func ("/import-match/choices/errors", test_choice_errors);
  g_test_add_func ("/import-match/choices/need-into", test_choices_need_into);
  g_test_add_func ("/import-match/matches/after-failure", test_ambiguous_after_failure);
  g_test_add_func ("/import-match/changes/refused", test_changes);
  g_test_add_func ("/import-match/changes/replaced", test_changes_replaced);
  g_test_add_func ("/import-match/choices/key-with-equals", test_choice_key_with_equals);
  g_test_add_func ("/import-match/matches/budget", test_matches_budget);
  return g_test_run ();
}
