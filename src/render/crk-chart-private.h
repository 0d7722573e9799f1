/* crk-chart-private.h: what a chart draws, as plain data taken from the results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing code reads only a CrkChartData, never the model or the results, so it can be
 * tested with data built by hand, and crk-chart.c is the one place that knows the engine.
 */
#pragma once

#include "crk-chart.h"

G_BEGIN_DECLS

/* The radar draws up to this many cities. */
#define CRK_CHART_MAX_RADAR_SERIES 8

/* A radar city, a values year, a gap side. */
typedef struct
{
  char *name;
  guint city;     /* G_MAXUINT when none */
  int year;       /* values chart: the calendar year; else 0 */
  double *values; /* n_axes values, NAN when missing */
  guint *ranks;   /* n_axes ranks (0 = none), or NULL */
} CrkChartSeries;

/* A bar of the ranked bar chart, or of the contribution chart. */
typedef struct
{
  guint city;
  char *name;
  guint rank;   /* 0 = none */
  double value; /* score (bar) or total (contribution); NAN when missing */
  int tier;     /* -1 when none */
  int category; /* colour: index into category_names, -1 when none */
  gboolean has_change;
  gboolean is_new; /* not ranked in the base year */
  int rank_change; /* positive = moved up */
  gboolean highlighted;
  double *parts; /* contribution: n_axes weighted contributions, or NULL */
} CrkChartRow;

typedef struct
{
  CrkChartKind kind;
  char *title;
  char *subtitle;
  char *source;
  char *value_name; /* "Index score", "Contribution to the index"... */
  char *scale_text; /* what scale the scores are on (crk_chart_dup_scale_text()), or NULL */

  /* Axes (radar), segments (contribution), parts (gap), indicators (values). */
  guint n_axes;
  char **axis_names;
  int *axis_nodes;   /* node index per axis, -1 when none */
  int *axis_groups;  /* group per axis (radar indicators mode), -1 when none */
  char **axis_units; /* values chart: unit per axis, NULL entries allowed */
  guint n_groups;
  char **group_names;

  guint n_series;
  CrkChartSeries *series;
  char *benchmark_name; /* NULL: no benchmark */
  double *benchmark;    /* n_axes */

  guint n_rows;
  CrkChartRow *rows;
  double gap_total; /* gap chart: score(a) - score(b) */

  guint n_categories;
  char **category_names;
  char *category_title; /* "Stage", "Region" */
  guint n_tiers;
  char **tier_names;
  double mean; /* over all ranked cities, NAN when not shown */
  double median;
  gboolean has_changes; /* some row has a rank change to show */
  int base_year;
  CrkUnitKind unit_kind; /* what the dataset ranks, for the messages' words */
} CrkChartData;

CrkChartData *crk_chart_data_new (CrkChartKind kind);
void crk_chart_data_free (CrkChartData *data);
/* Sets @n axes named @names (copied). */
void crk_chart_data_set_axes (CrkChartData *data, guint n, const char **names);
/* Appends a series; @values (n_axes long) is copied. Returns it. */
CrkChartSeries *crk_chart_data_add_series (CrkChartData *data,
                                           const char *name,
                                           guint city,
                                           int year,
                                           const double *values);
void crk_chart_data_set_benchmark (CrkChartData *data, const char *name, const double *values);
/* Appends a row (parts copied when not NULL, n_axes long). Returns it. */
CrkChartRow *crk_chart_data_add_row (CrkChartData *data,
                                     guint city,
                                     const char *name,
                                     guint rank,
                                     double value,
                                     const double *parts);
void
crk_chart_data_set_categories (CrkChartData *data, const char *title, guint n, const char **names);
void crk_chart_data_set_tiers (CrkChartData *data, guint n, const char **names);
void
crk_chart_data_set_groups (CrkChartData *data, guint n, const char **names, const int *axis_groups);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkChartData, crk_chart_data_free)

/* Drawing from data (crk-chart-draw.c and one file per kind). */
void crk_chart_data_draw (cairo_t *cr,
                          const CrkChartData *data,
                          const CrkChartOptions *options,
                          double width,
                          double height,
                          CrkChartHits *hits);
double crk_chart_data_get_natural_height (const CrkChartData *data,
                                          const CrkChartOptions *options,
                                          double width);
char *crk_chart_data_describe (const CrkChartData *data, const CrkChartOptions *options);
gboolean crk_chart_data_export (const CrkChartData *data,
                                const CrkChartOptions *options,
                                const char *path,
                                CrkExportFormat format,
                                double width_px,
                                double height_px,
                                double dpi,
                                GError **error);

/* Hits, filled while drawing. @tooltip is taken. */
void crk_chart_hits_add (CrkChartHits *hits,
                         CrkChartHitKind kind,
                         guint city,
                         int node,
                         int year,
                         double value,
                         const CrkRect *rect,
                         char *tooltip);
void crk_chart_hits_add_label (CrkChartHits *hits, const CrkRect *rect, const char *text);
void crk_chart_hits_add_ink (CrkChartHits *hits, const CrkRect *rect);
/* Records the value axis drawn (@hits may be NULL). */
void crk_chart_hits_set_axis (CrkChartHits *hits, const CrkChartAxis *axis);

/* Axes from the values shown (crk-chart-scale.c). An axis over [@min, @max] and 0 with
 * round limits and steps: exactly @n_steps steps, or about as many when not @exact. */
void crk_chart_scale_for (double min, double max, guint n_steps, gboolean exact, CrkChartAxis *out);
/* The radar's rings: the shown cities and benchmark on every axis, and the options'
 * scale_min and scale_max, in options->n_rings rings. */
void
crk_chart_radar_scale (const CrkChartData *data, const CrkChartOptions *options, CrkChartAxis *out);
/* The ranked bars' or the contributions' axis in about @target ticks: bars (stacks) from
 * 0, and the mean and median lines. */
void crk_chart_bar_scale (const CrkChartData *data, guint target, CrkChartAxis *out);

/* Numbers as charts print them: 72.4, 1,234, 0.052. */
char *crk_chart_format_value (double value);
/* "+12.3%", "−4.0%". */
char *crk_chart_format_percent (double fraction);

/* Drawing context shared by the chart kinds (crk-chart-draw.c). */
typedef struct
{
  cairo_t *cr;
  const CrkChartData *data;
  const CrkChartOptions *options;
  CrkStyle *style;
  CrkChartHits *hits;
  double width;
  double height;
  double k; /* font scale */
  double margin;
  CrkRect plot; /* what the frame leaves for the plot */
} CrkDraw;

typedef enum
{
  CRK_LEGEND_ENTRY_BOX,       /* filled square: bars, categories */
  CRK_LEGEND_ENTRY_SERIES,    /* line with a marker: radar series */
  CRK_LEGEND_ENTRY_BENCHMARK, /* faint dashed line */
  CRK_LEGEND_ENTRY_ARC,       /* thick arc stroke: radar groups */
  CRK_LEGEND_ENTRY_HEADING,   /* a caption above the following entries */
} CrkLegendEntryKind;

typedef struct
{
  CrkLegendEntryKind kind;
  char *text;
  CrkRGBA color;
  guint series; /* for dashes and markers */
  guint city;   /* G_MAXUINT when none */
} CrkLegendEntry;

/* Adds a legend entry to @entries (an array of CrkLegendEntry with a clear func from
 * crk_draw_legend_entries_new()); @text is copied. */
GArray *crk_draw_legend_entries_new (void);
void crk_draw_legend_add (GArray *entries,
                          CrkLegendEntryKind kind,
                          const char *text,
                          const CrkRGBA *color,
                          guint series,
                          guint city);

/* Paints the background, the title, the subtitle, the source note and the legend, and
 * sets d->plot to what is left. */
void crk_draw_frame (CrkDraw *d, GArray *legend);
/* Height the frame takes from a chart @width wide (title, subtitle, source, bottom
 * legend), for natural heights; @legend_width receives the width of a right legend. */
double crk_draw_frame_height (CrkDraw *d, GArray *legend, double *legend_width);

/* Frame plus @content, or plus a right legend when that is taller. */
double crk_draw_natural_height (CrkDraw *d, GArray *legend, double content);

PangoLayout *crk_draw_layout (CrkDraw *d, const char *text, double size, PangoWeight weight);
/* A layout wrapped at @width (see crk_text_layout_new_wrapped()). */
PangoLayout *crk_draw_layout_wrapped (CrkDraw *d,
                                      const char *text,
                                      double size,
                                      PangoWeight weight,
                                      double width,
                                      PangoAlignment alignment);
/* Draws @layout anchored at (@x, @y), records its box as a label and returns it in @out. */
void crk_draw_text (CrkDraw *d,
                    PangoLayout *layout,
                    double x,
                    double y,
                    CrkAnchor anchor,
                    const CrkRGBA *color,
                    CrkRect *out);
/* The same over a halo of @halo. */
void crk_draw_text_halo (CrkDraw *d,
                         PangoLayout *layout,
                         double x,
                         double y,
                         CrkAnchor anchor,
                         const CrkRGBA *color,
                         const CrkRGBA *halo,
                         CrkRect *out);
/* Records ink for the extents check. */
void crk_draw_ink (CrkDraw *d, double x, double y, double width, double height);
/* Ticks for [lo, hi]: step and the rounded limits. */
void crk_draw_nice_scale (double lo,
                          double hi,
                          guint target,
                          double *nice_lo,
                          double *nice_hi,
                          double *step);
/* A number for a tick: no needless decimals. */
char *crk_draw_format_tick (double value, double step);
/* Text colour that reads on @fill. */
void crk_draw_contrast_text (CrkDraw *d, const CrkRGBA *fill, CrkRGBA *out);

/* The kinds (one file each). */
void crk_chart_radar_draw (CrkDraw *d);
void crk_chart_bar_draw (CrkDraw *d);
double crk_chart_bar_natural_height (CrkDraw *d);
void crk_chart_contribution_draw (CrkDraw *d);
double crk_chart_contribution_natural_height (CrkDraw *d);
void crk_chart_gap_draw (CrkDraw *d);
double crk_chart_gap_natural_height (CrkDraw *d);
void crk_chart_values_draw (CrkDraw *d);
double crk_chart_values_natural_height (CrkDraw *d);
/* Adds the legend of a kind to @entries. */
void crk_chart_radar_legend (CrkDraw *d, GArray *entries);
void crk_chart_bar_legend (CrkDraw *d, GArray *entries);
void crk_chart_contribution_legend (CrkDraw *d, GArray *entries);
void crk_chart_gap_legend (CrkDraw *d, GArray *entries);
void crk_chart_values_legend (CrkDraw *d, GArray *entries);

G_END_DECLS
