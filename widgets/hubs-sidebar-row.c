/* hubs-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the sidebar: a tier heading, or a hub city with its type and how many of its KPIs
 * are on track, as a small bar and in words, and a mark once it submitted the fiscal year
 * reported on now (the latest that ended), which follows the live hub.
 */

#define G_LOG_DOMAIN "hubs-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-sidebar-row.h"

struct _HubsSidebarRow
{
  GtkWidget    parent_instance;

  /* Children */
  GtkWidget   *box;
  GtkLabel    *name;
  GtkWidget   *mark;
  GtkImage    *mark_icon;
  GtkLabel    *mark_label;
  GtkLabel    *detail;
  GtkWidget   *line;
  GtkWidget   *bar;

  /* Owned references */
  HubsHubItem *item;
  GSignalGroup *hub_signals;

  /* State */
  double       fraction;
  HubsLanguage language;
};

G_DEFINE_FINAL_TYPE (HubsSidebarRow, hubs_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hubs_sidebar_row_dispose (GObject *object)
{
  HubsSidebarRow *self = (HubsSidebarRow *)object;

  if (self->hub_signals != NULL)
    g_signal_group_set_target (self->hub_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HUBS_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->hub_signals);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (hubs_sidebar_row_parent_class)->dispose (object);
}

static void
hubs_sidebar_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HubsSidebarRow *self = HUBS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_uint (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_sidebar_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HubsSidebarRow *self = HUBS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      hubs_sidebar_row_set_language (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_sidebar_row_class_init (HubsSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_sidebar_row_dispose;
  object_class->get_property = hubs_sidebar_row_get_property;
  object_class->set_property = hubs_sidebar_row_set_property;

  /**
   * HubsSidebarRow:language:
   *
   * The #HubsLanguage of the row's words: its tier heading, the hub's name, its type and
   * progress, and what a screen reader says. The window binds it to its
   * #HubsWindow:content-language, so a switch of language shows at once.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_uint ("language", NULL, NULL,
                       HUBS_LANGUAGE_JA, HUBS_LANGUAGE_EN, HUBS_LANGUAGE_EN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, box);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, name);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, mark);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, mark_icon);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, mark_label);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, detail);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, line);
  gtk_widget_class_bind_template_child (widget_class, HubsSidebarRow, bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hubs-sidebar-row");
}

/* A small bar: the share of KPIs on track, in the text colour over a faint trough. Drawn
 * by hand because a list shows some two hundred rows at once and each GtkLevelBar is
 * several widgets. */
static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  HubsSidebarRow *self = user_data;
  GdkRGBA color;
  double y = (height - 4) / 2.0;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.2);
  cairo_rectangle (cr, 0, y, width, 4);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_rectangle (cr, 0, y, width * CLAMP (self->fraction, 0, 1), 4);
  cairo_fill (cr);
}

static void show_item (HubsSidebarRow *self);

/* The bar lies over the start of the words (see hubs-sidebar-row.ui), which leave it its
 * width and the spacing of a box. */
static void
show_bar (HubsSidebarRow *self,
          gboolean        shown)
{
  int width = gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (self->bar));

  gtk_widget_set_visible (self->bar, shown);
  gtk_widget_set_margin_start (GTK_WIDGET (self->detail), shown ? width + 6 : 0);
}

static void
hubs_sidebar_row_init (HubsSidebarRow *self)
{
  self->language = HUBS_LANGUAGE_EN;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->bar), draw_bar, self, NULL);

  self->hub_signals = g_signal_group_new (HUBS_TYPE_LIVE_HUB);
  g_signal_group_connect_object (self->hub_signals, "year-state-changed",
                                 G_CALLBACK (show_item), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hubs_sidebar_row_new (void)
{
  return g_object_new (HUBS_TYPE_SIDEBAR_ROW, NULL);
}

/* A name in the row's language, or in the other when that one is missing. */
static const char *
pick (HubsSidebarRow *self,
      const char     *text_ja,
      const char     *text_en)
{
  const char *first = self->language == HUBS_LANGUAGE_JA ? text_ja : text_en;
  const char *second = self->language == HUBS_LANGUAGE_JA ? text_en : text_ja;

  if (first != NULL && *first != '\0')
    return first;
  return second != NULL ? second : "";
}

/* The mark of the year reported on now, when the hub submitted it (or it was accepted, or
 * returned): an icon and the state in a word, which the 300 px sidebar has room for beside
 * the name; the year in the tooltip. Returns the words with the year, for the tooltip and
 * the row's accessible label, or %NULL. */
static char *
show_year_state (HubsSidebarRow *self,
                 HubsLiveHub    *hub)
{
  HubsLanguage lang = self->language;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int year = hubs_fiscal_year_latest_ended (now);
  g_autofree char *fy = hubs_format_fiscal_year (year, lang);
  HubsYearStateKind state = hub != NULL ? hubs_live_hub_get_year_state_kind (hub, year)
                                          : HUBS_YEAR_ENTERING;
  const char *icon = NULL;
  char *words = NULL;

  switch (state)
    {
    case HUBS_YEAR_SUBMITTED:
      icon = "document-send-symbolic";
      /* Translators: a mark in the sidebar, e.g. “FY2025 submitted” (2025年度 提出済) */
      words = g_strdup_printf (hubs_i18n_gettext (lang, N_("%s submitted")), fy);
      break;
    case HUBS_YEAR_ACCEPTED:
      icon = "emblem-ok-symbolic";
      /* Translators: a mark in the sidebar, e.g. “FY2025 accepted” (2025年度 確認済) */
      words = g_strdup_printf (hubs_i18n_gettext (lang, N_("%s accepted")), fy);
      break;
    case HUBS_YEAR_RETURNED:
      icon = "dialog-warning-symbolic";
      /* Translators: a mark in the sidebar, e.g. “FY2025 returned” (2025年度 差戻し) */
      words = g_strdup_printf (hubs_i18n_gettext (lang, N_("%s returned")), fy);
      break;
    case HUBS_YEAR_ENTERING:
    default:
      break;
    }

  gtk_widget_set_visible (self->mark, icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->mark_icon, icon);
      gtk_label_set_text (self->mark_label, hubs_year_state_kind_get_label (state, lang));
    }
  gtk_widget_set_tooltip_text (self->mark, words);

  return words;
}

static void
show_item (HubsSidebarRow *self)
{
  HubsLanguage lang = self->language;
  HubsHubItem *item = self->item;
  const HubsHub *hub;
  const HubsProgressSummary *summary;
  g_autofree char *detail = NULL;
  g_autofree char *label = NULL;
  g_autofree char *year_state = NULL;
  guint on_track;
  guint n_actuals;
  const char *name;
  const char *type;

  if (item == NULL)
    return;

  if (hubs_hub_item_is_header (item) || hubs_hub_item_get_kpi (item) != NULL)
    {
      g_signal_group_set_target (self->hub_signals, NULL);
      g_free (show_year_state (self, NULL));
    }
  else
    {
      g_signal_group_set_target (self->hub_signals, hubs_hub_item_get_live_hub (item));
      year_state = show_year_state (self, hubs_hub_item_get_live_hub (item));
    }

  if (hubs_hub_item_is_header (item))
    {
      gtk_label_set_text (self->name, hubs_i18n_tier_label (lang, hubs_hub_item_get_tier (item)));
      gtk_widget_add_css_class (GTK_WIDGET (self->name), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->name), "dim-label");
      gtk_widget_set_visible (self->line, FALSE);
      gtk_widget_set_margin_top (self->box, 12);
      gtk_widget_set_margin_start (self->box, 0);
      return;
    }

  hub = hubs_hub_item_get_hub (item);
  name = pick (self, hub->name_ja, hub->name_en);
  gtk_widget_set_margin_start (self->box, 0);

  /* A KPI found by a search, under its hub. */
  if (hubs_hub_item_get_kpi (item) != NULL)
    {
      const HubsKpi *kpi = hubs_live_kpi_get_kpi (hubs_hub_item_get_kpi (item));
      const char *kpi_name = pick (self, kpi->name_ja, kpi->name_en);

      gtk_widget_remove_css_class (GTK_WIDGET (self->name), "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self->name), "dim-label");
      gtk_widget_set_visible (self->line, TRUE);
      show_bar (self, FALSE);
      gtk_widget_set_margin_top (self->box, 2);
      gtk_widget_set_margin_start (self->box, 18);
      gtk_label_set_text (self->name, kpi_name);
      /* Translators: under a KPI found by a search: whose KPI it is */
      detail = g_strdup_printf (hubs_i18n_gettext (lang, N_("KPI of %s")), name);
      gtk_label_set_text (self->detail, detail);
      /* Translators: what a screen reader says for a KPI found by a search */
      label = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s, KPI of %2$s")), kpi_name,
                               name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      return;
    }

  type = hubs_i18n_hub_type_label (lang, hub->type);

  gtk_widget_remove_css_class (GTK_WIDGET (self->name), "heading");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name), "dim-label");
  gtk_widget_set_visible (self->line, TRUE);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_label_set_text (self->name, name);

  /* The summary is computed after the row first shows, so a long list opens quickly. */
  if (!hubs_hub_item_has_summary (item))
    {
      show_bar (self, FALSE);
      gtk_label_set_text (self->detail, type);
      if (year_state != NULL)
        label = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s, %2$s")), name, year_state);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : name,
                                      -1);
      return;
    }

  summary = hubs_hub_item_get_summary (item);
  on_track = summary->n_by_status[HUBS_STATUS_ACHIEVED] + summary->n_by_status[HUBS_STATUS_ON_TRACK];

  n_actuals = summary->n_kpis > 0 ? hubs_hub_item_count_actuals (item) : 0;

  /* Before any actual is in, “0 of 8 on track” would read as failure. */
  if (summary->n_kpis == 0)
    detail = g_strdup (hubs_i18n_gettext (lang, N_("No KPIs yet")));
  else if (n_actuals == 0)
    /* Translators: in the sidebar, for a hub whose KPIs have no actual figure yet */
    detail = g_strdup_printf (hubs_i18n_ngettext (lang, "%u KPI, no actuals yet",
                                                  "%u KPIs, no actuals yet", summary->n_kpis),
                              summary->n_kpis);
  else
    /* Translators: in the sidebar, e.g. “2 of 8 KPIs on track”; %2$u is how many KPIs */
    detail = g_strdup_printf (hubs_i18n_ngettext (lang, "%1$u of %2$u KPI on track",
                                                  "%1$u of %2$u KPIs on track", summary->n_kpis),
                              on_track, summary->n_kpis);
  /* No bar before the first actual: an empty one says nothing, and its room is the words'. */
  show_bar (self, n_actuals > 0);
  if (*type != '\0')
    {
      g_autofree char *with_type = NULL;

      /* Translators: the hub's type, then its progress, e.g. “Core-city model · 2 of 8 on track” */
      with_type = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s · %2$s")), type, detail);
      g_free (detail);
      detail = g_steal_pointer (&with_type);
    }
  gtk_label_set_text (self->detail, detail);

  self->fraction = summary->n_kpis > 0 ? (double) on_track / summary->n_kpis : 0;
  gtk_widget_queue_draw (self->bar);

  /* Translators: what a screen reader says for a sidebar row: the hub, then its progress */
  label = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s, %2$s")), name, detail);
  if (year_state != NULL)
    {
      g_autofree char *with_state = NULL;

      /* Translators: a sidebar row's words for a screen reader, then e.g. “FY2025 submitted” */
      with_state = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s, %2$s")), label, year_state);
      g_free (label);
      label = g_steal_pointer (&with_state);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * hubs_sidebar_row_bind:
 * @self: a #HubsSidebarRow
 * @item: what the row shows
 *
 * Shows @item in the row, in the row's #HubsSidebarRow:language; the row keeps @item, to
 * show it again when that changes.
 */
void
hubs_sidebar_row_bind (HubsSidebarRow *self,
                       HubsHubItem    *item)
{
  g_return_if_fail (HUBS_IS_SIDEBAR_ROW (self));
  g_return_if_fail (HUBS_IS_HUB_ITEM (item));

  g_set_object (&self->item, item);
  show_item (self);
}

/**
 * hubs_sidebar_row_get_language:
 * @self: a #HubsSidebarRow
 *
 * Returns: the language of the row's words
 */
HubsLanguage
hubs_sidebar_row_get_language (HubsSidebarRow *self)
{
  g_return_val_if_fail (HUBS_IS_SIDEBAR_ROW (self), HUBS_LANGUAGE_EN);

  return self->language;
}

/**
 * hubs_sidebar_row_set_language:
 * @self: a #HubsSidebarRow
 * @language: the language to show the row's words in
 *
 * Shows the row's item again in @language.
 */
void
hubs_sidebar_row_set_language (HubsSidebarRow *self,
                               HubsLanguage    language)
{
  g_return_if_fail (HUBS_IS_SIDEBAR_ROW (self));
  g_return_if_fail (language == HUBS_LANGUAGE_JA || language == HUBS_LANGUAGE_EN);

  if (self->language == language)
    return;

  self->language = language;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  show_item (self);
}
