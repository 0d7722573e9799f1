/* test-cli-match.c: cityrank-cli import --match, --save-aliases and --aggregate, run as a
 * program on small CSV tables written by the test: a Chinese yearbook table added into an
 * English-named dataset (its keys unmatched, matched by hand, skipped, kept as aliases),
 * quarterly GDP made annual by mean, sum and last and compared value by value, an
 * incomplete year, bad arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-test-cli.h"

/* A dataset of two cities named in English only (as one built from an English source). */
static const char base_dataset[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
  "  <metadata>\n"
  "    <title>Pearl River Delta</title>\n"
  "    <years>2021</years>\n"
  "  </metadata>\n"
  "  <cities>\n"
  "    <city code=\"SZ\"><name>Shenzhen</name></city>\n"
  "    <city code=\"GZ\"><name>Guangzhou</name></city>\n"
  "  </cities>\n"
  "  <indicators>\n"
  "    <indicator code=\"GDP\" unit=\"亿元\"/>\n"
  "  </indicators>\n"
  "  <framework>\n"
  "    <node code=\"INDEX\" weight=\"1\"><indicator-ref code=\"GDP\" weight=\"1\"/></node>\n"
  "  </framework>\n"
  "  <values>\n"
  "    <city code=\"SZ\"><year value=\"2021\"><v i=\"GDP\">30664.85</v></year></city>\n"
  "    <city code=\"GZ\"><year value=\"2021\"><v i=\"GDP\">28231.97</v></year></city>\n"
  "  </values>\n"
  "</dataset>\n";

/* A yearbook's table of 2022, the cities spelt in Chinese. */
static const char yearbook[] = "城市,GDP（亿元）\n"
                               "深圳,32387.68\n"
                               "广州市,28839.00\n";

typedef struct
{
  char *dir;
  char *base;
  char *table;
  char *out;
} Files;

static gboolean
have_csv_tables (void)
{
  Run list = run_cli ("import", "--list-formats", NULL);
  gboolean have = strstr (list.out, "csv-table ") != NULL;

  run_clear (&list);
  if (!have)
    g_test_skip ("no CSV table importer in the registry");
  return have;
}

static void
files_init (Files *f, const char *table)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("crk-cli-match-XXXXXX", &error);
  g_assert_no_error (error);
  f->base = g_build_filename (f->dir, "base.cityrank.xml", NULL);
  f->table = g_build_filename (f->dir, "table.csv", NULL);
  f->out = g_build_filename (f->dir, "out.cityrank.xml", NULL);
  g_assert_true (g_file_set_contents (f->base, base_dataset, -1, NULL));
  g_assert_true (g_file_set_contents (f->table, table, -1, NULL));
}

static void
files_clear (Files *f)
{
  g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->table);
  g_free (f->out);
}

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The value of @indicator for @city in @year in a dataset file; NAN when none. */
static double
value_in (const char *path, const char *city, int year, const char *indicator)
{
  g_autofree char *xml = NULL;
  g_autofree char *city_tag = g_strdup_printf ("<city code=\"%s\">", city);
  g_autofree char *year_tag = g_strdup_printf ("<year value=\"%d\">", year);
  g_autofree char *v_tag = g_strdup_printf ("<v i=\"%s\">", indicator);
  const char *at, *city_end, *year_end;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  at = strstr (xml, "<values>");
  g_assert_nonnull (at);
  if ((at = strstr (at, city_tag)) == NULL)
    return NAN;
  city_end = strstr (at, "</city>");
  if ((at = strstr (at, year_tag)) == NULL || at > city_end)
    return NAN;
  year_end = strstr (at, "</year>");
  if ((at = strstr (at, v_tag)) == NULL || at > year_end)
    return NAN;
  return g_ascii_strtod (at + strlen (v_tag), NULL);
}

/* 深圳 and 广州市 match no city of an English-only dataset: an error each, nothing written. */
static void
test_unmatched (void)
{
  Files f;
  Run run;

  if (!have_csv_tables ())
    return;
  files_init (&f, yearbook);
  run = run_cli ("import", f.table, "--year", "2022", "--into", f.base, "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count (run.err, ": error: "), ==, 2);
  g_assert_nonnull (strstr (run.err, ": error: no city of the dataset matches “深圳”\n"));
  g_assert_nonnull (strstr (run.err, ": error: no city of the dataset matches “广州市”\n"));
  g_assert_false (g_file_test (f.out, G_FILE_TEST_EXISTS));
  run_clear (&run);
  files_clear (&f);
}

/* Matched by hand: the values added; the dataset valid; no alias without --save-aliases. */
static void
test_matched (void)
{
  g_autofree char *expected = NULL;
  g_autofree char *xml = NULL;
  Files f;
  Run run, valid;

  if (!have_csv_tables ())
    return;
  files_init (&f, yearbook);
  expected = g_strdup_printf ("%s: valid\n", f.out);
  run = run_cli ("import", f.table, "--year", "2022", "--into", f.base, "--match", "深圳=SZ",
                 "--match", "广州市=GZ", "-o", f.out, NULL);
  g_assert_cmpuint (count (run.err, ": error: "), ==, 0);
  g_assert_cmpint (run.status, ==, 0);
  valid = run_cli ("validate", f.out, NULL);
  g_assert_cmpstr (valid.out, ==, expected);
  g_assert_cmpfloat (value_in (f.out, "SZ", 2022, "GDP"), ==, 32387.68);
  g_assert_cmpfloat (value_in (f.out, "GZ", 2022, "GDP"), ==, 28839.00);
  g_assert_cmpfloat (value_in (f.out, "SZ", 2021, "GDP"), ==, 30664.85);
  g_assert_true (g_file_get_contents (f.out, &xml, NULL, NULL));
  g_assert_null (strstr (xml, "<alias>"));
  run_clear (&run);
  run_clear (&valid);
  files_clear (&f);
}

/* --save-aliases: the keys become aliases, and the next import matches without --match. */
static void
test_save_aliases (void)
{
  g_autofree char *again = NULL;
  g_autofree char *xml = NULL;
  Files f;
  Run run, next;

  if (!have_csv_tables ())
    return;
  files_init (&f, yearbook);
  again = g_build_filename (f.dir, "again.cityrank.xml", NULL);
  run = run_cli ("import", f.table, "--year", "2022", "--into", f.base, "--match", "深圳=SZ",
                 "--match", "广州市=GZ", "--save-aliases", "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (
    strstr (run.err, ": note: “深圳” saved as an alias of the city Shenzhen (SZ)\n"));
  g_assert_nonnull (
    strstr (run.err, ": note: “广州市” saved as an alias of the city Guangzhou (GZ)\n"));
  g_assert_true (g_file_get_contents (f.out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml,
                            "    <city code=\"SZ\">\n      <name>Shenzhen</name>\n      "
                            "<alias>深圳</alias>\n    </city>\n"));
  g_assert_nonnull (strstr (xml,
                            "    <city code=\"GZ\">\n      <name>Guangzhou</name>\n      "
                            "<alias>广州市</alias>\n    </city>\n"));
  next = run_cli ("import", f.table, "--year", "2022", "--into", f.out, "-o", again, NULL);
  g_assert_cmpuint (count (next.err, ": error: "), ==, 0);
  g_assert_cmpint (next.status, ==, 0);
  run_clear (&run);
  run_clear (&next);
  files_clear (&f);
}

/* KEY= leaves a key out on purpose; a bad choice is an error quoting it. */
static void
test_skip_and_bad_choices (void)
{
  Files f;
  Run run;

  if (!have_csv_tables ())
    return;
  files_init (&f, yearbook);
  run = run_cli ("import", f.table, "--year", "2022", "--into", f.base, "--match",
                 "深圳=", "--match", "广州市=GZ", "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (
    strstr (run.err, ": note: “深圳” skipped by choice: its values are not added\n"));
  g_assert_true (isnan (value_in (f.out, "SZ", 2022, "GDP")));
  g_assert_cmpfloat (value_in (f.out, "GZ", 2022, "GDP"), ==, 28839.00);
  run_clear (&run);

  g_unlink (f.out);
  run = run_cli ("import", f.table, "--year", "2022", "--into", f.base, "--match", "深圳",
                 "--match", "广州市=HK", "--match", "上海=SZ", "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ": error: the matching choice “深圳” is not KEY=CITYCODE\n"));
  g_assert_nonnull (
    strstr (run.err, ": error: the matching choice “广州市=HK” names no city of the dataset\n"));
  g_assert_nonnull (
    strstr (run.err, ": error: the matching choice “上海=SZ” names no key of the import\n"));
  g_assert_false (g_file_test (f.out, G_FILE_TEST_EXISTS));
  run_clear (&run);
  files_clear (&f);
}

static void
test_bad_arguments (void)
{
  const char *cases[][8] = {
    {"import", "--match", "深圳=SZ", "a.csv", "-o", "b.cityrank.xml", NULL},
    {"import", "--save-aliases", "a.csv", "-o", "b.cityrank.xml", NULL},
    {"import", "--aggregate", "median", "a.csv", "-o", "b.cityrank.xml", NULL},
    {"import", "--aggregate", "sum", "a.csv", "-o", "b.csv", NULL},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run run = run_cli (cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4],
                         cases[i][5], cases[i][6], NULL);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "cityrank-cli: "));
      run_clear (&run);
    }
}

/* Quarterly GDP (亿元) of two cities, 2021 and 2022, in a long table; the last quarter of
 * Guangzhou's 2022 not yet published. */
static const struct
{
  const char *city;
  int year, quarter;
  double value;
} quarters[] = {
  {"Shenzhen", 2021, 1, 6797.23},  {"Shenzhen", 2021, 2, 7212.86},  {"Shenzhen", 2021, 3, 7855.53},
  {"Shenzhen", 2021, 4, 8798.69},  {"Shenzhen", 2022, 1, 7227.31},  {"Shenzhen", 2022, 2, 7537.61},
  {"Shenzhen", 2022, 3, 8180.11},  {"Shenzhen", 2022, 4, 9442.65},  {"Guangzhou", 2021, 1, 6168.73},
  {"Guangzhou", 2021, 2, 6936.78}, {"Guangzhou", 2021, 3, 6901.80}, {"Guangzhou", 2021, 4, 8224.76},
  {"Guangzhou", 2022, 1, 6614.63}, {"Guangzhou", 2022, 2, 6751.62}, {"Guangzhou", 2022, 3, 7249.63},
};

static char *
quarterly_table (void)
{
  GString *s = g_string_new ("city,period,GDP\n");

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    g_string_append_printf (s, "%s,%d-Q%d,%.2f\n", quarters[i].city, quarters[i].year,
                            quarters[i].quarter, quarters[i].value);
  return g_string_free (s, FALSE);
}

/* What the year's value must be, from the table above; NAN for an incomplete sum. */
static double
expected (const char *how, const char *city, int year)
{
  double sum = 0, last = NAN;
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    if (g_str_equal (quarters[i].city, city) && quarters[i].year == year)
      {
        sum += quarters[i].value;
        last = quarters[i].value;
        n++;
      }
  if (g_str_equal (how, "mean"))
    return sum / n;
  if (g_str_equal (how, "sum"))
    return n == 4 ? sum : NAN;
  return last;
}

static void
check_aggregate (const char *how)
{
  g_autofree char *table = quarterly_table ();
  g_autofree char *valid_line = NULL;
  Files f;
  Run run, valid;

  if (!have_csv_tables ())
    return;
  files_init (&f, table);
  valid_line = g_strdup_printf ("%s: valid\n", f.out);
  run = run_cli ("import", f.table, "--aggregate", how, "-o", f.out, NULL);
  g_assert_cmpuint (count (run.err, ": error: "), ==, 0);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, ": note: 15 quarterly observations made "));
  for (int year = 2021; year <= 2022; year++)
    for (guint c = 0; c < 2; c++)
      {
        const char *city = c == 0 ? "Shenzhen" : "Guangzhou";
        double want = expected (how, city, year);
        double got = value_in (f.out, city, year, "GDP");

        if (isnan (want))
          g_assert_true (isnan (got));
        else
          g_assert_cmpfloat (got, ==, want);
      }
  valid = run_cli ("validate", f.out, NULL);
  g_assert_cmpstr (valid.out, ==, valid_line);
  run_clear (&run);
  run_clear (&valid);
  files_clear (&f);
}

static void
test_aggregate_mean (void)
{
  check_aggregate ("mean");
}

static void
test_aggregate_last (void)
{
  check_aggregate ("last");
}

/* The sum of Guangzhou's 2022 is missing (three quarters of four): a note says so. */
static void
test_aggregate_sum (void)
{
  g_autofree char *table = quarterly_table ();
  Files f;
  Run run;

  check_aggregate ("sum");
  if (!have_csv_tables ())
    return;
  files_init (&f, table);
  run = run_cli ("import", f.table, "--aggregate", "sum", "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count (run.err, ": note: the sum of "), ==, 1);
  g_assert_nonnull (strstr (run.err,
                            ": note: the sum of “GDP” for “Guangzhou” in 2022 is missing: 3 of 4 "
                            "quarterly values are given\n"));
  g_assert_nonnull (strstr (run.err, ": note: 15 quarterly observations made 3 annual values: "));
  run_clear (&run);

  /* without --aggregate, the quarters are refused as before */
  g_unlink (f.out);
  run = run_cli ("import", f.table, "-o", f.out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (
    run.err,
    ": error: 15 quarterly observations (2021-Q1 … 2022-Q4); the dataset takes annual data\n"));
  g_assert_false (g_file_test (f.out, G_FILE_TEST_EXISTS));
  run_clear (&run);
  files_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-match/unmatched", test_unmatched);
  g_test_add_func ("/cli-match/matched", test_matched);
  g_test_add_func ("/cli-match/save-aliases", test_save_aliases);
  g_test_add_func ("/cli-match/skip-and-bad-choices", test_skip_and_bad_choices);
  g_test_add_func ("/cli-match/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli-match/aggregate-mean", test_aggregate_mean);
  g_test_add_func ("/cli-match/aggregate-sum", test_aggregate_sum);
  g_test_add_func ("/cli-match/aggregate-last", test_aggregate_last);
  return g_test_run ();
}
