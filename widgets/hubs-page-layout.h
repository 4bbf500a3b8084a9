/* hubs-page-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hubs_page_layout_new (GtkWidget  *parent,
                                 int         maximum_width,
                                 int         spacing,
                                 GtkBox    **box);

G_END_DECLS
