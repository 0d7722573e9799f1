/* crk-report-profile.c: one page per city
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-report-private.h"

#include "crk-locale.h"

#define MAX_LISTED 5
#define TOP_HEIGHT 104.0
/* The radar and text band takes at least this share of the page's content height. */
#define MIN_BAND_SHARE 0.24
#define MIN_FONT 6.4
#define TABLE_HEADING 30.0
#define MAX_BAND 300.0

static const CrkRGBA accent = {0x1F / 255.0, 0x3A / 255.0, 0x5F / 255.0, 1};
static const CrkRGBA strip_fill = {0.945, 0.955, 0.968, 1};
static const CrkRGBA white = {1, 1, 1, 1};

typedef struct
{
  char **cells;
  guint flags;
} Row;

static PangoLayout *
text_layout (cairo_t *cr, const char *markup, double size, PangoWeight weight, double width)
{
  PangoLayout *layout = crk_text_layout_new (cr, NULL, size, weight);

  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  crk_text_layout_set_width (layout, width, PANGO_ALIGN_LEFT);
  return layout;
}

static char *
format_value (double value)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("–");
  if (a < 1000 && a == floor (a))
    return g_strdup_printf ("%.0f", value);
  if (a >= 1000)
    {
      g_autofree char *digits = g_strdup_printf ("%.0f", a);
      GString *s = g_string_new (value < 0 ? "−" : "");
      gsize n = strlen (digits);

      for (gsize i = 0; i < n; i++)
        {
          if (i > 0 && (n - i) % 3 == 0)
            g_string_append_c (s, ',');
          g_string_append_c (s, digits[i]);
        }
      return g_string_free (s, FALSE);
    }
  if (a >= 100)
    return g_strdup_printf ("%.1f", value);
  if (a >= 1 || a == 0)
    return g_strdup_printf ("%.2f", value);
  return g_strdup_printf ("%.3g", value);
}

static gboolean
collect_leaf (CrkFrameworkNode *node, gpointer user_data)
{
  if (crk_framework_node_is_leaf (node))
    g_ptr_array_add (user_data, node);
  return TRUE;
}

static GPtrArray *
profile_rows (CrkReport *self, guint city)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  GPtrArray *dims = crk_dataset_get_dimensions (dataset);
  int year_index = crk_dataset_lookup_year (dataset, crk_results_get_year (r));
  GPtrArray *rows = g_ptr_array_new ();
  Row *row;

  row = g_new0 (Row, 1);
  row->cells = g_new0 (char *, 6);
  row->cells[0] = g_strdup (_ ("Indicator"));
  row->cells[1] = g_strdup (_ ("Value"));
  row->cells[2] = g_strdup (_ ("Unit"));
  row->cells[3] = g_strdup (_ ("Score"));
  row->cells[4] = g_strdup (_ ("Rank"));
  row->flags = CRK_ROW_HEADER;
  g_ptr_array_add (rows, row);

  for (guint d = 0; dims != NULL && d < dims->len; d++)
    {
      CrkFrameworkNode *dim = g_ptr_array_index (dims, d);
      int dim_index = crk_results_lookup_node (r, crk_framework_node_get_code (dim));
      g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
      guint dim_rank = dim_index >= 0 ? crk_results_get_node_rank (r, (guint) dim_index, city) : 0;

      row = g_new0 (Row, 1);
      row->cells = g_new0 (char *, 6);
      row->cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (dim), -1);
      row->cells[1] = g_strdup ("");
      row->cells[2] = g_strdup ("");
      row->cells[3] = crk_report_format_score (
        dim_index >= 0 ? crk_results_get_score (r, (guint) dim_index, city) : NAN);
      row->cells[4] = dim_rank > 0 ? g_strdup_printf ("%u", dim_rank) : g_strdup ("–");
      row->flags = CRK_ROW_STRONG | CRK_ROW_RULE;
      g_ptr_array_add (rows, row);

      if (crk_framework_node_is_leaf (dim))
        continue;
      crk_framework_node_foreach (dim, collect_leaf, leaves);
      for (guint l = 0; l < leaves->len; l++)
        {
          CrkFrameworkNode *leaf = g_ptr_array_index (leaves, l);
          CrkIndicator *indicator = crk_framework_node_get_indicator (leaf);
          int node = crk_results_lookup_node (r, crk_framework_node_get_code (leaf));
          double raw = NAN;
          guint rank = node >= 0 ? crk_results_get_indicator_rank (r, (guint) node, city) : 0;
          g_autofree char *value = NULL;

          if (indicator != NULL && year_index >= 0)
            raw = crk_dataset_get_value (dataset, city, crk_indicator_get_index (indicator),
                                         (guint) year_index);
          value = format_value (raw);

          row = g_new0 (Row, 1);
          row->cells = g_new0 (char *, 6);
          row->cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (leaf), -1);
          if (!isnan (raw) && indicator != NULL &&
              crk_dataset_get_value_status (dataset, city, crk_indicator_get_index (indicator),
                                            (guint) year_index) != CRK_VALUE_STATUS_OBSERVED)
            row->cells[1] = g_strdup_printf ("<i>%s*</i>", value);
          else
            row->cells[1] = g_strdup (value);
          row->cells[2] = g_markup_escape_text (
            indicator != NULL && crk_indicator_get_display_unit (indicator) != NULL
              ? crk_indicator_get_display_unit (indicator)
              : "",
            -1);
          row->cells[3] = crk_report_format_score (
            node >= 0 ? crk_results_get_score (r, (guint) node, city) : NAN);
          row->cells[4] = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
          row->flags = CRK_ROW_INDENT (1);
          g_ptr_array_add (rows, row);
        }
    }
  return rows;
}

static void
rows_free (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      g_strfreev (row->cells);
      g_free (row);
    }
  g_ptr_array_unref (rows);
}

static void
set_columns (CrkReportTable *table, double width, double font_size)
{
  /* Half-page tables (split) give the names less room and the numbers more. */
  static const double full[5] = {0.50, 0.14, 0.16, 0.10, 0.10};
  static const double half[5] = {0.42, 0.16, 0.18, 0.14, 0.10};
  const double *share = width < 300 ? half : full;
  static const guint flags[5] = {
    CRK_COLUMN_WRAP, CRK_COLUMN_NUMBER, CRK_COLUMN_WRAP, CRK_COLUMN_NUMBER, CRK_COLUMN_NUMBER,
  };

  memset (table, 0, sizeof *table);
  table->n_columns = 5;
  table->font_size = font_size;
  table->header = -1;
  table->zebra = FALSE;
  table->pad_y = 1.4;
  table->width = width;
  for (guint c = 0; c < 5; c++)
    {
      table->flags[c] = flags[c];
      table->widths[c] = width * share[c];
    }
}

/* Draws (or only measures) rows [@first, @last) with the header first; returns the height. */
static double
draw_rows (cairo_t *cr,
           const CrkReportTable *table,
           GPtrArray *rows,
           guint first,
           guint last,
           double x,
           double y,
           gboolean draw)
{
  double y0 = y;

  for (guint i = 0; i < last; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (i != 0 && i < first)
        continue;
      y += crk_report_table_row (cr, table, row->cells, row->flags, 0, x, y, draw);
    }
  return y - y0;
}

static char *
names_list (CrkReport *self, GArray *nodes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; nodes != NULL && i < MIN (nodes->len, MAX_LISTED); i++)
    {
      guint node = g_array_index (nodes, guint, i);
      CrkFrameworkNode *leaf = crk_results_get_node (self->results, node);
      g_autofree char *name = g_markup_escape_text (crk_framework_node_get_display_name (leaf), -1);

      g_string_append_printf (s, "%s•\t%s", i > 0 ? "\n" : "", name);
    }
  if (nodes != NULL && nodes->len > MAX_LISTED)
    {
      guint more = nodes->len - MAX_LISTED;
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);

      g_string_append_printf (s, "\n<i>%s</i>", text);
    }
  if (s->len == 0)
    g_string_append_printf (s, "<i>%s</i>", _ ("none stands out"));
  return g_string_free (s, FALSE);
}

static void
draw_key_figure (cairo_t *cr,
                 const char *label,
                 const char *value,
                 double x,
                 double y,
                 double width)
{
  const CrkStyle *style = crk_report_get_style ();
  g_autoptr (PangoLayout) l = text_layout (cr, NULL, 7, PANGO_WEIGHT_NORMAL, width - 12);
  g_autoptr (PangoLayout) v = text_layout (cr, value, 13, PANGO_WEIGHT_BOLD, width - 12);

  pango_layout_set_text (l, label, -1);
  crk_text_layout_ellipsize (l, width - 12);
  crk_text_layout_ellipsize (v, width - 12);
  crk_report_show_layout (cr, l, x + 8, y + 5, &style->secondary);
  crk_report_show_layout (cr, v, x + 8, y + 16, &accent);
}

/* Fits the indicator table of @city's page: what is left goes to the radar and the text.
 * The font shrinks to fit (text height is close to proportional to it), and below a
 * readable size the table splits into two side by side. Every profile has the same rows
 * (the framework's), so the report does this once and every page uses the result. */
void
crk_report_fit_profiles (CrkReport *self, cairo_t *cr, guint city, double width, double height)
{
  GPtrArray *rows = profile_rows (self, city);
  double avail = height - TOP_HEIGHT - MIN_BAND_SHARE * height - TABLE_HEADING;
  double font = 7.6, table_h;
  CrkReportTable table;

  self->profile_split = FALSE;
  self->profile_split_at = rows->len;
  set_columns (&table, width, font);
  table_h = draw_rows (cr, &table, rows, 1, rows->len, 0, 0, FALSE);
  for (guint attempt = 0; attempt < 3 && table_h > avail && font > MIN_FONT; attempt++)
    {
      font = MAX (MIN_FONT, font * avail / table_h - 0.05);
      set_columns (&table, width, font);
      table_h = draw_rows (cr, &table, rows, 1, rows->len, 0, 0, FALSE);
    }
  if (table_h > avail)
    {
      /* Two tables side by side, split at a dimension near the middle. */
      guint best = rows->len / 2;

      for (guint i = 1; i < rows->len; i++)
        if ((((Row *) g_ptr_array_index (rows, i))->flags & CRK_ROW_STRONG) &&
            abs ((int) i - (int) rows->len / 2) < abs ((int) best - (int) rows->len / 2))
          best = i;
      self->profile_split = TRUE;
      self->profile_split_at = best;
      font = 6.6;
      set_columns (&table, (width - 14) / 2, font);
      table_h = MAX (draw_rows (cr, &table, rows, 1, best, 0, 0, FALSE),
                     draw_rows (cr, &table, rows, best, rows->len, 0, 0, FALSE));
    }
  self->profile_font = font;
  self->profile_table_height = table_h;
  self->profile_fitted = TRUE;
  rows_free (rows);
}

/* The lowest and highest dimension score of any city (NAN when none). */
static void
dimension_range (CrkResults *r, double *min, double *max)
{
  CrkFrameworkNode *root = crk_results_get_node (r, 0);

  *min = *max = NAN;
  for (guint i = 0; i < crk_framework_node_get_n_children (root); i++)
    {
      int node = crk_results_lookup_node (
        r, crk_framework_node_get_code (crk_framework_node_get_child (root, i)));
      const double *scores = node >= 0 ? crk_results_peek_scores (r, (guint) node) : NULL;

      for (guint c = 0; scores != NULL && c < crk_results_get_n_cities (r); c++)
        if (!isnan (scores[c]))
          {
            *min = isnan (*min) ? scores[c] : MIN (*min, scores[c]);
            *max = isnan (*max) ? scores[c] : MAX (*max, scores[c]);
          }
    }
}

/* The title: the rank in a badge of the tier's colour, the names, where the city is. */
static void
draw_profile_title (CrkReport *self,
                    cairo_t *cr,
                    guint city,
                    const CrkRGBA *tier_colour,
                    double x,
                    double y,
                    double width)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  CrkCity *c = crk_dataset_get_city (dataset, city);
  guint rank = crk_results_get_rank (self->results, city);
  g_autofree char *rank_text = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
  g_autoptr (PangoLayout) badge =
    text_layout (cr, NULL, rank >= 100 ? 16 : 20, PANGO_WEIGHT_BOLD, -1);
  g_autofree char *name = crk_report_city_markup (c);
  g_autofree char *name_markup = g_strdup_printf ("<span size=\"x-large\">%s</span>", name);
  g_autoptr (PangoLayout) title = text_layout (cr, name_markup, 13, PANGO_WEIGHT_BOLD, width - 70);
  g_autofree char *where = NULL;
  g_autoptr (PangoLayout) place = NULL;
  const char *province =
    crk_dataset_get_group_display_name (dataset, "province", crk_city_get_province (c));
  const char *region =
    crk_dataset_get_group_display_name (dataset, "region", crk_city_get_region (c));
  double bw, bh, th;

  cairo_save (cr);
  crk_rgba_set_source (cr, tier_colour);
  cairo_rectangle (cr, x, y, 50, 50);
  cairo_fill (cr);
  cairo_restore (cr);
  pango_layout_set_text (badge, rank_text, -1);
  crk_text_layout_get_size (badge, &bw, &bh);
  crk_report_show_layout (cr, badge, x + (50 - bw) / 2, y + (50 - bh) / 2,
                          crk_rgba_get_luminance (tier_colour) > 0.5 ? &style->foreground : &white);

  crk_text_layout_ellipsize (title, width - 66);
  crk_text_layout_get_size (title, NULL, &th);
  crk_report_show_layout (cr, title, x + 62, y - 2, &accent);
  if (province != NULL && *province != '\0' && region != NULL && *region != '\0')
    where = g_strdup_printf ("%s · %s", province, region);
  else
    where = g_strdup (province != NULL && *province != '\0' ? province
                        : region != NULL                    ? region
                                                            : "");
  place = text_layout (cr, NULL, 9.5, PANGO_WEIGHT_NORMAL, width - 66);
  pango_layout_set_text (place, where, -1);
  crk_report_show_layout (cr, place, x + 62, y + th, &style->secondary);
}

/* Key figures: score, rank, change, tier and the published rank, in a strip at @sy. */
static void
draw_profile_figures (CrkReport *self,
                      cairo_t *cr,
                      guint city,
                      const CrkRGBA *tier_colour,
                      double x,
                      double sy,
                      double width)
{
  CrkResults *r = self->results;
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (r), city);
  guint rank = crk_results_get_rank (r, city);
  int tier = crk_results_get_tier (r, city);
  double cw = width / 5;
  g_autofree char *score = crk_report_format_score (crk_results_get_index_score (r, city));
  g_autofree char *rank_value = NULL;
  g_autofree char *change = crk_report_format_change (self, city, TRUE);
  g_autofree char *change_label = NULL;
  g_autofree char *ref_label = NULL;
  g_autofree char *ref_value = NULL;
  g_autofree char *tier_value = NULL;
  guint ref = crk_city_get_reference_rank (c, crk_results_get_year (r));

  cairo_save (cr);
  crk_rgba_set_source (cr, &strip_fill);
  cairo_rectangle (cr, x, sy, width, 38);
  cairo_fill (cr);
  crk_rgba_set_source (cr, tier_colour);
  cairo_rectangle (cr, x, sy, 3, 38);
  cairo_fill (cr);
  cairo_restore (cr);

  rank_value = rank > 0
    ? g_strdup_printf (_ ("%u <span size=\"small\" weight=\"normal\">of %u</span>"), rank,
                       crk_results_get_n_ranked (r))
    : g_strdup (_ ("not ranked"));
  if (crk_results_has_base_year (r))
    change_label = g_strdup_printf (_ ("Change since %d"), crk_results_get_base_year (r));
  else
    change_label = g_strdup (_ ("Change"));
  if (change == NULL || *change == '\0')
    {
      g_free (change);
      change = g_strdup ("–");
    }
  tier_value =
    g_markup_escape_text (tier >= 0 ? crk_results_get_tier_name (r, (guint) tier) : "–", -1);
  ref_label = g_strdup_printf (_ ("Published rank %d"), crk_results_get_year (r));
  ref_value = ref > 0 ? g_strdup_printf ("%u", ref) : g_strdup ("–");

  draw_key_figure (cr, _ ("Score"), score, x, sy, cw);
  draw_key_figure (cr, _ ("Rank"), rank_value, x + cw, sy, cw);
  draw_key_figure (cr, change_label, change, x + 2 * cw, sy, cw);
  draw_key_figure (cr, _ ("Tier"), tier_value, x + 3 * cw, sy, cw);
  draw_key_figure (cr, ref_label, ref_value, x + 4 * cw, sy, cw);
}

/* The profile's radar: the city against the report's benchmark, on the scale shared by
 * every profile. */
static void
set_profile_radar (CrkReport *self, CrkChartOptions *radar, guint city)
{
  CrkResults *r = self->results;
  int tier = crk_results_get_tier (r, city);

  crk_chart_options_set_cities (radar, &city, 1);
  radar->style = CRK_CHART_STYLE_LIGHT;
  radar->radar_axes = CRK_RADAR_AXES_DIMENSIONS;
  radar->legend = CRK_LEGEND_BOTTOM;
  radar->font_scale = 0.72;
  switch (crk_report_options_get_benchmark (self->options))
    {
      case CRK_REPORT_BENCHMARK_MEDIAN:
        radar->benchmark = CRK_BENCHMARK_MEDIAN;
        break;
      case CRK_REPORT_BENCHMARK_TIER_MEAN:
        radar->benchmark = tier >= 0 ? CRK_BENCHMARK_TIER_MEAN : CRK_BENCHMARK_MEDIAN;
        radar->benchmark_tier = -1;
        break;
      case CRK_REPORT_BENCHMARK_BASE_YEAR:
        if (self->base_results != NULL)
          {
            radar->benchmark = CRK_BENCHMARK_BASE_YEAR;
            crk_chart_options_set_base_results (radar, self->base_results);
          }
        else
          radar->benchmark = CRK_BENCHMARK_MEDIAN;
        break;
      case CRK_REPORT_BENCHMARK_NONE:
      default:
        radar->benchmark = CRK_BENCHMARK_NONE;
        break;
    }
  crk_chart_options_set_title (radar, "");
  crk_chart_options_set_subtitle (radar, "");
  crk_chart_options_set_source (radar, "");
  /* Every profile's radar on one scale, so that pages compare. */
  dimension_range (r, &radar->scale_min, &radar->scale_max);
}

/* The band at @by, @band_h high: the radar on the left; the description, strengths and
 * weaknesses on the right. */
static void
draw_profile_band (CrkReport *self,
                   cairo_t *cr,
                   guint city,
                   double x,
                   double by,
                   double width,
                   double band_h)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkResults *r = self->results;
  double rw = width * 0.47, tx = x + rw + 14, tw = width - rw - 14;
  double ty = by;
  g_autofree char *text = crk_report_dup_city_text (self, city);
  g_autoptr (PangoLayout) description = NULL;
  g_autoptr (CrkChartOptions) radar = crk_chart_options_new (CRK_CHART_RADAR);
  g_autoptr (GArray) strengths = NULL;
  g_autoptr (GArray) weaknesses = NULL;
  double h;

  set_profile_radar (self, radar, city);
  cairo_save (cr);
  cairo_translate (cr, x, by);
  cairo_rectangle (cr, 0, 0, rw, band_h);
  cairo_clip (cr);
  crk_chart_draw (cr, r, radar, rw, band_h, NULL);
  cairo_restore (cr);

  description = text_layout (cr, text, 8.6, PANGO_WEIGHT_NORMAL, tw);
  pango_layout_set_line_spacing (description, 0.92);
  crk_text_layout_get_size (description, NULL, &h);
  if (h > band_h * 0.5)
    {
      /* Keep room for the lists: cut the description at a line. */
      pango_layout_set_height (description, (int) (band_h * 0.5 * PANGO_SCALE));
      pango_layout_set_ellipsize (description, PANGO_ELLIPSIZE_END);
      crk_text_layout_get_size (description, NULL, &h);
    }
  crk_report_show_layout (cr, description, tx, ty, &style->foreground);
  ty += h + 8;

  strengths = crk_results_dup_strengths (r, city);
  weaknesses = crk_results_dup_weaknesses (r, city);
  for (guint k = 0; k < 2; k++)
    {
      GArray *nodes = k == 0 ? strengths : weaknesses;
      g_autoptr (PangoLayout) heading = text_layout (cr, NULL, 8.6, PANGO_WEIGHT_BOLD, tw / 2 - 6);
      g_autofree char *list = names_list (self, nodes);
      g_autoptr (PangoLayout) items = text_layout (cr, list, 7.8, PANGO_WEIGHT_NORMAL, tw / 2 - 6);
      double hx = tx + k * (tw / 2 + 6), hh;

      {
        PangoTabArray *tabs =
          pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, 9 * PANGO_SCALE);

        /* A hanging indent after the bullet. */
        pango_layout_set_tabs (items, tabs);
        pango_layout_set_indent (items, -9 * PANGO_SCALE);
        pango_tab_array_free (tabs);
      }
      pango_layout_set_text (heading, k == 0 ? _ ("Strengths") : _ ("Weaknesses"), -1);
      crk_text_layout_get_size (heading, NULL, &hh);
      crk_report_show_layout (cr, heading, hx, ty, k == 0 ? &style->positive : &style->negative);
      pango_layout_set_height (items, (int) (MAX (by + band_h - ty - hh - 2, 10) * PANGO_SCALE));
      pango_layout_set_ellipsize (items, PANGO_ELLIPSIZE_END);
      crk_report_show_layout (cr, items, hx, ty + hh + 2, &style->foreground);
    }
}

/* The indicator table's heading and its note on what the columns hold. */
static void
draw_table_heading (CrkReport *self, cairo_t *cr, double x, double table_top, double width)
{
  const CrkStyle *style = crk_report_get_style ();
  g_autoptr (PangoLayout) heading = text_layout (cr, NULL, 10, PANGO_WEIGHT_BOLD, width);
  g_autoptr (PangoLayout) note = NULL;
  double hh;

  pango_layout_set_text (heading, _ ("Indicators"), -1);
  crk_text_layout_get_size (heading, NULL, &hh);
  crk_report_show_layout (cr, heading, x, table_top, &accent);
  {
    int root = 0;
    g_autofree char *scale = crk_chart_dup_scale_name (self->results, &root, 1);
    g_autofree char *text = crk_unit_kind_format_text (
      crk_report_unit_kind (self), CRK_UNIT_WORD_PROFILE_KEY, scale != NULL ? scale : "–");
    double size = 6.8, w;

    /* A longer scale (mixed, z-scores) takes smaller text before anything is cut. */
    for (;;)
      {
        g_clear_object (&note);
        note = text_layout (cr, NULL, size, PANGO_WEIGHT_NORMAL, -1);
        pango_layout_set_text (note, text, -1);
        crk_text_layout_get_size (note, &w, NULL);
        if (w <= width || size <= 5.6)
          break;
        size = MAX (5.6, size * width / w);
      }
  }
  crk_text_layout_ellipsize (note, width);
  crk_report_show_layout (cr, note, x, table_top + hh, &style->secondary);
}

void
crk_report_draw_profile_page (CrkReport *self,
                              cairo_t *cr,
                              guint city,
                              double x,
                              double y,
                              double width,
                              double height)
{
  CrkResults *r = self->results;
  int tier = crk_results_get_tier (r, city);
  guint n_tiers = crk_results_get_n_tiers (r);
  CrkRGBA tier_colour = accent;
  GPtrArray *rows = profile_rows (self, city);
  CrkReportTable table;
  double font, table_h, band_h, table_top;
  gboolean split;
  guint split_at;

  if (tier >= 0 && n_tiers > 0)
    crk_palette_get_category (CRK_CHART_STYLE_LIGHT, (guint) tier, n_tiers, &tier_colour);

  if (!self->profile_fitted)
    crk_report_fit_profiles (self, cr, city, width, height);
  font = self->profile_font;
  split = self->profile_split;
  split_at = MIN (self->profile_split_at, rows->len);
  table_h = self->profile_table_height;
  band_h = CLAMP (height - TOP_HEIGHT - TABLE_HEADING - table_h - 4, 120, MAX_BAND);

  draw_profile_title (self, cr, city, &tier_colour, x, y, width);
  draw_profile_figures (self, cr, city, &tier_colour, x, y + 60, width);
  draw_profile_band (self, cr, city, x, y + TOP_HEIGHT, width, band_h);

  /* The indicator table. */
  table_top = y + TOP_HEIGHT + band_h + 4;
  draw_table_heading (self, cr, x, table_top, width);
  table_top += TABLE_HEADING;
  if (split)
    {
      set_columns (&table, (width - 14) / 2, font);
      draw_rows (cr, &table, rows, 1, split_at, x, table_top, TRUE);
      draw_rows (cr, &table, rows, split_at, rows->len, x + table.width + 14, table_top, TRUE);
    }
  else
    {
      set_columns (&table, width, font);
      draw_rows (cr, &table, rows, 1, rows->len, x, table_top, TRUE);
    }
  rows_free (rows);
}
