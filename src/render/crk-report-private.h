/* crk-report-private.h: the report's page model, shared by its layout, content and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "crk-chart.h"
#include "crk-report.h"

G_BEGIN_DECLS

/* Type sizes (points) and page geometry. */
#define CRK_REPORT_BODY_SIZE 9.5
#define CRK_REPORT_TABLE_SIZE 8.0
#define CRK_REPORT_NOTE_SIZE 7.8
#define CRK_REPORT_H1_SIZE 20.0
#define CRK_REPORT_H2_SIZE 12.0
#define CRK_REPORT_FURNITURE_SIZE 7.2
#define CRK_REPORT_MARGIN_SIDE 54.0
#define CRK_REPORT_MARGIN_TOP 66.0
#define CRK_REPORT_MARGIN_BOTTOM 62.0
#define CRK_REPORT_CELL_PAD_X 4.0
#define CRK_REPORT_CELL_PAD_Y 2.6
/* Table cells: the distance between lines as a multiple of the font size, the same
 * whichever font a line falls back to (Latin or CJK). */
#define CRK_REPORT_CELL_LINE_HEIGHT 1.28

#define CRK_REPORT_MAX_COLUMNS 24

/* A block of the flowing sections (summary, method, ranking table): never split across
 * pages; headings and table headers keep with what follows. */
typedef enum
{
  CRK_BLOCK_H1,
  CRK_BLOCK_H2,
  CRK_BLOCK_PARAGRAPH,
  CRK_BLOCK_NOTE,
  CRK_BLOCK_BULLET,
  CRK_BLOCK_ROW,   /* a table row; the table's header row too */
  CRK_BLOCK_GROUP, /* a heading inside a table (a tier) */
} CrkBlockKind;

typedef enum
{
  CRK_ROW_HEADER = 1 << 0,
  CRK_ROW_STRONG = 1 << 1, /* bold (a dimension in the framework table) */
  CRK_ROW_RULE = 1 << 2,   /* a thin rule above */
} CrkRowFlags;

/* The first cell indented by @level steps (every line of it, unlike leading spaces). */
#define CRK_ROW_INDENT(level) ((guint) MIN ((level), 15u) << 8)
#define CRK_ROW_GET_INDENT(flags) (((flags) >> 8) & 0xf)
#define CRK_REPORT_INDENT_STEP 9.0

typedef enum
{
  CRK_COLUMN_WRAP = 1 << 0,   /* may wrap to its longest word */
  CRK_COLUMN_EXPAND = 1 << 1, /* takes the width left over */
  CRK_COLUMN_NUMBER = 1 << 2, /* right aligned, tabular figures */
  CRK_COLUMN_CENTER = 1 << 3,
} CrkColumnFlags;

typedef struct
{
  guint n_columns;
  guint flags[CRK_REPORT_MAX_COLUMNS];
  double widths[CRK_REPORT_MAX_COLUMNS]; /* set by the layout */
  double width;                          /* the table's width */
  double font_size;
  double pad_y;   /* space above and below a row's text */
  int header;     /* block index of the header row, -1 */
  gboolean zebra; /* shade every other row */
} CrkReportTable;

typedef struct
{
  CrkBlockKind kind;
  char *markup; /* headings, paragraphs, notes, bullets, groups */
  char **cells; /* rows: one markup per column */
  int table;    /* rows and groups: index into the report's tables, else -1 */
  guint flags;  /* CrkRowFlags */
  guint row;    /* rows: position among the table's body rows (zebra) */
  gboolean keep_with_next;
  double space_before;
  double height;       /* measured at the flow's width */
  const char *outline; /* H1/H2 title for the contents page, or NULL */
} CrkBlock;

typedef enum
{
  CRK_PAGE_TITLE,
  CRK_PAGE_CONTENTS,
  CRK_PAGE_FLOW,
  CRK_PAGE_CHART, /* a slice of a tall chart */
  CRK_PAGE_TIERS, /* the distribution by tier */
  CRK_PAGE_PROFILE,
} CrkPageKind;

typedef struct
{
  CrkPageKind kind;
  CrkReportSections section;
  gboolean landscape;
  guint number; /* printed number, 0 = none */
  /* flow pages */
  guint first_block;
  guint n_blocks;
  int repeat_header; /* block index of a table header drawn first, -1 */
  /* chart slices */
  guint chart; /* index into the report's charts */
  double slice_y0;
  double slice_y1;
  gboolean continued; /* not the first slice */
  /* profiles */
  guint city;
} CrkPage;

typedef struct
{
  CrkChartOptions *options;
  double width;
  double height;
  char *heading; /* shown above the chart on each page */
  /* The value axis the chart drew, to repeat under every slice but the last (which has
   * the chart's own axis). */
  gboolean has_scale;
  CrkChartAxis axis;
} CrkReportChart;

struct _CrkReport
{
  GObject parent_instance;

  CrkResults *results;
  CrkResults *base_results; /* for a base-year benchmark, or NULL */
  CrkReportOptions *options;
  GDateTime *date;
  char *date_text;
  /* the attribute of the group column beside the cities' names (province, region,
   * ASEM's EurAsia_group), NULL: no group column */
  char *group_attribute;

  double paper_width; /* portrait */
  double paper_height;

  GArray *blocks;    /* CrkBlock */
  GArray *tables;    /* CrkReportTable */
  GArray *pages;     /* CrkPage */
  GPtrArray *charts; /* CrkReportChart */
  GArray *profiles;  /* guint city indices, in page order */
  guint n_numbered;
  gboolean table_landscape;

  /* The indicator table's fit, the same on every profile page. */
  gboolean profile_fitted;
  gboolean profile_split;
  guint profile_split_at;
  double profile_font;
  double profile_table_height;
};

/* What the dataset ranks (its words: crk-unit-words.h) */
static inline CrkUnitKind
crk_report_unit_kind (CrkReport *self)
{
  return crk_dataset_get_unit_kind (crk_results_get_dataset (self->results));
}

static inline const char *
crk_report_unit_word (CrkReport *self, CrkUnitWord word)
{
  return crk_unit_kind_get_word (crk_report_unit_kind (self), word);
}

/* crk-report-summary.c */
void crk_report_build_summary (CrkReport *self);
/* crk-report-method.c */
void crk_report_build_method (CrkReport *self);
/* crk-report-agreement.c: FALSE (and no blocks) without reference ranks for the year */
gboolean crk_report_build_agreement (CrkReport *self);
/* crk-report-content.c: the ranking table, the index of profiles, a profile's text and
 * what the sections share. Returns the ranking table's index. */
int crk_report_build_table (CrkReport *self);
/* The alphabetical index of the profiled cities; @numbers: the printed page number of
 * each profile, in the order of self->profiles. */
#define CRK_REPORT_MIN_INDEXED 12
void crk_report_build_index (CrkReport *self, const guint *numbers);
/* The generated paragraph of a profile page. */
char *crk_report_dup_city_text (CrkReport *self, guint city);

/* Adds blocks (crk-report-content.c); markup is taken. */
guint crk_report_add_block (CrkReport *self, CrkBlockKind kind, char *markup);
int crk_report_add_table (CrkReport *self,
                          guint n_columns,
                          const guint *column_flags,
                          double font_size);
/* @cells: n_columns markups, taken. */
guint crk_report_add_row (CrkReport *self, int table, char **cells, guint flags);
/* A heading inside @table (a tier, risers or fallers); markup is taken. */
guint crk_report_add_group (CrkReport *self, int table, char *markup);
/* A NULL-terminated array for @n cells, all NULL. */
char **crk_report_cells_new (guint n);

/* Text shared by the sections (crk-report-content.c). */
/* Between two generated sentences: a space after Latin text, nothing after Chinese. */
void crk_report_sentence_gap (GString *s);
/* Escaped markup of @s; "" for NULL. */
char *crk_report_escape (const char *s);
/* The city's group (self->group_attribute: province, region…), its name in the report's
 * language, escaped; and the group column's header. */
char *crk_report_group_markup (CrkReport *self, CrkCity *city);
char *crk_report_group_header (CrkReport *self);
/* crk_report_city_markup() of the city at index @city. */
char *crk_report_city_name_markup (CrkReport *self, guint city);
/* The city's display name, or its code; not escaped. */
const char *crk_report_city_display_name (CrkReport *self, guint city);
/* The name of the city's tier, or NULL. */
const char *crk_report_tier_name (CrkReport *self, guint city);
/* The median of @n values, NAN when none; sorts @values. */
double crk_report_median_of (double *values, guint n);

/* crk-report-draw.c */
cairo_t *crk_report_measure_context (void);
/* Sets the widths of @table's columns to fill at most @width; returns the natural width
 * the table would like (before shrinking). */
double crk_report_fit_table (CrkReport *self,
                             cairo_t *cr,
                             CrkReportTable *table,
                             guint table_index,
                             double width);
/* Lays out (and draws when @draw) one table row; returns its height. */
double crk_report_table_row (cairo_t *cr,
                             const CrkReportTable *table,
                             char **cells,
                             guint flags,
                             guint row,
                             double x,
                             double y,
                             gboolean draw);
double crk_report_measure_block (CrkReport *self, cairo_t *cr, const CrkBlock *block, double width);
void crk_report_draw_block (CrkReport *self,
                            cairo_t *cr,
                            const CrkBlock *block,
                            double x,
                            double y,
                            double width);
void crk_report_draw_title_page (CrkReport *self, cairo_t *cr, double width, double height);
void crk_report_draw_contents_page (CrkReport *self, cairo_t *cr, double width, double height);
void crk_report_draw_tiers_page (CrkReport *self,
                                 cairo_t *cr,
                                 double x,
                                 double y,
                                 double width,
                                 double height);
void
crk_report_fit_profiles (CrkReport *self, cairo_t *cr, guint city, double width, double height);
void crk_report_draw_profile_page (CrkReport *self,
                                   cairo_t *cr,
                                   guint city,
                                   double x,
                                   double y,
                                   double width,
                                   double height);
void crk_report_draw_furniture (CrkReport *self,
                                cairo_t *cr,
                                const CrkPage *page,
                                double width,
                                double height);

/* Helpers shared by the files. */
/* Draws @layout with its origin at (@x, @y), so that a layout's own width and alignment
 * place its lines (crk_text_draw() puts the ink's logical box there instead). */
void
crk_report_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y, const CrkRGBA *rgba);
const CrkStyle *crk_report_get_style (void);
char *crk_report_city_markup (CrkCity *city);
char *crk_report_format_change (CrkReport *self, guint city, gboolean markup);
char *crk_report_format_score (double score);
/* "1st", "2nd"... in English; "第 1 名" in Chinese. */
char *crk_report_format_ordinal (guint rank);

G_END_DECLS
