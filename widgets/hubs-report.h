/* hubs-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

gboolean hubs_report_export (HubsStore     *store,
                             const char    *hub_id,
                             const char    *path,
                             HubsLanguage   language,
                             GError       **error);

G_END_DECLS
