/* crk-ranking-row.h: one city's line in the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crk-model.h"
#include "crk-results.h"

G_BEGIN_DECLS

/* Change against the base year, as the table shows it. */
typedef enum
{
  CRK_CHANGE_NONE,  /* no base year, or not ranked now */
  CRK_CHANGE_VALUE, /* ranked in both years: "change" holds the places moved up */
  CRK_CHANGE_NEW,   /* ranked now, not in the base year */
} CrkChangeState;

#define CRK_TYPE_RANKING_ROW (crk_ranking_row_get_type ())
G_DECLARE_FINAL_TYPE (CrkRankingRow, crk_ranking_row, CRK, RANKING_ROW, GObject)

/* Properties (all read-only but "city" and "dataset"), so that sorters, filters and the cells in
 * crk-window.ui need no glue:
 *   "city", "dataset", "group-attribute" (construct-only, write-only), "code", "primary-name",
 * "secondary-name", "province" (the group's name in the user's language), "search-text" (code,
 * names, the province's value and names), "ranked", "unranked", "rank", "rank-key" (rank, or
 * G_MAXUINT when unranked: sorts them last), "rank-text", "shift" (places moved by the last method
 * edit, positive = up), "change", "change-state", "change-key", "score", "score-key", "score-text",
 *   "tier", "tier-key", "tier-name", "unranked-reason", "revision" (bumped whenever the
 *   per-dimension scores change). */

CrkRankingRow *crk_ranking_row_new (CrkDataset *dataset, CrkCity *city);
/* "province" then shows the group @attribute (NULL: "province"; see crk_city_get_attribute()). */
CrkRankingRow *
crk_ranking_row_new_for_group (CrkDataset *dataset, CrkCity *city, const char *attribute);
CrkCity *crk_ranking_row_get_city (CrkRankingRow *self);
guint crk_ranking_row_get_rank (CrkRankingRow *self);
double crk_ranking_row_get_score (CrkRankingRow *self);
int crk_ranking_row_get_shift (CrkRankingRow *self);
const char *crk_ranking_row_get_unranked_reason (CrkRankingRow *self);

/* Score and rank of the city at dimension @i (the i-th entry of the node indices given
 * to crk_ranking_row_update()); NAN / 0 when none. */
guint crk_ranking_row_get_n_dimensions (CrkRankingRow *self);
double crk_ranking_row_get_dimension_score (CrkRankingRow *self, guint i);
double crk_ranking_row_get_dimension_key (CrkRankingRow *self, guint i);

/* Takes everything from @results; @dimensions holds the node indices (guint) of the
 * dimension columns. @track_shift: record the movement against the previous rank (a
 * method edit) rather than clearing it (a new dataset or year). */
void crk_ranking_row_update (CrkRankingRow *self,
                             CrkResults *results,
                             GArray *dimensions,
                             gboolean track_shift);
/* Only the scores of the columns of @dimensions (the rank and its movement stay). */
void crk_ranking_row_set_dimensions (CrkRankingRow *self, CrkResults *results, GArray *dimensions);

/* "1.5" style text for scores (one decimal), "—" for NAN. */
char *crk_format_score (double score);

G_END_DECLS
