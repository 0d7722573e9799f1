/* crk-import-sdmx21.c: SDMX-ML data messages, streamed (2.1 and, through the same reader,
 * 2.0), and the importers of SDMX-ML 2.1 and 3.0 (refused with a message saying so)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass of xmlTextReader over the file; memory does not grow with the file: the
 * components of the data set, its groups, the current series and observation are held,
 * in buffers reused from one observation to the next.
 *
 * Bodies:
 *   - generic (2.1 GenericData and GenericTimeSeriesData; 2.0 GenericData, MessageGroup
 *     with a generic DataSet): SeriesKey/Value (id= in 2.1, concept= in 2.0),
 *     Attributes/Value at each level, Obs with ObsDimension (with or without id), Time
 *     (2.0), ObsKey (2.1 AllDimensions) and ObsValue; groups with GroupKey (2.1) or with
 *     their series inside (2.0);
 *   - structure-specific (2.1 StructureSpecificData and …TimeSeriesData; 2.0 CompactData
 *     and UtilityData): Series, Group, SiblingGroup and Obs in any namespace, their
 *     components as XML attributes (2.0 utility: Key/ children and Obs children). Which
 *     are dimensions: the structure message's data structure when given; otherwise the
 *     ones crk_sdmx_looks_like_attribute() does not take for attributes.
 * A group applies to the series whose dimensions it shares (same values); its other
 * components are attributes of those series.
 *
 * Without options->indicator, a first pass over the start of the file (1 MiB) gathers
 * the values of the dimensions, to choose the indicator dimension
 * (crk_sdmx_scan_choose_indicator()).
 */
#define G_LOG_DOMAIN "crk-import-sdmx"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-import-sdmx.h"

/* How much of the file the first pass reads to choose the indicator dimension: 1 MiB,
 * or 1000 series. */
#define SCAN_BYTES (1024 * 1024)
#define SCAN_SERIES 1000
#define MAX_MESSAGE_TEXT 2000

typedef enum
{
  E_OTHER,
  E_SKIP,
  E_ROOT,
  E_HEADER,
  E_H_STRUCTURE,
  E_H_FLOW_HOLDER, /* common:StructureUsage (the dataflow) */
  E_H_DSD_HOLDER,  /* common:Structure (the data structure) */
  E_H_FLOW_URN,
  E_H_DSD_URN,
  E_H_TEXT_DATASETID,
  E_H_TEXT_KEYFAMILY,
  E_DATASET,
  E_GROUP,
  E_GROUPKEY,
  E_SERIES,
  E_SERIESKEY,
  E_ATTRIBUTES,
  E_KEY,
  E_KEY_CHILD,
  E_OBS,
  E_OBSKEY,
  E_OBS_CHILD,
  E_VALUE,
  E_FOOTER_MESSAGE,
  E_ERROR_MESSAGE,
  E_MESSAGE_TEXT,
} Elem;

typedef struct
{
  CrkSdmxComponents keys;  /* generic: GroupKey */
  CrkSdmxComponents attrs; /* generic: Attributes; structure-specific: every component */
  gboolean loose;          /* structure-specific: keys are the components the series shares */
} Group;

/* Names of the body's elements, as strings of the reader's dictionary: an element's name
 * is one of them when it is the same pointer. */
typedef struct
{
  const char *Series;
  const char *Group;
  const char *SiblingGroup;
  const char *Attributes;
  const char *Obs;
  const char *KeyFamilyRef;
  const char *GroupKey;
  const char *SeriesKey;
  const char *ObsDimension;
  const char *ObsValue;
  const char *Time;
  const char *ObsKey;
  const char *Value;
  const char *Key;
  const char *Annotations;
} Names;

typedef struct
{
  CrkSdmxXml xml;
  Names n;
  const char *path;
  const CrkImportOptions *options;
  CrkImportReport *report;
  CrkSdmxStructure *structure;
  CrkSdmxMapper *mapper;
  gboolean scanning;
  gboolean stop;
  Elem stack[CRK_SDMX_MAX_DEPTH + 1];
  /* namespaces seen: dictionary strings of the reader, so compared by address */
  const xmlChar *ns_uri[8];
  CrkSdmxNs ns_kind[8];
  int ns_version[8];
  guint ns_next;
  /* the message */
  int version;
  gboolean generic_root;
  char *dim_at_obs;
  char *dataflow_id, *dsd_id, *structure_id, *header_dataset_id, *keyfamily_id;
  char *dataset_id;
  GString *text;
  GString *messages; /* footer or error texts */
  char *message_code;
  gboolean is_error;
  /* the data set */
  gboolean generic;
  guint n_datasets, n_empty_datasets;
  guint64 dataset_obs, n_obs;
  CrkSdmxComponents dataset_attrs;
  GPtrArray *groups;
  Group *group; /* the one being read, NULL when ignored */
  gboolean said_groups;
  /* the series and the observation */
  CrkSdmxComponents series_dims, series_attrs, effective;
  gboolean series_ready;
  guint64 series_serial;
  gboolean in_series;
  guint64 n_series;
  CrkSdmxComponents obs_dims, obs_attrs;
  GString *value;
  gboolean has_value;
  int value_rank;
  int obs_line, obs_column;
} Reader;

static void
group_free (Group *g)
{
  crk_sdmx_components_destroy (&g->keys);
  crk_sdmx_components_destroy (&g->attrs);
  g_free (g);
}

static void
reader_init (Reader *r)
{
  crk_sdmx_components_init (&r->dataset_attrs);
  crk_sdmx_components_init (&r->series_dims);
  crk_sdmx_components_init (&r->series_attrs);
  crk_sdmx_components_init (&r->effective);
  crk_sdmx_components_init (&r->obs_dims);
  crk_sdmx_components_init (&r->obs_attrs);
  r->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  r->text = g_string_new (NULL);
  r->messages = g_string_new (NULL);
  r->value = g_string_new (NULL);
}

static void
reader_destroy (Reader *r)
{
  crk_sdmx_xml_close (&r->xml);
  crk_sdmx_components_destroy (&r->dataset_attrs);
  crk_sdmx_components_destroy (&r->series_dims);
  crk_sdmx_components_destroy (&r->series_attrs);
  crk_sdmx_components_destroy (&r->effective);
  crk_sdmx_components_destroy (&r->obs_dims);
  crk_sdmx_components_destroy (&r->obs_attrs);
  g_ptr_array_unref (r->groups);
  g_string_free (r->text, TRUE);
  g_string_free (r->messages, TRUE);
  g_string_free (r->value, TRUE);
  g_free (r->dim_at_obs);
  g_free (r->dataflow_id);
  g_free (r->dsd_id);
  g_free (r->structure_id);
  g_free (r->header_dataset_id);
  g_free (r->keyfamily_id);
  g_free (r->dataset_id);
  g_free (r->message_code);
}

static CrkSdmxNs
ns_of (Reader *r, int *version)
{
  const xmlChar *uri = xmlTextReaderConstNamespaceUri (r->xml.reader);
  guint slot;

  for (guint i = 0; i < G_N_ELEMENTS (r->ns_uri); i++)
    if (r->ns_uri[i] == uri && uri != NULL)
      {
        *version = r->ns_version[i];
        return r->ns_kind[i];
      }
  if (uri == NULL)
    {
      *version = 0;
      return CRK_SDMX_NS_NONE;
    }
  slot = r->ns_next++ % G_N_ELEMENTS (r->ns_uri);
  r->ns_uri[slot] = uri;
  r->ns_kind[slot] = crk_sdmx_ns_classify ((const char *) uri, &r->ns_version[slot]);
  *version = r->ns_version[slot];
  return r->ns_kind[slot];
}

static void
location (Reader *r, int *line, int *column)
{
  crk_xml_input_location (r->xml.input, line, column);
}

static void
error_here (Reader *r, CrkImportError code, const char *message)
{
  int line, column;

  location (r, &line, &column);
  crk_import_report_error (r->report, r->path, line, column, code, "%s", message);
}

/* The id in a URN: "urn:…DataStructure=ECB:ECB_EXR1(1.0)" → "ECB_EXR1". */
static char *
id_of_urn (const char *urn)
{
  const char *p = strrchr (urn, '=');
  const char *colon, *end;

  if (p == NULL)
    return NULL;
  p++;
  colon = strchr (p, ':');
  if (colon != NULL)
    p = colon + 1;
  end = strchr (p, '(');
  if (end == NULL)
    end = p + strlen (p);
  return end > p ? g_strndup (p, end - p) : NULL;
}

static void
set_once (char **field, const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = crk_xml_clean_text (value, -1, 200);
}

/* The root element: a data message of 2.0 or 2.1, or an error message; anything else is
 * refused with what it is. */
static gboolean
check_root (Reader *r, const char *name, CrkSdmxNs ns, int version)
{
  static const char *const data_roots[] = {
    "GenericData",           "StructureSpecificData",
    "GenericTimeSeriesData", "StructureSpecificTimeSeriesData",
    "CompactData",           "UtilityData",
    "MessageGroup",
  };
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r->xml.reader);
  g_autofree char *shown_name = crk_xml_clean_text (name, -1, 80);
  g_autofree char *shown_ns = crk_xml_clean_text (uri != NULL ? uri : "", -1, 120);

  r->version = version;
  if (version >= 30)
    {
      error_here (r, CRK_IMPORT_ERROR_INVALID,
                  _ ("this is an SDMX-ML 3.0 message, which Cityrank does not read yet; ask the "
                     "web service for "
                     "SDMX-ML 2.1 (for instance with the header “Accept: "
                     "application/vnd.sdmx.genericdata+xml;version=2.1”)"));
      return FALSE;
    }
  if (version == 0)
    {
      crk_import_report_error (
        r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("this is not an SDMX-ML message (its root element is “%s” in the namespace “%s”)"),
        shown_name, shown_ns);
      return FALSE;
    }
  if (strcmp (name, "Error") == 0)
    {
      r->is_error = TRUE;
      return TRUE;
    }
  if (strcmp (name, "CrossSectionalData") == 0)
    {
      error_here (r, CRK_IMPORT_ERROR_INVALID,
                  _ ("SDMX-ML 2.0 cross-sectional data is not supported; ask the web service for "
                     "generic or compact data"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (data_roots); i++)
    if (strcmp (name, data_roots[i]) == 0 &&
        (ns == CRK_SDMX_NS_MESSAGE || ns == CRK_SDMX_NS_GENERIC))
      {
        r->generic_root = g_str_has_prefix (name, "Generic");
        return TRUE;
      }
  if (strcmp (name, "Structure") == 0 || strcmp (name, "RegistryInterface") == 0)
    {
      error_here (r, CRK_IMPORT_ERROR_INVALID,
                  _ ("this is an SDMX structure message (code lists, data structures), not data; "
                     "give it as the "
                     "structure beside a data file, to name the codes"));
      return FALSE;
    }
  crk_import_report_error (r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID,
                           _ ("this SDMX-ML message (“%s”) holds no data Cityrank reads"),
                           shown_name);
  return FALSE;
}

/* Elements */

static Elem
classify_header (Reader *r, Elem parent, const char *name)
{
  if (parent == E_HEADER && strcmp (name, "Structure") == 0)
    {
      const char *d = crk_sdmx_xml_attribute (&r->xml, NULL, "dimensionAtObservation");

      set_once (&r->dim_at_obs, d);
      set_once (&r->structure_id, crk_sdmx_xml_attribute (&r->xml, NULL, "structureID"));
      return E_H_STRUCTURE;
    }
  if (parent == E_HEADER && strcmp (name, "DataSetID") == 0)
    return E_H_TEXT_DATASETID;
  if (parent == E_HEADER && strcmp (name, "KeyFamilyRef") == 0)
    return E_H_TEXT_KEYFAMILY;
  if (parent == E_H_STRUCTURE && strcmp (name, "StructureUsage") == 0)
    return E_H_FLOW_HOLDER;
  if (parent == E_H_STRUCTURE && strcmp (name, "Structure") == 0)
    return E_H_DSD_HOLDER;
  if ((parent == E_H_FLOW_HOLDER || parent == E_H_DSD_HOLDER) && strcmp (name, "Ref") == 0)
    {
      const char *id = crk_sdmx_xml_attribute (&r->xml, NULL, "id");

      set_once (parent == E_H_FLOW_HOLDER ? &r->dataflow_id : &r->dsd_id, id);
      return E_OTHER;
    }
  if ((parent == E_H_FLOW_HOLDER || parent == E_H_DSD_HOLDER) && strcmp (name, "URN") == 0)
    return parent == E_H_FLOW_HOLDER ? E_H_FLOW_URN : E_H_DSD_URN;
  return E_OTHER;
}

static Group *
new_group (Reader *r, gboolean loose)
{
  Group *g;

  if (r->groups->len >= CRK_SDMX_MAX_GROUPS)
    {
      if (!r->said_groups && !r->scanning)
        {
          int line, column;

          location (r, &line, &column);
          crk_import_report_notice (
            r->report, r->path, line, column,
            _ ("the data set has more than %d groups; the attributes of the others are left out"),
            CRK_SDMX_MAX_GROUPS);
        }
      r->said_groups = TRUE;
      return NULL;
    }
  g = g_new0 (Group, 1);
  crk_sdmx_components_init (&g->keys);
  crk_sdmx_components_init (&g->attrs);
  g->loose = loose;
  g_ptr_array_add (r->groups, g);
  return g;
}

static gboolean
too_many (Reader *r)
{
  error_here (r, CRK_IMPORT_ERROR_HOSTILE,
              _ ("an element has too many components; refusing the file"));
  r->stop = TRUE;
  return FALSE;
}

static gboolean
add_component (Reader *r, CrkSdmxComponents *to, const char *id, const char *value)
{
  if (strlen (value) > CRK_SDMX_MAX_VALUE_LENGTH)
    {
      error_here (r, CRK_IMPORT_ERROR_HOSTILE,
                  _ ("a value is longer than 1 MiB; refusing the file"));
      r->stop = TRUE;
      return FALSE;
    }
  if (!crk_sdmx_components_add (to, id, value, -1))
    return too_many (r);
  return TRUE;
}

static gboolean
is_dimension (Reader *r, const char *id, const char *value)
{
  if (r->structure != NULL && crk_sdmx_structure_has_components (r->structure))
    return crk_sdmx_structure_is_dimension (r->structure, id);
  return !crk_sdmx_looks_like_attribute (id, value);
}

static const char *
attr_value (xmlAttrPtr a)
{
  if (a->children == NULL)
    return "";
  if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
    return (const char *) a->children->content;
  return NULL;
}

/* The components a structure-specific element carries as unqualified XML attributes. */
static void
read_xml_attributes (Reader *r, CrkSdmxComponents *dims, CrkSdmxComponents *attrs, gboolean dataset)
{
  static const char *const dataset_props[] = {
    "action",
    "setID",
    "dataScope",
    "structureRef",
    "validFromDate",
    "validToDate",
    "reportingBeginDate",
    "reportingEndDate",
    "publicationYear",
    "publicationPeriod",
    "keyFamilyURI",
    "datasetID",
    "dataProviderID",
  };
  xmlNodePtr node = xmlTextReaderCurrentNode (r->xml.reader);

  for (xmlAttrPtr a = node != NULL ? node->properties : NULL; a != NULL && !r->stop; a = a->next)
    {
      const char *id = (const char *) a->name;
      const char *value = attr_value (a);
      gboolean skip = a->ns != NULL || value == NULL;

      for (guint i = 0; dataset && !skip && i < G_N_ELEMENTS (dataset_props); i++)
        skip = strcmp (id, dataset_props[i]) == 0;
      if (skip)
        continue;
      if (dims != NULL && is_dimension (r, id, value))
        add_component (r, dims, id, value);
      else
        add_component (r, attrs, id, value);
    }
}

static gboolean
is_nil (Reader *r)
{
  const char *nil = crk_sdmx_xml_attribute (&r->xml, CRK_SDMX_NS_XSI, "nil");

  return nil != NULL && (strcmp (nil, "true") == 0 || strcmp (nil, "1") == 0);
}

static void
start_dataset (Reader *r, CrkSdmxNs ns)
{
  r->n_datasets++;
  r->dataset_obs = 0;
  r->generic = r->generic_root || ns == CRK_SDMX_NS_GENERIC;
  crk_sdmx_components_reset (&r->dataset_attrs);
  g_ptr_array_set_size (r->groups, 0);
  r->group = NULL;
  r->in_series = FALSE;
  set_once (&r->dataset_id, r->dataflow_id);
  set_once (&r->dataset_id, r->keyfamily_id);
  set_once (&r->dataset_id, r->dsd_id);
  set_once (&r->dataset_id, r->header_dataset_id);
  set_once (&r->dataset_id, r->structure_id);
  if (r->structure != NULL)
    crk_sdmx_structure_select (r->structure, r->dsd_id != NULL ? r->dsd_id : r->dataflow_id);
  if (!r->generic)
    read_xml_attributes (r, NULL, &r->dataset_attrs, TRUE);
}

static void
start_series (Reader *r)
{
  crk_sdmx_components_reset (&r->series_dims);
  crk_sdmx_components_reset (&r->series_attrs);
  r->series_ready = FALSE;
  r->in_series = TRUE;
  r->n_series++;
  if (!r->generic)
    read_xml_attributes (r, &r->series_dims, &r->series_attrs, FALSE);
}

static void
start_obs (Reader *r)
{
  crk_sdmx_components_reset (&r->obs_dims);
  crk_sdmx_components_reset (&r->obs_attrs);
  g_string_truncate (r->value, 0);
  r->has_value = FALSE;
  r->value_rank = G_MAXINT;
  location (r, &r->obs_line, &r->obs_column);
}

/* The rank of @id as the measure (0 best), -1 when it is not one. */
static int
measure_rank (Reader *r, const char *id)
{
  static const char *const fallback[] = {"OBS_VALUE", "VALUE", "OBS_VAL"};
  const char *declared = r->structure != NULL ? crk_sdmx_structure_measure (r->structure) : NULL;

  if (declared != NULL && strcmp (id, declared) == 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (fallback); i++)
    if (strcmp (id, fallback[i]) == 0)
      return 1 + (int) i;
  return -1;
}

static gboolean
is_obs_dimension (Reader *r, const char *id, const char *value)
{
  if (strcmp (id, crk_sdmx_mapper_period_id (r->mapper)) == 0 || strcmp (id, "TIME_PERIOD") == 0 ||
      strcmp (id, "TIME") == 0 || g_strcmp0 (id, r->dim_at_obs) == 0)
    return TRUE;
  if (r->structure != NULL && crk_sdmx_structure_has_components (r->structure))
    return crk_sdmx_structure_is_dimension (r->structure, id);
  if (g_strcmp0 (r->dim_at_obs, "AllDimensions") == 0 || !r->in_series)
    return !crk_sdmx_looks_like_attribute (id, value);
  return FALSE;
}

/* A component of a structure-specific observation: the measure, a dimension or an
 * attribute. */
static void
obs_component (Reader *r, const char *id, const char *value)
{
  int rank = measure_rank (r, id);

  /* 2.0 data structures often name the time dimension TIME */
  if (strcmp (id, "TIME") == 0 &&
      strcmp (crk_sdmx_mapper_period_id (r->mapper), "TIME_PERIOD") == 0)
    id = "TIME_PERIOD";

  if (rank >= 0)
    {
      if (rank < r->value_rank)
        {
          if (r->has_value)
            add_component (r, &r->obs_attrs, id, r->value->str);
          g_string_assign (r->value, value);
          r->has_value = TRUE;
          r->value_rank = rank;
        }
      else
        add_component (r, &r->obs_attrs, id, value);
      return;
    }
  add_component (r, is_obs_dimension (r, id, value) ? &r->obs_dims : &r->obs_attrs, id, value);
}

static void
start_ss_obs (Reader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->xml.reader);

  start_obs (r);
  for (xmlAttrPtr a = node != NULL ? node->properties : NULL; a != NULL && !r->stop; a = a->next)
    {
      const char *value = attr_value (a);

      if (a->ns == NULL && value != NULL)
        obs_component (r, (const char *) a->name, value);
    }
}

/* The id (or 2.0 concept) and value of a generic Value, ObsDimension or ObsValue: one
 * walk over the attributes. */
static void
id_and_value (Reader *r, const char **id, const char **value)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->xml.reader);
  const char *concept = NULL;

  *id = *value = NULL;
  for (xmlAttrPtr a = node != NULL ? node->properties : NULL; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (a->ns != NULL)
        continue;
      if (name[0] == 'i' && strcmp (name, "id") == 0)
        *id = attr_value (a);
      else if (name[0] == 'v' && strcmp (name, "value") == 0)
        *value = attr_value (a);
      else if (name[0] == 'c' && strcmp (name, "concept") == 0)
      concept = attr_value (a);
    }
  if (*id == NULL)
  *id = concept;
}

/* A generic Value element: into the components of its parent. */
static void
generic_value (Reader *r, Elem parent, Elem grandparent)
{
  const char *id, *value;
  CrkSdmxComponents *to = NULL;

  id_and_value (r, &id, &value);
  if (id == NULL || value == NULL)
    return;
  switch (parent)
    {
      case E_SERIESKEY:
        to = &r->series_dims;
        break;
      case E_OBSKEY:
        to = &r->obs_dims;
        break;
      case E_GROUPKEY:
        to = r->group != NULL ? &r->group->keys : NULL;
        break;
      case E_ATTRIBUTES:
        if (grandparent == E_DATASET)
          to = &r->dataset_attrs;
        else if (grandparent == E_GROUP)
          to = r->group != NULL ? &r->group->attrs : NULL;
        else if (grandparent == E_SERIES)
          to = &r->series_attrs;
        else if (grandparent == E_OBS)
          to = &r->obs_attrs;
        break;
      default:
        break;
    }
  if (to != NULL)
    add_component (r, to, id, value);
}

static Elem
classify_generic (Reader *r, Elem parent, Elem grandparent, const char *name)
{
  switch (parent)
    {
      case E_DATASET:
        if (name == r->n.Series)
          return start_series (r), E_SERIES;
        if (name == r->n.Group)
          return r->group = new_group (r, FALSE), E_GROUP;
        if (name == r->n.Attributes)
          return E_ATTRIBUTES;
        if (name == r->n.Obs)
          return r->in_series = FALSE, start_obs (r), E_OBS;
        if (name == r->n.KeyFamilyRef)
          return E_H_TEXT_KEYFAMILY;
        return E_SKIP;
      case E_GROUP:
        if (name == r->n.GroupKey)
          return E_GROUPKEY;
        if (name == r->n.Attributes)
          return E_ATTRIBUTES;
        if (name == r->n.Series)
          return start_series (r), E_SERIES;
        return E_SKIP;
      case E_SERIES:
        if (name == r->n.SeriesKey)
          return E_SERIESKEY;
        if (name == r->n.Attributes)
          return E_ATTRIBUTES;
        if (name == r->n.Obs)
          return start_obs (r), E_OBS;
        return E_SKIP;
      case E_OBS:
        if (name == r->n.ObsDimension)
          {
            const char *id, *value;

            id_and_value (r, &id, &value);
            if (id == NULL)
              id = r->dim_at_obs != NULL && strcmp (r->dim_at_obs, "AllDimensions") != 0
                ? r->dim_at_obs
                : "TIME_PERIOD";
            if (value != NULL)
              add_component (r, &r->obs_dims, id, value);
            return E_OTHER;
          }
        if (name == r->n.ObsValue)
          {
            const char *id, *value;

            id_and_value (r, &id, &value);
            if (value != NULL)
              {
                g_string_assign (r->value, value);
                r->has_value = TRUE;
              }
            return E_OTHER;
          }
        if (name == r->n.Time)
          return E_OBS_CHILD;
        if (name == r->n.ObsKey)
          return E_OBSKEY;
        if (name == r->n.Attributes)
          return E_ATTRIBUTES;
        return E_SKIP;
      case E_SERIESKEY:
      case E_GROUPKEY:
      case E_OBSKEY:
      case E_ATTRIBUTES:
        if (name == r->n.Value)
          generic_value (r, parent, grandparent);
        return E_VALUE;
      default:
        return E_SKIP;
    }
}

static Elem
classify_ss (Reader *r, Elem parent, const char *name)
{
  switch (parent)
    {
      case E_DATASET:
        if (name == r->n.Series)
          return start_series (r), E_SERIES;
        if (name == r->n.Group || name == r->n.SiblingGroup)
          {
            r->group = new_group (r, TRUE);
            if (r->group != NULL)
              read_xml_attributes (r, NULL, &r->group->attrs, FALSE);
            return E_GROUP;
          }
        if (name == r->n.Obs)
          return r->in_series = FALSE, start_ss_obs (r), E_OBS;
        return E_SKIP;
      case E_SERIES:
        if (name == r->n.Obs)
          return start_ss_obs (r), E_OBS;
        if (name == r->n.Key)
          return E_KEY;
        return E_SKIP;
      case E_KEY:
        return E_KEY_CHILD;
      case E_OBS:
        return E_OBS_CHILD;
      default:
        return E_SKIP;
    }
}

static Elem
classify_message (Reader *r, Elem parent, const char *name, CrkSdmxNs ns)
{
  if (ns == CRK_SDMX_NS_FOOTER && strcmp (name, "Message") == 0)
    {
      set_once (&r->message_code, crk_sdmx_xml_attribute (&r->xml, NULL, "code"));
      return E_FOOTER_MESSAGE;
    }
  if (r->is_error && strcmp (name, "ErrorMessage") == 0)
    {
      set_once (&r->message_code, crk_sdmx_xml_attribute (&r->xml, NULL, "code"));
      return E_ERROR_MESSAGE;
    }
  if ((parent == E_FOOTER_MESSAGE || parent == E_ERROR_MESSAGE) && strcmp (name, "Text") == 0)
    {
      const char *lang = crk_sdmx_xml_attribute (&r->xml, CRK_SDMX_NS_XML, "lang");

      /* one language is enough: English, else the first */
      if (r->messages->len == 0 || lang == NULL || strcmp (lang, "en") == 0)
        return E_MESSAGE_TEXT;
      return E_SKIP;
    }
  return E_OTHER;
}

static Elem
classify (Reader *r, int depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (r->xml.reader);
  Elem parent = depth > 0 ? r->stack[depth - 1] : E_OTHER;
  Elem grandparent = depth > 1 ? r->stack[depth - 2] : E_OTHER;
  int version;
  CrkSdmxNs ns;

  if (parent == E_SKIP)
    return E_SKIP;
  if (depth > 1 &&
      (parent == E_DATASET || parent == E_GROUP || parent == E_SERIES || parent == E_SERIESKEY ||
       parent == E_GROUPKEY || parent == E_OBSKEY || parent == E_ATTRIBUTES || parent == E_OBS ||
       parent == E_KEY))
    {
      if (name == r->n.Annotations)
        return E_SKIP;
      return r->generic ? classify_generic (r, parent, grandparent, name)
                        : classify_ss (r, parent, name);
    }
  ns = ns_of (r, &version);
  if (depth == 0)
    return check_root (r, name, ns, version) ? E_ROOT : (r->stop = TRUE, E_SKIP);
  if (parent == E_ROOT)
    {
      if (strcmp (name, "Header") == 0)
        return E_HEADER;
      if (strcmp (name, "DataSet") == 0 && ns != CRK_SDMX_NS_COMMON && ns != CRK_SDMX_NS_FOOTER)
        {
          if (is_nil (r))
            {
              r->n_datasets++;
              r->n_empty_datasets++;
              return E_SKIP;
            }
          start_dataset (r, ns);
          return E_DATASET;
        }
      return classify_message (r, parent, name, ns);
    }
  if (parent == E_HEADER || parent == E_H_STRUCTURE || parent == E_H_FLOW_HOLDER ||
      parent == E_H_DSD_HOLDER)
    return classify_header (r, parent, name);
  return classify_message (r, parent, name, ns);
}

/* Ends */

static gboolean
group_applies (Reader *r, const Group *g)
{
  if (!g->loose)
    {
      for (guint i = 0; i < crk_sdmx_components_length (&g->keys); i++)
        {
          const char *id = crk_sdmx_components_id (&g->keys, i);
          const char *v = crk_sdmx_components_get (&r->series_dims, id);

          if (v == NULL)
            v = crk_sdmx_components_get (&r->obs_dims, id);
          if (v == NULL || strcmp (v, crk_sdmx_components_value (&g->keys, i)) != 0)
            return FALSE;
        }
      return TRUE;
    }
  else
    {
      guint shared = 0;

      for (guint i = 0; i < crk_sdmx_components_length (&g->attrs); i++)
        {
          const char *id = crk_sdmx_components_id (&g->attrs, i);
          const char *v = crk_sdmx_components_get (&r->series_dims, id);

          if (v == NULL)
            v = crk_sdmx_components_get (&r->obs_dims, id);
          if (v == NULL)
            continue;
          if (strcmp (v, crk_sdmx_components_value (&g->attrs, i)) != 0)
            return FALSE;
          shared++;
        }
      return shared > 0;
    }
}

static void
add_missing (Reader *r, CrkSdmxComponents *to, const CrkSdmxComponents *from, gboolean skip_dims)
{
  for (guint i = 0; i < crk_sdmx_components_length (from); i++)
    {
      const char *id = crk_sdmx_components_id (from, i);

      if (skip_dims &&
          (crk_sdmx_components_get (&r->series_dims, id) != NULL ||
           crk_sdmx_components_get (&r->obs_dims, id) != NULL))
        continue;
      if (crk_sdmx_components_get (to, id) == NULL)
        crk_sdmx_components_add (to, id, crk_sdmx_components_value (from, i), -1);
    }
}

/* The attributes of the series, then of its groups, then of the data set. */
static void
prepare_series (Reader *r)
{
  crk_sdmx_components_copy (&r->effective, &r->series_attrs);
  for (guint i = 0; i < r->groups->len; i++)
    {
      const Group *g = r->groups->pdata[i];

      if (group_applies (r, g))
        add_missing (r, &r->effective, &g->attrs, g->loose);
    }
  add_missing (r, &r->effective, &r->dataset_attrs, FALSE);
  r->series_ready = r->in_series;
  r->series_serial++;
}

static void
end_obs (Reader *r)
{
  CrkSdmxRaw raw;

  if (!r->in_series)
    crk_sdmx_components_reset (&r->series_dims), crk_sdmx_components_reset (&r->series_attrs);
  if (!r->series_ready)
    prepare_series (r);
  raw.series_dims = &r->series_dims;
  raw.obs_dims = &r->obs_dims;
  raw.effective = &r->effective;
  raw.obs_attrs = &r->obs_attrs;
  raw.value = r->has_value ? r->value->str : NULL;
  raw.dataset_id = r->dataset_id;
  raw.series_serial = r->series_serial;
  raw.line = r->obs_line;
  raw.column = r->obs_column;
  r->dataset_obs++;
  r->n_obs++;
  if (!crk_sdmx_mapper_observation (r->mapper, &raw))
    r->stop = TRUE;
}

static void
end_text_element (Reader *r, Elem elem)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (r->xml.reader);

  switch (elem)
    {
      case E_H_FLOW_URN:
      case E_H_DSD_URN:
        {
          g_autofree char *id = id_of_urn (g_strstrip (r->text->str));

          set_once (elem == E_H_FLOW_URN ? &r->dataflow_id : &r->dsd_id, id);
        }
        break;
      case E_H_TEXT_DATASETID:
        set_once (&r->header_dataset_id, g_strstrip (r->text->str));
        break;
      case E_H_TEXT_KEYFAMILY:
        set_once (&r->keyfamily_id, g_strstrip (r->text->str));
        set_once (&r->dataset_id, r->keyfamily_id); /* 2.0: inside the DataSet */
        break;
      case E_OBS_CHILD:
        g_strstrip (r->text->str);
        if (r->generic)
          add_component (r, &r->obs_dims, "TIME_PERIOD", r->text->str);
        else
          obs_component (r, name, r->text->str);
        break;
      case E_KEY_CHILD:
        add_component (r, &r->series_dims, name, g_strstrip (r->text->str));
        break;
      case E_MESSAGE_TEXT:
        if (r->messages->len < MAX_MESSAGE_TEXT)
          {
            g_autofree char *text = crk_xml_clean_text (r->text->str, (gssize) r->text->len, 300);

            if (r->messages->len > 0)
              g_string_append (r->messages, " ");
            g_string_append (r->messages, text);
          }
        break;
      default:
        break;
    }
  g_string_truncate (r->text, 0);
}

static void
end_element (Reader *r, Elem elem)
{
  switch (elem)
    {
      case E_OBS:
        end_obs (r);
        break;
      case E_SERIES:
        r->in_series = FALSE;
        break;
      case E_GROUP:
        r->group = NULL;
        break;
      case E_DATASET:
        if (r->dataset_obs == 0)
          r->n_empty_datasets++;
        break;
      default:
        end_text_element (r, elem);
        break;
    }
}

static gboolean
wants_text (Elem elem)
{
  switch (elem)
    {
      case E_H_FLOW_URN:
      case E_H_DSD_URN:
      case E_H_TEXT_DATASETID:
      case E_H_TEXT_KEYFAMILY:
      case E_OBS_CHILD:
      case E_KEY_CHILD:
      case E_MESSAGE_TEXT:
        return TRUE;
      default:
        return FALSE;
    }
}

static void
read_nodes (Reader *r, gboolean scanning, GError **error)
{
  int ret;

  while (!r->stop && (ret = crk_sdmx_xml_next (&r->xml, error)) == 1)
    {
      int type = r->xml.type;
      int depth = r->xml.depth;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          g_assert (depth >= 0 && depth < CRK_SDMX_MAX_DEPTH);
          r->stack[depth] = classify (r, depth);
          if (xmlTextReaderIsEmptyElement (r->xml.reader) == 1)
            end_element (r, r->stack[depth]);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && depth >= 0 && depth < CRK_SDMX_MAX_DEPTH)
        end_element (r, r->stack[depth]);
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE) &&
               depth > 0 && depth <= CRK_SDMX_MAX_DEPTH && wants_text (r->stack[depth - 1]))
        {
          const char *text = (const char *) xmlTextReaderConstValue (r->xml.reader);

          if (text != NULL && !crk_xml_append_text (r->text, text, CRK_SDMX_MAX_VALUE_LENGTH))
            {
              error_here (r, CRK_IMPORT_ERROR_HOSTILE,
                          _ ("a text is longer than 1 MiB; refusing the file"));
              r->stop = TRUE;
            }
        }
      if (scanning &&
          (xmlTextReaderByteConsumed (r->xml.reader) > SCAN_BYTES || r->n_series > SCAN_SERIES))
        break;
    }
  if (ret < 0)
    r->stop = TRUE;
}

/* What the end of the message says: no data, an error answer, a footer. */
static void
check_end (Reader *r)
{
  g_autofree char *code =
    r->message_code != NULL ? g_strdup_printf ("%s: ", r->message_code) : g_strdup ("");

  if (r->is_error)
    {
      crk_import_report_error (
        r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("the web service answered with an error message instead of data: %s%s"), code,
        r->messages->len > 0 ? r->messages->str : _ ("(no text)"));
      return;
    }
  if (r->n_obs == 0)
    {
      if (r->messages->len > 0)
        crk_import_report_error (r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID,
                                 _ ("the message holds no data; the web service says: %s%s"), code,
                                 r->messages->str);
      else if (r->n_datasets == 0)
        crk_import_report_error (r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                                 _ ("the message holds no data set"));
      else
        crk_import_report_error (r->report, r->path, 1, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                                 _ ("the data set is empty: the query matched no observation"));
      return;
    }
  if (r->messages->len > 0)
    crk_import_report_notice (r->report, r->path, 0, 0, _ ("the web service adds: %s%s"), code,
                              r->messages->str);
}

static void
intern_names (Reader *r)
{
#define INTERN(x) r->n.x = (const char *) xmlTextReaderConstString (r->xml.reader, BAD_CAST #x)
  INTERN (Series);
  INTERN (Group);
  INTERN (SiblingGroup);
  INTERN (Attributes);
  INTERN (Obs);
  INTERN (KeyFamilyRef);
  INTERN (GroupKey);
  INTERN (SeriesKey);
  INTERN (ObsDimension);
  INTERN (ObsValue);
  INTERN (Time);
  INTERN (ObsKey);
  INTERN (Value);
  INTERN (Key);
  INTERN (Annotations);
#undef INTERN
}

/* One pass over the file; the scan (sink NULL) reads only its start. */
static gboolean
read_pass (const char *path,
           const CrkImportOptions *options,
           CrkImportSink *sink,
           CrkImportReport *report,
           CrkSdmxStructure *structure,
           CrkSdmxScan *scan,
           const char *indicator_dim,
           GCancellable *cancellable,
           GError **error)
{
  Reader r = {0};
  GError *local = NULL;
  gboolean ok;

  reader_init (&r);
  r.path = path;
  r.options = options;
  r.report = report;
  r.structure = structure;
  r.scanning = scan != NULL;
  r.mapper = crk_sdmx_mapper_new (path, options, sink, report, structure, scan, indicator_dim);
  ok = crk_sdmx_xml_open (&r.xml, path, report, cancellable, &local);
  if (ok)
    {
      intern_names (&r);
      read_nodes (&r, scan != NULL, &local);
      crk_sdmx_mapper_finish (r.mapper);
      if (scan == NULL && local == NULL && !crk_import_report_failed (report))
        check_end (&r);
    }
  crk_sdmx_mapper_free (r.mapper);
  reader_destroy (&r);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return !crk_import_report_failed (report);
}

/**
 * crk_sdmx_read:
 *
 * Reads an SDMX-ML 2.0 or 2.1 data message into @sink (see crk-import.h, CrkImporter).
 */
gboolean
crk_sdmx_read (const char *path,
               const CrkImportOptions *options,
               CrkImportSink *sink,
               CrkImportReport *report,
               GCancellable *cancellable,
               GError **error)
{
  g_autoptr (CrkSdmxStructure) structure = NULL;
  g_autofree char *indicator_dim = NULL;
  CrkImportOptions defaults = {0};

  if (options == NULL)
    options = &defaults;
  if (options->structure != NULL && *options->structure != '\0')
    {
      structure = crk_sdmx_structure_load (options->structure, report, cancellable, error);
      if (structure == NULL)
        return FALSE;
    }
  if (options->indicator == NULL || *options->indicator == '\0')
    {
      g_autoptr (CrkSdmxScan) scan = crk_sdmx_scan_new ();
      g_autoptr (CrkImportReport) scratch = crk_import_report_new ();
      g_autoptr (GError) local = NULL;

      /* the scan reads the start again: no progress of its own */
      crk_import_progress_push (0.0, 0.0);
      read_pass (path, options, NULL, scratch, structure, scan, NULL, cancellable, &local);
      crk_import_progress_pop ();
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      indicator_dim = crk_sdmx_scan_choose_indicator (
        scan, options->city,
        options->period != NULL && *options->period != '\0' ? options->period : "TIME_PERIOD");
    }
  return read_pass (path, options, sink, report, structure, NULL, indicator_dim, cancellable,
                    error);
}

/* Sniffing */

int
crk_sdmx_sniff (const CrkSniff *sniff, int version)
{
  static const char *const roots[] = {
    "GenericData",
    "StructureSpecificData",
    "GenericTimeSeriesData",
    "StructureSpecificTimeSeriesData",
    "CompactData",
    "UtilityData",
    "MessageGroup",
    "CrossSectionalData",
    "Error",
  };
  int v = 0;
  CrkSdmxNs ns;

  if (sniff->root_name == NULL)
    return 0;
  ns = crk_sdmx_ns_classify (sniff->root_ns, &v);
  if (v == 0 || (version >= 30) != (v >= 30) || (version < 30 && v != version))
    return 0;
  if (version >= 30)
    return 95; /* any 3.0 message: refused with a message saying so */
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    if (strcmp (sniff->root_name, roots[i]) == 0 &&
        (ns == CRK_SDMX_NS_MESSAGE || ns == CRK_SDMX_NS_GENERIC))
      return 95;
  return 0;
}

static int
sniff21 (const CrkSniff *sniff)
{
  return crk_sdmx_sniff (sniff, 21);
}

static int
sniff30 (const CrkSniff *sniff)
{
  return crk_sdmx_sniff (sniff, 30);
}

static const char *const patterns[] = {"*.xml", NULL};
static const char *const mime_types[] = {"application/vnd.sdmx.genericdata+xml",
                                         "application/vnd.sdmx.structurespecificdata+xml", NULL};
static const char *const mime_types30[] = {NULL};

const CrkImporter crk_importer_sdmx21 = {
  .id = "sdmx-2.1",
  .name = N_ ("SDMX-ML 2.1 data"),
  .patterns = patterns,
  .mime_types = mime_types,
  .sniff = sniff21,
  .read = crk_sdmx_read,
};

const CrkImporter crk_importer_sdmx30 = {
  .id = "sdmx-3.0",
  .name = N_ ("SDMX-ML 3.0 data (recognised, not read)"),
  .patterns = patterns,
  .mime_types = mime_types30,
  .sniff = sniff30,
  .read = crk_sdmx_read,
};
