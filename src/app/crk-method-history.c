/* crk-method-history.c: undo and redo of method edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-method-history"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-method-history.h"

#define MERGE_USEC (500 * G_TIME_SPAN_MILLISECOND)

struct _CrkMethodHistory
{
  GObject parent_instance;

  CrkMethod *method;
  CrkMethod *current; /* copy of the method as it is now */
  GPtrArray *undo;    /* CrkMethod copies, oldest first */
  GPtrArray *redo;
  char *next_key;
  char *last_key;
  gint64 last_time;
  gulong changed_id;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (CrkMethodHistory, crk_method_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_METHOD,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_state (CrkMethodHistory *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != crk_method_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != crk_method_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
on_method_changed_cb (CrkMethodHistory *self, CrkMethod *method)
{
  gboolean could_undo = crk_method_history_can_undo (self);
  gboolean could_redo = crk_method_history_can_redo (self);
  gint64 now = g_get_monotonic_time ();
  gboolean merge;

  if (self->applying)
    return;

  merge = self->next_key != NULL && self->undo->len > 0 &&
    g_strcmp0 (self->next_key, self->last_key) == 0 && now - self->last_time < MERGE_USEC;

  if (!merge)
    g_ptr_array_add (self->undo, g_steal_pointer (&self->current));
  g_clear_object (&self->current);
  self->current = crk_method_copy (method);
  g_ptr_array_set_size (self->redo, 0);

  g_free (self->last_key);
  self->last_key = g_steal_pointer (&self->next_key);
  self->last_time = now;

  notify_state (self, could_undo, could_redo);
}

static void
crk_method_history_dispose (GObject *object)
{
  CrkMethodHistory *self = (CrkMethodHistory *) object;

  g_clear_signal_handler (&self->changed_id, self->method);
  g_clear_object (&self->method);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (crk_method_history_parent_class)->dispose (object);
}

static void
crk_method_history_finalize (GObject *object)
{
  CrkMethodHistory *self = (CrkMethodHistory *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->next_key, g_free);
  g_clear_pointer (&self->last_key, g_free);

  G_OBJECT_CLASS (crk_method_history_parent_class)->finalize (object);
}

static void
crk_method_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkMethodHistory *self = CRK_METHOD_HISTORY (object);

  switch (prop_id)
    {
      case PROP_METHOD:
        g_value_set_object (value, self->method);
        break;
      case PROP_CAN_UNDO:
        g_value_set_boolean (value, crk_method_history_can_undo (self));
        break;
      case PROP_CAN_REDO:
        g_value_set_boolean (value, crk_method_history_can_redo (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_method_history_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  CrkMethodHistory *self = CRK_METHOD_HISTORY (object);

  switch (prop_id)
    {
      case PROP_METHOD:
        self->method = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_method_history_constructed (GObject *object)
{
  CrkMethodHistory *self = CRK_METHOD_HISTORY (object);

  G_OBJECT_CLASS (crk_method_history_parent_class)->constructed (object);

  g_assert (self->method != NULL);
  self->current = crk_method_copy (self->method);
  self->changed_id = g_signal_connect_object (
    self->method, "changed", G_CALLBACK (on_method_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
crk_method_history_class_init (CrkMethodHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crk_method_history_dispose;
  object_class->finalize = crk_method_history_finalize;
  object_class->get_property = crk_method_history_get_property;
  object_class->set_property = crk_method_history_set_property;
  object_class->constructed = crk_method_history_constructed;

  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL, CRK_TYPE_METHOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crk_method_history_init (CrkMethodHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * crk_method_history_new:
 * @method: the method to watch (the dataset's)
 *
 * Returns: (transfer full): an empty history
 */
CrkMethodHistory *
crk_method_history_new (CrkMethod *method)
{
  g_return_val_if_fail (CRK_IS_METHOD (method), NULL);

  return g_object_new (CRK_TYPE_METHOD_HISTORY, "method", method, NULL);
}

CrkMethod *
crk_method_history_get_method (CrkMethodHistory *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_HISTORY (self), NULL);
  return self->method;
}

void
crk_method_history_set_next_key (CrkMethodHistory *self, const char *key)
{
  g_return_if_fail (CRK_IS_METHOD_HISTORY (self));

  g_free (self->next_key);
  self->next_key = g_strdup (key);
}

gboolean
crk_method_history_can_undo (CrkMethodHistory *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
crk_method_history_can_redo (CrkMethodHistory *self)
{
  g_return_val_if_fail (CRK_IS_METHOD_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

static void
step (CrkMethodHistory *self, GPtrArray *from, GPtrArray *to)
{
  gboolean could_undo = crk_method_history_can_undo (self);
  gboolean could_redo = crk_method_history_can_redo (self);
  g_autoptr (CrkMethod) target = NULL;

  if (from->len == 0)
    return;

  target = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, g_steal_pointer (&self->current));
  self->current = g_object_ref (target);
  g_clear_pointer (&self->last_key, g_free);

  self->applying = TRUE;
  crk_method_assign (self->method, target);
  self->applying = FALSE;

  notify_state (self, could_undo, could_redo);
}

void
crk_method_history_undo (CrkMethodHistory *self)
{
  g_return_if_fail (CRK_IS_METHOD_HISTORY (self));
  step (self, self->undo, self->redo);
}

void
crk_method_history_redo (CrkMethodHistory *self)
{
  g_return_if_fail (CRK_IS_METHOD_HISTORY (self));
  step (self, self->redo, self->undo);
}

void
crk_method_history_clear (CrkMethodHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (CRK_IS_METHOD_HISTORY (self));

  could_undo = crk_method_history_can_undo (self);
  could_redo = crk_method_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->current);
  self->current = crk_method_copy (self->method);
  notify_state (self, could_undo, could_redo);
}
