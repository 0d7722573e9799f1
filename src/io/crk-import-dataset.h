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
 * file, with their count and range: nothing is aggregated), a second observation of the
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
 */
#pragma once

#include "crk-dataset.h"
#include "crk-import.h"

G_BEGIN_DECLS

typedef struct _CrkImportDataset CrkImportDataset;

/* @into: (nullable): the dataset to add into, or NULL for a new dataset. */
CrkImportDataset *crk_import_dataset_new (CrkDataset *into,
                                          gboolean replace);
void crk_import_dataset_free (CrkImportDataset *self);
/* The sink to pass to crk_import_file() (owned by @self). */
CrkImportSink *crk_import_dataset_get_sink (CrkImportDataset *self);
/* Before a file: the observations that follow come from @file (its name is kept) and
 * their problems go to @report (borrowed until crk_import_dataset_end_file()). */
void crk_import_dataset_begin_file (CrkImportDataset *self,
                                    const char *file,
                                    CrkImportReport *report);
/* After a file: reports the observations of other frequencies that it held. */
void crk_import_dataset_end_file (CrkImportDataset *self);
/* After the last file: names the cities and indicators, builds the framework, or adds
 * into the open dataset; checks the dataset's rules. Returns the dataset (a new
 * reference: the new one, or @into), or NULL when @report holds an error. */
CrkDataset *crk_import_dataset_finish (CrkImportDataset *self,
                                       CrkImportReport *report);
/* Values taken so far. */
guint64 crk_import_dataset_get_n_values (CrkImportDataset *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkImportDataset, crk_import_dataset_free)

/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE" (as crk_problem_to_string()), or for a problem
 * at a cell of a sheet (crk_import_report_cell_error()) "FILE:SHEET!CELL: SEVERITY:
 * MESSAGE". @severity is translated ("error", "note"). */
char *crk_import_problem_to_string (const CrkProblem *problem,
                                    const char *severity);

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
GArray *crk_city_matcher_match (CrkCityMatcher *self,
                                const char *code,
                                const char *const *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkCityMatcher, crk_city_matcher_free)

G_END_DECLS
