/* crk-importers.c: the registry of importers, detecting a file's format, and importing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-importers"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-zip.h"

#define CRK_IMPORTER(name) extern const CrkImporter crk_importer_##name;
#include "crk-importer-list.h"
#undef CRK_IMPORTER

static const CrkImporter *const importers[] = {
#define CRK_IMPORTER(name) &crk_importer_##name,
#include "crk-importer-list.h"
#undef CRK_IMPORTER
  NULL,
};

/* How much of a file is read to detect its format. */
#define HEAD_SIZE (64 * 1024)

const CrkImporter *const *
crk_importers (void)
{
  return importers;
}

const CrkImporter *
crk_importer_lookup (const char *id)
{
  for (guint i = 0; importers[i] != NULL; i++)
    if (g_strcmp0 (importers[i]->id, id) == 0)
      return importers[i];
  return NULL;
}

/* The root element of the XML in @head (which may stop anywhere after it): its local name
 * and namespace. No network, no DTD, no entities. */
static gboolean
sniff_xml_root (const guint8 *head, gsize length, char **name, char **ns)
{
  xmlTextReaderPtr reader;
  gboolean found = FALSE;

  /* Past a UTF-8 byte order mark; UTF-16 files are detected by libxml2 itself. */
  if (length >= 3 && head[0] == 0xef && head[1] == 0xbb && head[2] == 0xbf)
    head += 3, length -= 3;
  reader = xmlReaderForMemory ((const char *) head, (int) MIN (length, (gsize) G_MAXINT), NULL,
                               NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return FALSE;
  while (xmlTextReaderRead (reader) == 1)
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT)
      {
        const xmlChar *uri = xmlTextReaderConstNamespaceUri (reader);

        *name = g_strdup ((const char *) xmlTextReaderConstLocalName (reader));
        *ns = uri != NULL ? g_strdup ((const char *) uri) : NULL;
        found = TRUE;
        break;
      }
  xmlFreeTextReader (reader);
  return found;
}

static char *
suffix_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  return g_ascii_strdown (dot != NULL ? dot : "", -1);
}

/**
 * crk_import_detect:
 * @path: a file
 * @error: why no importer takes it
 *
 * Looks at the content (the root element and its namespace, a zip's entries), then the
 * suffix; of the importers that take the file, the surest wins.
 *
 * Returns: (nullable): the importer
 */
const CrkImporter *
crk_import_detect (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree guint8 *head = g_malloc (HEAD_SIZE);
  g_autofree char *suffix = suffix_of (path);
  g_autofree char *root_name = NULL;
  g_autofree char *root_ns = NULL;
  g_auto (GStrv) zip_entries = NULL;
  gsize length = 0;
  CrkSniff sniff = {0};
  const CrkImporter *best = NULL;
  int best_score = 0;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, HEAD_SIZE, &length, NULL, error))
    return NULL;
  sniff_xml_root (head, length, &root_name, &root_ns);
  /* A zip (xlsx, ods): its entries' names. */
  if (length >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    zip_entries = crk_zip_list_entries (path);

  sniff.path = path;
  sniff.suffix = suffix;
  sniff.head = head;
  sniff.head_length = length;
  sniff.root_name = root_name;
  sniff.root_ns = root_ns;
  sniff.zip_entries = (const char *const *) zip_entries;
  for (guint i = 0; importers[i] != NULL; i++)
    {
      int score = importers[i]->sniff != NULL ? importers[i]->sniff (&sniff) : 0;

      if (score > best_score)
        {
          best = importers[i];
          best_score = score;
        }
    }
  if (best == NULL)
    g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED,
                 _ ("Cannot import “%s”: not a format Cityrank reads (%s)"), path,
                 root_name != NULL ? root_name : _ ("not XML"));
  return best;
}

/* The values @dataset holds, as observations of @path: the names of its cities as
 * labels, then a value per city, indicator and year. */
static gboolean
stream_dataset (CrkDataset *dataset,
                const char *path,
                CrkImportSink *sink,
                GCancellable *cancellable,
                GError **error)
{
  guint n_cities = crk_dataset_get_n_cities (dataset);
  guint n_indicators = crk_dataset_get_n_indicators (dataset);
  guint n_years = crk_dataset_get_n_years (dataset);

  if (sink->unit_kind != NULL && crk_dataset_get_unit_kind (dataset) != CRK_UNIT_CITY)
    sink->unit_kind (sink, crk_dataset_get_unit_kind (dataset));
  if (sink->label != NULL)
    for (guint c = 0; c < n_cities; c++)
      {
        CrkCity *city = crk_dataset_get_city (dataset, c);

        if (crk_city_get_name (city) != NULL)
          sink->label (sink, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city),
                       crk_city_get_name (city), "en");
        if (crk_city_get_name_zh (city) != NULL)
          sink->label (sink, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city),
                       crk_city_get_name_zh (city), "zh");
      }
  for (guint c = 0; c < n_cities; c++)
    {
      const char *key = crk_city_get_code (crk_dataset_get_city (dataset, c));

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint i = 0; i < n_indicators; i++)
        {
          CrkIndicator *indicator = crk_dataset_get_indicator (dataset, i);

          for (guint y = 0; y < n_years; y++)
            {
              char period[16];
              CrkObservation observation = {0};

              observation.value = crk_dataset_get_value (dataset, c, i, y);
              if (isnan (observation.value))
                continue;
              g_snprintf (period, sizeof period, "%d", crk_dataset_get_year (dataset, y));
              observation.key = key;
              observation.indicator = crk_indicator_get_code (indicator);
              observation.period = period;
              observation.unit = crk_indicator_get_unit (indicator);
              observation.note = crk_dataset_get_value_note (dataset, c, i, y);
              if (crk_dataset_get_value_status (dataset, c, i, y) == CRK_VALUE_STATUS_ESTIMATED)
                observation.status = "E";
              if (!sink->observation (sink, &observation))
                return FALSE;
            }
        }
    }
  (void) path;
  return TRUE;
}

/**
 * crk_import_file:
 * @path: a file
 * @importer: (nullable): its importer, or %NULL to detect it
 * @options: the user's choices
 * @sink: where the observations go
 * @report: problems and notices
 * @cancellable: (nullable): to stop
 * @error: I/O errors, cancellation, an undetected format
 *
 * Returns: %TRUE when the file was imported without problems
 */
gboolean
crk_import_file (const char *path,
                 const CrkImporter *importer,
                 const CrkImportOptions *options,
                 CrkImportSink *sink,
                 CrkImportReport *report,
                 GCancellable *cancellable,
                 GError **error)
{
  CrkImportOptions defaults = {0};

  if (options == NULL)
    options = &defaults;
  if (importer == NULL && (importer = crk_import_detect (path, error)) == NULL)
    return FALSE;
  if (importer->read != NULL)
    {
      if (!importer->read (path, options, sink, report, cancellable, error))
        return FALSE;
    }
  else if (importer->open != NULL)
    {
      g_autoptr (CrkDataset) dataset = importer->open (path, options, report, cancellable, error);

      if (dataset == NULL || !stream_dataset (dataset, path, sink, cancellable, error))
        return FALSE;
    }
  else
    {
      g_autoptr (CrkSheetSet) sheets = NULL;
      gboolean ok;

      /* progress: reading the sheets is most of the work */
      crk_import_progress_push (0.0, 0.8);
      sheets = importer->read_sheets (path, options, report, cancellable, error);
      crk_import_progress_pop ();
      if (sheets == NULL)
        return FALSE;
      crk_import_progress_push (0.8, 1.0);
      ok = crk_table_extract (sheets, path, options, sink, report);
      crk_import_progress_pop ();
      if (!ok)
        return FALSE;
    }
  return !crk_import_report_failed (report);
}
