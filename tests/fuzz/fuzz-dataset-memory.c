/* fuzz-dataset-memory.c: libFuzzer harness of the native reader, from memory
 *
 * The input is a .cityrank.xml document, read with crk_dataset_read_from_memory(). A
 * dataset that reads must write, read back and write again byte for byte; every message
 * must be UTF-8 (see fuzz_check_result()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-dataset-reader.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  dataset = crk_dataset_read_from_memory ((const char *) data, size, "fuzz.cityrank.xml", &problems,
                                          &error);
  fuzz_check_result ("dataset (memory)", dataset, problems, error);
  return 0;
}
