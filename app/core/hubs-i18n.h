/* hubs-i18n.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    hubs_i18n_is_japanese (void);
const char *hubs_i18n_pick        (const char *text_ja,
                                   const char *text_en);

G_END_DECLS
