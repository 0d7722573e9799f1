/* crk-io-limits.c: the memory budget of reading a file
 *
 * A file says how many cities and indicators it has before it gives their values, and
 * a small file can declare a grid that would need gigabytes to rank. Readers check the
 * declared grid and the values they keep against one budget before they allocate for
 * them, and refuse the file with a message that names the dimensions and the memory.
 *
 * The budget is 1 GiB unless the environment variable CRK_MEMORY_LIMIT (bytes, or a
 * number with K, M, G or T: "512M", "4G") or crk_io_set_memory_limit() sets another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-io-limits"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "crk-io-limits.h"

static guint64 memory_limit; /* 0: not read yet */
G_LOCK_DEFINE_STATIC (memory_limit);

/**
 * crk_io_parse_memory_size:
 * @text: "1073741824", "512M", "4G", "1.5G" (K, M, G, T are powers of 1024; an optional
 *   "B" or "iB" may follow)
 * @bytes: (out): the size
 *
 * Returns: %TRUE when @text is a positive size
 */
gboolean
crk_io_parse_memory_size (const char *text, guint64 *bytes)
{
  char *end = NULL;
  double number, scale = 1;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  number = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  switch (g_ascii_toupper (*end))
    {
      case 'K':
        scale = 1024.0;
        end++;
        break;
      case 'M':
        scale = 1024.0 * 1024;
        end++;
        break;
      case 'G':
        scale = 1024.0 * 1024 * 1024;
        end++;
        break;
      case 'T':
        scale = 1024.0 * 1024 * 1024 * 1024;
        end++;
        break;
      default:
        break;
    }
  if (g_ascii_toupper (*end) == 'I')
    end++;
  if (g_ascii_toupper (*end) == 'B')
    end++;
  if (*end != '\0' || !(number > 0) || number * scale >= 18446744073709551616.0)
    return FALSE;
  *bytes = (guint64) (number * scale);
  return *bytes > 0;
}

/**
 * crk_io_format_memory_size:
 * @bytes: a size
 *
 * Returns: (transfer full): "8.0 GiB", "512 MiB", "67 KiB"
 */
char *
crk_io_format_memory_size (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);
}

/**
 * crk_io_get_memory_limit:
 *
 * Returns: the memory a file may make the program hold, in bytes
 */
guint64
crk_io_get_memory_limit (void)
{
  guint64 limit;

  G_LOCK (memory_limit);
  if (memory_limit == 0)
    {
      const char *env = g_getenv ("CRK_MEMORY_LIMIT");

      if (env == NULL || !crk_io_parse_memory_size (env, &memory_limit))
        {
          if (env != NULL)
            g_warning ("CRK_MEMORY_LIMIT=“%s” is not a size such as 512M or 4G; using 1 GiB", env);
          memory_limit = CRK_DEFAULT_MEMORY_LIMIT;
        }
    }
  limit = memory_limit;
  G_UNLOCK (memory_limit);
  return limit;
}

/**
 * crk_io_set_memory_limit:
 * @bytes: the new budget, or 0 to go back to CRK_MEMORY_LIMIT or the default
 */
void
crk_io_set_memory_limit (guint64 bytes)
{
  G_LOCK (memory_limit);
  memory_limit = bytes;
  G_UNLOCK (memory_limit);
}

static char *
over_budget (guint64 needed, const char *what)
{
  g_autofree char *need = crk_io_format_memory_size (needed);
  g_autofree char *limit = crk_io_format_memory_size (crk_io_get_memory_limit ());

  /* Translators: the first %s says what (“1024 cities × 4096 indicators”), then two sizes. */
  return g_strdup_printf (_ ("%s would take %s of memory, more than the limit of %s "
                             "(set CRK_MEMORY_LIMIT to change it); refusing the file"),
                          what, need, limit);
}

/**
 * crk_io_check_grid:
 * @n_cities: cities declared
 * @n_indicators: indicators and denominators declared
 * @message: (out) (optional) (transfer full): why the grid is refused
 *
 * Checks that ranking one year of the declared grid fits the budget. Years cost nothing
 * until they hold values, so they are not part of it.
 *
 * Returns: %TRUE when it fits
 */
gboolean
crk_io_check_grid (guint n_cities, guint n_indicators, char **message)
{
  guint64 needed = (guint64) n_cities * n_indicators * CRK_ENGINE_BYTES_PER_CELL;

  if (needed <= crk_io_get_memory_limit ())
    return TRUE;
  if (message != NULL)
    {
      g_autofree char *what =
        g_strdup_printf (_ ("Ranking %u cities × %u indicators"), n_cities, n_indicators);

      *message = over_budget (needed, what);
    }
  return FALSE;
}

/**
 * crk_io_check_values:
 * @n_values: values read so far
 * @message: (out) (optional) (transfer full): why they are refused
 *
 * Returns: %TRUE when holding @n_values fits the budget
 */
gboolean
crk_io_check_values (guint64 n_values, char **message)
{
  guint64 needed = n_values * CRK_STORED_VALUE_BYTES;

  if (n_values <= G_MAXUINT64 / CRK_STORED_VALUE_BYTES && needed <= crk_io_get_memory_limit ())
    return TRUE;
  if (message != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, n_values);
      g_autofree char *what = g_strdup_printf (_ ("Holding %s values"), count);

      *message = over_budget (needed, what);
    }
  return FALSE;
}

/**
 * crk_io_check_memory:
 * @needed: bytes that holding something read from a file would take
 * @what: what it is, translated, to start the message (“Reading the table”)
 * @message: (out) (optional) (transfer full): why it is refused
 *
 * Returns: %TRUE when @needed fits the budget
 */
gboolean
crk_io_check_memory (guint64 needed, const char *what, char **message)
{
  if (needed <= crk_io_get_memory_limit ())
    return TRUE;
  if (message != NULL)
    *message = over_budget (needed, what);
  return FALSE;
}
