/* crk-weights.c: entropy, CRITIC and PCA weights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-weights"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <math.h>

#include "crk-engine.h"
#include "crk-stats.h"
#include "crk-weights.h"

static gboolean
normalise_sum (double *w, guint m)
{
  double sum = 0;

  for (guint j = 0; j < m; j++)
    {
      if (!isfinite (w[j]) || w[j] < 0)
        return FALSE;
      sum += w[j];
    }
  if (!(sum > 0))
    return FALSE;
  for (guint j = 0; j < m; j++)
    w[j] /= sum;
  return TRUE;
}

/* Entropy weight method. The values are made positive first:
 * CRK_ENTROPY_VARIANT_SHIFTED moves a column with a value <= 0 up by
 * -min + 1e-4 * (max - min) (1e-4 when constant) and keeps a positive column as it is;
 * CRK_ENTROPY_VARIANT_RESCALED always uses (x - min)/(max - min) + 1e-4.
 * p = v / sum v, e = -(1/ln n) sum p ln p, d = 1 - e, w = d / sum d. */
gboolean
crk_weights_entropy (const double *const *columns, guint m, guint n, guint variant, double *weights)
{
  g_autofree double *w = g_new (double, m);

  for (guint j = 0; j < m; j++)
    {
      const double *x = columns[j];
      double min, max, range, shift = 0, scale = 1, sum = 0, h = 0;
      guint count = crk_stats_count (x, n);

      if (count < 2 || !crk_stats_min_max (x, n, &min, &max))
        return FALSE;
      range = max - min;
      if (variant == CRK_ENTROPY_VARIANT_RESCALED)
        {
          if (range > 0)
            scale = 1 / range;
          shift = -min * scale + 1e-4;
        }
      else if (min <= 0)
        shift = -min + (range > 0 ? 1e-4 * range : 1e-4);
      for (guint i = 0; i < n; i++)
        if (!isnan (x[i]))
          sum += x[i] * scale + shift;
      for (guint i = 0; i < n; i++)
        if (!isnan (x[i]))
          {
            double p = (x[i] * scale + shift) / sum;

            if (p > 0)
              h -= p * log (p);
          }
      w[j] = 1 - h / log (count);
      if (w[j] < 0)
        w[j] = 0;
    }
  if (!normalise_sum (w, m))
    return FALSE;
  for (guint j = 0; j < m; j++)
    weights[j] = w[j];
  return TRUE;
}

/* CRITIC: C_j = sd_j * sum_k (1 - r_jk), sample sd, Pearson r over complete pairs
 * (an undefined r counts as 0). */
gboolean
crk_weights_critic (const double *const *columns, guint m, guint n, double *weights)
{
  g_autofree double *w = g_new (double, m);

  for (guint j = 0; j < m; j++)
    {
      double sd = crk_stats_sd (columns[j], n);
      double conflict = 0;

      if (isnan (sd))
        return FALSE;
      for (guint k = 0; k < m; k++)
        {
          double r = k == j ? 1 : crk_stats_pearson (columns[j], columns[k], n);

          conflict += 1 - (isnan (r) ? 0 : r);
        }
      w[j] = sd * conflict;
    }
  if (!normalise_sum (w, m))
    return FALSE;
  for (guint j = 0; j < m; j++)
    weights[j] = w[j];
  return TRUE;
}

/* PCA: eigen decomposition of the correlation matrix over the cities with every value;
 * the components with eigenvalue > 1 are kept (at least the first); w_j is proportional
 * to sum_k lambda_k v_jk^2 over the kept components, i.e. the squared loadings weighted
 * by each component's share of the variance they explain. */
gboolean
crk_weights_pca (const double *const *columns, guint m, guint n, double *weights)
{
  g_autofree guint *rows = g_new (guint, n);
  g_autofree double *a = NULL;
  g_autofree double *b = NULL;
  g_autofree double *w = g_new0 (double, m);
  gsl_matrix *corr, *evec;
  gsl_vector *eval;
  gsl_eigen_symmv_workspace *work;
  guint n_rows = 0;
  double max_eval = -INFINITY;
  gboolean ok;

  if (m < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean complete = TRUE;

      for (guint j = 0; j < m && complete; j++)
        complete = !isnan (columns[j][i]);
      if (complete)
        rows[n_rows++] = i;
    }
  if (n_rows < 3)
    return FALSE;

  a = g_new (double, n_rows);
  b = g_new (double, n_rows);
  corr = gsl_matrix_alloc (m, m);
  for (guint j = 0; j < m; j++)
    {
      gsl_matrix_set (corr, j, j, 1);
      for (guint k = j + 1; k < m; k++)
        {
          double r;

          for (guint t = 0; t < n_rows; t++)
            {
              a[t] = columns[j][rows[t]];
              b[t] = columns[k][rows[t]];
            }
          r = crk_stats_pearson (a, b, n_rows);
          if (isnan (r))
            r = 0;
          gsl_matrix_set (corr, j, k, r);
          gsl_matrix_set (corr, k, j, r);
        }
    }

  eval = gsl_vector_alloc (m);
  evec = gsl_matrix_alloc (m, m);
  work = gsl_eigen_symmv_alloc (m);
  ok = gsl_eigen_symmv (corr, eval, evec, work) == 0;
  gsl_eigen_symmv_free (work);
  if (ok)
    {
      gsl_eigen_symmv_sort (eval, evec, GSL_EIGEN_SORT_VAL_DESC);
      max_eval = gsl_vector_get (eval, 0);
      for (guint k = 0; k < m; k++)
        {
          double lambda = gsl_vector_get (eval, k);

          if (k > 0 && !(lambda > 1))
            break;
          if (!(lambda > 0))
            break;
          for (guint j = 0; j < m; j++)
            {
              double v = gsl_matrix_get (evec, j, k);

              w[j] += lambda * v * v;
            }
        }
    }
  gsl_vector_free (eval);
  gsl_matrix_free (evec);
  gsl_matrix_free (corr);

  if (!ok || !(max_eval > 0) || !normalise_sum (w, m))
    return FALSE;
  for (guint j = 0; j < m; j++)
    weights[j] = w[j];
  return TRUE;
}
