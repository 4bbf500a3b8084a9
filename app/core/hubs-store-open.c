/* hubs-store-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the database: the checks that a file is ours and sound before anything is
 * written to it, WAL, the migrations, seeding a new file with the built-in plan, the check
 * for damage and its worker thread, the checkpoint on quit and the reload after a restore.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-db-pg.h"
#include "hubs-db-sqlite.h"
#include "hubs-plan.h"
#include "hubs-store-private.h"

/* The check for damage running in a worker thread on its own read-only connection
 * (hubs_store_verify_async()). The worker fills in @error and sets @done under @mutex; the
 * main thread takes the outcome into the store, either when the worker's task reports back or,
 * when a write comes first, by waiting on @cond in hubs_store_verify(). */
struct _HubsStoreVerifyJob
{
  GMutex        mutex;
  GCond         cond;
  gboolean      done;
  GError       *error;
  GCancellable *cancellable;  /* stops the check, see stop_verify_job() */
  GPtrArray    *waiters;      /* (element-type GTask): main thread only */
};

/* Migration N takes a database from user_version N-1 to N. Never edit one that has shipped:
 * add the next instead.
 *
 * 1: hubs, KPIs, figures and history.
 * 2: provisional/confirmed and a source for each figure; phase-1 results.
 * 3: a figure's note in English and its unit as published where that differs from the KPI's;
 *    a KPI's English unit word where the usual one does not fit (件: deals, not cases); a
 *    hub's member list that ends in 等 ("and others") says so in a flag, not in a member's
 *    name. The plan's own words in an existing database are brought up to the shipped plan
 *    file afterwards (see hubs-store-plan-words.c).
 * 4: the yearly cycle: who made each change (name and organisation), the state of each hub's
 *    fiscal year (being entered, submitted, accepted, returned), the explanations of the
 *    KPIs not on track in a year, and the figures last sent in a submission.
 * 5: the common indicator a KPI counts, for the national totals (see hubs-store-indicator.c).
 * 6: the database user who made each change (on a shared database; NULL in a file), and on a
 *    shared database the rights of its roles (see hubs-store-roles.c).
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

  "ALTER TABLE figure ADD COLUMN note_en TEXT;"
  /* NULL: the KPI's unit; '': the plan prints this figure without a unit. */
  "ALTER TABLE figure ADD COLUMN unit TEXT;"
  "ALTER TABLE kpi ADD COLUMN unit_en_one TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE kpi ADD COLUMN unit_en TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE hub ADD COLUMN members_more INTEGER NOT NULL DEFAULT 0;"
  "UPDATE hub SET members_more = 1, members_ja = substr (members_ja, 1, length (members_ja) - 1) "
  "WHERE members_ja LIKE '%等';"
  "UPDATE hub SET members_en = substr (members_en, 1, length (members_en) - 11) "
  "WHERE members_more = 1 AND members_en LIKE '% and others';"
  /* The seed's table gives 8位 and 5位; only its summary says 5位以内, of FY2029 alone. */
  "UPDATE kpi SET qualifier = 'none' WHERE id = 'tokyo/gser-rank' AND qualifier = 'at-most';",

  "ALTER TABLE history ADD COLUMN changed_by TEXT;"
  "ALTER TABLE history ADD COLUMN organisation TEXT;"
  /* No row: being entered. */
  "CREATE TABLE year_state ("
  "  hub_id TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,"
  "  fiscal_year INTEGER NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('entering', 'submitted', 'accepted', 'returned')),"
  "  changed_at TEXT NOT NULL,"
  "  changed_by TEXT,"
  "  organisation TEXT,"
  "  reason TEXT,"
  "  PRIMARY KEY (hub_id, fiscal_year)"
  ");"
  /* 要因分析 (why) and 今後の対応 (what will be done) for a KPI in a year. */
  "CREATE TABLE explanation ("
  "  kpi_id TEXT NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  fiscal_year INTEGER NOT NULL,"
  "  why TEXT NOT NULL DEFAULT '',"
  "  action TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (kpi_id, fiscal_year)"
  ");"
  /* The figures last exchanged with the Cabinet Office (sent in a submission): the base a
   * submission's receiver compares its own figures with, to see what it changed itself. */
  "CREATE TABLE exchanged_figure ("
  "  kpi_id TEXT NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  fiscal_year INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  value REAL,"
  "  measured INTEGER NOT NULL,"
  "  PRIMARY KEY (kpi_id, fiscal_year, kind)"
  ");",

  /* '': the KPI counts no indicator that other hubs count too. */
  "ALTER TABLE kpi ADD COLUMN indicator TEXT NOT NULL DEFAULT '';",

  "ALTER TABLE history ADD COLUMN db_user TEXT;",
};

/* What a migration does beyond its SQL, in the same transaction, or NULL. */
typedef gboolean (*MigrationStep) (HubsStore *self, GError **error);

static const MigrationStep migration_steps[] = {
  NULL,
  NULL,
  NULL,
  _hubs_store_migrate_plan_words,
  NULL,
  _hubs_store_migrate_indicators,
  _hubs_store_migrate_roles,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HUBS_STORE_SCHEMA_VERSION + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (migration_steps) == HUBS_STORE_SCHEMA_VERSION + 1);

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

/* Reads the identity of an existing file without writing anything to it. */
static gboolean
check_identity (HubsStore  *self,
                gboolean   *is_empty,
                GError    **error)
{
  int application_id;
  int n_objects;
  int rc;

  rc = hubs_db_read_identity (self->db, &application_id, &self->schema_version, &n_objects);
  if (rc != HUBS_DB_OK)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  *is_empty = application_id == 0 && self->schema_version == 0 && n_objects == 0;

  if (application_id != HUBS_STORE_APPLICATION_ID && !*is_empty &&
      hubs_db_get_engine (self->db) == HUBS_DB_ENGINE_POSTGRESQL)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS,
                   _("The shared database “%s” is not a Hubs database: it holds other "
                     "tables. It was left as it is."),
                   self->path);
      return FALSE;
    }

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
      _hubs_store_set_sqlite_error (error, db, rc, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (g_strcmp0 (result, "ok") != 0)
    {
      _hubs_store_set_sqlite_error (error, NULL, SQLITE_CORRUPT, path);
      return FALSE;
    }

  return TRUE;
}

/* WAL, except on a network or user-space file system, where the shared memory it needs
 * between processes does not work: there, the rollback journal (see hubs-store-network.c). */
static gboolean
use_wal (HubsStore  *self,
         GError    **error)
{
  g_autofree char *mode = NULL;
  const char *wanted = self->network_file_system != NULL ? "delete" : "wal";
  HubsDbStmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self, self->network_file_system != NULL
                                          ? "PRAGMA journal_mode = DELETE"
                                          : "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    mode = _hubs_store_column_text (stmt, 0);
  hubs_db_stmt_reset (stmt);

  if (g_strcmp0 (mode, wanted) != 0)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self),
                                rc == HUBS_DB_ROW ? HUBS_DB_ERROR : rc,
                                self->path);
      return FALSE;
    }

  return TRUE;
}

static HubsStoreVerifyJob *
verify_job_ref (HubsStoreVerifyJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
verify_job_clear (HubsStoreVerifyJob *job)
{
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->waiters, g_ptr_array_unref);
}

static void
verify_job_unref (HubsStoreVerifyJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) verify_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsStoreVerifyJob, verify_job_unref)

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
  g_autoptr(HubsStoreVerifyJob) job = g_steal_pointer (&self->verify_job);

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

  /* Every write comes here first (see _hubs_store_begin()). A write that comes while the
   * worker still checks waits for it rather than checking the file a second time: the wait
   * is never longer than a check on this thread would be, and there is one outcome. */
  if (self->verify_job != NULL && !take_verify_job (self, error))
    return FALSE;

  if (self->verified)
    return TRUE;

  if (self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }

  if (!quick_check (hubs_db_sqlite_get_handle (self->db), self->path, &self->damage))
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
  HubsStoreVerifyJob *job = task_data;
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
  HubsStoreVerifyJob *job = g_task_get_task_data (G_TASK (result));
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
      HubsStoreVerifyJob *job = g_atomic_rc_box_new0 (HubsStoreVerifyJob);

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

  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_SQLITE)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                   _("This works only with a database file, not with the shared database "
                     "“%s”."),
                   self->path);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->open_name, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW |
                        (self->immutable ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, db, rc, self->path);
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

  if (self->read_only || hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_SQLITE)
    return TRUE;

  rc = sqlite3_wal_checkpoint_v2 (hubs_db_sqlite_get_handle (self->db), NULL,
                                  SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, hubs_db_sqlite_get_handle (self->db), rc, self->path);
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
      g_autofree char *set_version = hubs_db_set_user_version_sql (self->db, to);

      if (!_hubs_store_begin (self, error))
        return FALSE;

      if (!_hubs_store_exec (self, migrations[to], error) ||
          (migration_steps[to] != NULL && !migration_steps[to] (self, error)) ||
          !_hubs_store_exec (self, set_version, error))
        {
          _hubs_store_rollback (self);
          return FALSE;
        }

      if (!_hubs_store_commit (self, error))
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
                                 error) &&
         _hubs_store_write_plan_indicators (self, plan, error);
}

/* Makes the schema of a new or empty file and, with @with_plan, seeds it, all in one
 * transaction that the steps' own transactions join (see _hubs_store_begin()): a kill at any
 * point leaves either the file as it was, empty, which the next start creates again, or a
 * complete database, never a schema without its plan. */
static gboolean
create (HubsStore  *self,
        gboolean    with_plan,
        GError    **error)
{
  gboolean ok;

  if (!_hubs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->creating = TRUE;
  ok = migrate (self, error) && (!with_plan || seed (self, error));
  self->creating = FALSE;

  if (!ok || !_hubs_store_exec (self, "COMMIT", error))
    {
      _hubs_store_rollback (self);
      self->schema_version = 0;
      return FALSE;
    }

  return TRUE;
}

/* Whether the database has never held anything: no hub, no KPI, no figure, no phase-1 result
 * and no history. An older Hubs committed the schema before the plan, so a kill during its
 * first start left such a file; a database whose hubs were deleted keeps their history. */
static gboolean
never_seeded (HubsStore  *self,
              gboolean   *unseeded,
              GError    **error)
{
  int empty;

  if (!_hubs_store_query_int (self,
                              "SELECT NOT EXISTS (SELECT 1 FROM hub) "
                              "AND NOT EXISTS (SELECT 1 FROM kpi) "
                              "AND NOT EXISTS (SELECT 1 FROM figure) "
                              "AND NOT EXISTS (SELECT 1 FROM phase1_result) "
                              "AND NOT EXISTS (SELECT 1 FROM history)",
                              &empty, error))
    return FALSE;

  *unseeded = empty != 0;

  return TRUE;
}

/* Seeds a database that has its schema but was never seeded (see never_seeded()). */
static gboolean
finish_seeding (HubsStore  *self,
                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean unseeded = FALSE;

  if (!never_seeded (self, &unseeded, &local_error))
    {
      /* A file whose check was deferred may be damaged: that check says so, before anything
       * is written to it. */
      if (self->verified)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Whether %s was ever seeded is not known until it is checked: %s",
               self->path, local_error->message);
      return TRUE;
    }

  if (!unseeded)
    return TRUE;

  g_debug ("Seeding %s, which has a schema but was never seeded", self->path);
  if (!seed (self, error))
    return FALSE;
  self->seeded = TRUE;

  return TRUE;
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

/* What opening does once connected, whatever the engine: creates and seeds a new (@is_new)
 * database, or brings an older one up to date. */
static gboolean
open_contents (HubsStore           *self,
               gboolean             is_new,
               HubsStoreOpenFlags   flags,
               GError             **error)
{
  if (self->read_only && self->schema_version < HUBS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” comes from an older version of Hubs and must be "
                     "updated, but it is read-only. Open a copy you can write to."),
                   self->path);
      return FALSE;
    }

  if (is_new)
    {
      if (!create (self, (flags & HUBS_STORE_OPEN_NO_SEED) == 0, error))
        return FALSE;
      self->seeded = (flags & HUBS_STORE_OPEN_NO_SEED) == 0;
    }
  else if (!migrate (self, error))
    return FALSE;
  else if (!self->read_only && (flags & HUBS_STORE_OPEN_NO_SEED) == 0 &&
           !finish_seeding (self, error))
    return FALSE;

  return TRUE;
}

/**
 * hubs_store_check_address:
 * @address: what the user gave as the address of a shared database
 * @error: a location for a #GError
 *
 * Checks, without connecting, that @address is one Hubs connects to: a postgresql:// or
 * postgres:// URI that libpq reads, without a password (that belongs in PGPASSWORD or
 * ~/.pgpass).
 *
 * Returns: %TRUE when it is; else %FALSE with %HUBS_STORE_ERROR_INVALID saying why
 */
gboolean
hubs_store_check_address (const char  *address,
                          GError     **error)
{
  g_autofree char *parse_error = NULL;

  g_return_val_if_fail (address != NULL, FALSE);

  if (!hubs_db_is_postgresql_uri (address))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not the address of a shared database. It starts with "
                     "postgresql://, as in postgresql://name@server/hubs."),
                   address);
      return FALSE;
    }

  if ((parse_error = hubs_db_pg_uri_parse_error (address)))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("“%1$s” is not a valid address of a shared database: %2$s"),
                   address, parse_error);
      return FALSE;
    }

  if (hubs_db_pg_uri_has_password (address))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("The address of the shared database contains a password. Remove it "
                     "from the address and keep it in the PGPASSWORD environment variable or "
                     "in ~/.pgpass instead."));
      return FALSE;
    }

  return TRUE;
}

/* Opens a shared database on a PostgreSQL server: @self->path is its URI. There is no file
 * to check for damage, WAL or foreign keys to switch on: the server sees to all of them. */
static gboolean
open_shared (HubsStore           *self,
             HubsStoreOpenFlags   flags,
             GError             **error)
{
  g_autofree char *message = NULL;
  gboolean is_empty = FALSE;
  int rc;

  if (!hubs_store_check_address (self->path, error))
    return FALSE;

  if (!(self->db = hubs_db_pg_open (self->path, self->read_only, &rc, &message)))
    {
      if (rc == HUBS_DB_UNREACHABLE)
        g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE,
                     _("The shared database “%1$s” cannot be reached: %2$s"),
                     self->path, message);
      else
        g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                     _("“%1$s” is not a valid address of a shared database: %2$s"),
                     self->path, message);
      return FALSE;
    }

  self->verified = TRUE;
  _hubs_store_watch_connection (self);

  if (!check_identity (self, &is_empty, error))
    return FALSE;

  if (is_empty && self->read_only)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("The shared database “%s” holds no Hubs data yet."), self->path);
      return FALSE;
    }

  /* Who may change what (hubs-store-roles.c): a role that does not own the tables never
   * migrates them. */
  if (!_hubs_store_read_administrator (self, error) ||
      !_hubs_store_check_may_migrate (self, error) ||
      !open_contents (self, is_empty, flags, error) ||
      !_hubs_store_read_grant (self, error))
    return FALSE;

  _hubs_store_set_up_notify (self);
  return TRUE;
}

/**
 * hubs_store_open:
 * @path: the database file
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Opens the Hubs database at @path, a file or the URI of a shared database on a PostgreSQL
 * server (postgresql://…, postgres://…), creating it (and seeding it with the built-in plan
 * unless @flags has %HUBS_STORE_OPEN_NO_SEED) when it does not exist or is empty, in one
 * transaction, and bringing an older schema up to date. A writable database that has a
 * schema but has never held anything (no hub and no history) is seeded too. A file that is
 * not a Hubs database, is damaged or comes from a newer Hubs is refused with
 * %HUBS_STORE_ERROR and is not written to. A file this user cannot write, or one in a folder
 * this user cannot write, opens read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
HubsStore *
hubs_store_open (const char          *path,
                 HubsStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(HubsStore) self = NULL;
  sqlite3 *handle = NULL;
  gboolean exists;
  gboolean is_empty = TRUE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HUBS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & HUBS_STORE_OPEN_READ_ONLY) != 0;

  if (hubs_db_is_postgresql_uri (path))
    return open_shared (self, flags, error) ? g_steal_pointer (&self) : NULL;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  self->network_file_system = _hubs_store_find_network_file_system (path);
  if (self->network_file_system != NULL)
    g_debug ("%s is on a %s file system: no WAL there", path, self->network_file_system);

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

  rc = sqlite3_open_v2 (self->open_name, &handle, open_flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _hubs_store_set_sqlite_error (error, handle, rc, path);
      sqlite3_close (handle);
      return NULL;
    }

  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  self->db = hubs_db_sqlite_new (handle);

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

  if (!_hubs_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!open_contents (self, !exists || is_empty, flags, error))
    return NULL;

  return g_steal_pointer (&self);
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

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;
}
