/* fuzz-common.h: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "crk-dataset.h"
#include "crk-import.h"

G_BEGIN_DECLS

/* The entry points libFuzzer calls (declared here for -Wmissing-prototypes). */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Once per process: warnings and criticals from GLib or the core become crashes. */
void fuzz_init (void);

/* fuzz-common.c's LLVMFuzzerInitialize() (weak: a harness may define its own) calls
 * fuzz_init() and makes fuzz_tmp_dir(), for the harnesses that write their input to files.
 * It is linked in with the rest of fuzz-common.c, which every harness uses. */

/* A folder of this process's own (in $CRK_FUZZ_TMPDIR when set, else in /dev/shm when it
 * can, else in g_get_tmp_dir()), made on the first call and removed with the files
 * fuzz_write_file() put in it when the process exits (not when it crashes). */
const char *fuzz_tmp_dir (void);

/* Writes @data into the file @name of fuzz_tmp_dir(), replacing it; returns its path
 * (owned by the harness; the same for the same @name). Aborts on any failure. */
const char *fuzz_write_file (const char *name, const void *data, size_t size);

/* The checks beyond the sanitizers. Aborts, after saying why on stderr, when:
 * - @dataset is NULL but @error is not set, or @dataset is set and so is @error, or
 *   @dataset is set and @problems is not empty;
 * - a problem's message or @error's message is not UTF-8;
 * - @dataset, written to bytes, does not read back, or reads back into a dataset that
 *   writes different bytes. */
void
fuzz_check_result (const char *what, CrkDataset *dataset, GPtrArray *problems, const GError *error);

/* Says "fuzz: @what: @why" on stderr and aborts. */
G_GNUC_NORETURN void fuzz_fail (const char *what, const char *why);

/* Splits an input at its first NUL byte: returns the size of what comes before it; sets
 * *@rest to what follows it and *@rest_size to its size (NULL and 0 without a NUL). */
size_t
fuzz_split_at_nul (const uint8_t *data, size_t size, const uint8_t **rest, size_t *rest_size);

/* Aborts, after saying why on stderr, when @text ("the key", "a unit", …: @whose) is not
 * UTF-8, or, unless @nullable, is NULL or empty. */
void fuzz_check_text (const char *what, const char *whose, const char *text, gboolean nullable);

/* The checks of an observation of the importers that give keys (SDMX-ML, World Bank):
 * key, indicator and period UTF-8 and not empty; unit, status and note NULL or UTF-8;
 * the value finite or missing (NaN). */
void fuzz_check_observation (const char *what, const CrkObservation *o);

/* Every problem and notice of @report has a message, UTF-8 in itself and as
 * crk_problem_to_string() gives it; @error, when set, has a message UTF-8 and not empty. */
void fuzz_check_report (const char *what, const CrkImportReport *report, const GError *error);

/* An importer that gave something (@ok: it returned TRUE, or sheets) must have set no
 * @error and reported no error, and one that gave nothing must have done one of them. */
void fuzz_check_outcome (const char *what,
                         gboolean ok,
                         const CrkImportReport *report,
                         const GError *error);

/* A sheet's name and texts are UTF-8; its cells are in order, one at a place, within its
 * n_rows and n_columns and CRK_SHEET_MAX_ROWS / _COLUMNS; a text cell has its text. */
void fuzz_check_sheet (const char *what, const CrkSheet *sheet);

/* The spreadsheet harnesses (fuzz-xlsx, fuzz-ods): reads @path with @importer, which must
 * not give an I/O error on a file that is there, then checks the outcome, the messages
 * and every sheet as above. */
void fuzz_read_sheets (const char *what, const CrkImporter *importer, const char *path);

G_END_DECLS
