/* hubs-store-as-of.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database as it stood at a past moment, read from the history: a copy of the file in
 * which every change recorded after that moment is undone (figures, explanations, the
 * years' states and the KPIs' fields), opened for reading only. Every view, export and
 * report then shows that moment without a line of its own.
 *
 * What the history does not record is as it is now: hubs and KPIs added or deleted since,
 * and the plan's own baselines and targets as seeded.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-backup.h"
#include "hubs-store-private.h"

/* The KPI fields the history records under the same name as their column. */
static const char * const kpi_text_fields[] = {
  "name_ja", "name_en", "pillar", "unit", "aggregation", "direction", "qualifier",
  "note_ja", "note_en", "parent_id", "unit_en_one", "unit_en",
};

static const char * const figure_text_fields[] = {
  "note", "source", "as_of", "note_en", "unit",
};

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *path,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql, made by sqlite3_mprintf(), and frees it. */
static gboolean
exec_owned (sqlite3     *db,
            char        *sql,
            const char  *path,
            GError     **error)
{
  gboolean ok = exec (db, sql, path, error);

  sqlite3_free (sql);
  return ok;
}

static gboolean
is_one_of (const char         *field,
           const char * const *fields,
           guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (field, fields[i]))
      return TRUE;
  return FALSE;
}

/* Undoes one recorded change: @field of the figure, KPI, explanation or year back to
 * @old_value. */
static gboolean
undo_change (sqlite3     *db,
             const char  *hub_id,
             const char  *kpi_id,
             int          fiscal_year,
             const char  *kind,
             const char  *field,
             const char  *old_value,
             const char  *path,
                     GError     **error)
{
  char *stmt_sql = NULL;

  /* Says only whose change a save went over; what it changed has rows of its own. */
  if (g_str_equal (field, "saved-over"))
    return TRUE;

  if (kpi_id != NULL && kind != NULL)
    {
      /* A figure: made again where it was removed since. */
      if (g_str_equal (field, "value") && old_value == NULL)
        stmt_sql = sqlite3_mprintf ("DELETE FROM figure WHERE kpi_id = %Q AND fiscal_year = %d "
                                    "AND kind = %Q", kpi_id, fiscal_year, kind);
      else
        {
          char *where = sqlite3_mprintf ("kpi_id = %Q AND fiscal_year = %d AND kind = %Q",
                                         kpi_id, fiscal_year, kind);

          if (!exec_owned (db, sqlite3_mprintf ("INSERT OR IGNORE INTO figure (kpi_id, "
                                                "fiscal_year, kind, value, measured) VALUES "
                                                "(%Q, %d, %Q, 0, 1)", kpi_id, fiscal_year, kind),
                           path, error))
            {
              sqlite3_free (where);
              return FALSE;
            }

          if (g_str_equal (field, "value") && g_str_equal (old_value, "not_measured"))
            stmt_sql = sqlite3_mprintf ("UPDATE figure SET value = NULL, measured = 0 WHERE %s",
                                        where);
          else if (g_str_equal (field, "value"))
            stmt_sql = sqlite3_mprintf ("UPDATE figure SET value = CAST (%Q AS REAL), "
                                        "measured = 1 WHERE %s", old_value, where);
          else if (g_str_equal (field, "confirmed"))
            stmt_sql = sqlite3_mprintf ("UPDATE figure SET confirmed = %d WHERE %s",
                                        g_strcmp0 (old_value, "confirmed") == 0, where);
          else if (is_one_of (field, figure_text_fields, G_N_ELEMENTS (figure_text_fields)))
            stmt_sql = sqlite3_mprintf ("UPDATE figure SET %s = %Q WHERE %s", field, old_value,
                                        where);
          sqlite3_free (where);
        }
    }
  else if (kpi_id != NULL && fiscal_year != 0 &&
           (g_str_equal (field, "why") || g_str_equal (field, "action")))
    {
      if (!exec_owned (db, sqlite3_mprintf ("INSERT OR IGNORE INTO explanation (kpi_id, "
                                            "fiscal_year) VALUES (%Q, %d)", kpi_id, fiscal_year),
                       path, error))
        return FALSE;
      stmt_sql = sqlite3_mprintf ("UPDATE explanation SET %s = %Q WHERE kpi_id = %Q AND "
                                  "fiscal_year = %d", field, old_value ? old_value : "",
                                  kpi_id, fiscal_year);
    }
  else if (kpi_id != NULL && is_one_of (field, kpi_text_fields, G_N_ELEMENTS (kpi_text_fields)))
    {
      /* name_ja and the like are NOT NULL; a KPI added since keeps its fields. */
      if (old_value != NULL || g_str_equal (field, "parent_id"))
        stmt_sql = sqlite3_mprintf ("UPDATE kpi SET %s = %Q WHERE id = %Q", field, old_value,
                                    kpi_id);
    }
  else if (kpi_id != NULL && (g_str_equal (field, "per_year") ||
                              g_str_equal (field, "path_from_zero")))
    {
      if (old_value != NULL)
        stmt_sql = sqlite3_mprintf ("UPDATE kpi SET %s = %d WHERE id = %Q", field,
                                    g_str_equal (old_value, "true"), kpi_id);
    }
  else if (hub_id != NULL && fiscal_year != 0 && g_str_equal (field, "year_state"))
    {
      if (old_value == NULL || g_str_equal (old_value, "entering"))
        stmt_sql = sqlite3_mprintf ("DELETE FROM year_state WHERE hub_id = %Q AND "
                                    "fiscal_year = %d", hub_id, fiscal_year);
      else
        stmt_sql = sqlite3_mprintf ("UPDATE year_state SET state = %Q WHERE hub_id = %Q AND "
                                    "fiscal_year = %d", old_value, hub_id, fiscal_year);
    }

  if (stmt_sql == NULL)
    return TRUE;

  return exec_owned (db, stmt_sql, path, error);
}

/* Undoes, newest first, every change recorded after @until in the database at @path. */
static gboolean
rewind_history (const char  *path,
                const char  *until,
                GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return FALSE;
    }

  ok = exec (db, "PRAGMA journal_mode = DELETE; BEGIN", path, error);
  if (ok)
    {
      rc = sqlite3_prepare_v2 (db, "SELECT hub_id, kpi_id, fiscal_year, kind, field, old_value "
                               "FROM history WHERE changed_at > ?1 ORDER BY id DESC", -1, &stmt,
                               NULL);
      if (rc == SQLITE_OK)
        sqlite3_bind_text (stmt, 1, until, -1, SQLITE_TRANSIENT);
      while (ok && rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ok = undo_change (db, (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            sqlite3_column_int (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5), path, error);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (ok && rc != SQLITE_DONE && rc != SQLITE_OK)
        {
          _hubs_store_set_sqlite_error (error, db, rc, path);
          ok = FALSE;
        }
    }

  if (ok)
    {
      ok = exec_owned (db, sqlite3_mprintf ("DELETE FROM history WHERE changed_at > %Q; COMMIT",
                                            until), path, error);
    }

  sqlite3_close (db);
  return ok;
}

/**
 * hubs_store_format_as_of:
 * @when: a moment
 *
 * Returns: (transfer full): @when as the history writes its times (UTC, milliseconds)
 */
char *
hubs_store_format_as_of (GDateTime *when)
{
  /* To the nearest millisecond: a time read back from the history (…12.345Z) may come as
   * 12.344999 seconds, which must still name the same millisecond. */
  g_autoptr(GDateTime) rounded = g_date_time_add (when, 500);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (rounded);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/* A copy of the whole database in the new file @path: page by page from a file, row by row
 * from a shared database on a server. */
static gboolean
copy_to_file (HubsStore   *self,
              const char  *path,
              GError     **error)
{
  g_autoptr(HubsStore) copy = NULL;

  if (hubs_store_get_db (self) != NULL)
    return hubs_backup_copy_to_path (self, path, error);

  return (copy = hubs_store_open (path, HUBS_STORE_OPEN_NO_SEED, error)) != NULL &&
         hubs_store_copy_into (self, copy, error) &&
         hubs_store_checkpoint (copy, error);
}

/**
 * hubs_store_open_as_of:
 * @self: a #HubsStore
 * @when: the moment to show
 * @snapshot_path: (out) (transfer full): the copy made, for the caller to delete when done
 * @error: a location for a #GError
 *
 * A copy of the database as it stood at @when, from the history, open for reading only.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set (and nothing left behind)
 */
HubsStore *
hubs_store_open_as_of (HubsStore   *self,
                       GDateTime   *when,
                       char       **snapshot_path,
                               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *until = NULL;
  HubsStore *snapshot;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  if (!(dir = g_dir_make_tmp ("hubs-as-of-XXXXXX", error)))
    return NULL;
  path = g_build_filename (dir, "hubs.sqlite3", NULL);
  until = hubs_store_format_as_of (when);

  if (!copy_to_file (self, path, error) || !rewind_history (path, until, error) ||
      !(snapshot = hubs_store_open (path, HUBS_STORE_OPEN_READ_ONLY, error)))
    {
      g_unlink (path);
      g_rmdir (dir);
      return NULL;
    }

  *snapshot_path = g_steal_pointer (&path);
  return snapshot;
}

/**
 * hubs_store_remove_snapshot:
 * @path: (nullable): what hubs_store_open_as_of() gave, after the store is closed
 */
void
hubs_store_remove_snapshot (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (path == NULL)
    return;

  dir = g_path_get_dirname (path);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}
