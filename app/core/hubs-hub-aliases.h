/* hubs-hub-aliases.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hubs-model.h"

G_BEGIN_DECLS

const char * const *hubs_hub_aliases_get   (const char *hub_id);
GPtrArray          *hubs_hub_aliases_match (const char *text);
const char         *hubs_hub_aliases_suggest (GPtrArray  *hubs,
                                              const char *text);

G_END_DECLS
