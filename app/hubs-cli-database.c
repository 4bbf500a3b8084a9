/* hubs-cli-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setting up and moving a database on the command line: --init-database makes a shared
 * database on a PostgreSQL server ready (the schema and the plan), --copy-database copies
 * everything one database holds into a new one, a file or a server's, either way.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-backup.h"
#include "hubs-cli.h"
#include "hubs-db.h"

static gboolean
fail (int        *exit_status,
      const char *message)
{
  hubs_cli_print_error (message);
  *exit_status = 1;
  return TRUE;
}

/* --init-database=URI: creates the schema and seeds the plan in an empty database, brings an
 * older Hubs database up to date, and refuses, changing nothing, one holding other tables or
 * a newer schema (hubs_store_open() does all three). */
static gboolean
init_database (const char *uri,
               int        *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = hubs_store_open (uri, HUBS_STORE_OPEN_DEFAULT, &error)) ||
      !(hubs = hubs_store_list_hubs (store, &error)) ||
      !(kpis = hubs_store_list_kpis (store, NULL, &error)))
    return fail (exit_status, error->message);

  hubs_cli_warn_about_place (store);

  if (hubs_store_get_seeded (store))
    /* Translators: %1$s is a database, %2$u and %3$u counts of hubs and KPIs */
    g_print (_("The database “%1$s” was created with the plan: %2$u hubs, %3$u KPIs.\n"),
             uri, hubs->len, kpis->len);
  else
    /* Translators: %1$s is a database, %2$d its schema version */
    g_print (_("The database “%1$s” already holds Hubs data (schema %2$d); nothing was "
               "added.\n"),
             uri, hubs_store_get_schema_version (store));

  *exit_status = 0;
  return TRUE;
}

/* --copy-database=FROM --to=TO */
static gboolean
copy_database (const char *from_path,
               const char *to_path,
               int        *exit_status)
{
  g_autoptr(HubsStore) from = NULL;
  g_autoptr(HubsStore) to = NULL;
  g_autoptr(GError) error = NULL;
  gboolean made_file;

  if (to_path == NULL)
    return fail (exit_status, _("--copy-database needs --to=DATABASE, the new database to "
                                "copy into."));

  if (!(from = hubs_cli_open_store_to_read (from_path, &error)))
    return fail (exit_status, error->message);

  /* A file made for the copy goes again when the copy fails: no empty database is left. */
  made_file = !hubs_db_is_postgresql_uri (to_path) &&
              !g_file_test (to_path, G_FILE_TEST_EXISTS);

  if (!(to = hubs_cli_warn_about_place (hubs_store_open (to_path, HUBS_STORE_OPEN_NO_SEED,
                                                         &error))) ||
      !hubs_store_copy_into (from, to, &error) ||
      !hubs_store_checkpoint (to, &error))
    {
      g_clear_object (&to);
      if (made_file)
        hubs_backup_remove_database (to_path);
      return fail (exit_status, error->message);
    }

  /* Translators: %1$s and %2$s are databases */
  g_print (_("Everything in “%1$s” was copied into “%2$s”.\n"), from_path, to_path);

  *exit_status = 0;
  return TRUE;
}

/**
 * hubs_cli_database_handle:
 * @options: the parsed command line
 * @exit_status: (out): the exit status, when handled
 *
 * Returns: %TRUE when the command line asked for --init-database or --copy-database, which
 *   are then done
 */
gboolean
hubs_cli_database_handle (GVariantDict *options,
                          int          *exit_status)
{
  g_autofree char *init = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_variant_dict_lookup (options, "init-database", "^ay", &init))
    return init_database (init, exit_status);

  if (g_variant_dict_lookup (options, "copy-database", "^ay", &from))
    {
      g_variant_dict_lookup (options, "to", "^ay", &to);
      return copy_database (from, to, exit_status);
    }

  return FALSE;
}
