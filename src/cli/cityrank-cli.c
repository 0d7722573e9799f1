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
#include "crk-io-limits.h"
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
  {"import", crk_cli_import,
   N_ ("Import statistics files (SDMX-ML, World Bank, spreadsheets, CSV tables)")},
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
  fprintf (
    out, "%s\n",
    _ ("Global options: --lang en|zh_CN, --memory-limit SIZE (512M, 4G), --help, --version"));
}

/* The value of the global option @name at argv[*i] ("--name VALUE" or "--name=VALUE"),
 * moving *i past it; NULL when argv[*i] is not that option. */
static const char *
global_option (char **argv, int argc, int *i, const char *name)
{
  gsize len = strlen (name);

  if (g_str_equal (argv[*i], name) && *i + 1 < argc)
    return argv[++*i];
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    return argv[*i] + len + 1;
  return NULL;
}

/* Takes the global options from anywhere on the command line and removes them from argv:
 * --lang LANG (the language of messages, charts and reports) and --memory-limit SIZE
 * (the memory a file may make the program hold, see crk-io-limits.c). Returns a
 * --memory-limit value that is not a size, or NULL. */
static const char *
take_global_options (int *argc, char **argv)
{
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *lang = global_option (argv, *argc, &i, "--lang");
      const char *limit = lang == NULL ? global_option (argv, *argc, &i, "--memory-limit") : NULL;
      guint64 bytes;

      if (lang != NULL)
        {
          g_setenv ("LANGUAGE", lang, TRUE);
          crk_locale_set_language (lang);
        }
      else if (limit != NULL)
        {
          if (!crk_io_parse_memory_size (limit, &bytes))
            return limit;
          crk_io_set_memory_limit (bytes);
        }
      else
        argv[j++] = argv[i];
    }
  *argc = j;
  argv[j] = NULL;
  return NULL;
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("CRK_LOCALEDIR");

  const char *bad_limit = take_global_options (&argc, argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (bad_limit != NULL)
    {
      crk_cli_error (_ ("--memory-limit “%s” is not a size such as 512M or 4G"), bad_limit);
      return CRK_CLI_EXIT_USAGE;
    }

  if (argc < 2)
    {
      print_usage (stderr);
      return CRK_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
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
