/* test-city.c: CrkCity properties, notifications, attributes and reference ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crk-city.h"
#include "crk-locale.h"

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_city_properties (void)
{
  CrkCity *city = crk_city_new ("SZ", "Shenzhen");
  g_autofree char *code = NULL;
  guint index = 0;

  g_assert_cmpstr (crk_city_get_code (city), ==, "SZ");
  g_assert_cmpstr (crk_city_get_name (city), ==, "Shenzhen");
  g_assert_null (crk_city_get_name_zh (city));
  g_assert_null (crk_city_get_province (city));
  g_assert_null (crk_city_get_region (city));
  g_assert_cmpuint (crk_city_get_index (city), ==, G_MAXUINT);

  g_object_get (city, "code", &code, "index", &index, NULL);
  g_assert_cmpstr (code, ==, "SZ");
  g_assert_cmpuint (index, ==, G_MAXUINT);

  g_object_set (city, "name-zh", "深圳", "province", "Guangdong", "region", "South", NULL);
  g_assert_cmpstr (crk_city_get_name_zh (city), ==, "深圳");
  g_assert_cmpstr (crk_city_get_province (city), ==, "Guangdong");
  g_assert_cmpstr (crk_city_get_region (city), ==, "South");

  g_assert_finalize_object (city);
}

static void
test_city_notify_on_change (void)
{
  CrkCity *city = crk_city_new ("SZ", "Shenzhen");
  guint name = 0, province = 0, any = 0;

  g_signal_connect (city, "notify::name", G_CALLBACK (count_cb), &name);
  g_signal_connect (city, "notify::province", G_CALLBACK (count_cb), &province);
  g_signal_connect (city, "notify", G_CALLBACK (count_cb), &any);

  crk_city_set_name (city, "Shenzhen");
  g_assert_cmpuint (name, ==, 0);
  crk_city_set_name (city, "Shen Zhen");
  g_assert_cmpuint (name, ==, 1);
  g_object_set (city, "name", "Shen Zhen", NULL);
  g_assert_cmpuint (name, ==, 1);
  crk_city_set_name (city, NULL);
  g_assert_cmpuint (name, ==, 2);
  crk_city_set_name (city, NULL);
  g_assert_cmpuint (name, ==, 2);

  crk_city_set_province (city, "Guangdong");
  crk_city_set_province (city, "Guangdong");
  g_assert_cmpuint (province, ==, 1);
  /* "province" through the attribute API is the same property */
  crk_city_set_attribute (city, "province", "Guangdong");
  g_assert_cmpuint (province, ==, 1);
  crk_city_set_attribute (city, "province", "Hainan");
  g_assert_cmpuint (province, ==, 2);
  g_assert_cmpstr (crk_city_get_province (city), ==, "Hainan");
  g_assert_cmpuint (any, ==, 4);

  g_assert_finalize_object (city);
}

static void
attribute_cb (CrkCity *city, const char *name, GString *log)
{
  g_string_append_printf (log, "%s;", name);
}

static void
test_city_attributes (void)
{
  CrkCity *city = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (GString) log = g_string_new (NULL);
  g_auto (GStrv) names = NULL;

  g_signal_connect (city, "attribute-changed", G_CALLBACK (attribute_cb), log);
  crk_city_set_region (city, "South China");
  crk_city_set_attribute (city, "tier", "first");
  crk_city_set_attribute (city, "GDP_group", "XL");
  crk_city_set_attribute (city, "GDP_group", "XL");
  g_assert_cmpstr (log->str, ==, "tier;GDP_group;");

  g_assert_cmpstr (crk_city_get_attribute (city, "tier"), ==, "first");
  g_assert_cmpstr (crk_city_get_attribute (city, "region"), ==, "South China");
  g_assert_null (crk_city_get_attribute (city, "nothing"));

  names = crk_city_dup_attribute_names (city);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "GDP_group");
  g_assert_cmpstr (names[1], ==, "tier");

  crk_city_set_attribute (city, "tier", NULL);
  g_assert_null (crk_city_get_attribute (city, "tier"));
  crk_city_set_attribute (city, "tier", NULL);
  g_assert_cmpstr (log->str, ==, "tier;GDP_group;tier;");

  g_assert_finalize_object (city);
}

static void
rank_cb (CrkCity *city, int year, GString *log)
{
  g_string_append_printf (log, "%d;", year);
}

static void
test_city_reference_ranks (void)
{
  CrkCity *city = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GArray) years = NULL;

  g_signal_connect (city, "reference-rank-changed", G_CALLBACK (rank_cb), log);
  g_assert_cmpuint (crk_city_get_reference_rank (city, 2021), ==, 0);
  crk_city_set_reference_rank (city, 2021, 2);
  crk_city_set_reference_rank (city, 2019, 3);
  crk_city_set_reference_rank (city, 2020, 1);
  crk_city_set_reference_rank (city, 2020, 1);
  crk_city_set_reference_rank (city, 2018, 0);
  g_assert_cmpstr (log->str, ==, "2021;2019;2020;");
  g_assert_cmpuint (crk_city_get_reference_rank (city, 2019), ==, 3);
  g_assert_cmpuint (crk_city_get_reference_rank (city, 2020), ==, 1);
  g_assert_cmpuint (crk_city_get_reference_rank (city, 2021), ==, 2);

  years = crk_city_dup_reference_years (city);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2019);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2020);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2021);

  crk_city_set_reference_rank (city, 2020, 0);
  g_assert_cmpuint (crk_city_get_reference_rank (city, 2020), ==, 0);
  g_clear_pointer (&years, g_array_unref);
  years = crk_city_dup_reference_years (city);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpstr (log->str, ==, "2021;2019;2020;2020;");

  g_assert_finalize_object (city);
}

static void
test_city_display_name (void)
{
  CrkCity *city = crk_city_new ("SZ", "Shenzhen");

  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "Shenzhen");
  crk_locale_set_language ("zh_CN");
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "Shenzhen");
  crk_city_set_name_zh (city, "深圳");
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "深圳");
  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "Shenzhen");
  crk_city_set_name (city, NULL);
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "深圳");
  crk_city_set_name_zh (city, "");
  g_assert_cmpstr (crk_city_get_display_name (city), ==, "SZ");
  crk_locale_set_language (NULL);

  g_assert_finalize_object (city);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/city/properties", test_city_properties);
  g_test_add_func ("/model/city/notify-on-change", test_city_notify_on_change);
  g_test_add_func ("/model/city/attributes", test_city_attributes);
  g_test_add_func ("/model/city/reference-ranks", test_city_reference_ranks);
  g_test_add_func ("/model/city/display-name", test_city_display_name);

  return g_test_run ();
}
