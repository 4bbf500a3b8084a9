/* hubs-window-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's commands of the yearly cycle, for the selected hub: a consortium submits a
 * year (which locks it) or unlocks one; the Cabinet Office imports submissions, settling the
 * figures both sides changed, and accepts or returns a year with an answer file, which the
 * consortium then imports. Each command is offered only where the year's state allows it.
 */

#define G_LOG_DOMAIN "hubs-window-cycle"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-file-chooser.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-store-roles.h"
#include "hubs-store-writer.h"
#include "hubs-submission-review.h"
#include "hubs-submission.h"
#include "hubs-submit-dialog.h"
#include "hubs-tracker-page.h"
#include "hubs-window-private.h"

/* Which years of the plan a command is for. */
typedef gboolean (*YearFits) (HubsYearStateKind state);

static gboolean
can_be_submitted (HubsYearStateKind state)
{
  return hubs_year_state_can_become (state, HUBS_YEAR_SUBMITTED);
}

static gboolean
is_submitted (HubsYearStateKind state)
{
  return state == HUBS_YEAR_SUBMITTED;
}

static gboolean
is_locked (HubsYearStateKind state)
{
  return hubs_year_state_kind_is_locked (state);
}

static HubsLiveHub *
selected_hub (HubsWindow *self)
{
  const char *hub_id = hubs_window_get_hub_id (self);

  if (self->live == NULL || hub_id == NULL)
    return NULL;

  return hubs_live_model_lookup_hub (self->live, hub_id);
}

static const char *
hub_name (HubsLiveHub *hub)
{
  const HubsHub *fields = hubs_live_hub_get_hub (hub);

  return hubs_i18n_pick (fields->name_ja, fields->name_en);
}

/* The plan's years whose state @fits, earliest first. */
static GArray *
years_that_fit (HubsLiveHub *hub,
                YearFits     fits)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (int year = HUBS_FIRST_FISCAL_YEAR; hub != NULL && year <= HUBS_LAST_FISCAL_YEAR; year++)
    if (fits (hubs_live_hub_get_year_state_kind (hub, year)))
      g_array_append_val (years, year);

  return years;
}

/* The year reported on now, when it is one of @years; else the latest of them. */
static guint
preferred_year (GArray *years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int latest = hubs_fiscal_year_latest_ended (now);

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == latest)
      return i;

  return years->len - 1;
}

/* Whether the selected hub has a year that @fits and this database's role may change it:
 * a consortium's staff submits and unlocks its own hub's years, and only an administrator
 * (@answering) accepts or returns them (see hubs-store-roles.c). */
static gboolean
writable_with_year (HubsWindow *self,
                    YearFits    fits,
                    gboolean    answering)
{
  g_autoptr(GArray) years = NULL;
  const char *hub_id = hubs_window_get_hub_id (self);

  if (self->store == NULL || hub_id == NULL ||
      !(answering ? hubs_store_is_administrator (self->store)
                  : hubs_store_can_write_hub (self->store, hub_id)) ||
      hubs_store_is_read_only (self->store))
    return FALSE;

  years = years_that_fit (selected_hub (self), fits);
  return years->len > 0;
}

/**
 * hubs_window_update_cycle_actions:
 * @self: a #HubsWindow
 *
 * Offers the commands of the yearly cycle that the selected hub's years allow now: nothing
 * in a database open for viewing only.
 */
void
hubs_window_update_cycle_actions (HubsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.submit-year",
                                 writable_with_year (self, can_be_submitted, FALSE));
  gtk_widget_action_set_enabled (widget, "win.unlock-year",
                                 writable_with_year (self, is_locked, FALSE));
  gtk_widget_action_set_enabled (widget, "win.accept-year",
                                 writable_with_year (self, is_submitted, TRUE));
  gtk_widget_action_set_enabled (widget, "win.return-year",
                                 writable_with_year (self, is_submitted, TRUE));
  gtk_widget_action_set_enabled (widget, "win.import-submission",
                                 self->store != NULL && !hubs_store_is_read_only (self->store));
}

static void
on_submitted (HubsWindow *self,
              const char *message)
{
  hubs_window_add_toast (self, message, FALSE);
}

static void
submit_year_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  HubsLiveHub *hub = selected_hub (self);
  g_autoptr(GArray) years = NULL;
  GtkWidget *dialog;

  if (hub == NULL || !(years = years_that_fit (hub, can_be_submitted)) || years->len == 0)
    return;

  dialog = hubs_submit_dialog_new (GTK_WINDOW (self), self->store, hubs_live_hub_get_id (hub),
                                   g_array_index (years, int, preferred_year (years)));
  g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_submitted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a question about a year needs until it is answered. */
typedef struct
{
  char              *hub_id;
  char              *hub_name;
  HubsYearStateKind  state;
  GArray            *years;
  int                year;
  char              *reason;
  /* Not owned: the question's widgets. */
  GtkDropDown       *year_choice;
  GtkEditable       *reason_entry;
} YearRequest;

static void
year_request_free (gpointer data)
{
  YearRequest *request = data;

  g_free (request->hub_id);
  g_free (request->hub_name);
  g_clear_pointer (&request->years, g_array_unref);
  g_free (request->reason);
  g_free (request);
}

/* What a question's answer still needs once its widgets are gone. */
static YearRequest *
year_request_copy (const YearRequest *request)
{
  YearRequest *copy = g_new0 (YearRequest, 1);

  copy->hub_id = g_strdup (request->hub_id);
  copy->hub_name = g_strdup (request->hub_name);
  copy->state = request->state;
  copy->year = request->year;
  copy->reason = g_strdup (request->reason);

  return copy;
}

static char *
year_of_hub (const YearRequest *request)
{
  g_autofree char *fy = hubs_format_fiscal_year (request->year, hubs_language_current ());

  /* Translators: %1$s is a fiscal year, %2$s a hub city: “FY2025 of 福岡市” */
  return g_strdup_printf (_("%1$s of %2$s"), fy, request->hub_name);
}

/* A change of a year's state under way on the store's writer (see hubs_store_write()):
 * unlocking it, answering a submission into a file, or taking an answer in. */
typedef enum
{
  YEAR_UNLOCK,
  YEAR_ANSWER,
  YEAR_TAKE_ANSWER,
} YearJobKind;

typedef struct
{
  HubsWindow        *window;
  YearJobKind        kind;
  /* YEAR_UNLOCK and YEAR_ANSWER */
  YearRequest       *request;
  /* YEAR_ANSWER: the answer file to write */
  char              *path;
  /* YEAR_TAKE_ANSWER */
  HubsPackage       *package;
  /* What the window says once it is done. */
  char              *message;
} YearJob;

static void
year_job_free (gpointer data)
{
  YearJob *job = data;

  g_object_unref (job->window);
  g_clear_pointer (&job->request, year_request_free);
  g_free (job->path);
  g_clear_pointer (&job->package, hubs_package_free);
  g_free (job->message);
  g_free (job);
}

/* In the writer's thread on a shared database: the store's calls only. */
static gboolean
year_job_write (HubsStore  *store,
                gpointer    data,
                GError    **error)
{
  YearJob *job = data;
  YearRequest *request = job->request;

  switch (job->kind)
    {
    case YEAR_UNLOCK:
      return hubs_store_set_year_state (store, request->hub_id, request->year,
                                        HUBS_YEAR_ENTERING, request->reason, error);
    case YEAR_ANSWER:
      return hubs_submission_answer (store, request->hub_id, request->year, request->state,
                                     request->reason, job->path, error);
    case YEAR_TAKE_ANSWER:
    default:
      return hubs_submission_take_answer (store, job->package, error);
    }
}

static void
show_refusal (HubsWindow *self,
              const char *message);

static void
on_year_job_done (HubsStore    *store,
                  gpointer      data,
                  const GError *error,
                  gpointer      user_data)
{
  YearJob *job = data;
  HubsWindow *self = job->window;

  /* The window closed while a shared database made the change. */
  if (self->store == NULL)
    return;
  if (error != NULL && job->kind == YEAR_TAKE_ANSWER)
    show_refusal (self, error->message);
  else
    hubs_window_add_toast (self, error != NULL ? error->message : job->message, FALSE);
}

static void
run_year_job (HubsWindow *self,
              YearJob    *job)
{
  job->window = g_object_ref (self);
  hubs_store_write (self->store, year_job_write, job, year_job_free, on_year_job_done, NULL);
}

static void
on_answer_chosen (gpointer  owner,
                  GFile    *file,
                  gpointer  data)
{
  HubsWindow *self = owner;
  YearRequest *request = data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *what = year_of_hub (request);
  YearJob *job;

  if (path == NULL || self->store == NULL)
    return;

  job = g_new0 (YearJob, 1);
  job->kind = YEAR_ANSWER;
  if (request->state == HUBS_YEAR_ACCEPTED)
    /* Translators: a toast; %1$s is e.g. “FY2025 of 福岡市”, %2$s a file name */
    job->message = g_strdup_printf (_("%1$s accepted: send “%2$s” to the consortium"), what,
                                    name);
  else
    /* Translators: a toast; %1$s is e.g. “FY2025 of 福岡市”, %2$s a file name */
    job->message = g_strdup_printf (_("%1$s returned: send “%2$s” to the consortium"), what,
                                    name);
  job->path = g_steal_pointer (&path);
  /* The file chooser frees what it was given: the job keeps a copy. */
  job->request = year_request_copy (request);
  run_year_job (self, job);
}

static void
on_year_response (AdwMessageDialog *dialog,
                  const char       *response,
                  HubsWindow       *self)
{
  YearRequest *request = g_object_steal_data (G_OBJECT (dialog), "hubs-request");
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;

  if (request == NULL || g_str_equal (response, "cancel") || self->store == NULL)
    {
      g_clear_pointer (&request, year_request_free);
      return;
    }

  if (request->year_choice != NULL)
    request->year = g_array_index (request->years, int,
                                   gtk_drop_down_get_selected (request->year_choice));
  if (request->reason_entry != NULL)
    request->reason = g_strstrip (g_strdup (gtk_editable_get_text (request->reason_entry)));
  what = year_of_hub (request);

  if (request->state == HUBS_YEAR_ENTERING)
    {
      YearJob *job = g_new0 (YearJob, 1);

      job->kind = YEAR_UNLOCK;
      job->request = request;
      /* Translators: a toast; %s is e.g. “FY2025 of 福岡市” */
      job->message = g_strdup_printf (_("%s unlocked: its figures can be changed again"), what);
      run_year_job (self, job);
      return;
    }

  /* Accepted or returned: the answer for the consortium goes into a file. */
  name = g_strdelimit (g_strdup_printf ("%s-FY%d-answer.hubs", request->hub_id, request->year),
                       "/", '-');
  hubs_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Answer"),
                         _("_Save"), name, _("Hubs submissions and answers"), "*.hubs", self,
                         on_answer_chosen, request, year_request_free);
}

static void
on_reason_changed (AdwMessageDialog *dialog,
                   GtkEditable      *entry)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (entry), "hubs-response");

  adw_message_dialog_set_response_enabled (dialog, response, *reason != '\0');
}

/* Asks whether to unlock, accept or return a year (which, when several fit), with a reason
 * where one is needed. */
static void
ask_about_year (HubsWindow        *self,
                HubsYearStateKind  state)
{
  HubsLiveHub *hub = selected_hub (self);
  YearRequest *request;
  GtkWidget *dialog;
  GtkWidget *box;
  g_autofree char *heading = NULL;
  const char *body;
  const char *response;
  const char *label;
  gboolean needs_reason = state != HUBS_YEAR_ACCEPTED;

  if (hub == NULL)
    return;

  request = g_new0 (YearRequest, 1);
  request->hub_id = g_strdup (hubs_live_hub_get_id (hub));
  request->hub_name = g_strdup (hub_name (hub));
  request->state = state;
  request->years = years_that_fit (hub, state == HUBS_YEAR_ENTERING ? is_locked : is_submitted);
  if (request->years->len == 0)
    {
      year_request_free (request);
      return;
    }
  request->year = g_array_index (request->years, int, preferred_year (request->years));

  switch (state)
    {
    case HUBS_YEAR_ENTERING:
      /* Translators: the heading of the dialog that unlocks a year; %s is a hub city */
      heading = g_strdup_printf (_("Unlock a Year of %s?"), request->hub_name);
      body = _("Its figures can be changed again, and the year has to be submitted again. "
               "Say why; the history keeps the reason.");
      response = "unlock";
      label = _("_Unlock");
      break;
    case HUBS_YEAR_ACCEPTED:
      /* Translators: the heading of the dialog that accepts a year; %s is a hub city */
      heading = g_strdup_printf (_("Accept a Year of %s?"), request->hub_name);
      body = _("The consortium’s figures for the year are accepted and stay locked. Next, "
               "choose where to save the answer to send to the consortium.");
      response = "accept";
      label = _("_Accept…");
      break;
    case HUBS_YEAR_RETURNED:
    default:
      /* Translators: the heading of the dialog that returns a year; %s is a hub city */
      heading = g_strdup_printf (_("Return a Year of %s?"), request->hub_name);
      body = _("The year opens again for the consortium to correct. Say what needs "
               "correcting; the answer file carries it. Next, choose where to save the "
               "answer.");
      response = "return";
      label = _("_Return…");
      break;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), response, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              state == HUBS_YEAR_ACCEPTED
                                              ? ADW_RESPONSE_SUGGESTED
                                              : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

    for (guint i = 0; i < request->years->len; i++)
      {
        g_autofree char *fy = hubs_format_fiscal_year (g_array_index (request->years, int, i),
                                                       hubs_language_current ());

        gtk_string_list_append (labels, fy);
      }
    request->year_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                             NULL));
    gtk_drop_down_set_selected (request->year_choice, preferred_year (request->years));
    gtk_accessible_update_property (GTK_ACCESSIBLE (request->year_choice),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fiscal year"), -1);
    /* One year only: it is named, not chosen. */
    gtk_widget_set_sensitive (GTK_WIDGET (request->year_choice), request->years->len > 1);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->year_choice));
  }
  if (needs_reason)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                      state == HUBS_YEAR_ENTERING
                                      ? _("Why it is unlocked (required)")
                                      : _("What needs correcting (required)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reason"), -1);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
      g_object_set_data (G_OBJECT (entry), "hubs-response", (gpointer) response);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog,
                               G_CONNECT_SWAPPED);
      request->reason_entry = GTK_EDITABLE (entry);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
      gtk_box_append (GTK_BOX (box), entry);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "hubs-request", request, year_request_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_year_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  if (request->reason_entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (request->reason_entry));
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HubsYearStateKind state = HUBS_YEAR_ENTERING;

  if (g_str_equal (action_name, "win.accept-year"))
    state = HUBS_YEAR_ACCEPTED;
  else if (g_str_equal (action_name, "win.return-year"))
    state = HUBS_YEAR_RETURNED;

  ask_about_year (HUBS_WINDOW (widget), state);
}

static void
show_refusal (HubsWindow *self,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The File Cannot Be Imported"), message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An answer from the Cabinet Office: the year accepted, or returned with the reason. */
static void
take_answer (HubsWindow  *self,
             HubsPackage *package)
{
  HubsLiveHub *hub = self->live ? hubs_live_model_lookup_hub (self->live, package->hub_id) : NULL;
  g_autofree char *fy = hubs_format_fiscal_year (package->fiscal_year, hubs_language_current ());
  const char *name = hub != NULL ? hub_name (hub) : package->hub_id;
  YearJob *job = g_new0 (YearJob, 1);

  job->kind = YEAR_TAKE_ANSWER;
  if (package->state == HUBS_YEAR_RETURNED)
    /* Translators: a toast; %1$s is a fiscal year, %2$s a hub city, %3$s the reason */
    job->message = g_strdup_printf (_("%1$s of %2$s was returned: %3$s"), fy, name,
                                    package->reason != NULL ? package->reason : "");
  else
    /* Translators: a toast; %1$s is a fiscal year, %2$s a hub city */
    job->message = g_strdup_printf (_("%1$s of %2$s was accepted by the Cabinet Office"), fy,
                                    name);
  job->package = package;
  run_year_job (self, job);
}

/**
 * hubs_window_open_submission:
 * @self: a #HubsWindow
 * @file: a submission or answer file
 *
 * What Import Submission does with the file chosen: a submission opens its review, where the
 * user settles the conflicts and applies it; an answer is taken in at once (on a shared
 * database by the store's writer, a toast saying when it is done). A file that is not one,
 * is altered, comes from a newer Hubs or is about a hub this database does not hold is
 * refused in a dialog that says why, and nothing changes.
 *
 * Returns: %TRUE when the file was read (the review shows, or the answer is being taken)
 */
gboolean
hubs_window_open_submission (HubsWindow *self,
                             GFile      *file)
{
  g_autoptr(HubsPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HubsSubmissionImport *import;
  GtkWidget *review;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!(path = g_file_get_path (file)))
    {
      show_refusal (self, _("Choose a file on this computer."));
      return FALSE;
    }

  if (!(package = hubs_package_new_from_file (path, &error)))
    {
      show_refusal (self, error->message);
      return FALSE;
    }

  if (package->kind == HUBS_PACKAGE_ANSWER)
    {
      /* Taken in by the store's writer: a refusal is shown when it is known. */
      take_answer (self, g_steal_pointer (&package));
      return TRUE;
    }

  if (!(import = hubs_submission_import_new (self->store, g_steal_pointer (&package), &error)))
    {
      show_refusal (self, error->message);
      return FALSE;
    }

  review = hubs_submission_review_new (GTK_WINDOW (self), self->store, import);
  g_signal_connect_object (review, "applied", G_CALLBACK (on_submitted), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (review));

  return TRUE;
}

static void
on_submission_chosen (gpointer  owner,
                      GFile    *file,
                      gpointer  user_data)
{
  hubs_window_open_submission (owner, file);
}

static void
import_submission_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  hubs_file_chooser_run (GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("Import Submission"), _("_Import"), NULL,
                         _("Hubs submissions and answers"), "*.hubs", widget,
                         on_submission_chosen, NULL, NULL);
}

static void
on_tracker_hub_activated (HubsWindow *self,
                          const char *hub_id,
                          int         fiscal_year)
{
  if (!hubs_window_select_hub (self, hub_id))
    {
      /* A search hides it: show every hub again, then the one chosen. */
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      hubs_window_select_hub (self, hub_id);
    }
}

/* The Cabinet Office's checklist: every hub's years and what each still lacks. No hub is
 * selected while it shows, so choosing any hub in the sidebar leaves it. */
static void
show_reporting_status_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "tracker");

  if (page == NULL)
    {
      page = hubs_tracker_page_new (self->live);
      g_signal_connect_object (page, "hub-activated", G_CALLBACK (on_tracker_hub_activated),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, page, "tracker");
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child (self->stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hubs_window_update_actions (self);
}

/**
 * hubs_window_class_add_cycle_actions:
 * @widget_class: the #HubsWindow class
 *
 * Installs the commands of the yearly cycle.
 */
void
hubs_window_class_add_cycle_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-reporting-status", NULL,
                                   show_reporting_status_action);
  gtk_widget_class_install_action (widget_class, "win.submit-year", NULL, submit_year_action);
  gtk_widget_class_install_action (widget_class, "win.unlock-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.accept-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.return-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.import-submission", NULL,
                                   import_submission_action);
}
