/* hubs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the hub cities in a sidebar, and the selected hub's page or one of its
 * KPIs' editor beside it. Folds to one pane with a back button on a narrow window.
 */

#define G_LOG_DOMAIN "hubs-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-author.h"
#include "hubs-figure-row.h"
#include "hubs-hub-aliases.h"
#include "hubs-hub-item.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-editor.h"
#include "hubs-sidebar-row.h"
#include "hubs-store-roles.h"
#include "hubs-who-dialog.h"
#include "hubs-window-print.h"
#include "hubs-window-sidebar.h"
#include "hubs-store-writer.h"
#include "hubs-window-private.h"

G_DEFINE_FINAL_TYPE (HubsWindow, hubs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTENT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HubsHubItem *
selected_item (HubsWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_title (HubsWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  HubsHubItem *item = selected_item (self);
  const HubsHub *hub = item ? hubs_hub_item_get_hub (item) : NULL;

  gtk_widget_set_visible (self->back_button,
                          g_strcmp0 (page, "kpi") == 0 || adw_leaflet_get_folded (self->leaflet));

  if (g_strcmp0 (page, "tracker") == 0 || g_strcmp0 (page, "national") == 0)
    {
      adw_window_title_set_title (self->content_title,
                                  hubs_i18n_gettext (self->content_language,
                                                     g_str_equal (page, "tracker")
                                                     ? N_("Reporting Status")
                                                     : N_("National View")));
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  if (hub == NULL)
    {
      adw_window_title_set_title (self->content_title,
                                  hubs_i18n_gettext (self->content_language, N_("Hubs")));
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  adw_window_title_set_title (self->content_title, hubs_i18n_pick (hub->name_ja, hub->name_en));
  if (self->as_of != NULL)
    {
      g_autofree char *moment = hubs_format_moment (self->as_of, self->content_language);
      /* Translators: the subtitle of a window showing the data as it stood then */
      g_autofree char *subtitle = g_strdup_printf (hubs_i18n_gettext (self->content_language,
                                                                      N_("As of %s, for viewing only")),
                                                   moment);

      adw_window_title_set_subtitle (self->content_title, subtitle);
    }
  else if (g_strcmp0 (page, "kpi") == 0)
    adw_window_title_set_subtitle (self->content_title,
                                   hubs_i18n_gettext (self->content_language, N_("Edit KPI")));
  else
    adw_window_title_set_subtitle (self->content_title,
                                   hubs_i18n_pick (hub->consortium_ja, hub->consortium_en));
}

/* Hub pages are kept for the hubs seen last, so going back to one is only a switch. */
#define N_CACHED_HUB_PAGES 12

static void on_kpi_activated (HubsWindow *self,
                              const char *kpi_id);

static void
forget_hub_page (HubsWindow *self,
                 GtkWidget  *page)
{
  GList *link = g_queue_find (&self->page_order, page);

  if (link != NULL)
    g_queue_delete_link (&self->page_order, link);
  gtk_stack_remove (self->hub_pages, page);
}

static GtkWidget *
get_hub_page (HubsWindow  *self,
              const char  *hub_id,
              GError     **error)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->hub_pages, hub_id);
  HubsLiveHub *hub;

  if (page != NULL)
    {
      /* Most recently seen first. */
      g_queue_remove (&self->page_order, page);
      g_queue_push_head (&self->page_order, page);
      return page;
    }

  if (!(hub = hubs_live_model_lookup_hub (self->live, hub_id)))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("There is no hub “%s” in the database."), hub_id);
      return NULL;
    }

  page = hubs_hub_page_new ();
  g_signal_connect_object (page, "kpi-activated", G_CALLBACK (on_kpi_activated), self,
                           G_CONNECT_SWAPPED);
  if (!hubs_hub_page_set_hub (HUBS_HUB_PAGE (page), hub, error))
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      return NULL;
    }

  gtk_stack_add_named (self->hub_pages, page, hub_id);
  g_queue_push_head (&self->page_order, page);

  while (g_queue_get_length (&self->page_order) > N_CACHED_HUB_PAGES)
    {
      GtkWidget *oldest = g_queue_peek_tail (&self->page_order);

      if (oldest == gtk_stack_get_visible_child (self->hub_pages))
        break;
      forget_hub_page (self, oldest);
    }

  return page;
}

static void
show_hub_page (HubsWindow *self)
{
  g_autoptr(GError) error = NULL;
  HubsHubItem *item = selected_item (self);
  GtkWidget *page;

  if (item == NULL || hubs_hub_item_is_header (item))
    return;

  if (!(page = get_hub_page (self, hubs_hub_item_get_hub_id (item), &error)))
    {
      hubs_window_show_error (self, error);
      return;
    }

  gtk_stack_set_visible_child (self->hub_pages, page);
  gtk_stack_set_visible_child_name (self->stack, "hub");
  g_signal_group_set_target (self->hub_signals, hubs_hub_page_get_hub (HUBS_HUB_PAGE (page)));
  hubs_window_update_actions (self);
  update_title (self);
}

/* The position of the next hub (not a heading, nor a KPI found by a search) from @from in
 * direction @step, or GTK_INVALID_LIST_POSITION. */
static guint
find_hub_position (HubsWindow *self,
                   gint64      from,
                   int         step)
{
  GListModel *model = hubs_window_sidebar_get_items (self);
  gint64 n = g_list_model_get_n_items (model);

  for (gint64 i = from + step; i >= 0 && i < n; i += step)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (!hubs_hub_item_is_header (item) && hubs_hub_item_get_kpi (item) == NULL)
        return hubs_window_sidebar_show_row (self, i);
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
on_selection_changed (HubsWindow *self)
{
  HubsHubItem *item = selected_item (self);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (item == NULL || self->keep_page)
    return;

  /* Headings are not hubs: step onto the first hub under it. */
  if (hubs_hub_item_is_header (item))
    {
      guint next = find_hub_position (self, position, 1);

      if (next != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, next);
      return;
    }

  g_settings_set_string (self->settings, "selected-hub", hubs_hub_item_get_hub_id (item));
  show_hub_page (self);

  /* A KPI found by a search opens, on its hub's page. */
  if (hubs_hub_item_get_kpi (item) != NULL)
    hubs_window_open_kpi (self, hubs_live_kpi_get_id (hubs_hub_item_get_kpi (item)));
}

static void
on_hub_activated (HubsWindow *self,
                  guint       position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  HubsWindow *self = user_data;

  if (self->matches == NULL)
    return TRUE;

  if (hubs_hub_item_is_header (item))
    return self->tier_matches[hubs_hub_item_get_tier (item)];

  return g_hash_table_contains (self->matches, hubs_hub_item_get_hub_id (item));
}

static HubsHubItem *find_item (HubsWindow *self,
                               const char *hub_id,
                               guint      *position);

static gboolean
name_contains (const char *name,
               const char *folded_text)
{
  g_autofree char *folded = name ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && strstr (folded, folded_text) != NULL;
}

/* The KPIs a search found go under their hub; the selection stays where it was (on the
 * hub, when it was on a KPI that goes), and so does the page. */
static void
remove_kpi_items (HubsWindow *self)
{
  GListModel *all = G_LIST_MODEL (self->hubs);
  HubsHubItem *selected = selected_item (self);
  guint position;

  if (selected != NULL && hubs_hub_item_get_kpi (selected) != NULL &&
      find_item (self, hubs_hub_item_get_hub_id (selected), &position) != NULL)
    {
      self->keep_page = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->keep_page = FALSE;
    }

  for (guint i = g_list_model_get_n_items (all); i > 0; i--)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (all, i - 1);

      if (hubs_hub_item_get_kpi (item) != NULL)
        g_list_store_remove (self->hubs, i - 1);
    }
}

static void
add_kpi_items (HubsWindow *self,
               const char *text)
{
  GListModel *all = G_LIST_MODEL (self->hubs);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_strstrip (folded);

  for (guint i = g_list_model_get_n_items (all); i > 0; i--)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (all, i - 1);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
      HubsLiveHub *hub = hubs_hub_item_get_live_hub (item);
      GListModel *kpis;

      if (hub == NULL || !g_hash_table_contains (self->matches, hubs_live_hub_get_id (hub)) ||
          (!hubs_live_hub_get_loaded (hub) && !hubs_live_hub_load (hub, NULL)))
        continue;

      kpis = G_LIST_MODEL (hub);
      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, k);
          const HubsKpi *fields = hubs_live_kpi_get_kpi (kpi);

          if (name_contains (fields->name_ja, folded) || name_contains (fields->name_en, folded))
            g_ptr_array_add (found, hubs_hub_item_new_kpi (hub, kpi));
        }

      g_list_store_splice (self->hubs, i, 0, found->pdata, found->len);
    }
}

/* Hub names (and their former and other names) and KPI names, in either language: the hubs
 * found, each with the KPIs whose name matched under it; or, when nothing matches, a page
 * that says so and what was searched. */
static void
on_search_changed_cb (HubsWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GListModel *all = G_LIST_MODEL (self->hubs);
  gboolean any = FALSE;

  remove_kpi_items (self);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  memset (self->tier_matches, 0, sizeof self->tier_matches);

  if (*stripped != '\0' && self->store != NULL)
    {
      if (!(self->matches = hubs_store_search_hubs (self->store, stripped, &error)))
        g_warning ("Search failed: %s", error->message);
      else
        {
          g_autoptr(GPtrArray) aliased = hubs_hub_aliases_match (stripped);

          for (guint i = 0; i < aliased->len; i++)
            g_hash_table_add (self->matches, g_strdup (aliased->pdata[i]));
          add_kpi_items (self, stripped);
        }

      for (guint i = 0; self->matches && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(HubsHubItem) item = g_list_model_get_item (all, i);

          if (!hubs_hub_item_is_header (item) &&
              g_hash_table_contains (self->matches, hubs_hub_item_get_hub_id (item)))
            self->tier_matches[hubs_hub_item_get_tier (item)] = any = TRUE;
        }
    }

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);

  if (self->matches != NULL && !any)
    {
      g_autofree char *description =
        /* Translators: the sidebar after a search that found nothing; %s is what was typed */
        g_strdup_printf (_("No hub city or KPI name contains “%s”, in Japanese or English. "
                           "Former names such as 京阪神 count too."), stripped);

      adw_status_page_set_description (self->no_results, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_results), self->matches != NULL && !any);
  gtk_widget_set_visible (self->hub_scroller, self->matches == NULL || any);
}

static void
on_stop_search_cb (HubsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void bind_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      HubsWindow               *self);

static void
on_item_changed (GtkListItem *list_item)
{
  HubsWindow *self = g_object_get_data (G_OBJECT (list_item), "hubs-window");

  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (list_item), list_item);
  bind_row (NULL, list_item, self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           HubsWindow               *self)
{
  GtkWidget *row = hubs_sidebar_row_new ();

  /* A switch of language shows in the rows at once, without filling the list again. */
  g_object_bind_property (self, "content-language", row, "language", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
  g_object_set_data (G_OBJECT (list_item), "hubs-window", self);
}

/* Computes the summaries of rows that showed without one, a few milliseconds at a time. */
static gboolean
compute_summaries_idle (gpointer data)
{
  HubsWindow *self = data;
  gint64 deadline = g_get_monotonic_time () + 4000;

  while (self->pending_summaries->len > 0 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(HubsHubItem) item = g_ptr_array_steal_index (self->pending_summaries, 0);

      /* Reading the hub's KPIs makes the item emit "changed": its row shows them. */
      if (!hubs_hub_item_has_summary (item))
        hubs_hub_item_get_summary (item);
    }

  if (self->pending_summaries->len > 0)
    return G_SOURCE_CONTINUE;

  self->summary_source = 0;
  return G_SOURCE_REMOVE;
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          HubsWindow               *self)
{
  HubsHubItem *item = gtk_list_item_get_item (list_item);

  if (!hubs_hub_item_has_summary (item))
    {
      g_ptr_array_add (self->pending_summaries, g_object_ref (item));
      if (self->summary_source == 0)
        self->summary_source = g_idle_add_full (G_PRIORITY_LOW, compute_summaries_idle, self,
                                                NULL);
    }

  gtk_list_item_set_selectable (list_item, !hubs_hub_item_is_header (item));
  gtk_list_item_set_activatable (list_item, !hubs_hub_item_is_header (item));
  hubs_sidebar_row_bind (HUBS_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), item);
  /* For focus_selected_row(): which item the row shows. */
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "hubs-item", item);
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed), list_item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            HubsWindow               *self)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (list_item), list_item);
}

static HubsHubItem *
find_item (HubsWindow *self,
           const char *hub_id,
           guint      *position)
{
  GListModel *model = hubs_window_sidebar_get_items (self);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hubs_hub_item_get_id (item), hub_id) == 0)
        {
          if (position != NULL)
            *position = hubs_window_sidebar_show_row (self, i);
          return item;
        }
    }

  return NULL;
}

/* Whether each hub of the sidebar is under the heading of its tier as the live model has it
 * now: a hub whose tier was edited moves under the other heading. */
static gboolean
sidebar_tiers_match (HubsWindow *self)
{
  GListModel *all = G_LIST_MODEL (self->hubs);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HubsHubItem) item = g_list_model_get_item (all, i);
      HubsLiveHub *hub = hubs_hub_item_get_live_hub (item);

      if (hub != NULL && !hubs_hub_item_is_header (item) &&
          hubs_hub_item_get_tier (item) != hubs_live_hub_get_hub (hub)->tier)
        return FALSE;
    }

  return TRUE;
}

static void on_live_hubs_changed (HubsWindow *self);

/* What is not bound to one live object: the search's matches, the title, the actions, the
 * sidebar's headings, and the editor of a KPI that is gone. */
static void
on_live_changed (HubsWindow            *self,
                 const HubsStoreChange *change)
{
  HubsLiveKpi *editing = hubs_kpi_editor_get_kpi (HUBS_KPI_EDITOR (self->kpi_editor));

  /* The headings group the list; a row cannot move itself under another one. */
  if ((change->kind == HUBS_STORE_CHANGE_HUB || change->kind == HUBS_STORE_CHANGE_ALL) &&
      !sidebar_tiers_match (self))
    on_live_hubs_changed (self);

  if (change->kind != HUBS_STORE_CHANGE_FIGURE &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    on_search_changed_cb (self);

  /* A KPI deleted (or its addition undone) while its editor is open: back to the hub. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "kpi") == 0 &&
      editing != NULL && hubs_live_kpi_get_deleted (editing))
    show_hub_page (self);

  update_title (self);
  hubs_window_update_actions (self);
}

static void
on_editor_saved (HubsWindow *self,
                 const char *message)
{
  hubs_window_add_toast (self, message, hubs_undo_stack_get_can_undo (self->undo));
}

static void
on_kpi_activated (HubsWindow *self,
                  const char *kpi_id)
{
  hubs_window_open_kpi (self, kpi_id);
}

/* Fills the sidebar from the live model's hubs; the cached pages of hubs no longer there
 * go. */
static void
load (HubsWindow *self)
{
  GListModel *hubs = hubs_live_model_get_hubs (self->live);
  g_autofree char *remembered = NULL;
  g_autofree char *selected = g_strdup (hubs_window_get_hub_id (self));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_tier[2] = { FALSE, FALSE };
  guint n_hubs = g_list_model_get_n_items (hubs);
  guint position;
  GList *link;

  /* Global hub cities first, then NEXT, each under its heading; file order within. Added in
   * one splice, so the list updates once however many hubs there are. */
  for (HubsTier tier = HUBS_TIER_GLOBAL; tier <= HUBS_TIER_NEXT_GLOBAL; tier++)
    for (guint i = 0; i < n_hubs; i++)
      {
        g_autoptr(HubsLiveHub) hub = g_list_model_get_item (hubs, i);

        if (hubs_live_hub_get_hub (hub)->tier != tier)
          continue;

        if (!has_tier[tier])
          {
            g_ptr_array_add (items, hubs_hub_item_new_header (tier));
            has_tier[tier] = TRUE;
          }

        g_ptr_array_add (items, hubs_hub_item_new (hub));
      }

  hubs_window_sidebar_show_first_rows (self, items->len);
  g_list_store_splice (self->hubs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hubs)),
                       items->pdata, items->len);

  link = self->page_order.head;
  while (link != NULL)
    {
      GList *next = link->next;
      HubsHubPage *page = link->data;
      HubsLiveHub *hub = hubs_hub_page_get_hub (page);

      if (hub == NULL || hubs_live_hub_get_deleted (hub))
        forget_hub_page (self, GTK_WIDGET (page));
      link = next;
    }

  /* The KPIs a search found are gone with the splice: find them again. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    on_search_changed_cb (self);

  remembered = selected ? g_steal_pointer (&selected)
                        : g_settings_get_string (self->settings, "selected-hub");
  if (find_item (self, remembered, &position) == NULL)
    position = find_hub_position (self, -1, 1);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      on_selection_changed (self);
      /* At the start; later (a colleague's new hub), the list stays where the user left it. */
      if (!gtk_widget_get_realized (GTK_WIDGET (self->hub_list)))
        hubs_window_sidebar_scroll_to_selected_later (self);
    }
}

/* A hub added, or gone with a restore: the sidebar shows the hubs there are now. */
static void
on_live_hubs_changed (HubsWindow *self)
{
  gboolean editing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "kpi") == 0;

  load (self);
  if (editing)
    {
      HubsLiveKpi *kpi = hubs_kpi_editor_get_kpi (HUBS_KPI_EDITOR (self->kpi_editor));

      if (kpi != NULL && !hubs_live_kpi_get_deleted (kpi))
        gtk_stack_set_visible_child_name (self->stack, "kpi");
    }
}

/* The hub pages, the sidebar's rows and the title follow a new language at once; the labels
 * GTK built from the templates (menus, tooltips) after a restart. */
static void
on_language_changed (HubsWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings,
                                                     HUBS_I18N_SETTINGS_KEY_LANGUAGE);
  g_autofree char *editing = NULL;
  GtkWidget *page;

  hubs_i18n_set_data_language (language);
  if (self->content_language == hubs_language_current ())
    return;

  self->content_language = hubs_language_current ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);

  if (self->store == NULL)
    return;

  /* The pages are made again, in the new language: a page is cheap to make, and what a
   * page shows in words is spread over many widgets. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "kpi") == 0)
    editing = g_strdup (hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)));
  while ((page = g_queue_peek_head (&self->page_order)))
    forget_hub_page (self, page);
  show_hub_page (self);
  if (editing != NULL)
    hubs_window_open_kpi (self, editing);
  update_title (self);
}

static void
on_store_verified (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(HubsWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!hubs_store_verify_finish (HUBS_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hubs_window_show_error (self, error);
}

/* The store may have been opened without its full check, to show the window sooner. The
 * check reads the whole file, so it runs in a worker thread once the window is up. */
static gboolean
verify_store_idle (gpointer data)
{
  HubsWindow *self = data;

  self->verify_source = 0;

  if (self->store != NULL)
    hubs_store_verify_async (self->store, self->verify_cancellable, on_store_verified,
                             g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
set_store (HubsWindow *self,
           HubsStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (!g_set_object (&self->store, store) || store == NULL)
    return;

  if (!(self->live = hubs_live_model_new (store, &error)))
    {
      g_clear_object (&self->store);
      hubs_window_show_error (self, error);
      return;
    }

  /* Who makes the changes, as the preferences say now and later. */
  hubs_author_apply (store, NULL, NULL);
  hubs_connection_bar_set_store (self->connection_bar, store);

  self->undo = hubs_undo_stack_new (store);
  g_signal_connect_object (self->undo, "notify", G_CALLBACK (hubs_window_update_actions), self,
                           G_CONNECT_SWAPPED);

  self->kpi_editor = hubs_kpi_editor_new (self->live, self->undo);
  g_signal_connect_object (self->kpi_editor, "saved", G_CALLBACK (on_editor_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, self->kpi_editor, "kpi");

  g_signal_connect_object (self->live, "changed", G_CALLBACK (on_live_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (hubs_live_model_get_hubs (self->live), "items-changed",
                           G_CALLBACK (on_live_hubs_changed), self, G_CONNECT_SWAPPED);

  load (self);
  hubs_window_update_actions (self);
  self->verify_source = g_idle_add_full (G_PRIORITY_LOW, verify_store_idle, self, NULL);

  if (hubs_store_is_read_only (store))
    {
      gtk_label_set_text (self->viewing_bar, _("This database is open for viewing only: "
                                               "changes cannot be saved."));
      gtk_widget_set_visible (GTK_WIDGET (self->viewing_bar), TRUE);
    }
  else if ((role = hubs_store_describe_role (store)) != NULL)
    {
      gtk_label_set_text (self->viewing_bar, role);
      gtk_widget_set_visible (GTK_WIDGET (self->viewing_bar), TRUE);
    }
}

/* The keyboard focus goes to the row of the selected hub, when it was in the sidebar (or
 * nowhere): the focus ring and the selection show the same hub. */
static void
focus_selected_row (HubsWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *row;

  if (position == GTK_INVALID_LIST_POSITION ||
      (focus != NULL && gtk_widget_get_mapped (focus) && focus != GTK_WIDGET (self->hub_list) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->hub_list))))
    return;

  /* GTK 4.8 has no call to focus an item of a list view: scroll to it, then focus its
   * widget (the list's focus follows its child). */
  hubs_window_sidebar_scroll_to_selected (self);
  row = hubs_window_sidebar_get_selected_row (self);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Focuses the first widget under @root, in the order Tab visits them, that takes the
 * focus. (gtk_widget_child_focus() on the page reports success on 4.8 without moving the
 * focus out of the list.) */
static gboolean
focus_first_in (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root) || !gtk_widget_is_sensitive (root) ||
      !gtk_widget_get_can_focus (root))
    return FALSE;

  /* Scrolled windows and labels (selectable text) are passed through, as Tab does. */
  if (gtk_widget_get_focusable (root) && !GTK_IS_LABEL (root) && !GTK_IS_SCROLLED_WINDOW (root) &&
      !GTK_IS_VIEWPORT (root) && gtk_widget_grab_focus (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    if (focus_first_in (child))
      return TRUE;

  return FALSE;
}

/* Tab leaves the sidebar's list in one step (the arrows move inside it): forward to the
 * page shown, backward to the search. */
static gboolean
on_hub_list_key_pressed (HubsWindow            *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkWidget *content = gtk_stack_get_visible_child (self->stack);

  if (content == GTK_WIDGET (self->hub_pages))
    content = gtk_stack_get_visible_child (self->hub_pages);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) == 0)
    {
      if (content != NULL && focus_first_in (content))
        return GDK_EVENT_STOP;
      return GDK_EVENT_PROPAGATE;
    }

  if (keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      if (gtk_search_bar_get_search_mode (self->search_bar))
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->search_button));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* The saves a shared database's writer made for the closing window ended: it closes,
 * unless one failed (its field says why), and then the user is asked. */
static void
on_writing_changed (HubsStore  *store,
                    GParamSpec *pspec,
                    HubsWindow *self)
{
  if (hubs_store_get_writing (store))
    return;

  g_signal_handlers_disconnect_by_func (store, on_writing_changed, self);
  if (hubs_window_find_unsaved (self) != NULL)
    hubs_window_ask_to_leave (self, FALSE);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The close button and Alt+F4 save what is typed first, as Ctrl+Q does, and close once
 * those saves ended. */
static gboolean
hubs_window_close_request (GtkWindow *window)
{
  HubsWindow *self = HUBS_WINDOW (window);

  if (!hubs_window_save_typed (self))
    {
      hubs_window_ask_to_leave (self, FALSE);
      return TRUE;
    }

  if (self->store != NULL && hubs_store_get_writing (self->store))
    {
      g_signal_handlers_disconnect_by_func (self->store, on_writing_changed, self);
      g_signal_connect_object (self->store, "notify::writing", G_CALLBACK (on_writing_changed),
                               self, 0);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hubs_window_parent_class)->close_request (window);
}

static void
hubs_window_dispose (GObject *object)
{
  HubsWindow *self = (HubsWindow *)object;

  /* A field losing the focus as the widgets go saves nothing the window still shows. */
  if (self->live != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->live, self);
      g_signal_handlers_disconnect_by_data (hubs_live_model_get_hubs (self->live), self);
    }

  hubs_window_sidebar_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->hubs);
  g_clear_handle_id (&self->verify_source, g_source_remove);
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_object (&self->hub_signals);
  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_pointer (&self->pending_summaries, g_ptr_array_unref);
  g_queue_clear (&self->page_order);
  g_clear_object (&self->undo);
  g_clear_object (&self->live);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_weak_pointer (&self->toast);
  g_clear_weak_pointer (&self->shortcuts);
  g_clear_pointer (&self->as_of, g_date_time_unref);

  G_OBJECT_CLASS (hubs_window_parent_class)->dispose (object);
}

static void
hubs_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HubsWindow *self = HUBS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONTENT_LANGUAGE:
      g_value_set_uint (value, self->content_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HubsWindow *self = HUBS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_window_class_init (HubsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hubs_window_dispose;
  window_class->close_request = hubs_window_close_request;
  object_class->get_property = hubs_window_get_property;
  object_class->set_property = hubs_window_set_property;

  /**
   * HubsWindow:store:
   *
   * The database the window shows, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HUBS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsWindow:content-language:
   *
   * The #HubsLanguage of what the window shows of the data and about it: hub and KPI names,
   * the sidebar's headings and progress, the hub pages. It follows the language setting at
   * once (hubs_language_current()); the rows of the sidebar bind to it.
   */
  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_uint ("content-language", NULL, NULL,
                       HUBS_LANGUAGE_JA, HUBS_LANGUAGE_EN, HUBS_LANGUAGE_EN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HUBS_TYPE_CONNECTION_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Hubs/ui/hubs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, hub_list);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, hub_scroller);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, no_results);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, viewing_bar);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, try_again_button);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, recent_files);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, connection_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  hubs_window_class_add_actions (widget_class);
  hubs_window_class_add_print_actions (widget_class);
  hubs_window_class_add_national_actions (widget_class);
}

static void
on_author_changed (HubsWindow *self)
{
  if (self->store != NULL)
    hubs_author_apply (self->store, NULL, NULL);
}

static void
hubs_window_init (HubsWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkFilterListModel) filtered = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->content_language = hubs_language_current ();
  self->verify_cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::" HUBS_I18N_SETTINGS_KEY_LANGUAGE,
                           G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HUBS_AUTHOR_KEY_NAME,
                           G_CALLBACK (on_author_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HUBS_AUTHOR_KEY_ORGANISATION,
                           G_CALLBACK (on_author_changed), self, G_CONNECT_SWAPPED);

  /* A year submitted, accepted, returned or unlocked changes what the cycle offers. */
  self->hub_signals = g_signal_group_new (HUBS_TYPE_LIVE_HUB);
  g_signal_group_connect_swapped (self->hub_signals, "year-state-changed",
                                  G_CALLBACK (hubs_window_update_actions), self);

  self->hubs = g_list_store_new (HUBS_TYPE_HUB_ITEM);
  self->pending_summaries = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->hubs)),
                                        g_object_ref (self->filter));
  self->shown = gtk_slice_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)), 0,
                                          G_MAXUINT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->hub_list, factory);
  gtk_list_view_set_model (self->hub_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->hub_list, "activate", G_CALLBACK (on_hub_activated), self,
                           G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_hub_list_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->hub_list), keys);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->hub_list));

  self->hub_pages = GTK_STACK (gtk_stack_new ());
  /* The cached hub pages off screen are neither measured nor laid out. */
  gtk_stack_set_hhomogeneous (self->hub_pages, FALSE);
  gtk_stack_set_vhomogeneous (self->hub_pages, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->hub_pages), "hub");

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  hubs_window_init_export (self);

  /* Without a database (a damaged file), nothing that needs one is offered. */
  hubs_window_update_actions (self);
}

/**
 * hubs_window_new:
 * @application: the application
 * @store: (nullable): the database to show, or %NULL when it could not be opened
 *
 * Returns: (transfer full): a new main window
 */
HubsWindow *
hubs_window_new (GtkApplication *application,
                 HubsStore      *store)
{
  return g_object_new (HUBS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * hubs_window_get_store:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the database shown
 */
HubsStore *
hubs_window_get_store (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * hubs_window_get_undo_stack:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the changes made in this window
 */
HubsUndoStack *
hubs_window_get_undo_stack (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  return self->undo;
}

/**
 * hubs_window_show_error:
 * @self: a #HubsWindow
 * @error: what went wrong
 *
 * Shows @error in place of the hub page.
 */
void
hubs_window_show_error (HubsWindow   *self,
                        const GError *error)
{
  g_return_if_fail (HUBS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  if (g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_UNREACHABLE))
    hubs_window_show_unreachable (self, error);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/**
 * hubs_window_select_hub:
 * @self: a #HubsWindow
 * @hub_id: a hub id
 *
 * Selects the hub in the sidebar and shows its page.
 *
 * Returns: %TRUE when the hub is in the (filtered) sidebar
 */
gboolean
hubs_window_select_hub (HubsWindow *self,
                        const char *hub_id)
{
  guint position;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);

  if (find_item (self, hub_id, &position) == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  show_hub_page (self);
  hubs_window_sidebar_scroll_to_selected_later (self);

  return TRUE;
}

/**
 * hubs_window_get_hub_id:
 * @self: a #HubsWindow
 *
 * Returns: (nullable): the selected hub
 */
const char *
hubs_window_get_hub_id (HubsWindow *self)
{
  HubsHubItem *item;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  item = selected_item (self);

  return item ? hubs_hub_item_get_hub_id (item) : NULL;
}

/**
 * hubs_window_open_kpi:
 * @self: a #HubsWindow
 * @kpi_id: a KPI of the selected hub
 *
 * Opens the KPI's editor.
 *
 * Returns: %TRUE when the KPI exists
 */
gboolean
hubs_window_open_kpi (HubsWindow *self,
                      const char *kpi_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);

  if (self->kpi_editor == NULL ||
      !hubs_kpi_editor_set_kpi (HUBS_KPI_EDITOR (self->kpi_editor), kpi_id, &error))
    {
      if (error != NULL)
        hubs_window_add_toast (self, error->message, FALSE);
      return FALSE;
    }

  gtk_stack_set_visible_child_name (self->stack, "kpi");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hubs_kpi_editor_focus_next_figure (HUBS_KPI_EDITOR (self->kpi_editor));
  hubs_window_update_actions (self);
  update_title (self);
  /* The first edit: who is entering the figures? */
  if (!hubs_store_is_read_only (self->store))
    hubs_who_dialog_ask_once (GTK_WINDOW (self));

  return TRUE;
}

/**
 * hubs_window_get_hub_page:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the page of the hub shown
 */
GtkWidget *
hubs_window_get_hub_page (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->hub_pages);
}

/**
 * hubs_window_get_kpi_editor:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the KPI editor
 */
GtkWidget *
hubs_window_get_kpi_editor (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  return self->kpi_editor;
}

static void
on_toast_dismissed (HubsWindow *self)
{
  g_clear_weak_pointer (&self->toast);
}

/* A toast is dismissed safely only once it has finished sliding in (libadwaita 1.2 frees a
 * toast's animations while one still runs); until then it is reused for the next message. */
#define TOAST_SETTLED_USEC (2 * G_USEC_PER_SEC)

/**
 * hubs_window_add_toast:
 * @self: a #HubsWindow
 * @message: what to say
 * @offer_undo: whether the toast has an Undo button
 *
 * Shows a short message over the content. It replaces the message shown before rather than
 * waiting behind it: an offer to undo a step that is gone says nothing true any more.
 */
void
hubs_window_add_toast (HubsWindow *self,
                       const char *message,
                       gboolean    offer_undo)
{
  AdwToast *toast;

  g_return_if_fail (HUBS_IS_WINDOW (self));

  if (self->toast != NULL && g_get_monotonic_time () - self->toast_shown < TOAST_SETTLED_USEC)
    {
      adw_toast_set_title (self->toast, message);
      adw_toast_set_button_label (self->toast, offer_undo ? _("_Undo") : NULL);
      adw_toast_set_action_name (self->toast, offer_undo ? "win.undo" : NULL);
      return;
    }

  hubs_window_dismiss_toast (self);

  toast = adw_toast_new (message);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  g_set_weak_pointer (&self->toast, toast);
  self->toast_shown = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* For hubs-window-actions.c: the last toast goes, or, while it slides in, says nothing. */
void
hubs_window_dismiss_toast (HubsWindow *self)
{
  g_autoptr(AdwToast) toast = self->toast ? g_object_ref (self->toast) : NULL;

  if (toast == NULL)
    return;

  if (g_get_monotonic_time () - self->toast_shown < TOAST_SETTLED_USEC)
    return;

  /* Dismissed once only: its own timeout may dismiss it too. */
  g_clear_weak_pointer (&self->toast);
  adw_toast_dismiss (toast);
}

/**
 * hubs_window_save_typed:
 * @self: a #HubsWindow
 *
 * Saves every figure typed in the open KPI's fields but not saved yet (no Enter), as
 * pressing Enter would. Called before the window closes or the application quits.
 *
 * Returns: %TRUE when nothing typed is left unsaved (or the user chose to leave it)
 */
gboolean
hubs_window_save_typed (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), TRUE);

  if (self->kpi_editor == NULL || self->leave_unsaved)
    return TRUE;

  return hubs_kpi_editor_save_typed (HUBS_KPI_EDITOR (self->kpi_editor)) == NULL;
}

/**
 * hubs_window_find_unsaved:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the figure row whose typed value could not be saved
 *   (see hubs_kpi_editor_find_unsaved()), or %NULL
 */
GtkWidget *
hubs_window_find_unsaved (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  if (self->kpi_editor == NULL || self->leave_unsaved)
    return NULL;

  return hubs_kpi_editor_find_unsaved (HUBS_KPI_EDITOR (self->kpi_editor));
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   HubsWindow       *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), "row");

  if (!g_str_equal (response, "leave"))
    {
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (hubs_figure_row_get_entry (HUBS_FIGURE_ROW (row))));
      return;
    }

  self->leave_unsaved = TRUE;
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "quit")) && application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    gtk_window_close (GTK_WINDOW (self));
}

/**
 * hubs_window_ask_to_leave:
 * @self: a #HubsWindow
 * @quit: whether the application quits (else only the window closes)
 *
 * Asks whether to leave a figure that is typed but cannot be saved (its field says why).
 */
void
hubs_window_ask_to_leave (HubsWindow *self,
                          gboolean    quit)
{
  GtkWidget *row = hubs_window_find_unsaved (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (HUBS_IS_WINDOW (self));

  if (row != NULL)
    /* Translators: the body of the dialog before closing with an unreadable figure: the
     * figure (e.g. “FY2025 actual”), then why it cannot be saved */
    body = g_strdup_printf (_("What is typed for %1$s is not saved: %2$s"),
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            hubs_figure_row_get_error (HUBS_FIGURE_ROW (row)));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Figure"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "leave", quit ? _("_Quit Without It")
                                                  : _("_Close Without It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "quit", GINT_TO_POINTER (quit));
  g_object_set_data (G_OBJECT (dialog), "row", row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* For hubs-window-as-of.c: this window shows a copy of the database as it stood at @when,
 * and says so in its title and in the toast that stays. */
void
hubs_window_set_as_of (HubsWindow *self,
                       GDateTime  *when)
{
  g_autofree char *moment = hubs_format_moment (when, self->content_language);
  g_autofree char *title = NULL;
  g_autofree char *said = NULL;

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = g_date_time_ref (when);

  /* Translators: the window's title (in the task switcher) when it shows the data as of then */
  title = g_strdup_printf (_("Hubs — as of %s"), moment);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* Translators: under the header of a window showing the data as it stood then */
  said = g_strdup_printf (hubs_i18n_gettext (self->content_language,
                                             N_("This is the data as of %s, from the history: "
                                                "for viewing only.")), moment);
  gtk_label_set_text (self->viewing_bar, said);
  gtk_widget_set_visible (GTK_WIDGET (self->viewing_bar), TRUE);

  update_title (self);
}

/**
 * hubs_window_get_as_of:
 * @self: a #HubsWindow
 *
 * Returns: (transfer none) (nullable): the moment the window shows the data as of, or %NULL
 *   for the database as it is
 */
GDateTime *
hubs_window_get_as_of (HubsWindow *self)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  return self->as_of;
}

/* For hubs-window-actions.c: the hub shown, to go back to. */
void
hubs_window_show_hub_page (HubsWindow *self)
{
  show_hub_page (self);
}

/* For hubs-window-actions.c: move the selection to the previous (-1) or next (1) hub. */
void
hubs_window_step_hub (HubsWindow *self,
                      int         step)
{
  GListModel *all = hubs_window_sidebar_get_items (self);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gint64 position = selected;
  guint next;

  if (selected == GTK_INVALID_LIST_POSITION)
    position = step > 0 ? -1 : (gint64) g_list_model_get_n_items (all);

  next = find_hub_position (self, position, step);
  if (next != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, next);
      focus_selected_row (self);
    }
}
