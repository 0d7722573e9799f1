/* crk-weights.h: data-driven weights among siblings (private to src/analysis)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes @m columns (the children's scores, @n cities each, NAN missing) and writes
 * @m weights that sum to 1. FALSE when the data cannot give weights (too few cities, no
 * spread); @weights is then left unchanged. */
gboolean crk_weights_entropy (const double *const *columns,
                              guint m,
                              guint n,
                              guint variant,
                              double *weights);
gboolean crk_weights_critic (const double *const *columns, guint m, guint n, double *weights);
gboolean crk_weights_pca (const double *const *columns, guint m, guint n, double *weights);

G_END_DECLS
