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

#define WB_NS "http://www.worldbank.org"
#define HEAD_SIZE (64 * 1024)
#define MAX_DEPTH 32
#define MAX_TEXT (64 * 1024) /* bytes of one field; names and codes are far shorter */
#define CHECK_EVERY 4096

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
  GInputStream *stream;
  GError *io_error;
  xmlTextReaderPtr reader;

  Layout layout;
  gboolean stop;     /* an error that ends the reading */
  gboolean reported; /* libxml2 reported a fatal error */
  int record_depth;  /* -1 outside a record */
  int record_line;
  Field field;
  int field_depth;
  Slot slots[N_FIELDS];
  char *country_labelled[2]; /* code, name: the last label given */
  char *indicator_labelled[2];
  guint64 n_records;
  guint64 n_observations;
  gint64 page, pages, per_page, total;
} Reader;

/* Input */

static int
read_cb (void *context,
         char *buffer,
         int length)
{
  Reader *r = context;
  gssize n = g_input_stream_read (r->stream, buffer, (gsize) MAX (length, 0), r->cancellable,
                                  r->io_error == NULL ? &r->io_error : NULL);

  return n < 0 ? -1 : (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

/* The prolog, before the root element, looked at before parsing: a DOCTYPE (and with
 * it every entity) is refused. UTF-16 is turned into UTF-8 to look at it. */
static char *
head_as_utf8 (const guint8 *head,
              gsize length)
{
  const char *from = NULL;
  gsize read = 0;
  g_autoptr (GError) error = NULL;
  char *text;

  if (length >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == '<' && head[1] == 0)))
    from = "UTF-16LE";
  else if (length >= 2 && ((head[0] == 0xfe && head[1] == 0xff) || (head[0] == 0 && head[1] == '<')))
    from = "UTF-16BE";
  if (from == NULL)
    return g_strndup ((const char *) head, length);
  length &= ~(gsize) 1;
  text = g_convert ((const char *) head, (gssize) length, "UTF-8", from, &read, NULL, &error);
  if (text == NULL && read > 0 && read < length)
    text = g_convert ((const char *) head, (gssize) (read & ~(gsize) 1), "UTF-8", from, NULL, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

/* FALSE (with an error in the report) when the file must not be parsed. */
static gboolean
check_prolog (Reader *r,
              const guint8 *head,
              gsize length,
              gboolean whole)
{
  g_autofree char *text = head_as_utf8 (head, length);
  const char *p = text;
  int line = 1;
  const char *line_start = p;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3, line_start = p;
  for (;;)
    {
      const char *end = NULL;

      while (g_ascii_isspace (*p))
        if (*p++ == '\n')
          line++, line_start = p;
      if (g_str_has_prefix (p, "<!--"))
        end = strstr (p + 4, "-->");
      else if (g_str_has_prefix (p, "<?"))
        end = strstr (p + 2, "?>");
      else if (g_str_has_prefix (p, "<!"))
        {
          crk_import_report_error (r->report, r->file, line, (int) g_utf8_strlen (line_start, p - line_start) + 1,
                                   CRK_IMPORT_ERROR_HOSTILE, "%s",
                                   _ ("the file has a document type declaration (DOCTYPE); "
                                      "DTDs and entities are refused for safety"));
          return FALSE;
        }
      else
        return TRUE; /* the root element, or something the parser reports */
      if (end == NULL)
        break;
      for (end += end[0] == '-' ? 3 : 2; p < end; p++)
        if (*p == '\n')
          line++, line_start = p + 1;
    }
  if (whole)
    return TRUE; /* the parser reports the unfinished comment */
  crk_import_report_error (r->report, r->file, line, 0, CRK_IMPORT_ERROR_HOSTILE, _ ("the file has more than %d KiB before its first element; refusing it"),
                           HEAD_SIZE / 1024);
  return FALSE;
}

static void
error_cb (void *user_data,
          xmlErrorPtr error)
{
  Reader *r = user_data;
  g_autofree char *valid = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || error->level == XML_ERR_NONE || r->reported)
    return;
  r->reported = TRUE;
  if (error->domain == XML_FROM_IO && r->io_error != NULL)
    return; /* said by the I/O error */
  valid = g_utf8_make_valid (error->message != NULL ? error->message : "", -1);
  g_strdelimit (valid, "\n\t", ' ');
  /* TRANSLATORS: %s is libxml2's (English) description of the syntax error */
  crk_import_report_error (r->report, r->file, MAX (error->line, 1), error->int2, CRK_IMPORT_ERROR_MALFORMED,
                           _ ("not well-formed XML: %s"), g_strstrip (valid));
}

/* Where the reader is: the line of the current element (libxml2 keeps no column). */
static int
current_line (Reader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);

  return node != NULL ? (int) MAX (xmlGetLineNo (node), 0) : 0;
}

static gboolean
is (Reader *r,
    const char *ns,
    const char *name)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r->reader);

  return g_strcmp0 (uri, ns) == 0 && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r->reader), name) == 0;
}

static char *
attribute (Reader *r,
           const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gint64
int_attribute (Reader *r,
               const char *name)
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
slot_text (Reader *r,
           Field f)
{
  return g_strstrip (r->slots[f].text->str);
}

static const char *
slot_id (Reader *r,
         Field f)
{
  char *id = r->slots[f].id;

  return id != NULL && *g_strstrip (id) != '\0' ? id : NULL;
}

/* Gives a label unless it is the one given last (records come by indicator, then by
 * country, so this gives each label a few times at most, in constant memory). */
static void
give_label (Reader *r,
            CrkImportRole role,
            char **last,
            const char *code,
            const char *name)
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
  CrkObservation obs = { 0 };
  double value = NAN;

  r->n_records++;
  if (indicator == NULL)
    indicator = indicator_name;
  if (*key == '\0')
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                               _ ("the record names no country"));
      return;
    }
  if (*indicator == '\0')
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                               _ ("the record names no indicator"));
      return;
    }
  if (!crk_period_parse (date, NULL, NULL, NULL))
    {
      g_autofree char *shown = shorten (date);

      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                               _ ("the date “%s” is not a year, a quarter (2013Q1) or a month (2012M01)"), shown);
      return;
    }
  if (!r->slots[FIELD_VALUE].seen)
    {
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                               _ ("the record has no value (not even an empty one)"));
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
      crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                               _ ("the import stopped at this observation"));
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
  crk_import_report_error (r->report, r->file, r->record_line, 0, CRK_IMPORT_ERROR_INVALID,
                           _ ("the World Bank answered with an error instead of data: %s (message %s, “%s”)"),
                           *text != '\0' ? text : key, id, key);
}

/* Elements */

static Field
api_field (Reader *r)
{
  static const char *const names[] = {
    [FIELD_COUNTRY] = "country", [FIELD_INDICATOR] = "indicator", [FIELD_ISO3] = "countryiso3code",
    [FIELD_DATE] = "date", [FIELD_VALUE] = "value", [FIELD_UNIT] = "unit", [FIELD_STATUS] = "obs_status",
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
    { "Country or Area", FIELD_COUNTRY }, { "Country", FIELD_COUNTRY },  { "Item", FIELD_INDICATOR },
    { "Indicator", FIELD_INDICATOR },     { "Series", FIELD_INDICATOR }, { "Year", FIELD_DATE },
    { "Date", FIELD_DATE },               { "Value", FIELD_VALUE },      { "Unit", FIELD_UNIT },
  };
  g_autofree char *name = attribute (r, "name");

  if (name == NULL || xmlTextReaderConstLocalName (r->reader) == NULL
      || !g_str_equal ((const char *) xmlTextReaderConstLocalName (r->reader), "field"))
    return FIELD_OTHER;
  g_strstrip (name);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      return names[i].field;
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

      crk_import_report_error (r->report, r->file, current_line (r), 0, CRK_IMPORT_ERROR_MALFORMED,
                               _ ("this is not World Bank XML: the document is a <%s>, not a <wb:data> "
                                  "of the Indicators API or the <Root> of a bulk download"),
                               shown);
      r->stop = TRUE;
    }
}

static void
start_field (Reader *r,
             Field field,
             int depth)
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
start_element (Reader *r,
               int depth)
{
  if (depth >= MAX_DEPTH)
    {
      crk_import_report_error (r->report, r->file, current_line (r), 0, CRK_IMPORT_ERROR_HOSTILE,
                               _ ("elements are nested deeper than %d levels; refusing the file"), MAX_DEPTH);
      r->stop = TRUE;
      return;
    }
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
          r->record_line = current_line (r);
        }
      else if (depth == 2 && r->record_depth == 1)
        start_field (r, api_field (r), depth);
      break;
    case LAYOUT_BULK:
      if (depth == 2 && is (r, NULL, "record"))
        {
          clear_record (r);
          r->record_depth = depth;
          r->record_line = current_line (r);
        }
      else if (depth == 3 && r->record_depth == 2)
        start_field (r, bulk_field (r), depth);
      break;
    case LAYOUT_ERROR:
      if (depth == 1 && is (r, WB_NS, "message"))
        {
          r->record_line = current_line (r);
          start_field (r, FIELD_MESSAGE, depth);
        }
      break;
    case LAYOUT_UNKNOWN:
    default:
      break;
    }
}

static void
end_element (Reader *r,
             int depth)
{
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
add_text (Reader *r)
{
  GString *text;
  const char *value;

  if (r->field == FIELD_NONE || r->field == FIELD_OTHER)
    return;
  text = r->slots[r->field].text;
  value = (const char *) xmlTextReaderConstValue (r->reader);
  if (value == NULL)
    return;
  if (text->len + strlen (value) > MAX_TEXT)
    {
      crk_import_report_error (r->report, r->file, current_line (r), 0, CRK_IMPORT_ERROR_HOSTILE,
                               _ ("a text is longer than %d bytes; refusing the file"), MAX_TEXT);
      r->stop = TRUE;
      return;
    }
  g_string_append (text, value);
}

/* One node; FALSE to stop. */
static gboolean
read_node (Reader *r)
{
  int depth = xmlTextReaderDepth (r->reader);

  switch (xmlTextReaderNodeType (r->reader))
    {
    case XML_READER_TYPE_ELEMENT:
      start_element (r, depth);
      if (!r->stop && xmlTextReaderIsEmptyElement (r->reader))
        end_element (r, depth);
      break;
    case XML_READER_TYPE_END_ELEMENT:
      end_element (r, depth);
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      add_text (r);
      break;
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      crk_import_report_error (r->report, r->file, current_line (r), 0, CRK_IMPORT_ERROR_HOSTILE, "%s",
                               _ ("the file uses DTDs or entities; refusing it"));
      r->stop = TRUE;
      break;
    default:
      break;
    }
  return !r->stop;
}

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
      crk_import_report_notice (r->report, r->file, 0, 0,
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
  if (r->reader != NULL)
    xmlFreeTextReader (r->reader);
  g_clear_object (&r->stream);
  g_clear_error (&r->io_error);
}

static gboolean
open_reader (Reader *r,
             const char *path,
             GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, r->cancellable, error);
  g_autofree guint8 *head = NULL;
  gsize length = 0;

  if (stream == NULL)
    return FALSE;
  head = g_malloc (HEAD_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, HEAD_SIZE, &length, r->cancellable, error)
      || !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, r->cancellable, error))
    return FALSE;
  if (length == 0)
    {
      crk_import_report_error (r->report, r->file, 0, 0, CRK_IMPORT_ERROR_MALFORMED, "%s", _ ("the file is empty"));
      return TRUE;
    }
  if (!check_prolog (r, head, length, length < HEAD_SIZE))
    return TRUE;
  r->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  r->reader = xmlReaderForIO (read_cb, close_cb, r, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  if (r->reader == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot read “%s”"), r->file);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (r->reader, error_cb, r);
  return TRUE;
}

static gboolean
worldbank_read (const char *path,
                const CrkImportOptions *options,
                CrkImportSink *sink,
                CrkImportReport *report,
                GCancellable *cancellable,
                GError **error)
{
  CrkImportOptions defaults = { 0 };
  Reader r = { 0 };
  gboolean ok = TRUE;
  guint64 n = 0;
  int status = 1;

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

  if (!open_reader (&r, path, error))
    ok = FALSE;
  else if (r.reader != NULL)
    {
      while ((status = xmlTextReaderRead (r.reader)) == 1 && read_node (&r))
        if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
          {
            ok = FALSE;
            break;
          }
      if (ok && r.io_error != NULL)
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot read “%s”: %s"), path,
                       r.io_error->message);
          ok = FALSE;
        }
      else if (ok && status < 0 && !r.reported)
        crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_MALFORMED, "%s",
                                 _ ("the file ends before its XML is complete"));
      if (ok && !crk_import_report_failed (report))
        {
          say_pages (&r);
          if (r.n_observations == 0 && r.layout != LAYOUT_ERROR)
            crk_import_report_notice (report, path, 0, 0, "%s", _ ("the file holds no observations"));
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
  if (g_strcmp0 (sniff->root_ns, WB_NS) == 0
      && (g_str_equal (sniff->root_name, "data") || g_str_equal (sniff->root_name, "error")))
    return 95;
  if (sniff->root_ns == NULL && g_str_equal (sniff->root_name, "Root") && sniff->head != NULL
      && g_strstr_len ((const char *) sniff->head, (gssize) sniff->head_length, "<record") != NULL
      && g_strstr_len ((const char *) sniff->head, (gssize) sniff->head_length, "<field") != NULL)
    return 95;
  return 0;
}

static const char *const worldbank_patterns[] = { "*.xml", NULL };
static const char *const worldbank_mime_types[] = { "application/xml", "text/xml", NULL };

const CrkImporter crk_importer_worldbank = {
  .id = "worldbank",
  .name = N_ ("World Bank XML (Indicators API, bulk download)"),
  .patterns = worldbank_patterns,
  .mime_types = worldbank_mime_types,
  .sniff = worldbank_sniff,
  .read = worldbank_read,
};
