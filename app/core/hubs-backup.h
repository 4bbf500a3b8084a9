/* hubs-backup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_BACKUP_ERROR (hubs_backup_error_quark ())

/**
 * HubsBackupError:
 * @HUBS_BACKUP_ERROR_INVALID: the file is not a healthy Hubs database, so it cannot be
 *   restored
 * @HUBS_BACKUP_ERROR_FAILED: copying or moving a file failed
 */
typedef enum
{
  HUBS_BACKUP_ERROR_INVALID,
  HUBS_BACKUP_ERROR_FAILED,
} HubsBackupError;

/* How many automatic snapshots are kept beside a database. */
#define HUBS_BACKUP_KEEP 20

/**
 * HubsBackupInfo:
 * @path: the snapshot file
 * @time: when it was taken, local time
 * @size: its size in bytes
 *
 * One snapshot in the backups folder.
 */
typedef struct
{
  char      *path;
  GDateTime *time;
  goffset    size;
} HubsBackupInfo;

void        hubs_backup_info_free       (HubsBackupInfo *info);

GQuark      hubs_backup_error_quark     (void);
char       *hubs_backup_get_dir         (const char     *database_path);
void        hubs_backup_remove_database (const char     *path);
gboolean    hubs_backup_copy_to_path    (HubsStore      *store,
                                         const char     *path,
                                         GError        **error);
char       *hubs_backup_snapshot        (HubsStore      *store,
                                         guint           keep,
                                         GError        **error);
gboolean    hubs_backup_snapshot_daily  (HubsStore      *store,
                                         guint           keep,
                                         char          **snapshot_path,
                                         GError        **error);
void        hubs_backup_snapshot_daily_async  (HubsStore           *store,
                                               guint                keep,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    hubs_backup_snapshot_daily_finish (HubsStore           *store,
                                               GAsyncResult        *result,
                                               char               **snapshot_path,
                                               GError             **error);
GPtrArray  *hubs_backup_list            (const char     *database_path,
                                         GError        **error);
gboolean    hubs_backup_prune           (const char     *database_path,
                                         guint           keep,
                                         GError        **error);
gboolean    hubs_backup_check_file      (const char     *path,
                                         GError        **error);
gboolean    hubs_backup_restore         (HubsStore      *store,
                                         const char     *backup_path,
                                         char          **snapshot_path,
                                         GError        **error);
gboolean    hubs_backup_restore_file    (const char     *database_path,
                                         const char     *backup_path,
                                         char          **aside_path,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsBackupInfo, hubs_backup_info_free)

G_END_DECLS
