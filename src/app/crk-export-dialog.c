/* crk-export-dialog.c: format, size, resolution and style of an exported chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-export-dialog.h"

#include "crk-application.h"
#include "crk-chart.h"
#include "crk-file-chooser.h"
#include "crk-window-private.h"

#include <string.h>

struct _CrkExportDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwComboRow *style_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  GtkWidget *size_group;

  CrkWindow *window;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CrkExportDialog, crk_export_dialog, ADW_TYPE_WINDOW)

static const char *const extensions[] = {".png", ".svg", ".pdf"};
static const CrkChartStyle styles[] = {CRK_CHART_STYLE_LIGHT, CRK_CHART_STYLE_DARK,
                                       CRK_CHART_STYLE_PRINT};

static void
on_file_chosen (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkExportDialog) self = user_data;
  guint format = adw_combo_row_get_selected (self->format_row);
  guint style = adw_combo_row_get_selected (self->style_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  CrkWindow *window = self->window;

  if (files->len == 0 || window == NULL)
    return;

  path = g_file_get_path (g_ptr_array_index (files, 0));
  if (path == NULL)
    return;
  if (crk_export_format_from_path (path) == CRK_EXPORT_FORMAT_AUTO)
    {
      char *with_extension = g_strconcat (path, extensions[MIN (format, 2)], NULL);

      g_free (path);
      path = with_extension;
    }

  if (self->settings != NULL)
    {
      g_settings_set_int (self->settings, "export-width",
                          gtk_spin_button_get_value_as_int (self->width_spin));
      g_settings_set_int (self->settings, "export-height",
                          gtk_spin_button_get_value_as_int (self->height_spin));
      g_settings_set_double (self->settings, "export-dpi",
                             gtk_spin_button_get_value (self->dpi_spin));
    }

  name = g_path_get_basename (path);
  if (!crk_window_export_chart (
        window, path, CRK_EXPORT_FORMAT_AUTO, gtk_spin_button_get_value (self->width_spin),
        gtk_spin_button_get_value (self->height_spin), gtk_spin_button_get_value (self->dpi_spin),
        styles[MIN (style, 2)], &error))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not export the chart: %s"), error->message);

      _crk_window_toast (window, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_ ("Chart exported to “%s”"), name);

      _crk_window_toast (window, message);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Letters, digits and '-' of @text, lower case; others become '-', never two in a row. */
static void
append_slug (GString *name, const char *text)
{
  gboolean dash = name->len == 0 || name->str[name->len - 1] == '-';

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (name, g_unichar_tolower (c));
          dash = FALSE;
        }
      else if (!dash)
        {
          g_string_append_c (name, '-');
          dash = TRUE;
        }
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
}

char *
crk_export_dialog_dup_proposed_name (CrkExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), 2);
  GString *name = g_string_new (NULL);
  CrkWindow *window = self->window;

  g_return_val_if_fail (CRK_IS_EXPORT_DIALOG (self), NULL);

  if (window == NULL || crk_window_get_dataset (window) == NULL)
    g_string_append (name, _ ("chart"));
  else
    {
      CrkDataset *dataset = crk_window_get_dataset (window);
      g_autoptr (GArray) cities = crk_window_dup_selected_cities (window);

      append_slug (name, _crk_window_get_chart_kind (window));
      /* the cities the chart shows, the first three by code */
      for (guint i = 0; i < cities->len && i < 3; i++)
        {
          g_string_append_c (name, '-');
          append_slug (
            name,
            crk_city_get_code (crk_dataset_get_city (dataset, g_array_index (cities, guint, i))));
        }
      if (cities->len > 3)
        g_string_append_printf (name, "-%u", cities->len - 3);
      g_string_append_printf (name, "-%d", crk_window_get_year (window));
    }
  g_string_append (name, extensions[format]);
  return g_string_free (name, FALSE);
}

/* A drawing has no pixels: its size and resolution do not apply. */
static void
on_format_selected_cb (CrkExportDialog *self)
{
  gtk_widget_set_visible (self->size_group, adw_combo_row_get_selected (self->format_row) != 1);
}

static void
on_export_button_clicked_cb (CrkExportDialog *self)
{
  g_autofree char *name = crk_export_dialog_dup_proposed_name (self);
  g_autoptr (GFile) folder =
    self->window != NULL ? _crk_window_dup_last_folder (self->window) : NULL;

  crk_file_chooser_save (GTK_WINDOW (self), _ ("Export Chart"), folder, name, CRK_FILE_KIND_CHART,
                         on_file_chosen, g_object_ref (self));
}

static void
crk_export_dialog_dispose (GObject *object)
{
  CrkExportDialog *self = (CrkExportDialog *) object;

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (crk_export_dialog_parent_class)->dispose (object);
}

static void
crk_export_dialog_class_init (CrkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cityrank/Cityrank/crk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, CrkExportDialog, size_group);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crk_export_dialog_init (CrkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = crk_application_dup_settings ();
  if (self->settings != NULL)
    {
      gtk_spin_button_set_value (self->width_spin,
                                 g_settings_get_int (self->settings, "export-width"));
      gtk_spin_button_set_value (self->height_spin,
                                 g_settings_get_int (self->settings, "export-height"));
      gtk_spin_button_set_value (self->dpi_spin,
                                 g_settings_get_double (self->settings, "export-dpi"));
    }
}

/**
 * crk_export_dialog_new:
 * @window: the window whose chart is exported
 *
 * Returns: (transfer none): a new dialog, transient for @window
 */
CrkExportDialog *
crk_export_dialog_new (CrkWindow *window)
{
  CrkExportDialog *self = g_object_new (CRK_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);

  g_set_weak_pointer (&self->window, window);
  adw_combo_row_set_selected (
    self->style_row, crk_chart_view_get_style (window->chart_view) == CRK_CHART_STYLE_DARK ? 1 : 0);
  return self;
}
