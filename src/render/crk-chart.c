/* crk-chart.c: charts of results; the one place of render that reads the engine's results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-chart.h"

#include "crk-chart-private.h"
#include "crk-model.h"

#define MAX_RADAR_SERIES CRK_CHART_MAX_RADAR_SERIES

static int
node_of (CrkResults *results, const CrkChartOptions *options)
{
  int node = 0;

  if (options->node_code != NULL && *options->node_code != '\0')
    {
      node = crk_results_lookup_node (results, options->node_code);
      if (node < 0)
        {
          g_debug ("Chart: no node “%s”; using the index", options->node_code);
          node = 0;
        }
    }
  return node;
}

static const char *
city_name (CrkDataset *dataset, guint city)
{
  return crk_city_get_display_name (crk_dataset_get_city (dataset, city));
}

static const char *
node_name (CrkResults *results, guint node)
{
  CrkFrameworkNode *n = crk_results_get_node (results, node);
  const char *name = crk_framework_node_get_display_name (n);

  return name != NULL && *name != '\0' ? name : crk_framework_node_get_code (n);
}

static gboolean
array_has (GArray *array, guint value)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return TRUE;
  return FALSE;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Mean and median of @node's scores over the ranked cities, optionally only those of
 * @tier (-1 = all). */
static void
stats_of (CrkResults *results, guint node, int tier, double *mean, double *median)
{
  guint n_ranked = 0, n = 0;
  const guint *order = crk_results_get_order (results, &n_ranked);
  g_autofree double *values = g_new (double, MAX (n_ranked, 1));
  double sum = 0;

  for (guint i = 0; i < n_ranked; i++)
    {
      double v = crk_results_get_score (results, node, order[i]);

      if (isnan (v) || (tier >= 0 && crk_results_get_tier (results, order[i]) != tier))
        continue;
      values[n++] = v;
      sum += v;
    }
  if (n == 0)
    {
      *mean = *median = NAN;
      return;
    }
  qsort (values, n, sizeof (double), compare_double);
  *mean = sum / n;
  *median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Node indices of @node's children. */
static GArray *
children_of (CrkResults *results, guint node)
{
  CrkFrameworkNode *n = crk_results_get_node (results, node);
  GArray *children = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < crk_framework_node_get_n_children (n); i++)
    {
      CrkFrameworkNode *child = crk_framework_node_get_child (n, i);
      int index = crk_results_lookup_node (results, crk_framework_node_get_code (child));

      if (index >= 0)
        g_array_append_val (children, index);
    }
  return children;
}

typedef struct
{
  CrkResults *results;
  GArray *nodes;
} LeafCollect;

static gboolean
collect_leaf (CrkFrameworkNode *node, gpointer user_data)
{
  LeafCollect *c = user_data;

  if (crk_framework_node_is_leaf (node))
    {
      int index = crk_results_lookup_node (c->results, crk_framework_node_get_code (node));

      if (index >= 0)
        g_array_append_val (c->nodes, index);
    }
  return TRUE;
}

static GArray *
leaves_of (CrkResults *results, guint node)
{
  LeafCollect c = {results, g_array_new (FALSE, FALSE, sizeof (int))};

  crk_framework_node_foreach (crk_results_get_node (results, node), collect_leaf, &c);
  return c.nodes;
}

static void
set_axes (CrkChartData *data, CrkResults *results, GArray *nodes)
{
  g_autofree const char **names = g_new0 (const char *, nodes->len + 1);

  for (guint i = 0; i < nodes->len; i++)
    names[i] = node_name (results, g_array_index (nodes, int, i));
  crk_chart_data_set_axes (data, nodes->len, names);
  for (guint i = 0; i < nodes->len; i++)
    data->axis_nodes[i] = g_array_index (nodes, int, i);
}

static const char *
framework_node_name (CrkFrameworkNode *n)
{
  const char *name = crk_framework_node_get_display_name (n);

  return name != NULL && *name != '\0' ? name : crk_framework_node_get_code (n);
}

/* The level a chart's segments come from: options->level below the index, else 0 (the
 * children of the node) for the contribution and gap charts, whose node is the index. */
static guint
segment_level (CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);

  if (options->level == 0 || node_of (results, options) != 0 ||
      options->level + 1 >= crk_dataset_get_n_levels (dataset))
    return 0;
  return options->level;
}

/* Axes from the components of @level (see crk_chart_level_nodes()); below the
 * dimensions, with @grouped, each axis is grouped under its dimension (rim arcs). */
static void
set_level_axes (CrkChartData *data, CrkResults *results, guint level, gboolean grouped)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  CrkFrameworkNode *root = crk_dataset_get_framework (dataset);
  GPtrArray *dims = crk_dataset_get_dimensions (dataset);
  g_autoptr (GPtrArray) nodes = crk_chart_level_nodes (dataset, level);
  g_autoptr (GArray) axes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < nodes->len; i++)
    {
      CrkFrameworkNode *node = g_ptr_array_index (nodes, i), *dim = node;
      int index = crk_results_lookup_node (results, crk_framework_node_get_code (node));
      guint group = 0;

      if (index < 0)
        continue;
      while (crk_framework_node_get_parent (dim) != NULL &&
             crk_framework_node_get_parent (dim) != root)
        dim = crk_framework_node_get_parent (dim);
      g_ptr_array_find (dims, dim, &group);
      g_array_append_val (axes, index);
      g_array_append_vals (groups, &(int){(int) group}, 1);
    }
  set_axes (data, results, axes);
  if (grouped && dims->len > 1 && level + 1 < crk_dataset_get_n_levels (dataset))
    {
      g_autofree const char **names = g_new0 (const char *, dims->len + 1);

      for (guint g = 0; g < dims->len; g++)
        names[g] = framework_node_name (g_ptr_array_index (dims, g));
      crk_chart_data_set_groups (data, dims->len, names,
                                 (const int *) (gconstpointer) groups->data);
    }
}

/* A node's part of the index score for a city: its contribution to its parent, times its
 * parent's part of the index over the sum of its parent's parts (exact for arithmetic
 * aggregation at every node on the way; NAN otherwise). */
static double
contribution_to_index (CrkResults *results, guint node, guint city)
{
  CrkFrameworkNode *n = crk_results_get_node (results, node);
  CrkFrameworkNode *parent = crk_framework_node_get_parent (n);
  double part = crk_results_get_contribution (results, node, city);
  double sum = 0;
  int parent_index;

  if (parent == NULL || crk_framework_node_get_parent (parent) == NULL || isnan (part))
    return part;
  parent_index = crk_results_lookup_node (results, crk_framework_node_get_code (parent));
  if (parent_index < 0)
    return NAN;
  for (guint i = 0; i < crk_framework_node_get_n_children (parent); i++)
    {
      int sibling = crk_results_lookup_node (
        results, crk_framework_node_get_code (crk_framework_node_get_child (parent, i)));
      double c = sibling >= 0 ? crk_results_get_contribution (results, (guint) sibling, city) : NAN;

      if (!isnan (c))
        sum += c;
    }
  if (sum == 0)
    return part == 0 ? 0 : NAN;
  return part / sum * contribution_to_index (results, (guint) parent_index, city);
}

static void
fill_radar (CrkChartData *data, CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  g_autoptr (GArray) axes = NULL;
  g_autofree int *groups = NULL;
  guint n_cities = options->cities != NULL ? MIN (options->cities->len, MAX_RADAR_SERIES) : 0;

  switch (options->radar_axes)
    {
      case CRK_RADAR_AXES_INDICATORS:
        {
          g_autoptr (GArray) dims = children_of (results, 0);
          g_autofree const char **group_names = g_new0 (const char *, dims->len + 1);
          g_autoptr (GArray) all_groups = g_array_new (FALSE, FALSE, sizeof (int));

          axes = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint g = 0; g < dims->len; g++)
            {
              g_autoptr (GArray) leaves = leaves_of (results, g_array_index (dims, int, g));
              int gi = (int) g;

              group_names[g] = node_name (results, g_array_index (dims, int, g));
              for (guint i = 0; i < leaves->len; i++)
                {
                  g_array_append_val (axes, g_array_index (leaves, int, i));
                  g_array_append_val (all_groups, gi);
                }
            }
          set_axes (data, results, axes);
          crk_chart_data_set_groups (data, dims->len, group_names,
                                     (const int *) (gconstpointer) all_groups->data);
        }
        break;
      case CRK_RADAR_AXES_CHILDREN:
        axes = children_of (results, (guint) node_of (results, options));
        set_axes (data, results, axes);
        break;
      case CRK_RADAR_AXES_LEVEL:
        set_level_axes (data, results, crk_chart_level_resolve (dataset, options->level), TRUE);
        break;
      case CRK_RADAR_AXES_DIMENSIONS:
      default:
        axes = children_of (results, 0);
        set_axes (data, results, axes);
        break;
    }

  for (guint c = 0; c < n_cities; c++)
    {
      guint city = g_array_index (options->cities, guint, c);
      CrkChartSeries *s;

      if (city >= crk_dataset_get_n_cities (dataset))
        continue;
      s = crk_chart_data_add_series (data, city_name (dataset, city), city, 0, NULL);
      s->ranks = g_new0 (guint, MAX (data->n_axes, 1));
      for (guint i = 0; i < data->n_axes; i++)
        {
          s->values[i] = crk_results_get_score (results, (guint) data->axis_nodes[i], city);
          s->ranks[i] = crk_results_get_node_rank (results, (guint) data->axis_nodes[i], city);
        }
    }

  if (options->benchmark != CRK_BENCHMARK_NONE && data->n_axes > 0)
    {
      g_autofree double *values = g_new (double, data->n_axes);
      g_autofree char *name = NULL;
      int tier = options->benchmark_tier;

      switch (options->benchmark)
        {
          case CRK_BENCHMARK_MEDIAN:
            for (guint i = 0; i < data->n_axes; i++)
              {
                double mean;
                stats_of (results, (guint) data->axis_nodes[i], -1, &mean, &values[i]);
              }
            name = g_strdup (crk_unit_kind_get_word (
              crk_dataset_get_unit_kind (crk_results_get_dataset (results)), CRK_UNIT_WORD_MEDIAN));
            break;
          case CRK_BENCHMARK_TIER_MEAN:
            if (tier < 0 && data->n_series > 0)
              tier = crk_results_get_tier (results, data->series[0].city);
            if (tier < 0 || (guint) tier >= crk_results_get_n_tiers (results))
              break;
            for (guint i = 0; i < data->n_axes; i++)
              {
                double median;
                stats_of (results, (guint) data->axis_nodes[i], tier, &values[i], &median);
              }
            name = g_strdup_printf (_ ("Mean of the %s stage"),
                                    crk_results_get_tier_name (results, (guint) tier));
            break;
          case CRK_BENCHMARK_BASE_YEAR:
            if (options->base_results == NULL || data->n_series == 0)
              break;
            for (guint i = 0; i < data->n_axes; i++)
              {
                const char *code = crk_framework_node_get_code (
                  crk_results_get_node (results, (guint) data->axis_nodes[i]));
                int node = crk_results_lookup_node (options->base_results, code);

                values[i] = node >= 0 ? crk_results_get_score (options->base_results, (guint) node,
                                                               data->series[0].city)
                                      : NAN;
              }
            name = g_strdup_printf (_ ("%s in %d"), data->series[0].name,
                                    crk_results_get_year (options->base_results));
            break;
          case CRK_BENCHMARK_NONE:
          default:
            break;
        }
      if (name != NULL)
        crk_chart_data_set_benchmark (data, name, values);
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

static void
fill_categories (CrkChartData *data, CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint n_tiers = crk_results_get_n_tiers (results);
  g_autofree const char **tiers = g_new0 (const char *, n_tiers + 1);

  for (guint t = 0; t < n_tiers; t++)
    tiers[t] = crk_results_get_tier_name (results, t);
  crk_chart_data_set_tiers (data, n_tiers, tiers);

  if (options->colour_by == CRK_BAR_COLOUR_REGION)
    {
      g_autoptr (GPtrArray) regions = g_ptr_array_new ();

      for (guint i = 0; i < data->n_rows; i++)
        {
          const char *region =
            crk_city_get_region (crk_dataset_get_city (dataset, data->rows[i].city));
          guint index;

          if (region == NULL || *region == '\0')
            continue;
          if (!g_ptr_array_find_with_equal_func (regions, region, g_str_equal, &index))
            g_ptr_array_add (regions, (gpointer) region);
        }
      g_ptr_array_sort (regions, compare_names);
      for (guint i = 0; i < data->n_rows; i++)
        {
          const char *region =
            crk_city_get_region (crk_dataset_get_city (dataset, data->rows[i].city));
          guint index;

          if (region != NULL &&
              g_ptr_array_find_with_equal_func (regions, region, g_str_equal, &index))
            data->rows[i].category = (int) index;
        }
      {
        /* the legend names the regions in the chart's language; grouping keeps the values */
        g_autofree const char **names = g_new0 (const char *, regions->len + 1);

        for (guint i = 0; i < regions->len; i++)
          names[i] =
            crk_dataset_get_group_display_name (dataset, "region", g_ptr_array_index (regions, i));
        crk_chart_data_set_categories (data, _ ("Region"), regions->len, names);
      }
    }
  else if (options->colour_by == CRK_BAR_COLOUR_TIER && n_tiers > 0)
    {
      for (guint i = 0; i < data->n_rows; i++)
        data->rows[i].category = data->rows[i].tier;
      crk_chart_data_set_categories (data, _ ("Stage"), n_tiers, tiers);
    }
}

/* Cities in rank order at @node: the index order at the root, else by the node's rank. */
static GArray *
ranked_cities (CrkResults *results, guint node)
{
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (results, &n_ranked);
  GArray *cities = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_ranked);

  g_array_append_vals (cities, order, n_ranked);
  if (node != 0)
    {
      /* Stable insertion sort by the node's rank; unranked at the node go last. */
      for (guint i = 1; i < cities->len; i++)
        for (guint j = i; j > 0; j--)
          {
            guint a = g_array_index (cities, guint, j - 1), b = g_array_index (cities, guint, j);
            guint ra = crk_results_get_node_rank (results, node, a),
                  rb = crk_results_get_node_rank (results, node, b);

            if ((ra == 0 ? G_MAXUINT : ra) <= (rb == 0 ? G_MAXUINT : rb))
              break;
            g_array_index (cities, guint, j - 1) = b;
            g_array_index (cities, guint, j) = a;
          }
    }
  return cities;
}

static void
fill_bar (CrkChartData *data, CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint node = (guint) node_of (results, options);
  g_autoptr (GArray) cities = ranked_cities (results, node);
  guint n = options->top_n > 0 ? MIN (options->top_n, cities->len) : cities->len;
  gboolean has_base = crk_results_has_base_year (results) && node == 0;

  data->value_name = node == 0 ? g_strdup (_ ("Index score"))
                               : g_strdup_printf (_ ("%s score"), node_name (results, node));
  data->base_year = has_base ? crk_results_get_base_year (results) : 0;
  for (guint i = 0; i < n; i++)
    {
      guint city = g_array_index (cities, guint, i);
      guint rank = node == 0 ? crk_results_get_rank (results, city)
                             : crk_results_get_node_rank (results, node, city);
      CrkChartRow *row = crk_chart_data_add_row (data, city, city_name (dataset, city), rank,
                                                 crk_results_get_score (results, node, city), NULL);
      int rank_change = 0;
      double score_change = 0;

      row->tier = node == 0 ? crk_results_get_tier (results, city) : -1;
      row->highlighted =
        array_has (options->highlighted, city) || array_has (options->cities, city);
      if (has_base)
        {
          if (crk_results_get_change (results, city, &rank_change, &score_change))
            {
              row->has_change = TRUE;
              row->rank_change = rank_change;
              data->has_changes = TRUE;
            }
          else if (crk_results_get_base_rank (results, city) == 0 && rank > 0)
            {
              row->is_new = TRUE;
              data->has_changes = TRUE;
            }
        }
    }
  if (node != 0)
    crk_chart_data_set_tiers (data, 0, NULL);
  else
    fill_categories (data, results, options);
  stats_of (results, node, -1, &data->mean, &data->median);
  if (!options->show_mean)
    data->mean = NAN;
  if (!options->show_median)
    data->median = NAN;
}

static void
fill_contribution (CrkChartData *data, CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint node = (guint) node_of (results, options);
  guint level = segment_level (results, options);
  g_autoptr (GArray) cities = NULL;
  g_autofree double *parts = NULL;

  if (level > 0)
    set_level_axes (data, results, level, FALSE);
  else
    {
      g_autoptr (GArray) axes = children_of (results, node);

      set_axes (data, results, axes);
    }
  data->value_name = g_strdup (_ ("Points of the score"));
  if (options->cities != NULL && options->cities->len > 0)
    {
      cities = g_array_ref (options->cities);
    }
  else
    {
      cities = ranked_cities (results, node);
      if (options->top_n > 0 && cities->len > options->top_n)
        g_array_set_size (cities, options->top_n);
    }
  parts = g_new (double, MAX (data->n_axes, 1));
  for (guint i = 0; i < cities->len; i++)
    {
      guint city = g_array_index (cities, guint, i);
      CrkChartRow *row;

      if (city >= crk_dataset_get_n_cities (dataset))
        continue;
      for (guint j = 0; j < data->n_axes; j++)
        parts[j] = level > 0
          ? contribution_to_index (results, (guint) data->axis_nodes[j], city)
          : crk_results_get_contribution (results, (guint) data->axis_nodes[j], city);
      row = crk_chart_data_add_row (data, city, city_name (dataset, city),
                                    node == 0 ? crk_results_get_rank (results, city)
                                              : crk_results_get_node_rank (results, node, city),
                                    crk_results_get_score (results, node, city), parts);
      row->highlighted = array_has (options->highlighted, city);
    }
}

static void
fill_gap (CrkChartData *data, CrkResults *results, const CrkChartOptions *options, char **problem)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint node = (guint) node_of (results, options);
  guint level = segment_level (results, options);
  g_autoptr (GArray) parts = NULL;
  g_autoptr (GError) error = NULL;
  guint a, b;
  CrkChartSeries *sa, *sb;

  if (level > 0)
    set_level_axes (data, results, level, FALSE);
  else
    {
      g_autoptr (GArray) axes = children_of (results, node);

      set_axes (data, results, axes);
    }
  if (options->cities == NULL || options->cities->len < 2)
    return;
  a = g_array_index (options->cities, guint, 0);
  b = g_array_index (options->cities, guint, 1);
  if (a >= crk_dataset_get_n_cities (dataset) || b >= crk_dataset_get_n_cities (dataset))
    return;
  crk_chart_data_add_series (data, city_name (dataset, a), a, 0, NULL);
  crk_chart_data_add_series (data, city_name (dataset, b), b, 0, NULL);
  /* Only now: adding a series may move the array. */
  sa = &data->series[0];
  sb = &data->series[1];
  data->gap_total =
    crk_results_get_score (results, node, a) - crk_results_get_score (results, node, b);
  parts = crk_results_explain_gap (results, node, a, b, &error);
  if (parts == NULL)
    {
      *problem = g_strdup (error->message);
      return;
    }
  if (level > 0)
    {
      /* the level's parts of each city's index score: they add up to the gap too */
      for (guint j = 0; j < data->n_axes; j++)
        {
          sa->values[j] = contribution_to_index (results, (guint) data->axis_nodes[j], a);
          sb->values[j] = contribution_to_index (results, (guint) data->axis_nodes[j], b);
        }
      return;
    }
  for (guint p = 0; p < parts->len; p++)
    {
      const CrkGapPart *part = &g_array_index (parts, CrkGapPart, p);
      int index = crk_results_lookup_node (results, crk_framework_node_get_code (part->child));

      for (guint j = 0; j < data->n_axes; j++)
        if (data->axis_nodes[j] == index)
          {
            sa->values[j] = part->contribution_a;
            sb->values[j] = part->contribution_b;
          }
    }
}

static void
fill_values (CrkChartData *data, CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint node = (guint) node_of (results, options);
  g_autoptr (GArray) leaves = leaves_of (results, node);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) indicators = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) axes = g_array_new (FALSE, FALSE, sizeof (int));
  guint city;

  for (guint i = 0; i < leaves->len; i++)
    {
      int leaf = g_array_index (leaves, int, i);
      CrkIndicator *indicator =
        crk_framework_node_get_indicator (crk_results_get_node (results, (guint) leaf));
      int index;

      if (indicator == NULL)
        continue;
      index = (int) crk_indicator_get_index (indicator);
      g_array_append_val (indicators, index);
      g_array_append_val (axes, leaf);
    }
  set_axes (data, results, axes);
  for (guint j = 0; j < indicators->len; j++)
    {
      CrkIndicator *indicator =
        crk_dataset_get_indicator (dataset, (guint) g_array_index (indicators, int, j));
      const char *unit = crk_indicator_get_display_unit (indicator);

      data->axis_units[j] = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
    }

  if (options->years != NULL && options->years->len > 0)
    {
      for (guint i = 0; i < options->years->len; i++)
        if (crk_dataset_lookup_year (dataset, g_array_index (options->years, int, i)) >= 0)
          g_array_append_val (years, g_array_index (options->years, int, i));
    }
  else
    for (guint y = 0; y < crk_dataset_get_n_years (dataset); y++)
      {
        int year = crk_dataset_get_year (dataset, y);
        g_array_append_val (years, year);
      }

  if (options->cities == NULL || options->cities->len == 0)
    return;
  city = g_array_index (options->cities, guint, 0);
  if (city >= crk_dataset_get_n_cities (dataset))
    return;
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      int year_index = crk_dataset_lookup_year (dataset, year);
      CrkChartSeries *s =
        crk_chart_data_add_series (data, city_name (dataset, city), city, year, NULL);

      for (guint j = 0; j < indicators->len; j++)
        s->values[j] = crk_dataset_get_value (
          dataset, city, (guint) g_array_index (indicators, int, j), (guint) year_index);
    }
}

/* The radar's title on a level: what its axes are. */
static char *
level_title (CrkResults *results, const CrkChartOptions *options, const CrkChartData *data)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint level = crk_chart_level_resolve (dataset, options->level);
  guint n_levels = crk_dataset_get_n_levels (dataset);
  int year = crk_results_get_year (results);

  if (level + 1 == n_levels)
    return g_strdup_printf (_ ("Dimension scores, %d"), year);
  if (level == 1)
    return data->n_groups > 0 ? g_strdup_printf (_ ("Indicator scores by dimension, %d"), year)
                              : g_strdup_printf (_ ("Indicator scores, %d"), year);
  if (n_levels == 4 && level == 2)
    return data->n_groups > 0 ? g_strdup_printf (_ ("Pillar scores by dimension, %d"), year)
                              : g_strdup_printf (_ ("Pillar scores, %d"), year);
  /* Translators: the radar's title; level 1 is the indicators' */
  return g_strdup_printf (_ ("Scores at level %u of %u, %d"), level, n_levels, year);
}

/* What level a chart's axes or segments come from, for its subtitle: "Pillars (level 2
 * of 4)"; NULL when the chart shows the children of its node. */
static char *
level_text (CrkResults *results, const CrkChartOptions *options)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  guint level;
  g_autofree char *name = NULL;

  if (options->kind == CRK_CHART_RADAR && options->radar_axes == CRK_RADAR_AXES_LEVEL)
    level = crk_chart_level_resolve (dataset, options->level);
  else if (options->kind == CRK_CHART_CONTRIBUTION || options->kind == CRK_CHART_GAP)
    level = segment_level (results, options);
  else
    return NULL;
  if (level == 0)
    return NULL;
  name = crk_chart_level_dup_name (dataset, level);
  if (level != 1 && level + 1 != crk_dataset_get_n_levels (dataset) &&
      !(crk_dataset_get_n_levels (dataset) == 4 && level == 2))
    return g_steal_pointer (&name); /* already "Level 2 of 5" */
  /* Translators: the components a chart shows, "Pillars (level 2 of 4)"; level 1 is the
   * indicators' */
  return g_strdup_printf (_ ("%s (level %u of %u)"), name, level,
                          crk_dataset_get_n_levels (dataset));
}

static char *
generated_title (CrkResults *results, const CrkChartOptions *options, const CrkChartData *data)
{
  int year = crk_results_get_year (results);
  guint node = (guint) node_of (results, options);

  switch (options->kind)
    {
      case CRK_CHART_RADAR:
        if (options->radar_axes == CRK_RADAR_AXES_LEVEL)
          return level_title (results, options, data);
        if (options->radar_axes == CRK_RADAR_AXES_INDICATORS)
          return g_strdup_printf (_ ("Indicator scores by dimension, %d"), year);
        if (options->radar_axes == CRK_RADAR_AXES_CHILDREN && node != 0)
          return g_strdup_printf (_ ("%s: scores of its components, %d"), node_name (results, node),
                                  year);
        return g_strdup_printf (_ ("Dimension scores, %d"), year);
      case CRK_CHART_BAR:
        if (options->top_n > 0 && options->top_n < crk_results_get_n_ranked (results))
          return crk_unit_kind_format_top (
            crk_dataset_get_unit_kind (crk_results_get_dataset (results)), options->top_n, year);
        return crk_unit_kind_format_ranking (
          crk_dataset_get_unit_kind (crk_results_get_dataset (results)), data->n_rows, year);
      case CRK_CHART_CONTRIBUTION:
        return g_strdup_printf (_ ("What makes up the score, %d"), year);
      case CRK_CHART_GAP:
        if (data->n_series >= 2)
          return g_strdup_printf (_ ("%s and %s: where the gap comes from, %d"),
                                  data->series[0].name, data->series[1].name, year);
        return g_strdup_printf (_ ("Score gap, %d"), year);
      case CRK_CHART_VALUES:
      default:
        if (data->n_series > 1)
          return g_strdup_printf (_ ("%s: indicator values, %d–%d"), data->series[0].name,
                                  data->series[0].year, data->series[data->n_series - 1].year);
        if (data->n_series == 1)
          return g_strdup_printf (_ ("%s: indicator values, %d"), data->series[0].name,
                                  data->series[0].year);
        return g_strdup (_ ("Indicator values"));
    }
}

/* What scale the chart's scores are on: the radar's axes, the other kinds' node; NULL for
 * raw values. */
static char *
scale_text (CrkResults *results, const CrkChartOptions *options, const CrkChartData *data)
{
  int node = node_of (results, options);

  switch (options->kind)
    {
      case CRK_CHART_RADAR:
        return crk_chart_dup_scale_text (results, data->axis_nodes, data->n_axes);
      case CRK_CHART_BAR:
      case CRK_CHART_CONTRIBUTION:
      case CRK_CHART_GAP:
        return crk_chart_dup_scale_text (results, &node, 1);
      case CRK_CHART_VALUES:
      default:
        return NULL;
    }
}

/* The dataset's title, what the chart shows and the scale of its scores, joined by " · ". */
static char *
generated_subtitle (CrkResults *results, const CrkChartOptions *options, const CrkChartData *data)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  const char *title = crk_dataset_get_display_title (dataset);
  guint node = (guint) node_of (results, options);
  g_autofree char *what = NULL;
  GPtrArray *parts = g_ptr_array_new ();
  char *joined;

  switch (options->kind)
    {
      case CRK_CHART_RADAR:
        what = level_text (results, options);
        break;
      case CRK_CHART_BAR:
        what = node == 0 ? g_strdup (_ ("Index score"))
                         : g_strdup_printf (_ ("Score of %s"), node_name (results, node));
        break;
      case CRK_CHART_CONTRIBUTION:
        if (segment_level (results, options) > 0)
          {
            g_autofree char *level = level_text (results, options);

            what = g_strdup_printf (
              "%s · %s", _ ("Weighted points each component adds to the index score"), level);
            break;
          }
        what = node == 0
          ? g_strdup (_ ("Weighted points each dimension adds to the index score"))
          : g_strdup_printf (_ ("Weighted points each component adds to the score of %s"),
                             node_name (results, node));
        break;
      case CRK_CHART_GAP:
        if (!isnan (data->gap_total) && data->n_series >= 2)
          {
            g_autofree char *v = crk_chart_format_value (fabs (data->gap_total));
            g_autofree char *level = level_text (results, options);

            what = g_strdup_printf (
              _ ("%s scores %s points %s %s, split by component"), data->series[0].name, v,
              data->gap_total >= 0 ? _ ("above") : _ ("below"), data->series[1].name);
            if (level != NULL)
              {
                char *both = g_strdup_printf ("%s · %s", what, level);

                g_free (what);
                what = both;
              }
          }
        break;
      case CRK_CHART_VALUES:
      default:
        what = g_strdup (_ ("Raw values with the change on the year before"));
        break;
    }
  if (title != NULL && *title != '\0')
    g_ptr_array_add (parts, (gpointer) title);
  if (what != NULL)
    g_ptr_array_add (parts, what);
  if (data->scale_text != NULL)
    g_ptr_array_add (parts, data->scale_text);
  g_ptr_array_add (parts, NULL);
  joined = parts->len > 1 ? g_strjoinv (" · ", (char **) parts->pdata) : NULL;
  g_ptr_array_unref (parts);
  return joined;
}

static char *
generated_source (CrkResults *results)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  const char *source = crk_dataset_get_display_source (dataset);

  if (source != NULL && *source != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (source));
      const char *last = g_utf8_find_prev_char (trimmed, trimmed + strlen (trimmed));
      gunichar c = last != NULL ? g_utf8_get_char (last) : 0;

      /* No second full stop after one that ends the source. */
      if (c == '.' || c == 0x3002 || c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F)
        return g_strdup_printf (_ ("Source: %s Chart: Cityrank."), trimmed);
      return g_strdup_printf (_ ("Source: %s. Chart: Cityrank."), trimmed);
    }
  return g_strdup (_ ("Chart: Cityrank."));
}

/* The chart's data, titles included. */
static CrkChartData *
chart_data_new (CrkResults *results, const CrkChartOptions *options)
{
  CrkChartData *data = crk_chart_data_new (options->kind);
  g_autofree char *problem = NULL;

  data->unit_kind = crk_dataset_get_unit_kind (crk_results_get_dataset (results));

  switch (options->kind)
    {
      case CRK_CHART_RADAR:
        fill_radar (data, results, options);
        break;
      case CRK_CHART_BAR:
        fill_bar (data, results, options);
        break;
      case CRK_CHART_CONTRIBUTION:
        fill_contribution (data, results, options);
        break;
      case CRK_CHART_GAP:
        fill_gap (data, results, options, &problem);
        break;
      case CRK_CHART_VALUES:
      default:
        fill_values (data, results, options);
        break;
    }
  data->scale_text = scale_text (results, options, data);
  data->title =
    options->title != NULL ? g_strdup (options->title) : generated_title (results, options, data);
  if (options->subtitle != NULL)
    data->subtitle = g_strdup (options->subtitle);
  else if (problem != NULL)
    data->subtitle = g_steal_pointer (&problem);
  else
    data->subtitle = generated_subtitle (results, options, data);
  data->source = options->source != NULL ? g_strdup (options->source) : generated_source (results);
  return data;
}

/**
 * crk_chart_draw:
 * @cr: where to draw
 * @results: the results to chart
 * @options: what to chart and how
 * @width: width in user units
 * @height: height in user units
 * @hits: (nullable): filled with hit regions and text boxes
 *
 * Draws the chart filling (0, 0, @width, @height), background included.
 */
void
crk_chart_draw (cairo_t *cr,
                CrkResults *results,
                const CrkChartOptions *options,
                double width,
                double height,
                CrkChartHits *hits)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CRK_IS_RESULTS (results));
  g_return_if_fail (options != NULL);

  data = chart_data_new (results, options);
  crk_chart_data_draw (cr, data, options, width, height, hits);
}

/**
 * crk_chart_get_natural_height:
 * @results: the results
 * @options: the chart options
 * @width: the width
 *
 * The height the chart wants at a width: the ranked bar chart grows with its rows.
 *
 * Returns: the height in the units of @width
 */
double
crk_chart_get_natural_height (CrkResults *results, const CrkChartOptions *options, double width)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), 0);
  g_return_val_if_fail (options != NULL, 0);

  data = chart_data_new (results, options);
  return crk_chart_data_get_natural_height (data, options, width);
}

/**
 * crk_chart_dup_title:
 * @results: the results
 * @options: the chart options
 *
 * The title the chart shows when the options leave it unset.
 *
 * Returns: the title; free with g_free()
 */
char *
crk_chart_dup_title (CrkResults *results, const CrkChartOptions *options)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  data = chart_data_new (results, options);
  return g_steal_pointer (&data->title);
}

/**
 * crk_chart_dup_subtitle:
 * @results: the results
 * @options: the chart options
 *
 * The subtitle the chart shows when the options leave it unset.
 *
 * Returns: the subtitle; free with g_free()
 */
char *
crk_chart_dup_subtitle (CrkResults *results, const CrkChartOptions *options)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  data = chart_data_new (results, options);
  return g_steal_pointer (&data->subtitle);
}

/**
 * crk_chart_dup_source:
 * @results: the results
 * @options: the chart options
 *
 * The source note the chart shows when the options leave it unset.
 *
 * Returns: the source note; free with g_free()
 */
char *
crk_chart_dup_source (CrkResults *results, const CrkChartOptions *options)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  data = chart_data_new (results, options);
  return g_steal_pointer (&data->source);
}

/**
 * crk_chart_describe:
 * @results: the results
 * @options: the chart
 *
 * Returns: (transfer full): one paragraph saying what the chart shows, for alt text
 */
char *
crk_chart_describe (CrkResults *results, const CrkChartOptions *options)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  data = chart_data_new (results, options);
  return crk_chart_data_describe (data, options);
}

/**
 * crk_chart_export:
 * @results: the results
 * @options: the chart options
 * @path: a file name
 * @format: the format
 * @width_px: the width in pixels
 * @height_px: the height in pixels
 * @dpi: the resolution
 * @error: return location for an error
 *
 * Writes the chart to a PNG, SVG or PDF file, with its title and description as metadata (see
 * crk_export_draw() for the units).
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crk_chart_export (CrkResults *results,
                  const CrkChartOptions *options,
                  const char *path,
                  CrkExportFormat format,
                  double width_px,
                  double height_px,
                  double dpi,
                  GError **error)
{
  g_autoptr (CrkChartData) data = NULL;

  g_return_val_if_fail (CRK_IS_RESULTS (results), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = chart_data_new (results, options);
  return crk_chart_data_export (data, options, path, format, width_px, height_px, dpi, error);
}
