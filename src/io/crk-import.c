/* crk-import.c: what every importer shares: options, the report, periods, missing markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-import.h"

void
crk_import_options_clear (CrkImportOptions *options)
{
  g_clear_pointer (&options->sheet, g_free);
  g_clear_pointer (&options->city, g_free);
  g_clear_pointer (&options->indicator, g_free);
  g_clear_pointer (&options->period, g_free);
  g_clear_pointer (&options->missing, g_strfreev);
  g_clear_pointer (&options->structure, g_free);
  g_clear_pointer (&options->matches, g_strfreev);
}

void
crk_import_options_copy (CrkImportOptions *dest, const CrkImportOptions *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->sheet = g_strdup (src->sheet);
  dest->city = g_strdup (src->city);
  dest->indicator = g_strdup (src->indicator);
  dest->period = g_strdup (src->period);
  dest->missing = g_strdupv (src->missing);
  dest->structure = g_strdup (src->structure);
  dest->matches = g_strdupv (src->matches);
}

CrkImportReport *
crk_import_report_new (void)
{
  CrkImportReport *report = g_new0 (CrkImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
  report->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
  return report;
}

void
crk_import_report_free (CrkImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->notices);
  g_free (report);
}

/* At most this many problems or notices; the last one says so. */
#define MAX_ENTRIES 1000

static void add (GPtrArray *list,
                 const char *file,
                 int line,
                 int column,
                 CrkImportError code,
                 const char *prefix,
                 const char *format,
                 va_list args) G_GNUC_PRINTF (7, 0);

static void
add (GPtrArray *list,
     const char *file,
     int line,
     int column,
     CrkImportError code,
     const char *prefix,
     const char *format,
     va_list args)
{
  g_autofree char *message = NULL;

  if (list->len > MAX_ENTRIES)
    return;
  if (list->len == MAX_ENTRIES)
    {
      g_ptr_array_add (
        list, crk_problem_new (file, 0, 0, code, "%s", _ ("too many problems; stopping here")));
      return;
    }
  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (
    list,
    crk_problem_new (file, line, column, code, "%s%s", prefix != NULL ? prefix : "", message));
}

void
crk_import_report_error (CrkImportReport *report,
                         const char *file,
                         int line,
                         int column,
                         CrkImportError code,
                         const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  add (report->problems, file, line, column, code, NULL, format, args);
  va_end (args);
}

void
crk_import_report_notice (CrkImportReport *report,
                          const char *file,
                          int line,
                          int column,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  add (report->notices, file, line, column, CRK_IMPORT_ERROR_INVALID, NULL, format, args);
  va_end (args);
}

static char *
cell_prefix (const char *sheet, const char *cell)
{
  return g_strdup_printf ("%s!%s: ", sheet != NULL ? sheet : "", cell != NULL ? cell : "");
}

void
crk_import_report_cell_error (CrkImportReport *report,
                              const char *file,
                              const char *sheet,
                              const char *cell,
                              CrkImportError code,
                              const char *format,
                              ...)
{
  g_autofree char *prefix = cell_prefix (sheet, cell);
  va_list args;

  va_start (args, format);
  add (report->problems, file, 0, 0, code, prefix, format, args);
  va_end (args);
}

void
crk_import_report_cell_notice (CrkImportReport *report,
                               const char *file,
                               const char *sheet,
                               const char *cell,
                               const char *format,
                               ...)
{
  g_autofree char *prefix = cell_prefix (sheet, cell);
  va_list args;

  va_start (args, format);
  add (report->notices, file, 0, 0, CRK_IMPORT_ERROR_INVALID, prefix, format, args);
  va_end (args);
}

gboolean
crk_import_report_failed (const CrkImportReport *report)
{
  return report->problems->len > 0;
}

/* Periods */

static gboolean
take_int (const char **p, int digits_min, int digits_max, int *out)
{
  int n = 0, value = 0;

  while (g_ascii_isdigit (**p) && n < digits_max)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < digits_min || g_ascii_isdigit (**p))
    return FALSE;
  *out = value;
  return TRUE;
}

/**
 * crk_period_parse:
 * @text: a period as published
 * @frequency: (out) (optional): its frequency
 * @year: (out) (optional): its year
 * @sub: (out) (optional): the half-year, quarter, month, week or day of the year (1-based),
 *   0 for a year
 *
 * Returns: %TRUE when @text is a period
 */
gboolean
crk_period_parse (const char *text, CrkFrequency *frequency, int *year, int *sub)
{
  const char *p;
  int y, s = 0, month, day;
  CrkFrequency f = CRK_FREQUENCY_ANNUAL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  p = text;
  if (!take_int (&p, 4, 4, &y) || y < 1)
    return FALSE;
  if (*p == '-' && (p[1] == 'Q' || p[1] == 'S' || p[1] == 'W' || p[1] == 'A' || p[1] == 'M'))
    p++;
  switch (*p)
    {
      case '\0':
        break;
      case 'Q':
      case 'q':
        p++;
        f = CRK_FREQUENCY_QUARTER;
        if (!take_int (&p, 1, 1, &s) || s < 1 || s > 4)
          return FALSE;
        break;
      case 'S':
      case 'H':
        p++;
        f = CRK_FREQUENCY_HALF_YEAR;
        if (!take_int (&p, 1, 1, &s) || s < 1 || s > 2)
          return FALSE;
        break;
      case 'W':
        p++;
        f = CRK_FREQUENCY_WEEK;
        if (!take_int (&p, 1, 2, &s) || s < 1 || s > 53)
          return FALSE;
        break;
      case 'A':
        p++;
        if (!take_int (&p, 1, 1, &s) || s != 1)
          return FALSE;
        s = 0;
        break;
      case 'M':
        p++;
        f = CRK_FREQUENCY_MONTH;
        if (!take_int (&p, 1, 2, &s) || s < 1 || s > 12)
          return FALSE;
        break;
      case '-':
        p++;
        f = CRK_FREQUENCY_MONTH;
        if (!take_int (&p, 2, 2, &month) || month < 1 || month > 12)
          return FALSE;
        s = month;
        if (*p == '-')
          {
            GDate date;

            p++;
            if (!take_int (&p, 2, 2, &day) ||
                !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) y))
              return FALSE;
            g_date_clear (&date, 1);
            g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) y);
            f = CRK_FREQUENCY_DAY;
            s = (int) g_date_get_day_of_year (&date);
            /* a time of day may follow: "T00:00:00.000", "T00:00:00Z" */
            if (*p == 'T' || *p == ' ')
              p += strlen (p);
          }
        break;
      default:
        return FALSE;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  if (frequency != NULL)
    *frequency = f;
  if (year != NULL)
    *year = y;
  if (sub != NULL)
    *sub = s;
  return TRUE;
}

/* Missing values */

static const char *const missing_markers[] = {
  "",    "..", "...", "-",    "--",  "–",   "—",    "n/a",  "N/A", "na", "NA", "n.a.", ":",
  "[c]", "x",  "X",   "#N/A", "NaN", "nan", "null", "NULL", "…",   "－", "—",  "/",
};

/**
 * crk_import_is_missing:
 * @text: (nullable): a cell's text
 * @extra: (nullable) (array zero-terminated=1): more markers
 *
 * Returns: %TRUE when @text (without the blanks around it) marks a missing value
 */
gboolean
crk_import_is_missing (const char *text, const char *const *extra)
{
  gsize length;

  if (text == NULL)
    return TRUE;
  /* Without the blanks around it, and without copying: this runs for every cell. */
  while (g_ascii_isspace (*text))
    text++;
  length = strlen (text);
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  for (guint i = 0; i < G_N_ELEMENTS (missing_markers); i++)
    if (strlen (missing_markers[i]) == length && strncmp (text, missing_markers[i], length) == 0)
      return TRUE;
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    if (strlen (extra[i]) == length && strncmp (text, extra[i], length) == 0)
      return TRUE;
  return FALSE;
}
