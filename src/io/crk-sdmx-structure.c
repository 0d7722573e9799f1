/* crk-sdmx-structure.c: an SDMX-ML structure message (2.0 or 2.1) beside the data: the
 * names of codes (labels), and the data structures (which components are dimensions,
 * the primary measure)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Streamed like the data (crk_sdmx_xml_open()); what is kept is the codes' names (in
 * every language given), the components of each data structure with their code lists,
 * the code lists of concepts, and the names of dataflows and data structures, under the
 * memory budget (crk-io-limits.h).
 *
 * 2.1: str:Codelist/str:Code id= with com:Name xml:lang=; str:DataStructure with
 *      str:Dimension, str:TimeDimension, str:MeasureDimension, str:Attribute and
 *      str:PrimaryMeasure (id=), the code list in LocalRepresentation/Enumeration/Ref
 *      (or the concept's CoreRepresentation); str:Dataflow with its Structure/Ref.
 * 2.0: structure:CodeList/structure:Code value= with structure:Description xml:lang=;
 *      structure:KeyFamily with Dimension, TimeDimension, Attribute and PrimaryMeasure
 *      (conceptRef=, codelist=).
 */
#define G_LOG_DOMAIN "crk-import-sdmx"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-import-sdmx.h"
#include "crk-io-limits.h"

typedef struct
{
  char *id;
  GHashTable *dimensions; /* id → itself */
  GHashTable *codelists;  /* component id → code list id */
  GHashTable *concepts;   /* component id → concept id */
  char *measure;
} Dsd;

struct _CrkSdmxStructure
{
  GHashTable *names;             /* "CODELIST\x1fCODE" → "lang\x1fname\x1e…" */
  GHashTable *concept_codelists; /* concept id → code list id */
  GHashTable *artefacts;         /* dataflow or data structure id → name */
  GHashTable *flow_dsd;          /* dataflow id → data structure id */
  GPtrArray *dsds;               /* Dsd */
  const Dsd *selected;
  guint64 bytes;
};

static void
dsd_free (Dsd *d)
{
  g_free (d->id);
  g_hash_table_unref (d->dimensions);
  g_hash_table_unref (d->codelists);
  g_hash_table_unref (d->concepts);
  g_free (d->measure);
  g_free (d);
}

void
crk_sdmx_structure_free (CrkSdmxStructure *s)
{
  if (s == NULL)
    return;
  g_hash_table_unref (s->names);
  g_hash_table_unref (s->concept_codelists);
  g_hash_table_unref (s->artefacts);
  g_hash_table_unref (s->flow_dsd);
  g_ptr_array_unref (s->dsds);
  g_free (s);
}

static CrkSdmxStructure *
structure_new (void)
{
  CrkSdmxStructure *s = g_new0 (CrkSdmxStructure, 1);

  s->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->concept_codelists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->artefacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->flow_dsd = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->dsds = g_ptr_array_new_with_free_func ((GDestroyNotify) dsd_free);
  return s;
}

/* Reading */

typedef enum
{
  K_OTHER,
  K_SKIP,
  K_CODELIST,
  K_CODE,
  K_CODE_NAME,
  K_ARTEFACT_NAME,
  K_DSD,
  K_COMPONENT,
  K_ENUMERATION,
  K_CONCEPT_IDENTITY,
  K_CONCEPT,
  K_DATAFLOW,
  K_FLOW_STRUCTURE,
  K_URN,
} Kind;

typedef struct
{
  CrkSdmxXml xml;
  CrkSdmxStructure *s;
  const char *path;
  CrkImportReport *report;
  Kind stack[CRK_SDMX_MAX_DEPTH + 1];
  int version;
  char *codelist, *code, *lang, *concept, *flow, *component;
  gboolean component_is_dimension, component_is_measure;
  Dsd *dsd;
  GString *text;
  gboolean stop;
  guint64 checked;
} Loader;

static void
count_bytes (Loader *l, gsize n)
{
  g_autofree char *message = NULL;

  l->s->bytes += n + 64;
  if (l->s->bytes - l->checked < (1 << 20))
    return;
  l->checked = l->s->bytes;
  if (!crk_io_check_memory (l->s->bytes, _ ("Reading the structure message"), &message))
    {
      crk_import_report_error (l->report, l->path, 0, 0, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      l->stop = TRUE;
    }
}

static const char *
attribute (Loader *l, const char *name)
{
  return crk_sdmx_xml_attribute (&l->xml, NULL, name);
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = value != NULL ? g_strdup (value) : NULL;
}

static void
set_codelist (Loader *l, Kind holder, const char *codelist)
{
  if (codelist == NULL || *codelist == '\0')
    return;
  count_bytes (l, strlen (codelist));
  if (holder == K_COMPONENT && l->dsd != NULL && l->component != NULL)
    g_hash_table_insert (l->dsd->codelists, g_strdup (l->component), g_strdup (codelist));
  else if (holder == K_CONCEPT && l->concept != NULL)
    g_hash_table_insert (l->s->concept_codelists, g_strdup (l->concept), g_strdup (codelist));
}

/* The component or concept an Enumeration belongs to. */
static Kind
enumeration_holder (Loader *l, int depth)
{
  for (int i = depth - 1; i >= 0; i--)
    if (l->stack[i] == K_COMPONENT || l->stack[i] == K_CONCEPT)
      return l->stack[i];
  return K_OTHER;
}

static Kind
start_component (Loader *l, const char *name)
{
  const char *id = attribute (l, "id");

  if (id == NULL)
    id = attribute (l, "conceptRef");
  if (id == NULL || l->dsd == NULL)
    return K_SKIP;
  replace (&l->component, id);
  l->component_is_dimension =
    strcmp (name, "Attribute") != 0 && strcmp (name, "PrimaryMeasure") != 0;
  l->component_is_measure = strcmp (name, "PrimaryMeasure") == 0;
  count_bytes (l, strlen (id));
  if (l->component_is_dimension)
    g_hash_table_add (l->dsd->dimensions, g_strdup (id));
  if (l->component_is_measure)
    replace (&l->dsd->measure, id);
  set_codelist (l, K_COMPONENT, attribute (l, "codelist"));
  return K_COMPONENT;
}

static Kind
classify (Loader *l, int depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (l->xml.reader);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (l->xml.reader);
  Kind parent = depth > 0 ? l->stack[depth - 1] : K_OTHER;
  int version = 0;
  CrkSdmxNs ns = crk_sdmx_ns_classify (uri, &version);

  if (depth == 0)
    {
      l->version = version;
      if ((version == 20 || version == 21) && strcmp (name, "Structure") == 0)
        return K_OTHER;
      crk_import_report_error (
        l->report, l->path, 1, 0, CRK_IMPORT_ERROR_INVALID, "%s",
        version >= 30 ? _ ("this is an SDMX-ML 3.0 message, which Cityrank does not read yet")
                      : _ ("this is not an SDMX-ML 2.0 or 2.1 structure message"));
      l->stop = TRUE;
      return K_SKIP;
    }
  if (parent == K_SKIP || parent == K_CODE_NAME || parent == K_ARTEFACT_NAME)
    return K_SKIP;
  if (ns == CRK_SDMX_NS_STRUCTURE &&
      (strcmp (name, "Codelist") == 0 || strcmp (name, "CodeList") == 0))
    {
      replace (&l->codelist, attribute (l, "id"));
      return l->codelist != NULL ? K_CODELIST : K_SKIP;
    }
  if (parent == K_CODELIST && strcmp (name, "Code") == 0)
    {
      const char *id = attribute (l, "id");

      replace (&l->code, id != NULL ? id : attribute (l, "value"));
      return l->code != NULL ? K_CODE : K_SKIP;
    }
  if ((parent == K_CODE || parent == K_DSD || parent == K_DATAFLOW) &&
      (strcmp (name, "Name") == 0 ||
       (l->version == 20 && parent == K_CODE && strcmp (name, "Description") == 0)))
    {
      replace (&l->lang, crk_sdmx_xml_attribute (&l->xml, CRK_SDMX_NS_XML, "lang"));
      g_string_truncate (l->text, 0);
      return parent == K_CODE ? K_CODE_NAME : K_ARTEFACT_NAME;
    }
  if (ns == CRK_SDMX_NS_STRUCTURE &&
      (strcmp (name, "DataStructure") == 0 || strcmp (name, "KeyFamily") == 0))
    {
      const char *id = attribute (l, "id");

      if (id == NULL)
        return K_SKIP;
      l->dsd = g_new0 (Dsd, 1);
      l->dsd->id = g_strdup (id);
      l->dsd->dimensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      l->dsd->codelists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      l->dsd->concepts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (l->s->dsds, l->dsd);
      return K_DSD;
    }
  if (l->dsd != NULL && ns == CRK_SDMX_NS_STRUCTURE &&
      (strcmp (name, "Dimension") == 0 || strcmp (name, "TimeDimension") == 0 ||
       strcmp (name, "MeasureDimension") == 0 || strcmp (name, "Attribute") == 0 ||
       strcmp (name, "PrimaryMeasure") == 0))
    return start_component (l, name);
  if (strcmp (name, "Enumeration") == 0)
    return K_ENUMERATION;
  if (parent == K_ENUMERATION && strcmp (name, "Ref") == 0)
    {
      set_codelist (l, enumeration_holder (l, depth), attribute (l, "id"));
      return K_SKIP;
    }
  if ((parent == K_ENUMERATION || parent == K_FLOW_STRUCTURE) && strcmp (name, "URN") == 0)
    {
      g_string_truncate (l->text, 0);
      return K_URN;
    }
  if (parent == K_COMPONENT && strcmp (name, "ConceptIdentity") == 0)
    return K_CONCEPT_IDENTITY;
  if (parent == K_CONCEPT_IDENTITY && strcmp (name, "Ref") == 0)
    {
      const char *id = attribute (l, "id");

      if (id != NULL && l->dsd != NULL && l->component != NULL)
        g_hash_table_insert (l->dsd->concepts, g_strdup (l->component), g_strdup (id));
      return K_SKIP;
    }
  if (ns == CRK_SDMX_NS_STRUCTURE && strcmp (name, "Concept") == 0)
    {
      replace (&l->concept, attribute (l, "id"));
      return l->concept != NULL ? K_CONCEPT : K_SKIP;
    }
  if (ns == CRK_SDMX_NS_STRUCTURE && strcmp (name, "Dataflow") == 0)
    {
      replace (&l->flow, attribute (l, "id"));
      return l->flow != NULL ? K_DATAFLOW : K_SKIP;
    }
  if (parent == K_DATAFLOW && strcmp (name, "Structure") == 0)
    return K_FLOW_STRUCTURE;
  if (parent == K_FLOW_STRUCTURE && strcmp (name, "Ref") == 0)
    {
      const char *id = attribute (l, "id");

      if (id != NULL && l->flow != NULL)
        g_hash_table_insert (l->s->flow_dsd, g_strdup (l->flow), g_strdup (id));
      return K_SKIP;
    }
  return K_OTHER;
}

static char *
id_of_urn (const char *urn)
{
  const char *p = strrchr (urn, '=');
  const char *end;

  if (p == NULL)
    return NULL;
  p = strchr (p, ':') != NULL ? strchr (p, ':') + 1 : p + 1;
  end = strchr (p, '(');
  return g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));
}

static void
add_code_name (Loader *l)
{
  g_autofree char *key = g_strconcat (l->codelist, "\x1f", l->code, NULL);
  g_autofree char *name = crk_xml_clean_text (l->text->str, (gssize) l->text->len, 0);
  const char *old = g_hash_table_lookup (l->s->names, key);
  char *packed;

  if (*name == '\0')
    return;
  packed = g_strconcat (old != NULL ? old : "", l->lang != NULL ? l->lang : "", "\x1f", name,
                        "\x1e", NULL);
  count_bytes (l, strlen (packed) + strlen (key));
  g_hash_table_insert (l->s->names, g_steal_pointer (&key), packed);
}

static void
end_element (Loader *l, int depth)
{
  Kind kind = l->stack[depth];

  switch (kind)
    {
      case K_CODE_NAME:
        if (l->codelist != NULL && l->code != NULL)
          add_code_name (l);
        break;
      case K_ARTEFACT_NAME:
        {
          Kind parent = depth > 0 ? l->stack[depth - 1] : K_OTHER;
          const char *id = parent == K_DSD && l->dsd != NULL ? l->dsd->id
            : parent == K_DATAFLOW                           ? l->flow
                                                             : NULL;

          if (id != NULL &&
              (l->lang == NULL || strcmp (l->lang, "en") == 0 ||
               !g_hash_table_contains (l->s->artefacts, id)))
            g_hash_table_insert (l->s->artefacts, g_strdup (id),
                                 crk_xml_clean_text (l->text->str, -1, 200));
        }
        break;
      case K_URN:
        {
          g_autofree char *id = id_of_urn (g_strstrip (l->text->str));
          Kind parent = depth > 0 ? l->stack[depth - 1] : K_OTHER;

          if (parent == K_ENUMERATION)
            set_codelist (l, enumeration_holder (l, depth - 1), id);
          else if (id != NULL && l->flow != NULL)
            g_hash_table_insert (l->s->flow_dsd, g_strdup (l->flow), g_strdup (id));
        }
        break;
      case K_DSD:
        l->dsd = NULL;
        break;
      case K_COMPONENT:
        g_clear_pointer (&l->component, g_free);
        break;
      default:
        break;
    }
}

/**
 * crk_sdmx_structure_load:
 * @path: a structure message
 * @report: its problems (located in @path)
 * @cancellable: (nullable): to stop
 * @error: I/O errors
 *
 * Returns: (transfer full) (nullable): the structure, NULL on failure
 */
CrkSdmxStructure *
crk_sdmx_structure_load (const char *path,
                         CrkImportReport *report,
                         GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (CrkSdmxStructure) s = structure_new ();
  Loader l = {0};
  guint problems = report->problems->len;
  int ret = 0;

  l.s = s;
  l.path = path;
  l.report = report;
  l.text = g_string_new (NULL);
  if (crk_sdmx_xml_open (&l.xml, path, report, cancellable, error))
    while (!l.stop && (ret = crk_sdmx_xml_next (&l.xml, error)) == 1)
      {
        int type = xmlTextReaderNodeType (l.xml.reader);
        int depth = xmlTextReaderDepth (l.xml.reader);

        if (depth < 0 || depth >= CRK_SDMX_MAX_DEPTH)
          continue;
        if (type == XML_READER_TYPE_ELEMENT)
          {
            l.stack[depth] = classify (&l, depth);
            if (xmlTextReaderIsEmptyElement (l.xml.reader) == 1)
              end_element (&l, depth);
          }
        else if (type == XML_READER_TYPE_END_ELEMENT)
          end_element (&l, depth);
        else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && depth > 0 &&
                 (l.stack[depth - 1] == K_CODE_NAME || l.stack[depth - 1] == K_ARTEFACT_NAME ||
                  l.stack[depth - 1] == K_URN) &&
                 l.text->len < CRK_SDMX_MAX_VALUE_LENGTH)
          g_string_append (l.text, (const char *) xmlTextReaderConstValue (l.xml.reader));
      }
  crk_sdmx_xml_close (&l.xml);
  g_string_free (l.text, TRUE);
  g_free (l.codelist);
  g_free (l.code);
  g_free (l.lang);
  g_free (l.concept);
  g_free (l.flow);
  g_free (l.component);
  if ((error != NULL && *error != NULL) || report->problems->len > problems || ret < 0)
    return NULL;
  if (s->dsds->len > 0)
    s->selected = s->dsds->pdata[0];
  return g_steal_pointer (&s);
}

/* Looking up */

void
crk_sdmx_structure_select (CrkSdmxStructure *s, const char *hint)
{
  const char *dsd_id = hint != NULL ? g_hash_table_lookup (s->flow_dsd, hint) : NULL;

  if (hint == NULL)
    return; /* the first one */
  for (guint i = 0; i < s->dsds->len; i++)
    {
      const Dsd *d = s->dsds->pdata[i];

      if (strcmp (d->id, hint) == 0 || g_strcmp0 (d->id, dsd_id) == 0)
        {
          s->selected = d;
          return;
        }
    }
  /* another data structure's: its components say nothing of these data (code lists
   * are still found by their names, CL_ and the component's id) */
  s->selected = NULL;
}

gboolean
crk_sdmx_structure_has_components (const CrkSdmxStructure *s)
{
  return s->selected != NULL && g_hash_table_size (s->selected->dimensions) > 0;
}

gboolean
crk_sdmx_structure_is_dimension (const CrkSdmxStructure *s, const char *id)
{
  return s->selected != NULL && g_hash_table_contains (s->selected->dimensions, id);
}

const char *
crk_sdmx_structure_measure (const CrkSdmxStructure *s)
{
  return s->selected != NULL ? s->selected->measure : NULL;
}

static const char *
packed_names (const CrkSdmxStructure *s, const char *id, const char *code)
{
  const char *codelist = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *key = NULL;

  if (s->selected != NULL)
    {
      codelist = g_hash_table_lookup (s->selected->codelists, id);
      if (codelist == NULL)
        {
          const char *concept = g_hash_table_lookup (s->selected->concepts, id);

          codelist = g_hash_table_lookup (s->concept_codelists, concept != NULL ? concept : id);
        }
    }
  if (codelist == NULL)
    codelist = g_hash_table_lookup (s->concept_codelists, id);
  if (codelist == NULL)
    codelist = fallback = g_strconcat ("CL_", id, NULL);
  key = g_strconcat (codelist, "\x1f", code, NULL);
  return g_hash_table_lookup (s->names, key);
}

gboolean
crk_sdmx_structure_foreach_name (const CrkSdmxStructure *s,
                                 const char *id,
                                 const char *code,
                                 CrkSdmxNameFunc func,
                                 gpointer user_data)
{
  const char *p = packed_names (s, id, code);

  if (p == NULL)
    return FALSE;
  while (*p != '\0')
    {
      const char *sep = strchr (p, '\x1f');
      const char *end = sep != NULL ? strchr (sep, '\x1e') : NULL;
      g_autofree char *lang = NULL;
      g_autofree char *name = NULL;

      if (end == NULL)
        break;
      lang = g_strndup (p, sep - p);
      name = g_strndup (sep + 1, end - sep - 1);
      func (*lang != '\0' ? lang : NULL, name, user_data);
      p = end + 1;
    }
  return TRUE;
}

typedef struct
{
  const char *lang;
  char *wanted, *english, *any;
} NameSearch;

static void
search_cb (const char *lang, const char *name, gpointer user_data)
{
  NameSearch *n = user_data;

  if (n->wanted == NULL && g_strcmp0 (lang, n->lang) == 0)
    n->wanted = g_strdup (name);
  if (n->english == NULL && g_strcmp0 (lang, "en") == 0)
    n->english = g_strdup (name);
  if (n->any == NULL)
    n->any = g_strdup (name);
}

/* The name is returned from a small cache of the structure: valid until the next call. */
const char *
crk_sdmx_structure_name (const CrkSdmxStructure *s,
                         const char *id,
                         const char *code,
                         const char *lang)
{
  static GPrivate last = G_PRIVATE_INIT (g_free);
  NameSearch n = {lang, NULL, NULL, NULL};
  char *found;

  if (!crk_sdmx_structure_foreach_name (s, id, code, search_cb, &n))
    return NULL;
  found = n.wanted != NULL ? n.wanted : n.english != NULL ? n.english : n.any;
  if (found != n.wanted)
    g_free (n.wanted);
  if (found != n.english)
    g_free (n.english);
  if (found != n.any)
    g_free (n.any);
  g_private_replace (&last, found);
  return found;
}

const char *
crk_sdmx_structure_artefact_name (const CrkSdmxStructure *s, const char *id)
{
  return id != NULL ? g_hash_table_lookup (s->artefacts, id) : NULL;
}
