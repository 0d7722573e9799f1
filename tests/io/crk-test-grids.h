/* crk-test-grids.h: small files that declare large grids, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A native file can declare many cities, indicators and years in a few kilobytes and
 * give almost no values; a COINr CSV pair whose every row is a new city and a new year
 * makes the panel grow with the square of the rows. These generators write such files
 * (shared by tests/io/test-large-grid.c and bench/bench-io.c), so that no large fixture
 * needs to be committed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a generated native file holds in its <values>. */
typedef enum
{
  CRK_TEST_GRID_ONE_VALUE,    /* <values> with exactly one value (see crk_test_grid_value_at()) */
  CRK_TEST_GRID_EMPTY_VALUES, /* <values/>: valid, no value at all */
  CRK_TEST_GRID_NO_VALUES,    /* no <values> element: refused by the schema */
  CRK_TEST_GRID_UNKNOWN_ELEMENT, /* the one value, then an element the schema does not
                                  * know (<unknown/> after </values>): refused */
} CrkTestGridValues;

/* The one value of a CRK_TEST_GRID_ONE_VALUE file. */
#define CRK_TEST_GRID_VALUE 12.5

/* Cities are "C0", "C1", …, indicators "I0", "I1", …, in this order; years run from
 * CRK_TEST_GRID_FIRST_YEAR up, one a year. The framework is flat: the root "INDEX" with
 * every indicator as a child, all weights 1. */
#define CRK_TEST_GRID_FIRST_YEAR 1900

/* Where the one value is: city @n_cities / 2, indicator @n_indicators / 3, the last year. */
void crk_test_grid_value_at (guint n_cities,
                             guint n_indicators,
                             guint n_years,
                             guint *city,
                             guint *indicator,
                             guint *year_index);

/* Writes a native dataset file (.cityrank.xml) declaring the grid. */
gboolean crk_test_write_grid (const char *path,
                              guint n_cities,
                              guint n_indicators,
                              guint n_years,
                              CrkTestGridValues values,
                              GError **error);

/* The CSV pair: every data row is a new city ("C<row>") and a new year
 * (CRK_TEST_CSV_FIRST_YEAR + row) with a value for each of @n_indicators indicators
 * ("I1", "I2", …, all under the root "Index"); the value of indicator i (0-based) in row r
 * is crk_test_csv_value (r, i). At most CRK_TEST_CSV_MAX_ROWS rows (years stop at 9999). */
#define CRK_TEST_CSV_FIRST_YEAR 1000
#define CRK_TEST_CSV_MAX_ROWS 9000

double crk_test_csv_value (guint row, guint indicator);

gboolean crk_test_write_csv_pair (const char *data_path,
                                  const char *meta_path,
                                  guint n_rows,
                                  guint n_indicators,
                                  GError **error);

/* Peak resident memory of this process (VmHWM), in bytes; 0 when unknown. */
guint64 crk_test_peak_bytes (void);

/* Resets the peak to the current resident memory (/proc/self/clear_refs), and returns
 * the peak now: the base to subtract from a later crk_test_peak_bytes(). When the reset
 * is not allowed, the peak so far is returned, which only makes growths look smaller
 * in a process that was larger before. */
guint64 crk_test_reset_peak (void);

G_END_DECLS
