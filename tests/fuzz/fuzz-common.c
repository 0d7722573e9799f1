/* fuzz-common.c: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
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
fuzz_write_file (const char *name,
                 const void *data,
                 size_t size)
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

G_GNUC_NORETURN static void
fail (const char *what,
      const char *why)
{
  fprintf (stderr, "fuzz: %s: %s\n", what, why);
  abort ();
}

/* Says which message is not UTF-8, and where, then aborts. */
G_GNUC_NORETURN static void
fail_utf8 (const char *what,
           const char *whose,
           const char *message)
{
  const char *end = NULL;
  const char *from;
  g_autofree char *excerpt = NULL;
  g_autofree char *escaped = NULL;

  if (message == NULL)
    fail (what, "a message is NULL");
  g_utf8_validate (message, -1, &end);
  /* The line of the message the bad byte is on, up to 16 bytes past it. */
  for (from = end; from > message && from[-1] != '\n'; from--)
    ;
  excerpt = g_strndup (from, (gsize) (end - from) + 16);
  escaped = g_strescape (excerpt, NULL);
  fprintf (stderr, "fuzz: %s: %s message is not UTF-8 from byte %td on, in: \"%s\"\n", what,
           whose, end - message, escaped);
  fail (what, "a message is not UTF-8");
}

/* Every message must be UTF-8: they go to GTK labels, the terminal and logs. */
static void
check_messages (const char *what,
                GPtrArray *problems,
                const GError *error)
{
  if (error != NULL && (error->message == NULL || !g_utf8_validate (error->message, -1, NULL)))
    fail_utf8 (what, "the error's", error->message);
  if (problems == NULL)
    return;
  for (guint i = 0; i < problems->len; i++)
    {
      const CrkProblem *p = g_ptr_array_index (problems, i);

      if (p == NULL)
        fail (what, "a problem is NULL");
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
fuzz_check_result (const char *what,
                   CrkDataset *dataset,
                   GPtrArray *problems,
                   const GError *error)
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
        fail (what, "no dataset and no error");
      return;
    }
  if (error != NULL)
    {
      print_error (error);
      fail (what, "a dataset and an error");
    }
  if (problems != NULL && problems->len > 0)
    fail (what, "a dataset and problems");

  /* What reads writes, and what it writes reads back into the same bytes. */
  first = crk_dataset_write_to_bytes (dataset);
  if (first == NULL)
    fail (what, "the dataset read does not write");
  data = g_bytes_get_data (first, &length);
  again = crk_dataset_read_from_memory (data, length, "fuzz-rewritten.cityrank.xml", &again_problems,
                                        &again_error);
  check_messages (what, again_problems, again_error);
  if (again == NULL)
    {
      fwrite (data, 1, length, stderr);
      fprintf (stderr, "\n");
      print_error (again_error);
      fail (what, "the dataset read writes a file that does not read back");
    }
  if (again_error != NULL || (again_problems != NULL && again_problems->len > 0))
    fail (what, "the rewritten file reads with problems");
  second = crk_dataset_write_to_bytes (again);
  if (second == NULL)
    fail (what, "the dataset read back does not write");
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
      fail (what, "writing, reading back and writing again gives other bytes");
    }
}
