/* hubs-window-national.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's way into the national view (win.show-national, Ctrl+Shift+N): the page of all
 * hubs in the content area, made the first time it is asked for; a KPI chosen on it opens in
 * the KPI editor on its hub's page.
 */

#define G_LOG_DOMAIN "hubs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-national-page.h"
#include "hubs-window-national.h"
#include "hubs-window-private.h"

static void
on_national_kpi_activated (HubsWindow *self,
                           const char *hub_id,
                           const char *kpi_id)
{
  /* A search may hide the hub from the sidebar: show them all again. */
  if (!hubs_window_select_hub (self, hub_id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      if (!hubs_window_select_hub (self, hub_id))
        return;
    }

  hubs_window_open_kpi (self, kpi_id);
}

/**
 * hubs_window_show_national:
 * @self: a #HubsWindow
 *
 * Shows the national view in the content area.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL without a database
 */
GtkWidget *
hubs_window_show_national (HubsWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  if (self->live == NULL || !hubs_window_save_typed (self))
    return NULL;

  page = gtk_stack_get_child_by_name (self->stack, "national");
  /* A restore gives the window another live model. */
  if (page != NULL &&
      hubs_national_page_get_model (HUBS_NATIONAL_PAGE (page)) != self->live)
    {
      gtk_stack_remove (self->stack, page);
      page = NULL;
    }
  if (page == NULL)
    {
      page = hubs_national_page_new (self->live);
      g_signal_connect_object (page, "kpi-activated", G_CALLBACK (on_national_kpi_activated),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, page, "national");
    }

  /* No hub is chosen while all are shown: choosing any, even the last one, opens its page. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child (self->stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hubs_window_update_actions (self);

  return page;
}

static void
show_national_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  GtkWidget *page = hubs_window_show_national (self);

  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* For hubs_window_class_init(). */
void
hubs_window_class_add_national_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-national", NULL,
                                   show_national_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-national",
                                       NULL);
}
