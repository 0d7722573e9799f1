/* crk-cli-uncertainty.c: cityrank-cli uncertainty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-cli-uncertainty"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crk-cli.h"

#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-model.h"
#include "crk-uncertainty.h"

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

static gboolean
parse_uint (const char *text, guint *value)
{
  char *end = NULL;
  guint64 v;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || v > G_MAXUINT)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
parse_levels (CrkUncertainty *settings, const char *value)
{
  g_auto (GStrv) items = g_strsplit (value, ",", -1);
  g_autoptr (GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; items[i] != NULL; i++)
    {
      guint level;

      if (!parse_uint (g_strstrip (items[i]), &level) || level == 0)
        {
          crk_cli_error (
            _ ("bad framework level “%s” in “%s” (levels are numbered from 1, the indicators)"),
            items[i], value);
          return FALSE;
        }
      g_array_append_val (levels, level);
    }
  crk_uncertainty_set_levels (settings, (const guint *) (void *) levels->data, levels->len);
  return TRUE;
}

static gboolean
parse_number (const char *text, double *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

/* "minmax,zscore,rank", with parameters as rank takes them: "minmax:1,100,zscore:50,10". */
static gboolean
parse_normalisations (CrkUncertainty *settings, const char *value)
{
  g_auto (GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (items[i], ":", 2);
      CrkNormalisation mode;
      double p1 = 0, p2 = 100;

      if (!crk_normalisation_from_string (parts[0], &mode) || mode == CRK_NORMALISATION_INHERIT)
        {
          crk_cli_error (
            _ ("unknown normalisation “%s” (minmax[:L,H], zscore[:M,S], rank, prank or goalposts)"),
            items[i]);
          return FALSE;
        }
      if (mode == CRK_NORMALISATION_ZSCORE)
        {
          p1 = 0;
          p2 = 1;
        }
      if (parts[1] != NULL)
        {
          if ((mode != CRK_NORMALISATION_MINMAX && mode != CRK_NORMALISATION_ZSCORE) ||
              items[i + 1] == NULL || !parse_number (parts[1], &p1) ||
              !parse_number (items[i + 1], &p2) ||
              (mode == CRK_NORMALISATION_MINMAX && !(p2 > p1)) ||
              (mode == CRK_NORMALISATION_ZSCORE && !(p2 > 0)))
            {
              crk_cli_error (_ ("bad normalisation parameters in “%s”"), value);
              return FALSE;
            }
          i++;
        }
      crk_uncertainty_add_normalisation (settings, mode, p1, p2);
    }
  return TRUE;
}

static gboolean
parse_aggregations (CrkUncertainty *settings, const char *value)
{
  g_auto (GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      CrkAggregation mode;

      if (!crk_aggregation_from_string (items[i], &mode) || mode == CRK_AGGREGATION_INHERIT)
        {
          crk_cli_error (_ ("unknown aggregation “%s” (arithmetic, geometric, harmonic or topsis)"),
                         items[i]);
          return FALSE;
        }
      crk_uncertainty_add_aggregation (settings, mode);
    }
  return TRUE;
}

static gboolean
parse_winsorisations (CrkUncertainty *settings, const char *value)
{
  g_auto (GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      guint points;

      if (!parse_uint (items[i], &points))
        {
          crk_cli_error (_ ("bad number of winsorised points “%s”"), items[i]);
          return FALSE;
        }
      crk_uncertainty_add_winsorisation (settings, points);
    }
  return TRUE;
}

static gboolean
parse_imputations (CrkUncertainty *settings, const char *value)
{
  g_auto (GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (items[i], ":", 2);
      CrkImputation mode;
      gboolean grouped;

      if (!crk_imputation_from_string (parts[0], &mode))
        {
          crk_cli_error (
            _ (
              "unknown imputation “%s” (none, mean, median, group-mean:ATTR or group-median:ATTR)"),
            items[i]);
          return FALSE;
        }
      grouped = mode == CRK_IMPUTATION_GROUP_MEAN || mode == CRK_IMPUTATION_GROUP_MEDIAN;
      if (grouped != (parts[1] != NULL && *parts[1] != '\0'))
        {
          crk_cli_error (grouped ? _ ("“%s” needs a city attribute, e.g. group-mean:province")
                                 : _ ("“%s” takes no attribute"),
                         items[i]);
          return FALSE;
        }
      crk_uncertainty_add_imputation (settings, mode, grouped ? parts[1] : NULL);
    }
  return TRUE;
}

/* Output */

static void
append_number (GString *out, const char *format, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, value));
}

static void
append_json_number (GString *out, double value)
{
  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    append_number (out, "%.17g", value);
}

/* Pads @text on the left to @width terminal columns. */
static void
append_right (GString *out, const char *text, int width)
{
  int used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (int i = used; i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* City indices by nominal rank, cities not ranked last. */
static int
compare_cities (gconstpointer a, gconstpointer b, gpointer data)
{
  CrkUncertaintyResults *results = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint rx = crk_uncertainty_results_get_nominal_rank (results, x);
  guint ry = crk_uncertainty_results_get_nominal_rank (results, y);

  rx = rx == 0 ? G_MAXUINT : rx;
  ry = ry == 0 ? G_MAXUINT : ry;
  if (rx != ry)
    return rx < ry ? -1 : 1;
  return (x > y) - (x < y);
}

static void
print_csv (GString *out, CrkUncertaintyResults *results, const guint *order)
{
  CrkDataset *dataset = crk_uncertainty_results_get_dataset (results);
  guint n = crk_uncertainty_results_get_n_cities (results);

  g_string_append (out, "code,name,nominal_rank,median_rank,p05_rank,p95_rank,p_top,mean_shift\n");
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k], rank = crk_uncertainty_results_get_nominal_rank (results, i);
      CrkCity *city = crk_dataset_get_city (dataset, i);

      crk_csv_append_field (out, crk_city_get_code (city));
      g_string_append_c (out, ',');
      crk_csv_append_field (out, crk_city_get_display_name (city));
      g_string_append_c (out, ',');
      if (rank > 0)
        g_string_append_printf (out, "%u", rank);
      g_string_append_c (out, ',');
      append_number (out, "%.17g", crk_uncertainty_results_get_median_rank (results, i));
      g_string_append_c (out, ',');
      append_number (out, "%.17g", crk_uncertainty_results_get_lower_rank (results, i));
      g_string_append_c (out, ',');
      append_number (out, "%.17g", crk_uncertainty_results_get_upper_rank (results, i));
      g_string_append_c (out, ',');
      append_number (out, "%.17g", crk_uncertainty_results_get_top_probability (results, i));
      g_string_append_c (out, ',');
      append_number (out, "%.17g", crk_uncertainty_results_get_mean_shift (results, i));
      g_string_append_c (out, '\n');
    }
}

static void
print_json (GString *out,
            CrkUncertaintyResults *results,
            const guint *order,
            CrkUncertainty *settings)
{
  CrkDataset *dataset = crk_uncertainty_results_get_dataset (results);
  guint n = crk_uncertainty_results_get_n_cities (results), n_levels = 0;
  const guint *levels = crk_uncertainty_get_levels (settings, &n_levels);

  g_string_append_printf (
    out,
    "{\n  \"year\": %d,\n  \"runs\": %u,\n  \"completed\": %u,\n  \"failed\": %u,\n"
    "  \"seed\": %" G_GUINT64_FORMAT ",\n  \"factor\": ",
    crk_uncertainty_results_get_year (results), crk_uncertainty_results_get_n_runs (results),
    crk_uncertainty_results_get_n_completed (results),
    crk_uncertainty_results_get_n_failed (results), crk_uncertainty_results_get_seed (results));
  append_json_number (out, crk_uncertainty_results_get_factor (results));
  g_string_append (out, ",\n  \"levels\": [");
  for (guint l = 0; l < n_levels; l++)
    g_string_append_printf (out, "%s%u", l > 0 ? ", " : "", levels[l]);
  g_string_append_printf (
    out, "],\n  \"top\": %u,\n  \"mean_abs_shift\": ", crk_uncertainty_results_get_top (results));
  append_json_number (out, crk_uncertainty_results_get_mean_abs_shift (results));
  g_string_append (out, ",\n  \"cities\": [");
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k], rank = crk_uncertainty_results_get_nominal_rank (results, i);
      CrkCity *city = crk_dataset_get_city (dataset, i);

      g_string_append (out, k > 0 ? ",\n    {\"code\": " : "\n    {\"code\": ");
      crk_cli_append_json_string (out, crk_city_get_code (city));
      g_string_append (out, ", \"name\": ");
      crk_cli_append_json_string (out, crk_city_get_display_name (city));
      if (rank > 0)
        g_string_append_printf (out, ", \"nominal_rank\": %u", rank);
      else
        g_string_append (out, ", \"nominal_rank\": null");
      g_string_append (out, ", \"median_rank\": ");
      append_json_number (out, crk_uncertainty_results_get_median_rank (results, i));
      g_string_append (out, ", \"p05_rank\": ");
      append_json_number (out, crk_uncertainty_results_get_lower_rank (results, i));
      g_string_append (out, ", \"p95_rank\": ");
      append_json_number (out, crk_uncertainty_results_get_upper_rank (results, i));
      g_string_append (out, ", \"p_top\": ");
      append_json_number (out, crk_uncertainty_results_get_top_probability (results, i));
      g_string_append (out, ", \"mean_shift\": ");
      append_json_number (out, crk_uncertainty_results_get_mean_shift (results, i));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ]\n}\n");
}

static void
print_table (GString *out,
             CrkUncertaintyResults *results,
             const guint *order,
             CrkUncertainty *settings)
{
  CrkDataset *dataset = crk_uncertainty_results_get_dataset (results);
  guint n = crk_uncertainty_results_get_n_cities (results), n_levels = 0;
  const guint *levels = crk_uncertainty_get_levels (settings, &n_levels);
  CrkUncertaintyVary varied = crk_uncertainty_results_get_varied (results);
  g_autoptr (GString) what = g_string_new (NULL);
  g_autofree char *top = g_strdup_printf (_ ("Top %u"), crk_uncertainty_results_get_top (results));
  const char *headers[] = {_ ("Rank"), _ ("Median"), _ ("5%"), _ ("95%"), top, _ ("Shift")};
  const int widths[] = {5, 7, 6, 6, 7, 6};
  char buf[G_ASCII_DTOSTR_BUF_SIZE], seed[32];

  if (varied & CRK_UNCERTAINTY_VARY_WEIGHTS)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint l = 0; l < n_levels; l++)
        g_string_append_printf (list, "%s%u", l > 0 ? ", " : "", levels[l]);
      g_string_append_printf (what, _ ("weights of level %s ±%g%%"), list->str,
                              100 * crk_uncertainty_results_get_factor (results));
    }
  if (varied & CRK_UNCERTAINTY_VARY_NORMALISATION)
    g_string_append_printf (what, "%s%s", what->len > 0 ? ", " : "", _ ("normalisation"));
  if (varied & CRK_UNCERTAINTY_VARY_AGGREGATION)
    g_string_append_printf (what, "%s%s", what->len > 0 ? ", " : "", _ ("aggregation"));
  if (varied & CRK_UNCERTAINTY_VARY_WINSORISATION)
    g_string_append_printf (what, "%s%s", what->len > 0 ? ", " : "", _ ("winsorised points"));
  if (varied & CRK_UNCERTAINTY_VARY_IMPUTATION)
    g_string_append_printf (what, "%s%s", what->len > 0 ? ", " : "", _ ("imputation"));
  if (what->len == 0)
    g_string_append (what, _ ("nothing"));

  g_string_append_printf (out, "%s — %d\n", crk_dataset_get_display_title (dataset),
                          crk_uncertainty_results_get_year (results));
  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, crk_uncertainty_results_get_seed (results));
  g_string_append_printf (out, _ ("%u runs (seed %s), %u completed; varied: %s"),
                          crk_uncertainty_results_get_n_runs (results), seed,
                          crk_uncertainty_results_get_n_completed (results), what->str);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _ ("Mean absolute rank shift: %s"),
                          g_ascii_formatd (buf, sizeof buf, "%.2f",
                                           crk_uncertainty_results_get_mean_abs_shift (results)));
  g_string_append (out, "\n\n");

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      append_right (out, headers[c], widths[c]);
      g_string_append (out, "  ");
    }
  g_string_append_printf (
    out, "%s\n",
    crk_unit_kind_get_word (crk_dataset_get_unit_kind (dataset), CRK_UNIT_WORD_HEADER));

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k], rank = crk_uncertainty_results_get_nominal_rank (results, i);
      CrkCity *city = crk_dataset_get_city (dataset, i);
      double values[] = {
        crk_uncertainty_results_get_median_rank (results, i),
        crk_uncertainty_results_get_lower_rank (results, i),
        crk_uncertainty_results_get_upper_rank (results, i),
        crk_uncertainty_results_get_top_probability (results, i),
        crk_uncertainty_results_get_mean_shift (results, i),
      };
      const char *formats[] = {"%.1f", "%.1f", "%.1f", "%.3f", "%.2f"};
      g_autofree char *rank_text = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("–");

      append_right (out, rank_text, widths[0]);
      g_string_append (out, "  ");
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          append_right (
            out, isnan (values[c]) ? "–" : g_ascii_formatd (buf, sizeof buf, formats[c], values[c]),
            widths[c + 1]);
          g_string_append (out, "  ");
        }
      g_string_append_printf (out, "%s\n", crk_city_get_display_name (city));
    }
}

/* On a terminal only: "done/total" on one line of stderr, cleared at the end. */
static void
show_progress (guint done, guint total, gpointer data)
{
  fprintf (stderr, "\r%u/%u", done, total);
  if (done == total)
    fprintf (stderr, "\r%*s\r", 24, "");
  fflush (stderr);
}

/* What the command line says. */
typedef struct
{
  int year, runs, top, threads;
  gint64 seed;
  double factor;
  char *levels, *normalisations, *aggregations, *winsorisations, *imputations;
  char *format_name, *draws;
  char **files;
  Format format;
} UncertaintyArgs;

static void
uncertainty_args_clear (UncertaintyArgs *a)
{
  g_free (a->levels);
  g_free (a->normalisations);
  g_free (a->aggregations);
  g_free (a->winsorisations);
  g_free (a->imputations);
  g_free (a->format_name);
  g_free (a->draws);
  g_strfreev (a->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UncertaintyArgs, uncertainty_args_clear)

/* The option table: fills @a from the command line, which must end in one FILE. */
static gboolean
parse_uncertainty_command_line (UncertaintyArgs *a, int argc, char **argv)
{
  const GOptionEntry entries[] = {
    {"year", 0, 0, G_OPTION_ARG_INT, &a->year, N_ ("Year to compute (default: the latest)"),
     N_ ("YEAR")},
    {"runs", 0, 0, G_OPTION_ARG_INT, &a->runs, N_ ("Number of replications (default: 1000)"),
     N_ ("N")},
    {"seed", 0, 0, G_OPTION_ARG_INT64, &a->seed, N_ ("Seed of the random draws (default: 1)"),
     N_ ("SEED")},
    {"factor", 0, 0, G_OPTION_ARG_DOUBLE, &a->factor,
     N_ ("Weights vary uniformly within ±A of their value (default: 0.25)"), N_ ("A")},
    {"levels", 0, 0, G_OPTION_ARG_STRING, &a->levels,
     N_ ("Framework levels whose weights vary, 1 = indicators (default: 2)"), N_ ("L,…")},
    {"vary-normalisation", 0, 0, G_OPTION_ARG_STRING, &a->normalisations,
     N_ ("Normalisations to draw from: minmax[:L,H], zscore[:M,S], rank, prank, goalposts"),
     N_ ("MODE,…")},
    {"vary-aggregation", 0, 0, G_OPTION_ARG_STRING, &a->aggregations,
     N_ ("Aggregations to draw from: arithmetic, geometric, harmonic, topsis"), N_ ("MODE,…")},
    {"vary-winsorisation", 0, 0, G_OPTION_ARG_STRING, &a->winsorisations,
     N_ ("Numbers of winsorised points to draw from"), N_ ("N,…")},
    {"vary-imputation", 0, 0, G_OPTION_ARG_STRING, &a->imputations,
     N_ ("Imputations to draw from: none, mean, median, group-mean:ATTR, group-median:ATTR"),
     N_ ("MODE,…")},
    {"top", 0, 0, G_OPTION_ARG_INT, &a->top,
     N_ ("N of the probability of being in the top N (default: 10)"), N_ ("N")},
    {"threads", 0, 0, G_OPTION_ARG_INT, &a->threads,
     N_ ("Worker threads (default: one per processor)"), N_ ("N")},
    {"format", 0, 0, G_OPTION_ARG_STRING, &a->format_name, N_ ("table, csv or json"),
     N_ ("FORMAT")},
    {"draws", 0, 0, G_OPTION_ARG_FILENAME, &a->draws,
     N_ ("Write what each replication drew to this CSV file"), N_ ("FILE")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->files, NULL, NULL},
    {NULL}};
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE — Monte Carlo uncertainty of the ranks (FILE: a dataset file or "
                             "either CSV table of a pair)"));
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _ ("Each replication draws the weights of the chosen levels uniformly in "
       "[w(1-A), w(1+A)] and renormalises them, draws the chosen choices, and "
       "ranks again. Reported per city: nominal rank, median, 5th and 95th "
       "percentile ranks (R's quantile type 7), the probability of being in the "
       "top N and the mean absolute rank shift. CSV columns: code, name, "
       "nominal_rank, median_rank, p05_rank, p95_rank, p_top, mean_shift."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      crk_cli_error ("%s", error->message);
      return FALSE;
    }
  if (a->files == NULL || g_strv_length (a->files) != 1)
    {
      crk_cli_error ("%s", _ ("uncertainty takes one FILE"));
      return FALSE;
    }
  return TRUE;
}

/* --format and the numbers. */
static gboolean
check_uncertainty_args (UncertaintyArgs *a)
{
  if (a->format_name == NULL || g_str_equal (a->format_name, "table"))
    a->format = FORMAT_TABLE;
  else if (g_str_equal (a->format_name, "csv"))
    a->format = FORMAT_CSV;
  else if (g_str_equal (a->format_name, "json"))
    a->format = FORMAT_JSON;
  else
    {
      crk_cli_error (_ ("unknown format “%s” (table, csv or json)"), a->format_name);
      return FALSE;
    }
  if (a->runs < 1 || a->top < 1 || a->threads < 0 || a->seed < 0)
    {
      crk_cli_error ("%s",
                     _ ("--runs and --top must be at least 1, --threads and --seed not negative"));
      return FALSE;
    }
  if (!(a->factor >= 0 && a->factor < 1))
    {
      crk_cli_error (_ ("the factor must be at least 0 and below 1, not %g"), a->factor);
      return FALSE;
    }
  return TRUE;
}

/* The settings of the run from the options, the --vary-… lists parsed. */
static gboolean
configure_uncertainty (CrkUncertainty *settings, const UncertaintyArgs *a)
{
  crk_uncertainty_set_year (settings, a->year);
  crk_uncertainty_set_runs (settings, a->runs);
  crk_uncertainty_set_seed (settings, (guint64) a->seed);
  crk_uncertainty_set_factor (settings, a->factor);
  crk_uncertainty_set_top (settings, a->top);
  crk_uncertainty_set_n_threads (settings, a->threads);
  return (a->levels == NULL || parse_levels (settings, a->levels)) &&
    (a->normalisations == NULL || parse_normalisations (settings, a->normalisations)) &&
    (a->aggregations == NULL || parse_aggregations (settings, a->aggregations)) &&
    (a->winsorisations == NULL || parse_winsorisations (settings, a->winsorisations)) &&
    (a->imputations == NULL || parse_imputations (settings, a->imputations));
}

/* A warning on stderr when replications failed, with the first one's error. */
static void
warn_failed_runs (CrkUncertaintyResults *results)
{
  guint failed = crk_uncertainty_results_get_n_failed (results);

  for (guint r = 0; failed > 0 && r < crk_uncertainty_results_get_n_runs (results); r++)
    if (crk_uncertainty_results_get_draw_error (results, r) != NULL)
      {
        fprintf (stderr, "cityrank-cli: %s: ", _ ("warning"));
        fprintf (stderr,
                 _ ("%u of %u replications failed and are left out; the first (run %u): %s"),
                 failed, crk_uncertainty_results_get_n_runs (results), r + 1,
                 crk_uncertainty_results_get_draw_error (results, r));
        fputc ('\n', stderr);
        break;
      }
}

/* The cities in order (compare_cities) to stdout in the format asked. */
static void
print_uncertainty (CrkUncertaintyResults *results, CrkUncertainty *settings, Format format)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = crk_uncertainty_results_get_n_cities (results);
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_cities, results);

  if (format == FORMAT_CSV)
    print_csv (out, results, order);
  else if (format == FORMAT_JSON)
    print_json (out, results, order, settings);
  else
    print_table (out, results, order, settings);
  fwrite (out->str, 1, out->len, stdout);
}

int
crk_cli_uncertainty (int argc, char **argv)
{
  g_auto (UncertaintyArgs) a = {.runs = 1000, .top = 10, .seed = 1, .factor = 0.25};
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkUncertainty) settings = crk_uncertainty_new ();
  g_autoptr (CrkUncertaintyResults) results = NULL;

  if (!parse_uncertainty_command_line (&a, argc, argv) || !check_uncertainty_args (&a) ||
      !configure_uncertainty (settings, &a))
    return CRK_CLI_EXIT_USAGE;

  dataset = crk_cli_load_dataset (a.files[0]);
  if (dataset == NULL)
    return CRK_CLI_EXIT_FAILED;

  results = crk_uncertainty_run (settings, dataset, isatty (STDERR_FILENO) ? show_progress : NULL,
                                 NULL, NULL, &error);
  if (results == NULL)
    {
      crk_cli_error ("%s: %s", a.files[0], error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  warn_failed_runs (results);

  if (a.draws != NULL)
    {
      g_autofree char *csv = crk_uncertainty_results_format_draws_csv (results);

      if (!g_file_set_contents (a.draws, csv, -1, &error))
        {
          crk_cli_error ("%s", error->message);
          return CRK_CLI_EXIT_FAILED;
        }
    }

  print_uncertainty (results, settings, a.format);
  return CRK_CLI_EXIT_OK;
}
