/* crk-dataset-reader.c: reading the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-dataset-reader.h"
#include "crk-io-limits.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "crk-csv-import.h"
#include "crk-dataset-format.h"
#include "crk-dataset-rules.h"
#include "crk-io-resources.h"

/* How the reader works
 *
 * One pass of xmlTextReader over the file, validating against the RELAX NG schema while
 * streaming, builds the model as it goes and collects every problem: the schema's, and
 * those of meaning (codes, the framework tree, weights, years, values). No DOM is built;
 * values go straight into the dataset's panel. Once the document is read, the rules that
 * every reader shares (crk-dataset-rules.c) are checked on the dataset.
 *
 * Locations: libxml2 keeps line numbers of elements in 16 bits and no columns, so every
 * problem is tied to the ordinal of its element (the n-th start tag of the document).
 * When there are problems, a second, cheap pass over the raw bytes turns ordinals into
 * exact lines and columns (columns count characters, from 1, at the element's "<").
 *
 * Safety: before parsing, the prolog is scanned and any DOCTYPE is refused, so no DTD,
 * no entity (internal or external) ever reaches the parser; the parser runs without
 * network, DTD loading, entity substitution or the "huge" option; depth, text lengths,
 * the file size, the panel size and the number of problems are bounded. */

#define PROLOG_SCAN_LIMIT (64 * 1024)
#define PROGRESS_EVERY 4096

/* Sections of <dataset> the reader checks itself (see streaming_schema()) */
#define REQUIRED_CITIES (1u << 0)
#define REQUIRED_INDICATORS (1u << 1)
#define REQUIRED_VALUES (1u << 2)

/* The sections of <dataset> that the format requires and the streaming schema leaves
 * optional (see streaming_schema()): the reader checks them at </dataset>. */
static const struct
{
  guint bit;
  const char *name;
} required_sections[] = {
  { REQUIRED_CITIES, "cities" },
  { REQUIRED_INDICATORS, "indicators" },
  { REQUIRED_VALUES, "values" },
};

/* Problems, located by element ordinal until the end */

typedef struct
{
  gint64 ordinal; /* element ordinal, 0 when unknown */
  int line;       /* when known directly (parser errors, prolog) */
  int column;
  CrkImportError code;
  char *message;
  gint64 ref_ordinal;   /* "first at line N" */
  gboolean from_libxml; /* a schema message of libxml2 */
} Problem;

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->message);
}

/* Elements, by their place in the document */

typedef enum
{
  E_UNKNOWN,
  E_DATASET,
  E_METADATA,
  E_TITLE,
  E_EDITION,
  E_PUBLISHER,
  E_SOURCE,
  E_LICENCE,
  E_NOTES,
  E_YEARS,
  E_CITIES,
  E_CITY,
  E_CITY_NAME,
  E_CITY_ATTRIBUTE,
  E_REFERENCE_RANK,
  E_GROUPS,
  E_GROUP,
  E_GROUP_NAME,
  E_INDICATORS,
  E_INDICATOR,
  E_IND_NAME,
  E_IND_DESCRIPTION,
  E_IND_SOURCE,
  E_GOALPOSTS,
  E_FRAMEWORK,
  E_NODE,
  E_NODE_NAME,
  E_INDICATOR_REF,
  E_METHOD,
  E_DENOMINATION,
  E_IMPUTATION,
  E_TREATMENT,
  E_NORMALISATION,
  E_NORM_INDICATOR,
  E_WEIGHTS,
  E_WEIGHT,
  E_AGGREGATION,
  E_AGG_LEVEL,
  E_AGG_NODE,
  E_AVAILABILITY,
  E_TIERS,
  E_TIER,
  E_TIER_NAME,
  E_BASE_YEAR,
  E_GROUP_RANKS,
  E_VALUES,
  E_V_CITY,
  E_V_YEAR,
  E_V,
  E_ROOT, /* the document itself, parent of the root element */
} Elem;

typedef struct
{
  Elem parent;
  const char *name;
  Elem elem;
} Transition;

static const Transition transitions[] = {
  {E_ROOT, "dataset", E_DATASET},
  {E_DATASET, "metadata", E_METADATA},
  {E_DATASET, "cities", E_CITIES},
  {E_DATASET, "groups", E_GROUPS},
  {E_DATASET, "indicators", E_INDICATORS},
  {E_DATASET, "framework", E_FRAMEWORK},
  {E_DATASET, "method", E_METHOD},
  {E_DATASET, "values", E_VALUES},
  {E_METADATA, "title", E_TITLE},
  {E_METADATA, "edition", E_EDITION},
  {E_METADATA, "publisher", E_PUBLISHER},
  {E_METADATA, "source", E_SOURCE},
  {E_METADATA, "licence", E_LICENCE},
  {E_METADATA, "notes", E_NOTES},
  {E_METADATA, "years", E_YEARS},
  {E_CITIES, "city", E_CITY},
  {E_CITY, "name", E_CITY_NAME},
  {E_CITY, "attribute", E_CITY_ATTRIBUTE},
  {E_CITY, "reference-rank", E_REFERENCE_RANK},
  {E_GROUPS, "group", E_GROUP},
  {E_GROUP, "name", E_GROUP_NAME},
  {E_INDICATORS, "indicator", E_INDICATOR},
  {E_INDICATOR, "name", E_IND_NAME},
  {E_INDICATOR, "description", E_IND_DESCRIPTION},
  {E_INDICATOR, "source", E_IND_SOURCE},
  {E_INDICATOR, "goalposts", E_GOALPOSTS},
  {E_FRAMEWORK, "node", E_NODE},
  {E_NODE, "node", E_NODE},
  {E_NODE, "name", E_NODE_NAME},
  {E_NODE, "indicator-ref", E_INDICATOR_REF},
  {E_METHOD, "denomination", E_DENOMINATION},
  {E_METHOD, "imputation", E_IMPUTATION},
  {E_METHOD, "treatment", E_TREATMENT},
  {E_METHOD, "normalisation", E_NORMALISATION},
  {E_NORMALISATION, "indicator", E_NORM_INDICATOR},
  {E_METHOD, "weights", E_WEIGHTS},
  {E_WEIGHTS, "weight", E_WEIGHT},
  {E_METHOD, "aggregation", E_AGGREGATION},
  {E_AGGREGATION, "level", E_AGG_LEVEL},
  {E_AGGREGATION, "node", E_AGG_NODE},
  {E_METHOD, "availability", E_AVAILABILITY},
  {E_METHOD, "tiers", E_TIERS},
  {E_TIERS, "tier", E_TIER},
  {E_TIER, "name", E_TIER_NAME},
  {E_METHOD, "base-year", E_BASE_YEAR},
  {E_METHOD, "group-ranks", E_GROUP_RANKS},
  {E_VALUES, "city", E_V_CITY},
  {E_V_CITY, "year", E_V_YEAR},
  {E_V_YEAR, "v", E_V},
};

/* Elements whose text content the reader needs. */
static gboolean
elem_has_text (Elem elem)
{
  switch (elem)
    {
      case E_TITLE:
      case E_EDITION:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_LICENCE:
      case E_NOTES:
      case E_YEARS:
      case E_CITY_NAME:
      case E_CITY_ATTRIBUTE:
      case E_REFERENCE_RANK:
      case E_GROUP_NAME:
      case E_IND_NAME:
      case E_IND_DESCRIPTION:
      case E_IND_SOURCE:
      case E_NODE_NAME:
      case E_WEIGHT:
      case E_TIER_NAME:
      case E_BASE_YEAR:
      case E_V:
        return TRUE;
      default:
        return FALSE;
    }
}

typedef struct
{
  Elem elem;
  xmlNodePtr node; /* only compared, to place schema errors */
  gint64 ordinal;
  gboolean zh;             /* xml:lang="zh-CN" */
  char *aux;               /* an attribute kept for the end of the element */
  int number;              /* a number kept for the end of the element */
  CrkFrameworkNode *fnode; /* owned */
  gboolean schema_error;   /* libxml2 reported this element */
} Frame;

typedef struct
{
  char *code;
  gint64 ordinal;
  CrkRuleSubject what; /* a weight, node aggregation or normalisation of the method */
} MethodRef;

typedef struct
{
  /* input */
  const char *name; /* the file as the caller names it, for messages */
  const char *path; /* NULL when reading from memory */
  const char *data; /* when reading from memory */
  gsize length;
  goffset size;
  FILE *file;       /* when reading a file */
  guint64 consumed; /* bytes handed to the parser */
  GCancellable *cancellable;
  void (*progress) (double fraction, gpointer user_data);
  gpointer progress_data;

  gboolean trusted; /* no schema validation: see crk_dataset_read_trusted_bytes() */

  xmlTextReaderPtr reader;
  CrkDataset *dataset;

  /* problems */
  GArray *problems;  /* Problem */
  gboolean stop;     /* hostile input or too many problems */
  gint64 n_elements; /* ordinal of the last element seen */
  gboolean broken;   /* the parser gave up: not well-formed */
  int syntax_line;   /* where the last syntax error was, 0 before any */
  int syntax_column;

  /* open elements */
  Frame stack[CRK_DATASET_MAX_DEPTH + 1];
  int depth; /* number of open elements */
  xmlNodePtr last_empty_node;
  gint64 last_empty_ordinal;
  gint64 pending_error_ordinal; /* schema error on an element not yet seen */

  /* text content and attributes */
  GString *text;
  gboolean capturing;
  GString *slots[8];

  /* metadata, cities, indicators, framework */
  CrkCity *city;
  CrkIndicator *indicator;
  GHashTable *city_ordinals;      /* code -> ordinal */
  GHashTable *indicator_ordinals; /* code -> ordinal */
  GHashTable *node_ordinals;      /* code -> ordinal, inner nodes and leaves */
  GHashTable *referenced;         /* indicator code -> ordinal of its leaf */
  CrkFrameworkNode *root;
  gboolean has_framework;
  gboolean framework_incomplete; /* a node of the file is not in the tree */

  /* group names */
  GHashTable *group_ordinals; /* "attribute\x1fvalue" -> ordinal of the group naming it */
  char *group_attribute;
  char *group_value;
  char *group_name;
  char *group_name_zh;

  /* method */
  CrkMethod *method;
  GArray *method_refs; /* MethodRef */
  CrkTierRule tier_rule;
  GArray *tiers; /* CrkTier */

  /* values */
  gboolean in_values;
  int v_city;
  int v_year;
  int v_year_value;
  int v_indicator;
  CrkValueStatus v_status;
  char *v_note;
  guint sections;          /* REQUIRED_* sections of <dataset> read */
  gboolean values_refused; /* over the memory budget: values are no longer read */
  GHashTable *empty_cells; /* cells given with no value, status or note: guint64 keys */
  guint64 n_values;
  guint n_cities, n_indicators, n_years;
} Reader;

static void
add_problem_full (Reader *r,
                  gint64 ordinal,
                  int line,
                  int column,
                  CrkImportError code,
                  gint64 ref_ordinal,
                  char *message)
{
  Problem p = {ordinal, line, column, code, message, ref_ordinal, FALSE};

  if (r->stop)
    {
      g_free (message);
      return;
    }
  if (r->problems->len >= CRK_DATASET_MAX_PROBLEMS)
    {
      g_free (message);
      p.message = g_strdup (_ ("too many problems; stopping here"));
      p.code = CRK_IMPORT_ERROR_INVALID;
      p.ref_ordinal = 0;
      r->stop = TRUE;
    }
  g_array_append_val (r->problems, p);
  if (code == CRK_IMPORT_ERROR_HOSTILE)
    r->stop = TRUE;
}

/* A problem at the element with @ordinal. */
static void add_problem (Reader *r, gint64 ordinal, CrkImportError code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
add_problem (Reader *r,
             gint64 ordinal,
             CrkImportError code,
             const char *format,
             ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem_full (r, ordinal, 0, 0, code, 0, message);
}

/* A duplicate: a problem at @ordinal that also names the line of @first. */
static void add_duplicate (Reader *r, gint64 ordinal, gint64 first, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
add_duplicate (Reader *r,
               gint64 ordinal,
               gint64 first,
               const char *format,
               ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem_full (r, ordinal, 0, 0, CRK_IMPORT_ERROR_INVALID, first, message);
}

/* The schema, parsed once */

static xmlRelaxNGPtr schema_compiled;
static char *schema_error;

static char *clean_libxml_message (const char *message);

static void
schema_parse_error_cb (void *user_data,
                       xmlErrorPtr error)
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
 * checks them at </dataset> (check_sections()).
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

  for (xmlNodePtr n = root != NULL ? root->children : NULL; n != NULL && element == NULL; n = n->next)
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

static xmlRelaxNGPtr
get_schema (GError **error)
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
ordinal_of_node (Reader *r,
                 xmlNodePtr node)
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

static void
structured_error_cb (void *user_data,
                     xmlErrorPtr error)
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
      add_problem_full (r, ordinal, ordinal > 0 ? 0 : error->line, 0, CRK_IMPORT_ERROR_SCHEMA, 0,
                        g_strdup_printf (_ ("does not match the schema: %s"), text));
      if (r->problems->len > 0)
        g_array_index (r->problems, Problem, r->problems->len - 1).from_libxml = TRUE;
    }
  else if (error->domain == XML_FROM_IO)
    add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_IO, 0, g_strdup_printf (_ ("cannot read: %s"), text));
  else
    {
      CrkImportError code = CRK_IMPORT_ERROR_MALFORMED;

      /* The first fatal error says it; libxml2 adds follow-ons at the same place, also
       * after a namespace error (a file cut inside "xml:lang" gives both). */
      if (r->broken)
        return;
      if (error->level == XML_ERR_FATAL)
        r->broken = TRUE;
      if (r->syntax_line > 0 && r->syntax_line == MAX (error->line, 1) && r->syntax_column == error->int2)
        return;
      r->syntax_line = MAX (error->line, 1);
      r->syntax_column = error->int2;

      if (error->code == XML_ERR_ENTITY_LOOP || error->code == XML_ERR_EXT_ENTITY_STANDALONE)
        code = CRK_IMPORT_ERROR_HOSTILE;
      if (strstr (text, "Excessive depth") != NULL)
        add_problem_full (r, 0, MAX (error->line, 1), error->int2, CRK_IMPORT_ERROR_HOSTILE, 0,
                          g_strdup_printf (_ ("elements are nested deeper than %d levels; refusing the file"),
                                           CRK_DATASET_MAX_DEPTH));
      else if (strstr (text, "huge") != NULL || strstr (text, "too long") != NULL)
        add_problem_full (r, 0, MAX (error->line, 1), error->int2, CRK_IMPORT_ERROR_HOSTILE, 0,
                          g_strdup_printf (_ ("a text or attribute is longer than %d bytes; refusing the file"),
                                           CRK_DATASET_MAX_TEXT_LENGTH));
      else
        /* TRANSLATORS: %s is libxml2's (English) description of the syntax error */
        add_problem_full (r, 0, MAX (error->line, 1), error->int2, code, 0,
                          g_strdup_printf (_ ("not well-formed XML: %s"), text));
    }
}

/* The prolog: refuse DOCTYPE (and with it every entity) and encodings other than UTF-8 */

typedef struct
{
  const guint8 *p, *end;
  int line, column;
} Cursor;

static void
cursor_advance (Cursor *c,
                gsize n)
{
  for (gsize i = 0; i < n && c->p < c->end; i++, c->p++)
    {
      if (*c->p == '\n' || (*c->p == '\r' && (c->p + 1 >= c->end || c->p[1] != '\n')))
        {
          c->line++;
          c->column = 1;
        }
      else if ((*c->p & 0xc0) != 0x80 && *c->p != '\r')
        c->column++;
    }
}

static gboolean
cursor_looking_at (Cursor *c,
                   const char *s)
{
  gsize n = strlen (s);

  return (gsize) (c->end - c->p) >= n && memcmp (c->p, s, n) == 0;
}

/* Moves past @s; FALSE when the buffer ends first. */
static gboolean
cursor_skip_past (Cursor *c,
                  const char *s)
{
  while (c->p < c->end)
    {
      if (cursor_looking_at (c, s))
        {
          cursor_advance (c, strlen (s));
          return TRUE;
        }
      cursor_advance (c, 1);
    }
  return FALSE;
}

/* Returns FALSE (with a problem) when the file must not be parsed. */
static gboolean
check_prolog (Reader *r,
              const guint8 *data,
              gsize length,
              gboolean whole)
{
  Cursor c = {data, data + length, 1, 1};

  if (length == 0)
    {
      add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_MALFORMED, 0, g_strdup (_ ("the file is empty")));
      return FALSE;
    }
  if (length >= 2 && ((data[0] == 0xfe && data[1] == 0xff) || (data[0] == 0xff && data[1] == 0xfe) || data[0] == 0 || data[1] == 0))
    {
      add_problem_full (r, 0, 1, 1, CRK_IMPORT_ERROR_MALFORMED, 0,
                        g_strdup (_ ("the file is not UTF-8 (it looks like UTF-16 or UTF-32); the format is UTF-8")));
      return FALSE;
    }
  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    c.p += 3;

  if (cursor_looking_at (&c, "<?xml") && c.p + 5 < c.end && g_ascii_isspace (c.p[5]))
    {
      const guint8 *start = c.p;
      const guint8 *decl_end;
      g_autofree char *decl = NULL;
      const char *enc;

      if (!cursor_skip_past (&c, "?>"))
        return TRUE; /* the parser reports it */
      decl_end = c.p;
      decl = g_strndup ((const char *) start, decl_end - start);
      enc = strstr (decl, "encoding");
      if (enc != NULL)
        {
          const char *q = enc + strlen ("encoding");

          while (g_ascii_isspace (*q) || *q == '=')
            q++;
          if (*q == '"' || *q == '\'')
            {
              char quote = *q++;
              const char *e = strchr (q, quote);

              if (e != NULL)
                {
                  g_autofree char *name = g_strndup (q, e - q);

                  if (g_ascii_strcasecmp (name, "UTF-8") != 0)
                    {
                      add_problem_full (r, 0, 1, 1, CRK_IMPORT_ERROR_MALFORMED, 0,
                                        g_strdup_printf (_ ("the file declares the encoding “%s”; the format is UTF-8"),
                                                         g_utf8_validate (name, -1, NULL) ? name : "?"));
                      return FALSE;
                    }
                }
            }
        }
    }

  for (;;)
    {
      while (c.p < c.end && g_ascii_isspace (*c.p))
        cursor_advance (&c, 1);
      if (c.p >= c.end)
        break;
      if (cursor_looking_at (&c, "<!--"))
        {
          if (!cursor_skip_past (&c, "-->"))
            break;
        }
      else if (cursor_looking_at (&c, "<?"))
        {
          if (!cursor_skip_past (&c, "?>"))
            break;
        }
      else if (cursor_looking_at (&c, "<!"))
        {
          add_problem_full (r, 0, c.line, c.column, CRK_IMPORT_ERROR_HOSTILE, 0,
                            g_strdup (_ ("the file has a document type declaration (DOCTYPE); "
                                         "DTDs and entities are refused for safety")));
          return FALSE;
        }
      else if (*c.p != '<')
        {
          add_problem_full (r, 0, c.line, c.column, CRK_IMPORT_ERROR_MALFORMED, 0,
                            g_strdup (_ ("this is not an XML file (the document does not start with “<”)")));
          return FALSE;
        }
      else
        return TRUE; /* the root element */
    }

  if (!whole)
    {
      add_problem_full (r, 0, c.line, c.column, CRK_IMPORT_ERROR_HOSTILE, 0,
                        g_strdup_printf (_ ("the part before the first element is longer than %d bytes; refusing the file"),
                                         PROLOG_SCAN_LIMIT));
      return FALSE;
    }
  return TRUE;
}

/* Ordinals to lines and columns: a second pass over the bytes */

typedef struct
{
  gint64 ordinal;
  int line;
  int column;
} Place;

typedef struct
{
  /* lexer state */
  int state;
  int match; /* progress through a closing delimiter */
  int line, column;
  int lt_line, lt_column;
  gint64 ordinal;
  gboolean started;
  gboolean prev_cr;
  /* wanted */
  Place *places; /* sorted by ordinal */
  guint n_places, next;
  GHashTable *line_columns; /* line -> column of its first element, for lines wanted */
} Locator;

enum
{
  L_TEXT,
  L_LT,
  L_BANG,
  L_BANG_DASH,
  L_COMMENT,
  L_CDATA_OPEN,
  L_CDATA,
  L_PI,
  L_DECL
};

static void
locator_element (Locator *l)
{
  gpointer key = GINT_TO_POINTER (l->lt_line);

  l->ordinal++;
  while (l->next < l->n_places && l->places[l->next].ordinal <= l->ordinal)
    {
      if (l->places[l->next].ordinal == l->ordinal)
        {
          l->places[l->next].line = l->lt_line;
          l->places[l->next].column = l->lt_column;
        }
      l->next++;
    }
  if (g_hash_table_contains (l->line_columns, key) && GPOINTER_TO_INT (g_hash_table_lookup (l->line_columns, key)) == 0)
    g_hash_table_insert (l->line_columns, key, GINT_TO_POINTER (l->lt_column));
}

static void
locator_feed (Locator *l,
              const guint8 *data,
              gsize length)
{
  static const char cdata[] = "[CDATA[";

  /* A UTF-8 byte order mark takes no column. */
  if (!l->started && length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }
  l->started = TRUE;

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      switch (l->state)
        {
          case L_TEXT:
            if (b == '<')
              {
                l->state = L_LT;
                l->lt_line = l->line;
                l->lt_column = l->column;
              }
            break;
          case L_LT:
            if (b == '!')
              l->state = L_BANG;
            else if (b == '?')
              {
                l->state = L_PI;
                l->match = 0;
              }
            else if (b == '/')
              l->state = L_TEXT;
            else
              {
                locator_element (l);
                l->state = L_TEXT;
              }
            break;
          case L_BANG:
            if (b == '-')
              l->state = L_BANG_DASH;
            else if (b == '[')
              {
                l->state = L_CDATA_OPEN;
                l->match = 2;
              }
            else
              l->state = L_DECL;
            break;
          case L_BANG_DASH:
            l->state = L_COMMENT;
            l->match = 0;
            break;
          case L_COMMENT:
            if (b == '-')
              l->match = MIN (l->match + 1, 2);
            else if (b == '>' && l->match == 2)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_CDATA_OPEN:
            if (cdata[l->match - 1] == (char) b && l->match < (int) sizeof cdata - 1)
              l->match++;
            else
              l->state = L_TEXT;
            if (l->match == (int) sizeof cdata - 1)
              {
                l->state = L_CDATA;
                l->match = 0;
              }
            break;
          case L_CDATA:
            if (b == ']')
              l->match = MIN (l->match + 1, 2);
            else if (b == '>' && l->match == 2)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_PI:
            if (b == '?')
              l->match = 1;
            else if (b == '>' && l->match == 1)
              l->state = L_TEXT;
            else
              l->match = 0;
            break;
          case L_DECL:
            if (b == '>')
              l->state = L_TEXT;
            break;
          default:
            g_assert_not_reached ();
        }

      /* Line ends as XML counts them: LF, CRLF or a lone CR. */
      if (b == '\n')
        {
          if (!l->prev_cr)
            l->line++;
          l->column = 1;
        }
      else if (b == '\r')
        {
          l->line++;
          l->column = 1;
        }
      else if ((b & 0xc0) != 0x80)
        l->column++;
      l->prev_cr = b == '\r';
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *x = a, *y = b;

  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* Fills in the line and column of every problem located by ordinal, and the column of
 * problems that have only a line. */
static void
locate_problems (Reader *r)
{
  Locator l = {0};
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));
  gint64 max_ordinal = 0;
  int max_line = 0;

  l.line_columns = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);
      gint64 ords[2] = {p->ordinal, p->ref_ordinal};

      for (guint k = 0; k < 2; k++)
        if (ords[k] > 0)
          {
            Place place = {ords[k], 0, 0};

            g_array_append_val (places, place);
            max_ordinal = MAX (max_ordinal, ords[k]);
          }
      if (p->ordinal <= 0 && p->line > 0 && p->column <= 0)
        {
          g_hash_table_insert (l.line_columns, GINT_TO_POINTER (p->line), GINT_TO_POINTER (0));
          max_line = MAX (max_line, p->line);
        }
    }
  if (places->len == 0 && max_line == 0)
    goto out;

  g_array_sort (places, compare_places);
  l.places = (Place *) places->data;
  l.n_places = places->len;
  l.line = l.column = 1;

  if (r->path == NULL)
    locator_feed (&l, (const guint8 *) r->data, r->length);
  else
    {
      FILE *f = fopen (r->path, "rb");
      guint8 buffer[64 * 1024];
      size_t n;

      if (f == NULL)
        goto out;
      while ((n = fread (buffer, 1, sizeof buffer, f)) > 0)
        {
          locator_feed (&l, buffer, n);
          if (l.ordinal >= max_ordinal && l.line > max_line)
            break;
        }
      fclose (f);
    }

  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);

      for (guint k = 0; k < places->len; k++)
        {
          Place *place = &g_array_index (places, Place, k);

          if (place->ordinal == p->ordinal && place->line > 0)
            {
              p->line = place->line;
              p->column = place->column;
            }
          if (place->ordinal == p->ref_ordinal && place->line > 0)
            {
              char *message = g_strdup_printf (_ ("%s (first at line %d)"), p->message, place->line);

              g_free (p->message);
              p->message = message;
              p->ref_ordinal = 0;
            }
        }
      if (p->ordinal <= 0 && p->line > 0 && p->column <= 0)
        p->column = GPOINTER_TO_INT (g_hash_table_lookup (l.line_columns, GINT_TO_POINTER (p->line)));
    }

out:
  g_hash_table_unref (l.line_columns);
  g_array_unref (places);
}

/* Attributes and text */

static void
check_length (Reader *r,
              gsize length)
{
  if (length > CRK_DATASET_MAX_TEXT_LENGTH)
    add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                 _ ("a text or attribute is longer than %d bytes; refusing the file"),
                 CRK_DATASET_MAX_TEXT_LENGTH);
}

/* Reads the attributes named in @names (no namespace; "xml:lang" for the XML one) into
 * @values (NULL when absent; valid until the next call). */
static void
read_attributes (Reader *r,
                 const char *const *names,
                 const char **values)
{
  guint n = g_strv_length ((char **) names);

  g_assert (n <= G_N_ELEMENTS (r->slots));
  for (guint i = 0; i < n; i++)
    values[i] = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r->reader) != 1)
    return;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (r->reader);
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
      gboolean xml_ns = ns != NULL && strcmp (ns, (const char *) XML_XML_NAMESPACE) == 0;

      if (local == NULL || (ns != NULL && *ns != '\0' && !xml_ns))
        continue;
      for (guint i = 0; i < n; i++)
        {
          gboolean match = xml_ns ? (g_str_has_prefix (names[i], "xml:") && strcmp (names[i] + 4, local) == 0)
                                  : strcmp (names[i], local) == 0;

          if (match)
            {
              const char *value = (const char *) xmlTextReaderConstValue (r->reader);
              gsize len = value != NULL ? strlen (value) : 0;

              check_length (r, len);
              g_string_truncate (r->slots[i], 0);
              g_string_append_len (r->slots[i], value != NULL ? value : "", len);
              values[i] = r->slots[i]->str;
              break;
            }
        }
    }
  while (xmlTextReaderMoveToNextAttribute (r->reader) == 1);
  xmlTextReaderMoveToElement (r->reader);
}

static const char *
read_attribute (Reader *r,
                const char *name)
{
  const char *names[] = {name, NULL};
  const char *value;

  read_attributes (r, names, &value);
  return value;
}

/* The text content, without leading and trailing white space; NULL when empty. */
static const char *
text_value (Reader *r)
{
  char *s = r->text->str;
  gsize len = r->text->len;

  while (len > 0 && g_ascii_isspace (s[len - 1]))
    s[--len] = '\0';
  r->text->len = len;
  while (g_ascii_isspace (*s))
    s++;
  return *s != '\0' ? s : NULL;
}

/* Plain decimals with at most 15 significant digits and a small exponent are exact in
 * one multiplication or division of exact doubles (Clinger's fast path), so correctly
 * rounded; everything else goes to g_ascii_strtod(). */
static gboolean
parse_simple_decimal (const char *s,
                      double *out)
{
  static const double powers[] = {
    1e0,
    1e1,
    1e2,
    1e3,
    1e4,
    1e5,
    1e6,
    1e7,
    1e8,
    1e9,
    1e10,
    1e11,
    1e12,
    1e13,
    1e14,
    1e15,
    1e16,
    1e17,
    1e18,
    1e19,
    1e20,
    1e21,
    1e22,
  };
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int digits = 0, fraction = 0;
  gboolean any = FALSE;
  double v;

  if (*s == '-' || *s == '+')
    negative = *s++ == '-';
  while (*s == '0')
    {
      s++;
      any = TRUE;
    }
  for (; g_ascii_isdigit (*s); s++, any = TRUE)
    {
      mantissa = mantissa * 10 + (guint64) (*s - '0');
      if (++digits > 15)
        return FALSE;
    }
  if (*s == '.')
    {
      s++;
      for (; g_ascii_isdigit (*s); s++, any = TRUE)
        {
          if (mantissa == 0 && *s == '0')
            {
              fraction++;
              continue;
            }
          mantissa = mantissa * 10 + (guint64) (*s - '0');
          fraction++;
          if (++digits > 15)
            return FALSE;
        }
    }
  while (g_ascii_isspace (*s))
    s++;
  if (!any || *s != '\0' || fraction >= (int) G_N_ELEMENTS (powers))
    return FALSE;
  v = fraction > 0 ? (double) mantissa / powers[fraction] : (double) mantissa;
  *out = negative ? -v : v;
  return TRUE;
}

/* Numbers as the format writes them: xsd:double lexical forms. */
static gboolean
parse_double (const char *s,
              double *out)
{
  char *end;
  double v;

  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '\0')
    return FALSE;
  if (parse_simple_decimal (s, out))
    return TRUE;
  if (strcmp (s, "NaN") == 0)
    v = NAN;
  else if (strcmp (s, "INF") == 0 || strcmp (s, "+INF") == 0)
    v = INFINITY;
  else if (strcmp (s, "-INF") == 0)
    v = -INFINITY;
  else
    {
      /* Only digits, signs, points and exponents: strtod would also take hex and "inf". */
      for (const char *p = s; *p != '\0' && !g_ascii_isspace (*p); p++)
        if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
          return FALSE;
      errno = 0;
      v = g_ascii_strtod (s, &end);
      if (end == s)
        return FALSE;
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0')
        return FALSE;
      if (errno == ERANGE && isinf (v))
        return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_int (const char *s,
           gint64 min,
           gint64 max,
           gint64 *out)
{
  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '+')
    s++;
  return g_ascii_string_to_signed (s, 10, min, max, out, NULL);
}

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

static gboolean
is_zh (const char *lang)
{
  return lang != NULL && g_ascii_strcasecmp (lang, "zh-CN") == 0;
}

/* Start and end of elements */

static void
start_values (Reader *r)
{
  g_autofree char *message = NULL;

  r->in_values = TRUE;
  r->n_cities = crk_dataset_get_n_cities (r->dataset);
  r->n_indicators = crk_dataset_get_n_indicators (r->dataset);
  r->n_years = crk_dataset_get_n_years (r->dataset);
  /* Years cost nothing until they hold values; ranking a year costs the whole grid of
   * cities × indicators. */
  if (!crk_io_check_grid (r->n_cities, r->n_indicators, &message))
    {
      add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      r->values_refused = TRUE;
    }
}

typedef enum
{
  STORED,
  GIVEN_BEFORE, /* a second value of the cell */
  REFUSED,      /* over the budget, or out of memory */
} StoreOutcome;

static guint64
cell_key (Reader *r)
{
  return ((guint64) r->v_year * r->n_indicators + r->v_indicator) * r->n_cities + r->v_city;
}

/* The cells given with no value, status or note, which the dataset does not hold. */
static gboolean
given_empty (Reader *r)
{
  guint64 cell = cell_key (r);

  return r->empty_cells != NULL && g_hash_table_contains (r->empty_cells, &cell);
}

static void
remember_empty_cell (Reader *r)
{
  guint64 cell = cell_key (r);

  if (r->empty_cells == NULL)
    r->empty_cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (r->empty_cells, g_memdup2 (&cell, sizeof cell));
}

/* Stores the value of the current <v>. A second value of a cell is found as it is set
 * (the file is refused then, so it does not matter that it replaced the first). */
static StoreOutcome
store_value (Reader *r,
             double value)
{
  g_autofree char *message = NULL;
  gboolean was_held = FALSE;
  gboolean empty = isnan (value) && r->v_status == CRK_VALUE_STATUS_OBSERVED;

  if (++r->n_values % 4096 == 0 && !crk_io_check_values (r->n_values, &message))
    {
      add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return REFUSED;
    }
  if (given_empty (r))
    return GIVEN_BEFORE;
  if (empty)
    was_held = crk_dataset_has_cell (r->dataset, r->v_city, r->v_indicator, r->v_year);
  else if (!crk_dataset_try_set_value (r->dataset, r->v_city, r->v_indicator, r->v_year, value,
                                       r->v_status, &was_held))
    {
      add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE, _ ("out of memory; refusing the file"));
      return REFUSED;
    }
  if (was_held)
    return GIVEN_BEFORE;
  if (empty && r->v_note == NULL)
    remember_empty_cell (r);
  if (r->v_note != NULL)
    crk_dataset_set_value_note (r->dataset, r->v_city, r->v_indicator, r->v_year, r->v_note);
  return STORED;
}

/* A node's weight as written (1 when absent); crk_dataset_check_rules() checks it. */
static double
read_weight (const char *weight_s)
{
  double weight;

  if (weight_s == NULL || !parse_double (weight_s, &weight))
    return 1.0; /* the schema reports a bad number */
  return weight;
}

/* Records a framework node code (inner or leaf) and reports a repeat. */
static gboolean
take_node_code (Reader *r,
                const char *code)
{
  gpointer first = g_hash_table_lookup (r->node_ordinals, code);

  if (first != NULL)
    {
      add_duplicate (r, r->n_elements, *(gint64 *) first,
                     _ ("the framework node code “%s” is used twice"), code);
      r->framework_incomplete = TRUE;
      return FALSE;
    }
  g_hash_table_insert (r->node_ordinals, g_strdup (code), g_memdup2 (&r->n_elements, sizeof (gint64)));
  return TRUE;
}

static void
append_to_parent (Reader *r,
                  Frame *f,
                  CrkFrameworkNode *node)
{
  Frame *parent = r->depth >= 2 ? &r->stack[r->depth - 2] : NULL;

  if (parent != NULL && parent->elem == E_NODE && parent->fnode != NULL)
    crk_framework_node_append_child (parent->fnode, node);
  else if (parent != NULL && parent->elem == E_FRAMEWORK && r->root == NULL)
    r->root = g_object_ref (node);
  else
    r->framework_incomplete = TRUE; /* a second root, or under a node refused */
}

static void
read_normalisation (Reader *r,
                    CrkNormalisation *mode,
                    double *p1,
                    double *p2,
                    const char **code)
{
  static const char *const names[] = {"mode", "low", "high", "mean", "sd", "code", NULL};
  const char *v[7];

  read_attributes (r, names, v);
  *code = v[5];
  if (v[0] == NULL || !crk_normalisation_from_string (v[0], mode))
    *mode = CRK_NORMALISATION_MINMAX;
  if (*mode == CRK_NORMALISATION_ZSCORE)
    {
      *p1 = 0;
      *p2 = 1;
      if (v[3] != NULL)
        parse_double (v[3], p1);
      if (v[4] != NULL)
        parse_double (v[4], p2);
    }
  else
    {
      *p1 = 0;
      *p2 = 100;
      if (v[1] != NULL)
        parse_double (v[1], p1);
      if (v[2] != NULL)
        parse_double (v[2], p2);
    }
}

static void
clear_tiers (GArray *tiers)
{
  for (guint i = 0; i < tiers->len; i++)
    {
      g_free (g_array_index (tiers, CrkTier, i).name);
      g_free (g_array_index (tiers, CrkTier, i).name_zh);
    }
  g_array_set_size (tiers, 0);
}

static void
add_method_ref (Reader *r,
                const char *code,
                gint64 ordinal,
                CrkRuleSubject what)
{
  MethodRef ref = {g_strdup (code), ordinal, what};

  g_array_append_val (r->method_refs, ref);
}

/* Records that @code first appears at element @ordinal; when it was seen before, returns
 * the ordinal of its first appearance instead (and records nothing). */
static const gint64 *
claim_code (GHashTable *ordinals,
            const char *code,
            gint64 ordinal)
{
  const gint64 *first = g_hash_table_lookup (ordinals, code);

  if (first == NULL)
    g_hash_table_insert (ordinals, g_strdup (code), g_memdup2 (&ordinal, sizeof ordinal));
  return first;
}

/* Group names */

static char *
group_key (const char *attribute,
           const char *value)
{
  return g_strconcat (attribute, "\x1f", value, NULL);
}

static void
clear_group (Reader *r)
{
  g_clear_pointer (&r->group_attribute, g_free);
  g_clear_pointer (&r->group_value, g_free);
  g_clear_pointer (&r->group_name, g_free);
  g_clear_pointer (&r->group_name_zh, g_free);
}

static void
end_group (Reader *r,
           Frame *f)
{
  g_autofree char *key = NULL;
  const gint64 *first;
  gboolean ok = TRUE;

  if (r->group_attribute == NULL)
    return;
  key = group_key (r->group_attribute, r->group_value);
  first = claim_code (r->group_ordinals, key, f->ordinal);
  if (first != NULL)
    {
      add_duplicate (r, f->ordinal, *first, _ ("the group “%s” of the attribute “%s” is named twice"),
                     r->group_value, r->group_attribute);
      ok = FALSE;
    }
  if (r->group_name == NULL && r->group_name_zh == NULL)
    {
      add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                   _ ("the group “%s” of the attribute “%s” has no name"),
                   r->group_value, r->group_attribute);
      ok = FALSE;
    }
  if (ok)
    crk_dataset_set_group_name (r->dataset, r->group_attribute, r->group_value, r->group_name,
                                r->group_name_zh);
  clear_group (r);
}

static void
start_element (Reader *r,
               Frame *f)
{
  switch (f->elem)
    {
      case E_TITLE:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_NOTES:
      case E_CITY_NAME:
      case E_GROUP_NAME:
      case E_IND_NAME:
      case E_IND_DESCRIPTION:
      case E_NODE_NAME:
      case E_TIER_NAME:
        f->zh = is_zh (read_attribute (r, "xml:lang"));
        break;

      case E_CITY:
        {
          static const char *const names[] = {"code", "province", "region", NULL};
          const char *v[3];

          read_attributes (r, names, v);
          if (!is_set (v[0]))
            break; /* the schema reports it */
          r->city = crk_city_new (v[0], NULL);
          if (v[1] != NULL && *v[1] != '\0')
            crk_city_set_province (r->city, v[1]);
          if (v[2] != NULL && *v[2] != '\0')
            crk_city_set_region (r->city, v[2]);
        }
        break;

      case E_CITY_ATTRIBUTE:
        f->aux = g_strdup (read_attribute (r, "name"));
        break;

      case E_GROUP:
        {
          static const char *const names[] = {"attribute", "value", NULL};
          const char *v[2];

          read_attributes (r, names, v);
          clear_group (r);
          if (!is_set (v[0]) || v[1] == NULL)
            break; /* the schema reports it */
          r->group_attribute = g_strdup (v[0]);
          r->group_value = g_strdup (v[1]);
        }
        break;

      case E_REFERENCE_RANK:
        {
          gint64 year = 0;

          parse_int (read_attribute (r, "year"), 1, 9999, &year);
          f->number = (int) year;
        }
        break;

      case E_INDICATOR:
        {
          static const char *const names[] = {"code", "kind", "direction", "unit", "denominator", "unit-zh", NULL};
          const char *v[6];

          read_attributes (r, names, v);
          if (!is_set (v[0]))
            break;
          r->indicator = crk_indicator_new (v[0], g_strcmp0 (v[1], "denominator") == 0 ? CRK_INDICATOR_KIND_DENOMINATOR : CRK_INDICATOR_KIND_INDICATOR);
          crk_indicator_set_direction (r->indicator, g_strcmp0 (v[2], "-1") == 0 ? -1 : 1);
          if (v[3] != NULL && *v[3] != '\0')
            crk_indicator_set_unit (r->indicator, v[3]);
          if (v[4] != NULL && *v[4] != '\0')
            crk_indicator_set_denominator (r->indicator, v[4]);
          if (v[5] != NULL && *v[5] != '\0')
            crk_indicator_set_unit_zh (r->indicator, v[5]);
        }
        break;

      case E_GOALPOSTS:
        {
          static const char *const names[] = {"low", "high", "target", NULL};
          const char *v[3];
          double x;

          read_attributes (r, names, v);
          if (r->indicator == NULL)
            break;
          if (parse_double (v[0], &x))
            crk_indicator_set_goalpost_low (r->indicator, x);
          if (parse_double (v[1], &x))
            crk_indicator_set_goalpost_high (r->indicator, x);
          if (parse_double (v[2], &x))
            crk_indicator_set_target (r->indicator, x);
        }
        break;

      case E_FRAMEWORK:
        r->has_framework = TRUE;
        break;

      case E_NODE:
      case E_INDICATOR_REF:
        {
          static const char *const names[] = {"code", "weight", NULL};
          const char *v[2];
          g_autoptr (CrkFrameworkNode) node = NULL;
          double weight;

          read_attributes (r, names, v);
          if (!is_set (v[0]))
            break;
          weight = read_weight (v[1]);
          if (f->elem == E_INDICATOR_REF)
            {
              gpointer first = g_hash_table_lookup (r->referenced, v[0]);

              if (first != NULL)
                {
                  add_duplicate (r, r->n_elements, *(gint64 *) first,
                                 _ ("the indicator “%s” appears twice in the framework"), v[0]);
                  break;
                }
              g_hash_table_insert (r->referenced, g_strdup (v[0]), g_memdup2 (&r->n_elements, sizeof (gint64)));
              if (!take_node_code (r, v[0]))
                break;
            }
          else if (crk_dataset_lookup_indicator (r->dataset, v[0]) != NULL)
            {
              add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                           _ ("the framework node code “%s” is an indicator’s code; "
                              "use <indicator-ref> for indicators"),
                           v[0]);
              r->framework_incomplete = TRUE;
              break;
            }
          else if (!take_node_code (r, v[0]))
            break;

          node = crk_framework_node_new (v[0], NULL);
          crk_framework_node_set_weight (node, weight);
          f->fnode = g_object_ref (node);
          append_to_parent (r, f, node);
        }
        break;

      case E_METHOD:
        g_clear_object (&r->method);
        r->method = crk_method_new ();
        crk_method_freeze (r->method);
        break;

      case E_DENOMINATION:
        {
          CrkDenomination mode;

          if (r->method != NULL && crk_denomination_from_string (read_attribute (r, "mode"), &mode))
            crk_method_set_denomination (r->method, mode);
        }
        break;

      case E_IMPUTATION:
        {
          static const char *const names[] = {"mode", "group", NULL};
          const char *v[2];
          CrkImputation mode;

          read_attributes (r, names, v);
          if (r->method == NULL || v[0] == NULL || !crk_imputation_from_string (v[0], &mode))
            break;
          crk_method_set_imputation (r->method, mode, v[1]);
          add_method_ref (r, "imputation", r->n_elements, CRK_RULE_METHOD);
        }
        break;

      case E_TREATMENT:
        {
          static const char *const names[] = {"mode", "skew", "kurtosis", "max-points", NULL};
          const char *v[4];
          CrkTreatment mode;
          double skew, kurtosis;
          guint max_points;
          gint64 n;

          read_attributes (r, names, v);
          if (r->method == NULL)
            break;
          if (v[0] != NULL && crk_treatment_from_string (v[0], &mode))
            crk_method_set_treatment (r->method, mode);
          crk_method_get_treatment_params (r->method, &skew, &kurtosis, &max_points);
          if (v[1] != NULL)
            parse_double (v[1], &skew);
          if (v[2] != NULL)
            parse_double (v[2], &kurtosis);
          if (parse_int (v[3], 0, G_MAXUINT, &n))
            max_points = (guint) n;
          crk_method_set_treatment_params (r->method, skew, kurtosis, max_points);
        }
        break;

      case E_NORMALISATION:
        {
          CrkNormalisation mode;
          double p1, p2;
          const char *code;

          read_normalisation (r, &mode, &p1, &p2, &code);
          if (r->method != NULL)
            crk_method_set_normalisation (r->method, mode, p1, p2);
        }
        break;

      case E_NORM_INDICATOR:
        {
          CrkNormalisation mode;
          double p1, p2;
          const char *code;

          read_normalisation (r, &mode, &p1, &p2, &code);
          if (r->method == NULL || !is_set (code))
            break;
          crk_method_set_indicator_normalisation (r->method, code, mode, p1, p2);
          add_method_ref (r, code, r->n_elements, CRK_RULE_METHOD_NORMALISATION);
        }
        break;

      case E_WEIGHTS:
        {
          static const char *const names[] = {"scheme", "entropy-variant", "topsis-variant", NULL};
          const char *v[3];
          CrkWeightScheme scheme;
          gint64 n;

          read_attributes (r, names, v);
          if (r->method == NULL)
            break;
          if (v[0] != NULL && crk_weight_scheme_from_string (v[0], &scheme))
            crk_method_set_weight_scheme (r->method, scheme);
          if (parse_int (v[1], 0, G_MAXUINT, &n))
            crk_method_set_entropy_variant (r->method, (guint) n);
          if (parse_int (v[2], 0, G_MAXUINT, &n))
            crk_method_set_topsis_variant (r->method, (guint) n);
        }
        break;

      case E_WEIGHT:
        f->aux = g_strdup (read_attribute (r, "node"));
        break;

      case E_AGGREGATION:
        {
          CrkAggregation mode;

          if (r->method != NULL && crk_aggregation_from_string (read_attribute (r, "mode"), &mode))
            crk_method_set_aggregation (r->method, mode);
        }
        break;

      case E_AGG_LEVEL:
      case E_AGG_NODE:
        {
          static const char *const names[] = {"number", "code", "mode", NULL};
          const char *v[3];
          CrkAggregation mode;
          gint64 level;

          read_attributes (r, names, v);
          if (r->method == NULL || v[2] == NULL || !crk_aggregation_from_string (v[2], &mode))
            break;
          if (f->elem == E_AGG_LEVEL && parse_int (v[0], 1, G_MAXUINT, &level))
            crk_method_set_level_aggregation (r->method, (guint) level, mode);
          else if (f->elem == E_AGG_NODE && is_set (v[1]))
            {
              crk_method_set_node_aggregation (r->method, v[1], mode);
              add_method_ref (r, v[1], r->n_elements, CRK_RULE_METHOD_AGGREGATION);
            }
        }
        break;

      case E_AVAILABILITY:
        {
          double threshold;

          if (r->method != NULL && parse_double (read_attribute (r, "threshold"), &threshold) && threshold >= 0 && threshold <= 1)
            crk_method_set_availability (r->method, threshold);
        }
        break;

      case E_TIERS:
        if (!crk_tier_rule_from_string (read_attribute (r, "rule"), &r->tier_rule))
          r->tier_rule = CRK_TIER_RULE_NONE;
        clear_tiers (r->tiers);
        break;

      case E_TIER:
        {
          CrkTier tier = {NULL, NULL, 0};

          parse_double (read_attribute (r, "bound"), &tier.bound);
          g_array_append_val (r->tiers, tier);
        }
        break;

      case E_GROUP_RANKS:
        {
          const char *attribute = read_attribute (r, "attribute");

          if (r->method != NULL && is_set (attribute))
            crk_method_set_group_attribute (r->method, attribute);
        }
        break;

      case E_VALUES:
        start_values (r);
        break;

      case E_V_CITY:
        {
          const char *code = read_attribute (r, "code");
          CrkCity *city;

          r->v_city = -1;
          if (code == NULL)
            break;
          city = crk_dataset_lookup_city (r->dataset, code);
          if (city == NULL)
            add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                         _ ("values for an unknown city “%s”"), code);
          else
            r->v_city = (int) crk_city_get_index (city);
        }
        break;

      case E_V_YEAR:
        {
          const char *s = read_attribute (r, "value");
          gint64 year;

          r->v_year = -1;
          r->v_year_value = 0;
          if (!parse_int (s, G_MININT, G_MAXINT, &year))
            break;
          r->v_year_value = (int) year;
          r->v_year = crk_dataset_lookup_year (r->dataset, (int) year);
          if (r->v_year < 0)
            add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                         _ ("the year %d is not one of the dataset’s years (<years> in <metadata>)"),
                         (int) year);
        }
        break;

      case E_V:
        {
          static const char *const names[] = {"i", "status", "note", NULL};
          const char *v[3];
          CrkIndicator *indicator;

          read_attributes (r, names, v);
          r->v_indicator = -1;
          r->v_status = CRK_VALUE_STATUS_OBSERVED;
          g_clear_pointer (&r->v_note, g_free);
          if (v[0] == NULL)
            break;
          indicator = crk_dataset_lookup_indicator (r->dataset, v[0]);
          if (indicator == NULL)
            {
              add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                           _ ("a value of an unknown indicator “%s”"), v[0]);
              break;
            }
          r->v_indicator = (int) crk_indicator_get_index (indicator);
          if (g_strcmp0 (v[1], "estimated") == 0)
            r->v_status = CRK_VALUE_STATUS_ESTIMATED;
          else if (g_strcmp0 (v[1], "imputed") == 0)
            r->v_status = CRK_VALUE_STATUS_IMPUTED;
          if (v[2] != NULL && *v[2] != '\0')
            r->v_note = g_strdup (v[2]);
        }
        break;

      default:
        break;
    }
}

static void
end_value (Reader *r)
{
  const char *text = text_value (r);
  double value = NAN;
  if (r->v_indicator < 0 || r->v_city < 0 || r->v_year < 0 || r->values_refused)
    return;

  if (text != NULL && (!parse_double (text, &value) || !isfinite (value)))
    {
      CrkCity *city = crk_dataset_get_city (r->dataset, r->v_city);
      CrkIndicator *indicator = crk_dataset_get_indicator (r->dataset, r->v_indicator);
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_autofree char *shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));

      add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                   _ ("the value “%s” of “%s” for “%s” in %d is not a number"), shown,
                   crk_indicator_get_code (indicator), crk_city_get_code (city), r->v_year_value);
      return;
    }

  switch (store_value (r, value))
    {
      case GIVEN_BEFORE:
        {
          CrkCity *city = crk_dataset_get_city (r->dataset, r->v_city);
          CrkIndicator *indicator = crk_dataset_get_indicator (r->dataset, r->v_indicator);

          add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                       _ ("a second value of “%s” for “%s” in %d"),
                       crk_indicator_get_code (indicator), crk_city_get_code (city), r->v_year_value);
        }
        break;
      case REFUSED:
        r->values_refused = TRUE;
        break;
      case STORED:
      default:
        break;
    }
}

static void
end_years (Reader *r)
{
  g_auto (GStrv) words = g_strsplit_set (r->text->str, " \t\r\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gint64 year;

      if (*words[i] == '\0' || !parse_int (words[i], 1, 9999, &year))
        continue; /* the schema reports it */
      if (crk_dataset_lookup_year (r->dataset, (int) year) >= 0)
        add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                     _ ("the year %d is listed twice"), (int) year);
      else
        crk_dataset_add_year (r->dataset, (int) year);
    }
}

static void
end_city (Reader *r,
          Frame *f)
{
  const char *code;
  const gint64 *first;

  if (r->city == NULL)
    return;
  code = crk_city_get_code (r->city);
  first = claim_code (r->city_ordinals, code, f->ordinal);
  if (first != NULL)
    add_duplicate (r, f->ordinal, *first, _ ("the city code “%s” is used twice"), code);
  else
    crk_dataset_add_city (r->dataset, r->city);
  g_clear_object (&r->city);
}

static void
end_indicator (Reader *r,
               Frame *f)
{
  const char *code;
  const gint64 *first;

  if (r->indicator == NULL)
    return;
  code = crk_indicator_get_code (r->indicator);
  first = claim_code (r->indicator_ordinals, code, f->ordinal);
  if (first != NULL)
    add_duplicate (r, f->ordinal, *first, _ ("the indicator code “%s” is used twice"), code);
  else
    crk_dataset_add_indicator (r->dataset, r->indicator);
  g_clear_object (&r->indicator);
}

static void
end_framework (Reader *r)
{
  if (r->root != NULL)
    crk_dataset_set_framework (r->dataset, r->root);
}

static void
end_method (Reader *r)
{
  if (r->method == NULL)
    return;
  crk_method_thaw (r->method);
  crk_dataset_set_method (r->dataset, r->method);
  g_clear_object (&r->method);
}

/* title, publisher, source and notes: each element sets the dataset property of its
 * name, or its "-zh" twin for the Chinese text. */
static void
set_bilingual_metadata (Reader *r,
                        Frame *f)
{
  const char *name = NULL;
  g_autofree char *property = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (transitions) && name == NULL; i++)
    if (transitions[i].elem == f->elem)
      name = transitions[i].name;
  g_return_if_fail (name != NULL);
  property = g_strconcat (name, f->zh ? "-zh" : "", NULL);
  g_object_set (r->dataset, property, text_value (r), NULL);
}

/* At </dataset>; problems are put at <dataset>. */
static void
check_sections (Reader *r,
                Frame *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_sections); i++)
    if ((r->sections & required_sections[i].bit) == 0)
      add_problem (r, f->ordinal, CRK_IMPORT_ERROR_SCHEMA,
                   _ ("does not match the schema: the dataset has no <%s>"), required_sections[i].name);
}

static void
end_element (Reader *r,
             Frame *f)
{
  const char *text;

  if (elem_has_text (f->elem))
    r->capturing = FALSE;

  switch (f->elem)
    {
      case E_V:
        end_value (r);
        break;

      case E_TITLE:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_NOTES:
        set_bilingual_metadata (r, f);
        break;

      case E_EDITION:
        crk_dataset_set_edition (r->dataset, text_value (r));
        break;

      case E_LICENCE:
        crk_dataset_set_licence (r->dataset, text_value (r));
        break;

      case E_YEARS:
        end_years (r);
        break;

      case E_CITY_NAME:
        if (r->city == NULL)
          break;
        text = text_value (r);
        if (f->zh)
          crk_city_set_name_zh (r->city, text);
        else
          crk_city_set_name (r->city, text);
        break;

      case E_CITY_ATTRIBUTE:
        if (r->city == NULL || !is_set (f->aux))
          break;
        if (crk_city_get_attribute (r->city, f->aux) != NULL)
          add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                       _ ("the attribute “%s” of the city “%s” is given twice"), f->aux,
                       crk_city_get_code (r->city));
        else
          crk_city_set_attribute (r->city, f->aux, text_value (r) != NULL ? text_value (r) : "");
        break;

      case E_REFERENCE_RANK:
        {
          gint64 rank;

          if (r->city == NULL || f->number <= 0 || !parse_int (text_value (r), 1, G_MAXUINT, &rank))
            break;
          if (crk_city_get_reference_rank (r->city, f->number) != 0)
            add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                         _ ("the reference rank of the city “%s” in %d is given twice"),
                         crk_city_get_code (r->city), f->number);
          else
            crk_city_set_reference_rank (r->city, f->number, (guint) rank);
        }
        break;

      case E_CITY:
        end_city (r, f);
        break;

      case E_GROUP_NAME:
        if (r->group_attribute != NULL)
          {
            char **target = f->zh ? &r->group_name_zh : &r->group_name;

            g_free (*target);
            *target = g_strdup (text_value (r));
          }
        break;

      case E_GROUP:
        end_group (r, f);
        break;

      case E_IND_NAME:
        if (r->indicator == NULL)
          break;
        if (f->zh)
          crk_indicator_set_name_zh (r->indicator, text_value (r));
        else
          crk_indicator_set_name (r->indicator, text_value (r));
        break;

      case E_IND_DESCRIPTION:
        if (r->indicator == NULL)
          break;
        if (f->zh)
          crk_indicator_set_description_zh (r->indicator, text_value (r));
        else
          crk_indicator_set_description (r->indicator, text_value (r));
        break;

      case E_IND_SOURCE:
        if (r->indicator != NULL)
          crk_indicator_set_source (r->indicator, text_value (r));
        break;

      case E_INDICATOR:
        end_indicator (r, f);
        break;

      case E_NODE_NAME:
        {
          Frame *parent = &r->stack[r->depth - 2];

          if (parent->fnode == NULL)
            break;
          if (f->zh)
            crk_framework_node_set_name_zh (parent->fnode, text_value (r));
          else
            crk_framework_node_set_name (parent->fnode, text_value (r));
        }
        break;

      case E_FRAMEWORK:
        end_framework (r);
        break;

      case E_WEIGHT:
        {
          double weight;

          if (r->method == NULL || !is_set (f->aux))
            break;
          if (!parse_double (text_value (r), &weight))
            break; /* the schema reports it */
          if (!isfinite (weight) || weight < 0)
            add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                         _ ("the method’s weight of “%s” is negative or not finite"), f->aux);
          else
            crk_method_set_weight (r->method, f->aux, weight);
          add_method_ref (r, f->aux, f->ordinal, CRK_RULE_METHOD_WEIGHT);
        }
        break;

      case E_TIER_NAME:
        if (r->tiers->len > 0)
          {
            CrkTier *tier = &g_array_index (r->tiers, CrkTier, r->tiers->len - 1);
            char **target = f->zh ? &tier->name_zh : &tier->name;

            g_free (*target);
            *target = g_strdup (text_value (r));
          }
        break;

      case E_TIERS:
        if (r->method != NULL)
          crk_method_set_tiers (r->method, r->tier_rule, (const CrkTier *) r->tiers->data, r->tiers->len);
        break;

      case E_BASE_YEAR:
        {
          gint64 year;

          if (r->method != NULL && parse_int (text_value (r), 1, 9999, &year))
            crk_method_set_base_year (r->method, (int) year);
        }
        break;

      case E_METHOD:
        end_method (r);
        break;

      case E_VALUES:
        r->in_values = FALSE;
        r->sections |= REQUIRED_VALUES;
        break;

      case E_CITIES:
        r->sections |= REQUIRED_CITIES;
        break;

      case E_INDICATORS:
        r->sections |= REQUIRED_INDICATORS;
        break;

      case E_DATASET:
        check_sections (r, f);
        break;

      default:
        break;
    }
  g_clear_pointer (&f->aux, g_free);
  g_clear_object (&f->fnode);
}

/* The main loop */

static Elem
classify (Frame *parent_frame,
          const char *local,
          const char *ns)
{
  Elem parent = parent_frame != NULL ? parent_frame->elem : E_ROOT;

  if (ns == NULL || strcmp (ns, CRK_DATASET_NAMESPACE) != 0 || parent == E_UNKNOWN)
    return E_UNKNOWN;
  /* The common case first. */
  if (parent == E_V_YEAR && local[0] == 'v' && local[1] == '\0')
    return E_V;
  for (gsize i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].parent == parent && strcmp (transitions[i].name, local) == 0)
      return transitions[i].elem;
  return E_UNKNOWN;
}

static const char *
elem_name (Elem elem)
{
  for (gsize i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].elem == elem)
      return transitions[i].name;
  return "?";
}

/* The schema rejects it too, but libxml2 often names a neighbour: say exactly where. */
static void
report_unexpected (Reader *r,
                   Frame *parent,
                   const char *local,
                   const char *ns)
{
  g_autofree char *shown = g_utf8_make_valid (local != NULL ? local : "", -1);

  if (parent == NULL)
    add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                 _ ("the root element is <%s>, not <dataset> in the namespace %s"),
                 shown, CRK_DATASET_NAMESPACE);
  else if (ns == NULL || strcmp (ns, CRK_DATASET_NAMESPACE) != 0)
    add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                 _ ("the element <%s> is not in the namespace %s"), shown, CRK_DATASET_NAMESPACE);
  else
    add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                 _ ("unexpected element <%s> in <%s>"), shown, elem_name (parent->elem));
}

static void
report_progress (Reader *r)
{
  guint64 consumed;

  if (r->progress == NULL || r->size <= 0)
    return;
  consumed = r->file != NULL ? r->consumed : (guint64) MAX (xmlTextReaderByteConsumed (r->reader), 0);
  r->progress (MIN (1.0, (double) consumed / (double) r->size), r->progress_data);
}

static void
run (Reader *r)
{
  int ret = 0;
  guint64 n_nodes = 0;

  while (!r->stop && (ret = xmlTextReaderRead (r->reader)) == 1)
    {
      /* After a syntax error the reader closes the open elements by itself: what
       * follows is not in the file. */
      if (r->broken)
        return;

      int type = xmlTextReaderNodeType (r->reader);

      if (++n_nodes % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (r->cancellable))
            return;
          report_progress (r);
        }

      switch (type)
        {
          case XML_READER_TYPE_ELEMENT:
            {
              int depth = xmlTextReaderDepth (r->reader);
              gboolean empty = xmlTextReaderIsEmptyElement (r->reader) == 1;
              Frame *f;

              r->n_elements++;
              r->last_empty_node = NULL;
              if (depth >= CRK_DATASET_MAX_DEPTH)
                {
                  add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                               _ ("elements are nested deeper than %d levels; refusing the file"),
                               CRK_DATASET_MAX_DEPTH);
                  return;
                }
              g_assert (depth == r->depth);
              f = &r->stack[depth];
              memset (f, 0, sizeof *f);
              f->elem = classify (depth > 0 ? &r->stack[depth - 1] : NULL,
                                  (const char *) xmlTextReaderConstLocalName (r->reader),
                                  (const char *) xmlTextReaderConstNamespaceUri (r->reader));
              if (f->elem == E_UNKNOWN && (depth == 0 || r->stack[depth - 1].elem != E_UNKNOWN))
                report_unexpected (r, depth > 0 ? &r->stack[depth - 1] : NULL,
                                   (const char *) xmlTextReaderConstLocalName (r->reader),
                                   (const char *) xmlTextReaderConstNamespaceUri (r->reader));
              f->node = xmlTextReaderCurrentNode (r->reader);
              f->ordinal = r->n_elements;
              f->schema_error = f->ordinal == r->pending_error_ordinal;
              r->depth++;
              if (elem_has_text (f->elem))
                {
                  r->capturing = TRUE;
                  g_string_truncate (r->text, 0);
                }
              start_element (r, f);
              if (empty)
                {
                  end_element (r, f);
                  r->depth--;
                  r->last_empty_node = f->node;
                  r->last_empty_ordinal = f->ordinal;
                }
            }
            break;

          case XML_READER_TYPE_END_ELEMENT:
            r->last_empty_node = NULL;
            if (r->depth > 0)
              {
                end_element (r, &r->stack[r->depth - 1]);
                r->depth--;
              }
            break;

          case XML_READER_TYPE_TEXT:
          case XML_READER_TYPE_CDATA:
          case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          case XML_READER_TYPE_WHITESPACE:
            if (r->capturing)
              {
                const char *value = (const char *) xmlTextReaderConstValue (r->reader);

                if (value != NULL)
                  {
                    g_string_append (r->text, value);
                    check_length (r, r->text->len);
                  }
              }
            break;

          case XML_READER_TYPE_DOCUMENT_TYPE:
          case XML_READER_TYPE_ENTITY_REFERENCE:
          case XML_READER_TYPE_ENTITY:
            add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                         _ ("the file uses DTDs or entities; refusing it"));
            return;

          default:
            break;
        }
    }

  if (ret < 0 && !r->broken && !r->stop)
    {
      /* The reader failed without saying why. */
      r->broken = TRUE;
      add_problem_full (r, 0, xmlTextReaderGetParserLineNumber (r->reader),
                        xmlTextReaderGetParserColumnNumber (r->reader), CRK_IMPORT_ERROR_MALFORMED, 0,
                        g_strdup (_ ("not well-formed XML")));
    }
}

static void
reader_clear (Reader *r)
{
  for (int i = 0; i < r->depth; i++)
    {
      g_clear_pointer (&r->stack[i].aux, g_free);
      g_clear_object (&r->stack[i].fnode);
    }
  if (r->reader != NULL)
    xmlFreeTextReader (r->reader);
  if (r->file != NULL)
    fclose (r->file);
  for (guint i = 0; i < G_N_ELEMENTS (r->slots); i++)
    g_string_free (r->slots[i], TRUE);
  g_string_free (r->text, TRUE);
  g_clear_object (&r->dataset);
  g_clear_object (&r->city);
  g_clear_object (&r->indicator);
  g_clear_object (&r->root);
  if (r->method != NULL)
    crk_method_thaw (r->method);
  g_clear_object (&r->method);
  g_hash_table_unref (r->city_ordinals);
  g_hash_table_unref (r->indicator_ordinals);
  g_hash_table_unref (r->node_ordinals);
  g_hash_table_unref (r->referenced);
  g_hash_table_unref (r->group_ordinals);
  clear_group (r);
  for (guint i = 0; i < r->method_refs->len; i++)
    g_free (g_array_index (r->method_refs, MethodRef, i).code);
  g_array_unref (r->method_refs);
  clear_tiers (r->tiers);
  g_array_unref (r->tiers);
  g_free (r->v_note);
  g_clear_pointer (&r->empty_cells, g_hash_table_unref);
  g_array_unref (r->problems);
}

static void
reader_init (Reader *r,
             const char *name)
{
  memset (r, 0, sizeof *r);
  r->name = name;
  r->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (r->problems, problem_clear);
  r->text = g_string_sized_new (256);
  for (guint i = 0; i < G_N_ELEMENTS (r->slots); i++)
    r->slots[i] = g_string_sized_new (64);
  r->city_ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->indicator_ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->node_ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->group_ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->method_refs = g_array_new (FALSE, FALSE, sizeof (MethodRef));
  r->tiers = g_array_new (FALSE, FALSE, sizeof (CrkTier));
  r->v_city = r->v_year = r->v_indicator = -1;
}

static int
read_file_cb (void *context,
              char *buffer,
              int length)
{
  Reader *r = context;
  size_t n = fread (buffer, 1, length, r->file);

  if (n == 0 && ferror (r->file))
    return -1;
  r->consumed += n;
  if (r->consumed > (guint64) CRK_DATASET_MAX_FILE_SIZE && !r->stop)
    {
      /* It grew since it was measured (or is no regular file). */
      g_autofree char *limit = g_format_size (CRK_DATASET_MAX_FILE_SIZE);

      add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
                        g_strdup_printf (_ ("the file is larger than %s; refusing it"), limit));
      return -1;
    }
  return (int) n;
}

static int
close_file_cb (void *context)
{
  return 0; /* reader_clear() closes the file */
}

/* The rules of meaning every reader ends with (crk-dataset-rules.c) */

typedef struct
{
  Reader *r;
  GArray *ordinals; /* of the problems found, in order */
} RuleLocator;

static gint64
lookup_ordinal (GHashTable *ordinals,
                const char *key)
{
  const gint64 *ordinal = key != NULL ? g_hash_table_lookup (ordinals, key) : NULL;

  return ordinal != NULL ? *ordinal : 0;
}

static void
locate_rule (CrkRuleSubject what,
             const char *code,
             const char *detail,
             const char **file,
             int *line,
             int *column,
             gpointer data)
{
  RuleLocator *l = data;
  Reader *r = l->r;
  gint64 ordinal = 0;

  if (what == CRK_RULE_INDICATOR)
    ordinal = lookup_ordinal (r->indicator_ordinals, code);
  else if (what == CRK_RULE_NODE)
    ordinal = lookup_ordinal (r->node_ordinals, code);
  else if (what == CRK_RULE_GROUP)
    {
      g_autofree char *key = group_key (code, detail);

      ordinal = lookup_ordinal (r->group_ordinals, key);
    }
  else
    for (guint i = 0; i < r->method_refs->len && ordinal == 0; i++)
      {
        MethodRef *ref = &g_array_index (r->method_refs, MethodRef, i);

        if (ref->what == what && g_strcmp0 (ref->code, code) == 0)
          ordinal = ref->ordinal;
      }
  /* Placed by ordinal, like every problem, and located in the file at the end. */
  g_array_append_val (l->ordinals, ordinal);
  *file = r->name;
}

/* Once the document is read. Not after problems that left part of the file out of the
 * dataset (syntax, the schema, a refused framework node): the rules would report what is
 * left out ("not in the framework"), not what the file says. */
static void
check_rules (Reader *r)
{
  g_autoptr (GPtrArray) found = NULL;
  RuleLocator l = {r, NULL};

  if (r->broken || r->stop || r->framework_incomplete)
    return;
  for (guint i = 0; i < r->problems->len; i++)
    if (g_array_index (r->problems, Problem, i).code != CRK_IMPORT_ERROR_INVALID)
      return;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
  l.ordinals = g_array_new (FALSE, FALSE, sizeof (gint64));
  crk_dataset_check_rules (r->dataset, locate_rule, &l, found);
  for (guint i = 0; i < found->len; i++)
    {
      CrkProblem *p = g_ptr_array_index (found, i);

      add_problem_full (r, g_array_index (l.ordinals, gint64, i), 0, 0, p->code, 0, g_strdup (p->message));
    }
  g_array_unref (l.ordinals);
}

/* Reads into r->dataset; TRUE when there were no problems. */
static gboolean
read_document (Reader *r,
               GError **error)
{
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  xmlRelaxNGPtr schema = r->trusted ? NULL : get_schema (error);

  if (schema == NULL && !r->trusted)
    return FALSE;

  /* The prolog first: nothing hostile reaches the parser. */
  if (r->path != NULL)
    {
      FILE *f = fopen (r->path, "rb");
      guint8 *head;
      size_t n;
      gboolean ok;

      if (f == NULL)
        {
          int saved_errno = errno;

          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                       _ ("Cannot open “%s”: %s"), r->name, g_strerror (saved_errno));
          return FALSE;
        }
      r->file = f;
      head = g_malloc (PROLOG_SCAN_LIMIT);
      n = fread (head, 1, PROLOG_SCAN_LIMIT, f);
      ok = check_prolog (r, head, n, n < PROLOG_SCAN_LIMIT);
      g_free (head);
      if (!ok)
        return FALSE;
      if (fseek (f, 0, SEEK_SET) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                       _ ("Cannot read “%s”: %s"), r->name, g_strerror (saved_errno));
          return FALSE;
        }
      if (r->size > CRK_DATASET_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (CRK_DATASET_MAX_FILE_SIZE);

          add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
                            g_strdup_printf (_ ("the file is larger than %s; refusing it"), limit));
          return FALSE;
        }
      /* Our own reading, not libxml2's: no URIs, no transparent decompression. */
      r->reader = xmlReaderForIO (read_file_cb, close_file_cb, r, NULL, "UTF-8", options);
    }
  else
    {
      if (!check_prolog (r, (const guint8 *) r->data, MIN (r->length, PROLOG_SCAN_LIMIT),
                         r->length < PROLOG_SCAN_LIMIT))
        return FALSE;
      if ((guint64) r->length > (guint64) CRK_DATASET_MAX_FILE_SIZE || r->length > G_MAXINT)
        {
          g_autofree char *limit = g_format_size (CRK_DATASET_MAX_FILE_SIZE);

          add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
                            g_strdup_printf (_ ("the file is larger than %s; refusing it"), limit));
          return FALSE;
        }
      r->reader = xmlReaderForMemory (r->data, (int) r->length, NULL, "UTF-8", options);
    }

  if (r->reader == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot read “%s”"), r->name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (r->reader, structured_error_cb, r);
  if (schema != NULL && xmlTextReaderRelaxNGSetSchema (r->reader, schema) != 0)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                   _ ("Cannot validate “%s” against the dataset schema"), r->name);
      return FALSE;
    }

  crk_dataset_begin_bulk (r->dataset);
  run (r);
  crk_dataset_end_bulk (r->dataset);

  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (schema != NULL && r->problems->len == 0 && xmlTextReaderIsValid (r->reader) != 1 && !r->stop)
    add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_SCHEMA, 0,
                      g_strdup (_ ("does not match the schema")));
  check_rules (r);
  return r->problems->len == 0;
}

/* In the order of the file; problems without a place last. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;
  guint lx = x->line > 0 ? (guint) x->line : G_MAXUINT;
  guint ly = y->line > 0 ? (guint) y->line : G_MAXUINT;

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

/* Turns the collected problems into CrkProblems and @error. */
static void
finish_problems (Reader *r,
                 GPtrArray **problems,
                 GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);

  /* libxml2 validates what it has of a document it cannot parse to the end, elements
   * cut short included: its schema messages then say nothing about the file. */
  if (r->broken)
    for (guint k = r->problems->len; k > 0; k--)
      if (g_array_index (r->problems, Problem, k - 1).from_libxml)
        g_array_remove_index (r->problems, k - 1);

  locate_problems (r);
  /* A stable sort: problems of one element keep the order they were found in. */
  g_array_sort (r->problems, compare_problems);
  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = &g_array_index (r->problems, Problem, i);
      gboolean repeat = FALSE;

      /* libxml2 sometimes says the same thing twice about one element. */
      for (guint k = 0; k < i && !repeat; k++)
        {
          Problem *q = &g_array_index (r->problems, Problem, k);

          repeat = q->line == p->line && q->column == p->column && strcmp (q->message, p->message) == 0;
        }
      if (!repeat)
        g_ptr_array_add (list, crk_problem_new (r->name, p->line, p->column, p->code, "%s", p->message));
    }
  crk_problems_to_error (list, error);
  if (problems != NULL)
    *problems = g_steal_pointer (&list);
}

static CrkDataset *
read_any (Reader *r,
          GPtrArray **problems,
          GError **error)
{
  g_autoptr (GError) local_error = NULL;
  CrkDataset *result = NULL;

  r->dataset = crk_dataset_new ();
  if (read_document (r, &local_error))
    {
      crk_dataset_set_modified (r->dataset, FALSE);
      result = g_steal_pointer (&r->dataset);
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
    }
  else if (local_error != NULL)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_ptr_array_add (*problems, crk_problem_new (r->name, 0, 0, CRK_IMPORT_ERROR_IO, "%s", local_error->message));
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    finish_problems (r, problems, error);

  reader_clear (r);
  return result;
}

static CrkDataset *
read_path (const char *path,
           GCancellable *cancellable,
           CrkProgressFunc progress,
           gpointer progress_data,
           GPtrArray **problems,
           GError **error)
{
  Reader r;
  GStatBuf st;

  reader_init (&r, path);
  r.path = path;
  r.cancellable = cancellable;
  r.progress = progress;
  r.progress_data = progress_data;
  if (g_stat (path, &st) == 0)
    {
      r.size = st.st_size;
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                       _ ("Cannot read “%s”: it is a folder"), path);
          if (problems != NULL)
            {
              *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
              g_ptr_array_add (*problems, crk_problem_new (path, 0, 0, CRK_IMPORT_ERROR_IO, _ ("it is a folder, not a file")));
            }
          reader_clear (&r);
          return NULL;
        }
    }
  return read_any (&r, problems, error);
}

/**
 * crk_dataset_read:
 * @path: a `.cityrank.xml` file
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every problem
 *   found, in the order of the file (empty on success)
 * @error: return location for an error
 *
 * Reads a dataset in the native format, validating it against the schema while streaming
 * and then checking its meaning. Every problem of the file is collected; @error lists them
 * all, one "FILE:LINE:COLUMN: error: MESSAGE" per line.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL on any problem
 */
CrkDataset *
crk_dataset_read (const char *path,
                  GPtrArray **problems,
                  GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_path (path, NULL, NULL, NULL, problems, error);
}

/**
 * crk_dataset_read_from_memory:
 * @data: (array length=length): the document
 * @length: its length in bytes
 * @name: how messages name it (a file name)
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every problem
 * @error: return location for an error
 *
 * Like crk_dataset_read(), from memory.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL on any problem
 */
CrkDataset *
crk_dataset_read_from_memory (const char *data,
                              gsize length,
                              const char *name,
                              GPtrArray **problems,
                              GError **error)
{
  Reader r;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader_init (&r, name);
  r.data = data != NULL ? data : "";
  r.length = length;
  r.size = length;
  return read_any (&r, problems, error);
}

/**
 * crk_dataset_read_trusted_bytes:
 * @bytes: a document in the native format that is known to be valid
 * @name: how messages name it (a file name)
 * @error: return location for an error
 *
 * Like crk_dataset_read_from_memory(), without the RELAX NG validation (which is most of
 * the reading time of a small file); every check of meaning is still made. Only for
 * documents that cannot be anything but valid: the datasets bundled in the resources,
 * which the test suite validates against the schema (tests/io and tests/data). Never
 * for a user's file. libxml2 must not be set up concurrently on another thread: a
 * program may call this on a worker before anything else uses libxml2, or after.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL on any problem
 */
CrkDataset *
crk_dataset_read_trusted_bytes (GBytes *bytes,
                                const char *name,
                                GError **error)
{
  Reader r;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  reader_init (&r, name);
  r.trusted = TRUE;
  r.data = data != NULL ? data : "";
  r.length = length;
  r.size = length;
  return read_any (&r, NULL, error);
}

/* Asynchronous loading, for the application */

typedef struct
{
  GMainContext *context;
  CrkProgressFunc progress;
  gpointer progress_data;
  /* the latest fraction, and whether a dispatch is pending */
  GMutex mutex;
  double fraction;
  gboolean pending;
  gboolean done;
  GPtrArray *problems;
  gint ref_count;
} LoadData;

static LoadData *
load_data_ref (LoadData *d)
{
  g_atomic_int_inc (&d->ref_count);
  return d;
}

static void
load_data_unref (gpointer data)
{
  LoadData *d = data;

  if (!g_atomic_int_dec_and_test (&d->ref_count))
    return;
  g_main_context_unref (d->context);
  g_clear_pointer (&d->problems, g_ptr_array_unref);
  g_mutex_clear (&d->mutex);
  g_free (d);
}

static gboolean
dispatch_progress (gpointer data)
{
  LoadData *d = data;
  double fraction;
  gboolean done;

  g_mutex_lock (&d->mutex);
  fraction = d->fraction;
  done = d->done;
  d->pending = FALSE;
  g_mutex_unlock (&d->mutex);
  if (!done)
    d->progress (fraction, d->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: records the fraction and schedules one dispatch. */
static void
thread_progress (double fraction,
                 gpointer user_data)
{
  LoadData *d = user_data;
  gboolean schedule;

  g_mutex_lock (&d->mutex);
  d->fraction = fraction;
  schedule = !d->pending;
  d->pending = TRUE;
  g_mutex_unlock (&d->mutex);
  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress, load_data_ref (d), load_data_unref);
      g_source_set_static_name (source, "[crk] dataset load progress");
      g_source_attach (source, d->context);
      g_source_unref (source);
    }
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

static void
load_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GFile *file = source_object;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                               _ ("Cannot open “%s”: only local files can be opened"), uri);
      return;
    }

  if (is_csv (path))
    dataset = crk_csv_import_guess (path, 0, &d->problems, &error);
  else
    dataset = read_path (path, cancellable, d->progress != NULL ? thread_progress : NULL, d,
                         &d->problems, &error);

  g_mutex_lock (&d->mutex);
  d->done = TRUE;
  g_mutex_unlock (&d->mutex);

  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/**
 * crk_dataset_load_async:
 * @file: a `.cityrank.xml` file, or a COINr data CSV (its metadata table is found next to it)
 * @progress: (nullable) (scope notified): called on the caller's main context with the
 *   fraction read
 * @progress_data: data for @progress
 * @cancellable: (nullable): a cancellable
 * @callback: called when the dataset is read
 * @user_data: data for @callback
 *
 * Reads a dataset in a worker thread: a `.csv` file (either table of a COINr pair; the
 * other is found next to it) with crk_csv_import_guess(), anything else as the native
 * format with crk_dataset_read(). Finish with crk_dataset_load_finish().
 */
void
crk_dataset_load_async (GFile *file,
                        CrkProgressFunc progress,
                        gpointer progress_data,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* libxml2 and the schema are set up here, on the caller's thread, not in a worker. */
  get_schema (NULL);

  d = g_new0 (LoadData, 1);
  d->ref_count = 1;
  d->context = g_main_context_ref_thread_default ();
  d->progress = progress;
  d->progress_data = progress_data;
  g_mutex_init (&d->mutex);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, crk_dataset_load_async);
  g_task_set_name (task, "[crk] crk_dataset_load_async");
  g_task_set_task_data (task, d, load_data_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * crk_dataset_load_finish:
 * @result: the result passed to the callback
 * @problems: (out) (optional) (transfer container) (element-type CrkProblem): every problem
 *   found (empty on success)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CrkDataset *
crk_dataset_load_finish (GAsyncResult *result,
                         GPtrArray **problems,
                         GError **error)
{
  LoadData *d;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crk_dataset_load_async, NULL);

  d = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = d->problems != NULL ? g_ptr_array_ref (d->problems)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) crk_problem_free);
  return g_task_propagate_pointer (G_TASK (result), error);
}
