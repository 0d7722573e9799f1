/* crk-engine.h: computes CrkResults from a dataset and a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-model.h"
#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_ENGINE_ERROR (crk_engine_error_quark ())
typedef enum
{
  CRK_ENGINE_ERROR_NO_FRAMEWORK,
  CRK_ENGINE_ERROR_NO_YEAR,
  CRK_ENGINE_ERROR_NON_POSITIVE, /* geometric/harmonic mean of a value <= 0 */
  CRK_ENGINE_ERROR_NOT_DECOMPOSABLE,
  CRK_ENGINE_ERROR_FAILED,
} CrkEngineError;
GQuark crk_engine_error_quark (void);

#define CRK_TYPE_ENGINE (crk_engine_get_type ())
G_DECLARE_FINAL_TYPE (CrkEngine, crk_engine, CRK, ENGINE, GObject)

/* An engine is bound to one dataset and keeps intermediate results so that changing one
 * weight recomputes only what depends on it. */
CrkEngine *crk_engine_new (CrkDataset *dataset);
CrkDataset *crk_engine_get_dataset (CrkEngine *self);

/* Computes @year (a calendar year; 0 = the latest) with @method (NULL = the dataset's). */
CrkResults *crk_engine_compute (CrkEngine *self, CrkMethod *method, int year, GError **error);
/* The same in a worker thread; @method is copied before the call returns. */
void crk_engine_compute_async (CrkEngine *self,
                               CrkMethod *method,
                               int year,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
CrkResults *crk_engine_compute_finish (CrkEngine *self, GAsyncResult *result, GError **error);

/* Forgets the cached intermediate results (added by the engine work; for changes the
 * dataset does not signal, and for benchmarks). */
void crk_engine_invalidate (CrkEngine *self);

/* One-shot convenience. */
CrkResults *crk_compute (CrkDataset *dataset, CrkMethod *method, int year, GError **error);

/* Variants of the entropy weight method (crk_method_get_entropy_variant()). Both make the
 * values positive before p = v / sum v:
 * SHIFTED (0, the default) moves a column with a value <= 0 up by -min + 1e-4 * range;
 * RESCALED (1) always uses (x - min) / range + 1e-4, the common practice in Chinese studies. */
typedef enum
{
  CRK_ENTROPY_VARIANT_SHIFTED,
  CRK_ENTROPY_VARIANT_RESCALED,
} CrkEntropyVariant;

/* Variants of TOPSIS aggregation (crk_method_get_topsis_variant()):
 * DIRECT (0, the default) measures distances on the weighted normalised scores;
 * VECTOR (1) first divides each child's scores by their Euclidean norm over the cities
 * (the classic Hwang-Yoon form). Ideal = best value among the cities, anti-ideal = worst;
 * score = 100 * d- / (d+ + d-). */
typedef enum
{
  CRK_TOPSIS_VARIANT_DIRECT,
  CRK_TOPSIS_VARIANT_VECTOR,
} CrkTopsisVariant;

/* "shifted", "rescaled"; "direct", "vector". NULL for an unknown variant. */
const char *crk_entropy_variant_to_string (guint variant);
const char *crk_topsis_variant_to_string (guint variant);

G_END_DECLS
