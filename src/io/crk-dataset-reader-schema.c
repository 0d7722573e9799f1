/* crk-dataset-reader-schema.c: the schema of the native reader (parsed once, made fit for
 * streaming), the sections it leaves to the reader, and the errors of libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-dataset-format.h"
#include "crk-dataset-reader-private.h"
#include "crk-io-resources.h"
#include "crk-xml-input.h"

/* The sections of <dataset> that the format requires and the streaming schema leaves
 * optional (see streaming_schema()): the reader checks them at </dataset>. */
static const struct
{
  guint bit;
  const char *name;
} required_sections[] = {
  {REQUIRED_CITIES, "cities"},
  {REQUIRED_INDICATORS, "indicators"},
  {REQUIRED_VALUES, "values"},
};

/* The schema, parsed once */

static xmlRelaxNGPtr schema_compiled;
static char *schema_error;

static char *clean_libxml_message (const char *message);

static void
schema_parse_error_cb (void *user_data, xmlErrorPtr error)
{
  if (schema_error == NULL && error != NULL && error->message != NULL)
    schema_error = clean_libxml_message (error->message);
}

/**
 * crk_dataset_get_schema:
 *
 * Returns: (transfer none): the RELAX NG schema of the format (from the resources)
 */
GBytes *
crk_dataset_get_schema (void)
{
  static GBytes *bytes;

  if (g_once_init_enter (&bytes))
    {
      GBytes *b = g_resource_lookup_data (crk_io_get_resource (), CRK_DATASET_SCHEMA_RESOURCE,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* The schema is compiled in; its absence is a build error. */
      g_assert (b != NULL);
      g_once_init_leave (&bytes, b);
    }
  return bytes;
}

/* The schema the reader validates with: the format's, with the sections of <dataset>
 * that follow the others (<cities>, <indicators>, <values>) made optional; the reader
 * checks them at </dataset> (_crk_reader_check_sections()).
 *
 * Why: libxml2 2.9 (Debian 12), validating while streaming, reports a required element
 * missing at the end of an element through the last element it validated, which the
 * text reader has freed by then: a file that ends without <values> after a framework
 * of some 35 indicators crashed the reader (a bus error; unseen under AddressSanitizer,
 * which keeps freed memory aside). Elements deeper down have few children before their
 * end, and the reader frees none of them before it. */
static gboolean
streaming_schema (xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr define = NULL, element = NULL;

  for (xmlNodePtr n = root != NULL ? root->children : NULL; n != NULL && element == NULL;
       n = n->next)
    {
      g_autofree char *name = NULL;

      if (n->type != XML_ELEMENT_NODE || !xmlStrEqual (n->name, BAD_CAST "define"))
        continue;
      name = (char *) xmlGetProp (n, BAD_CAST "name");
      if (g_strcmp0 (name, "dataset") != 0)
        continue;
      define = n;
      for (xmlNodePtr c = define->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "element"))
          element = c;
    }
  if (element == NULL)
    return FALSE;

  for (xmlNodePtr c = element->children; c != NULL; c = c->next)
    {
      g_autofree char *name = NULL;

      if (c->type != XML_ELEMENT_NODE || !xmlStrEqual (c->name, BAD_CAST "ref"))
        continue;
      name = (char *) xmlGetProp (c, BAD_CAST "name");
      for (guint i = 0; i < G_N_ELEMENTS (required_sections); i++)
        if (g_strcmp0 (name, required_sections[i].name) == 0)
          {
            xmlNodePtr optional = xmlNewDocNode (doc, c->ns, BAD_CAST "optional", NULL);

            xmlReplaceNode (c, optional);
            xmlAddChild (optional, c);
            c = optional;
            break;
          }
    }
  return TRUE;
}

xmlRelaxNGPtr
_crk_reader_get_schema (GError **error)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GBytes *bytes = crk_dataset_get_schema ();
      xmlRelaxNGParserCtxtPtr ctxt;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      xmlDocPtr doc;

      xmlInitParser ();
      doc = xmlReadMemory (data, (int) size, "cityrank-dataset.rng", NULL, XML_PARSE_NONET);
      if (doc != NULL && streaming_schema (doc))
        {
          ctxt = xmlRelaxNGNewDocParserCtxt (doc);
          xmlRelaxNGSetParserStructuredErrors (ctxt, schema_parse_error_cb, NULL);
          schema_compiled = xmlRelaxNGParse (ctxt);
          xmlRelaxNGFreeParserCtxt (ctxt);
        }
      else if (schema_error == NULL)
        schema_error = g_strdup ("cityrank-dataset.rng: no <element name=\"dataset\">");
      xmlFreeDoc (doc);
      g_once_init_leave (&once, 1);
    }
  if (schema_compiled == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                   _ ("Cannot load the dataset schema: %s"),
                   schema_error != NULL ? schema_error : _ ("unknown error"));
      return NULL;
    }
  return schema_compiled;
}

/* Errors from libxml2 */

/* Finds the ordinal of @node among the open elements, the last empty element, or the
 * subtree the reader is on (expanded for validation, not yet visited). */
static gint64
ordinal_of_node (Reader *r, xmlNodePtr node)
{
  xmlNodePtr cur;
  gint64 k = 0;

  if (node == NULL)
    return 0;
  for (int i = r->depth - 1; i >= 0; i--)
    if (r->stack[i].node == node)
      return r->stack[i].ordinal;
  if (node == r->last_empty_node)
    return r->last_empty_ordinal;

  cur = xmlTextReaderCurrentNode (r->reader);
  if (cur == NULL || cur->type != XML_ELEMENT_NODE)
    return 0;
  for (int i = r->depth - 1; i >= 0; i--)
    if (r->stack[i].node == cur)
      return 0; /* the current node is an open element, already counted */

  /* Pre-order walk of the current (not yet counted) element's subtree. */
  for (xmlNodePtr n = cur; n != NULL;)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          if (n == node)
            return r->n_elements + 1 + k;
          k++;
        }
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        n = n->children;
      else
        {
          while (n != cur && n->next == NULL)
            n = n->parent;
          if (n == cur)
            break;
          n = n->next;
        }
    }
  return 0;
}

/* libxml2's message on one line, valid UTF-8. libxml2 quotes the document cut to a
 * number of bytes ("<!--%.50s"), which may end inside a character: a character cut short
 * is left out, any other invalid byte becomes U+FFFD. */
static char *
clean_libxml_message (const char *message)
{
  const char *p = message != NULL ? message : "";
  GString *s = g_string_sized_new (strlen (p));

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          guchar lead = (guchar) *p;
          int needed = 0, have = 0;

          if (lead >= 0xc0)
            needed = lead >= 0xf0 ? 3 : 1 + (lead >= 0xe0);

          for (p++; ((guchar) *p & 0xc0) == 0x80 && have < needed; p++)
            have++;
          if (needed == 0 || have == needed)
            g_string_append_unichar (s, 0xfffd);
          continue;
        }
      g_string_append_unichar (s, c == '\n' || c == '\t' ? ' ' : c);
      p = g_utf8_next_char (p);
    }
  g_strstrip (s->str);
  return g_string_free (s, FALSE);
}

void
_crk_reader_structured_error_cb (void *user_data, xmlErrorPtr error)
{
  Reader *r = user_data;
  g_autofree char *text = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || error->level == XML_ERR_NONE)
    return;

  text = clean_libxml_message (error->message);
  if (error->domain == XML_FROM_RELAXNGV || error->domain == XML_FROM_RELAXNGP)
    {
      gint64 ordinal;

      /* libxml2 follows "Did not expect element X there" with a placeholder message
       * ("text in element  TODO  content") that says nothing more. */
      if (strstr (text, " TODO ") != NULL)
        return;
      ordinal = ordinal_of_node (r, error->node);

      /* Inside an element libxml2 already rejected, every descendant is rejected too:
       * only the first of these says something. */
      for (int i = 0; i < r->depth; i++)
        {
          if (r->stack[i].schema_error && r->stack[i].ordinal != ordinal)
            return;
          if (r->stack[i].ordinal == ordinal)
            r->stack[i].schema_error = TRUE;
        }
      if (ordinal > r->n_elements)
        r->pending_error_ordinal = ordinal;

      /* TRANSLATORS: %s is libxml2's (English) description of a schema violation */
      _crk_reader_add_problem_full (r, ordinal, ordinal > 0 ? 0 : error->line, 0,
                                    CRK_IMPORT_ERROR_SCHEMA, 0,
                                    g_strdup_printf (_ ("does not match the schema: %s"), text));
      if (r->problems->len > 0)
        g_array_index (r->problems, Problem, r->problems->len - 1).from_libxml = TRUE;
    }
  else if (error->domain == XML_FROM_IO)
    _crk_reader_add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_IO, 0,
                                  g_strdup_printf (_ ("cannot read: %s"), text));
  else
    {
      CrkImportError code = CRK_IMPORT_ERROR_MALFORMED;

      /* The first fatal error says it; libxml2 adds follow-ons at the same place, also
       * after a namespace error (a file cut inside "xml:lang" gives both). */
      if (r->broken)
        return;
      if (error->level == XML_ERR_FATAL)
        r->broken = TRUE;
      if (r->syntax_line > 0 && r->syntax_line == MAX (error->line, 1) &&
          r->syntax_column == error->int2)
        return;
      r->syntax_line = MAX (error->line, 1);
      r->syntax_column = error->int2;

      if (error->code == XML_ERR_ENTITY_LOOP || error->code == XML_ERR_EXT_ENTITY_STANDALONE)
        code = CRK_IMPORT_ERROR_HOSTILE;
      if (strstr (text, "Excessive depth") != NULL)
        _crk_reader_add_problem_full (
          r, 0, MAX (error->line, 1), error->int2, CRK_IMPORT_ERROR_HOSTILE, 0,
          g_strdup_printf (_ ("elements are nested deeper than %d levels; refusing the file"),
                           CRK_DATASET_MAX_DEPTH));
      else if (strstr (text, "huge") != NULL || strstr (text, "too long") != NULL)
        _crk_reader_add_problem_full (
          r, 0, MAX (error->line, 1), error->int2, CRK_IMPORT_ERROR_HOSTILE, 0,
          g_strdup_printf (_ ("a text or attribute is longer than %d bytes; refusing the file"),
                           CRK_DATASET_MAX_TEXT_LENGTH));
      else if (crk_xml_error_is_truncation (
                 error, r->data != NULL ? (guint64) r->length : (guint64) MAX (r->size, 0)))
        _crk_reader_add_problem_full (r, 0, MAX (error->line, 1), error->int2, code, 0,
                                      crk_xml_describe_truncation (error));
      else
        /* TRANSLATORS: %s is libxml2's (English) description of the syntax error */
        _crk_reader_add_problem_full (r, 0, MAX (error->line, 1), error->int2, code, 0,
                                      g_strdup_printf (_ ("not well-formed XML: %s"), text));
    }
}

/* At </dataset>; problems are put at <dataset>. */
void
_crk_reader_check_sections (Reader *r, Frame *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_sections); i++)
    if ((r->sections & required_sections[i].bit) == 0)
      _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_SCHEMA,
                               _ ("does not match the schema: the dataset has no <%s>"),
                               required_sections[i].name);
}
