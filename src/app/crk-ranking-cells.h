/* crk-ranking-cells.h: the cells of the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRK_RANKING_CELL_RANK,   /* rank, and the places moved by the last method edit */
  CRK_RANKING_CELL_CHANGE, /* change against the base year */
  CRK_RANKING_CELL_CITY,   /* name, other-language name, why it is not ranked */
  CRK_RANKING_CELL_PROVINCE,
  CRK_RANKING_CELL_SCORE,
  CRK_RANKING_CELL_TIER,
} CrkRankingCell;

/* A factory whose cells bind CrkRankingRow properties with expressions. Built in C
 * rather than from GtkBuilder XML: the table makes hundreds of cells when it first
 * fills, and parsing a template per cell doubled the window's start-up time. */
GtkListItemFactory *crk_ranking_cell_factory_new (CrkRankingCell cell);

G_END_DECLS
