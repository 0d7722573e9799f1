/* fuzz-csv.c: libFuzzer harness of the CSV import (COINr's two tables)
 *
 * The input holds both tables, split at the first NUL byte, which the CSV format refuses:
 * before it the data table, after it the metadata table. An input without a NUL is a data
 * table with an empty metadata table. The two are written to files of this process's own
 * folder (the same two files every time) and imported with crk_csv_import() for the year
 * FUZZ_DEFAULT_YEAR. A dataset that imports must write, read back and write again byte for
 * byte; every message must be UTF-8 (see fuzz_check_result()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-csv-import.h"
#include "fuzz-common.h"

#define FUZZ_DEFAULT_YEAR 2020

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const uint8_t *meta;
  size_t meta_size;
  size_t data_size = fuzz_split_at_nul (data, size, &meta, &meta_size);
  const char *data_path;
  const char *meta_path;

  data_path = fuzz_write_file ("fuzz_data.csv", data, data_size);
  meta_path = fuzz_write_file ("fuzz_meta.csv", meta != NULL ? (const void *) meta : "", meta_size);

  dataset = crk_csv_import (data_path, meta_path, FUZZ_DEFAULT_YEAR, &problems, &error);
  fuzz_check_result ("CSV import", dataset, problems, error);
  return 0;
}
