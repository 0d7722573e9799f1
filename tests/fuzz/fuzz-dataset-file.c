/* fuzz-dataset-file.c: libFuzzer harness of the native reader, through a file
 *
 * The input is a .cityrank.xml document, written to a file of this process's own folder
 * (the same file every time) and read with crk_dataset_read(). A dataset that reads must
 * write, read back and write again byte for byte; every message must be UTF-8 (see
 * fuzz_check_result()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-dataset-reader.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const char *path = fuzz_write_file ("fuzz.cityrank.xml", data, size);

  dataset = crk_dataset_read (path, &problems, &error);
  fuzz_check_result ("dataset (file)", dataset, problems, error);
  return 0;
}
