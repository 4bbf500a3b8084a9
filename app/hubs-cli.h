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

G_END_DECLS
