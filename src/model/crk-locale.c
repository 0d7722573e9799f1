/* crk-locale.c: which language the user reads (English or Chinese)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crk-locale.h"

static char *explicit_language;

/**
 * crk_locale_set_language:
 * @language: (nullable): "en", "zh_CN" (any "zh*"), or %NULL to follow the environment
 *
 * Overrides the language used to pick names. Not thread-safe: call it from the main
 * thread before other threads read names.
 */
void
crk_locale_set_language (const char *language)
{
  g_free (explicit_language);
  explicit_language = (language != NULL && *language != '\0') ? g_strdup (language) : NULL;
}

/**
 * crk_locale_prefers_chinese:
 *
 * Returns: %TRUE when the explicit language, or else the environment's first language,
 *   starts with "zh"
 */
gboolean
crk_locale_prefers_chinese (void)
{
  const char *lang = explicit_language;

  if (lang == NULL)
    {
      const char *const *names = g_get_language_names ();

      lang = names != NULL ? names[0] : NULL;
    }
  return lang != NULL && g_str_has_prefix (lang, "zh");
}

static gboolean
present (const char *s)
{
  return s != NULL && *s != '\0';
}

/**
 * crk_locale_pick:
 * @english: (nullable): the English text
 * @chinese: (nullable): the Chinese text
 *
 * Returns: (nullable): the text in the user's language, else the other one; %NULL when
 *   both are absent (%NULL or empty)
 */
const char *
crk_locale_pick (const char *english, const char *chinese)
{
  if (crk_locale_prefers_chinese ())
    return present (chinese) ? chinese : present (english) ? english : NULL;
  return present (english) ? english : present (chinese) ? chinese : NULL;
}

/**
 * crk_locale_get_pango_language:
 *
 * Returns: "zh-cn" when the user reads Chinese, else "en"
 */
const char *
crk_locale_get_pango_language (void)
{
  return crk_locale_prefers_chinese () ? "zh-cn" : "en";
}

/* Inserts @separator into the run of digits of @number (printf "%.*f" output) by the
 * locale's @grouping (struct lconv). */
static char *
group_digits (const char *number, const char *separator, const char *grouping)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *digits = number + (number[0] == '-' ? 1 : 0);
  size_t n_int = strspn (digits, "0123456789");
  g_autofree gboolean *cut = g_new0 (gboolean, n_int + 1);
  size_t pos = n_int;
  const char *g = grouping;
  int size = 3;

  /* positions (from the left) after which a separator goes, found from the right */
  while (TRUE)
    {
      if (*g != '\0' && *g != CHAR_MAX)
        size = *g > 0 ? *g : size;
      else if (*g == CHAR_MAX)
        break;
      if (size <= 0 || pos <= (size_t) size)
        break;
      pos -= (size_t) size;
      cut[pos] = TRUE;
      if (*g != '\0' && g[1] != '\0')
        g++;
    }
  g_string_append_len (out, number, digits - number);
  for (size_t i = 0; i < n_int; i++)
    {
      if (i > 0 && cut[i])
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + n_int);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * crk_locale_format_number:
 * @value: a number
 * @decimals: digits after the decimal point (0 for counts)
 *
 * Formats @value with the locale's decimal point and digit grouping; a locale without
 * grouping (C, POSIX) gets a comma every three digits, so 16064 reads 16,064.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for NAN
 */
char *
crk_locale_format_number (double value, int decimals)
{
  const struct lconv *conv = localeconv ();
  g_autofree char *plain = NULL;
  const char *separator = ",";
  const char *grouping = "\3";

  if (isnan (value))
    return NULL;
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  plain = g_strdup_printf ("%.*f", CLAMP (decimals, 0, 17), value);
  if (g_str_has_prefix (plain, "-") && strspn (plain + 1, "0.,") == strlen (plain + 1))
    memmove (plain, plain + 1, strlen (plain)); /* no "-0" */
  if (conv != NULL && conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0' &&
      conv->grouping != NULL && conv->grouping[0] != '\0')
    {
      separator = conv->thousands_sep;
      grouping = conv->grouping;
    }
  return group_digits (plain, separator, grouping);
}
