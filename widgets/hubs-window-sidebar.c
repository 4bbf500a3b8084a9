/* hubs-window-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's sidebar list has and shows: a long list's first rows before the rest, all
 * the filtered items to look a hub up in, and the selected hub's row kept in sight.
 */

#define G_LOG_DOMAIN "hubs-window"

#include "config.h"

#include "hubs-hub-item.h"
#include "hubs-window-private.h"
#include "hubs-window-sidebar.h"

/* GTK 4.8's list view makes a row for each of the first 200 items or so of its model at
 * once, laid out whether they show or not: 205 sidebar rows, 25 ms of the first frame of a
 * 1,000-hub database. So a long list's first frame has only the first rows (more than a
 * sidebar can show), and the rest come in the frames after it, a few rows each. */
#define FIRST_ROWS 48
#define ROWS_PER_FRAME 24
/* Past the rows the list view makes at once, the rest come in one go. */
#define ROWS_MADE_AT_ONCE 240

static void
stop_adding_rows (HubsWindow *self)
{
  if (self->rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->hub_list), self->rows_tick);
  self->rows_tick = 0;
}

/* Every item in the list view, at once: a hub looked for, or stepped to, is past the first. */
static void
show_all_rows (HubsWindow *self)
{
  stop_adding_rows (self);
  if (gtk_slice_list_model_get_size (self->shown) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static gboolean
add_rows_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  HubsWindow *self = data;
  guint size = gtk_slice_list_model_get_size (self->shown);

  if (!self->rows_first_frame_shown)
    {
      self->rows_first_frame_shown = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (size + ROWS_PER_FRAME < ROWS_MADE_AT_ONCE)
    {
      gtk_slice_list_model_set_size (self->shown, size + ROWS_PER_FRAME);
      return G_SOURCE_CONTINUE;
    }

  self->rows_tick = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* Before the window's first frame, the list view gets the first rows of a long list of
 * @n_items only, and the rest after it. */
void
hubs_window_sidebar_show_first_rows (HubsWindow *self,
                                     guint       n_items)
{
  if (gtk_widget_get_realized (GTK_WIDGET (self->hub_list)) || n_items <= FIRST_ROWS)
    return;

  gtk_slice_list_model_set_size (self->shown, FIRST_ROWS);
  self->rows_first_frame_shown = FALSE;
  if (self->rows_tick == 0)
    self->rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->hub_list), add_rows_tick,
                                                    self, NULL);
}

/* For a position among all the filtered items: the list view has it (and the selection can
 * take it) from now on. */
guint
hubs_window_sidebar_show_row (HubsWindow *self,
                              guint       position)
{
  if (position != GTK_INVALID_LIST_POSITION &&
      position >= gtk_slice_list_model_get_size (self->shown))
    show_all_rows (self);
  return position;
}

/* The list view's widget for the selected item, or NULL when it has none. */
GtkWidget *
hubs_window_sidebar_get_selected_row (HubsWindow *self)
{
  HubsHubItem *selected = gtk_single_selection_get_selected_item (self->selection);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->hub_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (selected != NULL && row != NULL &&
          g_object_get_data (G_OBJECT (row), "hubs-item") == selected)
        return child;
    }

  return NULL;
}

/* Whether the sidebar shows the whole row of the selected item. */
static gboolean
selected_in_sight (HubsWindow *self)
{
  GtkWidget *list = GTK_WIDGET (self->hub_list);
  GtkWidget *row = hubs_window_sidebar_get_selected_row (self);
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_get_child_visible (row) &&
         gtk_widget_compute_bounds (row, list, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
}

/* The sidebar shows the selected row, wherever in the list it is. Scrolling re-lays out the
 * list even to a row it shows (10 ms with 1,000 hubs), so only for one out of sight. */
void
hubs_window_sidebar_scroll_to_selected (HubsWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION && !selected_in_sight (self))
    gtk_widget_activate_action (GTK_WIDGET (self->hub_list), "list.scroll-to-item", "u",
                                position);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  HubsWindow *self = data;

  if (!self->scroll_frame_shown)
    {
      self->scroll_frame_shown = TRUE;
      return G_SOURCE_CONTINUE;
    }

  self->scroll_tick = 0;
  hubs_window_sidebar_scroll_to_selected (self);
  return G_SOURCE_REMOVE;
}

/* The same, once the next frame has gone by: the hub chosen (one remembered from the last time,
 * or picked on the national page) shows first, then the sidebar follows it. Before the list's
 * first frame it could not: GTK 4.8's list view scrolled before it has its size shows no
 * rows. */
void
hubs_window_sidebar_scroll_to_selected_later (HubsWindow *self)
{
  self->scroll_frame_shown = FALSE;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->hub_list), scroll_tick,
                                                      self, NULL);
}

/* All the filtered items, the ones after the list view's first rows too. */
GListModel *
hubs_window_sidebar_get_items (HubsWindow *self)
{
  return gtk_slice_list_model_get_model (self->shown);
}

/* The window goes: no more rows come, nor scrolling. */
void
hubs_window_sidebar_stop (HubsWindow *self)
{
  stop_adding_rows (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->hub_list), self->scroll_tick);
  self->scroll_tick = 0;
}
