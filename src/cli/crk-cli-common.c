/* crk-cli-common.c: what several subcommands of cityrank-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-cli-common"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-cli.h"
#include "crk-csv-import.h"
#include "crk-dataset-reader.h"

CrkDataset *
crk_cli_load_dataset (const char *path)
{
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset;

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    dataset = crk_csv_import_guess (path, 0, NULL, &error);
  else
    dataset = crk_dataset_read (path, NULL, &error);
  if (dataset == NULL)
    crk_cli_error ("%s", error->message);
  return dataset;
}

void
crk_cli_append_csv_field (GString *out,
                          const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
crk_cli_append_json_string (GString *out,
                            const char *text)
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
