/* crk-bench-common.c: what the benchmarks that measure children share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crk-bench-common.h"

long
crk_bench_peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (p = strstr (status, "VmHWM:")) != NULL)
    return atol (p + strlen ("VmHWM:"));
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

void
crk_bench_clock_start (CrkBenchClock *clock)
{
  clock->base_kb = crk_bench_peak_kb ();
  clock->start = g_get_monotonic_time ();
}

char *
crk_bench_clock_line (const CrkBenchClock *clock)
{
  double seconds = (g_get_monotonic_time () - clock->start) / 1e6;

  return g_strdup_printf ("%.6f %ld %ld", seconds, crk_bench_peak_kb (), clock->base_kb);
}

gboolean
crk_bench_run_child (const char *prog,
                     const char *what,
                     const char *const *argv,
                     gboolean counts,
                     CrkBenchMeasure *m)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  int n_fields;

  memset (m, 0, sizeof *m);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    n_fields = 0;
  else if (counts)
    n_fields = sscanf (out, "%lf %ld %ld %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &m->seconds,
                       &m->peak_kb, &m->base_kb, &m->n, &m->n_missing);
  else
    n_fields = sscanf (out, "%lf %ld %ld", &m->seconds, &m->peak_kb, &m->base_kb);
  if (n_fields != (counts ? 5 : 3))
    {
      g_printerr ("%s: %s failed: %s\n", prog, what, error != NULL ? error->message : out);
      return FALSE;
    }
  return TRUE;
}

gboolean
crk_bench_run_xmllint (const char *prog, const char *schema, const char *path, CrkBenchMeasure *m)
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
      if (schema != NULL)
        execlp ("xmllint", "xmllint", "--stream", "--noout", "--relaxng", schema, path,
                (char *) NULL);
      else
        execlp ("xmllint", "xmllint", "--stream", "--noout", path, (char *) NULL);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s: xmllint failed on %s (status %d)\n", prog, path, status);
      return FALSE;
    }
  memset (m, 0, sizeof *m);
  m->seconds = (g_get_monotonic_time () - start) / 1e6;
  m->peak_kb = usage.ru_maxrss;
  return TRUE;
}

static int
compare_measures (gconstpointer a, gconstpointer b)
{
  double x = ((const CrkBenchMeasure *) a)->seconds, y = ((const CrkBenchMeasure *) b)->seconds;

  return x < y ? -1 : x > y;
}

CrkBenchMeasure
crk_bench_median (CrkBenchMeasure *runs, int n)
{
  qsort (runs, (size_t) n, sizeof *runs, compare_measures);
  return runs[n / 2];
}

long
crk_bench_max_peak (const CrkBenchMeasure *runs, int n)
{
  long peak = 0;

  for (int i = 0; i < n; i++)
    peak = MAX (peak, runs[i].peak_kb);
  return peak;
}

char *
crk_bench_self (const char *argv0)
{
  char *self = g_file_read_link ("/proc/self/exe", NULL);

  return self != NULL ? self : g_strdup (argv0);
}

void
crk_bench_remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
