/* crk-report-agreement.c: the section on the agreement with the published ranking: Spearman's
 * and Kendall's rank correlations and the cities whose rank differs most
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-report-private.h"

/* The cities listed whose rank differs most from the published one. */
#define N_LARGEST 10

/* "0.912", "−0.250": a correlation with three decimals and a true minus sign. */
static char *
format_correlation (double value)
{
  g_autofree char *text = g_strdup_printf ("%.3f", value < 0 ? -value : value);

  return value < 0 ? g_strconcat ("\u2212", text, NULL) : g_steal_pointer (&text);
}

/* The table of the cities that differ most; FALSE when every city has its published rank. */
static gboolean
build_largest (CrkReport *self, GArray *largest, int year)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  guint flags[4] = {CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND, CRK_COLUMN_NUMBER, CRK_COLUMN_NUMBER,
                    CRK_COLUMN_NUMBER};
  char **cells;
  int table = -1;

  for (guint k = 0; largest != NULL && k < MIN (largest->len, N_LARGEST); k++)
    {
      guint city = g_array_index (largest, guint, k);
      guint rank = crk_results_get_rank (r, city);
      guint published = crk_city_get_reference_rank (crk_dataset_get_city (dataset, city), year);

      /* largest first: the rest agree */
      if (rank == published)
        break;
      if (table < 0)
        {
          crk_report_add_block (self, CRK_BLOCK_H2,
                                g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_DIFFER_MOST)));
          table = crk_report_add_table (self, 4, flags, CRK_REPORT_TABLE_SIZE + 0.5);
          cells = crk_report_cells_new (4);
          cells[0] = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_HEADER));
          cells[1] = g_strdup (_ ("Published rank"));
          cells[2] = g_strdup (_ ("Rank here"));
          cells[3] = g_strdup (_ ("Difference"));
          crk_report_add_row (self, table, cells, CRK_ROW_HEADER);
        }
      cells = crk_report_cells_new (4);
      cells[0] = crk_report_city_name_markup (self, city);
      cells[1] = g_strdup_printf ("%u", published);
      cells[2] = g_strdup_printf ("%u", rank);
      /* positive: ranked higher here than published */
      cells[3] = rank < published ? g_strdup_printf ("+%u", published - rank)
                                  : g_strdup_printf ("\u2212%u", rank - published);
      crk_report_add_row (self, table, cells, 0);
    }
  if (table >= 0)
    crk_report_add_block (self, CRK_BLOCK_NOTE,
                          g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_AGREE_NOTE)));
  return table >= 0;
}

/**
 * crk_report_build_agreement:
 * @self: a report being laid out
 *
 * Adds the blocks of the section "Agreement with the published ranking": the rank
 * correlations with the cities' reference ranks of the year, the number of cities ranked
 * in both and the (up to 10) cities whose rank differs most.
 *
 * Returns: %FALSE, adding nothing, when the dataset has no reference ranks for the year
 *   (fewer than 3 cities ranked in both)
 */
gboolean
crk_report_build_agreement (CrkReport *self)
{
  CrkResults *r = self->results;
  int year = crk_results_get_year (r);
  double rho = 0, tau = 0;
  guint n = 0;
  g_autoptr (GArray) largest = NULL;
  guint flags[2] = {CRK_COLUMN_WRAP, CRK_COLUMN_NUMBER};
  char **cells;
  int table;

  if (!crk_results_compare_reference (r, &rho, &tau, &n, &largest))
    return FALSE;

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_AGREEMENT)));
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                        crk_unit_kind_format_compared_both (crk_report_unit_kind (self), year, n));

  table = crk_report_add_table (self, 2, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  g_array_index (self->tables, CrkReportTable, table).zebra = FALSE;
  cells = crk_report_cells_new (2);
  cells[0] = g_strdup (_ ("Spearman’s rank correlation (ρ)"));
  cells[1] = format_correlation (rho);
  crk_report_add_row (self, table, cells, 0);
  cells = crk_report_cells_new (2);
  cells[0] = g_strdup (_ ("Kendall’s rank correlation (τ-b)"));
  cells[1] = format_correlation (tau);
  crk_report_add_row (self, table, cells, 0);
  cells = crk_report_cells_new (2);
  cells[0] = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_COMPARED));
  cells[1] = g_strdup_printf ("%u", n);
  crk_report_add_row (self, table, cells, 0);
  crk_report_add_block (
    self, CRK_BLOCK_NOTE,
    g_strdup (_ ("A correlation of 1 means the same order as the published ranking, 0 no "
                 "relation and −1 the reverse order.")));

  if (!build_largest (self, largest, year))
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                          g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_ALL_PUBLISHED)));
  return TRUE;
}
