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

#include "crk-uncertainty-private.h"

#include "crk-engine.h"

static void
imputation_choice_clear (gpointer data)
{
  CrkUncertaintyImputationChoice *choice = data;

  g_free (choice->group);
}

static void
config_init (CrkUncertaintyConfig *c)
{
  guint level = 2;

  c->runs = 1000;
  c->seed = 1;
  c->factor = 0.25;
  c->top = 10;
  c->levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (c->levels, level);
  c->normalisations = g_array_new (FALSE, FALSE, sizeof (CrkUncertaintyNormalisationChoice));
  c->aggregations = g_array_new (FALSE, FALSE, sizeof (CrkAggregation));
  c->winsorisations = g_array_new (FALSE, FALSE, sizeof (guint));
  c->imputations = g_array_new (FALSE, FALSE, sizeof (CrkUncertaintyImputationChoice));
  g_array_set_clear_func (c->imputations, imputation_choice_clear);
}

static void
config_clear (CrkUncertaintyConfig *c)
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

CrkUncertaintyConfig *
crk_uncertainty_config_copy (const CrkUncertaintyConfig *c)
{
  CrkUncertaintyConfig *copy = g_new0 (CrkUncertaintyConfig, 1);

  *copy = *c;
  copy->method = c->method != NULL ? crk_method_copy (c->method) : NULL;
  copy->levels = copy_array (c->levels);
  copy->normalisations = copy_array (c->normalisations);
  copy->aggregations = copy_array (c->aggregations);
  copy->winsorisations = copy_array (c->winsorisations);
  copy->imputations = g_array_new (FALSE, FALSE, sizeof (CrkUncertaintyImputationChoice));
  g_array_set_clear_func (copy->imputations, imputation_choice_clear);
  for (guint i = 0; i < c->imputations->len; i++)
    {
      CrkUncertaintyImputationChoice choice =
        g_array_index (c->imputations, CrkUncertaintyImputationChoice, i);

      choice.group = g_strdup (choice.group);
      g_array_append_val (copy->imputations, choice);
    }
  return copy;
}

void
crk_uncertainty_config_free (gpointer data)
{
  config_clear (data);
  g_free (data);
}

/* Settings */

struct _CrkUncertainty
{
  GObject parent_instance;

  CrkUncertaintyConfig config;
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
  CrkUncertaintyNormalisationChoice choice = {mode, param1, param2};

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
  CrkUncertaintyImputationChoice choice = {mode, NULL};
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

  return crk_uncertainty_run_config (&self->config, dataset, progress, progress_data, NULL,
                                     cancellable, error);
}

/* The asynchronous run. The task's thread and its workers touch only AsyncData (the task
 * data), and of what the caller gave only the cancellable; the workers count the finished
 * replications in AsyncData.done. Everything the caller sees happens in the caller's
 * thread-default main context, which is the task's: a timeout source there reads the
 * counter for the progress, and the task's own callback (async_done) ends the run. */
typedef struct
{
  CrkUncertaintyConfig *config;
  CrkDataset *dataset;
  int done; /* atomic */
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *d = data;

  crk_uncertainty_config_free (d->config);
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

  results =
    crk_uncertainty_run_config (d->config, d->dataset, NULL, NULL, &d->done, cancellable, &error);
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
  d->config = crk_uncertainty_config_copy (&self->config);
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
      call->timeout =
        g_timeout_source_new (CRK_UNCERTAINTY_PROGRESS_INTERVAL / G_TIME_SPAN_MILLISECOND);
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
