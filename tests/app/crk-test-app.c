/* crk-test-app.c: helpers of the UI tests (display, main loop, isolated dirs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "crk-test-app.h"
#include "crk-window-private.h"

static char *test_root;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
isolate (const char *variable, const char *name)
{
  g_autofree char *path = g_build_filename (test_root, name, NULL);

  g_mkdir_with_parents (path, 0700);
  g_setenv (variable, path, TRUE);
}

gboolean
crk_test_app_init (int *argc, char ***argv)
{
  static const char *const mime_dirs[] = {"/usr/share/mime", NULL};
  const char *require = g_getenv ("CRK_REQUIRE_DISPLAY");

  /* One private home for the whole program, set before GLib caches any directory:
   * G_TEST_OPTION_ISOLATE_DIRS would reset GLib's directory caches for every test, and
   * GTK keeps the old values (LeakSanitizer reports them). The MIME database stays the
   * system's (GTK's SVG icons need it); the GSettings schemas come from
   * GSETTINGS_SCHEMA_DIR. */
  test_root = g_dir_make_tmp ("crk-ui-test-XXXXXX", NULL);
  g_assert (test_root != NULL);
  isolate ("HOME", "home");
  isolate ("XDG_CONFIG_HOME", "config");
  isolate ("XDG_DATA_HOME", "data");
  isolate ("XDG_CACHE_HOME", "cache");
  isolate ("XDG_STATE_HOME", "state");
  isolate ("XDG_RUNTIME_DIR", "runtime");

  g_test_init (argc, argv, NULL);
  g_content_type_set_mime_dirs (mime_dirs);

  if (!gtk_init_check ())
    {
      if (require != NULL && *require != '\0' && g_strcmp0 (require, "0") != 0)
        g_error ("CRK_REQUIRE_DISPLAY is set but there is no display");
      printf ("1..0 # SKIP no display\n");
      crk_test_app_cleanup ();
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

void
crk_test_app_cleanup (void)
{
  if (test_root == NULL)
    return;
  remove_tree (test_root);
  g_clear_pointer (&test_root, g_free);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
crk_test_app_wait (CrkTestCondition condition, gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        {
          g_source_remove (tick);
          g_error ("timed out after %.0f s waiting for a condition", seconds);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
crk_test_app_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  crk_test_app_wait (time_passed, &end, ms / 1000.0 + 10);
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

void
crk_test_app_wait_allocated (GtkWidget *widget)
{
  crk_test_app_wait (allocated, widget, 20);
}

gboolean
crk_test_app_not_loading (gpointer window)
{
  return !crk_window_get_loading (window);
}

gboolean
crk_test_app_has_results (gpointer window)
{
  return crk_window_get_results (window) != NULL;
}

/* the table gets its leading rows first and the rest once it has a size */
gboolean
crk_test_app_all_rows (gpointer data)
{
  CrkWindow *window = data;

  return g_list_model_get_n_items (G_LIST_MODEL (window->store)) == window->rows->len;
}

const char *
crk_test_app_asem_path (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "asem",
                             "asem_idata.csv", NULL);
  return path;
}

gboolean
crk_test_app_wheel (GtkWidget *widget, double dy)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (int phase = GTK_PHASE_CAPTURE; phase <= GTK_PHASE_BUBBLE; phase++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) ||
            (int) gtk_event_controller_get_propagation_phase (controller) != phase)
          continue;
        g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
        if (handled)
          return TRUE;
      }
  return FALSE;
}

CrkWindow *
crk_test_app_sample_window (int width, int height)
{
  CrkWindow *window = g_object_ref (crk_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  crk_window_open_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  crk_test_app_wait (crk_test_app_has_results, window, 10);
  crk_test_app_wait_allocated (GTK_WIDGET (window->column_view));
  crk_test_app_wait (crk_test_app_all_rows, window, 10);
  return window;
}

void
crk_test_app_close_window (CrkWindow *window)
{
  window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (30);
  g_assert_finalize_object (window);
}
