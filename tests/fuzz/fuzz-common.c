/* fuzz-common.c: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-io-error.h"
#include "fuzz-common.h"

static char *tmp_dir;
static GPtrArray *tmp_files; /* char *: the paths fuzz_write_file() made */

void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
}

__attribute__ ((weak)) int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  fuzz_tmp_dir ();
  return 0;
}

static void
remove_tmp (void)
{
  if (tmp_files != NULL)
    for (guint i = 0; i < tmp_files->len; i++)
      g_unlink (g_ptr_array_index (tmp_files, i));
  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
}

const char *
fuzz_tmp_dir (void)
{
  if (tmp_dir == NULL)
    {
      const char *base = g_getenv ("CRK_FUZZ_TMPDIR");
      char *pattern;

      if (base == NULL || base[0] == '\0')
        base = access ("/dev/shm", W_OK) == 0 ? "/dev/shm" : g_get_tmp_dir ();
      pattern = g_build_filename (base, "cityrank-fuzz-XXXXXX", NULL);

      if (g_mkdtemp (pattern) == NULL)
        {
          fprintf (stderr, "fuzz: cannot make a folder %s: %s\n", pattern, g_strerror (errno));
          abort ();
        }
      tmp_dir = pattern;
      tmp_files = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmp);
    }
  return tmp_dir;
}

const char *
fuzz_write_file (const char *name, const void *data, size_t size)
{
  const char *dir = fuzz_tmp_dir ();
  const char *path = NULL;
  const guint8 *p = data;
  int fd;

  for (guint i = 0; i < tmp_files->len && path == NULL; i++)
    {
      const char *known = g_ptr_array_index (tmp_files, i);

      if (strcmp (known + strlen (dir) + 1, name) == 0)
        path = known;
    }
  if (path == NULL)
    {
      char *made = g_build_filename (dir, name, NULL);

      g_ptr_array_add (tmp_files, made);
      path = made;
    }

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      fprintf (stderr, "fuzz: cannot write %s: %s\n", path, g_strerror (errno));
      abort ();
    }
  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          fprintf (stderr, "fuzz: cannot write %s: %s\n", path, g_strerror (errno));
          abort ();
        }
      p += n;
      size -= (size_t) n;
    }
  if (close (fd) != 0)
    {
      fprintf (stderr, "fuzz: cannot write %s: %s\n", path, g_strerror (errno));
      abort ();
    }
  return path;
}

void
fuzz_fail (const char *what, const char *why)
{
  fprintf (stderr, "fuzz: %s: %s\n", what, why);
  abort ();
}

/* Says which message is not UTF-8, and where, then aborts. */
G_GNUC_NORETURN static void
fail_utf8 (const char *what, const char *whose, const char *message)
{
  const char *end = NULL;
  const char *from;
  g_autofree char *excerpt = NULL;
  g_autofree char *escaped = NULL;

  if (message == NULL)
    fuzz_fail (what, "a message is NULL");
  g_utf8_validate (message, -1, &end);
  /* The line of the message the bad byte is on, up to 16 bytes past it. */
  for (from = end; from > message && from[-1] != '\n'; from--)
    ;
  excerpt = g_strndup (from, (gsize) (end - from) + 16);
  escaped = g_strescape (excerpt, NULL);
  fprintf (stderr, "fuzz: %s: %s message is not UTF-8 from byte %td on, in: \"%s\"\n", what, whose,
           end - message, escaped);
  fuzz_fail (what, "a message is not UTF-8");
}

/* Every message must be UTF-8: they go to GTK labels, the terminal and logs. */
static void
check_messages (const char *what, GPtrArray *problems, const GError *error)
{
  if (error != NULL && (error->message == NULL || !g_utf8_validate (error->message, -1, NULL)))
    fail_utf8 (what, "the error's", error->message);
  if (problems == NULL)
    return;
  for (guint i = 0; i < problems->len; i++)
    {
      const CrkProblem *p = g_ptr_array_index (problems, i);

      if (p == NULL)
        fuzz_fail (what, "a problem is NULL");
      if (p->message == NULL || !g_utf8_validate (p->message, -1, NULL))
        fail_utf8 (what, "a problem's", p->message);
    }
}

static void
print_error (const GError *error)
{
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
}

void
fuzz_check_result (const char *what, CrkDataset *dataset, GPtrArray *problems, const GError *error)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GPtrArray) again_problems = NULL;
  g_autoptr (GError) again_error = NULL;
  g_autoptr (CrkDataset) again = NULL;
  gconstpointer data;
  gsize length;

  check_messages (what, problems, error);
  if (dataset == NULL)
    {
      if (error == NULL)
        fuzz_fail (what, "no dataset and no error");
      return;
    }
  if (error != NULL)
    {
      print_error (error);
      fuzz_fail (what, "a dataset and an error");
    }
  if (problems != NULL && problems->len > 0)
    fuzz_fail (what, "a dataset and problems");

  /* What reads writes, and what it writes reads back into the same bytes. */
  first = crk_dataset_write_to_bytes (dataset);
  if (first == NULL)
    fuzz_fail (what, "the dataset read does not write");
  data = g_bytes_get_data (first, &length);
  again = crk_dataset_read_from_memory (data, length, "fuzz-rewritten.cityrank.xml",
                                        &again_problems, &again_error);
  check_messages (what, again_problems, again_error);
  if (again == NULL)
    {
      fwrite (data, 1, length, stderr);
      fprintf (stderr, "\n");
      print_error (again_error);
      fuzz_fail (what, "the dataset read writes a file that does not read back");
    }
  if (again_error != NULL || (again_problems != NULL && again_problems->len > 0))
    fuzz_fail (what, "the rewritten file reads with problems");
  second = crk_dataset_write_to_bytes (again);
  if (second == NULL)
    fuzz_fail (what, "the dataset read back does not write");
  if (!g_bytes_equal (first, second))
    {
      gconstpointer data2;
      gsize length2;
      gsize at = 0;

      data2 = g_bytes_get_data (second, &length2);
      while (at < length && at < length2 && ((const char *) data)[at] == ((const char *) data2)[at])
        at++;
      fprintf (stderr, "fuzz: first write (%" G_GSIZE_FORMAT " bytes):\n", length);
      fwrite (data, 1, length, stderr);
      fprintf (stderr, "\nfuzz: second write (%" G_GSIZE_FORMAT " bytes):\n", length2);
      fwrite (data2, 1, length2, stderr);
      fprintf (stderr, "\nfuzz: they differ from byte %" G_GSIZE_FORMAT "\n", at);
      fuzz_fail (what, "writing, reading back and writing again gives other bytes");
    }
}

size_t
fuzz_split_at_nul (const uint8_t *data, size_t size, const uint8_t **rest, size_t *rest_size)
{
  const uint8_t *nul = size > 0 ? memchr (data, '\0', size) : NULL;
  size_t first = nul != NULL ? (size_t) (nul - data) : size;

  *rest = nul != NULL ? nul + 1 : NULL;
  *rest_size = nul != NULL ? size - first - 1 : 0;
  return first;
}

void
fuzz_check_text (const char *what, const char *whose, const char *text, gboolean nullable)
{
  if ((text == NULL && !nullable) ||
      (text != NULL && (!g_utf8_validate (text, -1, NULL) || (!nullable && *text == '\0'))))
    {
      fprintf (stderr, "fuzz: %s: %s is %s\n", what, whose,
               text == NULL ? "NULL" : "empty or not UTF-8");
      abort ();
    }
}

void
fuzz_check_observation (const char *what, const CrkObservation *o)
{
  fuzz_check_text (what, "the key", o->key, FALSE);
  fuzz_check_text (what, "the indicator", o->indicator, FALSE);
  fuzz_check_text (what, "the period", o->period, FALSE);
  fuzz_check_text (what, "the unit", o->unit, TRUE);
  fuzz_check_text (what, "the status", o->status, TRUE);
  fuzz_check_text (what, "the note", o->note, TRUE);
  if (!isnan (o->value) && !isfinite (o->value))
    fuzz_fail (what, "an infinite value");
}

static void
check_report_list (const char *what, GPtrArray *list)
{
  check_messages (what, list, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = crk_problem_to_string (g_ptr_array_index (list, i));

      fuzz_check_text (what, "the message", text, FALSE);
    }
}

void
fuzz_check_report (const char *what, const CrkImportReport *report, const GError *error)
{
  check_report_list (what, report->problems);
  check_report_list (what, report->notices);
  if (error != NULL)
    fuzz_check_text (what, "the error", error->message, FALSE);
}

void
fuzz_check_outcome (const char *what,
                    gboolean ok,
                    const CrkImportReport *report,
                    const GError *error)
{
  if (ok != (error == NULL && !crk_import_report_failed (report)))
    {
      fprintf (stderr, "fuzz: %s: returned %s with %u problems and %s error\n", what,
               ok ? "something" : "nothing", report->problems->len, error != NULL ? "an" : "no");
      abort ();
    }
}

void
fuzz_check_sheet (const char *what, const CrkSheet *sheet)
{
  if (sheet->name == NULL)
    fuzz_fail (what, "a sheet without a name");
  fuzz_check_text (what, "a sheet's name", sheet->name, TRUE);
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const CrkCell *c = &g_array_index (sheet->cells, CrkCell, i);

      if (c->row >= CRK_SHEET_MAX_ROWS || c->column >= CRK_SHEET_MAX_COLUMNS)
        fuzz_fail (what, "a cell beyond the bounds");
      if (c->row >= sheet->n_rows || c->column >= sheet->n_columns)
        fuzz_fail (what, "a cell beyond n_rows or n_columns");
      if (i > 0)
        {
          const CrkCell *b = &g_array_index (sheet->cells, CrkCell, i - 1);

          if (b->row > c->row || (b->row == c->row && b->column >= c->column))
            fuzz_fail (what, "cells out of order, or two at one place");
        }
      fuzz_check_text (what, "a cell's text", c->text, TRUE);
      if (c->type == CRK_CELL_TEXT && c->text == NULL)
        fuzz_fail (what, "a text cell without text");
    }
}

void
fuzz_read_sheets (const char *what, const CrkImporter *importer, const char *path)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkSheetSet) set = importer->read_sheets (path, NULL, report, NULL, &error);

  if (error != NULL)
    fuzz_fail (what, "an I/O error on a file that is there");
  fuzz_check_outcome (what, set != NULL, report, error);
  fuzz_check_report (what, report, error);
  for (guint i = 0; set != NULL && i < set->sheets->len; i++)
    fuzz_check_sheet (what, g_ptr_array_index (set->sheets, i));
}
