/* crk-country-codes.h: ISO 3166-1 country codes, for guessing that a file ranks countries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-dataset.h"

G_BEGIN_DECLS

/* TRUE when @code is an ISO 3166-1 alpha-3 code ("DEU"), or with @alpha2 also an alpha-2
 * code ("DE"); upper case only, as statistics files write them. */
gboolean crk_country_code_is_iso (const char *code, gboolean alpha2);
/* TRUE when at least 9 in 10 of the dataset's city codes are ISO codes (the rest may be
 * groups: "EUU", "WLD"); FALSE without cities. */
gboolean crk_country_codes_in_dataset (CrkDataset *dataset, gboolean alpha2);

G_END_DECLS
