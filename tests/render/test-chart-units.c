/* test-chart-units.c: chart titles and legends say what the dataset ranks (countries
 * in COINr's ASEM example, cities in the CCID sample)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crk-chart.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-open.h"
#include "crk-report.h"

static CrkResults *
compute (CrkDataset *dataset)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  CrkResults *results = crk_compute (dataset, method, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static CrkDataset *
open_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  g_assert_nonnull (shared);
  path = g_build_filename (shared, "data", "external", "asem", "asem_idata.csv", NULL);
  ds = crk_open_file (path, NULL, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crk_dataset_get_unit_kind (ds), ==, CRK_UNIT_COUNTRY);
  return ds;
}

static CrkDataset *
open_ccid (void)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  g_assert_nonnull (source);
  path = g_build_filename (source, "data", "samples", "advanced-manufacturing-cities.cityrank.xml",
                           NULL);
  ds = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);
  return ds;
}

/* The text of the legend entries a radar with a median benchmark draws. */
static gboolean
draws_text (CrkResults *results, const CrkChartOptions *options, const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  gboolean found = FALSE;

  crk_chart_draw (cr, results, options, 900, 700, hits);
  for (guint i = 0; i < crk_chart_hits_get_n_labels (hits); i++)
    {
      const char *label = NULL;

      crk_chart_hits_get_label (hits, i, &label);
      found = found || (label != NULL && strstr (label, text) != NULL);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

static void
check (CrkDataset *dataset, const char *plural, const char *median)
{
  g_autoptr (CrkResults) results = compute (dataset);
  g_autoptr (CrkChartOptions) bars = crk_chart_options_new (CRK_CHART_BAR);
  g_autoptr (CrkChartOptions) radar = crk_chart_options_new (CRK_CHART_RADAR);
  g_autofree char *all = NULL;
  g_autofree char *top = NULL;
  g_autofree char *expected_all = NULL;
  g_autofree char *expected_top = NULL;
  guint n = crk_results_get_n_ranked (results);
  int year = crk_results_get_year (results);
  guint cities[] = {0, 1};

  all = crk_chart_dup_title (results, bars);
  expected_all = g_strdup_printf ("Ranking of %u %s, %d", n, plural, year);
  g_assert_cmpstr (all, ==, expected_all);

  /* the description (alt text) too */
  {
    g_autofree char *text = crk_chart_describe (results, bars);
    g_autofree char *expected = g_strdup_printf ("Ranked bar chart of %u %s by ", n, plural);
    g_autofree char *mean = g_strdup_printf (" The mean of all ranked %s is ", plural);

    g_assert_true (g_str_has_prefix (text, expected));
    g_assert_nonnull (strstr (text, mean));
  }

  bars->top_n = 10;
  top = crk_chart_dup_title (results, bars);
  expected_top = g_strdup_printf ("Top 10 %s, %d", plural, year);
  g_assert_cmpstr (top, ==, expected_top);

  crk_chart_options_set_cities (radar, cities, G_N_ELEMENTS (cities));
  radar->benchmark = CRK_BENCHMARK_MEDIAN;
  g_assert_true (draws_text (results, radar, median));

  /* what a chart without its cities asks for */
  {
    g_autoptr (CrkChartOptions) empty = crk_chart_options_new (CRK_CHART_RADAR);
    g_autoptr (CrkChartOptions) gap = crk_chart_options_new (CRK_CHART_GAP);
    g_autofree char *some = g_strdup_printf ("Choose one or more %s to compare.", plural);
    g_autofree char *two = g_strdup_printf ("Choose two %s to compare.", plural);

    empty->benchmark = CRK_BENCHMARK_NONE;
    crk_chart_options_set_cities (empty, NULL, 0);
    g_assert_true (draws_text (results, empty, some));
    crk_chart_options_set_cities (gap, cities, 1);
    g_assert_true (draws_text (results, gap, two));
  }
}

static void
test_asem (void)
{
  g_autoptr (CrkDataset) ds = open_asem ();

  check (ds, "countries", "Median of all countries");
}

static void
test_ccid (void)
{
  g_autoptr (CrkDataset) ds = open_ccid ();

  check (ds, "cities", "Median of all cities");
}

/* The report's @sections, as pdftotext reads them (profiles of the top 3). */
static char *
report_sections_text (CrkDataset *dataset, CrkReportSections sections)
{
  g_autoptr (CrkResults) results = compute (dataset);
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crk-units-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  crk_report_options_set_sections (options, sections);
  crk_report_options_set_profiles_top (options, 3);
  report = crk_report_new (results, options, &error);
  g_assert_no_error (error);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = {"pdftotext", "-layout", pdf, "-", NULL};

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                                 NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf);
  g_rmdir (dir);
  return out;
}

/* The report's ranking table and summary, as pdftotext reads them. */
static char *
report_text (CrkDataset *dataset)
{
  return report_sections_text (dataset, CRK_REPORT_SECTION_SUMMARY | CRK_REPORT_SECTION_TABLE);
}

static gboolean
says (const char *text, const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Every section of the report says what ASEM ranks, in whole sentences: no "city" or
 * "cities" left anywhere in its text. */
static void
test_report_sentences_asem (void)
{
  g_autoptr (CrkDataset) asem = open_asem ();
  g_autofree char *text = report_sections_text (asem, CRK_REPORT_SECTIONS_ALL);

  g_assert_true (says (text, "Country profiles"));
  g_assert_true (says (text, "\\branks\\s+\\S+\\s+of\\s+51\\s+countries\\s+for\\s+\\d{4}\\s+with"));
  g_assert_true (says (text, "Countries\\s+are\\s+ranked\\s+by\\s+their\\s+index\\s+score"));
  g_assert_true (says (text, "Countries\\s+in\\s+rank\\s+order\\s+for"));
  g_assert_true (says (text, "the\\s+countries\\s+covered"));
  if (g_regex_match_simple ("\\bcit(y|ies)\\b", text, G_REGEX_CASELESS, 0))
    {
      g_autoptr (GRegex) re =
        g_regex_new ("^.*\\bcit(y|ies)\\b.*$", G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL);
      g_autoptr (GMatchInfo) info = NULL;

      for (g_regex_match (re, text, 0, &info); g_match_info_matches (info);
           g_match_info_next (info, NULL))
        {
          g_autofree char *line = g_match_info_fetch (info, 0);

          g_test_message ("still says city: %s", line);
        }
      g_test_fail ();
    }
}

/* The tier summary and the tier chart of a dataset of countries with tiers (the CCID
 * sample marked as ranking countries); the same sample as cities keeps its words. */
static void
test_report_tiers (void)
{
  g_autoptr (CrkDataset) ccid = open_ccid ();
  g_autofree char *cities = report_sections_text (ccid, CRK_REPORT_SECTIONS_ALL);
  g_autofree char *countries = NULL;

  g_assert_true (says (cities, "Cities by tier"));
  g_assert_true (says (cities, "Index scores of the ranked cities"));
  g_assert_true (says (cities, "ranked\\s+cities\\s+in\\s+each\\s+tier"));
  crk_dataset_set_unit_kind (ccid, CRK_UNIT_COUNTRY);
  countries = report_sections_text (ccid, CRK_REPORT_SECTIONS_ALL);
  g_assert_true (says (countries, "Countries by tier"));
  g_assert_false (says (countries, "Cities by tier"));
  g_assert_true (says (countries, "Index scores of the ranked countries"));
  g_assert_true (says (countries, "ranked\\s+countries\\s+in\\s+each\\s+tier"));
  g_assert_true (says (countries, "Country profiles"));
  g_assert_false (says (countries, "City profiles"));
  /* the ranking table's tier rows, the agreement section */
  g_assert_true (says (countries, "ranks\\s+\\d+–\\d+\\s+·\\s+\\d+\\s+countries"));
  g_assert_true (says (countries, "Countries that differ most"));
  /* nothing else says cities but the sample's own title ("… Manufacturing Cities") */
  {
    g_autoptr (GRegex) title = g_regex_new ("Manufacturing\\s+Cities", 0, 0, NULL);
    g_autofree char *rest = g_regex_replace_literal (title, countries, -1, 0, "", 0, NULL);
    g_autoptr (GRegex) city =
      g_regex_new ("^.*\\bcit(y|ies)\\b.*$", G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL);
    g_autoptr (GMatchInfo) info = NULL;
    gboolean any = FALSE;

    for (g_regex_match (city, rest, 0, &info); g_match_info_matches (info);
         g_match_info_next (info, NULL))
      {
        g_autofree char *line = g_match_info_fetch (info, 0);

        g_test_message ("still says city: %s", line);
        any = TRUE;
      }
    g_assert_false (any);
  }
}

/* The report's tables head the name column with the dataset's word. */
static void
test_report (void)
{
  g_autoptr (CrkDataset) asem = open_asem ();
  g_autoptr (CrkDataset) ccid = open_ccid ();
  g_autofree char *asem_text = report_text (asem);
  g_autofree char *ccid_text = report_text (ccid);
  const char *country = "^\\s*Rank\\s+(Change\\s+)?Country\\s";
  const char *city = "^\\s*Rank\\s+(Change\\s+)?City\\s";

  g_assert_true (g_regex_match_simple (country, asem_text, G_REGEX_MULTILINE, 0));
  g_assert_false (g_regex_match_simple (city, asem_text, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple (city, ccid_text, G_REGEX_MULTILINE, 0));
  g_assert_false (g_regex_match_simple (country, ccid_text, G_REGEX_MULTILINE, 0));

  /* the group column beside the names follows the dataset's groups, as the window's:
   * ASEM's countries have no province but an EurAsia group */
  g_assert_true (says (asem_text, "Country\\s+EurAsia group\\s+Score"));
  g_assert_true (says (asem_text, "^\\s*1\\s+Germany\\s+Europe\\s"));
  g_assert_false (says (asem_text, "Province"));
  g_assert_true (says (ccid_text, "City\\s+Province\\s+Score"));
}

/* A dataset without any group attribute gets no empty group column. */
static void
test_report_no_groups (void)
{
  g_autoptr (CrkDataset) asem = open_asem ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < crk_dataset_get_n_cities (asem); i++)
    {
      CrkCity *c = crk_dataset_get_city (asem, i);
      g_auto (GStrv) names = crk_city_dup_attribute_names (c);

      crk_city_set_province (c, NULL);
      crk_city_set_region (c, NULL);
      for (guint k = 0; names[k] != NULL; k++)
        crk_city_set_attribute (c, names[k], NULL);
    }
  g_assert_null (crk_dataset_dup_main_group_attribute (asem));
  text = report_text (asem);
  g_assert_true (says (text, "^\\s*Rank\\s+Country\\s+Score"));
  g_assert_false (says (text, "Province|EurAsia"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/chart-units/asem-countries", test_asem);
  g_test_add_func ("/render/chart-units/ccid-cities", test_ccid);
  g_test_add_func ("/render/chart-units/report", test_report);
  g_test_add_func ("/render/chart-units/report-no-groups", test_report_no_groups);
  g_test_add_func ("/render/chart-units/report-sentences-asem", test_report_sentences_asem);
  g_test_add_func ("/render/chart-units/report-tiers", test_report_tiers);

  return g_test_run ();
}
