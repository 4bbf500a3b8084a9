/* hubs-test-gtk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @widget is the one looked for; @data says what that is. */
typedef gboolean (*HubsTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

void  hubs_test_gtk_init          (int        *argc,
                                   char     ***argv);
void  hubs_test_wait_frames       (GtkWidget  *widget,
                                   guint       n_frames);
G_GNUC_WARN_UNUSED_RESULT
char *hubs_test_save_screenshot   (GtkWidget  *widget,
                                   const char *name);
void  hubs_test_spin              (guint       milliseconds);
gboolean hubs_test_find_label_containing (GtkWidget  *root,
                                          const char *text);
GtkWidget *hubs_test_find_first   (GtkWidget           *root,
                                   HubsTestWidgetMatch  match,
                                   gconstpointer        data);
void       hubs_test_collect      (GtkWidget           *root,
                                   HubsTestWidgetMatch  match,
                                   gconstpointer        data,
                                   GPtrArray           *found);
gboolean   hubs_test_is_of_type   (GtkWidget           *widget,
                                   gconstpointer        type);
GtkWidget *hubs_test_find_toplevel (GType               type,
                                    GtkWidget          *except);
G_GNUC_WARN_UNUSED_RESULT
GtkShortcut *hubs_test_find_shortcut (GtkWidget  *widget,
                                      const char *action_name);

G_END_DECLS
