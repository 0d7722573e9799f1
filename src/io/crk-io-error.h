/* crk-io-error.h: errors and problems of reading and importing datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRK_IMPORT_ERROR (crk_import_error_quark ())
typedef enum
{
  CRK_IMPORT_ERROR_IO,        /* cannot open or read the file */
  CRK_IMPORT_ERROR_MALFORMED, /* not well-formed XML / CSV, bad encoding, truncated */
  CRK_IMPORT_ERROR_SCHEMA,    /* does not match the RELAX NG schema */
  CRK_IMPORT_ERROR_INVALID,   /* well-formed and schema-valid, but wrong in meaning */
  CRK_IMPORT_ERROR_HOSTILE,   /* DTD, entities, too deep, too large */
} CrkImportError;
GQuark crk_import_error_quark (void);

/* One problem found in a file. Readers collect all of a file's problems, then fail with a
 * GError whose message lists them, one "FILE:LINE:COLUMN: MESSAGE" per line. */
typedef struct
{
  char *file; /* as given by the caller */
  int line;   /* 1-based; 0 when unknown */
  int column; /* 1-based; 0 when unknown */
  CrkImportError code;
  char *message; /* translated, without the location */
} CrkProblem;

CrkProblem *crk_problem_new (const char *file,
                             int line,
                             int column,
                             CrkImportError code,
                             const char *format,
                             ...) G_GNUC_PRINTF (5, 6);
void crk_problem_free (CrkProblem *problem);
/* "FILE:LINE:COLUMN: error: MESSAGE" (LINE and COLUMN left out when 0). */
char *crk_problem_to_string (const CrkProblem *problem);
/* Sets @error (if problems is non-empty) with every problem, one per line; returns FALSE then. */
gboolean crk_problems_to_error (GPtrArray *problems, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkProblem, crk_problem_free)

G_END_DECLS
