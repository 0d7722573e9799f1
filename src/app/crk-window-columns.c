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
  g_autoptr (GPtrArray) dims = NULL;

  for (guint i = 0; i < self->dimension_columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   g_ptr_array_index (self->dimension_columns, i));
  g_ptr_array_set_size (self->dimension_columns, 0);
  g_array_set_size (self->dimensions, 0);

  if (self->dataset == NULL || self->results == NULL)
    return;
  /* a framework that changed its depth (an import into the dataset): its levels again */
  if (self->level == 0 || self->level >= crk_dataset_get_n_levels (self->dataset))
    _crk_window_fill_levels (self);

  /* GTK 4.8 has no insert_column: take the tier column out and put it back last */
  g_object_ref (self->tier_column);
  gtk_column_view_remove_column (self->column_view, self->tier_column);

  dims = crk_chart_level_nodes (self->dataset, self->level);
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
        /* headers cannot wrap: long English names of dimensions keep their first word;
         * below them, where first words repeat ("Digital economy added value", "Digital
         * economy growth"), the name is cut with an ellipsis (the whole name is the
         * header's tooltip) */
        const char *name = crk_framework_node_get_display_name (node);
        const char *space = strchr (name, ' ');
        g_autofree char *title = (g_utf8_strlen (name, -1) > 12 && space != NULL &&
                                  self->level + 1 == crk_dataset_get_n_levels (self->dataset))
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

/* Levels ------------------------------------------------------------------------------ */

/* The dropdown lists the levels below the index from the top: position 0 is level
 * n_levels - 1 (the dimensions). */
static guint
level_at (CrkWindow *self, guint position)
{
  guint n_levels = crk_dataset_get_n_levels (self->dataset);

  return position + 1 < n_levels ? n_levels - 1 - position : 0;
}

void
_crk_window_fill_levels (CrkWindow *self)
{
  guint n_levels = self->dataset != NULL ? crk_dataset_get_n_levels (self->dataset) : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  self->level = self->dataset != NULL ? crk_chart_level_get_default (self->dataset) : 0;
  for (guint level = n_levels > 0 ? n_levels - 1 : 0; level >= 1; level--)
    {
      g_autofree char *name = crk_chart_level_dup_name (self->dataset, level);

      /* Translators: a level of the framework in the level chooser, "Pillars (8)": its
       * name and how many components it has */
      g_ptr_array_add (
        items,
        g_strdup_printf (_ ("%s (%u)"), name, crk_chart_level_get_n_nodes (self->dataset, level)));
    }
  g_ptr_array_add (items, NULL);

  self->filling_levels = TRUE;
  gtk_string_list_splice (self->level_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->level_model)),
                          (const char *const *) items->pdata);
  if (self->level > 0)
    gtk_drop_down_set_selected (self->level_dropdown, n_levels - 1 - self->level);
  self->filling_levels = FALSE;
  /* one level below the index: nothing to choose */
  gtk_widget_set_visible (GTK_WIDGET (self->level_dropdown), items->len > 2);
  crk_chart_view_set_level (self->chart_view, self->level);
}

void
_crk_window_set_level (CrkWindow *self, guint level)
{
  if (self->dataset == NULL || level == 0 || level >= crk_dataset_get_n_levels (self->dataset))
    return;
  if (gtk_drop_down_get_selected (self->level_dropdown) !=
      crk_dataset_get_n_levels (self->dataset) - 1 - level)
    {
      /* the dropdown's "selected" comes back here */
      gtk_drop_down_set_selected (self->level_dropdown,
                                  crk_dataset_get_n_levels (self->dataset) - 1 - level);
      return;
    }
  if (level == self->level && self->dimension_columns->len > 0)
    return;
  self->level = level;
  crk_chart_view_set_level (self->chart_view, level);
  if (self->results == NULL)
    return;
  _crk_window_rebuild_dimension_columns (self);
  for (guint i = 0; i < self->rows->len; i++)
    crk_ranking_row_set_dimensions (g_ptr_array_index (self->rows, i), self->results,
                                    self->dimensions);
}

static void
on_level_dropdown_selected_cb (CrkWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->level_dropdown);

  if (self->filling_levels || self->dataset == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  _crk_window_set_level (self, level_at (self, position));
}

void
_crk_window_class_add_columns (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrkWindow, level_model);
  gtk_widget_class_bind_template_callback (widget_class, on_level_dropdown_selected_cb);
}
