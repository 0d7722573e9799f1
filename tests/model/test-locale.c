/* test-locale.c: picking English or Chinese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-locale.h"

static void
test_locale_pick (void)
{
  crk_locale_set_language ("en_GB");
  g_assert_false (crk_locale_prefers_chinese ());
  g_assert_cmpstr (crk_locale_pick ("Beijing", "北京"), ==, "Beijing");
  g_assert_cmpstr (crk_locale_pick (NULL, "北京"), ==, "北京");
  g_assert_cmpstr (crk_locale_pick ("", "北京"), ==, "北京");
  g_assert_cmpstr (crk_locale_pick ("Beijing", NULL), ==, "Beijing");
  g_assert_null (crk_locale_pick (NULL, ""));
  g_assert_null (crk_locale_pick ("", NULL));
  g_assert_cmpstr (crk_locale_get_pango_language (), ==, "en");

  crk_locale_set_language ("zh_CN");
  g_assert_true (crk_locale_prefers_chinese ());
  g_assert_cmpstr (crk_locale_pick ("Beijing", "北京"), ==, "北京");
  g_assert_cmpstr (crk_locale_pick ("Beijing", NULL), ==, "Beijing");
  g_assert_cmpstr (crk_locale_pick ("Beijing", ""), ==, "Beijing");
  g_assert_null (crk_locale_pick (NULL, NULL));
  g_assert_cmpstr (crk_locale_get_pango_language (), ==, "zh-cn");

  crk_locale_set_language ("zh_TW.UTF-8");
  g_assert_true (crk_locale_prefers_chinese ());
  crk_locale_set_language (NULL);
}

/* Without an explicit language the environment decides. */
static void
test_locale_environment (void)
{
  if (g_test_subprocess ())
    {
      g_assert_true (crk_locale_prefers_chinese ());
      g_assert_cmpstr (crk_locale_pick ("Beijing", "北京"), ==, "北京");
      crk_locale_set_language ("en");
      g_assert_false (crk_locale_prefers_chinese ());
      crk_locale_set_language ("");
      g_assert_true (crk_locale_prefers_chinese ());
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_locale_environment_english (void)
{
  /* LC_ALL=C.UTF-8 in the test environment */
  g_assert_false (crk_locale_prefers_chinese ());
  g_assert_cmpstr (crk_locale_pick ("Beijing", "北京"), ==, "Beijing");
}

int
main (int argc, char **argv)
{
  /* The subprocess of /model/locale/environment reads LANGUAGE=zh_CN. */
  if (argc > 1 && g_strv_contains ((const char *const *) argv, "--GTestSubprocess"))
    g_setenv ("LANGUAGE", "zh_CN:en", TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/locale/pick", test_locale_pick);
  g_test_add_func ("/model/locale/environment", test_locale_environment);
  g_test_add_func ("/model/locale/environment-english", test_locale_environment_english);

  return g_test_run ();
}
