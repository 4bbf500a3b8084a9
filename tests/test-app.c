/* test-app.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole application on a damaged database: it shows the damage, offers the latest
 * backup, restores it when asked, and keeps the damaged file aside. And on a sound one:
 * after quitting, the database file alone holds every figure typed.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-application.h"
#include "hubs-author.h"
#include "hubs-backup.h"
#include "hubs-figure-row.h"
#include "hubs-kpi-editor.h"
#include "hubs-recent.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

typedef struct
{
  HubsApplication *app;
  guint            n_windows;
  gboolean         offered;
  gboolean         restored_value_shown;
} Run;

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
drive_idle (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  gint64 deadline = hubs_test_deadline (10);
  AdwMessageDialog *dialog = NULL;

  if (window == NULL)
    return G_SOURCE_CONTINUE;

  if (run->n_windows == 1)
    {
      /* The damage is found after the window shows, and a restore is offered. */
      while (!(dialog = find_message_dialog ()))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, FALSE);
        }
      run->offered = TRUE;
      g_free (hubs_test_save_screenshot (GTK_WIDGET (dialog), "app-restore-offer"));
      adw_message_dialog_response (dialog, "restore");
      return G_SOURCE_REMOVE;
    }

  /* The second window shows the restored database. */
  {
    HubsStore *store = hubs_window_get_store (HUBS_WINDOW (window));
    g_autoptr(HubsFigure) figure = NULL;

    g_assert_nonnull (store);
    figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
    g_assert_nonnull (figure);
    run->restored_value_shown = figure->value == 160;
  }

  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (!HUBS_IS_WINDOW (window))
    return;

  run->n_windows++;
  g_timeout_add (200, drive_idle, run);
}

static void
scribble_after_schema (const char *path)
{
  g_autoptr(GBytes) bytes = hubs_test_read_bytes (path);
  gsize len = g_bytes_get_size (bytes);
  g_autofree guint8 *damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

  for (gsize i = 8192; i < len; i++)
    damaged[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, (const char *) damaged, len, NULL));
}

static void
test_restore_offer (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  char *argv[] = { (char *) "hubs", db_arg, NULL };
  Run run = { 0 };
  gboolean kept_aside = FALSE;
  const char *name;

  /* A database with one figure, and a backup of it. */
  {
    g_autoptr(HubsStore) store = hubs_store_open (db, HUBS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(HubsFigure) figure = hubs_figure_new ();
    g_autofree char *backup = NULL;

    g_assert_no_error (error);
    figure->kpi_id = g_strdup ("sapporo/startups");
    figure->fiscal_year = 2025;
    figure->kind = HUBS_FIGURE_ACTUAL;
    figure->measured = TRUE;
    figure->value = 160;
    g_assert_true (hubs_store_set_figure (store, figure, &error));
    backup = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
    g_assert_no_error (error);
    g_assert_nonnull (backup);
  }

  scribble_after_schema (db);

  run.app = hubs_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 2, argv), ==, 0);
  g_clear_object (&run.app);

  g_assert_true (run.offered);
  g_assert_cmpuint (run.n_windows, ==, 2);
  g_assert_true (run.restored_value_shown);

  /* The damaged file is kept, renamed, never deleted. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (strstr (name, "damaged") != NULL)
      kept_aside = TRUE;
  g_assert_true (kept_aside);

  hubs_test_remove_dir (dir);
}

typedef struct
{
  HubsApplication *app;
  gboolean         close_window;
  gboolean         typed;
  gboolean         written;
} QuitRun;

/* Types a figure through the window's store, or into its field without Enter, then quits as
 * a person does. */
static gboolean
write_and_quit_idle (gpointer data)
{
  QuitRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    return G_SOURCE_CONTINUE;

  if (run->typed)
    {
      /* Typed into the field, without Enter, the cursor still in it. */
      GtkWidget *editor = hubs_window_get_kpi_editor (HUBS_WINDOW (window));
      GtkWidget *row;
      GtkEditable *entry;

      g_assert_true (hubs_window_select_hub (HUBS_WINDOW (window), "sapporo"));
      g_assert_true (hubs_window_open_kpi (HUBS_WINDOW (window), "sapporo/startups"));
      hubs_test_wait_frames (GTK_WIDGET (window), 1);
      row = hubs_kpi_editor_find_figure_row (HUBS_KPI_EDITOR (editor), 2025, HUBS_FIGURE_ACTUAL);
      entry = hubs_figure_row_get_entry (HUBS_FIGURE_ROW (row));
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      gtk_editable_set_text (entry, "171");
      run->written = TRUE;
    }
  else
    {
      figure->kpi_id = g_strdup ("sapporo/startups");
      figure->fiscal_year = 2025;
      figure->kind = HUBS_FIGURE_ACTUAL;
      figure->measured = TRUE;
      figure->value = 171;
      run->written = hubs_store_set_figure (hubs_window_get_store (HUBS_WINDOW (window)),
                                            figure, &error);
      g_assert_no_error (error);
    }

  if (run->close_window)
    gtk_window_close (window);
  else
    g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_quit_window_added (GtkApplication *app,
                      GtkWindow      *window,
                      QuitRun        *run)
{
  if (HUBS_IS_WINDOW (window))
    g_timeout_add (200, write_and_quit_idle, run);
}

static void
test_quit_leaves_main_file (gconstpointer data)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autofree char *usb = hubs_test_make_dir ();
  g_autofree char *copy = hubs_test_path (usb, "hubs.sqlite3");
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "hubs", db_arg, NULL };
  QuitRun run = { .close_window = GPOINTER_TO_INT (data) & 1,
                  .typed = (GPOINTER_TO_INT (data) & 2) != 0 };

  g_object_unref (hubs_test_open_store (db, HUBS_STORE_OPEN_DEFAULT));

  run.app = hubs_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_quit_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 2, argv), ==, 0);
  g_assert_true (run.written);

  /* Only the main file goes on the USB stick, while the application object still lives. */
  bytes = hubs_test_read_bytes (db);
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_clear_object (&run.app);

  store = hubs_store_open (copy, HUBS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  figure = hubs_store_get_figure (store, "sapporo/startups", 2025, HUBS_FIGURE_ACTUAL, NULL);
  g_assert_nonnull (figure);
  g_assert_cmpfloat (figure->value, ==, 171);

  g_clear_object (&store);
  hubs_test_remove_dir (usb);
  hubs_test_remove_dir (dir);
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

typedef struct
{
  HubsApplication *app;
  gboolean         offered;
} UnreachableRun;

static gboolean
look_and_quit_idle (gpointer data)
{
  UnreachableRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  g_autofree char *open_recent = g_strdup_printf (_("Open “%s”"), "hubs.sqlite3");
  GtkWidget *button;

  if (window == NULL)
    return G_SOURCE_CONTINUE;

  if (hubs_window_get_store (HUBS_WINDOW (window)) == NULL)
    {
      hubs_test_wait_frames (GTK_WIDGET (window), 2);
      g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window),
                                                      _("The Server Cannot Be Reached")));
      g_assert_true (hubs_test_find_label_containing (GTK_WIDGET (window), "/nonexistent"));
      g_assert_nonnull (hubs_test_find_first (GTK_WIDGET (window), is_button_with_label,
                                              _("_Try Again")));
      button = hubs_test_find_first (GTK_WIDGET (window), is_button_with_label, open_recent);
      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_sensitive (button));
      run->offered = TRUE;
    }

  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static void
on_unreachable_window_added (GtkApplication *app,
                             GtkWindow      *window,
                             UnreachableRun *run)
{
  if (HUBS_IS_WINDOW (window))
    g_timeout_add (200, look_and_quit_idle, run);
}

/* A database the application opens goes first in the recent list; a server that cannot be
 * reached at start-up is said so, with the recent files offered, and is not listed. */
static void
test_start_unreachable (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *db = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *db_arg = g_strconcat ("--database=", db, NULL);
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_auto(GStrv) recent = NULL;
  char *file_argv[] = { (char *) "hubs", db_arg, NULL };
  char *server_argv[] = { (char *) "hubs",
                          (char *) "--database=postgresql:///nope?host=/nonexistent", NULL };
  UnreachableRun run = { 0 };

  g_settings_reset (settings, "recent-databases");

  run.app = hubs_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_unreachable_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 2, file_argv), ==, 0);
  g_clear_object (&run.app);
  g_assert_false (run.offered);
  recent = hubs_recent_list (settings);
  g_assert_cmpstr (recent[0], ==, db);
  g_clear_pointer (&recent, g_strfreev);

  run.app = hubs_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_unreachable_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 2, server_argv), ==, 0);
  g_clear_object (&run.app);
  g_assert_true (run.offered);
  recent = hubs_recent_list (settings);
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, db);

  g_settings_reset (settings, "recent-databases");
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/app/restore-offer", test_restore_offer);
  g_test_add_func ("/hubs/app/start-unreachable", test_start_unreachable);
  g_test_add_data_func ("/hubs/app/quit-leaves-main-file-complete", GINT_TO_POINTER (FALSE),
                        test_quit_leaves_main_file);
  g_test_add_data_func ("/hubs/app/close-leaves-main-file-complete", GINT_TO_POINTER (TRUE),
                        test_quit_leaves_main_file);
  /* A figure typed without Enter is saved whichever way the window goes. */
  g_test_add_data_func ("/hubs/app/quit-saves-typed-figure", GINT_TO_POINTER (2),
                        test_quit_leaves_main_file);
  g_test_add_data_func ("/hubs/app/close-saves-typed-figure", GINT_TO_POINTER (3),
                        test_quit_leaves_main_file);

  return g_test_run ();
}
