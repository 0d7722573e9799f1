/* bench-import.c: time and peak memory of importing a large SDMX-ML 2.1 generic data
 * file through the registry, next to `xmllint --stream --noout` on the same file; and the
 * time of reading a 100,000-cell xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import [--runs N] [--sizes MB,MB] [--keep DIR]
 *
 * Writes SDMX-ML 2.1 GenericData files of 10 and 50 MB (series of 25 annual observations
 * keyed FREQ.REF_AREA.INDICATOR, with series attributes UNIT_MEASURE, UNIT_MULT,
 * DECIMALS and TITLE and an OBS_STATUS on every observation, as the ECB and Eurostat
 * serve them) into a temporary folder. Each is read by this program again in a child
 * (--child-read), through crk_import_file() with the format detected, into a sink that
 * only counts; the child prints its time and peak memory (VmHWM). xmllint runs on the
 * same file in a child too (peak from wait4). Medians of --runs runs (3).
 * Targets: at most 1.5 times xmllint's time; a peak that does not grow with the file.
 *
 * When the build has libarchive and the registry an "xlsx" importer, it also writes an
 * xlsx of 1,000 rows × 100 indicator columns (100,000 cells of numbers, plus the header
 * and the row labels) and times reading it the same way. Target: under 1 s.
 */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#endif

#include "crk-bench-common.h"
#include "crk-import.h"

static int n_runs = 3;

/* The counting sink */

typedef struct
{
  CrkImportSink sink;
  guint64 n;
  guint64 n_missing;
  double sum;
} Counter;

static gboolean
count_observation (CrkImportSink *sink, const CrkObservation *obs)
{
  Counter *c = (Counter *) sink;

  c->n++;
  if (isnan (obs->value))
    c->n_missing++;
  else
    c->sum += obs->value;
  return TRUE;
}

static int
child_read (const char *path)
{
  Counter counter = {{count_observation, NULL}, 0, 0, 0};
  /* a year for a table that gives none (the xlsx) */
  CrkImportOptions options = {.default_year = 2020};
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *figures = NULL;
  CrkBenchClock clock;

  crk_bench_clock_start (&clock);
  if (!crk_import_file (path, NULL, &options, &counter.sink, report, NULL, &error))
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      for (guint i = 0; i < report->problems->len && i < 5; i++)
        {
          g_autofree char *line = crk_problem_to_string (g_ptr_array_index (report->problems, i));

          g_printerr ("%s\n", line);
        }
      return 1;
    }
  figures = crk_bench_clock_line (&clock);
  printf ("%s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", figures, counter.n,
          counter.n_missing);
  return 0;
}

/* Measures */

static gboolean
run_child (const char *self, const char *path, CrkBenchMeasure *m)
{
  g_autofree char *what = g_strdup_printf ("reading %s", path);
  const char *argv[] = {self, "--child-read", path, NULL};

  return crk_bench_run_child ("bench-import", what, argv, TRUE, m);
}

/* The run of median time among @n; the peak is the largest of all. */
static CrkBenchMeasure
median (CrkBenchMeasure *runs, int n)
{
  long peak = crk_bench_max_peak (runs, n);
  CrkBenchMeasure m = crk_bench_median (runs, n);

  m.peak_kb = peak;
  return m;
}

/* SDMX-ML 2.1 generic data */

#define N_YEARS 25
#define N_INDICATORS 20

static void
write_series (GString *out, GRand *rand, guint series)
{
  guint city = series / N_INDICATORS, indicator = series % N_INDICATORS;

  g_string_append_printf (out,
                          "<generic:Series><generic:SeriesKey>"
                          "<generic:Value id=\"FREQ\" value=\"A\"/>"
                          "<generic:Value id=\"REF_AREA\" value=\"C%05u\"/>"
                          "<generic:Value id=\"INDICATOR\" value=\"IND%03u\"/>"
                          "</generic:SeriesKey><generic:Attributes>"
                          "<generic:Value id=\"UNIT_MEASURE\" value=\"CNY\"/>"
                          "<generic:Value id=\"UNIT_MULT\" value=\"4\"/>"
                          "<generic:Value id=\"DECIMALS\" value=\"2\"/>"
                          "<generic:Value id=\"TITLE\" value=\"Indicator %u of city %u, annual\"/>"
                          "</generic:Attributes>\n",
                          city, indicator, indicator, city);
  for (int y = 0; y < N_YEARS; y++)
    {
      double v = round (exp (g_rand_double_range (rand, -2, 12)) * 100) / 100;
      const char *status = g_rand_int_range (rand, 0, 20) == 0 ? "E" : "A";

      if (g_rand_int_range (rand, 0, 50) == 0)
        g_string_append_printf (
          out,
          "<generic:Obs><generic:ObsDimension id=\"TIME_PERIOD\" value=\"%d\"/>"
          "<generic:ObsValue value=\"NaN\"/><generic:Attributes>"
          "<generic:Value id=\"OBS_STATUS\" value=\"M\"/></generic:Attributes></generic:Obs>\n",
          1998 + y);
      else
        g_string_append_printf (
          out,
          "<generic:Obs><generic:ObsDimension id=\"TIME_PERIOD\" value=\"%d\"/>"
          "<generic:ObsValue value=\"%.2f\"/><generic:Attributes>"
          "<generic:Value id=\"OBS_STATUS\" value=\"%s\"/></generic:Attributes></generic:Obs>\n",
          1998 + y, v, status);
    }
  g_string_append (out, "</generic:Series>\n");
}

static gboolean
write_sdmx (const char *path, gsize target_bytes, guint64 *n_obs, GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240611);
  FILE *f = fopen (path, "w");
  GString *out = g_string_sized_new (1 << 20);
  gsize written = 0;
  guint series = 0;

  if (f == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "cannot write %s", path);
      return FALSE;
    }
  g_string_append (
    out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<message:GenericData "
    "xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\" "
    "xmlns:generic=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic\" "
    "xmlns:common=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common\">\n"
    "<message:Header><message:ID>BENCH</message:ID><message:Test>false</message:Test>"
    "<message:Prepared>2024-06-11T00:00:00</message:Prepared><message:Sender id=\"CITYRANK\"/>"
    "<message:Structure structureID=\"BENCH_DSD\" dimensionAtObservation=\"TIME_PERIOD\">"
    "<common:Structure><Ref agencyID=\"CITYRANK\" id=\"BENCH\" version=\"1.0\"/></common:Structure>"
    "</message:Structure></message:Header>\n"
    "<message:DataSet structureRef=\"BENCH_DSD\">\n");
  while (written + out->len < target_bytes)
    {
      write_series (out, rand, series++);
      if (out->len > (1 << 20))
        {
          written += fwrite (out->str, 1, out->len, f);
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, "</message:DataSet>\n</message:GenericData>\n");
  written += fwrite (out->str, 1, out->len, f);
  g_string_free (out, TRUE);
  *n_obs = (guint64) series * N_YEARS;
  if (fclose (f) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

static void
bench_sdmx (const char *self, const char *dir, char **sizes)
{
  printf ("SDMX-ML 2.1 generic data, read through the registry into a counting sink "
          "(median of %d runs; peak: the largest)\n\n",
          n_runs);
  printf ("%-8s %10s %14s %10s %11s %12s %14s %14s %7s\n", "file", "obs", "read (s)", "peak (MB)",
          "above start", "xmllint (s)", "xmllint (MB)", "MB/s", "ratio");
  for (guint k = 0; sizes[k] != NULL; k++)
    {
      int mb = atoi (sizes[k]);
      g_autofree char *name = g_strdup_printf ("bench-%dmb.xml", mb);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *label = g_strdup_printf ("%d MB", mb);
      g_autoptr (GError) error = NULL;
      CrkBenchMeasure *reads = g_new0 (CrkBenchMeasure, n_runs),
                      *lints = g_new0 (CrkBenchMeasure, n_runs);
      CrkBenchMeasure r, x;
      guint64 n_obs = 0;
      gboolean ok = TRUE;

      if (mb <= 0 || !write_sdmx (path, (gsize) mb << 20, &n_obs, &error))
        {
          g_printerr ("bench-import: %s\n", error != NULL ? error->message : "bad size");
          g_free (reads), g_free (lints);
          continue;
        }
      for (int i = 0; ok && i < n_runs; i++)
        ok = run_child (self, path, &reads[i]) &&
          crk_bench_run_xmllint ("bench-import", NULL, path, &lints[i]);
      if (ok)
        {
          r = median (reads, n_runs);
          x = median (lints, n_runs);
          if (r.n != n_obs)
            g_printerr ("bench-import: %s: %" G_GUINT64_FORMAT
                        " observations read of %" G_GUINT64_FORMAT "\n",
                        path, r.n, n_obs);
          printf ("%-8s %10" G_GUINT64_FORMAT " %14.3f %10.1f %11.1f %12.3f %14.1f %14.1f %7.2f\n",
                  label, r.n, r.seconds, r.peak_kb / 1024.0, (r.peak_kb - r.base_kb) / 1024.0,
                  x.seconds, x.peak_kb / 1024.0, mb / r.seconds, r.seconds / x.seconds);
        }
      g_free (reads);
      g_free (lints);
    }
  printf ("\nratio: the import's time over xmllint --stream --noout's (target: at most 1.5)\n");
}

/* xlsx */

#ifdef HAVE_LIBARCHIVE
#define XLSX_ROWS 1000
#define XLSX_COLUMNS 100

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" "
  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "</Types>";
static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
  "Target=\"xl/workbook.xml\"/></Relationships>";
static const char workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
  "Target=\"worksheets/sheet1.xml\"/></Relationships>";

static void
column_name (guint column, char *out)
{
  char letters[4];
  int n = 0;

  for (guint c = column; c > 0; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  for (int i = 0; i < n; i++)
    out[i] = letters[n - 1 - i];
  out[n] = '\0';
}

static GString *
sheet_xml (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  GString *s = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  char col[8];

  g_string_append (s, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>City</t></is></c>");
  for (guint c = 0; c < XLSX_COLUMNS; c++)
    {
      column_name (c + 2, col);
      g_string_append_printf (s, "<c r=\"%s1\" t=\"inlineStr\"><is><t>IND%03u</t></is></c>", col,
                              c);
    }
  g_string_append (s, "</row>");
  for (guint r = 0; r < XLSX_ROWS; r++)
    {
      g_string_append_printf (
        s, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>City %u</t></is></c>", r + 2, r + 2,
        r);
      for (guint c = 0; c < XLSX_COLUMNS; c++)
        {
          column_name (c + 2, col);
          g_string_append_printf (s, "<c r=\"%s%u\"><v>%.2f</v></c>", col, r + 2,
                                  round (exp (g_rand_double_range (rand, -2, 12)) * 100) / 100);
        }
      g_string_append (s, "</row>");
    }
  g_string_append (s, "</sheetData></worksheet>");
  return s;
}

static gboolean
add_entry (struct archive *zip, const char *name, const char *data, gsize length)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  ok = archive_write_header (zip, entry) == ARCHIVE_OK &&
    archive_write_data (zip, data, length) == (la_ssize_t) length;
  archive_entry_free (entry);
  return ok;
}

static gboolean
write_xlsx (const char *path)
{
  struct archive *zip = archive_write_new ();
  GString *sheet = sheet_xml ();
  gboolean ok;

  archive_write_set_format_zip (zip);
  ok = archive_write_open_filename (zip, path) == ARCHIVE_OK &&
    add_entry (zip, "[Content_Types].xml", content_types, strlen (content_types)) &&
    add_entry (zip, "_rels/.rels", root_rels, strlen (root_rels)) &&
    add_entry (zip, "xl/workbook.xml", workbook, strlen (workbook)) &&
    add_entry (zip, "xl/_rels/workbook.xml.rels", workbook_rels, strlen (workbook_rels)) &&
    add_entry (zip, "xl/worksheets/sheet1.xml", sheet->str, sheet->len);
  if (!ok)
    g_printerr ("bench-import: cannot write %s: %s\n", path, archive_error_string (zip));
  ok = archive_write_close (zip) == ARCHIVE_OK && ok;
  archive_write_free (zip);
  g_string_free (sheet, TRUE);
  return ok;
}

static void
bench_xlsx (const char *self, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench-100k.xlsx", NULL);
  CrkBenchMeasure *runs = g_new0 (CrkBenchMeasure, n_runs);
  gboolean ok = TRUE;
  CrkBenchMeasure m;
  GStatBuf st;

  printf ("\nxlsx of %d rows × %d columns (%d number cells), read through the registry into a "
          "counting sink (median of %d runs)\n\n",
          XLSX_ROWS, XLSX_COLUMNS, XLSX_ROWS * XLSX_COLUMNS, n_runs);
  if (crk_importer_lookup ("xlsx") == NULL)
    {
      printf ("skipped: the registry has no xlsx importer\n");
      g_free (runs);
      return;
    }
  if (!write_xlsx (path) || g_stat (path, &st) != 0)
    {
      g_free (runs);
      return;
    }
  for (int i = 0; ok && i < n_runs; i++)
    ok = run_child (self, path, &runs[i]);
  if (ok)
    {
      m = median (runs, n_runs);
      printf ("%-12s %10s %10s %10s %11s\n", "file (KB)", "obs", "read (s)", "peak (MB)",
              "above start");
      printf ("%-12.0f %10" G_GUINT64_FORMAT " %10.3f %10.1f %11.1f\n", st.st_size / 1024.0, m.n,
              m.seconds, m.peak_kb / 1024.0, (m.peak_kb - m.base_kb) / 1024.0);
      printf ("\ntarget: under 1 s\n");
    }
  g_free (runs);
}
#else
static void
bench_xlsx (const char *self, const char *dir)
{
  printf ("\nxlsx: skipped (built without libarchive)\n");
}
#endif

int
main (int argc, char **argv)
{
  g_autofree char *child = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *sizes = NULL;
  g_autofree char *self = NULL;
  g_auto (GStrv) size_list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = {
    {"runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measurement (3)", "N"},
    {"sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Sizes of the SDMX files in MB (10,50)", "MB,MB"},
    {"keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the files into DIR and keep them", "DIR"},
    {"child-read", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child, NULL, NULL},
    {NULL},
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 2;
    }
  if (child != NULL)
    return child_read (child);
  n_runs = CLAMP (n_runs, 1, 99);
  self = crk_bench_self (argv[0]);
  size_list = g_strsplit (sizes != NULL ? sizes : "10,50", ",", -1);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("bench-import-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("bench-import: no folder for the files: %s\n",
                  error != NULL ? error->message : dir);
      return 1;
    }
  bench_sdmx (self, dir, size_list);
  bench_xlsx (self, dir);
  if (keep == NULL)
    crk_bench_remove_dir (dir);
  return 0;
}
