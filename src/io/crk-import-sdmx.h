/* crk-import-sdmx.h: what the SDMX-ML importers share (private to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three importers (crk-import-sdmx21.c: SDMX-ML 2.1 and the 3.0 refusal;
 * crk-import-sdmx20.c: SDMX-ML 2.0) share one streaming reader of data messages
 * (crk_sdmx_read(), crk-import-sdmx21.c), the helpers of crk-import-sdmx.c (namespaces,
 * safe XML, components and the resolution of attributes, the mapping of an observation
 * to a CrkObservation) and the structure message of crk-sdmx-structure.c (codelists:
 * labels; the data structure: which components are dimensions, the measure).
 */
#pragma once

#include <libxml/xmlreader.h>

#include "crk-import.h"
#include "crk-xml-input.h"

G_BEGIN_DECLS

/* Bounds of what a file may make the reader hold. */
#define CRK_SDMX_MAX_DEPTH 64               /* nested elements */
#define CRK_SDMX_MAX_VALUE_LENGTH (1 << 20) /* bytes of one value or text kept */
#define CRK_SDMX_MAX_COMPONENTS 1024        /* dimensions and attributes of one level */
#define CRK_SDMX_MAX_GROUPS 10000           /* groups of a data set */

/* Namespaces */

#define CRK_SDMX_NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define CRK_SDMX_NS_XML "http://www.w3.org/XML/1998/namespace"

typedef enum
{
  CRK_SDMX_NS_NONE,    /* no namespace */
  CRK_SDMX_NS_FOREIGN, /* not an SDMX namespace (a data structure's own, for instance) */
  CRK_SDMX_NS_MESSAGE,
  CRK_SDMX_NS_COMMON,
  CRK_SDMX_NS_GENERIC,
  CRK_SDMX_NS_STRUCTURESPECIFIC,
  CRK_SDMX_NS_COMPACT,
  CRK_SDMX_NS_UTILITY,
  CRK_SDMX_NS_CROSS,
  CRK_SDMX_NS_FOOTER,
  CRK_SDMX_NS_STRUCTURE,
  CRK_SDMX_NS_OTHER, /* another SDMX namespace (query, registry, …) */
} CrkSdmxNs;

/* What namespace @uri is, and of which version (20, 21, 30; 0 when not SDMX). */
CrkSdmxNs crk_sdmx_ns_classify (const char *uri, int *version);

/* Safe streaming XML: no network, no DTD, no entities (a DOCTYPE is refused before the
 * parser sees it), bounded depth; libxml2's errors become located problems. */

typedef struct
{
  CrkXmlInput *input;
  xmlTextReaderPtr reader; /* the input's */
  const char *path;
  CrkImportReport *report;
  int type, depth; /* of the current node */
} CrkSdmxXml;

/* Opens @path; FALSE with @error (I/O) or a problem in @report (not XML, DOCTYPE, …). */
gboolean crk_sdmx_xml_open (CrkSdmxXml *xml,
                            const char *path,
                            CrkImportReport *report,
                            GCancellable *cancellable,
                            GError **error);
/* The next node: 1, or 0 at the end, or -1 on an error (reported, or in @error). */
int crk_sdmx_xml_next (CrkSdmxXml *xml, GError **error);
void crk_sdmx_xml_close (CrkSdmxXml *xml);
/* The value of an attribute of the current element (NULL when absent); @ns NULL for an
 * unqualified attribute. Borrowed until the reader moves on. */
const char *crk_sdmx_xml_attribute (CrkSdmxXml *xml, const char *ns, const char *name);

/* The structure message (crk-sdmx-structure.c) */

typedef struct _CrkSdmxStructure CrkSdmxStructure;

CrkSdmxStructure *crk_sdmx_structure_load (const char *path,
                                           CrkImportReport *report,
                                           GCancellable *cancellable,
                                           GError **error);
void crk_sdmx_structure_free (CrkSdmxStructure *structure);
/* Picks the data structure of the data (@hint: a data structure or dataflow id; the
 * first one when none matches). */
void crk_sdmx_structure_select (CrkSdmxStructure *structure, const char *hint);
gboolean crk_sdmx_structure_has_components (const CrkSdmxStructure *structure);
/* Is @id a dimension (the time dimension included) of the selected data structure? */
gboolean crk_sdmx_structure_is_dimension (const CrkSdmxStructure *structure, const char *id);
/* The primary measure's id, NULL when unknown. */
const char *crk_sdmx_structure_measure (const CrkSdmxStructure *structure);
typedef void (*CrkSdmxNameFunc) (const char *lang, const char *name, gpointer user_data);
/* The names of @code of the component @id, in every language given. FALSE when none. */
gboolean crk_sdmx_structure_foreach_name (const CrkSdmxStructure *structure,
                                          const char *id,
                                          const char *code,
                                          CrkSdmxNameFunc func,
                                          gpointer user_data);
/* Its name in @lang (or in English, or in any language), NULL when none. */
const char *crk_sdmx_structure_name (const CrkSdmxStructure *structure,
                                     const char *id,
                                     const char *code,
                                     const char *lang);
/* The name of a dataflow or data structure, NULL when none. */
const char *crk_sdmx_structure_artefact_name (const CrkSdmxStructure *structure, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkSdmxStructure, crk_sdmx_structure_free)

/* Components: ids and values of one level (data set, group, series, observation), held in
 * one buffer that is reused, so that reading takes no allocation per observation. */

typedef struct
{
  GString *buffer; /* "id\0value\0id\0value\0…" */
  GArray *items;   /* CrkSdmxItem */
} CrkSdmxComponents;

typedef struct
{
  guint id; /* offsets into buffer */
  guint value;
} CrkSdmxItem;

void crk_sdmx_components_init (CrkSdmxComponents *c);
void crk_sdmx_components_destroy (CrkSdmxComponents *c);
void crk_sdmx_components_reset (CrkSdmxComponents *c);
/* FALSE when there are too many (CRK_SDMX_MAX_COMPONENTS). @value_length -1: NUL-ended. */
gboolean crk_sdmx_components_add (CrkSdmxComponents *c,
                                  const char *id,
                                  const char *value,
                                  gssize value_length);
/* Replaces the value of @id or adds it. */
gboolean crk_sdmx_components_set (CrkSdmxComponents *c, const char *id, const char *value);
static inline guint
crk_sdmx_components_length (const CrkSdmxComponents *c)
{
  return c->items->len;
}
static inline const char *
crk_sdmx_components_id (const CrkSdmxComponents *c, guint i)
{
  return c->buffer->str + g_array_index (c->items, CrkSdmxItem, i).id;
}
static inline const char *
crk_sdmx_components_value (const CrkSdmxComponents *c, guint i)
{
  return c->buffer->str + g_array_index (c->items, CrkSdmxItem, i).value;
}
const char *crk_sdmx_components_get (const CrkSdmxComponents *c, const char *id);
void crk_sdmx_components_copy (CrkSdmxComponents *to, const CrkSdmxComponents *from);

/* Without a data structure, is a component of a structure-specific series (where keys
 * and attributes are all XML attributes) an attribute rather than a dimension? Known
 * attribute ids (TITLE, UNIT_MULT, DECIMALS, OBS_STATUS, …) and values that cannot be
 * codes (a blank inside, longer than 64 bytes) are attributes. */
gboolean crk_sdmx_looks_like_attribute (const char *id, const char *value);
/* REF_AREA, GEO, geo, LOCATION, COUNTRY, REPORTER, AREA (and …_REF_AREA). */
gboolean crk_sdmx_is_geo_id (const char *id);
/* FREQ, FREQUENCY, freq. */
gboolean crk_sdmx_is_frequency_id (const char *id);
/* INDICATOR, SUBJECT, VARIABLE, ITEM, …_ITEM, INDIC_…, NA_ITEM, SERIES, MEASURE. */
gboolean crk_sdmx_is_indicator_like_id (const char *id);

/* The mapping of observations, and what the reader tells the sink (crk-import-sdmx.c) */

typedef struct _CrkSdmxMapper CrkSdmxMapper;

/* Distinct values of the dimensions of the first series of a file, to choose the
 * indicator dimension when the user did not name it. */
typedef struct _CrkSdmxScan CrkSdmxScan;

CrkSdmxScan *crk_sdmx_scan_new (void);
void crk_sdmx_scan_free (CrkSdmxScan *scan);
void crk_sdmx_scan_add (CrkSdmxScan *scan, const char *id, const char *value);
/* The indicator dimension: among the dimensions whose values vary, not geo-like, not the
 * frequency, not @city nor @period, the one with an indicator-like id, else the one
 * with the most distinct values (the first in key order of equals); when none varies, a
 * dimension with an indicator-like id; else NULL (the indicator is then the data set's
 * id). */
char *
crk_sdmx_scan_choose_indicator (const CrkSdmxScan *scan, const char *city, const char *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkSdmxScan, crk_sdmx_scan_free)

/* One observation as read: its dimensions (the series' and its own) and its
 * attributes at each level, with the text of its measure. */
typedef struct
{
  const CrkSdmxComponents *series_dims;
  const CrkSdmxComponents *obs_dims;
  const CrkSdmxComponents *effective; /* series, group and data set attributes */
  const CrkSdmxComponents *obs_attrs;
  const char *value; /* NULL when absent */
  const char *dataset_id;
  guint64 series_serial; /* changes when the series (or its attributes) change */
  int line, column;
} CrkSdmxRaw;

CrkSdmxMapper *crk_sdmx_mapper_new (const char *path,
                                    const CrkImportOptions *options,
                                    CrkImportSink *sink,
                                    CrkImportReport *report,
                                    const CrkSdmxStructure *structure,
                                    CrkSdmxScan *scan,
                                    const char *indicator_dim);
void crk_sdmx_mapper_free (CrkSdmxMapper *mapper);
/* The period dimension's id (options->period or TIME_PERIOD). */
const char *crk_sdmx_mapper_period_id (const CrkSdmxMapper *mapper);
/* Maps @raw and hands it to the sink (or to the scan). FALSE stops the reading. */
gboolean crk_sdmx_mapper_observation (CrkSdmxMapper *mapper, const CrkSdmxRaw *raw);
/* The notices of the end (multipliers applied or not); the number of observations. */
guint64 crk_sdmx_mapper_finish (CrkSdmxMapper *mapper);

/* The data reader (crk-import-sdmx21.c): any SDMX-ML data message, 2.0 or 2.1; 3.0 and
 * what is not data are refused with a message saying what the file is. */
gboolean crk_sdmx_read (const char *path,
                        const CrkImportOptions *options,
                        CrkImportSink *sink,
                        CrkImportReport *report,
                        GCancellable *cancellable,
                        GError **error);
/* 95 when the root element is a data message (or an error message) of @version. */
int crk_sdmx_sniff (const CrkSniff *sniff, int version);

G_END_DECLS
