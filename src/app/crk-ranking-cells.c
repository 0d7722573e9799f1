/* crk-ranking-cells.c: the cells of the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-ranking-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-ranking-cells.h"

#include "crk-change-label.h"
#include "crk-ranking-row.h"

/* Binds @property of @widget to @row_property of the list item's row. */
static void
bind (GtkListItem *item, GtkWidget *widget, const char *property, const char *row_property)
{
  GtkExpression *row = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *value = gtk_property_expression_new (CRK_TYPE_RANKING_ROW, row, row_property);

  gtk_expression_bind (value, widget, property, item);
}

static gboolean
is_set (gpointer instance, const char *text, gpointer user_data)
{
  return text != NULL && text[0] != '\0';
}

/* Shows @widget only while the row's @row_property (a string) is not empty. */
static void
bind_visible_if_set (GtkListItem *item, GtkWidget *widget, const char *row_property)
{
  GtkExpression *row = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *text = gtk_property_expression_new (CRK_TYPE_RANKING_ROW, row, row_property);
  GtkExpression *set =
    gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, &text, G_CALLBACK (is_set), NULL, NULL);

  gtk_expression_bind (set, widget, "visible", item);
}

static GtkWidget *
label_new (float xalign, const char *first_class, const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (first_class != NULL)
    gtk_widget_add_css_class (label, first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  return label;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  CrkRankingCell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *child = NULL;

  switch (cell)
    {
      case CRK_RANKING_CELL_RANK:
        {
          GtkWidget *rank = label_new (1, "numeric", "rank");
          GtkWidget *shift = crk_change_label_new ();

          child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          gtk_label_set_width_chars (GTK_LABEL (rank), 3);
          g_object_set (shift, "compact", TRUE, NULL);
          gtk_widget_set_size_request (shift, 28, -1);
          gtk_box_append (GTK_BOX (child), rank);
          gtk_box_append (GTK_BOX (child), shift);
          bind (item, rank, "label", "rank-text");
          bind (item, shift, "value", "shift");
        }
        break;

      case CRK_RANKING_CELL_CHANGE:
        child = crk_change_label_new ();
        bind (item, child, "value", "change");
        bind (item, child, "state", "change-state");
        break;

      case CRK_RANKING_CELL_CITY:
        {
          GtkWidget *primary = label_new (0, NULL, NULL);
          GtkWidget *secondary = label_new (0, "caption", "dim-label");
          GtkWidget *reason = label_new (0, "caption", "warning");

          /* a name on its own (no name in the other language, no reason) is on the
           * numbers' line: the box is centred like them, without an empty second line */
          child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
          gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (reason), 28);
          gtk_box_append (GTK_BOX (child), primary);
          gtk_box_append (GTK_BOX (child), secondary);
          gtk_box_append (GTK_BOX (child), reason);
          bind (item, primary, "label", "primary-name");
          bind (item, secondary, "label", "secondary-name");
          bind_visible_if_set (item, secondary, "secondary-name");
          bind (item, reason, "label", "unranked-reason");
          bind (item, reason, "visible", "unranked");
        }
        break;

      case CRK_RANKING_CELL_PROVINCE:
        child = label_new (0, NULL, NULL);
        bind (item, child, "label", "province");
        break;

      case CRK_RANKING_CELL_SCORE:
        child = label_new (1, "numeric", "score");
        bind (item, child, "label", "score-text");
        break;

      case CRK_RANKING_CELL_TIER:
        child = label_new (0, NULL, NULL);
        bind (item, child, "label", "tier-name");
        break;

      default:
        g_assert_not_reached ();
    }

  /* the window's Ctrl/Shift+click finds the row of a cell by it (weak: the item owns us) */
  g_object_set_data (G_OBJECT (child), "crk-list-item", item);
  gtk_list_item_set_child (item, child);
}

GtkListItemFactory *
crk_ranking_cell_factory_new (CrkRankingCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (cell));
  return factory;
}
