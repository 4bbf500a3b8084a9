/* hubs-present-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Present Chosen KPIs…: the hub's KPIs, each with a check, for a meeting that has time for
 * some of them. Present starts the slideshow with a slide for each KPI chosen, between the
 * hub's overview and the comparison of all hubs.
 */

#define G_LOG_DOMAIN "hubs-present-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-present-dialog.h"
#include "hubs-presentation.h"

#define CHECKS_KEY "hubs-present-checks"

/* (element-type GtkCheckButton): the checks, each with its KPI's id as "kpi-id". */
static GPtrArray *
get_checks (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), CHECKS_KEY);
}

static void
on_check_toggled_cb (AdwMessageDialog *dialog)
{
  g_auto(GStrv) chosen = hubs_present_dialog_get_chosen (dialog);

  /* A slideshow of no KPI is the overview and the comparison: not what anyone asks for. */
  adw_message_dialog_set_response_enabled (dialog, "present", chosen[0] != NULL);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response)
{
  HubsLiveModel *model = g_object_get_data (G_OBJECT (dialog), "model");
  const char *hub_id = g_object_get_data (G_OBJECT (dialog), "hub-id");
  g_auto(GStrv) chosen = NULL;
  HubsPresentation *presentation;

  if (!g_str_equal (response, "present"))
    return;

  chosen = hubs_present_dialog_get_chosen (dialog);
  presentation = hubs_presentation_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                        model, hub_id);
  if (presentation == NULL)
    return;
  hubs_presentation_set_kpis (presentation, (const char * const *) chosen);
  gtk_window_present (GTK_WINDOW (presentation));
}

/**
 * hubs_present_dialog_new:
 * @parent: the window it is opened from
 * @model: the live model
 * @hub_id: the hub to present
 *
 * The dialog that starts a slideshow of the KPIs chosen, every KPI checked at first.
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
hubs_present_dialog_new (GtkWindow     *parent,
                         HubsLiveModel *model,
                         const char    *hub_id)
{
  HubsLiveHub *hub;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scroller;
  GPtrArray *checks;
  GListModel *kpis;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  hub = hubs_live_model_lookup_hub (model, hub_id);
  dialog = adw_message_dialog_new (parent, _("Present Chosen KPIs"),
                                   _("Each KPI chosen gets a slide, between the hub city’s "
                                     "overview and the comparison of all hub cities."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "present", _("_Present"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "present",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "present");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  checks = g_ptr_array_new ();
  kpis = hub != NULL ? G_LIST_MODEL (hub) : NULL;
  if (hub != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!hubs_live_hub_load (hub, &error))
        g_warning ("Present Chosen KPIs: cannot read the KPIs of %s: %s", hub_id,
                   error->message);
    }

  for (guint i = 0; kpis != NULL && i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(HubsLiveKpi) kpi = g_list_model_get_item (kpis, i);
      const HubsKpi *k = hubs_live_kpi_get_kpi (kpi);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hubs_i18n_pick (k->name_ja, k->name_en));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "kpi-id", g_strdup (k->id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), dialog,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  /* A message dialog gives its extra child what it asks at least: every row, up to 360 px. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MIN ((int) checks->len * 52, 360));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  g_object_set_data_full (G_OBJECT (dialog), CHECKS_KEY, checks,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "model", g_object_ref (model), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "hub-id", g_strdup (hub_id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), NULL);
  on_check_toggled_cb (ADW_MESSAGE_DIALOG (dialog));

  return dialog;
}

/**
 * hubs_present_dialog_get_chosen:
 * @dialog: a dialog from hubs_present_dialog_new()
 *
 * Returns: (transfer full): the ids of the KPIs checked, in the plan's order
 */
GStrv
hubs_present_dialog_get_chosen (AdwMessageDialog *dialog)
{
  GPtrArray *checks = get_checks (dialog);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (checks != NULL, NULL);

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "kpi-id"));
  return g_strv_builder_end (builder);
}

/**
 * hubs_present_dialog_set_chosen:
 * @dialog: a dialog from hubs_present_dialog_new()
 * @kpi_id: a KPI of the hub
 * @chosen: whether it gets a slide
 *
 * Checks or unchecks @kpi_id, as a click on its row does.
 */
void
hubs_present_dialog_set_chosen (AdwMessageDialog *dialog,
                                const char       *kpi_id,
                                gboolean          chosen)
{
  GPtrArray *checks = get_checks (dialog);

  g_return_if_fail (checks != NULL);

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (checks, i), "kpi-id"), kpi_id) == 0)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), chosen);
}
