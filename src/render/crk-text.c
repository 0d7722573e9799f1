/* crk-text.c: Pango text for charts and report pages, and label collision avoidance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-text.h"

#include "crk-locale.h"

/**
 * crk_rect_intersects:
 * @a: a rectangle
 * @b: another rectangle
 *
 * Whether two rectangles overlap (touching edges do not).
 *
 * Returns: %TRUE when they overlap
 */
gboolean
crk_rect_intersects (const CrkRect *a,
                     const CrkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
    a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * crk_rect_contains_rect:
 * @outer: the outer rectangle
 * @inner: the inner rectangle
 *
 * Whether a rectangle lies inside another.
 *
 * Returns: %TRUE when inside
 */
gboolean
crk_rect_contains_rect (const CrkRect *outer,
                        const CrkRect *inner)
{
  const double eps = 1e-6;

  return inner->x >= outer->x - eps && inner->y >= outer->y - eps &&
    inner->x + inner->width <= outer->x + outer->width + eps &&
    inner->y + inner->height <= outer->y + outer->height + eps;
}

/**
 * crk_rect_contains_point:
 * @rect: a rectangle
 * @x: x
 * @y: y
 *
 * Whether a point lies in a rectangle.
 *
 * Returns: %TRUE when inside
 */
gboolean
crk_rect_contains_point (const CrkRect *rect,
                         double x,
                         double y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
    y >= rect->y && y <= rect->y + rect->height;
}

/**
 * crk_text_font_new:
 * @size: the size in user units
 * @weight: the weight
 *
 * Returns: (transfer full): a font description of the chart family at an absolute size
 */
PangoFontDescription *
crk_text_font_new (double size,
                   PangoWeight weight)
{
  PangoFontDescription *desc = pango_font_description_from_string (CRK_FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  return desc;
}

/* What crk_text_layout_new() shares between the layouts of one cairo context: the Pango
 * context (with its font caches) and the font descriptions, so a frame with hundreds of
 * labels sets each of them up once. Kept as user data of the cairo context, which is used
 * by one thread at a time and frees it when destroyed. */
typedef struct
{
  PangoContext *context;
  GHashTable *fonts; /* FontKey -> PangoFontDescription */
} TextShared;

typedef struct
{
  double size;
  PangoWeight weight;
} FontKey;

static const cairo_user_data_key_t text_shared_key;

static guint
font_key_hash (gconstpointer key)
{
  const FontKey *k = key;

  return g_double_hash (&k->size) * 31 + (guint) k->weight;
}

static gboolean
font_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FontKey *ka = a, *kb = b;

  return ka->size == kb->size && ka->weight == kb->weight;
}

static void
text_shared_free (void *data)
{
  TextShared *shared = data;

  g_object_unref (shared->context);
  g_hash_table_unref (shared->fonts);
  g_free (shared);
}

static TextShared *
text_shared_get (cairo_t *cr)
{
  TextShared *shared = cairo_get_user_data (cr, &text_shared_key);
  cairo_font_options_t *options;

  if (shared != NULL)
    {
      /* The transformation (and so the context's matrix) may have changed since. */
      pango_cairo_update_context (cr, shared->context);
      return shared;
    }

  shared = g_new0 (TextShared, 1);
  shared->context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  /* Unhinted metrics: the same layout on screen, in a PNG, an SVG and a PDF. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (shared->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (shared->context, FALSE);
  shared->fonts = g_hash_table_new_full (font_key_hash, font_key_equal, g_free,
                                         (GDestroyNotify) pango_font_description_free);
  if (cairo_set_user_data (cr, &text_shared_key, shared, text_shared_free) != CAIRO_STATUS_SUCCESS)
    {
      text_shared_free (shared);
      return NULL;
    }
  return shared;
}

/**
 * crk_text_layout_new:
 * @cr: the cairo context the text will be drawn on
 * @text: (nullable): the text
 * @size: font size in user units
 * @weight: font weight
 *
 * All layouts made for one cairo context share its Pango context and font descriptions.
 *
 * Returns: (transfer full): a layout set up for charts
 */
PangoLayout *
crk_text_layout_new (cairo_t *cr,
                     const char *text,
                     double size,
                     PangoWeight weight)
{
  TextShared *shared;
  PangoLayout *layout;
  PangoFontDescription *desc;
  FontKey key = {size, weight};

  g_return_val_if_fail (cr != NULL, NULL);

  shared = text_shared_get (cr);
  g_return_val_if_fail (shared != NULL, NULL);
  pango_context_set_language (shared->context,
                              pango_language_from_string (crk_locale_get_pango_language ()));

  layout = pango_layout_new (shared->context);

  desc = g_hash_table_lookup (shared->fonts, &key);
  if (desc == NULL)
    {
      desc = crk_text_font_new (size, weight);
      g_hash_table_insert (shared->fonts, g_memdup2 (&key, sizeof key), desc);
    }
  pango_layout_set_font_description (layout, desc);
  if (text != NULL)
    pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * crk_text_layout_set_width:
 * @layout: a layout
 * @width: the width
 * @alignment: the alignment
 *
 * Wraps a layout at a width.
 */
void
crk_text_layout_set_width (PangoLayout *layout,
                           double width,
                           PangoAlignment alignment)
{
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  if (width < 0)
    pango_layout_set_width (layout, -1);
  else
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
}

/**
 * crk_text_layout_ellipsize:
 * @layout: a layout
 * @width: the width
 *
 * Ellipsizes a layout to one line of a width.
 */
void
crk_text_layout_ellipsize (PangoLayout *layout,
                           double width)
{
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_set_width (layout, (int) floor (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
}

/**
 * crk_text_layout_get_size:
 * @layout: a layout
 * @width: the width
 * @height: the height
 *
 * The logical size of a layout in user units.
 */
void
crk_text_layout_get_size (PangoLayout *layout,
                          double *width,
                          double *height)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * crk_text_layout_get_baseline:
 * @layout: a layout
 *
 * The baseline of the first line.
 *
 * Returns: the baseline in user units
 */
double
crk_text_layout_get_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/**
 * crk_text_layout_get_min_width:
 * @layout: a layout
 *
 * The width of the longest word.
 *
 * Returns: the width in user units
 */
double
crk_text_layout_get_min_width (PangoLayout *layout)
{
  g_autoptr (PangoLayout) copy = NULL;
  double width;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  copy = pango_layout_copy (layout);
  pango_layout_set_width (copy, 1);
  pango_layout_set_wrap (copy, PANGO_WRAP_WORD);
  crk_text_layout_get_size (copy, &width, NULL);
  return width;
}

/**
 * crk_text_draw:
 * @cr: a cairo context
 * @layout: a layout
 * @x: x
 * @y: y
 * @rgba: a colour
 *
 * Draws a layout with its logical box at a point.
 */
void
crk_text_draw (cairo_t *cr,
               PangoLayout *layout,
               double x,
               double y,
               const CrkRGBA *rgba)
{
  PangoRectangle logical;

  /* A wrapped or aligned layout's logical box may start right of its origin; put the box,
   * not the origin, at (x, y). */
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (cr);
  if (rgba != NULL)
    crk_rgba_set_source (cr, rgba);
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * crk_text_draw_halo:
 * @cr: a cairo context
 * @layout: a layout
 * @x: x
 * @y: y
 * @rgba: a colour
 * @halo: the halo colour
 * @halo_width: twice the halo's margin
 *
 * Draws a layout over a box of the halo colour.
 */
void
crk_text_draw_halo (cairo_t *cr,
                    PangoLayout *layout,
                    double x,
                    double y,
                    const CrkRGBA *rgba,
                    const CrkRGBA *halo,
                    double halo_width)
{
  PangoRectangle ink, logical;
  double pad = halo_width / 2;

  /* A box around the ink rather than the glyphs' outlines: as legible, and far cheaper in
   * PDF and SVG, where outlines would be written as paths. */
  pango_layout_get_extents (layout, &ink, &logical);
  cairo_save (cr);
  /* Never beyond the logical box, which is what layouts keep apart. */
  cairo_rectangle (cr, x, y, (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE);
  cairo_clip (cr);
  cairo_rectangle (cr,
                   x + (double) (ink.x - logical.x) / PANGO_SCALE - pad,
                   y + (double) (ink.y - logical.y) / PANGO_SCALE - pad,
                   (double) ink.width / PANGO_SCALE + 2 * pad,
                   (double) ink.height / PANGO_SCALE + 2 * pad);
  crk_rgba_set_source (cr, halo);
  cairo_fill (cr);
  cairo_restore (cr);
  crk_text_draw (cr, layout, x, y, rgba);
}

/**
 * crk_anchor_rect:
 * @anchor: where (@x, @y) lies on the box
 * @x: x
 * @y: y
 * @width: the width
 * @height: the height
 * @out: (out): the result
 *
 * Computes the box of a text of the given size anchored at a point.
 */
void
crk_anchor_rect (CrkAnchor anchor,
                 double x,
                 double y,
                 double width,
                 double height,
                 CrkRect *out)
{
  double fx, fy;

  switch (anchor)
    {
      case CRK_ANCHOR_TOP_LEFT:
        fx = 0;
        fy = 0;
        break;
      case CRK_ANCHOR_TOP:
        fx = 0.5;
        fy = 0;
        break;
      case CRK_ANCHOR_TOP_RIGHT:
        fx = 1;
        fy = 0;
        break;
      case CRK_ANCHOR_LEFT:
        fx = 0;
        fy = 0.5;
        break;
      case CRK_ANCHOR_RIGHT:
        fx = 1;
        fy = 0.5;
        break;
      case CRK_ANCHOR_BOTTOM_LEFT:
        fx = 0;
        fy = 1;
        break;
      case CRK_ANCHOR_BOTTOM:
        fx = 0.5;
        fy = 1;
        break;
      case CRK_ANCHOR_BOTTOM_RIGHT:
        fx = 1;
        fy = 1;
        break;
      case CRK_ANCHOR_CENTER:
      default:
        fx = 0.5;
        fy = 0.5;
        break;
    }
  out->x = x - fx * width;
  out->y = y - fy * height;
  out->width = width;
  out->height = height;
}

struct _CrkLabelPlacer
{
  CrkRect bounds;
  GArray *rects;
};

/**
 * crk_label_placer_new:
 * @bounds: the bounds
 *
 * Makes a placer for labels inside @bounds.
 *
 * Returns: (transfer full): the placer
 */
CrkLabelPlacer *
crk_label_placer_new (const CrkRect *bounds)
{
  CrkLabelPlacer *self = g_new0 (CrkLabelPlacer, 1);

  g_return_val_if_fail (bounds != NULL, NULL);

  self->bounds = *bounds;
  self->rects = g_array_new (FALSE, FALSE, sizeof (CrkRect));
  return self;
}

/**
 * crk_label_placer_free:
 * @self: the object
 *
 * Frees the placer.
 */
void
crk_label_placer_free (CrkLabelPlacer *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rects);
  g_free (self);
}

/**
 * crk_label_placer_reserve:
 * @self: the object
 * @rect: a rectangle
 *
 * Marks a rectangle as taken.
 */
void
crk_label_placer_reserve (CrkLabelPlacer *self,
                          const CrkRect *rect)
{
  g_return_if_fail (self != NULL && rect != NULL);
  g_array_append_vals (self->rects, rect, 1);
}

/**
 * crk_label_placer_is_free:
 * @self: the object
 * @rect: a rectangle
 *
 * Whether a rectangle is inside the bounds and overlaps nothing taken.
 *
 * Returns: %TRUE when free
 */
gboolean
crk_label_placer_is_free (CrkLabelPlacer *self,
                          const CrkRect *rect)
{
  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);

  if (!crk_rect_contains_rect (&self->bounds, rect))
    return FALSE;
  for (guint i = 0; i < self->rects->len; i++)
    if (crk_rect_intersects (&g_array_index (self->rects, CrkRect, i), rect))
      return FALSE;
  return TRUE;
}

/**
 * crk_label_placer_place:
 * @self: the object
 * @candidates: the candidate rectangles
 * @n_candidates: the number of candidates
 * @chosen: (out) (optional): the rectangle taken
 *
 * Takes the first free candidate rectangle.
 *
 * Returns: the index of the candidate taken, or -1
 */
int
crk_label_placer_place (CrkLabelPlacer *self,
                        const CrkRect *candidates,
                        guint n_candidates,
                        CrkRect *chosen)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < n_candidates; i++)
    if (crk_label_placer_is_free (self, &candidates[i]))
      {
        crk_label_placer_reserve (self, &candidates[i]);
        if (chosen != NULL)
          *chosen = candidates[i];
        return (int) i;
      }
  return -1;
}

/**
 * crk_label_placer_get_n:
 * @self: the object
 *
 * The number of rectangles taken.
 *
 * Returns: the number of rectangles
 */
guint
crk_label_placer_get_n (CrkLabelPlacer *self)
{
  return self->rects->len;
}

/**
 * crk_label_placer_get_rects:
 * @self: the object
 *
 * The rectangles taken.
 *
 * Returns: (transfer none): the rectangles
 */
const CrkRect *
crk_label_placer_get_rects (CrkLabelPlacer *self)
{
  return (const CrkRect *) (gpointer) self->rects->data;
}

typedef struct
{
  guint first, last; /* inclusive */
  double start;
  double length;
} Cluster;

static double
cluster_wanted_start (const Cluster *c,
                      const double *wanted,
                      const double *size,
                      double gap)
{
  double offset = 0, sum = 0;

  /* The start that minimises the squared displacement of the members. */
  for (guint i = c->first; i <= c->last; i++)
    {
      sum += wanted[i] - offset;
      offset += size[i] + gap;
    }
  return sum / (c->last - c->first + 1);
}

/**
 * crk_labels_spread:
 * @pos: (inout): wanted starts, sorted ascending
 * @size: the sizes
 * @n: how many
 * @gap: the space between intervals
 * @min: the lowest start
 * @max: the highest end
 *
 * Spreads intervals along one axis so none overlaps, moving them as little as possible.
 */
void
crk_labels_spread (double *pos,
                   const double *size,
                   guint n,
                   double gap,
                   double min,
                   double max)
{
  g_autofree Cluster *clusters = NULL;
  g_autofree double *wanted = NULL;
  guint n_clusters = 0;
  gboolean merged = TRUE;
  double offset;

  if (n == 0)
    return;

  wanted = g_memdup2 (pos, n * sizeof (double));
  clusters = g_new0 (Cluster, n);
  for (guint i = 0; i < n; i++)
    clusters[n_clusters++] = (Cluster){i, i, pos[i], size[i]};

  while (merged)
    {
      merged = FALSE;
      for (guint c = 0; c + 1 < n_clusters; c++)
        {
          Cluster *a = &clusters[c], *b = &clusters[c + 1];

          if (a->start + a->length + gap > b->start + 1e-9)
            {
              a->last = b->last;
              a->length = a->length + gap + b->length;
              a->start = cluster_wanted_start (a, wanted, size, gap);
              memmove (b, b + 1, (n_clusters - c - 2) * sizeof (Cluster));
              n_clusters--;
              merged = TRUE;
              break;
            }
        }
    }

  /* Keep inside [min, max]: push from the end, then from the start. */
  for (guint c = n_clusters; c-- > 0;)
    {
      double limit = c + 1 < n_clusters ? clusters[c + 1].start - gap : max;

      if (clusters[c].start + clusters[c].length > limit)
        clusters[c].start = limit - clusters[c].length;
    }
  for (guint c = 0; c < n_clusters; c++)
    {
      double limit = c > 0 ? clusters[c - 1].start + clusters[c - 1].length + gap : min;

      if (clusters[c].start < limit)
        clusters[c].start = limit;
    }

  for (guint c = 0; c < n_clusters; c++)
    {
      offset = clusters[c].start;
      for (guint i = clusters[c].first; i <= clusters[c].last; i++)
        {
          pos[i] = offset;
          offset += size[i] + gap;
        }
    }
}
