/* test-app-select.c: one selection drives the table, the charts and the detail: a search
 * that hides selected cities does not lose them; Ctrl+click adds a city and Shift+click a
 * range, with a real pointer (XTest events through the X server, under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>
#include <string.h>

#include "crk-ranking-row.h"
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
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  crk_test_app_close_window (f->window);
}

static char *
selected_codes (CrkWindow *window)
{
  g_autoptr (GArray) cities = crk_window_dup_selected_cities (window);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < cities->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? "," : "",
                            crk_city_get_code (crk_dataset_get_city (
                              crk_window_get_dataset (window), g_array_index (cities, guint, i))));
  return g_string_free (codes, FALSE);
}

/* The codes the table shows selected, in table order. */
static char *
table_codes (CrkWindow *window)
{
  GListModel *model = G_LIST_MODEL (window->selection);
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (window->selection));
  GString *codes = g_string_new (NULL);
  GtkBitsetIter iter;
  guint pos;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr (CrkRankingRow) row = g_list_model_get_item (model, pos);

      g_string_append_printf (codes, "%s%s", codes->len > 0 ? "," : "",
                              crk_city_get_code (crk_ranking_row_get_city (row)));
    }
  return g_string_free (codes, FALSE);
}

/* A search that hides the selected cities keeps them selected: the charts go on showing
 * them, and the table selects them again when the search is cleared. */
static void
test_search_keeps_selection (Fixture *f, gconstpointer data)
{
  const char *codes[] = {"SHENZHEN", "WUHAN", NULL};
  GtkEditable *entry = GTK_EDITABLE (f->window->search_entry);
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  g_autofree char *table = NULL;

  crk_window_select_codes (f->window, codes);
  before = selected_codes (f->window);
  g_assert_cmpstr (before, ==, "SHENZHEN,WUHAN");

  gtk_editable_set_text (entry, "Nanjing");
  crk_test_app_spin (300);
  during = selected_codes (f->window);
  g_assert_cmpstr (during, ==, "SHENZHEN,WUHAN");

  gtk_editable_set_text (entry, "");
  crk_test_app_spin (300);
  after = selected_codes (f->window);
  table = table_codes (f->window);
  g_assert_cmpstr (after, ==, "SHENZHEN,WUHAN");
  g_assert_cmpstr (table, ==, "SHENZHEN,WUHAN");
}

/* XTest, loaded at run time (the tests need no X11 headers). */
typedef struct
{
  void *(*open_display) (const char *);
  int (*close_display) (void *);
  int (*flush) (void *);
  unsigned char (*keysym_to_keycode) (void *, unsigned long);
  int (*fake_motion) (void *, int, int, int, unsigned long);
  int (*fake_button) (void *, unsigned int, int, unsigned long);
  int (*fake_key) (void *, unsigned int, int, unsigned long);
  void *display;
} XTest;

static gboolean
xtest_open (XTest *x)
{
  GModule *x11 = g_module_open ("libX11.so.6", G_MODULE_BIND_LAZY);
  GModule *xtst = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY);

  if (x11 == NULL || xtst == NULL ||
      g_strcmp0 (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display") != 0)
    return FALSE;
  if (!g_module_symbol (x11, "XOpenDisplay", (gpointer *) &x->open_display) ||
      !g_module_symbol (x11, "XCloseDisplay", (gpointer *) &x->close_display) ||
      !g_module_symbol (x11, "XFlush", (gpointer *) &x->flush) ||
      !g_module_symbol (x11, "XKeysymToKeycode", (gpointer *) &x->keysym_to_keycode) ||
      !g_module_symbol (xtst, "XTestFakeMotionEvent", (gpointer *) &x->fake_motion) ||
      !g_module_symbol (xtst, "XTestFakeButtonEvent", (gpointer *) &x->fake_button) ||
      !g_module_symbol (xtst, "XTestFakeKeyEvent", (gpointer *) &x->fake_key))
    return FALSE;
  x->display = x->open_display (NULL);
  return x->display != NULL;
}

/* Where the table shows the name of the city at table position @pos (window
 * coordinates); FALSE when it is not drawn. */
static gboolean
find_row (Fixture *f, guint pos, graphene_point_t *where)
{
  GtkWidget *view = GTK_WIDGET (f->window->column_view);
  g_autoptr (CrkRankingRow) row = g_list_model_get_item (G_LIST_MODEL (f->window->selection), pos);
  const char *name = crk_city_get_name (crk_ranking_row_get_city (row));

  for (int y = 0; y < gtk_widget_get_height (view); y += 3)
    for (int x = 0; x < gtk_widget_get_width (view); x += 12)
      {
        GtkWidget *hit = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);

        if (GTK_IS_LABEL (hit) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (hit)), name) == 0)
          {
            graphene_point_t in_view = GRAPHENE_POINT_INIT (x + 2, y + 2);

            return gtk_widget_compute_point (view, GTK_WIDGET (f->window), &in_view, where);
          }
      }
  return FALSE;
}

/* A click on the row at table position @pos, with @keysym held (0: none), through the X
 * server. The window sits at the screen's top left (no window manager under Xvfb). */
static void
click_row (Fixture *f, XTest *x, guint pos, unsigned long keysym)
{
  graphene_point_t where;
  double sx = 0, sy = 0;
  guint keycode = keysym != 0 ? x->keysym_to_keycode (x->display, keysym) : 0;

  g_assert_true (find_row (f, pos, &where));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &sx, &sy);
  if (keycode != 0)
    {
      x->fake_key (x->display, keycode, 1, 0);
      x->flush (x->display);
      crk_test_app_spin (50);
    }
  x->fake_motion (x->display, -1, (int) (where.x + sx), (int) (where.y + sy), 0);
  x->flush (x->display);
  crk_test_app_spin (50);
  x->fake_button (x->display, 1, 1, 0);
  x->fake_button (x->display, 1, 0, 0);
  if (keycode != 0)
    x->fake_key (x->display, keycode, 0, 0);
  x->flush (x->display);
  crk_test_app_spin (250);
  {
    g_autofree char *table = table_codes (f->window);
    g_autofree char *chosen = selected_codes (f->window);

    g_test_message ("after click on %u: table %s, selection %s", pos, table, chosen);
  }
}

/* Ctrl+click adds a city, Shift+click a range, as in every GNOME list; the charts and
 * the detail follow. */
static void
test_pointer_selection (Fixture *f, gconstpointer data)
{
  XTest x = {0};
  g_autoptr (GArray) cities = NULL;

  if (!xtest_open (&x))
    {
      g_test_skip ("no X server with XTest (run under Xvfb)");
      return;
    }
  crk_test_app_spin (300);
  click_row (f, &x, 1, 0);
  cities = crk_window_dup_selected_cities (f->window);
  g_assert_cmpuint (cities->len, ==, 1);
  g_clear_pointer (&cities, g_array_unref);
  /* Ctrl+click adds */
  click_row (f, &x, 3, 0xffe3 /* Control_L */);
  cities = crk_window_dup_selected_cities (f->window);
  g_assert_cmpuint (cities->len, ==, 2);
  g_clear_pointer (&cities, g_array_unref);
  /* Ctrl+click again takes it away */
  click_row (f, &x, 3, 0xffe3);
  cities = crk_window_dup_selected_cities (f->window);
  g_assert_cmpuint (cities->len, ==, 1);
  g_clear_pointer (&cities, g_array_unref);
  /* Shift+click: the range from the last row clicked (3) to 6 */
  click_row (f, &x, 6, 0xffe1 /* Shift_L */);
  cities = crk_window_dup_selected_cities (f->window);
  g_assert_cmpuint (cities->len, ==, 4);
  {
    g_autofree char *table = table_codes (f->window);
    g_autofree char *selected = selected_codes (f->window);
    g_auto (GStrv) shown = g_strsplit (table, ",", -1);
    g_auto (GStrv) chosen = g_strsplit (selected, ",", -1);

    /* the charts show what the table selects */
    g_assert_cmpuint (g_strv_length (shown), ==, g_strv_length (chosen));
    for (guint i = 0; chosen[i] != NULL; i++)
      g_assert_true (g_strv_contains ((const char *const *) shown, chosen[i]));
  }
  x.close_display (x.display);
}

int
main (int argc, char **argv)
{
  int status;

  if (!crk_test_app_init (&argc, &argv))
    return 0;
  g_test_add ("/app/select/search-keeps-selection", Fixture, NULL, fixture_setup,
              test_search_keeps_selection, fixture_teardown);
  g_test_add ("/app/select/pointer", Fixture, NULL, fixture_setup, test_pointer_selection,
              fixture_teardown);
  status = g_test_run ();
  crk_test_app_cleanup ();
  return status;
}
