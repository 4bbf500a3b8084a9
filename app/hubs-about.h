/* hubs-about.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hubs_about_show (GtkWindow *parent);

G_END_DECLS
