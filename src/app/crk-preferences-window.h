/* crk-preferences-window.h: the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRK_TYPE_PREFERENCES_WINDOW (crk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CrkPreferencesWindow,
                      crk_preferences_window,
                      CRK,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *crk_preferences_window_new (GtkWindow *parent);

G_END_DECLS
