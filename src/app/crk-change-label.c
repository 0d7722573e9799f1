/* crk-change-label.c: "▲ 3" / "▼ 2" / "new" in the ranking table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crk-change-label"

#include "config.h"

#include <glib/gi18n.h>

#include "crk-change-label.h"
#include "crk-ranking-row.h"

struct _CrkChangeLabel
{
  GtkWidget parent_instance;

  GtkWidget *label;
  int value;
  int state;
  gboolean compact;
  const char *css_class; /* the rank-* class set now, or NULL */
};

G_DEFINE_FINAL_TYPE (CrkChangeLabel, crk_change_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_STATE,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CrkChangeLabel *self)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  const char *css_class = NULL;

  if (self->state == CRK_CHANGE_NEW)
    {
      text = g_strdup (C_ ("rank change", "new"));
      description = g_strdup (_ ("New in the ranking"));
      css_class = "rank-new";
    }
  else if (self->state == CRK_CHANGE_NONE || (self->compact && self->value == 0))
    {
      text = g_strdup (self->compact ? "" : "–");
    }
  else if (self->value > 0)
    {
      text = g_strdup_printf ("▲ %d", self->value);
      description = g_strdup_printf (
        self->compact ? g_dngettext (GETTEXT_PACKAGE, "Up %d place with the last method change",
                                     "Up %d places with the last method change", self->value)
                      : g_dngettext (GETTEXT_PACKAGE, "Up %d place", "Up %d places", self->value),
        self->value);
      css_class = "rank-up";
    }
  else if (self->value < 0)
    {
      text = g_strdup_printf ("▼ %d", -self->value);
      description = g_strdup_printf (
        self->compact
          ? g_dngettext (GETTEXT_PACKAGE, "Down %d place with the last method change",
                         "Down %d places with the last method change", -self->value)
          : g_dngettext (GETTEXT_PACKAGE, "Down %d place", "Down %d places", -self->value),
        -self->value);
      css_class = "rank-down";
    }
  else
    {
      text = g_strdup ("=");
      description = g_strdup (_ ("No change"));
    }

  /* a class change restyles the label: only when it really changes */
  if (g_strcmp0 (css_class, self->css_class) != 0)
    {
      if (self->css_class != NULL)
        gtk_widget_remove_css_class (self->label, self->css_class);
      if (css_class != NULL)
        gtk_widget_add_css_class (self->label, css_class);
      self->css_class = css_class;
    }
  gtk_label_set_label (GTK_LABEL (self->label), text);
  /* an accessible description, not a tooltip: setting a tooltip makes GTK ask the X
   * server where the pointer is, a round trip per cell on every re-rank */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
crk_change_label_dispose (GObject *object)
{
  CrkChangeLabel *self = (CrkChangeLabel *) object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (crk_change_label_parent_class)->dispose (object);
}

static void
crk_change_label_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrkChangeLabel *self = CRK_CHANGE_LABEL (object);

  switch (prop_id)
    {
      case PROP_VALUE:
        g_value_set_int (value, self->value);
        break;
      case PROP_STATE:
        g_value_set_int (value, self->state);
        break;
      case PROP_COMPACT:
        g_value_set_boolean (value, self->compact);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_change_label_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  CrkChangeLabel *self = CRK_CHANGE_LABEL (object);

  switch (prop_id)
    {
      case PROP_VALUE:
        crk_change_label_set_value (self, g_value_get_int (value));
        break;
      case PROP_STATE:
        crk_change_label_set_state (self, g_value_get_int (value));
        break;
      case PROP_COMPACT:
        if (self->compact != g_value_get_boolean (value))
          {
            self->compact = g_value_get_boolean (value);
            gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
            if (self->compact)
              gtk_widget_add_css_class (self->label, "caption");
            update (self);
            g_object_notify_by_pspec (object, pspec);
          }
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crk_change_label_class_init (CrkChangeLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crk_change_label_dispose;
  object_class->get_property = crk_change_label_get_property;
  object_class->set_property = crk_change_label_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, CRK_CHANGE_NONE, CRK_CHANGE_NEW, CRK_CHANGE_VALUE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "changelabel");
}

static void
crk_change_label_init (CrkChangeLabel *self)
{
  self->state = CRK_CHANGE_VALUE;
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  update (self);
}

GtkWidget *
crk_change_label_new (void)
{
  return g_object_new (CRK_TYPE_CHANGE_LABEL, NULL);
}

void
crk_change_label_set_value (CrkChangeLabel *self, int value)
{
  g_return_if_fail (CRK_IS_CHANGE_LABEL (self));

  if (self->value == value)
    return;
  self->value = value;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
crk_change_label_set_state (CrkChangeLabel *self, int state)
{
  g_return_if_fail (CRK_IS_CHANGE_LABEL (self));

  if (self->state == state)
    return;
  self->state = state;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
crk_change_label_get_text (CrkChangeLabel *self)
{
  g_return_val_if_fail (CRK_IS_CHANGE_LABEL (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->label));
}
