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
index_name (CrkCityMatcher *self, const char *name, guint city)
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
  self->names =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
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
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The cities of @a that are in @b too. */
static void
intersect (GArray *a, const GArray *b)
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
crk_city_matcher_match (CrkCityMatcher *self, const char *code, const char *const *names)
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
describe_key (CrkImportDataset *self, CrkCity *city, const Label *label)
{
  const char *code = crk_city_get_code (city);

  if (label == NULL)
    return g_strdup (code);
  if (label->en != NULL && label->zh != NULL)
    return g_strdup_printf ("%s (%s / %s)", code, label->en, label->zh);
  return g_strdup_printf ("%s (%s)", code, label->en != NULL ? label->en : label->zh);
}

/* The user's choices */

typedef struct
{
  const char *text; /* the option as given */
  char *key;
  guint city; /* G_MAXUINT: skip the key */
} Choice;

static void
choice_clear (gpointer data)
{
  g_free (((Choice *) data)->key);
}

static void report_choice (CrkImportDataset *self, gboolean quiet, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static void
report_choice (CrkImportDataset *self, gboolean quiet, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (quiet)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _crk_import_report_general (self, FALSE, CRK_IMPORT_ERROR_INVALID, "%s", message);
}

/* The choices of self->matches; FALSE when one is bad. */
static gboolean
parse_choices (CrkImportDataset *self, GArray *choices, gboolean quiet)
{
  gboolean ok = TRUE;

  for (guint i = 0; self->matches != NULL && self->matches[i] != NULL; i++)
    {
      const char *text = self->matches[i];
      const char *eq = strrchr (text, '='); /* a key may hold "=", a city code hardly */
      g_autofree char *key = eq != NULL ? g_strndup (text, (gsize) (eq - text)) : NULL;
      g_autofree char *code = eq != NULL ? _crk_import_clean_code (eq + 1) : NULL;
      Choice choice = {text, key != NULL ? _crk_import_clean_code (key) : NULL, G_MAXUINT};
      CrkCity *city = code != NULL ? crk_dataset_lookup_city (self->into, code) : NULL;

      g_autofree char *shown = _crk_import_printable (text);

      if (choice.key == NULL)
        /* TRANSLATORS: the option as given, "深圳=SZ" */
        report_choice (self, quiet, _ ("the matching choice “%s” is not KEY=CITYCODE"), shown);
      else if (code != NULL && city == NULL)
        report_choice (self, quiet, _ ("the matching choice “%s” names no city of the dataset"),
                       shown);
      if (choice.key == NULL || (code != NULL && city == NULL))
        {
          g_free (choice.key);
          ok = FALSE;
          continue;
        }
      choice.city = city != NULL ? crk_city_get_index (city) : G_MAXUINT;
      g_array_append_val (choices, choice);
    }
  return ok;
}

static void
index_key (GHashTable *index, char *text, guint key)
{
  GArray *keys;

  if (text == NULL)
    return;
  keys = g_hash_table_lookup (index, text);
  if (keys == NULL)
    {
      keys = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, g_strdup (text), keys);
    }
  if (keys->len == 0 || g_array_index (keys, guint, keys->len - 1) != key)
    g_array_append_val (keys, key);
  g_free (text);
}

/* Which choice each key takes (@chosen: a Choice * per staging city, NULL for none). */
static gboolean
apply_choices (CrkImportDataset *self, GArray *choices, Choice **chosen, gboolean quiet)
{
  g_autoptr (GHashTable) exact =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) names =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  gboolean ok = TRUE;

  for (guint i = 0; choices->len > 0 && i < crk_dataset_get_n_cities (self->staging); i++)
    {
      const char *code = crk_city_get_code (crk_dataset_get_city (self->staging, i));
      const Label *label = _crk_import_lookup_label (self, CRK_IMPORT_ROLE_CITY, code);
      const char *texts[] = {code, label != NULL ? label->en : NULL,
                             label != NULL ? label->zh : NULL};

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          index_key (exact, g_strdup (texts[t]), i);
          index_key (names, crk_city_name_key (texts[t]), i);
        }
    }
  for (guint c = 0; c < choices->len; c++)
    {
      Choice *choice = &g_array_index (choices, Choice, c);
      g_autofree char *name = crk_city_name_key (choice->key);
      GArray *keys = g_hash_table_lookup (exact, choice->key);

      if (keys == NULL && name != NULL)
        keys = g_hash_table_lookup (names, name);
      if (keys == NULL)
        {
          g_autofree char *shown = _crk_import_printable (choice->text);

          report_choice (self, quiet, _ ("the matching choice “%s” names no key of the import"),
                         shown);
          ok = FALSE;
          continue;
        }
      for (guint k = 0; k < keys->len; k++)
        {
          guint i = g_array_index (keys, guint, k);

          if (chosen[i] == NULL || chosen[i]->city == choice->city)
            {
              chosen[i] = chosen[i] != NULL ? chosen[i] : choice;
              continue;
            }
          {
            g_autofree char *first = _crk_import_printable (chosen[i]->text);
            g_autofree char *second = _crk_import_printable (choice->text);

            report_choice (self, quiet,
                           _ ("the matching choices “%s” and “%s” disagree about “%s”"), first,
                           second, crk_city_get_code (crk_dataset_get_city (self->staging, i)));
          }
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
_crk_import_check_no_choices (CrkImportDataset *self)
{
  for (guint i = 0; self->matches != NULL && self->matches[i] != NULL; i++)
    {
      g_autofree char *shown = _crk_import_printable (self->matches[i]);

      report_choice (self, FALSE, _ ("the matching choice “%s” needs a dataset to add into"),
                     shown);
    }
  return self->matches == NULL || self->matches[0] == NULL;
}

/* Matching */

void
_crk_import_match_free (gpointer data)
{
  CrkImportMatch *match = data;

  g_free (match->key);
  g_free (match->name);
  g_free (match->name_zh);
  g_array_unref (match->candidates);
  g_free (match);
}

static CrkImportMatch *
new_match (CrkImportDataset *self, guint i)
{
  CrkImportMatch *match = g_new0 (CrkImportMatch, 1);
  const char *code = crk_city_get_code (crk_dataset_get_city (self->staging, i));
  const Label *label = _crk_import_lookup_label (self, CRK_IMPORT_ROLE_CITY, code);

  match->key = g_strdup (code);
  match->name = label != NULL ? g_strdup (label->en) : NULL;
  match->name_zh = label != NULL ? g_strdup (label->zh) : NULL;
  match->kind = CRK_IMPORT_MATCH_NONE;
  match->city = G_MAXUINT;
  match->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  return match;
}

/* @match takes @target, unless another key has it (@owner: city → staging index, @taken_by). */
static void
claim (CrkImportMatch *match,
       guint i,
       guint target,
       CrkImportMatchKind kind,
       GHashTable *owner,
       guint *taken_by)
{
  gpointer other;

  if (g_hash_table_lookup_extended (owner, GUINT_TO_POINTER (target), NULL, &other))
    {
      match->kind = CRK_IMPORT_MATCH_TAKEN;
      g_array_append_val (match->candidates, target);
      taken_by[i] = GPOINTER_TO_UINT (other);
      return;
    }
  g_hash_table_insert (owner, GUINT_TO_POINTER (target), GUINT_TO_POINTER (i));
  match->kind = kind;
  match->city = target;
}

/* The keys without a choice, by code and name. */
static void
match_automatically (CrkImportDataset *self, Choice **chosen, GHashTable *owner, guint *taken_by)
{
  g_autoptr (CrkCityMatcher) matcher = crk_city_matcher_new (self->into);

  for (guint i = 0; i < crk_dataset_get_n_cities (self->staging); i++)
    {
      CrkImportMatch *match = g_ptr_array_index (self->match_list, i);
      const char *names[] = {match->name, match->name_zh, NULL};
      const char *const *list = names[0] != NULL ? names : names + 1;
      g_autoptr (GArray) found = NULL;

      if (chosen[i] != NULL)
        continue;
      found = crk_city_matcher_match (matcher, match->key, list);
      if (found->len > 1)
        {
          match->kind = CRK_IMPORT_MATCH_AMBIGUOUS;
          g_array_append_vals (match->candidates, found->data, found->len);
        }
      else if (found->len == 1)
        claim (match, i, g_array_index (found, guint, 0),
               crk_dataset_lookup_city (self->into, match->key) != NULL ? CRK_IMPORT_MATCH_CODE
                                                                        : CRK_IMPORT_MATCH_NAME,
               owner, taken_by);
    }
}

/* The problems of the matches, in the order of the keys. */
static gboolean
report_matches (CrkImportDataset *self, const guint *taken_by, gboolean quiet)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->match_list->len; i++)
    {
      CrkImportMatch *match = g_ptr_array_index (self->match_list, i);
      CrkCity *city = crk_dataset_get_city (self->staging, i);
      const Label *label = _crk_import_lookup_label (self, CRK_IMPORT_ROLE_CITY, match->key);
      g_autofree char *key = describe_key (self, city, label);
      const Place *place = &g_array_index (self->city_places, Place, i);
      GString *cities = NULL;

      ok = ok && (match->kind <= CRK_IMPORT_MATCH_SKIPPED);
      if (quiet)
        continue;
      switch (match->kind)
        {
          case CRK_IMPORT_MATCH_SKIPPED:
            _crk_import_report_at (self, place, TRUE, CRK_IMPORT_ERROR_INVALID,
                                   _ ("“%s” skipped by choice: its values are not added"), key);
            break;
          case CRK_IMPORT_MATCH_NONE:
            _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                   _ ("no city of the dataset matches “%s”"), key);
            break;
          case CRK_IMPORT_MATCH_AMBIGUOUS:
            cities = g_string_new (NULL);
            for (guint j = 0; j < match->candidates->len; j++)
              {
                g_autofree char *d = describe_city (
                  crk_dataset_get_city (self->into, g_array_index (match->candidates, guint, j)));

                g_string_append_printf (cities, "%s%s", j > 0 ? ", " : "", d);
              }
            _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                   _ ("“%s” matches %u cities of the dataset: %s"), key,
                                   match->candidates->len, cities->str);
            g_string_free (cities, TRUE);
            break;
          case CRK_IMPORT_MATCH_TAKEN:
            {
              CrkCity *first = crk_dataset_get_city (self->staging, taken_by[i]);
              g_autofree char *d = describe_city (
                crk_dataset_get_city (self->into, g_array_index (match->candidates, guint, 0)));

              _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                     _ ("“%s” and “%s” both match the city %s of the dataset"),
                                     crk_city_get_code (first), key, d);
            }
            break;
          default:
            break;
        }
    }
  return ok;
}

/* Maps every staging city to a city of the open dataset: the chosen keys first, then
 * the others by code and name; each key's match in self->match_list. */
gboolean
_crk_import_match_cities (CrkImportDataset *self, GArray *map, gboolean quiet)
{
  guint n = crk_dataset_get_n_cities (self->staging);
  g_autoptr (GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  g_autofree Choice **chosen = g_new0 (Choice *, MAX (n, 1));
  g_autofree guint *taken_by = g_new0 (guint, MAX (n, 1));
  g_autoptr (GHashTable) owner = g_hash_table_new (NULL, NULL);
  g_autofree char *message = NULL;
  guint none = G_MAXUINT;
  gboolean ok;

  g_array_set_clear_func (choices, choice_clear);
  g_ptr_array_set_size (self->match_list, 0);
  g_array_set_size (map, 0);
  if (!crk_io_check_memory ((guint64) n * (sizeof (CrkImportMatch) + 64) +
                              self->places.size * sizeof (PlaceEntry),
                            _ ("Matching the cities"), &message))
    {
      /* every key left out */
      for (guint i = 0; i < n; i++)
        g_array_append_val (map, none);
      if (!quiet)
        _crk_import_report_general (self, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return FALSE;
    }
  ok = parse_choices (self, choices, quiet);
  ok = apply_choices (self, choices, chosen, quiet) && ok;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->match_list, new_match (self, i));
  for (guint i = 0; i < n; i++)
    {
      CrkImportMatch *match = g_ptr_array_index (self->match_list, i);

      if (chosen[i] != NULL && chosen[i]->city == G_MAXUINT)
        match->kind = CRK_IMPORT_MATCH_SKIPPED;
      else if (chosen[i] != NULL)
        claim (match, i, chosen[i]->city, CRK_IMPORT_MATCH_CHOSEN, owner, taken_by);
    }
  match_automatically (self, chosen, owner, taken_by);
  ok = report_matches (self, taken_by, quiet) && ok;
  for (guint i = 0; i < n; i++)
    g_array_append_val (map, ((CrkImportMatch *) g_ptr_array_index (self->match_list, i))->city);
  return ok;
}

/* Saving the choices as aliases */

static gboolean
same_name (const char *key, const char *name)
{
  g_autofree char *other = crk_city_name_key (name);

  return g_strcmp0 (key, other) == 0;
}

/* Is @alias one of the names of @city already, as matching compares them? */
static gboolean
is_known_name (CrkCity *city, const char *alias)
{
  g_autofree char *key = crk_city_name_key (alias);

  if (key == NULL || same_name (key, crk_city_get_code (city)) ||
      same_name (key, crk_city_get_name (city)) || same_name (key, crk_city_get_name_zh (city)))
    return TRUE;
  for (const char *const *other = crk_city_get_aliases (city); *other != NULL; other++)
    if (same_name (key, *other))
      return TRUE;
  return FALSE;
}

void
_crk_import_save_aliases (CrkImportDataset *self)
{
  for (guint i = 0; self->save_aliases && i < self->match_list->len; i++)
    {
      CrkImportMatch *match = g_ptr_array_index (self->match_list, i);
      const char *texts[] = {match->key, match->name, match->name_zh};
      CrkCity *city;

      if (match->kind != CRK_IMPORT_MATCH_CHOSEN)
        continue;
      city = crk_dataset_get_city (self->into, match->city);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *alias = _crk_import_clean_code (texts[t]);
          g_autofree char *d = NULL;

          if (alias == NULL || is_known_name (city, alias) || !crk_city_add_alias (city, alias))
            continue;
          d = describe_city (city);
          _crk_import_report_at (self, &g_array_index (self->city_places, Place, i), TRUE,
                                 CRK_IMPORT_ERROR_INVALID,
                                 _ ("“%s” saved as an alias of the city %s"), alias, d);
        }
    }
}
