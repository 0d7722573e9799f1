/* test-dataset.c: CrkDataset metadata, "changed" flags, "modified", lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crk-dataset.h"
#include "crk-locale.h"

typedef struct
{
  guint n_changed;
  guint flags; /* OR of every emission */
  guint last_flags;
  guint n_modified_notify;
} Log;

static void
changed_cb (CrkDataset *ds, guint flags, Log *log)
{
  log->n_changed++;
  log->flags |= flags;
  log->last_flags = flags;
}

static void
modified_cb (GObject *object, GParamSpec *pspec, Log *log)
{
  log->n_modified_notify++;
}

static void
watch (CrkDataset *ds, Log *log)
{
  *log = (Log){0};
  g_signal_connect (ds, "changed", G_CALLBACK (changed_cb), log);
  g_signal_connect (ds, "notify::modified", G_CALLBACK (modified_cb), log);
}

static void
reset (CrkDataset *ds, Log *log)
{
  crk_dataset_set_modified (ds, FALSE);
  log->n_changed = 0;
  log->flags = 0;
  log->last_flags = 0;
  log->n_modified_notify = 0;
}

static void
test_dataset_metadata (void)
{
  CrkDataset *ds = crk_dataset_new ();
  Log log;
  g_autofree char *title = NULL;

  watch (ds, &log);
  g_assert_false (crk_dataset_get_modified (ds));
  g_assert_null (crk_dataset_get_title (ds));

  crk_dataset_set_title (ds, "Advanced manufacturing");
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.last_flags, ==, CRK_DATASET_CHANGE_METADATA);
  g_assert_true (crk_dataset_get_modified (ds));
  g_assert_cmpuint (log.n_modified_notify, ==, 1);

  /* same value: nothing */
  crk_dataset_set_title (ds, "Advanced manufacturing");
  g_assert_cmpuint (log.n_changed, ==, 1);

  /* modified stays TRUE without another notify */
  crk_dataset_set_edition (ds, "2021");
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (log.n_modified_notify, ==, 1);

  crk_dataset_set_modified (ds, FALSE);
  g_assert_cmpuint (log.n_modified_notify, ==, 2);
  crk_dataset_set_modified (ds, FALSE);
  g_assert_cmpuint (log.n_modified_notify, ==, 2);
  g_assert_cmpuint (log.n_changed, ==, 2);

  g_object_set (ds, "title-zh", "先进制造业", "publisher", "CCID", "source", "S", "licence",
                "CC-BY-4.0", "notes", "Illustrative", NULL);
  g_assert_cmpuint (log.n_changed, ==, 7);
  g_assert_cmpstr (crk_dataset_get_title_zh (ds), ==, "先进制造业");
  g_assert_cmpstr (crk_dataset_get_publisher (ds), ==, "CCID");
  g_assert_cmpstr (crk_dataset_get_source (ds), ==, "S");
  g_assert_cmpstr (crk_dataset_get_licence (ds), ==, "CC-BY-4.0");
  g_assert_cmpstr (crk_dataset_get_notes (ds), ==, "Illustrative");
  g_object_get (ds, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Advanced manufacturing");

  crk_locale_set_language ("zh");
  g_assert_cmpstr (crk_dataset_get_display_title (ds), ==, "先进制造业");
  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_dataset_get_display_title (ds), ==, "Advanced manufacturing");
  crk_locale_set_language (NULL);

  g_assert_finalize_object (ds);
}

/* Publisher, source and notes are bilingual like the title: a Chinese text of their own,
 * a property each, and a display getter that picks the user's language. */
static void
test_dataset_bilingual_metadata (void)
{
  static const struct
  {
    const char *name;
    const char *(*get) (CrkDataset *);
    void (*set) (CrkDataset *, const char *);
    const char *(*get_zh) (CrkDataset *);
    void (*set_zh) (CrkDataset *, const char *);
    const char *(*get_display) (CrkDataset *);
  } fields[] = {
    {"publisher", crk_dataset_get_publisher, crk_dataset_set_publisher,
     crk_dataset_get_publisher_zh, crk_dataset_set_publisher_zh, crk_dataset_get_display_publisher},
    {"source", crk_dataset_get_source, crk_dataset_set_source, crk_dataset_get_source_zh,
     crk_dataset_set_source_zh, crk_dataset_get_display_source},
    {"notes", crk_dataset_get_notes, crk_dataset_set_notes, crk_dataset_get_notes_zh,
     crk_dataset_set_notes_zh, crk_dataset_get_display_notes},
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      CrkDataset *ds = crk_dataset_new ();
      g_autofree char *prop_zh = g_strconcat (fields[i].name, "-zh", NULL);
      g_autofree char *value = NULL;
      Log log;

      watch (ds, &log);
      crk_locale_set_language ("zh_CN");
      g_assert_null (fields[i].get_zh (ds));
      g_assert_null (fields[i].get_display (ds));

      /* Only English: both languages show it. */
      fields[i].set (ds, "English text");
      g_assert_cmpstr (fields[i].get_display (ds), ==, "English text");

      fields[i].set_zh (ds, "中文文本");
      g_assert_cmpuint (log.n_changed, ==, 2);
      g_assert_cmpuint (log.last_flags, ==, CRK_DATASET_CHANGE_METADATA);
      g_assert_cmpstr (fields[i].get_zh (ds), ==, "中文文本");
      g_assert_cmpstr (fields[i].get (ds), ==, "English text");
      g_assert_cmpstr (fields[i].get_display (ds), ==, "中文文本");
      crk_locale_set_language ("en");
      g_assert_cmpstr (fields[i].get_display (ds), ==, "English text");

      /* The same value again changes nothing. */
      fields[i].set_zh (ds, "中文文本");
      g_assert_cmpuint (log.n_changed, ==, 2);

      /* The property, read and written. */
      g_object_get (ds, prop_zh, &value, NULL);
      g_assert_cmpstr (value, ==, "中文文本");
      g_object_set (ds, prop_zh, "另一段", NULL);
      g_assert_cmpuint (log.n_changed, ==, 3);
      g_assert_cmpstr (fields[i].get_zh (ds), ==, "另一段");

      /* Only Chinese (English empty counts as absent): both languages show it. */
      fields[i].set (ds, "");
      g_assert_cmpstr (fields[i].get_display (ds), ==, "另一段");
      crk_locale_set_language (NULL);
      g_assert_finalize_object (ds);
    }
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  g_assert_cmpuint (position, ==, 2);
  g_assert_cmpuint (removed, ==, 0);
  *count += added;
}

static void
value_changed_cb (CrkDataset *ds, guint city, guint indicator, guint year, guint *count)
{
  (*count)++;
}

static void
test_dataset_cities (void)
{
  CrkDataset *ds = crk_dataset_new ();
  CrkCity *sz = crk_city_new ("SZ", "Shenzhen");
  g_autoptr (CrkCity) sz2 = crk_city_new ("SZ", "Other");
  CrkCity *bj = crk_city_new ("BJ", "Beijing");
  Log log;
  guint items_added = 0;

  watch (ds, &log);
  g_assert_true (crk_dataset_add_city (ds, sz));
  g_assert_true (crk_dataset_add_city (ds, bj));
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_CITIES);
  g_assert_cmpuint (crk_city_get_index (sz), ==, 0);
  g_assert_cmpuint (crk_city_get_index (bj), ==, 1);

  /* duplicate code refused, nothing changes */
  g_assert_false (crk_dataset_add_city (ds, sz2));
  g_assert_cmpuint (crk_dataset_get_n_cities (ds), ==, 2);
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (crk_city_get_index (sz2), ==, G_MAXUINT);

  g_assert_true (crk_dataset_lookup_city (ds, "SZ") == sz);
  g_assert_true (crk_dataset_lookup_city (ds, "BJ") == bj);
  g_assert_null (crk_dataset_lookup_city (ds, "SH"));
  g_assert_true (crk_dataset_get_city (ds, 1) == bj);

  /* the list model */
  g_assert_cmpuint (g_list_model_get_n_items (crk_dataset_get_cities (ds)), ==, 2);
  g_assert_true (g_list_model_get_item_type (crk_dataset_get_cities (ds)) == CRK_TYPE_CITY);
  g_signal_connect (crk_dataset_get_cities (ds), "items-changed", G_CALLBACK (items_changed_cb),
                    &items_added);
  {
    g_autoptr (CrkCity) sh = crk_city_new ("SH", "Shanghai");

    crk_dataset_add_city (ds, sh);
  }
  g_assert_cmpuint (items_added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (crk_dataset_get_cities (ds)), ==, 3);

  /* edits of a city reach the dataset */
  reset (ds, &log);
  crk_city_set_name_zh (sz, "深圳");
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.last_flags, ==, CRK_DATASET_CHANGE_CITIES);
  g_assert_true (crk_dataset_get_modified (ds));
  crk_city_set_name_zh (sz, "深圳");
  g_assert_cmpuint (log.n_changed, ==, 1);
  crk_city_set_attribute (bj, "tier", "first");
  crk_city_set_reference_rank (bj, 2021, 2);
  g_assert_cmpuint (log.n_changed, ==, 3);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_CITIES);

  g_object_unref (sz);
  g_object_unref (bj);
  g_assert_finalize_object (ds);
}

static void
test_dataset_city_outlives (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkCity) city = crk_city_new ("SZ", "Shenzhen");

  crk_dataset_add_city (ds, city);
  g_assert_finalize_object (ds);
  /* the dataset's handlers are gone: no crash, no warning */
  crk_city_set_name (city, "Shen Zhen");
  crk_city_set_attribute (city, "a", "b");
}

static void
test_dataset_indicators (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkIndicator) gdp = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  g_autoptr (CrkIndicator) pop = crk_indicator_new ("Pop", CRK_INDICATOR_KIND_DENOMINATOR);
  g_autoptr (CrkIndicator) gdp2 = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_DENOMINATOR);
  Log log;

  watch (ds, &log);
  g_assert_true (crk_dataset_add_indicator (ds, gdp));
  g_assert_true (crk_dataset_add_indicator (ds, pop));
  g_assert_false (crk_dataset_add_indicator (ds, gdp2));
  g_assert_cmpuint (crk_dataset_get_n_indicators (ds), ==, 2);
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_INDICATORS);
  g_assert_true (crk_dataset_lookup_indicator (ds, "Pop") == pop);
  g_assert_true (crk_dataset_get_indicator (ds, 0) == gdp);
  g_assert_cmpuint (crk_indicator_get_index (pop), ==, 1);
  g_assert_null (crk_dataset_lookup_indicator (ds, "gdp"));

  reset (ds, &log);
  crk_indicator_set_direction (gdp, -1);
  crk_indicator_set_direction (gdp, -1);
  crk_indicator_set_target (pop, 3);
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_INDICATORS);
  g_assert_true (crk_dataset_get_modified (ds));

  g_assert_finalize_object (ds);
}

static void
test_dataset_framework_changes (void)
{
  CrkDataset *ds = crk_dataset_new ();
  CrkFrameworkNode *root = crk_framework_node_new ("Index", NULL);
  CrkFrameworkNode *dim = crk_framework_node_new ("D1", NULL);
  CrkFrameworkNode *leaf = crk_framework_node_new ("i1", NULL);
  Log log;

  crk_framework_node_append_child (root, dim);
  watch (ds, &log);
  crk_dataset_set_framework (ds, root);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.last_flags, ==, CRK_DATASET_CHANGE_FRAMEWORK);
  crk_dataset_set_framework (ds, root);
  g_assert_cmpuint (log.n_changed, ==, 1);

  reset (ds, &log);
  crk_framework_node_set_weight (dim, 0.5);
  crk_framework_node_set_weight (dim, 0.5);
  g_assert_cmpuint (log.n_changed, ==, 1);
  crk_framework_node_append_child (dim, leaf);
  g_assert_cmpuint (log.n_changed, ==, 2);
  crk_framework_node_set_name (leaf, "Leaf");
  g_assert_cmpuint (log.n_changed, ==, 3);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_FRAMEWORK);
  g_assert_true (crk_dataset_get_modified (ds));

  /* a replaced framework no longer reaches the dataset */
  crk_dataset_set_framework (ds, NULL);
  g_assert_cmpuint (log.n_changed, ==, 4);
  g_assert_null (crk_dataset_lookup_node (ds, "D1"));
  g_assert_cmpuint (crk_dataset_get_dimensions (ds)->len, ==, 0);
  crk_framework_node_set_weight (dim, 2);
  g_assert_cmpuint (log.n_changed, ==, 4);

  g_object_unref (leaf);
  g_object_unref (dim);
  g_assert_finalize_object (root);
  g_assert_finalize_object (ds);
}

static void
test_dataset_method (void)
{
  CrkDataset *ds = crk_dataset_new ();
  CrkMethod *method;
  CrkMethod *other = crk_method_new ();
  Log log;

  watch (ds, &log);
  method = g_object_ref (crk_dataset_get_method (ds));
  g_assert_false (crk_dataset_has_method (ds));
  g_assert_false (crk_dataset_get_modified (ds));

  crk_method_set_weight_scheme (method, CRK_WEIGHTS_ENTROPY);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.last_flags, ==, CRK_DATASET_CHANGE_METHOD);
  g_assert_true (crk_dataset_get_modified (ds));
  g_assert_true (crk_dataset_has_method (ds));

  reset (ds, &log);
  crk_dataset_set_method (ds, other);
  g_assert_true (crk_dataset_get_method (ds) == other);
  g_assert_cmpuint (log.n_changed, ==, 1);
  /* the old method is released and disconnected */
  g_assert_finalize_object (method);
  crk_method_set_availability (other, 0.5);
  g_assert_cmpuint (log.n_changed, ==, 2);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_METHOD);

  crk_dataset_set_method (ds, NULL);
  g_assert_false (crk_dataset_has_method (ds));
  g_assert_nonnull (crk_dataset_get_method (ds));
  g_assert_true (crk_method_equal (crk_dataset_get_method (ds), method = crk_method_new ()));
  g_object_unref (method);
  crk_method_set_availability (other, 0.75);
  g_assert_cmpuint (log.n_changed, ==, 3);

  g_assert_finalize_object (other);
  g_assert_finalize_object (ds);
}

static void
test_dataset_bulk (void)
{
  CrkDataset *ds = crk_dataset_new ();
  g_autoptr (CrkCity) city = crk_city_new ("SZ", NULL);
  g_autoptr (CrkIndicator) ind = crk_indicator_new ("GDP", CRK_INDICATOR_KIND_INDICATOR);
  Log log;
  guint values = 0;

  watch (ds, &log);
  g_signal_connect (ds, "value-changed", G_CALLBACK (value_changed_cb), &values);

  crk_dataset_begin_bulk (ds);
  crk_dataset_set_title (ds, "T");
  crk_dataset_add_city (ds, city);
  crk_dataset_add_indicator (ds, ind);
  crk_dataset_add_year (ds, 2020);
  crk_dataset_set_value (ds, 0, 0, 0, 1.5, CRK_VALUE_STATUS_OBSERVED);
  crk_dataset_begin_bulk (ds);
  crk_dataset_end_bulk (ds);
  g_assert_cmpuint (log.n_changed, ==, 0);
  crk_dataset_end_bulk (ds);

  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.last_flags, ==,
                    CRK_DATASET_CHANGE_METADATA | CRK_DATASET_CHANGE_CITIES |
                      CRK_DATASET_CHANGE_INDICATORS | CRK_DATASET_CHANGE_YEARS |
                      CRK_DATASET_CHANGE_VALUES);
  g_assert_cmpuint (values, ==, 0);
  g_assert_false (crk_dataset_get_modified (ds));
  g_assert_cmpuint (log.n_modified_notify, ==, 0);
  g_assert_cmpfloat (crk_dataset_get_value (ds, 0, 0, 0), ==, 1.5);

  /* an empty bulk emits nothing */
  crk_dataset_begin_bulk (ds);
  crk_dataset_end_bulk (ds);
  g_assert_cmpuint (log.n_changed, ==, 1);

  g_assert_finalize_object (ds);
}

static void
test_dataset_years (void)
{
  CrkDataset *ds = crk_dataset_new ();
  Log log;

  watch (ds, &log);
  g_assert_cmpint (crk_dataset_get_latest_year (ds), ==, 0);
  g_assert_cmpuint (crk_dataset_add_year (ds, 2020), ==, 0);
  g_assert_cmpuint (crk_dataset_add_year (ds, 2018), ==, 0);
  g_assert_cmpuint (crk_dataset_add_year (ds, 2022), ==, 2);
  g_assert_cmpuint (crk_dataset_add_year (ds, 2019), ==, 1);
  g_assert_cmpuint (crk_dataset_add_year (ds, 2020), ==, 2);
  g_assert_cmpuint (log.n_changed, ==, 4);
  g_assert_cmpuint (log.flags, ==, CRK_DATASET_CHANGE_YEARS);
  g_assert_cmpuint (crk_dataset_get_n_years (ds), ==, 4);
  g_assert_cmpint (crk_dataset_get_year (ds, 0), ==, 2018);
  g_assert_cmpint (crk_dataset_get_year (ds, 1), ==, 2019);
  g_assert_cmpint (crk_dataset_get_year (ds, 2), ==, 2020);
  g_assert_cmpint (crk_dataset_get_year (ds, 3), ==, 2022);
  g_assert_cmpint (crk_dataset_lookup_year (ds, 2022), ==, 3);
  g_assert_cmpint (crk_dataset_lookup_year (ds, 2021), ==, -1);
  g_assert_cmpint (crk_dataset_lookup_year (ds, 1900), ==, -1);
  g_assert_cmpint (crk_dataset_lookup_year (ds, 3000), ==, -1);
  g_assert_cmpint (crk_dataset_get_latest_year (ds), ==, 2022);

  g_assert_finalize_object (ds);
}

/* Lookups by code are hash lookups: 20,000 cities are found as fast as a few; time
 * 200,000 lookups and require far less than a linear scan would take. */
static void
test_dataset_lookup_scales (void)
{
  CrkDataset *ds = crk_dataset_new ();
  const guint n = 20000;
  gint64 start, elapsed;
  guint found = 0;

  crk_dataset_begin_bulk (ds);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%05u", i);
      g_autoptr (CrkCity) city = crk_city_new (code, NULL);

      g_assert_true (crk_dataset_add_city (ds, city));
    }
  crk_dataset_end_bulk (ds);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < 10; r++)
    for (guint i = 0; i < n; i++)
      {
        char code[16];

        g_snprintf (code, sizeof code, "C%05u", (i * 7919u) % n);
        if (crk_dataset_lookup_city (ds, code) != NULL)
          found++;
      }
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpuint (found, ==, 10 * n);
  /* A linear scan would compare ~2 * 10^9 strings (seconds); hashing takes milliseconds,
   * even under sanitizers. */
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
  g_assert_true (crk_city_get_index (crk_dataset_lookup_city (ds, "C12345")) == 12345);

  g_assert_finalize_object (ds);
}

static void
test_dataset_group_names (void)
{
  g_autoptr (CrkDataset) dataset = crk_dataset_new ();
  const char *attribute, *value, *name, *name_zh;

  g_assert_cmpuint (crk_dataset_get_n_group_names (dataset), ==, 0);
  g_assert_false (crk_dataset_get_group_name (dataset, "province", "Guangdong", &name, &name_zh));
  g_assert_null (name);
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "province", "Guangdong"), ==,
                   "Guangdong");

  crk_dataset_set_group_name (dataset, "province", "Guangdong", NULL, "广东");
  crk_dataset_set_group_name (dataset, "region", "E", "East", "东部");
  crk_dataset_set_group_name (dataset, "size", "XL", "", NULL);
  g_assert_cmpuint (crk_dataset_get_n_group_names (dataset), ==, 3);

  crk_locale_set_language ("zh");
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "province", "Guangdong"), ==,
                   "广东");
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "region", "E"), ==, "东部");
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "size", "XL"), ==, "XL");
  /* the same value of another attribute is another group */
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "region", "Guangdong"), ==,
                   "Guangdong");
  crk_locale_set_language ("en");
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "province", "Guangdong"), ==,
                   "Guangdong");
  g_assert_cmpstr (crk_dataset_get_group_display_name (dataset, "region", "E"), ==, "East");
  crk_locale_set_language (NULL);

  /* named again: replaced, in its first place */
  crk_dataset_set_group_name (dataset, "province", "Guangdong", "Kwangtung", NULL);
  g_assert_cmpuint (crk_dataset_get_n_group_names (dataset), ==, 3);
  g_assert_true (crk_dataset_get_group_name (dataset, "province", "Guangdong", &name, &name_zh));
  g_assert_cmpstr (name, ==, "Kwangtung");
  g_assert_null (name_zh);
  crk_dataset_get_group_name_at (dataset, 0, &attribute, &value, &name, &name_zh);
  g_assert_cmpstr (attribute, ==, "province");
  g_assert_cmpstr (value, ==, "Guangdong");
  crk_dataset_get_group_name_at (dataset, 2, &attribute, &value, &name, &name_zh);
  g_assert_cmpstr (attribute, ==, "size");
  g_assert_null (name);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/dataset/metadata", test_dataset_metadata);
  g_test_add_func ("/model/dataset/bilingual-metadata", test_dataset_bilingual_metadata);
  g_test_add_func ("/model/dataset/cities", test_dataset_cities);
  g_test_add_func ("/model/dataset/city-outlives", test_dataset_city_outlives);
  g_test_add_func ("/model/dataset/indicators", test_dataset_indicators);
  g_test_add_func ("/model/dataset/framework-changes", test_dataset_framework_changes);
  g_test_add_func ("/model/dataset/method", test_dataset_method);
  g_test_add_func ("/model/dataset/bulk", test_dataset_bulk);
  g_test_add_func ("/model/dataset/years", test_dataset_years);
  g_test_add_func ("/model/dataset/lookup-scales", test_dataset_lookup_scales);
  g_test_add_func ("/model/dataset/group-names", test_dataset_group_names);

  return g_test_run ();
}
