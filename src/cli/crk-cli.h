/* crk-cli.h: the subcommands of cityrank-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crk-dataset.h"
#include "crk-import.h"
#include "crk-csv-field.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 the work failed (invalid file...), 2 bad arguments. */
#define CRK_CLI_EXIT_OK 0
#define CRK_CLI_EXIT_FAILED 1
#define CRK_CLI_EXIT_USAGE 2

/* Each takes the arguments after the subcommand name (argv[0] is the subcommand). */
int crk_cli_validate (int argc, char **argv);    /* crk-cli-dataset.c */
int crk_cli_convert (int argc, char **argv);     /* crk-cli-dataset.c */
int crk_cli_info (int argc, char **argv);        /* crk-cli-dataset.c */
int crk_cli_import (int argc, char **argv);      /* crk-cli-import.c */
int crk_cli_rank (int argc, char **argv);        /* crk-cli-rank.c */
int crk_cli_explain (int argc, char **argv);     /* crk-cli-rank.c */
int crk_cli_chart (int argc, char **argv);       /* crk-cli-chart.c */
int crk_cli_report (int argc, char **argv);      /* crk-cli-report.c */
int crk_cli_uncertainty (int argc, char **argv); /* crk-cli-uncertainty.c */

/* Prints "cityrank-cli: MESSAGE" to stderr. */
void crk_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* crk-cli-common.c: what several subcommands share. */
/* Any file the registry of importers reads, its format detected from the content
 * (crk_open_file()): a dataset file, either table of a CSV pair in COINr's layout, an
 * SDMX-ML or World Bank file, a spreadsheet, a CSV table. Prints the import's notes and
 * problems (crk_cli_print_import_report()) and returns NULL when it cannot be read. */
CrkDataset *crk_cli_load_dataset (const char *path);
/* crk-cli-import.c: the notes, then the problems of @report, one a line on stderr, as
 * FILE:LINE:COLUMN: error: MESSAGE or FILE:SHEET!CELL: error: MESSAGE. */
void crk_cli_print_import_report (CrkImportReport *report);
/* Appends @text as a JSON string, or null. */
void crk_cli_append_json_string (GString *out, const char *text);

G_END_DECLS
