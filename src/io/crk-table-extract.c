/* crk-table-extract.c: finding the table in a sheet and turning it into observations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Published tables are not tidy. What this file assumes of them, in the order it looks:
 *
 *   1. The sheet: options->sheet (a name or a 1-based number), else the first sheet in
 *      which a table is found.
 *   2. Rows above the table: empty rows, notes ("Source:", "注：", "资料来源", "单位：…")
 *      and titles (a row of one text cell, or of one merged cell) are skipped. A title
 *      row "指标：X" names the indicator of a table whose columns are years; a row
 *      "单位：X" / "Unit: X" gives the unit of every value; a year in a title
 *      ("(2021年)") is the period of a table that has none (with a notice).
 *   3. The header: the first row of two or more cells that holds no number other than
 *      years. Up to two more rows right below it are header rows too when they hold no
 *      number other than years and nothing under the header's first column (a two-row
 *      header). A parent header (merged over its columns, or written once left of empty
 *      cells) combines with the child below it: "Trade / EU". When the child is a period
 *      ("GDP" over "2019", "2020"), the parent is the indicator and the child the period.
 *   4. Columns, from the rows below the header: the row-label (city) column is the
 *      leftmost column that holds mostly text; a period column holds only periods and is
 *      named so ("Year", "年份") or sits beside repeated row labels; an indicator column
 *      is another text column named so ("Indicator", "指标") or beside repeated labels;
 *      value columns are the others that hold more numbers than text.
 *   5. The layout: long when there is a period column; wide by year when most value
 *      columns are headed by periods (2018, "2020年"); else wide by indicator, whose
 *      period is options->default_year (or the year of the title). options->layout,
 *      city, indicator and period (a header text or a column letter "B") override.
 *   6. Values: a cell holding a missing marker (crk_import_is_missing(), options->missing,
 *      the empty string) is missing (NAN), never zero; a number written as text
 *      ("1,234.5") is a number; a footnote mark after a number ("12.3e", "45*",
 *      "12.3①") is stripped, kept as the observation's note and reported. Any other
 *      text in a value column is missing, with a notice. Rows with no value at all
 *      (notes below the table, group headings) are skipped.
 *   7. Units written in a header ("GDP (10,000 yuan)", "地区生产总值（万元）", "Share [%]")
 *      become the unit of its values and leave the indicator's name.
 *   8. Totals rows ("Total", "合计", "全国") are kept, with a notice.
 *
 * Once the table is found, the sink hears its shape (CrkImportShape: the sheet, the header
 * rows, the first data row, the row labels, the layout, each column's role), before the
 * first value, also when the table then fails (a wide table without a period), so that
 * the import assistant can show it. Every observation carries its sheet and cell. Labels are
 * cleaned of blanks around them, runs of blanks become one space, and blanks between two Chinese
 * characters (padding such as "北  京") go.
 */
#define G_LOG_DOMAIN "crk-table-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-import.h"

/* How many rows above the table are looked at for the header. */
#define MAX_HEADER_SCAN 200
/* Header rows at most (the header and two rows below it). */
#define MAX_HEADER_ROWS 3

typedef struct
{
  CrkSheet *sheet;
  const char *file;
  const CrkImportOptions *options;
  CrkImportReport *report;
  CrkImportSink *sink;

  guint header[MAX_HEADER_ROWS]; /* the header rows */
  guint n_header;
  guint first_row;  /* the first row below the header */
  gsize first_cell; /* the index of its first cell */

  char **headers;   /* per column: the last header row's text, cleaned (nullable) */
  char **parents;   /* per column: the rows above it, joined with " / " (nullable) */
  int label_column; /* -1 none */
  int period_column;
  int indicator_column;
  guint8 *is_value; /* per column */
  CrkTableLayout layout;

  char *table_indicator; /* from "指标：X" or the title (wide by year) */
  char *table_unit;      /* from "单位：X" */
  char *table_period;    /* default_year, options->period or the title's year */
  char *title;           /* the first title row */
  char *title_cell;
  GArray *label_merges;     /* the merged ranges over the label column */
  GArray *indicator_merges; /* over the indicator column */
} Table;

static void
table_clear (Table *t)
{
  if (t->headers != NULL)
    for (guint c = 0; c < t->sheet->n_columns; c++)
      {
        g_free (t->headers[c]);
        g_free (t->parents[c]);
      }
  g_clear_pointer (&t->headers, g_free);
  g_clear_pointer (&t->parents, g_free);
  g_clear_pointer (&t->is_value, g_free);
  g_clear_pointer (&t->table_indicator, g_free);
  g_clear_pointer (&t->table_unit, g_free);
  g_clear_pointer (&t->table_period, g_free);
  g_clear_pointer (&t->title, g_free);
  g_clear_pointer (&t->title_cell, g_free);
  g_clear_pointer (&t->label_merges, g_array_unref);
  g_clear_pointer (&t->indicator_merges, g_array_unref);
}

/* Text helpers */

/* Blanks: ASCII white space, no-break space, thin spaces, the ideographic space. */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x3000;
}

/* Chinese, Japanese, Korean characters and full-width forms: no spaces between them. */
static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
    (c >= 0xFF00 && c <= 0xFFEF);
}

/* The text cleaned: no blanks around it, runs of blanks as one space, none between two
 * Chinese characters ("北  京" is 北京). Newlines inside header cells are blanks. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar before = 0;
  gboolean pending = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c))
        {
          pending = out->len > 0;
          continue;
        }
      if (pending && !(is_cjk (before) && is_cjk (c)))
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
      before = c;
    }
  return g_string_free (out, FALSE);
}

/* The text of a cell as a header or a label shows it: its text, or its number. */
static char *
cell_text (const CrkCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell == NULL)
    return NULL;
  if (cell->type == CRK_CELL_TEXT || cell->type == CRK_CELL_ERROR || cell->type == CRK_CELL_DATE)
    return clean_text (cell->text);
  if (cell->text != NULL && cell->text[0] != '\0')
    return clean_text (cell->text);
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, cell->number));
}

static gboolean
is_empty_cell (const CrkCell *cell)
{
  g_autofree char *text = NULL;

  if (cell == NULL)
    return TRUE;
  if (cell->type != CRK_CELL_TEXT)
    return FALSE;
  text = clean_text (cell->text);
  return text[0] == '\0';
}

/* Does @text start with one of @prefixes (ignoring ASCII case)? */
static gboolean
starts_with_any (const char *text, const char *const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Is @text (cleaned, ASCII case ignored) one of @words? */
static gboolean
equals_any (const char *text, const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A note row: a source, a note, a unit line. */
static gboolean
is_note_text (const char *text)
{
  static const char *const prefixes[] = {
    "Source:",  "Sources:", "Note:",  "Notes:", "Footnote", "注：",  "注:",   "注 ",    "资料来源",
    "数据来源", "来源：",   "说明：", "备注",   "单位：",   "单位:", "Unit:", "Units:", NULL,
  };

  return starts_with_any (text, prefixes);
}

/* The unit of a unit row: "单位：亿元", "Unit: £ million"; NULL when not one. */
static char *
unit_row_unit (const char *text)
{
  static const char *const prefixes[] = {"单位：", "单位:", "单位 ", "Unit:", "Units:", NULL};

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return clean_text (text + strlen (prefixes[i]));
  return NULL;
}

/* The indicator of an indicator row: "指标：第一产业增加值(亿元)"; NULL when not one. */
static char *
indicator_row_name (const char *text)
{
  static const char *const prefixes[] = {"指标：", "指标:", "Indicator:", "Series:", NULL};

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return clean_text (text + strlen (prefixes[i]));
  return NULL;
}

/* A period as a header or a cell writes it: "2020", "2020年", "2020年度", "2020-Q1", a
 * number 2020. Returns the period as observations carry it ("2020"), or NULL. */
static char *
period_of_text (const char *text)
{
  g_autofree char *s = clean_text (text);
  gsize n = strlen (s);

  if (g_str_has_suffix (s, "年度"))
    s[n - strlen ("年度")] = '\0';
  else if (g_str_has_suffix (s, "年"))
    s[n - strlen ("年")] = '\0';
  else if (g_str_has_suffix (s, ".0"))
    s[n - 2] = '\0';
  if (!crk_period_parse (s, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&s);
}

static char *
period_of_cell (const CrkCell *cell)
{
  char buffer[32];

  if (cell == NULL)
    return NULL;
  if (cell->type == CRK_CELL_NUMBER)
    {
      if (cell->number != floor (cell->number) || cell->number < 1000 || cell->number > 9999)
        return NULL;
      g_snprintf (buffer, sizeof buffer, "%d", (int) cell->number);
      return g_strdup (buffer);
    }
  if (cell->type == CRK_CELL_TEXT)
    return period_of_text (cell->text);
  return NULL;
}

/* Units in headers: a last bracketed part, "GDP (10,000 yuan)", "地区生产总值（万元）",
 * "Share [%]", that is not a period. Sets @name to the header without it. */
static char *
split_unit (const char *header, char **name)
{
  static const char *const pairs[][2] = {{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}};
  g_autofree char *h = clean_text (header);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *open;
      g_autofree char *inside = NULL;
      g_autofree char *period = NULL;

      if (!g_str_has_suffix (h, pairs[i][1]))
        continue;
      open = g_strrstr (h, pairs[i][0]);
      if (open == NULL || open == h)
        continue;
      inside = g_strndup (open + strlen (pairs[i][0]),
                          strlen (open) - strlen (pairs[i][0]) - strlen (pairs[i][1]));
      period = period_of_text (inside);
      if (period != NULL || inside[0] == '\0')
        continue;
      {
        g_autofree char *before = g_strndup (h, open - h);

        *name = clean_text (before);
      }
      return clean_text (inside);
    }
  *name = g_steal_pointer (&h);
  return NULL;
}

/* Totals rows: "Total", "合计", "全国", "总计", "地方合计", "All …". */
static gboolean
is_total_label (const char *label)
{
  static const char *const words[] = {"total", "totals", "grand total", "all", "合计",
                                      "总计",  "全国",   "全国总计",    "sum", NULL};
  static const char *const prefixes[] = {"total ", "total:", "all ", NULL};

  return equals_any (label, words) || starts_with_any (label, prefixes) ||
    g_str_has_suffix (label, "合计") || g_str_has_suffix (label, "总计");
}

/* Values */

typedef enum
{
  VALUE_NUMBER,
  VALUE_MARKED, /* a number with a footnote mark after it */
  VALUE_MISSING,
  VALUE_TEXT, /* not a number */
} ValueKind;

/* A footnote mark after a number: one or two ASCII letters ("e", "p", "r", "bc"), stars
 * and daggers ("*", "**", "†", "#"), a circled number (①–⑳), superscript digits, or one
 * of these in brackets ("(e)", "[p]"). */
static gboolean
is_footnote_mark (const char *mark)
{
  const char *p = mark;
  gsize n = strlen (mark);
  guint letters = 0, symbols = 0;

  if (n >= 3 && ((mark[0] == '(' && mark[n - 1] == ')') || (mark[0] == '[' && mark[n - 1] == ']')))
    {
      g_autofree char *inner = g_strndup (mark + 1, n - 2);

      return is_footnote_mark (inner);
    }
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isalpha (*p) && c < 0x80)
        letters++;
      else if (c == '*' || c == '#' || c == 0x2020 || c == 0x2021 || c == 0x00A7 ||
               (c >= 0x2460 && c <= 0x2473) || c == 0x00B9 || c == 0x00B2 || c == 0x00B3 ||
               (c >= 0x2070 && c <= 0x2079))
        symbols++;
      else
        return FALSE;
    }
  return (letters > 0 && letters <= 2 && symbols == 0) ||
    (symbols > 0 && symbols <= 3 && letters == 0);
}

/* The digits of a number written as text, without the thousands separators (",", blanks
 * between groups of three digits), in @out; the rest of the text in @rest. */
static gboolean
take_digits (const char *s, GString *out, const char **rest)
{
  const char *p = s;
  gboolean digits = FALSE, point = FALSE;

  if (*p == '-' || *p == '+')
    g_string_append_c (out, *p++);
  else if (g_str_has_prefix (p, "−")) /* U+2212 MINUS SIGN */
    {
      g_string_append_c (out, '-');
      p += strlen ("−");
    }
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          digits = TRUE;
          continue;
        }
      if (*p == '.' && !point)
        {
          g_string_append_c (out, *p++);
          point = TRUE;
          continue;
        }
      /* a separator between a digit and exactly three digits */
      if (digits && !point && g_ascii_isdigit (p[-1]))
        {
          gsize skip = 0;

          if (*p == ',' || *p == ' ' || *p == '\'')
            skip = 1;
          else if (g_str_has_prefix (p, "\u00a0") || g_str_has_prefix (p, "\u202f"))
            skip = strlen (g_str_has_prefix (p, "\u00a0") ? "\u00a0" : "\u202f");
          if (skip > 0 && g_ascii_isdigit (p[skip]) && g_ascii_isdigit (p[skip + 1]) &&
              g_ascii_isdigit (p[skip + 2]) && !g_ascii_isdigit (p[skip + 3]))
            {
              p += skip;
              continue;
            }
        }
      /* an exponent: "1.5E+03" */
      if ((*p == 'e' || *p == 'E') && digits &&
          (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
        {
          g_string_append_c (out, *p++);
          if (*p == '+' || *p == '-')
            g_string_append_c (out, *p++);
          while (g_ascii_isdigit (*p))
            g_string_append_c (out, *p++);
        }
      break;
    }
  *rest = p;
  return digits;
}

/* The value of a cell: numbers as they are, numbers written as text, missing markers,
 * footnote marks (@mark, owned). */
static ValueKind
cell_value (const CrkCell *cell, const char *const *extra, double *value, char **mark)
{
  g_autofree char *s = NULL;
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autofree char *rest = NULL;
  const char *after;
  char *end;

  *value = NAN;
  *mark = NULL;
  if (cell == NULL || cell->type == CRK_CELL_ERROR)
    return VALUE_MISSING;
  if (cell->type != CRK_CELL_TEXT)
    {
      *value = cell->number;
      return isfinite (cell->number) ? VALUE_NUMBER : VALUE_MISSING;
    }
  s = clean_text (cell->text);
  if (crk_import_is_missing (s, extra))
    return VALUE_MISSING;
  if (!take_digits (s, digits, &after))
    return VALUE_TEXT;
  *value = g_ascii_strtod (digits->str, &end);
  if (*end != '\0' || !isfinite (*value))
    {
      *value = NAN;
      return VALUE_TEXT;
    }
  rest = clean_text (after);
  if (rest[0] == '\0' || g_str_equal (rest, "%"))
    return VALUE_NUMBER;
  if (!is_footnote_mark (rest))
    {
      *value = NAN;
      return VALUE_TEXT;
    }
  *mark = g_steal_pointer (&rest);
  return VALUE_MARKED;
}

/* Rows */

typedef struct
{
  guint row;
  gsize first, end; /* its cells: [first, end) of sheet->cells */
  guint n_cells;    /* not empty */
  guint n_numbers;  /* numbers (and numbers as text) that are not years */
  guint n_periods;
  int first_column; /* of the first non-empty cell, -1 none */
  const CrkCell *first_cell;
} RowInfo;

/* What a row holds, from the cell at @*index on; @*index moves to the next row. */
static void
row_info (CrkSheet *sheet, gsize *index, RowInfo *info)
{
  GArray *cells = sheet->cells;

  memset (info, 0, sizeof *info);
  info->first_column = -1;
  info->first = *index;
  info->row = g_array_index (cells, CrkCell, *index).row;
  for (; *index < cells->len && g_array_index (cells, CrkCell, *index).row == info->row; (*index)++)
    {
      const CrkCell *cell = &g_array_index (cells, CrkCell, *index);
      g_autofree char *period = NULL;
      g_autofree char *mark = NULL;
      double value;
      ValueKind kind;

      if (is_empty_cell (cell))
        continue;
      info->n_cells++;
      if (info->first_column < 0)
        {
          info->first_column = (int) cell->column;
          info->first_cell = cell;
        }
      kind = cell_value (cell, NULL, &value, &mark);
      if ((period = period_of_cell (cell)) != NULL)
        info->n_periods++;
      else if (kind == VALUE_NUMBER || kind == VALUE_MARKED)
        info->n_numbers++;
    }
  info->end = *index;
}

/* Merged ranges looked at, at most (a hostile file may list millions). */
#define MAX_MERGES 4096

/* The merged ranges of @sheet over @column (or over row @row when @column is -1), so
 * that looking a cell up costs little. */
static GArray *
merges_over (CrkSheet *sheet, int row, int column)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CrkCellRange));

  for (guint i = 0; i < sheet->merged->len && ranges->len < MAX_MERGES; i++)
    {
      const CrkCellRange *r = &g_array_index (sheet->merged, CrkCellRange, i);

      if ((column >= 0 && (guint) column >= r->column &&
           (guint) column - r->column < r->n_columns) ||
          (row >= 0 && (guint) row >= r->row && (guint) row - r->row < r->n_rows))
        g_array_append_val (ranges, *r);
    }
  return ranges;
}

/* A cell, or the top-left cell of the merged range of @ranges that covers it. */
static const CrkCell *
cell_or_merged (CrkSheet *sheet, GArray *ranges, guint row, guint column)
{
  const CrkCell *cell = crk_sheet_get (sheet, row, column);

  for (guint i = 0; cell == NULL && ranges != NULL && i < ranges->len; i++)
    {
      const CrkCellRange *r = &g_array_index (ranges, CrkCellRange, i);

      if (row >= r->row && row - r->row < r->n_rows && column >= r->column &&
          column - r->column < r->n_columns)
        return crk_sheet_get (sheet, r->row, r->column);
    }
  return cell;
}

/* The cells of header row @row, each column's, merged ranges filled from their
 * top-left cell (array of sheet->n_columns). */
static const CrkCell **
header_cells (CrkSheet *sheet, guint row)
{
  const CrkCell **cells = g_new0 (const CrkCell *, sheet->n_columns);
  g_autoptr (GArray) ranges = merges_over (sheet, (int) row, -1);

  for (guint c = 0; c < sheet->n_columns; c++)
    cells[c] = crk_sheet_get (sheet, row, c);
  for (guint k = 0; k < ranges->len; k++)
    {
      const CrkCellRange *r = &g_array_index (ranges, CrkCellRange, k);
      const CrkCell *top = crk_sheet_get (sheet, r->row, r->column);

      for (guint c = r->column; c < sheet->n_columns && c - r->column < r->n_columns; c++)
        if (cells[c] == NULL)
          cells[c] = top;
    }
  return cells;
}

/* A row above the header: a title, a note, a unit or indicator line. Remembers what
 * it says. */
static void
take_title_row (Table *t, const RowInfo *info)
{
  g_autofree char *text = cell_text (info->first_cell);
  char *s;

  if ((s = unit_row_unit (text)) != NULL)
    {
      g_free (t->table_unit);
      t->table_unit = s;
    }
  else if ((s = indicator_row_name (text)) != NULL)
    {
      g_free (t->table_indicator);
      t->table_indicator = s;
    }
  else if (t->title == NULL && !is_note_text (text))
    {
      t->title = g_steal_pointer (&text);
      t->title_cell = crk_cell_name (info->row, (guint) info->first_column);
    }
}

/* A title split over cells ("Table 3, output by city" in a CSV) is no header: the row
 * after it holds more cells, no numbers, and something under the first column. */
static gboolean
wider_header_follows (CrkSheet *sheet, gsize index, const RowInfo *info)
{
  RowInfo next;

  while (index < sheet->cells->len)
    {
      row_info (sheet, &index, &next);
      if (next.n_cells == 0)
        continue;
      return next.n_numbers == 0 && next.n_cells > info->n_cells &&
        next.first_column <= info->first_column;
    }
  return FALSE;
}

/* The header: the first row of two or more cells without numbers other than years;
 * returns FALSE when a row of numbers comes first or there is none. */
static gboolean
find_header (Table *t)
{
  CrkSheet *sheet = t->sheet;
  gsize index = 0;
  RowInfo info;

  while (index < sheet->cells->len)
    {
      g_autofree char *first = NULL;

      row_info (sheet, &index, &info);
      if (info.row >= MAX_HEADER_SCAN)
        return FALSE;
      if (info.n_cells == 0)
        continue;
      first = cell_text (info.first_cell);
      if (info.n_cells == 1 || is_note_text (first))
        {
          take_title_row (t, &info);
          continue;
        }
      if (info.n_numbers > 0)
        return FALSE;
      if (wider_header_follows (sheet, index, &info))
        {
          take_title_row (t, &info);
          continue;
        }
      t->header[0] = info.row;
      t->n_header = 1;
      break;
    }
  if (t->n_header == 0)
    return FALSE;

  /* Header rows below it: right below, no numbers but years, nothing under the first
   * column of the header (or a merge from above). */
  {
    int label = info.first_column;

    t->first_row = info.row + 1;
    t->first_cell = index;
    while (index < sheet->cells->len && t->n_header < MAX_HEADER_ROWS)
      {
        gsize next = index;
        RowInfo below;
        const CrkCell *under;

        row_info (sheet, &next, &below);
        if (below.row != t->first_row || below.n_cells == 0 || below.n_numbers > 0)
          break;
        under = crk_sheet_get (sheet, below.row, (guint) label);
        if (!is_empty_cell (under))
          break;
        t->header[t->n_header++] = below.row;
        t->first_row = below.row + 1;
        t->first_cell = index = next;
      }
  }
  return TRUE;
}

/* The header texts of every column: the last header row's, and the rows above it
 * (merged over the column, or written once left of empty cells) as its parent. */
static void
read_headers (Table *t)
{
  CrkSheet *sheet = t->sheet;
  guint n = sheet->n_columns;

  t->headers = g_new0 (char *, n);
  t->parents = g_new0 (char *, n);
  for (guint h = 0; h < t->n_header; h++)
    {
      gboolean last = h + 1 == t->n_header;
      g_autofree char *carried = NULL;
      g_autofree const CrkCell **cells = header_cells (sheet, t->header[h]);

      for (guint c = 0; c < n; c++)
        {
          g_autofree char *text = cell_text (cells[c]);

          if (text != NULL && text[0] == '\0')
            g_clear_pointer (&text, g_free);
          if (last)
            {
              t->headers[c] = g_steal_pointer (&text);
              continue;
            }
          /* a parent written once carries right over empty cells of a multi-row header */
          if (text != NULL)
            {
              g_free (carried);
              carried = g_strdup (text);
            }
          else if (carried != NULL && c > 0)
            text = g_strdup (carried);
          if (text == NULL)
            continue;
          if (t->parents[c] == NULL)
            t->parents[c] = g_steal_pointer (&text);
          else if (!g_str_equal (t->parents[c], text))
            {
              char *joined = g_strconcat (t->parents[c], " / ", text, NULL);

              g_free (t->parents[c]);
              t->parents[c] = joined;
            }
        }
    }
  /* a header cell merged down over the rows below has no child: it is its own header */
  for (guint c = 0; c < n; c++)
    if (t->headers[c] == NULL && t->parents[c] != NULL)
      t->headers[c] = g_steal_pointer (&t->parents[c]);
    else if (t->parents[c] != NULL && t->headers[c] != NULL &&
             g_str_equal (t->parents[c], t->headers[c]))
      g_clear_pointer (&t->parents[c], g_free);
}

/* A column chosen by the user: by its header text, or by its letter ("B"); -1 when none
 * is named, -2 when the name matches no column. */
static int
option_column (Table *t, const char *name)
{
  g_autofree char *clean = NULL;
  g_autofree char *ref = NULL;
  guint row, column;

  if (name == NULL || name[0] == '\0')
    return -1;
  clean = clean_text (name);
  for (guint c = 0; c < t->sheet->n_columns; c++)
    {
      g_autofree char *full = NULL;

      if (t->headers[c] != NULL && g_utf8_collate (t->headers[c], clean) == 0)
        return (int) c;
      full = t->parents[c] != NULL ? g_strconcat (t->parents[c], " / ", t->headers[c], NULL) : NULL;
      if (full != NULL && g_str_equal (full, clean))
        return (int) c;
    }
  ref = g_strconcat (clean, "1", NULL);
  if (strlen (clean) <= 3 && crk_cell_parse (ref, &row, &column) && column < t->sheet->n_columns)
    return (int) column;
  return -2;
}

static gboolean
header_is (const char *header, const char *const *words)
{
  g_autofree char *name = NULL;

  if (header == NULL)
    return FALSE;
  g_free (split_unit (header, &name));
  return equals_any (name, words);
}

static const char *const period_words[] = {
  "year", "years", "period", "time", "date", "time_period", "年份",
  "年度", "年",    "时间",   "日期", "期间", NULL,
};
static const char *const indicator_words[] = {
  "indicator",   "indicators", "variable", "series", "item", "measure", "indicator name",
  "series name", "指标",       "指标名称", "项目",   "变量", NULL,
};

typedef struct
{
  guint n_numbers, n_missing, n_text, n_periods;
} ColumnCount;

/* Counts what the columns below the header hold; @repeated: a row label occurs twice. */
static ColumnCount *
count_columns (Table *t, int label, gboolean *repeated)
{
  CrkSheet *sheet = t->sheet;
  ColumnCount *counts = g_new0 (ColumnCount, sheet->n_columns);
  g_autoptr (GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *repeated = FALSE;
  for (gsize i = t->first_cell; i < sheet->cells->len; i++)
    {
      const CrkCell *cell = &g_array_index (sheet->cells, CrkCell, i);
      g_autofree char *mark = NULL;
      g_autofree char *period = period_of_cell (cell);
      double value;
      ValueKind kind = cell_value (cell, (const char *const *) t->options->missing, &value, &mark);

      if (period != NULL)
        counts[cell->column].n_periods++;
      if (kind == VALUE_MISSING)
        counts[cell->column].n_missing++;
      else if (kind == VALUE_TEXT)
        counts[cell->column].n_text++;
      else
        counts[cell->column].n_numbers++;
      if (label >= 0 && cell->column == (guint) label && kind == VALUE_TEXT && !*repeated)
        {
          char *text = cell_text (cell);

          if (g_hash_table_contains (labels, text))
            {
              *repeated = TRUE;
              g_free (text);
            }
          else
            g_hash_table_add (labels, text);
        }
    }
  return counts;
}

/* Is column @c a column of periods (every value a period, at least one)? */
static gboolean
all_periods (const ColumnCount *count)
{
  return count->n_periods > 0 && count->n_periods == count->n_numbers + count->n_text;
}

/* The row-label, period and indicator columns, the value columns, the layout. */
static gboolean
find_columns (Table *t)
{
  CrkSheet *sheet = t->sheet;
  const CrkImportOptions *o = t->options;
  g_autofree ColumnCount *counts = NULL;
  gboolean repeated = FALSE;
  guint n_values = 0, n_period_headers = 0;

  t->label_column = option_column (t, o->city);
  t->period_column = option_column (t, o->period);
  t->indicator_column = option_column (t, o->indicator);
  if (t->label_column == -2)
    return FALSE;
  if (t->indicator_column == -2)
    t->table_indicator = clean_text (o->indicator); /* not a column: the indicator's name */
  counts = count_columns (t, -1, &repeated);
  /* the row labels: the leftmost column of mostly text */
  for (guint c = 0; c < sheet->n_columns && t->label_column < 0; c++)
    if (counts[c].n_text > 0 && counts[c].n_text > counts[c].n_numbers && !all_periods (&counts[c]))
      t->label_column = (int) c;
  if (t->label_column < 0)
    return FALSE;
  g_free (counts);
  counts = count_columns (t, t->label_column, &repeated);

  /* a period column: only periods, named so or beside repeated labels */
  for (guint c = 0; c < sheet->n_columns && t->period_column == -1 &&
       o->layout != CRK_TABLE_LAYOUT_WIDE_PERIODS && o->layout != CRK_TABLE_LAYOUT_WIDE_INDICATORS;
       c++)
    if ((int) c != t->label_column && all_periods (&counts[c]) &&
        (header_is (t->headers[c], period_words) || repeated))
      t->period_column = (int) c;
  /* an indicator column: text, named so, or beside repeated labels */
  for (guint c = 0; c < sheet->n_columns && t->indicator_column == -1; c++)
    if ((int) c != t->label_column && (int) c != t->period_column &&
        counts[c].n_text > counts[c].n_numbers &&
        (header_is (t->headers[c], indicator_words) || repeated))
      t->indicator_column = (int) c;

  t->is_value = g_new0 (guint8, sheet->n_columns);
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *period = NULL;

      if ((int) c == t->label_column || (int) c == t->period_column ||
          (int) c == t->indicator_column)
        continue;
      if (counts[c].n_numbers == 0 && (t->headers[c] == NULL || counts[c].n_text > 0))
        continue;
      if (counts[c].n_text > counts[c].n_numbers)
        continue;
      t->is_value[c] = TRUE;
      n_values++;
      if (t->headers[c] != NULL && (period = period_of_text (t->headers[c])) != NULL)
        n_period_headers++;
    }
  if (n_values == 0)
    return FALSE;
  t->label_merges = merges_over (sheet, -1, t->label_column);
  if (t->indicator_column >= 0)
    t->indicator_merges = merges_over (sheet, -1, t->indicator_column);

  t->layout = o->layout;
  if (t->layout == CRK_TABLE_LAYOUT_AUTO)
    {
      if (t->period_column >= 0)
        t->layout = CRK_TABLE_LAYOUT_LONG;
      else if (n_period_headers * 2 >= n_values && n_period_headers > 0)
        t->layout = CRK_TABLE_LAYOUT_WIDE_PERIODS;
      else
        t->layout = CRK_TABLE_LAYOUT_WIDE_INDICATORS;
    }
  return TRUE;
}

/* The period of a table whose columns are indicators: options->default_year, the
 * options->period text when it names no column, or a year in the title (with a
 * notice). FALSE when there is none. */
static gboolean
find_table_period (Table *t)
{
  const CrkImportOptions *o = t->options;
  g_autoptr (GRegex) year = NULL;
  g_autoptr (GMatchInfo) match = NULL;

  if (o->default_year > 0)
    {
      t->table_period = g_strdup_printf ("%d", o->default_year);
      return TRUE;
    }
  if (o->period != NULL && t->period_column == -2 &&
      (t->table_period = period_of_text (o->period)) != NULL)
    return TRUE;
  if (t->title == NULL)
    return FALSE;
  year = g_regex_new ("(?<![0-9])(1[89][0-9]{2}|2[0-9]{3})(?![0-9])", 0, 0, NULL);
  if (!g_regex_match (year, t->title, 0, &match))
    return FALSE;
  t->table_period = g_match_info_fetch (match, 1);
  crk_import_report_cell_notice (t->report, t->file, t->sheet->name, t->title_cell,
                                 _ ("the table gives no period; %s is taken from its title “%s”"),
                                 t->table_period, t->title);
  return TRUE;
}

/* The indicator, its unit and the period of the value in column @c of a row. */
static void
name_value (Table *t,
            guint c,
            const char *row_indicator,
            const char *row_period,
            char **indicator,
            char **unit,
            char **period)
{
  const char *header = t->headers[c];
  const char *parent = t->parents[c];
  g_autofree char *header_period = header != NULL ? period_of_text (header) : NULL;
  g_autofree char *letter = NULL;
  g_autofree char *full = NULL;
  const char *name;
  gboolean split = header_period != NULL &&
    t->options->layout != CRK_TABLE_LAYOUT_WIDE_INDICATORS &&
    (t->layout == CRK_TABLE_LAYOUT_WIDE_PERIODS || parent != NULL || row_indicator != NULL);

  *period = NULL;
  if (t->layout == CRK_TABLE_LAYOUT_LONG)
    {
      *period = g_strdup (row_period);
      if (row_indicator != NULL)
        name = row_indicator;
      else
        name = header;
    }
  else if (split)
    {
      *period = g_steal_pointer (&header_period);
      name = row_indicator != NULL ? row_indicator : parent != NULL ? parent : t->table_indicator;
      if (name == NULL)
        name = t->title != NULL ? t->title : t->sheet->name;
    }
  else
    {
      if (parent != NULL && header != NULL)
        name = full = g_strconcat (parent, " / ", header, NULL);
      else
        name = header;
      if (row_indicator != NULL)
        {
          char *joined = name != NULL ? g_strconcat (row_indicator, " / ", name, NULL)
                                      : g_strdup (row_indicator);

          g_free (full);
          name = full = joined;
        }
      *period = g_strdup (row_period != NULL ? row_period : t->table_period);
    }
  if (name == NULL)
    {
      /* no header: the column's letter */
      letter = crk_cell_name (0, c);
      letter[strlen (letter) - 1] = '\0';
      name = letter;
    }
  *unit = split_unit (name, indicator);
  if (*unit == NULL && t->table_unit != NULL)
    *unit = g_strdup (t->table_unit);
}

/* One row of the table: its label, then an observation per value column. FALSE when
 * the sink stops. */
static gboolean
emit_row (Table *t, guint row, gsize first, gsize end)
{
  CrkSheet *sheet = t->sheet;
  const CrkCell *label_cell = cell_or_merged (sheet, t->label_merges, row, (guint) t->label_column);
  g_autofree char *label = NULL;
  g_autofree char *row_indicator = NULL;
  g_autofree char *row_period = NULL;
  gboolean any = FALSE;

  /* a row with no value is a note, a group heading or a blank: skipped */
  for (gsize i = first; i < end && !any; i++)
    {
      const CrkCell *cell = &g_array_index (sheet->cells, CrkCell, i);

      any = t->is_value[cell->column] && !is_empty_cell (cell);
    }
  label = label_cell != NULL ? cell_text (label_cell) : NULL;
  if (!any || (label != NULL && is_note_text (label)))
    return TRUE;
  if (label == NULL || label[0] == '\0')
    {
      g_autofree char *where = crk_cell_name (row, (guint) t->label_column);

      crk_import_report_cell_notice (t->report, t->file, sheet->name, where,
                                     _ ("the row has values but no label; it is skipped"));
      return TRUE;
    }
  if (t->indicator_column >= 0)
    row_indicator =
      cell_text (cell_or_merged (sheet, t->indicator_merges, row, (guint) t->indicator_column));
  if (t->period_column >= 0)
    {
      const CrkCell *pc = crk_sheet_get (sheet, row, (guint) t->period_column);

      row_period = period_of_cell (pc);
      if (row_period == NULL)
        {
          g_autofree char *where = crk_cell_name (row, (guint) t->period_column);

          crk_import_report_cell_notice (t->report, t->file, sheet->name, where,
                                         _ ("“%s” is not a period; the row is skipped"),
                                         pc != NULL && pc->text != NULL ? pc->text : "");
          return TRUE;
        }
    }
  if (is_total_label (label))
    {
      g_autofree char *where = crk_cell_name (row, (guint) t->label_column);

      crk_import_report_cell_notice (t->report, t->file, sheet->name, where,
                                     _ ("“%s” looks like a total; it is kept as a row"), label);
    }

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const CrkCell *cell;
      g_autofree char *where = NULL;
      g_autofree char *mark = NULL;
      g_autofree char *indicator = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *period = NULL;
      CrkObservation o = {0};
      ValueKind kind;

      if (!t->is_value[c])
        continue;
      cell = crk_sheet_get (sheet, row, c);
      where = crk_cell_name (row, c);
      kind = cell_value (cell, (const char *const *) t->options->missing, &o.value, &mark);
      if (kind == VALUE_MARKED)
        crk_import_report_cell_notice (
          t->report, t->file, sheet->name, where,
          _ ("the footnote mark “%s” of “%s” is left out; the value %g is kept"), mark, cell->text,
          o.value);
      else if (kind == VALUE_TEXT)
        crk_import_report_cell_notice (t->report, t->file, sheet->name, where,
                                       _ ("“%s” is not a number; the value is taken as missing"),
                                       cell->text);
      name_value (t, c, row_indicator, row_period, &indicator, &unit, &period);
      o.key = label;
      o.indicator = indicator;
      o.period = period;
      o.unit = unit;
      o.note = mark;
      o.sheet = sheet->name;
      o.cell = where;
      if (!t->sink->observation (t->sink, &o))
        return FALSE;
    }
  return TRUE;
}

/* Wide by year: a column headed by no period takes the table's, or is skipped. */
static void
skip_unheaded_columns (Table *t)
{
  CrkSheet *sheet = t->sheet;

  for (guint c = 0; c < sheet->n_columns && t->layout == CRK_TABLE_LAYOUT_WIDE_PERIODS; c++)
    {
      g_autofree char *period = t->headers[c] != NULL ? period_of_text (t->headers[c]) : NULL;

      if (t->is_value[c] && period == NULL && t->table_period == NULL && !find_table_period (t))
        {
          g_autofree char *where = crk_cell_name (t->header[t->n_header - 1], c);

          crk_import_report_cell_notice (t->report, t->file, sheet->name, where,
                                         _ ("the column is not headed by a period; it is skipped"));
          t->is_value[c] = FALSE;
        }
    }
}

/* Finds the table of @sheet (FALSE when it has none). */
static gboolean
find_table (Table *t)
{
  if (t->sheet->cells->len == 0 || !find_header (t))
    return FALSE;
  read_headers (t);
  if (!find_columns (t))
    return FALSE;
  skip_unheaded_columns (t);
  return TRUE;
}

/* Tells the sink what the table is: the sheet, the header, the layout, each column. */
static void
emit_shape (Table *t, CrkSheetSet *sheets)
{
  CrkSheet *sheet = t->sheet;
  guint n = sheet->n_columns;
  g_autofree const char **names = g_new0 (const char *, sheets->sheets->len + 1);
  g_autofree CrkImportField *fields = g_new0 (CrkImportField, MAX (n, 1));
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  CrkImportShape shape = {0};

  if (t->sink->shape == NULL)
    return;
  for (guint i = 0; i < sheets->sheets->len; i++)
    names[i] = ((CrkSheet *) g_ptr_array_index (sheets->sheets, i))->name;
  for (guint c = 0; c < n; c++)
    {
      char *letter = crk_cell_name (0, c);

      letter[strlen (letter) - 1] = '\0';
      g_ptr_array_add (strings, letter);
      fields[c].id = letter;
      /* the name option_column() takes: the header, under its parent */
      if (t->parents[c] != NULL && t->headers[c] != NULL)
        {
          char *full = g_strconcat (t->parents[c], " / ", t->headers[c], NULL);

          g_ptr_array_add (strings, full);
          fields[c].name = full;
        }
      else
        fields[c].name = t->headers[c];
      if ((int) c == t->label_column)
        fields[c].role = CRK_IMPORT_ROLE_CITY;
      else if ((int) c == t->period_column)
        fields[c].role = CRK_IMPORT_ROLE_PERIOD;
      else if ((int) c == t->indicator_column)
        fields[c].role = CRK_IMPORT_ROLE_INDICATOR;
      fields[c].value = t->is_value[c] != 0;
    }
  shape.sheet = sheet->name;
  shape.sheets = names;
  shape.n_fields = n;
  shape.fields = fields;
  shape.layout = t->layout;
  shape.header_row = (int) t->header[0];
  shape.n_header_rows = (int) t->n_header;
  shape.first_row = (int) t->first_row;
  shape.label_column = t->label_column;
  t->sink->shape (t->sink, &shape);
}

static gboolean
extract (Table *t)
{
  CrkSheet *sheet = t->sheet;
  gsize index = t->first_cell;

  if (t->layout == CRK_TABLE_LAYOUT_LONG && t->period_column < 0)
    {
      crk_import_report_cell_error (t->report, t->file, sheet->name, NULL, CRK_IMPORT_ERROR_INVALID,
                                    _ ("a long table needs a period column; none was found"));
      return FALSE;
    }
  if (t->layout == CRK_TABLE_LAYOUT_WIDE_INDICATORS && !find_table_period (t))
    {
      g_autofree char *where = crk_cell_name (t->header[0], (guint) t->label_column);

      crk_import_report_cell_error (
        t->report, t->file, sheet->name, where, CRK_IMPORT_ERROR_INVALID,
        _ ("the table’s columns are indicators but it gives no period; choose a year"));
      return FALSE;
    }
  while (index < sheet->cells->len)
    {
      gsize first = index;
      guint row = g_array_index (sheet->cells, CrkCell, index).row;

      while (index < sheet->cells->len && g_array_index (sheet->cells, CrkCell, index).row == row)
        index++;
      if ((row & 0x3ff) == 0)
        crk_import_progress ((double) index / (double) sheet->cells->len);
      if (!emit_row (t, row, first, index))
        {
          if (!crk_import_report_failed (t->report))
            crk_import_report_error (t->report, t->file, 0, 0, CRK_IMPORT_ERROR_INVALID,
                                     _ ("the import stopped"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * crk_table_extract:
 * @sheets: the sheets of a file (sorted here)
 * @file: the file, for the report
 * @options: (nullable): the user's choices
 * @sink: where the observations go
 * @report: problems and notices
 *
 * Finds the table in a sheet of @sheets (options->sheet, or the first with a table) and
 * hands its values to @sink, one observation per cell, missing values as NAN.
 *
 * Returns: %TRUE when a table was found and read
 */
gboolean
crk_table_extract (CrkSheetSet *sheets,
                   const char *file,
                   const CrkImportOptions *options,
                   CrkImportSink *sink,
                   CrkImportReport *report)
{
  CrkImportOptions defaults = {0};
  gboolean ok = FALSE;

  if (options == NULL)
    options = &defaults;
  for (guint i = 0; i < sheets->sheets->len; i++)
    crk_sheet_sort (g_ptr_array_index (sheets->sheets, i));
  if (options->sheet != NULL && crk_sheet_set_find (sheets, options->sheet) == NULL)
    {
      crk_import_report_error (report, file, 0, 0, CRK_IMPORT_ERROR_INVALID,
                               _ ("the file has no sheet “%s”"), options->sheet);
      return FALSE;
    }
  for (guint i = 0; i < sheets->sheets->len; i++)
    {
      CrkSheet *sheet = g_ptr_array_index (sheets->sheets, i);
      Table t = {.sheet = sheet, .file = file, .options = options, .report = report, .sink = sink};

      if (options->sheet != NULL && sheet != crk_sheet_set_find (sheets, options->sheet))
        continue;
      if (find_table (&t))
        {
          emit_shape (&t, sheets);
          ok = extract (&t);
          table_clear (&t);
          return ok;
        }
      if (options->sheet != NULL &&
          (t.label_column == -2 || t.period_column == -2 || t.indicator_column == -2))
        crk_import_report_error (report, file, 0, 0, CRK_IMPORT_ERROR_INVALID,
                                 _ ("no column of sheet “%s” is named as the options say"),
                                 sheet->name);
      table_clear (&t);
    }
  if (crk_import_report_failed (report))
    return FALSE;
  if (options->sheet != NULL)
    crk_import_report_error (report, file, 0, 0, CRK_IMPORT_ERROR_INVALID,
                             _ ("no table was found in sheet “%s”"), options->sheet);
  else
    crk_import_report_error (report, file, 0, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                             _ ("no table was found in the file"));
  return FALSE;
}
