/* crk-unit-words.h: the kind of unit a dataset ranks (cities, countries…) and the words
 * the interface, the charts and the report use for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the dataset's "cities" are. The code keeps saying "city"; these are the words
 * people read. CITY is the default. */
typedef enum
{
  CRK_UNIT_CITY,
  CRK_UNIT_COUNTRY,
  CRK_UNIT_REGION,
  CRK_UNIT_PROVINCE,
  CRK_UNIT_ECONOMY,
  CRK_UNIT_ORGANISATION,
  CRK_UNIT_OTHER, /* "entities" */
} CrkUnitKind;

#define CRK_UNIT_N_KINDS (CRK_UNIT_OTHER + 1)

#define CRK_TYPE_UNIT_KIND (crk_unit_kind_get_type ())
GType crk_unit_kind_get_type (void);

/* Words of a kind that need no number (translated). */
typedef enum
{
  CRK_UNIT_WORD_NOUN,           /* "city" */
  CRK_UNIT_WORD_NOUNS,          /* "cities" */
  CRK_UNIT_WORD_HEADER,         /* "City": a column header */
  CRK_UNIT_WORD_HEADERS,        /* "Cities": a column header over counts */
  CRK_UNIT_WORD_SEARCH,         /* "Search cities by name or code" */
  CRK_UNIT_WORD_NO_MATCH_TITLE, /* "No Matching Cities" */
  CRK_UNIT_WORD_NONE_SELECTED,  /* "No City Selected" */
  CRK_UNIT_WORD_SELECT_HINT,    /* "Select a city in the ranking to see …" */
  CRK_UNIT_WORD_MEDIAN,         /* "Median of all cities" (a chart legend) */
  CRK_UNIT_WORD_CHOOSE_SOME,    /* "Choose one or more cities to compare." (radar) */
  CRK_UNIT_WORD_CHOOSE_TWO,     /* "Choose two cities to compare." (gap) */
  CRK_UNIT_WORD_SELECT_TWO,     /* "Select two ranked cities in the table to explain …" */
  CRK_UNIT_WORD_NONE_RANKED,    /* "No city is ranked with this method and year." */
  CRK_UNIT_WORD_BARS_NONE,      /* "Ranked bar chart with no ranked cities." (alt text) */
  CRK_UNIT_WORD_GAP_NONE,       /* "Gap chart without two cities to compare." (alt text) */
} CrkUnitWord;

#define CRK_UNIT_N_WORDS (CRK_UNIT_WORD_GAP_NONE + 1)

/* The name in the native format ("city", "country", "region", "province", "economy",
 * "organisation", "other"). */
const char *crk_unit_kind_to_string (CrkUnitKind kind);
/* FALSE for NULL or an unknown name (@kind untouched). */
gboolean crk_unit_kind_from_string (const char *name, CrkUnitKind *kind);

const char *crk_unit_kind_get_word (CrkUnitKind kind, CrkUnitWord word);
/* "12 cities" */
char *crk_unit_kind_format_count (CrkUnitKind kind, guint n);
/* "3 of 12 cities" */
char *crk_unit_kind_format_count_of (CrkUnitKind kind, guint shown, guint total);
/* "Search cities by name, code or province"; @group (nullable: the words without it) is
 * what else a search matches, as the group column calls it. */
char *crk_unit_kind_format_search (CrkUnitKind kind, const char *group);
/* "No city matches “shenz”." */
char *crk_unit_kind_format_no_match (CrkUnitKind kind, const char *search);
/* Chart subtitles: "Top 10 cities, 2023" and "Ranking of 30 cities, 2023". */
char *crk_unit_kind_format_top (CrkUnitKind kind, guint n, int year);
char *crk_unit_kind_format_ranking (CrkUnitKind kind, guint n, int year);
/* Charts' descriptions (alt text): "Ranked bar chart of 30 cities by Index score.",
 * "Stacked bars split the scores of 30 cities into the weighted contributions of A, B.",
 * " The mean of all ranked cities is 52.1 and the median 50.3." (with its leading space). */
char *crk_unit_kind_format_bars (CrkUnitKind kind, guint n, const char *value_name);
char *crk_unit_kind_format_stacked (CrkUnitKind kind, guint n, const char *parts);
char *crk_unit_kind_format_mean (CrkUnitKind kind, const char *mean, const char *median);

G_END_DECLS
