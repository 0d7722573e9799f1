/* crk-method-panel.c: the method choices; the weight editor in it is a CrkWeightTree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-method-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "crk-method-panel.h"
#include "crk-weight-tree.h"

struct _CrkMethodPanel
{
  GtkWidget parent_instance;

  AdwPreferencesPage *page;
  AdwComboRow *normalisation_row;
  AdwComboRow *aggregation_row;
  AdwComboRow *imputation_row;
  AdwComboRow *treatment_row;
  AdwComboRow *scheme_row;
  AdwComboRow *tier_row;
  GtkStringList *tier_model;
  AdwComboRow *base_year_row;
  GtkStringList *base_year_model;
  CrkWeightTree *weight_tree;
  AdwPreferencesGroup *agreement_group;
  GtkListBox *agreement_list;
  GtkWidget *limit_rows[3]; /* winsorising: skewness, kurtosis, points */
  GtkAdjustment *limits[3];

  CrkDataset *dataset;
  CrkMethod *method;
  CrkMethodHistory *history;
  CrkResults *results;
  GPtrArray *tier_presets; /* CrkMethod holding only tiers */
  GArray *base_years;      /* int; [0] = 0 for none */
  gulong changed_id;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (CrkMethodPanel, crk_method_panel, GTK_TYPE_WIDGET)

static void update_agreement (CrkMethodPanel *self);
static void build_limit_rows (CrkMethodPanel *self);
static void sync_limits (CrkMethodPanel *self);

static guint
normalisation_index (CrkMethod *method)
{
  double p1 = 0, p2 = 0;
  CrkNormalisation mode = crk_method_get_normalisation (method, &p1, &p2);

  return crk_normalisation_choice_find (mode, p1, p2);
}

static const CrkAggregation aggregations[] = {
  CRK_AGGREGATION_ARITHMETIC,
  CRK_AGGREGATION_GEOMETRIC,
  CRK_AGGREGATION_HARMONIC,
  CRK_AGGREGATION_TOPSIS,
};
static const CrkImputation imputations[] = {
  CRK_IMPUTATION_NONE,       CRK_IMPUTATION_MEAN,         CRK_IMPUTATION_MEDIAN,
  CRK_IMPUTATION_GROUP_MEAN, CRK_IMPUTATION_GROUP_MEDIAN,
};
static const CrkTreatment treatments[] = {CRK_TREATMENT_NONE, CRK_TREATMENT_WINSORISE};
static const CrkWeightScheme schemes[] = {
  CRK_WEIGHTS_DATASET, CRK_WEIGHTS_EQUAL, CRK_WEIGHTS_ENTROPY, CRK_WEIGHTS_CRITIC, CRK_WEIGHTS_PCA,
};

static guint
index_of (const int *values, guint n, int value)
{
  for (guint i = 0; i < n; i++)
    if (values[i] == value)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
tiers_equal (CrkMethod *a, CrkMethod *b)
{
  if (crk_method_get_tier_rule (a) != crk_method_get_tier_rule (b) ||
      crk_method_get_n_tiers (a) != crk_method_get_n_tiers (b))
    return FALSE;
  for (guint i = 0; i < crk_method_get_n_tiers (a); i++)
    {
      const CrkTier *ta = crk_method_get_tier (a, i);
      const CrkTier *tb = crk_method_get_tier (b, i);

      if (g_strcmp0 (ta->name, tb->name) != 0 || g_strcmp0 (ta->name_zh, tb->name_zh) != 0 ||
          ta->bound != tb->bound)
        return FALSE;
    }
  return TRUE;
}

static CrkMethod *
quantile_preset (guint n)
{
  static const char *const names[] = {"Q1", "Q2", "Q3", "Q4", "Q5"};
  static const char *const names_zh[] = {"第一档", "第二档", "第三档", "第四档", "第五档"};
  CrkTier tiers[5];
  CrkMethod *method = crk_method_new ();

  g_assert (n <= G_N_ELEMENTS (tiers));
  for (guint i = 0; i < n; i++)
    tiers[i] = (CrkTier){(char *) names[i], (char *) names_zh[i], 0};
  crk_method_set_tiers (method, CRK_TIER_RULE_QUANTILES, tiers, n);
  return method;
}

static void
fill_tier_presets (CrkMethodPanel *self, CrkMethod *file_method)
{
  CrkMethod *preset;
  gboolean file_matches = FALSE;

  g_ptr_array_set_size (self->tier_presets, 0);
  gtk_string_list_splice (self->tier_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tier_model)), NULL);

  g_ptr_array_add (self->tier_presets, crk_method_new ());
  gtk_string_list_append (self->tier_model, _ ("None"));

  preset = crk_method_new ();
  crk_method_set_ccid_stages (preset);
  g_ptr_array_add (self->tier_presets, preset);
  gtk_string_list_append (self->tier_model, _ ("CCID stages"));

  g_ptr_array_add (self->tier_presets, quantile_preset (4));
  gtk_string_list_append (self->tier_model, _ ("Quartiles"));
  g_ptr_array_add (self->tier_presets, quantile_preset (5));
  gtk_string_list_append (self->tier_model, _ ("Quintiles"));

  for (guint i = 0; i < self->tier_presets->len; i++)
    file_matches |= tiers_equal (file_method, g_ptr_array_index (self->tier_presets, i));
  if (!file_matches)
    {
      preset = crk_method_new ();
      crk_method_set_tiers (preset, crk_method_get_tier_rule (file_method), NULL, 0);
      {
        g_autoptr (GArray) tiers = g_array_new (FALSE, FALSE, sizeof (CrkTier));

        for (guint i = 0; i < crk_method_get_n_tiers (file_method); i++)
          g_array_append_val (tiers, *crk_method_get_tier (file_method, i));
        crk_method_set_tiers (preset, crk_method_get_tier_rule (file_method),
                              (const CrkTier *) tiers->data, tiers->len);
      }
      g_ptr_array_add (self->tier_presets, preset);
      gtk_string_list_append (self->tier_model, _ ("As in the dataset"));
    }
}

static void
sync_from_method (CrkMethodPanel *self)
{
  CrkImputation imputation;
  guint tier_pos = GTK_INVALID_LIST_POSITION;
  int base_year;

  if (self->method == NULL)
    return;

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->normalisation_row, normalisation_index (self->method));
  adw_combo_row_set_selected (self->aggregation_row,
                              index_of ((const int *) aggregations, G_N_ELEMENTS (aggregations),
                                        crk_method_get_aggregation (self->method)));
  imputation = crk_method_get_imputation (self->method);
  adw_combo_row_set_selected (
    self->imputation_row,
    index_of ((const int *) imputations, G_N_ELEMENTS (imputations), imputation));
  adw_combo_row_set_selected (self->treatment_row,
                              index_of ((const int *) treatments, G_N_ELEMENTS (treatments),
                                        crk_method_get_treatment (self->method)));
  adw_combo_row_set_selected (self->scheme_row,
                              index_of ((const int *) schemes, G_N_ELEMENTS (schemes),
                                        crk_method_get_weight_scheme (self->method)));

  for (guint i = 0; i < self->tier_presets->len; i++)
    if (tiers_equal (self->method, g_ptr_array_index (self->tier_presets, i)))
      {
        tier_pos = i;
        break;
      }
  adw_combo_row_set_selected (self->tier_row, tier_pos);

  base_year = crk_method_get_base_year (self->method);
  adw_combo_row_set_selected (
    self->base_year_row,
    index_of ((const int *) self->base_years->data, self->base_years->len, base_year));

  crk_weight_tree_sync (self->weight_tree);
  sync_limits (self);

  self->syncing = FALSE;
}

static void
begin_edit (CrkMethodPanel *self, const char *key)
{
  if (self->history != NULL)
    crk_method_history_set_next_key (self->history, key);
}

static void
on_normalisation_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->normalisation_row);
  const CrkNormalisationChoice *choice;

  if (self->syncing || self->method == NULL || i >= CRK_N_NORMALISATION_CHOICES)
    return;
  choice = &crk_normalisation_choices[i];
  begin_edit (self, NULL);
  crk_method_set_normalisation (self->method, choice->mode, choice->param1, choice->param2);
}

static void
on_aggregation_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->aggregation_row);
  double p1 = 0, p2 = 100;

  if (self->syncing || self->method == NULL || i >= G_N_ELEMENTS (aggregations))
    return;
  begin_edit (self, NULL);
  /* geometric and harmonic means need positive scores: min-max to [0, 100] gives the
   * weakest city a 0, so it moves to [1, 100] in the same step (COINr does the same) */
  crk_method_freeze (self->method);
  if ((aggregations[i] == CRK_AGGREGATION_GEOMETRIC ||
       aggregations[i] == CRK_AGGREGATION_HARMONIC) &&
      crk_method_get_normalisation (self->method, &p1, &p2) == CRK_NORMALISATION_MINMAX && p1 <= 0)
    crk_method_set_normalisation (self->method, CRK_NORMALISATION_MINMAX, 1, p2);
  crk_method_set_aggregation (self->method, aggregations[i]);
  crk_method_thaw (self->method);
}

static void
on_imputation_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->imputation_row);
  gboolean group;

  if (self->syncing || self->method == NULL || i >= G_N_ELEMENTS (imputations))
    return;
  group =
    imputations[i] == CRK_IMPUTATION_GROUP_MEAN || imputations[i] == CRK_IMPUTATION_GROUP_MEDIAN;
  begin_edit (self, NULL);
  crk_method_set_imputation (self->method, imputations[i], group ? "province" : NULL);
}

static void
on_treatment_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->treatment_row);

  if (self->syncing || self->method == NULL || i >= G_N_ELEMENTS (treatments))
    return;
  begin_edit (self, NULL);
  crk_method_set_treatment (self->method, treatments[i]);
}

static void
on_scheme_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->scheme_row);

  if (self->syncing || self->method == NULL || i >= G_N_ELEMENTS (schemes))
    return;
  begin_edit (self, NULL);
  crk_method_set_weight_scheme (self->method, schemes[i]);
}

static void
on_tier_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->tier_row);
  CrkMethod *preset;
  g_autoptr (GArray) tiers = NULL;

  if (self->syncing || self->method == NULL || i >= self->tier_presets->len)
    return;

  preset = g_ptr_array_index (self->tier_presets, i);
  tiers = g_array_new (FALSE, FALSE, sizeof (CrkTier));
  for (guint t = 0; t < crk_method_get_n_tiers (preset); t++)
    g_array_append_val (tiers, *crk_method_get_tier (preset, t));
  begin_edit (self, NULL);
  crk_method_set_tiers (self->method, crk_method_get_tier_rule (preset),
                        (const CrkTier *) tiers->data, tiers->len);
}

static void
on_base_year_row_selected_cb (CrkMethodPanel *self)
{
  guint i = adw_combo_row_get_selected (self->base_year_row);

  if (self->syncing || self->method == NULL || i >= self->base_years->len)
    return;
  begin_edit (self, NULL);
  crk_method_set_base_year (self->method, g_array_index (self->base_years, int, i));
}

/* Winsorising: the limits of COINr's rule, shown when the outliers are treated. */
static void
on_limit_changed_cb (GtkAdjustment *adjustment, CrkMethodPanel *self)
{
  if (self->syncing || self->method == NULL)
    return;
  begin_edit (self, "treatment-limits");
  crk_method_set_treatment_params (self->method, gtk_adjustment_get_value (self->limits[0]),
                                   gtk_adjustment_get_value (self->limits[1]),
                                   (guint) gtk_adjustment_get_value (self->limits[2]));
}

static void
build_limit_rows (CrkMethodPanel *self)
{
  static const struct
  {
    const char *title;
    const char *subtitle;
    double lower, upper, step;
    guint digits;
  } limits[] = {
    {N_ ("Skewness Above"),
     N_ ("An indicator is treated when the absolute skewness is above this and…"), 0, 100, 0.1, 1},
    {N_ ("Kurtosis Above"), N_ ("…the kurtosis is above this"), 0, 1000, 0.1, 1},
    {N_ ("Points at Most"), N_ ("Values winsorised at most; beyond, a log transform"), 0, 100, 1,
     0},
  };
  GtkWidget *group =
    gtk_widget_get_ancestor (GTK_WIDGET (self->treatment_row), ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin;

      self->limits[i] = g_object_ref_sink (gtk_adjustment_new (
        0, limits[i].lower, limits[i].upper, limits[i].step, limits[i].step * 10, 0));
      spin = gtk_spin_button_new (self->limits[i], limits[i].step, limits[i].digits);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      crk_guard_scroll (spin);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (limits[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ (limits[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_visible (row, FALSE);
      g_signal_connect (self->limits[i], "value-changed", G_CALLBACK (on_limit_changed_cb), self);
      if (group != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->limit_rows[i] = row;
    }
}

static void
sync_limits (CrkMethodPanel *self)
{
  double skew = 2, kurtosis = 3.5;
  guint points = 5;
  gboolean shown =
    self->method != NULL && crk_method_get_treatment (self->method) == CRK_TREATMENT_WINSORISE;

  if (self->limits[0] == NULL)
    return; /* not built yet */
  if (self->method != NULL)
    crk_method_get_treatment_params (self->method, &skew, &kurtosis, &points);
  gtk_adjustment_set_value (self->limits[0], skew);
  gtk_adjustment_set_value (self->limits[1], kurtosis);
  gtk_adjustment_set_value (self->limits[2], points);
  for (guint i = 0; i < G_N_ELEMENTS (self->limit_rows); i++)
    gtk_widget_set_visible (self->limit_rows[i], shown);
}

static void
on_method_changed_cb (CrkMethodPanel *self)
{
  sync_from_method (self);
}

static void
crk_method_panel_dispose (GObject *object)
{
  CrkMethodPanel *self = (CrkMethodPanel *) object;

  g_clear_signal_handler (&self->changed_id, self->method);
  g_clear_object (&self->method);
  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_object (&self->results);
  for (guint i = 0; i < G_N_ELEMENTS (self->limits); i++)
    g_clear_object (&self->limits[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_METHOD_PANEL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (crk_method_panel_parent_class)->dispose (object);
}

static void
crk_method_panel_finalize (GObject *object)
{
  CrkMethodPanel *self = (CrkMethodPanel *) object;

  g_clear_pointer (&self->tier_presets, g_ptr_array_unref);
  g_clear_pointer (&self->base_years, g_array_unref);

  G_OBJECT_CLASS (crk_method_panel_parent_class)->finalize (object);
}

static void
crk_method_panel_class_init (CrkMethodPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CRK_TYPE_WEIGHT_TREE);
  object_class->dispose = crk_method_panel_dispose;
  object_class->finalize = crk_method_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cityrank/Cityrank/crk-method-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, page);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, normalisation_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, aggregation_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, imputation_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, agreement_group);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, agreement_list);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, tier_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, tier_model);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, base_year_row);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, base_year_model);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, weight_tree);
  gtk_widget_class_bind_template_callback (widget_class, on_normalisation_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_aggregation_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_imputation_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_treatment_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scheme_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tier_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_base_year_row_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "methodpanel");
}

static void
crk_method_panel_init (CrkMethodPanel *self)
{
  self->tier_presets = g_ptr_array_new_with_free_func (g_object_unref);
  self->base_years = g_array_new (FALSE, FALSE, sizeof (int));

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crk_weight_tree_set_normalisation_names (self->weight_tree,
                                           adw_combo_row_get_model (self->normalisation_row));
  build_limit_rows (self);
  self->syncing = FALSE;
}

GtkWidget *
crk_method_panel_new (void)
{
  return g_object_new (CRK_TYPE_METHOD_PANEL, NULL);
}

/* The rows that name what the dataset ranks: "Mean of all countries", the tiers' and the
 * agreement's tooltips. Called while syncing: the imputation row's selection is set again
 * from the method afterwards. */
static void
apply_unit_words (CrkMethodPanel *self)
{
  CrkUnitKind kind = crk_dataset_get_unit_kind (self->dataset);
  GtkStringList *imputation = GTK_STRING_LIST (adw_combo_row_get_model (self->imputation_row));
  const char *const all[] = {crk_unit_kind_get_word (kind, CRK_UNIT_WORD_PANEL_MEAN),
                             crk_unit_kind_get_word (kind, CRK_UNIT_WORD_MEDIAN), NULL};

  /* items 1 and 2: the mean and the median of all cities */
  gtk_string_list_splice (imputation, 1, 2, all);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tier_row),
                               crk_unit_kind_get_word (kind, CRK_UNIT_WORD_TIERS_TIP));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->agreement_group),
                               crk_unit_kind_get_word (kind, CRK_UNIT_WORD_AGREEMENT_TIP));
}

void
crk_method_panel_set_dataset (CrkMethodPanel *self,
                              CrkDataset *dataset,
                              CrkMethodHistory *history,
                              CrkMethod *file_method)
{
  g_return_if_fail (CRK_IS_METHOD_PANEL (self));
  g_return_if_fail (dataset == NULL || CRK_IS_DATASET (dataset));

  g_clear_signal_handler (&self->changed_id, self->method);
  g_clear_object (&self->method);
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->history, history);

  self->syncing = TRUE;
  g_array_set_size (self->base_years, 0);
  gtk_string_list_splice (self->base_year_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->base_year_model)), NULL);
  if (dataset != NULL)
    {
      int none = 0;

      self->method = g_object_ref (crk_dataset_get_method (dataset));
      self->changed_id = g_signal_connect_object (
        self->method, "changed", G_CALLBACK (on_method_changed_cb), self, G_CONNECT_SWAPPED);
      fill_tier_presets (self, file_method != NULL ? file_method : self->method);
      apply_unit_words (self);

      g_array_append_val (self->base_years, none);
      gtk_string_list_append (self->base_year_model, _ ("None"));
      for (guint i = 0; i < crk_dataset_get_n_years (dataset); i++)
        {
          int year = crk_dataset_get_year (dataset, i);
          g_autofree char *label = g_strdup_printf ("%d", year);

          g_array_append_val (self->base_years, year);
          gtk_string_list_append (self->base_year_model, label);
        }
    }
  self->syncing = FALSE;

  crk_weight_tree_set_dataset (self->weight_tree, dataset, history);
  sync_from_method (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), dataset != NULL);
}

/* Agreement with the published ranking of the year (the cities' reference ranks): ρ and
 * τ, and the five cities that differ most; hidden when the year has none. */
static void
update_agreement (CrkMethodPanel *self)
{
  double rho = NAN, tau = NAN;
  guint n = 0;
  g_autoptr (GArray) largest = NULL;
  GtkWidget *child;
  int year;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agreement_list))) != NULL)
    gtk_list_box_remove (self->agreement_list, child);
  if (self->results == NULL || self->dataset == NULL ||
      !crk_results_compare_reference (self->results, &rho, &tau, &n, &largest))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->agreement_group), FALSE);
      return;
    }
  year = crk_results_get_year (self->results);
  {
    GtkWidget *row = adw_action_row_new ();
    g_autofree char *title = g_strdup_printf (_ ("Spearman ρ %.3f · Kendall τ %.3f"), rho, tau);
    g_autofree char *subtitle =
      crk_unit_kind_format_ranked_in_both (crk_dataset_get_unit_kind (self->dataset), n, year);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    gtk_widget_add_css_class (row, "property");
    gtk_list_box_append (self->agreement_list, row);
  }
  for (guint k = 0; largest != NULL && k < MIN (largest->len, 5); k++)
    {
      guint city = g_array_index (largest, guint, k);
      CrkCity *c = crk_dataset_get_city (self->dataset, city);
      guint rank = crk_results_get_rank (self->results, city);
      guint published = crk_city_get_reference_rank (c, year);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (rank == published)
        break;
      /* Translators: a city's rank here and in the published ranking */
      subtitle = g_strdup_printf (_ ("Ranked %u here, %u published"), rank, published);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crk_city_get_display_name (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->agreement_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_group), TRUE);
}

/* The name of the weight scheme that computes the weights, or NULL when they are the
 * dataset's own. */
static const char *
computed_by (CrkMethodPanel *self)
{
  CrkWeightScheme scheme =
    self->method != NULL ? crk_method_get_weight_scheme (self->method) : CRK_WEIGHTS_DATASET;
  guint i = index_of ((const int *) schemes, G_N_ELEMENTS (schemes), (int) scheme);
  GListModel *model = adw_combo_row_get_model (self->scheme_row);
  g_autoptr (GtkStringObject) name = NULL;

  if (scheme == CRK_WEIGHTS_DATASET)
    return NULL;
  name = model != NULL ? g_list_model_get_item (model, i) : NULL;
  /* the string list keeps the string */
  return name != NULL ? gtk_string_object_get_string (name) : "";
}

void
crk_method_panel_set_results (CrkMethodPanel *self, CrkResults *results)
{
  g_return_if_fail (CRK_IS_METHOD_PANEL (self));

  if (self->results != results)
    g_set_object (&self->results, results);
  crk_weight_tree_set_results (self->weight_tree, results, computed_by (self));
  update_agreement (self);
}

GtkAdjustment *
crk_method_panel_get_weight_adjustment (CrkMethodPanel *self, const char *code)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return crk_weight_tree_get_adjustment (self->weight_tree, code);
}

GtkWidget *
crk_method_panel_get_weight_widget (CrkMethodPanel *self, const char *code, gboolean spin)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return crk_weight_tree_get_widget (self->weight_tree, code,
                                     spin ? CRK_WEIGHT_WIDGET_SPIN : CRK_WEIGHT_WIDGET_SCALE);
}

GtkWidget *
crk_method_panel_get_copy_weights_button (CrkMethodPanel *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return crk_weight_tree_get_copy_button (self->weight_tree);
}

GtkWidget *
crk_method_panel_get_normalisation_widget (CrkMethodPanel *self, const char *code)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return crk_weight_tree_get_widget (self->weight_tree, code, CRK_WEIGHT_WIDGET_NORMALISATION);
}

CrkWeightTree *
crk_method_panel_get_weight_tree (CrkMethodPanel *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return self->weight_tree;
}

GtkAdjustment *
crk_method_panel_get_limit (CrkMethodPanel *self, guint which)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  g_return_val_if_fail (which < G_N_ELEMENTS (self->limits), NULL);
  return self->limits[which];
}
