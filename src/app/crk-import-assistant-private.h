/* crk-import-assistant-private.h: the assistant's state, shared by crk-import-assistant*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-import-assistant.h"
#include "crk-import-dataset.h"

G_BEGIN_DECLS

struct _CrkImportAssistant
{
  AdwWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *import_button;
  GtkSpinner *spinner;
  GtkProgressBar *progress_bar;
  GtkListBox *files_list;
  AdwPreferencesGroup *destination_group;
  AdwComboRow *destination_row;
  AdwComboRow *unit_row; /* what a new dataset ranks (CrkUnitKind), guessed until chosen */
  AdwPreferencesGroup *mapping_group;
  AdwComboRow *sheet_row;
  AdwComboRow *layout_row;
  AdwComboRow *city_row;
  AdwComboRow *indicator_row;
  AdwComboRow *period_row;
  AdwActionRow *year_row;
  GtkSpinButton *year_spin;
  AdwEntryRow *missing_row;
  GtkSwitch *unit_mult_switch;
  AdwComboRow *aggregate_row;
  AdwPreferencesGroup *matching_group;
  GtkListBox *matching_list;
  GtkSwitch *aliases_switch;
  AdwActionRow *aliases_row;
  GtkLabel *counts_label;
  GtkLabel *shape_label;
  GtkStack *preview_stack;
  GtkColumnView *preview_view;
  GtkScrolledWindow *problems_scroller;
  GtkListBox *problems_list;

  /* state */
  CrkDataset *open_dataset; /* nullable */
  GPtrArray *files;         /* GFile */
  guint shown_file;         /* the file whose table is shown */
  GHashTable *matches;      /* key → city code ("" skips the key): the user's choices */
  char *sheet;              /* the user's choices; NULL: as detected */
  char *city;
  char *indicator;
  char *period;
  CrkTableLayout layout;
  gboolean year_chosen;
  GPtrArray *sheet_ids; /* what the combo rows' items after the first stand for */
  GPtrArray *field_ids;
  CrkImportPreview *preview; /* the last read shown */
  CrkImportPreview *running; /* the read under way (owned by its request) */
  char *read_error;          /* an I/O error of the last read */
  GCancellable *cancellable;
  guint read_id;
  gboolean updating;    /* the settings are being filled in: no new read */
  gboolean unit_chosen; /* the user chose in unit_row: the guess no longer follows the file */
};

/* crk-import-assistant.c */
gboolean _crk_import_assistant_into (CrkImportAssistant *self);
/* What the import's rows are: the open dataset's kind when adding into it, else the
 * user's choice, else the guess (crk-unit-words.h). */
CrkUnitKind _crk_import_assistant_unit_kind (CrkImportAssistant *self);
void _crk_import_assistant_fill_files (CrkImportAssistant *self);
/* @code: a city code, "" to skip the key, NULL to forget the choice. */
void
_crk_import_assistant_choose_match (CrkImportAssistant *self, const char *key, const char *code);

/* crk-import-assistant-view.c */
void _crk_import_assistant_init_view (CrkImportAssistant *self);
/* Shows the last preview: settings, table, counts, problems, matching. */
void _crk_import_assistant_show (CrkImportAssistant *self);

G_END_DECLS
