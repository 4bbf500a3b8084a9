/* hubs-db-sqlite.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "hubs-db.h"

G_BEGIN_DECLS

HubsDb   *hubs_db_sqlite_new        (sqlite3 *handle);
sqlite3  *hubs_db_sqlite_get_handle (HubsDb  *db);

G_END_DECLS
