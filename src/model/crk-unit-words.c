/* crk-unit-words.c: the kind of unit a dataset ranks and its words, one row a kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-unit-words-private.h"
#include "crk-unit-words.h"

/* A plural pair for ngettext(), extracted by xgettext with --keyword=NP_:1,2 (po/meson.build) */
#define NP_(one, other)                                                                            \
  {                                                                                                \
    one, other                                                                                     \
  }

typedef struct
{
  CrkUnitKind kind;
  const char *name;                         /* in the native format */
  const char *words[CRK_UNIT_WORD_BY_TIER]; /* the rest in crk-unit-sentences.c */
  const char *count[2];                     /* "%u city" */
  const char *count_of[2];                  /* "%u of %u city" */
  const char *search;                       /* "Search cities by name, code or %s" */
  const char *no_match;                     /* "No city matches “%s”." */
  const char *top[2];                       /* "Top %u city, %d" */
  const char *ranking[2];                   /* "Ranking of %u city, %d" */
  const char *bars[2];                      /* "Ranked bar chart of %u city by %s." */
  const char *stacked[2];                   /* "Stacked bars split the score of %u city into …" */
  const char *mean; /* " The mean of all ranked cities is %s and the median %s." */
} UnitWords;

/* Whole sentences for each kind, not words put together: Chinese needs them whole.
 * Adding a kind is a row here and a value in the enum and in data/cityrank-dataset.rng. */
static const UnitWords unit_words[CRK_UNIT_N_KINDS] = {
  {CRK_UNIT_CITY,
   "city",
   {N_ ("city"), N_ ("cities"), N_ ("City"), N_ ("Cities"), N_ ("Search cities by name or code"),
    N_ ("No Matching Cities"), N_ ("No City Selected"),
    N_ ("Select a city in the ranking to see its scores, indicators, strengths and weaknesses."),
    N_ ("Median of all cities"), N_ ("Choose one or more cities to compare."),
    N_ ("Choose two cities to compare."),
    N_ ("Select two ranked cities in the table to explain the gap between them."),
    N_ ("No city is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked cities."),
    N_ ("Gap chart without two cities to compare.")},
   NP_ ("%u city", "%u cities"),
   NP_ ("%u of %u city", "%u of %u cities"),
   N_ ("Search cities by name, code or %s"),
   N_ ("No city matches “%s”."),
   NP_ ("Top %u city, %d", "Top %u cities, %d"),
   NP_ ("Ranking of %u city, %d", "Ranking of %u cities, %d"),
   NP_ ("Ranked bar chart of %u city by %s.", "Ranked bar chart of %u cities by %s."),
   NP_ ("Stacked bars split the score of %u city into the weighted contributions of %s.",
        "Stacked bars split the scores of %u cities into the weighted contributions of %s."),
   N_ (" The mean of all ranked cities is %s and the median %s.")},
  {CRK_UNIT_COUNTRY,
   "country",
   {N_ ("country"), N_ ("countries"), N_ ("Country"), N_ ("Countries"),
    N_ ("Search countries by name or code"), N_ ("No Matching Countries"),
    N_ ("No Country Selected"),
    N_ ("Select a country in the ranking to see its scores, indicators, strengths and "
        "weaknesses."),
    N_ ("Median of all countries"), N_ ("Choose one or more countries to compare."),
    N_ ("Choose two countries to compare."),
    N_ ("Select two ranked countries in the table to explain the gap between them."),
    N_ ("No country is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked countries."),
    N_ ("Gap chart without two countries to compare.")},
   NP_ ("%u country", "%u countries"),
   NP_ ("%u of %u country", "%u of %u countries"),
   N_ ("Search countries by name, code or %s"),
   N_ ("No country matches “%s”."),
   NP_ ("Top %u country, %d", "Top %u countries, %d"),
   NP_ ("Ranking of %u country, %d", "Ranking of %u countries, %d"),
   NP_ ("Ranked bar chart of %u country by %s.", "Ranked bar chart of %u countries by %s."),
   NP_ ("Stacked bars split the score of %u country into the weighted contributions of %s.",
        "Stacked bars split the scores of %u countries into the weighted contributions of %s."),
   N_ (" The mean of all ranked countries is %s and the median %s.")},
  {CRK_UNIT_REGION,
   "region",
   {N_ ("region"), N_ ("regions"), N_ ("Region"), N_ ("Regions"),
    N_ ("Search regions by name or code"), N_ ("No Matching Regions"), N_ ("No Region Selected"),
    N_ ("Select a region in the ranking to see its scores, indicators, strengths and weaknesses."),
    N_ ("Median of all regions"), N_ ("Choose one or more regions to compare."),
    N_ ("Choose two regions to compare."),
    N_ ("Select two ranked regions in the table to explain the gap between them."),
    N_ ("No region is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked regions."),
    N_ ("Gap chart without two regions to compare.")},
   NP_ ("%u region", "%u regions"),
   NP_ ("%u of %u region", "%u of %u regions"),
   N_ ("Search regions by name, code or %s"),
   N_ ("No region matches “%s”."),
   NP_ ("Top %u region, %d", "Top %u regions, %d"),
   NP_ ("Ranking of %u region, %d", "Ranking of %u regions, %d"),
   NP_ ("Ranked bar chart of %u region by %s.", "Ranked bar chart of %u regions by %s."),
   NP_ ("Stacked bars split the score of %u region into the weighted contributions of %s.",
        "Stacked bars split the scores of %u regions into the weighted contributions of %s."),
   N_ (" The mean of all ranked regions is %s and the median %s.")},
  {CRK_UNIT_PROVINCE,
   "province",
   {N_ ("province"), N_ ("provinces"), N_ ("Province"), N_ ("Provinces"),
    N_ ("Search provinces by name or code"), N_ ("No Matching Provinces"),
    N_ ("No Province Selected"),
    N_ ("Select a province in the ranking to see its scores, indicators, strengths and "
        "weaknesses."),
    N_ ("Median of all provinces"), N_ ("Choose one or more provinces to compare."),
    N_ ("Choose two provinces to compare."),
    N_ ("Select two ranked provinces in the table to explain the gap between them."),
    N_ ("No province is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked provinces."),
    N_ ("Gap chart without two provinces to compare.")},
   NP_ ("%u province", "%u provinces"),
   NP_ ("%u of %u province", "%u of %u provinces"),
   N_ ("Search provinces by name, code or %s"),
   N_ ("No province matches “%s”."),
   NP_ ("Top %u province, %d", "Top %u provinces, %d"),
   NP_ ("Ranking of %u province, %d", "Ranking of %u provinces, %d"),
   NP_ ("Ranked bar chart of %u province by %s.", "Ranked bar chart of %u provinces by %s."),
   NP_ ("Stacked bars split the score of %u province into the weighted contributions of %s.",
        "Stacked bars split the scores of %u provinces into the weighted contributions of %s."),
   N_ (" The mean of all ranked provinces is %s and the median %s.")},
  {CRK_UNIT_ECONOMY,
   "economy",
   {N_ ("economy"), N_ ("economies"), N_ ("Economy"), N_ ("Economies"),
    N_ ("Search economies by name or code"), N_ ("No Matching Economies"),
    N_ ("No Economy Selected"),
    N_ ("Select an economy in the ranking to see its scores, indicators, strengths and "
        "weaknesses."),
    N_ ("Median of all economies"), N_ ("Choose one or more economies to compare."),
    N_ ("Choose two economies to compare."),
    N_ ("Select two ranked economies in the table to explain the gap between them."),
    N_ ("No economy is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked economies."),
    N_ ("Gap chart without two economies to compare.")},
   NP_ ("%u economy", "%u economies"),
   NP_ ("%u of %u economy", "%u of %u economies"),
   N_ ("Search economies by name, code or %s"),
   N_ ("No economy matches “%s”."),
   NP_ ("Top %u economy, %d", "Top %u economies, %d"),
   NP_ ("Ranking of %u economy, %d", "Ranking of %u economies, %d"),
   NP_ ("Ranked bar chart of %u economy by %s.", "Ranked bar chart of %u economies by %s."),
   NP_ ("Stacked bars split the score of %u economy into the weighted contributions of %s.",
        "Stacked bars split the scores of %u economies into the weighted contributions of %s."),
   N_ (" The mean of all ranked economies is %s and the median %s.")},
  {CRK_UNIT_ORGANISATION,
   "organisation",
   {N_ ("organisation"), N_ ("organisations"), N_ ("Organisation"), N_ ("Organisations"),
    N_ ("Search organisations by name or code"), N_ ("No Matching Organisations"),
    N_ ("No Organisation Selected"),
    N_ ("Select an organisation in the ranking to see its scores, indicators, strengths and "
        "weaknesses."),
    N_ ("Median of all organisations"), N_ ("Choose one or more organisations to compare."),
    N_ ("Choose two organisations to compare."),
    N_ ("Select two ranked organisations in the table to explain the gap between them."),
    N_ ("No organisation is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked organisations."),
    N_ ("Gap chart without two organisations to compare.")},
   NP_ ("%u organisation", "%u organisations"),
   NP_ ("%u of %u organisation", "%u of %u organisations"),
   N_ ("Search organisations by name, code or %s"),
   N_ ("No organisation matches “%s”."),
   NP_ ("Top %u organisation, %d", "Top %u organisations, %d"),
   NP_ ("Ranking of %u organisation, %d", "Ranking of %u organisations, %d"),
   NP_ ("Ranked bar chart of %u organisation by %s.",
        "Ranked bar chart of %u organisations by %s."),
   NP_ ("Stacked bars split the score of %u organisation into the weighted contributions of %s.",
        "Stacked bars split the scores of %u organisations into the weighted contributions of %s."),
   N_ (" The mean of all ranked organisations is %s and the median %s.")},
  {CRK_UNIT_OTHER,
   "other",
   /* Translators: "entity": whatever a dataset ranks when it is not a city, a country… */
   {N_ ("entity"), N_ ("entities"), N_ ("Entity"), N_ ("Entities"),
    N_ ("Search entities by name or code"), N_ ("No Matching Entities"), N_ ("No Entity Selected"),
    N_ ("Select an entity in the ranking to see its scores, indicators, strengths and weaknesses."),
    N_ ("Median of all entities"), N_ ("Choose one or more entities to compare."),
    N_ ("Choose two entities to compare."),
    N_ ("Select two ranked entities in the table to explain the gap between them."),
    N_ ("No entity is ranked with this method and year."),
    N_ ("Ranked bar chart with no ranked entities."),
    N_ ("Gap chart without two entities to compare.")},
   NP_ ("%u entity", "%u entities"),
   NP_ ("%u of %u entity", "%u of %u entities"),
   N_ ("Search entities by name, code or %s"),
   N_ ("No entity matches “%s”."),
   NP_ ("Top %u entity, %d", "Top %u entities, %d"),
   NP_ ("Ranking of %u entity, %d", "Ranking of %u entities, %d"),
   NP_ ("Ranked bar chart of %u entity by %s.", "Ranked bar chart of %u entities by %s."),
   NP_ ("Stacked bars split the score of %u entity into the weighted contributions of %s.",
        "Stacked bars split the scores of %u entities into the weighted contributions of %s."),
   N_ (" The mean of all ranked entities is %s and the median %s.")},
};

static const GEnumValue kind_values[] = {
  {CRK_UNIT_CITY, "CRK_UNIT_CITY", "city"},
  {CRK_UNIT_COUNTRY, "CRK_UNIT_COUNTRY", "country"},
  {CRK_UNIT_REGION, "CRK_UNIT_REGION", "region"},
  {CRK_UNIT_PROVINCE, "CRK_UNIT_PROVINCE", "province"},
  {CRK_UNIT_ECONOMY, "CRK_UNIT_ECONOMY", "economy"},
  {CRK_UNIT_ORGANISATION, "CRK_UNIT_ORGANISATION", "organisation"},
  {CRK_UNIT_OTHER, "CRK_UNIT_OTHER", "other"},
  {0, NULL, NULL},
};

GType
crk_unit_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("CrkUnitKind", kind_values));
  return type_id;
}

static const UnitWords *
row_of (CrkUnitKind kind)
{
  if ((guint) kind >= CRK_UNIT_N_KINDS)
    kind = CRK_UNIT_CITY;
  g_assert (unit_words[kind].kind == kind);
  return &unit_words[kind];
}

const char *
crk_unit_kind_to_string (CrkUnitKind kind)
{
  return row_of (kind)->name;
}

gboolean
crk_unit_kind_from_string (const char *name, CrkUnitKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < CRK_UNIT_N_KINDS; i++)
    if (strcmp (unit_words[i].name, name) == 0)
      {
        *kind = unit_words[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
crk_unit_kind_get_word (CrkUnitKind kind, CrkUnitWord word)
{
  g_return_val_if_fail ((guint) word < CRK_UNIT_N_WORDS, "");
  if (word >= CRK_UNIT_WORD_BY_TIER)
    return _ (crk_unit_sentence_get (kind, word));
  return _ (row_of (kind)->words[word]);
}

static const char *
plural (const char *const forms[2], gulong n)
{
  return ngettext (forms[0], forms[1], n);
}

/* The formats come from the table above, checked by msgfmt --check-format in their
 * translations. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *
crk_unit_kind_format_count (CrkUnitKind kind, guint n)
{
  return g_strdup_printf (plural (row_of (kind)->count, n), n);
}

char *
crk_unit_kind_format_count_of (CrkUnitKind kind, guint shown, guint total)
{
  return g_strdup_printf (plural (row_of (kind)->count_of, total), shown, total);
}

char *
crk_unit_kind_format_search (CrkUnitKind kind, const char *group)
{
  if (group == NULL || *group == '\0')
    return g_strdup (crk_unit_kind_get_word (kind, CRK_UNIT_WORD_SEARCH));
  return g_strdup_printf (_ (row_of (kind)->search), group);
}

char *
crk_unit_kind_format_no_match (CrkUnitKind kind, const char *search)
{
  return g_strdup_printf (_ (row_of (kind)->no_match), search != NULL ? search : "");
}

char *
crk_unit_kind_format_top (CrkUnitKind kind, guint n, int year)
{
  return g_strdup_printf (plural (row_of (kind)->top, n), n, year);
}

char *
crk_unit_kind_format_ranking (CrkUnitKind kind, guint n, int year)
{
  return g_strdup_printf (plural (row_of (kind)->ranking, n), n, year);
}

char *
crk_unit_kind_format_bars (CrkUnitKind kind, guint n, const char *value_name)
{
  return g_strdup_printf (plural (row_of (kind)->bars, n), n, value_name);
}

char *
crk_unit_kind_format_stacked (CrkUnitKind kind, guint n, const char *parts)
{
  return g_strdup_printf (plural (row_of (kind)->stacked, n), n, parts);
}

char *
crk_unit_kind_format_mean (CrkUnitKind kind, const char *mean, const char *median)
{
  return g_strdup_printf (_ (row_of (kind)->mean), mean, median);
}

#pragma GCC diagnostic pop
