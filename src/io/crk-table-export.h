/* crk-table-export.h: the ranking table as rows and columns, for the clipboard (TSV) and
 * for files (CSV, xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One home for the ranking table's columns (no GTK): the window copies and exports it,
 * `cityrank-cli rank --format csv|xlsx -o FILE` writes it. Columns: rank, code, name,
 * Chinese name, province, group (the method's group attribute when it is not the
 * province), score at the node ranked by, one score per node of the level shown, tier
 * and rank change since the base year (ranking by the index only). Columns no city has
 * a value in (no Chinese names, no provinces, no tiers) are left out. A missing number
 * is an empty cell, never 0.
 */
#pragma once

#include <gio/gio.h>

#include "crk-results.h"

G_BEGIN_DECLS

typedef enum
{
  CRK_TABLE_FORMAT_AUTO, /* from the file name's extension */
  CRK_TABLE_FORMAT_CSV,
  CRK_TABLE_FORMAT_XLSX,
  CRK_TABLE_FORMAT_TSV,
} CrkTableFormat;

typedef enum
{
  CRK_TABLE_CELL_EMPTY,
  CRK_TABLE_CELL_NUMBER,
  CRK_TABLE_CELL_TEXT,
} CrkTableCellKind;

typedef struct
{
  CrkTableCellKind kind;
  double number;    /* CRK_TABLE_CELL_NUMBER */
  const char *text; /* CRK_TABLE_CELL_TEXT (borrowed) */
} CrkTableCell;

typedef struct _CrkRankingTable CrkRankingTable;

/* The table of @results ranked by @node (a node index; 0 = the index), with one score
 * column for each of the @n_levels node indices of @level_nodes (NULL: the children of
 * @node). Rows: every city, ranked ones in rank order, the others last. */
CrkRankingTable *
crk_ranking_table_new (CrkResults *results, guint node, const guint *level_nodes, guint n_levels);
void crk_ranking_table_free (CrkRankingTable *table);
/* Only these cities (dataset indices), in this order. */
void crk_ranking_table_set_cities (CrkRankingTable *table, const guint *cities, guint n_cities);

guint crk_ranking_table_get_n_columns (CrkRankingTable *table);
guint crk_ranking_table_get_n_rows (CrkRankingTable *table);
/* The header of a column, in the user's language. */
const char *crk_ranking_table_get_header (CrkRankingTable *table, guint column);
CrkTableCell crk_ranking_table_get_cell (CrkRankingTable *table, guint row, guint column);
/* The worksheet's name: the dataset's title and the year, at most 31 characters, none
 * of []:*?/\ (as Excel wants). */
char *crk_ranking_table_dup_sheet_name (CrkRankingTable *table);

/* Tab-separated text with a header line, for the clipboard (a spreadsheet pastes it into
 * cells); numbers in full precision with a dot; tabs and line breaks in text become
 * spaces. */
char *crk_ranking_table_to_tsv (CrkRankingTable *table);
/* CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted), UTF-8
 * with a header line. */
char *crk_ranking_table_to_csv (CrkRankingTable *table);

/* The format of @path's extension (.csv, .xlsx, .tsv, any case), or AUTO when unknown. */
CrkTableFormat crk_table_format_from_path (const char *path);
/* Writes the table to @path atomically (a temporary file in the same folder renamed over
 * @path): CSV, TSV or an xlsx workbook of one sheet (numbers as numbers, the header row
 * bold and frozen). */
gboolean crk_ranking_table_write (CrkRankingTable *table,
                                  const char *path,
                                  CrkTableFormat format,
                                  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkRankingTable, crk_ranking_table_free)

G_END_DECLS
