/* test-sdmx.c: the SDMX-ML importers on the published samples and on fixtures of quirks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The samples are read from $CRK_SHARED_DIR/data/external/sdmx-ml (see SOURCES.md there);
 * the fixtures from tests/import/fixtures/sdmx-*. The importers are called directly
 * (crk_importer_sdmx21.read), into a sink that keeps what it is given.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-import.h"

extern const CrkImporter crk_importer_sdmx21;
extern const CrkImporter crk_importer_sdmx20;
extern const CrkImporter crk_importer_sdmx30;

typedef struct
{
  char *key, *indicator, *period, *status, *unit, *note;
  double value;
  int unit_mult, line, column;
} Obs;

typedef struct
{
  CrkImportSink sink;
  GArray *obs;       /* Obs */
  GPtrArray *labels; /* "ROLE|CODE|NAME|LANG" */
} Collector;

static gboolean
collect_observation (CrkImportSink *sink, const CrkObservation *o)
{
  Collector *c = (Collector *) sink;
  Obs x = {g_strdup (o->key),
           g_strdup (o->indicator),
           g_strdup (o->period),
           g_strdup (o->status),
           g_strdup (o->unit),
           g_strdup (o->note),
           o->value,
           o->unit_mult,
           o->line,
           o->column};

  g_assert_true (g_utf8_validate (o->key, -1, NULL));
  g_assert_true (o->note == NULL || g_utf8_validate (o->note, -1, NULL));
  g_array_append_val (c->obs, x);
  return TRUE;
}

static void
collect_label (CrkImportSink *sink,
               CrkImportRole role,
               const char *code,
               const char *name,
               const char *lang)
{
  Collector *c = (Collector *) sink;

  g_ptr_array_add (c->labels,
                   g_strdup_printf ("%d|%s|%s|%s", role, code, name, lang != NULL ? lang : ""));
}

static void
obs_clear (Obs *x)
{
  g_free (x->key);
  g_free (x->indicator);
  g_free (x->period);
  g_free (x->status);
  g_free (x->unit);
  g_free (x->note);
}

static Collector *
collector_new (void)
{
  Collector *c = g_new0 (Collector, 1);

  c->sink.observation = collect_observation;
  c->sink.label = collect_label;
  c->obs = g_array_new (FALSE, FALSE, sizeof (Obs));
  g_array_set_clear_func (c->obs, (GDestroyNotify) obs_clear);
  c->labels = g_ptr_array_new_with_free_func (g_free);
  return c;
}

static void
collector_free (Collector *c)
{
  g_array_unref (c->obs);
  g_ptr_array_unref (c->labels);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Collector, collector_free)

static char *
sample (const char *name)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");

  if (shared == NULL)
    return NULL;
  return g_build_filename (shared, "data", "external", "sdmx-ml", name, NULL);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "fixtures", name, NULL);
}

/* Reads @path; returns the collector, and the report in @report. */
static Collector *
read_file (const char *path,
           const CrkImportOptions *options,
           CrkImportReport **report,
           gboolean *ok)
{
  CrkImportOptions defaults = {0};
  Collector *c = collector_new ();
  g_autoptr (GError) error = NULL;

  *report = crk_import_report_new ();
  *ok = crk_importer_sdmx21.read (path, options != NULL ? options : &defaults, &c->sink, *report,
                                  NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*report)->problems->len; i++)
    {
      g_autofree char *s = crk_problem_to_string ((*report)->problems->pdata[i]);

      g_assert_true (g_utf8_validate (s, -1, NULL));
      g_test_message ("problem: %s", s);
    }
  return c;
}

/* Reads a sample that must import without problems. */
static Collector *
read_ok (const char *path, const CrkImportOptions *options, CrkImportReport **report)
{
  gboolean ok;
  Collector *c = read_file (path, options, report, &ok);

  g_assert_true (ok);
  g_assert_cmpuint ((*report)->problems->len, ==, 0);
  return c;
}

static const Obs *
nth (Collector *c, guint i)
{
  g_assert_cmpuint (i, <, c->obs->len);
  return &g_array_index (c->obs, Obs, i);
}

static const Obs *
find (Collector *c, const char *key, const char *indicator, const char *period)
{
  for (guint i = 0; i < c->obs->len; i++)
    {
      const Obs *x = nth (c, i);

      if (g_strcmp0 (x->key, key) == 0 && g_strcmp0 (x->indicator, indicator) == 0 &&
          g_strcmp0 (x->period, period) == 0)
        return x;
    }
  g_error ("no observation %s / %s / %s", key, indicator, period);
  return NULL;
}

static void
assert_obs (const Obs *x,
            const char *key,
            const char *indicator,
            const char *period,
            double value,
            const char *status)
{
  g_assert_cmpstr (x->key, ==, key);
  g_assert_cmpstr (x->indicator, ==, indicator);
  g_assert_cmpstr (x->period, ==, period);
  if (isnan (value))
    g_assert_true (isnan (x->value));
  else
    g_assert_cmpfloat (x->value, ==, value);
  g_assert_cmpstr (x->status, ==, status);
}

/* The one problem of @report, as printed, contains @text and is at @line (0: any). */
static void
assert_problem (CrkImportReport *report, int line, int column, const char *text)
{
  g_autofree char *s = NULL;
  const CrkProblem *p;

  g_assert_cmpuint (report->problems->len, >=, 1);
  p = report->problems->pdata[0];
  s = crk_problem_to_string (p);
  g_test_message ("%s", s);
  g_assert_nonnull (strstr (s, text));
  if (line > 0)
    g_assert_cmpint (p->line, ==, line);
  if (column > 0)
    g_assert_cmpint (p->column, ==, column);
}

static gboolean
has_notice (CrkImportReport *report, const char *text)
{
  for (guint i = 0; i < report->notices->len; i++)
    {
      const CrkProblem *p = report->notices->pdata[i];

      if (strstr (p->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

#define SKIP_WITHOUT_SAMPLES(path)                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if ((path) == NULL || !g_file_test ((path), G_FILE_TEST_EXISTS))                               \
      {                                                                                            \
        g_test_skip ("no CRK_SHARED_DIR samples");                                                 \
        return;                                                                                    \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

/* Samples */

static void
test_ecb_generic (void)
{
  g_autofree char *path = sample ("M.USD.EUR.SP00.A.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  const Obs *x;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 252);
  /* one series: no dimension varies, none is named like an indicator: the indicator is
   * the data structure's id, the key the whole series key */
  x = nth (c, 0);
  assert_obs (x, "M.USD.EUR.SP00.A", "ECB_EXR1", "1999-01", 1.16078, "A");
  g_assert_cmpstr (x->unit, ==, "USD");
  g_assert_cmpint (x->unit_mult, ==, 0);
  g_assert_cmpint (x->line, ==, 32);
  g_assert_nonnull (strstr (x->note, "TITLE=US dollar/Euro"));
  g_assert_nonnull (strstr (x->note, "DECIMALS=4"));
  g_assert_null (strstr (x->note, "OBS_STATUS"));
  assert_obs (nth (c, 1), "M.USD.EUR.SP00.A", "ECB_EXR1", "1999-02", 1.120765, "A");
  assert_obs (nth (c, 251), "M.USD.EUR.SP00.A", "ECB_EXR1", "2019-12", 1.111345, "A");
  g_assert_cmpint (nth (c, 251)->line, ==, 1789);
  g_assert_cmpuint (c->labels->len, ==, 0);
  g_assert_cmpuint (report->notices->len, ==, 0);
}

static void
test_ecb_structure_labels (void)
{
  g_autofree char *path = sample ("M.USD.EUR.SP00.A.xml");
  g_autofree char *structure = sample ("structure-full.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (CrkImportReport) report2 = NULL;
  g_autoptr (Collector) c = NULL;
  g_autoptr (Collector) c2 = NULL;
  CrkImportOptions options = {0};

  SKIP_WITHOUT_SAMPLES (path);
  options.structure = structure;
  c = read_ok (path, &options, &report);
  g_assert_cmpuint (c->obs->len, ==, 252);
  /* every label once: the series does not change */
  g_assert_cmpuint (c->labels->len, ==, 2);
  g_assert_cmpstr (c->labels->pdata[0], ==, "2|ECB_EXR1|Exchange Rates|");
  g_assert_cmpstr (c->labels->pdata[1], ==,
                   "1|M.USD.EUR.SP00.A|Monthly, US dollar, Euro, Spot, Average|");

  /* the city named: CURRENCY's code list gives its name, in English */
  options.city = (char *) "CURRENCY";
  options.indicator = (char *) "EXR_TYPE";
  c2 = read_ok (path, &options, &report2);
  g_assert_cmpuint (c2->obs->len, ==, 252);
  assert_obs (nth (c2, 0), "USD", "SP00", "1999-01", 1.16078, "A");
  g_assert_cmpuint (c2->labels->len, ==, 2);
  g_assert_cmpstr (c2->labels->pdata[0], ==, "2|SP00|Spot|en");
  g_assert_cmpstr (c2->labels->pdata[1], ==, "1|USD|US dollar|en");
}

static void
test_ecb_generic_vs_structure_specific (void)
{
  g_autofree char *generic = sample ("sdmx-GenericData21.xml");
  g_autofree char *specific = sample ("sdmx-compactData21.xml");
  g_autoptr (CrkImportReport) r1 = NULL;
  g_autoptr (CrkImportReport) r2 = NULL;
  g_autoptr (Collector) a = NULL;
  g_autoptr (Collector) b = NULL;

  SKIP_WITHOUT_SAMPLES (generic);
  a = read_ok (generic, NULL, &r1);
  b = read_ok (specific, NULL, &r2);
  g_assert_cmpuint (a->obs->len, ==, 57);
  g_assert_cmpuint (b->obs->len, ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      const Obs *x = nth (a, i), *y = nth (b, i);

      assert_obs (y, x->key, x->indicator, x->period, x->value, x->status);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->unit_mult, ==, y->unit_mult);
    }
  /* AME_ITEM is the indicator (an id named like one); AME_REF_AREA is the city's */
  assert_obs (nth (a, 0), "A.BEL.1.0.0.0", "OVGD", "1960", 92.0142, "A");
  assert_obs (nth (a, 56), "A.BEL.1.0.0.0", "OVGD", "2016", 386.5655, "A");
  assert_obs (find (b, "A.BEL.1.0.0.0", "OVGD", "1961"), "A.BEL.1.0.0.0", "OVGD", "1961", 96.591,
              "A");
  /* the structure-specific series' attributes are told from its dimensions */
  g_assert_nonnull (strstr (nth (b, 0)->note, "EXT_UNIT=Mrd EURO-BEF"));
  g_assert_cmpint (nth (b, 0)->line, ==, 16);
}

static void
test_eurostat_21_nan (void)
{
  g_autofree char *path = sample ("Example_Eurostat_2.1.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 4);
  /* Y_GRAD varies between the series: the indicator; newest first, as written */
  assert_obs (nth (c, 0), "PC.FOS1.BE.A", "TOTAL", "2009", NAN, "na");
  assert_obs (nth (c, 1), "PC.FOS1.BE.A", "TOTAL", "2006", NAN, "na");
  assert_obs (nth (c, 2), "PC.FOS1.BE.A", "Y_GE1990", "2009", 43.75, NULL);
  assert_obs (nth (c, 3), "PC.FOS1.BE.A", "Y_GE1990", "2006", NAN, "na");
  g_assert_cmpstr (nth (c, 2)->unit, ==, "PC");
}

static void
test_eurostat_20_generic (void)
{
  g_autofree char *path = sample ("Example_Eurostat_2.0.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  CrkImportOptions options = {0};

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 2);
  /* ENTERPR and NACE_R2 both vary: the first of equals in key order */
  assert_obs (nth (c, 0), "PC.ECO.B-E.PL.A", "OTH", "2009", 16.8, NULL);
  assert_obs (nth (c, 1), "PC.ECO.M.PL.A", "YHE", "2009", 18.0, NULL);
  g_assert_cmpint (nth (c, 1)->line, ==, 45);

  /* named: the city is GEO alone */
  collector_free (g_steal_pointer (&c));
  crk_import_report_free (g_steal_pointer (&report));
  options.city = (char *) "GEO";
  options.indicator = (char *) "NACE_R2";
  c = read_ok (path, &options, &report);
  assert_obs (nth (c, 0), "PL", "B-E", "2009", 16.8, NULL);
  assert_obs (nth (c, 1), "PL", "M", "2009", 18.0, NULL);
  /* the 2.0 importer reads it the same */
  g_assert_true (crk_importer_sdmx20.read == crk_importer_sdmx21.read);
}

static void
test_eurostat_structure_specific (void)
{
  g_autofree char *path = sample ("estat_data.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 33);
  /* lower-case ids; the data set in a DSD-URN namespace, series and obs unqualified */
  assert_obs (nth (c, 0), "AL.C0000X0350-0370.GWH.A.AFC", "NRG_BAL_S", "1990", 6644.088, NULL);
  assert_obs (nth (c, 3), "AL.C0000X0350-0370.GWH.A.AFC", "NRG_BAL_S", "1993", 525.540, NULL);
  assert_obs (nth (c, 32), "AL.C0000X0350-0370.GWH.A.AFC", "NRG_BAL_S", "2022", 1668.153, NULL);
  g_assert_cmpstr (nth (c, 0)->unit, ==, "GWH");
  g_assert_cmpint (nth (c, 0)->line, ==, 22);
}

static void
test_oecd_message_group (void)
{
  g_autofree char *path = sample ("oecd-eo-data-generic.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  guint annual = 0;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 465);
  /* VARIABLE is constant but named like an indicator; LOCATION is the city's,
   * FREQUENCY never the indicator */
  assert_obs (nth (c, 0), "FRA.Q", "CB", "1973-Q1", 4295445496.82796, NULL);
  assert_obs (nth (c, 3), "FRA.Q", "CB", "1973-Q4", -2462541886.4795, NULL);
  assert_obs (nth (c, 464), "FRA.A", "CB", "2017", 7808506719.15183, NULL);
  g_assert_cmpstr (nth (c, 0)->unit, ==, "EUR");
  g_assert_cmpint (nth (c, 0)->unit_mult, ==, 0);
  g_assert_nonnull (strstr (nth (c, 0)->note, "POWERCODE=0"));
  /* a single line, after a byte order mark, without an XML declaration */
  g_assert_cmpint (nth (c, 464)->line, ==, 1);
  g_assert_cmpint (nth (c, 464)->column, >, 30000);
  for (guint i = 0; i < c->obs->len; i++)
    annual += strchr (nth (c, i)->period, 'Q') == NULL;
  g_assert_cmpuint (annual, ==, 93);
  find (c, "AUT.A", "CB", "1990");
  find (c, "AUT.Q", "CB", "1990-Q2");
}

static void
test_imf_dot_compact (void)
{
  g_autofree char *path = sample ("imf-dot-data-compact-2.0.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (CrkImportReport) report2 = NULL;
  g_autoptr (Collector) c = NULL;
  g_autoptr (Collector) c2 = NULL;
  CrkImportOptions options = {0};
  guint tmg = 0;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  /* the nil DataSet is skipped, the measure is VALUE */
  g_assert_cmpuint (c->obs->len, ==, 126);
  for (guint i = 0; i < c->obs->len; i++)
    tmg += g_strcmp0 (nth (c, i)->indicator, "TMG_CIF_USD") == 0;
  g_assert_cmpuint (tmg, ==, 62);
  /* a literal 0 is zero */
  assert_obs (nth (c, 0), "A.122.369", "TMG_CIF_USD", "1950", 0.0, NULL);
  g_assert_false (isnan (nth (c, 0)->value));
  assert_obs (find (c, "A.122.369", "TMG_CIF_USD", "1963"), "A.122.369", "TMG_CIF_USD", "1963",
              200000, NULL);
  assert_obs (find (c, "A.122.369", "TMG_CIF_USD", "1988"), "A.122.369", "TMG_CIF_USD", "1988",
              1046918.44613017, NULL);
  assert_obs (nth (c, 125), "A.122.369", "TXG_FOB_USD", "2014", 16329000, NULL);
  g_assert_cmpint (nth (c, 0)->unit_mult, ==, 6);
  g_assert_true (has_notice (report, "SCALE=6 on 126 observations"));
  g_assert_true (has_notice (report, "kept as written"));

  /* applied when asked, and said */
  options.apply_unit_mult = TRUE;
  c2 = read_ok (path, &options, &report2);
  assert_obs (find (c2, "A.122.369", "TMG_CIF_USD", "1963"), "A.122.369", "TMG_CIF_USD", "1963",
              200000e6, NULL);
  g_assert_cmpint (nth (c2, 0)->unit_mult, ==, 0);
  g_assert_true (has_notice (report2, "multiplied by 10^6"));
}

static void
test_imf_weo_groups (void)
{
  g_autofree char *path = sample ("WEO-data.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  const Obs *x;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 1);
  x = nth (c, 0);
  assert_obs (x, "SVK.A", "NGDP_R", "2018", 94669000000.0, NULL);
  /* the unit from a group, the multiplier from the series (not applied) */
  g_assert_cmpstr (x->unit, ==, "XDC");
  g_assert_cmpint (x->unit_mult, ==, 9);
  g_assert_true (has_notice (report, "SCALE=9 on 1 observations"));
  /* series, then both groups, then the data set */
  g_assert_nonnull (strstr (
    x->note, "SERIES_NAME=Gross domestic product (GDP), Constant prices, Domestic currency"));
  g_assert_nonnull (
    strstr (x->note, "METHODOLOGY_NOTES=Historical data source: Eurostat & Haver Analytics"));
  g_assert_nonnull (strstr (x->note, "PUBLISHER=IMF"));
  g_assert_nonnull (strstr (x->note, "COUNTRY_UPDATE_DATE=9/23/2025"));
  g_assert_null (strstr (x->note, "INDICATOR=NGDP_R")); /* a key of the groups, not an attribute */
  g_assert_nonnull (strstr (x->note, "KEY_INDICATOR=true"));
  g_assert_null (strstr (x->note, "action="));
  g_assert_true (strstr (x->note, "SCALE=9") < strstr (x->note, "PUBLISHER=IMF"));
}

static void
test_wits_zero_and_dataset_attributes (void)
{
  g_autofree char *path = sample ("gh-78.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  const Obs *x;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 1);
  x = nth (c, 0);
  assert_obs (x, "A.Reported.020110.000.840", "TARIFF_TRAINS", "1989", 0.0, NULL);
  g_assert_false (isnan (x->value));
  g_assert_nonnull (strstr (x->note, "TARIFFTYPE=MFN; OBS_VALUE_MEASURE=SimpleAverage"));
  g_assert_true (g_str_has_suffix (x->note, "DATASOURCE=TRN"));
}

static void
test_insee_reverse_order (void)
{
  g_autofree char *path = sample ("CNA-2010-CONSO-SI-A17.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_ok (path, NULL, &report);
  g_assert_cmpuint (c->obs->len, ==, 2);
  assert_obs (nth (c, 0), "S13.P3.A10-BE.IPCH", "CNA-2010-CONSO-SI-A17", "2014", 89.9, "P");
  assert_obs (nth (c, 1), "S13.P3.A10-BE.IPCH", "CNA-2010-CONSO-SI-A17", "2013", 92.7, "SD");
  g_assert_cmpstr (nth (c, 0)->unit, ==, "SO");
  g_assert_nonnull (strstr (nth (c, 0)->note, "Dépense de consommation finale"));
  g_assert_nonnull (strstr (nth (c, 0)->note, "REF_AREA=FE"));
}

static void
test_structure_as_data (void)
{
  g_autofree char *path = sample ("structure-full.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  gboolean ok;

  SKIP_WITHOUT_SAMPLES (path);
  c = read_file (path, NULL, &report, &ok);
  g_assert_false (ok);
  assert_problem (report, 2, 0, "structure message");
}

/* Fixtures */

static void
check_refused (const char *name, int line, int column, const char *text, CrkImportError code)
{
  g_autofree char *path = fixture (name);
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  gboolean ok;

  c = read_file (path, NULL, &report, &ok);
  g_assert_false (ok);
  assert_problem (report, line, column, text);
  g_assert_cmpint (((CrkProblem *) report->problems->pdata[0])->code, ==, code);
}

static void
test_refusals (void)
{
  check_refused ("sdmx-error.xml", 1, 0, "error message instead of data: 100: No Results Found",
                 CRK_IMPORT_ERROR_INVALID);
  check_refused ("sdmx-footer-413.xml", 1, 0,
                 "no data; the web service says: 413: Due to the large query",
                 CRK_IMPORT_ERROR_INVALID);
  check_refused ("sdmx-30.xml", 2, 0, "SDMX-ML 3.0", CRK_IMPORT_ERROR_INVALID);
  check_refused ("sdmx-doctype.xml", 2, 1, "DOCTYPE", CRK_IMPORT_ERROR_HOSTILE);
  check_refused ("sdmx-truncated.xml", 8, 1, "not well-formed XML", CRK_IMPORT_ERROR_MALFORMED);
  check_refused ("sdmx-bad-utf8.xml", 4, 0, "not proper UTF-8", CRK_IMPORT_ERROR_MALFORMED);
  check_refused ("sdmx-nil.xml", 1, 0, "the data set is empty", CRK_IMPORT_ERROR_INVALID);
  check_refused ("sdmx-cross-20.xml", 2, 0, "cross-sectional", CRK_IMPORT_ERROR_INVALID);
}

static void
test_truncated_keeps_what_came (void)
{
  g_autofree char *path = fixture ("sdmx-truncated.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  gboolean ok;

  c = read_file (path, NULL, &report, &ok);
  g_assert_false (ok);
  g_assert_cmpuint (c->obs->len, ==, 2);
  assert_obs (nth (c, 1), "A.DE", "POP", "2020", 83.2, NULL);
}

static void
test_all_dimensions (void)
{
  g_autofree char *path = fixture ("sdmx-all-dimensions.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = read_ok (path, NULL, &report);

  g_assert_cmpuint (c->obs->len, ==, 4);
  assert_obs (nth (c, 0), "CN_SZ", "GDP", "2020", 2767, "E");
  g_assert_cmpstr (nth (c, 0)->unit, ==, "CNY");
  g_assert_cmpint (nth (c, 0)->unit_mult, ==, 8);
  assert_obs (nth (c, 1), "CN_SZ", "POP", "2020", 1756, NULL);
  assert_obs (nth (c, 3), "CN_GZ", "POP", "2020", NAN, NULL);
  g_assert_true (has_notice (report, "UNIT_MULT=8 on 2 observations"));
}

static void
test_obs_dimension_groups_bad_value (void)
{
  g_autofree char *path = fixture ("sdmx-obs-dimension.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  CrkImportOptions options = {0};
  gboolean ok;

  options.city = (char *) "REF_AREA";
  c = read_file (path, &options, &report, &ok);
  g_assert_false (ok);
  assert_problem (report, 41, 0, "the value “abc” is not a number");
  g_assert_cmpuint (c->obs->len, ==, 3);
  /* REF_AREA is the observation's dimension, TIME_PERIOD the series' */
  assert_obs (nth (c, 0), "CN_SZ", "GDP", "2021", 30664.85, "P");
  /* the observation's UNIT_MULT over the group's; the group's unit */
  g_assert_cmpint (nth (c, 0)->unit_mult, ==, 8);
  g_assert_cmpint (nth (c, 1)->unit_mult, ==, 4);
  g_assert_cmpstr (nth (c, 1)->unit, ==, "CNY");
  g_assert_cmpstr (nth (c, 1)->note, ==, "UNIT_MULT=4; SOURCE_AGENCY=NBS");
  /* the group is GDP's alone */
  assert_obs (nth (c, 2), "CN_SZ", "POP", "2021", 1768.16, NULL);
  g_assert_null (nth (c, 2)->unit);
  g_assert_cmpstr (nth (c, 2)->note, ==, "SOURCE_AGENCY=NBS");
}

static void
test_utility_and_compact_20 (void)
{
  g_autofree char *utility = fixture ("sdmx-utility-20.xml");
  g_autofree char *compact = fixture ("sdmx-compact-groups-20.xml");
  g_autoptr (CrkImportReport) r1 = NULL;
  g_autoptr (CrkImportReport) r2 = NULL;
  g_autoptr (Collector) a = read_ok (utility, NULL, &r1);
  g_autoptr (Collector) b = read_ok (compact, NULL, &r2);

  g_assert_cmpuint (a->obs->len, ==, 3);
  assert_obs (nth (a, 0), "A.CN_SH", "RENT", "2009", 812.5, "E");
  g_assert_cmpstr (nth (a, 0)->unit, ==, "USD");
  g_assert_cmpstr (nth (a, 0)->note, ==, "DECIMALS=1; TITLE=Average rent");
  assert_obs (nth (a, 1), "A.CN_SH", "RENT", "2010", NAN, NULL);
  assert_obs (nth (a, 2), "A.CN_BJ", "WAGE", "2009", 0.0, NULL);
  g_assert_cmpstr (nth (a, 2)->note, ==, "DECIMALS=1");

  g_assert_cmpuint (b->obs->len, ==, 3);
  assert_obs (nth (b, 0), "A.SZ", "GDP", "2020", 2767024, "A");
  g_assert_cmpint (nth (b, 0)->unit_mult, ==, 6);
  g_assert_cmpstr (nth (b, 0)->unit, ==, "CNY");
  /* the series' UNIT_MULT over its sibling group's */
  assert_obs (nth (b, 1), "A.SZ", "POP", "2020", 1756.01, NULL);
  g_assert_cmpint (nth (b, 1)->unit_mult, ==, 4);
  g_assert_cmpstr (nth (b, 1)->unit, ==, "PERSONS");
  assert_obs (nth (b, 2), "A.GZ", "GDP", "2020", 2501910, NULL);
}

static void
test_named_dimension_absent (void)
{
  g_autofree char *path = fixture ("sdmx-compact-groups-20.xml");
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (Collector) c = NULL;
  CrkImportOptions options = {0};
  gboolean ok;

  options.indicator = (char *) "INDICATOR";
  c = read_file (path, &options, &report, &ok);
  g_assert_false (ok);
  assert_problem (report, 7, 0,
                  "no dimension “INDICATOR” (named for the indicator); its dimensions are FREQ, "
                  "LOCATION, SUBJECT");
  g_assert_cmpuint (c->obs->len, ==, 0);
}

static void
test_sniff (void)
{
  CrkSniff s = {0};

  s.suffix = ".xml";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 0);
  s.root_name = "GenericData";
  s.root_ns = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 95);
  g_assert_cmpint (crk_importer_sdmx20.sniff (&s), ==, 0);
  g_assert_cmpint (crk_importer_sdmx30.sniff (&s), ==, 0);
  s.root_name = "StructureSpecificTimeSeriesData";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 95);
  s.root_name = "Error";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 95);
  s.root_name = "Structure";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 0);
  s.root_name = "MessageGroup";
  s.root_ns = "http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message";
  g_assert_cmpint (crk_importer_sdmx20.sniff (&s), ==, 95);
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 0);
  s.root_name = "CompactData";
  g_assert_cmpint (crk_importer_sdmx20.sniff (&s), ==, 95);
  s.root_name = "StructureSpecificData";
  s.root_ns = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message";
  g_assert_cmpint (crk_importer_sdmx30.sniff (&s), ==, 95);
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 0);
  s.root_ns = "http://example.org/other";
  g_assert_cmpint (crk_importer_sdmx21.sniff (&s), ==, 0);
  g_assert_cmpstr (crk_importer_sdmx21.id, ==, "sdmx-2.1");
  g_assert_cmpstr (crk_importer_sdmx20.id, ==, "sdmx-2.0");
  g_assert_cmpstr (crk_importer_sdmx30.id, ==, "sdmx-3.0");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sdmx/ecb-generic", test_ecb_generic);
  g_test_add_func ("/sdmx/ecb-structure-labels", test_ecb_structure_labels);
  g_test_add_func ("/sdmx/ecb-generic-vs-structure-specific",
                   test_ecb_generic_vs_structure_specific);
  g_test_add_func ("/sdmx/eurostat-2.1-nan", test_eurostat_21_nan);
  g_test_add_func ("/sdmx/eurostat-2.0-generic", test_eurostat_20_generic);
  g_test_add_func ("/sdmx/eurostat-structure-specific", test_eurostat_structure_specific);
  g_test_add_func ("/sdmx/oecd-message-group", test_oecd_message_group);
  g_test_add_func ("/sdmx/imf-dot-compact", test_imf_dot_compact);
  g_test_add_func ("/sdmx/imf-weo-groups", test_imf_weo_groups);
  g_test_add_func ("/sdmx/wits-zero", test_wits_zero_and_dataset_attributes);
  g_test_add_func ("/sdmx/insee-reverse-order", test_insee_reverse_order);
  g_test_add_func ("/sdmx/structure-as-data", test_structure_as_data);
  g_test_add_func ("/sdmx/refusals", test_refusals);
  g_test_add_func ("/sdmx/truncated", test_truncated_keeps_what_came);
  g_test_add_func ("/sdmx/all-dimensions", test_all_dimensions);
  g_test_add_func ("/sdmx/obs-dimension", test_obs_dimension_groups_bad_value);
  g_test_add_func ("/sdmx/utility-compact-2.0", test_utility_and_compact_20);
  g_test_add_func ("/sdmx/named-dimension-absent", test_named_dimension_absent);
  g_test_add_func ("/sdmx/sniff", test_sniff);
  return g_test_run ();
}
