/* crk-method-panel.h: the method choices and the weight editor (a CrkWeightTree)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crk-method-history.h"
#include "crk-model.h"
#include "crk-results.h"
#include "crk-weight-tree.h"

G_BEGIN_DECLS

#define CRK_TYPE_METHOD_PANEL (crk_method_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrkMethodPanel, crk_method_panel, CRK, METHOD_PANEL, GtkWidget)

GtkWidget *crk_method_panel_new (void);
/* Edits @dataset's method; @history names the edits so slider drags merge into one undo
 * step. @file_method: the method as saved in the file (offers its tiers). */
void crk_method_panel_set_dataset (CrkMethodPanel *self,
                                   CrkDataset *dataset,
                                   CrkMethodHistory *history,
                                   CrkMethod *file_method);
/* Shows each node's effective share of its parent from @results. */
void crk_method_panel_set_results (CrkMethodPanel *self, CrkResults *results);
/* The weight adjustment of node @code (tests drive it), or NULL. */
GtkAdjustment *crk_method_panel_get_weight_adjustment (CrkMethodPanel *self, const char *code);

/* For tests: the slider (@spin FALSE) or the spin button of node @code, and the button
 * that copies computed weights into editable ones. */
GtkWidget *
crk_method_panel_get_weight_widget (CrkMethodPanel *self, const char *code, gboolean spin);
GtkWidget *crk_method_panel_get_copy_weights_button (CrkMethodPanel *self);
/* For tests: the normalisation chooser of indicator @code (a GtkDropDown: 0 "as the
 * method", then the method's choices), and the winsorising limits (0 skewness, 1 kurtosis,
 * 2 points). */
GtkWidget *crk_method_panel_get_normalisation_widget (CrkMethodPanel *self, const char *code);
GtkAdjustment *crk_method_panel_get_limit (CrkMethodPanel *self, guint which);
/* The weight editor. */
CrkWeightTree *crk_method_panel_get_weight_tree (CrkMethodPanel *self);

G_END_DECLS
