/* hubs-test-gtk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  hubs_test_gtk_init          (int        *argc,
                                   char     ***argv);
void  hubs_test_wait_frames       (GtkWidget  *widget,
                                   guint       n_frames);
char *hubs_test_save_screenshot   (GtkWidget  *widget,
                                   const char *name);
void  hubs_test_spin              (guint       milliseconds);
gboolean hubs_test_find_label_containing (GtkWidget  *root,
                                          const char *text);

G_END_DECLS
