/* hubs-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

const GOptionEntry *hubs_cli_get_option_entries (void);
gboolean            hubs_cli_handle             (GVariantDict *options,
                                                 const char   *database_path,
                                                 int          *exit_status);
HubsStore          *hubs_cli_open_store         (const char   *database_path,
                                                 HubsStoreOpenFlags flags,
                                                 GError      **error);
void                hubs_cli_print_error        (const char   *message);
HubsStore          *hubs_cli_open_store_to_read (const char   *database_path,
                                                 GError      **error);
HubsStore          *hubs_cli_warn_about_place   (HubsStore    *store);
void                hubs_cli_set_author         (HubsStore    *store,
                                                 GVariantDict *options);

/* hubs-cli-cycle.c */
gboolean            hubs_cli_cycle_handle       (GVariantDict *options,
                                                 const char   *database_path,
                                                 int          *exit_status);

/* hubs-cli-database.c */
gboolean            hubs_cli_database_handle    (GVariantDict *options,
                                                 int          *exit_status);

/* hubs-cli-roles.c */
gboolean            hubs_cli_roles_handle       (GVariantDict *options,
                                                 const char   *database_path,
                                                 int          *exit_status);

/* hubs-cli-export.c */
gboolean            hubs_cli_export_handle      (GVariantDict *options,
                                                 const char   *database_path,
                                                 int          *exit_status);

G_END_DECLS
