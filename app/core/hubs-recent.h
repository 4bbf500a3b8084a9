/* hubs-recent.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many databases the list keeps. */
#define HUBS_RECENT_MAX 8

char    **hubs_recent_list       (GSettings  *settings);
char    **hubs_recent_list_files (GSettings  *settings,
                                  guint       max);
void      hubs_recent_add        (GSettings  *settings,
                                  const char *database);

G_END_DECLS
