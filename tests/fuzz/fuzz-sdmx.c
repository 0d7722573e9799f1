/* fuzz-sdmx.c: libFuzzer harness of the SDMX-ML importers (2.0, 2.1, and the structure
 * message beside the data)
 *
 * The input is an SDMX-ML data message, written to a file of this process's own folder
 * (the same file every time); when it holds a NUL byte, what follows the first one is a
 * structure message, written to a second file and given as options->structure. Both are
 * read by crk_importer_sdmx21 (the reader of every SDMX-ML version) into a sink that
 * checks every observation and label: strings UTF-8, key, indicator and period not
 * empty, a value finite or missing. Odd inputs also ask for the unit multiplier to be
 * applied. The importer fails exactly when the report has an error, and every message
 * is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_sdmx21;

static gboolean
observation_cb (CrkImportSink *sink, const CrkObservation *o)
{
  fuzz_check_observation ("sdmx", o);
  if (o->line < 0 || o->column < 0)
    {
      fprintf (stderr, "fuzz: sdmx: a negative place %d:%d\n", o->line, o->column);
      abort ();
    }
  return TRUE;
}

static void
label_cb (CrkImportSink *sink,
          CrkImportRole role,
          const char *code,
          const char *name,
          const char *lang)
{
  fuzz_check_text ("sdmx", "the labelled code", code, TRUE);
  fuzz_check_text ("sdmx", "the label", name, FALSE);
  fuzz_check_text ("sdmx", "the language", lang, TRUE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkImportSink sink = {observation_cb, label_cb};
  CrkImportOptions options = {0};
  const uint8_t *structure;
  size_t structure_size;
  size_t data_size = fuzz_split_at_nul (data, size, &structure, &structure_size);
  const char *path = fuzz_write_file ("fuzz-sdmx.xml", data, data_size);
  gboolean ok;

  if (structure != NULL)
    options.structure =
      (char *) fuzz_write_file ("fuzz-sdmx-structure.xml", structure, structure_size);
  options.apply_unit_mult = (size & 1) != 0;
  ok = crk_importer_sdmx21.read (path, &options, &sink, report, NULL, &error);
  fuzz_check_report ("sdmx", report, error);
  fuzz_check_outcome ("sdmx", ok, report, error);
  return 0;
}
