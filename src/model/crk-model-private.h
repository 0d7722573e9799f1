/* crk-model-private.h: what the dataset tells the objects it owns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-city.h"
#include "crk-indicator.h"

G_BEGIN_DECLS

void _crk_city_set_index (CrkCity *self, guint index);
void _crk_indicator_set_index (CrkIndicator *self, guint index);

G_END_DECLS
