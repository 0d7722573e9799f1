/* crk-dataset-years.c: the years of a dataset, ascending and unique
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset"

#include "config.h"

#include "crk-dataset-private.h"

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
crk_dataset_get_year (CrkDataset *self, guint year_index)
{
  g_return_val_if_fail (CRK_IS_DATASET (self), 0);
  g_return_val_if_fail (year_index < self->years->len, 0);
  return g_array_index (self->years, int, year_index);
}

/* Index of the first year >= @year. */
static guint
year_position (CrkDataset *self, int year)
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
crk_dataset_lookup_year (CrkDataset *self, int year)
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
crk_dataset_add_year (CrkDataset *self, int year)
{
  guint pos;

  g_return_val_if_fail (CRK_IS_DATASET (self), 0);

  pos = year_position (self, year);
  if (pos < self->years->len && g_array_index (self->years, int, pos) == year)
    return pos;

  g_array_insert_val (self->years, pos, year);
  _crk_dataset_changed (self, CRK_DATASET_CHANGE_YEARS);
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
