/* crk-locale.c: which language the user reads (English or Chinese)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-locale"

#include "config.h"

#include <glib/gi18n.h>

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
crk_locale_pick (const char *english,
                 const char *chinese)
{
  if (crk_locale_prefers_chinese ())
    return present (chinese) ? chinese : present (english) ? english
                                                           : NULL;
  return present (english) ? english : present (chinese) ? chinese
                                                         : NULL;
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
