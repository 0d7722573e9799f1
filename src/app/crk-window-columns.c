/* crk-window-columns.c: the window's table columns: one score column per component
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-window-private.h"

#include "crk-ranking-cells.h"
#include "crk-ranking-row.h"

/* Dimension columns ---------------------------------------------------------------- */

static double
dimension_key (CrkRankingRow *row, gpointer user_data)
{
  return crk_ranking_row_get_dimension_key (row, GPOINTER_TO_UINT (user_data));
}

/* The text of a dimension cell: bound at setup to the list item's row and its
 * "revision", so that a row moved by a re-sort (GTK 4.8 unbinds and binds it again)
 * costs nothing more, and a changed score updates the one label. */
static char *
dimension_text (GtkListItem *item, CrkRankingRow *row, guint revision, gpointer user_data)
{
  if (row == NULL)
    return NULL;
  return crk_format_score (crk_ranking_row_get_dimension_score (row, GPOINTER_TO_UINT (user_data)));
}

static void
on_dimension_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *params[2];
  GtkExpression *text;

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  params[0] = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  params[1] =
    gtk_property_expression_new (CRK_TYPE_RANKING_ROW, gtk_expression_ref (params[0]), "revision");
  text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params, G_CALLBACK (dimension_text),
                                      user_data, NULL);
  gtk_expression_bind (text, label, "label", item);
  gtk_list_item_set_child (item, label);
}

/* Column headers ------------------------------------------------------------------- */

/* GTK 4.8 gives a column's header neither a tooltip nor an ellipsis (its title is cut
 * where the column ends): each header (a GtkColumnViewTitle, in the columns' order in
 * the column view's first child) gets its column's "crk-tooltip" (else its title) and
 * an ellipsis. */
void
_crk_window_update_column_headers (CrkWindow *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  guint i = 0;

  if (header == NULL || title_type == 0)
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr (GtkColumnViewColumn) column = NULL;
      const char *tooltip;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (title, title_type))
        continue;
      column = g_list_model_get_item (columns, i++);
      if (column == NULL)
        break;
      tooltip = g_object_get_data (G_OBJECT (column), "crk-tooltip");
      gtk_widget_set_tooltip_text (
        title, tooltip != NULL ? tooltip : gtk_column_view_column_get_title (column));
      for (GtkWidget *w = gtk_widget_get_first_child (title); w != NULL;
           w = gtk_widget_get_first_child (w) != NULL ? gtk_widget_get_first_child (w)
                                                      : gtk_widget_get_next_sibling (w))
        if (GTK_IS_LABEL (w))
          {
            gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
            gtk_widget_set_hexpand (w, TRUE);
            break;
          }
    }
}

void
_crk_window_rebuild_dimension_columns (CrkWindow *self)
{
  GPtrArray *dims;

  for (guint i = 0; i < self->dimension_columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   g_ptr_array_index (self->dimension_columns, i));
  g_ptr_array_set_size (self->dimension_columns, 0);
  g_array_set_size (self->dimensions, 0);

  if (self->dataset == NULL || self->results == NULL)
    return;

  /* GTK 4.8 has no insert_column: take the tier column out and put it back last */
  g_object_ref (self->tier_column);
  gtk_column_view_remove_column (self->column_view, self->tier_column);

  dims = crk_dataset_get_dimensions (self->dataset);
  for (guint i = 0; dims != NULL && i < dims->len; i++)
    {
      CrkFrameworkNode *node = g_ptr_array_index (dims, i);
      int node_index = crk_results_lookup_node (self->results, crk_framework_node_get_code (node));
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) sorter = NULL;
      GtkExpression *expression;
      GtkColumnViewColumn *column;
      guint pos = self->dimensions->len;
      guint index;

      if (node_index < 0)
        continue;
      index = (guint) node_index;
      g_array_append_val (self->dimensions, index);

      g_signal_connect (factory, "setup", G_CALLBACK (on_dimension_setup_cb),
                        GUINT_TO_POINTER (pos));

      expression = gtk_cclosure_expression_new (
        G_TYPE_DOUBLE, NULL, 0, NULL, G_CALLBACK (dimension_key), GUINT_TO_POINTER (pos), NULL);
      sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);

      column = gtk_column_view_column_new (NULL, g_object_ref (factory));
      {
        /* headers cannot wrap: long English names keep their first word (the whole name
         * is the header's tooltip) */
        const char *name = crk_framework_node_get_display_name (node);
        const char *space = strchr (name, ' ');
        g_autofree char *title = (g_utf8_strlen (name, -1) > 12 && space != NULL)
          ? g_strndup (name, space - name)
          : g_strdup (name);

        gtk_column_view_column_set_title (column, title);
        g_object_set_data_full (G_OBJECT (column), "crk-tooltip", g_strdup (name), g_free);
      }
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 108);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->dimension_columns, column);
    }

  gtk_column_view_append_column (self->column_view, self->tier_column);
  g_object_unref (self->tier_column);
  _crk_window_update_column_headers (self);
}
