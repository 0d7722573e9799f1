/* crk-method-history.h: undo and redo of method edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crk-method.h"

G_BEGIN_DECLS

#define CRK_TYPE_METHOD_HISTORY (crk_method_history_get_type ())
G_DECLARE_FINAL_TYPE (CrkMethodHistory, crk_method_history, CRK, METHOD_HISTORY, GObject)

/* Watches a CrkMethod: every "changed" pushes the state before it on the undo stack.
 * Edits of the same key in quick succession (a slider being dragged) make one step.
 * Properties: "method" (construct-only), "can-undo", "can-redo". */

CrkMethodHistory *crk_method_history_new (CrkMethod *method);
CrkMethod *crk_method_history_get_method (CrkMethodHistory *self);
/* Names the next edit (e.g. "weight:D1"); consecutive edits with the same key within half
 * a second merge into one step. NULL: the next edit is a step of its own. */
void crk_method_history_set_next_key (CrkMethodHistory *self, const char *key);
gboolean crk_method_history_can_undo (CrkMethodHistory *self);
gboolean crk_method_history_can_redo (CrkMethodHistory *self);
void crk_method_history_undo (CrkMethodHistory *self);
void crk_method_history_redo (CrkMethodHistory *self);
void crk_method_history_clear (CrkMethodHistory *self);

G_END_DECLS
