/* crk-import-dataset-private.h: what the files of the import sink share (crk-import-dataset.c,
 * crk-import-place.c, crk-import-match.c, crk-import-into.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crk-dataset-rules.h"
#include "crk-import-dataset.h"

G_BEGIN_DECLS

/* Where an observation was: a file and a line and column, or a sheet and a cell. */
typedef struct
{
  guint32 file;           /* a string index */
  guint32 sheet;          /* a string index + 1; 0: a and b are the line and column */
  guint32 a;              /* the cell's row; 0: b is the string index of the cell's text */
  guint32 b : 31;         /* the cell's column (1-based) */
  guint32 aggregated : 1; /* a value made of sub-annual ones, at the first of them */
} Place;

typedef struct
{
  guint64 key; /* 0: empty */
  Place place;
} PlaceEntry;

/* Open addressing, a power of two in size, at most half full. */
typedef struct
{
  PlaceEntry *entries;
  gsize size;
  gsize n;
} PlaceTable;

typedef struct
{
  char *en;
  char *zh;
} Label;

/* Observations of one other frequency in the current file. */
typedef struct
{
  guint n;
  int first_year, first_sub, last_year, last_sub;
  char *first_text, *last_text;
  Place place;
} FrequencySeen;

#define N_FREQUENCIES (CRK_FREQUENCY_DAY + 1)
#define MAX_CODE_LENGTH 200
#define MAX_INDICATORS (1u << 20)
#define MAX_CITIES (1u << 29)
#define CHECK_EVERY 4096

struct _CrkImportDataset
{
  CrkImportSink sink; /* first: the sink's callbacks get the sink */
  CrkDataset *into;   /* nullable */
  gboolean replace;
  CrkDataset *staging;
  CrkImportReport *report; /* borrowed, for the current file */
  guint32 file;            /* the current file's string index */
  gboolean has_file;
  GPtrArray *strings; /* file, sheet and cell texts */
  GHashTable *string_index;
  PlaceTable places;
  GArray *city_places;    /* Place: where each staging city was first seen */
  GArray *unit_places;    /* Place: where each indicator's unit was first given */
  GArray *unit_conflicts; /* gboolean: a second unit of the indicator was reported */
  GHashTable *labels;     /* "ROLE\x1fCODE" → Label */
  FrequencySeen seen[N_FREQUENCIES];
  guint64 n_values;
  guint64 n_missing;
  gboolean stopped;
  gboolean finished;
  /* the user's choices */
  char **matches;
  gboolean save_aliases;
  CrkImportAggregate aggregate;
  GArray *files; /* guint32: the string index of each file, in the order they came */
  GArray *subs;  /* SubValue: the observations of other frequencies held for aggregation */
  /* what the import found */
  GPtrArray *match_list; /* CrkImportMatch */
  GPtrArray *changes;    /* CrkImportChange */
  CrkImportSummary summary;
  /* what the keys are, from the files' shapes: countries (World Bank), or the city role's
   * field is an area dimension (SDMX REF_AREA), countries when its codes are ISO codes */
  gboolean shape_countries;
  gboolean shape_area;
  CrkUnitKind unit_kind; /* what a dataset format's file said it ranks; CITY: guess */
};

/* An observation of another frequency held for aggregation. */
typedef struct
{
  guint32 city, indicator;
  guint32 seq; /* the order it came in */
  gint16 year;
  guint16 sub;
  guint8 frequency;
  guint8 estimated;
  double value; /* NAN: missing */
  Place place;
} SubValue;

/* crk-import-place.c: texts */

/* @text with every run of blanks made one space and none at the ends; NULL when it is
 * empty, longer than a code may be, or holds what a dataset file cannot. */
char *_crk_import_clean_code (const char *text);
/* @text as a dataset file can hold it: invalid UTF-8, control characters (but tabs and
 * line breaks) and U+FFFE/U+FFFF become U+FFFD. NULL for NULL or an empty text. */
char *_crk_import_clean_text (const char *text);
/* @text for a message: at most 60 characters, control characters as U+FFFD. */
char *_crk_import_printable (const char *text);
gboolean _crk_import_is_chinese (const char *text);
char *_crk_import_format_number (double value);

/* crk-import-place.c: places */

guint32 _crk_import_intern (CrkImportDataset *self, const char *text);
void _crk_import_make_place (CrkImportDataset *self, const CrkObservation *obs, Place *place);
/* "FILE:LINE:COLUMN" or "FILE:SHEET!CELL", for messages. */
char *_crk_import_place_to_string (CrkImportDataset *self, const Place *place);
/* An error (@notice FALSE) or a notice at @place, in self->report. */
void _crk_import_report_at (CrkImportDataset *self,
                            const Place *place,
                            gboolean notice,
                            CrkImportError code,
                            const char *format,
                            ...) G_GNUC_PRINTF (5, 6);
guint64 _crk_import_cell_key (guint city, guint indicator, int year);
PlaceEntry *_crk_import_place_slot (PlaceTable *t, guint64 key);
const Place *_crk_import_place_lookup (PlaceTable *t, guint64 key);
/* Makes room for one more entry; FALSE when the memory cannot be had. */
gboolean _crk_import_place_reserve (PlaceTable *t, char **message);

/* crk-import-dataset.c */

extern const char *const _crk_import_frequency_names[N_FREQUENCIES];

/* A status as the file gives it ("E", "P", …) as the value's. */
CrkValueStatus _crk_import_status_of (const char *status);

/* Holds @value in its cell of the staging dataset (the place of a value given twice is an
 * error); FALSE to stop (over the budget). */
gboolean _crk_import_set_cell (CrkImportDataset *self,
                               const Place *place,
                               guint city,
                               guint indicator,
                               int year,
                               double value,
                               CrkValueStatus status,
                               const char *note);

const Label *
_crk_import_lookup_label (CrkImportDataset *self, CrkImportRole role, const char *code);
void _crk_import_name_from_labels (CrkImportDataset *self);
/* A framework root for @dataset: "INDEX", or "INDEX_2"… when an indicator has that code. */
CrkFrameworkNode *_crk_import_new_root (CrkDataset *dataset);
void _crk_import_append_leaf (CrkFrameworkNode *root, CrkIndicator *indicator);
void _crk_import_locate_rule (CrkRuleSubject what,
                              const char *code,
                              const char *detail,
                              const char **file,
                              int *line,
                              int *column,
                              gpointer data);

/* An error or notice about the import as a whole: at its last file (without a place). */
void _crk_import_report_general (CrkImportDataset *self,
                                 gboolean notice,
                                 CrkImportError code,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (4, 5);

/* crk-import-match.c */

/* Maps every staging city to a city of the open dataset (@map, G_MAXUINT for a key left
 * out), with the user's choices; fills self->match_list. Every key that matches none,
 * several, or a city that another key matched, and every bad choice, is an error (none
 * is reported when @quiet). FALSE on an error. */
gboolean _crk_import_match_cities (CrkImportDataset *self, GArray *map, gboolean quiet);
/* Without a dataset to add into: any matching choice is an error. */
gboolean _crk_import_check_no_choices (CrkImportDataset *self);
/* The names of the keys matched by a choice saved as aliases of their cities. */
void _crk_import_save_aliases (CrkImportDataset *self);
void _crk_import_match_free (gpointer match);

/* crk-import-into.c */

/* @failed: the import failed already; the matches and counts are made all the same,
 * without reporting more. */
CrkDataset *
_crk_import_finish_into (CrkImportDataset *self, CrkImportReport *report, gboolean failed);

/* crk-import-aggregate.c */

/* Holds an observation of another frequency for aggregation (@city and @indicator
 * resolved); FALSE to stop (over the budget). */
gboolean _crk_import_hold_sub (CrkImportDataset *self,
                               const CrkObservation *obs,
                               const Place *place,
                               guint city,
                               guint indicator,
                               CrkFrequency frequency,
                               int year,
                               int sub);
/* Makes the annual values of what was held, with its notices. */
void _crk_import_aggregate (CrkImportDataset *self);

G_END_DECLS
