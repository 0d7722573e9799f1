/* test-problems.c: every problem class of the native format, located exactly; hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fixture in tests/io/fixtures states what the reader must report on its second line:
 *   <!-- expect: LINE:COLUMN CODE: TEXT | LINE:COLUMN CODE: TEXT ... -->
 * (CODE is malformed, schema, invalid or hostile; TEXT must occur in the message). The
 * problems must be exactly these, in this order. A fixture without expectations is valid.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "crk-dataset-reader.h"
#include "crk-model.h"

typedef struct
{
  int line;
  int column;
  CrkImportError code;
  char *text;
} Expected;

static void
expected_clear (gpointer data)
{
  g_free (((Expected *) data)->text);
}

static CrkImportError
code_from_name (const char *name)
{
  if (g_str_equal (name, "malformed"))
    return CRK_IMPORT_ERROR_MALFORMED;
  if (g_str_equal (name, "schema"))
    return CRK_IMPORT_ERROR_SCHEMA;
  if (g_str_equal (name, "invalid"))
    return CRK_IMPORT_ERROR_INVALID;
  if (g_str_equal (name, "hostile"))
    return CRK_IMPORT_ERROR_HOSTILE;
  if (g_str_equal (name, "io"))
    return CRK_IMPORT_ERROR_IO;
  g_error ("unknown problem code “%s” in a fixture", name);
}

static GArray *
parse_expectations (const char *contents)
{
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  const char *start = strstr (contents, "<!-- expect: ");
  const char *end;
  g_autofree char *list = NULL;
  g_auto (GStrv) items = NULL;

  g_array_set_clear_func (expected, expected_clear);
  if (start == NULL)
    return expected;
  start += strlen ("<!-- expect: ");
  end = strstr (start, " -->");
  g_assert_nonnull (end);
  list = g_strndup (start, end - start);
  items = g_strsplit (list, " | ", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      Expected e = {0};
      char code[32];
      int offset = 0;

      g_assert_cmpint (sscanf (items[i], "%d:%d %31[a-z]: %n", &e.line, &e.column, code, &offset),
                       ==, 3);
      g_assert_cmpint (offset, >, 0);
      e.code = code_from_name (code);
      e.text = g_strdup (items[i] + offset);
      g_array_append_val (expected, e);
    }
  return expected;
}

static void
test_fixture (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr (GArray) expected = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = parse_expectations (contents);
  dataset = crk_dataset_read (path, &problems, &error);

  if (expected->len == 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
      g_assert_cmpuint (problems->len, ==, 0);
      return;
    }

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CRK_IMPORT_ERROR);
  for (guint i = 0; i < problems->len; i++)
    {
      CrkProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *s = crk_problem_to_string (p);

      g_test_message ("reported: %s", s);
      /* libxml2 quotes the file cut to a number of bytes: the messages stay UTF-8. */
      g_assert_true (g_utf8_validate (p->message, -1, NULL));
      g_assert_true (g_utf8_validate (s, -1, NULL));
    }
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (problems->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      CrkProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *line = crk_problem_to_string (p);
      g_autofree char *prefix = g_strdup_printf ("%s:%d:%d: error: ", path, e->line, e->column);

      g_assert_cmpstr (p->file, ==, path);
      g_assert_cmpint (p->line, ==, e->line);
      g_assert_cmpint (p->column, ==, e->column);
      g_assert_cmpint (p->code, ==, e->code);
      if (strstr (p->message, e->text) == NULL)
        g_error ("“%s” does not contain “%s”", p->message, e->text);
      /* The GError lists every problem, one per line, as the CLI prints them. */
      g_assert_true (g_str_has_prefix (line, prefix));
      g_assert_nonnull (strstr (error->message, line));
    }
  g_assert_cmpint (error->code, ==, ((CrkProblem *) g_ptr_array_index (problems, 0))->code);
}

/* Generated documents */

#define HEAD                                                                                       \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   \
  "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"

static GPtrArray *
read_string (const char *doc, gsize length, GError **error)
{
  GPtrArray *problems = NULL;
  g_autoptr (CrkDataset) dataset =
    crk_dataset_read_from_memory (doc, length, "generated.cityrank.xml", &problems, error);

  g_assert_null (dataset);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  return problems;
}

static CrkProblem *
first_problem (GPtrArray *problems)
{
  return g_ptr_array_index (problems, 0);
}

static void
test_deep_nesting (void)
{
  GString *doc = g_string_new (HEAD "<metadata>\n");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  CrkProblem *last;

  for (int i = 0; i < 10000; i++)
    g_string_append (doc, "<x>\n");
  for (int i = 0; i < 10000; i++)
    g_string_append (doc, "</x>");
  g_string_append (doc, "</metadata></dataset>\n");

  problems = read_string (doc->str, doc->len, &error);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpint (last->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_nonnull (strstr (last->message, "deeper than 64 levels"));
  /* Whether the reader's limit (64) or the parser's (256, it reads ahead) stops it first,
   * the place is in the nesting: <dataset> is on line 2, the first <x> on line 4. */
  g_assert_cmpint (last->line, >=, 66);
  g_assert_cmpint (last->line, <=, 4 + 256);
  g_assert_true (error->domain == CRK_IMPORT_ERROR);
  g_assert_nonnull (strstr (error->message, "deeper than 64 levels"));
  g_string_free (doc, TRUE);
}

static void
test_invalid_utf8 (void)
{
  static const char doc[] =
    HEAD "  <metadata>\n    <title>caf\xe9 \xff</title>\n    <years/>\n  </metadata>\n"
         "  <cities/>\n  <indicators/>\n  <values/>\n</dataset>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, strlen (doc), &error);
  CrkProblem *p = first_problem (problems);

  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpint (p->line, ==, 4);
  g_assert_nonnull (strstr (p->message, "UTF-8"));
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
}

static void
check_truncations (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Cut at 37 places: inside tags, texts, attribute values and multi-byte characters. */
  for (guint i = 1; i <= 37; i++)
    {
      gsize cut = length * i / 38;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = read_string (contents, cut, &error);
      CrkProblem *p = first_problem (problems);

      g_autofree char *at_line = NULL;

      /* One problem, at the cut: nothing about the elements cut short. It says that the
       * file ends early and where, not what libxml2 was parsing ("Extra content at the
       * end of the document", "AttValue: ' expected"). */
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_MALFORMED);
      g_assert_cmpint (p->line, >, 0);
      g_assert_nonnull (strstr (p->message, "not well-formed XML"));
      at_line = g_strdup_printf ("the file ends early, at line %d", p->line);
      g_assert_nonnull (strstr (p->message, at_line));
      g_assert_null (strstr (p->message, "Extra content"));
    }
  /* Content after the document's end is not a file cut short. */
  {
    g_autofree char *more = g_strconcat (contents, "<more/>\n", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = read_string (more, strlen (more), &error);
    CrkProblem *p = first_problem (problems);

    g_assert_nonnull (strstr (p->message, "Extra content"));
    g_assert_null (strstr (p->message, "ends early"));
  }
  /* Without the final newline it is still complete. */
  {
    g_autoptr (CrkDataset) ds =
      crk_dataset_read_from_memory (contents, length - 1, "cut.cityrank.xml", NULL, NULL);

    g_assert_nonnull (ds);
  }
}

static void
test_truncated (void)
{
  g_autofree char *fixture =
    g_test_build_filename (G_TEST_DIST, "io", "fixtures", "valid.cityrank.xml", NULL);
  g_autofree char *sample =
    g_build_filename (g_getenv ("CRK_SOURCE_DIR"), "data", "samples",
                      "shenzhen-emerging-industries-2020.cityrank.xml", NULL);

  check_truncations (fixture);
  /* Chinese text: cuts fall inside multi-byte characters too. */
  check_truncations (sample);
}

/* A file cut inside "xml:lang": libxml2 reports a namespace error and then the fatal
 * one at the same place; the reader reports one problem. */
static void
test_truncated_in_lang (void)
{
  static const char doc[] = HEAD "  <metadata>\n    <title>Fixture</title>\n    <source xml:";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, strlen (doc), &error);
  CrkProblem *p = first_problem (problems);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpint (p->line, ==, 5);
  g_assert_nonnull (strstr (p->message, "not well-formed XML"));
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
}

static void
test_empty (void)
{
  const char *docs[] = {"", "   \n\n", "hello", "<?xml version=\"1.0\"?>\n"};

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = read_string (docs[i], strlen (docs[i]), &error);

      g_assert_cmpint (first_problem (problems)->code, ==, CRK_IMPORT_ERROR_MALFORMED);
      g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
      if (i == 0)
        g_assert_cmpstr (first_problem (problems)->message, ==, "the file is empty");
    }
}

static void
test_empty_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crk-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.cityrank.xml", NULL);
  g_autoptr (CrkDataset) ds = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  ds = crk_dataset_read (path, &problems, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (first_problem (problems)->file, ==, path);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A missing file and a folder are I/O errors, with one problem naming the file. */
  g_unlink (path);
  ds = crk_dataset_read (path, &problems, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  ds = crk_dataset_read (dir, &problems, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO);
  g_assert_cmpuint (problems->len, ==, 1);
  g_rmdir (dir);
}

/* libxml2 would decompress a gzip file by itself (a small file, a huge document): the
 * reader reads bytes, and these are no XML. */
static void
test_compressed (void)
{
  g_autofree char *fixture =
    g_test_build_filename (G_TEST_DIST, "io", "fixtures", "valid.cityrank.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("crk-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "compressed.cityrank.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr (GBytes) plain = NULL;
  g_autoptr (GBytes) packed = NULL;
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) gz = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  gz = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_assert_true (g_output_stream_write_all (gz, contents, length, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (gz, NULL, &error));
  g_assert_no_error (error);
  packed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), NULL));

  ds = crk_dataset_read (path, &problems, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (first_problem (problems)->message, "not an XML file"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_huge_text (void)
{
  GString *doc = g_string_new (HEAD "  <metadata>\n    <notes>");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  CrkProblem *p;

  for (int i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (doc, "lorem ip");
  g_string_append (doc,
                   "</notes>\n    <years/>\n  </metadata>\n  <cities/>\n  <indicators/>\n  "
                   "<values/>\n</dataset>\n");
  problems = read_string (doc->str, doc->len, &error);
  p = first_problem (problems);
  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_nonnull (strstr (p->message, "longer than"));
  g_assert_cmpint (p->line, ==, 4);
  g_string_free (doc, TRUE);

  /* The same in an attribute. */
  doc = g_string_new (
    HEAD "  <metadata>\n    <years/>\n  </metadata>\n  <cities>\n    <city code=\"A\" region=\"");
  for (int i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (doc, "lorem ip");
  g_string_append (doc, "\"/>\n  </cities>\n  <indicators/>\n  <values/>\n</dataset>\n");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = read_string (doc->str, doc->len, &error);
  p = first_problem (problems);
  g_assert_cmpint (p->code, ==, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_cmpint (p->line, ==, 7);
  g_string_free (doc, TRUE);
}

static void
test_utf16 (void)
{
  static const char doc[] = "\xff\xfe<\0?\0x\0m\0l\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, sizeof doc - 1, &error);

  g_assert_cmpint (first_problem (problems)->code, ==, CRK_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (first_problem (problems)->message, "UTF-8"));
}

static void
test_undeclared_entity (void)
{
  static const char doc[] =
    HEAD "  <metadata>\n    <title>&xxe;</title>\n    <years/>\n  </metadata>\n"
         "  <cities/>\n  <indicators/>\n  <values/>\n</dataset>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, strlen (doc), &error);

  g_assert_cmpint (first_problem (problems)->line, ==, 4);
  g_assert_true (error->domain == CRK_IMPORT_ERROR);
}

static void
test_wrong_root (void)
{
  static const char doc[] = "<?xml version=\"1.0\"?>\n<html><body/></html>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, strlen (doc), &error);
  gboolean found = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      CrkProblem *p = g_ptr_array_index (problems, i);

      if (strstr (p->message, "the root element is <html>") != NULL)
        {
          g_assert_cmpint (p->line, ==, 2);
          g_assert_cmpint (p->column, ==, 1);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_SCHEMA);
}

static void
test_too_many_problems (void)
{
  GString *doc = g_string_new (HEAD "  <metadata>\n    <years>2020</years>\n  </metadata>\n"
                                    "  <cities/>\n  <indicators/>\n  <values>\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  CrkProblem *last;

  for (int i = 0; i < 1500; i++)
    g_string_append_printf (doc, "    <city code=\"C%d\"/>\n", i);
  g_string_append (doc, "  </values>\n</dataset>\n");
  problems = read_string (doc->str, doc->len, &error);
  g_assert_cmpuint (problems->len, ==, CRK_DATASET_MAX_PROBLEMS + 1);
  g_assert_cmpint (first_problem (problems)->line, ==, 9);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpstr (last->message, ==, "too many problems; stopping here");
  g_string_free (doc, TRUE);
}

/* Locations past line 65535 (where libxml2 stops counting) stay exact; comments with
 * markup in them do not confuse the count of elements. */
static void
test_far_line (void)
{
  GString *doc = g_string_new (HEAD "  <metadata>\n    <years>2020</years>\n  </metadata>\n"
                                    "  <cities>\n    <city code=\"C0\"/>\n"
                                    "    <!-- <city code=\"C0\"/> <? -->\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  for (int i = 0; i < 70000; i++)
    g_string_append_c (doc, '\n');
  g_string_append (
    doc, "    <city code=\"C0\"/>\n  </cities>\n  <indicators/>\n  <values/>\n</dataset>\n");
  problems = read_string (doc->str, doc->len, &error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (first_problem (problems)->line, ==, 9 + 70000);
  g_assert_cmpint (first_problem (problems)->column, ==, 5);
  g_assert_nonnull (strstr (first_problem (problems)->message, "(first at line 7)"));
  g_string_free (doc, TRUE);
}

/* A byte order mark, CRLF and lone CR line ends, and columns in characters. */
static void
test_line_ends (void)
{
  static const char doc[] =
    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
    "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\r\n"
    "  <metadata><years>2020</years></metadata>\r"
    "  <cities>\r\n"
    "<city code=\"A\"/><!-- 中文 --><city code=\"A\"/>\r\n"
    "  </cities>\r\n  <indicators/>\r\n  <values/>\r\n</dataset>\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = read_string (doc, strlen (doc), &error);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (first_problem (problems)->line, ==, 5);
  g_assert_cmpint (first_problem (problems)->column, ==, 1 + 16 + 11);
  g_assert_nonnull (strstr (first_problem (problems)->message, "(first at line 5)"));
}

/* Numbers read exactly as g_ascii_strtod() reads them. */
static void
test_numbers (void)
{
  const char *numbers[] = {
    "0.1",
    "123.456",
    "-0.000001",
    " 7 ",
    "5.",
    ".5",
    "1e5",
    "1.5E-3",
    "+2",
    "12345678901234567",
    "0.30000000000000004",
    "999999999999999",
    "9007199254740993",
    "1e22",
    "1e23",
    "0.000000000000000000000001",
    "123456789.123456789",
    "-0",
  };
  GString *doc =
    g_string_new (HEAD "  <metadata>\n    <years>2020</years>\n  </metadata>\n"
                       "  <cities>\n    <city code=\"A\"/>\n  </cities>\n  <indicators>\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_string_append_printf (doc, "    <indicator code=\"N%u\" kind=\"denominator\"/>\n", i);
  g_string_append (
    doc, "  </indicators>\n  <values>\n    <city code=\"A\">\n      <year value=\"2020\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_string_append_printf (doc, "        <v i=\"N%u\">%s</v>\n", i, numbers[i]);
  g_string_append (doc, "      </year>\n    </city>\n  </values>\n</dataset>\n");

  ds = crk_dataset_read_from_memory (doc->str, doc->len, "numbers.cityrank.xml", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double expected = g_ascii_strtod (numbers[i], NULL);
      double got = crk_dataset_get_value (ds, 0, i, 0);

      g_assert_cmpmem (&got, sizeof got, &expected, sizeof expected);
    }
  g_string_free (doc, TRUE);
}

int
main (int argc, char **argv)
{
  g_autofree char *fixtures = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  fixtures = g_test_build_filename (G_TEST_DIST, "io", "fixtures", NULL);
  dir = g_dir_open (fixtures, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cityrank.xml"))
      g_ptr_array_add (paths, g_build_filename (fixtures, name, NULL));
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *test = g_strdup_printf ("/io/problems/fixture/%s", base);

      g_test_add_data_func (test, g_ptr_array_index (paths, i), test_fixture);
    }

  g_test_add_func ("/io/problems/far-line", test_far_line);
  g_test_add_func ("/io/problems/too-many", test_too_many_problems);
  g_test_add_func ("/io/problems/wrong-root", test_wrong_root);
  g_test_add_func ("/io/problems/numbers", test_numbers);
  g_test_add_func ("/io/problems/line-ends", test_line_ends);
  g_test_add_func ("/io/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/io/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/io/hostile/truncated", test_truncated);
  g_test_add_func ("/io/hostile/truncated-in-lang", test_truncated_in_lang);
  g_test_add_func ("/io/hostile/empty", test_empty);
  g_test_add_func ("/io/hostile/empty-or-missing-file", test_empty_file);
  g_test_add_func ("/io/hostile/huge-text", test_huge_text);
  g_test_add_func ("/io/hostile/compressed", test_compressed);
  g_test_add_func ("/io/hostile/utf16", test_utf16);
  g_test_add_func ("/io/hostile/undeclared-entity", test_undeclared_entity);

  return g_test_run ();
}
