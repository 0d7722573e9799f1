/* crk-test-app.c: helpers of the UI tests (display, main loop, isolated dirs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "crk-test-app.h"

gboolean
crk_test_app_init (int    *argc,
                   char ***argv)
{
  static const char * const mime_dirs[] = { "/usr/share/mime", NULL };
  const char *require = g_getenv ("CRK_REQUIRE_DISPLAY");

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* the isolated home must exist (GtkRecentManager, GSettings), and GTK's SVG icons
   * need the MIME database that isolation hides */
  g_mkdir_with_parents (g_get_home_dir (), 0700);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_content_type_set_mime_dirs (mime_dirs);

  if (!gtk_init_check ())
    {
      if (require != NULL && *require != '\0' && g_strcmp0 (require, "0") != 0)
        g_error ("CRK_REQUIRE_DISPLAY is set but there is no display");
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
crk_test_app_wait (CrkTestCondition condition,
                   gpointer         data,
                   double           seconds)
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
