/* bench-report.c: time and peak memory to write the sample's full ranking report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the advanced-manufacturing sample (100 cities), computes it once, then lays out
 * and writes the whole report (every section, all 100 profiles, A4) a few times. Prints
 * the median and fastest wall times of the layout and of the whole write, the CPU time of
 * the whole write, and the process's peak resident memory before and after. Targets:
 * under 3 s and under 200 MB.
 */
#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"
#include "crk-report.h"

#define RUNS 5
#define TARGET_S 3.0
#define TARGET_MB 200.0

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

int
main (int argc, char **argv)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkReportOptions) options = crk_report_options_new ();
  double layout[RUNS], total[RUNS], cpu[RUNS];
  double before, after;
  guint n_pages = 0;
  GStatBuf st;
  gboolean ok;

  setlocale (LC_ALL, "");
  crk_locale_set_language (argc > 1 ? argv[1] : NULL);
  path = g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples",
                           "advanced-manufacturing-cities.cityrank.xml", NULL);
  dataset = crk_dataset_read (path, NULL, &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 1;
    }
  results = crk_compute (dataset, NULL, 0, &error);
  if (results == NULL)
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  before = peak_mb ();

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      g_autoptr (CrkReport) report = crk_report_new (results, options, &error);
      gint64 laid_out = g_get_monotonic_time ();

      if (report == NULL || !crk_report_write_pdf (report, pdf, &error))
        {
          fprintf (stderr, "bench-report: %s\n", error->message);
          return 1;
        }
      layout[i] = (laid_out - start) / 1e6;
      total[i] = (g_get_monotonic_time () - start) / 1e6;
      cpu[i] = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;
      n_pages = crk_report_get_n_pages (report);
    }
  after = peak_mb ();
  qsort (layout, RUNS, sizeof (double), compare_double);
  qsort (total, RUNS, sizeof (double), compare_double);
  qsort (cpu, RUNS, sizeof (double), compare_double);
  if (g_stat (pdf, &st) != 0)
    st.st_size = 0;

  printf ("report of %u cities, %u pages (all sections, 100 profiles, A4), %d runs\n",
          crk_results_get_n_ranked (results), n_pages, RUNS);
  printf ("  layout          median %.3f s  fastest %.3f s\n", layout[RUNS / 2], layout[0]);
  printf ("  layout + PDF    median %.3f s  fastest %.3f s  (target < %.0f s)\n", total[RUNS / 2],
          total[0], TARGET_S);
  printf ("  CPU time        median %.3f s  fastest %.3f s  (wall time above includes waiting for "
          "a busy machine)\n",
          cpu[RUNS / 2], cpu[0]);
  printf ("  peak memory     %.1f MB (%.1f MB before the first report; target < %.0f MB)\n", after,
          before, TARGET_MB);
  printf ("  PDF size        %.2f MB\n", st.st_size / (1024.0 * 1024.0));
  ok = total[RUNS / 2] < TARGET_S && after < TARGET_MB;
  printf ("  %s\n", ok ? "within target" : "OVER TARGET");

  g_remove (pdf);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
