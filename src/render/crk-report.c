/* crk-report.c: the paginated ranking report, drawn into any cairo_t and written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "crk-report.h"

#include "crk-engine.h"
#include "crk-locale.h"
#include "crk-report-private.h"
#include "crk-chart-private.h"

/* Room for a chart page's heading and note above the chart. */
#define CHART_TOP 36.0

/* G_DEFINE_QUARK names the quark after its first argument, as written */
/* clang-format off */
G_DEFINE_QUARK (crk-report-error-quark, crk_report_error)
/* clang-format on */

G_DEFINE_FINAL_TYPE (CrkReport, crk_report, G_TYPE_OBJECT)

static const struct
{
  CrkReportSections section;
  const char *title;
} section_titles[] = {
  {CRK_REPORT_SECTION_TITLE, N_ ("Title page")},
  {CRK_REPORT_SECTION_CONTENTS, N_ ("Contents")},
  {CRK_REPORT_SECTION_SUMMARY, N_ ("Summary")},
  {CRK_REPORT_SECTION_METHOD, N_ ("Method")},
  {CRK_REPORT_SECTION_AGREEMENT, N_ ("Agreement with the published ranking")},
  {CRK_REPORT_SECTION_TABLE, N_ ("Ranking table")},
  {CRK_REPORT_SECTION_CHARTS, N_ ("Overview charts")},
  {CRK_REPORT_SECTION_PROFILES, N_ ("City profiles")},
};

static void
block_clear (gpointer data)
{
  CrkBlock *block = data;

  g_clear_pointer (&block->markup, g_free);
  g_clear_pointer (&block->cells, g_strfreev);
}

static void
chart_free (gpointer data)
{
  CrkReportChart *chart = data;

  crk_chart_options_free (chart->options);
  g_free (chart->heading);
  g_free (chart);
}

static void
crk_report_finalize (GObject *object)
{
  CrkReport *self = CRK_REPORT (object);

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->profiles, g_array_unref);
  g_clear_pointer (&self->options, crk_report_options_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->group_attribute, g_free);
  g_clear_object (&self->base_results);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (crk_report_parent_class)->finalize (object);
}

static void
crk_report_class_init (CrkReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crk_report_finalize;
}

static void
crk_report_init (CrkReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CrkBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  self->tables = g_array_new (FALSE, TRUE, sizeof (CrkReportTable));
  self->pages = g_array_new (FALSE, TRUE, sizeof (CrkPage));
  self->charts = g_ptr_array_new_with_free_func (chart_free);
  self->profiles = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * crk_report_section_get_title:
 * @section: one section flag
 *
 * Returns: the section's heading, translated
 */
const char *
crk_report_section_get_title (CrkReportSections section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    if (section_titles[i].section == section)
      return _ (section_titles[i].title);
  return "";
}

/**
 * crk_report_get_section_title:
 * @self: a report
 * @section: one section flag
 *
 * Returns: the section's heading in the words of the dataset ("Country profiles"),
 *   translated
 */
const char *
crk_report_get_section_title (CrkReport *self, CrkReportSections section)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), "");

  if (section == CRK_REPORT_SECTION_PROFILES)
    return crk_report_unit_word (self, CRK_UNIT_WORD_PROFILES);
  return crk_report_section_get_title (section);
}

/* Geometry */

static void
content_size (CrkReport *self, gboolean landscape, double *width, double *height)
{
  double pw = landscape ? self->paper_height : self->paper_width;
  double ph = landscape ? self->paper_width : self->paper_height;

  *width = pw - 2 * CRK_REPORT_MARGIN_SIDE;
  *height = ph - CRK_REPORT_MARGIN_TOP - CRK_REPORT_MARGIN_BOTTOM;
}

static CrkPage *
add_page (CrkReport *self, CrkPageKind kind, CrkReportSections section, gboolean landscape)
{
  CrkPage page = {0};

  page.kind = kind;
  page.section = section;
  page.landscape = landscape;
  page.repeat_header = -1;
  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, CrkPage, self->pages->len - 1);
}

/* Flowing sections */

static void
fit_new_tables (CrkReport *self, cairo_t *cr, guint first_table, double width)
{
  for (guint t = first_table; t < self->tables->len; t++)
    crk_report_fit_table (self, cr, &g_array_index (self->tables, CrkReportTable, t), t, width);
}

/* A short table (up to @max_rows rows) is kept on one page: every row but its last
 * keeps with the next. */
static void
keep_short_tables (CrkReport *self, guint first, guint last, guint max_rows)
{
  for (guint t = 0; t < self->tables->len; t++)
    {
      guint n = 0, last_row = 0;

      for (guint i = first; i < last; i++)
        {
          const CrkBlock *b = &g_array_index (self->blocks, CrkBlock, i);

          if (b->table == (int) t)
            {
              n++;
              last_row = i;
            }
        }
      if (n == 0 || n > max_rows)
        continue;
      for (guint i = first; i < last_row; i++)
        {
          CrkBlock *b = &g_array_index (self->blocks, CrkBlock, i);

          if (b->table == (int) t)
            b->keep_with_next = TRUE;
        }
    }
}

static double
space_before (CrkReport *self, guint index)
{
  const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, index);
  double space = block->space_before;

  /* Air after a table. */
  if (index > 0 && block->kind != CRK_BLOCK_ROW && block->kind != CRK_BLOCK_GROUP &&
      g_array_index (self->blocks, CrkBlock, index - 1).kind == CRK_BLOCK_ROW)
    space = MAX (space, 9);
  return space;
}

static gboolean
continues_table (CrkReport *self, guint index, int *header)
{
  const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, index);
  const CrkReportTable *table;

  if (block->table < 0 || (block->flags & CRK_ROW_HEADER))
    return FALSE;
  table = &g_array_index (self->tables, CrkReportTable, block->table);
  if (table->header < 0 || (guint) table->header >= index)
    return FALSE;
  *header = table->header;
  return TRUE;
}

/* Breaks blocks [@first, @last) into pages of @section. */
static void
paginate_flow (CrkReport *self,
               cairo_t *cr,
               CrkReportSections section,
               guint first,
               guint last,
               gboolean landscape)
{
  double width, height, y = 0;
  gboolean empty = TRUE;
  CrkPage *page;

  content_size (self, landscape, &width, &height);
  for (guint i = first; i < last; i++)
    {
      CrkBlock *block = &g_array_index (self->blocks, CrkBlock, i);

      block->height = crk_report_measure_block (self, cr, block, width);
    }

  page = add_page (self, CRK_PAGE_FLOW, section, landscape);
  page->first_block = first;
  for (guint i = first; i < last; i++)
    {
      const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, i);
      double need = (empty ? 0 : space_before (self, i)) + block->height;
      double chain = need;
      int header;

      /* Headings, group headings and table headers go with what follows them. */
      for (guint j = i; j + 1 < last && g_array_index (self->blocks, CrkBlock, j).keep_with_next;
           j++)
        chain += space_before (self, j + 1) + g_array_index (self->blocks, CrkBlock, j + 1).height;

      if (!empty && y + chain > height)
        {
          page->n_blocks = i - page->first_block;
          page = add_page (self, CRK_PAGE_FLOW, section, landscape);
          page->first_block = i;
          y = 0;
          need = block->height;
          if (continues_table (self, i, &header))
            {
              page->repeat_header = header;
              y = g_array_index (self->blocks, CrkBlock, header).height;
            }
        }
      y += need;
      empty = FALSE;
    }
  page->n_blocks = last - page->first_block;
}

/* Charts cut into page-high slices between rows, with the same scale on every page */

static int
compare_rect_y (gconstpointer a, gconstpointer b)
{
  const CrkRect *x = a, *y = b;

  return x->y < y->y ? -1 : x->y > y->y ? 1 : 0;
}

static void
add_chart_pages (CrkReport *self, CrkChartOptions *options, const char *heading)
{
  CrkReportChart *chart = g_new0 (CrkReportChart, 1);
  double width, height, avail;
  cairo_surface_t *recording;
  cairo_t *rec;
  g_autoptr (CrkChartHits) hits = crk_chart_hits_new ();
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (CrkRect));
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double y0 = 0, target;
  guint index;
  gboolean continued = FALSE;

  content_size (self, FALSE, &width, &height);
  chart->options = options;
  chart->width = width;
  chart->height = crk_chart_get_natural_height (self->results, options, width);
  chart->heading = g_strdup (heading);
  g_ptr_array_add (self->charts, chart);
  index = self->charts->len - 1;
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  rec = cairo_create (recording);
  crk_chart_draw (rec, self->results, options, chart->width, chart->height, hits);
  chart->has_scale = crk_chart_hits_get_axis (hits, &chart->axis);
  cairo_destroy (rec);
  cairo_surface_destroy (recording);

  /* The heading and its note take the top of every page, a repeated scale its foot. */
  avail = height - CHART_TOP - (chart->has_scale ? 22 : 0);

  /* Rows are the bars (or the stacks of segments) of each city; a cut goes half-way
   * through a gap between rows, so that no row is split. */
  for (guint i = 0; i < crk_chart_hits_get_n_hits (hits); i++)
    {
      const CrkChartHit *hit = crk_chart_hits_get_hit (hits, i);

      if (hit->kind == CRK_CHART_HIT_BAR || hit->kind == CRK_CHART_HIT_SEGMENT)
        g_array_append_val (rows, hit->rect);
    }
  g_array_sort (rows, compare_rect_y);
  {
    double reach = -INFINITY;

    for (guint i = 0; i < rows->len; i++)
      {
        const CrkRect *rect = &g_array_index (rows, CrkRect, i);

        if (reach > -INFINITY && rect->y > reach)
          {
            double cut = (reach + rect->y) / 2;

            g_array_append_val (cuts, cut);
          }
        reach = MAX (reach, rect->y + rect->height);
      }
  }

  /* As many pages as a greedy fill needs, with the rows spread evenly over them (no
   * page of three rows at the end). */
  {
    guint n_slices = 1;

    for (double y = 0; chart->height - y > avail + 0.5; n_slices++)
      {
        double best = y + avail;

        for (guint i = 0; i < cuts->len; i++)
          if (g_array_index (cuts, double, i) > y + 1 &&
              g_array_index (cuts, double, i) - y <= avail)
            best = g_array_index (cuts, double, i);
        y = best;
      }
    target = chart->height / n_slices;
  }
  while (chart->height - y0 > avail + 0.5)
    {
      double best = -1;
      CrkPage *page;

      /* The row boundary nearest the even share that still fits. */
      for (guint i = 0; i < cuts->len; i++)
        {
          double cut = g_array_index (cuts, double, i);

          if (cut > y0 + 1 && cut - y0 <= avail &&
              (best < 0 || fabs (cut - y0 - target) < fabs (best - y0 - target)))
            best = cut;
        }
      if (best < 0)
        best = y0 + avail; /* no row boundary in reach: cut anywhere */
      page = add_page (self, CRK_PAGE_CHART, CRK_REPORT_SECTION_CHARTS, FALSE);
      page->chart = index;
      page->slice_y0 = y0;
      page->slice_y1 = best;
      page->continued = continued;
      continued = TRUE;
      y0 = best;
    }
  {
    CrkPage *page = add_page (self, CRK_PAGE_CHART, CRK_REPORT_SECTION_CHARTS, FALSE);

    page->chart = index;
    page->slice_y0 = y0;
    page->slice_y1 = chart->height;
    page->continued = continued;
  }
}

static CrkChartOptions *
overview_options (CrkChartKind kind)
{
  CrkChartOptions *options = crk_chart_options_new (kind);

  options->style = CRK_CHART_STYLE_LIGHT;
  options->top_n = 0;
  options->font_scale = 0.85;
  crk_chart_options_set_title (options, "");
  crk_chart_options_set_subtitle (options, "");
  crk_chart_options_set_source (options, "");
  return options;
}

/* Profiles */

static gboolean
choose_profiles (CrkReport *self, GError **error)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);

  switch (crk_report_options_get_profiles (self->options))
    {
      case CRK_REPORT_PROFILES_TOP:
        g_array_append_vals (self->profiles, order,
                             MIN (n_ranked, crk_report_options_get_profiles_top (self->options)));
        break;
      case CRK_REPORT_PROFILES_LIST:
        {
          const char *const *codes = crk_report_options_get_profile_codes (self->options);
          guint n_cities = crk_results_get_n_cities (r);
          g_autofree gboolean *wanted = g_new0 (gboolean, MAX (n_cities, 1));

          for (guint i = 0; codes[i] != NULL; i++)
            {
              CrkCity *city = crk_dataset_lookup_city (dataset, codes[i]);

              if (city == NULL)
                {
                  g_set_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
                               _ ("The dataset has no city with the code “%s”"), codes[i]);
                  return FALSE;
                }
              wanted[crk_city_get_index (city)] = TRUE;
            }
          for (guint i = 0; i < n_ranked; i++)
            if (wanted[order[i]])
              {
                g_array_append_val (self->profiles, order[i]);
                wanted[order[i]] = FALSE;
              }
          for (guint city = 0; city < n_cities; city++)
            if (wanted[city])
              g_array_append_val (self->profiles, city);
        }
        break;
      case CRK_REPORT_PROFILES_ALL:
      default:
        g_array_append_vals (self->profiles, order, n_ranked);
        break;
    }
  return TRUE;
}

static void
layout (CrkReport *self)
{
  CrkReportSections sections = crk_report_options_get_sections (self->options);
  cairo_t *cr = crk_report_measure_context ();
  double width, height;
  guint number = 0;

  content_size (self, FALSE, &width, &height);

  if (sections & CRK_REPORT_SECTION_TITLE)
    add_page (self, CRK_PAGE_TITLE, CRK_REPORT_SECTION_TITLE, FALSE);
  if (sections & CRK_REPORT_SECTION_CONTENTS)
    add_page (self, CRK_PAGE_CONTENTS, CRK_REPORT_SECTION_CONTENTS, FALSE);

  if (sections & CRK_REPORT_SECTION_SUMMARY)
    {
      guint first = self->blocks->len, first_table = self->tables->len;

      crk_report_build_summary (self);
      fit_new_tables (self, cr, first_table, width);
      keep_short_tables (self, first, self->blocks->len, 14);
      paginate_flow (self, cr, CRK_REPORT_SECTION_SUMMARY, first, self->blocks->len, FALSE);
    }
  if (sections & CRK_REPORT_SECTION_METHOD)
    {
      guint first = self->blocks->len, first_table = self->tables->len;

      crk_report_build_method (self);
      fit_new_tables (self, cr, first_table, width);
      keep_short_tables (self, first, self->blocks->len, 14);
      paginate_flow (self, cr, CRK_REPORT_SECTION_METHOD, first, self->blocks->len, FALSE);
    }
  if (sections & CRK_REPORT_SECTION_AGREEMENT)
    {
      guint first = self->blocks->len, first_table = self->tables->len;

      /* nothing without reference ranks */
      if (crk_report_build_agreement (self))
        {
          fit_new_tables (self, cr, first_table, width);
          keep_short_tables (self, first, self->blocks->len, 14);
          paginate_flow (self, cr, CRK_REPORT_SECTION_AGREEMENT, first, self->blocks->len, FALSE);
        }
    }
  if (sections & CRK_REPORT_SECTION_TABLE)
    {
      guint first = self->blocks->len;
      int table = crk_report_build_table (self);
      CrkReportTable *t = &g_array_index (self->tables, CrkReportTable, table);
      double natural = crk_report_fit_table (self, cr, t, table, width);

      /* Too wide for portrait: turn the table's pages. */
      if (natural > width)
        {
          double lwidth, lheight;

          content_size (self, TRUE, &lwidth, &lheight);
          self->table_landscape = TRUE;
          crk_report_fit_table (self, cr, t, table, lwidth);
        }
      paginate_flow (self, cr, CRK_REPORT_SECTION_TABLE, first, self->blocks->len,
                     self->table_landscape);
    }
  if ((sections & CRK_REPORT_SECTION_CHARTS) && crk_results_get_n_ranked (self->results) > 0)
    {
      g_autofree char *bars =
        g_strdup_printf (_ ("Index scores, %d"), crk_results_get_year (self->results));
      g_autofree char *contributions =
        g_strdup_printf (_ ("What makes the scores, %d"), crk_results_get_year (self->results));

      add_chart_pages (self, overview_options (CRK_CHART_BAR), bars);
      add_chart_pages (self, overview_options (CRK_CHART_CONTRIBUTION), contributions);
      if (crk_results_get_n_tiers (self->results) > 0)
        add_page (self, CRK_PAGE_TIERS, CRK_REPORT_SECTION_CHARTS, FALSE);
    }
  if ((sections & CRK_REPORT_SECTION_PROFILES) && self->profiles->len > 0)
    crk_report_fit_profiles (self, cr, g_array_index (self->profiles, guint, 0), width, height);
  if (sections & CRK_REPORT_SECTION_PROFILES)
    {
      g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      /* Printed numbers count every page but the title page. */
      guint offset = (sections & CRK_REPORT_SECTION_TITLE) ? 0 : 1;

      for (guint i = 0; i < self->profiles->len; i++)
        {
          CrkPage *page = add_page (self, CRK_PAGE_PROFILE, CRK_REPORT_SECTION_PROFILES, FALSE);
          guint printed = self->pages->len - 1 + offset;

          page->city = g_array_index (self->profiles, guint, i);
          g_array_append_val (numbers, printed);
        }
      /* Enough profiles to look for one by name: an index at the back. */
      if (self->profiles->len >= CRK_REPORT_MIN_INDEXED)
        {
          guint first = self->blocks->len, first_table = self->tables->len;

          crk_report_build_index (self, (const guint *) numbers->data);
          fit_new_tables (self, cr, first_table, width);
          paginate_flow (self, cr, CRK_REPORT_SECTION_PROFILES, first, self->blocks->len, FALSE);
        }
    }

  for (guint p = 0; p < self->pages->len; p++)
    {
      CrkPage *page = &g_array_index (self->pages, CrkPage, p);

      if (page->kind != CRK_PAGE_TITLE)
        page->number = ++number;
    }
  self->n_numbered = number;
  cairo_destroy (cr);
}

static GDateTime *
report_date (const CrkReportOptions *options)
{
  GDateTime *date = crk_report_options_get_date (options);
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (date != NULL)
    return g_date_time_ref (date);
  if (epoch != NULL && *epoch != '\0')
    {
      guint64 seconds;

      if (g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
        return g_date_time_new_from_unix_utc ((gint64) seconds);
    }
  return g_date_time_new_now_local ();
}

/**
 * crk_report_new:
 * @results: the results to report
 * @options: what to put in the report
 * @error: return location for a #CRK_REPORT_ERROR_INVALID error (a city code the
 *   dataset lacks, no section at all)
 *
 * Lays the report out.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
CrkReport *
crk_report_new (CrkResults *results, const CrkReportOptions *options, GError **error)
{
  g_autoptr (CrkReport) self = NULL;
  CrkReportBenchmark benchmark;

  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (crk_report_options_get_sections (options) == 0)
    {
      g_set_error_literal (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
                           _ ("The report has no section: choose at least one"));
      return NULL;
    }

  self = g_object_new (CRK_TYPE_REPORT, NULL);
  self->results = g_object_ref (results);
  self->options = crk_report_options_copy (options);
  self->date = report_date (options);
  self->date_text =
    g_date_time_format (self->date, crk_locale_prefers_chinese () ? "%Y年%-m月%-d日" : "%-d %B %Y");
  crk_report_paper_get_size (crk_report_options_get_paper (options), &self->paper_width,
                             &self->paper_height);
  self->group_attribute = crk_dataset_dup_main_group_attribute (crk_results_get_dataset (results));

  if (!choose_profiles (self, error))
    return NULL;

  benchmark = crk_report_options_get_benchmark (options);
  if (benchmark == CRK_REPORT_BENCHMARK_BASE_YEAR && crk_results_has_base_year (results))
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CrkMethod) method = crk_method_copy (crk_results_get_method (results));

      self->base_results = crk_compute (crk_results_get_dataset (results), method,
                                        crk_results_get_base_year (results), &local_error);
      if (self->base_results == NULL)
        g_warning ("Could not compute the base year %d for the report's benchmark: %s",
                   crk_results_get_base_year (results), local_error->message);
    }

  layout (self);
  if (self->pages->len == 0)
    {
      g_set_error_literal (
        error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
        _ ("The report has no pages: the chosen sections are empty for these results"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

CrkResults *
crk_report_get_results (CrkReport *self)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), NULL);
  return self->results;
}

const CrkReportOptions *
crk_report_get_options (CrkReport *self)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), NULL);
  return self->options;
}

guint
crk_report_get_n_pages (CrkReport *self)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), 0);
  return self->pages->len;
}

static const CrkPage *
get_page (CrkReport *self, guint page)
{
  return &g_array_index (self->pages, CrkPage, page);
}

/**
 * crk_report_get_page_size:
 * @self: a report
 * @page: a page index
 * @width: (out) (optional): width in points
 * @height: (out) (optional): height in points
 */
void
crk_report_get_page_size (CrkReport *self, guint page, double *width, double *height)
{
  gboolean landscape;

  g_return_if_fail (CRK_IS_REPORT (self));
  g_return_if_fail (page < self->pages->len);

  landscape = get_page (self, page)->landscape;
  if (width != NULL)
    *width = landscape ? self->paper_height : self->paper_width;
  if (height != NULL)
    *height = landscape ? self->paper_width : self->paper_height;
}

gboolean
crk_report_get_page_landscape (CrkReport *self, guint page)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);
  return get_page (self, page)->landscape;
}

CrkReportSections
crk_report_get_page_section (CrkReport *self, guint page)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return get_page (self, page)->section;
}

guint
crk_report_get_page_number (CrkReport *self, guint page)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return get_page (self, page)->number;
}

guint
crk_report_get_n_numbered_pages (CrkReport *self)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), 0);
  return self->n_numbered;
}

int
crk_report_get_section_page (CrkReport *self, CrkReportSections section)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), -1);

  for (guint p = 0; p < self->pages->len; p++)
    if (get_page (self, p)->section == section)
      return (int) p;
  return -1;
}

int
crk_report_get_city_page (CrkReport *self, guint city)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), -1);

  for (guint p = 0; p < self->pages->len; p++)
    if (get_page (self, p)->kind == CRK_PAGE_PROFILE && get_page (self, p)->city == city)
      return (int) p;
  return -1;
}

/**
 * crk_report_get_profile_cities:
 * @self: a report
 * @n_cities: (out): the number of cities
 *
 * Returns: (transfer none) (array length=n_cities): the profiled cities in page order
 */
const guint *
crk_report_get_profile_cities (CrkReport *self, guint *n_cities)
{
  g_return_val_if_fail (CRK_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_cities != NULL, NULL);

  if (!(crk_report_options_get_sections (self->options) & CRK_REPORT_SECTION_PROFILES))
    {
      *n_cities = 0;
      return NULL;
    }
  *n_cities = self->profiles->len;
  return (const guint *) self->profiles->data;
}

/* Drawing */

static void
draw_flow_page (CrkReport *self, cairo_t *cr, const CrkPage *page)
{
  double width, height;
  double x = CRK_REPORT_MARGIN_SIDE, y = CRK_REPORT_MARGIN_TOP;

  content_size (self, page->landscape, &width, &height);
  if (page->repeat_header >= 0)
    {
      const CrkBlock *header = &g_array_index (self->blocks, CrkBlock, page->repeat_header);

      crk_report_draw_block (self, cr, header, x, y, width);
      y += header->height;
    }
  for (guint i = page->first_block; i < page->first_block + page->n_blocks; i++)
    {
      const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, i);

      if (i > page->first_block)
        y += space_before (self, i);
      crk_report_draw_block (self, cr, block, x, y, width);
      y += block->height;
    }
}

/* The chart's value axis under a slice: its ticks where the chart has them, 0 included. */
static void
draw_scale (cairo_t *cr, const CrkReportChart *chart, double x, double y)
{
  const CrkStyle *style = crk_report_get_style ();
  const CrkChartAxis *a = &chart->axis;
  guint n_ticks = (guint) round ((a->hi - a->lo) / a->step);
  double k = (a->pos_hi - a->pos_lo) / (a->hi - a->lo);

  cairo_save (cr);
  crk_rgba_set_source (cr, &style->axis);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x + a->pos_lo, y);
  cairo_line_to (cr, x + a->pos_hi, y);
  cairo_stroke (cr);
  for (guint t = 0; t <= n_ticks; t++)
    {
      double v = a->lo + t * a->step;
      double tx = x + a->pos_lo + (v - a->lo) * k;
      g_autofree char *label = crk_draw_format_tick (v, a->step);
      g_autoptr (PangoLayout) layout = crk_text_layout_new (cr, label, 6.8, PANGO_WEIGHT_NORMAL);
      double w;

      cairo_move_to (cr, tx, y);
      cairo_line_to (cr, tx, y + 3);
      cairo_stroke (cr);
      crk_text_layout_get_size (layout, &w, NULL);
      crk_report_show_layout (cr, layout, MIN (tx - w / 2, x + chart->width - w), y + 4,
                              &style->secondary);
    }
  cairo_restore (cr);
}

static void
draw_chart_page (CrkReport *self, cairo_t *cr, const CrkPage *page)
{
  const CrkReportChart *chart = g_ptr_array_index (self->charts, page->chart);
  const CrkStyle *style = crk_report_get_style ();
  double x = CRK_REPORT_MARGIN_SIDE, y = CRK_REPORT_MARGIN_TOP;
  g_autofree char *heading = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  g_autoptr (PangoLayout) note = NULL;
  double h;

  heading = page->continued ? g_strdup_printf (_ ("%s (continued)"), chart->heading)
                            : g_strdup (chart->heading);
  layout = crk_text_layout_new (cr, heading, CRK_REPORT_H2_SIZE, PANGO_WEIGHT_BOLD);
  crk_text_layout_set_width (layout, chart->width, PANGO_ALIGN_LEFT);
  crk_text_layout_get_size (layout, NULL, &h);
  crk_report_show_layout (cr, layout, x, y,
                          &(CrkRGBA){0x1F / 255.0, 0x3A / 255.0, 0x5F / 255.0, 1});
  note = crk_text_layout_new (cr, NULL, CRK_REPORT_NOTE_SIZE, PANGO_WEIGHT_NORMAL);
  crk_text_layout_set_width (note, chart->width, PANGO_ALIGN_LEFT);
  if (chart->options->kind == CRK_CHART_BAR)
    pango_layout_set_text (note, crk_report_unit_word (self, CRK_UNIT_WORD_EVERY_RANKED), -1);
  else
    pango_layout_set_text (
      note, _ ("Each dimension's weighted part of the index score; the same scale on every page."),
      -1);
  crk_report_show_layout (cr, note, x, y + h + 2, &style->secondary);

  cairo_save (cr);
  cairo_translate (cr, x, CRK_REPORT_MARGIN_TOP + CHART_TOP);
  cairo_rectangle (cr, -4, 0, chart->width + 8, page->slice_y1 - page->slice_y0);
  cairo_clip (cr);
  cairo_translate (cr, 0, -page->slice_y0);
  crk_chart_draw (cr, self->results, chart->options, chart->width, chart->height, NULL);
  cairo_restore (cr);

  if (chart->has_scale && page->slice_y1 < chart->height - 0.5)
    draw_scale (cr, chart, x,
                CRK_REPORT_MARGIN_TOP + CHART_TOP + page->slice_y1 - page->slice_y0 + 4);
}

/**
 * crk_report_draw_page:
 * @self: a report
 * @cr: where to draw, in points (scale it to draw the page at another size)
 * @page: a page index
 */
void
crk_report_draw_page (CrkReport *self, cairo_t *cr, guint page)
{
  const CrkPage *p;
  double width, height, cw, ch;

  g_return_if_fail (CRK_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = get_page (self, page);
  crk_report_get_page_size (self, page, &width, &height);
  content_size (self, p->landscape, &cw, &ch);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  switch (p->kind)
    {
      case CRK_PAGE_TITLE:
        crk_report_draw_title_page (self, cr, width, height);
        break;
      case CRK_PAGE_CONTENTS:
        crk_report_draw_contents_page (self, cr, width, height);
        break;
      case CRK_PAGE_FLOW:
        draw_flow_page (self, cr, p);
        break;
      case CRK_PAGE_CHART:
        draw_chart_page (self, cr, p);
        break;
      case CRK_PAGE_TIERS:
        crk_report_draw_tiers_page (self, cr, CRK_REPORT_MARGIN_SIDE, CRK_REPORT_MARGIN_TOP, cw,
                                    ch);
        break;
      case CRK_PAGE_PROFILE:
        crk_report_draw_profile_page (self, cr, p->city, CRK_REPORT_MARGIN_SIDE,
                                      CRK_REPORT_MARGIN_TOP, cw, ch);
        break;
      default:
        g_assert_not_reached ();
    }
  if (p->kind != CRK_PAGE_TITLE)
    crk_report_draw_furniture (self, cr, p, width, height);
  cairo_restore (cr);
}

/* PDF */

/**
 * crk_report_add_pdf_outline:
 * @self: a report
 * @surface: a PDF surface with the report's pages
 */
void
crk_report_add_pdf_outline (CrkReport *self, cairo_surface_t *surface)
{
  CrkDataset *dataset;
  CrkReportSections last = 0;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  g_return_if_fail (CRK_IS_REPORT (self));
  g_return_if_fail (surface != NULL);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  dataset = crk_results_get_dataset (self->results);
  for (guint p = 0; p < self->pages->len; p++)
    {
      const CrkPage *page = get_page (self, p);
      g_autofree char *link = g_strdup_printf ("page=%u", p + 1);

      if (page->section != last)
        {
          cairo_pdf_outline_flags_t flags =
            page->section == CRK_REPORT_SECTION_PROFILES ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN;

          parent = cairo_pdf_surface_add_outline (
            surface, CAIRO_PDF_OUTLINE_ROOT, crk_report_get_section_title (self, page->section),
            link, flags);
          last = page->section;
        }
      if (page->kind == CRK_PAGE_FLOW)
        {
          for (guint b = page->first_block; b < page->first_block + page->n_blocks; b++)
            {
              const CrkBlock *block = &g_array_index (self->blocks, CrkBlock, b);
              g_autofree char *plain = NULL;

              if (block->kind != CRK_BLOCK_H2 || block->outline == NULL)
                continue;
              if (!pango_parse_markup (block->outline, -1, 0, NULL, &plain, NULL, NULL))
                continue;
              cairo_pdf_surface_add_outline (surface, parent, plain, link, 0);
            }
        }
      else if (page->kind == CRK_PAGE_CHART && !page->continued)
        {
          const CrkReportChart *chart = g_ptr_array_index (self->charts, page->chart);

          cairo_pdf_surface_add_outline (surface, parent, chart->heading, link, 0);
        }
      else if (page->kind == CRK_PAGE_TIERS)
        cairo_pdf_surface_add_outline (surface, parent, _ ("Distribution by tier"), link, 0);
      else if (page->kind == CRK_PAGE_PROFILE)
        {
          CrkCity *city = crk_dataset_get_city (dataset, page->city);
          guint rank = crk_results_get_rank (self->results, page->city);
          const char *name = crk_city_get_display_name (city);
          g_autofree char *title =
            rank > 0 ? g_strdup_printf ("%u. %s", rank, name) : g_strdup_printf ("– %s", name);

          cairo_pdf_surface_add_outline (surface, parent, title, link, 0);
        }
    }
}

/**
 * crk_report_set_pdf_metadata:
 * @self: a report
 * @surface: a PDF surface
 */
void
crk_report_set_pdf_metadata (CrkReport *self, cairo_surface_t *surface)
{
  CrkDataset *dataset;
  const char *publisher;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *date = NULL;

  g_return_if_fail (CRK_IS_REPORT (self));
  g_return_if_fail (surface != NULL);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  dataset = crk_results_get_dataset (self->results);
  publisher = crk_dataset_get_display_publisher (dataset);
  title = g_strdup_printf (_ ("%s — ranking report %d"), crk_dataset_get_display_title (dataset),
                           crk_results_get_year (self->results));
  subject = crk_unit_kind_format_subject (crk_report_unit_kind (self),
                                          crk_results_get_n_ranked (self->results),
                                          crk_results_get_year (self->results));
  /* TRANSLATORS: the PDF's keywords; %s is what the dataset ranks ("cities", "countries") */
  keywords = g_strdup_printf (_ ("ranking, composite index, %s, %d"),
                              crk_report_unit_word (self, CRK_UNIT_WORD_NOUNS),
                              crk_results_get_year (self->results));
  creator = g_strdup_printf ("Cityrank %s", PACKAGE_VERSION);
  date = g_date_time_format (self->date, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (publisher != NULL && *publisher != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, publisher);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/**
 * crk_report_write_pdf:
 * @self: a report
 * @filename: the PDF file to write (replaced)
 * @error: return location for a #CRK_REPORT_ERROR_FAILED error
 *
 * Returns: %TRUE when the whole report was written
 */
gboolean
crk_report_write_pdf (CrkReport *self, const char *filename, GError **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (CRK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  crk_report_get_page_size (self, 0, &width, &height);
  surface = cairo_pdf_surface_create (filename, width, height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_FAILED,
                   _ ("Could not write the report to “%s”: %s"), display,
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  crk_report_set_pdf_metadata (self, surface);

  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      crk_report_get_page_size (self, p, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      crk_report_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  crk_report_add_pdf_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_FAILED,
                   _ ("Could not write the report to “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
