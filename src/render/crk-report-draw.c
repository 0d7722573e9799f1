/* crk-report-draw.c: measuring and drawing the report's blocks and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-report-private.h"
#include "crk-chart-private.h"

#include "crk-locale.h"

#define ACCENT_HEX 0x1F3A5F

static const CrkRGBA accent = {0x1F / 255.0, 0x3A / 255.0, 0x5F / 255.0, 1};
static const CrkRGBA rule_grey = {0.72, 0.72, 0.72, 1};
static const CrkRGBA zebra_fill = {0.955, 0.962, 0.972, 1};
static const CrkRGBA header_fill = {0.90, 0.925, 0.95, 1};
static const CrkRGBA group_fill = {0.86, 0.895, 0.93, 1};

void
crk_report_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y, const CrkRGBA *rgba)
{
  cairo_save (cr);
  if (rgba != NULL)
    crk_rgba_set_source (cr, rgba);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A context for measuring: unhinted metrics (crk_text) make the sizes match any target. */
cairo_t *
crk_report_measure_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static PangoLayout *
markup_layout (cairo_t *cr,
               const char *markup,
               double size,
               PangoWeight weight,
               double width,
               PangoAlignment alignment)
{
  PangoLayout *layout = crk_text_layout_new (cr, NULL, size, weight);

  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  crk_text_layout_set_width (layout, width, alignment);
  return layout;
}

static void
add_attribute (PangoLayout *layout, PangoAttribute *attribute)
{
  PangoAttrList *current = pango_layout_get_attributes (layout);
  PangoAttrList *attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();

  pango_attr_list_insert_before (attrs, attribute);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
add_tabular_figures (PangoLayout *layout)
{
  add_attribute (layout, pango_attr_font_features_new ("tnum=1"));
}

static void
fill_rect (cairo_t *cr, const CrkRGBA *rgba, double x, double y, double width, double height)
{
  crk_rgba_set_source (cr, rgba);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
hline (cairo_t *cr, const CrkRGBA *rgba, double line_width, double x0, double x1, double y)
{
  crk_rgba_set_source (cr, rgba);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* Tables */

static PangoAlignment
column_alignment (guint flags)
{
  if (flags & CRK_COLUMN_NUMBER)
    return PANGO_ALIGN_RIGHT;
  if (flags & CRK_COLUMN_CENTER)
    return PANGO_ALIGN_CENTER;
  return PANGO_ALIGN_LEFT;
}

/* Lays out (and draws when @draw) one row; returns its height. */
double
crk_report_table_row (cairo_t *cr,
                      const CrkReportTable *table,
                      char **cells,
                      guint flags,
                      guint row,
                      double x,
                      double y,
                      gboolean draw)
{
  const CrkStyle *style = crk_report_get_style ();
  gboolean header = (flags & CRK_ROW_HEADER) != 0;
  PangoWeight weight = header || (flags & CRK_ROW_STRONG) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  double size = header ? table->font_size - 0.3 : table->font_size;
  PangoLayout *layouts[CRK_REPORT_MAX_COLUMNS] = {NULL};
  double heights[CRK_REPORT_MAX_COLUMNS] = {0};
  double height = 0;
  double indent = CRK_ROW_GET_INDENT (flags) * CRK_REPORT_INDENT_STEP;
  double cx;

  for (guint c = 0; c < table->n_columns && cells[c] != NULL; c++)
    {
      double w = table->widths[c] - 2 * CRK_REPORT_CELL_PAD_X - (c == 0 ? indent : 0);
      PangoAttrList *attrs;

      layouts[c] = crk_text_layout_new (cr, NULL, size, weight);
      pango_layout_set_markup (layouts[c], cells[c], -1);
      crk_text_layout_set_width (layouts[c], MAX (w, 1), column_alignment (table->flags[c]));
      attrs = pango_layout_get_attributes (layouts[c]);
      attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
      if (table->flags[c] & CRK_COLUMN_NUMBER)
        pango_attr_list_insert_before (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_attr_list_insert_before (attrs,
                                     pango_attr_line_height_new_absolute (
                                       (int) (CRK_REPORT_CELL_LINE_HEIGHT * size * PANGO_SCALE)));
      pango_layout_set_attributes (layouts[c], attrs);
      pango_attr_list_unref (attrs);
      crk_text_layout_get_size (layouts[c], NULL, &heights[c]);
      height = MAX (height, heights[c]);
    }
  height += 2 * table->pad_y;

  if (draw)
    {
      if (header)
        fill_rect (cr, &header_fill, x, y, table->width, height);
      else if (table->zebra && row % 2 == 1)
        fill_rect (cr, &zebra_fill, x, y, table->width, height);
      if (flags & CRK_ROW_RULE)
        hline (cr, &rule_grey, 0.5, x, x + table->width, y + 0.25);

      cx = x;
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (layouts[c] != NULL)
            {
              /* Headers sit on the bottom line; body cells at the top. */
              double cy = header ? y + height - table->pad_y - heights[c] : y + table->pad_y;

              crk_report_show_layout (cr, layouts[c],
                                      cx + CRK_REPORT_CELL_PAD_X + (c == 0 ? indent : 0), cy,
                                      &style->foreground);
            }
          cx += table->widths[c];
        }
      if (header)
        hline (cr, &accent, 0.9, x, x + table->width, y + height);
    }

  for (guint c = 0; c < CRK_REPORT_MAX_COLUMNS; c++)
    g_clear_object (&layouts[c]);
  return height;
}

static double
cell_natural_width (cairo_t *cr,
                    const char *markup,
                    double size,
                    PangoWeight weight,
                    double *min_width)
{
  g_autoptr (PangoLayout) layout = markup_layout (cr, markup, size, weight, -1, PANGO_ALIGN_LEFT);
  double width;

  crk_text_layout_get_size (layout, &width, NULL);
  if (min_width != NULL)
    *min_width = crk_text_layout_get_min_width (layout);
  return width;
}

/* Column widths for @rows (each a char ** of cells; the header first when @header): the
 * natural widths when they fit, else wrapping columns (headers first) shrink towards
 * their longest word. Returns the width the table needs with one-line body cells. */
static double
fit_columns (cairo_t *cr,
             CrkReportTable *table,
             GPtrArray *rows,
             gboolean header,
             double indent,
             double width)
{
  double natural[CRK_REPORT_MAX_COLUMNS] = {0};
  double minimum[CRK_REPORT_MAX_COLUMNS] = {0};
  double compact[CRK_REPORT_MAX_COLUMNS] = {0};
  double total = 0, total_min = 0, compact_total = 0;
  guint n_expand = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      gboolean is_header = header && r == 0;

      for (guint c = 0; c < table->n_columns && cells[c] != NULL; c++)
        {
          double min_w = 0;
          double w =
            cell_natural_width (cr, cells[c], is_header ? table->font_size - 0.3 : table->font_size,
                                is_header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, &min_w);

          natural[c] = MAX (natural[c], w);
          if (is_header)
            {
              /* A header may wrap to its longest word rather than widen the column. */
              minimum[c] = MAX (minimum[c], min_w);
              compact[c] = MAX (compact[c], min_w);
            }
          else
            {
              minimum[c] = MAX (minimum[c], (table->flags[c] & CRK_COLUMN_WRAP) ? min_w : w);
              compact[c] = MAX (compact[c], w);
            }
        }
    }
  natural[0] += indent;
  minimum[0] += indent;
  compact[0] += indent;
  for (guint c = 0; c < table->n_columns; c++)
    {
      natural[c] += 2 * CRK_REPORT_CELL_PAD_X + 0.5;
      minimum[c] += 2 * CRK_REPORT_CELL_PAD_X + 0.5;
      compact[c] += 2 * CRK_REPORT_CELL_PAD_X + 0.5;
      total += natural[c];
      total_min += minimum[c];
      compact_total += compact[c];
      if (table->flags[c] & CRK_COLUMN_EXPAND)
        n_expand++;
    }

  if (total <= width)
    {
      double extra = width - total;

      for (guint c = 0; c < table->n_columns; c++)
        {
          table->widths[c] = natural[c];
          if (n_expand > 0 && (table->flags[c] & CRK_COLUMN_EXPAND))
            table->widths[c] += extra / n_expand;
          else if (n_expand == 0)
            table->widths[c] += extra / table->n_columns;
        }
    }
  else if (compact_total <= width)
    {
      /* Wrap the headers first, in proportion to what they give up. */
      double slack = total - compact_total;
      double cut = total - width;

      for (guint c = 0; c < table->n_columns; c++)
        table->widths[c] = natural[c] - (slack > 0 ? (natural[c] - compact[c]) * cut / slack : 0);
    }
  else if (total_min <= width)
    {
      /* Then the body cells that can wrap. */
      double slack = compact_total - total_min;
      double cut = compact_total - width;

      for (guint c = 0; c < table->n_columns; c++)
        table->widths[c] = compact[c] - (slack > 0 ? (compact[c] - minimum[c]) * cut / slack : 0);
    }
  else
    for (guint c = 0; c < table->n_columns; c++)
      table->widths[c] = minimum[c] * width / total_min;

  table->width = 0;
  for (guint c = 0; c < table->n_columns; c++)
    table->width += table->widths[c];
  /* What the table needs with one-line cells and headers wrapped to their words. */
  return compact_total;
}

double
crk_report_fit_table (CrkReport *self,
                      cairo_t *cr,
                      CrkReportTable *table,
                      guint table_index,
                      double width)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  gboolean header = FALSE;
  double indent = 0;

  if (table->header >= 0)
    {
      g_ptr_array_add (rows, g_array_index (self->blocks, CrkBlock, table->header).cells);
      header = TRUE;
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const CrkBlock *b = &g_array_index (self->blocks, CrkBlock, i);

      if (b->kind == CRK_BLOCK_ROW && b->table == (int) table_index && !(b->flags & CRK_ROW_HEADER))
        {
          g_ptr_array_add (rows, b->cells);
          indent = MAX (indent, CRK_ROW_GET_INDENT (b->flags) * CRK_REPORT_INDENT_STEP);
        }
    }
  return fit_columns (cr, table, rows, header, indent, width);
}

/* Blocks */

static double
block_layout (CrkReport *self,
              cairo_t *cr,
              const CrkBlock *block,
              double x,
              double y,
              double width,
              gboolean draw)
{
  const CrkStyle *style = crk_report_get_style ();
  g_autoptr (PangoLayout) layout = NULL;
  double h = 0;

  switch (block->kind)
    {
      case CRK_BLOCK_H1:
        layout = markup_layout (cr, block->markup, CRK_REPORT_H1_SIZE, PANGO_WEIGHT_BOLD, width,
                                PANGO_ALIGN_LEFT);
        crk_text_layout_get_size (layout, NULL, &h);
        if (draw)
          {
            crk_report_show_layout (cr, layout, x, y, &accent);
            hline (cr, &accent, 1.5, x, x + width, y + h + 4);
          }
        return h + 16;

      case CRK_BLOCK_H2:
        layout = markup_layout (cr, block->markup, CRK_REPORT_H2_SIZE, PANGO_WEIGHT_BOLD, width,
                                PANGO_ALIGN_LEFT);
        crk_text_layout_get_size (layout, NULL, &h);
        if (draw)
          crk_report_show_layout (cr, layout, x, y, &accent);
        return h + 5;

      case CRK_BLOCK_PARAGRAPH:
        layout = markup_layout (cr, block->markup, CRK_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, width,
                                PANGO_ALIGN_LEFT);
        pango_layout_set_line_spacing (layout, 0.92);
        crk_text_layout_get_size (layout, NULL, &h);
        if (draw)
          crk_report_show_layout (cr, layout, x, y, &style->foreground);
        return h + 6;

      case CRK_BLOCK_NOTE:
        layout = markup_layout (cr, block->markup, CRK_REPORT_NOTE_SIZE, PANGO_WEIGHT_NORMAL, width,
                                PANGO_ALIGN_LEFT);
        crk_text_layout_get_size (layout, NULL, &h);
        if (draw)
          crk_report_show_layout (cr, layout, x, y, &style->secondary);
        return h + 5;

      case CRK_BLOCK_BULLET:
        {
          g_autoptr (PangoLayout) bullet = markup_layout (
            cr, "•", CRK_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT);

          layout = markup_layout (cr, block->markup, CRK_REPORT_BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                  width - 12, PANGO_ALIGN_LEFT);
          pango_layout_set_line_spacing (layout, 0.92);
          crk_text_layout_get_size (layout, NULL, &h);
          if (draw)
            {
              crk_report_show_layout (cr, bullet, x + 2, y, &accent);
              crk_report_show_layout (cr, layout, x + 12, y, &style->foreground);
            }
          return h + 4;
        }

      case CRK_BLOCK_ROW:
        {
          const CrkReportTable *table = &g_array_index (self->tables, CrkReportTable, block->table);
          double hr =
            crk_report_table_row (cr, table, block->cells, block->flags, block->row, x, y, draw);

          /* A little air after the last row of a table. */
          return hr;
        }

      case CRK_BLOCK_GROUP:
        {
          const CrkReportTable *table = &g_array_index (self->tables, CrkReportTable, block->table);

          layout = markup_layout (cr, block->markup, table->font_size + 0.4, PANGO_WEIGHT_NORMAL,
                                  table->width - 2 * CRK_REPORT_CELL_PAD_X, PANGO_ALIGN_LEFT);
          crk_text_layout_get_size (layout, NULL, &h);
          h += 2 * CRK_REPORT_CELL_PAD_Y + 1;
          if (draw)
            {
              fill_rect (cr, &group_fill, x, y + 3, table->width, h);
              fill_rect (cr, &accent, x, y + 3, 2.5, h);
              crk_report_show_layout (cr, layout, x + CRK_REPORT_CELL_PAD_X + 2,
                                      y + 3 + CRK_REPORT_CELL_PAD_Y + 0.5, &accent);
            }
          return h + 3;
        }

      default:
        g_assert_not_reached ();
    }
  return 0;
}

double
crk_report_measure_block (CrkReport *self, cairo_t *cr, const CrkBlock *block, double width)
{
  return block_layout (self, cr, block, 0, 0, width, FALSE);
}

void
crk_report_draw_block (CrkReport *self,
                       cairo_t *cr,
                       const CrkBlock *block,
                       double x,
                       double y,
                       double width)
{
  block_layout (self, cr, block, x, y, width, TRUE);
}

/* Page furniture */

void
crk_report_draw_furniture (CrkReport *self,
                           cairo_t *cr,
                           const CrkPage *page,
                           double width,
                           double height)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  double left = CRK_REPORT_MARGIN_SIDE, right = width - CRK_REPORT_MARGIN_SIDE;
  double inner = right - left;
  const char *source = crk_dataset_get_display_source (dataset);
  g_autofree char *head_left = NULL;
  g_autofree char *foot_left = NULL;
  g_autofree char *foot_right = NULL;
  g_autoptr (PangoLayout) hl = NULL;
  g_autoptr (PangoLayout) hr = NULL;
  g_autoptr (PangoLayout) fl = NULL;
  g_autoptr (PangoLayout) fr = NULL;
  double w, h;

  head_left = g_markup_printf_escaped ("<b>%s</b>  %d", crk_dataset_get_display_title (dataset),
                                       crk_results_get_year (self->results));
  hr =
    markup_layout (cr, NULL, CRK_REPORT_FURNITURE_SIZE, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (hr, crk_report_get_section_title (self, page->section), -1);
  crk_text_layout_get_size (hr, &w, &h);
  crk_report_show_layout (cr, hr, right - w, 34, &style->secondary);
  hl = markup_layout (cr, head_left, CRK_REPORT_FURNITURE_SIZE, PANGO_WEIGHT_NORMAL, -1,
                      PANGO_ALIGN_LEFT);
  crk_text_layout_ellipsize (hl, MAX (inner - w - 24, 20));
  crk_report_show_layout (cr, hl, left, 34, &style->secondary);
  hline (cr, &rule_grey, 0.5, left, right, 34 + h + 3);

  /* TRANSLATORS: the page footer, "page 3 of 128" */
  foot_right = g_strdup_printf (_ ("page %u of %u"), page->number, self->n_numbered);
  fr =
    markup_layout (cr, NULL, CRK_REPORT_FURNITURE_SIZE, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (fr, foot_right, -1);
  crk_text_layout_get_size (fr, &w, &h);
  hline (cr, &rule_grey, 0.5, left, right, height - 42);
  crk_report_show_layout (cr, fr, right - w, height - 38, &style->secondary);

  if (source != NULL && *source != '\0')
    foot_left = g_strdup_printf (_ ("Source: %s · %s"), source, self->date_text);
  else
    foot_left = g_strdup (self->date_text);
  fl =
    markup_layout (cr, NULL, CRK_REPORT_FURNITURE_SIZE, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT);
  pango_layout_set_text (fl, foot_left, -1);
  crk_text_layout_ellipsize (fl, MAX (inner - w - 24, 20));
  crk_report_show_layout (cr, fl, left, height - 38, &style->secondary);
}

/* Title page */

void
crk_report_draw_title_page (CrkReport *self, cairo_t *cr, double width, double height)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkDataset *dataset = crk_results_get_dataset (self->results);
  const char *title = crk_dataset_get_display_title (dataset);
  const char *other = crk_locale_prefers_chinese () ? crk_dataset_get_title (dataset)
                                                    : crk_dataset_get_title_zh (dataset);
  const char *edition = crk_dataset_get_edition (dataset);
  const char *publisher = crk_dataset_get_display_publisher (dataset);
  const char *source = crk_dataset_get_display_source (dataset);
  double left = CRK_REPORT_MARGIN_SIDE + 18, inner = width - 2 * left;
  double y = height * 0.28;
  double h;
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *text = NULL;

  /* A band of colour across the top and a thin one at the foot. */
  fill_rect (cr, &accent, 0, 0, width, height * 0.16);
  fill_rect (cr, &accent, 0, height - 14, width, 14);

  if (publisher != NULL && *publisher != '\0')
    {
      g_clear_object (&layout);
      layout = markup_layout (cr, NULL, 10, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, publisher, -1);
      crk_text_layout_get_size (layout, NULL, &h);
      crk_report_show_layout (cr, layout, left, height * 0.16 - h - 14, &(CrkRGBA){1, 1, 1, 1});
    }

  g_clear_object (&layout);
  layout = markup_layout (cr, NULL, 30, PANGO_WEIGHT_BOLD, inner, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, title != NULL ? title : "", -1);
  pango_layout_set_line_spacing (layout, 0.9);
  crk_text_layout_get_size (layout, NULL, &h);
  crk_report_show_layout (cr, layout, left, y, &accent);
  y += h + 8;

  if (other != NULL && *other != '\0' && g_strcmp0 (other, title) != 0)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span lang=\"zh-cn\">%s</span>", other);

      g_clear_object (&layout);
      layout = markup_layout (cr, markup, 17, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (layout, NULL, &h);
      crk_report_show_layout (cr, layout, left, y, &style->secondary);
      y += h + 10;
    }

  hline (cr, &accent, 2, left, left + 72, y + 8);
  y += 24;

  g_clear_object (&layout);
  if (edition != NULL && *edition != '\0')
    text = g_strdup_printf (_ ("Ranking report · %s · data for %d"), edition,
                            crk_results_get_year (self->results));
  else
    text =
      g_strdup_printf (_ ("Ranking report · data for %d"), crk_results_get_year (self->results));
  layout = markup_layout (cr, NULL, 14, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  crk_text_layout_get_size (layout, NULL, &h);
  crk_report_show_layout (cr, layout, left, y, &style->foreground);
  y += h + 6;

  g_clear_object (&layout);
  g_free (text);
  text = crk_unit_kind_format_n_ranked (crk_report_unit_kind (self),
                                        crk_results_get_n_ranked (self->results));
  layout = markup_layout (cr, NULL, 11, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  crk_report_show_layout (cr, layout, left, y, &style->secondary);

  /* The foot: date, source, what made it. */
  y = height * 0.74;
  g_clear_object (&layout);
  layout = markup_layout (cr, NULL, 11, PANGO_WEIGHT_BOLD, inner, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, self->date_text, -1);
  crk_text_layout_get_size (layout, NULL, &h);
  crk_report_show_layout (cr, layout, left, y, &style->foreground);
  y += h + 10;

  if (source != NULL && *source != '\0')
    {
      const char *label = _ ("Source:");
      /* no space after a full-width colon (来源：) */
      g_autofree char *markup = g_markup_printf_escaped (
        "<b>%s</b>%s%s", label, crk_text_ends_wide (label, -1) ? "" : " ", source);

      g_clear_object (&layout);
      layout = markup_layout (cr, markup, 9, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
      crk_text_layout_get_size (layout, NULL, &h);
      crk_report_show_layout (cr, layout, left, y, &style->secondary);
      y += h + 6;
    }

  g_clear_object (&layout);
  g_free (text);
  text = g_strdup_printf (_ ("Computed and typeset with Cityrank %s."), PACKAGE_VERSION);
  layout = markup_layout (cr, NULL, 8, PANGO_WEIGHT_NORMAL, inner, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  crk_report_show_layout (cr, layout, left, y, &style->secondary);
}

/* Contents page */

typedef struct
{
  const char *title;
  guint page; /* page index */
  gboolean sub;
} Entry;

static void
collect_entries (CrkReport *self, GArray *entries)
{
  CrkReportSections last = 0;

  for (guint p = 0; p < self->pages->len; p++)
    {
      const CrkPage *page = &g_array_index (self->pages, CrkPage, p);

      if (page->kind == CRK_PAGE_TITLE || page->kind == CRK_PAGE_CONTENTS)
        continue;
      if (page->section != last)
        {
          Entry e = {crk_report_get_section_title (self, page->section), p, FALSE};

          g_array_append_val (entries, e);
          last = page->section;
        }
      if (page->kind == CRK_PAGE_FLOW)
        for (guint b = page->first_block; b < page->first_block + page->n_blocks; b++)
          {
            const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, b);

            if (block->kind == CRK_BLOCK_H2 && block->outline != NULL)
              {
                Entry e = {block->outline, p, TRUE};

                g_array_append_val (entries, e);
              }
          }
      else if (page->kind == CRK_PAGE_CHART && !page->continued)
        {
          const CrkReportChart *chart = g_ptr_array_index (self->charts, page->chart);
          Entry e = {chart->heading, p, TRUE};

          g_array_append_val (entries, e);
        }
      else if (page->kind == CRK_PAGE_TIERS)
        {
          Entry e = {_ ("Distribution by tier"), p, TRUE};

          g_array_append_val (entries, e);
        }
    }
}

void
crk_report_draw_contents_page (CrkReport *self, cairo_t *cr, double width, double height)
{
  const CrkStyle *style = crk_report_get_style ();
  double left = CRK_REPORT_MARGIN_SIDE, inner = width - 2 * left;
  double y = CRK_REPORT_MARGIN_TOP;
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  CrkBlock heading = {0};

  heading.kind = CRK_BLOCK_H1;
  heading.markup = (char *) crk_report_section_get_title (CRK_REPORT_SECTION_CONTENTS);
  y += block_layout (self, cr, &heading, left, y, inner, TRUE) + 6;

  collect_entries (self, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const CrkPage *page = &g_array_index (self->pages, CrkPage, e->page);
      double size = e->sub ? 9.5 : 11.5;
      double indent = e->sub ? 16 : 0;
      g_autoptr (PangoLayout) name =
        markup_layout (cr, NULL, size, e->sub ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                       inner - indent - 60, PANGO_ALIGN_LEFT);
      g_autoptr (PangoLayout) number = markup_layout (
        cr, NULL, size, e->sub ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_RIGHT);
      g_autofree char *num = g_strdup_printf ("%u", page->number);
      g_autofree char *link = g_strdup_printf ("page=%u", e->page + 1);
      double w, h, nw, nh;

      if (!e->sub && i > 0)
        y += 8;
      pango_layout_set_text (name, e->title, -1);
      pango_layout_set_text (number, num, -1);
      add_tabular_figures (number);
      crk_text_layout_get_size (name, &w, &h);
      crk_text_layout_get_size (number, &nw, &nh);
      if (y + h > height - CRK_REPORT_MARGIN_BOTTOM)
        break;

      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      crk_report_show_layout (cr, name, left + indent, y, e->sub ? &style->foreground : &accent);
      crk_report_show_layout (cr, number, left + inner - nw, y + h - nh,
                              e->sub ? &style->foreground : &accent);
      cairo_tag_end (cr, CAIRO_TAG_LINK);

      /* Dot leaders from the end of the title's last line to the number. */
      {
        PangoRectangle last_line;
        PangoLayoutIter *iter = pango_layout_get_iter (name);
        double x0, x1 = left + inner - nw - 6, ly;

        while (!pango_layout_iter_at_last_line (iter))
          pango_layout_iter_next_line (iter);
        pango_layout_iter_get_line_extents (iter, NULL, &last_line);
        ly = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
        pango_layout_iter_free (iter);
        x0 = left + indent + (double) (last_line.x + last_line.width) / PANGO_SCALE + 6;
        crk_rgba_set_source (cr, &rule_grey);
        cairo_new_path (cr);
        for (double x = ceil (x0 / 4) * 4; x < x1; x += 4)
          {
            cairo_arc (cr, x, ly - 0.6, 0.55, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
      y += h + (e->sub ? 3 : 5);
    }
}

/* Distribution by tier */

/* The index scores of the ranked cities: a histogram in round bins, stacked by tier, its
 * plot @plot_h high from @top (nothing when too low). */
static void
draw_score_histogram (CrkReport *self,
                      cairo_t *cr,
                      double x,
                      double top,
                      double width,
                      double plot_h)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkResults *r = self->results;
  guint n_tiers = crk_results_get_n_tiers (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  double plot_x = x + 28, plot_w = width - 28;
  double smin = INFINITY, smax = -INFINITY, bin = 5, start, end;
  guint n_bins, tallest = 1;
  g_autofree guint *stack = NULL;
  g_autoptr (PangoLayout) title = NULL;

  if (n_ranked == 0 || plot_h < 80)
    return;
  for (guint i = 0; i < n_ranked; i++)
    {
      double s = crk_results_get_index_score (r, order[i]);

      smin = MIN (smin, s);
      smax = MAX (smax, s);
    }
  /* Round bins from the scores, whatever their scale (0-100, z-scores). */
  crk_draw_nice_scale (smin, smax, 14, &start, &end, &bin);
  end = MAX (floor (smax / bin + 1e-9) * bin + bin, start + bin);
  n_bins = (guint) lround ((end - start) / bin);
  stack = g_new0 (guint, n_bins * (n_tiers + 1));
  for (guint i = 0; i < n_ranked; i++)
    {
      double s = crk_results_get_index_score (r, order[i]);
      guint b = MIN ((guint) floor ((s - start) / bin), n_bins - 1);
      int tier = crk_results_get_tier (r, order[i]);

      stack[b * (n_tiers + 1) + (tier >= 0 ? (guint) tier : n_tiers)]++;
    }
  for (guint b = 0; b < n_bins; b++)
    {
      guint sum = 0;

      for (guint t = 0; t <= n_tiers; t++)
        sum += stack[b * (n_tiers + 1) + t];
      tallest = MAX (tallest, sum);
    }

  title = markup_layout (cr, NULL, 10, PANGO_WEIGHT_BOLD, width, PANGO_ALIGN_LEFT);
  pango_layout_set_text (title, crk_report_unit_word (self, CRK_UNIT_WORD_INDEX_SCORES), -1);
  crk_report_show_layout (cr, title, x, top - 26, &style->foreground);

  /* Grid and count axis. */
  for (guint k = 0; k <= 4; k++)
    {
      double v = tallest * k / 4.0;
      double gy = top + plot_h - plot_h * k / 4.0;
      g_autofree char *t = g_strdup_printf ("%.0f", v);
      g_autoptr (PangoLayout) tick =
        markup_layout (cr, NULL, 7.5, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_RIGHT);
      double tw, th;

      hline (cr, &style->grid, 0.5, plot_x, plot_x + plot_w, gy);
      pango_layout_set_text (tick, t, -1);
      crk_text_layout_get_size (tick, &tw, &th);
      crk_report_show_layout (cr, tick, plot_x - tw - 4, gy - th / 2, &style->secondary);
    }
  for (guint b = 0; b < n_bins; b++)
    {
      double bx = plot_x + plot_w * b / n_bins;
      double bw = plot_w / n_bins;
      double by = top + plot_h;

      for (guint t = 0; t <= n_tiers; t++)
        {
          guint c = stack[b * (n_tiers + 1) + t];
          CrkRGBA colour;
          double h = plot_h * c / tallest;

          if (c == 0)
            continue;
          if (t < n_tiers)
            crk_palette_get_category (CRK_CHART_STYLE_LIGHT, t, n_tiers, &colour);
          else
            colour = style->axis;
          fill_rect (cr, &colour, bx + 1, by - h, bw - 2, h);
          by -= h;
        }
    }
  hline (cr, &style->axis, 0.8, plot_x, plot_x + plot_w, top + plot_h);
  for (guint b = 0; b <= n_bins; b++)
    {
      g_autofree char *t = crk_draw_format_tick (start + b * bin, bin);
      g_autoptr (PangoLayout) tick =
        markup_layout (cr, NULL, 7.5, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_CENTER);
      double tw, th;

      if (n_bins > 12 && b % 2 == 1)
        continue;
      pango_layout_set_text (tick, t, -1);
      crk_text_layout_get_size (tick, &tw, &th);
      crk_report_show_layout (cr, tick, plot_x + plot_w * b / n_bins - tw / 2, top + plot_h + 3,
                              &style->secondary);
    }
  {
    g_autoptr (PangoLayout) axis =
      markup_layout (cr, NULL, 8, PANGO_WEIGHT_NORMAL, plot_w, PANGO_ALIGN_CENTER);

    pango_layout_set_text (axis, crk_report_unit_word (self, CRK_UNIT_WORD_PER_BAND), -1);
    crk_report_show_layout (cr, axis, plot_x, top + plot_h + 16, &style->secondary);
  }
}

void
crk_report_draw_tiers_page (CrkReport *self,
                            cairo_t *cr,
                            double x,
                            double y,
                            double width,
                            double height)
{
  const CrkStyle *style = crk_report_get_style ();
  CrkResults *r = self->results;
  guint n_tiers = crk_results_get_n_tiers (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  g_autofree guint *counts = g_new0 (guint, n_tiers + 1);
  g_autofree double *lo = g_new (double, n_tiers + 1);
  g_autofree double *hi = g_new (double, n_tiers + 1);
  guint max_count = 1;
  double label_w = 0;
  double bar_h = 22, gap = 10;
  double y0 = y;
  CrkBlock heading = {0};
  g_autofree char *note = NULL;

  heading.kind = CRK_BLOCK_H2;
  heading.markup = (char *) _ ("Distribution by tier");
  y += block_layout (self, cr, &heading, x, y, width, TRUE);

  note = crk_unit_kind_format_year (crk_report_unit_kind (self), CRK_UNIT_WORD_TIER_COUNTS,
                                    crk_results_get_year (r));
  {
    CrkBlock n = {0};

    n.kind = CRK_BLOCK_NOTE;
    n.markup = note;
    y += block_layout (self, cr, &n, x, y, width, TRUE) + 10;
  }

  for (guint t = 0; t <= n_tiers; t++)
    {
      lo[t] = INFINITY;
      hi[t] = -INFINITY;
    }
  for (guint i = 0; i < n_ranked; i++)
    {
      int tier = crk_results_get_tier (r, order[i]);
      guint t = tier >= 0 ? (guint) tier : n_tiers;
      double s = crk_results_get_index_score (r, order[i]);

      counts[t]++;
      lo[t] = MIN (lo[t], s);
      hi[t] = MAX (hi[t], s);
    }
  for (guint t = 0; t <= n_tiers; t++)
    max_count = MAX (max_count, counts[t]);

  /* Counts: one horizontal bar per tier. */
  for (guint t = 0; t <= n_tiers; t++)
    {
      g_autoptr (PangoLayout) label = NULL;
      double w;

      if (t == n_tiers && counts[t] == 0)
        continue;
      label = markup_layout (cr, NULL, 9.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
      pango_layout_set_text (label, t < n_tiers ? crk_results_get_tier_name (r, t) : _ ("No tier"),
                             -1);
      crk_text_layout_get_size (label, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w + 12, width * 0.35);
  for (guint t = 0; t <= n_tiers; t++)
    {
      g_autoptr (PangoLayout) label = NULL;
      g_autoptr (PangoLayout) value = NULL;
      g_autofree char *text = NULL;
      CrkRGBA colour;
      double bw = (width - label_w - 150) * counts[t] / max_count;
      double lh;

      if (t == n_tiers && counts[t] == 0)
        continue;
      if (t < n_tiers)
        crk_palette_get_category (CRK_CHART_STYLE_LIGHT, t, n_tiers, &colour);
      else
        colour = style->axis;
      label = markup_layout (cr, NULL, 9.5, PANGO_WEIGHT_BOLD, label_w - 8, PANGO_ALIGN_LEFT);
      pango_layout_set_text (label, t < n_tiers ? crk_results_get_tier_name (r, t) : _ ("No tier"),
                             -1);
      crk_text_layout_get_size (label, NULL, &lh);
      crk_report_show_layout (cr, label, x, y + (bar_h - lh) / 2, &style->foreground);
      fill_rect (cr, &colour, x + label_w, y, MAX (bw, 1), bar_h);
      if (counts[t] > 0)
        {
          /* A true minus: "−1.04–−0.25" reads as a range, "-1.04--0.25" does not. */
          g_autofree char *alo = crk_report_format_score (fabs (lo[t]));
          g_autofree char *ahi = crk_report_format_score (fabs (hi[t]));
          g_autofree char *slo = g_strconcat (lo[t] < 0 ? "−" : "", alo, NULL);
          g_autofree char *shi = g_strconcat (hi[t] < 0 ? "−" : "", ahi, NULL);

          text = crk_unit_kind_format_tier_band (crk_report_unit_kind (self), counts[t], slo, shi);
        }
      else
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_NO_UNIT));
      value = markup_layout (cr, NULL, 8.5, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT);
      pango_layout_set_text (value, text, -1);
      crk_text_layout_get_size (value, NULL, &lh);
      crk_report_show_layout (cr, value, x + label_w + bw + 6, y + (bar_h - lh) / 2,
                              &style->secondary);
      y += bar_h + gap;
    }

  /* Scores: a histogram in round bins, stacked by tier. */
  {
    double top = y + 30;

    draw_score_histogram (self, cr, x, top, width, MIN (height - (top - y0) - 60, 300));
  }
}
