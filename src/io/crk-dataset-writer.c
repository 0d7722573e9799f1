/* crk-dataset-writer.c: writing the native dataset format (.cityrank.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-dataset-writer"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-dataset-writer.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-rules.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crk-dataset-format.h"

/* The canonical form: UTF-8, two-space indentation, elements and attributes in the
 * schema's order, optional attributes left out at their defaults, empty texts left out,
 * numbers in the shortest form that reads back to the same double. The same dataset
 * always gives the same bytes. The document is streamed through a buffer, never built. */

#define FLUSH_SIZE (256 * 1024)

typedef struct
{
  GString *buf;
  int fd;          /* -1: keep everything in buf */
  int saved_errno; /* first write error */
} Out;

static void
out_flush (Out *o)
{
  gsize done = 0;

  if (o->fd < 0 || o->saved_errno != 0)
    return;
  while (done < o->buf->len)
    {
      gssize n = write (o->fd, o->buf->str + done, o->buf->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          o->saved_errno = n < 0 ? errno : EIO;
          break;
        }
      done += n;
    }
  g_string_truncate (o->buf, 0);
}

static inline void
out_maybe_flush (Out *o)
{
  if (o->fd >= 0 && o->buf->len >= FLUSH_SIZE)
    out_flush (o);
}

static void
indent (Out *o, int level)
{
  for (int i = 0; i < level; i++)
    g_string_append (o->buf, "  ");
}

/* Characters XML 1.0 cannot carry are dropped; invalid UTF-8 is repaired first. */
static void
append_escaped (GString *b, const char *s, gboolean attribute)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  for (const char *p = s; *p != '\0';)
    {
      const char *run = p;

      /* Copy plain runs at once. */
      while (*p != '\0' && *p != '&' && *p != '<' && *p != '>' && *p != '"' &&
             (guchar) *p >= 0x20 && (guchar) *p != 0xef)
        p++;
      g_string_append_len (b, run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
          case '&':
            g_string_append (b, "&amp;");
            p++;
            break;
          case '<':
            g_string_append (b, "&lt;");
            p++;
            break;
          case '>':
            g_string_append (b, "&gt;");
            p++;
            break;
          case '"':
            g_string_append (b, attribute ? "&quot;" : "\"");
            p++;
            break;
          case '\t':
            g_string_append (b, attribute ? "&#9;" : "\t");
            p++;
            break;
          case '\n':
            g_string_append (b, attribute ? "&#10;" : "\n");
            p++;
            break;
          case '\r':
            g_string_append (b, "&#13;");
            p++;
            break;
          default:
            if ((guchar) *p == 0xef)
              {
                gunichar c = g_utf8_get_char (p);
                const char *next = g_utf8_next_char (p);

                /* U+FFFE and U+FFFF are not XML characters. */
                if (c != 0xfffe && c != 0xffff)
                  g_string_append_len (b, p, next - p);
                p = next;
              }
            else
              p++; /* other control characters */
            break;
        }
    }
}

/**
 * crk_dataset_text_find_invalid:
 * @text: UTF-8 text
 * @bad: (out) (optional): the first character a dataset file cannot hold
 *
 * The format is XML 1.0: control characters other than tab, line feed and carriage
 * return, and U+FFFE and U+FFFF, cannot be written. Importers refuse such text instead
 * of losing it.
 *
 * Returns: (nullable): where that character is in @text, or %NULL when there is none
 */
const char *
crk_dataset_text_find_invalid (const char *text, gunichar *bad)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        {
          if (bad != NULL)
            *bad = c;
          return p;
        }
    }
  return NULL;
}

static void
append_double (GString *b, double value)
{
  static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};
  char s[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (b, "NaN");
      return;
    }
  if (isinf (value))
    {
      g_string_append (b, value > 0 ? "INF" : "-INF");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (s, sizeof s, formats[i], value);
      if (g_ascii_strtod (s, NULL) == value)
        break;
    }
  g_string_append (b, s);
}

static void
attr (Out *o, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (o->buf, ' ');
  g_string_append (o->buf, name);
  g_string_append (o->buf, "=\"");
  append_escaped (o->buf, value, TRUE);
  g_string_append_c (o->buf, '"');
}

static void
attr_double (Out *o, const char *name, double value)
{
  g_string_append_c (o->buf, ' ');
  g_string_append (o->buf, name);
  g_string_append (o->buf, "=\"");
  append_double (o->buf, value);
  g_string_append_c (o->buf, '"');
}

static void
attr_uint (Out *o, const char *name, guint value)
{
  g_string_append_printf (o->buf, " %s=\"%u\"", name, value);
}

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

/* <NAME>TEXT</NAME> when @text is set, with xml:lang="zh-CN" when @zh. */
static void
text_element (Out *o, int level, const char *name, const char *text, gboolean zh)
{
  if (!is_set (text))
    return;
  indent (o, level);
  g_string_append_c (o->buf, '<');
  g_string_append (o->buf, name);
  if (zh)
    g_string_append (o->buf, " xml:lang=\"zh-CN\"");
  g_string_append_c (o->buf, '>');
  append_escaped (o->buf, text, FALSE);
  g_string_append (o->buf, "</");
  g_string_append (o->buf, name);
  g_string_append (o->buf, ">\n");
}

static void
bilingual (Out *o, int level, const char *name, const char *english, const char *chinese)
{
  text_element (o, level, name, english, FALSE);
  text_element (o, level, name, chinese, TRUE);
}

static void
open_tag (Out *o, int level, const char *name)
{
  indent (o, level);
  g_string_append_c (o->buf, '<');
  g_string_append (o->buf, name);
}

static void
close_tag (Out *o, int level, const char *name)
{
  indent (o, level);
  g_string_append (o->buf, "</");
  g_string_append (o->buf, name);
  g_string_append (o->buf, ">\n");
}

/* Sections */

static void
write_metadata (Out *o, CrkDataset *ds)
{
  guint n_years = crk_dataset_get_n_years (ds);

  g_string_append (o->buf, "  <metadata>\n");
  bilingual (o, 2, "title", crk_dataset_get_title (ds), crk_dataset_get_title_zh (ds));
  text_element (o, 2, "edition", crk_dataset_get_edition (ds), FALSE);
  bilingual (o, 2, "publisher", crk_dataset_get_publisher (ds), crk_dataset_get_publisher_zh (ds));
  bilingual (o, 2, "source", crk_dataset_get_source (ds), crk_dataset_get_source_zh (ds));
  text_element (o, 2, "licence", crk_dataset_get_licence (ds), FALSE);
  bilingual (o, 2, "notes", crk_dataset_get_notes (ds), crk_dataset_get_notes_zh (ds));
  if (n_years == 0)
    g_string_append (o->buf, "    <years/>\n");
  else
    {
      g_string_append (o->buf, "    <years>");
      for (guint y = 0; y < n_years; y++)
        g_string_append_printf (o->buf, y > 0 ? " %d" : "%d", crk_dataset_get_year (ds, y));
      g_string_append (o->buf, "</years>\n");
    }
  g_string_append (o->buf, "  </metadata>\n");
}

static void
write_city (Out *o, CrkCity *city)
{
  g_auto (GStrv) names = crk_city_dup_attribute_names (city);
  g_autoptr (GArray) years = crk_city_dup_reference_years (city);
  const char *name = crk_city_get_name (city);
  const char *name_zh = crk_city_get_name_zh (city);
  const char *const *aliases = crk_city_get_aliases (city);

  open_tag (o, 2, "city");
  attr (o, "code", crk_city_get_code (city));
  if (is_set (crk_city_get_province (city)))
    attr (o, "province", crk_city_get_province (city));
  if (is_set (crk_city_get_region (city)))
    attr (o, "region", crk_city_get_region (city));
  if (!is_set (name) && !is_set (name_zh) && aliases[0] == NULL &&
      (names == NULL || names[0] == NULL) && years->len == 0)
    {
      g_string_append (o->buf, "/>\n");
      return;
    }
  g_string_append (o->buf, ">\n");
  bilingual (o, 3, "name", name, name_zh);
  for (guint i = 0; aliases[i] != NULL; i++)
    if (strspn (aliases[i], " \t\r\n") < strlen (aliases[i])) /* the schema takes no blank one */
      text_element (o, 3, "alias", aliases[i], FALSE);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *value = crk_city_get_attribute (city, names[i]);

      open_tag (o, 3, "attribute");
      attr (o, "name", names[i]);
      if (is_set (value))
        {
          g_string_append_c (o->buf, '>');
          append_escaped (o->buf, value, FALSE);
          g_string_append (o->buf, "</attribute>\n");
        }
      else
        g_string_append (o->buf, "/>\n");
    }
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      g_string_append_printf (o->buf, "      <reference-rank year=\"%d\">%u</reference-rank>\n",
                              year, crk_city_get_reference_rank (city, year));
    }
  close_tag (o, 2, "city");
}

static void
write_cities (Out *o, CrkDataset *ds)
{
  guint n = crk_dataset_get_n_cities (ds);
  CrkUnitKind unit = crk_dataset_get_unit_kind (ds);

  g_string_append (o->buf, "  <cities");
  if (unit != CRK_UNIT_CITY) /* the default, left out */
    g_string_append_printf (o->buf, " unit=\"%s\"", crk_unit_kind_to_string (unit));
  if (n == 0)
    {
      g_string_append (o->buf, "/>\n");
      return;
    }
  g_string_append (o->buf, ">\n");
  for (guint c = 0; c < n; c++)
    {
      write_city (o, crk_dataset_get_city (ds, c));
      out_maybe_flush (o);
    }
  g_string_append (o->buf, "  </cities>\n");
}

/* The named groups, in the dataset's order; left out: those no city has (a city was
 * renamed or removed since) and those without a name, which the reader refuses. */
static void
write_groups (Out *o, CrkDataset *ds)
{
  guint n = crk_dataset_get_n_group_names (ds);
  g_autoptr (GHashTable) present = NULL;
  gboolean any = FALSE;

  if (n == 0)
    return;
  present = crk_dataset_collect_city_groups (ds);

  for (guint i = 0; i < n; i++)
    {
      const char *attribute, *value, *name, *name_zh;
      g_autofree char *key = NULL;

      crk_dataset_get_group_name_at (ds, i, &attribute, &value, &name, &name_zh);
      key = crk_dataset_group_key (attribute, value);
      if ((!is_set (name) && !is_set (name_zh)) || !g_hash_table_contains (present, key))
        continue;
      if (!any)
        g_string_append (o->buf, "  <groups>\n");
      any = TRUE;
      open_tag (o, 2, "group");
      attr (o, "attribute", attribute);
      attr (o, "value", value);
      g_string_append (o->buf, ">\n");
      bilingual (o, 3, "name", name, name_zh);
      close_tag (o, 2, "group");
    }
  if (any)
    g_string_append (o->buf, "  </groups>\n");
}

static void
write_indicator (Out *o, CrkIndicator *indicator)
{
  double low = crk_indicator_get_goalpost_low (indicator);
  double high = crk_indicator_get_goalpost_high (indicator);
  double target = crk_indicator_get_target (indicator);
  const char *name = crk_indicator_get_name (indicator);
  const char *name_zh = crk_indicator_get_name_zh (indicator);
  const char *description = crk_indicator_get_description (indicator);
  const char *description_zh = crk_indicator_get_description_zh (indicator);
  const char *source = crk_indicator_get_source (indicator);
  gboolean goalposts = !isnan (low) || !isnan (high) || !isnan (target);

  open_tag (o, 2, "indicator");
  attr (o, "code", crk_indicator_get_code (indicator));
  if (crk_indicator_get_kind (indicator) == CRK_INDICATOR_KIND_DENOMINATOR)
    attr (o, "kind", "denominator");
  if (crk_indicator_get_direction (indicator) < 0)
    attr (o, "direction", "-1");
  if (is_set (crk_indicator_get_unit (indicator)))
    attr (o, "unit", crk_indicator_get_unit (indicator));
  if (is_set (crk_indicator_get_unit_zh (indicator)))
    attr (o, "unit-zh", crk_indicator_get_unit_zh (indicator));
  if (is_set (crk_indicator_get_denominator (indicator)))
    attr (o, "denominator", crk_indicator_get_denominator (indicator));
  if (!is_set (name) && !is_set (name_zh) && !is_set (description) && !is_set (description_zh) &&
      !is_set (source) && !goalposts)
    {
      g_string_append (o->buf, "/>\n");
      return;
    }
  g_string_append (o->buf, ">\n");
  bilingual (o, 3, "name", name, name_zh);
  bilingual (o, 3, "description", description, description_zh);
  text_element (o, 3, "source", source, FALSE);
  if (goalposts)
    {
      open_tag (o, 3, "goalposts");
      if (!isnan (low))
        attr_double (o, "low", low);
      if (!isnan (high))
        attr_double (o, "high", high);
      if (!isnan (target))
        attr_double (o, "target", target);
      g_string_append (o->buf, "/>\n");
    }
  close_tag (o, 2, "indicator");
}

static void
write_indicators (Out *o, CrkDataset *ds)
{
  guint n = crk_dataset_get_n_indicators (ds);

  if (n == 0)
    {
      g_string_append (o->buf, "  <indicators/>\n");
      return;
    }
  g_string_append (o->buf, "  <indicators>\n");
  for (guint i = 0; i < n; i++)
    write_indicator (o, crk_dataset_get_indicator (ds, i));
  g_string_append (o->buf, "  </indicators>\n");
}

static void
write_node (Out *o, CrkDataset *ds, CrkFrameworkNode *node, int level)
{
  guint n = crk_framework_node_get_n_children (node);

  if (n == 0 && level > 2 &&
      crk_dataset_lookup_indicator (ds, crk_framework_node_get_code (node)) != NULL)
    {
      /* A leaf: an indicator by code (its names are the indicator's). */
      open_tag (o, level, "indicator-ref");
      attr (o, "code", crk_framework_node_get_code (node));
      attr_double (o, "weight", crk_framework_node_get_weight (node));
      g_string_append (o->buf, "/>\n");
      return;
    }
  open_tag (o, level, "node");
  attr (o, "code", crk_framework_node_get_code (node));
  attr_double (o, "weight", crk_framework_node_get_weight (node));
  g_string_append (o->buf, ">\n");
  bilingual (o, level + 1, "name", crk_framework_node_get_name (node),
             crk_framework_node_get_name_zh (node));
  for (guint i = 0; i < n; i++)
    write_node (o, ds, crk_framework_node_get_child (node, i), level + 1);
  close_tag (o, level, "node");
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
sort_strv (char **v)
{
  if (v != NULL)
    qsort (v, g_strv_length (v), sizeof (char *), compare_strings);
}

/* Normalisation parameters: min-max has low and high, z-score mean and sd; the other
 * modes carry low and high only when they differ from 0 and 100. */
static void
normalisation_params (Out *o, CrkNormalisation mode, double p1, double p2)
{
  if (mode == CRK_NORMALISATION_ZSCORE)
    {
      attr_double (o, "mean", p1);
      attr_double (o, "sd", p2);
    }
  else if (mode == CRK_NORMALISATION_MINMAX || p1 != 0.0 || p2 != 100.0 || signbit (p1))
    {
      attr_double (o, "low", p1);
      attr_double (o, "high", p2);
    }
}

static void
write_method (Out *o, CrkMethod *m)
{
  g_auto (GStrv) overrides = crk_method_dup_normalisation_overrides (m);
  g_auto (GStrv) weights = crk_method_dup_weight_overrides (m);
  g_autoptr (GArray) levels = crk_method_dup_level_aggregations (m);
  g_auto (GStrv) node_aggs = crk_method_dup_node_aggregations (m);
  double skew, kurtosis, p1, p2;
  guint max_points;
  CrkNormalisation mode;
  guint n_tiers = crk_method_get_n_tiers (m);

  sort_strv (overrides);
  sort_strv (weights);
  sort_strv (node_aggs);

  g_string_append (o->buf, "  <method>\n");

  open_tag (o, 2, "denomination");
  attr (o, "mode", crk_denomination_to_string (crk_method_get_denomination (m)));
  g_string_append (o->buf, "/>\n");

  open_tag (o, 2, "imputation");
  attr (o, "mode", crk_imputation_to_string (crk_method_get_imputation (m)));
  if (is_set (crk_method_get_impute_group (m)))
    attr (o, "group", crk_method_get_impute_group (m));
  g_string_append (o->buf, "/>\n");

  crk_method_get_treatment_params (m, &skew, &kurtosis, &max_points);
  open_tag (o, 2, "treatment");
  attr (o, "mode", crk_treatment_to_string (crk_method_get_treatment (m)));
  attr_double (o, "skew", skew);
  attr_double (o, "kurtosis", kurtosis);
  attr_uint (o, "max-points", max_points);
  g_string_append (o->buf, "/>\n");

  mode = crk_method_get_normalisation (m, &p1, &p2);
  open_tag (o, 2, "normalisation");
  attr (o, "mode", crk_normalisation_to_string (mode));
  normalisation_params (o, mode, p1, p2);
  if (overrides == NULL || overrides[0] == NULL)
    g_string_append (o->buf, "/>\n");
  else
    {
      g_string_append (o->buf, ">\n");
      for (guint i = 0; overrides[i] != NULL; i++)
        {
          CrkNormalisation omode =
            crk_method_get_indicator_normalisation (m, overrides[i], &p1, &p2);

          open_tag (o, 3, "indicator");
          attr (o, "code", overrides[i]);
          attr (o, "mode", crk_normalisation_to_string (omode));
          normalisation_params (o, omode, p1, p2);
          g_string_append (o->buf, "/>\n");
        }
      close_tag (o, 2, "normalisation");
    }

  open_tag (o, 2, "weights");
  attr (o, "scheme", crk_weight_scheme_to_string (crk_method_get_weight_scheme (m)));
  attr_uint (o, "entropy-variant", crk_method_get_entropy_variant (m));
  attr_uint (o, "topsis-variant", crk_method_get_topsis_variant (m));
  if (weights == NULL || weights[0] == NULL)
    g_string_append (o->buf, "/>\n");
  else
    {
      g_string_append (o->buf, ">\n");
      for (guint i = 0; weights[i] != NULL; i++)
        {
          open_tag (o, 3, "weight");
          attr (o, "node", weights[i]);
          g_string_append_c (o->buf, '>');
          append_double (o->buf, crk_method_get_weight (m, weights[i]));
          g_string_append (o->buf, "</weight>\n");
        }
      close_tag (o, 2, "weights");
    }

  open_tag (o, 2, "aggregation");
  attr (o, "mode", crk_aggregation_to_string (crk_method_get_aggregation (m)));
  if (levels->len == 0 && (node_aggs == NULL || node_aggs[0] == NULL))
    g_string_append (o->buf, "/>\n");
  else
    {
      g_string_append (o->buf, ">\n");
      for (guint i = 0; i < levels->len; i++)
        {
          guint level = g_array_index (levels, guint, i);

          open_tag (o, 3, "level");
          attr_uint (o, "number", level);
          attr (o, "mode", crk_aggregation_to_string (crk_method_get_level_aggregation (m, level)));
          g_string_append (o->buf, "/>\n");
        }
      for (guint i = 0; node_aggs != NULL && node_aggs[i] != NULL; i++)
        {
          open_tag (o, 3, "node");
          attr (o, "code", node_aggs[i]);
          attr (o, "mode",
                crk_aggregation_to_string (crk_method_get_node_aggregation (m, node_aggs[i])));
          g_string_append (o->buf, "/>\n");
        }
      close_tag (o, 2, "aggregation");
    }

  open_tag (o, 2, "availability");
  attr_double (o, "threshold", crk_method_get_availability (m));
  g_string_append (o->buf, "/>\n");

  open_tag (o, 2, "tiers");
  attr (o, "rule", crk_tier_rule_to_string (crk_method_get_tier_rule (m)));
  if (n_tiers == 0)
    g_string_append (o->buf, "/>\n");
  else
    {
      g_string_append (o->buf, ">\n");
      for (guint i = 0; i < n_tiers; i++)
        {
          const CrkTier *tier = crk_method_get_tier (m, i);

          open_tag (o, 3, "tier");
          attr_double (o, "bound", tier->bound);
          if (!is_set (tier->name) && !is_set (tier->name_zh))
            {
              g_string_append (o->buf, "/>\n");
              continue;
            }
          g_string_append (o->buf, ">\n");
          bilingual (o, 4, "name", tier->name, tier->name_zh);
          close_tag (o, 3, "tier");
        }
      close_tag (o, 2, "tiers");
    }

  if (crk_method_get_base_year (m) != 0)
    g_string_append_printf (o->buf, "    <base-year>%d</base-year>\n",
                            crk_method_get_base_year (m));
  if (is_set (crk_method_get_group_attribute (m)))
    {
      open_tag (o, 2, "group-ranks");
      attr (o, "attribute", crk_method_get_group_attribute (m));
      g_string_append (o->buf, "/>\n");
    }

  g_string_append (o->buf, "  </method>\n");
}

static gboolean
method_is_default (CrkMethod *m)
{
  g_autoptr (CrkMethod) fresh = crk_method_new ();

  return crk_method_equal (m, fresh);
}

/* The cells that hold something, bucketed by city: each is a key, year index ×
 * indicators + indicator, so a city's cells are in the file's order (8 bytes a cell). */
typedef struct
{
  guint *start; /* per city: its first cell in @cells (counts on the first pass) */
  guint64 *cells;
  guint64 n_indicators;
  gboolean filling;
} CellsByCity;

static void
collect_cell (guint city,
              guint indicator,
              guint year,
              double value,
              CrkValueStatus status,
              gboolean has_note,
              gpointer data)
{
  CellsByCity *by = data;

  if (!by->filling)
    {
      by->start[city + 1]++;
      return;
    }
  /* The store visits years, then indicators: a city's cells come in the file's order. */
  by->cells[by->start[city]++] = year * by->n_indicators + indicator;
}

static void
write_cell (Out *o, CrkDataset *ds, guint city, guint indicator, guint year, char **codes)
{
  double value = crk_dataset_get_value (ds, city, indicator, year);
  CrkValueStatus status = crk_dataset_get_value_status (ds, city, indicator, year);
  const char *note = crk_dataset_get_value_note (ds, city, indicator, year);

  g_string_append (o->buf, "        <v i=\"");
  g_string_append (o->buf, codes[indicator]);
  g_string_append_c (o->buf, '"');
  if (status == CRK_VALUE_STATUS_ESTIMATED)
    g_string_append (o->buf, " status=\"estimated\"");
  else if (status == CRK_VALUE_STATUS_IMPUTED)
    g_string_append (o->buf, " status=\"imputed\"");
  if (is_set (note))
    attr (o, "note", note);
  if (isnan (value))
    g_string_append (o->buf, "/>\n");
  else
    {
      g_string_append_c (o->buf, '>');
      append_double (o->buf, value);
      g_string_append (o->buf, "</v>\n");
    }
}

/* The values, city by city: only the cells that hold something are visited, so a large
 * grid with few values writes as fast as it reads. */
static void
write_values (Out *o, CrkDataset *ds)
{
  guint n_cities = crk_dataset_get_n_cities (ds);
  guint n_indicators = crk_dataset_get_n_indicators (ds);
  guint64 n_held = crk_dataset_get_n_held_values (ds);
  g_autofree guint *start = NULL;
  g_autofree guint64 *cells = NULL;
  g_autofree char **codes = NULL;
  CellsByCity by;
  guint first = 0;

  if (n_held == 0)
    {
      g_string_append (o->buf, "  <values/>\n");
      return;
    }

  /* A counting sort of the cells by city. */
  start = g_new0 (guint, (gsize) n_cities + 1);
  cells = g_new (guint64, n_held);
  by = (CellsByCity){start, cells, MAX (n_indicators, 1), FALSE};
  crk_dataset_foreach_value (ds, collect_cell, &by);
  for (guint c = 0; c < n_cities; c++)
    start[c + 1] += start[c];
  by.filling = TRUE;
  crk_dataset_foreach_value (ds, collect_cell, &by);
  /* Each start[c] now points past city c's cells. */

  codes = g_new (char *, n_indicators);
  for (guint i = 0; i < n_indicators; i++)
    {
      /* The attribute text once per indicator, escaped. */
      GString *s = g_string_new (NULL);

      append_escaped (s, crk_indicator_get_code (crk_dataset_get_indicator (ds, i)), TRUE);
      codes[i] = g_string_free (s, FALSE);
    }

  g_string_append (o->buf, "  <values>\n");
  for (guint c = 0; c < n_cities; c++)
    {
      guint end = start[c];

      if (first == end)
        continue;
      g_string_append (o->buf, "    <city code=\"");
      append_escaped (o->buf, crk_city_get_code (crk_dataset_get_city (ds, c)), TRUE);
      g_string_append (o->buf, "\">\n");
      for (guint k = first; k < end; k++)
        {
          guint year = (guint) (cells[k] / by.n_indicators);

          if (k == first || year != cells[k - 1] / by.n_indicators)
            {
              if (k != first)
                g_string_append (o->buf, "      </year>\n");
              g_string_append_printf (o->buf, "      <year value=\"%d\">\n",
                                      crk_dataset_get_year (ds, year));
            }
          write_cell (o, ds, c, (guint) (cells[k] % by.n_indicators), year, codes);
        }
      g_string_append (o->buf, "      </year>\n    </city>\n");
      first = end;
      out_maybe_flush (o);
    }

  for (guint i = 0; i < n_indicators; i++)
    g_free (codes[i]);
  g_string_append (o->buf, "  </values>\n");
}

static void
write_dataset (Out *o, CrkDataset *ds)
{
  CrkFrameworkNode *root = crk_dataset_get_framework (ds);
  CrkMethod *method = crk_dataset_get_method (ds);

  g_string_append (o->buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (o->buf,
                   "<dataset xmlns=\"" CRK_DATASET_NAMESPACE
                   "\" version=\"" CRK_DATASET_FORMAT_VERSION "\">\n");
  write_metadata (o, ds);
  write_cities (o, ds);
  write_groups (o, ds);
  write_indicators (o, ds);
  if (root != NULL)
    {
      g_string_append (o->buf, "  <framework>\n");
      write_node (o, ds, root, 2);
      g_string_append (o->buf, "  </framework>\n");
    }
  if (crk_dataset_has_method (ds) || !method_is_default (method))
    write_method (o, method);
  out_maybe_flush (o);
  write_values (o, ds);
  g_string_append (o->buf, "</dataset>\n");
}

/**
 * crk_dataset_write_to_string:
 * @dataset: a dataset
 * @length: (out) (optional): the length in bytes
 *
 * Writes @dataset in the canonical form of the native format.
 *
 * Returns: (transfer full): the document
 */
char *
crk_dataset_write_to_string (CrkDataset *dataset, gsize *length)
{
  Out o = {NULL, -1, 0};

  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);

  o.buf = g_string_sized_new (64 * 1024);
  write_dataset (&o, dataset);
  if (length != NULL)
    *length = o.buf->len;
  return g_string_free (o.buf, FALSE);
}

/**
 * crk_dataset_write_to_bytes:
 * @dataset: a dataset
 *
 * Returns: (transfer full): the document, as crk_dataset_write_to_string() writes it
 */
GBytes *
crk_dataset_write_to_bytes (CrkDataset *dataset)
{
  gsize length;
  char *s;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);

  s = crk_dataset_write_to_string (dataset, &length);
  return g_bytes_new_take (s, length);
}

/**
 * crk_dataset_duplicate:
 * @dataset: a dataset
 * @error: why it cannot be copied (it breaks a rule of the format)
 *
 * A deep copy of @dataset: everything the native format holds (cities, indicators,
 * framework, years, values and their notes, groups, method, tiers), written to memory and
 * read back (without the schema, which the writer's output matches: tests/io). Changing
 * the copy leaves @dataset as it is; the copy is not modified.
 *
 * Returns: (transfer full) (nullable): the copy
 */
CrkDataset *
crk_dataset_duplicate (CrkDataset *dataset, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  const char *name;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = crk_dataset_write_to_bytes (dataset);
  name = crk_dataset_get_source (dataset);
  return crk_dataset_read_trusted_bytes (bytes, name != NULL && *name != '\0' ? name : "dataset",
                                         error);
}

static gboolean
fail (const char *path, int saved_errno, GError **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _ ("Cannot save “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * crk_dataset_write:
 * @dataset: a dataset
 * @path: the file to write (usually `*.cityrank.xml`)
 * @error: return location for an error
 *
 * Saves @dataset atomically: the document goes to a temporary file in the same folder,
 * which is flushed to disk and then renamed over @path. On any failure (or a crash) the
 * old file stays as it was. The caller clears the dataset's "modified" flag.
 *
 * Returns: %TRUE on success
 */
gboolean
crk_dataset_write (CrkDataset *dataset, const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *template = NULL;
  Out o = {NULL, -1, 0};
  GStatBuf st;
  gboolean exists;
  int dir_fd;

  g_return_val_if_fail (CRK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    return fail (path, EISDIR, error);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, template, NULL);
  o.fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (o.fd < 0)
    return fail (path, errno, error);
  /* A replaced file keeps its permissions (new ones get 0666 less the umask). */
  if (exists && fchmod (o.fd, st.st_mode & 07777) != 0)
    g_debug ("Cannot keep the permissions of %s: %s", path, g_strerror (errno));

  o.buf = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  write_dataset (&o, dataset);
  out_flush (&o);
  g_string_free (o.buf, TRUE);

  if (o.saved_errno == 0 && fsync (o.fd) != 0)
    o.saved_errno = errno;
  if (close (o.fd) != 0 && o.saved_errno == 0)
    o.saved_errno = errno;
  if (o.saved_errno == 0 && g_rename (tmp, path) != 0)
    o.saved_errno = errno;
  if (o.saved_errno != 0)
    {
      g_unlink (tmp);
      return fail (path, o.saved_errno, error);
    }

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}
