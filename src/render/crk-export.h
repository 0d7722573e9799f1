/* crk-export.h: drawings to PNG (with density and text chunks), SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define CRK_EXPORT_ERROR (crk_export_error_quark ())
typedef enum
{
  CRK_EXPORT_ERROR_FORMAT, /* unknown file extension or format */
  CRK_EXPORT_ERROR_SIZE,   /* size or resolution out of range */
  CRK_EXPORT_ERROR_FAILED, /* cairo, libpng or the file system failed */
} CrkExportError;
GQuark crk_export_error_quark (void);

typedef enum
{
  CRK_EXPORT_FORMAT_AUTO, /* from the file name's extension */
  CRK_EXPORT_FORMAT_PNG,
  CRK_EXPORT_FORMAT_SVG,
  CRK_EXPORT_FORMAT_PDF,
} CrkExportFormat;

#define CRK_EXPORT_MIN_DPI 72.0
#define CRK_EXPORT_MAX_DPI 600.0
#define CRK_EXPORT_DEFAULT_DPI 96.0

/* The format of @path's extension (.png, .svg, .pdf, any case), or AUTO when unknown. */
CrkExportFormat crk_export_format_from_path (const char *path);

/* Draws into @cr an area of @width x @height user units. */
typedef void (*CrkExportDrawFunc) (cairo_t *cr, double width, double height, gpointer user_data);

/* Writes what @draw draws to @path.
 *
 * Sizes: @width_px x @height_px pixels at @dpi (72 to 600; 0 means 96). A PNG has exactly
 * that many pixels and its pHYs chunk says @dpi; an SVG or PDF page has the same physical
 * size (width_px * 72 / dpi points). In every format the drawing gets a space of
 * (width_px * 72 / dpi) x (height_px * 72 / dpi) user units (points), so text of 10 units
 * is 10 pt on paper whatever the format.
 *
 * @title and @description (may be NULL) go into the PNG's iTXt "Title" and "Description"
 * chunks, the SVG's <title> and <desc>, and the PDF's Title and Subject metadata. */
gboolean crk_export_draw (const char *path,
                          CrkExportFormat format,
                          double width_px,
                          double height_px,
                          double dpi,
                          const char *title,
                          const char *description,
                          CrkExportDrawFunc draw,
                          gpointer user_data,
                          GError **error);

/* Pixels for a length in millimetres at @dpi (rounded). */
double crk_export_mm_to_px (double mm, double dpi);

/* Writes an ARGB32 image surface as PNG with a pHYs chunk for @dpi (0 = none) and iTXt
 * chunks for @title and @description (may be NULL). */
gboolean crk_export_write_png (cairo_surface_t *image,
                               const char *path,
                               double dpi,
                               const char *title,
                               const char *description,
                               GError **error);

G_END_DECLS
