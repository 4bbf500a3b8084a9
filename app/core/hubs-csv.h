/* hubs-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void hubs_csv_append_field (GString           *line,
                            const char        *field);
void hubs_csv_append_row   (GString           *out,
                            const char * const *fields,
                            guint               n_fields);

G_END_DECLS
