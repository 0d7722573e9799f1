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
  guint32 file;  /* a string index */
  guint32 sheet; /* a string index + 1; 0: a and b are the line and column */
  guint32 a;     /* the cell's row; 0: b is the string index of the cell's text */
  guint32 b;     /* the cell's column (1-based) */
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
  gboolean stopped;
};

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

guint32 _crk_import_intern (CrkImportDataset *self,
                            const char *text);
void _crk_import_make_place (CrkImportDataset *self,
                             const CrkObservation *obs,
                             Place *place);
/* "FILE:LINE:COLUMN" or "FILE:SHEET!CELL", for messages. */
char *_crk_import_place_to_string (CrkImportDataset *self,
                                   const Place *place);
/* An error (@notice FALSE) or a notice at @place, in self->report. */
void _crk_import_report_at (CrkImportDataset *self,
                            const Place *place,
                            gboolean notice,
                            CrkImportError code,
                            const char *format,
                            ...) G_GNUC_PRINTF (5, 6);
guint64 _crk_import_cell_key (guint city,
                              guint indicator,
                              int year);
PlaceEntry *_crk_import_place_slot (PlaceTable *t,
                                    guint64 key);
const Place *_crk_import_place_lookup (PlaceTable *t,
                                       guint64 key);
/* Makes room for one more entry; FALSE when the memory cannot be had. */
gboolean _crk_import_place_reserve (PlaceTable *t,
                                    char **message);

/* crk-import-dataset.c */

const Label *_crk_import_lookup_label (CrkImportDataset *self,
                                       CrkImportRole role,
                                       const char *code);
void _crk_import_name_from_labels (CrkImportDataset *self);
/* A framework root for @dataset: "INDEX", or "INDEX_2"… when an indicator has that code. */
CrkFrameworkNode *_crk_import_new_root (CrkDataset *dataset);
void _crk_import_append_leaf (CrkFrameworkNode *root,
                              CrkIndicator *indicator);
void _crk_import_locate_rule (CrkRuleSubject what,
                              const char *code,
                              const char *detail,
                              const char **file,
                              int *line,
                              int *column,
                              gpointer data);

/* crk-import-match.c */

/* Maps every staging city to a city of the open dataset (@map); every key that matches
 * none, several, or a city that another key matched is an error. */
gboolean _crk_import_match_cities (CrkImportDataset *self,
                                   GArray *map);

/* crk-import-into.c */

CrkDataset *_crk_import_finish_into (CrkImportDataset *self,
                                     CrkImportReport *report);

G_END_DECLS
