/* test-cli-dataset.c: cityrank-cli validate, convert, info and rank's group names, run as a
 * program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crk-test-cli.h"

static char *
source_path (const char *a, const char *b, const char *c)
{
  return g_build_filename (g_getenv ("CRK_SOURCE_DIR"), a, b, c, NULL);
}

static char *
asem_path (const char *name)
{
  return g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "asem", name, NULL);
}

static GPtrArray *
sample_paths (void)
{
  g_autofree char *dir_path = source_path ("data", "samples", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cityrank.xml"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_assert_cmpuint (paths->len, >, 0);
  return paths;
}

static void
test_validate_samples (void)
{
  g_autoptr (GPtrArray) paths = sample_paths ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      Run run = run_cli ("validate", path, NULL);
      g_autofree char *expected = g_strdup_printf ("%s: valid\n", path);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (run.out, ==, expected);
      run_clear (&run);
    }
}

/* Every problem on its own line of stderr, exactly FILE:LINE:COLUMN: error: MESSAGE. */
static void
test_validate_problems (void)
{
  g_autofree char *bad = source_path ("tests", "io", "fixtures/several-problems.cityrank.xml");
  g_autofree char *good = source_path ("tests", "io", "fixtures/valid.cityrank.xml");
  Run run = run_cli ("validate", "--quiet", good, bad, NULL);
  g_autofree char *expected = g_strdup_printf (
    "%s:12:5: error: the city code “A” is used twice (first at line 9)\n"
    "%s:32:9: error: the value “one” of “X” for “A” in 2020 is not a number\n"
    "%s:33:9: error: a value of an unknown indicator “Q”\n"
    "%s:35:7: error: the year 1999 is not one of the dataset’s years (<years> in <metadata>)\n",
    bad, bad, bad, bad);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);
}

/* Every bad fixture fails, each stderr line in the format. */
static void
test_validate_fixtures (void)
{
  g_autofree char *dir_path = source_path ("tests", "io", "fixtures");
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GRegex) format = g_regex_new ("^(.+):([0-9]+):([0-9]+): error: (.+)$", 0, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_auto (GStrv) lines = NULL;
      Run run;

      /* valid.cityrank.xml and the feature fixtures named *-valid.cityrank.xml */
      if (g_str_equal (name, "valid.cityrank.xml") ||
          g_str_has_suffix (name, "-valid.cityrank.xml"))
        continue;
      run = run_cli ("validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_suffix (run.err, "\n"));
      lines = g_strsplit (run.err, "\n", -1);
      for (guint i = 0; lines[i + 1] != NULL; i++)
        {
          g_autoptr (GMatchInfo) match = NULL;
          g_autofree char *file = NULL;

          if (!g_regex_match (format, lines[i], 0, &match))
            g_error ("not FILE:LINE:COLUMN: error: MESSAGE: %s", lines[i]);
          file = g_match_info_fetch (match, 1);
          g_assert_cmpstr (file, ==, path);
        }
      run_clear (&run);
      n++;
    }
  g_assert_cmpuint (n, >=, 20);
}

static void
test_usage (void)
{
  g_autofree char *good = source_path ("tests", "io", "fixtures/valid.cityrank.xml");
  const char *const cases[][4] = {
    {"validate", NULL},
    {"validate", "--no-such-option", good, NULL},
    {"convert", good, NULL},                   /* no -o */
    {"convert", "-o", "x.cityrank.xml", NULL}, /* no input */
    {
      "convert",
      "--data",
      "d.csv",
      "-o",
    },                                    /* -o without its value */
    {"convert", "--data", "d.csv", NULL}, /* no --meta, no -o */
    {"info", NULL},
    {"info", good, good, NULL},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run run = run_cli (cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "cityrank-cli: "));
      g_assert_nonnull (strstr (run.err, "Usage:"));
      run_clear (&run);
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *commands[] = {"validate", "convert", "info"};
      Run run = run_cli (commands[i], "--help", NULL);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage:"));
      g_assert_nonnull (strstr (run.out, commands[i]));
      run_clear (&run);
    }
}

static void
test_missing_file (void)
{
  Run run = run_cli ("validate", "/nonexistent/x.cityrank.xml", NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "/nonexistent/x.cityrank.xml: error: "));
  run_clear (&run);
}

/* ASEM: CSV pair -> dataset file -> valid -> converts back to itself byte for byte. */
static void
test_convert_asem (void)
{
  g_autofree char *data = asem_path ("asem_idata.csv");
  g_autofree char *meta = asem_path ("asem_imeta.csv");
  g_autofree char *dir = g_dir_make_tmp ("crk-cli-XXXXXX", NULL);
  g_autofree char *out1 = g_build_filename (dir, "asem.cityrank.xml", NULL);
  g_autofree char *out2 = g_build_filename (dir, "asem-again.cityrank.xml", NULL);
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  gsize l1, l2;
  Run run;

  run = run_cli ("convert", "--data", data, "--meta", meta, "-o", out1, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_cli ("validate", out1, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_cli ("convert", out1, "-o", out2, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_assert_true (g_file_get_contents (out1, &c1, &l1, NULL));
  g_assert_true (g_file_get_contents (out2, &c2, &l2, NULL));
  g_assert_cmpmem (c1, l1, c2, l2);
  g_assert_nonnull (strstr (c1, "<city code=\"AUT\">\n      <name>Austria</name>\n"));

  /* Either table alone finds the other. */
  run = run_cli ("convert", meta, "-o", out2, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_clear_pointer (&c2, g_free);
  g_assert_true (g_file_get_contents (out2, &c2, &l2, NULL));
  g_assert_cmpmem (c1, l1, c2, l2);

  /* The same document on standard output. */
  run = run_cli ("convert", out1, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, c1);
  run_clear (&run);

  /* info on the result: 51 countries (ISO codes), 49 indicators, 4 denominators, 4 levels. */
  run = run_cli ("info", out1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Countries:       51\n"));
  g_assert_nonnull (strstr (run.out, "Indicators:      49\n"));
  g_assert_nonnull (strstr (run.out, "Denominators:    4\n"));
  g_assert_nonnull (strstr (run.out, "Levels:          4\n"));
  g_assert_nonnull (strstr (run.out, "Years:           2018\n"));
  run_clear (&run);

  g_unlink (out1);
  g_unlink (out2);
  g_rmdir (dir);
}

/* A sample dataset converts to the same bytes twice, and keeps its counts. */
static void
test_convert_samples (void)
{
  g_autoptr (GPtrArray) paths = sample_paths ();
  g_autofree char *dir = g_dir_make_tmp ("crk-cli-XXXXXX", NULL);
  g_autofree char *out1 = g_build_filename (dir, "a.cityrank.xml", NULL);
  g_autofree char *out2 = g_build_filename (dir, "b.cityrank.xml", NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *c1 = NULL;
      g_autofree char *c2 = NULL;
      Run info1, info2, run;

      run = run_cli ("convert", g_ptr_array_index (paths, i), "-o", out1, NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      run = run_cli ("convert", out1, "-o", out2, NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      g_assert_true (g_file_get_contents (out1, &c1, NULL, NULL));
      g_assert_true (g_file_get_contents (out2, &c2, NULL, NULL));
      g_assert_cmpstr (c1, ==, c2);

      info1 = run_cli ("info", g_ptr_array_index (paths, i), NULL);
      info2 = run_cli ("info", out1, NULL);
      g_assert_cmpint (info1.status, ==, 0);
      /* Same counts; only the "File:" line differs. */
      g_assert_cmpstr (strchr (info1.out, '\n'), ==, strchr (info2.out, '\n'));
      run_clear (&info1);
      run_clear (&info2);
    }
  g_unlink (out1);
  g_unlink (out2);
  g_rmdir (dir);
}

/* A failed conversion reports the CSV problems in the same format, and writes nothing. */
static void
test_convert_bad_input (void)
{
  g_autofree char *bad = source_path ("tests", "io", "fixtures/duplicate-city.cityrank.xml");
  g_autofree char *dir = g_dir_make_tmp ("crk-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.cityrank.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:13:5: error: ", bad);
  Run run = run_cli ("convert", bad, "-o", out, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);
  g_rmdir (dir);
}

static void
test_info (void)
{
  g_autofree char *good = source_path ("tests", "io", "fixtures/valid.cityrank.xml");
  g_autofree char *expected = g_strdup_printf ("File:            %s\n"
                                               "Title:           Fixture\n"
                                               "Ranks:           cities (unit=\"city\")\n"
                                               "Cities:          2\n"
                                               "Indicators:      2\n"
                                               "Denominators:    1\n"
                                               "Levels:          3\n"
                                               "Dimensions:      2\n"
                                               "Years:           2020 2021\n"
                                               "Missing values:  6 of 8 (75.0 %%)\n"
                                               "  2020           2 of 4 (50.0 %%)\n"
                                               "  2021           4 of 4 (100.0 %%)\n"
                                               "Method:          default\n",
                                               good);
  Run run = run_cli ("info", good, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  run_clear (&run);

  /* COINr's ASEM pair ranks countries */
  {
    g_autofree char *asem = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external",
                                              "asem", "asem_idata.csv", NULL);
    Run r = run_cli ("info", asem, NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\nRanks:           countries (unit=\"country\")\n"));
    run_clear (&r);
  }
}

/* The text of `rank --group` names the group in the reader's language; CSV and JSON keep
 * the value, which is data. */
static void
test_rank_group_names (void)
{
  g_autofree char *sample =
    source_path ("data", "samples", "advanced-manufacturing-cities.cityrank.xml");
  g_autofree char *dir = g_dir_make_tmp ("crk-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "named.cityrank.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  Run run;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, &error));
  g_assert_no_error (error);
  /* the sample names its provinces; name Guangdong here if this one does not */
  if (strstr (contents, "<groups>") == NULL)
    {
      g_auto (GStrv) parts = g_strsplit (contents, "</cities>\n", 2);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      g_free (contents);
      contents = g_strconcat (parts[0],
                              "</cities>\n  <groups>\n"
                              "    <group attribute=\"province\" value=\"Guangdong\">\n"
                              "      <name xml:lang=\"zh-CN\">广东</name>\n"
                              "    </group>\n  </groups>\n",
                              parts[1], NULL);
    }
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  run = run_cli ("--lang", "zh_CN", "rank", path, "--group", "province", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "  1 (广东)\n"));
  g_assert_null (strstr (run.out, "Guangdong"));
  run_clear (&run);

  run = run_cli ("--lang", "en", "rank", path, "--group", "province", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "  1 (Guangdong)\n"));
  g_assert_null (strstr (run.out, "广东"));
  run_clear (&run);

  run = run_cli ("--lang", "zh_CN", "rank", path, "--group", "province", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ",Guangdong,1\n"));
  g_assert_null (strstr (run.out, "广东"));
  run_clear (&run);

  run = run_cli ("--lang", "zh_CN", "rank", path, "--group", "province", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"group\": \"Guangdong\", \"group_rank\": 1"));
  g_assert_null (strstr (run.out, "广东"));
  run_clear (&run);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/samples", test_validate_samples);
  g_test_add_func ("/cli/validate/problems", test_validate_problems);
  g_test_add_func ("/cli/validate/fixtures", test_validate_fixtures);
  g_test_add_func ("/cli/validate/missing-file", test_missing_file);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/convert/asem", test_convert_asem);
  g_test_add_func ("/cli/convert/samples", test_convert_samples);
  g_test_add_func ("/cli/convert/bad-input", test_convert_bad_input);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/rank/group-names", test_rank_group_names);

  return g_test_run ();
}
