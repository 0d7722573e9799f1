/* crk-change-label.h: "▲ 3" / "▼ 2" / "new" in the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRK_TYPE_CHANGE_LABEL (crk_change_label_get_type ())
G_DECLARE_FINAL_TYPE (CrkChangeLabel, crk_change_label, CRK, CHANGE_LABEL, GtkWidget)

/* Properties: "value" (int, places moved up), "state" (CrkChangeState as int, default
 * CRK_CHANGE_VALUE), "compact" (show nothing for 0: the movement of the last edit). */

GtkWidget *crk_change_label_new (void);
void crk_change_label_set_value (CrkChangeLabel *self, int value);
void crk_change_label_set_state (CrkChangeLabel *self, int state);
const char *crk_change_label_get_text (CrkChangeLabel *self);

G_END_DECLS
