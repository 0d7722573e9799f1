/* crk-import-sdmx.c: what the SDMX-ML importers share: namespaces, safe streaming XML,
 * components and their resolution, and the mapping of an observation to the sink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping of an observation (see crk_sdmx_mapper_observation()):
 *   - period: the dimension options->period names, else TIME_PERIOD (2.0: the Time
 *     element; an ObsDimension without id: the observation dimension of the header);
 *   - indicator: the value of the indicator dimension (options->indicator, else the
 *     dimension crk_sdmx_scan_choose_indicator() picks from the values of the first
 *     series), else the data set's id (dataflow, data structure or 2.0 key family);
 *   - key: the value of the city dimension when options->city names one, else the
 *     values of the other dimensions (not the period, not the indicator), in key order,
 *     joined with ".";
 *   - value: the measure as a double; NaN, empty, absent or a missing marker → NAN;
 *   - status: OBS_STATUS; unit: UNIT, UNIT_MEASURE or unit; unit_mult: UNIT_MULT,
 *     POWERCODE or SCALE; each resolved at the observation, then the series, then its
 *     groups, then the data set;
 *   - note: the other attributes so resolved, "ID=value; ID=value", the most specific
 *     first.
 * The unit multiplier is applied only when options->apply_unit_mult is set (unit_mult
 * is then 0, the value being in units); whether or not, a notice says so.
 */
#define G_LOG_DOMAIN "crk-import-sdmx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-sdmx.h"

/* Namespaces */

#define SDMX_NS_PREFIX "http://www.sdmx.org/resources/sdmxml/schemas/v"

/**
 * crk_sdmx_ns_classify:
 * @uri: (nullable): a namespace URI
 * @version: (out) (optional): 20, 21, 30, or 0 when not SDMX
 *
 * SDMX-ML 2.0 writes "SDMX" and "SDMXML" in capitals, 2.1 and 3.0 in lower case: the
 * prefix is compared without case.
 *
 * Returns: what the namespace is
 */
CrkSdmxNs
crk_sdmx_ns_classify (const char *uri, int *version)
{
  static const struct
  {
    const char *suffix;
    CrkSdmxNs ns;
  } suffixes[] = {
    {"message", CRK_SDMX_NS_MESSAGE},
    {"common", CRK_SDMX_NS_COMMON},
    {"generic", CRK_SDMX_NS_GENERIC},
    {"data/generic", CRK_SDMX_NS_GENERIC},
    {"data/structurespecific", CRK_SDMX_NS_STRUCTURESPECIFIC},
    {"data/structureSpecific", CRK_SDMX_NS_STRUCTURESPECIFIC},
    {"compact", CRK_SDMX_NS_COMPACT},
    {"utility", CRK_SDMX_NS_UTILITY},
    {"cross", CRK_SDMX_NS_CROSS},
    {"message/footer", CRK_SDMX_NS_FOOTER},
    {"structure", CRK_SDMX_NS_STRUCTURE},
  };
  gsize n = strlen (SDMX_NS_PREFIX);
  const char *rest;
  int v = 0;

  if (version != NULL)
    *version = 0;
  if (uri == NULL || *uri == '\0')
    return CRK_SDMX_NS_NONE;
  if (g_ascii_strncasecmp (uri, SDMX_NS_PREFIX, n) != 0)
    return CRK_SDMX_NS_FOREIGN;
  rest = uri + n;
  if (g_str_has_prefix (rest, "2_0/"))
    v = 20;
  else if (g_str_has_prefix (rest, "2_1/"))
    v = 21;
  else if (g_str_has_prefix (rest, "3_0/"))
    v = 30;
  else if (g_ascii_isdigit (rest[0]))
    v = 30 + (rest[0] - '3') * 10; /* a later version: at least 3.0 */
  if (v < 30 && v != 20 && v != 21)
    v = 30;
  if (version != NULL)
    *version = v;
  rest = strchr (rest, '/');
  if (rest == NULL)
    return CRK_SDMX_NS_OTHER;
  rest++;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_ascii_strcasecmp (rest, suffixes[i].suffix) == 0)
      return suffixes[i].ns;
  return CRK_SDMX_NS_OTHER;
}

/* Messages quoting the file */

/* Safe streaming XML */

/**
 * crk_sdmx_xml_open:
 * @xml: (out caller-allocates): the reader
 * @path: the file
 * @report: where problems go
 * @cancellable: (nullable): to stop
 * @error: I/O errors
 *
 * Returns: %TRUE when the file may be parsed; close @xml in every case
 */
gboolean
crk_sdmx_xml_open (CrkSdmxXml *xml,
                   const char *path,
                   CrkImportReport *report,
                   GCancellable *cancellable,
                   GError **error)
{
  memset (xml, 0, sizeof *xml);
  xml->path = path;
  xml->report = report;
  xml->input =
    crk_xml_input_open (path, NULL, report, CRK_SDMX_MAX_DEPTH,
                        CRK_XML_INPUT_UTF8_ONLY | CRK_XML_INPUT_NO_BLANKS, cancellable, error);
  if (xml->input == NULL)
    return FALSE;
  xml->reader = crk_xml_input_get_reader (xml->input);
  return TRUE;
}

/**
 * crk_sdmx_xml_next:
 * @xml: the reader
 * @error: I/O errors and cancellation
 *
 * Returns: 1 on a node, 0 at the end, -1 on an error (a problem, or @error)
 */
int
crk_sdmx_xml_next (CrkSdmxXml *xml, GError **error)
{
  int ret = crk_xml_input_next (xml->input, error);

  xml->type = crk_xml_input_get_type (xml->input);
  xml->depth = crk_xml_input_get_depth (xml->input);
  return ret;
}

void
crk_sdmx_xml_close (CrkSdmxXml *xml)
{
  g_clear_pointer (&xml->input, crk_xml_input_free);
  xml->reader = NULL;
}

const char *
crk_sdmx_xml_attribute (CrkSdmxXml *xml, const char *ns, const char *name)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (xml->reader);

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    {
      if (strcmp ((const char *) a->name, name) != 0)
        continue;
      if ((ns == NULL) != (a->ns == NULL))
        continue;
      if (ns != NULL && strcmp ((const char *) a->ns->href, ns) != 0)
        continue;
      if (a->children == NULL)
        return "";
      if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
        return (const char *) a->children->content;
      return NULL; /* entity references: refused by the reader anyway */
    }
  return NULL;
}

/* Components */

void
crk_sdmx_components_init (CrkSdmxComponents *c)
{
  c->buffer = g_string_sized_new (256);
  c->items = g_array_new (FALSE, FALSE, sizeof (CrkSdmxItem));
}

void
crk_sdmx_components_destroy (CrkSdmxComponents *c)
{
  if (c->buffer != NULL)
    g_string_free (c->buffer, TRUE);
  if (c->items != NULL)
    g_array_unref (c->items);
  c->buffer = NULL;
  c->items = NULL;
}

void
crk_sdmx_components_reset (CrkSdmxComponents *c)
{
  g_string_truncate (c->buffer, 0);
  g_array_set_size (c->items, 0);
}

gboolean
crk_sdmx_components_add (CrkSdmxComponents *c,
                         const char *id,
                         const char *value,
                         gssize value_length)
{
  CrkSdmxItem item;

  if (c->items->len >= CRK_SDMX_MAX_COMPONENTS)
    return FALSE;
  if (value_length < 0)
    value_length = (gssize) strlen (value);
  item.id = (guint) c->buffer->len;
  g_string_append_len (c->buffer, id, (gssize) strlen (id) + 1);
  item.value = (guint) c->buffer->len;
  g_string_append_len (c->buffer, value, value_length);
  g_string_append_c (c->buffer, '\0');
  g_array_append_val (c->items, item);
  return TRUE;
}

gboolean
crk_sdmx_components_set (CrkSdmxComponents *c, const char *id, const char *value)
{
  for (guint i = 0; i < c->items->len; i++)
    if (strcmp (crk_sdmx_components_id (c, i), id) == 0)
      {
        /* the old text stays in the buffer, unreferenced */
        CrkSdmxItem *item = &g_array_index (c->items, CrkSdmxItem, i);

        item->value = (guint) c->buffer->len;
        g_string_append_len (c->buffer, value, (gssize) strlen (value) + 1);
        return TRUE;
      }
  return crk_sdmx_components_add (c, id, value, -1);
}

const char *
crk_sdmx_components_get (const CrkSdmxComponents *c, const char *id)
{
  for (guint i = 0; i < c->items->len; i++)
    if (strcmp (crk_sdmx_components_id (c, i), id) == 0)
      return crk_sdmx_components_value (c, i);
  return NULL;
}

void
crk_sdmx_components_copy (CrkSdmxComponents *to, const CrkSdmxComponents *from)
{
  g_string_truncate (to->buffer, 0);
  g_string_append_len (to->buffer, from->buffer->str, (gssize) from->buffer->len);
  g_array_set_size (to->items, 0);
  g_array_append_vals (to->items, from->items->data, from->items->len);
}

/* Heuristics on ids */

gboolean
crk_sdmx_looks_like_attribute (const char *id, const char *value)
{
  static const char *const known[] = {
    "TITLE",
    "TITLE_COMPL",
    "UNIT",
    "UNIT_MULT",
    "DECIMALS",
    "TIME_FORMAT",
    "COLLECTION",
    "COMPILATION",
    "COVERAGE",
    "SOURCE_AGENCY",
    "SOURCE_PUB",
    "BREAKS",
    "DOM_SER_IDS",
    "UNIT_INDEX_BASE",
    "BASE_PER",
    "BASE_YEAR",
    "SCALE",
    "POWERCODE",
    "SERIESCODE",
    "OVERLAP",
    "LAST_UPDATE",
    "IDBANK",
    "TIME_PER_COLLECT",
    "EMBARGO_DATE",
    "CONF_STATUS",
    "METHODOLOGY",
    "DATASOURCE",
    "REFERENCE_PERIOD",
    "UNIT_MEASURE_TYPE",
  };
  static const char *const prefixes[] = {
    "TITLE", "EXT_",  "OBS_",      "DECIMALS",    "COMMENT",
    "NOTE",  "PUBL_", "NAT_TITLE", "SERIES_NAME", "METHODOLOGY",
  };
  static const char *const suffixes[] = {"_NOTE", "_NOTES",   "_DATE",       "_TITLE",
                                         "_NAME", "_COMMENT", "_DESCRIPTION"};

  if (value != NULL && (strchr (value, ' ') != NULL || strlen (value) > 64))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (id, known[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (id, prefixes[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (id, suffixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
crk_sdmx_is_geo_id (const char *id)
{
  static const char *const geo[] = {"REF_AREA", "GEO", "LOCATION", "COUNTRY", "REPORTER", "AREA"};

  for (guint i = 0; i < G_N_ELEMENTS (geo); i++)
    if (g_ascii_strcasecmp (id, geo[i]) == 0)
      return TRUE;
  return g_str_has_suffix (id, "_REF_AREA");
}

gboolean
crk_sdmx_is_frequency_id (const char *id)
{
  return g_ascii_strcasecmp (id, "FREQ") == 0 || g_ascii_strcasecmp (id, "FREQUENCY") == 0;
}

gboolean
crk_sdmx_is_indicator_like_id (const char *id)
{
  static const char *const names[] = {"INDICATOR", "SUBJECT", "VARIABLE", "ITEM",
                                      "NA_ITEM",   "SERIES",  "MEASURE"};

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (id, names[i]) == 0)
      return TRUE;
  return g_str_has_suffix (id, "_ITEM") || g_str_has_prefix (id, "INDIC") ||
    g_str_has_prefix (id, "indic");
}

/* The scan of the first series */

#define SCAN_MAX_VALUES 1000

typedef struct
{
  char *id;
  GHashTable *values;
} DimStat;

struct _CrkSdmxScan
{
  GPtrArray *dims; /* DimStat, in order of appearance */
};

static void
dim_stat_free (DimStat *d)
{
  g_free (d->id);
  g_hash_table_unref (d->values);
  g_free (d);
}

CrkSdmxScan *
crk_sdmx_scan_new (void)
{
  CrkSdmxScan *scan = g_new0 (CrkSdmxScan, 1);

  scan->dims = g_ptr_array_new_with_free_func ((GDestroyNotify) dim_stat_free);
  return scan;
}

void
crk_sdmx_scan_free (CrkSdmxScan *scan)
{
  if (scan == NULL)
    return;
  g_ptr_array_unref (scan->dims);
  g_free (scan);
}

void
crk_sdmx_scan_add (CrkSdmxScan *scan, const char *id, const char *value)
{
  DimStat *d = NULL;

  for (guint i = 0; i < scan->dims->len && d == NULL; i++)
    if (strcmp (((DimStat *) scan->dims->pdata[i])->id, id) == 0)
      d = scan->dims->pdata[i];
  if (d == NULL)
    {
      if (scan->dims->len >= CRK_SDMX_MAX_COMPONENTS)
        return;
      d = g_new0 (DimStat, 1);
      d->id = g_strdup (id);
      d->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (scan->dims, d);
    }
  if (g_hash_table_size (d->values) < SCAN_MAX_VALUES && !g_hash_table_contains (d->values, value))
    g_hash_table_add (d->values, g_strdup (value));
}

char *
crk_sdmx_scan_choose_indicator (const CrkSdmxScan *scan, const char *city, const char *period)
{
  const DimStat *best = NULL, *named = NULL, *named_constant = NULL;

  for (guint i = 0; i < scan->dims->len; i++)
    {
      const DimStat *d = scan->dims->pdata[i];
      guint n = g_hash_table_size (d->values);

      if (crk_sdmx_is_geo_id (d->id) || crk_sdmx_is_frequency_id (d->id) ||
          g_strcmp0 (d->id, city) == 0 || g_strcmp0 (d->id, period) == 0 ||
          strcmp (d->id, "TIME_PERIOD") == 0)
        continue;
      if (n < 2)
        {
          if (named_constant == NULL && crk_sdmx_is_indicator_like_id (d->id))
            named_constant = d;
          continue;
        }
      if (named == NULL && crk_sdmx_is_indicator_like_id (d->id))
        named = d;
      if (best == NULL || n > g_hash_table_size (best->values))
        best = d;
    }
  if (named != NULL)
    return g_strdup (named->id);
  if (best != NULL)
    return g_strdup (best->id);
  if (named_constant != NULL)
    return g_strdup (named_constant->id);
  return NULL;
}

/* The mapper */

#define MAX_MULTIPLIERS 16

typedef struct
{
  char *id;
  int power;
  guint64 count;
  int line, column;
} Multiplier;

struct _CrkSdmxMapper
{
  const char *path;
  const CrkImportOptions *options;
  CrkImportSink *sink;
  CrkImportReport *report;
  const CrkSdmxStructure *structure;
  CrkSdmxScan *scan;
  char *indicator_dim;
  const char *city_dim;
  const char *period_dim;
  char *fallback_indicator;
  GString *key, *note, *labelled_key, *labelled_indicator, *label;
  /* what depends on the series alone, for observations without dimensions of their own
   * beyond the period */
  guint64 serial;
  gboolean serial_valid;
  GString *series_key, *series_note;
  const char *series_indicator, *series_indicator_id, *series_unit, *series_unit_id, *series_status;
  const char *series_mult_id;
  int series_mult;
  gboolean series_ok;
  guint64 count;
  Multiplier multipliers[MAX_MULTIPLIERS];
  guint n_multipliers;
  gboolean said_no_indicator, said_no_city;
  gboolean shape_sent;
};

CrkSdmxMapper *
crk_sdmx_mapper_new (const char *path,
                     const CrkImportOptions *options,
                     CrkImportSink *sink,
                     CrkImportReport *report,
                     const CrkSdmxStructure *structure,
                     CrkSdmxScan *scan,
                     const char *indicator_dim)
{
  CrkSdmxMapper *m = g_new0 (CrkSdmxMapper, 1);

  m->path = path;
  m->options = options;
  m->sink = sink;
  m->report = report;
  m->structure = structure;
  m->scan = scan;
  m->indicator_dim = g_strdup (
    options->indicator != NULL && *options->indicator != '\0' ? options->indicator : indicator_dim);
  m->city_dim = options->city != NULL && *options->city != '\0' ? options->city : NULL;
  m->period_dim =
    options->period != NULL && *options->period != '\0' ? options->period : "TIME_PERIOD";
  m->key = g_string_sized_new (64);
  m->note = g_string_sized_new (256);
  m->labelled_key = g_string_new (NULL);
  m->labelled_indicator = g_string_new (NULL);
  m->label = g_string_new (NULL);
  m->series_key = g_string_sized_new (64);
  m->series_note = g_string_sized_new (256);
  return m;
}

void
crk_sdmx_mapper_free (CrkSdmxMapper *m)
{
  if (m == NULL)
    return;
  g_free (m->indicator_dim);
  g_free (m->fallback_indicator);
  g_string_free (m->key, TRUE);
  g_string_free (m->note, TRUE);
  g_string_free (m->labelled_key, TRUE);
  g_string_free (m->labelled_indicator, TRUE);
  g_string_free (m->label, TRUE);
  g_string_free (m->series_key, TRUE);
  g_string_free (m->series_note, TRUE);
  for (guint i = 0; i < m->n_multipliers; i++)
    g_free (m->multipliers[i].id);
  g_free (m);
}

const char *
crk_sdmx_mapper_period_id (const CrkSdmxMapper *m)
{
  return m->period_dim;
}

static const char *
raw_dim (const CrkSdmxRaw *raw, const char *id)
{
  const char *v = crk_sdmx_components_get (raw->obs_dims, id);

  return v != NULL ? v : crk_sdmx_components_get (raw->series_dims, id);
}

static const char *
raw_attr (const CrkSdmxRaw *raw, const char *id)
{
  const char *v = crk_sdmx_components_get (raw->obs_attrs, id);

  return v != NULL ? v : crk_sdmx_components_get (raw->effective, id);
}

static char *
dimension_list (const CrkSdmxRaw *raw)
{
  GString *s = g_string_new (NULL);
  const CrkSdmxComponents *lists[] = {raw->series_dims, raw->obs_dims};

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < crk_sdmx_components_length (lists[l]); i++)
      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "",
                              crk_sdmx_components_id (lists[l], i));
  if (s->len == 0)
    g_string_append (s, _ ("none"));
  return crk_xml_clean_text (s->str, (gssize) s->len, 400);
}

/* The data set's id, else the file's name without its suffix. */
static const char *
dataset_name (CrkSdmxMapper *m, const CrkSdmxRaw *raw)
{
  if (raw->dataset_id != NULL && *raw->dataset_id != '\0')
    return raw->dataset_id;
  if (m->fallback_indicator == NULL)
    {
      g_autofree char *base = g_path_get_basename (m->path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      m->fallback_indicator = crk_xml_clean_text (base, -1, 0);
      if (*m->fallback_indicator == '\0')
        g_free (m->fallback_indicator), m->fallback_indicator = g_strdup ("SDMX");
    }
  return m->fallback_indicator;
}

/* The key: the other dimensions joined with "." (or the city's value). */
static gboolean
build_key (CrkSdmxMapper *m, const CrkSdmxRaw *raw, const char *indicator_id)
{
  const CrkSdmxComponents *lists[] = {raw->series_dims, raw->obs_dims};

  g_string_truncate (m->key, 0);
  if (m->city_dim != NULL)
    {
      const char *city = raw_dim (raw, m->city_dim);

      if (city == NULL)
        city = raw_attr (raw, m->city_dim);
      if (city == NULL)
        {
          if (!m->said_no_city)
            {
              g_autofree char *dims = dimension_list (raw);
              g_autofree char *shown = crk_xml_clean_text (m->city_dim, -1, 80);

              crk_import_report_error (
                m->report, m->path, raw->line, raw->column, CRK_IMPORT_ERROR_INVALID,
                _ ("the series has no dimension “%s” (named for the city); its dimensions are %s"),
                shown, dims);
              m->said_no_city = TRUE;
            }
          return FALSE;
        }
      g_string_append (m->key, city);
      return TRUE;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < crk_sdmx_components_length (lists[l]); i++)
      {
        const char *id = crk_sdmx_components_id (lists[l], i);

        if (strcmp (id, m->period_dim) == 0 ||
            (indicator_id != NULL && strcmp (id, indicator_id) == 0))
          continue;
        if (m->key->len > 0)
          g_string_append_c (m->key, '.');
        g_string_append (m->key, crk_sdmx_components_value (lists[l], i));
      }
  if (m->key->len == 0)
    g_string_append (m->key, dataset_name (m, raw));
  return TRUE;
}

static void
append_note (GString *note, const char *id, const char *value)
{
  if (note->len > 0)
    g_string_append (note, "; ");
  g_string_append (note, id);
  g_string_append_c (note, '=');
  g_string_append (note, value);
}

/* The note of the series' effective attributes (without the status and the unit). */
static void
build_series_note (CrkSdmxMapper *m, const CrkSdmxRaw *raw, const char *unit_id)
{
  g_string_truncate (m->series_note, 0);
  for (guint i = 0; i < crk_sdmx_components_length (raw->effective); i++)
    {
      const char *id = crk_sdmx_components_id (raw->effective, i);

      if (strcmp (id, "OBS_STATUS") != 0 && g_strcmp0 (id, unit_id) != 0)
        append_note (m->series_note, id, crk_sdmx_components_value (raw->effective, i));
    }
}

/* The observation's attributes, then the series' ones it does not override. */
static void
build_note (CrkSdmxMapper *m, const CrkSdmxRaw *raw, const char *unit_id)
{
  gboolean overrides = FALSE;

  g_string_truncate (m->note, 0);
  for (guint i = 0; i < crk_sdmx_components_length (raw->obs_attrs); i++)
    {
      const char *id = crk_sdmx_components_id (raw->obs_attrs, i);

      if (strcmp (id, "OBS_STATUS") == 0)
        continue; /* the status, never in the series' note */
      if (g_strcmp0 (id, unit_id) != 0)
        append_note (m->note, id, crk_sdmx_components_value (raw->obs_attrs, i));
      overrides |= crk_sdmx_components_get (raw->effective, id) != NULL;
    }
  if (!overrides)
    {
      if (m->note->len > 0 && m->series_note->len > 0)
        g_string_append (m->note, "; ");
      g_string_append_len (m->note, m->series_note->str, (gssize) m->series_note->len);
      return;
    }
  for (guint i = 0; i < crk_sdmx_components_length (raw->effective); i++)
    {
      const char *id = crk_sdmx_components_id (raw->effective, i);

      if (strcmp (id, "OBS_STATUS") != 0 && g_strcmp0 (id, unit_id) != 0 &&
          crk_sdmx_components_get (raw->obs_attrs, id) == NULL)
        append_note (m->note, id, crk_sdmx_components_value (raw->effective, i));
    }
}

static int
parse_power (const char *text)
{
  char *end = NULL;
  gint64 n;

  if (text == NULL || *text == '\0')
    return 0;
  n = g_ascii_strtoll (text, &end, 10);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || end == NULL || *end != '\0' || n < -30 || n > 30)
    return 0;
  return (int) n;
}

static void
note_multiplier (CrkSdmxMapper *m, const char *id, int power, const CrkSdmxRaw *raw)
{
  for (guint i = 0; i < m->n_multipliers; i++)
    if (m->multipliers[i].power == power && strcmp (m->multipliers[i].id, id) == 0)
      {
        m->multipliers[i].count++;
        return;
      }
  if (m->n_multipliers < MAX_MULTIPLIERS)
    {
      Multiplier *x = &m->multipliers[m->n_multipliers++];

      x->id = g_strdup (id);
      x->power = power;
      x->count = 1;
      x->line = raw->line;
      x->column = raw->column;
    }
}

/* The value: a number, or NAN for a missing one; FALSE when it is neither. */
static gboolean
parse_value (CrkSdmxMapper *m, const char *text, double *value)
{
  char *end = NULL;
  double v;

  *value = NAN;
  if (text == NULL)
    return TRUE;
  if (m->options->missing != NULL &&
      crk_import_is_missing (text, (const char *const *) m->options->missing))
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return TRUE;
  v = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end != text && end != NULL && *end == '\0' && isfinite (v))
    {
      *value = v;
      return TRUE;
    }
  return crk_import_is_missing (text, NULL);
}

typedef struct
{
  CrkSdmxMapper *m;
  CrkImportRole role;
  const char *code;
} LabelData;

static void
label_cb (const char *lang, const char *name, gpointer user_data)
{
  LabelData *d = user_data;

  d->m->sink->label (d->m->sink, d->role, d->code, name, lang);
}

static void
emit_labels (CrkSdmxMapper *m,
             const CrkSdmxRaw *raw,
             const char *indicator,
             const char *indicator_id)
{
  const CrkSdmxComponents *lists[] = {raw->series_dims, raw->obs_dims};
  gboolean any = FALSE;

  if (strcmp (m->labelled_indicator->str, indicator) != 0)
    {
      LabelData d = {m, CRK_IMPORT_ROLE_INDICATOR, indicator};

      g_string_assign (m->labelled_indicator, indicator);
      if (indicator_id != NULL)
        crk_sdmx_structure_foreach_name (m->structure, indicator_id, indicator, label_cb, &d);
      else if (crk_sdmx_structure_artefact_name (m->structure, indicator) != NULL)
        m->sink->label (m->sink, CRK_IMPORT_ROLE_INDICATOR, indicator,
                        crk_sdmx_structure_artefact_name (m->structure, indicator), NULL);
    }
  if (strcmp (m->labelled_key->str, m->key->str) == 0)
    return;
  g_string_assign (m->labelled_key, m->key->str);
  if (m->city_dim != NULL)
    {
      LabelData d = {m, CRK_IMPORT_ROLE_CITY, m->key->str};

      crk_sdmx_structure_foreach_name (m->structure, m->city_dim, m->key->str, label_cb, &d);
      return;
    }
  /* the names of the key's parts, joined */
  g_string_truncate (m->label, 0);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < crk_sdmx_components_length (lists[l]); i++)
      {
        const char *id = crk_sdmx_components_id (lists[l], i);
        const char *code = crk_sdmx_components_value (lists[l], i);
        const char *name;

        if (strcmp (id, m->period_dim) == 0 || g_strcmp0 (id, indicator_id) == 0)
          continue;
        name = crk_sdmx_structure_name (m->structure, id, code, "en");
        any |= name != NULL;
        g_string_append (m->label, m->label->len > 0 ? ", " : "");
        g_string_append (m->label, name != NULL ? name : code);
      }
  if (any)
    m->sink->label (m->sink, CRK_IMPORT_ROLE_CITY, m->key->str, m->label->str, NULL);
}

static void
scan_observation (CrkSdmxMapper *m, const CrkSdmxRaw *raw)
{
  const CrkSdmxComponents *lists[] = {raw->series_dims, raw->obs_dims};

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < crk_sdmx_components_length (lists[l]); i++)
      if (strcmp (crk_sdmx_components_id (lists[l], i), m->period_dim) != 0)
        crk_sdmx_scan_add (m->scan, crk_sdmx_components_id (lists[l], i),
                           crk_sdmx_components_value (lists[l], i));
}

/* The indicator: the indicator dimension's value, else the data set's id. */
static const char *
find_indicator (CrkSdmxMapper *m, const CrkSdmxRaw *raw, const char **indicator_id)
{
  const char *indicator = NULL;

  *indicator_id = NULL;
  if (m->indicator_dim != NULL)
    {
      indicator = raw_dim (raw, m->indicator_dim);
      if (indicator == NULL && m->options->indicator != NULL && *m->options->indicator != '\0')
        indicator = raw_attr (raw, m->indicator_dim);
      if (indicator != NULL)
        *indicator_id = m->indicator_dim;
      else if (m->options->indicator != NULL && *m->options->indicator != '\0')
        {
          if (!m->said_no_indicator)
            {
              g_autofree char *dims = dimension_list (raw);
              g_autofree char *shown = crk_xml_clean_text (m->indicator_dim, -1, 80);

              crk_import_report_error (m->report, m->path, raw->line, raw->column,
                                       CRK_IMPORT_ERROR_INVALID,
                                       _ ("the series has no dimension “%s” (named for the "
                                          "indicator); its dimensions are %s"),
                                       shown, dims);
              m->said_no_indicator = TRUE;
            }
          return NULL;
        }
    }
  if (indicator == NULL)
    indicator = dataset_name (m, raw);
  return indicator;
}

static const char *const unit_ids[] = {"UNIT", "UNIT_MEASURE", "unit"};
static const char *const mult_ids[] = {"UNIT_MULT", "POWERCODE", "SCALE"};

/* Does the observation carry dimensions of its own beyond the period? */
static gboolean
has_own_dimensions (CrkSdmxMapper *m, const CrkSdmxRaw *raw)
{
  for (guint i = 0; i < crk_sdmx_components_length (raw->obs_dims); i++)
    if (strcmp (crk_sdmx_components_id (raw->obs_dims, i), m->period_dim) != 0)
      return TRUE;
  return FALSE;
}

/* What the series says, once a series. */
static void
prepare_series (CrkSdmxMapper *m, const CrkSdmxRaw *raw)
{
  m->serial = raw->series_serial;
  m->serial_valid = TRUE;
  m->series_unit = m->series_unit_id = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (unit_ids) && m->series_unit == NULL; i++)
    if ((m->series_unit = crk_sdmx_components_get (raw->effective, unit_ids[i])) != NULL)
      m->series_unit_id = unit_ids[i];
  for (guint i = 0; i < G_N_ELEMENTS (unit_ids) && m->series_unit == NULL; i++)
    m->series_unit = crk_sdmx_components_get (raw->series_dims, unit_ids[i]);
  m->series_mult = 0;
  m->series_mult_id = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (mult_ids) && m->series_mult == 0; i++)
    {
      m->series_mult = parse_power (crk_sdmx_components_get (raw->effective, mult_ids[i]));
      m->series_mult_id = mult_ids[i];
    }
  m->series_status = crk_sdmx_components_get (raw->effective, "OBS_STATUS");
  build_series_note (m, raw, m->series_unit_id);
  m->series_ok = FALSE;
  if (!has_own_dimensions (m, raw))
    {
      m->series_indicator = find_indicator (m, raw, &m->series_indicator_id);
      m->series_ok = m->series_indicator != NULL && build_key (m, raw, m->series_indicator_id);
      if (m->series_ok)
        g_string_assign (m->series_key, m->key->str);
    }
}

/* The unit, its multiplier and the status: the observation's, else the series'. */
static void
resolve_attributes (CrkSdmxMapper *m,
                    const CrkSdmxRaw *raw,
                    CrkObservation *obs,
                    const char **unit_id)
{
  const char *mult_id = m->series_mult_id;
  guint unit_rank = G_N_ELEMENTS (unit_ids), mult_rank = G_N_ELEMENTS (mult_ids);

  obs->status = m->series_status;
  obs->unit = m->series_unit;
  *unit_id = m->series_unit_id;
  obs->unit_mult = m->series_mult;
  /* one walk over the observation's attributes, most of which are none of these */
  for (guint i = 0; i < crk_sdmx_components_length (raw->obs_attrs); i++)
    {
      const char *id = crk_sdmx_components_id (raw->obs_attrs, i);
      const char *value = crk_sdmx_components_value (raw->obs_attrs, i);

      if (id[0] != 'O' && id[0] != 'U' && id[0] != 'P' && id[0] != 'S' && id[0] != 'u')
        continue;
      if (strcmp (id, "OBS_STATUS") == 0)
        obs->status = value;
      for (guint k = 0; k < G_N_ELEMENTS (unit_ids); k++)
        if (k < unit_rank && strcmp (id, unit_ids[k]) == 0)
          {
            obs->unit = value;
            *unit_id = unit_ids[k];
            unit_rank = k;
          }
      for (guint k = 0; k < G_N_ELEMENTS (mult_ids); k++)
        if (k < mult_rank && strcmp (id, mult_ids[k]) == 0)
          {
            obs->unit_mult = parse_power (value);
            mult_id = mult_ids[k];
            mult_rank = k;
          }
    }
  if (obs->unit_mult != 0)
    note_multiplier (m, mult_id, obs->unit_mult, raw);
}

/* Tells the sink, at the first observation, the dimensions and the roles they got: the
 * series' dimensions, the observation's, the period's; CITY only for options->city. */
static void
emit_shape (CrkSdmxMapper *m, const CrkSdmxRaw *raw, const char *indicator_id)
{
  const CrkSdmxComponents *lists[] = {raw->series_dims, raw->obs_dims};
  g_autoptr (GArray) fields = g_array_new (FALSE, TRUE, sizeof (CrkImportField));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean period_seen = FALSE;
  CrkImportShape shape = {0};

  m->shape_sent = TRUE;
  if (m->sink->shape == NULL)
    return;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < crk_sdmx_components_length (lists[l]); i++)
      {
        const char *id = crk_sdmx_components_id (lists[l], i);
        CrkImportField field = {.id = id};

        if (!g_hash_table_add (seen, (gpointer) id))
          continue;
        if (strcmp (id, m->period_dim) == 0 ||
            (strcmp (m->period_dim, "TIME_PERIOD") == 0 && strcmp (id, "TIME") == 0))
          field.role = CRK_IMPORT_ROLE_PERIOD, period_seen = TRUE;
        else if (g_strcmp0 (id, indicator_id) == 0)
          field.role = CRK_IMPORT_ROLE_INDICATOR;
        else if (g_strcmp0 (id, m->city_dim) == 0)
          field.role = CRK_IMPORT_ROLE_CITY;
        g_array_append_val (fields, field);
      }
  if (!period_seen)
    {
      CrkImportField field = {.id = m->period_dim, .role = CRK_IMPORT_ROLE_PERIOD};

      g_array_append_val (fields, field);
    }
  shape.n_fields = fields->len;
  shape.fields = (const CrkImportField *) (gpointer) fields->data;
  shape.layout = CRK_TABLE_LAYOUT_AUTO;
  shape.header_row = -1;
  shape.first_row = -1;
  shape.label_column = -1;
  m->sink->shape (m->sink, &shape);
}

/**
 * crk_sdmx_mapper_observation:
 * @m: the mapper
 * @raw: an observation as read
 *
 * Returns: %FALSE to stop reading (the sink refused, a dimension named is absent)
 */
gboolean
crk_sdmx_mapper_observation (CrkSdmxMapper *m, const CrkSdmxRaw *raw)
{
  CrkObservation obs = {0};
  const char *indicator_id, *unit_id = NULL;
  double value;

  if (m->scan != NULL)
    {
      scan_observation (m, raw);
      return TRUE;
    }
  if (!m->serial_valid || m->serial != raw->series_serial)
    prepare_series (m, raw);
  obs.line = raw->line;
  obs.column = raw->column;
  obs.period = raw_dim (raw, m->period_dim);
  if (obs.period == NULL && strcmp (m->period_dim, "TIME_PERIOD") == 0)
    obs.period = raw_dim (raw, "TIME");
  if (obs.period == NULL)
    obs.period = raw_attr (raw, m->period_dim);
  if (obs.period == NULL || *obs.period == '\0')
    {
      g_autofree char *shown = crk_xml_clean_text (m->period_dim, -1, 80);

      crk_import_report_error (m->report, m->path, raw->line, raw->column, CRK_IMPORT_ERROR_INVALID,
                               _ ("the observation has no period (no %s)"), shown);
      return TRUE;
    }
  if (m->series_ok && !has_own_dimensions (m, raw))
    {
      obs.indicator = m->series_indicator;
      indicator_id = m->series_indicator_id;
      obs.key = m->series_key->str;
    }
  else
    {
      obs.indicator = find_indicator (m, raw, &indicator_id);
      if (obs.indicator == NULL || !build_key (m, raw, indicator_id))
        return FALSE;
      obs.key = m->key->str;
    }
  if (!m->shape_sent)
    emit_shape (m, raw, indicator_id);
  if (!parse_value (m, raw->value, &value))
    {
      g_autofree char *shown = crk_xml_clean_text (raw->value, -1, 60);

      crk_import_report_error (m->report, m->path, raw->line, raw->column, CRK_IMPORT_ERROR_INVALID,
                               _ ("the value “%s” is not a number"), shown);
      return TRUE;
    }
  resolve_attributes (m, raw, &obs, &unit_id);
  if (obs.unit_mult != 0 && m->options->apply_unit_mult)
    {
      value *= pow (10.0, obs.unit_mult);
      obs.unit_mult = 0;
      if (!isnan (value) && !isfinite (value))
        {
          g_autofree char *shown = crk_xml_clean_text (raw->value, -1, 60);

          crk_import_report_error (
            m->report, m->path, raw->line, raw->column, CRK_IMPORT_ERROR_INVALID,
            _ ("the value “%s” times its unit multiplier is too large"), shown);
          return TRUE;
        }
    }
  obs.value = value;
  build_note (m, raw, unit_id);
  obs.note = m->note->len > 0 ? m->note->str : NULL;
  if (m->structure != NULL && m->sink->label != NULL)
    {
      if (obs.key != m->key->str)
        g_string_assign (m->key, obs.key);
      emit_labels (m, raw, obs.indicator, indicator_id);
    }
  if (!m->sink->observation (m->sink, &obs))
    {
      if (!crk_import_report_failed (m->report))
        crk_import_report_error (
          m->report, m->path, raw->line, raw->column, CRK_IMPORT_ERROR_INVALID, "%s",
          _ ("the import stopped here: the destination took no more observations"));
      return FALSE;
    }
  m->count++;
  return TRUE;
}

guint64
crk_sdmx_mapper_finish (CrkSdmxMapper *m)
{
  for (guint i = 0; i < m->n_multipliers && m->scan == NULL; i++)
    {
      const Multiplier *x = &m->multipliers[i];
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, x->count);

      if (m->options->apply_unit_mult)
        crk_import_report_notice (
          m->report, m->path, x->line, x->column,
          /* TRANSLATORS: "UNIT_MULT=6 on 126 observations: …" */
          _ ("%s=%d on %s observations: their values were multiplied by 10^%d, as asked"), x->id,
          x->power, count, x->power);
      else
        crk_import_report_notice (
          m->report, m->path, x->line, x->column,
          _ ("%s=%d on %s observations: the publisher says the values are in units of 10^%d; "
             "they are kept as written (the unit multiplier is applied only when asked)"),
          x->id, x->power, count, x->power);
    }
  return m->count;
}
