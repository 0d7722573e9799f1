/* crk-import-into.c: an import added into an open dataset: the units checked, the
 * values merged in two passes (the first finds every problem, the second changes the
 * dataset only when there is none), new indicators and years added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-dataset-private.h"
#include "crk-io-limits.h"

/* The units of the indicators the open dataset has already. */
static gboolean
check_units (CrkImportDataset *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (self->staging, i);
      CrkIndicator *target =
        crk_dataset_lookup_indicator (self->into, crk_indicator_get_code (indicator));
      const char *unit = crk_indicator_get_unit (indicator);

      if (target == NULL || unit == NULL || crk_indicator_get_unit (target) == NULL ||
          g_str_equal (unit, crk_indicator_get_unit (target)))
        continue;
      _crk_import_report_at (
        self, &g_array_index (self->unit_places, Place, i), FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("the indicator “%s” is in “%s” here and in “%s” in the dataset"),
        crk_indicator_get_code (indicator), unit, crk_indicator_get_unit (target));
      ok = FALSE;
    }
  return ok;
}

typedef struct
{
  CrkImportDataset *self;
  GArray *map;
  gboolean apply; /* the second pass */
  gboolean quiet; /* the first pass: counts only, nothing reported */
  gboolean ok;
  /* per staging indicator and year: values of keys taken, values of keys left out */
  guint64 *indicator_taken, *indicator_left;
  guint64 *year_taken, *year_left;
} Merge;

/* An indicator or year is added unless it has values and all are of keys left out. */
static gboolean
wanted (guint64 taken, guint64 left)
{
  return taken > 0 || left == 0;
}

/* The first pass: counts the value, lists a change (refused unless self->replace). */
static void
check_value (Merge *m,
             const Place *place,
             CrkCity *city,
             CrkIndicator *staged,
             int year,
             double old,
             double value)
{
  CrkImportDataset *self = m->self;
  CrkImportChange *change;
  g_autofree char *message = NULL;
  guint32 city_code, indicator_code;

  if (isnan (old))
    {
      self->summary.n_new_values++;
      return;
    }
  if (old == value)
    {
      self->summary.n_same_values++;
      return;
    }
  self->summary.n_changed_values++;
  if (m->ok && self->changes->len % CHECK_EVERY == CHECK_EVERY - 1 &&
      !crk_io_check_memory (self->changes->len *
                                (sizeof (CrkImportChange) + 2 * sizeof (gpointer)) +
                              self->places.size * sizeof (PlaceEntry),
                            _ ("Importing the values"), &message))
    {
      if (!m->quiet)
        _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      m->ok = FALSE;
    }
  if (!m->ok)
    return;
  /* the codes are interned: owned by self with its other texts */
  city_code = _crk_import_intern (self, crk_city_get_code (city));
  indicator_code = _crk_import_intern (self, crk_indicator_get_code (staged));
  change = g_new (CrkImportChange, 1);
  change->city = g_ptr_array_index (self->strings, city_code);
  change->indicator = g_ptr_array_index (self->strings, indicator_code);
  change->year = year;
  change->old_value = old;
  change->new_value = value;
  g_ptr_array_add (self->changes, change);
  if (!self->replace && !m->quiet)
    {
      g_autofree char *was = _crk_import_format_number (old);
      g_autofree char *now = _crk_import_format_number (value);

      _crk_import_report_at (
        self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("refused: the value of “%s” for “%s” in %d would change from %s to %s"),
        crk_indicator_get_code (staged), crk_city_get_code (city), year, was, now);
    }
}

static void
merge_value (guint city,
             guint indicator,
             guint year,
             double value,
             CrkValueStatus status,
             gboolean has_note,
             gpointer data)
{
  Merge *m = data;
  CrkImportDataset *self = m->self;
  CrkDataset *into = self->into;
  int y = crk_dataset_get_year (self->staging, year);
  CrkIndicator *staged = crk_dataset_get_indicator (self->staging, indicator);
  CrkIndicator *target = crk_dataset_lookup_indicator (into, crk_indicator_get_code (staged));
  guint tc = g_array_index (m->map, guint, city);
  int ty = crk_dataset_lookup_year (into, y);
  double old;
  const Place *place =
    _crk_import_place_lookup (&self->places, _crk_import_cell_key (city, indicator, y));
  Place none = {self->file, 0, 0, 0};
  gboolean change;

  if (!m->apply)
    {
      guint64 *count = tc != G_MAXUINT ? m->indicator_taken : m->indicator_left;

      count[indicator]++;
      (tc != G_MAXUINT ? m->year_taken : m->year_left)[year]++;
    }
  if (tc == G_MAXUINT || isnan (value)) /* a key skipped or not matched */
    return;
  old = target != NULL && ty >= 0
    ? crk_dataset_get_value (into, tc, crk_indicator_get_index (target), (guint) ty)
    : NAN;
  change = !isnan (old) && old != value;
  if (place == NULL)
    place = &none;
  if (!m->apply)
    {
      check_value (m, place, crk_dataset_get_city (into, tc), staged, y, old, value);
      return;
    }
  if (!m->ok || (!isnan (old) && !change))
    return;
  if (!crk_dataset_try_set_value (into, tc, crk_indicator_get_index (target), (guint) ty, value,
                                  status, NULL))
    {
      _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                             _ ("out of memory holding the values"));
      m->ok = FALSE;
      return;
    }
  crk_dataset_set_value_note (
    into, tc, crk_indicator_get_index (target), (guint) ty,
    has_note ? crk_dataset_get_value_note (self->staging, city, indicator, year) : NULL);
  if (change)
    {
      g_autofree char *was = _crk_import_format_number (old);
      g_autofree char *now = _crk_import_format_number (value);

      _crk_import_report_at (self, place, TRUE, CRK_IMPORT_ERROR_INVALID,
                             _ ("the value of “%s” for “%s” in %d changed from %s to %s"),
                             crk_indicator_get_code (staged),
                             crk_city_get_code (crk_dataset_get_city (into, tc)), y, was, now);
    }
}

/* The indicators and years the open dataset does not have. */
static void
count_new (CrkImportDataset *self, const Merge *m)
{
  self->summary.n_new_indicators = 0;
  self->summary.n_new_years = 0;
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    if (wanted (m->indicator_taken[i], m->indicator_left[i]) &&
        crk_dataset_lookup_indicator (
          self->into, crk_indicator_get_code (crk_dataset_get_indicator (self->staging, i))) ==
          NULL)
      self->summary.n_new_indicators++;
  for (guint y = 0; y < crk_dataset_get_n_years (self->staging); y++)
    if (wanted (m->year_taken[y], m->year_left[y]) &&
        crk_dataset_lookup_year (self->into, crk_dataset_get_year (self->staging, y)) < 0)
      self->summary.n_new_years++;
}

/* Adds the new indicators (to the framework's root) and years to the open dataset. */
static gboolean
add_indicators_and_years (CrkImportDataset *self, const Merge *m)
{
  CrkDataset *into = self->into;
  CrkFrameworkNode *root = crk_dataset_get_framework (into);
  guint n_new = 0;
  g_autofree char *message = NULL;
  Place none = {self->file, 0, 0, 0};

  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    if (wanted (m->indicator_taken[i], m->indicator_left[i]) &&
        crk_dataset_lookup_indicator (
          into, crk_indicator_get_code (crk_dataset_get_indicator (self->staging, i))) == NULL)
      n_new++;
  if (!crk_io_check_grid (crk_dataset_get_n_cities (into),
                          crk_dataset_get_n_indicators (into) + n_new, &message))
    {
      _crk_import_report_at (self, &none, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return FALSE;
    }
  if (root == NULL)
    {
      g_autoptr (CrkFrameworkNode) index = _crk_import_new_root (into);

      for (guint i = 0; i < crk_dataset_get_n_indicators (into); i++)
        if (crk_indicator_get_kind (crk_dataset_get_indicator (into, i)) ==
            CRK_INDICATOR_KIND_INDICATOR)
          _crk_import_append_leaf (index, crk_dataset_get_indicator (into, i));
      crk_dataset_set_framework (into, index);
      root = index;
    }
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *staged = crk_dataset_get_indicator (self->staging, i);
      CrkIndicator *target = crk_dataset_lookup_indicator (into, crk_indicator_get_code (staged));

      if (target == NULL && wanted (m->indicator_taken[i], m->indicator_left[i]))
        {
          g_autoptr (CrkIndicator) added =
            crk_indicator_new (crk_indicator_get_code (staged), CRK_INDICATOR_KIND_INDICATOR);

          crk_indicator_set_name (added, crk_indicator_get_name (staged));
          crk_indicator_set_name_zh (added, crk_indicator_get_name_zh (staged));
          crk_indicator_set_unit (added, crk_indicator_get_unit (staged));
          crk_dataset_add_indicator (into, added);
          _crk_import_append_leaf (crk_dataset_get_framework (into), added);
        }
      else if (target != NULL && crk_indicator_get_unit (target) == NULL &&
               crk_indicator_get_unit (staged) != NULL)
        crk_indicator_set_unit (target, crk_indicator_get_unit (staged));
    }
  for (guint y = 0; y < crk_dataset_get_n_years (self->staging); y++)
    if (wanted (m->year_taken[y], m->year_left[y]))
      crk_dataset_add_year (into, crk_dataset_get_year (self->staging, y));
  return TRUE;
}

CrkDataset *
_crk_import_finish_into (CrkImportDataset *self, CrkImportReport *report, gboolean failed)
{
  g_autoptr (GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_indicators = crk_dataset_get_n_indicators (self->staging);
  guint n_years = crk_dataset_get_n_years (self->staging);
  g_autofree guint64 *counts = g_new0 (guint64, 2 * (gsize) n_indicators + 2 * (gsize) n_years + 1);
  Merge merge = {self,
                 map,
                 FALSE,
                 FALSE,
                 TRUE,
                 counts,
                 counts + n_indicators,
                 counts + 2 * n_indicators,
                 counts + 2 * n_indicators + n_years};
  gboolean ok;

  _crk_import_name_from_labels (self);
  ok = _crk_import_match_cities (self, map, failed);
  ok = (failed || check_units (self)) && ok;
  /* The first pass: the counts and changes; the refusals only when the rest is good. */
  merge.quiet = failed || !ok;
  crk_dataset_foreach_value (self->staging, merge_value, &merge);
  count_new (self, &merge);
  if (failed || !ok || crk_import_report_failed (report))
    return NULL;
  if (!add_indicators_and_years (self, &merge))
    return NULL;
  merge.apply = TRUE;
  crk_dataset_foreach_value (self->staging, merge_value, &merge);
  if (!merge.ok)
    return NULL;
  _crk_import_save_aliases (self);
  if (!crk_dataset_check_rules (self->into, _crk_import_locate_rule, self, report->problems))
    return NULL;
  return g_object_ref (self->into);
}
