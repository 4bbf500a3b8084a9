/* hubs-chart-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Chart…: where to save the chart, and on what: a picture the size of a screen, an A4
 * landscape page to print, or a 16:9 slide to paste into a presentation.
 */

#define G_LOG_DOMAIN "hubs-chart-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-export-dialog.h"

#define SIZE_CHOICE "size"

/**
 * hubs_chart_export_page_from_choice:
 * @choice: (nullable): the id of the size chosen in the dialog: "screen", "a4" or "slide"
 *
 * Returns: the page it names; %HUBS_CHART_PAGE_NONE (the screen's 1600 × 900) for any other
 */
HubsChartPage
hubs_chart_export_page_from_choice (const char *choice)
{
  HubsChartPage page;

  if (choice != NULL && hubs_chart_page_from_string (choice, &page))
    return page;
  return HUBS_CHART_PAGE_NONE;
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  GWeakRef *owner_ref = g_object_get_data (G_OBJECT (chooser), "owner");
  HubsChartExportChosenFunc func = g_object_get_data (G_OBJECT (chooser), "func");
  g_autoptr(GObject) owner = g_weak_ref_get (owner_ref);
  g_autoptr(GFile) file = NULL;

  /* The window that asked may be gone: then nobody wants the file. */
  if (response == GTK_RESPONSE_ACCEPT && owner != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    func (owner, file,
          hubs_chart_export_page_from_choice (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                           SIZE_CHOICE)));

  g_object_unref (chooser);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/**
 * hubs_chart_export_dialog_run:
 * @parent: the window it is opened from
 * @current_name: the file name to suggest
 * @owner: the object that wants the file; when it is gone by then, nothing is called
 * @func: called with the file and the page chosen
 *
 * Asks where to save a chart (PNG, SVG or PDF) and at which size.
 */
void
hubs_chart_export_dialog_run (GtkWindow                 *parent,
                              const char                *current_name,
                              gpointer                   owner,
                              HubsChartExportChosenFunc  func)
{
  const char *ids[] = { "screen", "a4", "slide", NULL };
  const char *labels[] = {
    /* Translators: a size to export a chart at, in the Export Chart dialog */
    _("For screens, 1600 × 900"),
    /* Translators: a size to export a chart at, in the Export Chart dialog */
    _("A4 landscape page"),
    /* Translators: a size to export a chart at, in the Export Chart dialog */
    _("16:9 slide"),
    NULL,
  };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GWeakRef *owner_ref;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (_("Export Chart"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures and documents (PNG, SVG, PDF)"));
  gtk_file_filter_add_pattern (filter, "*.[psPS][nvdNVD][gfGF]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the label of the choice of size in the Export Chart dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), SIZE_CHOICE, _("Size"), ids,
                               labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), SIZE_CHOICE, "screen");
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  owner_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (owner_ref, owner);
  g_object_set_data_full (G_OBJECT (chooser), "owner", owner_ref,
                          (GDestroyNotify) weak_ref_free);
  g_object_set_data (G_OBJECT (chooser), "func", func);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
