/* crk-cli-dataset.c: validate, convert and info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cityrank-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crk-cli.h"
#include "crk-country-codes.h"
#include "crk-csv-import.h"
#include "crk-dataset-format.h"
#include "crk-dataset-reader.h"
#include "crk-open.h"
#include "crk-dataset-writer.h"
#include "crk-model.h"

/* Parses the options of a subcommand; on bad arguments prints the message and the usage
 * to stderr and returns FALSE (the caller exits with CRK_CLI_EXIT_USAGE). */
static gboolean
parse_options (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      crk_cli_error ("%s", error->message);
      fputs (help, stderr);
      return FALSE;
    }
  return TRUE;
}

static int
usage_error (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  crk_cli_error ("%s", message);
  fputs (help, stderr);
  return CRK_CLI_EXIT_USAGE;
}

static GOptionContext *
new_context (const char *command, const char *parameters, const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);
  g_autofree char *prgname = g_strdup_printf ("cityrank-cli %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

static void
print_problems (GPtrArray *problems, const GError *error, const char *path)
{
  if (problems != NULL && problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = crk_problem_to_string (g_ptr_array_index (problems, i));

          fprintf (stderr, "%s\n", line);
        }
    }
  else if (error != NULL)
    {
      /* TRANSLATORS: the severity in "FILE: error: MESSAGE" */
      fprintf (stderr, "%s: %s: %s\n", path, _ ("error"), error->message);
    }
}

/* validate */

/* Is @path validated as a dataset file: named so, or detected as one, or of no format the
 * registry knows (its problems are then the reader's)? */
static gboolean
is_native (const char *path)
{
  const CrkImporter *importer;

  if (g_str_has_suffix (path, CRK_DATASET_SUFFIX))
    return TRUE;
  importer = crk_import_detect (path, NULL);
  return importer == NULL || importer == crk_importer_lookup ("cityrank");
}

/* Another format: the problems of its import. */
static gboolean
validate_import (const char *path, gboolean quiet)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkDataset) dataset = crk_open_file (path, NULL, report, NULL, NULL);

  crk_cli_print_import_report (report);
  if (dataset == NULL)
    return FALSE;
  if (!quiet)
    printf (_ ("%s: valid\n"), path);
  return TRUE;
}

int
crk_cli_validate (int argc, char **argv)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Print nothing for valid files"), NULL},
    {NULL},
  };
  g_autoptr (GOptionContext) context =
    new_context ("validate", _ ("FILE…"),
                 _ ("Check dataset files (.cityrank.xml) against the schema and the rules of the "
                    "format. Prints one line per problem on standard error, as\n"
                    "FILE:LINE:COLUMN: error: MESSAGE\n"
                    "Exit status: 0 when every file is valid, 1 otherwise, 2 on bad arguments."));
  int status = CRK_CLI_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return CRK_CLI_EXIT_USAGE;
  if (argc < 2)
    return usage_error (context, _ ("no file to validate"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CrkDataset) dataset = NULL;

      if (!is_native (argv[i]))
        {
          if (!validate_import (argv[i], quiet))
            status = CRK_CLI_EXIT_FAILED;
          continue;
        }
      dataset = crk_dataset_read (argv[i], &problems, &error);
      if (dataset == NULL)
        {
          print_problems (problems, error, argv[i]);
          status = CRK_CLI_EXIT_FAILED;
        }
      else if (!quiet)
        /* TRANSLATORS: %s is a file name */
        printf (_ ("%s: valid\n"), argv[i]);
    }
  return status;
}

/* convert */

int
crk_cli_convert (int argc, char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *output = NULL;
  int year = 0;
  gboolean csv = FALSE; /* a COINr pair, not a dataset file */
  const GOptionEntry entries[] = {
    {"data", 'd', 0, G_OPTION_ARG_FILENAME, &data, N_ ("Data table (CSV, COINr layout)"),
     N_ ("FILE")},
    {"meta", 'm', 0, G_OPTION_ARG_FILENAME, &meta, N_ ("Metadata table (CSV, COINr layout)"),
     N_ ("FILE")},
    {"year", 'y', 0, G_OPTION_ARG_INT, &year,
     N_ ("Year of the values when the data table has no Time column (default: this year)"),
     N_ ("YEAR")},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
     N_ ("Dataset file to write (.cityrank.xml); “-” for standard output"), N_ ("FILE")},
    {NULL},
  };
  g_autoptr (GOptionContext) context = new_context (
    "convert", _ ("[IN.cityrank.xml | IN.csv]"),
    _ ("Convert a pair of CSV tables in COINr's layout, or a dataset file, to a dataset "
       "file in the canonical form.\n\n"
       "  cityrank-cli convert --data D.csv --meta M.csv -o OUT.cityrank.xml\n"
       "  cityrank-cli convert D.csv -o OUT.cityrank.xml   (M.csv found next to it)\n"
       "  cityrank-cli convert IN.cityrank.xml -o OUT.cityrank.xml"));
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const char *input;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return CRK_CLI_EXIT_USAGE;
  if (output == NULL)
    return usage_error (context, _ ("no output file (-o FILE)"));
  if ((data == NULL) != (meta == NULL))
    return usage_error (context, _ ("--data and --meta go together"));
  if (data != NULL && argc > 1)
    return usage_error (context, _ ("give either --data and --meta or one dataset file, not both"));
  if (data == NULL && argc != 2)
    return usage_error (context, _ ("give one dataset file, or --data and --meta"));
  if (year < 0 || year > 9999)
    return usage_error (context, _ ("the year must be between 1 and 9999"));

  if (data != NULL)
    {
      input = data;
      dataset = crk_csv_import (data, meta, year, &problems, &error);
      csv = TRUE;
    }
  else if (g_str_has_suffix (argv[1], ".csv") || g_str_has_suffix (argv[1], ".CSV"))
    {
      /* Either table of a pair; the other is found next to it. */
      input = argv[1];
      dataset = crk_csv_import_guess (input, year, &problems, &error);
      csv = TRUE;
    }
  else
    {
      input = argv[1];
      dataset = crk_dataset_read (input, &problems, &error);
    }
  if (dataset == NULL)
    {
      print_problems (problems, error, input);
      return CRK_CLI_EXIT_FAILED;
    }
  /* A COINr pair whose codes are ISO 3166 alpha-3 codes (ASEM's AUT, BEL…) ranks
   * countries, as through cityrank-cli import and the window (crk-import-coinr.c). */
  if (csv && crk_country_codes_in_dataset (dataset, FALSE))
    crk_dataset_set_unit_kind (dataset, CRK_UNIT_COUNTRY);

  if (g_str_equal (output, "-"))
    {
      gsize length;
      g_autofree char *text = crk_dataset_write_to_string (dataset, &length);

      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          crk_cli_error (_ ("cannot write to standard output"));
          return CRK_CLI_EXIT_FAILED;
        }
    }
  else if (!crk_dataset_write (dataset, output, &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  return CRK_CLI_EXIT_OK;
}

/* info */

static void
print_percent (guint64 missing, guint64 total)
{
  g_autofree char *m = g_strdup_printf ("%" G_GUINT64_FORMAT, missing);
  g_autofree char *t = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

  /* TRANSLATORS: missing values: "12 of 5400 (0.2 %)" */
  printf (_ ("%s of %s (%.1f %%)"), m, t,
          total > 0 ? 100.0 * (double) missing / (double) total : 0.0);
  printf ("\n");
}

/* Prints @label padded to 16 terminal columns (Chinese characters take two). */
static void
print_label (const char *label)
{
  guint width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  fputs (label, stdout);
  for (; width < 16; width++)
    putchar (' ');
}

int
crk_cli_info (int argc, char **argv)
{
  g_autofree char *meta = NULL;
  const GOptionEntry entries[] = {
    {"meta", 'm', 0, G_OPTION_ARG_FILENAME, &meta,
     N_ ("Metadata table, when FILE is a CSV data table (else it is looked for next to it)"),
     N_ ("FILE")},
    {NULL},
  };
  g_autoptr (GOptionContext) context =
    new_context ("info", _ ("FILE"),
                 _ ("Count the cities, indicators, denominators, framework levels, years and "
                    "missing values of a dataset file (.cityrank.xml) or of a CSV pair."));
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  guint n_indicators = 0, n_denominators = 0, n_cities, n_years;
  CrkFrameworkNode *root;
  const char *path;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return CRK_CLI_EXIT_USAGE;
  if (argc != 2)
    return usage_error (context, _ ("give one dataset file"));
  path = argv[1];

  if (meta != NULL)
    {
      dataset = crk_csv_import (path, meta, 0, &problems, &error);
      if (dataset == NULL)
        {
          print_problems (problems, error, path);
          return CRK_CLI_EXIT_FAILED;
        }
    }
  else if ((dataset = crk_cli_load_dataset (path)) == NULL)
    return CRK_CLI_EXIT_FAILED;

  for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
    {
      if (crk_indicator_get_kind (crk_dataset_get_indicator (dataset, i)) ==
          CRK_INDICATOR_KIND_DENOMINATOR)
        n_denominators++;
      else
        n_indicators++;
    }
  root = crk_dataset_get_framework (dataset);
  n_cities = crk_dataset_get_n_cities (dataset);
  n_years = crk_dataset_get_n_years (dataset);

  print_label (_ ("File:"));
  printf (" %s\n", path);
  if (crk_dataset_get_title (dataset) != NULL)
    {
      print_label (_ ("Title:"));
      printf (" %s\n", crk_dataset_get_title (dataset));
    }
  if (crk_dataset_get_title_zh (dataset) != NULL)
    {
      print_label (_ ("Chinese title:"));
      printf (" %s\n", crk_dataset_get_title_zh (dataset));
    }
  if (crk_dataset_get_display_publisher (dataset) != NULL)
    {
      print_label (_ ("Publisher:"));
      printf (" %s\n", crk_dataset_get_display_publisher (dataset));
    }
  if (crk_dataset_get_display_source (dataset) != NULL)
    {
      print_label (_ ("Source:"));
      printf (" %s\n", crk_dataset_get_display_source (dataset));
    }
  /* Translators: what the dataset ranks, e.g. "Ranks:   countries (unit="country")" */
  print_label (_ ("Ranks:"));
  printf (" %s (unit=\"%s\")\n",
          crk_unit_kind_get_word (crk_dataset_get_unit_kind (dataset), CRK_UNIT_WORD_NOUNS),
          crk_unit_kind_to_string (crk_dataset_get_unit_kind (dataset)));
  print_label (
    crk_unit_kind_get_word (crk_dataset_get_unit_kind (dataset), CRK_UNIT_WORD_INFO_LABEL));
  printf (" %u\n", n_cities);
  print_label (_ ("Indicators:"));
  printf (" %u\n", n_indicators);
  print_label (_ ("Denominators:"));
  printf (" %u\n", n_denominators);
  if (root != NULL)
    {
      print_label (_ ("Levels:"));
      printf (" %u\n", crk_dataset_get_n_levels (dataset));
      print_label (_ ("Dimensions:"));
      printf (" %u\n", crk_dataset_get_dimensions (dataset)->len);
    }
  else
    {
      print_label (_ ("Levels:"));
      printf (" %s\n", _ ("no framework"));
    }
  print_label (_ ("Years:"));
  if (n_years == 0)
    printf (" %s", _ ("none"));
  for (guint y = 0; y < n_years; y++)
    printf (" %d", crk_dataset_get_year (dataset, y));
  printf ("\n");
  print_label (_ ("Missing values:"));
  printf (" ");
  print_percent (crk_dataset_count_missing (dataset, 0),
                 (guint64) n_cities * n_indicators * n_years);
  for (guint y = 0; y < n_years; y++)
    {
      int year = crk_dataset_get_year (dataset, y);

      printf ("  %-14d ", year);
      print_percent (crk_dataset_count_missing (dataset, year), (guint64) n_cities * n_indicators);
    }
  print_label (_ ("Method:"));
  printf (" %s\n", crk_dataset_has_method (dataset) ? _ ("saved with the data") : _ ("default"));
  return CRK_CLI_EXIT_OK;
}
