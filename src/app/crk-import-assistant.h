/* crk-import-assistant.h: importing statistics files into a new or the open dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assistant reads the files as the user watches (crk-import-preview.h, in a worker
 * thread, again after each change of a setting): the table as read with its header,
 * row labels and missing cells marked, the mapping that was detected with controls to
 * change it, the counts, the problems and notices with their places, and — when adding
 * into the open dataset — the names that match no city, with a choice for each.
 *
 * Signals: "import" (CrkDataset *dataset, gboolean into): the user confirmed; @dataset
 * is the result (a new dataset, or a copy of the open one with the files added). The
 * assistant closes itself after the handlers ran.
 */
#pragma once

#include <adwaita.h>

#include "crk-dataset.h"
#include "crk-import-preview.h"

G_BEGIN_DECLS

#define CRK_TYPE_IMPORT_ASSISTANT (crk_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (CrkImportAssistant, crk_import_assistant, CRK, IMPORT_ASSISTANT, AdwWindow)

/* @open_dataset: (nullable): the dataset the files may be added into. */
CrkImportAssistant *crk_import_assistant_new (GtkWindow *parent, CrkDataset *open_dataset);
/* Adds a file and reads again. */
void crk_import_assistant_add_file (CrkImportAssistant *self, GFile *file);
/* Chooses the destination: a new dataset (FALSE) or the open one (TRUE). */
void crk_import_assistant_set_into (CrkImportAssistant *self, gboolean into);
/* For tests and the window: the last preview shown (NULL before the first), and whether
 * a read is under way or waiting. */
CrkImportPreview *crk_import_assistant_get_preview (CrkImportAssistant *self);
gboolean crk_import_assistant_get_busy (CrkImportAssistant *self);
/* Confirms, as the import button does (asking first when values would change). */
void crk_import_assistant_confirm (CrkImportAssistant *self);

G_END_DECLS
