/* crk-window-import.c: the window's side of importing: the assistant, the import that
 * replaces or adds into the open dataset, and undoing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding files into the open dataset makes a new dataset (the preview works on a copy),
 * which replaces the open one; the one it replaced is kept, with its file, so that Undo
 * brings it back (and Redo the import again) as long as the method was not edited since.
 */
#define G_LOG_DOMAIN "crk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-window-private.h"

#include "crk-file-chooser.h"
#include "crk-import-assistant.h"
#include "crk-import-dataset.h"

struct _CrkImportUndo
{
  CrkDataset *dataset; /* the other state: before the import (undo) or after it (redo) */
  GFile *file;
  GFile *imported_from;
  gboolean modified;
  gboolean is_redo;
};

void
_crk_import_undo_free (CrkImportUndo *undo)
{
  if (undo == NULL)
    return;
  g_clear_object (&undo->dataset);
  g_clear_object (&undo->file);
  g_clear_object (&undo->imported_from);
  g_free (undo);
}

static CrkImportUndo *
capture (CrkWindow *self, gboolean is_redo)
{
  CrkImportUndo *undo = g_new0 (CrkImportUndo, 1);

  undo->dataset = g_object_ref (self->dataset);
  undo->file = self->file != NULL ? g_object_ref (self->file) : NULL;
  undo->imported_from = self->imported_from != NULL ? g_object_ref (self->imported_from) : NULL;
  undo->modified = crk_dataset_get_modified (self->dataset);
  undo->is_redo = is_redo;
  return undo;
}

/* Shows @dataset as the document, with its file, without forgetting the import's undo. */
static void
adopt (CrkWindow *self, CrkDataset *dataset, GFile *file, GFile *imported_from, gboolean modified)
{
  CrkImportUndo *undo = g_steal_pointer (&self->import_undo);
  g_autoptr (GFile) from = imported_from != NULL ? g_object_ref (imported_from) : NULL;

  crk_window_set_dataset (self, dataset, file);
  g_set_object (&self->imported_from, from);
  crk_dataset_set_modified (dataset, modified);
  _crk_import_undo_free (self->import_undo);
  self->import_undo = undo;
  _crk_window_update_title (self);
  _crk_window_update_actions (self);
}

gboolean
_crk_window_can_undo_import (CrkWindow *self, gboolean redo)
{
  /* the method's own history comes first */
  return self->import_undo != NULL && self->import_undo->is_redo == redo && self->dataset != NULL &&
    (self->history == NULL || !crk_method_history_can_undo (self->history));
}

void
_crk_window_undo_import (CrkWindow *self, gboolean redo)
{
  CrkImportUndo *undo;
  CrkImportUndo *other;

  if (!_crk_window_can_undo_import (self, redo))
    return;
  undo = g_steal_pointer (&self->import_undo);
  other = capture (self, !redo);
  adopt (self, undo->dataset, undo->file, undo->imported_from, undo->modified);
  _crk_import_undo_free (self->import_undo);
  self->import_undo = other;
  _crk_window_update_actions (self);
  _crk_window_toast (self, redo ? _ ("The import was done again") : _ ("The import was undone"));
  _crk_import_undo_free (undo);
}

/* The assistant ---------------------------------------------------------------------- */

typedef struct
{
  CrkDataset *dataset;
  GFile *from;
} NewDataset;

static void
new_dataset_free (gpointer data)
{
  NewDataset *n = data;

  g_clear_object (&n->dataset);
  g_clear_object (&n->from);
  g_free (n);
}

static void
take_new_dataset (CrkWindow *self, gpointer data)
{
  NewDataset *n = data;

  _crk_import_undo_free (g_steal_pointer (&self->import_undo));
  /* an import is unsaved work until it is saved in the native format */
  adopt (self, n->dataset, NULL, n->from, TRUE);
  _crk_import_undo_free (g_steal_pointer (&self->import_undo));
  _crk_window_update_actions (self);
}

static void
on_assistant_import_cb (CrkImportAssistant *assistant,
                        CrkDataset *dataset,
                        gboolean into,
                        CrkWindow *self)
{
  GFile *first = g_object_get_data (G_OBJECT (assistant), "crk-first-file");
  CrkImportPreview *preview = crk_import_assistant_get_preview (assistant);
  g_autofree char *message = NULL;

  if (!into || self->dataset == NULL)
    {
      NewDataset *n = g_new0 (NewDataset, 1);

      n->dataset = g_object_ref (dataset);
      n->from = first != NULL ? g_object_ref (first) : NULL;
      _crk_window_confirm_discard (self, take_new_dataset, n, new_dataset_free);
      return;
    }
  {
    CrkImportSummary s;
    CrkImportUndo *undo = capture (self, FALSE);

    crk_import_dataset_get_summary (crk_import_preview_get_import (preview), &s);
    adopt (self, dataset, self->file, self->imported_from, TRUE);
    _crk_import_undo_free (self->import_undo);
    self->import_undo = undo;
    _crk_window_update_actions (self);
    message = g_strdup_printf (
      _ ("New indicators: %u · new years: %u · new values: %lu · changed values: %lu"),
      s.n_new_indicators, s.n_new_years, (gulong) s.n_new_values, (gulong) s.n_changed_values);
  }
  {
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _ ("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

void
_crk_window_show_import_assistant (CrkWindow *self, GFile *file)
{
  CrkImportAssistant *assistant = crk_import_assistant_new (GTK_WINDOW (self), self->dataset);

  g_signal_connect_object (assistant, "import", G_CALLBACK (on_assistant_import_cb), self, 0);
  if (file != NULL)
    {
      g_object_set_data_full (G_OBJECT (assistant), "crk-first-file", g_object_ref (file),
                              g_object_unref);
      crk_import_assistant_add_file (assistant, file);
    }
  self->import_assistant = assistant;
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &self->import_assistant);
  gtk_window_present (GTK_WINDOW (assistant));
}

void
crk_window_import (CrkWindow *self, GFile **files, guint n_files, gboolean into)
{
  g_return_if_fail (CRK_IS_WINDOW (self));

  _crk_window_show_import_assistant (self, n_files > 0 ? files[0] : NULL);
  for (guint i = 1; i < n_files; i++)
    crk_import_assistant_add_file (self->import_assistant, files[i]);
  crk_import_assistant_set_into (self->import_assistant, into);
}

static void
on_import_files_chosen (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkWindow) self = user_data;

  if (files->len == 0)
    return;
  /* with a dataset of one's own open, files are usually added to it */
  crk_window_import (self, (GFile **) files->pdata, files->len,
                     self->dataset != NULL && self->file != NULL);
}

void
_crk_window_choose_import_files (CrkWindow *self)
{
  g_autoptr (GFile) folder = _crk_window_dup_last_folder (self);

  crk_file_chooser_open (GTK_WINDOW (self), _ ("Import Files"), folder, CRK_FILE_KIND_DATASET, TRUE,
                         on_import_files_chosen, g_object_ref (self));
}

/* After Open read a file of an imported format: say what it held, offer the assistant. */
void
_crk_window_toast_imported (CrkWindow *self,
                            GFile *file,
                            const CrkImporter *importer,
                            CrkImportReport *report)
{
  g_autofree char *name = _crk_window_dup_display_name (file);
  g_autofree char *uri = g_file_get_uri (file);
  guint n_cities = crk_dataset_get_n_cities (self->dataset);
  guint n_indicators = crk_dataset_get_n_indicators (self->dataset);
  guint n_notices = report != NULL ? report->notices->len : 0;
  g_autofree char *what = NULL;
  g_autofree char *indicators = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  what = crk_unit_kind_format_count (crk_dataset_get_unit_kind (self->dataset), n_cities);
  indicators = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n_indicators), n_indicators);
  notes =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notices), n_notices);
  /* Translators: "Imported “x.xlsx”: 31 cities, 4 indicators" (then "; 2 notes"); the
   * first %s is the file, the second the count of what it ranks ("51 countries") */
  message = g_strdup_printf (_ ("Imported “%s”: %s, %s"), name, what, indicators);
  if (n_notices > 0)
    {
      char *with_notes = g_strdup_printf ("%s; %s", message, notes);

      g_free (message);
      message = with_notes;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _ ("_Adjust…"));
  adw_toast_set_detailed_action_name (toast, NULL);
  adw_toast_set_action_name (toast, "win.import-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
