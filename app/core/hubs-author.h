/* hubs-author.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

#define HUBS_AUTHOR_KEY_NAME         "user-name"
#define HUBS_AUTHOR_KEY_ORGANISATION "user-organisation"
#define HUBS_AUTHOR_KEY_ASKED        "asked-who"

GSettings *hubs_author_get_settings (void);
void       hubs_author_apply        (HubsStore  *store,
                                     const char *name,
                                     const char *organisation);

G_END_DECLS
