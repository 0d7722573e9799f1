/* crk-uncertainty-run.c: the replications of an uncertainty analysis: the draws, the
 * worker threads, the nominal ranks and the summary of the ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-uncertainty-private.h"

#include "crk-engine.h"

/* crk_dataset_get_city() reads the cities through a GListStore, which remembers the last
 * position asked for: two threads asking at once can get each other's city. The engine
 * asks only for group imputation and for the message of a non-positive value under a
 * geometric or harmonic mean, so replications that may do either run one at a time. */
static GMutex city_lock;

typedef struct
{
  const CrkUncertaintyConfig *config;
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
  const CrkUncertaintyConfig *c = run->config;
  CrkUncertaintyResults *res = run->results;
  guint32 seed[3] = {(guint32) (c->seed & 0xffffffffu), (guint32) (c->seed >> 32), index};
  g_autoptr (GRand) rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  g_autoptr (CrkMethod) method = crk_method_copy (worker->template);
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  CrkUncertaintyDraw *draw = &res->draws[index];
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
      const CrkUncertaintyNormalisationChoice *n =
        &g_array_index (c->normalisations, CrkUncertaintyNormalisationChoice, draw->normalisation);

      crk_method_set_normalisation (method, n->mode, n->param1, n->param2);
    }
  draw->aggregation = draw_index (rand, c->aggregations);
  if (draw->aggregation >= 0)
    {
      crk_method_clear_aggregation_overrides (method);
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
      const CrkUncertaintyImputationChoice *m =
        &g_array_index (c->imputations, CrkUncertaintyImputationChoice, draw->imputation);

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
  const CrkUncertaintyConfig *c = self->config;
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

CrkUncertaintyResults *
crk_uncertainty_run_config (const CrkUncertaintyConfig *config,
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
  self->config = crk_uncertainty_config_copy (config);
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
  self->draws = g_new0 (CrkUncertaintyDraw, self->runs);

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
      gint64 deadline = g_get_monotonic_time () + CRK_UNCERTAINTY_PROGRESS_INTERVAL;
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
