/* crk-dataset-writer.h: writing the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset.h"

G_BEGIN_DECLS

gboolean crk_dataset_write (CrkDataset *dataset,
                            const char *path,
                            GError **error);
char *crk_dataset_write_to_string (CrkDataset *dataset,
                                   gsize *length);
GBytes *crk_dataset_write_to_bytes (CrkDataset *dataset);

G_END_DECLS
