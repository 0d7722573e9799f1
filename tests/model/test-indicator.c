/* test-indicator.c: CrkIndicator properties and notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crk-indicator.h"
#include "crk-locale.h"

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_indicator_defaults (void)
{
  CrkIndicator *ind = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  CrkIndicatorKind kind = CRK_INDICATOR_KIND_DENOMINATOR;
  double target = 0;

  g_assert_cmpstr (crk_indicator_get_code (ind), ==, "GDP");
  g_assert_cmpint (crk_indicator_get_kind (ind), ==, CRK_INDICATOR_KIND_INDICATOR);
  g_assert_cmpint (crk_indicator_get_direction (ind), ==, 1);
  g_assert_true (isnan (crk_indicator_get_goalpost_low (ind)));
  g_assert_true (isnan (crk_indicator_get_goalpost_high (ind)));
  g_assert_true (isnan (crk_indicator_get_target (ind)));
  g_assert_null (crk_indicator_get_denominator (ind));
  g_assert_null (crk_indicator_get_unit (ind));
  g_assert_null (crk_indicator_get_unit_zh (ind));
  g_assert_null (crk_indicator_get_display_unit (ind));
  g_assert_cmpuint (crk_indicator_get_index (ind), ==, G_MAXUINT);

  g_object_get (ind, "kind", &kind, "target", &target, NULL);
  g_assert_cmpint (kind, ==, CRK_INDICATOR_KIND_INDICATOR);
  g_assert_true (isnan (target));

  g_assert_finalize_object (ind);
}

static void
test_indicator_setters (void)
{
  CrkIndicator *ind = crk_indicator_new ("Pop", CRK_INDICATOR_KIND_DENOMINATOR);
  guint any = 0, target = 0, direction = 0;

  g_signal_connect (ind, "notify", G_CALLBACK (count_cb), &any);
  g_signal_connect (ind, "notify::target", G_CALLBACK (count_cb), &target);
  g_signal_connect (ind, "notify::direction", G_CALLBACK (count_cb), &direction);

  crk_indicator_set_target (ind, NAN);
  g_assert_cmpuint (target, ==, 0);
  crk_indicator_set_target (ind, 95.5);
  crk_indicator_set_target (ind, 95.5);
  g_assert_cmpuint (target, ==, 1);
  g_assert_cmpfloat (crk_indicator_get_target (ind), ==, 95.5);
  crk_indicator_set_target (ind, NAN);
  g_assert_cmpuint (target, ==, 2);

  crk_indicator_set_direction (ind, 1);
  g_assert_cmpuint (direction, ==, 0);
  crk_indicator_set_direction (ind, -1);
  g_assert_cmpuint (direction, ==, 1);
  g_object_set (ind, "direction", -1, NULL);
  g_assert_cmpuint (direction, ==, 1);

  crk_indicator_set_kind (ind, CRK_INDICATOR_KIND_DENOMINATOR);
  crk_indicator_set_unit (ind, "million");
  crk_indicator_set_unit (ind, "million");
  crk_indicator_set_denominator (ind, "Area");
  crk_indicator_set_goalpost_low (ind, 0);
  crk_indicator_set_goalpost_high (ind, 100);
  crk_indicator_set_goalpost_high (ind, 100);
  crk_indicator_set_description (ind, "People");
  crk_indicator_set_description_zh (ind, "人口");
  crk_indicator_set_source (ind, "UN");
  crk_indicator_set_name (ind, "Population");
  crk_indicator_set_name_zh (ind, "人口");
  /* target x2, direction, unit, denominator, low, high, desc, desc-zh, source, name, name-zh */
  g_assert_cmpuint (any, ==, 12);

  g_assert_cmpstr (crk_indicator_get_unit (ind), ==, "million");
  g_assert_cmpstr (crk_indicator_get_denominator (ind), ==, "Area");
  g_assert_cmpfloat (crk_indicator_get_goalpost_low (ind), ==, 0);
  g_assert_cmpfloat (crk_indicator_get_goalpost_high (ind), ==, 100);
  g_assert_cmpstr (crk_indicator_get_source (ind), ==, "UN");

  g_assert_finalize_object (ind);
}

static void
test_indicator_display (void)
{
  CrkIndicator *ind = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);

  crk_locale_set_language ("zh_CN");
  g_assert_cmpstr (crk_indicator_get_display_name (ind), ==, "GDP");
  g_assert_null (crk_indicator_get_display_description (ind));
  crk_indicator_set_name (ind, "Gross domestic product");
  g_assert_cmpstr (crk_indicator_get_display_name (ind), ==, "Gross domestic product");
  crk_indicator_set_name_zh (ind, "地区生产总值");
  crk_indicator_set_description (ind, "Output");
  g_assert_cmpstr (crk_indicator_get_display_name (ind), ==, "地区生产总值");
  g_assert_cmpstr (crk_indicator_get_display_description (ind), ==, "Output");
  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_indicator_get_display_name (ind), ==, "Gross domestic product");
  crk_locale_set_language (NULL);

  g_assert_finalize_object (ind);
}

static void
test_indicator_unit_zh (void)
{
  CrkIndicator *ind = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  g_autofree char *unit_zh = NULL;
  guint notified = 0;

  g_signal_connect (ind, "notify::unit-zh", G_CALLBACK (count_cb), &notified);
  crk_indicator_set_unit_zh (ind, "亿元");
  crk_indicator_set_unit_zh (ind, "亿元");
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (ind, "unit-zh", &unit_zh, NULL);
  g_assert_cmpstr (unit_zh, ==, "亿元");
  g_object_set (ind, "unit-zh", "十亿元", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (crk_indicator_get_unit_zh (ind), ==, "十亿元");

  /* only the Chinese unit: both languages show it */
  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_indicator_get_display_unit (ind), ==, "十亿元");
  crk_indicator_set_unit (ind, "billion yuan");
  g_assert_cmpstr (crk_indicator_get_display_unit (ind), ==, "billion yuan");
  crk_locale_set_language ("zh_CN");
  g_assert_cmpstr (crk_indicator_get_display_unit (ind), ==, "十亿元");
  /* an empty Chinese unit counts as absent */
  crk_indicator_set_unit_zh (ind, "");
  g_assert_cmpstr (crk_indicator_get_display_unit (ind), ==, "billion yuan");
  crk_indicator_set_unit_zh (ind, NULL);
  g_assert_cmpstr (crk_indicator_get_display_unit (ind), ==, "billion yuan");
  g_assert_cmpstr (crk_indicator_get_unit (ind), ==, "billion yuan");
  crk_locale_set_language (NULL);

  g_assert_finalize_object (ind);
}

static void
test_indicator_bad_direction (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (CrkIndicator) ind = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);

      crk_indicator_set_direction (ind, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*direction == 1 || direction == -1*");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/indicator/defaults", test_indicator_defaults);
  g_test_add_func ("/model/indicator/setters", test_indicator_setters);
  g_test_add_func ("/model/indicator/display", test_indicator_display);
  g_test_add_func ("/model/indicator/bad-direction", test_indicator_bad_direction);

  g_test_add_func ("/model/indicator/unit-zh", test_indicator_unit_zh);

  return g_test_run ();
}
