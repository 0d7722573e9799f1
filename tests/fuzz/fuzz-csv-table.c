/* fuzz-csv-table.c: libFuzzer harness of the single CSV table importer and the table
 * extractor behind it
 *
 * The input is a CSV table, written to a file of this process's own folder (the same file
 * every time) and imported with crk_import_file() by the "csv-table" importer for the
 * year FUZZ_DEFAULT_YEAR, into a sink that checks every observation: its strings are
 * UTF-8, it has a key, an indicator, a period, a sheet and a cell. Every problem and notice
 * must be UTF-8; an import that fails must say why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-import.h"
#include "fuzz-common.h"

#define FUZZ_DEFAULT_YEAR 2020

static gboolean
observation (CrkImportSink *sink, const CrkObservation *o)
{
  if (o->key == NULL || o->indicator == NULL || o->period == NULL || o->sheet == NULL ||
      o->cell == NULL)
    fuzz_fail ("csv-table", "an observation without a key, indicator, period or place");
  fuzz_check_text ("csv-table", "a key", o->key, TRUE);
  fuzz_check_text ("csv-table", "an indicator", o->indicator, TRUE);
  fuzz_check_text ("csv-table", "a period", o->period, TRUE);
  fuzz_check_text ("csv-table", "a unit", o->unit, TRUE);
  fuzz_check_text ("csv-table", "a note", o->note, TRUE);
  fuzz_check_text ("csv-table", "a sheet", o->sheet, TRUE);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  CrkImportOptions options = {.default_year = FUZZ_DEFAULT_YEAR};
  CrkImportSink sink = {.observation = observation};
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  const char *path = fuzz_write_file ("fuzz.csv", data, size);
  gboolean ok;

  ok = crk_import_file (path, crk_importer_lookup ("csv-table"), &options, &sink, report, NULL,
                        &error);
  fuzz_check_report ("csv-table", report, error);
  if (!ok && error == NULL && report->problems->len == 0)
    fuzz_fail ("csv-table", "the import failed without saying why");
  return 0;
}
