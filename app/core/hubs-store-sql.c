/* hubs-store-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement and transaction helpers every file of the store uses: cached prepared
 * statements, binding and reading text, BEGIN IMMEDIATE / COMMIT / ROLLBACK, and the
 * translation of an SQLite result code into a HubsStoreError a person can read.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-store-private.h"

/* Sets @error from SQLite's result code @rc, in words a person can read; @db (nullable) gives
 * the detail. */
void
_hubs_store_set_sqlite_error (GError     **error,
                              sqlite3     *db,
                              int          rc,
                              const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   _("“%s” is not a Hubs database: it is not an SQLite file. It was left as it is."),
                   path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT,
                   _("The database “%1$s” is damaged (%2$s). It was left as it is."),
                   path, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open for viewing only, so changes cannot be saved."),
                   path);
      break;

    case SQLITE_FULL:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full, so the change was not saved."),
                   path);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the data (%s)."), detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                   _("The database “%1$s” cannot be opened (%2$s)."), path, detail);
      break;

    default:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                   _("The database “%1$s” failed: %2$s."), path, detail);
      break;
    }
}

/* Runs SQL without parameters or results: pragmas, DDL and transaction control. */
gboolean
_hubs_store_exec (HubsStore   *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Prepared statements are cached per store, keyed by their SQL text, and come back reset
 * with their bindings cleared. */
sqlite3_stmt *
_hubs_store_prepare (HubsStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/* Steps a statement that returns nothing (or a row nobody reads) and resets it. */
gboolean
_hubs_store_step_done (HubsStore     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _hubs_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Binds a copy of @text, %NULL binding NULL. */
void
_hubs_store_bind_text (sqlite3_stmt *stmt,
                       int           column,
                       const char   *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* Binds a copy of @text, %NULL binding '' (for the NOT NULL text columns). */
void
_hubs_store_bind_text_or_empty (sqlite3_stmt *stmt,
                                int           column,
                                const char   *text)
{
  _hubs_store_bind_text (stmt, column, text != NULL ? text : "");
}

/* Returns: (transfer full) (nullable): a copy of the column's text */
char *
_hubs_store_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* Starts the one write transaction of a change: refused on a read-only store, and only
 * once the file is known to be sound (hubs_store_verify()). While a new file is created, the
 * change joins the transaction that creates it instead (see create() in hubs-store-open.c),
 * and _hubs_store_commit() and _hubs_store_rollback() leave that to it. */
gboolean
_hubs_store_begin (HubsStore  *self,
                   GError    **error)
{
  if (self->read_only)
    {
      _hubs_store_set_sqlite_error (error, self->db, SQLITE_READONLY, self->path);
      return FALSE;
    }

  if (!hubs_store_verify (self, error))
    return FALSE;

  if (self->creating)
    return TRUE;

  return _hubs_store_exec (self, "BEGIN IMMEDIATE", error);
}

/* Commits, or rolls back when the commit fails, so no transaction is left open. */
gboolean
_hubs_store_commit (HubsStore  *self,
                    GError    **error)
{
  if (self->creating)
    return TRUE;

  if (!_hubs_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Rolls back the open transaction, if any. */
void
_hubs_store_rollback (HubsStore *self)
{
  if (self->creating)
    return;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Reads the integer in the first column of the one row @sql selects. */
gboolean
_hubs_store_query_int (HubsStore   *self,
                       const char  *sql,
                       int         *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _hubs_store_set_sqlite_error (error, self->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                                    self->path);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}
