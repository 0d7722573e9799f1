/* test-roundtrip.c: the native format read, written and read again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "crk-csv-import.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-model.h"

/* Model comparison */

static void
assert_same_double (double a, double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
assert_nodes_equal (CrkFrameworkNode *a, CrkFrameworkNode *b)
{
  g_assert_cmpstr (crk_framework_node_get_code (a), ==, crk_framework_node_get_code (b));
  g_assert_cmpstr (crk_framework_node_get_name (a), ==, crk_framework_node_get_name (b));
  g_assert_cmpstr (crk_framework_node_get_name_zh (a), ==, crk_framework_node_get_name_zh (b));
  assert_same_double (crk_framework_node_get_weight (a), crk_framework_node_get_weight (b));
  g_assert_cmpuint (crk_framework_node_get_n_children (a), ==,
                    crk_framework_node_get_n_children (b));
  g_assert_true ((crk_framework_node_get_indicator (a) == NULL) ==
                 (crk_framework_node_get_indicator (b) == NULL));
  for (guint i = 0; i < crk_framework_node_get_n_children (a); i++)
    assert_nodes_equal (crk_framework_node_get_child (a, i), crk_framework_node_get_child (b, i));
}

static void
assert_cities_equal (CrkCity *a, CrkCity *b)
{
  g_auto (GStrv) na = crk_city_dup_attribute_names (a);
  g_auto (GStrv) nb = crk_city_dup_attribute_names (b);
  g_autoptr (GArray) ya = crk_city_dup_reference_years (a);
  g_autoptr (GArray) yb = crk_city_dup_reference_years (b);

  g_assert_cmpstr (crk_city_get_code (a), ==, crk_city_get_code (b));
  g_assert_cmpstr (crk_city_get_name (a), ==, crk_city_get_name (b));
  g_assert_cmpstr (crk_city_get_name_zh (a), ==, crk_city_get_name_zh (b));
  g_assert_cmpstr (crk_city_get_province (a), ==, crk_city_get_province (b));
  g_assert_cmpstr (crk_city_get_region (a), ==, crk_city_get_region (b));
  g_assert_cmpstrv (na, nb);
  for (guint i = 0; na != NULL && na[i] != NULL; i++)
    g_assert_cmpstr (crk_city_get_attribute (a, na[i]), ==, crk_city_get_attribute (b, na[i]));
  g_assert_cmpuint (ya->len, ==, yb->len);
  for (guint i = 0; i < ya->len; i++)
    {
      int year = g_array_index (ya, int, i);

      g_assert_cmpint (year, ==, g_array_index (yb, int, i));
      g_assert_cmpuint (crk_city_get_reference_rank (a, year), ==,
                        crk_city_get_reference_rank (b, year));
    }
}

static void
assert_indicators_equal (CrkIndicator *a, CrkIndicator *b)
{
  g_assert_cmpstr (crk_indicator_get_code (a), ==, crk_indicator_get_code (b));
  g_assert_cmpint (crk_indicator_get_kind (a), ==, crk_indicator_get_kind (b));
  g_assert_cmpstr (crk_indicator_get_name (a), ==, crk_indicator_get_name (b));
  g_assert_cmpstr (crk_indicator_get_name_zh (a), ==, crk_indicator_get_name_zh (b));
  g_assert_cmpstr (crk_indicator_get_unit (a), ==, crk_indicator_get_unit (b));
  g_assert_cmpstr (crk_indicator_get_unit_zh (a), ==, crk_indicator_get_unit_zh (b));
  g_assert_cmpint (crk_indicator_get_direction (a), ==, crk_indicator_get_direction (b));
  g_assert_cmpstr (crk_indicator_get_description (a), ==, crk_indicator_get_description (b));
  g_assert_cmpstr (crk_indicator_get_description_zh (a), ==, crk_indicator_get_description_zh (b));
  g_assert_cmpstr (crk_indicator_get_source (a), ==, crk_indicator_get_source (b));
  g_assert_cmpstr (crk_indicator_get_denominator (a), ==, crk_indicator_get_denominator (b));
  assert_same_double (crk_indicator_get_goalpost_low (a), crk_indicator_get_goalpost_low (b));
  assert_same_double (crk_indicator_get_goalpost_high (a), crk_indicator_get_goalpost_high (b));
  assert_same_double (crk_indicator_get_target (a), crk_indicator_get_target (b));
}

static void
assert_datasets_equal (CrkDataset *a, CrkDataset *b)
{
  CrkFrameworkNode *fa = crk_dataset_get_framework (a);
  CrkFrameworkNode *fb = crk_dataset_get_framework (b);
  guint nc = crk_dataset_get_n_cities (a);
  guint ni = crk_dataset_get_n_indicators (a);
  guint ny = crk_dataset_get_n_years (a);

  g_assert_cmpstr (crk_dataset_get_title (a), ==, crk_dataset_get_title (b));
  g_assert_cmpstr (crk_dataset_get_title_zh (a), ==, crk_dataset_get_title_zh (b));
  g_assert_cmpstr (crk_dataset_get_edition (a), ==, crk_dataset_get_edition (b));
  g_assert_cmpstr (crk_dataset_get_publisher (a), ==, crk_dataset_get_publisher (b));
  g_assert_cmpstr (crk_dataset_get_publisher_zh (a), ==, crk_dataset_get_publisher_zh (b));
  g_assert_cmpstr (crk_dataset_get_source (a), ==, crk_dataset_get_source (b));
  g_assert_cmpstr (crk_dataset_get_source_zh (a), ==, crk_dataset_get_source_zh (b));
  g_assert_cmpstr (crk_dataset_get_licence (a), ==, crk_dataset_get_licence (b));
  g_assert_cmpstr (crk_dataset_get_notes (a), ==, crk_dataset_get_notes (b));
  g_assert_cmpstr (crk_dataset_get_notes_zh (a), ==, crk_dataset_get_notes_zh (b));

  g_assert_cmpuint (ny, ==, crk_dataset_get_n_years (b));
  for (guint y = 0; y < ny; y++)
    g_assert_cmpint (crk_dataset_get_year (a, y), ==, crk_dataset_get_year (b, y));

  g_assert_cmpuint (nc, ==, crk_dataset_get_n_cities (b));
  for (guint c = 0; c < nc; c++)
    assert_cities_equal (crk_dataset_get_city (a, c), crk_dataset_get_city (b, c));

  g_assert_cmpuint (ni, ==, crk_dataset_get_n_indicators (b));
  for (guint i = 0; i < ni; i++)
    assert_indicators_equal (crk_dataset_get_indicator (a, i), crk_dataset_get_indicator (b, i));

  g_assert_true ((fa == NULL) == (fb == NULL));
  if (fa != NULL)
    assert_nodes_equal (fa, fb);
  g_assert_cmpuint (crk_dataset_get_n_levels (a), ==, crk_dataset_get_n_levels (b));

  g_assert_cmpuint (crk_dataset_get_n_group_names (a), ==, crk_dataset_get_n_group_names (b));
  for (guint i = 0; i < crk_dataset_get_n_group_names (a); i++)
    {
      const char *attribute[2], *value[2], *name[2], *name_zh[2];

      crk_dataset_get_group_name_at (a, i, &attribute[0], &value[0], &name[0], &name_zh[0]);
      crk_dataset_get_group_name_at (b, i, &attribute[1], &value[1], &name[1], &name_zh[1]);
      g_assert_cmpstr (attribute[0], ==, attribute[1]);
      g_assert_cmpstr (value[0], ==, value[1]);
      g_assert_cmpstr (name[0], ==, name[1]);
      g_assert_cmpstr (name_zh[0], ==, name_zh[1]);
    }

  g_assert_cmpint (crk_dataset_has_method (a), ==, crk_dataset_has_method (b));
  g_assert_true (crk_method_equal (crk_dataset_get_method (a), crk_dataset_get_method (b)));

  for (guint y = 0; y < ny; y++)
    for (guint i = 0; i < ni; i++)
      for (guint c = 0; c < nc; c++)
        {
          assert_same_double (crk_dataset_get_value (a, c, i, y),
                              crk_dataset_get_value (b, c, i, y));
          g_assert_cmpint (crk_dataset_get_value_status (a, c, i, y), ==,
                           crk_dataset_get_value_status (b, c, i, y));
          g_assert_cmpstr (crk_dataset_get_value_note (a, c, i, y), ==,
                           crk_dataset_get_value_note (b, c, i, y));
        }
}

/* Reads @path, writes it, reads that, writes again: same model, same bytes. */
static void
check_round_trip (CrkDataset *first)
{
  gsize len1, len2;
  g_autofree char *s1 = crk_dataset_write_to_string (first, &len1);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) second =
    crk_dataset_read_from_memory (s1, len1, "written.cityrank.xml", &problems, &error);
  g_autofree char *s2 = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (crk_dataset_get_modified (second));
  assert_datasets_equal (first, second);

  s2 = crk_dataset_write_to_string (second, &len2);
  g_assert_cmpuint (len1, ==, len2);
  g_assert_cmpstr (s1, ==, s2);

  bytes = crk_dataset_write_to_bytes (first);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), s1, len1);
}

static char *
source_path (const char *first, ...)
{
  const char *root = g_getenv ("CRK_SOURCE_DIR");
  va_list args;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_sample (gconstpointer data)
{
  const char *path = data;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = crk_dataset_read (path, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), >, 0);
  g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), >, 0);
  g_assert_nonnull (crk_dataset_get_framework (dataset));
  check_round_trip (dataset);

  /* The bundled samples are kept in the canonical form (cityrank-cli convert). */
  {
    g_autofree char *contents = NULL;
    g_autofree char *written = crk_dataset_write_to_string (dataset, NULL);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (written, ==, contents);
  }
}

/* The real ASEM data (51 countries, 49 indicators, 4 levels, 4 group columns, 4
 * denominators) imported from CSV survives the native format. */
static void
test_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *data = NULL;
  g_autofree char *meta = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  CrkCity *aut;

  g_assert_nonnull (shared);
  data = g_build_filename (shared, "data", "external", "asem", "asem_idata.csv", NULL);
  meta = g_build_filename (shared, "data", "external", "asem", "asem_imeta.csv", NULL);
  dataset = crk_csv_import (data, meta, 0, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 51);
  g_assert_cmpuint (crk_dataset_get_n_indicators (dataset), ==, 49 + 4);
  g_assert_cmpuint (crk_dataset_get_n_levels (dataset), ==, 4);
  aut = crk_dataset_lookup_city (dataset, "AUT");
  g_assert_cmpstr (crk_city_get_attribute (aut, "GDPpc_group"), ==, "XL");
  g_assert_cmpstr (
    crk_indicator_get_denominator (crk_dataset_lookup_indicator (dataset, "Flights")), ==,
    "Population");
  check_round_trip (dataset);
}

/* The example of docs/dataset-format.md is complete and valid. */
static void
test_documented_example (void)
{
  g_autofree char *path = source_path ("docs", "dataset-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  const char *start, *end;
  g_autofree char *example = NULL;

  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);
  /* The example is the block marked "complete example". */
  start = strstr (doc, "<!-- complete example -->");
  g_assert_nonnull (start);
  start = strstr (start, "```xml\n");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```\n");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  dataset = crk_dataset_read_from_memory (example, strlen (example), "example.cityrank.xml",
                                          &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (crk_dataset_get_n_cities (dataset), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_group_names (dataset), ==, 1);
  g_assert_true (crk_dataset_has_method (dataset));
  check_round_trip (dataset);

  /* It is in the canonical form. */
  {
    g_autofree char *written = crk_dataset_write_to_string (dataset, NULL);

    g_assert_cmpstr (written, ==, example);
  }
}

/* A dataset that uses every field of the format. */
static CrkDataset *
make_full_dataset (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkCity) sz = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (CrkCity) gz = crk_city_new ("GZ", NULL);
  g_autoptr (CrkCity) x = crk_city_new ("X&<\">", "Odd \"code\" & <name>");
  g_autoptr (CrkIndicator) pop = crk_indicator_new ("POP", CRK_INDICATOR_KIND_DENOMINATOR);
  g_autoptr (CrkIndicator) rd = crk_indicator_new ("RD", CRK_INDICATOR_KIND_INDICATOR);
  g_autoptr (CrkIndicator) co2 = crk_indicator_new ("CO2", CRK_INDICATOR_KIND_INDICATOR);
  g_autoptr (CrkFrameworkNode) root = crk_framework_node_new ("INDEX", "Index");
  g_autoptr (CrkFrameworkNode) dim = crk_framework_node_new ("INNOV", "Innovation");
  g_autoptr (CrkFrameworkNode) dim2 = crk_framework_node_new ("GREEN", NULL);
  g_autoptr (CrkFrameworkNode) leaf1 = crk_framework_node_new ("RD", NULL);
  g_autoptr (CrkFrameworkNode) leaf2 = crk_framework_node_new ("CO2", NULL);
  g_autoptr (CrkMethod) method = crk_method_new ();
  CrkTier tiers[] = {
    {(char *) "Leap", (char *) "跃升期", 3},
    {(char *) "Rest", NULL, 0},
  };

  crk_dataset_set_title (ds, "Full & complete <test>");
  crk_dataset_set_title_zh (ds, "完整测试");
  crk_dataset_set_edition (ds, "2021");
  crk_dataset_set_publisher (ds, "Cityrank tests");
  crk_dataset_set_publisher_zh (ds, "Cityrank 测试");
  crk_dataset_set_source (ds, "Made up; \"quoted\" and 'apostrophes'");
  crk_dataset_set_source_zh (ds, "编造的数据；“引号”与 <尖括号> & 符号");
  crk_dataset_set_licence (ds, "CC0-1.0");
  crk_dataset_set_notes (ds, "Line one\nLine two\twith a tab\n\nLine four, CR\rhere ]]> end");
  crk_dataset_set_notes_zh (ds, "第一行\n第二行");
  crk_dataset_add_year (ds, 2021);
  crk_dataset_add_year (ds, 2019);
  crk_dataset_add_year (ds, 2020);

  crk_city_set_name_zh (sz, "深圳");
  crk_city_set_province (sz, "Guangdong");
  crk_city_set_region (sz, "East");
  crk_city_set_attribute (sz, "GDP_group", "XL");
  crk_city_set_attribute (sz, "Empty", "");
  crk_city_set_attribute (sz, "Multi word", "a\nb");
  crk_city_set_reference_rank (sz, 2021, 1);
  crk_city_set_reference_rank (sz, 2019, 2);
  crk_city_set_name_zh (gz, "广州");
  crk_dataset_add_city (ds, sz);
  crk_dataset_add_city (ds, gz);
  crk_dataset_add_city (ds, x);
  crk_dataset_set_group_name (ds, "region", "East", NULL, "东部");
  crk_dataset_set_group_name (ds, "province", "Guangdong", NULL, "广东");
  crk_dataset_set_group_name (ds, "GDP_group", "XL", "Extra large & \"big\"", "特大");

  crk_indicator_set_name (pop, "Population");
  crk_indicator_set_unit (pop, "10k persons");
  crk_indicator_set_unit_zh (pop, "万人");
  crk_indicator_set_name (rd, "R&D intensity");
  crk_indicator_set_name_zh (rd, "研发投入强度");
  crk_indicator_set_description (rd, "R&D / revenue");
  crk_indicator_set_description_zh (rd, "研发经费占营业收入比重，“引号”。");
  crk_indicator_set_source (rd, "Yearbooks");
  crk_indicator_set_unit (rd, "%");
  crk_indicator_set_unit_zh (rd, "百分比 \"全角\" & <％>");
  crk_indicator_set_denominator (rd, "POP");
  crk_indicator_set_goalpost_low (rd, 0);
  crk_indicator_set_goalpost_high (rd, 5.5);
  crk_indicator_set_target (rd, 4);
  crk_indicator_set_direction (co2, -1);
  crk_indicator_set_goalpost_high (co2, 1e-300);
  crk_dataset_add_indicator (ds, pop);
  crk_dataset_add_indicator (ds, rd);
  crk_dataset_add_indicator (ds, co2);

  crk_framework_node_set_name_zh (root, "指数");
  crk_framework_node_set_weight (dim, 0.25);
  crk_framework_node_set_weight (dim2, 0.75);
  crk_framework_node_set_weight (leaf1, 1.0 / 3.0);
  crk_framework_node_set_weight (leaf2, 2);
  crk_framework_node_append_child (dim, leaf1);
  crk_framework_node_append_child (dim2, leaf2);
  crk_framework_node_append_child (root, dim);
  crk_framework_node_append_child (root, dim2);
  crk_dataset_set_framework (ds, root);

  crk_method_set_denomination (method, CRK_DENOMINATION_DATASET);
  crk_method_set_imputation (method, CRK_IMPUTATION_GROUP_MEDIAN, "province");
  crk_method_set_treatment (method, CRK_TREATMENT_WINSORISE);
  crk_method_set_treatment_params (method, 2.25, 3.5, 4);
  crk_method_set_normalisation (method, CRK_NORMALISATION_ZSCORE, 10, 2);
  crk_method_set_indicator_normalisation (method, "RD", CRK_NORMALISATION_GOALPOSTS, 0, 100);
  crk_method_set_indicator_normalisation (method, "CO2", CRK_NORMALISATION_RANK, 1, 7);
  crk_method_set_weight_scheme (method, CRK_WEIGHTS_ENTROPY);
  crk_method_set_entropy_variant (method, 2);
  crk_method_set_weight (method, "INNOV", 0.3);
  crk_method_set_weight (method, "CO2", 0.1);
  crk_method_set_aggregation (method, CRK_AGGREGATION_GEOMETRIC);
  crk_method_set_level_aggregation (method, 2, CRK_AGGREGATION_HARMONIC);
  crk_method_set_node_aggregation (method, "GREEN", CRK_AGGREGATION_TOPSIS);
  crk_method_set_availability (method, 0.66);
  crk_method_set_tiers (method, CRK_TIER_RULE_RANK_BANDS, tiers, G_N_ELEMENTS (tiers));
  crk_method_set_base_year (method, 2020);
  crk_method_set_group_attribute (method, "region");
  crk_dataset_set_method (ds, method);

  crk_dataset_set_value (ds, 0, 0, 0, 1756.01, CRK_VALUE_STATUS_ESTIMATED);
  crk_dataset_set_value (ds, 0, 1, 0, 0.1, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 0, 1, 1, 1.0 / 3.0, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 0, 1, 2, -0.0, CRK_VALUE_STATUS_IMPUTED);
  crk_dataset_set_value (ds, 1, 2, 2, 1e300, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 1, 1, 2, 4.9e-324, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 2, 2, 0, 123456789012345678.0, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_set_value (ds, 2, 1, 0, NAN, CRK_VALUE_STATUS_ESTIMATED);
  crk_dataset_set_value_note (ds, 1, 0, 1, "not published, \"see\" <notes>\nsecond line");
  crk_dataset_set_value_note (ds, 0, 0, 0, "2020 census, projected");
  return ds;
}

static void
test_full (void)
{
  g_autoptr (CrkDataset) ds = make_full_dataset ();
  g_autofree char *s = crk_dataset_write_to_string (ds, NULL);

  /* A few exact pieces of the canonical form. */
  g_assert_nonnull (
    strstr (s,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
            "  <metadata>\n"
            "    <title>Full &amp; complete &lt;test&gt;</title>\n"
            "    <title xml:lang=\"zh-CN\">完整测试</title>\n"));
  /* Each bilingual text: English, then Chinese, before the next element. */
  g_assert_nonnull (strstr (
    s,
    "    <edition>2021</edition>\n"
    "    <publisher>Cityrank tests</publisher>\n"
    "    <publisher xml:lang=\"zh-CN\">Cityrank 测试</publisher>\n"
    "    <source>Made up; \"quoted\" and 'apostrophes'</source>\n"
    "    <source xml:lang=\"zh-CN\">编造的数据；“引号”与 &lt;尖括号&gt; &amp; 符号</source>\n"
    "    <licence>CC0-1.0</licence>\n"));
  g_assert_nonnull (strstr (s,
                            "here ]]&gt; end</notes>\n"
                            "    <notes xml:lang=\"zh-CN\">第一行\n第二行</notes>\n"
                            "    <years>"));
  g_assert_nonnull (strstr (s, "    <years>2019 2020 2021</years>\n"));
  g_assert_nonnull (strstr (s,
                            "    <city code=\"X&amp;&lt;&quot;&gt;\">\n"
                            "      <name>Odd \"code\" &amp; &lt;name&gt;</name>\n"));
  g_assert_nonnull (strstr (s,
                            "  </cities>\n"
                            "  <groups>\n"
                            "    <group attribute=\"region\" value=\"East\">\n"
                            "      <name xml:lang=\"zh-CN\">东部</name>\n"
                            "    </group>\n"
                            "    <group attribute=\"province\" value=\"Guangdong\">\n"
                            "      <name xml:lang=\"zh-CN\">广东</name>\n"
                            "    </group>\n"
                            "    <group attribute=\"GDP_group\" value=\"XL\">\n"
                            "      <name>Extra large &amp; \"big\"</name>\n"
                            "      <name xml:lang=\"zh-CN\">特大</name>\n"
                            "    </group>\n"
                            "  </groups>\n"
                            "  <indicators>\n"));
  g_assert_nonnull (strstr (s, "<v i=\"RD\">0.1</v>"));
  g_assert_nonnull (strstr (s, "<v i=\"RD\">0.3333333333333333</v>"));
  g_assert_nonnull (strstr (s, "<v i=\"RD\" status=\"imputed\">-0</v>"));
  g_assert_nonnull (strstr (s, "<v i=\"RD\" status=\"estimated\"/>"));
  g_assert_nonnull (strstr (s, "<v i=\"CO2\">1e+300</v>"));
  g_assert_nonnull (strstr (s, "<v i=\"RD\">4.94065645841247e-324</v>"));
  g_assert_nonnull (strstr (
    s, "<v i=\"POP\" note=\"not published, &quot;see&quot; &lt;notes&gt;&#10;second line\"/>"));
  g_assert_nonnull (strstr (s, "CR&#13;here ]]&gt; end</notes>"));
  /* unit-zh right after unit, before the denominator */
  g_assert_nonnull (strstr (
    s,
    "    <indicator code=\"POP\" kind=\"denominator\" unit=\"10k persons\" unit-zh=\"万人\">\n"));
  g_assert_nonnull (strstr (
    s, " unit=\"%\" unit-zh=\"百分比 &quot;全角&quot; &amp; &lt;％&gt;\" denominator=\"POP\">\n"));
  g_assert_nonnull (strstr (s,
                            "<indicator code=\"CO2\" direction=\"-1\">\n"
                            "      <goalposts high=\"1e-300\"/>\n"));
  g_assert_nonnull (strstr (s, "<imputation mode=\"group-median\" group=\"province\"/>"));
  g_assert_nonnull (strstr (s,
                            "<normalisation mode=\"zscore\" mean=\"10\" sd=\"2\">\n"
                            "      <indicator code=\"CO2\" mode=\"rank\" low=\"1\" high=\"7\"/>\n"
                            "      <indicator code=\"RD\" mode=\"goalposts\"/>\n"));
  check_round_trip (ds);
}

/* Group names: read from a file, written in the dataset's order; a name for a value no
 * city has any more, or a group without a name, is left out (the reader would refuse
 * either), so that whatever is saved reads back. */
static void
test_groups (void)
{
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "io", "fixtures", "groups-valid.cityrank.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) ds = crk_dataset_read (path, &problems, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name, *name_zh;

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpuint (crk_dataset_get_n_group_names (ds), ==, 3);
  g_assert_true (crk_dataset_get_group_name (ds, "province", "Guangdong", &name, &name_zh));
  g_assert_null (name);
  g_assert_cmpstr (name_zh, ==, "广东");
  g_assert_true (crk_dataset_get_group_name (ds, "region", "East", &name, &name_zh));
  g_assert_cmpstr (name, ==, "Eastern region");
  g_assert_cmpstr (name_zh, ==, "东部");
  g_assert_true (crk_dataset_get_group_name (ds, "size", "L", &name, &name_zh));
  g_assert_cmpstr (name, ==, "Large");
  g_assert_null (name_zh);
  g_assert_false (crk_dataset_get_group_name (ds, "province", "Jiangsu", NULL, NULL));
  check_round_trip (ds);

  /* The file's <groups> is in the canonical form, after <cities>. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *groups = NULL;
    const char *start, *end;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    start = strstr (contents, "  </cities>\n  <groups>\n");
    g_assert_nonnull (start);
    end = strstr (start, "  </groups>\n  <indicators>\n");
    g_assert_nonnull (end);
    groups = g_strndup (start, end + strlen ("  </groups>\n  <indicators>\n") - start);
    before = crk_dataset_write_to_string (ds, NULL);
    g_assert_nonnull (strstr (before, groups));
  }

  /* Stale and empty names are not written. */
  crk_dataset_set_group_name (ds, "province", "Anhui", NULL, "安徽");
  crk_dataset_set_group_name (ds, "province", "Jiangsu", NULL, NULL);
  after = crk_dataset_write_to_string (ds, NULL);
  g_assert_cmpstr (after, ==, before);

  /* Without names, no <groups> at all. */
  {
    g_autoptr (CrkDataset) plain = crk_dataset_new ();
    g_autofree char *s = NULL;

    crk_dataset_set_group_name (plain, "province", "Anhui", NULL, "安徽");
    s = crk_dataset_write_to_string (plain, NULL);
    g_assert_null (strstr (s, "<groups"));
  }
}

/* Without a method section, none is written and none is read. */
static void
test_no_method (void)
{
  static const char doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"
    "  <metadata>\n"
    "    <years/>\n"
    "  </metadata>\n"
    "  <cities/>\n"
    "  <indicators/>\n"
    "  <values/>\n"
    "</dataset>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds =
    crk_dataset_read_from_memory (doc, strlen (doc), "empty.cityrank.xml", NULL, &error);
  g_autofree char *s = NULL;

  g_assert_no_error (error);
  g_assert_false (crk_dataset_has_method (ds));
  g_assert_null (crk_dataset_get_framework (ds));
  s = crk_dataset_write_to_string (ds, NULL);
  g_assert_cmpstr (s, ==, doc);

  /* A new, empty dataset writes the same document. */
  {
    g_autoptr (CrkDataset) fresh = crk_dataset_new ();
    g_autofree char *t = crk_dataset_write_to_string (fresh, NULL);

    g_assert_cmpstr (t, ==, doc);
  }
}

/* Saving */

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("crk-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.cityrank.xml", NULL);
  g_autoptr (CrkDataset) ds = make_full_dataset ();
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = crk_dataset_write_to_string (ds, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (CrkDataset) back = NULL;
  GStatBuf st;

  g_assert_true (crk_dataset_write (ds, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Replacing keeps the permissions. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (crk_dataset_write (ds, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_files (dir), ==, 1);

  back = crk_dataset_read (path, NULL, &error);
  g_assert_no_error (error);
  assert_datasets_equal (ds, back);

  remove_dir (dir);
}

#define OLD_CONTENT "old content, must survive\n"

/* A failure in the middle of writing (the file size limit) leaves the old file. */
static void
test_save_fails_midway (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.cityrank.xml", NULL);
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean ok;

  /* About 600 kB of values, more than one buffer flush. */
  crk_dataset_add_year (ds, 2020);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%u", i);
      g_autoptr (CrkIndicator) indicator = crk_indicator_new (code, CRK_INDICATOR_KIND_INDICATOR);

      crk_dataset_add_indicator (ds, indicator);
    }
  for (guint c = 0; c < 1000; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);
      g_autoptr (CrkCity) city = crk_city_new (code, code);

      crk_dataset_add_city (ds, city);
      for (guint i = 0; i < 30; i++)
        crk_dataset_set_value (ds, c, i, 0, c * 1.5 + i, CRK_VALUE_STATUS_OBSERVED);
    }

  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 300 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = crk_dataset_write (ds, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_error (error, G_FILE_ERROR, (int) g_file_error_from_errno (EFBIG));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  g_assert_cmpuint (count_files (dir), ==, 1); /* no temporary file left */

  remove_dir (dir);
}

static void
test_save_to_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub.cityrank.xml", NULL);
  g_autofree char *inner = g_build_filename (sub, "keep", NULL);
  g_autoptr (CrkDataset) ds = make_full_dataset ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inner, OLD_CONTENT, -1, NULL));
  g_assert_false (crk_dataset_write (ds, sub, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_get_contents (inner, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_error (&error);

  /* A folder that does not exist. */
  {
    g_autofree char *missing = g_build_filename (dir, "no", "such", "x.cityrank.xml", NULL);

    g_assert_false (crk_dataset_write (ds, missing, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }

  remove_dir (dir);
}

static void
test_save_read_only_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrkDataset) ds = make_full_dataset ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  if (geteuid () == 0)
    {
      g_test_skip (
        "permissions do not bind root; the size-limit and folder tests cover failed saves");
      return;
    }
  dir = make_temp_dir ();
  path = g_build_filename (dir, "x.cityrank.xml", NULL);
  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (crk_dataset_write (ds, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  remove_dir (dir);
}

/* Asynchronous loading */

typedef struct
{
  GMainLoop *loop;
  CrkDataset *dataset;
  GPtrArray *problems;
  GError *error;
  double last_fraction;
  guint n_progress;
  GThread *main_thread;
} LoadState;

static void
on_progress (double fraction, gpointer user_data)
{
  LoadState *s = user_data;

  g_assert_true (g_thread_self () == s->main_thread);
  g_assert_cmpfloat (fraction, >=, s->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  s->last_fraction = fraction;
  s->n_progress++;
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadState *s = user_data;

  s->dataset = crk_dataset_load_finish (result, &s->problems, &s->error);
  g_main_loop_quit (s->loop);
}

static void
test_load_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.cityrank.xml", NULL);
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  LoadState s = {0};

  crk_dataset_add_year (ds, 2020);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%u", i);
      g_autoptr (CrkIndicator) indicator = crk_indicator_new (code, CRK_INDICATOR_KIND_DENOMINATOR);

      crk_dataset_add_indicator (ds, indicator);
    }
  for (guint c = 0; c < 500; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);
      g_autoptr (CrkCity) city = crk_city_new (code, code);

      crk_dataset_add_city (ds, city);
      for (guint i = 0; i < 20; i++)
        crk_dataset_set_value (ds, c, i, 0, c + i / 10.0, CRK_VALUE_STATUS_OBSERVED);
    }
  g_assert_true (crk_dataset_write (ds, path, &error));
  g_assert_no_error (error);

  s.loop = g_main_loop_new (NULL, FALSE);
  s.main_thread = g_thread_self ();
  crk_dataset_load_async (file, on_progress, &s, NULL, on_loaded, &s);
  g_main_loop_run (s.loop);

  g_assert_no_error (s.error);
  g_assert_nonnull (s.dataset);
  g_assert_cmpuint (s.problems->len, ==, 0);
  g_assert_cmpuint (s.n_progress, >, 0);
  assert_datasets_equal (ds, s.dataset);

  g_clear_object (&s.dataset);
  g_clear_pointer (&s.problems, g_ptr_array_unref);

  /* A cancelled load fails with G_IO_ERROR_CANCELLED. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    crk_dataset_load_async (file, NULL, NULL, cancellable, on_loaded, &s);
    g_main_loop_run (s.loop);
    g_assert_error (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (s.dataset);
    g_clear_error (&s.error);
    g_clear_pointer (&s.problems, g_ptr_array_unref);
  }

  /* Problems come back from the thread. */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.cityrank.xml", NULL);
    g_autoptr (GFile) bad_file = g_file_new_for_path (bad);

    g_assert_true (g_file_set_contents (bad, "<dataset", -1, NULL));
    crk_dataset_load_async (bad_file, NULL, NULL, NULL, on_loaded, &s);
    g_main_loop_run (s.loop);
    g_assert_error (s.error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_MALFORMED);
    g_assert_cmpuint (s.problems->len, ==, 1);
    g_clear_error (&s.error);
    g_clear_pointer (&s.problems, g_ptr_array_unref);
  }

  g_main_loop_unref (s.loop);
  remove_dir (dir);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Several loads at once share the compiled schema. */
typedef struct
{
  GMainLoop *loop;
  guint pending;
  GPtrArray *datasets;
} ManyState;

static void
on_many_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ManyState *s = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  CrkDataset *dataset = crk_dataset_load_finish (result, &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_ptr_array_add (s->datasets, dataset);
  if (--s->pending == 0)
    g_main_loop_quit (s->loop);
}

static void
test_load_concurrent (void)
{
  g_autofree char *path =
    source_path ("data", "samples", "advanced-manufacturing-cities.cityrank.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CrkDataset) reference = crk_dataset_read (path, NULL, NULL);
  ManyState s = {g_main_loop_new (NULL, FALSE), 4, g_ptr_array_new_with_free_func (g_object_unref)};

  g_assert_nonnull (reference);
  for (guint i = 0; i < 4; i++)
    crk_dataset_load_async (file, NULL, NULL, NULL, on_many_loaded, &s);
  g_main_loop_run (s.loop);
  g_assert_cmpuint (s.datasets->len, ==, 4);
  for (guint i = 0; i < s.datasets->len; i++)
    assert_datasets_equal (reference, g_ptr_array_index (s.datasets, i));
  g_ptr_array_unref (s.datasets);
  g_main_loop_unref (s.loop);
}

/* The async loader imports a CSV pair from either table. */
static void
test_load_csv (void)
{
  g_autofree char *data = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "asem",
                                            "asem_idata.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (data);
  LoadState s = {0};

  s.loop = g_main_loop_new (NULL, FALSE);
  crk_dataset_load_async (file, NULL, NULL, NULL, on_loaded, &s);
  g_main_loop_run (s.loop);
  g_assert_no_error (s.error);
  g_assert_nonnull (s.dataset);
  g_assert_cmpuint (crk_dataset_get_n_cities (s.dataset), ==, 51);
  g_clear_object (&s.dataset);
  g_clear_pointer (&s.problems, g_ptr_array_unref);
  g_main_loop_unref (s.loop);
}

int
main (int argc, char **argv)
{
  g_autofree char *samples_dir = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) samples = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  /* Every sample dataset, whatever is in the folder; an empty folder is a failure. */
  samples_dir = source_path ("data", "samples", NULL);
  dir = g_dir_open (samples_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cityrank.xml"))
      g_ptr_array_add (samples, g_build_filename (samples_dir, name, NULL));
  g_ptr_array_sort (samples, compare_paths);
  if (samples->len == 0)
    g_error ("no sample datasets (*.cityrank.xml) in %s", samples_dir);
  for (guint i = 0; i < samples->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (samples, i));
      g_autofree char *test = g_strdup_printf ("/io/round-trip/sample/%s", base);

      g_test_add_data_func (test, g_ptr_array_index (samples, i), test_sample);
    }

  g_test_add_func ("/io/round-trip/asem", test_asem);
  g_test_add_func ("/io/round-trip/documented-example", test_documented_example);
  g_test_add_func ("/io/round-trip/every-field", test_full);
  g_test_add_func ("/io/round-trip/groups", test_groups);
  g_test_add_func ("/io/round-trip/empty", test_no_method);
  g_test_add_func ("/io/save/replace", test_save);
  g_test_add_func ("/io/save/fails-midway", test_save_fails_midway);
  g_test_add_func ("/io/save/to-directory", test_save_to_directory);
  g_test_add_func ("/io/save/read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/io/load-async/native", test_load_async);
  g_test_add_func ("/io/load-async/concurrent", test_load_concurrent);
  g_test_add_func ("/io/load-async/csv", test_load_csv);

  return g_test_run ();
}
