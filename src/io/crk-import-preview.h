/* crk-import-preview.h: what an import would make of one or more files, before the user
 * says yes: the table as read, the mapping proposed, the observations, the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's model (no GTK). A preview reads its files with the same options
 * into a dataset, as crk_open_file() or `cityrank-cli import` would, and keeps for each
 * file what the user should see to judge and change the mapping: the importer detected,
 * the shape the importer reported (the sheet, the header, the row labels, the layout, the
 * fields and their roles: crk-import.h, CrkImportShape), the first rows of the sheet read
 * with what each cell was taken as, and the first observations. An open dataset to add
 * into is never modified: the preview works on a deep copy (crk_dataset_duplicate()).
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset.h"
#include "crk-import-dataset.h"
#include "crk-import.h"

G_BEGIN_DECLS

/* What a cell of the grid was taken as. */
typedef enum
{
  CRK_PREVIEW_CELL_EMPTY,
  CRK_PREVIEW_CELL_SKIPPED, /* title, note rows above/below */
  CRK_PREVIEW_CELL_HEADER,
  CRK_PREVIEW_CELL_LABEL, /* the row-label column */
  CRK_PREVIEW_CELL_VALUE,
  CRK_PREVIEW_CELL_MISSING, /* a missing marker in a value column */
  CRK_PREVIEW_CELL_OTHER,   /* period or indicator column, or text ignored */
} CrkPreviewCellKind;

/* The most columns of a grid. */
#define CRK_PREVIEW_MAX_COLUMNS 64

typedef struct _CrkImportPreview CrkImportPreview;

/* @paths: one or more files, read with the same @options (copied; NULL: detect
 * everything); @into (nullable): the open dataset to add into — NEVER modified: the
 * preview works on a deep copy, made here; @replace: as crk_import_dataset_new();
 * @max_rows: rows of the grid / observations kept per file (e.g. 200). */
CrkImportPreview *crk_import_preview_new (const char *const *paths,
                                          const CrkImportOptions *options,
                                          CrkDataset *into,
                                          gboolean replace,
                                          guint max_rows);
void crk_import_preview_free (CrkImportPreview *self);

/* Reads the files into a dataset (as crk_open_file() does for import formats; dataset
 * formats — native, COINr pair — are streamed as observations through crk_import_file()
 * so they can be added into too). FALSE only on cancellation (G_IO_ERROR_CANCELLED) or
 * when @error is set for I/O (a file cannot be read; it is in the report too); the
 * import's problems (a format not recognised, a damaged file, no table found, …) are in
 * the report, and then get_dataset() is NULL. May be run again (after the options
 * changed, make a new preview instead). */
gboolean crk_import_preview_run (CrkImportPreview *self, GCancellable *cancellable, GError **error);
/* The same in a worker thread; @progress (nullable) in the caller's thread-default main
 * context with increasing, live fractions (bytes read, rows parsed; at most one call
 * pending; none after @callback). @self must stay alive until @callback (the task's
 * source object is NULL; @self is its task data, not freed by the task). */
void crk_import_preview_run_async (CrkImportPreview *self,
                                   CrkProgressFunc progress,
                                   gpointer progress_data,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean
crk_import_preview_run_finish (CrkImportPreview *self, GAsyncResult *result, GError **error);

guint crk_import_preview_get_n_files (CrkImportPreview *self);
const char *crk_import_preview_get_path (CrkImportPreview *self, guint file);
/* NULL when undetected (or not run yet). */
const CrkImporter *crk_import_preview_get_importer (CrkImportPreview *self, guint file);
/* The shape the importer reported (NULL when none, e.g. it failed before); strings
 * owned by @self. */
const CrkImportShape *crk_import_preview_get_shape (CrkImportPreview *self, guint file);

/* Tables: the first max_rows rows of the sheet read (from row 0, so titles show), up to
 * CRK_PREVIEW_MAX_COLUMNS columns; 0 × 0 for other formats. When no table was found,
 * the sheet named by the options (or the first), every cell SKIPPED or EMPTY. */
guint crk_import_preview_get_grid_rows (CrkImportPreview *self, guint file);
guint crk_import_preview_get_grid_columns (CrkImportPreview *self, guint file);
/* Nullable (an empty cell): the cell as displayed (its text, or its number). */
const char *
crk_import_preview_get_grid_text (CrkImportPreview *self, guint file, guint row, guint column);
CrkPreviewCellKind
crk_import_preview_get_grid_kind (CrkImportPreview *self, guint file, guint row, guint column);

/* All formats: the first max_rows observations of the file, as the sink received them
 * (strings owned by @self; value NAN when missing). */
guint crk_import_preview_get_n_observations (CrkImportPreview *self, guint file);
const CrkObservation *
crk_import_preview_get_observation (CrkImportPreview *self, guint file, guint index);
/* Every observation of the file (all, not only those kept). */
guint64 crk_import_preview_get_n_observations_read (CrkImportPreview *self, guint file);

/* All files' problems and notices. */
CrkImportReport *crk_import_preview_get_report (CrkImportPreview *self);
/* The result (a new dataset, or the copy of @into with the files added); NULL when the
 * import failed or has not run. */
CrkDataset *crk_import_preview_get_dataset (CrkImportPreview *self);
/* The sink, for the matches and the summary (NULL before a run). */
CrkImportDataset *crk_import_preview_get_import (CrkImportPreview *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkImportPreview, crk_import_preview_free)

G_END_DECLS
