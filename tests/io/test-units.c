/* test-units.c: what a dataset ranks (<cities unit="…">) in the native format, and the
 * guess of the importers (World Bank, COINr's ASEM, SDMX REF_AREA: countries)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-country-codes.h"
#include "crk-dataset-reader.h"
#include "crk-dataset-writer.h"
#include "crk-import-dataset.h"
#include "crk-model.h"
#include "crk-open.h"

#define HEAD                                                                                       \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   \
  "<dataset xmlns=\"https://cityrank.github.io/ns/dataset/1\" version=\"1\">\n"                    \
  "  <metadata><title>T</title><years>2020</years></metadata>\n"
#define TAIL                                                                                       \
  "    <city code=\"DEU\"><name>Germany</name></city>\n"                                           \
  "  </cities>\n"                                                                                  \
  "  <indicators><indicator code=\"GDP\"><name>GDP</name></indicator></indicators>\n"              \
  "  <values><city code=\"DEU\"><year value=\"2020\"><v i=\"GDP\">1</v></year></city></values>\n"  \
  "</dataset>\n"

static CrkDataset *
small_dataset (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkCity) city = crk_city_new ("DEU", "Germany");
  g_autoptr (CrkIndicator) indicator = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);

  crk_dataset_set_title (ds, "T");
  crk_dataset_add_year (ds, 2020);
  crk_dataset_add_city (ds, city);
  crk_dataset_add_indicator (ds, indicator);
  crk_dataset_set_value (ds, 0, 0, 0, 1.0, CRK_VALUE_STATUS_OBSERVED);
  return ds;
}

/* Every kind is written and read back; the default (cities) is not written at all. */
static void
test_round_trip (void)
{
  for (guint k = 0; k < CRK_UNIT_N_KINDS; k++)
    {
      g_autoptr (CrkDataset) ds = small_dataset ();
      g_autoptr (CrkDataset) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *attribute = NULL;

      crk_dataset_set_unit_kind (ds, (CrkUnitKind) k);
      xml = crk_dataset_write_to_string (ds, NULL);
      g_assert_nonnull (xml);
      attribute = g_strdup_printf ("<cities unit=\"%s\">", crk_unit_kind_to_string (k));
      if (k == CRK_UNIT_CITY)
        g_assert_nonnull (strstr (xml, "  <cities>\n"));
      else
        g_assert_nonnull (strstr (xml, attribute));
      back =
        crk_dataset_read_from_memory (xml, strlen (xml), "units.cityrank.xml", &problems, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_cmpint (crk_dataset_get_unit_kind (back), ==, k);
      /* reading is not an edit */
      g_assert_false (crk_dataset_get_modified (back));
    }
}

/* An empty <cities/> keeps its kind too. */
static void
test_no_cities (void)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  g_autofree char *xml = NULL;

  crk_dataset_set_unit_kind (ds, CRK_UNIT_REGION);
  xml = crk_dataset_write_to_string (ds, NULL);
  g_assert_nonnull (strstr (xml, "<cities unit=\"region\"/>"));
}

/* A kind the format does not know is an error at its line and column. */
static void
test_unknown_kind (void)
{
  const char *xml = HEAD "  <cities unit=\"nation\">\n" TAIL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrkDataset) ds =
    crk_dataset_read_from_memory (xml, strlen (xml), "nation.cityrank.xml", &problems, &error);
  g_autofree char *first = NULL;

  g_assert_null (ds);
  g_assert_error (error, CRK_IMPORT_ERROR, CRK_IMPORT_ERROR_SCHEMA);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  first = crk_problem_to_string (g_ptr_array_index (problems, 0));
  g_test_message ("%s", first);
  g_assert_true (g_str_has_prefix (first, "nation.cityrank.xml:4:"));
  g_assert_nonnull (strstr (first, "unit"));

  /* the same document with a known kind reads */
  {
    const char *good = HEAD "  <cities unit=\"economy\">\n" TAIL;
    g_autoptr (GError) e2 = NULL;
    g_autoptr (CrkDataset) ok =
      crk_dataset_read_from_memory (good, strlen (good), "economy.cityrank.xml", NULL, &e2);

    g_assert_no_error (e2);
    g_assert_cmpint (crk_dataset_get_unit_kind (ok), ==, CRK_UNIT_ECONOMY);
  }
  /* a trusted read (no schema) falls back to cities */
  {
    g_autoptr (GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
    g_autoptr (GError) e3 = NULL;
    g_autoptr (CrkDataset) trusted = crk_dataset_read_trusted_bytes (bytes, "nation", &e3);

    g_assert_no_error (e3);
    g_assert_cmpint (crk_dataset_get_unit_kind (trusted), ==, CRK_UNIT_CITY);
  }
}

static void
test_country_codes (void)
{
  g_assert_true (crk_country_code_is_iso ("DEU", FALSE));
  g_assert_true (crk_country_code_is_iso ("ABW", FALSE));
  g_assert_true (crk_country_code_is_iso ("ZWE", FALSE));
  g_assert_true (crk_country_code_is_iso ("VNM", FALSE));
  g_assert_false (crk_country_code_is_iso ("DE", FALSE));
  g_assert_true (crk_country_code_is_iso ("DE", TRUE));
  g_assert_false (crk_country_code_is_iso ("deu", TRUE));
  g_assert_false (crk_country_code_is_iso ("WLD", TRUE)); /* a group, not a country */
  g_assert_false (crk_country_code_is_iso ("SZX", TRUE));
  g_assert_false (crk_country_code_is_iso ("", TRUE));
  g_assert_false (crk_country_code_is_iso (NULL, TRUE));
}

static CrkDataset *
open_path (const char *path, const char *city)
{
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  CrkImportOptions options = {0};
  CrkDataset *ds;

  options.city = (char *) city;
  ds = crk_open_file (path, &options, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static CrkUnitKind
kind_of (const char *path, const char *city)
{
  g_autoptr (CrkDataset) ds = open_path (path, city);

  return crk_dataset_get_unit_kind (ds);
}

/* COINr's ASEM example: its uCodes are ISO alpha-3 codes, so countries. */
static void
test_guess_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *data = NULL;

  g_assert_nonnull (shared);
  data = g_build_filename (shared, "data", "external", "asem", "asem_idata.csv", NULL);
  g_assert_cmpint (kind_of (data, NULL), ==, CRK_UNIT_COUNTRY);
}

/* The same pair imported (its values streamed to a new dataset, as cityrank-cli import
 * and the import assistant do) keeps its countries. */
static void
test_guess_asem_import (void)
{
  g_autofree char *data = g_build_filename (g_getenv ("CRK_SHARED_DIR"), "data", "external", "asem",
                                            "asem_idata.csv", NULL);
  g_autoptr (CrkImportReport) report = crk_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkDataset) ds = NULL;
  CrkImportDataset *import = crk_import_dataset_new (NULL, FALSE);

  crk_import_dataset_begin_file (import, data, report);
  g_assert_true (
    crk_import_file (data, NULL, NULL, crk_import_dataset_get_sink (import), report, NULL, &error));
  g_assert_no_error (error);
  crk_import_dataset_end_file (import);
  ds = crk_import_dataset_finish (import, report);
  crk_import_dataset_free (import);
  g_assert_nonnull (ds);
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 51);
  g_assert_cmpint (crk_dataset_get_unit_kind (ds), ==, CRK_UNIT_COUNTRY);
}

/* World Bank XML: countries (and their groups). */
static void
test_guess_worldbank (void)
{
  const char *names[] = {"wb-api-page.xml", "wb-bulk.xml"};

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path =
        g_test_build_filename (G_TEST_DIST, "import", "fixtures", names[i], NULL);

      g_assert_cmpint (kind_of (path, NULL), ==, CRK_UNIT_COUNTRY);
    }
}

/* SDMX: a REF_AREA of ISO codes is countries, chosen or not; of other codes, cities. */
static void
test_guess_sdmx (void)
{
  g_autofree char *countries =
    g_test_build_filename (G_TEST_DIST, "import", "fixtures", "sdmx-countries.xml", NULL);
  g_autofree char *cities =
    g_test_build_filename (G_TEST_DIST, "import", "fixtures", "sdmx-all-dimensions.xml", NULL);

  g_assert_cmpint (kind_of (countries, NULL), ==, CRK_UNIT_COUNTRY);
  g_assert_cmpint (kind_of (countries, "REF_AREA"), ==, CRK_UNIT_COUNTRY);
  g_assert_cmpint (kind_of (cities, NULL), ==, CRK_UNIT_CITY);
  g_assert_cmpint (kind_of (cities, "REF_AREA"), ==, CRK_UNIT_CITY);
}

/* Everything else stays cities: the samples, a CSV table of Chinese cities. */
static void
test_guess_cities (void)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *sample = NULL;
  g_autofree char *table =
    g_test_build_filename (G_TEST_DIST, "import", "fixtures", "guangdong-robots-2021.csv", NULL);

  g_assert_nonnull (source);
  sample = g_build_filename (source, "data", "samples",
                             "advanced-manufacturing-cities.cityrank.xml", NULL);
  g_assert_cmpint (kind_of (sample, NULL), ==, CRK_UNIT_CITY);
  g_assert_cmpint (kind_of (table, NULL), ==, CRK_UNIT_CITY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/units/round-trip", test_round_trip);
  g_test_add_func ("/io/units/no-cities", test_no_cities);
  g_test_add_func ("/io/units/unknown-kind", test_unknown_kind);
  g_test_add_func ("/io/units/country-codes", test_country_codes);
  g_test_add_func ("/io/units/guess/asem", test_guess_asem);
  g_test_add_func ("/io/units/guess/asem-import", test_guess_asem_import);
  g_test_add_func ("/io/units/guess/worldbank", test_guess_worldbank);
  g_test_add_func ("/io/units/guess/sdmx", test_guess_sdmx);
  g_test_add_func ("/io/units/guess/cities", test_guess_cities);

  return g_test_run ();
}
