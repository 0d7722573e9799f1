/* crk-dataset-writer.h: writing the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset.h"

G_BEGIN_DECLS

gboolean crk_dataset_write (CrkDataset *dataset, const char *path, GError **error);
char *crk_dataset_write_to_string (CrkDataset *dataset, gsize *length);
GBytes *crk_dataset_write_to_bytes (CrkDataset *dataset);

/* A deep copy (written to memory in the native format and read back); NULL with @error
 * when @dataset breaks a rule of the format. */
CrkDataset *crk_dataset_duplicate (CrkDataset *dataset, GError **error);

/* The first character of @text the format cannot hold (a control character), or NULL. */
const char *crk_dataset_text_find_invalid (const char *text, gunichar *bad);

G_END_DECLS
