/* fuzz-sheets.h: the checks of the spreadsheet harnesses (fuzz-xlsx, fuzz-ods)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "crk-import.h"
#include "fuzz-common.h"

G_BEGIN_DECLS

static inline void
fuzz_sheets_fail (const char *what,
                  const char *why)
{
  fprintf (stderr, "fuzz: %s: %s\n", what, why);
  abort ();
}

/* Reads @path with @importer and checks what comes back. */
static inline void
fuzz_read_sheets (const char *what,
                  const CrkImporter *importer,
                  const char *path)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkSheetSet) set = importer->read_sheets (path, NULL, report, NULL, &error);

  if (error != NULL)
    fuzz_sheets_fail (what, "an I/O error on a file that is there");
  if ((set == NULL) != crk_import_report_failed (report))
    fuzz_sheets_fail (what, "no sheets without a problem, or sheets and a problem");
  for (guint i = 0; i < report->problems->len + report->notices->len; i++)
    {
      CrkProblem *p = i < report->problems->len ? g_ptr_array_index (report->problems, i)
                                                 : g_ptr_array_index (report->notices, i - report->problems->len);

      if (!g_utf8_validate (p->message, -1, NULL))
        fuzz_sheets_fail (what, "a message is not UTF-8");
    }
  for (guint i = 0; set != NULL && i < set->sheets->len; i++)
    {
      CrkSheet *sheet = g_ptr_array_index (set->sheets, i);

      if (!g_utf8_validate (sheet->name, -1, NULL))
        fuzz_sheets_fail (what, "a sheet's name is not UTF-8");
      for (guint j = 0; j < sheet->cells->len; j++)
        {
          const CrkCell *c = &g_array_index (sheet->cells, CrkCell, j);

          if (c->row >= sheet->n_rows || c->column >= sheet->n_columns || c->row >= CRK_SHEET_MAX_ROWS
              || c->column >= CRK_SHEET_MAX_COLUMNS)
            fuzz_sheets_fail (what, "a cell beyond its sheet");
          if (c->text != NULL && !g_utf8_validate (c->text, -1, NULL))
            fuzz_sheets_fail (what, "a cell's text is not UTF-8");
          if (c->type == CRK_CELL_TEXT && c->text == NULL)
            fuzz_sheets_fail (what, "a text cell without text");
          if (j > 0)
            {
              const CrkCell *b = &g_array_index (sheet->cells, CrkCell, j - 1);

              if (b->row > c->row || (b->row == c->row && b->column >= c->column))
                fuzz_sheets_fail (what, "cells out of order");
            }
        }
    }
}

G_END_DECLS
