/* crk-import-progress.c: how far a long read is: the readers' hook in their thread, and
 * its relay to the caller's main context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-import"

#include "config.h"

#include "crk-import.h"
#include "crk-progress-relay.h"

/* Spans deeper than this are ignored (their fractions go to the deepest one kept). */
#define MAX_SPANS 8

typedef struct
{
  CrkProgressFunc func;
  gpointer data;
  /* the spans: [from, to] of the whole, innermost last */
  double from[MAX_SPANS], to[MAX_SPANS];
  guint n_spans, n_ignored;
} Hook;

static GPrivate hook_key = G_PRIVATE_INIT (g_free);

static Hook *
get_hook (gboolean create)
{
  Hook *hook = g_private_get (&hook_key);

  if (hook == NULL && create)
    {
      hook = g_new0 (Hook, 1);
      g_private_set (&hook_key, hook);
    }
  return hook;
}

/**
 * crk_import_set_progress:
 * @func: (nullable): called in this thread with the fraction done, or %NULL to stop
 * @data: for @func
 *
 * Sets the progress function of the calling thread (and forgets its spans).
 */
void
crk_import_set_progress (CrkProgressFunc func, gpointer data)
{
  Hook *hook = get_hook (func != NULL);

  if (hook == NULL)
    return;
  hook->func = func;
  hook->data = data;
  hook->n_spans = 0;
  hook->n_ignored = 0;
}

/**
 * crk_import_progress:
 * @fraction: how much of the current span is done, in [0, 1]
 *
 * Tells the calling thread's progress function, if any.
 */
void
crk_import_progress (double fraction)
{
  Hook *hook = g_private_get (&hook_key);
  double from = 0.0, to = 1.0;

  if (hook == NULL || hook->func == NULL)
    return;
  if (!(fraction >= 0.0)) /* NAN too */
    fraction = 0.0;
  if (fraction > 1.0)
    fraction = 1.0;
  if (hook->n_spans > 0)
    {
      from = hook->from[hook->n_spans - 1];
      to = hook->to[hook->n_spans - 1];
    }
  hook->func (from + fraction * (to - from), hook->data);
}

/**
 * crk_import_progress_push:
 * @from: where the work that follows starts, as a fraction of the current span
 * @to: where it ends
 *
 * Until crk_import_progress_pop(), fractions reported are of [@from, @to] of the current
 * span.
 */
void
crk_import_progress_push (double from, double to)
{
  Hook *hook = g_private_get (&hook_key);
  double outer_from = 0.0, outer_to = 1.0;

  if (hook == NULL || hook->func == NULL)
    return;
  if (hook->n_spans == MAX_SPANS)
    {
      hook->n_ignored++;
      return;
    }
  if (hook->n_spans > 0)
    {
      outer_from = hook->from[hook->n_spans - 1];
      outer_to = hook->to[hook->n_spans - 1];
    }
  from = CLAMP (from, 0.0, 1.0);
  to = CLAMP (to, from, 1.0);
  hook->from[hook->n_spans] = outer_from + from * (outer_to - outer_from);
  hook->to[hook->n_spans] = outer_from + to * (outer_to - outer_from);
  hook->n_spans++;
}

/**
 * crk_import_progress_pop:
 *
 * Ends the span of the last crk_import_progress_push().
 */
void
crk_import_progress_pop (void)
{
  Hook *hook = g_private_get (&hook_key);

  if (hook == NULL || hook->func == NULL)
    return;
  if (hook->n_ignored > 0)
    hook->n_ignored--;
  else if (hook->n_spans > 0)
    hook->n_spans--;
}

/* The relay */

struct _CrkProgressRelay
{
  gint ref_count;
  GMainContext *context;
  GWeakRef task;
  CrkProgressFunc func;
  gpointer data;
  /* in millionths: the highest fraction published, and the last one delivered */
  gint latest;
  gint pending;
  gint delivered; /* the main context's only */
};

#define PARTS 1000000

/**
 * crk_progress_relay_new:
 * @task: the task whose worker publishes (weak: nothing is delivered once it completed)
 * @func: called in the thread-default main context of the caller
 * @data: for @func
 *
 * Returns: (transfer full): the relay
 */
CrkProgressRelay *
crk_progress_relay_new (GTask *task, CrkProgressFunc func, gpointer data)
{
  CrkProgressRelay *relay = g_new0 (CrkProgressRelay, 1);

  relay->ref_count = 1;
  relay->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&relay->task, task);
  relay->func = func;
  relay->data = data;
  /* nothing is said until there is progress */
  relay->latest = 0;
  relay->delivered = 0;
  return relay;
}

static CrkProgressRelay *
relay_ref (CrkProgressRelay *relay)
{
  g_atomic_int_inc (&relay->ref_count);
  return relay;
}

void
crk_progress_relay_unref (CrkProgressRelay *relay)
{
  if (relay == NULL || !g_atomic_int_dec_and_test (&relay->ref_count))
    return;
  g_main_context_unref (relay->context);
  g_weak_ref_clear (&relay->task);
  g_free (relay);
}

static gboolean
dispatch (gpointer data)
{
  CrkProgressRelay *relay = data;
  g_autoptr (GTask) task = g_weak_ref_get (&relay->task);
  gint latest;

  /* Published after this point schedules a new dispatch. */
  g_atomic_int_set (&relay->pending, 0);
  latest = g_atomic_int_get (&relay->latest);
  if (task == NULL || g_task_get_completed (task) || latest <= relay->delivered)
    return G_SOURCE_REMOVE;
  relay->delivered = latest;
  relay->func ((double) latest / PARTS, relay->data);
  return G_SOURCE_REMOVE;
}

/**
 * crk_progress_relay_publish:
 * @relay: a relay
 * @fraction: how far the work is, in [0, 1]
 *
 * From any thread: keeps the highest fraction published and schedules one dispatch to
 * the caller's context, unless one is pending already (never a flood of idles).
 */
void
crk_progress_relay_publish (CrkProgressRelay *relay, double fraction)
{
  gint parts, old;

  if (!(fraction >= 0.0))
    fraction = 0.0;
  parts = (gint) (MIN (fraction, 1.0) * PARTS);
  do
    {
      old = g_atomic_int_get (&relay->latest);
      if (parts <= old)
        return;
    }
  while (!g_atomic_int_compare_and_exchange (&relay->latest, old, parts));
  if (g_atomic_int_compare_and_exchange (&relay->pending, 0, 1))
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch, relay_ref (relay),
                             (GDestroyNotify) crk_progress_relay_unref);
      g_source_set_static_name (source, "[crk] import progress");
      g_source_attach (source, relay->context);
      g_source_unref (source);
    }
}

/* As a CrkProgressFunc: crk_import_set_progress (crk_progress_relay_hook, relay). */
void
crk_progress_relay_hook (double fraction, gpointer data)
{
  crk_progress_relay_publish (data, fraction);
}
