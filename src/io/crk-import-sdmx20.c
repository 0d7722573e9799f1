/* crk-import-sdmx20.c: the importer of SDMX-ML 2.0 data messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SDMX-ML 2.0 (namespaces http://www.SDMX.org/resources/SDMXML/schemas/v2_0/…, in
 * capitals) is read by the reader of crk-import-sdmx21.c, which knows its differences:
 *   - GenericData: SeriesKey/Value and Attributes/Value name their component with
 *     concept= (2.1: id=); the period is the text of Obs/Time; a data set names its key
 *     family (KeyFamilyRef, the data set's id); a Group holds its series;
 *   - CompactData: Series and Obs in the data structure's own namespace (IMF DOT: a new
 *     declaration on every Series, a data set in no namespace, a first DataSet
 *     xsi:nil="true"), components as XML attributes, SiblingGroup for group
 *     attributes, the measure OBS_VALUE or VALUE;
 *   - UtilityData: the series key as Key/ child elements, observations with child
 *     elements (TIME, OBS_VALUE);
 *   - MessageGroup (OECD.Stat): a Header, then data sets of any of these kinds;
 *   - CrossSectionalData is refused with a message saying so.
 */
#define G_LOG_DOMAIN "crk-import-sdmx"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-import-sdmx.h"

static int
sniff20 (const CrkSniff *sniff)
{
  return crk_sdmx_sniff (sniff, 20);
}

static const char *const patterns[] = {"*.xml", NULL};
static const char *const mime_types[] = {NULL};

const CrkImporter crk_importer_sdmx20 = {
  .id = "sdmx-2.0",
  .name = N_ ("SDMX-ML 2.0 data"),
  .patterns = patterns,
  .mime_types = mime_types,
  .sniff = sniff20,
  .read = crk_sdmx_read,
};
