/* crk-report-options.c: what goes into a ranking report and on which paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report-options"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "crk-report-options.h"
#include "crk-report.h"

struct _CrkReportOptions
{
  CrkReportSections sections;
  CrkReportPaper paper;
  CrkReportProfiles profiles;
  guint profiles_top;
  char **codes;
  CrkReportBenchmark benchmark;
  guint summary_top;
  GDateTime *date;
};

G_DEFINE_BOXED_TYPE (CrkReportOptions,
                     crk_report_options,
                     crk_report_options_copy,
                     crk_report_options_free)

/**
 * crk_report_options_new:
 *
 * Returns: (transfer full): options for a report with every section, a profile of every
 *   ranked city, on A4, with the median as the radar's benchmark
 */
CrkReportOptions *
crk_report_options_new (void)
{
  CrkReportOptions *self = g_new0 (CrkReportOptions, 1);

  self->sections = CRK_REPORT_SECTIONS_ALL;
  self->paper = CRK_REPORT_PAPER_A4;
  self->profiles = CRK_REPORT_PROFILES_ALL;
  self->profiles_top = 10;
  self->codes = g_new0 (char *, 1);
  self->benchmark = CRK_REPORT_BENCHMARK_MEDIAN;
  self->summary_top = 100;
  return self;
}

/**
 * crk_report_options_copy:
 * @self: options
 *
 * Returns: (transfer full): a copy of @self
 */
CrkReportOptions *
crk_report_options_copy (const CrkReportOptions *self)
{
  CrkReportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->codes = g_strdupv (self->codes);
  if (self->date != NULL)
    g_date_time_ref (self->date);
  return copy;
}

/**
 * crk_report_options_free:
 * @self: (nullable): options
 */
void
crk_report_options_free (CrkReportOptions *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->codes);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self);
}

CrkReportSections
crk_report_options_get_sections (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sections;
}

/**
 * crk_report_options_set_sections:
 * @self: options
 * @sections: the sections to include (other bits are ignored)
 */
void
crk_report_options_set_sections (CrkReportOptions *self, CrkReportSections sections)
{
  g_return_if_fail (self != NULL);
  self->sections = sections & CRK_REPORT_SECTIONS_ALL;
}

CrkReportPaper
crk_report_options_get_paper (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, CRK_REPORT_PAPER_A4);
  return self->paper;
}

void
crk_report_options_set_paper (CrkReportOptions *self, CrkReportPaper paper)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (paper == CRK_REPORT_PAPER_A4 || paper == CRK_REPORT_PAPER_LETTER);
  self->paper = paper;
}

CrkReportProfiles
crk_report_options_get_profiles (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, CRK_REPORT_PROFILES_ALL);
  return self->profiles;
}

guint
crk_report_options_get_profiles_top (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->profiles_top;
}

/**
 * crk_report_options_get_profile_codes:
 * @self: options
 *
 * Returns: (transfer none): the codes of the listed cities (empty unless the profiles
 *   are a list)
 */
const char *const *
crk_report_options_get_profile_codes (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->codes;
}

void
crk_report_options_set_profiles_all (CrkReportOptions *self)
{
  g_return_if_fail (self != NULL);
  self->profiles = CRK_REPORT_PROFILES_ALL;
}

/**
 * crk_report_options_set_profiles_top:
 * @self: options
 * @n: how many of the first cities get a profile (at least 1)
 */
void
crk_report_options_set_profiles_top (CrkReportOptions *self, guint n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n > 0);
  self->profiles = CRK_REPORT_PROFILES_TOP;
  self->profiles_top = n;
}

/**
 * crk_report_options_set_profiles_list:
 * @self: options
 * @codes: (array zero-terminated=1): city codes
 */
void
crk_report_options_set_profiles_list (CrkReportOptions *self, const char *const *codes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (codes != NULL);
  self->profiles = CRK_REPORT_PROFILES_LIST;
  g_strfreev (self->codes);
  self->codes = g_strdupv ((char **) codes);
}

/**
 * crk_report_options_parse_profiles:
 * @self: options
 * @spec: "all", "top:N" (N at least 1) or a comma-separated list of city codes
 * @error: return location for a #CRK_REPORT_ERROR_INVALID error
 *
 * Returns: %TRUE when @spec was understood and applied
 */
gboolean
crk_report_options_parse_profiles (CrkReportOptions *self, const char *spec, GError **error)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) codes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (spec, "all") == 0)
    {
      crk_report_options_set_profiles_all (self);
      return TRUE;
    }
  if (g_ascii_strncasecmp (spec, "top:", 4) == 0)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (spec + 4, 10, 1, G_MAXUINT, &n, NULL))
        {
          g_set_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
                       _ ("“%s” is not a number of profiles: use top:N with N at least 1"),
                       spec + 4);
          return FALSE;
        }
      crk_report_options_set_profiles_top (self, (guint) n);
      return TRUE;
    }

  parts = g_strsplit (spec, ",", -1);
  codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *code = g_strstrip (parts[i]);

      if (*code == '\0')
        continue;
      g_ptr_array_add (codes, g_strdup (code));
    }
  if (codes->len == 0)
    {
      g_set_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
                   _ ("“%s” names no city: use all, top:N or a list of city codes"), spec);
      return FALSE;
    }
  g_ptr_array_add (codes, NULL);
  crk_report_options_set_profiles_list (self, (const char *const *) codes->pdata);
  return TRUE;
}

CrkReportBenchmark
crk_report_options_get_benchmark (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, CRK_REPORT_BENCHMARK_NONE);
  return self->benchmark;
}

void
crk_report_options_set_benchmark (CrkReportOptions *self, CrkReportBenchmark benchmark)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (benchmark <= CRK_REPORT_BENCHMARK_BASE_YEAR);
  self->benchmark = benchmark;
}

guint
crk_report_options_get_summary_top (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->summary_top;
}

void
crk_report_options_set_summary_top (CrkReportOptions *self, guint n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n > 0);
  self->summary_top = n;
}

/**
 * crk_report_options_get_date:
 * @self: options
 *
 * Returns: (transfer none) (nullable): the date set, or %NULL for the time of writing
 */
GDateTime *
crk_report_options_get_date (const CrkReportOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

/**
 * crk_report_options_set_date:
 * @self: options
 * @date: (nullable): the report's date, or %NULL for the time of writing
 */
void
crk_report_options_set_date (CrkReportOptions *self, GDateTime *date)
{
  g_return_if_fail (self != NULL);
  if (date != NULL)
    g_date_time_ref (date);
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date;
}

const char *
crk_report_paper_to_string (CrkReportPaper paper)
{
  return paper == CRK_REPORT_PAPER_LETTER ? "letter" : "a4";
}

/**
 * crk_report_paper_from_string:
 * @s: "a4", "letter" or "us-letter" (any case)
 * @paper: (out): the paper
 *
 * Returns: %FALSE for another name
 */
gboolean
crk_report_paper_from_string (const char *s, CrkReportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (s, "a4") == 0)
    *paper = CRK_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (s, "letter") == 0 || g_ascii_strcasecmp (s, "us-letter") == 0)
    *paper = CRK_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * crk_report_paper_get_size:
 * @paper: a paper
 * @width: (out): portrait width in points
 * @height: (out): portrait height in points
 */
void
crk_report_paper_get_size (CrkReportPaper paper, double *width, double *height)
{
  if (paper == CRK_REPORT_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}
