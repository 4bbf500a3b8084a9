/* hubs-restore-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Restore from Backup…": the snapshots beside the database, newest first, or any copy of a
 * Hubs database chosen from a file. Restoring asks first, and takes a snapshot of the
 * database as it is before replacing it, so a restore can itself be undone. Also the offer
 * to restore the latest backup when the database cannot be opened.
 */

#define G_LOG_DOMAIN "hubs-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-backup.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-restore-dialog.h"

struct _HubsRestoreDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *status_label;
  GtkListBox           *backups_list;

  /* Owned references */
  HubsStore            *store;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (HubsRestoreDialog, hubs_restore_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* As every moment is written: in Japan, to the minute. */
static char *
format_time (GDateTime *time)
{
  return hubs_format_moment (time, hubs_language_current ());
}

static void
show_error (HubsRestoreDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
reload (HubsRestoreDialog *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL)
    gtk_list_box_remove (self->backups_list, child);

  if (!(backups = hubs_backup_list (hubs_store_get_path (self->store), &error)))
    {
      show_error (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const HubsBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *when = format_time (info->time);
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *name = g_path_get_basename (info->path);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

      /* Translators: %1$s is a file name, %2$s its size */
      subtitle = g_strdup_printf (_("%1$s, %2$s"), name, size);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "restore.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->path);
      /* Translators: the tooltip of a Restore button; %s is the time of a backup */
      tooltip = g_strdup_printf (_("Restore the backup from %s"), when);
      gtk_widget_set_tooltip_text (button, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->backups_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack, backups->len > 0 ? "list" : "empty");
}

static void
restore (HubsRestoreDialog *self,
         const char        *path)
{
  g_autofree char *snapshot = NULL;
  g_autoptr(GError) error = NULL;

  if (!hubs_backup_restore (self->store, path, &snapshot, &error))
    {
      g_warning ("Restoring %s failed: %s", path, error->message);
      show_error (self, error->message);
      reload (self);
      return;
    }

  g_signal_emit (self, signals[RESTORED], 0, path, snapshot);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_confirm_response (HubsRestoreDialog *self,
                     const char        *response,
                     AdwMessageDialog  *dialog)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_str_equal (response, "restore"))
    restore (self, path);
}

/* Asks before replacing every figure; says which backup and that the current state is kept. */
static void
confirm (HubsRestoreDialog *self,
         const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  GtkWidget *dialog;

  if (!hubs_backup_check_file (path, &error))
    {
      show_error (self, error->message);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a backup file name */
                                  _("Every figure in the database will be replaced with those "
                                    "in “%s”. A backup of the database as it is now is taken "
                                    "first, so you can return to it."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  confirm (HUBS_RESTORE_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
on_chooser_response (HubsRestoreDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    confirm (self, path);

  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HubsRestoreDialog *self = HUBS_RESTORE_DIALOG (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = hubs_backup_get_dir (hubs_store_get_path (self->store));
  GtkFileFilter *filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Hubs databases"));
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  folder = g_file_new_for_path (dir);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
hubs_restore_dialog_constructed (GObject *object)
{
  HubsRestoreDialog *self = (HubsRestoreDialog *)object;

  G_OBJECT_CLASS (hubs_restore_dialog_parent_class)->constructed (object);

  reload (self);

  if (hubs_store_is_read_only (self->store))
    {
      show_error (self, _("The database is open for viewing only, so it cannot be restored "
                          "from a backup."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.restore", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.choose", FALSE);
    }
}

static void
hubs_restore_dialog_dispose (GObject *object)
{
  HubsRestoreDialog *self = (HubsRestoreDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (hubs_restore_dialog_parent_class)->dispose (object);
}

static void
hubs_restore_dialog_finalize (GObject *object)
{
  HubsRestoreDialog *self = (HubsRestoreDialog *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (hubs_restore_dialog_parent_class)->finalize (object);
}

static void
hubs_restore_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HubsRestoreDialog *self = HUBS_RESTORE_DIALOG (object);

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
hubs_restore_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HubsRestoreDialog *self = HUBS_RESTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_restore_dialog_class_init (HubsRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hubs_restore_dialog_constructed;
  object_class->dispose = hubs_restore_dialog_dispose;
  object_class->finalize = hubs_restore_dialog_finalize;
  object_class->get_property = hubs_restore_dialog_get_property;
  object_class->set_property = hubs_restore_dialog_set_property;

  /**
   * HubsRestoreDialog:store:
   *
   * The open database that a restore replaces.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HUBS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubsRestoreDialog::restored:
   * @self: a #HubsRestoreDialog
   * @backup_path: the backup that was restored
   * @snapshot_path: the snapshot of the database as it was before
   *
   * Emitted after the database was restored, just before the dialog closes.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HubsRestoreDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HubsRestoreDialog, backups_list);

  gtk_widget_class_install_action (widget_class, "restore.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "restore.choose", NULL, choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_restore_dialog_init (HubsRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hubs_restore_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the open database
 *
 * Returns: (transfer full): a new dialog listing the database's backups, not shown yet
 */
GtkWidget *
hubs_restore_dialog_new (GtkWindow *parent,
                         HubsStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  return g_object_new (HUBS_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * hubs_restore_offer_new:
 * @parent: (nullable): the window the dialog belongs to
 * @database_path: the database that could not be opened
 * @error: why it could not be opened
 * @backup_path: (out) (transfer full): the latest backup, which the offer is about
 *
 * Builds the question asked when the database cannot be opened: restore the latest
 * backup? The dialog has the responses "close" and "restore"; the caller restores with
 * hubs_backup_restore_file(), which keeps the damaged file.
 *
 * Returns: (transfer full) (nullable): the dialog, not shown yet, or %NULL when the
 *   database has no backup to offer
 */
GtkWidget *
hubs_restore_offer_new (GtkWindow     *parent,
                        const char    *database_path,
                        const GError  *error,
                        char         **backup_path)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autofree char *when = NULL;
  const HubsBackupInfo *latest;
  GtkWidget *dialog;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);

  *backup_path = NULL;

  if (!(backups = hubs_backup_list (database_path, &list_error)))
    {
      g_warning ("Listing the backups of %s failed: %s", database_path, list_error->message);
      return NULL;
    }

  if (backups->len == 0)
    return NULL;

  latest = g_ptr_array_index (backups, 0);
  when = format_time (latest->time);

  dialog = adw_message_dialog_new (parent, _("Restore the Latest Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %1$s says why the database could not be
                                   * opened; %2$s is the time of the latest backup */
                                  _("%1$s\n\nThe latest backup is from %2$s. Restore it? The "
                                    "damaged file is not changed: it is kept beside the new "
                                    "one under another name."),
                                  error->message, when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "restore", _("_Restore Backup"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  *backup_path = g_strdup (latest->path);

  return dialog;
}
