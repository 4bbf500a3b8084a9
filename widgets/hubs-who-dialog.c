/* hubs-who-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks, once, who is entering the figures: a name and an organisation that every change then
 * records, in the history and in a submission. Preferences change them later.
 */

#define G_LOG_DOMAIN "hubs-who-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-who-dialog.h"

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GSettings        *settings)
{
  if (g_str_equal (response, "save"))
    {
      GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
      GtkEditable *organisation = g_object_get_data (G_OBJECT (dialog), "organisation");
      g_autofree char *name_text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
      g_autofree char *organisation_text =
        g_strstrip (g_strdup (gtk_editable_get_text (organisation)));

      g_settings_set_string (settings, HUBS_AUTHOR_KEY_NAME, name_text);
      g_settings_set_string (settings, HUBS_AUTHOR_KEY_ORGANISATION, organisation_text);
    }
  g_settings_set_boolean (settings, HUBS_AUTHOR_KEY_ASKED, TRUE);
}

static void
unref_settings (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

/* Save takes a name; the organisation may stay empty. */
static void
on_text_changed (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static GtkWidget *
add_entry (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

/**
 * hubs_who_dialog_ask_once:
 * @parent: the window to ask over
 *
 * Asks for the name and organisation the first time it is called for this user, when no
 * name is set yet; afterwards, and when there are no settings to keep the answer in, does
 * nothing.
 *
 * Returns: (transfer none) (nullable): the dialog shown, or %NULL
 */
GtkWidget *
hubs_who_dialog_ask_once (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *name_row;
  GtkWidget *organisation_row;

  if (settings == NULL || g_settings_get_boolean (settings, HUBS_AUTHOR_KEY_ASKED))
    return NULL;

  name = g_settings_get_string (settings, HUBS_AUTHOR_KEY_NAME);
  organisation = g_settings_get_string (settings, HUBS_AUTHOR_KEY_ORGANISATION);
  if (*name != '\0')
    return NULL;

  dialog = adw_message_dialog_new (parent, _("Who Is Entering the Figures?"),
                                   _("Every change you make records your name and "
                                     "organisation, so that the history and the year’s "
                                     "submission say who entered each figure. You can change "
                                     "them later in Preferences."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  name_row = add_entry (list, _("Your name"), name);
  /* Translators: e.g. 福岡市 スタートアップ推進課 */
  organisation_row = add_entry (list, _("Organisation, e.g. a city’s startup office"),
                                organisation);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "name", name_row);
  g_object_set_data (G_OBJECT (dialog), "organisation", organisation_row);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_signal_connect (name_row, "changed", G_CALLBACK (on_text_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), g_object_ref (settings),
                         unref_settings, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);

  return dialog;
}
