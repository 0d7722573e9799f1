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
/* The guide's URI for F1 in @window (may be NULL): the page of the method panel's row
 * under the pointer or with the focus, else the guide's start (ghelp:APP_ID). */
char *crk_application_dup_help_uri (GtkWindow *window);
/* The guide's URI for @widget (may be NULL) or the nearest of its ancestors that the guide
 * explains: help:APP_ID/PAGE[#SECTION], else ghelp:APP_ID. */
char *crk_application_dup_help_uri_for (GtkWidget *widget);

G_END_DECLS
