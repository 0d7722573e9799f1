/* bench-io.c: time and peak memory of reading (with validation) and writing a large
 * dataset in the native format, next to xmllint validating the same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-io [--cities N] [--indicators N] [--years N] [--runs N] [--keep FILE]
 *                 [--no-grids | --grids-only] [--grid-cap MB]
 *
 * Each measurement runs in a fresh child process (this program again, with --child-read
 * or --child-write), so peak memory (VmHWM) belongs to that measurement alone.
 *
 * Then small files that declare large grids (tests/io/crk-test-grids.c, as in
 * tests/io/test-large-grid.c): a native file of 1,024 cities x 1,024 indicators x 256
 * years and one of 4,096 x 4,096 x 64, each with one value (the second also under a
 * 64 MiB budget, where it is refused), and COINr CSV pairs of 3,000 and 9,000 rows whose
 * every row is a new city and a new year. Each is read once in a child whose address
 * space is capped (--grid-cap, 4096 MB by default; 0 for none), so that a reader that
 * allocates the declared grid fails there instead of taking the machine's memory; the
 * child's peak comes from wait4 even when it dies.
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

#include "crk-bench-common.h"
#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-io-limits.h"
#include "crk-model.h"
#include "crk-test-grids.h"

static int n_cities = 2000;
static int n_indicators = 100;
static int n_years = 5;
static int n_runs = 3;
static int grid_cap_mb = 4096;

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
  g_autofree char *figures = NULL;
  CrkBenchClock clock;

  crk_bench_clock_start (&clock);
  if (!crk_dataset_write (ds, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  figures = crk_bench_clock_line (&clock);
  printf ("%s\n", figures);
  return 0;
}

static int
child_read (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  g_autofree char *figures = NULL;
  CrkBenchClock clock;

  crk_bench_clock_start (&clock);
  ds = crk_dataset_read (path, NULL, &error);
  if (ds == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  figures = crk_bench_clock_line (&clock);
  printf ("%s\n", figures);
  return 0;
}

static gboolean
run_child (const char *self, const char *mode, const char *path, CrkBenchMeasure *m)
{
  g_autofree char *cities = g_strdup_printf ("%d", n_cities);
  g_autofree char *indicators = g_strdup_printf ("%d", n_indicators);
  g_autofree char *years = g_strdup_printf ("%d", n_years);
  g_autofree char *what = g_strdup_printf ("%s %s", mode, path);
  const char *argv[] = {self,      "--cities", cities, "--indicators", indicators,
                        "--years", years,      mode,   path,           NULL};

  return crk_bench_run_child ("bench-io", what, argv, FALSE, m);
}

/* Declared grids */

/* Child: reads a native file (@meta_path NULL) or imports a CSV pair under a budget of
 * @limit bytes (0: the default); prints the time, the peak, the peak before, whether
 * the file was read or refused, and the first problem of a refusal. */
static int
child_grid (const char *path, const char *meta_path, gint64 limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  g_autofree char *first = NULL;
  long before;
  gint64 start;

  crk_io_set_memory_limit (limit > 0 ? (guint64) limit : CRK_DEFAULT_MEMORY_LIMIT);
  before = (long) (crk_test_reset_peak () / 1024);
  start = g_get_monotonic_time ();
  if (meta_path != NULL)
    ds = crk_csv_import (path, meta_path, 0, &problems, &error);
  else
    ds = crk_dataset_read (path, &problems, &error);
  if (ds == NULL && problems != NULL && problems->len > 0)
    first = crk_problem_to_string (g_ptr_array_index (problems, 0));
  else if (ds == NULL)
    first = g_strdup (error != NULL ? error->message : "no dataset and no error");
  printf ("%.6f %ld %ld %s\n%s\n", (g_get_monotonic_time () - start) / 1e6, crk_bench_peak_kb (),
          before, ds != NULL ? "read" : "refused", first != NULL ? first : "");
  return 0;
}

typedef struct
{
  const char *label;
  const char *file;      /* in the temporary folder */
  const char *meta_file; /* the CSV metadata, or NULL for a native file */
  guint cities, indicators, years, rows;
  gint64 limit; /* the budget, 0: the default */
} GridCase;

#define CSV_INDICATORS 4

static const GridCase grid_cases[] = {
  {"(a) 1024 x 1024 x 256, one value", "grid-1024.cityrank.xml", NULL, 1024, 1024, 256, 0, 0},
  {"(c) 4096 x 4096 x 64, one value", "grid-4096.cityrank.xml", NULL, 4096, 4096, 64, 0, 0},
  {"(c) the same, budget 64 MiB", "grid-4096.cityrank.xml", NULL, 4096, 4096, 64, 0, 64 << 20},
  {"(d) CSV, 3,000 rows: new city+year", "rows3000_data.csv", "rows3000_meta.csv", 0, 0, 0, 3000,
   0},
  {"(e) CSV, 9,000 rows: new city+year", "rows9000_data.csv", "rows9000_meta.csv", 0, 0, 0, 9000,
   0},
};

typedef struct
{
  gboolean ok;     /* the child ran to its end */
  char result[64]; /* "read", "refused", "killed by signal 6", … */
  char *problem;   /* the first problem of a refusal */
  double seconds;  /* wall time of the read (of the child when it died) */
  long peak_kb;    /* the child's peak: VmHWM, or ru_maxrss when it died */
  long base_kb;    /* its peak before reading (0 when it died) */
} GridMeasure;

static void
run_grid_child (const char *self, const char *dir, const GridCase *gc, GridMeasure *m)
{
  g_autofree char *path = g_build_filename (dir, gc->file, NULL);
  g_autofree char *meta =
    gc->meta_file != NULL ? g_build_filename (dir, gc->meta_file, NULL) : NULL;
  g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, gc->limit);
  g_autofree char *err_path = g_build_filename (dir, "child-stderr.txt", NULL);
  g_autofree char *err = NULL;
  GString *out = g_string_new (NULL);
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0, fds[2];
  pid_t pid;
  char buffer[4096];
  ssize_t n;

  memset (m, 0, sizeof *m);
  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    {
      g_strlcpy (m->result, "could not start", sizeof m->result);
      g_string_free (out, TRUE);
      return;
    }
  if (pid == 0)
    {
      int err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      dup2 (fds[1], STDOUT_FILENO);
      dup2 (err_fd, STDERR_FILENO);
      close (fds[0]);
      if (grid_cap_mb > 0)
        {
          struct rlimit cap = {(rlim_t) grid_cap_mb << 20, (rlim_t) grid_cap_mb << 20};

          setrlimit (RLIMIT_AS, &cap);
        }
      if (meta != NULL)
        execl (self, self, "--child-grid", path, "--child-csv-meta", meta, "--child-limit", limit,
               (char *) NULL);
      else
        execl (self, self, "--child-grid", path, "--child-limit", limit, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    {
      g_strlcpy (m->result, "lost", sizeof m->result);
      g_string_free (out, TRUE);
      return;
    }
  m->seconds = (g_get_monotonic_time () - start) / 1e6;
  m->peak_kb = usage.ru_maxrss;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0 &&
      sscanf (out->str, "%lf %ld %ld %63s", &m->seconds, &m->peak_kb, &m->base_kb, m->result) == 4)
    {
      const char *nl = strchr (out->str, '\n');

      m->ok = TRUE;
      if (nl != NULL && nl[1] != '\0' && nl[1] != '\n')
        m->problem = g_strchomp (g_strdup (nl + 1));
    }
  else
    {
      if (WIFSIGNALED (status))
        g_snprintf (m->result, sizeof m->result, "died (signal %d)", WTERMSIG (status));
      else
        g_snprintf (m->result, sizeof m->result, "exit status %d",
                    WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      /* Why: the last line the child wrote to stderr ("failed to allocate N bytes"). */
      if (g_file_get_contents (err_path, &err, NULL, NULL))
        {
          char *last;

          g_strchomp (err);
          last = strrchr (err, '\n');
          if (*err != '\0')
            m->problem = g_strdup (last != NULL ? last + 1 : err);
        }
    }
  g_unlink (err_path);
  g_string_free (out, TRUE);
}

/* Writes the files of the declared-grid cases into @dir and measures each case once. */
static gboolean
bench_grids (const char *self, const char *dir)
{
  g_autoptr (GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (grid_cases); k++)
    {
      const GridCase *gc = &grid_cases[k];
      g_autofree char *path = g_build_filename (dir, gc->file, NULL);
      g_autofree char *meta =
        gc->meta_file != NULL ? g_build_filename (dir, gc->meta_file, NULL) : NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (meta != NULL ? !crk_test_write_csv_pair (path, meta, gc->rows, CSV_INDICATORS, &error)
                       : !crk_test_write_grid (path, gc->cities, gc->indicators, gc->years,
                                               CRK_TEST_GRID_ONE_VALUE, &error))
        {
          g_printerr ("bench-io: %s\n", error->message);
          return FALSE;
        }
    }

  printf ("Declared grids (one run each; child address space capped at ");
  if (grid_cap_mb > 0)
    printf ("%d MB", grid_cap_mb);
  else
    printf ("nothing");
  printf (", default budget %s unless said)\n\n", "1 GiB");
  printf ("%-38s %9s %-20s %9s %11s %12s\n", "", "file (KB)", "result", "time (s)", "peak (MB)",
          "above start");
  for (guint k = 0; k < G_N_ELEMENTS (grid_cases); k++)
    {
      const GridCase *gc = &grid_cases[k];
      g_autofree char *path = g_build_filename (dir, gc->file, NULL);
      GridMeasure m;
      GStatBuf st;
      double size_kb;

      g_stat (path, &st);
      size_kb = st.st_size / 1024.0;
      if (gc->meta_file != NULL)
        {
          g_autofree char *meta = g_build_filename (dir, gc->meta_file, NULL);

          g_stat (meta, &st);
          size_kb += st.st_size / 1024.0;
        }
      run_grid_child (self, dir, gc, &m);
      if (m.ok)
        printf ("%-38s %9.0f %-20s %9.3f %11.1f %12.1f\n", gc->label, size_kb, m.result, m.seconds,
                m.peak_kb / 1024.0, (m.peak_kb - m.base_kb) / 1024.0);
      else
        printf ("%-38s %9.0f %-20s %9.3f %11.1f %12s\n", gc->label, size_kb, m.result, m.seconds,
                m.peak_kb / 1024.0, "");
      if (m.problem != NULL)
        printf ("%-38s   %s\n", "", m.problem);
      g_free (m.problem);
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *keep = NULL;
  g_autofree char *child_read_path = NULL;
  g_autofree char *child_write_path = NULL;
  g_autofree char *child_grid_path = NULL;
  g_autofree char *child_csv_meta = NULL;
  g_autofree char *child_limit = NULL;
  gboolean no_grids = FALSE, grids_only = FALSE;
  GOptionEntry entries[] = {
    {"cities", 0, 0, G_OPTION_ARG_INT, &n_cities, "Number of cities (2000)", "N"},
    {"indicators", 0, 0, G_OPTION_ARG_INT, &n_indicators, "Number of indicators (100)", "N"},
    {"years", 0, 0, G_OPTION_ARG_INT, &n_years, "Number of years (5)", "N"},
    {"runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs per measurement; the median is shown (3)", "N"},
    {"keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the dataset to FILE and keep it", "FILE"},
    {"child-read", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_read_path, NULL, NULL},
    {"no-grids", 0, 0, G_OPTION_ARG_NONE, &no_grids, "Leave out the declared-grid cases", NULL},
    {"grids-only", 0, 0, G_OPTION_ARG_NONE, &grids_only, "Only the declared-grid cases", NULL},
    {"grid-cap", 0, 0, G_OPTION_ARG_INT, &grid_cap_mb,
     "Address space of a declared-grid child, 0: no cap (4096)", "MB"},
    {"child-write", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_write_path, NULL, NULL},
    {"child-grid", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_grid_path, NULL, NULL},
    {"child-csv-meta", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_csv_meta, NULL, NULL},
    {"child-limit", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_limit, NULL, NULL},
    {NULL},
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("— benchmark of the native dataset format");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *self = NULL;
  CrkBenchMeasure *reads, *writes, *lints, r, w, x;
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
  if (child_grid_path != NULL)
    return child_grid (child_grid_path, child_csv_meta,
                       child_limit != NULL ? g_ascii_strtoll (child_limit, NULL, 10) : 0);
  n_runs = MAX (n_runs, 1);

  self = crk_bench_self (argv[0]);
  schema = g_build_filename (SOURCE_DIR, "data", "cityrank-dataset.rng", NULL);
  dir = g_dir_make_tmp ("crk-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }
  if (keep != NULL)
    path = g_strdup (keep);
  else
    path = g_build_filename (dir, "bench.cityrank.xml", NULL);

  if (grids_only)
    {
      gboolean ok = bench_grids (self, dir);

      crk_bench_remove_dir (dir);
      return ok ? 0 : 1;
    }

  {
    g_autoptr (CrkDataset) ds = make_dataset (&strings);
  }

  reads = g_new0 (CrkBenchMeasure, n_runs);
  writes = g_new0 (CrkBenchMeasure, n_runs);
  lints = g_new0 (CrkBenchMeasure, n_runs);
  for (int i = 0; i < n_runs; i++)
    if (!run_child (self, "--child-write", path, &writes[i]))
      return 1;
  for (int i = 0; i < n_runs; i++)
    {
      if (!run_child (self, "--child-read", path, &reads[i]) ||
          !crk_bench_run_xmllint ("bench-io", schema, path, &lints[i]))
        return 1;
    }
  r = crk_bench_median (reads, n_runs);
  w = crk_bench_median (writes, n_runs);
  x = crk_bench_median (lints, n_runs);

  g_stat (path, &st);
  /* The model keeps a double and a status byte per cell. */
  matrix_mb = (double) n_cities * n_indicators * n_years * (sizeof (double) + 1) / 1048576.0;
  strings_mb = strings / 1048576.0;

  printf ("Dataset: %d cities x %d indicators x %d years, %.1f MB file (%s)\n", n_cities,
          n_indicators, n_years, st.st_size / 1048576.0, path);
  printf ("Value matrix %.1f MB + strings %.2f MB = %.1f MB; median of %d runs\n\n", matrix_mb,
          strings_mb, matrix_mb + strings_mb, n_runs);
  printf ("%-36s %9s %12s %14s\n", "", "time (s)", "peak (MB)", "above start");
  printf ("%-36s %9.3f %12.1f %14.1f\n", "read + validate (crk_dataset_read)", r.seconds,
          r.peak_kb / 1024.0, (r.peak_kb - r.base_kb) / 1024.0);
  printf ("%-36s %9.3f %12.1f %14s\n", "xmllint --stream --relaxng", x.seconds, x.peak_kb / 1024.0,
          "");
  printf ("%-36s %9.3f %12.1f %14s\n", "write (crk_dataset_write, + model)", w.seconds,
          w.peak_kb / 1024.0, "");
  printf ("\nread time / xmllint time: %.2f (target <= 1.4)\n", r.seconds / x.seconds);
  printf ("read peak / (matrix + strings): %.2f (target < 3)\n",
          (r.peak_kb / 1024.0) / (matrix_mb + strings_mb));
  g_free (reads);
  g_free (writes);
  g_free (lints);

  if (!no_grids)
    {
      printf ("\n");
      if (!bench_grids (self, dir))
        return 1;
    }

  crk_bench_remove_dir (dir);
  return 0;
}
