/* crk-csv-import-private.h: what the files of the COINr CSV import share: the tables
 * (crk-csv-import-table.c), the metadata (crk-csv-import-meta.c), the data
 * (crk-csv-import-data.c), the import (crk-csv-import.c) and the pair
 * (crk-csv-import-pair.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crk-csv-import.h"

G_BEGIN_DECLS

/* Tokenising */

typedef struct
{
  char *text;
  int line;
  int column;
  gboolean quoted;
} CsvField;

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

void _crk_csv_table_free (CsvTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvTable, _crk_csv_table_free)

void _crk_csv_add_problem (Problems *p,
                           const char *file,
                           int line,
                           int column,
                           CrkImportError code,
                           const char *format,
                           ...) G_GNUC_PRINTF (6, 7);

CsvTable *_crk_csv_parse (const char *name, const char *text, gsize len, Problems *p);
CsvTable *_crk_csv_read (const char *path, Problems *p, GError **error);

static inline gboolean
is_newline (char c)
{
  return c == '\n' || c == '\r';
}

/* Field helpers */

static inline CsvRecord *
record_at (CsvTable *table, guint i)
{
  return g_ptr_array_index (table->records, i);
}

/* The field of @record in column @col, or NULL when the record is short or @col < 0. */
static inline const CsvField *
field_at (CsvRecord *record, int col)
{
  if (col < 0 || (guint) col >= record->fields->len)
    return NULL;
  return &g_array_index (record->fields, CsvField, col);
}

static inline const char *
text_at (CsvRecord *record, int col)
{
  const CsvField *f = field_at (record, col);

  return f != NULL ? f->text : "";
}

/* Where to point at a field that may be absent: the field, or the record's line. */
static inline void
field_location (CsvRecord *record, int col, int *line, int *column)
{
  const CsvField *f = field_at (record, col);

  *line = f != NULL ? f->line : record->line;
  *column = f != NULL ? f->column : 1;
}

static inline gboolean
is_missing (const char *s)
{
  return s[0] == '\0' || g_ascii_strcasecmp (s, "NA") == 0 || g_ascii_strcasecmp (s, "N/A") == 0 ||
    g_ascii_strcasecmp (s, "#N/A") == 0 || g_ascii_strcasecmp (s, "NaN") == 0;
}

static inline gboolean
parse_int (const char *s, gint64 min, gint64 max, gint64 *out)
{
  return g_ascii_string_to_signed (s, 10, min, max, out, NULL);
}

gboolean _crk_csv_parse_number (const char *s, char delimiter, double *out);
GHashTable *_crk_csv_index_header (CsvTable *table, Problems *p);
int _crk_csv_find_column (CsvTable *table, const char *name);
void _crk_csv_check_widths (CsvTable *table, Problems *p);

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

void _crk_csv_meta_row_free (gpointer data);
gboolean _crk_csv_read_meta (CsvTable *meta, GPtrArray *rows, GHashTable *by_code, Problems *p);
CrkFrameworkNode *
_crk_csv_build_framework (CsvTable *meta, GPtrArray *rows, GHashTable *by_code, Problems *p);

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

gboolean _crk_csv_classify_columns (CsvTable *data,
                                    CsvTable *meta,
                                    GHashTable *by_code,
                                    DataColumn *columns,
                                    Problems *p);
void _crk_csv_check_meta_has_columns (CsvTable *meta, CsvTable *data, GPtrArray *rows, Problems *p);
void _crk_csv_read_data (CrkDataset *ds,
                         CsvTable *data,
                         DataColumn *columns,
                         int default_year,
                         Problems *p);

G_END_DECLS
