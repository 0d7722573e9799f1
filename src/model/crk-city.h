/* crk-city.h: one ranked unit (a city)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRK_TYPE_CITY (crk_city_get_type ())
G_DECLARE_FINAL_TYPE (CrkCity, crk_city, CRK, CITY, GObject)

/* Properties: "code" (construct-only), "name", "name-zh", "province", "region",
 * "aliases" (GStrv), "index" (read-only: position in the owning dataset, G_MAXUINT when not in
 * one). Every setter notifies only on a real change, and the owning dataset marks itself modified
 * and emits its "changed" signal. */

/* Signals (added with the implementation): "attribute-changed" (const char *name) after
 * crk_city_set_attribute() changed an extra attribute; "reference-rank-changed" (int year)
 * after crk_city_set_reference_rank() changed a rank. */

CrkCity *crk_city_new (const char *code, const char *name);
const char *crk_city_get_code (CrkCity *self);
const char *crk_city_get_name (CrkCity *self);
void crk_city_set_name (CrkCity *self, const char *name);
const char *crk_city_get_name_zh (CrkCity *self);
void crk_city_set_name_zh (CrkCity *self, const char *name_zh);
/* The name in the user's language: Chinese when the UI runs in Chinese and the city has
 * a Chinese name, otherwise the English name (or the other, when one is missing). */
const char *crk_city_get_display_name (CrkCity *self);

/* Aliases: other names of the city that matching an import's keys accepts as it accepts
 * the names (深圳 for 深圳市 in a file that spells it so, "Shenzhen Shi"). Kept in the order
 * they were added; each at most once, compared exactly (what counts as the same name for
 * matching is the matcher's business, crk-import-dataset.h). */
/* NULL-terminated, never NULL; owned by the city, valid until the aliases change. */
const char *const *crk_city_get_aliases (CrkCity *self);
/* Replaces the aliases (@aliases nullable: none); empty texts and repeats are left out. */
void crk_city_set_aliases (CrkCity *self, const char *const *aliases);
/* Adds @alias at the end; FALSE (nothing changes) when it is empty or already an alias. */
gboolean crk_city_add_alias (CrkCity *self, const char *alias);
const char *crk_city_get_province (CrkCity *self);
void crk_city_set_province (CrkCity *self, const char *province);
const char *crk_city_get_region (CrkCity *self);
void crk_city_set_region (CrkCity *self, const char *region);

/* Group attributes beyond province and region (e.g. COINr's GDP_group).
 * crk_city_get_attribute() also answers "province" and "region".
 * Setting NULL removes the attribute. */
const char *crk_city_get_attribute (CrkCity *self, const char *name);
void crk_city_set_attribute (CrkCity *self, const char *name, const char *value);
/* Names of the extra attributes (not province/region), sorted; free with g_strfreev. */
char **crk_city_dup_attribute_names (CrkCity *self);

/* Published reference rank (e.g. CCID's) per year; 0 means none. */
guint crk_city_get_reference_rank (CrkCity *self, int year);
void crk_city_set_reference_rank (CrkCity *self, int year, guint rank);
/* Years with a reference rank, ascending. */
GArray *crk_city_dup_reference_years (CrkCity *self);

guint crk_city_get_index (CrkCity *self);

G_END_DECLS
