/* hubs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hubs-store.h"
#include "hubs-undo.h"

G_BEGIN_DECLS

#define HUBS_TYPE_WINDOW (hubs_window_get_type ())

G_DECLARE_FINAL_TYPE (HubsWindow, hubs_window, HUBS, WINDOW, AdwApplicationWindow)

HubsWindow    *hubs_window_new            (GtkApplication *application,
                                           HubsStore      *store);
HubsStore     *hubs_window_get_store      (HubsWindow     *self);
HubsUndoStack *hubs_window_get_undo_stack (HubsWindow     *self);
void           hubs_window_show_error     (HubsWindow     *self,
                                           const GError   *error);
gboolean       hubs_window_select_hub     (HubsWindow     *self,
                                           const char     *hub_id);
const char    *hubs_window_get_hub_id     (HubsWindow     *self);
HubsWindow    *hubs_window_open_as_of     (HubsWindow     *self,
                                           GDateTime      *when,
                                           GError        **error);
GDateTime     *hubs_window_get_as_of      (HubsWindow     *self);
gboolean       hubs_window_open_kpi       (HubsWindow     *self,
                                           const char     *kpi_id);
GtkWidget     *hubs_window_get_hub_page   (HubsWindow     *self);
GtkWidget     *hubs_window_get_kpi_editor (HubsWindow     *self);
gboolean       hubs_window_save_typed     (HubsWindow     *self);
GtkWidget     *hubs_window_find_unsaved   (HubsWindow     *self);
void           hubs_window_ask_to_leave   (HubsWindow     *self,
                                           gboolean        quit);
gboolean       hubs_window_export_chart_to  (HubsWindow   *self,
                                             const char   *path,
                                             GError      **error);
gboolean       hubs_window_export_report_to (HubsWindow   *self,
                                             const char   *path,
                                             GError      **error);
gboolean       hubs_window_open_submission (HubsWindow *self,
                                            GFile      *file);
void           hubs_window_add_toast      (HubsWindow     *self,
                                           const char     *message,
                                           gboolean        offer_undo);

G_END_DECLS
