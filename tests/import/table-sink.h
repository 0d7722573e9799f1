/* table-sink.h: a sink that keeps every observation, for the table tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "crk-import.h"

typedef struct
{
  char *key, *indicator, *period, *unit, *note, *sheet, *cell;
  double value;
} TestObs;

typedef struct
{
  CrkImportSink sink;
  GPtrArray *obs; /* TestObs */
} TestSink;

G_GNUC_UNUSED static void
test_obs_free (gpointer data)
{
  TestObs *o = data;

  g_free (o->key);
  g_free (o->indicator);
  g_free (o->period);
  g_free (o->unit);
  g_free (o->note);
  g_free (o->sheet);
  g_free (o->cell);
  g_free (o);
}

G_GNUC_UNUSED static gboolean
test_sink_observation (CrkImportSink *sink, const CrkObservation *observation)
{
  TestSink *self = (TestSink *) sink;
  TestObs *o = g_new0 (TestObs, 1);

  g_assert_nonnull (observation->key);
  g_assert_nonnull (observation->indicator);
  g_assert_nonnull (observation->period);
  g_assert_true (g_utf8_validate (observation->key, -1, NULL));
  g_assert_true (g_utf8_validate (observation->indicator, -1, NULL));
  o->key = g_strdup (observation->key);
  o->indicator = g_strdup (observation->indicator);
  o->period = g_strdup (observation->period);
  o->unit = g_strdup (observation->unit);
  o->note = g_strdup (observation->note);
  o->sheet = g_strdup (observation->sheet);
  o->cell = g_strdup (observation->cell);
  o->value = observation->value;
  g_ptr_array_add (self->obs, o);
  return TRUE;
}

G_GNUC_UNUSED static void
test_sink_init (TestSink *sink)
{
  sink->sink.observation = test_sink_observation;
  sink->sink.label = NULL;
  sink->sink.shape = NULL;
  sink->obs = g_ptr_array_new_with_free_func (test_obs_free);
}

G_GNUC_UNUSED static void
test_sink_clear (TestSink *sink)
{
  g_clear_pointer (&sink->obs, g_ptr_array_unref);
}

/* The observation of @key, @indicator, @period; fails the test when there is none. */
G_GNUC_UNUSED static const TestObs *
test_sink_find (TestSink *sink, const char *key, const char *indicator, const char *period)
{
  for (guint i = 0; i < sink->obs->len; i++)
    {
      const TestObs *o = g_ptr_array_index (sink->obs, i);

      if (g_str_equal (o->key, key) && g_str_equal (o->indicator, indicator) &&
          g_str_equal (o->period, period))
        return o;
    }
  g_test_message ("no observation %s / %s / %s among %u", key, indicator, period, sink->obs->len);
  for (guint i = 0; i < sink->obs->len && i < 40; i++)
    {
      const TestObs *o = g_ptr_array_index (sink->obs, i);

      g_test_message ("  %s | %s | %s | %g | %s", o->key, o->indicator, o->period, o->value,
                      o->cell);
    }
  g_assert_not_reached ();
}

/* How many notices of @report contain @text. */
G_GNUC_UNUSED static guint
test_count_notices (CrkImportReport *report, const char *text)
{
  guint n = 0;

  for (guint i = 0; i < report->notices->len; i++)
    {
      const CrkProblem *p = g_ptr_array_index (report->notices, i);

      g_assert_true (g_utf8_validate (p->message, -1, NULL));
      n += strstr (p->message, text) != NULL;
    }
  return n;
}

G_GNUC_UNUSED static void
test_print_problems (CrkImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *s = crk_problem_to_string (g_ptr_array_index (report->problems, i));

      g_test_message ("problem: %s", s);
    }
  for (guint i = 0; i < report->notices->len; i++)
    {
      g_autofree char *s = crk_problem_to_string (g_ptr_array_index (report->notices, i));

      g_test_message ("notice: %s", s);
    }
}
