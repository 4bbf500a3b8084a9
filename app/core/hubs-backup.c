/* hubs-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Snapshots of the database, taken with SQLite's online backup API so they are consistent
 * even while the app writes, kept in a backups folder beside the database
 * (`backups/hubs-YYYYMMDD-HHMMSS.sqlite3` for `hubs.sqlite3`), and restored from there.
 * Every file is written under a temporary name and renamed into place, so a crash never
 * leaves half a backup; a database that is replaced is first snapshotted, and a damaged one
 * is renamed aside, never overwritten or deleted.
 */

#define G_LOG_DOMAIN "hubs-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-backup.h"
#include "hubs-output.h"
#include "hubs-store-private.h"

G_DEFINE_QUARK (hubs-backup-error-quark, hubs_backup_error)

/* How long a backup waits, in steps of BUSY_SLEEP_MS, for a writer to let go. */
#define BUSY_SLEEP_MS 50
#define BUSY_MAX_RETRIES 200
#define PAGES_PER_STEP 256

/* A copy being written ends in this; one older than STALE_PARTIAL_SECONDS is left from a
 * crash, since a copy takes seconds. */
#define PARTIAL_SUFFIX ".partial"
#define STALE_PARTIAL_SECONDS (10 * 60)

/* The files SQLite may keep beside a database. */
static const char * const sidecar_suffixes[] = { "-wal", "-shm", "-journal" };

/**
 * hubs_backup_remove_database:
 * @path: a database file
 *
 * Removes the database file @path and the files SQLite keeps beside it, as far as they are
 * there: what is left of a database made for a step that failed.
 */
void
hubs_backup_remove_database (const char *path)
{
  g_return_if_fail (path != NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
  for (guint i = 0; i < G_N_ELEMENTS (sidecar_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, sidecar_suffixes[i], NULL);

      g_unlink (side);
    }
}

/**
 * hubs_backup_info_free:
 * @info: (nullable): a backup's description
 */
void
hubs_backup_info_free (HubsBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

/**
 * hubs_backup_get_dir:
 * @database_path: a database file
 *
 * Returns: (transfer full): the folder its snapshots go in, `backups` beside it
 */
char *
hubs_backup_get_dir (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* The database's file name without its extension: snapshots of `hubs.sqlite3` are named
 * `hubs-…`, so two databases in one folder keep their snapshots apart. */
static char *
get_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static void
remove_partial (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
}

/* Makes a rename in @dir durable: without this a power cut can forget it. */
static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("fsync of %s failed: %s", dir, g_strerror (errno));
  g_close (fd, NULL);
}

/* Copies every page of @src into @dest with the online backup API, waiting while another
 * connection holds a lock, and stopping between steps once @cancellable is cancelled
 * (SQLITE_INTERRUPT). Returns an SQLite result code, SQLITE_OK on success. */
static int
run_backup (sqlite3      *dest,
            sqlite3      *src,
            GCancellable *cancellable)
{
  sqlite3_backup *backup;
  guint retries = 0;
  int rc;
  int finish_rc;

  if (!(backup = sqlite3_backup_init (dest, "main", src, "main")))
    return sqlite3_extended_errcode (dest);

  for (;;)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }

      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);

      if (rc == SQLITE_OK)
        continue;

      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          if (++retries > BUSY_MAX_RETRIES)
            break;
          sqlite3_sleep (BUSY_SLEEP_MS);
          continue;
        }

      break;
    }

  finish_rc = sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    return rc;

  return finish_rc;
}

static void
set_copy_error (GError     **error,
                int          rc,
                const char  *detail,
                const char  *path)
{
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                 _("The disk is full, so the backup “%s” could not be written."), path);
  else
    g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                 _("The backup “%1$s” could not be written: %2$s."), path, detail);
}

/* Creates an empty file beside @path under a name no other writer picks
 * (`PATH.PID-RANDOM.partial`), so two backups at once never remove each other's. */
static char *
create_partial (const char  *path,
                GError     **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *partial = g_strdup_printf ("%s.%d-%08x%s", path, (int) getpid (),
                                                  g_random_int (), PARTIAL_SUFFIX);
      int fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      int errsv = errno;

      if (fd >= 0)
        {
          g_close (fd, NULL);
          return g_steal_pointer (&partial);
        }

      if (errsv != EEXIST)
        {
          g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                       _("The backup “%1$s” could not be written: %2$s."),
                       path, g_strerror (errsv));
          return NULL;
        }
    }

  g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
               _("The backup “%1$s” could not be written: %2$s."), path, g_strerror (EEXIST));
  return NULL;
}

/* Copies @src into the file @partial, which exists and is empty, as a single self-contained
 * file (rollback journal, not WAL). Removes @partial on failure; @path names the backup in
 * messages. */
static gboolean
write_copy (sqlite3       *src,
            const char    *partial,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3 *dest = NULL;
  int rc;

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      rc = run_backup (dest, src, cancellable);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup (dest != NULL ? sqlite3_errmsg (dest)
                                                       : sqlite3_errstr (rc));

      sqlite3_close (dest);
      remove_partial (partial);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        set_copy_error (error, rc, detail, path);
      return FALSE;
    }

  if ((rc = sqlite3_close (dest)) != SQLITE_OK)
    {
      remove_partial (partial);
      set_copy_error (error, rc, sqlite3_errstr (rc), path);
      return FALSE;
    }

  return TRUE;
}

/* A FIFO, a device or standard output cannot be renamed over: the copy is made in a
 * temporary file, then its bytes are written to @target. */
static gboolean
copy_connection_to_stream (sqlite3         *src,
                           const char      *path,
                           const char      *target,
                           HubsOutputKind   kind,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  if ((fd = g_file_open_tmp ("hubs-backup-XXXXXX" PARTIAL_SUFFIX, &tmp, &local_error)) < 0)
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backup “%1$s” could not be written: %2$s."),
                   path, local_error->message);
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_copy (src, tmp, path, NULL, error))
    return FALSE;

  file = g_file_new_for_path (tmp);
  ok = (in = g_file_read (file, NULL, &local_error)) != NULL &&
       (out = hubs_output_open_direct (target, kind, &local_error)) != NULL &&
       g_output_stream_splice (out, G_INPUT_STREAM (in),
                               G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                               G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                               NULL, &local_error) >= 0;
  remove_partial (tmp);

  if (!ok)
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backup “%1$s” could not be written: %2$s."),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writes a copy of @src to @path: first under a temporary name beside it, then renamed into
 * place. A symbolic link is followed (the link stays, its target is replaced); a FIFO, a
 * device or standard output is written directly. */
static gboolean
copy_connection_to_path (sqlite3       *src,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *dir = NULL;
  HubsOutputKind kind;

  if (!hubs_output_resolve (path, &target, &kind, &local_error))
    {
      g_set_error_literal (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                           local_error->message);
      return FALSE;
    }

  if (kind != HUBS_OUTPUT_REPLACE)
    return copy_connection_to_stream (src, path, target, kind, error);

  if (!(partial = create_partial (target, error)) ||
      !write_copy (src, partial, path, cancellable, error))
    return FALSE;

  if (g_rename (partial, target) != 0)
    {
      int errsv = errno;

      remove_partial (partial);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backup “%1$s” could not be written: %2$s."),
                   path, g_strerror (errsv));
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  sync_dir (dir);

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Backups copy a database file page by page: a shared database on a server has none, and
 * is backed up there (pg_dump). */
static gboolean
check_is_file (HubsStore  *store,
               GError    **error)
{
  if (hubs_store_get_db (store) != NULL)
    return TRUE;

  g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
               _("The shared database “%s” is not a file, so Hubs does not copy it; it is "
                 "backed up on its server."),
               hubs_store_get_path (store));
  return FALSE;
}

/**
 * hubs_backup_copy_to_path:
 * @store: a #HubsStore
 * @path: where to write the copy
 * @error: a location for a #GError
 *
 * Writes a consistent copy of the whole database to @path, replacing that file only once
 * the copy is complete. The copy is a Hubs database that opens with `--database`.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_backup_copy_to_path (HubsStore   *store,
                          const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_is_file (store, error))
    return FALSE;

  if (same_file (path, hubs_store_get_path (store)))
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("“%s” is the database itself; choose another file for the backup."),
                   path);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("“%s” is a folder; give the backup a file name."), path);
      return FALSE;
    }

  return copy_connection_to_path (hubs_store_get_db (store), path, NULL, error);
}

/* Removes what a crashed copy left in @dir: `*.partial` files (and their journals) not
 * touched for STALE_PARTIAL_SECONDS. A copy under way is never that old. */
static void
remove_stale_partials (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_suffix (name, PARTIAL_SUFFIX) &&
          !g_str_has_suffix (name, PARTIAL_SUFFIX "-journal"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          now - (gint64) st.st_mtime < STALE_PARTIAL_SECONDS)
        continue;

      if (g_unlink (path) == 0)
        g_debug ("Removed %s, left by a backup that did not finish", path);
      else if (errno != ENOENT)
        g_debug ("%s cannot be removed: %s", path, g_strerror (errno));
    }
}

/* Takes a snapshot of @src, the database at @database_path, into the backups folder without
 * pruning. Touches no store, so it runs in a worker thread too. */
static char *
snapshot_connection (const char    *database_path,
                     sqlite3       *src,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *dir = hubs_backup_get_dir (database_path);
  g_autofree char *stem = get_stem (database_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backups folder “%1$s” cannot be created: %2$s."),
                   dir, g_strerror (errsv));
      return NULL;
    }

  remove_stale_partials (dir);

  {
    g_autofree char *name = g_strdup_printf ("%s-%s.sqlite3", stem, stamp);

    base = g_build_filename (dir, name, NULL);
  }
  if (!(partial = create_partial (base, error)) ||
      !write_copy (src, partial, base, cancellable, error))
    return NULL;

  /* Another snapshot may be taken in the same second (a second import at once): link()
   * fails rather than replace it, and the next name is tried. */
  for (guint n = 1; path == NULL; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *candidate = NULL;
      int errsv;

      if (n == 1)
        name = g_strdup_printf ("%s-%s.sqlite3", stem, stamp);
      else
        name = g_strdup_printf ("%s-%s-%u.sqlite3", stem, stamp, n);
      candidate = g_build_filename (dir, name, NULL);

      if (link (partial, candidate) == 0)
        {
          path = g_steal_pointer (&candidate);
          break;
        }

      errsv = errno;
      if (errsv == EEXIST)
        continue;

      /* A file system without hard links: a rename, after looking. */
      if ((errsv == EPERM || errsv == EOPNOTSUPP || errsv == ENOSYS) &&
          !g_file_test (candidate, G_FILE_TEST_EXISTS))
        {
          if (g_rename (partial, candidate) == 0)
            {
              path = g_steal_pointer (&candidate);
              break;
            }
          errsv = errno;
        }

      remove_partial (partial);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backup “%1$s” could not be written: %2$s."),
                   candidate, g_strerror (errsv));
      return NULL;
    }

  remove_partial (partial);
  sync_dir (dir);

  g_debug ("Snapshot of %s taken as %s", database_path, path);

  return g_steal_pointer (&path);
}

static char *
snapshot (HubsStore  *store,
          GError    **error)
{
  if (!check_is_file (store, error))
    return NULL;

  return snapshot_connection (hubs_store_get_path (store), hubs_store_get_db (store), NULL,
                              error);
}

/* Snapshot and pruning of @src, the database at @database_path. */
static char *
snapshot_and_prune (const char    *database_path,
                    sqlite3       *src,
                    guint          keep,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(path = snapshot_connection (database_path, src, cancellable, error)))
    return NULL;

  /* The snapshot is safe; failing to tidy up must not fail the caller. */
  if (keep > 0 && !hubs_backup_prune (database_path, keep, &local_error))
    g_warning ("Removing old snapshots failed: %s", local_error->message);

  return g_steal_pointer (&path);
}

/* The day's snapshot of @src, the database at @database_path, unless there is one. */
static gboolean
snapshot_daily (const char    *database_path,
                sqlite3       *src,
                guint          keep,
                GCancellable  *cancellable,
                char         **snapshot_path,
                GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  *snapshot_path = NULL;

  if (!(backups = hubs_backup_list (database_path, error)))
    return FALSE;

  if (backups->len > 0)
    {
      const HubsBackupInfo *latest = g_ptr_array_index (backups, 0);

      if (g_date_time_get_year (latest->time) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (latest->time) == g_date_time_get_day_of_year (now))
        return TRUE;
    }

  return (*snapshot_path = snapshot_and_prune (database_path, src, keep, cancellable,
                                               error)) != NULL;
}

/**
 * hubs_backup_snapshot:
 * @store: a #HubsStore
 * @keep: how many snapshots to keep, 0 to keep all
 * @error: a location for a #GError
 *
 * Takes a snapshot of the database into its backups folder (hubs_backup_get_dir()), then
 * removes all but the @keep most recent snapshots.
 *
 * Returns: (transfer full): the snapshot's path, or %NULL with @error set
 */
char *
hubs_backup_snapshot (HubsStore  *store,
                      guint       keep,
                      GError    **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  if (!check_is_file (store, error))
    return NULL;

  return snapshot_and_prune (hubs_store_get_path (store), hubs_store_get_db (store), keep,
                             NULL, error);
}

/**
 * hubs_backup_snapshot_daily:
 * @store: a #HubsStore
 * @keep: how many snapshots to keep, 0 to keep all
 * @snapshot_path: (out) (optional) (transfer full) (nullable): the new snapshot, or %NULL
 *   when there already was one today
 * @error: a location for a #GError
 *
 * Takes a snapshot unless one was already taken today (local time).
 *
 * Returns: %TRUE on success, whether or not a snapshot was needed
 */
gboolean
hubs_backup_snapshot_daily (HubsStore  *store,
                            guint       keep,
                            char      **snapshot_path,
                            GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);

  if (snapshot_path != NULL)
    *snapshot_path = NULL;

  if (!check_is_file (store, error))
    return FALSE;

  if (!snapshot_daily (hubs_store_get_path (store), hubs_store_get_db (store), keep, NULL,
                       &path, error))
    return FALSE;

  if (snapshot_path != NULL)
    *snapshot_path = g_steal_pointer (&path);

  return TRUE;
}

/* The worker: a connection of its own, read-only, so the store's stays free for the main
 * thread. The store's path and open name never change once it is open. */
static void
snapshot_daily_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  HubsStore *store = source_object;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *src;

  if (!(src = hubs_store_open_reader (store, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!snapshot_daily (hubs_store_get_path (store), src, GPOINTER_TO_UINT (task_data),
                       cancellable, &path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&path), g_free);

  sqlite3_close (src);
}

/**
 * hubs_backup_snapshot_daily_async:
 * @store: a #HubsStore
 * @keep: how many snapshots to keep, 0 to keep all
 * @cancellable: (nullable): a #GCancellable; a cancelled snapshot leaves no file behind
 * @callback: called when the snapshot is taken, or was not needed
 * @user_data: data for @callback
 *
 * Does what hubs_backup_snapshot_daily() does, in a worker thread on a connection of its
 * own, so the main loop keeps running and the store can be written to meanwhile (the
 * snapshot is consistent, as every snapshot is). A shared database on a server needs none.
 */
void
hubs_backup_snapshot_daily_async (HubsStore           *store,
                                  guint                keep,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUBS_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, hubs_backup_snapshot_daily_async);

  /* A shared database is backed up on its server: no snapshot is needed here. */
  if (hubs_store_get_db (store) == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_set_task_data (task, GUINT_TO_POINTER (keep), NULL);
  g_task_run_in_thread (task, snapshot_daily_in_thread);
}

/**
 * hubs_backup_snapshot_daily_finish:
 * @store: a #HubsStore
 * @result: the #GAsyncResult given to the callback
 * @snapshot_path: (out) (optional) (transfer full) (nullable): the new snapshot, or %NULL
 *   when there already was one today
 * @error: a location for a #GError
 *
 * Returns: %TRUE on success, whether or not a snapshot was needed
 */
gboolean
hubs_backup_snapshot_daily_finish (HubsStore     *store,
                                   GAsyncResult  *result,
                                   char         **snapshot_path,
                                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (snapshot_path != NULL)
    *snapshot_path = NULL;

  path = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (snapshot_path != NULL)
    *snapshot_path = g_steal_pointer (&path);

  return TRUE;
}

static gboolean
parse_digits (const char *str,
              guint       n,
              int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      *value = *value * 10 + (str[i] - '0');
    }

  return TRUE;
}

/* Reads `YYYYMMDD-HHMMSS[-N].sqlite3`, the part of a snapshot's name after the stem. */
static GDateTime *
parse_snapshot_name (const char *rest,
                     guint      *sequence)
{
  int year, month, day, hour, minute, second;
  const char *p = rest;

  if (strlen (p) < 15 || p[8] != '-' ||
      !parse_digits (p, 4, &year) || !parse_digits (p + 4, 2, &month) ||
      !parse_digits (p + 6, 2, &day) || !parse_digits (p + 9, 2, &hour) ||
      !parse_digits (p + 11, 2, &minute) || !parse_digits (p + 13, 2, &second))
    return NULL;

  p += 15;
  *sequence = 1;

  if (*p == '-')
    {
      guint64 n;
      char *end;

      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      n = g_ascii_strtoull (p, &end, 10);
      if (n < 2 || n > G_MAXUINT)
        return NULL;
      *sequence = (guint) n;
      p = end;
    }

  if (!g_str_equal (p, ".sqlite3"))
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HubsBackupInfo *x = *(HubsBackupInfo * const *) a;
  const HubsBackupInfo *y = *(HubsBackupInfo * const *) b;
  int by_time = g_date_time_compare (y->time, x->time);

  if (by_time != 0)
    return by_time;

  /* Same second: the higher sequence number is the later one; compare the names' lengths
   * first so that -10 comes after -9. */
  if (strlen (x->path) != strlen (y->path))
    return strlen (x->path) < strlen (y->path) ? 1 : -1;

  return strcmp (y->path, x->path);
}

/**
 * hubs_backup_list:
 * @database_path: a database file
 * @error: a location for a #GError
 *
 * Lists the snapshots of the database at @database_path. A missing backups folder is an
 * empty list.
 *
 * Returns: (transfer full) (element-type HubsBackupInfo): the snapshots, newest first, or
 *   %NULL with @error set
 */
GPtrArray *
hubs_backup_list (const char  *database_path,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (database_path != NULL, NULL);

  backups = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_backup_info_free);
  dir_path = hubs_backup_get_dir (database_path);
  stem = get_stem (database_path);
  prefix = g_strconcat (stem, "-", NULL);

  if (!(dir = g_dir_open (dir_path, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The backups folder “%1$s” cannot be read: %2$s"),
                   dir_path, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      HubsBackupInfo *info;
      GDateTime *time;
      GStatBuf st;
      guint sequence;

      if (!g_str_has_prefix (name, prefix) ||
          !(time = parse_snapshot_name (name + strlen (prefix), &sequence)))
        continue;

      info = g_new0 (HubsBackupInfo, 1);
      info->path = g_build_filename (dir_path, name, NULL);
      info->time = time;
      info->size = g_stat (info->path, &st) == 0 ? st.st_size : 0;
      g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

/**
 * hubs_backup_prune:
 * @database_path: a database file
 * @keep: how many snapshots to keep
 * @error: a location for a #GError
 *
 * Removes all but the @keep most recent snapshots of the database. Other files in the
 * backups folder are left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_backup_prune (const char  *database_path,
                   guint        keep,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);

  if (!(backups = hubs_backup_list (database_path, error)))
    return FALSE;

  for (guint i = keep; i < backups->len; i++)
    {
      const HubsBackupInfo *info = g_ptr_array_index (backups, i);

      /* ENOENT: another Hubs pruning at the same moment removed it first. */
      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                       _("The old backup “%1$s” cannot be removed: %2$s."),
                       info->path, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return ok;
}

/* Opens @path read-only and checks that it is a healthy Hubs database this version reads. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean healthy = FALSE;
  int application_id = 0;
  int version = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("The backup “%s” does not exist."), path);
      return NULL;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL)
      != SQLITE_OK ||
      !query_int (db, "PRAGMA application_id", &application_id))
    {
      sqlite3_close (db);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("“%s” is not a Hubs backup: it is not an SQLite file."), path);
      return NULL;
    }

  if (application_id != HUBS_STORE_APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("“%s” is not a Hubs backup: it is another program’s SQLite file."),
                   path);
      return NULL;
    }

  if (!query_int (db, "PRAGMA user_version", &version) || version > HUBS_STORE_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("The backup “%1$s” was written by a newer version of Hubs (schema "
                     "%2$d; this version reads up to %3$d)."),
                   path, version, HUBS_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    healthy = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!healthy)
    {
      sqlite3_close (db);
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("The backup “%s” is damaged, so it cannot be restored."), path);
      return NULL;
    }

  return db;
}

/**
 * hubs_backup_check_file:
 * @path: a file
 * @error: a location for a #GError
 *
 * Checks that @path is a healthy Hubs database this version of Hubs can read, without
 * writing to it.
 *
 * Returns: %TRUE when it can be restored
 */
gboolean
hubs_backup_check_file (const char  *path,
                        GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(db = open_backup (path, error)))
    return FALSE;

  sqlite3_close (db);

  return TRUE;
}

/**
 * hubs_backup_restore:
 * @store: the open database
 * @backup_path: a snapshot or any copy of a Hubs database
 * @snapshot_path: (out) (optional) (transfer full): the snapshot of the database as it was
 *   before the restore
 * @error: a location for a #GError
 *
 * Replaces the whole content of the open database with the backup's: first checks the
 * backup, then takes a snapshot of the database as it is (so the restore itself can be
 * undone by restoring that), then copies the backup in, in one transaction. An older backup
 * is brought up to the current schema. The store emits #HubsStore::changed.
 *
 * Returns: %TRUE on success; on failure the database is as it was
 */
gboolean
hubs_backup_restore (HubsStore   *store,
                     const char  *backup_path,
                     char       **snapshot_path,
                     GError     **error)
{
  g_autofree char *taken = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *src;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (snapshot_path != NULL)
    *snapshot_path = NULL;

  if (!check_is_file (store, error))
    return FALSE;

  if (hubs_store_is_read_only (store))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open for viewing only, so it cannot be restored "
                     "from a backup."),
                   hubs_store_get_path (store));
      return FALSE;
    }

  if (same_file (backup_path, hubs_store_get_path (store)))
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }

  if (!(src = open_backup (backup_path, error)))
    return FALSE;

  /* Not pruned yet: the backup being restored may be the oldest one. */
  if (!(taken = snapshot (store, error)))
    {
      sqlite3_close (src);
      return FALSE;
    }

  rc = run_backup (hubs_store_get_db (store), src, NULL);
  sqlite3_close (src);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("The database “%1$s” could not be restored from “%2$s”: %3$s. It is as "
                     "it was."),
                   hubs_store_get_path (store), backup_path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (!hubs_store_reload (store, error))
    return FALSE;

  /* The whole database was replaced: into the file with it, not left in the -wal. */
  if (!hubs_store_checkpoint (store, &local_error))
    {
      g_warning ("Copying the restored database into %s failed: %s",
                 hubs_store_get_path (store), local_error->message);
      g_clear_error (&local_error);
    }

  if (!hubs_backup_prune (hubs_store_get_path (store), HUBS_BACKUP_KEEP, &local_error))
    g_warning ("Removing old snapshots failed: %s", local_error->message);

  if (snapshot_path != NULL)
    *snapshot_path = g_steal_pointer (&taken);

  return TRUE;
}

/* Renames @from and the files SQLite keeps beside it to @to. On failure, puts back what
 * was moved. */
static gboolean
rename_with_sidecars (const char  *from,
                      const char  *to,
                      GError     **error)
{
  guint moved = 0;

  if (g_rename (from, to) != 0)
    {
      int errsv = errno;

      g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                   _("“%1$s” cannot be renamed to “%2$s”: %3$s."), from, to,
                   g_strerror (errsv));
      return FALSE;
    }

  for (; moved < G_N_ELEMENTS (sidecar_suffixes); moved++)
    {
      g_autofree char *side_from = g_strconcat (from, sidecar_suffixes[moved], NULL);
      g_autofree char *side_to = g_strconcat (to, sidecar_suffixes[moved], NULL);

      if (!g_file_test (side_from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (side_from, side_to) != 0)
        {
          int errsv = errno;

          g_set_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED,
                       _("“%1$s” cannot be renamed to “%2$s”: %3$s."), side_from, side_to,
                       g_strerror (errsv));
          goto undo;
        }
    }

  return TRUE;

undo:
  while (moved-- > 0)
    {
      g_autofree char *side_from = g_strconcat (from, sidecar_suffixes[moved], NULL);
      g_autofree char *side_to = g_strconcat (to, sidecar_suffixes[moved], NULL);

      if (g_file_test (side_to, G_FILE_TEST_EXISTS))
        g_rename (side_to, side_from);
    }
  g_rename (to, from);

  return FALSE;
}

/**
 * hubs_backup_restore_file:
 * @database_path: the database file, which may be damaged or missing
 * @backup_path: a snapshot or any copy of a Hubs database
 * @aside_path: (out) (optional) (transfer full) (nullable): where the old database file
 *   was moved, or %NULL when there was none
 * @error: a location for a #GError
 *
 * Restores a database that cannot be opened. The existing file, if any, is not overwritten
 * or deleted: it is renamed aside to `FILE.damaged-YYYYMMDD-HHMMSS`, together with its
 * `-wal` and `-shm` files so SQLite can still read it. Then the backup is copied to
 * @database_path. The database must not be open.
 *
 * Returns: %TRUE on success; on failure the files are as they were
 */
gboolean
hubs_backup_restore_file (const char  *database_path,
                          const char  *backup_path,
                          char       **aside_path,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;
  sqlite3 *src;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (aside_path != NULL)
    *aside_path = NULL;

  if (!(src = open_backup (backup_path, error)))
    return FALSE;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      for (guint n = 1; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
        {
          g_free (aside);
          if (n == 1)
            aside = g_strdup_printf ("%s.damaged-%s", database_path, stamp);
          else
            aside = g_strdup_printf ("%s.damaged-%s-%u", database_path, stamp, n);
        }

      if (!rename_with_sidecars (database_path, aside, error))
        {
          sqlite3_close (src);
          return FALSE;
        }
    }

  if (!copy_connection_to_path (src, database_path, NULL, error))
    {
      sqlite3_close (src);
      if (aside != NULL)
        rename_with_sidecars (aside, database_path, NULL);
      return FALSE;
    }

  sqlite3_close (src);

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);

  return TRUE;
}
