/* crk-ranking-row.c: one city's line in the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-ranking-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crk-ranking-row.h"

struct _CrkRankingRow
{
  GObject parent_instance;

  CrkCity *city;
  CrkDataset *dataset;   /* only while constructed: names the city's groups */
  char *group_attribute; /* only while constructed: the group shown, NULL: "province" */
  char *province;        /* that group's name in the user's language */
  char *search_text;
  guint rank;
  int shift;
  int change;
  int change_state;
  double score;
  int tier;
  char *tier_name;
  char *unranked_reason;
  GArray *dimension_scores; /* double */
  guint revision;
};

G_DEFINE_FINAL_TYPE (CrkRankingRow, crk_ranking_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CITY,
  PROP_DATASET,
  PROP_GROUP_ATTRIBUTE,
  PROP_CODE,
  PROP_PRIMARY_NAME,
  PROP_SECONDARY_NAME,
  PROP_PROVINCE,
  PROP_SEARCH_TEXT,
  PROP_RANKED,
  PROP_UNRANKED,
  PROP_RANK,
  PROP_RANK_KEY,
  PROP_RANK_TEXT,
  PROP_SHIFT,
  PROP_CHANGE,
  PROP_CHANGE_STATE,
  PROP_CHANGE_KEY,
  PROP_SCORE,
  PROP_SCORE_KEY,
  PROP_SCORE_TEXT,
  PROP_TIER,
  PROP_TIER_KEY,
  PROP_TIER_NAME,
  PROP_UNRANKED_REASON,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
crk_format_score (double score)
{
  if (isnan (score))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", score);
}

static const char *
primary_name (CrkRankingRow *self)
{
  return crk_city_get_display_name (self->city);
}

static const char *
secondary_name (CrkRankingRow *self)
{
  const char *name = crk_city_get_name (self->city);
  const char *name_zh = crk_city_get_name_zh (self->city);
  const char *primary = primary_name (self);

  if (primary == name)
    return name_zh != NULL ? name_zh : "";
  return name != NULL && g_strcmp0 (name, primary) != 0 ? name : "";
}

static double
score_key (double score)
{
  return isnan (score) ? -G_MAXDOUBLE : score;
}

static void
crk_ranking_row_finalize (GObject *object)
{
  CrkRankingRow *self = (CrkRankingRow *) object;

  g_clear_object (&self->city);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->group_attribute, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tier_name, g_free);
  g_clear_pointer (&self->unranked_reason, g_free);
  g_clear_pointer (&self->dimension_scores, g_array_unref);

  G_OBJECT_CLASS (crk_ranking_row_parent_class)->finalize (object);
}

static void
crk_ranking_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkRankingRow *self = CRK_RANKING_ROW (object);

  switch (prop_id)
    {
      case PROP_CITY:
        g_value_set_object (value, self->city);
        break;
      case PROP_CODE:
        g_value_set_string (value, crk_city_get_code (self->city));
        break;
      case PROP_PRIMARY_NAME:
        g_value_set_string (value, primary_name (self));
        break;
      case PROP_SECONDARY_NAME:
        g_value_set_string (value, secondary_name (self));
        break;
      case PROP_PROVINCE:
        g_value_set_string (value, self->province);
        break;
      case PROP_SEARCH_TEXT:
        g_value_set_string (value, self->search_text);
        break;
      case PROP_RANKED:
        g_value_set_boolean (value, self->rank > 0);
        break;
      case PROP_UNRANKED:
        g_value_set_boolean (value, self->rank == 0);
        break;
      case PROP_RANK:
        g_value_set_uint (value, self->rank);
        break;
      case PROP_RANK_KEY:
        g_value_set_uint (value, self->rank > 0 ? self->rank : G_MAXUINT);
        break;
      case PROP_RANK_TEXT:
        if (self->rank > 0)
          g_value_take_string (value, g_strdup_printf ("%u", self->rank));
        else
          g_value_set_string (value, "—");
        break;
      case PROP_SHIFT:
        g_value_set_int (value, self->shift);
        break;
      case PROP_CHANGE:
        g_value_set_int (value, self->change);
        break;
      case PROP_CHANGE_STATE:
        g_value_set_int (value, self->change_state);
        break;
      case PROP_CHANGE_KEY:
        /* new entries above every riser, no change below every faller */
        g_value_set_int (value,
                         self->change_state == CRK_CHANGE_VALUE   ? self->change
                           : self->change_state == CRK_CHANGE_NEW ? G_MAXINT
                                                                  : G_MININT);
        break;
      case PROP_SCORE:
        g_value_set_double (value, self->score);
        break;
      case PROP_SCORE_KEY:
        g_value_set_double (value, score_key (self->score));
        break;
      case PROP_SCORE_TEXT:
        g_value_take_string (value, crk_format_score (self->score));
        break;
      case PROP_TIER:
        g_value_set_int (value, self->tier);
        break;
      case PROP_TIER_KEY:
        g_value_set_int (value, self->tier >= 0 ? self->tier : G_MAXINT);
        break;
      case PROP_TIER_NAME:
        g_value_set_string (value, self->tier_name != NULL ? self->tier_name : "");
        break;
      case PROP_UNRANKED_REASON:
        g_value_set_string (value, self->unranked_reason);
        break;
      case PROP_REVISION:
        g_value_set_uint (value, self->revision);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_ranking_row_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  CrkRankingRow *self = CRK_RANKING_ROW (object);

  switch (prop_id)
    {
      case PROP_CITY:
        self->city = g_value_dup_object (value);
        break;
      case PROP_DATASET:
        self->dataset = g_value_dup_object (value);
        break;
      case PROP_GROUP_ATTRIBUTE:
        self->group_attribute = g_value_dup_string (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
crk_ranking_row_constructed (GObject *object)
{
  CrkRankingRow *self = CRK_RANKING_ROW (object);
  const char *attribute;
  const char *province;
  const char *name = NULL;
  const char *name_zh = NULL;

  G_OBJECT_CLASS (crk_ranking_row_parent_class)->constructed (object);

  g_assert (self->city != NULL);
  /* the names are looked up once here, not for every update on a weight change */
  attribute = self->group_attribute != NULL ? self->group_attribute : "province";
  province = crk_city_get_attribute (self->city, attribute);
  if (self->dataset != NULL)
    {
      crk_dataset_get_group_name (self->dataset, attribute, province, &name, &name_zh);
      self->province =
        g_strdup (crk_dataset_get_group_display_name (self->dataset, attribute, province));
    }
  else
    self->province = g_strdup (province);
  /* a search matches the value and both names of the province */
  self->search_text =
    g_strjoin ("\n", crk_city_get_code (self->city), or_empty (crk_city_get_name (self->city)),
               or_empty (crk_city_get_name_zh (self->city)), or_empty (province), or_empty (name),
               or_empty (name_zh), NULL);
  g_clear_object (&self->dataset);
}

static void
crk_ranking_row_class_init (CrkRankingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crk_ranking_row_finalize;
  object_class->get_property = crk_ranking_row_get_property;
  object_class->set_property = crk_ranking_row_set_property;
  object_class->constructed = crk_ranking_row_constructed;

  properties[PROP_CITY] =
    g_param_spec_object ("city", NULL, NULL, CRK_TYPE_CITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, CRK_TYPE_DATASET,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_ATTRIBUTE] =
    g_param_spec_string ("group-attribute", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_PRIMARY_NAME] = g_param_spec_string ("primary-name", NULL, NULL, NULL, ro);
  properties[PROP_SECONDARY_NAME] = g_param_spec_string ("secondary-name", NULL, NULL, NULL, ro);
  properties[PROP_PROVINCE] = g_param_spec_string ("province", NULL, NULL, NULL, ro);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, ro);
  properties[PROP_RANKED] = g_param_spec_boolean ("ranked", NULL, NULL, FALSE, ro);
  properties[PROP_UNRANKED] = g_param_spec_boolean ("unranked", NULL, NULL, TRUE, ro);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_RANK_KEY] =
    g_param_spec_uint ("rank-key", NULL, NULL, 0, G_MAXUINT, G_MAXUINT, ro);
  properties[PROP_RANK_TEXT] = g_param_spec_string ("rank-text", NULL, NULL, NULL, ro);
  properties[PROP_SHIFT] = g_param_spec_int ("shift", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_CHANGE] = g_param_spec_int ("change", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_CHANGE_STATE] = g_param_spec_int ("change-state", NULL, NULL, CRK_CHANGE_NONE,
                                                    CRK_CHANGE_NEW, CRK_CHANGE_NONE, ro);
  properties[PROP_CHANGE_KEY] =
    g_param_spec_int ("change-key", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_SCORE_KEY] =
    g_param_spec_double ("score-key", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_SCORE_TEXT] = g_param_spec_string ("score-text", NULL, NULL, NULL, ro);
  properties[PROP_TIER] = g_param_spec_int ("tier", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_TIER_KEY] = g_param_spec_int ("tier-key", NULL, NULL, 0, G_MAXINT, G_MAXINT, ro);
  properties[PROP_TIER_NAME] = g_param_spec_string ("tier-name", NULL, NULL, NULL, ro);
  properties[PROP_UNRANKED_REASON] = g_param_spec_string ("unranked-reason", NULL, NULL, NULL, ro);
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crk_ranking_row_init (CrkRankingRow *self)
{
  self->score = NAN;
  self->tier = -1;
  self->dimension_scores = g_array_new (FALSE, TRUE, sizeof (double));
}

/**
 * crk_ranking_row_new:
 * @dataset: (nullable): the dataset of @city, which names its groups
 * @city: the city of the row
 *
 * The row shows the province's name in the user's language at the time it is made
 * (crk_dataset_get_group_display_name()): make new rows when the language changes.
 *
 * Returns: (transfer full): a row without results
 */
CrkRankingRow *
crk_ranking_row_new (CrkDataset *dataset, CrkCity *city)
{
  g_return_val_if_fail (dataset == NULL || CRK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (CRK_IS_CITY (city), NULL);

  return g_object_new (CRK_TYPE_RANKING_ROW, "dataset", dataset, "city", city, NULL);
}

/**
 * crk_ranking_row_new_for_group:
 * @dataset: (nullable): the dataset of @city, which names its groups
 * @city: the city of the row
 * @attribute: (nullable): the group attribute the row's "province" shows ("province",
 *   "region" or another of crk_city_get_attribute()); %NULL: "province"
 *
 * Returns: (transfer full): a row without results
 */
CrkRankingRow *
crk_ranking_row_new_for_group (CrkDataset *dataset, CrkCity *city, const char *attribute)
{
  g_return_val_if_fail (dataset == NULL || CRK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (CRK_IS_CITY (city), NULL);

  return g_object_new (CRK_TYPE_RANKING_ROW, "dataset", dataset, "city", city, "group-attribute",
                       attribute, NULL);
}

CrkCity *
crk_ranking_row_get_city (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), NULL);
  return self->city;
}

guint
crk_ranking_row_get_rank (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), 0);
  return self->rank;
}

double
crk_ranking_row_get_score (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), NAN);
  return self->score;
}

int
crk_ranking_row_get_shift (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), 0);
  return self->shift;
}

const char *
crk_ranking_row_get_unranked_reason (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), NULL);
  return self->unranked_reason;
}

guint
crk_ranking_row_get_n_dimensions (CrkRankingRow *self)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), 0);
  return self->dimension_scores->len;
}

double
crk_ranking_row_get_dimension_score (CrkRankingRow *self, guint i)
{
  g_return_val_if_fail (CRK_IS_RANKING_ROW (self), NAN);

  if (i >= self->dimension_scores->len)
    return NAN;
  return g_array_index (self->dimension_scores, double, i);
}

double
crk_ranking_row_get_dimension_key (CrkRankingRow *self, guint i)
{
  return score_key (crk_ranking_row_get_dimension_score (self, i));
}

static gboolean
same_double (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/**
 * crk_ranking_row_update:
 * @self: a row
 * @results: the results to show
 * @dimensions: node indices (guint) of the dimension columns
 * @track_shift: whether to record the movement against the previous rank
 *
 * Copies the city's figures from @results and notifies the properties that changed.
 */
void
crk_ranking_row_update (CrkRankingRow *self,
                        CrkResults *results,
                        GArray *dimensions,
                        gboolean track_shift)
{
  guint city;
  guint rank;
  int shift = 0;
  int change = 0;
  double score_change = 0;
  int change_state = CRK_CHANGE_NONE;
  double score;
  int tier;
  const char *reason;

  g_return_if_fail (CRK_IS_RANKING_ROW (self));
  g_return_if_fail (CRK_IS_RESULTS (results));

  city = crk_city_get_index (self->city);
  rank = crk_results_get_rank (results, city);
  score = crk_results_get_index_score (results, city);
  tier = crk_results_get_tier (results, city);
  reason = crk_results_get_unranked_reason (results, city);

  if (crk_results_get_change (results, city, &change, &score_change))
    change_state = CRK_CHANGE_VALUE;
  else if (rank > 0 && crk_results_has_base_year (results) &&
           crk_results_get_base_rank (results, city) == 0)
    change_state = CRK_CHANGE_NEW;
  else
    change = 0;

  if (track_shift && self->rank > 0 && rank > 0)
    shift = (int) self->rank - (int) rank;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->rank != rank)
    {
      gboolean was_ranked = self->rank > 0;

      self->rank = rank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK_KEY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK_TEXT]);
      if (was_ranked != (rank > 0))
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANKED]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNRANKED]);
        }
    }
  if (self->shift != shift)
    {
      self->shift = shift;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHIFT]);
    }
  if (self->change != change || self->change_state != change_state)
    {
      self->change = change;
      self->change_state = change_state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_KEY]);
    }
  if (!same_double (self->score, score))
    {
      self->score = score;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_KEY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_TEXT]);
    }
  if (self->tier != tier)
    {
      self->tier = tier;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER_KEY]);
    }
  {
    const char *tier_name = tier >= 0 ? crk_results_get_tier_name (results, (guint) tier) : NULL;

    if (g_strcmp0 (self->tier_name, tier_name) != 0)
      {
        g_free (self->tier_name);
        self->tier_name = g_strdup (tier_name);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER_NAME]);
      }
  }
  if (g_strcmp0 (self->unranked_reason, reason) != 0)
    {
      g_free (self->unranked_reason);
      self->unranked_reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNRANKED_REASON]);
    }

  crk_ranking_row_set_dimensions (self, results, dimensions);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * crk_ranking_row_set_dimensions:
 * @self: a row
 * @results: the results shown
 * @dimensions: node indices (guint) of the score columns
 *
 * Takes the scores of other columns from @results, and nothing else (the window's level
 * chooser: the rank and its movement stay).
 */
void
crk_ranking_row_set_dimensions (CrkRankingRow *self, CrkResults *results, GArray *dimensions)
{
  guint city = crk_city_get_index (self->city);
  gboolean dims_changed = FALSE;

  if (self->dimension_scores->len != dimensions->len)
    {
      g_array_set_size (self->dimension_scores, dimensions->len);
      dims_changed = TRUE;
    }
  for (guint i = 0; i < dimensions->len; i++)
    {
      double s = crk_results_get_score (results, g_array_index (dimensions, guint, i), city);
      double *slot = &g_array_index (self->dimension_scores, double, i);

      if (dims_changed || !same_double (*slot, s))
        {
          *slot = s;
          dims_changed = TRUE;
        }
    }
  if (dims_changed)
    {
      self->revision++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
}
