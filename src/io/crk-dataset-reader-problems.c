/* crk-dataset-reader-problems.c: the problems of the native reader: collecting them, the check
 * of the prolog that refuses a file before it is parsed, and their places in the file
 * (element ordinals to lines and columns)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crk-dataset-reader-private.h"

void
_crk_reader_problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->message);
}

void
_crk_reader_add_problem_full (Reader *r,
                              gint64 ordinal,
                              int line,
                              int column,
                              CrkImportError code,
                              gint64 ref_ordinal,
                              char *message)
{
  Problem p = {ordinal, line, column, code, message, ref_ordinal, FALSE};

  if (r->stop)
    {
      g_free (message);
      return;
    }
  if (r->problems->len >= CRK_DATASET_MAX_PROBLEMS)
    {
      g_free (message);
      p.message = g_strdup (_ ("too many problems; stopping here"));
      p.code = CRK_IMPORT_ERROR_INVALID;
      p.ref_ordinal = 0;
      r->stop = TRUE;
    }
  g_array_append_val (r->problems, p);
  if (code == CRK_IMPORT_ERROR_HOSTILE)
    r->stop = TRUE;
}

/* A problem at the element with @ordinal. */
void
_crk_reader_add_problem (Reader *r, gint64 ordinal, CrkImportError code, const char *format, ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _crk_reader_add_problem_full (r, ordinal, 0, 0, code, 0, message);
}

/* A duplicate: a problem at @ordinal that also names the line of @first. */
void
_crk_reader_add_duplicate (Reader *r, gint64 ordinal, gint64 first, const char *format, ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _crk_reader_add_problem_full (r, ordinal, 0, 0, CRK_IMPORT_ERROR_INVALID, first, message);
}

/* The prolog: refuse DOCTYPE (and with it every entity) and encodings other than UTF-8 */

typedef struct
{
  const guint8 *p, *end;
  int line, column;
} Cursor;

static void
cursor_advance (Cursor *c, gsize n)
{
  for (gsize i = 0; i < n && c->p < c->end; i++, c->p++)
    {
      if (*c->p == '\n' || (*c->p == '\r' && (c->p + 1 >= c->end || c->p[1] != '\n')))
        {
          c->line++;
          c->column = 1;
        }
      else if ((*c->p & 0xc0) != 0x80 && *c->p != '\r')
        c->column++;
    }
}

static gboolean
cursor_looking_at (Cursor *c, const char *s)
{
  gsize n = strlen (s);

  return (gsize) (c->end - c->p) >= n && memcmp (c->p, s, n) == 0;
}

/* Moves past @s; FALSE when the buffer ends first. */
static gboolean
cursor_skip_past (Cursor *c, const char *s)
{
  while (c->p < c->end)
    {
      if (cursor_looking_at (c, s))
        {
          cursor_advance (c, strlen (s));
          return TRUE;
        }
      cursor_advance (c, 1);
    }
  return FALSE;
}

/* Returns FALSE (with a problem) when the file must not be parsed. */
gboolean
_crk_reader_check_prolog (Reader *r, const guint8 *data, gsize length, gboolean whole)
{
  Cursor c = {data, data + length, 1, 1};

  if (length == 0)
    {
      _crk_reader_add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_MALFORMED, 0,
                                    g_strdup (_ ("the file is empty")));
      return FALSE;
    }
  if (length >= 2 &&
      ((data[0] == 0xfe && data[1] == 0xff) || (data[0] == 0xff && data[1] == 0xfe) ||
       data[0] == 0 || data[1] == 0))
    {
      _crk_reader_add_problem_full (
        r, 0, 1, 1, CRK_IMPORT_ERROR_MALFORMED, 0,
        g_strdup (
          _ ("the file is not UTF-8 (it looks like UTF-16 or UTF-32); the format is UTF-8")));
      return FALSE;
    }
  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    c.p += 3;

  if (cursor_looking_at (&c, "<?xml") && c.p + 5 < c.end && g_ascii_isspace (c.p[5]))
    {
      const guint8 *start = c.p;
      const guint8 *decl_end;
      g_autofree char *decl = NULL;
      const char *enc;

      if (!cursor_skip_past (&c, "?>"))
        return TRUE; /* the parser reports it */
      decl_end = c.p;
      decl = g_strndup ((const char *) start, decl_end - start);
      enc = strstr (decl, "encoding");
      if (enc != NULL)
        {
          const char *q = enc + strlen ("encoding");

          while (g_ascii_isspace (*q) || *q == '=')
            q++;
          if (*q == '"' || *q == '\'')
            {
              char quote = *q++;
              const char *e = strchr (q, quote);

              if (e != NULL)
                {
                  g_autofree char *name = g_strndup (q, e - q);

                  if (g_ascii_strcasecmp (name, "UTF-8") != 0)
                    {
                      _crk_reader_add_problem_full (
                        r, 0, 1, 1, CRK_IMPORT_ERROR_MALFORMED, 0,
                        g_strdup_printf (
                          _ ("the file declares the encoding “%s”; the format is UTF-8"),
                          g_utf8_validate (name, -1, NULL) ? name : "?"));
                      return FALSE;
                    }
                }
            }
        }
    }

  for (;;)
    {
      while (c.p < c.end && g_ascii_isspace (*c.p))
        cursor_advance (&c, 1);
      if (c.p >= c.end)
        break;
      if (cursor_looking_at (&c, "<!--"))
        {
          if (!cursor_skip_past (&c, "-->"))
            break;
        }
      else if (cursor_looking_at (&c, "<?"))
        {
          if (!cursor_skip_past (&c, "?>"))
            break;
        }
      else if (cursor_looking_at (&c, "<!"))
        {
          _crk_reader_add_problem_full (
            r, 0, c.line, c.column, CRK_IMPORT_ERROR_HOSTILE, 0,
            g_strdup (_ ("the file has a document type declaration (DOCTYPE); "
                         "DTDs and entities are refused for safety")));
          return FALSE;
        }
      else if (*c.p != '<')
        {
          _crk_reader_add_problem_full (
            r, 0, c.line, c.column, CRK_IMPORT_ERROR_MALFORMED, 0,
            g_strdup (_ ("this is not an XML file (the document does not start with “<”)")));
          return FALSE;
        }
      else
        return TRUE; /* the root element */
    }

  if (!whole)
    {
      _crk_reader_add_problem_full (
        r, 0, c.line, c.column, CRK_IMPORT_ERROR_HOSTILE, 0,
        g_strdup_printf (
          _ ("the part before the first element is longer than %d bytes; refusing the file"),
          PROLOG_SCAN_LIMIT));
      return FALSE;
    }
  return TRUE;
}

/* Ordinals to lines and columns: a second pass over the bytes */

typedef struct
{
  gint64 ordinal;
  int line;
  int column;
} Place;

typedef struct
{
  /* lexer state */
  int state;
  int match; /* progress through a closing delimiter */
  int line, column;
  int lt_line, lt_column;
  gint64 ordinal;
  gboolean started;
  gboolean prev_cr;
  /* wanted */
  Place *places; /* sorted by ordinal */
  guint n_places, next;
  GHashTable *line_columns; /* line -> column of its first element, for lines wanted */
} Locator;

enum
{
  L_TEXT,
  L_LT,
  L_BANG,
  L_BANG_DASH,
  L_COMMENT,
  L_CDATA_OPEN,
  L_CDATA,
  L_PI,
  L_DECL
};

static void
locator_element (Locator *l)
{
  gpointer key = GINT_TO_POINTER (l->lt_line);

  l->ordinal++;
  while (l->next < l->n_places && l->places[l->next].ordinal <= l->ordinal)
    {
      if (l->places[l->next].ordinal == l->ordinal)
        {
          l->places[l->next].line = l->lt_line;
          l->places[l->next].column = l->lt_column;
        }
      l->next++;
    }
  if (g_hash_table_contains (l->line_columns, key) &&
      GPOINTER_TO_INT (g_hash_table_lookup (l->line_columns, key)) == 0)
    g_hash_table_insert (l->line_columns, key, GINT_TO_POINTER (l->lt_column));
}

static void
locator_feed (Locator *l, const guint8 *data, gsize length)
{
  static const char cdata[] = "[CDATA[";

  /* A UTF-8 byte order mark takes no column. */
  if (!l->started && length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }
  l->started = TRUE;

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      switch (l->state)
        {
          case L_TEXT:
            if (b == '<')
              {
                l->state = L_LT;
                l->lt_line = l->line;
                l->lt_column = l->column;
              }
            break;
          case L_LT:
            if (b == '!')
              l->state = L_BANG;
            else if (b == '?')
              {
                l->state = L_PI;
                l->match = 0;
              }
            else if (b == '/')
              l->state = L_TEXT;
            else
              {
                locator_element (l);
                l->state = L_TEXT;
              }
            break;
          case L_BANG:
            if (b == '-')
              l->state = L_BANG_DASH;
            else if (b == '[')
              {
                l->state = L_CDATA_OPEN;
                l->match = 2;
              }
            else
              l->state = L_DECL;
            break;
          case L_BANG_DASH:
            l->state = L_COMMENT;
            l->match = 0;
            break;
          case L_COMMENT:
            if (b == '-')
              l->match = MIN (l->match + 1, 2);
            else if (b == '>' && l->match == 2)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_CDATA_OPEN:
            if (cdata[l->match - 1] == (char) b && l->match < (int) sizeof cdata - 1)
              l->match++;
            else
              l->state = L_TEXT;
            if (l->match == (int) sizeof cdata - 1)
              {
                l->state = L_CDATA;
                l->match = 0;
              }
            break;
          case L_CDATA:
            if (b == ']')
              l->match = MIN (l->match + 1, 2);
            else if (b == '>' && l->match == 2)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_PI:
            if (b == '?')
              l->match = 1;
            else if (b == '>' && l->match == 1)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_DECL:
            if (b == '>')
              l->state = L_TEXT;
            break;
          default:
            g_assert_not_reached ();
        }

      /* Line ends as XML counts them: LF, CRLF or a lone CR. */
      if (b == '\n')
        {
          if (!l->prev_cr)
            l->line++;
          l->column = 1;
        }
      else if (b == '\r')
        {
          l->line++;
          l->column = 1;
        }
      else if ((b & 0xc0) != 0x80)
        l->column++;
      l->prev_cr = b == '\r';
    }
}

static int
compare_places (gconstpointer a, gconstpointer b)
{
  const Place *x = a, *y = b;

  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* Fills in the line and column of every problem located by ordinal, and the column of
 * problems that have only a line. */
static void
locate_problems (Reader *r)
{
  Locator l = {0};
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));
  gint64 max_ordinal = 0;
  int max_line = 0;

  l.line_columns = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);
      gint64 ords[2] = {p->ordinal, p->ref_ordinal};

      for (guint k = 0; k < 2; k++)
        if (ords[k] > 0)
          {
            Place place = {ords[k], 0, 0};

            g_array_append_val (places, place);
            max_ordinal = MAX (max_ordinal, ords[k]);
          }
      if (p->ordinal <= 0 && p->line > 0 && p->column <= 0)
        {
          g_hash_table_insert (l.line_columns, GINT_TO_POINTER (p->line), GINT_TO_POINTER (0));
          max_line = MAX (max_line, p->line);
        }
    }
  if (places->len == 0 && max_line == 0)
    goto out;

  g_array_sort (places, compare_places);
  l.places = (Place *) places->data;
  l.n_places = places->len;
  l.line = l.column = 1;

  if (r->path == NULL)
    locator_feed (&l, (const guint8 *) r->data, r->length);
  else
    {
      FILE *f = fopen (r->path, "rb");
      guint8 buffer[64 * 1024];
      size_t n;

      if (f == NULL)
        goto out;
      while ((n = fread (buffer, 1, sizeof buffer, f)) > 0)
        {
          locator_feed (&l, buffer, n);
          if (l.ordinal >= max_ordinal && l.line > max_line)
            break;
        }
      fclose (f);
    }

  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);

      for (guint k = 0; k < places->len; k++)
        {
          Place *place = &g_array_index (places, Place, k);

          if (place->ordinal == p->ordinal && place->line > 0)
            {
              p->line = place->line;
              p->column = place->column;
            }
          if (place->ordinal == p->ref_ordinal && place->line > 0)
            {
              char *message =
                g_strdup_printf (_ ("%s (first at line %d)"), p->message, place->line);

              g_free (p->message);
              p->message = message;
              p->ref_ordinal = 0;
            }
        }
      if (p->ordinal <= 0 && p->line > 0 && p->column <= 0)
        p->column =
          GPOINTER_TO_INT (g_hash_table_lookup (l.line_columns, GINT_TO_POINTER (p->line)));
    }

out:
  g_hash_table_unref (l.line_columns);
  g_array_unref (places);
}

/* In the order of the file; problems without a place last. */
static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const Problem *x = a, *y = b;
  guint lx = x->line > 0 ? (guint) x->line : G_MAXUINT;
  guint ly = y->line > 0 ? (guint) y->line : G_MAXUINT;

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

/* Turns the collected problems into CrkProblems and @error. */
void
_crk_reader_finish_problems (Reader *r, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);

  /* libxml2 validates what it has of a document it cannot parse to the end, elements
   * cut short included: its schema messages then say nothing about the file. */
  if (r->broken)
    for (guint k = r->problems->len; k > 0; k--)
      if (g_array_index (r->problems, Problem, k - 1).from_libxml)
        g_array_remove_index (r->problems, k - 1);

  locate_problems (r);
  /* A stable sort: problems of one element keep the order they were found in. */
  g_array_sort (r->problems, compare_problems);
  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);
      gboolean repeat = FALSE;

      /* libxml2 sometimes says the same thing twice about one element. */
      for (guint k = 0; k < i && !repeat; k++)
        {
          Problem *q = &g_array_index (r->problems, Problem, k);

          repeat =
            q->line == p->line && q->column == p->column && strcmp (q->message, p->message) == 0;
        }
      if (!repeat)
        g_ptr_array_add (list,
                         crk_problem_new (r->name, p->line, p->column, p->code, "%s", p->message));
    }
  crk_problems_to_error (list, error);
  if (problems != NULL)
    *problems = g_steal_pointer (&list);
}
