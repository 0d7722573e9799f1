/* crk-indicator.c: one measured quantity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-indicator"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-indicator.h"
#include "crk-locale.h"
#include "crk-model-private.h"

struct _CrkIndicator
{
  GObject parent_instance;

  char *code;
  CrkIndicatorKind kind;
  char *name;
  char *name_zh;
  char *unit;
  char *unit_zh;
  int direction;
  char *description;
  char *description_zh;
  char *source;
  char *denominator;
  double goalpost_low;
  double goalpost_high;
  double target;
  guint index;
};

G_DEFINE_FINAL_TYPE (CrkIndicator, crk_indicator, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CrkIndicatorKind,
                    crk_indicator_kind,
                    G_DEFINE_ENUM_VALUE (CRK_INDICATOR_KIND_INDICATOR, "indicator"),
                    G_DEFINE_ENUM_VALUE (CRK_INDICATOR_KIND_DENOMINATOR, "denominator"))

enum
{
  PROP_0,
  PROP_CODE,
  PROP_KIND,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_UNIT,
  PROP_UNIT_ZH,
  PROP_DIRECTION,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_ZH,
  PROP_SOURCE,
  PROP_DENOMINATOR,
  PROP_GOALPOST_LOW,
  PROP_GOALPOST_HIGH,
  PROP_TARGET,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crk_indicator_finalize (GObject *object)
{
  CrkIndicator *self = (CrkIndicator *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_zh);
  g_free (self->unit);
  g_free (self->unit_zh);
  g_free (self->description);
  g_free (self->description_zh);
  g_free (self->source);
  g_free (self->denominator);

  G_OBJECT_CLASS (crk_indicator_parent_class)->finalize (object);
}

static void
crk_indicator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkIndicator *self = CRK_INDICATOR (object);

  switch (prop_id)
    {
      case PROP_CODE:
        g_value_set_string (value, self->code);
        break;
      case PROP_KIND:
        g_value_set_enum (value, self->kind);
        break;
      case PROP_DIRECTION:
        g_value_set_int (value, self->direction);
        break;
      case PROP_DENOMINATOR:
        g_value_set_string (value, self->denominator);
        break;
      case PROP_INDEX:
        g_value_set_uint (value, self->index);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_NAME_ZH:
        g_value_set_string (value, self->name_zh);
        break;
      case PROP_UNIT:
        g_value_set_string (value, self->unit);
        break;
      case PROP_UNIT_ZH:
        g_value_set_string (value, self->unit_zh);
        break;
      case PROP_DESCRIPTION:
        g_value_set_string (value, self->description);
        break;
      case PROP_DESCRIPTION_ZH:
        g_value_set_string (value, self->description_zh);
        break;
      case PROP_SOURCE:
        g_value_set_string (value, self->source);
        break;
      case PROP_GOALPOST_LOW:
        g_value_set_double (value, self->goalpost_low);
        break;
      case PROP_GOALPOST_HIGH:
        g_value_set_double (value, self->goalpost_high);
        break;
      case PROP_TARGET:
        g_value_set_double (value, self->target);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_indicator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrkIndicator *self = CRK_INDICATOR (object);

  switch (prop_id)
    {
      case PROP_CODE:
        self->code = g_value_dup_string (value);
        break;
      case PROP_KIND:
        crk_indicator_set_kind (self, g_value_get_enum (value));
        break;
      case PROP_DIRECTION:
        crk_indicator_set_direction (self, g_value_get_int (value));
        break;
      case PROP_DENOMINATOR:
        crk_indicator_set_denominator (self, g_value_get_string (value));
        break;
      case PROP_NAME:
        crk_indicator_set_name (self, g_value_get_string (value));
        break;
      case PROP_NAME_ZH:
        crk_indicator_set_name_zh (self, g_value_get_string (value));
        break;
      case PROP_UNIT:
        crk_indicator_set_unit (self, g_value_get_string (value));
        break;
      case PROP_UNIT_ZH:
        crk_indicator_set_unit_zh (self, g_value_get_string (value));
        break;
      case PROP_DESCRIPTION:
        crk_indicator_set_description (self, g_value_get_string (value));
        break;
      case PROP_DESCRIPTION_ZH:
        crk_indicator_set_description_zh (self, g_value_get_string (value));
        break;
      case PROP_SOURCE:
        crk_indicator_set_source (self, g_value_get_string (value));
        break;
      case PROP_GOALPOST_LOW:
        crk_indicator_set_goalpost_low (self, g_value_get_double (value));
        break;
      case PROP_GOALPOST_HIGH:
        crk_indicator_set_goalpost_high (self, g_value_get_double (value));
        break;
      case PROP_TARGET:
        crk_indicator_set_target (self, g_value_get_double (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
crk_indicator_class_init (CrkIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crk_indicator_finalize;
  object_class->get_property = crk_indicator_get_property;
  object_class->set_property = crk_indicator_set_property;

  properties[PROP_CODE] = g_param_spec_string (
    "code", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CRK_TYPE_INDICATOR_KIND,
                                             CRK_INDICATOR_KIND_INDICATOR, RW_FLAGS);
  properties[PROP_DIRECTION] = g_param_spec_int ("direction", NULL, NULL, -1, 1, 1, RW_FLAGS);
  properties[PROP_DENOMINATOR] = g_param_spec_string ("denominator", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_NAME_ZH] = g_param_spec_string ("name-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_UNIT_ZH] = g_param_spec_string ("unit-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_DESCRIPTION_ZH] =
    g_param_spec_string ("description-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, RW_FLAGS);
  /* "goalpost-low", "goalpost-high" and "target" start as NAN (unset), which a
   * GParamSpec cannot have as its default. */
  properties[PROP_GOALPOST_LOW] =
    g_param_spec_double ("goalpost-low", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RW_FLAGS);
  properties[PROP_GOALPOST_HIGH] =
    g_param_spec_double ("goalpost-high", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RW_FLAGS);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RW_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crk_indicator_init (CrkIndicator *self)
{
  self->kind = CRK_INDICATOR_KIND_INDICATOR;
  self->direction = 1;
  self->goalpost_low = NAN;
  self->goalpost_high = NAN;
  self->target = NAN;
  self->index = G_MAXUINT;
}

/**
 * crk_indicator_new:
 * @code: the indicator's unique code
 * @kind: indicator or denominator
 *
 * Returns: (transfer full): a new indicator (direction +1, no goalposts, no target)
 */
CrkIndicator *
crk_indicator_new (const char *code, CrkIndicatorKind kind)
{
  g_return_val_if_fail (code != NULL && *code != '\0', NULL);

  return g_object_new (CRK_TYPE_INDICATOR, "code", code, "kind", kind, NULL);
}

const char *
crk_indicator_get_code (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->code;
}

CrkIndicatorKind
crk_indicator_get_kind (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), CRK_INDICATOR_KIND_INDICATOR);
  return self->kind;
}

void
crk_indicator_set_kind (CrkIndicator *self, CrkIndicatorKind kind)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  g_return_if_fail (kind == CRK_INDICATOR_KIND_INDICATOR || kind == CRK_INDICATOR_KIND_DENOMINATOR);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_string (CrkIndicator *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* NAN equals NAN here: setting "unset" twice is no change. */
static void
set_double (CrkIndicator *self, double *field, double value, guint prop)
{
  if ((isnan (*field) && isnan (value)) || (*field == value && signbit (*field) == signbit (value)))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
crk_indicator_get_name (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->name;
}

void
crk_indicator_set_name (CrkIndicator *self, const char *name)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
crk_indicator_get_name_zh (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->name_zh;
}

void
crk_indicator_set_name_zh (CrkIndicator *self, const char *name_zh)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->name_zh, name_zh, PROP_NAME_ZH);
}

const char *
crk_indicator_get_unit (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->unit;
}

void
crk_indicator_set_unit (CrkIndicator *self, const char *unit)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->unit, unit, PROP_UNIT);
}

const char *
crk_indicator_get_unit_zh (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->unit_zh;
}

void
crk_indicator_set_unit_zh (CrkIndicator *self, const char *unit_zh)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->unit_zh, unit_zh, PROP_UNIT_ZH);
}

const char *
crk_indicator_get_description (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->description;
}

void
crk_indicator_set_description (CrkIndicator *self, const char *description)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
crk_indicator_get_description_zh (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->description_zh;
}

void
crk_indicator_set_description_zh (CrkIndicator *self, const char *description_zh)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->description_zh, description_zh, PROP_DESCRIPTION_ZH);
}

const char *
crk_indicator_get_source (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->source;
}

void
crk_indicator_set_source (CrkIndicator *self, const char *source)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->source, source, PROP_SOURCE);
}

double
crk_indicator_get_goalpost_low (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NAN);
  return self->goalpost_low;
}

void
crk_indicator_set_goalpost_low (CrkIndicator *self, double value)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_double (self, &self->goalpost_low, value, PROP_GOALPOST_LOW);
}

double
crk_indicator_get_goalpost_high (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NAN);
  return self->goalpost_high;
}

void
crk_indicator_set_goalpost_high (CrkIndicator *self, double value)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_double (self, &self->goalpost_high, value, PROP_GOALPOST_HIGH);
}

double
crk_indicator_get_target (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NAN);
  return self->target;
}

void
crk_indicator_set_target (CrkIndicator *self, double value)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_double (self, &self->target, value, PROP_TARGET);
}

/**
 * crk_indicator_get_display_name:
 * @self: an indicator
 *
 * Returns: the name in the user's language, else the other name, else the code
 */
const char *
crk_indicator_get_display_name (CrkIndicator *self)
{
  const char *name;

  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  name = crk_locale_pick (self->name, self->name_zh);
  return name != NULL ? name : self->code;
}

/**
 * crk_indicator_get_display_description:
 * @self: an indicator
 *
 * Returns: (nullable): the description in the user's language, else the other one
 */
const char *
crk_indicator_get_display_description (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return crk_locale_pick (self->description, self->description_zh);
}

/**
 * crk_indicator_get_direction:
 * @self: an indicator
 *
 * Returns: +1 when more is better, -1 when less is better
 */
int
crk_indicator_get_direction (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), 1);
  return self->direction;
}

void
crk_indicator_set_direction (CrkIndicator *self, int direction)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  g_return_if_fail (direction == 1 || direction == -1);

  if (self->direction == direction)
    return;
  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

/**
 * crk_indicator_get_denominator:
 * @self: an indicator
 *
 * Returns: (nullable): the code of the denominator indicator that divides this one
 */
const char *
crk_indicator_get_denominator (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return self->denominator;
}

void
crk_indicator_set_denominator (CrkIndicator *self, const char *denominator_code)
{
  g_return_if_fail (CRK_IS_INDICATOR (self));
  set_string (self, &self->denominator, denominator_code, PROP_DENOMINATOR);
}

/**
 * crk_indicator_get_index:
 * @self: an indicator
 *
 * Returns: the indicator's position in its dataset, %G_MAXUINT when in none
 */
guint
crk_indicator_get_index (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), G_MAXUINT);
  return self->index;
}

void
_crk_indicator_set_index (CrkIndicator *self, guint index)
{
  if (self->index == index)
    return;
  self->index = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

/**
 * crk_indicator_get_display_unit:
 * @self: an indicator
 *
 * Returns: (nullable): the unit in the user's language, else the other one
 */
const char *
crk_indicator_get_display_unit (CrkIndicator *self)
{
  g_return_val_if_fail (CRK_IS_INDICATOR (self), NULL);
  return crk_locale_pick (self->unit, self->unit_zh);
}
