/* crk-engine.c: computes CrkResults from a dataset and a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-engine.h"

#include "crk-results-private.h"
#include "crk-stats.h"
#include "crk-weights.h"

#define CACHE_SIZE 4
/* An indicator with more than this share of cities missing gets a warning. */
#define MANY_MISSING_SHARE (1.0 / 3.0)

/* G_DEFINE_QUARK names the quark after its first argument, as written */
/* clang-format off */
G_DEFINE_QUARK (crk-engine-error-quark, crk_engine_error)
/* clang-format on */

/* The normalised leaf matrix of one year for one set of pre-aggregation choices, and the
 * last aggregation made from it (so that a weight change re-aggregates only what it
 * touches). */
typedef struct
{
  char *key;
  guint year_index;
  CrkStructure *structure;
  guint n_cities;
  double *treated;     /* block, n_leaves x n_cities */
  double *normalised;  /* block, n_leaves x n_cities */
  GArray *adjustments; /* CrkAdjustment */
  GArray *warnings;    /* CrkWarning */

  gboolean agg_valid;
  double agg_availability;
  CrkWeightScheme agg_scheme;
  guint agg_entropy_variant;
  guint agg_topsis_variant;
  double **rows;          /* per node: block of an inner node's scores */
  double *weights;        /* per node: effective weight used */
  double *scheme_weights; /* per node: weight from the scheme, before overrides */
  gboolean *fallback;     /* per inner node: data-driven weights failed */
  CrkAggregation *modes;  /* per node */
} Prepared;

struct _CrkEngine
{
  GObject parent_instance;

  CrkDataset *dataset;
  gulong changed_id;
  int pending_changes; /* atomic CrkDatasetChange flags */

  GMutex lock;
  CrkStructure *structure;
  GQueue cache; /* Prepared *, most recently used first */

  /* scratch, n_cities or n_nodes long */
  guint scratch_cities;
  guint scratch_nodes;
  double *acc_a;
  double *acc_b;
  guint *acc_n;
  guint *order;
  double *values;
  gboolean *clean;
  double *raw_weights;
  const double **columns;
};

G_DEFINE_FINAL_TYPE (CrkEngine, crk_engine, G_TYPE_OBJECT)

static void
clear_warning (gpointer data)
{
  CrkWarning *warning = data;

  g_free (warning->code);
  g_free (warning->message);
}

static void
prepared_free (gpointer data)
{
  Prepared *p = data;

  if (p->rows != NULL)
    for (guint i = 0; i < p->structure->n_nodes; i++)
      g_clear_pointer (&p->rows[i], crk_block_unref);
  g_free (p->rows);
  g_free (p->weights);
  g_free (p->scheme_weights);
  g_free (p->fallback);
  g_free (p->modes);
  g_clear_pointer (&p->treated, crk_block_unref);
  g_clear_pointer (&p->normalised, crk_block_unref);
  g_clear_pointer (&p->adjustments, g_array_unref);
  g_clear_pointer (&p->warnings, g_array_unref);
  g_clear_pointer (&p->structure, crk_structure_unref);
  g_free (p->key);
  g_free (p);
}

static void
clear_cache (CrkEngine *self)
{
  Prepared *p;

  while ((p = g_queue_pop_head (&self->cache)) != NULL)
    prepared_free (p);
}

static void
on_dataset_changed (CrkDataset *dataset, guint change_flags, CrkEngine *self)
{
  g_atomic_int_or (&self->pending_changes, change_flags);
}

static void
crk_engine_dispose (GObject *object)
{
  CrkEngine *self = CRK_ENGINE (object);

  g_clear_signal_handler (&self->changed_id, self->dataset);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (crk_engine_parent_class)->dispose (object);
}

static void
crk_engine_finalize (GObject *object)
{
  CrkEngine *self = CRK_ENGINE (object);

  clear_cache (self);
  g_clear_pointer (&self->structure, crk_structure_unref);
  g_free (self->acc_a);
  g_free (self->acc_b);
  g_free (self->acc_n);
  g_free (self->order);
  g_free (self->values);
  g_free (self->clean);
  g_free (self->raw_weights);
  g_free (self->columns);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (crk_engine_parent_class)->finalize (object);
}

static void
crk_engine_class_init (CrkEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crk_engine_dispose;
  object_class->finalize = crk_engine_finalize;
}

static void
crk_engine_init (CrkEngine *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->cache);
}

/**
 * crk_engine_new:
 * @dataset: the dataset to compute
 *
 * Creates an engine bound to @dataset. The engine watches the dataset's "changed" signal
 * and keeps what it computed while the data stay the same.
 *
 * Returns: (transfer full): a new engine
 */
CrkEngine *
crk_engine_new (CrkDataset *dataset)
{
  CrkEngine *self;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);

  self = g_object_new (CRK_TYPE_ENGINE, NULL);
  self->dataset = g_object_ref (dataset);
  self->changed_id = g_signal_connect (dataset, "changed", G_CALLBACK (on_dataset_changed), self);
  return self;
}

/**
 * crk_engine_get_dataset:
 * @self: an engine
 *
 * Returns: (transfer none): the dataset
 */
CrkDataset *
crk_engine_get_dataset (CrkEngine *self)
{
  g_return_val_if_fail (CRK_IS_ENGINE (self), NULL);
  return self->dataset;
}

/**
 * crk_engine_invalidate:
 * @self: an engine
 *
 * Forgets everything computed so far; the next computation starts from the raw values.
 * Only needed after changes the dataset does not signal, and by benchmarks.
 */
void
crk_engine_invalidate (CrkEngine *self)
{
  g_return_if_fail (CRK_IS_ENGINE (self));

  g_mutex_lock (&self->lock);
  clear_cache (self);
  g_clear_pointer (&self->structure, crk_structure_unref);
  g_mutex_unlock (&self->lock);
}

const char *
crk_entropy_variant_to_string (guint variant)
{
  switch (variant)
    {
      case CRK_ENTROPY_VARIANT_SHIFTED:
        return "shifted";
      case CRK_ENTROPY_VARIANT_RESCALED:
        return "rescaled";
      default:
        return NULL;
    }
}

const char *
crk_topsis_variant_to_string (guint variant)
{
  switch (variant)
    {
      case CRK_TOPSIS_VARIANT_DIRECT:
        return "direct";
      case CRK_TOPSIS_VARIANT_VECTOR:
        return "vector";
      default:
        return NULL;
    }
}

/* Pre-aggregation */

static void
add_warning (GArray *warnings, CrkWarningKind kind, const char *code, char *message)
{
  CrkWarning warning = {kind, g_strdup (code), message};

  g_array_append_val (warnings, warning);
}

static void
add_adjustment (GArray *adjustments,
                CrkAdjustmentKind kind,
                guint city,
                guint indicator,
                double before,
                double after)
{
  CrkAdjustment adjustment = {kind, city, indicator, before, after};

  g_array_append_val (adjustments, adjustment);
}

static char *
make_key (CrkMethod *method, guint year_index)
{
  GString *key = g_string_new (NULL);
  g_auto (GStrv) overrides = crk_method_dup_normalisation_overrides (method);
  double p1, p2, skew, kurtosis;
  guint max_points;
  CrkNormalisation mode;
  const char *group = crk_method_get_impute_group (method);

  crk_method_get_treatment_params (method, &skew, &kurtosis, &max_points);
  mode = crk_method_get_normalisation (method, &p1, &p2);
  g_string_append_printf (key, "%u|%d|%d:%s|%d:%a:%a:%u|%d:%a:%a|", year_index,
                          crk_method_get_denomination (method), crk_method_get_imputation (method),
                          group != NULL ? group : "", crk_method_get_treatment (method), skew,
                          kurtosis, max_points, mode, p1, p2);
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      mode = crk_method_get_indicator_normalisation (method, overrides[i], &p1, &p2);
      g_string_append_printf (key, "%s=%d:%a:%a;", overrides[i], mode, p1, p2);
    }
  return g_string_free (key, FALSE);
}

/* Group index per city for the attribute, -1 without one; returns the number of groups. */
static guint
group_cities (CrkDataset *dataset, const char *attribute, int *group)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = crk_dataset_get_n_cities (dataset);

  for (guint i = 0; i < n; i++)
    {
      const char *value = attribute != NULL
        ? crk_city_get_attribute (crk_dataset_get_city (dataset, i), attribute)
        : NULL;
      gpointer id;

      if (value == NULL || *value == '\0')
        {
          group[i] = -1;
          continue;
        }
      if (!g_hash_table_lookup_extended (ids, value, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids));
          g_hash_table_insert (ids, (gpointer) value, id);
        }
      group[i] = GPOINTER_TO_UINT (id);
    }
  return g_hash_table_size (ids);
}

static void
impute (CrkEngine *self,
        CrkMethod *method,
        Prepared *p,
        double *x,
        guint indicator,
        const int *group,
        guint n_groups,
        double *group_values)
{
  CrkImputation mode = crk_method_get_imputation (method);
  guint n = p->n_cities;

  if (crk_stats_count (x, n) == n)
    return;

  if (mode == CRK_IMPUTATION_MEAN || mode == CRK_IMPUTATION_MEDIAN)
    {
      double value =
        mode == CRK_IMPUTATION_MEAN ? crk_stats_mean (x, n) : crk_stats_median (x, n, self->values);

      if (isnan (value))
        return;
      for (guint i = 0; i < n; i++)
        if (isnan (x[i]))
          {
            x[i] = value;
            add_adjustment (p->adjustments, CRK_ADJUSTMENT_IMPUTED, i, indicator, NAN, value);
          }
    }
  else if (mode == CRK_IMPUTATION_GROUP_MEAN || mode == CRK_IMPUTATION_GROUP_MEDIAN)
    {
      for (guint g = 0; g < n_groups; g++)
        {
          double value;

          for (guint i = 0; i < n; i++)
            self->acc_a[i] = group[i] == (int) g ? x[i] : NAN;
          value = mode == CRK_IMPUTATION_GROUP_MEAN
            ? crk_stats_mean (self->acc_a, n)
            : crk_stats_median (self->acc_a, n, self->values);
          group_values[g] = value;
        }
      for (guint i = 0; i < n; i++)
        if (isnan (x[i]) && group[i] >= 0 && !isnan (group_values[group[i]]))
          {
            x[i] = group_values[group[i]];
            add_adjustment (p->adjustments, CRK_ADJUSTMENT_IMPUTED, i, indicator, NAN, x[i]);
          }
    }
}

static gboolean
fails_rule (const double *x, guint n, double skew_limit, double kurtosis_limit, double *skew)
{
  double kurtosis;

  if (!crk_stats_skew_kurtosis (x, n, skew, &kurtosis))
    return FALSE;
  return fabs (*skew) >= skew_limit && kurtosis >= kurtosis_limit;
}

/* COINr's rule: while |skew| >= 2 and kurtosis >= 3.5, the most extreme value(s) on the
 * skewed side take the next value; at most max_points times. If it still fails, undo
 * and use ln(x - min + 0.01 (max - min)) instead. */
static void
treat (CrkEngine *self,
       CrkMethod *method,
       Prepared *p,
       double *x,
       guint indicator,
       const char *code)
{
  double skew_limit, kurtosis_limit, skew, min, max;
  guint max_points, n = p->n_cities, logged;

  crk_method_get_treatment_params (method, &skew_limit, &kurtosis_limit, &max_points);
  if (!fails_rule (x, n, skew_limit, kurtosis_limit, &skew))
    return;

  memcpy (self->values, x, n * sizeof (double));
  logged = p->adjustments->len;
  for (guint point = 0; point < max_points; point++)
    {
      double extreme, next;
      gboolean high = skew > 0, found = FALSE;

      crk_stats_min_max (x, n, &min, &max);
      extreme = high ? max : min;
      next = high ? -INFINITY : INFINITY;
      for (guint i = 0; i < n; i++)
        if (!isnan (x[i]) && x[i] != extreme && (high ? x[i] > next : x[i] < next))
          {
            next = x[i];
            found = TRUE;
          }
      if (!found)
        break;
      for (guint i = 0; i < n; i++)
        if (x[i] == extreme)
          {
            x[i] = next;
            add_adjustment (p->adjustments, CRK_ADJUSTMENT_WINSORISED, i, indicator, extreme, next);
          }
      if (!fails_rule (x, n, skew_limit, kurtosis_limit, &skew))
        return;
    }

  memcpy (x, self->values, n * sizeof (double));
  g_array_set_size (p->adjustments, logged);
  crk_stats_min_max (x, n, &min, &max);
  for (guint i = 0; i < n; i++)
    if (!isnan (x[i]))
      x[i] = log (x[i] - min + 0.01 * (max - min));
  add_adjustment (p->adjustments, CRK_ADJUSTMENT_LOG_TRANSFORMED, G_MAXUINT, indicator, min, max);
  if (fails_rule (x, n, skew_limit, kurtosis_limit, &skew))
    add_warning (
      p->warnings, CRK_WARNING_OUTLIERS_REMAIN, code,
      g_strdup_printf (_ ("Indicator “%s” still has outliers after the log transform"), code));
}

static void
normalise (CrkEngine *self,
           CrkMethod *method,
           Prepared *p,
           const double *x,
           double *y,
           CrkIndicator *indicator,
           const char *code)
{
  guint n = p->n_cities, count;
  double p1, p2, min, max;
  int d = indicator != NULL && crk_indicator_get_direction (indicator) < 0 ? -1 : 1;
  CrkNormalisation mode = crk_method_get_indicator_normalisation (method, code, &p1, &p2);
  gboolean constant;

  if (mode == CRK_NORMALISATION_INHERIT)
    mode = crk_method_get_normalisation (method, &p1, &p2);

  if (!crk_stats_min_max (x, n, &min, &max))
    {
      for (guint i = 0; i < n; i++)
        y[i] = NAN;
      return;
    }
  constant = !(max > min);

  switch ((int) mode)
    {
      case CRK_NORMALISATION_ZSCORE:
        {
          double mean = crk_stats_mean (x, n), sd = crk_stats_sd (x, n);

          constant = constant || !(sd > 0);
          for (guint i = 0; i < n; i++)
            y[i] = isnan (x[i]) ? NAN : constant ? p1 : p1 + p2 * d * (x[i] - mean) / sd;
        }
        break;

      case CRK_NORMALISATION_RANK:
      case CRK_NORMALISATION_PERCENTILE_RANK:
        count = crk_stats_count (x, n);
        for (guint i = 0; i < n; i++)
          self->acc_b[i] = d * x[i];
        if (mode == CRK_NORMALISATION_RANK)
          crk_stats_rank_average (self->acc_b, n, self->order, y);
        else
          crk_stats_rank_min (self->acc_b, n, self->order, y);
        for (guint i = 0; i < n; i++)
          if (!isnan (y[i]))
            y[i] = constant ? 50 : 100 * (y[i] - 1) / (count - 1);
        break;

      case CRK_NORMALISATION_GOALPOSTS:
        {
          double lo = indicator != NULL ? crk_indicator_get_goalpost_low (indicator) : NAN;
          double hi = indicator != NULL ? crk_indicator_get_target (indicator) : NAN;

          if (isnan (hi) && indicator != NULL)
            hi = crk_indicator_get_goalpost_high (indicator);
          if (isnan (lo) || isnan (hi) || lo == hi)
            {
              add_warning (
                p->warnings, CRK_WARNING_OTHER, code,
                g_strdup_printf (
                  _ (
                    "Indicator “%s” has no goalposts; its lowest and highest values serve instead"),
                  code));
              lo = min;
              hi = max;
            }
          else
            constant = FALSE;
          if (d < 0)
            {
              double t = lo;

              lo = hi;
              hi = t;
            }
          for (guint i = 0; i < n; i++)
            {
              if (isnan (x[i]))
                y[i] = NAN;
              else if (constant)
                y[i] = 50;
              else
                y[i] = CLAMP (100 * (x[i] - lo) / (hi - lo), 0, 100);
            }
        }
        break;

      case CRK_NORMALISATION_MINMAX:
      default:
        for (guint i = 0; i < n; i++)
          {
            if (isnan (x[i]))
              y[i] = NAN;
            else if (constant)
              y[i] = (p1 + p2) / 2;
            else
              y[i] = p1 + (d > 0 ? x[i] - min : max - x[i]) / (max - min) * (p2 - p1);
          }
        break;
    }

  if (constant)
    add_warning (
      p->warnings, CRK_WARNING_CONSTANT_INDICATOR, code,
      g_strdup_printf (
        _ ("Indicator “%s” has the same value for every city; it gets the middle of the range"),
        code));
}

static Prepared *
prepare (CrkEngine *self, CrkMethod *method, guint year_index, char *key)
{
  CrkDataset *dataset = self->dataset;
  CrkStructure *s = self->structure;
  Prepared *p = g_new0 (Prepared, 1);
  guint n = crk_dataset_get_n_cities (dataset);
  int year = crk_dataset_get_year (dataset, year_index);
  gboolean denominate = crk_method_get_denomination (method) == CRK_DENOMINATION_DATASET;
  CrkImputation imputation = crk_method_get_imputation (method);
  g_autofree int *group = NULL;
  g_autofree double *group_values = NULL;
  guint n_groups = 0;

  p->key = key;
  p->year_index = year_index;
  p->structure = crk_structure_ref (s);
  p->n_cities = n;
  p->treated = crk_block_new ((gsize) s->n_leaves * n);
  p->normalised = crk_block_new ((gsize) s->n_leaves * n);
  p->adjustments = g_array_new (FALSE, FALSE, sizeof (CrkAdjustment));
  p->warnings = g_array_new (FALSE, FALSE, sizeof (CrkWarning));
  g_array_set_clear_func (p->warnings, clear_warning);
  p->rows = g_new0 (double *, s->n_nodes);
  p->weights = g_new0 (double, s->n_nodes);
  p->scheme_weights = g_new0 (double, s->n_nodes);
  p->fallback = g_new0 (gboolean, s->n_nodes);
  p->modes = g_new0 (CrkAggregation, s->n_nodes);

  if (imputation == CRK_IMPUTATION_GROUP_MEAN || imputation == CRK_IMPUTATION_GROUP_MEDIAN)
    {
      group = g_new (int, MAX (n, 1));
      n_groups = group_cities (dataset, crk_method_get_impute_group (method), group);
      group_values = g_new (double, MAX (n_groups, 1));
    }

  for (guint k = 0; k < s->n_leaves; k++)
    {
      guint node = s->leaves[k];
      int ind = s->indicator[node];
      const char *code = crk_framework_node_get_code (s->nodes[node]);
      CrkIndicator *indicator = ind >= 0 ? crk_dataset_get_indicator (dataset, ind) : NULL;
      double *x = p->treated + (gsize) k * n;
      double *y = p->normalised + (gsize) k * n;
      guint missing;

      if (indicator == NULL)
        {
          for (guint i = 0; i < n; i++)
            x[i] = y[i] = NAN;
          add_warning (p->warnings, CRK_WARNING_OTHER, code,
                       g_strdup_printf (
                         _ ("The framework’s indicator “%s” has no values in the dataset"), code));
          continue;
        }

      if (n > 0)
        crk_dataset_get_values (dataset, ind, year_index, x);
      missing = n - crk_stats_count (x, n);
      if (n > 0 && missing > MANY_MISSING_SHARE * n)
        add_warning (p->warnings, CRK_WARNING_MANY_MISSING, code,
                     g_strdup_printf (_ ("Indicator “%s” has no value for %u of %u cities in %d"),
                                      code, missing, n, year));

      if (denominate && crk_indicator_get_denominator (indicator) != NULL)
        {
          const char *den_code = crk_indicator_get_denominator (indicator);
          CrkIndicator *den = crk_dataset_lookup_indicator (dataset, den_code);

          if (den == NULL)
            add_warning (p->warnings, CRK_WARNING_OTHER, code,
                         g_strdup_printf (
                           _ ("Indicator “%s” names the denominator “%s”, which the dataset lacks"),
                           code, den_code));
          else
            {
              /* The denominator's values go through the normalised row, filled below. */
              crk_dataset_get_values (dataset, crk_indicator_get_index (den), year_index, y);
              for (guint i = 0; i < n; i++)
                x[i] = y[i] != 0 && !isnan (y[i]) ? x[i] / y[i] : NAN;
              add_adjustment (p->adjustments, CRK_ADJUSTMENT_DENOMINATED, G_MAXUINT, ind, NAN, NAN);
            }
        }

      impute (self, method, p, x, ind, group, n_groups, group_values);
      if (crk_method_get_treatment (method) == CRK_TREATMENT_WINSORISE)
        treat (self, method, p, x, ind, code);
      normalise (self, method, p, x, y, indicator, code);
    }
  return p;
}

static void
ensure_scratch (CrkEngine *self)
{
  guint n = crk_dataset_get_n_cities (self->dataset);
  guint n_nodes = self->structure->n_nodes;

  if (self->scratch_cities != n || self->acc_a == NULL)
    {
      self->scratch_cities = n;
      n = MAX (n, 1);
      self->acc_a = g_renew (double, self->acc_a, n);
      self->acc_b = g_renew (double, self->acc_b, n);
      self->acc_n = g_renew (guint, self->acc_n, n);
      self->order = g_renew (guint, self->order, n);
      self->values = g_renew (double, self->values, n);
    }
  if (self->scratch_nodes != n_nodes || self->clean == NULL)
    {
      self->scratch_nodes = n_nodes;
      self->clean = g_renew (gboolean, self->clean, n_nodes);
      self->raw_weights = g_renew (double, self->raw_weights, n_nodes);
      self->columns = g_renew (const double *, self->columns, n_nodes);
    }
}

/* Takes the dataset's changes into account; returns FALSE without a framework. */
static gboolean
ensure_structure (CrkEngine *self, GError **error)
{
  int changes = g_atomic_int_and (&self->pending_changes, 0);

  if (changes &
      (CRK_DATASET_CHANGE_CITIES | CRK_DATASET_CHANGE_INDICATORS | CRK_DATASET_CHANGE_VALUES |
       CRK_DATASET_CHANGE_YEARS))
    clear_cache (self);
  if ((changes & (CRK_DATASET_CHANGE_FRAMEWORK | CRK_DATASET_CHANGE_INDICATORS)) ||
      self->structure == NULL)
    {
      CrkStructure *s = crk_structure_new (self->dataset, error);

      if (s == NULL)
        {
          g_clear_pointer (&self->structure, crk_structure_unref);
          clear_cache (self);
          return FALSE;
        }
      if (!crk_structure_equal (s, self->structure))
        clear_cache (self);
      g_clear_pointer (&self->structure, crk_structure_unref);
      self->structure = s;
    }
  ensure_scratch (self);
  return TRUE;
}

static Prepared *
lookup_prepared (CrkEngine *self, CrkMethod *method, guint year_index)
{
  g_autofree char *key = make_key (method, year_index);
  Prepared *p;

  for (GList *l = self->cache.head; l != NULL; l = l->next)
    {
      p = l->data;
      if (g_str_equal (p->key, key))
        {
          g_queue_unlink (&self->cache, l);
          g_queue_push_head_link (&self->cache, l);
          return p;
        }
    }
  p = prepare (self, method, year_index, g_steal_pointer (&key));
  g_queue_push_head (&self->cache, p);
  while (g_queue_get_length (&self->cache) > CACHE_SIZE)
    prepared_free (g_queue_pop_tail (&self->cache));
  return p;
}

/* Aggregation */

/* The city's name as the user reads it (else its code), for messages. */
static const char *
city_name (CrkEngine *self, guint city)
{
  return crk_city_get_display_name (crk_dataset_get_city (self->dataset, city));
}

static gboolean
aggregate_node (CrkEngine *self,
                Prepared *p,
                CrkResults *r,
                guint node,
                CrkAggregation mode,
                double availability,
                guint topsis_variant,
                const double *w,
                double *row,
                GError **error)
{
  CrkStructure *s = p->structure;
  guint n = p->n_cities, m = s->n_children[node];
  const guint *children = s->children + s->child_start[node];
  double *a = self->acc_a, *b = self->acc_b;
  guint *count = self->acc_n;
  double needed = availability > 0 ? availability * m - 1e-9 : 0;

  memset (a, 0, n * sizeof (double));
  memset (b, 0, n * sizeof (double));
  memset (count, 0, n * sizeof (guint));

  for (guint k = 0; k < m; k++)
    {
      const double *y = r->scores[children[k]];
      double wk = w[k];

      switch ((int) mode)
        {
          case CRK_AGGREGATION_GEOMETRIC:
          case CRK_AGGREGATION_HARMONIC:
            for (guint i = 0; i < n; i++)
              {
                if (isnan (y[i]))
                  continue;
                if (!(y[i] > 0))
                  {
                    g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NON_POSITIVE,
                                 mode == CRK_AGGREGATION_GEOMETRIC
                                   ? _ ("City “%s” has the score %g for “%s” in %d; the geometric "
                                        "mean of “%s” needs values above 0 (choose a normalised "
                                        "range that starts above 0, e.g. min-max to [1, 100])")
                                   : _ ("City “%s” has the score %g for “%s” in %d; the harmonic "
                                        "mean of “%s” needs values above 0 (choose a normalised "
                                        "range that starts above 0, e.g. min-max to [1, 100])"),
                                 city_name (self, i), y[i],
                                 crk_framework_node_get_display_name (s->nodes[children[k]]),
                                 crk_results_get_year (r),
                                 crk_framework_node_get_display_name (s->nodes[node]));
                    return FALSE;
                  }
                a[i] += mode == CRK_AGGREGATION_GEOMETRIC ? wk * log (y[i]) : wk / y[i];
                b[i] += wk;
                count[i]++;
              }
            break;

          case CRK_AGGREGATION_TOPSIS:
            {
              double norm = 1, best = -INFINITY, worst = INFINITY;

              if (topsis_variant == CRK_TOPSIS_VARIANT_VECTOR)
                {
                  double ss = 0;

                  for (guint i = 0; i < n; i++)
                    if (!isnan (y[i]))
                      ss += y[i] * y[i];
                  norm = ss > 0 ? sqrt (ss) : 1;
                }
              for (guint i = 0; i < n; i++)
                if (!isnan (y[i]))
                  {
                    best = MAX (best, y[i]);
                    worst = MIN (worst, y[i]);
                  }
              for (guint i = 0; i < n; i++)
                {
                  double plus, minus;

                  if (isnan (y[i]))
                    continue;
                  plus = wk * (best - y[i]) / norm;
                  minus = wk * (y[i] - worst) / norm;
                  a[i] += plus * plus;
                  b[i] += minus * minus;
                  count[i]++;
                }
            }
            break;

          case CRK_AGGREGATION_ARITHMETIC:
          default:
            for (guint i = 0; i < n; i++)
              if (!isnan (y[i]))
                {
                  a[i] += wk * y[i];
                  b[i] += wk;
                  count[i]++;
                }
            break;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      if (count[i] == 0 || count[i] < needed)
        {
          row[i] = NAN;
          continue;
        }
      switch ((int) mode)
        {
          case CRK_AGGREGATION_GEOMETRIC:
            row[i] = exp (a[i] / b[i]);
            break;
          case CRK_AGGREGATION_HARMONIC:
            row[i] = b[i] / a[i];
            break;
          case CRK_AGGREGATION_TOPSIS:
            {
              double plus = sqrt (a[i]), minus = sqrt (b[i]);

              row[i] = plus + minus > 0 ? 100 * minus / (plus + minus) : 50;
            }
            break;
          case CRK_AGGREGATION_ARITHMETIC:
          default:
            row[i] = a[i] / b[i];
            break;
        }
    }
  return TRUE;
}

/* Weights of @node's children from the scheme, into p->scheme_weights. */
static void
scheme_weights (CrkEngine *self,
                Prepared *p,
                CrkResults *r,
                guint node,
                CrkWeightScheme scheme,
                guint entropy_variant,
                gboolean reuse)
{
  CrkStructure *s = p->structure;
  guint m = s->n_children[node];
  const guint *children = s->children + s->child_start[node];
  double *w = self->raw_weights;
  gboolean ok = TRUE;

  switch ((int) scheme)
    {
      case CRK_WEIGHTS_EQUAL:
        for (guint k = 0; k < m; k++)
          p->scheme_weights[children[k]] = 1;
        p->fallback[node] = FALSE;
        return;

      case CRK_WEIGHTS_ENTROPY:
      case CRK_WEIGHTS_CRITIC:
      case CRK_WEIGHTS_PCA:
        if (reuse)
          return;
        for (guint k = 0; k < m; k++)
          self->columns[k] = r->scores[children[k]];
        if (m == 1)
          w[0] = 1;
        else if (scheme == CRK_WEIGHTS_ENTROPY)
          ok = crk_weights_entropy (self->columns, m, p->n_cities, entropy_variant, w);
        else if (scheme == CRK_WEIGHTS_CRITIC)
          ok = crk_weights_critic (self->columns, m, p->n_cities, w);
        else
          ok = crk_weights_pca (self->columns, m, p->n_cities, w);
        for (guint k = 0; k < m; k++)
          p->scheme_weights[children[k]] = ok ? w[k] : 1;
        p->fallback[node] = !ok;
        return;

      case CRK_WEIGHTS_DATASET:
      default:
        for (guint k = 0; k < m; k++)
          p->scheme_weights[children[k]] = crk_framework_node_get_weight (s->nodes[children[k]]);
        p->fallback[node] = FALSE;
        return;
    }
}

static gboolean
aggregate (CrkEngine *self, Prepared *p, CrkMethod *method, CrkResults *r, GError **error)
{
  CrkStructure *s = p->structure;
  CrkWeightScheme scheme = crk_method_get_weight_scheme (method);
  guint entropy_variant = crk_method_get_entropy_variant (method);
  guint topsis_variant = crk_method_get_topsis_variant (method);
  double availability = crk_method_get_availability (method);
  gboolean same = p->agg_valid && p->agg_scheme == scheme &&
    p->agg_entropy_variant == entropy_variant && p->agg_topsis_variant == topsis_variant &&
    p->agg_availability == availability;
  gboolean *clean = self->clean;
  double *w = self->raw_weights;

  r->weights[0] = 1;
  for (guint i = s->n_nodes; i-- > 0;)
    {
      guint m = s->n_children[i];
      const guint *children = s->children + s->child_start[i];
      CrkAggregation mode;
      gboolean children_clean = TRUE, reuse;
      double sum = 0;

      if (m == 0)
        {
          clean[i] = same;
          continue;
        }
      for (guint k = 0; k < m; k++)
        children_clean = children_clean && clean[children[k]];

      scheme_weights (self, p, r, i, scheme, entropy_variant, same && children_clean);
      if (p->fallback[i])
        crk_results_add_warning (
          r, CRK_WARNING_OTHER, crk_framework_node_get_code (s->nodes[i]),
          _ ("The data do not determine weights for these children; equal weights serve instead"));
      for (guint k = 0; k < m; k++)
        {
          double o =
            crk_method_get_weight (method, crk_framework_node_get_code (s->nodes[children[k]]));

          w[k] = isnan (o) ? p->scheme_weights[children[k]] : o;
          if (!(w[k] >= 0) || !isfinite (w[k]))
            w[k] = 0;
          sum += w[k];
        }
      if (!(sum > 0))
        {
          for (guint k = 0; k < m; k++)
            w[k] = 1;
          sum = m;
          crk_results_add_warning (
            r, CRK_WARNING_OTHER, crk_framework_node_get_code (s->nodes[i]),
            _ ("The weights of these children add up to 0; equal weights serve instead"));
        }
      for (guint k = 0; k < m; k++)
        w[k] /= sum;

      mode = crk_method_resolve_aggregation (method, crk_framework_node_get_code (s->nodes[i]),
                                             s->level[i]);
      if (mode == CRK_AGGREGATION_INHERIT)
        mode = CRK_AGGREGATION_ARITHMETIC;

      reuse = same && children_clean && p->rows[i] != NULL && p->modes[i] == mode;
      for (guint k = 0; k < m && reuse; k++)
        reuse = p->weights[children[k]] == w[k];

      for (guint k = 0; k < m; k++)
        {
          r->weights[children[k]] = w[k];
          p->weights[children[k]] = w[k];
          if (m > 1 && w[k] > 0.5 + 1e-12)
            {
              const char *code = crk_framework_node_get_code (s->nodes[children[k]]);
              g_autofree char *message =
                g_strdup_printf (_ ("“%s” has %.1f%% of the weight of “%s”"), code, 100 * w[k],
                                 crk_framework_node_get_code (s->nodes[i]));

              crk_results_add_warning (r, CRK_WARNING_DOMINANT_WEIGHT, code, message);
            }
        }
      r->aggregation[i] = mode;

      if (!reuse)
        {
          double *row = crk_block_new (p->n_cities);

          if (!aggregate_node (self, p, r, i, mode, availability, topsis_variant, w, row, error))
            {
              crk_block_unref (row);
              p->agg_valid = FALSE;
              return FALSE;
            }
          g_clear_pointer (&p->rows[i], crk_block_unref);
          p->rows[i] = row;
          p->modes[i] = mode;
        }
      clean[i] = reuse;
      r->scores[i] = p->rows[i];
      g_ptr_array_add (r->blocks, crk_block_ref (p->rows[i]));
    }

  p->agg_valid = TRUE;
  p->agg_scheme = scheme;
  p->agg_entropy_variant = entropy_variant;
  p->agg_topsis_variant = topsis_variant;
  p->agg_availability = availability;
  return TRUE;
}

/* Ranks, groups, tiers */

static void
rank_groups (CrkEngine *self, CrkResults *r, const char *attribute)
{
  g_autofree int *group = NULL;
  g_autofree guint *seen = NULL;
  g_autofree double *last_score = NULL;
  g_autofree guint *last_rank = NULL;
  guint n_groups;

  if (attribute == NULL)
    return;
  group = g_new (int, MAX (r->n_cities, 1));
  n_groups = group_cities (self->dataset, attribute, group);
  seen = g_new0 (guint, MAX (n_groups, 1));
  last_score = g_new (double, MAX (n_groups, 1));
  last_rank = g_new0 (guint, MAX (n_groups, 1));
  for (guint k = 0; k < r->n_ranked; k++)
    {
      guint city = r->order[k];
      int g = group[city];
      double score = r->scores[0][city];

      if (g < 0)
        continue;
      seen[g]++;
      if (seen[g] == 1 || score != last_score[g])
        last_rank[g] = seen[g];
      last_score[g] = score;
      r->group_rank[city] = last_rank[g];
    }
}

static void
assign_tiers (CrkResults *r, CrkMethod *method)
{
  CrkTierRule rule = crk_method_get_tier_rule (method);
  guint n_tiers = crk_method_get_n_tiers (method);

  if (rule == CRK_TIER_RULE_NONE || n_tiers == 0)
    return;
  for (guint k = 0; k < r->n_ranked; k++)
    {
      guint city = r->order[k], rank = r->rank[city];
      double score = r->scores[0][city];
      int tier = -1;

      if (rule == CRK_TIER_RULE_QUANTILES)
        tier = (int) ((guint64) (rank - 1) * n_tiers / r->n_ranked);
      else
        for (guint t = 0; t < n_tiers && tier < 0; t++)
          {
            double bound = crk_method_get_tier (method, t)->bound;

            if (rule == CRK_TIER_RULE_RANK_BANDS ? (bound <= 0 || rank <= bound) : score >= bound)
              tier = t;
          }
      r->tier[city] = tier;
    }
}

/* The deepest node where the city lost its score for want of children with values. */
static int
find_short_node (CrkStructure *s, CrkResults *r, guint city, guint *present)
{
  for (guint i = s->n_nodes; i-- > 0;)
    {
      guint m = s->n_children[i], count = 0;

      if (m == 0 || !isnan (r->scores[i][city]))
        continue;
      for (guint k = 0; k < m; k++)
        count += !isnan (r->scores[s->children[s->child_start[i] + k]][city]);
      if (count > 0)
        {
          *present = count;
          return i;
        }
    }
  return -1;
}

static void
explain_unranked (CrkEngine *self, Prepared *p, CrkResults *r, double availability)
{
  CrkStructure *s = p->structure;
  guint n = p->n_cities;

  for (guint i = 0; i < n; i++)
    {
      guint present = 0;
      int node;

      if (r->rank[i] != 0)
        continue;
      for (guint k = 0; k < s->n_leaves; k++)
        present += !isnan (p->normalised[(gsize) k * n + i]);
      node = present > 0 ? find_short_node (s, r, i, &present) : -1;
      if (node >= 0)
        r->reason[i] =
          g_strdup_printf (_ ("too little data in %d: %u of the %u parts of “%s” have values, and "
                              "the method requires %g%%"),
                           r->year, present, s->n_children[node],
                           crk_framework_node_get_code (s->nodes[node]), 100 * availability);
      else if (present == 0)
        r->reason[i] = g_strdup_printf (_ ("no data in %d"), r->year);
      else
        r->reason[i] = g_strdup_printf (_ ("no index score in %d"), r->year);
    }
}

static CrkResults *
compute_year (CrkEngine *self, CrkMethod *method, guint year_index, GError **error)
{
  Prepared *p = lookup_prepared (self, method, year_index);
  CrkStructure *s = p->structure;
  g_autoptr (CrkResults) r = NULL;
  guint n = p->n_cities;

  r = crk_results_new_internal (self->dataset, method,
                                crk_dataset_get_year (self->dataset, year_index), s, n);
  g_ptr_array_add (r->blocks, crk_block_ref (p->normalised));
  g_ptr_array_add (r->blocks, crk_block_ref (p->treated));
  for (guint k = 0; k < s->n_leaves; k++)
    {
      r->scores[s->leaves[k]] = p->normalised + (gsize) k * n;
      r->treated[s->leaves[k]] = p->treated + (gsize) k * n;
    }
  g_array_append_vals (r->adjustments, p->adjustments->data, p->adjustments->len);
  for (guint k = 0; k < p->warnings->len; k++)
    {
      CrkWarning *w = &g_array_index (p->warnings, CrkWarning, k);

      crk_results_add_warning (r, w->kind, w->code, w->message);
    }

  if (!aggregate (self, p, method, r, error))
    return NULL;

  r->n_ranked = crk_stats_rank_desc (r->scores[0], n, r->order, r->rank);
  rank_groups (self, r, crk_method_get_group_attribute (method));
  assign_tiers (r, method);
  explain_unranked (self, p, r, crk_method_get_availability (method));
  return g_steal_pointer (&r);
}

static CrkResults *
compute_locked (CrkEngine *self, CrkMethod *method, int year, GError **error)
{
  g_autoptr (CrkMethod) copy = NULL;
  g_autoptr (CrkResults) results = NULL;
  int year_index, base_year;

  if (!ensure_structure (self, error))
    return NULL;

  if (year == 0)
    year = crk_dataset_get_latest_year (self->dataset);
  year_index = crk_dataset_lookup_year (self->dataset, year);
  if (year_index < 0)
    {
      g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NO_YEAR,
                   _ ("The dataset has no values for the year %d"), year);
      return NULL;
    }

  copy = crk_method_copy (method != NULL ? method : crk_dataset_get_method (self->dataset));
  results = compute_year (self, copy, year_index, error);
  if (results == NULL)
    return NULL;

  base_year = crk_method_get_base_year (copy);
  if (base_year != 0 && base_year != year)
    {
      int base_index = crk_dataset_lookup_year (self->dataset, base_year);
      g_autoptr (CrkResults) base = NULL;
      g_autoptr (GError) local_error = NULL;

      if (base_index >= 0)
        base = compute_year (self, copy, base_index, &local_error);
      if (base == NULL)
        {
          g_autofree char *message = local_error != NULL
            ? g_strdup_printf (_ ("The base year %d cannot be computed: %s"), base_year,
                               local_error->message)
            : g_strdup_printf (_ ("The dataset has no values for the base year %d"), base_year);

          crk_results_add_warning (results, CRK_WARNING_OTHER, NULL, message);
        }
      else
        {
          guint n = results->n_cities;

          results->has_base = TRUE;
          results->base_year = base_year;
          results->base_rank = g_memdup2 (base->rank, MAX (n, 1) * sizeof (guint));
          results->base_score = g_new (double, MAX (n, 1));
          memcpy (results->base_score, base->scores[0], n * sizeof (double));
        }
    }
  return g_steal_pointer (&results);
}

/**
 * crk_engine_compute:
 * @self: an engine
 * @method: (nullable): the method, or %NULL for the dataset's
 * @year: a calendar year, 0 for the latest
 * @error: return location for an error
 *
 * Computes scores, ranks, tiers and the rest for one year. The engine keeps the
 * normalised values for the method's pre-aggregation choices, so a later call that
 * changes only weights or aggregation re-aggregates only the nodes it affects.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
CrkResults *
crk_engine_compute (CrkEngine *self, CrkMethod *method, int year, GError **error)
{
  CrkResults *results;

  g_return_val_if_fail (CRK_IS_ENGINE (self), NULL);
  g_return_val_if_fail (method == NULL || CRK_IS_METHOD (method), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  results = compute_locked (self, method, year, error);
  g_mutex_unlock (&self->lock);
  return results;
}

typedef struct
{
  CrkMethod *method;
  int year;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_clear_object (&d->method);
  g_free (d);
}

static void
compute_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ComputeData *d = task_data;
  GError *error = NULL;
  CrkResults *results;

  results = crk_engine_compute (CRK_ENGINE (source_object), d->method, d->year, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, g_object_unref);
}

/**
 * crk_engine_compute_async:
 * @self: an engine
 * @method: (nullable): the method (copied now), or %NULL for the dataset's
 * @year: a calendar year, 0 for the latest
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Computes in a worker thread. The dataset must not be edited until @callback runs.
 */
void
crk_engine_compute_async (CrkEngine *self,
                          CrkMethod *method,
                          int year,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ComputeData *d;

  g_return_if_fail (CRK_IS_ENGINE (self));
  g_return_if_fail (method == NULL || CRK_IS_METHOD (method));

  d = g_new0 (ComputeData, 1);
  d->method = crk_method_copy (method != NULL ? method : crk_dataset_get_method (self->dataset));
  d->year = year;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crk_engine_compute_async);
  g_task_set_task_data (task, d, compute_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * crk_engine_compute_finish:
 * @self: an engine
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
CrkResults *
crk_engine_compute_finish (CrkEngine *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (CRK_IS_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * crk_compute:
 * @dataset: a dataset
 * @method: (nullable): the method, or %NULL for the dataset's
 * @year: a calendar year, 0 for the latest
 * @error: return location for an error
 *
 * One-shot computation with a temporary engine.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
CrkResults *
crk_compute (CrkDataset *dataset, CrkMethod *method, int year, GError **error)
{
  g_autoptr (CrkEngine) engine = NULL;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);
  engine = crk_engine_new (dataset);
  return crk_engine_compute (engine, method, year, error);
}
