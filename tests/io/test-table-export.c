/* test-table-export.c: the ranking table (crk-table-export.h) as TSV, CSV and xlsx, read
 * back (the CSV by an RFC 4180 parser here, the xlsx by the project's own xlsx importer)
 * and compared cell by cell with the results
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
#include "crk-zip.h"

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples", name, NULL);
}

static CrkDataset *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset = crk_dataset_read (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The yearbook sample with holes: city 3 has no value in the latest year (not ranked),
 * city 7 none for the indicators of the first dimension. */
static CrkDataset *
load_with_holes (void)
{
  CrkDataset *dataset = load_sample ("chinese-cities-yearbook.cityrank.xml");
  guint year = crk_dataset_get_n_years (dataset) - 1;
  CrkFrameworkNode *first = g_ptr_array_index (crk_dataset_get_dimensions (dataset), 0);

  for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (dataset, i);
      CrkFrameworkNode *node =
        crk_dataset_lookup_node (dataset, crk_indicator_get_code (indicator));

      crk_dataset_set_value (dataset, 3, i, year, NAN, CRK_VALUE_STATUS_OBSERVED);
      for (; node != NULL; node = crk_framework_node_get_parent (node))
        if (node == first)
          crk_dataset_set_value (dataset, 7, i, year, NAN, CRK_VALUE_STATUS_OBSERVED);
    }
  return dataset;
}

static CrkResults *
compute (CrkDataset *dataset)
{
  g_autoptr (GError) error = NULL;
  CrkResults *results = crk_compute (dataset, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* An RFC 4180 reader: rows of fields, CRLF line ends, quoted fields with "" for ". */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
          g_assert_true (*p == ',' || *p == '\r');
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n'); /* a bare LF is not a line end in RFC 4180 */
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (row->len, ==, 0); /* the last line ends with CRLF */
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

/* Does the text of a file cell say what the table cell holds? Numbers read back exactly. */
static void
assert_text_cell (const char *text, CrkTableCell cell)
{
  if (cell.kind == CRK_TABLE_CELL_EMPTY)
    g_assert_cmpstr (text, ==, "");
  else if (cell.kind == CRK_TABLE_CELL_TEXT)
    g_assert_cmpstr (text, ==, cell.text);
  else
    {
      char *end = NULL;

      g_assert_cmpstr (text, !=, "");
      g_assert_cmpfloat (g_ascii_strtod (text, &end), ==, cell.number);
      g_assert_cmpint (*end, ==, '\0');
    }
}

/* Which column has @header; fails when none. */
static guint
column_of (CrkRankingTable *table, const char *header)
{
  for (guint c = 0; c < crk_ranking_table_get_n_columns (table); c++)
    if (g_strcmp0 (crk_ranking_table_get_header (table, c), header) == 0)
      return c;
  g_error ("no column “%s”", header);
}

static guint
row_of (CrkRankingTable *table, const char *code)
{
  guint code_column = column_of (table, "Code");

  for (guint r = 0; r < crk_ranking_table_get_n_rows (table); r++)
    if (g_strcmp0 (crk_ranking_table_get_cell (table, r, code_column).text, code) == 0)
      return r;
  g_error ("no row “%s”", code);
}

/* The table's cells are the results': ranks in order, scores, missing ones empty. */
static void
test_cells (void)
{
  g_autoptr (CrkDataset) dataset = load_with_holes ();
  g_autoptr (CrkResults) results = compute (dataset);
  g_autoptr (CrkRankingTable) table = crk_ranking_table_new (results, 0, NULL, 0);
  CrkFrameworkNode *first = g_ptr_array_index (crk_dataset_get_dimensions (dataset), 0);
  int first_index = crk_results_lookup_node (results, crk_framework_node_get_code (first));
  guint rank = column_of (table, "Rank"), score = column_of (table, "Score");
  guint dim = column_of (table, crk_framework_node_get_display_name (first));
  guint n = crk_results_get_n_cities (results), n_empty = 0;
  guint previous = 0;

  g_assert_cmpuint (crk_ranking_table_get_n_rows (table), ==, n);
  g_assert_cmpuint (dim, ==, score + 1);
  for (guint r = 0; r < n; r++)
    {
      CrkCity *city =
        crk_dataset_lookup_city (dataset, crk_ranking_table_get_cell (table, r, 1).text);
      guint index = crk_city_get_index (city);
      CrkTableCell rank_cell = crk_ranking_table_get_cell (table, r, rank);
      CrkTableCell score_cell = crk_ranking_table_get_cell (table, r, score);
      CrkTableCell dim_cell = crk_ranking_table_get_cell (table, r, dim);
      double expected = crk_results_get_score (results, first_index, index);

      if (crk_results_get_rank (results, index) > 0)
        {
          g_assert_cmpint (rank_cell.kind, ==, CRK_TABLE_CELL_NUMBER);
          g_assert_cmpfloat (rank_cell.number, ==, crk_results_get_rank (results, index));
          g_assert_cmpfloat (rank_cell.number, >=, previous);
          previous = rank_cell.number;
        }
      else
        {
          g_assert_cmpint (rank_cell.kind, ==, CRK_TABLE_CELL_EMPTY);
          previous = G_MAXUINT; /* the unranked come last */
        }
      if (isnan (crk_results_get_index_score (results, index)))
        g_assert_cmpint (score_cell.kind, ==, CRK_TABLE_CELL_EMPTY);
      else
        g_assert_cmpfloat (score_cell.number, ==, crk_results_get_index_score (results, index));
      if (isnan (expected))
        {
          g_assert_cmpint (dim_cell.kind, ==, CRK_TABLE_CELL_EMPTY);
          n_empty++;
        }
      else
        g_assert_cmpfloat (dim_cell.number, ==, expected);
      g_assert_cmpstr (crk_ranking_table_get_cell (table, r, column_of (table, "Name")).text, ==,
                       crk_city_get_name (city));
    }
  /* the holes made are there, and empty */
  g_assert_cmpuint (n_empty, >=, 2);
  g_assert_cmpint (
    crk_ranking_table_get_cell (
      table, row_of (table, crk_city_get_code (crk_dataset_get_city (dataset, 3))), score)
      .kind,
    ==, CRK_TABLE_CELL_EMPTY);

  /* other score columns, and a choice of rows */
  {
    guint nodes[] = {first_index, 0};
    guint cities[] = {9, 2};
    g_autoptr (CrkRankingTable) chosen = crk_ranking_table_new (results, 0, nodes, 2);

    crk_ranking_table_set_cities (chosen, cities, 2);
    g_assert_cmpuint (crk_ranking_table_get_n_rows (chosen), ==, 2);
    g_assert_cmpstr (crk_ranking_table_get_header (chosen, score + 2), ==,
                     crk_framework_node_get_display_name (crk_results_get_node (results, 0)));
    g_assert_cmpstr (crk_ranking_table_get_cell (chosen, 0, 1).text, ==,
                     crk_city_get_code (crk_dataset_get_city (dataset, 9)));
    g_assert_cmpfloat (crk_ranking_table_get_cell (chosen, 1, score + 2).number, ==,
                       crk_results_get_index_score (results, 2));
  }
}

/* Columns no city fills are left out; tier and rank change where the dataset has them. */
static void
test_columns (void)
{
  g_autoptr (CrkDataset) ccid = load_sample ("advanced-manufacturing-cities.cityrank.xml");
  g_autoptr (CrkResults) results = compute (ccid);
  g_autoptr (CrkRankingTable) table = crk_ranking_table_new (results, 0, NULL, 0);
  guint change = column_of (table, "Rank change");
  guint n_moved = 0;

  column_of (table, "Tier");
  column_of (table, "Chinese name");
  column_of (table, "Province");
  g_assert_true (crk_results_has_base_year (results));
  for (guint r = 0; r < crk_ranking_table_get_n_rows (table); r++)
    {
      CrkTableCell cell = crk_ranking_table_get_cell (table, r, change);
      CrkCity *city = crk_dataset_lookup_city (ccid, crk_ranking_table_get_cell (table, r, 1).text);
      int expected;

      if (crk_results_get_change (results, crk_city_get_index (city), &expected, NULL))
        {
          g_assert_cmpint (cell.kind, ==, CRK_TABLE_CELL_NUMBER);
          g_assert_cmpfloat (cell.number, ==, expected);
          n_moved += expected != 0;
        }
      else
        g_assert_cmpint (cell.kind, ==, CRK_TABLE_CELL_EMPTY);
    }
  g_assert_cmpuint (n_moved, >, 0);

  /* no tiers, no base year in the yearbook: no such columns */
  {
    g_autoptr (CrkDataset) yearbook = load_sample ("chinese-cities-yearbook.cityrank.xml");
    g_autoptr (CrkResults) r2 = compute (yearbook);
    g_autoptr (CrkRankingTable) t2 = crk_ranking_table_new (r2, 0, NULL, 0);

    for (guint c = 0; c < crk_ranking_table_get_n_columns (t2); c++)
      {
        g_assert_cmpstr (crk_ranking_table_get_header (t2, c), !=, "Tier");
        g_assert_cmpstr (crk_ranking_table_get_header (t2, c), !=, "Rank change");
      }
  }
}

static void
test_tsv (void)
{
  g_autoptr (CrkDataset) dataset = load_with_holes ();
  g_autoptr (CrkResults) results = compute (dataset);
  g_autoptr (CrkRankingTable) table = crk_ranking_table_new (results, 0, NULL, 0);
  g_autofree char *tsv = crk_ranking_table_to_tsv (table);
  g_auto (GStrv) lines = g_strsplit (tsv, "\n", -1);
  guint n_rows = crk_ranking_table_get_n_rows (table);

  g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 2); /* header, rows, "" after the last \n */
  g_assert_cmpstr (lines[n_rows + 1], ==, "");
  for (guint l = 0; l <= n_rows; l++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[l], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, crk_ranking_table_get_n_columns (table));
      for (guint c = 0; fields[c] != NULL; c++)
        {
          if (l == 0)
            g_assert_cmpstr (fields[c], ==, crk_ranking_table_get_header (table, c));
          else
            assert_text_cell (fields[c], crk_ranking_table_get_cell (table, l - 1, c));
        }
    }
}

static void
test_csv (void)
{
  g_autoptr (CrkDataset) dataset = load_with_holes ();
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkRankingTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crk-table-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ranking.csv", NULL);
  g_autofree char *text = NULL;

  /* text that needs quoting */
  crk_city_set_name (crk_dataset_get_city (dataset, 0), "Quote \"this\", please");
  crk_city_set_name (crk_dataset_get_city (dataset, 1), "Two\nlines");
  results = compute (dataset);
  table = crk_ranking_table_new (results, 0, NULL, 0);
  g_assert_true (crk_ranking_table_write (table, path, CRK_TABLE_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, crk_ranking_table_get_n_rows (table) + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (row->len, ==, crk_ranking_table_get_n_columns (table));
      for (guint c = 0; c < row->len; c++)
        if (r == 0)
          g_assert_cmpstr (g_ptr_array_index (row, c), ==, crk_ranking_table_get_header (table, c));
        else
          assert_text_cell (g_ptr_array_index (row, c),
                            crk_ranking_table_get_cell (table, r - 1, c));
    }
  g_assert_nonnull (strstr (text, "\"Quote \"\"this\"\", please\""));

  /* no temporary file is left beside it; a folder is refused, saying so */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  /* .tsv: the clipboard's text in a file */
  {
    g_autofree char *tsv_path = g_build_filename (dir, "ranking.TSV", NULL);
    g_autofree char *tsv = crk_ranking_table_to_tsv (table);
    g_autofree char *tsv_written = NULL;

    g_assert_cmpint (crk_table_format_from_path (tsv_path), ==, CRK_TABLE_FORMAT_TSV);
    g_assert_true (crk_ranking_table_write (table, tsv_path, CRK_TABLE_FORMAT_AUTO, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (tsv_path, &tsv_written, NULL, NULL));
    g_assert_cmpstr (tsv_written, ==, tsv);
    g_unlink (tsv_path);
  }
  g_assert_false (crk_ranking_table_write (table, dir, CRK_TABLE_FORMAT_CSV, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (crk_ranking_table_write (table, "/tmp/x.unknown", CRK_TABLE_FORMAT_AUTO, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "x.unknown"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Written by libxlsxwriter, read back by crk-import-xlsx.c: numbers are numbers, missing
 * values are no cell at all, the header is text, the sheet is named after the data. */
static void
test_xlsx (void)
{
  g_autoptr (CrkDataset) dataset = load_with_holes ();
  g_autoptr (CrkResults) results = compute (dataset);
  g_autoptr (CrkRankingTable) table = crk_ranking_table_new (results, 0, NULL, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (CrkSheetSet) sheets = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crk-table-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ranking.xlsx", NULL);
  g_autofree char *name = crk_ranking_table_dup_sheet_name (table);
  const CrkImporter *xlsx = crk_importer_lookup ("xlsx");
  guint n_numbers = 0, n_empty = 0;
  CrkSheet *sheet;

  /* an old file is replaced */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (crk_ranking_table_write (table, path, CRK_TABLE_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  g_assert_true (crk_import_detect (path, NULL) == xlsx);
  sheets = xlsx->read_sheets (path, NULL, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheets);
  g_assert_cmpuint (sheets->sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets->sheets, 0);
  g_assert_cmpstr (sheet->name, ==, name);
  {
    g_autofree char *year = g_strdup_printf (" %d", crk_results_get_year (results));

    g_assert_true (g_str_has_suffix (name, year));
  }
  g_assert_cmpuint (sheet->n_rows, ==, crk_ranking_table_get_n_rows (table) + 1);
  g_assert_cmpuint (sheet->n_columns, ==, crk_ranking_table_get_n_columns (table));
  for (guint c = 0; c < crk_ranking_table_get_n_columns (table); c++)
    {
      const CrkCell *cell = crk_sheet_get (sheet, 0, c);

      g_assert_nonnull (cell);
      g_assert_cmpint (cell->type, ==, CRK_CELL_TEXT);
      g_assert_cmpstr (cell->text, ==, crk_ranking_table_get_header (table, c));
    }
  for (guint r = 0; r < crk_ranking_table_get_n_rows (table); r++)
    for (guint c = 0; c < crk_ranking_table_get_n_columns (table); c++)
      {
        CrkTableCell expected = crk_ranking_table_get_cell (table, r, c);
        const CrkCell *cell = crk_sheet_get (sheet, r + 1, c);

        if (expected.kind == CRK_TABLE_CELL_EMPTY)
          {
            g_assert_null (cell);
            n_empty++;
          }
        else if (expected.kind == CRK_TABLE_CELL_TEXT)
          {
            g_assert_nonnull (cell);
            g_assert_cmpint (cell->type, ==, CRK_CELL_TEXT);
            g_assert_cmpstr (cell->text, ==, expected.text);
          }
        else
          {
            g_assert_nonnull (cell);
            g_assert_cmpint (cell->type, ==, CRK_CELL_NUMBER);
            /* libxlsxwriter writes 16 significant digits (Excel shows 15) */
            g_assert_cmpfloat (fabs (cell->number - expected.number), <=,
                               1e-15 * fabs (expected.number));
            n_numbers++;
          }
      }
  g_assert_cmpuint (n_numbers, >, 2 * crk_ranking_table_get_n_rows (table));
  g_assert_cmpuint (n_empty, >=, 3);

  /* the header row frozen and bold, the columns sized (the sheet's XML as written) */
  {
    g_autoptr (CrkZip) zip = crk_zip_open (path, &error);
    g_autofree char *xml = NULL;
    g_autofree char *styles = NULL;

    g_assert_no_error (error);
    xml = crk_zip_read_entry (zip, "xl/worksheets/sheet1.xml", 16 << 20, NULL, &error);
    g_assert_no_error (error);
    styles = crk_zip_read_entry (zip, "xl/styles.xml", 1 << 20, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (xml, "<pane ySplit=\"1\" topLeftCell=\"A2\""));
    g_assert_nonnull (strstr (xml, "state=\"frozen\""));
    g_assert_nonnull (strstr (xml, "<col min=\"1\" max=\"1\" width="));
    g_assert_nonnull (strstr (xml, "<c r=\"A1\" s=\"1\" t=\"s\">"));
    g_assert_nonnull (strstr (styles, "<font><b/>"));
  }

  /* a folder that does not exist: an error naming the file, nothing written */
  {
    g_autofree char *bad = g_build_filename (dir, "no-such-folder", "t.xlsx", NULL);

    g_assert_false (crk_ranking_table_write (table, bad, CRK_TABLE_FORMAT_XLSX, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, bad));
    g_clear_error (&error);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* Excel's rules for sheet names: at most 31 characters, none of []:*?/\ */
static void
test_sheet_name (void)
{
  g_autoptr (CrkDataset) dataset = load_sample ("shenzhen-emerging-industries-2020.cityrank.xml");
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkRankingTable) table = NULL;
  g_autofree char *name = NULL;

  crk_dataset_set_title (dataset, "A [very] long: title/with*every?bad\\character in it");
  results = compute (dataset);
  table = crk_ranking_table_new (results, 0, NULL, 0);
  name = crk_ranking_table_dup_sheet_name (table);
  g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
  g_assert_null (strpbrk (name, "[]:*?/\\"));
  g_assert_true (g_str_has_prefix (name, "A  very  long"));
  g_assert_true (g_str_has_suffix (name, " 2020"));
  /* cut at a word: "character" does not fit, and is not cut in two */
  g_assert_cmpstr (name, ==, "A  very  long  title with 2020");

  /* a title of no words (Chinese) is cut at a character */
  crk_dataset_set_title (dataset, "深圳市战略性新兴产业增加值与增长速度统计表二〇二〇年版本之一");
  g_clear_pointer (&table, crk_ranking_table_free);
  g_clear_object (&results);
  g_clear_pointer (&name, g_free);
  results = compute (dataset);
  table = crk_ranking_table_new (results, 0, NULL, 0);
  name = crk_ranking_table_dup_sheet_name (table);
  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 31);
  g_assert_true (g_str_has_prefix (name, "深圳市战略性新兴产业"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-export/cells", test_cells);
  g_test_add_func ("/table-export/columns", test_columns);
  g_test_add_func ("/table-export/tsv", test_tsv);
  g_test_add_func ("/table-export/csv", test_csv);
  g_test_add_func ("/table-export/xlsx", test_xlsx);
  g_test_add_func ("/table-export/sheet-name", test_sheet_name);
  return g_test_run ();
}
