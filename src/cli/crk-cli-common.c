/* crk-cli-common.c: what several subcommands of cityrank-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-cli-common"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-cli.h"
#include "crk-open.h"

CrkDataset *
crk_cli_load_dataset (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkDataset *dataset = crk_open_file (path, NULL, report, NULL, &error);

  crk_cli_print_import_report (report);
  if (dataset == NULL && !crk_import_report_failed (report))
    crk_cli_error ("%s", error->message);
  return dataset;
}

void
crk_cli_append_json_string (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}
