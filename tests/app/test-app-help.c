/* test-app-help.c: the guide from the window: app.help with F1, the menu's Help, the
 * shortcut listed, and the method panel's rows leading to pages and sections of the guide
 * that exist, with tooltips that say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-application.h"
#include "crk-test-app.h"
#include "crk-window-private.h"

#define HELP_INDEX "ghelp:" APP_ID
#define HELP_PAGE "help:" APP_ID "/"

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

/* The widget below @root whose id in its template is @id. */
static GtkWidget *
find_by_id (GtkWidget *root, const char *id)
{
  const char *own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (own, id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fails unless @uri names a page of help/C and, after '#', a section id of that page. */
static void
assert_guide_has (const char *uri)
{
  g_autofree char *page = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  char *hash;

  g_assert_true (g_str_has_prefix (uri, HELP_PAGE));
  page = g_strdup (uri + strlen (HELP_PAGE));
  hash = strchr (page, '#');
  if (hash != NULL)
    *hash++ = '\0';
  path = g_strconcat (g_getenv ("CRK_SOURCE_DIR"), "/help/C/", page, ".page", NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *page_id = g_strdup_printf ("id=\"%s\"", page);

    g_assert_nonnull (strstr (text, page_id));
  }
  if (hash != NULL)
    {
      g_autofree char *section = g_strdup_printf ("<section id=\"%s\"", hash);

      if (strstr (text, section) == NULL)
        g_error ("%s has no section “%s” (%s)", path, hash, uri);
    }
}

static const struct
{
  const char *id;
  const char *page; /* what the guide must explain at that row */
  gboolean tooltip; /* says "Press F1" */
} rows[] = {
  {"normalisation_row", "method-normalisation", TRUE},
  {"aggregation_row", "method-aggregation", TRUE},
  {"treatment_row", "method-outliers#winsorising", TRUE},
  {"tier_row", "method-tiers#tiers", TRUE},
  {"imputation_row", "method-missing", FALSE},
  {"scheme_row", "method-weights", FALSE},
  {"base_year_row", "method-tiers#base-year", FALSE},
};

static void
test_rows (Fixture *f, gconstpointer data)
{
  GtkWidget *panel = GTK_WIDGET (f->window->method_panel);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = find_by_id (panel, rows[i].id);
      g_autofree char *uri = NULL;
      g_autofree char *inner_uri = NULL;
      g_autofree char *expected = g_strconcat (HELP_PAGE, rows[i].page, NULL);

      g_assert_nonnull (row);
      uri = crk_application_dup_help_uri_for (row);
      g_assert_cmpstr (uri, ==, expected);
      assert_guide_has (uri);
      /* a widget inside the row (its title, its arrow) leads to the same place */
      g_assert_nonnull (gtk_widget_get_first_child (row));
      inner_uri = crk_application_dup_help_uri_for (gtk_widget_get_first_child (row));
      g_assert_cmpstr (inner_uri, ==, uri);

      if (rows[i].tooltip)
        {
          const char *tip = gtk_widget_get_tooltip_text (row);

          g_assert_nonnull (tip);
          g_assert_true (g_str_has_suffix (tip, "Press F1 for the guide."));
          g_assert_cmpuint (strlen (tip), >, strlen ("Press F1 for the guide.") + 20);
        }
    }
}

static void
test_elsewhere (Fixture *f, gconstpointer data)
{
  g_autofree char *none = crk_application_dup_help_uri_for (NULL);
  g_autofree char *window = crk_application_dup_help_uri_for (GTK_WIDGET (f->window));
  g_autofree char *table = crk_application_dup_help_uri_for (GTK_WIDGET (f->window->column_view));
  g_autofree char *no_window = crk_application_dup_help_uri (NULL);

  g_assert_cmpstr (none, ==, HELP_INDEX);
  g_assert_cmpstr (window, ==, HELP_INDEX);
  g_assert_cmpstr (table, ==, HELP_INDEX);
  g_assert_cmpstr (no_window, ==, HELP_INDEX);
}

/* F1 with the keyboard in a row: the row's page (unless the pointer rests on another row). */
static void
test_focus (Fixture *f, gconstpointer data)
{
  GtkWidget *row = find_by_id (GTK_WIDGET (f->window->method_panel), "aggregation_row");
  GtkWidget *table = GTK_WIDGET (f->window->column_view);
  g_autofree char *on_row = NULL;
  g_autofree char *on_table = NULL;

  g_assert_true (gtk_widget_grab_focus (row));
  crk_test_app_spin (20);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), row) ||
                 gtk_window_get_focus (GTK_WINDOW (f->window)) == row);
  on_row = crk_application_dup_help_uri (GTK_WINDOW (f->window));
  g_assert_true (g_str_has_prefix (on_row, HELP_PAGE "method-"));

  g_assert_true (gtk_widget_grab_focus (table));
  crk_test_app_spin (20);
  on_table = crk_application_dup_help_uri (GTK_WINDOW (f->window));
  if (g_strcmp0 (on_row, HELP_PAGE "method-aggregation") == 0)
    /* the pointer is on no row: the focus decides */
    g_assert_cmpstr (on_table, ==, HELP_INDEX);
  else
    g_test_message ("the pointer rests on a row of the method panel: %s", on_row);
}

static void
test_menu (Fixture *f, gconstpointer data)
{
  /* the menu button takes it when first opened */
  GMenuModel *menu = G_MENU_MODEL (f->window->primary_menu);
  GMenuModel *last;
  int n_sections, n_items, help = -1, shortcuts = -1;

  g_assert_nonnull (menu);
  n_sections = g_menu_model_get_n_items (menu);
  g_assert_cmpint (n_sections, >, 0);
  last = g_menu_model_get_item_link (menu, n_sections - 1, G_MENU_LINK_SECTION);
  g_assert_nonnull (last);
  n_items = g_menu_model_get_n_items (last);
  for (int i = 0; i < n_items; i++)
    {
      g_autofree char *action = NULL;

      if (!g_menu_model_get_item_attribute (last, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        continue;
      if (g_str_equal (action, "app.help"))
        help = i;
      else if (g_str_equal (action, "win.show-help-overlay"))
        shortcuts = i;
    }
  g_object_unref (last);
  g_assert_cmpint (help, >=, 0);
  g_assert_cmpint (help + 1, ==, shortcuts);
}

static void
test_action (void)
{
  g_autoptr (CrkApplication) app = crk_application_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) accels = NULL;

  g_application_set_flags (
    G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_null (accels[1]);
}

/* The shortcuts window lists F1. */
static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/cityrank/Cityrank/gtk/help-overlay.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;
  GObject *window = gtk_builder_get_object (builder, "help_overlay");

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        found |= g_strcmp0 (accelerator, "F1") == 0;
      }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add ("/app/help/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);
  g_test_add ("/app/help/elsewhere", Fixture, NULL, fixture_setup, test_elsewhere,
              fixture_teardown);
  g_test_add ("/app/help/focus", Fixture, NULL, fixture_setup, test_focus, fixture_teardown);
  g_test_add ("/app/help/menu", Fixture, NULL, fixture_setup, test_menu, fixture_teardown);
  g_test_add_func ("/app/help/action", test_action);
  g_test_add_func ("/app/help/shortcuts-window", test_shortcuts_window);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
