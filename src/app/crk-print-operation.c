/* crk-print-operation.c: printing the ranking report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-print-operation.h"

struct _CrkPrintOperation
{
  GtkPrintOperation parent_instance;

  CrkReport *report;
};

G_DEFINE_FINAL_TYPE (CrkPrintOperation, crk_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkPageSetup *
page_setup_for (CrkPrintOperation *self, gboolean landscape)
{
  const CrkReportOptions *options = crk_report_get_options (self->report);
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = NULL;

  paper = gtk_paper_size_new (crk_report_options_get_paper (options) == CRK_REPORT_PAPER_LETTER
                                ? GTK_PAPER_NAME_LETTER
                                : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (
    setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  /* The report draws its own margins. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static cairo_surface_t *
pdf_target (GtkPrintContext *context)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_surface_t *target = cr != NULL ? cairo_get_target (cr) : NULL;

  return target != NULL && cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF ? target
                                                                                     : NULL;
}

static void
crk_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (operation);
  cairo_surface_t *pdf = pdf_target (context);

  gtk_print_operation_set_n_pages (operation, (int) crk_report_get_n_pages (self->report));
  if (pdf != NULL)
    crk_report_set_pdf_metadata (self->report, pdf);
}

static void
crk_print_operation_request_page_setup (GtkPrintOperation *operation,
                                        GtkPrintContext *context,
                                        int page_nr,
                                        GtkPageSetup *setup)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (operation);
  gboolean landscape;

  if (page_nr < 0 || (guint) page_nr >= crk_report_get_n_pages (self->report))
    return;
  landscape = crk_report_get_page_landscape (self->report, (guint) page_nr);
  gtk_page_setup_set_orientation (
    setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
crk_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, sx, sy;

  g_return_if_fail (page_nr >= 0 && (guint) page_nr < crk_report_get_n_pages (self->report));

  crk_report_get_page_size (self->report, (guint) page_nr, &width, &height);
  /* The context is in points on the page as oriented; scale in case the printer's
   * paper differs from the report's. */
  sx = gtk_print_context_get_width (context) / width;
  sy = gtk_print_context_get_height (context) / height;
  cairo_save (cr);
  cairo_scale (cr, MIN (sx, sy), MIN (sx, sy));
  crk_report_draw_page (self->report, cr, (guint) page_nr);
  cairo_restore (cr);
}

/* The outline's links name the report's pages: only valid when the output holds every
 * page, once each, in order, one per sheet. */
static gboolean
prints_every_page (GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  if (settings == NULL)
    return TRUE;
  return gtk_print_settings_get_print_pages (settings) == GTK_PRINT_PAGES_ALL &&
    gtk_print_settings_get_page_set (settings) == GTK_PAGE_SET_ALL &&
    gtk_print_settings_get_number_up (settings) <= 1 && !gtk_print_settings_get_reverse (settings);
}

static void
crk_print_operation_end_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (operation);
  cairo_surface_t *pdf = pdf_target (context);

  /* Printing to a PDF file: the bookmarks, before GTK finishes the surface. */
  if (pdf != NULL && prints_every_page (operation))
    crk_report_add_pdf_outline (self->report, pdf);
}

static void
crk_print_operation_constructed (GObject *object)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr (GtkPageSetup) setup = NULL;
  CrkDataset *dataset;
  g_autofree char *job = NULL;

  G_OBJECT_CLASS (crk_print_operation_parent_class)->constructed (object);

  g_assert (self->report != NULL);
  dataset = crk_results_get_dataset (crk_report_get_results (self->report));
  setup = page_setup_for (self, FALSE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) crk_report_get_n_pages (self->report));
  job = g_strdup_printf (_ ("%s — ranking report %d"), crk_dataset_get_display_title (dataset),
                         crk_results_get_year (crk_report_get_results (self->report)));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
}

static void
crk_print_operation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        g_value_set_object (value, self->report);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_print_operation_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (object);

  switch (prop_id)
    {
      case PROP_REPORT:
        g_set_object (&self->report, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_print_operation_finalize (GObject *object)
{
  CrkPrintOperation *self = CRK_PRINT_OPERATION (object);

  g_clear_object (&self->report);

  G_OBJECT_CLASS (crk_print_operation_parent_class)->finalize (object);
}

static void
crk_print_operation_class_init (CrkPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = crk_print_operation_constructed;
  object_class->get_property = crk_print_operation_get_property;
  object_class->set_property = crk_print_operation_set_property;
  object_class->finalize = crk_print_operation_finalize;

  operation_class->begin_print = crk_print_operation_begin_print;
  operation_class->request_page_setup = crk_print_operation_request_page_setup;
  operation_class->draw_page = crk_print_operation_draw_page;
  operation_class->end_print = crk_print_operation_end_print;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, CRK_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crk_print_operation_init (CrkPrintOperation *self)
{
}

/**
 * crk_print_operation_new:
 * @report: the report to print
 *
 * Returns: (transfer full): an operation; run it with gtk_print_operation_run()
 */
CrkPrintOperation *
crk_print_operation_new (CrkReport *report)
{
  g_return_val_if_fail (CRK_IS_REPORT (report), NULL);

  return g_object_new (CRK_TYPE_PRINT_OPERATION, "report", report, NULL);
}

CrkReport *
crk_print_operation_get_report (CrkPrintOperation *self)
{
  g_return_val_if_fail (CRK_IS_PRINT_OPERATION (self), NULL);

  return self->report;
}
