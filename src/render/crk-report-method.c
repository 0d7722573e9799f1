/* crk-report-method.c: the method section: the framework table, how the scores are
 * computed, adjustments, warnings and comparing years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crk-report-private.h"

#include "crk-locale.h"

typedef struct
{
  CrkReport *self;
  int table;
  GHashTable *index_of; /* node -> node index + 1 */
} FrameworkWalk;

static double
weight_in_index (CrkResults *r, GHashTable *index_of, CrkFrameworkNode *node)
{
  double w = 1;

  for (; crk_framework_node_get_parent (node) != NULL; node = crk_framework_node_get_parent (node))
    w *= crk_results_get_weight (r, GPOINTER_TO_UINT (g_hash_table_lookup (index_of, node)) - 1);
  return w;
}

static char *
format_percent (double share)
{
  if (isnan (share))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", 100 * share);
}

static gboolean
add_framework_row (CrkFrameworkNode *node, gpointer user_data)
{
  FrameworkWalk *walk = user_data;
  CrkResults *r = walk->self->results;
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (walk->index_of, node)) - 1;
  guint depth = crk_framework_node_get_depth (node);
  CrkIndicator *indicator = crk_framework_node_get_indicator (node);
  g_autofree char *weight = NULL;
  g_autofree char *overall = NULL;
  char **cells;

  if (depth == 0)
    return TRUE;

  weight = format_percent (crk_results_get_weight (r, index));
  overall = format_percent (weight_in_index (r, walk->index_of, node));
  cells = crk_report_cells_new (6);
  if (crk_framework_node_is_leaf (node))
    {
      int direction = indicator != NULL ? crk_indicator_get_direction (indicator) : 1;

      cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (node), -1);
      cells[1] = g_markup_printf_escaped ("<span foreground=\"#777777\">%s</span>",
                                          crk_framework_node_get_code (node));
      cells[2] =
        crk_report_escape (indicator != NULL ? crk_indicator_get_display_unit (indicator) : NULL);
      /* TRUE: more is better */
      cells[3] = g_strdup (direction < 0 ? _ ("↓ lower") : _ ("↑ higher"));
      cells[4] = g_steal_pointer (&weight);
      cells[5] = g_steal_pointer (&overall);
      crk_report_add_row (walk->self, walk->table, cells, CRK_ROW_INDENT (depth - 1));
    }
  else
    {
      cells[0] = g_markup_escape_text (crk_framework_node_get_display_name (node), -1);
      cells[1] = g_markup_printf_escaped ("<span foreground=\"#777777\">%s</span>",
                                          crk_framework_node_get_code (node));
      cells[2] = g_strdup ("");
      cells[3] = g_strdup ("");
      cells[4] = g_steal_pointer (&weight);
      cells[5] = g_steal_pointer (&overall);
      crk_report_add_row (walk->self, walk->table, cells,
                          CRK_ROW_STRONG | CRK_ROW_RULE | CRK_ROW_INDENT (depth - 1));
    }
  return TRUE;
}

static const char *
normalisation_text (CrkNormalisation mode)
{
  switch (mode)
    {
      case CRK_NORMALISATION_MINMAX:
        return _ ("min-max rescaling");
      case CRK_NORMALISATION_ZSCORE:
        return _ ("z-scores");
      case CRK_NORMALISATION_RANK:
        return _ ("ranks");
      case CRK_NORMALISATION_PERCENTILE_RANK:
        return _ ("percentile ranks");
      case CRK_NORMALISATION_GOALPOSTS:
        return _ ("distance to target (goalposts)");
      case CRK_NORMALISATION_INHERIT:
      default:
        return _ ("the default normalisation");
    }
}

static const char *
aggregation_text (CrkReport *self, CrkAggregation mode)
{
  switch (mode)
    {
      case CRK_AGGREGATION_ARITHMETIC:
        return _ ("the weighted arithmetic mean");
      case CRK_AGGREGATION_GEOMETRIC:
        return _ ("the weighted geometric mean");
      case CRK_AGGREGATION_HARMONIC:
        return _ ("the weighted harmonic mean");
      case CRK_AGGREGATION_TOPSIS:
        return crk_report_unit_word (self, CRK_UNIT_WORD_TOPSIS);
      case CRK_AGGREGATION_INHERIT:
      default:
        return _ ("the default aggregation");
    }
}

static char *
item (const char *label, char *text)
{
  char *markup = g_markup_printf_escaped ("<b>%s</b> ", label);
  char *all = g_strconcat (markup, text, NULL);

  g_free (markup);
  g_free (text);
  return all;
}

/* "A missing value takes the mean of the indicator over the countries of the same
 * region." (markup) */
static char *
impute_group_text (CrkReport *self, CrkUnitWord word, CrkMethod *m)
{
  g_autofree char *group = g_markup_escape_text (crk_method_get_impute_group (m), -1);

  return crk_unit_kind_format_text (crk_report_unit_kind (self), word, group);
}

/* The normalisation bullet: the method's, then the indicators that differ. */
static char *
normalisation_bullet (CrkReport *self, CrkMethod *m)
{
  double p1 = 0, p2 = 0;
  CrkNormalisation norm = crk_method_get_normalisation (m, &p1, &p2);
  g_auto (GStrv) norm_overrides = crk_method_dup_normalisation_overrides (m);
  char *text;

  switch (norm)
    {
      case CRK_NORMALISATION_MINMAX:
        text = crk_unit_kind_format_minmax (crk_report_unit_kind (self), p1, p2);
        break;
      case CRK_NORMALISATION_ZSCORE:
        text = g_strdup_printf (_ ("Each indicator is standardised to a mean of %g and a standard "
                                   "deviation of %g (z-scores); "
                                   "where less is better the sign is reversed."),
                                p1, p2);
        break;
      case CRK_NORMALISATION_RANK:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_RANK_NORM));
        break;
      case CRK_NORMALISATION_PERCENTILE_RANK:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_PERCENTILE));
        break;
      case CRK_NORMALISATION_GOALPOSTS:
        text = g_strdup (_ ("Each indicator is scored by its distance to a target between the "
                            "indicator's goalposts, clipped to [0, 100]."));
        break;
      case CRK_NORMALISATION_INHERIT:
      default:
        text = g_strdup (normalisation_text (norm));
        break;
    }
  if (norm_overrides != NULL && norm_overrides[0] != NULL)
    {
      GString *s = g_string_new (text);

      g_free (text);
      crk_report_sentence_gap (s);
      g_string_append (s, _ ("Exceptions:"));
      for (guint i = 0; norm_overrides[i] != NULL; i++)
        {
          CrkNormalisation mode =
            crk_method_get_indicator_normalisation (m, norm_overrides[i], NULL, NULL);
          g_autofree char *e =
            g_markup_printf_escaped (" %s (%s)%s", norm_overrides[i], normalisation_text (mode),
                                     norm_overrides[i + 1] != NULL ? "," : ".");

          g_string_append (s, e);
        }
      text = g_string_free (s, FALSE);
    }
  return text;
}

/* The weighting scheme, and how many weights the analyst changed. */
static char *
weights_bullet (CrkReport *self, CrkMethod *m)
{
  g_auto (GStrv) weight_overrides = crk_method_dup_weight_overrides (m);
  char *text;

  switch (crk_method_get_weight_scheme (m))
    {
      case CRK_WEIGHTS_EQUAL:
        text = g_strdup (_ ("Equal weights among the parts of each node."));
        break;
      case CRK_WEIGHTS_ENTROPY:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_ENTROPY));
        break;
      case CRK_WEIGHTS_CRITIC:
        text = g_strdup (_ ("CRITIC weights: a part weighs more when its scores vary more and "
                            "correlate less with its siblings."));
        break;
      case CRK_WEIGHTS_PCA:
        text = g_strdup (_ ("Weights from a principal component analysis of each node's parts."));
        break;
      case CRK_WEIGHTS_DATASET:
      default:
        text = g_strdup (_ ("The weights published with the framework, shown in the table above."));
        break;
    }
  if (weight_overrides != NULL && weight_overrides[0] != NULL)
    {
      char *more = g_strdup_printf (ngettext (" %u weight was changed by the analyst.",
                                              " %u weights were changed by the analyst.",
                                              g_strv_length (weight_overrides)),
                                    g_strv_length (weight_overrides));
      char *all = g_strconcat (text, more, NULL);

      g_free (text);
      g_free (more);
      text = all;
    }
  return text;
}

/* The aggregation: the method's, then by level and by node; the availability needed. */
static char *
aggregation_bullet (CrkReport *self, CrkMethod *m)
{
  g_auto (GStrv) node_aggregations = crk_method_dup_node_aggregations (m);
  g_autoptr (GArray) level_aggregations = crk_method_dup_level_aggregations (m);
  char *text;

  text = g_strdup_printf (_ ("Each node's score is %s of its parts' scores."),
                          aggregation_text (self, crk_method_get_aggregation (m)));
  if ((level_aggregations != NULL && level_aggregations->len > 0) ||
      (node_aggregations != NULL && node_aggregations[0] != NULL))
    {
      GString *s = g_string_new (text);

      g_free (text);
      for (guint i = 0; level_aggregations != NULL && i < level_aggregations->len; i++)
        {
          guint level = g_array_index (level_aggregations, guint, i);

          crk_report_sentence_gap (s);
          g_string_append_printf (
            s, _ ("At level %u: %s."), level,
            aggregation_text (self, crk_method_get_level_aggregation (m, level)));
        }
      for (guint i = 0; node_aggregations != NULL && node_aggregations[i] != NULL; i++)
        {
          g_autofree char *e = g_markup_printf_escaped ("%s", node_aggregations[i]);

          crk_report_sentence_gap (s);
          g_string_append_printf (
            s, _ ("For %s: %s."), e,
            aggregation_text (self, crk_method_get_node_aggregation (m, node_aggregations[i])));
        }
      text = g_string_free (s, FALSE);
    }
  if (crk_method_get_availability (m) > 0)
    {
      char *more = crk_unit_kind_format_coverage (crk_report_unit_kind (self),
                                                  100 * crk_method_get_availability (m));
      char *all = g_strconcat (text, more, NULL);

      g_free (text);
      g_free (more);
      text = all;
    }
  return text;
}

/* How cities are ranked, grouped in tiers and compared with the base year. */
static char *
ranks_bullet (CrkReport *self, CrkMethod *m)
{
  GString *s = g_string_new (crk_report_unit_word (self, CRK_UNIT_WORD_RANKED_BY_SCORE));
  guint n_tiers = crk_method_get_n_tiers (m);
  CrkTierRule rule = crk_method_get_tier_rule (m);

  if (rule != CRK_TIER_RULE_NONE && n_tiers > 0)
    {
      crk_report_sentence_gap (s);
      switch (rule)
        {
          case CRK_TIER_RULE_RANK_BANDS:
            g_string_append_printf (s,
                                    ngettext ("They are grouped in %u tier by rank:",
                                              "They are grouped in %u tiers by rank:", n_tiers),
                                    n_tiers);
            for (guint i = 0, from = 1; i < n_tiers; i++)
              {
                const CrkTier *tier = crk_method_get_tier (m, i);
                g_autofree char *name =
                  crk_report_escape (crk_locale_pick (tier->name, tier->name_zh));

                if (tier->bound > 0)
                  g_string_append_printf (s, " %s %u–%u%s", name, from, (guint) tier->bound,
                                          i + 1 < n_tiers ? _ (",") : _ ("."));
                else
                  g_string_append_printf (s, " %s %u+%s", name, from,
                                          i + 1 < n_tiers ? _ (",") : _ ("."));
                from = (guint) tier->bound + 1;
              }
            break;
          case CRK_TIER_RULE_SCORE_THRESHOLDS:
            g_string_append_printf (s,
                                    ngettext ("They are grouped in %u tier by score:",
                                              "They are grouped in %u tiers by score:", n_tiers),
                                    n_tiers);
            for (guint i = 0; i < n_tiers; i++)
              {
                const CrkTier *tier = crk_method_get_tier (m, i);
                g_autofree char *name =
                  crk_report_escape (crk_locale_pick (tier->name, tier->name_zh));

                g_string_append_printf (s, " %s ≥ %g%s", name, tier->bound,
                                        i + 1 < n_tiers ? _ (",") : _ ("."));
              }
            break;
          case CRK_TIER_RULE_QUANTILES:
          case CRK_TIER_RULE_NONE:
          default:
            g_string_append_printf (s,
                                    ngettext ("They are grouped in %u tier of equal size.",
                                              "They are grouped in %u tiers of equal size.",
                                              n_tiers),
                                    n_tiers);
            break;
        }
    }
  if (crk_method_get_base_year (m) != 0)
    {
      crk_report_sentence_gap (s);
      g_string_append_printf (s, _ ("Changes in rank and score are against %d."),
                              crk_method_get_base_year (m));
    }
  return g_string_free (s, FALSE);
}

static void
build_computation (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkMethod *m = crk_results_get_method (r);
  char *text;

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Computation")));

  /* Denomination */
  if (crk_method_get_denomination (m) == CRK_DENOMINATION_DATASET)
    text = g_strdup (
      _ ("Indicators with a denominator (population, GDP, area…) are divided by it first."));
  else
    text = g_strdup (_ ("Indicators are used as published, without dividing by a denominator."));
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Denomination."), text));

  /* Imputation */
  switch (crk_method_get_imputation (m))
    {
      case CRK_IMPUTATION_MEAN:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_MISSING_MEAN));
        break;
      case CRK_IMPUTATION_MEDIAN:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_MISSING_MEDIAN));
        break;
      case CRK_IMPUTATION_GROUP_MEAN:
        text = impute_group_text (self, CRK_UNIT_WORD_MISSING_GROUP_MEAN, m);
        break;
      case CRK_IMPUTATION_GROUP_MEDIAN:
        text = impute_group_text (self, CRK_UNIT_WORD_MISSING_GROUP_MEDIAN, m);
        break;
      case CRK_IMPUTATION_NONE:
      default:
        text = g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_NOT_IMPUTED));
        break;
    }
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Missing values."), text));

  /* Treatment */
  if (crk_method_get_treatment (m) == CRK_TREATMENT_WINSORISE)
    {
      double skew = 0, kurt = 0;
      guint max_points = 0;

      crk_method_get_treatment_params (m, &skew, &kurt, &max_points);
      text = g_strdup_printf (_ ("An indicator whose absolute skewness is at least %g and whose "
                                 "kurtosis is at least %g is winsorised, "
                                 "one point at a time and at most %u points; if that is not "
                                 "enough, it is log-transformed instead."),
                              skew, kurt, max_points);
    }
  else
    text = g_strdup (_ ("Outliers are not treated."));
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Outliers."), text));

  text = normalisation_bullet (self, m);
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Normalisation."), text));
  text = weights_bullet (self, m);
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Weights."), text));
  text = aggregation_bullet (self, m);
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Aggregation."), text));
  text = ranks_bullet (self, m);
  crk_report_add_block (self, CRK_BLOCK_BULLET, item (_ ("Ranks."), text));
}

static void
build_adjustments (CrkReport *self)
{
  GArray *adjustments = crk_results_get_adjustments (self->results);
  guint counts[CRK_ADJUSTMENT_LOG_TRANSFORMED + 1] = {0};
  GString *s;

  if (adjustments == NULL || adjustments->len == 0)
    return;
  for (guint i = 0; i < adjustments->len; i++)
    {
      const CrkAdjustment *a = &g_array_index (adjustments, CrkAdjustment, i);

      if (a->kind <= CRK_ADJUSTMENT_LOG_TRANSFORMED)
        counts[a->kind]++;
    }
  s = g_string_new (NULL);
  if (counts[CRK_ADJUSTMENT_DENOMINATED] > 0)
    g_string_append_printf (s,
                            ngettext ("%u value was divided by a denominator. ",
                                      "%u values were divided by a denominator. ",
                                      counts[CRK_ADJUSTMENT_DENOMINATED]),
                            counts[CRK_ADJUSTMENT_DENOMINATED]);
  if (counts[CRK_ADJUSTMENT_IMPUTED] > 0)
    g_string_append_printf (s,
                            ngettext ("%u missing value was imputed. ",
                                      "%u missing values were imputed. ",
                                      counts[CRK_ADJUSTMENT_IMPUTED]),
                            counts[CRK_ADJUSTMENT_IMPUTED]);
  if (counts[CRK_ADJUSTMENT_WINSORISED] > 0)
    g_string_append_printf (s,
                            ngettext ("%u outlying value was winsorised. ",
                                      "%u outlying values were winsorised. ",
                                      counts[CRK_ADJUSTMENT_WINSORISED]),
                            counts[CRK_ADJUSTMENT_WINSORISED]);
  if (counts[CRK_ADJUSTMENT_LOG_TRANSFORMED] > 0)
    g_string_append_printf (s,
                            ngettext ("%u log transform was applied. ",
                                      "%u log transforms were applied. ",
                                      counts[CRK_ADJUSTMENT_LOG_TRANSFORMED]),
                            counts[CRK_ADJUSTMENT_LOG_TRANSFORMED]);
  g_strchomp (s->str);
  s->len = strlen (s->str);
  crk_report_add_block (self, CRK_BLOCK_BULLET,
                        item (_ ("Adjustments."), g_string_free (s, FALSE)));
}

void
crk_report_build_method (CrkReport *self)
{
  CrkResults *r = self->results;
  CrkDataset *dataset = crk_results_get_dataset (r);
  CrkFrameworkNode *root = crk_results_get_node (r, 0);
  guint n_nodes = crk_results_get_n_nodes (r);
  guint n_leaves = 0, n_dims = crk_framework_node_get_n_children (root);
  g_autoptr (GHashTable) index_of = g_hash_table_new (NULL, NULL);
  GArray *warnings = crk_results_get_warnings (r);
  guint flags[6] = {
    CRK_COLUMN_WRAP | CRK_COLUMN_EXPAND,
    0,
    CRK_COLUMN_WRAP,
    0,
    CRK_COLUMN_NUMBER,
    CRK_COLUMN_NUMBER,
  };
  FrameworkWalk walk;
  char **cells;
  g_autofree char *title = crk_report_escape (crk_dataset_get_display_title (dataset));

  for (guint i = 0; i < n_nodes; i++)
    {
      CrkFrameworkNode *node = crk_results_get_node (r, i);

      g_hash_table_insert (index_of, node, GUINT_TO_POINTER (i + 1));
      if (crk_framework_node_is_leaf (node))
        n_leaves++;
    }

  crk_report_add_block (self, CRK_BLOCK_H1,
                        g_strdup (crk_report_section_get_title (CRK_REPORT_SECTION_METHOD)));
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                        g_strdup_printf (ngettext ("<i>%s</i> combines %u indicator",
                                                   "<i>%s</i> combines %u indicators", n_leaves),
                                         title, n_leaves));
  /* Finish the sentence in a second, plural-correct part. */
  {
    CrkBlock *b = &g_array_index (self->blocks, CrkBlock, self->blocks->len - 1);
    char *more = g_strdup_printf (
      ngettext (" in %u dimension. Each indicator is normalised, weighted and aggregated "
                "into dimension scores and the index score as set out below.",
                " in %u dimensions. Each indicator is normalised, weighted and aggregated "
                "into dimension scores and the index score as set out below.",
                n_dims),
      n_dims);
    char *all = g_strconcat (b->markup, more, NULL);

    g_free (b->markup);
    g_free (more);
    b->markup = all;
  }

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Framework")));
  walk.self = self;
  walk.index_of = index_of;
  walk.table = crk_report_add_table (self, 6, flags, CRK_REPORT_TABLE_SIZE);
  g_array_index (self->tables, CrkReportTable, walk.table).zebra = FALSE;
  cells = crk_report_cells_new (6);
  cells[0] = g_strdup (_ ("Dimension and indicator"));
  cells[1] = g_strdup (_ ("Code"));
  cells[2] = g_strdup (_ ("Unit"));
  cells[3] = g_strdup (_ ("Better when"));
  cells[4] = g_strdup (_ ("Weight in its dimension"));
  cells[5] = g_strdup (_ ("Weight in the index"));
  crk_report_add_row (self, walk.table, cells, CRK_ROW_HEADER);
  crk_framework_node_foreach (root, add_framework_row, &walk);

  build_computation (self);
  build_adjustments (self);

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Warnings")));
  if (warnings == NULL || warnings->len == 0)
    crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                          g_strdup (_ ("The computation raised no warnings.")));
  else
    for (guint i = 0; i < warnings->len; i++)
      {
        const CrkWarning *w = &g_array_index (warnings, CrkWarning, i);

        crk_report_add_block (self, CRK_BLOCK_BULLET, crk_report_escape (w->message));
      }

  crk_report_add_block (self, CRK_BLOCK_H2, g_strdup (_ ("Comparing years")));
  crk_report_add_block (self, CRK_BLOCK_PARAGRAPH,
                        g_strdup (crk_report_unit_word (self, CRK_UNIT_WORD_NOT_COMPARABLE)));
}
