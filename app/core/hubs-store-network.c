/* hubs-store-network.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database file in the wrong place: on a network drive (NFS, SMB/CIFS) or a file system in
 * user space (FUSE: cloud-synced folders, sshfs), where SQLite's locks cannot be trusted and
 * its WAL mode, which needs shared memory between the processes, must not be used. SQLite's
 * own documentation warns against it; the answer for working together is a shared database
 * on a server.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <sys/vfs.h>

#include <glib/gi18n.h>

#include "hubs-store-private.h"

/* statfs()'s f_type of each such file system, from linux/magic.h and the file systems'
 * own sources. */
static const struct {
  guint32     magic;
  const char *name;
} network_file_systems[] = {
  { 0x6969, "NFS" },
  { 0x517B, "SMB" },
  { 0xFF534D42, "CIFS" },
  { 0xFE534D42, "SMB2" },
  { 0x65735546, "FUSE" },
  { 0x5346414F, "AFS" },
  { 0x73757245, "Coda" },
  { 0x01021997, "9P" },
  { 0x00C36400, "Ceph" },
  { 0x47504653, "GPFS" },
  { 0x0BD00BD0, "Lustre" },
};

/**
 * _hubs_store_find_network_file_system:
 * @path: a database file, which need not exist yet
 *
 * Returns: (nullable): the name of the network or user-space file system that holds @path's
 *   folder (NFS, CIFS, FUSE…), or %NULL for a local one
 */
const char *
_hubs_store_find_network_file_system (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs st;

  /* A folder not made yet is made beside its nearest existing parent. */
  while (statfs (dir, &st) != 0)
    {
      char *parent = g_path_get_dirname (dir);

      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          return NULL;
        }
      g_free (dir);
      dir = parent;
    }

  for (guint i = 0; i < G_N_ELEMENTS (network_file_systems); i++)
    if ((guint32) st.f_type == network_file_systems[i].magic)
      return network_file_systems[i].name;

  return NULL;
}

/**
 * hubs_store_get_warning:
 * @self: a #HubsStore
 *
 * Returns: (transfer full) (nullable): what the user should know about where the database
 *   is, in their language: a file on a network drive, say; %NULL when all is well
 */
char *
hubs_store_get_warning (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (self->network_file_system == NULL)
    return NULL;

  return g_strdup_printf (_("The database “%1$s” is on a network or synchronised drive (%2$s). "
                            "A database file there can be damaged when more than one computer "
                            "uses it, so Hubs saves to it more slowly and carefully. To work "
                            "on the same figures with others, use a shared database on a "
                            "PostgreSQL server instead."),
                          self->path, self->network_file_system);
}
