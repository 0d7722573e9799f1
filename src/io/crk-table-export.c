/* crk-table-export.c: the ranking table as rows and columns, for the clipboard (TSV) and
 * for files (CSV, xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-table-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "crk-table-export.h"

#include "crk-csv-field.h"

typedef enum
{
  COLUMN_RANK,
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_NAME_ZH,
  COLUMN_PROVINCE,
  COLUMN_GROUP,
  COLUMN_SCORE,
  COLUMN_LEVEL, /* the score at one node of the level shown */
  COLUMN_TIER,
  COLUMN_CHANGE,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  guint node; /* COLUMN_LEVEL */
  char *header;
} Column;

struct _CrkRankingTable
{
  CrkResults *results;
  guint node;
  GArray *columns; /* Column */
  GArray *cities;  /* guint: the rows */
};

typedef struct
{
  guint city;
  guint rank;
} Row;

static int
compare_rows (const void *a, const void *b)
{
  const Row *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->city > y->city) - (x->city < y->city);
}

static guint
city_rank (CrkRankingTable *self, guint city)
{
  return self->node == 0 ? crk_results_get_rank (self->results, city)
                         : crk_results_get_node_rank (self->results, self->node, city);
}

/* Ranked cities in rank order (ties in dataset order), then the others. */
static void
set_rank_order (CrkRankingTable *self)
{
  guint n = crk_results_get_n_cities (self->results);
  g_autofree Row *rows = g_new (Row, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      guint rank = city_rank (self, i);

      rows[i].city = i;
      rows[i].rank = rank > 0 ? rank : G_MAXUINT;
    }
  qsort (rows, n, sizeof (Row), compare_rows);
  g_array_set_size (self->cities, 0);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->cities, rows[i].city);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->header);
}

static void
add_column (CrkRankingTable *self, ColumnKind kind, guint node, const char *header)
{
  Column column = {kind, node, g_strdup (header)};

  g_array_append_val (self->columns, column);
}

static const char *
group_attribute (CrkRankingTable *self)
{
  return crk_method_get_group_attribute (crk_results_get_method (self->results));
}

/* Does any city have something in a column of @kind? */
static gboolean
any_city_has (CrkRankingTable *self, ColumnKind kind)
{
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  guint n = crk_results_get_n_cities (self->results);

  for (guint i = 0; i < n; i++)
    {
      CrkCity *city = crk_dataset_get_city (dataset, i);
      const char *text = NULL;

      if (kind == COLUMN_NAME_ZH)
        text = crk_city_get_name_zh (city);
      else if (kind == COLUMN_PROVINCE)
        text = crk_city_get_province (city);
      else if (kind == COLUMN_GROUP)
        text = crk_city_get_attribute (city, group_attribute (self));
      else if (kind == COLUMN_TIER)
        return crk_results_get_n_tiers (self->results) > 0;
      else if (kind == COLUMN_CHANGE)
        {
          int change;

          if (crk_results_get_change (self->results, i, &change, NULL))
            return TRUE;
        }
      if (text != NULL && *text != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
add_columns (CrkRankingTable *self, const guint *level_nodes, guint n_levels)
{
  CrkFrameworkNode *fn = crk_results_get_node (self->results, self->node);
  const char *group = group_attribute (self);

  add_column (self, COLUMN_RANK, 0, _ ("Rank"));
  add_column (self, COLUMN_CODE, 0, _ ("Code"));
  add_column (self, COLUMN_NAME, 0, _ ("Name"));
  if (any_city_has (self, COLUMN_NAME_ZH))
    add_column (self, COLUMN_NAME_ZH, 0, _ ("Chinese name"));
  if (any_city_has (self, COLUMN_PROVINCE))
    add_column (self, COLUMN_PROVINCE, 0, _ ("Province"));
  if (group != NULL && !g_str_equal (group, "province") && any_city_has (self, COLUMN_GROUP))
    add_column (self, COLUMN_GROUP, 0, group);
  add_column (self, COLUMN_SCORE, 0, _ ("Score"));
  if (level_nodes == NULL)
    {
      guint n_children = crk_framework_node_get_n_children (fn);

      for (guint k = 0; k < n_children; k++)
        {
          CrkFrameworkNode *child = crk_framework_node_get_child (fn, k);
          int index = crk_results_lookup_node (self->results, crk_framework_node_get_code (child));

          if (index >= 0)
            add_column (self, COLUMN_LEVEL, index, crk_framework_node_get_display_name (child));
        }
    }
  for (guint k = 0; level_nodes != NULL && k < n_levels; k++)
    if (level_nodes[k] < crk_results_get_n_nodes (self->results))
      add_column (
        self, COLUMN_LEVEL, level_nodes[k],
        crk_framework_node_get_display_name (crk_results_get_node (self->results, level_nodes[k])));
  if (self->node == 0 && any_city_has (self, COLUMN_TIER))
    add_column (self, COLUMN_TIER, 0, _ ("Tier"));
  if (self->node == 0 && crk_results_has_base_year (self->results) &&
      any_city_has (self, COLUMN_CHANGE))
    add_column (self, COLUMN_CHANGE, 0, _ ("Rank change"));
}

CrkRankingTable *
crk_ranking_table_new (CrkResults *results, guint node, const guint *level_nodes, guint n_levels)
{
  CrkRankingTable *self;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  g_return_val_if_fail (node < crk_results_get_n_nodes (results), NULL);

  self = g_new0 (CrkRankingTable, 1);
  self->results = g_object_ref (results);
  self->node = node;
  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->cities = g_array_new (FALSE, FALSE, sizeof (guint));
  add_columns (self, level_nodes, n_levels);
  set_rank_order (self);
  return self;
}

void
crk_ranking_table_free (CrkRankingTable *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->results);
  g_array_unref (self->columns);
  g_array_unref (self->cities);
  g_free (self);
}

void
crk_ranking_table_set_cities (CrkRankingTable *self, const guint *cities, guint n_cities)
{
  guint n = crk_results_get_n_cities (self->results);

  g_return_if_fail (self != NULL);
  g_array_set_size (self->cities, 0);
  for (guint i = 0; i < n_cities; i++)
    if (cities[i] < n)
      g_array_append_val (self->cities, cities[i]);
}

guint
crk_ranking_table_get_n_columns (CrkRankingTable *self)
{
  return self->columns->len;
}

guint
crk_ranking_table_get_n_rows (CrkRankingTable *self)
{
  return self->cities->len;
}

const char *
crk_ranking_table_get_header (CrkRankingTable *self, guint column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).header;
}

static CrkTableCell
number_cell (double value)
{
  CrkTableCell cell = {CRK_TABLE_CELL_EMPTY, NAN, NULL};

  if (isfinite (value))
    {
      cell.kind = CRK_TABLE_CELL_NUMBER;
      cell.number = value;
    }
  return cell;
}

static CrkTableCell
text_cell (const char *text)
{
  CrkTableCell cell = {CRK_TABLE_CELL_EMPTY, NAN, NULL};

  if (text != NULL && *text != '\0')
    {
      cell.kind = CRK_TABLE_CELL_TEXT;
      cell.text = text;
    }
  return cell;
}

CrkTableCell
crk_ranking_table_get_cell (CrkRankingTable *self, guint row, guint column)
{
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  const Column *c;
  CrkCity *city;
  guint index, rank;
  int tier, change;

  g_return_val_if_fail (row < self->cities->len && column < self->columns->len, text_cell (NULL));
  c = &g_array_index (self->columns, Column, column);
  index = g_array_index (self->cities, guint, row);
  city = crk_dataset_get_city (dataset, index);

  switch (c->kind)
    {
      case COLUMN_RANK:
        rank = city_rank (self, index);
        return rank > 0 ? number_cell (rank) : text_cell (NULL);
      case COLUMN_CODE:
        return text_cell (crk_city_get_code (city));
      case COLUMN_NAME:
        return text_cell (crk_city_get_name (city));
      case COLUMN_NAME_ZH:
        return text_cell (crk_city_get_name_zh (city));
      case COLUMN_PROVINCE:
        return text_cell (
          crk_dataset_get_group_display_name (dataset, "province", crk_city_get_province (city)));
      case COLUMN_GROUP:
        return text_cell (crk_dataset_get_group_display_name (
          dataset, group_attribute (self), crk_city_get_attribute (city, group_attribute (self))));
      case COLUMN_SCORE:
        return number_cell (crk_results_get_score (self->results, self->node, index));
      case COLUMN_LEVEL:
        return number_cell (crk_results_get_score (self->results, c->node, index));
      case COLUMN_TIER:
        tier = crk_results_get_tier (self->results, index);
        return text_cell (tier >= 0 ? crk_results_get_tier_name (self->results, tier) : NULL);
      case COLUMN_CHANGE:
        if (crk_results_get_change (self->results, index, &change, NULL))
          return number_cell (change);
        return text_cell (NULL);
      default:
        g_assert_not_reached ();
    }
}

char *
crk_ranking_table_dup_sheet_name (CrkRankingTable *self)
{
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  const char *title = crk_dataset_get_display_title (dataset);
  g_autofree char *year = g_strdup_printf (" %d", crk_results_get_year (self->results));
  glong room = 31 - (glong) strlen (year);
  GString *name = g_string_new (NULL);
  const char *p;

  for (p = title != NULL ? title : ""; *p != '\0' && room > 0; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && strchr ("[]:*?/\\", (int) c) != NULL)
        c = ' ';
      if ((c == '\'' && name->len == 0) || g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (name, c);
      room--;
    }
  /* a long title ends at a word, when it has words */
  if (*p != '\0' && *p != ' ')
    {
      const char *space = strrchr (name->str, ' ');

      if (space != NULL && space - name->str > (gssize) name->len / 3)
        g_string_truncate (name, space - name->str);
    }
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '\''))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, _ ("Ranking"));
  g_string_append (name, year);
  return g_string_free (name, FALSE);
}

/* Text writers -------------------------------------------------------------------- */

/* The shortest of %.15g, %.16g and %.17g that reads back as @value, in the C locale. */
static void
append_number (GString *out, double value)
{
  static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
append_tsv_text (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\r' || *p == '\n') ? ' ' : *p);
}

static char *
to_text (CrkRankingTable *self, gboolean csv)
{
  GString *out = g_string_new (NULL);
  const char *separator = csv ? "," : "\t";
  const char *newline = csv ? "\r\n" : "\n";
  guint n_columns = self->columns->len;

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, separator);
      (csv ? crk_csv_append_field : append_tsv_text) (out, crk_ranking_table_get_header (self, c));
    }
  g_string_append (out, newline);
  for (guint r = 0; r < self->cities->len; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          CrkTableCell cell = crk_ranking_table_get_cell (self, r, c);

          if (c > 0)
            g_string_append (out, separator);
          if (cell.kind == CRK_TABLE_CELL_NUMBER)
            append_number (out, cell.number);
          else if (cell.kind == CRK_TABLE_CELL_TEXT)
            (csv ? crk_csv_append_field : append_tsv_text) (out, cell.text);
        }
      g_string_append (out, newline);
    }
  return g_string_free (out, FALSE);
}

char *
crk_ranking_table_to_tsv (CrkRankingTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return to_text (self, FALSE);
}

char *
crk_ranking_table_to_csv (CrkRankingTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return to_text (self, TRUE);
}

CrkTableFormat
crk_table_format_from_path (const char *path)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return CRK_TABLE_FORMAT_AUTO;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return CRK_TABLE_FORMAT_CSV;
  if (g_ascii_strcasecmp (dot, ".xlsx") == 0)
    return CRK_TABLE_FORMAT_XLSX;
  if (g_ascii_strcasecmp (dot, ".tsv") == 0)
    return CRK_TABLE_FORMAT_TSV;
  return CRK_TABLE_FORMAT_AUTO;
}

/* xlsx ----------------------------------------------------------------------------- */

static gboolean
fail (const char *path, const char *reason, GError **error)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Cannot save “%s”: %s"), path, reason);
  return FALSE;
}

/* Column widths in characters: the longest header or text, numbers 10. */
static double
column_width (CrkRankingTable *self, guint column)
{
  glong width = g_utf8_strlen (crk_ranking_table_get_header (self, column), -1);

  for (guint r = 0; r < self->cities->len; r++)
    {
      CrkTableCell cell = crk_ranking_table_get_cell (self, r, column);
      glong w = 10;

      if (cell.kind == CRK_TABLE_CELL_TEXT)
        {
          w = 0;
          for (const char *p = cell.text; *p != '\0'; p = g_utf8_next_char (p))
            w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
        }
      width = MAX (width, w);
    }
  return CLAMP (width + 2, 6, 48);
}

static lxw_error
write_sheet (CrkRankingTable *self, lxw_workbook *workbook)
{
  g_autofree char *name = crk_ranking_table_dup_sheet_name (self);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *integer = workbook_add_format (workbook);
  lxw_format *score = workbook_add_format (workbook);
  lxw_format *change = workbook_add_format (workbook);
  lxw_error err = LXW_NO_ERROR;

  if (sheet == NULL)
    sheet = workbook_add_worksheet (workbook, NULL);
  if (sheet == NULL || bold == NULL || integer == NULL || score == NULL || change == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  format_set_bold (bold);
  format_set_num_format (integer, "0");
  format_set_num_format (score, "0.00");
  format_set_num_format (change, "+0;-0;0");

  for (guint c = 0; c < self->columns->len && err == LXW_NO_ERROR; c++)
    {
      ColumnKind kind = g_array_index (self->columns, Column, c).kind;
      lxw_format *format = kind == COLUMN_RANK ? integer : kind == COLUMN_CHANGE ? change : score;

      worksheet_set_column (sheet, c, c, column_width (self, c), NULL);
      err = worksheet_write_string (sheet, 0, c, crk_ranking_table_get_header (self, c), bold);
      for (guint r = 0; r < self->cities->len && err == LXW_NO_ERROR; r++)
        {
          CrkTableCell cell = crk_ranking_table_get_cell (self, r, c);

          if (cell.kind == CRK_TABLE_CELL_NUMBER)
            err = worksheet_write_number (sheet, r + 1, c, cell.number, format);
          else if (cell.kind == CRK_TABLE_CELL_TEXT)
            err = worksheet_write_string (sheet, r + 1, c, cell.text, NULL);
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
  return err;
}

/* libxlsxwriter writes to a file name: a temporary file beside @path, renamed over it. */
static gboolean
write_xlsx (CrkRankingTable *self, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, template, NULL);
  lxw_workbook *workbook;
  lxw_error err;
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    return fail (path, g_strerror (EISDIR), error);
  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    return fail (path, g_strerror (errno), error);
  close (fd);

  workbook = workbook_new (tmp);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      return fail (path, lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE), error);
    }
  workbook_set_properties (workbook,
                           &(lxw_doc_properties){.title = (char *) crk_dataset_get_display_title (
                                                   crk_results_get_dataset (self->results))});
  err = write_sheet (self, workbook);
  if (err == LXW_NO_ERROR)
    err = workbook_close (workbook);
  else
    workbook_close (workbook);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      return fail (path, lxw_strerror (err), error);
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return fail (path, g_strerror (saved_errno), error);
    }
  return TRUE;
}

gboolean
crk_ranking_table_write (CrkRankingTable *self,
                         const char *path,
                         CrkTableFormat format,
                         GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == CRK_TABLE_FORMAT_AUTO)
    format = crk_table_format_from_path (path);
  if (format == CRK_TABLE_FORMAT_AUTO)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _ ("Cannot save “%s”: unknown table format (use .csv or .xlsx)"), path);
      return FALSE;
    }
  if (format == CRK_TABLE_FORMAT_XLSX)
    return write_xlsx (self, path, error);

  text = format == CRK_TABLE_FORMAT_CSV ? crk_ranking_table_to_csv (self)
                                        : crk_ranking_table_to_tsv (self);
  /* GLib's atomic writer: a temporary file, flushed, renamed over @path */
  if (!g_file_set_contents_full (
        path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666, error))
    return FALSE;
  return TRUE;
}
