/* crk-import-csv-sink.h: the sink that writes imported observations as a long table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table has exactly the header `key,indicator,period,value` and one row for every
 * observation, in the order read: the value as `%.17g` (so that it reads back to the same
 * double), an empty field when missing; fields that hold a comma, a quote or a line
 * break are quoted, quotes doubled. Lines end with LF. Written as it comes through a
 * buffer of fixed size: memory does not grow with the file.
 */
#pragma once

#include <gio/gio.h>

#include "crk-import.h"

G_BEGIN_DECLS

typedef struct _CrkImportCsvSink CrkImportCsvSink;

/* Writes to @out (a new reference is kept); the header goes first. */
CrkImportCsvSink *crk_import_csv_sink_new (GOutputStream *out);
void crk_import_csv_sink_free (CrkImportCsvSink *self);
CrkImportSink *crk_import_csv_sink_get_sink (CrkImportCsvSink *self);
/* Writes what is buffered (and the header when no row came); FALSE with @error when a
 * write failed, now or during the import (the sink then stopped the import). */
gboolean
crk_import_csv_sink_finish (CrkImportCsvSink *self, GCancellable *cancellable, GError **error);
guint64 crk_import_csv_sink_get_n_rows (CrkImportCsvSink *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkImportCsvSink, crk_import_csv_sink_free)

G_END_DECLS
