/* test-csv-import.c: importing COINr-style CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "crk-csv-import.h"
#include "crk-io-limits.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "csv", "fixtures", name, NULL);
}

static char *
asem_file (const char *name)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "data", "external", "asem", name, NULL);
}

static CrkDataset *
import_ok (const char *data_name, const char *meta_name, int default_year)
{
  g_autofree char *data = fixture (data_name);
  g_autofree char *meta = fixture (meta_name);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  ds = crk_csv_import (data, meta, default_year, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (crk_dataset_get_modified (ds));
  return ds;
}

static double
value (CrkDataset *ds, const char *city, const char *indicator, int year)
{
  CrkCity *c = crk_dataset_lookup_city (ds, city);
  CrkIndicator *i = crk_dataset_lookup_indicator (ds, indicator);
  int y = crk_dataset_lookup_year (ds, year);

  g_assert_nonnull (c);
  g_assert_nonnull (i);
  g_assert_cmpint (y, >=, 0);
  return crk_dataset_get_value (ds, crk_city_get_index (c), crk_indicator_get_index (i), (guint) y);
}

/* Bit-identical to what g_ascii_strtod() makes of @text. */
static void
assert_value (CrkDataset *ds, const char *city, const char *indicator, int year, const char *text)
{
  double got = value (ds, city, indicator, year);
  double expected = g_ascii_strtod (text, NULL);

  if (memcmp (&got, &expected, sizeof (double)) != 0)
    g_error ("%s/%s/%d: %.17g, expected %s", city, indicator, year, got, text);
}

static void
assert_missing (CrkDataset *ds, const char *city, const char *indicator, int year)
{
  g_assert_true (isnan (value (ds, city, indicator, year)));
}

/* ASEM */

static CrkDataset *
import_asem (void)
{
  g_autofree char *data = asem_file ("asem_idata.csv");
  g_autofree char *meta = asem_file ("asem_imeta.csv");
  g_autoptr (GError) error = NULL;
  CrkDataset *ds = crk_csv_import (data, meta, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static guint
count_leaves (CrkFrameworkNode *node)
{
  guint n = 0;

  if (crk_framework_node_is_leaf (node))
    return 1;
  for (guint i = 0; i < crk_framework_node_get_n_children (node); i++)
    n += count_leaves (crk_framework_node_get_child (node, i));
  return n;
}

static void
test_asem_structure (void)
{
  CrkDataset *ds = import_asem ();
  CrkFrameworkNode *root, *conn, *sust, *physical;
  guint n_ind = 0, n_den = 0, n_negative = 0;
  CrkCity *aut, *nzl;
  g_auto (GStrv) groups = NULL;

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 51);
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 53);
  for (guint i = 0; i < crk_dataset_get_n_indicators (ds); i++)
    {
      CrkIndicator *ind = crk_dataset_get_indicator (ds, i);

      if (crk_indicator_get_kind (ind) == CRK_INDICATOR_KIND_INDICATOR)
        {
          n_ind++;
          if (crk_indicator_get_direction (ind) == -1)
            n_negative++;
          /* every indicator of ASEM has a target */
          g_assert_false (isnan (crk_indicator_get_target (ind)));
        }
      else
        n_den++;
    }
  g_assert_cmpuint (n_ind, ==, 49);
  g_assert_cmpuint (n_den, ==, 4);
  g_assert_cmpuint (n_negative, ==, 14);

  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2018);
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 4);
  g_assert_cmpstr (crk_dataset_get_title (ds), ==, "asem");

  root = crk_dataset_get_framework (ds);
  g_assert_nonnull (root);
  g_assert_cmpstr (crk_framework_node_get_code (root), ==, "Index");
  g_assert_cmpstr (crk_framework_node_get_name (root), ==, "Sustainable Connectivity");
  g_assert_cmpuint (crk_dataset_get_dimensions (ds)->len, ==, 2);
  conn = crk_dataset_lookup_node (ds, "Conn");
  sust = crk_dataset_lookup_node (ds, "Sust");
  g_assert_true (crk_framework_node_get_parent (conn) == root);
  g_assert_cmpuint (crk_framework_node_get_n_children (conn), ==, 5);
  g_assert_cmpuint (crk_framework_node_get_n_children (sust), ==, 3);
  g_assert_cmpuint (count_leaves (root), ==, 49);
  physical = crk_dataset_lookup_node (ds, "Physical");
  g_assert_cmpuint (crk_framework_node_get_n_children (physical), ==, 8);
  g_assert_cmpstr (crk_framework_node_get_code (crk_framework_node_get_child (physical, 0)), ==,
                   "LPI");
  g_assert_cmpuint (crk_dataset_get_node_level (ds, physical), ==, 2);
  g_assert_cmpuint (crk_dataset_get_node_level (ds, conn), ==, 3);
  g_assert_true (crk_framework_node_get_indicator (crk_dataset_lookup_node (ds, "NEET")) ==
                 crk_dataset_lookup_indicator (ds, "NEET"));
  /* all weights are 1 in ASEM */
  g_assert_cmpfloat (crk_framework_node_get_weight (physical), ==, 1.0);
  g_assert_cmpfloat (crk_framework_node_get_weight (crk_dataset_lookup_node (ds, "CPI")), ==, 1.0);
  g_assert_cmpfloat (crk_framework_node_get_weight (root), ==, 1.0);

  /* indicator metadata, with quoted fields holding commas */
  {
    CrkIndicator *tbts = crk_dataset_lookup_indicator (ds, "TBTs");
    CrkIndicator *priv = crk_dataset_lookup_indicator (ds, "PrivDebt");
    CrkIndicator *neet = crk_dataset_lookup_indicator (ds, "NEET");
    CrkIndicator *lpi = crk_dataset_lookup_indicator (ds, "LPI");
    CrkIndicator *pop = crk_dataset_lookup_indicator (ds, "Population");
    double t = g_ascii_strtod ("2.6750000000000003", NULL);
    double got = crk_indicator_get_target (neet);

    g_assert_cmpstr (crk_indicator_get_unit (tbts), ==, "Number of measures (initiated, in force)");
    g_assert_cmpint (crk_indicator_get_direction (tbts), ==, -1);
    g_assert_cmpstr (crk_indicator_get_name (priv), ==,
                     "Private debt, loans and debt securities as percentage of GDP");
    g_assert_cmpint (memcmp (&got, &t, sizeof t), ==, 0);
    g_assert_cmpfloat (crk_indicator_get_target (lpi), ==, 4.11803135);
    g_assert_null (crk_indicator_get_denominator (lpi));
    g_assert_cmpstr (crk_indicator_get_denominator (crk_dataset_lookup_indicator (ds, "Flights")),
                     ==, "Population");
    g_assert_cmpstr (crk_indicator_get_denominator (crk_dataset_lookup_indicator (ds, "Bord")), ==,
                     "Area");
    g_assert_cmpstr (crk_indicator_get_denominator (crk_dataset_lookup_indicator (ds, "Elec")), ==,
                     "Energy");
    g_assert_cmpstr (crk_indicator_get_denominator (crk_dataset_lookup_indicator (ds, "Goods")), ==,
                     "GDP");
    g_assert_cmpint (crk_indicator_get_kind (pop), ==, CRK_INDICATOR_KIND_DENOMINATOR);
    g_assert_cmpstr (crk_indicator_get_unit (pop), ==, "Thousands");
    g_assert_cmpstr (crk_indicator_get_unit (lpi), ==, "Score 1-5");
  }

  /* units and their groups */
  aut = crk_dataset_lookup_city (ds, "AUT");
  nzl = crk_dataset_lookup_city (ds, "NZL");
  g_assert_cmpuint (crk_city_get_index (aut), ==, 0);
  g_assert_cmpstr (crk_city_get_name (aut), ==, "Austria");
  g_assert_cmpstr (crk_city_get_name (nzl), ==, "New Zealand");
  g_assert_cmpstr (crk_city_get_attribute (aut, "GDP_group"), ==, "L");
  g_assert_cmpstr (crk_city_get_attribute (aut, "GDPpc_group"), ==, "XL");
  g_assert_cmpstr (crk_city_get_attribute (aut, "EurAsia_group"), ==, "Europe");
  g_assert_cmpstr (crk_city_get_attribute (nzl, "EurAsia_group"), ==, "Asia");
  groups = crk_city_dup_attribute_names (aut);
  g_assert_cmpuint (g_strv_length (groups), ==, 4);
  g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, 50)), ==, "VNM");

  g_assert_finalize_object (ds);
}

static void
test_asem_values (void)
{
  CrkDataset *ds = import_asem ();

  /* 63 indicator values are missing; one denominator (Laos's energy) too */
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 63);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2018), ==, 63);
  assert_missing (ds, "LAO", "Energy", 2018);
  assert_missing (ds, "CHN", "NEET", 2018);
  assert_missing (ds, "ITA", "Poverty", 2018);
  assert_missing (ds, "BGD", "RDExp", 2018);

  assert_value (ds, "AUT", "LPI", 2018, "4.097985");
  assert_value (ds, "AUT", "GDP", 2018, "390.799991147468");
  assert_value (ds, "AUT", "Elec", 2018, "35.36972983333333");
  assert_value (ds, "AUT", "NEET", 2018, "6.5");
  assert_value (ds, "BEL", "Pat", 2018, "655.8000000000001");
  assert_value (ds, "BEL", "TolMin", 2018, "4.6000000000000005");
  assert_value (ds, "BEL", "FreePress", 2018, "12");
  assert_value (ds, "CHN", "Population", 2018, "1409517.397");
  assert_value (ds, "CHN", "Area", 2018, "9596960");
  assert_value (ds, "NZL", "Flights", 2018, "13.37242");
  assert_value (ds, "IND", "Goods", 2018, "288.9806");
  assert_value (ds, "AUT", "Ship", 2018, "0");

  g_assert_finalize_object (ds);
}

/* Every cell of the data table, read independently (the file has no quotes), is the
 * exact double g_ascii_strtod() makes of its text, or missing when empty. */
static void
test_asem_lossless (void)
{
  CrkDataset *ds = import_asem ();
  g_autofree char *path = asem_file ("asem_idata.csv");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) header = NULL;
  guint n_checked = 0, n_empty = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strchr (contents, '"'));
  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (lines[0], ",", -1);

  for (guint l = 1; lines[l] != NULL && lines[l][0] != '\0'; l++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[l], ",", -1);
      CrkCity *city = crk_dataset_lookup_city (ds, fields[0]);
      int year = crk_dataset_lookup_year (ds, (int) g_ascii_strtoll (fields[6], NULL, 10));

      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      g_assert_nonnull (city);
      g_assert_cmpint (year, ==, 0);
      for (guint c = 7; fields[c] != NULL; c++)
        {
          CrkIndicator *ind = crk_dataset_lookup_indicator (ds, header[c]);
          double got;

          g_assert_nonnull (ind);
          got =
            crk_dataset_get_value (ds, crk_city_get_index (city), crk_indicator_get_index (ind), 0);
          if (fields[c][0] == '\0')
            {
              g_assert_true (isnan (got));
              n_empty++;
            }
          else
            {
              double expected = g_ascii_strtod (fields[c], NULL);

              g_assert_cmpint (memcmp (&got, &expected, sizeof got), ==, 0);
            }
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 51 * 53);
  g_assert_cmpuint (n_empty, ==, 64);

  g_assert_finalize_object (ds);
}

static void
test_asem_guess (void)
{
  g_autofree char *meta = asem_file ("asem_imeta.csv");
  g_autofree char *data = asem_file ("asem_idata.csv");
  g_autofree char *found_data = NULL;
  g_autofree char *found_meta = NULL;
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  g_assert_true (crk_csv_find_pair (meta, &found_data, &found_meta, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found_data, ==, data);
  g_assert_cmpstr (found_meta, ==, meta);

  ds = crk_csv_import_guess (data, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 51);
  g_assert_finalize_object (ds);
}

/* Edge cases */

static void
test_edge_semicolon (void)
{
  CrkDataset *ds = import_ok ("edge_semicolon_data.csv", "small_meta.csv", 2020);

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 3);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2020);
  g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, 0)), ==, "SZ");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "SZ")), ==,
                   "Shenzhen; \"Pengcheng\"");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "GZ")), ==, "Guang\nzhou");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "XA")), ==, "Xi'an");
  g_assert_cmpstr (crk_city_get_attribute (crk_dataset_lookup_city (ds, "XA"), "Size"), ==, "M");

  assert_value (ds, "SZ", "GDP", 2020, "3.5");
  assert_value (ds, "GZ", "GDP", 2020, "2.5e3");
  assert_value (ds, "XA", "GDP", 2020, "-0.25");
  assert_value (ds, "SZ", "Pop", 2020, "17.56");
  assert_value (ds, "XA", "Pop", 2020, "12.9");
  assert_value (ds, "SZ", "Pat", 2020, "12");
  assert_missing (ds, "SZ", "Air", 2020);
  assert_missing (ds, "GZ", "Air", 2020);
  assert_missing (ds, "XA", "Air", 2020);
  assert_missing (ds, "GZ", "Pat", 2020);
  assert_missing (ds, "XA", "Pat", 2020);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 5);
  g_assert_cmpstr (crk_dataset_get_title (ds), ==, "edge_semicolon");

  g_assert_finalize_object (ds);
}

static void
test_edge_quoted (void)
{
  CrkDataset *ds = import_ok ("edge_quoted_data.csv", "small_meta.csv", 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  /* no Time column and default year 0: the current year */
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 1);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, g_date_time_get_year (now));
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 3);
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "BJ")), ==, "Beijing, capital");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "SH")), ==, "Shang\nhai \"Hu\"");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "CD")), ==, "Chengdu");
  g_assert_cmpstr (crk_city_get_attribute (crk_dataset_lookup_city (ds, "BJ"), "Size"), ==, "XL");
  assert_value (ds, "BJ", "GDP", g_date_time_get_year (now), "1.5");
  assert_value (ds, "BJ", "Air", g_date_time_get_year (now), "2");
  assert_value (ds, "SH", "Pop", g_date_time_get_year (now), "24.8");
  assert_value (ds, "CD", "Pop", g_date_time_get_year (now), "20.9");
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 0);

  g_assert_finalize_object (ds);
}

static void
test_edge_cr (void)
{
  CrkDataset *ds = import_ok ("edge_cr_data.csv", "small_meta.csv", 2015);

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 2);
  assert_value (ds, "WH", "GDP", 2015, "1");
  assert_value (ds, "NJ", "Pop", 2015, "8");
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "NJ")), ==, "Nanjing");

  g_assert_finalize_object (ds);
}

static void
test_edge_years (void)
{
  CrkDataset *ds = import_ok ("edge_years_data.csv", "small_meta.csv", 1999);

  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 2);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 3);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2019);
  g_assert_cmpint (crk_dataset_get_year (ds, 1), ==, 2020);
  g_assert_cmpint (crk_dataset_get_year (ds, 2), ==, 2021);
  /* cities in order of first appearance */
  g_assert_cmpstr (crk_city_get_code (crk_dataset_get_city (ds, 0)), ==, "SZ");

  assert_value (ds, "SZ", "GDP", 2021, "2");
  assert_value (ds, "SZ", "GDP", 2019, "1.5");
  assert_value (ds, "SZ", "Pat", 2019, "3.5");
  assert_value (ds, "GZ", "GDP", 2019, "1");
  assert_value (ds, "GZ", "Pat", 2020, "1");
  assert_missing (ds, "GZ", "GDP", 2020);
  assert_missing (ds, "GZ", "Air", 2020);
  assert_missing (ds, "SZ", "GDP", 2020);
  assert_missing (ds, "GZ", "Pop", 2021);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2019), ==, 0);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2020), ==, 5);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 2021), ==, 3);
  g_assert_cmpuint (crk_dataset_count_missing (ds, 0), ==, 8);
  /* groups: the first non-empty value */
  g_assert_cmpstr (crk_city_get_attribute (crk_dataset_lookup_city (ds, "SZ"), "Size"), ==, "L");
  g_assert_cmpstr (crk_city_get_attribute (crk_dataset_lookup_city (ds, "GZ"), "Size"), ==, "L");

  g_assert_finalize_object (ds);
}

static void
test_edge_extensions (void)
{
  CrkDataset *ds = import_ok ("edge_zh_data.csv", "small_meta.csv", 2021);
  CrkCity *sz = crk_dataset_lookup_city (ds, "SZ");
  CrkIndicator *gdp = crk_dataset_lookup_indicator (ds, "GDP");
  CrkIndicator *air = crk_dataset_lookup_indicator (ds, "Air");
  CrkIndicator *pop = crk_dataset_lookup_indicator (ds, "Pop");
  CrkFrameworkNode *root = crk_dataset_get_framework (ds);
  g_auto (GStrv) names = crk_city_dup_attribute_names (sz);

  g_assert_cmpstr (crk_city_get_name_zh (sz), ==, "深圳");
  g_assert_cmpstr (crk_city_get_province (sz), ==, "Guangdong");
  g_assert_cmpstr (crk_city_get_region (sz), ==, "South");
  g_assert_cmpstr (crk_city_get_province (crk_dataset_lookup_city (ds, "HZ")), ==, "Zhejiang");
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Size");

  /* metadata: names, units, directions, targets, denominators, weights, levels */
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 4);
  g_assert_cmpstr (crk_indicator_get_name (gdp), ==, "Gross domestic product");
  g_assert_cmpstr (crk_indicator_get_name_zh (gdp), ==, "地区生产总值");
  g_assert_cmpstr (crk_indicator_get_unit (air), ==, "µg/m³");
  g_assert_cmpint (crk_indicator_get_direction (air), ==, -1);
  g_assert_cmpint (crk_indicator_get_direction (gdp), ==, 1);
  g_assert_cmpfloat (crk_indicator_get_target (air), ==, 35);
  g_assert_true (isnan (crk_indicator_get_target (gdp)));
  g_assert_cmpstr (crk_indicator_get_denominator (gdp), ==, "Pop");
  g_assert_null (crk_indicator_get_denominator (air));
  g_assert_cmpint (crk_indicator_get_kind (pop), ==, CRK_INDICATOR_KIND_DENOMINATOR);
  g_assert_cmpstr (crk_indicator_get_unit (pop), ==, "million");
  g_assert_cmpstr (crk_indicator_get_name_zh (pop), ==, "人口");

  g_assert_cmpstr (crk_framework_node_get_code (root), ==, "Index");
  g_assert_cmpstr (crk_framework_node_get_name (root), ==, "Small index");
  g_assert_cmpstr (crk_framework_node_get_name_zh (root), ==, "小指数");
  g_assert_cmpfloat (crk_framework_node_get_weight (root), ==, 1.0);
  g_assert_cmpuint (crk_dataset_get_n_levels (ds), ==, 3);
  g_assert_cmpfloat (crk_framework_node_get_weight (crk_dataset_lookup_node (ds, "Econ")), ==, 0.6);
  g_assert_cmpfloat (crk_framework_node_get_weight (crk_dataset_lookup_node (ds, "Green")), ==,
                     0.4);
  g_assert_cmpfloat (crk_framework_node_get_weight (crk_dataset_lookup_node (ds, "GDP")), ==, 2);
  g_assert_cmpstr (crk_framework_node_get_name_zh (crk_dataset_lookup_node (ds, "Econ")), ==,
                   "经济");
  g_assert_cmpuint (crk_framework_node_get_n_children (crk_dataset_lookup_node (ds, "Econ")), ==,
                    2);
  g_assert_true (crk_framework_node_get_indicator (crk_dataset_lookup_node (ds, "Pat")) ==
                 crk_dataset_lookup_indicator (ds, "Pat"));
  g_assert_null (crk_dataset_lookup_node (ds, "Pop"));
  g_assert_null (crk_dataset_lookup_node (ds, "Size"));

  g_assert_finalize_object (ds);
}

static void
test_guess_pairs (void)
{
  g_autofree char *data = fixture ("pair/Cities_Data.csv");
  g_autofree char *meta = fixture ("pair/Cities_Meta.csv");
  g_autofree char *values = fixture ("lone/values.csv");
  g_autofree char *indicators = fixture ("lone/indicators.csv");
  g_autofree char *notes = fixture ("lone/notes.csv");
  g_autofree char *small = fixture ("small_meta.csv");
  char *d = NULL, *m = NULL;
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  /* by name, keeping the case */
  g_assert_true (crk_csv_find_pair (data, &d, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (d, ==, data);
  g_assert_cmpstr (m, ==, meta);
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&m, g_free);
  g_assert_true (crk_csv_find_pair (meta, &d, &m, &error));
  g_assert_cmpstr (d, ==, data);
  g_assert_cmpstr (m, ==, meta);
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&m, g_free);

  /* by header: the only table with iCode / uCode in the folder */
  g_assert_true (crk_csv_find_pair (values, &d, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (d, ==, values);
  g_assert_cmpstr (m, ==, indicators);
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&m, g_free);
  g_assert_true (crk_csv_find_pair (indicators, &d, &m, &error));
  g_assert_cmpstr (d, ==, values);
  g_clear_pointer (&d, g_free);
  g_clear_pointer (&m, g_free);

  ds = crk_csv_import_guess (indicators, 2020, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crk_city_get_name (crk_dataset_lookup_city (ds, "SZ")), ==, "Shenzhen");
  g_assert_finalize_object (ds);

  /* several candidates: refuse to guess */
  g_assert_false (crk_csv_find_pair (small, &d, &m, &error));
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "several data tables"));
  g_clear_error (&error);

  /* a table that is neither */
  g_assert_false (crk_csv_find_pair (notes, &d, &m, &error));
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neither a uCode column"));
  g_clear_error (&error);

  /* a missing file */
  ds = crk_csv_import_guess ("/nonexistent/x_data.csv", 0, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO);
}

/* Errors: every problem with its exact line and column. */

typedef struct
{
  int line;
  int column;
  const char *message;
  gboolean in_meta; /* the problem is in the metadata table */
} Expected;

static void
check_errors (const char *data_name,
              const char *meta_name,
              CrkImportError code,
              const Expected *expected,
              guint n_expected)
{
  g_autofree char *data = fixture (data_name);
  g_autofree char *meta = fixture (meta_name);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  CrkDataset *ds;

  ds = crk_csv_import (data, meta, 2020, &problems, &error);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, (int) code);
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *s = crk_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", s);
    }
  g_assert_cmpuint (problems->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const CrkProblem *p = g_ptr_array_index (problems, i);
      const char *file = expected[i].in_meta ? meta : data;
      g_autofree char *located = g_strdup_printf ("%s:%d:%d: error: %s", file, expected[i].line,
                                                  expected[i].column, expected[i].message);

      g_assert_cmpstr (p->file, ==, file);
      g_assert_cmpint (p->line, ==, expected[i].line);
      g_assert_cmpint (p->column, ==, expected[i].column);
      g_assert_cmpstr (p->message, ==, expected[i].message);
      /* the error's message lists it in the FILE:LINE:COLUMN form */
      if (strstr (error->message, located) == NULL)
        g_error ("“%s” is not in the error message:\n%s", located, error->message);
    }
}

static void
test_error_numbers (void)
{
  static const Expected expected[] = {
    {4, 18, "the value of “Air” for “GZ” is “2x”, not a number"},
    {6, 7, "the value of “GDP” for “XA” is “0x10”, not a number"},
    {6, 14, "the value of “Pat” for “XA” is “inf”, not a number"},
    {6, 18, "the value of “Pop” for “XA” is “1e”, not a number"},
  };

  check_errors ("err_number_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_duplicate_unit (void)
{
  static const Expected expected[] = {
    {4, 1, "the uCode “SZ” is already used on line 2"},
  };

  check_errors ("err_dup_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_columns (void)
{
  g_autofree char *data = fixture ("err_column_data.csv");
  g_autofree char *no_column =
    g_strdup_printf ("the indicator “Pat” has no column in the data table %s", data);
  Expected expected[] = {
    {1, 26, "the column “Foo” is not in the metadata"},
    {4, 1, no_column, TRUE},
  };

  check_errors ("err_column_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_meta (void)
{
  static const Expected expected[] = {
    /* all in err_meta.csv; err_meta_data.csv is fine */
    {3, 1, "the iCode “GDP” is already used on line 2", TRUE},
    {4, 19, "the indicator “Air” has Level 2; indicators are level 1", TRUE},
    {4, 34, "the Denominator of “Air” is “GDP”, which is not of Type Denominator", TRUE},
    {5, 13, "the Type of “Pat” is “Indicatr”, not Indicator, Aggregate, Group or Denominator",
     TRUE},
    {6, 21, "the Parent of “Bad” is “Nowhere”, which is not in the metadata", TRUE},
    {6, 31, "the Direction of “Bad” is “0”, not 1 or -1", TRUE},
    {6, 34, "the Target of “Bad” is “x”, not a number", TRUE},
    {7, 32, "the Weight of “Econ” is “x”, not a number", TRUE},
    {8, 1, "the aggregate “Green” has no children", TRUE},
    {8, 31, "the Weight of “Green” is negative", TRUE},
  };

  check_errors ("err_meta_data.csv", "err_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_roots (void)
{
  static const Expected expected[] = {
    {3, 26, "the Parent of “Econ” is “Index” at Level 2, not above its own Level 2", TRUE},
    {4, 1, "the aggregate “Index” has no children", TRUE},
    {4, 25, "“Index” has no Parent, but only the root (“Other”, line 5) may have none", TRUE},
    {5, 1, "the aggregate “Other” has no children", TRUE},
  };

  check_errors ("err_roots_data.csv", "err_roots_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

/* What the import accepts, `validate` must accept: an aggregate whose children all weigh
 * zero is refused at its row, as the native reader refuses it. */
static void
test_error_zero_weights (void)
{
  static const Expected expected[] = {
    {4, 1, "the weights of the children of “Econ” are all zero", TRUE},
  };

  check_errors ("err_zero_data.csv", "err_zero_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

/* A small table of delimiters is many fields: over the memory budget it is refused
 * where the budget ran out, and nothing is imported. */
static void
test_error_fields_over_budget (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crk-csv-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "commas_data.csv", NULL);
  g_autofree char *meta = fixture ("small_meta.csv");
  g_autoptr (GString) text = g_string_new ("uCode,uName,GDP\n");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  const CrkProblem *problem;

  for (guint row = 0; row < 400; row++)
    {
      for (guint i = 0; i < 999; i++)
        g_string_append_c (text, ',');
      g_string_append_c (text, '\n');
    }
  g_assert_true (g_file_set_contents (data, text->str, (gssize) text->len, NULL));
  crk_io_set_memory_limit (4 << 20);
  ds = crk_csv_import (data, meta, 2020, &problems, &error);
  crk_io_set_memory_limit (0);
  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_HOSTILE);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, data);
  /* The budget is checked every 65,536 fields; the 4 MiB are gone before the 131,072nd
   * (48 bytes a field, and the text), which is on line 2 + (131072 - 3 - 1) / 1000. */
  g_assert_cmpint (problem->line, ==, 133);
  g_assert_nonnull (strstr (problem->message, "Holding the fields of the table would take"));
  g_assert_nonnull (
    strstr (problem->message, "limit of 4.0\u00a0MiB")); /* GLib puts a no-break space */
  g_assert_no_errno (g_remove (data));
  g_assert_no_errno (g_rmdir (dir));
}

/* Control characters (and U+FFFE) cannot be written to a dataset: refused, not dropped. */
static void
test_error_control (void)
{
  static const Expected expected[] = {
    {2, 4, "the field holds the control character U+000F, which a dataset cannot hold"},
    {3, 4, "the field holds the control character U+FFFE, which a dataset cannot hold"},
  };

  check_errors ("err_control_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_MALFORMED, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_quote (void)
{
  static const Expected expected[] = {
    {3, 4, "the quoted field is not closed before the end of the file"},
    {3, 4, "the row has 2 fields, the header has 7"},
  };

  check_errors ("err_quote_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_MALFORMED, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_utf8 (void)
{
  static const Expected expected[] = {
    {2, 8, "the text is not valid UTF-8"},
  };

  check_errors ("err_utf8_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_MALFORMED, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_width (void)
{
  static const Expected expected[] = {
    {2, 19, "the row has 6 fields, the header has 7"},
    {3, 24, "the row has 8 fields, the header has 7"},
  };

  check_errors ("err_width_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_MALFORMED, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_time (void)
{
  static const Expected expected[] = {
    {3, 4, "the Time of the row is “20x0”, not a year"},
    {4, 1, "the unit “SZ” already has a row for 2020 on line 2"},
    {5, 1, "the row has no uCode"},
  };

  check_errors ("err_time_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_no_code (void)
{
  static const Expected expected[] = {
    {1, 1, "the column “Code” is not in the metadata"},
    {1, 1, "the data table has no “uCode” column"},
  };

  check_errors ("err_nocode_data.csv", "small_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_meta_columns (void)
{
  static const Expected expected[] = {
    {1, 1, "the metadata table has no “Parent” column", TRUE},
    {1, 1, "the metadata table has no “Direction” column", TRUE},
  };

  check_errors ("err_roots_data.csv", "err_columns_meta.csv", CRK_IMPORT_ERROR_INVALID, expected,
                G_N_ELEMENTS (expected));
}

static void
test_error_missing_file (void)
{
  g_autofree char *meta = fixture ("small_meta.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_null (crk_csv_import ("/nonexistent/data.csv", meta, 0, &problems, &error));
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/data.csv"));
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/asem/structure", test_asem_structure);
  g_test_add_func ("/csv/asem/values", test_asem_values);
  g_test_add_func ("/csv/asem/lossless", test_asem_lossless);
  g_test_add_func ("/csv/asem/guess", test_asem_guess);
  g_test_add_func ("/csv/edge/semicolon-bom-crlf", test_edge_semicolon);
  g_test_add_func ("/csv/edge/quoted", test_edge_quoted);
  g_test_add_func ("/csv/edge/cr", test_edge_cr);
  g_test_add_func ("/csv/edge/years", test_edge_years);
  g_test_add_func ("/csv/edge/extensions", test_edge_extensions);
  g_test_add_func ("/csv/guess/pairs", test_guess_pairs);
  g_test_add_func ("/csv/error/numbers", test_error_numbers);
  g_test_add_func ("/csv/error/duplicate-unit", test_error_duplicate_unit);
  g_test_add_func ("/csv/error/columns", test_error_columns);
  g_test_add_func ("/csv/error/meta", test_error_meta);
  g_test_add_func ("/csv/error/roots", test_error_roots);
  g_test_add_func ("/csv/error/zero-weights", test_error_zero_weights);
  g_test_add_func ("/csv/error/fields-over-budget", test_error_fields_over_budget);
  g_test_add_func ("/csv/error/control", test_error_control);
  g_test_add_func ("/csv/error/quote", test_error_quote);
  g_test_add_func ("/csv/error/utf8", test_error_utf8);
  g_test_add_func ("/csv/error/width", test_error_width);
  g_test_add_func ("/csv/error/time", test_error_time);
  g_test_add_func ("/csv/error/no-code", test_error_no_code);
  g_test_add_func ("/csv/error/meta-columns", test_error_meta_columns);
  g_test_add_func ("/csv/error/missing-file", test_error_missing_file);

  return g_test_run ();
}
