/* crk-preferences-window.c: the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-preferences-window.h"

#include "crk-application.h"

struct _CrkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwComboRow *chart_style_row;

  GSettings *settings;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (CrkPreferencesWindow, crk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_color_scheme_row_selected_cb (CrkPreferencesWindow *self)
{
  if (!self->syncing && self->settings != NULL)
    g_settings_set_enum (self->settings, "color-scheme",
                         (int) adw_combo_row_get_selected (self->color_scheme_row));
}

static void
on_chart_style_row_selected_cb (CrkPreferencesWindow *self)
{
  if (!self->syncing && self->settings != NULL)
    g_settings_set_enum (self->settings, "chart-style",
                         (int) adw_combo_row_get_selected (self->chart_style_row));
}

static void
sync_from_settings (CrkPreferencesWindow *self)
{
  if (self->settings == NULL)
    return;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->color_scheme_row,
                              (guint) g_settings_get_enum (self->settings, "color-scheme"));
  adw_combo_row_set_selected (self->chart_style_row,
                              (guint) g_settings_get_enum (self->settings, "chart-style"));
  self->syncing = FALSE;
}

static void
crk_preferences_window_dispose (GObject *object)
{
  CrkPreferencesWindow *self = (CrkPreferencesWindow *) object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (crk_preferences_window_parent_class)->dispose (object);
}

static void
crk_preferences_window_class_init (CrkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/cityrank/Cityrank/crk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CrkPreferencesWindow, chart_style_row);
  gtk_widget_class_bind_template_callback (widget_class, on_color_scheme_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_style_row_selected_cb);
}

static void
crk_preferences_window_init (CrkPreferencesWindow *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->settings = crk_application_dup_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (sync_from_settings), self,
                               G_CONNECT_SWAPPED);
      sync_from_settings (self);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->color_scheme_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->chart_style_row), FALSE);
    }
}

GtkWidget *
crk_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CRK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}
