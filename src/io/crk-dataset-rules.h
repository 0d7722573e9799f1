/* crk-dataset-rules.h: the rules of meaning every dataset read or imported keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crk-dataset.h"
#include "crk-io-error.h"

G_BEGIN_DECLS

/* What a problem is about, so that a reader can say where its file defines it. */
typedef enum
{
  CRK_RULE_DATASET,              /* the dataset as a whole; code NULL */
  CRK_RULE_INDICATOR,            /* code: the indicator */
  CRK_RULE_NODE,                 /* code: the framework node (a leaf has its indicator's code) */
  CRK_RULE_METHOD,               /* code: the method's setting ("imputation") */
  CRK_RULE_METHOD_WEIGHT,        /* code: the node of a weight of the method */
  CRK_RULE_METHOD_AGGREGATION,   /* code: the node of an aggregation of the method */
  CRK_RULE_METHOD_NORMALISATION, /* code: the indicator of a normalisation of the method */
  CRK_RULE_GROUP,                /* code: the group attribute; detail: the named value */
} CrkRuleSubject;

/* Says where the file defines @what @code: sets *@file (borrowed, must outlive the call),
 * *@line and *@column (1-based; 0 when unknown). They start NULL, 0 and 0. Called once
 * for every problem, just before the problem is added, in the order of the problems. */
typedef void (*CrkRuleLocate) (CrkRuleSubject what,
                               const char *code,
                               const char *detail,
                               const char **file,
                               int *line,
                               int *column,
                               gpointer data);

/* Checks the rules about meaning that hold for a finished dataset, whatever it was read
 * from: the denominators named exist and are of kind denominator; every indicator is in
 * the framework and no denominator is; framework weights are finite and not negative and
 * the children of a node do not all weigh zero; the method's weights, aggregations and
 * normalisations name existing nodes and indicators, its weights are finite and not
 * negative, and imputation by group has a group attribute; every group name names a
 * value some city has. Appends a CrkProblem (CRK_IMPORT_ERROR_INVALID) to @problems for
 * each broken rule, located by @locate (may be NULL). Returns TRUE when none is broken. */
gboolean crk_dataset_check_rules (CrkDataset *dataset,
                                  CrkRuleLocate locate,
                                  gpointer data,
                                  GPtrArray *problems);

/* The groups some city is in ("attribute\x1fvalue" keys), for checks and the writer. */
char *crk_dataset_group_key (const char *attribute, const char *value);
GHashTable *crk_dataset_collect_city_groups (CrkDataset *dataset);

G_END_DECLS
