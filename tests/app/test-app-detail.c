/* test-app-detail.c: the city detail shows whole numbers with their units (never cut,
 * grouped, counts without decimals) and short strengths and weaknesses with their rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crk-application.h"
#include "crk-city-detail.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

static CrkDataset *
read_sample (const char *name)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *file = g_strdup_printf ("%s.cityrank.xml", name);
  g_autofree char *path =
    g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples", file, NULL);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset = crk_dataset_read (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The labels under @widget whose text contains @text. */
static void
find_labels (GtkWidget *widget, const char *text, GPtrArray *found)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels (child, text, found);
}

static GtkLabel *
find_label (GtkWidget *widget, const char *text)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  find_labels (widget, text, found);
  if (found->len != 1)
    g_error ("%u labels show \"%s\", not 1", found->len, text);
  return g_ptr_array_index (found, 0);
}

/* @label shows @number whole on one line, and the unit after it, and nothing is cut. */
static void
assert_whole (GtkLabel *label, const char *number, const char *unit)
{
  PangoLayout *layout;
  PangoLayoutLine *first;
  const char *text = gtk_label_get_text (label);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >, 0);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, unit));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  layout = gtk_label_get_layout (label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  /* the number is not broken across lines */
  first = pango_layout_get_line_readonly (layout, 0);
  g_assert_cmpint (first->length, >=, (int) strlen (number));
  g_assert_true (strncmp (text + first->start_index, number, strlen (number)) == 0);
  /* and the layout fits the label */
  {
    int width;

    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
  }
}

/* With CRK_DETAIL_SHOTS set to a folder, @widget is saved there as NAME.png to look at. */
static void
save_shot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("CRK_DETAIL_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL || w <= 0 || h <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  cairo_surface_write_to_png (surface, path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The unit of indicator @code as the detail shows it (English or Chinese). */
static const char *
unit_of (CrkDataset *dataset, const char *code)
{
  CrkIndicator *indicator = crk_dataset_lookup_indicator (dataset, code);

  g_assert_nonnull (indicator);
  return crk_indicator_get_display_unit (indicator);
}

static gboolean
shows_city (gpointer data)
{
  CrkWindow *window = data;
  CrkCityDetail *detail = window->city_detail;
  CrkDataset *dataset = crk_window_get_dataset (window);
  CrkCity *city = dataset != NULL ? crk_dataset_lookup_city (dataset, "SHENZHEN") : NULL;

  return city != NULL && crk_city_detail_get_city (detail) == crk_city_get_index (city) &&
    gtk_widget_get_width (GTK_WIDGET (detail)) > 0 && crk_window_get_year (window) == 2021;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* The window at 750 px wide: the detail folds into an overlay, opened from the header bar
 * (Shift+F9); Shenzhen's high-tech enterprises (16064) and patents (51250) in 2021 read in
 * full. */
static void
test_numbers_whole_in_window (void)
{
  CrkWindow *window = crk_test_app_sample_window (750, 600);
  const char *codes[] = {"SHENZHEN", NULL};
  GtkLabel *label;

  crk_window_set_year (window, 2021);
  crk_window_select_codes (window, codes);
  crk_test_app_wait (shows_city, window, 10);
  crk_test_app_spin (100);
  g_assert_true (adw_flap_get_folded (window->detail_flap));
  if (!adw_flap_get_reveal_flap (window->detail_flap))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  /* the overlay slides in (slowly under sanitizers) */
  crk_test_app_wait (widget_mapped, window->city_detail, 20);
  crk_test_app_spin (300);

  label = find_label (GTK_WIDGET (window->city_detail), "16,064");
  save_shot (gtk_widget_get_parent (GTK_WIDGET (label)), "detail-window-indicators");
  assert_whole (label, "16,064", unit_of (crk_window_get_dataset (window), "HTE"));
  g_assert_null (strstr (gtk_label_get_text (label), "16,064."));
  label = find_label (GTK_WIDGET (window->city_detail), "51,250");
  assert_whole (label, "51,250", unit_of (crk_window_get_dataset (window), "INVPAT"));

  crk_test_app_close_window (window);
}

static gboolean
detail_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* The detail alone at its narrowest (320 px): still whole numbers; the lists of the
 * leader are short, and a one-city dataset lists nothing. */
static void
test_detail_narrow (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("advanced-manufacturing-cities");
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = crk_city_detail_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  CrkCity *city = crk_dataset_lookup_city (dataset, "SHENZHEN");
  GtkLabel *label;

  results = crk_compute (dataset, method, 2021, &error);
  g_assert_no_error (error);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), detail);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 600);
  crk_city_detail_set_results (CRK_CITY_DETAIL (detail), results);
  crk_city_detail_set_city (CRK_CITY_DETAIL (detail), crk_city_get_index (city));
  gtk_window_present (GTK_WINDOW (window));
  crk_test_app_wait (detail_allocated, detail, 10);
  crk_test_app_spin (100);

  label = find_label (detail, "16,064");
  save_shot (detail, "detail-narrow");
  save_shot (gtk_widget_get_parent (GTK_WIDGET (label)), "detail-narrow-indicators");
  assert_whole (label, "16,064", unit_of (dataset, "HTE"));
  label = find_label (detail, "51,250");
  assert_whole (label, "51,250", unit_of (dataset, "INVPAT"));
  g_assert_cmpint (gtk_widget_get_width (window), <=, 400);

  /* the leader's strengths: at most 5 lines, and the titles say the rule */
  {
    const guint *order = crk_results_get_order (results, NULL);
    GtkLabel *title = find_label (detail, "Strengths");
    GtkWidget *list = gtk_widget_get_next_sibling (GTK_WIDGET (title));
    g_auto (GStrv) lines = NULL;

    crk_city_detail_set_city (CRK_CITY_DETAIL (detail), order[0]);
    lines = g_strsplit (gtk_label_get_text (GTK_LABEL (list)), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 1);
    g_assert_cmpuint (g_strv_length (lines), <=, 5);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), "top quarter"));
    g_assert_nonnull (
      strstr (gtk_widget_get_tooltip_text (gtk_widget_get_next_sibling (list)), "bottom quarter"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (30);
}

/* The one-city Shenzhen sample: nothing to compare with, so neither list names anything. */
static void
test_one_city (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("shenzhen-emerging-industries-2020");
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = crk_city_detail_new ();
  GtkLabel *title;

  results = crk_compute (dataset, NULL, 0, &error);
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), detail);
  crk_city_detail_set_results (CRK_CITY_DETAIL (detail), results);
  crk_city_detail_set_city (CRK_CITY_DETAIL (detail), 0);
  gtk_window_present (GTK_WINDOW (window));
  crk_test_app_wait (detail_allocated, detail, 10);

  title = find_label (detail, "Strengths");
  g_assert_cmpstr (
    gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)))), ==,
    _ ("None stands out."));
  title = find_label (detail, "Weaknesses");
  g_assert_cmpstr (
    gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)))), ==,
    _ ("None stands out."));

  gtk_window_destroy (GTK_WINDOW (window));
  crk_test_app_spin (30);
}

/* Values in the locale's grouping (a comma in C and English), no decimals for counts and
 * integers, and the unit after a no-break space. */
static void
test_format (void)
{
  const struct lconv *conv = localeconv ();
  const struct
  {
    double value;
    gboolean count;
    const char *unit;
    const char *want;
  } cases[] = {
    {16064, TRUE, "enterprises", "16,064\u00a0enterprises"},
    {16064, FALSE, NULL, "16,064"},
    {1234567.891, FALSE, NULL, "1,234,568"},
    {-12345, FALSE, "t", "-12,345\u00a0t"},
    {952.4, FALSE, NULL, "952.4"},
    {47.1, FALSE, "%", "47.10\u00a0%"},
    {5, FALSE, NULL, "5"},
    {12.6, TRUE, NULL, "13"},
    {0.123, FALSE, NULL, "0.12"},
    {999, FALSE, NULL, "999"},
  };

  if (conv->thousands_sep[0] != '\0' && strcmp (conv->thousands_sep, ",") != 0)
    {
      g_test_skip ("the locale groups digits with something else than a comma");
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *got = crk_format_value (cases[k].value, cases[k].count, cases[k].unit);

      g_assert_cmpstr (got, ==, cases[k].want);
    }
  {
    g_autofree char *missing = crk_format_value (NAN, FALSE, "t");

    g_assert_cmpstr (missing, ==, _ ("missing"));
  }
}

int
main (int argc, char *argv[])
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add_func ("/app/detail/format", test_format);
  g_test_add_func ("/app/detail/numbers-whole-in-window", test_numbers_whole_in_window);
  g_test_add_func ("/app/detail/narrow", test_detail_narrow);
  g_test_add_func ("/app/detail/one-city", test_one_city);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
