/* test-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connect to a Shared Database… and the window's page when the server cannot be reached at
 * start-up, in the language of the run, with screenshots: the dialog refuses an address
 * that is not a shared database's or holds a password, saying why and starting nothing, lists
 * the shared databases opened before and hands a good address to the application; the
 * start-up page says which server cannot be reached and why, and offers the recent files
 * that still exist, one button each.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-connect-dialog.h"
#include "hubs-i18n.h"
#include "hubs-recent.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"
#include "hubs-window.h"

static const char *
lang (void)
{
  return hubs_language_current () == HUBS_LANGUAGE_JA ? "ja" : "en";
}

static void
on_open_database_at (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  char **opened = data;

  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

static gboolean
is_visible_label_with (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_action_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget);
}

static GtkEditable *
address_field (GtkWidget *dialog)
{
  GtkWidget *row = hubs_test_find_first (dialog, hubs_test_is_of_type,
                                         GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));

  g_assert_nonnull (row);

  return GTK_EDITABLE (row);
}

/* Types @address and presses Enter; the dialog must refuse it with @message. */
static void
assert_refused (GtkWidget   *dialog,
                const char  *address,
                const char  *message,
                char       **opened)
{
  gtk_editable_set_text (address_field (dialog), address);
  g_assert_true (gtk_widget_activate_action (dialog, "connect.connect", NULL));
  g_assert_null (*opened);
  g_assert_true (gtk_widget_get_visible (dialog));
  if (hubs_test_find_first (dialog, is_visible_label_with, message) == NULL)
    g_error ("The dialog does not say “%s” for “%s”", message, address);
}

static void
test_connect_dialog (void)
{
  static const char * const recent[] = {
    "postgresql://yamada@db.example.jp/hubs", "/nonexistent/old.sqlite3",
    "postgresql:///hubs?host=/run/postgresql", NULL
  };
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_at = g_simple_action_new ("open-database-at",
                                                          G_VARIANT_TYPE_STRING);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *opened = NULL;
  g_autofree char *not_shared = NULL;
  g_autofree char *shot = g_strdup_printf ("connect-dialog-%s", lang ());
  GtkWidget *parent;
  GtkWidget *dialog;

  g_assert_true (g_settings_set_strv (settings, "recent-databases", recent));

  /* The application's action, as the dialog finds it from its window. */
  g_signal_connect (open_at, "activate", G_CALLBACK (on_open_database_at), &opened);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (open_at));
  parent = gtk_window_new ();
  gtk_widget_insert_action_group (parent, "app", G_ACTION_GROUP (app));
  gtk_window_present (GTK_WINDOW (parent));

  dialog = hubs_connect_dialog_new (GTK_WINDOW (parent));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  hubs_test_wait_frames (dialog, 3);

  /* The shared databases opened before, newest first and filled in; not the files. */
  hubs_test_collect (dialog, is_action_row, NULL, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, recent[0]);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==, recent[2]);
  g_assert_cmpstr (gtk_editable_get_text (address_field (dialog)), ==, recent[0]);

  assert_refused (dialog, "", _("Type the address of the shared database first."), &opened);
  not_shared = g_strdup_printf (_("“%s” is not the address of a shared database. It starts "
                                  "with postgresql://, as in postgresql://name@server/hubs."),
                                "hubs.sqlite3");
  assert_refused (dialog, "hubs.sqlite3", not_shared, &opened);
  assert_refused (dialog, "postgresql://yamada:secret@db.example.jp/hubs",
                  _("The address of the shared database contains a password. Remove it "
                    "from the address and keep it in the PGPASSWORD environment variable or "
                    "in ~/.pgpass instead."), &opened);
  hubs_test_wait_frames (dialog, 2);
  g_free (hubs_test_save_screenshot (dialog, shot));

  /* Typing again takes the message away. */
  gtk_editable_set_text (address_field (dialog), "postgresql://");
  g_assert_null (hubs_test_find_first (dialog, is_visible_label_with,
                                       _("The address of the shared database contains a "
                                         "password. Remove it from the address and keep it in "
                                         "the PGPASSWORD environment variable or in ~/.pgpass "
                                         "instead.")));

  /* A recent one, chosen: handed to the application, and the dialog goes. */
  g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[1]), "row-activated", rows->pdata[1]);
  g_assert_cmpstr (opened, ==, recent[2]);
  g_assert_null (dialog);

  gtk_window_destroy (GTK_WINDOW (parent));
  g_settings_reset (settings, "recent-databases");
}

static void
test_start_unreachable (void)
{
  static const GActionEntry other_actions[] = {
    { "restart" }, { "open-database" }, { "restore-backup" },
  };
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *kept = hubs_test_path (dir, "hubs.sqlite3");
  g_autofree char *gone = hubs_test_path (dir, "gone.sqlite3");
  g_autofree char *open_kept = NULL;
  g_autofree char *open_gone = NULL;
  g_autofree char *shot = g_strdup_printf ("start-unreachable-%s", lang ());
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_at = g_simple_action_new ("open-database-at",
                                                          G_VARIANT_TYPE_STRING);
  g_autofree char *opened = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *target;
  HubsStore *store;
  HubsWindow *window;
  GtkWidget *button;
  GtkWidget *page;

  /* What the application does with --database=URI when nothing listens there. */
  store = hubs_store_open ("postgresql:///nope?host=/nonexistent", HUBS_STORE_OPEN_DEFAULT,
                           &error);
  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "/nonexistent"));

  store = hubs_test_open_store (kept, HUBS_STORE_OPEN_DEFAULT);
  g_assert_finalize_object (store);
  hubs_recent_add (settings, gone);
  hubs_recent_add (settings, "postgresql:///nope?host=/nonexistent");
  hubs_recent_add (settings, kept);

  window = hubs_window_new (NULL, NULL);
  /* The application's actions the page's buttons name. */
  g_signal_connect (open_at, "activate", G_CALLBACK (on_open_database_at), &opened);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (open_at));
  g_action_map_add_action_entries (G_ACTION_MAP (app), other_actions,
                                   G_N_ELEMENTS (other_actions), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  hubs_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
  hubs_test_wait_frames (GTK_WIDGET (window), 3);
  g_free (hubs_test_save_screenshot (GTK_WIDGET (window), shot));

  page = hubs_test_find_first (GTK_WIDGET (window), hubs_test_is_of_type,
                               GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (hubs_test_find_label_containing (page,
                                                  _("The Server Cannot Be Reached")));
  g_assert_true (hubs_test_find_label_containing (page, error->message));

  button = hubs_test_find_first (page, is_button_with_label, _("_Try Again"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.restart");

  /* The recent file that exists is offered, and opens as the application's action does. */
  open_kept = g_strdup_printf (_("Open “%s”"), "hubs.sqlite3");
  button = hubs_test_find_first (page, is_button_with_label, open_kept);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "app.open-database-at");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, kept);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (opened, ==, kept);

  /* One that is gone is not, nor is the restore of a backup (there is no file). */
  open_gone = g_strdup_printf (_("Open “%s”"), "gone.sqlite3");
  g_assert_null (hubs_test_find_first (page, is_button_with_label, open_gone));
  button = hubs_test_find_first (page, is_button_with_label,
                                 _("_Restore from Backup…"));
  g_assert_false (gtk_widget_is_visible (button));
  button = hubs_test_find_first (page, is_button_with_label,
                                 _("_Open Another Database…"));
  g_assert_true (gtk_widget_is_visible (button));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "recent-databases");
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/connect-dialog/refuses-and-connects", test_connect_dialog);
  g_test_add_func ("/hubs/connect-dialog/start-unreachable", test_start_unreachable);

  return g_test_run ();
}
