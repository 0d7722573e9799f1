/* crk-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-window.h"
#include "crk-window-private.h"

#include "crk-application.h"
#include "crk-change-label.h"
#include "crk-chart.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-export-dialog.h"
#include "crk-file-chooser.h"
#include "crk-ranking-cells.h"
#include "crk-ranking-row.h"

#define SAMPLE_RESOURCE                                                                            \
  "/io/github/cityrank/Cityrank/samples/advanced-manufacturing-cities.cityrank.xml"

G_DEFINE_FINAL_TYPE (CrkWindow, crk_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_RESULTS,
  PROP_FILE,
  PROP_LOADING,
  PROP_CHART_KIND,
  PROP_SHOW_METHOD,
  PROP_SHOW_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_crk_window_toast (CrkWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_crk_window_update_title (CrkWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  const char *subtitle = "";
  gboolean modified;

  if (self->dataset == NULL)
    {
      adw_window_title_set_title (self->window_title, _ ("Cityrank"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _ ("Cityrank"));
      return;
    }

  modified = crk_dataset_get_modified (self->dataset);
  name = _crk_window_dup_display_name (self->file);
  if (name == NULL && self->imported_from != NULL)
    {
      g_autofree char *csv = _crk_window_dup_display_name (self->imported_from);

      /* Translators: the title of a dataset imported from a CSV file, not yet saved */
      name = g_strdup_printf (_ ("%s (imported)"), csv);
    }
  if (name == NULL)
    name = g_strdup (_ ("Sample dataset"));
  subtitle = crk_dataset_get_display_title (self->dataset);

  /* the unsaved mark comes first, as in GNOME Text Editor */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  window_title = g_strdup_printf (_ ("%s — Cityrank"), title);
  /* every method change comes here: a title sent to the X server only when it changes */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* A search that leaves no row says so over the table, with what was searched. */
static void
update_no_match (CrkWindow *self, guint shown, guint total)
{
  GtkWidget *page = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (self), CRK_TYPE_WINDOW, "no_match_page"));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean none = self->dataset != NULL && total > 0 && shown == 0 && search[0] != '\0';

  if (none)
    {
      /* in the dataset's words: "No country matches “xyz”." */
      CrkUnitKind unit = crk_dataset_get_unit_kind (self->dataset);
      g_autofree char *description = crk_unit_kind_format_no_match (unit, search);

      adw_status_page_set_title (ADW_STATUS_PAGE (page),
                                 crk_unit_kind_get_word (unit, CRK_UNIT_WORD_NO_MATCH_TITLE));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
    }
  gtk_widget_set_visible (page, none);
}

static void
update_count (CrkWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = self->rows->len;
  g_autofree char *text = NULL;

  if (self->dataset == NULL)
    text = g_strdup ("");
  else if (shown == total ||
           (self->rows_timeout_id != 0 &&
            gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0'))
    text = crk_unit_kind_format_count (crk_dataset_get_unit_kind (self->dataset), total);
  else
    text = crk_unit_kind_format_count_of (crk_dataset_get_unit_kind (self->dataset), shown, total);
  gtk_label_set_label (self->count_label, text);
  update_no_match (self, shown, total);
}

static void
on_filter_model_items_changed_cb (CrkWindow *self)
{
  update_count (self);
}

/* Results -------------------------------------------------------------------------- */

static gboolean
still_sorted (CrkWindow *self, GtkSorter *sorter)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);
  g_autoptr (GObject) previous = n > 0 ? g_list_model_get_item (model, 0) : NULL;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (gtk_sorter_compare (sorter, previous, item) == GTK_ORDERING_LARGER)
        return FALSE;
      g_set_object (&previous, item);
    }
  return TRUE;
}

static void
show_results (CrkWindow *self, CrkResults *results, gboolean track_shift)
{
  GtkSorter *sorter;
  gboolean rebuild_columns;

  rebuild_columns = self->results == NULL ||
    crk_results_get_dataset (self->results) != crk_results_get_dataset (results) ||
    crk_results_get_n_nodes (self->results) != crk_results_get_n_nodes (results);
  g_set_object (&self->results, results);
  if (rebuild_columns)
    _crk_window_rebuild_dimension_columns (self);

  for (guint i = 0; i < self->rows->len; i++)
    crk_ranking_row_update (g_ptr_array_index (self->rows, i), results, self->dimensions,
                            track_shift);

  /* the rows changed their keys, not the store: tell the sort model, unless its order
   * is still sorted (a column whose keys do not follow the method, or ranks that did
   * not move): a re-sort makes GTK 4.8 bind every moved row again */
  sorter = gtk_column_view_get_sorter (self->column_view);
  if (sorter != NULL && !still_sorted (self, sorter))
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);

  /* no tiers under this method: no empty column */
  gtk_column_view_column_set_visible (self->tier_column, crk_results_get_n_tiers (results) > 0);
  /* no base year (one year of data, or none chosen): no column of dashes */
  gtk_column_view_column_set_visible (self->change_column, crk_results_has_base_year (results));

  crk_chart_view_set_results (self->chart_view, results);
  crk_city_detail_set_results (self->city_detail, results);
  crk_method_panel_set_results (self->method_panel, results);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

static void
recompute (CrkWindow *self, gboolean track_shift)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkResults) results = NULL;

  if (self->engine == NULL)
    return;

  results = crk_engine_compute (self->engine, NULL, self->year, &error);
  if (results == NULL)
    {
      /* the table and the chart keep the last ranking; a bar says why they do not follow */
      g_autofree char *message =
        g_strdup_printf (_ ("Cannot rank with this method: %s. The ranking shown is the last one "
                            "that could be computed."),
                         error->message);

      gtk_label_set_label (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  show_results (self, results, track_shift);
}

static void
on_method_changed_cb (CrkWindow *self)
{
  recompute (self, TRUE);
  /* undoing back to the saved method leaves nothing unsaved */
  crk_dataset_set_modified (
    self->dataset, !crk_method_equal (crk_dataset_get_method (self->dataset), self->saved_method));
  _crk_window_update_title (self);
  _crk_window_update_actions (self);
}

static void
on_modified_changed_cb (CrkWindow *self)
{
  _crk_window_update_title (self);
  _crk_window_update_actions (self);
}

static void
on_history_changed_cb (CrkWindow *self)
{
  _crk_window_update_actions (self);
}

void
_crk_window_reset_method (CrkWindow *self)
{
  if (self->dataset == NULL)
    return;
  crk_method_history_set_next_key (self->history, NULL);
  crk_method_assign (crk_dataset_get_method (self->dataset), self->saved_method);
}

static void
fill_years (CrkWindow *self)
{
  guint n = self->dataset != NULL ? crk_dataset_get_n_years (self->dataset) : 0;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%d", crk_dataset_get_year (self->dataset, i)));
  g_ptr_array_add (labels, NULL);

  self->updating_years = TRUE;
  gtk_string_list_splice (self->year_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_model)),
                          (const char *const *) labels->pdata);
  if (n > 0)
    gtk_drop_down_set_selected (self->year_dropdown, n - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), n > 0);
  self->updating_years = FALSE;
}

static void
on_year_dropdown_selected_cb (CrkWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_years || self->dataset == NULL || i >= crk_dataset_get_n_years (self->dataset))
    return;
  crk_window_set_year (self, crk_dataset_get_year (self->dataset, i));
}

int
crk_window_get_year (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), 0);
  return self->year;
}

void
crk_window_set_year (CrkWindow *self, int year)
{
  int index;

  g_return_if_fail (CRK_IS_WINDOW (self));

  if (self->dataset == NULL || (index = crk_dataset_lookup_year (self->dataset, year)) < 0 ||
      self->year == year)
    return;
  self->year = year;
  self->updating_years = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, (guint) index);
  self->updating_years = FALSE;
  recompute (self, FALSE);
}

/* Selection ------------------------------------------------------------------------ */

static void add_remaining_rows (CrkWindow *self);

GArray *
crk_window_dup_selected_cities (CrkWindow *self)
{
  GArray *cities = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CRK_IS_WINDOW (self), cities);
  g_array_append_vals (cities, self->selected->data, self->selected->len);
  return cities;
}

static void
show_selected (CrkWindow *self)
{
  crk_chart_view_set_cities (self->chart_view, (const guint *) self->selected->data,
                             self->selected->len);
  crk_city_detail_set_city (self->city_detail,
                            self->selected->len > 0 ? g_array_index (self->selected, guint, 0)
                                                    : G_MAXUINT);
}

/* The user changed the selection: it becomes what the table shows selected, in the order
 * chosen (those kept first, in their order, then the new ones in the table's order). */
static void
on_selection_changed_cb (CrkWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr (GtkBitset) selected = NULL;
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) in_table = g_hash_table_new (NULL, NULL);
  GtkBitsetIter iter;
  guint pos;

  if (self->restoring_selection || self->selection == NULL || self->selected == NULL)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, pos);

      if (row != NULL)
        g_hash_table_add (
          in_table, GUINT_TO_POINTER (crk_city_get_index (crk_ranking_row_get_city (row)) + 1));
    }
  for (guint i = 0; i < self->selected->len; i++)
    {
      guint city = g_array_index (self->selected, guint, i);

      if (g_hash_table_remove (in_table, GUINT_TO_POINTER (city + 1)))
        g_array_append_val (chosen, city);
    }
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, pos);
      guint city = row != NULL ? crk_city_get_index (crk_ranking_row_get_city (row)) : G_MAXUINT;

      if (row != NULL && g_hash_table_remove (in_table, GUINT_TO_POINTER (city + 1)))
        g_array_append_val (chosen, city);
    }
  g_array_set_size (self->selected, 0);
  g_array_append_vals (self->selected, chosen->data, chosen->len);
  /* a plain click (one row) is where a Shift+click range starts */
  if (gtk_bitset_get_size (selected) == 1)
    self->anchor = gtk_bitset_get_minimum (selected);
  show_selected (self);
}

/* GTK 4.8's column view loses a Ctrl+click or Shift+click on a row (a real pointer under
 * X11 adds nothing): the window does them, as every GNOME list does. Ctrl toggles the row,
 * Shift selects from the last row clicked (Ctrl+Shift adds that range). */
static void
on_table_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrkWindow *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  GtkWidget *hit = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;
  guint pos;

  /* every press counts: two quick Ctrl+clicks on a row are two toggles, not a double click */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    return;
  for (GtkWidget *w = hit; w != NULL && item == NULL; w = gtk_widget_get_parent (w))
    item = g_object_get_data (G_OBJECT (w), "crk-list-item");
  if (item == NULL || (pos = gtk_list_item_get_position (item)) == GTK_INVALID_LIST_POSITION)
    return;
  if ((state & GDK_SHIFT_MASK) != 0 && self->anchor != GTK_INVALID_LIST_POSITION)
    {
      guint first = MIN (self->anchor, pos), last = MAX (self->anchor, pos);

      gtk_selection_model_select_range (model, first, last - first + 1,
                                        (state & GDK_CONTROL_MASK) == 0);
    }
  else if (gtk_selection_model_is_selected (model, pos))
    gtk_selection_model_unselect_item (model, pos);
  else
    gtk_selection_model_select_item (model, pos, FALSE);
  if ((state & GDK_SHIFT_MASK) == 0)
    self->anchor = pos;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Rows came or went (a search, a sort, rows added): the table selects the selection's
 * cities that it shows. */
static void
on_table_items_changed_cb (CrkWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr (GtkBitset) want = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  g_autoptr (GHashTable) cities = g_hash_table_new (NULL, NULL);
  guint n;

  if (self->selection == NULL || self->selected == NULL || self->selected->len == 0)
    return;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < self->selected->len; i++)
    g_hash_table_add (cities, GUINT_TO_POINTER (g_array_index (self->selected, guint, i) + 1));
  for (guint pos = 0; pos < n; pos++)
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, pos);

      if (row != NULL &&
          g_hash_table_contains (
            cities, GUINT_TO_POINTER (crk_city_get_index (crk_ranking_row_get_city (row)) + 1)))
        gtk_bitset_add (want, pos);
    }
  mask = gtk_bitset_new_range (0, n);
  self->restoring_selection = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), want, mask);
  self->restoring_selection = FALSE;
}

static guint
find_position (CrkWindow *self, guint city)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, i);

      if (crk_city_get_index (crk_ranking_row_get_city (row)) == city)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
crk_window_select_city (CrkWindow *self, guint city, gboolean add)
{
  guint pos;

  g_return_if_fail (CRK_IS_WINDOW (self));

  if (self->dataset == NULL || city >= self->rows->len)
    return;
  add_remaining_rows (self);

  pos = find_position (self, city);
  if (pos == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      pos = find_position (self, city);
      if (pos == GTK_INVALID_LIST_POSITION)
        return;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), pos, !add);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", pos);
}

void
crk_window_select_codes (CrkWindow *self, const char *const *codes)
{
  g_return_if_fail (CRK_IS_WINDOW (self));

  if (self->dataset == NULL || self->loading_file != NULL)
    {
      g_strfreev (self->pending_codes);
      self->pending_codes = g_strdupv ((char **) codes);
      return;
    }
  g_array_set_size (self->selected, 0);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      CrkCity *city = crk_dataset_lookup_city (self->dataset, codes[i]);

      if (city != NULL)
        crk_window_select_city (self, crk_city_get_index (city), TRUE);
    }
}

static void
on_chart_view_city_activated_cb (CrkWindow *self, guint city)
{
  crk_window_select_city (self, city, FALSE);
}

/* The dataset ---------------------------------------------------------------------- */

/* GTK 4.8's GtkListView makes a row widget for every item (up to 200): with eleven
 * cells a row that was most of the window's start-up. So a table that has no size yet
 * gets the leading rows only, enough to fill it, and the rest once it is allocated (its
 * next frame, after the first one is on screen). The table's
 * height is the chart pane's position (the table is its upper child; the search bar and
 * the column headers take TABLE_CHROME_HEIGHT pixels of it at least); a row is at least
 * MIN_ROW_HEIGHT pixels high. */
#define FIRST_ROWS 24
#define MIN_ROW_HEIGHT 28
#define TABLE_CHROME_HEIGHT 72

static guint
n_first_rows (CrkWindow *self)
{
  int table_height = gtk_paned_get_position (self->chart_paned);

  if (table_height <= 0)
    return FIRST_ROWS;
  /* less the search bar and the column headers, rounded up for a row cut by the bottom
   * edge: a row more would be made, measured and drawn for nothing */
  return (guint) MAX ((table_height - TABLE_CHROME_HEIGHT + MIN_ROW_HEIGHT - 1) / MIN_ROW_HEIGHT,
                      1);
}

static void
add_remaining_rows (CrkWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (self->rows_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->rows_tick_id);
  self->rows_tick_id = 0;
  g_clear_handle_id (&self->rows_timeout_id, g_source_remove);
  if (n >= self->rows->len)
    return;

  /* the leading rows are the best ranked; add every row not yet in the store */
  {
    g_autoptr (GPtrArray) rest = g_ptr_array_new ();

    for (guint i = 0; i < self->rows->len; i++)
      {
        CrkRankingRow *row = g_ptr_array_index (self->rows, i);

        if (!g_object_get_data (G_OBJECT (row), "crk-in-store"))
          g_ptr_array_add (rest, row);
      }
    g_list_store_splice (self->store, n, 0, rest->pdata, rest->len);
  }
  update_count (self);
}

static gboolean
rows_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  CrkWindow *self = user_data;

  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  self->rows_tick_id = 0;
  add_remaining_rows (self);
  return G_SOURCE_REMOVE;
}

static gboolean
rows_timeout_cb (gpointer user_data)
{
  CrkWindow *self = user_data;

  self->rows_timeout_id = 0;
  add_remaining_rows (self);
  return G_SOURCE_REMOVE;
}

static void
fill_store (CrkWindow *self)
{
  g_autoptr (GPtrArray) first = g_ptr_array_new ();
  const guint *order = NULL;
  guint n_ranked = 0;
  guint n_first;

  if (self->rows_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->rows_tick_id);
  self->rows_tick_id = 0;
  g_clear_handle_id (&self->rows_timeout_id, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    g_object_set_data (g_ptr_array_index (self->rows, i), "crk-in-store", NULL);

  n_first = n_first_rows (self);
  if (gtk_widget_get_height (GTK_WIDGET (self->column_view)) > 0 || self->results == NULL ||
      self->rows->len <= n_first)
    {
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                           self->rows->pdata, self->rows->len);
      return;
    }

  order = crk_results_get_order (self->results, &n_ranked);
  for (guint i = 0; i < n_ranked && first->len < n_first; i++)
    {
      CrkRankingRow *row = g_ptr_array_index (self->rows, order[i]);

      g_object_set_data (G_OBJECT (row), "crk-in-store", GINT_TO_POINTER (TRUE));
      g_ptr_array_add (first, row);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       first->pdata, first->len);

  self->rows_tick_id =
    gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), rows_tick_cb, self, NULL);
  /* a window that is never shown still gets every row */
  self->rows_timeout_id = g_timeout_add (300, rows_timeout_cb, self);
}

/* The buttons whose tooltips name the units (ids in crk-window.ui), and their sentences */
static const struct
{
  const char *id;
  CrkUnitWord word;
} unit_tips[] = {
  {"detail_button", CRK_UNIT_WORD_DETAIL_TIP}, {"radar_button", CRK_UNIT_WORD_RADAR_TIP},
  {"bar_button", CRK_UNIT_WORD_BAR_TIP},       {"gap_button", CRK_UNIT_WORD_GAP_TIP},
  {"values_button", CRK_UNIT_WORD_VALUES_TIP},
};

/* The dataset's word for its units (crk_dataset_get_unit_kind(): "Country" in ASEM) in
 * the name column's header, the tooltips of unit_tips and the search entry, which also
 * matches the group column's values (@attribute, nullable). */
static void
update_unit_words (CrkWindow *self, const char *attribute)
{
  CrkUnitKind unit = crk_dataset_get_unit_kind (self->dataset);
  g_autofree char *group = NULL;
  g_autofree char *search = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (unit_tips); i++)
    gtk_widget_set_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (
                                   GTK_WIDGET (self), CRK_TYPE_WINDOW, unit_tips[i].id)),
                                 crk_unit_kind_get_word (unit, unit_tips[i].word));

  gtk_column_view_column_set_title (self->city_column,
                                    crk_unit_kind_get_word (unit, CRK_UNIT_WORD_HEADER));
  if (attribute != NULL && g_str_equal (attribute, "province"))
    group = g_strdup (crk_unit_kind_get_word (CRK_UNIT_PROVINCE, CRK_UNIT_WORD_NOUN));
  else if (attribute != NULL && g_str_equal (attribute, "region"))
    group = g_strdup (crk_unit_kind_get_word (CRK_UNIT_REGION, CRK_UNIT_WORD_NOUN));
  else if (attribute != NULL)
    group = g_strdelimit (g_strdup (attribute), "_", ' ');
  search = crk_unit_kind_format_search (unit, group);
  g_object_set (self->search_entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
}

/* The "Province" column follows the dataset's groups: titled after the attribute it
 * shows, hidden when there is none. */
static void
update_group_column (CrkWindow *self, const char *attribute)
{
  g_autofree char *title = NULL;

  gtk_column_view_column_set_visible (self->province_column, attribute != NULL);
  title = crk_dataset_dup_group_attribute_title (attribute != NULL ? attribute : "province");
  gtk_column_view_column_set_title (self->province_column, title);
  _crk_window_update_column_headers (self);
}

void
crk_window_set_dataset (CrkWindow *self, CrkDataset *dataset, GFile *file)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *group_attribute = NULL;
  GListModel *cities;

  g_return_if_fail (CRK_IS_WINDOW (self));
  g_return_if_fail (CRK_IS_DATASET (dataset));

  if (self->dataset != NULL)
    {
      g_clear_signal_handler (&self->method_changed_id, crk_dataset_get_method (self->dataset));
      g_clear_signal_handler (&self->modified_id, self->dataset);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);
  g_clear_object (&self->imported_from);
  g_clear_pointer (&self->import_undo, _crk_import_undo_free);
  g_clear_object (&self->engine);
  g_clear_object (&self->results);
  g_clear_object (&self->history);
  g_clear_object (&self->saved_method);

  self->engine = crk_engine_new (dataset);
  self->saved_method = crk_method_copy (crk_dataset_get_method (dataset));
  self->history = crk_method_history_new (crk_dataset_get_method (dataset));
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (on_history_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (on_history_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->method_changed_id =
    g_signal_connect_object (crk_dataset_get_method (dataset), "changed",
                             G_CALLBACK (on_method_changed_cb), self, G_CONNECT_SWAPPED);
  self->modified_id = g_signal_connect_object (
    dataset, "notify::modified", G_CALLBACK (on_modified_changed_cb), self, G_CONNECT_SWAPPED);

  self->year = crk_dataset_get_latest_year (dataset);
  fill_years (self);

  /* a new dataset starts at its top, not where the last one was scrolled to: scrolled
   * now, while the rows are those the list has measured (the list keeps its place at a
   * row when the rows are replaced) */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
  cities = crk_dataset_get_cities (dataset);
  group_attribute = crk_dataset_dup_main_group_attribute (dataset);
  update_unit_words (self, group_attribute);
  update_group_column (self, group_attribute);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (cities); i++)
    {
      g_autoptr (CrkCity) city = g_list_model_get_item (cities, i);

      g_ptr_array_add (rows, crk_ranking_row_new_for_group (dataset, city, group_attribute));
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_extend_and_steal (self->rows, g_steal_pointer (&rows));

  crk_method_panel_set_dataset (self->method_panel, dataset, self->history, self->saved_method);
  _crk_window_fill_levels (self);
  recompute (self, FALSE);

  fill_store (self);
  g_array_set_size (self->selected, 0);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  show_selected (self);
  update_count (self);

  _crk_window_update_title (self);
  _crk_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  if (self->pending_codes != NULL)
    {
      g_auto (GStrv) codes = g_steal_pointer (&self->pending_codes);

      crk_window_select_codes (self, (const char *const *) codes);
    }
}

/**
 * crk_window_read_sample:
 * @error: return location for an error
 *
 * Reads the first bundled sample dataset, without the schema validation (the tests
 * validate it). Not on a worker while GTK starts: libxml2 must not be set up on two
 * threads at once (see crk_dataset_read_trusted_bytes()).
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
CrkDataset *
crk_window_read_sample (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  /* the bundled sample is validated against the schema by tests/io (round-trip of every
   * sample) and tests/app (the trusted read equals the validated one): the schema
   * validation, most of the reading time, is skipped here */
  return crk_dataset_read_trusted_bytes (bytes, "advanced-manufacturing-cities.cityrank.xml",
                                         error);
}

void
crk_window_open_sample (CrkWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  g_return_if_fail (CRK_IS_WINDOW (self));

  dataset = crk_window_read_sample (&error);
  if (dataset == NULL)
    {
      g_warning ("The bundled sample dataset does not load: %s", error->message);
      return;
    }
  crk_window_set_dataset (self, dataset, NULL);
}

/* Export --------------------------------------------------------------------------- */

gboolean
crk_window_export_chart (CrkWindow *self,
                         const char *path,
                         int format,
                         double width_px,
                         double height_px,
                         double dpi,
                         int style,
                         GError **error)
{
  g_autoptr (CrkChartOptions) options = NULL;

  g_return_val_if_fail (CRK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->results == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("No dataset is open"));
      return FALSE;
    }
  options = crk_chart_options_copy (crk_chart_view_get_options (self->chart_view));
  options->style = style;
  return crk_chart_export (self->results, options, path, format, width_px, height_px, dpi, error);
}

static void
crk_window_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrkWindow *self = CRK_WINDOW (widget);

  GTK_WIDGET_CLASS (crk_window_parent_class)->snapshot (widget, snapshot);
  /* an idle runs once this frame is on screen */
  if (self->recent_manager == NULL && self->recent_idle_id == 0)
    self->recent_idle_id =
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, _crk_window_recent_idle_cb, self, NULL);
}

/* The main menu's popover is made when the menu first opens, not before the window's
 * first frame. */
static void
create_primary_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  CrkWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* State ---------------------------------------------------------------------------- */

/* A panel shown or hidden (by its button, F9 / Shift+F9, or a click beside the overlay):
 * the buttons follow; beside the rest (not folded), the choice is remembered. */
static void
on_flap_revealed_cb (CrkWindow *self, GParamSpec *pspec, AdwFlap *flap)
{
  gboolean method = flap == self->method_flap;

  if (self->settings != NULL && !adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, method ? "show-method" : "show-detail",
                            adw_flap_get_reveal_flap (flap));
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[method ? PROP_SHOW_METHOD : PROP_SHOW_DETAIL]);
}

/* Folded, a panel is an overlay opened when wanted; unfolded, it is as the user left it. */
static void
on_flap_folded_cb (CrkWindow *self, GParamSpec *pspec, AdwFlap *flap)
{
  gboolean method = flap == self->method_flap;
  gboolean show = TRUE;

  if (adw_flap_get_folded (flap))
    show = FALSE;
  else if (self->settings != NULL)
    show = g_settings_get_boolean (self->settings, method ? "show-method" : "show-detail");
  adw_flap_set_reveal_flap (flap, show);
}

static void
restore_state (CrkWindow *self)
{
  int value;

  if (self->settings == NULL)
    {
      gtk_paned_set_position (self->chart_paned, 380);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  value = g_settings_get_int (self->settings, "chart-position");
  gtk_paned_set_position (self->chart_paned, value > 0 ? value : 380);
  adw_flap_set_reveal_flap (self->method_flap,
                            g_settings_get_boolean (self->settings, "show-method"));
  adw_flap_set_reveal_flap (self->detail_flap,
                            g_settings_get_boolean (self->settings, "show-detail"));
}

static void
save_state (CrkWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "chart-position", gtk_paned_get_position (self->chart_paned));
  g_settings_apply (self->settings);
}

static void
update_chart_style (CrkWindow *self)
{
  CrkChartStyle style = CRK_CHART_STYLE_LIGHT;
  int setting = self->settings != NULL ? g_settings_get_enum (self->settings, "chart-style") : 0;

  switch (setting)
    {
      case 1:
        style = CRK_CHART_STYLE_LIGHT;
        break;
      case 2:
        style = CRK_CHART_STYLE_DARK;
        break;
      case 3:
        style = CRK_CHART_STYLE_PRINT;
        break;
      default:
        style = adw_style_manager_get_dark (adw_style_manager_get_default ())
          ? CRK_CHART_STYLE_DARK
          : CRK_CHART_STYLE_LIGHT;
        break;
    }
  crk_chart_view_set_style (self->chart_view, style);
}

static void
close_confirmed (CrkWindow *self, gpointer data)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
crk_window_close_request (GtkWindow *window)
{
  CrkWindow *self = CRK_WINDOW (window);

  if (!self->closing_confirmed && self->dataset != NULL && crk_dataset_get_modified (self->dataset))
    {
      _crk_window_confirm_discard (self, close_confirmed, NULL, NULL);
      return TRUE;
    }

  save_state (self);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  return GTK_WINDOW_CLASS (crk_window_parent_class)->close_request (window);
}

/* GObject -------------------------------------------------------------------------- */

static void
crk_window_dispose (GObject *object)
{
  CrkWindow *self = (CrkWindow *) object;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  if (self->message_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->message_dialog),
                                    (gpointer *) &self->message_dialog);
      self->message_dialog = NULL;
    }
  if (self->dataset != NULL)
    {
      g_clear_signal_handler (&self->method_changed_id, crk_dataset_get_method (self->dataset));
      g_clear_signal_handler (&self->modified_id, self->dataset);
    }
  g_clear_handle_id (&self->recent_idle_id, g_source_remove);
  g_clear_signal_handler (&self->recent_changed_id, self->recent_manager);
  g_clear_handle_id (&self->rows_timeout_id, g_source_remove);
  if (self->rows_tick_id != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->rows_tick_id);
  self->rows_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_WINDOW);

  g_clear_object (&self->history);
  g_clear_object (&self->results);
  g_clear_object (&self->engine);
  g_clear_object (&self->saved_method);
  g_clear_object (&self->file);
  g_clear_object (&self->imported_from);
  g_clear_pointer (&self->import_undo, _crk_import_undo_free);
  if (self->import_assistant != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->import_assistant),
                                    (gpointer *) &self->import_assistant);
      gtk_window_destroy (GTK_WINDOW (self->import_assistant));
      self->import_assistant = NULL;
    }
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->dimension_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (crk_window_parent_class)->dispose (object);
}

static void
crk_window_finalize (GObject *object)
{
  CrkWindow *self = (CrkWindow *) object;

  g_clear_pointer (&self->dimensions, g_array_unref);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_pointer (&self->pending_codes, g_strfreev);

  G_OBJECT_CLASS (crk_window_parent_class)->finalize (object);
}

static void
crk_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkWindow *self = CRK_WINDOW (object);

  switch (prop_id)
    {
      case PROP_DATASET:
        g_value_set_object (value, self->dataset);
        break;
      case PROP_RESULTS:
        g_value_set_object (value, self->results);
        break;
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, self->loading_file != NULL);
        break;
      case PROP_CHART_KIND:
        g_value_set_string (value, _crk_window_get_chart_kind (self));
        break;
      case PROP_SHOW_METHOD:
        g_value_set_boolean (
          value, self->method_flap == NULL || adw_flap_get_reveal_flap (self->method_flap));
        break;
      case PROP_SHOW_DETAIL:
        g_value_set_boolean (
          value, self->detail_flap == NULL || adw_flap_get_reveal_flap (self->detail_flap));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrkWindow *self = CRK_WINDOW (object);

  switch (prop_id)
    {
      case PROP_CHART_KIND:
        _crk_window_set_chart_kind (self, g_value_get_string (value));
        break;
      case PROP_SHOW_METHOD:
      case PROP_SHOW_DETAIL:
        {
          AdwFlap *flap = prop_id == PROP_SHOW_METHOD ? self->method_flap : self->detail_flap;
          gboolean show = g_value_get_boolean (value);

          if (flap == NULL || adw_flap_get_reveal_flap (flap) == show)
            break;
          /* notified and remembered by on_flap_revealed_cb() */
          adw_flap_set_reveal_flap (flap, show);
        }
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_window_class_init (CrkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crk_window_dispose;
  object_class->finalize = crk_window_finalize;
  object_class->get_property = crk_window_get_property;
  object_class->set_property = crk_window_set_property;
  window_class->close_request = crk_window_close_request;
  widget_class->snapshot = crk_window_snapshot;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, CRK_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, CRK_TYPE_RESULTS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_METHOD] =
    g_param_spec_boolean ("show-method", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DETAIL] =
    g_param_spec_boolean ("show-detail", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART_KIND] =
    g_param_spec_string ("chart-kind", NULL, NULL, "radar",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRK_TYPE_RANKING_ROW);
  g_type_ensure (CRK_TYPE_CHANGE_LABEL);
  g_type_ensure (CRK_TYPE_CHART_VIEW);
  g_type_ensure (CRK_TYPE_CITY_DETAIL);
  g_type_ensure (CRK_TYPE_METHOD_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cityrank/Cityrank/crk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, year_model);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, method_flap);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, chart_paned);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, method_panel);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, rank_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, change_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, city_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, province_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, score_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, tier_column);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, filter_model);
  /* found with gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "no_match_page", FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (unit_tips); i++)
    gtk_widget_class_bind_template_child_full (widget_class, unit_tips[i].id, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, store);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, city_detail);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_year_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_view_city_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_folded_cb);

  _crk_window_class_add_actions (widget_class);
  _crk_window_class_add_columns (widget_class);
}

static void
crk_window_init (CrkWindow *self)
{
  GtkDropTarget *drop;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->dimensions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dimension_columns = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (on_table_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
    self->anchor = GTK_INVALID_LIST_POSITION;
  }
  /* after the selection model has handled the change */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_table_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  {
    const struct
    {
      GtkColumnViewColumn *column;
      CrkRankingCell cell;
    } cells[] = {
      {self->rank_column, CRK_RANKING_CELL_RANK},
      {self->change_column, CRK_RANKING_CELL_CHANGE},
      {self->city_column, CRK_RANKING_CELL_CITY},
      {self->province_column, CRK_RANKING_CELL_PROVINCE},
      {self->score_column, CRK_RANKING_CELL_SCORE},
      {self->tier_column, CRK_RANKING_CELL_TIER},
    };

    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        g_autoptr (GtkListItemFactory) factory = crk_ranking_cell_factory_new (cells[i].cell);

        gtk_column_view_column_set_factory (cells[i].column, factory);
      }
  }
  /* the two arrows: the rank's is the last method change's, the other the base year's */
  g_object_set_data_full (
    G_OBJECT (self->rank_column), "crk-tooltip",
    g_strdup (_ ("Rank; the arrow beside it shows the places moved by the last method change")),
    g_free);
  g_object_set_data_full (
    G_OBJECT (self->change_column), "crk-tooltip",
    g_strdup (_ ("Places moved since the base year (chosen in the method panel)")), g_free);
  _crk_window_update_column_headers (self);
  /* a search still without a match says the new text (the rows do not change) */
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (update_count), self);

  self->settings = crk_application_dup_settings ();
  restore_state (self);

  gtk_column_view_sort_by_column (self->column_view, self->rank_column, GTK_SORT_ASCENDING);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (_crk_window_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self,
                                         NULL);

  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (update_chart_style), self,
                           G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::chart-style",
                             G_CALLBACK (update_chart_style), self, G_CONNECT_SWAPPED);
  update_chart_style (self);

  if (self->settings != NULL)
    {
      g_autofree char *kind = g_settings_get_string (self->settings, "chart-kind");

      _crk_window_set_chart_kind (self, kind);
    }
  else
    _crk_window_set_chart_kind (self, "radar");

  update_count (self);
  _crk_window_update_title (self);
  _crk_window_update_actions (self);
  /* the panes' visibility came from the settings: the toggle buttons follow */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_METHOD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAIL]);
}

CrkWindow *
crk_window_new (AdwApplication *application)
{
  return g_object_new (CRK_TYPE_WINDOW, "application", application, NULL);
}

CrkDataset *
crk_window_get_dataset (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), NULL);
  return self->dataset;
}

CrkResults *
crk_window_get_results (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), NULL);
  return self->results;
}

GFile *
crk_window_get_file (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
crk_window_get_loading (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), FALSE);
  return self->loading_file != NULL;
}

void
_crk_window_show_export_dialog (CrkWindow *self)
{
  if (self->results == NULL)
    return;
  gtk_window_present (GTK_WINDOW (crk_export_dialog_new (self)));
}
