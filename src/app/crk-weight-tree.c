/* crk-weight-tree.c: the weight editor, a tree of the framework at any depth
 *
 * One boxed list holds a row per node below the root: its name and share of its parent,
 * a slider and a spin button, and for an indicator its own normalisation. A node with
 * parts has an expander before its name; its parts' rows follow it, indented by depth,
 * and are built when it is first expanded (dozens of sliders would slow the start).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-weight-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-weight-tree.h"

/* the indentation of one level */
#define INDENT 14
/* levels are expanded by default until one has at least this many rows… */
#define AUTO_EXPAND_ROWS 3
/* …and as long as the rows built stay at most this many */
#define AUTO_EXPAND_MAX 24

typedef struct
{
  CrkFrameworkNode *node; /* a reference */
  char *code;
  guint depth;
  GtkWidget *row;
  GtkWidget *expander; /* NULL for a leaf */
  GtkWidget *share;    /* "24 %" of the parent */
  GtkWidget *scale;
  GtkWidget *spin;
  GtkWidget *normalisation; /* indicators: a GtkDropDown, "as the method" or an override */
  GtkAdjustment *adjustment;
  gboolean expanded;
  gboolean children_built;
} WeightRow;

struct _CrkWeightTree
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *list;
  GtkSizeGroup *expander_size; /* the expanders and the room of one before the lines below */
  GtkWidget *expand_all_button;
  GtkWidget *computed_banner; /* data-driven weights: read-only, and a way to copy them */
  GtkLabel *computed_label;
  GtkWidget *copy_button;

  CrkDataset *dataset;
  CrkMethod *method;
  CrkMethodHistory *history;
  CrkResults *results;
  GListModel *normalisation_names;
  GHashTable *rows; /* code -> WeightRow */
  gboolean computed;
  gboolean expand_all_expands; /* what the button does */
  gboolean syncing;
  /* the rows of a dataset set before the tree was first drawn are built just after that
   * first frame */
  gboolean drawn;
  gboolean pending;
  guint idle_id;
};

G_DEFINE_FINAL_TYPE (CrkWeightTree, crk_weight_tree, ADW_TYPE_PREFERENCES_GROUP)

const CrkNormalisationChoice crk_normalisation_choices[CRK_N_NORMALISATION_CHOICES] = {
  {CRK_NORMALISATION_MINMAX, 0, 100},        {CRK_NORMALISATION_MINMAX, 1, 100},
  {CRK_NORMALISATION_ZSCORE, 0, 1},          {CRK_NORMALISATION_RANK, 0, 0},
  {CRK_NORMALISATION_PERCENTILE_RANK, 0, 0}, {CRK_NORMALISATION_GOALPOSTS, 0, 0},
};

guint
crk_normalisation_choice_find (CrkNormalisation mode, double param1, double param2)
{
  for (guint i = 0; i < CRK_N_NORMALISATION_CHOICES; i++)
    if (crk_normalisation_choices[i].mode == mode &&
        (mode != CRK_NORMALISATION_MINMAX ||
         (crk_normalisation_choices[i].param1 == param1 &&
          crk_normalisation_choices[i].param2 == param2)))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
weight_row_free (gpointer data)
{
  WeightRow *row = data;

  g_clear_object (&row->node);
  g_free (row->code);
  g_clear_object (&row->adjustment);
  g_free (row);
}

static void
begin_edit (CrkWeightTree *self, const char *key)
{
  if (self->history != NULL)
    crk_method_history_set_next_key (self->history, key);
}

/* The mouse wheel over a slider or a spin button scrolls the panel: a weight changes
 * only by deliberate input (a drag, a click, a key, typing). */
static gboolean
on_guarded_scroll_cb (GtkEventControllerScroll *controller,
                      double dx,
                      double dy,
                      gpointer user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double page = gtk_adjustment_get_page_size (adjustment);
      double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
        ? pow (page, 2.0 / 3.0)
        : 1.0;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
    }
  return TRUE; /* not to the slider or the spin button */
}

void
crk_guard_scroll (GtkWidget *widget)
{
  GtkEventController *controller =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "crk-scroll-guard");
  g_signal_connect (controller, "scroll", G_CALLBACK (on_guarded_scroll_cb), NULL);
  gtk_widget_add_controller (widget, controller);
}

static void
on_weight_changed_cb (GtkAdjustment *adjustment, CrkWeightTree *self)
{
  const char *code = g_object_get_data (G_OBJECT (adjustment), "crk-node-code");
  g_autofree char *key = NULL;

  if (self->syncing || self->method == NULL)
    return;
  key = g_strconcat ("weight:", code, NULL);
  begin_edit (self, key);
  crk_method_set_weight (self->method, code, gtk_adjustment_get_value (adjustment));
}

/* Per indicator: its normalisation, "as the method" or one of the method's choices. */
static void
on_indicator_normalisation_cb (GtkDropDown *dropdown, GParamSpec *pspec, CrkWeightTree *self)
{
  const char *code = g_object_get_data (G_OBJECT (dropdown), "crk-indicator");
  guint i = gtk_drop_down_get_selected (dropdown);
  const CrkNormalisationChoice *choice;

  if (self->syncing || self->method == NULL || code == NULL || i == GTK_INVALID_LIST_POSITION)
    return;
  begin_edit (self, NULL);
  if (i == 0 || i > CRK_N_NORMALISATION_CHOICES)
    {
      crk_method_set_indicator_normalisation (self->method, code, CRK_NORMALISATION_INHERIT, 0, 0);
      return;
    }
  choice = &crk_normalisation_choices[i - 1];
  crk_method_set_indicator_normalisation (self->method, code, choice->mode, choice->param1,
                                          choice->param2);
}

static GtkWidget *
indicator_normalisation_new (CrkWeightTree *self, CrkFrameworkNode *node)
{
  CrkIndicator *indicator = crk_framework_node_get_indicator (node);
  GListModel *choices = self->normalisation_names;
  g_autoptr (GtkStringList) items = gtk_string_list_new (NULL);
  g_autofree char *label =
    g_strdup_printf (_ ("Normalisation of %s"), crk_framework_node_get_display_name (node));
  double low = crk_indicator_get_goalpost_low (indicator),
         high = crk_indicator_get_goalpost_high (indicator);
  g_autofree char *tooltip = NULL;
  GtkWidget *dropdown;

  gtk_string_list_append (items, _ ("As the method"));
  for (guint i = 0; choices != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (GtkStringObject) choice = g_list_model_get_item (choices, i);

      gtk_string_list_append (items, gtk_string_object_get_string (choice));
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dropdown, "flat");
  if (!isnan (low) && !isnan (high))
    tooltip = g_strdup_printf (_ ("How this indicator is normalised; its goalposts are %g and %g"),
                               low, high);
  else
    tooltip = g_strdup (_ ("How this indicator is normalised; it has no goalposts"));
  gtk_widget_set_tooltip_text (dropdown, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (dropdown), "crk-indicator",
                          g_strdup (crk_indicator_get_code (indicator)), g_free);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_indicator_normalisation_cb),
                           self, 0);
  return dropdown;
}

/* The override's position in the dropdown (0: as the method). */
static guint
indicator_normalisation_index (CrkMethod *method, const char *code)
{
  double p1 = 0, p2 = 0;
  CrkNormalisation mode = crk_method_get_indicator_normalisation (method, code, &p1, &p2);
  guint i;

  if (mode == CRK_NORMALISATION_INHERIT)
    return 0;
  i = crk_normalisation_choice_find (mode, p1, p2);
  return i == GTK_INVALID_LIST_POSITION ? 0 : i + 1;
}

static double
sibling_upper (CrkFrameworkNode *node)
{
  CrkFrameworkNode *parent = crk_framework_node_get_parent (node);
  double max = 0;

  if (parent == NULL)
    return 1;
  for (guint i = 0; i < crk_framework_node_get_n_children (parent); i++)
    max = MAX (max, crk_framework_node_get_weight (crk_framework_node_get_child (parent, i)));
  return MAX (1.0, 4 * max);
}

static void set_row_expanded (CrkWeightTree *self, WeightRow *row, gboolean expanded);

/* The row of @node's child @i, or NULL when not built. */
static WeightRow *
child_row (CrkWeightTree *self, CrkFrameworkNode *node, guint i)
{
  return g_hash_table_lookup (self->rows,
                              crk_framework_node_get_code (crk_framework_node_get_child (node, i)));
}

static void
on_expander_clicked_cb (GtkButton *button, CrkWeightTree *self)
{
  WeightRow *row = g_object_get_data (G_OBJECT (button), "crk-weight-row");

  if (row != NULL)
    set_row_expanded (self, row, !row->expanded);
}

/* A click on the name line of a node with parts opens or closes it. */
static void
on_title_released_cb (GtkGestureClick *gesture,
                      int n_press,
                      double x,
                      double y,
                      CrkWeightTree *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  WeightRow *row = g_object_get_data (G_OBJECT (widget), "crk-weight-row");

  if (row != NULL && row->expander != NULL)
    set_row_expanded (self, row, !row->expanded);
}

/* As much room as an expander takes, before a leaf's name and the lines below a name: the
 * names and sliders of one level align. */
static GtkWidget *
expander_space_new (CrkWeightTree *self)
{
  GtkWidget *space = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_size_group_add_widget (self->expander_size, space);
  return space;
}

/* The expander of a node with parts, or as much room before a leaf's name. */
static GtkWidget *
expander_new (CrkWeightTree *self, WeightRow *row, const char *name)
{
  g_autofree char *label = NULL;
  GtkWidget *button;

  if (crk_framework_node_is_leaf (row->node))
    return expander_space_new (self);
  /* Translators: the button that shows or hides the parts of a dimension (%s) */
  label = g_strdup_printf (_ ("Parts of %s"), name);
  button = gtk_button_new_from_icon_name ("pan-end-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "weight-expander");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->expander_size, button);
  gtk_widget_set_tooltip_text (button, _ ("Show or hide the parts (+ and − keys)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  g_object_set_data (G_OBJECT (button), "crk-weight-row", row);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_expander_clicked_cb), self, 0);
  row->expander = button;
  return button;
}

/* The name line: the expander, the name and the share of the parent. */
static GtkWidget *
title_line_new (CrkWeightTree *self, WeightRow *row, const char *name)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (name);

  gtk_box_append (GTK_BOX (top), expander_new (self, row, name));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, name);
  gtk_widget_set_hexpand (title, TRUE);
  row->share = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->share, "dim-label");
  gtk_widget_add_css_class (row->share, "numeric");
  gtk_widget_add_css_class (row->share, "caption");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), row->share);
  if (row->expander != NULL)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      g_object_set_data (G_OBJECT (title), "crk-weight-row", row);
      g_signal_connect_object (click, "released", G_CALLBACK (on_title_released_cb), self, 0);
      gtk_widget_add_controller (title, GTK_EVENT_CONTROLLER (click));
    }
  return top;
}

/* The slider and the spin button of @row's weight, under its name. */
static GtkWidget *
slider_line_new (CrkWeightTree *self, WeightRow *row, double upper, const char *name)
{
  g_autofree char *label = g_strdup_printf (_ ("Weight of %s"), name);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->adjustment = g_object_ref_sink (gtk_adjustment_new (
    crk_framework_node_get_weight (row->node), 0, upper, upper / 100, upper / 10, 0));
  g_object_set_data_full (G_OBJECT (row->adjustment), "crk-node-code", g_strdup (row->code),
                          g_free);
  g_signal_connect_object (row->adjustment, "value-changed", G_CALLBACK (on_weight_changed_cb),
                           self, 0);

  row->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, row->adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (row->scale), FALSE);
  gtk_widget_set_hexpand (row->scale, TRUE);
  gtk_widget_set_valign (row->scale, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  row->spin = gtk_spin_button_new (row->adjustment, upper / 100, 2);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->spin), 4);
  gtk_widget_set_valign (row->spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  crk_guard_scroll (row->scale);
  crk_guard_scroll (row->spin);
  gtk_box_append (GTK_BOX (bottom), expander_space_new (self));
  gtk_box_append (GTK_BOX (bottom), row->scale);
  gtk_box_append (GTK_BOX (bottom), row->spin);
  return bottom;
}

/* An indicator's own normalisation, on a line of its own (the sidebar is narrow). */
static GtkWidget *
normalisation_line_new (CrkWeightTree *self, WeightRow *row)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (_ ("Normalisation"));

  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_set_hexpand (caption, TRUE);
  row->normalisation = indicator_normalisation_new (self, row->node);
  gtk_box_append (GTK_BOX (line), expander_space_new (self));
  gtk_box_append (GTK_BOX (line), caption);
  gtk_box_append (GTK_BOX (line), row->normalisation);
  return line;
}

/* The row of @node: the name line, the slider line and for an indicator its
 * normalisation, indented by depth (the sidebar is too narrow for one line). */
static WeightRow *
weight_row_new (CrkWeightTree *self, CrkFrameworkNode *node)
{
  const char *name = crk_framework_node_get_display_name (node);
  WeightRow *row = g_new0 (WeightRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->node = g_object_ref (node);
  row->code = g_strdup (crk_framework_node_get_code (node));
  row->depth = crk_framework_node_get_depth (node);
  row->row =
    g_object_new (ADW_TYPE_PREFERENCES_ROW, "accessible-role", GTK_ACCESSIBLE_ROLE_TREE_ITEM, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  /* the title serves the search of preferences windows and screen readers */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name);
  gtk_widget_add_css_class (row->row, "weight-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) row->depth, -1);
  if (!crk_framework_node_is_leaf (node))
    gtk_accessible_update_state (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                                 -1);
  g_object_set_data (G_OBJECT (row->row), "crk-weight-row", row);

  gtk_box_append (GTK_BOX (box), title_line_new (self, row, name));
  gtk_box_append (GTK_BOX (box), slider_line_new (self, row, sibling_upper (node), name));
  if (crk_framework_node_get_indicator (node) != NULL)
    gtk_box_append (GTK_BOX (box), normalisation_line_new (self, row));
  gtk_widget_set_margin_start (box, 6 + INDENT * (int) (row->depth - 1));
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  return row;
}

/* Shows @row's weight, normalisation, share and whether it can be edited. */
static void
update_row (CrkWeightTree *self, WeightRow *row)
{
  double w = self->method != NULL ? crk_method_get_weight (self->method, row->code) : NAN;
  int node = self->results != NULL ? crk_results_lookup_node (self->results, row->code) : -1;
  g_autofree char *share = NULL;
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  if (isnan (w))
    w = crk_framework_node_get_weight (row->node);
  if (w > gtk_adjustment_get_upper (row->adjustment))
    gtk_adjustment_set_upper (row->adjustment, w);
  gtk_adjustment_set_value (row->adjustment, w);
  if (row->normalisation != NULL && self->method != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (row->normalisation),
                                indicator_normalisation_index (self->method, row->code));
  self->syncing = syncing;

  if (node >= 0)
    share =
      g_strdup_printf (_ ("%.0f %%"), 100 * crk_results_get_weight (self->results, (guint) node));
  gtk_label_set_label (GTK_LABEL (row->share), share != NULL ? share : "");
  /* weights the method computes are shown, not edited: the sliders would contradict them */
  gtk_widget_set_sensitive (row->scale, !self->computed);
  gtk_widget_set_sensitive (row->spin, !self->computed);
}

static void
update_expand_all_button (CrkWeightTree *self)
{
  WeightRow *row;
  gboolean any_collapsed = FALSE, any_parent = FALSE;

  /* a node with parts whose row is not built yet is collapsed too */
  if (self->dataset != NULL && crk_dataset_get_framework (self->dataset) != NULL)
    {
      g_autoptr (GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, crk_dataset_get_framework (self->dataset));
      while (stack->len > 0 && !any_collapsed)
        {
          CrkFrameworkNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

          for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
            {
              CrkFrameworkNode *child = crk_framework_node_get_child (node, i);

              if (crk_framework_node_is_leaf (child))
                continue;
              any_parent = TRUE;
              row = g_hash_table_lookup (self->rows, crk_framework_node_get_code (child));
              if (row == NULL || !row->expanded)
                any_collapsed = TRUE;
              else
                g_ptr_array_add (stack, child);
            }
        }
    }
  self->expand_all_expands = any_collapsed;
  gtk_button_set_label (GTK_BUTTON (self->expand_all_button),
                        any_collapsed ? _ ("Expand All") : _ ("Collapse All"));
  gtk_widget_set_visible (self->expand_all_button, any_parent);
}

/* Builds the rows of @parent's children just after @parent's row (or first, for the
 * root), hidden until @parent is expanded. */
static void
build_children (CrkWeightTree *self, CrkFrameworkNode *parent, WeightRow *parent_row)
{
  int position =
    parent_row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (parent_row->row)) + 1 : 0;

  if (parent_row != NULL)
    {
      if (parent_row->children_built)
        return;
      parent_row->children_built = TRUE;
    }
  for (guint i = 0; i < crk_framework_node_get_n_children (parent); i++)
    {
      WeightRow *row = weight_row_new (self, crk_framework_node_get_child (parent, i));

      g_hash_table_insert (self->rows, row->code, row);
      gtk_widget_set_visible (row->row, parent_row == NULL);
      gtk_list_box_insert (self->list, row->row, position + (int) i);
      update_row (self, row);
    }
}

/* Shows or hides the built rows below @row as its expansion and theirs say. */
static void
show_children (CrkWeightTree *self, WeightRow *row, gboolean shown)
{
  for (guint i = 0; row->children_built && i < crk_framework_node_get_n_children (row->node); i++)
    {
      WeightRow *child = child_row (self, row->node, i);

      if (child == NULL)
        continue;
      gtk_widget_set_visible (child->row, shown);
      show_children (self, child, shown && child->expanded);
    }
}

static void
set_row_expanded (CrkWeightTree *self, WeightRow *row, gboolean expanded)
{
  if (row->expander == NULL)
    return;
  if (expanded)
    build_children (self, row->node, row);
  row->expanded = expanded;
  gtk_button_set_icon_name (GTK_BUTTON (row->expander),
                            expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_STATE_EXPANDED,
                               expanded, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
  /* a row shows only when every ancestor is expanded */
  show_children (self, row, expanded && gtk_widget_get_visible (row->row));
  update_expand_all_button (self);
}

/* Builds the rows of the ancestors of @code (not expanding them); NULL for no such node. */
static WeightRow *
ensure_row (CrkWeightTree *self, const char *code)
{
  CrkFrameworkNode *node;
  g_autoptr (GPtrArray) path = NULL;
  WeightRow *row;

  if (self->dataset == NULL)
    return NULL;
  if ((row = g_hash_table_lookup (self->rows, code)) != NULL)
    return row;
  node = crk_dataset_lookup_node (self->dataset, code);
  if (node == NULL || crk_framework_node_get_depth (node) == 0)
    return NULL;
  path = g_ptr_array_new ();
  for (CrkFrameworkNode *up = crk_framework_node_get_parent (node);
       up != NULL && crk_framework_node_get_depth (up) > 0; up = crk_framework_node_get_parent (up))
    g_ptr_array_insert (path, 0, up);
  for (guint i = 0; i < path->len; i++)
    {
      CrkFrameworkNode *up = g_ptr_array_index (path, i);

      build_children (self, up, g_hash_table_lookup (self->rows, crk_framework_node_get_code (up)));
    }
  return g_hash_table_lookup (self->rows, code);
}

/* Levels open by default while they have fewer than three rows (two top dimensions
 * show their parts), as long as few rows are built. */
static void
auto_expand (CrkWeightTree *self, CrkFrameworkNode *root)
{
  g_autoptr (GPtrArray) level = g_ptr_array_new ();
  guint built = crk_framework_node_get_n_children (root);

  for (guint i = 0; i < crk_framework_node_get_n_children (root); i++)
    g_ptr_array_add (level, crk_framework_node_get_child (root, i));
  while (level->len > 0 && level->len < AUTO_EXPAND_ROWS)
    {
      g_autoptr (GPtrArray) next = g_ptr_array_new ();

      for (guint i = 0; i < level->len; i++)
        for (guint c = 0; c < crk_framework_node_get_n_children (level->pdata[i]); c++)
          g_ptr_array_add (next, crk_framework_node_get_child (level->pdata[i], c));
      if (next->len == 0 || built + next->len > AUTO_EXPAND_MAX)
        break;
      built += next->len;
      for (guint i = 0; i < level->len; i++)
        {
          WeightRow *row =
            g_hash_table_lookup (self->rows, crk_framework_node_get_code (level->pdata[i]));

          if (row != NULL)
            set_row_expanded (self, row, TRUE);
        }
      g_ptr_array_set_size (level, 0);
      g_ptr_array_extend (level, next, NULL, NULL);
    }
}

static void
rebuild (CrkWeightTree *self)
{
  CrkFrameworkNode *root;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->rows);

  if (self->dataset == NULL || (root = crk_dataset_get_framework (self->dataset)) == NULL)
    {
      update_expand_all_button (self);
      return;
    }
  build_children (self, root, NULL);
  auto_expand (self, root);
  update_expand_all_button (self);
}

static void
ensure_built (CrkWeightTree *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (!self->pending)
    return;
  self->pending = FALSE;
  rebuild (self);
}

static gboolean
build_idle_cb (gpointer user_data)
{
  CrkWeightTree *self = user_data;

  self->idle_id = 0;
  ensure_built (self);
  return G_SOURCE_REMOVE;
}

static void
crk_weight_tree_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrkWeightTree *self = CRK_WEIGHT_TREE (widget);

  GTK_WIDGET_CLASS (crk_weight_tree_parent_class)->snapshot (widget, snapshot);
  self->drawn = TRUE;
  /* an idle runs once this frame is on screen */
  if (self->pending && self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_idle_cb, self, NULL);
}

static WeightRow *
focused_row (CrkWeightTree *self, gboolean *on_row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list_row =
    focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  WeightRow *row;

  if (list_row == NULL || gtk_widget_get_parent (list_row) != GTK_WIDGET (self->list))
    return NULL;
  row = g_object_get_data (G_OBJECT (list_row), "crk-weight-row");
  /* the keys belong to the slider, the spin button and the dropdown when they have focus */
  *on_row = focus == list_row || (row != NULL && focus == row->expander);
  return row;
}

/* On a row (or its expander): + or → expands, − or ← collapses (or goes to the parent),
 * * expands all below, Space and Enter toggle. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint keyval,
                   guint keycode,
                   GdkModifierType state,
                   CrkWeightTree *self)
{
  gboolean on_row = FALSE;
  WeightRow *row = focused_row (self, &on_row);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint open = rtl ? GDK_KEY_Left : GDK_KEY_Right, close = rtl ? GDK_KEY_Right : GDK_KEY_Left;

  if (row == NULL || !on_row || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add || keyval == open)
    set_row_expanded (self, row, TRUE);
  else if (keyval == GDK_KEY_asterisk || keyval == GDK_KEY_KP_Multiply)
    {
      g_autoptr (GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, row);
      while (stack->len > 0)
        {
          WeightRow *r = g_ptr_array_steal_index (stack, stack->len - 1);

          set_row_expanded (self, r, TRUE);
          for (guint i = 0; r->expander != NULL && i < crk_framework_node_get_n_children (r->node);
               i++)
            g_ptr_array_add (stack, child_row (self, r->node, i));
        }
    }
  else if (keyval == close && !row->expanded && row->depth > 1)
    {
      WeightRow *parent = g_hash_table_lookup (
        self->rows, crk_framework_node_get_code (crk_framework_node_get_parent (row->node)));

      if (parent != NULL)
        gtk_widget_grab_focus (parent->row);
    }
  else if (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract || keyval == close)
    set_row_expanded (self, row, FALSE);
  else if ((keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
           row->expander != NULL)
    set_row_expanded (self, row, !row->expanded);
  else
    return FALSE;
  return TRUE;
}

static void
on_expand_all_clicked_cb (GtkButton *button, CrkWeightTree *self)
{
  crk_weight_tree_set_all_expanded (self, self->expand_all_expands);
}

static void
on_copy_clicked_cb (GtkButton *button, CrkWeightTree *self)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  if (self->method == NULL || self->results == NULL || self->dataset == NULL ||
      crk_dataset_get_framework (self->dataset) == NULL)
    return;
  begin_edit (self, NULL);
  crk_method_freeze (self->method);
  /* every node, built or not */
  g_ptr_array_add (stack, crk_dataset_get_framework (self->dataset));
  while (stack->len > 0)
    {
      CrkFrameworkNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      int index = crk_results_lookup_node (self->results, crk_framework_node_get_code (node));

      if (crk_framework_node_get_depth (node) > 0 && index >= 0)
        crk_method_set_weight (self->method, crk_framework_node_get_code (node),
                               crk_results_get_weight (self->results, (guint) index));
      for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
        g_ptr_array_add (stack, crk_framework_node_get_child (node, i));
    }
  crk_method_set_weight_scheme (self->method, CRK_WEIGHTS_DATASET);
  crk_method_thaw (self->method);
}

/* Under equal, entropy, CRITIC or PCA weights: the shares on the right are the weights in
 * use; the button makes them the dataset's own weights, to edit (one undoable step). */
static void
build_computed_banner (CrkWeightTree *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Copy to Editable Weights"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (
    button, _ ("Make the weights in use the dataset’s own weights, to edit them"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_copy_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_visible (box, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
  self->computed_banner = box;
  self->computed_label = GTK_LABEL (label);
  self->copy_button = button;
}

static void
crk_weight_tree_dispose (GObject *object)
{
  CrkWeightTree *self = (CrkWeightTree *) object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->method);
  g_clear_object (&self->history);
  g_clear_object (&self->results);
  g_clear_object (&self->normalisation_names);

  G_OBJECT_CLASS (crk_weight_tree_parent_class)->dispose (object);
}

static void
crk_weight_tree_finalize (GObject *object)
{
  CrkWeightTree *self = (CrkWeightTree *) object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->expander_size);

  G_OBJECT_CLASS (crk_weight_tree_parent_class)->finalize (object);
}

static void
crk_weight_tree_class_init (CrkWeightTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_weight_tree_dispose;
  object_class->finalize = crk_weight_tree_finalize;
  widget_class->snapshot = crk_weight_tree_snapshot;
}

static void
crk_weight_tree_init (CrkWeightTree *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, weight_row_free);
  self->expander_size = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Weights"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _ ("Relative to its siblings; on the right, the share of the parent"));

  self->expand_all_button = gtk_button_new_with_label (_ ("Expand All"));
  gtk_widget_add_css_class (self->expand_all_button, "flat");
  gtk_widget_set_valign (self->expand_all_button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (self->expand_all_button,
                               _ ("Show or hide the parts of every level"));
  gtk_widget_set_visible (self->expand_all_button, FALSE);
  g_signal_connect_object (self->expand_all_button, "clicked",
                           G_CALLBACK (on_expand_all_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->expand_all_button);

  build_computed_banner (self);

  self->list = GTK_LIST_BOX (
    g_object_new (GTK_TYPE_LIST_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_TREE, NULL));
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Weights"), -1);
  /* before the row's own keys (Space would go to the row) and only when the row or its
   * expander has focus */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
}

GtkWidget *
crk_weight_tree_new (void)
{
  return g_object_new (CRK_TYPE_WEIGHT_TREE, NULL);
}

void
crk_weight_tree_set_dataset (CrkWeightTree *self, CrkDataset *dataset, CrkMethodHistory *history)
{
  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  g_return_if_fail (dataset == NULL || CRK_IS_DATASET (dataset));

  g_set_object (&self->history, history);
  g_clear_object (&self->results);
  g_clear_object (&self->method);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  /* the rows of another dataset go now, the new ones now or after the first frame */
  g_clear_object (&self->dataset);
  self->pending = FALSE;
  rebuild (self);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    self->method = g_object_ref (crk_dataset_get_method (dataset));
  if (self->drawn)
    rebuild (self);
  else
    self->pending = dataset != NULL;
}

void
crk_weight_tree_set_normalisation_names (CrkWeightTree *self, GListModel *names)
{
  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  g_set_object (&self->normalisation_names, names);
}

void
crk_weight_tree_sync (CrkWeightTree *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    update_row (self, value);
}

void
crk_weight_tree_set_results (CrkWeightTree *self, CrkResults *results, const char *computed_by)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  if (self->results != results)
    g_set_object (&self->results, results);
  self->computed = computed_by != NULL;
  crk_weight_tree_sync (self);
  gtk_widget_set_visible (self->computed_banner, self->computed);
  if (!self->computed)
    return;
  /* Translators: %s is the weight scheme ("Entropy") */
  text = g_strdup_printf (
    _ ("Weights computed by “%s”: the shares on the right are the weights in use."), computed_by);
  gtk_label_set_label (self->computed_label, text);
}

gboolean
crk_weight_tree_get_expanded (CrkWeightTree *self, const char *code)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), FALSE);
  ensure_built (self);
  row = g_hash_table_lookup (self->rows, code);
  return row != NULL && row->expanded;
}

void
crk_weight_tree_set_expanded (CrkWeightTree *self, const char *code, gboolean expanded)
{
  WeightRow *row;

  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  ensure_built (self);
  if ((row = ensure_row (self, code)) != NULL)
    set_row_expanded (self, row, expanded);
}

void
crk_weight_tree_set_all_expanded (CrkWeightTree *self, gboolean expanded)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  CrkFrameworkNode *root;

  g_return_if_fail (CRK_IS_WEIGHT_TREE (self));
  ensure_built (self);
  if (self->dataset == NULL || (root = crk_dataset_get_framework (self->dataset)) == NULL)
    return;
  /* top down: a node's children are built before they open */
  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      CrkFrameworkNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      WeightRow *row = g_hash_table_lookup (self->rows, crk_framework_node_get_code (node));

      if (row != NULL && (expanded || row->expanded))
        set_row_expanded (self, row, expanded);
      if (row == NULL && crk_framework_node_get_depth (node) > 0)
        continue; /* collapsing: never built, nothing to close */
      for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
        g_ptr_array_add (stack, crk_framework_node_get_child (node, i));
    }
}

GtkWidget *
crk_weight_tree_get_widget (CrkWeightTree *self, const char *code, CrkWeightWidget which)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), NULL);
  ensure_built (self);
  if ((row = ensure_row (self, code)) == NULL)
    return NULL;
  switch (which)
    {
      case CRK_WEIGHT_WIDGET_ROW:
        return row->row;
      case CRK_WEIGHT_WIDGET_EXPANDER:
        return row->expander;
      case CRK_WEIGHT_WIDGET_SCALE:
        return row->scale;
      case CRK_WEIGHT_WIDGET_SPIN:
        return row->spin;
      case CRK_WEIGHT_WIDGET_SHARE:
        return row->share;
      case CRK_WEIGHT_WIDGET_NORMALISATION:
        return row->normalisation;
      default:
        return NULL;
    }
}

GtkAdjustment *
crk_weight_tree_get_adjustment (CrkWeightTree *self, const char *code)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), NULL);
  ensure_built (self);
  row = ensure_row (self, code);
  return row != NULL ? row->adjustment : NULL;
}

gboolean
crk_weight_tree_is_built (CrkWeightTree *self, const char *code)
{
  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), FALSE);
  return g_hash_table_contains (self->rows, code);
}

GtkWidget *
crk_weight_tree_get_copy_button (CrkWeightTree *self)
{
  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), NULL);
  return self->copy_button;
}

GtkWidget *
crk_weight_tree_get_expand_all_button (CrkWeightTree *self)
{
  g_return_val_if_fail (CRK_IS_WEIGHT_TREE (self), NULL);
  return self->expand_all_button;
}
