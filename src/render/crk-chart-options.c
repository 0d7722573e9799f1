/* crk-chart-options.c: the options of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-options"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-chart.h"

G_DEFINE_BOXED_TYPE (CrkChartOptions,
                     crk_chart_options,
                     crk_chart_options_copy,
                     crk_chart_options_free)

/**
 * crk_chart_options_new:
 * @kind: the kind of chart
 *
 * Returns: (transfer full): options with the defaults for @kind
 */
CrkChartOptions *
crk_chart_options_new (CrkChartKind kind)
{
  CrkChartOptions *self = g_new0 (CrkChartOptions, 1);

  self->kind = kind;
  self->style = CRK_CHART_STYLE_LIGHT;
  self->cities = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlighted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->radar_axes = CRK_RADAR_AXES_LEVEL;
  self->benchmark = CRK_BENCHMARK_NONE;
  self->benchmark_tier = -1;
  self->fill_opacity = 0.12;
  self->markers = TRUE;
  self->grid = CRK_GRID_POLYGON;
  self->n_rings = 5;
  self->legend = CRK_LEGEND_RIGHT;
  self->colour_by = CRK_BAR_COLOUR_TIER;
  self->show_tier_bands = TRUE;
  self->show_mean = TRUE;
  self->show_median = TRUE;
  self->show_rank_changes = TRUE;
  self->font_scale = 1.0;
  self->scale_min = NAN;
  self->scale_max = NAN;
  return self;
}

static GArray *
copy_array (GArray *array)
{
  GArray *copy;

  if (array == NULL)
    return NULL;
  copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (array), array->len);
  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

/**
 * crk_chart_options_copy:
 * @self: options
 *
 * Returns: (transfer full): a deep copy
 */
CrkChartOptions *
crk_chart_options_copy (const CrkChartOptions *self)
{
  CrkChartOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->cities = copy_array (self->cities);
  copy->highlighted = copy_array (self->highlighted);
  copy->years = copy_array (self->years);
  copy->node_code = g_strdup (self->node_code);
  copy->base_results = self->base_results != NULL ? g_object_ref (self->base_results) : NULL;
  copy->title = g_strdup (self->title);
  copy->subtitle = g_strdup (self->subtitle);
  copy->source = g_strdup (self->source);
  return copy;
}

/**
 * crk_chart_options_free:
 * @self: the object
 *
 * Frees the options.
 */
void
crk_chart_options_free (CrkChartOptions *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cities, g_array_unref);
  g_clear_pointer (&self->highlighted, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->base_results);
  g_free (self->node_code);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->source);
  g_free (self);
}

static void
set_array (GArray **array, gsize element_size, const void *values, guint n)
{
  if (*array == NULL)
    *array = g_array_new (FALSE, FALSE, element_size);
  g_array_set_size (*array, 0);
  if (n > 0)
    g_array_append_vals (*array, values, n);
}

/**
 * crk_chart_options_set_cities:
 * @self: the object
 * @cities: city indices
 * @n_cities: the number of cities
 *
 * Replaces the cities the chart shows.
 */
void
crk_chart_options_set_cities (CrkChartOptions *self, const guint *cities, guint n_cities)
{
  g_return_if_fail (self != NULL);
  set_array (&self->cities, sizeof (guint), cities, n_cities);
}

/**
 * crk_chart_options_add_city:
 * @self: the object
 * @city: a city index
 *
 * Appends a city to the options' cities.
 */
void
crk_chart_options_add_city (CrkChartOptions *self, guint city)
{
  g_return_if_fail (self != NULL);
  if (self->cities == NULL)
    self->cities = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->cities, city);
}

/**
 * crk_chart_options_set_highlighted:
 * @self: the object
 * @cities: city indices
 * @n_cities: the number of cities
 *
 * Replaces the highlighted cities.
 */
void
crk_chart_options_set_highlighted (CrkChartOptions *self, const guint *cities, guint n_cities)
{
  g_return_if_fail (self != NULL);
  set_array (&self->highlighted, sizeof (guint), cities, n_cities);
}

/**
 * crk_chart_options_set_years:
 * @self: the object
 * @years: calendar years
 * @n_years: the number of years
 *
 * Sets the years of the values chart (%NULL or none: all years).
 */
void
crk_chart_options_set_years (CrkChartOptions *self, const int *years, guint n_years)
{
  g_return_if_fail (self != NULL);
  if (years == NULL || n_years == 0)
    {
      g_clear_pointer (&self->years, g_array_unref);
      return;
    }
  set_array (&self->years, sizeof (int), years, n_years);
}

/**
 * crk_chart_options_set_node_code:
 * @self: the object
 * @node_code: a node code, or %NULL
 *
 * Sets the framework node the chart is about (%NULL: the index).
 */
void
crk_chart_options_set_node_code (CrkChartOptions *self, const char *node_code)
{
  g_return_if_fail (self != NULL);
  g_free (self->node_code);
  self->node_code = g_strdup (node_code);
}

/**
 * crk_chart_options_set_base_results:
 * @self: the object
 * @base_results: the base year's results, or %NULL
 *
 * Sets the base year's results for the base-year benchmark.
 */
void
crk_chart_options_set_base_results (CrkChartOptions *self, CrkResults *base_results)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->base_results, base_results);
}

/**
 * crk_chart_options_set_title:
 * @self: the object
 * @title: the title, or %NULL
 *
 * Sets the title (%NULL: generated, "": none).
 */
void
crk_chart_options_set_title (CrkChartOptions *self, const char *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * crk_chart_options_set_subtitle:
 * @self: the object
 * @subtitle: the subtitle, or %NULL
 *
 * Sets the subtitle (%NULL: generated, "": none).
 */
void
crk_chart_options_set_subtitle (CrkChartOptions *self, const char *subtitle)
{
  g_return_if_fail (self != NULL);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

/**
 * crk_chart_options_set_source:
 * @self: the object
 * @source: the source note, or %NULL
 *
 * Sets the source note (%NULL: generated, "": none).
 */
void
crk_chart_options_set_source (CrkChartOptions *self, const char *source)
{
  g_return_if_fail (self != NULL);
  g_free (self->source);
  self->source = g_strdup (source);
}

static const struct
{
  CrkChartKind kind;
  const char *name;
} kind_names[] = {
  {CRK_CHART_RADAR, "radar"},
  {CRK_CHART_BAR, "bar"},
  {CRK_CHART_CONTRIBUTION, "contrib"},
  {CRK_CHART_CONTRIBUTION, "contribution"},
  {CRK_CHART_GAP, "gap"},
  {CRK_CHART_VALUES, "values"},
};

/**
 * crk_chart_kind_to_string:
 * @kind: the kind
 *
 * The name of a chart kind.
 *
 * Returns: the name, or %NULL
 */
const char *
crk_chart_kind_to_string (CrkChartKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;
  return NULL;
}

/**
 * crk_chart_kind_from_string:
 * @s: a name
 * @kind: the kind
 *
 * Parses a chart kind name ("radar", "bar", "contrib", "gap", "values").
 *
 * Returns: %TRUE when @s names a kind
 */
gboolean
crk_chart_kind_from_string (const char *s, CrkChartKind *kind)
{
  g_return_val_if_fail (s != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (s, kind_names[i].name))
      {
        if (kind != NULL)
          *kind = kind_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * crk_chart_style_from_string:
 * @s: a name
 * @style: the style
 *
 * Parses a style name ("light", "dark", "print").
 *
 * Returns: %TRUE when @s names a style
 */
gboolean
crk_chart_style_from_string (const char *s, CrkChartStyle *style)
{
  static const char *names[] = {"light", "dark", "print"};

  g_return_val_if_fail (s != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (s, names[i]))
      {
        if (style != NULL)
          *style = (CrkChartStyle) i;
        return TRUE;
      }
  return FALSE;
}
