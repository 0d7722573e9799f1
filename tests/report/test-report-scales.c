/* test-report-scales.c: the report says what scale the scores are on and draws its charts
 * on the scores' own scale, under z-scores as under 0-100
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-test-report.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"

static CrkResults *
compute_with (CrkNormalisation mode, double p1, double p2)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkMethod) method = NULL;
  CrkResults *results;

  g_assert_nonnull (source);
  path = g_build_filename (source, "data", "samples", "advanced-manufacturing-cities.cityrank.xml",
                           NULL);
  dataset = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);
  method = crk_method_copy (crk_dataset_get_method (dataset));
  crk_method_set_normalisation (method, mode, p1, p2);
  results = crk_compute (dataset, method, 0, &error);
  g_assert_no_error (error);
  return results;
}

/* The text of every page of a report of @results with a few profiles, joined. */
static char *
report_text (CrkResults *results, const char *name)
{
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = crk_test_report_tmp_path (name);
  const char *codes[] = {"SHENZHEN", "ORDOS", NULL};
  g_auto (GStrv) pages = NULL;
  char *text;

  crk_report_options_set_sections (
    options, CRK_REPORT_SECTION_TABLE | CRK_REPORT_SECTION_CHARTS | CRK_REPORT_SECTION_PROFILES);
  crk_report_options_set_profiles_list (options, codes);
  report = crk_report_new (results, options, &error);
  g_assert_no_error (error);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  pages = crk_test_report_pages_text (pdf);
  crk_test_report_remove (pdf);
  text = g_strjoinv ("\f", pages);
  return text;
}

/* Collapses runs of white space (pdftotext -layout breaks and pads lines). */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && s->len > 0)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Under z-scores: the table's note and each profile's note name z-scores, nothing says
 * 0-100; the tiers' score ranges read as ranges; the histogram's bins are fine enough for
 * scores a few units wide (before: bins of 2 points, four in all). */
static void
test_zscore (void)
{
  g_autoptr (CrkResults) results = compute_with (CRK_NORMALISATION_ZSCORE, 0, 1);
  g_autofree char *raw = report_text (results, "z.pdf");
  g_autofree char *text = squeeze (raw);

  g_assert_nonnull (strstr (text,
                            "with their index score and dimension scores. z-scores (mean 0, "
                            "standard deviation 1), higher is better."));
  g_assert_nonnull (strstr (
    text, "Score: z-scores (mean 0, standard deviation 1). Rank: among the cities with a value."));
  g_assert_null (strstr (text, "0–100"));
  g_assert_null (strstr (text, "0 to 100"));
  /* The start-up stage's scores are all below 0. */
  g_assert_nonnull (strstr (text, "scores −1.04–−0.25"));
  g_assert_null (strstr (text, "--"));
  /* The ranked bars' first page repeats the chart's axis below its slice, negative part
   * included (before: from 0 only), though its cities all score above 0. */
  {
    g_auto (GStrv) pages = g_strsplit (raw, "\f", -1);
    gboolean found = FALSE;

    for (guint i = 0; pages[i] != NULL && !found; i++)
      if (strstr (pages[i], "Index scores, 2021") != NULL &&
          strstr (pages[i], "(continued)") == NULL)
        {
          g_autofree char *page = squeeze (pages[i]);

          found = TRUE;
          g_assert_nonnull (strstr (page, "−1 0 1 2"));
          g_assert_null (strstr (page, "Ordos"));
        }
    g_assert_true (found);
  }
  /* Half-point bins of the index scores. */
  g_assert_nonnull (strstr (text, "−0.5"));
  g_assert_nonnull (strstr (text, " 0.5 "));
}

/* Under min-max to 0-100 the notes say so, as before. */
static void
test_minmax (void)
{
  g_autoptr (CrkResults) results = compute_with (CRK_NORMALISATION_MINMAX, 0, 100);
  g_autofree char *raw = report_text (results, "m.pdf");
  g_autofree char *text = squeeze (raw);

  g_assert_nonnull (strstr (text,
                            "with their index score and dimension scores. Scores from 0 to 100, "
                            "higher is better."));
  g_assert_nonnull (strstr (text, "Score: 0 to 100. Rank: among the cities with a value."));
  g_assert_null (strstr (text, "z-scores"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");

  g_test_add_func ("/report/scales/zscore", test_zscore);
  g_test_add_func ("/report/scales/minmax", test_minmax);
  return g_test_run ();
}
