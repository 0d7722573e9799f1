/* crk-file-chooser.c: the file dialogs, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-file-chooser.h"
#include "crk-import.h"

typedef struct
{
  CrkFilesChosenFunc callback;
  gpointer user_data;
} Request;

static GtkFileFilter *
new_filter (const char *name, const char *mime_type, const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* Every format of the registry: one filter for them all, then one each, then all files. */
static void
add_import_filters (GListStore *store)
{
  const CrkImporter *const *importers = crk_importers ();
  g_autoptr (GtkFileFilter) all = new_filter (_ ("All supported files"), NULL, NULL);
  g_autoptr (GtkFileFilter) any = new_filter (_ ("All files"), NULL, "*");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; importers[i] != NULL; i++)
    for (guint j = 0; importers[i]->patterns != NULL && importers[i]->patterns[j] != NULL; j++)
      if (g_hash_table_add (seen, (gpointer) importers[i]->patterns[j]))
        gtk_file_filter_add_pattern (all, importers[i]->patterns[j]);
  g_list_store_append (store, all);
  for (guint i = 0; importers[i] != NULL; i++)
    {
      g_autoptr (GtkFileFilter) filter = new_filter (_ (importers[i]->name), NULL, NULL);

      for (guint j = 0; importers[i]->patterns != NULL && importers[i]->patterns[j] != NULL; j++)
        gtk_file_filter_add_pattern (filter, importers[i]->patterns[j]);
      g_list_store_append (store, filter);
    }
  g_list_store_append (store, any);
}

/**
 * crk_file_chooser_dup_filters:
 * @kind: what is chosen
 *
 * Returns: (transfer full): the filters offered, GtkFileFilter, the first the default
 */
GListModel *
crk_file_chooser_dup_filters (CrkFileKind kind)
{
  GListStore *store = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileFilter *filters[3] = {NULL};

  switch (kind)
    {
      case CRK_FILE_KIND_DATASET:
        add_import_filters (store);
        break;
      case CRK_FILE_KIND_SAVE_DATASET:
        filters[0] =
          new_filter (_ ("Cityrank datasets"), "application/x-cityrank+xml", "*.cityrank.xml");
        break;
      case CRK_FILE_KIND_CHART:
        filters[0] = new_filter (_ ("PNG images"), "image/png", "*.png");
        filters[1] = new_filter (_ ("SVG drawings"), "image/svg+xml", "*.svg");
        filters[2] = new_filter (_ ("PDF documents"), "application/pdf", "*.pdf");
        break;
      case CRK_FILE_KIND_TABLE:
        filters[0] = new_filter (
          _ ("Excel workbooks"),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx");
        filters[1] = new_filter (_ ("CSV tables"), "text/csv", "*.csv");
        break;
      default:
        g_assert_not_reached ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (filters) && filters[i] != NULL; i++)
    {
      g_list_store_append (store, filters[i]);
      g_object_unref (filters[i]);
    }
  return G_LIST_MODEL (store);
}

/**
 * crk_file_chooser_find_filter:
 * @kind: what is chosen
 * @name: a file name
 *
 * Returns: (transfer full) (nullable): the first filter of @kind (after "all supported
 *   files") that matches @name, or %NULL
 */
GtkFileFilter *
crk_file_chooser_find_filter (CrkFileKind kind, const char *name)
{
  g_autoptr (GListModel) filters = crk_file_chooser_dup_filters (kind);
  g_autoptr (GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (kind == CRK_FILE_KIND_DATASET && i == 0)
        continue;
      if (gtk_filter_match (GTK_FILTER (filter), info))
        return g_steal_pointer (&filter);
    }
  return NULL;
}

static void
add_filters (GtkFileChooser *chooser, CrkFileKind kind)
{
  g_autoptr (GListModel) filters = crk_file_chooser_dup_filters (kind);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (chooser, filter);
    }
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_response_cb (GtkNativeDialog *dialog, int response, Request *request)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
    }

  request->callback (files, request->user_data);
  g_free (request);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run (GtkFileChooserNative *native, GFile *folder, CrkFilesChosenFunc callback, gpointer user_data)
{
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->user_data = user_data;
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * crk_file_chooser_open:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @folder: (nullable): the folder to start in
 * @kind: which filters to offer (CRK_FILE_KIND_DATASET: every format of the registry)
 * @multiple: allow choosing several files
 * @callback: called once with the chosen files (none when cancelled)
 * @user_data: data for @callback
 *
 * Asks for files to open.
 */
void
crk_file_chooser_open (GtkWindow *parent,
                       const char *title,
                       GFile *folder,
                       CrkFileKind kind,
                       gboolean multiple,
                       CrkFilesChosenFunc callback,
                       gpointer user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"),
                                        _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
  add_filters (GTK_FILE_CHOOSER (native), kind);
  run (native, folder, callback, user_data);
}

/**
 * crk_file_chooser_save:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @folder: (nullable): the folder to start in
 * @suggested_name: (nullable): the file name to propose
 * @kind: which filters to offer
 * @callback: called once with the chosen file (none when cancelled)
 * @user_data: data for @callback
 *
 * Asks where to save.
 */
void
crk_file_chooser_save (GtkWindow *parent,
                       const char *title,
                       GFile *folder,
                       const char *suggested_name,
                       CrkFileKind kind,
                       CrkFilesChosenFunc callback,
                       gpointer user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
                                        _ ("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (native), kind);
  if (suggested_name != NULL)
    {
      g_autoptr (GtkFileFilter) filter = crk_file_chooser_find_filter (kind, suggested_name);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
      /* the filter of the name's format is the one selected ("report.pdf": PDF documents) */
      if (filter != NULL)
        {
          g_autoptr (GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (native));

          for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
            {
              g_autoptr (GtkFileFilter) offered = g_list_model_get_item (filters, i);

              if (g_strcmp0 (gtk_file_filter_get_name (offered),
                             gtk_file_filter_get_name (filter)) == 0)
                gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), offered);
            }
        }
    }
  run (native, folder, callback, user_data);
}

G_GNUC_END_IGNORE_DEPRECATIONS
