/* crk-indicator.h: one measured quantity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CRK_INDICATOR_KIND_INDICATOR,   /* a leaf of the framework, aggregated into the index */
  CRK_INDICATOR_KIND_DENOMINATOR, /* population, GDP, area...: divides other indicators */
} CrkIndicatorKind;

GType crk_indicator_kind_get_type (void);
#define CRK_TYPE_INDICATOR_KIND (crk_indicator_kind_get_type ())

#define CRK_TYPE_INDICATOR (crk_indicator_get_type ())
G_DECLARE_FINAL_TYPE (CrkIndicator, crk_indicator, CRK, INDICATOR, GObject)

/* Properties: "code" (construct-only), "kind", "name", "name-zh", "unit", "unit-zh",
 * "direction" (+1 more is better, -1 less is better), "description", "description-zh", "source",
 * "denominator" (code of a denominator indicator, or NULL), "goalpost-low",
 * "goalpost-high", "target" (NAN when unset), "index" (read-only position in the dataset). */

CrkIndicator *crk_indicator_new (const char *code, CrkIndicatorKind kind);
const char *crk_indicator_get_code (CrkIndicator *self);
CrkIndicatorKind crk_indicator_get_kind (CrkIndicator *self);
void crk_indicator_set_kind (CrkIndicator *self, CrkIndicatorKind kind);
const char *crk_indicator_get_name (CrkIndicator *self);
void crk_indicator_set_name (CrkIndicator *self, const char *name);
const char *crk_indicator_get_name_zh (CrkIndicator *self);
void crk_indicator_set_name_zh (CrkIndicator *self, const char *name_zh);
/* Name in the user's language, falling back to the other language, then the code. */
const char *crk_indicator_get_display_name (CrkIndicator *self);
const char *crk_indicator_get_unit (CrkIndicator *self);
void crk_indicator_set_unit (CrkIndicator *self, const char *unit);
const char *crk_indicator_get_unit_zh (CrkIndicator *self);
void crk_indicator_set_unit_zh (CrkIndicator *self, const char *unit_zh);
/* Unit in the user's language, falling back to the other language (NULL when neither). */
const char *crk_indicator_get_display_unit (CrkIndicator *self);
int crk_indicator_get_direction (CrkIndicator *self);
void crk_indicator_set_direction (CrkIndicator *self, int direction);
const char *crk_indicator_get_description (CrkIndicator *self);
void crk_indicator_set_description (CrkIndicator *self, const char *description);
const char *crk_indicator_get_description_zh (CrkIndicator *self);
void crk_indicator_set_description_zh (CrkIndicator *self, const char *description_zh);
const char *crk_indicator_get_display_description (CrkIndicator *self);
const char *crk_indicator_get_source (CrkIndicator *self);
void crk_indicator_set_source (CrkIndicator *self, const char *source);
const char *crk_indicator_get_denominator (CrkIndicator *self);
void crk_indicator_set_denominator (CrkIndicator *self, const char *denominator_code);
double crk_indicator_get_goalpost_low (CrkIndicator *self);
void crk_indicator_set_goalpost_low (CrkIndicator *self, double value);
double crk_indicator_get_goalpost_high (CrkIndicator *self);
void crk_indicator_set_goalpost_high (CrkIndicator *self, double value);
double crk_indicator_get_target (CrkIndicator *self);
void crk_indicator_set_target (CrkIndicator *self, double value);
guint crk_indicator_get_index (CrkIndicator *self);

G_END_DECLS
