/* crk-value-store.c: the values of a dataset, held so that memory follows the values
 *
 * A dataset is a grid of cities × indicators × years, but a file can declare a large grid
 * and give few values, and an import can add a city and a year with every row. So the
 * grid is never allocated: a column (the values of one indicator in one year) exists only
 * once it holds a value, and a column holds its cells sparsely — sorted (city, value,
 * status) entries, 16 bytes each — until that would take more than a dense array of every
 * city (9 bytes a city), when it turns dense. A value never costs more than 16 bytes, and
 * a full column 9 bytes a city. The engine copies whole columns into its own dense,
 * cache-friendly matrices (crk_value_store_copy_column()).
 *
 * The store only reads and never changes itself when asked for values, so threads may
 * read it together while nobody writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-value-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-value-store.h"

/* A sparse column turns dense when it would hold this many cells out of every 16 cities
 * (dense costs 9 bytes a city, sparse 16 an entry), and not below a few entries. */
#define DENSE_AT_SIXTEENTHS 9
#define MIN_DENSE_CITIES 8

typedef struct
{
  double value;
  guint32 city;
  guint32 status;
} Entry;

typedef struct
{
  int year; /* the key: year and indicator */
  guint indicator;
  guint n_present; /* cells with a number (not NAN) */
  guint n_held;    /* cells held: a number, or a status other than 0 */
  gboolean dense;
  guint cap;
  union
  {
    Entry *entries; /* sparse: n_held entries by city, cap allocated */
    struct
    {
      double *values; /* dense: cap cities */
      guint8 *status;
    };
  };
} Column;

/* A direct-mapped cache of columns in front of the hash table (a value is set or read
 * with one look-up; readers go round the same few hundred columns). */
#define CACHE_SIZE 4096

struct _CrkValueStore
{
  GHashTable *columns; /* Column (key and value) */
  Column *cache[CACHE_SIZE];
  guint64 n_held;
  gsize memory;
};

static guint
column_hash (gconstpointer key)
{
  const Column *c = key;

  return (guint) c->year * 2654435761u ^ c->indicator * 40503u;
}

static gboolean
column_equal (gconstpointer a, gconstpointer b)
{
  const Column *x = a, *y = b;

  return x->year == y->year && x->indicator == y->indicator;
}

static gsize
column_memory (const Column *c)
{
  return sizeof (Column) +
    (c->dense ? (gsize) c->cap * (sizeof (double) + 1) : (gsize) c->cap * sizeof (Entry));
}

static void
column_free (gpointer data)
{
  Column *c = data;

  if (c->dense)
    {
      g_free (c->values);
      g_free (c->status);
    }
  else
    g_free (c->entries);
  g_free (c);
}

CrkValueStore *
crk_value_store_new (void)
{
  CrkValueStore *store = g_new0 (CrkValueStore, 1);

  store->columns = g_hash_table_new_full (column_hash, column_equal, column_free, NULL);
  return store;
}

void
crk_value_store_free (CrkValueStore *store)
{
  if (store == NULL)
    return;
  g_hash_table_unref (store->columns);
  g_free (store);
}

/* Eight consecutive years of up to 512 indicators map to distinct slots. */
static guint
cache_slot (int year, guint indicator)
{
  return ((indicator << 3) + ((guint) year & 7)) % CACHE_SIZE;
}

static Column *
lookup (CrkValueStore *store, int year, guint indicator)
{
  Column key = {.year = year, .indicator = indicator};

  return g_hash_table_lookup (store->columns, &key);
}

/* The same for writers, through the cache (readers leave it alone, so that threads can
 * read together). */
static Column *
lookup_to_write (CrkValueStore *store, int year, guint indicator)
{
  Column **slot = &store->cache[cache_slot (year, indicator)];
  Column *c = *slot;

  if (c != NULL && c->year == year && c->indicator == indicator)
    return c;
  c = lookup (store, year, indicator);
  if (c != NULL)
    *slot = c;
  return c;
}

/* Removes an emptied column (and its cache entry). */
static void
remove_column (CrkValueStore *store, Column *c)
{
  Column **slot = &store->cache[cache_slot (c->year, c->indicator)];

  if (*slot == c)
    *slot = NULL;
  store->memory -= column_memory (c);
  g_hash_table_remove (store->columns, c);
}

/* Index of the first entry whose city is >= @city. */
static guint
find_entry (const Column *c, guint city)
{
  guint lo = 0, hi = c->n_held;

  /* Values mostly arrive by city: try the end first. */
  if (hi > 0 && c->entries[hi - 1].city < city)
    return hi;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c->entries[mid].city < city)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

double
crk_value_store_get (CrkValueStore *store, int year, guint indicator, guint city, guint8 *status)
{
  Column *c = lookup (store, year, indicator);

  if (status != NULL)
    *status = 0;
  if (c == NULL)
    return NAN;
  if (c->dense)
    {
      if (city >= c->cap)
        return NAN;
      if (status != NULL)
        *status = c->status[city];
      return c->values[city];
    }
  else
    {
      guint i = find_entry (c, city);

      if (i == c->n_held || c->entries[i].city != city)
        return NAN;
      if (status != NULL)
        *status = (guint8) c->entries[i].status;
      return c->entries[i].value;
    }
}

static gboolean
same_value (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b && signbit (a) == signbit (b);
}

static gboolean
is_held (double value, guint8 status)
{
  return !isnan (value) || status != 0;
}

/* Turns @c dense with room for @n_cities cities. */
static gboolean
make_dense (CrkValueStore *store, Column *c, guint n_cities)
{
  double *values = g_try_new (double, n_cities);
  guint8 *status = g_try_new0 (guint8, n_cities);
  Entry *entries = c->entries;

  if (values == NULL || status == NULL)
    {
      g_free (values);
      g_free (status);
      return FALSE;
    }
  for (guint i = 0; i < n_cities; i++)
    values[i] = NAN;
  for (guint i = 0; i < c->n_held; i++)
    {
      values[entries[i].city] = entries[i].value;
      status[entries[i].city] = (guint8) entries[i].status;
    }
  store->memory -= column_memory (c);
  g_free (entries);
  c->dense = TRUE;
  c->values = values;
  c->status = status;
  c->cap = n_cities;
  store->memory += column_memory (c);
  return TRUE;
}

/* Makes room in a dense column for @city. */
static gboolean
grow_dense (CrkValueStore *store, Column *c, guint city, guint n_cities)
{
  guint cap = MAX (n_cities, city + 1);
  double *values;
  guint8 *status;

  if (cap < G_MAXUINT / 2)
    cap = MAX (cap, c->cap * 2);
  values = g_try_renew (double, c->values, cap);
  if (values == NULL)
    return FALSE;
  c->values = values;
  status = g_try_renew (guint8, c->status, cap);
  if (status == NULL)
    return FALSE;
  c->status = status;
  for (guint i = c->cap; i < cap; i++)
    values[i] = NAN;
  memset (status + c->cap, 0, cap - c->cap);
  store->memory -= column_memory (c);
  c->cap = cap;
  store->memory += column_memory (c);
  return TRUE;
}

static void
count (CrkValueStore *store,
       Column *c,
       double old_value,
       guint8 old_status,
       double value,
       guint8 status)
{
  c->n_present += !isnan (value);
  c->n_present -= !isnan (old_value);
  if (is_held (value, status) != is_held (old_value, old_status))
    {
      if (is_held (value, status))
        c->n_held++, store->n_held++;
      else
        c->n_held--, store->n_held--;
    }
}

static CrkStoreResult
set_dense (CrkValueStore *store, Column *c, guint city, guint n_cities, double value, guint8 status)
{
  if (city >= c->cap && !grow_dense (store, c, city, n_cities))
    return CRK_STORE_NO_MEMORY;
  count (store, c, c->values[city], c->status[city], value, status);
  c->values[city] = value;
  c->status[city] = status;
  return CRK_STORE_CHANGED;
}

static CrkStoreResult
set_sparse (CrkValueStore *store,
            Column *c,
            guint city,
            guint n_cities,
            double value,
            guint8 status)
{
  guint i = find_entry (c, city);
  gboolean found = i < c->n_held && c->entries[i].city == city;

  if (found)
    {
      Entry *e = &c->entries[i];

      c->n_present += !isnan (value);
      c->n_present -= !isnan (e->value);
      if (!is_held (value, status))
        {
          memmove (c->entries + i, c->entries + i + 1, (c->n_held - i - 1) * sizeof (Entry));
          c->n_held--;
          store->n_held--;
          return CRK_STORE_CHANGED;
        }
      e->value = value;
      e->status = status;
      return CRK_STORE_CHANGED;
    }
  if (!is_held (value, status))
    return CRK_STORE_UNCHANGED;

  /* A new entry: dense when that is smaller. */
  n_cities = MAX (n_cities, city + 1);
  if (n_cities >= MIN_DENSE_CITIES &&
      (guint64) (c->n_held + 1) * 16 > (guint64) n_cities * DENSE_AT_SIXTEENTHS)
    {
      if (!make_dense (store, c, n_cities))
        return CRK_STORE_NO_MEMORY;
      return set_dense (store, c, city, n_cities, value, status);
    }
  if (c->n_held == c->cap)
    {
      /* Doubling, but never past the size at which the column turns dense, so that
       * columns filling together do not all overshoot it. */
      guint most = MAX ((guint64) n_cities * DENSE_AT_SIXTEENTHS / 16 + 1, MIN_DENSE_CITIES);
      guint cap = c->cap == 0 ? 1 : MIN ((guint64) c->cap * 2, MIN (most, n_cities));
      Entry *entries = g_try_renew (Entry, c->entries, cap);

      if (entries == NULL)
        return CRK_STORE_NO_MEMORY;
      store->memory -= column_memory (c);
      c->entries = entries;
      c->cap = cap;
      store->memory += column_memory (c);
    }
  memmove (c->entries + i + 1, c->entries + i, (c->n_held - i) * sizeof (Entry));
  c->entries[i].city = city;
  c->entries[i].value = value;
  c->entries[i].status = status;
  c->n_held++;
  c->n_present += !isnan (value);
  store->n_held++;
  return CRK_STORE_CHANGED;
}

/**
 * crk_value_store_update:
 * @store: a store
 * @year: the year (not its index)
 * @indicator: the indicator's index
 * @city: the city's index
 * @n_cities: the dataset's cities (how long a dense column is)
 * @value: the value, NAN for missing
 * @status: the status byte (0: observed, and no flags)
 * @keep: the bits of the cell's status byte to keep (flags the caller does not set)
 * @was_held: (out) (optional): whether the cell held something before
 *
 * Sets a cell with one look-up of its column.
 *
 * Returns: whether anything changed, or %CRK_STORE_NO_MEMORY when the memory could not be
 *   had (nothing changed then)
 */
CrkStoreResult
crk_value_store_update (CrkValueStore *store,
                        int year,
                        guint indicator,
                        guint city,
                        guint n_cities,
                        double value,
                        guint8 status,
                        guint8 keep,
                        gboolean *was_held)
{
  Column *c = lookup_to_write (store, year, indicator);
  CrkStoreResult result;
  guint8 old_status = 0;
  double old = NAN;

  if (c != NULL && c->dense && city < c->cap)
    {
      old = c->values[city];
      old_status = c->status[city];
    }
  else if (c != NULL && !c->dense)
    {
      guint i = find_entry (c, city);

      if (i < c->n_held && c->entries[i].city == city)
        {
          old = c->entries[i].value;
          old_status = (guint8) c->entries[i].status;
        }
    }
  if (was_held != NULL)
    *was_held = is_held (old, old_status);
  status |= old_status & keep;
  if (same_value (old, value) && old_status == status)
    return CRK_STORE_UNCHANGED;
  if (c == NULL)
    {
      c = g_new0 (Column, 1);
      c->year = year;
      c->indicator = indicator;
      g_hash_table_add (store->columns, c);
      store->memory += column_memory (c);
    }
  if (c->dense)
    result = set_dense (store, c, city, n_cities, value, status);
  else
    result = set_sparse (store, c, city, n_cities, value, status);
  if (c->n_held == 0)
    remove_column (store, c);
  return result;
}

/**
 * crk_value_store_set:
 * @store: a store
 * @year: the year (not its index)
 * @indicator: the indicator's index
 * @city: the city's index
 * @n_cities: the dataset's cities (how long a dense column is)
 * @value: the value, NAN for missing
 * @status: the status byte (0: observed, and no flags)
 *
 * Returns: whether anything changed, or %CRK_STORE_NO_MEMORY
 */
CrkStoreResult
crk_value_store_set (CrkValueStore *store,
                     int year,
                     guint indicator,
                     guint city,
                     guint n_cities,
                     double value,
                     guint8 status)
{
  return crk_value_store_update (store, year, indicator, city, n_cities, value, status, 0, NULL);
}

/**
 * crk_value_store_copy_column:
 * @store: a store
 * @year: the year
 * @indicator: the indicator's index
 * @n_cities: how many values to copy
 * @values: (out caller-allocates) (array length=n_cities): the values of every city,
 *   NAN where missing
 */
void
crk_value_store_copy_column (CrkValueStore *store,
                             int year,
                             guint indicator,
                             guint n_cities,
                             double *values)
{
  Column *c = lookup (store, year, indicator);
  guint i = 0;

  if (c != NULL && c->dense)
    {
      i = MIN (c->cap, n_cities);
      memcpy (values, c->values, i * sizeof (double));
    }
  for (; i < n_cities; i++)
    values[i] = NAN;
  if (c != NULL && !c->dense)
    for (guint e = 0; e < c->n_held && c->entries[e].city < n_cities; e++)
      values[c->entries[e].city] = c->entries[e].value;
}

gboolean
crk_value_store_column_is_empty (CrkValueStore *store, int year, guint indicator)
{
  return lookup (store, year, indicator) == NULL;
}

/**
 * crk_value_store_count_present:
 * @store: a store
 * @keep: (nullable): which columns to count
 * @data: for @keep
 *
 * Returns: the number of cells with a number in the columns @keep accepts
 */
guint64
crk_value_store_count_present (CrkValueStore *store,
                               gboolean (*keep) (int year, guint indicator, gpointer data),
                               gpointer data)
{
  GHashTableIter iter;
  gpointer key;
  guint64 n = 0;

  g_hash_table_iter_init (&iter, store->columns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Column *c = key;

      if (keep == NULL || keep (c->year, c->indicator, data))
        n += c->n_present;
    }
  return n;
}

static int
compare_columns (gconstpointer a, gconstpointer b)
{
  const Column *x = *(Column *const *) a;
  const Column *y = *(Column *const *) b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (x->indicator != y->indicator)
    return x->indicator < y->indicator ? -1 : 1;
  return 0;
}

/**
 * crk_value_store_foreach:
 * @store: a store
 * @func: called for every cell held: years ascending, then indicators by index, then
 *   cities by index
 * @data: for @func
 */
void
crk_value_store_foreach (CrkValueStore *store, CrkStoreFunc func, gpointer data)
{
  g_autofree gpointer *columns = NULL;
  guint n;

  columns = g_hash_table_get_keys_as_array (store->columns, &n);
  qsort (columns, n, sizeof (gpointer), compare_columns);
  for (guint k = 0; k < n; k++)
    {
      Column *c = columns[k];

      if (c->dense)
        {
          for (guint i = 0; i < c->cap; i++)
            if (is_held (c->values[i], c->status[i]))
              func (c->year, c->indicator, i, c->values[i], c->status[i], data);
        }
      else
        for (guint i = 0; i < c->n_held; i++)
          func (c->year, c->indicator, c->entries[i].city, c->entries[i].value,
                (guint8) c->entries[i].status, data);
    }
}

/* Cells held: a value, or a status or flag. */
guint64
crk_value_store_get_n_held (CrkValueStore *store)
{
  return store->n_held;
}

/* Bytes the columns take (not counting the hash table). */
gsize
crk_value_store_get_memory (CrkValueStore *store)
{
  return store->memory;
}
