/* crk-dataset-reader.h: reading the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset.h"
#include "crk-io-error.h"

G_BEGIN_DECLS

/**
 * CrkProgressFunc:
 * @fraction: how much of the work is done, in [0, 1]
 * @user_data: the data passed with the function
 *
 * Reports progress of a long operation.
 */
typedef void (*CrkProgressFunc) (double fraction, gpointer user_data);

/* Limits of the native reader: larger files or deeper nesting are refused as hostile. */
#define CRK_DATASET_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30) /* 1 GiB */
#define CRK_DATASET_MAX_DEPTH 64
#define CRK_DATASET_MAX_TEXT_LENGTH (1 << 20) /* one text or attribute */
#define CRK_DATASET_MAX_PROBLEMS 1000

CrkDataset *crk_dataset_read (const char *path, GPtrArray **problems, GError **error);
CrkDataset *crk_dataset_read_from_memory (const char *data,
                                          gsize length,
                                          const char *name,
                                          GPtrArray **problems,
                                          GError **error);
/* Without schema validation: only for the bundled samples, which the tests validate. */
CrkDataset *crk_dataset_read_trusted_bytes (GBytes *bytes, const char *name, GError **error);

void crk_dataset_load_async (GFile *file,
                             CrkProgressFunc progress,
                             gpointer progress_data,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
CrkDataset *crk_dataset_load_finish (GAsyncResult *result, GPtrArray **problems, GError **error);

/* The RELAX NG schema of the format, from the resources (borrowed, never NULL). */
GBytes *crk_dataset_get_schema (void);

G_END_DECLS
