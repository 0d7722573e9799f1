/* fuzz-common.h: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "crk-dataset.h"

G_BEGIN_DECLS

/* The entry points libFuzzer calls (declared here for -Wmissing-prototypes). */
int LLVMFuzzerInitialize (int *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t size);

/* Once per process: warnings and criticals from GLib or the core become crashes. */
void fuzz_init (void);

/* A folder of this process's own (in $CRK_FUZZ_TMPDIR when set, else in /dev/shm when it
 * can, else in g_get_tmp_dir()), made on the first call and removed with the files
 * fuzz_write_file() put in it when the process exits (not when it crashes). */
const char *fuzz_tmp_dir (void);

/* Writes @data into the file @name of fuzz_tmp_dir(), replacing it; returns its path
 * (owned by the harness; the same for the same @name). Aborts on any failure. */
const char *fuzz_write_file (const char *name,
                             const void *data,
                             size_t size);

/* The checks beyond the sanitizers. Aborts, after saying why on stderr, when:
 * - @dataset is NULL but @error is not set, or @dataset is set and so is @error, or
 *   @dataset is set and @problems is not empty;
 * - a problem's message or @error's message is not UTF-8;
 * - @dataset, written to bytes, does not read back, or reads back into a dataset that
 *   writes different bytes. */
void fuzz_check_result (const char *what,
                        CrkDataset *dataset,
                        GPtrArray *problems,
                        const GError *error);

G_END_DECLS
