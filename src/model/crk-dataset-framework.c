/* crk-dataset-framework.c: the dataset's framework: the tree, its index of codes, its
 * levels and dimensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include "crk-dataset-private.h"

static void
on_node_notify (CrkFrameworkNode *node, GParamSpec *pspec, CrkDataset *self)
{
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_FRAMEWORK);
}

static void
on_node_child_added (CrkFrameworkNode *parent, CrkFrameworkNode *child, CrkDataset *self);

static gboolean
connect_node (CrkFrameworkNode *node, gpointer user_data)
{
  CrkDataset *self = user_data;
  const char *code = crk_framework_node_get_code (node);

  if (!g_hash_table_contains (self->node_index, code))
    g_hash_table_insert (self->node_index, (gpointer) code, node);
  if (crk_framework_node_is_leaf (node))
    crk_framework_node_set_indicator (node, g_hash_table_lookup (self->indicator_index, code));
  g_signal_connect (node, "notify", G_CALLBACK (on_node_notify), self);
  g_signal_connect (node, "child-added", G_CALLBACK (on_node_child_added), self);
  return TRUE;
}

static gboolean
disconnect_node (CrkFrameworkNode *node, gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (node, user_data);
  return TRUE;
}

void
_crk_dataset_disconnect_tree (CrkDataset *self, CrkFrameworkNode *root)
{
  crk_framework_node_foreach (root, disconnect_node, self);
}

static void
framework_structure_changed (CrkDataset *self)
{
  self->n_levels = G_MAXUINT;
  self->dimensions_valid = FALSE;
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_FRAMEWORK);
}

static void
on_node_child_added (CrkFrameworkNode *parent, CrkFrameworkNode *child, CrkDataset *self)
{
  /* The parent may have been a leaf linked to an indicator until now. */
  crk_framework_node_set_indicator (parent, NULL);
  crk_framework_node_foreach (child, connect_node, self);
  framework_structure_changed (self);
}

/**
 * crk_dataset_get_framework:
 * @self: a dataset
 *
 * Returns: (nullable) (transfer none): the root of the framework (the index)
 */
CrkFrameworkNode *
crk_dataset_get_framework (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  return self->framework;
}

/**
 * crk_dataset_set_framework:
 * @self: a dataset
 * @root: (nullable): the root of a framework tree (no parent), or %NULL
 *
 * Replaces the framework and links every leaf to the indicator of the same code.
 */
void
crk_dataset_set_framework (CrkDataset *self, CrkFrameworkNode *root)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (root == NULL || CRK_IS_FRAMEWORK_NODE (root));
  g_return_if_fail (root == NULL || crk_framework_node_get_parent (root) == NULL);

  if (self->framework == root)
    return;

  if (self->framework != NULL)
    {
      _crk_dataset_disconnect_tree (self, self->framework);
      g_clear_object (&self->framework);
    }
  g_hash_table_remove_all (self->node_index);

  if (root != NULL)
    {
      self->framework = g_object_ref (root);
      crk_framework_node_foreach (root, connect_node, self);
    }
  framework_structure_changed (self);
}

/**
 * crk_dataset_lookup_node:
 * @self: a dataset
 * @code: a node code
 *
 * Returns: (nullable) (transfer none): the framework node with @code (the first in
 *   pre-order when codes repeat)
 */
CrkFrameworkNode *
crk_dataset_lookup_node (CrkDataset *self, const char *code)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->node_index, code);
}

static gboolean
max_depth_visit (CrkFrameworkNode *node, gpointer user_data)
{
  guint *max_depth = user_data;

  if (crk_framework_node_is_leaf (node))
    *max_depth = MAX (*max_depth, crk_framework_node_get_depth (node));
  return TRUE;
}

/**
 * crk_dataset_get_n_levels:
 * @self: a dataset
 *
 * Returns: the number of levels (the deepest leaf's depth + 1), 0 without a framework
 */
guint
crk_dataset_get_n_levels (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  if (self->framework == NULL)
    return 0;
  if (self->n_levels == G_MAXUINT)
    {
      guint max_depth = 0;

      crk_framework_node_foreach (self->framework, max_depth_visit, &max_depth);
      self->n_levels = max_depth + 1;
    }
  return self->n_levels;
}

/**
 * crk_dataset_get_node_level:
 * @self: a dataset
 * @node: a node of its framework
 *
 * Returns: the node's COINr level, n_levels - depth (the root is the top level)
 */
guint
crk_dataset_get_node_level (CrkDataset *self, CrkFrameworkNode *node)
{
  guint n_levels, depth;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (node), 0);

  n_levels = crk_dataset_get_n_levels (self);
  depth = crk_framework_node_get_depth (node);
  g_return_val_if_fail (depth < n_levels, 0);
  return n_levels - depth;
}

/**
 * crk_dataset_get_dimensions:
 * @self: a dataset
 *
 * Returns: (transfer none) (element-type CrkFrameworkNode): the root's children (empty
 *   without a framework), valid until the framework changes
 */
GPtrArray *
crk_dataset_get_dimensions (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);

  if (!self->dimensions_valid)
    {
      g_ptr_array_set_size (self->dimensions, 0);
      if (self->framework != NULL)
        for (guint i = 0; i < crk_framework_node_get_n_children (self->framework); i++)
          g_ptr_array_add (self->dimensions, crk_framework_node_get_child (self->framework, i));
      self->dimensions_valid = TRUE;
    }
  return self->dimensions;
}
