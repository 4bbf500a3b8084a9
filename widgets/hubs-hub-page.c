/* hubs-hub-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub city's page: who they are (consortium, slogan, members, tier and type) and where each
 * of their KPIs stands, grouped by the plan's pillars. The page shows one #HubsLiveHub: its
 * rows and overview follow their live KPIs by themselves, and the page rebuilds only what the
 * hub's own changes touch (its fields: the header; its list of KPIs: the rows; a fiscal year
 * submitted, accepted, returned or unlocked: where its reporting stands).
 */

#define G_LOG_DOMAIN "hubs-hub-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-members.h"
#include "hubs-chart-view.h"
#include "hubs-format.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-row.h"
#include "hubs-page-layout.h"

struct _HubsHubPage
{
  GtkWidget     parent_instance;

  /* Children */
  GtkWidget    *scroller;
  GtkBox       *box;
  GtkBox       *header;
  AdwPreferencesGroup *reporting;
  GtkWidget    *overview;
  GtkWidget    *empty;
  GtkWidget    *first_steps;
  GtkBox       *rows;

  /* The pillars' groups, and the KPIs under each when they were built */
  AdwPreferencesGroup *groups[HUBS_N_PILLARS];
  /* The tick callback adding the rows still to come, and whether it has let the page's
   * first frame go by. */
  guint         rows_tick;
  guint         rows_first_frame_shown : 1;
  guint         rows_added;

  /* Owned references */
  HubsLiveHub  *hub;
  GSignalGroup *hub_signals;
};

G_DEFINE_FINAL_TYPE (HubsHubPage, hubs_hub_page, GTK_TYPE_WIDGET)

enum {
  KPI_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Stops adding the rows still to come, if any. */
static void
stop_adding_rows (HubsHubPage *self)
{
  if (self->rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rows_tick);
  self->rows_tick = 0;
}

static void
hubs_hub_page_dispose (GObject *object)
{
  HubsHubPage *self = (HubsHubPage *)object;

  if (self->hub_signals != NULL)
    g_signal_group_set_target (self->hub_signals, NULL);
  stop_adding_rows (self);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->hub_signals);
  g_clear_object (&self->hub);

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

static void on_hub_notify        (HubsHubPage *self);
static void show_reporting       (HubsHubPage *self);
static void on_hub_items_changed (HubsHubPage *self);
static void on_hub_changed       (HubsHubPage *self);

static void
on_first_steps_clicked (HubsHubPage *self)
{
  g_autoptr(HubsLiveKpi) kpi = NULL;

  if (self->hub != NULL && (kpi = g_list_model_get_item (G_LIST_MODEL (self->hub), 0)))
    g_signal_emit (self, signals[KPI_ACTIVATED], 0, hubs_live_kpi_get_id (kpi));
}

/* Shown while none of the hub's KPIs has an actual: the statuses below say “no actual yet”,
 * which a first-time user must not read as failure. */
static GtkWidget *
first_steps_new (HubsHubPage *self)
{
  HubsLanguage lang = hubs_language_current ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (hubs_i18n_gettext (lang, N_("No Actuals Entered Yet")));
  GtkWidget *text = gtk_label_new (hubs_i18n_gettext (lang,
                                                      N_("Each KPI shows its status once its "
                                                         "first actual is in. Open a KPI and "
                                                         "type this year’s figure, or import "
                                                         "the figures from a spreadsheet "
                                                         "(Import Figures… in the main "
                                                         "menu).")));
  GtkWidget *button = gtk_button_new_with_mnemonic (hubs_i18n_gettext (lang,
                                                                       N_("_Enter the First "
                                                                          "Actual")));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "hubs-first-steps");
  gtk_widget_set_margin_top (card, 6);
  for (GtkWidget *child = title; child != NULL; child = child == title ? text : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_widget_set_margin_start (child, 18);
      gtk_widget_set_margin_end (child, 18);
      gtk_box_append (GTK_BOX (card), child);
    }
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 18);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_first_steps_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (card), button);
  gtk_widget_set_visible (card, FALSE);

  return card;
}

static void
show_first_steps (HubsHubPage *self)
{
  GListModel *kpis = G_LIST_MODEL (self->hub);
  guint n_kpis = g_list_model_get_n_items (kpis);
  gboolean any_actual = FALSE;

  for (guint i = 0; i < n_kpis && !any_actual; i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);

      any_actual = hubs_live_kpi_get_progress (kpi)->has_actual;
    }

  gtk_widget_set_visible (self->first_steps, n_kpis > 0 && !any_actual);
}

static void
hubs_hub_page_init (HubsHubPage *self)
{
  /* A page is made again when the language changes: its words are those of the data. */
  HubsLanguage lang = hubs_language_current ();

  self->scroller = hubs_page_layout_new (GTK_WIDGET (self), 960, 18, &self->box);

  self->header = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (self->box, GTK_WIDGET (self->header));

  self->reporting = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: the hub page's group saying where each fiscal year's reporting to the
   * Cabinet Office stands (submitted, accepted, returned) */
  adw_preferences_group_set_title (self->reporting,
                                   hubs_i18n_gettext (lang, N_("Reporting to the Cabinet Office")));
  gtk_box_append (self->box, GTK_WIDGET (self->reporting));

  self->overview = hubs_chart_view_new (HUBS_CHART_HUB_OVERVIEW);
  hubs_chart_view_set_show_title (HUBS_CHART_VIEW (self->overview), FALSE);
  gtk_widget_set_margin_top (self->overview, 6);
  gtk_box_append (self->box, self->overview);

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty),
                             hubs_i18n_gettext (lang, N_("No KPIs Yet")));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   hubs_i18n_gettext (lang, N_("Add the KPIs this hub city "
                                                               "committed to with the Add "
                                                               "KPI button.")));
  gtk_box_append (self->box, self->empty);

  self->first_steps = first_steps_new (self);
  gtk_box_insert_child_after (self->box, self->first_steps, GTK_WIDGET (self->header));

  self->rows = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (self->box, GTK_WIDGET (self->rows));

  self->hub_signals = g_signal_group_new (HUBS_TYPE_LIVE_HUB);
  g_signal_group_connect_object (self->hub_signals, "notify::hub", G_CALLBACK (on_hub_notify),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->hub_signals, "items-changed",
                                 G_CALLBACK (on_hub_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->hub_signals, "changed", G_CALLBACK (on_hub_changed),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->hub_signals, "year-state-changed",
                                 G_CALLBACK (show_reporting), self, G_CONNECT_SWAPPED);
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
  /* Text to copy with the mouse, not a stop of Tab on the way to the KPIs. */
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

static void
on_row_activated (HubsHubPage *self,
                  HubsKpiRow  *row)
{
  g_signal_emit (self, signals[KPI_ACTIVATED], 0, hubs_kpi_row_get_kpi_id (row));
}

static void
show_header (HubsHubPage *self)
{
  const HubsHub *hub = hubs_live_hub_get_hub (self->hub);
  HubsLanguage lang = hubs_language_current ();
  gboolean ja = lang == HUBS_LANGUAGE_JA;
  const char *members = ja ? hub->members_ja : hub->members_en;
  g_autofree char *members_line = NULL;
  g_autofree char *kind = NULL;
  const char *type = hubs_hub_type_get_label (hub->type);
  const char *slogan = hubs_i18n_pick (hub->slogan_ja, hub->slogan_en);
  const char *summary = hubs_i18n_pick (hub->summary_ja, hub->summary_en);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header))))
    gtk_box_remove (self->header, child);

  add_label (self->header, hubs_i18n_pick (hub->consortium_ja, hub->consortium_en), "title-2");

  if (*type != '\0')
    /* Translators: tier and type of a hub, e.g. “Global Hub Cities · Wide-area model” */
    kind = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s · %2$s")),
                            hubs_tier_get_label (hub->tier), type);
  else
    kind = g_strdup (hubs_tier_get_label (hub->tier));
  add_label (self->header, kind, "dim-label");

  if (*slogan != '\0')
    add_label (self->header, slogan, "title-4");
  if (*summary != '\0')
    add_label (self->header, summary, NULL);

  if (members == NULL || *members == '\0')
    members = ja ? hub->members_en : hub->members_ja;
  if (members != NULL && *members != '\0')
    {
      g_autofree char *list = hubs_members_to_text (members, hub->members_more, lang);

      /* Translators: the governments that form the consortium */
      members_line = g_strdup_printf (hubs_i18n_gettext (lang, N_("Members: %s")), list);
      add_label (self->header, members_line, "caption");
    }
}

static const char *
year_state_icon (HubsYearStateKind state)
{
  switch (state)
    {
    case HUBS_YEAR_SUBMITTED:
      return "document-send-symbolic";
    case HUBS_YEAR_ACCEPTED:
      return "emblem-ok-symbolic";
    case HUBS_YEAR_RETURNED:
      return "dialog-warning-symbolic";
    case HUBS_YEAR_ENTERING:
    default:
      return "document-edit-symbolic";
    }
}

/* One row per fiscal year of the plan that left 入力中 (or came back to it), and always the
 * year reported on now, the latest that ended: “FY2025 · Submitted”, then by whom and when,
 * or the reviewer's reason for a return. */
static void
show_reporting (HubsHubPage *self)
{
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int latest = hubs_fiscal_year_latest_ended (now);
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->reporting), "hubs-rows");
  guint shown = 0;

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (self->reporting), "hubs-rows", rows,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (self->reporting, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);

  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    {
      const HubsYearState *state = hubs_live_hub_get_year_state (self->hub, year);
      HubsYearStateKind kind = state != NULL ? state->state : HUBS_YEAR_ENTERING;
      g_autofree char *fy = hubs_format_fiscal_year (year, lang);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (state == NULL && year != latest)
        continue;

      /* Translators: a fiscal year and where its reporting stands, e.g. “FY2025 · Submitted” */
      title = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s · %2$s")), fy,
                               hubs_year_state_kind_get_label (kind, lang));
      if (state != NULL)
        subtitle = hubs_year_state_describe (state, lang);
      else
        subtitle = g_strdup (hubs_i18n_gettext (lang, N_("Not submitted to the Cabinet Office "
                                                         "yet.")));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (year_state_icon (kind));
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "hubs-year-state");
      adw_preferences_group_add (self->reporting, row);
      g_ptr_array_add (rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reporting), shown > 0);
}

/* The overview has room for each KPI's name, bar, status and figures on one row; the empty
 * state shows instead when there is no KPI. */
static void
show_overview (HubsHubPage *self)
{
  guint n_kpis = g_list_model_get_n_items (G_LIST_MODEL (self->hub));

  gtk_widget_set_visible (self->overview, n_kpis > 0);
  gtk_widget_set_visible (self->empty, n_kpis == 0);
  show_first_steps (self);
  gtk_widget_set_size_request (self->overview, -1, 90 + 48 * (int) n_kpis);
}

static void
clear_rows (HubsHubPage *self)
{
  GtkWidget *child;

  stop_adding_rows (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))))
    gtk_box_remove (self->rows, child);
  memset (self->groups, 0, sizeof self->groups);
  self->rows_added = 0;
}

/* Adds the rows of up to @max more live KPIs, each under its pillar's heading. Returns
 * whether every KPI has its row. */
static gboolean
add_more_rows (HubsHubPage *self,
               guint        max)
{
  GListModel *kpis = G_LIST_MODEL (self->hub);
  guint n = g_list_model_get_n_items (kpis);

  for (guint added = 0; self->rows_added < n && added < max; self->rows_added++, added++)
    {
      guint i = self->rows_added;
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);
      HubsPillar pillar = hubs_live_kpi_get_kpi (kpi)->pillar;
      AdwPreferencesGroup *group = self->groups[pillar];
      GtkWidget *row;

      if (group == NULL)
        {
          group = self->groups[pillar] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, hubs_pillar_get_label (pillar));
          gtk_box_append (self->rows, GTK_WIDGET (group));
        }

      row = hubs_kpi_row_new (kpi);
      g_object_set_data (G_OBJECT (row), "hubs-pillar", GUINT_TO_POINTER (pillar));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (group, row);
    }

  return self->rows_added >= n;
}

/* Builds every row at once: after a change, so the page keeps its length and scroll. */
static void
add_rows (HubsHubPage *self)
{
  clear_rows (self);
  add_more_rows (self, G_MAXUINT);
}

/* Rows built per frame on a hub's first showing: a hub of 30 KPIs takes several frames
 * instead of one long one. */
#define ROWS_PER_FRAME 8

/* The rows sit below the header and the overview: they come in the frames after the first,
 * ROWS_PER_FRAME a frame, so a hub shows as soon as what is on screen is ready, and no frame
 * waits long. A tick callback, not an idle: idles run between frames as fast as they can,
 * so the rows would be built before the first frame after all. */
static gboolean
add_rows_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  HubsHubPage *self = HUBS_HUB_PAGE (widget);

  if (!self->rows_first_frame_shown)
    {
      self->rows_first_frame_shown = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (!add_more_rows (self, ROWS_PER_FRAME))
    return G_SOURCE_CONTINUE;

  self->rows_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
start_adding_rows (HubsHubPage *self)
{
  self->rows_first_frame_shown = FALSE;
  self->rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), add_rows_tick, NULL, NULL);
}

static void
on_hub_notify (HubsHubPage *self)
{
  show_header (self);
}

/* KPIs added, deleted or moved: the rows are built again at once, so the page keeps its
 * length and scroll position. */
static void
on_hub_items_changed (HubsHubPage *self)
{
  show_overview (self);
  add_rows (self);
}

static gboolean
find_misplaced_row (GtkWidget *widget)
{
  if (HUBS_IS_KPI_ROW (widget))
    return hubs_live_kpi_get_kpi (hubs_kpi_row_get_kpi (HUBS_KPI_ROW (widget)))->pillar !=
           GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "hubs-pillar"));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (find_misplaced_row (child))
      return TRUE;

  return FALSE;
}

/* A KPI moved to another pillar goes under that pillar's heading. */
static void
on_hub_changed (HubsHubPage *self)
{
  show_first_steps (self);

  if (self->rows_tick == 0 && find_misplaced_row (GTK_WIDGET (self->rows)))
    add_rows (self);
}

/**
 * hubs_hub_page_set_hub:
 * @self: a #HubsHubPage
 * @hub: the live hub to show
 * @error: a location for a #GError
 *
 * Shows the hub's header and its KPIs by pillar, or an empty state when it has none, and
 * follows them from then on.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_hub_page_set_hub (HubsHubPage  *self,
                       HubsLiveHub  *hub,
                       GError      **error)
{
  g_return_val_if_fail (HUBS_IS_HUB_PAGE (self), FALSE);
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), FALSE);

  if (self->hub == hub)
    return TRUE;

  if (!hubs_live_hub_load (hub, error))
    return FALSE;

  g_set_object (&self->hub, hub);
  g_signal_group_set_target (self->hub_signals, hub);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  show_header (self);
  show_reporting (self);
  hubs_chart_view_set_live_hub (HUBS_CHART_VIEW (self->overview), hub);
  show_overview (self);
  clear_rows (self);
  start_adding_rows (self);

  return TRUE;
}

/**
 * hubs_hub_page_get_hub:
 * @self: a #HubsHubPage
 *
 * Returns: (transfer none) (nullable): the live hub shown
 */
HubsLiveHub *
hubs_hub_page_get_hub (HubsHubPage *self)
{
  g_return_val_if_fail (HUBS_IS_HUB_PAGE (self), NULL);

  return self->hub;
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

  return self->hub ? hubs_live_hub_get_id (self->hub) : NULL;
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

  if (self->rows_tick != 0)
    {
      stop_adding_rows (self);
      add_more_rows (self, G_MAXUINT);
    }

  return find_row (GTK_WIDGET (self->rows), kpi_id);
}
