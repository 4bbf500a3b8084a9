/* hubs-store-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's writer. On a shared database every call may wait on the network, so the
 * changes a user makes in the window (a figure, an explanation, an undo) are written in a
 * thread of the store's own, one after the other in the order they were asked for, while
 * the window goes on; what each changed is announced (HubsStore::changed) from the main
 * loop, and then its caller is told how it went. On a file, the same write is made at once,
 * as before: it never waits on anything but the disk.
 *
 * The writer has a connection of its own, made by its thread at its first job: a read the
 * window makes on the store's connection never waits behind a save that waits on the
 * server, and neither thread's statements ever land in the other's transaction. The
 * functions of the store take the connection of the thread they run on (_hubs_store_db());
 * the writer prepares its statements on its own (see _hubs_store_prepare()). When the
 * writer's connection is lost, the store says so as for its own (hubs-store-connection.c),
 * and the next job, or the store's next try, connects it again.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-db-pg.h"
#include "hubs-store-private.h"

typedef struct
{
  HubsStore          *store;
  HubsStoreWriteFunc  func;
  gpointer            data;
  GDestroyNotify      data_free;
  HubsStoreWriteDone  done;
  gpointer            user_data;
  GError             *error;
  /* A write, counted in HubsStore:writing; else a read (hubs_store_read_async()). */
  gboolean            writes;
  /* What the write changed (HubsStoreChange copies), said once it is back in the main loop. */
  GPtrArray          *changes;
} Job;

/* The job the writer thread is running, in that thread only. */
static GPrivate current_job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_error (&job->error);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_object_unref (job->store);
  g_free (job);
}

/* In the main loop: says what the write changed, then how it went. */
static gboolean
finish_job (gpointer data)
{
  Job *job = data;
  HubsStore *self = job->store;

  if (job->writes)
    {
      g_assert (self->writes_pending > 0);
      self->writes_pending--;
    }

  for (guint i = 0; i < job->changes->len; i++)
    _hubs_store_emit_change (self, g_ptr_array_index (job->changes, i));

  if (job->done != NULL)
    job->done (self, job->data, job->error, job->user_data);

  if (job->writes && self->writes_pending == 0)
    _hubs_store_notify_writing (self);

  job_free (job);

  return G_SOURCE_REMOVE;
}

/* In the writer's thread, before its first job (and after a first try that failed):
 * connects as the store's own connection did. */
static gboolean
open_writer_db (HubsStore  *self,
                GError    **error)
{
  g_autofree char *message = NULL;
  int rc;

  if (self->writer_db != NULL)
    return TRUE;

  /* self->path and self->read_only do not change once the store is open. */
  if (!(self->writer_db = hubs_db_pg_open (self->path, self->read_only, &rc, &message)))
    {
      g_debug ("The writer cannot connect to %s: %s", self->path, message);
      _hubs_store_set_db_error (error, NULL, HUBS_DB_UNREACHABLE, self->path);
      _hubs_store_note_writer_connection (self, FALSE);
      return FALSE;
    }

  g_atomic_int_set (&self->writer_pid, hubs_db_pg_get_backend_pid (self->writer_db));
  _hubs_store_watch_writer_connection (self);
  _hubs_store_note_writer_connection (self, TRUE);

  return TRUE;
}

static void
run_job (gpointer data,
         gpointer pool_data)
{
  Job *job = data;
  HubsStore *self = job->store;

  g_private_set (&current_job, job);
  if (open_writer_db (self, &job->error) &&
      !job->func (self, job->data, &job->error) && job->error == NULL)
    g_set_error_literal (&job->error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                         job->writes ? _("The change could not be saved.")
                                     : _("The database could not be read."));
  /* A job that failed half-way leaves no transaction open for the next one to meet. */
  if (self->writer_db != NULL)
    _hubs_store_rollback (self);
  g_private_set (&current_job, NULL);

  g_idle_add_full (G_PRIORITY_DEFAULT, finish_job, job, NULL);
}

static void
queue_job (HubsStore          *self,
           gboolean            writes,
           HubsStoreWriteFunc  func,
           gpointer            data,
           GDestroyNotify      data_free,
           HubsStoreWriteDone  done,
           gpointer            user_data)
{
  g_autoptr(GError) local_error = NULL;
  Job *job;

  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL)
    {
      if (!func (self, data, &local_error) && local_error == NULL)
        g_set_error_literal (&local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_FAILED,
                             writes ? _("The change could not be saved.")
                                    : _("The database could not be read."));
      if (done != NULL)
        done (self, data, local_error, user_data);
      if (data_free != NULL)
        data_free (data);
      return;
    }

  job = g_new0 (Job, 1);
  job->store = g_object_ref (self);
  job->writes = writes;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->done = done;
  job->user_data = user_data;
  job->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _hubs_store_change_free);

  if (self->writer == NULL)
    self->writer = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);

  if (writes && self->writes_pending++ == 0)
    _hubs_store_notify_writing (self);
  g_thread_pool_push (self->writer, job, NULL);
}

/**
 * hubs_store_write:
 * @self: a #HubsStore
 * @func: the write
 * @data: its data, passed to @func and @done
 * @data_free: (nullable): frees @data once @done was called
 * @done: (nullable): told how it went
 * @user_data: for @done
 *
 * Makes a change a user asked for. On a shared database @func runs in the store's writer
 * thread, after the writes asked for before it, and @done is called from the main loop
 * later: the caller shows the change as being saved meanwhile. On a file @func runs at
 * once, on this thread, and @done is called before this returns.
 *
 * @func may call any of the store's functions; the changes it makes are announced in the
 * main loop just before @done. It must not touch widgets or anything else of the main
 * thread's.
 */
void
hubs_store_write (HubsStore          *self,
                  HubsStoreWriteFunc  func,
                  gpointer            data,
                  GDestroyNotify      data_free,
                  HubsStoreWriteDone  done,
                  gpointer            user_data)
{
  g_return_if_fail (HUBS_IS_STORE (self));
  g_return_if_fail (func != NULL);

  queue_job (self, TRUE, func, data, data_free, done, user_data);
}

/**
 * hubs_store_read_async:
 * @self: a #HubsStore
 * @func: the read, which keeps what it read in @data
 * @data: its data, passed to @func and @done
 * @data_free: (nullable): frees @data once @done was called
 * @done: (nullable): told how it went
 * @user_data: for @done
 *
 * Reads as hubs_store_write() writes: on a shared database in the writer's thread, after
 * the writes asked for before it, so the window never waits for the connection while a
 * save holds it; on a file at once. A read is not counted in HubsStore:writing.
 */
void
hubs_store_read_async (HubsStore          *self,
                       HubsStoreWriteFunc  func,
                       gpointer            data,
                       GDestroyNotify      data_free,
                       HubsStoreWriteDone  done,
                       gpointer            user_data)
{
  g_return_if_fail (HUBS_IS_STORE (self));
  g_return_if_fail (func != NULL);

  queue_job (self, FALSE, func, data, data_free, done, user_data);
}

/**
 * hubs_store_get_writing:
 * @self: a #HubsStore
 *
 * Returns: the value of HubsStore:writing
 */
gboolean
hubs_store_get_writing (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return self->writes_pending > 0;
}

/* Whether the calling thread is the writer, running a job of @self. */
gboolean
_hubs_store_in_writer (HubsStore *self)
{
  Job *job = g_private_get (&current_job);

  return job != NULL && job->store == self;
}

/* Returns: (transfer none): the connection of the calling thread: the writer's in the
 * writer, else the store's */
HubsDb *
_hubs_store_db (HubsStore *self)
{
  /* Only the writer's thread sets writer_db, and only it reads it here. */
  if (_hubs_store_in_writer (self) && self->writer_db != NULL)
    return self->writer_db;

  return self->db;
}

/* Whether the server process @pid, which a notice names, is at the other end of one of the
 * store's own connections: its changes were said already. */
gboolean
_hubs_store_is_own_backend (HubsStore *self,
                            int        pid)
{
  return pid == hubs_db_pg_get_backend_pid (self->db) ||
         pid == g_atomic_int_get (&self->writer_pid);
}

/* In the writer's thread: makes its connection again, as hubs_store_reconnect() makes the
 * store's, without waiting for a retry's time. */
static gboolean
connect_again (HubsStore  *self,
               gpointer    data,
               GError    **error)
{
  g_autofree char *message = NULL;
  HubsDb *fresh;
  int rc;

  if (!(fresh = hubs_db_pg_open (self->path, self->read_only, &rc, &message)))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE, "%s", message);
      return FALSE;
    }

  hubs_db_pg_adopt (self->writer_db, fresh);

  return TRUE;
}

/* Once the server can be reached again, after the writes under way: makes the writer's
 * connection again (if it has made one), lost or not, then tells @done (with
 * %HUBS_STORE_ERROR_UNREACHABLE and libpq's words when it failed). */
void
_hubs_store_reconnect_writer (HubsStore          *self,
                              HubsStoreWriteDone  done,
                              gpointer            user_data)
{
  if (self->writer == NULL)
    {
      done (self, NULL, NULL, user_data);
      return;
    }

  queue_job (self, FALSE, connect_again, NULL, NULL, done, user_data);
}

/* In the writer: keeps what a job changed, to say from the main loop. Returns %FALSE on
 * any other thread, where the change is said at once. */
gboolean
_hubs_store_defer_change (HubsStore             *self,
                          const HubsStoreChange *change)
{
  Job *job = g_private_get (&current_job);

  if (job == NULL || job->store != self)
    return FALSE;

  g_ptr_array_add (job->changes, _hubs_store_change_copy (change));

  return TRUE;
}

/* As the store goes: no job is left, since each holds the store. Closes the writer's
 * connection, with the statements it prepared on it. */
void
_hubs_store_stop_writer (HubsStore *self)
{
  if (self->writer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->writer), FALSE, TRUE);
  g_hash_table_remove_all (self->writer_statements);
  g_clear_pointer (&self->writer_db, hubs_db_close);
}
