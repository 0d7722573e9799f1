/* crk-import-assistant-view.c: what the import assistant shows of a preview: the
 * settings as detected, the table as read, the counts, the problems and the matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crk-import-assistant-private.h"

/* At most this many problems are listed. */
#define MAX_PROBLEMS 200

/* The layouts, in the order of CrkTableLayout. */
static const char *const layout_names[] = {
  N_ ("Automatic"),
  N_ ("Indicators in columns"),
  N_ ("Years in columns"),
  N_ ("One row per value"),
};

/* Settings --------------------------------------------------------------------------- */

static void
set_items (AdwComboRow *row, GPtrArray *items, guint selected)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < items->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (items, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, MIN (selected, items->len > 0 ? items->len - 1 : 0));
}

/* The index + 1 of @id in @ids, 0 when NULL or not there. */
static guint
position_of (GPtrArray *ids, const char *id)
{
  for (guint i = 0; id != NULL && ids != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i + 1;
  return 0;
}

/* "B · GDP (10,000 yuan)", or the id alone. */
static char *
describe_field (const CrkImportField *field)
{
  if (field->name != NULL && *field->name != '\0' && g_strcmp0 (field->name, field->id) != 0)
    return g_strdup_printf ("%s · %s", field->id, field->name);
  return g_strdup (field->id);
}

static void
fill_field_row (CrkImportAssistant *self,
                AdwComboRow *row,
                const CrkImportShape *shape,
                CrkImportRole role,
                const char *chosen)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *detected = NULL;

  for (guint i = 0; i < shape->n_fields && detected == NULL; i++)
    if (shape->fields[i].role == role)
      detected = shape->fields[i].id;
  /* Translators: the first choice of a setting of the import: what was detected */
  g_ptr_array_add (items,
                   detected != NULL ? g_strdup_printf (_ ("Automatic (%s)"), detected)
                                    : g_strdup (_ ("Automatic")));
  for (guint i = 0; i < shape->n_fields; i++)
    g_ptr_array_add (items, describe_field (&shape->fields[i]));
  set_items (row, items, position_of (self->field_ids, chosen));
}

static void
fill_settings (CrkImportAssistant *self, const CrkImportShape *shape)
{
  gboolean table = shape != NULL && shape->sheets != NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), shape != NULL);
  if (shape == NULL)
    return;

  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  self->field_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < shape->n_fields; i++)
    g_ptr_array_add (self->field_ids, g_strdup (shape->fields[i].id));

  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), table);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_row), table);
  gtk_widget_set_visible (
    GTK_WIDGET (self->year_row),
    table && (shape->layout == CRK_TABLE_LAYOUT_WIDE_INDICATORS || self->year_chosen));
  if (table)
    {
      g_clear_pointer (&self->sheet_ids, g_ptr_array_unref);
      self->sheet_ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (items,
                       shape->sheet != NULL ? g_strdup_printf (_ ("Automatic (%s)"), shape->sheet)
                                            : g_strdup (_ ("Automatic")));
      for (guint i = 0; shape->sheets[i] != NULL; i++)
        {
          g_ptr_array_add (self->sheet_ids, g_strdup (shape->sheets[i]));
          g_ptr_array_add (items, g_strdup (shape->sheets[i]));
        }
      set_items (self->sheet_row, items, position_of (self->sheet_ids, self->sheet));
      g_ptr_array_set_size (items, 0);
      g_ptr_array_add (
        items,
        g_strdup_printf (
          _ ("Automatic (%s)"),
          _ (layout_names[MIN ((guint) shape->layout, G_N_ELEMENTS (layout_names) - 1)])));
      for (guint i = 1; i < G_N_ELEMENTS (layout_names); i++)
        g_ptr_array_add (items, g_strdup (_ (layout_names[i])));
      set_items (self->layout_row, items, self->layout);
    }
  /* the year the values were taken for, unless the user chose one */
  if (table && !self->year_chosen &&
      crk_import_preview_get_n_observations (self->preview, self->shown_file) > 0)
    {
      const CrkObservation *obs =
        crk_import_preview_get_observation (self->preview, self->shown_file, 0);
      CrkFrequency frequency;
      int year, sub;

      if (obs->period != NULL && crk_period_parse (obs->period, &frequency, &year, &sub))
        gtk_spin_button_set_value (self->year_spin, year);
    }
  fill_field_row (self, self->city_row, shape, CRK_IMPORT_ROLE_CITY, self->city);
  fill_field_row (self, self->indicator_row, shape, CRK_IMPORT_ROLE_INDICATOR, self->indicator);
  fill_field_row (self, self->period_row, shape, CRK_IMPORT_ROLE_PERIOD, self->period);
}

/* The table -------------------------------------------------------------------------- */

/* Columns of the observations of a file that is not a table. */
enum
{
  OBS_KEY,
  OBS_INDICATOR,
  OBS_PERIOD,
  OBS_VALUE,
  OBS_NOTE,
  N_OBS_COLUMNS
};

static const char *const kind_classes[] = {
  [CRK_PREVIEW_CELL_EMPTY] = NULL,
  [CRK_PREVIEW_CELL_SKIPPED] = "preview-skipped",
  [CRK_PREVIEW_CELL_HEADER] = "preview-header",
  [CRK_PREVIEW_CELL_LABEL] = "preview-label",
  [CRK_PREVIEW_CELL_VALUE] = "preview-value",
  [CRK_PREVIEW_CELL_MISSING] = "preview-missing",
  [CRK_PREVIEW_CELL_OTHER] = "preview-other",
};

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkLabel *label, const char *text, CrkPreviewCellKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    if (kind_classes[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (label), kind_classes[i]);
  if ((guint) kind < G_N_ELEMENTS (kind_classes) && kind_classes[kind] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), kind_classes[kind]);
  /* a missing value shows as such even when its cell is empty */
  if (kind == CRK_PREVIEW_CELL_MISSING && (text == NULL || *text == '\0'))
    text = "—";
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               kind == CRK_PREVIEW_CELL_MISSING ? _ ("A missing value") : NULL);
}

static char *
observation_text (const CrkObservation *obs, int column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (column)
    {
      case OBS_KEY:
        return g_strdup (obs->key);
      case OBS_INDICATOR:
        return g_strdup (obs->indicator);
      case OBS_PERIOD:
        return g_strdup (obs->period);
      case OBS_VALUE:
        return isnan (obs->value)
          ? NULL
          : g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", obs->value));
      default:
        if (obs->status != NULL && obs->note != NULL)
          return g_strdup_printf ("%s; %s", obs->status, obs->note);
        return g_strdup (obs->note != NULL ? obs->note : obs->status);
    }
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CrkImportAssistant *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint row = (guint) atoi (gtk_string_object_get_string (gtk_list_item_get_item (item)));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "crk-column"));
  gboolean table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "crk-table"));
  guint file = self->shown_file;

  if (self->preview == NULL || file >= crk_import_preview_get_n_files (self->preview))
    return;
  if (column < 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", row + 1);

      set_cell (label, number, CRK_PREVIEW_CELL_SKIPPED);
    }
  else if (table)
    set_cell (label, crk_import_preview_get_grid_text (self->preview, file, row, (guint) column),
              crk_import_preview_get_grid_kind (self->preview, file, row, (guint) column));
  else if (row < crk_import_preview_get_n_observations (self->preview, file))
    {
      const CrkObservation *obs = crk_import_preview_get_observation (self->preview, file, row);
      g_autofree char *text = observation_text (obs, column);

      set_cell (label, text,
                column == OBS_VALUE
                  ? (isnan (obs->value) ? CRK_PREVIEW_CELL_MISSING : CRK_PREVIEW_CELL_VALUE)
                  : column == OBS_KEY ? CRK_PREVIEW_CELL_LABEL
                                      : CRK_PREVIEW_CELL_OTHER);
    }
}

static void
add_column (CrkImportAssistant *self, const char *title, int column, gboolean table)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "crk-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "crk-table", GINT_TO_POINTER (table));
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview_view, view_column);
}

static void
fill_table (CrkImportAssistant *self, guint file)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr (GtkNoSelection) selection = NULL;
  guint n_rows = crk_import_preview_get_grid_rows (self->preview, file);
  gboolean table = n_rows > 0;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  if (table)
    {
      add_column (self, "", -1, TRUE);
      for (guint c = 0; c < crk_import_preview_get_grid_columns (self->preview, file); c++)
        {
          char letters[8];
          guint n = c + 1, len = 0;
          char reversed[8];

          while (n > 0 && len < sizeof reversed - 1)
            {
              reversed[len++] = (char) ('A' + (n - 1) % 26);
              n = (n - 1) / 26;
            }
          for (guint i = 0; i < len; i++)
            letters[i] = reversed[len - 1 - i];
          letters[len] = '\0';
          add_column (self, letters, (int) c, TRUE);
        }
    }
  else
    {
      add_column (self, _ ("Key"), OBS_KEY, FALSE);
      add_column (self, _ ("Indicator"), OBS_INDICATOR, FALSE);
      add_column (self, _ ("Period"), OBS_PERIOD, FALSE);
      add_column (self, _ ("Value"), OBS_VALUE, FALSE);
      add_column (self, _ ("Status and Notes"), OBS_NOTE, FALSE);
      n_rows = crk_import_preview_get_n_observations (self->preview, file);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", r);
      gtk_string_list_append (rows, number);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

/* "Header in row 3 · cities in column A · one column per year" */
static char *
describe_shape (CrkImportAssistant *self, const CrkImportShape *shape)
{
  GString *text = g_string_new (NULL);

  if (shape->sheets == NULL)
    return g_string_free (text, FALSE);
  if (shape->sheet != NULL)
    g_string_append_printf (text, _ ("Sheet “%s”"), shape->sheet);
  if (shape->header_row >= 0)
    {
      if (shape->n_header_rows > 1)
        g_string_append_printf (text, _ (" · header in rows %d–%d"), shape->header_row + 1,
                                shape->header_row + shape->n_header_rows);
      else
        g_string_append_printf (text, _ (" · header in row %d"), shape->header_row + 1);
    }
  if (shape->label_column >= 0)
    for (guint i = 0; i < shape->n_fields; i++)
      if (shape->fields[i].role == CRK_IMPORT_ROLE_CITY)
        {
          g_autofree char *column = crk_unit_kind_format_text (
            _crk_import_assistant_unit_kind (self), CRK_UNIT_WORD_IN_COLUMN, shape->fields[i].id);

          g_string_append (text, column);
          break;
        }
  g_string_append_printf (
    text, " · %s", _ (layout_names[MIN ((guint) shape->layout, G_N_ELEMENTS (layout_names) - 1)]));
  return g_string_free (text, FALSE);
}

/* Counts and problems ---------------------------------------------------------------- */

static char *
describe_counts (CrkImportAssistant *self)
{
  CrkImportSummary s;
  g_autofree char *cities = NULL, *indicators = NULL, *years = NULL, *values = NULL,
                  *missing = NULL;

  crk_import_dataset_get_summary (crk_import_preview_get_import (self->preview), &s);
  cities = crk_unit_kind_format_count (_crk_import_assistant_unit_kind (self), s.n_cities);
  indicators = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", s.n_indicators), s.n_indicators);
  years =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", s.n_years), s.n_years);
  values =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu value", "%lu values", (gulong) s.n_values),
                     (gulong) s.n_values);
  missing = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%lu missing", "%lu missing", (gulong) s.n_missing),
    (gulong) s.n_missing);
  if (_crk_import_assistant_into (self) && crk_import_preview_get_dataset (self->preview) != NULL)
    {
      /* Translators: what adding the files into the open dataset does */
      return g_strdup_printf (
        _ ("%s · %s · %s · %s, %s\nNew indicators: %u · new years: %u · new values: %lu · "
           "changed values: %lu · unchanged: %lu"),
        cities, indicators, years, values, missing, s.n_new_indicators, s.n_new_years,
        (gulong) s.n_new_values, (gulong) s.n_changed_values, (gulong) s.n_same_values);
    }
  return g_strdup_printf ("%s · %s · %s · %s, %s", cities, indicators, years, values, missing);
}

/* The problem's text with the file's folder left out. */
static char *
problem_text (const CrkProblem *problem, const char *severity)
{
  g_autofree char *text = crk_import_problem_to_string (problem, severity);
  const char *slash = NULL;

  /* "/home/…/file.xlsx:Sheet1!B7: error: …": from the last '/' before the first ':' */
  for (const char *p = text; *p != '\0' && *p != ':'; p++)
    if (*p == '/')
      slash = p;
  return g_strdup (slash != NULL ? slash + 1 : text);
}

static void
add_problems (CrkImportAssistant *self,
              GPtrArray *problems,
              const char *severity,
              const char *icon,
              guint *n)
{
  for (guint i = 0; i < problems->len && *n < MAX_PROBLEMS; i++, (*n)++)
    {
      g_autofree char *text = problem_text (g_ptr_array_index (problems, i), severity);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name (icon);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "problem-list");
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_list_box_append (self->problems_list, box);
    }
}

static void
fill_problems (CrkImportAssistant *self)
{
  CrkImportReport *report = crk_import_preview_get_report (self->preview);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  if (self->read_error != NULL)
    {
      GtkWidget *label = gtk_label_new (self->read_error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->problems_list, label);
      n++;
    }
  add_problems (self, report->problems, _ ("error"), "dialog-error-symbolic", &n);
  add_problems (self, report->notices, _ ("note"), "dialog-information-symbolic", &n);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_scroller), n > 0);
}

/* Matching --------------------------------------------------------------------------- */

static const char *
describe_match (CrkImportAssistant *self, CrkImportMatchKind kind)
{
  CrkUnitKind unit = _crk_import_assistant_unit_kind (self);

  switch (kind)
    {
      case CRK_IMPORT_MATCH_NONE:
        return crk_unit_kind_get_word (unit, CRK_UNIT_WORD_MATCH_NONE);
      case CRK_IMPORT_MATCH_AMBIGUOUS:
        return crk_unit_kind_get_word (unit, CRK_UNIT_WORD_MATCH_AMBIGUOUS);
      case CRK_IMPORT_MATCH_TAKEN:
        return crk_unit_kind_get_word (unit, CRK_UNIT_WORD_MATCH_TAKEN);
      case CRK_IMPORT_MATCH_CHOSEN:
        return _ ("Matched as chosen");
      case CRK_IMPORT_MATCH_SKIPPED:
        return _ ("Skipped as chosen: its values are not imported");
      default:
        return NULL;
    }
}

static char *
describe_city (CrkCity *city)
{
  const char *name = crk_city_get_name (city);
  const char *name_zh = crk_city_get_name_zh (city);

  if (name != NULL && name_zh != NULL)
    return g_strdup_printf ("%s / %s (%s)", name, name_zh, crk_city_get_code (city));
  if (name != NULL || name_zh != NULL)
    return g_strdup_printf ("%s (%s)", name != NULL ? name : name_zh, crk_city_get_code (city));
  return g_strdup (crk_city_get_code (city));
}

static void
on_match_selected_cb (AdwComboRow *row, GParamSpec *pspec, CrkImportAssistant *self)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "crk-codes");
  const char *key = g_object_get_data (G_OBJECT (row), "crk-key");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || codes == NULL || selected >= codes->len)
    return;
  _crk_import_assistant_choose_match (self, key, g_ptr_array_index (codes, selected));
}

/* A row for a key to choose a city for: "Not chosen", "Skip", the candidates, every city. */
static GtkWidget *
match_row (CrkImportAssistant *self, const CrkImportMatch *match)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  const char *chosen = g_hash_table_lookup (self->matches, match->key);
  g_autofree char *title = NULL;
  guint selected = 0;

  g_ptr_array_add (items, g_strdup (_ ("Not chosen")));
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (items, g_strdup (_ ("Skip this name")));
  g_ptr_array_add (codes, g_strdup (""));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0;
         i < (pass == 0 ? match->candidates->len : crk_dataset_get_n_cities (self->open_dataset));
         i++)
      {
        guint index = pass == 0 ? g_array_index (match->candidates, guint, i) : i;
        CrkCity *city = crk_dataset_get_city (self->open_dataset, index);

        if (pass == 1 && index == match->city)
          continue;
        g_ptr_array_add (items, describe_city (city));
        g_ptr_array_add (codes, g_strdup (crk_city_get_code (city)));
      }
  for (guint i = 1; chosen != NULL && i < codes->len && selected == 0; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), chosen) == 0)
      selected = i;

  if (match->name != NULL || match->name_zh != NULL)
    title =
      g_strdup_printf ("%s (%s)", match->key, match->name != NULL ? match->name : match->name_zh);
  else
    title = g_strdup (match->key);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_match (self, match->kind));
  set_items (ADW_COMBO_ROW (row), items, selected);
  g_object_set_data_full (G_OBJECT (row), "crk-codes", codes, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (row), "crk-key", g_strdup (match->key), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_match_selected_cb), self, 0);
  return row;
}

static void
fill_matching (CrkImportAssistant *self)
{
  CrkImportDataset *import = crk_import_preview_get_import (self->preview);
  const GPtrArray *matches = import != NULL ? crk_import_dataset_get_matches (import) : NULL;
  GtkWidget *child;
  guint n_matched = 0, n_listed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matching_list))) != NULL)
    gtk_list_box_remove (self->matching_list, child);
  if (!_crk_import_assistant_into (self) || matches == NULL || matches->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matching_group), FALSE);
      return;
    }
  for (guint i = 0; i < matches->len; i++)
    {
      const CrkImportMatch *match = g_ptr_array_index (matches, i);

      if (match->kind == CRK_IMPORT_MATCH_CODE || match->kind == CRK_IMPORT_MATCH_NAME)
        {
          n_matched++;
          continue;
        }
      gtk_list_box_append (self->matching_list, match_row (self, match));
      n_listed++;
    }
  {
    CrkUnitKind unit = _crk_import_assistant_unit_kind (self);
    g_autofree char *description = crk_unit_kind_format_matched (unit, n_matched, matches->len);

    adw_preferences_group_set_title (self->matching_group,
                                     crk_unit_kind_get_word (unit, CRK_UNIT_WORD_MATCHING_TITLE));
    adw_action_row_set_subtitle (self->aliases_row,
                                 crk_unit_kind_get_word (unit, CRK_UNIT_WORD_ALIASES_SUBTITLE));
    adw_preferences_group_set_description (self->matching_group, description);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->matching_list), n_listed > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->matching_group), TRUE);
}

/* All -------------------------------------------------------------------------------- */

static void
update_title (CrkImportAssistant *self)
{
  if (self->files->len == 0)
    adw_window_title_set_subtitle (self->window_title, "");
  else
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (self->files, 0));
      g_autofree char *subtitle = NULL;

      if (self->files->len > 1)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more file",
                                                 "%s and %u more files", self->files->len - 1),
                                    name, self->files->len - 1);
      adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : name);
    }
  gtk_button_set_label (self->import_button,
                        _crk_import_assistant_into (self) ? _ ("_Add to Dataset")
                                                          : _ ("_Create Dataset"));
}

void
_crk_import_assistant_show (CrkImportAssistant *self)
{
  gboolean busy = self->running != NULL || self->read_id != 0;
  guint file;

  update_title (self);
  /* the column of the units: "_Countries" for a World Bank file */
  adw_preferences_row_set_title (
    ADW_PREFERENCES_ROW (self->city_row),
    crk_unit_kind_get_word (_crk_import_assistant_unit_kind (self), CRK_UNIT_WORD_DLG_WHICH));
  if (self->files->len == 0 || self->preview == NULL)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      gtk_label_set_text (self->counts_label, self->files->len == 0 ? "" : _ ("Reading…"));
      gtk_label_set_text (self->shape_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_scroller), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->matching_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  file = MIN (self->shown_file, crk_import_preview_get_n_files (self->preview) - 1);
  self->shown_file = file;
  self->updating = TRUE;
  _crk_import_assistant_fill_files (self);
  fill_settings (self, crk_import_preview_get_shape (self->preview, file));
  fill_table (self, file);
  gtk_stack_set_visible_child_name (self->preview_stack, "table");
  {
    g_autofree char *counts = describe_counts (self);
    const CrkImportShape *shape = crk_import_preview_get_shape (self->preview, file);
    g_autofree char *shape_text = shape != NULL ? describe_shape (self, shape) : NULL;

    if (crk_import_preview_get_dataset (self->preview) == NULL)
      {
        g_autofree char *failed = g_strdup_printf (
          "%s\n%s", counts,
          _ ("The files cannot be imported as they are read: see the problems below."));

        gtk_label_set_text (self->counts_label, failed);
      }
    else
      gtk_label_set_text (self->counts_label, counts);
    gtk_label_set_text (self->shape_label, shape_text != NULL ? shape_text : "");
  }
  fill_problems (self);
  fill_matching (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            !busy && crk_import_preview_get_dataset (self->preview) != NULL);
  self->updating = FALSE;
}

void
_crk_import_assistant_init_view (CrkImportAssistant *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (layout_names); i++)
    g_ptr_array_add (items, (gpointer) _ (layout_names[i]));
  {
    g_autoptr (GtkStringList) list = gtk_string_list_new ((const char *const *) NULL);

    for (guint i = 0; i < items->len; i++)
      gtk_string_list_append (list, g_ptr_array_index (items, i));
    adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (list));
  }
}
