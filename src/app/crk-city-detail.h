/* crk-city-detail.h: everything about one city under the current method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_TYPE_CITY_DETAIL (crk_city_detail_get_type ())
G_DECLARE_FINAL_TYPE (CrkCityDetail, crk_city_detail, CRK, CITY_DETAIL, GtkWidget)

GtkWidget *crk_city_detail_new (void);
void crk_city_detail_set_results (CrkCityDetail *self, CrkResults *results);
/* @city: a city index, or G_MAXUINT for none. */
void crk_city_detail_set_city (CrkCityDetail *self, guint city);
guint crk_city_detail_get_city (CrkCityDetail *self);
/* The text shown for the rank (tests read it). */
const char *crk_city_detail_get_rank_text (CrkCityDetail *self);

/* Formats a raw value in the locale's grouping (16,064), without decimals for a count
 * (@count), an integer or a large value, else with a precision that suits its size, and
 * its unit after a no-break space. */
char *crk_format_value (double value, gboolean count, const char *unit);

G_END_DECLS
