/* hubs-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getting the figures out of the window, so nobody needs a terminal: an Excel workbook, CSV
 * in either layout with or without the byte order mark Excel wants, a template to fill in
 * in Excel; copying the shown chart as a picture and the shown figures as a table; and a
 * CSV file dropped on the window opening the import with it.
 */

#define G_LOG_DOMAIN "hubs-window-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-clipboard.h"
#include "hubs-export-xlsx.h"
#include "hubs-file-chooser.h"
#include "hubs-i18n.h"
#include "hubs-import-dialog.h"
#include "hubs-kpi-editor.h"
#include "hubs-window-export.h"
#include "hubs-window-private.h"

/* The KPI the window shows in its editor, or %NULL on a hub page. */
static HubsLiveKpi *
shown_kpi (HubsWindow *self)
{
  if (self->kpi_editor == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "kpi") != 0 ||
      hubs_kpi_editor_get_kpi_id (HUBS_KPI_EDITOR (self->kpi_editor)) == NULL)
    return NULL;

  return hubs_kpi_editor_get_kpi (HUBS_KPI_EDITOR (self->kpi_editor));
}

static HubsLiveHub *
selected_hub (HubsWindow *self)
{
  const char *hub_id = hubs_window_get_hub_id (self);

  if (self->live == NULL || hub_id == NULL)
    return NULL;

  return hubs_live_model_lookup_hub (self->live, hub_id);
}

static void
toast_saved (HubsWindow *self,
             GFile      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

  hubs_window_add_toast (self, message, FALSE);
}

/* Excel workbook
 * -------------- */

/**
 * hubs_window_export_xlsx_to:
 * @self: a #HubsWindow
 * @path: a file ending in .xlsx
 * @all_hubs: every hub city, or only the selected one
 * @error: a location for a #GError
 *
 * Writes the Excel workbook in the interface's language, as `hubs --export-xlsx` does, as of
 * the moment the window shows.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_window_export_xlsx_to (HubsWindow  *self,
                            const char  *path,
                            gboolean     all_hubs,
                            GError     **error)
{
  const char *hub_id = hubs_window_get_hub_id (self);

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL || (!all_hubs && hub_id == NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a hub city first."));
      return FALSE;
    }

  /* A window showing the data as of a past moment says so on every sheet. */
  return hubs_export_xlsx_to_path (self->store, all_hubs ? NULL : hub_id, path,
                                   hubs_language_current (), hubs_window_get_as_of (self),
                                   error);
}

static void
on_xlsx_chosen (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  HubsWindow *self = owner;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  if (hubs_window_export_xlsx_to (self, path, GPOINTER_TO_INT (user_data), &error))
    toast_saved (self, file);
  else
    hubs_window_add_toast (self, error->message, FALSE);
}

static void
on_xlsx_response (AdwMessageDialog *dialog,
                  const char       *response,
                  HubsWindow       *self)
{
  gboolean all_hubs = g_str_equal (response, "all");
  g_autofree char *name = NULL;

  if (!all_hubs && !g_str_equal (response, "hub"))
    return;

  /* Translators: the file name offered for the workbook of every hub city; keep .xlsx */
  name = all_hubs ? g_strdup (_("hub-cities.xlsx"))
                  : g_strdup_printf ("%s.xlsx", hubs_window_get_hub_id (self));
  hubs_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("Export Excel Workbook"), _("_Export"), name,
                         _("Excel workbooks"), "*.xlsx", self, on_xlsx_chosen,
                         GINT_TO_POINTER (all_hubs), NULL);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  HubsLiveHub *hub = selected_hub (self);
  g_autofree char *only = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Excel Workbook"),
                                   _("A summary sheet, then a sheet for each hub city with its "
                                     "KPIs as rows and the baseline, targets and each fiscal "
                                     "year’s actual as columns."));
  if (hub != NULL)
    {
      const HubsHub *fields = hubs_live_hub_get_hub (hub);

      /* Translators: a button of the dialog that exports the Excel workbook; %s is a hub
       * city */
      only = g_strdup_printf (_("_Only %s"), hubs_i18n_pick (fields->name_ja, fields->name_en));
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "all", _("_All Hub Cities"),
                                    NULL);
  if (only != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "hub", only);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "hub",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           only != NULL ? "hub" : "all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_xlsx_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CSV
 * --- */

/**
 * hubs_window_export_csv_to:
 * @self: a #HubsWindow
 * @path: a file
 * @layout: one figure per row, or one row per KPI with a column per fiscal year
 * @flags: whether the file starts with the byte order mark Excel wants
 * @error: a location for a #GError
 *
 * Writes every figure as CSV, as `hubs --export-csv` does.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_window_export_csv_to (HubsWindow        *self,
                           const char        *path,
                           HubsExportLayout   layout,
                           HubsExportFlags    flags,
                           GError           **error)
{
  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No database is open, so there is nothing to export."));
      return FALSE;
    }

  return hubs_export_csv_to_path_full (self->store, path, layout, flags, error);
}

typedef struct
{
  HubsExportLayout layout;
  HubsExportFlags  flags;
} CsvChoice;

static void
on_csv_chosen (gpointer  owner,
               GFile    *file,
               gpointer  user_data)
{
  HubsWindow *self = owner;
  const CsvChoice *choice = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  if (hubs_window_export_csv_to (self, path, choice->layout, choice->flags, &error))
    toast_saved (self, file);
  else
    hubs_window_add_toast (self, error->message, FALSE);
}

static void
choose_csv_file (HubsWindow       *self,
                 const char       *title,
                 const char       *name,
                 HubsExportLayout  layout,
                 HubsExportFlags   flags)
{
  CsvChoice *choice = g_new0 (CsvChoice, 1);

  choice->layout = layout;
  choice->flags = flags;
  hubs_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Export"),
                         name, _("CSV files"), "*.csv", self, on_csv_chosen, choice, g_free);
}

static void
on_csv_response (AdwMessageDialog *dialog,
                 const char       *response,
                 HubsWindow       *self)
{
  GtkCheckButton *wide = g_object_get_data (G_OBJECT (dialog), "wide");
  GtkCheckButton *bom = g_object_get_data (G_OBJECT (dialog), "bom");

  if (!g_str_equal (response, "export"))
    return;

  choose_csv_file (self, _("Export CSV"),
                   /* Translators: the file name offered for the CSV export; keep .csv */
                   _("hub-figures.csv"),
                   gtk_check_button_get_active (wide) ? HUBS_EXPORT_LAYOUT_WIDE
                                                      : HUBS_EXPORT_LAYOUT_LONG,
                   gtk_check_button_get_active (bom) ? HUBS_EXPORT_FLAGS_BOM
                                                     : HUBS_EXPORT_FLAGS_NONE);
}

static GtkWidget *
make_check (const char     *label,
            GtkCheckButton *group,
            gboolean        active)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);

  /* A long choice wraps rather than widening the dialog. */
  for (GtkWidget *child = gtk_widget_get_first_child (check); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        gtk_label_set_wrap (GTK_LABEL (child), TRUE);
        gtk_label_set_xalign (GTK_LABEL (child), 0);
      }

  return check;
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *long_check;
  GtkWidget *wide_check;
  GtkWidget *bom_check;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export CSV"),
                                   _("Every figure of every hub city, as text that "
                                     "spreadsheets open and Import Figures reads back."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  long_check = make_check (_("_One figure per row"), NULL, TRUE);
  wide_check = make_check (_("One row per KPI, a _column per fiscal year"),
                           GTK_CHECK_BUTTON (long_check), FALSE);
  bom_check = make_check (_("For _Excel: mark the file as UTF-8, so Japanese text shows "
                            "correctly"), NULL, TRUE);
  gtk_widget_set_margin_top (bom_check, 12);
  gtk_box_append (GTK_BOX (box), long_check);
  gtk_box_append (GTK_BOX (box), wide_check);
  gtk_box_append (GTK_BOX (box), bom_check);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "wide", wide_check);
  g_object_set_data (G_OBJECT (dialog), "bom", bom_check);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_csv_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sheet staff fill in: a row per KPI and kind with a column per fiscal year, every KPI
 * with an actual row, marked UTF-8 for Excel. */
static void
export_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);

  if (self->store == NULL)
    return;

  choose_csv_file (self, _("Export Template for Excel"),
                   /* Translators: the file name offered for the template; keep .csv */
                   _("hub-figures-template.csv"),
                   HUBS_EXPORT_LAYOUT_WIDE, HUBS_EXPORT_FLAGS_BOM);
}

/* Copy
 * ---- */

/* Writes the chart the window shows into @dir as @name through Export Chart's own path, stamp
 * and all, and reads it back. */
static GBytes *
render_shown_chart (HubsWindow  *self,
                    const char  *dir,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  gboolean ok;

  ok = hubs_window_export_chart_to (self, path, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);

  return ok ? g_bytes_new_take (g_steal_pointer (&contents), length) : NULL;
}

/**
 * hubs_window_copy_chart:
 * @self: a #HubsWindow
 * @error: a location for a #GError
 *
 * Puts the chart the window shows on the clipboard, as a picture and as SVG, exactly as
 * Export Chart writes it: the open KPI's trajectory, or else the hub's overview, at
 * %HUBS_CLIPBOARD_CHART_WIDTH × %HUBS_CLIPBOARD_CHART_HEIGHT with its stamp.
 *
 * Returns: %TRUE when the chart is on the clipboard
 */
gboolean
hubs_window_copy_chart (HubsWindow  *self,
                        GError     **error)
{
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);

  if (!(dir = g_dir_make_tmp ("hubs-copy-XXXXXX", error)))
    return FALSE;
  if ((png = render_shown_chart (self, dir, "chart.png", error)) != NULL &&
      (svg = render_shown_chart (self, dir, "chart.svg", error)) != NULL)
    content = hubs_clipboard_picture_provider_new (png, svg, error);
  g_rmdir (dir);

  return content != NULL &&
         gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
}

/**
 * hubs_window_copy_figures:
 * @self: a #HubsWindow
 * @error: a location for a #GError
 *
 * Puts the figures the window shows on the clipboard as a table: the open KPI's, or else
 * every KPI's of the hub.
 *
 * Returns: %TRUE when the table is on the clipboard
 */
gboolean
hubs_window_copy_figures (HubsWindow  *self,
                          GError     **error)
{
  g_autoptr(HubsFigureTable) table = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  HubsLanguage lang = hubs_language_current ();
  HubsLiveHub *hub = selected_hub (self);
  HubsLiveKpi *kpi = shown_kpi (self);
  const HubsHub *fields;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), FALSE);

  if (hub == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a hub city first."));
      return FALSE;
    }

  fields = hubs_live_hub_get_hub (hub);
  if (kpi != NULL)
    {
      table = hubs_clipboard_table_new_for_kpi (kpi, lang);
      /* Translators: the caption of a copied table: %1$s a hub city, %2$s a KPI */
      caption = g_strdup_printf (_("%1$s: %2$s"), hubs_i18n_pick (fields->name_ja, fields->name_en),
                                 hubs_live_kpi_get_name (kpi));
    }
  else if ((table = hubs_clipboard_table_new_for_hub (hub, lang, error)) != NULL)
    caption = g_strdup (hubs_i18n_pick (fields->name_ja, fields->name_en));
  else
    return FALSE;

  content = hubs_clipboard_table_provider_new (table, caption);
  return gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HubsWindow *self = HUBS_WINDOW (widget);
  gboolean figures = g_str_equal (action_name, "win.copy-figures");
  g_autoptr(GError) error = NULL;

  if (figures ? !hubs_window_copy_figures (self, &error) : !hubs_window_copy_chart (self, &error))
    hubs_window_add_toast (self, error->message, FALSE);
  else
    hubs_window_add_toast (self, figures ? _("Figures copied as a table")
                                         : _("Chart copied as a picture"), FALSE);
}

/* Drop
 * ---- */

static void
on_dropped_imported (HubsWindow *self,
                     guint       n_figures,
                     const char *backup_path)
{
  g_autofree char *message =
    /* Translators: a toast after an import; short, or the toast cuts it off */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "Imported %u figure (backed up first)",
                                  "Imported %u figures (backed up first)",
                                  n_figures),
                     n_figures);

  hubs_window_add_toast (self, message, FALSE);
}

/**
 * hubs_window_drop_files:
 * @self: a #HubsWindow
 * @value: what was dropped: a #GdkFileList or a #GFile
 *
 * Opens Import Figures with the first file dropped, as choosing it in the import's file
 * chooser does: the dialog shows what the file would change, or why it cannot be read.
 *
 * Returns: (transfer none) (nullable): the import dialog, or %NULL when nothing can be
 *   imported (no file, no database, or one for viewing only), which a toast or a dialog
 *   says
 */
GtkWidget *
hubs_window_drop_files (HubsWindow   *self,
                        const GValue *value)
{
  GFile *file = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (HUBS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return NULL;

  if (self->store == NULL)
    {
      hubs_window_add_toast (self, _("No database is open, so there is nothing to import into."),
                             FALSE);
      return NULL;
    }

  /* A window on the data as of a past moment, or on a file that cannot be written. Said in
   * a dialog: such a window keeps a toast of its own showing. */
  if (hubs_store_is_read_only (self->store))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Viewing Only"),
                                       _("This window is for viewing only: drop the file on a "
                                         "window you can change figures in."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  dialog = hubs_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_dropped_imported), self,
                           G_CONNECT_SWAPPED);
  hubs_import_dialog_load_file (HUBS_IMPORT_DIALOG (dialog), file);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HubsWindow    *self)
{
  return hubs_window_drop_files (self, value) != NULL;
}

/**
 * hubs_window_init_export:
 * @self: a #HubsWindow
 *
 * Lets files be dropped on the window for Import Figures.
 */
void
hubs_window_init_export (HubsWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * hubs_window_update_export_actions:
 * @self: a #HubsWindow
 *
 * Offers the exports when there is a database, and copying when a hub city is shown.
 */
void
hubs_window_update_export_actions (HubsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->store != NULL && hubs_window_get_hub_id (self) != NULL;

  gtk_widget_action_set_enabled (widget, "win.export-xlsx", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-csv", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-template", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.copy-chart", shown);
  gtk_widget_action_set_enabled (widget, "win.copy-figures", shown);
}

/**
 * hubs_window_class_add_export_actions:
 * @widget_class: the #HubsWindow class
 *
 * Installs the exports and the copy commands, with Ctrl+C for the chart and Ctrl+Shift+C
 * for the figures. A text field that has the focus takes Ctrl+C first, for its own text.
 */
void
hubs_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-template", NULL,
                                   export_template_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figures", NULL, copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-figures",
                                       NULL);
}
