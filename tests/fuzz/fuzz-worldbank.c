/* fuzz-worldbank.c: libFuzzer harness of the World Bank XML importer
 *
 * The input is a World Bank XML file (an API answer or a bulk download), written to a
 * file of this process's own folder (the same file every time) and read by
 * crk_importer_worldbank into a sink that checks every observation and label: strings
 * UTF-8 and not empty, a value finite or missing. The importer fails exactly when the
 * report has an error, and every message is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_worldbank;

static gboolean
observation_cb (CrkImportSink *sink, const CrkObservation *o)
{
  fuzz_check_observation ("worldbank", o);
  if (!crk_period_parse (o->period, NULL, NULL, NULL))
    {
      fprintf (stderr, "fuzz: worldbank: the period “%s” is not one\n", o->period);
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
  fuzz_check_text ("worldbank", "the labelled code", code, FALSE);
  fuzz_check_text ("worldbank", "the label", name, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkImportSink sink = {observation_cb, label_cb};
  const char *path = fuzz_write_file ("fuzz-worldbank.xml", data, size);
  gboolean ok;

  ok = crk_importer_worldbank.read (path, &(CrkImportOptions){0}, &sink, report, NULL, &error);
  fuzz_check_report ("worldbank", report, error);
  fuzz_check_outcome ("worldbank", ok, report, error);
  return 0;
}
