/* crk-uncertainty-private.h: what the uncertainty analysis's settings, replications and
 * results share (private to src/analysis)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-uncertainty.h"

G_BEGIN_DECLS

/* How often the waiting thread looks at the workers' progress. */
#define CRK_UNCERTAINTY_PROGRESS_INTERVAL (50 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  CrkNormalisation mode;
  double param1;
  double param2;
} CrkUncertaintyNormalisationChoice;

typedef struct
{
  CrkImputation mode;
  char *group;
} CrkUncertaintyImputationChoice;

typedef struct
{
  CrkMethod *method; /* NULL = the dataset's */
  int year;
  guint runs;
  guint64 seed;
  double factor;
  guint top;
  guint n_threads;
  GArray *levels;         /* guint */
  GArray *normalisations; /* CrkUncertaintyNormalisationChoice */
  GArray *aggregations;   /* CrkAggregation */
  GArray *winsorisations; /* guint */
  GArray *imputations;    /* CrkUncertaintyImputationChoice */
} CrkUncertaintyConfig;

/* A snapshot that later changes of the settings do not touch (crk-uncertainty.c). */
CrkUncertaintyConfig *crk_uncertainty_config_copy (const CrkUncertaintyConfig *c);
void crk_uncertainty_config_free (gpointer data);

typedef struct
{
  int normalisation; /* index into the config's set, -1 when not varied */
  int aggregation;
  int winsorisation;
  int imputation;
  char *error; /* NULL for a completed run */
} CrkUncertaintyDraw;

struct _CrkUncertaintyResults
{
  GObject parent_instance;

  CrkUncertaintyConfig *config;
  CrkDataset *dataset;
  CrkMethod *nominal_method;
  int year;
  guint n_cities;
  guint runs;
  guint n_completed;
  CrkUncertaintyVary varied;

  guint *nominal_rank;
  double *median;
  double *lower;
  double *upper;
  double *top_probability;
  double *mean_shift;
  double mean_abs_shift;
  guint *ranks; /* runs x n_cities */

  guint n_perturbed;
  CrkFrameworkNode **perturbed;
  guint *perturbed_index; /* node index in the engine's results */
  int *sibling_group;     /* perturbed index of the first sibling */
  double *nominal_weights;
  double *weights; /* runs x n_perturbed */
  CrkUncertaintyDraw *draws;
};

/* The nominal ranks and the replications of @config (crk-uncertainty-run.c).
 * @done_counter (nullable): where the workers count the replications finished, for a
 * reader in another thread; it must start at 0. */
CrkUncertaintyResults *crk_uncertainty_run_config (const CrkUncertaintyConfig *config,
                                                   CrkDataset *dataset,
                                                   CrkUncertaintyProgressFunc progress,
                                                   gpointer progress_data,
                                                   int *done_counter,
                                                   GCancellable *cancellable,
                                                   GError **error);

G_END_DECLS
