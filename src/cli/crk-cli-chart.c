/* crk-cli-chart.c: cityrank-cli chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-cli-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crk-cli.h"

#include "crk-chart.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-model.h"

static gboolean
find_city (CrkDataset *dataset, const char *key, guint *index)
{
  CrkCity *city = crk_dataset_lookup_city (dataset, key);
  g_autofree char *folded = g_utf8_casefold (key, -1);

  for (guint i = 0; city == NULL && i < crk_dataset_get_n_cities (dataset); i++)
    {
      CrkCity *c = crk_dataset_get_city (dataset, i);
      const char *names[] = {crk_city_get_name (c), crk_city_get_name_zh (c)};

      for (guint k = 0; k < G_N_ELEMENTS (names) && city == NULL; k++)
        {
          g_autofree char *name = names[k] != NULL ? g_utf8_casefold (names[k], -1) : NULL;

          if (name != NULL && g_str_equal (name, folded))
            city = c;
        }
    }
  if (city == NULL)
    {
      crk_cli_error (_ ("the dataset has no city “%s” (give its code or name)"), key);
      return FALSE;
    }
  *index = crk_city_get_index (city);
  return TRUE;
}

/* "A,B,C" into city indices. */
static GArray *
parse_cities (CrkDataset *dataset, const char *list)
{
  g_auto (GStrv) keys = g_strsplit (list, ",", -1);
  g_autoptr (GArray) cities = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *key = g_strstrip (keys[i]);
      guint index;

      if (*key == '\0')
        continue;
      if (!find_city (dataset, key, &index))
        return NULL;
      g_array_append_val (cities, index);
    }
  return g_steal_pointer (&cities);
}

static gboolean
parse_pair (const char *s, double *a, double *b)
{
  g_auto (GStrv) parts = g_strsplit_set (s, ",x×", -1);
  char *end;

  if (g_strv_length (parts) != 2)
    return FALSE;
  *a = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0' || !(*a > 0))
    return FALSE;
  *b = g_ascii_strtod (parts[1], &end);
  if (end == parts[1] || *end != '\0' || !(*b > 0))
    return FALSE;
  return TRUE;
}

typedef struct
{
  const char *name;
  int value;
} Choice;

static gboolean
parse_choice (const char *option, const char *s, const Choice *choices, gsize n, int *value)
{
  g_autoptr (GString) names = g_string_new (NULL);

  if (s == NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      if (g_str_equal (s, choices[i].name))
        {
          *value = choices[i].value;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", choices[i].name);
    }
  crk_cli_error (_ ("unknown %s “%s” (%s)"), option, s, names->str);
  return FALSE;
}

static const Choice legend_choices[] = {
  {"right", CRK_LEGEND_RIGHT},
  {"bottom", CRK_LEGEND_BOTTOM},
  {"none", CRK_LEGEND_NONE},
};
static const Choice axes_choices[] = {
  {"dimensions", CRK_RADAR_AXES_DIMENSIONS},
  {"children", CRK_RADAR_AXES_CHILDREN},
  {"indicators", CRK_RADAR_AXES_INDICATORS},
  {"level", CRK_RADAR_AXES_LEVEL},
};
static const Choice benchmark_choices[] = {
  {"none", CRK_BENCHMARK_NONE},
  {"median", CRK_BENCHMARK_MEDIAN},
  {"tier", CRK_BENCHMARK_TIER_MEAN},
  {"base-year", CRK_BENCHMARK_BASE_YEAR},
};
static const Choice colour_choices[] = {
  {"tier", CRK_BAR_COLOUR_TIER},
  {"region", CRK_BAR_COLOUR_REGION},
  {"none", CRK_BAR_COLOUR_SINGLE},
};
static const Choice grid_choices[] = {
  {"polygon", CRK_GRID_POLYGON},
  {"circle", CRK_GRID_CIRCULAR},
};

/* What the command line says, before it becomes a CrkChartOptions. */
typedef struct
{
  int year, base_year, top, rings;
  double width, height, dpi, fill, font_scale;
  gboolean vertex_labels, describe, no_changes;
  char *cities, *highlight, *level, *size_mm;
  char *style_name, *output, *legend_name, *axes_name;
  char *benchmark_name, *colour_name, *grid_name, *years;
  char *title, *subtitle;
  char **args; /* KIND FILE */
  CrkChartKind kind;
  CrkChartStyle style;
  int legend, axes, benchmark, colour, grid;
} ChartArgs;

static void
chart_args_clear (ChartArgs *a)
{
  g_free (a->cities);
  g_free (a->highlight);
  g_free (a->level);
  g_free (a->size_mm);
  g_free (a->style_name);
  g_free (a->output);
  g_free (a->legend_name);
  g_free (a->axes_name);
  g_free (a->benchmark_name);
  g_free (a->colour_name);
  g_free (a->grid_name);
  g_free (a->years);
  g_free (a->title);
  g_free (a->subtitle);
  g_strfreev (a->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartArgs, chart_args_clear)

/* The option table: fills @a from the command line, which must end in KIND FILE. */
static gboolean
parse_chart_command_line (ChartArgs *a, int argc, char **argv)
{
  const GOptionEntry entries[] = {
    {"cities", 'c', 0, G_OPTION_ARG_STRING, &a->cities,
     N_ ("Cities by code or name, comma-separated (radar: up to 8; gap: two; values: one)"),
     N_ ("CODE,…")},
    {"year", 'y', 0, G_OPTION_ARG_INT, &a->year, N_ ("Year to chart (default: the latest)"),
     N_ ("YEAR")},
    {"base-year", 0, 0, G_OPTION_ARG_INT, &a->base_year,
     N_ ("Year to compare with (rank changes, the base-year benchmark)"), N_ ("YEAR")},
    {"level", 'l', 0, G_OPTION_ARG_STRING, &a->level,
     N_ ("Framework level N (1 = the indicators): its components are the radar's axes and the "
         "contrib and gap segments (default for the radar: the first level from the top with "
         "three or more); or a framework node: its children are the axes, segments or parts, "
         "and the bar chart ranks by its score"),
     N_ ("N|NODE")},
    {"top", 0, 0, G_OPTION_ARG_INT, &a->top, N_ ("Bar and contrib: only the first N cities"),
     N_ ("N")},
    {"width", 'W', 0, G_OPTION_ARG_DOUBLE, &a->width, N_ ("Width in pixels (default 1600)"),
     N_ ("PIXELS")},
    {"height", 'H', 0, G_OPTION_ARG_DOUBLE, &a->height,
     N_ ("Height in pixels (default: what the chart needs)"), N_ ("PIXELS")},
    {"size-mm", 0, 0, G_OPTION_ARG_STRING, &a->size_mm,
     N_ ("Physical size in millimetres, with --dpi"), N_ ("W,H")},
    {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a->dpi,
     N_ ("Resolution, 72 to 600 (default 96, or 300 with --size-mm)"), N_ ("DPI")},
    {"style", 's', 0, G_OPTION_ARG_STRING, &a->style_name, N_ ("light, dark or print"),
     N_ ("STYLE")},
    {"legend", 0, 0, G_OPTION_ARG_STRING, &a->legend_name, N_ ("right, bottom or none"),
     N_ ("WHERE")},
    {"axes", 0, 0, G_OPTION_ARG_STRING, &a->axes_name,
     N_ ("Radar axes: level (of --level N, the default), dimensions, children (of --level NODE) "
         "or indicators"),
     N_ ("AXES")},
    {"benchmark", 0, 0, G_OPTION_ARG_STRING, &a->benchmark_name,
     N_ ("Radar benchmark: none, median, tier or base-year"), N_ ("KIND")},
    {"colour", 0, 0, G_OPTION_ARG_STRING, &a->colour_name, N_ ("Bar colours: tier, region or none"),
     N_ ("BY")},
    {"fill", 0, 0, G_OPTION_ARG_DOUBLE, &a->fill, N_ ("Radar fill opacity, 0 (outlines) to 1"),
     N_ ("OPACITY")},
    {"grid", 0, 0, G_OPTION_ARG_STRING, &a->grid_name, N_ ("Radar grid: polygon or circle"),
     N_ ("SHAPE")},
    {"rings", 0, 0, G_OPTION_ARG_INT, &a->rings, N_ ("Radar rings, 2 to 10"), N_ ("N")},
    {"vertex-labels", 0, 0, G_OPTION_ARG_NONE, &a->vertex_labels,
     N_ ("Radar: write the values at the vertices"), NULL},
    {"no-rank-changes", 0, 0, G_OPTION_ARG_NONE, &a->no_changes,
     N_ ("Bar: leave out the rank change markers"), NULL},
    {"highlight", 0, 0, G_OPTION_ARG_STRING, &a->highlight, N_ ("Bar: cities to highlight"),
     N_ ("CODE,…")},
    {"years", 0, 0, G_OPTION_ARG_STRING, &a->years, N_ ("Values: the years to show (default: all)"),
     N_ ("YEAR,…")},
    {"title", 0, 0, G_OPTION_ARG_STRING, &a->title, N_ ("Title (default: generated; empty: none)"),
     N_ ("TEXT")},
    {"subtitle", 0, 0, G_OPTION_ARG_STRING, &a->subtitle,
     N_ ("Subtitle (default: generated; empty: none)"), N_ ("TEXT")},
    {"font-scale", 0, 0, G_OPTION_ARG_DOUBLE, &a->font_scale, N_ ("Text size factor (default 1)"),
     N_ ("FACTOR")},
    {"describe", 0, 0, G_OPTION_ARG_NONE, &a->describe,
     N_ ("Print the chart's text description (its alt text)"), NULL},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output, N_ ("Output file: .png, .svg or .pdf"),
     N_ ("FILE")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->args, NULL,
     N_ ("radar|bar|contrib|gap|values FILE")},
    {NULL}};
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("— draw a chart"));
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _ ("Kinds: radar (cities’ scores on the dimensions), bar (all cities ranked), "
       "contrib (each dimension’s part of the score), gap (two cities’ gap split by "
       "dimension), values (one city’s raw values over the years). The format "
       "comes from the output file’s extension."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      crk_cli_error ("%s", error->message);
      return FALSE;
    }
  if (a->args == NULL || g_strv_length (a->args) != 2)
    {
      crk_cli_error ("%s", _ ("chart takes a KIND and a FILE (see cityrank-cli chart --help)"));
      return FALSE;
    }
  return TRUE;
}

/* --size-mm, --dpi, --width: the image's size in pixels and its resolution. */
static gboolean
resolve_chart_size (ChartArgs *a)
{
  if (a->size_mm != NULL)
    {
      double w_mm, h_mm;

      if (a->width > 0 || a->height > 0)
        {
          crk_cli_error ("%s", _ ("give either --width/--height or --size-mm, not both"));
          return FALSE;
        }
      if (!parse_pair (a->size_mm, &w_mm, &h_mm))
        {
          crk_cli_error (_ ("--size-mm takes WIDTH,HEIGHT in millimetres, not “%s”"), a->size_mm);
          return FALSE;
        }
      if (a->dpi == 0)
        a->dpi = 300;
      a->width = crk_export_mm_to_px (w_mm, a->dpi);
      a->height = crk_export_mm_to_px (h_mm, a->dpi);
    }
  if (a->dpi == 0)
    a->dpi = CRK_EXPORT_DEFAULT_DPI;
  if (a->dpi < CRK_EXPORT_MIN_DPI || a->dpi > CRK_EXPORT_MAX_DPI)
    {
      crk_cli_error (_ ("--dpi must be between %g and %g"), CRK_EXPORT_MIN_DPI, CRK_EXPORT_MAX_DPI);
      return FALSE;
    }
  if (a->width == 0)
    a->width = 1600;
  return TRUE;
}

/* The kind, the output file, the named choices and the numbers, before the dataset is read. */
static gboolean
check_chart_args (ChartArgs *a)
{
  if (!crk_chart_kind_from_string (a->args[0], &a->kind))
    {
      crk_cli_error (_ ("unknown chart kind “%s” (radar, bar, contrib, gap or values)"),
                     a->args[0]);
      return FALSE;
    }
  if (a->output == NULL)
    {
      crk_cli_error ("%s", _ ("give the output file with -o FILE.png, .svg or .pdf"));
      return FALSE;
    }
  if (crk_export_format_from_path (a->output) == CRK_EXPORT_FORMAT_AUTO)
    {
      crk_cli_error (_ ("cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                     a->output);
      return FALSE;
    }
  if (a->style_name != NULL && !crk_chart_style_from_string (a->style_name, &a->style))
    {
      crk_cli_error (_ ("unknown style “%s” (light, dark or print)"), a->style_name);
      return FALSE;
    }
  if (!parse_choice ("--legend", a->legend_name, legend_choices, G_N_ELEMENTS (legend_choices),
                     &a->legend) ||
      !parse_choice ("--axes", a->axes_name, axes_choices, G_N_ELEMENTS (axes_choices), &a->axes) ||
      !parse_choice ("--benchmark", a->benchmark_name, benchmark_choices,
                     G_N_ELEMENTS (benchmark_choices), &a->benchmark) ||
      !parse_choice ("--colour", a->colour_name, colour_choices, G_N_ELEMENTS (colour_choices),
                     &a->colour) ||
      !parse_choice ("--grid", a->grid_name, grid_choices, G_N_ELEMENTS (grid_choices), &a->grid))
    return FALSE;
  if (a->top < 0 || (a->rings != 0 && (a->rings < 2 || a->rings > 10)) ||
      (a->fill != -1 && (a->fill < 0 || a->fill > 1)) || a->font_scale < 0 || a->width < 0 ||
      a->height < 0)
    {
      crk_cli_error (
        "%s",
        _ ("--top, --rings, --fill, --font-scale, --width and --height take positive values "
           "(rings 2 to 10, fill 0 to 1)"));
      return FALSE;
    }
  return resolve_chart_size (a);
}

static CrkChartOptions *
chart_options_new_from_args (const ChartArgs *a)
{
  CrkChartOptions *options = crk_chart_options_new (a->kind);

  options->style = a->style;
  options->legend = a->legend;
  options->radar_axes = a->axes;
  options->benchmark = a->benchmark;
  options->colour_by = a->colour;
  options->grid = a->grid;
  options->top_n = (guint) a->top;
  options->vertex_labels = a->vertex_labels;
  options->show_rank_changes = !a->no_changes;
  if (a->rings > 0)
    options->n_rings = (guint) a->rings;
  if (a->fill >= 0)
    options->fill_opacity = a->fill;
  if (a->font_scale > 0)
    options->font_scale = a->font_scale;
  else
    {
      /* Text of 10 points suits a page; a large image for a screen wants it larger:
       * scale with the width beyond 640 points (1600 pixels at 96 dpi: x 1.9). */
      options->font_scale = MAX (1.0, a->width * 72.0 / a->dpi / 640.0);
    }
  crk_chart_options_set_node_code (options, a->level);
  crk_chart_options_set_title (options, a->title);
  crk_chart_options_set_subtitle (options, a->subtitle);
  return options;
}

/* --years: "2019,2020" into the options' years, each one the dataset has. */
static gboolean
set_chart_years (CrkChartOptions *options, CrkDataset *dataset, const char *list)
{
  g_auto (GStrv) parts = g_strsplit (list, ",", -1);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end;
      gint64 y = g_ascii_strtoll (parts[i], &end, 10);

      if (end == parts[i] || *end != '\0' || crk_dataset_lookup_year (dataset, (int) y) < 0)
        {
          crk_cli_error (_ ("the dataset has no year “%s”"), parts[i]);
          return FALSE;
        }
      g_array_append_vals (years, &(int){(int) y}, 1);
    }
  crk_chart_options_set_years (options, (const int *) (gconstpointer) years->data, years->len);
  return TRUE;
}

/* --cities, --highlight and --years, and as many cities as the kind needs. */
static gboolean
choose_chart_cities (const ChartArgs *a, CrkDataset *dataset, CrkChartOptions *options)
{
  guint needed = a->kind == CRK_CHART_GAP                         ? 2
    : (a->kind == CRK_CHART_RADAR || a->kind == CRK_CHART_VALUES) ? 1
                                                                  : 0;

  if (a->cities != NULL)
    {
      g_autoptr (GArray) cities = parse_cities (dataset, a->cities);

      if (cities == NULL)
        return FALSE;
      crk_chart_options_set_cities (options, (const guint *) (gconstpointer) cities->data,
                                    cities->len);
    }
  if (a->highlight != NULL)
    {
      g_autoptr (GArray) highlighted = parse_cities (dataset, a->highlight);

      if (highlighted == NULL)
        return FALSE;
      crk_chart_options_set_highlighted (options, (const guint *) (gconstpointer) highlighted->data,
                                         highlighted->len);
    }
  if (a->years != NULL && !set_chart_years (options, dataset, a->years))
    return FALSE;

  if (options->cities->len < needed)
    {
      crk_cli_error (ngettext ("the %s chart needs --cities with at least %u city",
                               "the %s chart needs --cities with at least %u cities", needed),
                     a->args[0], needed);
      return FALSE;
    }
  if (a->kind == CRK_CHART_RADAR && options->cities->len > 8)
    {
      crk_cli_error ("%s", _ ("the radar chart takes at most 8 cities"));
      return FALSE;
    }
  return TRUE;
}

/* --level N where N is no node's code: a level below the index, for the radar's axes. */
static gboolean
resolve_chart_level (const ChartArgs *a,
                     CrkDataset *dataset,
                     CrkResults *results,
                     CrkChartOptions *options)
{
  guint n_levels = crk_dataset_get_n_levels (dataset);
  guint64 number = 0;

  if (a->level == NULL || crk_results_lookup_node (results, a->level) >= 0)
    return TRUE;
  /* a number that is no node's code: a level below the index */
  if (!g_ascii_string_to_unsigned (a->level, 10, 1, G_MAXUINT, &number, NULL))
    {
      crk_cli_error (_ ("the framework has no node “%s”"), a->level);
      return FALSE;
    }
  if (number >= n_levels)
    {
      crk_cli_error (_ ("the framework has levels 1 (the indicators) to %u below the index, "
                        "not %s"),
                     n_levels > 0 ? n_levels - 1 : 0, a->level);
      return FALSE;
    }
  crk_chart_options_set_node_code (options, NULL);
  options->level = (guint) number;
  if (a->axes_name == NULL)
    options->radar_axes = CRK_RADAR_AXES_LEVEL;
  return TRUE;
}

/* The results of the year charted and, for the base-year benchmark, of the base year. */
static int
compute_chart_results (const ChartArgs *a,
                       CrkDataset *dataset,
                       CrkChartOptions *options,
                       CrkResults **results,
                       CrkResults **base_results)
{
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  g_autoptr (GError) error = NULL;
  int by;

  if (a->base_year != 0)
    {
      if (crk_dataset_lookup_year (dataset, a->base_year) < 0)
        {
          crk_cli_error (_ ("the dataset has no year %d"), a->base_year);
          return CRK_CLI_EXIT_USAGE;
        }
      crk_method_set_base_year (method, a->base_year);
    }
  *results = crk_compute (dataset, method, a->year, &error);
  if (*results == NULL)
    {
      crk_cli_error ("%s: %s", a->args[1], error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (!resolve_chart_level (a, dataset, *results, options))
    return CRK_CLI_EXIT_USAGE;
  if (a->benchmark != CRK_BENCHMARK_BASE_YEAR)
    return CRK_CLI_EXIT_OK;

  by = crk_method_get_base_year (method);
  if (by == 0)
    {
      crk_cli_error (
        "%s", _ ("--benchmark base-year needs --base-year YEAR or a base year in the method"));
      return CRK_CLI_EXIT_USAGE;
    }
  *base_results = crk_compute (dataset, method, by, &error);
  if (*base_results == NULL)
    {
      crk_cli_error ("%s (%d): %s", a->args[1], by, error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  crk_chart_options_set_base_results (options, *base_results);
  return CRK_CLI_EXIT_OK;
}

/* Writes the chart to --output at the size asked (the height the chart needs if none),
 * and its description with --describe. */
static int
write_chart (const ChartArgs *a, CrkResults *results, CrkChartOptions *options)
{
  g_autoptr (GError) error = NULL;
  double height = a->height;

  if (height == 0)
    {
      double layout_width = a->width * 72.0 / a->dpi;

      height = ceil (crk_chart_get_natural_height (results, options, layout_width) * a->dpi / 72.0);
      height = MAX (height, 64);
    }

  if (!crk_chart_export (results, options, a->output, CRK_EXPORT_FORMAT_AUTO, a->width, height,
                         a->dpi, &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (a->describe)
    {
      g_autofree char *text = crk_chart_describe (results, options);

      printf ("%s\n", text);
    }
  return CRK_CLI_EXIT_OK;
}

int
crk_cli_chart (int argc, char **argv)
{
  g_auto (ChartArgs) a = {
    .fill = -1,
    .style = CRK_CHART_STYLE_LIGHT,
    .legend = CRK_LEGEND_RIGHT,
    .axes = CRK_RADAR_AXES_LEVEL,
    .benchmark = CRK_BENCHMARK_NONE,
    .colour = CRK_BAR_COLOUR_TIER,
    .grid = CRK_GRID_POLYGON,
  };
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkResults) base_results = NULL;
  g_autoptr (CrkChartOptions) options = NULL;
  int status;

  if (!parse_chart_command_line (&a, argc, argv) || !check_chart_args (&a))
    return CRK_CLI_EXIT_USAGE;

  dataset = crk_cli_load_dataset (a.args[1]);
  if (dataset == NULL)
    return CRK_CLI_EXIT_FAILED;

  options = chart_options_new_from_args (&a);
  if (!choose_chart_cities (&a, dataset, options))
    return CRK_CLI_EXIT_USAGE;
  status = compute_chart_results (&a, dataset, options, &results, &base_results);
  if (status != CRK_CLI_EXIT_OK)
    return status;
  return write_chart (&a, results, options);
}
