/* crk-import-dataset.h: the sink that turns imported observations into a dataset, new or
 * added into an open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new dataset: every key becomes a city (its code; its names from the labels of the
 * file: English, or Chinese when the label is marked "zh" or is written in Chinese
 * characters), every indicator an indicator of one flat framework (a root "INDEX" with
 * each indicator as a child of weight 1), every annual period a year. Values are kept
 * exactly as read; a status "E" or "P" (estimated, provisional) makes the value
 * estimated; the note of an observation is the value's note; its unit the indicator's.
 *
 * Refused, with their place: periods of other frequencies (one error per frequency and
 * file, with their count and range), unless the user asks for them to be aggregated (see
 * below), a second observation of the
 * same city, indicator and year (naming both places), two units for one indicator, keys
 * and codes a dataset cannot hold, and whatever goes over the memory budget
 * (crk-io-limits.h).
 *
 * Added into an open dataset (@into): the keys are matched to the dataset's cities by
 * code, then by name: the key and its labels against each city's code, English name,
 * Chinese name, aliases and "pinyin" attribute, compared without case, width and the
 * administrative suffixes 市, 地区, 自治州, 盟 and " City" (深圳市 / 深圳 / Shenzhen /
 * SHENZHEN CITY are one city). Keys that match no city, or several, or a city another
 * key matched too, are each an error: nothing is dropped silently. New indicators join
 * the framework's root with weight 1; new years are added; a value that would change a
 * value the dataset holds is refused, unless @replace, and then each change is a notice.
 *
 * The user's choices (crk_import_dataset_set_options()):
 *
 *   - matches, "KEY=CITYCODE": KEY is a key of the file(s) or one of its labels (compared
 *     exactly, and when no key or label is KEY exactly, by crk_city_name_key()); the
 *     choice overrides the automatic matching (and resolves an ambiguous key). Chosen
 *     keys take their cities first, then the automatic ones in the order they came.
 *     "KEY=" skips the key on purpose: its values are not added, a notice says so. A
 *     choice that is not KEY=CODE, names a city code the dataset does not have, names no
 *     key, or contradicts another choice for the same key is an error (quoting it); so
 *     is any choice when there is no dataset to add into.
 *   - save_aliases (with @into): each key matched by a choice gives the city its names
 *     (the key and its labels) as aliases, those that crk_city_name_key() does not find
 *     among the city's code, names and aliases already; a notice for each alias added.
 *   - aggregate: observations of other frequencies (half-years, quarters, months,
 *     weeks, days) make the year's value of their key and indicator: the mean of the
 *     sub-periods present, their sum (only when the year has every one: 2 half-years, 4
 *     quarters, 12 months, 52 or 53 ISO weeks, 365 or 366 days; else the value is missing
 *     and a notice says how many of how many were given), or the latest one's value.
 *     Missing sub-period values count as absent; the value is estimated when one it is
 *     made of is; the sub-periods' notes are not kept. An annual value of the same key,
 *     indicator and year wins (a missing annual value does not): the sub-annual ones are
 *     skipped, one notice per file with their count. One notice per file and frequency
 *     says how many observations made how many annual values, and how. Two frequencies
 *     making the same year's value, or one sub-period given twice, are errors. The
 *     observations are held until crk_import_dataset_finish() (all files together, so a
 *     year may be spread over files), under the memory budget.
 */
#pragma once

#include "crk-dataset.h"
#include "crk-import.h"

G_BEGIN_DECLS

typedef struct _CrkImportDataset CrkImportDataset;

/* @into: (nullable): the dataset to add into, or NULL for a new dataset. */
CrkImportDataset *crk_import_dataset_new (CrkDataset *into, gboolean replace);
void crk_import_dataset_free (CrkImportDataset *self);
/* The sink to pass to crk_import_file() (owned by @self). */
CrkImportSink *crk_import_dataset_get_sink (CrkImportDataset *self);
/* Before a file: the observations that follow come from @file (its name is kept) and
 * their problems go to @report (borrowed until crk_import_dataset_end_file()). */
void
crk_import_dataset_begin_file (CrkImportDataset *self, const char *file, CrkImportReport *report);
/* After a file: reports the observations of other frequencies that it held (when they are
 * not aggregated). */
void crk_import_dataset_end_file (CrkImportDataset *self);
/* After the last file: names the cities and indicators, builds the framework, or adds
 * into the open dataset; checks the dataset's rules. Returns the dataset (a new
 * reference: the new one, or @into), or NULL when @report holds an error. */
CrkDataset *crk_import_dataset_finish (CrkImportDataset *self, CrkImportReport *report);
/* Values taken so far. */
guint64 crk_import_dataset_get_n_values (CrkImportDataset *self);
/* The user's choices that the sink uses (copied): matches, save_aliases, aggregate. Call
 * before the first file. */
void crk_import_dataset_set_options (CrkImportDataset *self, const CrkImportOptions *options);

/* What the import found, for the window: after crk_import_dataset_finish(), also when it
 * failed. */

typedef enum
{
  CRK_IMPORT_MATCH_CODE,      /* the key is a city's code */
  CRK_IMPORT_MATCH_NAME,      /* by a name or alias */
  CRK_IMPORT_MATCH_CHOSEN,    /* by options->matches */
  CRK_IMPORT_MATCH_SKIPPED,   /* "KEY=" */
  CRK_IMPORT_MATCH_NONE,      /* no city matches */
  CRK_IMPORT_MATCH_AMBIGUOUS, /* several do */
  CRK_IMPORT_MATCH_TAKEN,     /* its city was matched by another key too */
} CrkImportMatchKind;

typedef struct
{
  char *key;     /* the key as in the file (blanks collapsed) */
  char *name;    /* its English label, nullable */
  char *name_zh; /* its Chinese label, nullable */
  CrkImportMatchKind kind;
  guint city;         /* the index of the city in the dataset added into; G_MAXUINT when none */
  GArray *candidates; /* guint city indices: for AMBIGUOUS the cities it matches, for TAKEN the
                       * city; may be empty, never NULL */
} CrkImportMatch;

/* One per key of the file(s), in the order keys came; empty for a new dataset. Owned by
 * self. */
const GPtrArray *crk_import_dataset_get_matches (CrkImportDataset *self);

typedef struct
{
  guint n_cities, n_indicators,
    n_years;                           /* of the import (staging): keys, indicators, annual years */
  guint64 n_values, n_missing;         /* observations taken: values, and missing ones (NAN) */
  guint n_new_indicators, n_new_years; /* into: what the open dataset did not have */
  guint64 n_new_values, n_changed_values,
    n_same_values; /* into: values added where none, values that differ, values equal */
} CrkImportSummary;

/* n_values and n_missing count annual observations and the annual values that
 * aggregation made (a sum left missing is missing); the into counts leave out the keys
 * that were skipped or did not match. */
void crk_import_dataset_get_summary (CrkImportDataset *self, CrkImportSummary *summary);

typedef struct
{
  char *city;      /* the code of the city of the dataset added into */
  char *indicator; /* the indicator's code */
  int year;
  double old_value;
  double new_value;
} CrkImportChange;

/* The values that differ from what the open dataset holds, in the order of the import's
 * cities, years, indicators: with @replace they were changed; without, they were refused
 * (the list is what a confirmation would show). Owned by self. */
const GPtrArray *crk_import_dataset_get_changes (CrkImportDataset *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkImportDataset, crk_import_dataset_free)

/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE" (as crk_problem_to_string()), or for a problem
 * at a cell of a sheet (crk_import_report_cell_error()) "FILE:SHEET!CELL: SEVERITY:
 * MESSAGE". @severity is translated ("error", "note"). */
char *crk_import_problem_to_string (const CrkProblem *problem, const char *severity);

/* City names compared for matching: NFKC, case-folded, blanks collapsed, one
 * administrative suffix (市, 地区, 自治州, 盟, " city") removed. NULL for invalid UTF-8 or
 * a name that is empty. */
char *crk_city_name_key (const char *name);

typedef struct _CrkCityMatcher CrkCityMatcher;

CrkCityMatcher *crk_city_matcher_new (CrkDataset *dataset);
void crk_city_matcher_free (CrkCityMatcher *self);
/* The cities of the dataset that @code or one of @names (nullable, NULL-terminated)
 * stands for: the city whose code is @code exactly, or else every city that @code or a
 * name matches. Returns their indices (guint, ascending, unique); empty when none. */
GArray *crk_city_matcher_match (CrkCityMatcher *self, const char *code, const char *const *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkCityMatcher, crk_city_matcher_free)

G_END_DECLS
