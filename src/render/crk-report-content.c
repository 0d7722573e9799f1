/* crk-report-content.c: the text and tables of the report's flowing sections
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

#define N_RISERS 5

/* Building blocks */

guint
crk_report_add_block (CrkReport *self,
                      CrkBlockKind kind,
                      char *markup)
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
crk_report_add_table (CrkReport *self,
                      guint n_columns,
                      const guint *column_flags,
                      double font_size)
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
crk_report_add_row (CrkReport *self,
                    int table,
                    char **cells,
                    guint flags)
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
static void
sentence_gap (GString *s)
{
  if (!crk_text_ends_wide (s->str, (gssize) s->len))
    g_string_append_c (s, ' ');
}

static guint
add_group (CrkReport *self,
           int table,
           char *markup)
{
  guint index = crk_report_add_block (self, CRK_BLOCK_GROUP, markup);

  g_array_index (self->blocks, CrkBlock, index).table = table;
  return index;
}

static char **
cells_new (guint n)
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
    return g_markup_printf_escaped ("%s <span lang=\"zh-cn\" foreground=\"%s\">%s</span>",
                                    display, grey, other);
  return g_markup_printf_escaped ("<span lang=\"zh-cn\">%s</span> <span foreground=\"%s\">%s</span>",
                                  display, grey, other);
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
crk_report_format_change (CrkReport *self,
                          guint city,
                          gboolean markup)
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

static const char *
tier_name (CrkReport *self,
           guint city)
{
  int tier = crk_results_get_tier (self->results, city);

  return tier >= 0 ? crk_results_get_tier_name (self->results, (guint) tier) : NULL;
}

static char *
escape (const char *s)
{
  return g_markup_escape_text (s != NULL ? s : "", -1);
}

/* The city's province as a reader sees it: its name in the report's language. */
static char *
province_markup (CrkDataset *dataset,
                 CrkCity *city)
{
  return escape (crk_dataset_get_group_display_name (dataset, "province", crk_city_get_province (city)));
}

static char *
bold (const char *s)
{
  return g_markup_printf_escaped ("<b>%s</b>", s != NULL ? s : "");
}

static char *
city_name_markup (CrkReport *self,
                  guint city)
{
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (self->results), city);

  return crk_report_city_markup (c);
}

static const char *
city_display_name (CrkReport *self,
                   guint city)
{
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (self->results), city);
  const char *name = crk_city_get_display_name (c);

  return name != NULL && *name != '\0' ? name : crk_city_get_code (c);
}

/* "Shenzhen (1), Suzhou (2) and Guangzhou (3)" from a list of markups. */
static char *
join_list (GPtrArray *items)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i + 1 == items->len)
        g_string_append (s, _ (" and "));
      else if (i > 0)
        g_string_append (s, _ (", "));
      g_string_append (s, g_ptr_array_index (items, i));
    }
  return g_string_free (s, FALSE);
}

/* Summary */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

static double
median_of (double *values,
           guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
build_overview (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  guint n_cities = crk_results_get_n_cities (r);
  g_autofree double *scores = g_new (double, MAX (n_ranked, 1));
  double sum = 0;
  GString *text = g_string_new (NULL);
  g_autofree char *title = escape (crk_dataset_get_display_title (dataset));

  for (guint i = 0; i < n_ranked; i++)
    {
      scores[i] = crk_results_get_index_score (r, order[i]);
      sum += scores[i];
    }

  g_string_append_printf (text,
                          ngettext ("<i>%s</i> ranks %u city for %d.",
                                    "<i>%s</i> ranks %u cities for %d.", n_ranked),
                          title, n_ranked, crk_results_get_year (r));
  if (n_ranked >= 3)
    {
      g_autofree char *a = escape (city_display_name (self, order[0]));
      g_autofree char *b = escape (city_display_name (self, order[1]));
      g_autofree char *c = escape (city_display_name (self, order[2]));
      g_autofree char *sa = crk_report_format_score (scores[0]);
      g_autofree char *sb = crk_report_format_score (scores[1]);
      g_autofree char *sc = crk_report_format_score (scores[2]);

      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              _ ("%s leads with a score of %s, ahead of %s (%s) and %s (%s)."),
                              a, sa, b, sb, c, sc);
    }
  if (n_ranked > 0)
    {
      double mean = sum / n_ranked;
      g_autofree char *smean = crk_report_format_score (mean);
      g_autofree char *smax = crk_report_format_score (scores[0]);
      g_autofree char *smin = crk_report_format_score (scores[n_ranked - 1]);
      g_autofree char *smedian = NULL;

      smedian = crk_report_format_score (median_of (scores, n_ranked));
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              _ ("The mean score is %s and the median %s; scores range from %s to %s."),
                              smean, smedian, smin, smax);
    }
  if (n_cities > n_ranked)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("%u city is not ranked for lack of data.",
                                        "%u cities are not ranked for lack of data.",
                                        n_cities - n_ranked),
                              n_cities - n_ranked);
    }
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH, g_string_free (text, FALSE));
}

static void
build_top10 (CrkReport *self)
{
  CrkResults *r = self->results;
  gboolean has_base = crk_results_has_base_year (r);
  gboolean has_tiers = crk_results_get_n_tiers (r) > 0;
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  guint flags[6];
  guint n = 0;
  char **cells;
  int table;

  flags[n++] = CRK_COLUMN_NUMBER;
  flags[n++] = CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND;
  flags[n++] = CRK_COLUMN_WRAP;
  flags[n++] = CRK_COLUMN_NUMBER;
  if (has_base)
    flags[n++] = CRK_COLUMN_CENTER;
  if (has_tiers)
    flags[n++] = CRK_COLUMN_WRAP;
  table = crk_report_add_table (self, n, flags, CRK_REPORT_TABLE_SIZE + 0.5);

  cells = cells_new (n);
  n = 0;
  cells[n++] = g_strdup (_ ("Rank"));
  cells[n++] = g_strdup (_ ("City"));
  cells[n++] = g_strdup (_ ("Province"));
  cells[n++] = g_strdup (_ ("Score"));
  if (has_base)
    cells[n++] = g_strdup_printf (_ ("Change since %d"), crk_results_get_base_year (r));
  if (has_tiers)
    cells[n++] = g_strdup (_ ("Tier"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint i = 0; i < MIN (n_ranked, 10); i++)
    {
      guint city = order[i];
      CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (r), city);

      cells = cells_new (6);
      n = 0;
      cells[n++] = g_strdup_printf ("%u", crk_results_get_rank (r, city));
      cells[n++] = crk_report_city_markup (c);
      cells[n++] = province_markup (crk_results_get_dataset (r), c);
      cells[n++] = crk_report_format_score (crk_results_get_index_score (r, city));
      if (has_base)
        cells[n++] = crk_report_format_change (self, city, TRUE);
      if (has_tiers)
        cells[n++] = escape (tier_name (self, city));
      crk_report_add_row (self, table, cells, 0);
    }
}

typedef struct
{
  guint city;
  int change;
} Mover;

static int
compare_movers (gconstpointer a,
                gconstpointer b)
{
  const Mover *x = a, *y = b;

  if (x->change != y->change)
    return x->change > y->change ? -1 : 1;
  return x->city < y->city ? -1 : x->city > y->city;
}

static int
compare_movers_ascending (gconstpointer a,
                          gconstpointer b)
{
  return -compare_movers (a, b);
}

static void
build_entering (CrkReport *self,
                guint top)
{
  CrkResults *r = self->results;
  guint n_cities = crk_results_get_n_cities (r);
  int base_year = crk_results_get_base_year (r);
  g_autoptr (GPtrArray) entered = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) entered_cities = g_array_new (FALSE, FALSE, sizeof (Mover));
  g_autoptr (GArray) left_cities = g_array_new (FALSE, FALSE, sizeof (Mover));
  g_autofree char *heading = NULL;

  for (guint city = 0; city < n_cities; city++)
    {
      guint rank = crk_results_get_rank (r, city);
      guint base = crk_results_get_base_rank (r, city);
      gboolean now_in = rank > 0 && rank <= top;
      gboolean then_in = base > 0 && base <= top;
      Mover m = {city, (int) rank};

      if (now_in && !then_in)
        g_array_append_val (entered_cities, m);
      else if (then_in && !now_in)
        {
          m.change = (int) base;
          g_array_append_val (left_cities, m);
        }
    }
  /* Entered: by rank now; left: by rank then. */
  g_array_sort (entered_cities, compare_movers_ascending);
  g_array_sort (left_cities, compare_movers_ascending);

  for (guint i = 0; i < entered_cities->len; i++)
    {
      Mover *m = &g_array_index (entered_cities, Mover, i);
      g_autofree char *name = city_name_markup (self, m->city);
      guint base = crk_results_get_base_rank (r, m->city);

      if (base > 0)
        g_ptr_array_add (entered, g_strdup_printf (_ ("%s (%u, from %u)"), name, (guint) m->change, base));
      else
        g_ptr_array_add (entered, g_strdup_printf (_ ("%s (%u, not ranked in %d)"), name, (guint) m->change, base_year));
    }
  for (guint i = 0; i < left_cities->len; i++)
    {
      Mover *m = &g_array_index (left_cities, Mover, i);
      g_autofree char *name = city_name_markup (self, m->city);
      guint rank = crk_results_get_rank (r, m->city);

      if (rank > 0)
        g_ptr_array_add (left, g_strdup_printf (_ ("%s (%u, down from %u)"), name, rank, (guint) m->change));
      else
        g_ptr_array_add (left, g_strdup_printf (_ ("%s (not ranked, from %u)"), name, (guint) m->change));
    }

  heading = g_strdup_printf (_ ("Entering and leaving the top %u"), top);
  crk_report_add_block (self, CRK_BLOCK_H2, escape (heading));
  if (entered->len == 0 && left->len == 0)
    {
      crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                            g_strdup_printf (_ ("The top %u is made of the same cities as in %d."),
                                             top, base_year));
      return;
    }
  if (entered->len > 0)
    {
      g_autofree char *list = join_list (entered);

      crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                            g_strdup_printf (ngettext ("Compared with %d, %u city entered the top %u: %s.",
                                                       "Compared with %d, %u cities entered the top %u: %s.",
                                                       entered->len),
                                             base_year, entered->len, top, list));
    }
  else
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                          g_strdup_printf (_ ("Compared with %d, no city entered the top %u."), base_year, top));
  if (left->len > 0)
    {
      g_autofree char *list = join_list (left);

      crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                            g_strdup_printf (ngettext ("%u city left it: %s.",
                                                       "%u cities left it: %s.", left->len),
                                             left->len, list));
    }
  else
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH, g_strdup (_ ("No city left it.")));
}

static void
build_movers (CrkReport *self)
{
  CrkResults *r = self->results;
  guint n_cities = crk_results_get_n_cities (r);
  int base_year = crk_results_get_base_year (r);
  g_autoptr (GArray) movers = g_array_new (FALSE, FALSE, sizeof (Mover));
  guint flags[5] = {
    CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND,
    CRK_COLUMN_WRAP,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_CENTER,
  };
  char **cells;
  int table;

  for (guint city = 0; city < n_cities; city++)
    {
      int rank_change;
      double score_change;

      if (crk_results_get_rank (r, city) > 0 &&
          crk_results_get_change (r, city, &rank_change, &score_change) && rank_change != 0)
        {
          Mover m = {city, rank_change};

          g_array_append_val (movers, m);
        }
    }
  if (movers->len == 0)
    return;
  g_array_sort (movers, compare_movers);

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Largest risers and fallers")));
  table = crk_report_add_table (self, 5, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = cells_new (5);
  cells[0] = g_strdup (_ ("City"));
  cells[1] = g_strdup (_ ("Province"));
  cells[2] = g_strdup_printf (_ ("Rank %d"), crk_results_get_year (r));
  cells[3] = g_strdup_printf (_ ("Rank %d"), base_year);
  cells[4] = g_strdup (_ ("Change"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean risers = pass == 0;
      guint shown = 0;

      for (guint k = 0; k < movers->len && shown < N_RISERS; k++)
        {
          const Mover *m = &g_array_index (movers, Mover, risers ? k : movers->len - 1 - k);
          CrkCity *c;

          if ((risers && m->change <= 0) || (!risers && m->change >= 0))
            break;
          if (shown == 0)
            add_group (self, table, g_strdup (risers ? _ ("Risers") : _ ("Fallers")));
          c = crk_dataset_get_city (crk_results_get_dataset (r), m->city);
          cells = cells_new (5);
          cells[0] = crk_report_city_markup (c);
          cells[1] = province_markup (crk_results_get_dataset (r), c);
          cells[2] = g_strdup_printf ("%u", crk_results_get_rank (r, m->city));
          cells[3] = g_strdup_printf ("%u", crk_results_get_base_rank (r, m->city));
          cells[4] = crk_report_format_change (self, m->city, TRUE);
          crk_report_add_row (self, table, cells, 0);
          shown++;
        }
    }
}

static void
build_tiers (CrkReport *self)
{
  CrkResults *r = self->results;
  guint n_tiers = crk_results_get_n_tiers (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  guint flags[5] = {
    CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
  };
  char **cells;
  int table;

  if (n_tiers == 0)
    return;

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Cities by tier")));
  table = crk_report_add_table (self, 5, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = cells_new (5);
  cells[0] = g_strdup (_ ("Tier"));
  cells[1] = g_strdup (_ ("Ranks"));
  cells[2] = g_strdup (_ ("Cities"));
  cells[3] = g_strdup (_ ("Scores"));
  cells[4] = g_strdup (_ ("Mean score"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint t = 0; t < n_tiers; t++)
    {
      guint count = 0, first = 0, last = 0;
      double lo = INFINITY, hi = -INFINITY, sum = 0;

      for (guint i = 0; i < n_ranked; i++)
        {
          guint city = order[i];
          double s = crk_results_get_index_score (r, city);
          guint rank = crk_results_get_rank (r, city);

          if (crk_results_get_tier (r, city) != (int) t)
            continue;
          if (count == 0)
            first = rank;
          last = rank;
          count++;
          lo = MIN (lo, s);
          hi = MAX (hi, s);
          sum += s;
        }
      cells = cells_new (5);
      cells[0] = escape (crk_results_get_tier_name (r, t));
      if (count == 0)
        {
          cells[1] = g_strdup ("–");
          cells[2] = g_strdup ("0");
          cells[3] = g_strdup ("–");
          cells[4] = g_strdup ("–");
        }
      else
        {
          g_autofree char *slo = crk_report_format_score (lo);
          g_autofree char *shi = crk_report_format_score (hi);

          cells[1] = first == last ? g_strdup_printf ("%u", first) : g_strdup_printf ("%u–%u", first, last);
          cells[2] = g_strdup_printf ("%u", count);
          cells[3] = g_strdup_printf ("%s–%s", slo, shi);
          cells[4] = crk_report_format_score (sum / count);
        }
      crk_report_add_row (self, table, cells, 0);
    }
}

typedef struct
{
  char *name;
  guint count;
  guint in_top10;
  double sum;
  guint best_city;
  guint best_rank;
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->name);
  g_free (g);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(Group *const *) a, *y = *(Group *const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->best_rank < y->best_rank ? -1 : x->best_rank > y->best_rank;
}

static void
build_groups (CrkReport *self,
              const char *attribute,
              const char *heading,
              const char *column)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  guint flags[5] = {
    CRK_COLUMN_WRAP,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND,
  };
  char **cells;
  int table;

  for (guint i = 0; i < n_ranked; i++)
    {
      CrkCity *c = crk_dataset_get_city (dataset, order[i]);
      const char *value = crk_city_get_attribute (c, attribute);
      Group *g;

      if (value == NULL || *value == '\0')
        continue;
      g = g_hash_table_lookup (by_name, value);
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->name = g_strdup (value);
          g->best_city = order[i];
          g->best_rank = crk_results_get_rank (r, order[i]);
          g_hash_table_insert (by_name, g->name, g);
          g_ptr_array_add (groups, g);
        }
      g->count++;
      g->sum += crk_results_get_index_score (r, order[i]);
      if (crk_results_get_rank (r, order[i]) <= 10)
        g->in_top10++;
    }
  if (groups->len < 2)
    return;
  g_ptr_array_sort (groups, compare_groups);

  crk_report_add_block (self, CRK_BLOCK_H2, escape (heading));
  table = crk_report_add_table (self, 5, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = cells_new (5);
  cells[0] = escape (column);
  cells[1] = g_strdup (_ ("Cities"));
  cells[2] = g_strdup (_ ("In the top 10"));
  cells[3] = g_strdup (_ ("Mean score"));
  cells[4] = g_strdup (_ ("Best placed"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = g_ptr_array_index (groups, i);
      g_autofree char *name = city_name_markup (self, g->best_city);

      cells = cells_new (5);
      cells[0] = escape (crk_dataset_get_group_display_name (dataset, attribute, g->name));
      cells[1] = g_strdup_printf ("%u", g->count);
      cells[2] = g_strdup_printf ("%u", g->in_top10);
      cells[3] = crk_report_format_score (g->sum / g->count);
      cells[4] = g_strdup_printf ("%s (%u)", name, g->best_rank);
      crk_report_add_row (self, table, cells, 0);
    }
}

void
crk_report_build_summary (CrkReport *self)
{
  CrkResults *r = self->results;
  guint n_ranked = crk_results_get_n_ranked (r);
  guint top = crk_report_options_get_summary_top (self->options);

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_SUMMARY)));
  build_overview (self);
  if (n_ranked > 0)
    {
      crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("The top 10")));
      build_top10 (self);
    }
  if (crk_results_has_base_year (r))
    {
      if (n_ranked <= top)
        top = MIN (10, n_ranked);
      if (top > 0)
        build_entering (self, top);
      build_movers (self);
    }
  else
    crk_report_add_block (self, CRK_BLOCK_NOTE,
                          g_strdup (_ ("The method sets no base year, so the report shows no changes in rank.")));
  build_tiers (self);
  build_groups (self, "region", _ ("Cities by region"), _ ("Region"));
  build_groups (self, "province", _ ("Cities by province"), _ ("Province"));
}

/* Method */

typedef struct
{
  CrkReport *self;
  int table;
  GHashTable *index_of; /* node -> node index + 1 */
} FrameworkWalk;

static double
weight_in_index (CrkResults *r,
                 GHashTable *index_of,
                 CrkFrameworkNode *node)
{
  double w = 1;

  for (; crk_framework_node_get_parent (node) != NULL; node = crk_framework_node_get_parent (node))
    w *= crk_results_get_weight (r, GPOINTER_TO_UINT (g_hash_table_lookup (index_of, node)) - 1);
  return w;
}

static char *
format_percent (double share)
{
  if (isnan (share))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", 100 * share);
}

static gboolean
add_framework_row (CrkFrameworkNode *node,
                   gpointer user_data)
{
  FrameworkWalk *walk = user_data;
  CrkResults *r = walk->self->results;
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (walk->index_of, node)) - 1;
  guint depth = crk_framework_node_get_depth (node);
  CrkIndicator *indicator = crk_framework_node_get_indicator (node);
  g_autofree char *weight = NULL;
  g_autofree char *overall = NULL;
  char **cells;

  if (depth == 0)
    return TRUE;

  weight = format_percent (crk_results_get_weight (r, index));
  overall = format_percent (weight_in_index (r, walk->index_of, node));
  cells = cells_new (6);
  if (crk_framework_node_is_leaf (node))
    {
      int direction = indicator != NULL ? crk_indicator_get_direction (indicator) : 1;

      cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (node), -1);
      cells[1] = g_markup_printf_escaped ("<span foreground=\"#777777\">%s</span>",
                                          crk_framework_node_get_code (node));
      cells[2] = escape (indicator != NULL ? crk_indicator_get_display_unit (indicator) : NULL);
      /* TRUE: more is better */
      cells[3] = g_strdup (direction < 0 ? _ ("↓ lower") : _ ("↑ higher"));
      cells[4] = g_steal_pointer (&weight);
      cells[5] = g_steal_pointer (&overall);
      crk_report_add_row (walk->self, walk->table, cells, CRK_ROW_INDENT (depth - 1));
    }
  else
    {
      cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (node), -1);
      cells[1] = g_markup_printf_escaped ("<span foreground=\"#777777\">%s</span>",
                                          crk_framework_node_get_code (node));
      cells[2] = g_strdup ("");
      cells[3] = g_strdup ("");
      cells[4] = g_steal_pointer (&weight);
      cells[5] = g_steal_pointer (&overall);
      crk_report_add_row (walk->self, walk->table, cells, CRK_ROW_STRONG | CRK_ROW_RULE | CRK_ROW_INDENT (depth - 1));
    }
  return TRUE;
}

static const char *
normalisation_text (CrkNormalisation mode)
{
  switch (mode)
    {
      case CRK_NORMALISATION_MINMAX:
        return _ ("min-max rescaling");
      case CRK_NORMALISATION_ZSCORE:
        return _ ("z-scores");
      case CRK_NORMALISATION_RANK:
        return _ ("ranks");
      case CRK_NORMALISATION_PERCENTILE_RANK:
        return _ ("percentile ranks");
      case CRK_NORMALISATION_GOALPOSTS:
        return _ ("distance to target (goalposts)");
      case CRK_NORMALISATION_INHERIT:
      default:
        return _ ("the default normalisation");
    }
}

static const char *
aggregation_text (CrkAggregation mode)
{
  switch (mode)
    {
      case CRK_AGGREGATION_ARITHMETIC:
        return _ ("the weighted arithmetic mean");
      case CRK_AGGREGATION_GEOMETRIC:
        return _ ("the weighted geometric mean");
      case CRK_AGGREGATION_HARMONIC:
        return _ ("the weighted harmonic mean");
      case CRK_AGGREGATION_TOPSIS:
        return _ ("TOPSIS (closeness to the ideal city)");
      case CRK_AGGREGATION_INHERIT:
      default:
        return _ ("the default aggregation");
    }
}

static char *
item (const char *label,
      char *text)
{
  char *markup = g_markup_printf_escaped ("<b>%s</b> ", label);
  char *all = g_strconcat (markup, text, NULL);

  g_free (markup);
  g_free (text);
  return all;
}

static void
build_computation (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkMethod *m = crk_results_get_method (r);
  double p1 = 0, p2 = 0;
  CrkNormalisation norm = crk_method_get_normalisation (m, &p1, &p2);
  g_auto (GStrv) norm_overrides = crk_method_dup_normalisation_overrides (m);
  g_auto (GStrv) weight_overrides = crk_method_dup_weight_overrides (m);
  g_auto (GStrv) node_aggregations = crk_method_dup_node_aggregations (m);
  g_autoptr (GArray) level_aggregations = crk_method_dup_level_aggregations (m);
  char *text;

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Computation")));

  /* Denomination */
  if (crk_method_get_denomination (m) == CRK_DENOMINATION_DATASET)
    text = g_strdup (_ ("Indicators with a denominator (population, GDP, area…) are divided by it first."));
  else
    text = g_strdup (_ ("Indicators are used as published, without dividing by a denominator."));
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Denomination."), text));

  /* Imputation */
  switch (crk_method_get_imputation (m))
    {
      case CRK_IMPUTATION_MEAN:
        text = g_strdup (_ ("A missing value takes the mean of the indicator over the cities that have one."));
        break;
      case CRK_IMPUTATION_MEDIAN:
        text = g_strdup (_ ("A missing value takes the median of the indicator over the cities that have one."));
        break;
      case CRK_IMPUTATION_GROUP_MEAN:
        text = g_markup_printf_escaped (_ ("A missing value takes the mean of the indicator over the cities of the same %s."),
                                        crk_method_get_impute_group (m));
        break;
      case CRK_IMPUTATION_GROUP_MEDIAN:
        text = g_markup_printf_escaped (_ ("A missing value takes the median of the indicator over the cities of the same %s."),
                                        crk_method_get_impute_group (m));
        break;
      case CRK_IMPUTATION_NONE:
      default:
        text = g_strdup (_ ("Missing values are not imputed: a score is the weighted mean of the parts a city has, their weights renormalised."));
        break;
    }
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Missing values."), text));

  /* Treatment */
  if (crk_method_get_treatment (m) == CRK_TREATMENT_WINSORISE)
    {
      double skew = 0, kurt = 0;
      guint max_points = 0;

      crk_method_get_treatment_params (m, &skew, &kurt, &max_points);
      text = g_strdup_printf (_ ("An indicator whose absolute skewness is at least %g and whose kurtosis is at least %g is winsorised, "
                                 "one point at a time and at most %u points; if that is not enough, it is log-transformed instead."),
                              skew, kurt, max_points);
    }
  else
    text = g_strdup (_ ("Outliers are not treated."));
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Outliers."), text));

  /* Normalisation */
  switch (norm)
    {
      case CRK_NORMALISATION_MINMAX:
        text = g_strdup_printf (_ ("Each indicator is rescaled to [%g, %g] over the cities with a value (min-max); "
                                   "where less is better the scale is reversed."),
                                p1, p2);
        break;
      case CRK_NORMALISATION_ZSCORE:
        text = g_strdup_printf (_ ("Each indicator is standardised to a mean of %g and a standard deviation of %g (z-scores); "
                                   "where less is better the sign is reversed."),
                                p1, p2);
        break;
      case CRK_NORMALISATION_RANK:
        text = g_strdup (_ ("Each indicator is replaced by the cities' ranks, scaled to [0, 100], ties averaged."));
        break;
      case CRK_NORMALISATION_PERCENTILE_RANK:
        text = g_strdup (_ ("Each indicator is replaced by the cities' percentile ranks in [0, 100]."));
        break;
      case CRK_NORMALISATION_GOALPOSTS:
        text = g_strdup (_ ("Each indicator is scored by its distance to a target between the indicator's goalposts, clipped to [0, 100]."));
        break;
      case CRK_NORMALISATION_INHERIT:
      default:
        text = g_strdup (normalisation_text (norm));
        break;
    }
  if (norm_overrides != NULL && norm_overrides[0] != NULL)
    {
      GString *s = g_string_new (text);

      g_free (text);
      sentence_gap (s);
      g_string_append (s, _ ("Exceptions:"));
      for (guint i = 0; norm_overrides[i] != NULL; i++)
        {
          CrkNormalisation mode = crk_method_get_indicator_normalisation (m, norm_overrides[i], NULL, NULL);
          g_autofree char *e = g_markup_printf_escaped (" %s (%s)%s", norm_overrides[i],
                                                        normalisation_text (mode),
                                                        norm_overrides[i + 1] != NULL ? "," : ".");

          g_string_append (s, e);
        }
      text = g_string_free (s, FALSE);
    }
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Normalisation."), text));

  /* Weights */
  switch (crk_method_get_weight_scheme (m))
    {
      case CRK_WEIGHTS_EQUAL:
        text = g_strdup (_ ("Equal weights among the parts of each node."));
        break;
      case CRK_WEIGHTS_ENTROPY:
        text = g_strdup (_ ("Weights from the entropy weight method: a part whose scores vary more across cities weighs more."));
        break;
      case CRK_WEIGHTS_CRITIC:
        text = g_strdup (_ ("CRITIC weights: a part weighs more when its scores vary more and correlate less with its siblings."));
        break;
      case CRK_WEIGHTS_PCA:
        text = g_strdup (_ ("Weights from a principal component analysis of each node's parts."));
        break;
      case CRK_WEIGHTS_DATASET:
      default:
        text = g_strdup (_ ("The weights published with the framework, shown in the table above."));
        break;
    }
  if (weight_overrides != NULL && weight_overrides[0] != NULL)
    {
      char *more = g_strdup_printf (ngettext (" %u weight was changed by the analyst.",
                                              " %u weights were changed by the analyst.",
                                              g_strv_length (weight_overrides)),
                                    g_strv_length (weight_overrides));
      char *all = g_strconcat (text, more, NULL);

      g_free (text);
      g_free (more);
      text = all;
    }
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Weights."), text));

  /* Aggregation */
  text = g_strdup_printf (_ ("Each node's score is %s of its parts' scores."),
                          aggregation_text (crk_method_get_aggregation (m)));
  if ((level_aggregations != NULL && level_aggregations->len > 0) ||
      (node_aggregations != NULL && node_aggregations[0] != NULL))
    {
      GString *s = g_string_new (text);

      g_free (text);
      for (guint i = 0; level_aggregations != NULL && i < level_aggregations->len; i++)
        {
          guint level = g_array_index (level_aggregations, guint, i);

          sentence_gap (s);
          g_string_append_printf (s, _ ("At level %u: %s."), level,
                                  aggregation_text (crk_method_get_level_aggregation (m, level)));
        }
      for (guint i = 0; node_aggregations != NULL && node_aggregations[i] != NULL; i++)
        {
          g_autofree char *e = g_markup_printf_escaped ("%s", node_aggregations[i]);

          sentence_gap (s);
          g_string_append_printf (s, _ ("For %s: %s."), e,
                                  aggregation_text (crk_method_get_node_aggregation (m, node_aggregations[i])));
        }
      text = g_string_free (s, FALSE);
    }
  if (crk_method_get_availability (m) > 0)
    {
      char *more = g_strdup_printf (_ (" A city needs at least %.0f%% of a node's parts to get a score there."),
                                    100 * crk_method_get_availability (m));
      char *all = g_strconcat (text, more, NULL);

      g_free (text);
      g_free (more);
      text = all;
    }
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Aggregation."), text));

  /* Ranks and tiers */
  {
    GString *s = g_string_new (_ ("Cities are ranked by their index score, ties sharing the better rank (1, 2, 2, 4)."));
    guint n_tiers = crk_method_get_n_tiers (m);
    CrkTierRule rule = crk_method_get_tier_rule (m);

    if (rule != CRK_TIER_RULE_NONE && n_tiers > 0)
      {
        sentence_gap (s);
        switch (rule)
          {
            case CRK_TIER_RULE_RANK_BANDS:
              g_string_append_printf (s, ngettext ("They are grouped in %u tier by rank:", "They are grouped in %u tiers by rank:", n_tiers), n_tiers);
              for (guint i = 0, from = 1; i < n_tiers; i++)
                {
                  const CrkTier *tier = crk_method_get_tier (m, i);
                  g_autofree char *name = escape (crk_locale_pick (tier->name, tier->name_zh));

                  if (tier->bound > 0)
                    g_string_append_printf (s, " %s %u–%u%s", name, from, (guint) tier->bound,
                                            i + 1 < n_tiers ? _ (",") : _ ("."));
                  else
                    g_string_append_printf (s, " %s %u+%s", name, from, i + 1 < n_tiers ? _ (",") : _ ("."));
                  from = (guint) tier->bound + 1;
                }
              break;
            case CRK_TIER_RULE_SCORE_THRESHOLDS:
              g_string_append_printf (s, ngettext ("They are grouped in %u tier by score:", "They are grouped in %u tiers by score:", n_tiers), n_tiers);
              for (guint i = 0; i < n_tiers; i++)
                {
                  const CrkTier *tier = crk_method_get_tier (m, i);
                  g_autofree char *name = escape (crk_locale_pick (tier->name, tier->name_zh));

                  g_string_append_printf (s, " %s ≥ %g%s", name, tier->bound, i + 1 < n_tiers ? _ (",") : _ ("."));
                }
              break;
            case CRK_TIER_RULE_QUANTILES:
            case CRK_TIER_RULE_NONE:
            default:
              g_string_append_printf (s, ngettext ("They are grouped in %u tier of equal size.", "They are grouped in %u tiers of equal size.", n_tiers), n_tiers);
              break;
          }
      }
    if (crk_method_get_base_year (m) != 0)
      {
        sentence_gap (s);
        g_string_append_printf (s, _ ("Changes in rank and score are against %d."), crk_method_get_base_year (m));
      }
    crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Ranks."), g_string_free (s, FALSE)));
  }
}

static void
build_adjustments (CrkReport *self)
{
  GArray *adjustments = crk_results_get_adjustments (self->results);
  guint counts[CRK_ADJUSTMENT_LOG_TRANSFORMED + 1] = {0};
  GString *s;

  if (adjustments == NULL || adjustments->len == 0)
    return;
  for (guint i = 0; i < adjustments->len; i++)
    {
      const CrkAdjustment *a = &g_array_index (adjustments, CrkAdjustment, i);

      if (a->kind <= CRK_ADJUSTMENT_LOG_TRANSFORMED)
        counts[a->kind]++;
    }
  s = g_string_new (NULL);
  if (counts[CRK_ADJUSTMENT_DENOMINATED] > 0)
    g_string_append_printf (s, ngettext ("%u value was divided by a denominator. ", "%u values were divided by a denominator. ", counts[CRK_ADJUSTMENT_DENOMINATED]),
                            counts[CRK_ADJUSTMENT_DENOMINATED]);
  if (counts[CRK_ADJUSTMENT_IMPUTED] > 0)
    g_string_append_printf (s, ngettext ("%u missing value was imputed. ", "%u missing values were imputed. ", counts[CRK_ADJUSTMENT_IMPUTED]),
                            counts[CRK_ADJUSTMENT_IMPUTED]);
  if (counts[CRK_ADJUSTMENT_WINSORISED] > 0)
    g_string_append_printf (s, ngettext ("%u outlying value was winsorised. ", "%u outlying values were winsorised. ", counts[CRK_ADJUSTMENT_WINSORISED]),
                            counts[CRK_ADJUSTMENT_WINSORISED]);
  if (counts[CRK_ADJUSTMENT_LOG_TRANSFORMED] > 0)
    g_string_append_printf (s, ngettext ("%u log transform was applied. ", "%u log transforms were applied. ", counts[CRK_ADJUSTMENT_LOG_TRANSFORMED]),
                            counts[CRK_ADJUSTMENT_LOG_TRANSFORMED]);
  g_strchomp (s->str);
  s->len = strlen (s->str);
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Adjustments."), g_string_free (s, FALSE)));
}

void
crk_report_build_method (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  CrkFrameworkNode *root = crk_results_get_node (r, 0);
  guint n_nodes = crk_results_get_n_nodes (r);
  guint n_leaves = 0, n_dims = crk_framework_node_get_n_children (root);
  g_autoptr (GHashTable) index_of = g_hash_table_new (NULL, NULL);
  GArray *warnings = crk_results_get_warnings (r);
  guint flags[6] = {
    CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND,
    0,
    CRK_COLUMN_WRAP,
    0,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
  };
  FrameworkWalk walk;
  char **cells;
  g_autofree char *title = escape (crk_dataset_get_display_title (dataset));

  for (guint i = 0; i < n_nodes; i++)
    {
      CrkFrameworkNode *node = crk_results_get_node (r, i);

      g_hash_table_insert (index_of, node, GUINT_TO_POINTER (i + 1));
      if (crk_framework_node_is_leaf (node))
        n_leaves++;
    }

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_METHOD)));
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                        g_strdup_printf (ngettext ("<i>%s</i> combines %u indicator",
                                                   "<i>%s</i> combines %u indicators", n_leaves),
                                         title, n_leaves));
  /* Finish the sentence in a second, plural-correct part. */
  {
    CrkBlock *b = &g_array_index (self->blocks, CrkBlock, self->blocks->len - 1);
    char *more = g_strdup_printf (ngettext (" in %u dimension. Each indicator is normalised, weighted and aggregated "
                                            "into dimension scores and the index score as set out below.",
                                            " in %u dimensions. Each indicator is normalised, weighted and aggregated "
                                            "into dimension scores and the index score as set out below.",
                                            n_dims),
                                  n_dims);
    char *all = g_strconcat (b->markup, more, NULL);

    g_free (b->markup);
    g_free (more);
    b->markup = all;
  }

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Framework")));
  walk.self = self;
  walk.index_of = index_of;
  walk.table = crk_report_add_table (self, 6, flags, CRK_REPORT_TABLE_SIZE);
  g_array_index (self->tables, CrkReportTable, walk.table).zebra = FALSE;
  cells = cells_new (6);
  cells[0] = g_strdup (_ ("Dimension and indicator"));
  cells[1] = g_strdup (_ ("Code"));
  cells[2] = g_strdup (_ ("Unit"));
  cells[3] = g_strdup (_ ("Better when"));
  cells[4] = g_strdup (_ ("Weight in its dimension"));
  cells[5] = g_strdup (_ ("Weight in the index"));
  crk_report_add_row (self, walk.table, cells, CRK_ROW_HEADER);
  crk_framework_node_foreach (root, add_framework_row, &walk);

  build_computation (self);
  build_adjustments (self);

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Warnings")));
  if (warnings == NULL || warnings->len == 0)
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH, g_strdup (_ ("The computation raised no warnings.")));
  else
    for (guint i = 0; i < warnings->len; i++)
      {
        const CrkWarning *w = &g_array_index (warnings, CrkWarning, i);

        crk_report_add_block (self, CRK_BLOCK_BULLET, escape (w->message));
      }

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Comparing years")));
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                        g_strdup (_ ("Ranks of different years are not strictly comparable: the cities covered, the "
                                     "indicators, their sources and the normalisation change from year to year, and a "
                                     "rank is relative to the other cities of the same year. Changes in rank show "
                                     "movement within each year's field, not absolute progress.")));
}

/* The ranking table */

int
crk_report_build_table (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  GPtrArray *dims = crk_dataset_get_dimensions (dataset);
  gboolean has_base = crk_results_has_base_year (r);
  guint n_tiers = crk_results_get_n_tiers (r);
  guint n_ranked = 0;
  const guint *order = crk_results_get_order (r, &n_ranked);
  guint n_cities = crk_results_get_n_cities (r);
  guint n_dims = dims != NULL ? dims->len : 0;
  g_autofree int *dim_index = g_new0 (int, MAX (n_dims, 1));
  guint flags[CRK_REPORT_MAX_COLUMNS];
  guint n = 0;
  int current_tier = -2;
  char **cells;
  int table;
  guint n_unranked = 0;

  n_dims = MIN (n_dims, CRK_REPORT_MAX_COLUMNS - 7);
  for (guint d = 0; d < n_dims; d++)
    dim_index[d] = crk_results_lookup_node (r, crk_framework_node_get_code (g_ptr_array_index (dims, d)));

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_TABLE)));
  {
    GString *s = g_string_new (NULL);

    int root = 0;
    g_autofree char *scale = crk_chart_dup_scale_text (r, &root, 1);

    g_string_append_printf (s, _ ("Cities in rank order for %d, with their index score and dimension scores."),
                            crk_results_get_year (r));
    /* The scale of the scores, a sentence of its own. */
    if (scale != NULL)
      g_string_append_printf (s, _ (" %s."), scale);
    if (has_base)
      {
        sentence_gap (s);
        g_string_append_printf (s, _ ("Change: places moved since %d (▲ up, ▼ down, = same; <i>new</i>: not ranked then)."),
                                crk_results_get_base_year (r));
      }
    crk_report_add_block (self, CRK_BLOCK_NOTE, g_string_free (s, FALSE));
  }

  flags[n++] = CRK_COLUMN_NUMBER;
  if (has_base)
    flags[n++] = CRK_COLUMN_CENTER;
  flags[n++] = CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND;
  flags[n++] = CRK_COLUMN_WRAP;
  flags[n++] = CRK_COLUMN_NUMBER;
  for (guint d = 0; d < n_dims; d++)
    flags[n++] = CRK_COLUMN_NUMBER | CRK_COLUMN_WRAP;
  if (n_tiers > 0)
    flags[n++] = CRK_COLUMN_WRAP;
  table = crk_report_add_table (self, n, flags, CRK_REPORT_TABLE_SIZE);

  cells = cells_new (n);
  n = 0;
  cells[n++] = g_strdup (_ ("Rank"));
  if (has_base)
    cells[n++] = g_strdup (_ ("Change"));
  cells[n++] = g_strdup (_ ("City"));
  cells[n++] = g_strdup (_ ("Province"));
  cells[n++] = g_strdup (_ ("Score"));
  for (guint d = 0; d < n_dims; d++)
    cells[n++] = escape (crk_framework_node_get_display_name (g_ptr_array_index (dims, d)));
  if (n_tiers > 0)
    cells[n++] = g_strdup (_ ("Tier"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint i = 0; i < n_ranked; i++)
    {
      guint city = order[i];
      CrkCity *c = crk_dataset_get_city (dataset, city);
      int tier = crk_results_get_tier (r, city);

      if (n_tiers > 0 && tier != current_tier)
        {
          guint count = 0, first = 0, last = 0;

          for (guint j = i; j < n_ranked && crk_results_get_tier (r, order[j]) == tier; j++)
            {
              if (count == 0)
                first = crk_results_get_rank (r, order[j]);
              last = crk_results_get_rank (r, order[j]);
              count++;
            }
          {
            const char *name = tier >= 0 ? crk_results_get_tier_name (r, (guint) tier) : _ ("No tier");
            g_autofree char *range = first == last
              ? g_strdup_printf (ngettext ("rank %u · %u city", "rank %u · %u cities", count), first, count)
              : g_strdup_printf (ngettext ("ranks %u–%u · %u city", "ranks %u–%u · %u cities", count),
                                 first, last, count);

            add_group (self, table,
                       g_markup_printf_escaped ("<b>%s</b>   <span foreground=\"#666666\">%s</span>",
                                                name, range));
          }
          current_tier = tier;
        }

      cells = cells_new (CRK_REPORT_MAX_COLUMNS);
      n = 0;
      cells[n++] = g_strdup_printf ("%u", crk_results_get_rank (r, city));
      if (has_base)
        cells[n++] = crk_report_format_change (self, city, TRUE);
      cells[n++] = crk_report_city_markup (c);
      cells[n++] = province_markup (dataset, c);
      {
        g_autofree char *score = crk_report_format_score (crk_results_get_index_score (r, city));

        cells[n++] = bold (score);
      }
      for (guint d = 0; d < n_dims; d++)
        cells[n++] = dim_index[d] >= 0
          ? format_score1 (crk_results_get_score (r, (guint) dim_index[d], city))
          : g_strdup ("–");
      if (n_tiers > 0)
        cells[n++] = escape (tier_name (self, city));
      crk_report_add_row (self, table, cells, 0);
    }

  /* One note per city not ranked, so that a long list flows over pages. */
  for (guint city = 0; city < n_cities; city++)
    {
      const char *reason = crk_results_get_unranked_reason (r, city);
      g_autofree char *name = NULL;
      g_autofree char *why = NULL;

      if (crk_results_get_rank (r, city) > 0)
        continue;
      if (n_unranked++ == 0)
        {
          guint heading = crk_report_add_block (self, CRK_BLOCK_NOTE,
                                                g_markup_printf_escaped ("<b>%s</b>", _ ("Not ranked")));

          g_array_index (self->blocks, CrkBlock, heading).keep_with_next = TRUE;
        }
      name = city_name_markup (self, city);
      why = escape (reason != NULL ? reason : _ ("no score"));
      crk_report_add_block (self, CRK_BLOCK_NOTE, g_strdup_printf ("%s: %s", name, why));
    }
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
compare_index_entries (gconstpointer a,
                       gconstpointer b)
{
  const IndexEntry *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : (x->city < y->city ? -1 : x->city > y->city);
}

void
crk_report_build_index (CrkReport *self,
                        const guint *numbers)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  guint flags[4] = {CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND, CRK_COLUMN_WRAP, CRK_COLUMN_NUMBER, CRK_COLUMN_NUMBER};
  char **cells;
  int table;

  for (guint i = 0; i < self->profiles->len; i++)
    {
      IndexEntry e;

      e.city = g_array_index (self->profiles, guint, i);
      e.number = numbers[i];
      e.key = g_utf8_collate_key (city_display_name (self, e.city), -1);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_index_entries);

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Index of city profiles")));
  crk_report_add_block (self, CRK_BLOCK_NOTE, g_strdup (_ ("The profiled cities by name, with their rank and the page of their profile.")));
  table = crk_report_add_table (self, 4, flags, CRK_REPORT_TABLE_SIZE);
  cells = cells_new (4);
  cells[0] = g_strdup (_ ("City"));
  cells[1] = g_strdup (_ ("Province"));
  cells[2] = g_strdup (_ ("Rank"));
  cells[3] = g_strdup (_ ("Page"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);
  for (guint i = 0; i < entries->len; i++)
    {
      IndexEntry *e = &g_array_index (entries, IndexEntry, i);
      CrkCity *c = crk_dataset_get_city (dataset, e->city);
      guint rank = crk_results_get_rank (r, e->city);

      cells = cells_new (4);
      cells[0] = crk_report_city_markup (c);
      cells[1] = province_markup (dataset, c);
      cells[2] = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");
      cells[3] = g_strdup_printf ("%u", e->number);
      crk_report_add_row (self, table, cells, 0);
      g_free (e->key);
    }
}

/* Profiles */

/* "Its strongest dimension is A (score, rank), its weakest B (...)" by rank among the
 * cities; "it is above the median city on n of m dimensions, most of all in C (+x
 * points)." */
static void
describe_dimensions (CrkReport *self,
                     guint city,
                     GString *s)
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
      int node = crk_results_lookup_node (r, crk_framework_node_get_code (g_ptr_array_index (dims, d)));
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
      if (rank > 0 && (worst < 0 || rank > worst_rank || (rank == worst_rank && score < worst_score)))
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
      median = median_of (values, n);
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
      g_autofree char *a = escape (crk_framework_node_get_display_name (crk_results_get_node (r, (guint) best)));
      g_autofree char *b = escape (crk_framework_node_get_display_name (crk_results_get_node (r, (guint) worst)));
      g_autofree char *ra = crk_report_format_ordinal (crk_results_get_node_rank (r, (guint) best, city));
      g_autofree char *rb = crk_report_format_ordinal (crk_results_get_node_rank (r, (guint) worst, city));

      sentence_gap (s);
      g_string_append_printf (s, _ ("Its strongest dimension is %s (%.1f, %s), its weakest %s (%.1f, %s)."),
                              a, best_score, ra, b, worst_score, rb);
    }
  if (widest >= 0 && compared > 0)
    {
      g_autofree char *w = escape (crk_framework_node_get_display_name (crk_results_get_node (r, (guint) widest)));

      sentence_gap (s);
      if (widest_gap >= 0)
        g_string_append_printf (s, _ ("It is above the median city on %u of %u dimensions, most of all in %s (%+.1f points)."),
                                ahead, compared, w, widest_gap);
      else
        g_string_append_printf (s, _ ("It is above the median city on %u of %u dimensions and furthest below it in %s (%+.1f points)."),
                                ahead, compared, w, widest_gap);
    }
}

char *
crk_report_dup_city_text (CrkReport *self,
                          guint city)
{
  CrkResults *r = self->results;
  guint rank = crk_results_get_rank (r, city);
  g_autofree char *name = escape (city_display_name (self, city));
  g_autofree char *score = crk_report_format_score (crk_results_get_index_score (r, city));
  GString *s = g_string_new (NULL);
  int rank_change = 0;
  double score_change = 0;

  if (rank == 0)
    {
      const char *reason = crk_results_get_unranked_reason (r, city);
      g_autofree char *why = escape (reason != NULL ? reason : _ ("no score"));

      g_string_append_printf (s, _ ("%s is not ranked for %d: %s."), name, crk_results_get_year (r), why);
      return g_string_free (s, FALSE);
    }

  {
    g_autofree char *ordinal = crk_report_format_ordinal (rank);

    g_string_append_printf (s, _ ("%s ranks %s of %u cities for %d with a score of %s."),
                            name, ordinal, crk_results_get_n_ranked (r), crk_results_get_year (r), score);
  }
  if (crk_results_has_base_year (r))
    {
      int base_year = crk_results_get_base_year (r);

      sentence_gap (s);
      if (!crk_results_get_change (r, city, &rank_change, &score_change))
        g_string_append_printf (s, _ ("It was not ranked in %d."), base_year);
      else if (rank_change > 0)
        g_string_append_printf (s, ngettext ("It moved up %d place since %d (score %+.2f).", "It moved up %d places since %d (score %+.2f).", rank_change),
                                rank_change, base_year, score_change);
      else if (rank_change < 0)
        g_string_append_printf (s, ngettext ("It moved down %d place since %d (score %+.2f).", "It moved down %d places since %d (score %+.2f).", -rank_change),
                                -rank_change, base_year, score_change);
      else
        g_string_append_printf (s, _ ("It holds the same rank as in %d (score %+.2f)."), base_year, score_change);
    }
  describe_dimensions (self, city, s);
  {
    guint reference = crk_city_get_reference_rank (crk_dataset_get_city (crk_results_get_dataset (r), city),
                                                   crk_results_get_year (r));

    if (reference > 0)
      {
        g_autofree char *ordinal = crk_report_format_ordinal (reference);

        sentence_gap (s);
        g_string_append_printf (s, _ ("The published ranking places it %s."), ordinal);
      }
  }
  return g_string_free (s, FALSE);
}
