/* test-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Snapshots, copies and restores, checked on the files they leave on disk.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hubs-backup.h"
#include "hubs-test-util.h"

#define KPI "tokyo/gser-rank"

typedef HubsTestFiles Fixture;

static void
set_actual (HubsStore *store,
            double     value)
{
  g_autoptr(HubsFigure) figure = hubs_figure_new ();
  g_autoptr(GError) error = NULL;

  figure->kpi_id = g_strdup (KPI);
  figure->fiscal_year = 2025;
  figure->kind = HUBS_FIGURE_ACTUAL;
  figure->value = value;
  figure->measured = TRUE;
  hubs_store_set_figure (store, figure, &error);
  g_assert_no_error (error);
}

/* The FY2025 actual as it is on disk, read by another connection; -1 when there is none. */
static double
actual_on_disk (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT value FROM figure WHERE kpi_id = '" KPI "' "
                                       "AND fiscal_year = 2025 AND kind = 'actual'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  g_autofree char *expected_dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *name = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpstr (backups_dir, ==, expected_dir);

  set_actual (store, 7);
  snapshot = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (snapshot, backups_dir));

  /* hubs-YYYYMMDD-HHMMSS.sqlite3 */
  name = g_path_get_basename (snapshot);
  g_assert_true (g_str_has_prefix (name, "hubs-"));
  g_assert_true (g_str_has_suffix (name, ".sqlite3"));
  g_assert_cmpuint (strlen (name), ==, strlen ("hubs-20250101-120000.sqlite3"));

  /* One self-contained file, nothing half-written beside it. */
  g_assert_cmpuint (count_files (backups_dir), ==, 1);
  journal = g_strconcat (snapshot, "-wal", NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpfloat (actual_on_disk (snapshot), ==, 7);
  g_assert_true (hubs_backup_check_file (snapshot, &error));
  g_assert_no_error (error);

  list = hubs_backup_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HubsBackupInfo *) list->pdata[0])->path, ==, snapshot);
  g_assert_cmpint (((HubsBackupInfo *) list->pdata[0])->size, >, 4096);
}

static void
test_snapshot_opens_as_database (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsStore) copy = NULL;
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;

  set_actual (store, 8);
  snapshot = hubs_backup_snapshot (store, 0, &error);
  g_assert_no_error (error);

  copy = hubs_test_open_store (snapshot, HUBS_STORE_OPEN_DEFAULT);
  g_assert_false (hubs_store_get_seeded (copy));
  figure = hubs_store_get_figure (copy, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figure->value, ==, 8);
}

static void
test_list_order_and_prune (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  g_autofree char *stranger = g_build_filename (backups_dir, "notes.txt", NULL);
  g_autofree char *other_db = g_build_filename (backups_dir, "other-20200101-000000.sqlite3",
                                                NULL);

  /* Taken within a second or two: names get -2, -3 … and still sort newest first. */
  for (guint i = 0; i < 12; i++)
    {
      char *path;

      set_actual (store, i);
      path = hubs_backup_snapshot (store, 0, &error);
      g_assert_no_error (error);
      g_ptr_array_add (taken, path);
    }

  g_file_set_contents (stranger, "mine", -1, NULL);
  g_file_set_contents (other_db, "another database's", -1, NULL);

  list = hubs_backup_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpstr (((HubsBackupInfo *) list->pdata[i])->path, ==, taken->pdata[11 - i]);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (hubs_backup_prune (f->path, 3, &error));
  g_assert_no_error (error);
  list = hubs_backup_list (f->path, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpfloat (actual_on_disk (((HubsBackupInfo *) list->pdata[0])->path), ==, 11);
  g_assert_cmpfloat (actual_on_disk (((HubsBackupInfo *) list->pdata[2])->path), ==, 9);

  /* Files that are not this database's snapshots are left alone. */
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_db, G_FILE_TEST_EXISTS));
}

static void
test_daily (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  g_autofree char *old = g_build_filename (backups_dir, "hubs-20000101-000000.sqlite3", NULL);

  g_assert_true (hubs_backup_snapshot_daily (store, HUBS_BACKUP_KEEP, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);

  g_assert_true (hubs_backup_snapshot_daily (store, HUBS_BACKUP_KEEP, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);
  g_assert_cmpuint (count_files (backups_dir), ==, 1);

  /* Only an older day's snapshot: today's is due. */
  g_unlink (first);
  g_file_set_contents (old, "", 0, NULL);
  g_assert_true (hubs_backup_snapshot_daily (store, HUBS_BACKUP_KEEP, &second, &error));
  g_assert_nonnull (second);
  g_assert_cmpuint (count_files (backups_dir), ==, 2);
}

static void
test_copy_to_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = hubs_test_path (f->dir, "copy.sqlite3");
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autoptr(GBytes) before = NULL;

  set_actual (store, 9);
  g_file_set_contents (dest, "an old file that is replaced", -1, NULL);
  g_assert_true (hubs_backup_copy_to_path (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (actual_on_disk (dest), ==, 9);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* Never onto the database itself. */
  before = hubs_test_read_bytes (f->path);
  g_assert_false (hubs_backup_copy_to_path (store, f->path, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (g_bytes_equal (before, hubs_test_read_bytes (f->path)));

  /* Nor into a folder that does not exist: a clear error, no file. */
  g_clear_pointer (&dest, g_free);
  dest = g_build_filename (f->dir, "missing", "copy.sqlite3", NULL);
  g_assert_false (hubs_backup_copy_to_path (store, dest, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dest));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static void
on_changed (HubsStore             *store,
            const HubsStoreChange *change,
            guint                 *n)
{
  /* A restore replaces everything: one change that says so. */
  if (change->kind == HUBS_STORE_CHANGE_ALL)
    (*n)++;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before_restore = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint n_changed = 0;

  set_actual (store, 11);
  backup = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  set_actual (store, 12);

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &n_changed);
  g_assert_true (hubs_backup_restore (store, backup, &before_restore, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  /* The open store reads the restored figure, and so does any other reader. */
  figure = hubs_store_get_figure (store, KPI, 2025, HUBS_FIGURE_ACTUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figure->value, ==, 11);
  g_assert_cmpfloat (actual_on_disk (f->path), ==, 11);

  /* What was there before the restore is kept as a snapshot of its own. */
  g_assert_nonnull (before_restore);
  g_assert_cmpfloat (actual_on_disk (before_restore), ==, 12);
  list = hubs_backup_list (f->path, &error);
  g_assert_cmpuint (list->len, ==, 2);

  /* The store keeps working: edits land and survive a reopen. */
  set_actual (store, 13);
  g_clear_object (&store);
  g_assert_cmpfloat (actual_on_disk (f->path), ==, 13);
}

static void
test_restore_keeps_oldest_until_done (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *oldest = NULL;

  set_actual (store, 1);
  oldest = hubs_backup_snapshot (store, 0, &error);
  for (guint i = 1; i < HUBS_BACKUP_KEEP; i++)
    g_free (hubs_backup_snapshot (store, 0, &error));
  g_assert_no_error (error);
  set_actual (store, 2);

  /* Restoring the oldest of a full set: its own snapshot must not push it out first. */
  g_assert_true (hubs_backup_restore (store, oldest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (actual_on_disk (f->path), ==, 1);

  list = hubs_backup_list (f->path, &error);
  g_assert_cmpuint (list->len, ==, HUBS_BACKUP_KEEP);
  g_assert_cmpfloat (actual_on_disk (((HubsBackupInfo *) list->pdata[0])->path), ==, 2);
}

static void
test_restore_refuses_bad_backup (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *not_sqlite = hubs_test_path (f->dir, "notes.sqlite3");
  g_autofree char *other = hubs_test_path (f->dir, "other.sqlite3");
  g_autofree char *backups_dir = hubs_backup_get_dir (f->path);
  sqlite3 *db = NULL;

  set_actual (store, 5);
  g_file_set_contents (not_sqlite, "just some text, long enough to look like a file", -1,
                       NULL);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (hubs_backup_restore (store, not_sqlite, NULL, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, not_sqlite));
  g_clear_error (&error);

  g_assert_false (hubs_backup_restore (store, other, NULL, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hubs_backup_restore (store, f->path, NULL, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing happened: no snapshot, the figure as it was. */
  g_assert_cmpuint (count_files (backups_dir), ==, 0);
  g_clear_object (&store);
  g_assert_cmpfloat (actual_on_disk (f->path), ==, 5);
}

static void
damage (const char *path)
{
  g_autoptr(GBytes) bytes = hubs_test_read_bytes (path);
  g_autofree guint8 *damaged = NULL;
  gsize len;

  damaged = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  memcpy (damaged, "Not a database!", 15);
  g_assert_true (g_file_set_contents (path, (const char *) damaged, len, NULL));
}

static void
test_restore_file_keeps_damaged (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *aside_wal = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) damaged_wal = NULL;
  g_autoptr(GPtrArray) list = NULL;

  set_actual (store, 21);
  backup = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  damage (f->path);
  g_assert_null (hubs_store_open (f->path, HUBS_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_HUBS);
  g_clear_error (&error);

  g_file_set_contents (wal, "a leftover write-ahead log", -1, NULL);
  damaged = hubs_test_read_bytes (f->path);
  damaged_wal = hubs_test_read_bytes (wal);

  list = hubs_backup_list (f->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (hubs_backup_restore_file (f->path,
                                           ((HubsBackupInfo *) list->pdata[0])->path,
                                           &aside, &error));
  g_assert_no_error (error);

  /* The damaged file and its log are kept, byte for byte, under a new name. */
  g_assert_true (g_str_has_prefix (aside, f->path));
  g_assert_nonnull (strstr (aside, ".damaged-"));
  g_assert_true (g_bytes_equal (damaged, hubs_test_read_bytes (aside)));
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_bytes_equal (damaged_wal, hubs_test_read_bytes (aside_wal)));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_assert_false (hubs_store_get_seeded (store));
  g_clear_object (&store);
  g_assert_cmpfloat (actual_on_disk (f->path), ==, 21);
}

static void
test_restore_file_bad_backup_changes_nothing (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = hubs_test_path (f->dir, "bogus.sqlite3");
  g_autofree char *aside = NULL;
  g_autoptr(GBytes) damaged = NULL;

  g_clear_object (&store);
  damage (f->path);
  damaged = hubs_test_read_bytes (f->path);
  g_file_set_contents (bogus, "not a database at all", -1, NULL);

  g_assert_false (hubs_backup_restore_file (f->path, bogus, &aside, &error));
  g_assert_error (error, HUBS_BACKUP_ERROR, HUBS_BACKUP_ERROR_INVALID);
  g_assert_null (aside);
  g_assert_true (g_bytes_equal (damaged, hubs_test_read_bytes (f->path)));
  /* The database, the bogus file, and nothing else. */
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

static gpointer
read_fifo_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (data, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* A backup written into a FIFO arrives whole (a reader could save it), and the FIFO stays. */
static void
test_copy_to_fifo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *fifo = hubs_test_path (f->dir, "backup.fifo");
  g_autofree char *saved = hubs_test_path (f->dir, "saved.sqlite3");
  g_autoptr(GBytes) received = NULL;
  g_autoptr(GError) error = NULL;
  GThread *reader;
  GStatBuf st;

  set_actual (store, 7);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", read_fifo_thread, fifo);
  g_assert_true (hubs_backup_copy_to_path (store, fifo, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);

  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_true (g_file_set_contents (saved, g_bytes_get_data (received, NULL),
                                      g_bytes_get_size (received), NULL));
  g_assert_cmpfloat (actual_on_disk (saved), ==, 7);
  /* Nothing left beside it. */
  g_assert_cmpuint (count_files (f->dir), ==, 5);  /* database, -wal, -shm, FIFO, saved */
}

/* A character device such as /dev/null stays one: the test makes its own null device, so a
 * broken build cannot replace the machine's. */
static void
test_copy_to_null_device (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *null = hubs_test_path (f->dir, "null");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (mknod (null, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip ("Making a character device needs root");
      return;
    }

  g_assert_true (hubs_backup_copy_to_path (store, null, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (null, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));
}

/* A backup to a symbolic link keeps the link and replaces the file it points to. */
static void
test_copy_to_symlink (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *sub = hubs_test_path (f->dir, "copies");
  g_autofree char *target = g_build_filename (sub, "latest-real.sqlite3", NULL);
  g_autofree char *link = hubs_test_path (f->dir, "latest.sqlite3");
  g_autofree char *points_to = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  set_actual (store, 8);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("copies/latest-real.sqlite3", link), ==, 0);

  g_assert_true (hubs_backup_copy_to_path (store, link, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  points_to = g_file_read_link (link, NULL);
  g_assert_cmpstr (points_to, ==, "copies/latest-real.sqlite3");
  g_assert_cmpfloat (actual_on_disk (target), ==, 8);
  g_assert_cmpuint (count_files (sub), ==, 1);
}

/* A folder is refused with its name in the message. */
static void
test_copy_to_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *sub = hubs_test_path (f->dir, "copies");
  g_autofree char *link = hubs_test_path (f->dir, "copies-link");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("copies", link), ==, 0);

  g_assert_false (hubs_backup_copy_to_path (store, sub, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, sub));
  g_clear_error (&error);

  g_assert_false (hubs_backup_copy_to_path (store, link, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, link));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (sub), ==, 0);
}

typedef struct
{
  const char *path;
  GPtrArray  *taken;
  GMutex     *lock;
  guint       n;
} SnapshotJob;

/* One Hubs process: its own connection, snapshots taken as fast as it can. */
static gpointer
snapshot_thread (gpointer data)
{
  SnapshotJob *job = data;
  g_autoptr(HubsStore) store = hubs_test_open_store (job->path, HUBS_STORE_OPEN_DEFAULT);

  for (guint i = 0; i < job->n; i++)
    {
      g_autoptr(GError) error = NULL;
      char *path = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_mutex_lock (job->lock);
      g_ptr_array_add (job->taken, path);
      g_mutex_unlock (job->lock);
    }

  return NULL;
}

/* Two connections snapshot the same database into the same folder at once (two imports at
 * once): every snapshot succeeds under a name of its own, and no temporary file is left. */
static void
test_concurrent_snapshots (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *backups = hubs_backup_get_dir (f->path);
  GMutex lock;
  SnapshotJob job = { f->path, taken, &lock, 8 };
  GThread *threads[2];
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_mutex_init (&lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("snapshot", snapshot_thread, &job);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&lock);

  g_assert_cmpuint (taken->len, ==, 16);
  for (guint i = 0; i < taken->len; i++)
    {
      g_assert_true (g_hash_table_add (distinct, taken->pdata[i]));
      g_assert_true (hubs_backup_check_file (taken->pdata[i], NULL));
    }

  dir = g_dir_open (backups, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));
  g_assert_cmpuint (count_files (backups), ==, 16);
}

/* What a crash left (an old `.partial`) goes with the next snapshot; a recent one, which may
 * be another Hubs at work, stays. */
static void
test_stale_partial_removed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HubsStore) store = hubs_test_open_store (f->path, HUBS_STORE_OPEN_DEFAULT);
  g_autofree char *backups = hubs_backup_get_dir (f->path);
  g_autofree char *stale = NULL;
  g_autofree char *stale_journal = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *taken = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf old_times;

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  stale = g_build_filename (backups, "hubs-20250101-120000.sqlite3.partial", NULL);
  stale_journal = g_strconcat (stale, "-journal", NULL);
  recent = g_build_filename (backups, "hubs-20250101-120001.sqlite3.99-0000abcd.partial", NULL);
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "half", -1, NULL));
  g_assert_true (g_file_set_contents (recent, "half", -1, NULL));
  old_times.actime = old_times.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (stale, &old_times), ==, 0);
  g_assert_cmpint (g_utime (stale_journal, &old_times), ==, 0);

  taken = hubs_backup_snapshot (store, HUBS_BACKUP_KEEP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (taken);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, hubs_test_files_set_up, func, hubs_test_files_tear_down)

  ADD ("/hubs/backup/copy-to-fifo", test_copy_to_fifo);
  ADD ("/hubs/backup/copy-to-null-device", test_copy_to_null_device);
  ADD ("/hubs/backup/copy-to-symlink", test_copy_to_symlink);
  ADD ("/hubs/backup/copy-to-folder", test_copy_to_folder);
  ADD ("/hubs/backup/concurrent-snapshots", test_concurrent_snapshots);
  ADD ("/hubs/backup/stale-partial-removed", test_stale_partial_removed);

  ADD ("/hubs/backup/snapshot", test_snapshot);
  ADD ("/hubs/backup/snapshot-opens-as-database", test_snapshot_opens_as_database);
  ADD ("/hubs/backup/list-order-and-prune", test_list_order_and_prune);
  ADD ("/hubs/backup/daily", test_daily);
  ADD ("/hubs/backup/copy-to-path", test_copy_to_path);
  ADD ("/hubs/backup/restore", test_restore);
  ADD ("/hubs/backup/restore-keeps-oldest-until-done", test_restore_keeps_oldest_until_done);
  ADD ("/hubs/backup/restore-refuses-bad-backup", test_restore_refuses_bad_backup);
  ADD ("/hubs/backup/restore-file-keeps-damaged", test_restore_file_keeps_damaged);
  ADD ("/hubs/backup/restore-file-bad-backup-changes-nothing",
       test_restore_file_bad_backup_changes_nothing);

#undef ADD

  return g_test_run ();
}
