/* test-app-import.c: importing statistics files in the window: Open on a table, the
 * import assistant (preview, mapping, matching, create, add into), undo and redo of an
 * import, the file chooser's filters from the registry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-file-chooser.h"
#include "crk-import-assistant-private.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
} Fixture;

static gboolean
assistant_ready (gpointer data)
{
  CrkImportAssistant *assistant = data;

  return !crk_import_assistant_get_busy (assistant) &&
    crk_import_assistant_get_preview (assistant) != NULL;
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "tests", "import", "fixtures", name, NULL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = crk_test_app_sample_window (1280, 800);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  crk_test_app_close_window (f->window);
}

static CrkImportAssistant *
open_assistant (Fixture *f, const char *fixture, gboolean into)
{
  g_autofree char *path = fixture_path (fixture);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrkImportAssistant *assistant;

  crk_window_import (f->window, &file, 1, into);
  assistant = f->window->import_assistant;
  g_assert_nonnull (assistant);
  crk_test_app_wait (assistant_ready, assistant, 20);
  return assistant;
}

static const CrkImportField *
field_with_role (const CrkImportShape *shape, CrkImportRole role)
{
  for (guint i = 0; i < shape->n_fields; i++)
    if (shape->fields[i].role == role)
      return &shape->fields[i];
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static CrkIndicator *
indicator_named (CrkDataset *dataset, const char *fragment)
{
  for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (dataset, i);
      const char *name = crk_indicator_get_name (indicator);
      const char *name_zh = crk_indicator_get_name_zh (indicator);
      const char *code = crk_indicator_get_code (indicator);

      if ((name != NULL && strstr (name, fragment) != NULL) ||
          (name_zh != NULL && strstr (name_zh, fragment) != NULL) ||
          strstr (code, fragment) != NULL)
        return indicator;
    }
  return NULL;
}

static double
value_of (CrkDataset *dataset, const char *city_code, CrkIndicator *indicator, int year)
{
  CrkCity *city = crk_dataset_lookup_city (dataset, city_code);
  int y = crk_dataset_lookup_year (dataset, year);

  g_assert_nonnull (city);
  g_assert_cmpint (y, >=, 0);
  return crk_dataset_get_value (dataset, crk_city_get_index (city),
                                crk_indicator_get_index (indicator), (guint) y);
}

/* A Chinese yearbook-style table, read into a new dataset: the preview shows the title
 * skipped, the header, the row labels and the missing cell; Create replaces the sample. */
static void
test_assistant_new_dataset (Fixture *f, gconstpointer data)
{
  CrkImportAssistant *assistant = open_assistant (f, "guangdong-robots-2021.csv", FALSE);
  CrkImportPreview *preview = crk_import_assistant_get_preview (assistant);
  const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);
  CrkDataset *sample = crk_window_get_dataset (f->window);
  CrkDataset *dataset;
  gboolean saw_missing = FALSE, saw_skipped = FALSE, saw_header = FALSE;

  g_assert_nonnull (shape);
  g_assert_nonnull (field_with_role (shape, CRK_IMPORT_ROLE_CITY));
  g_assert_cmpint (shape->header_row, ==, 2);
  for (guint r = 0; r < crk_import_preview_get_grid_rows (preview, 0); r++)
    for (guint c = 0; c < crk_import_preview_get_grid_columns (preview, 0); c++)
      {
        CrkPreviewCellKind kind = crk_import_preview_get_grid_kind (preview, 0, r, c);

        saw_missing |= kind == CRK_PREVIEW_CELL_MISSING && r == 6 && c == 1; /* 东莞市 .. */
        saw_skipped |= kind == CRK_PREVIEW_CELL_SKIPPED && r == 0;
        saw_header |= kind == CRK_PREVIEW_CELL_HEADER && r == 2;
      }
  g_assert_true (saw_missing);
  g_assert_true (saw_skipped);
  g_assert_true (saw_header);
  /* the table as read: a row-number column and the file's three columns */
  g_assert_cmpuint (
    g_list_model_get_n_items (gtk_column_view_get_columns (assistant->preview_view)), ==, 4);
  g_assert_nonnull (strstr (gtk_label_get_text (assistant->counts_label), "8"));
  /* footnote marks stripped and reported */
  g_assert_cmpuint (count_rows (assistant->problems_list), >, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->import_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (assistant->matching_group)));

  crk_import_assistant_confirm (assistant);
  /* the sample is not changed: no question */
  crk_test_app_wait (crk_test_app_has_results, f->window, 10);
  dataset = crk_window_get_dataset (f->window);
  g_assert_false (dataset == sample);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 8);
  g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), >=, 2);
  g_assert_true (isnan (value_of (dataset, crk_city_get_code (crk_dataset_get_city (dataset, 3)),
                                  indicator_named (dataset, "机器人"), 2021)));
  g_assert_null (crk_window_get_file (f->window));
  /* an import is unsaved work */
  g_assert_true (crk_dataset_get_modified (dataset));
  g_assert_nonnull (
    strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "guangdong-robots-2021.csv"));
}

static AdwComboRow *
match_row_for (CrkImportAssistant *assistant, const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (assistant->matching_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "crk-key"), key) == 0)
      return ADW_COMBO_ROW (child);
  return NULL;
}

static guint
position_of_code (AdwComboRow *row, const char *code)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "crk-codes");

  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  g_error ("no choice %s", code);
  return 0;
}

/* Adding the table into the sample: 深汕合作区 matches no city and blocks the import
 * until the user chooses; a choice remembered becomes an alias; undo brings the sample
 * back, redo the import. */
static void
test_assistant_add_into (Fixture *f, gconstpointer data)
{
  CrkDataset *sample = crk_window_get_dataset (f->window);
  guint n_indicators = crk_dataset_get_n_indicators (sample);
  CrkImportAssistant *assistant = open_assistant (f, "guangdong-robots-2021.csv", TRUE);
  CrkDataset *dataset;
  AdwComboRow *row;
  CrkIndicator *robots;

  /* one name matches nothing: listed, and the import cannot go on */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant->matching_group)));
  row = match_row_for (assistant, "深汕合作区");
  g_assert_nonnull (row);
  g_assert_null (crk_import_preview_get_dataset (crk_import_assistant_get_preview (assistant)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->import_button)));

  /* the user says it is Shantou's (the co-operation zone), and to remember the name */
  gtk_switch_set_active (assistant->aliases_switch, TRUE);
  adw_combo_row_set_selected (row, position_of_code (row, "SHANTOU"));
  g_assert_true (crk_import_assistant_get_busy (assistant));
  crk_test_app_wait (assistant_ready, assistant, 20);
  g_assert_nonnull (crk_import_preview_get_dataset (crk_import_assistant_get_preview (assistant)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (assistant->import_button)));
  /* the open dataset is not touched by the preview */
  g_assert_cmpuint (crk_dataset_get_n_indicators (sample), ==, n_indicators);

  crk_import_assistant_confirm (assistant);
  crk_test_app_spin (50);
  dataset = crk_window_get_dataset (f->window);
  g_assert_false (dataset == sample);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, crk_dataset_get_n_cities (sample));
  g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), ==, n_indicators + 2);
  robots = indicator_named (dataset, "机器人");
  g_assert_nonnull (robots);
  g_assert_cmpfloat (value_of (dataset, "SHENZHEN", robots, 2021), ==, 18204);
  g_assert_cmpfloat (value_of (dataset, "GUANGZHOU", robots, 2021), ==, 12377);
  g_assert_true (isnan (value_of (dataset, "DONGGUAN", robots, 2021)));
  g_assert_cmpfloat (value_of (dataset, "SHANTOU", robots, 2021), ==, 12);
  g_assert_true (g_strv_contains (
    crk_city_get_aliases (crk_dataset_lookup_city (dataset, "SHANTOU")), "深汕合作区"));
  g_assert_true (crk_dataset_get_modified (dataset));

  /* undo: the sample as it was; redo: the import again */
  g_assert_true (_crk_window_can_undo_import (f->window, FALSE));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (crk_window_get_dataset (f->window) == sample);
  g_assert_cmpuint (crk_dataset_get_n_indicators (crk_window_get_dataset (f->window)), ==,
                    n_indicators);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_true (crk_window_get_dataset (f->window) == dataset);
}

/* Skipping a name on purpose lets the import go on without it. */
static void
test_assistant_skip (Fixture *f, gconstpointer data)
{
  CrkImportAssistant *assistant = open_assistant (f, "guangdong-robots-2021.csv", TRUE);
  AdwComboRow *row = match_row_for (assistant, "深汕合作区");
  CrkDataset *dataset;

  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, position_of_code (row, ""));
  crk_test_app_wait (assistant_ready, assistant, 20);
  dataset = crk_import_preview_get_dataset (crk_import_assistant_get_preview (assistant));
  g_assert_nonnull (dataset);
  g_assert_true (isnan (value_of (dataset, "SHANTOU", indicator_named (dataset, "机器人"), 2021)));
}

/* A setting changed reads again: years in columns is not what this table is. */
static void
test_assistant_layout (Fixture *f, gconstpointer data)
{
  CrkImportAssistant *assistant = open_assistant (f, "guangdong-robots-2021.csv", FALSE);
  CrkImportPreview *before = crk_import_assistant_get_preview (assistant);

  g_assert_cmpint (crk_import_preview_get_shape (before, 0)->layout, ==,
                   CRK_TABLE_LAYOUT_WIDE_INDICATORS);
  adw_combo_row_set_selected (assistant->layout_row, CRK_TABLE_LAYOUT_LONG);
  crk_test_app_wait (assistant_ready, assistant, 20);
  g_assert_false (crk_import_assistant_get_preview (assistant) == before);
  /* no period column: the long layout cannot be read, and the assistant says why */
  g_assert_null (crk_import_preview_get_dataset (crk_import_assistant_get_preview (assistant)));
  g_assert_cmpuint (count_rows (assistant->problems_list), >, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (assistant->import_button)));
  adw_combo_row_set_selected (assistant->layout_row, 0);
  crk_test_app_wait (assistant_ready, assistant, 20);
  g_assert_nonnull (crk_import_preview_get_dataset (crk_import_assistant_get_preview (assistant)));
}

/* Open on a file of an imported format: one way in, the imported dataset shown. */
static void
test_open_table (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("guangdong-robots-2021.csv");
  g_autoptr (GFile) file = g_file_new_for_path (path);

  crk_window_open (f->window, file);
  g_assert_true (crk_window_get_loading (f->window));
  crk_test_app_wait (crk_test_app_not_loading, f->window, 20);
  if (crk_window_get_message_dialog (f->window) != NULL)
    g_error ("opening %s failed", path);
  g_assert_null (crk_window_get_file (f->window));
  g_assert_true (g_file_equal (f->window->imported_from, file));
  g_assert_cmpuint (crk_dataset_get_n_cities (crk_window_get_dataset (f->window)), >, 0);
}

/* A file that is not a table of values: the error names the file and offers the
 * assistant. */
static void
test_open_unreadable (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("ssml-not-workbook.xml");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrkDataset *before = crk_window_get_dataset (f->window);
  AdwMessageDialog *dialog;

  crk_window_open (f->window, file);
  crk_test_app_wait (crk_test_app_not_loading, f->window, 20);
  dialog = crk_window_get_message_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (crk_window_get_dataset (f->window) == before);
  adw_message_dialog_response (dialog, "close");
}

/* The file chooser offers every format of the registry. */
static void
test_chooser_filters (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) filters = crk_file_chooser_dup_filters (CRK_FILE_KIND_DATASET);
  const CrkImporter *const *importers = crk_importers ();
  guint n_formats = 0;
  g_autoptr (GtkFileFilter) all = NULL;
  g_autoptr (GVariant) variant = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; importers[i] != NULL; i++)
    n_formats++;
  /* all supported, one per format, all files */
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, n_formats + 2);
  all = g_list_model_get_item (filters, 0);
  variant = gtk_file_filter_to_gvariant (all);
  text = g_variant_print (variant, FALSE);
  for (guint i = 0; importers[i] != NULL; i++)
    for (guint j = 0; importers[i]->patterns != NULL && importers[i]->patterns[j] != NULL; j++)
      g_assert_nonnull (strstr (text, importers[i]->patterns[j]));
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/import/new-dataset", test_assistant_new_dataset);
  ADD ("/app/import/add-into", test_assistant_add_into);
  ADD ("/app/import/skip", test_assistant_skip);
  ADD ("/app/import/layout", test_assistant_layout);
  ADD ("/app/import/open-table", test_open_table);
  ADD ("/app/import/open-unreadable", test_open_unreadable);
  ADD ("/app/import/chooser-filters", test_chooser_filters);
#undef ADD
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
