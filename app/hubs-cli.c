/* hubs-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands that run without a display: each reads its options, does its work on the
 * database and exits, with a one-line error and a non-zero status when it cannot.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cli.h"
#include "hubs-export.h"

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every figure as CSV to FILE (“-” for standard output) and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/**
 * hubs_cli_get_option_entries:
 *
 * Returns: (array zero-terminated=1): the command-line options of Hubs
 */
const GOptionEntry *
hubs_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * hubs_cli_print_error:
 * @message: what went wrong, one sentence or two
 *
 * Prints @message on standard error as one line, prefixed with the program's name.
 */
void
hubs_cli_print_error (const char *message)
{
  /* Translators: an error on the command line, e.g. “hubs: The database … is damaged.” */
  g_printerr (_("hubs: %s\n"), message);
}

/**
 * hubs_cli_open_store:
 * @database_path: (nullable): the database file, or %NULL for the default one
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the open database, or %NULL with @error set
 */
HubsStore *
hubs_cli_open_store (const char  *database_path,
                     GError     **error)
{
  g_autofree char *default_path = NULL;

  if (database_path == NULL)
    database_path = default_path = hubs_store_default_path ();

  return hubs_store_open (database_path, HUBS_STORE_OPEN_DEFAULT, error);
}

static int
export_csv (const char *database_path,
            const char *output)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = hubs_cli_open_store (database_path, &error)) ||
      !hubs_export_csv_to_path (store, output, &error))
    {
      hubs_cli_print_error (error->message);
      return 1;
    }

  return 0;
}

/**
 * hubs_cli_handle:
 * @options: the parsed command-line options
 * @database_path: (nullable): the value of `--database`
 * @exit_status: (out): the status to exit with, when this returns %TRUE
 *
 * Runs the command the options ask for, if any is a command that needs no window.
 *
 * Returns: %TRUE when a command ran and the program should exit with @exit_status
 */
gboolean
hubs_cli_handle (GVariantDict *options,
                 const char   *database_path,
                 int          *exit_status)
{
  g_autofree char *export_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hubs %s\n", PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (g_variant_dict_lookup (options, "export-csv", "^ay", &export_path))
    {
      *exit_status = export_csv (database_path, export_path);
      return TRUE;
    }

  return FALSE;
}
