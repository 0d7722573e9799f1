/* crk-csv-field.c: one field of a CSV file as written (RFC 4180 quoting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-csv-field.h"

/**
 * crk_csv_append_field:
 * @out: the text being written
 * @text: (nullable): the field's text
 *
 * Appends @text as one CSV field, quoted when it must be.
 */
void
crk_csv_append_field (GString *out, const char *text)
{
  g_return_if_fail (out != NULL);

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
