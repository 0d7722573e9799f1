/* crk-open.c: one way in: any file Cityrank reads, opened as a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-open"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-import-dataset.h"
#include "crk-open.h"
#include "crk-progress-relay.h"

/* The title and source of a dataset imported from @path: the file's name up to its first
 * dot, and the file's name. */
static void
name_dataset (CrkDataset *dataset, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *title = g_strdup (base);
  char *dot = strchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  crk_dataset_set_title (dataset, title);
  crk_dataset_set_source (dataset, base);
}

/* An error that is not in @report joins it (cancellation aside). */
static void
report_error (CrkImportReport *report, const char *path, const GError *error)
{
  if (error == NULL || crk_import_report_failed (report) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  crk_import_report_error (report, path, 0, 0,
                           error->domain == CRK_IMPORT_ERROR ? error->code : CRK_IMPORT_ERROR_IO,
                           "%s", error->message);
}

typedef void (*StageFunc) (double fraction, gpointer data);

static CrkDataset *
open_file (const char *path,
           const CrkImportOptions *options,
           CrkImportReport *report,
           StageFunc stage,
           gpointer stage_data,
           const CrkImporter **detected,
           GCancellable *cancellable,
           GError **error)
{
  CrkImportOptions defaults = {0};
  g_autoptr (GError) local = NULL;
  g_autoptr (CrkImportDataset) import = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const CrkImporter *importer;
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if ((importer = crk_import_detect (path, &local)) == NULL)
    goto failed;
  if (detected != NULL)
    *detected = importer;
  if (stage != NULL)
    stage (0.1, stage_data);
  if (importer->open != NULL)
    {
      /* live progress of the read (crk_import_progress()) in 0.1-0.9 */
      crk_import_progress_push (0.1, 0.9);
      dataset = importer->open (path, options, report, cancellable, &local);
      crk_import_progress_pop ();
      if (dataset == NULL)
        goto failed;
      if (stage != NULL)
        stage (0.9, stage_data);
      return g_steal_pointer (&dataset);
    }

  import = crk_import_dataset_new (NULL, FALSE);
  /* the user's choices the sink makes: other frequencies aggregated into annual values */
  crk_import_dataset_set_options (import, options);
  crk_import_dataset_begin_file (import, path, report);
  crk_import_progress_push (0.1, 0.8);
  ok = crk_import_file (path, importer, options, crk_import_dataset_get_sink (import), report,
                        cancellable, &local);
  crk_import_progress_pop ();
  if (!ok && local != NULL)
    {
      crk_import_dataset_end_file (import);
      goto failed;
    }
  crk_import_dataset_end_file (import);
  if (stage != NULL)
    stage (0.8, stage_data);
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto failed;
  dataset = crk_import_dataset_finish (import, report);
  if (dataset == NULL || crk_import_report_failed (report))
    {
      g_clear_object (&dataset);
      g_set_error (&local, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                   _ ("Cannot open “%s”: the import failed"), path);
      goto failed;
    }
  name_dataset (dataset, path);
  if (stage != NULL)
    stage (0.9, stage_data);
  return g_steal_pointer (&dataset);

failed:
  if (local == NULL)
    g_set_error (&local, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                 _ ("Cannot open “%s”: the import failed"), path);
  report_error (report, path, local);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/**
 * crk_open_file:
 * @path: a file of any format of the registry
 * @options: (nullable): the user's choices
 * @report: problems and notices
 * @cancellable: (nullable): to stop
 * @error: why there is no dataset
 *
 * Returns: (transfer full) (nullable): the dataset
 */
CrkDataset *
crk_open_file (const char *path,
               const CrkImportOptions *options,
               CrkImportReport *report,
               GCancellable *cancellable,
               GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  return open_file (path, options, report, NULL, NULL, NULL, cancellable, error);
}

/* Asynchronously */

typedef struct
{
  char *path;
  CrkImportOptions options;
  CrkImportReport *report;
  CrkProgressRelay *relay;     /* nullable: to the caller's context */
  const CrkImporter *importer; /* set by the thread before it returns */
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *d = data;

  g_free (d->path);
  crk_import_options_clear (&d->options);
  crk_import_report_free (d->report);
  crk_progress_relay_unref (d->relay);
  g_free (d);
}

/* In the worker thread: the stages (detected, read, built), coalesced with the live
 * fractions of the read (crk_import_progress()) by the relay. */
static void
thread_stage (double fraction, gpointer data)
{
  crk_progress_relay_publish (data, fraction);
}

static void
open_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  OpenData *d = task_data;
  GError *error = NULL;
  CrkDataset *dataset;

  (void) source_object;
  /* the reader's live fractions, mapped by open_file() into the read stage */
  crk_import_set_progress (d->relay != NULL ? crk_progress_relay_hook : NULL, d->relay);
  dataset = open_file (d->path, &d->options, d->report, d->relay != NULL ? thread_stage : NULL,
                       d->relay, &d->importer, cancellable, &error);
  crk_import_set_progress (NULL, NULL);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/**
 * crk_open_file_async:
 * @path: a file of any format of the registry
 * @options: (nullable): the user's choices (copied)
 * @progress: (nullable): progress (increasing fractions, live while the file is read), in
 *   the caller's thread-default main context; never called after @callback
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop
 * @callback: called when done
 * @user_data: for @callback
 *
 * crk_open_file() in a worker thread.
 */
void
crk_open_file_async (const char *path,
                     const CrkImportOptions *options,
                     CrkProgressFunc progress,
                     gpointer progress_data,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *d = g_new0 (OpenData, 1);

  g_return_if_fail (path != NULL);

  d->path = g_strdup (path);
  if (options != NULL)
    crk_import_options_copy (&d->options, options);
  d->report = crk_import_report_new ();
  if (progress != NULL)
    d->relay = crk_progress_relay_new (task, progress, progress_data);
  g_task_set_source_tag (task, crk_open_file_async);
  g_task_set_task_data (task, d, open_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

/**
 * crk_open_file_finish:
 * @result: the result passed to the callback
 * @report: (out) (optional) (transfer full): the problems and notices
 * @error: why there is no dataset
 *
 * Returns: (transfer full) (nullable): the dataset
 */
CrkDataset *
crk_open_file_finish (GAsyncResult *result, CrkImportReport **report, GError **error)
{
  GTask *task = G_TASK (result);
  OpenData *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == crk_open_file_async, NULL);

  d = g_task_get_task_data (task);
  if (report != NULL)
    {
      *report = d->report;
      d->report = crk_import_report_new ();
    }
  return g_task_propagate_pointer (task, error);
}

/**
 * crk_open_file_get_importer:
 * @result: the result passed to the callback of crk_open_file_async()
 *
 * Returns: (nullable): the importer that read the file (the format detected), or %NULL
 *   when none was found
 */
const CrkImporter *
crk_open_file_get_importer (GAsyncResult *result)
{
  OpenData *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  d = g_task_get_task_data (G_TASK (result));
  return d->importer;
}

/**
 * crk_open_name_dataset:
 * @dataset: a dataset imported from @path
 * @path: the file
 *
 * Names @dataset as crk_open_file() names a dataset it imported: the title is the file's
 * name up to its first dot, the source the file's name.
 */
void
crk_open_name_dataset (CrkDataset *dataset, const char *path)
{
  g_return_if_fail (CRK_IS_DATASET (dataset));
  g_return_if_fail (path != NULL);

  name_dataset (dataset, path);
}
