/* crk-results-private.h: what the engine fills in (private to src/analysis)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-results.h"

G_BEGIN_DECLS

/* A snapshot of the framework, shared (reference counted, atomically) by the engine and
 * every results object made from it. Node indices are pre-order, root = 0, so every
 * child has a larger index than its parent. */
typedef struct
{
  guint n_nodes;
  guint n_leaves;
  CrkFrameworkNode **nodes; /* references */
  int *parent;              /* -1 for the root */
  guint *child_start;       /* into children */
  guint *n_children;
  guint *children;
  guint *level;        /* COINr level: leaves 1 */
  int *indicator;      /* dataset indicator index of a leaf, -1 otherwise */
  int *leaf_slot;      /* row of a leaf in the leaf matrices, -1 for inner nodes */
  guint *leaves;       /* node index of each leaf slot */
  GHashTable *by_code; /* code -> node index + 1 */
} CrkStructure;

CrkStructure *crk_structure_new (CrkDataset *dataset, GError **error);
CrkStructure *crk_structure_ref (CrkStructure *structure);
void crk_structure_unref (CrkStructure *structure);
/* TRUE when both have the same nodes, tree and indicators (weights may differ). */
gboolean crk_structure_equal (CrkStructure *a, CrkStructure *b);

/* A block of n doubles shared between results (g_atomic_rc_box). */
double *crk_block_new (gsize n);
double *crk_block_ref (double *block);
void crk_block_unref (gpointer block);

struct _CrkResults
{
  GObject parent_instance;

  CrkDataset *dataset;
  CrkMethod *method;
  int year;
  CrkStructure *structure;
  guint n_cities;

  /* per node */
  const double **scores;  /* n_cities each; rows live in blocks */
  const double **treated; /* leaves only, else NULL */
  double *weights;
  CrkAggregation *aggregation; /* inner nodes; leaves CRK_AGGREGATION_INHERIT */
  GPtrArray *blocks;           /* owned references (crk_block_unref) */

  /* per city */
  guint *rank;
  guint *order;
  guint n_ranked;
  guint *group_rank;
  int *tier;
  char **reason;

  gboolean has_base;
  int base_year;
  guint *base_rank;
  double *base_score;

  GArray *adjustments;
  GArray *warnings;

  /* computed when first asked */
  GMutex lazy_lock;
  guint **node_ranks;
  double **percentiles;
};

CrkResults *crk_results_new_internal (CrkDataset *dataset,
                                      CrkMethod *method,
                                      int year,
                                      CrkStructure *structure,
                                      guint n_cities);
/* Appends a warning (takes copies). */
void crk_results_add_warning (CrkResults *self,
                              CrkWarningKind kind,
                              const char *code,
                              const char *message);

G_END_DECLS
