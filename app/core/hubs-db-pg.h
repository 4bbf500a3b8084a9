/* hubs-db-pg.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-db.h"

G_BEGIN_DECLS

/* Told that the connection was lost (@connected %FALSE) or made again. */
typedef void (*HubsDbPgConnectionFunc) (gboolean connected,
                                        gpointer data);

HubsDb   *hubs_db_pg_open        (const char  *uri,
                                  gboolean     read_only,
                                  int         *rc,
                                  char       **message);
gboolean  hubs_db_pg_uri_has_password (const char *uri);
char     *hubs_db_pg_uri_parse_error (const char *uri);
char     *hubs_db_pg_translate   (const char  *sql,
                                  GArray      *slots);
void      hubs_db_pg_set_connection_func (HubsDb                 *db,
                                          HubsDbPgConnectionFunc  func,
                                          gpointer                data);
gboolean  hubs_db_pg_is_connected (HubsDb     *db);
gboolean  hubs_db_pg_adopt       (HubsDb      *db,
                                  HubsDb      *fresh);

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
