/* crk-dataset-reader-elements.c: the elements of the native format, their place in the
 * document, and what the reader does at their start and end: the metadata, cities,
 * groups, indicators and framework here, the method and the values in
 * crk-dataset-reader-method.c and crk-dataset-reader-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crk-dataset-format.h"
#include "crk-dataset-reader-private.h"

typedef struct
{
  Elem parent;
  const char *name;
  Elem elem;
} Transition;

static const Transition transitions[] = {
  {E_ROOT, "dataset", E_DATASET},
  {E_DATASET, "metadata", E_METADATA},
  {E_DATASET, "cities", E_CITIES},
  {E_DATASET, "groups", E_GROUPS},
  {E_DATASET, "indicators", E_INDICATORS},
  {E_DATASET, "framework", E_FRAMEWORK},
  {E_DATASET, "method", E_METHOD},
  {E_DATASET, "values", E_VALUES},
  {E_METADATA, "title", E_TITLE},
  {E_METADATA, "edition", E_EDITION},
  {E_METADATA, "publisher", E_PUBLISHER},
  {E_METADATA, "source", E_SOURCE},
  {E_METADATA, "licence", E_LICENCE},
  {E_METADATA, "notes", E_NOTES},
  {E_METADATA, "years", E_YEARS},
  {E_CITIES, "city", E_CITY},
  {E_CITY, "name", E_CITY_NAME},
  {E_CITY, "alias", E_CITY_ALIAS},
  {E_CITY, "attribute", E_CITY_ATTRIBUTE},
  {E_CITY, "reference-rank", E_REFERENCE_RANK},
  {E_GROUPS, "group", E_GROUP},
  {E_GROUP, "name", E_GROUP_NAME},
  {E_INDICATORS, "indicator", E_INDICATOR},
  {E_INDICATOR, "name", E_IND_NAME},
  {E_INDICATOR, "description", E_IND_DESCRIPTION},
  {E_INDICATOR, "source", E_IND_SOURCE},
  {E_INDICATOR, "goalposts", E_GOALPOSTS},
  {E_FRAMEWORK, "node", E_NODE},
  {E_NODE, "node", E_NODE},
  {E_NODE, "name", E_NODE_NAME},
  {E_NODE, "indicator-ref", E_INDICATOR_REF},
  {E_METHOD, "denomination", E_DENOMINATION},
  {E_METHOD, "imputation", E_IMPUTATION},
  {E_METHOD, "treatment", E_TREATMENT},
  {E_METHOD, "normalisation", E_NORMALISATION},
  {E_NORMALISATION, "indicator", E_NORM_INDICATOR},
  {E_METHOD, "weights", E_WEIGHTS},
  {E_WEIGHTS, "weight", E_WEIGHT},
  {E_METHOD, "aggregation", E_AGGREGATION},
  {E_AGGREGATION, "level", E_AGG_LEVEL},
  {E_AGGREGATION, "node", E_AGG_NODE},
  {E_METHOD, "availability", E_AVAILABILITY},
  {E_METHOD, "tiers", E_TIERS},
  {E_TIERS, "tier", E_TIER},
  {E_TIER, "name", E_TIER_NAME},
  {E_METHOD, "base-year", E_BASE_YEAR},
  {E_METHOD, "group-ranks", E_GROUP_RANKS},
  {E_VALUES, "city", E_V_CITY},
  {E_V_CITY, "year", E_V_YEAR},
  {E_V_YEAR, "v", E_V},
};

/* Elements whose text content the reader needs. */
gboolean
_crk_reader_elem_has_text (Elem elem)
{
  switch (elem)
    {
      case E_TITLE:
      case E_EDITION:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_LICENCE:
      case E_NOTES:
      case E_YEARS:
      case E_CITY_NAME:
      case E_CITY_ALIAS:
      case E_CITY_ATTRIBUTE:
      case E_REFERENCE_RANK:
      case E_GROUP_NAME:
      case E_IND_NAME:
      case E_IND_DESCRIPTION:
      case E_IND_SOURCE:
      case E_NODE_NAME:
      case E_WEIGHT:
      case E_TIER_NAME:
      case E_BASE_YEAR:
      case E_V:
        return TRUE;
      default:
        return FALSE;
    }
}

Elem
_crk_reader_classify (Frame *parent_frame, const char *local, const char *ns)
{
  Elem parent = parent_frame != NULL ? parent_frame->elem : E_ROOT;

  if (ns == NULL || strcmp (ns, CRK_DATASET_NAMESPACE) != 0 || parent == E_UNKNOWN)
    return E_UNKNOWN;
  /* The common case first. */
  if (parent == E_V_YEAR && local[0] == 'v' && local[1] == '\0')
    return E_V;
  for (gsize i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].parent == parent && strcmp (transitions[i].name, local) == 0)
      return transitions[i].elem;
  return E_UNKNOWN;
}

static const char *
elem_name (Elem elem)
{
  for (gsize i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].elem == elem)
      return transitions[i].name;
  return "?";
}

/* The schema rejects it too, but libxml2 often names a neighbour: say exactly where. */
void
_crk_reader_report_unexpected (Reader *r, Frame *parent, const char *local, const char *ns)
{
  g_autofree char *shown = g_utf8_make_valid (local != NULL ? local : "", -1);

  if (parent == NULL)
    _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                             _ ("the root element is <%s>, not <dataset> in the namespace %s"),
                             shown, CRK_DATASET_NAMESPACE);
  else if (ns == NULL || strcmp (ns, CRK_DATASET_NAMESPACE) != 0)
    _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                             _ ("the element <%s> is not in the namespace %s"), shown,
                             CRK_DATASET_NAMESPACE);
  else
    _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_SCHEMA,
                             _ ("unexpected element <%s> in <%s>"), shown,
                             elem_name (parent->elem));
}

/* A node's weight as written (1 when absent); crk_dataset_check_rules() checks it. */
static double
read_weight (const char *weight_s)
{
  double weight;

  if (weight_s == NULL || !_crk_reader_parse_double (weight_s, &weight))
    return 1.0; /* the schema reports a bad number */
  return weight;
}

/* Records a framework node code (inner or leaf) and reports a repeat. */
static gboolean
take_node_code (Reader *r, const char *code)
{
  gpointer first = g_hash_table_lookup (r->node_ordinals, code);

  if (first != NULL)
    {
      _crk_reader_add_duplicate (r, r->n_elements, *(gint64 *) first,
                                 _ ("the framework node code “%s” is used twice"), code);
      r->framework_incomplete = TRUE;
      return FALSE;
    }
  g_hash_table_insert (r->node_ordinals, g_strdup (code),
                       g_memdup2 (&r->n_elements, sizeof (gint64)));
  return TRUE;
}

static void
append_to_parent (Reader *r, Frame *f, CrkFrameworkNode *node)
{
  Frame *parent = r->depth >= 2 ? &r->stack[r->depth - 2] : NULL;

  if (parent != NULL && parent->elem == E_NODE && parent->fnode != NULL)
    crk_framework_node_append_child (parent->fnode, node);
  else if (parent != NULL && parent->elem == E_FRAMEWORK && r->root == NULL)
    r->root = g_object_ref (node);
  else
    r->framework_incomplete = TRUE; /* a second root, or under a node refused */
}

/* <node> and <indicator-ref>: a node of the framework tree. */
static void
start_node (Reader *r, Frame *f)
{
  static const char *const names[] = {"code", "weight", NULL};
  const char *v[2];
  g_autoptr (CrkFrameworkNode) node = NULL;
  double weight;

  _crk_reader_read_attributes (r, names, v);
  if (!is_set (v[0]))
    return;
  weight = read_weight (v[1]);
  if (f->elem == E_INDICATOR_REF)
    {
      gpointer first = g_hash_table_lookup (r->referenced, v[0]);

      if (first != NULL)
        {
          _crk_reader_add_duplicate (r, r->n_elements, *(gint64 *) first,
                                     _ ("the indicator “%s” appears twice in the framework"), v[0]);
          return;
        }
      g_hash_table_insert (r->referenced, g_strdup (v[0]),
                           g_memdup2 (&r->n_elements, sizeof (gint64)));
      if (!take_node_code (r, v[0]))
        return;
    }
  else if (crk_dataset_lookup_indicator (r->dataset, v[0]) != NULL)
    {
      _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                               _ ("the framework node code “%s” is an indicator’s code; "
                                  "use <indicator-ref> for indicators"),
                               v[0]);
      r->framework_incomplete = TRUE;
      return;
    }
  else if (!take_node_code (r, v[0]))
    return;

  node = crk_framework_node_new (v[0], NULL);
  crk_framework_node_set_weight (node, weight);
  f->fnode = g_object_ref (node);
  append_to_parent (r, f, node);
}

/* Records that @code first appears at element @ordinal; when it was seen before, returns
 * the ordinal of its first appearance instead (and records nothing). */
static const gint64 *
claim_code (GHashTable *ordinals, const char *code, gint64 ordinal)
{
  const gint64 *first = g_hash_table_lookup (ordinals, code);

  if (first == NULL)
    g_hash_table_insert (ordinals, g_strdup (code), g_memdup2 (&ordinal, sizeof ordinal));
  return first;
}

/* Group names */

char *
_crk_reader_group_key (const char *attribute, const char *value)
{
  return g_strconcat (attribute, "\x1f", value, NULL);
}

void
_crk_reader_clear_group (Reader *r)
{
  g_clear_pointer (&r->group_attribute, g_free);
  g_clear_pointer (&r->group_value, g_free);
  g_clear_pointer (&r->group_name, g_free);
  g_clear_pointer (&r->group_name_zh, g_free);
}

static void
end_group (Reader *r, Frame *f)
{
  g_autofree char *key = NULL;
  const gint64 *first;
  gboolean ok = TRUE;

  if (r->group_attribute == NULL)
    return;
  key = _crk_reader_group_key (r->group_attribute, r->group_value);
  first = claim_code (r->group_ordinals, key, f->ordinal);
  if (first != NULL)
    {
      _crk_reader_add_duplicate (r, f->ordinal, *first,
                                 _ ("the group “%s” of the attribute “%s” is named twice"),
                                 r->group_value, r->group_attribute);
      ok = FALSE;
    }
  if (r->group_name == NULL && r->group_name_zh == NULL)
    {
      _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                               _ ("the group “%s” of the attribute “%s” has no name"),
                               r->group_value, r->group_attribute);
      ok = FALSE;
    }
  if (ok)
    crk_dataset_set_group_name (r->dataset, r->group_attribute, r->group_value, r->group_name,
                                r->group_name_zh);
  _crk_reader_clear_group (r);
}

/* Start and end of elements */

void
_crk_reader_start_element (Reader *r, Frame *f)
{
  switch (f->elem)
    {
      case E_TITLE:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_NOTES:
      case E_CITY_NAME:
      case E_GROUP_NAME:
      case E_IND_NAME:
      case E_IND_DESCRIPTION:
      case E_NODE_NAME:
      case E_TIER_NAME:
        f->zh = is_zh (_crk_reader_read_attribute (r, "xml:lang"));
        break;

      case E_CITIES:
        {
          const char *unit = _crk_reader_read_attribute (r, "unit");
          CrkUnitKind kind;

          /* the schema names an unknown kind with its line; a trusted file's stays a city */
          if (unit != NULL && crk_unit_kind_from_string (unit, &kind))
            crk_dataset_set_unit_kind (r->dataset, kind);
        }
        break;

      case E_CITY:
        {
          static const char *const names[] = {"code", "province", "region", NULL};
          const char *v[3];

          _crk_reader_read_attributes (r, names, v);
          if (!is_set (v[0]))
            break; /* the schema reports it */
          r->city = crk_city_new (v[0], NULL);
          if (v[1] != NULL && *v[1] != '\0')
            crk_city_set_province (r->city, v[1]);
          if (v[2] != NULL && *v[2] != '\0')
            crk_city_set_region (r->city, v[2]);
        }
        break;

      case E_CITY_ATTRIBUTE:
        f->aux = g_strdup (_crk_reader_read_attribute (r, "name"));
        break;

      case E_GROUP:
        {
          static const char *const names[] = {"attribute", "value", NULL};
          const char *v[2];

          _crk_reader_read_attributes (r, names, v);
          _crk_reader_clear_group (r);
          if (!is_set (v[0]) || v[1] == NULL)
            break; /* the schema reports it */
          r->group_attribute = g_strdup (v[0]);
          r->group_value = g_strdup (v[1]);
        }
        break;

      case E_REFERENCE_RANK:
        {
          gint64 year = 0;

          _crk_reader_parse_int (_crk_reader_read_attribute (r, "year"), 1, 9999, &year);
          f->number = (int) year;
        }
        break;

      case E_INDICATOR:
        {
          static const char *const names[] = {"code",        "kind",    "direction", "unit",
                                              "denominator", "unit-zh", NULL};
          const char *v[6];

          _crk_reader_read_attributes (r, names, v);
          if (!is_set (v[0]))
            break;
          r->indicator =
            crk_indicator_new (v[0],
                               g_strcmp0 (v[1], "denominator") == 0 ? CRK_INDICATOR_KIND_DENOMINATOR
                                                                    : CRK_INDICATOR_KIND_INDICATOR);
          crk_indicator_set_direction (r->indicator, g_strcmp0 (v[2], "-1") == 0 ? -1 : 1);
          if (v[3] != NULL && *v[3] != '\0')
            crk_indicator_set_unit (r->indicator, v[3]);
          if (v[4] != NULL && *v[4] != '\0')
            crk_indicator_set_denominator (r->indicator, v[4]);
          if (v[5] != NULL && *v[5] != '\0')
            crk_indicator_set_unit_zh (r->indicator, v[5]);
        }
        break;

      case E_GOALPOSTS:
        {
          static const char *const names[] = {"low", "high", "target", NULL};
          const char *v[3];
          double x;

          _crk_reader_read_attributes (r, names, v);
          if (r->indicator == NULL)
            break;
          if (_crk_reader_parse_double (v[0], &x))
            crk_indicator_set_goalpost_low (r->indicator, x);
          if (_crk_reader_parse_double (v[1], &x))
            crk_indicator_set_goalpost_high (r->indicator, x);
          if (_crk_reader_parse_double (v[2], &x))
            crk_indicator_set_target (r->indicator, x);
        }
        break;

      case E_FRAMEWORK:
        r->has_framework = TRUE;
        break;

      case E_NODE:
      case E_INDICATOR_REF:
        start_node (r, f);
        break;

      case E_METHOD:
      case E_DENOMINATION:
      case E_IMPUTATION:
      case E_TREATMENT:
      case E_NORMALISATION:
      case E_NORM_INDICATOR:
      case E_WEIGHTS:
      case E_WEIGHT:
      case E_AGGREGATION:
      case E_AGG_LEVEL:
      case E_AGG_NODE:
      case E_AVAILABILITY:
      case E_TIERS:
      case E_TIER:
      case E_GROUP_RANKS:
        _crk_reader_start_method_element (r, f);
        break;

      case E_VALUES:
      case E_V_CITY:
      case E_V_YEAR:
      case E_V:
        _crk_reader_start_values_element (r, f);
        break;

      default:
        break;
    }
}

static void
end_years (Reader *r)
{
  g_auto (GStrv) words = g_strsplit_set (r->text->str, " \t\r\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gint64 year;

      if (*words[i] == '\0' || !_crk_reader_parse_int (words[i], 1, 9999, &year))
        continue; /* the schema reports it */
      if (crk_dataset_lookup_year (r->dataset, (int) year) >= 0)
        _crk_reader_add_problem (r, r->n_elements, CRK_IMPORT_ERROR_INVALID,
                                 _ ("the year %d is listed twice"), (int) year);
      else
        crk_dataset_add_year (r->dataset, (int) year);
    }
}

static void
end_city (Reader *r, Frame *f)
{
  const char *code;
  const gint64 *first;

  if (r->city == NULL)
    return;
  code = crk_city_get_code (r->city);
  first = claim_code (r->city_ordinals, code, f->ordinal);
  if (first != NULL)
    _crk_reader_add_duplicate (r, f->ordinal, *first, _ ("the city code “%s” is used twice"), code);
  else
    crk_dataset_add_city (r->dataset, r->city);
  g_clear_object (&r->city);
}

static void
end_indicator (Reader *r, Frame *f)
{
  const char *code;
  const gint64 *first;

  if (r->indicator == NULL)
    return;
  code = crk_indicator_get_code (r->indicator);
  first = claim_code (r->indicator_ordinals, code, f->ordinal);
  if (first != NULL)
    _crk_reader_add_duplicate (r, f->ordinal, *first, _ ("the indicator code “%s” is used twice"),
                               code);
  else
    crk_dataset_add_indicator (r->dataset, r->indicator);
  g_clear_object (&r->indicator);
}

static void
end_framework (Reader *r)
{
  if (r->root != NULL)
    crk_dataset_set_framework (r->dataset, r->root);
}

/* title, publisher, source and notes: each element sets the dataset property of its
 * name, or its "-zh" twin for the Chinese text. */
static void
set_bilingual_metadata (Reader *r, Frame *f)
{
  const char *name = NULL;
  g_autofree char *property = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (transitions) && name == NULL; i++)
    if (transitions[i].elem == f->elem)
      name = transitions[i].name;
  g_return_if_fail (name != NULL);
  property = g_strconcat (name, f->zh ? "-zh" : "", NULL);
  g_object_set (r->dataset, property, _crk_reader_text_value (r), NULL);
}

static void
end_city_attribute (Reader *r, Frame *f)
{
  if (r->city == NULL || !is_set (f->aux))
    return;
  if (crk_city_get_attribute (r->city, f->aux) != NULL)
    _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                             _ ("the attribute “%s” of the city “%s” is given twice"), f->aux,
                             crk_city_get_code (r->city));
  else
    crk_city_set_attribute (r->city, f->aux,
                            _crk_reader_text_value (r) != NULL ? _crk_reader_text_value (r) : "");
}

static void
end_city_alias (Reader *r, Frame *f)
{
  const char *text = _crk_reader_text_value (r);

  if (r->city == NULL || !is_set (text))
    return; /* the schema reports an empty one */
  if (!crk_city_add_alias (r->city, text))
    _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                             _ ("the alias “%s” of the city “%s” is given twice"), text,
                             crk_city_get_code (r->city));
}

static void
end_reference_rank (Reader *r, Frame *f)
{
  gint64 rank;

  if (r->city == NULL || f->number <= 0 ||
      !_crk_reader_parse_int (_crk_reader_text_value (r), 1, G_MAXUINT, &rank))
    return;
  if (crk_city_get_reference_rank (r->city, f->number) != 0)
    _crk_reader_add_problem (r, f->ordinal, CRK_IMPORT_ERROR_INVALID,
                             _ ("the reference rank of the city “%s” in %d is given twice"),
                             crk_city_get_code (r->city), f->number);
  else
    crk_city_set_reference_rank (r->city, f->number, (guint) rank);
}

void
_crk_reader_end_element (Reader *r, Frame *f)
{
  const char *text;

  if (_crk_reader_elem_has_text (f->elem))
    r->capturing = FALSE;

  switch (f->elem)
    {
      case E_V:
        _crk_reader_end_value (r);
        break;

      case E_TITLE:
      case E_PUBLISHER:
      case E_SOURCE:
      case E_NOTES:
        set_bilingual_metadata (r, f);
        break;

      case E_EDITION:
        crk_dataset_set_edition (r->dataset, _crk_reader_text_value (r));
        break;

      case E_LICENCE:
        crk_dataset_set_licence (r->dataset, _crk_reader_text_value (r));
        break;

      case E_YEARS:
        end_years (r);
        break;

      case E_CITY_NAME:
        if (r->city == NULL)
          break;
        text = _crk_reader_text_value (r);
        if (f->zh)
          crk_city_set_name_zh (r->city, text);
        else
          crk_city_set_name (r->city, text);
        break;

      case E_CITY_ALIAS:
        end_city_alias (r, f);
        break;

      case E_CITY_ATTRIBUTE:
        end_city_attribute (r, f);
        break;

      case E_REFERENCE_RANK:
        end_reference_rank (r, f);
        break;

      case E_CITY:
        end_city (r, f);
        break;

      case E_GROUP_NAME:
        if (r->group_attribute != NULL)
          {
            char **target = f->zh ? &r->group_name_zh : &r->group_name;

            g_free (*target);
            *target = g_strdup (_crk_reader_text_value (r));
          }
        break;

      case E_GROUP:
        end_group (r, f);
        break;

      case E_IND_NAME:
        if (r->indicator == NULL)
          break;
        if (f->zh)
          crk_indicator_set_name_zh (r->indicator, _crk_reader_text_value (r));
        else
          crk_indicator_set_name (r->indicator, _crk_reader_text_value (r));
        break;

      case E_IND_DESCRIPTION:
        if (r->indicator == NULL)
          break;
        if (f->zh)
          crk_indicator_set_description_zh (r->indicator, _crk_reader_text_value (r));
        else
          crk_indicator_set_description (r->indicator, _crk_reader_text_value (r));
        break;

      case E_IND_SOURCE:
        if (r->indicator != NULL)
          crk_indicator_set_source (r->indicator, _crk_reader_text_value (r));
        break;

      case E_INDICATOR:
        end_indicator (r, f);
        break;

      case E_NODE_NAME:
        {
          Frame *parent = &r->stack[r->depth - 2];

          if (parent->fnode == NULL)
            break;
          if (f->zh)
            crk_framework_node_set_name_zh (parent->fnode, _crk_reader_text_value (r));
          else
            crk_framework_node_set_name (parent->fnode, _crk_reader_text_value (r));
        }
        break;

      case E_FRAMEWORK:
        end_framework (r);
        break;

      case E_WEIGHT:
      case E_TIER_NAME:
      case E_TIERS:
      case E_BASE_YEAR:
      case E_METHOD:
        _crk_reader_end_method_element (r, f);
        break;

      case E_VALUES:
        r->in_values = FALSE;
        r->sections |= REQUIRED_VALUES;
        break;

      case E_CITIES:
        r->sections |= REQUIRED_CITIES;
        break;

      case E_INDICATORS:
        r->sections |= REQUIRED_INDICATORS;
        break;

      case E_DATASET:
        _crk_reader_check_sections (r, f);
        break;

      default:
        break;
    }
  g_clear_pointer (&f->aux, g_free);
  g_clear_object (&f->fnode);
}
