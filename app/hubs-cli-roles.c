/* hubs-cli-roles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may change what in a shared database, on the command line: --grant=ROLE --hub=ID makes
 * a database role a consortium's staff, --grant=ROLE --read-only a reviewer of every hub,
 * --revoke=ROLE takes it back (see hubs-store-roles.c). Only the database's administrator
 * runs them; a file has no roles.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cli.h"
#include "hubs-db.h"
#include "hubs-store-roles.h"

static gboolean
fail (int        *exit_status,
      const char *message)
{
  hubs_cli_print_error (message);
  *exit_status = 1;
  return TRUE;
}

/* A shared database opens to be written; a file only to be read, so that a mistyped one is
 * not created: the store then says that a file has no roles. */
static HubsStore *
open_store (const char  *database_path,
            GError     **error)
{
  if (database_path != NULL && hubs_db_is_postgresql_uri (database_path))
    return hubs_cli_open_store (database_path, HUBS_STORE_OPEN_DEFAULT, error);

  return hubs_cli_open_store_to_read (database_path, error);
}

static gboolean
grant_role (const char *database_path,
            const char *role,
            const char *hub_id,
            gboolean    read_only,
            int        *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_store (database_path, &error)) ||
      !hubs_store_grant (store, role, hub_id, read_only, &error))
    return fail (exit_status, error->message);

  if (read_only)
    /* Translators: %s is a database role */
    g_print (_("The role “%s” reads every hub city and changes nothing.\n"), role);
  else
    /* Translators: %1$s is a database role, %2$s a hub id */
    g_print (_("The role “%1$s” changes the actual figures, explanations and year states of "
               "“%2$s” and reads every hub city.\n"), role, hub_id);

  *exit_status = 0;
  return TRUE;
}

static gboolean
revoke_role (const char *database_path,
             const char *role,
             int        *exit_status)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_store (database_path, &error)) ||
      !hubs_store_revoke (store, role, &error))
    return fail (exit_status, error->message);

  /* Translators: %s is a database role */
  g_print (_("The role “%s” may no longer read or change this database.\n"), role);

  *exit_status = 0;
  return TRUE;
}

/**
 * hubs_cli_roles_handle:
 * @options: the parsed command line
 * @database_path: (nullable): the value of `--database`
 * @exit_status: (out): the exit status, when handled
 *
 * Returns: %TRUE when the command line asked for --grant or --revoke, which are then done
 *   (or refused)
 */
gboolean
hubs_cli_roles_handle (GVariantDict *options,
                       const char   *database_path,
                       int          *exit_status)
{
  g_autofree char *granted = NULL;
  g_autofree char *revoked = NULL;
  g_autofree char *hub_id = NULL;
  gboolean read_only = g_variant_dict_contains (options, "read-only");

  g_variant_dict_lookup (options, "grant", "s", &granted);
  g_variant_dict_lookup (options, "revoke", "s", &revoked);
  g_variant_dict_lookup (options, "hub", "s", &hub_id);

  if (granted != NULL && revoked != NULL)
    return fail (exit_status, _("Give --grant or --revoke, not both."));

  if (granted != NULL)
    {
      if (hub_id != NULL && read_only)
        return fail (exit_status, _("--read-only makes a reviewer of every hub city; it takes "
                                    "no --hub."));
      if (hub_id == NULL && !read_only)
        return fail (exit_status, _("--grant needs --hub=ID, the hub city whose staff the role "
                                    "is, or --read-only for a reviewer."));
      return grant_role (database_path, granted, hub_id, read_only, exit_status);
    }

  if (revoked != NULL)
    return revoke_role (database_path, revoked, exit_status);

  if (read_only)
    return fail (exit_status, _("--read-only goes with --grant."));

  return FALSE;
}
