/* test-recent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of recent databases (hubs-recent.c): newest first, each once, at most
 * HUBS_RECENT_MAX, files by their absolute path, never an address with a password; and the
 * files among them that still exist.
 */

#include "config.h"

#include <locale.h>

#include "hubs-author.h"
#include "hubs-recent.h"
#include "hubs-test-util.h"

static void
test_newest_first_once (void)
{
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_auto(GStrv) list = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *relative = g_build_filename (cwd, "here.sqlite3", NULL);

  g_assert_nonnull (settings);
  g_settings_reset (settings, "recent-databases");

  hubs_recent_add (settings, "/srv/a.sqlite3");
  hubs_recent_add (settings, "postgresql://yamada@db.example.jp/hubs");
  hubs_recent_add (settings, "here.sqlite3");
  hubs_recent_add (settings, "/srv/a.sqlite3");
  /* A password is never kept, even in the settings. */
  hubs_recent_add (settings, "postgresql://yamada:secret@db.example.jp/hubs");

  list = hubs_recent_list (settings);
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[0], ==, "/srv/a.sqlite3");
  g_assert_cmpstr (list[1], ==, relative);
  g_assert_cmpstr (list[2], ==, "postgresql://yamada@db.example.jp/hubs");

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/srv/%u.sqlite3", i);

      hubs_recent_add (settings, path);
    }
  g_clear_pointer (&list, g_strfreev);
  list = hubs_recent_list (settings);
  g_assert_cmpuint (g_strv_length (list), ==, HUBS_RECENT_MAX);
  g_assert_cmpstr (list[0], ==, "/srv/19.sqlite3");

  g_settings_reset (settings, "recent-databases");
}

static void
test_files_that_exist (void)
{
  g_autoptr(GSettings) settings = hubs_author_get_settings ();
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *one = hubs_test_path (dir, "one.sqlite3");
  g_autofree char *two = hubs_test_path (dir, "two.sqlite3");
  g_autofree char *three = hubs_test_path (dir, "three.sqlite3");
  g_auto(GStrv) files = NULL;

  g_assert_true (g_file_set_contents (one, "x", 1, NULL));
  g_assert_true (g_file_set_contents (three, "x", 1, NULL));
  hubs_recent_add (settings, one);
  hubs_recent_add (settings, two);
  hubs_recent_add (settings, "postgresql:///hubs?host=/run/postgresql");
  hubs_recent_add (settings, three);

  files = hubs_recent_list_files (settings, 5);
  g_assert_cmpuint (g_strv_length (files), ==, 2);
  g_assert_cmpstr (files[0], ==, three);
  g_assert_cmpstr (files[1], ==, one);
  g_clear_pointer (&files, g_strfreev);

  files = hubs_recent_list_files (settings, 1);
  g_assert_cmpuint (g_strv_length (files), ==, 1);

  g_settings_reset (settings, "recent-databases");
  hubs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/recent/newest-first-once", test_newest_first_once);
  g_test_add_func ("/hubs/recent/files-that-exist", test_files_that_exist);

  return g_test_run ();
}
