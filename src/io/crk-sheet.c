/* crk-sheet.c: the cells of a spreadsheet, as the table formats read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-sheet"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "crk-sheet.h"

static void
cell_clear (gpointer data)
{
  g_free (((CrkCell *) data)->text);
}

static void
sheet_free (gpointer data)
{
  CrkSheet *sheet = data;

  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->merged);
  g_free (sheet);
}

CrkSheetSet *
crk_sheet_set_new (void)
{
  CrkSheetSet *set = g_new0 (CrkSheetSet, 1);

  set->sheets = g_ptr_array_new_with_free_func (sheet_free);
  return set;
}

void
crk_sheet_set_free (CrkSheetSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->sheets);
  g_free (set);
}

CrkSheet *
crk_sheet_set_add (CrkSheetSet *set, const char *name)
{
  CrkSheet *sheet = g_new0 (CrkSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (CrkCell));
  g_array_set_clear_func (sheet->cells, cell_clear);
  sheet->merged = g_array_new (FALSE, FALSE, sizeof (CrkCellRange));
  g_ptr_array_add (set->sheets, sheet);
  return sheet;
}

/**
 * crk_sheet_set_find:
 * @set: sheets
 * @name: a sheet's name, or its 1-based number
 *
 * Returns: (nullable) (transfer none): the sheet; a name wins over a number
 */
CrkSheet *
crk_sheet_set_find (CrkSheetSet *set, const char *name)
{
  guint64 n;

  for (guint i = 0; i < set->sheets->len; i++)
    {
      CrkSheet *sheet = g_ptr_array_index (set->sheets, i);

      if (g_strcmp0 (sheet->name, name) == 0)
        return sheet;
    }
  if (name != NULL && g_ascii_string_to_unsigned (name, 10, 1, set->sheets->len, &n, NULL))
    return g_ptr_array_index (set->sheets, n - 1);
  return NULL;
}

static int
compare_cells (gconstpointer a, gconstpointer b)
{
  const CrkCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/* Index of the first cell at or after (@row, @column). */
static guint
find_cell (CrkSheet *sheet, guint row, guint column)
{
  CrkCell key = {.row = row, .column = column};
  guint lo = 0, hi = sheet->cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_cells (&g_array_index (sheet->cells, CrkCell, mid), &key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * crk_sheet_add_cell:
 * @sheet: a sheet
 * @row: 0-based
 * @column: 0-based
 * @type: the cell's type
 * @number: its number (numbers, dates, booleans)
 * @text: (transfer full) (nullable): its text
 *
 * Cells added in order (by row, then column, as every format writes them) are appended;
 * a cell at the same place as the last one replaces it; others are appended too, and
 * crk_sheet_sort() puts them in order.
 */
void
crk_sheet_add_cell (CrkSheet *sheet,
                    guint row,
                    guint column,
                    CrkCellType type,
                    double number,
                    char *text)
{
  CrkCell cell = {row, column, type, number, text};
  guint n = sheet->cells->len;

  g_return_if_fail (row < CRK_SHEET_MAX_ROWS && column < CRK_SHEET_MAX_COLUMNS);

  if (n > 0)
    {
      CrkCell *last = &g_array_index (sheet->cells, CrkCell, n - 1);

      if (last->row == row && last->column == column)
        {
          g_free (last->text);
          *last = cell;
          return;
        }
    }
  g_array_append_val (sheet->cells, cell);
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
  sheet->n_columns = MAX (sheet->n_columns, column + 1);
}

void
crk_sheet_add_number (CrkSheet *sheet, guint row, guint column, double number, char *text)
{
  crk_sheet_add_cell (sheet, row, column, CRK_CELL_NUMBER, number, text);
}

void
crk_sheet_add_text (CrkSheet *sheet, guint row, guint column, char *text)
{
  crk_sheet_add_cell (sheet, row, column, CRK_CELL_TEXT, 0, text);
}

void
crk_sheet_add_merged (CrkSheet *sheet, guint row, guint column, guint n_rows, guint n_columns)
{
  CrkCellRange range = {row, column, MAX (n_rows, 1), MAX (n_columns, 1)};

  g_array_append_val (sheet->merged, range);
}

typedef struct
{
  CrkCell cell;
  guint order;
} Numbered;

static int
compare_numbered (gconstpointer a, gconstpointer b)
{
  const Numbered *x = a, *y = b;
  int c = compare_cells (&x->cell, &y->cell);

  if (c != 0)
    return c;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Sorts the cells by row and column; of two cells at one place the later one stays. */
void
crk_sheet_sort (CrkSheet *sheet)
{
  GArray *cells = sheet->cells;
  g_autofree Numbered *numbered = NULL;
  guint n = cells->len, kept = 0;
  gboolean sorted = TRUE;

  for (guint i = 1; i < n && sorted; i++)
    sorted = compare_cells (&g_array_index (cells, CrkCell, i - 1),
                            &g_array_index (cells, CrkCell, i)) < 0;
  if (sorted)
    return;

  numbered = g_new (Numbered, n);
  for (guint i = 0; i < n; i++)
    numbered[i] = (Numbered){g_array_index (cells, CrkCell, i), i};
  qsort (numbered, n, sizeof (Numbered), compare_numbered);
  for (guint i = 0; i < n; i++)
    {
      if (i + 1 < n && compare_cells (&numbered[i].cell, &numbered[i + 1].cell) == 0)
        {
          g_free (numbered[i].cell.text); /* a later cell at the same place replaces it */
          continue;
        }
      g_array_index (cells, CrkCell, kept++) = numbered[i].cell;
    }
  /* The texts moved to the kept cells: shorten without freeing them. */
  g_array_set_clear_func (cells, NULL);
  g_array_set_size (cells, kept);
  g_array_set_clear_func (cells, cell_clear);
}

const CrkCell *
crk_sheet_get (CrkSheet *sheet, guint row, guint column)
{
  guint i = find_cell (sheet, row, column);

  if (i < sheet->cells->len)
    {
      const CrkCell *cell = &g_array_index (sheet->cells, CrkCell, i);

      if (cell->row == row && cell->column == column)
        return cell;
    }
  return NULL;
}

char *
crk_cell_name (guint row, guint column)
{
  char letters[8];
  int n = 0;

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  {
    GString *s = g_string_new (NULL);

    while (n > 0)
      g_string_append_c (s, letters[--n]);
    g_string_append_printf (s, "%u", row + 1);
    return g_string_free (s, FALSE);
  }
}

gboolean
crk_cell_parse (const char *ref, guint *row, guint *column)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > CRK_SHEET_MAX_COLUMNS)
        return FALSE;
      p++;
    }
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > CRK_SHEET_MAX_ROWS)
        return FALSE;
      p++;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *row = (guint) (r - 1);
  *column = (guint) (c - 1);
  return TRUE;
}
