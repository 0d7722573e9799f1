/* crk-window-private.h: the window's state, shared by crk-window*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-chart-view.h"
#include "crk-city-detail.h"
#include "crk-engine.h"
#include "crk-import.h"
#include "crk-method-history.h"
#include "crk-method-panel.h"
#include "crk-window.h"

G_BEGIN_DECLS

typedef struct _CrkImportUndo CrkImportUndo;
typedef struct _CrkImportAssistant CrkImportAssistant;

/* What to do once the unsaved-changes question is answered. */
typedef void (*CrkWindowContinuation) (CrkWindow *self, gpointer data);

struct _CrkWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwSplitButton *open_button;
  GtkDropDown *year_dropdown;
  GtkStringList *year_model;
  GtkRevealer *progress_revealer;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkProgressBar *progress_bar;
  AdwFlap *method_flap; /* the method panel, beside the rest or folded over it */
  AdwFlap *detail_flap; /* the city detail */
  GtkPaned *chart_paned;
  CrkMethodPanel *method_panel;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *rank_column;
  GtkColumnViewColumn *change_column;
  GtkColumnViewColumn *city_column;
  GtkColumnViewColumn *province_column;
  GtkColumnViewColumn *score_column;
  GtkColumnViewColumn *tier_column;
  GtkMultiSelection *selection;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  GListStore *store;
  CrkChartView *chart_view;
  CrkCityDetail *city_detail;
  GMenu *recent_section;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;    /* the button's until it first opens */
  GtkDropDown *level_dropdown; /* the level the chart and the score columns show */
  GtkStringList *level_model;

  /* document */
  CrkDataset *dataset;
  GFile *file;
  GFile *imported_from; /* the CSV an unsaved import came from */
  CrkEngine *engine;
  CrkResults *results;
  CrkMethodHistory *history;
  CrkMethod *saved_method; /* the method as in the file: "reset" returns to it */
  GPtrArray *rows;         /* CrkRankingRow by city index */
  GArray *dimensions;      /* node indices (guint) of the score columns */
  GPtrArray *dimension_columns;
  guint level;             /* the level of the score columns and the chart (COINr numbering) */
  gboolean filling_levels; /* the level dropdown is being filled: no "selected" reaction */
  int year;                /* calendar year shown */
  gulong method_changed_id;
  gulong modified_id;
  gboolean updating_years;
  guint rows_tick_id; /* the rest of the rows once the table has a size */
  guint rows_timeout_id;

  /* files */
  GCancellable *load_cancellable;
  GFile *loading_file;
  GSettings *settings;
  GtkRecentManager *recent_manager; /* NULL until the first frame is drawn */
  gulong recent_changed_id;
  guint recent_idle_id;
  AdwMessageDialog *message_dialog;
  gboolean closing_confirmed;
  char **pending_codes;
  /* The selection: city indices in the order chosen. It outlives a search that hides
   * some of them (the table selects them again when they show); the charts, the detail
   * and the report follow it. */
  GArray *selected;
  gboolean restoring_selection;
  guint anchor; /* the table position a Shift+click range starts from */

  /* import */
  CrkImportAssistant *import_assistant; /* weak: the one open */
  CrkImportUndo *import_undo;           /* the dataset before the last import, or after it */

  /* print: set when the report code is built in */
};

/* crk-window-actions.c */
void _crk_window_class_add_actions (GtkWidgetClass *widget_class);
void _crk_window_update_actions (CrkWindow *self);
void _crk_window_set_chart_kind (CrkWindow *self, const char *kind);
const char *_crk_window_get_chart_kind (CrkWindow *self);

/* crk-window-columns.c */
/* Headers get their column's tooltip and an ellipsis (GTK 4.8 gives neither). */
void _crk_window_update_column_headers (CrkWindow *self);
/* One score column per component of self->level, before the tier column. */
void _crk_window_rebuild_dimension_columns (CrkWindow *self);
/* The level dropdown and its template callback. */
void _crk_window_class_add_columns (GtkWidgetClass *widget_class);
/* Lists the dataset's levels below the index and chooses the default one (the first from
 * the top with three components or more); hidden with fewer than two. */
void _crk_window_fill_levels (CrkWindow *self);
/* Shows @level's components in the score columns and the chart. */
void _crk_window_set_level (CrkWindow *self, guint level);

/* crk-window-files.c */
char *_crk_window_dup_display_name (GFile *file);
void _crk_window_show_load_error (CrkWindow *self,
                                  GFile *file,
                                  const char *message,
                                  gboolean offer_assistant);
/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE" lines, at most @max and how many more. */
char *_crk_window_format_problems (GPtrArray *problems, const char *severity, guint max);
void _crk_window_add_recent (CrkWindow *self, GFile *file, const CrkImporter *importer);
gboolean _crk_window_drop_cb (GtkDropTarget *target,
                              const GValue *value,
                              double x,
                              double y,
                              CrkWindow *self);
gboolean _crk_window_recent_idle_cb (gpointer user_data);

/* crk-window-import.c */
/* The import assistant, on @file (nullable: it asks for files). */
void _crk_window_show_import_assistant (CrkWindow *self, GFile *file);
/* After a file in an imported format opened: what was read, and a way to the assistant. */
void _crk_window_toast_imported (CrkWindow *self,
                                 GFile *file,
                                 const CrkImporter *importer,
                                 CrkImportReport *report);

void _crk_window_choose_import_files (CrkWindow *self);
void _crk_import_undo_free (CrkImportUndo *undo);
/* Undo (@redo FALSE) or redo the last import into the open dataset; possible when the
 * method's own history has nothing to undo. */
gboolean _crk_window_can_undo_import (CrkWindow *self, gboolean redo);
void _crk_window_undo_import (CrkWindow *self, gboolean redo);

/* crk-window.c */
void _crk_window_toast (CrkWindow *self, const char *message);
void _crk_window_update_title (CrkWindow *self);
void _crk_window_save (CrkWindow *self,
                       gboolean save_as,
                       CrkWindowContinuation then,
                       gpointer data,
                       GDestroyNotify destroy);
void _crk_window_reset_method (CrkWindow *self);
/* Calls @then at once when nothing is unsaved, else asks save/discard/cancel first. */
void _crk_window_confirm_discard (CrkWindow *self,
                                  CrkWindowContinuation then,
                                  gpointer data,
                                  GDestroyNotify destroy);
void _crk_window_show_open_dialog (CrkWindow *self);
void _crk_window_show_export_dialog (CrkWindow *self);
GFile *_crk_window_dup_last_folder (CrkWindow *self);
void _crk_window_set_last_folder (CrkWindow *self, GFile *file);

G_END_DECLS
