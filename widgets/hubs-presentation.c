/* hubs-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode: a full-screen slideshow of one hub for a meeting room projector. The
 * hub's overview, then one KPI per slide (with the explanation of its latest actual when it
 * is behind the plan), then the comparison across hubs; big type that grows with the screen;
 * no editing controls. Arrows, Page Up/Down and Space move, Esc leaves.
 */

#define G_LOG_DOMAIN "hubs-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-view.h"
#include "hubs-i18n.h"
#include "hubs-presentation.h"

typedef struct
{
  HubsChartKind  kind;
  char          *id;
} Slide;

struct _HubsPresentation
{
  AdwWindow      parent_instance;

  /* Template widgets */
  HubsChartView *chart;
  GtkLabel      *explanation;
  GtkLabel      *counter;

  /* Owned references */
  HubsLiveModel *model;
  HubsLiveHub   *hub;
  GArray        *slides;
  /* (nullable): the KPIs chosen to present, or %NULL for all of them */
  GStrv          kpi_ids;

  /* State */
  guint          slide;
};

enum {
  PROP_0,
  PROP_SLIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubsPresentation, hubs_presentation, ADW_TYPE_WINDOW)

static void
slide_clear (Slide *slide)
{
  g_clear_pointer (&slide->id, g_free);
}

/* Under a KPI's chart: why its latest actual is behind, and what will be done. */
static void
show_explanation (HubsPresentation *self,
                  HubsLiveKpi      *kpi)
{
  const HubsProgress *progress = kpi != NULL ? hubs_live_kpi_get_progress (kpi) : NULL;
  g_autoptr(HubsExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (progress != NULL && progress->has_actual)
    {
      explanation = hubs_store_get_explanation (hubs_live_model_get_store (self->model),
                                                hubs_live_kpi_get_id (kpi),
                                                progress->actual_year, &error);
      if (explanation == NULL)
        g_warning ("Presentation: cannot read the explanation of %s: %s",
                   hubs_live_kpi_get_id (kpi), error->message);
      text = hubs_explanation_describe (explanation, hubs_language_current ());
    }

  gtk_label_set_text (self->explanation, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation), text != NULL);
}

static void
show_slide (HubsPresentation *self)
{
  const Slide *slide;
  g_autofree char *counter = NULL;

  if (self->slides->len == 0)
    return;

  slide = &g_array_index (self->slides, Slide, self->slide);
  hubs_chart_view_set_kind (self->chart, slide->kind);
  show_explanation (self, NULL);
  switch (slide->kind)
    {
    case HUBS_CHART_HUB_OVERVIEW:
      hubs_chart_view_set_live_hub (self->chart, self->hub);
      break;

    case HUBS_CHART_COMPARISON:
      hubs_chart_view_set_live_comparison (self->chart, self->model);
      break;

    case HUBS_CHART_TRAJECTORY:
    case HUBS_CHART_BULLET:
    default:
      {
        HubsLiveKpi *kpi = hubs_live_hub_lookup_kpi (self->hub, slide->id);

        if (kpi != NULL)
          {
            hubs_chart_view_set_live_kpi (self->chart, self->hub, kpi);
            show_explanation (self, kpi);
          }
        else
          hubs_chart_view_set_data (self->chart, hubs_chart_data_new (slide->kind));
      }
      break;
    }

  /* Translators: the slide counter of presentation mode, e.g. “3 / 9” */
  counter = g_strdup_printf (_("%1$u / %2$u"), self->slide + 1, self->slides->len);
  gtk_label_set_text (self->counter, counter);
}

/* The slides: the overview, each KPI (of those chosen) in the plan's order, the comparison. */
static void
build_slides (HubsPresentation *self)
{
  GListModel *kpis = G_LIST_MODEL (self->hub);
  Slide slide;

  g_array_set_size (self->slides, 0);

  slide = (Slide) { HUBS_CHART_HUB_OVERVIEW, g_strdup (hubs_live_hub_get_id (self->hub)) };
  g_array_append_val (self->slides, slide);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);

      if (self->kpi_ids != NULL &&
          !g_strv_contains ((const char * const *) self->kpi_ids, hubs_live_kpi_get_id (kpi)))
        continue;
      slide = (Slide) { HUBS_CHART_TRAJECTORY, g_strdup (hubs_live_kpi_get_id (kpi)) };
      g_array_append_val (self->slides, slide);
    }

  slide = (Slide) { HUBS_CHART_COMPARISON, NULL };
  g_array_append_val (self->slides, slide);

  if (self->slide >= self->slides->len)
    self->slide = self->slides->len - 1;
}

/* KPIs added, deleted or moved: the slides follow; the chart view follows figures itself. */
static void
on_kpis_changed_cb (HubsPresentation *self)
{
  build_slides (self);
  show_slide (self);
}

static void
move_by (HubsPresentation *self,
         int               delta)
{
  int slide = (int) self->slide + delta;

  hubs_presentation_set_slide (self, CLAMP (slide, 0, (int) self->slides->len - 1));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_by (HUBS_PRESENTATION (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_by (HUBS_PRESENTATION (widget), -1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  hubs_presentation_set_slide (HUBS_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubsPresentation *self = HUBS_PRESENTATION (widget);

  hubs_presentation_set_slide (self, self->slides->len - 1);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_click_pressed_cb (HubsPresentation *self,
                     int               n_press,
                     double            x,
                     double            y,
                     GtkGestureClick  *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* A click moves on, as with a presenter's remote; the other button goes back. */
  move_by (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static void
hubs_presentation_dispose (GObject *object)
{
  HubsPresentation *self = HUBS_PRESENTATION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_PRESENTATION);

  G_OBJECT_CLASS (hubs_presentation_parent_class)->dispose (object);
}

static void
hubs_presentation_finalize (GObject *object)
{
  HubsPresentation *self = HUBS_PRESENTATION (object);

  g_clear_object (&self->hub);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slides, g_array_unref);
  g_clear_pointer (&self->kpi_ids, g_strfreev);

  G_OBJECT_CLASS (hubs_presentation_parent_class)->finalize (object);
}

static void
hubs_presentation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HubsPresentation *self = HUBS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_presentation_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HubsPresentation *self = HUBS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      hubs_presentation_set_slide (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The presenter's keys. They are caught before any widget of the window sees them: as
 * class bindings they came after GtkWindow's own, which move the focus on the arrows and
 * activate the focused widget on Space. */
static void
add_keys (HubsPresentation *self)
{
  static const struct { guint keyval; const char *action; } keys[] = {
    { GDK_KEY_Right, "presentation.next" }, { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" }, { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_KP_Right, "presentation.next" }, { GDK_KEY_KP_Down, "presentation.next" },
    { GDK_KEY_KP_Page_Down, "presentation.next" }, { GDK_KEY_KP_Space, "presentation.next" },
    { GDK_KEY_Return, "presentation.next" }, { GDK_KEY_KP_Enter, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" }, { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" }, { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_KP_Left, "presentation.previous" }, { GDK_KEY_KP_Up, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" }, { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_Escape, "presentation.leave" }, { GDK_KEY_F5, "presentation.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
hubs_presentation_class_init (HubsPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = hubs_presentation_dispose;
  object_class->finalize = hubs_presentation_finalize;
  object_class->get_property = hubs_presentation_get_property;
  object_class->set_property = hubs_presentation_set_property;

  /**
   * HubsPresentation:slide:
   *
   * The slide shown, from 0.
   */
  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HUBS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsPresentation, chart);
  gtk_widget_class_bind_template_child (widget_class, HubsPresentation, explanation);
  gtk_widget_class_bind_template_child (widget_class, HubsPresentation, counter);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL,
                                   previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

}

static void
hubs_presentation_init (HubsPresentation *self)
{
  GtkGesture *click;

  self->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
  g_array_set_clear_func (self->slides, (GDestroyNotify) slide_clear);

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  add_keys (self);
}

/**
 * hubs_presentation_new:
 * @parent: (nullable): the window it is started from
 * @model: the live model
 * @hub_id: the hub to present
 *
 * Creates the slideshow of @hub_id, full screen. Present it with gtk_window_present(); it
 * closes itself when the presenter presses Esc.
 *
 * Returns: (transfer none) (nullable): the window, owned by GTK's list of toplevels, or
 *   %NULL when there is no such hub
 */
HubsPresentation *
hubs_presentation_new (GtkWindow     *parent,
                       HubsLiveModel *model,
                       const char    *hub_id)
{
  g_autoptr(GError) error = NULL;
  HubsPresentation *self;
  HubsLiveHub *hub;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if ((hub = hubs_live_model_lookup_hub (model, hub_id)) == NULL)
    return NULL;
  if (!hubs_live_hub_load (hub, &error))
    g_warning ("Presentation of %s: cannot read its KPIs: %s", hub_id, error->message);

  self = g_object_new (HUBS_TYPE_PRESENTATION, "transient-for", parent, NULL);
  self->model = g_object_ref (model);
  self->hub = g_object_ref (hub);
  /* Slides leave the room in photos and handouts: each says what it shows. */
  hubs_chart_view_set_stamp_store (self->chart, hubs_live_model_get_store (model));
  hubs_chart_view_set_highlight (self->chart, hub_id);
  g_signal_connect_object (hub, "items-changed", G_CALLBACK (on_kpis_changed_cb), self,
                           G_CONNECT_SWAPPED);

  build_slides (self);
  show_slide (self);
  gtk_window_fullscreen (GTK_WINDOW (self));

  return self;
}

/**
 * hubs_presentation_get_slide:
 * @self: a #HubsPresentation
 *
 * Returns: the slide shown, from 0
 */
guint
hubs_presentation_get_slide (HubsPresentation *self)
{
  g_return_val_if_fail (HUBS_IS_PRESENTATION (self), 0);

  return self->slide;
}

/**
 * hubs_presentation_set_slide:
 * @self: a #HubsPresentation
 * @slide: a slide, from 0 to hubs_presentation_get_n_slides() − 1
 *
 * Shows @slide.
 */
void
hubs_presentation_set_slide (HubsPresentation *self,
                             guint             slide)
{
  g_return_if_fail (HUBS_IS_PRESENTATION (self));
  g_return_if_fail (slide < MAX (self->slides->len, 1));

  if (self->slide == slide)
    return;

  self->slide = slide;
  show_slide (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

/**
 * hubs_presentation_get_n_slides:
 * @self: a #HubsPresentation
 *
 * Returns: the number of slides: the overview, one per KPI, the comparison
 */
guint
hubs_presentation_get_n_slides (HubsPresentation *self)
{
  g_return_val_if_fail (HUBS_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

/**
 * hubs_presentation_get_chart:
 * @self: a #HubsPresentation
 *
 * Returns: (transfer none): the #HubsChartView of the slides
 */
GtkWidget *
hubs_presentation_get_chart (HubsPresentation *self)
{
  g_return_val_if_fail (HUBS_IS_PRESENTATION (self), NULL);

  return GTK_WIDGET (self->chart);
}

/**
 * hubs_presentation_get_counter:
 * @self: a #HubsPresentation
 *
 * Returns: the slide counter as shown, such as “3 / 9”
 */
const char *
hubs_presentation_get_counter (HubsPresentation *self)
{
  g_return_val_if_fail (HUBS_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->counter);
}

/**
 * hubs_presentation_set_kpis:
 * @self: a #HubsPresentation
 * @kpi_ids: (nullable) (array zero-terminated=1): the KPIs to give a slide, or %NULL for all
 *
 * Limits the slides to the KPIs chosen, in the plan's order, between the overview and the
 * comparison; the slideshow starts again from its first slide.
 */
void
hubs_presentation_set_kpis (HubsPresentation   *self,
                            const char * const *kpi_ids)
{
  g_return_if_fail (HUBS_IS_PRESENTATION (self));

  g_clear_pointer (&self->kpi_ids, g_strfreev);
  self->kpi_ids = g_strdupv ((char **) kpi_ids);
  build_slides (self);
  hubs_presentation_set_slide (self, 0);
  show_slide (self);
}
