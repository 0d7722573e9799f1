/* crk-report-content.c: the report's blocks and the formatting its sections share; the
 * ranking table, the index of profiles and the text of a profile page
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

/* The dataset's word for its units in a column header ("Country" for ASEM). */
static const char *
unit_word (CrkReport *self, CrkUnitWord word)
{
  return crk_unit_kind_get_word (
    crk_dataset_get_unit_kind (crk_results_get_dataset (self->results)), word);
}

/* Building blocks */

guint
crk_report_add_block (CrkReport *self, CrkBlockKind kind, char *markup)
{
  CrkBlock block = {0};

  block.kind = kind;
  block.markup = markup;
  block.table = -1;
  switch (kind)
    {
      case CRK_BLOCK_H1:
        block.keep_with_next = TRUE;
        block.outline = markup;
        break;
      case CRK_BLOCK_H2:
        block.keep_with_next = TRUE;
        block.space_before = 12;
        block.outline = markup;
        break;
      case CRK_BLOCK_PARAGRAPH:
      case CRK_BLOCK_BULLET:
      case CRK_BLOCK_NOTE:
      case CRK_BLOCK_ROW:
        break;
      case CRK_BLOCK_GROUP:
        block.keep_with_next = TRUE;
        break;
      default:
        g_assert_not_reached ();
    }
  g_array_append_val (self->blocks, block);
  return self->blocks->len - 1;
}

int
crk_report_add_table (CrkReport *self, guint n_columns, const guint *column_flags, double font_size)
{
  CrkReportTable table = {0};

  g_assert (n_columns > 0 && n_columns <= CRK_REPORT_MAX_COLUMNS);

  table.n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    table.flags[i] = column_flags[i];
  table.font_size = font_size;
  table.header = -1;
  table.zebra = TRUE;
  table.pad_y = CRK_REPORT_CELL_PAD_Y;
  g_array_append_val (self->tables, table);
  return (int) self->tables->len - 1;
}

guint
crk_report_add_row (CrkReport *self, int table, char **cells, guint flags)
{
  CrkReportTable *t = &g_array_index (self->tables, CrkReportTable, table);
  CrkBlock block = {0};
  guint index;

  block.kind = CRK_BLOCK_ROW;
  block.cells = cells;
  block.table = table;
  block.flags = flags;
  g_array_append_val (self->blocks, block);
  index = self->blocks->len - 1;

  if (flags & CRK_ROW_HEADER)
    {
      g_array_index (self->blocks, CrkBlock, index).keep_with_next = TRUE;
      t->header = (int) index;
    }
  else
    {
      guint row = 0;

      /* Count body rows since the last group heading, so zebra stripes restart. */
      for (guint i = index; i-- > 0;)
        {
          const CrkBlock *b = &g_array_index (self->blocks, CrkBlock, i);

          if (b->table != table || b->kind == CRK_BLOCK_GROUP || (b->flags & CRK_ROW_HEADER))
            break;
          row++;
        }
      g_array_index (self->blocks, CrkBlock, index).row = row;
    }
  return index;
}

/* Between two generated sentences: a space after Latin text, nothing after Chinese (or
 * other East Asian) text, whose full stop "。" already has the room of a character. */
void
crk_report_sentence_gap (GString *s)
{
  if (!crk_text_ends_wide (s->str, (gssize) s->len))
    g_string_append_c (s, ' ');
}

guint
crk_report_add_group (CrkReport *self, int table, char *markup)
{
  guint index = crk_report_add_block (self, CRK_BLOCK_GROUP, markup);

  g_array_index (self->blocks, CrkBlock, index).table = table;
  return index;
}

char **
crk_report_cells_new (guint n)
{
  return g_new0 (char *, n + 1);
}

/* Formatting shared with the drawing code */

const CrkStyle *
crk_report_get_style (void)
{
  static CrkStyle *style;

  if (g_once_init_enter (&style))
    g_once_init_leave (&style, crk_style_new (CRK_CHART_STYLE_LIGHT, 1.0));
  return style;
}

static char *
rgba_hex (const CrkRGBA *rgba)
{
  return crk_rgba_to_string (rgba);
}

/* "Shenzhen 深圳" with the other-language name in grey and tagged for SC glyphs. */
char *
crk_report_city_markup (CrkCity *city)
{
  const char *display = crk_city_get_display_name (city);
  const char *name = crk_city_get_name (city);
  const char *name_zh = crk_city_get_name_zh (city);
  const char *other;
  g_autofree char *grey = rgba_hex (&crk_report_get_style ()->secondary);

  if (display == NULL || *display == '\0')
    display = crk_city_get_code (city);
  other = g_strcmp0 (display, name_zh) == 0 ? name : name_zh;
  if (other == NULL || *other == '\0' || g_strcmp0 (other, display) == 0)
    return g_markup_printf_escaped ("%s", display);
  if (other == name_zh)
    return g_markup_printf_escaped ("%s <span lang=\"zh-cn\" foreground=\"%s\">%s</span>", display,
                                    grey, other);
  return g_markup_printf_escaped (
    "<span lang=\"zh-cn\">%s</span> <span foreground=\"%s\">%s</span>", display, grey, other);
}

char *
crk_report_format_score (double score)
{
  if (isnan (score))
    return g_strdup ("–");
  return g_strdup_printf ("%.2f", score);
}

static char *
format_score1 (double score)
{
  if (isnan (score))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", score);
}

char *
crk_report_format_ordinal (guint rank)
{
  if (crk_locale_prefers_chinese ())
    return g_strdup_printf (_ ("No. %u"), rank);
  if (rank % 100 >= 11 && rank % 100 <= 13)
    return g_strdup_printf ("%uth", rank);
  switch (rank % 10)
    {
      case 1:
        return g_strdup_printf ("%ust", rank);
      case 2:
        return g_strdup_printf ("%und", rank);
      case 3:
        return g_strdup_printf ("%urd", rank);
      default:
        return g_strdup_printf ("%uth", rank);
    }
}

/* "▲ 3", "▼ 2", "=", "new", or "" without a base year; coloured when @markup. */
char *
crk_report_format_change (CrkReport *self, guint city, gboolean markup)
{
  const CrkStyle *style = crk_report_get_style ();
  int rank_change = 0;
  double score_change = 0;
  g_autofree char *colour = NULL;
  g_autofree char *text = NULL;

  if (!crk_results_has_base_year (self->results) || crk_results_get_rank (self->results, city) == 0)
    return g_strdup ("");
  if (!crk_results_get_change (self->results, city, &rank_change, &score_change))
    {
      /* TRANSLATORS: in the change column: the city was not ranked in the base year */
      return markup ? g_markup_printf_escaped ("<i>%s</i>", _ ("new")) : g_strdup (_ ("new"));
    }
  if (rank_change > 0)
    {
      text = g_strdup_printf ("▲ %d", rank_change);
      colour = rgba_hex (&style->positive);
    }
  else if (rank_change < 0)
    {
      text = g_strdup_printf ("▼ %d", -rank_change);
      colour = rgba_hex (&style->negative);
    }
  else
    text = g_strdup ("=");
  if (!markup || colour == NULL)
    return g_steal_pointer (&text);
  return g_strdup_printf ("<span foreground=\"%s\">%s</span>", colour, text);
}

const char *
crk_report_tier_name (CrkReport *self, guint city)
{
  int tier = crk_results_get_tier (self->results, city);

  return tier >= 0 ? crk_results_get_tier_name (self->results, (guint) tier) : NULL;
}

char *
crk_report_escape (const char *s)
{
  return g_markup_escape_text (s != NULL ? s : "", -1);
}

/* The city's group as a reader sees it: its name in the report's language. */
char *
crk_report_group_markup (CrkReport *self, CrkCity *city)
{
  const char *attribute = self->group_attribute != NULL ? self->group_attribute : "province";

  return crk_report_escape (crk_dataset_get_group_display_name (
    crk_results_get_dataset (self->results), attribute, crk_city_get_attribute (city, attribute)));
}

char *
crk_report_group_header (CrkReport *self)
{
  g_autofree char *title = crk_dataset_dup_group_attribute_title (
    self->group_attribute != NULL ? self->group_attribute : "province");

  return crk_report_escape (title);
}

static char *
bold (const char *s)
{
  return g_markup_printf_escaped ("<b>%s</b>", s != NULL ? s : "");
}

char *
crk_report_city_name_markup (CrkReport *self, guint city)
{
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (self->results), city);

  return crk_report_city_markup (c);
}

const char *
crk_report_city_display_name (CrkReport *self, guint city)
{
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (self->results), city);
  const char *name = crk_city_get_display_name (c);

  return name != NULL && *name != '\0' ? name : crk_city_get_code (c);
}

/* Statistics */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
crk_report_median_of (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The ranking table */

/* The ranking table's heading and the note under it: the order, the scale, the change. */
static void
add_table_intro (CrkReport *self)
{
  CrkResults *r = self->results;
  GString *s = g_string_new (NULL);
  int root = 0;
  g_autofree char *scale = crk_chart_dup_scale_text (r, &root, 1);
  g_autofree char *in_order = crk_unit_kind_format_year (
    crk_report_unit_kind (self), CRK_UNIT_WORD_RANK_ORDER, crk_results_get_year (r));

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_TABLE)));
  g_string_append (s, in_order);
  /* The scale of the scores, a sentence of its own. */
  if (scale != NULL)
    g_string_append_printf (s, _ (" %s."), scale);
  if (crk_results_has_base_year (r))
    {
      crk_report_sentence_gap (s);
      g_string_append_printf (
        s, _ ("Change: places moved since %d (▲ up, ▼ down, = same; <i>new</i>: not ranked then)."),
        crk_results_get_base_year (r));
    }
  crk_report_add_block (self, CRK_BLOCK_NOTE, g_string_free (s, FALSE));
}

/* The table, its columns (rank, change, name, group, score, the @n_dims dimensions, tier)
 * and its header row. */
static int
add_table_header (CrkReport *self, GPtrArray *dims, guint n_dims)
{
  gboolean has_base = crk_results_has_base_year (self->results);
  guint n_tiers = crk_results_get_n_tiers (self->results);
  guint flags[CRK_REPORT_MAX_COLUMNS];
  guint n = 0;
  char **cells;
  int table;

  flags[n++] = CRK_COLUMN_NUMBER;
  if (has_base)
    flags[n++] = CRK_COLUMN_CENTER;
  flags[n++] = CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND;
  if (self->group_attribute != NULL)
    flags[n++] = CRK_COLUMN_WRAP;
  flags[n++] = CRK_COLUMN_NUMBER;
  for (guint d = 0; d < n_dims; d++)
    flags[n++] = CRK_COLUMN_NUMBER | CRK_COLUMN_WRAP;
  if (n_tiers > 0)
    flags[n++] = CRK_COLUMN_WRAP;
  table = crk_report_add_table (self, n, flags, CRK_REPORT_TABLE_SIZE);

  cells = crk_report_cells_new (n);
  n = 0;
  cells[n++] = g_strdup (_ ("Rank"));
  if (has_base)
    cells[n++] = g_strdup (_ ("Change"));
  cells[n++] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADER));
  if (self->group_attribute != NULL)
    cells[n++] = crk_report_group_header (self);
  cells[n++] = g_strdup (_ ("Score"));
  for (guint d = 0; d < n_dims; d++)
    cells[n++] =
      crk_report_escape (crk_framework_node_get_display_name (g_ptr_array_index (dims, d)));
  if (n_tiers > 0)
    cells[n++] = g_strdup (_ ("Tier"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);
  return table;
}

/* The group row that opens a tier: its name, its ranks and how many cities it has, from
 * the city at @i in @order on. */
static void
add_tier_group (CrkReport *self, int table, const guint *order, guint n_ranked, guint i, int tier)
{
  CrkResults *r = self->results;
  guint count = 0, first = 0, last = 0;
  const char *name = tier >= 0 ? crk_results_get_tier_name (r, (guint) tier) : _ ("No tier");
  g_autofree char *range = NULL;

  for (guint j = i; j < n_ranked && crk_results_get_tier (r, order[j]) == tier; j++)
    {
      if (count == 0)
        first = crk_results_get_rank (r, order[j]);
      last = crk_results_get_rank (r, order[j]);
      count++;
    }
  range = crk_unit_kind_format_tier_ranks (crk_report_unit_kind (self), first, last, count);
  crk_report_add_group (
    self, table,
    g_markup_printf_escaped ("<b>%s</b>   <span foreground=\"#666666\">%s</span>", name, range));
}

/* One ranked city's row; @dim_index: the results' node of each of the @n_dims dimensions. */
static void
add_city_row (CrkReport *self, int table, guint city, const int *dim_index, guint n_dims)
{
  CrkResults *r = self->results;
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (r), city);
  char **cells = crk_report_cells_new (CRK_REPORT_MAX_COLUMNS);
  g_autofree char *score = crk_report_format_score (crk_results_get_index_score (r, city));
  guint n = 0;

  cells[n++] = g_strdup_printf ("%u", crk_results_get_rank (r, city));
  if (crk_results_has_base_year (r))
    cells[n++] = crk_report_format_change (self, city, TRUE);
  cells[n++] = crk_report_city_markup (c);
  if (self->group_attribute != NULL)
    cells[n++] = crk_report_group_markup (self, c);
  cells[n++] = bold (score);
  for (guint d = 0; d < n_dims; d++)
    cells[n++] = dim_index[d] >= 0
      ? format_score1 (crk_results_get_score (r, (guint) dim_index[d], city))
      : g_strdup ("–");
  if (crk_results_get_n_tiers (r) > 0)
    cells[n++] = crk_report_escape (crk_report_tier_name (self, city));
  crk_report_add_row (self, table, cells, 0);
}

/* One note per city not ranked, so that a long list flows over pages. */
static void
add_unranked_notes (CrkReport *self)
{
  CrkResults *r = self->results;
  guint n_cities = crk_results_get_n_cities (r);
  guint n_unranked = 0;

  for (guint city = 0; city < n_cities; city++)
    {
      const char *reason = crk_results_get_unranked_reason (r, city);
      g_autofree char *name = NULL;
      g_autofree char *why = NULL;

      if (crk_results_get_rank (r, city) > 0)
        continue;
      if (n_unranked++ == 0)
        {
          guint heading = crk_report_add_block (
            self, CRK_BLOCK_NOTE, g_markup_printf_escaped ("<b>%s</b>", _ ("Not ranked")));

          g_array_index (self->blocks, CrkBlock, heading).keep_with_next = TRUE;
        }
      name = crk_report_city_name_markup (self, city);
      why = crk_report_escape (reason != NULL ? reason : _ ("no score"));
      crk_report_add_block (self, CRK_BLOCK_NOTE, g_strdup_printf ("%s: %s", name, why));
    }
}

int
crk_report_build_table (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  GPtrArray *dims = crk_dataset_get_dimensions (dataset);
  guint n_tiers = crk_results_get_n_tiers (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  guint n_dims = dims != NULL ? dims->len : 0;
  g_autofree int *dim_index = g_new0 (int, MAX (n_dims, 1));
  int current_tier = -2;
  int table;

  n_dims = MIN (n_dims, CRK_REPORT_MAX_COLUMNS - 7);
  for (guint d = 0; d < n_dims; d++)
    dim_index[d] =
      crk_results_lookup_node (r, crk_framework_node_get_code (g_ptr_array_index (dims, d)));

  add_table_intro (self);
  table = add_table_header (self, dims, n_dims);
  for (guint i = 0; i < n_ranked; i++)
    {
      guint city = order[i];
      int tier = crk_results_get_tier (r, city);

      if (n_tiers > 0 && tier != current_tier)
        {
          add_tier_group (self, table, order, n_ranked, i, tier);
          current_tier = tier;
        }
      add_city_row (self, table, city, dim_index, n_dims);
    }
  add_unranked_notes (self);
  return table;
}

/* The index of profiles */

typedef struct
{
  char *key; /* collation key of the display name */
  guint city;
  guint number;
} IndexEntry;

static int
compare_index_entries (gconstpointer a, gconstpointer b)
{
  const IndexEntry *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : (x->city < y->city ? -1 : x->city > y->city);
}

void
crk_report_build_index (CrkReport *self, const guint *numbers)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  gboolean group = self->group_attribute != NULL;
  guint flags[4] = {CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND, CRK_COLUMN_WRAP, CRK_COLUMN_NUMBER,
                    CRK_COLUMN_NUMBER};
  guint n_columns = group ? 4 : 3;
  guint n;
  char **cells;
  int table;

  for (guint i = 0; i < self->profiles->len; i++)
    {
      IndexEntry e;

      e.city = g_array_index (self->profiles, guint, i);
      e.number = numbers[i];
      e.key = g_utf8_collate_key (crk_report_city_display_name (self, e.city), -1);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_index_entries);

  crk_report_add_block (self, CRK_BLOCK_H2,
                        g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_PROFILE_INDEX)));
  crk_report_add_block (self, CRK_BLOCK_NOTE,
                        g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_PROFILE_INDEX_NOTE)));
  if (!group)
    memmove (flags + 1, flags + 2, 2 * sizeof flags[0]);
  table = crk_report_add_table (self, n_columns, flags, CRK_REPORT_TABLE_SIZE);
  cells = crk_report_cells_new (n_columns);
  n = 0;
  cells[n++] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADER));
  if (group)
    cells[n++] = crk_report_group_header (self);
  cells[n++] = g_strdup (_ ("Rank"));
  cells[n++] = g_strdup (_ ("Page"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);
  for (guint i = 0; i < entries->len; i++)
    {
      IndexEntry *e = &g_array_index (entries, IndexEntry, i);
      CrkCity *c = crk_dataset_get_city (dataset, e->city);
      guint rank = crk_results_get_rank (r, e->city);

      cells = crk_report_cells_new (n_columns);
      n = 0;
      cells[n++] = crk_report_city_markup (c);
      if (group)
        cells[n++] = crk_report_group_markup (self, c);
      cells[n++] = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
      cells[n++] = g_strdup_printf ("%u", e->number);
      crk_report_add_row (self, table, cells, 0);
      g_free (e->key);
    }
}

/* Profiles */

/* "Its strongest dimension is A (score, rank), its weakest B (...)" by rank among the
 * cities; "it is above the median city on n of m dimensions, most of all in C (+x
 * points)." */
static void
describe_dimensions (CrkReport *self, guint city, GString *s)
{
  CrkResults *r = self->results;
  GPtrArray *dims = crk_dataset_get_dimensions (crk_results_get_dataset (r));
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  g_autofree double *values = g_new (double, MAX (n_ranked, 1));
  int best = -1, worst = -1, widest = -1;
  double best_score = -INFINITY, worst_score = INFINITY, widest_gap = 0;
  guint best_rank = 0, worst_rank = 0, ahead = 0, compared = 0;

  if (dims == NULL || dims->len < 2)
    return;
  for (guint d = 0; d < dims->len; d++)
    {
      int node =
        crk_results_lookup_node (r, crk_framework_node_get_code (g_ptr_array_index (dims, d)));
      double score, median;
      guint n = 0, rank;

      if (node < 0)
        continue;
      score = crk_results_get_score (r, (guint) node, city);
      if (isnan (score))
        continue;
      /* Strength is relative to the other cities: by rank, then by score. */
      rank = crk_results_get_node_rank (r, (guint) node, city);
      if (rank > 0 && (best < 0 || rank < best_rank || (rank == best_rank && score > best_score)))
        {
          best_score = score;
          best_rank = rank;
          best = node;
        }
      if (rank > 0 &&
          (worst < 0 || rank > worst_rank || (rank == worst_rank && score < worst_score)))
        {
          worst_score = score;
          worst_rank = rank;
          worst = node;
        }
      for (guint i = 0; i < n_ranked; i++)
        {
          double v = crk_results_get_score (r, (guint) node, order[i]);

          if (!isnan (v))
            values[n++] = v;
        }
      median = crk_report_median_of (values, n);
      if (isnan (median))
        continue;
      compared++;
      if (score > median)
        ahead++;
      if (widest < 0 || fabs (score - median) > fabs (widest_gap))
        {
          widest = node;
          widest_gap = score - median;
        }
    }
  if (best >= 0 && worst >= 0 && best != worst)
    {
      g_autofree char *a = crk_report_escape (
        crk_framework_node_get_display_name (crk_results_get_node (r, (guint) best)));
      g_autofree char *b = crk_report_escape (
        crk_framework_node_get_display_name (crk_results_get_node (r, (guint) worst)));
      g_autofree char *ra =
        crk_report_format_ordinal (crk_results_get_node_rank (r, (guint) best, city));
      g_autofree char *rb =
        crk_report_format_ordinal (crk_results_get_node_rank (r, (guint) worst, city));

      crk_report_sentence_gap (s);
      g_string_append_printf (
        s, _ ("Its strongest dimension is %s (%.1f, %s), its weakest %s (%.1f, %s)."), a,
        best_score, ra, b, worst_score, rb);
    }
  if (widest >= 0 && compared > 0)
    {
      g_autofree char *w = crk_report_escape (
        crk_framework_node_get_display_name (crk_results_get_node (r, (guint) widest)));

      crk_report_sentence_gap (s);
      g_autofree char *above = crk_unit_kind_format_above_median (crk_report_unit_kind (self),
                                                                  ahead, compared, w, widest_gap);

      g_string_append (s, above);
    }
}

char *
crk_report_dup_city_text (CrkReport *self, guint city)
{
  CrkResults *r = self->results;
  guint rank = crk_results_get_rank (r, city);
  g_autofree char *name = crk_report_escape (crk_report_city_display_name (self, city));
  g_autofree char *score = crk_report_format_score (crk_results_get_index_score (r, city));
  GString *s = g_string_new (NULL);
  int rank_change = 0;
  double score_change = 0;

  if (rank == 0)
    {
      const char *reason = crk_results_get_unranked_reason (r, city);
      g_autofree char *why = crk_report_escape (reason != NULL ? reason : _ ("no score"));

      g_string_append_printf (s, _ ("%s is not ranked for %d: %s."), name, crk_results_get_year (r),
                              why);
      return g_string_free (s, FALSE);
    }

  {
    g_autofree char *ordinal = crk_report_format_ordinal (rank);
    g_autofree char *sentence =
      crk_unit_kind_format_ranks_of (crk_report_unit_kind (self), name, ordinal,
                                     crk_results_get_n_ranked (r), crk_results_get_year (r), score);

    g_string_append (s, sentence);
  }
  if (crk_results_has_base_year (r))
    {
      int base_year = crk_results_get_base_year (r);

      crk_report_sentence_gap (s);
      if (!crk_results_get_change (r, city, &rank_change, &score_change))
        g_string_append_printf (s, _ ("It was not ranked in %d."), base_year);
      else if (rank_change > 0)
        g_string_append_printf (s,
                                ngettext ("It moved up %d place since %d (score %+.2f).",
                                          "It moved up %d places since %d (score %+.2f).",
                                          rank_change),
                                rank_change, base_year, score_change);
      else if (rank_change < 0)
        g_string_append_printf (s,
                                ngettext ("It moved down %d place since %d (score %+.2f).",
                                          "It moved down %d places since %d (score %+.2f).",
                                          -rank_change),
                                -rank_change, base_year, score_change);
      else
        g_string_append_printf (s, _ ("It holds the same rank as in %d (score %+.2f)."), base_year,
                                score_change);
    }
  describe_dimensions (self, city, s);
  {
    guint reference = crk_city_get_reference_rank (
      crk_dataset_get_city (crk_results_get_dataset (r), city), crk_results_get_year (r));

    if (reference > 0)
      {
        g_autofree char *ordinal = crk_report_format_ordinal (reference);

        crk_report_sentence_gap (s);
        g_string_append_printf (s, _ ("The published ranking places it %s."), ordinal);
      }
  }
  return g_string_free (s, FALSE);
}
