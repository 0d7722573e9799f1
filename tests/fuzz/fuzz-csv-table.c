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

#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

#define FUZZ_DEFAULT_YEAR 2020

static void
check_utf8 (const char *what,
            const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      fprintf (stderr, "fuzz: %s is not UTF-8\n", what);
      abort ();
    }
}

static gboolean
observation (CrkImportSink *sink,
             const CrkObservation *o)
{
  if (o->key == NULL || o->indicator == NULL || o->period == NULL || o->sheet == NULL || o->cell == NULL)
    {
      fprintf (stderr, "fuzz: an observation without a key, indicator, period or place\n");
      abort ();
    }
  check_utf8 ("a key", o->key);
  check_utf8 ("an indicator", o->indicator);
  check_utf8 ("a period", o->period);
  check_utf8 ("a unit", o->unit);
  check_utf8 ("a note", o->note);
  check_utf8 ("a sheet", o->sheet);
  return TRUE;
}

int
LLVMFuzzerInitialize (int *argc,
                      char ***argv)
{
  fuzz_init ();
  fuzz_tmp_dir ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t size)
{
  CrkImportOptions options = { .default_year = FUZZ_DEFAULT_YEAR };
  CrkImportSink sink = { .observation = observation };
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  const char *path = fuzz_write_file ("fuzz.csv", data, size);
  gboolean ok;

  ok = crk_import_file (path, crk_importer_lookup ("csv-table"), &options, &sink, report, NULL, &error);
  for (guint i = 0; i < report->problems->len; i++)
    check_utf8 ("a problem", ((CrkProblem *) g_ptr_array_index (report->problems, i))->message);
  for (guint i = 0; i < report->notices->len; i++)
    check_utf8 ("a notice", ((CrkProblem *) g_ptr_array_index (report->notices, i))->message);
  if (error != NULL)
    check_utf8 ("the error", error->message);
  if (!ok && error == NULL && report->problems->len == 0)
    {
      fprintf (stderr, "fuzz: the import failed without saying why\n");
      abort ();
    }
  return 0;
}
