/* crk-results.c: scores, ranks, tiers and explanations for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "crk-results.h"

#include "crk-engine.h"
#include "crk-locale.h"
#include "crk-results-private.h"
#include "crk-stats.h"

/* Structure */

typedef struct
{
  CrkStructure *structure;
  CrkDataset *dataset;
  GPtrArray *nodes;
  GArray *parents;
  GError **error;
  gboolean failed;
} BuildContext;

static gboolean
collect_node (CrkFrameworkNode *node, gpointer user_data)
{
  BuildContext *ctx = user_data;
  CrkFrameworkNode *parent = crk_framework_node_get_parent (node);
  int parent_index = -1;

  if (ctx->nodes->len > 0)
    {
      for (guint i = ctx->nodes->len; i-- > 0;)
        if (g_ptr_array_index (ctx->nodes, i) == parent)
          {
            parent_index = i;
            break;
          }
      g_assert (parent_index >= 0);
    }
  g_ptr_array_add (ctx->nodes, g_object_ref (node));
  g_array_append_val (ctx->parents, parent_index);
  return TRUE;
}

static void
structure_clear (gpointer data)
{
  CrkStructure *s = data;

  for (guint i = 0; i < s->n_nodes; i++)
    g_object_unref (s->nodes[i]);
  g_free (s->nodes);
  g_free (s->parent);
  g_free (s->child_start);
  g_free (s->n_children);
  g_free (s->children);
  g_free (s->level);
  g_free (s->indicator);
  g_free (s->leaf_slot);
  g_free (s->leaves);
  g_clear_pointer (&s->by_code, g_hash_table_unref);
}

/*
 * crk_structure_new:
 * Takes a snapshot of @dataset's framework: nodes in pre-order, their parents, children,
 * levels and indicators.
 */
CrkStructure *
crk_structure_new (CrkDataset *dataset, GError **error)
{
  CrkFrameworkNode *root = crk_dataset_get_framework (dataset);
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GArray) parents = NULL;
  BuildContext ctx = {0};
  CrkStructure *s;
  guint n, pos = 0, slot = 0;

  if (root == NULL || crk_framework_node_is_leaf (root))
    {
      g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NO_FRAMEWORK,
                   _ ("The dataset has no framework: nothing to aggregate the indicators into"));
      return NULL;
    }

  nodes = g_ptr_array_new ();
  parents = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.nodes = nodes;
  ctx.parents = parents;
  crk_framework_node_foreach (root, collect_node, &ctx);
  n = nodes->len;

  s = g_atomic_rc_box_new0 (CrkStructure);
  s->n_nodes = n;
  s->nodes = (CrkFrameworkNode **) g_ptr_array_steal (nodes, NULL);
  s->parent = (int *) (void *) g_array_steal (parents, NULL);
  s->child_start = g_new0 (guint, n);
  s->n_children = g_new0 (guint, n);
  s->children = g_new0 (guint, n);
  s->level = g_new0 (guint, n);
  s->indicator = g_new (int, n);
  s->leaf_slot = g_new (int, n);
  s->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 1; i < n; i++)
    s->n_children[s->parent[i]]++;
  for (guint i = 0; i < n; i++)
    {
      s->child_start[i] = pos;
      pos += s->n_children[i];
      s->n_children[i] = 0;
    }
  for (guint i = 1; i < n; i++)
    {
      guint p = s->parent[i];

      s->children[s->child_start[p] + s->n_children[p]++] = i;
    }

  for (guint i = 0; i < n; i++)
    {
      CrkFrameworkNode *node = s->nodes[i];
      const char *code = crk_framework_node_get_code (node);

      s->level[i] = crk_dataset_get_node_level (dataset, node);
      s->indicator[i] = -1;
      s->leaf_slot[i] = -1;
      if (code != NULL && !g_hash_table_contains (s->by_code, code))
        g_hash_table_insert (s->by_code, (gpointer) code, GUINT_TO_POINTER (i + 1));
      if (s->n_children[i] == 0)
        {
          CrkIndicator *indicator = crk_framework_node_get_indicator (node);

          if (indicator == NULL && code != NULL)
            indicator = crk_dataset_lookup_indicator (dataset, code);
          if (indicator != NULL)
            s->indicator[i] = crk_indicator_get_index (indicator);
          s->leaf_slot[i] = slot++;
        }
    }
  s->n_leaves = slot;
  s->leaves = g_new (guint, MAX (slot, 1));
  for (guint i = 0; i < n; i++)
    if (s->leaf_slot[i] >= 0)
      s->leaves[s->leaf_slot[i]] = i;
  return s;
}

CrkStructure *
crk_structure_ref (CrkStructure *structure)
{
  return g_atomic_rc_box_acquire (structure);
}

void
crk_structure_unref (CrkStructure *structure)
{
  g_atomic_rc_box_release_full (structure, structure_clear);
}

gboolean
crk_structure_equal (CrkStructure *a, CrkStructure *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_nodes != b->n_nodes)
    return FALSE;
  for (guint i = 0; i < a->n_nodes; i++)
    if (a->nodes[i] != b->nodes[i] || a->parent[i] != b->parent[i] ||
        a->indicator[i] != b->indicator[i] || a->level[i] != b->level[i])
      return FALSE;
  return TRUE;
}

double *
crk_block_new (gsize n)
{
  return g_atomic_rc_box_alloc (MAX (n, 1) * sizeof (double));
}

double *
crk_block_ref (double *block)
{
  return g_atomic_rc_box_acquire (block);
}

void
crk_block_unref (gpointer block)
{
  g_atomic_rc_box_release (block);
}

/* Results */

G_DEFINE_FINAL_TYPE (CrkResults, crk_results, G_TYPE_OBJECT)

static void
clear_warning (gpointer data)
{
  CrkWarning *warning = data;

  g_free (warning->code);
  g_free (warning->message);
}

static void
crk_results_finalize (GObject *object)
{
  CrkResults *self = CRK_RESULTS (object);
  guint n_nodes = self->structure->n_nodes;

  if (self->node_ranks != NULL)
    for (guint i = 0; i < n_nodes; i++)
      g_free (self->node_ranks[i]);
  if (self->percentiles != NULL)
    for (guint i = 0; i < n_nodes; i++)
      g_free (self->percentiles[i]);
  g_free (self->node_ranks);
  g_free (self->percentiles);
  g_mutex_clear (&self->lazy_lock);

  g_free (self->scores);
  g_free (self->treated);
  g_free (self->weights);
  g_free (self->aggregation);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->rank);
  g_free (self->order);
  g_free (self->group_rank);
  g_free (self->tier);
  if (self->reason != NULL)
    for (guint i = 0; i < self->n_cities; i++)
      g_free (self->reason[i]);
  g_free (self->reason);
  g_free (self->base_rank);
  g_free (self->base_score);
  g_clear_pointer (&self->adjustments, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  g_clear_pointer (&self->structure, crk_structure_unref);
  g_clear_object (&self->method);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (crk_results_parent_class)->finalize (object);
}

static void
crk_results_class_init (CrkResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crk_results_finalize;
}

static void
crk_results_init (CrkResults *self)
{
  g_mutex_init (&self->lazy_lock);
}

CrkResults *
crk_results_new_internal (CrkDataset *dataset,
                          CrkMethod *method,
                          int year,
                          CrkStructure *structure,
                          guint n_cities)
{
  CrkResults *self = g_object_new (CRK_TYPE_RESULTS, NULL);
  guint n_nodes = structure->n_nodes;

  self->dataset = g_object_ref (dataset);
  self->method = g_object_ref (method);
  self->year = year;
  self->structure = crk_structure_ref (structure);
  self->n_cities = n_cities;
  self->scores = g_new0 (const double *, n_nodes);
  self->treated = g_new0 (const double *, n_nodes);
  self->weights = g_new0 (double, n_nodes);
  self->aggregation = g_new (CrkAggregation, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    self->aggregation[i] = CRK_AGGREGATION_INHERIT;
  self->blocks = g_ptr_array_new_with_free_func (crk_block_unref);
  self->rank = g_new0 (guint, MAX (n_cities, 1));
  self->order = g_new0 (guint, MAX (n_cities, 1));
  self->group_rank = g_new0 (guint, MAX (n_cities, 1));
  self->tier = g_new (int, MAX (n_cities, 1));
  for (guint i = 0; i < n_cities; i++)
    self->tier[i] = -1;
  self->reason = g_new0 (char *, MAX (n_cities, 1));
  self->adjustments = g_array_new (FALSE, FALSE, sizeof (CrkAdjustment));
  self->warnings = g_array_new (FALSE, FALSE, sizeof (CrkWarning));
  g_array_set_clear_func (self->warnings, clear_warning);
  return self;
}

void
crk_results_add_warning (CrkResults *self,
                         CrkWarningKind kind,
                         const char *code,
                         const char *message)
{
  CrkWarning warning = {kind, g_strdup (code), g_strdup (message)};

  g_array_append_val (self->warnings, warning);
}

/**
 * crk_results_get_dataset:
 * @self: the results
 *
 * Returns: (transfer none): the dataset the results were computed from
 */
CrkDataset *
crk_results_get_dataset (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  return self->dataset;
}

/**
 * crk_results_get_method:
 * @self: the results
 *
 * Returns: (transfer none): the copy of the method used
 */
CrkMethod *
crk_results_get_method (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  return self->method;
}

/**
 * crk_results_get_year:
 * @self: the results
 *
 * Returns: the calendar year computed
 */
int
crk_results_get_year (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  return self->year;
}

/**
 * crk_results_get_n_nodes:
 * @self: the results
 *
 * Returns: the number of framework nodes (indices are pre-order, root 0)
 */
guint
crk_results_get_n_nodes (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  return self->structure->n_nodes;
}

/**
 * crk_results_get_node:
 * @self: the results
 * @node_index: a node index
 *
 * Returns: (transfer none): the framework node
 */
CrkFrameworkNode *
crk_results_get_node (CrkResults *self, guint node_index)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NULL);
  return self->structure->nodes[node_index];
}

/**
 * crk_results_lookup_node:
 * @self: the results
 * @code: a node code
 *
 * Returns: the index of the node with @code, or -1
 */
int
crk_results_lookup_node (CrkResults *self, const char *code)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), -1);
  if (code == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->structure->by_code, code)) - 1;
}

/**
 * crk_results_get_n_cities:
 * @self: the results
 *
 * Returns: the number of cities (the dataset's)
 */
guint
crk_results_get_n_cities (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  return self->n_cities;
}

/**
 * crk_results_get_score:
 * @self: the results
 * @node_index: a node index
 * @city: a city index
 *
 * Returns: the aggregated score (a leaf's normalised value), or NAN
 */
double
crk_results_get_score (CrkResults *self, guint node_index, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NAN);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NAN);
  g_return_val_if_fail (city < self->n_cities, NAN);
  return self->scores[node_index][city];
}

/**
 * crk_results_get_index_score:
 * @self: the results
 * @city: a city index
 *
 * Returns: the index (root) score, or NAN
 */
double
crk_results_get_index_score (CrkResults *self, guint city)
{
  return crk_results_get_score (self, 0, city);
}

/**
 * crk_results_peek_scores:
 * @self: the results
 * @node_index: a node index
 *
 * Returns: (transfer none): every city's score at the node, n_cities long
 */
const double *
crk_results_peek_scores (CrkResults *self, guint node_index)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NULL);
  return self->scores[node_index];
}

/**
 * crk_results_get_treated_value:
 * @self: the results
 * @node_index: the node index of a leaf
 * @city: a city index
 *
 * Returns: the raw value after denomination, imputation and treatment, or NAN
 */
double
crk_results_get_treated_value (CrkResults *self, guint node_index, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NAN);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NAN);
  g_return_val_if_fail (city < self->n_cities, NAN);
  if (self->treated[node_index] == NULL)
    return NAN;
  return self->treated[node_index][city];
}

/**
 * crk_results_get_weight:
 * @self: the results
 * @node_index: a node index
 *
 * Returns: the effective weight among the node's siblings (they sum to 1)
 */
double
crk_results_get_weight (CrkResults *self, guint node_index)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NAN);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NAN);
  return self->weights[node_index];
}

/**
 * crk_results_get_rank:
 * @self: the results
 * @city: a city index
 *
 * Returns: the competition rank (1, 2, 2, 4) at the index; 0 when not ranked
 */
guint
crk_results_get_rank (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  g_return_val_if_fail (city < self->n_cities, 0);
  return self->rank[city];
}

static void
ensure_node_ranks (CrkResults *self, guint node_index)
{
  guint n = self->n_cities;

  g_mutex_lock (&self->lazy_lock);
  if (self->node_ranks == NULL)
    {
      self->node_ranks = g_new0 (guint *, self->structure->n_nodes);
      self->percentiles = g_new0 (double *, self->structure->n_nodes);
    }
  if (self->node_ranks[node_index] == NULL)
    {
      g_autofree guint *order = g_new (guint, MAX (n, 1));
      guint *ranks = g_new0 (guint, MAX (n, 1));
      double *percentiles = g_new (double, MAX (n, 1));
      const double *x = self->scores[node_index];
      guint m;

      m = crk_stats_rank_desc (x, n, order, ranks);
      crk_stats_rank_min (x, n, order, percentiles);
      for (guint i = 0; i < n; i++)
        if (!isnan (percentiles[i]))
          percentiles[i] = m > 1 ? (percentiles[i] - 1) / (m - 1) : 1;
      self->percentiles[node_index] = percentiles;
      self->node_ranks[node_index] = ranks;
    }
  g_mutex_unlock (&self->lazy_lock);
}

/**
 * crk_results_get_node_rank:
 * @self: the results
 * @node_index: a node index
 * @city: a city index
 *
 * Returns: the competition rank of the city at the node; 0 when it has no score there
 */
guint
crk_results_get_node_rank (CrkResults *self, guint node_index, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  g_return_val_if_fail (node_index < self->structure->n_nodes, 0);
  g_return_val_if_fail (city < self->n_cities, 0);
  if (node_index == 0)
    return self->rank[city];
  ensure_node_ranks (self, node_index);
  return self->node_ranks[node_index][city];
}

/**
 * crk_results_get_group_rank:
 * @self: the results
 * @city: a city index
 *
 * Returns: the rank within the city's group (the method's group attribute); 0 when none
 */
guint
crk_results_get_group_rank (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  g_return_val_if_fail (city < self->n_cities, 0);
  return self->group_rank[city];
}

/**
 * crk_results_get_n_ranked:
 * @self: the results
 *
 * Returns: the number of ranked cities
 */
guint
crk_results_get_n_ranked (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  return self->n_ranked;
}

/**
 * crk_results_get_order:
 * @self: the results
 * @n_ranked: (out) (optional): the number of ranked cities
 *
 * Returns: (transfer none): ranked city indices, best first, ties in dataset order
 */
const guint *
crk_results_get_order (CrkResults *self, guint *n_ranked)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  if (n_ranked != NULL)
    *n_ranked = self->n_ranked;
  return self->order;
}

/**
 * crk_results_get_unranked_reason:
 * @self: the results
 * @city: a city index
 *
 * Returns: (nullable): why the city is not ranked, or %NULL when it is
 */
const char *
crk_results_get_unranked_reason (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (city < self->n_cities, NULL);
  return self->reason[city];
}

/**
 * crk_results_get_tier:
 * @self: the results
 * @city: a city index
 *
 * Returns: the tier index (into the method's tiers), or -1
 */
int
crk_results_get_tier (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), -1);
  g_return_val_if_fail (city < self->n_cities, -1);
  return self->tier[city];
}

/**
 * crk_results_get_n_tiers:
 * @self: the results
 *
 * Returns: the number of tiers of the method
 */
guint
crk_results_get_n_tiers (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  if (crk_method_get_tier_rule (self->method) == CRK_TIER_RULE_NONE)
    return 0;
  return crk_method_get_n_tiers (self->method);
}

/**
 * crk_results_get_tier_name:
 * @self: the results
 * @tier: a tier index
 *
 * Returns: (nullable): the tier's name in the user's language
 */
const char *
crk_results_get_tier_name (CrkResults *self, guint tier)
{
  const CrkTier *t;

  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (tier < crk_results_get_n_tiers (self), NULL);
  t = crk_method_get_tier (self->method, tier);
  return crk_locale_pick (t->name, t->name_zh);
}

/**
 * crk_results_has_base_year:
 * @self: the results
 *
 * Returns: whether the results hold the base year's ranks and scores
 */
gboolean
crk_results_has_base_year (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), FALSE);
  return self->has_base;
}

/**
 * crk_results_get_base_year:
 * @self: the results
 *
 * Returns: the base year, or 0
 */
int
crk_results_get_base_year (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  return self->has_base ? self->base_year : 0;
}

/**
 * crk_results_get_change:
 * @self: the results
 * @city: a city index
 * @rank_change: (out) (optional): base rank - rank (positive = moved up)
 * @score_change: (out) (optional): score - base score
 *
 * Returns: %FALSE when there is no base year or the city is not ranked in both years
 */
gboolean
crk_results_get_change (CrkResults *self, guint city, int *rank_change, double *score_change)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), FALSE);
  g_return_val_if_fail (city < self->n_cities, FALSE);
  if (!self->has_base || self->rank[city] == 0 || self->base_rank[city] == 0)
    return FALSE;
  if (rank_change != NULL)
    *rank_change = (int) self->base_rank[city] - (int) self->rank[city];
  if (score_change != NULL)
    *score_change = self->scores[0][city] - self->base_score[city];
  return TRUE;
}

/**
 * crk_results_get_base_rank:
 * @self: the results
 * @city: a city index
 *
 * Returns: the rank in the base year, 0 when not ranked then or no base year
 */
guint
crk_results_get_base_rank (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), 0);
  g_return_val_if_fail (city < self->n_cities, 0);
  return self->has_base ? self->base_rank[city] : 0;
}

/**
 * crk_results_get_contribution:
 * @self: the results
 * @child_index: a node index (not the root)
 * @city: a city index
 *
 * Returns: w_k * y_k / sum(w) over the present children of the parent (0 for a missing
 *   child), or NAN when the parent is not an arithmetic mean or has no score
 */
double
crk_results_get_contribution (CrkResults *self, guint child_index, guint city)
{
  CrkStructure *s;
  int parent;
  double sw = 0, y;

  g_return_val_if_fail (CRK_IS_RESULTS (self), NAN);
  g_return_val_if_fail (child_index < self->structure->n_nodes, NAN);
  g_return_val_if_fail (city < self->n_cities, NAN);
  s = self->structure;
  parent = s->parent[child_index];
  if (parent < 0 || self->aggregation[parent] != CRK_AGGREGATION_ARITHMETIC ||
      isnan (self->scores[parent][city]))
    return NAN;
  y = self->scores[child_index][city];
  if (isnan (y))
    return 0;
  for (guint k = 0; k < s->n_children[parent]; k++)
    {
      guint c = s->children[s->child_start[parent] + k];

      if (!isnan (self->scores[c][city]))
        sw += self->weights[c];
    }
  return self->weights[child_index] * y / sw;
}

static const char *
city_code (CrkResults *self, guint city)
{
  return crk_city_get_code (crk_dataset_get_city (self->dataset, city));
}

/**
 * crk_results_explain_gap:
 * @self: the results
 * @node_index: a node with arithmetic aggregation
 * @city_a: a city index
 * @city_b: a city index
 * @error: return location for an error
 *
 * Splits score(a) - score(b) at the node into its children's parts.
 *
 * Returns: (transfer full) (element-type CrkGapPart): the parts in framework order, or
 *   %NULL with @error set
 */
GArray *
crk_results_explain_gap (CrkResults *self,
                         guint node_index,
                         guint city_a,
                         guint city_b,
                         GError **error)
{
  CrkStructure *s;
  GArray *parts;

  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NULL);
  g_return_val_if_fail (city_a < self->n_cities && city_b < self->n_cities, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  s = self->structure;

  if (s->n_children[node_index] == 0 || self->aggregation[node_index] != CRK_AGGREGATION_ARITHMETIC)
    {
      g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NOT_DECOMPOSABLE,
                   _ ("The score of “%s” is not a weighted arithmetic mean, so its gaps do not "
                      "split into parts"),
                   crk_framework_node_get_code (s->nodes[node_index]));
      return NULL;
    }
  for (guint t = 0; t < 2; t++)
    {
      guint city = t == 0 ? city_a : city_b;

      if (isnan (self->scores[node_index][city]))
        {
          g_set_error (error, CRK_ENGINE_ERROR, CRK_ENGINE_ERROR_NOT_DECOMPOSABLE,
                       _ ("City “%s” has no score for “%s” in %d"), city_code (self, city),
                       crk_framework_node_get_code (s->nodes[node_index]), self->year);
          return NULL;
        }
    }

  parts = g_array_new (FALSE, FALSE, sizeof (CrkGapPart));
  for (guint k = 0; k < s->n_children[node_index]; k++)
    {
      guint c = s->children[s->child_start[node_index] + k];
      CrkGapPart part;

      part.child = s->nodes[c];
      part.contribution_a = crk_results_get_contribution (self, c, city_a);
      part.contribution_b = crk_results_get_contribution (self, c, city_b);
      part.gap = part.contribution_a - part.contribution_b;
      g_array_append_val (parts, part);
    }
  return parts;
}

/**
 * crk_results_get_indicator_rank:
 * @self: the results
 * @node_index: a node index (usually a leaf)
 * @city: a city index
 *
 * Returns: the competition rank of the city among the cities with a value; 0 when missing
 */
guint
crk_results_get_indicator_rank (CrkResults *self, guint node_index, guint city)
{
  return crk_results_get_node_rank (self, node_index, city);
}

/**
 * crk_results_get_indicator_percentile:
 * @self: the results
 * @node_index: a node index (usually a leaf)
 * @city: a city index
 *
 * Returns: the share of the other cities with a value that score strictly lower, in
 *   [0, 1] (COINr's percentile rank); NAN when missing
 */
double
crk_results_get_indicator_percentile (CrkResults *self, guint node_index, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NAN);
  g_return_val_if_fail (node_index < self->structure->n_nodes, NAN);
  g_return_val_if_fail (city < self->n_cities, NAN);
  ensure_node_ranks (self, node_index);
  return self->percentiles[node_index][city];
}

typedef struct
{
  guint node;
  double percentile; /* mid-rank percentile, with the sign that puts the best first */
  double score;      /* the normalised score, same sign */
} LeafStanding;

static int
compare_standing_desc (const void *a, const void *b)
{
  const LeafStanding *x = a, *y = b;

  if (x->percentile != y->percentile)
    return x->percentile < y->percentile ? 1 : -1;
  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->node > y->node) - (x->node < y->node);
}

/* The city's mid-rank percentile on @node among the cities with a score: (the cities
 * below + half the others tied with it) / (valued cities - 1), so that a tie shared by many
 * cities sits in the middle, not at both ends. NAN when missing or fewer than
 * CRK_STRENGTHS_MIN_CITIES cities have a score. */
static double
mid_percentile (CrkResults *self, guint node, guint city)
{
  const double *row = self->scores[node];
  double x = row[city];
  guint below = 0, tied = 0, valued = 0;

  if (isnan (x))
    return NAN;
  for (guint i = 0; i < self->n_cities; i++)
    {
      if (isnan (row[i]))
        continue;
      valued++;
      if (i == city)
        continue;
      if (row[i] < x)
        below++;
      else if (row[i] == x)
        tied++;
    }
  if (valued < CRK_STRENGTHS_MIN_CITIES)
    return NAN;
  return (below + 0.5 * tied) / (valued - 1);
}

/* Strengths (@strengths TRUE): the leaves where the city is in the top quartile (mid-rank
 * percentile >= 0.75), best first (percentile, then normalised score), at most
 * CRK_STRENGTHS_MAX. Weaknesses: the bottom quartile (<= 0.25), worst first. The quartiles
 * do not meet, so no leaf is in both lists. */
static GArray *
strengths_or_weaknesses (CrkResults *self, guint city, gboolean strengths)
{
  CrkStructure *s = self->structure;
  g_autofree LeafStanding *leaves = g_new (LeafStanding, MAX (s->n_leaves, 1));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));
  double sign = strengths ? 1 : -1;
  guint m = 0;

  for (guint k = 0; k < s->n_leaves; k++)
    {
      guint node = s->leaves[k];
      double p = mid_percentile (self, node, city);

      if (isnan (p) || (strengths ? p < 0.75 : p > 0.25))
        continue;
      leaves[m].node = node;
      leaves[m].percentile = sign * p;
      leaves[m].score = sign * self->scores[node][city];
      m++;
    }
  qsort (leaves, m, sizeof (LeafStanding), compare_standing_desc);
  for (guint k = 0; k < MIN (m, CRK_STRENGTHS_MAX); k++)
    g_array_append_val (result, leaves[k].node);
  return result;
}

/**
 * crk_results_dup_strengths:
 * @self: the results
 * @city: a city index
 *
 * Strengths: the indicators where the city is in the top quartile of the cities with a
 * value (mid-rank percentile >= 0.75, ties counted half above and half below), best
 * first, ties by normalised score, at most %CRK_STRENGTHS_MAX. An indicator with fewer
 * than %CRK_STRENGTHS_MIN_CITIES valued cities gives none. Never also a weakness.
 *
 * Returns: (transfer full) (element-type guint): leaf node indices, best first
 */
GArray *
crk_results_dup_strengths (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (city < self->n_cities, NULL);
  return strengths_or_weaknesses (self, city, TRUE);
}

/**
 * crk_results_dup_weaknesses:
 * @self: the results
 * @city: a city index
 *
 * Weaknesses: the mirror of crk_results_dup_strengths(), the bottom quartile
 * (mid-rank percentile <= 0.25), worst first, at most %CRK_STRENGTHS_MAX.
 *
 * Returns: (transfer full) (element-type guint): leaf node indices, worst first
 */
GArray *
crk_results_dup_weaknesses (CrkResults *self, guint city)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  g_return_val_if_fail (city < self->n_cities, NULL);
  return strengths_or_weaknesses (self, city, FALSE);
}

/**
 * crk_results_get_adjustments:
 * @self: the results
 *
 * Returns: (transfer none) (element-type CrkAdjustment): every change made to raw values
 */
GArray *
crk_results_get_adjustments (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  return self->adjustments;
}

/**
 * crk_results_get_warnings:
 * @self: the results
 *
 * Returns: (transfer none) (element-type CrkWarning): the warnings
 */
GArray *
crk_results_get_warnings (CrkResults *self)
{
  g_return_val_if_fail (CRK_IS_RESULTS (self), NULL);
  return self->warnings;
}

typedef struct
{
  guint city;
  guint distance;
} Disagreement;

static int
compare_disagreement (const void *a, const void *b)
{
  const Disagreement *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? 1 : -1;
  return (x->city > y->city) - (x->city < y->city);
}

/**
 * crk_results_compare_reference:
 * @self: the results
 * @spearman: (out) (optional): Spearman's rho
 * @kendall: (out) (optional): Kendall's tau-b
 * @n_compared: (out) (optional): the number of cities ranked in both
 * @largest: (out) (optional) (transfer full) (element-type guint): city indices by
 *   |rank - reference rank|, largest first
 *
 * Compares the computed ranks with the cities' published reference ranks for the year.
 *
 * Returns: %FALSE when fewer than 3 cities are ranked in both
 */
gboolean
crk_results_compare_reference (CrkResults *self,
                               double *spearman,
                               double *kendall,
                               guint *n_compared,
                               GArray **largest)
{
  guint n = self->n_cities, m = 0;
  g_autofree double *ours = NULL;
  g_autofree double *theirs = NULL;
  g_autofree Disagreement *gaps = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (self), FALSE);

  ours = g_new (double, MAX (n, 1));
  theirs = g_new (double, MAX (n, 1));
  gaps = g_new (Disagreement, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint reference =
        crk_city_get_reference_rank (crk_dataset_get_city (self->dataset, i), self->year);

      ours[i] = theirs[i] = NAN;
      if (reference == 0 || self->rank[i] == 0)
        continue;
      ours[i] = self->rank[i];
      theirs[i] = reference;
      gaps[m].city = i;
      gaps[m].distance =
        self->rank[i] > reference ? self->rank[i] - reference : reference - self->rank[i];
      m++;
    }
  if (n_compared != NULL)
    *n_compared = m;
  if (largest != NULL)
    *largest = NULL;
  if (m < 3)
    return FALSE;
  if (spearman != NULL)
    *spearman = crk_stats_spearman (ours, theirs, n);
  if (kendall != NULL)
    *kendall = crk_stats_kendall (ours, theirs, n);
  if (largest != NULL)
    {
      qsort (gaps, m, sizeof (Disagreement), compare_disagreement);
      *largest = g_array_sized_new (FALSE, FALSE, sizeof (guint), m);
      for (guint k = 0; k < m; k++)
        g_array_append_val (*largest, gaps[k].city);
    }
  return TRUE;
}
