/* crk-framework-node.h: a node of the framework tree (index, dimensions, indicators)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crk-indicator.h"

G_BEGIN_DECLS

#define CRK_TYPE_FRAMEWORK_NODE (crk_framework_node_get_type ())
G_DECLARE_FINAL_TYPE (CrkFrameworkNode, crk_framework_node, CRK, FRAMEWORK_NODE, GObject)

/* A tree of any depth. The root is the index; leaves stand for indicators and carry the
 * indicator's code as their own code (crk_framework_node_get_indicator() gives the
 * CrkIndicator once the node is in a dataset). Every node has a weight, meaningful only
 * relative to its siblings.
 *
 * Properties: "code" (construct-only), "name", "name-zh", "weight", "parent" (read-only).
 * Levels follow COINr: leaves (indicators) are level 1, the root is the top level;
 * for an unbalanced tree, level = n_levels - depth. */

/* Signal (added with the implementation): "child-added" (CrkFrameworkNode *child), emitted
 * on the parent after crk_framework_node_append_child(); the dataset listens to it. */

CrkFrameworkNode *crk_framework_node_new (const char *code, const char *name);
const char *crk_framework_node_get_code (CrkFrameworkNode *self);
const char *crk_framework_node_get_name (CrkFrameworkNode *self);
void crk_framework_node_set_name (CrkFrameworkNode *self, const char *name);
const char *crk_framework_node_get_name_zh (CrkFrameworkNode *self);
void crk_framework_node_set_name_zh (CrkFrameworkNode *self, const char *name_zh);
/* For a leaf without names of its own, the indicator's display name. */
const char *crk_framework_node_get_display_name (CrkFrameworkNode *self);
double crk_framework_node_get_weight (CrkFrameworkNode *self);
void crk_framework_node_set_weight (CrkFrameworkNode *self, double weight);
CrkFrameworkNode *crk_framework_node_get_parent (CrkFrameworkNode *self);
guint crk_framework_node_get_n_children (CrkFrameworkNode *self);
CrkFrameworkNode *crk_framework_node_get_child (CrkFrameworkNode *self, guint i);
/* Appends @child (takes a reference); @child must have no parent yet. */
void crk_framework_node_append_child (CrkFrameworkNode *self, CrkFrameworkNode *child);
gboolean crk_framework_node_is_leaf (CrkFrameworkNode *self);
/* Depth below the root (root = 0). */
guint crk_framework_node_get_depth (CrkFrameworkNode *self);
/* The indicator of a leaf, NULL for inner nodes or before the tree joins a dataset. */
CrkIndicator *crk_framework_node_get_indicator (CrkFrameworkNode *self);
void crk_framework_node_set_indicator (CrkFrameworkNode *self, CrkIndicator *indicator);

typedef gboolean (*CrkFrameworkVisitFunc) (CrkFrameworkNode *node, gpointer user_data);
/* Pre-order walk; stops when @func returns FALSE. */
void
crk_framework_node_foreach (CrkFrameworkNode *self, CrkFrameworkVisitFunc func, gpointer user_data);

G_END_DECLS
