/* hubs-store-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's writer: a change a user makes, written without the window waiting on the
 * network (see hubs-store-writer.c).
 */

#pragma once

#include "hubs-store.h"

G_BEGIN_DECLS

/**
 * HubsStoreWriteFunc:
 * @store: the store
 * @data: the job's data
 * @error: a location for a #GError
 *
 * One write, made with the store's usual (blocking) calls.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
typedef gboolean (*HubsStoreWriteFunc) (HubsStore  *store,
                                        gpointer    data,
                                        GError    **error);

/**
 * HubsStoreWriteDone:
 * @store: the store
 * @data: the job's data, still valid
 * @error: (nullable): why the write failed, %NULL on success
 * @user_data: what the caller gave
 *
 * Told, in the main loop, once the write ended and what it changed was announced.
 */
typedef void (*HubsStoreWriteDone) (HubsStore    *store,
                                    gpointer      data,
                                    const GError *error,
                                    gpointer      user_data);

void      hubs_store_write             (HubsStore          *self,
                                        HubsStoreWriteFunc  func,
                                        gpointer            data,
                                        GDestroyNotify      data_free,
                                        HubsStoreWriteDone  done,
                                        gpointer            user_data);
void      hubs_store_read_async        (HubsStore          *self,
                                        HubsStoreWriteFunc  func,
                                        gpointer            data,
                                        GDestroyNotify      data_free,
                                        HubsStoreWriteDone  done,
                                        gpointer            user_data);
gboolean  hubs_store_get_writing       (HubsStore          *self);

G_END_DECLS
