/* crk-test-build.c: datasets built in code for the analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-test-build"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "crk-test-build.h"

CrkDataset *
crk_test_build (guint n_cities,
                guint n_indicators,
                const double *values,
                const int *directions,
                const char *const *parents)
{
  CrkDataset *dataset = crk_dataset_new ();
  CrkFrameworkNode *root = crk_framework_node_new ("IDX", "Index");
  g_autoptr (GHashTable) dims = g_hash_table_new (g_str_hash, g_str_equal);
  guint year;

  year = crk_dataset_add_year (dataset, CRK_TEST_YEAR);
  for (guint i = 0; i < n_cities; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autofree char *name = g_strdup_printf ("City %u", i);
      g_autoptr (CrkCity) city = crk_city_new (code, name);

      crk_dataset_add_city (dataset, city);
    }
  for (guint k = 0; k < n_indicators; k++)
    {
      g_autofree char *code = g_strdup_printf ("I%u", k);
      g_autoptr (CrkIndicator) indicator = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);
      const char *parent = parents != NULL ? parents[k] : "D1";
      CrkFrameworkNode *dim = g_hash_table_lookup (dims, parent);
      CrkFrameworkNode *leaf;

      crk_indicator_set_name (indicator, code);
      crk_indicator_set_direction (indicator, directions != NULL ? directions[k] : 1);
      crk_dataset_add_indicator (dataset, indicator);
      if (dim == NULL)
        {
          dim = crk_framework_node_new (parent, parent);
          crk_framework_node_append_child (root, dim);
          g_object_unref (dim);
          g_hash_table_insert (dims, (gpointer) parent, dim);
        }
      leaf = crk_framework_node_new (code, NULL);
      crk_framework_node_append_child (dim, leaf);
      g_object_unref (leaf);
    }
  crk_dataset_set_framework (dataset, root);
  g_object_unref (root);
  for (guint k = 0; k < n_indicators; k++)
    for (guint i = 0; i < n_cities; i++)
      crk_dataset_set_value (dataset, i, k, year, values[k * n_cities + i],
                             CRK_VALUE_STATUS_OBSERVED);
  return dataset;
}

/* RFC 4180 fields of one line (no embedded newlines in these files). */
static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else if (*p == '\0')
            break;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == '\0' || *p == '\r')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p != ',')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

static GPtrArray *
read_csv (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, split_csv_line (lines[i]));
  return rows;
}

static int
column (GPtrArray *header, const char *name)
{
  for (guint j = 0; j < header->len; j++)
    if (g_str_equal (g_ptr_array_index (header, j), name))
      return j;
  return -1;
}

#define FIELD(row, j) ((const char *) g_ptr_array_index ((row), (j)))

CrkDataset *
crk_test_load_asem (const char *dir, GError **error)
{
  g_autofree char *data_path = g_build_filename (dir, "asem_idata.csv", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "asem_imeta.csv", NULL);
  g_autoptr (GPtrArray) data = NULL;
  g_autoptr (GPtrArray) meta = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (GHashTable) nodes =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GPtrArray *mh, *dh;
  int m_code, m_name, m_type, m_level, m_parent, m_weight, m_dir, m_den;
  int year_index;
  CrkFrameworkNode *root = NULL;

  data = read_csv (data_path, error);
  if (data == NULL)
    return NULL;
  meta = read_csv (meta_path, error);
  if (meta == NULL)
    return NULL;
  mh = g_ptr_array_index (meta, 0);
  dh = g_ptr_array_index (data, 0);
  m_code = column (mh, "iCode");
  m_name = column (mh, "iName");
  m_type = column (mh, "Type");
  m_level = column (mh, "Level");
  m_parent = column (mh, "Parent");
  m_weight = column (mh, "Weight");
  m_dir = column (mh, "Direction");
  m_den = column (mh, "Denominator");
  g_assert (m_code >= 0 && m_name >= 0 && m_type >= 0 && m_level >= 0 && m_parent >= 0 &&
            m_weight >= 0 && m_dir >= 0 && m_den >= 0);

  dataset = crk_dataset_new ();
  year_index = crk_dataset_add_year (dataset, 2018);

  /* indicators and denominators, in file order */
  for (guint r = 1; r < meta->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (meta, r);
      const char *type = FIELD (row, m_type);
      g_autoptr (CrkIndicator) indicator = NULL;

      if (g_str_equal (type, "Indicator"))
        {
          indicator = crk_indicator_new (FIELD (row, m_code), CRK_INDICATOR_KIND_INDICATOR);
          crk_indicator_set_direction (indicator, atoi (FIELD (row, m_dir)));
          if (*FIELD (row, m_den) != '\0')
            crk_indicator_set_denominator (indicator, FIELD (row, m_den));
        }
      else if (g_str_equal (type, "Denominator"))
        indicator = crk_indicator_new (FIELD (row, m_code), CRK_INDICATOR_KIND_DENOMINATOR);
      else
        continue;
      crk_indicator_set_name (indicator, FIELD (row, m_name));
      crk_dataset_add_indicator (dataset, indicator);
    }

  /* the framework: aggregates from the top level down, then the indicators */
  for (int level = 4; level >= 1; level--)
    for (guint r = 1; r < meta->len; r++)
      {
        GPtrArray *row = g_ptr_array_index (meta, r);
        const char *type = FIELD (row, m_type);
        CrkFrameworkNode *node;

        if ((!g_str_equal (type, "Aggregate") && !g_str_equal (type, "Indicator")) ||
            atoi (FIELD (row, m_level)) != level)
          continue;
        node = crk_framework_node_new (
          FIELD (row, m_code), g_str_equal (type, "Aggregate") ? FIELD (row, m_name) : NULL);
        crk_framework_node_set_weight (node, g_ascii_strtod (FIELD (row, m_weight), NULL));
        if (*FIELD (row, m_parent) == '\0')
          root = g_object_ref (node);
        else
          {
            CrkFrameworkNode *parent = g_hash_table_lookup (nodes, FIELD (row, m_parent));

            g_assert (parent != NULL);
            crk_framework_node_append_child (parent, node);
          }
        g_hash_table_insert (nodes, g_strdup (FIELD (row, m_code)), node);
      }
  g_assert (root != NULL);
  crk_dataset_set_framework (dataset, root);
  g_object_unref (root);

  /* cities and values */
  for (guint r = 1; r < data->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (data, r);
      g_autoptr (CrkCity) city =
        crk_city_new (FIELD (row, column (dh, "uCode")), FIELD (row, column (dh, "uName")));
      guint ci;

      for (guint j = 0; j < dh->len; j++)
        if (g_str_has_suffix (FIELD (dh, j), "_group"))
          crk_city_set_attribute (city, FIELD (dh, j), FIELD (row, j));
      crk_dataset_add_city (dataset, city);
      ci = crk_city_get_index (city);
      for (guint j = 0; j < dh->len; j++)
        {
          CrkIndicator *indicator = crk_dataset_lookup_indicator (dataset, FIELD (dh, j));
          const char *text = FIELD (row, j);

          if (indicator == NULL)
            continue;
          crk_dataset_set_value (dataset, ci, crk_indicator_get_index (indicator), year_index,
                                 *text == '\0' ? NAN : g_ascii_strtod (text, NULL),
                                 CRK_VALUE_STATUS_OBSERVED);
        }
    }
  return g_steal_pointer (&dataset);
}
