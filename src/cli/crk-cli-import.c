/* crk-cli-import.c: import the statistics files analysts download into a dataset or a
 * long CSV table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cityrank-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crk-cli.h"
#include "crk-dataset-writer.h"
#include "crk-import-csv-sink.h"
#include "crk-import-dataset.h"
#include "crk-import.h"
#include "crk-model.h"

typedef struct
{
  char *format;
  char *sheet;
  char *city;
  char *indicator;
  char *period;
  char *layout;
  char *missing;
  char *structure;
  gboolean apply_unit_mult;
  int year;
  char *into;
  gboolean replace;
  char **matches;
  gboolean save_aliases;
  char *aggregate;
  char *output;
  gboolean list_formats;
} Args;

static void
args_clear (Args *a)
{
  g_free (a->format);
  g_free (a->sheet);
  g_free (a->city);
  g_free (a->indicator);
  g_free (a->period);
  g_free (a->layout);
  g_free (a->missing);
  g_free (a->structure);
  g_free (a->into);
  g_strfreev (a->matches);
  g_free (a->aggregate);
  g_free (a->output);
}

static int
usage_error (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  crk_cli_error ("%s", message);
  fputs (help, stderr);
  return CRK_CLI_EXIT_USAGE;
}

static void
list_formats (void)
{
  const CrkImporter *const *importers = crk_importers ();

  for (guint i = 0; importers[i] != NULL; i++)
    {
      g_autofree char *patterns = importers[i]->patterns != NULL
        ? g_strjoinv (" ", (char **) importers[i]->patterns)
        : g_strdup ("");

      printf ("%-16s %s  %s\n", importers[i]->id, _ (importers[i]->name), patterns);
    }
}

static gboolean
parse_layout (const char *text, CrkTableLayout *layout)
{
  static const char *const names[] = {"auto", "wide-indicators", "wide-periods", "long"};

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *layout = (CrkTableLayout) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_aggregate (const char *text, CrkImportAggregate *aggregate)
{
  static const struct
  {
    const char *name;
    CrkImportAggregate aggregate;
  } names[] = {
    {"mean", CRK_IMPORT_AGGREGATE_MEAN},
    {"sum", CRK_IMPORT_AGGREGATE_SUM},
    {"last", CRK_IMPORT_AGGREGATE_LAST},
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i].name) == 0)
      {
        *aggregate = names[i].aggregate;
        return TRUE;
      }
  return FALSE;
}

/* The user's choices as import options; FALSE with a message on a bad one. */
static gboolean
make_options (Args *a, CrkImportOptions *options, char **message)
{
  options->sheet = g_strdup (a->sheet);
  options->city = g_strdup (a->city);
  options->indicator = g_strdup (a->indicator);
  options->period = g_strdup (a->period);
  options->structure = g_strdup (a->structure);
  options->apply_unit_mult = a->apply_unit_mult;
  options->default_year = a->year;
  options->matches = g_strdupv (a->matches);
  options->save_aliases = a->save_aliases;
  if (a->aggregate != NULL && !parse_aggregate (a->aggregate, &options->aggregate))
    {
      *message =
        g_strdup_printf (_ ("--aggregate “%s” is not one of mean, sum, last"), a->aggregate);
      return FALSE;
    }
  if (a->layout != NULL && !parse_layout (a->layout, &options->layout))
    {
      *message = g_strdup_printf (
        _ ("--layout “%s” is not one of auto, wide-indicators, wide-periods, long"), a->layout);
      return FALSE;
    }
  if (a->missing != NULL)
    {
      options->missing = g_strsplit (a->missing, ",", -1);
      for (guint i = 0; options->missing[i] != NULL; i++)
        g_strstrip (options->missing[i]);
    }
  if (a->year < 0 || a->year > 9999)
    {
      *message = g_strdup (_ ("the year must be between 1 and 9999"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_equal (path, "-");
}

/* Prints the notices, then the problems, one a line on stderr. */
void
crk_cli_print_import_report (CrkImportReport *report)
{
  for (guint i = 0; i < report->notices->len; i++)
    {
      /* TRANSLATORS: the severity in "FILE:LINE:COLUMN: note: MESSAGE" */
      g_autofree char *line =
        crk_import_problem_to_string (g_ptr_array_index (report->notices, i), _ ("note"));

      fprintf (stderr, "%s\n", line);
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      /* TRANSLATORS: the severity in "FILE:LINE:COLUMN: error: MESSAGE" */
      g_autofree char *line =
        crk_import_problem_to_string (g_ptr_array_index (report->problems, i), _ ("error"));

      fprintf (stderr, "%s\n", line);
    }
}

/* Imports @path into @sink; an error that is not in the report (the file cannot be
 * read, its format is not known) joins the report. */
static void
import_one (const char *path,
            const CrkImporter *importer,
            const CrkImportOptions *options,
            CrkImportSink *sink,
            CrkImportReport *report)
{
  g_autoptr (GError) error = NULL;

  if (!crk_import_file (path, importer, options, sink, report, NULL, &error) && error != NULL)
    crk_import_report_error (report, path, 0, 0,
                             error->domain == CRK_IMPORT_ERROR ? error->code : CRK_IMPORT_ERROR_IO,
                             "%s", error->message);
}

static int
import_to_csv (char **files,
               const char *output,
               const CrkImporter *importer,
               const CrkImportOptions *options,
               CrkImportReport *report)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (CrkImportCsvSink) csv = NULL;
  g_autoptr (GCancellable) abandon = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_str_equal (output, "-"))
    out = g_unix_output_stream_new (1, FALSE);
  else
    out = G_OUTPUT_STREAM (
      g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error));
  if (out == NULL)
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  csv = crk_import_csv_sink_new (out);
  for (guint i = 0; files[i] != NULL; i++)
    import_one (files[i], importer, options, crk_import_csv_sink_get_sink (csv), report);
  ok = crk_import_csv_sink_finish (csv, NULL, &error);
  crk_cli_print_import_report (report);
  if (!ok)
    crk_cli_error ("%s", error->message);
  ok = ok && !crk_import_report_failed (report);
  /* A file replaced only when everything was read: closing a cancelled replacement
   * leaves the old file as it was. */
  if (!ok)
    g_cancellable_cancel (abandon);
  g_clear_error (&error);
  if (!g_output_stream_close (out, abandon, &error) && ok)
    {
      crk_cli_error ("%s", error->message);
      ok = FALSE;
    }
  if (ok && !g_str_equal (output, "-"))
    {
      g_autofree char *rows =
        g_strdup_printf ("%" G_GUINT64_FORMAT, crk_import_csv_sink_get_n_rows (csv));

      /* TRANSLATORS: "out.csv: 1234 rows" */
      printf (_ ("%s: %s rows\n"), output, rows);
    }
  return ok ? CRK_CLI_EXIT_OK : CRK_CLI_EXIT_FAILED;
}

/* The title and source of a new dataset: the first file's name, the files' names. */
static void
name_dataset (CrkDataset *dataset, char **files)
{
  g_autofree char *title = g_path_get_basename (files[0]);
  g_autoptr (GString) source = g_string_new (NULL);
  char *dot = strchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  crk_dataset_set_title (dataset, title);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);

      g_string_append_printf (source, "%s%s", i > 0 ? ", " : "", base);
    }
  crk_dataset_set_source (dataset, source->str);
}

static int
import_to_dataset (char **files,
                   const char *output,
                   const Args *a,
                   const CrkImporter *importer,
                   const CrkImportOptions *options,
                   CrkImportReport *report)
{
  g_autoptr (CrkDataset) into = NULL;
  g_autoptr (CrkImportDataset) import = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;

  if (a->into != NULL && (into = crk_cli_load_dataset (a->into)) == NULL)
    return CRK_CLI_EXIT_FAILED;
  import = crk_import_dataset_new (into, a->replace);
  crk_import_dataset_set_options (import, options);
  for (guint i = 0; files[i] != NULL; i++)
    {
      crk_import_dataset_begin_file (import, files[i], report);
      import_one (files[i], importer, options, crk_import_dataset_get_sink (import), report);
      crk_import_dataset_end_file (import);
    }
  dataset = crk_import_dataset_finish (import, report);
  crk_cli_print_import_report (report);
  if (dataset == NULL || crk_import_report_failed (report))
    return CRK_CLI_EXIT_FAILED;
  if (into == NULL)
    name_dataset (dataset, files);
  if (!crk_dataset_write (dataset, output, &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  {
    /* "out.cityrank.xml: countries 51, indicators 49, years 1" */
    g_autofree char *summary = crk_unit_kind_format_imported (
      crk_dataset_get_unit_kind (dataset), output, crk_dataset_get_n_cities (dataset),
      crk_dataset_get_n_indicators (dataset), crk_dataset_get_n_years (dataset));

    fputs (summary, stdout);
  }
  return CRK_CLI_EXIT_OK;
}

static GOptionContext *
import_context (Args *a)
{
  const GOptionEntry entries[] = {
    {"format", 'f', 0, G_OPTION_ARG_STRING, &a->format,
     N_ ("The format (see --list-formats; default: detected)"), N_ ("ID")},
    {"sheet", 0, 0, G_OPTION_ARG_STRING, &a->sheet,
     N_ ("The sheet of a spreadsheet, by name or number"), N_ ("NAME|N")},
    {"city", 0, 0, G_OPTION_ARG_STRING, &a->city, N_ ("The dimension or column of the cities"),
     N_ ("DIM|COLUMN")},
    {"indicator", 0, 0, G_OPTION_ARG_STRING, &a->indicator,
     N_ ("The dimension or column of the indicators"), N_ ("DIM|COLUMN")},
    {"period", 0, 0, G_OPTION_ARG_STRING, &a->period, N_ ("The dimension or column of the periods"),
     N_ ("DIM|COLUMN")},
    {"layout", 0, 0, G_OPTION_ARG_STRING, &a->layout, N_ ("How a table is laid out"),
     N_ ("auto|wide-indicators|wide-periods|long")},
    {"missing", 0, 0, G_OPTION_ARG_STRING, &a->missing,
     N_ ("More texts that mean a missing value, comma-separated"), N_ ("TOKENS")},
    {"structure", 0, 0, G_OPTION_ARG_FILENAME, &a->structure,
     N_ ("An SDMX structure message with the names of the codes"), N_ ("FILE")},
    {"apply-unit-mult", 0, 0, G_OPTION_ARG_NONE, &a->apply_unit_mult,
     N_ ("Multiply values by 10^UNIT_MULT"), NULL},
    {"year", 'y', 0, G_OPTION_ARG_INT, &a->year, N_ ("The year of a table that gives none"),
     N_ ("YEAR")},
    {"into", 0, 0, G_OPTION_ARG_FILENAME, &a->into,
     N_ ("Add into this dataset (its cities matched by code and name)"), N_ ("DATASET")},
    {"replace", 0, 0, G_OPTION_ARG_NONE, &a->replace,
     N_ ("With --into: replace values that differ (each listed as a note)"), NULL},
    {"match", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->matches,
     N_ ("With --into: the file's KEY (or its label) is the dataset's city CODE; KEY= leaves the "
         "key out (repeatable)"),
     N_ ("KEY=CODE")},
    {"save-aliases", 0, 0, G_OPTION_ARG_NONE, &a->save_aliases,
     N_ ("With --into: the names of the keys matched by --match become aliases of their cities"),
     NULL},
    {"aggregate", 0, 0, G_OPTION_ARG_STRING, &a->aggregate,
     N_ ("Make quarterly, monthly… values annual: their mean, their sum (a complete year), or the "
         "last"),
     N_ ("mean|sum|last")},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
     N_ ("The dataset to write (.cityrank.xml), or a long table (.csv; “-” for standard output)"),
     N_ ("OUT")},
    {"list-formats", 0, 0, G_OPTION_ARG_NONE, &a->list_formats,
     N_ ("List the formats that can be imported"), NULL},
    {NULL},
  };
  GOptionContext *context = g_option_context_new (_ ("FILE…"));

  g_set_prgname ("cityrank-cli import");
  g_option_context_set_summary (
    context,
    _ (
      "Import statistics files (SDMX-ML, World Bank XML, spreadsheets, CSV tables).\n\n"
      "  cityrank-cli import FILE… -o OUT.cityrank.xml   a new dataset: a city for each key, one "
      "flat\n"
      "                                                 framework of the indicators, annual data "
      "only\n"
      "  cityrank-cli import FILE… --into D.cityrank.xml -o OUT.cityrank.xml\n"
      "                                                 the values added into a dataset\n"
      "  cityrank-cli import FILE… -o OUT.csv           every value read: "
      "key,indicator,period,value\n\n"
      "Problems and notes go to standard error, one a line, as\n"
      "FILE:LINE:COLUMN: error: MESSAGE, FILE:SHEET!CELL: error: MESSAGE, or FILE: note: MESSAGE.\n"
      "Nothing is written when there is an error.\n"
      "Exit status: 0 when everything was imported, 1 on any error, 2 on bad arguments."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Checks the arguments; NULL when they are good, else the message. */
static char *
check_args (const Args *a, int argc, const CrkImporter **importer)
{
  if (a->format != NULL && (*importer = crk_importer_lookup (a->format)) == NULL)
    return g_strdup_printf (_ ("unknown format “%s” (see --list-formats)"), a->format);
  if (argc < 2)
    return g_strdup (_ ("no file to import"));
  if (a->output == NULL)
    return g_strdup (_ ("no output file (-o OUT)"));
  if (a->replace && a->into == NULL)
    return g_strdup (_ ("--replace goes with --into"));
  if (a->into != NULL && is_csv (a->output))
    return g_strdup (_ ("--into writes a dataset: give -o OUT.cityrank.xml"));
  if ((a->matches != NULL || a->save_aliases) && a->into == NULL)
    return g_strdup (_ ("--match and --save-aliases go with --into"));
  if (a->aggregate != NULL && is_csv (a->output))
    return g_strdup (_ ("--aggregate writes a dataset: give -o OUT.cityrank.xml"));
  return NULL;
}

int
crk_cli_import (int argc, char **argv)
{
  Args a = {0};
  g_autoptr (GOptionContext) context = import_context (&a);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autofree char *message = NULL;
  CrkImportOptions options = {0};
  const CrkImporter *importer = NULL;
  int status;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = usage_error (context, error->message);
      args_clear (&a);
      return status;
    }
  if (a.list_formats)
    {
      list_formats ();
      args_clear (&a);
      return CRK_CLI_EXIT_OK;
    }
  if ((message = check_args (&a, argc, &importer)) != NULL ||
      !make_options (&a, &options, &message))
    {
      status = usage_error (context, message);
      crk_import_options_clear (&options);
      args_clear (&a);
      return status;
    }
  argv[argc] = NULL;
  if (is_csv (a.output))
    status = import_to_csv (argv + 1, a.output, importer, &options, report);
  else
    status = import_to_dataset (argv + 1, a.output, &a, importer, &options, report);
  crk_import_options_clear (&options);
  args_clear (&a);
  return status;
}
