/* hubs-window-as-of.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data as it stood at a chosen moment: a copy of the database rewound from its history
 * (hubs_store_open_as_of()), shown in a window of its own for viewing only, its title saying
 * which moment it shows. The moments people ask for most, when a year of the shown hub was
 * submitted or accepted, are offered as they are; any other date and time can be typed.
 * Closing that window removes the copy.
 */

#define G_LOG_DOMAIN "hubs-window-as-of"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-window-private.h"

typedef struct
{
  /* The moments offered, each with its check button (the last: the typed one). */
  GPtrArray   *moments;
  GPtrArray   *checks;
  GtkEditable *entry;
  GtkLabel    *problem;
} AsOfRequest;

static void
as_of_request_free (gpointer data)
{
  AsOfRequest *request = data;

  g_ptr_array_unref (request->moments);
  g_ptr_array_unref (request->checks);
  g_free (request);
}

/* The moment the dialog is set to, or %NULL (with @error) when the typed one cannot be read. */
static GDateTime *
chosen_moment (AsOfRequest  *request,
               GError      **error)
{
  GDateTime *when = NULL;

  for (guint i = 0; i < request->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (request->checks, i)) &&
        i < request->moments->len)
      return g_date_time_ref (g_ptr_array_index (request->moments, i));

  if (!hubs_parse_as_of (gtk_editable_get_text (request->entry), &when, error))
    return NULL;
  return when;
}

static void
on_choice_changed (AdwMessageDialog *dialog)
{
  AsOfRequest *request = g_object_get_data (G_OBJECT (dialog), "hubs-request");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  when = chosen_moment (request, &error);
  if (when != NULL && g_date_time_compare (when, now) > 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("That moment is still to come: choose one that has passed."));

  gtk_label_set_text (request->problem, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (request->problem), error != NULL);
  adw_message_dialog_set_response_enabled (dialog, "show", error == NULL);
}

/* Typing a moment chooses it. */
static void
on_typing (GtkEditable    *entry,
           GtkCheckButton *typed)
{
  gtk_check_button_set_active (typed, TRUE);
}

static void
remove_snapshot (gpointer  path,
                 GObject  *where_the_store_was)
{
  hubs_store_remove_snapshot (path);
  g_free (path);
}

/**
 * hubs_window_open_as_of:
 * @self: a #HubsWindow
 * @when: the moment to show
 * @error: a location for a #GError
 *
 * Opens a window, for viewing only, on the database of @self as it stood at @when.
 *
 * Returns: (transfer none) (nullable): the new window, or %NULL with @error set
 */
HubsWindow *
hubs_window_open_as_of (HubsWindow  *self,
                        GDateTime   *when,
                        GError     **error)
{
  g_autoptr(HubsStore) snapshot = NULL;
  g_autofree char *path = NULL;
  const char *hub_id = hubs_window_get_hub_id (self);
  HubsWindow *window;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  if (!(snapshot = hubs_store_open_as_of (self->store, when, &path, error)))
    return NULL;
  /* The copy goes when the last of its users lets go of it. */
  g_object_weak_ref (G_OBJECT (snapshot), remove_snapshot, g_steal_pointer (&path));

  window = hubs_window_new (gtk_window_get_application (GTK_WINDOW (self)), snapshot);
  hubs_window_set_as_of (window, when);
  if (hub_id != NULL)
    hubs_window_select_hub (window, hub_id);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             HubsWindow       *self)
{
  AsOfRequest *request = g_object_get_data (G_OBJECT (dialog), "hubs-request");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "show"))
    return;

  if (!(when = chosen_moment (request, &error)) || !hubs_window_open_as_of (self, when, &error))
    hubs_window_add_toast (self, error->message, FALSE);
}

/* "FY2025 as submitted on 2 December 2026, 10:15" for each submitted or accepted year of
 * @hub, newest first. */
static void
offer_submissions (HubsLiveHub *hub,
                   AsOfRequest *request,
                   GtkWidget   *box)
{
  HubsLanguage lang = hubs_language_current ();

  for (int year = HUBS_LAST_FISCAL_YEAR; year >= HUBS_FIRST_FISCAL_YEAR; year--)
    {
      const HubsYearState *state = hubs_live_hub_get_year_state (hub, year);
      g_autoptr(GDateTime) stamped = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *fy = NULL;
      g_autofree char *moment = NULL;
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (state == NULL || state->changed_at == NULL ||
          (state->state != HUBS_YEAR_SUBMITTED && state->state != HUBS_YEAR_ACCEPTED) ||
          !(stamped = g_date_time_new_from_iso8601 (state->changed_at, NULL)))
        continue;
      /* The history stamps the change with the state's own time: the view as of that
       * moment holds the change whole. */
      when = g_date_time_ref (stamped);

      fy = hubs_format_fiscal_year (year, lang);
      moment = hubs_format_moment (stamped, lang);
      if (state->state == HUBS_YEAR_SUBMITTED)
        /* Translators: a choice of moment to show; %1$s is a fiscal year, %2$s a date and time */
        label = g_strdup_printf (_("%1$s as submitted on %2$s"), fy, moment);
      else
        /* Translators: a choice of moment to show; %1$s is a fiscal year, %2$s a date and time */
        label = g_strdup_printf (_("%1$s as accepted on %2$s"), fy, moment);

      check = gtk_check_button_new_with_label (label);
      if (request->checks->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    g_ptr_array_index (request->checks, 0));
      g_ptr_array_add (request->moments, g_steal_pointer (&when));
      g_ptr_array_add (request->checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
}

static void
show_as_of_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  HubsLiveHub *hub = NULL;
  AsOfRequest *request;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *typed;
  GtkWidget *entry;
  GtkWidget *problem;
  g_autoptr(GTimeZone) japan = hubs_time_zone_japan ();
  g_autoptr(GDateTime) now = g_date_time_new_now (japan);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (hubs_window_get_hub_id (self) != NULL)
    hub = hubs_live_model_lookup_hub (self->live, hubs_window_get_hub_id (self));

  request = g_new0 (AsOfRequest, 1);
  request->moments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  request->checks = g_ptr_array_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Show the Data as of a Date"),
                                   _("The database as it stood then, from its history, in a "
                                     "window of its own for viewing only. Hubs and KPIs added "
                                     "or deleted since are as they are now."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "show", _("_Show"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (hub != NULL)
    offer_submissions (hub, request, box);

  /* Translators: the last choice of moment to show, followed by a field for it */
  typed = gtk_check_button_new_with_label (_("At another date and time:"));
  if (request->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (typed), g_ptr_array_index (request->checks, 0));
  g_ptr_array_add (request->checks, typed);
  gtk_box_append (GTK_BOX (box), typed);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "2026-05-31 17:00");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date and time"), -1);
  gtk_widget_set_margin_start (entry, 28);
  request->entry = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);

  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_margin_start (problem, 28);
  gtk_widget_set_visible (problem, FALSE);
  request->problem = GTK_LABEL (problem);
  gtk_box_append (GTK_BOX (box), problem);

  /* The newest submission first; without one, the typed moment. */
  gtk_check_button_set_active (g_ptr_array_index (request->checks, 0), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "hubs-request", request, as_of_request_free);

  for (guint i = 0; i < request->checks->len; i++)
    g_signal_connect_object (g_ptr_array_index (request->checks, i), "toggled",
                             G_CALLBACK (on_choice_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_typing), typed, 0);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_choice_changed), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  on_choice_changed (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hubs_window_class_add_as_of_actions:
 * @widget_class: the #HubsWindow class
 *
 * Installs Show as of a Date….
 */
void
hubs_window_class_add_as_of_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-as-of", NULL, show_as_of_action);
}
