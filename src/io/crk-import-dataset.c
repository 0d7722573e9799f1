/* crk-import-dataset.c: the sink that turns imported observations into a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The observations are gathered into a staging dataset (cities named by the file's keys),
 * with the place of every value in a compact table (to name both places of a value given
 * twice, and where a refused change comes from). A new dataset is the staging dataset
 * with names and a framework; adding into an open dataset matches the staging cities to
 * the open one's and copies the values across, in two passes: the first finds every
 * problem, the second changes the dataset only when there is none.
 *
 * Here: the sink's callbacks (labels, observations), the files, and the new dataset.
 * crk-import-place.c holds the texts and places, crk-import-match.c the matching of keys
 * to cities (with the user's choices), crk-import-into.c the adding into an open dataset,
 * crk-import-aggregate.c the making of annual values from other frequencies.
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-country-codes.h"
#include "crk-import-dataset-private.h"
#include "crk-import-sdmx.h"
#include "crk-io-limits.h"

/* Labels */

static char *
label_key (CrkImportRole role, const char *code)
{
  return g_strdup_printf ("%d\x1f%s", (int) role, code);
}

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->en);
  g_free (label->zh);
  g_free (label);
}

static void
on_label (CrkImportSink *sink,
          CrkImportRole role,
          const char *code,
          const char *name,
          const char *lang)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;
  g_autofree char *clean = _crk_import_clean_code (code);
  g_autofree char *text = _crk_import_clean_text (name);
  Label *label;
  char *key;
  gboolean zh;

  if (clean == NULL || text == NULL ||
      (role != CRK_IMPORT_ROLE_CITY && role != CRK_IMPORT_ROLE_INDICATOR))
    return;
  key = label_key (role, clean);
  label = g_hash_table_lookup (self->labels, key);
  if (label == NULL)
    {
      label = g_new0 (Label, 1);
      g_hash_table_insert (self->labels, key, label);
    }
  else
    g_free (key);
  zh = lang != NULL ? g_str_has_prefix (lang, "zh") : _crk_import_is_chinese (text);
  if (lang != NULL && !zh && !g_str_has_prefix (lang, "en") &&
      (label->en != NULL || _crk_import_is_chinese (text)))
    return; /* another language: only when there is no English name */
  if (zh)
    g_free (label->zh), label->zh = g_steal_pointer (&text);
  else
    g_free (label->en), label->en = g_steal_pointer (&text);
}

const Label *
_crk_import_lookup_label (CrkImportDataset *self, CrkImportRole role, const char *code)
{
  g_autofree char *key = label_key (role, code);

  return g_hash_table_lookup (self->labels, key);
}

/* Observations */

const char *const _crk_import_frequency_names[N_FREQUENCIES] = {
  NULL, NULL, N_ ("half-yearly"), N_ ("quarterly"), N_ ("monthly"), N_ ("weekly"), N_ ("daily"),
};

static void
note_frequency (CrkImportDataset *self,
                CrkFrequency frequency,
                const char *period,
                int year,
                int sub,
                const Place *place)
{
  FrequencySeen *f = &self->seen[frequency];

  if (f->n == 0)
    {
      f->place = *place;
      f->first_year = f->last_year = year;
      f->first_sub = f->last_sub = sub;
      f->first_text = g_strdup (period);
      f->last_text = g_strdup (period);
    }
  else if (year < f->first_year || (year == f->first_year && sub < f->first_sub))
    {
      f->first_year = year, f->first_sub = sub;
      g_free (f->first_text), f->first_text = g_strdup (period);
    }
  else if (year > f->last_year || (year == f->last_year && sub > f->last_sub))
    {
      f->last_year = year, f->last_sub = sub;
      g_free (f->last_text), f->last_text = g_strdup (period);
    }
  if (f->n < G_MAXUINT)
    f->n++;
}

/* The staging city of @obs's key, added when new; G_MAXUINT when refused. */
static guint
resolve_city (CrkImportDataset *self, const CrkObservation *obs, const Place *place)
{
  g_autofree char *code = _crk_import_clean_code (obs->key);
  g_autofree char *message = NULL;
  g_autoptr (CrkCity) city = NULL;
  CrkCity *found;
  guint n;

  if (code == NULL)
    {
      g_autofree char *shown = _crk_import_printable (obs->key);

      _crk_import_report_at (
        self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("the city key “%s” is empty, longer than 200 characters or holds control characters"),
        shown);
      return G_MAXUINT;
    }
  found = crk_dataset_lookup_city (self->staging, code);
  if (found != NULL)
    return crk_city_get_index (found);
  n = crk_dataset_get_n_cities (self->staging) + 1;
  if (n > MAX_CITIES ||
      !crk_io_check_grid (n, MAX (crk_dataset_get_n_indicators (self->staging), 1), &message))
    {
      _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                             message != NULL ? message : _ ("too many cities"));
      self->stopped = TRUE;
      return G_MAXUINT;
    }
  city = crk_city_new (code, NULL);
  crk_dataset_add_city (self->staging, city);
  g_array_append_val (self->city_places, *place);
  return n - 1;
}

/* The staging indicator of @obs, added when new, with the unit checked; G_MAXUINT when
 * refused. */
static guint
resolve_indicator (CrkImportDataset *self, const CrkObservation *obs, const Place *place)
{
  g_autofree char *code = _crk_import_clean_code (obs->indicator);
  g_autofree char *unit = _crk_import_clean_text (obs->unit);
  g_autofree char *message = NULL;
  CrkIndicator *indicator;
  guint index;

  if (code == NULL)
    {
      g_autofree char *shown = _crk_import_printable (obs->indicator);

      _crk_import_report_at (
        self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("the indicator “%s” is empty, longer than 200 characters or holds control characters"),
        shown);
      return G_MAXUINT;
    }
  indicator = crk_dataset_lookup_indicator (self->staging, code);
  if (indicator == NULL)
    {
      g_autoptr (CrkIndicator) added = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);
      guint n = crk_dataset_get_n_indicators (self->staging) + 1;
      gboolean no = FALSE;

      if (n > MAX_INDICATORS ||
          !crk_io_check_grid (MAX (crk_dataset_get_n_cities (self->staging), 1), n, &message))
        {
          _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                                 message != NULL ? message : _ ("too many indicators"));
          self->stopped = TRUE;
          return G_MAXUINT;
        }
      crk_dataset_add_indicator (self->staging, added);
      indicator = added;
      g_array_append_val (self->unit_places, *place);
      g_array_append_val (self->unit_conflicts, no);
    }
  index = crk_indicator_get_index (indicator);
  if (unit == NULL)
    return index;
  if (crk_indicator_get_unit (indicator) == NULL)
    {
      crk_indicator_set_unit (indicator, unit);
      g_array_index (self->unit_places, Place, index) = *place;
    }
  else if (!g_str_equal (crk_indicator_get_unit (indicator), unit) &&
           !g_array_index (self->unit_conflicts, gboolean, index))
    {
      g_autofree char *first =
        _crk_import_place_to_string (self, &g_array_index (self->unit_places, Place, index));

      g_array_index (self->unit_conflicts, gboolean, index) = TRUE;
      _crk_import_report_at (
        self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("the indicator “%s” is in “%s” here and in “%s” at %s; one indicator takes one unit"),
        code, unit, crk_indicator_get_unit (indicator), first);
      return G_MAXUINT;
    }
  return index;
}

CrkValueStatus
_crk_import_status_of (const char *status)
{
  static const char *const estimated[] = {"E",        "P",           "estimated",
                                          "estimate", "provisional", "preliminary"};

  if (status == NULL)
    return CRK_VALUE_STATUS_OBSERVED;
  for (guint i = 0; i < G_N_ELEMENTS (estimated); i++)
    if (g_ascii_strcasecmp (status, estimated[i]) == 0)
      return CRK_VALUE_STATUS_ESTIMATED;
  return CRK_VALUE_STATUS_OBSERVED;
}

gboolean
_crk_import_set_cell (CrkImportDataset *self,
                      const Place *place,
                      guint city,
                      guint indicator,
                      int year,
                      double value,
                      CrkValueStatus status,
                      const char *note)
{
  guint64 key = _crk_import_cell_key (city, indicator, year);
  const Place *first = _crk_import_place_lookup (&self->places, key);
  g_autofree char *message = NULL;
  guint year_index;

  if (first != NULL)
    {
      g_autofree char *where = _crk_import_place_to_string (self, first);

      _crk_import_report_at (
        self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
        _ ("a second value of “%s” for “%s” in %d; the first is at %s"),
        crk_indicator_get_code (crk_dataset_get_indicator (self->staging, indicator)),
        crk_city_get_code (crk_dataset_get_city (self->staging, city)), year, where);
      return TRUE;
    }
  if (!_crk_import_place_reserve (&self->places, &message) ||
      (++self->n_values % CHECK_EVERY == 0 &&
       !crk_io_check_memory (self->n_values * CRK_STORED_VALUE_BYTES +
                               self->places.size * sizeof (PlaceEntry),
                             _ ("Importing the values"), &message)))
    {
      _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      self->stopped = TRUE;
      return FALSE;
    }
  *_crk_import_place_slot (&self->places, key) = (PlaceEntry){key, *place};
  self->places.n++;
  year_index = crk_dataset_add_year (self->staging, year);
  if (!crk_dataset_try_set_value (self->staging, city, indicator, year_index, value, status, NULL))
    {
      _crk_import_report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                             _ ("out of memory holding the values"));
      self->stopped = TRUE;
      return FALSE;
    }
  if (note != NULL && *note != '\0')
    {
      g_autofree char *clean = _crk_import_clean_text (note);

      crk_dataset_set_value_note (self->staging, city, indicator, year_index, clean);
    }
  return TRUE;
}

static gboolean
on_observation (CrkImportSink *sink, const CrkObservation *obs)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;
  CrkFrequency frequency;
  int year, sub;
  guint city, indicator;
  Place place;

  if (self->stopped || !self->has_file)
    return FALSE;
  _crk_import_make_place (self, obs, &place);
  if (!crk_period_parse (obs->period, &frequency, &year, &sub))
    {
      g_autofree char *shown = _crk_import_printable (obs->period);

      _crk_import_report_at (self, &place, FALSE, CRK_IMPORT_ERROR_INVALID,
                             _ ("“%s” is not a period"), shown);
      return TRUE;
    }
  if (frequency != CRK_FREQUENCY_ANNUAL &&
      (frequency >= N_FREQUENCIES || _crk_import_frequency_names[frequency] == NULL))
    return TRUE;
  if (frequency != CRK_FREQUENCY_ANNUAL && self->aggregate == CRK_IMPORT_AGGREGATE_NONE)
    {
      note_frequency (self, frequency, obs->period, year, sub, &place);
      return TRUE;
    }
  if (year > 9999)
    return TRUE; /* crk_period_parse() takes four digits */
  city = resolve_city (self, obs, &place);
  indicator = city != G_MAXUINT ? resolve_indicator (self, obs, &place) : G_MAXUINT;
  if (city == G_MAXUINT || indicator == G_MAXUINT)
    return !self->stopped;
  if (frequency != CRK_FREQUENCY_ANNUAL)
    return _crk_import_hold_sub (self, obs, &place, city, indicator, frequency, year, sub);
  /* The year is the file's even when this value is missing. */
  crk_dataset_add_year (self->staging, year);
  if (isnan (obs->value))
    {
      self->n_missing++;
      return TRUE;
    }
  return _crk_import_set_cell (self, &place, city, indicator, year, obs->value,
                               _crk_import_status_of (obs->status), obs->note);
}

/* What the files' keys are, for the words of the new dataset (crk_dataset_set_unit_kind()):
 * countries when a file says so, or when its city role is an area dimension. */
static void
on_shape (CrkImportSink *sink, const CrkImportShape *shape)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;
  const char *city = NULL, *key = NULL;
  guint n_key = 0;

  self->shape_countries = self->shape_countries || shape->countries;
  for (guint i = 0; i < shape->n_fields; i++)
    {
      const CrkImportField *field = &shape->fields[i];

      if (field->value || field->id == NULL)
        continue;
      if (field->role == CRK_IMPORT_ROLE_CITY)
        city = field->id;
      else if (field->role == CRK_IMPORT_ROLE_NONE && n_key++ == 0)
        key = field->id; /* SDMX: the key joins the dimensions without a role */
    }
  if (city == NULL && n_key == 1 && shape->sheet == NULL)
    city = key;
  if (city != NULL && crk_sdmx_is_geo_id (city))
    self->shape_area = TRUE;
}

/* A dataset format's file says what it ranks. */
static void
on_unit_kind (CrkImportSink *sink, CrkUnitKind kind)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;

  if (self->unit_kind == CRK_UNIT_CITY)
    self->unit_kind = kind;
}

/* The sink */

CrkImportDataset *
crk_import_dataset_new (CrkDataset *into, gboolean replace)
{
  CrkImportDataset *self = g_new0 (CrkImportDataset, 1);

  g_return_val_if_fail (into == NULL || CRK_IS_DATASET (into), NULL);
  self->sink.observation = on_observation;
  self->sink.label = on_label;
  self->sink.shape = on_shape;
  self->sink.unit_kind = on_unit_kind;
  self->into = into != NULL ? g_object_ref (into) : NULL;
  self->replace = replace;
  self->staging = crk_dataset_new ();
  crk_dataset_begin_bulk (self->staging);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->string_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->city_places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->unit_places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->unit_conflicts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);
  self->files = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->match_list = g_ptr_array_new_with_free_func (_crk_import_match_free);
  self->changes = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static void
clear_seen (CrkImportDataset *self)
{
  for (guint i = 0; i < N_FREQUENCIES; i++)
    {
      g_free (self->seen[i].first_text);
      g_free (self->seen[i].last_text);
      memset (&self->seen[i], 0, sizeof self->seen[i]);
    }
}

void
crk_import_dataset_free (CrkImportDataset *self)
{
  if (self == NULL)
    return;
  clear_seen (self);
  g_clear_object (&self->into);
  g_clear_object (&self->staging);
  g_hash_table_unref (self->string_index);
  g_ptr_array_unref (self->strings);
  g_free (self->places.entries);
  g_array_unref (self->city_places);
  g_array_unref (self->unit_places);
  g_array_unref (self->unit_conflicts);
  g_hash_table_unref (self->labels);
  g_strfreev (self->matches);
  g_array_unref (self->files);
  g_clear_pointer (&self->subs, g_array_unref);
  g_ptr_array_unref (self->match_list);
  g_ptr_array_unref (self->changes);
  g_free (self);
}

CrkImportSink *
crk_import_dataset_get_sink (CrkImportDataset *self)
{
  return &self->sink;
}

guint64
crk_import_dataset_get_n_values (CrkImportDataset *self)
{
  return self->n_values;
}

void
crk_import_dataset_set_options (CrkImportDataset *self, const CrkImportOptions *options)
{
  g_return_if_fail (self != NULL && options != NULL);

  g_strfreev (self->matches);
  self->matches = g_strdupv (options->matches);
  self->save_aliases = options->save_aliases;
  self->aggregate = options->aggregate;
}

void
crk_import_dataset_begin_file (CrkImportDataset *self, const char *file, CrkImportReport *report)
{
  guint32 known = 0;

  clear_seen (self);
  self->file = _crk_import_intern (self, file != NULL ? file : "");
  while (known < self->files->len && g_array_index (self->files, guint32, known) != self->file)
    known++;
  if (known == self->files->len)
    g_array_append_val (self->files, self->file);
  self->has_file = TRUE;
  self->report = report;
}

void
crk_import_dataset_end_file (CrkImportDataset *self)
{
  for (guint i = 0; i < N_FREQUENCIES; i++)
    {
      FrequencySeen *f = &self->seen[i];

      if (f->n == 0)
        continue;
      /* TRANSLATORS: "12 quarterly observations (2020-Q1 … 2021-Q4); …"; the second %s is a
       * frequency (quarterly, monthly…) */
      _crk_import_report_at (
        self, &f->place, FALSE, CRK_IMPORT_ERROR_INVALID,
        g_dngettext (GETTEXT_PACKAGE, "%u %s observation (%s … %s); the dataset takes annual data",
                     "%u %s observations (%s … %s); the dataset takes annual data", f->n),
        f->n, _ (_crk_import_frequency_names[i]), f->first_text, f->last_text);
    }
  clear_seen (self);
  self->has_file = FALSE;
}

/* Finishing */

void
_crk_import_locate_rule (CrkRuleSubject what,
                         const char *code,
                         const char *detail,
                         const char **file,
                         int *line,
                         int *column,
                         gpointer data)
{
  CrkImportDataset *self = data;

  if (self->strings->len > 0)
    *file = g_ptr_array_index (self->strings, self->file);
}

void
_crk_import_name_from_labels (CrkImportDataset *self)
{
  for (guint i = 0; i < crk_dataset_get_n_cities (self->staging); i++)
    {
      CrkCity *city = crk_dataset_get_city (self->staging, i);
      const Label *label =
        _crk_import_lookup_label (self, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city));

      if (label != NULL)
        {
          crk_city_set_name (city, label->en);
          crk_city_set_name_zh (city, label->zh);
        }
    }
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (self->staging, i);
      const Label *label = _crk_import_lookup_label (self, CRK_IMPORT_ROLE_INDICATOR,
                                                     crk_indicator_get_code (indicator));

      if (label != NULL)
        {
          crk_indicator_set_name (indicator, label->en);
          crk_indicator_set_name_zh (indicator, label->zh);
        }
    }
}

/* A framework root for @dataset: "INDEX", or "INDEX_2"… when an indicator has that code. */
CrkFrameworkNode *
_crk_import_new_root (CrkDataset *dataset)
{
  g_autofree char *code = g_strdup ("INDEX");

  for (guint i = 2; crk_dataset_lookup_indicator (dataset, code) != NULL; i++)
    {
      g_free (code);
      code = g_strdup_printf ("INDEX_%u", i);
    }
  return crk_framework_node_new (code, "Index");
}

void
_crk_import_append_leaf (CrkFrameworkNode *root, CrkIndicator *indicator)
{
  g_autoptr (CrkFrameworkNode) leaf =
    crk_framework_node_new (crk_indicator_get_code (indicator), NULL);

  crk_framework_node_set_weight (leaf, 1.0);
  crk_framework_node_append_child (root, leaf);
}

static CrkDataset *
finish_new (CrkImportDataset *self, CrkImportReport *report)
{
  g_autoptr (CrkFrameworkNode) root = NULL;

  if (crk_dataset_get_n_indicators (self->staging) == 0 ||
      crk_dataset_get_n_cities (self->staging) == 0)
    {
      Place place = {self->file, 0, 0, 0};

      if (self->strings->len > 0)
        _crk_import_report_at (self, &place, FALSE, CRK_IMPORT_ERROR_INVALID, "%s",
                               _ ("no annual observation to import"));
      else
        crk_import_report_error (report, NULL, 0, 0, CRK_IMPORT_ERROR_INVALID, "%s",
                                 _ ("no annual observation to import"));
      return NULL;
    }
  _crk_import_name_from_labels (self);
  root = _crk_import_new_root (self->staging);
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    _crk_import_append_leaf (root, crk_dataset_get_indicator (self->staging, i));
  crk_dataset_set_framework (self->staging, root);
  if (self->unit_kind != CRK_UNIT_CITY)
    crk_dataset_set_unit_kind (self->staging, self->unit_kind);
  else if (self->shape_countries ||
           (self->shape_area && crk_country_codes_in_dataset (self->staging, TRUE)))
    crk_dataset_set_unit_kind (self->staging, CRK_UNIT_COUNTRY);
  if (!crk_dataset_check_rules (self->staging, _crk_import_locate_rule, self, report->problems))
    return NULL;
  crk_dataset_set_modified (self->staging, FALSE);
  return g_object_ref (self->staging);
}

CrkDataset *
crk_import_dataset_finish (CrkImportDataset *self, CrkImportReport *report)
{
  g_return_val_if_fail (self != NULL && report != NULL, NULL);

  g_return_val_if_fail (!self->finished, NULL);

  if (self->has_file)
    crk_import_dataset_end_file (self);
  self->report = report;
  self->finished = TRUE;
  if (self->subs != NULL && !self->stopped)
    _crk_import_aggregate (self);
  g_clear_pointer (&self->subs, g_array_unref);
  crk_dataset_end_bulk (self->staging);
  if (self->into != NULL)
    return _crk_import_finish_into (self, report,
                                    crk_import_report_failed (report) || self->stopped);
  if (!_crk_import_check_no_choices (self) || crk_import_report_failed (report) || self->stopped)
    return NULL;
  return finish_new (self, report);
}

const GPtrArray *
crk_import_dataset_get_matches (CrkImportDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->match_list;
}

void
crk_import_dataset_get_summary (CrkImportDataset *self, CrkImportSummary *summary)
{
  g_return_if_fail (self != NULL && summary != NULL);

  *summary = self->summary;
  summary->n_cities = crk_dataset_get_n_cities (self->staging);
  summary->n_indicators = crk_dataset_get_n_indicators (self->staging);
  summary->n_years = crk_dataset_get_n_years (self->staging);
  summary->n_values = self->n_values;
  summary->n_missing = self->n_missing;
}

const GPtrArray *
crk_import_dataset_get_changes (CrkImportDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->changes;
}
