/* crk-framework-node.c: a node of the framework tree (index, dimensions, indicators)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-framework-node"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-framework-node.h"
#include "crk-locale.h"

struct _CrkFrameworkNode
{
  GObject parent_instance;

  char *code;
  char *name;
  char *name_zh;
  double weight;
  CrkFrameworkNode *parent; /* not owned */
  GPtrArray *children;      /* owned CrkFrameworkNode */
  CrkIndicator *indicator;  /* owned */
};

G_DEFINE_FINAL_TYPE (CrkFrameworkNode, crk_framework_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_WEIGHT,
  PROP_PARENT,
  N_PROPS
};

enum
{
  CHILD_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
crk_framework_node_dispose (GObject *object)
{
  CrkFrameworkNode *self = (CrkFrameworkNode *) object;

  /* Children that outlive us must not point at a dead parent. */
  if (self->children != NULL)
    {
      for (guint i = 0; i < self->children->len; i++)
        ((CrkFrameworkNode *) g_ptr_array_index (self->children, i))->parent = NULL;
      g_clear_pointer (&self->children, g_ptr_array_unref);
    }
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (crk_framework_node_parent_class)->dispose (object);
}

static void
crk_framework_node_finalize (GObject *object)
{
  CrkFrameworkNode *self = (CrkFrameworkNode *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_zh);

  G_OBJECT_CLASS (crk_framework_node_parent_class)->finalize (object);
}

static void
crk_framework_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkFrameworkNode *self = CRK_FRAMEWORK_NODE (object);

  switch (prop_id)
    {
      case PROP_CODE:
        g_value_set_string (value, self->code);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_NAME_ZH:
        g_value_set_string (value, self->name_zh);
        break;
      case PROP_WEIGHT:
        g_value_set_double (value, self->weight);
        break;
      case PROP_PARENT:
        g_value_set_object (value, self->parent);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_framework_node_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  CrkFrameworkNode *self = CRK_FRAMEWORK_NODE (object);

  switch (prop_id)
    {
      case PROP_CODE:
        self->code = g_value_dup_string (value);
        break;
      case PROP_NAME:
        crk_framework_node_set_name (self, g_value_get_string (value));
        break;
      case PROP_NAME_ZH:
        crk_framework_node_set_name_zh (self, g_value_get_string (value));
        break;
      case PROP_WEIGHT:
        crk_framework_node_set_weight (self, g_value_get_double (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_framework_node_class_init (CrkFrameworkNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crk_framework_node_dispose;
  object_class->finalize = crk_framework_node_finalize;
  object_class->get_property = crk_framework_node_get_property;
  object_class->set_property = crk_framework_node_set_property;

  properties[PROP_CODE] = g_param_spec_string (
    "code", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, CRK_TYPE_FRAMEWORK_NODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrkFrameworkNode::child-added:
   * @self: the parent
   * @child: the appended child
   */
  signals[CHILD_ADDED] =
    g_signal_new ("child-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRK_TYPE_FRAMEWORK_NODE);
}

static void
crk_framework_node_init (CrkFrameworkNode *self)
{
  self->weight = 1.0;
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * crk_framework_node_new:
 * @code: the node's code (for a leaf: its indicator's code)
 * @name: (nullable): its English name
 *
 * Returns: (transfer full): a new node with weight 1 and no parent
 */
CrkFrameworkNode *
crk_framework_node_new (const char *code, const char *name)
{
  g_return_val_if_fail (code != NULL && *code != '\0', NULL);

  return g_object_new (CRK_TYPE_FRAMEWORK_NODE, "code", code, "name", name, NULL);
}

const char *
crk_framework_node_get_code (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  return self->code;
}

const char *
crk_framework_node_get_name (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  return self->name;
}

void
crk_framework_node_set_name (CrkFrameworkNode *self, const char *name)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
crk_framework_node_get_name_zh (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  return self->name_zh;
}

void
crk_framework_node_set_name_zh (CrkFrameworkNode *self, const char *name_zh)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));

  if (g_strcmp0 (self->name_zh, name_zh) == 0)
    return;
  g_free (self->name_zh);
  self->name_zh = g_strdup (name_zh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_ZH]);
}

/**
 * crk_framework_node_get_display_name:
 * @self: a node
 *
 * Returns: the node's name in the user's language, else its other name; for a leaf
 *   without names, its indicator's display name; else the code
 */
const char *
crk_framework_node_get_display_name (CrkFrameworkNode *self)
{
  const char *name;

  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);

  name = crk_locale_pick (self->name, self->name_zh);
  if (name != NULL)
    return name;
  if (self->indicator != NULL && self->children->len == 0)
    return crk_indicator_get_display_name (self->indicator);
  return self->code;
}

double
crk_framework_node_get_weight (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NAN);
  return self->weight;
}

void
crk_framework_node_set_weight (CrkFrameworkNode *self, double weight)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));

  if (self->weight == weight || (isnan (self->weight) && isnan (weight)))
    return;
  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

/**
 * crk_framework_node_get_parent:
 * @self: a node
 *
 * Returns: (nullable) (transfer none): the parent, %NULL for the root
 */
CrkFrameworkNode *
crk_framework_node_get_parent (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  return self->parent;
}

guint
crk_framework_node_get_n_children (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), 0);
  return self->children->len;
}

/**
 * crk_framework_node_get_child:
 * @self: a node
 * @i: a child index
 *
 * Returns: (transfer none): the @i-th child
 */
CrkFrameworkNode *
crk_framework_node_get_child (CrkFrameworkNode *self, guint i)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  g_return_val_if_fail (i < self->children->len, NULL);
  return g_ptr_array_index (self->children, i);
}

/**
 * crk_framework_node_append_child:
 * @self: a node
 * @child: a node without parent, not an ancestor of @self
 *
 * Appends @child (taking a reference) and emits #CrkFrameworkNode::child-added.
 */
void
crk_framework_node_append_child (CrkFrameworkNode *self, CrkFrameworkNode *child)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (child));
  g_return_if_fail (child->parent == NULL);

  for (CrkFrameworkNode *n = self; n != NULL; n = n->parent)
    g_return_if_fail (n != child);

  g_ptr_array_add (self->children, g_object_ref (child));
  child->parent = self;
  g_object_notify_by_pspec (G_OBJECT (child), properties[PROP_PARENT]);
  g_signal_emit (self, signals[CHILD_ADDED], 0, child);
}

gboolean
crk_framework_node_is_leaf (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), FALSE);
  return self->children->len == 0;
}

/**
 * crk_framework_node_get_depth:
 * @self: a node
 *
 * Returns: the number of ancestors (0 for the root)
 */
guint
crk_framework_node_get_depth (CrkFrameworkNode *self)
{
  guint depth = 0;

  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), 0);

  for (CrkFrameworkNode *n = self->parent; n != NULL; n = n->parent)
    depth++;
  return depth;
}

/**
 * crk_framework_node_get_indicator:
 * @self: a node
 *
 * Returns: (nullable) (transfer none): the indicator of a linked leaf
 */
CrkIndicator *
crk_framework_node_get_indicator (CrkFrameworkNode *self)
{
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (self), NULL);
  return self->children->len == 0 ? self->indicator : NULL;
}

/**
 * crk_framework_node_set_indicator:
 * @self: a node
 * @indicator: (nullable): the indicator of this leaf
 *
 * Links a leaf to its indicator. The dataset does this for leaves whose code matches.
 */
void
crk_framework_node_set_indicator (CrkFrameworkNode *self, CrkIndicator *indicator)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));
  g_return_if_fail (indicator == NULL || CRK_IS_INDICATOR (indicator));

  g_set_object (&self->indicator, indicator);
}

static gboolean
foreach_rec (CrkFrameworkNode *node, CrkFrameworkVisitFunc func, gpointer user_data)
{
  if (!func (node, user_data))
    return FALSE;
  for (guint i = 0; i < node->children->len; i++)
    if (!foreach_rec (g_ptr_array_index (node->children, i), func, user_data))
      return FALSE;
  return TRUE;
}

/**
 * crk_framework_node_foreach:
 * @self: the node to start from
 * @func: (scope call): called for @self and every descendant, parents before children
 * @user_data: data for @func
 *
 * Walks the subtree in pre-order; stops as soon as @func returns %FALSE.
 */
void
crk_framework_node_foreach (CrkFrameworkNode *self, CrkFrameworkVisitFunc func, gpointer user_data)
{
  g_return_if_fail (CRK_IS_FRAMEWORK_NODE (self));
  g_return_if_fail (func != NULL);

  foreach_rec (self, func, user_data);
}
