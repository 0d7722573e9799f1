/* crk-import-match.c: the keys of an import matched to the cities of an open dataset:
 * the name keys of city names, the matcher, and the matching of an import's keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-dataset-private.h"
#include "crk-io-limits.h"

/* Matching cities by name */

char *
crk_city_name_key (const char *name)
{
  static const char *const suffixes[] = {"自治州", "地区", "市", "盟", " city"};
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  char *key;
  gsize length;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  key = _crk_import_clean_code (folded);
  if (key == NULL)
    return NULL;
  length = strlen (key);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (length > n && g_str_has_suffix (key, suffixes[i]))
        {
          key[length - n] = '\0';
          break;
        }
    }
  return key;
}

struct _CrkCityMatcher
{
  CrkDataset *dataset;
  GHashTable *names; /* name key → GArray of guint city indices */
};

static void
index_name (CrkCityMatcher *self,
            const char *name,
            guint city)
{
  g_autofree char *key = crk_city_name_key (name);
  GArray *cities;

  if (key == NULL)
    return;
  cities = g_hash_table_lookup (self->names, key);
  if (cities == NULL)
    {
      cities = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->names, g_steal_pointer (&key), cities);
    }
  if (cities->len == 0 || g_array_index (cities, guint, cities->len - 1) != city)
    g_array_append_val (cities, city);
}

CrkCityMatcher *
crk_city_matcher_new (CrkDataset *dataset)
{
  CrkCityMatcher *self = g_new0 (CrkCityMatcher, 1);

  self->dataset = g_object_ref (dataset);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    {
      CrkCity *city = crk_dataset_get_city (dataset, i);

      index_name (self, crk_city_get_code (city), i);
      index_name (self, crk_city_get_name (city), i);
      index_name (self, crk_city_get_name_zh (city), i);
      index_name (self, crk_city_get_attribute (city, "pinyin"), i);
      for (const char *const *alias = crk_city_get_aliases (city); *alias != NULL; alias++)
        index_name (self, *alias, i);
    }
  return self;
}

void
crk_city_matcher_free (CrkCityMatcher *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->dataset);
  g_hash_table_unref (self->names);
  g_free (self);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The cities of @a that are in @b too. */
static void
intersect (GArray *a,
           const GArray *b)
{
  guint n = 0;

  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_array_index (a, guint, i) == g_array_index (b, guint, j))
        {
          g_array_index (a, guint, n++) = g_array_index (a, guint, i);
          break;
        }
  g_array_set_size (a, n);
}

/* Every city a text names; the cities that all the texts name, when they agree on some
 * (伊春市 and Yichun: the one Yichun that is 伊春市); else all of them (ambiguous). */
GArray *
crk_city_matcher_match (CrkCityMatcher *self,
                        const char *code,
                        const char *const *names)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  CrkCity *city = code != NULL ? crk_dataset_lookup_city (self->dataset, code) : NULL;
  gboolean first = TRUE;

  if (city != NULL)
    {
      guint index = crk_city_get_index (city);

      g_array_append_val (found, index);
      return found;
    }
  for (int i = -1; names != NULL || i < 0; i++)
    {
      const char *text = i < 0 ? code : names[i];
      g_autofree char *key = NULL;
      GArray *cities;

      if (i >= 0 && text == NULL)
        break;
      key = crk_city_name_key (text);
      cities = key != NULL ? g_hash_table_lookup (self->names, key) : NULL;
      if (cities == NULL)
        continue;
      g_array_append_vals (all, cities->data, cities->len);
      if (first)
        g_array_append_vals (found, cities->data, cities->len);
      else
        intersect (found, cities);
      first = FALSE;
    }
  if (found->len == 0 && all->len > 0)
    g_array_append_vals (found, all->data, all->len);
  g_array_sort (found, compare_uint);
  for (guint i = 1; i < found->len;)
    if (g_array_index (found, guint, i) == g_array_index (found, guint, i - 1))
      g_array_remove_index (found, i);
    else
      i++;
  return found;
}

/* Adding into an open dataset */

/* "Yichun / 伊春市 (YICHUN_HL)" */
static char *
describe_city (CrkCity *city)
{
  GString *s = g_string_new (NULL);

  if (crk_city_get_name (city) != NULL)
    g_string_append (s, crk_city_get_name (city));
  if (crk_city_get_name_zh (city) != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " / " : "", crk_city_get_name_zh (city));
  g_string_append_printf (s, s->len > 0 ? " (%s)" : "%s", crk_city_get_code (city));
  return g_string_free (s, FALSE);
}

/* A staging city's key, with its labels: "440300 (深圳市)". */
static char *
describe_key (CrkImportDataset *self,
              CrkCity *city,
              const Label *label)
{
  const char *code = crk_city_get_code (city);

  if (label == NULL)
    return g_strdup (code);
  if (label->en != NULL && label->zh != NULL)
    return g_strdup_printf ("%s (%s / %s)", code, label->en, label->zh);
  return g_strdup_printf ("%s (%s)", code, label->en != NULL ? label->en : label->zh);
}

/* Maps every staging city to a city of the open dataset (@map); every key that matches
 * none, several, or a city that another key matched is an error. */
gboolean
_crk_import_match_cities (CrkImportDataset *self,
                          GArray *map)
{
  g_autoptr (CrkCityMatcher) matcher = crk_city_matcher_new (self->into);
  g_autoptr (GHashTable) owner = g_hash_table_new (NULL, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; i < crk_dataset_get_n_cities (self->staging); i++)
    {
      CrkCity *city = crk_dataset_get_city (self->staging, i);
      const Label *label = _crk_import_lookup_label (self, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city));
      const char *names[] = {label != NULL ? label->en : NULL, label != NULL ? label->zh : NULL, NULL};
      const char *const *list = names[0] != NULL ? names : names + 1;
      g_autoptr (GArray) found = crk_city_matcher_match (matcher, crk_city_get_code (city), list);
      g_autofree char *key = describe_key (self, city, label);
      const Place *place = &g_array_index (self->city_places, Place, i);
      guint target = found->len == 1 ? g_array_index (found, guint, 0) : G_MAXUINT;
      gpointer other;

      g_array_append_val (map, target);
      if (found->len == 0)
        _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID, _ ("no city of the dataset matches “%s”"), key);
      else if (found->len > 1)
        {
          GString *cities = g_string_new (NULL);

          for (guint j = 0; j < found->len; j++)
            {
              g_autofree char *d = describe_city (crk_dataset_get_city (self->into, g_array_index (found, guint, j)));

              g_string_append_printf (cities, "%s%s", j > 0 ? ", " : "", d);
            }
          _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                 _ ("“%s” matches %u cities of the dataset: %s"), key, found->len, cities->str);
          g_string_free (cities, TRUE);
        }
      else if (g_hash_table_lookup_extended (owner, GUINT_TO_POINTER (target), NULL, &other))
        {
          CrkCity *first = crk_dataset_get_city (self->staging, GPOINTER_TO_UINT (other));
          g_autofree char *d = describe_city (crk_dataset_get_city (self->into, target));

          _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                 _ ("“%s” and “%s” both match the city %s of the dataset"),
                                 crk_city_get_code (first), key, d);
          g_array_index (map, guint, i) = G_MAXUINT;
        }
      else
        g_hash_table_insert (owner, GUINT_TO_POINTER (target), GUINT_TO_POINTER (i));
      ok = ok && g_array_index (map, guint, i) != G_MAXUINT;
    }
  return ok;
}
