/* test-worldbank.c: World Bank XML, the Indicators API answers and the bulk download
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures (tests/import/fixtures/wb-*) are written after the API's and the bulk
 * download's shapes; every observation and label is checked, one by one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-import.h"

extern const CrkImporter crk_importer_worldbank;

typedef struct
{
  char *key, *indicator, *period, *status, *unit;
  double value;
  int line;
} Obs;

typedef struct
{
  CrkImportSink sink;
  GArray *obs;        /* Obs */
  GHashTable *labels; /* "city:CODE" or "indicator:CODE" → name */
  guint n_labels;
  guint stop_after; /* 0: never */
} Collect;

static void
obs_clear (gpointer data)
{
  Obs *o = data;

  g_free (o->key);
  g_free (o->indicator);
  g_free (o->period);
  g_free (o->status);
  g_free (o->unit);
}

static gboolean
collect_observation (CrkImportSink *sink, const CrkObservation *observation)
{
  Collect *c = (Collect *) sink;
  Obs o = {
    g_strdup (observation->key),
    g_strdup (observation->indicator),
    g_strdup (observation->period),
    g_strdup (observation->status),
    g_strdup (observation->unit),
    observation->value,
    observation->line,
  };

  g_assert_true (g_utf8_validate (o.key, -1, NULL));
  g_array_append_val (c->obs, o);
  return c->stop_after == 0 || c->obs->len < c->stop_after;
}

static void
collect_label (CrkImportSink *sink,
               CrkImportRole role,
               const char *code,
               const char *name,
               const char *lang)
{
  Collect *c = (Collect *) sink;

  g_assert_true (role == CRK_IMPORT_ROLE_CITY || role == CRK_IMPORT_ROLE_INDICATOR);
  g_hash_table_insert (
    c->labels, g_strdup_printf ("%s:%s", role == CRK_IMPORT_ROLE_CITY ? "city" : "indicator", code),
    g_strdup (name));
  c->n_labels++;
}

static void
collect_init (Collect *c)
{
  c->sink.observation = collect_observation;
  c->sink.label = collect_label;
  c->sink.shape = NULL;
  c->obs = g_array_new (FALSE, TRUE, sizeof (Obs));
  g_array_set_clear_func (c->obs, obs_clear);
  c->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->n_labels = 0;
  c->stop_after = 0;
}

static void
collect_clear (Collect *c)
{
  g_array_unref (c->obs);
  g_hash_table_unref (c->labels);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "fixtures", name, NULL);
}

/* Reads @name; returns what the importer returned. */
static gboolean
import (const char *name, Collect *c, CrkImportReport *report)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = crk_importer_worldbank.read (path, &(CrkImportOptions){0}, &c->sink, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ok, ==, !crk_import_report_failed (report));
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (report->problems, i));

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_test_message ("%s", text);
    }
  for (guint i = 0; i < report->notices->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (report->notices, i));

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_test_message ("notice: %s", text);
    }
  return ok;
}

static void
check_obs (Collect *c,
           guint i,
           const char *key,
           const char *indicator,
           const char *period,
           double value,
           const char *status,
           const char *unit)
{
  const Obs *o;

  g_assert_cmpuint (i, <, c->obs->len);
  o = &g_array_index (c->obs, Obs, i);
  g_assert_cmpstr (o->key, ==, key);
  g_assert_cmpstr (o->indicator, ==, indicator);
  g_assert_cmpstr (o->period, ==, period);
  if (isnan (value))
    g_assert_true (isnan (o->value));
  else
    g_assert_cmpfloat (o->value, ==, value);
  g_assert_cmpstr (o->status, ==, status);
  g_assert_cmpstr (o->unit, ==, unit);
  g_assert_cmpint (o->line, >, 0);
}

static void
check_label (Collect *c, const char *what, const char *name)
{
  g_assert_cmpstr (g_hash_table_lookup (c->labels, what), ==, name);
}

/* The problem @i of @list is at @line and says @text. */
static void
check_problem (GPtrArray *list, guint i, int line, CrkImportError code, const char *text)
{
  CrkProblem *p;

  g_assert_cmpuint (i, <, list->len);
  p = g_ptr_array_index (list, i);
  if (line >= 0)
    g_assert_cmpint (p->line, ==, line);
  g_assert_cmpint (p->code, ==, code);
  g_assert_nonnull (strstr (p->message, text));
}

static void
test_api_page (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  const char *gdp = "NY.GDP.PCAP.CD", *urb = "SP.URB.TOTL.IN.ZS";
  Collect c;

  collect_init (&c);
  g_assert_true (import ("wb-api-page.xml", &c, report));
  g_assert_cmpuint (report->notices->len, ==, 0);
  g_assert_cmpuint (c.obs->len, ==, 12);
  check_obs (&c, 0, "CHN", gdp, "2019", 10143.8381955, NULL, NULL);
  check_obs (&c, 1, "CHN", gdp, "2018", 9905.40638270, NULL, NULL);
  check_obs (&c, 2, "IND", gdp, "2019", 2050.16393, NULL, NULL);
  check_obs (&c, 3, "IND", gdp, "2018", 1974.37788, NULL, NULL);
  check_obs (&c, 4, "ARB", gdp, "2019", 6439.52, NULL, NULL);
  check_obs (&c, 5, "XK", gdp, "2019", 4416.1, NULL, NULL); /* no countryiso3code: the id */
  check_obs (&c, 6, "CHN", urb, "2019", 60.308, NULL, NULL);
  check_obs (&c, 7, "CHN", urb, "2018", 59.152, NULL, NULL);
  check_obs (&c, 8, "IND", urb, "2019", 34.472, NULL, NULL);
  check_obs (&c, 9, "IND", urb, "2018", 34.03, "E", NULL);
  check_obs (&c, 10, "ARB", urb, "2019", NAN, NULL, NULL); /* <wb:value /> */
  check_obs (&c, 11, "XK", urb, "2019", NAN, NULL, "%");   /* <wb:value></wb:value> */
  g_assert_cmpint (g_array_index (c.obs, Obs, 0).line, ==, 3);
  g_assert_cmpint (g_array_index (c.obs, Obs, 11).line, ==, 113);

  g_assert_cmpuint (g_hash_table_size (c.labels), ==, 6);
  check_label (&c, "city:CHN", "China");
  check_label (&c, "city:IND", "India");
  check_label (&c, "city:ARB", "Arab World");
  check_label (&c, "city:XK", "Kosovo");
  check_label (&c, "indicator:NY.GDP.PCAP.CD", "GDP per capita (current US$)");
  check_label (&c, "indicator:SP.URB.TOTL.IN.ZS", "Urban population (% of total population)");
  /* a label is given again only when it changes: 4 countries twice, 2 indicators */
  g_assert_cmpuint (c.n_labels, <=, 12);
  collect_clear (&c);
}

static void
test_api_multipage (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  Collect c;

  collect_init (&c);
  g_assert_true (import ("wb-api-multipage.xml", &c, report));
  g_assert_cmpuint (c.obs->len, ==, 2);
  check_obs (&c, 0, "CHN", "CPTOTSAXN", "2012M01", 101.2345, NULL, NULL);
  check_obs (&c, 1, "CHN", "CPTOTSAXN", "2013Q1", -0.005, NULL, NULL);
  check_label (&c, "city:CHN", "中国");
  check_label (&c, "indicator:CPTOTSAXN", "消费者价格指数，经季节性调整");
  g_assert_cmpuint (c.n_labels, ==, 2);
  g_assert_cmpuint (report->notices->len, ==, 1);
  check_problem (report->notices, 0, 0, CRK_IMPORT_ERROR_INVALID, "page 1 of 3");
  check_problem (report->notices, 0, 0, CRK_IMPORT_ERROR_INVALID, "2 records of 6");
  check_problem (report->notices, 0, 0, CRK_IMPORT_ERROR_INVALID, "per_page=6");
  collect_clear (&c);
}

static void
test_bulk (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  const char *gni = "NY.GNP.PCAP.CD";
  Collect c;

  collect_init (&c);
  g_assert_true (import ("wb-bulk.xml", &c, report));
  g_assert_cmpuint (report->notices->len, ==, 0);
  g_assert_cmpuint (c.obs->len, ==, 4);
  check_obs (&c, 0, "ABW", gni, "1960", NAN, NULL, NULL);
  check_obs (&c, 1, "ABW", gni, "2019", 29350, NULL, NULL);
  check_obs (&c, 2, "AFE", gni, "2019", 1491.46183368357, NULL, NULL);
  check_obs (&c, 3, "AFG", gni, "2020", 540, NULL, NULL); /* fields in another order */
  g_assert_cmpint (g_array_index (c.obs, Obs, 1).line, ==, 10);
  check_label (&c, "city:ABW", "Aruba");
  check_label (&c, "city:AFE", "Africa Eastern and Southern");
  check_label (&c, "city:AFG", "Afghanistan");
  check_label (&c, "indicator:NY.GNP.PCAP.CD", "GNI per capita, Atlas method (current US$)");
  collect_clear (&c);
}

static void
test_error_answer (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  Collect c;

  collect_init (&c);
  g_assert_false (import ("wb-error.xml", &c, report));
  g_assert_cmpuint (c.obs->len, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  check_problem (report->problems, 0, 3, CRK_IMPORT_ERROR_INVALID,
                 "The provided parameter value is not valid");
  check_problem (report->problems, 0, 3, CRK_IMPORT_ERROR_INVALID, "message 120, “Invalid value”");
  collect_clear (&c);
}

static void
test_bad_records (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  Collect c;

  collect_init (&c);
  g_assert_false (import ("wb-bad-record.xml", &c, report));
  g_assert_cmpuint (report->problems->len, ==, 3);
  check_problem (report->problems, 0, 3, CRK_IMPORT_ERROR_INVALID,
                 "the value “1,234” is not a number");
  check_problem (report->problems, 1, 10, CRK_IMPORT_ERROR_INVALID, "the date “2015-2019”");
  check_problem (report->problems, 2, 17, CRK_IMPORT_ERROR_INVALID, "no country");
  /* the good record still goes through */
  g_assert_cmpuint (c.obs->len, ==, 1);
  check_obs (&c, 0, "IND", "EN.POP.DNST", "2019", 464.1, NULL, NULL);
  collect_clear (&c);
}

static void
test_hostile (void)
{
  static const struct
  {
    const char *file;
    int line;
    CrkImportError code;
    const char *text;
    guint n_obs; /* streamed before the problem (the import fails all the same) */
  } cases[] = {
    {"wb-doctype.xml", 3, CRK_IMPORT_ERROR_HOSTILE, "DOCTYPE", 0},
    {"wb-truncated.xml", 17, CRK_IMPORT_ERROR_MALFORMED, "not well-formed XML", 1},
    {"wb-bad-utf8.xml", 5, CRK_IMPORT_ERROR_MALFORMED, "UTF-8", 0},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CrkImportReport) report = crk_import_report_new ();
      Collect c;

      collect_init (&c);
      g_test_message ("%s", cases[i].file);
      g_assert_false (import (cases[i].file, &c, report));
      g_assert_cmpuint (report->problems->len, ==, 1);
      check_problem (report->problems, 0, cases[i].line, cases[i].code, cases[i].text);
      g_assert_cmpuint (c.obs->len, ==, cases[i].n_obs);
      collect_clear (&c);
    }
}

static void
test_sink_stops (void)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  Collect c;

  collect_init (&c);
  c.stop_after = 3;
  g_assert_false (import ("wb-api-page.xml", &c, report));
  g_assert_cmpuint (c.obs->len, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 1);
  check_problem (report->problems, 0, 23, CRK_IMPORT_ERROR_INVALID, "stopped");
  collect_clear (&c);
}

static void
test_sniff (void)
{
  static const struct
  {
    const char *file;
    int score;
  } cases[] = {
    {"wb-api-page.xml", 95}, /* after a BOM */
    {"wb-error.xml", 95},
    {"wb-bulk.xml", 95},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autofree char *contents = NULL;
      gsize length;
      const guint8 *head;
      CrkSniff sniff = {.path = path, .suffix = ".xml"};

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      head = (const guint8 *) contents;
      sniff.head = head;
      sniff.head_length = length;
      sniff.root_name = strstr (contents, "<Root") != NULL ? "Root"
        : strstr (contents, "<wb:error") != NULL           ? "error"
                                                           : "data";
      sniff.root_ns = strstr (contents, "<Root") != NULL ? NULL : "http://www.worldbank.org";
      g_assert_cmpint (crk_importer_worldbank.sniff (&sniff), ==, cases[i].score);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr (GError) error = NULL;

      g_assert_true (crk_import_detect (path, &error) == &crk_importer_worldbank);
      g_assert_no_error (error);
    }
  g_assert_true (crk_importer_lookup ("worldbank") == &crk_importer_worldbank);
  {
    CrkSniff other = {.path = "x.xml",
                      .suffix = ".xml",
                      .head = (const guint8 *) "<Root/>",
                      .head_length = 7,
                      .root_name = "Root"};

    g_assert_cmpint (crk_importer_worldbank.sniff (&other), ==, 0);
    other.root_name = "data";
    other.root_ns = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    g_assert_cmpint (crk_importer_worldbank.sniff (&other), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/worldbank/api-page", test_api_page);
  g_test_add_func ("/import/worldbank/api-multipage", test_api_multipage);
  g_test_add_func ("/import/worldbank/bulk", test_bulk);
  g_test_add_func ("/import/worldbank/error-answer", test_error_answer);
  g_test_add_func ("/import/worldbank/bad-records", test_bad_records);
  g_test_add_func ("/import/worldbank/hostile", test_hostile);
  g_test_add_func ("/import/worldbank/sink-stops", test_sink_stops);
  g_test_add_func ("/import/worldbank/sniff", test_sniff);
  return g_test_run ();
}
