/* crk-open.h: one way in: opening any file Cityrank reads as a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is detected from the content (crk_import_detect()); a dataset format (the
 * native .cityrank.xml, COINr's CSV pair) is opened as it is, any other format is
 * imported through crk-import-dataset.h into a new dataset, named after the file.
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset-reader.h"
#include "crk-dataset.h"
#include "crk-import.h"

G_BEGIN_DECLS

/* The dataset in @path; NULL on failure, with @error set and the problems (located,
 * FILE:LINE:COLUMN or FILE:SHEET!CELL) in @report; an error that is not one of them (the
 * file cannot be read, its format is not known) joins the report too, except
 * cancellation (G_IO_ERROR_CANCELLED). Notices go to @report either way.
 * @options: (nullable): NULL to detect everything. */
CrkDataset *crk_open_file (const char *path,
                           const CrkImportOptions *options,
                           CrkImportReport *report,
                           GCancellable *cancellable,
                           GError **error);

/* The same in a worker thread. @options is copied. @progress (nullable) is called in the
 * thread-default main context of the caller, with increasing fractions: 0.1 the format
 * detected, then live while the file is read (bytes read, rows parsed: 0.1-0.8), 0.9 the
 * dataset built; at most one call is pending at a time, and none comes after @callback. */
void crk_open_file_async (const char *path,
                          const CrkImportOptions *options,
                          CrkProgressFunc progress,
                          gpointer progress_data,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);
/* The dataset, or NULL with @error; @report (out, optional, transfer full): the problems
 * and notices, also on success. */
CrkDataset *crk_open_file_finish (GAsyncResult *result, CrkImportReport **report, GError **error);

/* The importer that read the file of @result (known once the callback runs; NULL when
 * the format was not found): a dataset format (open() set) or an import. */
const CrkImporter *crk_open_file_get_importer (GAsyncResult *result);

/* Names @dataset as crk_open_file() names a dataset it imports from @path: the title is
 * the file's name up to its first dot, the source the file's name. */
void crk_open_name_dataset (CrkDataset *dataset, const char *path);

G_END_DECLS
