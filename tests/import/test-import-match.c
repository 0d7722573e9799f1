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
#include "crk-model.h"

static void
count_cb (GObject *object,
          GParamSpec *pspec,
          guint *count)
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
  g_assert_nonnull (strstr (text, "      <name>Shenzhen</name>\n"
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
read_text (const char *cities,
           GPtrArray **problems)
{
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
                                           "  <metadata><years>2020</years></metadata>\n"
                                           "  <cities>\n%s  </cities>\n"
                                           "  <indicators><indicator code=\"GDP\"/></indicators>\n"
                                           "  <framework><node code=\"IDX\" weight=\"1\"><indicator-ref code=\"GDP\" weight=\"1\"/></node></framework>\n"
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
  g_autoptr (CrkDataset) a = read_text ("    <city code=\"SZ\"><name>Shenzhen</name><alias>深圳</alias><alias>深圳</alias></city>\n", &twice);
  g_autoptr (CrkDataset) b = read_text ("    <city code=\"SZ\"><alias>  </alias></city>\n", &empty);
  g_autoptr (CrkDataset) c = read_text ("    <city code=\"SZ\"><attribute name=\"size\">L</attribute><alias>深圳</alias></city>\n", &late);
  g_autoptr (CrkDataset) d = read_text ("    <city code=\"SZ\"><alias>深圳</alias></city>\n", &good);
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
    {"SZ", "Shenzhen", "深圳市"},
    {"YC_HL", "Yichun", "伊春市"},
    {"YC_JX", "Yichun", "宜春市"},
    {"HF", "Hefei", "合肥市"},
    {"XA", "Xi'an", "西安市"},
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
match_codes (CrkDataset *ds,
             const char *code,
             const char *name)
{
  g_autoptr (CrkCityMatcher) matcher = crk_city_matcher_new (ds);
  const char *names[] = {name, NULL};
  g_autoptr (GArray) found = crk_city_matcher_match (matcher, code, names);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? " " : "",
                            crk_city_get_code (crk_dataset_get_city (ds, g_array_index (found, guint, i))));
  return g_string_free (codes, FALSE);
}

static void
assert_match (CrkDataset *ds,
              const char *code,
              const char *name,
              const char *expected)
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

int
main (int argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-match/aliases/model", test_model);
  g_test_add_func ("/import-match/aliases/round-trip", test_round_trip);
  g_test_add_func ("/import-match/aliases/reader-refusals", test_reader_refusals);
  g_test_add_func ("/import-match/aliases/matcher", test_matcher);
  return g_test_run ();
}
