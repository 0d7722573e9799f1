/* crk-import-coinr.c: COINr's pair of CSV tables (iData and iMeta, crk-csv-import.h) as an
 * entry of the registry of importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Either table of the pair names the dataset: a CSV whose header has a uCode column (the
 * data) or an iCode column (the metadata); the other table is found next to it
 * (crk_csv_find_pair()). Any other CSV is a single table (crk-import-csv-table.c).
 */
#define G_LOG_DOMAIN "crk-import-coinr"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-country-codes.h"
#include "crk-csv-import.h"
#include "crk-import.h"

/* Does the first line of @head have a field @name (any case, quotes and blanks aside)? */
static gboolean
head_has_column (const guint8 *head, gsize length, const char *name)
{
  const char *p = (const char *) head;
  const char *end = p + length;
  gsize n = strlen (name);

  if (length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    p += 3;
  while (p < end && *p != '\n' && *p != '\r')
    {
      const char *field_end;

      while (p < end && (*p == ' ' || *p == '\t' || *p == '"'))
        p++;
      field_end = p;
      while (field_end < end && *field_end != ',' && *field_end != ';' && *field_end != '\t' &&
             *field_end != '"' && *field_end != '\n' && *field_end != '\r')
        field_end++;
      {
        const char *last = field_end;

        while (last > p && last[-1] == ' ')
          last--;
        if ((gsize) (last - p) == n && g_ascii_strncasecmp (p, name, n) == 0)
          return TRUE;
      }
      p = field_end;
      while (p < end && *p == '"')
        p++;
      if (p < end && (*p == ',' || *p == ';' || *p == '\t'))
        p++;
    }
  return FALSE;
}

static int
coinr_sniff (const CrkSniff *sniff)
{
  if (sniff->root_name != NULL || sniff->zip_entries != NULL || sniff->head_length == 0 ||
      memchr (sniff->head, '\0', sniff->head_length) != NULL)
    return 0;
  /* Above a single CSV table's 50 for the suffix. */
  if (head_has_column (sniff->head, sniff->head_length, "uCode") ||
      head_has_column (sniff->head, sniff->head_length, "iCode"))
    return 90;
  return 0;
}

static CrkDataset *
coinr_open (const char *path,
            const CrkImportOptions *options,
            CrkImportReport *report,
            GCancellable *cancellable,
            GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) dataset = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dataset =
    crk_csv_import_guess (path, options != NULL ? options->default_year : 0, &problems, error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (report->problems, g_ptr_array_steal_index (problems, i--));
  if (dataset == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* uCodes that are ISO 3166 alpha-3 codes (ASEM's AUT, BEL…) name countries */
  if (crk_country_codes_in_dataset (dataset, FALSE))
    {
      gboolean modified = crk_dataset_get_modified (dataset);

      crk_dataset_set_unit_kind (dataset, CRK_UNIT_COUNTRY);
      crk_dataset_set_modified (dataset, modified);
    }
  return g_steal_pointer (&dataset);
}

static const char *const coinr_patterns[] = {"*.csv", NULL};
static const char *const coinr_mime_types[] = {"text/csv", NULL};

const CrkImporter crk_importer_coinr = {
  .id = "coinr",
  .name = N_ ("CSV pair in COINr's layout (data and metadata)"),
  .patterns = coinr_patterns,
  .mime_types = coinr_mime_types,
  .sniff = coinr_sniff,
  .open = coinr_open,
};
