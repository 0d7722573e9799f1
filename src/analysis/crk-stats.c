/* crk-stats.c: small statistics the engine needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "crk-stats.h"

guint
crk_stats_count (const double *x, guint n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += !isnan (x[i]);
  return count;
}

double
crk_stats_mean (const double *x, guint n)
{
  double sum = 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      {
        sum += x[i];
        count++;
      }
  return count > 0 ? sum / count : NAN;
}

double
crk_stats_sd (const double *x, guint n)
{
  double mean = crk_stats_mean (x, n);
  double ss = 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      {
        ss += (x[i] - mean) * (x[i] - mean);
        count++;
      }
  return count > 1 ? sqrt (ss / (count - 1)) : NAN;
}

gboolean
crk_stats_min_max (const double *x, guint n, double *min, double *max)
{
  double lo = INFINITY, hi = -INFINITY;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      {
        if (x[i] < lo)
          lo = x[i];
        if (x[i] > hi)
          hi = x[i];
        any = TRUE;
      }
  *min = any ? lo : NAN;
  *max = any ? hi : NAN;
  return any;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
crk_stats_median (const double *x, guint n, double *scratch)
{
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      scratch[m++] = x[i];
  if (m == 0)
    return NAN;
  qsort (scratch, m, sizeof (double), compare_double);
  if (m % 2 == 1)
    return scratch[m / 2];
  return (scratch[m / 2 - 1] + scratch[m / 2]) / 2;
}

gboolean
crk_stats_skew_kurtosis (const double *x, guint n, double *skew, double *kurtosis)
{
  double mean = crk_stats_mean (x, n);
  double m2 = 0, m3 = 0, m4 = 0;
  double c, g1, g2;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      {
        double d = x[i] - mean, d2 = d * d;

        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
        count++;
      }
  if (count < 4 || m2 <= 0)
    return FALSE;
  c = count;
  m2 /= c;
  m3 /= c;
  m4 /= c;
  g1 = m3 / pow (m2, 1.5);
  g2 = m4 / (m2 * m2) - 3;
  *skew = g1 * sqrt (c * (c - 1)) / (c - 2);
  *kurtosis = ((c + 1) * g2 + 6) * (c - 1) / ((c - 2) * (c - 3));
  return TRUE;
}

typedef struct
{
  const double *x;
  int sign;
} SortContext;

/* Ascending by sign * x, NAN last, ties by index (the sort is stable). */
static int
compare_index (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const SortContext *ctx = user_data;
  double x = ctx->x[*(const guint *) a], y = ctx->x[*(const guint *) b];

  if (isnan (x) || isnan (y))
    return isnan (x) - isnan (y);
  x *= ctx->sign;
  y *= ctx->sign;
  return (x > y) - (x < y);
}

static guint
sort_present (const double *x, guint n, int sign, guint *order)
{
  SortContext ctx = {x, sign};
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      order[m++] = i;
  g_qsort_with_data (order, m, sizeof (guint), compare_index, &ctx);
  return m;
}

guint
crk_stats_rank_desc (const double *x, guint n, guint *order, guint *ranks)
{
  guint m = sort_present (x, n, -1, order);

  for (guint i = 0; i < n; i++)
    ranks[i] = 0;
  for (guint k = 0; k < m; k++)
    {
      if (k > 0 && x[order[k]] == x[order[k - 1]])
        ranks[order[k]] = ranks[order[k - 1]];
      else
        ranks[order[k]] = k + 1;
    }
  return m;
}

static void
rank_ascending (const double *x, guint n, guint *order, double *ranks, gboolean average)
{
  guint m = sort_present (x, n, 1, order);

  for (guint i = 0; i < n; i++)
    if (isnan (x[i]))
      ranks[i] = NAN;
  for (guint k = 0; k < m;)
    {
      guint j = k;
      double r;

      while (j + 1 < m && x[order[j + 1]] == x[order[k]])
        j++;
      r = average ? (k + j) / 2.0 + 1 : k + 1;
      for (guint t = k; t <= j; t++)
        ranks[order[t]] = r;
      k = j + 1;
    }
}

void
crk_stats_rank_average (const double *x, guint n, guint *order, double *ranks)
{
  rank_ascending (x, n, order, ranks, TRUE);
}

void
crk_stats_rank_min (const double *x, guint n, guint *order, double *ranks)
{
  rank_ascending (x, n, order, ranks, FALSE);
}

double
crk_stats_pearson (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]) && !isnan (y[i]))
      {
        mx += x[i];
        my += y[i];
        count++;
      }
  if (count < 2)
    return NAN;
  mx /= count;
  my /= count;
  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]) && !isnan (y[i]))
      {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
      }
  if (sxx <= 0 || syy <= 0)
    return NAN;
  return sxy / sqrt (sxx * syy);
}

double
crk_stats_spearman (const double *x, const double *y, guint n)
{
  g_autofree double *cx = g_new (double, n);
  g_autofree double *cy = g_new (double, n);
  g_autofree double *rx = g_new (double, n);
  g_autofree double *ry = g_new (double, n);
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      gboolean both = !isnan (x[i]) && !isnan (y[i]);

      cx[i] = both ? x[i] : NAN;
      cy[i] = both ? y[i] : NAN;
    }
  crk_stats_rank_average (cx, n, order, rx);
  crk_stats_rank_average (cy, n, order, ry);
  return crk_stats_pearson (rx, ry, n);
}

double
crk_stats_kendall (const double *x, const double *y, guint n)
{
  double concordant = 0, discordant = 0, ties_x = 0, ties_y = 0;

  for (guint i = 0; i < n; i++)
    {
      if (isnan (x[i]) || isnan (y[i]))
        continue;
      for (guint j = i + 1; j < n; j++)
        {
          double dx, dy;

          if (isnan (x[j]) || isnan (y[j]))
            continue;
          dx = x[i] - x[j];
          dy = y[i] - y[j];
          if (dx == 0 && dy == 0)
            continue;
          else if (dx == 0)
            ties_x++;
          else if (dy == 0)
            ties_y++;
          else if ((dx > 0) == (dy > 0))
            concordant++;
          else
            discordant++;
        }
    }
  if (concordant + discordant + ties_x == 0 || concordant + discordant + ties_y == 0)
    return NAN;
  return (concordant - discordant) /
    sqrt ((concordant + discordant + ties_x) * (concordant + discordant + ties_y));
}
