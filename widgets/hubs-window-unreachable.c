/* hubs-window-unreachable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's error page when the server of a shared database cannot be reached at
 * start-up: it says so (the address and libpq's reason are in the error), and offers to try
 * again, to open one of the files opened lately (one button each, from the setting
 * recent-databases), or to open another file.
 */

#define G_LOG_DOMAIN "hubs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-recent.h"
#include "hubs-window-private.h"

/* How many of the recent files the page offers. */
#define N_RECENT_FILES 3

/**
 * hubs_window_show_unreachable:
 * @self: a #HubsWindow
 * @error: %HUBS_STORE_ERROR_UNREACHABLE, saying which server and why
 *
 * Turns the error page into the offer of what can be opened instead.
 */
void
hubs_window_show_unreachable (HubsWindow   *self,
                              const GError *error)
{
  g_auto(GStrv) files = hubs_recent_list_files (self->settings, N_RECENT_FILES);
  GtkWidget *child;

  adw_status_page_set_title (self->error_page, _("The Server Cannot Be Reached"));
  adw_status_page_set_icon_name (self->error_page, "network-offline-symbolic");
  gtk_widget_set_visible (self->try_again_button, TRUE);
  gtk_widget_set_visible (self->restore_button, FALSE);

  while ((child = gtk_widget_get_first_child (self->recent_files)) != NULL)
    gtk_box_remove (GTK_BOX (self->recent_files), child);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (files[i]);
      g_autofree char *label = NULL;
      GtkWidget *button;

      /* Translators: a button offering a database file opened lately, e.g. “Open
       * hubs.sqlite3” */
      label = g_strdup_printf (_("Open “%s”"), name);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_tooltip_text (button, files[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.open-database-at");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", files[i]);
      gtk_widget_add_css_class (button, "pill");
      gtk_box_append (GTK_BOX (self->recent_files), button);
    }

  gtk_widget_set_visible (self->recent_files, files[0] != NULL);
}
