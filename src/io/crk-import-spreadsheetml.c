/* crk-import-spreadsheetml.c: Excel 2003 XML (SpreadsheetML) workbooks, as sheets of cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Workbook/Worksheet[@ss:Name]/Table/Row/Cell/Data[@ss:Type] in the namespace
 * urn:schemas-microsoft-com:office:spreadsheet (the default namespace and the ss: prefix
 * are the same URI). Rows and cells are sparse: ss:Index (1-based) skips empty ones, and
 * a cell with ss:MergeAcross takes that many more columns; ExpandedRowCount and
 * ExpandedColumnCount are only bounds and are not trusted. A formula's cell keeps its
 * cached Data; rich text (<ss:Data><html:B>…</html:B></ss:Data>) gives its text. A
 * comment's Data is not the cell's.
 *
 * Streamed with xmlTextReader; the cells held are counted against the memory budget.
 * Safety as for every XML importer: the prolog is scanned and a DOCTYPE refused before
 * the parser starts (UTF-16 files too), no network, no DTD loading, no entity
 * substitution, depth and texts bounded.
 */
#define G_LOG_DOMAIN "crk-import-spreadsheetml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"
#include "crk-xml-input.h"

#define SS_NS "urn:schemas-microsoft-com:office:spreadsheet"
#define MAX_DEPTH 64
/* Excel holds 32,767 characters in a cell: at most 4 bytes each in UTF-8. */
#define MAX_CELL_TEXT (32767 * 4)
#define MAX_SHEET_NAME 255 /* characters; Excel's are 31 */
/* What a cell held costs beyond its text: the CrkCell, the array's growth, malloc. */
#define CELL_BYTES 48
#define SHEET_BYTES 256

typedef struct
{
  const char *file;
  CrkImportReport *report;
  GCancellable *cancellable;
  CrkXmlInput *input;
  xmlTextReaderPtr reader;
  CrkSheetSet *set;

  gboolean stop;
  CrkSheet *sheet; /* the worksheet being read, NULL outside one */
  int table_depth; /* -1 outside a Table */
  int row_depth;   /* -1 outside a Row */
  int cell_depth;  /* -1 outside a Cell */
  int data_depth;  /* -1 outside the cell's Data */
  guint64 row, next_row;
  guint64 column, next_column;
  char *type;    /* the Data's ss:Type */
  GString *text; /* the Data's text */
  guint64 held;  /* bytes of cells held */
  guint64 limit;
} Reader;

static gboolean
is (Reader *r, const char *name)
{
  return g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (r->reader), SS_NS) == 0 &&
    g_strcmp0 ((const char *) xmlTextReaderConstLocalName (r->reader), name) == 0;
}

/* The attribute ss:@name (or @name without a namespace, as some writers put it). */
static char *
attribute (Reader *r, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (r->reader, BAD_CAST name, BAD_CAST SS_NS);
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
  copy = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

/* Problems at a cell */

static void
cell_error (Reader *r, guint64 row, guint64 column, CrkImportError code, const char *message)
{
  g_autofree char *cell =
    crk_cell_name ((guint) MIN (row, G_MAXUINT - 1), (guint) MIN (column, G_MAXUINT / 2));

  crk_import_report_cell_error (r->report, r->file, r->sheet != NULL ? r->sheet->name : "", cell,
                                code, "%s", message);
}

/* ss:@name as a 1-based number turned 0-based in *@index; FALSE (with an error) when it
 * is there but not a number or beyond @max (a row or column number) */
static gboolean
index_attribute (Reader *r, const char *name, guint64 max, gboolean is_row, guint64 *index)
{
  g_autofree char *text = attribute (r, name);
  guint64 n;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXUINT64, &n, NULL))
    {
      g_autofree char *shown = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 20));
      g_autofree char *message =
        g_strdup_printf (_ ("ss:%s=“%s” is not a row or column number"), name, shown);

      cell_error (r, r->row, r->next_column, CRK_IMPORT_ERROR_INVALID, message);
      r->stop = TRUE;
      return FALSE;
    }
  if (n > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
      g_autofree char *message = is_row
        ? g_strdup_printf (
            _ ("row %s is beyond the last row a sheet may have (%d); refusing the file"), number,
            CRK_SHEET_MAX_ROWS)
        : g_strdup_printf (
            _ ("column %s is beyond the last column a sheet may have (%d); refusing the file"),
            number, CRK_SHEET_MAX_COLUMNS);

      cell_error (r, is_row ? n - 1 : r->row, is_row ? 0 : n - 1, CRK_IMPORT_ERROR_HOSTILE,
                  message);
      r->stop = TRUE;
      return FALSE;
    }
  *index = n - 1;
  return TRUE;
}

/* A count of extra rows or columns (ss:MergeAcross, ss:MergeDown, ss:Span): 0 when absent. */
static gboolean
count_attribute (Reader *r, const char *name, guint64 *count)
{
  g_autofree char *text = attribute (r, name);

  *count = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, G_MAXUINT64, count, NULL))
    {
      g_autofree char *shown = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 20));
      g_autofree char *message =
        g_strdup_printf (_ ("ss:%s=“%s” is not a number of cells"), name, shown);

      cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_INVALID, message);
      r->stop = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* Counts @bytes more against the budget; FALSE (with an error) when over it. */
static gboolean
hold (Reader *r, guint64 bytes)
{
  g_autofree char *message = NULL;

  r->held += bytes;
  if (r->held <= r->limit ||
      crk_io_check_memory (r->held, _ ("Reading the cells of the workbook"), &message))
    return TRUE;
  cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_HOSTILE, message);
  r->stop = TRUE;
  return FALSE;
}

/* Values */

/* "1961-11-21T00:00:00.000" as days since 1899-12-30, and as ISO 8601 text: the date
 * alone at midnight, else the date and the time. */
static gboolean
parse_datetime (const char *text, double *days, char **iso)
{
  int year, month, day, hour = 0, minute = 0, n = 0;
  double second = 0;
  GDate date, epoch;
  const char *p;

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &n) != 3 || n != 10)
    return FALSE;
  p = text + n;
  if (*p == 'T')
    {
      char *end = NULL;

      if (sscanf (p, "T%2d:%2d:%n", &hour, &minute, &n) != 2 || n != 7 || !g_ascii_isdigit (p[n]))
        return FALSE;
      second = g_ascii_strtod (p + n, &end);
      p = end;
      if (*p == 'Z')
        p++;
    }
  if (*p != '\0' || year < 1 ||
      !g_date_valid_dmy ((GDateDay) CLAMP (day, 0, 255), (GDateMonth) CLAMP (month, 0, 13),
                         (GDateYear) year) ||
      hour > 23 || minute > 59 || !(second >= 0 && second < 61))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  *days =
    (double) g_date_days_between (&epoch, &date) + (hour * 3600 + minute * 60 + second) / 86400.0;
  if (hour == 0 && minute == 0 && second == 0)
    *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else
    *iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute,
                            (int) second);
  return TRUE;
}

/* A text from the file, shortened for a message. */
static char *
shorten (const char *text)
{
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
}

/* The cell of the Data just read. */
static void
end_data (Reader *r)
{
  const char *type = r->type != NULL ? r->type : "String";
  g_autofree char *stripped = g_strstrip (g_strdup (r->text->str));
  char *text = NULL;
  CrkCellType cell_type = CRK_CELL_TEXT;
  double number = 0;

  if (g_str_equal (type, "Number"))
    {
      char *end = NULL;

      number = g_ascii_strtod (stripped, &end);
      if (*stripped == '\0' || *end != '\0' || !isfinite (number))
        {
          g_autofree char *shown = shorten (stripped);
          g_autofree char *message =
            g_strdup_printf (_ ("“%s” is not a number (ss:Type=\"Number\")"), shown);

          cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_INVALID, message);
          return;
        }
      cell_type = CRK_CELL_NUMBER;
    }
  else if (g_str_equal (type, "DateTime"))
    {
      if (!parse_datetime (stripped, &number, &text))
        {
          g_autofree char *shown = shorten (stripped);
          g_autofree char *message =
            g_strdup_printf (_ ("“%s” is not a date and time (ss:Type=\"DateTime\")"), shown);

          cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_INVALID, message);
          return;
        }
      cell_type = CRK_CELL_DATE;
    }
  else if (g_str_equal (type, "Boolean"))
    {
      if (g_str_equal (stripped, "1") || g_ascii_strcasecmp (stripped, "true") == 0)
        number = 1;
      else if (!g_str_equal (stripped, "0") && g_ascii_strcasecmp (stripped, "false") != 0)
        {
          g_autofree char *shown = shorten (stripped);
          g_autofree char *message =
            g_strdup_printf (_ ("“%s” is not a truth value (ss:Type=\"Boolean\")"), shown);

          cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_INVALID, message);
          return;
        }
      cell_type = CRK_CELL_BOOLEAN;
    }
  else if (g_str_equal (type, "Error"))
    {
      cell_type = CRK_CELL_ERROR;
      number = NAN;
      text = g_strdup (stripped);
    }
  else if (r->text->len == 0)
    return; /* an empty string is an empty cell */
  else
    text = g_strdup (r->text->str);

  if (!hold (r, CELL_BYTES + (text != NULL ? strlen (text) + 1 : 0)))
    {
      g_free (text);
      return;
    }
  crk_sheet_add_cell (r->sheet, (guint) r->row, (guint) r->column, cell_type, number, text);
}

/* Elements */

static void
start_worksheet (Reader *r)
{
  g_autofree char *name = attribute (r, "Name");
  g_autofree char *shown = NULL;

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup_printf ("Sheet%u", r->set->sheets->len + 1); /* as Excel names them */
    }
  shown = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), MAX_SHEET_NAME));
  r->sheet = crk_sheet_set_add (r->set, shown);
  r->table_depth = r->row_depth = r->cell_depth = r->data_depth = -1;
  r->row = r->column = 0;
  hold (r, SHEET_BYTES + strlen (shown));
}

static void
start_row (Reader *r, int depth)
{
  guint64 span;

  r->row = r->next_row;
  r->column = r->next_column = 0;
  if (!index_attribute (r, "Index", CRK_SHEET_MAX_ROWS, TRUE, &r->row) ||
      !count_attribute (r, "Span", &span))
    return;
  if (r->row >= CRK_SHEET_MAX_ROWS)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("the sheet has more rows than a sheet may have (%d); refusing the file"),
        CRK_SHEET_MAX_ROWS);

      cell_error (r, r->row, 0, CRK_IMPORT_ERROR_HOSTILE, message);
      r->stop = TRUE;
      return;
    }
  /* ss:Span: this row's format stands for span more (empty) rows */
  r->next_row = r->row + 1 + MIN (span, (guint64) CRK_SHEET_MAX_ROWS);
  r->row_depth = depth;
}

static void
start_cell (Reader *r, int depth)
{
  guint64 across, down;

  r->column = r->next_column;
  if (!index_attribute (r, "Index", CRK_SHEET_MAX_COLUMNS, FALSE, &r->column) ||
      !count_attribute (r, "MergeAcross", &across) || !count_attribute (r, "MergeDown", &down))
    return;
  if (r->column >= CRK_SHEET_MAX_COLUMNS)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("the row has more cells than a sheet has columns (%d); refusing the file"),
        CRK_SHEET_MAX_COLUMNS);

      cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_HOSTILE, message);
      r->stop = TRUE;
      return;
    }
  if (across >= CRK_SHEET_MAX_COLUMNS - r->column || down >= CRK_SHEET_MAX_ROWS - r->row)
    {
      cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_HOSTILE,
                  _ ("the merged area goes beyond the last row or column a sheet may have; "
                     "refusing the file"));
      r->stop = TRUE;
      return;
    }
  if ((across > 0 || down > 0) && hold (r, sizeof (CrkCellRange)))
    crk_sheet_add_merged (r->sheet, (guint) r->row, (guint) r->column, (guint) down + 1,
                          (guint) across + 1);
  r->next_column = r->column + across + 1;
  r->cell_depth = depth;
}

static void
start_element (gpointer data, int depth)
{
  Reader *r = data;

  if (r->data_depth >= 0)
    return; /* rich text: <html:B>, <html:Font>; their text counts */
  if (depth == 0)
    {
      if (!is (r, "Workbook"))
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (r->reader);
          const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
          g_autofree char *shown = g_utf8_make_valid (name != NULL ? name : "", -1);
          g_autofree char *shown_ns = g_utf8_make_valid (ns != NULL ? ns : "", -1);

          /* TRANSLATORS: the root element's name and its namespace (a URI) */
          crk_import_report_error (
            r->report, r->file, crk_xml_input_get_line (r->input), 0, CRK_IMPORT_ERROR_MALFORMED,
            _ ("this is not an Excel 2003 XML workbook: the document is a <%s> in the "
               "namespace “%s”, not a <Workbook> in urn:schemas-microsoft-com:office:spreadsheet"),
            shown, shown_ns);
          r->stop = TRUE;
        }
    }
  else if (depth == 1 && is (r, "Worksheet"))
    start_worksheet (r);
  else if (r->sheet != NULL && depth == 2 && is (r, "Table"))
    {
      r->table_depth = depth;
      r->next_row = 0;
    }
  else if (r->table_depth >= 0 && depth == r->table_depth + 1 && is (r, "Row"))
    start_row (r, depth);
  else if (r->row_depth >= 0 && depth == r->row_depth + 1 && is (r, "Cell"))
    start_cell (r, depth);
  else if (r->cell_depth >= 0 && depth == r->cell_depth + 1 && is (r, "Data"))
    {
      r->data_depth = depth;
      g_free (r->type);
      r->type = attribute (r, "Type");
      g_string_truncate (r->text, 0);
    }
}

static void
end_element (gpointer data, int depth)
{
  Reader *r = data;

  if (depth == r->data_depth)
    {
      end_data (r);
      r->data_depth = -1;
    }
  else if (depth == r->cell_depth)
    r->cell_depth = -1;
  else if (depth == r->row_depth)
    r->row_depth = -1;
  else if (depth == r->table_depth)
    r->table_depth = -1;
  else if (depth == 1 && r->sheet != NULL)
    r->sheet = NULL;
}

static void
add_text (gpointer data, const char *value)
{
  Reader *r = data;

  if (r->data_depth < 0)
    return;
  if (!crk_xml_append_text (r->text, value, MAX_CELL_TEXT))
    {
      g_autofree char *message = g_strdup_printf (
        _ ("the cell holds more than %d bytes of text; refusing the file"), MAX_CELL_TEXT);

      cell_error (r, r->row, r->column, CRK_IMPORT_ERROR_HOSTILE, message);
      r->stop = TRUE;
    }
}

static const CrkXmlEvents events = {
  .start = start_element,
  .end = end_element,
  .text = add_text,
};

static gboolean
read_document (Reader *r, GError **error)
{
  int status = crk_xml_input_read_events (r->input, &events, r, &r->stop, error);

  return status >= 0 || crk_import_report_failed (r->report);
}

static CrkSheetSet *
spreadsheetml_read_sheets (const char *path,
                           const CrkImportOptions *options,
                           CrkImportReport *report,
                           GCancellable *cancellable,
                           GError **error)
{
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  Reader r = {0};
  gboolean ok;

  g_return_val_if_fail (path != NULL && report != NULL, NULL);

  r.file = path;
  r.report = report;
  r.cancellable = cancellable;
  r.set = set;
  r.text = g_string_new (NULL);
  r.table_depth = r.row_depth = r.cell_depth = r.data_depth = -1;
  r.limit = crk_io_get_memory_limit ();

  r.input =
    crk_xml_input_open (path, NULL, report, MAX_DEPTH, CRK_XML_INPUT_DEFAULT, cancellable, error);
  r.reader = r.input != NULL ? crk_xml_input_get_reader (r.input) : NULL;
  ok = r.input != NULL && read_document (&r, error);
  if (ok && !crk_import_report_failed (report) && set->sheets->len == 0)
    crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                             _ ("the workbook has no worksheets"));

  g_clear_pointer (&r.input, crk_xml_input_free);
  g_string_free (r.text, TRUE);
  g_free (r.type);
  if (!ok || crk_import_report_failed (report))
    return NULL;
  for (guint i = 0; i < set->sheets->len; i++)
    crk_sheet_sort (g_ptr_array_index (set->sheets, i));
  return g_steal_pointer (&set);
}

static int
spreadsheetml_sniff (const CrkSniff *sniff)
{
  if (g_strcmp0 (sniff->root_ns, SS_NS) == 0 && g_strcmp0 (sniff->root_name, "Workbook") == 0)
    return 95;
  return 0;
}

static const char *const spreadsheetml_patterns[] = {"*.xml", NULL};
static const char *const spreadsheetml_mime_types[] = {"application/xml", "text/xml", NULL};

const CrkImporter crk_importer_spreadsheetml = {
  .id = "spreadsheetml",
  .name = N_ ("Excel 2003 XML spreadsheet (SpreadsheetML)"),
  .patterns = spreadsheetml_patterns,
  .mime_types = spreadsheetml_mime_types,
  .sniff = spreadsheetml_sniff,
  .read_sheets = spreadsheetml_read_sheets,
};
