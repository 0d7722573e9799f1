/* crk-progress-relay.h: progress from a worker thread to the caller's main context
 * (private to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker publishes fractions as often as it likes; the relay keeps the highest one
 * (what the user sees never goes back) and has at most one dispatch pending in the
 * caller's context, which delivers the latest fraction when it runs, and nothing once
 * the task has completed (its callback has run).
 */
#pragma once

#include <gio/gio.h>

#include "crk-dataset-reader.h"

G_BEGIN_DECLS

typedef struct _CrkProgressRelay CrkProgressRelay;

/* In the caller's thread: @func will be called in its thread-default main context. */
CrkProgressRelay *crk_progress_relay_new (GTask *task, CrkProgressFunc func, gpointer data);
void crk_progress_relay_unref (CrkProgressRelay *relay);
/* From any thread. */
void crk_progress_relay_publish (CrkProgressRelay *relay, double fraction);
/* crk_progress_relay_publish() as a CrkProgressFunc, for crk_import_set_progress(). */
void crk_progress_relay_hook (double fraction, gpointer relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrkProgressRelay, crk_progress_relay_unref)

G_END_DECLS
