/* test-report-print.c: the report printed through GtkPrintOperation and previewed in its
 * dialog (suite 'ui', under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <stdio.h>

#include "crk-test-report.h"

#include "crk-locale.h"
#include "crk-print-operation.h"
#include "crk-report-dialog.h"

static CrkResults *sample;

/* No isolated dirs here: nothing is written to the user's dirs, and GLib 2.74 leaks the
 * cached dirs that isolation replaces, which the sanitizer build would report. */
static gboolean
init_display (int *argc, char ***argv)
{
  const char *require = g_getenv ("CRK_REQUIRE_DISPLAY");

  g_test_init (argc, argv, NULL);
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

/* Runs the main loop until @condition holds or @seconds pass (then fails). */
static void
wait_for (gboolean (*condition) (gpointer data), gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out after %.0f s", seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  wait_for (time_passed, &end, ms / 1000.0 + 10);
}

static void
test_print_export (void)
{
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autoptr (CrkPrintOperation) operation = NULL;
  g_autofree char *pdf = crk_test_report_tmp_path ("printed.pdf");
  GtkPrintOperationResult result;
  g_autoptr (GDateTime) date = g_date_time_new_utc (2021, 11, 29, 10, 0, 0);

  crk_report_options_set_date (options, date);
  report = crk_report_new (sample, options, &error);
  g_assert_no_error (error);

  operation = crk_print_operation_new (report);
  g_assert_true (crk_print_operation_get_report (operation) == report);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The same checks as the PDF the report writes itself: pages, landscape table pages,
   * footers, header on every table page, rank order, outline, embedded fonts. */
  crk_test_report_check_pdf (report, pdf, TRUE);
  crk_test_report_remove (pdf);
}

static gboolean
preview_drawn (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_mapped (data);
}

static void
test_dialog_preview (void)
{
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (sample, &n_ranked);
  g_autoptr (GArray) selection = g_array_new (FALSE, FALSE, sizeof (guint));
  CrkReportDialog *dialog;
  CrkReport *report;
  g_autofree char *pdf = crk_test_report_tmp_path ("dialog.pdf");
  g_autoptr (GError) error = NULL;
  guint n_cities = 0;
  const guint *cities;
  double width, height;
  GtkWidget *area;

  g_array_append_val (selection, order[3]);
  g_array_append_val (selection, order[1]);
  dialog = crk_report_dialog_new (NULL, sample, selection);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  /* With cities selected, their profiles, in rank order. */
  report = crk_report_dialog_get_report (dialog);
  g_assert_nonnull (report);
  cities = crk_report_get_profile_cities (report, &n_cities);
  g_assert_cmpuint (n_cities, ==, 2);
  g_assert_cmpuint (cities[0], ==, order[1]);
  g_assert_cmpuint (cities[1], ==, order[3]);

  /* The preview is a drawing area drawing the report's pages. */
  area = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "preview_area"));
  g_assert_true (GTK_IS_DRAWING_AREA (area));
  wait_for (preview_drawn, area, 20);
  g_assert_cmpuint (crk_report_dialog_get_page (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.next-page", NULL));
  g_assert_cmpuint (crk_report_dialog_get_page (dialog), ==, 1);
  crk_report_dialog_set_page (dialog, 100000);
  g_assert_cmpuint (crk_report_dialog_get_page (dialog), ==, crk_report_get_n_pages (report) - 1);
  spin (100);

  /* Options change the report: US Letter. */
  {
    AdwComboRow *paper = ADW_COMBO_ROW (
      gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "paper_row"));

    adw_combo_row_set_selected (paper, 1);
    crk_report_dialog_update (dialog);
    report = crk_report_dialog_get_report (dialog);
    crk_report_get_page_size (report, 0, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
    g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
  }
  /* No section at all: no report, nothing to print. */
  {
    const char *switches[] = {
      "title_switch",     "contents_switch", "summary_switch", "method_switch",
      "agreement_switch", "table_switch",    "charts_switch",  "profiles_switch",
    };

    for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
      gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (
                               GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, switches[i])),
                             FALSE);
    crk_report_dialog_update (dialog);
    g_assert_null (crk_report_dialog_get_report (dialog));
    g_assert_false (crk_report_dialog_save_pdf (dialog, pdf, &error));
    g_assert_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID);
    g_clear_error (&error);
    gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (
                             GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "table_switch")),
                           TRUE);
    gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (
                             GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "profiles_switch")),
                           TRUE);
  }

  /* Saving writes what the preview shows (after the pending update). */
  g_assert_true (crk_report_dialog_save_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  report = crk_report_dialog_get_report (dialog);
  g_assert_cmpint (crk_report_get_section_page (report, CRK_REPORT_SECTION_TABLE), ==, 0);
  crk_test_report_check_pdf (report, pdf, TRUE);
  crk_test_report_remove (pdf);

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_null (dialog);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  if (!init_display (&argc, &argv))
    return 0;
  crk_locale_set_language ("en");
  sample = crk_test_report_load_sample ();

  g_test_add_func ("/report/print/export", test_print_export);
  g_test_add_func ("/report/dialog/preview", test_dialog_preview);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
