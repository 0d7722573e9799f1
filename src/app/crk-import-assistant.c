/* crk-import-assistant.c: importing statistics files into a new or the open dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings on the left are the import's options (CrkImportOptions, the same as
 * cityrank-cli import takes); every change reads the files again, in a worker thread,
 * after a short pause (the last read is cancelled). The preview on the right is drawn
 * by crk-import-assistant-view.c.
 */
#define G_LOG_DOMAIN "crk-import-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-import-assistant-private.h"

#include "crk-file-chooser.h"

/* The pause after a change before the files are read again. */
#define RERUN_DELAY_MS 150
/* Rows of the grid and observations the preview keeps. */
#define PREVIEW_ROWS 200

G_DEFINE_FINAL_TYPE (CrkImportAssistant, crk_import_assistant, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_read (CrkImportAssistant *self);

/* Options ---------------------------------------------------------------------------- */

static char **
split_tokens (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text != NULL ? text : "", " \t", -1);
  GPtrArray *tokens = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (tokens, g_strdup (parts[i]));
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (tokens, FALSE);
}

/* The user's matching choices as "KEY=CODE" pairs. */
static char **
dup_matches (CrkImportAssistant *self)
{
  GPtrArray *pairs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, code;

  g_hash_table_iter_init (&iter, self->matches);
  while (g_hash_table_iter_next (&iter, &key, &code))
    g_ptr_array_add (pairs, g_strdup_printf ("%s=%s", (char *) key, (char *) code));
  g_ptr_array_add (pairs, NULL);
  return (char **) g_ptr_array_free (pairs, FALSE);
}

/* The options the settings say. */
static void
collect_options (CrkImportAssistant *self, CrkImportOptions *options)
{
  static const CrkImportAggregate aggregates[] = {
    CRK_IMPORT_AGGREGATE_NONE,
    CRK_IMPORT_AGGREGATE_MEAN,
    CRK_IMPORT_AGGREGATE_SUM,
    CRK_IMPORT_AGGREGATE_LAST,
  };
  guint aggregate = adw_combo_row_get_selected (self->aggregate_row);

  memset (options, 0, sizeof *options);
  options->sheet = g_strdup (self->sheet);
  options->city = g_strdup (self->city);
  options->indicator = g_strdup (self->indicator);
  options->period = g_strdup (self->period);
  options->layout = self->layout;
  options->missing = split_tokens (gtk_editable_get_text (GTK_EDITABLE (self->missing_row)));
  options->apply_unit_mult = gtk_switch_get_active (self->unit_mult_switch);
  options->default_year =
    self->year_chosen ? gtk_spin_button_get_value_as_int (self->year_spin) : 0;
  options->aggregate = aggregates[MIN (aggregate, G_N_ELEMENTS (aggregates) - 1)];
  options->matches = dup_matches (self);
  options->save_aliases = gtk_switch_get_active (self->aliases_switch);
}

gboolean
_crk_import_assistant_into (CrkImportAssistant *self)
{
  return self->open_dataset != NULL && adw_combo_row_get_selected (self->destination_row) == 1;
}

/* Reading ---------------------------------------------------------------------------- */

typedef struct
{
  CrkImportAssistant *self; /* a reference */
  CrkImportPreview *preview;
} Read;

static void
read_free (Read *read)
{
  g_clear_pointer (&read->preview, crk_import_preview_free);
  g_object_unref (read->self);
  g_free (read);
}

static void
on_read_progress (double fraction, gpointer user_data)
{
  Read *read = user_data;
  CrkImportAssistant *self = read->self;

  if (self->running != read->preview)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
set_busy (CrkImportAssistant *self, gboolean busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  if (!busy)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (busy)
    gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/* What the new dataset ranks: the kind the import guessed (crk_dataset_get_unit_kind()),
 * until the user chooses another; hidden when the files go into the open dataset, which
 * keeps its own. */
static void
update_unit_row (CrkImportAssistant *self)
{
  CrkDataset *dataset =
    self->preview != NULL ? crk_import_preview_get_dataset (self->preview) : NULL;
  gboolean updating = self->updating;

  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), !_crk_import_assistant_into (self));
  if (self->unit_chosen || dataset == NULL || _crk_import_assistant_into (self))
    return;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->unit_row, (guint) crk_dataset_get_unit_kind (dataset));
  self->updating = updating;
}

static void
on_unit_changed_cb (CrkImportAssistant *self)
{
  if (self->updating)
    return;
  self->unit_chosen = TRUE;
  _crk_import_assistant_show (self); /* the counts in the new words */
}

CrkUnitKind
_crk_import_assistant_unit_kind (CrkImportAssistant *self)
{
  CrkDataset *dataset =
    self->preview != NULL ? crk_import_preview_get_dataset (self->preview) : NULL;

  if (_crk_import_assistant_into (self))
    return crk_dataset_get_unit_kind (self->open_dataset);
  if (self->unit_chosen)
    return (CrkUnitKind) adw_combo_row_get_selected (self->unit_row);
  return dataset != NULL ? crk_dataset_get_unit_kind (dataset) : CRK_UNIT_CITY;
}

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Read *read = user_data;
  CrkImportAssistant *self = read->self;
  g_autoptr (GError) error = NULL;
  gboolean ok = crk_import_preview_run_finish (read->preview, result, &error);

  if (self->running != read->preview)
    {
      read_free (read); /* a later read replaced it */
      return;
    }
  self->running = NULL;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      read_free (read);
      return;
    }
  g_clear_pointer (&self->preview, crk_import_preview_free);
  self->preview = g_steal_pointer (&read->preview);
  g_clear_pointer (&self->read_error, g_free);
  if (!ok && error != NULL)
    self->read_error = g_strdup (error->message);
  read_free (read);
  _crk_import_assistant_show (self);
  update_unit_row (self);
}

static void
start_read (CrkImportAssistant *self)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  CrkImportOptions options;
  Read *read;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->running = NULL;
  if (self->files->len == 0)
    {
      g_clear_pointer (&self->preview, crk_import_preview_free);
      set_busy (self, FALSE);
      _crk_import_assistant_show (self);
      return;
    }
  for (guint i = 0; i < self->files->len; i++)
    g_ptr_array_add (paths, g_file_get_path (g_ptr_array_index (self->files, i)));
  g_ptr_array_add (paths, NULL);

  collect_options (self, &options);
  read = g_new0 (Read, 1);
  read->self = g_object_ref (self);
  read->preview = crk_import_preview_new (
    (const char *const *) paths->pdata, &options,
    _crk_import_assistant_into (self) ? self->open_dataset : NULL, TRUE, PREVIEW_ROWS);
  crk_import_options_clear (&options);
  self->running = read->preview;
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  crk_import_preview_run_async (read->preview, on_read_progress, read, self->cancellable,
                                on_read_cb, read);
}

static gboolean
read_timeout_cb (gpointer user_data)
{
  CrkImportAssistant *self = user_data;

  self->read_id = 0;
  start_read (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_read (CrkImportAssistant *self)
{
  g_clear_handle_id (&self->read_id, g_source_remove);
  self->read_id = g_timeout_add (RERUN_DELAY_MS, read_timeout_cb, self);
  set_busy (self, TRUE);
}

/* Settings --------------------------------------------------------------------------- */

/* The id chosen in a combo row of fields: NULL for "automatic" (the first item). */
static char *
chosen_id (AdwComboRow *row, GPtrArray *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || ids == NULL || selected > ids->len)
    return NULL;
  return g_strdup (g_ptr_array_index (ids, selected - 1));
}

static void
on_setting_changed_cb (CrkImportAssistant *self)
{
  guint layout;

  if (self->updating)
    return;
  g_free (self->sheet);
  self->sheet = chosen_id (self->sheet_row, self->sheet_ids);
  g_free (self->city);
  self->city = chosen_id (self->city_row, self->field_ids);
  g_free (self->indicator);
  self->indicator = chosen_id (self->indicator_row, self->field_ids);
  g_free (self->period);
  self->period = chosen_id (self->period_row, self->field_ids);
  layout = adw_combo_row_get_selected (self->layout_row);
  self->layout = layout <= CRK_TABLE_LAYOUT_LONG ? (CrkTableLayout) layout : CRK_TABLE_LAYOUT_AUTO;
  schedule_read (self);
}

static void
on_year_changed_cb (CrkImportAssistant *self)
{
  if (self->updating)
    return;
  self->year_chosen = TRUE;
  schedule_read (self);
}

void
_crk_import_assistant_choose_match (CrkImportAssistant *self, const char *key, const char *code)
{
  if (code == NULL)
    g_hash_table_remove (self->matches, key);
  else
    g_hash_table_insert (self->matches, g_strdup (key), g_strdup (code));
  schedule_read (self);
}

/* Files ------------------------------------------------------------------------------ */

static void
on_remove_file_clicked_cb (GtkButton *button, CrkImportAssistant *self)
{
  GFile *file = g_object_get_data (G_OBJECT (button), "crk-file");
  guint index;

  if (file != NULL &&
      g_ptr_array_find_with_equal_func (self->files, file, (GEqualFunc) g_file_equal, &index))
    {
      g_ptr_array_remove_index (self->files, index);
      self->shown_file = 0;
      _crk_import_assistant_fill_files (self);
      schedule_read (self);
    }
}

static void
on_file_row_activated_cb (AdwActionRow *row, CrkImportAssistant *self)
{
  self->shown_file = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  _crk_import_assistant_show (self);
}

void
_crk_import_assistant_fill_files (CrkImportAssistant *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  for (guint i = 0; i < self->files->len; i++)
    {
      GFile *file = g_ptr_array_index (self->files, i);
      g_autofree char *name = g_file_get_basename (file);
      const CrkImporter *importer =
        self->preview != NULL && i < crk_import_preview_get_n_files (self->preview)
        ? crk_import_preview_get_importer (self->preview, i)
        : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   importer != NULL ? _ (importer->name) : "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      if (self->files->len > 1)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_file_row_activated_cb), self,
                                   0);
          if (i == self->shown_file)
            adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                       gtk_image_new_from_icon_name ("view-reveal-symbolic"));
        }
      gtk_widget_set_tooltip_text (remove, _ ("Remove the File From the Import"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "crk-file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_file_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->files_list, row);
    }
}

static void
on_files_chosen (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkImportAssistant) self = user_data;

  for (guint i = 0; i < files->len; i++)
    crk_import_assistant_add_file (self, g_ptr_array_index (files, i));
}

static void
on_add_file_clicked_cb (CrkImportAssistant *self)
{
  g_autoptr (GFile) folder = NULL;

  if (self->files->len > 0)
    folder = g_file_get_parent (g_ptr_array_index (self->files, self->files->len - 1));
  crk_file_chooser_open (GTK_WINDOW (self), _ ("Import Files"), folder, CRK_FILE_KIND_DATASET, TRUE,
                         on_files_chosen, g_object_ref (self));
}

/* Confirming ------------------------------------------------------------------------- */

static void
finish (CrkImportAssistant *self)
{
  CrkDataset *dataset =
    self->preview != NULL ? crk_import_preview_get_dataset (self->preview) : NULL;

  if (dataset == NULL)
    return;
  if (!_crk_import_assistant_into (self))
    crk_dataset_set_unit_kind (dataset, (CrkUnitKind) adw_combo_row_get_selected (self->unit_row));
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0, dataset, _crk_import_assistant_into (self));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_change_response_cb (AdwMessageDialog *dialog, const char *response, CrkImportAssistant *self)
{
  if (g_strcmp0 (response, "change") == 0)
    finish (self);
}

/* "SZ · GDP · 2020: 12 → 13", one a line, the first 20. */
static char *
describe_changes (const GPtrArray *changes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len && i < 20; i++)
    {
      const CrkImportChange *change = g_ptr_array_index (changes, i);
      char old_value[G_ASCII_DTOSTR_BUF_SIZE], new_value[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (old_value, sizeof old_value, "%.15g", change->old_value);
      g_ascii_formatd (new_value, sizeof new_value, "%.15g", change->new_value);
      g_string_append_printf (text, "%s%s · %s · %d: %s → %s", i > 0 ? "\n" : "", change->city,
                              change->indicator, change->year,
                              isnan (change->old_value) ? "—" : old_value,
                              isnan (change->new_value) ? "—" : new_value);
    }
  if (changes->len > 20)
    g_string_append_printf (
      text, "\n%s",
      g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", changes->len - 20));
  return g_string_free (text, FALSE);
}

void
crk_import_assistant_confirm (CrkImportAssistant *self)
{
  CrkImportSummary summary;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CRK_IS_IMPORT_ASSISTANT (self));

  if (self->preview == NULL || crk_import_preview_get_dataset (self->preview) == NULL ||
      self->running != NULL || self->read_id != 0)
    return;
  crk_import_dataset_get_summary (crk_import_preview_get_import (self->preview), &summary);
  if (!_crk_import_assistant_into (self) || summary.n_changed_values == 0)
    {
      finish (self);
      return;
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change %u Value?", "Change %u Values?",
                                          (gulong) summary.n_changed_values),
                             (guint) MIN (summary.n_changed_values, G_MAXUINT));
  body = describe_changes (
    crk_import_dataset_get_changes (crk_import_preview_get_import (self->preview)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "change", _ ("C_hange Values"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_change_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_clicked_cb (CrkImportAssistant *self)
{
  crk_import_assistant_confirm (self);
}

/* GObject ---------------------------------------------------------------------------- */

static void
crk_import_assistant_dispose (GObject *object)
{
  CrkImportAssistant *self = CRK_IMPORT_ASSISTANT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->read_id, g_source_remove);
  self->running = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_IMPORT_ASSISTANT);
  g_clear_object (&self->open_dataset);
  G_OBJECT_CLASS (crk_import_assistant_parent_class)->dispose (object);
}

static void
crk_import_assistant_finalize (GObject *object)
{
  CrkImportAssistant *self = CRK_IMPORT_ASSISTANT (object);

  g_clear_pointer (&self->preview, crk_import_preview_free);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->sheet_ids, g_ptr_array_unref);
  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  g_free (self->sheet);
  g_free (self->city);
  g_free (self->indicator);
  g_free (self->period);
  g_free (self->read_error);
  G_OBJECT_CLASS (crk_import_assistant_parent_class)->finalize (object);
}

static void
crk_import_assistant_class_init (CrkImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_import_assistant_dispose;
  object_class->finalize = crk_import_assistant_finalize;

  signals[SIGNAL_IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CRK_TYPE_DATASET, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/cityrank/Cityrank/crk-import-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CrkImportAssistant, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (import_button);
  BIND (spinner);
  BIND (progress_bar);
  BIND (files_list);
  BIND (destination_group);
  BIND (destination_row);
  BIND (unit_row);
  BIND (mapping_group);
  BIND (sheet_row);
  BIND (layout_row);
  BIND (city_row);
  BIND (indicator_row);
  BIND (period_row);
  BIND (year_row);
  BIND (year_spin);
  BIND (missing_row);
  BIND (unit_mult_switch);
  BIND (aggregate_row);
  BIND (matching_group);
  BIND (matching_list);
  BIND (aliases_switch);
  BIND (aliases_row);
  BIND (counts_label);
  BIND (shape_label);
  BIND (preview_stack);
  BIND (preview_view);
  BIND (problems_scroller);
  BIND (problems_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_file_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crk_import_assistant_init (CrkImportAssistant *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* tables that name no year usually hold last year's figures */
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now) - 1);
  {
    g_autoptr (GtkStringList) units = gtk_string_list_new (NULL);

    for (guint k = 0; k < CRK_UNIT_N_KINDS; k++)
      gtk_string_list_append (units, crk_unit_kind_get_word (k, CRK_UNIT_WORD_HEADERS));
    adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));
  }
  _crk_import_assistant_init_view (self);
  self->updating = FALSE;
  _crk_import_assistant_show (self);
}

/**
 * crk_import_assistant_new:
 * @parent: the window
 * @open_dataset: (nullable): the dataset the files may be added into
 *
 * Returns: (transfer full): a new assistant, not yet shown
 */
CrkImportAssistant *
crk_import_assistant_new (GtkWindow *parent, CrkDataset *open_dataset)
{
  CrkImportAssistant *self =
    g_object_new (CRK_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);

  self->open_dataset = open_dataset != NULL ? g_object_ref (open_dataset) : NULL;
  /* the group also says what a new dataset ranks */
  gtk_widget_set_visible (GTK_WIDGET (self->destination_row), open_dataset != NULL);
  return self;
}

void
crk_import_assistant_add_file (CrkImportAssistant *self, GFile *file)
{
  g_return_if_fail (CRK_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (g_ptr_array_find_with_equal_func (self->files, file, (GEqualFunc) g_file_equal, NULL))
    return;
  g_ptr_array_add (self->files, g_object_ref (file));
  _crk_import_assistant_fill_files (self);
  schedule_read (self);
}

void
crk_import_assistant_set_into (CrkImportAssistant *self, gboolean into)
{
  g_return_if_fail (CRK_IS_IMPORT_ASSISTANT (self));

  adw_combo_row_set_selected (self->destination_row, into && self->open_dataset != NULL ? 1 : 0);
}

CrkImportPreview *
crk_import_assistant_get_preview (CrkImportAssistant *self)
{
  g_return_val_if_fail (CRK_IS_IMPORT_ASSISTANT (self), NULL);
  return self->preview;
}

gboolean
crk_import_assistant_get_busy (CrkImportAssistant *self)
{
  g_return_val_if_fail (CRK_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->running != NULL || self->read_id != 0;
}
