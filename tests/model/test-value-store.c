/* test-value-store.c: the dataset's values held sparsely; memory follows the values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-dataset.h"
#include "crk-value-store.h"

/* A sparse column turns dense once that is smaller, and back to nothing when emptied. */
static void
test_sparse_to_dense (void)
{
  CrkValueStore *store = crk_value_store_new ();
  const guint n = 1000;
  guint8 status;
  double column[1000];

  for (guint c = 0; c < n; c += 2)
    {
      g_assert_cmpint (crk_value_store_set (store, 2020, 3, c, n, c + 0.5, 0), ==,
                       CRK_STORE_CHANGED);
      /* never more than 16 bytes a value, nor 9 bytes a city once dense (and a header) */
      g_assert_cmpuint (crk_value_store_get_memory (store), <=,
                        256 + MIN (16 * (c / 2 + 1) * 2, 9 * n + 16 * (c / 2 + 1)));
    }
  g_assert_cmpuint (crk_value_store_get_n_held (store), ==, n / 2);
  /* setting the same value again changes nothing */
  g_assert_cmpint (crk_value_store_set (store, 2020, 3, 10, n, 10.5, 0), ==, CRK_STORE_UNCHANGED);
  for (guint c = 0; c < n; c++)
    {
      double v = crk_value_store_get (store, 2020, 3, c, &status);

      if (c % 2 == 0)
        g_assert_cmpfloat (v, ==, c + 0.5);
      else
        g_assert_true (isnan (v));
      g_assert_cmpuint (status, ==, 0);
    }
  crk_value_store_copy_column (store, 2020, 3, n, column);
  g_assert_cmpfloat (column[998], ==, 998.5);
  g_assert_true (isnan (column[999]));

  /* other columns are untouched and cost nothing */
  g_assert_true (isnan (crk_value_store_get (store, 2021, 3, 0, NULL)));
  g_assert_true (crk_value_store_column_is_empty (store, 2021, 3));
  g_assert_true (isnan (crk_value_store_get (store, 2020, 4, 0, NULL)));

  /* removing every value frees the column */
  for (guint c = 0; c < n; c += 2)
    crk_value_store_set (store, 2020, 3, c, n, NAN, 0);
  g_assert_cmpuint (crk_value_store_get_n_held (store), ==, 0);
  g_assert_cmpuint (crk_value_store_get_memory (store), ==, 0);
  g_assert_true (crk_value_store_column_is_empty (store, 2020, 3));
  crk_value_store_free (store);
}

/* Values out of order, a status without a value, and counts. */
static void
test_order_and_status (void)
{
  CrkValueStore *store = crk_value_store_new ();
  const guint cities[] = {50, 7, 99, 0, 23, 7};
  guint8 status;

  for (guint k = 0; k < G_N_ELEMENTS (cities); k++)
    crk_value_store_set (store, 2019, 0, cities[k], 100, cities[k] * 2.0, 0);
  crk_value_store_set (store, 2019, 0, 60, 100, NAN, 2);
  g_assert_cmpuint (crk_value_store_get_n_held (store), ==, 6);
  g_assert_cmpuint (crk_value_store_count_present (store, NULL, NULL), ==, 5);
  g_assert_true (isnan (crk_value_store_get (store, 2019, 0, 60, &status)));
  g_assert_cmpuint (status, ==, 2);
  g_assert_cmpfloat (crk_value_store_get (store, 2019, 0, 99, NULL), ==, 198);
  /* a city beyond the dataset's count at the time of setting (it grew since) */
  crk_value_store_set (store, 2019, 0, 150, 151, 1.0, 0);
  g_assert_cmpfloat (crk_value_store_get (store, 2019, 0, 150, NULL), ==, 1.0);
  crk_value_store_free (store);
}

typedef struct
{
  GString *log;
} Visit;

static void
visit (int year, guint indicator, guint city, double value, guint8 status, gpointer data)
{
  g_string_append_printf (data, "%d/%u/%u=%g;", year, indicator, city, value);
}

/* foreach visits years ascending, then indicators, then cities, dense or sparse. */
static void
test_foreach (void)
{
  CrkValueStore *store = crk_value_store_new ();
  g_autoptr (GString) log = g_string_new (NULL);

  crk_value_store_set (store, 2021, 1, 3, 10, 4, 0);
  crk_value_store_set (store, 2020, 2, 1, 10, 3, 0);
  crk_value_store_set (store, 2020, 1, 9, 10, 2, 0);
  crk_value_store_set (store, 2020, 1, 0, 10, 1, 0);
  for (guint c = 0; c < 10; c++) /* dense */
    crk_value_store_set (store, 2022, 0, c, 10, c, 0);
  crk_value_store_set (store, 2022, 0, 4, 10, NAN, 0);
  crk_value_store_foreach (store, visit, log);
  g_assert_cmpstr (log->str, ==,
                   "2020/1/0=1;2020/1/9=2;2020/2/1=3;2021/1/3=4;"
                   "2022/0/0=0;2022/0/1=1;2022/0/2=2;2022/0/3=3;2022/0/5=5;2022/0/6=6;"
                   "2022/0/7=7;2022/0/8=8;2022/0/9=9;");
  crk_value_store_free (store);
}

/* A huge declared grid with one value: the dataset costs next to nothing. */
static void
test_dataset_large_grid (void)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  double *column;

  crk_dataset_begin_bulk (ds);
  for (guint i = 0; i < 4096; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autoptr (CrkCity) city = crk_city_new (code, NULL);
      g_autofree char *icode = g_strdup_printf ("I%u", i);
      g_autoptr (CrkIndicator) ind = crk_indicator_new (icode, CRK_INDICATOR_KIND_INDICATOR);

      crk_dataset_add_city (ds, city);
      crk_dataset_add_indicator (ds, ind);
    }
  for (int y = 1000; y < 1064; y++)
    crk_dataset_add_year (ds, y);
  crk_dataset_set_value (ds, 4095, 17, 63, 3.25, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value_note (ds, 5, 6, 7, "a note on a missing value");
  crk_dataset_end_bulk (ds);

  g_assert_cmpuint (crk_dataset_get_n_held_values (ds), ==, 2);
  g_assert_true (crk_dataset_has_cell (ds, 5, 6, 7));
  g_assert_false (crk_dataset_has_cell (ds, 5, 6, 8));
  g_assert_cmpfloat (crk_dataset_get_value (ds, 4095, 17, 63), ==, 3.25);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, (guint64) 4096 * 4096 * 64 - 1);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 1063), ==, (guint64) 4096 * 4096 - 1);
  column = g_new (double, 4096);
  crk_dataset_get_values (ds, 17, 63, column);
  g_assert_cmpfloat (column[4095], ==, 3.25);
  g_assert_true (isnan (column[0]));
  g_free (column);

  /* adding an earlier year moves the indices, not the values */
  crk_dataset_add_year (ds, 999);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 4095, 17, 64), ==, 3.25);
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 5, 6, 8), ==, "a note on a missing value");
  crk_dataset_set_value_note (ds, 5, 6, 8, NULL);
  g_assert_cmpuint (crk_dataset_get_n_held_values (ds), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/value-store/sparse-to-dense", test_sparse_to_dense);
  g_test_add_func ("/model/value-store/order-and-status", test_order_and_status);
  g_test_add_func ("/model/value-store/foreach", test_foreach);
  g_test_add_func ("/model/value-store/dataset-large-grid", test_dataset_large_grid);
  return g_test_run ();
}
