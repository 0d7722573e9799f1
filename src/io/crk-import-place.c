/* crk-import-place.c: what the import sink shares: texts as a dataset holds them, the
 * places of the observations (interned file, sheet and cell texts; a compact table of
 * where each value was), problems reported at a place and printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-dataset-private.h"
#include "crk-io-limits.h"

/* Texts */

/* @text with every run of blanks made one space and none at the ends; NULL when it is
 * empty, longer than a code may be, or holds what a dataset file cannot. */
char *
_crk_import_clean_code (const char *text)
{
  GString *s;
  gboolean blank = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          blank = s->len > 0;
          continue;
        }
      if (c < 0x20 || c == 0xfffe || c == 0xffff)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      if (blank)
        g_string_append_c (s, ' ');
      blank = FALSE;
      g_string_append_unichar (s, c);
    }
  if (s->len == 0 || g_utf8_strlen (s->str, -1) > MAX_CODE_LENGTH)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* @text as a dataset file can hold it: invalid UTF-8, control characters (but tabs and
 * line breaks) and U+FFFE/U+FFFF become U+FFFD. NULL for NULL or an empty text. */
char *
_crk_import_clean_text (const char *text)
{
  GString *s;
  const char *p, *end;

  if (text == NULL || *text == '\0')
    return NULL;
  s = g_string_new (NULL);
  for (p = text; *p != '\0'; p = end)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (s, "\xef\xbf\xbd");
          end = p + 1;
          continue;
        }
      end = g_utf8_next_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append (s, "\xef\xbf\xbd");
      else
        g_string_append_len (s, p, end - p);
    }
  return g_string_free (s, FALSE);
}

/* @text for a message: at most 60 characters, control characters as U+FFFD. */
char *
_crk_import_printable (const char *text)
{
  g_autofree char *clean = _crk_import_clean_text (text);
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = clean != NULL ? clean : ""; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 60)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, c < 0x20 ? 0xfffd : c);
    }
  return g_string_free (s, FALSE);
}

gboolean
_crk_import_is_chinese (const char *text)
{
  gboolean han = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        han = TRUE;
      else if (c < 0x80 && g_ascii_isalpha ((char) c))
        return FALSE;
    }
  return han;
}

char *
_crk_import_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* Places */

guint32
_crk_import_intern (CrkImportDataset *self, const char *text)
{
  gpointer index;

  if (g_hash_table_lookup_extended (self->string_index, text, NULL, &index))
    return GPOINTER_TO_UINT (index);
  g_ptr_array_add (self->strings, g_strdup (text));
  g_hash_table_insert (self->string_index,
                       g_ptr_array_index (self->strings, self->strings->len - 1),
                       GUINT_TO_POINTER (self->strings->len - 1));
  return self->strings->len - 1;
}

/* "B7" as row 7, column 2; FALSE when it is not such a reference. */
static gboolean
parse_cell (const char *cell, guint32 *row, guint32 *column)
{
  guint64 c = 0, r = 0;
  const char *p = cell;

  for (; g_ascii_isalpha (*p) && p - cell < 3; p++)
    c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (p == cell || !g_ascii_isdigit (*p) || *p == '0')
    return FALSE;
  for (; g_ascii_isdigit (*p) && r < G_MAXUINT32 / 10; p++)
    r = r * 10 + (guint64) (*p - '0');
  if (*p != '\0')
    return FALSE;
  *row = (guint32) r;
  *column = (guint32) c;
  return TRUE;
}

void
_crk_import_make_place (CrkImportDataset *self, const CrkObservation *obs, Place *place)
{
  guint32 row, column;

  memset (place, 0, sizeof *place);
  place->file = self->file;
  if (obs->sheet != NULL || obs->cell != NULL)
    {
      place->sheet = _crk_import_intern (self, obs->sheet != NULL ? obs->sheet : "") + 1;
      if (parse_cell (obs->cell != NULL ? obs->cell : "", &row, &column))
        {
          place->a = row;
          place->b = column;
        }
      else
        {
          place->a = 0;
          place->b = _crk_import_intern (self, obs->cell != NULL ? obs->cell : "");
        }
    }
  else
    {
      place->sheet = 0;
      place->a = (guint32) MAX (obs->line, 0);
      place->b = (guint32) MAX (obs->column, 0) & G_MAXINT32;
    }
}

/* The cell text of a sheet place. */
static char *
place_cell (CrkImportDataset *self, const Place *place)
{
  char letters[8];
  int n = 0;

  if (place->a == 0)
    return g_strdup (g_ptr_array_index (self->strings, place->b));
  for (guint32 c = place->b; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  letters[n] = '\0';
  g_strreverse (letters);
  return g_strdup_printf ("%s%u", letters, place->a);
}

/* "FILE:LINE:COLUMN" or "FILE:SHEET!CELL", for messages. */
char *
_crk_import_place_to_string (CrkImportDataset *self, const Place *place)
{
  const char *file = g_ptr_array_index (self->strings, place->file);
  g_autofree char *cell = NULL;

  if (place->sheet > 0)
    {
      cell = place_cell (self, place);
      return g_strdup_printf ("%s:%s!%s", file,
                              (char *) g_ptr_array_index (self->strings, place->sheet - 1), cell);
    }
  if (place->a > 0 && place->b > 0)
    return g_strdup_printf ("%s:%u:%u", file, place->a, place->b);
  if (place->a > 0)
    return g_strdup_printf ("%s:%u", file, place->a);
  return g_strdup (file);
}

void
_crk_import_report_at (CrkImportDataset *self,
                       const Place *place,
                       gboolean notice,
                       CrkImportError code,
                       const char *format,
                       ...)
{
  const char *file = g_ptr_array_index (self->strings, place->file);
  g_autofree char *message = NULL;
  va_list args;

  if (self->report == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (place->sheet > 0)
    {
      const char *sheet = g_ptr_array_index (self->strings, place->sheet - 1);
      g_autofree char *cell = place_cell (self, place);

      if (notice)
        crk_import_report_cell_notice (self->report, file, sheet, cell, "%s", message);
      else
        crk_import_report_cell_error (self->report, file, sheet, cell, code, "%s", message);
    }
  else if (notice)
    crk_import_report_notice (self->report, file, (int) MIN (place->a, G_MAXINT),
                              (int) MIN (place->b, G_MAXINT), "%s", message);
  else
    crk_import_report_error (self->report, file, (int) MIN (place->a, G_MAXINT),
                             (int) MIN (place->b, G_MAXINT), code, "%s", message);
}

void
_crk_import_report_general (CrkImportDataset *self,
                            gboolean notice,
                            CrkImportError code,
                            const char *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;
  Place place = {self->file, 0, 0, 0};

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->strings->len > 0)
    _crk_import_report_at (self, &place, notice, code, "%s", message);
  else if (self->report != NULL && notice)
    crk_import_report_notice (self->report, NULL, 0, 0, "%s", message);
  else if (self->report != NULL)
    crk_import_report_error (self->report, NULL, 0, 0, code, "%s", message);
}

guint64
_crk_import_cell_key (guint city, guint indicator, int year)
{
  return ((guint64) city << 34) | ((guint64) indicator << 14) | (guint64) year;
}

PlaceEntry *
_crk_import_place_slot (PlaceTable *t, guint64 key)
{
  gsize mask = t->size - 1;
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 20) & mask;

  while (t->entries[i].key != 0 && t->entries[i].key != key)
    i = (i + 1) & mask;
  return &t->entries[i];
}

const Place *
_crk_import_place_lookup (PlaceTable *t, guint64 key)
{
  PlaceEntry *e;

  if (t->size == 0)
    return NULL;
  e = _crk_import_place_slot (t, key);
  return e->key == key ? &e->place : NULL;
}

/* Makes room for one more entry; FALSE when the memory cannot be had. */
gboolean
_crk_import_place_reserve (PlaceTable *t, char **message)
{
  gsize size = t->size == 0 ? 1024 : t->size * 2;
  PlaceEntry *old = t->entries, *entries;
  gsize old_size = t->size;

  if ((t->n + 1) * 2 <= t->size)
    return TRUE;
  if (!crk_io_check_memory ((guint64) size * sizeof (PlaceEntry) +
                              (guint64) t->n * CRK_STORED_VALUE_BYTES,
                            _ ("Importing the values"), message))
    return FALSE;
  entries = g_try_malloc0_n (size, sizeof (PlaceEntry));
  if (entries == NULL)
    {
      *message = g_strdup (_ ("out of memory holding the places of the values"));
      return FALSE;
    }
  t->entries = entries;
  t->size = size;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != 0)
      *_crk_import_place_slot (t, old[i].key) = old[i];
  g_free (old);
  return TRUE;
}

/* Printing problems */

/* The length of the "SHEET!CELL: " that starts @message, 0 when none. */
static gsize
cell_prefix_length (const char *message)
{
  for (const char *bang = strchr (message, '!'); bang != NULL; bang = strchr (bang + 1, '!'))
    {
      const char *p = bang + 1;

      while (g_ascii_isalpha (*p))
        p++;
      if (p == bang + 1 || !g_ascii_isdigit (*p))
        continue;
      while (g_ascii_isdigit (*p))
        p++;
      if (p[0] == ':' && p[1] == ' ')
        return (gsize) (p + 2 - message);
    }
  return 0;
}

char *
crk_import_problem_to_string (const CrkProblem *problem, const char *severity)
{
  GString *s = g_string_new (problem->file != NULL ? problem->file : "");
  const char *message = problem->message;
  gsize prefix = problem->line == 0 ? cell_prefix_length (message) : 0;

  if (prefix > 0)
    {
      g_string_append_c (s, ':');
      g_string_append_len (s, message, (gssize) prefix - 2);
      message += prefix;
    }
  else if (problem->line > 0)
    {
      g_string_append_printf (s, ":%d", problem->line);
      if (problem->column > 0)
        g_string_append_printf (s, ":%d", problem->column);
    }
  g_string_append_printf (s, ": %s: %s", severity, message);
  return g_string_free (s, FALSE);
}
