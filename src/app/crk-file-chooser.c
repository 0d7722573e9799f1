/* crk-file-chooser.c: the file dialogs, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-file-chooser.h"

typedef struct
{
  CrkFilesChosenFunc callback;
  gpointer user_data;
} Request;

static void
add_filter (GtkFileChooser *chooser,
            const char *name,
            const char *mime_type,
            const char *pattern,
            const char *pattern2)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  if (pattern2 != NULL)
    gtk_file_filter_add_pattern (filter, pattern2);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_filters (GtkFileChooser *chooser,
             CrkFileKind kind)
{
  switch (kind)
    {
      case CRK_FILE_KIND_DATASET:
        add_filter (chooser, _ ("Cityrank datasets"), "application/x-cityrank+xml", "*.cityrank.xml", NULL);
        add_filter (chooser, _ ("CSV pairs (data and metadata)"), "text/csv", "*.csv", "*.CSV");
        add_filter (chooser, _ ("All files"), NULL, "*", NULL);
        break;
      case CRK_FILE_KIND_SAVE_DATASET:
        add_filter (chooser, _ ("Cityrank datasets"), "application/x-cityrank+xml", "*.cityrank.xml", NULL);
        break;
      case CRK_FILE_KIND_CHART:
        add_filter (chooser, _ ("PNG images"), "image/png", "*.png", NULL);
        add_filter (chooser, _ ("SVG drawings"), "image/svg+xml", "*.svg", NULL);
        add_filter (chooser, _ ("PDF documents"), "application/pdf", "*.pdf", NULL);
        break;
      default:
        g_assert_not_reached ();
    }
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_response_cb (GtkNativeDialog *dialog,
                int response,
                Request *request)
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
run (GtkFileChooserNative *native,
     GFile *folder,
     CrkFilesChosenFunc callback,
     gpointer user_data)
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
 * @kind: which filters to offer
 * @multiple: allow choosing several files (a CSV pair)
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

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _ ("_Open"), _ ("_Cancel"));
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

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _ ("_Save"), _ ("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (native), kind);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, folder, callback, user_data);
}

G_GNUC_END_IGNORE_DEPRECATIONS
