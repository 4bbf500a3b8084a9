/* hubs-db-sqlite.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite driver of hubs-db.h: a thin skin over SQLite's C API, which the layer's result
 * codes and `?N` placeholders come from.
 */

#define G_LOG_DOMAIN "hubs-db"

#include "config.h"

#include "hubs-db-private.h"
#include "hubs-db-sqlite.h"

G_STATIC_ASSERT (HUBS_DB_OK == SQLITE_OK);
G_STATIC_ASSERT (HUBS_DB_ERROR == SQLITE_ERROR);
G_STATIC_ASSERT (HUBS_DB_PERM == SQLITE_PERM);
G_STATIC_ASSERT (HUBS_DB_BUSY == SQLITE_BUSY);
G_STATIC_ASSERT (HUBS_DB_LOCKED == SQLITE_LOCKED);
G_STATIC_ASSERT (HUBS_DB_READONLY == SQLITE_READONLY);
G_STATIC_ASSERT (HUBS_DB_INTERRUPT == SQLITE_INTERRUPT);
G_STATIC_ASSERT (HUBS_DB_CORRUPT == SQLITE_CORRUPT);
G_STATIC_ASSERT (HUBS_DB_FULL == SQLITE_FULL);
G_STATIC_ASSERT (HUBS_DB_CANTOPEN == SQLITE_CANTOPEN);
G_STATIC_ASSERT (HUBS_DB_CONSTRAINT == SQLITE_CONSTRAINT);
G_STATIC_ASSERT (HUBS_DB_NOTADB == SQLITE_NOTADB);
G_STATIC_ASSERT (HUBS_DB_ROW == SQLITE_ROW);
G_STATIC_ASSERT (HUBS_DB_DONE == SQLITE_DONE);

typedef struct
{
  HubsDb   parent;
  sqlite3 *handle;
} SqliteDb;

typedef struct
{
  HubsDbStmt    parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

#define HANDLE(db) (((SqliteDb *) (db))->handle)
#define STMT(s) (((SqliteStmt *) (s))->stmt)

/* Extended result codes are on (see hubs_store_open()); the layer speaks primary ones. */
static inline int
primary (int rc)
{
  return rc & 0xff;
}

static void
sqlite_close (HubsDb *db)
{
  int rc = sqlite3_close (HANDLE (db));

  if (rc != SQLITE_OK)
    g_warning ("Closing %s failed: %s", sqlite3_db_filename (HANDLE (db), "main"),
               sqlite3_errstr (rc));
  _hubs_db_clear (db);
  g_free (db);
}

static int
sqlite_exec (HubsDb     *db,
             const char *sql)
{
  return primary (sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL));
}

static int
sqlite_prepare (HubsDb      *db,
                const char  *sql,
                HubsDbStmt **out)
{
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *self;
  int rc;

  rc = sqlite3_prepare_v3 (HANDLE (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    return primary (rc);

  self = g_new0 (SqliteStmt, 1);
  self->parent.db = db;
  self->stmt = stmt;
  *out = &self->parent;

  return HUBS_DB_OK;
}

static gboolean
sqlite_in_transaction (HubsDb *db)
{
  return !sqlite3_get_autocommit (HANDLE (db));
}

static int
sqlite_changes (HubsDb *db)
{
  return sqlite3_changes (HANDLE (db));
}

static const char *
sqlite_errmsg (HubsDb *db)
{
  return sqlite3_errmsg (HANDLE (db));
}

static int
query_int (sqlite3    *handle,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_ERROR;
  sqlite3_finalize (stmt);

  return primary (rc);
}

static int
sqlite_read_identity (HubsDb *db,
                      int    *application_id,
                      int    *user_version,
                      int    *n_objects)
{
  int rc;

  if ((rc = query_int (HANDLE (db), "PRAGMA application_id", application_id)) != SQLITE_OK ||
      (rc = query_int (HANDLE (db), "PRAGMA user_version", user_version)) != SQLITE_OK ||
      (rc = query_int (HANDLE (db), "SELECT count(*) FROM sqlite_schema", n_objects)) != SQLITE_OK)
    return rc;

  return HUBS_DB_OK;
}

static char *
sqlite_set_user_version_sql (HubsDb *db,
                             int     version)
{
  return g_strdup_printf ("PRAGMA user_version = %d", version);
}

static void
sqlite_stmt_finalize (HubsDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_stmt_reset (HubsDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_stmt_clear_bindings (HubsDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_text (HubsDbStmt *stmt,
                  int         param,
                  const char *text)
{
  sqlite3_bind_text (STMT (stmt), param, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_int (HubsDbStmt *stmt,
                 int         param,
                 gint64      value)
{
  sqlite3_bind_int64 (STMT (stmt), param, value);
}

static void
sqlite_bind_double (HubsDbStmt *stmt,
                    int         param,
                    double      value)
{
  sqlite3_bind_double (STMT (stmt), param, value);
}

static void
sqlite_bind_null (HubsDbStmt *stmt,
                  int         param)
{
  sqlite3_bind_null (STMT (stmt), param);
}

static int
sqlite_step (HubsDbStmt *stmt)
{
  return primary (sqlite3_step (STMT (stmt)));
}

static const char *
sqlite_column_text (HubsDbStmt *stmt,
                    int         column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gint64
sqlite_column_int (HubsDbStmt *stmt,
                   int         column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (HubsDbStmt *stmt,
                      int         column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (HubsDbStmt *stmt,
                       int         column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static const HubsDbDriver sqlite_driver = {
  .engine = HUBS_DB_ENGINE_SQLITE,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .in_transaction = sqlite_in_transaction,
  .changes = sqlite_changes,
  .errmsg = sqlite_errmsg,
  .read_identity = sqlite_read_identity,
  .set_user_version_sql = sqlite_set_user_version_sql,
  .stmt_finalize = sqlite_stmt_finalize,
  .stmt_reset = sqlite_stmt_reset,
  .stmt_clear_bindings = sqlite_stmt_clear_bindings,
  .bind_text = sqlite_bind_text,
  .bind_int = sqlite_bind_int,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_text = sqlite_column_text,
  .column_int = sqlite_column_int,
  .column_double = sqlite_column_double,
  .column_is_null = sqlite_column_is_null,
};

/**
 * hubs_db_sqlite_new:
 * @handle: (transfer full): an open SQLite connection
 *
 * Returns: (transfer full): the connection behind the layer, which closes @handle when it
 *   is closed
 */
HubsDb *
hubs_db_sqlite_new (sqlite3 *handle)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);

  _hubs_db_init (&self->parent, &sqlite_driver);
  self->handle = handle;

  return &self->parent;
}

/**
 * hubs_db_sqlite_get_handle:
 * @db: (nullable): a connection
 *
 * Returns: (transfer none) (nullable): the SQLite connection behind @db, or %NULL when @db
 *   is not SQLite
 */
sqlite3 *
hubs_db_sqlite_get_handle (HubsDb *db)
{
  if (db == NULL || db->driver != &sqlite_driver)
    return NULL;

  return HANDLE (db);
}
