/* hubs-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Excel workbook on the command line: --export-xlsx=FILE, for every hub or the one given
 * with --hub, in the language given with --lang, as the figures stood at --as-of.
 */

#define G_LOG_DOMAIN "hubs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cli.h"
#include "hubs-export-xlsx.h"
#include "hubs-format.h"
#include "hubs-hub-aliases.h"

static int
fail (const char *message)
{
  hubs_cli_print_error (message);
  return 1;
}

static int
export_xlsx (GVariantDict *options,
             const char   *database_path,
             const char   *path)
{
  g_autofree char *hub_id = NULL;
  g_autofree char *lang_name = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *snapshot_path = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsStore) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  HubsLanguage lang = hubs_language_current ();
  gboolean ok;

  g_variant_dict_lookup (options, "hub", "s", &hub_id);
  g_variant_dict_lookup (options, "lang", "s", &lang_name);
  g_variant_dict_lookup (options, "as-of", "s", &as_of_text);

  if (g_variant_dict_contains (options, "layout") || g_variant_dict_contains (options, "bom"))
    return fail (_("--layout and --bom go with --export-csv."));

  if (lang_name != NULL && !hubs_language_from_string (lang_name, &lang))
    {
      /* Translators: %s is what was given for --lang; keep ja and en */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a language; use ja or en."),
                                                  lang_name);

      return fail (message);
    }

  if (as_of_text != NULL && !hubs_parse_as_of (as_of_text, &as_of, &error))
    {
      g_autofree char *message = g_strdup_printf ("--as-of: %s", error->message);

      return fail (message);
    }

  if (!(store = hubs_cli_open_store_to_read (database_path, &error)))
    return fail (error->message);

  /* --as-of: the database as it stood then, in a copy made from the history. */
  if (as_of != NULL && !(snapshot = hubs_store_open_as_of (store, as_of, &snapshot_path, &error)))
    return fail (error->message);

  ok = hubs_export_xlsx_to_path (snapshot != NULL ? snapshot : store, hub_id, path, lang, as_of,
                                 &error);

  g_clear_object (&snapshot);
  if (snapshot_path != NULL)
    hubs_store_remove_snapshot (snapshot_path);

  if (!ok)
    {
      hubs_cli_print_error (error->message);

      /* After an unknown --hub: the hub the user probably meant. */
      if (hub_id != NULL && g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        {
          g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (store, NULL);
          const char *suggestion = hubs != NULL ? hubs_hub_aliases_suggest (hubs, hub_id) : NULL;

          if (suggestion != NULL)
            /* Translators: after an unknown hub id; %s is the id of the hub meant, e.g. “kansai” */
            g_printerr (_("Did you mean --hub=%s?\n"), suggestion);
        }
      return 1;
    }

  return 0;
}

/**
 * hubs_cli_export_handle:
 * @options: the parsed command-line options
 * @database_path: (nullable): the value of `--database`
 * @exit_status: (out): the status to exit with, when this returns %TRUE
 *
 * Writes the Excel workbook when the options ask for one (`--export-xlsx`).
 *
 * Returns: %TRUE when it ran and the program should exit with @exit_status
 */
gboolean
hubs_cli_export_handle (GVariantDict *options,
                        const char   *database_path,
                        int          *exit_status)
{
  g_autofree char *path = NULL;

  if (!g_variant_dict_lookup (options, "export-xlsx", "^ay", &path))
    return FALSE;

  *exit_status = export_xlsx (options, database_path, path);
  return TRUE;
}
