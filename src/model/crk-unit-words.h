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
  /* Sentences (crk-unit-sentences.c), for the report, the city detail, the method panel
   * and the import assistant. */
  CRK_UNIT_WORD_BY_TIER,            /* "Cities by tier" */
  CRK_UNIT_WORD_BY_REGION,          /* "Cities by region" */
  CRK_UNIT_WORD_BY_PROVINCE,        /* "Cities by province" */
  CRK_UNIT_WORD_PROFILES,           /* "City profiles" */
  CRK_UNIT_WORD_PROFILE_INDEX,      /* "Index of city profiles" */
  CRK_UNIT_WORD_PROFILE_INDEX_NOTE, /* "The profiled cities by name, with their rank an…" */
  CRK_UNIT_WORD_DIFFER_MOST,        /* "Cities that differ most" */
  CRK_UNIT_WORD_COMPARED,           /* "Cities compared" */
  CRK_UNIT_WORD_ALL_PUBLISHED,      /* "Every city compared has its published rank." */
  CRK_UNIT_WORD_INDEX_SCORES,       /* "Index scores of the ranked cities" */
  CRK_UNIT_WORD_PER_BAND,           /* "Index score (number of cities per band)" */
  CRK_UNIT_WORD_NO_UNIT,            /* "no city" */
  CRK_UNIT_WORD_RANKED_BY_SCORE,    /* "Cities are ranked by their index score, ties sh…" */
  CRK_UNIT_WORD_EVERY_RANKED,       /* "Every ranked city in rank order; the same scale…" */
  CRK_UNIT_WORD_NOT_COMPARABLE,     /* "Ranks of different years are not strictly compa…" */
  CRK_UNIT_WORD_PERCENTILE,         /* "Each indicator is replaced by the cities' perce…" */
  CRK_UNIT_WORD_MISSING_MEAN,       /* "A missing value takes the mean of the indicator…" */
  CRK_UNIT_WORD_MISSING_MEDIAN,     /* "A missing value takes the median of the indicat…" */
  CRK_UNIT_WORD_NONE_LEFT,          /* "No city left it." */
  CRK_UNIT_WORD_STRENGTHS_TIP,      /* "Up to 5 indicators where this city is in the to…" */
  CRK_UNIT_WORD_WEAKNESSES_TIP,     /* "Up to 5 indicators where this city is in the bo…" */
  CRK_UNIT_WORD_NOT_IMPUTED, /* "Missing values are not imputed: … the parts a city has, …" */
  CRK_UNIT_WORD_INFO_LABEL,  /* "Cities:" (cityrank-cli info) */
  /* The report dialog's rows (with their mnemonics) */
  CRK_UNIT_WORD_DLG_AGREEMENT,         /* "Rank correlations and the cities that differ most" */
  CRK_UNIT_WORD_DLG_PROFILES,          /* "City _profiles" */
  CRK_UNIT_WORD_DLG_PROFILES_SUBTITLE, /* "One page per city" */
  CRK_UNIT_WORD_DLG_PROFILES_GROUP,    /* "City Profiles" */
  CRK_UNIT_WORD_DLG_WHICH,             /* "_Cities" (also the import assistant's column row) */
  CRK_UNIT_WORD_DLG_ALL,               /* "All ranked cities" */
  CRK_UNIT_WORD_DLG_TOP,               /* "The top cities" */
  CRK_UNIT_WORD_DLG_SELECTED,          /* "The selected cities" */
  CRK_UNIT_WORD_DLG_TOP_N,             /* "_Number of top cities" */
  CRK_UNIT_WORD_DLG_TIER_MEAN,         /* "Mean of the city’s tier" */
  CRK_UNIT_WORD_DLG_BASE_YEAR,         /* "The city in the base year" */
  /* The method panel's */
  CRK_UNIT_WORD_PANEL_MEAN,    /* "Mean of all cities" (missing values; the median is MEDIAN) */
  CRK_UNIT_WORD_TIERS_TIP,     /* "Tiers group the ranked cities into stages by …" */
  CRK_UNIT_WORD_AGREEMENT_TIP, /* "How closely the ranking agrees … and the cities that …" */
  /* The import assistant's matching of names when adding into a dataset */
  CRK_UNIT_WORD_MATCHING_TITLE,   /* "Matching Cities" */
  CRK_UNIT_WORD_ALIASES_SUBTITLE, /* "Save the names chosen here as aliases of the cities, …" */
  CRK_UNIT_WORD_MATCH_NONE,       /* "No city of the dataset has this name" */
  CRK_UNIT_WORD_MATCH_AMBIGUOUS,  /* "Several cities of the dataset have this name" */
  CRK_UNIT_WORD_MATCH_TAKEN,      /* "Another name of the file matched the same city" */
  /* More of the report's */
  CRK_UNIT_WORD_AGREE_NOTE, /* "Difference: … means that the city ranks higher here …" */
  CRK_UNIT_WORD_RANK_NORM,  /* "Each indicator is replaced by the cities' ranks, …" */
  CRK_UNIT_WORD_ENTROPY,    /* "Weights from the entropy weight method: … across cities …" */
  CRK_UNIT_WORD_TOPSIS,     /* "TOPSIS (closeness to the ideal city)" */
  /* The window's tooltips: the header bar's detail toggle and the chart kinds' buttons
   * (the shortcut is part of the sentence) */
  CRK_UNIT_WORD_DETAIL_TIP, /* "City Detail (Shift+F9)" */
  CRK_UNIT_WORD_RADAR_TIP,  /* "The selected cities against the median (Ctrl+1)" */
  CRK_UNIT_WORD_BAR_TIP,    /* "Every city’s score as a ranked bar (Ctrl+2)" */
  CRK_UNIT_WORD_GAP_TIP,    /* "The gap between two selected cities, by dimension (Ctrl+4)" */
  CRK_UNIT_WORD_VALUES_TIP, /* "One city’s raw values, year by year (Ctrl+5)" */
  /* The keyboard shortcuts window's (gtk/help-overlay.ui) */
  CRK_UNIT_WORD_SHORTCUT_SEARCH,     /* "Search cities" */
  CRK_UNIT_WORD_SHORTCUT_SELECT_ALL, /* "Select every city shown" */
  CRK_UNIT_WORD_SHORTCUT_DETAIL,     /* "Show or hide the city detail" */
  /* With one %d: crk_unit_kind_format_year () */
  CRK_UNIT_WORD_RANK_ORDER,  /* "Cities in rank order for %d, with their index s…" */
  CRK_UNIT_WORD_TIER_COUNTS, /* "Number of ranked cities in each tier for %d, an…" */
  /* With one %s: crk_unit_kind_format_text () */
  CRK_UNIT_WORD_IN_COLUMN,            /* " · cities in column %s" */
  CRK_UNIT_WORD_MISSING_GROUP_MEAN,   /* "A missing value takes the mean of the indicator…" */
  CRK_UNIT_WORD_MISSING_GROUP_MEDIAN, /* "A missing value takes the median of the indicat…" */
  CRK_UNIT_WORD_PROFILE_KEY, /* "Value: as published (…). Score: %s. Rank: among the cities …" */
  /* crk_unit_kind_format_minmax () */
  CRK_UNIT_WORD_MINMAX, /* "Each indicator is rescaled to [%g, %g] over the cities …" */
  /* crk_unit_kind_format_above_median () */
  CRK_UNIT_WORD_ABOVE_MEDIAN_MOST,  /* "It is above the median city on %u of %u dimensions, …" */
  CRK_UNIT_WORD_ABOVE_MEDIAN_BELOW, /* "… and furthest below it in %s (%+.1f points)." */
  /* crk_unit_kind_format_imported () */
  CRK_UNIT_WORD_IMPORTED, /* "%s: cities %u, indicators %u, years %u\n" (cityrank-cli import) */
  /* crk_unit_kind_format_coverage () */
  CRK_UNIT_WORD_COVERAGE, /* " A city needs at least %.0f%% of a node's parts to get a score …" */
  /* crk_unit_kind_format_same_top () and crk_unit_kind_format_none_entered () */
  CRK_UNIT_WORD_SAME_TOP,     /* "The top %u is made of the same cities as in %d." */
  CRK_UNIT_WORD_NONE_ENTERED, /* "Compared with %d, no city entered the top %u." */
} CrkUnitWord;

#define CRK_UNIT_N_WORDS (CRK_UNIT_WORD_NONE_ENTERED + 1)

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

/* The sentences of crk-unit-sentences.c with numbers or a name in them. */
/* "Cities in rank order for 2023, …" (CRK_UNIT_WORD_RANK_ORDER, CRK_UNIT_WORD_TIER_COUNTS) */
char *crk_unit_kind_format_year (CrkUnitKind kind, CrkUnitWord word, int year);
/* " · cities in column B" (CRK_UNIT_WORD_IN_COLUMN, CRK_UNIT_WORD_MISSING_GROUP_MEAN, _MEDIAN) */
char *crk_unit_kind_format_text (CrkUnitKind kind, CrkUnitWord word, const char *text);
/* "Each indicator is rescaled to [0, 100] over the cities with a value (min-max); …" */
char *crk_unit_kind_format_minmax (CrkUnitKind kind, double low, double high);
/* "It is above the median city on 3 of 5 dimensions, most of all in A (+12.0 points)."
 * (furthest below it in @widest when @gap is negative) */
char *crk_unit_kind_format_above_median (CrkUnitKind kind,
                                         guint ahead,
                                         guint compared,
                                         const char *widest,
                                         double gap);
/* "out.cityrank.xml: cities 279, indicators 8, years 1\n" */
char *crk_unit_kind_format_imported (CrkUnitKind kind,
                                     const char *file,
                                     guint n_units,
                                     guint n_indicators,
                                     guint n_years);
/* " A city needs at least 50% of a node's parts to get a score there." */
char *crk_unit_kind_format_coverage (CrkUnitKind kind, double percent);
/* "The top 10 is made of the same cities as in 2020." */
char *crk_unit_kind_format_same_top (CrkUnitKind kind, guint top, int year);
/* "Compared with 2020, no city entered the top 10." */
char *crk_unit_kind_format_none_entered (CrkUnitKind kind, int year, guint top);
/* "Shenzhen ranks 1st of 30 cities for 2023 with a score of 88.1." */
char *crk_unit_kind_format_ranks_of (CrkUnitKind kind,
                                     const char *name,
                                     const char *ordinal,
                                     guint n,
                                     int year,
                                     const char *score);
/* "30 cities ranked" (the title page) */
char *crk_unit_kind_format_n_ranked (CrkUnitKind kind, guint n);
/* "<i>CCID</i> ranks 30 cities for 2023." (@title is markup) */
char *crk_unit_kind_format_summary_ranks (CrkUnitKind kind, const char *title, guint n, int year);
/* "3 of 4 names match cities of the dataset by their code or name." */
char *crk_unit_kind_format_matched (CrkUnitKind kind, guint n_matched, guint n_names);
/* "rank 1 · 1 city", "ranks 4–29 · 26 cities" (the ranking table's tier rows) */
char *crk_unit_kind_format_tier_ranks (CrkUnitKind kind, guint first, guint last, guint count);
/* "26 cities · scores 60.1–75.3" (the tier chart) */
char *
crk_unit_kind_format_tier_band (CrkUnitKind kind, guint count, const char *low, const char *high);
/* "2 cities are not ranked for lack of data." */
char *crk_unit_kind_format_not_ranked (CrkUnitKind kind, guint n);
/* "Ranking of 30 cities for 2023: scores, ranks, method and profiles" (the PDF's subject) */
char *crk_unit_kind_format_subject (CrkUnitKind kind, guint n, int year);
/* "28 cities ranked in both, 2023" (the method panel's agreement) */
char *crk_unit_kind_format_ranked_in_both (CrkUnitKind kind, guint n, int year);
/* "The ranks computed here are compared with the published ranking of 2023 for the 28
 * cities ranked in both." */
char *crk_unit_kind_format_compared_both (CrkUnitKind kind, int year, guint n);
/* "Compared with 2020, 2 cities entered the top 10: A, B." */
char *
crk_unit_kind_format_entered (CrkUnitKind kind, int year, guint n, guint top, const char *list);
/* "2 cities left it: C, D." */
char *crk_unit_kind_format_left (CrkUnitKind kind, guint n, const char *list);

G_END_DECLS
