/* test-app-window.c: the window driven as an analyst would: open, sort, filter, select,
 * switch charts, change a weight, undo, export, fail to open, close with unsaved changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-application.h"
#include "crk-change-label.h"
#include "crk-dataset-reader.h"
#include "crk-io-limits.h"
#include "crk-locale.h"
#include "crk-ranking-row.h"
#include "crk-test-app.h"
#include "crk-test-grids.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
  char *tmpdir;
} Fixture;

/* the table gets its leading rows first and the rest once it has a size */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->tmpdir = g_dir_make_tmp ("crk-app-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  f->window = crk_test_app_sample_window (1400, 880);
  crk_test_app_wait_allocated (GTK_WIDGET (f->window->chart_view));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  /* nothing to ask about: the close must go through */
  if (f->window != NULL)
    crk_test_app_close_window (f->window);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static CrkRankingRow *
row_at (Fixture *f, guint pos)
{
  CrkRankingRow *row = g_list_model_get_item (G_LIST_MODEL (f->window->selection), pos);

  g_object_unref (row); /* the model keeps it */
  return row;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->window->selection));
}

static GArray *
dup_ranks (CrkWindow *window)
{
  CrkDataset *dataset = crk_window_get_dataset (window);
  CrkResults *results = crk_window_get_results (window);
  GArray *ranks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    {
      guint rank = crk_results_get_rank (results, i);

      g_array_append_val (ranks, rank);
    }
  return ranks;
}

static gboolean
same_ranks (GArray *a, GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

static GtkColumnViewColumn *
column_by_title (Fixture *f, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (f->window->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
  return NULL;
}

static void
test_open_sample (Fixture *f, gconstpointer data)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  CrkResults *results = crk_window_get_results (f->window);
  GListModel *columns = gtk_column_view_get_columns (f->window->column_view);
  const char *title = gtk_window_get_title (GTK_WINDOW (f->window));

  g_assert_nonnull (dataset);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 100);
  g_assert_cmpuint (n_shown (f), ==, 100);
  g_assert_null (crk_window_get_file (f->window));
  g_assert_nonnull (strstr (title, "Sample dataset"));
  g_assert_false (g_str_has_prefix (title, "•"));
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), ==, "100 cities");

  /* rank, change, city, province, score, five dimensions, tier */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 11);
  column_by_title (f, "Innovation");

  /* sorted by rank: position i holds rank i + 1 (no ties in the sample) */
  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, i)), ==, i + 1);
  g_assert_true (crk_ranking_row_get_city (row_at (f, 0)) ==
                 crk_dataset_get_city (dataset, crk_results_get_order (results, NULL)[0]));

  g_assert_true (crk_chart_view_get_results (f->window->chart_view) == results);
  g_assert_cmpuint (strlen (crk_chart_view_get_description (f->window->chart_view)), >, 40);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window)) == FALSE);
}

static void
test_sort (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = f->window->column_view;
  guint n;

  gtk_column_view_sort_by_column (view, column_by_title (f, "Score"), GTK_SORT_ASCENDING);
  /* the score sorter puts the highest first */
  n = n_shown (f);
  for (guint i = 1; i < n; i++)
    {
      double a = crk_ranking_row_get_score (row_at (f, i - 1));
      double b = crk_ranking_row_get_score (row_at (f, i));

      g_assert_true (isnan (b) || a >= b);
    }
  g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, 0)), ==, 1);

  gtk_column_view_sort_by_column (view, column_by_title (f, "City"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_object_get (row_at (f, i - 1), "primary-name", &a, NULL);
      g_object_get (row_at (f, i), "primary-name", &b, NULL);
      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }

  gtk_column_view_sort_by_column (view, column_by_title (f, "Rank"), GTK_SORT_DESCENDING);
  g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, 0)), ==, 100);
  g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, n - 1)), ==, 1);

  /* a dimension column sorts by that dimension's score, highest first */
  gtk_column_view_sort_by_column (view, column_by_title (f, "Innovation"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (crk_ranking_row_get_dimension_score (row_at (f, i - 1), 0), >=,
                       crk_ranking_row_get_dimension_score (row_at (f, i), 0));
}

static void
test_filter (Fixture *f, gconstpointer data)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  GtkEditable *entry = GTK_EDITABLE (f->window->search_entry);
  CrkCity *some = crk_dataset_get_city (dataset, 17);
  guint guangdong = 0;

  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    guangdong +=
      g_strcmp0 (crk_city_get_province (crk_dataset_get_city (dataset, i)), "Guangdong") == 0;
  g_assert_cmpuint (guangdong, >, 1);

  gtk_editable_set_text (entry, "深圳");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (crk_city_get_name (crk_ranking_row_get_city (row_at (f, 0))), ==, "Shenzhen");

  gtk_editable_set_text (entry, "gUaNgDoNg");
  g_assert_cmpuint (n_shown (f), ==, guangdong);
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), !=, "100 cities");

  gtk_editable_set_text (entry, crk_city_get_code (some));
  g_assert_cmpuint (n_shown (f), >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < n_shown (f); i++)
      found |= crk_ranking_row_get_city (row_at (f, i)) == some;
    g_assert_true (found);
  }

  gtk_editable_set_text (entry, crk_city_get_name (some));
  g_assert_true (crk_ranking_row_get_city (row_at (f, 0)) == some);

  gtk_editable_set_text (entry, "no city is called this");
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_editable_set_text (entry, "");
  g_assert_cmpuint (n_shown (f), ==, 100);
}

static gboolean
chart_drawn (gpointer data)
{
  return crk_chart_hits_get_n_hits (crk_chart_view_get_hits (data)) > 0;
}

static void
test_select_and_charts (Fixture *f, gconstpointer data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (f->window->selection);
  CrkResults *results = crk_window_get_results (f->window);
  guint first = crk_city_get_index (crk_ranking_row_get_city (row_at (f, 0)));
  guint second = crk_city_get_index (crk_ranking_row_get_city (row_at (f, 1)));
  g_autoptr (GArray) cities = NULL;
  static const char *const kinds[] = {"radar", "bar", "contrib", "gap", "values"};
  GtkWidget *widget = GTK_WIDGET (f->window);

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  cities = crk_window_dup_selected_cities (f->window);
  g_assert_cmpuint (cities->len, ==, 2);
  g_assert_cmpuint (g_array_index (cities, guint, 0), ==, first);
  g_assert_cmpuint (g_array_index (cities, guint, 1), ==, second);

  /* the detail shows the first selected city; the radar shows both */
  g_assert_cmpuint (crk_city_detail_get_city (f->window->city_detail), ==, first);
  g_assert_cmpstr (crk_city_detail_get_rank_text (f->window->city_detail), ==, "1");
  {
    const CrkChartOptions *options = crk_chart_view_get_options (f->window->chart_view);

    g_assert_cmpint (options->kind, ==, CRK_CHART_RADAR);
    g_assert_cmpuint (options->cities->len, ==, 2);
  }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const CrkChartOptions *options;
      g_autofree char *before = g_strdup (crk_chart_view_get_description (f->window->chart_view));

      gtk_widget_activate_action (widget, "win.chart-kind", "s", kinds[i]);
      g_assert_cmpstr (_crk_window_get_chart_kind (f->window), ==, kinds[i]);
      options = crk_chart_view_get_options (f->window->chart_view);
      g_assert_cmpstr (crk_chart_kind_to_string (options->kind), ==, kinds[i]);
      if (g_str_equal (kinds[i], "gap"))
        {
          g_assert_cmpuint (options->cities->len, ==, 2);
          g_assert_cmpuint (g_array_index (options->cities, guint, 0), ==, first);
        }
      if (g_str_equal (kinds[i], "values"))
        g_assert_cmpuint (options->cities->len, ==, 1);
      if (i > 0)
        g_assert_cmpstr (before, !=, crk_chart_view_get_description (f->window->chart_view));

      crk_chart_hits_clear (crk_chart_view_get_hits (f->window->chart_view));
      gtk_widget_queue_draw (GTK_WIDGET (f->window->chart_view));
      crk_test_app_wait (chart_drawn, f->window->chart_view, 10);
    }

  /* clicking a bar of the ranked bar chart selects that city in the table */
  gtk_widget_activate_action (widget, "win.chart-kind", "s", "bar");
  crk_chart_hits_clear (crk_chart_view_get_hits (f->window->chart_view));
  gtk_widget_queue_draw (GTK_WIDGET (f->window->chart_view));
  crk_test_app_wait (chart_drawn, f->window->chart_view, 10);
  {
    CrkChartHits *hits = crk_chart_view_get_hits (f->window->chart_view);
    const CrkChartHit *target = NULL;
    g_autoptr (GArray) now = NULL;

    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

        if (hit->kind == CRK_CHART_HIT_BAR && hit->city != G_MAXUINT &&
            crk_results_get_rank (results, hit->city) == 5)
          target = hit;
      }
    g_assert_nonnull (target);
    g_assert_true (crk_chart_view_activate_at (f->window->chart_view,
                                               target->rect.x + target->rect.width / 2,
                                               target->rect.y + target->rect.height / 2));
    now = crk_window_dup_selected_cities (f->window);
    g_assert_cmpuint (now->len, ==, 1);
    g_assert_cmpuint (crk_results_get_rank (results, g_array_index (now, guint, 0)), ==, 5);
    g_assert_cmpuint (crk_city_detail_get_city (f->window->city_detail), ==,
                      g_array_index (now, guint, 0));
  }
}

/* What the window last drew of @widget, or NULL while a new drawing is pending. */
static GskRenderNode *
last_drawn (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GdkPaintable) image = gdk_paintable_get_current_image (paintable);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (image, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
has_drawing (gpointer data)
{
  g_autoptr (GskRenderNode) node = last_drawn (data);

  return node != NULL;
}

/* How many pixels of the chart, as the window last drew it, are strongly coloured (bars,
 * not text, grid or background) in the part of the chart from @y to @y + @height (chart
 * coordinates). */
static guint
count_bar_pixels (CrkChartView *view, double y, double height)
{
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  g_autofree guchar *pixels = NULL;
  int tw, th;
  guint count = 0;

  /* a drawing queued and not yet done (a slow build) is waited for, not counted as none */
  crk_test_app_wait (has_drawing, widget, 10);
  node = last_drawn (widget);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, y, width, height));
  tw = gdk_texture_get_width (texture);
  th = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) tw * th * 4);
  gdk_texture_download (texture, pixels, (gsize) tw * 4);
  for (int i = 0; i < tw * th; i++)
    {
      const guchar *p = pixels + (gsize) i * 4;

      if (p[3] > 200 && MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]) > 90)
        count++;
    }
  return count;
}

/* The ranked bars of 100 cities are taller than the chart area: the view draws only what
 * its scrolled window shows, and draws again what a scroll brings into view. */
static void
test_chart_scroll (Fixture *f, gconstpointer data)
{
  CrkChartView *view = f->window->chart_view;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj;
  double page, upper;

  g_assert_nonnull (scroller);
  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart-kind", "s", "bar");
  crk_chart_hits_clear (crk_chart_view_get_hits (view));
  gtk_widget_queue_draw (GTK_WIDGET (view));
  crk_test_app_wait (chart_drawn, view, 10);
  crk_test_app_spin (50);

  page = gtk_adjustment_get_page_size (vadj);
  upper = gtk_adjustment_get_upper (vadj);
  g_assert_cmpfloat (upper, >, 2 * page); /* 100 rows do not fit */
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
  g_assert_cmpuint (count_bar_pixels (view, 0, page), >, 500);
  /* out of sight, nothing was drawn */
  g_assert_cmpuint (count_bar_pixels (view, upper - page, page), <, 50);

  /* to the end: the last rows are drawn, and their bars can be hovered and clicked */
  gtk_adjustment_set_value (vadj, upper - page);
  crk_test_app_spin (100);
  g_assert_cmpuint (count_bar_pixels (view, upper - page, page), >, 500);
  {
    CrkChartHits *hits = crk_chart_view_get_hits (view);
    gboolean last_row = FALSE;

    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      {
        const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

        if (hit->kind == CRK_CHART_HIT_BAR && hit->rect.y >= upper - page)
          last_row = TRUE;
      }
    g_assert_true (last_row);
  }
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The keyboard shortcuts window is built when first asked for, then kept. */
static void
test_help_overlay (Fixture *f, gconstpointer data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (f->window);
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (overlay);
  crk_test_app_wait (widget_visible, overlay, 10);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (overlay)) != NULL);

  gtk_window_close (GTK_WINDOW (overlay));
  crk_test_app_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  crk_test_app_wait (widget_visible, overlay, 10);
  gtk_window_close (GTK_WINDOW (overlay));
  crk_test_app_spin (20);
}

/* A weight change re-sorts the table by whatever column it is sorted by; a column whose
 * keys do not follow the method keeps its order. */
static void
test_sort_follows_weights (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = f->window->column_view;
  GtkAdjustment *weight = crk_method_panel_get_weight_adjustment (f->window->method_panel, "INNOV");
  g_autoptr (GArray) original = dup_ranks (f->window);
  guint n = n_shown (f);

  gtk_column_view_sort_by_column (view, column_by_title (f, "City"), GTK_SORT_ASCENDING);
  gtk_adjustment_set_value (weight, 0.0);
  {
    g_autoptr (GArray) now = dup_ranks (f->window);

    g_assert_false (same_ranks (original, now));
  }
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_object_get (row_at (f, i - 1), "primary-name", &a, NULL);
      g_object_get (row_at (f, i), "primary-name", &b, NULL);
      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }

  gtk_column_view_sort_by_column (view, column_by_title (f, "Score"), GTK_SORT_ASCENDING);
  gtk_adjustment_set_value (weight, 0.9);
  for (guint i = 1; i < n; i++)
    {
      double a = crk_ranking_row_get_score (row_at (f, i - 1));
      double b = crk_ranking_row_get_score (row_at (f, i));

      g_assert_true (isnan (b) || a >= b);
    }
  g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, 0)), ==, 1);
}

static void
test_weight_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *widget = GTK_WIDGET (f->window);
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  g_autoptr (GArray) original = dup_ranks (f->window);
  g_autoptr (GArray) changed = NULL;
  GtkAdjustment *weight = crk_method_panel_get_weight_adjustment (f->window->method_panel, "INNOV");
  gboolean shifted = FALSE;

  g_assert_nonnull (weight);
  g_assert_false (crk_dataset_get_modified (dataset));
  g_assert_false (gtk_widget_is_sensitive (widget) == FALSE);

  gtk_adjustment_set_value (weight, 0.0);
  changed = dup_ranks (f->window);
  g_assert_false (same_ranks (original, changed));
  g_assert_true (crk_dataset_get_modified (dataset));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
  g_assert_cmpfloat (crk_method_get_weight (crk_dataset_get_method (dataset), "INNOV"), ==, 0.0);

  /* the table follows at once and shows the movements */
  for (guint i = 0; i < n_shown (f); i++)
    {
      CrkRankingRow *row = row_at (f, i);

      g_assert_cmpuint (crk_ranking_row_get_rank (row), ==, i + 1);
      shifted |= crk_ranking_row_get_shift (row) != 0;
    }
  g_assert_true (shifted);

  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_true (same_ranks (original, dup_ranks (f->window)));
  g_assert_false (crk_dataset_get_modified (dataset));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (weight), 0.25, 1e-9);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));

  gtk_widget_activate_action (widget, "win.redo", NULL);
  {
    g_autoptr (GArray) again = dup_ranks (f->window);

    g_assert_true (same_ranks (changed, again));
  }
  g_assert_cmpfloat (gtk_adjustment_get_value (weight), ==, 0.0);

  gtk_widget_activate_action (widget, "win.reset-method", NULL);
  g_assert_true (same_ranks (original, dup_ranks (f->window)));
  g_assert_false (crk_dataset_get_modified (dataset));

  /* another year */
  if (crk_dataset_get_n_years (dataset) > 1)
    {
      int first_year = crk_dataset_get_year (dataset, 0);

      gtk_drop_down_set_selected (f->window->year_dropdown, 0);
      g_assert_cmpint (crk_window_get_year (f->window), ==, first_year);
      g_assert_cmpint (crk_results_get_year (crk_window_get_results (f->window)), ==, first_year);
    }
}

static void
check_file (const char *path, const char *magic, gsize min_size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, min_size);
  g_assert_nonnull (g_strstr_len (contents, MIN (length, 400), magic));
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->tmpdir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (f->tmpdir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->tmpdir, "chart.pdf", NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (crk_window_export_chart (f->window, png, CRK_EXPORT_FORMAT_AUTO, 1200, 900, 150,
                                          CRK_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  check_file (png, "PNG", 10000);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  cairo_surface_destroy (image);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.chart-kind", "s", "bar");
  g_assert_true (crk_window_export_chart (f->window, svg, CRK_EXPORT_FORMAT_AUTO, 1600, 2400, 96,
                                          CRK_CHART_STYLE_DARK, &error));
  g_assert_no_error (error);
  check_file (svg, "<svg", 5000);

  g_assert_true (crk_window_export_chart (f->window, pdf, CRK_EXPORT_FORMAT_AUTO, 1600, 1200, 300,
                                          CRK_CHART_STYLE_PRINT, &error));
  g_assert_no_error (error);
  check_file (pdf, "%PDF", 5000);

  g_assert_false (crk_window_export_chart (f->window, "/nonexistent-dir/chart.png",
                                           CRK_EXPORT_FORMAT_AUTO, 800, 600, 96,
                                           CRK_CHART_STYLE_LIGHT, &error));
  g_assert_nonnull (error);
}

static gboolean
dialog_shown (gpointer data)
{
  return crk_window_get_message_dialog (data) != NULL && !crk_window_get_loading (data);
}

static GtkWidget *
find_label_containing (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  g_autofree char *sample =
    g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                      "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
  g_autofree char *path = g_build_filename (f->tmpdir, "bad.cityrank.xml", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *joined = NULL;
  g_autoptr (GFile) file = NULL;
  CrkDataset *before = crk_window_get_dataset (f->window);
  AdwMessageDialog *dialog;
  guint bad_a = 0, bad_b = 0;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  /* two values that are not numbers, on known lines */
  for (guint i = 0; lines[i] != NULL && bad_b == 0; i++)
    if (strstr (lines[i], "<v i=\"AV_") != NULL && strstr (lines[i], "</v>") != NULL)
      {
        g_autofree char *start = g_strndup (lines[i], strstr (lines[i], ">") - lines[i] + 1);

        g_free (lines[i]);
        lines[i] = g_strconcat (start, bad_a == 0 ? "abc" : "1,5x", "</v>", NULL);
        if (bad_a == 0)
          bad_a = i + 1;
        else
          bad_b = i + 1;
      }
  g_assert_cmpuint (bad_b, >, bad_a);
  joined = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));

  file = g_file_new_for_path (path);
  crk_window_open (f->window, file);
  crk_test_app_wait (dialog_shown, f->window, 20);

  dialog = crk_window_get_message_dialog (f->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "bad.cityrank.xml"));
  {
    g_autofree char *where_a = g_strdup_printf ("bad.cityrank.xml:%u:", bad_a);
    g_autofree char *where_b = g_strdup_printf ("bad.cityrank.xml:%u:", bad_b);

    g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), where_a));
    g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), where_b));
  }

  /* the sample stays open, unchanged */
  g_assert_true (crk_window_get_dataset (f->window) == before);
  g_assert_null (crk_window_get_file (f->window));
  g_assert_cmpuint (n_shown (f), ==, 100);

  adw_message_dialog_response (dialog, "close");
  crk_test_app_spin (20);
}

/* A small file declaring a grid over the memory budget: refused with the dimensions and
 * the memory named, and the open dataset stays. */
static void
test_over_budget (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "grid.cityrank.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CrkDataset *before = crk_window_get_dataset (f->window);
  AdwMessageDialog *dialog;

  g_assert_true (crk_test_write_grid (path, 600, 700, 3, CRK_TEST_GRID_ONE_VALUE, &error));
  g_assert_no_error (error);
  crk_io_set_memory_limit (4 << 20);
  crk_window_open (f->window, file);
  crk_test_app_wait (dialog_shown, f->window, 20);
  crk_io_set_memory_limit (0);

  dialog = crk_window_get_message_dialog (f->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "grid.cityrank.xml"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "600 cities × 700 indicators"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "grid.cityrank.xml:"));
  g_assert_true (crk_window_get_dataset (f->window) == before);
  g_assert_cmpuint (n_shown (f), ==, 100);
  adw_message_dialog_response (dialog, "close");
  crk_test_app_spin (20);
}

static gboolean
file_loaded (gpointer data)
{
  return crk_window_get_file (data) != NULL && !crk_window_get_loading (data);
}

static gboolean
recent_listed (gpointer data)
{
  CrkWindow *window = data;
  GMenuModel *menu = G_MENU_MODEL (window->recent_section);
  const char *uri = g_object_get_data (G_OBJECT (window), "crk-test-uri");

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GVariant) target = g_menu_model_get_item_attribute_value (
        menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_save_and_reopen (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "saved.cityrank.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) reread = NULL;
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  GtkAdjustment *weight = crk_method_panel_get_weight_adjustment (f->window->method_panel, "GREEN");

  gtk_adjustment_set_value (weight, 0.6);
  g_assert_true (crk_dataset_get_modified (dataset));
  g_assert_true (crk_window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (crk_dataset_get_modified (dataset));
  g_assert_true (g_file_equal (crk_window_get_file (f->window), file));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "saved.cityrank.xml"));

  reread = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (crk_method_get_weight (crk_dataset_get_method (reread), "GREEN"),
                                  0.6, 1e-9);

  /* open it again through the async loader */
  crk_window_open (f->window, file);
  crk_test_app_wait (file_loaded, f->window, 20);
  g_assert_false (crk_window_get_dataset (f->window) == dataset);
  g_assert_cmpfloat_with_epsilon (
    crk_method_get_weight (crk_dataset_get_method (crk_window_get_dataset (f->window)), "GREEN"),
    0.6, 1e-9);

  /* the file is now a recent dataset, offered by the Open button's menu */
  g_object_set_data_full (G_OBJECT (f->window), "crk-test-uri", g_file_get_uri (file), g_free);
  crk_test_app_wait (recent_listed, f->window, 10);
}

static AdwComboRow *
find_combo_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every choice of the method panel reaches the method, re-ranks, and undoes. */
static void
test_method_choices (Fixture *f, gconstpointer data)
{
  GtkWidget *panel = GTK_WIDGET (f->window->method_panel);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  AdwComboRow *normalisation = find_combo_row (panel, "_Normalisation");
  AdwComboRow *aggregation = find_combo_row (panel, "_Aggregation");
  AdwComboRow *imputation = find_combo_row (panel, "_Missing values");
  AdwComboRow *treatment = find_combo_row (panel, "_Outliers");
  AdwComboRow *scheme = find_combo_row (panel, "_Weight scheme");
  AdwComboRow *tiers = find_combo_row (panel, "_Tiers");
  AdwComboRow *base_year = find_combo_row (panel, "_Base year");
  g_autoptr (CrkMethod) original = crk_method_copy (method);
  g_autoptr (GArray) ranks = dup_ranks (f->window);
  CrkResults *results;

  g_assert_nonnull (normalisation);
  g_assert_nonnull (aggregation);
  g_assert_nonnull (imputation);
  g_assert_nonnull (treatment);
  g_assert_nonnull (scheme);
  g_assert_nonnull (tiers);
  g_assert_nonnull (base_year);

  /* the panel shows the dataset's method */
  g_assert_cmpuint (adw_combo_row_get_selected (normalisation), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (aggregation), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (scheme), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (tiers), ==, 1); /* CCID stages */

  adw_combo_row_set_selected (normalisation, 3); /* rank */
  g_assert_cmpint (crk_method_get_normalisation (method, NULL, NULL), ==, CRK_NORMALISATION_RANK);
  {
    g_autoptr (GArray) now = dup_ranks (f->window);

    g_assert_false (same_ranks (ranks, now));
  }

  /* rank scores start at 0: a geometric mean is undefined; the window says so and keeps
   * the last ranking */
  results = crk_window_get_results (f->window);
  adw_combo_row_set_selected (aggregation, 1);
  g_assert_cmpint (crk_method_get_aggregation (method), ==, CRK_AGGREGATION_GEOMETRIC);
  g_assert_true (crk_window_get_results (f->window) == results);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->error_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->error_label), "Cannot rank"));

  /* min-max to [1, 100] keeps every score positive: ranked again */
  adw_combo_row_set_selected (normalisation, 1);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->error_revealer));
  g_assert_false (crk_window_get_results (f->window) == results);

  /* choosing the geometric mean over min-max [0, 100] moves it to [1, 100] at once */
  adw_combo_row_set_selected (aggregation, 0);
  adw_combo_row_set_selected (normalisation, 0);
  adw_combo_row_set_selected (aggregation, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (normalisation), ==, 1);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->error_revealer));
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (crk_method_get_aggregation (method), ==, CRK_AGGREGATION_GEOMETRIC);
  g_assert_cmpuint (adw_combo_row_get_selected (normalisation), ==, 1);
  adw_combo_row_set_selected (imputation, 3);
  g_assert_cmpint (crk_method_get_imputation (method), ==, CRK_IMPUTATION_GROUP_MEAN);
  g_assert_cmpstr (crk_method_get_impute_group (method), ==, "province");
  adw_combo_row_set_selected (treatment, 1);
  g_assert_cmpint (crk_method_get_treatment (method), ==, CRK_TREATMENT_WINSORISE);
  adw_combo_row_set_selected (scheme, 1);
  g_assert_cmpint (crk_method_get_weight_scheme (method), ==, CRK_WEIGHTS_EQUAL);

  adw_combo_row_set_selected (tiers, 2); /* quartiles */
  results = crk_window_get_results (f->window);
  g_assert_cmpint (crk_method_get_tier_rule (method), ==, CRK_TIER_RULE_QUANTILES);
  g_assert_cmpuint (crk_results_get_n_tiers (results), ==, 4);

  adw_combo_row_set_selected (base_year, 0); /* none */
  g_assert_cmpint (crk_method_get_base_year (method), ==, 0);
  g_assert_false (crk_results_has_base_year (crk_window_get_results (f->window)));
  {
    int state = -1;

    g_object_get (row_at (f, 0), "change-state", &state, NULL);
    g_assert_cmpint (state, ==, CRK_CHANGE_NONE);
  }

  /* every step back to the file's method, and the panel follows */
  for (guint i = 0; i < 8; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (crk_method_equal (method, original));
  g_assert_true (same_ranks (ranks, dup_ranks (f->window)));
  g_assert_cmpuint (adw_combo_row_get_selected (normalisation), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (tiers), ==, 1);
  g_assert_false (crk_dataset_get_modified (crk_window_get_dataset (f->window)));
}

/* A file dropped on the window opens. */
static void
test_drop (Fixture *f, gconstpointer data)
{
  g_autofree char *sample =
    g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                      "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (sample);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  GtkDropTarget *target = NULL;
  GSList *list = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  crk_test_app_wait (file_loaded, f->window, 20);
  g_assert_true (g_file_equal (crk_window_get_file (f->window), file));
  g_assert_cmpuint (crk_dataset_get_n_cities (crk_window_get_dataset (f->window)), ==, 1);
}

/* With a full-availability threshold the cities missing a value drop out of the ranking:
 * their rows sort last and say why, and so does the detail. */
static void
test_unranked (Fixture *f, gconstpointer data)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  CrkMethod *method = crk_dataset_get_method (dataset);
  guint n = n_shown (f);
  CrkRankingRow *last;
  guint city;

  crk_method_set_availability (method, 1.0);
  g_assert_cmpuint (crk_results_get_n_ranked (crk_window_get_results (f->window)), <, 100);
  last = row_at (f, n - 1);
  g_assert_cmpuint (crk_ranking_row_get_rank (last), ==, 0);
  g_assert_nonnull (crk_ranking_row_get_unranked_reason (last));
  g_assert_cmpuint (strlen (crk_ranking_row_get_unranked_reason (last)), >, 5);
  g_assert_cmpuint (crk_ranking_row_get_rank (row_at (f, 0)), ==, 1);

  city = crk_city_get_index (crk_ranking_row_get_city (last));
  crk_window_select_city (f->window, city, FALSE);
  g_assert_cmpuint (crk_city_detail_get_city (f->window->city_detail), ==, city);
  g_assert_cmpstr (crk_city_detail_get_rank_text (f->window->city_detail), ==, "—");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (crk_results_get_n_ranked (crk_window_get_results (f->window)), ==, 100);
  g_assert_cmpuint (crk_ranking_row_get_rank (last), >, 0);
}

/* Window size, maximised state and pane positions are kept in GSettings on close. */
static void
test_state (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = crk_application_dup_settings ();
  CrkWindow *window = f->window;

  if (settings == NULL)
    {
      g_test_skip ("the schema is not compiled");
      return;
    }
  /* F9 and Shift+F9 hide the side panes */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  g_assert_false (adw_flap_get_reveal_flap (window->detail_flap));
  g_assert_false (g_settings_get_boolean (settings, "show-detail"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  g_assert_true (adw_flap_get_reveal_flap (window->detail_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-method", NULL);
  g_assert_false (adw_flap_get_reveal_flap (window->method_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-method", NULL);
  g_assert_true (adw_flap_get_reveal_flap (window->method_flap));

  gtk_paned_set_position (window->chart_paned, 345);
  crk_test_app_spin (50);
  gtk_window_close (GTK_WINDOW (window));
  crk_test_app_spin (20);
  f->window = NULL;
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1400);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 880);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "chart-position"), ==, 345);

  /* a new window takes them back */
  window = crk_window_new (NULL);
  g_object_ref_sink (window);
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1400);
    g_assert_cmpint (height, ==, 880);
    g_assert_cmpint (gtk_paned_get_position (window->chart_paned), ==, 345);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (20);
  g_assert_finalize_object (window);
}

/* A COINr CSV pair: either table opens both; the import has no file until saved. */
static void
test_import_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "asem",
                                            "asem_idata.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrkDataset *before = crk_window_get_dataset (f->window);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the shared ASEM data is not there (set -Dshared_dir)");
      return;
    }
  crk_window_open (f->window, file);
  g_assert_true (crk_window_get_loading (f->window));
  crk_test_app_wait (crk_test_app_not_loading, f->window, 30);
  g_assert_null (crk_window_get_message_dialog (f->window));
  g_assert_false (crk_window_get_dataset (f->window) == before);
  g_assert_cmpuint (crk_dataset_get_n_cities (crk_window_get_dataset (f->window)), ==, 51);
  g_assert_null (crk_window_get_file (f->window));
  g_assert_cmpuint (n_shown (f), ==, 51);
  g_assert_nonnull (crk_window_get_results (f->window));
  g_assert_nonnull (
    strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "asem_idata.csv (imported)"));
}

static void
on_weak_notify (gpointer data, GObject *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
dialog_present (gpointer data)
{
  return crk_window_get_message_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return crk_window_get_message_dialog (data) == NULL;
}

static void
test_unsaved_close (Fixture *f, gconstpointer data)
{
  CrkWindow *window = f->window;
  GtkAdjustment *weight = crk_method_panel_get_weight_adjustment (window->method_panel, "BRAND");
  AdwMessageDialog *dialog;
  gboolean finalized = FALSE;

  gtk_adjustment_set_value (weight, 0.9);
  g_assert_true (crk_dataset_get_modified (crk_window_get_dataset (window)));

  /* cancel: the window stays */
  gtk_window_close (GTK_WINDOW (window));
  crk_test_app_wait (dialog_present, window, 5);
  dialog = crk_window_get_message_dialog (window);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  adw_message_dialog_response (dialog, "cancel");
  crk_test_app_wait (dialog_gone, window, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (crk_dataset_get_modified (crk_window_get_dataset (window)));

  /* opening another file asks too; discard opens it */
  {
    g_autofree char *sample =
      g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                        "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (sample);

    crk_window_open (window, file);
    crk_test_app_wait (dialog_present, window, 5);
    g_assert_false (crk_window_get_loading (window));
    adw_message_dialog_response (crk_window_get_message_dialog (window), "discard");
    crk_test_app_wait (file_loaded, window, 20);
    g_assert_cmpuint (crk_dataset_get_n_cities (crk_window_get_dataset (window)), ==, 1);
  }

  /* discard on close: the window goes */
  crk_window_open_sample (window);
  weight = crk_method_panel_get_weight_adjustment (window->method_panel, "BRAND");
  gtk_adjustment_set_value (weight, 0.9);
  g_object_weak_ref (G_OBJECT (window), on_weak_notify, &finalized);
  gtk_window_close (GTK_WINDOW (window));
  crk_test_app_wait (dialog_present, window, 5);
  adw_message_dialog_response (crk_window_get_message_dialog (window), "discard");
  crk_test_app_spin (30);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  f->window = NULL;
  g_assert_finalize_object (window);
  crk_test_app_wait (flag_set, &finalized, 1);
}

static guint
count_labels (GtkWidget *widget, const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
    g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static CrkRankingRow *
row_of (Fixture *f, const char *code)
{
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (crk_city_get_code (crk_ranking_row_get_city (row_at (f, i))), code) == 0)
      return row_at (f, i);
  return NULL;
}

static gboolean
province_cells_shown (gpointer data)
{
  Fixture *f = data;

  return count_labels (GTK_WIDGET (f->window->column_view), "广东") > 0;
}

static gboolean
group_rank_shown (gpointer data)
{
  Fixture *f = data;

  return find_label_containing (GTK_WIDGET (f->window->city_detail), "Rank in 广东") != NULL;
}

/* A Chinese reader sees the province's Chinese name in the table, the city detail and
 * the search; grouping keeps the value. */
static void
test_group_names_zh (Fixture *f, gconstpointer data)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  GtkEditable *entry = GTK_EDITABLE (f->window->search_entry);
  const char *const codes[] = {"SHENZHEN", NULL};
  guint guangdong = 0;
  g_autofree char *province = NULL;

  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    guangdong +=
      g_strcmp0 (crk_city_get_province (crk_dataset_get_city (dataset, i)), "Guangdong") == 0;
  g_assert_cmpuint (guangdong, >, 1);

  crk_dataset_set_group_name (dataset, "province", "Guangdong", "Guangdong", "广东");
  crk_dataset_set_group_name (dataset, "province", "Jiangsu", "Jiangsu", "江苏");
  /* the rows take the names in the language of the time they are made: reload */
  crk_locale_set_language ("zh");
  crk_window_set_dataset (f->window, dataset, NULL);
  crk_test_app_wait (crk_test_app_has_results, f->window, 10);
  crk_test_app_wait (crk_test_app_all_rows, f->window, 10);

  g_object_get (row_of (f, "SHENZHEN"), "province", &province, NULL);
  g_assert_cmpstr (province, ==, "广东");
  g_clear_pointer (&province, g_free);
  g_object_get (row_of (f, "SUZHOU_JS"), "province", &province, NULL);
  g_assert_cmpstr (province, ==, "江苏");
  g_clear_pointer (&province, g_free);

  /* the cells: Shenzhen and Guangzhou lead the sample, both in Guangdong */
  crk_test_app_wait (province_cells_shown, f, 10);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->window->column_view), "Guangdong"), ==, 0);

  /* the search matches the Chinese name, the English name and the value */
  gtk_editable_set_text (entry, "广东");
  g_assert_cmpuint (n_shown (f), ==, guangdong);
  for (guint i = 0; i < n_shown (f); i++)
    g_assert_cmpstr (crk_city_get_province (crk_ranking_row_get_city (row_at (f, i))), ==,
                     "Guangdong");
  gtk_editable_set_text (entry, "江苏");
  g_assert_cmpuint (n_shown (f), >, 1);
  for (guint i = 0; i < n_shown (f); i++)
    g_assert_cmpstr (crk_city_get_province (crk_ranking_row_get_city (row_at (f, i))), ==,
                     "Jiangsu");
  gtk_editable_set_text (entry, "guangdong");
  g_assert_cmpuint (n_shown (f), ==, guangdong);
  gtk_editable_set_text (entry, "");

  /* the city detail: "Shenzhen · 广东", and the rank within the province by its name */
  crk_window_select_codes (f->window, codes);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (f->window->city_detail), "Shenzhen · 广东"));
  g_assert_null (find_label_containing (GTK_WIDGET (f->window->city_detail), "Guangdong"));
  crk_method_set_group_attribute (crk_dataset_get_method (dataset), "province");
  crk_test_app_wait (group_rank_shown, f, 10);
  g_assert_cmpuint (
    crk_results_get_group_rank (crk_window_get_results (f->window),
                                crk_city_get_index (crk_dataset_lookup_city (dataset, "SHENZHEN"))),
    ==, 1);

  crk_locale_set_language (NULL);
}

int
main (int argc, char *argv[])
{
  if (!crk_test_app_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/window/open-sample", test_open_sample);
  ADD ("/app/window/sort", test_sort);
  ADD ("/app/window/filter", test_filter);
  ADD ("/app/window/select-and-charts", test_select_and_charts);
  ADD ("/app/window/chart-scroll", test_chart_scroll);
  ADD ("/app/window/help-overlay", test_help_overlay);
  ADD ("/app/window/weight-undo", test_weight_undo);
  ADD ("/app/window/sort-follows-weights", test_sort_follows_weights);
  ADD ("/app/window/export", test_export);
  ADD ("/app/window/bad-file", test_bad_file);
  ADD ("/app/window/over-budget", test_over_budget);
  ADD ("/app/window/save-and-reopen", test_save_and_reopen);
  ADD ("/app/window/unsaved-close", test_unsaved_close);
  ADD ("/app/window/import-csv", test_import_csv);
  ADD ("/app/window/state", test_state);
  ADD ("/app/window/unranked", test_unranked);
  ADD ("/app/window/drop", test_drop);
  ADD ("/app/window/method-choices", test_method_choices);
  ADD ("/app/window/group-names-zh", test_group_names_zh);
#undef ADD

  {
    int status = g_test_run ();

    crk_test_app_cleanup ();
    return status;
  }
}
