/* test-framework.c: the framework tree, its levels and its links to indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-dataset.h"
#include "crk-locale.h"

static CrkFrameworkNode *
add (CrkFrameworkNode *parent, const char *code, double weight)
{
  g_autoptr (CrkFrameworkNode) node = crk_framework_node_new (code, NULL);

  crk_framework_node_set_weight (node, weight);
  if (parent != NULL)
    crk_framework_node_append_child (parent, node);
  return node; /* borrowed: the parent holds it */
}

/* Index -> D1 (i1, i2), D2 (i3): balanced, 3 levels. */
static CrkFrameworkNode *
balanced_tree (void)
{
  CrkFrameworkNode *root = crk_framework_node_new ("Index", "Index");
  CrkFrameworkNode *d1 = add (root, "D1", 2);
  CrkFrameworkNode *d2 = add (root, "D2", 1);

  add (d1, "i1", 1);
  add (d1, "i2", 3);
  add (d2, "i3", 1);
  return root;
}

static void
test_framework_tree (void)
{
  CrkFrameworkNode *root = balanced_tree ();
  CrkFrameworkNode *d1 = crk_framework_node_get_child (root, 0);
  CrkFrameworkNode *i2 = crk_framework_node_get_child (d1, 1);
  CrkFrameworkNode *parent = NULL;

  g_assert_cmpuint (crk_framework_node_get_n_children (root), ==, 2);
  g_assert_null (crk_framework_node_get_parent (root));
  g_assert_true (crk_framework_node_get_parent (d1) == root);
  g_assert_true (crk_framework_node_get_parent (i2) == d1);
  g_object_get (i2, "parent", &parent, NULL);
  g_assert_true (parent == d1);
  g_object_unref (parent);

  g_assert_cmpuint (crk_framework_node_get_depth (root), ==, 0);
  g_assert_cmpuint (crk_framework_node_get_depth (d1), ==, 1);
  g_assert_cmpuint (crk_framework_node_get_depth (i2), ==, 2);
  g_assert_false (crk_framework_node_is_leaf (root));
  g_assert_true (crk_framework_node_is_leaf (i2));
  g_assert_cmpfloat (crk_framework_node_get_weight (i2), ==, 3);
  g_assert_cmpfloat (crk_framework_node_get_weight (root), ==, 1);
  g_assert_null (crk_framework_node_get_indicator (i2));

  g_assert_finalize_object (root);
}

static gboolean
collect_cb (CrkFrameworkNode *node, gpointer user_data)
{
  GString *s = user_data;

  g_string_append_printf (s, "%s ", crk_framework_node_get_code (node));
  return TRUE;
}

static gboolean
stop_at_i2_cb (CrkFrameworkNode *node, gpointer user_data)
{
  collect_cb (node, user_data);
  return g_strcmp0 (crk_framework_node_get_code (node), "i2") != 0;
}

static void
test_framework_foreach (void)
{
  CrkFrameworkNode *root = balanced_tree ();
  g_autoptr (GString) s = g_string_new (NULL);

  crk_framework_node_foreach (root, collect_cb, s);
  g_assert_cmpstr (s->str, ==, "Index D1 i1 i2 D2 i3 ");
  g_string_truncate (s, 0);
  crk_framework_node_foreach (root, stop_at_i2_cb, s);
  g_assert_cmpstr (s->str, ==, "Index D1 i1 i2 ");
  g_string_truncate (s, 0);
  crk_framework_node_foreach (crk_framework_node_get_child (root, 1), collect_cb, s);
  g_assert_cmpstr (s->str, ==, "D2 i3 ");

  g_assert_finalize_object (root);
}

static void
test_framework_levels_balanced (void)
{
  CrkDataset *ds = crk_dataset_new ();
  CrkFrameworkNode *root = balanced_tree ();
  CrkFrameworkNode *d1 = crk_framework_node_get_child (root, 0);
  GPtrArray *dims;

  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 0);
  crk_dataset_set_framework (ds, root);
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 3);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, root), ==, 3);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, d1), ==, 2);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, crk_framework_node_get_child (d1, 0)), ==, 1);

  dims = crk_dataset_get_dimensions (ds);
  g_assert_cmpuint (dims->len, ==, 2);
  g_assert_true (g_ptr_array_index (dims, 0) == d1);
  g_assert_true (crk_dataset_lookup_node (ds, "i3") ==
                 crk_framework_node_get_child (crk_framework_node_get_child (root, 1), 0));
  g_assert_true (crk_dataset_lookup_node (ds, "Index") == root);
  g_assert_null (crk_dataset_lookup_node (ds, "nope"));

  /* Growing the tree below a leaf adds a level. */
  add (crk_framework_node_get_child (d1, 0), "i1a", 1);
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 4);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, root), ==, 4);
  g_assert_nonnull (crk_dataset_lookup_node (ds, "i1a"));

  g_object_unref (root);
  g_assert_finalize_object (ds);
}

static void
test_framework_levels_unbalanced (void)
{
  CrkDataset *ds = crk_dataset_new ();
  /* Index -> A -> A1 -> a (depth 3); Index -> b (leaf at depth 1) */
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("Index", NULL);
  CrkFrameworkNode *a = add (root, "A", 1);
  CrkFrameworkNode *a1 = add (a, "A1", 1);
  CrkFrameworkNode *leaf_a = add (a1, "a", 1);
  CrkFrameworkNode *leaf_b = add (root, "b", 1);

  crk_dataset_set_framework (ds, root);
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 4);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, root), ==, 4);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, a), ==, 3);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, a1), ==, 2);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, leaf_a), ==, 1);
  /* level = n_levels - depth, even for a shallow leaf */
  g_assert_cmpuint (crk_dataset_get_node_level (ds, leaf_b), ==, 3);

  g_assert_finalize_object (ds);
}

static void
test_framework_indicator_links (void)
{
  CrkDataset *ds = crk_dataset_new ();
  CrkFrameworkNode *root = balanced_tree ();
  CrkFrameworkNode *d1 = crk_framework_node_get_child (root, 0);
  CrkFrameworkNode *i1 = crk_framework_node_get_child (d1, 0);
  CrkFrameworkNode *i2 = crk_framework_node_get_child (d1, 1);
  CrkFrameworkNode *i3 = crk_framework_node_get_child (crk_framework_node_get_child (root, 1), 0);
  g_autoptr (CrkIndicator) ind1 = crk_indicator_new ("i1", CRK_INDICATOR_KIND_INDICATOR);
  g_autoptr (CrkIndicator) ind3 = crk_indicator_new ("i3", CRK_INDICATOR_KIND_INDICATOR);
  g_autoptr (CrkIndicator) dim = crk_indicator_new ("D1", CRK_INDICATOR_KIND_INDICATOR);

  /* An indicator added before the framework */
  crk_dataset_add_indicator (ds, ind1);
  crk_dataset_add_indicator (ds, dim);
  crk_dataset_set_framework (ds, root);
  g_assert_true (crk_framework_node_get_indicator (i1) == ind1);
  g_assert_null (crk_framework_node_get_indicator (i2));
  /* inner nodes never link, even when a code matches */
  g_assert_null (crk_framework_node_get_indicator (d1));
  /* and one added after */
  crk_dataset_add_indicator (ds, ind3);
  g_assert_true (crk_framework_node_get_indicator (i3) == ind3);

  crk_locale_set_language ("en");
  crk_indicator_set_name (ind3, "Third");
  g_assert_cmpstr (crk_framework_node_get_display_name (i3), ==, "Third");
  crk_framework_node_set_name_zh (i3, "第三");
  g_assert_cmpstr (crk_framework_node_get_display_name (i3), ==, "第三");
  g_assert_cmpstr (crk_framework_node_get_display_name (i2), ==, "i2");
  g_assert_cmpstr (crk_framework_node_get_display_name (root), ==, "Index");
  crk_locale_set_language (NULL);

  g_object_unref (root);
  g_assert_finalize_object (ds);
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_framework_node_notify (void)
{
  CrkFrameworkNode *node = crk_framework_node_new ("D1", "Innovation");
  guint weight = 0, name = 0;

  g_signal_connect (node, "notify::weight", G_CALLBACK (count_cb), &weight);
  g_signal_connect (node, "notify::name", G_CALLBACK (count_cb), &name);
  crk_framework_node_set_weight (node, 1.0);
  g_assert_cmpuint (weight, ==, 0);
  crk_framework_node_set_weight (node, 0.25);
  crk_framework_node_set_weight (node, 0.25);
  g_assert_cmpuint (weight, ==, 1);
  crk_framework_node_set_name (node, "Innovation");
  g_assert_cmpuint (name, ==, 0);
  g_object_set (node, "name", "Innovation capability", NULL);
  g_assert_cmpuint (name, ==, 1);

  g_assert_finalize_object (node);
}

static void
test_framework_child_outlives_parent (void)
{
  CrkFrameworkNode *root = crk_framework_node_new ("Index", NULL);
  CrkFrameworkNode *child = crk_framework_node_new ("D1", NULL);

  crk_framework_node_append_child (root, child);
  g_assert_finalize_object (root);
  g_assert_null (crk_framework_node_get_parent (child));
  g_assert_finalize_object (child);
}

static void
test_framework_append_twice (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (CrkFrameworkNode) a = crk_framework_node_new ("A", NULL);
      g_autoptr (CrkFrameworkNode) b = crk_framework_node_new ("B", NULL);
      g_autoptr (CrkFrameworkNode) c = crk_framework_node_new ("C", NULL);

      crk_framework_node_append_child (a, c);
      crk_framework_node_append_child (b, c);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*child->parent == NULL*");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/framework/tree", test_framework_tree);
  g_test_add_func ("/model/framework/foreach", test_framework_foreach);
  g_test_add_func ("/model/framework/levels-balanced", test_framework_levels_balanced);
  g_test_add_func ("/model/framework/levels-unbalanced", test_framework_levels_unbalanced);
  g_test_add_func ("/model/framework/indicator-links", test_framework_indicator_links);
  g_test_add_func ("/model/framework/node-notify", test_framework_node_notify);
  g_test_add_func ("/model/framework/child-outlives-parent", test_framework_child_outlives_parent);
  g_test_add_func ("/model/framework/append-twice", test_framework_append_twice);

  return g_test_run ();
}
