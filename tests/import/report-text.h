/* report-text.h: the problems or notices of an import as the CLI prints them, one a line
 * (the severity "x"), for comparing whole reports in the tests of the import sink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-import-dataset.h"

G_GNUC_UNUSED static char *
report_text (GPtrArray *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *line = crk_import_problem_to_string (g_ptr_array_index (list, i), "x");

      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

G_GNUC_UNUSED static void
assert_problems (GPtrArray *list, const char *expected)
{
  g_autofree char *text = report_text (list);

  g_assert_cmpstr (text, ==, expected);
}
