/* crk-window-files.c: the window's file cycle: asking before unsaved work is dropped,
 * opening any file Cityrank reads (crk_open_file_async(): Open, drag and drop, recent
 * files), saving, and the recent files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-window-private.h"

#include "crk-dataset-writer.h"
#include "crk-file-chooser.h"
#include "crk-import-dataset.h"
#include "crk-open.h"

#define MIME_TYPE "application/x-cityrank+xml"

char *
_crk_window_dup_display_name (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

typedef struct
{
  CrkWindowContinuation then;
  gpointer data;
  GDestroyNotify destroy;
} Pending;

static Pending *
pending_new (CrkWindowContinuation then, gpointer data, GDestroyNotify destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL && pending->data != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void
pending_run (Pending *pending, CrkWindow *self)
{
  if (pending->then != NULL)
    pending->then (self, pending->data);
}

/* Questions ------------------------------------------------------------------------ */

AdwMessageDialog *
crk_window_get_message_dialog (CrkWindow *self)
{
  g_return_val_if_fail (CRK_IS_WINDOW (self), NULL);
  return self->message_dialog;
}

static void
untrack_dialog (CrkWindow *self, AdwMessageDialog *dialog)
{
  if (self->message_dialog != dialog)
    return;
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->message_dialog);
  self->message_dialog = NULL;
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog, const char *response, CrkWindow *self)
{
  untrack_dialog (self, dialog);
}

static void
track_dialog (CrkWindow *self, AdwMessageDialog *dialog)
{
  if (self->message_dialog != NULL)
    untrack_dialog (self, self->message_dialog);
  self->message_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->message_dialog);
  /* answered means gone, even while GTK still holds the dialog */
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self,
                           G_CONNECT_AFTER);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog, const char *response, CrkWindow *self)
{
  Pending *pending = g_object_steal_data (G_OBJECT (dialog), "crk-pending");

  if (g_strcmp0 (response, "discard") == 0)
    {
      pending_run (pending, self);
      pending_free (pending);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* the save takes the continuation over */
      _crk_window_save (self, FALSE, pending->then, pending->data, pending->destroy);
      g_free (pending);
    }
  else
    pending_free (pending);
}

void
_crk_window_confirm_discard (CrkWindow *self,
                             CrkWindowContinuation then,
                             gpointer data,
                             GDestroyNotify destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->dataset == NULL || !crk_dataset_get_modified (self->dataset))
    {
      Pending *pending = pending_new (then, data, destroy);

      pending_run (pending, self);
      pending_free (pending);
      return;
    }

  name = _crk_window_dup_display_name (self->file);
  heading = name != NULL ? g_strdup_printf (_ ("Save Changes to “%s”?"), name)
                         : g_strdup (_ ("Save Changes to the Sample Dataset?"));
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), heading,
                            _ ("The method was changed. Changes which are not saved are lost.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "crk-pending", pending_new (then, data, destroy),
                          (GDestroyNotify) pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (AdwMessageDialog *dialog, const char *response, CrkWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "crk-file");

  _crk_window_show_import_assistant (self, file);
}

void
_crk_window_show_load_error (CrkWindow *self,
                             GFile *file,
                             const char *message,
                             gboolean offer_assistant)
{
  g_autofree char *name = _crk_window_dup_display_name (file);
  g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
  const char *body = self->dataset != NULL ? _ ("The dataset that was open stays open.") : NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  if (offer_assistant)
    {
      /* the assistant shows the table as read and lets the user choose what is what */
      adw_message_dialog_add_response (dialog, "import", _ ("_Choose How to Read It…"));
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
      g_object_set_data_full (G_OBJECT (dialog), "crk-file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (dialog, "response::import", G_CALLBACK (on_import_response_cb), self,
                               0);
    }

  label = gtk_label_new (message);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "problem-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* wide enough for "file:line:column: error: message" lines, tall enough for several */
  gtk_widget_set_size_request (scroller, 520, -1);
  {
    guint lines = 1;

    for (const char *p = message; *p != '\0'; p++)
      lines += *p == '\n';
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                (int) CLAMP (lines * 40, 60, 280));
  }
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (dialog, scroller);

  track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening -------------------------------------------------------------------------- */

/* An open in flight; the window may close before the worker finishes. */
typedef struct
{
  GWeakRef window;
  GFile *file;
} LoadState;

static void
load_state_free (LoadState *state)
{
  g_weak_ref_clear (&state->window);
  g_clear_object (&state->file);
  g_free (state);
}

static void
set_loading (CrkWindow *self, GFile *file)
{
  gboolean was_loading = self->loading_file != NULL;

  g_set_object (&self->loading_file, file);
  gtk_revealer_set_reveal_child (self->progress_revealer, file != NULL);
  if (file != NULL)
    {
      g_autofree char *name = _crk_window_dup_display_name (file);
      g_autofree char *text = g_strdup_printf (_ ("Opening “%s”…"), name);

      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  if (was_loading != (file != NULL))
    g_object_notify (G_OBJECT (self), "loading");
  _crk_window_update_actions (self);
}

static void
on_open_progress (double fraction, gpointer user_data)
{
  LoadState *state = user_data;
  g_autoptr (CrkWindow) self = g_weak_ref_get (&state->window);

  if (self != NULL && self->loading_file == state->file)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

/* The problems of @report, one a line, "FILE:LINE:COLUMN: error: MESSAGE"; at most
 * @max, then how many more. */
char *
_crk_window_format_problems (GPtrArray *problems, const char *severity, guint max)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len && i < max; i++)
    {
      g_autofree char *line =
        crk_import_problem_to_string (g_ptr_array_index (problems, i), severity);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  if (problems->len > max)
    g_string_append_printf (text, "\n%s",
                            g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                         "… and %u more problems", problems->len - max));
  return g_string_free (text, FALSE);
}

static void
on_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadState *state = user_data;
  g_autoptr (CrkWindow) self = g_weak_ref_get (&state->window);
  g_autoptr (GFile) file = g_object_ref (state->file);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkImportReport) report = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const CrkImporter *importer = crk_open_file_get_importer (result);

  load_state_free (state);
  dataset = crk_open_file_finish (result, &report, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->loading_file != file)
    return;
  set_loading (self, NULL);
  g_clear_object (&self->load_cancellable);

  if (dataset == NULL)
    {
      g_autofree char *message = NULL;

      if (report != NULL && report->problems->len > 0)
        message = _crk_window_format_problems (report->problems, _ ("error"), 50);
      /* a file in a format that is imported can be tried again in the assistant */
      _crk_window_show_load_error (self, file,
                                   message != NULL   ? message
                                     : error != NULL ? error->message
                                                     : _ ("Unknown error"),
                                   importer != NULL && importer->open == NULL);
      return;
    }

  if (importer != NULL && g_strcmp0 (importer->id, "cityrank") == 0)
    crk_window_set_dataset (self, dataset, file);
  else
    {
      /* an import has no native file yet: saving asks for one */
      crk_window_set_dataset (self, dataset, NULL);
      g_set_object (&self->imported_from, file);
      _crk_window_update_title (self);
      _crk_window_toast_imported (self, file, importer, report);
    }
  _crk_window_set_last_folder (self, file);
  _crk_window_add_recent (self, file, importer);
}

static void
start_loading (CrkWindow *self, gpointer data)
{
  GFile *file = data;
  g_autofree char *path = g_file_get_path (file);
  LoadState *state;

  if (path == NULL)
    {
      _crk_window_show_load_error (self, file, _ ("Only files on this computer can be opened."),
                                   FALSE);
      return;
    }
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  set_loading (self, file);

  state = g_new0 (LoadState, 1);
  g_weak_ref_init (&state->window, self);
  state->file = g_object_ref (file);
  crk_open_file_async (path, NULL, on_open_progress, state, self->load_cancellable, on_opened_cb,
                       state);
}

void
crk_window_open (CrkWindow *self, GFile *file)
{
  g_return_if_fail (CRK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _crk_window_confirm_discard (self, start_loading, g_object_ref (file), g_object_unref);
}

static void
on_open_chosen (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkWindow) self = user_data;

  if (files->len > 0)
    crk_window_open (self, g_ptr_array_index (files, 0));
}

void
_crk_window_show_open_dialog (CrkWindow *self)
{
  g_autoptr (GFile) folder = _crk_window_dup_last_folder (self);

  crk_file_chooser_open (GTK_WINDOW (self), _ ("Open Dataset"), folder, CRK_FILE_KIND_DATASET,
                         FALSE, on_open_chosen, g_object_ref (self));
}

GFile *
_crk_window_dup_last_folder (CrkWindow *self)
{
  g_autofree char *uri = NULL;

  if (self->file != NULL)
    return g_file_get_parent (self->file);
  if (self->settings == NULL)
    return NULL;
  uri = g_settings_get_string (self->settings, "last-folder");
  return uri[0] != '\0' ? g_file_new_for_uri (uri) : NULL;
}

void
_crk_window_set_last_folder (CrkWindow *self, GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (self->settings == NULL || parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (self->settings, "last-folder", uri);
}

/* Saving --------------------------------------------------------------------------- */

gboolean
crk_window_save_to (CrkWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CRK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->dataset == NULL)
    return TRUE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("Cannot save to “%s”: only local files can be written"),
                   g_file_peek_path (file));
      return FALSE;
    }
  if (!crk_dataset_write (self->dataset, path, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_clear_object (&self->saved_method);
  self->saved_method = crk_method_copy (crk_dataset_get_method (self->dataset));
  crk_dataset_set_modified (self->dataset, FALSE);
  _crk_window_set_last_folder (self, file);
  _crk_window_update_title (self);
  _crk_window_update_actions (self);
  g_object_notify (G_OBJECT (self), "file");
  return TRUE;
}

static void
save_and_continue (CrkWindow *self, GFile *file, Pending *pending)
{
  g_autoptr (GError) error = NULL;

  if (!crk_window_save_to (self, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not save: %s"), error->message);

      _crk_window_toast (self, message);
      pending_free (pending);
      return;
    }
  pending_run (pending, self);
  pending_free (pending);
}

typedef struct
{
  CrkWindow *window;
  Pending *pending;
} SaveRequest;

static void
on_save_as_chosen (GPtrArray *files, gpointer user_data)
{
  SaveRequest *request = user_data;
  g_autoptr (CrkWindow) self = request->window;
  Pending *pending = request->pending;

  g_free (request);
  if (files->len == 0)
    {
      pending_free (pending);
      return;
    }
  {
    GFile *file = g_ptr_array_index (files, 0);
    g_autofree char *basename = g_file_get_basename (file);
    g_autoptr (GFile) target = NULL;

    if (!g_str_has_suffix (basename, ".xml"))
      {
        g_autofree char *name = g_strconcat (basename, ".cityrank.xml", NULL);
        g_autoptr (GFile) parent = g_file_get_parent (file);

        target = g_file_get_child (parent, name);
      }
    else
      target = g_object_ref (file);
    save_and_continue (self, target, pending);
  }
}

void
_crk_window_save (CrkWindow *self,
                  gboolean save_as,
                  CrkWindowContinuation then,
                  gpointer data,
                  GDestroyNotify destroy)
{
  Pending *pending = pending_new (then, data, destroy);

  if (self->dataset == NULL)
    {
      pending_free (pending);
      return;
    }

  if (!save_as && self->file != NULL && g_file_is_native (self->file))
    {
      save_and_continue (self, self->file, pending);
      return;
    }

  {
    SaveRequest *request = g_new0 (SaveRequest, 1);
    g_autoptr (GFile) folder = _crk_window_dup_last_folder (self);
    g_autofree char *name = NULL;

    if (self->file != NULL)
      name = g_file_get_basename (self->file);
    else if (self->imported_from != NULL)
      {
        g_autofree char *csv = g_file_get_basename (self->imported_from);
        char *dot = strrchr (csv, '.');

        if (dot != NULL)
          *dot = '\0';
        name = g_strconcat (csv, ".cityrank.xml", NULL);
      }
    else
      name = g_strdup ("advanced-manufacturing-cities.cityrank.xml");

    request->window = g_object_ref (self);
    request->pending = pending;
    crk_file_chooser_save (GTK_WINDOW (self), _ ("Save Dataset"), folder, name,
                           CRK_FILE_KIND_SAVE_DATASET, on_save_as_chosen, request);
  }
}

/* Drag and drop -------------------------------------------------------------------- */

gboolean
_crk_window_drop_cb (GtkDropTarget *target,
                     const GValue *value,
                     double x,
                     double y,
                     CrkWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  crk_window_open (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* Recent files --------------------------------------------------------------------- */

static GtkRecentManager *ensure_recent_manager (CrkWindow *self);

static void
update_recent_menu (CrkWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *action = NULL;

      /* the datasets, and the files Cityrank imported */
      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), MIME_TYPE) != 0 &&
          !g_str_has_suffix (uri, ".cityrank.xml") &&
          !gtk_recent_info_has_application (info, g_get_application_name ()))
        continue;
      if (gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  if (n == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No Recent Datasets"), "win.no-recent");

      g_menu_append_item (self->recent_section, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/**
 * _crk_window_add_recent:
 * @file: a file just opened
 * @importer: (nullable): the format it was read as
 *
 * Only files that opened go into Recent.
 */
void
_crk_window_add_recent (CrkWindow *self, GFile *file, const CrkImporter *importer)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *guessed = NULL;
  const char *mime_type = MIME_TYPE;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "cityrank %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (importer != NULL && g_strcmp0 (importer->id, "cityrank") != 0)
    {
      if (importer->mime_types != NULL && importer->mime_types[0] != NULL)
        mime_type = importer->mime_types[0];
      else
        {
          g_autofree char *type = g_content_type_guess (g_file_peek_path (file), NULL, 0, NULL);

          guessed = g_content_type_get_mime_type (type);
          mime_type = guessed != NULL ? guessed : "application/octet-stream";
        }
    }
  data.mime_type = (char *) mime_type;
  gtk_recent_manager_add_full (ensure_recent_manager (self), uri, &data);
}

/* GtkRecentManager reads and parses the desktop's whole recently-used.xbel (often
 * hundreds of kilobytes, tens of milliseconds) when it is first asked for. The recent
 * datasets are in the Open button's menu, closed in the first frame: the window asks
 * once that frame is drawn (crk_window_snapshot()), or when it needs the manager. */
static GtkRecentManager *
ensure_recent_manager (CrkWindow *self)
{
  g_clear_handle_id (&self->recent_idle_id, g_source_remove);
  if (self->recent_manager == NULL)
    {
      self->recent_manager = gtk_recent_manager_get_default ();
      self->recent_changed_id = g_signal_connect_object (
        self->recent_manager, "changed", G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
      update_recent_menu (self);
    }
  return self->recent_manager;
}

gboolean
_crk_window_recent_idle_cb (gpointer user_data)
{
  CrkWindow *self = user_data;

  self->recent_idle_id = 0;
  ensure_recent_manager (self);
  return G_SOURCE_REMOVE;
}
