/* test-import-aggregate.c: observations of other frequencies made into annual values
 * (CrkImportOptions.aggregate): mean, sum and last compared value by value with what the
 * test computes from its own observations, incomplete years, missing sub-periods, the
 * annual value that wins, the notices per file and frequency, refusals, the budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-import-dataset.h"
#include "crk-io-limits.h"
#include "crk-model.h"
#include "report-text.h"

typedef struct
{
  const char *key;
  const char *period;
  double value;
  const char *status;
} Obs;

static void
feed_at (CrkImportSink *sink,
         const char *key,
         const char *indicator,
         const char *period,
         double value,
         const char *status,
         int line)
{
  CrkObservation obs = {key, indicator, period, value, status, NULL, NULL, 0, line, 2, NULL, NULL};

  g_assert_true (sink->observation (sink, &obs));
}

static CrkImportDataset *
new_import (CrkDataset *into, CrkImportAggregate aggregate)
{
  CrkImportDataset *import = crk_import_dataset_new (into, FALSE);
  CrkImportOptions options = {.aggregate = aggregate};

  crk_import_dataset_set_options (import, &options);
  return import;
}

/* Quarterly GDP of two cities over two years, as a statistics office publishes it (the
 * values in 亿元, Shenzhen's and Guangzhou's of 2021 and 2022, one estimated). */
static const Obs quarters[] = {
  {"440300", "2021-Q1", 6797.23, NULL}, {"440300", "2021-Q2", 7212.86, NULL},
  {"440300", "2021-Q3", 7855.53, NULL}, {"440300", "2021-Q4", 8798.69, "E"},
  {"440100", "2021-Q1", 6168.73, NULL}, {"440100", "2021-Q2", 6936.78, NULL},
  {"440100", "2021-Q3", 6901.80, NULL}, {"440100", "2021-Q4", 8224.76, NULL},
  {"440300", "2022-Q3", 8180.11, NULL}, /* out of order, as files may be */
  {"440300", "2022-Q1", 7227.31, NULL}, {"440300", "2022-Q2", 7537.61, NULL},
  {"440300", "2022-Q4", 9442.65, NULL}, {"440100", "2022-Q1", 6614.63, NULL},
  {"440100", "2022-Q2", 6751.62, NULL}, {"440100", "2022-Q3", 7249.63, NULL},
  {"440100", "2022-Q4", 8223.12, NULL},
};

/* What the test expects: each key and year's values in the order of the quarters. */
static double
expected_value (CrkImportAggregate aggregate, const char *key, int year, gboolean *estimated)
{
  double by_quarter[5] = {NAN, NAN, NAN, NAN, NAN};
  double result = 0;
  guint n = 0;

  *estimated = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      int y = atoi (quarters[i].period);
      int q = quarters[i].period[6] - '0';

      if (g_str_equal (quarters[i].key, key) && y == year)
        {
          by_quarter[q] = quarters[i].value;
          if (quarters[i].status != NULL && (aggregate != CRK_IMPORT_AGGREGATE_LAST || q == 4))
            *estimated = TRUE;
        }
    }
  for (guint q = 1; q <= 4; q++)
    if (!isnan (by_quarter[q]))
      {
        result = aggregate == CRK_IMPORT_AGGREGATE_LAST ? by_quarter[q] : result + by_quarter[q];
        n++;
      }
  return aggregate == CRK_IMPORT_AGGREGATE_MEAN ? result / n : result;
}

static void
check_quarters (CrkImportAggregate aggregate, const char *how)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, aggregate);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;
  g_autofree char *notice =
    g_strdup_printf ("q.csv:2:2: x: 16 quarterly observations made 4 annual values: %s\n", how);
  CrkImportSummary summary;

  crk_import_dataset_begin_file (import, "q.csv", report);
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    feed_at (sink, quarters[i].key, "GDP", quarters[i].period, quarters[i].value,
             quarters[i].status, (int) i + 2);
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  assert_problems (report->notices, notice);
  g_assert_nonnull (ds);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 2);
  for (guint c = 0; c < 2; c++)
    for (guint y = 0; y < 2; y++)
      {
        const char *key = crk_city_get_code (crk_dataset_get_city (ds, c));
        gboolean estimated;
        double expected = expected_value (aggregate, key, crk_dataset_get_year (ds, y), &estimated);

        g_assert_cmpfloat (crk_dataset_get_value (ds, c, 0, y), ==, expected);
        g_assert_cmpint (crk_dataset_get_value_status (ds, c, 0, y), ==,
                         estimated ? CRK_VALUE_STATUS_ESTIMATED : CRK_VALUE_STATUS_OBSERVED);
      }
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_values, ==, 4);
  g_assert_cmpuint (summary.n_missing, ==, 0);
  g_assert_cmpuint (summary.n_years, ==, 2);
}

static void
test_mean (void)
{
  check_quarters (CRK_IMPORT_AGGREGATE_MEAN,
                  "each year's value is the mean of its sub-periods present");
}

static void
test_sum (void)
{
  check_quarters (CRK_IMPORT_AGGREGATE_SUM,
                  "each year's value is the sum of its sub-periods, when it has them all");
}

static void
test_last (void)
{
  check_quarters (CRK_IMPORT_AGGREGATE_LAST, "each year's value is its latest sub-period's");
}

/* 2021 without its fourth quarter (missing, then absent): the sum is missing and says
 * why; the mean is of the three; the last is the third's. */
static CrkDataset *
incomplete (CrkImportAggregate aggregate, CrkImportReport *report, CrkImportSummary *summary)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, aggregate);
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  CrkDataset *ds;

  crk_import_dataset_begin_file (import, "i.csv", report);
  feed_at (sink, "440300", "GDP", "2021-Q1", 6797.23, NULL, 2);
  feed_at (sink, "440300", "GDP", "2021-Q2", 7212.86, NULL, 3);
  feed_at (sink, "440300", "GDP", "2021-Q3", 7855.53, NULL, 4);
  feed_at (sink, "440300", "GDP", "2021-Q4", NAN, NULL, 5);
  feed_at (sink, "440300", "GDP", "2022-Q1", NAN, NULL, 6);
  feed_at (sink, "440300", "GDP", "2022-Q2", 7537.61, NULL, 7);
  feed_at (sink, "440300", "POP", "2022-Q2", 1766.18, NULL, 8);
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  crk_import_dataset_get_summary (import, summary);
  return ds;
}

static void
test_incomplete (void)
{
  g_autoptr (CrkImportReport) sum_report = crk_import_report_new ();
  g_autoptr (CrkImportReport) mean_report = crk_import_report_new ();
  g_autoptr (CrkImportReport) last_report = crk_import_report_new ();
  CrkImportSummary summary;
  g_autoptr (CrkDataset) sum = incomplete (CRK_IMPORT_AGGREGATE_SUM, sum_report, &summary);
  g_autoptr (CrkDataset) mean = NULL;
  g_autoptr (CrkDataset) last = NULL;

  assert_problems (sum_report->problems, "");
  assert_problems (sum_report->notices,
                   "i.csv:2:2: x: the sum of “GDP” for “440300” in 2021 is missing: 3 of 4 "
                   "quarterly values are given\n"
                   "i.csv:6:2: x: the sum of “GDP” for “440300” in 2022 is missing: 1 of 4 "
                   "quarterly values are given\n"
                   "i.csv:8:2: x: the sum of “POP” for “440300” in 2022 is missing: 1 of 4 "
                   "quarterly values are given\n"
                   "i.csv:2:2: x: 7 quarterly observations made 0 annual values: each year's value "
                   "is the sum of its sub-periods, when it has them all\n");
  /* the years and indicators, every value missing */
  g_assert_nonnull (sum);
  g_assert_cmpuint (crk_dataset_get_n_years (sum), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_held_values (sum), ==, 0);
  g_assert_cmpuint (summary.n_values, ==, 0);
  g_assert_cmpuint (summary.n_missing, ==, 3);

  mean = incomplete (CRK_IMPORT_AGGREGATE_MEAN, mean_report, &summary);
  assert_problems (mean_report->problems, "");
  g_assert_nonnull (mean);
  g_assert_cmpfloat (crk_dataset_get_value (mean, 0, 0, 0), ==, (6797.23 + 7212.86 + 7855.53) / 3);
  g_assert_cmpfloat (crk_dataset_get_value (mean, 0, 0, 1), ==, 7537.61);
  g_assert_cmpfloat (crk_dataset_get_value (mean, 0, 1, 1), ==, 1766.18);
  g_assert_true (isnan (crk_dataset_get_value (mean, 0, 1, 0)));
  g_assert_cmpuint (summary.n_values, ==, 3);

  last = incomplete (CRK_IMPORT_AGGREGATE_LAST, last_report, &summary);
  g_assert_nonnull (last);
  g_assert_cmpfloat (crk_dataset_get_value (last, 0, 0, 0), ==, 7855.53);
  g_assert_cmpfloat (crk_dataset_get_value (last, 0, 0, 1), ==, 7537.61);
}

/* Months, weeks, days and half-years: a complete year sums; 2020 has 53 ISO weeks and
 * 366 days, 2021 52 and 365. */
static void
test_frequencies (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_SUM);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;
  double months = 0, weeks2021 = 0, days2021 = 0;
  GDate date;
  int line = 2;

  crk_import_dataset_begin_file (import, "f.csv", report);
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *period = g_strdup_printf ("2021-%02d", m);

      feed_at (sink, "M", "X", period, m * 1.5, NULL, line++);
      months += m * 1.5;
    }
  for (int w = 1; w <= 52; w++)
    {
      g_autofree char *p2020 = g_strdup_printf ("2020-W%02d", w);
      g_autofree char *p2021 = g_strdup_printf ("2021-W%02d", w);

      feed_at (sink, "W", "X", p2020, w, NULL, line++);
      feed_at (sink, "W", "X", p2021, w, NULL, line++);
      weeks2021 += w;
    }
  feed_at (sink, "W", "X", "2021-W53", 1000, NULL, line++); /* 2021 has no week 53 */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2021);
  for (int d = 0; g_date_get_year (&date) == 2021; d++, g_date_add_days (&date, 1))
    {
      g_autofree char *period =
        g_strdup_printf ("2021-%02d-%02d", g_date_get_month (&date), g_date_get_day (&date));

      feed_at (sink, "D", "X", period, d % 7, NULL, line++);
      days2021 += d % 7;
    }
  feed_at (sink, "D", "X", "2020-02-29", 1, NULL, line++);
  feed_at (sink, "H", "X", "2021-S1", 10, NULL, line++);
  feed_at (sink, "H", "X", "2021-S2", 11, NULL, line++);
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  g_assert_nonnull (ds);
  assert_problems (
    report->notices,
    "f.csv:14:2: x: the sum of “X” for “W” in 2020 is missing: 52 of 53 weekly values are given\n"
    "f.csv:484:2: x: the sum of “X” for “D” in 2020 is missing: 1 of 366 daily values are given\n"
    "f.csv:485:2: x: 2 half-yearly observations made 1 annual value: each year's value is the sum "
    "of its sub-periods, when it has them all\n"
    "f.csv:2:2: x: 12 monthly observations made 1 annual value: each year's value is the sum of "
    "its sub-periods, when it has them all\n"
    "f.csv:14:2: x: 105 weekly observations made 1 annual value: each year's value is the sum of "
    "its sub-periods, when it has them all\n"
    "f.csv:119:2: x: 366 daily observations made 1 annual value: each year's value is the sum of "
    "its sub-periods, when it has them all\n");
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 1), ==, months);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 1, 0, 1), ==, weeks2021);
  g_assert_true (isnan (crk_dataset_get_value (ds, 1, 0, 0)));
  g_assert_cmpfloat (crk_dataset_get_value (ds, 2, 0, 1), ==, days2021);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 3, 0, 1), ==, 21);
}

/* An annual value wins over the quarters of its year; two files, counted apart. */
static void
test_annual_wins (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_MEAN);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;

  crk_import_dataset_begin_file (import, "a.csv", report);
  feed_at (sink, "A", "X", "2020-Q1", 1, NULL, 2);
  feed_at (sink, "A", "X", "2020-Q2", 2, NULL, 3);
  feed_at (sink, "A", "X", "2021-Q1", 5, NULL, 4);
  feed_at (sink, "A", "X", "2022", NAN, NULL, 5); /* a missing annual value does not win */
  feed_at (sink, "A", "X", "2022-Q3", 7, NULL, 6);
  crk_import_dataset_end_file (import);
  crk_import_dataset_begin_file (import, "b.csv", report);
  feed_at (sink, "A", "X", "2020", 100, NULL, 2); /* wins over a.csv's quarters */
  feed_at (sink, "A", "X", "2021-Q2", 6, NULL, 3);
  feed_at (sink, "A", "X", "2021-M01", 9, NULL, 4); /* and months of a year with quarters */
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  g_assert_null (ds);
  assert_problems (
    report->problems,
    "b.csv:4:2: x: a second value of “X” for “A” in 2021; the first is at a.csv:4:2\n");
  assert_problems (report->notices,
                   "a.csv:4:2: x: 2 quarterly observations made 2 annual values: each year's value "
                   "is the mean of its sub-periods present\n"
                   "a.csv:2:2: x: 2 observations of other frequencies skipped: the annual values "
                   "of their key, indicator and year are given\n"
                   "b.csv:3:2: x: 1 quarterly observation made 1 annual value: each year's value "
                   "is the mean of its sub-periods present\n"
                   "b.csv:4:2: x: 1 monthly observation made 0 annual values: each year's value is "
                   "the mean of its sub-periods present\n");
}

static void
test_annual_wins_values (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_SUM);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) ds = NULL;

  crk_import_dataset_begin_file (import, "a.csv", report);
  feed_at (sink, "A", "X", "2020-S1", 1, NULL, 2);
  feed_at (sink, "A", "X", "2020-S2", 2, NULL, 3);
  feed_at (sink, "A", "X", "2020", 100, NULL, 4);
  feed_at (sink, "A", "X", "2021-S2", 4, "P", 5);
  feed_at (sink, "A", "X", "2021-S1", 5, NULL, 6);
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  assert_problems (report->notices,
                   "a.csv:5:2: x: 2 half-yearly observations made 1 annual value: each year's "
                   "value is the sum of its sub-periods, when it has them all\n"
                   "a.csv:2:2: x: 2 observations of other frequencies skipped: the annual values "
                   "of their key, indicator and year are given\n");
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 0), ==, 100);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 0, 0, 0), ==, CRK_VALUE_STATUS_OBSERVED);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 1), ==, 9);
  g_assert_cmpint (crk_dataset_get_value_status (ds, 0, 0, 1), ==, CRK_VALUE_STATUS_ESTIMATED);
}

/* A quarter given twice is an error naming both places, in any file. */
static void
test_twice (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_LAST);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  CrkObservation cell = {"A", "X", "2020-01-31", 3, NULL, NULL, NULL, 0, 0, 0, "Data", "C4"};

  crk_import_dataset_begin_file (import, "t.csv", report);
  feed_at (sink, "A", "X", "2020-Q1", 1, NULL, 2);
  feed_at (sink, "A", "X", "2020-Q1", NAN, NULL, 3); /* a missing one is absent */
  crk_import_dataset_end_file (import);
  crk_import_dataset_begin_file (import, "u.xlsx", report);
  feed_at (sink, "A", "X", "2020Q1", 2, NULL, 4);
  g_assert_true (sink->observation (sink, &cell));
  cell.cell = "C5";
  g_assert_true (sink->observation (sink, &cell));
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_problems (
    report->problems,
    "u.xlsx:4:2: x: a second value of “X” for “A” in 2020-Q1; the first is at t.csv:2:2\n"
    "u.xlsx:Data!C5: x: a second value of “X” for “A” in 2020-01-31; the first is at "
    "u.xlsx:Data!C4\n"
    "u.xlsx:Data!C4: x: a second value of “X” for “A” in 2020; the first is at t.csv:2:2\n");
}

/* Without aggregation, the refusal of other frequencies stays. */
static void
test_none (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_NONE);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);

  crk_import_dataset_begin_file (import, "n.csv", report);
  feed_at (sink, "A", "X", "2020-Q1", 1, NULL, 2);
  feed_at (sink, "A", "X", "2020-Q2", 1, NULL, 3);
  crk_import_dataset_end_file (import);
  g_assert_null (crk_import_dataset_finish (import, report));
  assert_problems (
    report->problems,
    "n.csv:2:2: x: 2 quarterly observations (2020-Q1 … 2020-Q2); the dataset takes annual data\n");
}

/* Into an open dataset: the annual values are added as any. */
static void
test_into (void)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (CrkCity) sz = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (CrkImportDataset) import = new_import (ds, CRK_IMPORT_AGGREGATE_MEAN);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  g_autoptr (CrkDataset) result = NULL;
  CrkImportSummary summary;

  crk_city_set_name_zh (sz, "深圳市");
  crk_dataset_add_city (ds, sz);
  crk_import_dataset_begin_file (import, "q.csv", report);
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    if (g_str_equal (quarters[i].key, "440300"))
      feed_at (sink, "深圳", "GDP", quarters[i].period, quarters[i].value, quarters[i].status,
               (int) i + 2);
  crk_import_dataset_end_file (import);
  result = crk_import_dataset_finish (import, report);
  assert_problems (report->problems, "");
  g_assert_true (result == ds);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 2);
  for (guint y = 0; y < 2; y++)
    {
      gboolean estimated;

      g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, y), ==,
                         expected_value (CRK_IMPORT_AGGREGATE_MEAN, "440300",
                                         crk_dataset_get_year (ds, y), &estimated));
    }
  crk_import_dataset_get_summary (import, &summary);
  g_assert_cmpuint (summary.n_new_values, ==, 2);
  g_assert_cmpuint (summary.n_new_years, ==, 2);
  g_assert_cmpuint (summary.n_new_indicators, ==, 1);
}

/* A budget of 2 MiB: holding the observations stops with the place of the one over it. */
static void
test_budget (void)
{
  g_autoptr (CrkImportDataset) import = new_import (NULL, CRK_IMPORT_AGGREGATE_SUM);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  CrkImportSink *sink = crk_import_dataset_get_sink (import);
  gboolean going = TRUE;
  int i;

  crk_io_set_memory_limit (2 * 1024 * 1024);
  crk_import_dataset_begin_file (import, "big.csv", report);
  for (i = 0; going && i < 1000000; i++)
    {
      g_autofree char *key = g_strdup_printf ("C%d", i % 100);
      g_autofree char *period =
        g_strdup_printf ("%d-%02d-%02d", 2000 + i / 36500, 1 + (i / 100) % 12, 1 + (i / 1200) % 28);
      CrkObservation obs = {key, "X", period, i, NULL, NULL, NULL, 0, i + 1, 1, NULL, NULL};

      going = sink->observation (sink, &obs);
    }
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  g_assert_false (going);
  g_assert_cmpint (i, >, 4096);
  g_assert_cmpint (i, <, 100000);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpint (((CrkProblem *) g_ptr_array_index (report->problems, 0))->code, ==,
                   CRK_IMPORT_ERROR_HOSTILE);
  g_assert_cmpint (((CrkProblem *) g_ptr_array_index (report->problems, 0))->line, ==, i);
  g_assert_null (crk_import_dataset_finish (import, report));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-aggregate/mean", test_mean);
  g_test_add_func ("/import-aggregate/sum", test_sum);
  g_test_add_func ("/import-aggregate/last", test_last);
  g_test_add_func ("/import-aggregate/incomplete", test_incomplete);
  g_test_add_func ("/import-aggregate/frequencies", test_frequencies);
  g_test_add_func ("/import-aggregate/annual-wins", test_annual_wins);
  g_test_add_func ("/import-aggregate/annual-wins-values", test_annual_wins_values);
  g_test_add_func ("/import-aggregate/twice", test_twice);
  g_test_add_func ("/import-aggregate/none", test_none);
  g_test_add_func ("/import-aggregate/into", test_into);
  g_test_add_func ("/import-aggregate/budget", test_budget);
  return g_test_run ();
}
