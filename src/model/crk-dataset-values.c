/* crk-dataset-values.c: the dataset's values, their statuses and notes (the values are
 * kept in a CrkValueStore, crk-value-store.c; the notes beside it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include <math.h>

#include "crk-dataset-private.h"

/* Notes are sparse; keyed by the year itself (not its index, which shifts when an
 * earlier year is added) and the stable city and indicator indices. */
typedef struct
{
  int year;
  guint indicator;
  guint city;
} NoteKey;

guint
_crk_dataset_note_key_hash (gconstpointer key)
{
  const NoteKey *k = key;

  return ((guint) k->year * 2654435761u) ^ (k->indicator * 40503u) ^ k->city;
}

gboolean
_crk_dataset_note_key_equal (gconstpointer a, gconstpointer b)
{
  const NoteKey *x = a;
  const NoteKey *y = b;

  return x->year == y->year && x->indicator == y->indicator && x->city == y->city;
}

#define CHECK_INDICES(self, city, indicator, year, val)                                            \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_return_val_if_fail (CRK_IS_DATASET (self), val);                                             \
    g_return_val_if_fail (city < crk_dataset_get_n_cities (self), val);                            \
    g_return_val_if_fail (indicator < self->indicators->len, val);                                 \
    g_return_val_if_fail (year < self->years->len, val);                                           \
  }                                                                                                \
  G_STMT_END

#define CHECK_INDICES_VOID(self, city, indicator, year)                                            \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_return_if_fail (CRK_IS_DATASET (self));                                                      \
    g_return_if_fail (city < crk_dataset_get_n_cities (self));                                     \
    g_return_if_fail (indicator < self->indicators->len);                                          \
    g_return_if_fail (year < self->years->len);                                                    \
  }                                                                                                \
  G_STMT_END

/* The status byte of a cell in the store: the CrkValueStatus, and a flag when the cell
 * has a note (so that iterating the store finds every cell with something in it). */
#define STATUS_MASK 0x0f
#define HAS_NOTE 0x80

static int
year_at (CrkDataset *self, guint year)
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
crk_dataset_get_value (CrkDataset *self, guint city, guint indicator, guint year)
{
  CHECK_INDICES (self, city, indicator, year, NAN);

  return crk_value_store_get (self->store, year_at (self, year), indicator, city, NULL);
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
                                   crk_dataset_get_n_cities (self), value, (guint8) status,
                                   HAS_NOTE, was_held);
  if (result == CRK_STORE_CHANGED)
    _crk_dataset_value_changed (self, city, indicator, year);
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
crk_dataset_has_cell (CrkDataset *self, guint city, guint indicator, guint year)
{
  guint8 status;
  double value;

  CHECK_INDICES (self, city, indicator, year, FALSE);

  value = crk_value_store_get (self->store, year_at (self, year), indicator, city, &status);
  return !isnan (value) || status != 0;
}

CrkValueStatus
crk_dataset_get_value_status (CrkDataset *self, guint city, guint indicator, guint year)
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
crk_dataset_get_value_note (CrkDataset *self, guint city, guint indicator, guint year)
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
  _crk_dataset_value_changed (self, city, indicator, year);
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
crk_dataset_get_values (CrkDataset *self, guint indicator, guint year, double *values)
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
foreach_cell (int year, guint indicator, guint city, double value, guint8 status, gpointer data)
{
  ForeachData *d = data;

  if (year != d->year)
    {
      d->year = year;
      d->year_index = (guint) crk_dataset_lookup_year (d->self, year);
    }
  d->func (city, indicator, d->year_index, value, status & STATUS_MASK, (status & HAS_NOTE) != 0,
           d->data);
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
crk_dataset_foreach_value (CrkDataset *self, CrkDatasetValueFunc func, gpointer data)
{
  ForeachData d = {self, func, data, G_MININT, 0};

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
count_column (int year, guint indicator, gpointer data)
{
  CountData *d = data;
  CrkIndicator *ind = g_ptr_array_index (d->self->indicators, indicator);

  return (d->year == 0 || d->year == year) &&
    crk_indicator_get_kind (ind) == CRK_INDICATOR_KIND_INDICATOR;
}

/**
 * crk_dataset_count_missing:
 * @self: a dataset
 * @year: a year, or 0 for all years
 *
 * Returns: the number of missing values of indicators (not denominators)
 */
guint64
crk_dataset_count_missing (CrkDataset *self, int year)
{
  CountData d = {self, year};
  guint64 n_indicators = 0, cells;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  if (year != 0 && crk_dataset_lookup_year (self, year) < 0)
    return 0;
  for (guint i = 0; i < self->indicators->len; i++)
    if (crk_indicator_get_kind (g_ptr_array_index (self->indicators, i)) ==
        CRK_INDICATOR_KIND_INDICATOR)
      n_indicators++;
  cells = n_indicators * crk_dataset_get_n_cities (self) * (year != 0 ? 1 : self->years->len);
  return cells - crk_value_store_count_present (self->store, count_column, &d);
}
