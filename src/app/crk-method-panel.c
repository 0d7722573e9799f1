/* crk-method-panel.c: the method choices and the weight editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-method-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "crk-method-panel.h"

typedef struct
{
  char *code;
  GtkWidget *row;
  GtkWidget *share; /* "24 %" of the parent */
  GtkWidget *scale;
  GtkWidget *spin;
  GtkWidget *normalisation; /* indicators: a GtkDropDown, "as the method" or an override */
  GtkAdjustment *adjustment;
} WeightRow;

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
  AdwPreferencesGroup *weights_group;
  AdwPreferencesGroup *indicator_weights_group;
  AdwPreferencesGroup *agreement_group;
  GtkListBox *agreement_list;
  GtkWidget *computed_banner; /* data-driven weights: read-only, and a way to copy them */
  GtkLabel *computed_label;
  GtkWidget *copy_weights_button;
  GtkWidget *limit_rows[3]; /* winsorising: skewness, kurtosis, points */
  GtkAdjustment *limits[3];

  CrkDataset *dataset;
  CrkMethod *method;
  CrkMethodHistory *history;
  CrkResults *results;
  GPtrArray *tier_presets;   /* CrkMethod holding only tiers */
  GArray *base_years;        /* int; [0] = 0 for none */
  GPtrArray *weight_rows;    /* WeightRow */
  GHashTable *weight_index;  /* code -> WeightRow */
  GPtrArray *dimension_rows; /* widgets added to weights_group */
  GPtrArray *indicator_rows; /* widgets added to indicator_weights_group */
  gulong changed_id;
  gboolean syncing;
  /* The weight editor of a dataset set before the panel was first drawn is built just
   * after that first frame: its dozens of sliders and spin buttons would delay it. */
  gboolean drawn;
  gboolean weights_pending;
  guint weights_idle_id;
};

G_DEFINE_FINAL_TYPE (CrkMethodPanel, crk_method_panel, GTK_TYPE_WIDGET)

static void build_computed_banner (CrkMethodPanel *self);
static void update_agreement (CrkMethodPanel *self);
static void build_limit_rows (CrkMethodPanel *self);
static void sync_limits (CrkMethodPanel *self);
static guint indicator_normalisation_index (CrkMethod *method, const char *code);

static void
weight_row_free (gpointer data)
{
  WeightRow *row = data;

  g_free (row->code);
  g_clear_object (&row->adjustment);
  g_free (row);
}

/* The normalisation choices: min-max twice, to [0, 100] and to [1, 100] (COINr's advice
 * for geometric and harmonic means, which need positive scores). */
static const struct
{
  CrkNormalisation mode;
  double param1;
  double param2;
} normalisations[] = {
  {CRK_NORMALISATION_MINMAX, 0, 100},        {CRK_NORMALISATION_MINMAX, 1, 100},
  {CRK_NORMALISATION_ZSCORE, 0, 1},          {CRK_NORMALISATION_RANK, 0, 0},
  {CRK_NORMALISATION_PERCENTILE_RANK, 0, 0}, {CRK_NORMALISATION_GOALPOSTS, 0, 0},
};

static guint
normalisation_index (CrkMethod *method)
{
  double p1 = 0, p2 = 0;
  CrkNormalisation mode = crk_method_get_normalisation (method, &p1, &p2);

  for (guint i = 0; i < G_N_ELEMENTS (normalisations); i++)
    if (normalisations[i].mode == mode &&
        (mode != CRK_NORMALISATION_MINMAX ||
         (normalisations[i].param1 == p1 && normalisations[i].param2 == p2)))
      return i;
  return GTK_INVALID_LIST_POSITION;
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

  for (guint i = 0; i < self->weight_rows->len; i++)
    {
      WeightRow *row = g_ptr_array_index (self->weight_rows, i);
      CrkFrameworkNode *node = crk_dataset_lookup_node (self->dataset, row->code);
      double w = crk_method_get_weight (self->method, row->code);

      if (isnan (w) && node != NULL)
        w = crk_framework_node_get_weight (node);
      if (w > gtk_adjustment_get_upper (row->adjustment))
        gtk_adjustment_set_upper (row->adjustment, w);
      gtk_adjustment_set_value (row->adjustment, w);
      if (row->normalisation != NULL)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->normalisation),
                                    indicator_normalisation_index (self->method, row->code));
    }
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

  if (self->syncing || self->method == NULL || i >= G_N_ELEMENTS (normalisations))
    return;
  begin_edit (self, NULL);
  crk_method_set_normalisation (self->method, normalisations[i].mode, normalisations[i].param1,
                                normalisations[i].param2);
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

static void
on_weight_changed_cb (GtkAdjustment *adjustment, CrkMethodPanel *self)
{
  const char *code = g_object_get_data (G_OBJECT (adjustment), "crk-node-code");
  g_autofree char *key = NULL;

  if (self->syncing || self->method == NULL)
    return;
  key = g_strconcat ("weight:", code, NULL);
  begin_edit (self, key);
  crk_method_set_weight (self->method, code, gtk_adjustment_get_value (adjustment));
}

/* The mouse wheel over a slider or a spin button scrolls the panel: a weight changes
 * only by deliberate input (a drag, a click, a key, typing). */
static gboolean
on_guarded_scroll_cb (GtkEventControllerScroll *controller,
                      double dx,
                      double dy,
                      gpointer user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double page = gtk_adjustment_get_page_size (adjustment);
      double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
        ? pow (page, 2.0 / 3.0)
        : 1.0;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
    }
  return TRUE; /* not to the slider or the spin button */
}

static void
guard_scroll (GtkWidget *widget)
{
  GtkEventController *controller =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "crk-scroll-guard");
  g_signal_connect (controller, "scroll", G_CALLBACK (on_guarded_scroll_cb), NULL);
  gtk_widget_add_controller (widget, controller);
}

/* Per indicator: its normalisation, "as the method" or one of the method's choices. */
static void
on_indicator_normalisation_cb (GtkDropDown *dropdown, GParamSpec *pspec, CrkMethodPanel *self)
{
  const char *code = g_object_get_data (G_OBJECT (dropdown), "crk-indicator");
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || self->method == NULL || code == NULL || i == GTK_INVALID_LIST_POSITION)
    return;
  begin_edit (self, NULL);
  if (i == 0 || i > G_N_ELEMENTS (normalisations))
    crk_method_set_indicator_normalisation (self->method, code, CRK_NORMALISATION_INHERIT, 0, 0);
  else
    crk_method_set_indicator_normalisation (self->method, code, normalisations[i - 1].mode,
                                            normalisations[i - 1].param1,
                                            normalisations[i - 1].param2);
}

static GtkWidget *
indicator_normalisation_new (CrkMethodPanel *self, CrkFrameworkNode *node)
{
  CrkIndicator *indicator = crk_framework_node_get_indicator (node);
  GListModel *choices = adw_combo_row_get_model (self->normalisation_row);
  g_autoptr (GtkStringList) items = gtk_string_list_new (NULL);
  g_autofree char *label =
    g_strdup_printf (_ ("Normalisation of %s"), crk_framework_node_get_display_name (node));
  double low = crk_indicator_get_goalpost_low (indicator),
         high = crk_indicator_get_goalpost_high (indicator);
  g_autofree char *tooltip = NULL;
  GtkWidget *dropdown;

  gtk_string_list_append (items, _ ("As the method"));
  for (guint i = 0; choices != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (GtkStringObject) choice = g_list_model_get_item (choices, i);

      gtk_string_list_append (items, gtk_string_object_get_string (choice));
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dropdown, "flat");
  if (!isnan (low) && !isnan (high))
    tooltip = g_strdup_printf (_ ("How this indicator is normalised; its goalposts are %g and %g"),
                               low, high);
  else
    tooltip = g_strdup (_ ("How this indicator is normalised; it has no goalposts"));
  gtk_widget_set_tooltip_text (dropdown, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (dropdown), "crk-indicator",
                          g_strdup (crk_indicator_get_code (indicator)), g_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_indicator_normalisation_cb), self);
  return dropdown;
}

/* The override's position in the dropdown (0: as the method). */
static guint
indicator_normalisation_index (CrkMethod *method, const char *code)
{
  double p1 = 0, p2 = 0;
  CrkNormalisation mode = crk_method_get_indicator_normalisation (method, code, &p1, &p2);

  if (mode == CRK_NORMALISATION_INHERIT)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (normalisations); i++)
    if (normalisations[i].mode == mode &&
        (mode != CRK_NORMALISATION_MINMAX ||
         (normalisations[i].param1 == p1 && normalisations[i].param2 == p2)))
      return i + 1;
  return 0;
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
      guard_scroll (spin);
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

/* A row of the weight editor: the node's name and share of its parent on one line, a
 * slider and a number below (the sidebar is too narrow for one line). */
static GtkWidget *
weight_row_new (CrkMethodPanel *self, CrkFrameworkNode *node, double upper, WeightRow *row)
{
  const char *name = crk_framework_node_get_display_name (node);
  g_autofree char *label = g_strdup_printf (_ ("Weight of %s"), name);
  GtkWidget *list_row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *scale;
  GtkWidget *spin;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  /* the title serves the search of preferences windows and screen readers */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (list_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), name);
  gtk_widget_add_css_class (list_row, "weight-row");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  row->share = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->share, "dim-label");
  gtk_widget_add_css_class (row->share, "numeric");
  gtk_widget_add_css_class (row->share, "caption");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), row->share);

  row->adjustment = g_object_ref_sink (gtk_adjustment_new (crk_framework_node_get_weight (node), 0,
                                                           upper, upper / 100, upper / 10, 0));
  g_object_set_data_full (G_OBJECT (row->adjustment), "crk-node-code",
                          g_strdup (crk_framework_node_get_code (node)), g_free);
  g_signal_connect (row->adjustment, "value-changed", G_CALLBACK (on_weight_changed_cb), self);

  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, row->adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  spin = gtk_spin_button_new (row->adjustment, upper / 100, 2);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  guard_scroll (scale);
  guard_scroll (spin);
  row->scale = scale;
  row->spin = spin;

  gtk_box_append (GTK_BOX (bottom), scale);
  gtk_box_append (GTK_BOX (bottom), spin);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  /* an indicator's own normalisation, on a line of its own (the sidebar is narrow) */
  if (crk_framework_node_get_indicator (node) != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *caption = gtk_label_new (_ ("Normalisation"));

      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "caption");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_set_hexpand (caption, TRUE);
      row->normalisation = indicator_normalisation_new (self, node);
      gtk_box_append (GTK_BOX (line), caption);
      gtk_box_append (GTK_BOX (line), row->normalisation);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  return list_row;
}

static double
sibling_upper (CrkFrameworkNode *node)
{
  CrkFrameworkNode *parent = crk_framework_node_get_parent (node);
  double max = 0;

  if (parent == NULL)
    return 1;
  for (guint i = 0; i < crk_framework_node_get_n_children (parent); i++)
    max = MAX (max, crk_framework_node_get_weight (crk_framework_node_get_child (parent, i)));
  return MAX (1.0, 4 * max);
}

typedef struct
{
  CrkMethodPanel *self;
  GtkWidget *expander;
  gboolean lazy; /* the first pass: dimensions only */
} AddContext;

static gboolean add_weight_row (CrkFrameworkNode *node, gpointer user_data);

/* The indicator rows of a dimension are built when it is first expanded: dozens of
 * sliders and spin buttons would otherwise slow the window's start. */
static void
ensure_indicator_rows (CrkMethodPanel *self, GtkWidget *expander)
{
  CrkFrameworkNode *dimension = g_object_get_data (G_OBJECT (expander), "crk-node");
  AddContext ctx = {self, expander, FALSE};

  if (dimension == NULL || g_object_get_data (G_OBJECT (expander), "crk-built") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "crk-built", GINT_TO_POINTER (TRUE));

  self->syncing = TRUE;
  for (guint i = 0; i < crk_framework_node_get_n_children (dimension); i++)
    crk_framework_node_foreach (crk_framework_node_get_child (dimension, i), add_weight_row, &ctx);
  self->syncing = FALSE;
  sync_from_method (self);
  if (self->results != NULL)
    crk_method_panel_set_results (self, self->results);
}

static void
on_expanded_cb (GtkWidget *expander, GParamSpec *pspec, CrkMethodPanel *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)))
    ensure_indicator_rows (self, expander);
}

static gboolean
add_weight_row (CrkFrameworkNode *node, gpointer user_data)
{
  AddContext *ctx = user_data;
  CrkMethodPanel *self = ctx->self;
  guint depth = crk_framework_node_get_depth (node);
  WeightRow *row;

  if (depth == 0)
    return TRUE;
  if (depth > 1 && ctx->lazy && ctx->expander != NULL)
    return TRUE;

  row = g_new0 (WeightRow, 1);
  row->code = g_strdup (crk_framework_node_get_code (node));
  row->row = weight_row_new (self, node, sibling_upper (node), row);

  if (depth == 1)
    {
      adw_preferences_group_add (self->weights_group, row->row);
      g_ptr_array_add (self->dimension_rows, row->row);

      ctx->expander = NULL;
      if (!crk_framework_node_is_leaf (node))
        {
          ctx->expander = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (ctx->expander), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ctx->expander),
                                         crk_framework_node_get_display_name (node));
          g_object_set_data_full (G_OBJECT (ctx->expander), "crk-node", g_object_ref (node),
                                  g_object_unref);
          g_signal_connect_object (ctx->expander, "notify::expanded", G_CALLBACK (on_expanded_cb),
                                   self, 0);
          adw_preferences_group_add (self->indicator_weights_group, ctx->expander);
          g_ptr_array_add (self->indicator_rows, ctx->expander);
        }
    }
  else
    {
      gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row->row)),
                                   12 + 12 * (int) (depth - 2));
      if (ctx->expander != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (ctx->expander), row->row);
      else
        {
          adw_preferences_group_add (self->indicator_weights_group, row->row);
          g_ptr_array_add (self->indicator_rows, row->row);
        }
    }

  g_ptr_array_add (self->weight_rows, row);
  g_hash_table_insert (self->weight_index, row->code, row);
  return TRUE;
}

static void
rebuild_weights (CrkMethodPanel *self)
{
  CrkFrameworkNode *root;
  AddContext ctx = {self, NULL, TRUE};

  for (guint i = 0; i < self->dimension_rows->len; i++)
    adw_preferences_group_remove (self->weights_group, g_ptr_array_index (self->dimension_rows, i));
  g_ptr_array_set_size (self->dimension_rows, 0);
  for (guint i = 0; i < self->indicator_rows->len; i++)
    adw_preferences_group_remove (self->indicator_weights_group,
                                  g_ptr_array_index (self->indicator_rows, i));
  g_ptr_array_set_size (self->indicator_rows, 0);
  g_hash_table_remove_all (self->weight_index);
  g_ptr_array_set_size (self->weight_rows, 0);

  if (self->dataset == NULL || (root = crk_dataset_get_framework (self->dataset)) == NULL)
    return;

  self->syncing = TRUE;
  crk_framework_node_foreach (root, add_weight_row, &ctx);
  self->syncing = FALSE;
}

static void
ensure_weights (CrkMethodPanel *self)
{
  g_clear_handle_id (&self->weights_idle_id, g_source_remove);
  if (!self->weights_pending)
    return;
  self->weights_pending = FALSE;
  rebuild_weights (self);
  sync_from_method (self);
  if (self->results != NULL)
    crk_method_panel_set_results (self, self->results);
}

static gboolean
build_weights_idle_cb (gpointer user_data)
{
  CrkMethodPanel *self = user_data;

  self->weights_idle_id = 0;
  ensure_weights (self);
  return G_SOURCE_REMOVE;
}

static void
crk_method_panel_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrkMethodPanel *self = CRK_METHOD_PANEL (widget);

  GTK_WIDGET_CLASS (crk_method_panel_parent_class)->snapshot (widget, snapshot);
  self->drawn = TRUE;
  /* an idle runs once this frame is on screen */
  if (self->weights_pending && self->weights_idle_id == 0)
    self->weights_idle_id =
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_weights_idle_cb, self, NULL);
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
  g_clear_handle_id (&self->weights_idle_id, g_source_remove);
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
  g_clear_pointer (&self->weight_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crk_method_panel_parent_class)->dispose (object);
}

static void
crk_method_panel_finalize (GObject *object)
{
  CrkMethodPanel *self = (CrkMethodPanel *) object;

  g_clear_pointer (&self->tier_presets, g_ptr_array_unref);
  g_clear_pointer (&self->base_years, g_array_unref);
  g_clear_pointer (&self->weight_index, g_hash_table_unref);
  g_clear_pointer (&self->dimension_rows, g_ptr_array_unref);
  g_clear_pointer (&self->indicator_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crk_method_panel_parent_class)->finalize (object);
}

static void
crk_method_panel_class_init (CrkMethodPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_method_panel_dispose;
  object_class->finalize = crk_method_panel_finalize;
  widget_class->snapshot = crk_method_panel_snapshot;

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
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, weights_group);
  gtk_widget_class_bind_template_child (widget_class, CrkMethodPanel, indicator_weights_group);
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
  self->weight_rows = g_ptr_array_new_with_free_func (weight_row_free);
  self->weight_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimension_rows = g_ptr_array_new ();
  self->indicator_rows = g_ptr_array_new ();

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_computed_banner (self);
  build_limit_rows (self);
  self->syncing = FALSE;
}

GtkWidget *
crk_method_panel_new (void)
{
  return g_object_new (CRK_TYPE_METHOD_PANEL, NULL);
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

  g_clear_handle_id (&self->weights_idle_id, g_source_remove);
  if (self->drawn || dataset == NULL)
    {
      self->weights_pending = FALSE;
      rebuild_weights (self);
    }
  else
    {
      /* the rows of another dataset go now, the new ones after the first frame */
      self->weights_pending = TRUE;
      g_clear_object (&self->dataset);
      rebuild_weights (self);
      g_set_object (&self->dataset, dataset);
    }
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
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u city ranked in both, %d",
                                    "%u cities ranked in both, %d", n),
                       n, year);

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

/* Under equal, entropy, CRITIC or PCA weights: the shares on the right are the weights in
 * use; the button makes them the dataset's own weights, to edit (one undoable step). */
static void
update_computed_banner (CrkMethodPanel *self)
{
  CrkWeightScheme scheme =
    self->method != NULL ? crk_method_get_weight_scheme (self->method) : CRK_WEIGHTS_DATASET;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->computed_banner, scheme != CRK_WEIGHTS_DATASET);
  if (scheme == CRK_WEIGHTS_DATASET)
    return;
  {
    guint i = index_of ((const int *) schemes, G_N_ELEMENTS (schemes), (int) scheme);
    GListModel *model = adw_combo_row_get_model (self->scheme_row);
    g_autoptr (GtkStringObject) name = model != NULL ? g_list_model_get_item (model, i) : NULL;

    /* Translators: %s is the weight scheme ("Entropy") */
    text = g_strdup_printf (
      _ ("Weights computed by “%s”: the shares on the right are the weights in use."),
      name != NULL ? gtk_string_object_get_string (name) : "");
  }
  gtk_label_set_label (self->computed_label, text);
}

static void
on_copy_weights_clicked_cb (GtkButton *button, CrkMethodPanel *self)
{
  if (self->method == NULL || self->results == NULL)
    return;
  begin_edit (self, NULL);
  crk_method_freeze (self->method);
  for (guint i = 0; i < self->weight_rows->len; i++)
    {
      WeightRow *row = g_ptr_array_index (self->weight_rows, i);
      int node = crk_results_lookup_node (self->results, row->code);

      if (node >= 0)
        crk_method_set_weight (self->method, row->code,
                               crk_results_get_weight (self->results, (guint) node));
    }
  crk_method_set_weight_scheme (self->method, CRK_WEIGHTS_DATASET);
  crk_method_thaw (self->method);
}

static void
build_computed_banner (CrkMethodPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Copy to Editable Weights"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (
    button, _ ("Make the weights in use the dataset’s own weights, to edit them"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_weights_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_visible (box, FALSE);
  adw_preferences_group_add (self->weights_group, box);
  self->computed_banner = box;
  self->computed_label = GTK_LABEL (label);
  self->copy_weights_button = button;
}

void
crk_method_panel_set_results (CrkMethodPanel *self, CrkResults *results)
{
  g_return_if_fail (CRK_IS_METHOD_PANEL (self));

  gboolean computed =
    self->method != NULL && crk_method_get_weight_scheme (self->method) != CRK_WEIGHTS_DATASET;

  if (self->results != results)
    g_set_object (&self->results, results);
  for (guint i = 0; i < self->weight_rows->len; i++)
    {
      WeightRow *row = g_ptr_array_index (self->weight_rows, i);
      int node = results != NULL ? crk_results_lookup_node (results, row->code) : -1;
      g_autofree char *share = NULL;

      if (node >= 0)
        share =
          g_strdup_printf (_ ("%.0f %%"), 100 * crk_results_get_weight (results, (guint) node));
      gtk_label_set_label (GTK_LABEL (row->share), share != NULL ? share : "");
      /* weights the method computes are shown, not edited: the sliders would contradict them */
      gtk_widget_set_sensitive (row->scale, !computed);
      gtk_widget_set_sensitive (row->spin, !computed);
    }
  update_computed_banner (self);
  update_agreement (self);
}

GtkAdjustment *
crk_method_panel_get_weight_adjustment (CrkMethodPanel *self, const char *code)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);

  ensure_weights (self);
  row = g_hash_table_lookup (self->weight_index, code);
  if (row == NULL)
    {
      for (guint i = 0; i < self->indicator_rows->len; i++)
        if (ADW_IS_EXPANDER_ROW (g_ptr_array_index (self->indicator_rows, i)))
          ensure_indicator_rows (self, g_ptr_array_index (self->indicator_rows, i));
      row = g_hash_table_lookup (self->weight_index, code);
    }
  return row != NULL ? row->adjustment : NULL;
}

GtkWidget *
crk_method_panel_get_weight_widget (CrkMethodPanel *self, const char *code, gboolean spin)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  if (crk_method_panel_get_weight_adjustment (self, code) == NULL)
    return NULL;
  row = g_hash_table_lookup (self->weight_index, code);
  return spin ? row->spin : row->scale;
}

GtkWidget *
crk_method_panel_get_copy_weights_button (CrkMethodPanel *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  return self->copy_weights_button;
}

GtkWidget *
crk_method_panel_get_normalisation_widget (CrkMethodPanel *self, const char *code)
{
  WeightRow *row;

  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  if (crk_method_panel_get_weight_adjustment (self, code) == NULL)
    return NULL;
  row = g_hash_table_lookup (self->weight_index, code);
  return row->normalisation;
}

GtkAdjustment *
crk_method_panel_get_limit (CrkMethodPanel *self, guint which)
{
  g_return_val_if_fail (CRK_IS_METHOD_PANEL (self), NULL);
  g_return_val_if_fail (which < G_N_ELEMENTS (self->limits), NULL);
  return self->limits[which];
}
