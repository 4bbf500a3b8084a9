/* hubs-submit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting a hub's fiscal year: first what stands in the way (figures missing, KPIs not on
 * track without an explanation), then what is worth a look (provisional figures; KPIs far
 * above their planned progress, each of which the user confirms), and, when nothing blocks,
 * Save writes the submission file for the Cabinet Office, which locks the year.
 */

#define G_LOG_DOMAIN "hubs-submit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-file-chooser.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-store-writer.h"
#include "hubs-submission.h"
#include "hubs-submit-dialog.h"

struct _HubsSubmitDialog
{
  AdwWindow            parent_instance;

  /* Widgets made in code */
  AdwWindowTitle      *title;
  GtkLabel            *status_label;
  GtkButton           *save_button;
  AdwPreferencesPage  *page;
  AdwComboRow         *year_row;
  AdwPreferencesGroup *missing_group;
  AdwPreferencesGroup *notes_group;

  /* Owned references */
  HubsStore           *store;
  char                *hub_id;
  char                *hub_name;
  /* The KPIs far above plan the user confirmed, for this year. */
  GHashTable          *confirmed;

  /* State */
  int                  fiscal_year;
  guint                n_blocking;
  guint                n_to_confirm;
  guint                can_become_submitted : 1;
  /* The submission is being written (on a shared database, by the store's writer). */
  guint                saving : 1;
};

G_DEFINE_FINAL_TYPE (HubsSubmitDialog, hubs_submit_dialog, ADW_TYPE_WINDOW)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (HubsSubmitDialog *self);

static void
show_status (HubsSubmitDialog *self,
             const char       *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

static void
update_save (HubsSubmitDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "submit.save",
                                 hubs_submit_dialog_get_can_save (self));
}

static void
on_confirm_toggled (HubsSubmitDialog *self,
                    GtkCheckButton   *check)
{
  const char *kpi_id = g_object_get_data (G_OBJECT (check), "kpi-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->confirmed, g_strdup (kpi_id));
  else
    g_hash_table_remove (self->confirmed, kpi_id);

  self->n_to_confirm += gtk_check_button_get_active (check) ? -1 : 1;
  update_save (self);
}

static void
add_note (HubsSubmitDialog          *self,
          const HubsSubmissionIssue *issue)
{
  GtkWidget *row;
  GtkWidget *check;

  if (issue->kind != HUBS_SUBMISSION_FAR_ABOVE_PLAN)
    {
      adw_preferences_group_add (self->notes_group,
                                 make_row (issue->message, NULL, "dialog-information-symbolic"));
      return;
    }

  /* Far above its path: the user says the target still fits before the year can go. */
  row = make_row (issue->message, _("Tick to confirm that the target still fits"),
                  "dialog-information-symbolic");
  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The target still fits"), -1);
  g_object_set_data_full (G_OBJECT (check), "kpi-id", g_strdup (issue->kpi_id), g_free);
  if (g_hash_table_contains (self->confirmed, issue->kpi_id))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  else
    self->n_to_confirm++;
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_confirm_toggled), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->notes_group, row);
}

/* The year's state under its row; whether it can be submitted at all. */
static void
describe_year (HubsSubmitDialog *self)
{
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  state = hubs_store_get_year_state (self->store, self->hub_id, self->fiscal_year, &error);
  if (state == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row), error->message);
      self->can_become_submitted = FALSE;
      return;
    }

  description = hubs_year_state_describe (state, hubs_language_current ());
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->year_row), description);
  self->can_become_submitted = hubs_year_state_can_become (state->state, HUBS_YEAR_SUBMITTED);
}

static void
refresh (HubsSubmitDialog *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notes = 0;

  if (self->missing_group != NULL)
    adw_preferences_page_remove (self->page, self->missing_group);
  if (self->notes_group != NULL)
    adw_preferences_page_remove (self->page, self->notes_group);
  self->missing_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->notes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->n_blocking = 0;
  self->n_to_confirm = 0;

  describe_year (self);

  issues = hubs_submission_check (self->store, self->hub_id, self->fiscal_year,
                                  hubs_language_current (), &error);
  if (issues == NULL)
    {
      show_status (self, error->message);
      self->n_blocking = 1;
      update_save (self);
      return;
    }

  for (guint i = 0; i < issues->len; i++)
    {
      const HubsSubmissionIssue *issue = g_ptr_array_index (issues, i);

      if (issue->blocking)
        {
          adw_preferences_group_add (self->missing_group,
                                     make_row (issue->message, NULL, "dialog-warning-symbolic"));
          self->n_blocking++;
        }
      else
        {
          add_note (self, issue);
          n_notes++;
        }
    }

  if (self->n_blocking > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u thing stands in the way. Enter each actual (or mark "
                                      "it not measured) and explain each KPI not on track; "
                                      "then the year can be submitted.",
                                      "%u things stand in the way. Enter each actual (or mark "
                                      "it not measured) and explain each KPI not on track; "
                                      "then the year can be submitted.",
                                      self->n_blocking),
                         self->n_blocking);

      adw_preferences_group_set_title (self->missing_group, _("Missing"));
      adw_preferences_group_set_description (self->missing_group, description);
    }
  else
    {
      adw_preferences_group_set_title (self->missing_group, _("Ready"));
      adw_preferences_group_set_description (self->missing_group,
                                             _("Every actual is entered and every KPI not "
                                               "on track is explained. Saving the submission "
                                               "locks the year: it cannot be changed until "
                                               "it is returned or unlocked."));
    }
  adw_preferences_page_add (self->page, self->missing_group);

  if (n_notes > 0)
    {
      adw_preferences_group_set_title (self->notes_group, _("Worth a Look"));
      adw_preferences_group_set_description (self->notes_group,
                                             _("These do not stop the submission. Confirm "
                                               "each target that still fits."));
      adw_preferences_page_add (self->page, self->notes_group);
    }

  update_save (self);
}

static void
on_year_selected (HubsSubmitDialog *self)
{
  int year = HUBS_FIRST_FISCAL_YEAR + (int) adw_combo_row_get_selected (self->year_row);

  if (year == self->fiscal_year)
    return;

  self->fiscal_year = year;
  g_hash_table_remove_all (self->confirmed);
  show_status (self, NULL);
  refresh (self);
}

static void
on_file_chosen (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  HubsSubmitDialog *self = owner;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_status (self, _("Choose a file on this computer."));
      return;
    }

  hubs_submit_dialog_save_to (self, path);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HubsSubmitDialog *self = HUBS_SUBMIT_DIALOG (widget);
  g_autofree char *name = g_strdup_printf ("%s-FY%d-submission.hubs", self->hub_id,
                                           self->fiscal_year);

  /* Hub ids have no slash today; a file name never does. */
  g_strdelimit (name, "/", '-');
  hubs_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Save Submission"), _("_Save"), name, _("Hubs submissions"),
                         "*.hubs", self, on_file_chosen, NULL, NULL);
}

static void
hubs_submit_dialog_dispose (GObject *object)
{
  HubsSubmitDialog *self = HUBS_SUBMIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->hub_id, g_free);
  g_clear_pointer (&self->hub_name, g_free);
  g_clear_pointer (&self->confirmed, g_hash_table_unref);

  G_OBJECT_CLASS (hubs_submit_dialog_parent_class)->dispose (object);
}

static void
hubs_submit_dialog_class_init (HubsSubmitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_submit_dialog_dispose;

  /**
   * HubsSubmitDialog::submitted:
   * @self: a #HubsSubmitDialog
   * @message: what happened, in a sentence for a toast
   *
   * Emitted once the submission file is written and the year locked; the dialog then
   * closes.
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "submit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_submit_dialog_init (HubsSubmitDialog *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save…"));
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *year_group = adw_preferences_group_new ();

  self->confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Submit Year"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Submit Year"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "submit.save");
  self->save_button = GTK_BUTTON (save);
  gtk_widget_set_tooltip_text (save, _("Save the submission for the Cabinet Office and lock "
                                       "the year"));
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->status_label = GTK_LABEL (label);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));

  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    {
      g_autofree char *fy = hubs_format_fiscal_year (year, hubs_language_current ());

      gtk_string_list_append (years, fy);
    }
  self->year_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _("Fiscal year"));
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (year_group), GTK_WIDGET (self->year_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (year_group));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * hubs_submit_dialog_new:
 * @parent: (nullable): the main window
 * @store: the database
 * @hub_id: the hub whose year is submitted
 * @fiscal_year: the year shown first, usually the latest that has ended
 *
 * Returns: (transfer floating): a new dialog, not shown yet
 */
GtkWidget *
hubs_submit_dialog_new (GtkWindow  *parent,
                        HubsStore  *store,
                        const char *hub_id,
                        int         fiscal_year)
{
  HubsSubmitDialog *self;
  g_autoptr(HubsHub) hub = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  self = g_object_new (HUBS_TYPE_SUBMIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->hub_id = g_strdup (hub_id);
  hub = hubs_store_get_hub (store, hub_id, NULL);
  self->hub_name = g_strdup (hub != NULL ? hubs_i18n_pick (hub->name_ja, hub->name_en) : hub_id);
  adw_window_title_set_subtitle (self->title, self->hub_name);

  self->fiscal_year = CLAMP (fiscal_year, HUBS_FIRST_FISCAL_YEAR, HUBS_LAST_FISCAL_YEAR);
  adw_combo_row_set_selected (self->year_row, self->fiscal_year - HUBS_FIRST_FISCAL_YEAR);
  g_signal_connect_object (self->year_row, "notify::selected", G_CALLBACK (on_year_selected),
                           self, G_CONNECT_SWAPPED);
  refresh (self);

  return GTK_WIDGET (self);
}

/**
 * hubs_submit_dialog_get_fiscal_year:
 * @self: a #HubsSubmitDialog
 *
 * Returns: the fiscal year the dialog is about
 */
int
hubs_submit_dialog_get_fiscal_year (HubsSubmitDialog *self)
{
  g_return_val_if_fail (HUBS_IS_SUBMIT_DIALOG (self), 0);

  return self->fiscal_year;
}

/**
 * hubs_submit_dialog_set_fiscal_year:
 * @self: a #HubsSubmitDialog
 * @fiscal_year: a year of the plan, FY2025 to FY2029
 *
 * Shows what stands between that year and its submission, as picking it does.
 */
void
hubs_submit_dialog_set_fiscal_year (HubsSubmitDialog *self,
                                    int               fiscal_year)
{
  g_return_if_fail (HUBS_IS_SUBMIT_DIALOG (self));
  g_return_if_fail (fiscal_year >= HUBS_FIRST_FISCAL_YEAR &&
                    fiscal_year <= HUBS_LAST_FISCAL_YEAR);

  adw_combo_row_set_selected (self->year_row, fiscal_year - HUBS_FIRST_FISCAL_YEAR);
}

/**
 * hubs_submit_dialog_get_can_save:
 * @self: a #HubsSubmitDialog
 *
 * Returns: %TRUE when nothing blocks the year, every KPI far above plan is confirmed and the
 *   year is being entered (or was returned): Save is offered
 */
gboolean
hubs_submit_dialog_get_can_save (HubsSubmitDialog *self)
{
  g_return_val_if_fail (HUBS_IS_SUBMIT_DIALOG (self), FALSE);

  return self->can_become_submitted && self->n_blocking == 0 && self->n_to_confirm == 0 &&
         !self->saving && !hubs_store_is_read_only (self->store);
}

/* The submission being written: the dialog, and the file. */
typedef struct
{
  HubsSubmitDialog *dialog;
  char             *hub_id;
  int               fiscal_year;
  char             *path;
} Saving;

static void
saving_free (gpointer data)
{
  Saving *saving = data;

  g_object_unref (saving->dialog);
  g_free (saving->hub_id);
  g_free (saving->path);
  g_free (saving);
}

/* In the writer's thread on a shared database: the store's calls only. */
static gboolean
write_submission (HubsStore  *store,
                  gpointer    data,
                  GError    **error)
{
  Saving *saving = data;

  return hubs_submission_export (store, saving->hub_id, saving->fiscal_year, saving->path,
                                 error);
}

static void
on_submission_written (HubsStore    *store,
                       gpointer      data,
                       const GError *error,
                       gpointer      user_data)
{
  Saving *saving = data;
  HubsSubmitDialog *self = saving->dialog;
  g_autofree char *fy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Closed meanwhile: the year was still submitted (or refused), and the window shows it. */
  if (self->store == NULL)
    return;

  self->saving = FALSE;
  gtk_button_set_label (self->save_button, _("_Save…"));
  if (error != NULL)
    {
      refresh (self);
      show_status (self, error->message);
      return;
    }

  fy = hubs_format_fiscal_year (saving->fiscal_year, hubs_language_current ());
  name = g_path_get_basename (saving->path);
  /* Translators: a toast; %1$s is a fiscal year, %2$s a hub city, %3$s a file name */
  message = g_strdup_printf (_("%1$s of %2$s submitted and locked: send “%3$s” to the "
                               "Cabinet Office"), fy, self->hub_name, name);
  g_signal_emit (self, signals[SUBMITTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * hubs_submit_dialog_save_to:
 * @self: a #HubsSubmitDialog
 * @path: the submission file to write
 *
 * What Save does once the file is chosen: writes the submission and locks the year, then
 * emits #HubsSubmitDialog::submitted and closes. On a shared database the store's writer
 * does it while the dialog says so; on a file it is done before this returns. A refused
 * submission changes nothing; the dialog stays open and says why.
 */
void
hubs_submit_dialog_save_to (HubsSubmitDialog *self,
                            const char       *path)
{
  Saving *saving;

  g_return_if_fail (HUBS_IS_SUBMIT_DIALOG (self));
  g_return_if_fail (path != NULL);

  saving = g_new0 (Saving, 1);
  saving->dialog = g_object_ref (self);
  saving->hub_id = g_strdup (self->hub_id);
  saving->fiscal_year = self->fiscal_year;
  saving->path = g_strdup (path);
  self->saving = TRUE;
  update_save (self);
  show_status (self, NULL);
  gtk_button_set_label (self->save_button, _("Saving…"));
  hubs_store_write (self->store, write_submission, saving, saving_free, on_submission_written,
                    NULL);
}
