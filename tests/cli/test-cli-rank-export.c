/* test-cli-rank-export.c: cityrank-cli rank FILE --format csv|xlsx -o OUT: the ranking
 * table the window exports, read back (the xlsx by the project's xlsx importer) and
 * compared with the table computed here; the errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-import.h"
#include "crk-table-export.h"
#include "crk-test-cli.h"

typedef struct
{
  char *dir;
  char *sample;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("crk-cli-rank-XXXXXX", NULL);
  f->sample = g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                                "advanced-manufacturing-cities.cityrank.xml", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

/* The table of @path ranked by @level (NULL: the index), computed here. */
static CrkRankingTable *
expected_table (const char *path, const char *level)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, NULL, &error);
  g_autoptr (CrkResults) results = NULL;
  int node = 0;

  g_assert_no_error (error);
  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);
  if (level != NULL)
    node = crk_results_lookup_node (results, level);
  g_assert_cmpint (node, >=, 0);
  return crk_ranking_table_new (results, node, NULL, 0);
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "rank.csv", NULL);
  g_autoptr (CrkRankingTable) table = expected_table (f->sample, NULL);
  g_autofree char *expected = crk_ranking_table_to_csv (table);
  g_autofree char *written = NULL;
  Run run = run_cli ("rank", f->sample, "--format", "csv", "-o", out, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (g_str_has_prefix (written, "Rank,Code,Name,"));
  run_clear (&run);

  /* without -o the CSV for scripts is unchanged: codes as headers, on stdout */
  run = run_cli ("rank", f->sample, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "rank,code,name,score,"));
  run_clear (&run);
}

static void
assert_sheet_is_table (CrkSheet *sheet, CrkRankingTable *table)
{
  guint n_numbers = 0;

  g_assert_cmpuint (sheet->n_rows, ==, crk_ranking_table_get_n_rows (table) + 1);
  g_assert_cmpuint (sheet->n_columns, ==, crk_ranking_table_get_n_columns (table));
  for (guint c = 0; c < sheet->n_columns; c++)
    g_assert_cmpstr (crk_sheet_get (sheet, 0, c)->text, ==,
                     crk_ranking_table_get_header (table, c));
  for (guint r = 0; r < crk_ranking_table_get_n_rows (table); r++)
    for (guint c = 0; c < sheet->n_columns; c++)
      {
        CrkTableCell expected = crk_ranking_table_get_cell (table, r, c);
        const CrkCell *cell = crk_sheet_get (sheet, r + 1, c);

        if (expected.kind == CRK_TABLE_CELL_EMPTY)
          g_assert_null (cell);
        else if (expected.kind == CRK_TABLE_CELL_TEXT)
          {
            g_assert_cmpint (cell->type, ==, CRK_CELL_TEXT);
            g_assert_cmpstr (cell->text, ==, expected.text);
          }
        else
          {
            g_assert_cmpint (cell->type, ==, CRK_CELL_NUMBER);
            g_assert_cmpfloat (fabs (cell->number - expected.number), <=,
                               1e-15 * fabs (expected.number));
            n_numbers++;
          }
      }
  g_assert_cmpuint (n_numbers, >=, 2 * crk_ranking_table_get_n_rows (table));
}

static CrkSheet *
read_sheet (const char *path, CrkSheetSet **sheets)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  const CrkImporter *xlsx = crk_importer_lookup ("xlsx");

  g_assert_true (crk_import_detect (path, NULL) == xlsx);
  *sheets = xlsx->read_sheets (path, NULL, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*sheets);
  g_assert_cmpuint ((*sheets)->sheets->len, ==, 1);
  return g_ptr_array_index ((*sheets)->sheets, 0);
}

static void
test_xlsx (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "rank.xlsx", NULL);
  g_autoptr (CrkRankingTable) table = expected_table (f->sample, NULL);
  g_autoptr (CrkRankingTable) by_level = expected_table (f->sample, "BRAND");
  g_autoptr (CrkSheetSet) sheets = NULL;
  g_autoptr (CrkSheetSet) level_sheets = NULL;
  g_autofree char *name = crk_ranking_table_dup_sheet_name (table);
  Run run = run_cli ("rank", f->sample, "--format", "xlsx", "-o", out, NULL);
  CrkSheet *sheet;

  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  sheet = read_sheet (out, &sheets);
  g_assert_cmpstr (sheet->name, ==, name);
  assert_sheet_is_table (sheet, table);

  /* ranked by a dimension: its ranks and its indicators' scores */
  run = run_cli ("rank", f->sample, "--level", "BRAND", "--format", "xlsx", "--output", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  sheet = read_sheet (out, &level_sheets);
  assert_sheet_is_table (sheet, by_level);
  g_assert_cmpuint (sheet->n_columns, !=, crk_ranking_table_get_n_columns (table));
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "rank.xlsx", NULL);
  g_autofree char *json = g_build_filename (f->dir, "rank.json", NULL);
  Run run = run_cli ("rank", f->sample, "--format", "xlsx", NULL);

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "cityrank-cli: --format xlsx writes a file"));
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run = run_cli ("rank", f->sample, "--format", "json", "-o", json, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o FILE writes csv or xlsx"));
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run = run_cli ("rank", f->sample, "--format", "ods", "-o", json, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unknown format “ods” (table, csv, json or xlsx)"));
  run_clear (&run);

  /* explain has no xlsx */
  run = run_cli ("explain", f->sample, "SHENZHEN", "GUANGZHOU", "--format", "xlsx", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unknown format “xlsx” (table, csv or json)"));
  run_clear (&run);

  for (guint i = 0; i < 2; i++)
    {
      run = run_cli ("rank", f->sample, "--format", i == 0 ? "xlsx" : "csv", "-o",
                     i == 0 ? bad : f->dir, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "cityrank-cli: "));
      g_assert_nonnull (strstr (run.err, i == 0 ? bad : f->dir));
      run_clear (&run);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/rank-export/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/cli/rank-export/xlsx", Fixture, NULL, fixture_setup, test_xlsx, fixture_teardown);
  g_test_add ("/cli/rank-export/errors", Fixture, NULL, fixture_setup, test_errors,
              fixture_teardown);
  return g_test_run ();
}
