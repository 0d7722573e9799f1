/* crk-text.h: Pango text for charts and report pages, and label collision avoidance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "crk-chart-style.h"

G_BEGIN_DECLS

/* Fonts tried in order, character by character: DejaVu Sans for Latin text, Noto Sans CJK SC
 * for Chinese (Simplified glyphs). Latin text in the CJK font would make cairo embed a large
 * part of that font in every PDF (about 1 MB for a ranked bar chart), and slowly. */
#define CRK_FONT_FAMILY "DejaVu Sans, Noto Sans CJK SC, Sans"

typedef struct
{
  double x, y, width, height;
} CrkRect;

gboolean crk_rect_intersects (const CrkRect *a, const CrkRect *b);
/* TRUE when @inner lies inside @outer (edges may touch). */
gboolean crk_rect_contains_rect (const CrkRect *outer, const CrkRect *inner);
gboolean crk_rect_contains_point (const CrkRect *rect, double x, double y);

/* A font of @size user units (absolute size, independent of the surface resolution). */
PangoFontDescription *crk_text_font_new (double size, PangoWeight weight);

/* A layout for @cr with the chart font, the Pango language of crk_locale_get_pango_language()
 * (so Chinese takes Simplified Chinese glyphs), no hinting (the same metrics on screen,
 * in PDF and SVG), and @text. @text may be NULL. With a CrkTextCache attached to @cr, the
 * layout may be one laid out before: the caller may still change it as it likes. */
PangoLayout *crk_text_layout_new (cairo_t *cr, const char *text, double size, PangoWeight weight);
/* A cache of laid-out layouts that outlives one cairo context: a widget keeps one and
 * attaches it to the cairo context of every frame, so the texts a chart draws again (names,
 * ranks, ticks) are not shaped again. It holds one Pango context for all frames, kept up to
 * date with the cairo context it is attached to. Layouts are keyed by text, size and weight;
 * a layout is handed out again only once its last user dropped it and only when nobody
 * changed it (its width, ellipsizing, attributes...): a changed layout is dropped. At most
 * @max_layouts layouts are kept (least recently used go first). Not thread-safe: use it from
 * one thread. Drawing with no cache attached works as before. */
typedef struct _CrkTextCache CrkTextCache;

CrkTextCache *crk_text_cache_new (guint max_layouts);
CrkTextCache *crk_text_cache_ref (CrkTextCache *self);
void crk_text_cache_unref (CrkTextCache *self);
/* Makes crk_text_layout_new() on @cr use the cache (until @cr is destroyed). Attach before
 * the first layout is made for @cr. */
void crk_text_cache_attach (CrkTextCache *self, cairo_t *cr);
/* Drops every layout (those still in use stay valid for their users). */
void crk_text_cache_clear (CrkTextCache *self);
guint crk_text_cache_get_n_layouts (CrkTextCache *self);
/* How many crk_text_layout_new() calls the cache answered with a kept layout, and how many
 * made a new one, since the cache was made. */
void crk_text_cache_get_stats (CrkTextCache *self, guint *n_hits, guint *n_misses);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkTextCache, crk_text_cache_unref)

/* The same wrapped at @width by crk_text_layout_set_width() (a cache keeps it wrapped). */
PangoLayout *crk_text_layout_new_wrapped (cairo_t *cr,
                                          const char *text,
                                          double size,
                                          PangoWeight weight,
                                          double width,
                                          PangoAlignment alignment);
/* Wraps at @width user units (word, then character), aligned by @alignment. A negative
 * @width removes the wrapping. */
void crk_text_layout_set_width (PangoLayout *layout, double width, PangoAlignment alignment);
/* Ellipsizes at the end to one line of @width. */
void crk_text_layout_ellipsize (PangoLayout *layout, double width);
/* Logical size in user units. */
void crk_text_layout_get_size (PangoLayout *layout, double *width, double *height);
/* Baseline of the first line from the top, in user units. */
double crk_text_layout_get_baseline (PangoLayout *layout);
/* Width of the widest word (the narrowest it can wrap to without breaking words). */
double crk_text_layout_get_min_width (PangoLayout *layout);
/* Whether @text ends with a wide (East Asian) character: after one, as after 。 or ：,
 * generated text puts no space. */
gboolean crk_text_ends_wide (const char *text, gssize length);

/* Draws @layout with the top-left corner of its logical box at (@x, @y) in @rgba (NULL:
 * the current source). */
void crk_text_draw (cairo_t *cr, PangoLayout *layout, double x, double y, const CrkRGBA *rgba);

/* The same over a halo: the text's ink box, grown by @halo_width / 2, filled with @halo
 * first, so lines behind the text do not cross it. */
void crk_text_draw_halo (cairo_t *cr,
                         PangoLayout *layout,
                         double x,
                         double y,
                         const CrkRGBA *rgba,
                         const CrkRGBA *halo,
                         double halo_width);

/* Where the anchor point lies on the text box. */
typedef enum
{
  CRK_ANCHOR_TOP_LEFT,
  CRK_ANCHOR_TOP,
  CRK_ANCHOR_TOP_RIGHT,
  CRK_ANCHOR_LEFT,
  CRK_ANCHOR_CENTER,
  CRK_ANCHOR_RIGHT,
  CRK_ANCHOR_BOTTOM_LEFT,
  CRK_ANCHOR_BOTTOM,
  CRK_ANCHOR_BOTTOM_RIGHT,
} CrkAnchor;

/* The box of a @width x @height text anchored at (@x, @y). */
void
crk_anchor_rect (CrkAnchor anchor, double x, double y, double width, double height, CrkRect *out);

/* Label collision avoidance: the placer keeps the rectangles taken so far inside a
 * bounding box; a label is placed at the first candidate position that overlaps nothing
 * and stays inside the box. */
typedef struct _CrkLabelPlacer CrkLabelPlacer;

CrkLabelPlacer *crk_label_placer_new (const CrkRect *bounds);
void crk_label_placer_free (CrkLabelPlacer *self);
/* Marks @rect as taken (an obstacle: a marker, a drawn label). */
void crk_label_placer_reserve (CrkLabelPlacer *self, const CrkRect *rect);
/* TRUE when @rect is inside the bounds and overlaps nothing taken. */
gboolean crk_label_placer_is_free (CrkLabelPlacer *self, const CrkRect *rect);
/* Tries @n_candidates rectangles in order; on success reserves the first free one, stores
 * its position in @chosen (may be NULL) and returns its index, otherwise returns -1. */
int crk_label_placer_place (CrkLabelPlacer *self,
                            const CrkRect *candidates,
                            guint n_candidates,
                            CrkRect *chosen);
guint crk_label_placer_get_n (CrkLabelPlacer *self);
const CrkRect *crk_label_placer_get_rects (CrkLabelPlacer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkLabelPlacer, crk_label_placer_free)

/* Spreads @n intervals along one axis so none overlaps: @pos[i] is the wanted start of
 * interval i, @size[i] its length; positions change as little as possible (order kept)
 * and stay within [@min, @max] when they fit. @pos must be sorted ascending. */
void
crk_labels_spread (double *pos, const double *size, guint n, double gap, double min, double max);

G_END_DECLS
