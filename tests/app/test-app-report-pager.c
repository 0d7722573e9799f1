/* test-app-report-pager.c: the report preview's previous and next buttons stay where they
 * are on every page (the page label keeps one width), insensitive rather than hidden at
 * either end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-report-dialog.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  GtkWidget *previous;
  GtkWidget *next;
  GtkWidget *label;
  double previous_x;
  double next_x;
} Pager;

static guint n_ticks;

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  n_ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_ticks_later (gpointer data)
{
  return n_ticks >= GPOINTER_TO_UINT (data) + 2;
}

/* Runs the main loop until the dialog has been laid out again (two frames later). */
static void
wait_layout (void)
{
  crk_test_app_wait (two_ticks_later, GUINT_TO_POINTER (n_ticks), 20);
}

static double
x_in (GtkWidget *widget, GtkWidget *root)
{
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (0, 0), &at));
  return at.x;
}

/* Checks the buttons on the dialog's current page, against their place on the first. */
static void
check_page (CrkReportDialog *dialog, Pager *pager, guint page, guint n_pages)
{
  GtkWidget *root = GTK_WIDGET (dialog);
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (pager->label));
  int text_width = 0;

  g_assert_true (gtk_widget_get_visible (pager->previous));
  g_assert_true (gtk_widget_get_visible (pager->next));
  g_assert_true (gtk_widget_get_mapped (pager->previous));
  g_assert_true (gtk_widget_get_mapped (pager->next));
  g_assert_cmpint (gtk_widget_is_sensitive (pager->previous), ==, page > 0);
  g_assert_cmpint (gtk_widget_is_sensitive (pager->next), ==, page + 1 < n_pages);
  /* the whole text shows */
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_assert_cmpint (text_width, <=, gtk_widget_get_width (pager->label));
  if (page == 0)
    {
      pager->previous_x = x_in (pager->previous, root);
      pager->next_x = x_in (pager->next, root);
      g_assert_cmpfloat (pager->previous_x, <, pager->next_x);
      return;
    }
  if (x_in (pager->previous, root) != pager->previous_x ||
      x_in (pager->next, root) != pager->next_x)
    g_error ("on page %u of %u (\"%s\") the buttons are at x %.1f and %.1f, on the first at "
             "%.1f and %.1f",
             page + 1, n_pages, gtk_label_get_text (GTK_LABEL (pager->label)),
             x_in (pager->previous, root), x_in (pager->next, root), pager->previous_x,
             pager->next_x);
}

static void
test_buttons_stay (void)
{
  CrkWindow *window = crk_test_app_sample_window (1280, 800);
  CrkReportDialog *dialog;
  CrkReport *report;
  Pager pager = {0};
  guint n_pages;

  dialog = crk_report_dialog_new (GTK_WINDOW (window), crk_window_get_results (window), NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_add_tick_callback (GTK_WIDGET (dialog), tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  pager.label = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "page_label"));
  pager.previous = gtk_widget_get_prev_sibling (pager.label);
  pager.next = gtk_widget_get_next_sibling (pager.label);
  g_assert_true (GTK_IS_BUTTON (pager.previous));
  g_assert_true (GTK_IS_BUTTON (pager.next));
  crk_test_app_wait_allocated (pager.next);
  wait_layout ();

  report = crk_report_dialog_get_report (dialog);
  g_assert_nonnull (report);
  n_pages = crk_report_get_n_pages (report);
  /* the sample's report runs from one to three digits of sheets */
  g_assert_cmpuint (n_pages, >=, 100);
  for (guint page = 0; page < n_pages; page++)
    {
      crk_report_dialog_set_page (dialog, page);
      g_assert_cmpuint (crk_report_dialog_get_page (dialog), ==, page);
      wait_layout ();
      check_page (dialog, &pager, page, n_pages);
    }
  /* and back, by the button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.previous-page", NULL));
  wait_layout ();
  check_page (dialog, &pager, n_pages - 2, n_pages);
  /* to look at it: stay open that many milliseconds (with /work/shared/tools/screenshot) */
  if (g_getenv ("CRK_TEST_HOLD_MS") != NULL)
    crk_test_app_spin ((guint) g_ascii_strtoull (g_getenv ("CRK_TEST_HOLD_MS"), NULL, 10));

  gtk_window_destroy (GTK_WINDOW (dialog));
  crk_test_app_spin (30);
  g_assert_null (dialog);
  crk_test_app_close_window (window);
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add_func ("/app/report-pager/buttons-stay", test_buttons_stay);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
