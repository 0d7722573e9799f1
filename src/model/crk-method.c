/* crk-method.c: every choice that turns raw values into scores and ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-method"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-method.h"

typedef struct
{
  CrkNormalisation mode;
  double param1;
  double param2;
} NormOverride;

struct _CrkMethod
{
  GObject parent_instance;

  CrkDenomination denomination;
  CrkImputation imputation;
  char *impute_group;
  CrkTreatment treatment;
  double skew;
  double kurtosis;
  guint max_points;
  CrkNormalisation normalisation;
  double norm_param1;
  double norm_param2;
  GHashTable *norm_overrides; /* code -> NormOverride */
  CrkWeightScheme weight_scheme;
  guint entropy_variant;
  guint topsis_variant;
  GHashTable *weights; /* code -> double* */
  CrkAggregation aggregation;
  GHashTable *level_aggs; /* GUINT_TO_POINTER (level) -> GINT_TO_POINTER (mode) */
  GHashTable *node_aggs;  /* code -> GINT_TO_POINTER (mode) */
  double availability;
  CrkTierRule tier_rule;
  GArray *tiers; /* CrkTier */
  int base_year;
  char *group_attribute;

  guint freeze_count;
  gboolean pending;
};

G_DEFINE_FINAL_TYPE (CrkMethod, crk_method, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tier_clear (gpointer data)
{
  CrkTier *tier = data;

  g_free (tier->name);
  g_free (tier->name_zh);
}

static void
crk_method_finalize (GObject *object)
{
  CrkMethod *self = (CrkMethod *) object;

  g_free (self->impute_group);
  g_free (self->group_attribute);
  g_clear_pointer (&self->norm_overrides, g_hash_table_unref);
  g_clear_pointer (&self->weights, g_hash_table_unref);
  g_clear_pointer (&self->level_aggs, g_hash_table_unref);
  g_clear_pointer (&self->node_aggs, g_hash_table_unref);
  g_clear_pointer (&self->tiers, g_array_unref);

  G_OBJECT_CLASS (crk_method_parent_class)->finalize (object);
}

static void
crk_method_class_init (CrkMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crk_method_finalize;

  /**
   * CrkMethod::changed:
   * @self: the method
   *
   * Emitted once per setter call that changed something, or once at the last
   * crk_method_thaw() after changes while frozen.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
reset_defaults (CrkMethod *self)
{
  self->denomination = CRK_DENOMINATION_NONE;
  self->imputation = CRK_IMPUTATION_NONE;
  g_clear_pointer (&self->impute_group, g_free);
  self->treatment = CRK_TREATMENT_NONE;
  self->skew = 2.0;
  self->kurtosis = 3.5;
  self->max_points = 5;
  self->normalisation = CRK_NORMALISATION_MINMAX;
  self->norm_param1 = 0.0;
  self->norm_param2 = 100.0;
  self->weight_scheme = CRK_WEIGHTS_DATASET;
  self->entropy_variant = 0;
  self->topsis_variant = 0;
  self->aggregation = CRK_AGGREGATION_ARITHMETIC;
  self->availability = 0.0;
  self->tier_rule = CRK_TIER_RULE_NONE;
  self->base_year = 0;
  g_clear_pointer (&self->group_attribute, g_free);
}

static void
crk_method_init (CrkMethod *self)
{
  self->norm_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->level_aggs = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->node_aggs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tiers = g_array_new (FALSE, TRUE, sizeof (CrkTier));
  g_array_set_clear_func (self->tiers, tier_clear);
  reset_defaults (self);
}

static void
changed (CrkMethod *self)
{
  if (self->freeze_count > 0)
    {
      self->pending = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Equal for parameters: NAN equals NAN. */
static gboolean
same_double (double a, double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/**
 * crk_method_new:
 *
 * Returns: (transfer full): the default method (see crk-method.h)
 */
CrkMethod *
crk_method_new (void)
{
  return g_object_new (CRK_TYPE_METHOD, NULL);
}

/**
 * crk_method_copy:
 * @self: a method
 *
 * Returns: (transfer full): an independent method equal to @self
 */
CrkMethod *
crk_method_copy (CrkMethod *self)
{
  CrkMethod *copy;

  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);

  copy = crk_method_new ();
  crk_method_assign (copy, self);
  return copy;
}

static gboolean
norm_tables_equal (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      NormOverride *x = value;
      NormOverride *y = g_hash_table_lookup (b, key);

      if (y == NULL || x->mode != y->mode || !same_double (x->param1, y->param1) ||
          !same_double (x->param2, y->param2))
        return FALSE;
    }
  return TRUE;
}

static gboolean
weight_tables_equal (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *y = g_hash_table_lookup (b, key);

      if (y == NULL || !same_double (*(double *) value, *y))
        return FALSE;
    }
  return TRUE;
}

/* For tables whose values are GINT_TO_POINTER. */
static gboolean
int_tables_equal (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value, other;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_lookup_extended (b, key, NULL, &other) || other != value)
      return FALSE;
  return TRUE;
}

static gboolean
tiers_equal (GArray *a, GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CrkTier *x = &g_array_index (a, CrkTier, i);
      const CrkTier *y = &g_array_index (b, CrkTier, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->name_zh, y->name_zh) != 0 ||
          !same_double (x->bound, y->bound))
        return FALSE;
    }
  return TRUE;
}

/**
 * crk_method_equal:
 * @a: a method
 * @b: another method
 *
 * Returns: %TRUE when every setting of @a and @b is the same
 */
gboolean
crk_method_equal (CrkMethod *a, CrkMethod *b)
{
  g_return_val_if_fail (CRK_IS_METHOD (a), FALSE);
  g_return_val_if_fail (CRK_IS_METHOD (b), FALSE);

  if (a == b)
    return TRUE;

  return a->denomination == b->denomination && a->imputation == b->imputation &&
    g_strcmp0 (a->impute_group, b->impute_group) == 0 && a->treatment == b->treatment &&
    same_double (a->skew, b->skew) && same_double (a->kurtosis, b->kurtosis) &&
    a->max_points == b->max_points && a->normalisation == b->normalisation &&
    same_double (a->norm_param1, b->norm_param1) && same_double (a->norm_param2, b->norm_param2) &&
    norm_tables_equal (a->norm_overrides, b->norm_overrides) &&
    a->weight_scheme == b->weight_scheme && a->entropy_variant == b->entropy_variant &&
    a->topsis_variant == b->topsis_variant && weight_tables_equal (a->weights, b->weights) &&
    a->aggregation == b->aggregation && int_tables_equal (a->level_aggs, b->level_aggs) &&
    int_tables_equal (a->node_aggs, b->node_aggs) &&
    same_double (a->availability, b->availability) && a->tier_rule == b->tier_rule &&
    tiers_equal (a->tiers, b->tiers) && a->base_year == b->base_year &&
    g_strcmp0 (a->group_attribute, b->group_attribute) == 0;
}

static void
copy_tiers (GArray *dest, const CrkTier *tiers, guint n_tiers)
{
  g_array_set_size (dest, 0);
  for (guint i = 0; i < n_tiers; i++)
    {
      CrkTier t = {
        g_strdup (tiers[i].name),
        g_strdup (tiers[i].name_zh),
        tiers[i].bound,
      };

      g_array_append_val (dest, t);
    }
}

/**
 * crk_method_assign:
 * @self: the method to change
 * @other: the method to copy from
 *
 * Makes @self equal to @other; emits #CrkMethod::changed once if anything differed.
 */
void
crk_method_assign (CrkMethod *self, CrkMethod *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (CRK_IS_METHOD (other));

  if (crk_method_equal (self, other))
    return;

  self->denomination = other->denomination;
  self->imputation = other->imputation;
  g_free (self->impute_group);
  self->impute_group = g_strdup (other->impute_group);
  self->treatment = other->treatment;
  self->skew = other->skew;
  self->kurtosis = other->kurtosis;
  self->max_points = other->max_points;
  self->normalisation = other->normalisation;
  self->norm_param1 = other->norm_param1;
  self->norm_param2 = other->norm_param2;

  g_hash_table_remove_all (self->norm_overrides);
  g_hash_table_iter_init (&iter, other->norm_overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->norm_overrides, g_strdup (key),
                         g_memdup2 (value, sizeof (NormOverride)));

  self->weight_scheme = other->weight_scheme;
  self->entropy_variant = other->entropy_variant;
  self->topsis_variant = other->topsis_variant;

  g_hash_table_remove_all (self->weights);
  g_hash_table_iter_init (&iter, other->weights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->weights, g_strdup (key), g_memdup2 (value, sizeof (double)));

  self->aggregation = other->aggregation;
  g_hash_table_remove_all (self->level_aggs);
  g_hash_table_iter_init (&iter, other->level_aggs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->level_aggs, key, value);
  g_hash_table_remove_all (self->node_aggs);
  g_hash_table_iter_init (&iter, other->node_aggs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->node_aggs, g_strdup (key), value);

  self->availability = other->availability;
  self->tier_rule = other->tier_rule;
  copy_tiers (self->tiers, (const CrkTier *) (gpointer) other->tiers->data, other->tiers->len);
  self->base_year = other->base_year;
  g_free (self->group_attribute);
  self->group_attribute = g_strdup (other->group_attribute);

  changed (self);
}

/**
 * crk_method_freeze:
 * @self: a method
 *
 * Holds back #CrkMethod::changed until the matching crk_method_thaw().
 */
void
crk_method_freeze (CrkMethod *self)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  self->freeze_count++;
}

/**
 * crk_method_thaw:
 * @self: a method
 *
 * Ends a crk_method_freeze(); the last thaw emits #CrkMethod::changed once if anything
 * changed meanwhile.
 */
void
crk_method_thaw (CrkMethod *self)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->pending)
    {
      self->pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

CrkDenomination
crk_method_get_denomination (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_DENOMINATION_NONE);
  return self->denomination;
}

void
crk_method_set_denomination (CrkMethod *self, CrkDenomination mode)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (mode <= CRK_DENOMINATION_DATASET);

  if (self->denomination == mode)
    return;
  self->denomination = mode;
  changed (self);
}

CrkImputation
crk_method_get_imputation (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_IMPUTATION_NONE);
  return self->imputation;
}

/**
 * crk_method_get_impute_group:
 * @self: a method
 *
 * Returns: (nullable): the city attribute grouping the group imputation modes
 */
const char *
crk_method_get_impute_group (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  return self->impute_group;
}

/**
 * crk_method_set_imputation:
 * @self: a method
 * @mode: the imputation
 * @group: (nullable): the city attribute for the group modes, else %NULL
 */
void
crk_method_set_imputation (CrkMethod *self, CrkImputation mode, const char *group)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (mode <= CRK_IMPUTATION_GROUP_MEDIAN);

  if (self->imputation == mode && g_strcmp0 (self->impute_group, group) == 0)
    return;
  self->imputation = mode;
  g_free (self->impute_group);
  self->impute_group = g_strdup (group);
  changed (self);
}

CrkTreatment
crk_method_get_treatment (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_TREATMENT_NONE);
  return self->treatment;
}

void
crk_method_set_treatment (CrkMethod *self, CrkTreatment mode)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (mode <= CRK_TREATMENT_WINSORISE);

  if (self->treatment == mode)
    return;
  self->treatment = mode;
  changed (self);
}

/**
 * crk_method_get_treatment_params:
 * @self: a method
 * @skew: (out) (optional): absolute skewness limit
 * @kurtosis: (out) (optional): kurtosis limit
 * @max_points: (out) (optional): most points winsorised
 */
void
crk_method_get_treatment_params (CrkMethod *self, double *skew, double *kurtosis, guint *max_points)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (skew != NULL)
    *skew = self->skew;
  if (kurtosis != NULL)
    *kurtosis = self->kurtosis;
  if (max_points != NULL)
    *max_points = self->max_points;
}

void
crk_method_set_treatment_params (CrkMethod *self, double skew, double kurtosis, guint max_points)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (same_double (self->skew, skew) && same_double (self->kurtosis, kurtosis) &&
      self->max_points == max_points)
    return;
  self->skew = skew;
  self->kurtosis = kurtosis;
  self->max_points = max_points;
  changed (self);
}

static gboolean
valid_normalisation (CrkNormalisation mode)
{
  return mode >= CRK_NORMALISATION_MINMAX && mode <= CRK_NORMALISATION_GOALPOSTS;
}

/**
 * crk_method_get_normalisation:
 * @self: a method
 * @param1: (out) (optional): first parameter (min-max: low; z-score: mean)
 * @param2: (out) (optional): second parameter (min-max: high; z-score: sd)
 *
 * Returns: the default normalisation
 */
CrkNormalisation
crk_method_get_normalisation (CrkMethod *self, double *param1, double *param2)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_NORMALISATION_MINMAX);

  if (param1 != NULL)
    *param1 = self->norm_param1;
  if (param2 != NULL)
    *param2 = self->norm_param2;
  return self->normalisation;
}

void
crk_method_set_normalisation (CrkMethod *self, CrkNormalisation mode, double param1, double param2)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (valid_normalisation (mode));

  if (self->normalisation == mode && same_double (self->norm_param1, param1) &&
      same_double (self->norm_param2, param2))
    return;
  self->normalisation = mode;
  self->norm_param1 = param1;
  self->norm_param2 = param2;
  changed (self);
}

/**
 * crk_method_get_indicator_normalisation:
 * @self: a method
 * @indicator_code: an indicator code
 * @param1: (out) (optional): first parameter of the override
 * @param2: (out) (optional): second parameter of the override
 *
 * Returns: the override for @indicator_code, %CRK_NORMALISATION_INHERIT when none
 *   (the parameters are then left untouched)
 */
CrkNormalisation
crk_method_get_indicator_normalisation (CrkMethod *self,
                                        const char *indicator_code,
                                        double *param1,
                                        double *param2)
{
  NormOverride *o;

  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_NORMALISATION_INHERIT);
  g_return_val_if_fail (indicator_code != NULL, CRK_NORMALISATION_INHERIT);

  o = g_hash_table_lookup (self->norm_overrides, indicator_code);
  if (o == NULL)
    return CRK_NORMALISATION_INHERIT;
  if (param1 != NULL)
    *param1 = o->param1;
  if (param2 != NULL)
    *param2 = o->param2;
  return o->mode;
}

void
crk_method_set_indicator_normalisation (CrkMethod *self,
                                        const char *indicator_code,
                                        CrkNormalisation mode,
                                        double param1,
                                        double param2)
{
  NormOverride *o;

  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (indicator_code != NULL);
  g_return_if_fail (mode == CRK_NORMALISATION_INHERIT || valid_normalisation (mode));

  o = g_hash_table_lookup (self->norm_overrides, indicator_code);
  if (mode == CRK_NORMALISATION_INHERIT)
    {
      if (o == NULL)
        return;
      g_hash_table_remove (self->norm_overrides, indicator_code);
      changed (self);
      return;
    }
  if (o != NULL && o->mode == mode && same_double (o->param1, param1) &&
      same_double (o->param2, param2))
    return;
  if (o == NULL)
    {
      o = g_new (NormOverride, 1);
      g_hash_table_insert (self->norm_overrides, g_strdup (indicator_code), o);
    }
  o->mode = mode;
  o->param1 = param1;
  o->param2 = param2;
  changed (self);
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char **
dup_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

/**
 * crk_method_dup_normalisation_overrides:
 * @self: a method
 *
 * Returns: (transfer full): codes with a normalisation override, sorted
 */
char **
crk_method_dup_normalisation_overrides (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  return dup_sorted_keys (self->norm_overrides);
}

CrkWeightScheme
crk_method_get_weight_scheme (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_WEIGHTS_DATASET);
  return self->weight_scheme;
}

void
crk_method_set_weight_scheme (CrkMethod *self, CrkWeightScheme scheme)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (scheme <= CRK_WEIGHTS_PCA);

  if (self->weight_scheme == scheme)
    return;
  self->weight_scheme = scheme;
  changed (self);
}

guint
crk_method_get_entropy_variant (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), 0);
  return self->entropy_variant;
}

void
crk_method_set_entropy_variant (CrkMethod *self, guint variant)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (self->entropy_variant == variant)
    return;
  self->entropy_variant = variant;
  changed (self);
}

guint
crk_method_get_topsis_variant (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), 0);
  return self->topsis_variant;
}

void
crk_method_set_topsis_variant (CrkMethod *self, guint variant)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (self->topsis_variant == variant)
    return;
  self->topsis_variant = variant;
  changed (self);
}

/**
 * crk_method_get_weight:
 * @self: a method
 * @node_code: a framework node code
 *
 * Returns: the weight override of the node, NAN when none
 */
double
crk_method_get_weight (CrkMethod *self, const char *node_code)
{
  double *w;

  g_return_val_if_fail (CRK_IS_METHOD (self), NAN);
  g_return_val_if_fail (node_code != NULL, NAN);

  w = g_hash_table_lookup (self->weights, node_code);
  return w != NULL ? *w : NAN;
}

/**
 * crk_method_set_weight:
 * @self: a method
 * @node_code: a framework node code
 * @weight: the weight, or NAN to remove the override
 */
void
crk_method_set_weight (CrkMethod *self, const char *node_code, double weight)
{
  double *w;

  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (node_code != NULL);

  w = g_hash_table_lookup (self->weights, node_code);
  if (isnan (weight))
    {
      if (w == NULL)
        return;
      g_hash_table_remove (self->weights, node_code);
    }
  else if (w != NULL)
    {
      if (*w == weight)
        return;
      *w = weight;
    }
  else
    {
      g_hash_table_insert (self->weights, g_strdup (node_code), g_memdup2 (&weight, sizeof weight));
    }
  changed (self);
}

/**
 * crk_method_dup_weight_overrides:
 * @self: a method
 *
 * Returns: (transfer full): node codes with a weight override, sorted
 */
char **
crk_method_dup_weight_overrides (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  return dup_sorted_keys (self->weights);
}

void
crk_method_clear_weights (CrkMethod *self)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (g_hash_table_size (self->weights) == 0)
    return;
  g_hash_table_remove_all (self->weights);
  changed (self);
}

static gboolean
valid_aggregation (CrkAggregation mode)
{
  return mode >= CRK_AGGREGATION_ARITHMETIC && mode <= CRK_AGGREGATION_TOPSIS;
}

CrkAggregation
crk_method_get_aggregation (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_AGGREGATION_ARITHMETIC);
  return self->aggregation;
}

void
crk_method_set_aggregation (CrkMethod *self, CrkAggregation mode)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (valid_aggregation (mode));

  if (self->aggregation == mode)
    return;
  self->aggregation = mode;
  changed (self);
}

/**
 * crk_method_get_level_aggregation:
 * @self: a method
 * @level: a COINr level (2 = parents of indicators)
 *
 * Returns: the override for @level, %CRK_AGGREGATION_INHERIT when none
 */
CrkAggregation
crk_method_get_level_aggregation (CrkMethod *self, guint level)
{
  gpointer value;

  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_AGGREGATION_INHERIT);

  if (g_hash_table_lookup_extended (self->level_aggs, GUINT_TO_POINTER (level), NULL, &value))
    return GPOINTER_TO_INT (value);
  return CRK_AGGREGATION_INHERIT;
}

/**
 * crk_method_set_level_aggregation:
 * @self: a method
 * @level: a COINr level
 * @mode: the aggregation, %CRK_AGGREGATION_INHERIT to remove the override
 */
void
crk_method_set_level_aggregation (CrkMethod *self, guint level, CrkAggregation mode)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (mode == CRK_AGGREGATION_INHERIT || valid_aggregation (mode));

  if (crk_method_get_level_aggregation (self, level) == mode)
    return;
  if (mode == CRK_AGGREGATION_INHERIT)
    g_hash_table_remove (self->level_aggs, GUINT_TO_POINTER (level));
  else
    g_hash_table_insert (self->level_aggs, GUINT_TO_POINTER (level), GINT_TO_POINTER (mode));
  changed (self);
}

/**
 * crk_method_get_node_aggregation:
 * @self: a method
 * @node_code: a framework node code
 *
 * Returns: the override for the node, %CRK_AGGREGATION_INHERIT when none
 */
CrkAggregation
crk_method_get_node_aggregation (CrkMethod *self, const char *node_code)
{
  gpointer value;

  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_AGGREGATION_INHERIT);
  g_return_val_if_fail (node_code != NULL, CRK_AGGREGATION_INHERIT);

  if (g_hash_table_lookup_extended (self->node_aggs, node_code, NULL, &value))
    return GPOINTER_TO_INT (value);
  return CRK_AGGREGATION_INHERIT;
}

/**
 * crk_method_set_node_aggregation:
 * @self: a method
 * @node_code: a framework node code
 * @mode: the aggregation, %CRK_AGGREGATION_INHERIT to remove the override
 */
void
crk_method_set_node_aggregation (CrkMethod *self, const char *node_code, CrkAggregation mode)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (node_code != NULL);
  g_return_if_fail (mode == CRK_AGGREGATION_INHERIT || valid_aggregation (mode));

  if (crk_method_get_node_aggregation (self, node_code) == mode)
    return;
  if (mode == CRK_AGGREGATION_INHERIT)
    g_hash_table_remove (self->node_aggs, node_code);
  else
    g_hash_table_insert (self->node_aggs, g_strdup (node_code), GINT_TO_POINTER (mode));
  changed (self);
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * crk_method_dup_level_aggregations:
 * @self: a method
 *
 * Returns: (transfer full) (element-type guint): levels with an override, ascending
 */
GArray *
crk_method_dup_level_aggregations (CrkMethod *self)
{
  GArray *levels;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);

  levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_iter_init (&iter, self->level_aggs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint level = GPOINTER_TO_UINT (key);

      g_array_append_val (levels, level);
    }
  g_array_sort (levels, compare_uint);
  return levels;
}

/**
 * crk_method_dup_node_aggregations:
 * @self: a method
 *
 * Returns: (transfer full): node codes with an aggregation override, sorted
 */
char **
crk_method_dup_node_aggregations (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  return dup_sorted_keys (self->node_aggs);
}

/**
 * crk_method_clear_aggregation_overrides:
 * @self: a method
 *
 * Sets every level and node override back to %CRK_AGGREGATION_INHERIT, so that the
 * default aggregation applies everywhere.
 */
void
crk_method_clear_aggregation_overrides (CrkMethod *self)
{
  g_autoptr (GArray) levels = NULL;
  g_auto (GStrv) nodes = NULL;

  g_return_if_fail (CRK_IS_METHOD (self));
  levels = crk_method_dup_level_aggregations (self);
  nodes = crk_method_dup_node_aggregations (self);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    crk_method_set_level_aggregation (self, g_array_index (levels, guint, i),
                                      CRK_AGGREGATION_INHERIT);
  for (guint i = 0; nodes != NULL && nodes[i] != NULL; i++)
    crk_method_set_node_aggregation (self, nodes[i], CRK_AGGREGATION_INHERIT);
}

/**
 * crk_method_resolve_aggregation:
 * @self: a method
 * @node_code: (nullable): the node being aggregated
 * @level: its COINr level
 *
 * Returns: the node's override, else the level's, else the default
 */
CrkAggregation
crk_method_resolve_aggregation (CrkMethod *self, const char *node_code, guint level)
{
  CrkAggregation mode;

  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_AGGREGATION_ARITHMETIC);

  if (node_code != NULL)
    {
      mode = crk_method_get_node_aggregation (self, node_code);
      if (mode != CRK_AGGREGATION_INHERIT)
        return mode;
    }
  mode = crk_method_get_level_aggregation (self, level);
  if (mode != CRK_AGGREGATION_INHERIT)
    return mode;
  return self->aggregation;
}

double
crk_method_get_availability (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), 0.0);
  return self->availability;
}

/**
 * crk_method_set_availability:
 * @self: a method
 * @threshold: the share of indicators a city needs, in [0, 1]; 0 turns it off
 */
void
crk_method_set_availability (CrkMethod *self, double threshold)
{
  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (threshold >= 0.0 && threshold <= 1.0);

  if (self->availability == threshold)
    return;
  self->availability = threshold;
  changed (self);
}

CrkTierRule
crk_method_get_tier_rule (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), CRK_TIER_RULE_NONE);
  return self->tier_rule;
}

guint
crk_method_get_n_tiers (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), 0);
  return self->tiers->len;
}

/**
 * crk_method_get_tier:
 * @self: a method
 * @i: a tier index
 *
 * Returns: (transfer none): the @i-th tier, valid until the tiers change
 */
const CrkTier *
crk_method_get_tier (CrkMethod *self, guint i)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  g_return_val_if_fail (i < self->tiers->len, NULL);
  return &g_array_index (self->tiers, CrkTier, i);
}

/**
 * crk_method_set_tiers:
 * @self: a method
 * @rule: how cities fall into tiers
 * @tiers: (array length=n_tiers) (nullable): the tiers, copied
 * @n_tiers: their number
 */
void
crk_method_set_tiers (CrkMethod *self, CrkTierRule rule, const CrkTier *tiers, guint n_tiers)
{
  g_autoptr (GArray) incoming = NULL;

  g_return_if_fail (CRK_IS_METHOD (self));
  g_return_if_fail (rule <= CRK_TIER_RULE_QUANTILES);
  g_return_if_fail (tiers != NULL || n_tiers == 0);

  incoming = g_array_new (FALSE, TRUE, sizeof (CrkTier));
  g_array_set_clear_func (incoming, tier_clear);
  copy_tiers (incoming, tiers, n_tiers);
  if (self->tier_rule == rule && tiers_equal (self->tiers, incoming))
    return;

  self->tier_rule = rule;
  g_array_unref (self->tiers);
  self->tiers = g_steal_pointer (&incoming);
  changed (self);
}

/**
 * crk_method_set_ccid_stages:
 * @self: a method
 *
 * Sets CCID's four stages as rank bands: Leap (ranks 1-3), Expansion (4-29),
 * Development (30-58) and Start-up (59 and below).
 */
void
crk_method_set_ccid_stages (CrkMethod *self)
{
  /* Tier names are data written into files; the UI translates them where it shows them. */
  static const CrkTier stages[] = {
    {(char *) "Leap", (char *) "跃升期", 3},
    {(char *) "Expansion", (char *) "扩张期", 29},
    {(char *) "Development", (char *) "发展期", 58},
    {(char *) "Start-up", (char *) "起步期", 0},
  };

  g_return_if_fail (CRK_IS_METHOD (self));

  crk_method_set_tiers (self, CRK_TIER_RULE_RANK_BANDS, stages, G_N_ELEMENTS (stages));
}

int
crk_method_get_base_year (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), 0);
  return self->base_year;
}

void
crk_method_set_base_year (CrkMethod *self, int year)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (self->base_year == year)
    return;
  self->base_year = year;
  changed (self);
}

/**
 * crk_method_get_group_attribute:
 * @self: a method
 *
 * Returns: (nullable): the city attribute for ranks within groups
 */
const char *
crk_method_get_group_attribute (CrkMethod *self)
{
  g_return_val_if_fail (CRK_IS_METHOD (self), NULL);
  return self->group_attribute;
}

void
crk_method_set_group_attribute (CrkMethod *self, const char *attribute)
{
  g_return_if_fail (CRK_IS_METHOD (self));

  if (g_strcmp0 (self->group_attribute, attribute) == 0)
    return;
  g_free (self->group_attribute);
  self->group_attribute = g_strdup (attribute);
  changed (self);
}

/* String names */

typedef struct
{
  int value;
  const char *name;
} NameEntry;

static const char *
name_of (const NameEntry *table, gsize n, int value)
{
  for (gsize i = 0; i < n; i++)
    if (table[i].value == value)
      return table[i].name;
  return NULL;
}

static gboolean
value_of (const NameEntry *table, gsize n, const char *s, int *value)
{
  if (s == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].name, s) == 0)
      {
        *value = table[i].value;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_NAMES(Type, prefix, ...)                                                            \
  static const NameEntry prefix##_names[] = {__VA_ARGS__};                                         \
  const char *prefix##_to_string (Type value)                                                      \
  {                                                                                                \
    return name_of (prefix##_names, G_N_ELEMENTS (prefix##_names), value);                         \
  }                                                                                                \
  gboolean prefix##_from_string (const char *s, Type *value)                                       \
  {                                                                                                \
    int v;                                                                                         \
    g_return_val_if_fail (value != NULL, FALSE);                                                   \
    if (!value_of (prefix##_names, G_N_ELEMENTS (prefix##_names), s, &v))                          \
      return FALSE;                                                                                \
    *value = (Type) v;                                                                             \
    return TRUE;                                                                                   \
  }

DEFINE_NAMES (CrkNormalisation,
              crk_normalisation,
              {CRK_NORMALISATION_MINMAX, "minmax"},
              {CRK_NORMALISATION_ZSCORE, "zscore"},
              {CRK_NORMALISATION_RANK, "rank"},
              {CRK_NORMALISATION_PERCENTILE_RANK, "prank"},
              {CRK_NORMALISATION_GOALPOSTS, "goalposts"},
              {CRK_NORMALISATION_INHERIT, "inherit"})

DEFINE_NAMES (CrkAggregation,
              crk_aggregation,
              {CRK_AGGREGATION_ARITHMETIC, "arithmetic"},
              {CRK_AGGREGATION_GEOMETRIC, "geometric"},
              {CRK_AGGREGATION_HARMONIC, "harmonic"},
              {CRK_AGGREGATION_TOPSIS, "topsis"},
              {CRK_AGGREGATION_INHERIT, "inherit"})

DEFINE_NAMES (CrkImputation,
              crk_imputation,
              {CRK_IMPUTATION_NONE, "none"},
              {CRK_IMPUTATION_MEAN, "mean"},
              {CRK_IMPUTATION_MEDIAN, "median"},
              {CRK_IMPUTATION_GROUP_MEAN, "group-mean"},
              {CRK_IMPUTATION_GROUP_MEDIAN, "group-median"})

DEFINE_NAMES (CrkWeightScheme,
              crk_weight_scheme,
              {CRK_WEIGHTS_DATASET, "dataset"},
              {CRK_WEIGHTS_EQUAL, "equal"},
              {CRK_WEIGHTS_ENTROPY, "entropy"},
              {CRK_WEIGHTS_CRITIC, "critic"},
              {CRK_WEIGHTS_PCA, "pca"})

DEFINE_NAMES (CrkTreatment,
              crk_treatment,
              {CRK_TREATMENT_NONE, "none"},
              {CRK_TREATMENT_WINSORISE, "winsorise"})

DEFINE_NAMES (CrkDenomination,
              crk_denomination,
              {CRK_DENOMINATION_NONE, "none"},
              {CRK_DENOMINATION_DATASET, "dataset"})

DEFINE_NAMES (CrkTierRule,
              crk_tier_rule,
              {CRK_TIER_RULE_NONE, "none"},
              {CRK_TIER_RULE_RANK_BANDS, "rank-bands"},
              {CRK_TIER_RULE_SCORE_THRESHOLDS, "score-thresholds"},
              {CRK_TIER_RULE_QUANTILES, "quantiles"})
