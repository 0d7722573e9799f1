/* crk-application.h: the application: windows, app actions, colour scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRK_TYPE_APPLICATION (crk_application_get_type ())
G_DECLARE_FINAL_TYPE (CrkApplication, crk_application, CRK, APPLICATION, AdwApplication)

CrkApplication *crk_application_new (void);
/* The application's settings, or NULL when the schema is not installed (an uninstalled
 * run without GSETTINGS_SCHEMA_DIR): callers then keep their defaults. */
GSettings *crk_application_dup_settings (void);

G_END_DECLS
