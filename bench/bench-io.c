/* bench-io.c: time and peak memory of reading (with validation) and writing a large
 * dataset in the native format, next to xmllint validating the same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-io [--cities N] [--indicators N] [--years N] [--runs N] [--keep FILE]
 *
 * Each measurement runs in a fresh child process (this program again, with --child-read
 * or --child-write), so peak memory (VmHWM) belongs to that measurement alone.
 */
#include "config.h"

#include <glib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-model.h"

static int n_cities = 2000;
static int n_indicators = 100;
static int n_years = 5;
static int n_runs = 3;

/* Peak resident set size of this process, in kB. */
static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (p = strstr (status, "VmHWM:")) != NULL)
    return atol (p + strlen ("VmHWM:"));
  else
    {
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      return usage.ru_maxrss;
    }
}

/* The benchmark dataset: seeded random values, about 4 % missing. */
static CrkDataset *
make_dataset (gsize *strings_size)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20211);
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("INDEX", "Benchmark index");
  CrkFrameworkNode *dim = NULL;
  gsize strings = 0;

  crk_dataset_begin_bulk (ds);
  crk_dataset_set_title (ds, "Benchmark dataset");
  for (int y = 0; y < n_years; y++)
    crk_dataset_add_year (ds, 2016 + y);
  for (int c = 0; c < n_cities; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%05d", c);
      g_autofree char *name = g_strdup_printf ("City %d", c);
      g_autoptr (CrkCity) city = crk_city_new (code, name);

      crk_city_set_province (city, (c % 3) == 0 ? "Guangdong" : "Jiangsu");
      crk_dataset_add_city (ds, city);
      strings += strlen (code) + strlen (name) + 2;
    }
  for (int i = 0; i < n_indicators; i++)
    {
      g_autofree char *code = g_strdup_printf ("IND%03d", i);
      g_autofree char *name = g_strdup_printf ("Indicator number %d", i);
      g_autoptr (CrkIndicator) indicator = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);
      g_autoptr (CrkFrameworkNode) leaf = crk_framework_node_new (code, NULL);

      crk_indicator_set_name (indicator, name);
      crk_indicator_set_unit (indicator, "units");
      crk_dataset_add_indicator (ds, indicator);
      strings += strlen (code) + strlen (name) + 2;
      if (i % 10 == 0)
        {
          g_autofree char *dcode = g_strdup_printf ("DIM%02d", i / 10);

          dim = crk_framework_node_new (dcode, dcode);
          crk_framework_node_append_child (root, dim);
          g_object_unref (dim);
        }
      crk_framework_node_append_child (dim, leaf);
    }
  crk_dataset_set_framework (ds, root);
  for (int y = 0; y < n_years; y++)
    for (int i = 0; i < n_indicators; i++)
      for (int c = 0; c < n_cities; c++)
        {
          double v;

          if (g_rand_double (rand) < 0.04)
            continue;
          /* Values as statistics have them: a few significant digits, wide ranges. */
          v = exp (g_rand_double_range (rand, -2, 9));
          v = round (v * 1000) / 1000;
          crk_dataset_set_value (ds, c, i, y, v, CRK_VALUE_STATUS_OBSERVED);
        }
  crk_dataset_end_bulk (ds);
  if (strings_size != NULL)
    *strings_size = strings;
  return ds;
}

static int
child_write (const char *path)
{
  g_autoptr (CrkDataset) ds = make_dataset (NULL);
  g_autoptr (GError) error = NULL;
  long before = peak_kb ();
  gint64 start = g_get_monotonic_time ();

  if (!crk_dataset_write (ds, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("%.6f %ld %ld\n", (g_get_monotonic_time () - start) / 1e6, peak_kb (), before);
  return 0;
}

static int
child_read (const char *path)
{
  g_autoptr (GError) error = NULL;
  long before = peak_kb ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr (CrkDataset) ds = crk_dataset_read (path, NULL, &error);

  if (ds == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("%.6f %ld %ld\n", (g_get_monotonic_time () - start) / 1e6, peak_kb (), before);
  return 0;
}

typedef struct
{
  double seconds;
  long peak_kb;
  long base_kb;
} Measure;

static gboolean
run_child (const char *self,
           const char *mode,
           const char *path,
           Measure *m)
{
  g_autofree char *out = NULL;
  g_autofree char *cities = g_strdup_printf ("%d", n_cities);
  g_autofree char *indicators = g_strdup_printf ("%d", n_indicators);
  g_autofree char *years = g_strdup_printf ("%d", n_years);
  const char *argv[] = {self, "--cities", cities, "--indicators", indicators, "--years", years,
                        mode, path, NULL};
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error) || sscanf (out, "%lf %ld %ld", &m->seconds, &m->peak_kb, &m->base_kb) != 3)
    {
      g_printerr ("bench-io: %s %s failed: %s\n", mode, path, error != NULL ? error->message : out);
      return FALSE;
    }
  return TRUE;
}

/* xmllint in a child: wall time, and peak memory from wait4. */
static gboolean
run_xmllint (const char *schema,
             const char *path,
             Measure *m)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execlp ("xmllint", "xmllint", "--stream", "--noout", "--relaxng", schema, path, (char *) NULL);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-io: xmllint failed on %s (status %d)\n", path, status);
      return FALSE;
    }
  m->seconds = (g_get_monotonic_time () - start) / 1e6;
  m->peak_kb = usage.ru_maxrss;
  m->base_kb = 0;
  return TRUE;
}

static int
compare_measures (const void *a,
                  const void *b)
{
  const Measure *x = a, *y = b;

  return x->seconds < y->seconds ? -1 : x->seconds > y->seconds;
}

/* The median run of @n by time (peak memory from the same run). */
static Measure
median (Measure *runs,
        int n)
{
  qsort (runs, n, sizeof *runs, compare_measures);
  return runs[n / 2];
}

int
main (int argc, char **argv)
{
  g_autofree char *keep = NULL;
  g_autofree char *child_read_path = NULL;
  g_autofree char *child_write_path = NULL;
  GOptionEntry entries[] = {
    {"cities", 0, 0, G_OPTION_ARG_INT, &n_cities, "Number of cities (2000)", "N"},
    {"indicators", 0, 0, G_OPTION_ARG_INT, &n_indicators, "Number of indicators (100)", "N"},
    {"years", 0, 0, G_OPTION_ARG_INT, &n_years, "Number of years (5)", "N"},
    {"runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs per measurement; the median is shown (3)", "N"},
    {"keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the dataset to FILE and keep it", "FILE"},
    {"child-read", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_read_path, NULL, NULL},
    {"child-write", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_write_path, NULL, NULL},
    {NULL},
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— benchmark of the native dataset format");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *self = NULL;
  Measure *reads, *writes, *lints, r, w, x;
  gsize strings = 0;
  double matrix_mb, strings_mb;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 2;
    }
  if (child_read_path != NULL)
    return child_read (child_read_path);
  if (child_write_path != NULL)
    return child_write (child_write_path);
  n_runs = MAX (n_runs, 1);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  schema = g_build_filename (SOURCE_DIR, "data", "cityrank-dataset.rng", NULL);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("crk-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("bench-io: %s\n", error->message);
          return 1;
        }
      path = g_build_filename (dir, "bench.cityrank.xml", NULL);
    }

  {
    g_autoptr (CrkDataset) ds = make_dataset (&strings);
  }

  reads = g_new0 (Measure, n_runs);
  writes = g_new0 (Measure, n_runs);
  lints = g_new0 (Measure, n_runs);
  for (int i = 0; i < n_runs; i++)
    if (!run_child (self, "--child-write", path, &writes[i]))
      return 1;
  for (int i = 0; i < n_runs; i++)
    {
      if (!run_child (self, "--child-read", path, &reads[i]) || !run_xmllint (schema, path, &lints[i]))
        return 1;
    }
  r = median (reads, n_runs);
  w = median (writes, n_runs);
  x = median (lints, n_runs);

  g_stat (path, &st);
  /* The model keeps a double and a status byte per cell. */
  matrix_mb = (double) n_cities * n_indicators * n_years * (sizeof (double) + 1) / 1048576.0;
  strings_mb = strings / 1048576.0;

  printf ("Dataset: %d cities x %d indicators x %d years, %.1f MB file (%s)\n",
          n_cities, n_indicators, n_years, st.st_size / 1048576.0, path);
  printf ("Value matrix %.1f MB + strings %.2f MB = %.1f MB; median of %d runs\n\n",
          matrix_mb, strings_mb, matrix_mb + strings_mb, n_runs);
  printf ("%-36s %9s %12s %14s\n", "", "time (s)", "peak (MB)", "above start");
  printf ("%-36s %9.3f %12.1f %14.1f\n", "read + validate (crk_dataset_read)", r.seconds,
          r.peak_kb / 1024.0, (r.peak_kb - r.base_kb) / 1024.0);
  printf ("%-36s %9.3f %12.1f %14s\n", "xmllint --stream --relaxng", x.seconds, x.peak_kb / 1024.0, "");
  printf ("%-36s %9.3f %12.1f %14s\n", "write (crk_dataset_write, + model)", w.seconds,
          w.peak_kb / 1024.0, "");
  printf ("\nread time / xmllint time: %.2f (target <= 1.5)\n", r.seconds / x.seconds);
  printf ("read peak / (matrix + strings): %.2f (target < 3)\n",
          (r.peak_kb / 1024.0) / (matrix_mb + strings_mb));

  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  g_free (reads);
  g_free (writes);
  g_free (lints);
  return 0;
}
