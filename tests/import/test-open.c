/* test-open.c: one way in: detecting the format from the content (a dataset file renamed
 * .xml, COINr's CSV pair, a single CSV table, an xlsx workbook, an SDMX-ML file) and
 * crk_open_file(), synchronously, asynchronously and cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-open.h"

static char *tmp_dir;

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
shared_path (const char *folder, const char *name)
{
  const char *dir = g_getenv ("CRK_SHARED_DIR");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "data", "external", folder, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

static const char *
detect_id (const char *path)
{
  g_autoptr (GError) error = NULL;
  const CrkImporter *importer = crk_import_detect (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (importer);
  return importer->id;
}

/* A native file renamed .xml: the root element says so. */
static char *
native_renamed (void)
{
  g_autofree char *sample = g_test_build_filename (
    G_TEST_DIST, "..", "data", "samples", "shenzhen-emerging-industries-2020.cityrank.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (sample, &contents, NULL, &error);
  g_assert_no_error (error);
  return write_file ("renamed.xml", contents);
}

static void
write_coinr_pair (char **data, char **meta)
{
  *data = write_file ("pair_data.csv",
                      "uCode,uName,Time,A,B\n"
                      "SZ,Shenzhen,2020,1.5,3\n"
                      "GZ,Guangzhou,2020,2.5,4\n");
  *meta = write_file ("pair_meta.csv",
                      "iCode,iName,Type,Level,Parent,Weight,Direction\n"
                      "INDEX,Index,Aggregate,2,,1,\n"
                      "A,Alpha,Indicator,1,INDEX,1,1\n"
                      "B,Beta,Indicator,1,INDEX,1,-1\n");
}

static void
test_detect (void)
{
  g_autofree char *native = native_renamed ();
  g_autofree char *data = NULL, *meta = NULL;
  g_autofree char *table =
    write_file ("table.csv", "City,GDP,Population\nShenzhen,1,2\nGuangzhou,3,4\n");
  g_autofree char *xlsx = shared_path ("spreadsheets", "SSPs_POP_Prov_v2.xlsx");
  g_autofree char *sdmx = shared_path ("sdmx-ml", "estat_data.xml");

  write_coinr_pair (&data, &meta);
  g_assert_cmpstr (detect_id (native), ==, "cityrank");
  g_assert_cmpstr (detect_id (data), ==, "coinr");
  g_assert_cmpstr (detect_id (meta), ==, "coinr");
  g_assert_cmpstr (detect_id (table), ==, "csv-table");
  if (xlsx != NULL)
    g_assert_cmpstr (detect_id (xlsx), ==, "xlsx");
  if (sdmx != NULL)
    g_assert_cmpstr (detect_id (sdmx), ==, "sdmx-2.1");
  if (xlsx == NULL || sdmx == NULL)
    g_test_message ("the shared sample files are not here (CRK_SHARED_DIR): xlsx and SDMX skipped");
}

static CrkDataset *
open_ok (const char *path, const CrkImportOptions *options)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset = crk_open_file (path, options, report, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return dataset;
}

static void
test_open (void)
{
  g_autofree char *native = native_renamed ();
  g_autofree char *data = NULL, *meta = NULL;
  g_autofree char *table =
    write_file ("table2.csv", "City,GDP,Population\nShenzhen,1,2\nGuangzhou,3,4\n");
  g_autofree char *xlsx = shared_path ("spreadsheets", "SSPs_POP_Prov_v2.xlsx");
  g_autofree char *sdmx = shared_path ("sdmx-ml", "estat_data.xml");
  CrkImportOptions options = {0};

  write_coinr_pair (&data, &meta);
  {
    g_autoptr (CrkDataset) dataset = open_ok (native, NULL);

    g_assert_cmpuint (crk_dataset_get_n_cities (dataset), >, 0);
  }
  {
    g_autoptr (CrkDataset) dataset = open_ok (meta, NULL);

    g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 2);
    g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), ==, 2);
    g_assert_cmpfloat (crk_dataset_get_value (dataset, 0, 0, 0), ==, 1.5);
  }
  options.default_year = 2020;
  {
    g_autoptr (CrkDataset) dataset = open_ok (table, &options);

    g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 2);
    g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), ==, 2);
    g_assert_cmpuint (crk_dataset_get_n_years (dataset), ==, 1);
    g_assert_cmpint (crk_dataset_get_year (dataset, 0), ==, 2020);
    g_assert_cmpstr (crk_dataset_get_title (dataset), ==, "table2");
  }
  if (xlsx != NULL)
    {
      g_autoptr (CrkDataset) dataset = open_ok (xlsx, NULL);

      g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 31);
    }
  if (sdmx != NULL)
    {
      g_autoptr (CrkDataset) dataset = open_ok (sdmx, NULL);

      g_assert_cmpuint (crk_dataset_get_n_cities (dataset), >, 0);
    }
}

/* Problems in the report, located; a file of no known format. */
static void
test_problems (void)
{
  g_autofree char *table = write_file ("noyear.csv", "City,GDP,Population\nShenzhen,1,2\n");
  g_autofree char *junk = write_file ("junk.bin", "\001\002\003");

  {
    g_autoptr (CrkImportReport) report = crk_import_report_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (CrkDataset) dataset = crk_open_file (table, NULL, report, NULL, &error);

    g_assert_null (dataset);
    g_assert_nonnull (error);
    g_assert_cmpuint (report->problems->len, >, 0);
  }
  {
    g_autoptr (CrkImportReport) report = crk_import_report_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (CrkDataset) dataset = crk_open_file (junk, NULL, report, NULL, &error);
    CrkProblem *problem;

    g_assert_null (dataset);
    g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
    g_assert_cmpuint (report->problems->len, ==, 1);
    problem = g_ptr_array_index (report->problems, 0);
    g_assert_cmpstr (problem->file, ==, junk);
  }
}

static void
test_cancelled (void)
{
  g_autofree char *native = native_renamed ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  g_cancellable_cancel (cancellable);
  dataset = crk_open_file (native, NULL, report, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (report->problems->len, ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  CrkDataset *dataset;
  CrkImportReport *report;
  GError *error;
  guint n_progress;
  double last;
} AsyncRun;

static void
on_progress (double fraction, gpointer data)
{
  AsyncRun *run = data;

  g_assert_cmpfloat (fraction, >=, run->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  run->last = fraction;
  run->n_progress++;
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncRun *run = data;

  (void) source;
  run->dataset = crk_open_file_finish (result, &run->report, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_async (const char *path, GCancellable *cancellable, AsyncRun *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  crk_open_file_async (path, NULL, on_progress, run, cancellable, on_opened, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
test_async (void)
{
  g_autofree char *data = NULL, *meta = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncRun run = {0};

  write_coinr_pair (&data, &meta);
  run_async (data, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.dataset);
  g_assert_nonnull (run.report);
  g_assert_cmpuint (crk_dataset_get_n_cities (run.dataset), ==, 2);
  g_clear_object (&run.dataset);
  g_clear_pointer (&run.report, crk_import_report_free);

  memset (&run, 0, sizeof run);
  g_cancellable_cancel (cancellable);
  run_async (data, cancellable, &run);
  g_assert_null (run.dataset);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.n_progress, ==, 0);
  g_clear_error (&run.error);
  g_clear_pointer (&run.report, crk_import_report_free);
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("crk-test-open-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/open/detect", test_detect);
  g_test_add_func ("/open/open", test_open);
  g_test_add_func ("/open/problems", test_problems);
  g_test_add_func ("/open/cancelled", test_cancelled);
  g_test_add_func ("/open/async", test_async);
  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
