/* crk-cli-rank.c: cityrank-cli rank and explain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-cli-rank"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crk-cli.h"

#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-model.h"
#include "crk-table-export.h"

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_XLSX, /* rank only, to a file */
} Format;

static gboolean
parse_format (const char *s, gboolean xlsx, Format *format)
{
  if (s == NULL || g_str_equal (s, "table"))
    *format = FORMAT_TABLE;
  else if (g_str_equal (s, "csv"))
    *format = FORMAT_CSV;
  else if (g_str_equal (s, "json"))
    *format = FORMAT_JSON;
  else if (xlsx && g_str_equal (s, "xlsx"))
    *format = FORMAT_XLSX;
  else if (xlsx)
    {
      crk_cli_error (_ ("unknown format “%s” (table, csv, json or xlsx)"), s);
      return FALSE;
    }
  else
    {
      crk_cli_error (_ ("unknown format “%s” (table, csv or json)"), s);
      return FALSE;
    }
  return TRUE;
}

/* "%.17g" in the C locale; empty for NAN. */
static void
append_number (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
}

static void
append_json_number (GString *out, double value)
{
  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    append_number (out, value);
}

static void
print_warnings (CrkResults *results)
{
  GArray *warnings = crk_results_get_warnings (results);

  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "cityrank-cli: %s: %s\n", _ ("warning"),
             g_array_index (warnings, CrkWarning, i).message);
}

/* Finds the node by code; prints an error when it does not exist. */
static gboolean
resolve_node (CrkResults *results, const char *code, guint *node)
{
  int index = code != NULL ? crk_results_lookup_node (results, code) : 0;

  if (index < 0)
    {
      crk_cli_error (_ ("the framework has no node “%s”"), code);
      return FALSE;
    }
  *node = index;
  return TRUE;
}

/* rank */

typedef struct
{
  guint city;
  guint rank;
} Row;

static int
compare_rows (const void *a, const void *b)
{
  const Row *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->city > y->city) - (x->city < y->city);
}

static gboolean
apply_normalise_option (CrkMethod *method, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ":", 2);
  CrkNormalisation mode;
  double p1 = 0, p2 = 100;

  if (!crk_normalisation_from_string (parts[0], &mode) || mode == CRK_NORMALISATION_INHERIT)
    {
      crk_cli_error (
        _ ("unknown normalisation “%s” (minmax[:L,H], zscore[:M,S], rank, prank or goalposts)"),
        value);
      return FALSE;
    }
  if (mode == CRK_NORMALISATION_ZSCORE)
    {
      p1 = 0;
      p2 = 1;
    }
  if (parts[1] != NULL)
    {
      g_auto (GStrv) numbers = g_strsplit (parts[1], ",", -1);
      char *end1 = NULL, *end2 = NULL;

      if ((mode != CRK_NORMALISATION_MINMAX && mode != CRK_NORMALISATION_ZSCORE) ||
          g_strv_length (numbers) != 2)
        {
          crk_cli_error (_ ("bad normalisation parameters in “%s”"), value);
          return FALSE;
        }
      p1 = g_ascii_strtod (numbers[0], &end1);
      p2 = g_ascii_strtod (numbers[1], &end2);
      if (*numbers[0] == '\0' || *end1 != '\0' || *numbers[1] == '\0' || *end2 != '\0' ||
          !isfinite (p1) || !isfinite (p2) || (mode == CRK_NORMALISATION_MINMAX && !(p2 > p1)) ||
          (mode == CRK_NORMALISATION_ZSCORE && !(p2 > 0)))
        {
          crk_cli_error (_ ("bad normalisation parameters in “%s”"), value);
          return FALSE;
        }
    }
  crk_method_set_normalisation (method, mode, p1, p2);
  return TRUE;
}

static gboolean
apply_impute_option (CrkMethod *method, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ":", 2);
  CrkImputation mode;
  gboolean grouped;

  if (!crk_imputation_from_string (parts[0], &mode))
    {
      crk_cli_error (
        _ ("unknown imputation “%s” (none, mean, median, group-mean:ATTR or group-median:ATTR)"),
        value);
      return FALSE;
    }
  grouped = mode == CRK_IMPUTATION_GROUP_MEAN || mode == CRK_IMPUTATION_GROUP_MEDIAN;
  if (grouped != (parts[1] != NULL && *parts[1] != '\0'))
    {
      crk_cli_error (grouped ? _ ("“%s” needs a city attribute, e.g. group-mean:province")
                             : _ ("“%s” takes no attribute"),
                     value);
      return FALSE;
    }
  crk_method_set_imputation (method, mode, grouped ? parts[1] : NULL);
  return TRUE;
}

typedef struct
{
  char *denominate;
  char *impute;
  char *treat;
  char *normalise;
  char *aggregate;
  char *weights;
  char *group;
  double availability; /* NAN when not given */
} MethodOptions;

static void
method_options_clear (MethodOptions *o)
{
  g_free (o->denominate);
  g_free (o->impute);
  g_free (o->treat);
  g_free (o->normalise);
  g_free (o->aggregate);
  g_free (o->weights);
  g_free (o->group);
}

static gboolean
apply_method_options (CrkMethod *method, MethodOptions *o)
{
  if (o->denominate != NULL)
    {
      CrkDenomination mode;

      if (!crk_denomination_from_string (o->denominate, &mode))
        {
          crk_cli_error (_ ("unknown denomination “%s” (none or dataset)"), o->denominate);
          return FALSE;
        }
      crk_method_set_denomination (method, mode);
    }
  if (o->impute != NULL && !apply_impute_option (method, o->impute))
    return FALSE;
  if (o->treat != NULL)
    {
      CrkTreatment mode;

      if (!crk_treatment_from_string (o->treat, &mode))
        {
          crk_cli_error (_ ("unknown treatment “%s” (none or winsorise)"), o->treat);
          return FALSE;
        }
      crk_method_set_treatment (method, mode);
    }
  if (o->normalise != NULL && !apply_normalise_option (method, o->normalise))
    return FALSE;
  if (o->aggregate != NULL)
    {
      CrkAggregation mode;

      if (!crk_aggregation_from_string (o->aggregate, &mode) || mode == CRK_AGGREGATION_INHERIT)
        {
          crk_cli_error (_ ("unknown aggregation “%s” (arithmetic, geometric, harmonic or topsis)"),
                         o->aggregate);
          return FALSE;
        }
      crk_method_clear_aggregation_overrides (method);
      crk_method_set_aggregation (method, mode);
    }
  if (o->weights != NULL)
    {
      CrkWeightScheme scheme;

      if (!crk_weight_scheme_from_string (o->weights, &scheme))
        {
          crk_cli_error (_ ("unknown weights “%s” (dataset, equal, entropy, critic or pca)"),
                         o->weights);
          return FALSE;
        }
      crk_method_clear_weights (method);
      crk_method_set_weight_scheme (method, scheme);
    }
  if (o->group != NULL)
    crk_method_set_group_attribute (method, o->group);
  if (!isnan (o->availability))
    {
      if (!(o->availability >= 0 && o->availability <= 1))
        {
          crk_cli_error (_ ("the availability threshold must be between 0 and 1, not %g"),
                         o->availability);
          return FALSE;
        }
      crk_method_set_availability (method, o->availability);
    }
  return TRUE;
}

static const char *
city_group (CrkResults *results, guint city)
{
  const char *attribute = crk_method_get_group_attribute (crk_results_get_method (results));
  CrkCity *c = crk_dataset_get_city (crk_results_get_dataset (results), city);

  return attribute != NULL ? crk_city_get_attribute (c, attribute) : NULL;
}

/* The city's group as a reader sees it: its name in the user's language. */
static const char *
city_group_display_name (CrkResults *results, guint city)
{
  const char *attribute = crk_method_get_group_attribute (crk_results_get_method (results));

  return crk_dataset_get_group_display_name (crk_results_get_dataset (results), attribute,
                                             city_group (results, city));
}

static void
print_rank_csv (GString *out,
                CrkResults *results,
                guint node,
                const Row *rows,
                guint n_rows,
                gboolean grouped)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  CrkFrameworkNode *fn = crk_results_get_node (results, node);
  guint n_children = crk_framework_node_get_n_children (fn);
  g_autofree int *children = g_new (int, MAX (n_children, 1));

  g_string_append (out, "rank,code,name,score");
  for (guint k = 0; k < n_children; k++)
    {
      CrkFrameworkNode *child = crk_framework_node_get_child (fn, k);

      children[k] = crk_results_lookup_node (results, crk_framework_node_get_code (child));
      g_string_append_c (out, ',');
      crk_csv_append_field (out, crk_framework_node_get_code (child));
    }
  g_string_append (out, ",tier");
  if (grouped)
    g_string_append (out, ",group,group_rank");
  g_string_append_c (out, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      guint city = rows[r].city;
      CrkCity *c = crk_dataset_get_city (dataset, city);
      int tier = node == 0 ? crk_results_get_tier (results, city) : -1;

      if (rows[r].rank > 0)
        g_string_append_printf (out, "%u", rows[r].rank);
      g_string_append_c (out, ',');
      crk_csv_append_field (out, crk_city_get_code (c));
      g_string_append_c (out, ',');
      crk_csv_append_field (out, crk_city_get_display_name (c));
      g_string_append_c (out, ',');
      append_number (out, crk_results_get_score (results, node, city));
      for (guint k = 0; k < n_children; k++)
        {
          g_string_append_c (out, ',');
          append_number (out, crk_results_get_score (results, children[k], city));
        }
      g_string_append_c (out, ',');
      if (tier >= 0)
        crk_csv_append_field (out, crk_results_get_tier_name (results, tier));
      if (grouped)
        {
          guint group_rank = crk_results_get_group_rank (results, city);

          g_string_append_c (out, ',');
          crk_csv_append_field (out, city_group (results, city));
          g_string_append_c (out, ',');
          if (group_rank > 0 && node == 0)
            g_string_append_printf (out, "%u", group_rank);
        }
      g_string_append_c (out, '\n');
    }
}

static void
print_rank_json (GString *out,
                 CrkResults *results,
                 guint node,
                 const Row *rows,
                 guint n_rows,
                 gboolean grouped)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  CrkFrameworkNode *fn = crk_results_get_node (results, node);
  guint n_children = crk_framework_node_get_n_children (fn);
  g_autofree int *children = g_new (int, MAX (n_children, 1));
  gboolean first = TRUE;

  g_string_append (out, "{\n  \"dataset\": ");
  crk_cli_append_json_string (out, crk_dataset_get_display_title (dataset));
  g_string_append_printf (out, ",\n  \"year\": %d,\n  \"level\": ", crk_results_get_year (results));
  crk_cli_append_json_string (out, crk_framework_node_get_code (fn));
  g_string_append (out, ",\n  \"children\": [");
  for (guint k = 0; k < n_children; k++)
    {
      CrkFrameworkNode *child = crk_framework_node_get_child (fn, k);

      children[k] = crk_results_lookup_node (results, crk_framework_node_get_code (child));
      if (k > 0)
        g_string_append (out, ", ");
      crk_cli_append_json_string (out, crk_framework_node_get_code (child));
    }
  g_string_append (out, "],\n  \"ranked\": [");
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          g_string_append (out, "\n  ],\n  \"unranked\": [");
          first = TRUE;
        }
      for (guint r = 0; r < n_rows; r++)
        {
          guint city = rows[r].city;
          CrkCity *c = crk_dataset_get_city (dataset, city);
          int tier = node == 0 ? crk_results_get_tier (results, city) : -1;

          if ((rows[r].rank > 0) != (pass == 0))
            continue;
          g_string_append (out, first ? "\n    {" : ",\n    {");
          first = FALSE;
          if (pass == 0)
            g_string_append_printf (out, "\"rank\": %u, ", rows[r].rank);
          g_string_append (out, "\"code\": ");
          crk_cli_append_json_string (out, crk_city_get_code (c));
          g_string_append (out, ", \"name\": ");
          crk_cli_append_json_string (out, crk_city_get_display_name (c));
          if (pass == 1)
            {
              const char *reason = crk_results_get_unranked_reason (results, city);

              g_string_append (out, ", \"reason\": ");
              crk_cli_append_json_string (out,
                                          reason != NULL ? reason : _ ("no score at this level"));
            }
          g_string_append (out, ", \"score\": ");
          append_json_number (out, crk_results_get_score (results, node, city));
          g_string_append (out, ", \"children\": {");
          for (guint k = 0; k < n_children; k++)
            {
              if (k > 0)
                g_string_append (out, ", ");
              crk_cli_append_json_string (
                out, crk_framework_node_get_code (crk_framework_node_get_child (fn, k)));
              g_string_append (out, ": ");
              append_json_number (out, crk_results_get_score (results, children[k], city));
            }
          g_string_append (out, "}, \"tier\": ");
          crk_cli_append_json_string (out,
                                      tier >= 0 ? crk_results_get_tier_name (results, tier) : NULL);
          if (node == 0 && crk_results_has_base_year (results))
            {
              int rank_change;
              double score_change;

              if (crk_results_get_change (results, city, &rank_change, &score_change))
                {
                  g_string_append_printf (out,
                                          ", \"rank_change\": %d, \"score_change\": ", rank_change);
                  append_json_number (out, score_change);
                }
              else
                g_string_append (out, ", \"rank_change\": null, \"score_change\": null");
            }
          if (grouped)
            {
              g_string_append (out, ", \"group\": ");
              crk_cli_append_json_string (out, city_group (results, city));
              g_string_append_printf (out, ", \"group_rank\": %u",
                                      node == 0 ? crk_results_get_group_rank (results, city) : 0);
            }
          g_string_append_c (out, '}');
        }
    }
  g_string_append (out, "\n  ],\n  \"warnings\": [");
  {
    GArray *warnings = crk_results_get_warnings (results);

    for (guint i = 0; i < warnings->len; i++)
      {
        g_string_append (out, i > 0 ? ",\n    " : "\n    ");
        crk_cli_append_json_string (out, g_array_index (warnings, CrkWarning, i).message);
      }
  }
  g_string_append (out, "\n  ]\n}\n");
}

/* Terminal columns of @text (CJK characters count two). */
static int
display_width (const char *text)
{
  int used = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return used;
}

/* Pads @text to @width terminal columns. */
static void
append_padded (GString *out, const char *text, int width, gboolean right)
{
  int used = display_width (text);

  if (text == NULL)
    text = "";
  if (right)
    for (int i = used; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = used; i < width; i++)
      g_string_append_c (out, ' ');
}

static void
append_score_cell (GString *out, double value, int width)
{
  g_autofree char *text = isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.2f", value);

  g_string_append (out, "  ");
  append_padded (out, text, width, TRUE);
}

static void
print_rank_table (GString *out,
                  CrkResults *results,
                  guint node,
                  const Row *rows,
                  guint n_rows,
                  gboolean grouped)
{
  CrkDataset *dataset = crk_results_get_dataset (results);
  CrkFrameworkNode *fn = crk_results_get_node (results, node);
  guint n_children = crk_framework_node_get_n_children (fn);
  g_autofree int *children = g_new (int, MAX (n_children, 1));
  g_autofree int *widths = g_new (int, MAX (n_children, 1));
  int code_width = 4, name_width = 4;
  guint n_unranked = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      CrkCity *c = crk_dataset_get_city (dataset, rows[r].city);

      code_width = MAX (code_width, display_width (crk_city_get_code (c)));
      name_width = MAX (name_width, display_width (crk_city_get_display_name (c)));
    }
  name_width = MIN (name_width, 32);

  g_string_append_printf (out, "%s — %s (%s), %d\n\n", crk_dataset_get_display_title (dataset),
                          crk_framework_node_get_display_name (fn),
                          crk_framework_node_get_code (fn), crk_results_get_year (results));
  append_padded (out, _ ("Rank"), 5, TRUE);
  g_string_append (out, "  ");
  append_padded (out, _ ("Code"), code_width, FALSE);
  g_string_append (out, "  ");
  append_padded (out, _ ("Name"), name_width, FALSE);
  g_string_append (out, "  ");
  append_padded (out, _ ("Score"), 7, TRUE);
  for (guint k = 0; k < n_children; k++)
    {
      const char *code = crk_framework_node_get_code (crk_framework_node_get_child (fn, k));

      children[k] = crk_results_lookup_node (results, code);
      widths[k] = MAX (7, (int) strlen (code));
      g_string_append (out, "  ");
      append_padded (out, code, widths[k], TRUE);
    }
  if (node == 0 && crk_results_has_base_year (results))
    g_string_append_printf (out, "  %s", _ ("Change"));
  if (node == 0 && crk_results_get_n_tiers (results) > 0)
    g_string_append_printf (out, "  %s", _ ("Tier"));
  if (grouped)
    g_string_append_printf (out, "  %s", _ ("Group rank"));
  g_string_append_c (out, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      guint city = rows[r].city;
      CrkCity *c = crk_dataset_get_city (dataset, city);
      g_autofree char *rank = NULL;
      int tier = node == 0 ? crk_results_get_tier (results, city) : -1;

      if (rows[r].rank == 0)
        {
          n_unranked++;
          continue;
        }
      rank = g_strdup_printf ("%u", rows[r].rank);
      append_padded (out, rank, 5, TRUE);
      g_string_append (out, "  ");
      append_padded (out, crk_city_get_code (c), code_width, FALSE);
      g_string_append (out, "  ");
      append_padded (out, crk_city_get_display_name (c), name_width, FALSE);
      append_score_cell (out, crk_results_get_score (results, node, city), 7);
      for (guint k = 0; k < n_children; k++)
        append_score_cell (out, crk_results_get_score (results, children[k], city), widths[k]);
      if (node == 0 && crk_results_has_base_year (results))
        {
          int rank_change;
          g_autofree char *change = crk_results_get_change (results, city, &rank_change, NULL)
            ? g_strdup_printf ("%+d", rank_change)
            : g_strdup ("–");

          g_string_append (out, "  ");
          append_padded (out, change, display_width (_ ("Change")), TRUE);
        }
      if (tier >= 0)
        g_string_append_printf (out, "  %s", crk_results_get_tier_name (results, tier));
      if (grouped && node == 0 && crk_results_get_group_rank (results, city) > 0)
        g_string_append_printf (out, "  %u (%s)", crk_results_get_group_rank (results, city),
                                city_group_display_name (results, city));
      g_string_append_c (out, '\n');
    }

  if (node == 0)
    {
      double rho, tau;
      guint n_compared;
      g_autoptr (GArray) largest = NULL;

      if (crk_results_compare_reference (results, &rho, &tau, &n_compared, &largest))
        {
          g_string_append_printf (out,
                                  _ ("\nAgreement with the published reference ranks of %d (%u "
                                     "cities): Spearman ρ = %.4f, Kendall τ = %.4f\n"),
                                  crk_results_get_year (results), n_compared, rho, tau);
          g_string_append_printf (out, "%s", _ ("Largest disagreements:"));
          for (guint k = 0; k < MIN (largest->len, 5); k++)
            {
              guint city = g_array_index (largest, guint, k);
              CrkCity *c = crk_dataset_get_city (dataset, city);

              g_string_append_printf (
                out, _ (" %s (%u, reference %u)"), crk_city_get_code (c),
                crk_results_get_rank (results, city),
                crk_city_get_reference_rank (c, crk_results_get_year (results)));
            }
          g_string_append_c (out, '\n');
        }
    }

  if (n_unranked > 0)
    {
      g_string_append_printf (out, "\n%s\n", _ ("Not ranked:"));
      for (guint r = 0; r < n_rows; r++)
        {
          guint city = rows[r].city;
          CrkCity *c = crk_dataset_get_city (dataset, city);
          const char *reason = crk_results_get_unranked_reason (results, city);

          if (rows[r].rank != 0)
            continue;
          g_string_append (out, "       ");
          append_padded (out, crk_city_get_code (c), code_width, FALSE);
          g_string_append (out, "  ");
          append_padded (out, crk_city_get_display_name (c), name_width, FALSE);
          g_string_append_printf (out, "  %s\n",
                                  reason != NULL ? reason : _ ("no score at this level"));
        }
    }
}

/* -o FILE takes csv or xlsx; xlsx needs -o FILE. */
static gboolean
check_output (Format format, const char *output)
{
  if (output != NULL && format != FORMAT_CSV && format != FORMAT_XLSX)
    {
      crk_cli_error ("%s", _ ("-o FILE writes csv or xlsx (--format csv or --format xlsx)"));
      return FALSE;
    }
  if (output == NULL && format == FORMAT_XLSX)
    {
      crk_cli_error ("%s", _ ("--format xlsx writes a file: give it with -o FILE"));
      return FALSE;
    }
  return TRUE;
}

/* The ranking table as the window exports it (crk-table-export.h), to @output. */
static int
write_rank_table (CrkResults *results, guint node, Format format, const char *output)
{
  g_autoptr (CrkRankingTable) table = crk_ranking_table_new (results, node, NULL, 0);
  g_autoptr (GError) error = NULL;

  if (!crk_ranking_table_write (
        table, output, format == FORMAT_XLSX ? CRK_TABLE_FORMAT_XLSX : CRK_TABLE_FORMAT_CSV,
        &error))
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  return CRK_CLI_EXIT_OK;
}

int
crk_cli_rank (int argc, char **argv)
{
  int year = 0;
  g_autofree char *level = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) files = NULL;
  MethodOptions mo = {.availability = NAN};
  const GOptionEntry entries[] = {
    {"year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Year to compute (default: the latest)"),
     N_ ("YEAR")},
    {"denominate", 0, 0, G_OPTION_ARG_STRING, &mo.denominate, N_ ("none or dataset"), N_ ("MODE")},
    {"impute", 0, 0, G_OPTION_ARG_STRING, &mo.impute,
     N_ ("none, mean, median, group-mean:ATTR or group-median:ATTR"), N_ ("MODE")},
    {"treat", 0, 0, G_OPTION_ARG_STRING, &mo.treat, N_ ("none or winsorise"), N_ ("MODE")},
    {"normalise", 0, 0, G_OPTION_ARG_STRING, &mo.normalise,
     N_ ("minmax[:L,H], zscore[:M,S], rank, prank or goalposts"), N_ ("MODE")},
    {"aggregate", 0, 0, G_OPTION_ARG_STRING, &mo.aggregate,
     N_ ("arithmetic, geometric, harmonic or topsis (every level)"), N_ ("MODE")},
    {"weights", 0, 0, G_OPTION_ARG_STRING, &mo.weights,
     N_ ("dataset, equal, entropy, critic or pca"), N_ ("SCHEME")},
    {"level", 0, 0, G_OPTION_ARG_STRING, &level,
     N_ ("Framework node to rank by (default: the index)"), N_ ("NODE")},
    {"group", 0, 0, G_OPTION_ARG_STRING, &mo.group, N_ ("City attribute for ranks within groups"),
     N_ ("ATTR")},
    {"availability", 0, 0, G_OPTION_ARG_DOUBLE, &mo.availability,
     N_ ("Share of each node’s children a city needs to get a score (0 = off)"), N_ ("SHARE")},
    {"format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_ ("table, csv, json or xlsx"),
     N_ ("FORMAT")},
    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
     N_ ("Write the ranking table to FILE (csv or xlsx), replacing it"), N_ ("FILE")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE")},
    {NULL}};
  g_autoptr (GOptionContext) context = g_option_context_new (
    _ ("FILE — compute scores and ranks (FILE: a dataset file or either CSV table of a pair)"));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkMethod) method = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree Row *rows = NULL;
  Format format;
  guint node, n;
  gboolean ok, group_option;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _ ("Options override the method saved in the file. CSV columns: rank, code, name, "
       "score, one per child of the level, tier; cities not ranked come last with an "
       "empty rank (the table and JSON give the reason). With -o FILE, csv and xlsx "
       "write the window’s ranking table (headers in words, names, scores, tier, "
       "rank change; numbers as numbers, missing values empty) to FILE."));
  ok = g_option_context_parse (context, &argc, &argv, &error);
  if (!ok || files == NULL || g_strv_length (files) != 1)
    {
      if (error != NULL)
        crk_cli_error ("%s", error->message);
      else
        crk_cli_error ("%s", _ ("rank takes one FILE"));
      method_options_clear (&mo);
      return CRK_CLI_EXIT_USAGE;
    }
  if (!parse_format (format_name, TRUE, &format) || !check_output (format, output))
    {
      method_options_clear (&mo);
      return CRK_CLI_EXIT_USAGE;
    }

  dataset = crk_cli_load_dataset (files[0]);
  if (dataset == NULL)
    {
      method_options_clear (&mo);
      return CRK_CLI_EXIT_FAILED;
    }
  method = crk_method_copy (crk_dataset_get_method (dataset));
  group_option = mo.group != NULL;
  ok = apply_method_options (method, &mo);
  method_options_clear (&mo);
  if (!ok)
    return CRK_CLI_EXIT_USAGE;

  results = crk_compute (dataset, method, year, &error);
  if (results == NULL)
    {
      crk_cli_error ("%s: %s", files[0], error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (!resolve_node (results, level, &node))
    return CRK_CLI_EXIT_USAGE;
  print_warnings (results);
  if (output != NULL)
    return write_rank_table (results, node, format, output);

  n = crk_results_get_n_cities (results);
  rows = g_new (Row, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      rows[i].city = i;
      rows[i].rank = crk_results_get_node_rank (results, node, i);
      if (rows[i].rank == 0)
        rows[i].rank = G_MAXUINT;
    }
  qsort (rows, n, sizeof (Row), compare_rows);
  for (guint i = 0; i < n; i++)
    if (rows[i].rank == G_MAXUINT)
      rows[i].rank = 0;

  if (format == FORMAT_CSV)
    print_rank_csv (out, results, node, rows, n, group_option);
  else if (format == FORMAT_JSON)
    print_rank_json (out, results, node, rows, n, crk_method_get_group_attribute (method) != NULL);
  else
    print_rank_table (out, results, node, rows, n, crk_method_get_group_attribute (method) != NULL);
  fwrite (out->str, 1, out->len, stdout);
  return CRK_CLI_EXIT_OK;
}

/* explain */

static CrkCity *
find_city (CrkDataset *dataset, const char *key)
{
  CrkCity *city = crk_dataset_lookup_city (dataset, key);
  g_autofree char *folded = g_utf8_casefold (key, -1);

  if (city != NULL)
    return city;
  for (guint i = 0; i < crk_dataset_get_n_cities (dataset); i++)
    {
      CrkCity *c = crk_dataset_get_city (dataset, i);
      const char *names[] = {crk_city_get_name (c), crk_city_get_name_zh (c)};

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *name = names[k] != NULL ? g_utf8_casefold (names[k], -1) : NULL;

          if (name != NULL && g_str_equal (name, folded))
            return c;
        }
    }
  crk_cli_error (_ ("the dataset has no city “%s” (give its code or name)"), key);
  return NULL;
}

/* A score gap at a node split into its children's parts, as explain prints it. */
typedef struct
{
  CrkResults *results;
  CrkFrameworkNode *node;
  CrkCity *a, *b;
  GArray *parts; /* CrkGapPart */
  double score_a, score_b, gap, sum;
} Gap;

static void
append_gap_csv (GString *out, const Gap *g)
{
  g_string_append (out, "code,name,contribution_a,contribution_b,gap\n");
  for (guint k = 0; k < g->parts->len; k++)
    {
      CrkGapPart *p = &g_array_index (g->parts, CrkGapPart, k);

      crk_csv_append_field (out, crk_framework_node_get_code (p->child));
      g_string_append_c (out, ',');
      crk_csv_append_field (out, crk_framework_node_get_display_name (p->child));
      g_string_append_c (out, ',');
      append_number (out, p->contribution_a);
      g_string_append_c (out, ',');
      append_number (out, p->contribution_b);
      g_string_append_c (out, ',');
      append_number (out, p->gap);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "sum,");
  crk_csv_append_field (out, _ ("sum of the parts"));
  g_string_append (out, ",,,");
  append_number (out, g->sum);
  g_string_append (out, "\nscore,");
  crk_csv_append_field (out, crk_framework_node_get_display_name (g->node));
  g_string_append_c (out, ',');
  append_number (out, g->score_a);
  g_string_append_c (out, ',');
  append_number (out, g->score_b);
  g_string_append_c (out, ',');
  append_number (out, g->gap);
  g_string_append_c (out, '\n');
}

static void
append_gap_json (GString *out, const Gap *g)
{
  g_string_append (out, "{\n  \"year\": ");
  g_string_append_printf (out, "%d,\n  \"level\": ", crk_results_get_year (g->results));
  crk_cli_append_json_string (out, crk_framework_node_get_code (g->node));
  g_string_append (out, ",\n  \"city_a\": ");
  crk_cli_append_json_string (out, crk_city_get_code (g->a));
  g_string_append (out, ",\n  \"city_b\": ");
  crk_cli_append_json_string (out, crk_city_get_code (g->b));
  g_string_append (out, ",\n  \"score_a\": ");
  append_json_number (out, g->score_a);
  g_string_append (out, ",\n  \"score_b\": ");
  append_json_number (out, g->score_b);
  g_string_append (out, ",\n  \"gap\": ");
  append_json_number (out, g->gap);
  g_string_append (out, ",\n  \"parts\": [");
  for (guint k = 0; k < g->parts->len; k++)
    {
      CrkGapPart *p = &g_array_index (g->parts, CrkGapPart, k);

      g_string_append (out, k > 0 ? ",\n    {\"code\": " : "\n    {\"code\": ");
      crk_cli_append_json_string (out, crk_framework_node_get_code (p->child));
      g_string_append (out, ", \"contribution_a\": ");
      append_json_number (out, p->contribution_a);
      g_string_append (out, ", \"contribution_b\": ");
      append_json_number (out, p->contribution_b);
      g_string_append (out, ", \"gap\": ");
      append_json_number (out, p->gap);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ],\n  \"sum_of_parts\": ");
  append_json_number (out, g->sum);
  g_string_append (out, ",\n  \"check\": ");
  append_json_number (out, g->sum - g->gap);
  g_string_append (out, "\n}\n");
}

static void
append_gap_table (GString *out, const Gap *g)
{
  g_string_append_printf (out, _ ("Gap between %s (%s) and %s (%s) in “%s” (%s), %d\n\n"),
                          crk_city_get_display_name (g->a), crk_city_get_code (g->a),
                          crk_city_get_display_name (g->b), crk_city_get_code (g->b),
                          crk_framework_node_get_display_name (g->node),
                          crk_framework_node_get_code (g->node), crk_results_get_year (g->results));
  g_string_append_printf (out, "  %-12s  %10s  %10s  %10s  %s\n", _ ("Code"),
                          crk_city_get_code (g->a), crk_city_get_code (g->b), _ ("Gap"),
                          _ ("Name"));
  for (guint k = 0; k < g->parts->len; k++)
    {
      CrkGapPart *p = &g_array_index (g->parts, CrkGapPart, k);

      g_string_append_printf (out, "  %-12s  %10.4f  %10.4f  %+10.4f  %s\n",
                              crk_framework_node_get_code (p->child), p->contribution_a,
                              p->contribution_b, p->gap,
                              crk_framework_node_get_display_name (p->child));
    }
  g_string_append_printf (out, "  %-12s  %10.4f  %10.4f  %+10.4f\n", _ ("Score"), g->score_a,
                          g->score_b, g->gap);
  g_string_append_printf (
    out, _ ("\nCheck: the parts add up to %.17g; the gap is %.17g (difference %.3g).\n"), g->sum,
    g->gap, g->sum - g->gap);
}

int
crk_cli_explain (int argc, char **argv)
{
  int year = 0;
  g_autofree char *level = NULL;
  g_autofree char *format_name = NULL;
  g_auto (GStrv) args = NULL;
  const GOptionEntry entries[] = {
    {"year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Year to compute (default: the latest)"),
     N_ ("YEAR")},
    {"level", 0, 0, G_OPTION_ARG_STRING, &level,
     N_ ("Framework node whose gap to split (default: the index)"), N_ ("NODE")},
    {"format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_ ("table, csv or json"), N_ ("FORMAT")},
    {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, N_ ("FILE CITY_A CITY_B")},
    {NULL}};
  g_autoptr (GOptionContext) context =
    g_option_context_new (_ ("FILE CITY_A CITY_B — split the score gap between two cities"));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) results = NULL;
  g_autoptr (GArray) parts = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  Gap g = {0};
  guint node, ia, ib;
  Format format;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _ ("Splits score(A) - score(B) at a node into its children’s contributions "
       "w·y/Σw (arithmetic means only); the parts add up to the gap."));
  if (!g_option_context_parse (context, &argc, &argv, &error) || args == NULL ||
      g_strv_length (args) != 3)
    {
      crk_cli_error ("%s", error != NULL ? error->message : _ ("explain takes FILE CITY_A CITY_B"));
      return CRK_CLI_EXIT_USAGE;
    }
  if (!parse_format (format_name, FALSE, &format))
    return CRK_CLI_EXIT_USAGE;

  dataset = crk_cli_load_dataset (args[0]);
  if (dataset == NULL)
    return CRK_CLI_EXIT_FAILED;
  g.a = find_city (dataset, args[1]);
  g.b = find_city (dataset, args[2]);
  if (g.a == NULL || g.b == NULL)
    return CRK_CLI_EXIT_USAGE;
  ia = crk_city_get_index (g.a);
  ib = crk_city_get_index (g.b);

  results = crk_compute (dataset, NULL, year, &error);
  if (results == NULL)
    {
      crk_cli_error ("%s: %s", args[0], error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  if (!resolve_node (results, level, &node))
    return CRK_CLI_EXIT_USAGE;
  parts = crk_results_explain_gap (results, node, ia, ib, &error);
  if (parts == NULL)
    {
      crk_cli_error ("%s", error->message);
      return CRK_CLI_EXIT_FAILED;
    }
  g.results = results;
  g.node = crk_results_get_node (results, node);
  g.parts = parts;
  g.score_a = crk_results_get_score (results, node, ia);
  g.score_b = crk_results_get_score (results, node, ib);
  g.gap = g.score_a - g.score_b;
  for (guint k = 0; k < parts->len; k++)
    g.sum += g_array_index (parts, CrkGapPart, k).gap;

  if (format == FORMAT_CSV)
    append_gap_csv (out, &g);
  else if (format == FORMAT_JSON)
    append_gap_json (out, &g);
  else
    append_gap_table (out, &g);
  fwrite (out->str, 1, out->len, stdout);
  return CRK_CLI_EXIT_OK;
}
