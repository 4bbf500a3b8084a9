/* hubs-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connect to a Shared Database…: the address of a database on a PostgreSQL server, typed or
 * chosen from the shared databases opened before (the setting recent-databases). An address
 * Hubs cannot use (not a postgresql:// one, or one with a password) is refused with the
 * reason, and nothing changes; a good one goes to the application's open-database-at
 * action, which saves what is typed and starts Hubs again on it.
 */

#define G_LOG_DOMAIN "hubs-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-connect-dialog.h"
#include "hubs-db.h"
#include "hubs-recent.h"
#include "hubs-store.h"

struct _HubsConnectDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwEntryRow          *address;
  GtkLabel             *error_label;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
};

G_DEFINE_FINAL_TYPE (HubsConnectDialog, hubs_connect_dialog, ADW_TYPE_WINDOW)

static void
show_error (HubsConnectDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->address), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->address), "error");
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HubsConnectDialog *self = HUBS_CONNECT_DIALOG (widget);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->address));
  g_autofree char *address = g_strstrip (g_strdup (typed));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (*address == '\0')
    {
      show_error (self, _("Type the address of the shared database first."));
      return;
    }

  if (!hubs_store_check_address (address, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  gtk_widget_activate_action (parent != NULL ? GTK_WIDGET (parent) : widget,
                              "app.open-database-at", "s", address);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_address_activated_cb (HubsConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
on_address_changed_cb (HubsConnectDialog *self)
{
  show_error (self, NULL);
}

static void
on_recent_activated_cb (HubsConnectDialog *self,
                        GtkListBoxRow     *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self->address),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
show_recent (HubsConnectDialog *self)
{
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_auto(GStrv) recent = hubs_recent_list (settings);
  guint n = 0;

  for (guint i = 0; recent[i] != NULL; i++)
    {
      GtkWidget *row;

      if (!hubs_db_is_postgresql_uri (recent[i]))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      if (n++ == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->address), recent[i]);
    }

  gtk_widget_set_visible (self->recent_group, n > 0);
}

static void
hubs_connect_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HUBS_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (hubs_connect_dialog_parent_class)->dispose (object);
}

static void
hubs_connect_dialog_class_init (HubsConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_connect_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsConnectDialog, address);
  gtk_widget_class_bind_template_child (widget_class, HubsConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HubsConnectDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, HubsConnectDialog, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_address_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_connect_dialog_init (HubsConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_recent (self);
  show_error (self, NULL);
}

/**
 * hubs_connect_dialog_new:
 * @parent: (nullable): the window it is for; its application's open-database-at action
 *   takes the address
 *
 * Returns: (transfer full): the dialog, with the newest shared database opened before
 *   filled in
 */
GtkWidget *
hubs_connect_dialog_new (GtkWindow *parent)
{
  return g_object_new (HUBS_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       NULL);
}
