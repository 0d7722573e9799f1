/* fuzz-xlsx.c: libFuzzer harness of the xlsx reader (zip, parts, cells)
 *
 * The input is an .xlsx file, written to a file of this process's own folder (the same
 * file every time) and read by crk_importer_xlsx.read_sheets. The reader fails exactly
 * when the report has an error; every message is UTF-8; every sheet's cells are in
 * order, within the sheet's bounds, with UTF-8 texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_xlsx;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *path = fuzz_write_file ("fuzz.xlsx", data, size);

  fuzz_read_sheets ("xlsx", &crk_importer_xlsx, path);
  return 0;
}
