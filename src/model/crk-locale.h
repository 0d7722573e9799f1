/* crk-locale.h: which language the user reads (English or Chinese)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "en", "zh_CN" (or any "zh*"), or NULL to follow the environment (g_get_language_names). */
void crk_locale_set_language (const char *language);
/* TRUE when the user's first language is Chinese. */
gboolean crk_locale_prefers_chinese (void);
/* The text in the user's language, falling back to the other; NULL/empty count as absent. */
const char *crk_locale_pick (const char *english, const char *chinese);
/* Pango language tag to set on layouts: "zh-cn" when Chinese text may appear in the user's
 * language, else "en". Chinese names are always shaped with Simplified Chinese glyphs. */
const char *crk_locale_get_pango_language (void);
/* @value with @decimals decimals, the locale's decimal point and its digit grouping
 * (a comma every three digits when the locale has none, as in C: 16,064.5). NAN gives
 * NULL. Main thread only (localeconv). */
char *crk_locale_format_number (double value, int decimals);

G_END_DECLS
