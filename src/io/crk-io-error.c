/* crk-io-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-io-error"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-io-error.h"

/* G_DEFINE_QUARK names the quark after its first argument, as written */
/* clang-format off */
G_DEFINE_QUARK (crk-import-error-quark, crk_import_error)
/* clang-format on */

CrkProblem *
crk_problem_new (const char *file,
                 int line,
                 int column,
                 CrkImportError code,
                 const char *format,
                 ...)
{
  CrkProblem *problem = g_new0 (CrkProblem, 1);
  g_autofree char *message = NULL;
  va_list args;

  /* Shown and printed as they are: whatever a file quoted into them, valid UTF-8. */
  problem->file = file != NULL ? g_utf8_make_valid (file, -1) : NULL;
  problem->line = line;
  problem->column = column;
  problem->code = code;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->message = g_utf8_make_valid (message, -1);
  return problem;
}

void
crk_problem_free (CrkProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

char *
crk_problem_to_string (const CrkProblem *problem)
{
  GString *s = g_string_new (problem->file != NULL ? problem->file : "");

  if (problem->line > 0)
    {
      g_string_append_printf (s, ":%d", problem->line);
      if (problem->column > 0)
        g_string_append_printf (s, ":%d", problem->column);
    }
  /* TRANSLATORS: the severity in "FILE:LINE:COLUMN: error: MESSAGE" */
  g_string_append_printf (s, ": %s: %s", _ ("error"), problem->message);
  return g_string_free (s, FALSE);
}

gboolean
crk_problems_to_error (GPtrArray *problems, GError **error)
{
  GString *s;

  if (problems == NULL || problems->len == 0)
    return TRUE;

  s = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = crk_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, line);
    }
  g_set_error_literal (error, CRK_IMPORT_ERROR,
                       ((CrkProblem *) g_ptr_array_index (problems, 0))->code, s->str);
  g_string_free (s, TRUE);
  return FALSE;
}
