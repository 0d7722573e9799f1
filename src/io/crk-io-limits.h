/* crk-io-limits.h: the memory budget of reading a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The budget when nothing sets another: 1 GiB. */
#define CRK_DEFAULT_MEMORY_LIMIT (G_GUINT64_CONSTANT (1) << 30)

/* Bytes the engine needs for each city × indicator cell of the year it ranks: the raw,
 * treated and normalised matrices and the contributions (four doubles). */
#define CRK_ENGINE_BYTES_PER_CELL 32

/* Bytes a value held by a dataset costs at most (see crk-value-store.c). */
#define CRK_STORED_VALUE_BYTES 16

guint64 crk_io_get_memory_limit (void);
void crk_io_set_memory_limit (guint64 bytes);
gboolean crk_io_parse_memory_size (const char *text, guint64 *bytes);
char *crk_io_format_memory_size (guint64 bytes);

gboolean crk_io_check_grid (guint n_cities, guint n_indicators, char **message);
gboolean crk_io_check_values (guint64 n_values, char **message);
gboolean crk_io_check_memory (guint64 needed, const char *what, char **message);

G_END_DECLS
