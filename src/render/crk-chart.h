/* crk-chart.h: radar, ranked bar, contribution, gap and values charts drawn into any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "crk-chart-style.h"
#include "crk-export.h"
#include "crk-results.h"
#include "crk-text.h"

G_BEGIN_DECLS

typedef enum
{
  CRK_CHART_RADAR,        /* cities' scores on the axes of a node */
  CRK_CHART_BAR,          /* ranked horizontal bars of all (or the top N) cities */
  CRK_CHART_CONTRIBUTION, /* stacked bars: each child's weighted part of the score */
  CRK_CHART_GAP,          /* two cities' gap split by child, diverging bars */
  CRK_CHART_VALUES,       /* one city's raw indicator values, grouped by year */
} CrkChartKind;

typedef enum
{
  CRK_LEGEND_RIGHT,
  CRK_LEGEND_BOTTOM,
  CRK_LEGEND_NONE,
} CrkLegendPosition;

typedef enum
{
  CRK_RADAR_AXES_DIMENSIONS, /* children of the root */
  CRK_RADAR_AXES_CHILDREN,   /* children of options->node_code */
  CRK_RADAR_AXES_INDICATORS, /* every indicator, grouped by dimension with rim arcs */
  CRK_RADAR_AXES_LEVEL,      /* the components of options->level, grouped by dimension below
                              * the dimensions (the default) */
} CrkRadarAxes;

typedef enum
{
  CRK_BENCHMARK_NONE,
  CRK_BENCHMARK_MEDIAN,    /* median of all ranked cities at each axis */
  CRK_BENCHMARK_TIER_MEAN, /* mean of a tier (options->benchmark_tier) */
  CRK_BENCHMARK_BASE_YEAR, /* the same city in options->base_results' year */
} CrkBenchmark;

typedef enum
{
  CRK_GRID_POLYGON,
  CRK_GRID_CIRCULAR,
} CrkGridShape;

typedef enum
{
  CRK_BAR_COLOUR_TIER,
  CRK_BAR_COLOUR_REGION,
  CRK_BAR_COLOUR_SINGLE,
} CrkBarColour;

/* Options of a chart. A plain boxed struct: read and write the scalar fields directly;
 * the pointer fields are owned by the struct, set them with the setters. */
typedef struct
{
  CrkChartKind kind;
  CrkChartStyle style;
  /* City indices (guint): up to 8 for the radar, the first two for the gap, the first for
   * values; the contribution chart shows these cities, or the top N when empty. */
  GArray *cities;
  /* Node whose children are the axes / segments / bars; NULL = the root. For the bar
   * chart, the node whose score ranks the cities (NULL = the index). */
  char *node_code;
  CrkRadarAxes radar_axes;
  /* A level of the framework, COINr numbering (indicators 1): its components are the
   * radar's axes (CRK_RADAR_AXES_LEVEL; 0 = the first level from the top with at least
   * three components, crk_chart_level_get_default()) and, when node_code is the index,
   * the contribution and gap charts' segments (0 = the dimensions). The bar chart ranks
   * by node_code whatever the level. */
  guint level;
  guint top_n; /* bar and contribution: 0 = all */
  CrkBenchmark benchmark;
  int benchmark_tier;         /* TIER_MEAN: tier index, -1 = the first city's tier */
  CrkResults *base_results;   /* BASE_YEAR: results of the base year (a reference) */
  double fill_opacity;        /* radar: 0 = outlines only; default 0.12 */
  gboolean markers;           /* radar: markers at the vertices; default TRUE */
  CrkGridShape grid;          /* radar; default polygon */
  guint n_rings;              /* radar: 2 to 10; default 5 */
  gboolean vertex_labels;     /* radar: values at the vertices; default FALSE */
  CrkLegendPosition legend;   /* default right */
  CrkBarColour colour_by;     /* bar; default tier */
  gboolean show_tier_bands;   /* bar; default TRUE */
  gboolean show_mean;         /* bar; default TRUE */
  gboolean show_median;       /* bar; default TRUE */
  gboolean show_rank_changes; /* bar: against the base year; default TRUE */
  GArray *highlighted;        /* city indices (guint) drawn highlighted */
  GArray *years;              /* values: calendar years (int); NULL = all years */
  char *title;                /* NULL = generated, "" = none */
  char *subtitle;             /* NULL = generated, "" = none */
  char *source;               /* NULL = the dataset's source, "" = none */
  double font_scale;          /* 1.0 = body text of 10 user units */
  /* Radar: the rings cover at least [scale_min, scale_max] besides the scores shown (the
   * report gives every profile the same scale); NAN (the default) = the scores only. */
  double scale_min;
  double scale_max;
} CrkChartOptions;

#define CRK_TYPE_CHART_OPTIONS (crk_chart_options_get_type ())
GType crk_chart_options_get_type (void) G_GNUC_CONST;
CrkChartOptions *crk_chart_options_new (CrkChartKind kind);
CrkChartOptions *crk_chart_options_copy (const CrkChartOptions *self);
void crk_chart_options_free (CrkChartOptions *self);
void crk_chart_options_set_cities (CrkChartOptions *self, const guint *cities, guint n_cities);
void crk_chart_options_add_city (CrkChartOptions *self, guint city);
void crk_chart_options_set_highlighted (CrkChartOptions *self, const guint *cities, guint n_cities);
void crk_chart_options_set_years (CrkChartOptions *self, const int *years, guint n_years);
void crk_chart_options_set_node_code (CrkChartOptions *self, const char *node_code);
void crk_chart_options_set_base_results (CrkChartOptions *self, CrkResults *base_results);
void crk_chart_options_set_title (CrkChartOptions *self, const char *title);
void crk_chart_options_set_subtitle (CrkChartOptions *self, const char *subtitle);
void crk_chart_options_set_source (CrkChartOptions *self, const char *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkChartOptions, crk_chart_options_free)

/* Levels of the framework (crk-chart-levels.c), COINr numbering: indicators 1, the index
 * crk_dataset_get_n_levels(). The components of a level: its nodes and, on a branch that
 * ends above it, the leaf that ends it, in the framework's order (transfer container). */
GPtrArray *crk_chart_level_nodes (CrkDataset *dataset, guint level);
guint crk_chart_level_get_n_nodes (CrkDataset *dataset, guint level);
/* The first level from the top with at least three components, else the dimensions'; 0
 * without a framework. */
guint crk_chart_level_get_default (CrkDataset *dataset);
/* @level when it is below the index, else the default. */
guint crk_chart_level_resolve (CrkDataset *dataset, guint level);
/* "Dimensions", "Pillars", "Indicators", "Index" or "Level 2 of 5". */
char *crk_chart_level_dup_name (CrkDataset *dataset, guint level);

/* "radar", "bar", "contrib", "gap", "values" (also "contribution"). */
const char *crk_chart_kind_to_string (CrkChartKind kind);
gboolean crk_chart_kind_from_string (const char *s, CrkChartKind *kind);
/* "light", "dark", "print". */
gboolean crk_chart_style_from_string (const char *s, CrkChartStyle *style);

/* Hit regions recorded while drawing, for tooltips and clicks, and the rectangles of the
 * text drawn (tests use them to check that labels neither overlap nor leave the canvas). */
typedef enum
{
  CRK_CHART_HIT_POINT,   /* a radar vertex */
  CRK_CHART_HIT_BAR,     /* a ranked bar, a gap bar, a values bar */
  CRK_CHART_HIT_SEGMENT, /* a contribution segment */
  CRK_CHART_HIT_AXIS,    /* a radar axis name */
  CRK_CHART_HIT_LEGEND,  /* a legend entry (city set for series entries) */
} CrkChartHitKind;

typedef struct
{
  CrkChartHitKind kind;
  guint city;          /* city index, G_MAXUINT when none */
  int node;            /* node index in the results, -1 when none */
  int year;            /* calendar year for values bars, else 0 */
  double value;        /* the value shown, NAN when missing */
  CrkRect rect;        /* the region, in the drawing's user units */
  const char *tooltip; /* ready text (borrowed from the hits, may hold newlines) */
} CrkChartHit;

typedef struct _CrkChartHits CrkChartHits;

CrkChartHits *crk_chart_hits_new (void);
void crk_chart_hits_free (CrkChartHits *self);
void crk_chart_hits_clear (CrkChartHits *self);
/* The topmost hit containing (@x, @y) (for points: the nearest one within reach). */
gboolean crk_chart_hits_lookup (CrkChartHits *self, double x, double y, CrkChartHit *out);
guint crk_chart_hits_get_n_hits (CrkChartHits *self);
const CrkChartHit *crk_chart_hits_get_hit (CrkChartHits *self, guint i);
/* Every text box drawn, in drawing order. */
guint crk_chart_hits_get_n_labels (CrkChartHits *self);
const CrkRect *crk_chart_hits_get_label (CrkChartHits *self, guint i, const char **text);
/* Union of the ink of everything drawn (text, bars, markers, lines). */
void crk_chart_hits_get_extents (CrkChartHits *self, CrkRect *out);

/* The value axis a chart drew: the radar's rings, the bars' axis. Its limits come from the
 * values shown (min, max), with 0 always inside [lo, hi] and a tick. */
typedef struct
{
  double lo, hi; /* the limits */
  double step;   /* between ticks (rings) */
  double min;    /* the smallest and largest value shown; NAN when none */
  double max;
  double pos_lo; /* where lo and hi lie: bars: x in user units; radar: distance from */
  double pos_hi; /* the centre (pos_lo = 0, pos_hi = the radius) */
} CrkChartAxis;

/* The axis of the last chart drawn; FALSE for a chart without one (gap, values, or a
 * message instead of a chart). */
gboolean crk_chart_hits_get_axis (CrkChartHits *self, CrkChartAxis *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkChartHits, crk_chart_hits_free)

/* Draws the chart filling (0, 0, @width, @height) of @cr, background included. @hits, if
 * not NULL, is cleared and then filled with hit regions and text boxes. */
void crk_chart_draw (cairo_t *cr,
                     CrkResults *results,
                     const CrkChartOptions *options,
                     double width,
                     double height,
                     CrkChartHits *hits);

/* The height the chart wants at @width: the ranked bar chart grows with the number of
 * cities (a readable row each), the contribution chart with its bars; the others answer
 * a pleasant aspect ratio. */
double
crk_chart_get_natural_height (CrkResults *results, const CrkChartOptions *options, double width);

/* The generated title, subtitle and source note (what crk_chart_draw() shows when the
 * options leave them NULL). */
char *crk_chart_dup_title (CrkResults *results, const CrkChartOptions *options);
char *crk_chart_dup_subtitle (CrkResults *results, const CrkChartOptions *options);
char *crk_chart_dup_source (CrkResults *results, const CrkChartOptions *options);
/* What scale the scores of @nodes (node indices) are on, from the method's normalisation,
 * its per-indicator overrides and TOPSIS nodes: "Scores from 0 to 100, higher is better",
 * "z-scores (mean 0, standard deviation 1), higher is better", "Mixed scales: ...";
 * NULL when none of @nodes has a score. */
char *crk_chart_dup_scale_text (CrkResults *results, const int *nodes, guint n_nodes);
/* Its short form for notes: "0 to 100", "z-scores (mean 0, standard deviation 1)",
 * "percentile ranks 0–100", "mixed scales (...)". */
char *crk_chart_dup_scale_name (CrkResults *results, const int *nodes, guint n_nodes);

/* A one-paragraph description of what the chart shows (strongest and weakest dimensions,
 * gap to the benchmark, leaders), used as alt text. */
char *crk_chart_describe (CrkResults *results, const CrkChartOptions *options);

/* Writes the chart to @path (format from the extension when AUTO) at @width_px x
 * @height_px pixels and @dpi (see crk_export_draw() for the units), with the title and
 * crk_chart_describe() as metadata. */
gboolean crk_chart_export (CrkResults *results,
                           const CrkChartOptions *options,
                           const char *path,
                           CrkExportFormat format,
                           double width_px,
                           double height_px,
                           double dpi,
                           GError **error);

G_END_DECLS
