/* hubs-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: its command line (which works without a display), the database it opens,
 * and the main window.
 */

#define G_LOG_DOMAIN "hubs-application"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "hubs-application.h"
#include "hubs-about.h"
#include "hubs-author.h"
#include "hubs-backup.h"
#include "hubs-cli.h"
#include "hubs-connect-dialog.h"
#include "hubs-import-dialog.h"
#include "hubs-place-warning.h"
#include "hubs-preferences-window.h"
#include "hubs-recent.h"
#include "hubs-restore-dialog.h"
#include "hubs-store-writer.h"
#include "hubs-window.h"

struct _HubsApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  HubsStore      *store;
  GError         *store_error;
  char           *database_path;
  char           *pending_restore;
  /* Stops the work on the database that runs in worker threads, on quit. */
  GCancellable   *cancellable;

  /* State */
  /* Quitting (or starting again on leave_path, when relaunching) once the saves a shared
   * database's writer still makes have ended. */
  gboolean        leaving;
  gboolean        leave_relaunch;
  char           *leave_path;
};

G_DEFINE_FINAL_TYPE (HubsApplication, hubs_application, ADW_TYPE_APPLICATION)

static int
hubs_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  HubsApplication *self = HUBS_APPLICATION (application);
  int exit_status;

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);

  if (hubs_cli_handle (options, self->database_path, &exit_status))
    return exit_status;

  if (!gtk_init_check ())
    {
      hubs_cli_print_error (_("There is no graphical display to show the window on. Start "
                              "Hubs from a desktop session, or give it a virtual display with "
                              "“xvfb-run -a hubs”. The command-line options (see “hubs "
                              "--help”) work without a display."));
      return 1;
    }

  /* Open now so the terminal gets the message too; the window shows it as well. The full
   * check for damage runs once the window is up (see HubsWindow), and before any write. */
  if (!(self->store = hubs_cli_open_store (self->database_path, HUBS_STORE_OPEN_DEFER_CHECK,
                                           &self->store_error)))
    hubs_cli_print_error (self->store_error->message);
  else
    {
      g_autoptr(GSettings) settings = hubs_author_get_settings ();

      /* The one place the list of recent databases grows: a database the window opens. */
      hubs_recent_add (settings, hubs_store_get_path (self->store));
    }

  return -1;
}

static char *
get_database_path (HubsApplication *self)
{
  return self->database_path != NULL ? g_strdup (self->database_path)
                                     : hubs_store_default_path ();
}

static void
toast (GtkWindow  *window,
       const char *message)
{
  if (window != NULL && HUBS_IS_WINDOW (window))
    hubs_window_add_toast (HUBS_WINDOW (window), message, FALSE);
}

/* The restore the user accepted, once the damaged database is closed: SQLite deletes a
 * database's -wal by name when it closes, so the damaged file must be closed before a
 * restored one takes its name. */
static gboolean
restore_when_closed (gpointer data)
{
  HubsApplication *self = data;
  g_autofree char *path = get_database_path (self);
  g_autofree char *backup = g_steal_pointer (&self->pending_restore);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!hubs_backup_restore_file (path, backup, &aside, &error))
    g_warning ("Restoring %s from %s failed: %s", path, backup, error->message);
  else if (!(self->store = hubs_cli_open_store (self->database_path, HUBS_STORE_OPEN_DEFAULT,
                                                &error)))
    g_warning ("Opening the restored %s failed: %s", path, error->message);

  g_clear_error (&self->store_error);
  window = GTK_WINDOW (hubs_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);

  if (error != NULL)
    {
      hubs_window_show_error (HUBS_WINDOW (window), error);
      self->store_error = g_steal_pointer (&error);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the file the damaged database was renamed to */
      message = g_strdup_printf (_("The latest backup was restored. The damaged database is "
                                   "kept as “%s”."),
                                 aside != NULL ? aside : path);
      toast (window, message);
    }

  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
on_store_finalized (gpointer  data,
                    GObject  *where_the_store_was)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, restore_when_closed, g_object_ref (data), g_object_unref);
}

static void
on_offer_response (HubsApplication  *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  HubsStore *store;

  if (!g_str_equal (response, "restore"))
    return;

  store = g_steal_pointer (&self->store);
  g_free (self->pending_restore);
  self->pending_restore = g_strdup (g_object_get_data (G_OBJECT (dialog), "backup-path"));

  /* Keep running while there is no window; the new one comes with the restored database. */
  g_application_hold (G_APPLICATION (self));
  if (window != NULL)
    {
      /* The dialog outlives this handler: it must not point at a destroyed window. */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      gtk_window_destroy (window);
    }

  if (store != NULL)
    {
      g_object_weak_ref (G_OBJECT (store), on_store_finalized, self);
      g_object_unref (store);
    }
  else
    on_store_finalized (self, NULL);
}

static void
offer_restore (HubsApplication *self,
               GtkWindow       *window,
               const GError    *error)
{
  g_autofree char *path = get_database_path (self);
  g_autofree char *backup = NULL;
  GtkWidget *dialog;

  if (!g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT) &&
      !g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS))
    return;

  if (!(dialog = hubs_restore_offer_new (window, path, error, &backup)))
    return;

  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&backup), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_daily_backup (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(HubsApplication) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *window;

  if (hubs_backup_snapshot_daily_finish (HUBS_STORE (source), result, NULL, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_warning ("The daily backup failed: %s", error->message);
  /* Translators: %s says why */
  message = g_strdup_printf (_("Today’s backup of the database could not be taken: %s"),
                             error->message);
  toast (window, message);
}

/* Offer a restore if the file is damaged, else take the day's snapshot, which must never be
 * of a damaged file. */
static void
on_store_checked (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(HubsApplication) self = data;
  g_autoptr(GError) error = NULL;
  HubsStore *store = HUBS_STORE (source);

  if (!hubs_store_verify_finish (store, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        offer_restore (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                       error);
      return;
    }

  if (store != self->store || g_cancellable_is_cancelled (self->cancellable))
    return;

  hubs_backup_snapshot_daily_async (store, HUBS_BACKUP_KEEP, self->cancellable,
                                    on_daily_backup, g_object_ref (self));
}

/* After the window is up: the check of a store opened with HUBS_STORE_OPEN_DEFER_CHECK (the
 * window asks for it too; both share one check) and the daily backup both read the whole
 * file, so both run in worker threads. */
static gboolean
check_store_idle (gpointer data)
{
  HubsApplication *self = data;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  hubs_store_verify_async (self->store, self->cancellable, on_store_checked,
                           g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* For tests/bench-startup.c only, and off unless HUBS_BENCH_FIRST_FRAME_FD is set: when the
 * first window has painted its first frame, writes g_get_monotonic_time() (microseconds, the
 * clock every process shares) as a line to that file descriptor, closes it, and quits. */
static void
bench_on_after_paint (GdkFrameClock *clock,
                      GApplication  *application)
{
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  int fd = atoi (g_getenv ("HUBS_BENCH_FIRST_FRAME_FD"));

  g_signal_handlers_disconnect_by_func (clock, bench_on_after_paint, application);
  if (write (fd, line, strlen (line)) < 0)
    g_warning ("HUBS_BENCH_FIRST_FRAME_FD: %s", g_strerror (errno));
  close (fd);
  g_application_quit (application);
}

static void
bench_on_map (GtkWidget    *window,
              GApplication *application)
{
  g_signal_handlers_disconnect_by_func (window, bench_on_map, application);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_on_after_paint), application);
}

static void
hubs_application_activate (GApplication *application)
{
  HubsApplication *self = HUBS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (hubs_window_new (GTK_APPLICATION (self), self->store));
      if (g_getenv ("HUBS_BENCH_FIRST_FRAME_FD") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (bench_on_map), self);
      if (self->store_error != NULL)
        hubs_window_show_error (HUBS_WINDOW (window), self->store_error);

      gtk_window_present (window);

      if (self->store_error != NULL)
        offer_restore (self, window, self->store_error);
      else
        g_idle_add_full (G_PRIORITY_LOW + 10, check_store_idle, g_object_ref (self),
                         g_object_unref);

      hubs_place_warning_present (window, self->store);
    }

  gtk_window_present (window);
}

/* Saves what is typed in every window's fields and not saved yet, as closing a window does.
 * Returns the first window holding a figure that cannot be saved, or NULL. */
static GtkWindow *
save_typed (HubsApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (HUBS_IS_WINDOW (l->data) && !hubs_window_save_typed (l->data))
      return l->data;

  return NULL;
}

/* A figure that cannot be saved (its field says why) stays for the user to fix, or to leave
 * without. Returns: %TRUE when there was one and the user is asked. */
static gboolean
ask_about_unsaved (HubsApplication *self,
                   GtkWindow       *unsaved)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       unsaved == NULL && l != NULL; l = l->next)
    if (HUBS_IS_WINDOW (l->data) && hubs_window_find_unsaved (l->data) != NULL)
      unsaved = l->data;

  if (unsaved == NULL)
    return FALSE;

  gtk_window_present (unsaved);
  hubs_window_ask_to_leave (HUBS_WINDOW (unsaved), TRUE);

  return TRUE;
}

static void leave (HubsApplication *self);
static void relaunch_now (HubsApplication *self,
                          const char      *database_path);

static void
on_writing_changed (HubsStore       *store,
                    GParamSpec      *pspec,
                    HubsApplication *self)
{
  if (hubs_store_get_writing (store))
    return;

  g_signal_handlers_disconnect_by_func (store, on_writing_changed, self);
  leave (self);
}

/* Quits or starts again, as asked, once nothing typed is left unsaved: on a shared database
 * the saves end later, and one may fail (the server gone), so this waits for them and then
 * looks again, without saving anything a second time. */
static void
leave (HubsApplication *self)
{
  if (!self->leaving)
    return;

  if (self->store != NULL && hubs_store_get_writing (self->store))
    {
      g_signal_handlers_disconnect_by_func (self->store, on_writing_changed, self);
      g_signal_connect (self->store, "notify::writing", G_CALLBACK (on_writing_changed), self);
      return;
    }

  self->leaving = FALSE;
  if (ask_about_unsaved (self, NULL))
    return;

  if (self->leave_relaunch)
    relaunch_now (self, self->leave_path);
  else
    g_application_quit (G_APPLICATION (self));
}

/* Saves what is typed in every window, then quits (@relaunch FALSE) or starts again on
 * @database_path. */
static void
save_and_leave (HubsApplication *self,
                gboolean         relaunch,
                const char      *database_path)
{
  GtkWindow *unsaved = save_typed (self);

  if (unsaved != NULL)
    {
      ask_about_unsaved (self, unsaved);
      return;
    }

  self->leaving = TRUE;
  self->leave_relaunch = relaunch;
  g_free (self->leave_path);
  self->leave_path = g_strdup (database_path);
  leave (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save_and_leave (HUBS_APPLICATION (user_data), FALSE, NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  hubs_about_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hubs_preferences_window_new (parent)));
}

/* Starts a new Hubs on @database_path (NULL: the default database), then quits this one;
 * see relaunch(). */
static void
relaunch_now (HubsApplication *self,
              const char      *database_path)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_ptr_array_add (argv, g_file_read_link ("/proc/self/exe", NULL));
  if (database_path != NULL)
    g_ptr_array_add (argv, g_strconcat ("--database=", database_path, NULL));
  g_ptr_array_add (argv, NULL);

  if (argv->pdata[0] == NULL ||
      !g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                      &error))
    {
      if (window != NULL && HUBS_IS_WINDOW (window))
        hubs_window_add_toast (HUBS_WINDOW (window),
                               error ? error->message : _("Hubs could not restart itself."),
                               FALSE);
      return;
    }

  g_application_quit (G_APPLICATION (self));
}

/* Starts a new Hubs on @database_path (NULL: the default database), then quits this one:
 * every figure typed is saved first, so nothing is lost. */
static void
relaunch (HubsApplication *self,
          const char      *database_path)
{
  save_and_leave (self, TRUE, database_path);
}

static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HubsApplication *self = HUBS_APPLICATION (user_data);

  relaunch (self, self->database_path);
}

static void
on_open_database_response (GtkNativeDialog *chooser,
                           int              response,
                           HubsApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    relaunch (self, path);

  g_object_unref (chooser);
}

/* Another database file, in a new Hubs: this one has none open (it was damaged) or shows
 * another. */
static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HubsApplication *self = HUBS_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Database"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Hubs databases"));
  gtk_file_filter_add_pattern (filter, "*.sqlite3");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_database_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A database named by its path or address (a recent one, or the Connect dialog's), in a new
 * Hubs. */
static void
open_database_at_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  relaunch (HUBS_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
connect_database_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hubs_connect_dialog_new (window)));
}

static void
on_imported (GtkWindow  *window,
             guint       n_figures,
             const char *backup_path)
{
  g_autofree char *message =
    /* Translators: a toast after an import; short, or the toast cuts it off */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "Imported %u figure (backed up first)",
                                  "Imported %u figures (backed up first)",
                                  n_figures),
                     n_figures);

  toast (window, message);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  HubsApplication *self = HUBS_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    {
      toast (window, _("No database is open, so there is nothing to import into."));
      return;
    }

  dialog = hubs_import_dialog_new (window, self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restored (GtkWindow  *window,
             const char *backup_path,
             const char *snapshot_path)
{
  /* Translators: a toast after a restore; short, or the toast cuts it off */
  toast (window, _("Backup restored (the state before is kept)"));
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HubsApplication *self = HUBS_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    {
      if (self->store_error != NULL)
        offer_restore (self, window, self->store_error);
      else
        toast (window, _("No database is open, so there is nothing to restore."));
      return;
    }

  dialog = hubs_restore_dialog_new (window, self->store);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_restored), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "import", import_action },
  { "restore-backup", restore_backup_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "restart", restart_action },
  { "open-database", open_database_action },
  { "open-database-at", open_database_at_action, "s" },
  { "connect-database", connect_database_action },
};

static void
hubs_application_startup (GApplication *application)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hubs_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

/* Quitting leaves the database file complete on its own: staff copy that one file. */
static void
hubs_application_shutdown (GApplication *application)
{
  HubsApplication *self = HUBS_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GList *windows;

  g_cancellable_cancel (self->cancellable);

  /* A save a shared database's writer still makes ends first (within the network's bounds,
   * see hubs-db-pg.c), so that quitting never cuts one off half-way. */
  while (self->store != NULL && hubs_store_get_writing (self->store))
    g_main_context_iteration (NULL, TRUE);

  /* Ctrl+Q leaves the windows open, and they hold the store: they go first, so nothing is
   * written after the checkpoint and the store closes with the last reference. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  /* Even if something still holds the store, the main file has every change. */
  if (self->store != NULL && !hubs_store_checkpoint (self->store, &error))
    g_warning ("Copying the changes into %s failed: %s", hubs_store_get_path (self->store),
               error->message);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (hubs_application_parent_class)->shutdown (application);
}

static void
hubs_application_finalize (GObject *object)
{
  HubsApplication *self = (HubsApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->leave_path, g_free);
  g_clear_pointer (&self->pending_restore, g_free);

  G_OBJECT_CLASS (hubs_application_parent_class)->finalize (object);
}

static void
hubs_application_class_init (HubsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hubs_application_finalize;

  app_class->handle_local_options = hubs_application_handle_local_options;
  app_class->activate = hubs_application_activate;
  app_class->startup = hubs_application_startup;
  app_class->shutdown = hubs_application_shutdown;
}

static void
hubs_application_init (HubsApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         hubs_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Track the KPIs of the startup ecosystem hub "
                                              "cities."));
}

/**
 * hubs_application_new:
 *
 * Returns: (transfer full): the application
 */
HubsApplication *
hubs_application_new (void)
{
  /* One process per database: a second window on another --database must not be handed to
   * the first instance. */
  return g_object_new (HUBS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/com/example/Hubs",
                       NULL);
}

/**
 * hubs_application_get_store:
 * @self: a #HubsApplication
 *
 * Returns: (transfer none) (nullable): the open database
 */
HubsStore *
hubs_application_get_store (HubsApplication *self)
{
  g_return_val_if_fail (HUBS_IS_APPLICATION (self), NULL);

  return self->store;
}
