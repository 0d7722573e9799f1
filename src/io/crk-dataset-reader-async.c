/* crk-dataset-reader-async.c: loading a dataset in a worker thread, for the application
 * (crk_dataset_load_async())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-csv-import.h"
#include "crk-dataset-reader-private.h"

typedef struct
{
  GMainContext *context;
  CrkProgressFunc progress;
  gpointer progress_data;
  /* the latest fraction, and whether a dispatch is pending */
  GMutex mutex;
  double fraction;
  gboolean pending;
  gboolean done;
  GPtrArray *problems;
  gint ref_count;
} LoadData;

static LoadData *
load_data_ref (LoadData *d)
{
  g_atomic_int_inc (&d->ref_count);
  return d;
}

static void
load_data_unref (gpointer data)
{
  LoadData *d = data;

  if (!g_atomic_int_dec_and_test (&d->ref_count))
    return;
  g_main_context_unref (d->context);
  g_clear_pointer (&d->problems, g_ptr_array_unref);
  g_mutex_clear (&d->mutex);
  g_free (d);
}

static gboolean
dispatch_progress (gpointer data)
{
  LoadData *d = data;
  double fraction;
  gboolean done;

  g_mutex_lock (&d->mutex);
  fraction = d->fraction;
  done = d->done;
  d->pending = FALSE;
  g_mutex_unlock (&d->mutex);
  if (!done)
    d->progress (fraction, d->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: records the fraction and schedules one dispatch. */
static void
thread_progress (double fraction, gpointer user_data)
{
  LoadData *d = user_data;
  gboolean schedule;

  g_mutex_lock (&d->mutex);
  d->fraction = fraction;
  schedule = !d->pending;
  d->pending = TRUE;
  g_mutex_unlock (&d->mutex);
  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress, load_data_ref (d), load_data_unref);
      g_source_set_static_name (source, "[crk] dataset load progress");
      g_source_attach (source, d->context);
      g_source_unref (source);
    }
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadData *d = task_data;
  GFile *file = source_object;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                               _ ("Cannot open “%s”: only local files can be opened"), uri);
      return;
    }

  if (is_csv (path))
    dataset = crk_csv_import_guess (path, 0, &d->problems, &error);
  else
    dataset = _crk_reader_read_path (
      path, cancellable, d->progress != NULL ? thread_progress : NULL, d, &d->problems, &error);

  g_mutex_lock (&d->mutex);
  d->done = TRUE;
  g_mutex_unlock (&d->mutex);

  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/**
 * crk_dataset_load_async:
 * @file: a `.cityrank.xml` file, or a COINr data CSV (its metadata table is found next to it)
 * @progress: (nullable) (scope notified): called on the caller's main context with the
 *   fraction read
 * @progress_data: data for @progress
 * @cancellable: (nullable): a cancellable
 * @callback: called when the dataset is read
 * @user_data: data for @callback
 *
 * Reads a dataset in a worker thread: a `.csv` file (either table of a COINr pair; the
 * other is found next to it) with crk_csv_import_guess(), anything else as the native
 * format with crk_dataset_read(). Finish with crk_dataset_load_finish().
 */
void
crk_dataset_load_async (GFile *file,
                        CrkProgressFunc progress,
                        gpointer progress_data,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* libxml2 and the schema are set up here, on the caller's thread, not in a worker. */
  _crk_reader_get_schema (NULL);

  d = g_new0 (LoadData, 1);
  d->ref_count = 1;
  d->context = g_main_context_ref_thread_default ();
  d->progress = progress;
  d->progress_data = progress_data;
  g_mutex_init (&d->mutex);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, crk_dataset_load_async);
  g_task_set_name (task, "[crk] crk_dataset_load_async");
  g_task_set_task_data (task, d, load_data_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * crk_dataset_load_finish:
 * @result: the result passed to the callback
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every problem
 *   found (empty on success)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CrkDataset *
crk_dataset_load_finish (GAsyncResult *result, GPtrArray **problems, GError **error)
{
  LoadData *d;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crk_dataset_load_async, NULL);

  d = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = d->problems != NULL
      ? g_ptr_array_ref (d->problems)
      : g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
  return g_task_propagate_pointer (G_TASK (result), error);
}
