/* crk-dataset-reader-values.c: the <values> of the native format: the cells of the panel,
 * within the memory budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-dataset-reader-private.h"
#include "crk-io-limits.h"

static void
start_values (Reader *r)
{
  g_autofree char *message = NULL;

  r->in_values = TRUE;
  r->n_cities = crk_dataset_get_n_cities (r->dataset);
  r->n_indicators = crk_dataset_get_n_indicators (r->dataset);
  r->n_years = crk_dataset_get_n_years (r->dataset);
  /* Years cost nothing until they hold values; ranking a year costs the whole grid of
   * cities × indicators. */
  if (!crk_io_check_grid (r->n_cities, r->n_indicators, &message))
    {
      _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      r->values_refused = TRUE;
    }
}

typedef enum
{
  STORED,
  GIVEN_BEFORE, /* a second value of the cell */
  REFUSED,      /* over the budget, or out of memory */
} StoreOutcome;

static guint64
cell_key (Reader *r)
{
  return ((guint64) r->v_year * r->n_indicators + r->v_indicator) * r->n_cities + r->v_city;
}

/* The cells given with no value, status or note, which the dataset does not hold. */
static gboolean
given_empty (Reader *r)
{
  guint64 cell = cell_key (r);

  return r->empty_cells != NULL && g_hash_table_contains (r->empty_cells, &cell);
}

static void
remember_empty_cell (Reader *r)
{
  guint64 cell = cell_key (r);

  if (r->empty_cells == NULL)
    r->empty_cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (r->empty_cells, g_memdup2 (&cell, sizeof cell));
}

/* Stores the value of the current <v>. A second value of a cell is found as it is set
 * (the file is refused then, so it does not matter that it replaced the first). */
static StoreOutcome
store_value (Reader *r, double value)
{
  g_autofree char *message = NULL;
  gboolean was_held = FALSE;
  gboolean empty = isnan (value) && r->v_status == CRK_VALUE_STATUS_OBSERVED;

  if (++r->n_values % 4096 == 0 && !crk_io_check_values (r->n_values, &message))
    {
      _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return REFUSED;
    }
  if (given_empty (r))
    return GIVEN_BEFORE;
  if (empty)
    was_held = crk_dataset_has_cell (r->dataset, r->v_city, r->v_indicator, r->v_year);
  else if (!crk_dataset_try_set_value (r->dataset, r->v_city, r->v_indicator, r->v_year, value,
                                       r->v_status, &was_held))
    {
      _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_HOSTILE,
                               _ ("out of memory; refusing the file"));
      return REFUSED;
    }
  if (was_held)
    return GIVEN_BEFORE;
  if (empty && r->v_note == NULL)
    remember_empty_cell (r);
  if (r->v_note != NULL)
    crk_dataset_set_value_note (r->dataset, r->v_city, r->v_indicator, r->v_year, r->v_note);
  return STORED;
}

/* <values>, <city>, <year> and <v>, at their start. */
void
_crk_reader_start_values_element (Reader *r, Frame *f)
{
  switch (f->elem)
    {
      case E_VALUES:
        start_values (r);
        break;

      case E_V_CITY:
        {
          const char *code = _crk_reader_read_attribute (r, "code");
          CrkCity *city;

          r->v_city = -1;
          if (code == NULL)
            break;
          city = crk_dataset_lookup_city (r->dataset, code);
          if (city == NULL)
            _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                                     _ ("values for an unknown city “%s”"), code);
          else
            r->v_city = (int) crk_city_get_index (city);
        }
        break;

      case E_V_YEAR:
        {
          const char *s = _crk_reader_read_attribute (r, "value");
          gint64 year;

          r->v_year = -1;
          r->v_year_value = 0;
          if (!_crk_reader_parse_int (s, G_MININT, G_MAXINT, &year))
            break;
          r->v_year_value = (int) year;
          r->v_year = crk_dataset_lookup_year (r->dataset, (int) year);
          if (r->v_year < 0)
            _crk_reader_add_problem (
              r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
              _ ("the year %d is not one of the dataset’s years (<years> in <metadata>)"),
              (int) year);
        }
        break;

      case E_V:
        {
          static const char *const names[] = {"i", "status", "note", NULL};
          const char *v[3];
          CrkIndicator *indicator;

          _crk_reader_read_attributes (r, names, v);
          r->v_indicator = -1;
          r->v_status = CRK_VALUE_STATUS_OBSERVED;
          g_clear_pointer (&r->v_note, g_free);
          if (v[0] == NULL)
            break;
          indicator = crk_dataset_lookup_indicator (r->dataset, v[0]);
          if (indicator == NULL)
            {
              _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                                       _ ("a value of an unknown indicator “%s”"), v[0]);
              break;
            }
          r->v_indicator = (int) crk_indicator_get_index (indicator);
          if (g_strcmp0 (v[1], "estimated") == 0)
            r->v_status = CRK_VALUE_STATUS_ESTIMATED;
          else if (g_strcmp0 (v[1], "imputed") == 0)
            r->v_status = CRK_VALUE_STATUS_IMPUTED;
          if (v[2] != NULL && *v[2] != '\0')
            r->v_note = g_strdup (v[2]);
        }
        break;

      default:
        break;
    }
}

void
_crk_reader_end_value (Reader *r)
{
  const char *text = _crk_reader_text_value (r);
  double value = NAN;
  if (r->v_indicator < 0 || r->v_city < 0 || r->v_year < 0 || r->values_refused)
    return;

  if (text != NULL && (!_crk_reader_parse_double (text, &value) || !isfinite (value)))
    {
      CrkCity *city = crk_dataset_get_city (r->dataset, r->v_city);
      CrkIndicator *indicator = crk_dataset_get_indicator (r->dataset, r->v_indicator);
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_autofree char *shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));

      _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                               _ ("the value “%s” of “%s” for “%s” in %d is not a number"), shown,
                               crk_indicator_get_code (indicator), crk_city_get_code (city),
                               r->v_year_value);
      return;
    }

  switch (store_value (r, value))
    {
      case GIVEN_BEFORE:
        {
          CrkCity *city = crk_dataset_get_city (r->dataset, r->v_city);
          CrkIndicator *indicator = crk_dataset_get_indicator (r->dataset, r->v_indicator);

          _crk_reader_add_problem (
            r, r->n_elements, CRK_IMPORT_ERROR_INVALID, _ ("a second value of “%s” for “%s” in %d"),
            crk_indicator_get_code (indicator), crk_city_get_code (city), r->v_year_value);
        }
        break;
      case REFUSED:
        r->values_refused = TRUE;
        break;
      case STORED:
      default:
        break;
    }
}
