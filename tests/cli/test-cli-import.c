/* test-cli-import.c: cityrank-cli import run as a program, on the real SDMX-ML files of
 * $CRK_SHARED_DIR/data/external/sdmx-ml: the long CSV table (every value compared with the
 * file), a new dataset (valid), several files into one, another frequency refused, adding
 * into a dataset (unchanged, refused, replaced, unmatched), bad arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "crk-test-cli.h"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static char *
sdmx_path (const char *name)
{
  return g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "sdmx-ml", name, NULL);
}

/* The SDMX-ML 2.1 importer is in the registry (else the test is skipped). */
static gboolean
have_sdmx (void)
{
  Run run = run_cli ("import", "--list-formats", NULL);
  gboolean have = run.status == 0 && strstr (run.out, "sdmx-2.1 ") != NULL;

  run_clear (&run);
  if (!have)
    g_test_skip ("no SDMX-ML 2.1 importer in the registry");
  return have;
}

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("crk-cli-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
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

/* info and rank open an SDMX-ML file as they open a dataset; --list-formats names the
 * native format and COINr's pair too. */
static void
test_open_any (void)
{
  g_autofree char *path = sdmx_path ("estat_data.xml");
  Run run;

  if (!have_sdmx ())
    return;
  run = run_cli ("info", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "estat_data"));
  run_clear (&run);
  run = run_cli ("rank", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "estat_data"));
  run_clear (&run);
  run = run_cli ("import", "--list-formats", NULL);
  g_assert_true (g_str_has_prefix (run.out, "cityrank "));
  g_assert_nonnull (strstr (run.out, "\ncoinr "));
  run_clear (&run);
}

static void
test_list_formats (void)
{
  Run run = run_cli ("import", "--list-formats", NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  if (*run.out != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (run.out, "\n", -1);

      /* ID, name, patterns */
      for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
        g_assert_nonnull (strstr (lines[i], "*."));
    }
  run_clear (&run);
}

static void
test_bad_arguments (void)
{
  const char *cases[][6] = {
    {"import", NULL},
    {"import", "a.xml", NULL},
    {"import", "--layout", "diagonal", "a.xml", "-o", "b.csv"},
    {"import", "--replace", "a.xml", "-o", "b.cityrank.xml", NULL},
    {"import", "--format", "no-such-format", "a.xml", "-o", "b.csv"},
    {"import", "--into", "d.cityrank.xml", "a.xml", "-o", "b.csv"},
    {"import", "--year", "12345", "a.xml", "-o", "b.csv"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run run = run_cli (cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4],
                         cases[i][5], NULL);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "cityrank-cli: "));
      run_clear (&run);
    }
}

/* estat_data.xml as the long table: every observation of the file, its value the same
 * double. */
static void
test_csv (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *input = sdmx_path ("estat_data.xml");
  g_autofree char *out = g_build_filename (dir, "estat.csv", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GRegex) obs =
    g_regex_new ("<Obs TIME_PERIOD=\"([0-9]+)\" OBS_VALUE=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;
  Run run;

  if (!have_sdmx ())
    return;
  run = run_cli ("import", input, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (input, &xml, NULL, NULL));
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "key,indicator,period,value");
  for (g_regex_match (obs, xml, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 2);
      g_auto (GStrv) fields = NULL;

      g_assert_nonnull (lines[n + 1]);
      fields = g_strsplit (lines[n + 1], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[0], ==, "AL.C0000X0350-0370.GWH.A.AFC");
      g_assert_cmpstr (fields[1], ==, "NRG_BAL_S");
      g_assert_cmpstr (fields[2], ==, year);
      g_assert_true (g_ascii_strtod (fields[3], NULL) == g_ascii_strtod (value, NULL));
      n++;
    }
  g_assert_cmpuint (n, ==, 33);
  g_assert_cmpstr (lines[n + 1], ==, "");
  g_assert_null (lines[n + 2]);
  run_clear (&run);
  remove_dir (dir);
}

/* Two files into one dataset, which cityrank-cli validate takes. */
static void
test_dataset (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *a = sdmx_path ("estat_data.xml");
  g_autofree char *b = sdmx_path ("sdmx-GenericData21.xml");
  g_autofree char *out = g_build_filename (dir, "both.cityrank.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: valid\n", out);
  Run run, valid, info;

  if (!have_sdmx ())
    return;
  run = run_cli ("import", a, b, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  valid = run_cli ("validate", out, NULL);
  g_assert_cmpstr (valid.err, ==, "");
  g_assert_cmpstr (valid.out, ==, expected);
  info = run_cli ("info", out, NULL);
  g_assert_nonnull (strstr (info.out, "Cities:          2\n"));
  g_assert_nonnull (strstr (info.out, "Indicators:      2\n"));
  /* 1960 … 2016 and 1990 … 2022 */
  g_assert_nonnull (strstr (info.out, "Years:           1960 1961 "));
  g_assert_nonnull (strstr (info.out, " 2021 2022\n"));
  run_clear (&run);
  run_clear (&valid);
  run_clear (&info);
  remove_dir (dir);
}

/* Monthly data: one error, nothing written. */
static void
test_monthly (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *input = sdmx_path ("M.USD.EUR.SP00.A.xml");
  g_autofree char *out = g_build_filename (dir, "m.cityrank.xml", NULL);
  g_auto (GStrv) lines = NULL;
  Run run;

  if (!have_sdmx ())
    return;
  run = run_cli ("import", input, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], input));
  g_assert_true (g_str_has_suffix (
    lines[0],
    ": error: 252 monthly observations (1999-01 … 2019-12); the dataset takes annual data"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);
  remove_dir (dir);
}

/* A copy of estat_data.xml with the value of 2000 changed to 1234.5; @old: the value it had. */
static char *
changed_copy (const char *dir, char **old)
{
  g_autofree char *input = sdmx_path ("estat_data.xml");
  g_autofree char *xml = NULL;
  g_autofree char *changed = NULL;
  const char *mark = "<Obs TIME_PERIOD=\"2000\" OBS_VALUE=\"";
  char *path = g_build_filename (dir, "estat-changed.xml", NULL);
  char *at, *end;

  g_assert_true (g_file_get_contents (input, &xml, NULL, NULL));
  at = strstr (xml, mark);
  g_assert_nonnull (at);
  at += strlen (mark);
  end = strchr (at, '"');
  *old = g_strndup (at, (gsize) (end - at));
  changed = g_strdup_printf ("%.*s1234.5%s", (int) (at - xml), xml, end);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  return path;
}

static void
test_into (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *input = sdmx_path ("estat_data.xml");
  g_autofree char *other = sdmx_path ("sdmx-GenericData21.xml");
  g_autofree char *base = g_build_filename (dir, "base.cityrank.xml", NULL);
  g_autofree char *out = g_build_filename (dir, "out.cityrank.xml", NULL);
  g_autofree char *changed = NULL;
  g_autofree char *old = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *replaced = NULL;
  Run run;

  if (!have_sdmx ())
    return;
  changed = changed_copy (dir, &old);
  refused = g_strdup_printf (
    ": error: refused: the value of “NRG_BAL_S” for “AL.C0000X0350-0370.GWH.A.AFC” in 2000 "
    "would change from %s to 1234.5\n",
    old);
  replaced =
    g_strdup_printf (": note: the value of “NRG_BAL_S” for “AL.C0000X0350-0370.GWH.A.AFC” in 2000 "
                     "changed from %s to 1234.5\n",
                     old);
  run = run_cli ("import", input, "-o", base, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* the same values again: nothing to say */
  run = run_cli ("import", input, "--into", base, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* a changed value: refused, nothing written */
  g_unlink (out);
  run = run_cli ("import", changed, "--into", base, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, changed));
  g_assert_true (g_str_has_suffix (run.err, refused));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* replaced: a note */
  run = run_cli ("import", changed, "--into", base, "--replace", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, changed));
  g_assert_true (g_str_has_suffix (run.err, replaced));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* a key the dataset does not have */
  run = run_cli ("import", other, "--into", base, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, other));
  g_assert_nonnull (strstr (run.err, ": error: no city of the dataset matches “"));
  run_clear (&run);
  remove_dir (dir);
}

/* The yearbook table (csv-table importer) into the Chinese sample: all 279 cities found by
 * their Chinese names (金昌市 …), the four columns added as indicators; again into what
 * that wrote: nothing changes. */
static void
test_yearbook_into (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *table = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "csv",
                                             "yearbook_light.csv", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                                              "chinese-cities-yearbook.cityrank.xml", NULL);
  g_autofree char *out = g_build_filename (dir, "yearbook.cityrank.xml", NULL);
  g_autofree char *again = g_build_filename (dir, "again.cityrank.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: valid\n", out);
  Run list = run_cli ("import", "--list-formats", NULL);
  Run run, valid, info;

  if (strstr (list.out, "csv-table ") == NULL)
    {
      g_test_skip ("no CSV table importer in the registry");
      run_clear (&list);
      return;
    }
  run_clear (&list);
  run = run_cli ("import", table, "--year", "2015", "--into", sample, "-o", out, NULL);
  g_assert_null (strstr (run.err, ": error: "));
  g_assert_cmpint (run.status, ==, 0);
  valid = run_cli ("validate", out, NULL);
  g_assert_cmpstr (valid.out, ==, expected);
  info = run_cli ("info", out, NULL);
  g_assert_nonnull (strstr (info.out, "Cities:          279\n"));
  g_assert_nonnull (strstr (info.out, "Indicators:      8\n"));
  g_assert_nonnull (strstr (info.out, "Years:           2015\n"));
  run_clear (&run);
  run = run_cli ("import", table, "--year", "2015", "--into", out, "-o", again, NULL);
  g_assert_null (strstr (run.err, ": error: "));
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_clear (&valid);
  run_clear (&info);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-import/list-formats", test_list_formats);
  g_test_add_func ("/cli-import/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli-import/csv", test_csv);
  g_test_add_func ("/cli-import/dataset", test_dataset);
  g_test_add_func ("/cli-import/monthly", test_monthly);
  g_test_add_func ("/cli-import/into", test_into);
  g_test_add_func ("/cli-import/yearbook-into", test_yearbook_into);
  g_test_add_func ("/cli/import/open-any", test_open_any);
  return g_test_run ();
}
