/* test-unit-words.c: what a dataset ranks (CrkUnitKind) and the words for it, in English
 * and in Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crk-model.h"

static void
on_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The property: city by default, set, notified, and a change marks the dataset modified. */
static void
test_dataset_property (void)
{
  g_autoptr (CrkDataset) ds = crk_dataset_new ();
  guint notified = 0;
  CrkUnitKind kind = CRK_UNIT_OTHER;

  g_assert_cmpint (crk_dataset_get_unit_kind (ds), ==, CRK_UNIT_CITY);
  g_assert_false (crk_dataset_get_modified (ds));
  g_signal_connect (ds, "notify::unit-kind", G_CALLBACK (on_notify), &notified);

  crk_dataset_set_unit_kind (ds, CRK_UNIT_CITY);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_false (crk_dataset_get_modified (ds));

  crk_dataset_set_unit_kind (ds, CRK_UNIT_COUNTRY);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (crk_dataset_get_modified (ds));
  g_object_get (ds, "unit-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CRK_UNIT_COUNTRY);

  g_object_set (ds, "unit-kind", CRK_UNIT_ECONOMY, NULL);
  g_assert_cmpint (crk_dataset_get_unit_kind (ds), ==, CRK_UNIT_ECONOMY);
  g_assert_cmpuint (notified, ==, 2);
}

/* Every kind has a name that reads back, and a name nobody wrote is refused. */
static void
test_names (void)
{
  CrkUnitKind kind = CRK_UNIT_PROVINCE;
  GEnumClass *klass = g_type_class_ref (CRK_TYPE_UNIT_KIND);

  g_assert_cmpuint (klass->n_values, ==, CRK_UNIT_N_KINDS);
  for (guint i = 0; i < CRK_UNIT_N_KINDS; i++)
    {
      const char *name = crk_unit_kind_to_string ((CrkUnitKind) i);

      g_assert_true (crk_unit_kind_from_string (name, &kind));
      g_assert_cmpint (kind, ==, i);
      /* the GType's nick is the format's name */
      g_assert_cmpstr (g_enum_get_value (klass, (int) i)->value_nick, ==, name);
    }
  g_assert_cmpstr (crk_unit_kind_to_string (CRK_UNIT_COUNTRY), ==, "country");
  kind = CRK_UNIT_REGION;
  g_assert_false (crk_unit_kind_from_string ("nation", &kind));
  g_assert_false (crk_unit_kind_from_string ("Country", &kind));
  g_assert_false (crk_unit_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, CRK_UNIT_REGION);
  g_type_class_unref (klass);
}

static void
assert_format (char *text, const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

/* The English words: each kind says its own, singular and plural. */
static void
test_english (void)
{
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_CITY, CRK_UNIT_WORD_HEADER), ==, "City");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_HEADER), ==, "Country");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_NOUNS), ==, "countries");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_ECONOMY, CRK_UNIT_WORD_HEADERS), ==,
                   "Economies");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_NO_MATCH_TITLE), ==,
                   "No Matching Countries");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_PROVINCE, CRK_UNIT_WORD_NONE_SELECTED), ==,
                   "No Province Selected");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_MEDIAN), ==,
                   "Median of all countries");
  assert_format (crk_unit_kind_format_count (CRK_UNIT_COUNTRY, 1), "1 country");
  assert_format (crk_unit_kind_format_count (CRK_UNIT_COUNTRY, 51), "51 countries");
  assert_format (crk_unit_kind_format_count (CRK_UNIT_CITY, 100), "100 cities");
  assert_format (crk_unit_kind_format_count_of (CRK_UNIT_REGION, 3, 12), "3 of 12 regions");
  assert_format (crk_unit_kind_format_search (CRK_UNIT_COUNTRY, NULL),
                 "Search countries by name or code");
  assert_format (crk_unit_kind_format_search (CRK_UNIT_CITY, "province"),
                 "Search cities by name, code or province");
  assert_format (crk_unit_kind_format_no_match (CRK_UNIT_COUNTRY, "xyz"),
                 "No country matches “xyz”.");
  assert_format (crk_unit_kind_format_top (CRK_UNIT_COUNTRY, 10, 2018), "Top 10 countries, 2018");
  assert_format (crk_unit_kind_format_ranking (CRK_UNIT_CITY, 1, 2020), "Ranking of 1 city, 2020");
  /* the window's tooltips, shortcuts and all */
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_DETAIL_TIP), ==,
                   "Country Detail (Shift+F9)");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_ECONOMY, CRK_UNIT_WORD_RADAR_TIP), ==,
                   "The selected economies against the median (Ctrl+1)");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_OTHER, CRK_UNIT_WORD_VALUES_TIP), ==,
                   "One entity’s raw values, year by year (Ctrl+5)");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_CITY, CRK_UNIT_WORD_GAP_TIP), ==,
                   "The gap between two selected cities, by dimension (Ctrl+4)");
  g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_PROVINCE, CRK_UNIT_WORD_SHORTCUT_DETAIL), ==,
                   "Show or hide the province detail");
  /* every kind has every word */
  for (guint i = 0; i < CRK_UNIT_N_KINDS; i++)
    for (guint w = CRK_UNIT_WORD_NOUN; w < CRK_UNIT_N_WORDS; w++)
      g_assert_cmpstr (crk_unit_kind_get_word ((CrkUnitKind) i, (CrkUnitWord) w), !=, "");
}

/* In Chinese (the catalogue of the build, po/zh_CN.po): 国家, not 城市, for countries. */
static void
test_chinese (void)
{
  if (g_test_subprocess ())
    {
      const char *localedir = g_getenv ("CRK_LOCALEDIR");

      g_assert_nonnull (localedir);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_CITY, CRK_UNIT_WORD_HEADER), ==, "城市");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_HEADER), ==, "国家");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_REGION, CRK_UNIT_WORD_HEADER), ==, "地区");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_PROVINCE, CRK_UNIT_WORD_HEADER), ==,
                       "省份");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_ECONOMY, CRK_UNIT_WORD_HEADER), ==,
                       "经济体");
      assert_format (crk_unit_kind_format_count (CRK_UNIT_COUNTRY, 51), "51 个国家");
      assert_format (crk_unit_kind_format_count_of (CRK_UNIT_COUNTRY, 3, 51), "3 / 51 个国家");
      assert_format (crk_unit_kind_format_no_match (CRK_UNIT_COUNTRY, "xyz"),
                     "没有与“xyz”匹配的国家。");
      assert_format (crk_unit_kind_format_top (CRK_UNIT_COUNTRY, 10, 2018),
                     "前 10 个国家，2018 年");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_DETAIL_TIP), ==,
                       "国家详情（Shift+F9）");
      g_assert_cmpstr (crk_unit_kind_get_word (CRK_UNIT_COUNTRY, CRK_UNIT_WORD_BAR_TIP), ==,
                       "以排名条形图显示各国家得分（Ctrl+2）");
      /* every string of every kind is translated (no English left but the conversions
       * of the formats, "%2$u", the mnemonics, "(_P)", the keys, "F1", "Shift+F9",
       * "Ctrl+1", and TOPSIS) */
      g_autoptr (GRegex) conversions = g_regex_new (
        "%(\\d\\$)?[-+.0-9]*[a-z]|\\(_[A-Z]\\)|\\bF1\\b|\\b(Shift|Ctrl)\\+(F\\d+|\\d)\\b|TOPSIS", 0,
        0, NULL);

      for (guint i = 0; i < CRK_UNIT_N_KINDS; i++)
        for (guint w = CRK_UNIT_WORD_NOUN; w < CRK_UNIT_N_WORDS; w++)
          {
            const char *word = crk_unit_kind_get_word ((CrkUnitKind) i, (CrkUnitWord) w);
            g_autofree char *text = g_regex_replace (conversions, word, -1, 0, "", 0, NULL);

            for (const char *p = text; *p != '\0'; p++)
              if (g_ascii_isalpha (*p))
                g_error ("“%s” (kind %u, word %u) is not translated", word, i, w);
          }
      assert_format (
        crk_unit_kind_format_ranks_of (CRK_UNIT_COUNTRY, "德国", "第 1", 51, 2018, "75.23"),
        "德国在 2018 年的 51 个国家中位列第 1，得分 75.23。");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  /* The subprocess of /model/unit-words/chinese reads LANGUAGE=zh_CN. */
  if (argc > 1 && g_strv_contains ((const char *const *) argv, "--GTestSubprocess"))
    g_setenv ("LANGUAGE", "zh_CN", TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/unit-words/dataset-property", test_dataset_property);
  g_test_add_func ("/model/unit-words/names", test_names);
  g_test_add_func ("/model/unit-words/english", test_english);
  g_test_add_func ("/model/unit-words/chinese", test_chinese);

  return g_test_run ();
}
