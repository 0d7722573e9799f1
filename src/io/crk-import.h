/* crk-import.h: importing the statistics files analysts download (SDMX-ML, World Bank
 * XML, spreadsheets, CSV tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every format is one importer (a CrkImporter in a file of its own, listed once in the
 * registry, crk-importers.c). An importer reads a file and streams what it holds to a
 * sink, one observation at a time, so that reading a large file takes memory that does
 * not grow with it:
 *
 *   - observation formats (SDMX-ML, World Bank XML) implement read() and hand the sink
 *     observations: a key (the city, or the series key), an indicator, a period, a value;
 *   - table formats (xlsx, ods, fods, SpreadsheetML, xls, CSV tables) implement
 *     read_sheets() and hand over the cells of their sheets (crk-sheet.h); the shared
 *     table reader (crk-table-extract.c) finds the table in a sheet — title and note
 *     rows, the header row, the row labels, the layout — and turns it into observations;
 *   - formats that are datasets themselves (the native .cityrank.xml, COINr's CSV pair)
 *     implement open() and give the dataset whole.
 *
 * crk_open_file() (crk-open.h) opens any of them as a dataset.
 *
 * Problems (errors, which stop the import) and notices (what the user should know: a
 * footnote mark stripped, UNIT_MULT present, a series of another frequency skipped) are
 * CrkProblem, located by line and column, or by sheet and cell.
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset-reader.h"
#include "crk-dataset.h"
#include "crk-io-error.h"
#include "crk-sheet.h"

G_BEGIN_DECLS

/* What a column or a dimension of a file is, in the mapping of an import. */
typedef enum
{
  CRK_IMPORT_ROLE_NONE,
  CRK_IMPORT_ROLE_CITY,      /* the territory: a city code or name (SDMX REF_AREA, GEO, …) */
  CRK_IMPORT_ROLE_INDICATOR, /* the indicator (SDMX: INDICATOR, SUBJECT, …; a sheet's column) */
  CRK_IMPORT_ROLE_PERIOD,    /* the time (SDMX TIME_PERIOD, a Year column) */
} CrkImportRole;

/* How a table is laid out. */
typedef enum
{
  CRK_TABLE_LAYOUT_AUTO,
  CRK_TABLE_LAYOUT_WIDE_INDICATORS, /* a row per city, a column per indicator (one period) */
  CRK_TABLE_LAYOUT_WIDE_PERIODS,    /* a row per city (and indicator), a column per period */
  CRK_TABLE_LAYOUT_LONG,            /* a row per observation, with a period column */
} CrkTableLayout;

/* The frequency of a period. */
typedef enum
{
  CRK_FREQUENCY_UNKNOWN,
  CRK_FREQUENCY_ANNUAL,    /* 2020, 2020-A1 */
  CRK_FREQUENCY_HALF_YEAR, /* 2020-S1 */
  CRK_FREQUENCY_QUARTER,   /* 2020-Q1, 2020Q1 */
  CRK_FREQUENCY_MONTH,     /* 2020-01, 2020M01 */
  CRK_FREQUENCY_WEEK,      /* 2020-W05 */
  CRK_FREQUENCY_DAY,       /* 2020-01-31, 2020-01-31T00:00:00 */
} CrkFrequency;

/* "2020", "2020-Q1", "2020Q1", "2020-01", "2020M01", "2020-S1", "2020-W05", "2020-01-31",
 * "2020-01-31T00:00:00.000", "2020-A1": the frequency and the year, and the index of the
 * sub-period within it (1-based; 0 for annual). FALSE when @text is not a period. */
gboolean crk_period_parse (const char *text, CrkFrequency *frequency, int *year, int *sub);

/* One observation, as the file gives it. Strings are borrowed for the call. */
typedef struct
{
  const char *key; /* the city or series key (SDMX: the key's other dimensions joined with ".") */
  const char *indicator; /* the indicator's code (or the column header of a table) */
  const char *period;    /* as written: "2020", "2020-Q1" */
  double value;          /* as written (%.17g round-trips it); NAN when missing */
  const char *status;    /* nullable: OBS_STATUS and the like ("E", "P", "na") */
  const char *unit;      /* nullable: the unit, from an attribute or a header ("万元") */
  const char *note;      /* nullable: the other attributes, "UNIT_MULT=6; DECIMALS=2", or a
                          * footnote mark stripped from the number ("e") */
  int unit_mult;         /* the power of ten the publisher says the value is in (0: none) */
  /* where: a line and column, or a sheet and cell ("Sheet1", "B7"); NULL / 0 unknown */
  int line;
  int column;
  const char *sheet;
  const char *cell;
} CrkObservation;

/* What an importer made of a file: the fields it found and the role it gave each, for
 * the import assistant to show and to change (the options name fields by their id). */
typedef struct
{
  const char *id;     /* what CrkImportOptions city/indicator/period take: a column letter
                       * ("B") or a dimension id ("REF_AREA") */
  const char *name;   /* nullable: the header text ("GDP (10,000 yuan)") or the dimension's name */
  CrkImportRole role; /* the role the import gave it (NONE for a value column of a table, or
                       * an unused dimension) */
  gboolean value;     /* tables: a column of values; FALSE otherwise */
} CrkImportField;

/* Tables: the sheet read, the header, the row labels, the layout, each column. SDMX-ML:
 * the series' dimensions, the observation's, then the period's (when it is not one of
 * them); the city's is CITY only when options->city names it (otherwise the key joins
 * every dimension but the indicator's and the period's, and all are NONE); the
 * indicator's (named or chosen) INDICATOR; the period's PERIOD. World Bank XML: the
 * country (CITY), the indicator (INDICATOR), the date (PERIOD). Borrowed for the call. */
typedef struct
{
  const char *sheet; /* table formats: the sheet read; NULL otherwise */
  const char *const
    *sheets; /* table formats: every sheet's name, NULL-terminated; NULL otherwise */
  guint n_fields;
  const CrkImportField *fields;  /* tables: each column of the table in order; observation
                                  * formats: the key's dimensions and the period dimension */
  CrkTableLayout layout;         /* tables: the layout used; AUTO otherwise */
  int header_row, n_header_rows; /* tables: 0-based first header row and how many; -1/0 otherwise */
  int first_row;                 /* tables: the first data row; -1 otherwise */
  int label_column;              /* tables: the row-label (city) column; -1 none */
  gboolean countries;            /* the keys are countries (World Bank XML); FALSE: guess */
} CrkImportShape;

typedef struct _CrkImportSink CrkImportSink;

/* Where an import goes: a dataset under construction, a CSV file, a counter. */
struct _CrkImportSink
{
  /* An observation; FALSE stops the import (over a budget, a write failed). */
  gboolean (*observation) (CrkImportSink *sink, const CrkObservation *observation);
  /* Nullable: a label for a code (from an SDMX structure message, a World Bank country
   * element, a table's row label): @role says whose code; @lang "en", "zh" or NULL. */
  void (*label) (CrkImportSink *sink,
                 CrkImportRole role,
                 const char *code,
                 const char *name,
                 const char *lang);
  /* Nullable: what the importer made of the file, once per file (tables: once the table is found).
   */
  void (*shape) (CrkImportSink *sink, const CrkImportShape *shape);
  /* Nullable: what a dataset format's file ranks, when not cities (COINr's ASEM: countries). */
  void (*unit_kind) (CrkImportSink *sink, CrkUnitKind kind);
};

/* How observations of another frequency (half-years, quarters, months, weeks, days)
 * become the year's value, per key, indicator and year; NONE refuses them. */
typedef enum
{
  CRK_IMPORT_AGGREGATE_NONE,
  CRK_IMPORT_AGGREGATE_MEAN, /* the mean of the sub-periods present */
  CRK_IMPORT_AGGREGATE_SUM,  /* the sum, when every sub-period of the year is present */
  CRK_IMPORT_AGGREGATE_LAST, /* the latest sub-period's value */
} CrkImportAggregate;

/* What the user chose; everything NULL / 0 means "detect". The CLI's options map
 * one to one (cityrank-cli import --sheet --city --indicator --period --layout --missing
 * --match --save-aliases --aggregate). */
typedef struct
{
  char *sheet;     /* a sheet's name or its 1-based number */
  char *city;      /* the dimension id or column (header text, or a letter "B") */
  char *indicator; /* ditto */
  char *period;    /* ditto */
  CrkTableLayout layout;
  char **missing;           /* more tokens that mean missing, beyond the usual ones */
  char *structure;          /* nullable: an SDMX structure message beside the data (labels) */
  gboolean apply_unit_mult; /* multiply values by 10^UNIT_MULT (always reported) */
  int default_year;         /* the period of a wide-by-indicator table without one (0: none) */
  /* Matching the keys to the cities of the dataset added into (crk-import-dataset.h):
   * "KEY=CITYCODE" pairs, KEY the file's key or one of its labels; "KEY=" skips the key.
   * NULL-terminated, nullable. */
  char **matches;
  gboolean save_aliases;        /* the names of keys matched by a choice become aliases */
  CrkImportAggregate aggregate; /* how other frequencies make annual values */
} CrkImportOptions;

void crk_import_options_clear (CrkImportOptions *options);
/* @dest (its fields overwritten, not freed) becomes a deep copy of @src. */
void crk_import_options_copy (CrkImportOptions *dest, const CrkImportOptions *src);

/* Problems and notices of one import. */
typedef struct
{
  GPtrArray *problems; /* CrkProblem: errors; the import failed when there is one */
  GPtrArray *notices;  /* CrkProblem: what the user should know; the import went on */
} CrkImportReport;

CrkImportReport *crk_import_report_new (void);
void crk_import_report_free (CrkImportReport *report);
/* Adds an error / a notice at a line and column (0 unknown) of @file. */
void crk_import_report_error (CrkImportReport *report,
                              const char *file,
                              int line,
                              int column,
                              CrkImportError code,
                              const char *format,
                              ...) G_GNUC_PRINTF (6, 7);
void crk_import_report_notice (CrkImportReport *report,
                               const char *file,
                               int line,
                               int column,
                               const char *format,
                               ...) G_GNUC_PRINTF (5, 6);
/* The same, at a cell of a sheet: the problem's text starts "SHEET!CELL: " and its
 * line and column are 0, so it prints "FILE:SHEET!CELL: error: MESSAGE". */
void crk_import_report_cell_error (CrkImportReport *report,
                                   const char *file,
                                   const char *sheet,
                                   const char *cell,
                                   CrkImportError code,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (6, 7);
void crk_import_report_cell_notice (CrkImportReport *report,
                                    const char *file,
                                    const char *sheet,
                                    const char *cell,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (5, 6);
gboolean crk_import_report_failed (const CrkImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkImportReport, crk_import_report_free)

/* What a file looks like, for detecting its format from the content. */
typedef struct
{
  const char *path;
  const char *suffix; /* lower case with the dot (".xml"), "" when none */
  const guint8 *head; /* the first bytes (up to 64 KiB) */
  gsize head_length;
  const char *root_name;          /* the root element's local name, NULL when not XML */
  const char *root_ns;            /* its namespace URI, NULL when none */
  const char *const *zip_entries; /* the entry names of a zip, NULL when not a zip */
} CrkSniff;

typedef struct
{
  const char *id;                /* "sdmx-2.1", "xlsx" (the CLI's --format) */
  const char *name;              /* translatable, marked for gettext: "SDMX-ML 2.1 data" */
  const char *const *patterns;   /* file chooser and CLI: "*.xml", NULL-terminated */
  const char *const *mime_types; /* NULL-terminated, may be empty */
  /* How sure the importer is that the file is its own: 0 not, 100 certain (root element
   * and namespace, zip contents); 10 for a matching suffix alone. */
  int (*sniff) (const CrkSniff *sniff);
  /* Observation formats: streams the file to @sink. FALSE on failure (the reasons in
   * @report, or @error for I/O and cancellation). */
  gboolean (*read) (const char *path,
                    const CrkImportOptions *options,
                    CrkImportSink *sink,
                    CrkImportReport *report,
                    GCancellable *cancellable,
                    GError **error);
  /* Table formats: the sheets of the file, with their cells. */
  CrkSheetSet *(*read_sheets) (const char *path,
                               const CrkImportOptions *options,
                               CrkImportReport *report,
                               GCancellable *cancellable,
                               GError **error);
  /* Dataset formats: the dataset the file is; NULL on failure (the problems in @report,
   * or @error for I/O and cancellation). crk_import_file() streams its values. */
  CrkDataset *(*open) (const char *path,
                       const CrkImportOptions *options,
                       CrkImportReport *report,
                       GCancellable *cancellable,
                       GError **error);
} CrkImporter;

/* crk-importers.c: the registry. NULL-terminated, in the order formats are tried. */
const CrkImporter *const *crk_importers (void);
const CrkImporter *crk_importer_lookup (const char *id);
/* The importer of @path, from its content (then its suffix); NULL with @error when none. */
const CrkImporter *crk_import_detect (const char *path, GError **error);
/* Imports @path (with @importer, or the one detected) into @sink. Table formats go
 * through crk_table_extract(); dataset formats are opened and each value they hold is an
 * observation (the city's code, the indicator's code, the year). */
gboolean crk_import_file (const char *path,
                          const CrkImporter *importer,
                          const CrkImportOptions *options,
                          CrkImportSink *sink,
                          CrkImportReport *report,
                          GCancellable *cancellable,
                          GError **error);

/* crk-table-extract.c: the table in a sheet of @sheets (options->sheet, or the first
 * with a table), as observations. */
gboolean crk_table_extract (CrkSheetSet *sheets,
                            const char *file,
                            const CrkImportOptions *options,
                            CrkImportSink *sink,
                            CrkImportReport *report);

/* Is @text a missing-value marker: "", "..", "-", "–", "—", "n/a", "na", "NA", ":",
 * "[c]", "x", "#N/A", … or one of @extra? */
gboolean crk_import_is_missing (const char *text, const char *const *extra);

/* crk-import-progress.c: how far a long read is, for the thread that reads. The caller
 * (crk_open_file_async(), crk_import_preview_run_async()) sets a function for its worker
 * thread; the readers call crk_import_progress() every so often (bytes read of the file,
 * of a zip's parts, rows parsed), which costs nothing when no function is set. A span
 * maps the fractions of the work that follows into [@from, @to] of the current one (spans
 * nest: crk_import_file() gives reading a workbook's sheets 0-0.8, finding its table the
 * rest); fractions reported in a span outside [0, 1] are clamped. */
void crk_import_set_progress (CrkProgressFunc func, gpointer data);
void crk_import_progress (double fraction);
void crk_import_progress_push (double from, double to);
void crk_import_progress_pop (void);

G_END_DECLS
