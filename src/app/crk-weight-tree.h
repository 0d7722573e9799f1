/* crk-weight-tree.h: the weight editor, a tree of the framework at any depth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crk-method-history.h"
#include "crk-model.h"
#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_TYPE_WEIGHT_TREE (crk_weight_tree_get_type ())
G_DECLARE_FINAL_TYPE (CrkWeightTree, crk_weight_tree, CRK, WEIGHT_TREE, AdwPreferencesGroup)

/* The normalisation choices of the method panel's list, in its order: min-max twice, to
 * [0, 100] and to [1, 100] (COINr's advice for geometric and harmonic means). */
typedef struct
{
  CrkNormalisation mode;
  double param1;
  double param2;
} CrkNormalisationChoice;

#define CRK_N_NORMALISATION_CHOICES 6
extern const CrkNormalisationChoice crk_normalisation_choices[CRK_N_NORMALISATION_CHOICES];
/* The position of @mode (and for min-max its range) in the choices, or
 * GTK_INVALID_LIST_POSITION. */
guint crk_normalisation_choice_find (CrkNormalisation mode, double param1, double param2);

/* The mouse wheel over @widget (a slider, a spin button) scrolls the scrolled window it is
 * in instead of changing its value. */
void crk_guard_scroll (GtkWidget *widget);

/* Which widget of a node's row crk_weight_tree_get_widget() returns. */
typedef enum
{
  CRK_WEIGHT_WIDGET_ROW,
  CRK_WEIGHT_WIDGET_EXPANDER, /* NULL for a leaf */
  CRK_WEIGHT_WIDGET_SCALE,
  CRK_WEIGHT_WIDGET_SPIN,
  CRK_WEIGHT_WIDGET_SHARE,
  CRK_WEIGHT_WIDGET_NORMALISATION, /* indicators only */
} CrkWeightWidget;

GtkWidget *crk_weight_tree_new (void);
/* Edits the weights of @dataset's method; @history names each edit "weight:CODE" so a
 * drag is one undo step. The rows are built after the tree's first frame. */
void
crk_weight_tree_set_dataset (CrkWeightTree *self, CrkDataset *dataset, CrkMethodHistory *history);
/* The names of crk_normalisation_choices, for each indicator's own choice. */
void crk_weight_tree_set_normalisation_names (CrkWeightTree *self, GListModel *names);
/* Shows the method's weights and indicator normalisations again. */
void crk_weight_tree_sync (CrkWeightTree *self);
/* Each node's share of its parent from @results. @computed_by: the name of the weight
 * scheme that computes the weights (they are then read-only), or NULL. */
void
crk_weight_tree_set_results (CrkWeightTree *self, CrkResults *results, const char *computed_by);

/* Expansion of node @code's row (built with its ancestors' rows when needed). */
gboolean crk_weight_tree_get_expanded (CrkWeightTree *self, const char *code);
void crk_weight_tree_set_expanded (CrkWeightTree *self, const char *code, gboolean expanded);
void crk_weight_tree_set_all_expanded (CrkWeightTree *self, gboolean expanded);

/* A widget of node @code's row, its row built (not shown) when needed; NULL for no such
 * node. */
GtkWidget *
crk_weight_tree_get_widget (CrkWeightTree *self, const char *code, CrkWeightWidget which);
GtkAdjustment *crk_weight_tree_get_adjustment (CrkWeightTree *self, const char *code);
/* For tests: whether node @code's row is built yet (nothing is built by asking), the
 * button that copies computed weights, the button that expands or collapses all. */
gboolean crk_weight_tree_is_built (CrkWeightTree *self, const char *code);
GtkWidget *crk_weight_tree_get_copy_button (CrkWeightTree *self);
GtkWidget *crk_weight_tree_get_expand_all_button (CrkWeightTree *self);

G_END_DECLS
