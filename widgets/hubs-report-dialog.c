/* hubs-report-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Report: what goes into the PDF to hand out. The language, A4 portrait or landscape,
 * the national summary, and the hubs and KPIs: each hub is a row with a switch that takes it
 * in or out, and opens on its KPIs, each with a check box. The hub shown in the window is in
 * at first, or every hub when none is. Export asks for the file, then writes it. The
 * language, the pages and the national summary of the last report written are the next
 * one's (the settings report-language, report-portrait and report-national-summary).
 */

#define G_LOG_DOMAIN "hubs-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-file-chooser.h"
#include "hubs-i18n.h"
#include "hubs-report-dialog.h"
#include "hubs-window.h"

struct _HubsReportDialog
{
  AdwWindow       parent_instance;

  /* Widgets */
  AdwComboRow    *language_row;
  AdwComboRow    *page_row;
  GtkSwitch      *summary_switch;
  GtkLabel       *problem;
  GtkWidget      *export_button;
  /* hub id → its AdwExpanderRow; KPI id → its GtkCheckButton */
  GHashTable     *hub_rows;
  GHashTable     *kpi_checks;
  /* The hub ids and KPI ids, in the database's order */
  GPtrArray      *hub_ids;
  GPtrArray      *kpi_ids;

  /* Owned */
  HubsStore      *store;
  GSettings      *settings;
  GtkWindow      *parent;
  /* (nullable): the moment the store shows, when it is the data as it stood then */
  GDateTime      *as_of;
};

G_DEFINE_FINAL_TYPE (HubsReportDialog, hubs_report_dialog, ADW_TYPE_WINDOW)

/* What the dialog says goes in. Returns FALSE, with the problem said, when nothing would. */
static gboolean
get_options (HubsReportDialog  *self,
             HubsReportOptions *options,
             GPtrArray         *hubs,
             GPtrArray         *kpis)
{
  hubs_report_options_init (options,
                            adw_combo_row_get_selected (self->language_row) == 0
                            ? HUBS_LANGUAGE_JA : HUBS_LANGUAGE_EN);
  options->portrait = adw_combo_row_get_selected (self->page_row) == 1;
  options->national_summary = gtk_switch_get_active (self->summary_switch);
  options->as_of = self->as_of;

  for (guint i = 0; i < self->kpi_ids->len; i++)
    {
      const char *kpi_id = g_ptr_array_index (self->kpi_ids, i);
      GtkWidget *check = g_hash_table_lookup (self->kpi_checks, kpi_id);
      const char *hub_id = g_object_get_data (G_OBJECT (check), "hub-id");
      AdwExpanderRow *row = g_hash_table_lookup (self->hub_rows, hub_id);

      if (!adw_expander_row_get_enable_expansion (row) ||
          !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      g_ptr_array_add (kpis, (gpointer) kpi_id);
      if (!g_ptr_array_find_with_equal_func (hubs, hub_id, g_str_equal, NULL))
        g_ptr_array_add (hubs, (gpointer) hub_id);
    }
  g_ptr_array_add (hubs, NULL);
  g_ptr_array_add (kpis, NULL);
  options->hub_ids = (const char * const *) hubs->pdata;
  options->kpi_ids = (const char * const *) kpis->pdata;

  return hubs->len > 1;
}

static void
update_problem (HubsReportDialog *self)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
  HubsReportOptions options;
  gboolean ok = get_options (self, &options, hubs, kpis);

  gtk_widget_set_visible (GTK_WIDGET (self->problem), !ok);
  gtk_widget_set_sensitive (self->export_button, ok);
}

/**
 * hubs_report_dialog_set_as_of:
 * @self: a #HubsReportDialog
 * @as_of: (nullable): the moment the dialog's store shows, when it is the database as it
 *   stood then (hubs_store_open_as_of()), which every page then says
 */
void
hubs_report_dialog_set_as_of (HubsReportDialog *self,
                              GDateTime        *as_of)
{
  g_return_if_fail (HUBS_IS_REPORT_DIALOG (self));

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
}

/**
 * hubs_report_dialog_export_to:
 * @self: a #HubsReportDialog
 * @path: a file ending in .pdf
 * @error: a location for a #GError
 *
 * Writes the report the dialog describes to @path, and keeps its language, pages and national
 * summary for the next report.
 *
 * Returns: %TRUE when it was written
 */
gboolean
hubs_report_dialog_export_to (HubsReportDialog  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
  HubsReportOptions options;

  g_return_val_if_fail (HUBS_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!get_options (self, &options, hubs, kpis))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           gtk_label_get_text (self->problem));
      return FALSE;
    }

  if (!hubs_report_export_with_options (self->store, &options, path, error))
    return FALSE;

  /* The next report is made like this one. */
  g_settings_set_string (self->settings, "report-language",
                         hubs_language_to_string (options.language));
  g_settings_set_boolean (self->settings, "report-portrait", options.portrait);
  g_settings_set_boolean (self->settings, "report-national-summary", options.national_summary);

  return TRUE;
}

static void
on_file_chosen (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  HubsReportDialog *self = owner;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;

  if (path == NULL)
    return;

  if (hubs_report_dialog_export_to (self, path, &error))
    {
      g_autofree char *name = g_file_get_basename (file);

      message = g_strdup_printf (_("Saved “%s”"), name);
    }
  else
    message = g_strdup (error->message);

  if (HUBS_IS_WINDOW (self->parent))
    hubs_window_add_toast (HUBS_WINDOW (self->parent), message, FALSE);
  if (error == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_label_set_text (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
    }
}

static void
on_export_clicked (HubsReportDialog *self)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
  g_autofree char *name = NULL;
  HubsReportOptions options;

  if (!get_options (self, &options, hubs, kpis))
    return;

  name = g_strdup_printf ("%s.pdf", hubs->len == 2 ? (const char *) hubs->pdata[0] : "report");
  hubs_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Report"),
                         _("_Export"), name, _("PDF documents"), "*.pdf", self, on_file_chosen,
                         NULL, NULL);
}

static void
hubs_report_dialog_dispose (GObject *object)
{
  HubsReportDialog *self = HUBS_REPORT_DIALOG (object);

  g_clear_pointer (&self->hub_rows, g_hash_table_unref);
  g_clear_pointer (&self->kpi_checks, g_hash_table_unref);
  g_clear_pointer (&self->hub_ids, g_ptr_array_unref);
  g_clear_pointer (&self->kpi_ids, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->as_of, g_date_time_unref);

  G_OBJECT_CLASS (hubs_report_dialog_parent_class)->dispose (object);
}

static void
hubs_report_dialog_class_init (HubsReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hubs_report_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hubs_report_dialog_init (HubsReportDialog *self)
{
  self->hub_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kpi_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hub_ids = g_ptr_array_new_with_free_func (g_free);
  self->kpi_ids = g_ptr_array_new_with_free_func (g_free);
}

static GtkWidget *
build_layout_group (HubsReportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *languages[] = { "日本語", "English", NULL };
  const char *pages[] = { _("A4 landscape"), _("A4 portrait"), NULL };
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Report"));

  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("_Language"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->language_row), TRUE);
  adw_combo_row_set_model (self->language_row,
                           G_LIST_MODEL (gtk_string_list_new (languages)));
  {
    g_autofree char *last = g_settings_get_string (self->settings, "report-language");
    HubsLanguage language;

    if (!hubs_language_from_string (last, &language))
      language = hubs_language_current ();
    adw_combo_row_set_selected (self->language_row, language == HUBS_LANGUAGE_JA ? 0 : 1);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language_row));

  self->page_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->page_row), _("_Pages"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->page_row), TRUE);
  adw_combo_row_set_model (self->page_row, G_LIST_MODEL (gtk_string_list_new (pages)));
  adw_combo_row_set_selected (self->page_row,
                              g_settings_get_boolean (self->settings, "report-portrait") ? 1 : 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->page_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("National _summary"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Where every hub’s KPIs stand, the national totals and the "
                                 "comparison of the hubs, after the contents"));
  self->summary_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->summary_switch,
                         g_settings_get_boolean (self->settings, "report-national-summary"));
  gtk_widget_set_valign (GTK_WIDGET (self->summary_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->summary_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->summary_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return group;
}

static gboolean
build_hubs_group (HubsReportDialog  *self,
                  GtkWidget         *group,
                  const char        *shown_hub,
                  GError           **error)
{
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(GPtrArray) hubs = hubs_store_list_hubs (self->store, error);

  if (hubs == NULL)
    return FALSE;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Hub Cities and KPIs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Switch a hub city on to give it a section; open it "
                                           "to choose its KPIs."));

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      g_autoptr(GPtrArray) kpis = hubs_store_list_kpis (self->store, hub->id, error);
      GtkWidget *row;

      if (kpis == NULL)
        return FALSE;

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lang == HUBS_LANGUAGE_JA ? hub->name_ja : hub->name_en);
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                             shown_hub == NULL || g_str_equal (shown_hub, hub->id));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      g_signal_connect_object (row, "notify::enable-expansion", G_CALLBACK (update_problem),
                               self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->hub_rows, g_strdup (hub->id), row);
      g_ptr_array_add (self->hub_ids, g_strdup (hub->id));

      for (guint k = 0; k < kpis->len; k++)
        {
          const HubsKpi *kpi = g_ptr_array_index (kpis, k);
          GtkWidget *kpi_row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (kpi_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kpi_row),
                                         lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (kpi_row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (kpi_row), check);
          g_object_set_data_full (G_OBJECT (check), "hub-id", g_strdup (hub->id), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (update_problem), self,
                                   G_CONNECT_SWAPPED);
          g_hash_table_insert (self->kpi_checks, g_strdup (kpi->id), check);
          g_ptr_array_add (self->kpi_ids, g_strdup (kpi->id));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kpi_row);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return TRUE;
}

/**
 * hubs_report_dialog_new:
 * @parent: the window it is for
 * @store: the database
 * @hub_id: (nullable): the hub shown in the window, the only one in at first; %NULL for all
 *
 * Returns: (transfer full): the dialog, to present
 */
GtkWidget *
hubs_report_dialog_new (GtkWindow  *parent,
                        HubsStore  *store,
                        const char *hub_id)
{
  HubsReportDialog *self;
  g_autoptr(GError) error = NULL;
  GtkWidget *box, *header, *cancel, *page, *hubs_group;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self = g_object_new (HUBS_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Export Report"),
                       "default-width", 560,
                       "default-height", 680,
                       NULL);
  self->store = g_object_ref (store);
  self->settings = g_settings_new (APP_ID);
  self->parent = parent;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_layout_group (self)));
  hubs_group = adw_preferences_group_new ();
  if (!build_hubs_group (self, hubs_group, hub_id, &error))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (hubs_group), error->message);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (hubs_group));

  self->problem = GTK_LABEL (gtk_label_new (_("Switch on at least one hub city with at least "
                                              "one KPI.")));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  g_object_set (self->problem, "margin-top", 6, "margin-bottom", 6, "margin-start", 12,
                "margin-end", 12, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  update_problem (self);

  return GTK_WIDGET (self);
}

/**
 * hubs_report_dialog_set_hub:
 * @self: a #HubsReportDialog
 * @hub_id: a hub of the list
 * @included: whether it has a section
 *
 * What switching the hub's row on or off does.
 */
void
hubs_report_dialog_set_hub (HubsReportDialog *self,
                            const char       *hub_id,
                            gboolean          included)
{
  AdwExpanderRow *row;

  g_return_if_fail (HUBS_IS_REPORT_DIALOG (self));

  if ((row = g_hash_table_lookup (self->hub_rows, hub_id)))
    adw_expander_row_set_enable_expansion (row, included);
}

/**
 * hubs_report_dialog_set_kpi:
 * @self: a #HubsReportDialog
 * @kpi_id: a KPI of the list
 * @included: whether it has a page (when its hub has a section)
 *
 * What ticking the KPI's check box does.
 */
void
hubs_report_dialog_set_kpi (HubsReportDialog *self,
                            const char       *kpi_id,
                            gboolean          included)
{
  GtkCheckButton *check;

  g_return_if_fail (HUBS_IS_REPORT_DIALOG (self));

  if ((check = g_hash_table_lookup (self->kpi_checks, kpi_id)))
    gtk_check_button_set_active (check, included);
}

/**
 * hubs_report_dialog_set_portrait:
 * @self: a #HubsReportDialog
 * @portrait: A4 portrait, else landscape
 */
void
hubs_report_dialog_set_portrait (HubsReportDialog *self,
                                 gboolean          portrait)
{
  g_return_if_fail (HUBS_IS_REPORT_DIALOG (self));

  adw_combo_row_set_selected (self->page_row, portrait ? 1 : 0);
}

/**
 * hubs_report_dialog_set_language:
 * @self: a #HubsReportDialog
 * @language: the language of the report
 */
void
hubs_report_dialog_set_language (HubsReportDialog *self,
                                 HubsLanguage      language)
{
  g_return_if_fail (HUBS_IS_REPORT_DIALOG (self));

  adw_combo_row_set_selected (self->language_row, language == HUBS_LANGUAGE_JA ? 0 : 1);
}
