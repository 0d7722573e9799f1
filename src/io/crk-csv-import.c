/* crk-csv-import.c: importing a dataset from CSV tables in COINr's layout
 *
 * The import of a pair of tables and its problems; the parts are in
 * crk-csv-import-table.c (tokenising, fields, numbers), crk-csv-import-meta.c (the
 * metadata table and the framework), crk-csv-import-data.c (the data table) and
 * crk-csv-import-pair.c (finding the pair) (crk-csv-import-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-csv-import-private.h"
#include "crk-dataset-rules.h"

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
    field_location (row->record, _crk_csv_find_column (l->meta, "iCode"), line, column);
}

static void
check_rules (CrkDataset *ds, CsvTable *meta, GHashTable *by_code, Problems *p)
{
  RuleLocator l = {meta, by_code};
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);

  crk_dataset_check_rules (ds, locate_rule, &l, found);
  for (guint i = 0; i < found->len; i++)
    {
      CrkProblem *q = g_ptr_array_index (found, i);

      _crk_csv_add_problem (p, q->file, q->line, q->column, q->code, "%s", q->message);
    }
}

static CrkDataset *
import_tables (CsvTable *data, CsvTable *meta, int default_year, Problems *p)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (_crk_csv_meta_row_free);
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) meta_header = NULL;
  g_autoptr (GHashTable) data_header = NULL;
  g_autofree DataColumn *columns = NULL;
  g_autofree char *title = NULL;
  CrkFrameworkNode *root;
  guint width;

  if (meta->records->len == 0)
    {
      _crk_csv_add_problem (p, meta->name, 1, 1, CRK_IMPORT_ERROR_MALFORMED,
                            _ ("the file is empty"));
      return NULL;
    }
  if (data->records->len == 0)
    {
      _crk_csv_add_problem (p, data->name, 1, 1, CRK_IMPORT_ERROR_MALFORMED,
                            _ ("the file is empty"));
      return NULL;
    }

  meta_header = _crk_csv_index_header (meta, p);
  data_header = _crk_csv_index_header (data, p);
  _crk_csv_check_widths (meta, p);
  _crk_csv_check_widths (data, p);

  crk_dataset_begin_bulk (ds);

  if (!_crk_csv_read_meta (meta, rows, by_code, p))
    {
      crk_dataset_end_bulk (ds);
      return NULL;
    }
  root = _crk_csv_build_framework (meta, rows, by_code, p);

  width = record_at (data, 0)->fields->len;
  columns = g_new0 (DataColumn, width);
  if (_crk_csv_classify_columns (data, meta, by_code, columns, p))
    {
      _crk_csv_check_meta_has_columns (meta, data, rows, p);

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

      _crk_csv_read_data (ds, data, columns, default_year != 0 ? default_year : current_year (), p);
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
compare_problems (gconstpointer a, gconstpointer b)
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
finish (Problems *p, GPtrArray **problems, GError **error)
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

  meta = _crk_csv_read (meta_path, &p, &local_error);
  if (local_error == NULL)
    data = _crk_csv_read (data_path, &p, &local_error);
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
crk_csv_import_guess (const char *path, int default_year, GPtrArray **problems, GError **error)
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
