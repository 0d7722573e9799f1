/* crk-dataset-reader-private.h: what the files of the native reader share: the Reader,
 * its open elements and its problems (crk-dataset-reader.c describes the parts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "crk-dataset-reader.h"
#include "crk-dataset-rules.h"

G_BEGIN_DECLS

#define PROLOG_SCAN_LIMIT (64 * 1024)

/* Sections of <dataset> the reader checks itself (see streaming_schema()) */
#define REQUIRED_CITIES (1u << 0)
#define REQUIRED_INDICATORS (1u << 1)
#define REQUIRED_VALUES (1u << 2)

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
  E_CITY_ALIAS,
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

/* crk-dataset-reader-problems.c: problems, the prolog, and their places in the file */
void _crk_reader_problem_clear (gpointer data);
void _crk_reader_add_problem_full (Reader *r,
                                   gint64 ordinal,
                                   int line,
                                   int column,
                                   CrkImportError code,
                                   gint64 ref_ordinal,
                                   char *message);
/* A problem at the element with @ordinal. */
void
_crk_reader_add_problem (Reader *r, gint64 ordinal, CrkImportError code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
/* A duplicate: a problem at @ordinal that also names the line of @first. */
void _crk_reader_add_duplicate (Reader *r, gint64 ordinal, gint64 first, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
gboolean _crk_reader_check_prolog (Reader *r, const guint8 *data, gsize length, gboolean whole);
void _crk_reader_finish_problems (Reader *r, GPtrArray **problems, GError **error);

/* crk-dataset-reader-schema.c: the schema and the errors of libxml2 */
xmlRelaxNGPtr _crk_reader_get_schema (GError **error);
void _crk_reader_structured_error_cb (void *user_data, xmlErrorPtr error);
void _crk_reader_check_sections (Reader *r, Frame *f);

/* crk-dataset-reader-text.c: attributes, text and numbers */
void _crk_reader_check_length (Reader *r, gsize length);
void _crk_reader_read_attributes (Reader *r, const char *const *names, const char **values);
const char *_crk_reader_read_attribute (Reader *r, const char *name);
const char *_crk_reader_text_value (Reader *r);
gboolean _crk_reader_parse_double (const char *s, double *out);
gboolean _crk_reader_parse_int (const char *s, gint64 min, gint64 max, gint64 *out);

static inline gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

static inline gboolean
is_zh (const char *lang)
{
  return lang != NULL && g_ascii_strcasecmp (lang, "zh-CN") == 0;
}

/* crk-dataset-reader-elements.c: the elements, and those of everything but the method
 * and the values */
gboolean _crk_reader_elem_has_text (Elem elem);
Elem _crk_reader_classify (Frame *parent_frame, const char *local, const char *ns);
void _crk_reader_report_unexpected (Reader *r, Frame *parent, const char *local, const char *ns);
void _crk_reader_start_element (Reader *r, Frame *f);
void _crk_reader_end_element (Reader *r, Frame *f);
char *_crk_reader_group_key (const char *attribute, const char *value);
void _crk_reader_clear_group (Reader *r);

/* crk-dataset-reader-method.c */
void _crk_reader_start_method_element (Reader *r, Frame *f);
void _crk_reader_end_method_element (Reader *r, Frame *f);
void _crk_reader_clear_tiers (GArray *tiers);

/* crk-dataset-reader-values.c */
void _crk_reader_start_values_element (Reader *r, Frame *f);
void _crk_reader_end_value (Reader *r);

/* crk-dataset-reader.c */
CrkDataset *_crk_reader_read_path (const char *path,
                                   GCancellable *cancellable,
                                   CrkProgressFunc progress,
                                   gpointer progress_data,
                                   GPtrArray **problems,
                                   GError **error);

G_END_DECLS
