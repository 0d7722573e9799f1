/* test-cli-rank.c: cityrank-cli rank and explain, run as a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-rank"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-writer.h"
#include "crk-engine.h"
#include "crk-test-build.h"

typedef struct
{
  char *dir;
  char *path;
  CrkDataset *dataset;
} Fixture;

/* Three dimensions, six cities; C5 has no data at all. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const char *parents[] = {"D1", "D1", "D2", "D3", "D3"};
  const double x[] = {1, 5, 3,   4, 2, NAN, 9, 1, 3,   4, 4, NAN, 2, 2, 8,
                      1, 5, NAN, 7, 3, 3,   6, 1, NAN, 1, 2, 3,   4, 5, NAN};
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("crk-cli-rank-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "six.cityrank.xml", NULL);
  f->dataset = crk_test_build (6, 5, x, NULL, parents);
  crk_city_set_name (crk_dataset_get_city (f->dataset, 2), "Three, with a comma");
  crk_dataset_set_title (f->dataset, "Six cities");
  crk_dataset_write (f->dataset, f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_clear_object (&f->dataset);
}

/* Runs the CLI; returns its exit status. */
static int
run_cli (const char *const *args, char **out, char **err)
{
  const char *cli = g_getenv ("CRK_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_rank_csv (Fixture *f, gconstpointer data)
{
  const char *args[] = {"rank", f->path, "--format", "csv", NULL};
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (CrkResults) results = crk_compute (f->dataset, NULL, 0, NULL);
  const guint *order;
  guint n_ranked;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8); /* header, 6 cities, "" */
  g_assert_cmpstr (lines[0], ==, "rank,code,name,score,D1,D2,D3,tier");

  order = crk_results_get_order (results, &n_ranked);
  g_assert_cmpuint (n_ranked, ==, 5);
  for (guint k = 0; k < n_ranked; k++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[k + 1], ",", -1);
      guint city = order[k];
      guint offset = city == 2 ? 1 : 0; /* the quoted name holds a comma */

      g_assert_cmpuint (g_strv_length (fields), ==, 8 + offset);
      g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==,
                        crk_results_get_rank (results, city));
      g_assert_cmpstr (fields[1], ==, crk_city_get_code (crk_dataset_get_city (f->dataset, city)));
      /* full precision: the printed score reads back to the same double */
      g_assert_cmpfloat (g_ascii_strtod (fields[3 + offset], NULL), ==,
                         crk_results_get_index_score (results, city));
      g_assert_cmpfloat (
        g_ascii_strtod (fields[6 + offset], NULL), ==,
        crk_results_get_score (results, crk_results_lookup_node (results, "D3"), city));
    }
  g_assert_nonnull (strstr (out, "\"Three, with a comma\""));
  /* the city without data comes last, with an empty rank and no scores */
  g_assert_cmpstr (lines[6], ==, ",C5,City 5,,,,,");
}

static void
test_rank_unranked_reason (Fixture *f, gconstpointer data)
{
  const char *table[] = {"rank", f->path, NULL};
  const char *json[] = {"rank", f->path, "--format", "json", NULL};
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *jout = NULL;
  g_autofree char *jerr = NULL;
  const char *section;

  g_assert_cmpint (run_cli (table, &out, &err), ==, 0);
  section = strstr (out, "Not ranked:");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "C5"));
  g_assert_nonnull (strstr (section, "no data in 2020"));

  g_assert_cmpint (run_cli (json, &jout, &jerr), ==, 0);
  g_assert_nonnull (strstr (jout,
                            "\"unranked\": [\n    {\"code\": \"C5\", \"name\": \"City 5\", "
                            "\"reason\": \"no data in 2020\""));

  /* with a threshold, a city missing one of D1's two indicators is not ranked either */
  crk_dataset_set_value (f->dataset, 0, 1, 0, NAN, CRK_VALUE_STATUS_OBSERVED);
  {
    g_autoptr (GError) error = NULL;
    const char *args[] = {"rank", f->path, "--availability", "0.75", "--format", "json", NULL};
    g_autofree char *tout = NULL;
    g_autofree char *terr = NULL;

    crk_dataset_write (f->dataset, f->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (run_cli (args, &tout, &terr), ==, 0);
    g_assert_nonnull (strstr (tout,
                              "{\"code\": \"C0\", \"name\": \"City 0\", \"reason\": "
                              "\"too little data in 2020: 1 of the 2 parts of “D1” have values, "
                              "and the method requires 75%\""));
  }
}

static void
test_rank_level_and_options (Fixture *f, gconstpointer data)
{
  const char *level[] = {"rank",        f->path,        "--level",   "D1",    "--format", "csv",
                         "--normalise", "zscore:50,10", "--weights", "equal", NULL};
  const char *bad[] = {"rank", f->path, "--normalise", "minmax:5,1", NULL};
  const char *geometric[] = {"rank", f->path, "--aggregate", "geometric", NULL};
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bout = NULL;
  g_autofree char *berr = NULL;
  g_autofree char *gout = NULL;
  g_autofree char *gerr = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_cli (level, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,code,name,score,I0,I1,tier");
  g_assert_cmpint (run_cli (bad, &bout, &berr), ==, 2);
  g_assert_nonnull (strstr (berr, "minmax:5,1"));
  {
    const char *threshold[] = {"rank", f->path, "--availability", "1.5", NULL};
    g_autofree char *aout = NULL;
    g_autofree char *aerr = NULL;

    g_assert_cmpint (run_cli (threshold, &aout, &aerr), ==, 2);
    g_assert_nonnull (strstr (aerr, "between 0 and 1"));
  }
  /* min-max [0, 100] gives zeros: the geometric mean fails and says where */
  g_assert_cmpint (run_cli (geometric, &gout, &gerr), ==, 1);
  g_assert_nonnull (strstr (gerr, "2020"));
  g_assert_nonnull (strstr (gerr, "geometric"));
}

static void
test_explain (Fixture *f, gconstpointer data)
{
  const char *csv[] = {"explain", f->path, "C1", "City 3", "--format", "csv", NULL};
  const char *table[] = {"explain", f->path, "C1", "C3", NULL};
  const char *unranked[] = {"explain", f->path, "C1", "C5", NULL};
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tout = NULL;
  g_autofree char *terr = NULL;
  g_autofree char *uout = NULL;
  g_autofree char *uerr = NULL;
  g_auto (GStrv) lines = NULL;
  double sum = 0, sum_line, gap;

  g_assert_cmpint (run_cli (csv, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "code,name,contribution_a,contribution_b,gap");
  for (guint k = 1; k <= 3; k++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[k], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[2], NULL) -
                                        g_ascii_strtod (fields[3], NULL),
                                      g_ascii_strtod (fields[4], NULL), 1e-12);
      sum += g_ascii_strtod (fields[4], NULL);
    }
  g_assert_true (g_str_has_prefix (lines[4], "sum,"));
  sum_line = g_ascii_strtod (strrchr (lines[4], ',') + 1, NULL);
  g_assert_true (g_str_has_prefix (lines[5], "score,"));
  gap = g_ascii_strtod (strrchr (lines[5], ',') + 1, NULL);
  g_assert_cmpfloat_with_epsilon (sum, gap, 1e-9);
  g_assert_cmpfloat_with_epsilon (sum_line, gap, 1e-9);
  g_assert_cmpfloat (fabs (gap), >, 1);

  g_assert_cmpint (run_cli (table, &tout, &terr), ==, 0);
  g_assert_nonnull (strstr (tout, "Check: the parts add up to"));
  g_assert_cmpint (run_cli (unranked, &uout, &uerr), ==, 1);
  g_assert_nonnull (strstr (uerr, "“C5”"));
}

/* COINr's ASEM example through a dataset file and the CLI. */
static void
test_rank_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  const char *want[] = {"DEU 75.23", "GBR 68.94", "FRA 65.92",
                        "CHE 62.61", "NLD 61.24", "SWE 60.59"};

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "data", "external", "asem", NULL);
  dataset = crk_test_load_asem (dir, &error);
  g_assert_no_error (error);
  tmp = g_dir_make_tmp ("crk-cli-asem-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp, "asem.cityrank.xml", NULL);
  crk_dataset_write (dataset, path, &error);
  g_assert_no_error (error);
  {
    const char *args[] = {"rank",         path,          "--format",   "csv", "--normalise",
                          "minmax:0,100", "--aggregate", "arithmetic", NULL};

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  g_unlink (path);
  g_rmdir (tmp);

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,code,name,score,Conn,Sust,tier");
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[k + 1], ",", -1);
      g_autofree char *got =
        g_strdup_printf ("%s %.2f", fields[1], g_ascii_strtod (fields[3], NULL));

      g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==, k + 1);
      g_assert_cmpstr (got, ==, want[k]);
    }
}

/* A CSV pair straight from the command line (either table names the pair). */
static void
test_rank_asem_csv (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *meta = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  meta = g_build_filename (shared, "data", "external", "asem", "asem_imeta.csv", NULL);
  {
    const char *args[] = {"rank", meta, "--format", "csv", "--level", "Sust", NULL};

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,code,name,score,Environ,Social,SusEcFin,tier");
  g_assert_cmpuint (g_strv_length (lines), ==, 53);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CRK_CLI") == NULL)
    {
      g_test_skip ("CRK_CLI is not set");
      return g_test_run ();
    }
  g_test_add ("/analysis/cli/rank-csv", Fixture, NULL, fixture_set_up, test_rank_csv,
              fixture_tear_down);
  g_test_add ("/analysis/cli/rank-unranked", Fixture, NULL, fixture_set_up,
              test_rank_unranked_reason, fixture_tear_down);
  g_test_add ("/analysis/cli/rank-options", Fixture, NULL, fixture_set_up,
              test_rank_level_and_options, fixture_tear_down);
  g_test_add ("/analysis/cli/explain", Fixture, NULL, fixture_set_up, test_explain,
              fixture_tear_down);
  g_test_add_func ("/analysis/cli/rank-asem", test_rank_asem);
  g_test_add_func ("/analysis/cli/rank-asem-csv", test_rank_asem_csv);

  return g_test_run ();
}
