/* test-charts.c: every chart kind drawn and exported without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>

#include "crk-test-charts.h"
#include "crk-locale.h"

static const CrkChartKind all_kinds[] = {
  CRK_CHART_RADAR, CRK_CHART_BAR, CRK_CHART_CONTRIBUTION, CRK_CHART_GAP, CRK_CHART_VALUES,
};

static char *tmpdir;

static char *
out_path (const char *name)
{
  const char *keep = g_getenv ("CRK_CHART_OUTDIR");

  return g_build_filename (keep != NULL ? keep : tmpdir, name, NULL);
}

static CrkChartOptions *
options_for (CrkChartKind kind, CrkChartStyle style)
{
  CrkChartOptions *options = crk_chart_options_new (kind);

  options->style = style;
  return options;
}

/* PNG chunks */

typedef struct
{
  guint32 width, height;
  guint32 ppm_x, ppm_y;
  guint8 ppm_unit;
  gboolean has_phys;
  GHashTable *texts; /* key -> text */
} PngInfo;

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
png_info_read (const char *path, PngInfo *info)
{
  g_autofree guint8 *contents = NULL;
  gsize length, pos = 8;
  g_autoptr (GError) error = NULL;
  static const guint8 signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};

  memset (info, 0, sizeof *info);
  info->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_file_get_contents (path, (char **) &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, signature, 8);
  while (pos + 12 <= length)
    {
      guint32 n = be32 (contents + pos);
      const char *type = (const char *) contents + pos + 4;
      const guint8 *body = contents + pos + 8;

      g_assert_cmpuint (pos + 12 + n, <=, length);
      if (memcmp (type, "IHDR", 4) == 0)
        {
          info->width = be32 (body);
          info->height = be32 (body + 4);
        }
      else if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (n, ==, 9);
          info->ppm_x = be32 (body);
          info->ppm_y = be32 (body + 4);
          info->ppm_unit = body[8];
          info->has_phys = TRUE;
        }
      else if (memcmp (type, "iTXt", 4) == 0)
        {
          /* keyword \0 compression-flag compression-method lang \0 translated \0 text */
          const char *key = (const char *) body;
          gsize key_len = strnlen (key, n);
          const guint8 *p = body + key_len + 1;
          const guint8 *end = body + n;
          guint8 compressed = *p;

          g_assert_cmpuint (compressed, ==, 0);
          p += 2;
          p += strnlen ((const char *) p, end - p) + 1; /* language */
          p += strnlen ((const char *) p, end - p) + 1; /* translated keyword */
          g_hash_table_insert (info->texts, g_strdup (key), g_strndup ((const char *) p, end - p));
        }
      else if (memcmp (type, "tEXt", 4) == 0)
        {
          const char *key = (const char *) body;
          gsize key_len = strnlen (key, n);

          g_hash_table_insert (info->texts, g_strdup (key),
                               g_strndup ((const char *) body + key_len + 1, n - key_len - 1));
        }
      pos += 12 + n;
    }
}

static void
png_info_clear (PngInfo *info)
{
  g_clear_pointer (&info->texts, g_hash_table_unref);
}

static void
test_png_exact_size (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (CrkChartData) data = crk_test_data_for_kind (all_kinds[k]);
      g_autoptr (CrkChartOptions) options = options_for (all_kinds[k], CRK_CHART_STYLE_LIGHT);
      g_autofree char *name = g_strdup_printf ("%s.png", crk_chart_kind_to_string (all_kinds[k]));
      g_autofree char *path = out_path (name);
      g_autofree char *description = crk_chart_data_describe (data, options);
      g_autoptr (GError) error = NULL;
      PngInfo info;

      g_assert_true (
        crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_AUTO, 1600, 1200, 0, &error));
      g_assert_no_error (error);
      png_info_read (path, &info);
      g_assert_cmpuint (info.width, ==, 1600);
      g_assert_cmpuint (info.height, ==, 1200);
      g_assert_true (info.has_phys);
      g_assert_cmpuint (info.ppm_unit, ==, 1);
      g_assert_cmpuint (info.ppm_x, ==, 3780); /* 96 dpi = 3779.5 px/m */
      g_assert_cmpuint (info.ppm_y, ==, 3780);
      g_assert_cmpstr (g_hash_table_lookup (info.texts, "Title"), ==, data->title);
      g_assert_cmpstr (g_hash_table_lookup (info.texts, "Description"), ==, description);
      g_assert_cmpuint (strlen (description), >, 40);
      png_info_clear (&info);
    }
}

static void
test_png_physical_size (void)
{
  g_autoptr (CrkChartData) data = crk_test_radar_data (3, 6, FALSE);
  g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_RADAR, CRK_CHART_STYLE_PRINT);
  g_autofree char *path = out_path ("radar-300dpi.png");
  g_autoptr (GError) error = NULL;
  double w = crk_export_mm_to_px (160, 300), h = crk_export_mm_to_px (120, 300);
  PngInfo info;

  /* 160 mm x 120 mm at 300 dpi: 1890 x 1417 pixels, 11811 px/m. */
  g_assert_cmpfloat (w, ==, 1890);
  g_assert_cmpfloat (h, ==, 1417);
  g_assert_true (
    crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_PNG, w, h, 300, &error));
  g_assert_no_error (error);
  png_info_read (path, &info);
  g_assert_cmpuint (info.width, ==, 1890);
  g_assert_cmpuint (info.height, ==, 1417);
  g_assert_cmpuint (info.ppm_x, ==, 11811);
  g_assert_cmpuint (info.ppm_y, ==, 11811);
  png_info_clear (&info);
}

static void
test_export_errors (void)
{
  g_autoptr (CrkChartData) data = crk_test_gap_data ();
  g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_GAP, CRK_CHART_STYLE_LIGHT);
  g_autofree char *path = out_path ("chart.gif");
  g_autofree char *png = out_path ("bad.png");
  g_autoptr (GError) error = NULL;

  g_assert_false (
    crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_AUTO, 800, 600, 0, &error));
  g_assert_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (
    crk_chart_data_export (data, options, png, CRK_EXPORT_FORMAT_AUTO, 800, 600, 1200, &error));
  g_assert_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (
    crk_chart_data_export (data, options, png, CRK_EXPORT_FORMAT_AUTO, 20000, 20000, 96, &error));
  g_assert_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (
    crk_chart_data_export (data, options, png, CRK_EXPORT_FORMAT_AUTO, 8, 600, 96, &error));
  g_assert_error (error, CRK_EXPORT_ERROR, CRK_EXPORT_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (crk_chart_data_export (data, options, "/nonexistent/dir/x.png",
                                         CRK_EXPORT_FORMAT_AUTO, 800, 600, 96, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* SVG */

static guint
count_xpath (xmlXPathContext *ctx, const char *expr)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  guint n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

static char *
xpath_string (xmlXPathContext *ctx, const char *expr)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  char *s;

  g_assert_nonnull (result);
  g_assert_cmpint (result->type, ==, XPATH_STRING);
  s = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return s;
}

/* cairo writes each fill as a path whose style names its colour, e.g.
 * "fill:rgb(0%,44.705882%,69.803922%);fill-opacity:0.12;". */
static void
cairo_number (char *buf, double value)
{
  char *end;

  /* cairo prints %f without trailing zeros. */
  g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
}

static char *
svg_fill_style (const CrkRGBA *c, const char *opacity)
{
  char r[G_ASCII_DTOSTR_BUF_SIZE], g[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  cairo_number (r, c->red * 100);
  cairo_number (g, c->green * 100);
  cairo_number (b, c->blue * 100);
  return g_strdup_printf ("fill:rgb(%s%%,%s%%,%s%%);fill-opacity:%s;", r, g, b, opacity);
}

static void
export_svg (CrkChartData *data,
            CrkChartOptions *options,
            const char *name,
            xmlDoc **doc,
            xmlXPathContext **ctx)
{
  g_autofree char *path = out_path (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (
    crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_AUTO, 1200, 900, 96, &error));
  g_assert_no_error (error);
  *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (*doc);
  *ctx = xmlXPathNewContext (*doc);
  xmlXPathRegisterNs (*ctx, (const xmlChar *) "svg",
                      (const xmlChar *) "http://www.w3.org/2000/svg");
}

static guint
count_fills (xmlXPathContext *ctx, const CrkRGBA *color, const char *opacity)
{
  g_autofree char *style = svg_fill_style (color, opacity);
  g_autofree char *expr = g_strdup_printf ("//svg:path[contains(@style, '%s')]", style);

  return count_xpath (ctx, expr);
}

static void
test_svg (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (CrkChartData) data = crk_test_data_for_kind (all_kinds[k]);
      g_autoptr (CrkChartOptions) options = options_for (all_kinds[k], CRK_CHART_STYLE_LIGHT);
      g_autofree char *name = g_strdup_printf ("%s.svg", crk_chart_kind_to_string (all_kinds[k]));
      g_autofree char *description = crk_chart_data_describe (data, options);
      g_autofree char *title = NULL, *desc = NULL, *width = NULL, *height = NULL;
      xmlDoc *doc;
      xmlXPathContext *ctx;

      export_svg (data, options, name, &doc, &ctx);
      title = xpath_string (ctx, "string(/svg:svg/svg:title)");
      desc = xpath_string (ctx, "string(/svg:svg/svg:desc)");
      width = xpath_string (ctx, "string(/svg:svg/@width)");
      height = xpath_string (ctx, "string(/svg:svg/@height)");
      g_assert_cmpstr (title, ==, data->title);
      g_assert_cmpstr (desc, ==, description);
      /* 1200 x 900 px at 96 dpi = 900 x 675 pt. */
      g_assert_cmpstr (width, ==, "900pt");
      g_assert_cmpstr (height, ==, "675pt");
      xmlXPathFreeContext (ctx);
      xmlFreeDoc (doc);
    }
}

static void
test_svg_series_shapes (void)
{
  xmlDoc *doc;
  xmlXPathContext *ctx;
  CrkRGBA color;

  /* Radar: one translucent fill per city. */
  {
    g_autoptr (CrkChartData) data = crk_test_radar_data (4, 6, FALSE);
    g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_RADAR, CRK_CHART_STYLE_LIGHT);

    options->fill_opacity = 0.25;
    export_svg (data, options, "radar-series.svg", &doc, &ctx);
    for (guint s = 0; s < 4; s++)
      {
        crk_palette_get_series (CRK_CHART_STYLE_LIGHT, s, &color);
        g_assert_cmpuint (count_fills (ctx, &color, "0.25"), ==, 1);
      }
    crk_palette_get_series (CRK_CHART_STYLE_LIGHT, 4, &color);
    g_assert_cmpuint (count_fills (ctx, &color, "0.25"), ==, 0);
    xmlXPathFreeContext (ctx);
    xmlFreeDoc (doc);
  }

  /* Ranked bars: one bar per city in its stage's colour, plus one legend swatch. */
  {
    g_autoptr (CrkChartData) data = crk_test_bar_data (100);
    g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_BAR, CRK_CHART_STYLE_LIGHT);
    guint expected[4] = {3, 26, 29, 42};

    export_svg (data, options, "bar-series.svg", &doc, &ctx);
    for (guint t = 0; t < 4; t++)
      {
        crk_palette_get_category (CRK_CHART_STYLE_LIGHT, t, 4, &color);
        g_assert_cmpuint (count_fills (ctx, &color, "1"), ==, expected[t] + 1);
      }
    xmlXPathFreeContext (ctx);
    xmlFreeDoc (doc);
  }

  /* Contribution: one segment per city and dimension, plus the legend swatch. */
  {
    g_autoptr (CrkChartData) data = crk_test_contribution_data (10);
    g_autoptr (CrkChartOptions) options =
      options_for (CRK_CHART_CONTRIBUTION, CRK_CHART_STYLE_LIGHT);

    export_svg (data, options, "contribution-series.svg", &doc, &ctx);
    for (guint j = 0; j < 6; j++)
      {
        crk_palette_get_series (CRK_CHART_STYLE_LIGHT, j, &color);
        g_assert_cmpuint (count_fills (ctx, &color, "1"), ==, 10 + 1);
      }
    xmlXPathFreeContext (ctx);
    xmlFreeDoc (doc);
  }
}

/* PDF */

static char *
run_pdfinfo (const char *path)
{
  const char *argv[] = {"pdfinfo", path, NULL};
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdfinfo_field (const char *info, const char *field)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static void
test_pdf (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (CrkChartData) data = crk_test_data_for_kind (all_kinds[k]);
      g_autoptr (CrkChartOptions) options = options_for (all_kinds[k], CRK_CHART_STYLE_PRINT);
      g_autofree char *name = g_strdup_printf ("%s.pdf", crk_chart_kind_to_string (all_kinds[k]));
      g_autofree char *path = out_path (name);
      g_autofree char *description = crk_chart_data_describe (data, options);
      g_autofree char *info = NULL, *size = NULL, *title = NULL, *subject = NULL, *pages = NULL;
      g_autoptr (GError) error = NULL;
      double w = crk_export_mm_to_px (180, 300), h = crk_export_mm_to_px (135, 300);

      g_assert_true (
        crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_AUTO, w, h, 300, &error));
      g_assert_no_error (error);
      info = run_pdfinfo (path);
      if (info == NULL)
        return;
      size = pdfinfo_field (info, "Page size");
      title = pdfinfo_field (info, "Title");
      subject = pdfinfo_field (info, "Subject");
      pages = pdfinfo_field (info, "Pages");
      /* 2126 x 1594 px at 300 dpi = 510.24 x 382.56 pt. */
      g_assert_cmpstr (size, ==, "510.24 x 382.56 pts");
      g_assert_cmpstr (pages, ==, "1");
      g_assert_cmpstr (title, ==, data->title);
      g_assert_nonnull (subject);
      /* pdfinfo prints the subject on one line; compare its start. */
      g_assert_true (g_str_has_prefix (description, subject) ||
                     g_str_has_prefix (subject, description));
    }
}

/* Layout checks */

typedef struct
{
  CrkChartKind kind;
  const char *what;
  CrkChartData *(*make) (void);
} Case;

static CrkChartData *
make_radar (void)
{
  return crk_test_radar_data (5, 6, TRUE);
}
static CrkChartData *
make_radar8 (void)
{
  return crk_test_radar_data (8, 12, TRUE);
}
static CrkChartData *
make_radar_many (void)
{
  return crk_test_radar_data (3, 36, TRUE);
}
static CrkChartData *
make_bar100 (void)
{
  return crk_test_bar_data (100);
}
static CrkChartData *
make_bar10 (void)
{
  return crk_test_bar_data (10);
}
static CrkChartData *
make_contrib (void)
{
  return crk_test_contribution_data (10);
}
static CrkChartData *
make_contrib2 (void)
{
  return crk_test_contribution_data (2);
}
static CrkChartData *
make_gap (void)
{
  return crk_test_gap_data ();
}
static CrkChartData *
make_values (void)
{
  return crk_test_values_data ();
}

static const Case layout_cases[] = {
  {CRK_CHART_RADAR, "radar", make_radar},
  {CRK_CHART_RADAR, "radar-8x12", make_radar8},
  {CRK_CHART_RADAR, "radar-36-axes", make_radar_many},
  {CRK_CHART_BAR, "bar-100", make_bar100},
  {CRK_CHART_BAR, "bar-10", make_bar10},
  {CRK_CHART_CONTRIBUTION, "contribution", make_contrib},
  /* Its legend is taller than its two bars. */
  {CRK_CHART_CONTRIBUTION, "contribution-2", make_contrib2},
  {CRK_CHART_GAP, "gap", make_gap},
  {CRK_CHART_VALUES, "values", make_values},
};

static const double sizes[][2] = {
  {1200, 900},
  {800, 600},
  {600, 800},
  {480, 360},
};

static void
test_labels_apart_and_inside (void)
{
  for (gsize c = 0; c < G_N_ELEMENTS (layout_cases); c++)
    for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (CrkLegendPosition legend = CRK_LEGEND_RIGHT; legend <= CRK_LEGEND_NONE; legend++)
        {
          g_autoptr (CrkChartData) data = layout_cases[c].make ();
          g_autoptr (CrkChartOptions) options =
            options_for (layout_cases[c].kind, CRK_CHART_STYLE_LIGHT);
          g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
          cairo_t *cr = cairo_create (surface);
          double w = sizes[s][0], h = sizes[s][1];
          g_autofree char *what = NULL;

          options->legend = legend;
          if (layout_cases[c].kind != CRK_CHART_RADAR && s % 2 == 1)
            h = crk_chart_data_get_natural_height (data, options, w);
          else if (layout_cases[c].kind == CRK_CHART_BAR ||
                   layout_cases[c].kind == CRK_CHART_VALUES)
            h = MAX (h, crk_chart_data_get_natural_height (data, options, w));
          options->vertex_labels = TRUE;
          what = g_strdup_printf ("%s at %gx%g, legend %d", layout_cases[c].what, w, h, legend);
          crk_chart_data_draw (cr, data, options, w, h, hits);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          crk_test_check_labels (hits, w, h, what);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

/* Draws into an image with a transparent margin around the canvas: anything drawn outside
 * the canvas would show in the margin. */
static void
test_nothing_outside (void)
{
  const int margin = 40;

  for (gsize c = 0; c < G_N_ELEMENTS (layout_cases); c++)
    for (CrkChartStyle style = CRK_CHART_STYLE_LIGHT; style <= CRK_CHART_STYLE_PRINT; style++)
      {
        g_autoptr (CrkChartData) data = layout_cases[c].make ();
        g_autoptr (CrkChartOptions) options = options_for (layout_cases[c].kind, style);
        const int w = 640, h = 480;
        cairo_surface_t *surface =
          cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w + 2 * margin, h + 2 * margin);
        cairo_t *cr = cairo_create (surface);
        const guint8 *pixels;
        int stride;

        options->vertex_labels = TRUE;
        cairo_translate (cr, margin, margin);
        crk_chart_data_draw (cr, data, options, w, h, NULL);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        pixels = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        for (int y = 0; y < h + 2 * margin; y++)
          for (int x = 0; x < w + 2 * margin; x++)
            {
              guint32 p = *(const guint32 *) (gconstpointer) (pixels + y * stride + x * 4);
              gboolean inside = x >= margin && x < margin + w && y >= margin && y < margin + h;

              if (!inside && p != 0)
                g_error ("%s (style %d) drew at (%d, %d), outside the canvas", layout_cases[c].what,
                         style, x - margin, y - margin);
              if (inside && (p >> 24) != 0xff)
                g_error ("%s (style %d) left (%d, %d) unpainted", layout_cases[c].what, style,
                         x - margin, y - margin);
            }
        cairo_surface_destroy (surface);
      }
}

/* The ink (bars, markers, text) stays inside the canvas, with the margin kept clear. */
static void
test_extents (void)
{
  for (gsize c = 0; c < G_N_ELEMENTS (layout_cases); c++)
    {
      g_autoptr (CrkChartData) data = layout_cases[c].make ();
      g_autoptr (CrkChartOptions) options =
        options_for (layout_cases[c].kind, CRK_CHART_STYLE_LIGHT);
      g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      CrkRect extents;
      double w = 1000, h = 750;

      if (layout_cases[c].kind == CRK_CHART_BAR)
        h = crk_chart_data_get_natural_height (data, options, w);
      crk_chart_data_draw (cr, data, options, w, h, hits);
      crk_chart_hits_get_extents (hits, &extents);
      g_assert_cmpfloat (extents.x, >=, 5);
      g_assert_cmpfloat (extents.y, >=, 5);
      g_assert_cmpfloat (extents.x + extents.width, <=, w - 5);
      g_assert_cmpfloat (extents.y + extents.height, <=, h - 5);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_natural_height (void)
{
  g_autoptr (CrkChartData) bar10 = crk_test_bar_data (10);
  g_autoptr (CrkChartData) bar100 = crk_test_bar_data (100);
  g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_BAR, CRK_CHART_STYLE_LIGHT);
  double h10 = crk_chart_data_get_natural_height (bar10, options, 800);
  double h100 = crk_chart_data_get_natural_height (bar100, options, 800);
  double row;

  /* Ninety more rows of at least 11 units each (8.5-unit text). */
  row = (h100 - h10) / 90;
  g_assert_cmpfloat (row, >=, 11);
  g_assert_cmpfloat (row, <=, 20);
  options->font_scale = 2;
  g_assert_cmpfloat (crk_chart_data_get_natural_height (bar100, options, 800), >, 1.8 * h100);
}

/* Empty data: a message or an empty frame, never a crash. */
static void
test_empty (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (CrkChartData) data = crk_chart_data_new (all_kinds[k]);
      g_autoptr (CrkChartOptions) options = options_for (all_kinds[k], CRK_CHART_STYLE_LIGHT);
      g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *description = NULL;

      crk_chart_data_draw (cr, data, options, 400, 300, hits);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpfloat (crk_chart_data_get_natural_height (data, options, 400), >, 0);
      description = crk_chart_data_describe (data, options);
      g_assert_nonnull (description);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Hits */

static void
test_hits (void)
{
  g_autoptr (CrkChartData) data = crk_test_radar_data (3, 6, TRUE);
  g_autoptr (CrkChartOptions) options = options_for (CRK_CHART_RADAR, CRK_CHART_STYLE_LIGHT);
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint points = 0, missing = 0, axes = 0;
  CrkChartHit hit;

  crk_chart_data_draw (cr, data, options, 900, 700, hits);
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

      if (h->kind == CRK_CHART_HIT_POINT)
        {
          points++;
          if (isnan (h->value))
            {
              missing++;
              g_assert_cmpuint (h->city, ==, 1);
              g_assert_cmpint (h->node, ==, 3);
              g_assert_nonnull (strstr (h->tooltip, "no value"));
            }
        }
      else if (h->kind == CRK_CHART_HIT_AXIS)
        axes++;
    }
  /* 3 cities x 6 axes, one of them missing (drawn hollow, not as 0). */
  g_assert_cmpuint (points, ==, 18);
  g_assert_cmpuint (missing, ==, 1);
  g_assert_cmpuint (axes, ==, 6);

  /* The centre of the first city's first vertex. */
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

      if (h->kind == CRK_CHART_HIT_POINT && h->city == 0 && h->node == 1)
        {
          g_assert_true (crk_chart_hits_lookup (hits, h->rect.x + h->rect.width / 2,
                                                h->rect.y + h->rect.height / 2, &hit));
          g_assert_cmpuint (hit.city, ==, 0);
          g_assert_cmpint (hit.node, ==, 1);
          g_assert_cmpfloat (hit.value, ==, data->series[0].values[0]);
          g_assert_nonnull (strstr (hit.tooltip, "Economic scale"));
        }
    }
  g_assert_false (crk_chart_hits_lookup (hits, 1, 1, &hit));

  /* Ranked bars: a hit per row, the tooltip with rank, stage and change. */
  {
    g_autoptr (CrkChartData) bars = crk_test_bar_data (30);
    g_autoptr (CrkChartOptions) bar_options = options_for (CRK_CHART_BAR, CRK_CHART_STYLE_LIGHT);
    guint n_bars = 0;

    crk_chart_data_draw (cr, bars, bar_options, 800, 700, hits);
    for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
      if (crk_chart_hits_get_hit (hits, i)->kind == CRK_CHART_HIT_BAR)
        {
          const CrkChartHit *h = crk_chart_hits_get_hit (hits, i);

          if (h->city == 5)
            {
              g_assert_cmpstr (
                h->tooltip, ==,
                "6. Wuhan\nIndex score: 88.6\nStage: Expansion\nDown 2 places since 2020");
            }
          n_bars++;
        }
    g_assert_cmpuint (n_bars, ==, 30);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Text */

static void
test_cjk (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (PangoLayout) layout =
    crk_text_layout_new (cr, "深圳 苏州 重庆 先进制造业百强市", 10, PANGO_WEIGHT_NORMAL);
  PangoLayoutIter *iter;
  gboolean found_sc = FALSE;

  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);
          const char *family = pango_font_description_get_family (desc);

          if (g_str_has_prefix (family, "Noto Sans CJK SC") ||
              g_str_has_prefix (family, "Noto Sans SC"))
            found_sc = TRUE;
          else
            g_test_message ("run in %s", family);
          pango_font_description_free (desc);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_assert_true (found_sc);

  /* Absolute sizes: 10 units of text is 10 units whatever the surface. */
  {
    PangoFontDescription *desc = crk_text_font_new (10, PANGO_WEIGHT_NORMAL);
    g_assert_true (pango_font_description_get_size_is_absolute (desc));
    g_assert_cmpint (pango_font_description_get_size (desc), ==, 10 * PANGO_SCALE);
    pango_font_description_free (desc);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_spread (void)
{
  double pos[4] = {10, 12, 14, 100};
  double size[4] = {10, 10, 10, 10};
  double pos2[2] = {-5, 0};
  double size2[2] = {10, 10};

  crk_labels_spread (pos, size, 4, 2, 0, 200);
  /* The first three form a block centred on their wanted starts: (10 + 0 + 12 - 12 + 14 - 24) / 3 =
   * 0. */
  g_assert_cmpfloat_with_epsilon (pos[0], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pos[1], 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (pos[2], 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (pos[3], 100, 1e-9);

  crk_labels_spread (pos2, size2, 2, 0, 0, 100);
  g_assert_cmpfloat_with_epsilon (pos2[0], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pos2[1], 10, 1e-9);
}

static void
test_placer (void)
{
  CrkRect bounds = {0, 0, 100, 100};
  g_autoptr (CrkLabelPlacer) placer = crk_label_placer_new (&bounds);
  CrkRect a = {10, 10, 20, 10};
  CrkRect cands[3] = {{15, 15, 20, 10}, {95, 50, 20, 10}, {10, 20, 20, 10}};
  CrkRect chosen;

  crk_label_placer_reserve (placer, &a);
  /* Overlapping, then outside the bounds, then touching (free). */
  g_assert_cmpint (crk_label_placer_place (placer, cands, 3, &chosen), ==, 2);
  g_assert_cmpfloat (chosen.y, ==, 20);
  g_assert_cmpint (crk_label_placer_place (placer, cands, 2, NULL), ==, -1);
  g_assert_cmpuint (crk_label_placer_get_n (placer), ==, 2);
}

static void
test_format (void)
{
  struct
  {
    double v;
    const char *s;
  } cases[] = {
    {72.44, "72.4"},   {1234.4, "1,234"},      {8446.6, "8,447"}, {5.126, "5.1"},
    {0.0523, "0.052"}, {-3.26, "−3.3"},        {-0.0001, "0.0"},  {-0.2, "−0.2"},
    {0, "0.0"},        {1234567, "1,234,567"}, {NAN, "–"},
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = crk_chart_format_value (cases[i].v);
      g_assert_cmpstr (s, ==, cases[i].s);
    }
  {
    g_autofree char *p = crk_chart_format_percent (0.1234);
    g_autofree char *q = crk_chart_format_percent (-0.04);
    g_autofree char *r = crk_chart_format_percent (1.5);
    g_assert_cmpstr (p, ==, "+12.3%");
    g_assert_cmpstr (q, ==, "−4.0%");
    g_assert_cmpstr (r, ==, "+150%");
  }
}

static void
test_describe (void)
{
  g_autoptr (CrkChartData) radar = crk_test_radar_data (2, 6, TRUE);
  g_autoptr (CrkChartData) bars = crk_test_bar_data (100);
  g_autoptr (CrkChartData) gap = crk_test_gap_data ();
  g_autoptr (CrkChartData) values = crk_test_values_data ();
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_RADAR);
  g_autofree char *r = crk_chart_data_describe (radar, options);
  g_autofree char *b = crk_chart_data_describe (bars, options);
  g_autofree char *g = crk_chart_data_describe (gap, options);
  g_autofree char *v = crk_chart_data_describe (values, options);

  /* Shenzhen's values by the formula (37 + 29 j) mod 95 + 3: 40, 69, 3, 32, 61, 90; the
   * benchmark 45, 50, 55, 45, 50, 55. */
  g_test_message ("%s", r);
  g_assert_nonnull (strstr (r, "Radar chart of Shenzhen 深圳 and Shanghai on 6 axes"));
  g_assert_nonnull (
    strstr (r,
            "Shenzhen 深圳 is strongest in Quality and efficiency (90.0) and weakest in "
            "Innovation capacity (3.0)."));
  g_assert_nonnull (strstr (r, "Shanghai has no value on 1 axis."));
  g_assert_nonnull (
    strstr (r,
            "Against the benchmark (Median of all cities), Shenzhen 深圳 is ahead on 3 of 6 axes; "
            "the widest gap is in Innovation capacity, 52.0 points below."));
  g_test_message ("%s", b);
  g_assert_true (g_str_has_prefix (
    b,
    "Ranked bar chart of 100 cities by Index score. Shenzhen 深圳 leads with 94.0, "
    "followed by Shanghai (92.9) and Suzhou 苏州 (91.8)"));
  g_assert_nonnull (strstr (b, "Stages: Leap 3, Expansion 26, Development 29, Start-up 42."));
  g_test_message ("%s", g);
  g_assert_nonnull (strstr (g, "Shenzhen 深圳 scores 10.6 points more."));
  g_assert_nonnull (strstr (g, "The largest part is Quality and efficiency (5.5 points)."));
  g_assert_nonnull (strstr (g, "Suzhou 苏州 leads in Industrial structure, by 1.4 points."));
  g_test_message ("%s", v);
  g_assert_nonnull (strstr (v, "indicators in 2019 to 2021"));
  g_assert_nonnull (strstr (v, "绿色低碳产业增加值 grew most (+24.9%)"));
}

static void
test_options (void)
{
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (CRK_CHART_BAR);
  g_autoptr (CrkChartOptions) copy = NULL;
  guint cities[] = {4, 2};
  int years[] = {2019, 2020};
  CrkChartKind kind;
  CrkChartStyle style;

  crk_chart_options_set_cities (options, cities, 2);
  crk_chart_options_set_years (options, years, 2);
  crk_chart_options_set_title (options, "T");
  crk_chart_options_set_node_code (options, "D1");
  copy = crk_chart_options_copy (options);
  crk_chart_options_set_title (options, "changed");
  g_array_index (options->cities, guint, 0) = 9;
  g_assert_cmpuint (copy->cities->len, ==, 2);
  g_assert_cmpuint (g_array_index (copy->cities, guint, 0), ==, 4);
  g_assert_cmpint (g_array_index (copy->years, int, 1), ==, 2020);
  g_assert_cmpstr (copy->title, ==, "T");
  g_assert_cmpstr (copy->node_code, ==, "D1");
  g_assert_true (copy->show_median);
  g_assert_true (crk_chart_kind_from_string ("contrib", &kind));
  g_assert_cmpint (kind, ==, CRK_CHART_CONTRIBUTION);
  g_assert_false (crk_chart_kind_from_string ("pie", &kind));
  g_assert_true (crk_chart_style_from_string ("print", &style));
  g_assert_cmpint (style, ==, CRK_CHART_STYLE_PRINT);
  g_assert_cmpint (crk_export_format_from_path ("a/B.SVG"), ==, CRK_EXPORT_FORMAT_SVG);
  g_assert_cmpint (crk_export_format_from_path ("a.pdf.gz"), ==, CRK_EXPORT_FORMAT_AUTO);
  g_assert_true (G_TYPE_IS_BOXED (CRK_TYPE_CHART_OPTIONS));
}

/* Every kind in every style and legend position, kept as PNG when CRK_CHART_OUTDIR is set,
 * to look at. */
static void
test_gallery (void)
{
  static const char *style_names[] = {"light", "dark", "print"};

  for (gsize c = 0; c < G_N_ELEMENTS (layout_cases); c++)
    for (CrkChartStyle style = CRK_CHART_STYLE_LIGHT; style <= CRK_CHART_STYLE_PRINT; style++)
      {
        g_autoptr (CrkChartData) data = layout_cases[c].make ();
        g_autoptr (CrkChartOptions) options = options_for (layout_cases[c].kind, style);
        g_autofree char *name =
          g_strdup_printf ("gallery-%s-%s.png", layout_cases[c].what, style_names[style]);
        g_autofree char *path = out_path (name);
        g_autoptr (GError) error = NULL;
        double h = 675; /* 1200 pixels at 128 dpi are 675 points */

        options->vertex_labels = style == CRK_CHART_STYLE_PRINT;
        options->legend = style == CRK_CHART_STYLE_DARK ? CRK_LEGEND_BOTTOM : CRK_LEGEND_RIGHT;
        if (layout_cases[c].kind != CRK_CHART_RADAR)
          h = MAX (300, crk_chart_data_get_natural_height (data, options, 675));
        g_assert_true (crk_chart_data_export (data, options, path, CRK_EXPORT_FORMAT_PNG, 1200,
                                              ceil (h * 128 / 72), 128, &error));
        g_assert_no_error (error);
      }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");
  tmpdir = g_dir_make_tmp ("crk-render-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/render/export/png-exact-size", test_png_exact_size);
  g_test_add_func ("/render/export/png-physical-size", test_png_physical_size);
  g_test_add_func ("/render/export/errors", test_export_errors);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/export/svg-series-shapes", test_svg_series_shapes);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/layout/labels-apart-and-inside", test_labels_apart_and_inside);
  g_test_add_func ("/render/layout/nothing-outside", test_nothing_outside);
  g_test_add_func ("/render/layout/extents", test_extents);
  g_test_add_func ("/render/layout/natural-height", test_natural_height);
  g_test_add_func ("/render/hits", test_hits);
  g_test_add_func ("/render/empty", test_empty);
  g_test_add_func ("/render/text/cjk", test_cjk);
  g_test_add_func ("/render/text/spread", test_spread);
  g_test_add_func ("/render/text/placer", test_placer);
  g_test_add_func ("/render/format", test_format);
  g_test_add_func ("/render/describe", test_describe);
  g_test_add_func ("/render/options", test_options);
  g_test_add_func ("/render/gallery", test_gallery);

  status = g_test_run ();

  if (g_getenv ("CRK_CHART_OUTDIR") == NULL)
    {
      g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmpdir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }
  g_free (tmpdir);
  return status;
}
