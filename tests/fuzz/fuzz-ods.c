/* fuzz-ods.c: libFuzzer harness of the OpenDocument readers (.ods and flat .fods)
 *
 * The input is an .ods file when it starts as a zip ("PK"), else a flat .fods; it is
 * written to a file of this process's own folder and read by crk_importer_ods or
 * crk_importer_fods. The checks are those of fuzz_read_sheets() (fuzz-common.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_ods, crk_importer_fods;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gboolean zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
  const char *path = fuzz_write_file (zip ? "fuzz.ods" : "fuzz.fods", data, size);

  fuzz_read_sheets (zip ? "ods" : "fods", zip ? &crk_importer_ods : &crk_importer_fods, path);
  return 0;
}
