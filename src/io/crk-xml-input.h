/* crk-xml-input.h: opening an XML file safely, for the streaming importers (private to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One home for what every XML importer does before and while it reads: the prolog is
 * scanned (UTF-16 turned to UTF-8 for it) and a DOCTYPE refused, with its line and
 * column, before the parser sees a byte; the parser runs with XML_PARSE_NONET and never
 * loads a DTD or substitutes an entity; libxml2's errors become located problems of valid
 * UTF-8 in the report; nodes of DTDs and entities and elements nested too deep are
 * refused; cancellation is looked at every few thousand nodes, and then the progress of a
 * file opened by its path is reported (crk_import_progress(): bytes read / its size).
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

#include "crk-import.h"

G_BEGIN_DECLS

/* The bytes looked at before parsing: a longer prolog is refused. */
#define CRK_XML_INPUT_HEAD_SIZE (64 * 1024)

typedef enum
{
  CRK_XML_INPUT_DEFAULT = 0,
  CRK_XML_INPUT_UTF8_ONLY = 1 << 0, /* refuse UTF-16 and UTF-32 */
  CRK_XML_INPUT_NO_BLANKS = 1 << 1, /* XML_PARSE_NOBLANKS */
} CrkXmlInputFlags;

typedef struct _CrkXmlInput CrkXmlInput;

/* Opens @path (or reads @stream when not NULL, @path naming it in messages), refusing
 * elements nested @max_depth deep or deeper. NULL with @error (I/O) or with a problem in
 * @report (empty, not XML, DOCTYPE, …). */
CrkXmlInput *crk_xml_input_open (const char *path,
                                 GInputStream *stream,
                                 CrkImportReport *report,
                                 int max_depth,
                                 CrkXmlInputFlags flags,
                                 GCancellable *cancellable,
                                 GError **error);
void crk_xml_input_free (CrkXmlInput *input);
xmlTextReaderPtr crk_xml_input_get_reader (CrkXmlInput *input);
/* The next node: 1, or 0 at the end, or -1 on an error (a problem in the report, or
 * @error: I/O, cancellation). */
int crk_xml_input_next (CrkXmlInput *input, GError **error);
/* The type and depth of the current node. */
int crk_xml_input_get_type (CrkXmlInput *input);
int crk_xml_input_get_depth (CrkXmlInput *input);
/* What crk_xml_input_read_events() calls, each may be NULL: the start and the end of
 * each element (an empty one gets both, unless the start stopped), each text node (text,
 * CDATA, whitespace; @text never NULL). */
typedef struct
{
  void (*start) (gpointer data, int depth);
  void (*end) (gpointer data, int depth);
  void (*text) (gpointer data, const char *text);
} CrkXmlEvents;

/* Reads the nodes, calling @events, until the end (0), an error (-1, as
 * crk_xml_input_next()) or *@stop set by a call (1). */
int crk_xml_input_read_events (CrkXmlInput *input,
                               const CrkXmlEvents *events,
                               gpointer data,
                               const gboolean *stop,
                               GError **error);
/* The line of the current element (else the parser's), and the parser's column when it
 * is on that line (else 0); @column may be NULL. */
void crk_xml_input_location (CrkXmlInput *input, int *line, int *column);

/* The prolog of @head (the whole file when shorter than CRK_XML_INPUT_HEAD_SIZE): NULL
 * when it may be parsed, else the problem (empty, not XML, DOCTYPE, too long) and its
 * place and code. */
char *crk_xml_check_prolog (const guint8 *head,
                            gsize length,
                            CrkXmlInputFlags flags,
                            int *line,
                            int *column,
                            CrkImportError *code);
/* The line of the current element (else the parser's). */
int crk_xml_input_get_line (CrkXmlInput *input);
/* Appends @value to @text unless that makes it longer than @max bytes (FALSE then). */
gboolean crk_xml_append_text (GString *text, const char *value, gsize max);
/* @text (bytes, perhaps not UTF-8; @length -1 for up to the NUL) on one line, valid UTF-8,
 * at most @max_chars characters (then "…"; 0: no limit), blanks around removed. */
char *crk_xml_clean_text (const char *text, gssize length, gsize max_chars);
/* libxml2's @error as a message (translated) and its @code: "not well-formed XML: …",
 * or a safety limit of the parser (hostile). */
char *crk_xml_describe_error (const xmlError *error, CrkImportError *code);
/* Whether @error is the input (@length bytes; 0 when unknown) ending before the document
 * does, and then that as a message ("not well-formed XML: the file ends early, at line
 * N…"), instead of what libxml2 was parsing when it met the end. */
gboolean crk_xml_error_is_truncation (const xmlError *error, guint64 length);
char *crk_xml_describe_truncation (const xmlError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkXmlInput, crk_xml_input_free)

G_END_DECLS
