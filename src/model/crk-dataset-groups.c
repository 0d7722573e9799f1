/* crk-dataset-groups.c: display names of the groups of cities (the values of a group
 * attribute)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-dataset-private.h"
#include "crk-locale.h"

typedef struct
{
  char *attribute;
  char *value;
  char *name;    /* nullable */
  char *name_zh; /* nullable */
} GroupName;

void
_crk_dataset_group_name_free (gpointer data)
{
  GroupName *group = data;

  g_free (group->attribute);
  g_free (group->value);
  g_free (group->name);
  g_free (group->name_zh);
  g_free (group);
}

static char *
group_key (const char *attribute, const char *value)
{
  return g_strconcat (attribute, "\x1f", value, NULL);
}

static GroupName *
lookup_group (CrkDataset *self, const char *attribute, const char *value)
{
  g_autofree char *key = group_key (attribute, value);

  return g_hash_table_lookup (self->group_index, key);
}

static char *
dup_present (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/**
 * crk_dataset_set_group_name:
 * @self: a dataset
 * @attribute: "province", "region" or a city attribute's name
 * @value: a value of that attribute
 * @name: (nullable): the English name (the value when absent)
 * @name_zh: (nullable): the Chinese name
 *
 * Names a group for display. Setting a name again replaces both names.
 */
void
crk_dataset_set_group_name (CrkDataset *self,
                            const char *attribute,
                            const char *value,
                            const char *name,
                            const char *name_zh)
{
  GroupName *group;

  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (attribute != NULL && *attribute != '\0');
  g_return_if_fail (value != NULL);

  group = lookup_group (self, attribute, value);
  if (group == NULL)
    {
      group = g_new0 (GroupName, 1);
      group->attribute = g_strdup (attribute);
      group->value = g_strdup (value);
      g_ptr_array_add (self->group_names, group);
      g_hash_table_insert (self->group_index, group_key (attribute, value), group);
    }
  g_free (group->name);
  g_free (group->name_zh);
  group->name = dup_present (name);
  group->name_zh = dup_present (name_zh);
}

/**
 * crk_dataset_get_group_name:
 * @self: a dataset
 * @attribute: a group attribute
 * @value: one of its values
 * @name: (out) (optional) (nullable): the English name
 * @name_zh: (out) (optional) (nullable): the Chinese name
 *
 * Returns: %TRUE when the value was named
 */
gboolean
crk_dataset_get_group_name (CrkDataset *self,
                            const char *attribute,
                            const char *value,
                            const char **name,
                            const char **name_zh)
{
  GroupName *group;

  g_return_val_if_fail (CRK_IS_DATASET (self), FALSE);

  group = attribute != NULL && value != NULL ? lookup_group (self, attribute, value) : NULL;
  if (name != NULL)
    *name = group != NULL ? group->name : NULL;
  if (name_zh != NULL)
    *name_zh = group != NULL ? group->name_zh : NULL;
  return group != NULL;
}

/**
 * crk_dataset_get_group_display_name:
 * @self: a dataset
 * @attribute: a group attribute
 * @value: (nullable): one of its values
 *
 * Returns: (nullable): the group's name in the user's language, else in the other one,
 *   else @value
 */
const char *
crk_dataset_get_group_display_name (CrkDataset *self, const char *attribute, const char *value)
{
  GroupName *group;
  const char *name;

  g_return_val_if_fail (CRK_IS_DATASET (self), value);

  if (attribute == NULL || value == NULL)
    return value;
  group = lookup_group (self, attribute, value);
  if (group == NULL)
    return value;
  name = crk_locale_pick (group->name != NULL ? group->name : value, group->name_zh);
  return name != NULL ? name : value;
}

guint
crk_dataset_get_n_group_names (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  return self->group_names->len;
}

/**
 * crk_dataset_get_group_name_at:
 * @self: a dataset
 * @i: an index below crk_dataset_get_n_group_names()
 * @attribute: (out) (optional): the attribute
 * @value: (out) (optional): the value
 * @name: (out) (optional) (nullable): the English name
 * @name_zh: (out) (optional) (nullable): the Chinese name
 */
void
crk_dataset_get_group_name_at (CrkDataset *self,
                               guint i,
                               const char **attribute,
                               const char **value,
                               const char **name,
                               const char **name_zh)
{
  GroupName *group;

  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (i < self->group_names->len);

  group = g_ptr_array_index (self->group_names, i);
  if (attribute != NULL)
    *attribute = group->attribute;
  if (value != NULL)
    *value = group->value;
  if (name != NULL)
    *name = group->name;
  if (name_zh != NULL)
    *name_zh = group->name_zh;
}

/**
 * crk_dataset_dup_main_group_attribute:
 * @self: a dataset
 *
 * Returns: (transfer full) (nullable): the group attribute shown beside the cities' names
 */
char *
crk_dataset_dup_main_group_attribute (CrkDataset *self)
{
  g_autofree char *other = NULL;
  gboolean region = FALSE;

  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  for (guint i = 0; i < crk_dataset_get_n_cities (self); i++)
    {
      CrkCity *city = crk_dataset_get_city (self, i);
      g_auto (GStrv) names = NULL;

      if (crk_city_get_province (city) != NULL)
        return g_strdup ("province");
      region = region || crk_city_get_region (city) != NULL;
      names = crk_city_dup_attribute_names (city);
      if (names[0] != NULL && (other == NULL || strcmp (names[0], other) < 0))
        {
          g_free (other);
          other = g_strdup (names[0]);
        }
    }
  return region ? g_strdup ("region") : g_steal_pointer (&other);
}

/**
 * crk_dataset_dup_group_attribute_title:
 * @attribute: a group attribute
 *
 * Returns: (transfer full): the header of a column of the attribute's values
 */
char *
crk_dataset_dup_group_attribute_title (const char *attribute)
{
  g_return_val_if_fail (attribute != NULL, NULL);
  if (g_str_equal (attribute, "province"))
    return g_strdup (_ ("Province"));
  if (g_str_equal (attribute, "region"))
    return g_strdup (_ ("Region"));
  return g_strdelimit (g_strdup (attribute), "_", ' ');
}
