/* hubs-db-pg.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-db.h"

G_BEGIN_DECLS

HubsDb   *hubs_db_pg_open        (const char  *uri,
                                  gboolean     read_only,
                                  int         *rc,
                                  char       **message);
gboolean  hubs_db_pg_uri_has_password (const char *uri);
char     *hubs_db_pg_translate   (const char  *sql,
                                  GArray      *slots);

G_END_DECLS
