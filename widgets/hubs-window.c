/* hubs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hubs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-window.h"

struct _HubsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *hub_list;
  AdwWindowTitle       *content_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkBox               *hub_box;

  /* Owned references */
  HubsStore            *store;
  GPtrArray            *hubs;
};

G_DEFINE_FINAL_TYPE (HubsWindow, hubs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
show_hub (HubsWindow    *self,
          const HubsHub *hub)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *groups[HUBS_N_PILLARS] = { NULL };
  GtkWidget *label;

  clear_box (self->hub_box);
  adw_window_title_set_title (self->content_title, hubs_i18n_pick (hub->name_ja, hub->name_en));
  adw_window_title_set_subtitle (self->content_title,
                                 hubs_i18n_pick (hub->consortium_ja, hub->consortium_en));

  label = gtk_label_new (hubs_i18n_pick (hub->slogan_ja, hub->slogan_en));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_box_append (self->hub_box, label);

  if (!(kpis = hubs_store_list_kpis (self->store, hub->id, &error)))
    {
      hubs_window_show_error (self, error);
      return;
    }

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GtkWidget *row;

      if (groups[kpi->pillar] == NULL)
        {
          groups[kpi->pillar] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[kpi->pillar],
                                           hubs_pillar_get_label (kpi->pillar));
          gtk_box_append (self->hub_box, GTK_WIDGET (groups[kpi->pillar]));
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hubs_i18n_pick (kpi->name_ja, kpi->name_en));
      adw_preferences_group_add (groups[kpi->pillar], row);
    }

  gtk_stack_set_visible_child_name (self->stack, "hub");
}

static void
on_hub_list_row_selected_cb (HubsWindow    *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (self->hubs == NULL || index < 0 || (guint) index >= self->hubs->len)
    return;

  show_hub (self, g_ptr_array_index (self->hubs, index));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
reload (HubsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hub_list))))
    gtk_list_box_remove (self->hub_list, child);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);

  if (self->store == NULL)
    return;

  if (!(self->hubs = hubs_store_list_hubs (self->store, &error)))
    {
      hubs_window_show_error (self, error);
      return;
    }

  for (guint i = 0; i < self->hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (self->hubs, i);
      GtkWidget *row = adw_action_row_new ();
      const char *name = hubs_i18n_pick (hub->name_ja, hub->name_en);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hubs_hub_type_get_label (hub->type));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_list_box_append (self->hub_list, row);
    }

  if (self->hubs->len > 0)
    gtk_list_box_select_row (self->hub_list, gtk_list_box_get_row_at_index (self->hub_list, 0));
}

static void
hubs_window_dispose (GObject *object)
{
  HubsWindow *self = (HubsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);

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
      if (g_set_object (&self->store, g_value_get_object (value)))
        reload (self);
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

  object_class->dispose = hubs_window_dispose;
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Hubs/ui/hubs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, hub_list);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HubsWindow, hub_box);
  gtk_widget_class_bind_template_callback (widget_class, on_hub_list_row_selected_cb);
}

static void
hubs_window_init (HubsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  gtk_stack_set_visible_child_name (self->stack, "error");
}
