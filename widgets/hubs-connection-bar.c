/* hubs-connection-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar under the window's header bar while the server of its shared database cannot be
 * reached (HubsStore:connected is false): what the user typed stays in its fields, Hubs
 * tries to connect again by itself, and Try Again tries now and says why it did not work. It
 * goes when the connection is back; a file's store never shows it.
 */

#define G_LOG_DOMAIN "hubs-connection-bar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-connection-bar.h"

struct _HubsConnectionBar
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkRevealer  *revealer;
  GtkLabel     *label;

  /* Owned references */
  HubsStore    *store;
};

G_DEFINE_FINAL_TYPE (HubsConnectionBar, hubs_connection_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Hidden, the bar is not even measured (a revealer measures its child when it shows none of
 * it: its wrapping label cost ten layouts a frame). */
static void
on_child_revealed (HubsConnectionBar *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) &&
      !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}

static void
show_connection (HubsConnectionBar *self)
{
  gboolean lost = self->store != NULL && !hubs_store_get_connected (self->store);

  if (lost)
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, lost);
  on_child_revealed (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.try-again", lost);
  if (!lost)
    gtk_label_set_text (self->label, _("The connection to the server was lost. Your changes "
                                       "are kept in their fields; Hubs reconnects by itself."));
}

static void
on_tried (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(HubsConnectionBar) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  if (hubs_store_reconnect_finish (HUBS_STORE (source), result, &error) ||
      HUBS_STORE (source) != self->store)
    return;

  /* The first line of libpq's reason: the bar stays short. */
  reason = g_strndup (error->message, strcspn (error->message, "\n"));
  /* Translators: in the bar, after Try Again; %s is libpq's reason */
  message = g_strdup_printf (_("The server still cannot be reached (%s). Your changes are "
                               "kept in their fields; Hubs tries again by itself."),
                             reason);
  gtk_label_set_text (self->label, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.try-again", TRUE);
}

static void
try_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HubsConnectionBar *self = HUBS_CONNECTION_BAR (widget);

  if (self->store == NULL)
    return;

  gtk_label_set_text (self->label, _("Connecting to the server…"));
  gtk_widget_action_set_enabled (widget, "connection.try-again", FALSE);
  hubs_store_reconnect_async (self->store, on_tried, g_object_ref (self));
}

static void
hubs_connection_bar_dispose (GObject *object)
{
  HubsConnectionBar *self = HUBS_CONNECTION_BAR (object);

  g_clear_object (&self->store);
  /* The revealer is the bin's child: it goes with it, before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_CONNECTION_BAR);

  G_OBJECT_CLASS (hubs_connection_bar_parent_class)->dispose (object);
}

static void
hubs_connection_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HubsConnectionBar *self = HUBS_CONNECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_connection_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HubsConnectionBar *self = HUBS_CONNECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      hubs_connection_bar_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_connection_bar_class_init (HubsConnectionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_connection_bar_dispose;
  object_class->get_property = hubs_connection_bar_get_property;
  object_class->set_property = hubs_connection_bar_set_property;

  /**
   * HubsConnectionBar:store:
   *
   * The store whose connection the bar shows, or %NULL.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HUBS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-connection-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsConnectionBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, HubsConnectionBar, label);

  gtk_widget_class_install_action (widget_class, "connection.try-again", NULL,
                                   try_again_action);
}

static void
hubs_connection_bar_init (HubsConnectionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (on_child_revealed), self, G_CONNECT_SWAPPED);
  show_connection (self);
}

/**
 * hubs_connection_bar_new:
 *
 * Returns: (transfer full): a bar that shows nothing until it has a store whose server
 *   cannot be reached
 */
GtkWidget *
hubs_connection_bar_new (void)
{
  return g_object_new (HUBS_TYPE_CONNECTION_BAR, NULL);
}

/**
 * hubs_connection_bar_set_store:
 * @self: a #HubsConnectionBar
 * @store: (nullable): the store whose connection to show
 */
void
hubs_connection_bar_set_store (HubsConnectionBar *self,
                               HubsStore         *store)
{
  g_return_if_fail (HUBS_IS_CONNECTION_BAR (self));
  g_return_if_fail (store == NULL || HUBS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "notify::connected", G_CALLBACK (show_connection), self,
                             G_CONNECT_SWAPPED);
  show_connection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * hubs_connection_bar_get_store:
 * @self: a #HubsConnectionBar
 *
 * Returns: (transfer none) (nullable): the store whose connection the bar shows
 */
HubsStore *
hubs_connection_bar_get_store (HubsConnectionBar *self)
{
  g_return_val_if_fail (HUBS_IS_CONNECTION_BAR (self), NULL);

  return self->store;
}
