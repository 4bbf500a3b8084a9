/* hubs-author.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who makes the changes: the name and organisation every change records. The window asks for
 * them once and keeps them in GSettings; a command takes --user and --organisation, or the
 * same settings.
 */

#define G_LOG_DOMAIN "hubs-author"

#include "config.h"

#include "hubs-author.h"

/**
 * hubs_author_get_settings:
 *
 * Returns: (transfer full) (nullable): the settings that keep the name and organisation, or
 *   %NULL when the schema is not installed (a binary run from the build folder without
 *   GSETTINGS_SCHEMA_DIR)
 */
GSettings *
hubs_author_get_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, HUBS_AUTHOR_KEY_NAME))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * hubs_author_apply:
 * @store: a #HubsStore
 * @name: (nullable): the name given on the command line, or %NULL for the settings'
 * @organisation: (nullable): the organisation given on the command line, or %NULL for the
 *   settings'
 *
 * Makes the store record who makes the changes from now on.
 */
void
hubs_author_apply (HubsStore  *store,
                   const char *name,
                   const char *organisation)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *saved_name = NULL;
  g_autofree char *saved_organisation = NULL;

  g_return_if_fail (HUBS_IS_STORE (store));

  if ((name == NULL || organisation == NULL) && (settings = hubs_author_get_settings ()))
    {
      saved_name = g_settings_get_string (settings, HUBS_AUTHOR_KEY_NAME);
      saved_organisation = g_settings_get_string (settings, HUBS_AUTHOR_KEY_ORGANISATION);
    }

  hubs_store_set_author (store, name != NULL ? name : saved_name,
                         organisation != NULL ? organisation : saved_organisation);
}
