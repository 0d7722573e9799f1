/* crk-export.c: drawings to PNG (with density and text chunks), SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <string.h>

#include "crk-export.h"

/* G_DEFINE_QUARK names the quark after its first argument, as written */
/* clang-format off */
G_DEFINE_QUARK (crk-export-error-quark, crk_export_error)
/* clang-format on */

/* Beyond this, an image surface is unreasonable for a chart (and may not allocate). */
#define MAX_PIXELS_PER_SIDE 20000
#define MAX_PIXELS 120e6

/**
 * crk_export_format_from_path:
 * @path: a file name
 *
 * The format named by a file's extension.
 *
 * Returns: the format, or %CRK_EXPORT_FORMAT_AUTO when unknown
 */
CrkExportFormat
crk_export_format_from_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, CRK_EXPORT_FORMAT_AUTO);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    return CRK_EXPORT_FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return CRK_EXPORT_FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return CRK_EXPORT_FORMAT_PDF;
  return CRK_EXPORT_FORMAT_AUTO;
}

/**
 * crk_export_mm_to_px:
 * @mm: a length in millimetres
 * @dpi: the resolution
 *
 * Converts millimetres to whole pixels at a resolution.
 *
 * Returns: the number of pixels
 */
double
crk_export_mm_to_px (double mm, double dpi)
{
  return round (mm / 25.4 * dpi);
}

typedef struct
{
  GError **error;
  const char *path;
} PngErrorContext;

static void
png_error_cb (png_structp png, png_const_charp message)
{
  PngErrorContext *ctx = png_get_error_ptr (png);

  if (ctx->error != NULL && *ctx->error == NULL)
    g_set_error (ctx->error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FAILED,
                 _ ("Could not write “%s”: %s"), ctx->path, message);
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp png, png_const_charp message)
{
  g_debug ("libpng: %s", message);
}

static gboolean
is_opaque (const guint8 *data, int width, int height, int stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((pixels[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* Cairo's RGB24 of an opaque image, native-endian 32-bit words, to PNG's RGB. */
static void
opaque_row (const guint8 *src, guint8 *dst, int width)
{
  const guint32 *pixels = (const guint32 *) (gconstpointer) src;

  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];

      dst[0] = (p >> 16) & 0xff;
      dst[1] = (p >> 8) & 0xff;
      dst[2] = p & 0xff;
      dst += 3;
    }
}

/* Cairo's ARGB32 is premultiplied, in native-endian 32-bit words; PNG wants straight RGBA. */
static void
unpremultiply_row (const guint8 *src, guint8 *dst, int width)
{
  const guint32 *pixels = (const guint32 *) (gconstpointer) src;

  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];
      guint a = p >> 24;

      if (a == 255)
        {
          dst[0] = (p >> 16) & 0xff;
          dst[1] = (p >> 8) & 0xff;
          dst[2] = p & 0xff;
          dst[3] = 255;
        }
      else if (a == 0)
        dst[0] = dst[1] = dst[2] = dst[3] = 0;
      else
        {
          dst[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
          dst[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
          dst[2] = ((p & 0xff) * 255 + a / 2) / a;
          dst[3] = a;
        }
      dst += 4;
    }
}

/**
 * crk_export_write_png:
 * @image: an ARGB32 image surface
 * @path: the file to write
 * @dpi: density for the pHYs chunk, 0 for none
 * @title: (nullable): text for the iTXt "Title" chunk
 * @description: (nullable): text for the iTXt "Description" chunk
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
crk_export_write_png (cairo_surface_t *image,
                      const char *path,
                      double dpi,
                      const char *title,
                      const char *description,
                      GError **error)
{
  PngErrorContext ctx = {error, path};
  png_structp png = NULL;
  png_infop info = NULL;
  FILE *volatile file = NULL;
  guint8 *volatile row = NULL;
  png_text texts[3];
  volatile int n_texts = 0;
  int width, height, stride;
  const guint8 *data;
  gboolean opaque;
  volatile gboolean ok = FALSE;

  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (cairo_surface_get_type (image) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (image) != CAIRO_FORMAT_ARGB32)
    {
      g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FAILED,
                   _ ("Could not write “%s”: not an ARGB32 image"), path);
      return FALSE;
    }
  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  opaque = is_opaque (data, width, height, stride);

  file = fopen (path, "wb");
  if (file == NULL)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &ctx, png_error_cb, png_warning_cb);
  if (png == NULL)
    goto out;
  info = png_create_info_struct (png);
  if (info == NULL)
    goto out;

  if (setjmp (png_jmpbuf (png)))
    goto out;

  png_init_io (png, file);
  /* Charts are flat colours: fast settings compress them nearly as well as the slow ones. */
  png_set_compression_level (png, 3);
  png_set_filter (png, 0, PNG_FILTER_UP);
  png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (dpi > 0)
    {
      png_uint_32 ppm = (png_uint_32) lround (dpi / 0.0254);
      png_set_pHYs (png, info, ppm, ppm, PNG_RESOLUTION_METER);
    }
  memset (texts, 0, sizeof texts);
  if (title != NULL && *title != '\0')
    {
      texts[n_texts].compression = PNG_ITXT_COMPRESSION_NONE;
      texts[n_texts].key = (char *) "Title";
      texts[n_texts].text = (char *) title;
      texts[n_texts].lang = (char *) "";
      texts[n_texts].lang_key = (char *) "";
      n_texts++;
    }
  if (description != NULL && *description != '\0')
    {
      texts[n_texts].compression = PNG_ITXT_COMPRESSION_NONE;
      texts[n_texts].key = (char *) "Description";
      texts[n_texts].text = (char *) description;
      texts[n_texts].lang = (char *) "";
      texts[n_texts].lang_key = (char *) "";
      n_texts++;
    }
  texts[n_texts].compression = PNG_TEXT_COMPRESSION_NONE;
  texts[n_texts].key = (char *) "Software";
  texts[n_texts].text = (char *) PACKAGE_NAME " " PACKAGE_VERSION;
  n_texts++;
  png_set_text (png, info, texts, n_texts);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * 4);
  for (int y = 0; y < height; y++)
    {
      if (opaque)
        opaque_row (data + (gsize) y * stride, row, width);
      else
        unpremultiply_row (data + (gsize) y * stride, row, width);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  ok = TRUE;

out:
  if (png != NULL)
    png_destroy_write_struct (&png, info != NULL ? &info : NULL);
  g_free (row);
  if (fclose (file) != 0 && ok)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FAILED,
                 _ ("Could not write “%s”: out of memory"), path);
  if (!ok)
    g_unlink (path);
  return ok;
}

static cairo_status_t
append_to_string (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Puts <title> and <desc> first inside the root <svg> element, where assistive technology
 * and viewers look for them. */
static gboolean
insert_svg_title (GString *svg, const char *title, const char *description)
{
  const char *root = strstr (svg->str, "<svg");
  const char *end;
  g_autoptr (GString) insert = g_string_new ("\n");

  if (root == NULL || (end = strchr (root, '>')) == NULL)
    return FALSE;
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (insert, "<title>%s</title>\n", escaped);
    }
  if (description != NULL && *description != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      g_string_append_printf (insert, "<desc>%s</desc>\n", escaped);
    }
  g_string_insert_len (svg, end + 1 - svg->str, insert->str, insert->len);
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FAILED, _ ("Could not write “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * crk_export_draw:
 * @path: the file to write
 * @format: the format, or %CRK_EXPORT_FORMAT_AUTO to take it from @path
 * @width_px: width in pixels at @dpi
 * @height_px: height in pixels at @dpi
 * @dpi: resolution, 72 to 600, or 0 for 96
 * @title: (nullable): the title for the file's metadata
 * @description: (nullable): the description (alt text) for the file's metadata
 * @draw: (scope call): draws the content
 * @user_data: data for @draw
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crk_export_draw (const char *path,
                 CrkExportFormat format,
                 double width_px,
                 double height_px,
                 double dpi,
                 const char *title,
                 const char *description,
                 CrkExportDrawFunc draw,
                 gpointer user_data,
                 GError **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  double width_pt, height_pt;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == CRK_EXPORT_FORMAT_AUTO)
    format = crk_export_format_from_path (path);
  if (format == CRK_EXPORT_FORMAT_AUTO)
    {
      g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FORMAT,
                   _ ("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }
  if (dpi == 0)
    dpi = CRK_EXPORT_DEFAULT_DPI;
  if (!(dpi >= CRK_EXPORT_MIN_DPI && dpi <= CRK_EXPORT_MAX_DPI))
    {
      g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_SIZE,
                   _ ("Resolution %g dpi is out of range (%g to %g)"), dpi, CRK_EXPORT_MIN_DPI,
                   CRK_EXPORT_MAX_DPI);
      return FALSE;
    }
  width_px = round (width_px);
  height_px = round (height_px);
  if (!(width_px >= 16 && height_px >= 16 && width_px <= MAX_PIXELS_PER_SIDE &&
        height_px <= MAX_PIXELS_PER_SIDE && width_px * height_px <= MAX_PIXELS))
    {
      g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_SIZE,
                   _ ("Size %g × %g pixels is out of range (16 to %d per side, %d million in all)"),
                   width_px, height_px, MAX_PIXELS_PER_SIDE, (int) (MAX_PIXELS / 1000000));
      return FALSE;
    }
  width_pt = width_px * 72.0 / dpi;
  height_pt = height_px * 72.0 / dpi;

  switch (format)
    {
      case CRK_EXPORT_FORMAT_PNG:
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width_px, (int) height_px);
        if (!check_cairo (cairo_surface_status (surface), path, error))
          {
            cairo_surface_destroy (surface);
            return FALSE;
          }
        cr = cairo_create (surface);
        cairo_scale (cr, dpi / 72.0, dpi / 72.0);
        draw (cr, width_pt, height_pt, user_data);
        ok = check_cairo (cairo_status (cr), path, error);
        cairo_destroy (cr);
        ok = ok && crk_export_write_png (surface, path, dpi, title, description, error);
        cairo_surface_destroy (surface);
        return ok;

      case CRK_EXPORT_FORMAT_SVG:
        {
          g_autoptr (GString) svg = g_string_new (NULL);

          surface =
            cairo_svg_surface_create_for_stream (append_to_string, svg, width_pt, height_pt);
          cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
          cr = cairo_create (surface);
          draw (cr, width_pt, height_pt, user_data);
          ok = check_cairo (cairo_status (cr), path, error);
          cairo_destroy (cr);
          cairo_surface_finish (surface);
          ok = ok && check_cairo (cairo_surface_status (surface), path, error);
          cairo_surface_destroy (surface);
          if (!ok)
            return FALSE;
          if (!insert_svg_title (svg, title, description))
            {
              g_set_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FAILED,
                           _ ("Could not write “%s”: cairo wrote no <svg> element"), path);
              return FALSE;
            }
          return g_file_set_contents (path, svg->str, svg->len, error);
        }

      case CRK_EXPORT_FORMAT_PDF:
        surface = cairo_pdf_surface_create (path, width_pt, height_pt);
        if (!check_cairo (cairo_surface_status (surface), path, error))
          {
            cairo_surface_destroy (surface);
            return FALSE;
          }
        if (title != NULL && *title != '\0')
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        if (description != NULL && *description != '\0')
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                        PACKAGE_NAME " " PACKAGE_VERSION);
        cr = cairo_create (surface);
        draw (cr, width_pt, height_pt, user_data);
        ok = check_cairo (cairo_status (cr), path, error);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        ok = ok && check_cairo (cairo_surface_status (surface), path, error);
        cairo_surface_destroy (surface);
        return ok;

      case CRK_EXPORT_FORMAT_AUTO:
      default:
        g_assert_not_reached ();
    }
  return FALSE;
}
