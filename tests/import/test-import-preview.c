/* test-import-preview.c: the import assistant's preview (crk-import-preview.h): the shape
 * each importer reports, the grid of a table with what each cell was taken as, the
 * observations kept, adding into a copy of an open dataset (crk_dataset_duplicate()),
 * and the live progress of long reads (crk_open_file_async(), the preview's async run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-writer.h"
#include "crk-import-preview.h"
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
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "fixtures", name, NULL);
}

/* A file of ../shared/data/external, or NULL (the test is then skipped). */
static char *
shared_path (const char *relative)
{
  const char *dir = g_getenv ("CRK_SHARED_DIR");
  char *path =
    g_build_filename (dir != NULL ? dir : "../shared", "data", "external", relative, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  g_test_skip ("the shared sample files are not here (CRK_SHARED_DIR)");
  return NULL;
}

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
print_problems (CrkImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text =
        crk_import_problem_to_string (g_ptr_array_index (report->problems, i), "error");

      g_test_message ("%s", text);
    }
}

/* A preview of @paths (NULL-terminated) run to the end; the import must not fail. */
static CrkImportPreview *
preview_ok (const char *const *paths,
            const CrkImportOptions *options,
            CrkDataset *into,
            guint max_rows)
{
  CrkImportPreview *preview = crk_import_preview_new (paths, options, into, FALSE, max_rows);
  g_autoptr (GError) error = NULL;

  g_assert_true (crk_import_preview_run (preview, NULL, &error));
  g_assert_no_error (error);
  print_problems (crk_import_preview_get_report (preview));
  g_assert_cmpuint (crk_import_preview_get_report (preview)->problems->len, ==, 0);
  g_assert_nonnull (crk_import_preview_get_dataset (preview));
  g_assert_nonnull (crk_import_preview_get_import (preview));
  return preview;
}

static CrkImportPreview *
preview_one (const char *path, const CrkImportOptions *options, guint max_rows)
{
  const char *paths[] = {path, NULL};

  return preview_ok (paths, options, NULL, max_rows);
}

/* The kind of the cell @ref ("C4") of the grid of file 0. */
static CrkPreviewCellKind
kind_at (CrkImportPreview *preview, const char *ref)
{
  guint row, column;

  g_assert_true (crk_cell_parse (ref, &row, &column));
  g_assert_cmpuint (row, <, crk_import_preview_get_grid_rows (preview, 0));
  g_assert_cmpuint (column, <, crk_import_preview_get_grid_columns (preview, 0));
  return crk_import_preview_get_grid_kind (preview, 0, row, column);
}

static const char *
text_at (CrkImportPreview *preview, const char *ref)
{
  guint row, column;

  g_assert_true (crk_cell_parse (ref, &row, &column));
  return crk_import_preview_get_grid_text (preview, 0, row, column);
}

static const CrkImportField *
field (const CrkImportShape *shape, const char *id)
{
  for (guint i = 0; i < shape->n_fields; i++)
    if (g_strcmp0 (shape->fields[i].id, id) == 0)
      return &shape->fields[i];
  g_assert_not_reached ();
  return NULL;
}

static guint
n_sheets (const CrkImportShape *shape)
{
  guint n = 0;

  while (shape->sheets != NULL && shape->sheets[n] != NULL)
    n++;
  return n;
}

/* A CSV table with every kind of cell: a title, a unit line, the header, a label
 * column, a period column ignored by the layout, values, missing markers, a marker the
 * options add, text in a value column, a row without a label, a note below. */
static const char table_csv[] = "Robots in service (2021)\n"
                                "Unit: units\n"
                                "City,Province,Robots,Lines\n"
                                "Shenzhen,Guangdong,1200,30\n"
                                "Guangzhou,Guangdong,..,12\n"
                                "Hangzhou,Zhejiang,n.v.,8\n"
                                "Foshan,Guangdong,unknown,5\n"
                                ",,7,7\n"
                                "Source: a yearbook\n";

static void
test_table_kinds (void)
{
  g_autofree char *path = write_file ("robots.csv", table_csv);
  g_autoptr (CrkImportPreview) preview = preview_one (path, NULL, 200);
  const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);
  const CrkObservation *o;

  g_assert_cmpstr (crk_import_preview_get_importer (preview, 0)->id, ==, "csv-table");
  g_assert_nonnull (shape);
  g_assert_cmpstr (shape->sheet, ==, "robots");
  g_assert_cmpuint (n_sheets (shape), ==, 1);
  g_assert_cmpstr (shape->sheets[0], ==, "robots");
  g_assert_cmpint (shape->header_row, ==, 2);
  g_assert_cmpint (shape->n_header_rows, ==, 1);
  g_assert_cmpint (shape->first_row, ==, 3);
  g_assert_cmpint (shape->label_column, ==, 0);
  g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_WIDE_INDICATORS);
  g_assert_cmpuint (shape->n_fields, ==, 4);
  g_assert_cmpstr (shape->fields[0].id, ==, "A");
  g_assert_cmpstr (shape->fields[0].name, ==, "City");
  g_assert_cmpint (shape->fields[0].role, ==, CRK_IMPORT_ROLE_CITY);
  g_assert_false (shape->fields[0].value);
  g_assert_cmpint (shape->fields[1].role, ==, CRK_IMPORT_ROLE_NONE);
  g_assert_false (shape->fields[1].value);
  g_assert_cmpstr (shape->fields[2].name, ==, "Robots");
  g_assert_cmpint (shape->fields[2].role, ==, CRK_IMPORT_ROLE_NONE);
  g_assert_true (shape->fields[2].value);
  g_assert_true (shape->fields[3].value);

  g_assert_cmpuint (crk_import_preview_get_grid_rows (preview, 0), ==, 9);
  g_assert_cmpuint (crk_import_preview_get_grid_columns (preview, 0), ==, 4);
  /* above the table */
  g_assert_cmpint (kind_at (preview, "A1"), ==, CRK_PREVIEW_CELL_SKIPPED);
  g_assert_cmpstr (text_at (preview, "A1"), ==, "Robots in service (2021)");
  g_assert_cmpint (kind_at (preview, "B1"), ==, CRK_PREVIEW_CELL_EMPTY);
  g_assert_null (text_at (preview, "B1"));
  g_assert_cmpint (kind_at (preview, "A2"), ==, CRK_PREVIEW_CELL_SKIPPED);
  /* the header */
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (crk_import_preview_get_grid_kind (preview, 0, 2, c), ==,
                     CRK_PREVIEW_CELL_HEADER);
  /* the rows */
  g_assert_cmpint (kind_at (preview, "A4"), ==, CRK_PREVIEW_CELL_LABEL);
  g_assert_cmpint (kind_at (preview, "B4"), ==, CRK_PREVIEW_CELL_OTHER);
  g_assert_cmpint (kind_at (preview, "C4"), ==, CRK_PREVIEW_CELL_VALUE);
  g_assert_cmpstr (text_at (preview, "C4"), ==, "1200");
  g_assert_cmpint (kind_at (preview, "C5"), ==, CRK_PREVIEW_CELL_MISSING);
  g_assert_cmpstr (text_at (preview, "C5"), ==, "..");
  /* "n.v." is no marker unless the options say so: text in a value column */
  g_assert_cmpint (kind_at (preview, "C6"), ==, CRK_PREVIEW_CELL_OTHER);
  g_assert_cmpint (kind_at (preview, "C7"), ==, CRK_PREVIEW_CELL_OTHER);
  g_assert_cmpint (kind_at (preview, "D7"), ==, CRK_PREVIEW_CELL_VALUE);
  /* no label: skipped; the note below */
  g_assert_cmpint (kind_at (preview, "A8"), ==, CRK_PREVIEW_CELL_EMPTY);
  g_assert_cmpint (kind_at (preview, "C8"), ==, CRK_PREVIEW_CELL_SKIPPED);
  g_assert_cmpint (kind_at (preview, "A9"), ==, CRK_PREVIEW_CELL_SKIPPED);

  /* the observations, as the sink got them: 4 rows × 2 columns */
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 8);
  g_assert_cmpuint (crk_import_preview_get_n_observations_read (preview, 0), ==, 8);
  o = crk_import_preview_get_observation (preview, 0, 0);
  g_assert_cmpstr (o->key, ==, "Shenzhen");
  g_assert_cmpstr (o->indicator, ==, "Robots");
  g_assert_cmpstr (o->period, ==, "2021");
  g_assert_cmpstr (o->unit, ==, "units");
  g_assert_cmpstr (o->cell, ==, "C4");
  g_assert_cmpfloat (o->value, ==, 1200);
  o = crk_import_preview_get_observation (preview, 0, 2);
  g_assert_cmpstr (o->key, ==, "Guangzhou");
  g_assert_true (isnan (o->value));

  /* the dataset, named as crk_open_file() names it */
  g_assert_cmpstr (crk_dataset_get_title (crk_import_preview_get_dataset (preview)), ==, "robots");
  g_assert_cmpstr (crk_dataset_get_source (crk_import_preview_get_dataset (preview)), ==,
                   "robots.csv");
  g_assert_cmpuint (crk_dataset_get_n_cities (crk_import_preview_get_dataset (preview)), ==, 4);
}

/* options->missing: a marker of the user's is missing, in the grid too. */
static void
test_missing_option (void)
{
  g_autofree char *path = write_file ("robots2.csv", table_csv);
  char *missing[] = {(char *) "n.v.", NULL};
  CrkImportOptions options = {.missing = missing};
  g_autoptr (CrkImportPreview) preview = preview_one (path, &options, 200);

  g_assert_cmpint (kind_at (preview, "C6"), ==, CRK_PREVIEW_CELL_MISSING);
  g_assert_cmpint (kind_at (preview, "C7"), ==, CRK_PREVIEW_CELL_OTHER);
  g_assert_cmpint (kind_at (preview, "C5"), ==, CRK_PREVIEW_CELL_MISSING);
}

/* max_rows bounds the grid and the observations kept, not the import. */
static void
test_max_rows (void)
{
  g_autofree char *path = write_file ("robots3.csv", table_csv);
  g_autoptr (CrkImportPreview) preview = preview_one (path, NULL, 4);

  g_assert_cmpuint (crk_import_preview_get_grid_rows (preview, 0), ==, 4);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 4);
  g_assert_cmpuint (crk_import_preview_get_n_observations_read (preview, 0), ==, 8);
  g_assert_cmpint (kind_at (preview, "C4"), ==, CRK_PREVIEW_CELL_VALUE);
  g_assert_cmpuint (crk_dataset_get_n_cities (crk_import_preview_get_dataset (preview)), ==, 4);
}

/* The ONS workbook: a title and a unit line above the header, ".." suppressed values,
 * a row-label column with the area only on the first of three rows; the xlsx and the
 * LibreOffice ods of it read the same. */
static CrkImportPreview *
check_ons (const char *path)
{
  CrkImportPreview *preview = preview_one (path, NULL, 200);
  const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

  g_assert_nonnull (shape);
  g_assert_cmpstr (shape->sheet, ==, "1. NUTS1, industry");
  g_assert_cmpuint (n_sheets (shape), ==, 11);
  g_assert_cmpstr (shape->sheets[0], ==, "Notes");
  g_assert_cmpstr (shape->sheets[10], ==, "9. Tidy format");
  g_assert_cmpint (shape->header_row, ==, 2);
  g_assert_cmpint (shape->n_header_rows, ==, 1);
  g_assert_cmpint (shape->first_row, ==, 3);
  g_assert_cmpint (shape->label_column, ==, 0);
  g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_WIDE_INDICATORS);
  g_assert_cmpstr (field (shape, "A")->name, ==, "NUTS1 area");
  g_assert_cmpint (field (shape, "A")->role, ==, CRK_IMPORT_ROLE_CITY);
  g_assert_false (field (shape, "B")->value);
  g_assert_cmpstr (field (shape, "D")->name, ==, "Manufacturing");
  g_assert_true (field (shape, "D")->value);
  g_assert_cmpint (field (shape, "D")->role, ==, CRK_IMPORT_ROLE_NONE);
  g_assert_cmpstr (field (shape, "P")->name, ==, "Travel");

  g_assert_cmpint (kind_at (preview, "A1"), ==, CRK_PREVIEW_CELL_SKIPPED);
  g_assert_cmpint (kind_at (preview, "A2"), ==, CRK_PREVIEW_CELL_SKIPPED);
  g_assert_cmpint (kind_at (preview, "A3"), ==, CRK_PREVIEW_CELL_HEADER);
  g_assert_cmpint (kind_at (preview, "A4"), ==, CRK_PREVIEW_CELL_LABEL);
  g_assert_cmpstr (text_at (preview, "A4"), ==, "North East");
  g_assert_cmpint (kind_at (preview, "C4"), ==, CRK_PREVIEW_CELL_MISSING);
  g_assert_cmpstr (text_at (preview, "C4"), ==, "..");
  g_assert_cmpint (kind_at (preview, "D4"), ==, CRK_PREVIEW_CELL_VALUE);
  g_assert_cmpint (kind_at (preview, "P4"), ==, CRK_PREVIEW_CELL_VALUE);
  /* the Exports row holds no area: skipped by the import, shown so */
  g_assert_cmpint (kind_at (preview, "A5"), ==, CRK_PREVIEW_CELL_EMPTY);
  g_assert_cmpint (kind_at (preview, "D5"), ==, CRK_PREVIEW_CELL_SKIPPED);
  return preview;
}

static void
test_ons_xlsx_ods (void)
{
  g_autofree char *xlsx =
    shared_path ("spreadsheets/2018internationaltradeinservicesdatatables.xlsx");
  g_autofree char *ods =
    shared_path ("spreadsheets/2018internationaltradeinservicesdatatables.ods");
  g_autoptr (CrkImportPreview) x = NULL;
  g_autoptr (CrkImportPreview) o = NULL;
  guint rows;

  if (xlsx == NULL || ods == NULL)
    return;
  x = check_ons (xlsx);
  o = check_ons (ods);
  /* the ods spans a million rows and a thousand columns: the grid is bounded */
  g_assert_cmpuint (crk_import_preview_get_grid_columns (o, 0), <=, CRK_PREVIEW_MAX_COLUMNS);
  rows = crk_import_preview_get_grid_rows (x, 0);
  g_assert_cmpuint (rows, ==, crk_import_preview_get_grid_rows (o, 0));
  g_assert_cmpuint (rows, >=, 44);
  /* the same kinds everywhere, and numbers the same */
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < MIN (crk_import_preview_get_grid_columns (x, 0),
                               crk_import_preview_get_grid_columns (o, 0));
         c++)
      {
        CrkPreviewCellKind k = crk_import_preview_get_grid_kind (x, 0, r, c);

        g_assert_cmpint (k, ==, crk_import_preview_get_grid_kind (o, 0, r, c));
        if (k == CRK_PREVIEW_CELL_VALUE)
          g_assert_cmpfloat (g_ascii_strtod (crk_import_preview_get_grid_text (x, 0, r, c), NULL),
                             ==,
                             g_ascii_strtod (crk_import_preview_get_grid_text (o, 0, r, c), NULL));
      }
  g_assert_cmpuint (crk_import_preview_get_n_observations_read (x, 0), ==,
                    crk_import_preview_get_n_observations_read (o, 0));
}

/* Options change the shape: the sheet, the layout. */
static void
test_options_change_shape (void)
{
  g_autofree char *path = shared_path ("spreadsheets/SSPs_POP_Prov_v2.xlsx");
  CrkImportOptions options = {0};

  if (path == NULL)
    return;
  {
    g_autoptr (CrkImportPreview) preview = preview_one (path, NULL, 50);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

    g_assert_cmpstr (shape->sheet, ==, "SSP1");
    g_assert_cmpuint (n_sheets (shape), ==, 5);
    g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_WIDE_PERIODS);
    g_assert_cmpint (shape->header_row, ==, 0);
    g_assert_cmpint (shape->first_row, ==, 1);
    g_assert_cmpstr (field (shape, "A")->name, ==, "region");
    g_assert_cmpint (field (shape, "A")->role, ==, CRK_IMPORT_ROLE_CITY);
    g_assert_cmpstr (field (shape, "B")->name, ==, "2020");
    g_assert_true (field (shape, "B")->value);
    g_assert_cmpstr (crk_import_preview_get_observation (preview, 0, 0)->period, ==, "2020");
    g_assert_cmpint (kind_at (preview, "A1"), ==, CRK_PREVIEW_CELL_HEADER);
    g_assert_cmpint (kind_at (preview, "B1"), ==, CRK_PREVIEW_CELL_HEADER);
    g_assert_cmpint (kind_at (preview, "A2"), ==, CRK_PREVIEW_CELL_LABEL);
    g_assert_cmpint (kind_at (preview, "B2"), ==, CRK_PREVIEW_CELL_VALUE);
  }
  options.sheet = (char *) "SSP2";
  {
    g_autoptr (CrkImportPreview) preview = preview_one (path, &options, 50);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

    g_assert_cmpstr (shape->sheet, ==, "SSP2");
    g_assert_cmpstr (crk_import_preview_get_observation (preview, 0, 0)->sheet, ==, "SSP2");
  }
  /* by indicator: the years are indicators, the period the user's */
  options.layout = CRK_TABLE_LAYOUT_WIDE_INDICATORS;
  options.default_year = 2020;
  {
    g_autoptr (CrkImportPreview) preview = preview_one (path, &options, 50);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);
    const CrkObservation *o = crk_import_preview_get_observation (preview, 0, 1);

    g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_WIDE_INDICATORS);
    g_assert_cmpstr (o->indicator, ==, "2025");
    g_assert_cmpstr (o->period, ==, "2020");
  }
  /* a column named as the city */
  options.layout = CRK_TABLE_LAYOUT_AUTO;
  options.default_year = 0;
  options.city = (char *) "B";
  {
    g_autoptr (CrkImportPreview) preview =
      crk_import_preview_new ((const char *const[]){path, NULL}, &options, NULL, FALSE, 50);
    const CrkImportShape *shape;

    g_assert_true (crk_import_preview_run (preview, NULL, NULL));
    shape = crk_import_preview_get_shape (preview, 0);
    g_assert_nonnull (shape);
    g_assert_cmpint (shape->label_column, ==, 1);
    g_assert_cmpint (field (shape, "B")->role, ==, CRK_IMPORT_ROLE_CITY);
    g_assert_cmpint (field (shape, "A")->role, ==, CRK_IMPORT_ROLE_NONE);
  }
}

/* A wide table without a period: the import fails, the shape and the grid are there for
 * the user to choose a year. */
static void
test_failed_table_keeps_shape (void)
{
  g_autofree char *path =
    write_file ("noyear.csv", "City,GDP,Population\nShenzhen,1,2\nGuangzhou,3,4\n");
  const char *paths[] = {path, NULL};
  g_autoptr (CrkImportPreview) preview = crk_import_preview_new (paths, NULL, NULL, FALSE, 200);
  g_autoptr (GError) error = NULL;
  const CrkImportShape *shape;

  g_assert_true (crk_import_preview_run (preview, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crk_import_preview_get_report (preview)->problems->len, >, 0);
  g_assert_null (crk_import_preview_get_dataset (preview));
  shape = crk_import_preview_get_shape (preview, 0);
  g_assert_nonnull (shape);
  g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_WIDE_INDICATORS);
  g_assert_cmpuint (crk_import_preview_get_grid_rows (preview, 0), ==, 3);
  g_assert_cmpint (kind_at (preview, "B1"), ==, CRK_PREVIEW_CELL_HEADER);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 0);
}

/* SDMX-ML: the dimensions and the roles the mapping gave them. */
static void
test_sdmx_fields (void)
{
  g_autofree char *path = shared_path ("sdmx-ml/sdmx-GenericData21.xml");
  static const char *const ids[] = {"FREQ",           "AME_REF_AREA", "AME_TRANSFORMATION",
                                    "AME_AGG_METHOD", "AME_UNIT",     "AME_REFERENCE",
                                    "AME_ITEM",       "TIME_PERIOD"};
  CrkImportOptions options = {0};

  if (path == NULL)
    return;
  {
    g_autoptr (CrkImportPreview) preview = preview_one (path, NULL, 10);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);
    const CrkObservation *o;

    g_assert_cmpstr (crk_import_preview_get_importer (preview, 0)->id, ==, "sdmx-2.1");
    g_assert_nonnull (shape);
    g_assert_null (shape->sheet);
    g_assert_null (shape->sheets);
    g_assert_cmpint (shape->layout, ==, CRK_TABLE_LAYOUT_AUTO);
    g_assert_cmpint (shape->header_row, ==, -1);
    g_assert_cmpint (shape->first_row, ==, -1);
    g_assert_cmpint (shape->label_column, ==, -1);
    g_assert_cmpuint (shape->n_fields, ==, G_N_ELEMENTS (ids));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_assert_cmpstr (shape->fields[i].id, ==, ids[i]);
        g_assert_false (shape->fields[i].value);
      }
    /* no city named: the key joins the other dimensions, none is the city */
    g_assert_cmpint (field (shape, "AME_ITEM")->role, ==, CRK_IMPORT_ROLE_INDICATOR);
    g_assert_cmpint (field (shape, "TIME_PERIOD")->role, ==, CRK_IMPORT_ROLE_PERIOD);
    g_assert_cmpint (field (shape, "AME_REF_AREA")->role, ==, CRK_IMPORT_ROLE_NONE);
    g_assert_cmpint (field (shape, "FREQ")->role, ==, CRK_IMPORT_ROLE_NONE);
    /* no grid; ten observations of 57 kept, in the file's order */
    g_assert_cmpuint (crk_import_preview_get_grid_rows (preview, 0), ==, 0);
    g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 10);
    g_assert_cmpuint (crk_import_preview_get_n_observations_read (preview, 0), ==, 57);
    o = crk_import_preview_get_observation (preview, 0, 0);
    g_assert_cmpstr (o->key, ==, "A.BEL.1.0.0.0");
    g_assert_cmpstr (o->indicator, ==, "OVGD");
    g_assert_cmpstr (o->period, ==, "1960");
    g_assert_cmpstr (o->status, ==, "A");
    g_assert_cmpint (o->line, >, 0);
    o = crk_import_preview_get_observation (preview, 0, 9);
    g_assert_cmpstr (o->period, ==, "1969");
  }
  options.city = (char *) "AME_REF_AREA";
  options.indicator = (char *) "AME_UNIT";
  {
    g_autoptr (CrkImportPreview) preview = preview_one (path, &options, 10);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

    g_assert_cmpint (field (shape, "AME_REF_AREA")->role, ==, CRK_IMPORT_ROLE_CITY);
    g_assert_cmpint (field (shape, "AME_UNIT")->role, ==, CRK_IMPORT_ROLE_INDICATOR);
    g_assert_cmpint (field (shape, "AME_ITEM")->role, ==, CRK_IMPORT_ROLE_NONE);
    g_assert_cmpstr (crk_import_preview_get_observation (preview, 0, 0)->key, ==, "BEL");
  }
}

/* SDMX-ML with a dimension at the observation level; World Bank XML. */
static void
test_observation_formats (void)
{
  g_autofree char *obs_dim = fixture ("sdmx-obs-dimension.xml");
  g_autofree char *wb = fixture ("wb-bulk.xml");
  g_autofree char *api = fixture ("wb-api-page.xml");
  gboolean time_seen = FALSE;

  {
    const char *paths[] = {obs_dim, NULL};
    g_autoptr (CrkImportPreview) preview = crk_import_preview_new (paths, NULL, NULL, FALSE, 20);
    const CrkImportShape *shape;

    g_assert_true (crk_import_preview_run (preview, NULL, NULL));
    shape = crk_import_preview_get_shape (preview, 0);
    g_assert_nonnull (shape);
    for (guint i = 0; i < shape->n_fields; i++)
      if (shape->fields[i].role == CRK_IMPORT_ROLE_PERIOD)
        {
          g_assert_false (time_seen);
          time_seen = TRUE;
        }
    g_assert_true (time_seen);
    g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), >, 0);
  }
  {
    g_autoptr (CrkImportPreview) preview = preview_one (wb, NULL, 20);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

    g_assert_cmpstr (crk_import_preview_get_importer (preview, 0)->id, ==, "worldbank");
    g_assert_cmpuint (shape->n_fields, ==, 3);
    g_assert_cmpstr (shape->fields[0].id, ==, "Country or Area");
    g_assert_cmpint (shape->fields[0].role, ==, CRK_IMPORT_ROLE_CITY);
    g_assert_cmpstr (shape->fields[1].id, ==, "Item");
    g_assert_cmpint (shape->fields[1].role, ==, CRK_IMPORT_ROLE_INDICATOR);
    g_assert_cmpstr (shape->fields[2].id, ==, "Year");
    g_assert_cmpint (shape->fields[2].role, ==, CRK_IMPORT_ROLE_PERIOD);
    g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 4);
    g_assert_true (isnan (crk_import_preview_get_observation (preview, 0, 0)->value));
    g_assert_cmpfloat (crk_import_preview_get_observation (preview, 0, 1)->value, ==, 29350);
  }
  {
    g_autoptr (CrkImportPreview) preview = preview_one (api, NULL, 20);
    const CrkImportShape *shape = crk_import_preview_get_shape (preview, 0);

    g_assert_cmpstr (shape->fields[0].id, ==, "country");
    g_assert_cmpstr (shape->fields[1].id, ==, "indicator");
    g_assert_cmpstr (shape->fields[2].id, ==, "date");
  }
}

/* A dataset format is streamed as observations: no shape, no grid. */
static void
test_dataset_format (void)
{
  g_autofree char *sample = sample_path ("shenzhen-emerging-industries-2020.cityrank.xml");
  g_autoptr (CrkImportPreview) preview = preview_one (sample, NULL, 5);
  CrkDataset *dataset = crk_import_preview_get_dataset (preview);

  g_assert_cmpstr (crk_import_preview_get_importer (preview, 0)->id, ==, "cityrank");
  g_assert_null (crk_import_preview_get_shape (preview, 0));
  g_assert_cmpuint (crk_import_preview_get_grid_rows (preview, 0), ==, 0);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 5);
  g_assert_cmpstr (crk_import_preview_get_observation (preview, 0, 0)->key, ==, "SHENZHEN");
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 1);
  g_assert_cmpstr (crk_dataset_get_title (dataset), ==, "shenzhen-emerging-industries-2020");
}

/* Several files into one dataset; each keeps its own shape and observations. */
static void
test_several_files (void)
{
  g_autofree char *a = write_file ("gdp-2020.csv", "City,GDP\nShenzhen,27670\nGuangzhou,25019\n");
  g_autofree char *b = write_file (
    "gdp-2021.csv", "Title line\nCity,Year,GDP\nShenzhen,2021,30664\nGuangzhou,2021,28231\n");
  const char *paths[] = {a, b, NULL};
  CrkImportOptions options = {.default_year = 2020};
  g_autoptr (CrkImportPreview) preview = preview_ok (paths, &options, NULL, 200);
  CrkDataset *dataset = crk_import_preview_get_dataset (preview);

  g_assert_cmpuint (crk_import_preview_get_n_files (preview), ==, 2);
  g_assert_cmpstr (crk_import_preview_get_path (preview, 1), ==, b);
  g_assert_cmpint (crk_import_preview_get_shape (preview, 0)->layout, ==,
                   CRK_TABLE_LAYOUT_WIDE_INDICATORS);
  g_assert_cmpint (crk_import_preview_get_shape (preview, 1)->layout, ==, CRK_TABLE_LAYOUT_LONG);
  g_assert_cmpint (crk_import_preview_get_shape (preview, 1)->header_row, ==, 1);
  g_assert_cmpint (field (crk_import_preview_get_shape (preview, 1), "B")->role, ==,
                   CRK_IMPORT_ROLE_PERIOD);
  g_assert_cmpint (crk_import_preview_get_grid_kind (preview, 1, 2, 1), ==, CRK_PREVIEW_CELL_OTHER);
  g_assert_cmpint (crk_import_preview_get_grid_kind (preview, 1, 0, 0), ==,
                   CRK_PREVIEW_CELL_SKIPPED);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 1), ==, 2);
  g_assert_cmpstr (crk_import_preview_get_observation (preview, 1, 0)->period, ==, "2021");
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_years (dataset), ==, 2);
  /* named after the first file */
  g_assert_cmpstr (crk_dataset_get_title (dataset), ==, "gdp-2020");
}

/* Problems: a file of no known format is in the report (the run goes on); a file that
 * is not there is an I/O error. */
static void
test_problems (void)
{
  g_autofree char *junk = write_file ("junk.bin", "\001\002\003");
  g_autofree char *missing = g_build_filename (tmp_dir, "not-there.csv", NULL);
  g_autofree char *good = write_file ("good.csv", "City,GDP\nShenzhen,1\n");
  CrkImportOptions options = {.default_year = 2020};

  {
    const char *paths[] = {junk, good, NULL};
    g_autoptr (CrkImportPreview) preview =
      crk_import_preview_new (paths, &options, NULL, FALSE, 10);
    g_autoptr (GError) error = NULL;

    g_assert_true (crk_import_preview_run (preview, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (crk_import_preview_get_importer (preview, 0));
    g_assert_null (crk_import_preview_get_shape (preview, 0));
    g_assert_nonnull (crk_import_preview_get_shape (preview, 1));
    g_assert_cmpuint (crk_import_preview_get_report (preview)->problems->len, ==, 1);
    g_assert_cmpstr (
      ((CrkProblem *) g_ptr_array_index (crk_import_preview_get_report (preview)->problems, 0))
        ->file,
      ==, junk);
    g_assert_null (crk_import_preview_get_dataset (preview));
  }
  {
    const char *paths[] = {missing, NULL};
    g_autoptr (CrkImportPreview) preview =
      crk_import_preview_new (paths, &options, NULL, FALSE, 10);
    g_autoptr (GError) error = NULL;

    g_assert_false (crk_import_preview_run (preview, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpuint (crk_import_preview_get_report (preview)->problems->len, ==, 1);
    g_assert_null (crk_import_preview_get_dataset (preview));
  }
}

/* Adding into an open dataset: the preview's result is a copy, the dataset the same
 * bytes before and after. */
static void
test_into_leaves_dataset (void)
{
  g_autofree char *sample = sample_path ("advanced-manufacturing-cities.cityrank.xml");
  g_autofree char *path = write_file ("robots-2021.csv",
                                      "工业机器人（2021年）\n"
                                      "城市,Robots (units)\n"
                                      "深圳市,1200\n"
                                      "Guangzhou,800\n"
                                      "杭州,..\n");
  const char *paths[] = {path, NULL};
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) into = crk_dataset_read (sample, NULL, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (CrkImportPreview) preview = NULL;
  CrkDataset *result;
  CrkIndicator *robots;
  int shenzhen = -1;

  g_assert_no_error (error);
  before = crk_dataset_write_to_bytes (into);
  preview = preview_ok (paths, NULL, into, 200);
  after = crk_dataset_write_to_bytes (into);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (crk_dataset_get_modified (into));

  result = crk_import_preview_get_dataset (preview);
  g_assert_true (result != into);
  g_assert_cmpuint (crk_dataset_get_n_cities (result), ==, crk_dataset_get_n_cities (into));
  g_assert_cmpuint (crk_dataset_get_n_indicators (result), ==,
                    crk_dataset_get_n_indicators (into) + 1);
  g_assert_null (crk_dataset_lookup_indicator (into, "Robots"));
  robots = crk_dataset_lookup_indicator (result, "Robots");
  g_assert_nonnull (robots);
  g_assert_cmpstr (crk_indicator_get_unit (robots), ==, "units");
  for (guint c = 0; c < crk_dataset_get_n_cities (result); c++)
    if (g_str_equal (crk_city_get_code (crk_dataset_get_city (result, c)), "SHENZHEN"))
      shenzhen = (int) c;
  g_assert_cmpint (shenzhen, >=, 0);
  for (guint i = 0; i < crk_dataset_get_n_indicators (result); i++)
    if (crk_dataset_get_indicator (result, i) == robots)
      g_assert_cmpfloat (crk_dataset_get_value (result, (guint) shenzhen, i,
                                                (guint) crk_dataset_lookup_year (result, 2021)),
                         ==, 1200);
  /* run again: the same result from a fresh copy, the dataset still untouched */
  g_assert_true (crk_import_preview_run (preview, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crk_dataset_get_n_indicators (crk_import_preview_get_dataset (preview)), ==,
                    crk_dataset_get_n_indicators (into) + 1);
  g_clear_pointer (&after, g_bytes_unref);
  after = crk_dataset_write_to_bytes (into);
  g_assert_true (g_bytes_equal (before, after));
}

/* The user's matching choices reach the sink: a name no city matches blocks the import
 * until a choice names its city. */
static void
test_into_matches (void)
{
  g_autofree char *sample = sample_path ("advanced-manufacturing-cities.cityrank.xml");
  g_autofree char *path = write_file ("robots-zone.csv",
                                      "城市,Robots (units),Year\n"
                                      "深圳市,1200,2021\n"
                                      "深汕合作区,15,2021\n");
  const char *paths[] = {path, NULL};
  char *matches[] = {(char *) "深汕合作区=SHANTOU", NULL};
  CrkImportOptions options = {0};
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) into = crk_dataset_read (sample, NULL, &error);

  g_assert_no_error (error);
  {
    g_autoptr (CrkImportPreview) preview =
      crk_import_preview_new (paths, &options, into, FALSE, 20);
    const GPtrArray *found;

    g_assert_true (crk_import_preview_run (preview, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (crk_import_preview_get_dataset (preview));
    g_assert_cmpuint (crk_import_preview_get_report (preview)->problems->len, ==, 1);
    found = crk_import_dataset_get_matches (crk_import_preview_get_import (preview));
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpint (((CrkImportMatch *) g_ptr_array_index (found, 0))->kind, ==,
                     CRK_IMPORT_MATCH_NAME);
    g_assert_cmpint (((CrkImportMatch *) g_ptr_array_index (found, 1))->kind, ==,
                     CRK_IMPORT_MATCH_NONE);
  }
  options.matches = matches;
  {
    g_autoptr (CrkImportPreview) preview = preview_ok (paths, &options, into, 20);
    const GPtrArray *found =
      crk_import_dataset_get_matches (crk_import_preview_get_import (preview));

    g_assert_cmpint (((CrkImportMatch *) g_ptr_array_index (found, 1))->kind, ==,
                     CRK_IMPORT_MATCH_CHOSEN);
    g_assert_nonnull (
      crk_dataset_lookup_indicator (crk_import_preview_get_dataset (preview), "Robots"));
  }
}

/* crk_dataset_duplicate(): the copy saves to the same bytes; changing it leaves the
 * original as it was. */
static void
test_duplicate (void)
{
  static const char *const samples[] = {"advanced-manufacturing-cities.cityrank.xml",
                                        "chinese-cities-yearbook.cityrank.xml",
                                        "shenzhen-emerging-industries-2020.cityrank.xml"};

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *path = sample_path (samples[s]);
      g_autoptr (GError) error = NULL;
      g_autoptr (CrkDataset) original = crk_dataset_read (path, NULL, &error);
      g_autoptr (CrkDataset) copy = NULL;
      g_autoptr (GBytes) a = NULL;
      g_autoptr (GBytes) b = NULL;
      g_autoptr (GBytes) c = NULL;
      double value;

      g_assert_no_error (error);
      copy = crk_dataset_duplicate (original, &error);
      g_assert_no_error (error);
      g_assert_true (copy != original);
      a = crk_dataset_write_to_bytes (original);
      b = crk_dataset_write_to_bytes (copy);
      g_assert_true (g_bytes_equal (a, b));
      /* change the copy: a value, a city's name, the title */
      value = crk_dataset_get_value (copy, 0, 0, 0);
      crk_dataset_set_value (copy, 0, 0, 0, isnan (value) ? 1.0 : value + 1.0,
                             CRK_VALUE_STATUS_OBSERVED);
      crk_city_set_name (crk_dataset_get_city (copy, 0), "Changed");
      crk_dataset_set_title (copy, "Changed");
      c = crk_dataset_write_to_bytes (original);
      g_assert_true (g_bytes_equal (a, c));
      g_assert_cmpfloat (crk_dataset_get_value (copy, 0, 0, 0), !=, value);
      g_assert_true (crk_dataset_get_value (original, 0, 0, 0) == value ||
                     (isnan (value) && isnan (crk_dataset_get_value (original, 0, 0, 0))));
      g_assert_cmpstr (crk_city_get_name (crk_dataset_get_city (original, 0)), !=, "Changed");
    }
}

/* crk_open_file() and the preview honour options->aggregate (quarters into years). */
static void
test_aggregate_option (void)
{
  g_autofree char *path = write_file ("quarters.csv",
                                      "City,Period,GDP\n"
                                      "Shenzhen,2021-Q1,1\n"
                                      "Shenzhen,2021-Q2,2\n"
                                      "Shenzhen,2021-Q3,3\n"
                                      "Shenzhen,2021-Q4,6\n");
  const char *paths[] = {path, NULL};
  CrkImportOptions options = {.aggregate = CRK_IMPORT_AGGREGATE_SUM};
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) opened = NULL;
  g_autoptr (CrkImportPreview) preview = NULL;

  /* without: refused */
  opened = crk_open_file (path, NULL, report, NULL, &error);
  g_assert_null (opened);
  g_clear_error (&error);
  g_ptr_array_set_size (report->problems, 0);
  opened = crk_open_file (path, &options, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_cmpuint (crk_dataset_get_n_years (opened), ==, 1);
  g_assert_cmpfloat (crk_dataset_get_value (opened, 0, 0, 0), ==, 12);
  preview = preview_ok (paths, &options, NULL, 10);
  g_assert_cmpfloat (crk_dataset_get_value (crk_import_preview_get_dataset (preview), 0, 0, 0), ==,
                     12);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 4);
}

/* Live progress */

/* A CSV table of about 5 MB: 20,000 cities × 24 indicators. */
static char *
write_large_csv (void)
{
  GString *s = g_string_new ("City");
  char *path;

  for (guint i = 0; i < 24; i++)
    g_string_append_printf (s, ",Indicator %u", i);
  g_string_append_c (s, '\n');
  for (guint r = 0; r < 20000; r++)
    {
      g_string_append_printf (s, "City %05u", r);
      for (guint i = 0; i < 24; i++)
        g_string_append_printf (s, ",%u.%03u", (r * 31 + i * 7) % 100000, (r + i) % 1000);
      g_string_append_c (s, '\n');
    }
  g_assert_cmpuint (s->len, >, 4 * 1024 * 1024);
  path = write_file ("large.csv", s->str);
  g_string_free (s, TRUE);
  return path;
}

typedef struct
{
  GMainLoop *loop;
  GArray *fractions; /* double */
  gboolean done;
  guint after_done;
  GCancellable *cancel_at; /* cancelled at the first fraction past cancel_from */
  double cancel_from;
  gint64 cancelled_time, done_time;
  CrkDataset *dataset;
  CrkImportPreview *preview;
  gboolean ok;
  GError *error;
} Progress;

static void
on_progress (double fraction, gpointer data)
{
  Progress *p = data;

  if (p->done)
    p->after_done++;
  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at != NULL && fraction > p->cancel_from &&
      !g_cancellable_is_cancelled (p->cancel_at))
    {
      p->cancelled_time = g_get_monotonic_time ();
      g_cancellable_cancel (p->cancel_at);
    }
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  Progress *p = data;

  (void) source;
  p->dataset = crk_open_file_finish (result, NULL, &p->error);
  p->done = TRUE;
  p->done_time = g_get_monotonic_time ();
  g_main_loop_quit (p->loop);
}

static void
on_previewed (GObject *source, GAsyncResult *result, gpointer data)
{
  Progress *p = data;

  g_assert_null (source);
  p->ok = crk_import_preview_run_finish (p->preview, result, &p->error);
  p->done = TRUE;
  p->done_time = g_get_monotonic_time ();
  g_main_loop_quit (p->loop);
}

/* Lets the main context run a while after the end: no progress may come. */
static void
drain (void)
{
  gint64 end = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

static void
check_fractions (Progress *p, guint at_least)
{
  g_test_message ("%u progress calls", p->fractions->len);
  g_assert_cmpuint (p->fractions->len, >=, at_least);
  for (guint i = 0; i < p->fractions->len; i++)
    {
      double f = g_array_index (p->fractions, double, i);

      g_assert_cmpfloat (f, >, 0.0);
      g_assert_cmpfloat (f, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (f, >, g_array_index (p->fractions, double, i - 1));
    }
  g_assert_cmpuint (p->after_done, ==, 0);
}

static void
test_open_progress (void)
{
  g_autofree char *path = write_large_csv ();
  CrkImportOptions options = {.default_year = 2020};
  Progress p = {0};
  guint live = 0;

  p.loop = g_main_loop_new (NULL, FALSE);
  p.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  crk_open_file_async (path, &options, on_progress, &p, NULL, on_opened, &p);
  g_main_loop_run (p.loop);
  drain ();
  g_assert_no_error (p.error);
  g_assert_nonnull (p.dataset);
  g_assert_cmpuint (crk_dataset_get_n_cities (p.dataset), ==, 20000);
  /* more than the stages: live fractions within the read (0.1-0.8) */
  check_fractions (&p, 6);
  for (guint i = 0; i < p.fractions->len; i++)
    live +=
      g_array_index (p.fractions, double, i) > 0.1 && g_array_index (p.fractions, double, i) < 0.8;
  g_assert_cmpuint (live, >, 5);
  g_clear_object (&p.dataset);
  g_array_unref (p.fractions);
  g_main_loop_unref (p.loop);
}

static void
test_open_cancel_midway (void)
{
  g_autofree char *path = write_large_csv ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  CrkImportOptions options = {.default_year = 2020};
  Progress p = {0};

  p.loop = g_main_loop_new (NULL, FALSE);
  p.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  p.cancel_at = cancellable;
  p.cancel_from = 0.15;
  crk_open_file_async (path, &options, on_progress, &p, cancellable, on_opened, &p);
  g_main_loop_run (p.loop);
  drain ();
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_error (p.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (p.dataset);
  g_assert_cmpuint (p.after_done, ==, 0);
  g_test_message ("cancelled after %.0f ms", (p.done_time - p.cancelled_time) / 1000.0);
  g_assert_cmpint (p.done_time - p.cancelled_time, <, G_USEC_PER_SEC);
  g_clear_error (&p.error);
  g_array_unref (p.fractions);
  g_main_loop_unref (p.loop);
}

/* A 5 MB SDMX-ML generic file, read by the XML input (bytes / size). */
static char *
write_large_sdmx (void)
{
  GString *s = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<message:GenericData "
    "xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\" "
    "xmlns:generic=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic\">\n"
    "<message:Header><message:ID>big</message:ID></message:Header>\n"
    "<message:DataSet structureRef=\"BIG\">\n");
  char *path;

  for (guint r = 0; s->len < 5 * 1024 * 1024; r++)
    {
      g_string_append_printf (
        s,
        "<generic:Series><generic:SeriesKey><generic:Value id=\"REF_AREA\" value=\"C%05u\"/>"
        "<generic:Value id=\"INDICATOR\" value=\"GDP\"/></generic:SeriesKey>\n",
        r);
      for (int y = 2000; y < 2020; y++)
        g_string_append_printf (s,
                                "<generic:Obs><generic:ObsDimension "
                                "value=\"%d\"/><generic:ObsValue value=\"%u.5\"/></generic:Obs>\n",
                                y, r + (guint) y);
      g_string_append (s, "</generic:Series>\n");
    }
  g_string_append (s, "</message:DataSet>\n</message:GenericData>\n");
  path = write_file ("large-sdmx.xml", s->str);
  g_string_free (s, TRUE);
  return path;
}

static void
test_preview_progress (void)
{
  g_autofree char *path = write_large_sdmx ();
  const char *paths[] = {path, NULL};
  g_autoptr (CrkImportPreview) preview = crk_import_preview_new (paths, NULL, NULL, FALSE, 100);
  Progress p = {0};

  p.loop = g_main_loop_new (NULL, FALSE);
  p.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  p.preview = preview;
  crk_import_preview_run_async (preview, on_progress, &p, NULL, on_previewed, &p);
  g_main_loop_run (p.loop);
  drain ();
  g_assert_no_error (p.error);
  g_assert_true (p.ok);
  print_problems (crk_import_preview_get_report (preview));
  g_assert_nonnull (crk_import_preview_get_dataset (preview));
  g_assert_cmpint (field (crk_import_preview_get_shape (preview, 0), "REF_AREA")->role, ==,
                   CRK_IMPORT_ROLE_NONE);
  g_assert_cmpuint (crk_import_preview_get_n_observations (preview, 0), ==, 100);
  check_fractions (&p, 6);
  g_array_unref (p.fractions);
  g_main_loop_unref (p.loop);

  /* cancelled midway */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    Progress q = {0};

    q.loop = g_main_loop_new (NULL, FALSE);
    q.fractions = g_array_new (FALSE, FALSE, sizeof (double));
    q.preview = preview;
    q.cancel_at = cancellable;
    q.cancel_from = 0.2;
    crk_import_preview_run_async (preview, on_progress, &q, cancellable, on_previewed, &q);
    g_main_loop_run (q.loop);
    drain ();
    g_assert_false (q.ok);
    g_assert_error (q.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (crk_import_preview_get_dataset (preview));
    g_assert_cmpint (q.done_time - q.cancelled_time, <, G_USEC_PER_SEC);
    g_assert_cmpuint (q.after_done, ==, 0);
    g_clear_error (&q.error);
    g_array_unref (q.fractions);
    g_main_loop_unref (q.loop);
  }
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
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("crk-preview-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/import-preview/table-kinds", test_table_kinds);
  g_test_add_func ("/import-preview/missing-option", test_missing_option);
  g_test_add_func ("/import-preview/max-rows", test_max_rows);
  g_test_add_func ("/import-preview/ons-xlsx-ods", test_ons_xlsx_ods);
  g_test_add_func ("/import-preview/options-change-shape", test_options_change_shape);
  g_test_add_func ("/import-preview/failed-table-keeps-shape", test_failed_table_keeps_shape);
  g_test_add_func ("/import-preview/sdmx-fields", test_sdmx_fields);
  g_test_add_func ("/import-preview/observation-formats", test_observation_formats);
  g_test_add_func ("/import-preview/dataset-format", test_dataset_format);
  g_test_add_func ("/import-preview/several-files", test_several_files);
  g_test_add_func ("/import-preview/problems", test_problems);
  g_test_add_func ("/import-preview/into-leaves-dataset", test_into_leaves_dataset);
  g_test_add_func ("/import-preview/into-matches", test_into_matches);
  g_test_add_func ("/import-preview/duplicate", test_duplicate);
  g_test_add_func ("/import-preview/aggregate-option", test_aggregate_option);
  g_test_add_func ("/import-preview/open-progress", test_open_progress);
  g_test_add_func ("/import-preview/open-cancel-midway", test_open_cancel_midway);
  g_test_add_func ("/import-preview/preview-progress", test_preview_progress);
  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
