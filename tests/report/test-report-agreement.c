/* test-report-agreement.c: the report's section on the agreement with the published ranking
 * (rank correlations, cities compared, the cities that differ most), in English and Chinese,
 * and its absence without reference ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "crk-test-report.h"

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"

static CrkResults *sample;

static CrkReport *
new_report (CrkResults *results, CrkReportSections sections)
{
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (GDateTime) date = g_date_time_new_utc (2021, 11, 29, 10, 0, 0);
  g_autoptr (GError) error = NULL;
  CrkReport *report;

  crk_report_options_set_date (options, date);
  crk_report_options_set_sections (options, sections);
  report = crk_report_new (results, options, &error);
  g_assert_no_error (error);
  return report;
}

/* The text of the pages of @section, from the PDF of @report. */
static char *
section_text (CrkReport *report, CrkReportSections section)
{
  g_autofree char *pdf = crk_test_report_tmp_path ("agreement.pdf");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) pages = NULL;
  GString *text = g_string_new (NULL);

  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  pages = crk_test_report_pages_text (pdf);
  /* pdftotext ends every page with a form feed: one empty string after the last */
  g_assert_cmpuint (g_strv_length (pages), >=, crk_report_get_n_pages (report));
  for (guint p = 0; p < crk_report_get_n_pages (report); p++)
    if (crk_report_get_page_section (report, p) == section)
      g_string_append (text, pages[p]);
  crk_test_report_remove (pdf);
  return g_string_free (text, FALSE);
}

/* A line of @text matching @pattern (a regular expression, one line). */
static gboolean
has_line (const char *text, const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
test_section (void)
{
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (GArray) largest = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  double rho = 0, tau = 0;
  guint n = 0, listed = 0;
  int year = crk_results_get_year (sample);
  CrkDataset *dataset = crk_results_get_dataset (sample);
  int method, agreement, table;

  g_assert_true (crk_results_compare_reference (sample, &rho, &tau, &n, &largest));
  g_assert_cmpuint (n, >=, 10);

  report = new_report (sample, CRK_REPORT_SECTIONS_ALL);
  method = crk_report_get_section_page (report, CRK_REPORT_SECTION_METHOD);
  agreement = crk_report_get_section_page (report, CRK_REPORT_SECTION_AGREEMENT);
  table = crk_report_get_section_page (report, CRK_REPORT_SECTION_TABLE);
  /* after the method, before the ranking table */
  g_assert_cmpint (method, >, 0);
  g_assert_cmpint (agreement, >, method);
  g_assert_cmpint (table, >, agreement);
  g_assert_cmpstr (crk_report_section_get_title (CRK_REPORT_SECTION_AGREEMENT), ==,
                   "Agreement with the published ranking");

  text = section_text (report, CRK_REPORT_SECTION_AGREEMENT);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Agreement with the published ranking"));
  line = g_strdup_printf ("^\\s*Spearman’s rank correlation \\(ρ\\)\\s+%.3f\\s*$", rho);
  g_assert_true (has_line (text, line));
  g_free (line);
  line = g_strdup_printf ("^\\s*Kendall’s rank correlation \\(τ-b\\)\\s+%.3f\\s*$", tau);
  g_assert_true (has_line (text, line));
  g_free (line);
  line = g_strdup_printf ("^\\s*Cities compared\\s+%u\\s*$", n);
  g_assert_true (has_line (text, line));
  g_free (line);
  line = g_strdup_printf ("published ranking of %d for the %u cities ranked in", year, n);
  g_assert_nonnull (strstr (text, line));
  g_clear_pointer (&line, g_free);
  g_assert_true (has_line (text, "^\\s*City\\s+Published rank\\s+Rank here\\s+Difference\\s*$"));

  /* the ten largest differences, largest first, each with both ranks and the difference */
  for (guint k = 0; k < largest->len && listed < 10; k++)
    {
      guint city = g_array_index (largest, guint, k);
      CrkCity *c = crk_dataset_get_city (dataset, city);
      guint rank = crk_results_get_rank (sample, city);
      guint published = crk_city_get_reference_rank (c, year);
      g_autofree char *name = g_regex_escape_string (crk_city_get_name (c), -1);
      g_autofree char *pattern = NULL;

      if (rank == published)
        break;
      pattern = g_strdup_printf ("^\\s*%s\\b.*\\s%u\\s+%u\\s+%s%u\\s*$", name, published, rank,
                                 rank < published ? "\\+" : "\u2212",
                                 rank < published ? published - rank : rank - published);
      if (!has_line (text, pattern))
        g_error ("no line for %s: published %u, here %u", crk_city_get_name (c), published, rank);
      listed++;
    }
  g_assert_cmpuint (listed, >, 0);
  /* no more than ten rows: the eleventh largest is not listed (when it differs) */
  if (largest->len > 10)
    {
      guint city = g_array_index (largest, guint, 10);
      CrkCity *c = crk_dataset_get_city (dataset, city);
      g_autofree char *name = g_regex_escape_string (crk_city_get_name (c), -1);
      g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\b.*[+\u2212]\\d+\\s*$", name);
      guint distance_10 = 0, distance_9 = 0;
      guint city_9 = g_array_index (largest, guint, 9);

      distance_10 = (guint) ABS ((int) crk_results_get_rank (sample, city) -
                                 (int) crk_city_get_reference_rank (c, year));
      distance_9 = (guint) ABS (
        (int) crk_results_get_rank (sample, city_9) -
        (int) crk_city_get_reference_rank (crk_dataset_get_city (dataset, city_9), year));
      g_assert_cmpuint (distance_10, <=, distance_9);
      g_assert_false (has_line (text, pattern));
    }
}

/* The rank here follows the method: other weights, other ranks in the section. */
static void
test_follows_method (void)
{
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkResults) equal = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (GArray) largest = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  double rho = 0, tau = 0;
  guint n = 0;

  crk_method_set_weight_scheme (method, CRK_WEIGHTS_EQUAL);
  equal = crk_compute (crk_results_get_dataset (sample), method, 0, &error);
  g_assert_no_error (error);
  g_assert_true (crk_results_compare_reference (equal, &rho, &tau, &n, &largest));

  report = new_report (equal, CRK_REPORT_SECTION_AGREEMENT);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_AGREEMENT), ==, 0);
  g_assert_cmpuint (crk_report_get_n_pages (report), >=, 1);
  text = section_text (report, CRK_REPORT_SECTION_AGREEMENT);
  line = g_strdup_printf ("^\\s*Spearman’s rank correlation \\(ρ\\)\\s+%.3f\\s*$", rho);
  g_assert_true (has_line (text, line));
}

/* No reference ranks: no section, no page, no switch's worth of anything. */
static void
test_absent (void)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path =
    g_build_filename (source, "data", "samples", "chinese-cities-yearbook.cityrank.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_false (crk_results_compare_reference (results, NULL, NULL, NULL, NULL));

  report = new_report (results, CRK_REPORT_SECTIONS_ALL);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_AGREEMENT), ==, -1);
  for (guint p = 0; p < crk_report_get_n_pages (report); p++)
    g_assert_cmpuint (crk_report_get_page_section (report, p), !=, CRK_REPORT_SECTION_AGREEMENT);
  text = section_text (report, CRK_REPORT_SECTION_CONTENTS);
  g_assert_null (strstr (text, "Agreement"));
  g_clear_object (&report);

  /* the section alone: an empty report, said so */
  {
    g_autoptr (CrkReportOptions) options = crk_report_options_new ();

    crk_report_options_set_sections (options, CRK_REPORT_SECTION_AGREEMENT);
    report = crk_report_new (results, options, &error);
    g_assert_null (report);
    g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
  }
}

static void
test_chinese (void)
{
  g_autoptr (CrkReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;

  /* gettext reads LANGUAGE again after textdomain() */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  textdomain (GETTEXT_PACKAGE);
  crk_locale_set_language ("zh_CN");
  report = new_report (sample, CRK_REPORT_SECTION_CONTENTS | CRK_REPORT_SECTION_AGREEMENT);
  text = section_text (report, CRK_REPORT_SECTION_AGREEMENT);
  contents = section_text (report, CRK_REPORT_SECTION_CONTENTS);
  crk_locale_set_language ("en");
  g_setenv ("LANGUAGE", "en", TRUE);
  textdomain (GETTEXT_PACKAGE);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "与公布排名的一致性"));
  g_assert_nonnull (strstr (contents, "与公布排名的一致性"));
  g_assert_nonnull (strstr (text, "斯皮尔曼"));
  g_assert_nonnull (strstr (text, "肯德尔"));
  g_assert_null (strstr (text, "Spearman’s rank"));
  g_assert_null (strstr (text, "Published rank"));
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  /* the translations built with the tests */
  g_assert_nonnull (g_getenv ("CRK_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CRK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");

  sample = crk_test_report_load_sample ();

  g_test_add_func ("/report/agreement/section", test_section);
  g_test_add_func ("/report/agreement/follows-method", test_follows_method);
  g_test_add_func ("/report/agreement/absent", test_absent);
  g_test_add_func ("/report/agreement/chinese", test_chinese);
  status = g_test_run ();
  g_object_unref (sample);
  return status;
}
