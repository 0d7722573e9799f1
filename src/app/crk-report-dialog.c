/* crk-report-dialog.c: the report's options and an in-app preview, before printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-report-dialog.h"

#include "crk-file-chooser.h"
#include "crk-print-operation.h"

/* How long the options must stay still before the report is laid out again (ms). */
#define UPDATE_DELAY 150

enum
{
  PROFILES_ALL,
  PROFILES_TOP,
  PROFILES_SELECTED,
};

struct _CrkReportDialog
{
  AdwWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSwitch *title_switch;
  GtkSwitch *contents_switch;
  GtkSwitch *summary_switch;
  GtkSwitch *method_switch;
  AdwActionRow *agreement_row;
  GtkSwitch *agreement_switch;
  GtkSwitch *table_switch;
  GtkSwitch *charts_switch;
  GtkSwitch *profiles_switch;
  AdwActionRow *profiles_switch_row;
  AdwPreferencesGroup *profiles_group;
  AdwComboRow *profiles_row;
  AdwActionRow *top_row;
  GtkSpinButton *top_spin;
  AdwComboRow *benchmark_row;
  AdwComboRow *paper_row;
  GtkDrawingArea *preview_area;
  GtkLabel *page_label;

  CrkResults *results;
  GArray *selection;
  CrkReport *report;
  guint page;
  guint update_id;
  gboolean printing;
};

G_DEFINE_FINAL_TYPE (CrkReportDialog, crk_report_dialog, ADW_TYPE_WINDOW)

static CrkReportOptions *
read_options (CrkReportDialog *self)
{
  CrkReportOptions *options = crk_report_options_new ();
  CrkReportSections sections = 0;
  static const CrkReportBenchmark benchmarks[] = {
    CRK_REPORT_BENCHMARK_NONE,
    CRK_REPORT_BENCHMARK_MEDIAN,
    CRK_REPORT_BENCHMARK_TIER_MEAN,
    CRK_REPORT_BENCHMARK_BASE_YEAR,
  };
  guint benchmark = adw_combo_row_get_selected (self->benchmark_row);

  if (gtk_switch_get_active (self->title_switch))
    sections |= CRK_REPORT_SECTION_TITLE;
  if (gtk_switch_get_active (self->contents_switch))
    sections |= CRK_REPORT_SECTION_CONTENTS;
  if (gtk_switch_get_active (self->summary_switch))
    sections |= CRK_REPORT_SECTION_SUMMARY;
  if (gtk_switch_get_active (self->method_switch))
    sections |= CRK_REPORT_SECTION_METHOD;
  if (gtk_switch_get_active (self->agreement_switch))
    sections |= CRK_REPORT_SECTION_AGREEMENT;
  if (gtk_switch_get_active (self->table_switch))
    sections |= CRK_REPORT_SECTION_TABLE;
  if (gtk_switch_get_active (self->charts_switch))
    sections |= CRK_REPORT_SECTION_CHARTS;
  if (gtk_switch_get_active (self->profiles_switch))
    sections |= CRK_REPORT_SECTION_PROFILES;
  crk_report_options_set_sections (options, sections);

  crk_report_options_set_paper (options,
                                adw_combo_row_get_selected (self->paper_row) == 1
                                  ? CRK_REPORT_PAPER_LETTER
                                  : CRK_REPORT_PAPER_A4);
  crk_report_options_set_benchmark (options,
                                    benchmarks[MIN (benchmark, G_N_ELEMENTS (benchmarks) - 1)]);

  switch (adw_combo_row_get_selected (self->profiles_row))
    {
      case PROFILES_TOP:
        crk_report_options_set_profiles_top (
          options, (guint) gtk_spin_button_get_value_as_int (self->top_spin));
        break;
      case PROFILES_SELECTED:
        {
          CrkDataset *dataset = crk_results_get_dataset (self->results);
          g_autoptr (GPtrArray) codes = g_ptr_array_new ();

          for (guint i = 0; self->selection != NULL && i < self->selection->len; i++)
            {
              guint city = g_array_index (self->selection, guint, i);

              if (city < crk_dataset_get_n_cities (dataset))
                g_ptr_array_add (
                  codes, (gpointer) crk_city_get_code (crk_dataset_get_city (dataset, city)));
            }
          g_ptr_array_add (codes, NULL);
          crk_report_options_set_profiles_list (options, (const char *const *) codes->pdata);
        }
        break;
      case PROFILES_ALL:
      default:
        crk_report_options_set_profiles_all (options);
        break;
    }
  return options;
}

/* The pager's text for @page: "Sheet 3 of 116 · page 2 · Summary". */
static char *
dup_page_text (CrkReportDialog *self, guint page)
{
  guint n_pages, number;
  const char *section;

  if (self->report == NULL)
    return g_strdup (_ ("No pages"));
  n_pages = crk_report_get_n_pages (self->report);
  number = crk_report_get_page_number (self->report, page);
  section =
    crk_report_get_section_title (self->report, crk_report_get_page_section (self->report, page));
  /* TRANSLATORS: the preview's position: "Sheet 3 of 116 · page 2 · Summary" (sheets
   * count the title page, the printed page numbers start after it) */
  return number > 0
    ? g_strdup_printf (_ ("Sheet %u of %u · page %u · %s"), page + 1, n_pages, number, section)
    : g_strdup_printf (_ ("Sheet %u of %u · %s"), page + 1, n_pages, section);
}

/* The page label is as wide as its widest text on any page of this report (tabular
 * figures), so that the previous and next buttons beside it never move while paging. */
static void
fit_page_label (CrkReportDialog *self)
{
  guint n_pages = self->report != NULL ? crk_report_get_n_pages (self->report) : 1;
  int widest = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *text = dup_page_text (self, page);
      /* the label's own layout: its font and CSS font features (tabular figures) */
      g_autoptr (PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (self->page_label));
      int width = 0;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* a little room for rounding between the measure and the label's own layout */
  gtk_widget_set_size_request (GTK_WIDGET (self->page_label), widest + 2, -1);
}

static void
update_pager (CrkReportDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_pages = self->report != NULL ? crk_report_get_n_pages (self->report) : 0;
  g_autofree char *label = dup_page_text (self, self->page);

  gtk_label_set_text (self->page_label, label);
  /* at either end a button stays in place, insensitive */
  gtk_widget_action_set_enabled (widget, "report.previous-page",
                                 self->report != NULL && self->page > 0);
  gtk_widget_action_set_enabled (widget, "report.next-page",
                                 self->report != NULL && self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "report.print", self->report != NULL && !self->printing);
  gtk_widget_action_set_enabled (widget, "report.save", self->report != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * crk_report_dialog_update:
 * @self: a report dialog
 */
void
crk_report_dialog_update (CrkReportDialog *self)
{
  g_autoptr (CrkReportOptions) options = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *subtitle = NULL;
  CrkReport *report;

  g_return_if_fail (CRK_IS_REPORT_DIALOG (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->top_row),
                            adw_combo_row_get_selected (self->profiles_row) == PROFILES_TOP);

  options = read_options (self);
  report = crk_report_new (self->results, options, &error);
  g_clear_object (&self->report);
  self->report = report;
  if (report == NULL)
    subtitle = g_strdup (error->message);
  else
    {
      guint n = crk_report_get_n_pages (report);

      subtitle = g_strdup_printf (ngettext ("%u page", "%u pages", n), n);
      self->page = MIN (self->page, n - 1);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);
  fit_page_label (self);
  update_pager (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static gboolean
update_timeout_cb (gpointer user_data)
{
  CrkReportDialog *self = user_data;

  self->update_id = 0;
  crk_report_dialog_update (self);
  return G_SOURCE_REMOVE;
}

static void
on_option_changed_cb (CrkReportDialog *self)
{
  if (self->results == NULL)
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY, update_timeout_cb, self);
}

/* The preview: the page scaled to fit, on a grey desk with a shadow. */
static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  CrkReportDialog *self = user_data;
  double pw, ph, scale, x, y;
  const double margin = 18;

  cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
  cairo_paint (cr);
  if (self->report == NULL || width <= 2 * margin || height <= 2 * margin)
    return;

  crk_report_get_page_size (self->report, self->page, &pw, &ph);
  scale = MIN ((width - 2 * margin) / pw, (height - 2 * margin) / ph);
  x = (width - pw * scale) / 2;
  y = (height - ph * scale) / 2;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 2, y + 3, pw * scale, ph * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_clip (cr);
  crk_report_draw_page (self->report, cr, self->page);
  cairo_restore (cr);
}

guint
crk_report_dialog_get_page (CrkReportDialog *self)
{
  g_return_val_if_fail (CRK_IS_REPORT_DIALOG (self), 0);
  return self->page;
}

void
crk_report_dialog_set_page (CrkReportDialog *self, guint page)
{
  g_return_if_fail (CRK_IS_REPORT_DIALOG (self));

  if (self->report != NULL)
    page = MIN (page, crk_report_get_n_pages (self->report) - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_pager (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

/**
 * crk_report_dialog_get_report:
 * @self: a report dialog
 *
 * Returns: (transfer none) (nullable): the report
 */
CrkReport *
crk_report_dialog_get_report (CrkReportDialog *self)
{
  g_return_val_if_fail (CRK_IS_REPORT_DIALOG (self), NULL);
  return self->report;
}

/**
 * crk_report_dialog_save_pdf:
 * @self: a report dialog
 * @filename: where to write
 * @error: return location for an error
 *
 * Returns: %TRUE when written
 */
gboolean
crk_report_dialog_save_pdf (CrkReportDialog *self, const char *filename, GError **error)
{
  g_return_val_if_fail (CRK_IS_REPORT_DIALOG (self), FALSE);

  if (self->update_id != 0)
    crk_report_dialog_update (self);
  if (self->report == NULL)
    {
      g_set_error_literal (error, CRK_REPORT_ERROR, CRK_REPORT_ERROR_INVALID,
                           _ ("The options give no report to save"));
      return FALSE;
    }
  return crk_report_write_pdf (self->report, filename, error);
}

static void
toast (CrkReportDialog *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_chosen_cb (GPtrArray *files, gpointer user_data)
{
  g_autoptr (CrkReportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (files == NULL || files->len == 0)
    return;
  path = g_file_get_path (g_ptr_array_index (files, 0));
  if (path == NULL)
    {
      toast (self, _ ("Choose a local file to save the report"));
      return;
    }
  /* The chooser's filters also offer images; the report is always a PDF. */
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }
  if (!crk_report_dialog_save_pdf (self, path, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not save the report: %s"), error->message);

      toast (self, message);
      return;
    }
  toast (self, _ ("Report saved"));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  name = g_strdup_printf (_ ("ranking-report-%d.pdf"), crk_results_get_year (self->results));
  crk_file_chooser_save (GTK_WINDOW (self), _ ("Save Report as PDF"), NULL, name,
                         CRK_FILE_KIND_CHART, save_chosen_cb, g_object_ref (self));
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, gpointer user_data)
{
  g_autoptr (CrkReportDialog) self = user_data;

  self->printing = FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_ ("Could not print: %s"), error != NULL ? error->message : "");
      toast (self, message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    gtk_window_close (GTK_WINDOW (self));
  update_pager (self);
  g_object_unref (operation);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (widget);
  CrkPrintOperation *operation;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->update_id != 0)
    crk_report_dialog_update (self);
  if (self->report == NULL || self->printing)
    return;

  operation = crk_print_operation_new (self->report);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  /* "Current page" in the print dialog is the page shown in the preview. */
  gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (operation), (int) self->page);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  self->printing = TRUE;
  update_pager (self);
  result =
    gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                             GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->printing)
    {
      /* Finished without "done": drop what the handler would have dropped. */
      g_signal_handlers_disconnect_by_func (operation, print_done_cb, self);
      self->printing = FALSE;
      g_object_unref (self);
      g_object_unref (operation);
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        {
          g_autofree char *message =
            g_strdup_printf (_ ("Could not print: %s"), error != NULL ? error->message : "");

          toast (self, message);
        }
      update_pager (self);
    }
}

static void
previous_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (widget);

  if (self->page > 0)
    crk_report_dialog_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (widget);

  crk_report_dialog_set_page (self, self->page + 1);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, gpointer user_data)
{
  CrkReportDialog *self = user_data;

  if (dy > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "report.next-page", NULL);
  else if (dy < 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "report.previous-page", NULL);
  return TRUE;
}

static void
crk_report_dialog_dispose (GObject *object)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRK_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (crk_report_dialog_parent_class)->dispose (object);
}

static void
crk_report_dialog_finalize (GObject *object)
{
  CrkReportDialog *self = CRK_REPORT_DIALOG (object);

  g_clear_object (&self->report);
  g_clear_object (&self->results);
  g_clear_pointer (&self->selection, g_array_unref);

  G_OBJECT_CLASS (crk_report_dialog_parent_class)->finalize (object);
}

static void
crk_report_dialog_class_init (CrkReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_report_dialog_dispose;
  object_class->finalize = crk_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cityrank/Cityrank/crk-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, contents_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, summary_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, method_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, agreement_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, table_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, charts_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, profiles_switch);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, profiles_switch_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, profiles_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, top_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, top_spin);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, benchmark_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, preview_area);
  gtk_widget_class_bind_template_child (widget_class, CrkReportDialog, page_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "report.previous-page",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "report.next-page",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crk_report_dialog_init (CrkReportDialog *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview_area), scroll);
}

/* A combo row's choices in the dataset's words, the same one selected. */
static void
set_choices (CrkReportDialog *self, AdwComboRow *row, const char *const *choices)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (GtkStringList) model = gtk_string_list_new (choices);

  g_signal_handlers_block_by_func (row, on_option_changed_cb, self);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  g_signal_handlers_unblock_by_func (row, on_option_changed_cb, self);
}

/* The rows that name what the report's dataset ranks ("Country profiles" for ASEM). */
static void
apply_unit_words (CrkReportDialog *self)
{
  CrkUnitKind kind = crk_dataset_get_unit_kind (crk_results_get_dataset (self->results));
#define WORD(w) crk_unit_kind_get_word (kind, CRK_UNIT_WORD_##w)
  const char *profiles[] = {WORD (DLG_ALL), WORD (DLG_TOP), WORD (DLG_SELECTED), NULL};
  const char *benchmarks[] = {_ ("None"), WORD (MEDIAN), WORD (DLG_TIER_MEAN), WORD (DLG_BASE_YEAR),
                              NULL};

  adw_action_row_set_subtitle (self->agreement_row, WORD (DLG_AGREEMENT));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->profiles_switch_row),
                                 WORD (DLG_PROFILES));
  adw_action_row_set_subtitle (self->profiles_switch_row, WORD (DLG_PROFILES_SUBTITLE));
  adw_preferences_group_set_title (self->profiles_group, WORD (DLG_PROFILES_GROUP));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->profiles_row), WORD (DLG_WHICH));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->top_row), WORD (DLG_TOP_N));
  set_choices (self, self->profiles_row, profiles);
  set_choices (self, self->benchmark_row, benchmarks);
#undef WORD
}

/**
 * crk_report_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @results: the results to report
 * @selection: (nullable) (element-type guint): city indices of the selected cities
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
CrkReportDialog *
crk_report_dialog_new (GtkWindow *parent, CrkResults *results, GArray *selection)
{
  CrkReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRK_IS_RESULTS (results), NULL);

  self = g_object_new (CRK_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->results = g_object_ref (results);
  apply_unit_words (self);
  if (selection != NULL && selection->len > 0)
    {
      self->selection = g_array_copy (selection);
      /* With cities selected, profile those by default. */
      g_signal_handlers_block_by_func (self->profiles_row, on_option_changed_cb, self);
      adw_combo_row_set_selected (self->profiles_row, PROFILES_SELECTED);
      g_signal_handlers_unblock_by_func (self->profiles_row, on_option_changed_cb, self);
    }
  /* No published ranks to compare with: the section would be empty. */
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_row),
                          crk_results_compare_reference (results, NULL, NULL, NULL, NULL));
  if (!crk_results_has_base_year (results))
    {
      GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (self->benchmark_row));

      /* No base year: nothing to compare the city with in time. */
      gtk_string_list_remove (model, 3);
    }
  crk_report_dialog_update (self);
  return self;
}

/**
 * crk_report_dialog_present:
 * @window: the main window
 *
 * Opens the report dialog for the window's results and selected cities.
 */
void
crk_report_dialog_present (CrkWindow *window)
{
  CrkResults *results;
  g_autoptr (GArray) selection = NULL;
  CrkReportDialog *dialog;

  g_return_if_fail (CRK_IS_WINDOW (window));

  results = crk_window_get_results (window);
  if (results == NULL)
    return;
  selection = crk_window_dup_selected_cities (window);
  dialog = crk_report_dialog_new (GTK_WINDOW (window), results, selection);
  gtk_window_present (GTK_WINDOW (dialog));
}
