/* crk-dataset-reader-method.c: the <method> of the native format, as the reader reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-dataset-reader-private.h"

static void
read_normalisation (Reader *r, CrkNormalisation *mode, double *p1, double *p2, const char **code)
{
  static const char *const names[] = {"mode", "low", "high", "mean", "sd", "code", NULL};
  const char *v[7];

  _crk_reader_read_attributes (r, names, v);
  *code = v[5];
  if (v[0] == NULL || !crk_normalisation_from_string (v[0], mode))
    *mode = CRK_NORMALISATION_MINMAX;
  if (*mode == CRK_NORMALISATION_ZSCORE)
    {
      *p1 = 0;
      *p2 = 1;
      if (v[3] != NULL)
        _crk_reader_parse_double (v[3], p1);
      if (v[4] != NULL)
        _crk_reader_parse_double (v[4], p2);
    }
  else
    {
      *p1 = 0;
      *p2 = 100;
      if (v[1] != NULL)
        _crk_reader_parse_double (v[1], p1);
      if (v[2] != NULL)
        _crk_reader_parse_double (v[2], p2);
    }
}

void
_crk_reader_clear_tiers (GArray *tiers)
{
  for (guint i = 0; i < tiers->len; i++)
    {
      g_free (g_array_index (tiers, CrkTier, i).name);
      g_free (g_array_index (tiers, CrkTier, i).name_zh);
    }
  g_array_set_size (tiers, 0);
}

static void
add_method_ref (Reader *r, const char *code, gint64 ordinal, CrkRuleSubject what)
{
  MethodRef ref = {g_strdup (code), ordinal, what};

  g_array_append_val (r->method_refs, ref);
}

static void
end_method (Reader *r)
{
  if (r->method == NULL)
    return;
  crk_method_thaw (r->method);
  crk_dataset_set_method (r->dataset, r->method);
  g_clear_object (&r->method);
}

/* <treatment>: the mode and its parameters. */
static void
start_treatment (Reader *r)
{
  static const char *const names[] = {"mode", "skew", "kurtosis", "max-points", NULL};
  const char *v[4];
  CrkTreatment mode;
  double skew, kurtosis;
  guint max_points;
  gint64 n;

  _crk_reader_read_attributes (r, names, v);
  if (r->method == NULL)
    return;
  if (v[0] != NULL && crk_treatment_from_string (v[0], &mode))
    crk_method_set_treatment (r->method, mode);
  crk_method_get_treatment_params (r->method, &skew, &kurtosis, &max_points);
  if (v[1] != NULL)
    _crk_reader_parse_double (v[1], &skew);
  if (v[2] != NULL)
    _crk_reader_parse_double (v[2], &kurtosis);
  if (_crk_reader_parse_int (v[3], 0, G_MAXUINT, &n))
    max_points = (guint) n;
  crk_method_set_treatment_params (r->method, skew, kurtosis, max_points);
}

/* <weights>: the scheme and its variants. */
static void
start_weights (Reader *r)
{
  static const char *const names[] = {"scheme", "entropy-variant", "topsis-variant", NULL};
  const char *v[3];
  CrkWeightScheme scheme;
  gint64 n;

  _crk_reader_read_attributes (r, names, v);
  if (r->method == NULL)
    return;
  if (v[0] != NULL && crk_weight_scheme_from_string (v[0], &scheme))
    crk_method_set_weight_scheme (r->method, scheme);
  if (_crk_reader_parse_int (v[1], 0, G_MAXUINT, &n))
    crk_method_set_entropy_variant (r->method, (guint) n);
  if (_crk_reader_parse_int (v[2], 0, G_MAXUINT, &n))
    crk_method_set_topsis_variant (r->method, (guint) n);
}

/* The elements of <method>: at their start and at their end. */
void
_crk_reader_start_method_element (Reader *r, Frame *f)
{
  switch (f->elem)
    {
      case E_METHOD:
        g_clear_object (&r->method);
        r->method = crk_method_new ();
        crk_method_freeze (r->method);
        break;

      case E_DENOMINATION:
        {
          CrkDenomination mode;

          if (r->method != NULL &&
              crk_denomination_from_string (_crk_reader_read_attribute (r, "mode"), &mode))
            crk_method_set_denomination (r->method, mode);
        }
        break;

      case E_IMPUTATION:
        {
          static const char *const names[] = {"mode", "group", NULL};
          const char *v[2];
          CrkImputation mode;

          _crk_reader_read_attributes (r, names, v);
          if (r->method == NULL || v[0] == NULL || !crk_imputation_from_string (v[0], &mode))
            break;
          crk_method_set_imputation (r->method, mode, v[1]);
          add_method_ref (r, "imputation", r->n_elements, CRK_RULE_METHOD);
        }
        break;

      case E_TREATMENT:
        start_treatment (r);
        break;

      case E_NORMALISATION:
        {
          CrkNormalisation mode;
          double p1, p2;
          const char *code;

          read_normalisation (r, &mode, &p1, &p2, &code);
          if (r->method != NULL)
            crk_method_set_normalisation (r->method, mode, p1, p2);
        }
        break;

      case E_NORM_INDICATOR:
        {
          CrkNormalisation mode;
          double p1, p2;
          const char *code;

          read_normalisation (r, &mode, &p1, &p2, &code);
          if (r->method == NULL || !is_set (code))
            break;
          crk_method_set_indicator_normalisation (r->method, code, mode, p1, p2);
          add_method_ref (r, code, r->n_elements, CRK_RULE_METHOD_NORMALISATION);
        }
        break;

      case E_WEIGHTS:
        start_weights (r);
        break;

      case E_WEIGHT:
        f->aux = g_strdup (_crk_reader_read_attribute (r, "node"));
        break;

      case E_AGGREGATION:
        {
          CrkAggregation mode;

          if (r->method != NULL &&
              crk_aggregation_from_string (_crk_reader_read_attribute (r, "mode"), &mode))
            crk_method_set_aggregation (r->method, mode);
        }
        break;

      case E_AGG_LEVEL:
      case E_AGG_NODE:
        {
          static const char *const names[] = {"number", "code", "mode", NULL};
          const char *v[3];
          CrkAggregation mode;
          gint64 level;

          _crk_reader_read_attributes (r, names, v);
          if (r->method == NULL || v[2] == NULL || !crk_aggregation_from_string (v[2], &mode))
            break;
          if (f->elem == E_AGG_LEVEL && _crk_reader_parse_int (v[0], 1, G_MAXUINT, &level))
            crk_method_set_level_aggregation (r->method, (guint) level, mode);
          else if (f->elem == E_AGG_NODE && is_set (v[1]))
            {
              crk_method_set_node_aggregation (r->method, v[1], mode);
              add_method_ref (r, v[1], r->n_elements, CRK_RULE_METHOD_AGGREGATION);
            }
        }
        break;

      case E_AVAILABILITY:
        {
          double threshold;

          if (r->method != NULL &&
              _crk_reader_parse_double (_crk_reader_read_attribute (r, "threshold"), &threshold) &&
              threshold >= 0 && threshold <= 1)
            crk_method_set_availability (r->method, threshold);
        }
        break;

      case E_TIERS:
        if (!crk_tier_rule_from_string (_crk_reader_read_attribute (r, "rule"), &r->tier_rule))
          r->tier_rule = CRK_TIER_RULE_NONE;
        _crk_reader_clear_tiers (r->tiers);
        break;

      case E_TIER:
        {
          CrkTier tier = {NULL, NULL, 0};

          _crk_reader_parse_double (_crk_reader_read_attribute (r, "bound"), &tier.bound);
          g_array_append_val (r->tiers, tier);
        }
        break;

      case E_GROUP_RANKS:
        {
          const char *attribute = _crk_reader_read_attribute (r, "attribute");

          if (r->method != NULL && is_set (attribute))
            crk_method_set_group_attribute (r->method, attribute);
        }
        break;

      default:
        break;
    }
}

void
_crk_reader_end_method_element (Reader *r, Frame *f)
{
  switch (f->elem)
    {
      case E_WEIGHT:
        {
          double weight;

          if (r->method == NULL || !is_set (f->aux))
            break;
          if (!_crk_reader_parse_double (_crk_reader_text_value (r), &weight))
            break; /* the schema reports it */
          if (!isfinite (weight) || weight < 0)
            _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                                     _ ("the method’s weight of “%s” is negative or not finite"),
                                     f->aux);
          else
            crk_method_set_weight (r->method, f->aux, weight);
          add_method_ref (r, f->aux, f->ordinal, CRK_RULE_METHOD_WEIGHT);
        }
        break;

      case E_TIER_NAME:
        if (r->tiers->len > 0)
          {
            CrkTier *tier = &g_array_index (r->tiers, CrkTier, r->tiers->len - 1);
            char **target = f->zh ? &tier->name_zh : &tier->name;

            g_free (*target);
            *target = g_strdup (_crk_reader_text_value (r));
          }
        break;

      case E_TIERS:
        if (r->method != NULL)
          crk_method_set_tiers (r->method, r->tier_rule, (const CrkTier *) r->tiers->data,
                                r->tiers->len);
        break;

      case E_BASE_YEAR:
        {
          gint64 year;

          if (r->method != NULL &&
              _crk_reader_parse_int (_crk_reader_text_value (r), 1, 9999, &year))
            crk_method_set_base_year (r->method, (int) year);
        }
        break;

      case E_METHOD:
        end_method (r);
        break;

      default:
        break;
    }
}
