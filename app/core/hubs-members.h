/* hubs-members.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-format.h"

G_BEGIN_DECLS

char *hubs_members_to_text   (const char   *lines,
                              gboolean      more,
                              HubsLanguage  lang);
char *hubs_members_from_text (const char   *text,
                              gboolean     *more);

G_END_DECLS
