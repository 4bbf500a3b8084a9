/* hubs-store-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes another program makes to the same database file: an import from the command line
 * while the window is open, a second window. SQLite's `PRAGMA data_version` moves whenever
 * another connection commits; looked at once a second (one small read of the file's header
 * page), a move is passed on as the store's own #HubsStore::changed for everything, so the
 * live model reads again what is on screen and the window shows the other program's figures
 * within a second.
 */

#define G_LOG_DOMAIN "hubs-store-watch"

#include "config.h"

#include "hubs-store-private.h"
#include "hubs-store-watch.h"

struct _HubsStoreWatch
{
  GObject       parent_instance;

  /* Owned */
  HubsStore    *store;
  sqlite3_stmt *stmt;

  /* State */
  gint64        version;
  guint         source;
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

/**
 * hubs_store_watch_check:
 * @self: a #HubsStoreWatch
 *
 * Looks now whether another connection committed since the last look, and if so emits
 * #HubsStore::changed for everything. The watch does this by itself once a second.
 *
 * Returns: %TRUE when another program had changed the database
 */
gboolean
hubs_store_watch_check (HubsStoreWatch *self)
{
  HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_ALL };
  gint64 version;

  g_return_val_if_fail (HUBS_IS_STORE_WATCH (self), FALSE);

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

static void
hubs_store_watch_finalize (GObject *object)
{
  HubsStoreWatch *self = (HubsStoreWatch *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->stmt, sqlite3_finalize);
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
  if (!read_version (self, &self->version))
    g_debug ("%s cannot be watched for other programs' changes", hubs_store_get_path (store));
  /* Low priority: a look never delays a frame or the user's typing. */
  self->source = g_timeout_add_full (G_PRIORITY_LOW, HUBS_STORE_WATCH_INTERVAL, check_cb, self,
                                     NULL);

  return self;
}
