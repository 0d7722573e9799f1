/* crk-uncertainty-results.c: the results of an uncertainty analysis: ranks, intervals,
 * the draws of each replication, and the draws as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-uncertainty-private.h"

#include "crk-csv-field.h"

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
  g_clear_pointer (&self->config, crk_uncertainty_config_free);

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
      const CrkUncertaintyNormalisationChoice *n =
        &g_array_index (self->config->normalisations, CrkUncertaintyNormalisationChoice, j);

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
      const CrkUncertaintyImputationChoice *m =
        &g_array_index (self->config->imputations, CrkUncertaintyImputationChoice, j);

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
      crk_csv_append_field (out, name);
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
          crk_csv_append_field (out, field->str);
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
          crk_csv_append_field (out, field);
        }
      g_string_append_c (out, ',');
      if (self->draws[r].error != NULL)
        crk_csv_append_field (out, self->draws[r].error);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
