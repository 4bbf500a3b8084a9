/* hubs-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine-neutral calls of hubs-db.h, each handed to the connection's driver
 * (hubs-db-sqlite.c, hubs-db-pg.c).
 */

#define G_LOG_DOMAIN "hubs-db"

#include "config.h"

#include <string.h>

#include "hubs-db-private.h"

/* Called by a driver as it makes a connection, and as it closes it. */
void
_hubs_db_init (HubsDb             *db,
               const HubsDbDriver *driver)
{
  db->driver = driver;
  g_rec_mutex_init (&db->lock);
}

void
_hubs_db_clear (HubsDb *db)
{
  g_rec_mutex_clear (&db->lock);
}

/**
 * hubs_db_lock:
 * @db: a connection
 *
 * Takes the connection for the calling thread, until as many hubs_db_unlock(). Every call
 * of this layer that uses the connection takes it for itself, so two threads never use it
 * at once. The store gives each of its threads a connection of its own (see
 * hubs-store-writer.c); the lock keeps hubs_db_pg_adopt() from swapping a connection in use.
 */
void
hubs_db_lock (HubsDb *db)
{
  g_rec_mutex_lock (&db->lock);
}

/* Returns: %TRUE when the calling thread took the connection, %FALSE when another holds it */
gboolean
hubs_db_trylock (HubsDb *db)
{
  return g_rec_mutex_trylock (&db->lock);
}

void
hubs_db_unlock (HubsDb *db)
{
  g_rec_mutex_unlock (&db->lock);
}

HubsDbEngine
hubs_db_get_engine (HubsDb *db)
{
  return db->driver->engine;
}

/* Closes the connection; every statement must be finalized first. */
void
hubs_db_close (HubsDb *db)
{
  if (db != NULL)
    db->driver->close (db);
}

/* Runs SQL without parameters or results; several statements may be separated by `;`. */
int
hubs_db_exec (HubsDb     *db,
              const char *sql)
{
  int rc;

  hubs_db_lock (db);
  rc = db->driver->exec (db, sql);
  hubs_db_unlock (db);

  return rc;
}

/* Prepares one statement with `?` or `?N` placeholders; sets @stmt to %NULL on failure. */
int
hubs_db_prepare (HubsDb      *db,
                 const char  *sql,
                 HubsDbStmt **stmt)
{
  int rc;

  *stmt = NULL;
  hubs_db_lock (db);
  rc = db->driver->prepare (db, sql, stmt);
  hubs_db_unlock (db);

  return rc;
}

gboolean
hubs_db_in_transaction (HubsDb *db)
{
  gboolean in_transaction;

  hubs_db_lock (db);
  in_transaction = db->driver->in_transaction (db);
  hubs_db_unlock (db);

  return in_transaction;
}

/* Returns: how many rows the last INSERT, UPDATE or DELETE changed */
int
hubs_db_changes (HubsDb *db)
{
  int changes;

  hubs_db_lock (db);
  changes = db->driver->changes (db);
  hubs_db_unlock (db);

  return changes;
}

/* Returns: the engine's words for the last failure */
const char *
hubs_db_errmsg (HubsDb *db)
{
  return db->driver->errmsg (db);
}

/* Reads what says whose database it is: the application id, the schema version, and how
 * many tables (or other objects) it holds, all 0 for an empty database. */
int
hubs_db_read_identity (HubsDb *db,
                       int    *application_id,
                       int    *user_version,
                       int    *n_objects)
{
  int rc;

  hubs_db_lock (db);
  rc = db->driver->read_identity (db, application_id, user_version, n_objects);
  hubs_db_unlock (db);

  return rc;
}

/* Returns: (transfer full): the SQL that records @version as the schema version, to run in
 * the transaction of the migration to it */
char *
hubs_db_set_user_version_sql (HubsDb *db,
                              int     version)
{
  return db->driver->set_user_version_sql (db, version);
}

void
hubs_db_stmt_finalize (HubsDbStmt *stmt)
{
  HubsDb *db;

  if (stmt == NULL)
    return;

  db = stmt->db;
  hubs_db_lock (db);
  db->driver->stmt_finalize (stmt);
  hubs_db_unlock (db);
}

/* Makes the statement ready to run again; the bindings stay. */
void
hubs_db_stmt_reset (HubsDbStmt *stmt)
{
  HubsDb *db = stmt->db;

  hubs_db_lock (db);
  db->driver->stmt_reset (stmt);
  hubs_db_unlock (db);
}

void
hubs_db_stmt_clear_bindings (HubsDbStmt *stmt)
{
  stmt->db->driver->stmt_clear_bindings (stmt);
}

/* Binds a copy of @text to placeholder @param (from 1); %NULL binds NULL. */
void
hubs_db_stmt_bind_text (HubsDbStmt *stmt,
                        int         param,
                        const char *text)
{
  stmt->db->driver->bind_text (stmt, param, text);
}

void
hubs_db_stmt_bind_int (HubsDbStmt *stmt,
                       int         param,
                       gint64      value)
{
  stmt->db->driver->bind_int (stmt, param, value);
}

void
hubs_db_stmt_bind_double (HubsDbStmt *stmt,
                          int         param,
                          double      value)
{
  stmt->db->driver->bind_double (stmt, param, value);
}

void
hubs_db_stmt_bind_null (HubsDbStmt *stmt,
                        int         param)
{
  stmt->db->driver->bind_null (stmt, param);
}

/* Runs the statement, or moves to its next row.
 *
 * Returns: %HUBS_DB_ROW, %HUBS_DB_DONE or the failure */
int
hubs_db_stmt_step (HubsDbStmt *stmt)
{
  HubsDb *db = stmt->db;
  int rc;

  hubs_db_lock (db);
  rc = db->driver->step (stmt);
  hubs_db_unlock (db);

  return rc;
}

/* Returns: (nullable): the column's text in the current row, valid until the next step */
const char *
hubs_db_stmt_column_text (HubsDbStmt *stmt,
                          int         column)
{
  return stmt->db->driver->column_text (stmt, column);
}

int
hubs_db_stmt_column_int (HubsDbStmt *stmt,
                         int         column)
{
  return (int) stmt->db->driver->column_int (stmt, column);
}

gint64
hubs_db_stmt_column_int64 (HubsDbStmt *stmt,
                           int         column)
{
  return stmt->db->driver->column_int (stmt, column);
}

double
hubs_db_stmt_column_double (HubsDbStmt *stmt,
                            int         column)
{
  return stmt->db->driver->column_double (stmt, column);
}

gboolean
hubs_db_stmt_column_is_null (HubsDbStmt *stmt,
                             int         column)
{
  return stmt->db->driver->column_is_null (stmt, column);
}

HubsDb *
hubs_db_stmt_get_db (HubsDbStmt *stmt)
{
  return stmt->db;
}

/**
 * hubs_db_is_postgresql_uri:
 * @name: a database path or URI
 *
 * Returns: %TRUE when @name is a PostgreSQL connection URI (postgresql:// or postgres://)
 */
gboolean
hubs_db_is_postgresql_uri (const char *name)
{
  return name != NULL &&
         (g_str_has_prefix (name, "postgresql://") || g_str_has_prefix (name, "postgres://"));
}
