/* cityrank-cli.c: batch work on datasets, no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cityrank-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "crk-cli.h"
#include "crk-locale.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  {"validate", crk_cli_validate, N_ ("Check dataset files against the format and its rules")},
  {"convert", crk_cli_convert, N_ ("Convert a CSV pair or a dataset file to a dataset file")},
  {"info", crk_cli_info, N_ ("Count the cities, indicators, levels, years and missing values")},
  {"rank", crk_cli_rank, N_ ("Compute scores and ranks")},
  {"explain", crk_cli_explain, N_ ("Split the score gap between two cities by dimension")},
  {"chart", crk_cli_chart, N_ ("Draw a chart to PNG, SVG or PDF")},
  {"report", crk_cli_report, N_ ("Write the ranking report as PDF")},
  {"uncertainty", crk_cli_uncertainty, N_ ("Monte Carlo uncertainty of the ranks")},
};

void
crk_cli_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "cityrank-cli: %s\n", message);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _ ("Usage: cityrank-cli COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "%s\n", _ ("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _ (commands[i].summary));
  fprintf (out, "\n%s\n", _ ("Run “cityrank-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", _ ("Global options: --lang en|zh_CN, --help, --version"));
}

/* Takes --lang LANG / --lang=LANG from anywhere on the command line (it changes the
 * language of messages, charts and reports) and removes it from argv. */
static void
take_language_option (int *argc, char **argv)
{
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *lang = NULL;

      if (g_str_equal (argv[i], "--lang") && i + 1 < *argc)
        lang = argv[++i];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
      else
        {
          argv[j++] = argv[i];
          continue;
        }
      g_setenv ("LANGUAGE", lang, TRUE);
      crk_locale_set_language (lang);
    }
  *argc = j;
  argv[j] = NULL;
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("CRK_LOCALEDIR");

  take_language_option (&argc, argv);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CRK_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CRK_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cityrank-cli %s\n", PACKAGE_VERSION);
      return CRK_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  crk_cli_error (_ ("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return CRK_CLI_EXIT_USAGE;
}
