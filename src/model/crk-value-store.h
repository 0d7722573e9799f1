/* crk-value-store.h: the values of a dataset, held so that memory follows the values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Private to the model: CrkDataset owns one. Columns are keyed by the year itself (not
 * its index, which moves when an earlier year is added) and the indicator's index. */
typedef struct _CrkValueStore CrkValueStore;

typedef enum
{
  CRK_STORE_UNCHANGED,
  CRK_STORE_CHANGED,
  CRK_STORE_NO_MEMORY,
} CrkStoreResult;

/* Called for every cell held (a value, or a status other than observed), column by column. */
typedef void (*CrkStoreFunc) (int year,
                              guint indicator,
                              guint city,
                              double value,
                              guint8 status,
                              gpointer data);

CrkValueStore *crk_value_store_new (void);
void crk_value_store_free (CrkValueStore *store);

double
crk_value_store_get (CrkValueStore *store, int year, guint indicator, guint city, guint8 *status);
CrkStoreResult crk_value_store_set (CrkValueStore *store,
                                    int year,
                                    guint indicator,
                                    guint city,
                                    guint n_cities,
                                    double value,
                                    guint8 status);
CrkStoreResult crk_value_store_update (CrkValueStore *store,
                                       int year,
                                       guint indicator,
                                       guint city,
                                       guint n_cities,
                                       double value,
                                       guint8 status,
                                       guint8 keep,
                                       gboolean *was_held);
void crk_value_store_copy_column (CrkValueStore *store,
                                  int year,
                                  guint indicator,
                                  guint n_cities,
                                  double *values);
gboolean crk_value_store_column_is_empty (CrkValueStore *store, int year, guint indicator);
guint64 crk_value_store_count_present (CrkValueStore *store,
                                       gboolean (*keep) (int year, guint indicator, gpointer data),
                                       gpointer data);
void crk_value_store_foreach (CrkValueStore *store, CrkStoreFunc func, gpointer data);
guint64 crk_value_store_get_n_held (CrkValueStore *store);
gsize crk_value_store_get_memory (CrkValueStore *store);

G_END_DECLS
