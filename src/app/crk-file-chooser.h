/* crk-file-chooser.h: the file dialogs, in one place
 *
 * GtkFileChooserNative is deprecated from GTK 4.10 on (GtkFileDialog replaces it);
 * every call to it lives in crk-file-chooser.c so a port touches one file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRK_FILE_KIND_DATASET, /* every format of the import registry (crk-import.h), all files */
  CRK_FILE_KIND_SAVE_DATASET,
  CRK_FILE_KIND_CHART, /* PNG, SVG, PDF */
  CRK_FILE_KIND_TABLE, /* xlsx, CSV */
} CrkFileKind;

/* @files: the chosen files (GFile), empty when cancelled. */
typedef void (*CrkFilesChosenFunc) (GPtrArray *files, gpointer user_data);

/* The filters offered for @kind (GtkFileFilter), the default first. */
GListModel *crk_file_chooser_dup_filters (CrkFileKind kind);

/* The filter of @kind that @name matches (its format), or NULL; the save dialog selects it. */
GtkFileFilter *crk_file_chooser_find_filter (CrkFileKind kind, const char *name);

void crk_file_chooser_open (GtkWindow *parent,
                            const char *title,
                            GFile *folder,
                            CrkFileKind kind,
                            gboolean multiple,
                            CrkFilesChosenFunc callback,
                            gpointer user_data);
void crk_file_chooser_save (GtkWindow *parent,
                            const char *title,
                            GFile *folder,
                            const char *suggested_name,
                            CrkFileKind kind,
                            CrkFilesChosenFunc callback,
                            gpointer user_data);

G_END_DECLS
