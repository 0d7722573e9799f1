/* crk-csv-import-data.c: the data table of the COINr import (iData): its columns, the
 * cities, years and values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-csv-import-private.h"
#include "crk-io-limits.h"

static DataRole
special_role (const char *name)
{
  static const struct
  {
    const char *name;
    DataRole role;
  } specials[] = {
    {"uCode", DATA_CODE}, {"uName", DATA_NAME},        {"uName_zh", DATA_NAME_ZH},
    {"Time", DATA_TIME},  {"province", DATA_PROVINCE}, {"region", DATA_REGION},
  };

  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    if (g_ascii_strcasecmp (name, specials[i].name) == 0)
      return specials[i].role;
  return DATA_IGNORED;
}

/* Classifies the data columns; returns FALSE when uCode is missing. */
gboolean
_crk_csv_classify_columns (CsvTable *data,
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
          /* A repeated column was reported by _crk_csv_index_header(); keep the first. */
          if (!seen[role])
            columns[c].role = role;
          seen[role] = TRUE;
          continue;
        }

      row = g_hash_table_lookup (by_code, f->text);
      if (row == NULL)
        {
          _crk_csv_add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the column “%s” is not in the metadata"), f->text);
          continue;
        }
      if (!row->valid_type)
        continue;
      if (row->data_column >= 0)
        continue; /* a duplicate header, reported by _crk_csv_index_header() */
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
            _crk_csv_add_problem (
              p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
              _ ("the column “%s” is an Aggregate in the metadata; data columns hold "
                 "indicators, denominators or groups"),
              f->text);
            break;
        }
    }

  if (!seen[DATA_CODE])
    _crk_csv_add_problem (p, data->name, header->line, 1, CRK_IMPORT_ERROR_INVALID,
                          _ ("the data table has no “uCode” column"));

  return seen[DATA_CODE];
}

void
_crk_csv_check_meta_has_columns (CsvTable *meta, CsvTable *data, GPtrArray *rows, Problems *p)
{
  int col_code = _crk_csv_find_column (meta, "iCode");

  for (guint i = 0; i < rows->len; i++)
    {
      MetaRow *row = g_ptr_array_index (rows, i);
      const CsvField *f;

      if (!row->valid_type || row->data_column >= 0)
        continue;
      if (row->type != META_INDICATOR && row->type != META_DENOMINATOR)
        continue;
      f = field_at (row->record, col_code);
      _crk_csv_add_problem (p, meta->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                            row->type == META_INDICATOR
                              ? _ ("the indicator “%s” has no column in the data table %s")
                              : _ ("the denominator “%s” has no column in the data table %s"),
                            row->code, data->name);
    }
}

/* The cities and indicators are known: refuses a grid, or more values than rows × value
 * columns, over the memory budget before any value is stored. */
static gboolean
check_budget (CrkDataset *ds, CsvTable *data, guint n_value_columns, Problems *p)
{
  g_autofree char *message = NULL;
  guint64 most = (guint64) (data->records->len - 1) * n_value_columns;

  if (crk_io_check_grid (crk_dataset_get_n_cities (ds), crk_dataset_get_n_indicators (ds),
                         &message) &&
      crk_io_check_values (most, &message))
    return TRUE;
  _crk_csv_add_problem (p, data->name, 1, 1, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
  return FALSE;
}

/* Names and groups: the first non-empty value of the unit's rows. */
static void
fill_city (CrkCity *city, CsvRecord *record, DataColumn *columns, guint width)
{
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
}

void
_crk_csv_read_data (CrkDataset *ds,
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
  g_autoptr (GArray) row_cities =
    g_array_sized_new (FALSE, TRUE, sizeof (guint), data->records->len);

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
              _crk_csv_add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                                    _ ("the Time of the row is “%s”, not a year"), time);
              continue;
            }
          year = (int) y;
        }

      if (code[0] == '\0')
        {
          field_location (record, col_code, &line, &column);
          _crk_csv_add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the row has no uCode"));
          continue;
        }

      key = g_strdup_printf ("%d\n%s", year, code);
      if (g_hash_table_lookup_extended (seen, key, NULL, &earlier))
        {
          field_location (record, col_code, &line, &column);
          if (col_time >= 0)
            _crk_csv_add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the unit “%s” already has a row for %d on line %d"), code,
                                  year, GPOINTER_TO_INT (earlier));
          else
            _crk_csv_add_problem (p, data->name, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the uCode “%s” is already used on line %d"), code,
                                  GPOINTER_TO_INT (earlier));
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

      fill_city (city, record, columns, width);

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
          if (!_crk_csv_parse_number (f->text, data->delimiter, &v))
            {
              _crk_csv_add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_INVALID,
                                    _ ("the value of “%s” for “%s” is “%s”, not a number"),
                                    columns[c].meta->code, text_at (record, col_code), f->text);
              continue;
            }
          if (!crk_dataset_try_set_value (ds, city, columns[c].indicator, year, v,
                                          CRK_VALUE_STATUS_OBSERVED, NULL))
            {
              _crk_csv_add_problem (p, data->name, f->line, f->column, CRK_IMPORT_ERROR_HOSTILE,
                                    _ ("out of memory; refusing the file"));
              return;
            }
        }
    }
}
