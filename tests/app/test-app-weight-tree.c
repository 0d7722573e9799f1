/* test-app-weight-tree.c: the weight editor is a tree of the framework at any depth: every
 * node with parts opens under its own weight row, its parts' rows are built when it first
 * opens, a weight deep in the tree re-ranks, and neither the wheel nor computed weights
 * let a weight change by accident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
  CrkWeightTree *tree;
} Fixture;

/* The sample (CCID: an index of five dimensions of indicators), or with @data the ASEM
 * pair imported (an index of two dimensions of eight pillars of 49 indicators). */
static gboolean
top_built (gpointer data)
{
  Fixture *f = data;
  CrkFrameworkNode *root = crk_dataset_get_framework (crk_window_get_dataset (f->window));

  return crk_weight_tree_is_built (
    f->tree, crk_framework_node_get_code (crk_framework_node_get_child (root, 0)));
}

static void
setup_window (Fixture *f, int width, int height, gconstpointer data)
{
  f->window = crk_test_app_sample_window (width, height);
  if (data != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (crk_test_app_asem_path ());

      crk_window_open (f->window, file);
      crk_test_app_wait (crk_test_app_not_loading, f->window, 60);
      g_assert_null (crk_window_get_message_dialog (f->window));
      g_assert_nonnull (crk_window_get_results (f->window));
    }
  crk_test_app_wait_allocated (GTK_WIDGET (f->window->method_panel));
  f->tree = crk_method_panel_get_weight_tree (f->window->method_panel);
  g_assert_true (CRK_IS_WEIGHT_TREE (f->tree));
  /* the rows come on their own just after the first frame */
  crk_test_app_wait (top_built, f, 20);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  setup_window (f, 1280, 800, data);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  crk_test_app_close_window (f->window);
}

static gboolean
asem_exists (void)
{
  return g_file_test (crk_test_app_asem_path (), G_FILE_TEST_IS_REGULAR);
}

static gboolean
have_asem (void)
{
  if (asem_exists ())
    return TRUE;
  g_test_skip ("the shared ASEM data is not there (set -Dshared_dir)");
  return FALSE;
}

static CrkFrameworkNode *
root_of (Fixture *f)
{
  return crk_dataset_get_framework (crk_window_get_dataset (f->window));
}

/* The first node at @depth with parts, or NULL. */
static CrkFrameworkNode *
first_parent_at (CrkFrameworkNode *node, guint depth)
{
  if (crk_framework_node_get_depth (node) == depth)
    return crk_framework_node_is_leaf (node) ? NULL : node;
  for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
    {
      CrkFrameworkNode *found = first_parent_at (crk_framework_node_get_child (node, i), depth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
code_of (CrkFrameworkNode *node)
{
  return crk_framework_node_get_code (node);
}

static GtkWidget *
widget_of (Fixture *f, CrkFrameworkNode *node, CrkWeightWidget which)
{
  return crk_weight_tree_get_widget (f->tree, code_of (node), which);
}

/* Whether @node's row is on screen: built, shown, and every ancestor shown. */
static gboolean
row_shown (Fixture *f, CrkFrameworkNode *node)
{
  if (!crk_weight_tree_is_built (f->tree, code_of (node)))
    return FALSE;
  return gtk_widget_is_visible (widget_of (f, node, CRK_WEIGHT_WIDGET_ROW));
}

/* Where the name line of @node's row starts, from the tree's left edge. */
static double
indent_of (Fixture *f, CrkFrameworkNode *node)
{
  GtkWidget *scale = widget_of (f, node, CRK_WEIGHT_WIDGET_SCALE);
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (scale, GTK_WIDGET (f->tree), 0, 0, &x, &y));
  return x;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  crk_test_app_spin (30);
}

/* A key press as the tree's key controllers get it, with the focus on @focus. */
static gboolean
press_key (Fixture *f, GtkWidget *focus, guint keyval)
{
  GtkWidget *list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);
  g_autoptr (GListModel) controllers = NULL;

  g_assert_nonnull (list);
  gtk_widget_grab_focus (focus);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
  controllers = gtk_widget_observe_controllers (list);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      if (handled)
        {
          crk_test_app_spin (30);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
results_changed (gpointer data)
{
  gpointer *pair = data;

  return crk_window_get_results (pair[0]) != NULL && crk_window_get_results (pair[0]) != pair[1];
}

/* Sets @node's weight with its spin button, waits for the new ranking and returns it. */
static CrkResults *
set_weight_by_spin (Fixture *f, CrkFrameworkNode *node, double value)
{
  GtkWidget *spin = widget_of (f, node, CRK_WEIGHT_WIDGET_SPIN);
  gpointer pair[2] = {f->window, crk_window_get_results (f->window)};

  g_assert_true (gtk_widget_is_sensitive (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  crk_test_app_wait (results_changed, pair, 20);
  return crk_window_get_results (f->window);
}

/* The score of @city under @node in @results. */
static double
node_score (CrkResults *results, CrkFrameworkNode *node, guint city)
{
  int index = crk_results_lookup_node (results, code_of (node));

  g_assert_cmpint (index, >=, 0);
  return crk_results_get_score (results, (guint) index, city);
}

/* At start only the top level is built; a dimension opens under its own row, its
 * indicators built then, indented, and their weights re-rank; it closes again. */
static void
test_expand_dimension (Fixture *f, gconstpointer data)
{
  CrkFrameworkNode *root = root_of (f);
  CrkFrameworkNode *dimension = first_parent_at (root, 1);
  CrkFrameworkNode *indicator, *leaf_sibling;
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  CrkResults *before, *after;
  GtkWidget *expander;
  double score_before;

  g_assert_nonnull (dimension);
  g_assert_cmpuint (crk_framework_node_get_n_children (dimension), >=, 2);
  indicator = crk_framework_node_get_child (dimension, 0);
  leaf_sibling = crk_framework_node_get_child (dimension, 1);
  g_assert_true (crk_framework_node_is_leaf (indicator));

  /* five dimensions: the top level stays closed, the indicators unbuilt */
  g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (dimension)));
  for (guint i = 0; i < crk_framework_node_get_n_children (root); i++)
    g_assert_true (row_shown (f, crk_framework_node_get_child (root, i)));
  g_assert_false (crk_weight_tree_is_built (f->tree, code_of (indicator)));

  /* the dimension's own weight row carries the expander */
  expander = widget_of (f, dimension, CRK_WEIGHT_WIDGET_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_true (
    gtk_widget_is_ancestor (expander, widget_of (f, dimension, CRK_WEIGHT_WIDGET_ROW)));
  click (expander);
  g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (dimension)));
  g_assert_true (row_shown (f, indicator));
  g_assert_true (row_shown (f, leaf_sibling));
  /* a leaf has no expander; the parts follow their parent, one level further in */
  g_assert_null (widget_of (f, indicator, CRK_WEIGHT_WIDGET_EXPANDER));
  g_assert_cmpint (
    gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget_of (f, indicator, CRK_WEIGHT_WIDGET_ROW))),
    ==,
    gtk_list_box_row_get_index (
      GTK_LIST_BOX_ROW (widget_of (f, dimension, CRK_WEIGHT_WIDGET_ROW))) +
      1);
  crk_test_app_wait_allocated (widget_of (f, indicator, CRK_WEIGHT_WIDGET_SCALE));
  g_assert_cmpfloat (indent_of (f, indicator), >, indent_of (f, dimension) + 8);
  g_assert_cmpfloat (indent_of (f, indicator), ==, indent_of (f, leaf_sibling));
  /* the share of the parent is shown */
  g_assert_nonnull (strchr (
    gtk_label_get_label (GTK_LABEL (widget_of (f, indicator, CRK_WEIGHT_WIDGET_SHARE))), '%'));

  /* a weight there re-ranks: the dimension's score moves */
  before = g_object_ref (crk_window_get_results (f->window));
  score_before = node_score (before, dimension, 0);
  after = set_weight_by_spin (f, indicator,
                              3 *
                                  gtk_spin_button_get_value (GTK_SPIN_BUTTON (
                                    widget_of (f, indicator, CRK_WEIGHT_WIDGET_SPIN))) +
                                0.5);
  g_assert_cmpfloat (crk_method_get_weight (method, code_of (indicator)), >, 0.5);
  g_assert_true (fabs (node_score (after, dimension, 0) - score_before) > 1e-9 ||
                 fabs (node_score (after, dimension, 1) - node_score (before, dimension, 1)) >
                   1e-9);
  g_object_unref (before);

  /* one undo step, named by the weight */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  crk_test_app_spin (100);
  g_assert_true (isnan (crk_method_get_weight (method, code_of (indicator))) ||
                 crk_method_get_weight (method, code_of (indicator)) ==
                   crk_framework_node_get_weight (indicator));

  /* closed: the rows hide and stay built */
  click (expander);
  g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (dimension)));
  g_assert_false (row_shown (f, indicator));
  g_assert_true (crk_weight_tree_is_built (f->tree, code_of (indicator)));
  g_assert_true (row_shown (f, dimension));
}

/* ASEM: two dimensions open by default, showing the eight pillars; a pillar at depth 2
 * opens by key, an indicator at depth 3 re-ranks, ← goes back up and − closes. */
static void
test_asem_depth (Fixture *f, gconstpointer data)
{
  CrkFrameworkNode *root, *dimension, *pillar, *indicator;
  CrkMethod *method;
  CrkResults *before, *after;
  GtkWidget *pillar_row;
  gboolean moved = FALSE;

  if (!have_asem ())
    return;
  root = root_of (f);
  method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  dimension = first_parent_at (root, 1);
  pillar = first_parent_at (root, 2);
  g_assert_nonnull (pillar);
  g_assert_cmpuint (crk_framework_node_get_n_children (root), ==, 2);
  indicator = crk_framework_node_get_child (pillar, 0);
  g_assert_true (crk_framework_node_is_leaf (indicator));

  /* two top rows are too few: they are open and the pillars show, not the indicators */
  g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (dimension)));
  g_assert_true (row_shown (f, pillar));
  g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
  g_assert_false (crk_weight_tree_is_built (f->tree, code_of (indicator)));
  g_assert_nonnull (widget_of (f, pillar, CRK_WEIGHT_WIDGET_EXPANDER));

  /* + on the pillar's row opens it */
  pillar_row = widget_of (f, pillar, CRK_WEIGHT_WIDGET_ROW);
  g_assert_true (press_key (f, pillar_row, GDK_KEY_plus));
  g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
  g_assert_true (row_shown (f, indicator));
  crk_test_app_wait_allocated (widget_of (f, indicator, CRK_WEIGHT_WIDGET_SCALE));
  g_assert_cmpfloat (indent_of (f, indicator), >, indent_of (f, pillar) + 8);
  g_assert_cmpfloat (indent_of (f, pillar), >, indent_of (f, dimension) + 8);
  /* each level one step further in, leaves (no expander) as nodes with parts */
  g_assert_cmpfloat (indent_of (f, indicator) - indent_of (f, pillar), ==,
                     indent_of (f, pillar) - indent_of (f, dimension));

  /* an indicator's weight at depth 3 changes the method and the ranking */
  before = g_object_ref (crk_window_get_results (f->window));
  after = set_weight_by_spin (f, indicator, 4.0);
  g_assert_cmpfloat (crk_method_get_weight (method, code_of (indicator)), ==, 4.0);
  for (guint c = 0; c < crk_dataset_get_n_cities (crk_window_get_dataset (f->window)); c++)
    moved |= fabs (node_score (after, pillar, c) - node_score (before, pillar, c)) > 1e-9;
  g_assert_true (moved);
  g_object_unref (before);

  /* ← on a leaf goes to its parent; − there closes it; a leaf's keys do nothing else */
  g_assert_true (press_key (f, widget_of (f, indicator, CRK_WEIGHT_WIDGET_ROW), GDK_KEY_Left));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pillar_row);
  g_assert_true (press_key (f, pillar_row, GDK_KEY_minus));
  g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
  g_assert_false (row_shown (f, indicator));
  /* Space and Enter toggle too, and keys in the slider stay the slider's */
  g_assert_true (press_key (f, pillar_row, GDK_KEY_space));
  g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
  g_assert_false (press_key (f, widget_of (f, pillar, CRK_WEIGHT_WIDGET_SCALE), GDK_KEY_minus));
  g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
  g_assert_true (press_key (f, pillar_row, GDK_KEY_Return));
  g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (pillar)));
}

/* Shenzhen's two top dimensions are too few to choose from: both open at start, their
 * indicators shown; the button then closes every level. */
static void
test_two_dimensions (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                                            "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrkFrameworkNode *root;

  crk_window_open (f->window, file);
  crk_test_app_wait (crk_test_app_not_loading, f->window, 30);
  g_assert_null (crk_window_get_message_dialog (f->window));
  root = root_of (f);
  g_assert_cmpuint (crk_framework_node_get_n_children (root), ==, 2);
  crk_test_app_wait (top_built, f, 20);
  for (guint i = 0; i < 2; i++)
    {
      CrkFrameworkNode *dimension = crk_framework_node_get_child (root, i);

      g_assert_true (crk_weight_tree_get_expanded (f->tree, code_of (dimension)));
      for (guint c = 0; c < crk_framework_node_get_n_children (dimension); c++)
        g_assert_true (row_shown (f, crk_framework_node_get_child (dimension, c)));
    }
  g_assert_cmpstr (
    gtk_button_get_label (GTK_BUTTON (crk_weight_tree_get_expand_all_button (f->tree))), ==,
    _ ("Collapse All"));
  click (crk_weight_tree_get_expand_all_button (f->tree));
  g_assert_false (
    crk_weight_tree_get_expanded (f->tree, code_of (crk_framework_node_get_child (root, 0))));
  g_assert_false (
    row_shown (f, crk_framework_node_get_child (crk_framework_node_get_child (root, 0), 0)));
  g_assert_cmpstr (
    gtk_button_get_label (GTK_BUTTON (crk_weight_tree_get_expand_all_button (f->tree))), ==,
    _ ("Expand All"));
}

/* The wheel over a nested weight's slider or spin button never changes it. */
static void
test_wheel (Fixture *f, gconstpointer data)
{
  CrkFrameworkNode *dimension = first_parent_at (root_of (f), 1);
  CrkFrameworkNode *indicator = crk_framework_node_get_child (dimension, 0);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  GtkAdjustment *weight;
  double before;

  crk_weight_tree_set_expanded (f->tree, code_of (dimension), TRUE);
  crk_test_app_spin (50);
  weight = crk_weight_tree_get_adjustment (f->tree, code_of (indicator));
  before = gtk_adjustment_get_value (weight);
  for (int which = CRK_WEIGHT_WIDGET_SCALE; which <= CRK_WEIGHT_WIDGET_SPIN; which++)
    {
      GtkWidget *widget = widget_of (f, indicator, which);

      g_assert_true (crk_test_app_wheel (widget, 1.0));
      g_assert_true (crk_test_app_wheel (widget, -1.0));
      crk_test_app_spin (20);
      g_assert_cmpfloat (gtk_adjustment_get_value (weight), ==, before);
      g_assert_true (isnan (crk_method_get_weight (method, code_of (indicator))));
    }
}

/* Under entropy weights every row, built before or after, is read-only; copying sets the
 * weights of every node, also of those whose rows were never built. */
static void
test_computed (Fixture *f, gconstpointer data)
{
  CrkFrameworkNode *root = root_of (f);
  CrkFrameworkNode *first = first_parent_at (root, 1);
  CrkFrameworkNode *last =
    crk_framework_node_get_child (root, crk_framework_node_get_n_children (root) - 1);
  CrkFrameworkNode *opened = crk_framework_node_get_child (first, 0);
  CrkFrameworkNode *unbuilt = crk_framework_node_get_child (last, 0);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  int index;
  double share;

  g_assert_true (first != last);
  crk_weight_tree_set_expanded (f->tree, code_of (first), TRUE);
  crk_method_set_weight_scheme (method, CRK_WEIGHTS_ENTROPY);
  crk_test_app_spin (150);
  g_assert_false (gtk_widget_is_sensitive (widget_of (f, opened, CRK_WEIGHT_WIDGET_SPIN)));
  g_assert_false (gtk_widget_is_sensitive (widget_of (f, opened, CRK_WEIGHT_WIDGET_SCALE)));
  g_assert_true (
    gtk_widget_get_visible (gtk_widget_get_parent (crk_weight_tree_get_copy_button (f->tree))));
  g_assert_false (crk_weight_tree_is_built (f->tree, code_of (unbuilt)));

  /* rows built later are read-only too */
  crk_weight_tree_set_expanded (f->tree, code_of (crk_framework_node_get_child (root, 1)), TRUE);
  g_assert_false (gtk_widget_is_sensitive (
    widget_of (f, crk_framework_node_get_child (crk_framework_node_get_child (root, 1), 0),
               CRK_WEIGHT_WIDGET_SPIN)));
  g_assert_false (crk_weight_tree_is_built (f->tree, code_of (unbuilt)));

  index = crk_results_lookup_node (crk_window_get_results (f->window), code_of (unbuilt));
  g_assert_cmpint (index, >=, 0);
  share = crk_results_get_weight (crk_window_get_results (f->window), (guint) index);
  click (crk_weight_tree_get_copy_button (f->tree));
  crk_test_app_spin (150);
  g_assert_cmpint (crk_method_get_weight_scheme (method), ==, CRK_WEIGHTS_DATASET);
  g_assert_cmpfloat_with_epsilon (crk_method_get_weight (method, code_of (unbuilt)), share, 1e-12);
  g_assert_true (gtk_widget_is_sensitive (widget_of (f, opened, CRK_WEIGHT_WIDGET_SPIN)));
}

/* One button opens every level and closes them again; the top level stays. */
static void
test_expand_all (Fixture *f, gconstpointer data)
{
  CrkFrameworkNode *root = root_of (f);
  GtkWidget *button = crk_weight_tree_get_expand_all_button (f->tree);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  guint nodes = 0;

  g_assert_true (gtk_widget_get_visible (button));
  click (button);
  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      CrkFrameworkNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
        {
          CrkFrameworkNode *child = crk_framework_node_get_child (node, i);

          g_assert_true (row_shown (f, child));
          g_assert_true (crk_framework_node_is_leaf (child) ||
                         crk_weight_tree_get_expanded (f->tree, code_of (child)));
          g_ptr_array_add (stack, child);
          nodes++;
        }
    }
  g_assert_cmpuint (nodes, >, crk_framework_node_get_n_children (root));
  click (button);
  for (guint i = 0; i < crk_framework_node_get_n_children (root); i++)
    {
      CrkFrameworkNode *child = crk_framework_node_get_child (root, i);

      g_assert_true (row_shown (f, child));
      g_assert_false (crk_weight_tree_get_expanded (f->tree, code_of (child)));
      g_assert_false (row_shown (f, crk_framework_node_get_child (child, 0)));
    }
}

/* With CRK_SHOT_DIR set: PNGs of the window with the method panel open at the weights, at
 * 800 × 600 (the panel folded over the rest) and 1440 × 900, the ASEM tree opened. */
static void
save_png (GtkWidget *widget, const char *path)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("%s", path);
}

static gboolean
panel_shown (gpointer data)
{
  CrkWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->method_panel)) &&
    (!adw_flap_get_folded (window->method_flap) ||
     adw_flap_get_reveal_progress (window->method_flap) >= 1.0);
}

static void
test_shots (void)
{
  const char *dir = g_getenv ("CRK_SHOT_DIR");
  static const int sizes[][2] = {{800, 600}, {1440, 900}};

  if (dir == NULL || !have_asem ())
    {
      g_test_skip ("set CRK_SHOT_DIR for screenshots");
      return;
    }
  /* the application's style, as the program has it */
  {
    g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/cityrank/Cityrank/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Fixture fixture = {0}, *f = &fixture;
      GtkWidget *scrolled;
      GtkAdjustment *v;
      double x = 0, y = 0;
      g_autofree char *name = NULL, *path = NULL;
      CrkFrameworkNode *pillar;

      setup_window (f, sizes[s][0], sizes[s][1], crk_test_app_asem_path ());
      crk_test_app_spin (500);
      if (adw_flap_get_folded (f->window->method_flap))
        gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-method", NULL);
      crk_test_app_wait (panel_shown, f->window, 20);
      pillar = first_parent_at (root_of (f), 2);
      crk_weight_tree_set_expanded (f->tree, code_of (pillar), TRUE);
      crk_test_app_spin (800);
      scrolled = gtk_widget_get_ancestor (GTK_WIDGET (f->tree), GTK_TYPE_SCROLLED_WINDOW);
      v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_widget_translate_coordinates (GTK_WIDGET (f->tree), scrolled, 0, 0, &x, &y);
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + y - 10);
      crk_test_app_spin (300);
      name = g_strdup_printf ("weight-tree-%dx%d-%s.png", sizes[s][0], sizes[s][1],
                              g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "C");
      path = g_build_filename (dir, name, NULL);
      save_png (GTK_WIDGET (f->window), path);
      fixture_teardown (f, NULL);
    }
}

int
main (int argc, char **argv)
{
  int status;

  /* the screenshots in Chinese: LANGUAGE=zh_CN with the build's catalogue */
  if (g_getenv ("CRK_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CRK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add ("/app/weight-tree/expand-dimension", Fixture, NULL, fixture_setup,
              test_expand_dimension, fixture_teardown);
  g_test_add ("/app/weight-tree/asem-depth", Fixture, crk_test_app_asem_path (),
              asem_exists () ? fixture_setup : NULL, test_asem_depth,
              asem_exists () ? fixture_teardown : NULL);
  g_test_add ("/app/weight-tree/two-dimensions", Fixture, NULL, fixture_setup, test_two_dimensions,
              fixture_teardown);
  g_test_add ("/app/weight-tree/wheel", Fixture, NULL, fixture_setup, test_wheel, fixture_teardown);
  g_test_add ("/app/weight-tree/computed", Fixture, NULL, fixture_setup, test_computed,
              fixture_teardown);
  g_test_add ("/app/weight-tree/expand-all", Fixture, NULL, fixture_setup, test_expand_all,
              fixture_teardown);
  g_test_add_func ("/app/weight-tree/shots", test_shots);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
