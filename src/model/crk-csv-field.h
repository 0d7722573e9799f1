/* crk-csv-field.h: one field of a CSV file as written (RFC 4180 quoting), for every CSV
 * the project writes: the ranking table, the CLI's output, the uncertainty draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text to @out as one CSV field: as it is, or, when it holds a comma, a double
 * quote, a carriage return or a line feed, between double quotes with each double quote
 * doubled. Nothing else is changed (no trimming, no guarding of a leading = + - @).
 * NULL appends nothing (an empty field). */
void crk_csv_append_field (GString *out, const char *text);

G_END_DECLS
