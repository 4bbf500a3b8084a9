/* hubs-store-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes other programs and people make to the same database: an import from the command
 * line while the window is open, a second window, a colleague on a shared database. Each
 * reaches the store's own #HubsStore::changed, so the live model updates what is on screen
 * within a second. One concept, one back-end per engine:
 *
 * - SQLite's `PRAGMA data_version` moves whenever another connection commits; looked at
 *   once a second (one small read of the file's header page), a move is passed on as a
 *   change of everything, and the live model reads again what is on screen.
 * - A server tells: every committed write sends a notice naming exactly what changed (see
 *   hubs-store-notify.c). The watch listens on a connection of its own, kept for that (so a
 *   notice never waits behind the store's statements), wakes when its socket is readable,
 *   and passes on each notice another connection sent, as exactly that change; the store's
 *   own saves it has told already. When that connection is lost (the server restarted, the
 *   network went), the watch connects again every few seconds, in a worker thread so the
 *   window never waits on the network for it, and once it listens again passes on a change
 *   of everything: what was saved meanwhile sent notices nobody heard.
 */

#define G_LOG_DOMAIN "hubs-store-watch"

#include "config.h"

#include <string.h>

#include <glib-unix.h>

#include "hubs-db-pg.h"
#include "hubs-store-private.h"
#include "hubs-store-watch.h"

struct _HubsStoreWatch
{
  GObject       parent_instance;

  /* Owned */
  HubsStore    *store;
  sqlite3_stmt *stmt;
  /* On a server: the connection that listens for notices, and the schema they are of. */
  HubsDb       *listener;
  char         *schema;
  /* Cancels a try to listen again that is under way, as the watch goes. */
  GCancellable *cancellable;

  /* State */
  gint64        version;
  guint         source;
  guint         retry;
  guint         shared : 1;
};

G_DEFINE_FINAL_TYPE (HubsStoreWatch, hubs_store_watch, G_TYPE_OBJECT)

static gboolean
read_version (HubsStoreWatch *self,
              gint64         *version)
{
  int rc;

  /* Only an SQLite file counts its commits; a shared database on a server does not. */
  if (hubs_store_get_db (self->store) == NULL)
    return FALSE;

  if (self->stmt == NULL &&
      sqlite3_prepare_v2 (hubs_store_get_db (self->store), "PRAGMA data_version", -1,
                          &self->stmt, NULL) != SQLITE_OK)
    return FALSE;

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (self->stmt, 0);
  sqlite3_reset (self->stmt);

  return rc == SQLITE_ROW;
}

static void listen_later (HubsStoreWatch *self);

/* Passes on the notices received, but those of the store's own connection. */
static gboolean
read_notices (HubsStoreWatch *self)
{
  gboolean changed = FALSE;
  g_autofree char *payload = NULL;
  gboolean failed = FALSE;
  int pid;

  while (hubs_db_pg_next_notice (self->listener, &payload, &pid, &failed))
    {
      const char *tab = strchr (payload, '\t');

      if (!_hubs_store_is_own_backend (self->store, pid) && tab != NULL &&
          strlen (self->schema) == (gsize) (tab - payload) &&
          strncmp (payload, self->schema, tab - payload) == 0)
        {
          g_debug ("Another connection changed %s: %s", hubs_store_get_path (self->store),
                   tab + 1);
          _hubs_store_apply_notice (self->store, tab + 1);
          changed = TRUE;
        }
      g_clear_pointer (&payload, g_free);
    }

  if (failed)
    {
      g_message ("Other people's changes to %s are not followed until the server can be "
                 "reached again: %s",
                 hubs_store_get_path (self->store), hubs_db_errmsg (self->listener));
      g_clear_handle_id (&self->source, g_source_remove);
      g_clear_pointer (&self->listener, hubs_db_close);
      listen_later (self);
    }

  return changed;
}

/**
 * hubs_store_watch_check:
 * @self: a #HubsStoreWatch
 *
 * Looks now whether another connection committed since the last look, and if so emits
 * #HubsStore::changed: for everything on a file, for exactly what changed on a server. The
 * watch does this by itself, once a second on a file, as a notice arrives on a server.
 *
 * Returns: %TRUE when another program had changed the database
 */
gboolean
hubs_store_watch_check (HubsStoreWatch *self)
{
  HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_ALL };
  gint64 version;

  g_return_val_if_fail (HUBS_IS_STORE_WATCH (self), FALSE);

  if (self->shared)
    return self->listener != NULL && read_notices (self);

  if (!read_version (self, &version) || version == self->version)
    return FALSE;

  g_debug ("Another program changed %s", hubs_store_get_path (self->store));
  self->version = version;
  g_signal_emit_by_name (self->store, "changed", &change);

  return TRUE;
}

static gboolean
check_cb (gpointer data)
{
  hubs_store_watch_check (data);

  return G_SOURCE_CONTINUE;
}

static gboolean
notice_cb (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  HubsStoreWatch *self = data;

  read_notices (self);

  return self->source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The schema the store's tables are in, which the notices of its changes name. */
static char *
read_schema (HubsDb *listener)
{
  HubsDbStmt *stmt = NULL;
  char *schema = NULL;

  if (hubs_db_prepare (listener, "SELECT current_schema ()", &stmt) != HUBS_DB_OK)
    return NULL;
  if (hubs_db_stmt_step (stmt) == HUBS_DB_ROW)
    schema = g_strdup (hubs_db_stmt_column_text (stmt, 0));
  hubs_db_stmt_finalize (stmt);

  return schema;
}

/* A connection of its own that listens for the notices of other connections' commits, and
 * the schema they name. */
typedef struct
{
  HubsDb *listener;
  char   *schema;
} Listening;

static void
listening_free (Listening *listening)
{
  g_clear_pointer (&listening->listener, hubs_db_close);
  g_free (listening->schema);
  g_free (listening);
}

/* Connects to @uri and listens there; on any thread, since it waits on the network. */
static Listening *
open_listener (const char  *uri,
               char       **message)
{
  Listening *listening = g_new0 (Listening, 1);
  int rc;

  if (!(listening->listener = hubs_db_pg_open (uri, TRUE, &rc, message)))
    {
      listening_free (listening);
      return NULL;
    }

  if (!(listening->schema = read_schema (listening->listener)) ||
      hubs_db_pg_listen (listening->listener, HUBS_STORE_NOTIFY_CHANNEL) != HUBS_DB_OK)
    {
      *message = g_strdup (hubs_db_errmsg (listening->listener));
      listening_free (listening);
      return NULL;
    }

  return listening;
}

/* Takes the connection that listens, and follows its socket. */
static void
start_listening (HubsStoreWatch *self,
                 Listening      *listening)
{
  g_clear_pointer (&self->schema, g_free);
  self->listener = g_steal_pointer (&listening->listener);
  self->schema = g_steal_pointer (&listening->schema);
  listening_free (listening);

  self->source = g_unix_fd_add (hubs_db_pg_get_socket (self->listener), G_IO_IN, notice_cb,
                                self);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autofree char *message = NULL;
  Listening *listening;

  if ((listening = open_listener (task_data, &message)))
    g_task_return_pointer (task, listening, (GDestroyNotify) listening_free);
  else
    g_task_return_new_error (task, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE, "%s",
                             message);
}

/* In the main loop, after a try in a worker thread: listening again, everything is read
 * again (what was saved meanwhile sent notices nobody heard); else the next try is later. */
static void
on_listener_connected (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(GError) error = NULL;
  HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_ALL };
  HubsStoreWatch *self;
  Listening *listening;

  /* The watch went meanwhile: it cancelled the try, and is not to be touched. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = data;
  if (!(listening = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_debug ("Still not following %s: %s", hubs_store_get_path (self->store), error->message);
      listen_later (self);
      return;
    }

  start_listening (self, listening);
  g_debug ("Following other people's changes to %s again", hubs_store_get_path (self->store));
  g_signal_emit_by_name (self->store, "changed", &change);
}

/* Tries again to listen, in a worker thread: the window never waits to connect. */
static gboolean
retry_cb (gpointer data)
{
  HubsStoreWatch *self = data;
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_listener_connected, self);

  self->retry = 0;
  g_task_set_source_tag (task, retry_cb);
  g_task_set_task_data (task, g_strdup (hubs_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, connect_in_thread);

  return G_SOURCE_REMOVE;
}

/* Tries again to listen in a few seconds, and so on until it does. */
static void
listen_later (HubsStoreWatch *self)
{
  if (self->retry == 0)
    self->retry = g_timeout_add_full (G_PRIORITY_LOW, HUBS_STORE_WATCH_RETRY_INTERVAL,
                                      retry_cb, self, NULL);
}

static void
hubs_store_watch_finalize (GObject *object)
{
  HubsStoreWatch *self = (HubsStoreWatch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_handle_id (&self->retry, g_source_remove);
  g_clear_pointer (&self->stmt, sqlite3_finalize);
  g_clear_pointer (&self->listener, hubs_db_close);
  g_clear_pointer (&self->schema, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hubs_store_watch_parent_class)->finalize (object);
}

static void
hubs_store_watch_class_init (HubsStoreWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubs_store_watch_finalize;
}

static void
hubs_store_watch_init (HubsStoreWatch *self)
{
}

/**
 * hubs_store_watch_new:
 * @store: the store to watch
 *
 * Starts looking, on the thread-default main context, for changes other programs make to
 * the database of @store; see hubs_store_watch_check().
 *
 * Returns: (transfer full): the watch; changes are looked for until it is finalized
 */
HubsStoreWatch *
hubs_store_watch_new (HubsStore *store)
{
  HubsStoreWatch *self;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self = g_object_new (HUBS_TYPE_STORE_WATCH, NULL);
  self->store = g_object_ref (store);

  if (hubs_db_get_engine (store->db) == HUBS_DB_ENGINE_POSTGRESQL)
    {
      g_autofree char *message = NULL;
      Listening *listening;

      /* The first time on this thread: the store has just connected to the same server, and
       * notices are followed from the moment the window shows. */
      self->shared = TRUE;
      self->cancellable = g_cancellable_new ();
      if ((listening = open_listener (hubs_store_get_path (store), &message)))
        start_listening (self, listening);
      else
        {
          g_message ("Other people's changes to %s cannot be followed yet: %s",
                     hubs_store_get_path (store), message);
          listen_later (self);
        }
      return self;
    }

  if (!read_version (self, &self->version))
    g_debug ("%s cannot be watched for other programs' changes", hubs_store_get_path (store));
  /* Low priority: a look never delays a frame or the user's typing. */
  self->source = g_timeout_add_full (G_PRIORITY_LOW, HUBS_STORE_WATCH_INTERVAL, check_cb, self,
                                     NULL);

  return self;
}
