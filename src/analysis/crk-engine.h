/* crk-engine.h: computes CrkResults from a dataset and a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-model.h"
#include "crk-results.h"

G_BEGIN_DECLS

#define CRK_ENGINE_ERROR (crk_engine_error_quark ())
typedef enum {
  CRK_ENGINE_ERROR_NO_FRAMEWORK,
  CRK_ENGINE_ERROR_NO_YEAR,
  CRK_ENGINE_ERROR_NON_POSITIVE,   /* geometric/harmonic mean of a value <= 0 */
  CRK_ENGINE_ERROR_NOT_DECOMPOSABLE,
  CRK_ENGINE_ERROR_FAILED,
} CrkEngineError;
GQuark crk_engine_error_quark (void);

#define CRK_TYPE_ENGINE (crk_engine_get_type ())
G_DECLARE_FINAL_TYPE (CrkEngine, crk_engine, CRK, ENGINE, GObject)

/* An engine is bound to one dataset and keeps intermediate results so that changing one
 * weight recomputes only what depends on it. */
CrkEngine  *crk_engine_new            (CrkDataset          *dataset);
CrkDataset *crk_engine_get_dataset    (CrkEngine           *self);

/* Computes @year (a calendar year; 0 = the latest) with @method (NULL = the dataset's). */
CrkResults *crk_engine_compute        (CrkEngine           *self,
                                       CrkMethod           *method,
                                       int                  year,
                                       GError             **error);
/* The same in a worker thread; @method is copied before the call returns. */
void        crk_engine_compute_async  (CrkEngine           *self,
                                       CrkMethod           *method,
                                       int                  year,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
CrkResults *crk_engine_compute_finish (CrkEngine           *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/* One-shot convenience. */
CrkResults *crk_compute               (CrkDataset          *dataset,
                                       CrkMethod           *method,
                                       int                  year,
                                       GError             **error);

G_END_DECLS
