/* bench-uncertainty.c: time for 1,000 Monte Carlo replications on the sample dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-model.h"
#include "crk-uncertainty.h"

#define RUNS 1000

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* CPU time of the whole process (every thread), in milliseconds. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Median wall-clock and CPU milliseconds of @repeats runs; keeps the last results. */
static void
time_runs (CrkUncertainty *settings,
           CrkDataset *dataset,
           guint repeats,
           const char *name,
           CrkUncertaintyResults **last)
{
  g_autofree double *wall = g_new (double, repeats);
  g_autofree double *cpu = g_new (double, repeats);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = process_cpu_ms ();

      g_clear_object (last);
      *last = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
      wall[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = process_cpu_ms () - cpu_start;
      if (*last == NULL)
        g_error ("%s", error->message);
    }
  qsort (wall, repeats, sizeof (double), compare_double);
  qsort (cpu, repeats, sizeof (double), compare_double);
  printf ("  %-66s %8.1f ms (CPU %8.1f ms), %u failed\n", name, wall[repeats / 2], cpu[repeats / 2],
          crk_uncertainty_results_get_n_failed (*last));
}

typedef struct
{
  guint city;
  double width;
  double shift;
} Robustness;

static int
compare_robustness (const void *a, const void *b)
{
  const Robustness *x = a, *y = b;

  if (x->width != y->width)
    return x->width < y->width ? -1 : 1;
  if (x->shift != y->shift)
    return x->shift < y->shift ? -1 : 1;
  return (x->city > y->city) - (x->city < y->city);
}

static void
print_city (CrkUncertaintyResults *results, const Robustness *r)
{
  CrkCity *city = crk_dataset_get_city (crk_uncertainty_results_get_dataset (results), r->city);

  printf ("    %-12s nominal %3u  median %5.1f  90%% interval [%5.1f, %5.1f]  mean shift %.2f\n",
          crk_city_get_name (city), crk_uncertainty_results_get_nominal_rank (results, r->city),
          crk_uncertainty_results_get_median_rank (results, r->city),
          crk_uncertainty_results_get_lower_rank (results, r->city),
          crk_uncertainty_results_get_upper_rank (results, r->city), r->shift);
}

static void
print_robustness (CrkUncertaintyResults *results)
{
  guint n = crk_uncertainty_results_get_n_cities (results), m = 0, stable = 0;
  g_autofree Robustness *rows = g_new (Robustness, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    if (crk_uncertainty_results_get_nominal_rank (results, i) > 0)
      {
        rows[m].city = i;
        rows[m].width = crk_uncertainty_results_get_upper_rank (results, i) -
          crk_uncertainty_results_get_lower_rank (results, i);
        rows[m].shift = crk_uncertainty_results_get_mean_shift (results, i);
        stable += rows[m].shift == 0;
        m++;
      }
  qsort (rows, m, sizeof (Robustness), compare_robustness);
  printf ("  mean absolute rank shift %.3f; %u of %u cities never move\n",
          crk_uncertainty_results_get_mean_abs_shift (results), stable, m);
  printf ("  most robust (narrowest 5-95%% interval, then smallest mean shift):\n");
  for (guint k = 0; k < MIN (m, 5); k++)
    print_city (results, &rows[k]);
  printf ("  least robust:\n");
  for (guint k = m; k-- > (m > 5 ? m - 5 : 0);)
    print_city (results, &rows[k]);
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : CRK_SAMPLE_PATH;
  guint repeats = argc > 2 ? (guint) MAX (atoi (argv[2]), 1) : 5;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) weights_only = NULL;
  g_autoptr (CrkUncertaintyResults) results = NULL;
  const guint levels[] = {1, 2};

  if (dataset == NULL)
    g_error ("%s", error->message);
  printf ("%u replications of %s (%u cities, %u indicators), median of %u, %u processors:\n", RUNS,
          crk_dataset_get_display_title (dataset), crk_dataset_get_n_cities (dataset),
          crk_dataset_get_n_indicators (dataset), repeats, g_get_num_processors ());

  crk_uncertainty_set_runs (settings, RUNS);
  time_runs (settings, dataset, repeats, "dimension weights ±25%, all processors", &weights_only);
  crk_uncertainty_set_n_threads (settings, 1);
  time_runs (settings, dataset, repeats, "dimension weights ±25%, one thread", &results);

  crk_uncertainty_set_n_threads (settings, 0);
  crk_uncertainty_set_levels (settings, levels, G_N_ELEMENTS (levels));
  crk_uncertainty_add_normalisation (settings, CRK_NORMALISATION_MINMAX, 0, 100);
  crk_uncertainty_add_normalisation (settings, CRK_NORMALISATION_ZSCORE, 0, 1);
  crk_uncertainty_add_normalisation (settings, CRK_NORMALISATION_RANK, 0, 0);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_ARITHMETIC);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_TOPSIS);
  time_runs (settings, dataset, repeats, "levels 1-2 weights, 3 normalisations, 2 aggregations",
             &results);
  for (guint p = 1; p <= 5; p++)
    crk_uncertainty_add_winsorisation (settings, p);
  time_runs (settings, dataset, repeats,
             "the same and 1-5 winsorised points (15 normalised matrices)", &results);

  printf ("Dimension weights ±25%%:\n");
  print_robustness (weights_only);
  printf ("Levels 1-2 weights, normalisation, aggregation and winsorised points:\n");
  print_robustness (results);
  return 0;
}
