/* crk-chart-levels.c: the levels of a framework, for charts and the table's score columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-chart.h"

#include "crk-model.h"

typedef struct
{
  guint n_levels;
  guint level;
  GPtrArray *nodes;
} LevelCollect;

/* Pre-order, so that the nodes of one dimension stay together: a node of the level, or a
 * leaf that stops above it (an unbalanced tree), and nothing below either. */
static void
collect_level (CrkFrameworkNode *node, guint depth, LevelCollect *c)
{
  guint level = c->n_levels - depth;

  if (level == c->level || (level > c->level && crk_framework_node_is_leaf (node)))
    {
      g_ptr_array_add (c->nodes, node);
      return;
    }
  for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
    collect_level (crk_framework_node_get_child (node, i), depth + 1, c);
}

/**
 * crk_chart_level_nodes:
 * @dataset: a dataset
 * @level: a level, COINr numbering (indicators 1, the index the top level)
 *
 * The components of a level: its nodes, in the framework's order, and on a branch that
 * ends above the level, the leaf that ends it, so that every indicator is under exactly
 * one of them.
 *
 * Returns: (transfer container) (element-type CrkFrameworkNode): the nodes; empty
 *   without a framework or for a level out of range
 */
GPtrArray *
crk_chart_level_nodes (CrkDataset *dataset, guint level)
{
  LevelCollect c = {0, level, g_ptr_array_new ()};
  CrkFrameworkNode *root;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), c.nodes);

  root = crk_dataset_get_framework (dataset);
  c.n_levels = crk_dataset_get_n_levels (dataset);
  if (root != NULL && level >= 1 && level <= c.n_levels)
    collect_level (root, 0, &c);
  return c.nodes;
}

/**
 * crk_chart_level_get_n_nodes:
 * @dataset: a dataset
 * @level: a level
 *
 * Returns: how many components @level has (see crk_chart_level_nodes())
 */
guint
crk_chart_level_get_n_nodes (CrkDataset *dataset, guint level)
{
  g_autoptr (GPtrArray) nodes = crk_chart_level_nodes (dataset, level);

  return nodes->len;
}

/**
 * crk_chart_level_get_default:
 * @dataset: a dataset
 *
 * The level charts show unless told: the first one from the top with at least three
 * components (the radar needs three axes), else the dimensions.
 *
 * Returns: a level, 0 without a framework
 */
guint
crk_chart_level_get_default (CrkDataset *dataset)
{
  guint n_levels;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), 0);

  n_levels = crk_dataset_get_n_levels (dataset);
  if (n_levels < 2)
    return 0;
  for (guint level = n_levels - 1; level >= 1; level--)
    if (crk_chart_level_get_n_nodes (dataset, level) >= 3)
      return level;
  return n_levels - 1;
}

/**
 * crk_chart_level_resolve:
 * @dataset: a dataset
 * @level: a level, or 0
 *
 * Returns: @level when the framework has it below the index, else the default level
 */
guint
crk_chart_level_resolve (CrkDataset *dataset, guint level)
{
  g_return_val_if_fail (CRK_IS_DATASET (dataset), 0);

  if (level >= 1 && level < crk_dataset_get_n_levels (dataset))
    return level;
  return crk_chart_level_get_default (dataset);
}

/**
 * crk_chart_level_dup_name:
 * @dataset: a dataset
 * @level: a level
 *
 * The name of a level's components: "Index", "Dimensions" (the index's children),
 * "Indicators", "Pillars" (between the dimensions and the indicators of a four-level
 * framework), else "Level 2 of 5".
 *
 * Returns: (transfer full): the name
 */
char *
crk_chart_level_dup_name (CrkDataset *dataset, guint level)
{
  guint n_levels = crk_dataset_get_n_levels (dataset);

  if (level == n_levels)
    return g_strdup (_ ("Index"));
  if (level == 1)
    return g_strdup (_ ("Indicators"));
  if (level + 1 == n_levels)
    return g_strdup (_ ("Dimensions"));
  if (n_levels == 4 && level == 2)
    /* Translators: the components between the dimensions and the indicators */
    return g_strdup (_ ("Pillars"));
  /* Translators: a level of the framework without a name of its own, 1 = the indicators */
  return g_strdup_printf (_ ("Level %u of %u"), level, n_levels);
}
