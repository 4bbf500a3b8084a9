/* hubs-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hubs-format.h"
#include "hubs-store.h"

G_BEGIN_DECLS

const char *hubs_history_field_get_label  (const char              *field);
char       *hubs_history_describe_value   (const char              *field,
                                           const char              *value,
                                           const char              *unit,
                                           HubsLanguage             language);
char       *hubs_history_describe_time    (const char              *changed_at,
                                          HubsLanguage             language);
char       *hubs_history_describe_who     (const char              *name,
                                           const char              *organisation,
                                           const char              *db_user);
void        hubs_history_describe_entry   (const HubsHistoryEntry  *entry,
                                           const char              *unit,
                                           HubsLanguage             language,
                                           char                   **title,
                                           char                   **change);

G_END_DECLS
