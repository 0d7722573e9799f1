/* test-values.c: the city x indicator x year panel, its growth, statuses and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-dataset.h"

static void
add_cities (CrkDataset *ds, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *code = g_strdup_printf ("c%u", i);
      g_autoptr (CrkCity) city = crk_city_new (code, NULL);

      g_assert_true (crk_dataset_add_city (ds, city));
    }
}

static void
add_indicators (CrkDataset *ds, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *code = g_strdup_printf ("i%u", i);
      g_autoptr (CrkIndicator) ind = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);

      g_assert_true (crk_dataset_add_indicator (ds, ind));
    }
}

/* A value that tells its coordinates: city, indicator and year. */
static double
v (guint c, guint i, int year)
{
  return c * 1000.0 + i + (year - 2000) / 100.0;
}

static void
fill (CrkDataset *ds)
{
  for (guint y = 0; y < crk_dataset_get_n_years (ds); y++)
    for (guint i = 0; i < crk_dataset_get_n_indicators (ds); i++)
      for (guint c = 0; c < crk_dataset_get_n_cities (ds); c++)
        crk_dataset_set_value (ds, c, i, y, v (c, i, crk_dataset_get_year (ds, y)),
                               (CrkValueStatus) ((c + i + y) % 3));
}

/* Every cell either holds its value, or is missing when @missing_from_city and later
 * cities, @missing_from_indicator and later indicators, or @missing_year. */
static void
check (CrkDataset *ds, guint filled_cities, guint filled_indicators, int missing_year)
{
  for (guint y = 0; y < crk_dataset_get_n_years (ds); y++)
    for (guint i = 0; i < crk_dataset_get_n_indicators (ds); i++)
      for (guint c = 0; c < crk_dataset_get_n_cities (ds); c++)
        {
          int year = crk_dataset_get_year (ds, y);
          double value = crk_dataset_get_value (ds, c, i, y);

          if (c >= filled_cities || i >= filled_indicators || year == missing_year)
            {
              g_assert_true (isnan (value));
              g_assert_cmpint (crk_dataset_get_value_status (ds, c, i, y), ==,
                               CRK_VALUE_STATUS_OBSERVED);
            }
          else
            {
              /* the status was set with the year index at fill time */
              g_assert_cmpfloat (value, ==, v (c, i, year));
            }
        }
}

static void
test_values_set_get (void)
{
  CrkDataset *ds = crk_dataset_new ();

  add_cities (ds, 0, 2);
  add_indicators (ds, 0, 2);
  crk_dataset_add_year (ds, 2020);

  g_assert_true (isnan (crk_dataset_get_value (ds, 1, 1, 0)));
  g_assert_cmpint (crk_dataset_get_value_status (ds, 1, 1, 0), ==, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 4);

  crk_dataset_set_value (ds, 1, 0, 0, 42.25, CRK_VALUE_STATUS_ESTIMATED);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 1, 0, 0), ==, 42.25);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 1, 0, 0), ==, CRK_VALUE_STATUS_ESTIMATED);
  g_assert_true (isnan (crk_dataset_get_value (ds, 0, 0, 0)));
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 3);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2020), ==, 3);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2019), ==, 0);

  {
    double row[2] = {7, 7};

    crk_dataset_get_values (ds, 0, 0, row);
    g_assert_true (isnan (row[0]));
    g_assert_cmpfloat (row[1], ==, 42.25);
  }

  crk_dataset_set_value (ds, 1, 0, 0, NAN, CRK_VALUE_STATUS_OBSERVED);
  g_assert_true (isnan (crk_dataset_get_value (ds, 1, 0, 0)));

  g_assert_finalize_object (ds);
}

typedef struct
{
  guint n;
  guint city, indicator, year;
  guint n_changed;
} ValueLog;

static void
value_changed_cb (CrkDataset *ds, guint city, guint indicator, guint year, ValueLog *log)
{
  log->n++;
  log->city = city;
  log->indicator = indicator;
  log->year = year;
}

static void
changed_cb (CrkDataset *ds, guint flags, ValueLog *log)
{
  g_assert_cmpuint (flags, ==, CRK_DATASET_CHANGE_VALUES);
  log->n_changed++;
}

static void
test_values_signals (void)
{
  CrkDataset *ds = crk_dataset_new ();
  ValueLog log = {0};

  add_cities (ds, 0, 3);
  add_indicators (ds, 0, 2);
  crk_dataset_add_year (ds, 2020);
  crk_dataset_set_modified (ds, FALSE);
  g_signal_connect (ds, "value-changed", G_CALLBACK (value_changed_cb), &log);
  g_signal_connect (ds, "changed", G_CALLBACK (changed_cb), &log);

  crk_dataset_set_value (ds, 2, 1, 0, 7, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpuint (log.n, ==, 1);
  g_assert_cmpuint (log.city, ==, 2);
  g_assert_cmpuint (log.indicator, ==, 1);
  g_assert_cmpuint (log.year, ==, 0);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_true (crk_dataset_get_modified (ds));

  /* same value and status: nothing */
  crk_dataset_set_value (ds, 2, 1, 0, 7, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpuint (log.n, ==, 1);
  /* NAN over NAN: nothing */
  crk_dataset_set_value (ds, 0, 0, 0, NAN, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpuint (log.n, ==, 1);
  /* the status alone is a change */
  crk_dataset_set_value (ds, 2, 1, 0, 7, CRK_VALUE_STATUS_IMPUTED);
  g_assert_cmpuint (log.n, ==, 2);
  /* so is a note */
  crk_dataset_set_value_note (ds, 1, 0, 0, "from the yearbook");
  g_assert_cmpuint (log.n, ==, 3);
  g_assert_cmpuint (log.city, ==, 1);
  crk_dataset_set_value_note (ds, 1, 0, 0, "from the yearbook");
  g_assert_cmpuint (log.n, ==, 3);
  g_assert_cmpuint (log.n_changed, ==, 3);

  g_assert_finalize_object (ds);
}

static void
test_values_notes (void)
{
  CrkDataset *ds = crk_dataset_new ();

  add_cities (ds, 0, 2);
  add_indicators (ds, 0, 2);
  crk_dataset_add_year (ds, 2020);
  crk_dataset_add_year (ds, 2021);

  g_assert_null (crk_dataset_get_value_note (ds, 0, 0, 0));
  crk_dataset_set_value_note (ds, 1, 1, 1, "estimated from 2020");
  crk_dataset_set_value_note (ds, 0, 1, 0, "provisional");
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 1, 1, 1), ==, "estimated from 2020");
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 0, 1, 0), ==, "provisional");
  g_assert_null (crk_dataset_get_value_note (ds, 1, 1, 0));

  /* notes follow their year when an earlier year is inserted */
  crk_dataset_add_year (ds, 2019);
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 1, 1, 2), ==, "estimated from 2020");
  g_assert_cmpstr (crk_dataset_get_value_note (ds, 0, 1, 1), ==, "provisional");
  g_assert_null (crk_dataset_get_value_note (ds, 0, 1, 0));

  crk_dataset_set_value_note (ds, 0, 1, 1, "");
  g_assert_null (crk_dataset_get_value_note (ds, 0, 1, 1));
  crk_dataset_set_value_note (ds, 1, 1, 2, NULL);
  g_assert_null (crk_dataset_get_value_note (ds, 1, 1, 2));

  g_assert_finalize_object (ds);
}

static void
test_values_growth (void)
{
  CrkDataset *ds = crk_dataset_new ();

  add_cities (ds, 0, 3);
  add_indicators (ds, 0, 2);
  crk_dataset_add_year (ds, 2020);
  fill (ds);
  check (ds, 3, 2, 0);

  /* more cities than the capacity: doubling must keep every value in place */
  add_cities (ds, 3, 41);
  check (ds, 3, 2, 0);
  fill (ds);
  check (ds, 41, 2, 0);

  add_indicators (ds, 2, 19);
  check (ds, 41, 2, 0);
  fill (ds);
  check (ds, 41, 19, 0);

  /* a later year appends; an earlier year shifts the others' indices */
  crk_dataset_add_year (ds, 2022);
  check (ds, 41, 19, 2022);
  fill (ds);
  crk_dataset_add_year (ds, 2018);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2018);
  check (ds, 41, 19, 2018);
  crk_dataset_add_year (ds, 2021);
  crk_dataset_add_year (ds, 2019);
  crk_dataset_add_year (ds, 2017);
  crk_dataset_add_year (ds, 2030);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 7);
  for (guint y = 0; y < crk_dataset_get_n_years (ds); y++)
    {
      int year = crk_dataset_get_year (ds, y);
      double expected = (year == 2020 || year == 2022) ? v (40, 18, year) : NAN;

      if (isnan (expected))
        g_assert_true (isnan (crk_dataset_get_value (ds, 40, 18, y)));
      else
        g_assert_cmpfloat (crk_dataset_get_value (ds, 40, 18, y), ==, expected);
    }
  fill (ds);
  check (ds, 41, 19, 0);

  /* statuses moved with their values */
  for (guint y = 0; y < crk_dataset_get_n_years (ds); y++)
    g_assert_cmpint (crk_dataset_get_value_status (ds, 5, 7, y), ==, (5 + 7 + y) % 3);

  /* everything filled: nothing missing; adding a city adds missing values */
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 0);
  add_cities (ds, 41, 42);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 19 * 7);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2030), ==, 19);

  g_assert_finalize_object (ds);
}

static void
test_values_growth_bulk (void)
{
  CrkDataset *ds = crk_dataset_new ();

  /* years out of order during bulk loading, after values exist */
  crk_dataset_begin_bulk (ds);
  add_cities (ds, 0, 5);
  add_indicators (ds, 0, 3);
  crk_dataset_add_year (ds, 2021);
  fill (ds);
  crk_dataset_add_year (ds, 2019);
  crk_dataset_add_year (ds, 2020);
  add_cities (ds, 5, 9);
  crk_dataset_end_bulk (ds);

  g_assert_cmpint (crk_dataset_get_year (ds, 2), ==, 2021);
  for (guint c = 0; c < 9; c++)
    for (guint i = 0; i < 3; i++)
      for (guint y = 0; y < 3; y++)
        {
          double value = crk_dataset_get_value (ds, c, i, y);

          if (c < 5 && y == 2)
            g_assert_cmpfloat (value, ==, v (c, i, 2021));
          else
            g_assert_true (isnan (value));
        }

  g_assert_finalize_object (ds);
}

/* Denominators are not counted as missing indicator values. */
static void
test_values_count_missing_kinds (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkIndicator) pop = crk_indicator_new ("Pop", CRK_INDICATOR_KIND_DENOMINATOR);

  add_cities (ds, 0, 4);
  add_indicators (ds, 0, 2);
  crk_dataset_add_indicator (ds, pop);
  crk_dataset_add_year (ds, 2020);
  crk_dataset_add_year (ds, 2021);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 16);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2021), ==, 8);
  crk_dataset_set_value (ds, 3, 1, 1, 0.0, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2021), ==, 7);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2020), ==, 8);

  g_assert_finalize_object (ds);
}

static void
test_values_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (CrkDataset) ds = crk_dataset_new ();

      add_cities (ds, 0, 1);
      add_indicators (ds, 0, 1);
      crk_dataset_add_year (ds, 2020);
      crk_dataset_set_value (ds, 1, 0, 0, 1.0, CRK_VALUE_STATUS_OBSERVED);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*city < crk_dataset_get_n_cities*");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/values/set-get", test_values_set_get);
  g_test_add_func ("/model/values/signals", test_values_signals);
  g_test_add_func ("/model/values/notes", test_values_notes);
  g_test_add_func ("/model/values/growth", test_values_growth);
  g_test_add_func ("/model/values/growth-bulk", test_values_growth_bulk);
  g_test_add_func ("/model/values/count-missing-kinds", test_values_count_missing_kinds);
  g_test_add_func ("/model/values/out-of-range", test_values_out_of_range);

  return g_test_run ();
}
