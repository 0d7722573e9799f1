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

int
crk_cli_chart (int argc, char **argv)
{
  int year = 0, base_year = 0, top = 0, rings = 0;
  double width = 0, height = 0, dpi = 0, fill = -1, font_scale = 0;
  gboolean vertex_labels = FALSE, describe = FALSE, no_changes = FALSE;
  g_autofree char *cities_arg = NULL, *highlight_arg = NULL, *level = NULL, *size_mm = NULL;
  g_autofree char *style_name = NULL, *output = NULL, *legend_name = NULL, *axes_name = NULL;
  g_autofree char *benchmark_name = NULL, *colour_name = NULL, *grid_name = NULL, *years_arg = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  g_auto (GStrv) args = NULL;
  const GOptionEntry entries[] = {
    {"cities", 'c', 0, G_OPTION_ARG_STRING, &cities_arg,
     N_ ("Cities by code or name, comma-separated (radar: up to 8; gap: two; values: one)"),
     N_ ("CODE,…")},
    {"year", 'y', 0, G_OPTION_ARG_INT, &year, N_ ("Year to chart (default: the latest)"),
     N_ ("YEAR")},
    {"base-year", 0, 0, G_OPTION_ARG_INT, &base_year,
     N_ ("Year to compare with (rank changes, the base-year benchmark)"), N_ ("YEAR")},
    {"level", 'l', 0, G_OPTION_ARG_STRING, &level,
     N_ ("Framework level N (1 = the indicators): its components are the radar's axes and the "
         "contrib and gap segments (default for the radar: the first level from the top with "
         "three or more); or a framework node: its children are the axes, segments or parts, "
         "and the bar chart ranks by its score"),
     N_ ("N|NODE")},
    {"top", 0, 0, G_OPTION_ARG_INT, &top, N_ ("Bar and contrib: only the first N cities"),
     N_ ("N")},
    {"width", 'W', 0, G_OPTION_ARG_DOUBLE, &width, N_ ("Width in pixels (default 1600)"),
     N_ ("PIXELS")},
    {"height", 'H', 0, G_OPTION_ARG_DOUBLE, &height,
     N_ ("Height in pixels (default: what the chart needs)"), N_ ("PIXELS")},
    {"size-mm", 0, 0, G_OPTION_ARG_STRING, &size_mm,
     N_ ("Physical size in millimetres, with --dpi"), N_ ("W,H")},
    {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi,
     N_ ("Resolution, 72 to 600 (default 96, or 300 with --size-mm)"), N_ ("DPI")},
    {"style", 's', 0, G_OPTION_ARG_STRING, &style_name, N_ ("light, dark or print"), N_ ("STYLE")},
    {"legend", 0, 0, G_OPTION_ARG_STRING, &legend_name, N_ ("right, bottom or none"), N_ ("WHERE")},
    {"axes", 0, 0, G_OPTION_ARG_STRING, &axes_name,
     N_ ("Radar axes: level (of --level N, the default), dimensions, children (of --level NODE) "
         "or indicators"),
     N_ ("AXES")},
    {"benchmark", 0, 0, G_OPTION_ARG_STRING, &benchmark_name,
     N_ ("Radar benchmark: none, median, tier or base-year"), N_ ("KIND")},
    {"colour", 0, 0, G_OPTION_ARG_STRING, &colour_name, N_ ("Bar colours: tier, region or none"),
     N_ ("BY")},
    {"fill", 0, 0, G_OPTION_ARG_DOUBLE, &fill, N_ ("Radar fill opacity, 0 (outlines) to 1"),
     N_ ("OPACITY")},
    {"grid", 0, 0, G_OPTION_ARG_STRING, &grid_name, N_ ("Radar grid: polygon or circle"),
     N_ ("SHAPE")},
    {"rings", 0, 0, G_OPTION_ARG_INT, &rings, N_ ("Radar rings, 2 to 10"), N_ ("N")},
    {"vertex-labels", 0, 0, G_OPTION_ARG_NONE, &vertex_labels,
     N_ ("Radar: write the values at the vertices"), NULL},
    {"no-rank-changes", 0, 0, G_OPTION_ARG_NONE, &no_changes,
     N_ ("Bar: leave out the rank change markers"), NULL},
    {"highlight", 0, 0, G_OPTION_ARG_STRING, &highlight_arg, N_ ("Bar: cities to highlight"),
     N_ ("CODE,…")},
    {"years", 0, 0, G_OPTION_ARG_STRING, &years_arg,
     N_ ("Values: the years to show (default: all)"), N_ ("YEAR,…")},
    {"title", 0, 0, G_OPTION_ARG_STRING, &title, N_ ("Title (default: generated; empty: none)"),
     N_ ("TEXT")},
    {"subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle,
     N_ ("Subtitle (default: generated; empty: none)"), N_ ("TEXT")},
    {"font-scale", 0, 0, G_OPTION_ARG_DOUBLE, &font_scale, N_ ("Text size factor (default 1)"),
     N_ ("FACTOR")},
    {"describe", 0, 0, G_OPTION_ARG_NONE, &describe,
     N_ ("Print the chart's text description (its alt text)"), NULL},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Output file: .png, .svg or .pdf"),
     N_ ("FILE")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
     N_ ("radar|bar|contrib|gap|values FILE")},
    {NULL}};
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("— draw a chart"));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkMethod) method = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (CrkResults) base_results = NULL;
  g_autoptr (CrkChartOptions) options = NULL;
  g_autoptr (GArray) cities = NULL;
  CrkChartKind kind;
  CrkChartStyle style = CRK_CHART_STYLE_LIGHT;
  int legend = CRK_LEGEND_RIGHT, axes = CRK_RADAR_AXES_LEVEL, benchmark = CRK_BENCHMARK_NONE;
  int colour = CRK_BAR_COLOUR_TIER, grid = CRK_GRID_POLYGON;

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
      return CRK_CLI_EXIT_USAGE;
    }
  if (args == NULL || g_strv_length (args) != 2)
    {
      crk_cli_error ("%s", _ ("chart takes a KIND and a FILE (see cityrank-cli chart --help)"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (!crk_chart_kind_from_string (args[0], &kind))
    {
      crk_cli_error (_ ("unknown chart kind “%s” (radar, bar, contrib, gap or values)"), args[0]);
      return CRK_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      crk_cli_error ("%s", _ ("give the output file with -o FILE.png, .svg or .pdf"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (crk_export_format_from_path (output) == CRK_EXPORT_FORMAT_AUTO)
    {
      crk_cli_error (_ ("cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                     output);
      return CRK_CLI_EXIT_USAGE;
    }
  if (style_name != NULL && !crk_chart_style_from_string (style_name, &style))
    {
      crk_cli_error (_ ("unknown style “%s” (light, dark or print)"), style_name);
      return CRK_CLI_EXIT_USAGE;
    }
  if (!parse_choice ("--legend", legend_name, legend_choices, G_N_ELEMENTS (legend_choices),
                     &legend) ||
      !parse_choice ("--axes", axes_name, axes_choices, G_N_ELEMENTS (axes_choices), &axes) ||
      !parse_choice ("--benchmark", benchmark_name, benchmark_choices,
                     G_N_ELEMENTS (benchmark_choices), &benchmark) ||
      !parse_choice ("--colour", colour_name, colour_choices, G_N_ELEMENTS (colour_choices),
                     &colour) ||
      !parse_choice ("--grid", grid_name, grid_choices, G_N_ELEMENTS (grid_choices), &grid))
    return CRK_CLI_EXIT_USAGE;
  if (top < 0 || (rings != 0 && (rings < 2 || rings > 10)) ||
      (fill != -1 && (fill < 0 || fill > 1)) || font_scale < 0 || width < 0 || height < 0)
    {
      crk_cli_error (
        "%s",
        _ ("--top, --rings, --fill, --font-scale, --width and --height take positive values "
           "(rings 2 to 10, fill 0 to 1)"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (size_mm != NULL)
    {
      double w_mm, h_mm;

      if (width > 0 || height > 0)
        {
          crk_cli_error ("%s", _ ("give either --width/--height or --size-mm, not both"));
          return CRK_CLI_EXIT_USAGE;
        }
      if (!parse_pair (size_mm, &w_mm, &h_mm))
        {
          crk_cli_error (_ ("--size-mm takes WIDTH,HEIGHT in millimetres, not “%s”"), size_mm);
          return CRK_CLI_EXIT_USAGE;
        }
      if (dpi == 0)
        dpi = 300;
      width = crk_export_mm_to_px (w_mm, dpi);
      height = crk_export_mm_to_px (h_mm, dpi);
    }
  if (dpi == 0)
    dpi = CRK_EXPORT_DEFAULT_DPI;
  if (dpi < CRK_EXPORT_MIN_DPI || dpi > CRK_EXPORT_MAX_DPI)
    {
      crk_cli_error (_ ("--dpi must be between %g and %g"), CRK_EXPORT_MIN_DPI, CRK_EXPORT_MAX_DPI);
      return CRK_CLI_EXIT_USAGE;
    }
  if (width == 0)
    width = 1600;

  dataset = crk_cli_load_dataset (args[1]);
  if (dataset == NULL)
    return CRK_CLI_EXIT_FAILED;

  options = crk_chart_options_new (kind);
  options->style = style;
  options->legend = legend;
  options->radar_axes = axes;
  options->benchmark = benchmark;
  options->colour_by = colour;
  options->grid = grid;
  options->top_n = (guint) top;
  options->vertex_labels = vertex_labels;
  options->show_rank_changes = !no_changes;
  if (rings > 0)
    options->n_rings = (guint) rings;
  if (fill >= 0)
    options->fill_opacity = fill;
  if (font_scale > 0)
    options->font_scale = font_scale;
  else
    {
      /* Text of 10 points suits a page; a large image for a screen wants it larger:
       * scale with the width beyond 640 points (1600 pixels at 96 dpi: x 1.9). */
      options->font_scale = MAX (1.0, width * 72.0 / dpi / 640.0);
    }
  crk_chart_options_set_node_code (options, level);
  crk_chart_options_set_title (options, title);
  crk_chart_options_set_subtitle (options, subtitle);

  if (cities_arg != NULL)
    {
      cities = parse_cities (dataset, cities_arg);
      if (cities == NULL)
        return CRK_CLI_EXIT_USAGE;
      crk_chart_options_set_cities (options, (const guint *) (gconstpointer) cities->data,
                                    cities->len);
    }
  if (highlight_arg != NULL)
    {
      g_autoptr (GArray) highlighted = parse_cities (dataset, highlight_arg);

      if (highlighted == NULL)
        return CRK_CLI_EXIT_USAGE;
      crk_chart_options_set_highlighted (options, (const guint *) (gconstpointer) highlighted->data,
                                         highlighted->len);
    }
  if (years_arg != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (years_arg, ",", -1);
      g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *end;
          gint64 y = g_ascii_strtoll (parts[i], &end, 10);

          if (end == parts[i] || *end != '\0' || crk_dataset_lookup_year (dataset, (int) y) < 0)
            {
              crk_cli_error (_ ("the dataset has no year “%s”"), parts[i]);
              return CRK_CLI_EXIT_USAGE;
            }
          g_array_append_vals (years, &(int){(int) y}, 1);
        }
      crk_chart_options_set_years (options, (const int *) (gconstpointer) years->data, years->len);
    }

  {
    guint needed = kind == CRK_CHART_GAP                      ? 2
      : (kind == CRK_CHART_RADAR || kind == CRK_CHART_VALUES) ? 1
                                                              : 0;

    if (options->cities->len < needed)
      {
        crk_cli_error (ngettext ("the %s chart needs --cities with at least %u city",
                                 "the %s chart needs --cities with at least %u cities", needed),
                       args[0], needed);
        return CRK_CLI_EXIT_USAGE;
      }
    if (kind == CRK_CHART_RADAR && options->cities->len > 8)
      {
        crk_cli_error ("%s", _ ("the radar chart takes at most 8 cities"));
        return CRK_CLI_EXIT_USAGE;
      }
  }

  method = crk_method_copy (crk_dataset_get_method (dataset));
  if (base_year != 0)
    {
      if (crk_dataset_lookup_year (dataset, base_year) < 0)
        {
          crk_cli_error (_ ("the dataset has no year %d"), base_year);
          return CRK_CLI_EXIT_USAGE;
        }
      crk_method_set_base_year (method, base_year);
    }
  results = crk_compute (dataset, method, year, &error);
  if (results == NULL)
    {
      crk_cli_error ("%s: %s", args[1], error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (level != NULL && crk_results_lookup_node (results, level) < 0)
    {
      guint n_levels = crk_dataset_get_n_levels (dataset);
      guint64 number = 0;

      /* a number that is no node's code: a level below the index */
      if (!g_ascii_string_to_unsigned (level, 10, 1, G_MAXUINT, &number, NULL))
        {
          crk_cli_error (_ ("the framework has no node “%s”"), level);
          return CRK_CLI_EXIT_USAGE;
        }
      if (number >= n_levels)
        {
          crk_cli_error (_ ("the framework has levels 1 (the indicators) to %u below the index, "
                            "not %s"),
                         n_levels > 0 ? n_levels - 1 : 0, level);
          return CRK_CLI_EXIT_USAGE;
        }
      crk_chart_options_set_node_code (options, NULL);
      options->level = (guint) number;
      if (axes_name == NULL)
        options->radar_axes = CRK_RADAR_AXES_LEVEL;
    }
  if (benchmark == CRK_BENCHMARK_BASE_YEAR)
    {
      int by = crk_method_get_base_year (method);

      if (by == 0)
        {
          crk_cli_error (
            "%s", _ ("--benchmark base-year needs --base-year YEAR or a base year in the method"));
          return CRK_CLI_EXIT_USAGE;
        }
      base_results = crk_compute (dataset, method, by, &error);
      if (base_results == NULL)
        {
          crk_cli_error ("%s (%d): %s", args[1], by, error->message);
          return CRK_CLI_EXIT_FAILED;
        }
      crk_chart_options_set_base_results (options, base_results);
    }

  if (height == 0)
    {
      double layout_width = width * 72.0 / dpi;

      height = ceil (crk_chart_get_natural_height (results, options, layout_width) * dpi / 72.0);
      height = MAX (height, 64);
    }

  if (!crk_chart_export (results, options, output, CRK_EXPORT_FORMAT_AUTO, width, height, dpi,
                         &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (describe)
    {
      g_autofree char *text = crk_chart_describe (results, options);

      printf ("%s\n", text);
    }
  return CRK_CLI_EXIT_OK;
}
