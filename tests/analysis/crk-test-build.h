/* crk-test-build.h: datasets built in code for the analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-model.h"

G_BEGIN_DECLS

#define CRK_TEST_YEAR 2020

/* Cities C0..C(n-1), indicators I0..I(m-1) (direction from @directions, NULL = all +1)
 * under the dimension named in @parents (NULL = all "D1") under the root "IDX", one
 * year CRK_TEST_YEAR. @values is [indicator * n_cities + city], NAN missing. Dimensions
 * are appended in order of first appearance; every weight is 1. */
CrkDataset *crk_test_build (guint n_cities,
                            guint n_indicators,
                            const double *values,
                            const int *directions,
                            const char *const *parents);

/* Loads COINr's ASEM example (asem_idata.csv, asem_imeta.csv) from @dir with a small
 * independent CSV reader: year 2018, group columns as city attributes, denominators as
 * denominator indicators. */
CrkDataset *crk_test_load_asem (const char *dir, GError **error);

G_END_DECLS
