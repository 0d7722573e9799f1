/* test-app-export.c: the chart export dialog proposes a name that says what the file
 * holds, offers no pixel size for a drawing, and the save dialogs select the filter of
 * the format proposed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-export-dialog.h"
#include "crk-file-chooser.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

static void
test_proposed_name (void)
{
  CrkWindow *window = g_object_ref (crk_window_new (NULL));
  const char *codes[] = {"SHENZHEN", "SUZHOU_JS", NULL};
  CrkExportDialog *dialog;
  AdwComboRow *format;
  GtkWidget *size;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;

  crk_window_open_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  crk_test_app_wait (crk_test_app_has_results, window, 10);
  crk_window_select_codes (window, codes);
  crk_window_set_year (window, 2021);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "radar");

  dialog = crk_export_dialog_new (window);
  format = ADW_COMBO_ROW (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_EXPORT_DIALOG, "format_row"));
  size = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_EXPORT_DIALOG, "size_group"));
  adw_combo_row_set_selected (format, 0);
  png = crk_export_dialog_dup_proposed_name (dialog);
  g_assert_cmpstr (png, ==, "radar-shenzhen-suzhou-js-2021.png");
  g_assert_true (gtk_widget_get_visible (size));
  /* a drawing has no pixels */
  adw_combo_row_set_selected (format, 1);
  svg = crk_export_dialog_dup_proposed_name (dialog);
  g_assert_cmpstr (svg, ==, "radar-shenzhen-suzhou-js-2021.svg");
  g_assert_false (gtk_widget_get_visible (size));
  adw_combo_row_set_selected (format, 2);
  g_assert_true (gtk_widget_get_visible (size));

  gtk_window_destroy (GTK_WINDOW (dialog));
  window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (30);
  g_assert_finalize_object (window);
}

/* The report's "Save as PDF" proposes ranking-report-2021.pdf: the PDF filter is chosen. */
static void
test_save_filter (void)
{
  g_autoptr (GtkFileFilter) pdf =
    crk_file_chooser_find_filter (CRK_FILE_KIND_CHART, "ranking-report-2021.pdf");
  g_autoptr (GtkFileFilter) svg =
    crk_file_chooser_find_filter (CRK_FILE_KIND_CHART, "radar-2021.svg");
  g_autoptr (GtkFileFilter) xlsx =
    crk_file_chooser_find_filter (CRK_FILE_KIND_DATASET, "table.xlsx");
  g_autoptr (GtkFileFilter) none = crk_file_chooser_find_filter (CRK_FILE_KIND_CHART, "notes.txt");

  g_assert_nonnull (pdf);
  g_assert_cmpstr (gtk_file_filter_get_name (pdf), ==, "PDF documents");
  g_assert_nonnull (svg);
  g_assert_cmpstr (gtk_file_filter_get_name (svg), ==, "SVG drawings");
  g_assert_nonnull (xlsx);
  g_assert_null (none);
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add_func ("/app/export/proposed-name", test_proposed_name);
  g_test_add_func ("/app/export/save-filter", test_save_filter);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
