/* test-app-method.c: the method panel never changes a weight by accident, and shows
 * weights the method computes as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-test-app.h"
#include "crk-window-private.h"

typedef struct
{
  CrkWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->window = crk_test_app_sample_window (1280, 800);
  crk_test_app_wait_allocated (GTK_WIDGET (f->window->method_panel));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  crk_test_app_close_window (f->window);
}

/* The first top dimension's code. */
static const char *
first_dimension (Fixture *f)
{
  CrkFrameworkNode *root = crk_dataset_get_framework (crk_window_get_dataset (f->window));

  return crk_framework_node_get_code (crk_framework_node_get_child (root, 0));
}

/* The wheel over a weight's slider or spin button scrolls the panel, not the weight. */
static void
test_wheel_scrolls (Fixture *f, gconstpointer data)
{
  const char *code = first_dimension (f);
  GtkAdjustment *weight = crk_method_panel_get_weight_adjustment (f->window->method_panel, code);
  double before = gtk_adjustment_get_value (weight);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  double method_weight = crk_method_get_weight (method, code);

  g_assert_nonnull (weight);
  for (int spin = 0; spin <= 1; spin++)
    {
      GtkWidget *widget = crk_method_panel_get_weight_widget (f->window->method_panel, code, spin);

      g_assert_nonnull (widget);
      g_assert_true (crk_test_app_wheel (widget, 1.0));
      g_assert_true (crk_test_app_wheel (widget, -1.0));
      crk_test_app_spin (20);
      g_assert_cmpfloat (gtk_adjustment_get_value (weight), ==, before);
      /* no weight set by the method (NAN: the dataset's) stays so */
      g_assert_true (isnan (method_weight) ? isnan (crk_method_get_weight (method, code))
                                           : crk_method_get_weight (method, code) == method_weight);
    }
}

static double
share_of (CrkResults *results, const char *code)
{
  int node = crk_results_lookup_node (results, code);

  g_assert_cmpint (node, >=, 0);
  return crk_results_get_weight (results, (guint) node);
}

/* Under entropy weights the sliders are read-only; copying makes the weights in use the
 * dataset's own, in one undoable step. */
static void
test_computed_weights (Fixture *f, gconstpointer data)
{
  const char *code = first_dimension (f);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  GtkWidget *scale = crk_method_panel_get_weight_widget (f->window->method_panel, code, FALSE);
  GtkWidget *button = crk_method_panel_get_copy_weights_button (f->window->method_panel);
  double entropy_share;

  g_assert_true (gtk_widget_get_sensitive (scale));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (button)));

  crk_method_set_weight_scheme (method, CRK_WEIGHTS_ENTROPY);
  crk_test_app_spin (100);
  g_assert_false (gtk_widget_get_sensitive (scale));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (button)));
  entropy_share = share_of (crk_window_get_results (f->window), code);

  g_signal_emit_by_name (button, "clicked");
  crk_test_app_spin (100);
  g_assert_cmpint (crk_method_get_weight_scheme (method), ==, CRK_WEIGHTS_DATASET);
  g_assert_true (gtk_widget_get_sensitive (scale));
  g_assert_cmpfloat_with_epsilon (share_of (crk_window_get_results (f->window), code),
                                  entropy_share, 1e-9);

  /* one step back: entropy again */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  crk_test_app_spin (100);
  g_assert_cmpint (crk_method_get_weight_scheme (method), ==, CRK_WEIGHTS_ENTROPY);
}

/* The first indicator of the index (not a denominator). */
static const char *
first_indicator (Fixture *f)
{
  CrkDataset *dataset = crk_window_get_dataset (f->window);

  for (guint i = 0; i < crk_dataset_get_n_indicators (dataset); i++)
    if (crk_indicator_get_kind (crk_dataset_get_indicator (dataset, i)) ==
        CRK_INDICATOR_KIND_INDICATOR)
      return crk_indicator_get_code (crk_dataset_get_indicator (dataset, i));
  g_assert_not_reached ();
  return NULL;
}

/* An indicator's own normalisation, chosen in the weight editor, undone in one step. */
static void
test_indicator_normalisation (Fixture *f, gconstpointer data)
{
  const char *code = first_indicator (f);
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  GtkWidget *dropdown = crk_method_panel_get_normalisation_widget (f->window->method_panel, code);
  double p1 = 0, p2 = 0;

  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  /* 0 "as the method", then the method's choices: min-max 0–100, 1–100, z-score, … */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
  crk_test_app_spin (100);
  g_assert_cmpint (crk_method_get_indicator_normalisation (method, code, &p1, &p2), ==,
                   CRK_NORMALISATION_ZSCORE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  crk_test_app_spin (100);
  g_assert_cmpint (crk_method_get_indicator_normalisation (method, code, &p1, &p2), ==,
                   CRK_NORMALISATION_INHERIT);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
}

/* Winsorising's limits show when outliers are treated, and change the method. */
static void
test_winsorising_limits (Fixture *f, gconstpointer data)
{
  CrkMethod *method = crk_dataset_get_method (crk_window_get_dataset (f->window));
  GtkAdjustment *skew = crk_method_panel_get_limit (f->window->method_panel, 0);
  double s = 0, k = 0;
  guint points = 0;

  crk_method_set_treatment (method, CRK_TREATMENT_WINSORISE);
  crk_test_app_spin (50);
  crk_method_get_treatment_params (method, &s, &k, &points);
  g_assert_cmpfloat (gtk_adjustment_get_value (skew), ==, s);
  gtk_adjustment_set_value (skew, 1.5);
  crk_method_get_treatment_params (method, &s, &k, &points);
  g_assert_cmpfloat (s, ==, 1.5);
}

static gboolean
results_of_year (gpointer data)
{
  CrkWindow *window = data;

  return crk_window_get_results (window) != NULL &&
    crk_results_get_year (crk_window_get_results (window)) == crk_window_get_year (window);
}

/* Where the dataset has the published ranks of the year, the panel says how closely the
 * ranking agrees with them, and which cities differ most; it follows the method. */
static void
test_agreement (Fixture *f, gconstpointer data)
{
  GtkWidget *group = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (f->window->method_panel), CRK_TYPE_METHOD_PANEL, "agreement_group"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (f->window->method_panel), CRK_TYPE_METHOD_PANEL, "agreement_list"));
  CrkResults *results;
  double rho = 0, tau = 0;
  guint n = 0;
  g_autofree char *expected = NULL;
  const char *title;

  crk_window_set_year (f->window, 2021);
  crk_test_app_wait (results_of_year, f->window, 10);
  results = crk_window_get_results (f->window);
  g_assert_true (crk_results_compare_reference (results, &rho, &tau, &n, NULL));
  g_assert_true (gtk_widget_get_visible (group));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list)));
  expected = g_strdup_printf ("Spearman ρ %.3f · Kendall τ %.3f", rho, tau);
  g_assert_cmpstr (title, ==, expected);
  /* the ρ line and at most five cities */
  {
    guint rows = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      rows++;
    g_assert_cmpuint (rows, >, 1);
    g_assert_cmpuint (rows, <=, 6);
  }
  /* no published ranks for 2020 */
  crk_window_set_year (f->window, 2020);
  crk_test_app_wait (results_of_year, f->window, 10);
  g_assert_false (
    crk_results_compare_reference (crk_window_get_results (f->window), &rho, &tau, &n, NULL));
  g_assert_false (gtk_widget_get_visible (group));
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add ("/app/method/wheel-scrolls", Fixture, NULL, fixture_setup, test_wheel_scrolls,
              fixture_teardown);
  g_test_add ("/app/method/computed-weights", Fixture, NULL, fixture_setup, test_computed_weights,
              fixture_teardown);
  g_test_add ("/app/method/indicator-normalisation", Fixture, NULL, fixture_setup,
              test_indicator_normalisation, fixture_teardown);
  g_test_add ("/app/method/winsorising-limits", Fixture, NULL, fixture_setup,
              test_winsorising_limits, fixture_teardown);
  g_test_add ("/app/method/agreement", Fixture, NULL, fixture_setup, test_agreement,
              fixture_teardown);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
