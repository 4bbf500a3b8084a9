/* hubs-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the language of the interface and the data. Data and charts switch at once;
 * the labels GTK has already built switch when Hubs starts again, which it offers to do.
 */

#define G_LOG_DOMAIN "hubs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-i18n.h"
#include "hubs-preferences-window.h"

struct _HubsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Children */
  AdwComboRow          *language;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (HubsPreferencesWindow, hubs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const language_values[] = { "system", "ja", "en" };

static void
on_restart_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GApplication *app = g_application_get_default ();

  if (g_str_equal (response, "restart") && app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "restart", NULL);
}

static void
on_language_selected (HubsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language);
  g_autofree char *current = g_settings_get_string (self->settings,
                                                    HUBS_I18N_SETTINGS_KEY_LANGUAGE);
  GtkWidget *dialog;

  if (selected >= G_N_ELEMENTS (language_values) ||
      g_str_equal (current, language_values[selected]))
    return;

  g_settings_set_string (self->settings, HUBS_I18N_SETTINGS_KEY_LANGUAGE,
                         language_values[selected]);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restart Hubs?"),
                                   _("Hub and KPI names and the charts already use the new "
                                     "language. Menus and labels change when Hubs starts "
                                     "again. Nothing you typed is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "restart", _("_Restart Now"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restart",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restart");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_restart_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A text row that keeps @key: written when the user presses Enter or the apply button. */
static void
on_setting_apply (AdwEntryRow *row,
                  GSettings   *settings)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_settings_set_string (settings, g_object_get_data (G_OBJECT (row), "key"), text);
}

static void
add_setting_row (HubsPreferencesWindow *self,
                 GtkWidget             *group,
                 const char            *title,
                 const char            *key)
{
  g_autofree char *value = g_settings_get_string (self->settings, key);
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_object_set_data (G_OBJECT (row), "key", (gpointer) key);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_setting_apply), self->settings, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
hubs_preferences_window_dispose (GObject *object)
{
  HubsPreferencesWindow *self = (HubsPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hubs_preferences_window_parent_class)->dispose (object);
}

static void
hubs_preferences_window_class_init (HubsPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hubs_preferences_window_dispose;
}

static void
hubs_preferences_window_init (HubsPreferencesWindow *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  self->settings = g_settings_new (APP_ID);
  current = g_settings_get_string (self->settings, HUBS_I18N_SETTINGS_KEY_LANGUAGE);

  /* Translators: follow the desktop's language */
  gtk_string_list_append (choices, _("System"));
  /* The languages are named in themselves, so each reader finds their own. */
  gtk_string_list_append (choices, "日本語");
  gtk_string_list_append (choices, "English");

  self->language = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language), _("Language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language),
                               _("For the interface, hub and KPI names, and charts"));
  adw_combo_row_set_model (self->language, G_LIST_MODEL (choices));
  for (guint i = 0; i < G_N_ELEMENTS (language_values); i++)
    if (g_str_equal (current, language_values[i]))
      adw_combo_row_set_selected (self->language, i);
  g_signal_connect_object (self->language, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Language"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Who makes the changes: every change records it. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who You Are"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every change records your name and organisation, in "
                                           "the history and in the year’s submission."));
  add_setting_row (self, group, _("Your name"), HUBS_AUTHOR_KEY_NAME);
  add_setting_row (self, group, _("Organisation, e.g. a city’s startup office"),
                   HUBS_AUTHOR_KEY_ORGANISATION);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/**
 * hubs_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): the preferences window
 */
GtkWidget *
hubs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (HUBS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
