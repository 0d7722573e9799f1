/* crk-csv-import-meta.c: the metadata table of the COINr import (iMeta): its rows, the
 * indicators and the framework tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-csv-import-private.h"

void
_crk_csv_meta_row_free (gpointer data)
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
parse_type (const char *s, MetaType *type)
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

/* The CrkIndicator of an indicator's or a denominator's row. */
static void
read_indicator (CsvTable *meta, MetaColumns *col, MetaRow *row, Problems *p)
{
  const char *file = meta->name;
  CsvRecord *record = row->record;
  const char *code = row->code;
  int line, column;
  CrkIndicator *ind;
  const char *target = text_at (record, col->target);

  ind = row->indicator = crk_indicator_new (
    code,
    row->type == META_INDICATOR ? CRK_INDICATOR_KIND_INDICATOR : CRK_INDICATOR_KIND_DENOMINATOR);
  crk_indicator_set_name (ind, non_empty (text_at (record, col->name)));
  crk_indicator_set_name_zh (ind, non_empty (text_at (record, col->name_zh)));
  crk_indicator_set_unit (ind, non_empty (text_at (record, col->unit)));
  crk_indicator_set_description (ind, non_empty (text_at (record, col->description)));
  crk_indicator_set_description_zh (ind, non_empty (text_at (record, col->description_zh)));
  crk_indicator_set_source (ind, non_empty (text_at (record, col->source)));

  if (row->type == META_INDICATOR)
    {
      const char *direction = text_at (record, col->direction);
      double d, t;

      field_location (record, col->direction, &line, &column);
      if (!_crk_csv_parse_number (direction, meta->delimiter, &d) || (d != 1 && d != -1))
        _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                              _ ("the Direction of “%s” is “%s”, not 1 or -1"), code, direction);
      else
        crk_indicator_set_direction (ind, (int) d);

      field_location (record, col->target, &line, &column);
      if (!is_missing (target))
        {
          if (_crk_csv_parse_number (target, meta->delimiter, &t))
            crk_indicator_set_target (ind, t);
          else
            _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the Target of “%s” is “%s”, not a number"), code, target);
        }
    }
}

/* Reads the metadata rows into @rows (in order) and @by_code. Returns FALSE when the
 * header lacks a required column (nothing else is read then). */
gboolean
_crk_csv_read_meta (CsvTable *meta, GPtrArray *rows, GHashTable *by_code, Problems *p)
{
  const char *file = meta->name;
  MetaColumns col;
  static const char *required[] = {"iCode", "Type", "Level", "Parent", "Weight", "Direction"};
  gboolean complete = TRUE;

  col.code = _crk_csv_find_column (meta, "iCode");
  col.name = _crk_csv_find_column (meta, "iName");
  col.name_zh = _crk_csv_find_column (meta, "iName_zh");
  col.type = _crk_csv_find_column (meta, "Type");
  col.level = _crk_csv_find_column (meta, "Level");
  col.parent = _crk_csv_find_column (meta, "Parent");
  col.weight = _crk_csv_find_column (meta, "Weight");
  col.direction = _crk_csv_find_column (meta, "Direction");
  col.unit = _crk_csv_find_column (meta, "Unit");
  col.target = _crk_csv_find_column (meta, "Target");
  col.denominator = _crk_csv_find_column (meta, "Denominator");
  col.description = _crk_csv_find_column (meta, "Description");
  col.description_zh = _crk_csv_find_column (meta, "Description_zh");
  col.source = _crk_csv_find_column (meta, "Source");

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (_crk_csv_find_column (meta, required[i]) < 0)
      {
        _crk_csv_add_problem (p, file, record_at (meta, 0)->line, 1, CRK_IMPORT_ERROR_INVALID,
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
          _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the row has no iCode"));
          continue;
        }
      earlier = g_hash_table_lookup (by_code, code);
      if (earlier != NULL)
        {
          _crk_csv_add_problem (
            p, file, code_field->line, code_field->column, CRK_IMPORT_ERROR_INVALID,
            _ ("the iCode “%s” is already used on line %d"), code, earlier->record->line);
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
          _crk_csv_add_problem (
            p, file, line, column, CRK_IMPORT_ERROR_INVALID,
            _ ("the Type of “%s” is “%s”, not Indicator, Aggregate, Group or Denominator"), code,
            type);
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
            _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the Level of “%s” is “%s”, not a whole number from 1"), code,
                                  level);
          else if (row->type == META_INDICATOR && lv != 1)
            _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the indicator “%s” has Level %s; indicators are level 1"),
                                  code, level);
          else if (row->type == META_AGGREGATE && lv < 2)
            _crk_csv_add_problem (
              p, file, line, column, CRK_IMPORT_ERROR_INVALID,
              _ ("the aggregate “%s” has Level %s; aggregates are level 2 or above"), code, level);
          else
            row->level = lv;

          field_location (record, col.weight, &line, &column);
          if (weight[0] == '\0' && row->type == META_AGGREGATE && row->parent == NULL)
            row->weight = 1.0;
          else if (!_crk_csv_parse_number (weight, meta->delimiter, &row->weight))
            _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the Weight of “%s” is “%s”, not a number"), code, weight);
          else if (row->weight < 0)
            _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                  _ ("the Weight of “%s” is negative"), code);

          if (row->type == META_INDICATOR && row->parent == NULL)
            {
              field_location (record, col.parent, &line, &column);
              _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
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
        read_indicator (meta, &col, row, p);
    }
  return TRUE;
}

static guint
meta_level (MetaRow *row)
{
  return (guint) row->level;
}

/* Checks parents, levels, roots and denominators, and builds the tree. Returns the root. */
CrkFrameworkNode *
_crk_csv_build_framework (CsvTable *meta, GPtrArray *rows, GHashTable *by_code, Problems *p)
{
  const char *file = meta->name;
  int col_parent = _crk_csv_find_column (meta, "Parent");
  int col_denominator = _crk_csv_find_column (meta, "Denominator");
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
                _crk_csv_add_problem (
                  p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                  _ ("the Denominator of “%s” is “%s”, which is not in the metadata"), row->code,
                  denominator);
              else if (!d->valid_type || d->type != META_DENOMINATOR)
                _crk_csv_add_problem (
                  p, file, line, column, CRK_IMPORT_ERROR_INVALID,
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
          _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the Parent of “%s” is “%s”, which is not in the metadata"),
                                row->code, row->parent);
        else if (!parent->valid_type || parent->type != META_AGGREGATE)
          _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the Parent of “%s” is “%s”, which is not an Aggregate"),
                                row->code, row->parent);
        else if (row->level != 0 && parent->level != 0 && parent->level <= row->level)
          _crk_csv_add_problem (
            p, file, line, column, CRK_IMPORT_ERROR_INVALID,
            _ ("the Parent of “%s” is “%s” at Level %u, not above its own Level %u"), row->code,
            row->parent, meta_level (parent), meta_level (row));
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
      _crk_csv_add_problem (
        p, file, line, column, CRK_IMPORT_ERROR_INVALID,
        _ ("“%s” has no Parent, but only the root (“%s”, line %d) may have none"), row->code,
        root->code, root->record->line);
    }

  if (has_indicators && root == NULL)
    _crk_csv_add_problem (p, file, record_at (meta, 0)->line, 1, CRK_IMPORT_ERROR_INVALID,
                          _ ("no Aggregate is without Parent, so the framework has no root"));

  for (guint i = 0; i < rows->len; i++)
    {
      MetaRow *row = g_ptr_array_index (rows, i);

      if (row->valid_type && row->type == META_AGGREGATE && row->n_children == 0 && row->level != 0)
        {
          field_location (row->record, _crk_csv_find_column (meta, "iCode"), &line, &column);
          _crk_csv_add_problem (p, file, line, column, CRK_IMPORT_ERROR_INVALID,
                                _ ("the aggregate “%s” has no children"), row->code);
        }
    }

  return root != NULL ? root->node : NULL;
}
