/* crk-import-csv-sink.c: imported observations written as a long CSV table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import-csv-sink"

#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-import-csv-sink.h"

#define HEADER "key,indicator,period,value\n"
/* The buffer is written out once it holds this much. */
#define FLUSH_SIZE (64 * 1024)

struct _CrkImportCsvSink
{
  CrkImportSink sink; /* first: the callbacks get the sink */
  GOutputStream *out;
  GString *buffer;
  GError *error; /* the first write that failed */
  gboolean header_written;
  guint64 n_rows;
};

static void
append_field (GString *s, const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (s, text);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

static gboolean
flush (CrkImportCsvSink *self, GCancellable *cancellable)
{
  if (self->error != NULL)
    return FALSE;
  if (self->buffer->len > 0 &&
      !g_output_stream_write_all (self->out, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, &self->error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

static void
write_header (CrkImportCsvSink *self)
{
  if (!self->header_written)
    g_string_append (self->buffer, HEADER);
  self->header_written = TRUE;
}

static gboolean
on_observation (CrkImportSink *sink, const CrkObservation *obs)
{
  CrkImportCsvSink *self = (CrkImportCsvSink *) sink;

  if (self->error != NULL)
    return FALSE;
  write_header (self);
  append_field (self->buffer, obs->key);
  g_string_append_c (self->buffer, ',');
  append_field (self->buffer, obs->indicator);
  g_string_append_c (self->buffer, ',');
  append_field (self->buffer, obs->period);
  g_string_append_c (self->buffer, ',');
  if (!isnan (obs->value))
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (self->buffer, g_ascii_formatd (number, sizeof number, "%.17g", obs->value));
    }
  g_string_append_c (self->buffer, '\n');
  self->n_rows++;
  return self->buffer->len < FLUSH_SIZE || flush (self, NULL);
}

CrkImportCsvSink *
crk_import_csv_sink_new (GOutputStream *out)
{
  CrkImportCsvSink *self = g_new0 (CrkImportCsvSink, 1);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  self->sink.observation = on_observation;
  self->out = g_object_ref (out);
  self->buffer = g_string_sized_new (FLUSH_SIZE + 1024);
  return self;
}

void
crk_import_csv_sink_free (CrkImportCsvSink *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->out);
  g_string_free (self->buffer, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

CrkImportSink *
crk_import_csv_sink_get_sink (CrkImportCsvSink *self)
{
  return &self->sink;
}

gboolean
crk_import_csv_sink_finish (CrkImportCsvSink *self, GCancellable *cancellable, GError **error)
{
  if (self->error == NULL)
    {
      write_header (self);
      if (flush (self, cancellable))
        g_output_stream_flush (self->out, cancellable, &self->error);
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

guint64
crk_import_csv_sink_get_n_rows (CrkImportCsvSink *self)
{
  return self->n_rows;
}
