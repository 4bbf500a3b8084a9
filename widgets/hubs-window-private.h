/* hubs-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between hubs-window.c and the hubs-window-*.c files that hold its parts.
 */

#pragma once

#include "hubs-chart-data.h"
#include "hubs-connection-bar.h"
#include "hubs-format.h"
#include "hubs-live-model.h"
#include "hubs-window.h"

G_BEGIN_DECLS

struct _HubsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListView          *hub_list;
  GtkWidget            *hub_scroller;
  AdwStatusPage        *no_results;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkWidget            *try_again_button;
  GtkWidget            *recent_files;
  GtkWidget            *restore_button;
  GtkLabel             *viewing_bar;
  HubsConnectionBar    *connection_bar;

  /* Widgets made in code */
  GtkStack             *hub_pages;
  GtkWidget            *kpi_editor;

  /* Owned references */
  HubsStore            *store;
  HubsLiveModel        *live;
  HubsUndoStack        *undo;
  /* (nullable): the keyboard shortcuts' window, while it is open */
  GtkWindow            *shortcuts;
  GSettings            *settings;
  GListStore           *hubs;
  GtkFilter            *filter;
  /* The filtered items the list view has: all of them, but for the first frames of a long
   * list (see hubs-window-sidebar.c). */
  GtkSliceListModel    *shown;
  GtkSingleSelection   *selection;
  GHashTable           *matches;
  GPtrArray            *pending_summaries;
  /* The cached hub pages, most recently seen first (not owned: hub_pages holds them). */
  GQueue                page_order;
  /* The last toast, while it shows or waits (a weak pointer), and when it was added. */
  AdwToast             *toast;
  gint64                toast_shown;
  /* The selected hub's live object: its years' states decide the cycle's commands. */
  GSignalGroup         *hub_signals;
  /* Stops waiting for the store's check when the window goes. */
  GCancellable         *verify_cancellable;
  /* The moment a copy of the database shows, rewound from its history (or NULL). */
  GDateTime            *as_of;

  /* State */
  /* The language of the words the window shows: see HubsWindow:content-language. */
  HubsLanguage          content_language;
  gboolean              tier_matches[2];
  guint                 verify_source;
  guint                 summary_source;
  /* The tick callback giving the list view the rest of a long list, and whether it has let
   * the first frame go by. */
  guint                 rows_tick;
  guint                 rows_first_frame_shown : 1;
  /* The tick callback scrolling the sidebar to the selected row after the next frame, and
   * whether that frame went by. */
  guint                 scroll_tick;
  guint                 scroll_frame_shown : 1;
  /* The user chose to close or quit without a figure that cannot be saved. */
  guint                 leave_unsaved : 1;
  /* The selection moves from a KPI found by a search to its hub; the page stays. */
  guint                 keep_page : 1;
};

void hubs_window_class_add_actions (GtkWidgetClass *widget_class);
HubsChartData *hubs_window_get_shown_chart (HubsWindow *self,
                                            GError    **error);
void hubs_window_update_actions    (HubsWindow     *self);
void hubs_window_class_add_cycle_actions (GtkWidgetClass *widget_class);
void hubs_window_class_add_as_of_actions (GtkWidgetClass *widget_class);
void hubs_window_set_as_of              (HubsWindow     *self,
                                         GDateTime      *when);
void hubs_window_update_cycle_actions    (HubsWindow     *self);
void hubs_window_class_add_export_actions (GtkWidgetClass *widget_class);
void hubs_window_update_export_actions    (HubsWindow     *self);
void hubs_window_init_export              (HubsWindow     *self);
void hubs_window_show_hub_page     (HubsWindow     *self);
void hubs_window_class_add_national_actions (GtkWidgetClass *widget_class);
void hubs_window_dismiss_toast    (HubsWindow     *self);
void hubs_window_step_hub          (HubsWindow     *self,
                                    int             step);
void hubs_window_show_unreachable  (HubsWindow     *self,
                                    const GError   *error);

G_END_DECLS
