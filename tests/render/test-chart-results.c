/* test-chart-results.c: charts of the engine's results on the sample datasets, and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-test-charts.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"

static char *tmpdir;

static CrkResults *
compute_sample (const char *name,
                CrkDataset **dataset_out,
                int base_year)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *file = g_strdup_printf ("%s.cityrank.xml", name);
  g_autofree char *path = g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  g_autoptr (CrkMethod) method = NULL;
  CrkResults *results;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  method = crk_method_copy (crk_dataset_get_method (dataset));
  if (base_year != 0)
    crk_method_set_base_year (method, base_year);
  results = crk_compute (dataset, method, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  if (dataset_out != NULL)
    *dataset_out = g_steal_pointer (&dataset);
  return results;
}

static guint
city (CrkDataset *dataset,
      const char *code)
{
  CrkCity *c = crk_dataset_lookup_city (dataset, code);

  g_assert_nonnull (c);
  return crk_city_get_index (c);
}

static void
draw_and_check (CrkResults *results,
                CrkChartOptions *options,
                double width,
                double height,
                const char *what,
                CrkChartHits *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  if (height <= 0)
    height = crk_chart_get_natural_height (results, options, width);
  crk_chart_draw (cr, results, options, width, height, hits);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  crk_test_check_labels (hits, width, height, what);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
has_legend_entry (CrkChartHits *hits,
                  const char *text)
{
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

      if (hit->kind == CRK_CHART_HIT_LEGEND && g_strcmp0 (hit->tooltip, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_manufacturing (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_sample ("advanced-manufacturing-cities", &dataset, 2020);
  g_autoptr (CrkResults) base = NULL;
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  guint five[5];
  guint n_ranked;
  const guint *order = crk_results_get_order (results, &n_ranked);

  g_assert_cmpuint (n_ranked, ==, 100);
  memcpy (five, order, sizeof five);

  /* Radar of the five leaders on the dimensions, with each benchmark. */
  for (CrkBenchmark b = CRK_BENCHMARK_NONE; b <= CRK_BENCHMARK_BASE_YEAR; b++)
    {
      g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
      g_autofree char *description = NULL;

      crk_chart_options_set_cities (options, five, 5);
      options->benchmark = b;
      options->vertex_labels = TRUE;
      if (b == CRK_BENCHMARK_BASE_YEAR)
        {
          g_autoptr (GError) error = NULL;

          base = crk_compute (dataset, NULL, 2020, &error);
          g_assert_no_error (error);
          crk_chart_options_set_base_results (options, base);
        }
      draw_and_check (results, options, 900, 675, "radar", hits);
      /* 5 cities x 5 dimensions, no value missing. */
      g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_POINT), ==, 25);
      g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_AXIS), ==, 5);
      description = crk_chart_describe (results, options);
      g_assert_true (g_str_has_prefix (description, "Radar chart of Shenzhen, Guangzhou, Suzhou, Hangzhou and Nanjing on 5 axes"));
      if (b != CRK_BENCHMARK_NONE)
        g_assert_nonnull (strstr (description, "Against the benchmark"));
    }

  /* Every indicator, grouped by dimension. */
  {
    g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);

    crk_chart_options_set_cities (options, five, 2);
    options->radar_axes = CRK_RADAR_AXES_INDICATORS;
    for (CrkLegendPosition legend = CRK_LEGEND_RIGHT; legend <= CRK_LEGEND_NONE; legend++)
      {
        options->legend = legend;
        draw_and_check (results, options, 900, 675, "radar of indicators", hits);
        g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_AXIS), ==, 27);
      }
  }

  /* All 100 cities ranked: a hit per city, the top row Shenzhen. */
  {
    g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
    guint highlight = city (dataset, "SHENZHEN");
    const CrkChartHit *first = NULL;
    double h10, h100;

    crk_chart_options_set_highlighted (options, &highlight, 1);
    draw_and_check (results, options, 800, 0, "ranked bars", hits);
    g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_BAR), ==, 100);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits) && first == NULL; i++)
      if (crk_chart_hits_get_hit (hits, i)->kind == CRK_CHART_HIT_BAR)
        first = crk_chart_hits_get_hit (hits, i);
    g_assert_cmpuint (first->city, ==, highlight);
    g_assert_true (g_str_has_prefix (first->tooltip, "1. Shenzhen\nIndex score: "));
    h100 = crk_chart_get_natural_height (results, options, 800);
    options->top_n = 10;
    h10 = crk_chart_get_natural_height (results, options, 800);
    g_assert_cmpfloat (h100 - h10, >=, 90 * 11);
    draw_and_check (results, options, 800, 0, "top 10", hits);
    g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_BAR), ==, 10);
    options->top_n = 0;
    options->colour_by = CRK_BAR_COLOUR_REGION;
    draw_and_check (results, options, 800, 0, "bars by region", hits);
    g_assert_true (has_legend_entry (hits, "East"));
    /* the legend names the regions in the chart's language (the sample names them) */
    crk_locale_set_language ("zh");
    draw_and_check (results, options, 800, 0, "bars by region, Chinese", hits);
    crk_locale_set_language ("en");
    g_assert_true (has_legend_entry (hits, "东部"));
    g_assert_false (has_legend_entry (hits, "East"));
  }

  /* Contribution: the segments of a city add up to its score. */
  {
    g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_CONTRIBUTION);
    double sum = 0;

    options->top_n = 12;
    draw_and_check (results, options, 900, 0, "contribution", hits);
    g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_SEGMENT), ==, 12 * 5);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

        if (h->kind == CRK_CHART_HIT_SEGMENT && h->city == order[0])
          sum += h->value;
      }
    g_assert_cmpfloat_with_epsilon (sum, crk_results_get_index_score (results, order[0]), 1e-9);
  }

  /* Gap: the parts add up to the gap. */
  {
    g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_GAP);
    guint two[2] = {city (dataset, "SUZHOU_JS"), city (dataset, "GUANGZHOU")};
    double sum = 0, total = NAN;

    crk_chart_options_set_cities (options, two, 2);
    draw_and_check (results, options, 900, 0, "gap", hits);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

        if (h->kind == CRK_CHART_HIT_BAR && h->node > 0)
          sum += h->value;
        else if (h->kind == CRK_CHART_HIT_BAR && h->node == 0)
          total = h->value;
      }
    g_assert_cmpfloat_with_epsilon (total, crk_results_get_index_score (results, two[0]) - crk_results_get_index_score (results, two[1]), 1e-9);
    g_assert_cmpfloat_with_epsilon (sum, total, 1e-9);
  }
}

static void
test_shenzhen_values (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_sample ("shenzhen-emerging-industries-2020", &dataset, 0);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_VALUES);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  guint shenzhen = city (dataset, "SHENZHEN");
  g_autofree char *title = NULL;
  guint bars;

  crk_chart_options_set_cities (options, &shenzhen, 1);
  draw_and_check (results, options, 900, 0, "values", hits);
  /* Every indicator in both years, missing ones included (drawn as "no value"). */
  bars = crk_test_count_hits (hits, CRK_CHART_HIT_BAR);
  g_assert_cmpuint (bars, ==, 2 * crk_dataset_get_n_indicators (dataset));
  title = crk_chart_dup_title (results, options);
  g_assert_cmpstr (title, ==, "Shenzhen: indicator values, 2019–2020");
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

      if (h->kind != CRK_CHART_HIT_BAR)
        continue;
      g_assert_true (h->year == 2019 || h->year == 2020);
      if (h->year == 2020 && !isnan (h->value))
        g_assert_nonnull (strstr (h->tooltip, "2020"));
    }

  /* One year only. */
  {
    int year = 2020;

    crk_chart_options_set_years (options, &year, 1);
    draw_and_check (results, options, 900, 0, "values 2020", hits);
    g_assert_cmpuint (crk_test_count_hits (hits, CRK_CHART_HIT_BAR), ==, crk_dataset_get_n_indicators (dataset));
  }
}

static void
test_yearbook_chinese (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  gboolean found_chinese = FALSE;

  crk_locale_set_language ("zh_CN");
  results = compute_sample ("chinese-cities-yearbook", &dataset, 0);
  g_assert_cmpuint (crk_results_get_n_ranked (results), >, 100);
  draw_and_check (results, options, 800, 0, "yearbook bars", hits);
  for (guint i = 0; i < crk_chart_hits_get_n_labels (hits); i++)
    {
      const char *text;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      g_autoptr (PangoLayout) layout = NULL;

      crk_chart_hits_get_label (hits, i, &text);
      layout = crk_text_layout_new (cr, text, 10, PANGO_WEIGHT_NORMAL);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
          found_chinese = TRUE;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_true (found_chinese);
  g_assert_cmpstr (crk_locale_get_pango_language (), ==, "zh-cn");
  crk_locale_set_language ("en");
}

static void
test_export_results (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_sample ("advanced-manufacturing-cities", &dataset, 0);
  const char *names[] = {"r.png", "r.svg", "r.pdf"};

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
      g_autofree char *path = g_build_filename (tmpdir, names[i], NULL);
      g_autoptr (GError) error = NULL;
      GStatBuf st;

      options->top_n = 20;
      g_assert_true (crk_chart_export (results, options, path, CRK_EXPORT_FORMAT_AUTO, 800, 600, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_unlink (path);
    }
}

/* The CLI */

static int
run_cli (const char *const *args,
         char **err)
{
  const char *cli = g_getenv ("CRK_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (cli == NULL)
    return -1;
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *sample = g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples",
                                              "advanced-manufacturing-cities.cityrank.xml", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "cli.png", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "cli.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmpdir, "cli.svg", NULL);
  g_autofree char *gif = g_build_filename (tmpdir, "cli.gif", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *image;

  if (g_getenv ("CRK_CLI") == NULL)
    {
      g_test_skip ("CRK_CLI is not set");
      return;
    }
  {
    const char *args[] = {"chart", "radar", sample, "--cities", "SHENZHEN,Guangzhou,苏州", "--width", "1000",
                          "--height", "700", "-o", png, NULL};
    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 700);
    cairo_surface_destroy (image);
  }
  {
    const char *args[] = {"chart", "bar", sample, "--size-mm", "170,240", "--dpi", "150", "--style", "print",
                          "-o", pdf, NULL};
    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = {"chart", "gap", sample, "--cities", "SHENZHEN,GUANGZHOU", "--style", "dark", "-o", svg, NULL};
    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = {"chart", "contrib", sample, "--top", "10", "--level", "INDEX", "-o", svg, NULL};
    int status = run_cli (args, &err);

    /* The root's code depends on the sample; an unknown level is a usage error. */
    g_assert_true (status == 0 || status == 2);
    g_clear_pointer (&err, g_free);
  }
  /* Usage errors: exit 2 with a message. */
  {
    const char *bad[][12] = {
      {"chart", "pie", sample, "-o", png, NULL},
      {"chart", "radar", sample, "--cities", "NOWHERE", "-o", png, NULL},
      {"chart", "radar", sample, "--cities", "SHENZHEN", "-o", gif, NULL},
      {"chart", "gap", sample, "--cities", "SHENZHEN", "-o", png, NULL},
      {"chart", "bar", sample, "--dpi", "1000", "-o", png, NULL},
      {"chart", "bar", sample, "--style", "neon", "-o", png, NULL},
      {"chart", "bar", sample, NULL},
    };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (run_cli (bad[i], &err), ==, 2);
        g_assert_true (g_str_has_prefix (err, "cityrank-cli: "));
        g_clear_pointer (&err, g_free);
      }
  }
  g_unlink (png);
  g_unlink (pdf);
  g_unlink (svg);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");
  tmpdir = g_dir_make_tmp ("crk-render-results-XXXXXX", NULL);

  g_test_add_func ("/render/results/manufacturing", test_manufacturing);
  g_test_add_func ("/render/results/shenzhen-values", test_shenzhen_values);
  g_test_add_func ("/render/results/yearbook-chinese", test_yearbook_chinese);
  g_test_add_func ("/render/results/export", test_export_results);
  g_test_add_func ("/render/results/cli", test_cli);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
