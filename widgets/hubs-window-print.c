/* hubs-window-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's File ▸ Print… (Ctrl+P): the chart shown on a KPI's page, or the hub's report
 * on a hub's page, or the report of every hub, chosen in the print dialog's Contents tab.
 * The paper and printer chosen are kept for the next time in the same window.
 */

#define G_LOG_DOMAIN "hubs-window-print"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-window-print.h"
#include "hubs-window-private.h"

#define SETTINGS_KEY "hubs-print-settings"
#define PAGE_SETUP_KEY "hubs-print-page-setup"

/* The operation for what the window shows: a KPI's page starts with its chart, a hub's page
 * with the hub's report. */
static HubsPrintOperation *
create_operation (HubsWindow *self)
{
  g_autoptr(GError) error = NULL;
  HubsChartData *chart = hubs_window_get_shown_chart (self, &error);
  const char *hub_id = hubs_window_get_hub_id (self);
  HubsPrintOperation *operation;
  gboolean on_kpi = chart != NULL && chart->kind == HUBS_CHART_TRAJECTORY;

  if (chart == NULL && hub_id != NULL)
    g_warning ("Print: cannot read the chart shown: %s", error->message);

  operation = hubs_print_operation_new (self->store, hub_id, chart, hubs_language_current ());
  /* A window on the data as it stood then prints that moment, and says so. */
  hubs_print_operation_set_as_of (operation, self->as_of);
  if (!on_kpi && hub_id != NULL)
    hubs_print_operation_set_content (operation, HUBS_PRINT_HUB_REPORT);
  return operation;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  HubsWindow              *self)
{
  const GError *failure = hubs_print_operation_get_failure (HUBS_PRINT_OPERATION (operation));
  g_autoptr(GError) error = NULL;

  if (failure != NULL)
    {
      hubs_window_add_toast (self, failure->message, FALSE);
      return;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      /* Translators: a toast when printing failed; %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Nothing was printed: %s"),
                                                  error != NULL ? error->message : "");

      hubs_window_add_toast (self, message, FALSE);
      return;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

      if (settings != NULL)
        g_object_set_data_full (G_OBJECT (self), SETTINGS_KEY, g_object_ref (settings),
                                g_object_unref);
      if (setup != NULL)
        g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY, g_object_ref (setup),
                                g_object_unref);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  g_autoptr(HubsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *setup;

  if (self->store == NULL)
    return;

  operation = create_operation (self);
  if ((settings = g_object_get_data (G_OBJECT (self), SETTINGS_KEY)) != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  if ((setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY)) != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    hubs_window_add_toast (self, error->message, FALSE);
}

/**
 * hubs_window_print_to:
 * @self: a #HubsWindow
 * @content: what to print, as chosen in the print dialog
 * @path: the PDF file to write
 * @error: a location for a #GError
 *
 * Runs the window's print operation without its dialog, into a PDF file: the pages a
 * printer gets from File ▸ Print….
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hubs_window_print_to (HubsWindow        *self,
                      HubsPrintContent   content,
                      const char        *path,
                      GError           **error)
{
  g_autoptr(HubsPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  const GError *failure;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a hub city first."));
      return FALSE;
    }

  operation = create_operation (self);
  hubs_print_operation_set_content (operation, content);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error);
  if ((failure = hubs_print_operation_get_failure (operation)) != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_error_copy (failure));
      return FALSE;
    }
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * hubs_window_update_print_actions:
 * @self: a #HubsWindow
 *
 * Print… needs a database; with no hub it prints the report of all hubs.
 */
void
hubs_window_update_print_actions (HubsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->store != NULL);
}

/**
 * hubs_window_class_add_print_actions:
 * @widget_class: the #HubsWindow class
 *
 * Installs win.print, on Ctrl+P.
 */
void
hubs_window_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
}
