/* hubs-store-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement and transaction helpers every file of the store uses: cached prepared
 * statements, binding and reading text, BEGIN IMMEDIATE / COMMIT / ROLLBACK, and the
 * translation of a result code into a HubsStoreError a person can read. Every call goes
 * through the engine-neutral layer of hubs-db.h.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-store-private.h"

/* Sets @error from the result code @rc (a HubsDbResult, or SQLite's own) in words a person
 * can read, with @detail, the engine's. */
static void
set_error (GError     **error,
           const char  *detail,
           int          rc,
           const char  *path)
{
  switch (rc & 0xff)
    {
    case HUBS_DB_NOTADB:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   _("“%s” is not a Hubs database: it is not an SQLite file. It was left as it is."),
                   path);
      break;

    case HUBS_DB_CORRUPT:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CORRUPT,
                   _("The database “%1$s” is damaged (%2$s). It was left as it is."),
                   path, detail);
      break;

    case HUBS_DB_READONLY:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open for viewing only, so changes cannot be saved."),
                   path);
      break;

    case HUBS_DB_PERM:
      _hubs_store_set_denied_error (error, detail, path);
      break;

    case HUBS_DB_FULL:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full, so the change was not saved."),
                   path);
      break;

    case HUBS_DB_CONSTRAINT:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the data (%s)."), detail);
      break;

    case HUBS_DB_UNREACHABLE:
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE,
                           _("Not saved: the server cannot be reached. What you typed is kept; "
                             "try again when the connection is back."));
      break;

    case HUBS_DB_CANTOPEN:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                   _("The database “%1$s” cannot be opened (%2$s)."), path, detail);
      break;

    default:
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                   _("The database “%1$s” failed: %2$s."), path, detail);
      break;
    }
}

/* Sets @error from SQLite's result code @rc; @db (nullable) gives the detail. For what only
 * SQLite has: the check for damage, the copy of a file, another connection. */
void
_hubs_store_set_sqlite_error (GError     **error,
                              sqlite3     *db,
                              int          rc,
                              const char  *path)
{
  set_error (error, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc, path);
}

/* Sets @error from the layer's result code @rc; @db (nullable) gives the detail. */
void
_hubs_store_set_db_error (GError     **error,
                          HubsDb      *db,
                          int          rc,
                          const char  *path)
{
  set_error (error, db != NULL ? hubs_db_errmsg (db) : sqlite3_errstr (rc), rc, path);
}

/* Runs SQL without parameters or results: pragmas, DDL and transaction control. */
gboolean
_hubs_store_exec (HubsStore   *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = hubs_db_exec (_hubs_store_db (self), sql);

  if (rc != HUBS_DB_OK)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Prepared statements are cached per store, keyed by their SQL text, and come back reset
 * with their bindings cleared. */
HubsDbStmt *
_hubs_store_prepare (HubsStore   *self,
                     const char  *sql,
                     GError     **error)
{
  /* The writer thread has statements of its own (see hubs-store-writer.c). */
  GHashTable *statements = _hubs_store_in_writer (self) ? self->writer_statements
                                                        : self->statements;
  HubsDbStmt *stmt = g_hash_table_lookup (statements, sql);
  int rc;

  if (stmt != NULL)
    {
      hubs_db_stmt_reset (stmt);
      hubs_db_stmt_clear_bindings (stmt);
      return stmt;
    }

  rc = hubs_db_prepare (_hubs_store_db (self), sql, &stmt);
  if (rc != HUBS_DB_OK)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  g_hash_table_insert (statements, (gpointer) sql, stmt);

  return stmt;
}

/* Steps a statement that returns nothing (or a row nobody reads) and resets it. */
gboolean
_hubs_store_step_done (HubsStore     *self,
                       HubsDbStmt    *stmt,
                       GError       **error)
{
  int rc = hubs_db_stmt_step (stmt);

  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE && rc != HUBS_DB_ROW)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Binds a copy of @text, %NULL binding NULL. */
void
_hubs_store_bind_text (HubsDbStmt *stmt,
                       int         column,
                       const char *text)
{
  hubs_db_stmt_bind_text (stmt, column, text);
}

/* Binds a copy of @text, %NULL binding '' (for the NOT NULL text columns). */
void
_hubs_store_bind_text_or_empty (HubsDbStmt *stmt,
                                int         column,
                                const char *text)
{
  _hubs_store_bind_text (stmt, column, text != NULL ? text : "");
}

/* Returns: (transfer full) (nullable): a copy of the column's text */
char *
_hubs_store_column_text (HubsDbStmt *stmt,
                         int         column)
{
  const char *text = hubs_db_stmt_column_text (stmt, column);

  return g_strdup (text);
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
      _hubs_store_set_db_error (error, _hubs_store_db (self), HUBS_DB_READONLY, self->path);
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
  gboolean ok = TRUE;

  if (self->creating)
    return TRUE;

  if (!_hubs_store_exec (self, "COMMIT", error))
    {
      hubs_db_exec (_hubs_store_db (self), "ROLLBACK");
      ok = FALSE;
    }

  return ok;
}

/* Rolls back the open transaction, if any. */
void
_hubs_store_rollback (HubsStore *self)
{
  if (self->creating)
    return;

  if (hubs_db_in_transaction (_hubs_store_db (self)))
    hubs_db_exec (_hubs_store_db (self), "ROLLBACK");
}

/* Reads the integer in the first column of the one row @sql selects. */
gboolean
_hubs_store_query_int (HubsStore   *self,
                       const char  *sql,
                       int         *value,
                       GError     **error)
{
  HubsDbStmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self, sql, error)))
    return FALSE;

  rc = hubs_db_stmt_step (stmt);
  if (rc != HUBS_DB_ROW)
    {
      hubs_db_stmt_reset (stmt);
      _hubs_store_set_db_error (error, _hubs_store_db (self),
                                rc == HUBS_DB_DONE ? HUBS_DB_ERROR : rc,
                                self->path);
      return FALSE;
    }

  *value = hubs_db_stmt_column_int (stmt, 0);
  hubs_db_stmt_reset (stmt);

  return TRUE;
}
