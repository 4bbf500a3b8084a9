/* test-place-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's warning about a database file on a network or synchronised drive, on a real
 * file system in user space (bindfs, as FUSE cloud folders and sshfs are), in the language
 * of the run, with its screenshot.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-place-warning.h"
#include "hubs-test-gtk.h"
#include "hubs-test-util.h"

static void
run_or_fail (const char * const *argv)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

static void
test_network_drive (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *real = g_build_filename (dir, "real", NULL);
  g_autofree char *mount = g_build_filename (dir, "shared-drive", NULL);
  g_autofree char *path = g_build_filename (mount, "hubs.sqlite3", NULL);
  g_autofree char *local_path = g_build_filename (dir, "local.sqlite3", NULL);
  g_autofree char *name = g_strdup_printf ("place-warning-%s",
                                           g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "ja")
                                           ? "ja" : "en");
  g_autofree char *warning = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsStore) local = NULL;
  const char *bindfs[] = { "bindfs", real, mount, NULL };
  const char *unmount[] = { "fusermount", "-u", mount, NULL };
  g_autofree char *bindfs_path = g_find_program_in_path ("bindfs");
  GtkWidget *window;
  GtkWidget *dialog;
  const char *body;

  if (bindfs_path == NULL)
    g_error ("This test needs bindfs (build-aux/deps.sh installs it)");

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (mount, 0755), ==, 0);
  run_or_fail (bindfs);

  store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  warning = hubs_store_get_warning (store);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));

  dialog = hubs_place_warning_present (GTK_WINDOW (window), store);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Database on a Network Drive"));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (body, ==, warning);
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "FUSE"));
  g_assert_nonnull (strstr (body, "PostgreSQL"));

  hubs_test_wait_frames (dialog, 3);
  g_free (hubs_test_save_screenshot (dialog, name));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  hubs_test_spin (50);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  run_or_fail (unmount);

  /* A file on the local disk says nothing. */
  local = hubs_test_open_store (local_path, HUBS_STORE_OPEN_DEFAULT);
  window = adw_window_new ();
  g_assert_null (hubs_place_warning_present (GTK_WINDOW (window), local));
  gtk_window_destroy (GTK_WINDOW (window));

  g_clear_object (&local);
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hubs_test_gtk_init (&argc, &argv);

  g_test_add_func ("/hubs/place-warning/network-drive", test_network_drive);

  return g_test_run ();
}
