/* crk-cli-report.c: cityrank-cli report, the ranking report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cityrank-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-cli.h"

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-report.h"

static const struct
{
  const char *name;
  CrkReportSections section;
} section_names[] = {
  {"title", CRK_REPORT_SECTION_TITLE},       {"contents", CRK_REPORT_SECTION_CONTENTS},
  {"summary", CRK_REPORT_SECTION_SUMMARY},   {"method", CRK_REPORT_SECTION_METHOD},
  {"table", CRK_REPORT_SECTION_TABLE},       {"charts", CRK_REPORT_SECTION_CHARTS},
  {"profiles", CRK_REPORT_SECTION_PROFILES}, {"agreement", CRK_REPORT_SECTION_AGREEMENT},
};

static const struct
{
  const char *name;
  CrkReportBenchmark benchmark;
} benchmark_names[] = {
  {"none", CRK_REPORT_BENCHMARK_NONE},
  {"median", CRK_REPORT_BENCHMARK_MEDIAN},
  {"tier", CRK_REPORT_BENCHMARK_TIER_MEAN},
  {"base-year", CRK_REPORT_BENCHMARK_BASE_YEAR},
};

static gboolean
parse_sections (const char *spec, CrkReportSections *sections)
{
  g_auto (GStrv) parts = g_strsplit (spec, ",", -1);

  *sections = 0;
  if (g_ascii_strcasecmp (spec, "all") == 0)
    {
      *sections = CRK_REPORT_SECTIONS_ALL;
      return TRUE;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (section_names); k++)
        if (g_ascii_strcasecmp (part, section_names[k].name) == 0)
          {
            *sections |= section_names[k].section;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  return *sections != 0;
}

int
crk_cli_report (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *benchmark = NULL;
  int year = 0;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write the PDF to FILE"), N_ ("FILE")},
    {"year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Report the year Y (default: the latest)"),
     N_ ("Y")},
    {"profiles", 0, 0, G_OPTION_ARG_STRING, &profiles,
     N_ ("City profiles: all, top:N or CODE,CODE… (default: all)"), N_ ("WHICH")},
    {"paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_ ("Paper size: a4 or letter (default: a4)"),
     N_ ("SIZE")},
    {"sections", 0, 0, G_OPTION_ARG_STRING, &sections,
     N_ ("Sections, comma-separated: title, contents, summary, method, agreement, table, charts, "
         "profiles (default: all)"),
     N_ ("LIST")},
    {"benchmark", 0, 0, G_OPTION_ARG_STRING, &benchmark,
     N_ (
       "What the profiles' radar compares with: median, tier, base-year or none (default: median)"),
     N_ ("WHAT")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE")},
    {NULL},
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkReport) report = NULL;
  g_autofree char *display = NULL;

  context = g_option_context_new (_ ("— write the ranking report as PDF"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _ ("Writes the paginated ranking report of a dataset: title page, contents, "
       "summary, method, ranking table, overview charts and city profiles."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      crk_cli_error ("report: %s", error->message);
      return CRK_CLI_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      crk_cli_error (_ ("report: give exactly one dataset file"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      crk_cli_error (_ ("report: give the PDF file to write with -o FILE"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (profiles != NULL && !crk_report_options_parse_profiles (options, profiles, &error))
    {
      crk_cli_error ("report: %s", error->message);
      return CRK_CLI_EXIT_USAGE;
    }
  if (paper != NULL)
    {
      CrkReportPaper value;

      if (!crk_report_paper_from_string (paper, &value))
        {
          crk_cli_error (_ ("report: unknown paper “%s”: use a4 or letter"), paper);
          return CRK_CLI_EXIT_USAGE;
        }
      crk_report_options_set_paper (options, value);
    }
  if (sections != NULL)
    {
      CrkReportSections value;

      if (!parse_sections (sections, &value))
        {
          crk_cli_error (_ ("report: unknown sections “%s”: use title, contents, summary, method, "
                            "agreement, table, charts, profiles"),
                         sections);
          return CRK_CLI_EXIT_USAGE;
        }
      crk_report_options_set_sections (options, value);
    }
  if (benchmark != NULL)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (benchmark_names); k++)
        if (g_ascii_strcasecmp (benchmark, benchmark_names[k].name) == 0)
          {
            crk_report_options_set_benchmark (options, benchmark_names[k].benchmark);
            found = TRUE;
          }
      if (!found)
        {
          crk_cli_error (_ ("report: unknown benchmark “%s”: use median, tier, base-year or none"),
                         benchmark);
          return CRK_CLI_EXIT_USAGE;
        }
    }

  dataset = crk_cli_load_dataset (files[0]);
  if (dataset == NULL)
    return CRK_CLI_EXIT_FAILED;
  if (year != 0 && crk_dataset_lookup_year (dataset, year) < 0)
    {
      display = g_filename_display_name (files[0]);
      crk_cli_error (_ ("%s: the dataset has no year %d"), display, year);
      return CRK_CLI_EXIT_FAILED;
    }
  results = crk_compute (dataset, NULL, year, &error);
  if (results == NULL)
    {
      display = g_filename_display_name (files[0]);
      crk_cli_error ("%s: %s", display, error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  report = crk_report_new (results, options, &error);
  if (report == NULL)
    {
      display = g_filename_display_name (files[0]);
      crk_cli_error ("%s: %s", display, error->message);
      return error->code == CRK_REPORT_ERROR_INVALID ? CRK_CLI_EXIT_USAGE : CRK_CLI_EXIT_FAILED;
    }
  if (!crk_report_write_pdf (report, output, &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  return CRK_CLI_EXIT_OK;
}
