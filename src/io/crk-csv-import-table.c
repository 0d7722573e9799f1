/* crk-csv-import-table.c: CSV tables for the COINr import: tokenising, reading a file, the
 * header, numbers and the problems found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-csv-import-private.h"
#include "crk-dataset-writer.h"
#include "crk-io-limits.h"

#define MAX_PROBLEMS 1000

/* What malloc takes for a field's text beyond its bytes (the budget's estimate). */
#define CSV_FIELD_OVERHEAD 24

static void
csv_field_clear (gpointer data)
{
  g_free (((CsvField *) data)->text);
}

static void
csv_record_free (gpointer data)
{
  CsvRecord *record = data;

  g_array_unref (record->fields);
  g_free (record);
}

void
_crk_csv_table_free (CsvTable *table)
{
  g_free (table->name);
  g_clear_pointer (&table->records, g_ptr_array_unref);
  g_free (table);
}

void
_crk_csv_add_problem (Problems *p,
                      const char *file,
                      int line,
                      int column,
                      CrkImportError code,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (p->capped)
    return;
  if (p->problems->len >= MAX_PROBLEMS)
    {
      g_ptr_array_add (p->problems,
                       crk_problem_new (file, line, column, code, "%s",
                                        _ ("too many problems; the rest are not listed")));
      p->capped = TRUE;
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (p->problems, crk_problem_new (file, line, column, code, "%s", message));
}

/* Advances over one newline (LF, CRLF or CR) at @s[*i]. */
static void
skip_newline (const char *s, gsize len, gsize *i)
{
  if (s[*i] == '\r' && *i + 1 < len && s[*i + 1] == '\n')
    (*i)++;
  (*i)++;
}

/* The header line decides: the more frequent of ',' and ';' outside quotes. */
static char
detect_delimiter (const char *s, gsize len)
{
  gsize commas = 0, semicolons = 0;
  gboolean in_quotes = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && is_newline (s[i]))
        break;
      else if (!in_quotes && s[i] == ',')
        commas++;
      else if (!in_quotes && s[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
is_utf8_continuation (char c)
{
  return ((guchar) c & 0xC0) == 0x80;
}

static void
trim_blanks (GString *s)
{
  gsize start = 0, end = s->len;

  while (start < end && (s->str[start] == ' ' || s->str[start] == '\t'))
    start++;
  while (end > start && (s->str[end - 1] == ' ' || s->str[end - 1] == '\t'))
    end--;
  g_string_truncate (s, end);
  g_string_erase (s, 0, start);
}

/* Reports where @text stops being valid UTF-8; FALSE then. */
static gboolean
check_utf8 (const char *name, const char *text, gsize len, Problems *p)
{
  const char *invalid;

  if (!g_utf8_validate_len (text, len, &invalid))
    {
      int bad_line = 1, bad_column = 1;

      for (const char *c = text; c < invalid; c++)
        {
          if (*c == '\n' || (*c == '\r' && c + 1 < invalid && c[1] != '\n') ||
              (*c == '\r' && c + 1 == invalid))
            {
              bad_line++;
              bad_column = 1;
            }
          else if (!is_utf8_continuation (*c) && *c != '\r')
            bad_column++;
        }
      _crk_csv_add_problem (p, name, bad_line, bad_column, CRK_IMPORT_ERROR_MALFORMED,
                            *invalid == '\0'
                              ? _ ("the file contains a NUL byte; it is not a text file")
                              : _ ("the text is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/* Splits @text into records of fields, with the line and column of every field. */
CsvTable *
_crk_csv_parse (const char *name, const char *text, gsize len, Problems *p)
{
  g_autoptr (CsvTable) table = g_new0 (CsvTable, 1);
  gsize i = 0;
  int line = 1, column = 1;
  g_autoptr (GString) value = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint64 n_fields = 0, held = len;
  gunichar bad;

  table->name = g_strdup (name);
  table->records = g_ptr_array_new_with_free_func (csv_record_free);

  if (!check_utf8 (name, text, len, p))
    return NULL;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  table->delimiter = detect_delimiter (text + i, len - i);
  /* A small file of delimiters is many fields: their memory is checked as they come. */

  while (i < len)
    {
      CsvRecord *record = g_new0 (CsvRecord, 1);
      gboolean end_of_record = FALSE;

      record->fields = g_array_new (FALSE, TRUE, sizeof (CsvField));
      g_array_set_clear_func (record->fields, csv_field_clear);
      record->line = line;

      while (!end_of_record)
        {
          CsvField field = {NULL, line, column, FALSE};

          g_string_truncate (value, 0);
          if (i < len && text[i] == '"')
            {
              int open_line = line, open_column = column;
              gboolean closed = FALSE;

              field.quoted = TRUE;
              i++;
              column++;
              while (i < len)
                {
                  if (text[i] == '"')
                    {
                      if (i + 1 < len && text[i + 1] == '"')
                        {
                          g_string_append_c (value, '"');
                          i += 2;
                          column += 2;
                          continue;
                        }
                      i++;
                      column++;
                      closed = TRUE;
                      break;
                    }
                  if (is_newline (text[i]))
                    {
                      /* newlines inside a field are kept as LF */
                      g_string_append_c (value, '\n');
                      skip_newline (text, len, &i);
                      line++;
                      column = 1;
                      continue;
                    }
                  if (!is_utf8_continuation (text[i]))
                    column++;
                  g_string_append_c (value, text[i]);
                  i++;
                }
              if (!closed)
                _crk_csv_add_problem (
                  p, name, open_line, open_column, CRK_IMPORT_ERROR_MALFORMED,
                  _ ("the quoted field is not closed before the end of the file"));
              else if (i < len && text[i] != table->delimiter && !is_newline (text[i]))
                {
                  /* Text after the closing quote: keep it, but say so. */
                  _crk_csv_add_problem (p, name, line, column, CRK_IMPORT_ERROR_MALFORMED,
                                        _ ("unexpected text after the closing quote of a field"));
                  while (i < len && text[i] != table->delimiter && !is_newline (text[i]))
                    {
                      if (!is_utf8_continuation (text[i]))
                        column++;
                      g_string_append_c (value, text[i]);
                      i++;
                    }
                }
            }
          else
            {
              while (i < len && text[i] != table->delimiter && !is_newline (text[i]))
                {
                  if (!is_utf8_continuation (text[i]))
                    column++;
                  g_string_append_c (value, text[i]);
                  i++;
                }
              trim_blanks (value);
            }

          /* Blanks around a field, quoted or not, are no part of it: the native format
           * trims its texts too, so what is imported saves and reads back the same. */
          field.text = g_strstrip (g_strndup (value->str, value->len));
          if (crk_dataset_text_find_invalid (field.text, &bad) != NULL)
            _crk_csv_add_problem (
              p, name, field.line, field.column, CRK_IMPORT_ERROR_MALFORMED,
              _ ("the field holds the control character U+%04X, which a dataset cannot hold"), bad);
          g_array_append_val (record->fields, field);
          held += sizeof (CsvField) + CSV_FIELD_OVERHEAD + value->len;
          if ((++n_fields & 0xffff) == 0 &&
              !crk_io_check_memory (held, _ ("Holding the fields of the table"), &message))
            {
              _crk_csv_add_problem (p, name, line, column, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
              csv_record_free (record);
              return NULL;
            }

          if (i < len && text[i] == table->delimiter)
            {
              i++;
              column++;
            }
          else
            {
              if (i < len)
                {
                  skip_newline (text, len, &i);
                  line++;
                  column = 1;
                }
              end_of_record = TRUE;
            }
        }

      /* A blank line is one empty unquoted field: skip it. */
      if (record->fields->len == 1 && !g_array_index (record->fields, CsvField, 0).quoted &&
          g_array_index (record->fields, CsvField, 0).text[0] == '\0')
        csv_record_free (record);
      else
        g_ptr_array_add (table->records, record);
    }

  return g_steal_pointer (&table);
}

CsvTable *
_crk_csv_read (const char *path, Problems *p, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (gint64) st.st_size > CRK_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE,
                   _ ("%s: the file is larger than %d MiB"), path,
                   (int) (CRK_CSV_MAX_FILE_SIZE >> 20));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    {
      if (error != NULL && *error != NULL)
        {
          GError *e = *error;

          *error = g_error_new (CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, "%s", e->message);
          g_error_free (e);
        }
      return NULL;
    }
  return _crk_csv_parse (path, contents, length, p);
}

/* Parses a whole field as a finite decimal number. */
gboolean
_crk_csv_parse_number (const char *s, char delimiter, double *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double v;

  if (*s == '\0')
    return FALSE;
  for (const char *c = s; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && *c != '.' && *c != '-' && *c != '+' && *c != 'e' && *c != 'E' &&
        !(delimiter == ';' && *c == ','))
      return FALSE;

  if (delimiter == ';' && strchr (s, ',') != NULL)
    {
      char *comma;

      if (strchr (s, '.') != NULL || strchr (s, ',') != strrchr (s, ','))
        return FALSE;
      copy = g_strdup (s);
      comma = strchr (copy, ',');
      *comma = '.';
      s = copy;
    }

  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* Header: name -> column index; reports duplicates. */
GHashTable *
_crk_csv_index_header (CsvTable *table, Problems *p)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CsvRecord *header = record_at (table, 0);

  for (guint c = 0; c < header->fields->len; c++)
    {
      const CsvField *f = field_at (header, c);

      if (f->text[0] == '\0')
        {
          _crk_csv_add_problem (p, table->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                                _ ("column %u has no name in the header"), c + 1);
          continue;
        }
      if (g_hash_table_contains (columns, f->text))
        {
          _crk_csv_add_problem (p, table->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the column “%s” appears twice in the header"), f->text);
          continue;
        }
      g_hash_table_insert (columns, g_strdup (f->text), GINT_TO_POINTER (c + 1));
    }
  return columns;
}

/* Finds a column by name in any case; -1 when absent. */
int
_crk_csv_find_column (CsvTable *table, const char *name)
{
  CsvRecord *header = record_at (table, 0);

  for (guint c = 0; c < header->fields->len; c++)
    if (g_ascii_strcasecmp (field_at (header, c)->text, name) == 0)
      return (int) c;
  return -1;
}

/* Checks the number of fields of each row against the header's. */
void
_crk_csv_check_widths (CsvTable *table, Problems *p)
{
  guint width = record_at (table, 0)->fields->len;

  for (guint r = 1; r < table->records->len; r++)
    {
      CsvRecord *record = record_at (table, r);

      if (record->fields->len < width)
        {
          const CsvField *last = field_at (record, record->fields->len - 1);

          _crk_csv_add_problem (
            p, table->name, last->line, last->column, CRK_IMPORT_ERROR_MALFORMED,
            ngettext ("the row has %u field, the header has %u",
                      "the row has %u fields, the header has %u", record->fields->len),
            record->fields->len, width);
        }
      else
        {
          for (guint c = width; c < record->fields->len; c++)
            {
              const CsvField *f = field_at (record, c);

              if (f->text[0] != '\0')
                {
                  _crk_csv_add_problem (
                    p, table->name, f->line, f->column, CRK_IMPORT_ERROR_MALFORMED,
                    ngettext ("the row has %u field, the header has %u",
                              "the row has %u fields, the header has %u", record->fields->len),
                    record->fields->len, width);
                  break;
                }
            }
        }
    }
}
