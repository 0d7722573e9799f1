/* bench-engine.c: time to compute one year, and to recompute after a weight change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "crk-engine.h"
#include "crk-model.h"

/* A synthetic dataset: @n_cities cities, @n_indicators indicators spread over
 * @n_dims dimensions, one year, about 2% of values missing, a few indicators with
 * direction -1. */
static CrkDataset *
make_dataset (guint n_cities, guint n_indicators, guint n_dims)
{
  CrkDataset *dataset = crk_dataset_new ();
  CrkFrameworkNode *root = crk_framework_node_new ("INDEX", "Index");
  g_autoptr (GPtrArray) dims = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  guint year;

  crk_dataset_begin_bulk (dataset);
  year = crk_dataset_add_year (dataset, 2021);
  for (guint d = 0; d < n_dims; d++)
    {
      g_autofree char *code = g_strdup_printf ("D%u", d);
      CrkFrameworkNode *dim = crk_framework_node_new (code, code);

      crk_framework_node_set_weight (dim, 1 + d % 3);
      crk_framework_node_append_child (root, dim);
      g_ptr_array_add (dims, dim);
      g_object_unref (dim);
    }
  for (guint i = 0; i < n_cities; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%04u", i);
      g_autoptr (CrkCity) city = crk_city_new (code, code);

      crk_city_set_province (city, i % 7 == 0 ? "P0" : "P1");
      crk_dataset_add_city (dataset, city);
    }
  for (guint k = 0; k < n_indicators; k++)
    {
      g_autofree char *code = g_strdup_printf ("I%03u", k);
      g_autoptr (CrkIndicator) indicator = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);
      CrkFrameworkNode *leaf = crk_framework_node_new (code, NULL);

      crk_indicator_set_direction (indicator, k % 9 == 4 ? -1 : 1);
      crk_dataset_add_indicator (dataset, indicator);
      crk_framework_node_append_child (g_ptr_array_index (dims, k % n_dims), leaf);
      g_object_unref (leaf);
    }
  crk_dataset_set_framework (dataset, root);
  g_object_unref (root);
  for (guint k = 0; k < n_indicators; k++)
    for (guint i = 0; i < n_cities; i++)
      {
        double v = g_rand_double (rand) < 0.02 ? NAN : exp (g_rand_double_range (rand, 0, 4));

        crk_dataset_set_value (dataset, i, k, year, v, CRK_VALUE_STATUS_OBSERVED);
      }
  crk_dataset_end_bulk (dataset);
  return dataset;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef enum
{
  RUN_FULL,
  RUN_SAME,
  RUN_WEIGHT,
} RunKind;

/* CPU time of this thread (user and system), in milliseconds: steadier than the wall
 * clock on a loaded machine. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double wall;
  double cpu;
} Timing;

/* Median times per computation, in milliseconds. */
static Timing
run (CrkEngine *engine, CrkMethod *method, RunKind kind, guint repeats)
{
  g_autofree double *times = g_new (double, repeats);
  g_autofree double *cpu = g_new (double, repeats);
  Timing t;

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrkResults) results = NULL;
      gint64 start;
      double cpu_start;

      if (kind == RUN_FULL)
        crk_engine_invalidate (engine);
      else if (kind == RUN_WEIGHT)
        crk_method_set_weight (method, "D1", r % 2 == 0 ? 2.5 : 1.5);
      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_ms ();
      results = crk_engine_compute (engine, method, 0, &error);
      cpu[r] = thread_cpu_ms () - cpu_start;
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (results == NULL)
        g_error ("%s", error->message);
    }
  qsort (times, repeats, sizeof (double), compare_double);
  qsort (cpu, repeats, sizeof (double), compare_double);
  t.wall = times[repeats / 2];
  t.cpu = cpu[repeats / 2];
  return t;
}

static void
bench (guint n_cities, guint n_indicators, guint n_dims, guint repeats)
{
  g_autoptr (CrkDataset) dataset = make_dataset (n_cities, n_indicators, n_dims);
  g_autoptr (CrkEngine) engine = crk_engine_new (dataset);
  const struct
  {
    const char *name;
    CrkWeightScheme scheme;
    CrkTreatment treatment;
  } variants[] = {
    {"default (min-max, arithmetic, dataset weights)", CRK_WEIGHTS_DATASET, CRK_TREATMENT_NONE},
    {"entropy weights", CRK_WEIGHTS_ENTROPY, CRK_TREATMENT_NONE},
    {"winsorise + PCA weights", CRK_WEIGHTS_PCA, CRK_TREATMENT_WINSORISE},
  };

  printf (
    "%u cities x %u indicators (%u dimensions), median of %u runs, wall clock (thread CPU time):\n",
    n_cities, n_indicators, n_dims, repeats);
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr (CrkMethod) method = crk_method_new ();
      Timing full, same, weight;

      crk_method_set_weight_scheme (method, variants[v].scheme);
      crk_method_set_treatment (method, variants[v].treatment);
      full = run (engine, method, RUN_FULL, repeats);
      same = run (engine, method, RUN_SAME, repeats);
      weight = run (engine, method, RUN_WEIGHT, repeats);
      printf ("  %-48s full recompute %8.4f ms (CPU %8.4f)   same method %8.4f ms (CPU %8.4f)   "
              "one dimension weight changed %8.4f ms (CPU %8.4f)\n",
              variants[v].name, full.wall, full.cpu, same.wall, same.cpu, weight.wall, weight.cpu);
    }
}

int
main (int argc, char **argv)
{
  guint repeats = argc > 1 ? (guint) atoi (argv[1]) : 201;

  repeats = MAX (repeats, 1);
  printf ("Targets: full recompute under 0.1 ms (100 x 27) and under 10 ms (3,000 x 100); a weight "
          "change faster still.\n");
  bench (100, 27, 5, repeats);
  bench (3000, 100, 10, MAX (repeats / 4, 1));
  return 0;
}
