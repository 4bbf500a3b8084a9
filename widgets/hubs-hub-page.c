/* hubs-hub-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub city's page: who they are (consortium, slogan, members, tier and type) and where each
 * of their KPIs stands, grouped by the plan's pillars.
 */

#define G_LOG_DOMAIN "hubs-hub-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-chart-view.h"
#include "hubs-format.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-row.h"
#include "hubs-page-layout.h"

struct _HubsHubPage
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *scroller;
  GtkBox    *box;

  /* The KPI rows still to add, after the first frame (see add_rows_idle()) */
  AdwPreferencesGroup *groups[HUBS_N_PILLARS];
  GPtrArray *pending_kpis;
  GHashTable *pending_figures;
  guint      rows_source;

  /* State */
  char      *hub_id;
};

G_DEFINE_FINAL_TYPE (HubsHubPage, hubs_hub_page, GTK_TYPE_WIDGET)

enum {
  KPI_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hubs_hub_page_dispose (GObject *object)
{
  HubsHubPage *self = (HubsHubPage *)object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->hub_id, g_free);
  g_clear_handle_id (&self->rows_source, g_source_remove);
  g_clear_pointer (&self->pending_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->pending_figures, g_hash_table_unref);

  G_OBJECT_CLASS (hubs_hub_page_parent_class)->dispose (object);
}

static void
hubs_hub_page_class_init (HubsHubPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_hub_page_dispose;

  /**
   * HubsHubPage::kpi-activated:
   * @self: a #HubsHubPage
   * @kpi_id: the KPI the user opened
   *
   * Emitted when the user activates a KPI's row, to open its editor.
   */
  signals[KPI_ACTIVATED] =
    g_signal_new ("kpi-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hubs_hub_page_init (HubsHubPage *self)
{
  self->scroller = hubs_page_layout_new (GTK_WIDGET (self), 960, 18, &self->box);
}

GtkWidget *
hubs_hub_page_new (void)
{
  return g_object_new (HUBS_TYPE_HUB_PAGE, NULL);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

/* One item a line in the store; one line, separated the way the language lists things. */
static char *
join_list (const char *items,
           gboolean    japanese)
{
  g_auto(GStrv) lines = g_strsplit (items != NULL ? items : "", "\n", -1);

  return g_strjoinv (japanese ? "、" : ", ", lines);
}

static void
on_row_activated (HubsHubPage *self,
                  HubsKpiRow  *row)
{
  g_signal_emit (self, signals[KPI_ACTIVATED], 0, hubs_kpi_row_get_kpi_id (row));
}

static void
add_header (HubsHubPage   *self,
            const HubsHub *hub)
{
  gboolean ja = hubs_i18n_is_japanese ();
  const char *members = ja ? hub->members_ja : hub->members_en;
  g_autofree char *members_line = NULL;
  g_autofree char *kind = NULL;
  const char *type = hubs_hub_type_get_label (hub->type);
  const char *slogan = hubs_i18n_pick (hub->slogan_ja, hub->slogan_en);
  const char *summary = hubs_i18n_pick (hub->summary_ja, hub->summary_en);

  add_label (self->box, hubs_i18n_pick (hub->consortium_ja, hub->consortium_en), "title-2");

  if (*type != '\0')
    /* Translators: tier and type of a hub, e.g. “Global Hub Cities · Wide-area” */
    kind = g_strdup_printf (_("%1$s · %2$s"), hubs_tier_get_label (hub->tier), type);
  else
    kind = g_strdup (hubs_tier_get_label (hub->tier));
  add_label (self->box, kind, "dim-label");

  if (*slogan != '\0')
    add_label (self->box, slogan, "title-4");
  if (*summary != '\0')
    add_label (self->box, summary, NULL);

  if (members == NULL || *members == '\0')
    members = ja ? hub->members_en : hub->members_ja;
  if (members != NULL && *members != '\0')
    {
      g_autofree char *list = join_list (members, ja);

      /* Translators: the governments that form the consortium */
      members_line = g_strdup_printf (_("Members: %s"), list);
      add_label (self->box, members_line, "caption");
    }
}

static void
clear (HubsHubPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);

  memset (self->groups, 0, sizeof self->groups);
  g_clear_handle_id (&self->rows_source, g_source_remove);
  g_clear_pointer (&self->pending_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->pending_figures, g_hash_table_unref);
}

/* Adds the rows of the KPIs still pending, under their pillars' headings. */
static void
add_pending_rows (HubsHubPage *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_clear_handle_id (&self->rows_source, g_source_remove);

  for (guint i = 0; self->pending_kpis != NULL && i < self->pending_kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (self->pending_kpis, i);
      GPtrArray *figures = g_hash_table_lookup (self->pending_figures, kpi->id);
      AdwPreferencesGroup *group = self->groups[kpi->pillar];
      GtkWidget *row;

      if (group == NULL)
        {
          group = self->groups[kpi->pillar] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, hubs_pillar_get_label (kpi->pillar));
          gtk_box_append (self->box, GTK_WIDGET (group));
        }

      row = hubs_kpi_row_new (kpi, figures ? figures : none);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (group, row);
    }

  g_clear_pointer (&self->pending_kpis, g_ptr_array_unref);
  g_clear_pointer (&self->pending_figures, g_hash_table_unref);
}

/* The rows sit below the header and the overview: they come in the frame after the first,
 * so a hub shows as soon as what is on screen is ready. */
static gboolean
add_rows_idle (gpointer data)
{
  HubsHubPage *self = data;

  self->rows_source = 0;
  add_pending_rows (self);

  return G_SOURCE_REMOVE;
}

/**
 * hubs_hub_page_set_hub:
 * @self: a #HubsHubPage
 * @store: the store
 * @hub_id: the hub to show
 * @error: a location for a #GError
 *
 * Shows the hub's header and its KPIs by pillar, or an empty state when it has none.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_hub_page_set_hub (HubsHubPage  *self,
                       HubsStore    *store,
                       const char   *hub_id,
                       GError      **error)
{
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  gboolean same_hub;

  g_return_val_if_fail (HUBS_IS_HUB_PAGE (self), FALSE);
  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  if (!(hub = hubs_store_get_hub (store, hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (store, hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (store, hub_id, error)))
    return FALSE;

  same_hub = g_strcmp0 (self->hub_id, hub_id) == 0;
  if (!same_hub)
    {
      g_free (self->hub_id);
      self->hub_id = g_strdup (hub_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
    }

  clear (self);
  add_header (self, hub);

  if (kpis->len > 0)
    {
      GtkWidget *overview = hubs_chart_view_new (HUBS_CHART_HUB_OVERVIEW);

      hubs_chart_view_set_show_title (HUBS_CHART_VIEW (overview), FALSE);
      hubs_chart_view_set_hub (HUBS_CHART_VIEW (overview), store, hub_id);
      /* Room for each KPI's name, bar, status and figures on one row. */
      gtk_widget_set_size_request (overview, -1, 90 + 48 * (int) kpis->len);
      gtk_widget_set_margin_top (overview, 6);
      gtk_box_append (self->box, overview);
    }

  if (kpis->len == 0)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-list-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No KPIs Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Add the KPIs this hub city committed to with the "
                                         "Add KPI button."));
      gtk_box_append (self->box, empty);
      return TRUE;
    }

  self->pending_kpis = g_steal_pointer (&kpis);
  self->pending_figures = g_steal_pointer (&figures);

  /* Built again after a change: at once, so the page keeps its length and scroll position. */
  if (same_hub)
    add_pending_rows (self);
  else
    self->rows_source = g_idle_add (add_rows_idle, self);

  return TRUE;
}

/**
 * hubs_hub_page_get_hub_id:
 * @self: a #HubsHubPage
 *
 * Returns: (nullable): the hub shown
 */
const char *
hubs_hub_page_get_hub_id (HubsHubPage *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_PAGE (self), NULL);

  return self->hub_id;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *kpi_id)
{
  if (HUBS_IS_KPI_ROW (widget) &&
      g_strcmp0 (hubs_kpi_row_get_kpi_id (HUBS_KPI_ROW (widget)), kpi_id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, kpi_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * hubs_hub_page_find_kpi_row:
 * @self: a #HubsHubPage
 * @kpi_id: a KPI id
 *
 * Adds the rows still waiting for the next frame first.
 *
 * Returns: (transfer none) (nullable): the row showing the KPI
 */
GtkWidget *
hubs_hub_page_find_kpi_row (HubsHubPage *self,
                            const char  *kpi_id)
{
  g_return_val_if_fail (HUBS_IS_HUB_PAGE (self), NULL);

  add_pending_rows (self);

  return find_row (GTK_WIDGET (self->box), kpi_id);
}
