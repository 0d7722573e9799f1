/* crk-dataset.h: cities x indicators x years, with a framework and a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crk-city.h"
#include "crk-framework-node.h"
#include "crk-indicator.h"
#include "crk-method.h"
#include "crk-unit-words.h"

G_BEGIN_DECLS

typedef enum
{
  CRK_VALUE_STATUS_OBSERVED,
  CRK_VALUE_STATUS_ESTIMATED,
  CRK_VALUE_STATUS_IMPUTED,
} CrkValueStatus;

/* What an edit touched; passed with the "changed" signal. */
typedef enum
{
  CRK_DATASET_CHANGE_METADATA = 1 << 0,
  CRK_DATASET_CHANGE_CITIES = 1 << 1,
  CRK_DATASET_CHANGE_INDICATORS = 1 << 2,
  CRK_DATASET_CHANGE_FRAMEWORK = 1 << 3, /* structure or weights */
  CRK_DATASET_CHANGE_VALUES = 1 << 4,
  CRK_DATASET_CHANGE_YEARS = 1 << 5,
  CRK_DATASET_CHANGE_METHOD = 1 << 6,
} CrkDatasetChange;

#define CRK_TYPE_DATASET (crk_dataset_get_type ())
G_DECLARE_FINAL_TYPE (CrkDataset, crk_dataset, CRK, DATASET, GObject)

/* Properties: "title", "title-zh", "edition", "publisher", "publisher-zh", "source",
 * "source-zh", "licence", "notes", "notes-zh", "unit-kind" (what the dataset ranks:
 * cities by default, countries…), "modified" (TRUE after any edit, cleared by
 * crk_dataset_set_modified(FALSE) when saved).
 *
 * Signals:
 *   "changed" (guint change_flags): after any edit of the dataset or anything it owns
 *             (cities, indicators, framework nodes, values, years, the method).
 *   "value-changed" (guint city_index, guint indicator_index, guint year_index):
 *             after crk_dataset_set_value() or _set_value_status() changed a value.
 *
 * Cities and indicators have stable indices (order of addition); lookups by code are
 * O(1). The values are a dense panel indexed [year][indicator][city]; NAN is missing. */

CrkDataset *crk_dataset_new (void);

const char *crk_dataset_get_title (CrkDataset *self);
void crk_dataset_set_title (CrkDataset *self, const char *title);
const char *crk_dataset_get_title_zh (CrkDataset *self);
void crk_dataset_set_title_zh (CrkDataset *self, const char *title_zh);
const char *crk_dataset_get_display_title (CrkDataset *self);
const char *crk_dataset_get_edition (CrkDataset *self);
void crk_dataset_set_edition (CrkDataset *self, const char *edition);
const char *crk_dataset_get_publisher (CrkDataset *self);
void crk_dataset_set_publisher (CrkDataset *self, const char *publisher);
const char *crk_dataset_get_publisher_zh (CrkDataset *self);
void crk_dataset_set_publisher_zh (CrkDataset *self, const char *publisher_zh);
const char *crk_dataset_get_display_publisher (CrkDataset *self);
const char *crk_dataset_get_source (CrkDataset *self);
void crk_dataset_set_source (CrkDataset *self, const char *source);
const char *crk_dataset_get_source_zh (CrkDataset *self);
void crk_dataset_set_source_zh (CrkDataset *self, const char *source_zh);
const char *crk_dataset_get_display_source (CrkDataset *self);
const char *crk_dataset_get_licence (CrkDataset *self);
void crk_dataset_set_licence (CrkDataset *self, const char *licence);
const char *crk_dataset_get_notes (CrkDataset *self);
void crk_dataset_set_notes (CrkDataset *self, const char *notes);
const char *crk_dataset_get_notes_zh (CrkDataset *self);
void crk_dataset_set_notes_zh (CrkDataset *self, const char *notes_zh);
const char *crk_dataset_get_display_notes (CrkDataset *self);
/* What the dataset ranks (CRK_UNIT_CITY unless set): the words the interface uses for
 * its "cities" (crk-unit-words.h). Setting another kind marks the dataset modified. */
CrkUnitKind crk_dataset_get_unit_kind (CrkDataset *self);
void crk_dataset_set_unit_kind (CrkDataset *self, CrkUnitKind kind);
gboolean crk_dataset_get_modified (CrkDataset *self);
void crk_dataset_set_modified (CrkDataset *self, gboolean modified);

/* Years, kept ascending and unique. */
guint crk_dataset_get_n_years (CrkDataset *self);
int crk_dataset_get_year (CrkDataset *self, guint year_index);
/* Index of @year, or -1. */
int crk_dataset_lookup_year (CrkDataset *self, int year);
/* Adds @year (no-op if present); returns its index. Indices of later years shift. */
guint crk_dataset_add_year (CrkDataset *self, int year);
int crk_dataset_get_latest_year (CrkDataset *self);

/* Cities. The list model's items are CrkCity. */
GListModel *crk_dataset_get_cities (CrkDataset *self);
guint crk_dataset_get_n_cities (CrkDataset *self);
CrkCity *crk_dataset_get_city (CrkDataset *self, guint index);
CrkCity *crk_dataset_lookup_city (CrkDataset *self, const char *code);
/* Adds @city (takes a new reference). FALSE and no change when the code exists. */
gboolean crk_dataset_add_city (CrkDataset *self, CrkCity *city);

/* Indicators, both kinds, in order of addition. */
guint crk_dataset_get_n_indicators (CrkDataset *self);
CrkIndicator *crk_dataset_get_indicator (CrkDataset *self, guint index);
CrkIndicator *crk_dataset_lookup_indicator (CrkDataset *self, const char *code);
gboolean crk_dataset_add_indicator (CrkDataset *self, CrkIndicator *indicator);

/* The framework: the root node (the index), or NULL. Setting it links every leaf to the
 * indicator of the same code (leaves without one stay unlinked; validation reports them). */
CrkFrameworkNode *crk_dataset_get_framework (CrkDataset *self);
void crk_dataset_set_framework (CrkDataset *self, CrkFrameworkNode *root);
CrkFrameworkNode *crk_dataset_lookup_node (CrkDataset *self, const char *code);
/* Number of levels (COINr numbering: indicators 1, the root n); 0 without a framework. */
guint crk_dataset_get_n_levels (CrkDataset *self);
guint crk_dataset_get_node_level (CrkDataset *self, CrkFrameworkNode *node);
/* Children of the root: the dimensions. Borrowed array of CrkFrameworkNode*. */
GPtrArray *crk_dataset_get_dimensions (CrkDataset *self);

/* The method saved with the dataset (never NULL; the default method when the file has
 * none). Editing it marks the dataset modified. */
CrkMethod *crk_dataset_get_method (CrkDataset *self);
gboolean crk_dataset_has_method (CrkDataset *self);
void crk_dataset_set_method (CrkDataset *self, CrkMethod *method);

/* Values. Indices are city, indicator and year indices. Only the cells that hold a value,
 * a status other than observed or a note take memory. */
double crk_dataset_get_value (CrkDataset *self, guint city, guint indicator, guint year);
void crk_dataset_set_value (CrkDataset *self,
                            guint city,
                            guint indicator,
                            guint year,
                            double value,
                            CrkValueStatus status);
/* For readers of files: FALSE (and nothing changed) when out of memory; @was_held
 * (nullable) tells whether the cell held something before. */
gboolean crk_dataset_try_set_value (CrkDataset *self,
                                    guint city,
                                    guint indicator,
                                    guint year,
                                    double value,
                                    CrkValueStatus status,
                                    gboolean *was_held);
CrkValueStatus
crk_dataset_get_value_status (CrkDataset *self, guint city, guint indicator, guint year);
gboolean crk_dataset_has_cell (CrkDataset *self, guint city, guint indicator, guint year);
const char *crk_dataset_get_value_note (CrkDataset *self, guint city, guint indicator, guint year);
void crk_dataset_set_value_note (CrkDataset *self,
                                 guint city,
                                 guint indicator,
                                 guint year,
                                 const char *note);
/* Copies all cities' values of one indicator in one year into @values (n_cities long),
 * by city index, NAN missing. */
void crk_dataset_get_values (CrkDataset *self, guint indicator, guint year, double *values);
typedef void (*CrkDatasetValueFunc) (guint city,
                                     guint indicator,
                                     guint year,
                                     double value,
                                     CrkValueStatus status,
                                     gboolean has_note,
                                     gpointer data);
/* Every cell holding a value, a status or a note, by year, indicator, then city. */
void crk_dataset_foreach_value (CrkDataset *self, CrkDatasetValueFunc func, gpointer data);
guint64 crk_dataset_get_n_held_values (CrkDataset *self);
guint64 crk_dataset_count_missing (CrkDataset *self,
                                   int year); /* year 0: all years; indicators only */

/* Group names: display names of the values of a group attribute ("province", "region"
 * or a city attribute's name), e.g. the province "Guangdong" is 广东 in Chinese. The
 * value itself is what groups the cities and what the cities keep. Setting a name again
 * replaces it; a NULL or empty name is absent. */
void crk_dataset_set_group_name (CrkDataset *self,
                                 const char *attribute,
                                 const char *value,
                                 const char *name,
                                 const char *name_zh);
/* FALSE when the value has no names; @name and @name_zh may be NULL. */
gboolean crk_dataset_get_group_name (CrkDataset *self,
                                     const char *attribute,
                                     const char *value,
                                     const char **name,
                                     const char **name_zh);
/* The name in the user's language, else the other one, else the value itself. */
const char *
crk_dataset_get_group_display_name (CrkDataset *self, const char *attribute, const char *value);
/* The named groups, in the order first named. */
guint crk_dataset_get_n_group_names (CrkDataset *self);
void crk_dataset_get_group_name_at (CrkDataset *self,
                                    guint i,
                                    const char **attribute,
                                    const char **value,
                                    const char **name,
                                    const char **name_zh);

/* The group attribute a table of the cities shows beside their names: "province" when a
 * city has one, else "region", else the first of the other attributes in alphabetical
 * order (ASEM's "EurAsia_group"); NULL when the cities have none (no group column).
 * Free with g_free. */
char *crk_dataset_dup_main_group_attribute (CrkDataset *self);
/* The header of a column of @attribute's values, translated: "Province", "Region", else
 * the attribute's name with spaces for underscores ("EurAsia group"). */
char *crk_dataset_dup_group_attribute_title (const char *attribute);

/* Fast bulk loading for readers: sizes the panel once and suppresses "changed" until
 * crk_dataset_end_bulk(); does not set "modified". */
void crk_dataset_begin_bulk (CrkDataset *self);
void crk_dataset_end_bulk (CrkDataset *self);

G_END_DECLS
