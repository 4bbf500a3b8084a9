/* hubs-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SQLite file that holds the plan and the figures. Every change is one transaction and
 * appends what it changed to the history table, so nothing typed is ever lost. A file that is
 * not ours, is damaged, or comes from a newer Hubs is refused before anything is written to it.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-plan.h"
#include "hubs-store-private.h"

/* The check for damage running in a worker thread on its own read-only connection
 * (hubs_store_verify_async()). The worker fills in @error and sets @done under @mutex; the
 * main thread takes the outcome into the store, either when the worker's task reports back or,
 * when a write comes first, by waiting on @cond in hubs_store_verify(). */
typedef struct
{
  GMutex        mutex;
  GCond         cond;
  gboolean      done;
  GError       *error;
  GCancellable *cancellable;  /* stops the check, see stop_verify_job() */
  GPtrArray    *waiters;      /* (element-type GTask): main thread only */
} VerifyJob;

struct _HubsStore
{
  GObject     parent_instance;

  /* Owned */
  sqlite3    *db;
  char       *path;
  /* What another connection opens: @path, or a file: URI when the file is immutable. */
  char       *open_name;
  GHashTable *statements;
  VerifyJob  *verify_job;

  /* Why the file cannot be written to, once hubs_store_verify() found damage. */
  GError     *damage;

  /* State */
  int         schema_version;
  guint       verified : 1;
  guint       read_only : 1;
  guint       seeded : 1;
  guint       immutable : 1;
  guint       check_on_main_thread : 1;
};

G_DEFINE_FINAL_TYPE (HubsStore, hubs_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hubs-store-error-quark, hubs_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Migration N takes a database from user_version N-1 to N. Never edit one that has shipped:
 * add the next instead.
 *
 * 1: hubs, KPIs, figures and history.
 * 2: provisional/confirmed and a source for each figure; phase-1 results.
 */
static const char * const migrations[] = {
  NULL,
  "PRAGMA application_id = 1213547091;"
  "CREATE TABLE hub ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name_ja TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  consortium_ja TEXT NOT NULL DEFAULT '',"
  "  consortium_en TEXT NOT NULL DEFAULT '',"
  "  tier TEXT NOT NULL CHECK (tier IN ('global', 'next-global')),"
  "  type TEXT NOT NULL CHECK (type IN ('none', 'wide-area', 'core-city')),"
  "  slogan_ja TEXT NOT NULL DEFAULT '',"
  "  slogan_en TEXT NOT NULL DEFAULT '',"
  "  summary_ja TEXT NOT NULL DEFAULT '',"
  "  summary_en TEXT NOT NULL DEFAULT '',"
  "  members_ja TEXT NOT NULL DEFAULT '',"
  "  members_en TEXT NOT NULL DEFAULT '',"
  "  focus_ja TEXT NOT NULL DEFAULT '',"
  "  focus_en TEXT NOT NULL DEFAULT '',"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE kpi ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  hub_id TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,"
  "  parent_id TEXT REFERENCES kpi (id) ON DELETE SET NULL,"
  "  name_ja TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  pillar TEXT NOT NULL CHECK (pillar IN ('overall', 'world', 'growth', 'foundation')),"
  "  unit TEXT NOT NULL,"
  "  aggregation TEXT NOT NULL CHECK (aggregation IN ('stock', 'flow', 'cumulative')),"
  "  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),"
  "  qualifier TEXT NOT NULL CHECK (qualifier IN ('none', 'at-least', 'at-most')),"
  "  per_year INTEGER NOT NULL DEFAULT 0,"
  "  path_from_zero INTEGER NOT NULL DEFAULT 0,"
  "  note_ja TEXT NOT NULL DEFAULT '',"
  "  note_en TEXT NOT NULL DEFAULT '',"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX kpi_by_hub ON kpi (hub_id, sort_order);"
  "CREATE TABLE figure ("
  "  kpi_id TEXT NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  fiscal_year INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('baseline', 'target', 'actual')),"
  "  value REAL,"
  "  measured INTEGER NOT NULL DEFAULT 1 CHECK (measured IN (0, 1)),"
  "  as_of TEXT,"
  "  note TEXT,"
  "  PRIMARY KEY (kpi_id, fiscal_year, kind),"
  "  CHECK (measured = 0 OR value IS NOT NULL)"
  ");"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  changed_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  hub_id TEXT,"
  "  kpi_id TEXT,"
  "  fiscal_year INTEGER,"
  "  kind TEXT,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX history_by_kpi ON history (kpi_id, id);",

  "ALTER TABLE figure ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE figure ADD COLUMN source TEXT;"
  "CREATE TABLE phase1_result ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  hub_id TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,"
  "  name_ja TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  start_value REAL NOT NULL,"
  "  target_value REAL,"
  "  target_text_ja TEXT NOT NULL DEFAULT '',"
  "  target_text_en TEXT NOT NULL DEFAULT '',"
  "  result_value REAL NOT NULL,"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HUBS_STORE_SCHEMA_VERSION + 1);

/**
 * hubs_store_get_migration_sql:
 * @to_version: a schema version, 1 or later
 *
 * The SQL that takes a database from @to_version - 1 to @to_version, for tests that build an
 * older database.
 *
 * Returns: (nullable): the SQL, or %NULL for an unknown version
 */
const char *
hubs_store_get_migration_sql (guint to_version)
{
  if (to_version < 1 || to_version > HUBS_STORE_SCHEMA_VERSION)
    return NULL;

  return migrations[to_version];
}

void
hubs_history_entry_free (HubsHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->changed_at);
  g_free (entry->hub_id);
  g_free (entry->kpi_id);
  g_free (entry->kind);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static void
set_sqlite_error (GError     **error,
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

static gboolean
exec (HubsStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Prepared statements are cached per store, keyed by their SQL text, and come back reset
 * with their bindings cleared. */
static sqlite3_stmt *
prepare (HubsStore   *self,
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
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static gboolean
step_done (HubsStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  bind_text (stmt, column, text != NULL ? text : "");
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
begin (HubsStore  *self,
       GError    **error)
{
  if (self->read_only)
    {
      set_sqlite_error (error, self->db, SQLITE_READONLY, self->path);
      return FALSE;
    }

  if (!hubs_store_verify (self, error))
    return FALSE;

  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (HubsStore  *self,
        GError    **error)
{
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (HubsStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (HubsStore   *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      set_sqlite_error (error, self->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, self->path);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Reads the identity of an existing file without writing anything to it. */
static gboolean
check_identity (HubsStore  *self,
                gboolean   *is_empty,
                GError    **error)
{
  int application_id;
  int n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  *is_empty = application_id == 0 && self->schema_version == 0 && n_objects == 0;

  if (application_id != HUBS_STORE_APPLICATION_ID && !*is_empty)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   _("“%s” is not a Hubs database: it is another program’s SQLite file. "
                     "It was left as it is."),
                   self->path);
      return FALSE;
    }

  if (self->schema_version > HUBS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_TOO_NEW,
                   _("The database “%1$s” was written by a newer version of Hubs (schema %2$d; "
                     "this version reads up to %3$d). Update Hubs to open it; the file was "
                     "left as it is."),
                   self->path, self->schema_version, HUBS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* PRAGMA quick_check on @db: reads every page, so it takes time in proportion to the file.
 * Uses nothing of the store, so a worker thread can run it on its own connection. */
static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autofree char *result = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, db, rc, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (g_strcmp0 (result, "ok") != 0)
    {
      set_sqlite_error (error, NULL, SQLITE_CORRUPT, path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
use_wal (HubsStore  *self,
         GError    **error)
{
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mode = column_text (stmt, 0);
  sqlite3_reset (stmt);

  if (g_strcmp0 (mode, "wal") != 0)
    {
      set_sqlite_error (error, self->db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, self->path);
      return FALSE;
    }

  return TRUE;
}

static VerifyJob *
verify_job_ref (VerifyJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
verify_job_clear (VerifyJob *job)
{
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->waiters, g_ptr_array_unref);
}

static void
verify_job_unref (VerifyJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) verify_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyJob, verify_job_unref)

static gboolean
mark_verified (HubsStore  *self,
               GError    **error)
{
  self->verified = TRUE;

  /* Opened with the check deferred: now the file may be switched to WAL. */
  return self->read_only || use_wal (self, error);
}

/* Waits for the worker of the running check to finish (at once when it already has), then
 * takes its outcome into the store: sound, or damaged. A stopped check leaves the store
 * unchecked, so the next hubs_store_verify() checks again. Main thread only. */
static gboolean
take_verify_job (HubsStore  *self,
                 GError    **error)
{
  g_autoptr(VerifyJob) job = g_steal_pointer (&self->verify_job);

  g_assert (job != NULL);

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  if (job->error == NULL)
    return mark_verified (self, error);

  if (!g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&self->damage);
      self->damage = g_error_copy (job->error);
    }

  return TRUE;
}

/* Stops a check running in a worker thread and waits for it, so its connection is closed. */
static void
stop_verify_job (HubsStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->verify_job == NULL)
    return;

  g_cancellable_cancel (self->verify_job->cancellable);
  if (!take_verify_job (self, &error))
    g_warning ("Switching %s to WAL failed: %s", self->path, error->message);
}

/**
 * hubs_store_verify:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Checks the whole file for damage, once: a store opened with
 * %HUBS_STORE_OPEN_DEFER_CHECK does it here, or in a worker thread with
 * hubs_store_verify_async(), at the latest before its first write. A damaged file is never
 * written to afterwards. While hubs_store_verify_async() is checking the file, this waits
 * for that check and gives its outcome.
 *
 * Returns: %TRUE when the file is sound
 */
gboolean
hubs_store_verify (HubsStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  /* Every write comes here first (see begin()). A write that comes while the worker still
   * checks waits for it rather than checking the file a second time: the wait is never
   * longer than a check on this thread would be, and there is one outcome. */
  if (self->verify_job != NULL && !take_verify_job (self, error))
    return FALSE;

  if (self->verified)
    return TRUE;

  if (self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }

  if (!quick_check (self->db, self->path, &self->damage))
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }

  return mark_verified (self, error);
}

static int
interrupt_when_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* The worker: reads only the store's path and open name, which never change once open. */
static void
verify_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  HubsStore *self = source_object;
  VerifyJob *job = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  if ((db = hubs_store_open_reader (self, &error)) != NULL)
    {
      sqlite3_progress_handler (db, 1000, interrupt_when_cancelled, job->cancellable);
      if (!quick_check (db, self->path, &error) &&
          g_cancellable_is_cancelled (job->cancellable))
        {
          g_clear_error (&error);
          g_cancellable_set_error_if_cancelled (job->cancellable, &error);
        }
      sqlite3_close (db);
    }

  g_mutex_lock (&job->mutex);
  job->error = g_steal_pointer (&error);
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);

  g_task_return_boolean (task, TRUE);
}

/* Back on the main thread: the store takes the outcome unless a write already did, and
 * everyone who asked hears it. */
static void
on_verify_job_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  HubsStore *self = HUBS_STORE (source);
  VerifyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->verify_job == job)
    take_verify_job (self, &error);

  for (guint i = 0; i < job->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (job->waiters, i);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else if (job->error != NULL)
        g_task_return_error (waiter, g_error_copy (job->error));
      else
        g_task_return_boolean (waiter, TRUE);
    }
  g_ptr_array_set_size (job->waiters, 0);
}

/**
 * hubs_store_verify_async:
 * @self: a #HubsStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when the check is done
 * @user_data: data for @callback
 *
 * Checks the whole file for damage like hubs_store_verify(), in a worker thread on a
 * read-only connection of its own, so the main loop keeps running. Callers that ask while a
 * check runs share it. Writes meanwhile wait for it (see hubs_store_verify()). Call from the
 * main thread.
 */
void
hubs_store_verify_async (HubsStore           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUBS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hubs_store_verify_async);

  if (self->check_on_main_thread && self->verify_job == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!hubs_store_verify (self, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->verify_job == NULL && (self->verified || self->damage != NULL))
    {
      if (self->damage != NULL)
        g_task_return_error (task, g_error_copy (self->damage));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->verify_job == NULL)
    {
      g_autoptr(GTask) worker = NULL;
      VerifyJob *job = g_atomic_rc_box_new0 (VerifyJob);

      g_mutex_init (&job->mutex);
      g_cond_init (&job->cond);
      job->cancellable = g_cancellable_new ();
      job->waiters = g_ptr_array_new_with_free_func (g_object_unref);
      self->verify_job = job;

      worker = g_task_new (self, NULL, on_verify_job_done, NULL);
      g_task_set_source_tag (worker, verify_in_thread);
      g_task_set_task_data (worker, verify_job_ref (job), (GDestroyNotify) verify_job_unref);
      g_task_run_in_thread (worker, verify_in_thread);
    }

  g_ptr_array_add (self->verify_job->waiters, g_steal_pointer (&task));
}

/**
 * hubs_store_verify_finish:
 * @self: a #HubsStore
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the file is sound; %FALSE with the damage (shown as
 *   hubs_store_verify() gives it) or %G_IO_ERROR_CANCELLED
 */
gboolean
hubs_store_verify_finish (HubsStore     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * hubs_store_open_reader:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Opens another, read-only connection to the store's file, opened the same way (for a file
 * in a folder that cannot be written, without WAL files). For work in a worker thread: it
 * reads only what never changes once the store is open, so any thread may call it.
 *
 * Returns: (transfer full): the connection, to close with sqlite3_close(), or %NULL
 */
sqlite3 *
hubs_store_open_reader (HubsStore  *self,
                        GError    **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (self->open_name, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW |
                        (self->immutable ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, self->path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

/**
 * hubs_store_set_check_on_main_thread:
 * @self: a #HubsStore
 * @on_main_thread: whether hubs_store_verify_async() checks on the calling thread
 *
 * Makes hubs_store_verify_async() check as the window used to, blocking the main loop: for
 * the benchmark that compares both.
 */
void
hubs_store_set_check_on_main_thread (HubsStore *self,
                                     gboolean   on_main_thread)
{
  g_return_if_fail (HUBS_IS_STORE (self));

  self->check_on_main_thread = !!on_main_thread;
}

/**
 * hubs_store_checkpoint:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Copies every change still only in the `-wal` file into the database file and empties the
 * `-wal` (`PRAGMA wal_checkpoint(TRUNCATE)`), so the database file alone holds everything: a
 * copy of just that file misses nothing. A check for damage still running in a worker is
 * stopped first (it runs again when needed), since its reading would hold the checkpoint
 * back. A read-only store has nothing to copy.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_checkpoint (HubsStore  *self,
                       GError    **error)
{
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  stop_verify_job (self);

  if (self->read_only)
    return TRUE;

  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (HubsStore  *self,
         GError    **error)
{
  while (self->schema_version < HUBS_STORE_SCHEMA_VERSION)
    {
      int to = self->schema_version + 1;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to);

      if (!begin (self, error))
        return FALSE;

      if (!exec (self, migrations[to], error) || !exec (self, set_version, error))
        {
          rollback (self);
          return FALSE;
        }

      if (!commit (self, error))
        return FALSE;

      g_debug ("Migrated %s to schema version %d", self->path, to);
      self->schema_version = to;
    }

  return TRUE;
}

static gboolean
seed (HubsStore  *self,
      GError    **error)
{
  g_autoptr(HubsPlan) plan = NULL;

  if (!(plan = hubs_plan_new_builtin (error)))
    return FALSE;

  return hubs_store_insert_plan (self,
                                 hubs_plan_get_hubs (plan),
                                 hubs_plan_get_kpis (plan),
                                 hubs_plan_get_figures (plan),
                                 hubs_plan_get_phase1_results (plan),
                                 error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hubs_store_finalize (GObject *object)
{
  HubsStore *self = (HubsStore *)object;

  /* A running check holds a reference on the store, so none is left by now. */
  g_assert (self->verify_job == NULL);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_error (&self->damage);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->open_name, g_free);

  G_OBJECT_CLASS (hubs_store_parent_class)->finalize (object);
}

static void
hubs_store_class_init (HubsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hubs_store_finalize;

  /**
   * HubsStore::changed:
   * @self: a #HubsStore
   * @change: (type HubsStoreChange): exactly what changed
   *
   * Emitted once after each change was committed to the database.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
hubs_store_init (HubsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

/**
 * hubs_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/hubs/hubs.sqlite3`
 */
char *
hubs_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hubs", "hubs.sqlite3", NULL);
}

/* Writing needs the file and its folder, where SQLite keeps the -wal and -shm files. */
static gboolean
can_write_beside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Even a reader of a WAL database needs its -shm file, which cannot be made in a folder this
 * user cannot write: such a file is read as immutable, without WAL files. Nothing of it is
 * missed as long as its -wal holds nothing (Hubs empties it on quit, see
 * hubs_store_checkpoint()); when a -wal with changes is there, the file is opened as usual,
 * so SQLite reads them if it can or says why it cannot. */
static gboolean
needs_immutable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_access (dir, W_OK) == 0)
    return FALSE;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

/**
 * hubs_store_open:
 * @path: the database file
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Opens the Hubs database at @path, creating it (and seeding it with the built-in plan
 * unless @flags has %HUBS_STORE_OPEN_NO_SEED) when it does not exist, and bringing an older
 * schema up to date. A file that is not a Hubs database, is damaged or comes from a newer
 * Hubs is refused with %HUBS_STORE_ERROR and is not written to. A file this user cannot
 * write, or one in a folder this user cannot write, opens read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
HubsStore *
hubs_store_open (const char          *path,
                 HubsStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(HubsStore) self = NULL;
  gboolean exists;
  gboolean is_empty = TRUE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HUBS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & HUBS_STORE_OPEN_READ_ONLY) != 0;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   _("“%s” is a folder, not a Hubs database."), path);
      return NULL;
    }

  if (!exists && self->read_only)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }

  if (exists && !self->read_only && !can_write_beside (path))
    self->read_only = TRUE;

  if (exists && self->read_only && needs_immutable (path))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      self->immutable = TRUE;
      self->open_name = g_strconcat ("file:", escaped, "?immutable=1", NULL);
    }
  else
    self->open_name = g_strdup (path);

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int errsv = errno;

          g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                       _("The folder “%1$s” for the database cannot be created: %2$s."),
                       dir, g_strerror (errsv));
          return NULL;
        }
    }

  if (self->read_only)
    open_flags = SQLITE_OPEN_READONLY;
  else if (exists)
    open_flags = SQLITE_OPEN_READWRITE;
  else
    open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  /* Only an immutable file's name is a URI: any other path is taken as it is, even one
   * that starts with “file:”. */
  if (self->immutable)
    open_flags |= SQLITE_OPEN_URI;

  rc = sqlite3_open_v2 (self->open_name, &self->db, open_flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (exists && !check_identity (self, &is_empty, error))
    return NULL;

  /* A new or empty file has nothing to check. hubs_store_verify() switches a checked file to
   * WAL: it writes to the file, so only once the file is known to be sound. */
  if (!exists || is_empty)
    {
      self->verified = TRUE;
      if (!self->read_only && !use_wal (self, error))
        return NULL;
    }
  else if ((flags & HUBS_STORE_OPEN_DEFER_CHECK) == 0 && !hubs_store_verify (self, error))
    return NULL;

  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (self->read_only && self->schema_version < HUBS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” comes from an older version of Hubs and must be "
                     "updated, but it is read-only. Open a copy you can write to."),
                   path);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;

  if (is_empty && (flags & HUBS_STORE_OPEN_NO_SEED) == 0)
    {
      if (!seed (self, error))
        return NULL;
      self->seeded = TRUE;
    }

  return g_steal_pointer (&self);
}

/**
 * hubs_store_get_path:
 * @self: a #HubsStore
 *
 * Returns: the database file's path
 */
const char *
hubs_store_get_path (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * hubs_store_is_read_only:
 * @self: a #HubsStore
 *
 * Returns: %TRUE when the database is open for viewing only
 */
gboolean
hubs_store_is_read_only (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * hubs_store_get_seeded:
 * @self: a #HubsStore
 *
 * Returns: %TRUE when opening created the database and seeded it with the plan
 */
gboolean
hubs_store_get_seeded (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return self->seeded;
}

/**
 * hubs_store_get_schema_version:
 * @self: a #HubsStore
 *
 * Returns: the schema version of the open database
 */
int
hubs_store_get_schema_version (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), 0);

  return self->schema_version;
}

#define HUB_COLUMNS \
  "id, name_ja, name_en, consortium_ja, consortium_en, tier, type, slogan_ja, slogan_en, " \
  "summary_ja, summary_en, members_ja, members_en, focus_ja, focus_en, sort_order"

static HubsHub *
hub_from_row (sqlite3_stmt *stmt)
{
  HubsHub *hub = hubs_hub_new ();

  hub->id = column_text (stmt, 0);
  hub->name_ja = column_text (stmt, 1);
  hub->name_en = column_text (stmt, 2);
  hub->consortium_ja = column_text (stmt, 3);
  hub->consortium_en = column_text (stmt, 4);
  hubs_tier_from_string ((const char *) sqlite3_column_text (stmt, 5), &hub->tier);
  hubs_hub_type_from_string ((const char *) sqlite3_column_text (stmt, 6), &hub->type);
  hub->slogan_ja = column_text (stmt, 7);
  hub->slogan_en = column_text (stmt, 8);
  hub->summary_ja = column_text (stmt, 9);
  hub->summary_en = column_text (stmt, 10);
  hub->members_ja = column_text (stmt, 11);
  hub->members_en = column_text (stmt, 12);
  hub->focus_ja = column_text (stmt, 13);
  hub->focus_en = column_text (stmt, 14);
  hub->sort_order = sqlite3_column_int (stmt, 15);

  return hub;
}

#define KPI_COLUMNS \
  "id, hub_id, parent_id, name_ja, name_en, pillar, unit, aggregation, direction, " \
  "qualifier, per_year, path_from_zero, note_ja, note_en, sort_order"

static HubsKpi *
kpi_from_row (sqlite3_stmt *stmt)
{
  HubsKpi *kpi = hubs_kpi_new ();

  kpi->id = column_text (stmt, 0);
  kpi->hub_id = column_text (stmt, 1);
  kpi->parent_id = column_text (stmt, 2);
  kpi->name_ja = column_text (stmt, 3);
  kpi->name_en = column_text (stmt, 4);
  hubs_pillar_from_string ((const char *) sqlite3_column_text (stmt, 5), &kpi->pillar);
  kpi->unit = column_text (stmt, 6);
  hubs_aggregation_from_string ((const char *) sqlite3_column_text (stmt, 7),
                                &kpi->aggregation);
  hubs_direction_from_string ((const char *) sqlite3_column_text (stmt, 8), &kpi->direction);
  hubs_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 9), &kpi->qualifier);
  kpi->per_year = sqlite3_column_int (stmt, 10) != 0;
  kpi->path_from_zero = sqlite3_column_int (stmt, 11) != 0;
  kpi->note_ja = column_text (stmt, 12);
  kpi->note_en = column_text (stmt, 13);
  kpi->sort_order = sqlite3_column_int (stmt, 14);

  return kpi;
}

#define FIGURE_COLUMNS \
  "kpi_id, fiscal_year, kind, value, measured, as_of, note, confirmed, source"

/* The figure in the nine columns of FIGURE_COLUMNS starting at column @first. */
static HubsFigure *
figure_from_columns (sqlite3_stmt *stmt,
                     int           first)
{
  HubsFigure *figure = hubs_figure_new ();

  figure->kpi_id = column_text (stmt, first);
  figure->fiscal_year = sqlite3_column_int (stmt, first + 1);
  hubs_figure_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 2),
                                &figure->kind);
  figure->value = sqlite3_column_double (stmt, first + 3);
  figure->measured = sqlite3_column_int (stmt, first + 4) != 0;
  figure->as_of = column_text (stmt, first + 5);
  figure->note = column_text (stmt, first + 6);
  figure->confirmed = sqlite3_column_int (stmt, first + 7) != 0;
  figure->source = column_text (stmt, first + 8);

  return figure;
}

static HubsFigure *
figure_from_row (sqlite3_stmt *stmt)
{
  return figure_from_columns (stmt, 0);
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Steps a prepared, bound statement to the end and collects one object per row. */
static GPtrArray *
collect_rows (HubsStore      *self,
              sqlite3_stmt   *stmt,
              RowFunc         row_func,
              GDestroyNotify  free_func,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_func (stmt));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Like collect_rows() for a statement that selects at most one row. */
static gpointer
collect_one (HubsStore      *self,
             sqlite3_stmt   *stmt,
             RowFunc         row_func,
             GDestroyNotify  free_func,
             const char     *not_found,
             GError        **error)
{
  g_autoptr(GPtrArray) rows = collect_rows (self, stmt, row_func, free_func, error);

  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND, not_found);
      return NULL;
    }

  return g_ptr_array_steal_index (rows, 0);
}

/**
 * hubs_store_list_hubs:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsHub): every hub in sort order
 */
GPtrArray *
hubs_store_list_hubs (HubsStore  *self,
                      GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT " HUB_COLUMNS " FROM hub ORDER BY sort_order, id", error)))
    return NULL;

  return collect_rows (self, stmt, (RowFunc) hub_from_row, (GDestroyNotify) hubs_hub_free,
                       error);
}

/**
 * hubs_store_get_hub:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the hub, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND
 */
HubsHub *
hubs_store_get_hub (HubsStore   *self,
                    const char  *hub_id,
                    GError     **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if (!(stmt = prepare (self, "SELECT " HUB_COLUMNS " FROM hub WHERE id = ?1", error)))
    return NULL;
  bind_text (stmt, 1, hub_id);

  what = g_strdup_printf (_("There is no hub “%s” in the database."), hub_id);

  return collect_one (self, stmt, (RowFunc) hub_from_row, (GDestroyNotify) hubs_hub_free,
                      what, error);
}

/**
 * hubs_store_list_kpis:
 * @self: a #HubsStore
 * @hub_id: (nullable): a hub id, or %NULL for the KPIs of every hub
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsKpi): the KPIs in sort order
 */
GPtrArray *
hubs_store_list_kpis (HubsStore   *self,
                      const char  *hub_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (hub_id != NULL)
    {
      if (!(stmt = prepare (self,
                            "SELECT " KPI_COLUMNS " FROM kpi WHERE hub_id = ?1 "
                            "ORDER BY sort_order, id", error)))
        return NULL;
      bind_text (stmt, 1, hub_id);
    }
  else
    {
      if (!(stmt = prepare (self,
                            "SELECT " KPI_COLUMNS " FROM kpi "
                            "ORDER BY (SELECT sort_order FROM hub WHERE hub.id = kpi.hub_id), "
                            "hub_id, sort_order, id", error)))
        return NULL;
    }

  return collect_rows (self, stmt, (RowFunc) kpi_from_row, (GDestroyNotify) hubs_kpi_free,
                       error);
}

/**
 * hubs_store_get_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the KPI, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND
 */
HubsKpi *
hubs_store_get_kpi (HubsStore   *self,
                    const char  *kpi_id,
                    GError     **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = prepare (self, "SELECT " KPI_COLUMNS " FROM kpi WHERE id = ?1", error)))
    return NULL;
  bind_text (stmt, 1, kpi_id);

  what = g_strdup_printf (_("There is no KPI “%s” in the database."), kpi_id);

  return collect_one (self, stmt, (RowFunc) kpi_from_row, (GDestroyNotify) hubs_kpi_free,
                      what, error);
}

/**
 * hubs_store_list_figures:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsFigure): the KPI's figures by fiscal year, then
 *   baseline, target, actual
 */
GPtrArray *
hubs_store_list_figures (HubsStore   *self,
                         const char  *kpi_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " FIGURE_COLUMNS " FROM figure WHERE kpi_id = ?1 "
                        "ORDER BY fiscal_year, "
                        "CASE kind WHEN 'baseline' THEN 0 WHEN 'target' THEN 1 ELSE 2 END",
                        error)))
    return NULL;
  bind_text (stmt, 1, kpi_id);

  return collect_rows (self, stmt, (RowFunc) figure_from_row,
                       (GDestroyNotify) hubs_figure_free, error);
}

/**
 * hubs_store_list_hub_figures:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Reads the figures of every KPI of a hub in one query, for summaries over many hubs.
 *
 * Returns: (transfer full) (element-type utf8 GPtrArray): for each KPI id that has figures,
 *   its figures in the order of hubs_store_list_figures()
 */
GHashTable *
hubs_store_list_hub_figures (HubsStore   *self,
                             const char  *hub_id,
                             GError     **error)
{
  g_autoptr(GHashTable) by_kpi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " FIGURE_COLUMNS " FROM figure "
                        "WHERE kpi_id IN (SELECT id FROM kpi WHERE hub_id = ?1) "
                        "ORDER BY kpi_id, fiscal_year, "
                        "CASE kind WHEN 'baseline' THEN 0 WHEN 'target' THEN 1 ELSE 2 END",
                        error)))
    return NULL;
  bind_text (stmt, 1, hub_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HubsFigure *figure = figure_from_row (stmt);
      GPtrArray *figures = g_hash_table_lookup (by_kpi, figure->kpi_id);

      if (figures == NULL)
        {
          figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
          g_hash_table_insert (by_kpi, g_strdup (figure->kpi_id), figures);
        }
      g_ptr_array_add (figures, figure);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&by_kpi);
}

/**
 * hubs_store_get_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the figure, or %NULL with %HUBS_STORE_ERROR_NOT_FOUND when
 *   there is none
 */
HubsFigure *
hubs_store_get_figure (HubsStore       *self,
                       const char      *kpi_id,
                       int              fiscal_year,
                       HubsFigureKind   kind,
                       GError         **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT " FIGURE_COLUMNS " FROM figure "
                        "WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = ?3", error)))
    return NULL;
  bind_text (stmt, 1, kpi_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  bind_text (stmt, 3, hubs_figure_kind_to_string (kind));

  /* Translators: %1$s is a KPI id, %2$d a fiscal year, %3$s baseline, target or actual */
  what = g_strdup_printf (_("There is no figure of “%1$s” for %2$d (%3$s) in the database."),
                          kpi_id, fiscal_year, hubs_figure_kind_get_label (kind));

  return collect_one (self, stmt, (RowFunc) figure_from_row,
                      (GDestroyNotify) hubs_figure_free, what, error);
}

/**
 * hubs_store_search_hubs:
 * @self: a #HubsStore
 * @text: what the user typed
 * @error: a location for a #GError
 *
 * Finds the hubs whose name, consortium, or any KPI's name contains @text, in Japanese or
 * English (ASCII letters without regard to case). The search runs in SQL so that a database
 * with many hubs stays quick.
 *
 * Returns: (transfer full) (element-type utf8 utf8): a set of matching hub ids
 */
GHashTable *
hubs_store_search_hubs (HubsStore   *self,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  if (!(stmt = prepare (self,
                        "SELECT id FROM hub WHERE name_ja LIKE ?1 ESCAPE '\\' "
                        "OR name_en LIKE ?1 ESCAPE '\\' OR consortium_ja LIKE ?1 ESCAPE '\\' "
                        "OR consortium_en LIKE ?1 ESCAPE '\\' "
                        "UNION SELECT hub_id FROM kpi WHERE name_ja LIKE ?1 ESCAPE '\\' "
                        "OR name_en LIKE ?1 ESCAPE '\\'", error)))
    return NULL;
  bind_text (stmt, 1, pattern->str);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static HubsPhase1Result *
phase1_from_row (sqlite3_stmt *stmt)
{
  HubsPhase1Result *result = hubs_phase1_result_new ();

  result->id = column_text (stmt, 0);
  result->hub_id = column_text (stmt, 1);
  result->name_ja = column_text (stmt, 2);
  result->name_en = column_text (stmt, 3);
  result->unit = column_text (stmt, 4);
  result->start = sqlite3_column_double (stmt, 5);
  result->has_target = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  result->target = sqlite3_column_double (stmt, 6);
  result->target_text_ja = column_text (stmt, 7);
  result->target_text_en = column_text (stmt, 8);
  result->result = sqlite3_column_double (stmt, 9);
  result->sort_order = sqlite3_column_int (stmt, 10);

  return result;
}

/**
 * hubs_store_list_phase1_results:
 * @self: a #HubsStore
 * @hub_id: (nullable): a hub id, or %NULL for all
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsPhase1Result): the phase-1 results
 */
GPtrArray *
hubs_store_list_phase1_results (HubsStore   *self,
                                const char  *hub_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = prepare (self,
                        "SELECT id, hub_id, name_ja, name_en, unit, start_value, target_value, "
                        "target_text_ja, target_text_en, result_value, sort_order "
                        "FROM phase1_result WHERE ?1 IS NULL OR hub_id = ?1 "
                        "ORDER BY sort_order, id", error)))
    return NULL;
  if (hub_id != NULL)
    bind_text (stmt, 1, hub_id);

  return collect_rows (self, stmt, (RowFunc) phase1_from_row,
                       (GDestroyNotify) hubs_phase1_result_free, error);
}

static HubsHistoryEntry *
history_from_row (sqlite3_stmt *stmt)
{
  HubsHistoryEntry *entry = g_new0 (HubsHistoryEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->changed_at = column_text (stmt, 1);
  entry->hub_id = column_text (stmt, 2);
  entry->kpi_id = column_text (stmt, 3);
  entry->fiscal_year = sqlite3_column_int (stmt, 4);
  entry->kind = column_text (stmt, 5);
  entry->field = column_text (stmt, 6);
  entry->old_value = column_text (stmt, 7);
  entry->new_value = column_text (stmt, 8);

  return entry;
}

/**
 * hubs_store_list_history:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type HubsHistoryEntry): every recorded change of the
 *   KPI and its figures, oldest first
 */
GPtrArray *
hubs_store_list_history (HubsStore   *self,
                         const char  *kpi_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT id, changed_at, hub_id, kpi_id, fiscal_year, kind, field, "
                        "old_value, new_value FROM history WHERE kpi_id = ?1 ORDER BY id",
                        error)))
    return NULL;
  bind_text (stmt, 1, kpi_id);

  return collect_rows (self, stmt, (RowFunc) history_from_row,
                       (GDestroyNotify) hubs_history_entry_free, error);
}

/**
 * hubs_store_list_recent_history:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @before_id: only changes older than this history id, or 0 for no bound
 * @after_id: only changes newer than this history id, or 0 for no bound
 * @limit: at most this many, or 0 for no limit
 * @error: a location for a #GError
 *
 * A page of the KPI's history, newest first, read with an index and a `LIMIT`, so that a
 * long history costs no more than the page shown.
 *
 * Returns: (transfer full) (element-type HubsHistoryEntry): the changes, newest first
 */
GPtrArray *
hubs_store_list_recent_history (HubsStore   *self,
                                const char  *kpi_id,
                                gint64       before_id,
                                gint64       after_id,
                                guint        limit,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(stmt = prepare (self,
                        "SELECT id, changed_at, hub_id, kpi_id, fiscal_year, kind, field, "
                        "old_value, new_value FROM history "
                        "WHERE kpi_id = ?1 AND (?2 = 0 OR id < ?2) AND id > ?3 "
                        "ORDER BY id DESC LIMIT ?4",
                        error)))
    return NULL;
  bind_text (stmt, 1, kpi_id);
  sqlite3_bind_int64 (stmt, 2, before_id);
  sqlite3_bind_int64 (stmt, 3, after_id);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);

  return collect_rows (self, stmt, (RowFunc) history_from_row,
                       (GDestroyNotify) hubs_history_entry_free, error);
}

/* The value as history records it: the plain number, "not_measured", or NULL for none. */
static char *
figure_value_text (const HubsFigure *figure)
{
  if (figure == NULL)
    return NULL;
  if (!figure->measured)
    return g_strdup ("not_measured");
  return hubs_value_to_plain_string (figure->value);
}

/* Appends one history row when @old_value and @new_value differ. @kind may be NULL and
 * @fiscal_year 0 for a change of the KPI or hub itself. */
static gboolean
append_history_row (HubsStore   *self,
                    const char  *hub_id,
                    const char  *kpi_id,
                    int          fiscal_year,
                    const char  *kind,
                    const char  *field,
                    const char  *old_value,
                    const char  *new_value,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  if (!(stmt = prepare (self,
                        "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, field, "
                        "old_value, new_value) "
                        "VALUES (coalesce (?1, (SELECT hub_id FROM kpi WHERE id = ?2)), ?2, "
                        "nullif (?3, 0), ?4, ?5, ?6, ?7)",
                        error)))
    return FALSE;

  bind_text (stmt, 1, hub_id);
  bind_text (stmt, 2, kpi_id);
  sqlite3_bind_int (stmt, 3, fiscal_year);
  bind_text (stmt, 4, kind);
  bind_text (stmt, 5, field);
  bind_text (stmt, 6, old_value);
  bind_text (stmt, 7, new_value);

  return step_done (self, stmt, error);
}

/* One INSERT for the one to five fields of a figure that changed: row N binds its field, old
 * and new value to ?(5+3N), ?(6+3N) and ?(7+3N). */
#define HISTORY_INSERT \
  "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, field, old_value, new_value) VALUES "
#define HISTORY_ROW(f, o, n) \
  "(coalesce (?1, (SELECT hub_id FROM kpi WHERE id = ?2)), ?2, nullif (?3, 0), ?4, " \
  "?" #f ", ?" #o ", ?" #n ")"
#define HISTORY_ROWS_1 HISTORY_ROW (5, 6, 7)
#define HISTORY_ROWS_2 HISTORY_ROWS_1 ", " HISTORY_ROW (8, 9, 10)
#define HISTORY_ROWS_3 HISTORY_ROWS_2 ", " HISTORY_ROW (11, 12, 13)
#define HISTORY_ROWS_4 HISTORY_ROWS_3 ", " HISTORY_ROW (14, 15, 16)
#define HISTORY_ROWS_5 HISTORY_ROWS_4 ", " HISTORY_ROW (17, 18, 19)

static const char * const figure_history_inserts[] = {
  HISTORY_INSERT HISTORY_ROWS_1,
  HISTORY_INSERT HISTORY_ROWS_2,
  HISTORY_INSERT HISTORY_ROWS_3,
  HISTORY_INSERT HISTORY_ROWS_4,
  HISTORY_INSERT HISTORY_ROWS_5,
};

#define N_FIGURE_FIELDS 5

/* Appends one history row for each field that differs between @old (or no figure) and
 * @new (or no figure), in one statement. @hub_id may be %NULL: it is then looked up. */
static gboolean
append_figure_history (HubsStore         *self,
                       const char        *hub_id,
                       const char        *kpi_id,
                       int                fiscal_year,
                       HubsFigureKind     kind,
                       const HubsFigure  *old,
                       const HubsFigure  *new,
                       GError           **error)
{
  g_autofree char *old_value = figure_value_text (old);
  g_autofree char *new_value = figure_value_text (new);
  const char *fields[N_FIGURE_FIELDS] = { "value", "confirmed", "note", "source", "as_of" };
  const char *olds[N_FIGURE_FIELDS] = {
    old_value,
    old == NULL ? NULL : old->confirmed ? "confirmed" : "provisional",
    old ? old->note : NULL,
    old ? old->source : NULL,
    old ? old->as_of : NULL,
  };
  const char *news[N_FIGURE_FIELDS] = {
    new_value,
    new == NULL ? NULL : new->confirmed ? "confirmed" : "provisional",
    new ? new->note : NULL,
    new ? new->source : NULL,
    new ? new->as_of : NULL,
  };
  sqlite3_stmt *stmt;
  guint n = 0;

  for (guint i = 0; i < N_FIGURE_FIELDS; i++)
    if (g_strcmp0 (olds[i], news[i]) != 0)
      n++;

  if (n == 0)
    return TRUE;

  if (!(stmt = prepare (self, figure_history_inserts[n - 1], error)))
    return FALSE;

  bind_text (stmt, 1, hub_id);
  bind_text (stmt, 2, kpi_id);
  sqlite3_bind_int (stmt, 3, fiscal_year);
  bind_text (stmt, 4, hubs_figure_kind_to_string (kind));
  for (guint i = 0, row = 0; i < N_FIGURE_FIELDS; i++)
    {
      if (g_strcmp0 (olds[i], news[i]) == 0)
        continue;
      bind_text (stmt, 5 + 3 * row, fields[i]);
      bind_text (stmt, 6 + 3 * row, olds[i]);
      bind_text (stmt, 7 + 3 * row, news[i]);
      row++;
    }

  return step_done (self, stmt, error);
}

static gboolean
write_figure (HubsStore         *self,
              const HubsFigure  *figure,
              GError           **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self,
                        "INSERT OR REPLACE INTO figure (" FIGURE_COLUMNS ") "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
    return FALSE;

  bind_text (stmt, 1, figure->kpi_id);
  sqlite3_bind_int (stmt, 2, figure->fiscal_year);
  bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
  if (figure->measured)
    sqlite3_bind_double (stmt, 4, figure->value);
  sqlite3_bind_int (stmt, 5, figure->measured);
  bind_text (stmt, 6, figure->as_of);
  bind_text (stmt, 7, figure->note);
  sqlite3_bind_int (stmt, 8, figure->confirmed);
  bind_text (stmt, 9, figure->source);

  return step_done (self, stmt, error);
}

static void
emit_change (HubsStore             *self,
             const HubsStoreChange *change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

static void
emit_simple_change (HubsStore           *self,
                    HubsStoreChangeKind  kind,
                    const char          *hub_id,
                    const char          *kpi_id)
{
  HubsStoreChange change = { .kind = kind, .hub_id = hub_id, .kpi_id = kpi_id };

  emit_change (self, &change);
}

static gboolean
same_figure (const HubsFigure *a,
             const HubsFigure *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return hubs_figure_equal (a, b);
}

/* Reads, in one statement, the hub and unit of @kpi_id and its figure of @fiscal_year and
 * @kind (%NULL in @old when there is none). Fails with %HUBS_STORE_ERROR_NOT_FOUND when the
 * KPI does not exist. */
static gboolean
read_figure_for_change (HubsStore       *self,
                        const char      *kpi_id,
                        int              fiscal_year,
                        HubsFigureKind   kind,
                        char           **hub_id,
                        char           **unit,
                        HubsFigure     **old,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self,
                        "SELECT k.hub_id, k.unit, f.kpi_id, f.fiscal_year, f.kind, f.value, "
                        "f.measured, f.as_of, f.note, f.confirmed, f.source "
                        "FROM kpi k LEFT JOIN figure f "
                        "ON f.kpi_id = k.id AND f.fiscal_year = ?2 AND f.kind = ?3 "
                        "WHERE k.id = ?1", error)))
    return FALSE;
  bind_text (stmt, 1, kpi_id);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  bind_text (stmt, 3, hubs_figure_kind_to_string (kind));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *hub_id = column_text (stmt, 0);
      *unit = column_text (stmt, 1);
      *old = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? figure_from_columns (stmt, 2) : NULL;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("There is no KPI “%s” in the database."), kpi_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

static void
set_conflict_error (GError          **error,
                    const HubsFigure *now,
                    const char       *unit)
{
  g_autofree char *value = NULL;

  if (now == NULL)
    value = g_strdup (_("no figure"));
  else if (!now->measured)
    value = g_strdup (_("not measured"));
  else
    value = hubs_format_value (now->value, unit, hubs_language_current ());

  g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
               /* Translators: %s is the figure as it is now stored, e.g. “999 companies” */
               _("This figure was changed elsewhere meanwhile and now reads %s, so nothing "
                 "was changed."),
               value);
}

/* Replaces (or with @figure %NULL, removes) one figure and records the change, in one
 * transaction: one read, the write, one history insert. With @check, only when the stored
 * figure is still @expected (%NULL: none). */
static gboolean
change_figure (HubsStore         *self,
               const char        *kpi_id,
               int                fiscal_year,
               HubsFigureKind     kind,
               gboolean           check,
               const HubsFigure  *expected,
               const HubsFigure  *figure,
               GError           **error)
{
  g_autoptr(HubsFigure) old = NULL;
  g_autofree char *hub_id = NULL;
  g_autofree char *unit = NULL;
  HubsStoreChange change = { 0 };

  if (figure != NULL && (figure->fiscal_year != fiscal_year || figure->kind != kind ||
                         g_strcmp0 (figure->kpi_id, kpi_id) != 0))
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           "The figure does not belong where it is stored.");
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  if (!read_figure_for_change (self, kpi_id, fiscal_year, kind, &hub_id, &unit, &old, error))
    goto failed;

  if (check && !same_figure (old, expected) && !same_figure (old, figure))
    {
      set_conflict_error (error, old, unit);
      goto failed;
    }

  if (same_figure (old, figure))
    {
      rollback (self);
      return TRUE;
    }

  if (figure != NULL)
    {
      if (!write_figure (self, figure, error))
        goto failed;
    }
  else
    {
      sqlite3_stmt *stmt;

      if (!(stmt = prepare (self,
                            "DELETE FROM figure "
                            "WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = ?3", error)))
        goto failed;
      bind_text (stmt, 1, kpi_id);
      sqlite3_bind_int (stmt, 2, fiscal_year);
      bind_text (stmt, 3, hubs_figure_kind_to_string (kind));
      if (!step_done (self, stmt, error))
        goto failed;
    }

  if (!append_figure_history (self, hub_id, kpi_id, fiscal_year, kind, old, figure, error) ||
      !commit (self, error))
    goto failed;

  change.kind = HUBS_STORE_CHANGE_FIGURE;
  change.hub_id = hub_id;
  change.kpi_id = kpi_id;
  change.fiscal_year = fiscal_year;
  change.figure_kind = kind;
  change.figure = figure;
  emit_change (self, &change);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_set_figure:
 * @self: a #HubsStore
 * @figure: the figure to store
 * @error: a location for a #GError
 *
 * Stores @figure in place of the KPI's figure of the same fiscal year and kind, and records
 * what changed in the history, in one transaction. Storing what is already there changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_set_figure (HubsStore         *self,
                       const HubsFigure  *figure,
                       GError           **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (figure->kpi_id != NULL, FALSE);

  if (figure->measured && !isfinite (figure->value))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A figure must be a finite number."));
      return FALSE;
    }

  return change_figure (self, figure->kpi_id, figure->fiscal_year, figure->kind, FALSE, NULL,
                        figure, error);
}

/**
 * hubs_store_remove_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @error: a location for a #GError
 *
 * Removes one figure ("no figure") and records it in the history, in one transaction.
 * Removing a figure that is not there changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_remove_figure (HubsStore       *self,
                          const char      *kpi_id,
                          int              fiscal_year,
                          HubsFigureKind   kind,
                          GError         **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return change_figure (self, kpi_id, fiscal_year, kind, FALSE, NULL, NULL, error);
}

/**
 * hubs_store_replace_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @before: (nullable): the figure the change was made against, %NULL for none
 * @after: (nullable): the figure to store, %NULL to remove it
 * @error: a location for a #GError
 *
 * Like hubs_store_set_figure() and hubs_store_remove_figure(), but only while the stored
 * figure is still @before: when another writer (an import, another window) changed it
 * meanwhile, fails with %HUBS_STORE_ERROR_CONFLICT, says what it now reads, and changes
 * nothing. A figure already equal to @after changes nothing and succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_replace_figure (HubsStore         *self,
                           const char        *kpi_id,
                           int                fiscal_year,
                           HubsFigureKind     kind,
                           const HubsFigure  *before,
                           const HubsFigure  *after,
                           GError           **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  if (after != NULL && after->measured && !isfinite (after->value))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A figure must be a finite number."));
      return FALSE;
    }

  return change_figure (self, kpi_id, fiscal_year, kind, TRUE, before, after, error);
}

static gboolean
insert_hub (HubsStore      *self,
            const HubsHub  *hub,
            GError        **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self,
                        "INSERT INTO hub (" HUB_COLUMNS ") VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                        error)))
    return FALSE;

  bind_text (stmt, 1, hub->id);
  bind_text_or_empty (stmt, 2, hub->name_ja);
  bind_text_or_empty (stmt, 3, hub->name_en);
  bind_text_or_empty (stmt, 4, hub->consortium_ja);
  bind_text_or_empty (stmt, 5, hub->consortium_en);
  bind_text (stmt, 6, hubs_tier_to_string (hub->tier));
  bind_text (stmt, 7, hubs_hub_type_to_string (hub->type));
  bind_text_or_empty (stmt, 8, hub->slogan_ja);
  bind_text_or_empty (stmt, 9, hub->slogan_en);
  bind_text_or_empty (stmt, 10, hub->summary_ja);
  bind_text_or_empty (stmt, 11, hub->summary_en);
  bind_text_or_empty (stmt, 12, hub->members_ja);
  bind_text_or_empty (stmt, 13, hub->members_en);
  bind_text_or_empty (stmt, 14, hub->focus_ja);
  bind_text_or_empty (stmt, 15, hub->focus_en);
  sqlite3_bind_int (stmt, 16, hub->sort_order);

  return step_done (self, stmt, error);
}

static gboolean
insert_kpi (HubsStore      *self,
            const HubsKpi  *kpi,
            GError        **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self,
                        "INSERT INTO kpi (" KPI_COLUMNS ") VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                        error)))
    return FALSE;

  bind_text (stmt, 1, kpi->id);
  bind_text (stmt, 2, kpi->hub_id);
  bind_text (stmt, 3, kpi->parent_id);
  bind_text_or_empty (stmt, 4, kpi->name_ja);
  bind_text_or_empty (stmt, 5, kpi->name_en);
  bind_text (stmt, 6, hubs_pillar_to_string (kpi->pillar));
  bind_text_or_empty (stmt, 7, kpi->unit);
  bind_text (stmt, 8, hubs_aggregation_to_string (kpi->aggregation));
  bind_text (stmt, 9, hubs_direction_to_string (kpi->direction));
  bind_text (stmt, 10, hubs_qualifier_to_string (kpi->qualifier));
  sqlite3_bind_int (stmt, 11, kpi->per_year);
  sqlite3_bind_int (stmt, 12, kpi->path_from_zero);
  bind_text_or_empty (stmt, 13, kpi->note_ja);
  bind_text_or_empty (stmt, 14, kpi->note_en);
  sqlite3_bind_int (stmt, 15, kpi->sort_order);

  return step_done (self, stmt, error);
}

static gboolean
insert_phase1_result (HubsStore               *self,
                      const HubsPhase1Result  *result,
                      GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self,
                        "INSERT INTO phase1_result (id, hub_id, name_ja, name_en, unit, "
                        "start_value, target_value, target_text_ja, target_text_en, "
                        "result_value, sort_order) VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  bind_text (stmt, 1, result->id);
  bind_text (stmt, 2, result->hub_id);
  bind_text_or_empty (stmt, 3, result->name_ja);
  bind_text_or_empty (stmt, 4, result->name_en);
  bind_text_or_empty (stmt, 5, result->unit);
  sqlite3_bind_double (stmt, 6, result->start);
  if (result->has_target)
    sqlite3_bind_double (stmt, 7, result->target);
  bind_text_or_empty (stmt, 8, result->target_text_ja);
  bind_text_or_empty (stmt, 9, result->target_text_en);
  sqlite3_bind_double (stmt, 10, result->result);
  sqlite3_bind_int (stmt, 11, result->sort_order);

  return step_done (self, stmt, error);
}

/* The KPI's fields as history records them, in a fixed order. */
static void
kpi_fields (const HubsKpi *kpi,
            const char   **names,
            char         **values)
{
  static const char * const field_names[] = {
    "name_ja", "name_en", "pillar", "unit", "aggregation", "direction", "qualifier",
    "per_year", "path_from_zero", "note_ja", "note_en", "parent_id",
  };
  guint i = 0;

  for (i = 0; i < G_N_ELEMENTS (field_names); i++)
    names[i] = field_names[i];

  i = 0;
  values[i++] = g_strdup (kpi ? kpi->name_ja : NULL);
  values[i++] = g_strdup (kpi ? kpi->name_en : NULL);
  values[i++] = g_strdup (kpi ? hubs_pillar_to_string (kpi->pillar) : NULL);
  values[i++] = g_strdup (kpi ? kpi->unit : NULL);
  values[i++] = g_strdup (kpi ? hubs_aggregation_to_string (kpi->aggregation) : NULL);
  values[i++] = g_strdup (kpi ? hubs_direction_to_string (kpi->direction) : NULL);
  values[i++] = g_strdup (kpi ? hubs_qualifier_to_string (kpi->qualifier) : NULL);
  values[i++] = kpi ? g_strdup (kpi->per_year ? "true" : "false") : NULL;
  values[i++] = kpi ? g_strdup (kpi->path_from_zero ? "true" : "false") : NULL;
  values[i++] = g_strdup (kpi ? kpi->note_ja : NULL);
  values[i++] = g_strdup (kpi ? kpi->note_en : NULL);
  values[i++] = g_strdup (kpi ? kpi->parent_id : NULL);
}

#define N_KPI_FIELDS 12

static gboolean
append_kpi_history (HubsStore      *self,
                    const char     *hub_id,
                    const char     *kpi_id,
                    const HubsKpi  *old,
                    const HubsKpi  *new,
                    GError        **error)
{
  const char *names[N_KPI_FIELDS];
  char *old_values[N_KPI_FIELDS];
  char *new_values[N_KPI_FIELDS];
  gboolean ok = TRUE;

  kpi_fields (old, names, old_values);
  kpi_fields (new, names, new_values);

  for (guint i = 0; i < N_KPI_FIELDS; i++)
    {
      if (ok)
        ok = append_history_row (self, hub_id, kpi_id, 0, NULL, names[i],
                                 old_values[i], new_values[i], error);
      g_free (old_values[i]);
      g_free (new_values[i]);
    }

  return ok;
}

static gboolean
update_kpi (HubsStore      *self,
            const HubsKpi  *kpi,
            GError        **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self,
                        "UPDATE kpi SET parent_id = ?2, name_ja = ?3, name_en = ?4, pillar = ?5, "
                        "unit = ?6, aggregation = ?7, direction = ?8, qualifier = ?9, "
                        "per_year = ?10, path_from_zero = ?11, note_ja = ?12, note_en = ?13 "
                        "WHERE id = ?1", error)))
    return FALSE;

  bind_text (stmt, 1, kpi->id);
  bind_text (stmt, 2, kpi->parent_id);
  bind_text_or_empty (stmt, 3, kpi->name_ja);
  bind_text_or_empty (stmt, 4, kpi->name_en);
  bind_text (stmt, 5, hubs_pillar_to_string (kpi->pillar));
  bind_text_or_empty (stmt, 6, kpi->unit);
  bind_text (stmt, 7, hubs_aggregation_to_string (kpi->aggregation));
  bind_text (stmt, 8, hubs_direction_to_string (kpi->direction));
  bind_text (stmt, 9, hubs_qualifier_to_string (kpi->qualifier));
  sqlite3_bind_int (stmt, 10, kpi->per_year);
  sqlite3_bind_int (stmt, 11, kpi->path_from_zero);
  bind_text_or_empty (stmt, 12, kpi->note_ja);
  bind_text_or_empty (stmt, 13, kpi->note_en);

  return step_done (self, stmt, error);
}

static gboolean
check_kpi (const HubsKpi  *kpi,
           GError        **error)
{
  if ((kpi->name_ja == NULL || *kpi->name_ja == '\0') &&
      (kpi->name_en == NULL || *kpi->name_en == '\0'))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A KPI needs a name in Japanese or English."));
      return FALSE;
    }

  if (kpi->unit == NULL || *kpi->unit == '\0')
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A KPI needs a unit, such as 社 or 件."));
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_store_save_kpi:
 * @self: a #HubsStore
 * @kpi: the KPI's fields; its id says which KPI
 * @error: a location for a #GError
 *
 * Adds @kpi, at the end of its hub, or updates the KPI with its id, recording each changed
 * field in the history, in one transaction. Sort order is changed only by
 * hubs_store_move_kpi().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_save_kpi (HubsStore      *self,
                     const HubsKpi  *kpi,
                     GError        **error)
{
  g_autoptr(HubsKpi) old = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi != NULL && kpi->id != NULL && kpi->hub_id != NULL, FALSE);

  if (!check_kpi (kpi, error) || !begin (self, error))
    return FALSE;

  old = hubs_store_get_kpi (self, kpi->id, &local_error);
  if (old == NULL && !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  if (old != NULL)
    {
      if (!update_kpi (self, kpi, error))
        goto failed;
    }
  else
    {
      g_autoptr(HubsKpi) added = hubs_kpi_copy (kpi);
      int n_kpis;
      sqlite3_stmt *stmt;

      if (!(stmt = prepare (self, "SELECT coalesce (max (sort_order) + 1, 0) FROM kpi "
                                  "WHERE hub_id = ?1", error)))
        goto failed;
      bind_text (stmt, 1, kpi->hub_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          set_sqlite_error (error, self->db, sqlite3_errcode (self->db), self->path);
          goto failed;
        }
      n_kpis = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);

      added->sort_order = n_kpis;
      if (!insert_kpi (self, added, error))
        goto failed;
    }

  if (!append_kpi_history (self, kpi->hub_id, kpi->id, old, kpi, error) ||
      !commit (self, error))
    goto failed;

  if (old != NULL)
    {
      g_autoptr(HubsKpi) saved = hubs_kpi_copy (kpi);
      HubsStoreChange change = {
        .kind = HUBS_STORE_CHANGE_KPI, .hub_id = kpi->hub_id, .kpi_id = kpi->id, .kpi = saved,
      };

      /* Its place is changed only by hubs_store_move_kpi(). */
      saved->sort_order = old->sort_order;
      emit_change (self, &change);
    }
  else
    emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi->id);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_delete_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Deletes a KPI and its figures, recording every deleted field and figure in the history so
 * that nothing is lost, in one transaction. Its breakdowns stay, without a parent.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_delete_kpi (HubsStore   *self,
                       const char  *kpi_id,
                       GError     **error)
{
  g_autoptr(HubsKpi) old = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!(old = hubs_store_get_kpi (self, kpi_id, error)) ||
      !(figures = hubs_store_list_figures (self, kpi_id, error)))
    goto failed;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!append_figure_history (self, old->hub_id, kpi_id, figure->fiscal_year, figure->kind,
                                  figure, NULL,
                                  error))
        goto failed;
    }

  if (!append_kpi_history (self, old->hub_id, kpi_id, old, NULL, error))
    goto failed;

  if (!(stmt = prepare (self, "DELETE FROM kpi WHERE id = ?1", error)))
    goto failed;
  bind_text (stmt, 1, kpi_id);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, old->hub_id, kpi_id);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_restore_kpi:
 * @self: a #HubsStore
 * @kpi: a deleted KPI, as it was, with its sort order
 * @figures: (element-type HubsFigure): its figures
 * @error: a location for a #GError
 *
 * Puts a deleted KPI and its figures back where they were, in one transaction; undoes
 * hubs_store_delete_kpi().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_restore_kpi (HubsStore      *self,
                        const HubsKpi  *kpi,
                        GPtrArray      *figures,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi != NULL && figures != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  /* Make room at its old place. */
  if (!(stmt = prepare (self, "UPDATE kpi SET sort_order = sort_order + 1 "
                              "WHERE hub_id = ?1 AND sort_order >= ?2", error)))
    goto failed;
  bind_text (stmt, 1, kpi->hub_id);
  sqlite3_bind_int (stmt, 2, kpi->sort_order);
  if (!step_done (self, stmt, error) || !insert_kpi (self, kpi, error) ||
      !append_kpi_history (self, kpi->hub_id, kpi->id, NULL, kpi, error))
    goto failed;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!write_figure (self, figure, error) ||
          !append_figure_history (self, kpi->hub_id, kpi->id, figure->fiscal_year, figure->kind,
                                  NULL,
                                  figure, error))
        goto failed;
    }

  if (!commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi->id);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_move_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @delta: -1 to move it up one place within its hub, 1 to move it down
 * @error: a location for a #GError
 *
 * Swaps the KPI with its neighbour, in one transaction. Moving past either end changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_move_kpi (HubsStore   *self,
                     const char  *kpi_id,
                     int          delta,
                     GError     **error)
{
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *old_position = NULL;
  g_autofree char *new_position = NULL;
  const HubsKpi *other;
  sqlite3_stmt *stmt;
  guint index = 0;
  int target;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!(kpi = hubs_store_get_kpi (self, kpi_id, error)) ||
      !(kpis = hubs_store_list_kpis (self, kpi->hub_id, error)))
    goto failed;

  while (index < kpis->len && !g_str_equal (((HubsKpi *) kpis->pdata[index])->id, kpi_id))
    index++;

  target = (int) index + delta;
  if (target < 0 || target >= (int) kpis->len)
    {
      rollback (self);
      return TRUE;
    }

  other = g_ptr_array_index (kpis, target);

  /* Renumber the whole hub so equal sort orders from older data cannot stall a move. */
  if (!(stmt = prepare (self, "UPDATE kpi SET sort_order = ?2 WHERE id = ?1", error)))
    goto failed;
  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *k = g_ptr_array_index (kpis, i);
      int position = i == index ? target : (int) i == target ? (int) index : (int) i;

      sqlite3_reset (stmt);
      bind_text (stmt, 1, k->id);
      sqlite3_bind_int (stmt, 2, position);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  old_position = g_strdup_printf ("%u", index);
  new_position = g_strdup_printf ("%d", target);
  if (!append_history_row (self, kpi->hub_id, kpi_id, 0, NULL, "position",
                           old_position, new_position, error) ||
      !commit (self, error))
    goto failed;

  g_debug ("Moved %s past %s", kpi_id, other->id);
  emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi_id);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_new_kpi_id:
 * @self: a #HubsStore
 * @hub_id: the hub the KPI is for
 * @error: a location for a #GError
 *
 * Returns: (transfer full): an unused KPI id of the form `HUB/kpi-N`
 */
char *
hubs_store_new_kpi_id (HubsStore   *self,
                       const char  *hub_id,
                       GError     **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s/kpi-%u", hub_id, n);
      g_autoptr(HubsKpi) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = hubs_store_get_kpi (self, id, &local_error);
      if (existing == NULL)
        {
          if (g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
            return g_steal_pointer (&id);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_return_val_if_reached (NULL);
}

/**
 * hubs_store_save_hub:
 * @self: a #HubsStore
 * @hub: the hub's fields; its id says which hub
 * @error: a location for a #GError
 *
 * Adds @hub at the end of the list, or updates the hub with its id, recording each changed
 * field in the history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_save_hub (HubsStore      *self,
                     const HubsHub  *hub,
                     GError        **error)
{
  g_autoptr(HubsHub) old = NULL;
  g_autoptr(HubsHub) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub != NULL && hub->id != NULL, FALSE);

  if ((hub->name_ja == NULL || *hub->name_ja == '\0') &&
      (hub->name_en == NULL || *hub->name_en == '\0'))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A hub city needs a name in Japanese or English."));
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  old = hubs_store_get_hub (self, hub->id, &local_error);
  if (old == NULL && !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  saved = hubs_hub_copy (hub);

  if (!(stmt = prepare (self,
                        "INSERT INTO hub (" HUB_COLUMNS ") VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                        "coalesce (?16, (SELECT coalesce (max (sort_order) + 1, 0) FROM hub))) "
                        "ON CONFLICT (id) DO UPDATE SET name_ja = ?2, name_en = ?3, "
                        "consortium_ja = ?4, consortium_en = ?5, tier = ?6, type = ?7, "
                        "slogan_ja = ?8, slogan_en = ?9, summary_ja = ?10, summary_en = ?11, "
                        "members_ja = ?12, members_en = ?13, focus_ja = ?14, focus_en = ?15",
                        error)))
    goto failed;

  bind_text (stmt, 1, saved->id);
  bind_text_or_empty (stmt, 2, saved->name_ja);
  bind_text_or_empty (stmt, 3, saved->name_en);
  bind_text_or_empty (stmt, 4, saved->consortium_ja);
  bind_text_or_empty (stmt, 5, saved->consortium_en);
  bind_text (stmt, 6, hubs_tier_to_string (saved->tier));
  bind_text (stmt, 7, hubs_hub_type_to_string (saved->type));
  bind_text_or_empty (stmt, 8, saved->slogan_ja);
  bind_text_or_empty (stmt, 9, saved->slogan_en);
  bind_text_or_empty (stmt, 10, saved->summary_ja);
  bind_text_or_empty (stmt, 11, saved->summary_en);
  bind_text_or_empty (stmt, 12, saved->members_ja);
  bind_text_or_empty (stmt, 13, saved->members_en);
  bind_text_or_empty (stmt, 14, saved->focus_ja);
  bind_text_or_empty (stmt, 15, saved->focus_en);
  if (old != NULL)
    sqlite3_bind_int (stmt, 16, old->sort_order);

  if (!step_done (self, stmt, error) ||
      !append_history_row (self, hub->id, NULL, 0, NULL, "hub_name_ja",
                           old ? old->name_ja : NULL, saved->name_ja, error) ||
      !append_history_row (self, hub->id, NULL, 0, NULL, "hub_name_en",
                           old ? old->name_en : NULL, saved->name_en, error) ||
      !append_history_row (self, hub->id, NULL, 0, NULL, "consortium_ja",
                           old ? old->consortium_ja : NULL, saved->consortium_ja, error) ||
      !append_history_row (self, hub->id, NULL, 0, NULL, "consortium_en",
                           old ? old->consortium_en : NULL, saved->consortium_en, error) ||
      !commit (self, error))
    goto failed;

  {
    HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_HUB, .hub_id = hub->id, .hub = saved };

    if (old != NULL)
      saved->sort_order = old->sort_order;
    emit_change (self, &change);
  }

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_new_hub_id:
 * @self: a #HubsStore
 * @name_en: the hub's English name
 * @error: a location for a #GError
 *
 * Makes a hub id from the English name: lowercase ASCII letters and digits joined by `-`
 * (`Test City` → `test-city`), with `-2`, `-3`… when that is taken, or `hub` when the name
 * has no such letters.
 *
 * Returns: (transfer full): an unused hub id, or %NULL when the database cannot be read
 */
char *
hubs_store_new_hub_id (HubsStore   *self,
                       const char  *name_en,
                       GError     **error)
{
  g_autoptr(GString) slug = g_string_new (NULL);

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  for (const char *p = name_en ? name_en : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "hub");

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (slug->str) : g_strdup_printf ("%s-%u", slug->str, n);
      g_autoptr(HubsHub) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      if ((existing = hubs_store_get_hub (self, id, &local_error)) != NULL)
        continue;
      if (g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        return g_steal_pointer (&id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_return_val_if_reached (NULL);
}

/**
 * hubs_store_delete_hub:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Deletes a hub with its KPIs, figures and phase-1 results, recording every deleted KPI,
 * figure and the hub itself in the history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_delete_hub (HubsStore   *self,
                       const char  *hub_id,
                       GError     **error)
{
  g_autoptr(HubsHub) old = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!(old = hubs_store_get_hub (self, hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (self, hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (self, hub_id, error)))
    goto failed;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);

      for (guint j = 0; kpi_figures != NULL && j < kpi_figures->len; j++)
        {
          const HubsFigure *figure = g_ptr_array_index (kpi_figures, j);

          if (!append_figure_history (self, hub_id, kpi->id, figure->fiscal_year, figure->kind,
                                      figure, NULL, error))
            goto failed;
        }
      if (!append_kpi_history (self, hub_id, kpi->id, kpi, NULL, error))
        goto failed;
    }

  if (!append_history_row (self, hub_id, NULL, 0, NULL, "hub", hub_id, NULL, error) ||
      !(stmt = prepare (self, "DELETE FROM hub WHERE id = ?1", error)))
    goto failed;
  bind_text (stmt, 1, hub_id);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_HUB, hub_id, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_restore_hub:
 * @self: a #HubsStore
 * @hub: a deleted hub, as it was, with its sort order
 * @kpis: (element-type HubsKpi): its KPIs, parents before their breakdowns
 * @figures: (element-type HubsFigure): their figures
 * @phase1_results: (element-type HubsPhase1Result) (nullable): its phase-1 results
 * @error: a location for a #GError
 *
 * Puts a deleted hub back with everything it held, in one transaction, recording it in the
 * history; undoes hubs_store_delete_hub().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_restore_hub (HubsStore      *self,
                        const HubsHub  *hub,
                        GPtrArray      *kpis,
                        GPtrArray      *figures,
                        GPtrArray      *phase1_results,
                        GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub != NULL && kpis != NULL && figures != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!insert_hub (self, hub, error) ||
      !append_history_row (self, hub->id, NULL, 0, NULL, "hub", NULL, hub->id, error))
    goto failed;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      if (!insert_kpi (self, kpi, error) ||
          !append_kpi_history (self, hub->id, kpi->id, NULL, kpi, error))
        goto failed;
    }

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!write_figure (self, figure, error) ||
          !append_figure_history (self, hub->id, figure->kpi_id, figure->fiscal_year,
                                  figure->kind, NULL, figure, error))
        goto failed;
    }

  for (guint i = 0; phase1_results != NULL && i < phase1_results->len; i++)
    if (!insert_phase1_result (self, g_ptr_array_index (phase1_results, i), error))
      goto failed;

  if (!commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_HUB, hub->id, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_insert_plan:
 * @self: a #HubsStore
 * @hubs: (element-type HubsHub): hubs to add
 * @kpis: (element-type HubsKpi): their KPIs, parents before their breakdowns
 * @figures: (element-type HubsFigure): the KPIs' figures
 * @phase1_results: (element-type HubsPhase1Result) (nullable): phase-1 results
 * @error: a location for a #GError
 *
 * Adds a whole plan in one transaction: all of it or, on any error, none of it.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_insert_plan (HubsStore  *self,
                        GPtrArray  *hubs,
                        GPtrArray  *kpis,
                        GPtrArray  *figures,
                        GPtrArray  *phase1_results,
                        GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hubs != NULL && kpis != NULL && figures != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < hubs->len; i++)
    if (!insert_hub (self, g_ptr_array_index (hubs, i), error))
      goto failed;

  for (guint i = 0; i < kpis->len; i++)
    if (!insert_kpi (self, g_ptr_array_index (kpis, i), error))
      goto failed;

  for (guint i = 0; i < figures->len; i++)
    if (!write_figure (self, g_ptr_array_index (figures, i), error))
      goto failed;

  for (guint i = 0; phase1_results != NULL && i < phase1_results->len; i++)
    if (!insert_phase1_result (self, g_ptr_array_index (phase1_results, i), error))
      goto failed;

  if (!commit (self, error))
    goto failed;

  emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* hubs_history_value (value, measured): a figure's value as history records it, as
 * figure_value_text() gives it; NULL for no figure. */
static void
history_value_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  g_autofree char *text = NULL;

  g_assert (argc == 2);

  if (sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  if (sqlite3_value_int (argv[1]) == 0)
    {
      sqlite3_result_text (context, "not_measured", -1, SQLITE_STATIC);
      return;
    }

  text = hubs_value_to_plain_string (sqlite3_value_double (argv[0]));
  sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

/**
 * hubs_store_apply_figures:
 * @self: a #HubsStore
 * @figures: (element-type HubsFigure): the figures to store
 * @n_changed: (out) (optional): how many figures were new or different
 * @error: a location for a #GError
 *
 * Stores many figures at once, each in place of the KPI's figure of the same fiscal year and
 * kind, and records what changed in the history, all in one transaction: on any error
 * nothing is stored. Figures equal to what is stored change nothing. Emits
 * #HubsStore::changed once, for all hubs, when anything changed.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_apply_figures (HubsStore  *self,
                          GPtrArray  *figures,
                          guint      *n_changed,
                          GError    **error)
{
  /* Set-wise: the figures go into a temporary table, and each of the steps below is one
   * statement over all of them, so ten figures and a million cost the same few queries. */
  static const char * const steps[] = {
    /* What is already stored as given changes nothing. */
    "DELETE FROM temp.hubs_apply_figure AS i WHERE EXISTS (SELECT 1 FROM figure f "
    "WHERE f.kpi_id = i.kpi_id AND f.fiscal_year = i.fiscal_year AND f.kind = i.kind "
    "AND f.measured = i.measured AND (i.measured = 0 OR f.value = i.value) "
    "AND f.confirmed = i.confirmed AND f.as_of IS i.as_of AND f.note IS i.note "
    "AND f.source IS i.source)",
    /* One history row per field that changes, figure by figure in the order given, as
     * append_figure_history() writes them. */
    "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, field, old_value, new_value) "
    "SELECT hub_id, kpi_id, nullif (fiscal_year, 0), kind, field, old_value, new_value FROM ("
    "SELECT i.rowid AS r, n.n AS n, k.hub_id AS hub_id, i.kpi_id AS kpi_id, "
    "i.fiscal_year AS fiscal_year, i.kind AS kind, "
    "CASE n.n WHEN 0 THEN 'value' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'note' "
    "WHEN 3 THEN 'source' ELSE 'as_of' END AS field, "
    "CASE n.n WHEN 0 THEN hubs_history_value (f.value, f.measured) "
    "WHEN 1 THEN CASE WHEN f.kpi_id IS NULL THEN NULL WHEN f.confirmed THEN 'confirmed' "
    "ELSE 'provisional' END "
    "WHEN 2 THEN f.note WHEN 3 THEN f.source ELSE f.as_of END AS old_value, "
    "CASE n.n WHEN 0 THEN hubs_history_value (i.value, i.measured) "
    "WHEN 1 THEN CASE WHEN i.confirmed THEN 'confirmed' ELSE 'provisional' END "
    "WHEN 2 THEN i.note WHEN 3 THEN i.source ELSE i.as_of END AS new_value "
    "FROM temp.hubs_apply_figure i "
    "JOIN kpi k ON k.id = i.kpi_id "
    "JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) n "
    "LEFT JOIN figure f ON f.kpi_id = i.kpi_id AND f.fiscal_year = i.fiscal_year "
    "AND f.kind = i.kind) "
    "WHERE old_value IS NOT new_value ORDER BY r, n",
    "INSERT OR REPLACE INTO figure (" FIGURE_COLUMNS ") "
    "SELECT " FIGURE_COLUMNS " FROM temp.hubs_apply_figure ORDER BY rowid",
  };
  sqlite3_stmt *stmt;
  guint changed = 0;
  int n_rows = 0;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      g_return_val_if_fail (figure != NULL && figure->kpi_id != NULL, FALSE);

      if (figure->measured && !isfinite (figure->value))
        {
          g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                       _("A figure must be a finite number."));
          return FALSE;
        }
    }

  if (!begin (self, error))
    return FALSE;

  rc = sqlite3_create_function_v2 (self->db, "hubs_history_value", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   history_value_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      goto failed;
    }

  /* The same figure twice: the last one given is stored, as when they are set one by one. */
  if (!exec (self,
             "CREATE TEMP TABLE IF NOT EXISTS hubs_apply_figure ("
             "  kpi_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL,"
             "  value REAL, measured INTEGER NOT NULL, as_of TEXT, note TEXT,"
             "  confirmed INTEGER NOT NULL, source TEXT,"
             "  UNIQUE (kpi_id, fiscal_year, kind) ON CONFLICT REPLACE);"
             "DELETE FROM temp.hubs_apply_figure", error) ||
      !(stmt = prepare (self,
                        "INSERT INTO temp.hubs_apply_figure (" FIGURE_COLUMNS ") "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
    goto failed;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      bind_text (stmt, 1, figure->kpi_id);
      sqlite3_bind_int (stmt, 2, figure->fiscal_year);
      bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      if (figure->measured)
        sqlite3_bind_double (stmt, 4, figure->value);
      sqlite3_bind_int (stmt, 5, figure->measured);
      bind_text (stmt, 6, figure->as_of);
      bind_text (stmt, 7, figure->note);
      sqlite3_bind_int (stmt, 8, figure->confirmed);
      bind_text (stmt, 9, figure->source);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  if (!exec (self, steps[0], error) ||
      !query_int (self, "SELECT count(*) FROM temp.hubs_apply_figure", &n_rows, error))
    goto failed;
  changed = (guint) n_rows;

  if (changed == 0)
    {
      rollback (self);
      return TRUE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (steps); i++)
    if (!exec (self, steps[i], error))
      goto failed;

  if (!exec (self, "DELETE FROM temp.hubs_apply_figure", error) || !commit (self, error))
    goto failed;

  if (n_changed != NULL)
    *n_changed = changed;

  emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * hubs_store_begin_read:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Starts a read transaction, so that the many reads of an import or an export see the
 * database as it was at one moment, and are not each a transaction of their own. End it
 * with hubs_store_end_read(); nothing may be written in between.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_begin_read (HubsStore  *self,
                       GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  return exec (self, "BEGIN DEFERRED", error);
}

/**
 * hubs_store_end_read:
 * @self: a #HubsStore
 *
 * Ends the read transaction hubs_store_begin_read() started.
 */
void
hubs_store_end_read (HubsStore *self)
{
  g_return_if_fail (HUBS_IS_STORE (self));

  rollback (self);
}

/**
 * hubs_store_get_fiscal_year_range:
 * @self: a #HubsStore
 * @first: (out): the earliest fiscal year of any figure
 * @last: (out): the latest fiscal year of any figure
 * @error: a location for a #GError
 *
 * Returns: %TRUE when there is any figure; %FALSE with @error unset when there is none,
 *   %FALSE with @error set when the database could not be read
 */
gboolean
hubs_store_get_fiscal_year_range (HubsStore  *self,
                                  int        *first,
                                  int        *last,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  if (!(stmt = prepare (self, "SELECT min (fiscal_year), max (fiscal_year) FROM figure",
                        error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *first = sqlite3_column_int (stmt, 0);
      *last = sqlite3_column_int (stmt, 1);
      any = TRUE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return any;
}

/* One figure of hubs_store_foreach_figure(), by the index of its KPI in the hub's list. */
typedef struct
{
  guint           kpi;
  int             fiscal_year;
  HubsFigureKind  kind;
  double          value;
  char           *as_of;
  char           *note;
  char           *source;
  guint           measured : 1;
  guint           confirmed : 1;
} WalkRow;

static void
walk_row_clear (gpointer data)
{
  WalkRow *row = data;

  g_free (row->as_of);
  g_free (row->note);
  g_free (row->source);
}

/* By KPI, then fiscal year, then baseline, target, actual (the order of HubsFigureKind). */
static int
compare_walk_rows (gconstpointer a,
                   gconstpointer b)
{
  const WalkRow *x = a;
  const WalkRow *y = b;

  if (x->kpi != y->kpi)
    return x->kpi < y->kpi ? -1 : 1;
  if (x->fiscal_year != y->fiscal_year)
    return x->fiscal_year < y->fiscal_year ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/**
 * HubsStoreFigureFunc:
 * @hub: the hub
 * @kpi: the KPI
 * @figure: (nullable): one of the KPI's figures, or %NULL after the last of them (once for
 *   a KPI without any)
 * @user_data: the data given to hubs_store_foreach_figure()
 * @error: a location for a #GError
 *
 * Returns: %TRUE to go on, %FALSE with @error set to stop
 */

/**
 * hubs_store_foreach_figure:
 * @self: a #HubsStore
 * @hub_id: (nullable): only this hub, or %NULL for every hub
 * @func: (scope call): called for every figure
 * @user_data: data for @func
 * @error: a location for a #GError
 *
 * Calls @func for every figure of every KPI of every hub, hub by hub in sort order, each
 * hub's KPIs in sort order, each KPI's figures by fiscal year, then baseline, target,
 * actual, and then once with no figure, so that @func knows the KPI is complete. Reads in
 * bulk, a hub at a time, and in one read transaction (unless one is open already); @hub,
 * @kpi and @figure are valid only during the call. For exports of every hub.
 *
 * Returns: %TRUE on success, %FALSE when the database could not be read or @func failed
 */
gboolean
hubs_store_foreach_figure (HubsStore            *self,
                           const char           *hub_id,
                           HubsStoreFigureFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  g_autoptr(GPtrArray) hubs = NULL;
  gboolean own_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && !hubs_store_begin_read (self, error))
    return FALSE;

  if (hub_id != NULL)
    {
      HubsHub *hub = hubs_store_get_hub (self, hub_id, error);

      hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_hub_free);
      if (hub != NULL)
        g_ptr_array_add (hubs, hub);
      else
        ok = FALSE;
    }
  else if (!(hubs = hubs_store_list_hubs (self, error)))
    ok = FALSE;

  for (guint h = 0; ok && hubs != NULL && h < hubs->len; h++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, h);
      g_autoptr(GPtrArray) kpis = NULL;
      g_autoptr(GHashTable) kpi_index = NULL;
      g_autoptr(GArray) rows = NULL;
      sqlite3_stmt *stmt;
      const char *last_id = NULL;
      guint last_index = 0;
      guint r = 0;
      int rc;

      if (!(kpis = hubs_store_list_kpis (self, hub->id, error)) ||
          !(stmt = prepare (self,
                            "SELECT kpi_id, fiscal_year, kind, value, measured, as_of, note, "
                            "confirmed, source FROM figure "
                            "WHERE kpi_id IN (SELECT id FROM kpi WHERE hub_id = ?1)",
                            error)))
        {
          ok = FALSE;
          break;
        }
      bind_text (stmt, 1, hub->id);

      kpi_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; k < kpis->len; k++)
        g_hash_table_insert (kpi_index, ((HubsKpi *) kpis->pdata[k])->id, GUINT_TO_POINTER (k));

      /* The hub's figures unsorted, straight from the index, and sorted here: a few hundred
       * small rows, cheaper than SQLite's sorter with the text in every row. */
      rows = g_array_sized_new (FALSE, FALSE, sizeof (WalkRow), 16 * kpis->len);
      g_array_set_clear_func (rows, walk_row_clear);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *kpi_id = (const char *) sqlite3_column_text (stmt, 0);
          WalkRow row = { 0 };
          gpointer index;

          if (last_id == NULL || g_strcmp0 (last_id, kpi_id) != 0)
            {
              if (!g_hash_table_lookup_extended (kpi_index, kpi_id, NULL, &index))
                continue;
              last_index = GPOINTER_TO_UINT (index);
              last_id = ((HubsKpi *) kpis->pdata[last_index])->id;
            }

          row.kpi = last_index;
          row.fiscal_year = sqlite3_column_int (stmt, 1);
          hubs_figure_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &row.kind);
          row.value = sqlite3_column_double (stmt, 3);
          row.measured = sqlite3_column_int (stmt, 4) != 0;
          row.as_of = column_text (stmt, 5);
          row.note = column_text (stmt, 6);
          row.confirmed = sqlite3_column_int (stmt, 7) != 0;
          row.source = column_text (stmt, 8);
          g_array_append_val (rows, row);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, self->path);
          ok = FALSE;
          break;
        }

      g_array_sort (rows, compare_walk_rows);

      for (guint k = 0; ok && k < kpis->len; k++)
        {
          const HubsKpi *kpi = kpis->pdata[k];

          for (; ok && r < rows->len && g_array_index (rows, WalkRow, r).kpi == k; r++)
            {
              const WalkRow *row = &g_array_index (rows, WalkRow, r);
              HubsFigure figure = {
                .kpi_id = kpi->id,
                .fiscal_year = row->fiscal_year,
                .kind = row->kind,
                .value = row->value,
                .as_of = row->as_of,
                .note = row->note,
                .source = row->source,
                .measured = row->measured,
                .confirmed = row->confirmed,
              };

              ok = func (hub, kpi, &figure, user_data, error);
            }

          if (ok)
            ok = func (hub, kpi, NULL, user_data, error);
        }
    }

  if (own_transaction)
    hubs_store_end_read (self);

  return ok;
}

/**
 * hubs_store_get_db:
 * @self: a #HubsStore
 *
 * The store's SQLite connection, for the backup module, which copies it page by page.
 * Nothing else may write through it.
 *
 * Returns: (transfer none): the connection
 */
sqlite3 *
hubs_store_get_db (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->db;
}

/**
 * hubs_store_reload:
 * @self: a #HubsStore
 * @error: a location for a #GError
 *
 * Reads the database again after its whole content was replaced underneath the store (a
 * restore from a backup): checks it is a Hubs database, brings an older schema up to date,
 * and emits #HubsStore::changed for all hubs.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_reload (HubsStore  *self,
                   GError    **error)
{
  gboolean is_empty = FALSE;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  /* A check still running read the content that was replaced. */
  if (self->verify_job != NULL)
    take_verify_job (self, NULL);

  self->verified = FALSE;
  g_clear_error (&self->damage);
  if (!check_identity (self, &is_empty, error) || !hubs_store_verify (self, error) ||
      !migrate (self, error))
    return FALSE;

  emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;
}
