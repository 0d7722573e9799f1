/* crk-xml-input.c: opening an XML file safely, for the streaming importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first CRK_XML_INPUT_HEAD_SIZE bytes are read and their prolog scanned before the
 * parser starts; the parser is then fed those bytes again, then the rest of the stream
 * (so a stream need not be seekable).
 */
#define G_LOG_DOMAIN "crk-xml-input"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-xml-input.h"

#define CHECK_EVERY 4096 /* nodes between looks at the cancellable and reports of progress */

struct _CrkXmlInput
{
  xmlTextReaderPtr reader;
  char *path;
  CrkImportReport *report;
  GInputStream *stream;
  GCancellable *cancellable;
  GError *io_error;
  guint8 *head;
  gsize head_length, head_position;
  gboolean broken; /* a fatal error was reported */
  guint64 nodes;
  guint64 size;     /* of the file, for progress (0: unknown, a stream) */
  guint64 consumed; /* bytes given to the parser */
  gboolean at_end;  /* the stream has no more: consumed is its size */
  int max_depth;
  int type, depth; /* of the current node */
};

/**
 * crk_xml_clean_text:
 * @text: bytes, perhaps not UTF-8
 * @length: their length, or -1
 * @max_chars: at most this many characters (then "…"), 0 for no limit
 *
 * Returns: (transfer full): @text on one line, valid UTF-8, blanks around removed
 */
char *
crk_xml_clean_text (const char *text, gssize length, gsize max_chars)
{
  const char *p = text != NULL ? text : "";
  const char *end = p + (length >= 0 ? (gsize) length : strlen (p));
  GString *s = g_string_new (NULL);
  gsize n = 0;

  while (p < end && *p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (max_chars > 0 && n >= max_chars)
        {
          g_string_append (s, "…");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* a character cut short or an invalid byte: one U+FFFD */
          g_string_append_unichar (s, 0xfffd);
          p++;
          while (p < end && ((guchar) *p & 0xc0) == 0x80)
            p++;
        }
      else
        {
          if (c < 0x20 || c == 0x7f)
            c = ' ';
          if (!(c == ' ' && s->len > 0 && s->str[s->len - 1] == ' '))
            g_string_append_unichar (s, c);
          p = g_utf8_next_char (p);
        }
      n++;
    }
  g_strstrip (s->str);
  return g_string_free (s, FALSE);
}

gboolean
crk_xml_append_text (GString *text, const char *value, gsize max)
{
  gsize length = strlen (value);

  if (text->len + length > max)
    return FALSE;
  g_string_append_len (text, value, (gssize) length);
  return TRUE;
}

char *
crk_xml_describe_error (const xmlError *error, CrkImportError *code)
{
  g_autofree char *text = crk_xml_clean_text (error->message, -1, 200);

  *code = CRK_IMPORT_ERROR_MALFORMED;
  if (error->code == XML_ERR_ENTITY_LOOP || error->code == XML_ERR_UNDECLARED_ENTITY ||
      error->code == XML_WAR_UNDECLARED_ENTITY)
    *code = CRK_IMPORT_ERROR_HOSTILE;
  if (strstr (text, "Excessive depth") != NULL || strstr (text, "huge") != NULL)
    {
      *code = CRK_IMPORT_ERROR_HOSTILE;
      /* TRANSLATORS: %s is libxml2's (English) description */
      return g_strdup_printf (_ ("the file exceeds a safety limit of the XML parser: %s"), text);
    }
  /* TRANSLATORS: %s is libxml2's (English) description of the syntax error */
  return g_strdup_printf (_ ("not well-formed XML: %s"), text);
}

/* Bytes of input the parser may leave unread when it meets the end: a character cut
 * short, or a "<" with nothing after it. */
#define TRUNCATION_SLACK 4

/**
 * crk_xml_error_is_truncation:
 * @error: libxml2's error
 * @length: the whole input's size in bytes (0: unknown)
 *
 * Returns: whether @error is the input ending before the document does: a fatal syntax
 *   error met at the end of the input (within a few bytes) with an element, or the
 *   prolog, still open. libxml2 then describes what it was parsing ("Extra content at
 *   the end of the document", "AttValue: ' expected"…), which does not say the file is
 *   incomplete. A comment left open or tags that do not match keep libxml2's words.
 */
gboolean
crk_xml_error_is_truncation (const xmlError *error, guint64 length)
{
  xmlParserCtxtPtr ctxt = error->ctxt;
  guint64 offset;

  if (length == 0 || error->domain != XML_FROM_PARSER || error->level != XML_ERR_FATAL ||
      ctxt == NULL || ctxt->input == NULL || ctxt->input->base == NULL ||
      ctxt->input->cur < ctxt->input->base)
    return FALSE;
  if (error->code == XML_ERR_TAG_NAME_MISMATCH || error->code == XML_ERR_COMMENT_NOT_FINISHED)
    return FALSE;
  offset = (guint64) ctxt->input->consumed + (guint64) (ctxt->input->cur - ctxt->input->base);
  if (offset + TRUNCATION_SLACK < length)
    return FALSE;
  /* before the root element closes (after it: content the document does not have) */
  return ctxt->nameNr > 0 || ctxt->instate != XML_PARSER_EPILOG;
}

/**
 * crk_xml_describe_truncation:
 * @error: an error for which crk_xml_error_is_truncation() holds
 *
 * Returns: (transfer full): that the file ends early, where, and in which element
 */
char *
crk_xml_describe_truncation (const xmlError *error)
{
  xmlParserCtxtPtr ctxt = error->ctxt;
  int line = MAX (error->line, 1);

  if (ctxt != NULL && ctxt->nameNr > 0 && ctxt->name != NULL)
    {
      g_autofree char *name = crk_xml_clean_text ((const char *) ctxt->name, -1, 40);

      /* TRANSLATORS: %d is a line number, %s an element name; the file was cut short */
      return g_strdup_printf (
        _ ("not well-formed XML: the file ends early, at line %d, inside <%s>; it may have been "
           "cut short when it was saved, copied or downloaded"),
        line, name);
    }
  /* TRANSLATORS: %d is a line number; the file was cut short */
  return g_strdup_printf (_ ("not well-formed XML: the file ends early, at line %d; it may have "
                             "been cut short when it was saved, copied or downloaded"),
                          line);
}

/* The prolog */

/* The head as UTF-8 (UTF-16 converted, as far as it converts) to look at its prolog. */
static char *
head_as_utf8 (const guint8 *head, gsize length)
{
  const char *from = NULL;
  gsize read = 0;
  g_autoptr (GError) error = NULL;
  char *text;

  if (length >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == '<' && head[1] == 0)))
    from = "UTF-16LE";
  else if (length >= 2 &&
           ((head[0] == 0xfe && head[1] == 0xff) || (head[0] == 0 && head[1] == '<')))
    from = "UTF-16BE";
  if (from == NULL)
    return g_strndup ((const char *) head, length);
  length &= ~(gsize) 1;
  text = g_convert ((const char *) head, (gssize) length, "UTF-8", from, &read, NULL, &error);
  if (text == NULL && read > 0 && read < length)
    text = g_convert ((const char *) head, (gssize) (read & ~(gsize) 1), "UTF-8", from, NULL, NULL,
                      NULL);
  return text != NULL ? text : g_strdup ("");
}

/* Moves *@p to @to, counting lines and columns (in characters). */
static void
advance (const char **p, const char *to, int *line, int *column)
{
  for (; *p < to; (*p)++)
    if (**p == '\n')
      (*line)++, *column = 1;
    else if ((**p & 0xc0) != 0x80)
      (*column)++;
}

/**
 * crk_xml_check_prolog:
 * @head: the first bytes of the file
 * @length: how many (the whole file when fewer than %CRK_XML_INPUT_HEAD_SIZE)
 * @flags: %CRK_XML_INPUT_UTF8_ONLY refuses UTF-16 and UTF-32
 * @line: (out): where the problem is (0 when nowhere)
 * @column: (out): in characters, from 1 (0 when nowhere)
 * @code: (out): what it is
 *
 * Looks at the prolog, before the root element: refuses an empty file, what is not XML,
 * a DOCTYPE (and with it every entity) and a prolog longer than the head.
 *
 * Returns: (transfer full) (nullable): %NULL when the file may be parsed, else the problem
 */
char *
crk_xml_check_prolog (const guint8 *head,
                      gsize length,
                      CrkXmlInputFlags flags,
                      int *line,
                      int *column,
                      CrkImportError *code)
{
  g_autofree char *text = NULL;
  const char *p, *end;

  *line = 1, *column = 1;
  *code = CRK_IMPORT_ERROR_MALFORMED;
  if (length == 0)
    {
      *line = *column = 0;
      return g_strdup (_ ("the file is empty"));
    }
  if ((flags & CRK_XML_INPUT_UTF8_ONLY) && length >= 2 &&
      ((head[0] == 0xfe && head[1] == 0xff) || (head[0] == 0xff && head[1] == 0xfe) ||
       head[0] == 0 || head[1] == 0))
    return g_strdup (
      _ ("the file is not UTF-8 (it looks like UTF-16 or UTF-32); save or download it as UTF-8"));
  text = head_as_utf8 (head, length);
  p = text;
  end = text + strlen (text);
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (p < end)
    {
      const char *close = NULL;

      if (g_ascii_isspace (*p))
        advance (&p, p + 1, line, column);
      else if (*p != '<')
        return g_strdup (_ ("this is not an XML file (the document does not start with “<”)"));
      else if (g_str_has_prefix (p, "<!--"))
        {
          if ((close = strstr (p + 4, "-->")) == NULL)
            break;
          advance (&p, close + 3, line, column);
        }
      else if (p[1] == '?')
        {
          if ((close = strstr (p + 2, "?>")) == NULL)
            break;
          advance (&p, close + 2, line, column);
        }
      else if (p[1] == '!')
        {
          *code = CRK_IMPORT_ERROR_HOSTILE;
          return g_strdup (_ ("the file has a document type declaration (DOCTYPE); "
                              "DTDs and entities are refused for safety"));
        }
      else
        return NULL; /* the root element */
    }
  if (length < CRK_XML_INPUT_HEAD_SIZE)
    return NULL; /* the whole file: the parser says what is wrong */
  *code = CRK_IMPORT_ERROR_HOSTILE;
  return g_strdup_printf (_ ("the file has more than %d KiB before its first element; refusing it"),
                          CRK_XML_INPUT_HEAD_SIZE / 1024);
}

/* FALSE (with a problem in the report) when the file must not be parsed. */
static gboolean
check_prolog (CrkXmlInput *input, CrkXmlInputFlags flags)
{
  int line, column;
  CrkImportError code;
  g_autofree char *problem =
    crk_xml_check_prolog (input->head, input->head_length, flags, &line, &column, &code);

  if (problem == NULL)
    return TRUE;
  crk_import_report_error (input->report, input->path, line, column, code, "%s", problem);
  return FALSE;
}

/* The parser's input and errors */

static int
read_cb (void *context, char *buffer, int length)
{
  CrkXmlInput *input = context;
  gssize n;

  if (length <= 0)
    return 0;
  if (input->head_position < input->head_length)
    {
      gsize k = MIN ((gsize) length, input->head_length - input->head_position);

      memcpy (buffer, input->head + input->head_position, k);
      input->head_position += k;
      input->consumed += k;
      return (int) k;
    }
  if (input->io_error != NULL)
    return -1;
  n = g_input_stream_read (input->stream, buffer, (gsize) length, input->cancellable,
                           &input->io_error);
  if (n > 0)
    input->consumed += (guint64) n;
  else if (n == 0)
    input->at_end = TRUE;
  return n < 0 ? -1 : (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
error_cb (void *user_data, xmlErrorPtr error)
{
  CrkXmlInput *input = user_data;
  g_autofree char *message = NULL;
  CrkImportError code;

  if (error == NULL || error->level == XML_ERR_WARNING || error->level == XML_ERR_NONE ||
      input->broken)
    return;
  if (error->domain == XML_FROM_IO || input->io_error != NULL)
    {
      input->broken = TRUE;
      return; /* said by crk_xml_input_next(), from io_error */
    }
  if (error->level == XML_ERR_FATAL)
    input->broken = TRUE;
  if (crk_xml_error_is_truncation (error, input->at_end ? input->consumed : 0))
    {
      code = CRK_IMPORT_ERROR_MALFORMED;
      message = crk_xml_describe_truncation (error);
    }
  else
    message = crk_xml_describe_error (error, &code);
  crk_import_report_error (input->report, input->path, MAX (error->line, 1), error->int2, code,
                           "%s", message);
}

/**
 * crk_xml_input_open:
 * @path: the file, or the name of @stream in messages
 * @stream: (nullable): what to read instead of @path
 * @report: where problems go
 * @max_depth: elements this deep (the root is at 0) are refused
 * @flags: what else to refuse, how to parse
 * @cancellable: (nullable): to stop
 * @error: I/O errors
 *
 * Returns: (transfer full) (nullable): the input before its first node; %NULL with @error
 * set or a problem in @report
 */
CrkXmlInput *
crk_xml_input_open (const char *path,
                    GInputStream *stream,
                    CrkImportReport *report,
                    int max_depth,
                    CrkXmlInputFlags flags,
                    GCancellable *cancellable,
                    GError **error)
{
  g_autoptr (CrkXmlInput) input = g_new0 (CrkXmlInput, 1);
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;

  g_return_val_if_fail (path != NULL && report != NULL, NULL);

  input->path = g_strdup (path);
  input->report = report;
  input->max_depth = max_depth;
  input->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (stream != NULL)
    input->stream = g_object_ref (stream);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);

      g_autoptr (GFileInfo) info = NULL;

      input->stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
      if (input->stream == NULL)
        return NULL;
      /* the size, for progress (crk_import_progress()) */
      info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (input->stream),
                                             G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
      if (info != NULL && g_file_info_get_size (info) > 0)
        input->size = (guint64) g_file_info_get_size (info);
    }
  input->head = g_malloc (CRK_XML_INPUT_HEAD_SIZE);
  if (!g_input_stream_read_all (input->stream, input->head, CRK_XML_INPUT_HEAD_SIZE,
                                &input->head_length, cancellable, error) ||
      !check_prolog (input, flags))
    return NULL;
  if (flags & CRK_XML_INPUT_NO_BLANKS)
    options |= XML_PARSE_NOBLANKS;
  input->reader = xmlReaderForIO (read_cb, close_cb, input, NULL, NULL, options);
  if (input->reader == NULL)
    {
      g_set_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO,
                   _ ("Cannot read “%s”: out of memory"), path);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (input->reader, error_cb, input);
  return g_steal_pointer (&input);
}

void
crk_xml_input_free (CrkXmlInput *input)
{
  if (input == NULL)
    return;
  g_clear_pointer (&input->reader, xmlFreeTextReader);
  if (input->stream != NULL)
    g_input_stream_close (input->stream, NULL, NULL);
  g_clear_object (&input->stream);
  g_clear_object (&input->cancellable);
  g_clear_error (&input->io_error);
  g_free (input->head);
  g_free (input->path);
  g_free (input);
}

xmlTextReaderPtr
crk_xml_input_get_reader (CrkXmlInput *input)
{
  return input->reader;
}

int
crk_xml_input_get_type (CrkXmlInput *input)
{
  return input->type;
}

int
crk_xml_input_get_depth (CrkXmlInput *input)
{
  return input->depth;
}

void
crk_xml_input_location (CrkXmlInput *input, int *line, int *column)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (input->reader);
  int parser_line = xmlTextReaderGetParserLineNumber (input->reader);
  long node_line = node != NULL ? xmlGetLineNo (node) : -1;

  if (node_line <= 0 || node_line > G_MAXINT)
    node_line = parser_line;
  *line = (int) node_line;
  /* The parser may have read a little further than the element; on its line, its
   * column is at or just after it. */
  if (column != NULL)
    *column = parser_line == node_line ? xmlTextReaderGetParserColumnNumber (input->reader) : 0;
}

int
crk_xml_input_get_line (CrkXmlInput *input)
{
  int line;

  crk_xml_input_location (input, &line, NULL);
  return line;
}

/* A problem at the current node. */
static void
refuse_here (CrkXmlInput *input, const char *message)
{
  int line, column;

  crk_xml_input_location (input, &line, &column);
  crk_import_report_error (input->report, input->path, line, column, CRK_IMPORT_ERROR_HOSTILE, "%s",
                           message);
}

int
crk_xml_input_next (CrkXmlInput *input, GError **error)
{
  int ret;

  if ((++input->nodes % CHECK_EVERY) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (input->cancellable, error))
        return -1;
      if (input->size > 0)
        crk_import_progress ((double) input->consumed / (double) input->size);
    }
  ret = xmlTextReaderRead (input->reader);
  if (ret == 1)
    {
      input->type = xmlTextReaderNodeType (input->reader);
      input->depth = xmlTextReaderDepth (input->reader);
      if (input->type == XML_READER_TYPE_DOCUMENT_TYPE ||
          input->type == XML_READER_TYPE_ENTITY_REFERENCE || input->type == XML_READER_TYPE_ENTITY)
        {
          refuse_here (input, _ ("the file uses DTDs or entities; refusing it"));
          return -1;
        }
      if (input->type == XML_READER_TYPE_ELEMENT && input->depth >= input->max_depth)
        {
          g_autofree char *message = g_strdup_printf (
            _ ("elements are nested deeper than %d levels; refusing the file"), input->max_depth);

          refuse_here (input, message);
          return -1;
        }
      return 1;
    }
  if (input->io_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&input->io_error),
                                  _ ("Cannot read “%s”: "), input->path);
      return -1;
    }
  if (ret < 0 && !crk_import_report_failed (input->report))
    crk_import_report_error (input->report, input->path,
                             xmlTextReaderGetParserLineNumber (input->reader),
                             xmlTextReaderGetParserColumnNumber (input->reader),
                             CRK_IMPORT_ERROR_MALFORMED, "%s", _ ("not well-formed XML"));
  return ret < 0 ? -1 : 0;
}

int
crk_xml_input_read_events (CrkXmlInput *input,
                           const CrkXmlEvents *events,
                           gpointer data,
                           const gboolean *stop,
                           GError **error)
{
  int ret = 1;

  while (!*stop && (ret = crk_xml_input_next (input, error)) == 1)
    switch (input->type)
      {
        case XML_READER_TYPE_ELEMENT:
          if (events->start != NULL)
            events->start (data, input->depth);
          if (!*stop && events->end != NULL && xmlTextReaderIsEmptyElement (input->reader) == 1)
            events->end (data, input->depth);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (events->end != NULL)
            events->end (data, input->depth);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          {
            const char *text = (const char *) xmlTextReaderConstValue (input->reader);

            if (events->text != NULL && text != NULL)
              events->text (data, text);
          }
          break;
        default:
          break;
      }
  return *stop ? 1 : ret;
}
