/* test-app-units.c: the window says what the dataset ranks: countries for COINr's ASEM
 * pair (the name column, the search, the count, the no-match page, the detail, the
 * chart's title, the tooltips of the detail toggle and the chart buttons, the keyboard
 * shortcuts window), cities for the CCID sample; the import assistant shows its guess
 * and lets the user choose another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-application.h"
#include "crk-chart-view.h"
#include "crk-city-detail.h"
#include "crk-import-assistant-private.h"
#include "crk-method-panel.h"
#include "crk-report-dialog.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

static gboolean
page_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
page_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static const char *
placeholder_of (CrkWindow *w)
{
  const char *text = NULL;

  g_object_get (w->search_entry, "placeholder-text", &text, NULL);
  /* the entry keeps the string; g_object_get copied it */
  g_object_set_data_full (G_OBJECT (w->search_entry), "test-placeholder", (gpointer) text, g_free);
  return text;
}

/* What the window shows about its units, each in the words expected. */
static void
check_words (CrkWindow *w,
             const char *header,
             const char *placeholder,
             const char *count,
             const char *no_match_title,
             const char *no_match,
             const char *none_selected)
{
  GtkWidget *page =
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (w), CRK_TYPE_WINDOW, "no_match_page"));
  AdwStatusPage *empty = ADW_STATUS_PAGE (gtk_widget_get_template_child (
    GTK_WIDGET (w->city_detail), CRK_TYPE_CITY_DETAIL, "empty_page"));

  g_assert_cmpstr (gtk_column_view_column_get_title (w->city_column), ==, header);
  g_assert_cmpstr (placeholder_of (w), ==, placeholder);
  g_assert_cmpstr (gtk_label_get_label (w->count_label), ==, count);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, none_selected);

  gtk_editable_set_text (GTK_EDITABLE (w->search_entry), "qqxqq");
  crk_test_app_wait (page_shown, page, 5);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, no_match_title);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, no_match);
  gtk_editable_set_text (GTK_EDITABLE (w->search_entry), "");
  crk_test_app_wait (page_hidden, page, 5);
}

/* The header bar's detail toggle and the chart kinds' buttons say the units in their
 * tooltips: @detail and @radar whole, @stem ("countr") in the bars', the gap's and the
 * values', and @other ("cit") in none of them. */
static void
check_tips (CrkWindow *w,
            const char *detail,
            const char *radar,
            const char *stem,
            const char *other)
{
  static const char *const ids[] = {"bar_button", "gap_button", "values_button"};
  GtkWidget *button;

  button =
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (w), CRK_TYPE_WINDOW, "detail_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, detail);
  button =
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (w), CRK_TYPE_WINDOW, "radar_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, radar);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *tip;

      button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (w), CRK_TYPE_WINDOW, ids[i]));
      tip = gtk_widget_get_tooltip_text (button);
      g_assert_nonnull (tip);
      g_assert_nonnull (strstr (tip, stem));
      g_assert_null (strstr (tip, other));
    }
}

/* The titles of the shortcuts of the keyboard shortcuts window's sections (not of its
 * search results), by accelerator */
static void
collect_shortcuts (GtkWidget *widget, GHashTable *titles)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_SECTION) != NULL)
    {
      char *accelerator = NULL;
      char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      if (accelerator != NULL)
        g_hash_table_insert (titles, accelerator, title);
      else
        g_free (title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, titles);
}

/* The keyboard shortcuts window says the units: @search for Ctrl+F, @select_all for
 * Ctrl+A, @detail for Shift+F9. */
static void
check_shortcuts (CrkWindow *w, const char *search, const char *select_all, const char *detail)
{
  g_autoptr (GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkShortcutsWindow *overlay;

  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (w));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), titles);
  g_assert_cmpstr (g_hash_table_lookup (titles, "<Control>f"), ==, search);
  g_assert_cmpstr (g_hash_table_lookup (titles, "<Control>a"), ==, select_all);
  g_assert_cmpstr (g_hash_table_lookup (titles, "<Shift>F9"), ==, detail);
  gtk_window_close (GTK_WINDOW (overlay));
  crk_test_app_spin (20);
}

/* The sample says cities; ASEM, opened after it, countries; the sample again, cities. */
static void
test_asem_countries (void)
{
  CrkWindow *w = crk_test_app_sample_window (1280, 800);
  g_autoptr (GFile) file = g_file_new_for_path (crk_test_app_asem_path ());
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) sample = NULL;
  g_autofree char *title = NULL;
  CrkChartOptions *options;

  g_assert_true (g_file_test (crk_test_app_asem_path (), G_FILE_TEST_IS_REGULAR));
  crk_test_app_wait_allocated (GTK_WIDGET (w->column_view));
  check_words (w, "City", "Search cities by name, code or province", "100 cities",
               "No Matching Cities", "No city matches “qqxqq”.", "No City Selected");
  check_tips (w, "City Detail (Shift+F9)", "The selected cities against the median (Ctrl+1)", "cit",
              "countr");
  check_shortcuts (w, "Search cities", "Select every city shown", "Show or hide the city detail");

  crk_window_open (w, file);
  crk_test_app_wait (crk_test_app_not_loading, w, 60);
  g_assert_null (crk_window_get_message_dialog (w));
  crk_test_app_wait (crk_test_app_has_results, w, 20);
  crk_test_app_wait (crk_test_app_all_rows, w, 20);
  g_assert_cmpint (crk_dataset_get_unit_kind (crk_window_get_dataset (w)), ==, CRK_UNIT_COUNTRY);
  check_words (w, "Country", "Search countries by name, code or EurAsia group", "51 countries",
               "No Matching Countries", "No country matches “qqxqq”.", "No Country Selected");
  check_tips (w, "Country Detail (Shift+F9)", "The selected countries against the median (Ctrl+1)",
              "countr", "cit");
  check_shortcuts (w, "Search countries", "Select every country shown",
                   "Show or hide the country detail");

  /* the ranked bars' title counts countries */
  options = crk_chart_options_new (CRK_CHART_BAR);
  title = crk_chart_dup_title (crk_window_get_results (w), options);
  g_assert_nonnull (strstr (title, "51 countries"));
  crk_chart_options_free (options);

  /* back to cities */
  sample = crk_window_read_sample (&error);
  g_assert_no_error (error);
  crk_window_set_dataset (w, g_object_ref (sample), NULL);
  crk_test_app_wait (crk_test_app_all_rows, w, 20);
  crk_test_app_spin (50);
  check_words (w, "City", "Search cities by name, code or province", "100 cities",
               "No Matching Cities", "No city matches “qqxqq”.", "No City Selected");
  check_tips (w, "City Detail (Shift+F9)", "The selected cities against the median (Ctrl+1)", "cit",
              "countr");
  check_shortcuts (w, "Search cities", "Select every city shown", "Show or hide the city detail");

  crk_test_app_close_window (w);
}

static gboolean
results_of_2021 (gpointer data)
{
  CrkResults *results = crk_window_get_results (data);

  return results != NULL && crk_results_get_year (results) == 2021;
}

/* The method panel's agreement row ("28 countries ranked in both, 2021"), its missing
 * values' "Mean of all countries" and the tooltips of the detail's strengths and
 * weaknesses say what the dataset ranks. */
static void
check_panel_and_detail (CrkWindow *w,
                        const char *both,
                        const char *strengths,
                        const char *weaknesses,
                        const char *mean)
{
  AdwComboRow *imputation = ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (w->method_panel), CRK_TYPE_METHOD_PANEL, "imputation_row"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (w->method_panel), CRK_TYPE_METHOD_PANEL, "agreement_list"));
  GtkWidget *strengths_heading = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (w->city_detail), CRK_TYPE_CITY_DETAIL, "strengths_heading"));
  GtkWidget *weaknesses_heading = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (w->city_detail), CRK_TYPE_CITY_DETAIL, "weaknesses_heading"));
  const char *subtitle;

  crk_window_set_year (w, 2021);
  crk_test_app_wait (results_of_2021, w, 10);
  crk_test_app_spin (50);
  g_assert_nonnull (gtk_widget_get_first_child (list));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (list)));
  g_assert_true (g_str_has_suffix (subtitle, both));
  g_assert_cmpstr (
    gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (imputation)), 1), ==,
    mean);

  crk_window_select_city (w, 0, FALSE);
  crk_test_app_spin (50);
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (strengths_heading), strengths));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (weaknesses_heading), weaknesses));
}

/* The report dialog's profile rows name the units: "Country Profiles", "All ranked
 * countries". */
static void
check_report_dialog (CrkWindow *w, const char *group_title, const char *all)
{
  CrkReportDialog *dialog =
    crk_report_dialog_new (GTK_WINDOW (w), crk_window_get_results (w), NULL);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "profiles_group"));
  AdwComboRow *row = ADW_COMBO_ROW (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), CRK_TYPE_REPORT_DIALOG, "profiles_row"));
  GListModel *choices = adw_combo_row_get_model (row);

  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, group_title);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, all);
  gtk_window_destroy (GTK_WINDOW (dialog));
  crk_test_app_spin (50);
}

/* The CCID sample says cities; the same sample marked as ranking countries, countries. */
static void
test_panel_and_detail (void)
{
  CrkWindow *w = crk_test_app_sample_window (1280, 800);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) sample = NULL;

  check_panel_and_detail (
    w, " cities ranked in both, 2021",
    "Up to 5 indicators where this city is in the top quarter of the cities with a value",
    "Up to 5 indicators where this city is in the bottom quarter of the cities with a value",
    "Mean of all cities");
  check_report_dialog (w, "City Profiles", "All ranked cities");

  sample = crk_window_read_sample (&error);
  g_assert_no_error (error);
  crk_dataset_set_unit_kind (sample, CRK_UNIT_COUNTRY);
  crk_window_set_dataset (w, g_object_ref (sample), NULL);
  crk_test_app_wait (crk_test_app_all_rows, w, 20);
  check_panel_and_detail (
    w, " countries ranked in both, 2021",
    "Up to 5 indicators where this country is in the top quarter of the countries with a value",
    "Up to 5 indicators where this country is in the bottom quarter of the countries with a "
    "value",
    "Mean of all countries");
  check_report_dialog (w, "Country Profiles", "All ranked countries");

  crk_test_app_close_window (w);
}

static gboolean
assistant_ready (gpointer data)
{
  CrkImportAssistant *assistant = data;

  return !crk_import_assistant_get_busy (assistant) &&
    crk_import_assistant_get_preview (assistant) != NULL;
}

static CrkImportAssistant *
open_assistant (CrkWindow *w, const char *fixture, gboolean into)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "tests", "import", "fixtures", fixture, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrkImportAssistant *assistant;

  crk_window_import (w, &file, 1, into);
  assistant = w->import_assistant;
  g_assert_nonnull (assistant);
  crk_test_app_wait (assistant_ready, assistant, 20);
  return assistant;
}

/* A World Bank file is guessed to rank countries; the user makes them economies, and the
 * new dataset and the window say economies. Added into the open dataset, the choice is
 * not offered (the dataset keeps its own). */
static void
test_assistant_choice (void)
{
  CrkWindow *w = crk_test_app_sample_window (1280, 800);
  CrkImportAssistant *assistant = open_assistant (w, "wb-api-page.xml", FALSE);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant->unit_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (assistant->unit_row), ==, CRK_UNIT_COUNTRY);
  g_assert_nonnull (strstr (gtk_label_get_text (assistant->counts_label), "4 countries"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (assistant->city_row)), ==,
                   "_Countries");
  adw_combo_row_set_selected (assistant->unit_row, CRK_UNIT_ECONOMY);
  g_assert_nonnull (strstr (gtk_label_get_text (assistant->counts_label), "4 economies"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (assistant->city_row)), ==,
                   "_Economies");
  crk_import_assistant_confirm (assistant);
  crk_test_app_wait (crk_test_app_has_results, w, 10);
  crk_test_app_wait (crk_test_app_all_rows, w, 20);
  g_assert_cmpint (crk_dataset_get_unit_kind (crk_window_get_dataset (w)), ==, CRK_UNIT_ECONOMY);
  g_assert_cmpstr (gtk_column_view_column_get_title (w->city_column), ==, "Economy");
  g_assert_cmpstr (gtk_label_get_label (w->count_label), ==, "4 economies");

  assistant = open_assistant (w, "wb-api-page.xml", TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (assistant->unit_row)));
  /* into the dataset of economies: its words */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (assistant->city_row)), ==,
                   "_Economies");
  g_test_message ("matching group shown: %d, title %s",
                  gtk_widget_get_visible (GTK_WIDGET (assistant->matching_group)),
                  adw_preferences_group_get_title (assistant->matching_group));
  if (gtk_widget_get_visible (GTK_WIDGET (assistant->matching_group)))
    g_assert_cmpstr (adw_preferences_group_get_title (assistant->matching_group), ==,
                     "Matching Economies");
  gtk_window_destroy (GTK_WINDOW (assistant));
  crk_test_app_spin (50);

  crk_test_app_close_window (w);
}

int
main (int argc, char *argv[])
{
  if (!crk_test_app_init (&argc, &argv))
    return 0;

  g_test_add_func ("/app/units/asem-countries", test_asem_countries);
  g_test_add_func ("/app/units/assistant-choice", test_assistant_choice);
  g_test_add_func ("/app/units/panel-and-detail", test_panel_and_detail);

  {
    int status = g_test_run ();

    crk_test_app_cleanup ();
    return status;
  }
}
