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
crk_rect_intersects (const CrkRect *a, const CrkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
    b->y < a->y + a->height;
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
crk_rect_contains_rect (const CrkRect *outer, const CrkRect *inner)
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
crk_rect_contains_point (const CrkRect *rect, double x, double y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

/**
 * crk_text_font_new:
 * @size: the size in user units
 * @weight: the weight
 *
 * Returns: (transfer full): a font description of the chart family at an absolute size
 */
PangoFontDescription *
crk_text_font_new (double size, PangoWeight weight)
{
  PangoFontDescription *desc = pango_font_description_from_string (CRK_FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  return desc;
}

/* What crk_text_layout_new() shares between the layouts of one cairo context: the Pango
 * context (with its font caches) and the font descriptions, so a frame with hundreds of
 * labels sets each of them up once. Kept as user data of the cairo context, which is used
 * by one thread at a time and frees it when destroyed, or by a CrkTextCache for all the
 * cairo contexts it is attached to. */
typedef struct
{
  PangoContext *context;
  GHashTable *fonts;                     /* FontKey -> PangoFontDescription */
  cairo_font_options_t *surface_options; /* of the target the context was last updated for */
} TextShared;

typedef struct
{
  double size;
  PangoWeight weight;
} FontKey;

static const cairo_user_data_key_t text_shared_key;
static const cairo_user_data_key_t text_cache_key;

static guint
font_key_hash (gconstpointer key)
{
  const FontKey *k = key;

  return g_double_hash (&k->size) * 31 + (guint) k->weight;
}

static gboolean
font_key_equal (gconstpointer a, gconstpointer b)
{
  const FontKey *ka = a, *kb = b;

  return ka->size == kb->size && ka->weight == kb->weight;
}

static void
text_shared_init (TextShared *shared, cairo_t *cr)
{
  cairo_font_options_t *options;

  shared->context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  /* Unhinted metrics: the same layout on screen, in a PNG, an SVG and a PDF. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (shared->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (shared->context, FALSE);
  pango_cairo_update_context (cr, shared->context);
  shared->surface_options = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), shared->surface_options);
  shared->fonts = g_hash_table_new_full (font_key_hash, font_key_equal, g_free,
                                         (GDestroyNotify) pango_font_description_free);
}

static void
text_shared_clear (TextShared *shared)
{
  g_clear_object (&shared->context);
  g_clear_pointer (&shared->fonts, g_hash_table_unref);
  g_clear_pointer (&shared->surface_options, cairo_font_options_destroy);
}

static void
text_shared_free (void *data)
{
  text_shared_clear (data);
  g_free (data);
}

/* Brings the Pango context up to date with @cr (its transformation and, when @new_target,
 * its target surface) only when something differs: pango_cairo_update_context() always
 * marks the context changed, and every layout made with it would lay itself out again. */
static void
text_shared_sync (TextShared *shared, cairo_t *cr, gboolean new_target)
{
  const PangoMatrix *pm = pango_context_get_matrix (shared->context);
  cairo_matrix_t m;
  gboolean stale;

  cairo_get_matrix (cr, &m);
  stale = pm == NULL || pm->xx != m.xx || pm->yx != m.yx || pm->xy != m.xy || pm->yy != m.yy;
  if (new_target)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_surface_get_font_options (cairo_get_target (cr), options);
      if (!cairo_font_options_equal (options, shared->surface_options))
        {
          stale = TRUE;
          cairo_font_options_destroy (shared->surface_options);
          shared->surface_options = options;
        }
      else
        cairo_font_options_destroy (options);
    }
  if (stale)
    pango_cairo_update_context (cr, shared->context);
}

/* A kept layout. Entries of the same key are chained from the one in the table. */
typedef struct _CacheEntry CacheEntry;

struct _CacheEntry
{
  char *text;
  double size;
  PangoWeight weight;
  int width; /* wrapping width in Pango units, -1 when none */
  PangoAlignment alignment;
  guint hash;
  PangoLayout *layout; /* a toggle reference */
  guint serial;        /* the layout's serial as made: another means someone changed it */
  gboolean in_use;     /* someone else holds a reference */
  GList lru_link;
  CacheEntry *next;
};

struct _CrkTextCache
{
  grefcount ref_count;
  TextShared shared; /* context == NULL until first attached */
  guint context_serial;
  GHashTable *entries; /* CacheEntry (first of its key) -> itself */
  GQueue lru;          /* most recently used first */
  guint max_layouts;
  guint n_hits;
  guint n_misses;
};

static guint
entry_hash (const char *text, double size, PangoWeight weight, int width, PangoAlignment alignment)
{
  return (((g_str_hash (text) * 31 + g_double_hash (&size)) * 31 + (guint) weight) * 31 +
          (guint) width) *
    31 +
    (guint) alignment;
}

static guint
cache_entry_hash (gconstpointer p)
{
  return ((const CacheEntry *) p)->hash;
}

static gboolean
cache_entry_equal (gconstpointer a, gconstpointer b)
{
  const CacheEntry *ea = a, *eb = b;

  return ea->hash == eb->hash && ea->size == eb->size && ea->weight == eb->weight &&
    ea->width == eb->width && ea->alignment == eb->alignment && strcmp (ea->text, eb->text) == 0;
}

static void
cache_entry_toggled (gpointer data, GObject *object, gboolean is_last_ref)
{
  ((CacheEntry *) data)->in_use = !is_last_ref;
}

/* Unlinks @entry from the table and the LRU list and lets its layout go (its users, if
 * any, keep it). */
static void
cache_remove (CrkTextCache *self, CacheEntry *entry)
{
  CacheEntry *head = g_hash_table_lookup (self->entries, entry);

  g_assert (head != NULL);
  if (head == entry)
    {
      g_hash_table_remove (self->entries, entry);
      if (entry->next != NULL)
        g_hash_table_add (self->entries, entry->next);
    }
  else
    {
      CacheEntry *prev = head;

      while (prev->next != entry)
        prev = prev->next;
      prev->next = entry->next;
    }
  g_queue_unlink (&self->lru, &entry->lru_link);
  g_object_remove_toggle_ref (G_OBJECT (entry->layout), cache_entry_toggled, entry);
  g_free (entry->text);
  g_free (entry);
}

/**
 * crk_text_cache_new:
 * @max_layouts: how many layouts to keep at most
 *
 * Makes a cache of layouts to attach to the cairo contexts of successive frames.
 *
 * Returns: (transfer full): the cache
 */
CrkTextCache *
crk_text_cache_new (guint max_layouts)
{
  CrkTextCache *self = g_new0 (CrkTextCache, 1);

  g_ref_count_init (&self->ref_count);
  self->entries = g_hash_table_new (cache_entry_hash, cache_entry_equal);
  g_queue_init (&self->lru);
  self->max_layouts = MAX (max_layouts, 1);
  return self;
}

/**
 * crk_text_cache_ref:
 * @self: a cache
 *
 * Returns: (transfer full): @self
 */
CrkTextCache *
crk_text_cache_ref (CrkTextCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * crk_text_cache_unref:
 * @self: a cache
 *
 * Drops a reference; the last one frees the cache and its layouts.
 */
void
crk_text_cache_unref (CrkTextCache *self)
{
  if (self == NULL || !g_ref_count_dec (&self->ref_count))
    return;
  crk_text_cache_clear (self);
  g_hash_table_unref (self->entries);
  text_shared_clear (&self->shared);
  g_free (self);
}

/**
 * crk_text_cache_clear:
 * @self: a cache
 *
 * Drops every kept layout.
 */
void
crk_text_cache_clear (CrkTextCache *self)
{
  g_return_if_fail (self != NULL);

  while (self->lru.head != NULL)
    cache_remove (self, self->lru.head->data);
}

/**
 * crk_text_cache_get_n_layouts:
 * @self: a cache
 *
 * Returns: how many layouts the cache keeps
 */
guint
crk_text_cache_get_n_layouts (CrkTextCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lru.length;
}

/**
 * crk_text_cache_get_stats:
 * @self: a cache
 * @n_hits: (out) (optional): layouts handed out again
 * @n_misses: (out) (optional): layouts made
 *
 * How well the cache works.
 */
void
crk_text_cache_get_stats (CrkTextCache *self, guint *n_hits, guint *n_misses)
{
  g_return_if_fail (self != NULL);

  if (n_hits != NULL)
    *n_hits = self->n_hits;
  if (n_misses != NULL)
    *n_misses = self->n_misses;
}

/**
 * crk_text_cache_attach:
 * @self: a cache
 * @cr: a cairo context
 *
 * Makes the layouts made for @cr come from the cache, for as long as @cr lives.
 */
void
crk_text_cache_attach (CrkTextCache *self, cairo_t *cr)
{
  g_return_if_fail (self != NULL && cr != NULL);

  if (cairo_get_user_data (cr, &text_cache_key) == self)
    return;
  if (cairo_set_user_data (cr, &text_cache_key, crk_text_cache_ref (self),
                           (cairo_destroy_func_t) crk_text_cache_unref) != CAIRO_STATUS_SUCCESS)
    {
      crk_text_cache_unref (self);
      return;
    }
  if (self->shared.context == NULL)
    text_shared_init (&self->shared, cr);
  else
    text_shared_sync (&self->shared, cr, TRUE);
}

/* Drops every layout when the context changed: they would lay themselves out again anyway. */
static void
cache_check_context (CrkTextCache *self)
{
  guint serial = pango_context_get_serial (self->shared.context);

  if (serial != self->context_serial)
    {
      crk_text_cache_clear (self);
      self->context_serial = serial;
    }
}

static PangoLayout *
cache_lookup (CrkTextCache *self,
              const char *text,
              double size,
              PangoWeight weight,
              int width,
              PangoAlignment alignment)
{
  CacheEntry key = {(char *) text, size,      weight,
                    width,         alignment, entry_hash (text, size, weight, width, alignment)};
  CacheEntry *entry = g_hash_table_lookup (self->entries, &key);

  while (entry != NULL)
    {
      CacheEntry *next = entry->next;

      if (!entry->in_use)
        {
          if (pango_layout_get_serial (entry->layout) == entry->serial)
            {
              g_queue_unlink (&self->lru, &entry->lru_link);
              g_queue_push_head_link (&self->lru, &entry->lru_link);
              self->n_hits++;
              return g_object_ref (entry->layout);
            }
          /* Changed by a user since: of no use to anyone else. */
          cache_remove (self, entry);
        }
      entry = next;
    }
  return NULL;
}

/* Keeps @layout, just made for @text (the caller holds it). */
static void
cache_insert (CrkTextCache *self,
              PangoLayout *layout,
              const char *text,
              double size,
              PangoWeight weight,
              int width,
              PangoAlignment alignment)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);
  CacheEntry *head;

  entry->text = g_strdup (text);
  entry->size = size;
  entry->weight = weight;
  entry->width = width;
  entry->alignment = alignment;
  entry->hash = entry_hash (text, size, weight, width, alignment);
  entry->layout = layout;
  entry->serial = pango_layout_get_serial (layout);
  entry->in_use = TRUE;
  entry->lru_link.data = entry;
  g_object_add_toggle_ref (G_OBJECT (layout), cache_entry_toggled, entry);

  head = g_hash_table_lookup (self->entries, entry);
  if (head != NULL)
    {
      entry->next = head->next;
      head->next = entry;
    }
  else
    g_hash_table_add (self->entries, entry);
  g_queue_push_head_link (&self->lru, &entry->lru_link);
  self->n_misses++;

  while (self->lru.length > self->max_layouts)
    cache_remove (self, self->lru.tail->data);
}

static TextShared *
text_shared_get (cairo_t *cr, CrkTextCache **cache)
{
  TextShared *shared;

  *cache = cairo_get_user_data (cr, &text_cache_key);
  if (*cache != NULL)
    {
      shared = &(*cache)->shared;
      text_shared_sync (shared, cr, FALSE);
      return shared;
    }

  shared = cairo_get_user_data (cr, &text_shared_key);
  if (shared != NULL)
    {
      /* The transformation (and so the context's matrix) may have changed since. */
      text_shared_sync (shared, cr, FALSE);
      return shared;
    }

  shared = g_new0 (TextShared, 1);
  text_shared_init (shared, cr);
  if (cairo_set_user_data (cr, &text_shared_key, shared, text_shared_free) != CAIRO_STATUS_SUCCESS)
    {
      text_shared_free (shared);
      return NULL;
    }
  return shared;
}

/* Pango units of a wrapping width, as crk_text_layout_set_width() sets it. */
static int
wrap_width (double width)
{
  return width < 0 ? -1 : (int) floor (width * PANGO_SCALE);
}

static PangoLayout *
text_layout_get (cairo_t *cr,
                 const char *text,
                 double size,
                 PangoWeight weight,
                 double width,
                 PangoAlignment alignment)
{
  TextShared *shared;
  CrkTextCache *cache;
  PangoLayout *layout;
  PangoFontDescription *desc;
  FontKey key = {size, weight};

  shared = text_shared_get (cr, &cache);
  g_return_val_if_fail (shared != NULL, NULL);
  pango_context_set_language (shared->context,
                              pango_language_from_string (crk_locale_get_pango_language ()));

  if (cache != NULL && text != NULL)
    {
      cache_check_context (cache);
      layout = cache_lookup (cache, text, size, weight, wrap_width (width), alignment);
      if (layout != NULL)
        return layout;
    }

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
  if (width >= 0 || alignment != PANGO_ALIGN_LEFT)
    crk_text_layout_set_width (layout, width, alignment);
  if (cache != NULL && text != NULL)
    cache_insert (cache, layout, text, size, weight, wrap_width (width), alignment);
  return layout;
}

/**
 * crk_text_layout_new:
 * @cr: the cairo context the text will be drawn on
 * @text: (nullable): the text
 * @size: font size in user units
 * @weight: font weight
 *
 * All layouts made for one cairo context share its Pango context and font descriptions.
 * With a #CrkTextCache attached to @cr, the layout may be one the cache kept.
 *
 * Returns: (transfer full): a layout set up for charts
 */
PangoLayout *
crk_text_layout_new (cairo_t *cr, const char *text, double size, PangoWeight weight)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return text_layout_get (cr, text, size, weight, -1, PANGO_ALIGN_LEFT);
}

/**
 * crk_text_layout_new_wrapped:
 * @cr: the cairo context the text will be drawn on
 * @text: (nullable): the text
 * @size: font size in user units
 * @weight: font weight
 * @width: the width to wrap at, negative for none
 * @alignment: the alignment
 *
 * The same as crk_text_layout_new() followed by crk_text_layout_set_width(), but a cache
 * attached to @cr keeps it as it is wrapped.
 *
 * Returns: (transfer full): a layout set up for charts
 */
PangoLayout *
crk_text_layout_new_wrapped (cairo_t *cr,
                             const char *text,
                             double size,
                             PangoWeight weight,
                             double width,
                             PangoAlignment alignment)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return text_layout_get (cr, text, size, weight, width, alignment);
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
crk_text_layout_set_width (PangoLayout *layout, double width, PangoAlignment alignment)
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
crk_text_layout_ellipsize (PangoLayout *layout, double width)
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
crk_text_layout_get_size (PangoLayout *layout, double *width, double *height)
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
 * crk_text_ends_wide:
 * @text: (nullable): UTF-8 text
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: %TRUE when the last character of @text is wide (Chinese, a full-width colon
 *   or full stop), after which generated text puts no space
 */
gboolean
crk_text_ends_wide (const char *text, gssize length)
{
  const char *last;

  if (text == NULL)
    return FALSE;
  if (length < 0)
    length = (gssize) strlen (text);
  last = length > 0 ? g_utf8_find_prev_char (text, text + length) : NULL;
  return last != NULL && g_unichar_iswide (g_utf8_get_char (last));
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
crk_text_draw (cairo_t *cr, PangoLayout *layout, double x, double y, const CrkRGBA *rgba)
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
  cairo_rectangle (cr, x, y, (double) logical.width / PANGO_SCALE,
                   (double) logical.height / PANGO_SCALE);
  cairo_clip (cr);
  cairo_rectangle (cr, x + (double) (ink.x - logical.x) / PANGO_SCALE - pad,
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
crk_anchor_rect (CrkAnchor anchor, double x, double y, double width, double height, CrkRect *out)
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
crk_label_placer_reserve (CrkLabelPlacer *self, const CrkRect *rect)
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
crk_label_placer_is_free (CrkLabelPlacer *self, const CrkRect *rect)
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
cluster_wanted_start (const Cluster *c, const double *wanted, const double *size, double gap)
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
crk_labels_spread (double *pos, const double *size, guint n, double gap, double min, double max)
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
