/* hubs-place-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Telling the user, when the window opens, that the database file is in the wrong place: on
 * a network or synchronised drive, where it can be damaged (see hubs_store_get_warning()).
 */

#define G_LOG_DOMAIN "hubs-place-warning"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hubs-place-warning.h"

/**
 * hubs_place_warning_present:
 * @parent: the window
 * @store: (nullable): the store the window shows
 *
 * Presents a dialog over @parent that says what the user should know about where @store
 * is, if anything.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there is nothing to say
 */
GtkWidget *
hubs_place_warning_present (GtkWindow *parent,
                            HubsStore *store)
{
  g_autofree char *warning = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  if (store == NULL || !(warning = hubs_store_get_warning (store)))
    return NULL;

  dialog = adw_message_dialog_new (parent, _("Database on a Network Drive"), warning);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
