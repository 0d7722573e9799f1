/* crk-import-preview.c: what an import would make of one or more files, before the user
 * says yes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview is a sink between the importers and the dataset sink (crk-import-dataset.h):
 * it keeps the shape each file reported and its first observations, marks the cells of
 * the grid that became values, and hands everything on. A table file is read here in two
 * steps, as crk_import_file() does (its sheets, then crk_table_extract()), so that the
 * first rows of the sheet read can be copied before the sheets are freed.
 */
#define G_LOG_DOMAIN "crk-import-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-writer.h"
#include "crk-import-preview.h"
#include "crk-open.h"
#include "crk-progress-relay.h"

/* What an observation made of a cell of the grid. */
enum
{
  MARK_NONE,
  MARK_VALUE,
  MARK_MISSING,
};

typedef struct
{
  char *path;
  const CrkImporter *importer;

  /* the shape, its strings in @chunk */
  gboolean has_shape;
  CrkImportShape shape;
  CrkImportField *fields;
  const char **sheets;

  /* the grid: texts and kinds, row by row; marks of the observations while reading */
  guint n_rows, n_columns;
  char **texts;
  guint8 *kinds;
  guint8 *marks;     /* max_rows × CRK_PREVIEW_MAX_COLUMNS */
  guint8 *row_marks; /* max_rows: an observation came from the row */

  GArray *observations; /* CrkObservation, strings in @chunk */
  guint64 n_read;
  GStringChunk *chunk;
} PreviewFile;

struct _CrkImportPreview
{
  CrkImportSink sink; /* first: the callbacks get the sink */
  GPtrArray *files;   /* PreviewFile */
  CrkImportOptions options;
  CrkDataset *into; /* the deep copy, never changed (each run copies it again) */
  GError *into_error;
  gboolean replace;
  guint max_rows;

  CrkImportReport *report;
  CrkImportDataset *import;
  CrkDataset *dataset;
  PreviewFile *current; /* the file being read */
};

static void
file_clear_results (PreviewFile *f)
{
  f->importer = NULL;
  f->has_shape = FALSE;
  memset (&f->shape, 0, sizeof f->shape);
  g_clear_pointer (&f->fields, g_free);
  g_clear_pointer (&f->sheets, g_free);
  if (f->texts != NULL)
    for (guint i = 0; i < f->n_rows * f->n_columns; i++)
      g_free (f->texts[i]);
  g_clear_pointer (&f->texts, g_free);
  g_clear_pointer (&f->kinds, g_free);
  g_clear_pointer (&f->marks, g_free);
  g_clear_pointer (&f->row_marks, g_free);
  f->n_rows = f->n_columns = 0;
  g_array_set_size (f->observations, 0);
  f->n_read = 0;
  g_string_chunk_clear (f->chunk);
}

static void
file_free (gpointer data)
{
  PreviewFile *f = data;

  file_clear_results (f);
  g_array_unref (f->observations);
  g_string_chunk_free (f->chunk);
  g_free (f->path);
  g_free (f);
}

static const char *
keep (PreviewFile *f, const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (f->chunk, text) : NULL;
}

/* The sink */

static gboolean
on_observation (CrkImportSink *sink, const CrkObservation *observation)
{
  CrkImportPreview *self = (CrkImportPreview *) sink;
  PreviewFile *f = self->current;
  CrkImportSink *inner = crk_import_dataset_get_sink (self->import);
  guint row, column;

  f->n_read++;
  if (f->observations->len < self->max_rows)
    {
      CrkObservation o = *observation;

      o.key = keep (f, o.key);
      o.indicator = keep (f, o.indicator);
      o.period = keep (f, o.period);
      o.status = keep (f, o.status);
      o.unit = keep (f, o.unit);
      o.note = keep (f, o.note);
      o.sheet = keep (f, o.sheet);
      o.cell = keep (f, o.cell);
      g_array_append_val (f->observations, o);
    }
  /* the cell of the grid it came from */
  if (f->marks != NULL && observation->cell != NULL &&
      g_strcmp0 (observation->sheet, f->shape.sheet) == 0 &&
      crk_cell_parse (observation->cell, &row, &column) && row < self->max_rows &&
      column < CRK_PREVIEW_MAX_COLUMNS)
    {
      f->marks[row * CRK_PREVIEW_MAX_COLUMNS + column] =
        isnan (observation->value) ? MARK_MISSING : MARK_VALUE;
      f->row_marks[row] = TRUE;
    }
  return inner->observation (inner, observation);
}

static void
on_label (CrkImportSink *sink,
          CrkImportRole role,
          const char *code,
          const char *name,
          const char *lang)
{
  CrkImportPreview *self = (CrkImportPreview *) sink;
  CrkImportSink *inner = crk_import_dataset_get_sink (self->import);

  if (inner->label != NULL)
    inner->label (inner, role, code, name, lang);
}

static void
on_unit_kind (CrkImportSink *sink, CrkUnitKind kind)
{
  CrkImportPreview *self = (CrkImportPreview *) sink;
  CrkImportSink *inner = crk_import_dataset_get_sink (self->import);

  if (inner->unit_kind != NULL)
    inner->unit_kind (inner, kind);
}

/* Keeps a copy of the first shape of the file. */
static void
on_shape (CrkImportSink *sink, const CrkImportShape *shape)
{
  CrkImportPreview *self = (CrkImportPreview *) sink;
  PreviewFile *f = self->current;
  CrkImportSink *inner = crk_import_dataset_get_sink (self->import);
  guint n_sheets = 0;

  if (inner->shape != NULL)
    inner->shape (inner, shape);
  if (f->has_shape)
    return;
  f->has_shape = TRUE;
  f->shape = *shape;
  f->shape.sheet = keep (f, shape->sheet);
  if (shape->sheets != NULL)
    {
      while (shape->sheets[n_sheets] != NULL)
        n_sheets++;
      f->sheets = g_new0 (const char *, n_sheets + 1);
      for (guint i = 0; i < n_sheets; i++)
        f->sheets[i] = keep (f, shape->sheets[i]);
      f->shape.sheets = f->sheets;
    }
  f->fields = g_new0 (CrkImportField, MAX (shape->n_fields, 1));
  for (guint i = 0; i < shape->n_fields; i++)
    {
      f->fields[i] = shape->fields[i];
      f->fields[i].id = keep (f, shape->fields[i].id);
      f->fields[i].name = keep (f, shape->fields[i].name);
    }
  f->shape.fields = f->fields;
  if (shape->sheet != NULL)
    {
      f->marks = g_new0 (guint8, (gsize) MAX (self->max_rows, 1) * CRK_PREVIEW_MAX_COLUMNS);
      f->row_marks = g_new0 (guint8, MAX (self->max_rows, 1));
    }
}

/**
 * crk_import_preview_new:
 * @paths: (array zero-terminated=1): the files
 * @options: (nullable): the user's choices (copied)
 * @into: (nullable): the open dataset to add into (copied; never changed)
 * @replace: as crk_import_dataset_new()
 * @max_rows: rows of the grid and observations kept per file
 *
 * Returns: (transfer full): the preview, not run yet
 */
CrkImportPreview *
crk_import_preview_new (const char *const *paths,
                        const CrkImportOptions *options,
                        CrkDataset *into,
                        gboolean replace,
                        guint max_rows)
{
  CrkImportPreview *self;

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);
  g_return_val_if_fail (into == NULL || CRK_IS_DATASET (into), NULL);

  self = g_new0 (CrkImportPreview, 1);
  self->sink.observation = on_observation;
  self->sink.label = on_label;
  self->sink.shape = on_shape;
  self->sink.unit_kind = on_unit_kind;
  self->files = g_ptr_array_new_with_free_func (file_free);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      PreviewFile *f = g_new0 (PreviewFile, 1);

      f->path = g_strdup (paths[i]);
      f->observations = g_array_new (FALSE, TRUE, sizeof (CrkObservation));
      f->chunk = g_string_chunk_new (4096);
      g_ptr_array_add (self->files, f);
    }
  if (options != NULL)
    crk_import_options_copy (&self->options, options);
  /* the copy is made in the caller's thread, which owns @into */
  if (into != NULL)
    self->into = crk_dataset_duplicate (into, &self->into_error);
  self->replace = replace;
  self->max_rows = max_rows;
  self->report = crk_import_report_new ();
  return self;
}

static void
clear_results (CrkImportPreview *self)
{
  for (guint i = 0; i < self->files->len; i++)
    file_clear_results (g_ptr_array_index (self->files, i));
  g_clear_pointer (&self->import, crk_import_dataset_free);
  g_clear_object (&self->dataset);
  g_ptr_array_set_size (self->report->problems, 0);
  g_ptr_array_set_size (self->report->notices, 0);
  self->current = NULL;
}

void
crk_import_preview_free (CrkImportPreview *self)
{
  if (self == NULL)
    return;
  clear_results (self);
  g_ptr_array_unref (self->files);
  crk_import_options_clear (&self->options);
  g_clear_object (&self->into);
  g_clear_error (&self->into_error);
  crk_import_report_free (self->report);
  g_free (self);
}

/* The grid */

/* A cell as displayed: its text, or its number. */
static char *
display_text (const CrkCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell == NULL)
    return NULL;
  if (cell->text != NULL && (cell->text[0] != '\0' || cell->type == CRK_CELL_TEXT))
    return cell->text[0] != '\0' ? g_strdup (cell->text) : NULL;
  if (cell->type == CRK_CELL_BOOLEAN)
    return g_strdup (cell->number != 0 ? "TRUE" : "FALSE");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number));
}

static const CrkImportField *
field_at (PreviewFile *f, guint column)
{
  return f->has_shape && column < f->shape.n_fields ? &f->fields[column] : NULL;
}

/* What the cell at @row, @column (its text @text) was taken as. */
static CrkPreviewCellKind
cell_kind (CrkImportPreview *self,
           PreviewFile *f,
           guint row,
           guint column,
           const CrkCell *cell,
           const char *text)
{
  const CrkImportShape *s = &f->shape;
  const CrkImportField *field = field_at (f, column);
  int r = (int) row;

  if (!f->has_shape || r < s->header_row)
    return text == NULL ? CRK_PREVIEW_CELL_EMPTY : CRK_PREVIEW_CELL_SKIPPED;
  if (r < s->header_row + s->n_header_rows)
    return text == NULL ? CRK_PREVIEW_CELL_EMPTY : CRK_PREVIEW_CELL_HEADER;
  /* below the header: a row no observation came from is a note, a heading, a blank */
  if (r < s->first_row || f->row_marks == NULL || !f->row_marks[row])
    return text == NULL ? CRK_PREVIEW_CELL_EMPTY : CRK_PREVIEW_CELL_SKIPPED;
  if ((int) column == s->label_column)
    return text == NULL ? CRK_PREVIEW_CELL_EMPTY : CRK_PREVIEW_CELL_LABEL;
  if (field != NULL && field->value)
    {
      switch (f->marks[row * CRK_PREVIEW_MAX_COLUMNS + column])
        {
          case MARK_VALUE:
            return CRK_PREVIEW_CELL_VALUE;
          case MARK_MISSING:
            /* a marker ("..", "-", empty) is missing; other text was ignored */
            return crk_import_is_missing (text, (const char *const *) self->options.missing)
              ? CRK_PREVIEW_CELL_MISSING
              : CRK_PREVIEW_CELL_OTHER;
          default:
            break;
        }
      if (cell != NULL && cell->type == CRK_CELL_NUMBER)
        return CRK_PREVIEW_CELL_VALUE;
      if (crk_import_is_missing (text, (const char *const *) self->options.missing))
        return CRK_PREVIEW_CELL_MISSING;
    }
  return text == NULL ? CRK_PREVIEW_CELL_EMPTY : CRK_PREVIEW_CELL_OTHER;
}

/* Copies the first rows of the sheet read (or, without a table, of the sheet asked for
 * or the first). */
static void
copy_grid (CrkImportPreview *self, PreviewFile *f, CrkSheetSet *sheets)
{
  CrkSheet *sheet = NULL;

  if (f->has_shape && f->shape.sheet != NULL)
    sheet = crk_sheet_set_find (sheets, f->shape.sheet);
  if (sheet == NULL && self->options.sheet != NULL)
    sheet = crk_sheet_set_find (sheets, self->options.sheet);
  if (sheet == NULL && sheets->sheets->len > 0)
    sheet = g_ptr_array_index (sheets->sheets, 0);
  if (sheet == NULL)
    return;
  crk_sheet_sort (sheet);
  f->n_rows = MIN (sheet->n_rows, self->max_rows);
  f->n_columns = MIN (sheet->n_columns, CRK_PREVIEW_MAX_COLUMNS);
  if (f->n_rows == 0 || f->n_columns == 0)
    {
      f->n_rows = f->n_columns = 0;
      return;
    }
  f->texts = g_new0 (char *, (gsize) f->n_rows * f->n_columns);
  f->kinds = g_new0 (guint8, (gsize) f->n_rows * f->n_columns);
  for (guint r = 0; r < f->n_rows; r++)
    for (guint c = 0; c < f->n_columns; c++)
      {
        const CrkCell *cell = crk_sheet_get (sheet, r, c);
        gsize i = (gsize) r * f->n_columns + c;

        f->texts[i] = display_text (cell);
        f->kinds[i] = (guint8) cell_kind (self, f, r, c, cell, f->texts[i]);
      }
}

/* Reading */

/* A table file, as crk_import_file() reads it, the grid copied before the sheets go. */
static gboolean
read_table (CrkImportPreview *self, PreviewFile *f, GCancellable *cancellable, GError **error)
{
  g_autoptr (CrkSheetSet) sheets = NULL;

  crk_import_progress_push (0.0, 0.8);
  sheets = f->importer->read_sheets (f->path, &self->options, self->report, cancellable, error);
  crk_import_progress_pop ();
  if (sheets == NULL)
    return FALSE;
  crk_import_progress_push (0.8, 1.0);
  crk_table_extract (sheets, f->path, &self->options, &self->sink, self->report);
  crk_import_progress_pop ();
  copy_grid (self, f, sheets);
  return TRUE;
}

/* Is @error about reading the file (rather than what it holds)? */
static gboolean
is_io_error (const GError *error)
{
  return error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR ||
    (error->domain == CRK_IMPORT_ERROR && error->code == CRK_IMPORT_ERROR_IO);
}

/* One file into the sink. FALSE on cancellation and I/O errors (@error set); the other
 * errors join the report. */
static gboolean
read_file (CrkImportPreview *self, PreviewFile *f, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local = NULL;

  self->current = f;
  crk_import_dataset_begin_file (self->import, f->path, self->report);
  f->importer = crk_import_detect (f->path, &local);
  if (f->importer != NULL && f->importer->read_sheets != NULL)
    read_table (self, f, cancellable, &local);
  else if (f->importer != NULL)
    crk_import_file (f->path, f->importer, &self->options, &self->sink, self->report, cancellable,
                     &local);
  crk_import_dataset_end_file (self->import);
  self->current = NULL;
  if (local == NULL)
    return TRUE;
  if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    crk_import_report_error (self->report, f->path, 0, 0,
                             local->domain == CRK_IMPORT_ERROR ? (CrkImportError) local->code
                                                               : CRK_IMPORT_ERROR_IO,
                             "%s", local->message);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_io_error (local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/**
 * crk_import_preview_run:
 * @self: a preview
 * @cancellable: (nullable): to stop
 * @error: cancellation, or a file that cannot be read
 *
 * Returns: %FALSE on cancellation or an I/O error
 */
gboolean
crk_import_preview_run (CrkImportPreview *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (CrkDataset) working = NULL;
  guint n = self->files->len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_results (self);
  if (self->into_error != NULL)
    {
      crk_import_report_error (
        self->report, crk_import_preview_get_path (self, 0), 0, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("the open dataset cannot be copied to add into: %s"), self->into_error->message);
      return TRUE;
    }
  /* a fresh copy each run: the import adds into it */
  if (self->into != NULL && (working = crk_dataset_duplicate (self->into, error)) == NULL)
    return FALSE;
  self->import = crk_import_dataset_new (working, self->replace);
  /* the user's matching choices and how other frequencies become annual */
  crk_import_dataset_set_options (self->import, &self->options);
  for (guint i = 0; i < n; i++)
    {
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      crk_import_progress_push (0.9 * i / n, 0.9 * (i + 1) / n);
      ok = read_file (self, g_ptr_array_index (self->files, i), cancellable, error);
      crk_import_progress_pop ();
      if (!ok)
        return FALSE;
    }
  crk_import_progress (0.9);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (crk_import_report_failed (self->report))
    return TRUE;
  self->dataset = crk_import_dataset_finish (self->import, self->report);
  if (self->dataset != NULL && crk_import_report_failed (self->report))
    g_clear_object (&self->dataset);
  if (self->dataset != NULL && working == NULL)
    crk_open_name_dataset (self->dataset, crk_import_preview_get_path (self, 0));
  return TRUE;
}

/* Asynchronously */

static void
run_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  CrkImportPreview *self = task_data;
  CrkProgressRelay *relay = g_object_get_data (G_OBJECT (task), "crk-relay");
  GError *error = NULL;
  gboolean ok;

  (void) source_object;
  crk_import_set_progress (relay != NULL ? crk_progress_relay_hook : NULL, relay);
  ok = crk_import_preview_run (self, cancellable, &error);
  crk_import_set_progress (NULL, NULL);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * crk_import_preview_run_async:
 * @self: a preview, alive until @callback
 * @progress: (nullable): increasing fractions, in the caller's thread-default main context
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop
 * @callback: called when done
 * @user_data: for @callback
 *
 * crk_import_preview_run() in a worker thread.
 */
void
crk_import_preview_run_async (CrkImportPreview *self,
                              CrkProgressFunc progress,
                              gpointer progress_data,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (self != NULL);

  g_task_set_source_tag (task, crk_import_preview_run_async);
  g_task_set_task_data (task, self, NULL);
  if (progress != NULL)
    g_object_set_data_full (G_OBJECT (task), "crk-relay",
                            crk_progress_relay_new (task, progress, progress_data),
                            (GDestroyNotify) crk_progress_relay_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
crk_import_preview_run_finish (CrkImportPreview *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crk_import_preview_run_async,
                        FALSE);
  g_return_val_if_fail (g_task_get_task_data (G_TASK (result)) == self, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What was read */

static PreviewFile *
get_file (CrkImportPreview *self, guint file)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file < self->files->len, NULL);

  return g_ptr_array_index (self->files, file);
}

guint
crk_import_preview_get_n_files (CrkImportPreview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->files->len;
}

const char *
crk_import_preview_get_path (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->path : NULL;
}

const CrkImporter *
crk_import_preview_get_importer (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->importer : NULL;
}

const CrkImportShape *
crk_import_preview_get_shape (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL && f->has_shape ? &f->shape : NULL;
}

guint
crk_import_preview_get_grid_rows (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->n_rows : 0;
}

guint
crk_import_preview_get_grid_columns (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->n_columns : 0;
}

const char *
crk_import_preview_get_grid_text (CrkImportPreview *self, guint file, guint row, guint column)
{
  PreviewFile *f = get_file (self, file);

  if (f == NULL || row >= f->n_rows || column >= f->n_columns)
    return NULL;
  return f->texts[(gsize) row * f->n_columns + column];
}

CrkPreviewCellKind
crk_import_preview_get_grid_kind (CrkImportPreview *self, guint file, guint row, guint column)
{
  PreviewFile *f = get_file (self, file);

  if (f == NULL || row >= f->n_rows || column >= f->n_columns)
    return CRK_PREVIEW_CELL_EMPTY;
  return (CrkPreviewCellKind) f->kinds[(gsize) row * f->n_columns + column];
}

guint
crk_import_preview_get_n_observations (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->observations->len : 0;
}

const CrkObservation *
crk_import_preview_get_observation (CrkImportPreview *self, guint file, guint index)
{
  PreviewFile *f = get_file (self, file);

  g_return_val_if_fail (f != NULL && index < f->observations->len, NULL);
  return &g_array_index (f->observations, CrkObservation, index);
}

guint64
crk_import_preview_get_n_observations_read (CrkImportPreview *self, guint file)
{
  PreviewFile *f = get_file (self, file);

  return f != NULL ? f->n_read : 0;
}

CrkImportReport *
crk_import_preview_get_report (CrkImportPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->report;
}

CrkDataset *
crk_import_preview_get_dataset (CrkImportPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

CrkImportDataset *
crk_import_preview_get_import (CrkImportPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->import;
}
