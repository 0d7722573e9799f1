/* crk-dataset-private.h: the instance struct of CrkDataset, and what its files share
 * (crk-dataset.c, crk-dataset-years.c, -framework.c, -values.c and -groups.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-dataset.h"
#include "crk-value-store.h"

G_BEGIN_DECLS

struct _CrkDataset
{
  GObject parent_instance;

  char *title;
  char *title_zh;
  char *edition;
  char *publisher;
  char *publisher_zh;
  char *source;
  char *source_zh;
  char *licence;
  char *notes;
  char *notes_zh;
  CrkUnitKind unit_kind;
  gboolean modified;

  GArray *years; /* int, ascending */

  GListStore *cities;
  /* The same cities by index (borrowed): GListStore caches its last lookup, so reading
   * it from several threads (the engine's workers) is not safe; this array is. */
  GPtrArray *city_array;
  GHashTable *city_index; /* code -> CrkCity (borrowed) */
  GPtrArray *indicators;  /* owned CrkIndicator */
  GHashTable *indicator_index;

  CrkFrameworkNode *framework;
  GHashTable *node_index; /* code -> CrkFrameworkNode (borrowed) */
  GPtrArray *dimensions;  /* borrowed, rebuilt lazily */
  guint n_levels;         /* G_MAXUINT when to be recomputed */
  gboolean dimensions_valid;

  CrkMethod *method;
  gboolean has_method;

  /* The values: only the cells that hold something take memory (crk-value-store.c). */
  CrkValueStore *store;
  GHashTable *value_notes; /* NoteKey -> char* */
  GPtrArray *group_names;  /* owned GroupName, in the order first named */
  GHashTable *group_index; /* "attribute\x1fvalue" (owned) -> GroupName (borrowed) */

  guint bulk;
  guint pending_changes;
};

/* crk-dataset.c */
void _crk_dataset_changed (CrkDataset *self, guint flags);
void _crk_dataset_value_changed (CrkDataset *self, guint city, guint indicator, guint year);

/* crk-dataset-framework.c */
void _crk_dataset_disconnect_tree (CrkDataset *self, CrkFrameworkNode *root);

/* crk-dataset-values.c */
guint _crk_dataset_note_key_hash (gconstpointer key);
gboolean _crk_dataset_note_key_equal (gconstpointer a, gconstpointer b);

/* crk-dataset-groups.c */
void _crk_dataset_group_name_free (gpointer data);

G_END_DECLS
