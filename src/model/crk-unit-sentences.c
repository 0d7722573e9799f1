/* crk-unit-sentences.c: the sentences about a dataset's units that the report, the city
 * detail, the method panel and the import assistant say, whole for each kind (the second
 * half of the table in crk-unit-words.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-model"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-unit-words-private.h"
#include "crk-unit-words.h"

/* A plural pair for ngettext(), extracted by xgettext with --keyword=NP_:1,2 (po/meson.build) */
#define NP_(one, other)                                                                            \
  {                                                                                                \
    one, other                                                                                     \
  }

#define N_SENTENCES (CRK_UNIT_N_WORDS - CRK_UNIT_WORD_BY_TIER)

typedef enum
{
  PLURAL_TIER_ONE,
  PLURAL_TIER_RANGE,
  PLURAL_TIER_BAND,
  PLURAL_NOT_RANKED,
  PLURAL_SUBJECT,
  PLURAL_MATCHED,
  PLURAL_N_RANKED,
  PLURAL_SUMMARY_RANKS,
  PLURAL_RANKS_OF,
  PLURAL_RANKED_IN_BOTH,
  PLURAL_COMPARED_BOTH,
  PLURAL_ENTERED,
  PLURAL_LEFT,
  N_PLURALS
} Plural;

typedef struct
{
  CrkUnitKind kind;
  const char *sentences[N_SENTENCES]; /* from CRK_UNIT_WORD_BY_TIER on */
  const char *plurals[N_PLURALS][2];
} UnitSentences;

/* Whole sentences for each kind, not words put together: Chinese needs them whole. The
 * order is the enum's (CrkUnitWord from CRK_UNIT_WORD_BY_TIER, then Plural). */
static const UnitSentences unit_sentences[CRK_UNIT_N_KINDS] = {
  {CRK_UNIT_CITY,
   {N_ ("Cities by tier"),
    N_ ("Cities by region"),
    N_ ("Cities by province"),
    N_ ("City profiles"),
    N_ ("Index of city profiles"),
    N_ ("The profiled cities by name, with their rank and the page of their profile."),
    N_ ("Cities that differ most"),
    N_ ("Cities compared"),
    N_ ("Every city compared has its published rank."),
    N_ ("Index scores of the ranked cities"),
    N_ ("Index score (number of cities per band)"),
    N_ ("no city"),
    N_ ("Cities are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked city in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the cities covered, the indicators, "
        "their sources and the normalisation change from year to year, and a rank is relative to "
        "the other cities of the same year. Changes in rank show movement within each year's "
        "field, not absolute progress."),
    N_ ("Each indicator is replaced by the cities' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the cities that have one."),
    N_ ("A missing value takes the median of the indicator over the cities that have one."),
    N_ ("No city left it."),
    N_ ("Up to 5 indicators where this city is in the top quarter of the cities with a value, best "
        "first. A value most cities share counts as neither a strength nor a weakness, no "
        "indicator is both, and with fewer than 4 cities there are none."),
    N_ ("Up to 5 indicators where this city is in the bottom quarter of the cities with a value, "
        "worst first. A value most cities share counts as neither a strength nor a weakness, no "
        "indicator is both, and with fewer than 4 cities there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a city has, "
        "their weights renormalised."),
    N_ ("Cities:"),
    N_ ("Rank correlations and the cities that differ most"),
    N_ ("City _profiles"),
    N_ ("One page per city"),
    N_ ("City Profiles"),
    N_ ("_Cities"),
    N_ ("All ranked cities"),
    N_ ("The top cities"),
    N_ ("The selected cities"),
    N_ ("_Number of top cities"),
    N_ ("Mean of the city’s tier"),
    N_ ("The city in the base year"),
    N_ ("Mean of all cities"),
    N_ ("Tiers group the ranked cities into stages by rank, score or quantile, such as CCID’s four "
        "stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the cities that differ most"),
    N_ ("Matching Cities"),
    N_ ("Save the names chosen here as aliases of the cities, for the next import"),
    N_ ("No city of the dataset has this name"),
    N_ ("Several cities of the dataset have this name"),
    N_ ("Another name of the file matched the same city"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "city ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the cities' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across cities "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal city)"),
    N_ ("City Detail (Shift+F9)"),
    N_ ("The selected cities against the median (Ctrl+1)"),
    N_ ("Every city’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected cities, by dimension (Ctrl+4)"),
    N_ ("One city’s raw values, year by year (Ctrl+5)"),
    N_ ("Search cities"),
    N_ ("Select every city shown"),
    N_ ("Show or hide the city detail"),
    N_ ("Cities in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked cities in each tier for %d, and how their index scores spread."),
    N_ (" · cities in column %s"),
    N_ ("A missing value takes the mean of the indicator over the cities of the same %s."),
    N_ ("A missing value takes the median of the indicator over the cities of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the cities with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the cities with a value (min-max); where less "
        "is better the scale is reversed."),
    N_ ("It is above the median city on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median city on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: cities %u, indicators %u, years %u\n"),
    N_ (" A city needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same cities as in %d."),
    N_ ("Compared with %d, no city entered the top %u.")},
   {NP_ ("rank %u · %u city", "rank %u · %u cities"),
    NP_ ("ranks %u–%u · %u city", "ranks %u–%u · %u cities"),
    NP_ ("%u city · scores %s–%s", "%u cities · scores %s–%s"),
    NP_ ("%u city is not ranked for lack of data.", "%u cities are not ranked for lack of data."),
    NP_ ("Ranking of %u city for %d: scores, ranks, method and profiles",
         "Ranking of %u cities for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a city of the dataset by its code or name.",
         "%u of %u names match cities of the dataset by their code or name."),
    NP_ ("%u city ranked", "%u cities ranked"),
    NP_ ("<i>%s</i> ranks %u city for %d.", "<i>%s</i> ranks %u cities for %d."),
    NP_ ("%s ranks %s of %u city for %d with a score of %s.",
         "%s ranks %s of %u cities for %d with a score of %s."),
    NP_ ("%u city ranked in both, %d", "%u cities ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u city "
         "ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u cities "
         "ranked in both."),
    NP_ ("Compared with %d, %u city entered the top %u: %s.",
         "Compared with %d, %u cities entered the top %u: %s."),
    NP_ ("%u city left it: %s.", "%u cities left it: %s.")}},
  {CRK_UNIT_COUNTRY,
   {N_ ("Countries by tier"),
    N_ ("Countries by region"),
    N_ ("Countries by province"),
    N_ ("Country profiles"),
    N_ ("Index of country profiles"),
    N_ ("The profiled countries by name, with their rank and the page of their profile."),
    N_ ("Countries that differ most"),
    N_ ("Countries compared"),
    N_ ("Every country compared has its published rank."),
    N_ ("Index scores of the ranked countries"),
    N_ ("Index score (number of countries per band)"),
    N_ ("no country"),
    N_ ("Countries are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked country in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the countries covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other countries of the same year. Changes in rank show movement within "
        "each year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the countries' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the countries that have one."),
    N_ ("A missing value takes the median of the indicator over the countries that have one."),
    N_ ("No country left it."),
    N_ ("Up to 5 indicators where this country is in the top quarter of the countries with a "
        "value, best first. A value most countries share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 countries there are none."),
    N_ ("Up to 5 indicators where this country is in the bottom quarter of the countries with a "
        "value, worst first. A value most countries share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 countries there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a country has, "
        "their weights renormalised."),
    N_ ("Countries:"),
    N_ ("Rank correlations and the countries that differ most"),
    N_ ("Country _profiles"),
    N_ ("One page per country"),
    N_ ("Country Profiles"),
    N_ ("_Countries"),
    N_ ("All ranked countries"),
    N_ ("The top countries"),
    N_ ("The selected countries"),
    N_ ("_Number of top countries"),
    N_ ("Mean of the country’s tier"),
    N_ ("The country in the base year"),
    N_ ("Mean of all countries"),
    N_ ("Tiers group the ranked countries into stages by rank, score or quantile, such as CCID’s "
        "four stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the countries that differ most"),
    N_ ("Matching Countries"),
    N_ ("Save the names chosen here as aliases of the countries, for the next import"),
    N_ ("No country of the dataset has this name"),
    N_ ("Several countries of the dataset have this name"),
    N_ ("Another name of the file matched the same country"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "country ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the countries' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across countries "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal country)"),
    N_ ("Country Detail (Shift+F9)"),
    N_ ("The selected countries against the median (Ctrl+1)"),
    N_ ("Every country’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected countries, by dimension (Ctrl+4)"),
    N_ ("One country’s raw values, year by year (Ctrl+5)"),
    N_ ("Search countries"),
    N_ ("Select every country shown"),
    N_ ("Show or hide the country detail"),
    N_ ("Countries in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked countries in each tier for %d, and how their index scores spread."),
    N_ (" · countries in column %s"),
    N_ ("A missing value takes the mean of the indicator over the countries of the same %s."),
    N_ ("A missing value takes the median of the indicator over the countries of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the countries with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the countries with a value (min-max); where "
        "less is better the scale is reversed."),
    N_ ("It is above the median country on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median country on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: countries %u, indicators %u, years %u\n"),
    N_ (" A country needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same countries as in %d."),
    N_ ("Compared with %d, no country entered the top %u.")},
   {NP_ ("rank %u · %u country", "rank %u · %u countries"),
    NP_ ("ranks %u–%u · %u country", "ranks %u–%u · %u countries"),
    NP_ ("%u country · scores %s–%s", "%u countries · scores %s–%s"),
    NP_ ("%u country is not ranked for lack of data.",
         "%u countries are not ranked for lack of data."),
    NP_ ("Ranking of %u country for %d: scores, ranks, method and profiles",
         "Ranking of %u countries for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a country of the dataset by its code or name.",
         "%u of %u names match countries of the dataset by their code or name."),
    NP_ ("%u country ranked", "%u countries ranked"),
    NP_ ("<i>%s</i> ranks %u country for %d.", "<i>%s</i> ranks %u countries for %d."),
    NP_ ("%s ranks %s of %u country for %d with a score of %s.",
         "%s ranks %s of %u countries for %d with a score of %s."),
    NP_ ("%u country ranked in both, %d", "%u countries ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u country "
         "ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u "
         "countries ranked in both."),
    NP_ ("Compared with %d, %u country entered the top %u: %s.",
         "Compared with %d, %u countries entered the top %u: %s."),
    NP_ ("%u country left it: %s.", "%u countries left it: %s.")}},
  {CRK_UNIT_REGION,
   {N_ ("Regions by tier"),
    N_ ("Regions by region"),
    N_ ("Regions by province"),
    N_ ("Region profiles"),
    N_ ("Index of region profiles"),
    N_ ("The profiled regions by name, with their rank and the page of their profile."),
    N_ ("Regions that differ most"),
    N_ ("Regions compared"),
    N_ ("Every region compared has its published rank."),
    N_ ("Index scores of the ranked regions"),
    N_ ("Index score (number of regions per band)"),
    N_ ("no region"),
    N_ ("Regions are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked region in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the regions covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other regions of the same year. Changes in rank show movement within each "
        "year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the regions' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the regions that have one."),
    N_ ("A missing value takes the median of the indicator over the regions that have one."),
    N_ ("No region left it."),
    N_ ("Up to 5 indicators where this region is in the top quarter of the regions with a value, "
        "best first. A value most regions share counts as neither a strength nor a weakness, no "
        "indicator is both, and with fewer than 4 regions there are none."),
    N_ ("Up to 5 indicators where this region is in the bottom quarter of the regions with a "
        "value, worst first. A value most regions share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 regions there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a region has, "
        "their weights renormalised."),
    N_ ("Regions:"),
    N_ ("Rank correlations and the regions that differ most"),
    N_ ("Region _profiles"),
    N_ ("One page per region"),
    N_ ("Region Profiles"),
    N_ ("_Regions"),
    N_ ("All ranked regions"),
    N_ ("The top regions"),
    N_ ("The selected regions"),
    N_ ("_Number of top regions"),
    N_ ("Mean of the region’s tier"),
    N_ ("The region in the base year"),
    N_ ("Mean of all regions"),
    N_ ("Tiers group the ranked regions into stages by rank, score or quantile, such as CCID’s "
        "four stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the regions that differ most"),
    N_ ("Matching Regions"),
    N_ ("Save the names chosen here as aliases of the regions, for the next import"),
    N_ ("No region of the dataset has this name"),
    N_ ("Several regions of the dataset have this name"),
    N_ ("Another name of the file matched the same region"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "region ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the regions' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across regions "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal region)"),
    N_ ("Region Detail (Shift+F9)"),
    N_ ("The selected regions against the median (Ctrl+1)"),
    N_ ("Every region’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected regions, by dimension (Ctrl+4)"),
    N_ ("One region’s raw values, year by year (Ctrl+5)"),
    N_ ("Search regions"),
    N_ ("Select every region shown"),
    N_ ("Show or hide the region detail"),
    N_ ("Regions in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked regions in each tier for %d, and how their index scores spread."),
    N_ (" · regions in column %s"),
    N_ ("A missing value takes the mean of the indicator over the regions of the same %s."),
    N_ ("A missing value takes the median of the indicator over the regions of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the regions with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the regions with a value (min-max); where "
        "less is better the scale is reversed."),
    N_ ("It is above the median region on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median region on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: regions %u, indicators %u, years %u\n"),
    N_ (" A region needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same regions as in %d."),
    N_ ("Compared with %d, no region entered the top %u.")},
   {NP_ ("rank %u · %u region", "rank %u · %u regions"),
    NP_ ("ranks %u–%u · %u region", "ranks %u–%u · %u regions"),
    NP_ ("%u region · scores %s–%s", "%u regions · scores %s–%s"),
    NP_ ("%u region is not ranked for lack of data.",
         "%u regions are not ranked for lack of data."),
    NP_ ("Ranking of %u region for %d: scores, ranks, method and profiles",
         "Ranking of %u regions for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a region of the dataset by its code or name.",
         "%u of %u names match regions of the dataset by their code or name."),
    NP_ ("%u region ranked", "%u regions ranked"),
    NP_ ("<i>%s</i> ranks %u region for %d.", "<i>%s</i> ranks %u regions for %d."),
    NP_ ("%s ranks %s of %u region for %d with a score of %s.",
         "%s ranks %s of %u regions for %d with a score of %s."),
    NP_ ("%u region ranked in both, %d", "%u regions ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u region "
         "ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u regions "
         "ranked in both."),
    NP_ ("Compared with %d, %u region entered the top %u: %s.",
         "Compared with %d, %u regions entered the top %u: %s."),
    NP_ ("%u region left it: %s.", "%u regions left it: %s.")}},
  {CRK_UNIT_PROVINCE,
   {N_ ("Provinces by tier"),
    N_ ("Provinces by region"),
    N_ ("Provinces by province"),
    N_ ("Province profiles"),
    N_ ("Index of province profiles"),
    N_ ("The profiled provinces by name, with their rank and the page of their profile."),
    N_ ("Provinces that differ most"),
    N_ ("Provinces compared"),
    N_ ("Every province compared has its published rank."),
    N_ ("Index scores of the ranked provinces"),
    N_ ("Index score (number of provinces per band)"),
    N_ ("no province"),
    N_ ("Provinces are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked province in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the provinces covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other provinces of the same year. Changes in rank show movement within "
        "each year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the provinces' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the provinces that have one."),
    N_ ("A missing value takes the median of the indicator over the provinces that have one."),
    N_ ("No province left it."),
    N_ ("Up to 5 indicators where this province is in the top quarter of the provinces with a "
        "value, best first. A value most provinces share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 provinces there are none."),
    N_ ("Up to 5 indicators where this province is in the bottom quarter of the provinces with a "
        "value, worst first. A value most provinces share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 provinces there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a province has, "
        "their weights renormalised."),
    N_ ("Provinces:"),
    N_ ("Rank correlations and the provinces that differ most"),
    N_ ("Province _profiles"),
    N_ ("One page per province"),
    N_ ("Province Profiles"),
    N_ ("_Provinces"),
    N_ ("All ranked provinces"),
    N_ ("The top provinces"),
    N_ ("The selected provinces"),
    N_ ("_Number of top provinces"),
    N_ ("Mean of the province’s tier"),
    N_ ("The province in the base year"),
    N_ ("Mean of all provinces"),
    N_ ("Tiers group the ranked provinces into stages by rank, score or quantile, such as CCID’s "
        "four stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the provinces that differ most"),
    N_ ("Matching Provinces"),
    N_ ("Save the names chosen here as aliases of the provinces, for the next import"),
    N_ ("No province of the dataset has this name"),
    N_ ("Several provinces of the dataset have this name"),
    N_ ("Another name of the file matched the same province"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "province ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the provinces' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across provinces "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal province)"),
    N_ ("Province Detail (Shift+F9)"),
    N_ ("The selected provinces against the median (Ctrl+1)"),
    N_ ("Every province’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected provinces, by dimension (Ctrl+4)"),
    N_ ("One province’s raw values, year by year (Ctrl+5)"),
    N_ ("Search provinces"),
    N_ ("Select every province shown"),
    N_ ("Show or hide the province detail"),
    N_ ("Provinces in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked provinces in each tier for %d, and how their index scores spread."),
    N_ (" · provinces in column %s"),
    N_ ("A missing value takes the mean of the indicator over the provinces of the same %s."),
    N_ ("A missing value takes the median of the indicator over the provinces of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the provinces with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the provinces with a value (min-max); where "
        "less is better the scale is reversed."),
    N_ (
      "It is above the median province on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median province on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: provinces %u, indicators %u, years %u\n"),
    N_ (" A province needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same provinces as in %d."),
    N_ ("Compared with %d, no province entered the top %u.")},
   {NP_ ("rank %u · %u province", "rank %u · %u provinces"),
    NP_ ("ranks %u–%u · %u province", "ranks %u–%u · %u provinces"),
    NP_ ("%u province · scores %s–%s", "%u provinces · scores %s–%s"),
    NP_ ("%u province is not ranked for lack of data.",
         "%u provinces are not ranked for lack of data."),
    NP_ ("Ranking of %u province for %d: scores, ranks, method and profiles",
         "Ranking of %u provinces for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a province of the dataset by its code or name.",
         "%u of %u names match provinces of the dataset by their code or name."),
    NP_ ("%u province ranked", "%u provinces ranked"),
    NP_ ("<i>%s</i> ranks %u province for %d.", "<i>%s</i> ranks %u provinces for %d."),
    NP_ ("%s ranks %s of %u province for %d with a score of %s.",
         "%s ranks %s of %u provinces for %d with a score of %s."),
    NP_ ("%u province ranked in both, %d", "%u provinces ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u "
         "province ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u "
         "provinces ranked in both."),
    NP_ ("Compared with %d, %u province entered the top %u: %s.",
         "Compared with %d, %u provinces entered the top %u: %s."),
    NP_ ("%u province left it: %s.", "%u provinces left it: %s.")}},
  {CRK_UNIT_ECONOMY,
   {N_ ("Economies by tier"),
    N_ ("Economies by region"),
    N_ ("Economies by province"),
    N_ ("Economy profiles"),
    N_ ("Index of economy profiles"),
    N_ ("The profiled economies by name, with their rank and the page of their profile."),
    N_ ("Economies that differ most"),
    N_ ("Economies compared"),
    N_ ("Every economy compared has its published rank."),
    N_ ("Index scores of the ranked economies"),
    N_ ("Index score (number of economies per band)"),
    N_ ("no economy"),
    N_ ("Economies are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked economy in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the economies covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other economies of the same year. Changes in rank show movement within "
        "each year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the economies' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the economies that have one."),
    N_ ("A missing value takes the median of the indicator over the economies that have one."),
    N_ ("No economy left it."),
    N_ ("Up to 5 indicators where this economy is in the top quarter of the economies with a "
        "value, best first. A value most economies share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 economies there are none."),
    N_ ("Up to 5 indicators where this economy is in the bottom quarter of the economies with a "
        "value, worst first. A value most economies share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 economies there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a economy has, "
        "their weights renormalised."),
    N_ ("Economies:"),
    N_ ("Rank correlations and the economies that differ most"),
    N_ ("Economy _profiles"),
    N_ ("One page per economy"),
    N_ ("Economy Profiles"),
    N_ ("_Economies"),
    N_ ("All ranked economies"),
    N_ ("The top economies"),
    N_ ("The selected economies"),
    N_ ("_Number of top economies"),
    N_ ("Mean of the economy’s tier"),
    N_ ("The economy in the base year"),
    N_ ("Mean of all economies"),
    N_ ("Tiers group the ranked economies into stages by rank, score or quantile, such as CCID’s "
        "four stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the economies that differ most"),
    N_ ("Matching Economies"),
    N_ ("Save the names chosen here as aliases of the economies, for the next import"),
    N_ ("No economy of the dataset has this name"),
    N_ ("Several economies of the dataset have this name"),
    N_ ("Another name of the file matched the same economy"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "economy ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the economies' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across economies "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal economy)"),
    N_ ("Economy Detail (Shift+F9)"),
    N_ ("The selected economies against the median (Ctrl+1)"),
    N_ ("Every economy’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected economies, by dimension (Ctrl+4)"),
    N_ ("One economy’s raw values, year by year (Ctrl+5)"),
    N_ ("Search economies"),
    N_ ("Select every economy shown"),
    N_ ("Show or hide the economy detail"),
    N_ ("Economies in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked economies in each tier for %d, and how their index scores spread."),
    N_ (" · economies in column %s"),
    N_ ("A missing value takes the mean of the indicator over the economies of the same %s."),
    N_ ("A missing value takes the median of the indicator over the economies of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the economies with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the economies with a value (min-max); where "
        "less is better the scale is reversed."),
    N_ ("It is above the median economy on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median economy on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: economies %u, indicators %u, years %u\n"),
    N_ (" A economy needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same economies as in %d."),
    N_ ("Compared with %d, no economy entered the top %u.")},
   {NP_ ("rank %u · %u economy", "rank %u · %u economies"),
    NP_ ("ranks %u–%u · %u economy", "ranks %u–%u · %u economies"),
    NP_ ("%u economy · scores %s–%s", "%u economies · scores %s–%s"),
    NP_ ("%u economy is not ranked for lack of data.",
         "%u economies are not ranked for lack of data."),
    NP_ ("Ranking of %u economy for %d: scores, ranks, method and profiles",
         "Ranking of %u economies for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a economy of the dataset by its code or name.",
         "%u of %u names match economies of the dataset by their code or name."),
    NP_ ("%u economy ranked", "%u economies ranked"),
    NP_ ("<i>%s</i> ranks %u economy for %d.", "<i>%s</i> ranks %u economies for %d."),
    NP_ ("%s ranks %s of %u economy for %d with a score of %s.",
         "%s ranks %s of %u economies for %d with a score of %s."),
    NP_ ("%u economy ranked in both, %d", "%u economies ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u economy "
         "ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u "
         "economies ranked in both."),
    NP_ ("Compared with %d, %u economy entered the top %u: %s.",
         "Compared with %d, %u economies entered the top %u: %s."),
    NP_ ("%u economy left it: %s.", "%u economies left it: %s.")}},
  {CRK_UNIT_ORGANISATION,
   {N_ ("Organisations by tier"),
    N_ ("Organisations by region"),
    N_ ("Organisations by province"),
    N_ ("Organisation profiles"),
    N_ ("Index of organisation profiles"),
    N_ ("The profiled organisations by name, with their rank and the page of their profile."),
    N_ ("Organisations that differ most"),
    N_ ("Organisations compared"),
    N_ ("Every organisation compared has its published rank."),
    N_ ("Index scores of the ranked organisations"),
    N_ ("Index score (number of organisations per band)"),
    N_ ("no organisation"),
    N_ (
      "Organisations are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked organisation in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the organisations covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other organisations of the same year. Changes in rank show movement "
        "within each year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the organisations' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the organisations that have one."),
    N_ ("A missing value takes the median of the indicator over the organisations that have one."),
    N_ ("No organisation left it."),
    N_ (
      "Up to 5 indicators where this organisation is in the top quarter of the organisations with "
      "a value, best first. A value most organisations share counts as neither a strength nor a "
      "weakness, no indicator is both, and with fewer than 4 organisations there are none."),
    N_ (
      "Up to 5 indicators where this organisation is in the bottom quarter of the organisations "
      "with a value, worst first. A value most organisations share counts as neither a strength "
      "nor a weakness, no indicator is both, and with fewer than 4 organisations there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a organisation "
        "has, their weights renormalised."),
    N_ ("Organisations:"),
    N_ ("Rank correlations and the organisations that differ most"),
    N_ ("Organisation _profiles"),
    N_ ("One page per organisation"),
    N_ ("Organisation Profiles"),
    N_ ("_Organisations"),
    N_ ("All ranked organisations"),
    N_ ("The top organisations"),
    N_ ("The selected organisations"),
    N_ ("_Number of top organisations"),
    N_ ("Mean of the organisation’s tier"),
    N_ ("The organisation in the base year"),
    N_ ("Mean of all organisations"),
    N_ ("Tiers group the ranked organisations into stages by rank, score or quantile, such as "
        "CCID’s four stages. Press F1 for the guide."),
    N_ (
      "How closely the ranking agrees with the published one of the same year: Spearman’s rank "
      "correlation and Kendall’s tau (1: the same order), and the organisations that differ most"),
    N_ ("Matching Organisations"),
    N_ ("Save the names chosen here as aliases of the organisations, for the next import"),
    N_ ("No organisation of the dataset has this name"),
    N_ ("Several organisations of the dataset have this name"),
    N_ ("Another name of the file matched the same organisation"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "organisation ranks higher here than in the published ranking."),
    N_ (
      "Each indicator is replaced by the organisations' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across "
        "organisations weighs more."),
    N_ ("TOPSIS (closeness to the ideal organisation)"),
    N_ ("Organisation Detail (Shift+F9)"),
    N_ ("The selected organisations against the median (Ctrl+1)"),
    N_ ("Every organisation’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected organisations, by dimension (Ctrl+4)"),
    N_ ("One organisation’s raw values, year by year (Ctrl+5)"),
    N_ ("Search organisations"),
    N_ ("Select every organisation shown"),
    N_ ("Show or hide the organisation detail"),
    N_ ("Organisations in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked organisations in each tier for %d, and how their index scores spread."),
    N_ (" · organisations in column %s"),
    N_ ("A missing value takes the mean of the indicator over the organisations of the same %s."),
    N_ ("A missing value takes the median of the indicator over the organisations of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the organisations "
        "with a value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the organisations with a value (min-max); "
        "where less is better the scale is reversed."),
    N_ ("It is above the median organisation on %u of %u dimensions, most of all in %s (%+.1f "
        "points)."),
    N_ ("It is above the median organisation on %u of %u dimensions and furthest below it in %s "
        "(%+.1f points)."),
    N_ ("%s: organisations %u, indicators %u, years %u\n"),
    N_ (" A organisation needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same organisations as in %d."),
    N_ ("Compared with %d, no organisation entered the top %u.")},
   {NP_ ("rank %u · %u organisation", "rank %u · %u organisations"),
    NP_ ("ranks %u–%u · %u organisation", "ranks %u–%u · %u organisations"),
    NP_ ("%u organisation · scores %s–%s", "%u organisations · scores %s–%s"),
    NP_ ("%u organisation is not ranked for lack of data.",
         "%u organisations are not ranked for lack of data."),
    NP_ ("Ranking of %u organisation for %d: scores, ranks, method and profiles",
         "Ranking of %u organisations for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a organisation of the dataset by its code or name.",
         "%u of %u names match organisations of the dataset by their code or name."),
    NP_ ("%u organisation ranked", "%u organisations ranked"),
    NP_ ("<i>%s</i> ranks %u organisation for %d.", "<i>%s</i> ranks %u organisations for %d."),
    NP_ ("%s ranks %s of %u organisation for %d with a score of %s.",
         "%s ranks %s of %u organisations for %d with a score of %s."),
    NP_ ("%u organisation ranked in both, %d", "%u organisations ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u "
         "organisation ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u "
         "organisations ranked in both."),
    NP_ ("Compared with %d, %u organisation entered the top %u: %s.",
         "Compared with %d, %u organisations entered the top %u: %s."),
    NP_ ("%u organisation left it: %s.", "%u organisations left it: %s.")}},
  {CRK_UNIT_OTHER,
   /* Translators: "entities": whatever a dataset ranks when it is not cities, countries… */
   {N_ ("Entities by tier"),
    N_ ("Entities by region"),
    N_ ("Entities by province"),
    N_ ("Entity profiles"),
    N_ ("Index of entity profiles"),
    N_ ("The profiled entities by name, with their rank and the page of their profile."),
    N_ ("Entities that differ most"),
    N_ ("Entities compared"),
    N_ ("Every entity compared has its published rank."),
    N_ ("Index scores of the ranked entities"),
    N_ ("Index score (number of entities per band)"),
    N_ ("no entity"),
    N_ ("Entities are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."),
    N_ ("Every ranked entity in rank order; the same scale on every page."),
    N_ ("Ranks of different years are not strictly comparable: the entities covered, the "
        "indicators, their sources and the normalisation change from year to year, and a rank is "
        "relative to the other entities of the same year. Changes in rank show movement within "
        "each year's field, not absolute progress."),
    N_ ("Each indicator is replaced by the entities' percentile ranks in [0, 100]."),
    N_ ("A missing value takes the mean of the indicator over the entities that have one."),
    N_ ("A missing value takes the median of the indicator over the entities that have one."),
    N_ ("No entity left it."),
    N_ ("Up to 5 indicators where this entity is in the top quarter of the entities with a value, "
        "best first. A value most entities share counts as neither a strength nor a weakness, no "
        "indicator is both, and with fewer than 4 entities there are none."),
    N_ ("Up to 5 indicators where this entity is in the bottom quarter of the entities with a "
        "value, worst first. A value most entities share counts as neither a strength nor a "
        "weakness, no indicator is both, and with fewer than 4 entities there are none."),
    N_ ("Missing values are not imputed: a score is the weighted mean of the parts a entity has, "
        "their weights renormalised."),
    N_ ("Entities:"),
    N_ ("Rank correlations and the entities that differ most"),
    N_ ("Entity _profiles"),
    N_ ("One page per entity"),
    N_ ("Entity Profiles"),
    N_ ("_Entities"),
    N_ ("All ranked entities"),
    N_ ("The top entities"),
    N_ ("The selected entities"),
    N_ ("_Number of top entities"),
    N_ ("Mean of the entity’s tier"),
    N_ ("The entity in the base year"),
    N_ ("Mean of all entities"),
    N_ ("Tiers group the ranked entities into stages by rank, score or quantile, such as CCID’s "
        "four stages. Press F1 for the guide."),
    N_ ("How closely the ranking agrees with the published one of the same year: Spearman’s rank "
        "correlation and Kendall’s tau (1: the same order), and the entities that differ most"),
    N_ ("Matching Entities"),
    N_ ("Save the names chosen here as aliases of the entities, for the next import"),
    N_ ("No entity of the dataset has this name"),
    N_ ("Several entities of the dataset have this name"),
    N_ ("Another name of the file matched the same entity"),
    N_ ("Difference: the published rank minus the rank here; a positive difference means that the "
        "entity ranks higher here than in the published ranking."),
    N_ ("Each indicator is replaced by the entities' ranks, scaled to [0, 100], ties averaged."),
    N_ ("Weights from the entropy weight method: a part whose scores vary more across entities "
        "weighs more."),
    N_ ("TOPSIS (closeness to the ideal entity)"),
    N_ ("Entity Detail (Shift+F9)"),
    N_ ("The selected entities against the median (Ctrl+1)"),
    N_ ("Every entity’s score as a ranked bar (Ctrl+2)"),
    N_ ("The gap between two selected entities, by dimension (Ctrl+4)"),
    N_ ("One entity’s raw values, year by year (Ctrl+5)"),
    N_ ("Search entities"),
    N_ ("Select every entity shown"),
    N_ ("Show or hide the entity detail"),
    N_ ("Entities in rank order for %d, with their index score and dimension scores."),
    N_ ("Number of ranked entities in each tier for %d, and how their index scores spread."),
    N_ (" · entities in column %s"),
    N_ ("A missing value takes the mean of the indicator over the entities of the same %s."),
    N_ ("A missing value takes the median of the indicator over the entities of the same %s."),
    N_ ("Value: as published (* estimated or imputed). Score: %s. Rank: among the entities with a "
        "value."),
    N_ ("Each indicator is rescaled to [%g, %g] over the entities with a value (min-max); where "
        "less is better the scale is reversed."),
    N_ ("It is above the median entity on %u of %u dimensions, most of all in %s (%+.1f points)."),
    N_ ("It is above the median entity on %u of %u dimensions and furthest below it in %s (%+.1f "
        "points)."),
    N_ ("%s: entities %u, indicators %u, years %u\n"),
    N_ (" A entity needs at least %.0f%% of a node's parts to get a score there."),
    N_ ("The top %u is made of the same entities as in %d."),
    N_ ("Compared with %d, no entity entered the top %u.")},
   {NP_ ("rank %u · %u entity", "rank %u · %u entities"),
    NP_ ("ranks %u–%u · %u entity", "ranks %u–%u · %u entities"),
    NP_ ("%u entity · scores %s–%s", "%u entities · scores %s–%s"),
    NP_ ("%u entity is not ranked for lack of data.",
         "%u entities are not ranked for lack of data."),
    NP_ ("Ranking of %u entity for %d: scores, ranks, method and profiles",
         "Ranking of %u entities for %d: scores, ranks, method and profiles"),
    NP_ ("%u of %u name matches a entity of the dataset by its code or name.",
         "%u of %u names match entities of the dataset by their code or name."),
    NP_ ("%u entity ranked", "%u entities ranked"),
    NP_ ("<i>%s</i> ranks %u entity for %d.", "<i>%s</i> ranks %u entities for %d."),
    NP_ ("%s ranks %s of %u entity for %d with a score of %s.",
         "%s ranks %s of %u entities for %d with a score of %s."),
    NP_ ("%u entity ranked in both, %d", "%u entities ranked in both, %d"),
    NP_ ("The ranks computed here are compared with the published ranking of %d for the %u entity "
         "ranked in both.",
         "The ranks computed here are compared with the published ranking of %d for the %u "
         "entities ranked in both."),
    NP_ ("Compared with %d, %u entity entered the top %u: %s.",
         "Compared with %d, %u entities entered the top %u: %s."),
    NP_ ("%u entity left it: %s.", "%u entities left it: %s.")}},
};

static const UnitSentences *
row_of (CrkUnitKind kind)
{
  if ((guint) kind >= CRK_UNIT_N_KINDS)
    kind = CRK_UNIT_CITY;
  g_assert (unit_sentences[kind].kind == kind);
  return &unit_sentences[kind];
}

const char *
crk_unit_sentence_get (CrkUnitKind kind, CrkUnitWord word)
{
  g_return_val_if_fail (word >= CRK_UNIT_WORD_BY_TIER && word < CRK_UNIT_N_WORDS, "");
  return row_of (kind)->sentences[word - CRK_UNIT_WORD_BY_TIER];
}

static const char *
plural (CrkUnitKind kind, Plural which, gulong n)
{
  const char *const *forms = row_of (kind)->plurals[which];

  return ngettext (forms[0], forms[1], n);
}

/* The formats come from the tables, checked by msgfmt --check-format in their
 * translations. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *
crk_unit_kind_format_year (CrkUnitKind kind, CrkUnitWord word, int year)
{
  g_return_val_if_fail (word == CRK_UNIT_WORD_RANK_ORDER || word == CRK_UNIT_WORD_TIER_COUNTS,
                        g_strdup (""));
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, word)), year);
}

char *
crk_unit_kind_format_text (CrkUnitKind kind, CrkUnitWord word, const char *text)
{
  g_return_val_if_fail (
    word == CRK_UNIT_WORD_IN_COLUMN || word == CRK_UNIT_WORD_MISSING_GROUP_MEAN ||
      word == CRK_UNIT_WORD_MISSING_GROUP_MEDIAN || word == CRK_UNIT_WORD_PROFILE_KEY,
    g_strdup (""));
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, word)), text != NULL ? text : "");
}

char *
crk_unit_kind_format_minmax (CrkUnitKind kind, double low, double high)
{
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, CRK_UNIT_WORD_MINMAX)), low, high);
}

char *
crk_unit_kind_format_above_median (CrkUnitKind kind,
                                   guint ahead,
                                   guint compared,
                                   const char *widest,
                                   double gap)
{
  CrkUnitWord word = gap >= 0 ? CRK_UNIT_WORD_ABOVE_MEDIAN_MOST : CRK_UNIT_WORD_ABOVE_MEDIAN_BELOW;

  return g_strdup_printf (_ (crk_unit_sentence_get (kind, word)), ahead, compared, widest, gap);
}

char *
crk_unit_kind_format_imported (CrkUnitKind kind,
                               const char *file,
                               guint n_units,
                               guint n_indicators,
                               guint n_years)
{
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, CRK_UNIT_WORD_IMPORTED)), file, n_units,
                          n_indicators, n_years);
}

char *
crk_unit_kind_format_coverage (CrkUnitKind kind, double percent)
{
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, CRK_UNIT_WORD_COVERAGE)), percent);
}

char *
crk_unit_kind_format_same_top (CrkUnitKind kind, guint top, int year)
{
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, CRK_UNIT_WORD_SAME_TOP)), top, year);
}

char *
crk_unit_kind_format_none_entered (CrkUnitKind kind, int year, guint top)
{
  return g_strdup_printf (_ (crk_unit_sentence_get (kind, CRK_UNIT_WORD_NONE_ENTERED)), year, top);
}

char *
crk_unit_kind_format_ranks_of (CrkUnitKind kind,
                               const char *name,
                               const char *ordinal,
                               guint n,
                               int year,
                               const char *score)
{
  return g_strdup_printf (plural (kind, PLURAL_RANKS_OF, n), name, ordinal, n, year, score);
}

char *
crk_unit_kind_format_n_ranked (CrkUnitKind kind, guint n)
{
  return g_strdup_printf (plural (kind, PLURAL_N_RANKED, n), n);
}

char *
crk_unit_kind_format_summary_ranks (CrkUnitKind kind, const char *title, guint n, int year)
{
  return g_strdup_printf (plural (kind, PLURAL_SUMMARY_RANKS, n), title, n, year);
}

char *
crk_unit_kind_format_matched (CrkUnitKind kind, guint n_matched, guint n_names)
{
  return g_strdup_printf (plural (kind, PLURAL_MATCHED, n_names), n_matched, n_names);
}

char *
crk_unit_kind_format_tier_ranks (CrkUnitKind kind, guint first, guint last, guint count)
{
  if (first == last)
    return g_strdup_printf (plural (kind, PLURAL_TIER_ONE, count), first, count);
  return g_strdup_printf (plural (kind, PLURAL_TIER_RANGE, count), first, last, count);
}

char *
crk_unit_kind_format_tier_band (CrkUnitKind kind, guint count, const char *low, const char *high)
{
  return g_strdup_printf (plural (kind, PLURAL_TIER_BAND, count), count, low, high);
}

char *
crk_unit_kind_format_not_ranked (CrkUnitKind kind, guint n)
{
  return g_strdup_printf (plural (kind, PLURAL_NOT_RANKED, n), n);
}

char *
crk_unit_kind_format_subject (CrkUnitKind kind, guint n, int year)
{
  return g_strdup_printf (plural (kind, PLURAL_SUBJECT, n), n, year);
}

char *
crk_unit_kind_format_ranked_in_both (CrkUnitKind kind, guint n, int year)
{
  return g_strdup_printf (plural (kind, PLURAL_RANKED_IN_BOTH, n), n, year);
}

char *
crk_unit_kind_format_compared_both (CrkUnitKind kind, int year, guint n)
{
  return g_strdup_printf (plural (kind, PLURAL_COMPARED_BOTH, n), year, n);
}

char *
crk_unit_kind_format_entered (CrkUnitKind kind, int year, guint n, guint top, const char *list)
{
  return g_strdup_printf (plural (kind, PLURAL_ENTERED, n), year, n, top, list);
}

char *
crk_unit_kind_format_left (CrkUnitKind kind, guint n, const char *list)
{
  return g_strdup_printf (plural (kind, PLURAL_LEFT, n), n, list);
}

#pragma GCC diagnostic pop
