/* crk-csv-import.c: importing a dataset from CSV tables in COINr's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-csv-import.h"
#include "crk-dataset-rules.h"
#include "crk-dataset-writer.h"
#include "crk-io-limits.h"

#define MAX_PROBLEMS 1000

/* Tokenising */

typedef struct
{
  char *text;
  int line;
  int column;
  gboolean quoted;
} CsvField;

/* What malloc takes for a field's text beyond its bytes (the budget's estimate). */
#define CSV_FIELD_OVERHEAD 24

typedef struct
{
  GArray *fields; /* CsvField */
  int line;       /* where the record starts */
} CsvRecord;

typedef struct
{
  char *name;         /* the file as the caller named it */
  GPtrArray *records; /* CsvRecord*, the header first */
  char delimiter;
} CsvTable;

typedef struct
{
  GPtrArray *problems;
  gboolean capped;
} Problems;

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

static void
csv_table_free (CsvTable *table)
{
  g_free (table->name);
  g_clear_pointer (&table->records, g_ptr_array_unref);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvTable, csv_table_free)

static void add_problem (Problems *p,
                         const char *file,
                         int line,
                         int column,
                         CrkImportError code,
                         const char *format,
                         ...) G_GNUC_PRINTF (6, 7);

static void
add_problem (Problems *p,
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

static gboolean
is_newline (char c)
{
  return c == '\n' || c == '\r';
}

/* Advances over one newline (LF, CRLF or CR) at @s[*i]. */
static void
skip_newline (const char *s,
              gsize len,
              gsize *i)
{
  if (s[*i] == '\r' && *i + 1 < len && s[*i + 1] == '\n')
    (*i)++;
  (*i)++;
}

/* The header line decides: the more frequent of ',' and ';' outside quotes. */
static char
detect_delimiter (const char *s,
                  gsize len)
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

/* Splits @text into records of fields, with the line and column of every field. */
static CsvTable *
csv_parse (const char *name,
           const char *text,
           gsize len,
           Problems *p)
{
  g_autoptr (CsvTable) table = g_new0 (CsvTable, 1);
  const char *invalid;
  gsize i = 0;
  int line = 1, column = 1;
  g_autoptr (GString) value = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint64 n_fields = 0, held = len;
  gunichar bad;

  table->name = g_strdup (name);
  table->records = g_ptr_array_new_with_free_func (csv_record_free);

  if (!g_utf8_validate_len (text, len, &invalid))
    {
      int bad_line = 1, bad_column = 1;

      for (const char *c = text; c < invalid; c++)
        {
          if (*c == '\n' || (*c == '\r' && c + 1 < invalid && c[1] != '\n') || (*c == '\r' && c + 1 == invalid))
            {
              bad_line++;
              bad_column = 1;
            }
          else if (!is_utf8_continuation (*c) && *c != '\r')
            bad_column++;
        }
      add_problem (p, name, bad_line, bad_column, CRK_IMPORT_ERROR_MALFORMED,
                   *invalid == '\0' ? _ ("the file contains a NUL byte; it is not a text file")
                                    : _ ("the text is not valid UTF-8"));
      return NULL;
    }

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
                add_problem (p, name, open_line, open_column, CRK_IMPORT_ERROR_MALFORMED,
                             _ ("the quoted field is not closed before the end of the file"));
              else if (i < len && text[i] != table->delimiter && !is_newline (text[i]))
                {
                  /* Text after the closing quote: keep it, but say so. */
                  add_problem (p, name, line, column, CRK_IMPORT_ERROR_MALFORMED,
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
            add_problem (p, name, field.line, field.column, CRK_IMPORT_ERROR_MALFORMED,
                         _ ("the field holds the control character U+%04X, which a dataset cannot hold"),
                         bad);
          g_array_append_val (record->fields, field);
          held += sizeof (CsvField) + CSV_FIELD_OVERHEAD + value->len;
          if ((++n_fields & 0xffff) == 0 && !crk_io_check_memory (held, _ ("Holding the fields of the table"), &message))
            {
              add_problem (p, name, line, column, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
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
      if (record->fields->len == 1 && !g_array_index (record->fields, CsvField, 0).quoted && g_array_index (record->fields, CsvField, 0).text[0] == '\0')
        csv_record_free (record);
      else
        g_ptr_array_add (table->records, record);
    }

  return g_steal_pointer (&table);
}

static CsvTable *
csv_read (const char *path,
          Problems *p,
          GError **error)
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
  return csv_parse (path, contents, length, p);
}

/* Field helpers */

static CsvRecord *
record_at (CsvTable *table,
           guint i)
{
  return g_ptr_array_index (table->records, i);
}

/* The field of @record in column @col, or NULL when the record is short or @col < 0. */
static const CsvField *
field_at (CsvRecord *record,
          int col)
{
  if (col < 0 || (guint) col >= record->fields->len)
    return NULL;
  return &g_array_index (record->fields, CsvField, col);
}

static const char *
text_at (CsvRecord *record,
         int col)
{
  const CsvField *f = field_at (record, col);

  return f != NULL ? f->text : "";
}

/* Where to point at a field that may be absent: the field, or the record's line. */
static void
field_location (CsvRecord *record,
                int col,
                int *line,
                int *column)
{
  const CsvField *f = field_at (record, col);

  *line = f != NULL ? f->line : record->line;
  *column = f != NULL ? f->column : 1;
}

static gboolean
is_missing (const char *s)
{
  return s[0] == '\0' || g_ascii_strcasecmp (s, "NA") == 0 || g_ascii_strcasecmp (s, "N/A") == 0 || g_ascii_strcasecmp (s, "#N/A") == 0 || g_ascii_strcasecmp (s, "NaN") == 0;
}

/* Parses a whole field as a finite decimal number. */
static gboolean
parse_number (const char *s,
              char delimiter,
              double *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double v;

  if (*s == '\0')
    return FALSE;
  for (const char *c = s; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && *c != '.' && *c != '-' && *c != '+' && *c != 'e' && *c != 'E' && !(delimiter == ';' && *c == ','))
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

static gboolean
parse_int (const char *s,
           gint64 min,
           gint64 max,
           gint64 *out)
{
  return g_ascii_string_to_signed (s, 10, min, max, out, NULL);
}

/* Header: name -> column index; reports duplicates. */
static GHashTable *
index_header (CsvTable *table,
              Problems *p)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CsvRecord *header = record_at (table, 0);

  for (guint c = 0; c < header->fields->len; c++)
    {
      const CsvField *f = field_at (header, c);

      if (f->text[0] == '\0')
        {
          add_problem (p, table->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                       _ ("column %u has no name in the header"), c + 1);
          continue;
        }
      if (g_hash_table_contains (columns, f->text))
        {
          add_problem (p, table->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the column “%s” appears twice in the header"), f->text);
          continue;
        }
      g_hash_table_insert (columns, g_strdup (f->text), GINT_TO_POINTER (c + 1));
    }
  return columns;
}

/* Finds a column by name in any case; -1 when absent. */
static int
find_column (CsvTable *table,
             const char *name)
{
  CsvRecord *header = record_at (table, 0);

  for (guint c = 0; c < header->fields->len; c++)
    if (g_ascii_strcasecmp (field_at (header, c)->text, name) == 0)
      return (int) c;
  return -1;
}

/* Checks the number of fields of each row against the header's. */
static void
check_widths (CsvTable *table,
              Problems *p)
{
  guint width = record_at (table, 0)->fields->len;

  for (guint r = 1; r < table->records->len; r++)
    {
      CsvRecord *record = record_at (table, r);

      if (record->fields->len < width)
        {
          const CsvField *last = field_at (record, record->fields->len - 1);

          add_problem (p, table->name, last->line, last->column, CRK_IMPORT_ERROR_MALFORMED,
                       ngettext ("the row has %u field, the header has %u",
                                 "the row has %u fields, the header has %u",
                                 record->fields->len),
                       record->fields->len, width);
        }
      else
        {
          for (guint c = width; c < record->fields->len; c++)
            {
              const CsvField *f = field_at (record, c);

              if (f->text[0] != '\0')
                {
                  add_problem (p, table->name, f->line, f->column, CRK_IMPORT_ERROR_MALFORMED,
                               ngettext ("the row has %u field, the header has %u",
                                         "the row has %u fields, the header has %u",
                                         record->fields->len),
                               record->fields->len, width);
                  break;
                }
            }
        }
    }
}

/* Metadata */

typedef enum
{
  META_INDICATOR,
  META_AGGREGATE,
  META_GROUP,
  META_DENOMINATOR,
} MetaType;

typedef struct
{
  CsvRecord *record;
  const char *code;
  MetaType type;
  gboolean valid_type;
  gint64 level; /* 0 when not given or invalid */
  const char *parent;
  double weight;
  int data_column;         /* -1 until the data header names it */
  CrkIndicator *indicator; /* indicators and denominators */
  CrkFrameworkNode *node;  /* indicators and aggregates */
  guint n_children;
} MetaRow;

static void
meta_row_free (gpointer data)
{
  MetaRow *row = data;

  g_clear_object (&row->indicator);
  g_clear_object (&row->node);
  g_free (row);
}

typedef struct
{
  int code, name, name_zh, type, level, parent, weight, direction;
  int unit, target, denominator, description, description_zh, source;
} MetaColumns;

static gboolean
parse_type (const char *s,
            MetaType *type)
{
  static const struct
  {
    const char *name;
    MetaType type;
  } types[] = {
    {"Indicator", META_INDICATOR},
    {"Aggregate", META_AGGREGATE},
    {"Group", META_GROUP},
    {"Denominator", META_DENOMINATOR},
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (s, types[i].name) == 0)
      {
        *type = types[i].type;
        return TRUE;
      }
  return FALSE;
}

static const char *
non_empty (const char *s)
{
  return s[0] != '\0' ? s : NULL;
}

/* Reads the metadata rows into @rows (in order) and @by_code. Returns FALSE when the
 * header lacks a required column (nothing else is read then). */
static gboolean
read_meta (CsvTable *meta,
           GPtrArray *rows,
           GHashTable *by_code,
           Problems *p)
{
  const char *file = meta->name;
  MetaColumns col;
  static const char *required[] = {"iCode", "Type", "Level", "Parent", "Weight", "Direction"};
  gboolean complete = TRUE;

  col.code = find_column (meta, "iCode");
  col.name = find_column (meta, "iName");
  col.name_zh = find_column (meta, "iName_zh");
  col.type = find_column (meta, "Type");
  col.level = find_column (meta, "Level");
  col.parent = find_column (meta, "Parent");
  col.weight = find_column (meta, "Weight");
  col.direction = find_column (meta, "Direction");
  col.unit = find_column (meta, "Unit");
  col.target = find_column (meta, "Target");
  col.denominator = find_column (meta, "Denominator");
  col.description = find_column (meta, "Description");
  col.description_zh = find_column (meta, "Description_zh");
  col.source = find_column (meta, "Source");

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (find_column (meta, required[i]) < 0)
      {
        add_problem (p, file, record_at (meta, 0)->line, 1, CRK_IMPORT_ERROR_INVALID,
                     _ ("the metadata table has no “%s” column"), required[i]);
        complete = FALSE;
      }
  if (!complete)
    return FALSE;

  for (guint r = 1; r < meta->records->len; r++)
    {
      CsvRecord *record = record_at (meta, r);
      const CsvField *code_field = field_at (record, col.code);
      const char *code = text_at (record, col.code);
      const char *type = text_at (record, col.type);
      MetaRow *row;
      MetaRow *earlier;
      int line, column;

      if (code[0] == '\0')
        {
          field_location (record, col.code, &line, &column);
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the row has no iCode"));
          continue;
        }
      earlier = g_hash_table_lookup (by_code, code);
      if (earlier != NULL)
        {
          add_problem (p, file, code_field->line, code_field->column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the iCode “%s” is already used on line %d"), code,
                       earlier->record->line);
          continue;
        }

      row = g_new0 (MetaRow, 1);
      row->record = record;
      row->code = code;
      row->data_column = -1;
      row->weight = 1.0;
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_code, (gpointer) code, row);

      if (!parse_type (type, &row->type))
        {
          field_location (record, col.type, &line, &column);
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the Type of “%s” is “%s”, not Indicator, Aggregate, Group or Denominator"),
                       code, type);
          continue;
        }
      row->valid_type = TRUE;

      if (row->type == META_INDICATOR || row->type == META_AGGREGATE)
        {
          const char *level = text_at (record, col.level);
          const char *weight = text_at (record, col.weight);
          gint64 lv;

          row->parent = non_empty (text_at (record, col.parent));

          field_location (record, col.level, &line, &column);
          if (!parse_int (level, 1, 1000, &lv))
            add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the Level of “%s” is “%s”, not a whole number from 1"), code, level);
          else if (row->type == META_INDICATOR && lv != 1)
            add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the indicator “%s” has Level %s; indicators are level 1"), code, level);
          else if (row->type == META_AGGREGATE && lv < 2)
            add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the aggregate “%s” has Level %s; aggregates are level 2 or above"),
                         code, level);
          else
            row->level = lv;

          field_location (record, col.weight, &line, &column);
          if (weight[0] == '\0' && row->type == META_AGGREGATE && row->parent == NULL)
            row->weight = 1.0;
          else if (!parse_number (weight, meta->delimiter, &row->weight))
            add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the Weight of “%s” is “%s”, not a number"), code, weight);
          else if (row->weight < 0)
            add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the Weight of “%s” is negative"), code);

          if (row->type == META_INDICATOR && row->parent == NULL)
            {
              field_location (record, col.parent, &line, &column);
              add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                           _ ("the indicator “%s” has no Parent"), code);
            }

          row->node = crk_framework_node_new (code, NULL);
          crk_framework_node_set_weight (row->node, row->weight);
          if (row->type == META_AGGREGATE)
            {
              crk_framework_node_set_name (row->node, non_empty (text_at (record, col.name)));
              crk_framework_node_set_name_zh (row->node, non_empty (text_at (record, col.name_zh)));
            }
        }

      if (row->type == META_INDICATOR || row->type == META_DENOMINATOR)
        {
          CrkIndicator *ind;
          const char *target = text_at (record, col.target);

          ind = row->indicator = crk_indicator_new (code, row->type == META_INDICATOR ? CRK_INDICATOR_KIND_INDICATOR : CRK_INDICATOR_KIND_DENOMINATOR);
          crk_indicator_set_name (ind, non_empty (text_at (record, col.name)));
          crk_indicator_set_name_zh (ind, non_empty (text_at (record, col.name_zh)));
          crk_indicator_set_unit (ind, non_empty (text_at (record, col.unit)));
          crk_indicator_set_description (ind, non_empty (text_at (record, col.description)));
          crk_indicator_set_description_zh (ind, non_empty (text_at (record, col.description_zh)));
          crk_indicator_set_source (ind, non_empty (text_at (record, col.source)));

          if (row->type == META_INDICATOR)
            {
              const char *direction = text_at (record, col.direction);
              double d, t;

              field_location (record, col.direction, &line, &column);
              if (!parse_number (direction, meta->delimiter, &d) || (d != 1 && d != -1))
                add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                             _ ("the Direction of “%s” is “%s”, not 1 or -1"), code, direction);
              else
                crk_indicator_set_direction (ind, (int) d);

              field_location (record, col.target, &line, &column);
              if (!is_missing (target))
                {
                  if (parse_number (target, meta->delimiter, &t))
                    crk_indicator_set_target (ind, t);
                  else
                    add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                 _ ("the Target of “%s” is “%s”, not a number"), code, target);
                }
            }
        }
    }
  return TRUE;
}

static guint
meta_level (MetaRow *row)
{
  return (guint) row->level;
}

/* Checks parents, levels, roots and denominators, and builds the tree. Returns the root. */
static CrkFrameworkNode *
build_framework (CsvTable *meta,
                 GPtrArray *rows,
                 GHashTable *by_code,
                 Problems *p)
{
  const char *file = meta->name;
  int col_parent = find_column (meta, "Parent");
  int col_denominator = find_column (meta, "Denominator");
  MetaRow *root = NULL;
  g_autoptr (GPtrArray) roots = g_ptr_array_new ();
  gboolean has_indicators = FALSE;
  int line, column;

  for (guint i = 0; i < rows->len; i++)
    {
      MetaRow *row = g_ptr_array_index (rows, i);

      if (!row->valid_type)
        continue;

      if (row->type == META_INDICATOR)
        {
          const char *denominator = text_at (row->record, col_denominator);

          has_indicators = TRUE;
          if (denominator[0] != '\0')
            {
              MetaRow *d = g_hash_table_lookup (by_code, denominator);

              field_location (row->record, col_denominator, &line, &column);
              if (d == NULL)
                add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                             _ ("the Denominator of “%s” is “%s”, which is not in the metadata"),
                             row->code, denominator);
              else if (!d->valid_type || d->type != META_DENOMINATOR)
                add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                             _ ("the Denominator of “%s” is “%s”, which is not of Type Denominator"),
                             row->code, denominator);
              else
                crk_indicator_set_denominator (row->indicator, denominator);
            }
        }

      if (row->type != META_INDICATOR && row->type != META_AGGREGATE)
        continue;

      if (row->parent == NULL)
        {
          /* Only aggregates get here; an indicator without parent was reported. */
          if (row->type == META_AGGREGATE)
            g_ptr_array_add (roots, row);
          continue;
        }

      {
        MetaRow *parent = g_hash_table_lookup (by_code, row->parent);

        field_location (row->record, col_parent, &line, &column);
        if (parent == NULL)
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the Parent of “%s” is “%s”, which is not in the metadata"),
                       row->code, row->parent);
        else if (!parent->valid_type || parent->type != META_AGGREGATE)
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the Parent of “%s” is “%s”, which is not an Aggregate"),
                       row->code, row->parent);
        else if (row->level != 0 && parent->level != 0 && parent->level <= row->level)
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the Parent of “%s” is “%s” at Level %u, not above its own Level %u"),
                       row->code, row->parent, meta_level (parent), meta_level (row));
        else if (row->level != 0 && parent->level != 0)
          {
            crk_framework_node_append_child (parent->node, row->node);
            parent->n_children++;
          }
      }
    }

  /* The root is the parentless aggregate of the highest level (the first of equals). */
  for (guint i = 0; i < roots->len; i++)
    {
      MetaRow *row = g_ptr_array_index (roots, i);

      if (root == NULL || meta_level (row) > meta_level (root))
        root = row;
    }
  for (guint i = 0; i < roots->len; i++)
    {
      MetaRow *row = g_ptr_array_index (roots, i);

      if (row == root)
        continue;
      field_location (row->record, col_parent, &line, &column);
      add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                   _ ("“%s” has no Parent, but only the root (“%s”, line %d) may have none"),
                   row->code, root->code, root->record->line);
    }

  if (has_indicators && root == NULL)
    add_problem (p, file, record_at (meta, 0)->line, 1, CRK_IMPORT_ERROR_INVALID,
                 _ ("no Aggregate is without Parent, so the framework has no root"));

  for (guint i = 0; i < rows->len; i++)
    {
      MetaRow *row = g_ptr_array_index (rows, i);

      if (row->valid_type && row->type == META_AGGREGATE && row->n_children == 0 && row->level != 0)
        {
          field_location (row->record, find_column (meta, "iCode"), &line, &column);
          add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the aggregate “%s” has no children"), row->code);
        }
    }

  return root != NULL ? root->node : NULL;
}

/* Data */

typedef enum
{
  DATA_IGNORED,
  DATA_CODE,
  DATA_NAME,
  DATA_NAME_ZH,
  DATA_TIME,
  DATA_PROVINCE,
  DATA_REGION,
  DATA_GROUP,
  DATA_VALUE,
} DataRole;

typedef struct
{
  DataRole role;
  MetaRow *meta;
  guint indicator; /* index in the dataset, for DATA_VALUE */
} DataColumn;

static DataRole
special_role (const char *name)
{
  static const struct
  {
    const char *name;
    DataRole role;
  } specials[] = {
    {"uCode", DATA_CODE},
    {"uName", DATA_NAME},
    {"uName_zh", DATA_NAME_ZH},
    {"Time", DATA_TIME},
    {"province", DATA_PROVINCE},
    {"region", DATA_REGION},
  };

  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    if (g_ascii_strcasecmp (name, specials[i].name) == 0)
      return specials[i].role;
  return DATA_IGNORED;
}

/* Classifies the data columns; returns FALSE when uCode is missing. */
static gboolean
classify_columns (CsvTable *data,
                  CsvTable *meta,
                  GHashTable *by_code,
                  DataColumn *columns,
                  Problems *p)
{
  CsvRecord *header = record_at (data, 0);
  gboolean seen[DATA_VALUE + 1] = {
    FALSE,
  };

  for (guint c = 0; c < header->fields->len; c++)
    {
      const CsvField *f = field_at (header, c);
      DataRole role = special_role (f->text);
      MetaRow *row;

      columns[c].role = DATA_IGNORED;
      if (f->text[0] == '\0')
        continue;
      if (role != DATA_IGNORED)
        {
          /* A repeated column was reported by index_header(); keep the first. */
          if (!seen[role])
            columns[c].role = role;
          seen[role] = TRUE;
          continue;
        }

      row = g_hash_table_lookup (by_code, f->text);
      if (row == NULL)
        {
          add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the column “%s” is not in the metadata"), f->text);
          continue;
        }
      if (!row->valid_type)
        continue;
      if (row->data_column >= 0)
        continue; /* a duplicate header, reported by index_header() */
      row->data_column = (int) c;
      columns[c].meta = row;
      switch (row->type)
        {
          case META_GROUP:
            columns[c].role = DATA_GROUP;
            break;
          case META_INDICATOR:
          case META_DENOMINATOR:
            columns[c].role = DATA_VALUE;
            break;
          case META_AGGREGATE:
          default:
            add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the column “%s” is an Aggregate in the metadata; data columns hold "
                            "indicators, denominators or groups"),
                         f->text);
            break;
        }
    }

  if (!seen[DATA_CODE])
    add_problem (p, data->name, header->line, 1, CRK_IMPORT_ERROR_INVALID,
                 _ ("the data table has no “uCode” column"));

  return seen[DATA_CODE];
}

static void
check_meta_has_columns (CsvTable *meta,
                        CsvTable *data,
                        GPtrArray *rows,
                        Problems *p)
{
  int col_code = find_column (meta, "iCode");

  for (guint i = 0; i < rows->len; i++)
    {
      MetaRow *row = g_ptr_array_index (rows, i);
      const CsvField *f;

      if (!row->valid_type || row->data_column >= 0)
        continue;
      if (row->type != META_INDICATOR && row->type != META_DENOMINATOR)
        continue;
      f = field_at (row->record, col_code);
      add_problem (p, meta->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                   row->type == META_INDICATOR
                     ? _ ("the indicator “%s” has no column in the data table %s")
                     : _ ("the denominator “%s” has no column in the data table %s"),
                   row->code, data->name);
    }
}

static int
current_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);
  static const char *suffixes[] = {"_idata", "-idata", "_data", "-data", "idata", "data"};

  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".csv") == 0)
    base[len -= 4] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (len > n && g_ascii_strcasecmp (base + len - n, suffixes[i]) == 0)
        {
          base[len - n] = '\0';
          break;
        }
    }
  return g_steal_pointer (&base);
}

/* The cities and indicators are known: refuses a grid, or more values than rows × value
 * columns, over the memory budget before any value is stored. */
static gboolean
check_budget (CrkDataset *ds,
              CsvTable *data,
              guint n_value_columns,
              Problems *p)
{
  g_autofree char *message = NULL;
  guint64 most = (guint64) (data->records->len - 1) * n_value_columns;

  if (crk_io_check_grid (crk_dataset_get_n_cities (ds), crk_dataset_get_n_indicators (ds), &message)
      && crk_io_check_values (most, &message))
    return TRUE;
  add_problem (p, data->name, 1, 1, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
  return FALSE;
}

static void
read_data (CrkDataset *ds,
           CsvTable *data,
           DataColumn *columns,
           int default_year,
           Problems *p)
{
  CsvRecord *header = record_at (data, 0);
  guint width = header->fields->len;
  int col_code = -1, col_time = -1;
  guint n_value_columns = 0;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) row_years = g_array_sized_new (FALSE, TRUE, sizeof (int), data->records->len);
  g_autoptr (GArray) row_cities = g_array_sized_new (FALSE, TRUE, sizeof (guint), data->records->len);

  for (guint c = 0; c < width; c++)
    {
      if (columns[c].role == DATA_CODE)
        col_code = (int) c;
      else if (columns[c].role == DATA_TIME)
        col_time = (int) c;
      else if (columns[c].role == DATA_VALUE)
        n_value_columns++;
    }

  g_array_set_size (row_years, data->records->len);
  g_array_set_size (row_cities, data->records->len);

  /* Pass 1: cities and years, so that the panel is sized once. */
  for (guint r = 1; r < data->records->len; r++)
    {
      CsvRecord *record = record_at (data, r);
      const char *code = text_at (record, col_code);
      int year = default_year;
      int line, column;
      g_autofree char *key = NULL;
      gpointer earlier;
      CrkCity *city;

      g_array_index (row_cities, guint, r) = G_MAXUINT;

      if (col_time >= 0)
        {
          const char *time = text_at (record, col_time);
          gint64 y;

          if (!parse_int (time, 1, 9999, &y))
            {
              field_location (record, col_time, &line, &column);
              add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                           _ ("the Time of the row is “%s”, not a year"), time);
              continue;
            }
          year = (int) y;
        }

      if (code[0] == '\0')
        {
          field_location (record, col_code, &line, &column);
          add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                       _ ("the row has no uCode"));
          continue;
        }

      key = g_strdup_printf ("%d\n%s", year, code);
      if (g_hash_table_lookup_extended (seen, key, NULL, &earlier))
        {
          field_location (record, col_code, &line, &column);
          if (col_time >= 0)
            add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the unit “%s” already has a row for %d on line %d"),
                         code, year, GPOINTER_TO_INT (earlier));
          else
            add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                         _ ("the uCode “%s” is already used on line %d"),
                         code, GPOINTER_TO_INT (earlier));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (record->line));

      city = crk_dataset_lookup_city (ds, code);
      if (city == NULL)
        {
          g_autoptr (CrkCity) new_city = crk_city_new (code, NULL);

          crk_dataset_add_city (ds, new_city);
          city = new_city;
        }

      /* Names and groups: the first non-empty value of the unit's rows. */
      for (guint c = 0; c < width; c++)
        {
          const char *text = text_at (record, c);

          if (text[0] == '\0')
            continue;
          switch (columns[c].role)
            {
              case DATA_NAME:
                if (crk_city_get_name (city) == NULL)
                  crk_city_set_name (city, text);
                break;
              case DATA_NAME_ZH:
                if (crk_city_get_name_zh (city) == NULL)
                  crk_city_set_name_zh (city, text);
                break;
              case DATA_PROVINCE:
                if (crk_city_get_province (city) == NULL)
                  crk_city_set_province (city, text);
                break;
              case DATA_REGION:
                if (crk_city_get_region (city) == NULL)
                  crk_city_set_region (city, text);
                break;
              case DATA_GROUP:
                if (crk_city_get_attribute (city, columns[c].meta->code) == NULL)
                  crk_city_set_attribute (city, columns[c].meta->code, text);
                break;
              case DATA_IGNORED:
              case DATA_CODE:
              case DATA_TIME:
              case DATA_VALUE:
              default:
                break;
            }
        }

      crk_dataset_add_year (ds, year);
      g_array_index (row_years, int, r) = year;
      g_array_index (row_cities, guint, r) = crk_city_get_index (city);
    }

  /* Pass 2: the values, when ranking a year of them fits the memory budget. */
  if (!check_budget (ds, data, n_value_columns, p))
    return;
  for (guint r = 1; r < data->records->len; r++)
    {
      CsvRecord *record = record_at (data, r);
      guint city = g_array_index (row_cities, guint, r);
      guint year;

      if (city == G_MAXUINT)
        continue;
      year = (guint) crk_dataset_lookup_year (ds, g_array_index (row_years, int, r));

      for (guint c = 0; c < width; c++)
        {
          const CsvField *f;
          double v;

          if (columns[c].role != DATA_VALUE)
            continue;
          f = field_at (record, c);
          if (f == NULL || is_missing (f->text))
            continue;
          if (!parse_number (f->text, data->delimiter, &v))
            {
              add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                           _ ("the value of “%s” for “%s” is “%s”, not a number"),
                           columns[c].meta->code, text_at (record, col_code), f->text);
              continue;
            }
          if (!crk_dataset_try_set_value (ds, city, columns[c].indicator, year, v,
                                          CRK_VALUE_STATUS_OBSERVED, NULL))
            {
              add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_HOSTILE,
                           _ ("out of memory; refusing the file"));
              return;
            }
        }
    }
}

/* The rules every reader ends with, located at the metadata row of the code (its iCode
 * field); the rest at the top of the metadata table. */
typedef struct
{
  CsvTable *meta;
  GHashTable *by_code;
} RuleLocator;

static void
locate_rule (CrkRuleSubject what,
             const char *code,
             const char *detail,
             const char **file,
             int *line,
             int *column,
             gpointer data)
{
  RuleLocator *l = data;
  MetaRow *row = code != NULL ? g_hash_table_lookup (l->by_code, code) : NULL;

  *file = l->meta->name;
  *line = *column = 1;
  if (row != NULL)
    field_location (row->record, find_column (l->meta, "iCode"), line, column);
}

static void
check_rules (CrkDataset *ds,
             CsvTable *meta,
             GHashTable *by_code,
             Problems *p)
{
  RuleLocator l = {meta, by_code};
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);

  crk_dataset_check_rules (ds, locate_rule, &l, found);
  for (guint i = 0; i < found->len; i++)
    {
      CrkProblem *q = g_ptr_array_index (found, i);

      add_problem (p, q->file, q->line, q->column, q->code, "%s", q->message);
    }
}

static CrkDataset *
import_tables (CsvTable *data,
               CsvTable *meta,
               int default_year,
               Problems *p)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (meta_row_free);
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) meta_header = NULL;
  g_autoptr (GHashTable) data_header = NULL;
  g_autofree DataColumn *columns = NULL;
  g_autofree char *title = NULL;
  CrkFrameworkNode *root;
  guint width;

  if (meta->records->len == 0)
    {
      add_problem (p, meta->name, 1, 1, CRK_IMPORT_ERROR_MALFORMED, _ ("the file is empty"));
      return NULL;
    }
  if (data->records->len == 0)
    {
      add_problem (p, data->name, 1, 1, CRK_IMPORT_ERROR_MALFORMED, _ ("the file is empty"));
      return NULL;
    }

  meta_header = index_header (meta, p);
  data_header = index_header (data, p);
  check_widths (meta, p);
  check_widths (data, p);

  crk_dataset_begin_bulk (ds);

  if (!read_meta (meta, rows, by_code, p))
    {
      crk_dataset_end_bulk (ds);
      return NULL;
    }
  root = build_framework (meta, rows, by_code, p);

  width = record_at (data, 0)->fields->len;
  columns = g_new0 (DataColumn, width);
  if (classify_columns (data, meta, by_code, columns, p))
    {
      check_meta_has_columns (meta, data, rows, p);

      for (guint i = 0; i < rows->len; i++)
        {
          MetaRow *row = g_ptr_array_index (rows, i);

          if (row->indicator != NULL)
            crk_dataset_add_indicator (ds, row->indicator);
        }
      for (guint c = 0; c < width; c++)
        if (columns[c].role == DATA_VALUE)
          columns[c].indicator = crk_indicator_get_index (columns[c].meta->indicator);

      if (root != NULL)
        crk_dataset_set_framework (ds, root);

      read_data (ds, data, columns, default_year != 0 ? default_year : current_year (), p);
    }

  title = title_from_path (data->name);
  crk_dataset_set_title (ds, title);
  crk_dataset_end_bulk (ds);
  crk_dataset_set_modified (ds, FALSE);

  /* Only on a dataset made of every row: else the rules report what problems left out. */
  if (p->problems->len == 0)
    check_rules (ds, meta, by_code, p);
  if (p->problems->len > 0)
    return NULL;
  return g_steal_pointer (&ds);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CrkProblem *x = *(CrkProblem *const *) a;
  const CrkProblem *y = *(CrkProblem *const *) b;
  int c = g_strcmp0 (x->file, y->file);

  if (c != 0)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

static gboolean
finish (Problems *p,
        GPtrArray **problems,
        GError **error)
{
  gboolean ok;

  /* By file, line and column (a stable sort keeps a row's problems in order). */
  g_ptr_array_sort (p->problems, compare_problems);
  ok = crk_problems_to_error (p->problems, error);

  if (problems != NULL)
    *problems = g_steal_pointer (&p->problems);
  else
    g_clear_pointer (&p->problems, g_ptr_array_unref);
  return ok;
}

/**
 * crk_csv_import:
 * @data_path: the data table (uCode, uName, Time, groups, indicator columns)
 * @meta_path: the metadata table (iCode, iName, Type, Level, Parent, Weight, Direction...)
 * @default_year: the year of every row when the data table has no Time column; 0 means
 *   the current year
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every
 *   problem found (empty on success)
 * @error: return location for an error listing every problem
 *
 * Imports a dataset from two CSV tables in COINr's layout; the format is described in
 * crk-csv-import.h.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CrkDataset *
crk_csv_import (const char *data_path,
                const char *meta_path,
                int default_year,
                GPtrArray **problems,
                GError **error)
{
  Problems p = {g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free), FALSE};
  g_autoptr (CsvTable) data = NULL;
  g_autoptr (CsvTable) meta = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (data_path != NULL, NULL);
  g_return_val_if_fail (meta_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  meta = csv_read (meta_path, &p, &local_error);
  if (local_error == NULL)
    data = csv_read (data_path, &p, &local_error);
  if (local_error != NULL)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&p.problems);
      else
        g_ptr_array_unref (p.problems);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (data != NULL && meta != NULL)
    ds = import_tables (data, meta, default_year, &p);

  if (!finish (&p, problems, error))
    return NULL;
  return g_steal_pointer (&ds);
}

/* Header fields of a CSV file (only its first record). */
static char **
read_header (const char *path,
             GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (CsvTable) table = NULL;
  Problems p = {g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free), FALSE};
  GPtrArray *names;
  gsize end = 0;
  gboolean in_quotes = FALSE;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  char buffer[65536];
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    {
      g_ptr_array_unref (p.problems);
      return NULL;
    }
  n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, NULL, error);
  if (n < 0)
    {
      g_ptr_array_unref (p.problems);
      return NULL;
    }
  length = (gsize) n;

  /* Up to the end of the first record, but not into a cut UTF-8 sequence. */
  for (end = 0; end < length; end++)
    {
      if (buffer[end] == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && is_newline (buffer[end]))
        break;
    }
  contents = g_strndup (buffer, end);
  table = csv_parse (path, contents, end, &p);
  g_ptr_array_unref (p.problems);

  names = g_ptr_array_new ();
  if (table != NULL && table->records->len > 0)
    {
      CsvRecord *header = record_at (table, 0);

      for (guint c = 0; c < header->fields->len; c++)
        g_ptr_array_add (names, g_strdup (field_at (header, c)->text));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static gboolean
header_has (char **names,
            const char *name)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Swaps the last @from (any case) in @base for @to in the same case pattern. */
static char *
swap_word (const char *base,
           const char *from,
           const char *to)
{
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char *hit = NULL;
  gsize n = strlen (from);
  GString *s;

  for (const char *c = strstr (lower, from); c != NULL; c = strstr (c + 1, from))
    hit = c;
  if (hit == NULL)
    return NULL;

  s = g_string_new_len (base, hit - lower);
  for (gsize i = 0; i < n; i++)
    {
      char original = base[(hit - lower) + i];

      g_string_append_c (s, g_ascii_isupper (original) ? g_ascii_toupper (to[i]) : to[i]);
    }
  g_string_append (s, base + (hit - lower) + n);
  return g_string_free (s, FALSE);
}

/**
 * crk_csv_find_pair:
 * @path: the data or the metadata table
 * @data_path: (out) (transfer full): the data table
 * @meta_path: (out) (transfer full): the metadata table
 * @error: return location for an error
 *
 * Finds the other table of a COINr pair next to @path (see crk-csv-import.h).
 *
 * Returns: %TRUE when both tables were found
 */
gboolean
crk_csv_find_pair (const char *path,
                   char **data_path,
                   char **meta_path,
                   GError **error)
{
  g_auto (GStrv) header = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *companion = NULL;
  gboolean is_meta;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data_path != NULL && meta_path != NULL, FALSE);

  header = read_header (path, error);
  if (header == NULL)
    {
      if (error != NULL && *error != NULL && (*error)->domain != CRK_IMPORT_ERROR)
        {
          GError *e = *error;

          *error = g_error_new (CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, "%s", e->message);
          g_error_free (e);
        }
      return FALSE;
    }
  is_meta = header_has (header, "iCode");
  if (!is_meta && !header_has (header, "uCode"))
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                   _ ("%s: the header has neither a uCode column (a data table) nor an iCode "
                      "column (a metadata table)"),
                   path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  swapped = is_meta ? swap_word (base, "meta", "data") : swap_word (base, "data", "meta");
  if (swapped != NULL)
    {
      g_autofree char *candidate = g_build_filename (dir, swapped, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        companion = g_steal_pointer (&candidate);
    }

  if (companion == NULL)
    {
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;
      guint found = 0;

      while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *candidate = NULL;
          g_auto (GStrv) other = NULL;

          if (strcmp (entry, base) == 0 || !g_str_has_suffix (entry, ".csv"))
            continue;
          candidate = g_build_filename (dir, entry, NULL);
          other = read_header (candidate, NULL);
          if (other == NULL || !header_has (other, is_meta ? "uCode" : "iCode"))
            continue;
          found++;
          g_free (companion);
          companion = g_steal_pointer (&candidate);
        }
      if (found > 1)
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                       is_meta ? _ ("%s: several data tables are next to this metadata table; "
                                    "name the pair X_data.csv and X_meta.csv")
                               : _ ("%s: several metadata tables are next to this data table; "
                                    "name the pair X_data.csv and X_meta.csv"),
                       path);
          return FALSE;
        }
    }

  if (companion == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                   is_meta ? _ ("%s: no data table (with a uCode column) was found next to "
                                "this metadata table")
                           : _ ("%s: no metadata table (with an iCode column) was found next "
                                "to this data table"),
                   path);
      return FALSE;
    }

  *data_path = is_meta ? g_steal_pointer (&companion) : g_strdup (path);
  *meta_path = is_meta ? g_strdup (path) : g_steal_pointer (&companion);
  return TRUE;
}

/**
 * crk_csv_import_guess:
 * @path: either table of a COINr pair
 * @default_year: as for crk_csv_import()
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every
 *   problem found
 * @error: return location for an error
 *
 * Finds the other table with crk_csv_find_pair() and imports the pair.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CrkDataset *
crk_csv_import_guess (const char *path,
                      int default_year,
                      GPtrArray **problems,
                      GError **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *meta_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!crk_csv_find_pair (path, &data_path, &meta_path, error))
    {
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
      return NULL;
    }
  return crk_csv_import (data_path, meta_path, default_year, problems, error);
}
