/* crk-import-native.c: the native dataset format (.cityrank.xml) as an entry of the
 * registry of importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset file is a dataset itself: the importer opens it (crk_dataset_read(), with
 * the schema and the rules of the format) instead of streaming observations.
 */
#define G_LOG_DOMAIN "crk-import-native"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-dataset-format.h"
#include "crk-dataset-reader-private.h"
#include "crk-import.h"

static int
native_sniff (const CrkSniff *sniff)
{
  if (g_strcmp0 (sniff->root_name, "dataset") == 0 &&
      g_strcmp0 (sniff->root_ns, CRK_DATASET_NAMESPACE) == 0)
    return 100;
  if (g_str_has_suffix (sniff->path, CRK_DATASET_SUFFIX))
    return 20;
  return 0;
}

/* Moves the problems of a reader into @report. */
static void
take_problems (CrkImportReport *report, GPtrArray *problems)
{
  if (problems == NULL)
    return;
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (report->problems, g_ptr_array_steal_index (problems, i--));
}

/* The reader's progress (bytes read of the file) to the thread's hook. */
static void
forward_progress (double fraction, gpointer data)
{
  (void) data;
  crk_import_progress (fraction);
}

static CrkDataset *
native_open (const char *path,
             const CrkImportOptions *options,
             CrkImportReport *report,
             GCancellable *cancellable,
             GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  (void) options;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* crk_dataset_read(), with progress and cancellation */
  dataset = _crk_reader_read_path (path, cancellable, forward_progress, NULL, &problems, error);
  take_problems (report, problems);
  if (dataset == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

static const char *const native_patterns[] = {"*" CRK_DATASET_SUFFIX, NULL};
static const char *const native_mime_types[] = {CRK_DATASET_MEDIA_TYPE, NULL};

const CrkImporter crk_importer_native = {
  .id = "cityrank",
  .name = N_ ("Cityrank dataset"),
  .patterns = native_patterns,
  .mime_types = native_mime_types,
  .sniff = native_sniff,
  .open = native_open,
};
