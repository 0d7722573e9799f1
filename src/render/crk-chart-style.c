/* crk-chart-style.c: colours, line widths and font sizes shared by charts and report pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-style"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-chart-style.h"

#define RGB(hex)                                                                                   \
  {                                                                                                \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) &0xff) / 255.0, 1.0          \
  }

/* Okabe & Ito (2008), ordered so that neighbours contrast; yellow, weak on white, late. */
static const CrkRGBA okabe_ito_light[] = {
  RGB (0x0072B2), /* blue */
  RGB (0xD55E00), /* vermillion */
  RGB (0x009E73), /* bluish green */
  RGB (0xCC79A7), /* reddish purple */
  RGB (0xE69F00), /* orange */
  RGB (0x56B4E9), /* sky blue */
  RGB (0x000000), /* black */
  RGB (0xB8A400), /* yellow, darkened to read on white */
};

static const CrkRGBA okabe_ito_dark[] = {
  RGB (0x56B4E9), /* sky blue */
  RGB (0xE69F00), /* orange */
  RGB (0x009E73), /* bluish green */
  RGB (0xCC79A7), /* reddish purple */
  RGB (0xF0E442), /* yellow */
  RGB (0x3C8FD0), /* blue, lightened to read on dark */
  RGB (0xD55E00), /* vermillion */
  RGB (0xE8E8E8), /* white for black */
};

/* Categories (tiers from strongest, regions): the same hues in an order that reads as a
 * progression for tiers: blue, sky blue, green, orange, vermillion... */
static const CrkRGBA categories_light[] = {
  RGB (0x0072B2), RGB (0x56B4E9), RGB (0x009E73), RGB (0xE69F00),
  RGB (0xD55E00), RGB (0xCC79A7), RGB (0xB8A400), RGB (0x000000),
};

static const CrkRGBA categories_dark[] = {
  RGB (0x3C8FD0), RGB (0x56B4E9), RGB (0x009E73), RGB (0xE69F00),
  RGB (0xD55E00), RGB (0xCC79A7), RGB (0xF0E442), RGB (0xE8E8E8),
};

/* Print: greys, with a dash pattern and a marker per series. */
static const double print_greys[] = {0.0, 0.45, 0.0, 0.3, 0.55, 0.15, 0.4, 0.0};
static const CrkMarkerShape print_markers[] = {
  CRK_MARKER_CIRCLE,        CRK_MARKER_SQUARE, CRK_MARKER_TRIANGLE, CRK_MARKER_DIAMOND,
  CRK_MARKER_TRIANGLE_DOWN, CRK_MARKER_CROSS,  CRK_MARKER_STAR,     CRK_MARKER_PLUS,
};

/**
 * crk_palette_get_n_series:
 *
 * The number of distinct series colours.
 *
 * Returns: the number of colours
 */
guint
crk_palette_get_n_series (void)
{
  return G_N_ELEMENTS (okabe_ito_light);
}

/**
 * crk_palette_get_series:
 * @style: the style
 * @i: an index
 * @out: (out): the result
 *
 * The colour of a series (Okabe-Ito, greys in print).
 */
void
crk_palette_get_series (CrkChartStyle style, guint i, CrkRGBA *out)
{
  g_return_if_fail (out != NULL);

  i %= G_N_ELEMENTS (okabe_ito_light);
  switch (style)
    {
      case CRK_CHART_STYLE_DARK:
        *out = okabe_ito_dark[i];
        break;
      case CRK_CHART_STYLE_PRINT:
        *out = (CrkRGBA){print_greys[i], print_greys[i], print_greys[i], 1.0};
        break;
      case CRK_CHART_STYLE_LIGHT:
      default:
        *out = okabe_ito_light[i];
        break;
    }
}

/**
 * crk_palette_get_series_dash:
 * @style: the style
 * @i: an index
 * @line_width: the series line width
 * @dashes: (out): four values
 * @n_dashes: (out): how many were set
 *
 * The dash pattern of a series (print style only).
 */
void
crk_palette_get_series_dash (CrkChartStyle style,
                             guint i,
                             double line_width,
                             double *dashes,
                             int *n_dashes)
{
  double u = MAX (line_width, 0.5);

  g_return_if_fail (dashes != NULL && n_dashes != NULL);

  *n_dashes = 0;
  if (style != CRK_CHART_STYLE_PRINT)
    return;

  switch (i % 8)
    {
      case 0:
      case 1:
        break;
      case 2:
      case 5:
        dashes[0] = 5 * u;
        dashes[1] = 2.5 * u;
        *n_dashes = 2;
        break;
      case 3:
      case 6:
        dashes[0] = 1.2 * u;
        dashes[1] = 2 * u;
        *n_dashes = 2;
        break;
      default:
        dashes[0] = 6 * u;
        dashes[1] = 2 * u;
        dashes[2] = 1.2 * u;
        dashes[3] = 2 * u;
        *n_dashes = 4;
        break;
    }
}

/**
 * crk_palette_get_series_marker:
 * @style: the style
 * @i: an index
 *
 * The marker shape of a series (distinct in print).
 *
 * Returns: the shape
 */
CrkMarkerShape
crk_palette_get_series_marker (CrkChartStyle style, guint i)
{
  if (style != CRK_CHART_STYLE_PRINT)
    return CRK_MARKER_CIRCLE;
  return print_markers[i % G_N_ELEMENTS (print_markers)];
}

/**
 * crk_palette_get_category:
 * @style: the style
 * @i: an index
 * @n: how many
 * @out: (out): the result
 *
 * The colour of a category (tier, region) of @n.
 */
void
crk_palette_get_category (CrkChartStyle style, guint i, guint n, CrkRGBA *out)
{
  g_return_if_fail (out != NULL);

  if (style == CRK_CHART_STYLE_PRINT)
    {
      /* Evenly spaced greys from dark to light; never white. */
      double g = n <= 1 ? 0.35 : 0.2 + 0.55 * (double) (i % n) / (double) (n - 1);
      *out = (CrkRGBA){g, g, g, 1.0};
      return;
    }
  i %= G_N_ELEMENTS (categories_light);
  *out = style == CRK_CHART_STYLE_DARK ? categories_dark[i] : categories_light[i];
}

/**
 * crk_style_new:
 * @style: the style
 * @font_scale: text size factor (1 = 10-unit body text)
 *
 * Makes the look of a style at a text size.
 *
 * Returns: (transfer full): the style; free with g_free()
 */
CrkStyle *
crk_style_new (CrkChartStyle style, double font_scale)
{
  CrkStyle *s = g_new0 (CrkStyle, 1);
  double k = font_scale > 0 ? font_scale : 1.0;

  s->style = style;
  switch (style)
    {
      case CRK_CHART_STYLE_DARK:
        s->background = (CrkRGBA) RGB (0x242424);
        s->foreground = (CrkRGBA) RGB (0xF2F2F2);
        s->secondary = (CrkRGBA) RGB (0xB4B4B4);
        s->grid = (CrkRGBA) RGB (0x4A4A4A);
        s->axis = (CrkRGBA) RGB (0x7A7A7A);
        s->band[0] = (CrkRGBA) RGB (0x2E2E2E);
        s->band[1] = (CrkRGBA) RGB (0x383838);
        s->highlight = (CrkRGBA) RGB (0xF0E442);
        s->benchmark = (CrkRGBA) RGB (0xA0A0A0);
        s->positive = (CrkRGBA) RGB (0x3DBE8B);
        s->negative = (CrkRGBA) RGB (0xF0834A);
        break;
      case CRK_CHART_STYLE_PRINT:
        s->background = (CrkRGBA) RGB (0xFFFFFF);
        s->foreground = (CrkRGBA) RGB (0x000000);
        s->secondary = (CrkRGBA) RGB (0x404040);
        s->grid = (CrkRGBA) RGB (0xB8B8B8);
        s->axis = (CrkRGBA) RGB (0x808080);
        s->band[0] = (CrkRGBA) RGB (0xEDEDED);
        s->band[1] = (CrkRGBA) RGB (0xF8F8F8);
        s->highlight = (CrkRGBA) RGB (0x000000);
        s->benchmark = (CrkRGBA) RGB (0x707070);
        s->positive = (CrkRGBA) RGB (0x000000);
        s->negative = (CrkRGBA) RGB (0x000000);
        break;
      case CRK_CHART_STYLE_LIGHT:
      default:
        s->style = CRK_CHART_STYLE_LIGHT;
        s->background = (CrkRGBA) RGB (0xFFFFFF);
        s->foreground = (CrkRGBA) RGB (0x1A1A1A);
        s->secondary = (CrkRGBA) RGB (0x555555);
        s->grid = (CrkRGBA) RGB (0xD6D6D6);
        s->axis = (CrkRGBA) RGB (0x9A9A9A);
        s->band[0] = (CrkRGBA) RGB (0xEEF3F8);
        s->band[1] = (CrkRGBA) RGB (0xF8F8F8);
        s->highlight = (CrkRGBA) RGB (0x1A1A1A);
        s->benchmark = (CrkRGBA) RGB (0x6E6E6E);
        s->positive = (CrkRGBA) RGB (0x007D5A);
        s->negative = (CrkRGBA) RGB (0xC0392B);
        break;
    }
  s->font_size = 10.0 * k;
  s->small_size = 8.5 * k;
  s->title_size = 15.0 * k;
  s->subtitle_size = 11.0 * k;
  s->line_width = 1.6 * k;
  s->grid_width = 0.7 * k;
  return s;
}

/**
 * crk_rgba_set_source:
 * @cr: a cairo context
 * @rgba: a colour
 *
 * Sets a colour as the source of @cr.
 */
void
crk_rgba_set_source (cairo_t *cr, const CrkRGBA *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

/**
 * crk_rgba_set_source_alpha:
 * @cr: a cairo context
 * @rgba: a colour
 * @alpha: the alpha factor
 *
 * Sets a colour with its alpha multiplied as the source of @cr.
 */
void
crk_rgba_set_source_alpha (cairo_t *cr, const CrkRGBA *rgba, double alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static double
linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * crk_rgba_get_luminance:
 * @rgba: a colour
 *
 * The relative luminance of a colour.
 *
 * Returns: the luminance in [0, 1]
 */
double
crk_rgba_get_luminance (const CrkRGBA *rgba)
{
  return 0.2126 * linear (rgba->red) + 0.7152 * linear (rgba->green) + 0.0722 * linear (rgba->blue);
}

/**
 * crk_rgba_to_string:
 * @rgba: a colour
 *
 * Formats a colour as "#rrggbb".
 *
 * Returns: the string; free with g_free()
 */
char *
crk_rgba_to_string (const CrkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (CLAMP (rgba->red, 0, 1) * 255),
                          (int) lround (CLAMP (rgba->green, 0, 1) * 255),
                          (int) lround (CLAMP (rgba->blue, 0, 1) * 255));
}

static void
polygon (cairo_t *cr, double x, double y, double r, guint n, double start, double inner)
{
  guint points = inner > 0 ? 2 * n : n;

  for (guint i = 0; i < points; i++)
    {
      double a = start + 2 * G_PI * i / points;
      double rr = (inner > 0 && i % 2 == 1) ? inner : r;

      if (i == 0)
        cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
      else
        cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
    }
  cairo_close_path (cr);
}

/**
 * crk_draw_marker:
 * @cr: a cairo context
 * @shape: the marker shape
 * @x: x
 * @y: y
 * @size: the sizes
 * @hollow: whether to stroke instead of fill
 * @hollow_fill: (nullable): the fill of a hollow marker
 *
 * Draws a marker in the current source.
 */
void
crk_draw_marker (cairo_t *cr,
                 CrkMarkerShape shape,
                 double x,
                 double y,
                 double size,
                 gboolean hollow,
                 const CrkRGBA *hollow_fill)
{
  double r = size / 2;
  gboolean line_only = shape == CRK_MARKER_CROSS || shape == CRK_MARKER_PLUS;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (shape)
    {
      case CRK_MARKER_SQUARE:
        r *= 0.88;
        cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
        break;
      case CRK_MARKER_DIAMOND:
        polygon (cr, x, y, r * 1.2, 4, -G_PI / 2, 0);
        break;
      case CRK_MARKER_TRIANGLE:
        polygon (cr, x, y + r * 0.15, r * 1.2, 3, -G_PI / 2, 0);
        break;
      case CRK_MARKER_TRIANGLE_DOWN:
        polygon (cr, x, y - r * 0.15, r * 1.2, 3, G_PI / 2, 0);
        break;
      case CRK_MARKER_STAR:
        polygon (cr, x, y, r * 1.3, 5, -G_PI / 2, r * 0.55);
        break;
      case CRK_MARKER_CROSS:
        cairo_move_to (cr, x - r, y - r);
        cairo_line_to (cr, x + r, y + r);
        cairo_move_to (cr, x + r, y - r);
        cairo_line_to (cr, x - r, y + r);
        break;
      case CRK_MARKER_PLUS:
        cairo_move_to (cr, x - r * 1.2, y);
        cairo_line_to (cr, x + r * 1.2, y);
        cairo_move_to (cr, x, y - r * 1.2);
        cairo_line_to (cr, x, y + r * 1.2);
        break;
      case CRK_MARKER_CIRCLE:
      default:
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
        break;
    }

  if (line_only)
    {
      cairo_set_line_width (cr, MAX (size / 4, 0.8));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else if (hollow)
    {
      cairo_pattern_t *source = cairo_get_source (cr);

      cairo_pattern_reference (source);
      if (hollow_fill != NULL)
        {
          crk_rgba_set_source (cr, hollow_fill);
          cairo_fill_preserve (cr);
        }
      cairo_set_source (cr, source);
      cairo_pattern_destroy (source);
      cairo_set_line_width (cr, MAX (size / 5, 0.8));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
  cairo_restore (cr);
}
