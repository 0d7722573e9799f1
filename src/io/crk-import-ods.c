/* crk-import-ods.c: OpenDocument spreadsheets, zipped (.ods) and flat (.fods)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .ods is a zip whose first entry, "mimetype", says what the document is; its tables
 * are in content.xml. A .fods is the same content in one XML file, root office:document
 * with office:mimetype. Both are read by crk-odf-content.c.
 */
#define G_LOG_DOMAIN "crk-import-ods"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-import.h"
#include "crk-odf-content.h"
#include "crk-zip.h"

/* The manifest and the mimetype are small; a larger one is not an ODF package's. */
#define MAX_SMALL_PART (4 * 1024 * 1024)

static CrkSheetSet *
read_content (CrkZip *zip,
              const char *name,
              const char *path,
              CrkImportReport *report,
              GCancellable *cancellable,
              GError **error)
{
  g_autoptr (GError) local = NULL;
  CrkXmlPart *part = crk_xml_part_open (zip, name, cancellable, &local);
  CrkSheetSet *set;

  if (part == NULL)
    {
      if (local->code == CRK_IMPORT_ERROR_IO)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        crk_import_report_error (report, path, 0, 0, (CrkImportError) local->code, "%s",
                                 local->message);
      return NULL;
    }
  set = crk_odf_content_read (part, path, report);
  crk_xml_part_free (part);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&set, crk_sheet_set_free);
  return set;
}

/* Refuses what is not a spreadsheet, or encrypted. */
static gboolean
check_package (CrkZip *zip, const char *path, CrkImportReport *report)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mimetype = NULL;
  g_autofree char *manifest = NULL;

  if (crk_zip_has_entry (zip, "mimetype"))
    {
      mimetype = crk_zip_read_entry (zip, "mimetype", 256, NULL, &error);
      if (mimetype == NULL)
        {
          crk_import_report_error (report, path, 0, 0, (CrkImportError) error->code, "%s",
                                   error->message);
          return FALSE;
        }
      g_strstrip (mimetype);
      if (!g_str_equal (mimetype, CRK_ODF_SPREADSHEET_MIME) &&
          !g_str_equal (mimetype, "application/vnd.oasis.opendocument.spreadsheet-template"))
        {
          g_autofree char *shown = g_utf8_make_valid (mimetype, -1);

          crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_INVALID,
                                   _ ("not an OpenDocument spreadsheet: the package is “%s”"),
                                   shown);
          return FALSE;
        }
    }
  if (crk_zip_has_entry (zip, "META-INF/manifest.xml"))
    {
      manifest = crk_zip_read_entry (zip, "META-INF/manifest.xml", MAX_SMALL_PART, NULL, &error);
      if (manifest == NULL)
        {
          crk_import_report_error (report, path, 0, 0, (CrkImportError) error->code, "%s",
                                   error->message);
          return FALSE;
        }
      if (strstr (manifest, "encryption-data") != NULL)
        {
          crk_import_report_error (
            report, path, 0, 0, CRK_IMPORT_ERROR_INVALID,
            _ ("the spreadsheet is encrypted (protected by a password); save it without "
               "a password and import it again"));
          return FALSE;
        }
    }
  if (!crk_zip_has_entry (zip, "content.xml"))
    {
      crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_MALFORMED,
                               _ ("not an OpenDocument spreadsheet: it has no part “%s”"),
                               "content.xml");
      return FALSE;
    }
  return TRUE;
}

static CrkSheetSet *
ods_read_sheets (const char *path,
                 const CrkImportOptions *options,
                 CrkImportReport *report,
                 GCancellable *cancellable,
                 GError **error)
{
  g_autoptr (GError) local = NULL;
  CrkZip *zip = crk_zip_open (path, &local);
  CrkSheetSet *set = NULL;

  if (zip == NULL)
    {
      if (local->code == CRK_IMPORT_ERROR_IO)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        crk_import_report_error (report, path, 0, 0, (CrkImportError) local->code, "%s",
                                 local->message);
      return NULL;
    }
  if (check_package (zip, path, report))
    set = read_content (zip, "content.xml", path, report, cancellable, error);
  crk_zip_free (zip);
  return set;
}

static CrkSheetSet *
fods_read_sheets (const char *path,
                  const CrkImportOptions *options,
                  CrkImportReport *report,
                  GCancellable *cancellable,
                  GError **error)
{
  return read_content (NULL, path, path, report, cancellable, error);
}

static gboolean
head_has (const CrkSniff *sniff, const char *needle, gsize offset)
{
  gsize n = strlen (needle);

  for (gsize i = offset; sniff->head != NULL && i + n <= sniff->head_length; i++)
    if (sniff->head[i] == (guint8) needle[0] && memcmp (sniff->head + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static int
ods_sniff (const CrkSniff *sniff)
{
  gboolean zip = sniff->head_length >= 4 && memcmp (sniff->head, "PK\003\004", 4) == 0;
  gboolean content = FALSE;

  /* The stored first entry "mimetype": its data follows the 30-byte header, the name and
   * the extra field. */
  if (zip && sniff->head_length >= 38 && memcmp (sniff->head + 30, "mimetype", 8) == 0)
    {
      gsize data = 30 + (gsize) (sniff->head[26] | sniff->head[27] << 8) +
        (gsize) (sniff->head[28] | sniff->head[29] << 8);

      if (sniff->head_length >= data + strlen (CRK_ODF_SPREADSHEET_MIME) &&
          memcmp (sniff->head + data, CRK_ODF_SPREADSHEET_MIME,
                  strlen (CRK_ODF_SPREADSHEET_MIME)) == 0)
        return 95;
    }
  if (sniff->zip_entries != NULL)
    for (guint i = 0; sniff->zip_entries[i] != NULL; i++)
      content |= g_str_equal (sniff->zip_entries[i], "content.xml");
  if (zip && content && head_has (sniff, CRK_ODF_SPREADSHEET_MIME, 0))
    return 90;
  if (g_strcmp0 (sniff->suffix, ".ods") == 0 || g_strcmp0 (sniff->suffix, ".ots") == 0)
    return 10;
  return 0;
}

static int
fods_sniff (const CrkSniff *sniff)
{
  if (g_strcmp0 (sniff->root_name, "document") == 0 &&
      g_strcmp0 (sniff->root_ns, CRK_ODF_NS_OFFICE) == 0)
    return head_has (sniff, CRK_ODF_SPREADSHEET_MIME "\"", 0) ||
        head_has (sniff, CRK_ODF_SPREADSHEET_MIME "'", 0)
      ? 95
      : 20;
  if (g_strcmp0 (sniff->suffix, ".fods") == 0)
    return 10;
  return 0;
}

static const char *const ods_patterns[] = {"*.ods", NULL};
static const char *const ods_mime_types[] = {CRK_ODF_SPREADSHEET_MIME, NULL};

const CrkImporter crk_importer_ods = {
  .id = "ods",
  .name = N_ ("OpenDocument spreadsheet (.ods)"),
  .patterns = ods_patterns,
  .mime_types = ods_mime_types,
  .sniff = ods_sniff,
  .read = NULL,
  .read_sheets = ods_read_sheets,
};

static const char *const fods_patterns[] = {"*.fods", NULL};
static const char *const fods_mime_types[] = {
  "application/vnd.oasis.opendocument.spreadsheet-flat-xml", NULL};

const CrkImporter crk_importer_fods = {
  .id = "fods",
  .name = N_ ("Flat OpenDocument spreadsheet (.fods)"),
  .patterns = fods_patterns,
  .mime_types = fods_mime_types,
  .sniff = fods_sniff,
  .read = NULL,
  .read_sheets = fods_read_sheets,
};
