/* test-mime.c: the shared-mime-info definition of application/x-cityrank+xml, as GIO reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiles data/io.github.cityrank.Cityrank.mime.xml, with the system's own definitions
 * (/usr/share/mime/packages), into one temporary MIME database as a distribution or a
 * Flatpak runtime would, then asks GIO alone what it makes of file names and contents.
 */
#define G_LOG_DOMAIN "crk-test-mime"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#define CRK_MIME_TYPE "application/x-cityrank+xml"

static char *mime_root;

static const char dataset_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
  "  <metadata>\n"
  "    <title>Sniffed</title>\n"
  "  </metadata>\n";

static const char commented_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!-- SPDX-License-Identifier: CC0-1.0\n"
  "     A dataset may open with a comment of a few lines: who made it, from what\n"
  "     sources, under which licence, and when it was last checked against them. -->\n"
  "<dataset version=\"1\"\n"
  "         xmlns=\"https://cityrank.github.io/ns/dataset/1\">\n";

static const char other_xml_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<dataset xmlns=\"https://example.org/ns/other\" version=\"1\">\n"
  "  <metadata/>\n";

static void
copy_system_packages (const char *packages)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  dir = g_dir_open ("/usr/share/mime/packages", 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename ("/usr/share/mime/packages", name, NULL);
      g_autofree char *to = g_build_filename (packages, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_str_has_suffix (name, ".xml") && g_file_get_contents (from, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
}

static void
build_mime_database (void)
{
  const char *source_dir = g_getenv ("CRK_SOURCE_DIR");
  const char *updater = g_getenv ("CRK_UPDATE_MIME_DATABASE");
  g_autofree char *xml_path = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *err_text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  int wait_status = 0;
  const char *argv[3];

  g_assert_nonnull (source_dir);
  xml_path = g_build_filename (source_dir, "data", "io.github.cityrank.Cityrank.mime.xml", NULL);
  g_file_get_contents (xml_path, &contents, &length, &error);
  g_assert_no_error (error);

  mime_root = g_dir_make_tmp ("crk-mime-XXXXXX", &error);
  g_assert_no_error (error);
  packages = g_build_filename (mime_root, "mime", "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  copy_path = g_build_filename (packages, "io.github.cityrank.Cityrank.xml", NULL);
  g_file_set_contents (copy_path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  copy_system_packages (packages);

  argv[0] = updater != NULL ? updater : "update-mime-database";
  argv[1] = g_build_filename (mime_root, "mime", NULL);
  argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, &err_text, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s %s failed: %s\n%s", argv[0], argv[1], error->message, err_text);
  g_free ((char *) argv[1]);
}

static gboolean
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  return g_file_delete (file, NULL, NULL);
}

static void
test_mime_glob (void)
{
  g_autofree char *type = NULL;
  g_autofree char *plain = NULL;
  gboolean uncertain = TRUE;

  type = g_content_type_guess ("Top 100 cities.cityrank.xml", NULL, 0, &uncertain);
  g_assert_cmpstr (type, ==, CRK_MIME_TYPE);
  g_assert_false (uncertain);

  /* A plain .xml name stays generic XML. */
  plain = g_content_type_guess ("cities.xml", NULL, 0, NULL);
  g_assert_cmpstr (plain, !=, CRK_MIME_TYPE);
  g_assert_true (g_content_type_is_a (plain, "application/xml"));
}

static void
test_mime_root_xml (void)
{
  g_autofree char *type = NULL;
  g_autofree char *other = NULL;

  /* No name: the root element and its namespace decide. */
  type = g_content_type_guess (NULL, (const guchar *) dataset_head, sizeof dataset_head - 1, NULL);
  g_assert_cmpstr (type, ==, CRK_MIME_TYPE);

  g_free (type);
  type =
    g_content_type_guess (NULL, (const guchar *) commented_head, sizeof commented_head - 1, NULL);
  g_assert_cmpstr (type, ==, CRK_MIME_TYPE);

  /* The same element name in another namespace is not ours. */
  other =
    g_content_type_guess (NULL, (const guchar *) other_xml_head, sizeof other_xml_head - 1, NULL);
  g_assert_cmpstr (other, !=, CRK_MIME_TYPE);
}

static void
test_mime_samples (void)
{
  const char *source_dir = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *samples = g_build_filename (source_dir, "data", "samples", NULL);
  g_autoptr (GDir) dir = g_dir_open (samples, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no data/samples");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *by_data = NULL;
      gsize length = 0;

      if (!g_str_has_suffix (name, ".cityrank.xml"))
        continue;
      path = g_build_filename (samples, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* GIO sniffs at most the first 4 KiB of a local file. */
      by_data = g_content_type_guess (NULL, (const guchar *) contents, MIN (length, 4096), NULL);
      g_test_message ("%s: %s", name, by_data);
      g_assert_cmpstr (by_data, ==, CRK_MIME_TYPE);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_mime_hierarchy (void)
{
  g_autofree char *description = NULL;
  g_autofree char *generic_icon = NULL;
  g_auto (GStrv) globs = NULL;

  g_assert_true (g_content_type_is_a (CRK_MIME_TYPE, "application/xml"));
  g_assert_true (g_content_type_is_a (CRK_MIME_TYPE, "text/plain"));
  g_assert_true (g_content_type_is_mime_type (CRK_MIME_TYPE, CRK_MIME_TYPE));

  /* LC_ALL=C.UTF-8 in the test environment: the English comment. */
  description = g_content_type_get_description (CRK_MIME_TYPE);
  g_assert_cmpstr (description, ==, "Cityrank dataset");

  generic_icon = g_content_type_get_generic_icon_name (CRK_MIME_TYPE);
  g_assert_cmpstr (generic_icon, ==, "x-office-spreadsheet");
}

int
main (int argc, char **argv)
{
  g_autofree char *own_dir = NULL;
  g_autoptr (GFile) root = NULL;
  const char *dirs[2];
  int status;

  g_test_init (&argc, &argv, NULL);

  build_mime_database ();
  own_dir = g_build_filename (mime_root, "mime", NULL);
  dirs[0] = own_dir;
  dirs[1] = NULL;
  g_content_type_set_mime_dirs (dirs);

  g_test_add_func ("/data/mime/glob", test_mime_glob);
  g_test_add_func ("/data/mime/root-xml", test_mime_root_xml);
  g_test_add_func ("/data/mime/samples", test_mime_samples);
  g_test_add_func ("/data/mime/hierarchy", test_mime_hierarchy);
  status = g_test_run ();

  root = g_file_new_for_path (mime_root);
  remove_tree (root);
  g_free (mime_root);
  return status;
}
