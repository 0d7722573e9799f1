/* crk-chart-data.c: what a chart draws, as plain data; hits; number formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-chart-data"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-chart-private.h"

CrkChartData *
crk_chart_data_new (CrkChartKind kind)
{
  CrkChartData *data = g_new0 (CrkChartData, 1);

  data->kind = kind;
  data->mean = NAN;
  data->median = NAN;
  data->gap_total = NAN;
  return data;
}

void
crk_chart_data_free (CrkChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->source);
  g_free (data->value_name);
  g_free (data->scale_text);
  g_strfreev (data->axis_names);
  g_free (data->axis_nodes);
  g_free (data->axis_groups);
  if (data->axis_units != NULL)
    for (guint i = 0; i < data->n_axes; i++)
      g_free (data->axis_units[i]);
  g_free (data->axis_units);
  g_strfreev (data->group_names);
  for (guint i = 0; i < data->n_series; i++)
    {
      g_free (data->series[i].name);
      g_free (data->series[i].values);
      g_free (data->series[i].ranks);
    }
  g_free (data->series);
  g_free (data->benchmark_name);
  g_free (data->benchmark);
  for (guint i = 0; i < data->n_rows; i++)
    {
      g_free (data->rows[i].name);
      g_free (data->rows[i].parts);
    }
  g_free (data->rows);
  g_strfreev (data->category_names);
  g_free (data->category_title);
  g_strfreev (data->tier_names);
  g_free (data);
}

static char **
copy_names (guint n, const char **names)
{
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (names[i] != NULL ? names[i] : "");
  return copy;
}

void
crk_chart_data_set_axes (CrkChartData *data, guint n, const char **names)
{
  g_return_if_fail (data->n_series == 0 && data->n_rows == 0);

  g_strfreev (data->axis_names);
  g_free (data->axis_nodes);
  g_free (data->axis_groups);
  data->n_axes = n;
  data->axis_names = copy_names (n, names);
  data->axis_nodes = g_new (int, MAX (n, 1));
  data->axis_groups = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      data->axis_nodes[i] = -1;
      data->axis_groups[i] = -1;
    }
  data->axis_units = g_new0 (char *, MAX (n, 1));
}

CrkChartSeries *
crk_chart_data_add_series (CrkChartData *data,
                           const char *name,
                           guint city,
                           int year,
                           const double *values)
{
  CrkChartSeries *s;

  data->series = g_renew (CrkChartSeries, data->series, data->n_series + 1);
  s = &data->series[data->n_series++];
  s->name = g_strdup (name);
  s->city = city;
  s->year = year;
  s->values = g_new (double, MAX (data->n_axes, 1));
  for (guint i = 0; i < data->n_axes; i++)
    s->values[i] = values != NULL ? values[i] : NAN;
  s->ranks = NULL;
  return s;
}

void
crk_chart_data_set_benchmark (CrkChartData *data, const char *name, const double *values)
{
  g_free (data->benchmark_name);
  g_free (data->benchmark);
  data->benchmark_name = g_strdup (name);
  data->benchmark = g_memdup2 (values, MAX (data->n_axes, 1) * sizeof (double));
}

CrkChartRow *
crk_chart_data_add_row (CrkChartData *data,
                        guint city,
                        const char *name,
                        guint rank,
                        double value,
                        const double *parts)
{
  CrkChartRow *row;

  data->rows = g_renew (CrkChartRow, data->rows, data->n_rows + 1);
  row = &data->rows[data->n_rows++];
  memset (row, 0, sizeof *row);
  row->city = city;
  row->name = g_strdup (name);
  row->rank = rank;
  row->value = value;
  row->tier = -1;
  row->category = -1;
  row->parts = parts != NULL ? g_memdup2 (parts, MAX (data->n_axes, 1) * sizeof (double)) : NULL;
  return row;
}

void
crk_chart_data_set_categories (CrkChartData *data, const char *title, guint n, const char **names)
{
  g_strfreev (data->category_names);
  g_free (data->category_title);
  data->n_categories = n;
  data->category_names = copy_names (n, names);
  data->category_title = g_strdup (title);
}

void
crk_chart_data_set_tiers (CrkChartData *data, guint n, const char **names)
{
  g_strfreev (data->tier_names);
  data->n_tiers = n;
  data->tier_names = copy_names (n, names);
}

void
crk_chart_data_set_groups (CrkChartData *data, guint n, const char **names, const int *axis_groups)
{
  g_strfreev (data->group_names);
  data->n_groups = n;
  data->group_names = copy_names (n, names);
  for (guint i = 0; i < data->n_axes; i++)
    data->axis_groups[i] = axis_groups[i];
}

/* Hits */

typedef struct
{
  CrkChartHit hit;
  char *tooltip;
} HitEntry;

typedef struct
{
  CrkRect rect;
  char *text;
} LabelEntry;

struct _CrkChartHits
{
  GArray *hits;   /* HitEntry */
  GArray *labels; /* LabelEntry */
  CrkRect extents;
  gboolean has_extents;
  CrkChartAxis axis;
  gboolean has_axis;
};

static void
hit_entry_clear (gpointer p)
{
  g_free (((HitEntry *) p)->tooltip);
}

static void
label_entry_clear (gpointer p)
{
  g_free (((LabelEntry *) p)->text);
}

/**
 * crk_chart_hits_new:
 *
 * Makes an empty set of hits for crk_chart_draw() to fill.
 *
 * Returns: (transfer full): the hits
 */
CrkChartHits *
crk_chart_hits_new (void)
{
  CrkChartHits *self = g_new0 (CrkChartHits, 1);

  self->hits = g_array_new (FALSE, FALSE, sizeof (HitEntry));
  g_array_set_clear_func (self->hits, hit_entry_clear);
  self->labels = g_array_new (FALSE, FALSE, sizeof (LabelEntry));
  g_array_set_clear_func (self->labels, label_entry_clear);
  return self;
}

/**
 * crk_chart_hits_free:
 * @self: the object
 *
 * Frees the hits.
 */
void
crk_chart_hits_free (CrkChartHits *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->hits);
  g_array_unref (self->labels);
  g_free (self);
}

/**
 * crk_chart_hits_clear:
 * @self: the object
 *
 * Forgets every hit and text box.
 */
void
crk_chart_hits_clear (CrkChartHits *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->hits, 0);
  g_array_set_size (self->labels, 0);
  self->has_extents = FALSE;
  self->has_axis = FALSE;
}

void
crk_chart_hits_set_axis (CrkChartHits *hits, const CrkChartAxis *axis)
{
  if (hits == NULL)
    return;
  hits->axis = *axis;
  hits->has_axis = TRUE;
}

/**
 * crk_chart_hits_get_axis:
 * @self: the object
 * @out: (out): the axis
 *
 * The value axis of the chart drawn last: its limits, step and values shown, and where
 * its limits lie on the drawing.
 *
 * Returns: FALSE when the chart drew none
 */
gboolean
crk_chart_hits_get_axis (CrkChartHits *self, CrkChartAxis *out)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!self->has_axis)
    return FALSE;
  *out = self->axis;
  return TRUE;
}

static void
union_rect (CrkChartHits *self, const CrkRect *r)
{
  double x1, y1;

  if (!self->has_extents)
    {
      self->extents = *r;
      self->has_extents = TRUE;
      return;
    }
  x1 = MAX (self->extents.x + self->extents.width, r->x + r->width);
  y1 = MAX (self->extents.y + self->extents.height, r->y + r->height);
  self->extents.x = MIN (self->extents.x, r->x);
  self->extents.y = MIN (self->extents.y, r->y);
  self->extents.width = x1 - self->extents.x;
  self->extents.height = y1 - self->extents.y;
}

void
crk_chart_hits_add (CrkChartHits *hits,
                    CrkChartHitKind kind,
                    guint city,
                    int node,
                    int year,
                    double value,
                    const CrkRect *rect,
                    char *tooltip)
{
  HitEntry entry = {{0}, tooltip};

  if (hits == NULL)
    {
      g_free (tooltip);
      return;
    }
  entry.hit.kind = kind;
  entry.hit.city = city;
  entry.hit.node = node;
  entry.hit.year = year;
  entry.hit.value = value;
  entry.hit.rect = *rect;
  g_array_append_val (hits->hits, entry);
}

void
crk_chart_hits_add_label (CrkChartHits *hits, const CrkRect *rect, const char *text)
{
  LabelEntry entry;

  if (hits == NULL)
    return;
  entry.rect = *rect;
  entry.text = g_strdup (text);
  g_array_append_val (hits->labels, entry);
  union_rect (hits, rect);
}

void
crk_chart_hits_add_ink (CrkChartHits *hits, const CrkRect *rect)
{
  if (hits != NULL)
    union_rect (hits, rect);
}

/**
 * crk_chart_hits_lookup:
 * @self: the hits of the last drawing
 * @x: x in the drawing's user units
 * @y: y
 * @out: (out): the hit, its tooltip borrowed from @self
 *
 * Returns: %TRUE when something is under (@x, @y)
 */
gboolean
crk_chart_hits_lookup (CrkChartHits *self, double x, double y, CrkChartHit *out)
{
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Later hits are drawn on top; among points, the nearest centre wins. */
  for (guint i = self->hits->len; i-- > 0;)
    {
      HitEntry *e = &g_array_index (self->hits, HitEntry, i);
      const CrkRect *r = &e->hit.rect;

      if (!crk_rect_contains_point (r, x, y))
        continue;
      if (e->hit.kind != CRK_CHART_HIT_POINT)
        {
          if (best < 0)
            best = (int) i;
          break;
        }
      else
        {
          double dx = x - (r->x + r->width / 2), dy = y - (r->y + r->height / 2);
          double d = dx * dx + dy * dy;

          if (d < best_distance)
            {
              best_distance = d;
              best = (int) i;
            }
        }
    }
  if (best < 0)
    return FALSE;
  if (out != NULL)
    {
      HitEntry *e = &g_array_index (self->hits, HitEntry, best);

      *out = e->hit;
      out->tooltip = e->tooltip;
    }
  return TRUE;
}

/**
 * crk_chart_hits_get_n_hits:
 * @self: the object
 *
 * The number of hit regions.
 *
 * Returns: the number of hits
 */
guint
crk_chart_hits_get_n_hits (CrkChartHits *self)
{
  return self->hits->len;
}

/**
 * crk_chart_hits_get_hit:
 * @self: the object
 * @i: an index
 *
 * One hit region, in drawing order.
 *
 * Returns: (transfer none): the hit
 */
const CrkChartHit *
crk_chart_hits_get_hit (CrkChartHits *self, guint i)
{
  HitEntry *e;

  g_return_val_if_fail (i < self->hits->len, NULL);
  e = &g_array_index (self->hits, HitEntry, i);
  e->hit.tooltip = e->tooltip;
  return &e->hit;
}

/**
 * crk_chart_hits_get_n_labels:
 * @self: the object
 *
 * The number of text boxes drawn.
 *
 * Returns: the number of text boxes
 */
guint
crk_chart_hits_get_n_labels (CrkChartHits *self)
{
  return self->labels->len;
}

/**
 * crk_chart_hits_get_label:
 * @self: the object
 * @i: an index
 * @text: the text
 *
 * One text box, in drawing order.
 *
 * Returns: (transfer none): the box
 */
const CrkRect *
crk_chart_hits_get_label (CrkChartHits *self, guint i, const char **text)
{
  LabelEntry *e;

  g_return_val_if_fail (i < self->labels->len, NULL);
  e = &g_array_index (self->labels, LabelEntry, i);
  if (text != NULL)
    *text = e->text;
  return &e->rect;
}

/**
 * crk_chart_hits_get_extents:
 * @self: the object
 * @out: (out): the result
 *
 * The union of everything drawn (text, bars, markers).
 */
void
crk_chart_hits_get_extents (CrkChartHits *self, CrkRect *out)
{
  if (self->has_extents)
    *out = self->extents;
  else
    *out = (CrkRect){0, 0, 0, 0};
}

/* Numbers */

static char *
group_thousands (const char *digits)
{
  GString *s = g_string_new (NULL);
  const char *p = digits;
  const char *dot;
  gsize int_len;

  if (*p == '-')
    {
      g_string_append (s, "−");
      p++;
    }
  dot = strchr (p, '.');
  int_len = dot != NULL ? (gsize) (dot - p) : strlen (p);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, p[i]);
    }
  if (dot != NULL)
    g_string_append (s, dot);
  return g_string_free (s, FALSE);
}

char *
crk_chart_format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double a = fabs (value);
  const char *format;

  if (isnan (value))
    return g_strdup ("–");
  if (a >= 1000)
    format = "%.0f";
  else if (a >= 1 || a == 0)
    format = "%.1f";
  else
    format = "%.3f";
  g_ascii_formatd (buf, sizeof buf, format, value);
  /* Below 1, three decimals without trailing zeros: 0.052, 0.2. */
  if (a < 1 && a != 0)
    {
      char *end = buf + strlen (buf);

      while (end > buf && end[-1] == '0' && end[-2] != '.')
        *--end = '\0';
    }
  /* Avoid "-0.0". */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));
  return group_thousands (buf);
}

char *
crk_chart_format_percent (double fraction)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double p = fraction * 100;

  if (!isfinite (p))
    return g_strdup ("–");
  g_ascii_formatd (buf, sizeof buf, fabs (p) >= 100 ? "%.0f" : "%.1f", fabs (p));
  return g_strdup_printf ("%s%s%%", p > 0.0005 ? "+" : p < -0.0005 ? "−" : "±", buf);
}
