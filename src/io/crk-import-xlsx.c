/* crk-import-xlsx.c: Office Open XML workbooks (.xlsx), as sheets of cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package's relationships lead to the workbook (_rels/.rels), the workbook to its
 * sheets in order, with their names (xl/workbook.xml), and its relationships to the
 * parts of the sheets, the shared strings and the styles (xl/_rels/workbook.xml.rels;
 * the parts' names need not follow the sheets' order). The styles say which numbers are
 * dates: the only place that does. Every part is streamed (crk-zip.h), and the cells go
 * to the sheet as they are read.
 *
 * Cells: <c r="B3" t="…" s="…"><f>…</f><v>…</v></c>; t absent or "n" a number, "s" an
 * index into the shared strings, "inlineStr" the text of <is>, "str" a formula's text,
 * "b" a boolean, "e" an error ("#N/A"), "d" an ISO 8601 date. A formula's cached <v> is
 * its value; without one the cell has none (formulas are never evaluated). A cell or row
 * without r follows the one before. Both the transitional and the strict namespaces are
 * read.
 */
#define G_LOG_DOMAIN "crk-import-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"
#include "crk-zip.h"

static const char *const ns_main[] = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  NULL,
};
static const char *const ns_rel[] = {
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
  NULL,
};
static const char *const ns_package_rel[] = {
  "http://schemas.openxmlformats.org/package/2006/relationships",
  NULL,
};

/* The largest shared string part, workbook or relationships we read whole-heartedly is
 * bounded by the budget like any other; these bound what is not worth more. */
#define MAX_XFS (1 << 20)

typedef struct
{
  char *id;
  char *type;   /* the last segment of the type URI: "worksheet", "sharedStrings" */
  char *target; /* the part's name in the zip */
} Relationship;

typedef struct
{
  const char *path;
  char *display;
  CrkZip *zip;
  CrkImportReport *report;
  GCancellable *cancellable;
  GPtrArray *strings;  /* char *: the shared strings */
  GByteArray *is_date; /* per cell style (xf): 1 when its number format is a date */
  gboolean date1904;
  guint64 memory; /* bytes held by the cells and strings */
  guint64 limit;
  gboolean over_budget;
} Xlsx;

/* Parts */

static void
relationship_free (gpointer data)
{
  Relationship *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

/* @target resolved against the folder @base ("xl"), "a/./b/../c" made "a/c"; NULL when
 * it climbs out of the package. */
static char *
resolve_target (const char *base, const char *target)
{
  g_autofree char *joined = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base == NULL || *base == '\0')
    joined = g_strdup (target);
  else
    joined = g_strconcat (base, "/", target, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Reports the problem of @part; in a sheet, after the last cell read (libxml2 reads
 * ahead: the problem's line and column in the part say where it is). */
static void
report_part (Xlsx *x, CrkXmlPart *part, const char *sheet, const char *cell)
{
  CrkImportError code;
  const char *problem = crk_xml_part_get_problem (part, &code);

  if (problem == NULL)
    return;
  if (sheet != NULL && cell != NULL)
    /* Translators: a sheet's name, a cell ("B7"), then what went wrong */
    crk_import_report_error (x->report, x->path, 0, 0, code, _ ("sheet “%s”, after cell %s: %s"),
                             sheet, cell, problem);
  else if (sheet != NULL)
    crk_import_report_error (x->report, x->path, 0, 0, code, _ ("sheet “%s”: %s"), sheet, problem);
  else
    crk_import_report_error (x->report, x->path, 0, 0, code, "%s", problem);
}

static CrkXmlPart *
open_part (Xlsx *x, const char *name)
{
  g_autoptr (GError) error = NULL;
  CrkXmlPart *part = crk_xml_part_open (x->zip, name, x->cancellable, &error);

  if (part == NULL)
    crk_import_report_error (x->report, x->path, 0, 0, (CrkImportError) error->code, "%s",
                             error->message);
  return part;
}

/* The relationships of the part @source ("xl/workbook.xml"; "" for the package). */
static GPtrArray *
read_relationships (Xlsx *x, const char *source)
{
  g_autofree char *dir = *source != '\0' ? g_path_get_dirname (source) : g_strdup ("");
  g_autofree char *base = *source != '\0' ? g_path_get_basename (source) : g_strdup ("");
  g_autofree char *name = NULL;
  GPtrArray *rels = g_ptr_array_new_with_free_func (relationship_free);
  CrkXmlPart *part;
  int r;

  if (g_str_equal (dir, "."))
    {
      g_free (dir);
      dir = g_strdup ("");
    }
  name = *dir != '\0' ? g_strconcat (dir, "/_rels/", base, ".rels", NULL)
                      : g_strconcat ("_rels/", base, ".rels", NULL);
  if (!crk_zip_has_entry (x->zip, name))
    return rels;
  if ((part = open_part (x, name)) == NULL)
    return rels;
  while ((r = crk_xml_part_next (part)) == 1)
    {
      const char *id, *type, *target, *mode;
      Relationship *rel;

      if (xmlTextReaderNodeType (crk_xml_part_get_reader (part)) != XML_READER_TYPE_ELEMENT ||
          !crk_xml_part_is (part, ns_package_rel, "Relationship"))
        continue;
      mode = crk_xml_part_attribute (part, NULL, "TargetMode");
      if (mode != NULL && g_ascii_strcasecmp (mode, "External") == 0)
        continue;
      rel = g_new0 (Relationship, 1);
      id = crk_xml_part_attribute (part, NULL, "Id");
      rel->id = g_strdup (id != NULL ? id : "");
      type = crk_xml_part_attribute (part, NULL, "Type");
      rel->type =
        g_strdup (type != NULL && strrchr (type, '/') != NULL ? strrchr (type, '/') + 1 : "");
      target = crk_xml_part_attribute (part, NULL, "Target");
      rel->target = target != NULL ? resolve_target (dir, target) : NULL;
      if (rel->target == NULL)
        relationship_free (rel);
      else
        g_ptr_array_add (rels, rel);
    }
  if (r < 0)
    report_part (x, part, NULL, NULL);
  crk_xml_part_free (part);
  return rels;
}

static const Relationship *
find_relationship (GPtrArray *rels, const char *id, const char *type)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *rel = g_ptr_array_index (rels, i);

      if ((id == NULL || g_str_equal (rel->id, id)) &&
          (type == NULL || g_str_equal (rel->type, type)))
        return rel;
    }
  return NULL;
}

/* Memory */

static gboolean
hold (Xlsx *x, guint64 bytes)
{
  x->memory += bytes;
  if (x->memory <= x->limit)
    return TRUE;
  if (!x->over_budget)
    {
      g_autofree char *message = NULL;

      x->over_budget = TRUE;
      crk_io_check_memory (x->memory, _ ("Reading this workbook’s cells"), &message);
      crk_import_report_error (x->report, x->path, 0, 0, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
    }
  return FALSE;
}

/* Text: "_x000D_" is the character U+000D (OOXML's escape of what XML cannot hold). */
static char *
unescape_text (GString *text)
{
  const char *p = text->str;
  GString *out;

  if (strstr (p, "_x") == NULL)
    return g_strdup (p);
  out = g_string_sized_new (text->len);
  while (*p != '\0')
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
    type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA;
}

/* Appends the current text node to @text; FALSE (the part failed) past CRK_SHEET_MAX_TEXT. */
static gboolean
append_text (CrkXmlPart *part, GString *text)
{
  const char *value = (const char *) xmlTextReaderConstValue (crk_xml_part_get_reader (part));

  return value == NULL || crk_xml_part_append_text (part, text, value);
}

/* Shared strings: <si> with <t>, or runs <r><t>; phonetic runs <rPh> are not the text. */
static gboolean
read_shared_strings (Xlsx *x, const char *name)
{
  g_autoptr (GString) text = g_string_new (NULL);
  CrkXmlPart *part = open_part (x, name);
  xmlTextReaderPtr reader;
  int r, in_si = 0, in_t = 0, in_rph = 0;

  if (part == NULL)
    return FALSE;
  reader = crk_xml_part_get_reader (part);
  while ((r = crk_xml_part_next (part)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader))
        {
          if (crk_xml_part_is (part, ns_main, "si"))
            in_si = 1, g_string_truncate (text, 0);
          else if (crk_xml_part_is (part, ns_main, "rPh"))
            in_rph = 1;
          else if (crk_xml_part_is (part, ns_main, "t"))
            in_t = 1;
        }
      else if (type == XML_READER_TYPE_ELEMENT && crk_xml_part_is (part, ns_main, "si"))
        {
          g_ptr_array_add (x->strings, g_strdup (""));
          if (!hold (x, 24))
            break;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (crk_xml_part_is (part, ns_main, "t"))
            in_t = 0;
          else if (crk_xml_part_is (part, ns_main, "rPh"))
            in_rph = 0;
          else if (crk_xml_part_is (part, ns_main, "si") && in_si)
            {
              in_si = 0;
              g_ptr_array_add (x->strings, unescape_text (text));
              if (!hold (x, text->len + 24))
                break;
            }
        }
      else if (in_si && in_t && !in_rph && is_text_node (type) && !append_text (part, text))
        break;
    }
  if (crk_xml_part_get_problem (part, NULL) != NULL)
    report_part (x, part, NULL, NULL);
  crk_xml_part_free (part);
  return !crk_import_report_failed (x->report);
}

/* Styles */

/* Is the number format @code a date: d, m or y outside quotes, brackets and escapes? */
static gboolean
format_is_date (const char *code)
{
  gboolean quoted = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (quoted)
        {
          quoted = *p != '"';
          continue;
        }
      switch (*p)
        {
          case '"':
            quoted = TRUE;
            break;
          case '\\':
          case '_':
          case '*':
            if (p[1] != '\0')
              p++;
            break;
          case '[':
            while (*p != '\0' && *p != ']')
              p++;
            if (*p == '\0')
              return FALSE;
            break;
          case ';':
            return FALSE; /* the first section decides */
          case 'd':
          case 'D':
          case 'm':
          case 'M':
          case 'y':
          case 'Y':
            return TRUE;
          default:
            break;
        }
    }
  return FALSE;
}

/* Built-in date formats: 14–22 and 45–47, and the East Asian ones (27–36, 50–58). */
static gboolean
builtin_is_date (guint64 id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
    (id >= 50 && id <= 58);
}

static void
read_styles (Xlsx *x, const char *name)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) xfs = g_array_new (FALSE, FALSE, sizeof (guint));
  CrkXmlPart *part = open_part (x, name);
  xmlTextReaderPtr reader;
  int r, in_xfs = 0;

  if (part == NULL)
    return;
  reader = crk_xml_part_get_reader (part);
  while ((r = crk_xml_part_next (part)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      guint64 id = 0;
      const char *value;

      if (type == XML_READER_TYPE_END_ELEMENT && crk_xml_part_is (part, ns_main, "cellXfs"))
        in_xfs = 0;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (crk_xml_part_is (part, ns_main, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (crk_xml_part_is (part, ns_main, "numFmt"))
        {
          value = crk_xml_part_attribute (part, NULL, "numFmtId");
          if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &id, NULL) &&
              (value = crk_xml_part_attribute (part, NULL, "formatCode")) != NULL &&
              g_hash_table_size (custom) < MAX_XFS)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) id),
                                 GINT_TO_POINTER (format_is_date (value) ? 2 : 1));
        }
      else if (in_xfs && crk_xml_part_is (part, ns_main, "xf") && xfs->len < MAX_XFS)
        {
          guint format = 0;

          value = crk_xml_part_attribute (part, NULL, "numFmtId");
          if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &id, NULL))
            format = (guint) id;
          g_array_append_val (xfs, format);
        }
    }
  if (r < 0)
    report_part (x, part, NULL, NULL);
  crk_xml_part_free (part);

  g_byte_array_set_size (x->is_date, xfs->len);
  for (guint i = 0; i < xfs->len; i++)
    {
      guint id = g_array_index (xfs, guint, i);
      int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));

      x->is_date->data[i] = kind == 2 || (kind == 0 && builtin_is_date (id));
    }
}

/* Sheets */

typedef struct
{
  Xlsx *x;
  CrkSheet *sheet;
  CrkXmlPart *part;
  guint row;            /* the current row */
  gboolean row_started; /* a <row> was seen */
  guint column;         /* the column of the last cell, or G_MAXUINT before the row's first */
  char ref[16];         /* the current cell, for messages */
  /* The current cell */
  char type[12];
  guint style;
  gboolean has_value, in_v, in_is, in_t, in_rph;
  GString *value;
} SheetReader;

static void cell_error (SheetReader *s, CrkImportError code, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static void
cell_error (SheetReader *s, CrkImportError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  crk_import_report_cell_error (s->x->report, s->x->path, s->sheet->name, s->ref, code, "%s",
                                message);
}

static gboolean
parse_row (SheetReader *s)
{
  const char *r = crk_xml_part_attribute (s->part, NULL, "r");
  guint64 n;

  if (r == NULL)
    n = s->row_started ? (guint64) s->row + 2 : 1;
  else if (!g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT32, &n, NULL))
    {
      g_snprintf (s->ref, sizeof s->ref, "%u", s->row + 1);
      cell_error (s, CRK_IMPORT_ERROR_MALFORMED, _ ("“%s” is not a row number"), r);
      return FALSE;
    }
  if (n > CRK_SHEET_MAX_ROWS)
    {
      g_snprintf (s->ref, sizeof s->ref, "%" G_GUINT64_FORMAT, n);
      cell_error (s, CRK_IMPORT_ERROR_HOSTILE,
                  _ ("row %s is beyond the %d rows a sheet may have; refusing the file"), s->ref,
                  CRK_SHEET_MAX_ROWS);
      return FALSE;
    }
  s->row = (guint) n - 1;
  s->row_started = TRUE;
  s->column = G_MAXUINT;
  return TRUE;
}

/* <c>: where it is, its type and style. */
static gboolean
begin_cell (SheetReader *s)
{
  xmlTextReaderPtr reader = crk_xml_part_get_reader (s->part);
  const char *r = NULL;
  g_autofree char *ref = NULL;
  guint row, column;

  s->type[0] = '\0';
  s->style = 0;
  s->has_value = s->in_v = s->in_is = s->in_t = s->in_rph = FALSE;
  g_string_truncate (s->value, 0);
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (xmlTextReaderConstNamespaceUri (reader) != NULL || value == NULL)
        continue;
      if (g_str_equal (name, "r"))
        r = value;
      else if (g_str_equal (name, "t"))
        g_strlcpy (s->type, value, sizeof s->type);
      else if (g_str_equal (name, "s"))
        {
          guint64 n;

          s->style =
            g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &n, NULL) ? (guint) n : 0;
        }
    }
  if (r != NULL)
    {
      ref = g_strdup (r);
      g_strlcpy (s->ref, r, sizeof s->ref);
    }
  xmlTextReaderMoveToElement (reader);
  if (ref != NULL)
    {
      if (!crk_cell_parse (ref, &row, &column))
        {
          cell_error (
            s, CRK_IMPORT_ERROR_HOSTILE,
            _ ("“%s” is outside a sheet (%d rows and %d columns at most); refusing the file"), ref,
            CRK_SHEET_MAX_ROWS, CRK_SHEET_MAX_COLUMNS);
          return FALSE;
        }
      s->row = row, s->row_started = TRUE;
      s->column = column;
      return TRUE;
    }
  column = s->column == G_MAXUINT ? 0 : s->column + 1;
  if (column >= CRK_SHEET_MAX_COLUMNS)
    {
      cell_error (s, CRK_IMPORT_ERROR_HOSTILE,
                  _ ("a row has more than %d cells; refusing the file"), CRK_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  s->column = column;
  {
    g_autofree char *name = crk_cell_name (s->row, column);

    g_strlcpy (s->ref, name, sizeof s->ref);
  }
  return TRUE;
}

static void
add_cell (SheetReader *s, CrkCellType type, double number, char *text)
{
  if (!hold (s->x, CRK_SHEET_CELL_BYTES + (text != NULL ? strlen (text) + 17 : 0)))
    {
      g_free (text);
      return;
    }
  crk_sheet_add_cell (s->sheet, s->row, s->column, type, number, text);
}

static gboolean
parse_number (SheetReader *s, const char *text, double *number)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  *number = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || end == NULL || *end != '\0' || !isfinite (*number))
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));

      cell_error (s, CRK_IMPORT_ERROR_MALFORMED, _ ("“%s” is not a number"), shown);
      return FALSE;
    }
  return TRUE;
}

static void
end_number (SheetReader *s, const char *text)
{
  double number;

  if (!parse_number (s, text, &number))
    return;
  if (s->style < s->x->is_date->len && s->x->is_date->data[s->style])
    {
      if (s->x->date1904)
        number += 1462;
      add_cell (s, CRK_CELL_DATE, number, crk_sheet_date_text (number));
    }
  else
    add_cell (s, CRK_CELL_NUMBER, number, NULL);
}

/* </c>: the cell's value, by its type. */
static void
end_cell (SheetReader *s)
{
  const char *t = s->type;
  const char *text = s->value->str;

  if (!s->has_value)
    return; /* empty, or a formula without a cached value */
  if (*t == '\0' || g_str_equal (t, "n"))
    end_number (s, text);
  else if (g_str_equal (t, "s"))
    {
      guint64 i;

      if (!g_ascii_string_to_unsigned (g_strstrip (s->value->str), 10, 0, G_MAXUINT32, &i, NULL) ||
          i >= s->x->strings->len)
        {
          g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));

          cell_error (s, CRK_IMPORT_ERROR_MALFORMED,
                      _ ("the shared string “%s” does not exist (the workbook has %u)"), shown,
                      s->x->strings->len);
          return;
        }
      text = g_ptr_array_index (s->x->strings, i);
      if (*text != '\0')
        add_cell (s, CRK_CELL_TEXT, 0, g_strdup (text));
    }
  else if (g_str_equal (t, "inlineStr") || g_str_equal (t, "str"))
    {
      if (*text != '\0')
        add_cell (s, CRK_CELL_TEXT, 0, unescape_text (s->value));
    }
  else if (g_str_equal (t, "b"))
    {
      g_strstrip (s->value->str);
      if (g_str_equal (text, "1") || g_str_equal (text, "true"))
        add_cell (s, CRK_CELL_BOOLEAN, 1, NULL);
      else if (g_str_equal (text, "0") || g_str_equal (text, "false"))
        add_cell (s, CRK_CELL_BOOLEAN, 0, NULL);
      else
        cell_error (s, CRK_IMPORT_ERROR_MALFORMED, _ ("“%s” is not a boolean"), text);
    }
  else if (g_str_equal (t, "e"))
    add_cell (s, CRK_CELL_ERROR, NAN, g_strdup (g_strstrip (s->value->str)));
  else if (g_str_equal (t, "d"))
    {
      double serial;

      if (crk_sheet_parse_date (g_strstrip (s->value->str), &serial))
        add_cell (s, CRK_CELL_DATE, serial, crk_sheet_date_text (serial));
      else
        cell_error (s, CRK_IMPORT_ERROR_MALFORMED, _ ("“%s” is not a date"), text);
    }
  else
    cell_error (s, CRK_IMPORT_ERROR_MALFORMED, _ ("unknown cell type “%s”"), t);
}

static void
read_merge (SheetReader *s)
{
  const char *ref = crk_xml_part_attribute (s->part, NULL, "ref");
  g_auto (GStrv) ends = NULL;
  guint r0, c0, r1, c1;

  if (ref == NULL)
    return;
  ends = g_strsplit (ref, ":", 3);
  if (!crk_cell_parse (ends[0], &r0, &c0))
    return;
  if (ends[1] == NULL)
    r1 = r0, c1 = c0;
  else if (ends[2] != NULL || !crk_cell_parse (ends[1], &r1, &c1))
    return;
  if (r1 < r0 || c1 < c0 || !hold (s->x, 2 * sizeof (CrkCellRange)))
    return;
  crk_sheet_add_merged (s->sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

/* Elements of a cell's content: <v>, <is>, its <t> and runs. */
static void
cell_element (SheetReader *s, gboolean start)
{
  if (crk_xml_part_is (s->part, ns_main, "v"))
    {
      s->in_v = start;
      if (start)
        s->has_value = TRUE, g_string_truncate (s->value, 0);
    }
  else if (crk_xml_part_is (s->part, ns_main, "is"))
    {
      s->in_is = start;
      if (start)
        s->has_value = TRUE, g_string_truncate (s->value, 0);
    }
  else if (crk_xml_part_is (s->part, ns_main, "t"))
    s->in_t = start;
  else if (crk_xml_part_is (s->part, ns_main, "rPh"))
    s->in_rph = start;
}

static void
read_sheet_part (SheetReader *s)
{
  xmlTextReaderPtr reader = crk_xml_part_get_reader (s->part);
  gboolean in_cell = FALSE;
  int r;

  while ((r = crk_xml_part_next (s->part)) == 1 && !s->x->over_budget)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (in_cell)
            cell_element (s, !empty);
          else if (crk_xml_part_is (s->part, ns_main, "c"))
            {
              if (!begin_cell (s))
                break;
              in_cell = !empty;
            }
          else if (crk_xml_part_is (s->part, ns_main, "row"))
            {
              if (!parse_row (s))
                break;
            }
          else if (crk_xml_part_is (s->part, ns_main, "mergeCell"))
            read_merge (s);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && in_cell)
        {
          if (crk_xml_part_is (s->part, ns_main, "c"))
            {
              end_cell (s);
              in_cell = FALSE;
            }
          else
            cell_element (s, FALSE);
        }
      else if (in_cell && is_text_node (type) && (s->in_v || (s->in_is && s->in_t && !s->in_rph)) &&
               !append_text (s->part, s->value))
        break;
    }
  if (crk_xml_part_get_problem (s->part, NULL) != NULL)
    report_part (s->x, s->part, s->sheet->name, s->ref[0] != '\0' ? s->ref : NULL);
}

static void
read_sheet (Xlsx *x, CrkSheet *sheet, const char *name)
{
  SheetReader s = {.x = x, .sheet = sheet, .column = G_MAXUINT};
  g_autoptr (GError) error = NULL;

  s.part = crk_xml_part_open (x->zip, name, x->cancellable, &error);
  if (s.part == NULL)
    {
      crk_import_report_error (x->report, x->path, 0, 0, (CrkImportError) error->code,
                               _ ("sheet “%s”: %s"), sheet->name, error->message);
      return;
    }
  s.value = g_string_new (NULL);
  read_sheet_part (&s);
  g_string_free (s.value, TRUE);
  crk_xml_part_free (s.part);
  crk_sheet_sort (sheet);
}

/* The workbook */

typedef struct
{
  char *name;
  char *id;
} SheetEntry;

static void
sheet_entry_clear (gpointer data)
{
  SheetEntry *e = data;

  g_free (e->name);
  g_free (e->id);
}

/* xl/workbook.xml: the sheets in order, and the date system. */
static GArray *
read_workbook (Xlsx *x, const char *name)
{
  GArray *sheets = g_array_new (FALSE, TRUE, sizeof (SheetEntry));
  CrkXmlPart *part = open_part (x, name);
  int r;

  g_array_set_clear_func (sheets, sheet_entry_clear);
  if (part == NULL)
    return sheets;
  while ((r = crk_xml_part_next (part)) == 1)
    {
      const char *value;

      if (xmlTextReaderNodeType (crk_xml_part_get_reader (part)) != XML_READER_TYPE_ELEMENT)
        continue;
      if (crk_xml_part_is (part, ns_main, "workbookPr"))
        {
          value = crk_xml_part_attribute (part, NULL, "date1904");
          x->date1904 = value != NULL && (g_str_equal (value, "1") || g_str_equal (value, "true"));
        }
      else if (crk_xml_part_is (part, ns_main, "sheet") && sheets->len < 65536)
        {
          SheetEntry e = {0};
          const char *id = NULL;

          value = crk_xml_part_attribute (part, NULL, "name");
          e.name = g_strdup (value != NULL ? value : "");
          for (guint i = 0; ns_rel[i] != NULL && id == NULL; i++)
            id = crk_xml_part_attribute (part, ns_rel[i], "id");
          e.id = g_strdup (id != NULL ? id : "");
          g_array_append_val (sheets, e);
        }
    }
  if (r < 0)
    report_part (x, part, NULL, NULL);
  crk_xml_part_free (part);
  return sheets;
}

static CrkSheetSet *
read_package (Xlsx *x)
{
  g_autoptr (GPtrArray) package_rels = read_relationships (x, "");
  const Relationship *document = find_relationship (package_rels, NULL, "officeDocument");
  const char *workbook = document != NULL ? document->target : "xl/workbook.xml";
  g_autoptr (GPtrArray) rels = NULL;
  g_autoptr (GArray) sheets = NULL;
  g_autoptr (CrkSheetSet) set = crk_sheet_set_new ();
  const Relationship *rel;

  if (!crk_zip_has_entry (x->zip, workbook))
    {
      crk_import_report_error (x->report, x->path, 0, 0, CRK_IMPORT_ERROR_MALFORMED,
                               _ ("not an Excel workbook: it has no part “%s”"), workbook);
      return NULL;
    }
  rels = read_relationships (x, workbook);
  sheets = read_workbook (x, workbook);
  if (crk_import_report_failed (x->report))
    return NULL;
  if ((rel = find_relationship (rels, NULL, "sharedStrings")) != NULL &&
      crk_zip_has_entry (x->zip, rel->target) && !read_shared_strings (x, rel->target))
    return NULL;
  if ((rel = find_relationship (rels, NULL, "styles")) != NULL &&
      crk_zip_has_entry (x->zip, rel->target))
    read_styles (x, rel->target);

  for (guint i = 0; i < sheets->len && !crk_import_report_failed (x->report); i++)
    {
      SheetEntry *e = &g_array_index (sheets, SheetEntry, i);
      CrkSheet *sheet = crk_sheet_set_add (set, e->name);

      rel = find_relationship (rels, e->id, NULL);
      if (rel == NULL || !crk_zip_has_entry (x->zip, rel->target))
        crk_import_report_cell_error (
          x->report, x->path, e->name, "A1", CRK_IMPORT_ERROR_MALFORMED,
          _ ("the workbook names the sheet, but not a part that holds it"));
      else if (g_str_equal (rel->type, "worksheet"))
        read_sheet (x, sheet, rel->target);
      /* chart and dialog sheets have no cells: they stay empty */
    }
  if (sheets->len == 0 && !crk_import_report_failed (x->report))
    crk_import_report_error (x->report, x->path, 0, 0, CRK_IMPORT_ERROR_INVALID,
                             _ ("the workbook has no sheets"));
  if (crk_import_report_failed (x->report))
    return NULL;
  return g_steal_pointer (&set);
}

static CrkSheetSet *
xlsx_read_sheets (const char *path,
                  const CrkImportOptions *options,
                  CrkImportReport *report,
                  GCancellable *cancellable,
                  GError **error)
{
  g_autoptr (GError) local = NULL;
  Xlsx x = {.path = path, .report = report, .cancellable = cancellable};
  CrkSheetSet *set = NULL;

  x.zip = crk_zip_open (path, &local);
  if (x.zip == NULL)
    {
      if (local->code == CRK_IMPORT_ERROR_IO)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        crk_import_report_error (report, path, 0, 0, (CrkImportError) local->code, "%s",
                                 local->message);
      return NULL;
    }
  x.strings = g_ptr_array_new_with_free_func (g_free);
  x.is_date = g_byte_array_new ();
  x.limit = crk_io_get_memory_limit ();
  set = read_package (&x);
  g_ptr_array_unref (x.strings);
  g_byte_array_unref (x.is_date);
  crk_zip_free (x.zip);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&set, crk_sheet_set_free);
  return set;
}

static gboolean
head_has (const CrkSniff *sniff, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; sniff->head != NULL && i + n <= sniff->head_length; i++)
    if (sniff->head[i] == (guint8) needle[0] && memcmp (sniff->head + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static int
xlsx_sniff (const CrkSniff *sniff)
{
  gboolean content_types = FALSE, workbook = FALSE;

  if (sniff->zip_entries != NULL)
    for (guint i = 0; sniff->zip_entries[i] != NULL; i++)
      {
        content_types |= g_str_equal (sniff->zip_entries[i], "[Content_Types].xml");
        workbook |= g_str_equal (sniff->zip_entries[i], "xl/workbook.xml");
      }
  else if (sniff->head_length >= 4 && memcmp (sniff->head, "PK\003\004", 4) == 0)
    {
      content_types = head_has (sniff, "[Content_Types].xml");
      workbook = head_has (sniff, "xl/workbook.xml");
    }
  if (content_types && workbook)
    return 95;
  if (g_strcmp0 (sniff->suffix, ".xlsx") == 0 || g_strcmp0 (sniff->suffix, ".xlsm") == 0)
    return 10;
  return 0;
}

static const char *const xlsx_patterns[] = {"*.xlsx", "*.xlsm", NULL};
static const char *const xlsx_mime_types[] = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  NULL,
};

const CrkImporter crk_importer_xlsx = {
  .id = "xlsx",
  .name = N_ ("Excel workbook (.xlsx)"),
  .patterns = xlsx_patterns,
  .mime_types = xlsx_mime_types,
  .sniff = xlsx_sniff,
  .read = NULL,
  .read_sheets = xlsx_read_sheets,
};
