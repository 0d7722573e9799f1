/* test-property.c: whatever reads, writes and reads back the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every file the tests have (tests/io/fixtures, data/samples, the CSV pairs of
 * tests/csv/fixtures and COINr's ASEM pair from CRK_SHARED_DIR): when it reads (or
 * imports) without problems, the dataset written by crk_dataset_write_to_bytes() reads
 * back without problems, and writing that gives the same bytes. Every reader ends with
 * the same rules (crk-dataset-rules.c), so `convert` never writes what `validate` refuses.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-model.h"

typedef struct
{
  char *path; /* a .cityrank.xml file, or a CSV data table */
  char *meta; /* the CSV metadata table, NULL for a native file */
  char *test_path;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c->meta);
  g_free (c->test_path);
  g_free (c);
}

static void
add_case (GPtrArray *cases, const char *group, const char *path, const char *meta)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *base = g_path_get_basename (path);

  c->path = g_strdup (path);
  c->meta = g_strdup (meta);
  c->test_path = g_strdup_printf ("/io/property/%s/%s", group, base);
  g_ptr_array_add (cases, c);
}

static void
log_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *s = crk_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", s);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) again_problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkDataset) again = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) bytes_again = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *doc;

  if (c->meta != NULL)
    dataset = crk_csv_import (c->path, c->meta, 2020, &problems, &error);
  else
    dataset = crk_dataset_read (c->path, &problems, &error);
  if (dataset == NULL)
    {
      /* Refused: nothing to write. */
      g_assert_nonnull (error);
      g_assert_true (problems == NULL || problems->len > 0 || error->code == CRK_IMPORT_ERROR_IO);
      g_test_message ("refused: %s", error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  bytes = crk_dataset_write_to_bytes (dataset);
  g_assert_nonnull (bytes);
  doc = g_bytes_get_data (bytes, &length);
  name = g_strconcat (c->path, ".written.cityrank.xml", NULL);
  again = crk_dataset_read_from_memory (doc, length, name, &again_problems, &error);
  log_problems (again_problems);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again_problems->len, ==, 0);

  bytes_again = crk_dataset_write_to_bytes (again);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      gsize length_again;
      const char *doc_again = g_bytes_get_data (bytes_again, &length_again);
      gsize i = 0;

      while (i < length && i < length_again && doc[i] == doc_again[i])
        i++;
      g_error ("writing %s again gives other bytes, from byte %" G_GSIZE_FORMAT, c->path, i);
    }
}

static char *
source_path (const char *first, ...)
{
  const char *root = g_getenv ("CRK_SOURCE_DIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) s);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir ending with @suffix, sorted. */
static GPtrArray *
list_dir (const char *dir, const char *suffix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static void
add_native_cases (GPtrArray *cases, const char *group, const char *dir)
{
  g_autoptr (GPtrArray) names = list_dir (dir, ".cityrank.xml");

  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      add_case (cases, group, path, NULL);
    }
}

/* X_data.csv with X_meta.csv when there is one, else small_meta.csv (as the CSV tests
 * pair them); and the pair in pair/. */
static void
add_csv_cases (GPtrArray *cases, const char *dir)
{
  g_autoptr (GPtrArray) names = list_dir (dir, "_data.csv");
  g_autofree char *small_meta = g_build_filename (dir, "small_meta.csv", NULL);
  g_autofree char *pair_data = g_build_filename (dir, "pair", "Cities_Data.csv", NULL);
  g_autofree char *pair_meta = g_build_filename (dir, "pair", "Cities_Meta.csv", NULL);

  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *prefix = g_strndup (name, strlen (name) - strlen ("_data.csv"));
      g_autofree char *meta_name = g_strconcat (prefix, "_meta.csv", NULL);
      g_autofree char *meta = g_build_filename (dir, meta_name, NULL);

      add_case (cases, "csv-fixtures", path,
                g_file_test (meta, G_FILE_TEST_EXISTS) ? meta : small_meta);
    }
  add_case (cases, "csv-fixtures", pair_data, pair_meta);
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *io_fixtures = NULL;
  g_autofree char *csv_fixtures = NULL;
  g_autofree char *samples = NULL;
  const char *shared = g_getenv ("CRK_SHARED_DIR");

  g_test_init (&argc, &argv, NULL);

  io_fixtures = g_test_build_filename (G_TEST_DIST, "io", "fixtures", NULL);
  csv_fixtures = g_test_build_filename (G_TEST_DIST, "csv", "fixtures", NULL);
  samples = source_path ("data", "samples", NULL);
  add_native_cases (cases, "io-fixtures", io_fixtures);
  add_native_cases (cases, "samples", samples);
  add_csv_cases (cases, csv_fixtures);
  if (shared != NULL)
    {
      g_autofree char *data =
        g_build_filename (shared, "data", "external", "asem", "asem_idata.csv", NULL);
      g_autofree char *meta =
        g_build_filename (shared, "data", "external", "asem", "asem_imeta.csv", NULL);

      if (g_file_test (data, G_FILE_TEST_EXISTS) && g_file_test (meta, G_FILE_TEST_EXISTS))
        add_case (cases, "asem", data, meta);
    }

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      g_test_add_data_func (c->test_path, c, test_case);
    }
  return g_test_run ();
}
