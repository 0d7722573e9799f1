/* crk-application.c: the application: windows, app actions, colour scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-application.h"

#include "crk-preferences-window.h"
#include "crk-window.h"

struct _CrkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char **select_codes;  /* --select */
  char *chart_kind;     /* --chart */
  char **import_paths;  /* --import */
  gboolean import_into; /* --import-into */
};

G_DEFINE_FINAL_TYPE (CrkApplication, crk_application, ADW_TYPE_APPLICATION)

#define RESOURCE_PATH "/io/github/cityrank/Cityrank"

GSettings *
crk_application_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
apply_color_scheme (CrkApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int value = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (value, 0, 2)]);
}

static void
apply_options (CrkApplication *self, CrkWindow *window)
{
  if (self->chart_kind != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", self->chart_kind);
  if (self->select_codes != NULL)
    crk_window_select_codes (window, (const char *const *) self->select_codes);
}

/* After the window is shown: the assistant goes over it. */
static void
apply_import (CrkApplication *self, CrkWindow *window)
{
  if (self->import_paths != NULL)
    {
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; self->import_paths[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (self->import_paths[i]));
      crk_window_import (window, (GFile **) files->pdata, files->len, self->import_into);
      g_clear_pointer (&self->import_paths, g_strfreev);
    }
}

static int
crk_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  CrkApplication *self = CRK_APPLICATION (app);
  const char *select = NULL;
  const char *chart = NULL;

  g_variant_dict_lookup (options, "import", "^aay", &self->import_paths);
  self->import_into = g_variant_dict_contains (options, "import-into");
  if (g_variant_dict_lookup (options, "select", "&s", &select))
    self->select_codes = g_strsplit (select, ",", -1);
  if (g_variant_dict_lookup (options, "chart", "&s", &chart))
    {
      static const char *const kinds[] = {"radar", "bar", "contrib", "gap", "values", NULL};

      if (!g_strv_contains (kinds, chart))
        {
          g_printerr (_ ("Unknown chart “%s”: use radar, bar, contrib, gap or values\n"), chart);
          return 2;
        }
      self->chart_kind = g_strdup (chart);
    }
  return -1;
}

static CrkWindow *
get_window (CrkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CRK_IS_WINDOW (window))
    return CRK_WINDOW (window);
  return crk_window_new (ADW_APPLICATION (self));
}

static void
crk_application_activate (GApplication *app)
{
  CrkApplication *self = CRK_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CrkWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }
  window = crk_window_new (ADW_APPLICATION (self));
  crk_window_open_sample (window);
  apply_options (self, window);
  gtk_window_present (GTK_WINDOW (window));
  apply_import (self, window);
}

static void
crk_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CrkApplication *self = CRK_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      CrkWindow *window = i == 0 ? get_window (self) : crk_window_new (ADW_APPLICATION (self));

      crk_window_open (window, files[i]);
      apply_options (self, window);
      gtk_window_present (GTK_WINDOW (window));
      apply_import (self, window);
    }
}

static void
crk_application_startup (GApplication *app)
{
  CrkApplication *self = CRK_APPLICATION (app);
  static const char *quit_accels[] = {"<Control>q", NULL};
  static const char *preferences_accels[] = {"<Control>comma", NULL};
  /* the key GtkApplication 4.8 gives the shortcuts window */
  static const char *help_overlay_accels[] = {"<Control>question", NULL};
  static const char *help_accels[] = {"F1", NULL};

  /* GtkApplication would build the keyboard shortcuts window (gtk/help-overlay.ui) for
   * each new window, before its first frame: 10 to 20 ms of the start for a window
   * seldom opened. With the automatic resources off, the window builds it when
   * asked (win.show-help-overlay) and the stylesheet, the only other automatic resource
   * here, is loaded below: a style-dark.css, gtk/menus.ui or icons/ added to the
   * resources later would have to be loaded here too. */
  g_application_set_resource_base_path (app, NULL);
  G_APPLICATION_CLASS (crk_application_parent_class)->startup (app);

  {
    g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_set_application_name (_ ("Cityrank"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = crk_application_dup_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
      apply_color_scheme (self);
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* each window asks about its unsaved changes */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *window = crk_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = {"The Cityrank authors", NULL};
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (app), "application-name", _ ("Cityrank"),
                        "application-icon", APP_ID, "version", PACKAGE_VERSION, "developer-name",
                        _ ("The Cityrank authors"), "developers", developers, "comments",
                        _ ("Composite-index rankings of cities: open a dataset, choose the method, "
                           "compare and explain the ranks."),
                        "website", "https://github.com/cityrank/cityrank", "issue-url",
                        "https://github.com/cityrank/cityrank/issues", "license-type",
                        GTK_LICENSE_GPL_3_0, "copyright", "© 2026 The Cityrank authors",
                        /* Translators: your name and email, one per line */
                        "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Help ---------------------------------------------------------------------------------- */

/* The guide's page of a widget of the method panel, by its id in the template. Sections
 * (after "#") are the ids of the terms in the pages of help/C; tests/app/test-app-help.c checks
 * that each exists. */
static const struct
{
  const char *widget_id;
  const char *page;
} help_topics[] = {
  {"normalisation_row", "method-normalisation"},
  {"aggregation_row", "method-aggregation"},
  {"imputation_row", "method-missing"},
  {"treatment_row", "method-outliers#winsorising"},
  {"scheme_row", "method-weights"},
  {"tier_row", "method-tiers#tiers"},
  {"base_year_row", "method-tiers#base-year"},
  {"weights_group", "method-weights"},
  {"indicator_weights_group", "method-weights"},
};

static const char *
help_page_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

      if (id == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (help_topics); i++)
        if (g_str_equal (id, help_topics[i].widget_id))
          return help_topics[i].page;
    }
  return NULL;
}

/* The widget of @window under the pointer, or NULL. */
static GtkWidget *
widget_under_pointer (GtkWindow *window)
{
  GtkNative *native = GTK_NATIVE (window);
  GdkSurface *surface = gtk_native_get_surface (native);
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (window)));
  GdkDevice *pointer = seat != NULL ? gdk_seat_get_pointer (seat) : NULL;
  double x, y, dx, dy;

  if (surface == NULL || pointer == NULL ||
      !gdk_surface_get_device_position (surface, pointer, &x, &y, NULL))
    return NULL;
  gtk_native_get_surface_transform (native, &dx, &dy);
  return gtk_widget_pick (GTK_WIDGET (window), x - dx, y - dy, GTK_PICK_DEFAULT);
}

char *
crk_application_dup_help_uri_for (GtkWidget *widget)
{
  const char *page = help_page_of (widget);

  /* Yelp reads both schemes; help: is the one that names a page and a section. */
  if (page == NULL)
    return g_strdup ("ghelp:" APP_ID);
  return g_strconcat ("help:" APP_ID "/", page, NULL);
}

char *
crk_application_dup_help_uri (GtkWindow *window)
{
  GtkWidget *hovered;

  if (window == NULL)
    return crk_application_dup_help_uri_for (NULL);
  hovered = widget_under_pointer (window);
  if (help_page_of (hovered) != NULL)
    return crk_application_dup_help_uri_for (hovered);
  return crk_application_dup_help_uri_for (gtk_window_get_focus (window));
}

static void
help_shown_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (window, result, &error))
    return;
  dialog = adw_message_dialog_new (window, _ ("The Guide Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    /* Translators: %s is the system's reason */
    _ ("The guide is read with Yelp, the GNOME help viewer: install it to read the guide. (%s)"),
    error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F1 and the menu's Help: the guide, at the page of the method panel's row under the
 * pointer or with the focus (its tooltip says "Press F1"), else at its start. */
static void
help_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *uri = crk_application_dup_help_uri (window);

  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown_cb,
                     window != NULL ? g_object_ref (window) : NULL);
}

static const GActionEntry app_actions[] = {
  {.name = "quit", .activate = quit_action},
  {.name = "preferences", .activate = preferences_action},
  {.name = "about", .activate = about_action},
  {.name = "help", .activate = help_action},
};

static void
crk_application_dispose (GObject *object)
{
  CrkApplication *self = (CrkApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->select_codes, g_strfreev);
  g_clear_pointer (&self->chart_kind, g_free);
  g_clear_pointer (&self->import_paths, g_strfreev);

  G_OBJECT_CLASS (crk_application_parent_class)->dispose (object);
}

static void
crk_application_class_init (CrkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = crk_application_dispose;
  app_class->activate = crk_application_activate;
  app_class->open = crk_application_open;
  app_class->startup = crk_application_startup;
  app_class->handle_local_options = crk_application_handle_local_options;
}

static const GOptionEntry options[] = {
  {"select", 's', 0, G_OPTION_ARG_STRING, NULL, N_ ("Select these cities (comma-separated codes)"),
   N_ ("CODES")},
  {"chart", 'c', 0, G_OPTION_ARG_STRING, NULL,
   N_ ("Show this chart: radar, bar, contrib, gap or values"), N_ ("CHART")},
  {"import", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
   N_ ("Import this statistics file in the import assistant (repeat for more)"), N_ ("FILE")},
  {"import-into", 0, 0, G_OPTION_ARG_NONE, NULL,
   N_ ("With --import: add the files to the open dataset"), NULL},
  {NULL}};

static void
crk_application_init (CrkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[FILE…]"));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

CrkApplication *
crk_application_new (void)
{
  return g_object_new (CRK_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, NULL);
}
