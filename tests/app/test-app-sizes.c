/* test-app-sizes.c: the window is usable from 800 × 600 up: below a width the method panel
 * and the city detail fold into overlays opened from the header bar, and the table and the
 * chart keep the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-test-app.h"
#include "crk-window-private.h"

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static CrkWindow *
window_of_size (int width, int height)
{
  CrkWindow *window = crk_test_app_sample_window (width, height);

  crk_test_app_spin (500);
  g_test_message ("window %d × %d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
  return window;
}

static void
test_small (void)
{
  CrkWindow *window = window_of_size (800, 600);
  int min_width = 0;

  /* it fits: its minimum is no wider than the screen */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL,
                      NULL);
  g_assert_cmpint (min_width, <=, 800);
  g_assert_true (adw_flap_get_folded (window->method_flap));
  g_assert_true (adw_flap_get_folded (window->detail_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->method_flap));
  /* the table and the chart take the whole width */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->column_view)), >=, 760);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->chart_view)), >=, 700);
  /* F9 opens the method panel over them, and closes it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-method", NULL);
  g_assert_true (adw_flap_get_reveal_flap (window->method_flap));
  /* it slides in (slowly under sanitizers) */
  crk_test_app_wait (widget_mapped, window->method_panel, 20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-method", NULL);
  crk_test_app_spin (400);
  g_assert_false (adw_flap_get_reveal_flap (window->method_flap));
  crk_test_app_close_window (window);
}

static void
test_large (void)
{
  CrkWindow *window = window_of_size (1280, 800);

  g_assert_false (adw_flap_get_folded (window->method_flap));
  g_assert_false (adw_flap_get_folded (window->detail_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->method_panel)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->city_detail)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->column_view)), >=, 520);
  crk_test_app_close_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add_func ("/app/sizes/800x600", test_small);
  g_test_add_func ("/app/sizes/1280x800", test_large);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
