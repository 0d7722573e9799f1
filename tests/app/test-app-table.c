/* test-app-table.c: copying the ranking table (win.copy, Ctrl+C) and the chart
 * (win.copy-chart, Ctrl+Shift+C) to the clipboard, read back; the menu's items; Export
 * Table… through its save dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-application.h"
#include "crk-ranking-row.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = crk_test_app_sample_window (1400, 880);
  crk_test_app_wait_allocated (GTK_WIDGET (f->window->chart_view));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  /* nothing to ask about: the close must go through */
  if (f->window != NULL)
    crk_test_app_close_window (f->window);
}

typedef struct
{
  gboolean done;
  char *text;
  GdkTexture *texture;
  GBytes *bytes;
} Read;

static gboolean
read_done (gpointer data)
{
  return ((Read *) data)->done;
}

static void
on_text_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Read *read = data;
  g_autoptr (GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static char *
read_clipboard_text (GtkWidget *widget)
{
  Read read = {FALSE};

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read_cb, &read);
  crk_test_app_wait (read_done, &read, 5);
  return read.text;
}

static void
on_texture_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Read *read = data;
  g_autoptr (GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static void
on_png_spliced_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Read *read = data;
  g_autoptr (GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  g_object_unref (source);
  read->done = TRUE;
}

/* The PNG comes through a pipe the serializer fills from the main loop: read it without
 * blocking the loop. */
static void
on_png_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice_async (g_memory_output_stream_new_resizable (), stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_png_spliced_cb, data);
}

static CrkRankingRow *
row_at (Fixture *f, guint position)
{
  g_autoptr (CrkRankingRow) row =
    g_list_model_get_item (G_LIST_MODEL (f->window->selection), position);

  return row;
}

/* The column of @header in a TSV header line; fails when none. */
static guint
field_of (char **header, const char *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("no column “%s”", name);
}

static double
parse_number (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_cmpstr (text, !=, "");
  g_assert_cmpint (*end, ==, '\0');
  return value;
}

/* Two rows selected, not next to each other: the header and those two rows, as shown. */
static void
test_copy_rows (Fixture *f, gconstpointer data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (f->window->selection);
  CrkResults *results = crk_window_get_results (f->window);
  CrkRankingRow *rows[] = {row_at (f, 1), row_at (f, 4)};
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) header = NULL;
  guint rank, code, score;

  gtk_selection_model_select_item (selection, 1, TRUE);
  gtk_selection_model_select_item (selection, 4, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy", NULL);
  text = read_clipboard_text (GTK_WIDGET (f->window));
  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");

  header = g_strsplit (lines[0], "\t", -1);
  rank = field_of (header, "Rank");
  code = field_of (header, "Code");
  score = field_of (header, "Score");
  /* the dimension columns of the table follow the score, by their full names */
  for (guint d = 0; d < f->window->dimensions->len; d++)
    {
      guint node = g_array_index (f->window->dimensions, guint, d);

      g_assert_cmpstr (header[score + 1 + d], ==,
                       crk_framework_node_get_display_name (crk_results_get_node (results, node)));
    }
  g_assert_cmpuint (f->window->dimensions->len, >=, 3);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i + 1], "\t", -1);
      CrkCity *city = crk_ranking_row_get_city (rows[i]);
      guint index = crk_city_get_index (city);

      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      g_assert_cmpstr (fields[code], ==, crk_city_get_code (city));
      g_assert_cmpfloat (parse_number (fields[rank]), ==, crk_ranking_row_get_rank (rows[i]));
      /* numbers in full, not as the table rounds them */
      g_assert_cmpfloat (parse_number (fields[score]), ==,
                         crk_results_get_index_score (results, index));
      for (guint d = 0; d < f->window->dimensions->len; d++)
        g_assert_cmpfloat (
          parse_number (fields[score + 1 + d]), ==,
          crk_results_get_score (results, g_array_index (f->window->dimensions, guint, d), index));
    }
}

/* Nothing selected: the whole table, every city. */
static void
test_copy_table (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_cities = crk_dataset_get_n_cities (crk_window_get_dataset (f->window));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (f->window->selection));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy", NULL);
  text = read_clipboard_text (GTK_WIDGET (f->window));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_cities + 2);
  g_assert_true (g_str_has_prefix (lines[0], "Rank\tCode\tName\t"));
  g_assert_true (g_str_has_prefix (lines[1], "1\t"));

  /* as the table shows it: a search keeps its rows, a sort its order */
  {
    GtkColumnView *view = f->window->column_view;
    GtkColumnViewColumn *rank = NULL;
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autofree char *guangdong = NULL;
    g_auto (GStrv) shown = NULL;
    guint n_guangdong = 0;

    gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "Guangdong");
    for (guint i = 0; i < n_cities; i++)
      n_guangdong += g_strcmp0 (crk_city_get_province (
                                  crk_dataset_get_city (crk_window_get_dataset (f->window), i)),
                                "Guangdong") == 0;
    g_assert_cmpuint (n_guangdong, >, 1);
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Rank") == 0)
          rank = column;
      }
    g_assert_nonnull (rank);
    gtk_column_view_sort_by_column (view, rank, GTK_SORT_DESCENDING);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy", NULL);
    guangdong = read_clipboard_text (GTK_WIDGET (f->window));
    shown = g_strsplit (guangdong, "\n", -1);
    g_assert_cmpuint (g_strv_length (shown), ==, n_guangdong + 2);
    for (guint i = 0; i < n_guangdong; i++)
      {
        g_auto (GStrv) fields = g_strsplit (shown[i + 1], "\t", -1);

        g_assert_cmpstr (fields[1], ==,
                         crk_city_get_code (crk_ranking_row_get_city (row_at (f, i))));
      }
    /* ranks descending: the last first */
    {
      g_auto (GStrv) first = g_strsplit (shown[1], "\t", -1);
      g_auto (GStrv) last = g_strsplit (shown[n_guangdong], "\t", -1);

      g_assert_cmpfloat (parse_number (first[0]), >, parse_number (last[0]));
    }
  }
}

/* Ctrl+C and Ctrl+Shift+C are the window's shortcuts for the two copies. */
static void
test_shortcuts (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  const char *wanted[][2] = {{"<Control>c", "win.copy"}, {"<Shift><Control>c", "win.copy-chart"}};
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
            if (g_str_equal (trigger, wanted[w][0]) &&
                g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                             wanted[w][1]))
              found |= 1u << w;
        }
    }
  g_assert_cmpuint (found, ==, 3);
}

/* The chart as an image: a texture of the chart's size with a drawing in it, offered as
 * PNG too. */
static void
test_copy_chart (Fixture *f, gconstpointer data)
{
  GtkWidget *widget = GTK_WIDGET (f->window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr (GdkContentFormats) formats = NULL;
  Read read = {FALSE};
  Read png = {FALSE};
  const char *mime_types[] = {"image/png", NULL};
  int width = gtk_widget_get_width (GTK_WIDGET (f->window->chart_view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window->chart_view));
  g_autofree guchar *pixels = NULL;
  g_autoptr (GHashTable) colours = g_hash_table_new (NULL, NULL);
  gsize stride;
  int tw, th;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->window->selection), 0, TRUE);
  gdk_clipboard_set_text (clipboard, "not a chart");
  gtk_widget_activate_action (widget, "win.copy-chart", NULL);

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read_cb, &read);
  crk_test_app_wait (read_done, &read, 5);
  g_assert_nonnull (read.texture);
  tw = gdk_texture_get_width (read.texture);
  th = gdk_texture_get_height (read.texture);
  g_assert_cmpint (tw, ==, MAX (width, 640) * gtk_widget_get_scale_factor (widget));
  g_assert_cmpint (th, >=, height * gtk_widget_get_scale_factor (widget));

  /* a drawing, not a blank: many colours */
  stride = (gsize) tw * 4;
  pixels = g_malloc (stride * th);
  gdk_texture_download (read.texture, pixels, stride);
  for (int y = 0; y < th; y += 3)
    for (int x = 0; x < tw; x += 3)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, 4);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  g_assert_cmpuint (g_hash_table_size (colours), >, 20);
  g_object_unref (read.texture);

  /* what another application gets: a PNG file */
  formats = gdk_content_formats_union_serialize_mime_types (
    gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  gdk_clipboard_read_async (clipboard, (const char **) mime_types, G_PRIORITY_DEFAULT, NULL,
                            on_png_read_cb, &png);
  crk_test_app_wait (read_done, &png, 10);
  g_assert_cmpuint (g_bytes_get_size (png.bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (png.bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_bytes_unref (png.bytes);
}

/* The main menu has the two new items, in the section of exports. */
static void
test_menu (Fixture *f, gconstpointer data)
{
  GMenuModel *menu = f->window->primary_menu;
  gboolean table = FALSE, chart = FALSE;

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          table |= g_strcmp0 (action, "win.export-table") == 0;
          chart |= g_strcmp0 (action, "win.copy-chart") == 0;
        }
    }
  g_assert_true (table);
  g_assert_true (chart);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Export Table…: the save dialog proposes the sheet's name as .xlsx and offers xlsx and
 * CSV; the file chosen is written, and a name without an extension gets .xlsx. */
static void
test_export_table (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("crk-app-table-XXXXXX", NULL);
  const char *names[] = {"ranking.csv", "ranking"};
  const char *written[] = {"ranking.csv", "ranking.xlsx"};
  g_autofree char *cwd = g_get_current_dir ();

  /* the dialog starts in the current folder: a file that went astray stays in the test's */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, written[i], NULL);
      g_autofree char *chosen = g_build_filename (dir, names[i], NULL);
      g_autoptr (GListModel) filters = NULL;
      g_autofree char *name = NULL;
      GtkFileChooser *chooser;

      /* the dialog starts in the last folder used: the test's */
      {
        g_autoptr (GFile) file = g_file_new_for_path (path);

        _crk_window_set_last_folder (f->window, file);
      }
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-table", NULL);
      crk_test_app_wait (file_chooser_shown, NULL, 5);
      chooser = find_file_chooser ();
      g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
      name = gtk_file_chooser_get_current_name (chooser);
      g_assert_true (g_str_has_suffix (name, " 2021.xlsx"));
      g_assert_true (g_str_has_prefix (
        name, crk_dataset_get_display_title (crk_window_get_dataset (f->window))));
      filters = gtk_file_chooser_get_filters (chooser);
      g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
      /* typed as a whole path in the name field */
      gtk_file_chooser_set_current_name (chooser, chosen);
      /* as a click on Save: the chooser checks the name, then responds */
      g_signal_emit_by_name (
        gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT), "clicked");
      crk_test_app_wait (file_exists, path, 5);
      if (i == 0)
        {
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          g_assert_true (g_str_has_prefix (text, "Rank,Code,Name,"));
        }
      else
        {
          g_autofree char *head = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (path, &head, &length, NULL));
          g_assert_cmpuint (length, >, 1000);
          g_assert_cmpmem (head, 2, "PK", 2);
        }
      g_unlink (path);
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int argc, char *argv[])
{
  if (!crk_test_app_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/table/copy-rows", test_copy_rows);
  ADD ("/app/table/copy-table", test_copy_table);
  ADD ("/app/table/shortcuts", test_shortcuts);
  ADD ("/app/table/copy-chart", test_copy_chart);
  ADD ("/app/table/menu", test_menu);
  ADD ("/app/table/export-table", test_export_table);
#undef ADD

  {
    int status = g_test_run ();

    crk_test_app_cleanup ();
    return status;
  }
}
