/* hubs-file-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * HubsFileChosenFunc:
 * @owner: the object that asked, still alive
 * @file: the file chosen
 * @user_data: the data given to hubs_file_chooser_run()
 *
 * Called once a file was chosen; not called when the choice was cancelled.
 */
typedef void (*HubsFileChosenFunc) (gpointer  owner,
                                    GFile    *file,
                                    gpointer  user_data);

void hubs_file_chooser_run (GtkWindow            *parent,
                            GtkFileChooserAction  action,
                            const char           *title,
                            const char           *accept_label,
                            const char           *current_name,
                            const char           *filter_name,
                            const char           *pattern,
                            gpointer              owner,
                            HubsFileChosenFunc    func,
                            gpointer              user_data,
                            GDestroyNotify        destroy);

G_END_DECLS
