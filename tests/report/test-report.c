/* test-report.c: the ranking report laid out, drawn and written as PDF, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crk-test-report.h"

#include "crk-engine.h"
#include "crk-locale.h"
#include "crk-report-private.h"
#include "crk-text.h"

static CrkResults *sample;

static CrkReportOptions *
fixed_options (void)
{
  CrkReportOptions *options = crk_report_options_new ();
  g_autoptr (GDateTime) date = g_date_time_new_utc (2021, 11, 29, 10, 0, 0);

  crk_report_options_set_date (options, date);
  return options;
}

static void
test_options_parse (void)
{
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (CrkReportOptions) copy = NULL;
  g_autoptr (GError) error = NULL;
  CrkReportPaper paper;
  const char *const *codes;

  g_assert_cmpint (crk_report_options_get_sections (options), ==, CRK_REPORT_SECTIONS_ALL);
  g_assert_cmpint (crk_report_options_get_profiles (options), ==, CRK_REPORT_PROFILES_ALL);
  g_assert_cmpint (crk_report_options_get_paper (options), ==, CRK_REPORT_PAPER_A4);

  g_assert_true (crk_report_options_parse_profiles (options, "top:12", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crk_report_options_get_profiles (options), ==, CRK_REPORT_PROFILES_TOP);
  g_assert_cmpuint (crk_report_options_get_profiles_top (options), ==, 12);

  g_assert_true (crk_report_options_parse_profiles (options, " SZ , GZ,,WH ", &error));
  g_assert_no_error (error);
  codes = crk_report_options_get_profile_codes (options);
  g_assert_cmpint (crk_report_options_get_profiles (options), ==, CRK_REPORT_PROFILES_LIST);
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 3);
  g_assert_cmpstr (codes[0], ==, "SZ");
  g_assert_cmpstr (codes[2], ==, "WH");

  copy = crk_report_options_copy (options);
  g_assert_cmpstr (crk_report_options_get_profile_codes (copy)[1], ==, "GZ");

  g_assert_false (crk_report_options_parse_profiles (options, "top:0", &error));
  g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crk_report_options_parse_profiles (options, "top:x", &error));
  g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crk_report_options_parse_profiles (options, " , ", &error));
  g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  /* A failed parse changes nothing. */
  g_assert_cmpint (crk_report_options_get_profiles (options), ==, CRK_REPORT_PROFILES_LIST);

  g_assert_true (crk_report_options_parse_profiles (options, "ALL", &error));
  g_assert_cmpint (crk_report_options_get_profiles (options), ==, CRK_REPORT_PROFILES_ALL);

  g_assert_true (crk_report_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, CRK_REPORT_PAPER_LETTER);
  g_assert_true (crk_report_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, CRK_REPORT_PAPER_A4);
  g_assert_false (crk_report_paper_from_string ("a5", &paper));
  g_assert_cmpstr (crk_report_paper_to_string (CRK_REPORT_PAPER_LETTER), ==, "letter");
}

static void
test_layout_pages (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = crk_report_new (sample, options, &error);
  guint n_pages, n_ranked = 0, n_profiles = 0, n_profile_pages = 0;
  int profiles_start;
  const guint *order = crk_results_get_order (sample, &n_ranked);
  const guint *profiles;
  CrkReportSections last = 0;
  double width, height;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  n_pages = crk_report_get_n_pages (report);

  /* The sample ranks 100 cities: a title page, a contents page, 100 profiles and the rest. */
  g_assert_cmpuint (n_ranked, ==, 100);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_TITLE), ==, 0);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_CONTENTS), ==, 1);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_SUMMARY), ==, 2);
  /* The profiles, then the index of profiles (100 rows: more than one page, less than 4). */
  profiles_start = crk_report_get_section_page (report, CRK_REPORT_SECTION_PROFILES);
  g_assert_cmpint (profiles_start, >, 2);
  g_assert_cmpint (profiles_start + 100 + 1, <, (int) n_pages);
  g_assert_cmpint (profiles_start + 100 + 4, >=, (int) n_pages);
  g_assert_cmpuint (crk_report_get_page_number (report, 0), ==, 0);
  g_assert_cmpuint (crk_report_get_n_numbered_pages (report), ==, n_pages - 1);

  for (guint p = 0; p < n_pages; p++)
    {
      CrkReportSections section = crk_report_get_page_section (report, p);

      /* Numbers start after the title page, and sections come in order. */
      g_assert_cmpuint (crk_report_get_page_number (report, p), ==, p);
      g_assert_cmpint (section, >=, last);
      last = section;
      crk_report_get_page_size (report, p, &width, &height);
      /* The ranking table with five dimension columns is too wide for A4 portrait. */
      if (section == CRK_REPORT_SECTION_TABLE)
        {
          g_assert_true (crk_report_get_page_landscape (report, p));
          g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 595.28, 0.01);
        }
      else
        {
          g_assert_false (crk_report_get_page_landscape (report, p));
          g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
        }
      if (section == CRK_REPORT_SECTION_PROFILES)
        n_profile_pages++;
    }
  g_assert_cmpuint (n_profile_pages, ==, n_pages - (guint) profiles_start);

  /* Profiles in rank order, each findable. */
  profiles = crk_report_get_profile_cities (report, &n_profiles);
  g_assert_cmpuint (n_profiles, ==, 100);
  for (guint i = 0; i < n_profiles; i++)
    {
      g_assert_cmpuint (profiles[i], ==, order[i]);
      g_assert_cmpint (crk_report_get_city_page (report, order[i]), ==, profiles_start + (int) i);
    }
}

/* White box: the flow pages hold what fits, keep headings with what follows and repeat
 * table headers. */
static void
test_layout_flow (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (CrkReport) report = crk_report_new (sample, options, NULL);
  guint n_flow = 0, n_repeated = 0;

  for (guint p = 0; p < report->pages->len; p++)
    {
      const CrkPage *page = &g_array_index (report->pages, CrkPage, p);
      double width, height, used = 0;
      double pw, ph;

      if (page->kind != CRK_PAGE_FLOW)
        continue;
      n_flow++;
      crk_report_get_page_size (report, p, &pw, &ph);
      width = pw - 2 * CRK_REPORT_MARGIN_SIDE;
      height = ph - CRK_REPORT_MARGIN_TOP - CRK_REPORT_MARGIN_BOTTOM;
      g_assert_cmpfloat (width, >, 0);
      g_assert_cmpuint (page->n_blocks, >, 0);

      if (page->repeat_header >= 0)
        {
          const CrkBlock *header = &g_array_index (report->blocks, CrkBlock, page->repeat_header);
          const CrkBlock *first = &g_array_index (report->blocks, CrkBlock, page->first_block);

          g_assert_true (header->flags & CRK_ROW_HEADER);
          g_assert_cmpint (header->table, ==, first->table);
          used += header->height;
          n_repeated++;
        }
      else
        {
          /* A page that opens on a table body row repeats the header. */
          const CrkBlock *first = &g_array_index (report->blocks, CrkBlock, page->first_block);

          if (first->kind == CRK_BLOCK_ROW && !(first->flags & CRK_ROW_HEADER))
            g_error ("page %u opens on a table row without its header", p + 1);
        }
      for (guint b = page->first_block; b < page->first_block + page->n_blocks; b++)
        used += g_array_index (report->blocks, CrkBlock, b).height;
      if (used > height + 0.01)
        g_error ("page %u holds %.1f pt of blocks in %.1f pt", p + 1, used, height);

      /* No heading, tier heading or table header alone at the foot of a page. */
      {
        guint last = page->first_block + page->n_blocks - 1;
        const CrkBlock *block = &g_array_index (report->blocks, CrkBlock, last);
        gboolean section_ends = p + 1 == report->pages->len ||
          g_array_index (report->pages, CrkPage, p + 1).section != page->section;

        if (block->keep_with_next && !section_ends)
          g_error ("page %u ends with a heading or header (block kind %d)", p + 1, block->kind);
      }
    }
  /* Summary, method and at least two ranking table pages, the later ones repeating the
   * table header. */
  g_assert_cmpuint (n_flow, >=, 4);
  g_assert_cmpuint (n_repeated, >=, 1);
}

static void
test_pdf_a4 (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = crk_report_new (sample, options, &error);
  g_autofree char *pdf = crk_test_report_tmp_path ("report-a4.pdf");
  const char *argv[] = {"pdfinfo", pdf, NULL};
  g_autofree char *info = NULL;

  g_assert_no_error (error);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  crk_test_report_check_pdf (report, pdf, TRUE);

  /* Metadata. */
  info = crk_test_report_run (argv, NULL);
  g_assert_true (
    g_regex_match_simple ("^Title:\\s+Top 100 Advanced Manufacturing Cities.*ranking report 2021$",
                          info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Author:\\s+\\S", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Subject:\\s+Ranking of 100 cities for 2021", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Keywords:\\s+ranking, composite index, cities, 2021$",
                                       info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator:\\s+Cityrank " PACKAGE_VERSION "$", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^CreationDate:\\s+Mon Nov 29 10:00:00 2021", info,
                                       G_REGEX_MULTILINE, 0));

  crk_test_report_remove (pdf);
}

static void
test_pdf_letter (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autofree char *pdf = crk_test_report_tmp_path ("report-letter.pdf");
  guint n_landscape = 0;

  crk_report_options_set_paper (options, CRK_REPORT_PAPER_LETTER);
  crk_report_options_set_sections (options,
                                   CRK_REPORT_SECTION_TITLE | CRK_REPORT_SECTION_CONTENTS |
                                     CRK_REPORT_SECTION_TABLE | CRK_REPORT_SECTION_PROFILES);
  crk_report_options_set_profiles_top (options, 5);
  report = crk_report_new (sample, options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_SUMMARY), ==, -1);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_TABLE), ==, 2);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_PROFILES), ==,
                   (int) crk_report_get_n_pages (report) - 5);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  crk_test_report_check_pdf (report, pdf, TRUE);
  {
    g_autoptr (GArray) sizes =
      crk_test_report_pdf_page_sizes (pdf, crk_report_get_n_pages (report));

    for (guint p = 0; p < crk_report_get_n_pages (report); p++)
      {
        double w = g_array_index (sizes, double, 2 * p),
               h = g_array_index (sizes, double, 2 * p + 1);

        if (w > h)
          {
            n_landscape++;
            g_assert_cmpfloat_with_epsilon (w, 792, 0.01);
            g_assert_cmpfloat_with_epsilon (h, 612, 0.01);
          }
        else
          {
            g_assert_cmpfloat_with_epsilon (w, 612, 0.01);
            g_assert_cmpfloat_with_epsilon (h, 792, 0.01);
          }
      }
  }
  g_assert_cmpuint (n_landscape, >=, 2);
  crk_test_report_remove (pdf);
}

static void
test_pdf_chinese (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autofree char *pdf = crk_test_report_tmp_path ("report-zh.pdf");
  const char *argv[] = {"pdftotext", pdf, "-", NULL};
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (PangoLayout) layout = NULL;

  crk_locale_set_language ("zh_CN");
  crk_report_options_set_sections (
    options, CRK_REPORT_SECTION_TITLE | CRK_REPORT_SECTION_TABLE | CRK_REPORT_SECTION_PROFILES);
  crk_report_options_set_profiles_top (options, 3);
  report = crk_report_new (sample, options, &error);
  g_assert_no_error (error);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  /* Chinese city names come first and are real text in an embedded CJK font. */
  text = crk_test_report_run (argv, NULL);
  g_assert_nonnull (strstr (text, "深圳"));
  g_assert_nonnull (strstr (text, "广州"));
  g_assert_nonnull (strstr (text, "2021年11月29日"));
  crk_test_report_check_fonts_embedded (pdf, "NotoSansCJKsc");

  /* The report's text layer finds glyphs for every Chinese character. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  layout = crk_text_layout_new (cr, "深圳 先进制造业百强市", 10, PANGO_WEIGHT_NORMAL);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  crk_locale_set_language ("en");
  crk_test_report_remove (pdf);
}

/* A Chinese report names provinces and regions in Chinese where the dataset names them:
 * in the tables, the counts by group and the profiles; an English one keeps the English. */
static void
test_group_names (void)
{
  CrkDataset *dataset = crk_results_get_dataset (sample);
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autofree char *pdf = crk_test_report_tmp_path ("report-groups.pdf");
  const char *argv[] = {"pdftotext", pdf, "-", NULL};
  const char *name = NULL, *name_zh = NULL;
  g_autofree char *province_name = NULL, *province_name_zh = NULL;
  g_autofree char *region_name = NULL, *region_name_zh = NULL;

  /* the names the sample may have, put back at the end */
  crk_dataset_get_group_name (dataset, "province", "Guangdong", &name, &name_zh);
  province_name = g_strdup (name);
  province_name_zh = g_strdup (name_zh);
  crk_dataset_get_group_name (dataset, "region", "East", &name, &name_zh);
  region_name = g_strdup (name);
  region_name_zh = g_strdup (name_zh);

  crk_dataset_set_group_name (dataset, "province", "Guangdong", "Guangdong", "广东");
  crk_dataset_set_group_name (dataset, "region", "East", "East", "华东");
  crk_report_options_set_sections (
    options, CRK_REPORT_SECTION_SUMMARY | CRK_REPORT_SECTION_TABLE | CRK_REPORT_SECTION_PROFILES);
  crk_report_options_set_profiles_top (options, 1);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean zh = pass == 0;
      g_autoptr (GError) error = NULL;
      g_autoptr (CrkReport) report = NULL;
      g_autofree char *text = NULL;
      g_autofree char *profile = NULL;

      crk_locale_set_language (zh ? "zh_CN" : "en");
      report = crk_report_new (sample, options, &error);
      g_assert_no_error (error);
      g_assert_true (crk_report_write_pdf (report, pdf, &error));
      g_assert_no_error (error);
      text = crk_test_report_run (argv, NULL);
      /* the last page is Shenzhen's profile: "广东 · 华东" under its name */
      profile = crk_test_report_page_text (pdf, crk_report_get_n_pages (report) - 1);
      g_assert_nonnull (strstr (profile, "深圳"));
      if (zh)
        {
          g_assert_nonnull (strstr (text, "广东"));
          g_assert_nonnull (strstr (text, "华东"));
          g_assert_null (strstr (text, "Guangdong"));
          g_assert_nonnull (strstr (profile, "广东 · 华东"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Guangdong"));
          g_assert_null (strstr (text, "广东"));
          g_assert_null (strstr (text, "华东"));
          g_assert_nonnull (strstr (profile, "Guangdong · East"));
        }
    }

  crk_locale_set_language ("en");
  crk_dataset_set_group_name (dataset, "province", "Guangdong", province_name, province_name_zh);
  crk_dataset_set_group_name (dataset, "region", "East", region_name, region_name_zh);
  crk_test_report_remove (pdf);
}

static void
test_profiles_list (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = NULL;
  CrkDataset *dataset = crk_results_get_dataset (sample);
  guint n_ranked = 0, n = 0;
  const guint *order = crk_results_get_order (sample, &n_ranked);
  const guint *cities;
  const char *codes[4];

  /* Listed in reverse; the report puts them in rank order. */
  codes[0] = crk_city_get_code (crk_dataset_get_city (dataset, order[40]));
  codes[1] = crk_city_get_code (crk_dataset_get_city (dataset, order[7]));
  codes[2] = crk_city_get_code (crk_dataset_get_city (dataset, order[0]));
  codes[3] = NULL;
  crk_report_options_set_profiles_list (options, codes);
  crk_report_options_set_sections (options, CRK_REPORT_SECTION_PROFILES);
  report = crk_report_new (sample, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crk_report_get_n_pages (report), ==, 3);
  cities = crk_report_get_profile_cities (report, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (cities[0], ==, order[0]);
  g_assert_cmpuint (cities[1], ==, order[7]);
  g_assert_cmpuint (cities[2], ==, order[40]);
  /* Without a title page the first page is page 1. */
  g_assert_cmpuint (crk_report_get_page_number (report, 0), ==, 1);
  g_assert_cmpuint (crk_report_get_n_numbered_pages (report), ==, 3);
  g_clear_object (&report);

  codes[1] = "NO-SUCH-CITY";
  crk_report_options_set_profiles_list (options, codes);
  report = crk_report_new (sample, options, &error);
  g_assert_null (report);
  g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-CITY"));
  g_clear_error (&error);

  crk_report_options_set_sections (options, 0);
  report = crk_report_new (sample, options, &error);
  g_assert_null (report);
  g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
}

/* Pages drawn at another scale (the preview) give the same picture, with ink inside the
 * page and nothing outside the margins but the furniture. */
static void
test_draw_scaled (void)
{
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (CrkReport) report = NULL;
  guint pages[3];

  crk_report_options_set_profiles_top (options, 2);
  report = crk_report_new (sample, options, NULL);
  pages[0] = 0;
  pages[1] = (guint) crk_report_get_section_page (report, CRK_REPORT_SECTION_TABLE);
  pages[2] = (guint) crk_report_get_city_page (report, crk_results_get_order (sample, NULL)[0]);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;
      guint dark = 0;
      guchar *data;
      int stride, w, h;

      crk_report_get_page_size (report, pages[i], &width, &height);
      w = (int) ceil (width * 0.5);
      h = (int) ceil (height * 0.5);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      cairo_scale (cr, 0.5, 0.5);
      crk_report_draw_page (report, cr, pages[i]);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
            dark++;
      /* Something is drawn, and the page is not painted over. */
      g_assert_cmpuint (dark, >, 200);
      g_assert_cmpuint (dark, <, (guint) (w * h / 2));
      cairo_surface_destroy (surface);
    }
}

/* A city without data is listed under the table with the reason, and has no profile. */
static void
test_unranked (void)
{
  g_autoptr (CrkResults) fresh = crk_test_report_load_sample ();
  CrkDataset *dataset = crk_results_get_dataset (fresh);
  CrkCity *city = crk_dataset_get_city (dataset, crk_results_get_order (fresh, NULL)[0]);
  int year = crk_results_get_year (fresh);
  guint year_index = (guint) crk_dataset_lookup_year (dataset, year);
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = crk_test_report_tmp_path ("unranked.pdf");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
    crk_dataset_set_value (dataset, crk_city_get_index (city), i, year_index, NAN,
                           CRK_VALUE_STATUS_OBSERVED);
  results = crk_compute (dataset, NULL, year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crk_results_get_rank (results, crk_city_get_index (city)), ==, 0);
  g_assert_cmpuint (crk_results_get_n_ranked (results), ==, 99);

  crk_report_options_set_sections (options, CRK_REPORT_SECTION_TABLE | CRK_REPORT_SECTION_PROFILES);
  report = crk_report_new (results, options, &error);
  g_assert_no_error (error);
  crk_report_get_profile_cities (report, &n);
  g_assert_cmpuint (n, ==, 99);
  g_assert_cmpint (crk_report_get_city_page (report, crk_city_get_index (city)), ==, -1);
  g_assert_true (crk_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  crk_test_report_check_pdf (report, pdf, TRUE);
  {
    const char *argv[] = {"pdftotext", pdf, "-", NULL};

    text = crk_test_report_run (argv, NULL);
  }
  g_assert_nonnull (strstr (text, "Not ranked"));
  expected = g_strdup_printf ("%s", crk_city_get_name (city));
  g_assert_nonnull (strstr (strstr (text, "Not ranked"), expected));
  crk_test_report_remove (pdf);
}

/* Nothing drawn between the bottom margin and the footer rule: the profile page's
 * content fits on A4 and on US Letter, for every profiled city. */
static void
test_profile_fits (void)
{
  for (guint paper = 0; paper < 2; paper++)
    {
      g_autoptr (CrkReportOptions) options = fixed_options ();
      g_autoptr (CrkReport) report = NULL;
      guint n = 0;
      const guint *cities;

      crk_report_options_set_paper (options,
                                    paper == 0 ? CRK_REPORT_PAPER_A4 : CRK_REPORT_PAPER_LETTER);
      crk_report_options_set_sections (options, CRK_REPORT_SECTION_PROFILES);
      report = crk_report_new (sample, options, NULL);
      cities = crk_report_get_profile_cities (report, &n);
      g_assert_cmpuint (n, ==, 100);
      for (guint i = 0; i < n; i += 9)
        {
          guint page = (guint) crk_report_get_city_page (report, cities[i]);
          double width, height;
          cairo_surface_t *surface;
          cairo_t *cr;
          guchar *data;
          int stride, w, h, y0, y1;

          crk_report_get_page_size (report, page, &width, &height);
          w = (int) ceil (width);
          h = (int) ceil (height);
          surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
          cr = cairo_create (surface);
          crk_report_draw_page (report, cr, page);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          data = cairo_image_surface_get_data (surface);
          stride = cairo_image_surface_get_stride (surface);
          y0 = (int) ceil (height - CRK_REPORT_MARGIN_BOTTOM) + 1;
          y1 = (int) floor (height - 44);
          /* Whole pixels only: the last column is partly outside the page. */
          for (int y = y0; y < y1; y++)
            for (int x = 0; x < (int) floor (width); x++)
              if ((((guint32 *) (data + y * stride))[x] & 0xffffff) != 0xffffff)
                g_error ("%s profile page %u: ink at (%d, %d) below the content area",
                         paper == 0 ? "A4" : "Letter", page + 1, x, y);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("CRK_CLI");
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *dataset = g_build_filename (source, "data", "samples",
                                               "advanced-manufacturing-cities.cityrank.xml", NULL);
  g_autofree char *pdf = crk_test_report_tmp_path ("cli.pdf");
  g_autoptr (CrkReportOptions) options = fixed_options ();
  g_autoptr (CrkReport) report = NULL;
  int status = -1;

  g_assert_nonnull (cli);
  {
    const char *argv[] = {cli,          "report", dataset,   "-o",     pdf,
                          "--profiles", "top:3",  "--paper", "letter", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 0);
  }
  crk_report_options_set_paper (options, CRK_REPORT_PAPER_LETTER);
  crk_report_options_set_profiles_top (options, 3);
  report = crk_report_new (sample, options, NULL);
  crk_test_report_check_pdf (report, pdf, TRUE);

  {
    /* An earlier year of the panel: its own report (no base year before it). */
    const char *argv[] = {cli,      "report", dataset,      "-o",          pdf,
                          "--year", "2020",   "--sections", "title,table", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);
    const char *text_argv[] = {"pdftotext", pdf, "-", NULL};
    g_autofree char *text = NULL;

    g_assert_cmpint (status, ==, 0);
    text = crk_test_report_run (text_argv, NULL);
    g_assert_nonnull (strstr (text, "Cities in rank order for 2020"));
  }
  {
    const char *argv[] = {cli, "report", dataset, "-o", pdf, "--year", "1999", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 1);
  }
  {
    const char *argv[] = {cli, "report", dataset, "-o", pdf, "--sections", "tables", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = {cli, "report", dataset, "-o", pdf, "--paper", "a5", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = {cli, "report", dataset, "-o", pdf, "--profiles", "NOPE", NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = {cli, "report", dataset, NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = {cli, "report", "/nonexistent/x.cityrank.xml", "-o", pdf, NULL};
    g_autofree char *out = crk_test_report_run (argv, &status);

    g_assert_cmpint (status, ==, 1);
  }
  crk_test_report_remove (pdf);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");

  sample = crk_test_report_load_sample ();

  g_test_add_func ("/report/options/parse", test_options_parse);
  g_test_add_func ("/report/layout/pages", test_layout_pages);
  g_test_add_func ("/report/layout/flow", test_layout_flow);
  g_test_add_func ("/report/pdf/a4", test_pdf_a4);
  g_test_add_func ("/report/pdf/letter", test_pdf_letter);
  g_test_add_func ("/report/pdf/chinese", test_pdf_chinese);
  g_test_add_func ("/report/pdf/group-names", test_group_names);
  g_test_add_func ("/report/profiles/list", test_profiles_list);
  g_test_add_func ("/report/draw/scaled", test_draw_scaled);
  g_test_add_func ("/report/layout/unranked", test_unranked);
  g_test_add_func ("/report/draw/profile-fits", test_profile_fits);
  g_test_add_func ("/report/cli", test_cli);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
