/* crk-dataset.c: cities x indicators x years, with a framework and a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-dataset.h"
#include "crk-locale.h"
#include "crk-model-private.h"
#include "crk-value-store.h"

/* Notes are sparse; keyed by the year itself (not its index, which shifts when an
 * earlier year is added) and the stable city and indicator indices. */
typedef struct
{
  int year;
  guint indicator;
  guint city;
} NoteKey;

struct _CrkDataset
{
  GObject parent_instance;

  char *title;
  char *title_zh;
  char *edition;
  char *publisher;
  char *publisher_zh;
  char *source;
  char *source_zh;
  char *licence;
  char *notes;
  char *notes_zh;
  gboolean modified;

  GArray *years; /* int, ascending */

  GListStore *cities;
  /* The same cities by index (borrowed): GListStore caches its last lookup, so reading
   * it from several threads (the engine's workers) is not safe; this array is. */
  GPtrArray *city_array;
  GHashTable *city_index; /* code -> CrkCity (borrowed) */
  GPtrArray *indicators;  /* owned CrkIndicator */
  GHashTable *indicator_index;

  CrkFrameworkNode *framework;
  GHashTable *node_index; /* code -> CrkFrameworkNode (borrowed) */
  GPtrArray *dimensions;  /* borrowed, rebuilt lazily */
  guint n_levels;         /* G_MAXUINT when to be recomputed */
  gboolean dimensions_valid;

  CrkMethod *method;
  gboolean has_method;

  /* The values: only the cells that hold something take memory (crk-value-store.c). */
  CrkValueStore *store;
  GHashTable *value_notes; /* NoteKey -> char* */
  GPtrArray *group_names;  /* owned GroupName, in the order first named */
  GHashTable *group_index; /* "attribute\x1fvalue" (owned) -> GroupName (borrowed) */

  guint bulk;
  guint pending_changes;
};

typedef struct
{
  char *attribute;
  char *value;
  char *name;    /* nullable */
  char *name_zh; /* nullable */
} GroupName;

static void
group_name_free (gpointer data)
{
  GroupName *group = data;

  g_free (group->attribute);
  g_free (group->value);
  g_free (group->name);
  g_free (group->name_zh);
  g_free (group);
}

G_DEFINE_FINAL_TYPE (CrkDataset, crk_dataset, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_TITLE_ZH,
  PROP_EDITION,
  PROP_PUBLISHER,
  PROP_PUBLISHER_ZH,
  PROP_SOURCE,
  PROP_SOURCE_ZH,
  PROP_LICENCE,
  PROP_NOTES,
  PROP_NOTES_ZH,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  CHANGED,
  VALUE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void disconnect_tree (CrkDataset *self, CrkFrameworkNode *root);

static guint
note_key_hash (gconstpointer key)
{
  const NoteKey *k = key;

  return ((guint) k->year * 2654435761u) ^ (k->indicator * 40503u) ^ k->city;
}

static gboolean
note_key_equal (gconstpointer a,
                gconstpointer b)
{
  const NoteKey *x = a;
  const NoteKey *y = b;

  return x->year == y->year && x->indicator == y->indicator && x->city == y->city;
}

/* Records an edit: sets "modified" and emits "changed", or collects the flags while
 * bulk loading. */
static void
dataset_changed (CrkDataset *self,
                 guint flags)
{
  if (self->bulk > 0)
    {
      self->pending_changes |= flags;
      return;
    }
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_signal_emit (self, signals[CHANGED], 0, flags);
}

static void
on_city_notify (CrkCity *city,
                GParamSpec *pspec,
                CrkDataset *self)
{
  if (strcmp (pspec->name, "index") == 0)
    return;
  dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
}

static void
on_city_data_changed (CrkCity *city,
                      gpointer arg,
                      CrkDataset *self)
{
  dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
}

static void
on_indicator_notify (CrkIndicator *indicator,
                     GParamSpec *pspec,
                     CrkDataset *self)
{
  if (strcmp (pspec->name, "index") == 0)
    return;
  dataset_changed (self, CRK_DATASET_CHANGE_INDICATORS);
}

static void
on_node_notify (CrkFrameworkNode *node,
                GParamSpec *pspec,
                CrkDataset *self)
{
  dataset_changed (self, CRK_DATASET_CHANGE_FRAMEWORK);
}

static void
on_method_changed (CrkMethod *method,
                   CrkDataset *self)
{
  self->has_method = TRUE;
  dataset_changed (self, CRK_DATASET_CHANGE_METHOD);
}

static void
crk_dataset_dispose (GObject *object)
{
  CrkDataset *self = (CrkDataset *) object;

  if (self->cities != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cities));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (CrkCity) city = g_list_model_get_item (G_LIST_MODEL (self->cities), i);

          g_signal_handlers_disconnect_by_data (city, self);
        }
      g_clear_object (&self->cities);
      g_clear_pointer (&self->city_array, g_ptr_array_unref);
    }
  if (self->indicators != NULL)
    {
      for (guint i = 0; i < self->indicators->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->indicators, i), self);
      g_clear_pointer (&self->indicators, g_ptr_array_unref);
    }
  if (self->framework != NULL)
    {
      disconnect_tree (self, self->framework);
      g_clear_object (&self->framework);
    }
  if (self->method != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->method, self);
      g_clear_object (&self->method);
    }
  g_clear_pointer (&self->city_index, g_hash_table_unref);
  g_clear_pointer (&self->indicator_index, g_hash_table_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);

  G_OBJECT_CLASS (crk_dataset_parent_class)->dispose (object);
}

static void
crk_dataset_finalize (GObject *object)
{
  CrkDataset *self = (CrkDataset *) object;

  g_free (self->title);
  g_free (self->title_zh);
  g_free (self->edition);
  g_free (self->publisher);
  g_free (self->publisher_zh);
  g_free (self->source);
  g_free (self->source_zh);
  g_free (self->licence);
  g_free (self->notes);
  g_free (self->notes_zh);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->store, crk_value_store_free);
  g_clear_pointer (&self->value_notes, g_hash_table_unref);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  g_clear_pointer (&self->group_names, g_ptr_array_unref);

  G_OBJECT_CLASS (crk_dataset_parent_class)->finalize (object);
}

static char **
string_field (CrkDataset *self,
              guint prop_id)
{
  switch (prop_id)
    {
      case PROP_TITLE:
        return &self->title;
      case PROP_TITLE_ZH:
        return &self->title_zh;
      case PROP_EDITION:
        return &self->edition;
      case PROP_PUBLISHER:
        return &self->publisher;
      case PROP_PUBLISHER_ZH:
        return &self->publisher_zh;
      case PROP_SOURCE:
        return &self->source;
      case PROP_SOURCE_ZH:
        return &self->source_zh;
      case PROP_LICENCE:
        return &self->licence;
      case PROP_NOTES:
        return &self->notes;
      case PROP_NOTES_ZH:
        return &self->notes_zh;
      default:
        return NULL;
    }
}

static void
set_string (CrkDataset *self,
            guint prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  dataset_changed (self, CRK_DATASET_CHANGE_METADATA);
}

static void
crk_dataset_get_property (GObject *object,
                          guint prop_id,
                          GValue *value,
                          GParamSpec *pspec)
{
  CrkDataset *self = CRK_DATASET (object);

  switch (prop_id)
    {
      case PROP_TITLE:
      case PROP_TITLE_ZH:
      case PROP_EDITION:
      case PROP_PUBLISHER:
      case PROP_PUBLISHER_ZH:
      case PROP_SOURCE:
      case PROP_SOURCE_ZH:
      case PROP_LICENCE:
      case PROP_NOTES:
      case PROP_NOTES_ZH:
        g_value_set_string (value, *string_field (self, prop_id));
        break;
      case PROP_MODIFIED:
        g_value_set_boolean (value, self->modified);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_dataset_set_property (GObject *object,
                          guint prop_id,
                          const GValue *value,
                          GParamSpec *pspec)
{
  CrkDataset *self = CRK_DATASET (object);

  switch (prop_id)
    {
      case PROP_TITLE:
      case PROP_TITLE_ZH:
      case PROP_EDITION:
      case PROP_PUBLISHER:
      case PROP_PUBLISHER_ZH:
      case PROP_SOURCE:
      case PROP_SOURCE_ZH:
      case PROP_LICENCE:
      case PROP_NOTES:
      case PROP_NOTES_ZH:
        set_string (self, prop_id, g_value_get_string (value));
        break;
      case PROP_MODIFIED:
        crk_dataset_set_modified (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
crk_dataset_class_init (CrkDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crk_dataset_dispose;
  object_class->finalize = crk_dataset_finalize;
  object_class->get_property = crk_dataset_get_property;
  object_class->set_property = crk_dataset_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_TITLE_ZH] = g_param_spec_string ("title-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_EDITION] = g_param_spec_string ("edition", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_PUBLISHER_ZH] =
    g_param_spec_string ("publisher-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SOURCE_ZH] = g_param_spec_string ("source-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_LICENCE] = g_param_spec_string ("licence", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_NOTES_ZH] = g_param_spec_string ("notes-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, RW_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrkDataset::changed:
   * @self: the dataset
   * @change_flags: the #CrkDatasetChange bits of what changed
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * CrkDataset::value-changed:
   * @self: the dataset
   * @city_index: the city
   * @indicator_index: the indicator
   * @year_index: the year
   *
   * Emitted after crk_dataset_set_value() or crk_dataset_set_value_note() changed a
   * value, its status or its note (not while bulk loading).
   */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
crk_dataset_init (CrkDataset *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->cities = g_list_store_new (CRK_TYPE_CITY);
  self->city_array = g_ptr_array_new ();
  self->city_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->indicator_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimensions = g_ptr_array_new ();
  self->n_levels = G_MAXUINT;
  self->method = crk_method_new ();
  g_signal_connect (self->method, "changed", G_CALLBACK (on_method_changed), self);
  self->store = crk_value_store_new ();
  self->value_notes = g_hash_table_new_full (note_key_hash, note_key_equal, g_free, g_free);
  self->group_names = g_ptr_array_new_with_free_func (group_name_free);
  self->group_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * crk_dataset_new:
 *
 * Returns: (transfer full): an empty, unmodified dataset with the default method
 */
CrkDataset *
crk_dataset_new (void)
{
  return g_object_new (CRK_TYPE_DATASET, NULL);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                      \
  const char *                                                    \
    crk_dataset_get_##field (CrkDataset *self)                    \
  {                                                               \
    g_return_val_if_fail (CRK_IS_DATASET (self), NULL);           \
    return self->field;                                           \
  }                                                               \
  void                                                            \
    crk_dataset_set_##field (CrkDataset *self, const char *value) \
  {                                                               \
    g_return_if_fail (CRK_IS_DATASET (self));                     \
    set_string (self, PROP, value);                               \
  }

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (title_zh, PROP_TITLE_ZH)
DEFINE_STRING_ACCESSORS (edition, PROP_EDITION)
DEFINE_STRING_ACCESSORS (publisher, PROP_PUBLISHER)
DEFINE_STRING_ACCESSORS (publisher_zh, PROP_PUBLISHER_ZH)
DEFINE_STRING_ACCESSORS (source, PROP_SOURCE)
DEFINE_STRING_ACCESSORS (source_zh, PROP_SOURCE_ZH)
DEFINE_STRING_ACCESSORS (licence, PROP_LICENCE)
DEFINE_STRING_ACCESSORS (notes, PROP_NOTES)
DEFINE_STRING_ACCESSORS (notes_zh, PROP_NOTES_ZH)

/* crk_dataset_get_display_title(), _publisher(), _source(), _notes(): the text in the
 * user's language, else the other one (nullable). */
#define DEFINE_DISPLAY_ACCESSOR(field)                      \
  const char *                                              \
    crk_dataset_get_display_##field (CrkDataset *self)      \
  {                                                         \
    g_return_val_if_fail (CRK_IS_DATASET (self), NULL);     \
    return crk_locale_pick (self->field, self->field##_zh); \
  }

DEFINE_DISPLAY_ACCESSOR (title)
DEFINE_DISPLAY_ACCESSOR (publisher)
DEFINE_DISPLAY_ACCESSOR (source)
DEFINE_DISPLAY_ACCESSOR (notes)

gboolean
crk_dataset_get_modified (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), FALSE);
  return self->modified;
}

/**
 * crk_dataset_set_modified:
 * @self: a dataset
 * @modified: whether the dataset has unsaved changes
 *
 * Writers call this with %FALSE after saving.
 */
void
crk_dataset_set_modified (CrkDataset *self,
                          gboolean modified)
{
  g_return_if_fail (CRK_IS_DATASET (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Years */

guint
crk_dataset_get_n_years (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  return self->years->len;
}

/**
 * crk_dataset_get_year:
 * @self: a dataset
 * @year_index: a year index
 *
 * Returns: the year at @year_index (years are ascending)
 */
int
crk_dataset_get_year (CrkDataset *self,
                      guint year_index)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  g_return_val_if_fail (year_index < self->years->len, 0);
  return g_array_index (self->years, int, year_index);
}

/* Index of the first year >= @year. */
static guint
year_position (CrkDataset *self,
               int year)
{
  guint lo = 0, hi = self->years->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->years, int, mid) < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * crk_dataset_lookup_year:
 * @self: a dataset
 * @year: a year
 *
 * Returns: the index of @year, or -1
 */
int
crk_dataset_lookup_year (CrkDataset *self,
                         int year)
{
  guint pos;

  g_return_val_if_fail (CRK_IS_DATASET (self), -1);

  pos = year_position (self, year);
  if (pos < self->years->len && g_array_index (self->years, int, pos) == year)
    return (int) pos;
  return -1;
}

/**
 * crk_dataset_add_year:
 * @self: a dataset
 * @year: a year
 *
 * Adds @year (nothing happens when it is there). Years stay ascending, so the indices
 * of later years shift by one; their values move with them.
 *
 * Returns: the index of @year
 */
guint
crk_dataset_add_year (CrkDataset *self,
                      int year)
{
  guint pos;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  pos = year_position (self, year);
  if (pos < self->years->len && g_array_index (self->years, int, pos) == year)
    return pos;

  g_array_insert_val (self->years, pos, year);
  dataset_changed (self, CRK_DATASET_CHANGE_YEARS);
  return pos;
}

/**
 * crk_dataset_get_latest_year:
 * @self: a dataset
 *
 * Returns: the last year, 0 when the dataset has none
 */
int
crk_dataset_get_latest_year (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  if (self->years->len == 0)
    return 0;
  return g_array_index (self->years, int, self->years->len - 1);
}

/* Cities */

/**
 * crk_dataset_get_cities:
 * @self: a dataset
 *
 * Returns: (transfer none): the cities as a #GListModel of #CrkCity
 */
GListModel *
crk_dataset_get_cities (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->cities);
}

guint
crk_dataset_get_n_cities (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  return self->city_array->len;
}

/**
 * crk_dataset_get_city:
 * @self: a dataset
 * @index: a city index
 *
 * Returns: (transfer none): the city
 */
CrkCity *
crk_dataset_get_city (CrkDataset *self,
                      guint index)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->city_array->len, NULL);

  /* The store keeps its own reference, so a borrowed pointer stays valid. */
  return g_ptr_array_index (self->city_array, index);
}

/**
 * crk_dataset_lookup_city:
 * @self: a dataset
 * @code: a city code
 *
 * Returns: (nullable) (transfer none): the city with @code
 */
CrkCity *
crk_dataset_lookup_city (CrkDataset *self,
                         const char *code)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->city_index, code);
}

/**
 * crk_dataset_add_city:
 * @self: a dataset
 * @city: a city not yet in any dataset
 *
 * Appends @city (taking a reference); its values start missing.
 *
 * Returns: %FALSE (and nothing changes) when a city with the same code exists
 */
gboolean
crk_dataset_add_city (CrkDataset *self,
                      CrkCity *city)
{
  const char *code;

  g_return_val_if_fail (CRK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (CRK_IS_CITY (city), FALSE);
  g_return_val_if_fail (crk_city_get_index (city) == G_MAXUINT, FALSE);

  code = crk_city_get_code (city);
  if (g_hash_table_contains (self->city_index, code))
    return FALSE;

  _crk_city_set_index (city, crk_dataset_get_n_cities (self));
  g_hash_table_insert (self->city_index, (gpointer) code, city);
  g_signal_connect (city, "notify", G_CALLBACK (on_city_notify), self);
  g_signal_connect (city, "attribute-changed", G_CALLBACK (on_city_data_changed), self);
  g_signal_connect (city, "reference-rank-changed", G_CALLBACK (on_city_data_changed), self);
  g_list_store_append (self->cities, city);
  g_ptr_array_add (self->city_array, city);
  dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
  return TRUE;
}

/* Indicators */

guint
crk_dataset_get_n_indicators (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  return self->indicators->len;
}

/**
 * crk_dataset_get_indicator:
 * @self: a dataset
 * @index: an indicator index
 *
 * Returns: (transfer none): the indicator
 */
CrkIndicator *
crk_dataset_get_indicator (CrkDataset *self,
                           guint index)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

/**
 * crk_dataset_lookup_indicator:
 * @self: a dataset
 * @code: an indicator code
 *
 * Returns: (nullable) (transfer none): the indicator with @code
 */
CrkIndicator *
crk_dataset_lookup_indicator (CrkDataset *self,
                              const char *code)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->indicator_index, code);
}

/**
 * crk_dataset_add_indicator:
 * @self: a dataset
 * @indicator: an indicator not yet in any dataset
 *
 * Appends @indicator (taking a reference) and links a framework leaf of the same code.
 *
 * Returns: %FALSE (and nothing changes) when an indicator with the same code exists
 */
gboolean
crk_dataset_add_indicator (CrkDataset *self,
                           CrkIndicator *indicator)
{
  const char *code;
  CrkFrameworkNode *node;

  g_return_val_if_fail (CRK_IS_DATASET (self), FALSE);
  g_return_val_if_fail (CRK_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (crk_indicator_get_index (indicator) == G_MAXUINT, FALSE);

  code = crk_indicator_get_code (indicator);
  if (g_hash_table_contains (self->indicator_index, code))
    return FALSE;

  _crk_indicator_set_index (indicator, self->indicators->len);
  g_ptr_array_add (self->indicators, g_object_ref (indicator));
  g_hash_table_insert (self->indicator_index, (gpointer) code, indicator);
  g_signal_connect (indicator, "notify", G_CALLBACK (on_indicator_notify), self);

  node = g_hash_table_lookup (self->node_index, code);
  if (node != NULL && crk_framework_node_is_leaf (node))
    crk_framework_node_set_indicator (node, indicator);

  dataset_changed (self, CRK_DATASET_CHANGE_INDICATORS);
  return TRUE;
}

/* Framework */

static void on_node_child_added (CrkFrameworkNode *parent,
                                 CrkFrameworkNode *child,
                                 CrkDataset *self);

static gboolean
connect_node (CrkFrameworkNode *node,
              gpointer user_data)
{
  CrkDataset *self = user_data;
  const char *code = crk_framework_node_get_code (node);

  if (!g_hash_table_contains (self->node_index, code))
    g_hash_table_insert (self->node_index, (gpointer) code, node);
  if (crk_framework_node_is_leaf (node))
    crk_framework_node_set_indicator (node, g_hash_table_lookup (self->indicator_index, code));
  g_signal_connect (node, "notify", G_CALLBACK (on_node_notify), self);
  g_signal_connect (node, "child-added", G_CALLBACK (on_node_child_added), self);
  return TRUE;
}

static gboolean
disconnect_node (CrkFrameworkNode *node,
                 gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (node, user_data);
  return TRUE;
}

static void
disconnect_tree (CrkDataset *self,
                 CrkFrameworkNode *root)
{
  crk_framework_node_foreach (root, disconnect_node, self);
}

static void
framework_structure_changed (CrkDataset *self)
{
  self->n_levels = G_MAXUINT;
  self->dimensions_valid = FALSE;
  dataset_changed (self, CRK_DATASET_CHANGE_FRAMEWORK);
}

static void
on_node_child_added (CrkFrameworkNode *parent,
                     CrkFrameworkNode *child,
                     CrkDataset *self)
{
  /* The parent may have been a leaf linked to an indicator until now. */
  crk_framework_node_set_indicator (parent, NULL);
  crk_framework_node_foreach (child, connect_node, self);
  framework_structure_changed (self);
}

/**
 * crk_dataset_get_framework:
 * @self: a dataset
 *
 * Returns: (nullable) (transfer none): the root of the framework (the index)
 */
CrkFrameworkNode *
crk_dataset_get_framework (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  return self->framework;
}

/**
 * crk_dataset_set_framework:
 * @self: a dataset
 * @root: (nullable): the root of a framework tree (no parent), or %NULL
 *
 * Replaces the framework and links every leaf to the indicator of the same code.
 */
void
crk_dataset_set_framework (CrkDataset *self,
                           CrkFrameworkNode *root)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (root == NULL || CRK_IS_FRAMEWORK_NODE (root));
  g_return_if_fail (root == NULL || crk_framework_node_get_parent (root) == NULL);

  if (self->framework == root)
    return;

  if (self->framework != NULL)
    {
      disconnect_tree (self, self->framework);
      g_clear_object (&self->framework);
    }
  g_hash_table_remove_all (self->node_index);

  if (root != NULL)
    {
      self->framework = g_object_ref (root);
      crk_framework_node_foreach (root, connect_node, self);
    }
  framework_structure_changed (self);
}

/**
 * crk_dataset_lookup_node:
 * @self: a dataset
 * @code: a node code
 *
 * Returns: (nullable) (transfer none): the framework node with @code (the first in
 *   pre-order when codes repeat)
 */
CrkFrameworkNode *
crk_dataset_lookup_node (CrkDataset *self,
                         const char *code)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->node_index, code);
}

static gboolean
max_depth_visit (CrkFrameworkNode *node,
                 gpointer user_data)
{
  guint *max_depth = user_data;

  if (crk_framework_node_is_leaf (node))
    *max_depth = MAX (*max_depth, crk_framework_node_get_depth (node));
  return TRUE;
}

/**
 * crk_dataset_get_n_levels:
 * @self: a dataset
 *
 * Returns: the number of levels (the deepest leaf's depth + 1), 0 without a framework
 */
guint
crk_dataset_get_n_levels (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  if (self->framework == NULL)
    return 0;
  if (self->n_levels == G_MAXUINT)
    {
      guint max_depth = 0;

      crk_framework_node_foreach (self->framework, max_depth_visit, &max_depth);
      self->n_levels = max_depth + 1;
    }
  return self->n_levels;
}

/**
 * crk_dataset_get_node_level:
 * @self: a dataset
 * @node: a node of its framework
 *
 * Returns: the node's COINr level, n_levels - depth (the root is the top level)
 */
guint
crk_dataset_get_node_level (CrkDataset *self,
                            CrkFrameworkNode *node)
{
  guint n_levels, depth;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  g_return_val_if_fail (CRK_IS_FRAMEWORK_NODE (node), 0);

  n_levels = crk_dataset_get_n_levels (self);
  depth = crk_framework_node_get_depth (node);
  g_return_val_if_fail (depth < n_levels, 0);
  return n_levels - depth;
}

/**
 * crk_dataset_get_dimensions:
 * @self: a dataset
 *
 * Returns: (transfer none) (element-type CrkFrameworkNode): the root's children (empty
 *   without a framework), valid until the framework changes
 */
GPtrArray *
crk_dataset_get_dimensions (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);

  if (!self->dimensions_valid)
    {
      g_ptr_array_set_size (self->dimensions, 0);
      if (self->framework != NULL)
        for (guint i = 0; i < crk_framework_node_get_n_children (self->framework); i++)
          g_ptr_array_add (self->dimensions, crk_framework_node_get_child (self->framework, i));
      self->dimensions_valid = TRUE;
    }
  return self->dimensions;
}

/* Method */

/**
 * crk_dataset_get_method:
 * @self: a dataset
 *
 * Returns: (transfer none): the method saved with the dataset (never %NULL)
 */
CrkMethod *
crk_dataset_get_method (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), NULL);
  return self->method;
}

/**
 * crk_dataset_has_method:
 * @self: a dataset
 *
 * Returns: %TRUE when a method was set or the method was edited (so writers save it)
 */
gboolean
crk_dataset_has_method (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), FALSE);
  return self->has_method;
}

/**
 * crk_dataset_set_method:
 * @self: a dataset
 * @method: (nullable): the method to keep (a reference is taken), or %NULL for the
 *   default method (and no saved method)
 */
void
crk_dataset_set_method (CrkDataset *self,
                        CrkMethod *method)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (method == NULL || CRK_IS_METHOD (method));

  if (method != NULL && method == self->method)
    {
      self->has_method = TRUE;
      return;
    }

  g_signal_handlers_disconnect_by_data (self->method, self);
  g_clear_object (&self->method);
  self->method = method != NULL ? g_object_ref (method) : crk_method_new ();
  self->has_method = method != NULL;
  g_signal_connect (self->method, "changed", G_CALLBACK (on_method_changed), self);
  dataset_changed (self, CRK_DATASET_CHANGE_METHOD);
}

/* Values */

#define CHECK_INDICES(self, city, indicator, year, val)                 \
  G_STMT_START                                                          \
  {                                                                     \
    g_return_val_if_fail (CRK_IS_DATASET (self), val);                  \
    g_return_val_if_fail (city < crk_dataset_get_n_cities (self), val); \
    g_return_val_if_fail (indicator < self->indicators->len, val);      \
    g_return_val_if_fail (year < self->years->len, val);                \
  }                                                                     \
  G_STMT_END

#define CHECK_INDICES_VOID(self, city, indicator, year)        \
  G_STMT_START                                                 \
  {                                                            \
    g_return_if_fail (CRK_IS_DATASET (self));                  \
    g_return_if_fail (city < crk_dataset_get_n_cities (self)); \
    g_return_if_fail (indicator < self->indicators->len);      \
    g_return_if_fail (year < self->years->len);                \
  }                                                            \
  G_STMT_END

/* The status byte of a cell in the store: the CrkValueStatus, and a flag when the cell
 * has a note (so that iterating the store finds every cell with something in it). */
#define STATUS_MASK 0x0f
#define HAS_NOTE 0x80

static int
year_at (CrkDataset *self,
         guint year)
{
  return g_array_index (self->years, int, year);
}

/**
 * crk_dataset_get_value:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 *
 * Returns: the value, NAN when missing
 */
double
crk_dataset_get_value (CrkDataset *self,
                       guint city,
                       guint indicator,
                       guint year)
{
  CHECK_INDICES (self, city, indicator, year, NAN);

  return crk_value_store_get (self->store, year_at (self, year), indicator, city, NULL);
}

static void
value_changed (CrkDataset *self,
               guint city,
               guint indicator,
               guint year)
{
  if (self->bulk > 0)
    {
      self->pending_changes |= CRK_DATASET_CHANGE_VALUES;
      return;
    }
  g_signal_emit (self, signals[VALUE_CHANGED], 0, city, indicator, year);
  dataset_changed (self, CRK_DATASET_CHANGE_VALUES);
}

/**
 * crk_dataset_try_set_value:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 * @value: the value, NAN for missing
 * @status: how it was obtained
 *
 * @was_held: (out) (optional): whether the cell held a value, a status or a note before
 *   (for readers: a cell the file gives twice)
 *
 * Like crk_dataset_set_value(), for readers of files: when the memory for the value
 * cannot be had, nothing changes and this returns %FALSE.
 *
 * Returns: %FALSE when out of memory
 */
gboolean
crk_dataset_try_set_value (CrkDataset *self,
                           guint city,
                           guint indicator,
                           guint year,
                           double value,
                           CrkValueStatus status,
                           gboolean *was_held)
{
  CrkStoreResult result;

  CHECK_INDICES (self, city, indicator, year, TRUE);
  g_return_val_if_fail (status <= CRK_VALUE_STATUS_IMPUTED, TRUE);

  result = crk_value_store_update (self->store, year_at (self, year), indicator, city,
                                   crk_dataset_get_n_cities (self), value, (guint8) status, HAS_NOTE,
                                   was_held);
  if (result == CRK_STORE_CHANGED)
    value_changed (self, city, indicator, year);
  return result != CRK_STORE_NO_MEMORY;
}

/**
 * crk_dataset_set_value:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 * @value: the value, NAN for missing
 * @status: how it was obtained
 *
 * Emits #CrkDataset::value-changed and #CrkDataset::changed when something changed.
 */
void
crk_dataset_set_value (CrkDataset *self,
                       guint city,
                       guint indicator,
                       guint year,
                       double value,
                       CrkValueStatus status)
{
  if (!crk_dataset_try_set_value (self, city, indicator, year, value, status, NULL))
    g_error ("%s: out of memory storing a value", G_STRLOC);
}

/**
 * crk_dataset_has_cell:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 *
 * Returns: %TRUE when the cell holds a value, a status other than observed or a note
 */
gboolean
crk_dataset_has_cell (CrkDataset *self,
                      guint city,
                      guint indicator,
                      guint year)
{
  guint8 status;
  double value;

  CHECK_INDICES (self, city, indicator, year, FALSE);

  value = crk_value_store_get (self->store, year_at (self, year), indicator, city, &status);
  return !isnan (value) || status != 0;
}

CrkValueStatus
crk_dataset_get_value_status (CrkDataset *self,
                              guint city,
                              guint indicator,
                              guint year)
{
  guint8 status;

  CHECK_INDICES (self, city, indicator, year, CRK_VALUE_STATUS_OBSERVED);

  crk_value_store_get (self->store, year_at (self, year), indicator, city, &status);
  return status & STATUS_MASK;
}

/**
 * crk_dataset_get_value_note:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 *
 * Returns: (nullable): the note on that value
 */
const char *
crk_dataset_get_value_note (CrkDataset *self,
                            guint city,
                            guint indicator,
                            guint year)
{
  NoteKey key;

  CHECK_INDICES (self, city, indicator, year, NULL);

  if (g_hash_table_size (self->value_notes) == 0)
    return NULL;
  key.year = year_at (self, year);
  key.indicator = indicator;
  key.city = city;
  return g_hash_table_lookup (self->value_notes, &key);
}

/**
 * crk_dataset_set_value_note:
 * @self: a dataset
 * @city: a city index
 * @indicator: an indicator index
 * @year: a year index
 * @note: (nullable): the note, %NULL or empty to remove it
 */
void
crk_dataset_set_value_note (CrkDataset *self,
                            guint city,
                            guint indicator,
                            guint year,
                            const char *note)
{
  NoteKey key;
  guint8 status;
  double value;

  CHECK_INDICES_VOID (self, city, indicator, year);

  if (note != NULL && *note == '\0')
    note = NULL;
  key.year = year_at (self, year);
  key.indicator = indicator;
  key.city = city;
  if (g_strcmp0 (g_hash_table_lookup (self->value_notes, &key), note) == 0)
    return;
  value = crk_value_store_get (self->store, key.year, indicator, city, &status);
  status = (guint8) ((status & STATUS_MASK) | (note != NULL ? HAS_NOTE : 0));
  if (crk_value_store_set (self->store, key.year, indicator, city, crk_dataset_get_n_cities (self),
                           value, status) == CRK_STORE_NO_MEMORY)
    g_error ("%s: out of memory storing a note", G_STRLOC);
  if (note == NULL)
    g_hash_table_remove (self->value_notes, &key);
  else
    g_hash_table_replace (self->value_notes, g_memdup2 (&key, sizeof key), g_strdup (note));
  value_changed (self, city, indicator, year);
}

/**
 * crk_dataset_get_values:
 * @self: a dataset
 * @indicator: an indicator index
 * @year: a year index
 * @values: (out caller-allocates) (array): room for a value of every city
 *
 * Copies the values of every city, by city index, NAN where missing. Threads may call
 * this together as long as nobody changes the dataset.
 */
void
crk_dataset_get_values (CrkDataset *self,
                        guint indicator,
                        guint year,
                        double *values)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (indicator < self->indicators->len);
  g_return_if_fail (year < self->years->len);

  crk_value_store_copy_column (self->store, year_at (self, year), indicator,
                               crk_dataset_get_n_cities (self), values);
}

typedef struct
{
  CrkDataset *self;
  CrkDatasetValueFunc func;
  gpointer data;
  int year;
  guint year_index;
} ForeachData;

static void
foreach_cell (int year,
              guint indicator,
              guint city,
              double value,
              guint8 status,
              gpointer data)
{
  ForeachData *d = data;

  if (year != d->year)
    {
      d->year = year;
      d->year_index = (guint) crk_dataset_lookup_year (d->self, year);
    }
  d->func (city, indicator, d->year_index, value, status & STATUS_MASK, (status & HAS_NOTE) != 0, d->data);
}

/**
 * crk_dataset_foreach_value:
 * @self: a dataset
 * @func: (scope call): called for every cell with a value, a status other than observed
 *   or a note
 * @data: for @func
 *
 * Visits the cells that hold something, by year, then indicator, then city index; the
 * empty cells of a large, sparse dataset cost nothing.
 */
void
crk_dataset_foreach_value (CrkDataset *self,
                           CrkDatasetValueFunc func,
                           gpointer data)
{
  ForeachData d = { self, func, data, G_MININT, 0 };

  g_return_if_fail (CRK_IS_DATASET (self));
  crk_value_store_foreach (self->store, foreach_cell, &d);
}

/**
 * crk_dataset_get_n_held_values:
 * @self: a dataset
 *
 * Returns: the number of cells holding a value, a status or a note
 */
guint64
crk_dataset_get_n_held_values (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  return crk_value_store_get_n_held (self->store);
}

typedef struct
{
  CrkDataset *self;
  int year; /* 0: all */
} CountData;

static gboolean
count_column (int year,
              guint indicator,
              gpointer data)
{
  CountData *d = data;
  CrkIndicator *ind = g_ptr_array_index (d->self->indicators, indicator);

  return (d->year == 0 || d->year == year) && crk_indicator_get_kind (ind) == CRK_INDICATOR_KIND_INDICATOR;
}

/**
 * crk_dataset_count_missing:
 * @self: a dataset
 * @year: a year, or 0 for all years
 *
 * Returns: the number of missing values of indicators (not denominators)
 */
guint64
crk_dataset_count_missing (CrkDataset *self,
                           int year)
{
  CountData d = { self, year };
  guint64 n_indicators = 0, cells;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  if (year != 0 && crk_dataset_lookup_year (self, year) < 0)
    return 0;
  for (guint i = 0; i < self->indicators->len; i++)
    if (crk_indicator_get_kind (g_ptr_array_index (self->indicators, i)) == CRK_INDICATOR_KIND_INDICATOR)
      n_indicators++;
  cells = n_indicators * crk_dataset_get_n_cities (self) * (year != 0 ? 1 : self->years->len);
  return cells - crk_value_store_count_present (self->store, count_column, &d);
}

/**
 * crk_dataset_begin_bulk:
 * @self: a dataset
 *
 * Starts bulk loading: no "changed" or "value-changed" is emitted until the matching
 * crk_dataset_end_bulk(). Calls nest.
 */
void
crk_dataset_begin_bulk (CrkDataset *self)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  self->bulk++;
}

/**
 * crk_dataset_end_bulk:
 * @self: a dataset
 *
 * Ends bulk loading; the last call emits one "changed" with everything that changed,
 * without setting "modified".
 */
void
crk_dataset_end_bulk (CrkDataset *self)
{
  guint flags;

  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail (self->bulk > 0);

  if (--self->bulk > 0)
    return;
  flags = self->pending_changes;
  self->pending_changes = 0;
  if (flags != 0)
    g_signal_emit (self, signals[CHANGED], 0, flags);
}

/* Group names ---------------------------------------------------------------------- */

static char *
group_key (const char *attribute,
           const char *value)
{
  return g_strconcat (attribute, "\x1f", value, NULL);
}

static GroupName *
lookup_group (CrkDataset *self,
              const char *attribute,
              const char *value)
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
crk_dataset_get_group_display_name (CrkDataset *self,
                                    const char *attribute,
                                    const char *value)
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
