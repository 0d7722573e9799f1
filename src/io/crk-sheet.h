/* crk-sheet.h: the cells of a spreadsheet, as the table formats read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sparse: only cells with something in them are stored (a million repeated empty rows
 * of an .ods cost nothing); a repeat of a non-empty cell or row is stored once per
 * repetition, up to the sheet's bounds (CRK_SHEET_MAX_ROWS × CRK_SHEET_MAX_COLUMNS, as
 * Excel's). Rows and columns are 0-based; "B7" is row 6, column 1.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRK_SHEET_MAX_ROWS 1048576
#define CRK_SHEET_MAX_COLUMNS 16384

typedef enum
{
  CRK_CELL_NUMBER,  /* number: the value (a percentage as its fraction, 0.25) */
  CRK_CELL_TEXT,    /* text */
  CRK_CELL_DATE,    /* a date or time: number = days since 1899-12-30, text = ISO 8601 */
  CRK_CELL_BOOLEAN, /* number 0 or 1 */
  CRK_CELL_ERROR,   /* "#N/A", "#DIV/0!": text; a missing value */
} CrkCellType;

typedef struct
{
  guint row;
  guint column;
  CrkCellType type;
  double number;
  char *text; /* owned; for numbers the text as displayed or written, when known (nullable) */
} CrkCell;

typedef struct
{
  guint row, column;       /* top left */
  guint n_rows, n_columns; /* >= 1 */
} CrkCellRange;

typedef struct
{
  char *name;
  GArray *cells;  /* CrkCell, by row then column (crk_sheet_sort() after adding out of order) */
  GArray *merged; /* CrkCellRange */
  guint n_rows;   /* 1 + the last row with a cell */
  guint n_columns;
} CrkSheet;

typedef struct
{
  GPtrArray *sheets; /* CrkSheet, in the workbook's order */
} CrkSheetSet;

CrkSheetSet *crk_sheet_set_new (void);
void crk_sheet_set_free (CrkSheetSet *set);
CrkSheet *crk_sheet_set_add (CrkSheetSet *set, const char *name);
/* The sheet named @name, or numbered @name (1-based); NULL when none. */
CrkSheet *crk_sheet_set_find (CrkSheetSet *set, const char *name);

/* Adds a cell (taking @text); a cell at the same place replaces the earlier one. */
void crk_sheet_add_number (CrkSheet *sheet, guint row, guint column, double number, char *text);
void crk_sheet_add_text (CrkSheet *sheet, guint row, guint column, char *text);
void crk_sheet_add_cell (CrkSheet *sheet,
                         guint row,
                         guint column,
                         CrkCellType type,
                         double number,
                         char *text);
void crk_sheet_add_merged (CrkSheet *sheet, guint row, guint column, guint n_rows, guint n_columns);
void crk_sheet_sort (CrkSheet *sheet);
/* The cell at @row, @column, or NULL (binary search: the sheet must be sorted). */
const CrkCell *crk_sheet_get (CrkSheet *sheet, guint row, guint column);

/* "B7" for row 6, column 1 (owned), and back; FALSE when @ref is not a cell reference. */
char *crk_cell_name (guint row, guint column);
gboolean crk_cell_parse (const char *ref, guint *row, guint *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkSheetSet, crk_sheet_set_free)

G_END_DECLS
