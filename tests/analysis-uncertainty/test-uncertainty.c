/* test-uncertainty.c: Monte Carlo uncertainty analysis, the library and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-writer.h"
#include "crk-engine.h"
#include "crk-test-build.h"
#include "crk-uncertainty.h"

/* Six cities over three dimensions (D1: I0 I1, D2: I2, D3: I3 I4), close enough that
 * the weights matter. */
static CrkDataset *
build_six (void)
{
  const char *parents[] = {"D1", "D1", "D2", "D3", "D3"};
  const double x[] = {1, 5, 3, 4, 2, 6, 9, 1, 3, 4, 4, 2, 2, 2, 8,
                      1, 5, 3, 7, 3, 3, 6, 1, 5, 1, 2, 3, 4, 5, 6};

  return crk_test_build (6, 5, x, NULL, parents);
}

/* Forty cities, eight indicators over three dimensions, random but fixed values. */
static CrkDataset *
build_forty (void)
{
  const char *parents[] = {"D1", "D1", "D1", "D2", "D2", "D3", "D3", "D3"};
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  double x[8 * 40];

  for (guint k = 0; k < G_N_ELEMENTS (x); k++)
    x[k] = exp (g_rand_double_range (rand, 0, 3));
  return crk_test_build (40, 8, x, NULL, parents);
}

static void
test_quantile (void)
{
  const double ten[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const double five[] = {1, 1, 3, 4, 5};
  const double one[] = {42};

  /* R: quantile(1:10, c(0.05, 0.5, 0.95)) = 1.45 5.50 9.55 */
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_quantile (ten, 10, 0.05), 1.45, 1e-12);
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_quantile (ten, 10, 0.5), 5.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_quantile (ten, 10, 0.95), 9.55, 1e-12);
  g_assert_cmpfloat (crk_uncertainty_quantile (ten, 10, 0), ==, 1);
  g_assert_cmpfloat (crk_uncertainty_quantile (ten, 10, 1), ==, 10);
  /* R: quantile(c(1, 1, 3, 4, 5), c(0.05, 0.25, 0.5, 0.95)) = 1.0 1.0 3.0 4.8 */
  g_assert_cmpfloat (crk_uncertainty_quantile (five, 5, 0.05), ==, 1);
  g_assert_cmpfloat (crk_uncertainty_quantile (five, 5, 0.25), ==, 1);
  g_assert_cmpfloat (crk_uncertainty_quantile (five, 5, 0.5), ==, 3);
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_quantile (five, 5, 0.95), 4.8, 1e-12);
  g_assert_cmpfloat (crk_uncertainty_quantile (one, 1, 0.95), ==, 42);
  g_assert_true (isnan (crk_uncertainty_quantile (NULL, 0, 0.5)));
}

static void
test_defaults (void)
{
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  guint n_levels = 0;
  const guint *levels = crk_uncertainty_get_levels (settings, &n_levels);

  g_assert_cmpuint (crk_uncertainty_get_runs (settings), ==, 1000);
  g_assert_cmpfloat (crk_uncertainty_get_factor (settings), ==, 0.25);
  g_assert_cmpuint (n_levels, ==, 1);
  g_assert_cmpuint (levels[0], ==, 2);
  g_assert_cmpuint (crk_uncertainty_get_top (settings), ==, 10);
  g_assert_null (crk_uncertainty_get_method (settings));
}

/* a = 0: every run gives the nominal ranks. */
static void
test_zero_factor (void)
{
  g_autoptr (CrkDataset) dataset = build_six ();
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) results = NULL;
  g_autoptr (CrkResults) nominal = NULL;
  g_autoptr (GError) error = NULL;
  const guint levels[] = {1, 2};

  crk_uncertainty_set_factor (settings, 0);
  crk_uncertainty_set_levels (settings, levels, G_N_ELEMENTS (levels));
  crk_uncertainty_set_runs (settings, 100);
  crk_uncertainty_set_top (settings, 3);
  results = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  nominal = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpint (crk_uncertainty_results_get_year (results), ==, CRK_TEST_YEAR);
  g_assert_cmpuint (crk_uncertainty_results_get_n_completed (results), ==, 100);
  g_assert_cmpuint (crk_uncertainty_results_get_varied (results), ==, 0);
  /* three dimensions and five indicators */
  g_assert_cmpuint (crk_uncertainty_results_get_n_perturbed (results), ==, 8);
  g_assert_cmpfloat (crk_uncertainty_results_get_mean_abs_shift (results), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      guint rank = crk_results_get_rank (nominal, i);

      g_assert_cmpuint (rank, >, 0);
      g_assert_cmpuint (crk_uncertainty_results_get_nominal_rank (results, i), ==, rank);
      g_assert_cmpfloat (crk_uncertainty_results_get_median_rank (results, i), ==, rank);
      g_assert_cmpfloat (crk_uncertainty_results_get_lower_rank (results, i), ==, rank);
      g_assert_cmpfloat (crk_uncertainty_results_get_upper_rank (results, i), ==, rank);
      g_assert_cmpfloat (crk_uncertainty_results_get_top_probability (results, i), ==,
                         rank <= 3 ? 1 : 0);
      g_assert_cmpfloat (crk_uncertainty_results_get_mean_shift (results, i), ==, 0);
      for (guint r = 0; r < 100; r++)
        g_assert_cmpuint (crk_uncertainty_results_get_rank (results, r, i), ==, rank);
    }
  for (guint k = 0; k < 8; k++)
    g_assert_cmpfloat_with_epsilon (crk_uncertainty_results_get_draw_weight (results, 57, k),
                                    crk_uncertainty_results_get_nominal_weight (results, k), 1e-15);
}

static void
assert_same_results (CrkUncertaintyResults *a, CrkUncertaintyResults *b)
{
  guint runs = crk_uncertainty_results_get_n_runs (a), n = crk_uncertainty_results_get_n_cities (a);
  guint p = crk_uncertainty_results_get_n_perturbed (a);
  g_autofree char *csv_a = crk_uncertainty_results_format_draws_csv (a);
  g_autofree char *csv_b = crk_uncertainty_results_format_draws_csv (b);

  g_assert_cmpuint (crk_uncertainty_results_get_n_runs (b), ==, runs);
  g_assert_cmpuint (crk_uncertainty_results_get_n_perturbed (b), ==, p);
  for (guint r = 0; r < runs; r++)
    {
      double a1, a2, b1, b2;

      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (crk_uncertainty_results_get_rank (a, r, i), ==,
                          crk_uncertainty_results_get_rank (b, r, i));
      for (guint k = 0; k < p; k++)
        g_assert_cmpfloat (crk_uncertainty_results_get_draw_weight (a, r, k), ==,
                           crk_uncertainty_results_get_draw_weight (b, r, k));
      g_assert_cmpint (crk_uncertainty_results_get_draw_normalisation (a, r, &a1, &a2), ==,
                       crk_uncertainty_results_get_draw_normalisation (b, r, &b1, &b2));
      g_assert_cmpfloat (a1, ==, b1);
      g_assert_cmpfloat (a2, ==, b2);
      g_assert_cmpint (crk_uncertainty_results_get_draw_aggregation (a, r), ==,
                       crk_uncertainty_results_get_draw_aggregation (b, r));
    }
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (crk_uncertainty_results_get_median_rank (a, i), ==,
                         crk_uncertainty_results_get_median_rank (b, i));
      g_assert_cmpfloat (crk_uncertainty_results_get_lower_rank (a, i), ==,
                         crk_uncertainty_results_get_lower_rank (b, i));
      g_assert_cmpfloat (crk_uncertainty_results_get_upper_rank (a, i), ==,
                         crk_uncertainty_results_get_upper_rank (b, i));
      g_assert_cmpfloat (crk_uncertainty_results_get_top_probability (a, i), ==,
                         crk_uncertainty_results_get_top_probability (b, i));
    }
  g_assert_cmpfloat (crk_uncertainty_results_get_mean_abs_shift (a), ==,
                     crk_uncertainty_results_get_mean_abs_shift (b));
  g_assert_cmpstr (csv_a, ==, csv_b);
}

static CrkUncertainty *
varied_settings (void)
{
  CrkUncertainty *settings = crk_uncertainty_new ();
  const guint levels[] = {2, 1};

  crk_uncertainty_set_levels (settings, levels, G_N_ELEMENTS (levels));
  crk_uncertainty_set_runs (settings, 300);
  crk_uncertainty_set_seed (settings, G_GUINT64_CONSTANT (0x123456789));
  crk_uncertainty_set_factor (settings, 0.4);
  crk_uncertainty_add_normalisation (settings, CRK_NORMALISATION_MINMAX, 0, 100);
  crk_uncertainty_add_normalisation (settings, CRK_NORMALISATION_RANK, 0, 0);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_ARITHMETIC);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_TOPSIS);
  crk_uncertainty_add_winsorisation (settings, 1);
  crk_uncertainty_add_winsorisation (settings, 3);
  return settings;
}

/* The same seed gives the same runs with one thread and with four; another seed does not. */
static void
test_reproducible (void)
{
  g_autoptr (CrkDataset) dataset = build_forty ();
  g_autoptr (CrkUncertainty) settings = varied_settings ();
  g_autoptr (CrkUncertaintyResults) one = NULL;
  g_autoptr (CrkUncertaintyResults) four = NULL;
  g_autoptr (CrkUncertaintyResults) other = NULL;
  g_autoptr (GError) error = NULL;
  guint seen_rank = 0, seen_topsis = 0, seen_three = 0, differ = 0;

  crk_uncertainty_set_n_threads (settings, 1);
  one = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  crk_uncertainty_set_n_threads (settings, 4);
  four = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_results (one, four);

  g_assert_cmpuint (crk_uncertainty_results_get_varied (one), ==,
                    CRK_UNCERTAINTY_VARY_WEIGHTS | CRK_UNCERTAINTY_VARY_NORMALISATION |
                      CRK_UNCERTAINTY_VARY_AGGREGATION | CRK_UNCERTAINTY_VARY_WINSORISATION);
  g_assert_cmpuint (crk_uncertainty_results_get_n_perturbed (one), ==, 11);
  g_assert_cmpuint (crk_uncertainty_results_get_n_failed (one), ==, 0);
  for (guint r = 0; r < 300; r++)
    {
      seen_rank += crk_uncertainty_results_get_draw_normalisation (one, r, NULL, NULL) ==
        CRK_NORMALISATION_RANK;
      seen_topsis +=
        crk_uncertainty_results_get_draw_aggregation (one, r) == CRK_AGGREGATION_TOPSIS;
      seen_three += crk_uncertainty_results_get_draw_winsorisation (one, r) == 3;
    }
  /* each a fair coin over 300 runs */
  g_assert_cmpuint (seen_rank, >, 100);
  g_assert_cmpuint (seen_rank, <, 200);
  g_assert_cmpuint (seen_topsis, >, 100);
  g_assert_cmpuint (seen_topsis, <, 200);
  g_assert_cmpuint (seen_three, >, 100);
  g_assert_cmpuint (seen_three, <, 200);
  g_assert_cmpfloat (crk_uncertainty_results_get_mean_abs_shift (one), >, 0);

  crk_uncertainty_set_seed (settings, 2);
  other = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < 300; r++)
    differ += crk_uncertainty_results_get_draw_weight (one, r, 0) !=
      crk_uncertainty_results_get_draw_weight (other, r, 0);
  g_assert_cmpuint (differ, ==, 300);
}

/* Two cities, each best in one dimension; weights 1 and 1.2, so B leads. With a = 0.25,
 * W1 ~ U(0.75, 1.25) and W2 ~ U(0.9, 1.5); A leads when W1 > W2, with probability
 * (1 / 0.5) (1 / 0.6) (1.25 - 0.9)^2 / 2 = 0.1225 / 0.6 = 49 / 240. */
static void
test_two_cities (void)
{
  const char *parents[] = {"D1", "D2"};
  const double x[] = {1, 0, 0, 1};
  g_autoptr (CrkDataset) dataset = crk_test_build (2, 2, x, NULL, parents);
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) results = NULL;
  g_autoptr (GError) error = NULL;
  const guint runs = 20000;
  double expected = 49.0 / 240.0, p;
  guint flips = 0;

  crk_framework_node_set_weight (crk_dataset_lookup_node (dataset, "D2"), 1.2);
  crk_uncertainty_set_runs (settings, runs);
  crk_uncertainty_set_top (settings, 1);
  results = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (crk_uncertainty_results_get_nominal_rank (results, 0), ==, 2);
  g_assert_cmpuint (crk_uncertainty_results_get_nominal_rank (results, 1), ==, 1);
  g_assert_cmpuint (crk_uncertainty_results_get_n_perturbed (results), ==, 2);
  g_assert_cmpstr (
    crk_framework_node_get_code (crk_uncertainty_results_get_perturbed_node (results, 0)), ==,
    "D1");
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_results_get_nominal_weight (results, 0), 1 / 2.2,
                                  1e-15);

  for (guint r = 0; r < runs; r++)
    {
      double w1 = crk_uncertainty_results_get_draw_weight (results, r, 0);
      double w2 = crk_uncertainty_results_get_draw_weight (results, r, 1);
      guint rank_a = crk_uncertainty_results_get_rank (results, r, 0);

      g_assert_cmpfloat_with_epsilon (w1 + w2, 1, 1e-12);
      g_assert_cmpfloat (w1 / w2, >=, 0.75 / 1.5);
      g_assert_cmpfloat (w1 / w2, <=, 1.25 / 0.9);
      g_assert_cmpuint (rank_a, ==, w1 > w2 ? 1 : 2);
      g_assert_cmpuint (crk_uncertainty_results_get_rank (results, r, 1), ==, w1 > w2 ? 2 : 1);
      flips += rank_a == 1;
    }
  p = (double) flips / runs;
  g_test_message ("A leads in %u of %u runs (%.4f; expected %.4f)", flips, runs, p, expected);
  /* four standard errors: sqrt (p (1 - p) / 20000) = 0.00285 */
  g_assert_cmpfloat_with_epsilon (p, expected, 0.0115);
  g_assert_cmpfloat (crk_uncertainty_results_get_top_probability (results, 0), ==, p);
  g_assert_cmpfloat (crk_uncertainty_results_get_top_probability (results, 1), ==, 1 - p);
  g_assert_cmpfloat (crk_uncertainty_results_get_median_rank (results, 0), ==, 2);
  g_assert_cmpfloat (crk_uncertainty_results_get_lower_rank (results, 0), ==, 1);
  g_assert_cmpfloat (crk_uncertainty_results_get_upper_rank (results, 0), ==, 2);
  g_assert_cmpfloat (crk_uncertainty_results_get_median_rank (results, 1), ==, 1);
  g_assert_cmpfloat (crk_uncertainty_results_get_upper_rank (results, 1), ==, 2);
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_results_get_mean_shift (results, 0), p, 1e-12);
  g_assert_cmpfloat_with_epsilon (crk_uncertainty_results_get_mean_abs_shift (results), p, 1e-12);
}

/* A geometric mean of min-max scores meets zeros: those runs fail, the others count. */
static void
test_failed_runs (void)
{
  g_autoptr (CrkDataset) dataset = build_six ();
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) results = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  guint failed = 0;

  crk_uncertainty_set_runs (settings, 200);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_ARITHMETIC);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_GEOMETRIC);
  crk_uncertainty_add_imputation (settings, CRK_IMPUTATION_GROUP_MEAN, "province");
  results = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < 200; r++)
    {
      const char *message = crk_uncertainty_results_get_draw_error (results, r);
      gboolean geometric =
        crk_uncertainty_results_get_draw_aggregation (results, r) == CRK_AGGREGATION_GEOMETRIC;
      const char *group = NULL;

      g_assert_cmpint (crk_uncertainty_results_get_draw_imputation (results, r, &group), ==,
                       CRK_IMPUTATION_GROUP_MEAN);
      g_assert_cmpstr (group, ==, "province");
      g_assert_true ((message != NULL) == geometric);
      if (geometric)
        {
          g_assert_nonnull (strstr (message, "geometric mean"));
          g_assert_cmpuint (crk_uncertainty_results_get_rank (results, r, 0), ==, 0);
          failed++;
        }
    }
  g_assert_cmpuint (failed, >, 50);
  g_assert_cmpuint (crk_uncertainty_results_get_n_failed (results), ==, failed);
  g_assert_cmpuint (crk_uncertainty_results_get_n_completed (results), ==, 200 - failed);
  csv = crk_uncertainty_results_format_draws_csv (results);
  g_assert_true (
    g_str_has_prefix (csv, "run,weight:D1,weight:D2,weight:D3,aggregation,imputation,error\n"));
  g_assert_nonnull (strstr (csv, ",geometric,group-mean:province,\"City "));
  g_assert_nonnull (strstr (csv, ",arithmetic,group-mean:province,\n"));

  /* every run geometric: an error */
  g_clear_object (&results);
  crk_uncertainty_clear_choices (settings);
  crk_uncertainty_add_aggregation (settings, CRK_AGGREGATION_GEOMETRIC);
  results = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_FAILED);
}

static void
test_bad_level (void)
{
  g_autoptr (CrkDataset) dataset = build_six ();
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) results = NULL;
  g_autoptr (GError) error = NULL;
  const guint levels[] = {3};

  crk_uncertainty_set_levels (settings, levels, 1);
  results = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_FAILED);
}

/* What an asynchronous run called, and in which thread. */
typedef struct
{
  GThread *thread; /* the thread that started the run */
  GCancellable *cancel_on_progress;
  CrkUncertaintyResults *results;
  GError *error;
  guint total;
  guint last_done;
  guint calls;
  guint notified;
  guint finished;
} AsyncState;

static void
on_progress (guint done, guint total, gpointer data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->thread);
  g_assert_cmpuint (state->notified, ==, 0);
  g_assert_cmpuint (state->finished, ==, 0);
  g_assert_cmpuint (total, ==, state->total);
  g_assert_cmpuint (done, >, state->last_done);
  g_assert_cmpuint (done, <=, total);
  state->last_done = done;
  state->calls++;
  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
on_progress_freed (gpointer data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->thread);
  g_assert_cmpuint (state->finished, ==, 0);
  state->notified++;
}

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->thread);
  /* the notify comes first, once */
  g_assert_cmpuint (state->notified, ==, 1);
  state->results = crk_uncertainty_run_finish (CRK_UNCERTAINTY (source), result, &state->error);
  state->finished++;
}

static gboolean
on_watchdog (gpointer data)
{
  g_error ("the asynchronous run has not called back in %u s", GPOINTER_TO_UINT (data));
  return G_SOURCE_REMOVE;
}

/* Starts a run of @settings with @context (NULL: the global default) as the
 * thread-default main context. */
static void
async_start (CrkUncertainty *settings,
             CrkDataset *dataset,
             GCancellable *cancellable,
             GMainContext *context,
             AsyncState *state)
{
  state->thread = g_thread_self ();
  state->total = crk_uncertainty_get_runs (settings);
  if (context != NULL)
    g_main_context_push_thread_default (context);
  crk_uncertainty_run_async (settings, dataset, on_progress, state, on_progress_freed, cancellable,
                             on_run_done, state);
  if (context != NULL)
    g_main_context_pop_thread_default (context);
  /* nothing is called from the call itself */
  g_assert_cmpuint (state->calls + state->notified + state->finished, ==, 0);
}

/* Iterates @context until the callback has run, which the run guarantees: the watchdog
 * only turns a bug into a failure with a message rather than a hang. Then checks that
 * nothing more comes. */
static void
async_wait (GMainContext *context, AsyncState *state)
{
  const guint limit = 100;
  g_autoptr (GSource) watchdog = g_timeout_source_new_seconds (limit);
  guint calls;

  g_source_set_callback (watchdog, on_watchdog, GUINT_TO_POINTER (limit), NULL);
  g_source_attach (watchdog, context);
  while (state->finished == 0)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (watchdog);
  g_test_message ("%u progress calls, the last with %u of %u", state->calls, state->last_done,
                  state->total);

  calls = state->calls;
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_cmpuint (state->calls, ==, calls);
  g_assert_cmpuint (state->notified, ==, 1);
  g_assert_cmpuint (state->finished, ==, 1);
}

static void
run_async_and_wait (CrkUncertainty *settings,
                    CrkDataset *dataset,
                    GCancellable *cancellable,
                    GMainContext *context,
                    AsyncState *state)
{
  async_start (settings, dataset, cancellable, context, state);
  async_wait (context, state);
}

static void
async_state_clear (AsyncState *state)
{
  g_clear_object (&state->results);
  g_clear_error (&state->error);
  memset (state, 0, sizeof *state);
}

static void
test_async (void)
{
  g_autoptr (CrkDataset) dataset = build_forty ();
  g_autoptr (CrkUncertainty) settings = varied_settings ();
  g_autoptr (CrkUncertaintyResults) sync = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  AsyncState state = {0};

  sync = crk_uncertainty_run (settings, dataset, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* in the global default context; changes after the call do not reach the run */
  async_start (settings, dataset, NULL, NULL, &state);
  crk_uncertainty_set_runs (settings, 10);
  async_wait (NULL, &state);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.results);
  g_assert_cmpuint (state.calls, >, 0);
  g_assert_cmpuint (state.last_done, ==, 300);
  assert_same_results (sync, state.results);
  async_state_clear (&state);
  crk_uncertainty_set_runs (settings, 300);

  /* in a context of its own, pushed as the thread-default; long enough for the progress
   * to come during the run too (not asserted: it depends on the load) */
  crk_uncertainty_set_runs (settings, 2000);
  run_async_and_wait (settings, dataset, NULL, context, &state);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.last_done, ==, 2000);
  g_assert_cmpuint (crk_uncertainty_results_get_n_completed (state.results), ==, 2000);
  async_state_clear (&state);
  crk_uncertainty_set_runs (settings, 300);

  /* cancelled before it starts: no progress, the notify all the same */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    run_async_and_wait (settings, dataset, cancellable, NULL, &state);
    g_assert_null (state.results);
    g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (state.calls, ==, 0);
    async_state_clear (&state);
  }

  /* cancelled at the first progress: no more progress, whenever the run ends */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    state.cancel_on_progress = cancellable;
    run_async_and_wait (settings, dataset, cancellable, NULL, &state);
    g_assert_null (state.results);
    g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (state.calls, ==, 1);
    async_state_clear (&state);
  }

  /* a run that fails: the notify, then the error */
  {
    const guint levels[] = {3};

    crk_uncertainty_set_levels (settings, levels, 1);
    run_async_and_wait (settings, dataset, NULL, NULL, &state);
    g_assert_null (state.results);
    g_assert_error (state.error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_FAILED);
    async_state_clear (&state);
  }
}

/* The CLI */

typedef struct
{
  char *dir;
  char *path;
  char *draws;
  CrkDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("crk-uncertainty-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "six.cityrank.xml", NULL);
  f->draws = g_build_filename (f->dir, "draws.csv", NULL);
  f->dataset = build_six ();
  crk_dataset_set_title (f->dataset, "Six cities");
  crk_dataset_write (f->dataset, f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_unlink (f->draws);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->draws);
  g_free (f->path);
  g_free (f->dir);
  g_clear_object (&f->dataset);
}

static int
run_cli (const char *const *args, char **out, char **err)
{
  const char *cli = g_getenv ("CRK_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_cli_csv (Fixture *f, gconstpointer data)
{
  const char *args[] = {"uncertainty", f->path,   "--runs", "50",        "--seed", "3", "--format",
                        "csv",         "--draws", f->draws, "--threads", "1",      NULL};
  const char *args2[] = {"uncertainty", f->path, "--runs",    "50", "--seed", "3",
                         "--format",    "csv",   "--threads", "2",  NULL};
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *draws = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) draw_lines = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[0], ==,
                   "code,name,nominal_rank,median_rank,p05_rank,p95_rank,p_top,mean_shift");
  for (guint i = 1; i <= 6; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_assert_true (g_str_has_prefix (fields[0], "C"));
      g_assert_cmpuint (g_ascii_strtoull (fields[2], NULL, 10), ==, i);
    }
  g_assert_cmpstr (lines[7], ==, "");

  g_file_get_contents (f->draws, &draws, NULL, &error);
  g_assert_no_error (error);
  draw_lines = g_strsplit (draws, "\n", -1);
  g_assert_cmpuint (g_strv_length (draw_lines), ==, 52);
  g_assert_cmpstr (draw_lines[0], ==, "run,weight:D1,weight:D2,weight:D3,error");
  g_assert_true (g_str_has_prefix (draw_lines[1], "1,0."));
  g_assert_true (g_str_has_prefix (draw_lines[50], "50,0."));
  g_assert_true (g_str_has_suffix (draw_lines[50], ","));

  /* the thread count changes nothing */
  g_assert_cmpint (run_cli (args2, &out2, &err2), ==, 0);
  g_assert_cmpstr (out2, ==, out);
}

static void
test_cli_zero_factor (Fixture *f, gconstpointer data)
{
  const char *args[] = {"uncertainty", f->path,    "--runs", "20",    "--factor", "0", "--levels",
                        "1,2",         "--format", "csv",    "--top", "2",        NULL};
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  for (guint i = 1; i <= 6; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ",", -1);
      g_autofree char *rank = g_strdup_printf ("%u", i);
      const char *top = i <= 2 ? "1" : "0";

      g_assert_cmpstr (fields[2], ==, rank);
      g_assert_cmpstr (fields[3], ==, rank);
      g_assert_cmpstr (fields[4], ==, rank);
      g_assert_cmpstr (fields[5], ==, rank);
      g_assert_cmpstr (fields[6], ==, top);
      g_assert_cmpstr (fields[7], ==, "0");
    }
}

static void
test_cli_table_json (Fixture *f, gconstpointer data)
{
  const char *table_args[] = {"uncertainty",
                              f->path,
                              "--runs",
                              "40",
                              "--vary-normalisation",
                              "minmax:1,100,rank",
                              "--vary-aggregation",
                              "arithmetic,geometric",
                              NULL};
  const char *json_args[] = {"uncertainty", f->path,    "--runs", "40", "--format",
                             "json",        "--levels", "2,1",    NULL};
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *json_err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_cli (table_args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Six cities — 2020");
  g_assert_true (g_str_has_prefix (lines[1], "40 runs (seed 1), "));
  g_assert_true (
    g_str_has_suffix (lines[1], "; varied: weights of level 2 ±25%, normalisation, aggregation"));
  g_assert_true (g_str_has_prefix (lines[2], "Mean absolute rank shift: "));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_cmpstr (lines[4], ==, " Rank   Median      5%     95%   Top 10   Shift  City");
  g_assert_true (g_str_has_prefix (lines[5], "    1  "));
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  /* geometric runs meet the zeros of the range [0, 100] (rank normalisation) */
  if (*err != '\0')
    g_assert_true (g_str_has_prefix (err, "cityrank-cli: warning: "));

  g_assert_cmpint (run_cli (json_args, &json, &json_err), ==, 0);
  g_assert_true (g_str_has_prefix (
    json,
    "{\n  \"year\": 2020,\n  \"runs\": 40,\n  \"completed\": 40,\n  \"failed\": 0,\n"
    "  \"seed\": 1,\n  \"factor\": 0.25,\n  \"levels\": [2, 1],\n  \"top\": 10,\n"
    "  \"mean_abs_shift\": "));
  g_assert_nonnull (strstr (json, "\"cities\": [\n    {\"code\": \"C"));
  g_assert_nonnull (strstr (json, ", \"nominal_rank\": 1, \"median_rank\": "));
  g_assert_true (g_str_has_suffix (json, "}\n  ]\n}\n"));
}

static void
test_cli_errors (Fixture *f, gconstpointer data)
{
  const char *factor[] = {"uncertainty", f->path, "--factor", "1.5", NULL};
  const char *level0[] = {"uncertainty", f->path, "--levels", "0", NULL};
  const char *agg[] = {"uncertainty", f->path, "--vary-aggregation", "median", NULL};
  const char *norm[] = {"uncertainty", f->path, "--vary-normalisation", "rank:1,2", NULL};
  const char *level9[] = {"uncertainty", f->path, "--levels", "9", NULL};
  const char *none[] = {"uncertainty", NULL};
  const char *const *usage[] = {factor, level0, agg, norm, none};

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (usage[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "cityrank-cli: "));
    }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (level9, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "level 9"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/uncertainty/quantile", test_quantile);
  g_test_add_func ("/analysis/uncertainty/defaults", test_defaults);
  g_test_add_func ("/analysis/uncertainty/zero-factor", test_zero_factor);
  g_test_add_func ("/analysis/uncertainty/reproducible", test_reproducible);
  g_test_add_func ("/analysis/uncertainty/two-cities", test_two_cities);
  g_test_add_func ("/analysis/uncertainty/failed-runs", test_failed_runs);
  g_test_add_func ("/analysis/uncertainty/bad-level", test_bad_level);
  g_test_add_func ("/analysis/uncertainty/async", test_async);
  g_test_add ("/analysis/uncertainty/cli/csv", Fixture, NULL, fixture_set_up, test_cli_csv,
              fixture_tear_down);
  g_test_add ("/analysis/uncertainty/cli/zero-factor", Fixture, NULL, fixture_set_up,
              test_cli_zero_factor, fixture_tear_down);
  g_test_add ("/analysis/uncertainty/cli/table-json", Fixture, NULL, fixture_set_up,
              test_cli_table_json, fixture_tear_down);
  g_test_add ("/analysis/uncertainty/cli/errors", Fixture, NULL, fixture_set_up, test_cli_errors,
              fixture_tear_down);
  return g_test_run ();
}
