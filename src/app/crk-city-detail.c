/* crk-city-detail.c: everything about one city under the current method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-city-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "crk-city-detail.h"
#include "crk-locale.h"
#include "crk-ranking-row.h"

typedef struct
{
  guint node;
  GtkWidget *score;
  GtkWidget *rank;
  GtkWidget *value; /* indicators only */
} Line;

struct _CrkCityDetail
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *name_label;
  GtkLabel *subtitle_label;
  GtkLabel *rank_value;
  GtkLabel *score_value;
  GtkListBox *facts_list;
  GtkGrid *dimensions_grid;
  GtkLabel *strengths_label;
  GtkLabel *weaknesses_label;
  GtkWidget *strengths_heading; /* their tooltips say the rule in the dataset's words */
  GtkWidget *weaknesses_heading;
  GtkGrid *indicators_grid;

  GtkWidget *tier_row;
  GtkWidget *change_row;
  GtkWidget *reference_row;
  GtkWidget *group_row;

  CrkResults *results;
  guint city;
  /* what the grids were built for */
  CrkDataset *built_dataset;
  guint built_nodes;
  GArray *dimension_lines;
  GArray *indicator_lines;
};

G_DEFINE_FINAL_TYPE (CrkCityDetail, crk_city_detail, GTK_TYPE_WIDGET)

/**
 * crk_format_value:
 * @value: a raw value
 * @count: whether the indicator counts things (no decimals)
 * @unit: (nullable): the unit shown after the number
 *
 * Returns: (transfer full): the number in the locale's grouping, with no decimals for a
 *   count, an integer or a large value, else with a precision that suits its size, then
 *   the unit after a no-break space (the number and its unit stay on one line)
 */
char *
crk_format_value (double value, gboolean count, const char *unit)
{
  g_autofree char *number = NULL;
  double magnitude = fabs (value);
  int decimals;

  if (isnan (value))
    return g_strdup (_ ("missing"));
  if (count || magnitude >= 1000 || (magnitude < 1e15 && value == floor (value)))
    decimals = 0;
  else if (magnitude >= 100)
    decimals = 1;
  else
    decimals = 2;
  number = crk_locale_format_number (value, decimals);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s\u00a0%s", number, unit);
}

/* Whether every value of @indicator in the year is a whole number: a count. */
static gboolean
indicator_counts (CrkDataset *dataset, guint indicator, guint year_index)
{
  guint n = crk_dataset_get_n_cities (dataset), valued = 0;

  for (guint c = 0; c < n; c++)
    {
      double x = crk_dataset_get_value (dataset, c, indicator, year_index);

      if (isnan (x))
        continue;
      if (x != floor (x) || fabs (x) >= 1e15)
        return FALSE;
      valued++;
    }
  return valued > 0;
}

static GtkWidget *
cell_new (const char *text, float xalign, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "numeric");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
fact_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (value), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (value), 24);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  g_object_set_data (G_OBJECT (row), "crk-value", value);
  return row;
}

static void
fact_row_set (GtkWidget *row, const char *value)
{
  gtk_widget_set_visible (row, value != NULL);
  if (value != NULL)
    gtk_label_set_label (g_object_get_data (G_OBJECT (row), "crk-value"), value);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
name_cell_new (CrkFrameworkNode *node, gboolean heading)
{
  GtkWidget *label = gtk_label_new (crk_framework_node_get_display_name (node));
  CrkIndicator *indicator = crk_framework_node_get_indicator (node);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* a long name takes a second line before it is cut (the tooltip has it all) */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (indicator != NULL && crk_indicator_get_display_description (indicator) != NULL)
    gtk_widget_set_tooltip_text (label, crk_indicator_get_display_description (indicator));
  else
    gtk_widget_set_tooltip_text (label, crk_framework_node_get_display_name (node));
  return label;
}

static void
build_grids (CrkCityDetail *self)
{
  guint n_nodes = crk_results_get_n_nodes (self->results);
  int row = 0;

  clear_grid (self->dimensions_grid);
  clear_grid (self->indicators_grid);
  g_array_set_size (self->dimension_lines, 0);
  g_array_set_size (self->indicator_lines, 0);

  gtk_grid_attach (self->indicators_grid, cell_new (_ ("Indicator"), 0, TRUE), 0, row, 1, 1);
  gtk_grid_attach (self->indicators_grid, cell_new (_ ("Value"), 1, TRUE), 1, row, 1, 1);
  gtk_grid_attach (self->indicators_grid, cell_new (_ ("Score"), 1, TRUE), 2, row, 1, 1);
  gtk_grid_attach (self->indicators_grid, cell_new (_ ("Rank"), 1, TRUE), 3, row, 1, 1);
  row++;

  for (guint i = 1; i < n_nodes; i++)
    {
      CrkFrameworkNode *node = crk_results_get_node (self->results, i);
      guint depth = crk_framework_node_get_depth (node);
      Line line = {i, NULL, NULL, NULL};

      if (depth == 1)
        {
          int dim_row = (int) self->dimension_lines->len;

          line.score = cell_new (NULL, 1, FALSE);
          line.rank = cell_new (NULL, 1, TRUE);
          gtk_grid_attach (self->dimensions_grid, name_cell_new (node, FALSE), 0, dim_row, 1, 1);
          gtk_grid_attach (self->dimensions_grid, line.score, 1, dim_row, 1, 1);
          gtk_grid_attach (self->dimensions_grid, line.rank, 2, dim_row, 1, 1);
          g_array_append_val (self->dimension_lines, line);
        }

      if (crk_framework_node_is_leaf (node))
        {
          GtkWidget *name = name_cell_new (node, FALSE);

          gtk_widget_set_margin_start (name, 12 * (int) (depth > 1 ? depth - 1 : 0));
          line.value = cell_new (NULL, 1, FALSE);
          /* a number and its unit are never cut: a long unit wraps under the number, the
           * name beside it ellipsizes instead */
          gtk_label_set_wrap (GTK_LABEL (line.value), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (line.value), PANGO_WRAP_WORD);
          gtk_label_set_justify (GTK_LABEL (line.value), GTK_JUSTIFY_RIGHT);
          gtk_label_set_width_chars (GTK_LABEL (line.value), 8);
          gtk_label_set_max_width_chars (GTK_LABEL (line.value), 14);
          line.score = cell_new (NULL, 1, FALSE);
          line.rank = cell_new (NULL, 1, TRUE);
          gtk_grid_attach (self->indicators_grid, name, 0, row, 1, 1);
          gtk_grid_attach (self->indicators_grid, line.value, 1, row, 1, 1);
          gtk_grid_attach (self->indicators_grid, line.score, 2, row, 1, 1);
          gtk_grid_attach (self->indicators_grid, line.rank, 3, row, 1, 1);
          g_array_append_val (self->indicator_lines, line);
        }
      else
        {
          GtkWidget *name = name_cell_new (node, TRUE);

          gtk_widget_set_margin_top (name, 6);
          gtk_widget_set_margin_start (name, 12 * (int) (depth - 1));
          gtk_grid_attach (self->indicators_grid, name, 0, row, 4, 1);
        }
      row++;
    }

  g_set_object (&self->built_dataset, crk_results_get_dataset (self->results));
  self->built_nodes = n_nodes;
}

static char *
rank_text (guint rank)
{
  return rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("—");
}

static char *
names_of (CrkResults *results, GArray *nodes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      CrkFrameworkNode *node = crk_results_get_node (results, g_array_index (nodes, guint, i));

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, "• ");
      g_string_append (text, crk_framework_node_get_display_name (node));
    }
  if (text->len == 0)
    return g_strdup (_ ("None stands out."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* No city: the empty page, in the dataset's words ("No Country Selected"). */
static void
show_empty (CrkCityDetail *self)
{
  if (self->results != NULL)
    {
      CrkUnitKind unit = crk_dataset_get_unit_kind (crk_results_get_dataset (self->results));

      adw_status_page_set_title (self->empty_page,
                                 crk_unit_kind_get_word (unit, CRK_UNIT_WORD_NONE_SELECTED));
      adw_status_page_set_description (self->empty_page,
                                       crk_unit_kind_get_word (unit, CRK_UNIT_WORD_SELECT_HINT));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The name, the other name and the province under it, the rank and the score. */
static void
update_header (CrkCityDetail *self, CrkDataset *dataset, CrkCity *city)
{
  const char *other =
    crk_locale_prefers_chinese () ? crk_city_get_name (city) : crk_city_get_name_zh (city);
  const char *province =
    crk_dataset_get_group_display_name (dataset, "province", crk_city_get_province (city));
  g_autofree char *subtitle = NULL;
  g_autofree char *rank_str = NULL;
  g_autofree char *score_str = NULL;

  gtk_label_set_label (self->name_label, crk_city_get_display_name (city));
  if (other != NULL && g_strcmp0 (other, crk_city_get_display_name (city)) != 0 && province != NULL)
    subtitle = g_strdup_printf ("%s · %s", other, province);
  else if (province != NULL)
    subtitle = g_strdup (province);
  else
    subtitle = g_strdup (other != NULL ? other : "");
  gtk_label_set_label (self->subtitle_label, subtitle);

  rank_str = rank_text (crk_results_get_rank (self->results, self->city));
  gtk_label_set_label (self->rank_value, rank_str);
  score_str = crk_format_score (crk_results_get_index_score (self->results, self->city));
  gtk_label_set_label (self->score_value, score_str);
}

/* The tier, or why the city is not ranked; the places moved since the base year. */
static void
update_tier_and_change (CrkCityDetail *self)
{
  int tier = crk_results_get_tier (self->results, self->city);
  const char *reason = crk_results_get_unranked_reason (self->results, self->city);
  int change = 0;
  double score_change = 0;

  if (reason != NULL)
    fact_row_set (self->tier_row, reason);
  else
    fact_row_set (self->tier_row,
                  tier >= 0 ? crk_results_get_tier_name (self->results, (guint) tier) : NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tier_row),
                                 reason != NULL ? _ ("Not ranked") : _ ("Tier"));

  if (crk_results_get_change (self->results, self->city, &change, &score_change))
    {
      g_autofree char *text = NULL;
      g_autofree char *title =
        g_strdup_printf (_ ("Since %d"), crk_results_get_base_year (self->results));

      if (change > 0)
        text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "up %d place", "up %d places", change), change);
      else if (change < 0)
        text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "down %d place", "down %d places", -change), -change);
      else
        text = g_strdup (_ ("no change"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->change_row), title);
      fact_row_set (self->change_row, text);
    }
  else
    fact_row_set (self->change_row, NULL);
}

/* The published rank of the year, or else of the latest year that has one. */
static void
update_reference_rank (CrkCityDetail *self, CrkCity *city, int year)
{
  guint reference = crk_city_get_reference_rank (city, year);
  int reference_year = year;

  if (reference == 0)
    {
      g_autoptr (GArray) years = crk_city_dup_reference_years (city);

      if (years != NULL && years->len > 0)
        {
          reference_year = g_array_index (years, int, years->len - 1);
          reference = crk_city_get_reference_rank (city, reference_year);
        }
    }
  if (reference > 0)
    {
      g_autofree char *title = g_strdup_printf (_ ("Published rank (%d)"), reference_year);
      g_autofree char *text = g_strdup_printf ("%u", reference);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), title);
      fact_row_set (self->reference_row, text);
    }
  else
    fact_row_set (self->reference_row, NULL);
}

/* The rank within the city's group, when the method ranks in groups. */
static void
update_group_rank (CrkCityDetail *self, CrkDataset *dataset, CrkCity *city)
{
  guint group_rank = crk_results_get_group_rank (self->results, self->city);
  const char *attribute = crk_method_get_group_attribute (crk_results_get_method (self->results));

  if (group_rank > 0 && attribute != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u", group_rank);
      const char *group = crk_dataset_get_group_display_name (
        dataset, attribute, crk_city_get_attribute (city, attribute));
      g_autofree char *title = g_strdup_printf (_ ("Rank in %s"), group);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->group_row), title);
      fact_row_set (self->group_row, text);
    }
  else
    fact_row_set (self->group_row, NULL);
}

static void
update_dimensions (CrkCityDetail *self)
{
  for (guint i = 0; i < self->dimension_lines->len; i++)
    {
      Line *line = &g_array_index (self->dimension_lines, Line, i);
      g_autofree char *s =
        crk_format_score (crk_results_get_score (self->results, line->node, self->city));
      g_autofree char *r =
        rank_text (crk_results_get_node_rank (self->results, line->node, self->city));

      gtk_label_set_label (GTK_LABEL (line->score), s);
      gtk_label_set_label (GTK_LABEL (line->rank), r);
    }
}

/* The raw value of @indicator for the city in the year, with its unit and whether it was
 * estimated or imputed; %NULL without a year. */
static char *
indicator_value_text (CrkDataset *dataset, guint city, CrkIndicator *indicator, int year_index)
{
  guint ind;
  double raw;
  CrkValueStatus status;
  g_autofree char *formatted = NULL;

  if (indicator == NULL || year_index < 0)
    return NULL;
  ind = crk_indicator_get_index (indicator);
  raw = crk_dataset_get_value (dataset, city, ind, (guint) year_index);
  status = crk_dataset_get_value_status (dataset, city, ind, (guint) year_index);
  formatted = crk_format_value (raw, indicator_counts (dataset, ind, (guint) year_index),
                                crk_indicator_get_display_unit (indicator));
  if (!isnan (raw) && status == CRK_VALUE_STATUS_ESTIMATED)
    return g_strdup_printf (_ ("%s (estimated)"), formatted);
  if (!isnan (raw) && status == CRK_VALUE_STATUS_IMPUTED)
    return g_strdup_printf (_ ("%s (imputed)"), formatted);
  return g_steal_pointer (&formatted);
}

static void
update_indicators (CrkCityDetail *self, CrkDataset *dataset, int year_index)
{
  for (guint i = 0; i < self->indicator_lines->len; i++)
    {
      Line *line = &g_array_index (self->indicator_lines, Line, i);
      CrkFrameworkNode *node = crk_results_get_node (self->results, line->node);
      CrkIndicator *indicator = crk_framework_node_get_indicator (node);
      g_autofree char *s =
        crk_format_score (crk_results_get_score (self->results, line->node, self->city));
      g_autofree char *r =
        rank_text (crk_results_get_indicator_rank (self->results, line->node, self->city));
      g_autofree char *v = indicator_value_text (dataset, self->city, indicator, year_index);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (line->value)), v != NULL ? v : "—") != 0)
        {
          /* raw values change with the city or the year, not with the method */
          gtk_label_set_label (GTK_LABEL (line->value), v != NULL ? v : "—");
          gtk_widget_set_tooltip_text (line->value, v);
        }
      gtk_label_set_label (GTK_LABEL (line->score), s);
      gtk_label_set_label (GTK_LABEL (line->rank), r);
    }
}

/* Strengths and weaknesses, and the rule in the headings' tooltips in the dataset's words. */
static void
update_strengths (CrkCityDetail *self, CrkDataset *dataset)
{
  g_autoptr (GArray) strengths = crk_results_dup_strengths (self->results, self->city);
  g_autoptr (GArray) weaknesses = crk_results_dup_weaknesses (self->results, self->city);
  g_autofree char *strengths_str = names_of (self->results, strengths);
  g_autofree char *weaknesses_str = names_of (self->results, weaknesses);
  CrkUnitKind unit = crk_dataset_get_unit_kind (dataset);

  gtk_label_set_label (self->strengths_label, strengths_str);
  gtk_label_set_label (self->weaknesses_label, weaknesses_str);
  gtk_widget_set_tooltip_text (self->strengths_heading,
                               crk_unit_kind_get_word (unit, CRK_UNIT_WORD_STRENGTHS_TIP));
  gtk_widget_set_tooltip_text (self->weaknesses_heading,
                               crk_unit_kind_get_word (unit, CRK_UNIT_WORD_WEAKNESSES_TIP));
}

static void
update (CrkCityDetail *self)
{
  CrkDataset *dataset;
  CrkCity *city;
  int year;

  if (self->results == NULL || self->city >= crk_results_get_n_cities (self->results))
    {
      show_empty (self);
      return;
    }

  dataset = crk_results_get_dataset (self->results);
  if (self->built_dataset != dataset ||
      self->built_nodes != crk_results_get_n_nodes (self->results))
    build_grids (self);

  city = crk_dataset_get_city (dataset, self->city);
  year = crk_results_get_year (self->results);

  update_header (self, dataset, city);
  update_tier_and_change (self);
  update_reference_rank (self, city, year);
  update_group_rank (self, dataset, city);
  update_dimensions (self);
  update_indicators (self, dataset, crk_dataset_lookup_year (dataset, year));
  update_strengths (self, dataset);

  gtk_stack_set_visible_child_name (self->stack, "city");
}

static void
crk_city_detail_dispose (GObject *object)
{
  CrkCityDetail *self = (CrkCityDetail *) object;

  g_clear_object (&self->results);
  g_clear_object (&self->built_dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_CITY_DETAIL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (crk_city_detail_parent_class)->dispose (object);
}

static void
crk_city_detail_finalize (GObject *object)
{
  CrkCityDetail *self = (CrkCityDetail *) object;

  g_clear_pointer (&self->dimension_lines, g_array_unref);
  g_clear_pointer (&self->indicator_lines, g_array_unref);

  G_OBJECT_CLASS (crk_city_detail_parent_class)->finalize (object);
}

static void
crk_city_detail_class_init (CrkCityDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_city_detail_dispose;
  object_class->finalize = crk_city_detail_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cityrank/Cityrank/crk-city-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, rank_value);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, score_value);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, facts_list);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, dimensions_grid);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, strengths_label);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, weaknesses_label);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, strengths_heading);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, weaknesses_heading);
  gtk_widget_class_bind_template_child (widget_class, CrkCityDetail, indicators_grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "citydetail");
}

static void
crk_city_detail_init (CrkCityDetail *self)
{
  self->city = G_MAXUINT;
  self->dimension_lines = g_array_new (FALSE, TRUE, sizeof (Line));
  self->indicator_lines = g_array_new (FALSE, TRUE, sizeof (Line));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tier_row = fact_row_new (_ ("Tier"));
  self->change_row = fact_row_new (_ ("Change"));
  self->reference_row = fact_row_new (_ ("Published rank"));
  self->group_row = fact_row_new (_ ("Rank in group"));
  gtk_list_box_append (self->facts_list, self->tier_row);
  gtk_list_box_append (self->facts_list, self->change_row);
  gtk_list_box_append (self->facts_list, self->reference_row);
  gtk_list_box_append (self->facts_list, self->group_row);
}

GtkWidget *
crk_city_detail_new (void)
{
  return g_object_new (CRK_TYPE_CITY_DETAIL, NULL);
}

void
crk_city_detail_set_results (CrkCityDetail *self, CrkResults *results)
{
  g_return_if_fail (CRK_IS_CITY_DETAIL (self));

  g_set_object (&self->results, results);
  update (self);
}

void
crk_city_detail_set_city (CrkCityDetail *self, guint city)
{
  g_return_if_fail (CRK_IS_CITY_DETAIL (self));

  if (self->city == city)
    return;
  self->city = city;
  update (self);
}

guint
crk_city_detail_get_city (CrkCityDetail *self)
{
  g_return_val_if_fail (CRK_IS_CITY_DETAIL (self), G_MAXUINT);
  return self->city;
}

const char *
crk_city_detail_get_rank_text (CrkCityDetail *self)
{
  g_return_val_if_fail (CRK_IS_CITY_DETAIL (self), NULL);
  return gtk_label_get_label (self->rank_value);
}
