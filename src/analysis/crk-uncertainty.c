/* crk-uncertainty.c: Monte Carlo uncertainty analysis of the ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-uncertainty.h"

#include "crk-engine.h"

/* How often the waiting thread looks at the workers' progress. */
#define PROGRESS_INTERVAL (50 * G_TIME_SPAN_MILLISECOND)

/* crk_dataset_get_city() reads the cities through a GListStore, which remembers the last
 * position asked for: two threads asking at once can get each other's city. The engine
 * asks only for group imputation and for the message of a non-positive value under a
 * geometric or harmonic mean, so replications that may do either run one at a time. */
static GMutex city_lock;

typedef struct
{
  CrkNormalisation mode;
  double param1;
  double param2;
} NormalisationChoice;

typedef struct
{
  CrkImputation mode;
  char *group;
} ImputationChoice;

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
  GArray *normalisations; /* NormalisationChoice */
  GArray *aggregations;   /* CrkAggregation */
  GArray *winsorisations; /* guint */
  GArray *imputations;    /* ImputationChoice */
} Config;

static void
imputation_choice_clear (gpointer data)
{
  ImputationChoice *choice = data;

  g_free (choice->group);
}

static void
config_init (Config *c)
{
  guint level = 2;

  c->runs = 1000;
  c->seed = 1;
  c->factor = 0.25;
  c->top = 10;
  c->levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (c->levels, level);
  c->normalisations = g_array_new (FALSE, FALSE, sizeof (NormalisationChoice));
  c->aggregations = g_array_new (FALSE, FALSE, sizeof (CrkAggregation));
  c->winsorisations = g_array_new (FALSE, FALSE, sizeof (guint));
  c->imputations = g_array_new (FALSE, FALSE, sizeof (ImputationChoice));
  g_array_set_clear_func (c->imputations, imputation_choice_clear);
}

static void
config_clear (Config *c)
{
  g_clear_object (&c->method);
  g_clear_pointer (&c->levels, g_array_unref);
  g_clear_pointer (&c->normalisations, g_array_unref);
  g_clear_pointer (&c->aggregations, g_array_unref);
  g_clear_pointer (&c->winsorisations, g_array_unref);
  g_clear_pointer (&c->imputations, g_array_unref);
}

static GArray *
copy_array (GArray *array)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (array), array->len);

  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

/* A snapshot that later changes of the settings do not touch. */
static Config *
config_copy (const Config *c)
{
  Config *copy = g_new0 (Config, 1);

  *copy = *c;
  copy->method = c->method != NULL ? crk_method_copy (c->method) : NULL;
  copy->levels = copy_array (c->levels);
  copy->normalisations = copy_array (c->normalisations);
  copy->aggregations = copy_array (c->aggregations);
  copy->winsorisations = copy_array (c->winsorisations);
  copy->imputations = g_array_new (FALSE, FALSE, sizeof (ImputationChoice));
  g_array_set_clear_func (copy->imputations, imputation_choice_clear);
  for (guint i = 0; i < c->imputations->len; i++)
    {
      ImputationChoice choice = g_array_index (c->imputations, ImputationChoice, i);

      choice.group = g_strdup (choice.group);
      g_array_append_val (copy->imputations, choice);
    }
  return copy;
}

static void
config_free (gpointer data)
{
  config_clear (data);
  g_free (data);
}

/* Settings */

struct _CrkUncertainty
{
  GObject parent_instance;

  Config config;
};

G_DEFINE_FINAL_TYPE (CrkUncertainty, crk_uncertainty, G_TYPE_OBJECT)

static void
crk_uncertainty_finalize (GObject *object)
{
  CrkUncertainty *self = CRK_UNCERTAINTY (object);

  config_clear (&self->config);

  G_OBJECT_CLASS (crk_uncertainty_parent_class)->finalize (object);
}

static void
crk_uncertainty_class_init (CrkUncertaintyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crk_uncertainty_finalize;
}

static void
crk_uncertainty_init (CrkUncertainty *self)
{
  config_init (&self->config);
}

/**
 * crk_uncertainty_new:
 *
 * Creates the settings of an uncertainty analysis with the defaults: 1,000 replications,
 * seed 1, the weights of level 2 perturbed by a factor of 0.25, top 10.
 *
 * Returns: (transfer full): new settings
 */
CrkUncertainty *
crk_uncertainty_new (void)
{
  return g_object_new (CRK_TYPE_UNCERTAINTY, NULL);
}

/**
 * crk_uncertainty_set_method:
 * @self: settings
 * @method: (nullable): the nominal method (copied), or %NULL for the dataset's
 *
 * Sets the method the replications start from.
 */
void
crk_uncertainty_set_method (CrkUncertainty *self, CrkMethod *method)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (method == NULL || CRK_IS_METHOD (method));

  g_clear_object (&self->config.method);
  if (method != NULL)
    self->config.method = crk_method_copy (method);
}

/**
 * crk_uncertainty_get_method:
 * @self: settings
 *
 * Returns: (nullable) (transfer none): the nominal method, %NULL for the dataset's
 */
CrkMethod *
crk_uncertainty_get_method (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), NULL);
  return self->config.method;
}

/**
 * crk_uncertainty_set_year:
 * @self: settings
 * @year: a calendar year, 0 for the latest
 */
void
crk_uncertainty_set_year (CrkUncertainty *self, int year)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  self->config.year = year;
}

int
crk_uncertainty_get_year (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), 0);
  return self->config.year;
}

/**
 * crk_uncertainty_set_runs:
 * @self: settings
 * @runs: the number of replications, at least 1
 */
void
crk_uncertainty_set_runs (CrkUncertainty *self, guint runs)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (runs > 0);
  self->config.runs = runs;
}

guint
crk_uncertainty_get_runs (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), 0);
  return self->config.runs;
}

/**
 * crk_uncertainty_set_seed:
 * @self: settings
 * @seed: the seed; replication i draws from a generator seeded with (@seed, i)
 */
void
crk_uncertainty_set_seed (CrkUncertainty *self, guint64 seed)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  self->config.seed = seed;
}

guint64
crk_uncertainty_get_seed (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), 0);
  return self->config.seed;
}

/**
 * crk_uncertainty_set_factor:
 * @self: settings
 * @factor: a in [0, 1): a weight w is drawn uniformly in [w (1 - a), w (1 + a)]
 */
void
crk_uncertainty_set_factor (CrkUncertainty *self, double factor)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (factor >= 0 && factor < 1);
  self->config.factor = factor;
}

double
crk_uncertainty_get_factor (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), NAN);
  return self->config.factor;
}

/**
 * crk_uncertainty_set_levels:
 * @self: settings
 * @levels: (array length=n_levels) (nullable): framework levels (COINr numbering,
 *   indicators 1) whose nodes' weights are perturbed
 * @n_levels: the length of @levels
 */
void
crk_uncertainty_set_levels (CrkUncertainty *self, const guint *levels, guint n_levels)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (levels != NULL || n_levels == 0);

  g_array_set_size (self->config.levels, 0);
  for (guint i = 0; i < n_levels; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->config.levels->len && !seen; j++)
        seen = g_array_index (self->config.levels, guint, j) == levels[i];
      if (!seen)
        g_array_append_val (self->config.levels, levels[i]);
    }
}

/**
 * crk_uncertainty_get_levels:
 * @self: settings
 * @n_levels: (out): the number of levels
 *
 * Returns: (array length=n_levels) (transfer none): the perturbed levels
 */
const guint *
crk_uncertainty_get_levels (CrkUncertainty *self, guint *n_levels)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), NULL);
  g_return_val_if_fail (n_levels != NULL, NULL);

  *n_levels = self->config.levels->len;
  return (const guint *) (void *) self->config.levels->data;
}

/**
 * crk_uncertainty_set_top:
 * @self: settings
 * @top: N in "the probability of being in the top N", at least 1
 */
void
crk_uncertainty_set_top (CrkUncertainty *self, guint top)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (top > 0);
  self->config.top = top;
}

guint
crk_uncertainty_get_top (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), 0);
  return self->config.top;
}

/**
 * crk_uncertainty_set_n_threads:
 * @self: settings
 * @n_threads: worker threads, 0 for one per processor
 *
 * The results are the same for any number of threads.
 */
void
crk_uncertainty_set_n_threads (CrkUncertainty *self, guint n_threads)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  self->config.n_threads = n_threads;
}

guint
crk_uncertainty_get_n_threads (CrkUncertainty *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), 0);
  return self->config.n_threads;
}

/**
 * crk_uncertainty_add_normalisation:
 * @self: settings
 * @mode: a normalisation
 * @param1: its first parameter (min-max: low; z-score: mean)
 * @param2: its second parameter (min-max: high; z-score: sd)
 *
 * Adds a member to the set each replication draws its default normalisation from.
 */
void
crk_uncertainty_add_normalisation (CrkUncertainty *self,
                                   CrkNormalisation mode,
                                   double param1,
                                   double param2)
{
  NormalisationChoice choice = {mode, param1, param2};

  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (mode >= CRK_NORMALISATION_MINMAX && mode <= CRK_NORMALISATION_GOALPOSTS);
  g_array_append_val (self->config.normalisations, choice);
}

/**
 * crk_uncertainty_add_aggregation:
 * @self: settings
 * @mode: an aggregation
 *
 * Adds a member to the set each replication draws the aggregation of every level from.
 */
void
crk_uncertainty_add_aggregation (CrkUncertainty *self, CrkAggregation mode)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (mode >= CRK_AGGREGATION_ARITHMETIC && mode <= CRK_AGGREGATION_TOPSIS);
  g_array_append_val (self->config.aggregations, mode);
}

/**
 * crk_uncertainty_add_winsorisation:
 * @self: settings
 * @max_points: the most points winsorised per indicator
 *
 * Adds a member to the set each replication draws the outlier treatment's number of
 * points from (0 leaves only the log transform for an indicator that fails the rule).
 */
void
crk_uncertainty_add_winsorisation (CrkUncertainty *self, guint max_points)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_array_append_val (self->config.winsorisations, max_points);
}

/**
 * crk_uncertainty_add_imputation:
 * @self: settings
 * @mode: an imputation
 * @group: (nullable): the city attribute of the group modes
 *
 * Adds a member to the set each replication draws its imputation from.
 */
void
crk_uncertainty_add_imputation (CrkUncertainty *self, CrkImputation mode, const char *group)
{
  ImputationChoice choice = {mode, NULL};
  gboolean grouped = mode == CRK_IMPUTATION_GROUP_MEAN || mode == CRK_IMPUTATION_GROUP_MEDIAN;

  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (mode >= CRK_IMPUTATION_NONE && mode <= CRK_IMPUTATION_GROUP_MEDIAN);
  g_return_if_fail (!grouped || group != NULL);

  choice.group = grouped ? g_strdup (group) : NULL;
  g_array_append_val (self->config.imputations, choice);
}

/**
 * crk_uncertainty_clear_choices:
 * @self: settings
 *
 * Empties the sets of normalisations, aggregations, winsorisations and imputations.
 */
void
crk_uncertainty_clear_choices (CrkUncertainty *self)
{
  g_return_if_fail (CRK_IS_UNCERTAINTY (self));

  g_array_set_size (self->config.normalisations, 0);
  g_array_set_size (self->config.aggregations, 0);
  g_array_set_size (self->config.winsorisations, 0);
  g_array_set_size (self->config.imputations, 0);
}

/**
 * crk_uncertainty_quantile:
 * @sorted: (array length=n): values in ascending order
 * @n: their number
 * @p: a probability in [0, 1]
 *
 * The p-quantile as R's `quantile(x, p, type = 7)`.
 *
 * Returns: the quantile, NAN when @n is 0
 */
double
crk_uncertainty_quantile (const double *sorted, gsize n, double p)
{
  double h, lo;
  gsize j;

  g_return_val_if_fail (sorted != NULL || n == 0, NAN);

  if (n == 0)
    return NAN;
  h = (n - 1) * CLAMP (p, 0, 1);
  lo = floor (h);
  j = (gsize) lo;
  if (j + 1 >= n)
    return sorted[n - 1];
  return sorted[j] + (h - lo) * (sorted[j + 1] - sorted[j]);
}

/* Results */

typedef struct
{
  int normalisation; /* index into the config's set, -1 when not varied */
  int aggregation;
  int winsorisation;
  int imputation;
  char *error; /* NULL for a completed run */
} Draw;

struct _CrkUncertaintyResults
{
  GObject parent_instance;

  Config *config;
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
  Draw *draws;
};

G_DEFINE_FINAL_TYPE (CrkUncertaintyResults, crk_uncertainty_results, G_TYPE_OBJECT)

static void
crk_uncertainty_results_finalize (GObject *object)
{
  CrkUncertaintyResults *self = CRK_UNCERTAINTY_RESULTS (object);

  for (guint i = 0; self->draws != NULL && i < self->runs; i++)
    g_free (self->draws[i].error);
  g_free (self->draws);
  for (guint k = 0; k < self->n_perturbed; k++)
    g_object_unref (self->perturbed[k]);
  g_free (self->perturbed);
  g_free (self->perturbed_index);
  g_free (self->sibling_group);
  g_free (self->nominal_weights);
  g_free (self->weights);
  g_free (self->nominal_rank);
  g_free (self->median);
  g_free (self->lower);
  g_free (self->upper);
  g_free (self->top_probability);
  g_free (self->mean_shift);
  g_free (self->ranks);
  g_clear_object (&self->nominal_method);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->config, config_free);

  G_OBJECT_CLASS (crk_uncertainty_results_parent_class)->finalize (object);
}

static void
crk_uncertainty_results_class_init (CrkUncertaintyResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crk_uncertainty_results_finalize;
}

static void
crk_uncertainty_results_init (CrkUncertaintyResults *self)
{
}

/* Running */

typedef struct
{
  const Config *config;
  CrkUncertaintyResults *results;
  CrkMethod *template; /* the nominal method without group ranks, tiers, base year */
  GCancellable *cancellable;
  int next;  /* atomic: the next replication to start */
  int *done; /* atomic: replications finished */
  GMutex lock;
  GCond cond;
  guint n_finished; /* workers that ran out of work */
} Run;

typedef struct
{
  Run *run;
  CrkMethod *template;
  GThread *thread;
  double *scratch; /* n_perturbed */
} Worker;

static gboolean
reads_cities (CrkAggregation mode)
{
  return mode == CRK_AGGREGATION_GEOMETRIC || mode == CRK_AGGREGATION_HARMONIC;
}

/* Whether the engine may call crk_dataset_get_city() for @method (see city_lock). */
static gboolean
method_reads_cities (CrkMethod *method)
{
  CrkImputation imputation = crk_method_get_imputation (method);
  g_autoptr (GArray) levels = NULL;
  g_auto (GStrv) nodes = NULL;

  if (imputation == CRK_IMPUTATION_GROUP_MEAN || imputation == CRK_IMPUTATION_GROUP_MEDIAN ||
      crk_method_get_group_attribute (method) != NULL ||
      reads_cities (crk_method_get_aggregation (method)))
    return TRUE;
  levels = crk_method_dup_level_aggregations (method);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    if (reads_cities (crk_method_get_level_aggregation (method, g_array_index (levels, guint, i))))
      return TRUE;
  nodes = crk_method_dup_node_aggregations (method);
  for (guint i = 0; nodes != NULL && nodes[i] != NULL; i++)
    if (reads_cities (crk_method_get_node_aggregation (method, nodes[i])))
      return TRUE;
  return FALSE;
}

static void
clear_aggregation_overrides (CrkMethod *method)
{
  g_autoptr (GArray) levels = crk_method_dup_level_aggregations (method);
  g_auto (GStrv) nodes = crk_method_dup_node_aggregations (method);

  for (guint i = 0; levels != NULL && i < levels->len; i++)
    crk_method_set_level_aggregation (method, g_array_index (levels, guint, i),
                                      CRK_AGGREGATION_INHERIT);
  for (guint i = 0; nodes != NULL && nodes[i] != NULL; i++)
    crk_method_set_node_aggregation (method, nodes[i], CRK_AGGREGATION_INHERIT);
}

static int
draw_index (GRand *rand, GArray *set)
{
  if (set->len == 0)
    return -1;
  return g_rand_int_range (rand, 0, (gint32) set->len);
}

/* One replication: draw, compute, keep the ranks and what was drawn. The draws depend on
 * the seed and @index only, in a fixed order: weights (perturbed nodes in pre-order),
 * normalisation, aggregation, winsorisation, imputation. */
static void
replicate (Worker *worker, CrkEngine *engine, guint index)
{
  Run *run = worker->run;
  const Config *c = run->config;
  CrkUncertaintyResults *res = run->results;
  guint32 seed[3] = {(guint32) (c->seed & 0xffffffffu), (guint32) (c->seed >> 32), index};
  g_autoptr (GRand) rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  g_autoptr (CrkMethod) method = crk_method_copy (worker->template);
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  Draw *draw = &res->draws[index];
  double *weights = res->weights + (gsize) index * res->n_perturbed;
  guint *ranks = res->ranks + (gsize) index * res->n_cities;
  gboolean locked;

  crk_method_freeze (method);
  memcpy (weights, res->nominal_weights, res->n_perturbed * sizeof (double));
  if (res->varied & CRK_UNCERTAINTY_VARY_WEIGHTS)
    {
      double *sums = worker->scratch;

      for (guint k = 0; k < res->n_perturbed; k++)
        {
          weights[k] *= g_rand_double_range (rand, 1 - c->factor, 1 + c->factor);
          sums[k] = 0;
        }
      for (guint k = 0; k < res->n_perturbed; k++)
        sums[res->sibling_group[k]] += weights[k];
      for (guint k = 0; k < res->n_perturbed; k++)
        {
          double sum = sums[res->sibling_group[k]];

          if (sum > 0)
            weights[k] /= sum;
          crk_method_set_weight (method, crk_framework_node_get_code (res->perturbed[k]),
                                 weights[k]);
        }
    }

  draw->normalisation = draw_index (rand, c->normalisations);
  if (draw->normalisation >= 0)
    {
      const NormalisationChoice *n =
        &g_array_index (c->normalisations, NormalisationChoice, draw->normalisation);

      crk_method_set_normalisation (method, n->mode, n->param1, n->param2);
    }
  draw->aggregation = draw_index (rand, c->aggregations);
  if (draw->aggregation >= 0)
    {
      clear_aggregation_overrides (method);
      crk_method_set_aggregation (
        method, g_array_index (c->aggregations, CrkAggregation, draw->aggregation));
    }
  draw->winsorisation = draw_index (rand, c->winsorisations);
  if (draw->winsorisation >= 0)
    {
      double skew, kurtosis;
      guint max_points;

      crk_method_get_treatment_params (method, &skew, &kurtosis, &max_points);
      crk_method_set_treatment (method, CRK_TREATMENT_WINSORISE);
      crk_method_set_treatment_params (
        method, skew, kurtosis, g_array_index (c->winsorisations, guint, draw->winsorisation));
    }
  draw->imputation = draw_index (rand, c->imputations);
  if (draw->imputation >= 0)
    {
      const ImputationChoice *m =
        &g_array_index (c->imputations, ImputationChoice, draw->imputation);

      crk_method_set_imputation (method, m->mode, m->group);
    }
  crk_method_thaw (method);

  locked = method_reads_cities (method);
  if (locked)
    g_mutex_lock (&city_lock);
  results = crk_engine_compute (engine, method, res->year, &error);
  if (locked)
    g_mutex_unlock (&city_lock);

  if (results == NULL)
    {
      draw->error = g_strdup (error->message);
      memset (ranks, 0, res->n_cities * sizeof (guint));
      return;
    }
  for (guint i = 0; i < res->n_cities; i++)
    ranks[i] = crk_results_get_rank (results, i);
  for (guint k = 0; k < res->n_perturbed; k++)
    weights[k] = crk_results_get_weight (results, res->perturbed_index[k]);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Run *run = worker->run;
  g_autoptr (CrkEngine) engine = crk_engine_new (run->results->dataset);

  for (;;)
    {
      guint index = (guint) g_atomic_int_add (&run->next, 1);

      if (index >= run->config->runs || g_cancellable_is_cancelled (run->cancellable))
        break;
      replicate (worker, engine, index);
      g_atomic_int_inc (run->done);
    }

  g_mutex_lock (&run->lock);
  run->n_finished++;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->lock);
  return NULL;
}

/* The @k-th smallest (from 0) of the ranks counted in @counts (counts[r] = how many
 * runs gave rank r). */
static double
kth_rank (const guint *counts, guint n_ranks, guint k)
{
  guint seen = 0;

  for (guint r = 1; r <= n_ranks; r++)
    {
      seen += counts[r];
      if (seen > k)
        return r;
    }
  g_assert_not_reached ();
  return NAN;
}

/* crk_uncertainty_quantile() of the @m ranks counted in @counts, without sorting them. */
static double
quantile_counts (const guint *counts, guint n_ranks, guint m, double p)
{
  double h, lo, a;
  guint j;

  if (m == 0)
    return NAN;
  h = (m - 1) * p;
  lo = floor (h);
  j = (guint) lo;
  a = kth_rank (counts, n_ranks, j);
  if (j + 1 >= m || h == lo)
    return a;
  return a + (h - lo) * (kth_rank (counts, n_ranks, j + 1) - a);
}

/* Ranks are whole numbers from 1 to n_cities: counting them is faster than sorting
 * (this part runs in one thread after the replications). */
static void
summarise (CrkUncertaintyResults *self)
{
  guint n = self->n_cities, top = self->config->top;
  g_autofree guint *counts = g_new (guint, n + 1);
  double total = 0;
  guint64 total_n = 0;

  self->median = g_new (double, MAX (n, 1));
  self->lower = g_new (double, MAX (n, 1));
  self->upper = g_new (double, MAX (n, 1));
  self->top_probability = g_new (double, MAX (n, 1));
  self->mean_shift = g_new (double, MAX (n, 1));
  self->n_completed = 0;
  for (guint r = 0; r < self->runs; r++)
    self->n_completed += self->draws[r].error == NULL;

  for (guint i = 0; i < n; i++)
    {
      guint m = 0, in_top = 0, nominal = self->nominal_rank[i];
      double shift = 0;

      memset (counts, 0, (n + 1) * sizeof (guint));
      for (guint r = 0; r < self->runs; r++)
        {
          guint rank = self->ranks[(gsize) r * n + i];

          if (self->draws[r].error != NULL || rank == 0)
            continue;
          g_assert (rank <= n);
          counts[rank]++;
          m++;
          in_top += rank <= top;
          if (nominal > 0)
            shift += fabs ((double) rank - (double) nominal);
        }
      self->median[i] = quantile_counts (counts, n, m, 0.5);
      self->lower[i] = quantile_counts (counts, n, m, 0.05);
      self->upper[i] = quantile_counts (counts, n, m, 0.95);
      self->top_probability[i] = self->n_completed > 0 ? (double) in_top / self->n_completed : NAN;
      self->mean_shift[i] = nominal > 0 && m > 0 ? shift / m : NAN;
      if (nominal > 0)
        {
          total += shift;
          total_n += m;
        }
    }
  self->mean_abs_shift = total_n > 0 ? total / total_n : NAN;
}

/* The nodes whose weights are perturbed, and their nominal weights. */
static gboolean
find_perturbed (CrkUncertaintyResults *self, CrkResults *nominal, GError **error)
{
  const Config *c = self->config;
  guint n_levels = crk_dataset_get_n_levels (self->dataset);
  guint n_nodes = crk_results_get_n_nodes (nominal);
  g_autoptr (GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint l = 0; l < c->levels->len; l++)
    {
      guint level = g_array_index (c->levels, guint, l);

      if (level < 1 || level >= n_levels)
        {
          g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_FAILED,
                       _ ("The framework has levels 1 to %u, and only the weights of levels 1 to "
                          "%u can vary; level %u cannot"),
                       n_levels, n_levels - 1, level);
          return FALSE;
        }
    }

  for (guint i = 1; i < n_nodes; i++)
    {
      CrkFrameworkNode *node = crk_results_get_node (nominal, i);
      guint level = crk_dataset_get_node_level (self->dataset, node);
      gboolean chosen = FALSE;

      for (guint l = 0; l < c->levels->len && !chosen; l++)
        chosen = g_array_index (c->levels, guint, l) == level;
      if (chosen && crk_framework_node_get_code (node) != NULL)
        g_array_append_val (index, i);
    }

  self->n_perturbed = index->len;
  self->perturbed = g_new0 (CrkFrameworkNode *, MAX (index->len, 1));
  self->perturbed_index = g_new0 (guint, MAX (index->len, 1));
  self->sibling_group = g_new0 (int, MAX (index->len, 1));
  self->nominal_weights = g_new0 (double, MAX (index->len, 1));
  for (guint k = 0; k < index->len; k++)
    {
      guint i = g_array_index (index, guint, k);
      CrkFrameworkNode *node = crk_results_get_node (nominal, i);

      self->perturbed[k] = g_object_ref (node);
      self->perturbed_index[k] = i;
      self->nominal_weights[k] = crk_results_get_weight (nominal, i);
      self->sibling_group[k] = k;
      for (guint j = 0; j < k; j++)
        if (crk_framework_node_get_parent (self->perturbed[j]) ==
            crk_framework_node_get_parent (node))
          {
            self->sibling_group[k] = self->sibling_group[j];
            break;
          }
    }
  return TRUE;
}

/* @done_counter (nullable): where the workers count the replications finished, for a
 * reader in another thread; it must start at 0. */
static CrkUncertaintyResults *
run_config (const Config *config,
            CrkDataset *dataset,
            CrkUncertaintyProgressFunc progress,
            gpointer progress_data,
            int *done_counter,
            GCancellable *cancellable,
            GError **error)
{
  g_autoptr (CrkUncertaintyResults) self = NULL;
  g_autoptr (CrkResults) nominal = NULL;
  g_autofree Worker *workers = NULL;
  Run run = {0};
  int local_done = 0;
  guint n_workers, last_done = G_MAXUINT;

  self = g_object_new (CRK_TYPE_UNCERTAINTY_RESULTS, NULL);
  self->config = config_copy (config);
  self->dataset = g_object_ref (dataset);
  self->nominal_method =
    crk_method_copy (config->method != NULL ? config->method : crk_dataset_get_method (dataset));
  self->runs = config->runs;
  self->n_cities = crk_dataset_get_n_cities (dataset);

  /* Everything the workers share is read only from here on: the dataset computes its
   * number of levels when first asked, so ask now. */
  crk_dataset_get_n_levels (dataset);

  run.template = crk_method_copy (self->nominal_method);
  crk_method_set_group_attribute (run.template, NULL);
  crk_method_set_tiers (run.template, CRK_TIER_RULE_NONE, NULL, 0);
  crk_method_set_base_year (run.template, 0);

  nominal = crk_compute (dataset, run.template, config->year, error);
  if (nominal == NULL || !find_perturbed (self, nominal, error))
    {
      g_object_unref (run.template);
      return NULL;
    }
  self->year = crk_results_get_year (nominal);
  self->nominal_rank = g_new0 (guint, MAX (self->n_cities, 1));
  for (guint i = 0; i < self->n_cities; i++)
    self->nominal_rank[i] = crk_results_get_rank (nominal, i);

  if (self->n_perturbed > 0 && config->factor > 0)
    self->varied |= CRK_UNCERTAINTY_VARY_WEIGHTS;
  if (config->normalisations->len > 0)
    self->varied |= CRK_UNCERTAINTY_VARY_NORMALISATION;
  if (config->aggregations->len > 0)
    self->varied |= CRK_UNCERTAINTY_VARY_AGGREGATION;
  if (config->winsorisations->len > 0)
    self->varied |= CRK_UNCERTAINTY_VARY_WINSORISATION;
  if (config->imputations->len > 0)
    self->varied |= CRK_UNCERTAINTY_VARY_IMPUTATION;

  self->ranks = g_new0 (guint, MAX ((gsize) self->runs * self->n_cities, 1));
  self->weights = g_new0 (double, MAX ((gsize) self->runs * self->n_perturbed, 1));
  self->draws = g_new0 (Draw, self->runs);

  run.config = self->config;
  run.results = self;
  run.cancellable = cancellable;
  run.done = done_counter != NULL ? done_counter : &local_done;
  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);

  n_workers = config->n_threads > 0 ? config->n_threads : g_get_num_processors ();
  n_workers = CLAMP (n_workers, 1, self->runs);
  workers = g_new0 (Worker, n_workers);
  for (guint t = 0; t < n_workers; t++)
    {
      workers[t].run = &run;
      workers[t].template = crk_method_copy (run.template);
      workers[t].scratch = g_new (double, MAX (self->n_perturbed, 1));
      workers[t].thread = g_thread_new ("crk-uncertainty", worker_thread, &workers[t]);
    }

  for (gboolean finished = FALSE; !finished;)
    {
      gint64 deadline = g_get_monotonic_time () + PROGRESS_INTERVAL;
      guint done;

      g_mutex_lock (&run.lock);
      while (run.n_finished < n_workers && g_cond_wait_until (&run.cond, &run.lock, deadline))
        ;
      finished = run.n_finished == n_workers;
      g_mutex_unlock (&run.lock);

      done = (guint) g_atomic_int_get (run.done);
      if (progress != NULL && done != last_done)
        progress (done, self->runs, progress_data);
      last_done = done;
    }

  for (guint t = 0; t < n_workers; t++)
    {
      g_thread_join (workers[t].thread);
      g_object_unref (workers[t].template);
      g_free (workers[t].scratch);
    }
  g_object_unref (run.template);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  summarise (self);
  if (self->n_completed == 0)
    {
      g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_FAILED,
                   _ ("Every replication failed; the first: %s"), self->draws[0].error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * crk_uncertainty_run:
 * @self: settings
 * @dataset: the dataset
 * @progress: (scope call) (nullable): called in this thread, about 20 times a second at
 *   most, with the replications done
 * @progress_data: data for @progress
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Computes the nominal ranks and the replications, spread over worker threads that each
 * have their own engine. The dataset must not change meanwhile. Runs the engine refuses
 * (e.g. a geometric mean of a zero) are kept with their error and left out of the
 * statistics; when every run fails, that is the error.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
CrkUncertaintyResults *
crk_uncertainty_run (CrkUncertainty *self,
                     CrkDataset *dataset,
                     CrkUncertaintyProgressFunc progress,
                     gpointer progress_data,
                     GCancellable *cancellable,
                     GError **error)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), NULL);
  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_config (&self->config, dataset, progress, progress_data, NULL, cancellable, error);
}

/* The asynchronous run. The task's thread and its workers touch only AsyncData (the task
 * data), and of what the caller gave only the cancellable; the workers count the finished
 * replications in AsyncData.done. Everything the caller sees happens in the caller's
 * thread-default main context, which is the task's: a timeout source there reads the
 * counter for the progress, and the task's own callback (async_done) ends the run. */
typedef struct
{
  Config *config;
  CrkDataset *dataset;
  int done; /* atomic */
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *d = data;

  config_free (d->config);
  g_object_unref (d->dataset);
  g_free (d);
}

/* Owned by the task's callback; lives and dies in the caller's context. */
typedef struct
{
  GTask *task; /* a reference, for the task data and the cancellable */
  guint total;
  guint last_done;
  GSource *timeout; /* NULL without a progress function */
  CrkUncertaintyProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_notify;
  GAsyncReadyCallback callback;
  gpointer user_data;
} AsyncCall;

/* Calls the progress function if the count changed and the run is not cancelled. */
static void
async_call_report (AsyncCall *call)
{
  AsyncData *d = g_task_get_task_data (call->task);
  guint done = (guint) g_atomic_int_get (&d->done);

  if (call->progress == NULL || done == call->last_done ||
      g_cancellable_is_cancelled (g_task_get_cancellable (call->task)))
    return;
  call->last_done = done;
  call->progress (done, call->total, call->progress_data);
}

static gboolean
async_call_tick (gpointer data)
{
  async_call_report (data);
  return G_SOURCE_CONTINUE;
}

static void
async_done (GObject *source_object, GAsyncResult *result, gpointer data)
{
  AsyncCall *call = data;

  if (call->timeout != NULL)
    {
      g_source_destroy (call->timeout);
      g_clear_pointer (&call->timeout, g_source_unref);
    }
  /* The task's thread has returned: the count is final (the total, unless the run failed
   * or was cancelled). */
  async_call_report (call);
  if (call->progress_notify != NULL)
    call->progress_notify (call->progress_data);
  if (call->callback != NULL)
    call->callback (source_object, result, call->user_data);
  g_object_unref (call->task);
  g_free (call);
}

static void
run_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  CrkUncertaintyResults *results;

  results = run_config (d->config, d->dataset, NULL, NULL, &d->done, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, g_object_unref);
}

/**
 * crk_uncertainty_run_async:
 * @self: settings (copied now)
 * @dataset: the dataset, not to be changed until @callback runs
 * @progress: (nullable): called with the replications done, about 20 times a second at
 *   most, while the count changes and the run is not cancelled
 * @progress_data: data for @progress
 * @progress_notify: (nullable): frees @progress_data
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs crk_uncertainty_run() in a worker thread.
 *
 * Everything is called in the thread-default main context of this call, never from
 * this function, and in this order: @progress any number of times (when the run
 * completes, last with done equal to the runs asked for); then @progress_notify once,
 * also when the run fails or is cancelled or @progress is %NULL; then @callback once.
 */
void
crk_uncertainty_run_async (CrkUncertainty *self,
                           CrkDataset *dataset,
                           CrkUncertaintyProgressFunc progress,
                           gpointer progress_data,
                           GDestroyNotify progress_notify,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GMainContext) context = NULL;
  g_autoptr (GTask) task = NULL;
  AsyncCall *call;
  AsyncData *d;

  g_return_if_fail (CRK_IS_UNCERTAINTY (self));
  g_return_if_fail (CRK_IS_DATASET (dataset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  d = g_new0 (AsyncData, 1);
  d->config = config_copy (&self->config);
  d->dataset = g_object_ref (dataset);

  call = g_new0 (AsyncCall, 1);
  call->total = d->config->runs;
  call->progress = progress;
  call->progress_data = progress_data;
  call->progress_notify = progress_notify;
  call->callback = callback;
  call->user_data = user_data;

  /* The task calls async_done in the thread-default context of this call, the same as
   * g_main_context_ref_thread_default () gives here. */
  task = g_task_new (self, cancellable, async_done, call);
  g_task_set_source_tag (task, crk_uncertainty_run_async);
  g_task_set_task_data (task, d, async_data_free);
  call->task = g_object_ref (task);
  if (progress != NULL)
    {
      context = g_main_context_ref_thread_default ();
      call->timeout = g_timeout_source_new (PROGRESS_INTERVAL / G_TIME_SPAN_MILLISECOND);
      g_source_set_static_name (call->timeout, "[crk-uncertainty] progress");
      g_source_set_callback (call->timeout, async_call_tick, call, NULL);
      g_source_attach (call->timeout, context);
    }
  g_task_run_in_thread (task, run_thread);
}

/**
 * crk_uncertainty_run_finish:
 * @self: settings
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
CrkUncertaintyResults *
crk_uncertainty_run_finish (CrkUncertainty *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Results: accessors */

#define RETURN_IF_BAD_CITY(self, city, val)                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), val);                                 \
    g_return_val_if_fail ((city) < (self)->n_cities, val);                                         \
  }                                                                                                \
  G_STMT_END

#define RETURN_IF_BAD_RUN(self, run, val)                                                          \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), val);                                 \
    g_return_val_if_fail ((run) < (self)->runs, val);                                              \
  }                                                                                                \
  G_STMT_END

/**
 * crk_uncertainty_results_get_dataset:
 * @self: results
 *
 * Returns: (transfer none): the dataset
 */
CrkDataset *
crk_uncertainty_results_get_dataset (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NULL);
  return self->dataset;
}

int
crk_uncertainty_results_get_year (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->year;
}

guint
crk_uncertainty_results_get_n_cities (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->n_cities;
}

guint
crk_uncertainty_results_get_n_runs (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->runs;
}

guint
crk_uncertainty_results_get_n_completed (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->n_completed;
}

guint
crk_uncertainty_results_get_n_failed (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->runs - self->n_completed;
}

guint64
crk_uncertainty_results_get_seed (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->config->seed;
}

double
crk_uncertainty_results_get_factor (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NAN);
  return self->config->factor;
}

guint
crk_uncertainty_results_get_top (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->config->top;
}

CrkUncertaintyVary
crk_uncertainty_results_get_varied (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->varied;
}

guint
crk_uncertainty_results_get_nominal_rank (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, 0);
  return self->nominal_rank[city];
}

double
crk_uncertainty_results_get_median_rank (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, NAN);
  return self->median[city];
}

double
crk_uncertainty_results_get_lower_rank (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, NAN);
  return self->lower[city];
}

double
crk_uncertainty_results_get_upper_rank (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, NAN);
  return self->upper[city];
}

double
crk_uncertainty_results_get_top_probability (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, NAN);
  return self->top_probability[city];
}

double
crk_uncertainty_results_get_mean_shift (CrkUncertaintyResults *self, guint city)
{
  RETURN_IF_BAD_CITY (self, city, NAN);
  return self->mean_shift[city];
}

double
crk_uncertainty_results_get_mean_abs_shift (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NAN);
  return self->mean_abs_shift;
}

guint
crk_uncertainty_results_get_rank (CrkUncertaintyResults *self, guint run, guint city)
{
  RETURN_IF_BAD_RUN (self, run, 0);
  g_return_val_if_fail (city < self->n_cities, 0);
  return self->ranks[(gsize) run * self->n_cities + city];
}

guint
crk_uncertainty_results_get_n_perturbed (CrkUncertaintyResults *self)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), 0);
  return self->n_perturbed;
}

/**
 * crk_uncertainty_results_get_perturbed_node:
 * @self: results
 * @k: a perturbed node's position, below crk_uncertainty_results_get_n_perturbed()
 *
 * Returns: (transfer none): the framework node
 */
CrkFrameworkNode *
crk_uncertainty_results_get_perturbed_node (CrkUncertaintyResults *self, guint k)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NULL);
  g_return_val_if_fail (k < self->n_perturbed, NULL);
  return self->perturbed[k];
}

double
crk_uncertainty_results_get_nominal_weight (CrkUncertaintyResults *self, guint k)
{
  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NAN);
  g_return_val_if_fail (k < self->n_perturbed, NAN);
  return self->nominal_weights[k];
}

double
crk_uncertainty_results_get_draw_weight (CrkUncertaintyResults *self, guint run, guint k)
{
  RETURN_IF_BAD_RUN (self, run, NAN);
  g_return_val_if_fail (k < self->n_perturbed, NAN);
  return self->weights[(gsize) run * self->n_perturbed + k];
}

/**
 * crk_uncertainty_results_get_draw_normalisation:
 * @self: results
 * @run: a run
 * @param1: (out) (optional): the first parameter
 * @param2: (out) (optional): the second parameter
 *
 * Returns: the default normalisation of the run
 */
CrkNormalisation
crk_uncertainty_results_get_draw_normalisation (CrkUncertaintyResults *self,
                                                guint run,
                                                double *param1,
                                                double *param2)
{
  int j;
  double p1, p2;
  CrkNormalisation mode;

  RETURN_IF_BAD_RUN (self, run, CRK_NORMALISATION_MINMAX);

  j = self->draws[run].normalisation;
  if (j >= 0)
    {
      const NormalisationChoice *n =
        &g_array_index (self->config->normalisations, NormalisationChoice, j);

      mode = n->mode;
      p1 = n->param1;
      p2 = n->param2;
    }
  else
    mode = crk_method_get_normalisation (self->nominal_method, &p1, &p2);
  if (param1 != NULL)
    *param1 = p1;
  if (param2 != NULL)
    *param2 = p2;
  return mode;
}

CrkAggregation
crk_uncertainty_results_get_draw_aggregation (CrkUncertaintyResults *self, guint run)
{
  int j;

  RETURN_IF_BAD_RUN (self, run, CRK_AGGREGATION_ARITHMETIC);

  j = self->draws[run].aggregation;
  if (j >= 0)
    return g_array_index (self->config->aggregations, CrkAggregation, j);
  return crk_method_get_aggregation (self->nominal_method);
}

guint
crk_uncertainty_results_get_draw_winsorisation (CrkUncertaintyResults *self, guint run)
{
  double skew, kurtosis;
  guint max_points;
  int j;

  RETURN_IF_BAD_RUN (self, run, 0);

  j = self->draws[run].winsorisation;
  if (j >= 0)
    return g_array_index (self->config->winsorisations, guint, j);
  if (crk_method_get_treatment (self->nominal_method) != CRK_TREATMENT_WINSORISE)
    return 0;
  crk_method_get_treatment_params (self->nominal_method, &skew, &kurtosis, &max_points);
  return max_points;
}

/**
 * crk_uncertainty_results_get_draw_imputation:
 * @self: results
 * @run: a run
 * @group: (out) (optional) (transfer none): the group attribute, or %NULL
 *
 * Returns: the imputation of the run
 */
CrkImputation
crk_uncertainty_results_get_draw_imputation (CrkUncertaintyResults *self,
                                             guint run,
                                             const char **group)
{
  const char *g;
  CrkImputation mode;
  int j;

  RETURN_IF_BAD_RUN (self, run, CRK_IMPUTATION_NONE);

  j = self->draws[run].imputation;
  if (j >= 0)
    {
      const ImputationChoice *m = &g_array_index (self->config->imputations, ImputationChoice, j);

      mode = m->mode;
      g = m->group;
    }
  else
    {
      mode = crk_method_get_imputation (self->nominal_method);
      g = crk_method_get_impute_group (self->nominal_method);
    }
  if (group != NULL)
    *group = g;
  return mode;
}

const char *
crk_uncertainty_results_get_draw_error (CrkUncertaintyResults *self, guint run)
{
  RETURN_IF_BAD_RUN (self, run, NULL);
  return self->draws[run].error;
}

static void
append_csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out, const char *format, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, value));
}

/**
 * crk_uncertainty_results_format_draws_csv:
 * @self: results
 *
 * Writes what every run drew as CSV (see the header for the columns).
 *
 * Returns: (transfer full): the CSV text
 */
char *
crk_uncertainty_results_format_draws_csv (CrkUncertaintyResults *self)
{
  GString *out;

  g_return_val_if_fail (CRK_IS_UNCERTAINTY_RESULTS (self), NULL);

  out = g_string_new ("run");
  for (guint k = 0; k < self->n_perturbed; k++)
    {
      g_autofree char *name =
        g_strconcat ("weight:", crk_framework_node_get_code (self->perturbed[k]), NULL);

      g_string_append_c (out, ',');
      append_csv_field (out, name);
    }
  if (self->varied & CRK_UNCERTAINTY_VARY_NORMALISATION)
    g_string_append (out, ",normalisation");
  if (self->varied & CRK_UNCERTAINTY_VARY_AGGREGATION)
    g_string_append (out, ",aggregation");
  if (self->varied & CRK_UNCERTAINTY_VARY_WINSORISATION)
    g_string_append (out, ",winsorised_points");
  if (self->varied & CRK_UNCERTAINTY_VARY_IMPUTATION)
    g_string_append (out, ",imputation");
  g_string_append (out, ",error\n");

  for (guint r = 0; r < self->runs; r++)
    {
      g_string_append_printf (out, "%u", r + 1);
      for (guint k = 0; k < self->n_perturbed; k++)
        {
          g_string_append_c (out, ',');
          append_number (out, "%.17g", self->weights[(gsize) r * self->n_perturbed + k]);
        }
      if (self->varied & CRK_UNCERTAINTY_VARY_NORMALISATION)
        {
          double p1, p2;
          CrkNormalisation mode =
            crk_uncertainty_results_get_draw_normalisation (self, r, &p1, &p2);
          g_autoptr (GString) field = g_string_new (crk_normalisation_to_string (mode));

          if (mode == CRK_NORMALISATION_MINMAX || mode == CRK_NORMALISATION_ZSCORE)
            {
              g_string_append_c (field, ':');
              append_number (field, "%.17g", p1);
              g_string_append_c (field, ',');
              append_number (field, "%.17g", p2);
            }
          g_string_append_c (out, ',');
          append_csv_field (out, field->str);
        }
      if (self->varied & CRK_UNCERTAINTY_VARY_AGGREGATION)
        g_string_append_printf (
          out, ",%s",
          crk_aggregation_to_string (crk_uncertainty_results_get_draw_aggregation (self, r)));
      if (self->varied & CRK_UNCERTAINTY_VARY_WINSORISATION)
        g_string_append_printf (out, ",%u",
                                crk_uncertainty_results_get_draw_winsorisation (self, r));
      if (self->varied & CRK_UNCERTAINTY_VARY_IMPUTATION)
        {
          const char *group;
          CrkImputation mode = crk_uncertainty_results_get_draw_imputation (self, r, &group);
          gboolean grouped =
            mode == CRK_IMPUTATION_GROUP_MEAN || mode == CRK_IMPUTATION_GROUP_MEDIAN;
          g_autofree char *field = grouped && group != NULL
            ? g_strdup_printf ("%s:%s", crk_imputation_to_string (mode), group)
            : g_strdup (crk_imputation_to_string (mode));

          g_string_append_c (out, ',');
          append_csv_field (out, field);
        }
      g_string_append_c (out, ',');
      if (self->draws[r].error != NULL)
        append_csv_field (out, self->draws[r].error);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
