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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_worldbank;

static void
check_text (const char *what,
            const char *text,
            gboolean nullable)
{
  if ((text == NULL && !nullable) || (text != NULL && (!g_utf8_validate (text, -1, NULL) || (!nullable && *text == '\0'))))
    {
      fprintf (stderr, "fuzz: worldbank: the %s is %s\n", what, text == NULL ? "NULL" : "empty or not UTF-8");
      abort ();
    }
}

static gboolean
observation_cb (CrkImportSink *sink,
                const CrkObservation *o)
{
  check_text ("key", o->key, FALSE);
  check_text ("indicator", o->indicator, FALSE);
  check_text ("period", o->period, FALSE);
  check_text ("unit", o->unit, TRUE);
  check_text ("status", o->status, TRUE);
  if (!isnan (o->value) && !isfinite (o->value))
    {
      fprintf (stderr, "fuzz: worldbank: an infinite value\n");
      abort ();
    }
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
  check_text ("labelled code", code, FALSE);
  check_text ("label", name, FALSE);
}

static void
check_messages (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (list, i));

      check_text ("message", text, FALSE);
    }
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
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkImportSink sink = { observation_cb, label_cb };
  const char *path = fuzz_write_file ("fuzz-worldbank.xml", data, size);
  gboolean ok;

  ok = crk_importer_worldbank.read (path, &(CrkImportOptions) { 0 }, &sink, report, NULL, &error);
  check_messages (report->problems);
  check_messages (report->notices);
  if (error != NULL)
    check_text ("error", error->message, FALSE);
  if (ok != (error == NULL && !crk_import_report_failed (report)))
    {
      fprintf (stderr, "fuzz: worldbank: returned %d with %u problems and %s error\n", ok, report->problems->len,
               error != NULL ? "an" : "no");
      abort ();
    }
  return 0;
}
