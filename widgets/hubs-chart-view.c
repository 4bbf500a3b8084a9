/* hubs-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart on screen: gathers the data from the live model, takes its colours from the style and
 * calls the drawing function of hubs-chart.c from snapshot. Pointing at a mark shows its exact
 * figure in a tooltip; with the keyboard, the arrow keys move between marks and a popover shows
 * the same text. The accessible description states every number the chart shows.
 */

#define G_LOG_DOMAIN "hubs-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hubs-chart-stamp.h"
#include "hubs-chart-view.h"

struct _HubsChartView
{
  GtkWidget       parent_instance;

  /* Children */
  GtkWidget      *popover;
  GtkWidget      *popover_label;

  /* Owned references */
  /* What it shows: a live hub (overview), a live KPI of it (trajectory, bullet) or the live
   * model (comparison), whose "changed" the view follows without reading the database. */
  HubsLiveModel  *live_model;
  HubsLiveHub    *live_hub;
  HubsLiveKpi    *live_kpi;
  gulong          live_handler;
  HubsChartData  *data;
  /* The marks of the last frame, for pointing and focus. */
  GArray         *hits;
  /* (nullable): the last frame's picture, and for which size, language and focus: a page
   * shown again, or a window repainted around the chart, does not draw it again. */
  GskRenderNode  *drawn;
  int             drawn_width;
  int             drawn_height;
  HubsLanguage    drawn_language;
  int             drawn_focus;
  /* (nullable): where the data is from, when the chart carries its stamp (slides) */
  HubsStore      *stamp_store;
  char           *stamp;
  /* (nullable): the hub the comparison picks out */
  char           *highlight;

  /* State */
  HubsChartTheme  theme;
  HubsChartKind   kind;
  double          font_size;
  int             focus_index;
  guint           show_title : 1;
  /* The live source changed while the view was not on screen. */
  guint           live_dirty : 1;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_SHOW_TITLE,
  PROP_FONT_SIZE,
  PROP_FOCUS_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubsChartView, hubs_chart_view, GTK_TYPE_WIDGET)

static HubsChartColor
color_from_rgba (const GdkRGBA *rgba,
                 double         alpha)
{
  return (HubsChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/* What the chart shows or how changed: the next frame draws it again (and lays it out again
 * when @resize). */
static void
redraw (HubsChartView *self,
        gboolean       resize)
{
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Reads the colours of the current style (light, dark or high contrast) into the theme. */
static void
update_theme (HubsChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA bg = { 1, 1, 1, 1 }, fg, c;
  double luminance;

  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "window_fg_color", &fg))
    gtk_style_context_get_color (context, &fg);

  luminance = 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue;
  if (luminance < 0.5)
    hubs_chart_theme_init_dark (&self->theme);
  else
    hubs_chart_theme_init_print (&self->theme);

  self->theme.background = color_from_rgba (&bg, 1);
  self->theme.foreground = color_from_rgba (&fg, 1);
  self->theme.dim = color_from_rgba (&fg, 0.7);
  self->theme.grid = color_from_rgba (&fg, 0.12);
  self->theme.axis = color_from_rgba (&fg, 0.45);
  self->theme.plan = color_from_rgba (&fg, 0.8);
  self->theme.baseline = color_from_rgba (&fg, 0.65);
  self->theme.band = color_from_rgba (&fg, 1);
  self->theme.status[HUBS_STATUS_NOT_ASSESSABLE] = color_from_rgba (&fg, 0.5);

  if (gtk_style_context_lookup_color (context, "accent_color", &c))
    self->theme.actual = self->theme.projection = color_from_rgba (&c, 1);
  if (gtk_style_context_lookup_color (context, "success_color", &c))
    self->theme.status[HUBS_STATUS_ACHIEVED] = self->theme.status[HUBS_STATUS_ON_TRACK] =
      color_from_rgba (&c, 1);
  if (gtk_style_context_lookup_color (context, "warning_color", &c))
    self->theme.status[HUBS_STATUS_NEEDS_ACCELERATION] = color_from_rgba (&c, 1);
  if (gtk_style_context_lookup_color (context, "error_color", &c))
    self->theme.status[HUBS_STATUS_DETERIORATION] = color_from_rgba (&c, 1);

  /* The interface's family first, then one with Japanese glyphs. */
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      g_autofree char *family = g_strdup_printf ("%s,Noto Sans CJK JP,sans-serif",
                                                 pango_font_description_get_family (font));

      g_strlcpy (self->theme.font_family, family, sizeof self->theme.font_family);
    }
}

/* The body text size in pixels: the interface's, unless set. */
static double
get_effective_font_size (HubsChartView *self)
{
  PangoContext *pango;
  const PangoFontDescription *font;
  double size;

  if (self->font_size >= 0)
    return self->font_size;

  pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (pango);
  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 13;

  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  return size;
}

static void
update_accessible (HubsChartView *self)
{
  HubsLanguage lang = hubs_language_current ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->data == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  title = hubs_chart_get_title (self->data, lang);
  description = hubs_chart_describe (self->data, lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
hide_popover (HubsChartView *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
show_focused (HubsChartView *self)
{
  const HubsChartHit *hit;
  g_autofree char *text = NULL;
  GdkRectangle rect;

  if (self->focus_index < 0 || self->data == NULL ||
      (guint) self->focus_index >= self->hits->len || !gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      hide_popover (self);
      return;
    }

  hit = &g_array_index (self->hits, HubsChartHit, self->focus_index);
  text = hubs_chart_describe_hit (self->data, hit, hubs_language_current ());
  gtk_label_set_text (GTK_LABEL (self->popover_label), text);
  rect.x = (int) floor (hit->x - hit->width / 2);
  rect.y = (int) floor (hit->y - hit->height / 2);
  rect.width = MAX (1, (int) ceil (hit->width));
  rect.height = MAX (1, (int) ceil (hit->height));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
set_data (HubsChartView *self,
          HubsChartData *data)
{
  g_clear_pointer (&self->data, hubs_chart_data_free);
  self->data = data;
  g_clear_pointer (&self->stamp, g_free);
  if (self->stamp_store != NULL && data != NULL)
    self->stamp = hubs_chart_stamp_new (self->stamp_store, data, NULL, hubs_language_current ());
  g_array_set_size (self->hits, 0);
  if (self->focus_index != -1)
    {
      self->focus_index = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_INDEX]);
    }
  hide_popover (self);
  update_accessible (self);
  redraw (self, TRUE);
}

/**
 * hubs_chart_view_reload:
 * @self: a #HubsChartView
 *
 * Gathers the chart's data again from the live objects it shows. The view does this by
 * itself whenever they change.
 */
void
hubs_chart_view_reload (HubsChartView *self)
{
  HubsChartData *data = NULL;

  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  if (self->live_hub == NULL && self->live_model == NULL)
    return;

  self->live_dirty = FALSE;
  if (self->kind == HUBS_CHART_COMPARISON && self->live_model != NULL)
    data = hubs_chart_data_new_comparison_live (self->live_model);
  else if (self->kind == HUBS_CHART_HUB_OVERVIEW && self->live_hub != NULL)
    data = hubs_chart_data_new_for_live_hub (self->live_hub);
  else if ((self->kind == HUBS_CHART_TRAJECTORY || self->kind == HUBS_CHART_BULLET) &&
           self->live_kpi != NULL)
    data = hubs_chart_data_new_for_live_kpi (self->live_hub, self->live_kpi, self->kind);
  else
    data = hubs_chart_data_new (self->kind);

  set_data (self, data);
}

/* A page off screen neither gathers nor lays out: the chart catches up when it is mapped. */
static void
on_live_changed_cb (HubsChartView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->live_dirty = TRUE;
      return;
    }

  hubs_chart_view_reload (self);
}

static void
clear_live (HubsChartView *self)
{
  if (self->live_handler != 0)
    g_clear_signal_handler (&self->live_handler,
                            self->live_kpi != NULL ? (gpointer) self->live_kpi
                            : self->live_hub != NULL ? (gpointer) self->live_hub
                            : (gpointer) self->live_model);
  g_clear_object (&self->live_kpi);
  g_clear_object (&self->live_hub);
  g_clear_object (&self->live_model);
}

/* Pointing and keys
 * ----------------- */

static int
find_hit (HubsChartView *self,
          double         x,
          double         y)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < self->hits->len; i++)
    {
      const HubsChartHit *hit = &g_array_index (self->hits, HubsChartHit, i);
      /* At least a finger's width around small marks. */
      double half_w = MAX (hit->width / 2, 8), half_h = MAX (hit->height / 2, 8);
      double dx = fabs (x - hit->x), dy = fabs (y - hit->y);
      double distance = dx / half_w + dy / half_h;

      if (dx <= half_w && dy <= half_h && distance < best)
        {
          best = distance;
          found = i;
        }
    }

  return found;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      HubsChartView   *self)
{
  int index = find_hit (self, x, y);

  if (index >= 0 && hubs_chart_view_activate_hit (self, index))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_query_tooltip_cb (HubsChartView *self,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip)
{
  const HubsChartHit *hit;
  g_autofree char *text = NULL;
  GdkRectangle rect;
  int index;

  /* The keyboard has the popover. */
  if (keyboard || self->data == NULL || (index = find_hit (self, x, y)) < 0)
    return FALSE;

  hit = &g_array_index (self->hits, HubsChartHit, index);
  text = hubs_chart_describe_hit (self->data, hit, hubs_language_current ());
  gtk_tooltip_set_text (tooltip, text);
  rect.x = (int) floor (hit->x - MAX (hit->width / 2, 8));
  rect.y = (int) floor (hit->y - MAX (hit->height / 2, 8));
  rect.width = (int) ceil (MAX (hit->width, 16));
  rect.height = (int) ceil (MAX (hit->height, 16));
  gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
}

static gboolean
on_key_pressed_cb (HubsChartView         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  int n = (int) self->hits->len;
  int index = self->focus_index;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      index = index < 0 ? 0 : MIN (index + 1, n - 1);
      break;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      index = index < 0 ? n - 1 : MAX (index - 1, 0);
      break;

    case GDK_KEY_Home:
      index = 0;
      break;

    case GDK_KEY_End:
      index = n - 1;
      break;

    case GDK_KEY_Escape:
      if (self->focus_index < 0)
        return FALSE;
      index = -1;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      return self->focus_index >= 0 && hubs_chart_view_activate_hit (self, self->focus_index);

    default:
      return FALSE;
    }

  hubs_chart_view_set_focus_index (self, index);
  return TRUE;
}

static void
on_focus_leave_cb (HubsChartView *self)
{
  hubs_chart_view_set_focus_index (self, -1);
}

/* GtkWidget
 * --------- */

static void
hubs_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  HubsChartView *self = HUBS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HubsLanguage language = hubs_language_current ();
  int focus = gtk_widget_has_focus (widget) ? self->focus_index : -1;
  HubsChartOptions options;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  if (self->drawn == NULL || self->drawn_width != width || self->drawn_height != height ||
      self->drawn_language != language || self->drawn_focus != focus)
    {
      hubs_chart_options_init (&options, language);
      options.font_size = get_effective_font_size (self);
      options.show_title = self->show_title;
      options.focus = focus;
      options.stamp = self->stamp;
      options.highlight = self->highlight;

      g_clear_pointer (&self->drawn, gsk_render_node_unref);
      self->drawn = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      self->drawn_width = width;
      self->drawn_height = height;
      self->drawn_language = language;
      self->drawn_focus = focus;

      g_array_set_size (self->hits, 0);
      cr = gsk_cairo_node_get_draw_context (self->drawn);
      hubs_chart_draw (cr, self->data, &self->theme, &options, width, height, self->hits);
      cairo_destroy (cr);
    }

  gtk_snapshot_append_node (snapshot, self->drawn);
}

static void
hubs_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  HubsChartView *self = HUBS_CHART_VIEW (widget);
  double fs = get_effective_font_size (self);
  guint rows = 1;

  if (self->font_size == 0)
    fs = 13;
  if (self->data != NULL)
    rows = self->kind == HUBS_CHART_COMPARISON ? self->data->hubs->len : self->data->kpis->len;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (fs * 12);
      *natural = (int) (fs * 48);
    }
  else
    {
      *minimum = (int) (fs * 7);
      switch (self->kind)
        {
        case HUBS_CHART_BULLET:
          *natural = (int) (fs * 12);
          break;

        case HUBS_CHART_HUB_OVERVIEW:
        case HUBS_CHART_COMPARISON:
          *natural = (int) (fs * (8 + 2.8 * MAX (rows, 1)));
          break;

        case HUBS_CHART_TRAJECTORY:
        default:
          *natural = (int) (fs * 24);
          break;
        }
    }
}

static void
hubs_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  HubsChartView *self = HUBS_CHART_VIEW (widget);

  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
hubs_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  HubsChartView *self = HUBS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (hubs_chart_view_parent_class)->css_changed (widget, change);

  update_theme (self);
  redraw (self, FALSE);
}

static gboolean
hubs_chart_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  /* One tab stop: the arrow keys move inside. */
  if (!gtk_widget_has_focus (widget))
    return gtk_widget_grab_focus (widget);
  return FALSE;
}

/* GObject
 * ------- */

static void
hubs_chart_view_map (GtkWidget *widget)
{
  HubsChartView *self = HUBS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (hubs_chart_view_parent_class)->map (widget);

  if (self->live_dirty)
    hubs_chart_view_reload (self);
}

static void
hubs_chart_view_dispose (GObject *object)
{
  HubsChartView *self = HUBS_CHART_VIEW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  clear_live (self);

  G_OBJECT_CLASS (hubs_chart_view_parent_class)->dispose (object);
}

static void
hubs_chart_view_finalize (GObject *object)
{
  HubsChartView *self = HUBS_CHART_VIEW (object);

  g_clear_pointer (&self->data, hubs_chart_data_free);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->highlight, g_free);
  g_clear_object (&self->stamp_store);

  G_OBJECT_CLASS (hubs_chart_view_parent_class)->finalize (object);
}

static void
hubs_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubsChartView *self = HUBS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;

    case PROP_FONT_SIZE:
      g_value_set_double (value, self->font_size);
      break;

    case PROP_FOCUS_INDEX:
      g_value_set_int (value, self->focus_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HubsChartView *self = HUBS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      hubs_chart_view_set_kind (self, g_value_get_int (value));
      break;

    case PROP_SHOW_TITLE:
      hubs_chart_view_set_show_title (self, g_value_get_boolean (value));
      break;

    case PROP_FONT_SIZE:
      hubs_chart_view_set_font_size (self, g_value_get_double (value));
      break;

    case PROP_FOCUS_INDEX:
      hubs_chart_view_set_focus_index (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_chart_view_class_init (HubsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_chart_view_dispose;
  object_class->finalize = hubs_chart_view_finalize;
  object_class->get_property = hubs_chart_view_get_property;
  object_class->set_property = hubs_chart_view_set_property;

  widget_class->map = hubs_chart_view_map;
  widget_class->snapshot = hubs_chart_view_snapshot;
  widget_class->measure = hubs_chart_view_measure;
  widget_class->size_allocate = hubs_chart_view_size_allocate;
  widget_class->css_changed = hubs_chart_view_css_changed;
  widget_class->focus = hubs_chart_view_focus;

  /**
   * HubsChartView:kind:
   *
   * Which chart the view draws, a #HubsChartKind.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      HUBS_CHART_TRAJECTORY, HUBS_CHART_COMPARISON, HUBS_CHART_TRAJECTORY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsChartView:show-title:
   *
   * Whether the chart draws its own title; off by default, as pages name what they show.
   */
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsChartView:font-size:
   *
   * The body text size in pixels: -1 (the default) for the interface's, 0 to grow with the
   * chart's size (presentation mode).
   */
  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL, -1, 200, -1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubsChartView:focus-index:
   *
   * The mark focused with the keyboard, in drawing order, or -1.
   */
  properties[PROP_FOCUS_INDEX] =
    g_param_spec_int ("focus-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "hubs-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hubs_chart_view_init (HubsChartView *self)
{
  GtkEventController *controller;

  self->kind = HUBS_CHART_TRAJECTORY;
  self->font_size = -1;
  self->focus_index = -1;
  self->hits = g_array_new (FALSE, FALSE, sizeof (HubsChartHit));
  hubs_chart_theme_init_print (&self->theme);


  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* A click on a KPI's row of an overview opens the KPI. */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->popover_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->popover_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->popover_label), 0);
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_label);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  update_accessible (self);
}

/* Public API
 * ---------- */

/**
 * hubs_chart_view_new:
 * @kind: the chart to show
 *
 * Creates a chart view. Give it its data with hubs_chart_view_set_live_kpi() (trajectory or
 * bullet), hubs_chart_view_set_live_hub() (overview), hubs_chart_view_set_live_comparison()
 * or hubs_chart_view_set_data().
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *
hubs_chart_view_new (HubsChartKind kind)
{
  return g_object_new (HUBS_TYPE_CHART_VIEW, "kind", kind, NULL);
}

/**
 * hubs_chart_view_get_kind:
 * @self: a #HubsChartView
 *
 * Returns: the chart the view draws
 */
HubsChartKind
hubs_chart_view_get_kind (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), HUBS_CHART_TRAJECTORY);

  return self->kind;
}

/**
 * hubs_chart_view_set_kind:
 * @self: a #HubsChartView
 * @kind: the chart to draw
 *
 * Switches to another chart of the same source: a KPI's trajectory and its bullet, say.
 */
void
hubs_chart_view_set_kind (HubsChartView *self,
                          HubsChartKind  kind)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));
  g_return_if_fail (kind <= HUBS_CHART_COMPARISON);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (self->data != NULL && self->live_hub == NULL && self->live_model == NULL)
    self->data->kind = kind;
  hubs_chart_view_reload (self);
  redraw (self, TRUE);
}

static void
set_live_source (HubsChartView *self,
                 HubsLiveModel *model,
                 HubsLiveHub   *hub,
                 HubsLiveKpi   *kpi)
{
  gpointer followed = kpi != NULL ? (gpointer) kpi : hub != NULL ? (gpointer) hub : model;

  clear_live (self);
  g_set_object (&self->live_model, model);
  g_set_object (&self->live_hub, hub);
  g_set_object (&self->live_kpi, kpi);
  self->live_handler = g_signal_connect_swapped (followed, "changed",
                                                 G_CALLBACK (on_live_changed_cb), self);
  hubs_chart_view_reload (self);
}

/**
 * hubs_chart_view_set_live_kpi:
 * @self: a #HubsChartView showing a trajectory or a bullet
 * @hub: the KPI's live hub
 * @kpi: the live KPI to show
 *
 * Shows @kpi and redraws whenever it changes, from the live model alone.
 */
void
hubs_chart_view_set_live_kpi (HubsChartView *self,
                              HubsLiveHub   *hub,
                              HubsLiveKpi   *kpi)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));
  g_return_if_fail (HUBS_IS_LIVE_HUB (hub));
  g_return_if_fail (HUBS_IS_LIVE_KPI (kpi));

  set_live_source (self, NULL, hub, kpi);
}

/**
 * hubs_chart_view_set_live_hub:
 * @self: a #HubsChartView showing an overview
 * @hub: the live hub to show, loaded
 *
 * Shows every KPI of @hub and redraws whenever any of them changes.
 */
void
hubs_chart_view_set_live_hub (HubsChartView *self,
                              HubsLiveHub   *hub)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));
  g_return_if_fail (HUBS_IS_LIVE_HUB (hub));

  set_live_source (self, NULL, hub, NULL);
}

/**
 * hubs_chart_view_set_live_comparison:
 * @self: a #HubsChartView showing the comparison across hubs
 * @model: the live model
 *
 * Shows every hub's progress and redraws whenever anything changes.
 */
void
hubs_chart_view_set_live_comparison (HubsChartView *self,
                                     HubsLiveModel *model)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));
  g_return_if_fail (HUBS_IS_LIVE_MODEL (model));

  set_live_source (self, model, NULL, NULL);
}

/**
 * hubs_chart_view_set_data:
 * @self: a #HubsChartView
 * @data: (transfer full) (nullable): data to show
 *
 * Shows @data as it is, without a live source: for a preview of figures being typed but not
 * saved yet. The view stops following any live object.
 */
void
hubs_chart_view_set_data (HubsChartView *self,
                          HubsChartData *data)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  clear_live (self);
  if (data != NULL && data->kind != self->kind)
    {
      self->kind = data->kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
  set_data (self, data);
}

/**
 * hubs_chart_view_get_data:
 * @self: a #HubsChartView
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
const HubsChartData *
hubs_chart_view_get_data (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), NULL);

  return self->data;
}

/**
 * hubs_chart_view_get_show_title:
 * @self: a #HubsChartView
 *
 * Returns: whether the chart draws its own title
 */
gboolean
hubs_chart_view_get_show_title (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), FALSE);

  return self->show_title;
}

/**
 * hubs_chart_view_set_show_title:
 * @self: a #HubsChartView
 * @show_title: whether the chart draws its own title
 *
 * Sets #HubsChartView:show-title.
 */
void
hubs_chart_view_set_show_title (HubsChartView *self,
                                gboolean       show_title)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;

  self->show_title = show_title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
  redraw (self, FALSE);
}

/**
 * hubs_chart_view_get_font_size:
 * @self: a #HubsChartView
 *
 * Returns: the #HubsChartView:font-size
 */
double
hubs_chart_view_get_font_size (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), -1);

  return self->font_size;
}

/**
 * hubs_chart_view_set_font_size:
 * @self: a #HubsChartView
 * @font_size: the body text size in pixels, -1 for the interface's, 0 to follow the size
 *
 * Sets #HubsChartView:font-size.
 */
void
hubs_chart_view_set_font_size (HubsChartView *self,
                               double         font_size)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  if (font_size < 0)
    font_size = -1;
  if (self->font_size == font_size)
    return;

  self->font_size = font_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
  redraw (self, TRUE);
}

/**
 * hubs_chart_view_get_description:
 * @self: a #HubsChartView
 *
 * Returns: (transfer full): the chart in words, as its accessible description says it
 */
char *
hubs_chart_view_get_description (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), NULL);

  if (self->data == NULL)
    return g_strdup ("");
  return hubs_chart_describe (self->data, hubs_language_current ());
}

/**
 * hubs_chart_view_get_focus_index:
 * @self: a #HubsChartView
 *
 * Returns: the #HubsChartView:focus-index
 */
int
hubs_chart_view_get_focus_index (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), -1);

  return self->focus_index;
}

/**
 * hubs_chart_view_set_focus_index:
 * @self: a #HubsChartView
 * @index: a mark, in drawing order, or -1 for none
 *
 * Focuses a mark: the chart rings it and, while the view has the keyboard focus, a popover
 * shows its exact figure.
 */
void
hubs_chart_view_set_focus_index (HubsChartView *self,
                                 int            index)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  if (index < -1 || (index >= 0 && (guint) index >= self->hits->len))
    index = -1;

  if (self->focus_index != index)
    {
      self->focus_index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_INDEX]);
      redraw (self, FALSE);
    }
  show_focused (self);
}

/**
 * hubs_chart_view_get_focus_text:
 * @self: a #HubsChartView
 *
 * Returns: (transfer full) (nullable): the exact figure of the focused mark, as the popover
 *   shows it, or %NULL
 */
char *
hubs_chart_view_get_focus_text (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), NULL);

  if (self->focus_index < 0 || self->data == NULL || (guint) self->focus_index >= self->hits->len)
    return NULL;
  return hubs_chart_describe_hit (self->data,
                                  &g_array_index (self->hits, HubsChartHit, self->focus_index),
                                  hubs_language_current ());
}

/**
 * hubs_chart_view_get_theme:
 * @self: a #HubsChartView
 *
 * Returns: (transfer none): the colours the view draws with, read from the style
 */
const HubsChartTheme *
hubs_chart_view_get_theme (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), NULL);

  return &self->theme;
}

/**
 * hubs_chart_view_activate_hit:
 * @self: a #HubsChartView
 * @index: a mark of the last frame, as #HubsChartView:focus-index counts them
 *
 * Does what clicking the mark does: a KPI's row of an overview opens the KPI (the
 * `win.open-kpi` action of the window the view is in). Enter does it for the focused mark.
 *
 * Returns: %TRUE when the mark leads somewhere
 */
gboolean
hubs_chart_view_activate_hit (HubsChartView *self,
                              int            index)
{
  const HubsChartHit *hit;
  const HubsChartKpi *kpi;

  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), FALSE);

  if (index < 0 || (guint) index >= self->hits->len || self->data == NULL)
    return FALSE;

  hit = &g_array_index (self->hits, HubsChartHit, index);
  if (hit->kind != HUBS_CHART_HIT_KPI || hit->index >= self->data->kpis->len)
    return FALSE;

  kpi = g_ptr_array_index (self->data->kpis, hit->index);

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-kpi", "s", kpi->kpi->id);
}

/**
 * hubs_chart_view_set_stamp_store:
 * @self: a #HubsChartView
 * @store: (nullable): the database the view's live objects are read from, or %NULL
 *
 * With a store, the chart carries the stamp of an exported chart at its foot: hub, as of
 * when, source (hubs_chart_stamp_new()), as slides do.
 */
void
hubs_chart_view_set_stamp_store (HubsChartView *self,
                                 HubsStore     *store)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));
  g_return_if_fail (store == NULL || HUBS_IS_STORE (store));

  if (!g_set_object (&self->stamp_store, store))
    return;

  g_clear_pointer (&self->stamp, g_free);
  if (store != NULL && self->data != NULL)
    self->stamp = hubs_chart_stamp_new (store, self->data, NULL, hubs_language_current ());
  redraw (self, FALSE);
}

/**
 * hubs_chart_view_get_stamp:
 * @self: a #HubsChartView
 *
 * Returns: (nullable): the stamp the chart carries, if any
 */
const char *
hubs_chart_view_get_stamp (HubsChartView *self)
{
  g_return_val_if_fail (HUBS_IS_CHART_VIEW (self), NULL);

  return self->stamp;
}

/**
 * hubs_chart_view_set_highlight:
 * @self: a #HubsChartView
 * @hub_id: (nullable): the hub the comparison picks out, or %NULL
 */
void
hubs_chart_view_set_highlight (HubsChartView *self,
                               const char    *hub_id)
{
  g_return_if_fail (HUBS_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->highlight, hub_id) == 0)
    return;

  g_free (self->highlight);
  self->highlight = g_strdup (hub_id);
  redraw (self, FALSE);
}
