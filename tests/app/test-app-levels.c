/* test-app-levels.c: the level chooser above the table: it lists the framework's levels,
 * and the chart's axes and the table's score columns follow the level chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-dataset-reader.h"
#include "crk-ranking-row.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
  guint n_axes;
} AxesWait;

static guint
count_axes (CrkWindow *window)
{
  CrkChartHits *hits = crk_chart_view_get_hits (window->chart_view);
  guint n = 0;

  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    if (crk_chart_hits_get_hit (hits, i)->kind == CRK_CHART_HIT_AXIS)
      n++;
  return n;
}

static gboolean
axes_drawn (gpointer data)
{
  AxesWait *w = data;

  return count_axes (w->window) == w->n_axes;
}

static void
wait_axes (CrkWindow *window, guint n_axes)
{
  AxesWait w = {window, n_axes};

  gtk_widget_queue_draw (GTK_WIDGET (window->chart_view));
  crk_test_app_wait (axes_drawn, &w, 10);
}

/* The radar says why it draws no axes. */
static gboolean
says_why (gpointer data)
{
  CrkChartHits *hits = crk_chart_view_get_hits (((CrkWindow *) data)->chart_view);

  for (guint i = 0; i < crk_chart_hits_get_n_labels (hits); i++)
    {
      const char *text = NULL;

      crk_chart_hits_get_label (hits, i, &text);
      if (text != NULL && strstr (text, "three axes") != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
dropdown_item (CrkWindow *window, guint position)
{
  GListModel *model = gtk_drop_down_get_model (window->level_dropdown);

  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), position));
}

/* The score columns: their count, and their full names (the headers' tooltips) against
 * the components of @level. */
static void
check_columns (CrkWindow *window, guint level)
{
  CrkDataset *dataset = crk_window_get_dataset (window);
  g_autoptr (GPtrArray) nodes = crk_chart_level_nodes (dataset, level);
  g_autoptr (CrkRankingRow) row = NULL;

  g_assert_cmpuint (window->dimension_columns->len, ==, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    g_assert_cmpstr (
      g_object_get_data (g_ptr_array_index (window->dimension_columns, i), "crk-tooltip"), ==,
      crk_framework_node_get_display_name (g_ptr_array_index (nodes, i)));
  /* the rows carry the scores of those columns */
  row = g_list_model_get_item (G_LIST_MODEL (window->store), 0);
  g_assert_cmpuint (crk_ranking_row_get_n_dimensions (row), ==, nodes->len);
}

/* The chooser (in the search row above the table) stays inside the window. */
static void
check_fits (CrkWindow *window)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int min = 0, nat = 0;

  g_assert_true (
    gtk_widget_compute_bounds (GTK_WIDGET (window->level_dropdown), GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  /* it has the width its longest entry needs */
  gtk_widget_measure (GTK_WIDGET (window->level_dropdown), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                      &nat, NULL, NULL);
  g_assert_cmpfloat (bounds.size.width, >=, min);
}

static gboolean
has_results_of (gpointer data)
{
  CrkWindow *window = data;

  return crk_window_get_results (window) != NULL &&
    crk_results_get_dataset (crk_window_get_results (window)) == crk_window_get_dataset (window);
}

/* CCID: three levels, the dimensions by default; the indicators on demand. */
static void
test_ccid (void)
{
  CrkWindow *window = crk_test_app_sample_window (800, 600);
  CrkDataset *dataset = crk_window_get_dataset (window);
  guint n_dims = crk_dataset_get_dimensions (dataset)->len;
  guint n_levels = crk_dataset_get_n_levels (dataset);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *want_first = g_strdup_printf ("Dimensions (%u)", n_dims);
  g_autofree char *want_last =
    g_strdup_printf ("Indicators (%u)", crk_chart_level_get_n_nodes (dataset, 1));

  g_assert_cmpuint (n_levels, ==, 3);
  crk_test_app_wait_allocated (GTK_WIDGET (window->chart_view));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->level_dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (window->level_dropdown)), ==,
                    n_levels - 1);
  first = dropdown_item (window, 0);
  last = dropdown_item (window, n_levels - 2);
  g_assert_cmpstr (first, ==, want_first);
  g_assert_cmpstr (last, ==, want_last);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->level_dropdown), ==, 0);
  check_columns (window, n_levels - 1);
  wait_axes (window, n_dims);
  check_fits (window);

  /* the indicators: one column and one axis each */
  gtk_drop_down_set_selected (window->level_dropdown, n_levels - 2);
  check_columns (window, 1);
  wait_axes (window, crk_chart_level_get_n_nodes (dataset, 1));
  g_assert_cmpuint (crk_chart_view_get_level (window->chart_view), ==, 1);
  /* and back */
  gtk_drop_down_set_selected (window->level_dropdown, 0);
  check_columns (window, n_levels - 1);
  wait_axes (window, n_dims);
  crk_test_app_close_window (window);
}

/* Shenzhen: two dimensions; the chart starts on the indicators (three or more axes), and
 * the dimensions' radar says it cannot be drawn. */
static void
test_shenzhen (void)
{
  CrkWindow *window = crk_test_app_sample_window (800, 600);
  g_autofree char *path = g_build_filename (
    g_getenv ("CRK_SOURCE_DIR") != NULL ? g_getenv ("CRK_SOURCE_DIR") : SOURCE_DIR, "data",
    "samples", "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  guint n_indicators;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  n_indicators = crk_chart_level_get_n_nodes (dataset, 1);
  crk_window_set_dataset (window, dataset, NULL);
  crk_test_app_wait (has_results_of, window, 10);
  crk_test_app_wait_allocated (GTK_WIDGET (window->chart_view));

  g_assert_cmpuint (crk_dataset_get_dimensions (dataset)->len, ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->level_dropdown)));
  first = dropdown_item (window, 0);
  second = dropdown_item (window, 1);
  g_assert_cmpstr (first, ==, "Dimensions (2)");
  g_assert_true (g_str_has_prefix (second, "Indicators ("));
  /* the first level with three components or more */
  g_assert_cmpuint (gtk_drop_down_get_selected (window->level_dropdown), ==, 1);
  check_columns (window, 1);
  wait_axes (window, n_indicators);
  g_assert_cmpuint (count_axes (window), >=, 3);
  check_fits (window);

  /* the two dimensions: two columns; the radar explains instead of drawing */
  gtk_drop_down_set_selected (window->level_dropdown, 0);
  check_columns (window, 2);
  wait_axes (window, 0);
  crk_test_app_wait (says_why, window, 10);
  /* the contribution chart follows the level too */
  gtk_drop_down_set_selected (window->level_dropdown, 1);
  _crk_window_set_chart_kind (window, "contrib");
  crk_test_app_spin (100);
  g_assert_cmpuint (crk_chart_view_get_options (window->chart_view)->level, ==, 1);
  crk_test_app_close_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add_func ("/app/levels/ccid", test_ccid);
  g_test_add_func ("/app/levels/shenzhen", test_shenzhen);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
