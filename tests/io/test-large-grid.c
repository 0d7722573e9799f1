/* test-large-grid.c: a small file that declares a large grid costs little memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A native file declares its cities, indicators and years before any value, and a
 * COINr CSV pair whose every row is a new city and a new year makes the panel grow with
 * the square of its rows. Reading such files must cost memory for the values they hold,
 * not for the grid they declare; a grid too large to rank within the memory budget
 * (crk-io-limits.h) is refused before anything is allocated for it.
 *
 * The files are generated into a temporary folder (crk-test-grids.c) when the tests
 * start and removed at the end. Each case reads its file in a subprocess, which measures
 * the growth of its own peak resident memory (VmHWM) around the read. Outside
 * AddressSanitizer the subprocess also caps its address space a few GiB above its size,
 * so that a reader that allocates the declared grid fails there (or shows its growth)
 * instead of taking the machine's memory.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-io-limits.h"
#include "crk-model.h"
#include "crk-test-grids.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* AddressSanitizer's redzones, shadow and quarantine: the fixed reader's growths are
 * about three times larger under it (44 MiB instead of 13 for the 4096-grid). */
#define SANITIZER_FACTOR (UNDER_ASAN ? 2 : 1)

/* Memory a successful read may add: the values of these files take a few kB, the names
 * a few MB; AddressSanitizer's redzones and quarantine add some. The unfixed reader
 * needs 2.1 GB and more. */
#define MAX_READ_GROWTH (SANITIZER_FACTOR * 256 * MiB)
/* Memory importing the CSV pairs may add: their values take a few hundred kB, the
 * tables a few MB; the unfixed import needs 315 MB for 3,000 rows. */
#define MAX_CSV_GROWTH (SANITIZER_FACTOR * 128 * MiB)
/* Memory a refused file may make the reader take. */
#define MAX_REFUSAL_GROWTH (SANITIZER_FACTOR * 64 * MiB)
/* The budget under which the 4096 × 4096 grid (512 MiB to rank) is refused. */
#define SMALL_BUDGET (64 * MiB)
/* Headroom of the subprocess's address space above its size at the start of a case. */
#define ADDRESS_SPACE_HEADROOM (4 * GiB)
/* Each subprocess: the unfixed reader takes about 7 s for the 1024-grid without
 * sanitizers; leave room for AddressSanitizer and a busy machine. */
#define CHILD_TIMEOUT_USEC (G_USEC_PER_SEC * 120)

/* The files, in the folder named by CRK_TEST_GRID_DIR (set by the parent process, which
 * makes it, for its subprocesses). */
#define GRID_1024_ONE "grid-1024x1024x256-one-value.cityrank.xml"
#define GRID_1024_EMPTY "grid-1024x1024x256-empty-values.cityrank.xml"
#define GRID_1024_NO_VALUES "grid-1024x1024x256-no-values.cityrank.xml"
#define GRID_1024_UNKNOWN "grid-1024x1024x256-unknown-element.cityrank.xml"
#define GRID_4096_ONE "grid-4096x4096x64-one-value.cityrank.xml"
#define GRID_4096_UNKNOWN "grid-4096x4096x64-unknown-element.cityrank.xml"
#define CSV_INDICATORS 4
#define CSV_SMALL_ROWS 3000
#define CSV_BIG_ROWS 9000

static char *grid_dir;

static char *
grid_path (const char *name)
{
  return g_build_filename (grid_dir, name, NULL);
}

static char *
csv_path (guint rows, const char *table)
{
  g_autofree char *name = g_strdup_printf ("rows%u_%s.csv", rows, table);

  return g_build_filename (grid_dir, name, NULL);
}

static void
make_files (void)
{
  static const struct
  {
    const char *name;
    guint cities, indicators, years;
    CrkTestGridValues values;
  } grids[] = {
    {GRID_1024_ONE, 1024, 1024, 256, CRK_TEST_GRID_ONE_VALUE},
    {GRID_1024_EMPTY, 1024, 1024, 256, CRK_TEST_GRID_EMPTY_VALUES},
    {GRID_1024_NO_VALUES, 1024, 1024, 256, CRK_TEST_GRID_NO_VALUES},
    {GRID_1024_UNKNOWN, 1024, 1024, 256, CRK_TEST_GRID_UNKNOWN_ELEMENT},
    {GRID_4096_ONE, 4096, 4096, 64, CRK_TEST_GRID_ONE_VALUE},
    {GRID_4096_UNKNOWN, 4096, 4096, 64, CRK_TEST_GRID_UNKNOWN_ELEMENT},
  };
  static const guint csv_rows[] = {CSV_SMALL_ROWS, CSV_BIG_ROWS};
  g_autoptr (GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (grids); k++)
    {
      g_autofree char *path = grid_path (grids[k].name);

      crk_test_write_grid (path, grids[k].cities, grids[k].indicators, grids[k].years,
                           grids[k].values, &error);
      g_assert_no_error (error);
    }
  for (guint k = 0; k < G_N_ELEMENTS (csv_rows); k++)
    {
      g_autofree char *data = csv_path (csv_rows[k], "data");
      g_autofree char *meta = csv_path (csv_rows[k], "meta");

      crk_test_write_csv_pair (data, meta, csv_rows[k], CSV_INDICATORS, &error);
      g_assert_no_error (error);
    }
}

static void
remove_files (void)
{
  g_autoptr (GDir) dir = g_dir_open (grid_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (grid_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (grid_dir);
}

/* In the subprocess */

static guint64
status_bytes (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (p = strstr (status, field)) != NULL)
    return g_ascii_strtoull (p + strlen (field), NULL, 10) * 1024;
  return 0;
}

/* Starts measuring: caps the address space (not under AddressSanitizer, whose shadow
 * memory reserves terabytes) and returns the base of the peak. */
static guint64
meter_start (void)
{
  guint64 size = status_bytes ("VmSize:");

  if (!UNDER_ASAN && size > 0)
    {
      struct rlimit limit;

      if (getrlimit (RLIMIT_AS, &limit) == 0)
        {
          rlim_t cap = (rlim_t) (size + ADDRESS_SPACE_HEADROOM);

          /* Only ever lower it (below the hard limit, then). */
          if (limit.rlim_cur == RLIM_INFINITY || cap < limit.rlim_cur)
            {
              limit.rlim_cur = cap;
              setrlimit (RLIMIT_AS, &limit);
            }
        }
    }
  return crk_test_reset_peak ();
}

/* The growth of the peak since @base, printed for the log. */
static guint64
meter_growth (guint64 base, const char *what)
{
  guint64 peak = crk_test_peak_bytes ();
  guint64 growth = peak > base ? peak - base : 0;

  g_printerr ("# %s: peak resident memory grew by %.1f MiB (to %.1f MiB)\n", what,
              growth / (double) MiB, peak / (double) MiB);
  return growth;
}

static const char *
basename_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? slash + 1 : path;
}

/* Reads @path expecting success; checks the growth of the peak. */
static CrkDataset *
read_grid (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  guint64 base = meter_start ();
  gint64 start = g_get_monotonic_time ();
  CrkDataset *ds = crk_dataset_read (path, &problems, &error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  guint64 growth = meter_growth (base, basename_of (path));

  g_printerr ("# %s: read in %.2f s\n", basename_of (path), seconds);
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_true (problems == NULL || problems->len == 0);
  g_assert_cmpuint (growth, <, MAX_READ_GROWTH);
  return ds;
}

/* The dataset has the declared grid, with one value (or none) where the generator
 * put it and NAN elsewhere. Checks every cell of the value's city and every city's
 * cell of the value's indicator and year, not the whole grid (2^28 cells and more). */
static void
check_grid (CrkDataset *ds, guint n_cities, guint n_indicators, guint n_years, gboolean one_value)
{
  g_autofree char *last_city = g_strdup_printf ("C%u", n_cities - 1);
  g_autofree char *last_indicator = g_strdup_printf ("I%u", n_indicators - 1);
  guint city, indicator, year_index;

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, n_cities);
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, n_indicators);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, n_years);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, CRK_TEST_GRID_FIRST_YEAR);
  g_assert_cmpint (crk_dataset_get_year (ds, n_years - 1), ==,
                   CRK_TEST_GRID_FIRST_YEAR + (int) n_years - 1);
  g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, n_cities - 1)), ==, last_city);
  g_assert_cmpstr (crk_indicator_get_code (crk_dataset_get_indicator (ds, n_indicators - 1)), ==,
                   last_indicator);
  g_assert_nonnull (crk_dataset_get_framework (ds));
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 2);

  crk_test_grid_value_at (n_cities, n_indicators, n_years, &city, &indicator, &year_index);
  for (guint i = 0; i < n_indicators; i++)
    for (guint y = 0; y < n_years; y++)
      {
        double v = crk_dataset_get_value (ds, city, i, y);

        if (one_value && i == indicator && y == year_index)
          g_assert_cmpfloat (v, ==, CRK_TEST_GRID_VALUE);
        else
          g_assert_true (isnan (v));
      }
  for (guint c = 0; c < n_cities; c++)
    if (c != city)
      {
        g_assert_true (isnan (crk_dataset_get_value (ds, c, indicator, year_index)));
        g_assert_true (isnan (crk_dataset_get_value (ds, c, 0, 0)));
      }
}

/* Reads @path expecting a refusal; checks that the refusal allocated nothing big and
 * returns the problems. */
static GPtrArray *
refuse_grid (const char *path)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *problems = NULL;
  guint64 base = meter_start ();
  g_autoptr (CrkDataset) ds = crk_dataset_read (path, &problems, &error);
  guint64 growth = meter_growth (base, basename_of (path));

  g_assert_null (ds);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CRK_IMPORT_ERROR);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint k = 0; k < problems->len; k++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (problems, k));

      g_printerr ("# %s\n", text);
    }
  g_assert_cmpuint (growth, <, MAX_REFUSAL_GROWTH);
  return problems;
}

/* Each case runs in a subprocess: the parent reports a failure, a crash or a timeout
 * of the child (whose messages and figures go to stderr) and goes on with the next
 * case instead of dying with it. */
#define RUN_IN_SUBPROCESS()                                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!g_test_subprocess ())                                                                     \
      {                                                                                            \
        g_test_set_nonfatal_assertions ();                                                         \
        g_test_trap_subprocess (NULL, CHILD_TIMEOUT_USEC, G_TEST_SUBPROCESS_INHERIT_STDERR);       \
        g_test_trap_assert_passed ();                                                              \
        return;                                                                                    \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

/* (a) 1,024 cities × 1,024 indicators × 256 years, one value: 2^28 cells, within the
 * old cell limit, 32 MiB to rank. */
static void
test_declared_one_value (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CrkDataset) ds = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_1024_ONE);
  ds = read_grid (path);
  check_grid (ds, 1024, 1024, 256, TRUE);
}

/* (b) the same grid with an empty <values/>. */
static void
test_declared_empty_values (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CrkDataset) ds = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_1024_EMPTY);
  ds = read_grid (path);
  check_grid (ds, 1024, 1024, 256, FALSE);
}

/* (c) 4,096 cities × 4,096 indicators × 64 years, one value: 2^30 cells, 512 MiB to
 * rank, within the default budget of 1 GiB. */
static void
test_declared_4096 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CrkDataset) ds = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_4096_ONE);
  ds = read_grid (path);
  check_grid (ds, 4096, 4096, 64, TRUE);
}

/* (c) under a budget of 64 MiB: refused, with a problem that names the grid and the
 * budget at a place in the file, before the grid is allocated. */
static void
test_declared_4096_over_budget (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  CrkProblem *found = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (SMALL_BUDGET);
  path = grid_path (GRID_4096_ONE);
  problems = refuse_grid (path);
  for (guint k = 0; k < problems->len && found == NULL; k++)
    {
      CrkProblem *p = g_ptr_array_index (problems, k);

      if (strstr (p->message, "4096 cities × 4096 indicators") != NULL)
        found = p;
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_cmpstr (found->file, ==, path);
  g_assert_cmpint (found->line, >, 0);
  g_assert_cmpint (found->column, >, 0);
  g_assert_nonnull (strstr (found->message, "CRK_MEMORY_LIMIT"));
  g_assert_nonnull (strstr (found->message, "512"));
  g_assert_nonnull (strstr (found->message, "limit of 64"));
}

/* Whether @problems has one of @code. */
static gboolean
has_problem (GPtrArray *problems, CrkImportError code)
{
  for (guint k = 0; k < problems->len; k++)
    if (((CrkProblem *) g_ptr_array_index (problems, k))->code == code)
      return TRUE;
  return FALSE;
}

/* A file the schema refuses (an unknown element after the values) that declares a grid
 * within the budget: the refusal allocates nothing for the grid. */
static void
test_refused_1024 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_1024_UNKNOWN);
  problems = refuse_grid (path);
  g_assert_true (has_problem (problems, CRK_IMPORT_ERROR_SCHEMA));
}

static void
test_refused_4096 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_4096_UNKNOWN);
  problems = refuse_grid (path);
  g_assert_true (has_problem (problems, CRK_IMPORT_ERROR_SCHEMA));
}

/* The 1024-grid without the (required) <values> element: refused by the schema, and
 * nothing allocated for the grid. (Before the reader checked the required sections
 * itself, libxml2 2.9.14 reported the missing <values> of such a file through a node it
 * had freed: SIGBUS in __xmlRaiseError without AddressSanitizer.) */
static void
test_no_values_element (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  RUN_IN_SUBPROCESS ();
  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  path = grid_path (GRID_1024_NO_VALUES);
  problems = refuse_grid (path);
  g_assert_true (has_problem (problems, CRK_IMPORT_ERROR_SCHEMA));
}

/* (d), (e) the CSV pairs: every row a new city and a new year. */
static void
check_csv (guint rows)
{
  g_autofree char *data = csv_path (rows, "data");
  g_autofree char *meta = csv_path (rows, "meta");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  guint64 base;
  guint64 growth;
  gint64 start;

  crk_io_set_memory_limit (CRK_DEFAULT_MEMORY_LIMIT);
  base = meter_start ();
  start = g_get_monotonic_time ();
  ds = crk_csv_import (data, meta, 0, &problems, &error);
  g_printerr ("# %s: imported in %.2f s\n", basename_of (data),
              (g_get_monotonic_time () - start) / 1e6);
  growth = meter_growth (base, basename_of (data));
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpuint (growth, <, MAX_CSV_GROWTH);

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, rows);
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, CSV_INDICATORS);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, rows);
  for (guint r = 0; r < rows; r += 97)
    {
      g_autofree char *code = g_strdup_printf ("C%u", r);
      int y = crk_dataset_lookup_year (ds, CRK_TEST_CSV_FIRST_YEAR + (int) r);

      g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, r)), ==, code);
      g_assert_cmpint (y, >=, 0);
      for (guint i = 0; i < CSV_INDICATORS; i++)
        {
          g_assert_cmpfloat (crk_dataset_get_value (ds, r, i, y), ==, crk_test_csv_value (r, i));
          /* The city has no value in the other years, nor the year in other cities. */
          g_assert_true (isnan (crk_dataset_get_value (ds, r, i, (y + 1) % rows)));
          g_assert_true (isnan (crk_dataset_get_value (ds, (r + 1) % rows, i, y)));
        }
    }
}

static void
test_csv_small (void)
{
  RUN_IN_SUBPROCESS ();
  check_csv (CSV_SMALL_ROWS);
}

static void
test_csv_big (void)
{
  RUN_IN_SUBPROCESS ();
  check_csv (CSV_BIG_ROWS);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_test_subprocess ())
    {
      grid_dir = g_strdup (g_getenv ("CRK_TEST_GRID_DIR"));
      g_assert_nonnull (grid_dir);
    }
  else
    {
      g_autoptr (GError) error = NULL;

      grid_dir = g_dir_make_tmp ("crk-large-grid-XXXXXX", &error);
      g_assert_no_error (error);
      make_files ();
      g_setenv ("CRK_TEST_GRID_DIR", grid_dir, TRUE);
    }

  g_test_add_func ("/io/large-grid/declared-one-value", test_declared_one_value);
  g_test_add_func ("/io/large-grid/declared-empty-values", test_declared_empty_values);
  g_test_add_func ("/io/large-grid/declared-4096", test_declared_4096);
  g_test_add_func ("/io/large-grid/declared-4096-over-budget", test_declared_4096_over_budget);
  g_test_add_func ("/io/large-grid/refused-schema-1024", test_refused_1024);
  g_test_add_func ("/io/large-grid/refused-schema-4096", test_refused_4096);
  g_test_add_func ("/io/large-grid/no-values-element", test_no_values_element);
  g_test_add_func ("/io/large-grid/csv-3000-rows", test_csv_small);
  g_test_add_func ("/io/large-grid/csv-9000-rows", test_csv_big);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_files ();
  g_free (grid_dir);
  return status;
}
