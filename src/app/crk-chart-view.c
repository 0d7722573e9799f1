/* crk-chart-view.c: a widget that draws a CrkChart from snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-chart-view.h"

#define MIN_HEIGHT 220
#define MIN_WIDTH 320
#define MAX_RADAR_CITIES 8
/* layouts kept between frames: two frames of the ranked bars of the 279-city sample */
#define TEXT_CACHE_SIZE 2048

struct _CrkChartView
{
  GtkWidget parent_instance;

  CrkResults *results;
  CrkChartOptions *options;
  GArray *selected; /* guint, as set by the window */
  CrkChartHits *hits;
  /* the layouts of the last frames: most of a redrawn chart's text is the same */
  CrkTextCache *text_cache;
  /* the scrolled window's adjustments, watched while only the part in view is drawn */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  gboolean drawn_in_part;
  char *description;
  char *placeholder;
  /* the natural height at a width, so that a re-rank measures nothing again */
  int cached_width;
  int cached_height;
  guint cached_key; /* what the height depends on besides the width */
};

G_DEFINE_FINAL_TYPE (CrkChartView, crk_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_RESULTS,
  PROP_KIND,
  PROP_STYLE,
  PROP_DESCRIPTION,
  N_PROPS
};

enum
{
  CITY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
city_is_ranked (CrkChartView *self, guint city)
{
  return crk_results_get_rank (self->results, city) > 0;
}

/* Fills the options' cities from the selection, completing it from the top of the
 * ranking where a chart needs more cities than are selected. */
static void
prepare_options (CrkChartView *self)
{
  g_autoptr (GArray) cities = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint *order = NULL;
  guint n_ranked = 0;
  guint wanted = 0;

  g_clear_pointer (&self->placeholder, g_free);
  if (self->results == NULL)
    {
      crk_chart_options_set_cities (self->options, NULL, 0);
      return;
    }

  order = crk_results_get_order (self->results, &n_ranked);
  for (guint i = 0; i < self->selected->len; i++)
    {
      guint c = g_array_index (self->selected, guint, i);

      if (c < crk_results_get_n_cities (self->results))
        g_array_append_val (cities, c);
    }

  switch (self->options->kind)
    {
      case CRK_CHART_RADAR:
        if (cities->len > MAX_RADAR_CITIES)
          g_array_set_size (cities, MAX_RADAR_CITIES);
        wanted = cities->len == 0 ? 3 : 0;
        break;
      case CRK_CHART_GAP:
        for (guint i = 0; i < cities->len;)
          {
            if (!city_is_ranked (self, g_array_index (cities, guint, i)))
              g_array_remove_index (cities, i);
            else
              i++;
          }
        if (cities->len > 2)
          g_array_set_size (cities, 2);
        wanted = 2 - cities->len;
        break;
      case CRK_CHART_VALUES:
        if (cities->len > 1)
          g_array_set_size (cities, 1);
        wanted = 1 - cities->len;
        break;
      case CRK_CHART_BAR:
        crk_chart_options_set_highlighted (self->options, (const guint *) cities->data,
                                           cities->len);
        g_array_set_size (cities, 0);
        break;
      case CRK_CHART_CONTRIBUTION:
        self->options->top_n = cities->len == 0 ? 20 : 0;
        break;
      default:
        break;
    }

  for (guint i = 0; wanted > 0 && i < n_ranked; i++)
    {
      gboolean present = FALSE;

      for (guint j = 0; j < cities->len; j++)
        present |= g_array_index (cities, guint, j) == order[i];
      if (!present)
        {
          g_array_append_val (cities, order[i]);
          wanted--;
        }
    }

  if (self->options->kind == CRK_CHART_GAP && cities->len < 2)
    self->placeholder = g_strdup (
      crk_unit_kind_get_word (crk_dataset_get_unit_kind (crk_results_get_dataset (self->results)),
                              CRK_UNIT_WORD_SELECT_TWO));
  else if (n_ranked == 0 && self->options->kind != CRK_CHART_VALUES)
    self->placeholder = g_strdup (
      crk_unit_kind_get_word (crk_dataset_get_unit_kind (crk_results_get_dataset (self->results)),
                              CRK_UNIT_WORD_NONE_RANKED));

  crk_chart_options_set_cities (self->options, (const guint *) cities->data, cities->len);
}

static void
update_description (CrkChartView *self)
{
  g_autofree char *description = NULL;

  if (self->results != NULL && self->placeholder == NULL)
    description = crk_chart_describe (self->results, self->options);
  else if (self->placeholder != NULL)
    description = g_strdup (self->placeholder);
  else
    description = g_strdup (_ ("No chart: no dataset is open."));

  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static gboolean grows_with_cities (CrkChartView *self);

/* The height depends on how many rows the chart has, not on the scores: a re-rank that
 * keeps the same cities ranked keeps the height (computing it lays the chart out). */
static guint
height_key (CrkChartView *self)
{
  guint key = (guint) self->options->kind;

  key = key * 31 + crk_results_get_n_ranked (self->results);
  key = key * 31 + crk_results_get_n_cities (self->results);
  key = key * 31 + (self->options->cities != NULL ? self->options->cities->len : 0);
  key = key * 31 + self->options->top_n;
  key = key * 31 + self->options->level;
  key = key * 31 + (guint) crk_results_get_year (self->results);
  return key;
}

static int
natural_height (CrkChartView *self, int width)
{
  guint key;

  if (self->results == NULL || self->placeholder != NULL)
    return 420;
  key = height_key (self);
  if (width != self->cached_width || self->cached_height < 0 || key != self->cached_key)
    {
      self->cached_width = width;
      self->cached_key = key;
      self->cached_height = (int) ceil (
        crk_chart_get_natural_height (self->results, self->options, width > 0 ? width : 640));
    }
  return self->cached_height;
}

static void
invalidate (CrkChartView *self, gboolean resize)
{
  gboolean had_placeholder = self->placeholder != NULL;

  prepare_options (self);
  update_description (self);
  crk_chart_hits_clear (self->hits);

  /* a resize measures the whole window again: only when the size may change (a new
   * kind, the placeholder, a growing chart with other rows) */
  if (grows_with_cities (self) && self->results != NULL && self->placeholder == NULL &&
      height_key (self) != self->cached_key)
    resize = TRUE;
  if (resize || had_placeholder != (self->placeholder != NULL))
    {
      self->cached_height = -1;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed_cb (CrkChartView *self)
{
  /* what scrolls into view was not drawn (GTK 4.8 snapshots a scrolled child again anyway;
   * this keeps it right where GTK would only move the old drawing) */
  if (self->drawn_in_part)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_adjustment (CrkChartView *self, GtkAdjustment **watched, GtkAdjustment *adjustment)
{
  if (*watched == adjustment)
    return;
  if (*watched != NULL)
    g_signal_handlers_disconnect_by_func (*watched, on_adjustment_value_changed_cb, self);
  g_set_object (watched, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed",
                             G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The part of the widget that its scrolled window shows, in whole pixels: the ranked bars
 * of every city are far taller than the window. The whole widget outside a viewport. */
static void
visible_rect (CrkChartView *self, int width, int height, graphene_rect_t *out)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t shown;
  double x0, y0, x1, y1;

  *out = GRAPHENE_RECT_INIT (0, 0, width, height);
  watch_adjustment (self, &self->hadjustment,
                    viewport != NULL ? gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport))
                                     : NULL);
  watch_adjustment (self, &self->vadjustment,
                    viewport != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport))
                                     : NULL);
  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, GTK_WIDGET (self), &shown))
    return;
  x0 = MAX (floor (shown.origin.x), 0);
  y0 = MAX (floor (shown.origin.y), 0);
  x1 = MIN (ceil (shown.origin.x + shown.size.width), width);
  y1 = MIN (ceil (shown.origin.y + shown.size.height), height);
  *out = GRAPHENE_RECT_INIT (x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0));
}

static void
crk_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrkChartView *self = CRK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->results == NULL)
    return;

  if (self->placeholder != NULL)
    {
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->placeholder);
      GdkRGBA colour;
      int lw, lh;

      pango_layout_set_width (layout, MAX (width - 48, 48) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
      colour.alpha *= 0.55f;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (height - lh) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &colour);
      gtk_snapshot_restore (snapshot);
      return;
    }

  /* the cairo node covers only what is in view, and the chart draws only the rows that
   * cross its clip */
  visible_rect (self, width, height, &visible);
  self->drawn_in_part = visible.size.width < width || visible.size.height < height;
  if (visible.size.width <= 0 || visible.size.height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &visible);
  crk_text_cache_attach (self->text_cache, cr);
  crk_chart_draw (cr, self->results, self->options, width, height, self->hits);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
crk_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The charts with a row per city or per indicator scroll rather than squeeze their
 * rows; only the radar scales to the space it gets. */
static gboolean
grows_with_cities (CrkChartView *self)
{
  return self->options->kind != CRK_CHART_RADAR;
}

static void
crk_chart_view_measure (GtkWidget *widget,
                        GtkOrientation orientation,
                        int for_size,
                        int *minimum,
                        int *natural,
                        int *minimum_baseline,
                        int *natural_baseline)
{
  CrkChartView *self = CRK_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 640;
      return;
    }

  *minimum = MIN_HEIGHT;
  *natural = 420;
  if (self->results != NULL && self->placeholder == NULL)
    {
      int wanted = natural_height (self, for_size > 0 ? for_size : 640);

      /* the growing charts scroll rather than squeeze their rows */
      if (grows_with_cities (self))
        *minimum = MAX (*minimum, wanted);
      *natural = MAX (*minimum, wanted);
    }
}

static gboolean
crk_chart_view_query_tooltip (GtkWidget *widget,
                              int x,
                              int y,
                              gboolean keyboard_mode,
                              GtkTooltip *tooltip)
{
  CrkChartView *self = CRK_CHART_VIEW (widget);
  CrkChartHit hit;

  if (keyboard_mode)
    {
      if (self->description == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->description);
      return TRUE;
    }

  if (self->results == NULL || !crk_chart_hits_lookup (self->hits, x, y, &hit) ||
      hit.tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, hit.tooltip);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle){(int) floor (hit.rect.x), (int) floor (hit.rect.y),
                                            (int) ceil (hit.rect.width),
                                            (int) ceil (hit.rect.height)});
  return TRUE;
}

gboolean
crk_chart_view_activate_at (CrkChartView *self, double x, double y)
{
  CrkChartHit hit;

  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), FALSE);

  if (self->results == NULL || !crk_chart_hits_lookup (self->hits, x, y, &hit) ||
      hit.city == G_MAXUINT)
    return FALSE;

  g_signal_emit (self, signals[CITY_ACTIVATED], 0, hit.city);
  return TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, CrkChartView *self)
{
  if (crk_chart_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
crk_chart_view_dispose (GObject *object)
{
  CrkChartView *self = (CrkChartView *) object;

  g_clear_object (&self->results);
  watch_adjustment (self, &self->hadjustment, NULL);
  watch_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (crk_chart_view_parent_class)->dispose (object);
}

static void
crk_chart_view_finalize (GObject *object)
{
  CrkChartView *self = (CrkChartView *) object;

  g_clear_pointer (&self->options, crk_chart_options_free);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_pointer (&self->hits, crk_chart_hits_free);
  g_clear_pointer (&self->text_cache, crk_text_cache_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (crk_chart_view_parent_class)->finalize (object);
}

static void
crk_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkChartView *self = CRK_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_RESULTS:
        g_value_set_object (value, self->results);
        break;
      case PROP_KIND:
        g_value_set_int (value, self->options->kind);
        break;
      case PROP_STYLE:
        g_value_set_int (value, self->options->style);
        break;
      case PROP_DESCRIPTION:
        g_value_set_string (value, self->description);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrkChartView *self = CRK_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_RESULTS:
        crk_chart_view_set_results (self, g_value_get_object (value));
        break;
      case PROP_KIND:
        crk_chart_view_set_kind (self, g_value_get_int (value));
        break;
      case PROP_STYLE:
        crk_chart_view_set_style (self, g_value_get_int (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_chart_view_class_init (CrkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_chart_view_dispose;
  object_class->finalize = crk_chart_view_finalize;
  object_class->get_property = crk_chart_view_get_property;
  object_class->set_property = crk_chart_view_set_property;

  widget_class->snapshot = crk_chart_view_snapshot;
  widget_class->measure = crk_chart_view_measure;
  widget_class->get_request_mode = crk_chart_view_get_request_mode;
  widget_class->query_tooltip = crk_chart_view_query_tooltip;

  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, CRK_TYPE_RESULTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, CRK_CHART_RADAR, CRK_CHART_VALUES, CRK_CHART_RADAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] = g_param_spec_int (
    "style", NULL, NULL, CRK_CHART_STYLE_LIGHT, CRK_CHART_STYLE_PRINT, CRK_CHART_STYLE_LIGHT,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CITY_ACTIVATED] =
    g_signal_new ("city-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crk_chart_view_init (CrkChartView *self)
{
  GtkGesture *click;

  self->cached_width = -1;
  self->cached_height = -1;
  self->options = crk_chart_options_new (CRK_CHART_RADAR);
  self->options->benchmark = CRK_BENCHMARK_MEDIAN;
  self->selected = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hits = crk_chart_hits_new ();
  self->text_cache = crk_text_cache_new (TEXT_CACHE_SIZE);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_description (self);
}

GtkWidget *
crk_chart_view_new (void)
{
  return g_object_new (CRK_TYPE_CHART_VIEW, NULL);
}

CrkResults *
crk_chart_view_get_results (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), NULL);
  return self->results;
}

void
crk_chart_view_set_results (CrkChartView *self, CrkResults *results)
{
  g_return_if_fail (CRK_IS_CHART_VIEW (self));
  g_return_if_fail (results == NULL || CRK_IS_RESULTS (results));

  if (!g_set_object (&self->results, results))
    return;
  invalidate (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

CrkChartKind
crk_chart_view_get_kind (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), CRK_CHART_RADAR);
  return self->options->kind;
}

void
crk_chart_view_set_kind (CrkChartView *self, CrkChartKind kind)
{
  g_return_if_fail (CRK_IS_CHART_VIEW (self));

  if (self->options->kind == kind)
    return;
  self->options->kind = kind;
  crk_chart_options_set_highlighted (self->options, NULL, 0);
  self->options->top_n = 0;
  invalidate (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CrkChartStyle
crk_chart_view_get_style (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), CRK_CHART_STYLE_LIGHT);
  return self->options->style;
}

void
crk_chart_view_set_style (CrkChartView *self, CrkChartStyle style)
{
  g_return_if_fail (CRK_IS_CHART_VIEW (self));

  if (self->options->style == style)
    return;
  self->options->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

guint
crk_chart_view_get_level (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), 0);
  return self->options->level;
}

/* The level of the framework whose components the radar's axes and the contribution and
 * gap charts' segments are (0: the default). */
void
crk_chart_view_set_level (CrkChartView *self, guint level)
{
  g_return_if_fail (CRK_IS_CHART_VIEW (self));

  if (self->options->level == level)
    return;
  self->options->level = level;
  invalidate (self, TRUE);
}

void
crk_chart_view_set_cities (CrkChartView *self, const guint *cities, guint n_cities)
{
  g_return_if_fail (CRK_IS_CHART_VIEW (self));

  g_array_set_size (self->selected, 0);
  if (n_cities > 0)
    g_array_append_vals (self->selected, cities, n_cities);
  invalidate (self, FALSE);
}

const CrkChartOptions *
crk_chart_view_get_options (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), NULL);
  return self->options;
}

const char *
crk_chart_view_get_description (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), NULL);
  return self->description;
}

CrkChartHits *
crk_chart_view_get_hits (CrkChartView *self)
{
  g_return_val_if_fail (CRK_IS_CHART_VIEW (self), NULL);
  return self->hits;
}
