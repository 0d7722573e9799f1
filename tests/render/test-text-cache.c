/* test-text-cache.c: layouts kept between frames, and charts drawn only where clipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crk-test-charts.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-locale.h"

#define WIDTH 900

static CrkDataset *sample;

static CrkResults *
compute (double innovation_weight)
{
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (sample));
  g_autoptr (GError) error = NULL;
  CrkResults *results;

  crk_method_set_base_year (method, 2020);
  crk_method_set_weight (method, "INNOV", innovation_weight);
  results = crk_compute (sample, method, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* Draws a chart into a new @width x @height image, at @scale device pixels per unit, with
 * @cache attached when not NULL and clipped to @clip when not NULL. */
static cairo_surface_t *
draw (CrkResults *results,
      const CrkChartOptions *options,
      double width,
      double height,
      double scale,
      CrkTextCache *cache,
      const CrkRect *clip,
      CrkChartHits *hits)
{
  cairo_surface_t *surface = cairo_image_surface_create (
    CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  if (cache != NULL)
    crk_text_cache_attach (cache, cr);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  crk_chart_draw (cr, results, options, width, height, hits);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Fails unless @a and @b have the same pixels inside @rect (device pixels; NULL: all). */
static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    const cairo_rectangle_int_t *rect,
                    const char *what)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  cairo_rectangle_int_t all = {0, 0, width, height};
  guint n_drawn = 0, n_diff = 0;
  cairo_rectangle_int_t box = {0}; /* x0, y0, x1, y1 of the differing pixels */

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  if (rect == NULL)
    rect = &all;
  for (int y = rect->y; y < rect->y + rect->height; y++)
    {
      const guint32 *ra = (const guint32 *) (gconstpointer) (pa + y * stride);
      const guint32 *rb = (const guint32 *) (gconstpointer) (pb + y * stride);

      for (int x = rect->x; x < rect->x + rect->width; x++)
        {
          if (ra[x] != rb[x])
            {
              if (n_diff++ == 0)
                box = (cairo_rectangle_int_t){x, y, x, y};
              box.x = MIN (box.x, x);
              box.width = MAX (box.width, x);
              box.height = MAX (box.height, y);
            }
          n_drawn += ra[x] != 0;
        }
    }
  if (n_diff > 0)
    g_error ("%s: %u pixels differ, from (%d, %d) to (%d, %d)", what, n_diff, box.x, box.y,
             box.width, box.height);
  /* Comparing two empty images would prove nothing. */
  g_assert_cmpuint (n_drawn, >, 0);
}

static void
test_same_pixels (void)
{
  static const CrkChartKind kinds[] = {CRK_CHART_BAR, CRK_CHART_CONTRIBUTION, CRK_CHART_RADAR,
                                       CRK_CHART_GAP, CRK_CHART_VALUES};
  /* a weight change, another, back to the first, and a frame at twice the resolution */
  static const double weights[] = {0.25, 0.1, 0.25, 0.4};
  static const double scales[] = {1, 1, 1, 2};

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (CrkTextCache) cache = crk_text_cache_new (2048);
      g_autoptr (CrkChartOptions) options = crk_chart_options_new (kinds[k]);
      guint n_hits = 0, n_misses = 0, last_hits = 0;

      options->top_n = kinds[k] == CRK_CHART_CONTRIBUTION ? 30 : 0;
      for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
        {
          g_autoptr (CrkResults) results = compute (weights[w]);
          double height = crk_chart_get_natural_height (results, options, WIDTH);
          g_autofree char *what =
            g_strdup_printf ("%s, INNOV weight %g, scale %g", crk_chart_kind_to_string (kinds[k]),
                             weights[w], scales[w]);
          const guint *order;
          guint n_ranked;

          order = crk_results_get_order (results, &n_ranked);
          if (kinds[k] != CRK_CHART_BAR && kinds[k] != CRK_CHART_CONTRIBUTION)
            crk_chart_options_set_cities (options, order, 3);
          {
            cairo_surface_t *plain =
              draw (results, options, WIDTH, height, scales[w], NULL, NULL, NULL);
            cairo_surface_t *cached =
              draw (results, options, WIDTH, height, scales[w], cache, NULL, NULL);
            /* the second frame of the same chart takes its text from the cache */
            cairo_surface_t *again =
              draw (results, options, WIDTH, height, scales[w], cache, NULL, NULL);

            assert_same_pixels (plain, cached, NULL, what);
            assert_same_pixels (plain, again, NULL, what);
            cairo_surface_destroy (plain);
            cairo_surface_destroy (cached);
            cairo_surface_destroy (again);
          }
          crk_text_cache_get_stats (cache, &n_hits, &n_misses);
          g_assert_cmpuint (n_hits, >, last_hits);
          last_hits = n_hits;
        }
      /* most of the text of a redrawn chart of rows was laid out before (the radar wraps
       * its axis names after asking for them: the cache cannot keep those) */
      if (kinds[k] == CRK_CHART_BAR || kinds[k] == CRK_CHART_CONTRIBUTION)
        g_assert_cmpuint (n_hits, >, n_misses);
      g_assert_cmpuint (crk_text_cache_get_n_layouts (cache), <=, 2048);
    }
}

static cairo_t *
new_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static void
test_changed_layout (void)
{
  g_autoptr (CrkTextCache) cache = crk_text_cache_new (64);
  cairo_t *cr = new_context ();
  PangoLayout *first, *second;
  PangoAttrList *attrs = pango_attr_list_new ();
  double width, changed_width, second_width;
  guint n_hits;

  crk_text_cache_attach (cache, cr);

  /* kept and handed out again when nobody changed it */
  first = crk_text_layout_new (cr, "Guangzhou", 10, PANGO_WEIGHT_NORMAL);
  crk_text_layout_get_size (first, &width, NULL);
  g_object_unref (first);
  second = crk_text_layout_new (cr, "Guangzhou", 10, PANGO_WEIGHT_NORMAL);
  g_assert_true (second == first);
  crk_text_cache_get_stats (cache, &n_hits, NULL);
  g_assert_cmpuint (n_hits, ==, 1);
  g_object_unref (second);

  /* a user ellipsizes it and gives it attributes: the next one asking gets a plain one */
  first = crk_text_layout_new (cr, "Shenzhen", 10, PANGO_WEIGHT_NORMAL);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  crk_text_layout_get_size (first, &width, NULL);
  crk_text_layout_ellipsize (first, width / 2);
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (first, attrs);
  pango_attr_list_unref (attrs);
  crk_text_layout_get_size (first, &changed_width, NULL);
  g_assert_cmpfloat (changed_width, <, width);
  g_object_unref (first);
  g_assert_nonnull (first); /* the cache still holds it */

  second = crk_text_layout_new (cr, "Shenzhen", 10, PANGO_WEIGHT_NORMAL);
  g_assert_null (first); /* dropped: of no use to anyone */
  g_assert_cmpint (pango_layout_get_width (second), ==, -1);
  g_assert_cmpint (pango_layout_get_ellipsize (second), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_null (pango_layout_get_attributes (second));
  crk_text_layout_get_size (second, &second_width, NULL);
  g_assert_cmpfloat (second_width, ==, width);
  g_object_unref (second);

  /* a wrapped one likewise */
  first = crk_text_layout_new (cr, "Zhengzhou Luoyang", 10, PANGO_WEIGHT_NORMAL);
  crk_text_layout_set_width (first, 30, PANGO_ALIGN_CENTER);
  g_object_unref (first);
  second = crk_text_layout_new (cr, "Zhengzhou Luoyang", 10, PANGO_WEIGHT_NORMAL);
  g_assert_cmpint (pango_layout_get_width (second), ==, -1);
  g_assert_cmpint (pango_layout_get_alignment (second), ==, PANGO_ALIGN_LEFT);
  g_assert_cmpint (pango_layout_get_line_count (second), ==, 1);
  g_object_unref (second);

  /* size and weight are part of the key */
  first = crk_text_layout_new (cr, "Wuxi", 10, PANGO_WEIGHT_NORMAL);
  g_object_unref (first);
  second = crk_text_layout_new (cr, "Wuxi", 10, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (pango_font_description_get_weight (pango_layout_get_font_description (second)),
                   ==, PANGO_WEIGHT_BOLD);
  g_object_unref (second);
  second = crk_text_layout_new (cr, "Wuxi", 12, PANGO_WEIGHT_NORMAL);
  g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (second)), ==,
                   12 * PANGO_SCALE);
  g_object_unref (second);

  cairo_destroy (cr);
}

static void
test_in_use (void)
{
  g_autoptr (CrkTextCache) cache = crk_text_cache_new (64);
  cairo_t *cr = new_context ();
  PangoLayout *first, *second, *third;

  crk_text_cache_attach (cache, cr);
  first = crk_text_layout_new (cr, "Wuhan", 10, PANGO_WEIGHT_NORMAL);
  second = crk_text_layout_new (cr, "Wuhan", 10, PANGO_WEIGHT_NORMAL);
  /* two users at once get two layouts, and one changing its own leaves the other alone */
  g_assert_true (first != second);
  crk_text_layout_ellipsize (second, 5);
  g_assert_cmpint (pango_layout_get_width (first), ==, -1);
  g_assert_cmpint (pango_layout_get_ellipsize (first), ==, PANGO_ELLIPSIZE_NONE);

  /* a third user while the first still holds its layout gets neither */
  g_object_unref (second);
  third = crk_text_layout_new (cr, "Wuhan", 10, PANGO_WEIGHT_NORMAL);
  g_assert_true (third != first);
  g_assert_cmpint (pango_layout_get_width (third), ==, -1);

  /* once given back, the unchanged ones are handed out again */
  g_object_unref (first);
  g_object_unref (third);
  first = crk_text_layout_new (cr, "Wuhan", 10, PANGO_WEIGHT_NORMAL);
  second = crk_text_layout_new (cr, "Wuhan", 10, PANGO_WEIGHT_NORMAL);
  g_assert_true (first != second);
  g_assert_cmpuint (crk_text_cache_get_n_layouts (cache), ==, 2);

  /* a layout outlives the cache that made it */
  crk_text_cache_clear (cache);
  g_assert_cmpuint (crk_text_cache_get_n_layouts (cache), ==, 0);
  g_assert_cmpstr (pango_layout_get_text (first), ==, "Wuhan");
  g_object_unref (first);
  g_object_unref (second);
  cairo_destroy (cr);
}

static void
test_bounded (void)
{
  CrkTextCache *cache = crk_text_cache_new (8);
  cairo_t *cr = new_context ();
  PangoLayout *held[20];
  PangoLayout *recent;

  crk_text_cache_attach (cache, cr);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      g_object_unref (crk_text_layout_new (cr, text, 10, PANGO_WEIGHT_NORMAL));
      g_assert_cmpuint (crk_text_cache_get_n_layouts (cache), <=, 8);
    }
  /* the least recently used go first */
  recent = crk_text_layout_new (cr, "99", 10, PANGO_WEIGHT_NORMAL);
  g_object_unref (recent);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *text = g_strdup_printf ("new %u", i);

      g_object_unref (crk_text_layout_new (cr, text, 10, PANGO_WEIGHT_NORMAL));
    }
  g_assert_true (crk_text_layout_new (cr, "99", 10, PANGO_WEIGHT_NORMAL) == recent);
  g_object_unref (recent);

  /* layouts in use when they are pushed out stay valid, also when the cache goes */
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    {
      g_autofree char *text = g_strdup_printf ("held %u", i);

      held[i] = crk_text_layout_new (cr, text, 10, PANGO_WEIGHT_NORMAL);
    }
  g_assert_cmpuint (crk_text_cache_get_n_layouts (cache), <=, 8);
  cairo_destroy (cr);
  crk_text_cache_unref (cache);
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    {
      g_autofree char *text = g_strdup_printf ("held %u", i);
      double w;

      g_assert_cmpstr (pango_layout_get_text (held[i]), ==, text);
      crk_text_layout_get_size (held[i], &w, NULL);
      g_assert_cmpfloat (w, >, 0);
      g_object_unref (held[i]);
    }
}

/* A clip, as a scrolled window's view gives it: the same pixels inside it as the whole
 * chart there, and hits for every row all the same. */
static void
check_clipped (CrkChartKind kind, double scale)
{
  g_autoptr (CrkResults) results = compute (0.25);
  g_autoptr (CrkChartOptions) options = crk_chart_options_new (kind);
  g_autoptr (CrkChartHits) full_hits = crk_chart_hits_new ();
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  g_autoptr (CrkTextCache) cache = crk_text_cache_new (2048);
  cairo_surface_t *full;
  double height;
  CrkChartHitKind hit_kind = kind == CRK_CHART_BAR ? CRK_CHART_HIT_BAR : CRK_CHART_HIT_SEGMENT;
  guint n_full_labels;

  height = crk_chart_get_natural_height (results, options, WIDTH);
  g_assert_cmpfloat (height, >, 1000);
  full = draw (results, options, WIDTH, height, scale, NULL, NULL, full_hits);
  n_full_labels = crk_chart_hits_get_n_labels (full_hits);

  {
    /* In device pixels, as a widget's view is (a clip cutting pixels changes how cairo
     * draws the edges inside it): the top, rows in the middle cut anywhere, one pixel row,
     * the bottom with the axis, a part across. */
    int device_width = cairo_image_surface_get_width (full);
    int device_height = cairo_image_surface_get_height (full);
    const cairo_rectangle_int_t clips[] = {
      {0, 0, device_width, 416}, {0, 333, device_width, 417},
      {0, 701, device_width, 1}, {0, device_height - 416, device_width, 416},
      {120, 517, 300, 300},
    };

    for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
      for (guint with_cache = 0; with_cache < 2; with_cache++)
        {
          const cairo_rectangle_int_t *inside = &clips[i];
          CrkRect c = {inside->x / scale, inside->y / scale, inside->width / scale,
                       inside->height / scale};
          cairo_surface_t *clipped =
            draw (results, options, WIDTH, height, scale, with_cache ? cache : NULL, &c, hits);
          g_autofree char *what = g_strdup_printf (
            "%s clipped to %d,%d %dx%d at scale %g%s", crk_chart_kind_to_string (kind), inside->x,
            inside->y, inside->width, inside->height, scale, with_cache ? ", cached" : "");

          assert_same_pixels (full, clipped, inside, what);

          g_assert_cmpuint (crk_test_count_hits (hits, hit_kind), ==,
                            crk_test_count_hits (full_hits, hit_kind));
          for (guint h = 0; h < crk_chart_hits_get_n_hits (hits); h++)
            {
              const CrkChartHit *a = crk_chart_hits_get_hit (full_hits, h);
              const CrkChartHit *b = crk_chart_hits_get_hit (hits, h);

              g_assert_cmpint (a->kind, ==, b->kind);
              g_assert_cmpuint (a->city, ==, b->city);
              g_assert_true (memcmp (&a->rect, &b->rect, sizeof a->rect) == 0);
              g_assert_cmpstr (a->tooltip, ==, b->tooltip);
            }
          /* and the rows out of sight were not drawn */
          g_assert_cmpuint (crk_chart_hits_get_n_labels (hits), <, n_full_labels / 2);
          cairo_surface_destroy (clipped);
        }
  }
  cairo_surface_destroy (full);
}

static void
test_clip_bars (void)
{
  check_clipped (CRK_CHART_BAR, 1);
  check_clipped (CRK_CHART_BAR, 1.5);
}

static void
test_clip_contribution (void)
{
  check_clipped (CRK_CHART_CONTRIBUTION, 1);
}

static void
test_ends_wide (void)
{
  g_assert_true (crk_text_ends_wide ("来源：", -1));
  g_assert_true (crk_text_ends_wide ("得分 93.94。", -1));
  g_assert_false (crk_text_ends_wide ("Source:", -1));
  g_assert_false (crk_text_ends_wide ("深圳 Shenzhen", -1));
  /* the length bounds the text: "深圳" of "深圳 S" */
  g_assert_true (crk_text_ends_wide ("深圳 S", (gssize) strlen ("深圳")));
  g_assert_false (crk_text_ends_wide ("", -1));
  g_assert_false (crk_text_ends_wide (NULL, -1));
}

int
main (int argc, char **argv)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  crk_locale_set_language ("en");
  path = g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples",
                           "advanced-manufacturing-cities.cityrank.xml", NULL);
  sample = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/text-cache/same-pixels", test_same_pixels);
  g_test_add_func ("/render/text/ends-wide", test_ends_wide);
  g_test_add_func ("/render/text-cache/changed-layout", test_changed_layout);
  g_test_add_func ("/render/text-cache/in-use", test_in_use);
  g_test_add_func ("/render/text-cache/bounded", test_bounded);
  g_test_add_func ("/render/clip/bars", test_clip_bars);
  g_test_add_func ("/render/clip/contribution", test_clip_contribution);

  status = g_test_run ();
  g_object_unref (sample);
  return status;
}
