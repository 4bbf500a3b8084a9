/* hubs-store-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared database's connection to its server, when the server is away. The driver finds a
 * lost connection out in the call that needed it (which then fails with
 * %HUBS_STORE_ERROR_UNREACHABLE and writes nothing) and tells the store; the store says so
 * in HubsStore:connected, from the main loop, and tries to connect again every few seconds
 * in a worker thread, so the window never waits on the network for it. Once connected again
 * (by that try, by hubs_store_reconnect(), or by the driver on the next use) the store
 * announces %HUBS_STORE_CHANGE_ALL: what others changed meanwhile is read again. The
 * writer's connection (hubs-store-writer.c) is followed the same way: the store is connected
 * while both are.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include "hubs-db-pg.h"
#include "hubs-store-private.h"

/* How often the store tries to connect again while the server cannot be reached. */
#define RECONNECT_SECONDS 5

static gboolean
try_again_cb (gpointer data)
{
  hubs_store_reconnect (HUBS_STORE (data));

  return G_SOURCE_CONTINUE;
}

/* In the main loop, after the call that found the connection lost or made again. */
static gboolean
announce_cb (gpointer data)
{
  HubsStore *self = HUBS_STORE (data);
  gboolean disconnected;
  gboolean reconnected;

  g_mutex_lock (&self->connection_mutex);
  self->connection_idle = 0;
  disconnected = !hubs_db_pg_is_connected (self->db) || self->writer_lost;
  /* The connection was made again: everything may have changed meanwhile. */
  reconnected = self->reconnected && !disconnected;
  if (reconnected)
    self->reconnected = FALSE;
  g_mutex_unlock (&self->connection_mutex);

  if (self->disconnected != disconnected)
    {
      self->disconnected = disconnected;
      g_object_notify (G_OBJECT (self), "connected");
    }

  if (self->disconnected && self->reconnect_source == 0)
    self->reconnect_source = g_timeout_add_seconds (RECONNECT_SECONDS, try_again_cb, self);
  else if (!self->disconnected)
    g_clear_handle_id (&self->reconnect_source, g_source_remove);

  if (reconnected)
    _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* Notes that the store's connection, or the writer's, was lost or made again, to say it
 * from the main loop. */
static void
note_connection (HubsStore *self,
                 gboolean   writer,
                 gboolean   connected)
{
  g_mutex_lock (&self->connection_mutex);
  /* The writer's first try to connect, when the one before it failed, says it too. */
  if (writer && self->writer_lost == !connected)
    {
      g_mutex_unlock (&self->connection_mutex);
      return;
    }
  if (connected)
    self->reconnected = TRUE;
  if (writer)
    self->writer_lost = !connected;
  if (self->connection_idle == 0)
    self->connection_idle = g_idle_add (announce_cb, self);
  g_mutex_unlock (&self->connection_mutex);
}

/* From inside a call of the driver, on the main thread: only noted here. */
static void
on_connection_changed (gboolean connected,
                       gpointer data)
{
  note_connection (HUBS_STORE (data), FALSE, connected);
}

/* The same, from the writer's thread, for its connection. */
static void
on_writer_connection_changed (gboolean connected,
                              gpointer data)
{
  HubsStore *self = HUBS_STORE (data);

  /* The notices of a connection made again name its new server process. */
  if (connected)
    g_atomic_int_set (&self->writer_pid, hubs_db_pg_get_backend_pid (self->writer_db));
  note_connection (self, TRUE, connected);
}

/* Starts following the connection of a shared database, just opened. */
void
_hubs_store_watch_connection (HubsStore *self)
{
  g_assert (hubs_db_get_engine (self->db) == HUBS_DB_ENGINE_POSTGRESQL);

  hubs_db_pg_set_connection_func (self->db, on_connection_changed, self);
}

/* Starts following the writer's connection, just made in its thread. */
void
_hubs_store_watch_writer_connection (HubsStore *self)
{
  hubs_db_pg_set_connection_func (self->writer_db, on_writer_connection_changed, self);
}

/* In the writer's thread: its try to make its first connection failed, or worked. */
void
_hubs_store_note_writer_connection (HubsStore *self,
                                    gboolean   connected)
{
  note_connection (self, TRUE, connected);
}

/* Stops it, as the store goes. */
void
_hubs_store_unwatch_connection (HubsStore *self)
{
  g_mutex_lock (&self->connection_mutex);
  g_clear_handle_id (&self->connection_idle, g_source_remove);
  g_mutex_unlock (&self->connection_mutex);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  HubsStore *self = HUBS_STORE (source);
  g_autofree char *message = NULL;
  HubsDb *fresh;
  int rc;

  /* self->path and self->read_only do not change once the store is open. */
  if ((fresh = hubs_db_pg_open (self->path, self->read_only, &rc, &message)))
    g_task_return_pointer (task, fresh, (GDestroyNotify) hubs_db_close);
  else
    g_task_return_new_error (task, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE,
                             "%s", message);
}

/* Tells the callers of hubs_store_reconnect_async() how the try went. */
static void
tell_waiting (HubsStore    *self,
              const GError *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->reconnect_waiting);

  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    if (error != NULL)
      g_task_return_error (waiting->pdata[i], g_error_copy (error));
    else
      g_task_return_boolean (waiting->pdata[i], TRUE);
}

static void
on_writer_connected (HubsStore    *self,
                     gpointer      data,
                     const GError *error,
                     gpointer      user_data)
{
  if (error != NULL)
    g_debug ("The writer still cannot reach %s: %s", self->path, error->message);
  tell_waiting (self, error);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  HubsStore *self = HUBS_STORE (source);
  g_autoptr(GError) error = NULL;
  HubsDb *fresh;

  g_clear_object (&self->reconnecting);

  if (!(fresh = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_debug ("%s still cannot be reached: %s", self->path, error->message);
      tell_waiting (self, error);
      return;
    }

  /* The server can be reached: both connections are made again, the one not found lost
   * yet too (see hubs_db_pg_adopt()); the writer's after its jobs. */
  hubs_db_pg_adopt (self->db, fresh);
  _hubs_store_reconnect_writer (self, on_writer_connected, NULL);
}

/**
 * hubs_store_get_connected:
 * @self: a #HubsStore
 *
 * Returns: the value of HubsStore:connected
 */
gboolean
hubs_store_get_connected (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return !self->disconnected;
}

/* Returns: the server process at the other end of a shared database's connection (the
 * main thread's), for the tests */
int
hubs_store_get_backend_pid (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), 0);

  return hubs_db_pg_get_backend_pid (self->db);
}

/**
 * hubs_store_reconnect:
 * @self: a #HubsStore
 *
 * Tries now, in a worker thread, to connect again to the server of a shared database whose
 * connection was lost, as the store does by itself every few seconds; HubsStore:connected
 * says when it worked. Does nothing while connected or while a try is under way.
 */
void
hubs_store_reconnect (HubsStore *self)
{
  g_return_if_fail (HUBS_IS_STORE (self));

  if (!self->disconnected || self->reconnecting != NULL)
    return;

  self->reconnecting = g_task_new (self, NULL, on_connected, NULL);
  g_task_set_source_tag (self->reconnecting, hubs_store_reconnect);
  /* The task holds the store: the store stays until the try ends (a few seconds at most). */
  g_task_run_in_thread (self->reconnecting, connect_in_thread);
}

/**
 * hubs_store_reconnect_async:
 * @self: a #HubsStore
 * @callback: called when the try ends
 * @user_data: for @callback
 *
 * Like hubs_store_reconnect(), and tells @callback how the try went (joining the one under
 * way, if any); see hubs_store_reconnect_finish().
 */
void
hubs_store_reconnect_async (HubsStore           *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUBS_IS_STORE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, hubs_store_reconnect_async);

  if (!self->disconnected)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->reconnect_waiting == NULL)
    self->reconnect_waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->reconnect_waiting, g_steal_pointer (&task));
  hubs_store_reconnect (self);
}

/**
 * hubs_store_reconnect_finish:
 * @self: a #HubsStore
 * @result: what the callback got
 * @error: a location for a #GError
 *
 * Returns: %TRUE when connected again; else %FALSE with %HUBS_STORE_ERROR_UNREACHABLE and
 *   libpq's words for why
 */
gboolean
hubs_store_reconnect_finish (HubsStore     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
