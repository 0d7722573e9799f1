/* crk-city.c: one ranked unit (a city)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-city"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-city.h"
#include "crk-locale.h"
#include "crk-model-private.h"

typedef struct
{
  int year;
  guint rank;
} RefRank;

struct _CrkCity
{
  GObject parent_instance;

  char *code;
  char *name;
  char *name_zh;
  char *province;
  char *region;
  GPtrArray *aliases;     /* char *, NULL-terminated */
  GHashTable *attributes; /* name -> value, extra groups only */
  GArray *ref_ranks;      /* RefRank, ascending by year */
  guint index;
};

G_DEFINE_FINAL_TYPE (CrkCity, crk_city, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_PROVINCE,
  PROP_REGION,
  PROP_ALIASES,
  PROP_INDEX,
  N_PROPS
};

enum
{
  ATTRIBUTE_CHANGED,
  REFERENCE_RANK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
crk_city_finalize (GObject *object)
{
  CrkCity *self = (CrkCity *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->name_zh);
  g_free (self->province);
  g_free (self->region);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_clear_pointer (&self->ref_ranks, g_array_unref);

  G_OBJECT_CLASS (crk_city_parent_class)->finalize (object);
}

static void
crk_city_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkCity *self = CRK_CITY (object);

  switch (prop_id)
    {
      case PROP_CODE:
        g_value_set_string (value, self->code);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_NAME_ZH:
        g_value_set_string (value, self->name_zh);
        break;
      case PROP_PROVINCE:
        g_value_set_string (value, self->province);
        break;
      case PROP_REGION:
        g_value_set_string (value, self->region);
        break;
      case PROP_ALIASES:
        g_value_set_boxed (value, crk_city_get_aliases (self));
        break;
      case PROP_INDEX:
        g_value_set_uint (value, self->index);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_city_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrkCity *self = CRK_CITY (object);

  switch (prop_id)
    {
      case PROP_CODE:
        self->code = g_value_dup_string (value);
        break;
      case PROP_NAME:
        crk_city_set_name (self, g_value_get_string (value));
        break;
      case PROP_NAME_ZH:
        crk_city_set_name_zh (self, g_value_get_string (value));
        break;
      case PROP_PROVINCE:
        crk_city_set_province (self, g_value_get_string (value));
        break;
      case PROP_REGION:
        crk_city_set_region (self, g_value_get_string (value));
        break;
      case PROP_ALIASES:
        crk_city_set_aliases (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_city_class_init (CrkCityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crk_city_finalize;
  object_class->get_property = crk_city_get_property;
  object_class->set_property = crk_city_set_property;

  properties[PROP_CODE] = g_param_spec_string (
    "code", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrkCity::attribute-changed:
   * @self: the city
   * @name: the attribute's name
   *
   * Emitted after crk_city_set_attribute() changed an extra group attribute.
   */
  signals[ATTRIBUTE_CHANGED] =
    g_signal_new ("attribute-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CrkCity::reference-rank-changed:
   * @self: the city
   * @year: the year whose reference rank changed
   */
  signals[REFERENCE_RANK_CHANGED] =
    g_signal_new ("reference-rank-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
crk_city_init (CrkCity *self)
{
  self->index = G_MAXUINT;
  self->aliases = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ref_ranks = g_array_new (FALSE, FALSE, sizeof (RefRank));
}

/**
 * crk_city_new:
 * @code: the city's unique code
 * @name: (nullable): its English name
 *
 * Returns: (transfer full): a new city, not in any dataset
 */
CrkCity *
crk_city_new (const char *code, const char *name)
{
  g_return_val_if_fail (code != NULL && *code != '\0', NULL);

  return g_object_new (CRK_TYPE_CITY, "code", code, "name", name, NULL);
}

const char *
crk_city_get_code (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  return self->code;
}

static void
set_string (CrkCity *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
crk_city_get_name (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  return self->name;
}

void
crk_city_set_name (CrkCity *self, const char *name)
{
  g_return_if_fail (CRK_IS_CITY (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
crk_city_get_name_zh (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  return self->name_zh;
}

void
crk_city_set_name_zh (CrkCity *self, const char *name_zh)
{
  g_return_if_fail (CRK_IS_CITY (self));
  set_string (self, &self->name_zh, name_zh, PROP_NAME_ZH);
}

/**
 * crk_city_get_display_name:
 * @self: a city
 *
 * Returns: the name in the user's language, else the other name, else the code
 */
const char *
crk_city_get_display_name (CrkCity *self)
{
  const char *name;

  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  name = crk_locale_pick (self->name, self->name_zh);
  return name != NULL ? name : self->code;
}

/**
 * crk_city_get_aliases:
 * @self: a city
 *
 * Returns: (transfer none) (array zero-terminated=1): the aliases, in the order they were
 *   added; empty, never %NULL
 */
const char *const *
crk_city_get_aliases (CrkCity *self)
{
  static const char *const none[] = {NULL};

  g_return_val_if_fail (CRK_IS_CITY (self), none);
  return self->aliases->pdata != NULL ? (const char *const *) self->aliases->pdata : none;
}

static gboolean
has_alias (CrkCity *self, const char *alias)
{
  for (guint i = 0; i < self->aliases->len; i++)
    if (strcmp (g_ptr_array_index (self->aliases, i), alias) == 0)
      return TRUE;
  return FALSE;
}

/**
 * crk_city_set_aliases:
 * @self: a city
 * @aliases: (nullable) (array zero-terminated=1): the aliases; empty texts and repeats
 *   are left out
 *
 * Notifies "aliases" when they changed.
 */
void
crk_city_set_aliases (CrkCity *self, const char *const *aliases)
{
  g_autoptr (GPtrArray) old = NULL;
  gboolean same;

  g_return_if_fail (CRK_IS_CITY (self));

  old = g_steal_pointer (&self->aliases);
  self->aliases = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (*aliases[i] != '\0' && !has_alias (self, aliases[i]))
      g_ptr_array_add (self->aliases, g_strdup (aliases[i]));
  same = old->len == self->aliases->len;
  for (guint i = 0; same && i < old->len; i++)
    same = strcmp (g_ptr_array_index (old, i), g_ptr_array_index (self->aliases, i)) == 0;
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

/**
 * crk_city_add_alias:
 * @self: a city
 * @alias: another name of the city
 *
 * Returns: %TRUE when @alias was added (and "aliases" notified); %FALSE when it is empty
 *   or already one of the aliases (compared exactly)
 */
gboolean
crk_city_add_alias (CrkCity *self, const char *alias)
{
  g_return_val_if_fail (CRK_IS_CITY (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (*alias == '\0' || has_alias (self, alias))
    return FALSE;
  g_ptr_array_add (self->aliases, g_strdup (alias));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
  return TRUE;
}

const char *
crk_city_get_province (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  return self->province;
}

void
crk_city_set_province (CrkCity *self, const char *province)
{
  g_return_if_fail (CRK_IS_CITY (self));
  set_string (self, &self->province, province, PROP_PROVINCE);
}

const char *
crk_city_get_region (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  return self->region;
}

void
crk_city_set_region (CrkCity *self, const char *region)
{
  g_return_if_fail (CRK_IS_CITY (self));
  set_string (self, &self->region, region, PROP_REGION);
}

/**
 * crk_city_get_attribute:
 * @self: a city
 * @name: an attribute name; "province" and "region" answer those properties
 *
 * Returns: (nullable): the attribute's value
 */
const char *
crk_city_get_attribute (CrkCity *self, const char *name)
{
  g_return_val_if_fail (CRK_IS_CITY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (strcmp (name, "province") == 0)
    return self->province;
  if (strcmp (name, "region") == 0)
    return self->region;
  return g_hash_table_lookup (self->attributes, name);
}

/**
 * crk_city_set_attribute:
 * @self: a city
 * @name: the attribute name; "province" and "region" set those properties
 * @value: (nullable): the value, or %NULL to remove the attribute
 *
 * Emits #CrkCity::attribute-changed when an extra attribute really changed.
 */
void
crk_city_set_attribute (CrkCity *self, const char *name, const char *value)
{
  g_return_if_fail (CRK_IS_CITY (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (strcmp (name, "province") == 0)
    {
      crk_city_set_province (self, value);
      return;
    }
  if (strcmp (name, "region") == 0)
    {
      crk_city_set_region (self, value);
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (self->attributes, name), value) == 0)
    return;
  if (value == NULL)
    g_hash_table_remove (self->attributes, name);
  else
    g_hash_table_replace (self->attributes, g_strdup (name), g_strdup (value));
  g_signal_emit (self, signals[ATTRIBUTE_CHANGED], 0, name);
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/**
 * crk_city_dup_attribute_names:
 * @self: a city
 *
 * Returns: (transfer full): the names of the extra attributes, sorted
 */
char **
crk_city_dup_attribute_names (CrkCity *self)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CRK_IS_CITY (self), NULL);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->attributes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static guint
find_ref_rank (CrkCity *self, int year, gboolean *found)
{
  guint i;

  for (i = 0; i < self->ref_ranks->len; i++)
    {
      int y = g_array_index (self->ref_ranks, RefRank, i).year;

      if (y >= year)
        {
          *found = (y == year);
          return i;
        }
    }
  *found = FALSE;
  return i;
}

/**
 * crk_city_get_reference_rank:
 * @self: a city
 * @year: a year
 *
 * Returns: the published reference rank in @year, 0 when none
 */
guint
crk_city_get_reference_rank (CrkCity *self, int year)
{
  gboolean found;
  guint i;

  g_return_val_if_fail (CRK_IS_CITY (self), 0);

  i = find_ref_rank (self, year, &found);
  return found ? g_array_index (self->ref_ranks, RefRank, i).rank : 0;
}

/**
 * crk_city_set_reference_rank:
 * @self: a city
 * @year: a year
 * @rank: the published rank, 0 to remove it
 */
void
crk_city_set_reference_rank (CrkCity *self, int year, guint rank)
{
  gboolean found;
  guint i;

  g_return_if_fail (CRK_IS_CITY (self));

  i = find_ref_rank (self, year, &found);
  if (found)
    {
      RefRank *r = &g_array_index (self->ref_ranks, RefRank, i);

      if (r->rank == rank)
        return;
      if (rank == 0)
        g_array_remove_index (self->ref_ranks, i);
      else
        r->rank = rank;
    }
  else
    {
      RefRank r = {year, rank};

      if (rank == 0)
        return;
      g_array_insert_val (self->ref_ranks, i, r);
    }
  g_signal_emit (self, signals[REFERENCE_RANK_CHANGED], 0, year);
}

/**
 * crk_city_dup_reference_years:
 * @self: a city
 *
 * Returns: (transfer full) (element-type int): the years with a reference rank, ascending
 */
GArray *
crk_city_dup_reference_years (CrkCity *self)
{
  GArray *years;

  g_return_val_if_fail (CRK_IS_CITY (self), NULL);

  years = g_array_sized_new (FALSE, FALSE, sizeof (int), self->ref_ranks->len);
  for (guint i = 0; i < self->ref_ranks->len; i++)
    g_array_append_val (years, g_array_index (self->ref_ranks, RefRank, i).year);
  return years;
}

/**
 * crk_city_get_index:
 * @self: a city
 *
 * Returns: the city's position in its dataset, %G_MAXUINT when in none
 */
guint
crk_city_get_index (CrkCity *self)
{
  g_return_val_if_fail (CRK_IS_CITY (self), G_MAXUINT);
  return self->index;
}

void
_crk_city_set_index (CrkCity *self, guint index)
{
  if (self->index == index)
    return;
  self->index = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}
