/* hubs-who-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *hubs_who_dialog_ask_once (GtkWindow *parent);

G_END_DECLS
