/* crk-chart-style.h: colours, line widths and font sizes shared by charts and report pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRK_CHART_STYLE_LIGHT,
  CRK_CHART_STYLE_DARK,
  CRK_CHART_STYLE_PRINT, /* greyscale on white, series told apart by dashes and markers */
} CrkChartStyle;

typedef struct
{
  double red, green, blue, alpha;
} CrkRGBA;

/* Marker shapes; the print style gives each series its own. */
typedef enum
{
  CRK_MARKER_CIRCLE,
  CRK_MARKER_SQUARE,
  CRK_MARKER_DIAMOND,
  CRK_MARKER_TRIANGLE,
  CRK_MARKER_TRIANGLE_DOWN,
  CRK_MARKER_CROSS,
  CRK_MARKER_PLUS,
  CRK_MARKER_STAR,
} CrkMarkerShape;

/* Everything a drawing needs to know about its look. Sizes are in user units
 * (the units of the cairo_t: points for PDF/SVG pages, logical pixels on screen). */
typedef struct
{
  CrkChartStyle style;
  CrkRGBA background;
  CrkRGBA foreground; /* titles, values */
  CrkRGBA secondary;  /* axis names, notes */
  CrkRGBA grid;       /* rings, gridlines */
  CrkRGBA axis;       /* spokes, baselines */
  CrkRGBA band[2];    /* alternating shaded bands (tiers) */
  CrkRGBA highlight;  /* outline of highlighted bars */
  CrkRGBA benchmark;  /* faint benchmark series */
  CrkRGBA positive;   /* gains, rank up */
  CrkRGBA negative;   /* losses, rank down */
  double font_size;   /* body text */
  double small_size;  /* tick labels, value labels */
  double title_size;
  double subtitle_size;
  double line_width; /* series lines */
  double grid_width;
} CrkStyle;

/* The style for @style with every size multiplied by @font_scale (1.0 = body text 10 units).
 * Returns a newly allocated style; free with g_free(). */
CrkStyle *crk_style_new (CrkChartStyle style, double font_scale);

/* The number of distinct series colours (8: Okabe-Ito, or 8 grey/dash pairs in print). */
guint crk_palette_get_n_series (void);
/* Colour of series @i (wraps around) for @style: Okabe-Ito on light and dark backgrounds,
 * greys for print. */
void crk_palette_get_series (CrkChartStyle style, guint i, CrkRGBA *out);
/* Dash pattern for series @i: none (*n_dashes = 0) except in the print style. @dashes must
 * hold 4 values. */
void crk_palette_get_series_dash (CrkChartStyle style,
                                  guint i,
                                  double line_width,
                                  double *dashes,
                                  int *n_dashes);
CrkMarkerShape crk_palette_get_series_marker (CrkChartStyle style, guint i);
/* Colour for category @i of @n (tiers from strongest to weakest, regions): Okabe-Ito,
 * or evenly spaced greys for print. */
void crk_palette_get_category (CrkChartStyle style, guint i, guint n, CrkRGBA *out);

void crk_rgba_set_source (cairo_t *cr, const CrkRGBA *rgba);
/* Sets @rgba with its alpha multiplied by @alpha. */
void crk_rgba_set_source_alpha (cairo_t *cr, const CrkRGBA *rgba, double alpha);
/* Relative luminance in [0, 1] (for choosing text on a coloured fill). */
double crk_rgba_get_luminance (const CrkRGBA *rgba);
/* "#rrggbb". */
char *crk_rgba_to_string (const CrkRGBA *rgba);

/* Draws a marker of @size (its width) centred on (@x, @y); filled with the current source
 * unless @hollow, where it is stroked and filled with @hollow_fill. */
void crk_draw_marker (cairo_t *cr,
                      CrkMarkerShape shape,
                      double x,
                      double y,
                      double size,
                      gboolean hollow,
                      const CrkRGBA *hollow_fill);

G_END_DECLS
