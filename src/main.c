/* main.c: starts Cityrank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cityrank"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crk-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (CrkApplication) app = NULL;
  const char *localedir = g_getenv ("CRK_LOCALEDIR");

  /* uninstalled runs and tests read the .mo files from the build tree */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = crk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
