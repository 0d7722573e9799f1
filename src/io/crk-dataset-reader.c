/* crk-dataset-reader.c: reading the native dataset format (.cityrank.xml)
 *
 * The main loop, the rules at the end, and the synchronous API. The parts
 * (crk-dataset-reader-private.h):
 *   crk-dataset-reader-problems.c  problems, the prolog check, lines and columns
 *   crk-dataset-reader-schema.c    the schema and libxml2's errors
 *   crk-dataset-reader-text.c      attributes, text and numbers
 *   crk-dataset-reader-elements.c  the elements: metadata, cities, groups, indicators,
 *                                  framework
 *   crk-dataset-reader-method.c    the method
 *   crk-dataset-reader-values.c    the values
 *   crk-dataset-reader-async.c     loading in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "crk-dataset-reader-private.h"

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

#define PROGRESS_EVERY 4096

/* The main loop */

static void
report_progress (Reader *r)
{
  guint64 consumed;

  if (r->progress == NULL || r->size <= 0)
    return;
  consumed =
    r->file != NULL ? r->consumed : (guint64) MAX (xmlTextReaderByteConsumed (r->reader), 0);
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
                  _crk_reader_add_problem (
                    r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                    _ ("elements are nested deeper than %d levels; refusing the file"),
                    CRK_DATASET_MAX_DEPTH);
                  return;
                }
              g_assert (depth == r->depth);
              f = &r->stack[depth];
              memset (f, 0, sizeof *f);
              f->elem =
                _crk_reader_classify (depth > 0 ? &r->stack[depth - 1] : NULL,
                                      (const char *) xmlTextReaderConstLocalName (r->reader),
                                      (const char *) xmlTextReaderConstNamespaceUri (r->reader));
              if (f->elem == E_UNKNOWN && (depth == 0 || r->stack[depth - 1].elem != E_UNKNOWN))
                _crk_reader_report_unexpected (
                  r, depth > 0 ? &r->stack[depth - 1] : NULL,
                  (const char *) xmlTextReaderConstLocalName (r->reader),
                  (const char *) xmlTextReaderConstNamespaceUri (r->reader));
              f->node = xmlTextReaderCurrentNode (r->reader);
              f->ordinal = r->n_elements;
              f->schema_error = f->ordinal == r->pending_error_ordinal;
              r->depth++;
              if (_crk_reader_elem_has_text (f->elem))
                {
                  r->capturing = TRUE;
                  g_string_truncate (r->text, 0);
                }
              _crk_reader_start_element (r, f);
              if (empty)
                {
                  _crk_reader_end_element (r, f);
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
                _crk_reader_end_element (r, &r->stack[r->depth - 1]);
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
                    _crk_reader_check_length (r, r->text->len);
                  }
              }
            break;

          case XML_READER_TYPE_DOCUMENT_TYPE:
          case XML_READER_TYPE_ENTITY_REFERENCE:
          case XML_READER_TYPE_ENTITY:
            _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
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
      _crk_reader_add_problem_full (r, 0, xmlTextReaderGetParserLineNumber (r->reader),
                                    xmlTextReaderGetParserColumnNumber (r->reader),
                                    CRK_IMPORT_ERROR_MALFORMED, 0,
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
  _crk_reader_clear_group (r);
  for (guint i = 0; i < r->method_refs->len; i++)
    g_free (g_array_index (r->method_refs, MethodRef, i).code);
  g_array_unref (r->method_refs);
  _crk_reader_clear_tiers (r->tiers);
  g_array_unref (r->tiers);
  g_free (r->v_note);
  g_clear_pointer (&r->empty_cells, g_hash_table_unref);
  g_array_unref (r->problems);
}

static void
reader_init (Reader *r, const char *name)
{
  memset (r, 0, sizeof *r);
  r->name = name;
  r->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (r->problems, _crk_reader_problem_clear);
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
read_file_cb (void *context, char *buffer, int length)
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

      _crk_reader_add_problem_full (
        r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
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
lookup_ordinal (GHashTable *ordinals, const char *key)
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
      g_autofree char *key = _crk_reader_group_key (code, detail);

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

      _crk_reader_add_problem_full (r, g_array_index (l.ordinals, gint64, i), 0, 0, p->code, 0,
                                    g_strdup (p->message));
    }
  g_array_unref (l.ordinals);
}

/* Reads into r->dataset; TRUE when there were no problems. */
static gboolean
read_document (Reader *r, GError **error)
{
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  xmlRelaxNGPtr schema = r->trusted ? NULL : _crk_reader_get_schema (error);

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

          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot open “%s”: %s"),
                       r->name, g_strerror (saved_errno));
          return FALSE;
        }
      r->file = f;
      head = g_malloc (PROLOG_SCAN_LIMIT);
      n = fread (head, 1, PROLOG_SCAN_LIMIT, f);
      ok = _crk_reader_check_prolog (r, head, n, n < PROLOG_SCAN_LIMIT);
      g_free (head);
      if (!ok)
        return FALSE;
      if (fseek (f, 0, SEEK_SET) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO, _ ("Cannot read “%s”: %s"),
                       r->name, g_strerror (saved_errno));
          return FALSE;
        }
      if (r->size > CRK_DATASET_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (CRK_DATASET_MAX_FILE_SIZE);

          _crk_reader_add_problem_full (
            r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
            g_strdup_printf (_ ("the file is larger than %s; refusing it"), limit));
          return FALSE;
        }
      /* Our own reading, not libxml2's: no URIs, no transparent decompression. */
      r->reader = xmlReaderForIO (read_file_cb, close_file_cb, r, NULL, "UTF-8", options);
    }
  else
    {
      if (!_crk_reader_check_prolog (r, (const guint8 *) r->data,
                                     MIN (r->length, PROLOG_SCAN_LIMIT),
                                     r->length < PROLOG_SCAN_LIMIT))
        return FALSE;
      if ((guint64) r->length > (guint64) CRK_DATASET_MAX_FILE_SIZE || r->length > G_MAXINT)
        {
          g_autofree char *limit = g_format_size (CRK_DATASET_MAX_FILE_SIZE);

          _crk_reader_add_problem_full (
            r, 0, 0, 0, CRK_IMPORT_ERROR_HOSTILE, 0,
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
  xmlTextReaderSetStructuredErrorHandler (r->reader, _crk_reader_structured_error_cb, r);
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
    _crk_reader_add_problem_full (r, 0, 0, 0, CRK_IMPORT_ERROR_SCHEMA, 0,
                                  g_strdup (_ ("does not match the schema")));
  check_rules (r);
  return r->problems->len == 0;
}

static CrkDataset *
read_any (Reader *r, GPtrArray **problems, GError **error)
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
            g_ptr_array_add (
              *problems,
              crk_problem_new (r->name, 0, 0, CRK_IMPORT_ERROR_IO, "%s", local_error->message));
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    _crk_reader_finish_problems (r, problems, error);

  reader_clear (r);
  return result;
}

CrkDataset *
_crk_reader_read_path (const char *path,
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
              g_ptr_array_add (*problems,
                               crk_problem_new (path, 0, 0, CRK_IMPORT_ERROR_IO,
                                                _ ("it is a folder, not a file")));
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
crk_dataset_read (const char *path, GPtrArray **problems, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _crk_reader_read_path (path, NULL, NULL, NULL, problems, error);
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
crk_dataset_read_trusted_bytes (GBytes *bytes, const char *name, GError **error)
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
