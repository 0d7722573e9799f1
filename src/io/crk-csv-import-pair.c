/* crk-csv-import-pair.c: finding the two tables of a COINr pair (crk_csv_find_pair())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-csv-import-private.h"

/* Header fields of a CSV file (only its first record). */
static char **
read_header (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (CsvTable) table = NULL;
  Problems p = {g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free), FALSE};
  GPtrArray *names;
  gsize end = 0;
  gboolean in_quotes = FALSE;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  char buffer[65536];
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    {
      g_ptr_array_unref (p.problems);
      return NULL;
    }
  n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, NULL, error);
  if (n < 0)
    {
      g_ptr_array_unref (p.problems);
      return NULL;
    }
  length = (gsize) n;

  /* Up to the end of the first record, but not into a cut UTF-8 sequence. */
  for (end = 0; end < length; end++)
    {
      if (buffer[end] == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && is_newline (buffer[end]))
        break;
    }
  contents = g_strndup (buffer, end);
  table = _crk_csv_parse (path, contents, end, &p);
  g_ptr_array_unref (p.problems);

  names = g_ptr_array_new ();
  if (table != NULL && table->records->len > 0)
    {
      CsvRecord *header = record_at (table, 0);

      for (guint c = 0; c < header->fields->len; c++)
        g_ptr_array_add (names, g_strdup (field_at (header, c)->text));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static gboolean
header_has (char **names, const char *name)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Swaps the last @from (any case) in @base for @to in the same case pattern. */
static char *
swap_word (const char *base, const char *from, const char *to)
{
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char *hit = NULL;
  gsize n = strlen (from);
  GString *s;

  for (const char *c = strstr (lower, from); c != NULL; c = strstr (c + 1, from))
    hit = c;
  if (hit == NULL)
    return NULL;

  s = g_string_new_len (base, hit - lower);
  for (gsize i = 0; i < n; i++)
    {
      char original = base[(hit - lower) + i];

      g_string_append_c (s, g_ascii_isupper (original) ? g_ascii_toupper (to[i]) : to[i]);
    }
  g_string_append (s, base + (hit - lower) + n);
  return g_string_free (s, FALSE);
}

/**
 * crk_csv_find_pair:
 * @path: the data or the metadata table
 * @data_path: (out) (transfer full): the data table
 * @meta_path: (out) (transfer full): the metadata table
 * @error: return location for an error
 *
 * Finds the other table of a COINr pair next to @path (see crk-csv-import.h).
 *
 * Returns: %TRUE when both tables were found
 */
gboolean
crk_csv_find_pair (const char *path, char **data_path, char **meta_path, GError **error)
{
  g_auto (GStrv) header = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *companion = NULL;
  gboolean is_meta;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data_path != NULL && meta_path != NULL, FALSE);

  header = read_header (path, error);
  if (header == NULL)
    {
      if (error != NULL && *error != NULL && (*error)->domain != CRK_IMPORT_ERROR)
        {
          GError *e = *error;

          *error = g_error_new (CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, "%s", e->message);
          g_error_free (e);
        }
      return FALSE;
    }
  is_meta = header_has (header, "iCode");
  if (!is_meta && !header_has (header, "uCode"))
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID,
                   _ ("%s: the header has neither a uCode column (a data table) nor an iCode "
                      "column (a metadata table)"),
                   path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  swapped = is_meta ? swap_word (base, "meta", "data") : swap_word (base, "data", "meta");
  if (swapped != NULL)
    {
      g_autofree char *candidate = g_build_filename (dir, swapped, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        companion = g_steal_pointer (&candidate);
    }

  if (companion == NULL)
    {
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;
      guint found = 0;

      while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *candidate = NULL;
          g_auto (GStrv) other = NULL;

          if (strcmp (entry, base) == 0 || !g_str_has_suffix (entry, ".csv"))
            continue;
          candidate = g_build_filename (dir, entry, NULL);
          other = read_header (candidate, NULL);
          if (other == NULL || !header_has (other, is_meta ? "uCode" : "iCode"))
            continue;
          found++;
          g_free (companion);
          companion = g_steal_pointer (&candidate);
        }
      if (found > 1)
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                       is_meta ? _ ("%s: several data tables are next to this metadata table; "
                                    "name the pair X_data.csv and X_meta.csv")
                               : _ ("%s: several metadata tables are next to this data table; "
                                    "name the pair X_data.csv and X_meta.csv"),
                       path);
          return FALSE;
        }
    }

  if (companion == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                   is_meta ? _ ("%s: no data table (with a uCode column) was found next to "
                                "this metadata table")
                           : _ ("%s: no metadata table (with an iCode column) was found next "
                                "to this data table"),
                   path);
      return FALSE;
    }

  *data_path = is_meta ? g_steal_pointer (&companion) : g_strdup (path);
  *meta_path = is_meta ? g_strdup (path) : g_steal_pointer (&companion);
  return TRUE;
}
