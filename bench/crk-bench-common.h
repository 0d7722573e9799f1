/* crk-bench-common.h: what the benchmarks that measure children share (bench-io,
 * bench-import)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark runs each measurement in a child, this program again in a child mode, so
 * that the peak memory (VmHWM) belongs to that measurement alone. The child takes a
 * CrkBenchClock before the work and, after it, prints crk_bench_clock_line() (and, when it
 * counts, the two counts) on the first line of its output; crk_bench_run_child() reads
 * them back into a CrkBenchMeasure.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double seconds;    /* wall time */
  long peak_kb;      /* peak resident set size */
  long base_kb;      /* the peak before the work (0 when not known) */
  guint64 n;         /* what the child counted (0 when it counts nothing) */
  guint64 n_missing; /* of which missing */
} CrkBenchMeasure;

typedef struct
{
  gint64 start;
  long base_kb;
} CrkBenchClock;

/* Peak resident set size of this process, in kB: VmHWM, else getrusage's ru_maxrss. */
long crk_bench_peak_kb (void);

/* In a child: the peak so far and the time, before the work. */
void crk_bench_clock_start (CrkBenchClock *clock);

/* In a child, after the work: "SECONDS PEAK_KB BASE_KB" (no newline), newly allocated. */
char *crk_bench_clock_line (const CrkBenchClock *clock);

/* Runs @argv (NULL-terminated; argv[0] the program) and reads the first fields of its
 * output into @m: three, or with @counts five (the counts). The child's stderr is this
 * process's. FALSE, after saying on stderr "@prog: @what failed: why", when it cannot
 * run, fails or prints something else. */
gboolean crk_bench_run_child (const char *prog,
                              const char *what,
                              const char *const *argv,
                              gboolean counts,
                              CrkBenchMeasure *m);

/* Runs `xmllint --stream --noout [--relaxng @schema] @path` in a child, its output thrown
 * away: the wall time and its peak (from wait4) into @m, the rest 0. FALSE, after saying
 * so on stderr (as @prog), when it fails. */
gboolean
crk_bench_run_xmllint (const char *prog, const char *schema, const char *path, CrkBenchMeasure *m);

/* The run of median time among the @n of @runs (which it sorts by time); its peak is that
 * of the same run. */
CrkBenchMeasure crk_bench_median (CrkBenchMeasure *runs, int n);

/* The largest peak of the @n of @runs. */
long crk_bench_max_peak (const CrkBenchMeasure *runs, int n);

/* This program's path, to run it again: /proc/self/exe, else @argv0. */
char *crk_bench_self (const char *argv0);

/* Removes the files of @dir, then @dir. */
void crk_bench_remove_dir (const char *dir);

G_END_DECLS
