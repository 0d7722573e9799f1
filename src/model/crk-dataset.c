/* crk-dataset.c: cities x indicators x years, with a framework and a method
 *
 * The GObject: properties, signals, metadata, cities, indicators and the method. The
 * other parts of CrkDataset are in crk-dataset-years.c, crk-dataset-framework.c,
 * crk-dataset-values.c and crk-dataset-groups.c (crk-dataset-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-dataset-private.h"
#include "crk-locale.h"
#include "crk-model-private.h"

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
  PROP_UNIT_KIND,
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

/* Records an edit: sets "modified" and emits "changed", or collects the flags while
 * bulk loading. */
void
_crk_dataset_changed (CrkDataset *self, guint flags)
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

/* Records an edit of a value (crk-dataset-values.c): emits "value-changed" and
 * "changed", or collects the flag while bulk loading. */
void
_crk_dataset_value_changed (CrkDataset *self, guint city, guint indicator, guint year)
{
  if (self->bulk > 0)
    {
      self->pending_changes |= CRK_DATASET_CHANGE_VALUES;
      return;
    }
  g_signal_emit (self, signals[VALUE_CHANGED], 0, city, indicator, year);
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_VALUES);
}

static void
on_city_notify (CrkCity *city, GParamSpec *pspec, CrkDataset *self)
{
  if (strcmp (pspec->name, "index") == 0)
    return;
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
}

static void
on_city_data_changed (CrkCity *city, gpointer arg, CrkDataset *self)
{
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
}

static void
on_indicator_notify (CrkIndicator *indicator, GParamSpec *pspec, CrkDataset *self)
{
  if (strcmp (pspec->name, "index") == 0)
    return;
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_INDICATORS);
}

static void
on_method_changed (CrkMethod *method, CrkDataset *self)
{
  self->has_method = TRUE;
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_METHOD);
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
      _crk_dataset_disconnect_tree (self, self->framework);
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
string_field (CrkDataset *self, guint prop_id)
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
set_string (CrkDataset *self, guint prop_id, const char *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_METADATA);
}

static void
crk_dataset_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
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
      case PROP_UNIT_KIND:
        g_value_set_enum (value, (int) self->unit_kind);
        break;
      case PROP_MODIFIED:
        g_value_set_boolean (value, self->modified);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_dataset_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
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
      case PROP_UNIT_KIND:
        crk_dataset_set_unit_kind (self, (CrkUnitKind) g_value_get_enum (value));
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
  properties[PROP_PUBLISHER_ZH] = g_param_spec_string ("publisher-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SOURCE_ZH] = g_param_spec_string ("source-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_LICENCE] = g_param_spec_string ("licence", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_NOTES_ZH] = g_param_spec_string ("notes-zh", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_UNIT_KIND] =
    g_param_spec_enum ("unit-kind", NULL, NULL, CRK_TYPE_UNIT_KIND, CRK_UNIT_CITY, RW_FLAGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, RW_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrkDataset::changed:
   * @self: the dataset
   * @change_flags: the #CrkDatasetChange bits of what changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

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
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
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
  self->value_notes =
    g_hash_table_new_full (_crk_dataset_note_key_hash, _crk_dataset_note_key_equal, g_free, g_free);
  self->group_names = g_ptr_array_new_with_free_func (_crk_dataset_group_name_free);
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

#define DEFINE_STRING_ACCESSORS(field, PROP)                                                       \
  const char *crk_dataset_get_##field (CrkDataset *self)                                           \
  {                                                                                                \
    g_return_val_if_fail (CRK_IS_DATASET (self), NULL);                                            \
    return self->field;                                                                            \
  }                                                                                                \
  void crk_dataset_set_##field (CrkDataset *self, const char *value)                               \
  {                                                                                                \
    g_return_if_fail (CRK_IS_DATASET (self));                                                      \
    set_string (self, PROP, value);                                                                \
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
#define DEFINE_DISPLAY_ACCESSOR(field)                                                             \
  const char *crk_dataset_get_display_##field (CrkDataset *self)                                   \
  {                                                                                                \
    g_return_val_if_fail (CRK_IS_DATASET (self), NULL);                                            \
    return crk_locale_pick (self->field, self->field##_zh);                                        \
  }

DEFINE_DISPLAY_ACCESSOR (title)
DEFINE_DISPLAY_ACCESSOR (publisher)
DEFINE_DISPLAY_ACCESSOR (source)
DEFINE_DISPLAY_ACCESSOR (notes)

CrkUnitKind
crk_dataset_get_unit_kind (CrkDataset *self)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), CRK_UNIT_CITY);
  return self->unit_kind;
}

/**
 * crk_dataset_set_unit_kind:
 * @self: a dataset
 * @kind: what the dataset ranks
 *
 * A change is an edit of the metadata: it marks the dataset modified.
 */
void
crk_dataset_set_unit_kind (CrkDataset *self, CrkUnitKind kind)
{
  g_return_if_fail (CRK_IS_DATASET (self));
  g_return_if_fail ((guint) kind < CRK_UNIT_N_KINDS);

  if (self->unit_kind == kind)
    return;
  self->unit_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_KIND]);
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_METADATA);
}

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
crk_dataset_set_modified (CrkDataset *self, gboolean modified)
{
  g_return_if_fail (CRK_IS_DATASET (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
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
crk_dataset_get_city (CrkDataset *self, guint index)
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
crk_dataset_lookup_city (CrkDataset *self, const char *code)
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
crk_dataset_add_city (CrkDataset *self, CrkCity *city)
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
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_CITIES);
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
crk_dataset_get_indicator (CrkDataset *self, guint index)
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
crk_dataset_lookup_indicator (CrkDataset *self, const char *code)
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
crk_dataset_add_indicator (CrkDataset *self, CrkIndicator *indicator)
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

  _crk_dataset_changed (self, CRK_DATASET_CHANGE_INDICATORS);
  return TRUE;
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
crk_dataset_set_method (CrkDataset *self, CrkMethod *method)
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
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_METHOD);
}

/* Bulk loading */

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
