/* hubs-db.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statements the store runs, whatever engine holds the data: SQLite, the embedded
 * default, or PostgreSQL through libpq. A connection and its prepared statements, with `?`
 * and `?N` placeholders, bindings, steps over the rows and their columns, plain SQL,
 * transactions, and the result codes the store turns into a HubsStoreError.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HubsDb     HubsDb;
typedef struct _HubsDbStmt HubsDbStmt;

typedef enum
{
  HUBS_DB_ENGINE_SQLITE,
  HUBS_DB_ENGINE_POSTGRESQL,
} HubsDbEngine;

/**
 * HubsDbResult:
 *
 * What a call of the layer gives: %HUBS_DB_OK, a row or the end of the rows from a step, or
 * the kind of failure (the detail is in hubs_db_errmsg()). The numbers are SQLite's primary
 * result codes, so the SQLite driver passes them through; the PostgreSQL driver maps each
 * SQLSTATE class to the nearest. %HUBS_DB_UNREACHABLE is not SQLite's: only the PostgreSQL
 * driver gives it, when the connection to the server is lost or cannot be made again.
 */
typedef enum
{
  HUBS_DB_OK         = 0,
  HUBS_DB_ERROR      = 1,
  HUBS_DB_PERM       = 3,
  HUBS_DB_BUSY       = 5,
  HUBS_DB_LOCKED     = 6,
  HUBS_DB_READONLY   = 8,
  HUBS_DB_INTERRUPT  = 9,
  HUBS_DB_CORRUPT    = 11,
  HUBS_DB_FULL       = 13,
  HUBS_DB_CANTOPEN   = 14,
  HUBS_DB_CONSTRAINT = 19,
  HUBS_DB_NOTADB     = 26,
  HUBS_DB_ROW        = 100,
  HUBS_DB_DONE       = 101,
  HUBS_DB_UNREACHABLE = 254,
} HubsDbResult;

HubsDbEngine  hubs_db_get_engine            (HubsDb      *db);
void          hubs_db_lock                  (HubsDb      *db);
gboolean      hubs_db_trylock               (HubsDb      *db);
void          hubs_db_unlock                (HubsDb      *db);
void          hubs_db_close                 (HubsDb      *db);
int           hubs_db_exec                  (HubsDb      *db,
                                             const char  *sql);
int           hubs_db_prepare               (HubsDb      *db,
                                             const char  *sql,
                                             HubsDbStmt **stmt);
gboolean      hubs_db_in_transaction        (HubsDb      *db);
int           hubs_db_changes               (HubsDb      *db);
const char   *hubs_db_errmsg                (HubsDb      *db);
int           hubs_db_read_identity         (HubsDb      *db,
                                             int         *application_id,
                                             int         *user_version,
                                             int         *n_objects);
char         *hubs_db_set_user_version_sql  (HubsDb      *db,
                                             int          version);

void          hubs_db_stmt_finalize         (HubsDbStmt  *stmt);
void          hubs_db_stmt_reset            (HubsDbStmt  *stmt);
void          hubs_db_stmt_clear_bindings   (HubsDbStmt  *stmt);
void          hubs_db_stmt_bind_text        (HubsDbStmt  *stmt,
                                             int          param,
                                             const char  *text);
void          hubs_db_stmt_bind_int         (HubsDbStmt  *stmt,
                                             int          param,
                                             gint64       value);
void          hubs_db_stmt_bind_double      (HubsDbStmt  *stmt,
                                             int          param,
                                             double       value);
void          hubs_db_stmt_bind_null        (HubsDbStmt  *stmt,
                                             int          param);
int           hubs_db_stmt_step             (HubsDbStmt  *stmt);
const char   *hubs_db_stmt_column_text      (HubsDbStmt  *stmt,
                                             int          column);
int           hubs_db_stmt_column_int       (HubsDbStmt  *stmt,
                                             int          column);
gint64        hubs_db_stmt_column_int64     (HubsDbStmt  *stmt,
                                             int          column);
double        hubs_db_stmt_column_double    (HubsDbStmt  *stmt,
                                             int          column);
gboolean      hubs_db_stmt_column_is_null   (HubsDbStmt  *stmt,
                                             int          column);
HubsDb       *hubs_db_stmt_get_db           (HubsDbStmt  *stmt);

gboolean      hubs_db_is_postgresql_uri     (const char  *name);

G_END_DECLS
