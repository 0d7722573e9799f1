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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crk-import.h"
#include "fuzz-common.h"

extern const CrkImporter crk_importer_sdmx21;

static void
check_text (const char *what,
            const char *text,
            gboolean nullable)
{
  if ((text == NULL && !nullable) || (text != NULL && (!g_utf8_validate (text, -1, NULL) || (!nullable && *text == '\0'))))
    {
      fprintf (stderr, "fuzz: sdmx: the %s is %s\n", what, text == NULL ? "NULL" : "empty or not UTF-8");
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
  check_text ("note", o->note, TRUE);
  if (!isnan (o->value) && !isfinite (o->value))
    {
      fprintf (stderr, "fuzz: sdmx: an infinite value\n");
      abort ();
    }
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
  check_text ("labelled code", code, TRUE);
  check_text ("label", name, FALSE);
  check_text ("language", lang, TRUE);
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
  CrkImportOptions options = { 0 };
  const uint8_t *nul = size > 0 ? memchr (data, '\0', size) : NULL;
  size_t data_size = nul != NULL ? (size_t) (nul - data) : size;
  const char *path = fuzz_write_file ("fuzz-sdmx.xml", data, data_size);
  gboolean ok;

  if (nul != NULL)
    options.structure = (char *) fuzz_write_file ("fuzz-sdmx-structure.xml", nul + 1, size - data_size - 1);
  options.apply_unit_mult = (size & 1) != 0;
  ok = crk_importer_sdmx21.read (path, &options, &sink, report, NULL, &error);
  check_messages (report->problems);
  check_messages (report->notices);
  if (error != NULL)
    check_text ("error", error->message, FALSE);
  if (ok != (error == NULL && !crk_import_report_failed (report)))
    {
      fprintf (stderr, "fuzz: sdmx: returned %d with %u problems and %s error\n", ok, report->problems->len,
               error != NULL ? "an" : "no");
      abort ();
    }
  return 0;
}
