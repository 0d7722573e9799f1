/* crk-report-summary.c: the summary section: overview, top 10, changes since the base
 * year, tiers, regions and provinces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <math.h>

#include "crk-report-private.h"

/* The dataset's word for its units in a column header ("Country" for ASEM). */
static const char *
unit_word (CrkReport *self, CrkUnitWord word)
{
  return crk_unit_kind_get_word (
    crk_dataset_get_unit_kind (crk_results_get_dataset (self->results)), word);
}

#define N_RISERS 5

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
  g_autofree char *title = crk_report_escape (crk_dataset_get_display_title (dataset));

  for (guint i = 0; i < n_ranked; i++)
    {
      scores[i] = crk_results_get_index_score (r, order[i]);
      sum += scores[i];
    }

  {
    g_autofree char *ranks = crk_unit_kind_format_summary_ranks (
      crk_report_unit_kind (self), title, n_ranked, crk_results_get_year (r));

    g_string_append (text, ranks);
  }
  if (n_ranked >= 3)
    {
      g_autofree char *a = crk_report_escape (crk_report_city_display_name (self, order[0]));
      g_autofree char *b = crk_report_escape (crk_report_city_display_name (self, order[1]));
      g_autofree char *c = crk_report_escape (crk_report_city_display_name (self, order[2]));
      g_autofree char *sa = crk_report_format_score (scores[0]);
      g_autofree char *sb = crk_report_format_score (scores[1]);
      g_autofree char *sc = crk_report_format_score (scores[2]);

      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              _ ("%s leads with a score of %s, ahead of %s (%s) and %s (%s)."), a,
                              sa, b, sb, c, sc);
    }
  if (n_ranked > 0)
    {
      double mean = sum / n_ranked;
      g_autofree char *smean = crk_report_format_score (mean);
      g_autofree char *smax = crk_report_format_score (scores[0]);
      g_autofree char *smin = crk_report_format_score (scores[n_ranked - 1]);
      g_autofree char *smedian = NULL;

      smedian = crk_report_format_score (crk_report_median_of (scores, n_ranked));
      g_string_append_c (text, ' ');
      g_string_append_printf (
        text, _ ("The mean score is %s and the median %s; scores range from %s to %s."), smean,
        smedian, smin, smax);
    }
  if (n_cities > n_ranked)
    {
      g_string_append_c (text, ' ');
      g_autofree char *unranked =
        crk_unit_kind_format_not_ranked (crk_report_unit_kind (self), n_cities - n_ranked);

      g_string_append (text, unranked);
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
  if (self->group_attribute != NULL)
    flags[n++] = CRK_COLUMN_WRAP;
  flags[n++] = CRK_COLUMN_NUMBER;
  if (has_base)
    flags[n++] = CRK_COLUMN_CENTER;
  if (has_tiers)
    flags[n++] = CRK_COLUMN_WRAP;
  table = crk_report_add_table (self, n, flags, CRK_REPORT_TABLE_SIZE + 0.5);

  cells = crk_report_cells_new (n);
  n = 0;
  cells[n++] = g_strdup (_ ("Rank"));
  cells[n++] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADER));
  if (self->group_attribute != NULL)
    cells[n++] = crk_report_group_header (self);
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

      cells = crk_report_cells_new (6);
      n = 0;
      cells[n++] = g_strdup_printf ("%u", crk_results_get_rank (r, city));
      cells[n++] = crk_report_city_markup (c);
      if (self->group_attribute != NULL)
        cells[n++] = crk_report_group_markup (self, c);
      cells[n++] = crk_report_format_score (crk_results_get_index_score (r, city));
      if (has_base)
        cells[n++] = crk_report_format_change (self, city, TRUE);
      if (has_tiers)
        cells[n++] = crk_report_escape (crk_report_tier_name (self, city));
      crk_report_add_row (self, table, cells, 0);
    }
}

typedef struct
{
  guint city;
  int change;
} Mover;

static int
compare_movers (gconstpointer a, gconstpointer b)
{
  const Mover *x = a, *y = b;

  if (x->change != y->change)
    return x->change > y->change ? -1 : 1;
  return x->city < y->city ? -1 : x->city > y->city;
}

static int
compare_movers_ascending (gconstpointer a, gconstpointer b)
{
  return -compare_movers (a, b);
}

static void
build_entering (CrkReport *self, guint top)
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
      g_autofree char *name = crk_report_city_name_markup (self, m->city);
      guint base = crk_results_get_base_rank (r, m->city);

      if (base > 0)
        g_ptr_array_add (entered,
                         g_strdup_printf (_ ("%s (%u, from %u)"), name, (guint) m->change, base));
      else
        g_ptr_array_add (
          entered,
          g_strdup_printf (_ ("%s (%u, not ranked in %d)"), name, (guint) m->change, base_year));
    }
  for (guint i = 0; i < left_cities->len; i++)
    {
      Mover *m = &g_array_index (left_cities, Mover, i);
      g_autofree char *name = crk_report_city_name_markup (self, m->city);
      guint rank = crk_results_get_rank (r, m->city);

      if (rank > 0)
        g_ptr_array_add (
          left, g_strdup_printf (_ ("%s (%u, down from %u)"), name, rank, (guint) m->change));
      else
        g_ptr_array_add (left,
                         g_strdup_printf (_ ("%s (not ranked, from %u)"), name, (guint) m->change));
    }

  heading = g_strdup_printf (_ ("Entering and leaving the top %u"), top);
  crk_report_add_block (self, CRK_BLOCK_H2, crk_report_escape (heading));
  if (entered->len == 0 && left->len == 0)
    {
      crk_report_add_block (
        self, CRK_BLOCK_PARAGRAPH,
        crk_unit_kind_format_same_top (crk_report_unit_kind (self), top, base_year));
      return;
    }
  if (entered->len > 0)
    {
      g_autofree char *list = join_list (entered);

      crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                            crk_unit_kind_format_entered (crk_report_unit_kind (self), base_year,
                                                          entered->len, top, list));
    }
  else
    crk_report_add_block (
      self, CRK_BLOCK_PARAGRAPH,
      crk_unit_kind_format_none_entered (crk_report_unit_kind (self), base_year, top));
  if (left->len > 0)
    {
      g_autofree char *list = join_list (left);

      crk_report_add_block (
        self, CRK_BLOCK_PARAGRAPH,
        crk_unit_kind_format_left (crk_report_unit_kind (self), left->len, list));
    }
  else
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                          g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_NONE_LEFT)));
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
  gboolean group = self->group_attribute != NULL;
  guint n_columns = group ? 5 : 4;
  guint n;
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
  if (!group)
    memmove (flags + 1, flags + 2, 3 * sizeof flags[0]);
  table = crk_report_add_table (self, n_columns, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = crk_report_cells_new (n_columns);
  n = 0;
  cells[n++] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADER));
  if (group)
    cells[n++] = crk_report_group_header (self);
  cells[n++] = g_strdup_printf (_ ("Rank %d"), crk_results_get_year (r));
  cells[n++] = g_strdup_printf (_ ("Rank %d"), base_year);
  cells[n++] = g_strdup (_ ("Change"));
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
            crk_report_add_group (self, table, g_strdup (risers ? _ ("Risers") : _ ("Fallers")));
          c = crk_dataset_get_city (crk_results_get_dataset (r), m->city);
          cells = crk_report_cells_new (n_columns);
          n = 0;
          cells[n++] = crk_report_city_markup (c);
          if (group)
            cells[n++] = crk_report_group_markup (self, c);
          cells[n++] = g_strdup_printf ("%u", crk_results_get_rank (r, m->city));
          cells[n++] = g_strdup_printf ("%u", crk_results_get_base_rank (r, m->city));
          cells[n++] = crk_report_format_change (self, m->city, TRUE);
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

  crk_report_add_block (self, CRK_BLOCK_H2,
                        g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_BY_TIER)));
  table = crk_report_add_table (self, 5, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = crk_report_cells_new (5);
  cells[0] = g_strdup (_ ("Tier"));
  cells[1] = g_strdup (_ ("Ranks"));
  cells[2] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADERS));
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
      cells = crk_report_cells_new (5);
      cells[0] = crk_report_escape (crk_results_get_tier_name (r, t));
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

          cells[1] =
            first == last ? g_strdup_printf ("%u", first) : g_strdup_printf ("%u–%u", first, last);
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
compare_groups (gconstpointer a, gconstpointer b)
{
  const Group *x = *(Group *const *) a, *y = *(Group *const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->best_rank < y->best_rank ? -1 : x->best_rank > y->best_rank;
}

static void
build_groups (CrkReport *self, const char *attribute, const char *heading, const char *column)
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

  crk_report_add_block (self, CRK_BLOCK_H2, crk_report_escape (heading));
  table = crk_report_add_table (self, 5, flags, CRK_REPORT_TABLE_SIZE + 0.5);
  cells = crk_report_cells_new (5);
  cells[0] = crk_report_escape (column);
  cells[1] = g_strdup (unit_word (self, CRK_UNIT_WORD_HEADERS));
  cells[2] = g_strdup (_ ("In the top 10"));
  cells[3] = g_strdup (_ ("Mean score"));
  cells[4] = g_strdup (_ ("Best placed"));
  crk_report_add_row (self, table, cells, CRK_ROW_HEADER);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = g_ptr_array_index (groups, i);
      g_autofree char *name = crk_report_city_name_markup (self, g->best_city);

      cells = crk_report_cells_new (5);
      cells[0] =
        crk_report_escape (crk_dataset_get_group_display_name (dataset, attribute, g->name));
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
    crk_report_add_block (
      self, CRK_BLOCK_NOTE,
      g_strdup (_ ("The method sets no base year, so the report shows no changes in rank.")));
  build_tiers (self);
  build_groups (self, "region", crk_report_unit_word (self, CRK_UNIT_WORD_BY_REGION), _ ("Region"));
  build_groups (self, "province", crk_report_unit_word (self, CRK_UNIT_WORD_BY_PROVINCE),
                _ ("Province"));
}
