/* crk-test-report.c: helpers shared by the report tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crk-test-report.h"

#include "crk-dataset-reader.h"
#include "crk-engine.h"

CrkResults *
crk_test_report_load_sample (void)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  CrkResults *results;

  g_assert_nonnull (source);
  path = g_build_filename (source, "data", "samples", "advanced-manufacturing-cities.cityrank.xml",
                           NULL);
  dataset = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

char *
crk_test_report_run (const char *const *argv, int *exit_status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    {
      g_autoptr (GError) wait_error = NULL;

      if (g_spawn_check_wait_status (status, &wait_error))
        *exit_status = 0;
      else if (g_error_matches (wait_error, G_SPAWN_EXIT_ERROR, wait_error->code))
        *exit_status = wait_error->code;
      else
        *exit_status = -1;
    }
  else if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char *
crk_test_report_page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  const char *argv[] = {"pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL};

  return crk_test_report_run (argv, NULL);
}

char **
crk_test_report_pages_text (const char *pdf)
{
  const char *argv[] = {"pdftotext", "-layout", pdf, "-", NULL};
  g_autofree char *out = crk_test_report_run (argv, NULL);

  /* pdftotext ends every page with a form feed. */
  return g_strsplit (out, "\f", -1);
}

guint
crk_test_report_pdf_pages (const char *pdf)
{
  const char *argv[] = {"pdfinfo", pdf, NULL};
  g_autofree char *out = crk_test_report_run (argv, NULL);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  return (guint) g_ascii_strtoull (line + strspn (line, " "), NULL, 10);
}

GArray *
crk_test_report_pdf_page_sizes (const char *pdf, guint n_pages)
{
  g_autofree char *last = g_strdup_printf ("%u", n_pages);
  const char *argv[] = {"pdfinfo", "-f", "1", "-l", last, pdf, NULL};
  g_autofree char *out = crk_test_report_run (argv, NULL);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *key = g_strdup_printf ("Page %4u size:", p + 1);
      const char *line = strstr (out, key);
      char *end = NULL;
      double width, height;

      g_assert_nonnull (line);
      line += strlen (key);
      width = g_ascii_strtod (line, &end);
      g_assert_true (end != line);
      line = strstr (end, "x");
      g_assert_nonnull (line);
      height = g_ascii_strtod (line + 1, NULL);
      g_array_append_val (sizes, width);
      g_array_append_val (sizes, height);
    }
  return sizes;
}

/* Every line of pdffonts after the two header lines says "yes" in the emb column. */
guint
crk_test_report_check_fonts_embedded (const char *pdf, const char *must_contain)
{
  const char *argv[] = {"pdffonts", pdf, NULL};
  g_autofree char *out = crk_test_report_run (argv, NULL);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;
  gboolean found = must_contain == NULL;

  g_assert_true (g_strv_length (lines) >= 3);
  g_assert_true (g_str_has_prefix (lines[0], "name"));
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      guint n_fields;

      if (*lines[i] == '\0')
        continue;
      /* name type... encoding emb sub uni object ID: emb is the 5th field from the end. */
      fields = g_strsplit_set (lines[i], " ", -1);
      {
        g_autoptr (GPtrArray) words = g_ptr_array_new ();

        for (guint k = 0; fields[k] != NULL; k++)
          if (*fields[k] != '\0')
            g_ptr_array_add (words, fields[k]);
        n_fields = words->len;
        g_assert_cmpuint (n_fields, >=, 6);
        g_assert_cmpstr (g_ptr_array_index (words, n_fields - 5), ==, "yes");
      }
      if (must_contain != NULL && strstr (lines[i], must_contain) != NULL)
        found = TRUE;
      n++;
    }
  g_assert_true (found);
  return n;
}

char *
crk_test_report_tmp_path (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crk-report-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

void
crk_test_report_remove (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* Like strstr() over binary data (a PDF has NUL bytes in its streams). */
static const char *
find_bytes (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

void
crk_test_report_check_pdf (CrkReport *report, const char *pdf, gboolean with_outline)
{
  CrkResults *results = crk_report_get_results (report);
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint n_pages = crk_report_get_n_pages (report);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (results, &n_ranked);
  int table_page = crk_report_get_section_page (report, CRK_REPORT_SECTION_TABLE);
  g_autoptr (GPtrArray) table_lines = g_ptr_array_new_with_free_func (g_free);
  guint n_table_pages = 0;
  g_auto (GStrv) pages = NULL;
  g_autoptr (GArray) sizes = NULL;

  /* The page count the layout computed. */
  g_assert_cmpuint (crk_test_report_pdf_pages (pdf), ==, n_pages);
  pages = crk_test_report_pages_text (pdf);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  sizes = crk_test_report_pdf_page_sizes (pdf, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      const char *text = pages[p];
      guint number = crk_report_get_page_number (report, p);
      double width, height;
      double pdf_width = g_array_index (sizes, double, 2 * p);
      double pdf_height = g_array_index (sizes, double, 2 * p + 1);

      /* Sizes and orientation page by page. */
      crk_report_get_page_size (report, p, &width, &height);
      g_assert_cmpfloat_with_epsilon (pdf_width, width, 0.01);
      g_assert_cmpfloat_with_epsilon (pdf_height, height, 0.01);
      g_assert_cmpint (crk_report_get_page_landscape (report, p), ==, width > height);

      /* "page N of M" on every page but the title page. */
      if (number == 0)
        g_assert_false (g_regex_match_simple ("page \\d+ of \\d+", text, 0, 0));
      else
        {
          g_autofree char *footer =
            g_strdup_printf ("page %u of %u", number, crk_report_get_n_numbered_pages (report));

          if (strstr (text, footer) == NULL)
            g_error ("page %u: no “%s” in:\n%s", p + 1, footer, text);
        }

      if (crk_report_get_page_section (report, p) == CRK_REPORT_SECTION_TABLE)
        {
          g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
          gboolean header = FALSE, rows = FALSE;

          n_table_pages++;
          for (guint i = 0; lines[i] != NULL; i++)
            {
              /* The table header (Rank, Change, City, Province, Score... Tier) on every page. */
              if (g_regex_match_simple (
                    "^\\s*Rank\\s+Change\\s+City\\s+Province\\s+Score\\s.*Tier\\s*$", lines[i], 0,
                    0))
                header = TRUE;
              /* A row starts with a rank; a page may hold only the notes after the table. */
              if (g_regex_match_simple ("^\\s*\\d+\\s+\\S", lines[i], 0, 0))
                rows = TRUE;
              g_ptr_array_add (table_lines, g_strdup (lines[i]));
            }
          if (rows && !header)
            g_error ("table page %u has no header row:\n%s", p + 1, text);
        }
    }
  g_assert_cmpint (table_page, >=, 0);
  g_assert_cmpuint (n_table_pages, >=, 2);

  /* Every ranked city, in rank order, on a row of its own starting with its rank. */
  {
    guint line = 0;

    for (guint i = 0; i < n_ranked; i++)
      {
        CrkCity *city = crk_dataset_get_city (dataset, order[i]);
        g_autofree char *name = g_regex_escape_string (crk_city_get_name (city), -1);
        g_autofree char *pattern =
          g_strdup_printf ("^\\s*%u\\s+(▲\\s*\\d+|▼\\s*\\d+|=|new)?\\s*%s\\s",
                           crk_results_get_rank (results, order[i]), name);
        g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

        g_assert_nonnull (regex);
        while (line < table_lines->len &&
               !g_regex_match (regex, g_ptr_array_index (table_lines, line), 0, NULL))
          line++;
        if (line == table_lines->len)
          g_error ("city %s (rank %u) not found in rank order in the ranking table",
                   crk_city_get_name (city), crk_results_get_rank (results, order[i]));
        line++;
      }
  }

  /* The index of profiles: every profiled city with its rank and its page's number. */
  {
    guint n_cities = 0;
    const guint *cities = crk_report_get_profile_cities (report, &n_cities);

    if (n_cities >= 12)
      {
        int last_profile = crk_report_get_city_page (report, cities[n_cities - 1]);
        g_autoptr (GString) index = g_string_new (NULL);

        g_assert_cmpint (last_profile + 1, <, (int) n_pages);
        for (guint p = (guint) last_profile + 1; p < n_pages; p++)
          g_string_append (index, pages[p]);
        for (guint i = 0; i < n_cities; i++)
          {
            CrkCity *city = crk_dataset_get_city (dataset, cities[i]);
            g_autofree char *name = g_regex_escape_string (crk_city_get_name (city), -1);
            guint number = crk_report_get_page_number (
              report, (guint) crk_report_get_city_page (report, cities[i]));
            g_autofree char *pattern =
              g_strdup_printf ("^\\s*%s\\s.*\\s%u\\s+%u\\s*$", name,
                               crk_results_get_rank (results, cities[i]), number);

            if (!g_regex_match_simple (pattern, index->str, G_REGEX_MULTILINE, 0))
              g_error ("the index has no line for %s (rank %u, page %u)", crk_city_get_name (city),
                       crk_results_get_rank (results, cities[i]), number);
          }
      }
  }

  if (with_outline)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr (GError) error = NULL;
      guint n_cities = 0;
      const guint *cities = crk_report_get_profile_cities (report, &n_cities);
      const struct
      {
        CrkReportSections section;
        const char *title;
      } sections[] = {
        {CRK_REPORT_SECTION_CONTENTS, "Contents"},
        {CRK_REPORT_SECTION_SUMMARY, "Summary"},
        {CRK_REPORT_SECTION_METHOD, "Method"},
        {CRK_REPORT_SECTION_AGREEMENT, "Agreement with the published ranking"},
        {CRK_REPORT_SECTION_TABLE, "Ranking table"},
        {CRK_REPORT_SECTION_CHARTS, "Overview charts"},
        {CRK_REPORT_SECTION_PROFILES, "City profiles"},
      };

      /* cairo writes the outline uncompressed: the titles are literal strings. */
      g_file_get_contents (pdf, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (find_bytes (contents, length, "/Outlines"));
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_autofree char *entry = g_strdup_printf ("/Title (%s)", sections[i].title);
          gboolean present = crk_report_get_section_page (report, sections[i].section) >= 0;

          if ((find_bytes (contents, length, entry) != NULL) != present)
            g_error ("outline entry %s: expected %s", entry, present ? "present" : "absent");
        }
      for (guint i = 0; i < n_cities; i++)
        {
          CrkCity *city = crk_dataset_get_city (dataset, cities[i]);
          g_autofree char *entry = g_strdup_printf (
            "/Title (%u. %s)", crk_results_get_rank (results, cities[i]), crk_city_get_name (city));

          if (find_bytes (contents, length, entry) == NULL)
            g_error ("no outline entry %s", entry);
        }
    }

  crk_test_report_check_fonts_embedded (pdf, "NotoSansCJK");
}
