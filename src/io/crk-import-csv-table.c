/* crk-import-csv-table.c: a single CSV table (a yearbook table saved as CSV), as one sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not COINr's pair of tables (crk-csv-import.c): any one table, whose title rows, header
 * and layout crk_table_extract() finds. What this reader decides, and reports:
 *
 *   - the encoding: UTF-8 (a byte order mark is skipped), UTF-16 with a byte order mark,
 *     else GB18030 (what Chinese Excel saves "CSV" in) when the bytes are not UTF-8;
 *   - the delimiter: of ",", ";", tab and "|", the one that splits the first lines into
 *     the same number of fields most often (ties: tab, ";", "|", ",");
 *   - quoting as RFC 4180 has it ("" inside quotes, line breaks inside quotes); line ends
 *     LF, CRLF or CR;
 *   - the decimal separator: a comma when more fields look like "1,5" or "1.234,5" than
 *     like "1.5" or "1,234.5"; then "1.234,5" is 1234.5.
 *
 * Fields that are plain numbers become number cells (their text kept); the others stay
 * text ("1,234", "12.3e", "..") for crk_table_extract() to read. The sheet is named after
 * the file, as spreadsheet programs name it.
 */
#define G_LOG_DOMAIN "crk-import-csv-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import.h"
#include "crk-io-limits.h"

/* What a cell costs beyond its text (the budget's estimate). */
#define CELL_OVERHEAD (sizeof (CrkCell) + 24)

/* The decoded text of a file and how it was decoded. */
typedef struct
{
  char *text;
  gsize length;
  const char *encoding; /* for the notice */
} Decoded;

/* The line and column (1-based, in characters) of byte @offset of @text. */
static void
locate (const char *text, gsize offset, int *line, int *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80 && text[i] != '\r')
        (*column)++;
    }
}

/* Decodes @bytes: UTF-8 (with or without a byte order mark), UTF-16 with one, else
 * GB18030. FALSE, with a located error, when it is none of them or holds a NUL. */
static gboolean
decode (const char *path, char *bytes, gsize length, Decoded *out, CrkImportReport *report)
{
  const char *invalid = NULL;
  const char *from = NULL;

  if (length >= 3 && (guchar) bytes[0] == 0xEF && (guchar) bytes[1] == 0xBB &&
      (guchar) bytes[2] == 0xBF)
    {
      memmove (bytes, bytes + 3, length - 3);
      length -= 3;
      out->encoding = N_ ("UTF-8 with a byte order mark");
    }
  else if (length >= 2 && (guchar) bytes[0] == 0xFF && (guchar) bytes[1] == 0xFE)
    from = "UTF-16LE", out->encoding = N_ ("UTF-16");
  else if (length >= 2 && (guchar) bytes[0] == 0xFE && (guchar) bytes[1] == 0xFF)
    from = "UTF-16BE", out->encoding = N_ ("UTF-16");
  else
    out->encoding = N_ ("UTF-8");

  if (from == NULL && g_utf8_validate_len (bytes, length, &invalid))
    {
      out->text = bytes;
      out->length = length;
      return TRUE;
    }
  if (from == NULL)
    from = "GB18030", out->encoding = N_ ("GB18030");
  else
    bytes += 2, length -= 2;
  {
    g_autoptr (GError) error = NULL;
    gsize read = 0, written = 0;
    char *converted = g_convert (bytes, (gssize) length, "UTF-8", from, &read, &written, &error);

    if (converted == NULL || !g_utf8_validate_len (converted, written, NULL))
      {
        int line, column;

        g_free (converted);
        if (invalid == NULL || (gsize) (invalid - bytes) > length)
          invalid = bytes + MIN (read, length);
        locate (bytes, (gsize) (invalid - bytes), &line, &column);
        crk_import_report_error (report, path, line, column, CRK_IMPORT_ERROR_MALFORMED,
                                 _ ("the file is neither UTF-8 nor GB18030 text"));
        return FALSE;
      }
    out->text = converted;
    out->length = written;
    out->encoding = from[0] == 'G' ? N_ ("GB18030") : out->encoding;
    return TRUE;
  }
}

/* The delimiter: of the candidates, the one that splits most of the first lines into
 * the same number of fields (its most frequent count); ties go to the earlier one. */
static char
detect_delimiter (const char *text, gsize length)
{
  static const char candidates[] = {'\t', ';', '|', ','};
  enum
  {
    LINES = 20
  };
  guint counts[G_N_ELEMENTS (candidates)][LINES] = {{0}};
  guint n_lines = 0;
  gboolean quoted = FALSE;
  char best = ',';
  guint best_score = 0;

  for (gsize i = 0; i < length && n_lines < LINES; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && (text[i] == '\n' || text[i] == '\r'))
        {
          if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          n_lines++;
        }
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (text[i] == candidates[k])
            counts[k][n_lines]++;
    }
  n_lines = MIN (n_lines + 1, (guint) LINES);
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint mode_lines = 0;

      /* the count most lines share (a count of 0 does not count) */
      for (guint a = 0; a < n_lines; a++)
        {
          guint same = 0;

          for (guint b = 0; b < n_lines && counts[k][a] > 0; b++)
            same += counts[k][b] == counts[k][a];
          mode_lines = MAX (mode_lines, same);
        }
      if (mode_lines > best_score)
        {
          best_score = mode_lines;
          best = candidates[k];
        }
    }
  return best;
}

/* Adds a field to @sheet (an empty one is left out). FALSE, with an error, when the
 * sheet is full or the budget is spent. */
static gboolean
add_field (CrkSheet *sheet,
           GString *field,
           guint row,
           guint column,
           guint64 *held,
           const char *path,
           const char *text,
           gsize start,
           CrkImportReport *report)
{
  g_autofree char *message = NULL;
  const char *p = field->str;
  int line, col;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '\0')
    return TRUE;
  if (row >= CRK_SHEET_MAX_ROWS || column >= CRK_SHEET_MAX_COLUMNS)
    {
      locate (text, start, &line, &col);
      crk_import_report_error (report, path, line, col, CRK_IMPORT_ERROR_HOSTILE,
                               _ ("the table has more than %u rows or %u columns"),
                               (guint) CRK_SHEET_MAX_ROWS, (guint) CRK_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  *held += CELL_OVERHEAD + field->len;
  if ((sheet->cells->len & 0xfff) == 0 &&
      !crk_io_check_memory (*held, _ ("Holding the cells of the table"), &message))
    {
      locate (text, start, &line, &col);
      crk_import_report_error (report, path, line, col, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return FALSE;
    }
  crk_sheet_add_text (sheet, row, column, g_strdup (field->str));
  return TRUE;
}

/* Splits @text into the cells of @sheet. FALSE, with an error, on an unclosed quote. */
static gboolean
parse (const char *path,
       const char *text,
       gsize length,
       char delimiter,
       CrkSheet *sheet,
       CrkImportReport *report,
       GCancellable *cancellable)
{
  g_autoptr (GString) field = g_string_new (NULL);
  guint64 held = length;
  guint row = 0, column = 0;
  gsize i = 0;

  while (i <= length)
    {
      gsize start = i;

      g_string_truncate (field, 0);
      /* a quoted field: up to the closing quote, "" for a quote */
      while (i < length && (text[i] == ' ' || text[i] == '\t') && text[i] != delimiter)
        i++;
      if (i < length && text[i] == '"')
        {
          gsize open = i++;

          for (;;)
            {
              if (i >= length)
                {
                  int l, c;

                  locate (text, open, &l, &c);
                  crk_import_report_error (report, path, l, c, CRK_IMPORT_ERROR_MALFORMED,
                                           _ ("the quote opened here is never closed"));
                  return FALSE;
                }
              if (text[i] == '"' && i + 1 < length && text[i + 1] == '"')
                g_string_append_c (field, '"'), i += 2;
              else if (text[i] == '"')
                {
                  i++;
                  break;
                }
              else
                {
                  g_string_append_c (field, text[i++]);
                }
            }
        }
      /* the rest of the field, unquoted */
      while (i < length && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
        g_string_append_c (field, text[i++]);
      if (!add_field (sheet, field, row, column, &held, path, text, start, report))
        return FALSE;
      if (i >= length)
        break;
      if (text[i] == delimiter)
        {
          i++;
          column++;
          continue;
        }
      /* a line end: LF, CRLF or CR */
      if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
        i++;
      i++;
      row++;
      column = 0;
      if ((row & 0x3ff) == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            return FALSE;
          crk_import_progress ((double) i / (double) MAX (length, 1));
        }
    }
  return TRUE;
}

/* Is @s a number in the file's notation, and which: "1.5", "-2", "1e3", or with a
 * decimal comma "1,5", "1.234,5"? Writes it in C notation into @out. */
static gboolean
plain_number (const char *s, gboolean decimal_comma, GString *out)
{
  const char *p = s;
  gboolean digits = FALSE;

  g_string_truncate (out, 0);
  while (*p == ' ')
    p++;
  if (*p == '-' || *p == '+')
    g_string_append_c (out, *p++);
  for (; *p != '\0' && *p != ' '; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE, g_string_append_c (out, *p);
      else if (decimal_comma && *p == '.' && digits && g_ascii_isdigit (p[1]) &&
               g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        continue; /* a thousands separator */
      else if ((decimal_comma && *p == ',') || (!decimal_comma && *p == '.'))
        g_string_append_c (out, '.');
      else if ((*p == 'e' || *p == 'E') && digits)
        g_string_append_c (out, *p);
      else
        return FALSE;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0' || !digits)
    return FALSE;
  {
    char *end;
    double v = g_ascii_strtod (out->str, &end);

    return *end == '\0' && isfinite (v);
  }
}

/* Evidence of the decimal separator in one field: +1 a comma ("1,5", "1.234,5"), -1 a
 * point ("1.5", "1,234.5"), 0 neither (integers, "1,234" and "1.234" are ambiguous). */
static int
decimal_evidence (const char *s)
{
  const char *comma = strrchr (s, ',');
  const char *point = strrchr (s, '.');
  const char *last = comma > point ? comma : point;
  gsize after = 0;

  if (last == NULL)
    return 0;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != ',' && *p != '.' && *p != '-' && *p != ' ')
      return 0;
  for (const char *p = last + 1; g_ascii_isdigit (*p); p++)
    after++;
  if (comma != NULL && point != NULL)
    return comma > point ? 1 : -1;
  if (after == 3 || after == 0)
    return 0;
  return comma != NULL ? 1 : -1;
}

/* Turns the fields that are plain numbers into number cells; decides the decimal
 * separator first. Returns whether it is a comma. */
static gboolean
type_numbers (CrkSheet *sheet)
{
  g_autoptr (GString) number = g_string_new (NULL);
  int evidence = 0;
  gboolean decimal_comma;

  for (guint i = 0; i < sheet->cells->len; i++)
    evidence += decimal_evidence (g_array_index (sheet->cells, CrkCell, i).text);
  decimal_comma = evidence > 0;
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      CrkCell *cell = &g_array_index (sheet->cells, CrkCell, i);

      if (plain_number (cell->text, decimal_comma, number))
        {
          cell->type = CRK_CELL_NUMBER;
          cell->number = g_ascii_strtod (number->str, NULL);
        }
    }
  return decimal_comma;
}

/* Reads the whole file, within the memory budget. */
static char *
read_file (const char *path,
           gsize *length,
           CrkImportReport *report,
           GCancellable *cancellable,
           GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autofree char *message = NULL;
  g_autofree char *bytes = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL || (stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;
  size = g_file_info_get_size (info);
  /* the text, its conversion and its cells */
  if (size < 0 || (guint64) size > G_MAXSIZE / 4 ||
      !crk_io_check_memory ((guint64) size * 3, _ ("Reading the table"), &message))
    {
      crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_HOSTILE, "%s",
                               message != NULL ? message : _ ("the file is too large"));
      return NULL;
    }
  bytes = g_try_malloc ((gsize) size + 1);
  if (bytes == NULL)
    {
      crk_import_report_error (report, path, 0, 0, CRK_IMPORT_ERROR_HOSTILE, "%s",
                               _ ("the file is too large"));
      return NULL;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, (gsize) size, length, cancellable,
                                error))
    return NULL;
  bytes[*length] = '\0';
  return g_steal_pointer (&bytes);
}

static CrkSheetSet *
csv_table_read_sheets (const char *path,
                       const CrkImportOptions *options,
                       CrkImportReport *report,
                       GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (CrkSheetSet) set = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *base = NULL;
  Decoded decoded = {0};
  gsize length = 0;
  const char *nul;
  char delimiter;
  CrkSheet *sheet;
  gboolean ok, decimal_comma;

  if ((bytes = read_file (path, &length, report, cancellable, error)) == NULL)
    return NULL;
  if (!decode (path, bytes, length, &decoded, report))
    return NULL;
  if ((nul = memchr (decoded.text, '\0', decoded.length)) != NULL)
    {
      int line, column;

      locate (decoded.text, (gsize) (nul - decoded.text), &line, &column);
      crk_import_report_error (report, path, line, column, CRK_IMPORT_ERROR_MALFORMED,
                               _ ("the file holds a NUL byte: it is not a text table"));
      if (decoded.text != bytes)
        g_free (decoded.text);
      return NULL;
    }
  delimiter = detect_delimiter (decoded.text, decoded.length);
  base = g_path_get_basename (path);
  if (strrchr (base, '.') != NULL && strrchr (base, '.') != base)
    *strrchr (base, '.') = '\0';
  set = crk_sheet_set_new ();
  sheet = crk_sheet_set_add (set, base);
  ok = parse (path, decoded.text, decoded.length, delimiter, sheet, report, cancellable);
  if (decoded.text != bytes)
    g_free (decoded.text);
  if (!ok)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  decimal_comma = type_numbers (sheet);
  crk_import_report_notice (report, path, 0, 0, _ ("read as %s text, fields separated by “%s”%s"),
                            _ (decoded.encoding),
                            delimiter == '\t' ? _ ("tab")
                                              : (delimiter == ';'     ? ";"
                                                   : delimiter == '|' ? "|"
                                                                      : ","),
                            decimal_comma ? _ (", decimal comma") : "");
  return g_steal_pointer (&set);
}

/* A .csv or .tsv file; text whose first line has delimiters. */
static int
csv_table_sniff (const CrkSniff *sniff)
{
  int score = 0;

  if (g_strcmp0 (sniff->suffix, ".csv") == 0 || g_strcmp0 (sniff->suffix, ".tsv") == 0)
    score = 50;
  else if (g_strcmp0 (sniff->suffix, ".txt") == 0 || g_strcmp0 (sniff->suffix, ".tab") == 0)
    score = 10;
  if (sniff->root_name != NULL || sniff->zip_entries != NULL ||
      (sniff->head_length > 0 && memchr (sniff->head, '\0', sniff->head_length) != NULL))
    return MIN (score, 10);
  return score;
}

static const char *const csv_table_patterns[] = {"*.csv", "*.tsv", "*.txt", NULL};
static const char *const csv_table_mime_types[] = {"text/csv", "text/tab-separated-values", NULL};

const CrkImporter crk_importer_csv_table = {
  .id = "csv-table",
  .name = N_ ("CSV table"),
  .patterns = csv_table_patterns,
  .mime_types = csv_table_mime_types,
  .sniff = csv_table_sniff,
  .read_sheets = csv_table_read_sheets,
};
