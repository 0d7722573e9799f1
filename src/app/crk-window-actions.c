/* crk-window-actions.c: the window's actions and shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-window-private.h"

#include "crk-file-chooser.h"
#include "crk-ranking-row.h"
#include "crk-report-dialog.h"
#include "crk-table-export.h"

static const struct
{
  const char *name;
  CrkChartKind kind;
} chart_kinds[] = {
  {"radar", CRK_CHART_RADAR}, {"bar", CRK_CHART_BAR},       {"contrib", CRK_CHART_CONTRIBUTION},
  {"gap", CRK_CHART_GAP},     {"values", CRK_CHART_VALUES},
};

void
_crk_window_set_chart_kind (CrkWindow *self, const char *kind)
{
  if (self->chart_view == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (g_strcmp0 (kind, chart_kinds[i].name) == 0)
      {
        crk_chart_view_set_kind (self->chart_view, chart_kinds[i].kind);
        if (self->settings != NULL)
          g_settings_set_string (self->settings, "chart-kind", kind);
        g_object_notify (G_OBJECT (self), "chart-kind");
        return;
      }
}

const char *
_crk_window_get_chart_kind (CrkWindow *self)
{
  CrkChartKind kind;

  /* the property action reads the state before the template is built */
  if (self->chart_view == NULL)
    return "radar";
  kind = crk_chart_view_get_kind (self->chart_view);

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (chart_kinds[i].kind == kind)
      return chart_kinds[i].name;
  return "radar";
}

void
_crk_window_update_actions (CrkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_dataset = self->dataset != NULL;
  gboolean modified = has_dataset && crk_dataset_get_modified (self->dataset);
  gboolean method_changed = has_dataset && self->saved_method != NULL &&
    !crk_method_equal (crk_dataset_get_method (self->dataset), self->saved_method);

  gtk_widget_action_set_enabled (widget, "win.save",
                                 has_dataset && (modified || self->file == NULL));
  gtk_widget_action_set_enabled (widget, "win.save-as", has_dataset);
  gtk_widget_action_set_enabled (widget, "win.export-chart", self->results != NULL);
  gtk_widget_action_set_enabled (widget, "win.print", self->results != NULL);
  gtk_widget_action_set_enabled (widget, "win.copy", self->results != NULL);
  gtk_widget_action_set_enabled (widget, "win.copy-chart", self->results != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-table", self->results != NULL);
  gtk_widget_action_set_enabled (
    widget, "win.undo",
    (self->history != NULL && crk_method_history_can_undo (self->history)) ||
      _crk_window_can_undo_import (self, FALSE));
  gtk_widget_action_set_enabled (
    widget, "win.redo",
    (self->history != NULL && crk_method_history_can_redo (self->history)) ||
      _crk_window_can_undo_import (self, TRUE));
  gtk_widget_action_set_enabled (widget, "win.reset-method", method_changed);
  gtk_widget_action_set_enabled (widget, "win.no-recent", FALSE);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_show_open_dialog (CRK_WINDOW (widget));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_choose_import_files (CRK_WINDOW (widget));
}

static void
import_file_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  _crk_window_show_import_assistant (CRK_WINDOW (widget), file);
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  crk_window_open (CRK_WINDOW (widget), file);
}

static void
no_recent_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_save (CRK_WINDOW (widget), FALSE, NULL, NULL, NULL);
}

static void
save_as_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_save (CRK_WINDOW (widget), TRUE, NULL, NULL, NULL);
}

static void
export_chart_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_show_export_dialog (CRK_WINDOW (widget));
}

/* Copy and export the table ------------------------------------------------------- */

/* The ranking table as the window shows it: the index's ranks, the dimension columns. */
static CrkRankingTable *
dup_table (CrkWindow *self)
{
  return crk_ranking_table_new (self->results, 0, (const guint *) self->dimensions->data,
                                self->dimensions->len);
}

/* The cities of the rows the table shows, in its order (a search shows some; a click on a
 * header sorts them); NULL while the table has not got all its rows yet. */
static GArray *
dup_shown_cities (CrkWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  GArray *cities;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) != self->rows->len)
    return NULL;
  cities = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, i);
      guint city = crk_city_get_index (crk_ranking_row_get_city (row));

      g_array_append_val (cities, city);
    }
  return cities;
}

/* The selected rows as they are shown, or the whole table as shown when none is selected,
 * as tab-separated text with a header line. */
static void
copy_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkWindow *self = CRK_WINDOW (widget);
  g_autoptr (CrkRankingTable) table = NULL;
  g_autoptr (GArray) cities = NULL;
  g_autofree char *text = NULL;
  gboolean selected;

  if (self->results == NULL)
    return;
  table = dup_table (self);
  cities = crk_window_dup_selected_cities (self);
  selected = cities->len > 0;
  if (!selected)
    {
      g_clear_pointer (&cities, g_array_unref);
      cities = dup_shown_cities (self);
    }
  if (cities != NULL)
    crk_ranking_table_set_cities (table, (const guint *) cities->data, cities->len);
  text = crk_ranking_table_to_tsv (table);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _crk_window_toast (self, selected ? _ ("Selected rows copied") : _ ("Table copied"));
}

/* The chart drawn by the same cairo function as export, at the size it has on screen
 * (its natural height when taller), as a texture: a paste gets a PNG image. */
static void
copy_chart_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkWindow *self = CRK_WINDOW (widget);
  g_autoptr (CrkChartOptions) options = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->chart_view));
  double width, height;

  if (self->results == NULL)
    return;
  options = crk_chart_options_copy (crk_chart_view_get_options (self->chart_view));
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->chart_view)), 640);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self->chart_view)),
                crk_chart_get_natural_height (self->results, options, width));
  height = MIN (height, 16000 / scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  crk_chart_draw (cr, self->results, options, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      _crk_window_toast (self, _ ("The chart could not be copied"));
      cairo_surface_destroy (surface);
      return;
    }
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT (premultiplied, native byte order) */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                        cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface), GDK_MEMORY_DEFAULT,
                                    bytes, cairo_image_surface_get_stride (surface));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  _crk_window_toast (self, _ ("Chart copied"));
}

static void
on_table_file_chosen (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkWindow) self = user_data;
  g_autoptr (CrkRankingTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (files->len == 0 || self->results == NULL)
    return;
  path = g_file_get_path (g_ptr_array_index (files, 0));
  if (path == NULL)
    {
      _crk_window_toast (self, _ ("Tables can only be exported to local files"));
      return;
    }
  /* a name without .csv or .xlsx gets .xlsx */
  if (crk_table_format_from_path (path) != CRK_TABLE_FORMAT_CSV &&
      crk_table_format_from_path (path) != CRK_TABLE_FORMAT_XLSX)
    {
      char *with = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with;
    }
  table = dup_table (self);
  if (!crk_ranking_table_write (table, path, CRK_TABLE_FORMAT_AUTO, &error))
    {
      _crk_window_toast (self, error->message);
      return;
    }
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);

    _crk_window_set_last_folder (self, file);
    name = _crk_window_dup_display_name (file);
  }
  message = g_strdup_printf (_ ("Table exported to “%s”"), name);
  _crk_window_toast (self, message);
}

static void
export_table_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkWindow *self = CRK_WINDOW (widget);
  g_autoptr (GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->results == NULL)
    return;
  /* the dataset's title and the year, as the sheet is named but not cut short */
  name = g_strdup_printf ("%s %d.xlsx", crk_dataset_get_display_title (self->dataset),
                          crk_results_get_year (self->results));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  folder = _crk_window_dup_last_folder (self);
  crk_file_chooser_save (GTK_WINDOW (self), _ ("Export Table"), folder, name, CRK_FILE_KIND_TABLE,
                         on_table_file_chosen, g_object_ref (self));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  crk_report_dialog_present (CRK_WINDOW (widget));
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkWindow *self = CRK_WINDOW (widget);

  if (self->history != NULL && crk_method_history_can_undo (self->history))
    crk_method_history_undo (self->history);
  else
    _crk_window_undo_import (self, FALSE);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkWindow *self = CRK_WINDOW (widget);

  if (self->history != NULL && crk_method_history_can_redo (self->history))
    crk_method_history_redo (self->history);
  else
    _crk_window_undo_import (self, TRUE);
}

static void
reset_method_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  _crk_window_reset_method (CRK_WINDOW (widget));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (CRK_WINDOW (widget)->search_entry));
}

static void
focus_table_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (CRK_WINDOW (widget)->column_view));
}

/* The shortcuts whose titles name the units (ids in gtk/help-overlay.ui), and their words */
static const struct
{
  const char *id;
  CrkUnitWord word;
} shortcut_words[] = {
  {"shortcut_search", CRK_UNIT_WORD_SHORTCUT_SEARCH},
  {"shortcut_select_all", CRK_UNIT_WORD_SHORTCUT_SELECT_ALL},
  {"shortcut_detail", CRK_UNIT_WORD_SHORTCUT_DETAIL},
};

/* Built on first use, not by GtkApplication for every window before its first frame
 * (see crk_application_startup()); its titles say what the dataset shown now ranks. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);
  CrkDataset *dataset = crk_window_get_dataset (CRK_WINDOW (widget));
  CrkUnitKind unit = dataset != NULL ? crk_dataset_get_unit_kind (dataset) : CRK_UNIT_CITY;

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/cityrank/Cityrank/gtk/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* kept on the overlay (which owns them) for the next time it is shown */
      for (guint i = 0; i < G_N_ELEMENTS (shortcut_words); i++)
        g_object_set_data (G_OBJECT (overlay), shortcut_words[i].id,
                           gtk_builder_get_object (builder, shortcut_words[i].id));
      /* modal, transient for this window, hidden on close, destroyed with it */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shortcut_words); i++)
    g_object_set (g_object_get_data (G_OBJECT (overlay), shortcut_words[i].id), "title",
                  crk_unit_kind_get_word (unit, shortcut_words[i].word), NULL);
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_crk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-file", "s", import_file_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reset-method", NULL, reset_method_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus-table", NULL, focus_table_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.chart-kind", "chart-kind");
  gtk_widget_class_install_property_action (widget_class, "win.show-method", "show-method");
  gtk_widget_class_install_property_action (widget_class, "win.show-detail", "show-detail");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  /* a text field with the focus copies its own text first */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-table",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-method", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.show-detail",
                                       NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.chart-kind", "s", chart_kinds[i].name);
}
