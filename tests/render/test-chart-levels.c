/* test-chart-levels.c: charts on any level of the framework, and cityrank-cli chart --level
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

#define SHENZHEN_SAMPLE "shenzhen-emerging-industries-2020.cityrank.xml"
#define CCID_SAMPLE "advanced-manufacturing-cities.cityrank.xml"

static char *
sample_path (const char *file)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");

  return g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples", file, NULL);
}

static CrkResults *
compute_file (const char *file, CrkDataset **dataset_out)
{
  g_autofree char *path = sample_path (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  CrkResults *results;

  g_assert_no_error (error);
  results = crk_compute (dataset, crk_dataset_get_method (dataset), 0, &error);
  g_assert_no_error (error);
  *dataset_out = g_steal_pointer (&dataset);
  return results;
}

/* Index > 2 dimensions > 5 pillars (3 + 2) > 10 indicators, 6 cities. */
static CrkResults *
compute_four_levels (CrkDataset **dataset_out)
{
  g_autoptr (CrkDataset) dataset = crk_dataset_new ();
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("IDX", "Index");
  g_autoptr (GError) error = NULL;
  const guint pillars_per_dim[] = {3, 2};
  guint n_indicators = 0;
  CrkResults *results;

  crk_dataset_add_year (dataset, 2020);
  for (guint c = 0; c < 6; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);
      g_autoptr (CrkCity) city = crk_city_new (code, code);

      crk_dataset_add_city (dataset, city);
    }
  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *dcode = g_strdup_printf ("D%u", d);
      CrkFrameworkNode *dim = crk_framework_node_new (dcode, dcode);

      crk_framework_node_append_child (root, dim);
      for (guint p = 0; p < pillars_per_dim[d]; p++)
        {
          g_autofree char *pcode = g_strdup_printf ("D%uP%u", d, p);
          CrkFrameworkNode *pillar = crk_framework_node_new (pcode, pcode);

          crk_framework_node_append_child (dim, pillar);
          for (guint i = 0; i < 2; i++)
            {
              g_autofree char *icode = g_strdup_printf ("D%uP%uI%u", d, p, i);
              g_autoptr (CrkIndicator) indicator =
                crk_indicator_new (icode, CRK_INDICATOR_KIND_INDICATOR);

              crk_indicator_set_name (indicator, icode);
              crk_dataset_add_indicator (dataset, indicator);
              crk_framework_node_append_child (pillar, crk_framework_node_new (icode, icode));
              for (guint c = 0; c < 6; c++)
                crk_dataset_set_value (dataset, c, n_indicators, 0,
                                       (double) ((c * 7 + n_indicators * 3) % 11),
                                       CRK_VALUE_STATUS_OBSERVED);
              n_indicators++;
            }
        }
    }
  crk_dataset_set_framework (dataset, root);
  results = crk_compute (dataset, crk_dataset_get_method (dataset), 0, &error);
  g_assert_no_error (error);
  *dataset_out = g_steal_pointer (&dataset);
  return results;
}

static guint
count_axes (CrkResults *results, CrkChartOptions *options, CrkChartHits *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cairo_t *cr = cairo_create (surface);

  crk_chart_draw (cr, results, options, 900, 700, hits);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return crk_test_count_hits (hits, CRK_CHART_HIT_AXIS);
}

/* The Shenzhen sample has two dimensions: by default the radar shows the first level with
 * three components or more (its indicators), and says which. */
static void
test_radar_default_level (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_file (SHENZHEN_SAMPLE, &dataset);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  guint level = crk_chart_level_get_default (dataset);

  g_assert_cmpuint (crk_dataset_get_dimensions (dataset)->len, ==, 2);
  g_assert_cmpuint (level, ==, 1);
  crk_chart_options_add_city (options, 0);
  g_assert_cmpuint (count_axes (results, options, hits), >=, 3);
  g_assert_cmpuint (count_axes (results, options, hits), ==,
                    crk_dataset_get_n_indicators (dataset));
  /* the indicators are grouped by dimension: rim arcs and their legend */
  name = crk_chart_level_dup_name (dataset, level);
  g_assert_cmpstr (name, ==, "Indicators");
  subtitle = crk_chart_dup_subtitle (results, options);
  g_assert_nonnull (strstr (subtitle, name));
  for (guint i = 0; i < crk_chart_hits_get_n_labels (hits); i++)
    {
      const char *text = NULL;

      crk_chart_hits_get_label (hits, i, &text);
      g_assert_null (strstr (text, "at least three axes"));
    }

  /* CCID's five dimensions are the default there */
  {
    g_autoptr (CrkDataset) ccid = NULL;
    g_autoptr (CrkResults) ccid_results = compute_file (CCID_SAMPLE, &ccid);
    g_autofree char *title = NULL;
    guint n_levels = crk_dataset_get_n_levels (ccid);

    g_assert_cmpuint (crk_chart_level_get_default (ccid), ==, n_levels - 1);
    g_assert_cmpuint (count_axes (ccid_results, options, hits), ==,
                      crk_dataset_get_dimensions (ccid)->len);
    title = crk_chart_dup_title (ccid_results, options);
    g_assert_true (g_str_has_prefix (title, "Dimension scores"));
  }
}

/* Level N: as many axes as the level has components, named after the level. */
static void
test_radar_each_level (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_four_levels (&dataset);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  const guint expected[] = {0, 10, 5, 2};
  const char *names[] = {NULL, "Indicators", "Pillars", "Dimensions", "Index"};

  g_assert_cmpuint (crk_dataset_get_n_levels (dataset), ==, 4);
  g_assert_cmpuint (crk_chart_level_get_default (dataset), ==, 2);
  crk_chart_options_set_cities (options, (const guint[]){0, 3}, 2);
  for (guint level = 1; level <= 4; level++)
    {
      g_autofree char *name = crk_chart_level_dup_name (dataset, level);

      g_assert_cmpstr (name, ==, names[level]);
    }
  for (guint level = 1; level <= 3; level++)
    {
      g_autoptr (GPtrArray) nodes = crk_chart_level_nodes (dataset, level);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = crk_chart_level_dup_name (dataset, level);

      g_assert_cmpuint (nodes->len, ==, expected[level]);
      options->level = level;
      if (level == 3)
        {
          /* two axes: the radar says why it draws none */
          g_assert_cmpuint (count_axes (results, options, hits), ==, 0);
          continue;
        }
      g_assert_cmpuint (count_axes (results, options, hits), ==, expected[level]);
      subtitle = crk_chart_dup_subtitle (results, options);
      g_assert_nonnull (strstr (subtitle, name));
    }
  /* the pillars are grouped under their two dimensions */
  {
    g_autofree char *title = NULL;

    options->level = 2;
    title = crk_chart_dup_title (results, options);
    g_assert_true (g_str_has_prefix (title, "Pillar scores by dimension"));
  }
  /* a level out of range is the default one */
  options->level = 9;
  g_assert_cmpuint (count_axes (results, options, hits), ==, 5);
}

/* The contribution chart on a level: one segment per component, adding up to the index
 * score; the gap chart's parts add up to the gap. */
static void
test_contribution_and_gap_levels (void)
{
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = compute_four_levels (&dataset);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_CONTRIBUTION);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();

  for (guint level = 1; level <= 3; level++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
      cairo_t *cr = cairo_create (surface);
      guint n_parts = level == 1 ? 10 : level == 2 ? 5 : 2;
      guint n_segments;
      double total = 0;

      options->level = level;
      crk_chart_options_set_cities (options, (const guint[]){2}, 1);
      crk_chart_draw (cr, results, options, 900, 700, hits);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      n_segments = crk_test_count_hits (hits, CRK_CHART_HIT_SEGMENT);
      g_assert_cmpuint (n_segments, <=, n_parts);
      for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
        {
          const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

          if (hit->kind == CRK_CHART_HIT_SEGMENT)
            total += hit->value;
        }
      /* segments of 0 points may draw nothing; the ones drawn add up to the score */
      g_assert_cmpfloat_with_epsilon (total, crk_results_get_score (results, 0, 2), 1e-6);
      if (level == 1)
        g_assert_cmpuint (n_segments, >, 5);
    }

  crk_chart_options_free (g_steal_pointer (&options));
  options = crk_chart_options_new (CRK_CHART_GAP);
  crk_chart_options_set_cities (options, (const guint[]){1, 4}, 2);
  options->level = 2;
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
    cairo_t *cr = cairo_create (surface);
    g_autofree char *subtitle = crk_chart_dup_subtitle (results, options);
    double gap = 0;
    guint n_bars;

    crk_chart_draw (cr, results, options, 900, 700, hits);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    n_bars = crk_test_count_hits (hits, CRK_CHART_HIT_BAR);
    g_assert_cmpuint (n_bars, >=, 5);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

        if (hit->kind == CRK_CHART_HIT_BAR && hit->node > 0)
          gap += hit->value;
      }
    g_assert_nonnull (strstr (subtitle, "Pillars"));
    g_assert_cmpfloat_with_epsilon (
      gap, crk_results_get_score (results, 0, 1) - crk_results_get_score (results, 0, 4), 1e-6);
  }
}

static char *
run_cli (const char *const *args, int *status_out)
{
  const char *cli = g_getenv ("CRK_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "C", TRUE);
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  *status_out = WEXITSTATUS (status);
  return out;
}

/* cityrank-cli chart --level N: the radar on the components of level N. */
static void
test_cli_level (void)
{
  g_autofree char *sample = sample_path (SHENZHEN_SAMPLE);
  g_autofree char *png = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autofree char *tmpdir = NULL;
  int status;

  if (g_getenv ("CRK_CLI") == NULL)
    {
      g_test_skip ("CRK_CLI is not set");
      return;
    }
  results = compute_file (SHENZHEN_SAMPLE, &dataset);
  tmpdir = g_dir_make_tmp ("crk-levels-XXXXXX", NULL);
  png = g_build_filename (tmpdir, "radar.png", NULL);
  for (guint level = 1; level < crk_dataset_get_n_levels (dataset); level++)
    {
      g_autofree char *arg = g_strdup_printf ("%u", level);
      g_autofree char *expect =
        g_strdup_printf (" on %u axes", crk_chart_level_get_n_nodes (dataset, level));
      const char *args[] = {"chart", "radar", sample, "--cities", "SHENZHEN",   "--level", arg,
                            "-W",    "800",   "-o",   png,        "--describe", NULL};
      g_autofree char *out = run_cli (args, &status);

      g_assert_cmpint (status, ==, 0);
      if (crk_chart_level_get_n_nodes (dataset, level) >= 3)
        g_assert_nonnull (strstr (out, expect));
    }
  {
    /* by default: the indicators, not the two dimensions */
    g_autofree char *expect =
      g_strdup_printf (" on %u axes", crk_dataset_get_n_indicators (dataset));
    const char *args[] = {"chart", "radar", sample, "--cities",   "SHENZHEN", "-W",
                          "800",   "-o",    png,    "--describe", NULL};
    g_autofree char *out = run_cli (args, &status);

    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, expect));
  }
  {
    /* the index is no level below itself */
    const char *args[] = {"chart",   "radar", sample, "--cities", "SHENZHEN",
                          "--level", "3",     "-o",   png,        NULL};
    g_autofree char *out = run_cli (args, &status);

    g_assert_cmpint (status, ==, 2);
  }
  g_remove (png);
  g_rmdir (tmpdir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");
  g_test_add_func ("/chart-levels/radar-default", test_radar_default_level);
  g_test_add_func ("/chart-levels/radar-each-level", test_radar_each_level);
  g_test_add_func ("/chart-levels/contribution-gap", test_contribution_and_gap_levels);
  g_test_add_func ("/chart-levels/cli", test_cli_level);
  return g_test_run ();
}
