/* crk-import-aggregate.c: observations of other frequencies (half-years, quarters, months,
 * weeks, days) made into annual values when the user asks (CrkImportOptions.aggregate)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sink holds each such observation (its staging city and indicator resolved, its
 * place) in a compact array, under the memory budget, until crk_import_dataset_finish().
 * Then the array is sorted by city, indicator, year, frequency and sub-period, and each
 * run of one city, indicator, year and frequency makes one annual value, unless the
 * annual value was given (then the run is skipped). The notices count per file.
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-dataset-private.h"
#include "crk-io-limits.h"

gboolean
_crk_import_hold_sub (CrkImportDataset *self,
                      const CrkObservation *obs,
                      const Place *place,
                      guint city,
                      guint indicator,
                      CrkFrequency frequency,
                      int year,
                      int sub)
{
  SubValue v = {0};
  g_autofree char *message = NULL;

  if (self->subs == NULL)
    self->subs = g_array_new (FALSE, FALSE, sizeof (SubValue));
  /* the array may double when it grows */
  if (self->subs->len % CHECK_EVERY == 0 &&
      !crk_io_check_memory (((guint64) self->subs->len + CHECK_EVERY) * sizeof (SubValue) * 2 +
                              self->n_values * CRK_STORED_VALUE_BYTES +
                              self->places.size * sizeof (PlaceEntry),
                            _ ("Importing the values"), &message))
    {
      _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      self->stopped = TRUE;
      return FALSE;
    }
  v.city = city;
  v.indicator = indicator;
  v.seq = self->subs->len;
  v.year = (gint16) year;
  v.sub = (guint16) sub;
  v.frequency = (guint8) frequency;
  v.estimated = _crk_import_status_of (obs->status) == CRK_VALUE_STATUS_ESTIMATED;
  v.value = obs->value;
  v.place = *place;
  g_array_append_val (self->subs, v);
  return TRUE;
}

static int
compare_subs (gconstpointer a, gconstpointer b)
{
  const SubValue *x = a, *y = b;

  if (x->city != y->city)
    return x->city < y->city ? -1 : 1;
  if (x->indicator != y->indicator)
    return x->indicator < y->indicator ? -1 : 1;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (x->frequency != y->frequency)
    return x->frequency < y->frequency ? -1 : 1;
  if (x->sub != y->sub)
    return x->sub < y->sub ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* How many sub-periods of @frequency @year has. */
static guint
n_sub_periods (CrkFrequency frequency, int year)
{
  GDate date;

  switch (frequency)
    {
      case CRK_FREQUENCY_HALF_YEAR:
        return 2;
      case CRK_FREQUENCY_QUARTER:
        return 4;
      case CRK_FREQUENCY_MONTH:
        return 12;
      case CRK_FREQUENCY_WEEK:
        /* 28 December is always in the last ISO week of its year */
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 28, G_DATE_DECEMBER, (GDateYear) year);
        return g_date_get_iso8601_week_of_year (&date);
      case CRK_FREQUENCY_DAY:
        return g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
      default:
        return 1;
    }
}

/* The period as written in messages: 2020-S1, 2020-Q1, 2020-01, 2020-W05, 2020-01-31. */
static char *
period_text (const SubValue *v)
{
  GDate date;

  switch (v->frequency)
    {
      case CRK_FREQUENCY_HALF_YEAR:
        return g_strdup_printf ("%04d-S%u", v->year, (guint) v->sub);
      case CRK_FREQUENCY_QUARTER:
        return g_strdup_printf ("%04d-Q%u", v->year, (guint) v->sub);
      case CRK_FREQUENCY_WEEK:
        return g_strdup_printf ("%04d-W%02u", v->year, (guint) v->sub);
      case CRK_FREQUENCY_DAY:
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) v->year);
        g_date_add_days (&date, v->sub - 1u);
        return g_strdup_printf ("%04d-%02d-%02d", v->year, g_date_get_month (&date),
                                g_date_get_day (&date));
      default:
        return g_strdup_printf ("%04d-%02u", v->year, (guint) v->sub);
    }
}

/* What one file gave, for its notices. */
typedef struct
{
  guint n_observations[N_FREQUENCIES];
  guint n_values[N_FREQUENCIES];
  guint run[N_FREQUENCIES]; /* the last run counted in n_values */
  Place first[N_FREQUENCIES];
  guint32 first_seq[N_FREQUENCIES];
  guint n_skipped;
  Place skipped;
} FileCount;

typedef struct
{
  CrkImportDataset *self;
  GHashTable *files; /* file string index → FileCount */
  guint run;         /* the number of the last run that made a value, from 1 */
} Aggregation;

static FileCount *
file_count (Aggregation *a, guint32 file)
{
  FileCount *count = g_hash_table_lookup (a->files, GUINT_TO_POINTER (file));

  if (count == NULL)
    {
      count = g_new0 (FileCount, 1);
      g_hash_table_insert (a->files, GUINT_TO_POINTER (file), count);
    }
  return count;
}

/* A run skipped for the annual value given. */
static void
skip_run (Aggregation *a, const SubValue *run, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      FileCount *count = file_count (a, run[i].place.file);

      if (count->n_skipped++ == 0)
        count->skipped = run[i].place;
    }
}

/* One run of a city, indicator, year and frequency: @n values sorted by sub-period. */
static gboolean
aggregate_run (Aggregation *a, const SubValue *run, guint n)
{
  CrkImportDataset *self = a->self;
  CrkFrequency frequency = run[0].frequency;
  guint n_subs = n_sub_periods (frequency, run[0].year);
  guint present = 0;
  gboolean estimated = FALSE;
  double sum = 0, last = NAN;
  const SubValue *previous = NULL;
  Place place = run[0].place;
  const char *indicator =
    crk_indicator_get_code (crk_dataset_get_indicator (self->staging, run[0].indicator));
  const char *city = crk_city_get_code (crk_dataset_get_city (self->staging, run[0].city));
  double value;

  for (guint i = 0; i < n; i++)
    {
      FileCount *count = file_count (a, run[i].place.file);

      if (count->n_observations[frequency]++ == 0 || run[i].seq < count->first_seq[frequency])
        {
          count->first[frequency] = run[i].place;
          count->first_seq[frequency] = run[i].seq;
        }
      if (isnan (run[i].value) || run[i].sub > n_subs) /* missing, or a week 53 the year has not */
        continue;
      if (previous != NULL && previous->sub == run[i].sub)
        {
          g_autofree char *period = period_text (&run[i]);
          g_autofree char *where = _crk_import_place_to_string (self, &previous->place);

          _crk_import_report_at (self, &run[i].place, FALSE, CRK_IMPORT_ERROR_INVALID,
                                 _ ("a second value of “%s” for “%s” in %s; the first is at %s"),
                                 indicator, city, period, where);
          continue;
        }
      previous = &run[i];
      present++;
      sum += run[i].value;
      last = run[i].value;
      estimated = self->aggregate == CRK_IMPORT_AGGREGATE_LAST ? run[i].estimated
                                                               : estimated || run[i].estimated;
    }
  crk_dataset_add_year (self->staging, run[0].year);
  switch (self->aggregate)
    {
      case CRK_IMPORT_AGGREGATE_MEAN:
        value = present > 0 ? sum / present : NAN;
        break;
      case CRK_IMPORT_AGGREGATE_SUM:
        value = present == n_subs ? sum : NAN;
        if (present > 0 && present < n_subs)
          /* TRANSLATORS: "the sum of “GDP” for “440300” in 2020 is missing: 3 of 4 quarterly
           * values are given"; the last %s is a frequency (quarterly, monthly…) */
          _crk_import_report_at (
            self, &place, TRUE, CRK_IMPORT_ERROR_INVALID,
            _ ("the sum of “%s” for “%s” in %d is missing: %u of %u %s values are given"),
            indicator, city, run[0].year, present, n_subs,
            _ (_crk_import_frequency_names[frequency]));
        break;
      default:
        value = last;
        break;
    }
  if (isnan (value))
    {
      self->n_missing++;
      return TRUE;
    }
  place.aggregated = TRUE;
  if (_crk_import_place_lookup (
        &self->places, _crk_import_cell_key (run[0].city, run[0].indicator, run[0].year)) != NULL)
    /* another frequency made the year's value: refused, with both places */
    return _crk_import_set_cell (self, &place, run[0].city, run[0].indicator, run[0].year, value,
                                 CRK_VALUE_STATUS_OBSERVED, NULL);
  /* one annual value more for each file the run has observations of */
  a->run++;
  for (guint i = 0; i < n; i++)
    {
      FileCount *count = file_count (a, run[i].place.file);

      if (count->run[frequency] != a->run)
        {
          count->n_values[frequency]++;
          count->run[frequency] = a->run;
        }
    }
  return _crk_import_set_cell (self, &place, run[0].city, run[0].indicator, run[0].year, value,
                               estimated ? CRK_VALUE_STATUS_ESTIMATED : CRK_VALUE_STATUS_OBSERVED,
                               NULL);
}

static const char *
method_text (CrkImportAggregate aggregate)
{
  switch (aggregate)
    {
      case CRK_IMPORT_AGGREGATE_MEAN:
        return _ ("each year's value is the mean of its sub-periods present");
      case CRK_IMPORT_AGGREGATE_SUM:
        return _ ("each year's value is the sum of its sub-periods, when it has them all");
      default:
        return _ ("each year's value is its latest sub-period's");
    }
}

/* The notices of each file, in the order the files came. */
static void
report_files (Aggregation *a)
{
  CrkImportDataset *self = a->self;

  for (guint f = 0; f < self->files->len; f++)
    {
      FileCount *count =
        g_hash_table_lookup (a->files, GUINT_TO_POINTER (g_array_index (self->files, guint32, f)));

      for (guint i = 0; count != NULL && i < N_FREQUENCIES; i++)
        {
          g_autofree char *values = NULL;

          if (count->n_observations[i] == 0)
            continue;
          values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annual value",
                                                 "%u annual values", count->n_values[i]),
                                    count->n_values[i]);
          /* TRANSLATORS: "12 quarterly observations made 3 annual values: each year's value
           * is …"; the second %s is a frequency (quarterly, monthly…), the third "3 annual
           * values", the last how */
          _crk_import_report_at (self, &count->first[i], TRUE, CRK_IMPORT_ERROR_INVALID,
                                 g_dngettext (GETTEXT_PACKAGE, "%u %s observation made %s: %s",
                                              "%u %s observations made %s: %s",
                                              count->n_observations[i]),
                                 count->n_observations[i], _ (_crk_import_frequency_names[i]),
                                 values, method_text (self->aggregate));
        }
      if (count != NULL && count->n_skipped > 0)
        _crk_import_report_at (
          self, &count->skipped, TRUE, CRK_IMPORT_ERROR_INVALID,
          g_dngettext (GETTEXT_PACKAGE,
                       "%u observation of another frequency skipped: the annual value of its key, "
                       "indicator and year is given",
                       "%u observations of other frequencies skipped: the annual values of their "
                       "key, indicator and year are given",
                       count->n_skipped),
          count->n_skipped);
    }
}

void
_crk_import_aggregate (CrkImportDataset *self)
{
  g_autoptr (GHashTable) files = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Aggregation a = {self, files, 0};
  GArray *subs = self->subs;
  guint start = 0;

  g_array_sort (subs, compare_subs);
  while (start < subs->len && !self->stopped)
    {
      const SubValue *run = &g_array_index (subs, SubValue, start);
      const Place *given = _crk_import_place_lookup (
        &self->places, _crk_import_cell_key (run->city, run->indicator, run->year));
      guint n = 1;

      while (start + n < subs->len && run[n].city == run->city &&
             run[n].indicator == run->indicator && run[n].year == run->year &&
             run[n].frequency == run->frequency)
        n++;
      if (given != NULL && !given->aggregated)
        skip_run (&a, run, n);
      else if (!aggregate_run (&a, run, n))
        break;
      start += n;
    }
  report_files (&a);
}
