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

/* What only a server has: SQL in its own dialect, and notices between connections. */
int       hubs_db_pg_exec_native (HubsDb      *db,
                                  const char  *sql);
int       hubs_db_pg_listen      (HubsDb      *db,
                                  const char  *channel);
int       hubs_db_pg_get_socket  (HubsDb      *db);
int       hubs_db_pg_get_backend_pid (HubsDb  *db);
gboolean  hubs_db_pg_next_notice (HubsDb      *db,
                                  char       **payload,
                                  int         *pid,
                                  gboolean    *failed);

G_END_DECLS
