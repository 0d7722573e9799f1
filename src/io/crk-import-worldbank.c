/* crk-import-worldbank.c: World Bank XML, the Indicators API v2 answers and the bulk download
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two layouts, both streamed with xmlTextReader (no tree, one record held at a time):
 *
 *   - the API (http://api.worldbank.org/v2/…, XML by default): the root and every record
 *     are <wb:data> (namespace http://www.worldbank.org); a record holds
 *     <wb:indicator id="…">name</wb:indicator>, <wb:country id="…">name</wb:country>,
 *     <wb:countryiso3code>, <wb:date> (2017, 2012M01, 2013Q1), <wb:value> (empty when
 *     missing), <wb:unit>, <wb:obs_status>, <wb:decimal>. The root says which page of how
 *     many the answer is; an error answer is <wb:error><wb:message id key>text;
 *   - the bulk download: <Root><data><record><field name="Country or Area" key="ABW">Aruba
 *     </field><field name="Item" key="NY.GNP.PCAP.CD">…</field><field name="Year">1960
 *     </field><field name="Value"/></record>…, fields told apart by their name.
 *
 * The key of an observation is the country's ISO 3 code (countryiso3code when present,
 * else the id or key), the indicator its id or key; the names become labels.
 *
 * Safety: the prolog is scanned and a DOCTYPE refused before the parser starts; no
 * network, no DTD loading, no entity substitution; depth and texts are bounded.
 */
#define G_LOG_DOMAIN "crk-import-worldbank"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-xml-input.h"

#define WB_NS "http://www.worldbank.org"
#define MAX_DEPTH 32
#define MAX_TEXT (64 * 1024) /* bytes of one field; names and codes are far shorter */

typedef enum
{
  LAYOUT_UNKNOWN,
  LAYOUT_API,
  LAYOUT_BULK,
  LAYOUT_ERROR,
} Layout;

typedef enum
{
  FIELD_NONE = -1,
  FIELD_COUNTRY,
  FIELD_INDICATOR,
  FIELD_ISO3,
  FIELD_DATE,
  FIELD_VALUE,
  FIELD_UNIT,
  FIELD_STATUS,
  FIELD_MESSAGE,
  FIELD_OTHER, /* read and left: decimal, a bulk field of another name */
  N_FIELDS
} Field;

typedef struct
{
  char *id;      /* the id or key attribute */
  char *key;     /* the error message's key attribute */
  GString *text; /* the element's text */
  gboolean seen;
} Slot;

typedef struct
{
  const char *file;
  const CrkImportOptions *options;
  CrkImportSink *sink;
  CrkImportReport *report;
  GCancellable *cancellable;
  CrkXmlInput *input;
  xmlTextReaderPtr reader;

  Layout layout;
  gboolean stop;    /* an error that ends the reading */
  int record_depth; /* -1 outside a record */
  int record_line;
  Field field;
  int field_depth;
  Slot slots[N_FIELDS];
  char *country_labelled[2]; /* code, name: the last label given */
  char *indicator_labelled[2];
  char *bulk_names[N_FIELDS]; /* the bulk download's field names, as written */
  gboolean shape_sent;
  guint64 n_records;
  guint64 n_observations;
  gint64 page, pages, per_page, total;
} Reader;

static gboolean
is (Reader *r, const char *ns, const char *name)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r->reader);

  return g_strcmp0 (uri, ns) == 0 &&
    g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r->reader), name) == 0;
}

static char *
attribute (Reader *r, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gint64
int_attribute (Reader *r, const char *name)
{
  g_autofree char *text = attribute (r, name);
  gint64 n = -1;

  if (text == NULL || !g_ascii_string_to_signed (g_strstrip (text), 10, 0, G_MAXINT32, &n, NULL))
    return -1;
  return n;
}

/* Records */

static void
clear_record (Reader *r)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      g_clear_pointer (&r->slots[i].id, g_free);
      g_clear_pointer (&r->slots[i].key, g_free);
      g_string_truncate (r->slots[i].text, 0);
      r->slots[i].seen = FALSE;
    }
}

static const char *
slot_text (Reader *r, Field f)
{
  return g_strstrip (r->slots[f].text->str);
}

static const char *
slot_id (Reader *r, Field f)
{
  char *id = r->slots[f].id;

  return id != NULL && *g_strstrip (id) != '\0' ? id : NULL;
}

/* Gives a label unless it is the one given last (records come by indicator, then by
 * country, so this gives each label a few times at most, in constant memory). */
static void
give_label (Reader *r, CrkImportRole role, char **last, const char *code, const char *name)
{
  if (r->sink->label == NULL || *name == '\0' || g_strcmp0 (code, name) == 0)
    return;
  if (g_strcmp0 (last[0], code) == 0 && g_strcmp0 (last[1], name) == 0)
    return;
  g_free (last[0]);
  g_free (last[1]);
  last[0] = g_strdup (code);
  last[1] = g_strdup (name);
  r->sink->label (r->sink, role, code, name, NULL);
}

/* A text from the file, shortened for a message. */
static char *
shorten (const char *text)
{
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
}

/* Tells the sink, at the first observation, which field is what: the country, the
 * indicator, the date (the API's elements, or the bulk download's field names). */
static void
emit_shape (Reader *r)
{
  static const char *const api_ids[] = {
    [FIELD_COUNTRY] = "country", [FIELD_INDICATOR] = "indicator", [FIELD_DATE] = "date"};
  static const struct
  {
    Field field;
    CrkImportRole role;
  } order[] = {
    {FIELD_COUNTRY, CRK_IMPORT_ROLE_CITY},
    {FIELD_INDICATOR, CRK_IMPORT_ROLE_INDICATOR},
    {FIELD_DATE, CRK_IMPORT_ROLE_PERIOD},
  };
  CrkImportField fields[G_N_ELEMENTS (order)] = {0};
  CrkImportShape shape = {0};

  r->shape_sent = TRUE;
  if (r->sink->shape == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      Field f = order[i].field;

      fields[i].id =
        r->layout == LAYOUT_BULK && r->bulk_names[f] != NULL ? r->bulk_names[f] : api_ids[f];
      fields[i].role = order[i].role;
    }
  shape.n_fields = G_N_ELEMENTS (fields);
  shape.fields = fields;
  shape.layout = CRK_TABLE_LAYOUT_AUTO;
  shape.header_row = -1;
  shape.first_row = -1;
  shape.label_column = -1;
  shape.countries = TRUE; /* economies and their groups: countries to the reader */
  r->sink->shape (r->sink, &shape);
}

static void
end_record (Reader *r)
{
  const char *iso3 = slot_text (r, FIELD_ISO3);
  const char *country = slot_id (r, FIELD_COUNTRY);
  const char *indicator = slot_id (r, FIELD_INDICATOR);
  const char *country_name = slot_text (r, FIELD_COUNTRY);
  const char *indicator_name = slot_text (r, FIELD_INDICATOR);
  const char *date = slot_text (r, FIELD_DATE);
  const char *value_text = slot_text (r, FIELD_VALUE);
  const char *unit = slot_text (r, FIELD_UNIT);
  const char *status = slot_text (r, FIELD_STATUS);
  const char *key = *iso3 != '\0' ? iso3 : country != NULL ? country : country_name;
  CrkObservation obs = {0};
  double value = NAN;

  r->n_records++;
  if (indicator == NULL)
    indicator = indicator_name;
  if (*key == '\0')
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                               "%s", _ ("the record names no country"));
      return;
    }
  if (*indicator == '\0')
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                               "%s", _ ("the record names no indicator"));
      return;
    }
  if (!crk_period_parse (date, NULL, NULL, NULL))
    {
      g_autofree char *shown = shorten (date);

      crk_import_report_error (
        r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
        _ ("the date “%s” is not a year, a quarter (2013Q1) or a month (2012M01)"), shown);
      return;
    }
  if (!r->slots[FIELD_VALUE].seen)
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                               "%s", _ ("the record has no value (not even an empty one)"));
      return;
    }
  if (!crk_import_is_missing (value_text, (const char *const *) r->options->missing))
    {
      char *end = NULL;

      value = g_ascii_strtod (value_text, &end);
      if (end == value_text || *end != '\0' || !isfinite (value))
        {
          g_autofree char *shown = shorten (value_text);

          crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                                   _ ("the value “%s” is not a number"), shown);
          return;
        }
    }

  if (!r->shape_sent)
    emit_shape (r);
  give_label (r, CRK_IMPORT_ROLE_CITY, r->country_labelled, key, country_name);
  give_label (r, CRK_IMPORT_ROLE_INDICATOR, r->indicator_labelled, indicator, indicator_name);
  obs.key = key;
  obs.indicator = indicator;
  obs.period = date;
  obs.value = value;
  obs.unit = *unit != '\0' ? unit : NULL;
  obs.status = *status != '\0' ? status : NULL;
  obs.line = r->record_line;
  if (!r->sink->observation (r->sink, &obs))
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                               "%s", _ ("the import stopped at this observation"));
      r->stop = TRUE;
      return;
    }
  r->n_observations++;
}

static void
end_message (Reader *r)
{
  Slot *s = &r->slots[FIELD_MESSAGE];
  const char *text = g_strstrip (s->text->str);
  g_autofree char *id = g_strdup (s->id != NULL ? s->id : "");
  g_autofree char *key = g_strdup (s->key != NULL ? s->key : "");

  /* TRANSLATORS: the World Bank's (English) message, its number and its key
   * ("The provided parameter value is not valid", "120", "Invalid value") */
  crk_import_report_error (
    r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
    _ ("the World Bank answered with an error instead of data: %s (message %s, “%s”)"),
    *text != '\0' ? text : key, id, key);
}

/* Elements */

static Field
api_field (Reader *r)
{
  static const char *const names[] = {
    [FIELD_COUNTRY] = "country",      [FIELD_INDICATOR] = "indicator",
    [FIELD_ISO3] = "countryiso3code", [FIELD_DATE] = "date",
    [FIELD_VALUE] = "value",          [FIELD_UNIT] = "unit",
    [FIELD_STATUS] = "obs_status",
  };

  for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && is (r, WB_NS, names[i]))
      return (Field) i;
  return FIELD_OTHER;
}

static Field
bulk_field (Reader *r)
{
  static const struct
  {
    const char *name;
    Field field;
  } names[] = {
    {"Country or Area", FIELD_COUNTRY},
    {"Country", FIELD_COUNTRY},
    {"Item", FIELD_INDICATOR},
    {"Indicator", FIELD_INDICATOR},
    {"Series", FIELD_INDICATOR},
    {"Year", FIELD_DATE},
    {"Date", FIELD_DATE},
    {"Value", FIELD_VALUE},
    {"Unit", FIELD_UNIT},
  };
  g_autofree char *name = attribute (r, "name");

  if (name == NULL || xmlTextReaderConstLocalName (r->reader) == NULL ||
      !g_str_equal ((const char *) xmlTextReaderConstLocalName (r->reader), "field"))
    return FIELD_OTHER;
  g_strstrip (name);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        if (r->bulk_names[names[i].field] == NULL)
          r->bulk_names[names[i].field] = crk_xml_clean_text (name, -1, 80);
        return names[i].field;
      }
  return FIELD_OTHER;
}

static void
start_root (Reader *r)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (r->reader);

  if (is (r, WB_NS, "data"))
    {
      r->layout = LAYOUT_API;
      r->page = int_attribute (r, "page");
      r->pages = int_attribute (r, "pages");
      r->per_page = int_attribute (r, "per_page");
      r->total = int_attribute (r, "total");
    }
  else if (is (r, WB_NS, "error"))
    r->layout = LAYOUT_ERROR;
  else if (is (r, NULL, "Root"))
    r->layout = LAYOUT_BULK;
  else
    {
      g_autofree char *shown = g_utf8_make_valid (name != NULL ? name : "", -1);

      crk_import_report_error (
        r->report, r->file, crk_xml_input_get_line (r->input), 0, CRK_IMPORT_ERROR_MALFORMED,
        _ ("this is not World Bank XML: the document is a <%s>, not a <wb:data> "
           "of the Indicators API or the <Root> of a bulk download"),
        shown);
      r->stop = TRUE;
    }
}

static void
start_field (Reader *r, Field field, int depth)
{
  Slot *s = &r->slots[field];

  r->field = field;
  r->field_depth = depth;
  g_string_truncate (s->text, 0);
  g_free (s->id);
  s->id = attribute (r, r->layout == LAYOUT_BULK ? "key" : "id");
  if (field == FIELD_MESSAGE)
    {
      g_free (s->key);
      s->key = attribute (r, "key");
    }
  s->seen = TRUE;
}

static void
start_element (gpointer data, int depth)
{
  Reader *r = data;

  if (depth == 0)
    {
      start_root (r);
      return;
    }
  if (r->field != FIELD_NONE)
    return; /* inside a field: its text counts, the element does not */
  switch (r->layout)
    {
      case LAYOUT_API:
        if (depth == 1 && is (r, WB_NS, "data"))
          {
            clear_record (r);
            r->record_depth = depth;
            r->record_line = crk_xml_input_get_line (r->input);
          }
        else if (depth == 2 && r->record_depth == 1)
          start_field (r, api_field (r), depth);
        break;
      case LAYOUT_BULK:
        if (depth == 2 && is (r, NULL, "record"))
          {
            clear_record (r);
            r->record_depth = depth;
            r->record_line = crk_xml_input_get_line (r->input);
          }
        else if (depth == 3 && r->record_depth == 2)
          start_field (r, bulk_field (r), depth);
        break;
      case LAYOUT_ERROR:
        if (depth == 1 && is (r, WB_NS, "message"))
          {
            r->record_line = crk_xml_input_get_line (r->input);
            start_field (r, FIELD_MESSAGE, depth);
          }
        break;
      case LAYOUT_UNKNOWN:
      default:
        break;
    }
}

static void
end_element (gpointer data, int depth)
{
  Reader *r = data;

  if (r->field != FIELD_NONE && depth == r->field_depth)
    {
      if (r->field == FIELD_MESSAGE)
        end_message (r);
      r->field = FIELD_NONE;
    }
  else if (r->record_depth >= 0 && depth == r->record_depth)
    {
      end_record (r);
      r->record_depth = -1;
    }
}

static void
add_text (gpointer data, const char *value)
{
  Reader *r = data;

  if (r->field == FIELD_NONE || r->field == FIELD_OTHER)
    return;
  if (!crk_xml_append_text (r->slots[r->field].text, value, MAX_TEXT))
    {
      crk_import_report_error (r->report, r->file, crk_xml_input_get_line (r->input), 0,
                               CRK_IMPORT_ERROR_HOSTILE,
                               _ ("a text is longer than %d bytes; refusing the file"), MAX_TEXT);
      r->stop = TRUE;
    }
}

static const CrkXmlEvents events = {
  .start = start_element,
  .end = end_element,
  .text = add_text,
};

static void
say_pages (Reader *r)
{
  if (r->layout != LAYOUT_API)
    return;
  if (r->pages > 1)
    {
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, r->total);

      /* TRANSLATORS: page %d of %d pages; then the number of records in the file and the
       * total the World Bank has (%s) */
      crk_import_report_notice (
        r->report, r->file, 0, 0,
        _ ("this answer of the World Bank API is page %d of %d: only its %d records of %s "
           "were read; ask for the other pages (page=2, …) or for everything at once "
           "(per_page=%s)"),
        (int) MAX (r->page, 0), (int) r->pages, (int) MIN (r->n_records, G_MAXINT), total, total);
    }
}

static void
reader_clear (Reader *r)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      g_free (r->slots[i].id);
      g_free (r->slots[i].key);
      if (r->slots[i].text != NULL)
        g_string_free (r->slots[i].text, TRUE);
    }
  for (int i = 0; i < 2; i++)
    {
      g_free (r->country_labelled[i]);
      g_free (r->indicator_labelled[i]);
    }
  for (int i = 0; i < N_FIELDS; i++)
    g_free (r->bulk_names[i]);
  g_clear_pointer (&r->input, crk_xml_input_free);
}

static gboolean
worldbank_read (const char *path,
                const CrkImportOptions *options,
                CrkImportSink *sink,
                CrkImportReport *report,
                GCancellable *cancellable,
                GError **error)
{
  CrkImportOptions defaults = {0};
  Reader r = {0};
  gboolean ok = TRUE;
  int status;

  g_return_val_if_fail (path != NULL && sink != NULL && report != NULL, FALSE);

  r.file = path;
  r.options = options != NULL ? options : &defaults;
  r.sink = sink;
  r.report = report;
  r.cancellable = cancellable;
  r.record_depth = -1;
  r.field = FIELD_NONE;
  for (int i = 0; i < N_FIELDS; i++)
    r.slots[i].text = g_string_new (NULL);

  r.input =
    crk_xml_input_open (path, NULL, report, MAX_DEPTH, CRK_XML_INPUT_DEFAULT, cancellable, error);
  if (r.input == NULL)
    ok = FALSE;
  else
    {
      r.reader = crk_xml_input_get_reader (r.input);
      status = crk_xml_input_read_events (r.input, &events, &r, &r.stop, error);
      if (status < 0 && !crk_import_report_failed (report))
        ok = FALSE; /* I/O or cancelled */
      if (ok && !crk_import_report_failed (report))
        {
          say_pages (&r);
          if (r.n_observations == 0 && r.layout != LAYOUT_ERROR)
            crk_import_report_notice (report, path, 0, 0, "%s",
                                      _ ("the file holds no observations"));
        }
    }
  reader_clear (&r);
  return ok && !crk_import_report_failed (report);
}

static int
worldbank_sniff (const CrkSniff *sniff)
{
  if (sniff->root_name == NULL)
    return 0;
  if (g_strcmp0 (sniff->root_ns, WB_NS) == 0 &&
      (g_str_equal (sniff->root_name, "data") || g_str_equal (sniff->root_name, "error")))
    return 95;
  if (sniff->root_ns == NULL && g_str_equal (sniff->root_name, "Root") && sniff->head != NULL &&
      g_strstr_len ((const char *) sniff->head, (gssize) sniff->head_length, "<record") != NULL &&
      g_strstr_len ((const char *) sniff->head, (gssize) sniff->head_length, "<field") != NULL)
    return 95;
  return 0;
}

static const char *const worldbank_patterns[] = {"*.xml", NULL};
static const char *const worldbank_mime_types[] = {"application/xml", "text/xml", NULL};

const CrkImporter crk_importer_worldbank = {
  .id = "worldbank",
  .name = N_ ("World Bank XML (Indicators API, bulk download)"),
  .patterns = worldbank_patterns,
  .mime_types = worldbank_mime_types,
  .sniff = worldbank_sniff,
  .read = worldbank_read,
};
