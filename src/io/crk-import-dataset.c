/* crk-import-dataset.c: the sink that turns imported observations into a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The observations are gathered into a staging dataset (cities named by the file's keys),
 * with the place of every value in a compact table (to name both places of a value given
 * twice, and where a refused change comes from). A new dataset is the staging dataset
 * with names and a framework; adding into an open dataset matches the staging cities to
 * the open one's and copies the values across, in two passes: the first finds every
 * problem, the second changes the dataset only when there is none.
 */
#define G_LOG_DOMAIN "crk-import-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-dataset-rules.h"
#include "crk-import-dataset.h"
#include "crk-io-limits.h"

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

/* Texts */

/* @text with every run of blanks made one space and none at the ends; NULL when it is
 * empty, longer than a code may be, or holds what a dataset file cannot. */
static char *
clean_code (const char *text)
{
  GString *s;
  gboolean blank = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          blank = s->len > 0;
          continue;
        }
      if (c < 0x20 || c == 0xfffe || c == 0xffff)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      if (blank)
        g_string_append_c (s, ' ');
      blank = FALSE;
      g_string_append_unichar (s, c);
    }
  if (s->len == 0 || g_utf8_strlen (s->str, -1) > MAX_CODE_LENGTH)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* @text as a dataset file can hold it: invalid UTF-8, control characters (but tabs and
 * line breaks) and U+FFFE/U+FFFF become U+FFFD. NULL for NULL or an empty text. */
static char *
clean_text (const char *text)
{
  GString *s;
  const char *p, *end;

  if (text == NULL || *text == '\0')
    return NULL;
  s = g_string_new (NULL);
  for (p = text; *p != '\0'; p = end)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (s, "\xef\xbf\xbd");
          end = p + 1;
          continue;
        }
      end = g_utf8_next_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append (s, "\xef\xbf\xbd");
      else
        g_string_append_len (s, p, end - p);
    }
  return g_string_free (s, FALSE);
}

/* @text for a message: at most 60 characters, control characters as U+FFFD. */
static char *
printable (const char *text)
{
  g_autofree char *clean = clean_text (text);
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = clean != NULL ? clean : ""; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 60)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, c < 0x20 ? 0xfffd : c);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_chinese (const char *text)
{
  gboolean han = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        han = TRUE;
      else if (c < 0x80 && g_ascii_isalpha ((char) c))
        return FALSE;
    }
  return han;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* Places */

static guint32
intern (CrkImportDataset *self,
        const char *text)
{
  gpointer index;

  if (g_hash_table_lookup_extended (self->string_index, text, NULL, &index))
    return GPOINTER_TO_UINT (index);
  g_ptr_array_add (self->strings, g_strdup (text));
  g_hash_table_insert (self->string_index, g_ptr_array_index (self->strings, self->strings->len - 1),
                       GUINT_TO_POINTER (self->strings->len - 1));
  return self->strings->len - 1;
}

/* "B7" as row 7, column 2; FALSE when it is not such a reference. */
static gboolean
parse_cell (const char *cell,
            guint32 *row,
            guint32 *column)
{
  guint64 c = 0, r = 0;
  const char *p = cell;

  for (; g_ascii_isalpha (*p) && p - cell < 3; p++)
    c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (p == cell || !g_ascii_isdigit (*p) || *p == '0')
    return FALSE;
  for (; g_ascii_isdigit (*p) && r < G_MAXUINT32 / 10; p++)
    r = r * 10 + (guint64) (*p - '0');
  if (*p != '\0')
    return FALSE;
  *row = (guint32) r;
  *column = (guint32) c;
  return TRUE;
}

static void
make_place (CrkImportDataset *self,
            const CrkObservation *obs,
            Place *place)
{
  place->file = self->file;
  if (obs->sheet != NULL || obs->cell != NULL)
    {
      place->sheet = intern (self, obs->sheet != NULL ? obs->sheet : "") + 1;
      if (!parse_cell (obs->cell != NULL ? obs->cell : "", &place->a, &place->b))
        {
          place->a = 0;
          place->b = intern (self, obs->cell != NULL ? obs->cell : "");
        }
    }
  else
    {
      place->sheet = 0;
      place->a = (guint32) MAX (obs->line, 0);
      place->b = (guint32) MAX (obs->column, 0);
    }
}

/* The cell text of a sheet place. */
static char *
place_cell (CrkImportDataset *self,
            const Place *place)
{
  char letters[8];
  int n = 0;

  if (place->a == 0)
    return g_strdup (g_ptr_array_index (self->strings, place->b));
  for (guint32 c = place->b; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  letters[n] = '\0';
  g_strreverse (letters);
  return g_strdup_printf ("%s%u", letters, place->a);
}

/* "FILE:LINE:COLUMN" or "FILE:SHEET!CELL", for messages. */
static char *
place_to_string (CrkImportDataset *self,
                 const Place *place)
{
  const char *file = g_ptr_array_index (self->strings, place->file);
  g_autofree char *cell = NULL;

  if (place->sheet > 0)
    {
      cell = place_cell (self, place);
      return g_strdup_printf ("%s:%s!%s", file, (char *) g_ptr_array_index (self->strings, place->sheet - 1), cell);
    }
  if (place->a > 0 && place->b > 0)
    return g_strdup_printf ("%s:%u:%u", file, place->a, place->b);
  if (place->a > 0)
    return g_strdup_printf ("%s:%u", file, place->a);
  return g_strdup (file);
}

static void
report_at (CrkImportDataset *self,
           const Place *place,
           gboolean notice,
           CrkImportError code,
           const char *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
report_at (CrkImportDataset *self,
           const Place *place,
           gboolean notice,
           CrkImportError code,
           const char *format,
           ...)
{
  const char *file = g_ptr_array_index (self->strings, place->file);
  g_autofree char *message = NULL;
  va_list args;

  if (self->report == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (place->sheet > 0)
    {
      const char *sheet = g_ptr_array_index (self->strings, place->sheet - 1);
      g_autofree char *cell = place_cell (self, place);

      if (notice)
        crk_import_report_cell_notice (self->report, file, sheet, cell, "%s", message);
      else
        crk_import_report_cell_error (self->report, file, sheet, cell, code, "%s", message);
    }
  else if (notice)
    crk_import_report_notice (self->report, file, (int) MIN (place->a, G_MAXINT), (int) MIN (place->b, G_MAXINT), "%s", message);
  else
    crk_import_report_error (self->report, file, (int) MIN (place->a, G_MAXINT), (int) MIN (place->b, G_MAXINT), code, "%s", message);
}

static guint64
cell_key (guint city,
          guint indicator,
          int year)
{
  return ((guint64) city << 34) | ((guint64) indicator << 14) | (guint64) year;
}

static PlaceEntry *
place_slot (PlaceTable *t,
            guint64 key)
{
  gsize mask = t->size - 1;
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 20) & mask;

  while (t->entries[i].key != 0 && t->entries[i].key != key)
    i = (i + 1) & mask;
  return &t->entries[i];
}

static const Place *
place_lookup (PlaceTable *t,
              guint64 key)
{
  PlaceEntry *e;

  if (t->size == 0)
    return NULL;
  e = place_slot (t, key);
  return e->key == key ? &e->place : NULL;
}

/* Makes room for one more entry; FALSE when the memory cannot be had. */
static gboolean
place_reserve (PlaceTable *t,
               char **message)
{
  gsize size = t->size == 0 ? 1024 : t->size * 2;
  PlaceEntry *old = t->entries, *entries;
  gsize old_size = t->size;

  if ((t->n + 1) * 2 <= t->size)
    return TRUE;
  if (!crk_io_check_memory ((guint64) size * sizeof (PlaceEntry) + (guint64) t->n * CRK_STORED_VALUE_BYTES,
                            _ ("Importing the values"), message))
    return FALSE;
  entries = g_try_malloc0_n (size, sizeof (PlaceEntry));
  if (entries == NULL)
    {
      *message = g_strdup (_ ("out of memory holding the places of the values"));
      return FALSE;
    }
  t->entries = entries;
  t->size = size;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != 0)
      *place_slot (t, old[i].key) = old[i];
  g_free (old);
  return TRUE;
}

/* Labels */

static char *
label_key (CrkImportRole role,
           const char *code)
{
  return g_strdup_printf ("%d\x1f%s", (int) role, code);
}

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->en);
  g_free (label->zh);
  g_free (label);
}

static void
on_label (CrkImportSink *sink,
          CrkImportRole role,
          const char *code,
          const char *name,
          const char *lang)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;
  g_autofree char *clean = clean_code (code);
  g_autofree char *text = clean_text (name);
  Label *label;
  char *key;
  gboolean zh;

  if (clean == NULL || text == NULL || (role != CRK_IMPORT_ROLE_CITY && role != CRK_IMPORT_ROLE_INDICATOR))
    return;
  key = label_key (role, clean);
  label = g_hash_table_lookup (self->labels, key);
  if (label == NULL)
    {
      label = g_new0 (Label, 1);
      g_hash_table_insert (self->labels, key, label);
    }
  else
    g_free (key);
  zh = lang != NULL ? g_str_has_prefix (lang, "zh") : is_chinese (text);
  if (lang != NULL && !zh && !g_str_has_prefix (lang, "en") && (label->en != NULL || is_chinese (text)))
    return; /* another language: only when there is no English name */
  if (zh)
    g_free (label->zh), label->zh = g_steal_pointer (&text);
  else
    g_free (label->en), label->en = g_steal_pointer (&text);
}

static const Label *
lookup_label (CrkImportDataset *self,
              CrkImportRole role,
              const char *code)
{
  g_autofree char *key = label_key (role, code);

  return g_hash_table_lookup (self->labels, key);
}

/* Observations */

static const char *const frequency_names[N_FREQUENCIES] = {
  NULL,
  NULL,
  N_ ("half-yearly"),
  N_ ("quarterly"),
  N_ ("monthly"),
  N_ ("weekly"),
  N_ ("daily"),
};

static void
note_frequency (CrkImportDataset *self,
                CrkFrequency frequency,
                const char *period,
                int year,
                int sub,
                const Place *place)
{
  FrequencySeen *f = &self->seen[frequency];

  if (f->n == 0)
    {
      f->place = *place;
      f->first_year = f->last_year = year;
      f->first_sub = f->last_sub = sub;
      f->first_text = g_strdup (period);
      f->last_text = g_strdup (period);
    }
  else if (year < f->first_year || (year == f->first_year && sub < f->first_sub))
    {
      f->first_year = year, f->first_sub = sub;
      g_free (f->first_text), f->first_text = g_strdup (period);
    }
  else if (year > f->last_year || (year == f->last_year && sub > f->last_sub))
    {
      f->last_year = year, f->last_sub = sub;
      g_free (f->last_text), f->last_text = g_strdup (period);
    }
  if (f->n < G_MAXUINT)
    f->n++;
}

/* The staging city of @obs's key, added when new; G_MAXUINT when refused. */
static guint
resolve_city (CrkImportDataset *self,
              const CrkObservation *obs,
              const Place *place)
{
  g_autofree char *code = clean_code (obs->key);
  g_autofree char *message = NULL;
  g_autoptr (CrkCity) city = NULL;
  CrkCity *found;
  guint n;

  if (code == NULL)
    {
      g_autofree char *shown = printable (obs->key);

      report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                 _ ("the city key “%s” is empty, longer than 200 characters or holds control characters"), shown);
      return G_MAXUINT;
    }
  found = crk_dataset_lookup_city (self->staging, code);
  if (found != NULL)
    return crk_city_get_index (found);
  n = crk_dataset_get_n_cities (self->staging) + 1;
  if (n > MAX_CITIES || !crk_io_check_grid (n, MAX (crk_dataset_get_n_indicators (self->staging), 1), &message))
    {
      report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                 message != NULL ? message : _ ("too many cities"));
      self->stopped = TRUE;
      return G_MAXUINT;
    }
  city = crk_city_new (code, NULL);
  crk_dataset_add_city (self->staging, city);
  g_array_append_val (self->city_places, *place);
  return n - 1;
}

/* The staging indicator of @obs, added when new, with the unit checked; G_MAXUINT when
 * refused. */
static guint
resolve_indicator (CrkImportDataset *self,
                   const CrkObservation *obs,
                   const Place *place)
{
  g_autofree char *code = clean_code (obs->indicator);
  g_autofree char *unit = clean_text (obs->unit);
  g_autofree char *message = NULL;
  CrkIndicator *indicator;
  guint index;

  if (code == NULL)
    {
      g_autofree char *shown = printable (obs->indicator);

      report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                 _ ("the indicator “%s” is empty, longer than 200 characters or holds control characters"), shown);
      return G_MAXUINT;
    }
  indicator = crk_dataset_lookup_indicator (self->staging, code);
  if (indicator == NULL)
    {
      g_autoptr (CrkIndicator) added = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);
      guint n = crk_dataset_get_n_indicators (self->staging) + 1;
      gboolean no = FALSE;

      if (n > MAX_INDICATORS || !crk_io_check_grid (MAX (crk_dataset_get_n_cities (self->staging), 1), n, &message))
        {
          report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s",
                     message != NULL ? message : _ ("too many indicators"));
          self->stopped = TRUE;
          return G_MAXUINT;
        }
      crk_dataset_add_indicator (self->staging, added);
      indicator = added;
      g_array_append_val (self->unit_places, *place);
      g_array_append_val (self->unit_conflicts, no);
    }
  index = crk_indicator_get_index (indicator);
  if (unit == NULL)
    return index;
  if (crk_indicator_get_unit (indicator) == NULL)
    {
      crk_indicator_set_unit (indicator, unit);
      g_array_index (self->unit_places, Place, index) = *place;
    }
  else if (!g_str_equal (crk_indicator_get_unit (indicator), unit) && !g_array_index (self->unit_conflicts, gboolean, index))
    {
      g_autofree char *first = place_to_string (self, &g_array_index (self->unit_places, Place, index));

      g_array_index (self->unit_conflicts, gboolean, index) = TRUE;
      report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                 _ ("the indicator “%s” is in “%s” here and in “%s” at %s; one indicator takes one unit"),
                 code, unit, crk_indicator_get_unit (indicator), first);
      return G_MAXUINT;
    }
  return index;
}

static CrkValueStatus
status_of (const char *status)
{
  static const char *const estimated[] = {"E", "P", "estimated", "estimate", "provisional", "preliminary"};

  if (status == NULL)
    return CRK_VALUE_STATUS_OBSERVED;
  for (guint i = 0; i < G_N_ELEMENTS (estimated); i++)
    if (g_ascii_strcasecmp (status, estimated[i]) == 0)
      return CRK_VALUE_STATUS_ESTIMATED;
  return CRK_VALUE_STATUS_OBSERVED;
}

/* Holds the value of @obs in its cell; FALSE to stop (over the budget). */
static gboolean
set_cell (CrkImportDataset *self,
          const CrkObservation *obs,
          const Place *place,
          guint city,
          guint indicator,
          int year)
{
  guint64 key = cell_key (city, indicator, year);
  const Place *first = place_lookup (&self->places, key);
  g_autofree char *message = NULL;
  guint year_index;

  if (first != NULL)
    {
      g_autofree char *where = place_to_string (self, first);

      report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                 _ ("a second value of “%s” for “%s” in %d; the first is at %s"),
                 crk_indicator_get_code (crk_dataset_get_indicator (self->staging, indicator)),
                 crk_city_get_code (crk_dataset_get_city (self->staging, city)), year, where);
      return TRUE;
    }
  if (!place_reserve (&self->places, &message) || (++self->n_values % CHECK_EVERY == 0 && !crk_io_check_memory (self->n_values * CRK_STORED_VALUE_BYTES + self->places.size * sizeof (PlaceEntry), _ ("Importing the values"), &message)))
    {
      report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      self->stopped = TRUE;
      return FALSE;
    }
  *place_slot (&self->places, key) = (PlaceEntry){key, *place};
  self->places.n++;
  year_index = crk_dataset_add_year (self->staging, year);
  if (!crk_dataset_try_set_value (self->staging, city, indicator, year_index, obs->value, status_of (obs->status), NULL))
    {
      report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", _ ("out of memory holding the values"));
      self->stopped = TRUE;
      return FALSE;
    }
  if (obs->note != NULL && *obs->note != '\0')
    {
      g_autofree char *note = clean_text (obs->note);

      crk_dataset_set_value_note (self->staging, city, indicator, year_index, note);
    }
  return TRUE;
}

static gboolean
on_observation (CrkImportSink *sink,
                const CrkObservation *obs)
{
  CrkImportDataset *self = (CrkImportDataset *) sink;
  CrkFrequency frequency;
  int year, sub;
  guint city, indicator;
  Place place;

  if (self->stopped || !self->has_file)
    return FALSE;
  make_place (self, obs, &place);
  if (!crk_period_parse (obs->period, &frequency, &year, &sub))
    {
      g_autofree char *shown = printable (obs->period);

      report_at (self, &place, FALSE, CRK_IMPORT_ERROR_INVALID, _ ("“%s” is not a period"), shown);
      return TRUE;
    }
  if (frequency != CRK_FREQUENCY_ANNUAL)
    {
      if (frequency < N_FREQUENCIES && frequency_names[frequency] != NULL)
        note_frequency (self, frequency, obs->period, year, sub, &place);
      return TRUE;
    }
  if (year > 9999)
    return TRUE; /* crk_period_parse() takes four digits */
  city = resolve_city (self, obs, &place);
  indicator = city != G_MAXUINT ? resolve_indicator (self, obs, &place) : G_MAXUINT;
  if (city == G_MAXUINT || indicator == G_MAXUINT)
    return !self->stopped;
  /* The year is the file's even when this value is missing. */
  crk_dataset_add_year (self->staging, year);
  if (isnan (obs->value))
    return TRUE;
  return set_cell (self, obs, &place, city, indicator, year);
}

/* The sink */

CrkImportDataset *
crk_import_dataset_new (CrkDataset *into,
                        gboolean replace)
{
  CrkImportDataset *self = g_new0 (CrkImportDataset, 1);

  g_return_val_if_fail (into == NULL || CRK_IS_DATASET (into), NULL);
  self->sink.observation = on_observation;
  self->sink.label = on_label;
  self->into = into != NULL ? g_object_ref (into) : NULL;
  self->replace = replace;
  self->staging = crk_dataset_new ();
  crk_dataset_begin_bulk (self->staging);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->string_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->city_places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->unit_places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->unit_conflicts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);
  return self;
}

static void
clear_seen (CrkImportDataset *self)
{
  for (guint i = 0; i < N_FREQUENCIES; i++)
    {
      g_free (self->seen[i].first_text);
      g_free (self->seen[i].last_text);
      memset (&self->seen[i], 0, sizeof self->seen[i]);
    }
}

void
crk_import_dataset_free (CrkImportDataset *self)
{
  if (self == NULL)
    return;
  clear_seen (self);
  g_clear_object (&self->into);
  g_clear_object (&self->staging);
  g_hash_table_unref (self->string_index);
  g_ptr_array_unref (self->strings);
  g_free (self->places.entries);
  g_array_unref (self->city_places);
  g_array_unref (self->unit_places);
  g_array_unref (self->unit_conflicts);
  g_hash_table_unref (self->labels);
  g_free (self);
}

CrkImportSink *
crk_import_dataset_get_sink (CrkImportDataset *self)
{
  return &self->sink;
}

guint64
crk_import_dataset_get_n_values (CrkImportDataset *self)
{
  return self->n_values;
}

void
crk_import_dataset_begin_file (CrkImportDataset *self,
                               const char *file,
                               CrkImportReport *report)
{
  clear_seen (self);
  self->file = intern (self, file != NULL ? file : "");
  self->has_file = TRUE;
  self->report = report;
}

void
crk_import_dataset_end_file (CrkImportDataset *self)
{
  for (guint i = 0; i < N_FREQUENCIES; i++)
    {
      FrequencySeen *f = &self->seen[i];

      if (f->n == 0)
        continue;
      /* TRANSLATORS: "12 quarterly observations (2020-Q1 … 2021-Q4); …"; the second %s is a
       * frequency (quarterly, monthly…) */
      report_at (self, &f->place, FALSE, CRK_IMPORT_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%u %s observation (%s … %s); the dataset takes annual data",
                              "%u %s observations (%s … %s); the dataset takes annual data", f->n),
                 f->n, _ (frequency_names[i]), f->first_text, f->last_text);
    }
  clear_seen (self);
  self->has_file = FALSE;
}

/* Finishing */

static void
locate_rule (CrkRuleSubject what,
             const char *code,
             const char *detail,
             const char **file,
             int *line,
             int *column,
             gpointer data)
{
  CrkImportDataset *self = data;

  if (self->strings->len > 0)
    *file = g_ptr_array_index (self->strings, self->file);
}

static void
name_from_labels (CrkImportDataset *self)
{
  for (guint i = 0; i < crk_dataset_get_n_cities (self->staging); i++)
    {
      CrkCity *city = crk_dataset_get_city (self->staging, i);
      const Label *label = lookup_label (self, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city));

      if (label != NULL)
        {
          crk_city_set_name (city, label->en);
          crk_city_set_name_zh (city, label->zh);
        }
    }
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (self->staging, i);
      const Label *label = lookup_label (self, CRK_IMPORT_ROLE_INDICATOR, crk_indicator_get_code (indicator));

      if (label != NULL)
        {
          crk_indicator_set_name (indicator, label->en);
          crk_indicator_set_name_zh (indicator, label->zh);
        }
    }
}

/* A framework root for @dataset: "INDEX", or "INDEX_2"… when an indicator has that code. */
static CrkFrameworkNode *
new_root (CrkDataset *dataset)
{
  g_autofree char *code = g_strdup ("INDEX");

  for (guint i = 2; crk_dataset_lookup_indicator (dataset, code) != NULL; i++)
    {
      g_free (code);
      code = g_strdup_printf ("INDEX_%u", i);
    }
  return crk_framework_node_new (code, "Index");
}

static void
append_leaf (CrkFrameworkNode *root,
             CrkIndicator *indicator)
{
  g_autoptr (CrkFrameworkNode) leaf = crk_framework_node_new (crk_indicator_get_code (indicator), NULL);

  crk_framework_node_set_weight (leaf, 1.0);
  crk_framework_node_append_child (root, leaf);
}

static CrkDataset *
finish_new (CrkImportDataset *self,
            CrkImportReport *report)
{
  g_autoptr (CrkFrameworkNode) root = NULL;

  crk_dataset_end_bulk (self->staging);
  if (crk_dataset_get_n_indicators (self->staging) == 0 || crk_dataset_get_n_cities (self->staging) == 0)
    {
      Place place = {self->file, 0, 0, 0};

      if (self->strings->len > 0)
        report_at (self, &place, FALSE, CRK_IMPORT_ERROR_INVALID, "%s", _ ("no annual observation to import"));
      else
        crk_import_report_error (report, NULL, 0, 0, CRK_IMPORT_ERROR_INVALID, "%s", _ ("no annual observation to import"));
      return NULL;
    }
  name_from_labels (self);
  root = new_root (self->staging);
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    append_leaf (root, crk_dataset_get_indicator (self->staging, i));
  crk_dataset_set_framework (self->staging, root);
  if (!crk_dataset_check_rules (self->staging, locate_rule, self, report->problems))
    return NULL;
  crk_dataset_set_modified (self->staging, FALSE);
  return g_object_ref (self->staging);
}

/* Adding into an open dataset */

/* "Yichun / 伊春市 (YICHUN_HL)" */
static char *
describe_city (CrkCity *city)
{
  GString *s = g_string_new (NULL);

  if (crk_city_get_name (city) != NULL)
    g_string_append (s, crk_city_get_name (city));
  if (crk_city_get_name_zh (city) != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " / " : "", crk_city_get_name_zh (city));
  g_string_append_printf (s, s->len > 0 ? " (%s)" : "%s", crk_city_get_code (city));
  return g_string_free (s, FALSE);
}

/* A staging city's key, with its labels: "440300 (深圳市)". */
static char *
describe_key (CrkImportDataset *self,
              CrkCity *city,
              const Label *label)
{
  const char *code = crk_city_get_code (city);

  if (label == NULL)
    return g_strdup (code);
  if (label->en != NULL && label->zh != NULL)
    return g_strdup_printf ("%s (%s / %s)", code, label->en, label->zh);
  return g_strdup_printf ("%s (%s)", code, label->en != NULL ? label->en : label->zh);
}

/* Maps every staging city to a city of the open dataset (@map); every key that matches
 * none, several, or a city that another key matched is an error. */
static gboolean
match_cities (CrkImportDataset *self,
              GArray *map)
{
  g_autoptr (CrkCityMatcher) matcher = crk_city_matcher_new (self->into);
  g_autoptr (GHashTable) owner = g_hash_table_new (NULL, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; i < crk_dataset_get_n_cities (self->staging); i++)
    {
      CrkCity *city = crk_dataset_get_city (self->staging, i);
      const Label *label = lookup_label (self, CRK_IMPORT_ROLE_CITY, crk_city_get_code (city));
      const char *names[] = {label != NULL ? label->en : NULL, label != NULL ? label->zh : NULL, NULL};
      const char *const *list = names[0] != NULL ? names : names + 1;
      g_autoptr (GArray) found = crk_city_matcher_match (matcher, crk_city_get_code (city), list);
      g_autofree char *key = describe_key (self, city, label);
      const Place *place = &g_array_index (self->city_places, Place, i);
      guint target = found->len == 1 ? g_array_index (found, guint, 0) : G_MAXUINT;
      gpointer other;

      g_array_append_val (map, target);
      if (found->len == 0)
        report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID, _ ("no city of the dataset matches “%s”"), key);
      else if (found->len > 1)
        {
          GString *cities = g_string_new (NULL);

          for (guint j = 0; j < found->len; j++)
            {
              g_autofree char *d = describe_city (crk_dataset_get_city (self->into, g_array_index (found, guint, j)));

              g_string_append_printf (cities, "%s%s", j > 0 ? ", " : "", d);
            }
          report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                     _ ("“%s” matches %u cities of the dataset: %s"), key, found->len, cities->str);
          g_string_free (cities, TRUE);
        }
      else if (g_hash_table_lookup_extended (owner, GUINT_TO_POINTER (target), NULL, &other))
        {
          CrkCity *first = crk_dataset_get_city (self->staging, GPOINTER_TO_UINT (other));
          g_autofree char *d = describe_city (crk_dataset_get_city (self->into, target));

          report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                     _ ("“%s” and “%s” both match the city %s of the dataset"),
                     crk_city_get_code (first), key, d);
          g_array_index (map, guint, i) = G_MAXUINT;
        }
      else
        g_hash_table_insert (owner, GUINT_TO_POINTER (target), GUINT_TO_POINTER (i));
      ok = ok && g_array_index (map, guint, i) != G_MAXUINT;
    }
  return ok;
}

/* The units of the indicators the open dataset has already. */
static gboolean
check_units (CrkImportDataset *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (self->staging, i);
      CrkIndicator *target = crk_dataset_lookup_indicator (self->into, crk_indicator_get_code (indicator));
      const char *unit = crk_indicator_get_unit (indicator);

      if (target == NULL || unit == NULL || crk_indicator_get_unit (target) == NULL || g_str_equal (unit, crk_indicator_get_unit (target)))
        continue;
      report_at (self, &g_array_index (self->unit_places, Place, i), FALSE, CRK_IMPORT_ERROR_INVALID,
                 _ ("the indicator “%s” is in “%s” here and in “%s” in the dataset"),
                 crk_indicator_get_code (indicator), unit, crk_indicator_get_unit (target));
      ok = FALSE;
    }
  return ok;
}

typedef struct
{
  CrkImportDataset *self;
  GArray *map;
  gboolean apply; /* the second pass */
  gboolean ok;
} Merge;

static void
merge_value (guint city,
             guint indicator,
             guint year,
             double value,
             CrkValueStatus status,
             gboolean has_note,
             gpointer data)
{
  Merge *m = data;
  CrkImportDataset *self = m->self;
  CrkDataset *into = self->into;
  int y = crk_dataset_get_year (self->staging, year);
  CrkIndicator *staged = crk_dataset_get_indicator (self->staging, indicator);
  CrkIndicator *target = crk_dataset_lookup_indicator (into, crk_indicator_get_code (staged));
  guint tc = g_array_index (m->map, guint, city);
  int ty = crk_dataset_lookup_year (into, y);
  double old = target != NULL && ty >= 0 ? crk_dataset_get_value (into, tc, crk_indicator_get_index (target), (guint) ty) : NAN;
  const Place *place = place_lookup (&self->places, cell_key (city, indicator, y));
  Place none = {self->file, 0, 0, 0};
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  gboolean change = !isnan (old) && !isnan (value) && old != value;

  if (!m->ok || (!isnan (old) && !change))
    return;
  if (place == NULL)
    place = &none;
  if (change)
    {
      was = format_number (old);
      now = format_number (value);
    }
  if (!m->apply)
    {
      if (change && !self->replace)
        {
          report_at (self, place, FALSE, CRK_IMPORT_ERROR_INVALID,
                     _ ("refused: the value of “%s” for “%s” in %d would change from %s to %s"),
                     crk_indicator_get_code (staged), crk_city_get_code (crk_dataset_get_city (into, tc)), y, was, now);
        }
      return;
    }
  if (!crk_dataset_try_set_value (into, tc, crk_indicator_get_index (target), (guint) ty, value, status, NULL))
    {
      report_at (self, place, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", _ ("out of memory holding the values"));
      m->ok = FALSE;
      return;
    }
  crk_dataset_set_value_note (into, tc, crk_indicator_get_index (target), (guint) ty,
                              has_note ? crk_dataset_get_value_note (self->staging, city, indicator, year) : NULL);
  if (change)
    report_at (self, place, TRUE, CRK_IMPORT_ERROR_INVALID,
               _ ("the value of “%s” for “%s” in %d changed from %s to %s"),
               crk_indicator_get_code (staged), crk_city_get_code (crk_dataset_get_city (into, tc)), y, was, now);
}

/* Adds the new indicators (to the framework's root) and years to the open dataset. */
static gboolean
add_indicators_and_years (CrkImportDataset *self)
{
  CrkDataset *into = self->into;
  CrkFrameworkNode *root = crk_dataset_get_framework (into);
  guint n_new = 0;
  g_autofree char *message = NULL;
  Place none = {self->file, 0, 0, 0};

  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    if (crk_dataset_lookup_indicator (into, crk_indicator_get_code (crk_dataset_get_indicator (self->staging, i))) == NULL)
      n_new++;
  if (!crk_io_check_grid (crk_dataset_get_n_cities (into), crk_dataset_get_n_indicators (into) + n_new, &message))
    {
      report_at (self, &none, FALSE, CRK_IMPORT_ERROR_HOSTILE, "%s", message);
      return FALSE;
    }
  if (root == NULL)
    {
      g_autoptr (CrkFrameworkNode) index = new_root (into);

      for (guint i = 0; i < crk_dataset_get_n_indicators (into); i++)
        if (crk_indicator_get_kind (crk_dataset_get_indicator (into, i)) == CRK_INDICATOR_KIND_INDICATOR)
          append_leaf (index, crk_dataset_get_indicator (into, i));
      crk_dataset_set_framework (into, index);
      root = index;
    }
  for (guint i = 0; i < crk_dataset_get_n_indicators (self->staging); i++)
    {
      CrkIndicator *staged = crk_dataset_get_indicator (self->staging, i);
      CrkIndicator *target = crk_dataset_lookup_indicator (into, crk_indicator_get_code (staged));

      if (target == NULL)
        {
          g_autoptr (CrkIndicator) added = crk_indicator_new (crk_indicator_get_code (staged), CRK_INDICATOR_KIND_INDICATOR);

          crk_indicator_set_name (added, crk_indicator_get_name (staged));
          crk_indicator_set_name_zh (added, crk_indicator_get_name_zh (staged));
          crk_indicator_set_unit (added, crk_indicator_get_unit (staged));
          crk_dataset_add_indicator (into, added);
          append_leaf (crk_dataset_get_framework (into), added);
        }
      else if (crk_indicator_get_unit (target) == NULL && crk_indicator_get_unit (staged) != NULL)
        crk_indicator_set_unit (target, crk_indicator_get_unit (staged));
    }
  for (guint y = 0; y < crk_dataset_get_n_years (self->staging); y++)
    crk_dataset_add_year (into, crk_dataset_get_year (self->staging, y));
  return TRUE;
}

static CrkDataset *
finish_into (CrkImportDataset *self,
             CrkImportReport *report)
{
  g_autoptr (GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  Merge merge = {self, map, FALSE, TRUE};
  gboolean ok;

  crk_dataset_end_bulk (self->staging);
  name_from_labels (self);
  ok = match_cities (self, map);
  ok = check_units (self) && ok;
  if (!ok)
    return NULL;
  crk_dataset_foreach_value (self->staging, merge_value, &merge);
  if (crk_import_report_failed (report))
    return NULL;
  if (!add_indicators_and_years (self))
    return NULL;
  merge.apply = TRUE;
  crk_dataset_foreach_value (self->staging, merge_value, &merge);
  if (!merge.ok || !crk_dataset_check_rules (self->into, locate_rule, self, report->problems))
    return NULL;
  return g_object_ref (self->into);
}

CrkDataset *
crk_import_dataset_finish (CrkImportDataset *self,
                           CrkImportReport *report)
{
  g_return_val_if_fail (self != NULL && report != NULL, NULL);

  if (self->has_file)
    crk_import_dataset_end_file (self);
  self->report = report;
  if (crk_import_report_failed (report) || self->stopped)
    return NULL;
  return self->into != NULL ? finish_into (self, report) : finish_new (self, report);
}

/* Printing problems */

/* The length of the "SHEET!CELL: " that starts @message, 0 when none. */
static gsize
cell_prefix_length (const char *message)
{
  for (const char *bang = strchr (message, '!'); bang != NULL; bang = strchr (bang + 1, '!'))
    {
      const char *p = bang + 1;

      while (g_ascii_isalpha (*p))
        p++;
      if (p == bang + 1 || !g_ascii_isdigit (*p))
        continue;
      while (g_ascii_isdigit (*p))
        p++;
      if (p[0] == ':' && p[1] == ' ')
        return (gsize) (p + 2 - message);
    }
  return 0;
}

char *
crk_import_problem_to_string (const CrkProblem *problem,
                              const char *severity)
{
  GString *s = g_string_new (problem->file != NULL ? problem->file : "");
  const char *message = problem->message;
  gsize prefix = problem->line == 0 ? cell_prefix_length (message) : 0;

  if (prefix > 0)
    {
      g_string_append_c (s, ':');
      g_string_append_len (s, message, (gssize) prefix - 2);
      message += prefix;
    }
  else if (problem->line > 0)
    {
      g_string_append_printf (s, ":%d", problem->line);
      if (problem->column > 0)
        g_string_append_printf (s, ":%d", problem->column);
    }
  g_string_append_printf (s, ": %s: %s", severity, message);
  return g_string_free (s, FALSE);
}

/* Matching cities by name */

char *
crk_city_name_key (const char *name)
{
  static const char *const suffixes[] = {"自治州", "地区", "市", "盟", " city"};
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  char *key;
  gsize length;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  key = clean_code (folded);
  if (key == NULL)
    return NULL;
  length = strlen (key);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (length > n && g_str_has_suffix (key, suffixes[i]))
        {
          key[length - n] = '\0';
          break;
        }
    }
  return key;
}

struct _CrkCityMatcher
{
  CrkDataset *dataset;
  GHashTable *names; /* name key → GArray of guint city indices */
};

static void
index_name (CrkCityMatcher *self,
            const char *name,
            guint city)
{
  g_autofree char *key = crk_city_name_key (name);
  GArray *cities;

  if (key == NULL)
    return;
  cities = g_hash_table_lookup (self->names, key);
  if (cities == NULL)
    {
      cities = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->names, g_steal_pointer (&key), cities);
    }
  if (cities->len == 0 || g_array_index (cities, guint, cities->len - 1) != city)
    g_array_append_val (cities, city);
}

CrkCityMatcher *
crk_city_matcher_new (CrkDataset *dataset)
{
  CrkCityMatcher *self = g_new0 (CrkCityMatcher, 1);

  self->dataset = g_object_ref (dataset);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    {
      CrkCity *city = crk_dataset_get_city (dataset, i);

      index_name (self, crk_city_get_code (city), i);
      index_name (self, crk_city_get_name (city), i);
      index_name (self, crk_city_get_name_zh (city), i);
      index_name (self, crk_city_get_attribute (city, "pinyin"), i);
    }
  return self;
}

void
crk_city_matcher_free (CrkCityMatcher *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->dataset);
  g_hash_table_unref (self->names);
  g_free (self);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The cities of @a that are in @b too. */
static void
intersect (GArray *a,
           const GArray *b)
{
  guint n = 0;

  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_array_index (a, guint, i) == g_array_index (b, guint, j))
        {
          g_array_index (a, guint, n++) = g_array_index (a, guint, i);
          break;
        }
  g_array_set_size (a, n);
}

/* Every city a text names; the cities that all the texts name, when they agree on some
 * (伊春市 and Yichun: the one Yichun that is 伊春市); else all of them (ambiguous). */
GArray *
crk_city_matcher_match (CrkCityMatcher *self,
                        const char *code,
                        const char *const *names)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  CrkCity *city = code != NULL ? crk_dataset_lookup_city (self->dataset, code) : NULL;
  gboolean first = TRUE;

  if (city != NULL)
    {
      guint index = crk_city_get_index (city);

      g_array_append_val (found, index);
      return found;
    }
  for (int i = -1; names != NULL || i < 0; i++)
    {
      const char *text = i < 0 ? code : names[i];
      g_autofree char *key = NULL;
      GArray *cities;

      if (i >= 0 && text == NULL)
        break;
      key = crk_city_name_key (text);
      cities = key != NULL ? g_hash_table_lookup (self->names, key) : NULL;
      if (cities == NULL)
        continue;
      g_array_append_vals (all, cities->data, cities->len);
      if (first)
        g_array_append_vals (found, cities->data, cities->len);
      else
        intersect (found, cities);
      first = FALSE;
    }
  if (found->len == 0 && all->len > 0)
    g_array_append_vals (found, all->data, all->len);
  g_array_sort (found, compare_uint);
  for (guint i = 1; i < found->len;)
    if (g_array_index (found, guint, i) == g_array_index (found, guint, i - 1))
      g_array_remove_index (found, i);
    else
      i++;
  return found;
}
