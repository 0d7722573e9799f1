/* test-strengths.c: strengths and weaknesses are short, never contradict each other, and
 * say nothing for a dataset too small to compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-strengths"

#include "config.h"

#include <math.h>

#include "crk-dataset-reader.h"
#include "crk-engine.h"
#include "crk-test-build.h"

static CrkResults *
compute_ok (CrkDataset *dataset)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrkMethod) method = crk_method_copy (crk_dataset_get_method (dataset));
  CrkResults *results = crk_compute (dataset, method, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static CrkDataset *
read_sample (const char *name)
{
  const char *source = g_getenv ("CRK_SOURCE_DIR");
  g_autofree char *file = g_strdup_printf ("%s.cityrank.xml", name);
  g_autofree char *path =
    g_build_filename (source != NULL ? source : SOURCE_DIR, "data", "samples", file, NULL);
  g_autoptr (GError) error = NULL;
  CrkDataset *dataset = crk_dataset_read (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The cities strictly above (@above) and strictly below (@below) @city on @node, among
 * the cities with a score; returns how many have one. Counted here from the scores. */
static guint
standing (CrkResults *r, guint node, guint city, guint *above, guint *below)
{
  double x = crk_results_get_score (r, node, city);
  guint n = 0;

  *above = *below = 0;
  for (guint i = 0; i < crk_results_get_n_cities (r); i++)
    {
      double y = crk_results_get_score (r, node, i);

      if (isnan (y))
        continue;
      n++;
      if (y > x)
        (*above)++;
      else if (y < x)
        (*below)++;
    }
  return n;
}

static gboolean
contains (GArray *nodes, guint node)
{
  for (guint i = 0; i < nodes->len; i++)
    if (g_array_index (nodes, guint, i) == node)
      return TRUE;
  return FALSE;
}

/* Every city: at most 5 in each list, no leaf in both, each strength in the top quartile
 * and each weakness in the bottom quartile (by the scores), no repeats, only leaves. */
static void
assert_lists_sound (CrkResults *r)
{
  for (guint c = 0; c < crk_results_get_n_cities (r); c++)
    {
      g_autoptr (GArray) s = crk_results_dup_strengths (r, c);
      g_autoptr (GArray) w = crk_results_dup_weaknesses (r, c);

      g_assert_cmpuint (s->len, <=, 5);
      g_assert_cmpuint (w->len, <=, 5);
      for (guint k = 0; k < s->len + w->len; k++)
        {
          gboolean strength = k < s->len;
          guint node =
            strength ? g_array_index (s, guint, k) : g_array_index (w, guint, k - s->len);
          guint above, below, n;

          g_assert_true (crk_framework_node_is_leaf (crk_results_get_node (r, node)));
          n = standing (r, node, c, &above, &below);
          g_assert_cmpuint (n, >=, 4);
          if (strength)
            {
              g_assert_false (contains (w, node));
              g_assert_cmpfloat (above, <=, 0.25 * (n - 1));
            }
          else
            {
              g_assert_false (contains (s, node));
              g_assert_cmpfloat (below, <=, 0.25 * (n - 1));
            }
        }
    }
}

/* One city (the Shenzhen sample): nothing to compare with, so no list at all. */
static void
test_one_city (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("shenzhen-emerging-industries-2020");
  g_autoptr (CrkResults) r = compute_ok (dataset);

  g_assert_cmpuint (crk_results_get_n_cities (r), ==, 1);
  for (guint c = 0; c < crk_results_get_n_cities (r); c++)
    {
      g_autoptr (GArray) s = crk_results_dup_strengths (r, c);
      g_autoptr (GArray) w = crk_results_dup_weaknesses (r, c);

      g_assert_cmpuint (s->len, ==, 0);
      g_assert_cmpuint (w->len, ==, 0);
    }
}

/* The advanced-manufacturing sample: the leader's list is short; the lists of every city
 * hold together; the leader's sole first places come first. */
static void
test_sample_leader (void)
{
  g_autoptr (CrkDataset) dataset = read_sample ("advanced-manufacturing-cities");
  g_autoptr (CrkResults) r = compute_ok (dataset);
  const guint *order = crk_results_get_order (r, NULL);
  guint leader = order[0];
  g_autoptr (GArray) s = crk_results_dup_strengths (r, leader);
  guint firsts = 0;

  g_assert_cmpuint (crk_results_get_rank (r, leader), ==, 1);
  g_assert_cmpuint (s->len, >, 0);
  g_assert_cmpuint (s->len, <=, 5);
  assert_lists_sound (r);

  /* the strengths are the best placed: none left out places better than one kept */
  for (guint node = 0; node < crk_results_get_n_nodes (r); node++)
    {
      guint above, below, n;

      if (!crk_framework_node_is_leaf (crk_results_get_node (r, node)) ||
          isnan (crk_results_get_score (r, node, leader)))
        continue;
      n = standing (r, node, leader, &above, &below);
      if (above == 0 && below == n - 1)
        {
          firsts++;
          if (firsts <= 5)
            g_assert_true (contains (s, node));
        }
    }
  g_test_message ("leader has %u sole first places, %u strengths", firsts, s->len);
}

/* COINr's ASEM data: no country, Germany included, has an indicator in both lists. */
static void
test_asem (void)
{
  const char *shared = g_getenv ("CRK_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (GError) error = NULL;
  guint deu;
  g_autoptr (GArray) s = NULL;
  g_autoptr (GArray) w = NULL;

  if (shared == NULL)
    {
      g_test_skip ("CRK_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "data", "external", "asem", NULL);
  dataset = crk_test_load_asem (dir, &error);
  g_assert_no_error (error);
  r = compute_ok (dataset);
  deu = crk_city_get_index (crk_dataset_lookup_city (dataset, "DEU"));
  s = crk_results_dup_strengths (r, deu);
  w = crk_results_dup_weaknesses (r, deu);
  for (guint k = 0; k < s->len; k++)
    g_assert_false (contains (w, g_array_index (s, guint, k)));
  g_assert_cmpuint (s->len, >, 0);
  assert_lists_sound (r);
}

/* A value most cities share is neither a strength of those at it nor a weakness; the few
 * below it have it as a weakness. */
static void
test_shared_value (void)
{
  /* I0: 8 of 10 cities at 1, two at 0; I1: strictly increasing */
  const double x[] = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  g_autoptr (CrkDataset) dataset = crk_test_build (10, 2, x, NULL, NULL);
  g_autoptr (CrkResults) r = compute_ok (dataset);
  guint i0 = 2, i1 = 3;

  for (guint c = 0; c < 10; c++)
    {
      g_autoptr (GArray) s = crk_results_dup_strengths (r, c);
      g_autoptr (GArray) w = crk_results_dup_weaknesses (r, c);

      g_assert_false (contains (s, i0));
      g_assert_cmpint (contains (w, i0), ==, c >= 8);
      g_assert_cmpint (contains (s, i1), ==, c >= 7);
      g_assert_cmpint (contains (w, i1), ==, c <= 2);
    }
  assert_lists_sound (r);
}

/* At most five, best first; and under four cities there is nothing to say. */
static void
test_short_and_small (void)
{
  /* city 0 is alone at the top of 7 indicators, by shrinking margins */
  double x[7 * 6];
  g_autoptr (CrkDataset) dataset = NULL;
  g_autoptr (CrkResults) r = NULL;
  g_autoptr (GArray) s = NULL;
  g_autoptr (CrkDataset) three = NULL;
  g_autoptr (CrkResults) r3 = NULL;

  for (guint i = 0; i < 7; i++)
    for (guint c = 0; c < 6; c++)
      x[i * 6 + c] = c == 0 ? 10 : c;
  dataset = crk_test_build (6, 7, x, NULL, NULL);
  r = compute_ok (dataset);
  s = crk_results_dup_strengths (r, 0);
  g_assert_cmpuint (s->len, ==, 5);
  assert_lists_sound (r);

  three = crk_test_build (3, 7, x, NULL, NULL);
  r3 = compute_ok (three);
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr (GArray) s3 = crk_results_dup_strengths (r3, c);
      g_autoptr (GArray) w3 = crk_results_dup_weaknesses (r3, c);

      g_assert_cmpuint (s3->len, ==, 0);
      g_assert_cmpuint (w3->len, ==, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/strengths/one-city", test_one_city);
  g_test_add_func ("/analysis/strengths/sample-leader", test_sample_leader);
  g_test_add_func ("/analysis/strengths/asem", test_asem);
  g_test_add_func ("/analysis/strengths/shared-value", test_shared_value);
  g_test_add_func ("/analysis/strengths/short-and-small", test_short_and_small);
  return g_test_run ();
}
