/* hubs-recent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The databases opened last, in the setting recent-databases: files (absolute paths) and the
 * addresses of shared databases, newest first, each once, at most HUBS_RECENT_MAX. An
 * address with a password is never kept (the store refuses one anyway).
 */

#define G_LOG_DOMAIN "hubs-recent"

#include "config.h"

#include "hubs-db.h"
#include "hubs-db-pg.h"
#include "hubs-recent.h"

#define KEY "recent-databases"

/**
 * hubs_recent_list:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full): the databases opened last, newest first
 */
char **
hubs_recent_list (GSettings *settings)
{
  if (settings == NULL)
    return g_new0 (char *, 1);

  return g_settings_get_strv (settings, KEY);
}

/**
 * hubs_recent_list_files:
 * @settings: (nullable): the application's settings
 * @max: how many at most
 *
 * Returns: (transfer full): the files among them that still exist, newest first: what can
 *   be opened when the server of a shared database cannot be reached
 */
char **
hubs_recent_list_files (GSettings *settings,
                        guint      max)
{
  g_auto(GStrv) all = hubs_recent_list (settings);
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; all[i] != NULL && n < max; i++)
    if (!hubs_db_is_postgresql_uri (all[i]) && g_file_test (all[i], G_FILE_TEST_IS_REGULAR))
      {
        g_strv_builder_add (files, all[i]);
        n++;
      }

  return g_strv_builder_end (files);
}

/**
 * hubs_recent_add:
 * @settings: (nullable): the application's settings
 * @database: a database file, or the address of a shared database
 *
 * Puts @database first in the list (a file by its absolute path), once, dropping the oldest
 * beyond HUBS_RECENT_MAX. An address with a password is not kept.
 */
void
hubs_recent_add (GSettings  *settings,
                 const char *database)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) list = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) new = NULL;
  guint n = 1;

  g_return_if_fail (database != NULL);

  if (settings == NULL)
    return;

  if (hubs_db_is_postgresql_uri (database))
    {
      if (hubs_db_pg_uri_has_password (database))
        return;
      name = g_strdup (database);
    }
  else
    name = g_canonicalize_filename (database, NULL);

  old = hubs_recent_list (settings);
  list = g_strv_builder_new ();
  g_strv_builder_add (list, name);
  for (guint i = 0; old[i] != NULL && n < HUBS_RECENT_MAX; i++)
    if (!g_str_equal (old[i], name))
      {
        g_strv_builder_add (list, old[i]);
        n++;
      }

  new = g_strv_builder_end (list);
  if (!g_settings_set_strv (settings, KEY, (const char * const *) new))
    g_warning ("The list of recent databases could not be saved");
}
