/* crk-dataset-rules.c: the rules of meaning every dataset read or imported keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-dataset-rules.h"

#include <math.h>

/* The native reader, the CSV import and whatever comes later end with these checks, so
 * that whatever one of them accepts, the others (and `validate`) accept too. The messages
 * are the native reader's. */

typedef struct
{
  CrkDataset *dataset;
  CrkRuleLocate locate;
  gpointer data;
  GPtrArray *problems;
  guint n_found;
  GHashTable *in_framework; /* codes of the leaves */
} Rules;

static void report (Rules *rules,
                    CrkRuleSubject what,
                    const char *code,
                    const char *detail,
                    const char *format,
                    ...) G_GNUC_PRINTF (5, 6);

static void
report (Rules *rules,
        CrkRuleSubject what,
        const char *code,
        const char *detail,
        const char *format,
        ...)
{
  const char *file = NULL;
  int line = 0, column = 0;
  g_autofree char *message = NULL;
  va_list args;

  if (rules->locate != NULL)
    rules->locate (what, code, detail, &file, &line, &column, rules->data);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (rules->problems,
                   crk_problem_new (file, line, column, CRK_IMPORT_ERROR_INVALID, "%s", message));
  rules->n_found++;
}

/* The shortest text that reads back as @value, as the writer writes numbers. */
static void
format_number (char *s, gsize size, double value)
{
  static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (s, size, formats[i], value);
      if (g_ascii_strtod (s, NULL) == value)
        break;
    }
}

static void
check_denominators (Rules *rules)
{
  guint n = crk_dataset_get_n_indicators (rules->dataset);

  for (guint i = 0; i < n; i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (rules->dataset, i);
      const char *code = crk_indicator_get_code (indicator);
      const char *denominator = crk_indicator_get_denominator (indicator);
      CrkIndicator *d;

      if (denominator == NULL)
        continue;
      d = crk_dataset_lookup_indicator (rules->dataset, denominator);
      if (d == NULL)
        report (rules, CRK_RULE_INDICATOR, code, NULL,
                _ ("the indicator “%s” has an unknown denominator “%s”"), code, denominator);
      else if (crk_indicator_get_kind (d) != CRK_INDICATOR_KIND_DENOMINATOR)
        report (rules, CRK_RULE_INDICATOR, code, NULL,
                _ ("the denominator “%s” of “%s” is not a denominator (kind=\"denominator\")"),
                denominator, code);
    }
}

static gboolean
check_node (CrkFrameworkNode *node, gpointer user_data)
{
  Rules *rules = user_data;
  const char *code = crk_framework_node_get_code (node);
  double weight = crk_framework_node_get_weight (node);
  guint n_children = crk_framework_node_get_n_children (node);
  gboolean all_zero = TRUE;

  if (!isfinite (weight))
    report (rules, CRK_RULE_NODE, code, NULL, _ ("the weight of “%s” is not a finite number"),
            code);
  else if (weight < 0)
    {
      char shown[G_ASCII_DTOSTR_BUF_SIZE];

      format_number (shown, sizeof shown, weight);
      report (rules, CRK_RULE_NODE, code, NULL, _ ("the weight of “%s” is negative (%s)"), code,
              shown);
    }

  if (n_children == 0)
    {
      CrkIndicator *indicator = crk_dataset_lookup_indicator (rules->dataset, code);

      g_hash_table_add (rules->in_framework, (gpointer) code);
      if (indicator == NULL)
        report (rules, CRK_RULE_NODE, code, NULL,
                _ ("the framework refers to an unknown indicator “%s”"), code);
      else if (crk_indicator_get_kind (indicator) == CRK_INDICATOR_KIND_DENOMINATOR)
        report (rules, CRK_RULE_NODE, code, NULL,
                _ ("“%s” is a denominator and cannot be an indicator of the framework"), code);
      return TRUE;
    }

  for (guint i = 0; i < n_children && all_zero; i++)
    all_zero = crk_framework_node_get_weight (crk_framework_node_get_child (node, i)) == 0;
  if (all_zero)
    report (rules, CRK_RULE_NODE, code, NULL,
            _ ("the weights of the children of “%s” are all zero"), code);
  return TRUE;
}

static void
check_framework (Rules *rules)
{
  CrkFrameworkNode *root = crk_dataset_get_framework (rules->dataset);
  guint n = crk_dataset_get_n_indicators (rules->dataset);

  if (root == NULL)
    return; /* a dataset without a framework is only data */
  crk_framework_node_foreach (root, check_node, rules);
  for (guint i = 0; i < n; i++)
    {
      CrkIndicator *indicator = crk_dataset_get_indicator (rules->dataset, i);
      const char *code = crk_indicator_get_code (indicator);

      if (crk_indicator_get_kind (indicator) == CRK_INDICATOR_KIND_INDICATOR &&
          !g_hash_table_contains (rules->in_framework, code))
        report (rules, CRK_RULE_INDICATOR, code, NULL,
                _ ("the indicator “%s” is not in the framework"), code);
    }
}

static void
check_method (Rules *rules)
{
  CrkMethod *method = crk_dataset_get_method (rules->dataset);
  CrkImputation imputation = crk_method_get_imputation (method);
  g_auto (GStrv) weights = crk_method_dup_weight_overrides (method);
  g_auto (GStrv) aggregations = crk_method_dup_node_aggregations (method);
  g_auto (GStrv) normalisations = crk_method_dup_normalisation_overrides (method);

  if ((imputation == CRK_IMPUTATION_GROUP_MEAN || imputation == CRK_IMPUTATION_GROUP_MEDIAN) &&
      crk_method_get_impute_group (method) == NULL)
    report (rules, CRK_RULE_METHOD, "imputation", NULL,
            _ ("the imputation mode “%s” needs a group attribute (group=\"…\")"),
            crk_imputation_to_string (imputation));

  for (guint i = 0; weights != NULL && weights[i] != NULL; i++)
    {
      double weight = crk_method_get_weight (method, weights[i]);

      if (crk_dataset_lookup_node (rules->dataset, weights[i]) == NULL)
        report (rules, CRK_RULE_METHOD_WEIGHT, weights[i], NULL,
                _ ("the method refers to an unknown framework node “%s”"), weights[i]);
      if (!isfinite (weight) || weight < 0)
        report (rules, CRK_RULE_METHOD_WEIGHT, weights[i], NULL,
                _ ("the method’s weight of “%s” is negative or not finite"), weights[i]);
    }
  for (guint i = 0; aggregations != NULL && aggregations[i] != NULL; i++)
    if (crk_dataset_lookup_node (rules->dataset, aggregations[i]) == NULL)
      report (rules, CRK_RULE_METHOD_AGGREGATION, aggregations[i], NULL,
              _ ("the method refers to an unknown framework node “%s”"), aggregations[i]);
  for (guint i = 0; normalisations != NULL && normalisations[i] != NULL; i++)
    if (crk_dataset_lookup_indicator (rules->dataset, normalisations[i]) == NULL)
      report (rules, CRK_RULE_METHOD_NORMALISATION, normalisations[i], NULL,
              _ ("the method refers to an unknown indicator “%s”"), normalisations[i]);
}

static void
add_city_group (GHashTable *set, const char *attribute, const char *value)
{
  if (value != NULL)
    g_hash_table_add (set, crk_dataset_group_key (attribute, value));
}

/**
 * crk_dataset_group_key:
 * @attribute: a group attribute ("province", "region" or a city attribute)
 * @value: one of its values
 *
 * Returns: (transfer full): the key of the group in crk_dataset_collect_city_groups()
 */
char *
crk_dataset_group_key (const char *attribute, const char *value)
{
  return g_strconcat (attribute, "\x1f", value, NULL);
}

/**
 * crk_dataset_collect_city_groups:
 * @dataset: a dataset
 *
 * Returns: (transfer full): the set of the groups some city is in, by
 *   crk_dataset_group_key()
 */
GHashTable *
crk_dataset_collect_city_groups (CrkDataset *dataset)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_cities = crk_dataset_get_n_cities (dataset);

  for (guint c = 0; c < n_cities; c++)
    {
      CrkCity *city = crk_dataset_get_city (dataset, c);
      g_auto (GStrv) names = crk_city_dup_attribute_names (city);

      add_city_group (set, "province", crk_city_get_province (city));
      add_city_group (set, "region", crk_city_get_region (city));
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        add_city_group (set, names[i], crk_city_get_attribute (city, names[i]));
    }
  return set;
}

/* A misspelt value would otherwise name nothing, silently. */
static void
check_group_names (Rules *rules)
{
  guint n_names = crk_dataset_get_n_group_names (rules->dataset);
  g_autoptr (GHashTable) city_groups = NULL;

  if (n_names == 0)
    return;
  city_groups = crk_dataset_collect_city_groups (rules->dataset);
  for (guint i = 0; i < n_names; i++)
    {
      const char *attribute, *value;
      g_autofree char *key = NULL;

      crk_dataset_get_group_name_at (rules->dataset, i, &attribute, &value, NULL, NULL);
      key = crk_dataset_group_key (attribute, value);
      if (!g_hash_table_contains (city_groups, key))
        report (rules, CRK_RULE_GROUP, attribute, value,
                _ ("no city has the value “%s” of the attribute “%s”"), value, attribute);
    }
}

/**
 * crk_dataset_check_rules:
 * @dataset: a dataset, read or imported
 * @locate: (scope call) (nullable): says where the file defines what a problem is about
 * @data: for @locate
 * @problems: (element-type CrkProblem): where to append the problems found
 *
 * Checks the rules of meaning that hold for every dataset, whatever it was read from
 * (see crk-dataset-rules.h). Readers call it on what they have read, so that a file one
 * of them accepts is accepted by all.
 *
 * Returns: %TRUE when @dataset keeps every rule
 */
gboolean
crk_dataset_check_rules (CrkDataset *dataset,
                         CrkRuleLocate locate,
                         gpointer data,
                         GPtrArray *problems)
{
  Rules rules = {dataset, locate, data, problems, 0, NULL};

  g_return_val_if_fail (CRK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  rules.in_framework = g_hash_table_new (g_str_hash, g_str_equal);
  check_denominators (&rules);
  check_framework (&rules);
  check_method (&rules);
  check_group_names (&rules);
  g_hash_table_unref (rules.in_framework);
  return rules.n_found == 0;
}
