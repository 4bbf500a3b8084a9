/* hubs-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window's commands, with their keyboard shortcuts.
 */

#define G_LOG_DOMAIN "hubs-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-export.h"
#include "hubs-chart-export-dialog.h"
#include "hubs-chart-stamp.h"
#include "hubs-report.h"
#include "hubs-report-dialog.h"
#include "hubs-file-chooser.h"
#include "hubs-format.h"
#include "hubs-hub-dialog.h"
#include "hubs-hub-page.h"
#include "hubs-i18n.h"
#include "hubs-kpi-editor.h"
#include "hubs-present-dialog.h"
#include "hubs-presentation.h"
#include "hubs-store-roles.h"
#include "hubs-window-print.h"
#include "hubs-window-private.h"

static gboolean
editing_kpi (HubsWindow *self)
{
  return self->kpi_editor != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "kpi") == 0 &&
         hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)) != NULL;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* What an undo or a redo said it would do, for the toast once it is done. */
typedef struct
{
  HubsWindow *window;
  char       *step;
  gboolean    redo;
} UndoStep;

static void
on_undo_step_done (HubsUndoStack *undo,
                   const GError  *error,
                   gpointer       data)
{
  UndoStep *step = data;
  HubsWindow *self = step->window;
  g_autofree char *message = NULL;

  /* The window closed while a shared database made the step. */
  if (self->undo == NULL)
    ;
  else if (error != NULL)
    hubs_window_add_toast (self, error->message, FALSE);
  /* The toast that offered to undo this step says nothing true any more: this one replaces
   * it. */
  else if (step->step != NULL && step->redo)
    {
      /* Translators: a toast after Ctrl+Shift+Z, e.g. “Redone: 起業数, FY2025 actual: 160 → 171” */
      message = g_strdup_printf (_("Redone: %s"), step->step);
      hubs_window_add_toast (self, message, FALSE);
    }
  else if (step->step != NULL)
    {
      /* Translators: a toast after Ctrl+Z, e.g. “Undone: 起業数, FY2025 actual: 160 → 171” */
      message = g_strdup_printf (_("Undone: %s"), step->step);
      hubs_window_add_toast (self, message, FALSE);
    }

  g_object_unref (step->window);
  g_free (step->step);
  g_free (step);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  g_autofree char *message = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");
  UndoStep *step;
  GtkWidget *row;

  if (self->undo == NULL)
    return;

  /* What is typed and not saved is taken back first: the field shows the stored figure. */
  if (!redo && editing_kpi (self) &&
      (row = hubs_kpi_editor_discard_typed (HUBS_KPI_EDITOR (self->kpi_editor))) != NULL)
    {
      /* Translators: a toast after Ctrl+Z took back a figure typed but not saved; the
       * figure, e.g. “FY2025 actual” */
      message = g_strdup_printf (_("Typing in %s undone: it shows the saved figure"),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      hubs_window_add_toast (self, message, FALSE);
      return;
    }

  /* Nothing to take back or bring again, or a change is still being saved. */
  if (!(redo ? hubs_undo_stack_get_can_redo (self->undo)
             : hubs_undo_stack_get_can_undo (self->undo)))
    return;

  /* On a shared database the step is made by the store's writer, and said once done. */
  step = g_new0 (UndoStep, 1);
  step->window = g_object_ref (self);
  step->step = hubs_undo_stack_describe_next (self->undo, redo);
  step->redo = redo;
  if (redo)
    hubs_undo_stack_redo_async (self->undo, on_undo_step_done, step);
  else
    hubs_undo_stack_undo_async (self->undo, on_undo_step_done, step);
}

static void
step_hub_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  hubs_window_step_hub (HUBS_WINDOW (widget),
                        g_str_equal (action_name, "win.next-hub") ? 1 : -1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);

  if (editing_kpi (self))
    hubs_window_show_hub_page (self);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The keyboard shortcuts, built when asked for. As gtk/help-overlay.ui, GtkApplication would
 * build them with every window, about 5 ms of each start-up. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);

  /* Asked for again, the same window comes to the front. */
  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/com/example/Hubs/ui/hubs-shortcuts-window.ui");
      GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

      gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (shortcuts, TRUE);
      g_set_weak_pointer (&self->shortcuts, shortcuts);
    }
  gtk_window_present (self->shortcuts);
}

/* A change of the plan under way on the store's writer: the window to tell once it ends,
 * and what to say. */
typedef struct
{
  HubsWindow *window;
  char       *name;
  int         delta;
} PlanStep;

static PlanStep *
plan_step_new (HubsWindow *self,
               const char *name,
               int         delta)
{
  PlanStep *step = g_new0 (PlanStep, 1);

  step->window = g_object_ref (self);
  step->name = g_strdup (name);
  step->delta = delta;

  return step;
}

/* Frees @step; %TRUE when its window is still open to be told. */
static gboolean
plan_step_end (PlanStep     *step,
               const GError *error)
{
  HubsWindow *self = step->window;
  gboolean open = self->undo != NULL;

  if (open && error != NULL)
    hubs_window_add_toast (self, error->message, FALSE);
  g_object_unref (step->window);
  g_free (step->name);
  g_free (step);

  return open && error == NULL;
}

static void
on_kpi_added (HubsUndoStack *undo,
              const char    *kpi_id,
              const GError  *error,
              gpointer       data)
{
  PlanStep *step = data;
  g_autoptr(HubsWindow) self = g_object_ref (step->window);

  if (!plan_step_end (step, error))
    return;

  hubs_window_open_kpi (self, kpi_id);
  hubs_window_add_toast (self, _("KPI added: give it a name, a unit and its figures"), TRUE);
}

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  g_autoptr(HubsKpi) kpi = NULL;
  const char *hub_id = hubs_window_get_hub_id (self);

  if (self->store == NULL || hub_id == NULL)
    return;

  /* Translators: the name a KPI gets when added, until the user renames it */
  kpi = hubs_kpi_new_for_hub (hub_id, NULL, hubs_i18n_is_japanese () ? _("New KPI") : NULL,
                              hubs_i18n_is_japanese () ? NULL : _("New KPI"));

  /* It gets its id as it is written: on a shared database, on the writer's thread. */
  hubs_undo_stack_add_kpi_async (self->undo, kpi, on_kpi_added, plan_step_new (self, NULL, 0));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  const char *hub_id = hubs_window_get_hub_id (self);
  HubsPresentation *presentation;

  if (self->live == NULL || hub_id == NULL)
    return;

  if ((presentation = hubs_presentation_new (GTK_WINDOW (self), self->live, hub_id)) != NULL)
    gtk_window_present (GTK_WINDOW (presentation));
}

static void
present_chosen_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  const char *hub_id = hubs_window_get_hub_id (self);

  if (self->live == NULL || hub_id == NULL)
    return;

  gtk_window_present (GTK_WINDOW (hubs_present_dialog_new (GTK_WINDOW (self), self->live,
                                                           hub_id)));
}

/**
 * hubs_window_get_shown_chart:
 * @self: a #HubsWindow
 * @error: a location for a #GError
 *
 * The chart the window shows: the open KPI's trajectory, or else the hub's overview, as
 * exported and printed.
 *
 * Returns: (transfer full): the chart's data, or %NULL with @error set
 */
HubsChartData *
hubs_window_get_shown_chart (HubsWindow  *self,
                             GError     **error)
{
  const char *hub_id = hubs_window_get_hub_id (self);

  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);

  if (editing_kpi (self))
    return hubs_chart_data_new_for_kpi (self->store, HUBS_CHART_TRAJECTORY,
                                        hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)),
                                        error);
  if (hub_id != NULL)
    return hubs_chart_data_new_for_hub (self->store, hub_id, error);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a hub city first."));
  return NULL;
}

/**
 * hubs_window_export_chart_page_to:
 * @self: a #HubsWindow
 * @path: a file ending in .png, .svg or .pdf
 * @page: the page to draw it on, or %HUBS_CHART_PAGE_NONE for 1600×900
 * @error: a location for a #GError
 *
 * Writes the chart the window shows (hubs_window_get_shown_chart()) in the interface's
 * language, with the print theme and its stamp: hub, as of when, source.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_window_export_chart_page_to (HubsWindow     *self,
                                  const char     *path,
                                  HubsChartPage   page,
                                  GError        **error)
{
  g_autoptr(HubsChartData) data = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(data = hubs_window_get_shown_chart (self, error)))
    return FALSE;
  stamp = hubs_chart_stamp_new (self->store, data, self->as_of, hubs_language_current ());
  return hubs_chart_export_full (data, path, page, 1600, 900, stamp, hubs_language_current (),
                                 error);
}

/**
 * hubs_window_export_chart_to:
 * @self: a #HubsWindow
 * @path: a file ending in .png, .svg or .pdf
 * @error: a location for a #GError
 *
 * Writes the chart the window shows at 1600×900, with its stamp:
 * hubs_window_export_chart_page_to() with %HUBS_CHART_PAGE_NONE.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_window_export_chart_to (HubsWindow  *self,
                             const char  *path,
                             GError     **error)
{
  return hubs_window_export_chart_page_to (self, path, HUBS_CHART_PAGE_NONE, error);
}

/**
 * hubs_window_export_report_to:
 * @self: a #HubsWindow
 * @path: a file ending in .pdf
 * @error: a location for a #GError
 *
 * Writes the selected hub's report: its overview, then a page for each KPI.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_window_export_report_to (HubsWindow  *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  {
    const char *hub_ids[] = { hubs_window_get_hub_id (self), NULL };
    HubsReportOptions options;

    hubs_report_options_init (&options, hubs_language_current ());
    options.hub_ids = hub_ids[0] != NULL ? hub_ids : NULL;
    options.as_of = self->as_of;
    return hubs_report_export_with_options (self->store, &options, path, error);
  }
}

static void
export_chosen (HubsWindow    *self,
               GFile         *file,
               gboolean       report,
               HubsChartPage  page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  if (report ? hubs_window_export_report_to (self, path, &error)
             : hubs_window_export_chart_page_to (self, path, page, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      hubs_window_add_toast (self, message, FALSE);
    }
  else
    hubs_window_add_toast (self, error->message, FALSE);
}

static void
on_chart_chosen (gpointer       self,
                 GFile         *file,
                 HubsChartPage  page)
{
  export_chosen (self, file, FALSE, page);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  gboolean report = g_str_equal (action_name, "win.export-report");
  const char *hub_id = hubs_window_get_hub_id (self);
  g_autofree char *name = NULL;

  /* A report may be of every hub: the national view shows none. */
  if (self->store == NULL || (hub_id == NULL && !report))
    return;

  if (report)
    {
      GtkWidget *dialog = hubs_report_dialog_new (GTK_WINDOW (self), self->store, hub_id);

      /* A window on the data as of a date makes the report of that moment, and says so. */
      hubs_report_dialog_set_as_of (HUBS_REPORT_DIALOG (dialog), self->as_of);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      const char *kpi_id = editing_kpi (self)
                           ? hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)) : hub_id;

      /* KPI ids are HUB/SLUG: a file name has no slash. */
      name = g_strdelimit (g_strdup_printf ("%s.png", kpi_id), "/", '-');
      hubs_chart_export_dialog_run (GTK_WINDOW (self), name, self, on_chart_chosen);
    }
}

static void
open_kpi_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  hubs_window_open_kpi (HUBS_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* After a KPI or a hub city was deleted. */
static void
on_deleted (HubsUndoStack *undo,
            const GError  *error,
            gpointer       data)
{
  PlanStep *step = data;
  g_autoptr(HubsWindow) self = g_object_ref (step->window);
  /* Translators: a toast after deleting a KPI or a hub city; it offers Undo */
  g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), step->name);

  if (plan_step_end (step, error))
    hubs_window_add_toast (self, message, TRUE);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    HubsWindow       *self)
{
  const char *kpi_id = g_object_get_data (G_OBJECT (dialog), "kpi-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "kpi-name");

  if (!g_str_equal (response, "delete"))
    return;

  /* Nothing more is typed into a KPI on its way out. */
  hubs_window_show_hub_page (self);
  hubs_undo_stack_delete_kpi_async (self->undo, kpi_id, on_deleted,
                                    plan_step_new (self, name, 0));
}

static void
delete_kpi_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  const HubsKpi *kpi;
  g_autofree char *heading = NULL;
  const char *name;
  GtkWidget *dialog;

  if (!editing_kpi (self))
    return;

  kpi = hubs_live_kpi_get_kpi (hubs_kpi_editor_get_kpi (HUBS_KPI_EDITOR (self->kpi_editor)));
  name = hubs_i18n_pick (kpi->name_ja, kpi->name_en);
  /* Translators: the heading of the dialog that confirms deleting a KPI */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its figures are deleted with it. You can undo this "
                                     "with Ctrl+Z, and the history keeps every value."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kpi-id", g_strdup (kpi->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "kpi-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_kpi_moved (HubsUndoStack *undo,
              const GError  *error,
              gpointer       data)
{
  PlanStep *step = data;
  g_autoptr(HubsWindow) self = g_object_ref (step->window);
  int delta = step->delta;

  if (plan_step_end (step, error))
    hubs_window_add_toast (self, delta < 0 ? _("Moved up") : _("Moved down"), TRUE);
}

static void
move_kpi_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.move-kpi-up") ? -1 : 1;

  if (!editing_kpi (self))
    return;

  hubs_undo_stack_move_kpi_async (self->undo,
                                  hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)),
                                  delta, on_kpi_moved, plan_step_new (self, NULL, delta));
}

static void
on_hub_saved (HubsWindow *self,
              const char *hub_id)
{
  /* The sidebar follows the live model, which has the new or renamed hub already. */
  hubs_window_select_hub (self, hub_id);
  hubs_window_add_toast (self, _("Hub city saved"), FALSE);
}

static void
hub_dialog_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  g_autoptr(HubsHub) hub = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "win.edit-hub"))
    {
      const char *hub_id = hubs_window_get_hub_id (self);
      HubsLiveHub *live;

      if (self->live == NULL || hub_id == NULL ||
          !(live = hubs_live_model_lookup_hub (self->live, hub_id)))
        return;
      hub = hubs_hub_copy (hubs_live_hub_get_hub (live));
    }

  dialog = hubs_hub_dialog_new (GTK_WINDOW (self), self->undo, hub);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_hub_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_hub_response (AdwMessageDialog *dialog,
                        const char       *response,
                        HubsWindow       *self)
{
  const char *hub_id = g_object_get_data (G_OBJECT (dialog), "hub-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "hub-name");

  if (!g_str_equal (response, "delete"))
    return;

  hubs_undo_stack_delete_hub_async (self->undo, hub_id, on_deleted,
                                    plan_step_new (self, name, 0));
}

static void
delete_hub_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  const char *hub_id = hubs_window_get_hub_id (self);
  HubsLiveHub *hub;
  g_autofree char *heading = NULL;
  const char *name;
  GtkWidget *dialog;

  if (self->live == NULL || hub_id == NULL ||
      !(hub = hubs_live_model_lookup_hub (self->live, hub_id)))
    return;

  name = hubs_i18n_pick (hubs_live_hub_get_hub (hub)->name_ja,
                         hubs_live_hub_get_hub (hub)->name_en);
  /* Translators: the heading of the dialog that confirms deleting a hub city */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its KPIs and figures are deleted with it. You can undo "
                                     "this with Ctrl+Z, and the history keeps every value."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hub-id", g_strdup (hub_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "hub-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_hub_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hubs_window_update_actions:
 * @self: a #HubsWindow
 *
 * Enables the actions that make sense now.
 */
void
hubs_window_update_actions (HubsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Every action here that writes changes the plan: on a shared database, an
   * administrator's (hubs-store-roles.c). */
  gboolean writable = self->store != NULL && hubs_store_can_edit_plan (self->store);
  gboolean editing = editing_kpi (self);

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 self->undo != NULL && hubs_undo_stack_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 self->undo != NULL && hubs_undo_stack_get_can_redo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.add-kpi",
                                 writable && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-kpi", writable && editing);
  gtk_widget_action_set_enabled (widget, "win.add-hub", writable);
  gtk_widget_action_set_enabled (widget, "win.present",
                                 self->store != NULL && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.present-chosen",
                                 self->store != NULL && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-chart",
                                 self->store != NULL && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-report", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-hub",
                                 writable && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-hub",
                                 writable && hubs_window_get_hub_id (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-kpi-up", writable && editing);
  gtk_widget_action_set_enabled (widget, "win.move-kpi-down", writable && editing);
  gtk_widget_action_set_enabled (widget, "win.show-as-of", self->store != NULL);
  hubs_window_update_cycle_actions (self);
  hubs_window_update_print_actions (self);
  hubs_window_update_export_actions (self);
}

/**
 * hubs_window_class_add_actions:
 * @widget_class: the #HubsWindow class
 *
 * Installs the window's actions and their shortcuts.
 */
void
hubs_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.previous-hub", NULL, step_hub_action);
  gtk_widget_class_install_action (widget_class, "win.next-hub", NULL, step_hub_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.add-kpi", NULL, add_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.open-kpi", "s", open_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-chosen", NULL,
                                   present_chosen_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.delete-kpi", NULL, delete_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.move-kpi-up", NULL, move_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.move-kpi-down", NULL, move_kpi_action);
  gtk_widget_class_install_action (widget_class, "win.add-hub", NULL, hub_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.edit-hub", NULL, hub_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.delete-hub", NULL, delete_hub_action);
  hubs_window_class_add_cycle_actions (widget_class);
  hubs_window_class_add_as_of_actions (widget_class);
  hubs_window_class_add_export_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-hub", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-hub", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "win.previous-hub", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "win.next-hub", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-kpi", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-report", NULL);
}
