/* test-app-words.c: what the ranking table says: its headers (tooltips with the full
 * names, the two arrows told apart, an ellipsis rather than a cut), a search with no
 * match, a new dataset shown from its top, the geometric mean's banner by names, a
 * city's name on its numbers' line when it has one name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-application.h"
#include "crk-ranking-row.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = crk_test_app_sample_window (1400, 880);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  crk_test_app_close_window (f->window);
}

/* The header widget of @column: the column view's first child holds one per column, in
 * the columns' order. */
static GtkWidget *
header_of (CrkWindow *window, GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (window->column_view);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (window->column_view));
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  guint i = 0;

  g_assert_true (title_type != 0);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr (GtkColumnViewColumn) c = NULL;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (title, title_type))
        continue;
      c = g_list_model_get_item (columns, i++);
      if (c == column)
        return title;
    }
  g_assert_not_reached ();
  return NULL;
}

static GtkLabel *
label_in (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = label_in (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Every header has a tooltip and ends in an ellipsis when it does not fit; the
 * dimensions' tooltips are their whole names (their titles are cut to a word); the two
 * arrows' columns say which change they show. */
static void
test_headers (Fixture *f, gconstpointer data)
{
  GListModel *columns = gtk_column_view_get_columns (f->window->column_view);
  GPtrArray *dims = crk_dataset_get_dimensions (crk_window_get_dataset (f->window));
  guint n_shortened = 0;
  const char *rank_tip, *change_tip;

  g_assert_cmpuint (g_list_model_get_n_items (columns), >, 6);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *header = header_of (f->window, column);
      GtkLabel *label = label_in (header);
      const char *tooltip = gtk_widget_get_tooltip_text (header);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_label (label), ==, gtk_column_view_column_get_title (column));
      g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
      g_assert_nonnull (tooltip);
      g_assert_cmpuint (strlen (tooltip), >=, strlen (gtk_column_view_column_get_title (column)));
    }
  g_assert_cmpuint (f->window->dimension_columns->len, ==, dims->len);
  for (guint d = 0; d < f->window->dimension_columns->len; d++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (f->window->dimension_columns, d);
      const char *name = crk_framework_node_get_display_name (g_ptr_array_index (dims, d));

      g_assert_cmpstr (gtk_widget_get_tooltip_text (header_of (f->window, column)), ==, name);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), name) != 0)
        n_shortened++;
    }
  /* the sample has long English dimension names: some titles are cut, the tooltip not */
  g_assert_cmpuint (n_shortened, >, 0);

  rank_tip = gtk_widget_get_tooltip_text (header_of (f->window, f->window->rank_column));
  change_tip = gtk_widget_get_tooltip_text (header_of (f->window, f->window->change_column));
  g_assert_nonnull (strstr (rank_tip, "last method change"));
  g_assert_null (strstr (rank_tip, "base year"));
  g_assert_nonnull (strstr (change_tip, "base year"));
  g_assert_null (strstr (change_tip, "method change"));
  g_assert_nonnull (
    strstr (gtk_column_view_column_get_title (f->window->change_column), "Base Year"));

  /* a narrow column ellipsizes its title rather than cutting it */
  {
    GtkWidget *header = header_of (f->window, f->window->change_column);
    GtkLabel *label = label_in (header);
    PangoLayout *layout;

    gtk_column_view_column_set_fixed_width (f->window->change_column, 48);
    crk_test_app_spin (100);
    layout = gtk_label_get_layout (label);
    g_assert_true (pango_layout_is_ellipsized (layout));
    g_assert_cmpint (gtk_widget_get_width (header), <=, 48);
  }
}

static gboolean
page_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
page_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* A search with no match says so over the table; clearing it shows the rows again. */
static void
test_no_match (Fixture *f, gconstpointer data)
{
  GtkWidget *page = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), CRK_TYPE_WINDOW, "no_match_page"));

  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_false (gtk_widget_get_visible (page));

  /* a search that matches keeps the page away */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "a");
  crk_test_app_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->filter_model)), >, 0);
  g_assert_false (gtk_widget_get_visible (page));

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "qqxqq");
  crk_test_app_wait (page_shown, page, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->filter_model)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "“qqxqq”"));

  /* still nothing, with a longer search: the page says the new one */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "qqxqqz");
  crk_test_app_spin (50);
  g_assert_true (gtk_widget_get_visible (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "“qqxqqz”"));

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "");
  crk_test_app_wait (page_hidden, page, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->filter_model)), ==,
                    f->window->rows->len);
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

/* A dataset opened after the table was scrolled down starts at its top. */
static void
test_scroll_top (Fixture *f, gconstpointer data)
{
  GtkAdjustment *adjustment =
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->window->column_view));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (
    adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  crk_test_app_wait (scrolled_down, adjustment, 5);
  crk_test_app_spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  dataset = crk_window_read_sample (&error);
  g_assert_no_error (error);
  crk_window_set_dataset (f->window, g_object_ref (dataset), NULL);
  crk_test_app_wait (crk_test_app_has_results, f->window, 10);
  crk_test_app_wait (crk_test_app_all_rows, f->window, 10);
  crk_test_app_spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (data);
}

/* The geometric mean's banner names the city and the indicator as the table does, not
 * by their codes. */
static void
test_geometric_banner (Fixture *f, gconstpointer data)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);
  CrkMethod *method = crk_dataset_get_method (dataset);
  GListModel *cities = crk_dataset_get_cities (dataset);
  const char *banner;
  guint named = 0;

  /* rank scores start at 0: the geometric mean cannot take them */
  crk_method_set_normalisation (method, CRK_NORMALISATION_RANK, 0, 0);
  crk_method_set_aggregation (method, CRK_AGGREGATION_GEOMETRIC);
  crk_test_app_wait (banner_shown, f->window->error_revealer, 5);
  banner = gtk_label_get_label (f->window->error_label);
  g_assert_nonnull (strstr (banner, "geometric mean"));

  for (guint i = 0; i < g_list_model_get_n_items (cities); i++)
    {
      g_autoptr (CrkCity) city = g_list_model_get_item (cities, i);
      g_autofree char *code = g_strdup_printf ("“%s”", crk_city_get_code (city));
      g_autofree char *name = g_strdup_printf ("“%s”", crk_city_get_display_name (city));

      g_assert_cmpstr (code, !=, name);
      g_assert_null (strstr (banner, code));
      if (strstr (banner, name) != NULL)
        named++;
    }
  g_assert_cmpuint (named, ==, 1);
  for (guint k = 0; k < crk_dataset_get_n_indicators (dataset); k++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (dataset, k);
      g_autofree char *code = g_strdup_printf ("“%s”", crk_indicator_get_code (indicator));

      g_assert_null (strstr (banner, code));
    }
}

static GtkWidget *
find_label (GtkWidget *widget, const char *text, const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      (text == NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
center_y (GtkWidget *widget, GtkWidget *relative_to)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, relative_to, &bounds));
  return bounds.origin.y + bounds.size.height / 2;
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return find_label (args[0], args[1], NULL) != NULL;
}

/* A city without a name in the other language has its name on the line of its numbers,
 * not above it; one with both names keeps them on two lines around it. */
static void
test_name_alignment (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_window_read_sample (&error);
  GListModel *cities;
  g_autoptr (CrkCity) alone = NULL;
  g_autoptr (CrkCity) both = NULL;
  GtkWidget *view = GTK_WIDGET (f->window->column_view);

  g_assert_no_error (error);
  cities = crk_dataset_get_cities (dataset);
  alone = g_list_model_get_item (cities, 0);
  both = g_list_model_get_item (cities, 1);
  g_assert_nonnull (crk_city_get_name_zh (both));
  crk_city_set_name_zh (alone, NULL);
  crk_window_set_dataset (f->window, g_object_ref (dataset), NULL);
  crk_test_app_wait (crk_test_app_has_results, f->window, 10);
  crk_test_app_wait (crk_test_app_all_rows, f->window, 10);

  for (guint i = 0; i < 2; i++)
    {
      CrkCity *city = i == 0 ? alone : both;
      const char *name = crk_city_get_display_name (city);
      gpointer args[2] = {view, (gpointer) name};
      GtkWidget *label, *row, *rank;
      double name_y, rank_y;

      crk_window_select_city (f->window, i == 0 ? 0 : 1, FALSE);
      crk_test_app_wait (label_shown, args, 5);
      crk_test_app_spin (100);
      label = find_label (view, name, NULL);
      /* the row: the ancestor whose parent is the list */
      row = label;
      while (gtk_widget_get_parent (row) != NULL &&
             !GTK_IS_SCROLLABLE (gtk_widget_get_parent (row)))
        row = gtk_widget_get_parent (row);
      rank = find_label (row, NULL, "rank");
      g_assert_nonnull (rank);
      name_y = center_y (label, view);
      rank_y = center_y (rank, view);
      if (i == 0)
        g_assert_cmpfloat (fabs (name_y - rank_y), <=, 1);
      else
        g_assert_cmpfloat (name_y, <, rank_y - 2);
    }
}

/* a column (the tier column, the base year's) hidden */
static gboolean
tier_hidden (gpointer data)
{
  return !gtk_column_view_column_get_visible (data);
}

/* The group column follows the dataset's groups: "Province" with provinces; a dataset
 * of countries grouped by another attribute (ASEM's EurAsia_group) shows that one under
 * its name; without groups the column hides. The tier column hides under a method
 * without tiers. */
static void
test_group_and_tier_columns (Fixture *f, gconstpointer data)
{
  CrkWindow *w = f->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) grouped = crk_window_read_sample (&error);
  g_autoptr (CrkDataset) bare = crk_window_read_sample (&error);
  CrkMethod *method;

  g_assert_no_error (error);
  /* the sample: provinces and CCID's stages */
  g_assert_true (gtk_column_view_column_get_visible (w->province_column));
  g_assert_cmpstr (gtk_column_view_column_get_title (w->province_column), ==, "Province");
  g_assert_true (gtk_column_view_column_get_visible (w->tier_column));
  g_assert_cmpuint (crk_results_get_n_tiers (crk_window_get_results (w)), >, 0);

  method = crk_dataset_get_method (crk_window_get_dataset (w));
  crk_method_set_tiers (method, CRK_TIER_RULE_NONE, NULL, 0);
  crk_test_app_wait (tier_hidden, w->tier_column, 5);
  g_assert_cmpuint (crk_results_get_n_tiers (crk_window_get_results (w)), ==, 0);
  crk_method_set_ccid_stages (method);
  crk_test_app_spin (50);
  g_assert_true (gtk_column_view_column_get_visible (w->tier_column));

  /* the movement since the base year: a column only with a base year */
  g_assert_true (crk_results_has_base_year (crk_window_get_results (w)));
  g_assert_true (gtk_column_view_column_get_visible (w->change_column));
  crk_method_set_base_year (method, 0);
  crk_test_app_wait (tier_hidden, w->change_column, 5);
  g_assert_false (crk_results_has_base_year (crk_window_get_results (w)));
  crk_method_set_base_year (method, 2020);
  crk_test_app_spin (50);
  g_assert_true (gtk_column_view_column_get_visible (w->change_column));

  /* countries with another group attribute, no province */
  for (guint i = 0; i < crk_dataset_get_n_cities (grouped); i++)
    {
      CrkCity *city = crk_dataset_get_city (grouped, i);

      crk_city_set_province (city, NULL);
      crk_city_set_region (city, NULL);
      crk_city_set_attribute (city, "Size_group", i % 2 ? "S" : "L");
      crk_city_set_attribute (city, "EurAsia_group", i % 2 ? "Asia" : "Europe");
    }
  crk_window_set_dataset (w, g_object_ref (grouped), NULL);
  crk_test_app_wait (crk_test_app_all_rows, w, 10);
  g_assert_true (gtk_column_view_column_get_visible (w->province_column));
  g_assert_cmpstr (gtk_column_view_column_get_title (w->province_column), ==, "EurAsia group");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *group = NULL;
      g_autofree char *search = NULL;

      g_object_get (g_ptr_array_index (w->rows, i), "province", &group, "search-text", &search,
                    NULL);
      g_assert_cmpstr (group, ==, i % 2 ? "Asia" : "Europe");
      g_assert_nonnull (strstr (search, group));
    }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (header_of (w, w->province_column)), ==,
                   "EurAsia group");

  /* no groups at all (the sample's cities also have an "admin_level"): no column */
  for (guint i = 0; i < crk_dataset_get_n_cities (bare); i++)
    {
      CrkCity *city = crk_dataset_get_city (bare, i);
      g_auto (GStrv) names = crk_city_dup_attribute_names (city);

      crk_city_set_province (city, NULL);
      crk_city_set_region (city, NULL);
      for (guint k = 0; names[k] != NULL; k++)
        crk_city_set_attribute (city, names[k], NULL);
    }
  crk_window_set_dataset (w, g_object_ref (bare), NULL);
  crk_test_app_wait (crk_test_app_all_rows, w, 10);
  g_assert_false (gtk_column_view_column_get_visible (w->province_column));
}

int
main (int argc, char *argv[])
{
  if (!crk_test_app_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/words/headers", test_headers);
  ADD ("/app/words/no-match", test_no_match);
  ADD ("/app/words/scroll-top", test_scroll_top);
  ADD ("/app/words/geometric-banner", test_geometric_banner);
  ADD ("/app/words/name-alignment", test_name_alignment);
  ADD ("/app/words/group-and-tier-columns", test_group_and_tier_columns);
#undef ADD

  {
    int status = g_test_run ();

    crk_test_app_cleanup ();
    return status;
  }
}
