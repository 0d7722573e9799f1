/* crk-chart-scale.c: the value axis of a chart, taken from the values it shows, and the
 * words that say what scale the scores are on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores are on the scale the method's normalisation gives them: 0 to 100 by default, but
 * z-scores around 0 and min-max to any range are as legitimate. A chart never assumes
 * 0-100: its axis covers the values drawn, with 0 inside, and its subtitle names the
 * normalisation (crk_chart_dup_scale_text()).
 */
#define G_LOG_DOMAIN "crk-chart-scale"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-chart-private.h"
#include "crk-model.h"

/* Limits and step for @n_steps steps exactly (radar rings): the smallest round step
 * ({1, 1.5, 2, 2.5, 3, 4, 5, 6, 8} x 10^k) whose @n_steps steps from a multiple of it
 * at or below @lo reach @hi. */
static void
exact_scale (double lo, double hi, guint n_steps, CrkChartAxis *out)
{
  static const double mantissas[] = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
  double raw = (hi - lo) / n_steps;
  double mag = pow (10, floor (log10 (raw)));

  for (guint e = 0; e < 3; e++, mag *= 10)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double s = mantissas[m] * mag;
        double start;

        if (s < raw * (1 - 1e-9))
          continue;
        start = floor (lo / s + 1e-9) * s;
        if (start + n_steps * s >= hi - 1e-9 * s)
          {
            out->lo = start;
            out->hi = start + n_steps * s;
            out->step = s;
            return;
          }
      }
  /* Not reached: 10 x 10^k steps from a multiple at or below lo always suffice. */
  out->lo = lo;
  out->hi = hi;
  out->step = (hi - lo) / n_steps;
}

/* Limits and step for about @target steps: of the steps {1, 2, 2.5, 5} x 10^k, the one
 * giving a number of steps near @target without leaving much of the axis empty. */
static void
loose_scale (double lo, double hi, guint target, CrkChartAxis *out)
{
  static const double mantissas[] = {1, 2, 2.5, 5};
  double raw = (hi - lo) / target;
  double mag = pow (10, floor (log10 (raw)) - 1);
  double best_cost = G_MAXDOUBLE;

  for (guint e = 0; e < 3; e++, mag *= 10)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double s = mantissas[m] * mag;
        double start = floor (lo / s + 1e-9) * s, end = ceil (hi / s - 1e-9) * s;
        double count = round ((end - start) / s);
        double waste = (end - start) / (hi - lo) - 1;
        double cost = fabs (count - target) / target + 2 * waste;

        if (count < 1)
          continue;
        if (cost < best_cost)
          {
            best_cost = cost;
            out->lo = start;
            out->hi = end;
            out->step = s;
          }
      }
}

/**
 * crk_chart_scale_for:
 * @min: the smallest value shown (NAN when none)
 * @max: the largest value shown (NAN when none)
 * @n_steps: how many steps (ticks, rings) the axis should have
 * @exact: exactly @n_steps steps (the radar's rings), else about as many
 * @out: (out): the axis; its positions are left at 0
 *
 * An axis covering [@min, @max] and 0, from round limits in round steps: 0 is always a
 * limit or a tick, so bars start from it and the radar marks it.
 */
void
crk_chart_scale_for (double min, double max, guint n_steps, gboolean exact, CrkChartAxis *out)
{
  double lo = 0, hi = 0;

  *out = (CrkChartAxis){0};
  out->min = min;
  out->max = max;
  if (!isnan (min) && isfinite (min))
    lo = MIN (0, min);
  if (!isnan (max) && isfinite (max))
    hi = MAX (0, max);
  if (!(hi > lo))
    hi = lo + 1;
  n_steps = MAX (n_steps, 1);
  if (exact)
    exact_scale (lo, hi, n_steps, out);
  else
    loose_scale (lo, hi, n_steps, out);
  if (fabs (out->lo) < out->step * 1e-9)
    out->lo = 0;
  if (fabs (out->hi) < out->step * 1e-9)
    out->hi = 0;
}

static void
extend (double value, double *min, double *max)
{
  if (isnan (value) || !isfinite (value))
    return;
  *min = isnan (*min) ? value : MIN (*min, value);
  *max = isnan (*max) ? value : MAX (*max, value);
}

/**
 * crk_chart_radar_scale:
 * @data: a radar's data
 * @options: its options
 * @out: (out): the rings' scale
 *
 * The radar's scale: the values of the cities shown and of the benchmark on every axis,
 * and the range @options asks for (scale_min, scale_max), in options->n_rings rings.
 */
void
crk_chart_radar_scale (const CrkChartData *data, const CrkChartOptions *options, CrkChartAxis *out)
{
  double min = NAN, max = NAN;

  for (guint s = 0; s < MIN (data->n_series, CRK_CHART_MAX_RADAR_SERIES); s++)
    for (guint i = 0; i < data->n_axes; i++)
      extend (data->series[s].values[i], &min, &max);
  for (guint i = 0; data->benchmark != NULL && i < data->n_axes; i++)
    extend (data->benchmark[i], &min, &max);
  extend (options->scale_min, &min, &max);
  extend (options->scale_max, &min, &max);
  crk_chart_scale_for (min, max, CLAMP (options->n_rings, 2, 10), TRUE, out);
}

/**
 * crk_chart_bar_scale:
 * @data: a ranked bar or contribution chart's data
 * @target: about how many ticks
 * @out: (out): the value axis
 *
 * The bars' axis: every bar from 0 (a stack: its positive parts right of 0, its negative
 * parts left), and the mean and median lines when they are shown.
 */
void
crk_chart_bar_scale (const CrkChartData *data, guint target, CrkChartAxis *out)
{
  double min = NAN, max = NAN;

  for (guint i = 0; i < data->n_rows; i++)
    {
      const CrkChartRow *row = &data->rows[i];

      if (row->parts != NULL)
        {
          double pos = 0, neg = 0;
          gboolean any = FALSE;

          for (guint j = 0; j < data->n_axes; j++)
            if (!isnan (row->parts[j]))
              {
                any = TRUE;
                if (row->parts[j] >= 0)
                  pos += row->parts[j];
                else
                  neg += row->parts[j];
              }
          if (any)
            {
              extend (pos, &min, &max);
              extend (neg, &min, &max);
            }
        }
      else
        extend (row->value, &min, &max);
    }
  if (data->kind == CRK_CHART_BAR)
    {
      extend (data->mean, &min, &max);
      extend (data->median, &min, &max);
    }
  crk_chart_scale_for (min, max, target, FALSE, out);
}

/* What a score is: the normalisation of an indicator, or TOPSIS closeness. */
typedef enum
{
  SCALE_NONE = -2, /* no score (a node without indicators) */
  SCALE_TOPSIS = -3,
} ScaleExtra;

typedef struct
{
  int kind; /* CrkNormalisation, or a ScaleExtra */
  double p1, p2;
} Scale;

static gboolean
scale_equal (const Scale *a, const Scale *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == CRK_NORMALISATION_MINMAX || a->kind == CRK_NORMALISATION_ZSCORE)
    return a->p1 == b->p1 && a->p2 == b->p2;
  return TRUE;
}

static void
add_scale (GArray *scales, const Scale *scale)
{
  if (scale->kind == SCALE_NONE)
    return;
  for (guint i = 0; i < scales->len; i++)
    if (scale_equal (&g_array_index (scales, Scale, i), scale))
      return;
  g_array_append_vals (scales, scale, 1);
}

/* The scales of the scores under @node: the normalisations of its indicators, except
 * where a TOPSIS node makes its own 0-100 closeness. */
static void
collect_scales (CrkResults *results, CrkMethod *method, CrkFrameworkNode *node, GArray *scales)
{
  const char *code = crk_framework_node_get_code (node);
  guint level = crk_dataset_get_node_level (crk_results_get_dataset (results), node);

  if (crk_framework_node_is_leaf (node))
    {
      Scale s = {SCALE_NONE, 0, 0};

      s.kind = crk_method_get_indicator_normalisation (method, code, &s.p1, &s.p2);
      if (s.kind == CRK_NORMALISATION_INHERIT)
        s.kind = crk_method_get_normalisation (method, &s.p1, &s.p2);
      add_scale (scales, &s);
      return;
    }
  if (crk_method_resolve_aggregation (method, code, level) == CRK_AGGREGATION_TOPSIS)
    {
      Scale s = {SCALE_TOPSIS, 0, 100};

      add_scale (scales, &s);
      return;
    }
  for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
    collect_scales (results, method, crk_framework_node_get_child (node, i), scales);
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%g", value);
  if (buf[0] == '-')
    return g_strdup_printf ("−%s", buf + 1);
  return g_strdup (buf);
}

/* The scale in full, as a sentence of its own. */
static char *
scale_sentence (const Scale *s)
{
  g_autofree char *a = format_number (s->p1);
  g_autofree char *b = format_number (s->p2);

  switch (s->kind)
    {
      case CRK_NORMALISATION_ZSCORE:
        return g_strdup_printf (_ ("z-scores (mean %s, standard deviation %s), higher is better"),
                                a, b);
      case CRK_NORMALISATION_RANK:
        return g_strdup (_ ("Ranks scaled from 0 (lowest) to 100 (highest), higher is better"));
      case CRK_NORMALISATION_PERCENTILE_RANK:
        return g_strdup (_ ("Percentile ranks from 0 to 100, higher is better"));
      case CRK_NORMALISATION_GOALPOSTS:
        return g_strdup (_ ("Scores from 0 (a goalpost) to 100 (the target), higher is better"));
      case SCALE_TOPSIS:
        return g_strdup (_ ("Closeness to the ideal from 0 to 100, higher is better"));
      case CRK_NORMALISATION_MINMAX:
      default:
        if (s->p1 == 0 && s->p2 == 100)
          return g_strdup (_ ("Scores from 0 to 100, higher is better"));
        return g_strdup_printf (_ ("Scores from %s to %s, higher is better"), a, b);
    }
}

/* The scale in a word or two, for a list of mixed scales. */
static char *
scale_name (const Scale *s)
{
  g_autofree char *a = format_number (s->p1);
  g_autofree char *b = format_number (s->p2);

  switch (s->kind)
    {
      case CRK_NORMALISATION_ZSCORE:
        return g_strdup_printf (_ ("z-scores (mean %s, standard deviation %s)"), a, b);
      case CRK_NORMALISATION_RANK:
        return g_strdup (_ ("ranks scaled 0–100"));
      case CRK_NORMALISATION_PERCENTILE_RANK:
        return g_strdup (_ ("percentile ranks 0–100"));
      case CRK_NORMALISATION_GOALPOSTS:
        return g_strdup (_ ("goalposts 0–100"));
      case SCALE_TOPSIS:
        return g_strdup (_ ("TOPSIS closeness 0–100"));
      case CRK_NORMALISATION_MINMAX:
      default:
        return g_strdup_printf (_ ("%s to %s"), a, b);
    }
}

static GArray *
scales_of (CrkResults *results, const int *nodes, guint n_nodes)
{
  CrkMethod *method = crk_results_get_method (results);
  GArray *scales = g_array_new (FALSE, FALSE, sizeof (Scale));

  for (guint i = 0; i < n_nodes; i++)
    {
      if (nodes[i] < 0 || (guint) nodes[i] >= crk_results_get_n_nodes (results))
        continue;
      collect_scales (results, method, crk_results_get_node (results, (guint) nodes[i]), scales);
    }
  return scales;
}

/* The scales' short names, listed. */
static char *
join_names (GArray *scales)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < scales->len; i++)
    {
      g_autofree char *name = scale_name (&g_array_index (scales, Scale, i));

      if (i > 0)
        g_string_append (list, _ (", "));
      g_string_append (list, name);
    }
  return g_string_free (list, FALSE);
}

/**
 * crk_chart_dup_scale_name:
 * @results: results
 * @nodes: node indices of the scores shown
 * @n_nodes: how many
 *
 * The short form of crk_chart_dup_scale_text(), for notes: "0 to 100", "z-scores (mean
 * 0, standard deviation 1)", "mixed scales (...)".
 *
 * Returns: (transfer full) (nullable): the text, NULL when no node has a score
 */
char *
crk_chart_dup_scale_name (CrkResults *results, const int *nodes, guint n_nodes)
{
  g_autoptr (GArray) scales = scales_of (results, nodes, n_nodes);
  g_autofree char *joined = NULL;

  if (scales->len == 0)
    return NULL;
  if (scales->len == 1)
    return scale_name (&g_array_index (scales, Scale, 0));
  joined = join_names (scales);
  return g_strdup_printf (_ ("mixed scales (%s)"), joined);
}

/**
 * crk_chart_dup_scale_text:
 * @results: results
 * @nodes: node indices of the scores a chart shows
 * @n_nodes: how many
 *
 * Says what scale the scores of @nodes are on, from the method's normalisation (with its
 * per-indicator overrides) and TOPSIS aggregation: "Scores from 0 to 100, higher is
 * better", "z-scores (mean 0, standard deviation 1), higher is better", ..., or "Mixed
 * scales: ..." when the indicators are normalised in different ways.
 *
 * Returns: (transfer full) (nullable): the text, NULL when no node has a score
 */
char *
crk_chart_dup_scale_text (CrkResults *results, const int *nodes, guint n_nodes)
{
  g_autoptr (GArray) scales = scales_of (results, nodes, n_nodes);
  g_autofree char *joined = NULL;

  if (scales->len == 0)
    return NULL;
  if (scales->len == 1)
    return scale_sentence (&g_array_index (scales, Scale, 0));
  joined = join_names (scales);
  return g_strdup_printf (_ ("Mixed scales: %s; higher is better"), joined);
}
