/* test-app-templates.c: every widget of the application builds from its template, every
 * .ui in the resources loads, widgets are finalized (no leaks); the row and the undo
 * history on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-application.h"
#include "crk-change-label.h"
#include "crk-chart-view.h"
#include "crk-city-detail.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-export-dialog.h"
#include "crk-locale.h"
#include "crk-method-history.h"
#include "crk-method-panel.h"
#include "crk-preferences-window.h"
#include "crk-ranking-row.h"
#include "crk-test-app.h"
#include "crk-window.h"

#define RESOURCE_PATH "/io/github/cityrank/Cityrank/"

static CrkDataset *
read_sample (const char *name)
{
  g_autofree char *resource = g_strconcat (RESOURCE_PATH "samples/", name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset;
  gsize length;
  const char *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  dataset = crk_dataset_read_from_memory (data, length, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
finalize_widget (GtkWidget *widget)
{
  g_object_ref_sink (widget);
  g_assert_finalize_object (widget);
}

static void
finalize_window (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (20);
  g_assert_finalize_object (window);
}

static void
test_widgets (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("advanced-manufacturing-cities.cityrank.xml");
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkMethodHistory) history = NULL;
  GtkWidget *widget;
  CrkWindow *window;

  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);

  finalize_widget (crk_change_label_new ());

  widget = crk_chart_view_new ();
  crk_chart_view_set_results (CRK_CHART_VIEW (widget), results);
  g_assert_nonnull (crk_chart_view_get_description (CRK_CHART_VIEW (widget)));
  g_assert_cmpuint (strlen (crk_chart_view_get_description (CRK_CHART_VIEW (widget))), >, 20);
  finalize_widget (widget);

  widget = crk_city_detail_new ();
  crk_city_detail_set_results (CRK_CITY_DETAIL (widget), results);
  crk_city_detail_set_city (CRK_CITY_DETAIL (widget), crk_results_get_order (results, NULL)[0]);
  g_assert_cmpstr (crk_city_detail_get_rank_text (CRK_CITY_DETAIL (widget)), ==, "1");
  finalize_widget (widget);

  history = crk_method_history_new (crk_dataset_get_method (dataset));
  widget = crk_method_panel_new ();
  crk_method_panel_set_dataset (CRK_METHOD_PANEL (widget), dataset, history,
                                crk_dataset_get_method (dataset));
  crk_method_panel_set_results (CRK_METHOD_PANEL (widget), results);
  g_assert_nonnull (crk_method_panel_get_weight_adjustment (CRK_METHOD_PANEL (widget), "INNOV"));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (crk_method_panel_get_weight_adjustment (
                                    CRK_METHOD_PANEL (widget), "INNOV")),
                                  0.25, 1e-9);
  g_assert_null (
    crk_method_panel_get_weight_adjustment (CRK_METHOD_PANEL (widget), "NO-SUCH-NODE"));
  finalize_widget (widget);

  window = crk_window_new (NULL);
  crk_window_set_dataset (window, dataset, NULL);
  finalize_window (GTK_WIDGET (crk_export_dialog_new (window)));
  finalize_window (GTK_WIDGET (window));

  finalize_window (crk_preferences_window_new (NULL));
}

static void
test_help_overlay (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PATH "gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Every template in the resources has a type that loads it; the report work's templates
 * are checked when their type is linked in. */
static void
test_every_ui (void)
{
  static const char *const mine[] = {
    "crk-window.ui",        "crk-method-panel.ui",       "crk-city-detail.ui",
    "crk-export-dialog.ui", "crk-preferences-window.ui",
  };
  g_auto (GStrv) names = g_resources_enumerate_children (RESOURCE_PATH, 0, NULL);
  guint found = 0;

  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (mine); j++)
        known |= g_str_equal (names[i], mine[j]);
      if (known)
        found++;
      else
        g_test_message ("%s belongs to another part of the application", names[i]);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (mine));
  g_assert_true (g_resources_get_info (RESOURCE_PATH "style.css", 0, NULL, NULL, NULL));
}

static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection *section,
              const GError *error,
              gpointer user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_test_message ("style.css: %s: %s", where, error->message);
  (*(guint *) user_data)++;
}

/* The stylesheet parses without a single error (AdwApplication loads it for the app). */
static void
test_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  guint errors = 0;

  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_css_error), &errors);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "style.css");
  g_assert_cmpuint (errors, ==, 0);
}

static void
test_samples (void)
{
  g_auto (GStrv) names = g_resources_enumerate_children (RESOURCE_PATH "samples/", 0, NULL);
  guint n = 0;

  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (CrkDataset) dataset = read_sample (names[i]);

      g_assert_cmpuint (crk_dataset_get_n_cities (dataset), >, 0);
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
}

static gboolean
same_value (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* The window reads its bundled sample without the schema (crk_dataset_read_trusted_bytes):
 * the sample must be valid (read_sample() validates it) and the trusted read must give
 * the very same dataset. */
static void
test_trusted_sample (void)
{
  g_autoptr (CrkDataset) validated = read_sample ("advanced-manufacturing-cities.cityrank.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) trusted = crk_window_read_sample (&error);
  g_autoptr (GBytes) broken = g_bytes_new_static ("<?xml version=\"1.0\"?>\n<dataset", 30);
  guint n_cities, n_indicators, n_years;

  g_assert_no_error (error);
  g_assert_nonnull (trusted);
  g_assert_false (crk_dataset_get_modified (trusted));
  g_assert_cmpstr (crk_dataset_get_title (trusted), ==, crk_dataset_get_title (validated));
  n_cities = crk_dataset_get_n_cities (validated);
  n_indicators = crk_dataset_get_n_indicators (validated);
  n_years = crk_dataset_get_n_years (validated);
  g_assert_cmpuint (n_cities, ==, 100);
  g_assert_cmpuint (crk_dataset_get_n_cities (trusted), ==, n_cities);
  g_assert_cmpuint (crk_dataset_get_n_indicators (trusted), ==, n_indicators);
  g_assert_cmpuint (crk_dataset_get_n_years (trusted), ==, n_years);
  g_assert_true (
    crk_method_equal (crk_dataset_get_method (trusted), crk_dataset_get_method (validated)));
  for (guint y = 0; y < n_years; y++)
    g_assert_cmpint (crk_dataset_get_year (trusted, y), ==, crk_dataset_get_year (validated, y));
  for (guint i = 0; i < n_indicators; i++)
    g_assert_cmpstr (crk_indicator_get_code (crk_dataset_get_indicator (trusted, i)), ==,
                     crk_indicator_get_code (crk_dataset_get_indicator (validated, i)));
  for (guint c = 0; c < n_cities; c++)
    {
      g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (trusted, c)), ==,
                       crk_city_get_code (crk_dataset_get_city (validated, c)));
      for (guint i = 0; i < n_indicators; i++)
        for (guint y = 0; y < n_years; y++)
          g_assert_true (same_value (crk_dataset_get_value (trusted, c, i, y),
                                     crk_dataset_get_value (validated, c, i, y)));
    }

  /* the trusted path still refuses what it cannot read */
  g_clear_object (&trusted);
  trusted = crk_dataset_read_trusted_bytes (broken, "broken.cityrank.xml", &error);
  g_assert_null (trusted);
  g_assert_nonnull (error);
}

static void
test_ranking_row (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("advanced-manufacturing-cities.cityrank.xml");
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkResults) changed = NULL;
  g_autoptr (CrkMethod) method = NULL;
  g_autoptr (GArray) dims = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkRankingRow) row = NULL;
  g_autofree char *search = NULL;
  g_autofree char *rank_text = NULL;
  guint first, node;
  guint rank_before, rank_after;
  int shift;
  CrkCity *city;

  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);
  first = crk_results_get_order (results, NULL)[0];
  city = crk_dataset_get_city (dataset, first);
  node = (guint) crk_results_lookup_node (results, "INNOV");
  g_array_append_val (dims, node);

  row = crk_ranking_row_new (dataset, city);
  crk_ranking_row_update (row, results, dims, FALSE);
  g_assert_cmpuint (crk_ranking_row_get_rank (row), ==, 1);
  g_object_get (row, "search-text", &search, "rank-text", &rank_text, NULL);
  g_assert_nonnull (strstr (search, crk_city_get_code (city)));
  g_assert_nonnull (strstr (search, crk_city_get_name_zh (city)));
  g_assert_cmpstr (rank_text, ==, "1");
  g_assert_cmpfloat (crk_ranking_row_get_score (row), ==,
                     crk_results_get_index_score (results, first));
  g_assert_cmpfloat (crk_ranking_row_get_dimension_score (row, 0), ==,
                     crk_results_get_score (results, node, first));
  g_assert_true (isnan (crk_ranking_row_get_dimension_score (row, 5)));

  /* without the innovation dimension some city moves; its row records the shift */
  method = crk_method_copy (crk_dataset_get_method (dataset));
  crk_method_set_weight (method, "INNOV", 0);
  changed = crk_compute (dataset, method, 0, &error);
  g_assert_no_error (error);
  {
    guint mover = G_MAXUINT;

    for (guint i = 0; i < crk_dataset_get_n_cities (dataset) && mover == G_MAXUINT; i++)
      if (crk_results_get_rank (results, i) > 0 && crk_results_get_rank (changed, i) > 0 &&
          crk_results_get_rank (results, i) != crk_results_get_rank (changed, i))
        mover = i;
    g_assert_cmpuint (mover, !=, G_MAXUINT);
    g_clear_object (&row);
    row = crk_ranking_row_new (dataset, crk_dataset_get_city (dataset, mover));
    crk_ranking_row_update (row, results, dims, FALSE);
    rank_before = crk_ranking_row_get_rank (row);
    rank_after = crk_results_get_rank (changed, mover);
    crk_ranking_row_update (row, changed, dims, TRUE);
    shift = crk_ranking_row_get_shift (row);
    g_assert_cmpint (shift, ==, (int) rank_before - (int) rank_after);
    g_assert_cmpint (shift, !=, 0);
  }
  crk_ranking_row_update (row, changed, dims, FALSE);
  g_assert_cmpint (crk_ranking_row_get_shift (row), ==, 0);

  /* the province shows its name in the language at the time the row is made; a search
   * finds the value and both names */
  crk_dataset_set_group_name (dataset, "province", "Guangdong", "Guangdong", "广东");
  city = crk_dataset_lookup_city (dataset, "SHENZHEN");
  g_assert_cmpstr (crk_city_get_province (city), ==, "Guangdong");
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (CrkRankingRow) named = NULL;
      g_autofree char *province = NULL;
      g_autofree char *text = NULL;

      crk_locale_set_language (pass == 0 ? "zh_CN" : "en");
      named = crk_ranking_row_new (dataset, city);
      g_object_get (named, "province", &province, "search-text", &text, NULL);
      g_assert_cmpstr (province, ==, pass == 0 ? "广东" : "Guangdong");
      g_assert_nonnull (strstr (text, "广东"));
      g_assert_nonnull (strstr (text, "Guangdong"));
    }
  crk_locale_set_language (NULL);
  /* without the dataset, the value */
  g_clear_object (&row);
  row = crk_ranking_row_new (NULL, city);
  {
    g_autofree char *province = NULL;

    g_object_get (row, "province", &province, NULL);
    g_assert_cmpstr (province, ==, "Guangdong");
  }
}

static void
test_history (void)
{
  g_autoptr (CrkMethod) method = crk_method_new ();
  g_autoptr (CrkMethod) original = crk_method_copy (method);
  g_autoptr (CrkMethodHistory) history = crk_method_history_new (method);
  g_autoptr (CrkMethod) after_weights = NULL;

  g_assert_false (crk_method_history_can_undo (history));
  crk_method_set_normalisation (method, CRK_NORMALISATION_RANK, 0, 100);
  g_assert_true (crk_method_history_can_undo (history));

  /* a slider drag: many edits with one key make one step */
  crk_method_history_set_next_key (history, "weight:A");
  crk_method_set_weight (method, "A", 1);
  crk_method_history_set_next_key (history, "weight:A");
  crk_method_set_weight (method, "A", 2);
  crk_method_history_set_next_key (history, "weight:A");
  crk_method_set_weight (method, "A", 3);
  after_weights = crk_method_copy (method);

  crk_method_history_undo (history);
  g_assert_true (isnan (crk_method_get_weight (method, "A")));
  g_assert_cmpint (crk_method_get_normalisation (method, NULL, NULL), ==, CRK_NORMALISATION_RANK);
  g_assert_true (crk_method_history_can_redo (history));

  crk_method_history_undo (history);
  g_assert_true (crk_method_equal (method, original));
  g_assert_false (crk_method_history_can_undo (history));

  crk_method_history_redo (history);
  crk_method_history_redo (history);
  g_assert_true (crk_method_equal (method, after_weights));
  g_assert_false (crk_method_history_can_redo (history));

  /* a new edit drops the redo steps */
  crk_method_history_undo (history);
  crk_method_set_aggregation (method, CRK_AGGREGATION_GEOMETRIC);
  g_assert_false (crk_method_history_can_redo (history));
}

int
main (int argc, char *argv[])
{
  if (!crk_test_app_init (&argc, &argv))
    return 0;

  g_test_add_func ("/app/templates/widgets", test_widgets);
  g_test_add_func ("/app/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/app/templates/every-ui", test_every_ui);
  g_test_add_func ("/app/templates/samples", test_samples);
  g_test_add_func ("/app/templates/trusted-sample", test_trusted_sample);
  g_test_add_func ("/app/templates/style", test_style);
  g_test_add_func ("/app/ranking-row/update", test_ranking_row);
  g_test_add_func ("/app/method-history/undo-redo", test_history);

  {
    int status = g_test_run ();

    crk_test_app_cleanup ();
    return status;
  }
}
