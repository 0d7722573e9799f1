/* crk-odf-content.c: the tables of an OpenDocument spreadsheet, as sheets of cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value of a cell is in its attributes: office:value-type (float, percentage,
 * currency, date, time, boolean, string) and office:value, office:date-value,
 * office:time-value, office:boolean-value or office:string-value; <text:p> holds the
 * text as displayed, which is the value of a string (paragraphs joined with newlines).
 * LibreOffice marks errors with calcext:value-type="error".
 *
 * Repeats are honoured without expanding empty cells: table:number-rows-repeated=
 * "1048573" on an empty row moves the row counter and costs nothing. A repeated cell or
 * row that holds something is stored once per repetition, within the sheet's bounds and
 * the memory budget. A cell spanning others (table:number-columns-spanned,
 * number-rows-spanned) gives a merged range; the covered cells are skipped. Comments
 * (office:annotation) and drawings inside cells are not their text.
 */
#define G_LOG_DOMAIN "crk-odf-content"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-io-limits.h"
#include "crk-odf-content.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

static const char *const ns_table[] = {NS_TABLE, NULL};
static const char *const ns_text[] = {NS_TEXT, NULL};
static const char *const ns_office[] = {CRK_ODF_NS_OFFICE, NULL};

/* Spaces a <text:s text:c="N"/> may stand for. */
#define MAX_SPACES 1024

typedef struct
{
  guint column;
  CrkCellType type;
  double number;
  char *text;
} Pending;

typedef struct
{
  CrkXmlPart *part;
  xmlTextReaderPtr reader;
  const char *path;
  CrkImportReport *report;
  CrkSheetSet *set;
  CrkSheet *sheet; /* the table being read, or NULL */
  int table_depth;
  guint64 row;    /* the current row */
  guint64 column; /* the next cell's column */
  guint64 rows_repeated;
  GArray *pending; /* Pending: the cells of the current row */
  /* The current cell */
  gboolean in_cell, covered;
  int cell_depth, skip_depth;
  guint64 columns_repeated;
  guint rows_spanned, columns_spanned;
  char *value_type, *value, *string_value, *calc_type;
  GString *text;
  guint paragraphs;
  int p_depth; /* the depth of the open <text:p>, or -1 */
  guint64 memory, limit;
  gboolean failed;
} Odf;

static void
pending_clear (gpointer data)
{
  g_free (((Pending *) data)->text);
}

static void
odf_error (Odf *o, guint64 row, guint64 column, CrkImportError code, const char *message)
{
  g_autofree char *cell = crk_cell_name ((guint) MIN (row, CRK_SHEET_MAX_ROWS - 1),
                                         (guint) MIN (column, CRK_SHEET_MAX_COLUMNS - 1));

  crk_import_report_cell_error (o->report, o->path, o->sheet != NULL ? o->sheet->name : "", cell,
                                code, "%s", message);
  if (code == CRK_IMPORT_ERROR_HOSTILE)
    o->failed = TRUE;
}

static gboolean
hold (Odf *o, guint64 bytes)
{
  g_autofree char *message = NULL;

  o->memory += bytes;
  if (o->memory <= o->limit)
    return TRUE;
  crk_io_check_memory (o->memory, _ ("Reading the spreadsheet’s cells"), &message);
  odf_error (o, o->row, o->column, CRK_IMPORT_ERROR_HOSTILE, message);
  return FALSE;
}

static guint64
attribute_count (Odf *o, const char *name, guint64 max)
{
  const char *value = crk_xml_part_attribute (o->part, NS_TABLE, name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &n, NULL))
    return 1;
  return MIN (n, max);
}

static void
begin_table (Odf *o)
{
  const char *name = crk_xml_part_attribute (o->part, NS_TABLE, "name");

  o->sheet = crk_sheet_set_add (o->set, name != NULL ? name : "");
  o->table_depth = xmlTextReaderDepth (o->reader);
  o->row = 0;
  hold (o, 256);
}

static void
begin_row (Odf *o)
{
  o->column = 0;
  o->rows_repeated = attribute_count (o, "number-rows-repeated", CRK_SHEET_MAX_ROWS);
  g_array_set_size (o->pending, 0);
}

/* The row's cells, once per repetition. */
static void
end_row (Odf *o)
{
  for (guint64 r = 0; r < o->rows_repeated && o->pending->len > 0 && !o->failed; r++)
    {
      if (o->row + r >= CRK_SHEET_MAX_ROWS)
        {
          odf_error (
            o, o->row + r, 0, CRK_IMPORT_ERROR_HOSTILE,
            _ ("the table has cells below the last row a sheet may have; refusing the file"));
          break;
        }
      for (guint i = 0; i < o->pending->len && !o->failed; i++)
        {
          Pending *p = &g_array_index (o->pending, Pending, i);

          if (!hold (o, CRK_SHEET_CELL_BYTES + (p->text != NULL ? strlen (p->text) + 17 : 0)))
            break;
          crk_sheet_add_cell (o->sheet, (guint) (o->row + r), p->column, p->type, p->number,
                              r + 1 < o->rows_repeated ? g_strdup (p->text)
                                                       : g_steal_pointer (&p->text));
        }
    }
  g_array_set_size (o->pending, 0);
  o->row += o->rows_repeated;
}

static void
clear_cell (Odf *o)
{
  g_clear_pointer (&o->value_type, g_free);
  g_clear_pointer (&o->value, g_free);
  g_clear_pointer (&o->string_value, g_free);
  g_clear_pointer (&o->calc_type, g_free);
  g_string_truncate (o->text, 0);
  o->paragraphs = 0;
  o->p_depth = -1;
  o->skip_depth = -1;
  o->in_cell = FALSE;
}

static void
begin_cell (Odf *o, gboolean covered)
{
  const char *value;

  clear_cell (o);
  o->covered = covered;
  o->cell_depth = xmlTextReaderDepth (o->reader);
  o->columns_repeated = attribute_count (o, "number-columns-repeated", CRK_SHEET_MAX_COLUMNS);
  o->rows_spanned = (guint) attribute_count (o, "number-rows-spanned", CRK_SHEET_MAX_ROWS);
  o->columns_spanned = (guint) attribute_count (o, "number-columns-spanned", CRK_SHEET_MAX_COLUMNS);
  if (covered)
    return;
  o->value_type = g_strdup (crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "value-type"));
  if (o->value_type != NULL)
    {
      if (g_str_equal (o->value_type, "date"))
        value = crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "date-value");
      else if (g_str_equal (o->value_type, "time"))
        value = crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "time-value");
      else if (g_str_equal (o->value_type, "boolean"))
        value = crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "boolean-value");
      else
        value = crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "value");
      o->value = g_strdup (value);
      o->string_value =
        g_strdup (crk_xml_part_attribute (o->part, CRK_ODF_NS_OFFICE, "string-value"));
    }
  o->calc_type = g_strdup (crk_xml_part_attribute (o->part, NS_CALCEXT, "value-type"));
}

/* "PT12H30M00S", "-P1DT2H" → days. */
static gboolean
parse_duration (const char *text, double *days)
{
  double sign = 1, total = 0;
  gboolean time = FALSE;

  if (*text == '-')
    sign = -1, text++;
  if (*text++ != 'P')
    return FALSE;
  while (*text != '\0')
    {
      char *end = NULL;
      double n;

      if (*text == 'T' && !time)
        {
          time = TRUE;
          text++;
          continue;
        }
      n = g_ascii_strtod (text, &end);
      if (end == text || !isfinite (n) || n < 0)
        return FALSE;
      switch (*end)
        {
          case 'D':
            if (time)
              return FALSE;
            total += n;
            break;
          case 'H':
            if (!time)
              return FALSE;
            total += n / 24;
            break;
          case 'M':
            if (!time)
              return FALSE;
            total += n / 1440;
            break;
          case 'S':
            if (!time)
              return FALSE;
            total += n / 86400;
            break;
          default:
            return FALSE;
        }
      text = end + 1;
    }
  *days = sign * total;
  return TRUE;
}

static gboolean
parse_number (const char *text, double *number)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  *number = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return end != text && *end == '\0' && isfinite (*number);
}

typedef enum
{
  BAD_NUMBER,
  BAD_DATE,
  BAD_TIME,
  BAD_BOOLEAN,
} BadValue;

static void
bad_value (Odf *o, BadValue what)
{
  const char *value = o->value != NULL ? o->value : "";
  g_autofree char *shown = g_utf8_make_valid (value, (gssize) MIN (strlen (value), 40));
  g_autofree char *message = NULL;

  switch (what)
    {
      case BAD_NUMBER:
        message = g_strdup_printf (_ ("“%s” is not a number"), shown);
        break;
      case BAD_DATE:
        message = g_strdup_printf (_ ("“%s” is not a date"), shown);
        break;
      case BAD_TIME:
        message = g_strdup_printf (_ ("“%s” is not a time"), shown);
        break;
      case BAD_BOOLEAN:
        message = g_strdup_printf (_ ("“%s” is not a boolean"), shown);
        break;
    }
  odf_error (o, o->row, o->column, CRK_IMPORT_ERROR_MALFORMED, message);
}

/* The cell's type, number and text, by its value type; FALSE when it holds nothing. */
static gboolean
cell_value (Odf *o, CrkCellType *type, double *number, char **text)
{
  const char *t = o->value_type != NULL ? o->value_type : "";

  *number = 0;
  *text = NULL;
  if (g_strcmp0 (o->calc_type, "error") == 0)
    {
      *type = CRK_CELL_ERROR;
      *number = NAN;
      *text = g_strdup (o->text->str);
      return TRUE;
    }
  if (g_str_equal (t, "float") || g_str_equal (t, "percentage") || g_str_equal (t, "currency"))
    {
      *type = CRK_CELL_NUMBER;
      if (parse_number (o->value, number))
        return TRUE;
      bad_value (o, BAD_NUMBER);
    }
  else if (g_str_equal (t, "date"))
    {
      *type = CRK_CELL_DATE;
      if (o->value != NULL && crk_sheet_parse_date (o->value, number))
        {
          *text = crk_sheet_date_text (*number);
          return TRUE;
        }
      bad_value (o, BAD_DATE);
    }
  else if (g_str_equal (t, "time"))
    {
      *type = CRK_CELL_DATE;
      if (o->value != NULL && parse_duration (o->value, number))
        {
          *text = crk_sheet_date_text (*number);
          return TRUE;
        }
      bad_value (o, BAD_TIME);
    }
  else if (g_str_equal (t, "boolean"))
    {
      *type = CRK_CELL_BOOLEAN;
      if (g_strcmp0 (o->value, "true") == 0 || g_strcmp0 (o->value, "false") == 0)
        {
          *number = g_str_equal (o->value, "true");
          return TRUE;
        }
      bad_value (o, BAD_BOOLEAN);
    }
  else
    {
      const char *s = o->string_value != NULL ? o->string_value : o->text->str;

      *type = CRK_CELL_TEXT;
      if (*s == '\0')
        return FALSE;
      *text = g_strdup (s);
      return TRUE;
    }
  return FALSE;
}

static void
end_cell (Odf *o)
{
  CrkCellType type;
  double number;
  char *text = NULL;

  if (!o->covered && (o->rows_spanned > 1 || o->columns_spanned > 1) &&
      o->column < CRK_SHEET_MAX_COLUMNS && o->row < CRK_SHEET_MAX_ROWS &&
      hold (o, 2 * sizeof (CrkCellRange)))
    crk_sheet_add_merged (o->sheet, (guint) o->row, (guint) o->column, o->rows_spanned,
                          o->columns_spanned);
  if (!o->covered && cell_value (o, &type, &number, &text))
    {
      for (guint64 c = 0; c < o->columns_repeated && !o->failed; c++)
        {
          Pending p = {(guint) (o->column + c), type, number, NULL};

          if (o->column + c >= CRK_SHEET_MAX_COLUMNS)
            {
              odf_error (o, o->row, o->column + c, CRK_IMPORT_ERROR_HOSTILE,
                         _ ("the table has cells right of the last column a sheet may have; "
                            "refusing the file"));
              break;
            }
          if (!hold (o, sizeof (Pending) + (text != NULL ? strlen (text) + 17 : 0)))
            break;
          p.text = g_strdup (text);
          g_array_append_val (o->pending, p);
        }
    }
  g_free (text);
  o->column += o->columns_repeated;
  clear_cell (o);
}

static gboolean
append_text (Odf *o, const char *text)
{
  return crk_xml_part_append_text (o->part, o->text, text);
}

/* An element inside a cell: paragraphs, spaces, tabs, line breaks; comments and drawings
 * are skipped whole. */
static void
cell_element (Odf *o)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (o->reader);

  if (xmlTextReaderIsEmptyElement (o->reader) == 0 &&
      ((uri != NULL && g_str_equal (uri, NS_DRAW)) ||
       crk_xml_part_is (o->part, ns_office, "annotation") ||
       crk_xml_part_is (o->part, ns_table, "table")))
    o->skip_depth = xmlTextReaderDepth (o->reader);
  else if (crk_xml_part_is (o->part, ns_text, "p") || crk_xml_part_is (o->part, ns_text, "h"))
    {
      if (o->paragraphs++ > 0)
        append_text (o, "\n");
      if (xmlTextReaderIsEmptyElement (o->reader) == 0)
        o->p_depth = xmlTextReaderDepth (o->reader);
    }
  else if (crk_xml_part_is (o->part, ns_text, "s"))
    {
      const char *c = crk_xml_part_attribute (o->part, NS_TEXT, "c");
      guint64 n = 1;

      if (c != NULL && !g_ascii_string_to_unsigned (c, 10, 1, MAX_SPACES, &n, NULL))
        n = 1;
      for (guint64 i = 0; i < n; i++)
        append_text (o, " ");
    }
  else if (crk_xml_part_is (o->part, ns_text, "tab"))
    append_text (o, "\t");
  else if (crk_xml_part_is (o->part, ns_text, "line-break"))
    append_text (o, "\n");
}

static void
element (Odf *o)
{
  gboolean empty = xmlTextReaderIsEmptyElement (o->reader) == 1;

  if (o->in_cell)
    {
      if (o->skip_depth < 0)
        cell_element (o);
      return;
    }
  if (crk_xml_part_is (o->part, ns_table, "table"))
    {
      if (o->sheet == NULL)
        begin_table (o);
    }
  else if (o->sheet == NULL)
    return;
  else if (crk_xml_part_is (o->part, ns_table, "table-row"))
    {
      begin_row (o);
      if (empty)
        end_row (o);
    }
  else if (crk_xml_part_is (o->part, ns_table, "table-cell") ||
           crk_xml_part_is (o->part, ns_table, "covered-table-cell"))
    {
      begin_cell (o, crk_xml_part_is (o->part, ns_table, "covered-table-cell"));
      o->in_cell = TRUE;
      if (empty)
        end_cell (o);
    }
}

static void
end_element (Odf *o)
{
  int depth = xmlTextReaderDepth (o->reader);

  if (o->in_cell)
    {
      if (o->skip_depth >= 0)
        {
          if (depth == o->skip_depth)
            o->skip_depth = -1;
        }
      else if (depth == o->p_depth)
        o->p_depth = -1;
      else if (depth == o->cell_depth)
        end_cell (o);
      return;
    }
  if (o->sheet == NULL)
    return;
  if (depth == o->table_depth && crk_xml_part_is (o->part, ns_table, "table"))
    {
      crk_sheet_sort (o->sheet);
      o->sheet = NULL;
    }
  else if (crk_xml_part_is (o->part, ns_table, "table-row"))
    end_row (o);
}

CrkSheetSet *
crk_odf_content_read (CrkXmlPart *part, const char *path, CrkImportReport *report)
{
  Odf o = {.part = part, .path = path, .report = report, .skip_depth = -1, .p_depth = -1};
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  int r;

  o.reader = crk_xml_part_get_reader (part);
  o.set = set;
  o.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (o.pending, pending_clear);
  o.text = g_string_new (NULL);
  o.limit = crk_io_get_memory_limit ();
  while (!o.failed && (r = crk_xml_part_next (part)) == 1)
    {
      int type = xmlTextReaderNodeType (o.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        element (&o);
      else if (type == XML_READER_TYPE_END_ELEMENT)
        end_element (&o);
      else if (o.in_cell && o.skip_depth < 0 && o.p_depth >= 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA))
        {
          const char *value = (const char *) xmlTextReaderConstValue (o.reader);

          if (value != NULL)
            append_text (&o, value);
        }
    }
  if (crk_xml_part_get_problem (part, NULL) != NULL)
    {
      CrkImportError code;
      const char *problem = crk_xml_part_get_problem (part, &code);

      if (o.sheet != NULL)
        odf_error (&o, o.row, o.column, code, problem);
      else
        crk_import_report_error (report, path, 0, 0, code, "%s", problem);
    }
  clear_cell (&o);
  g_string_free (o.text, TRUE);
  g_array_unref (o.pending);
  if (crk_import_report_failed (report))
    return NULL;
  if (set->sheets->len == 0)
    {
      crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_INVALID,
                               _ ("the spreadsheet has no tables"));
      return NULL;
    }
  return g_steal_pointer (&set);
}
