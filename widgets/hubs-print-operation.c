/* hubs-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing: the chart shown, the hub's report or the report of every hub, through GTK's print
 * dialog with its preview and page set-up. The pages are the PDF's own: a report's page is
 * drawn by hubs_report_draw_page(), a chart's by hubs_chart_draw_page(), on A4 landscape,
 * scaled to fit the paper chosen when it is another.
 */

#define G_LOG_DOMAIN "hubs-print"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-export.h"
#include "hubs-chart-stamp.h"
#include "hubs-i18n.h"
#include "hubs-print-operation.h"
#include "hubs-report.h"

struct _HubsPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned references */
  HubsStore         *store;
  char              *hub_id;
  HubsChartData     *chart;
  GDateTime         *as_of;

  /* What is being printed, from begin-print to the end */
  HubsReport        *report;
  char              *stamp;
  GError            *failure;

  /* The choice in the dialog's tab */
  GtkWidget         *choices[3];

  /* State */
  HubsLanguage       language;
  HubsPrintContent   content;
};

G_DEFINE_FINAL_TYPE (HubsPrintOperation, hubs_print_operation, GTK_TYPE_PRINT_OPERATION)

static gboolean
can_print (HubsPrintOperation *self,
           HubsPrintContent    content)
{
  switch (content)
    {
    case HUBS_PRINT_CHART:
      return self->chart != NULL;
    case HUBS_PRINT_HUB_REPORT:
      return self->hub_id != NULL;
    case HUBS_PRINT_ALL_REPORT:
    default:
      return TRUE;
    }
}

static void
hubs_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->report, hubs_report_free);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_error (&self->failure);

  if (self->content == HUBS_PRINT_CHART)
    {
      self->stamp = hubs_chart_stamp_new (self->store, self->chart, self->as_of, self->language);
      gtk_print_operation_set_n_pages (operation, 1);
      return;
    }

  {
    const char *hub_ids[] = { self->hub_id, NULL };
    HubsReportOptions options;

    GtkPageOrientation orientation =
      gtk_page_setup_get_orientation (gtk_print_context_get_page_setup (context));

    hubs_report_options_init (&options, self->language);
    options.hub_ids = self->content == HUBS_PRINT_HUB_REPORT ? hub_ids : NULL;
    options.as_of = self->as_of;
    /* Portrait paper gets the report's portrait pages, not landscape ones shrunk onto it. */
    options.portrait = orientation == GTK_PAGE_ORIENTATION_PORTRAIT ||
                       orientation == GTK_PAGE_ORIENTATION_REVERSE_PORTRAIT;
    self->report = hubs_report_new (self->store, &options, &error);
  }
  if (self->report == NULL)
    {
      self->failure = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, hubs_report_get_n_pages (self->report));
}

static void
hubs_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  if (self->content == HUBS_PRINT_CHART)
    hubs_chart_page_get_size (HUBS_CHART_PAGE_A4_LANDSCAPE, &page_width, &page_height);
  else
    hubs_report_get_page_size (self->report, &page_width, &page_height);

  /* On A4 landscape the page is the PDF's, point for point; any other paper gets it whole,
   * as large as fits, in the middle. */
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (self->content == HUBS_PRINT_CHART)
    hubs_chart_draw_page (cr, self->chart, HUBS_CHART_PAGE_A4_LANDSCAPE, self->stamp,
                          self->language, page_width, page_height);
  else
    hubs_report_draw_page (self->report, cr, page_nr);
  cairo_restore (cr);
}

static void
hubs_print_operation_end_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (operation);

  g_clear_pointer (&self->report, hubs_report_free);
  g_clear_pointer (&self->stamp, g_free);
}

static GtkWidget *
hubs_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (operation);
  const char *labels[] = {
    N_("The _chart shown"),
    N_("The _report of this hub city"),
    N_("The report of _all hub cities"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_(labels[i]));

      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    GTK_CHECK_BUTTON (self->choices[0]));
      gtk_widget_set_sensitive (check, can_print (self, i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->content == i);
      gtk_box_append (GTK_BOX (box), check);
      /* The dialog owns the tab and may go first. */
      g_set_weak_pointer (&self->choices[i], check);
    }

  return box;
}

static void
hubs_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                          GtkWidget         *widget)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (operation);

  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    if (self->choices[i] != NULL &&
        gtk_check_button_get_active (GTK_CHECK_BUTTON (self->choices[i])))
      hubs_print_operation_set_content (self, i);
}

static void
hubs_print_operation_finalize (GObject *object)
{
  HubsPrintOperation *self = HUBS_PRINT_OPERATION (object);

  g_clear_pointer (&self->report, hubs_report_free);
  g_clear_pointer (&self->chart, hubs_chart_data_free);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->hub_id, g_free);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_error (&self->failure);
  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    g_clear_weak_pointer (&self->choices[i]);

  G_OBJECT_CLASS (hubs_print_operation_parent_class)->finalize (object);
}

static void
hubs_print_operation_class_init (HubsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = hubs_print_operation_finalize;
  operation_class->begin_print = hubs_print_operation_begin_print;
  operation_class->draw_page = hubs_print_operation_draw_page;
  operation_class->end_print = hubs_print_operation_end_print;
  operation_class->create_custom_widget = hubs_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = hubs_print_operation_custom_widget_apply;
}

static void
hubs_print_operation_init (HubsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The PDF's pages are A4 landscape with their own margins: the paper is the page. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the tab of the print dialog where one chooses the chart or a report */
  gtk_print_operation_set_custom_tab_label (operation, C_("print dialog", "Contents"));
}

/**
 * hubs_print_operation_new:
 * @store: the database
 * @hub_id: (nullable): the hub shown, whose report can be printed
 * @chart: (nullable) (transfer full): the chart shown
 * @language: the language of the pages
 *
 * A print operation offering the chart shown, the hub's report and the report of all hubs,
 * starting with the chart when there is one, else the hub's report. Run it with
 * gtk_print_operation_run(); with %GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name
 * it writes the PDF a printer would get.
 *
 * Returns: (transfer full): the operation
 */
HubsPrintOperation *
hubs_print_operation_new (HubsStore     *store,
                          const char    *hub_id,
                          HubsChartData *chart,
                          HubsLanguage   language)
{
  HubsPrintOperation *self;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self = g_object_new (HUBS_TYPE_PRINT_OPERATION, NULL);
  self->store = g_object_ref (store);
  self->hub_id = g_strdup (hub_id);
  self->chart = chart;
  self->language = language;
  self->content = chart != NULL ? HUBS_PRINT_CHART
                : hub_id != NULL ? HUBS_PRINT_HUB_REPORT : HUBS_PRINT_ALL_REPORT;

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    hubs_i18n_gettext (language, N_("KPI progress report")));
  return self;
}

/**
 * hubs_print_operation_set_as_of:
 * @self: a #HubsPrintOperation
 * @as_of: (nullable): the moment the store shows, when it is the database as it stood then
 *
 * The pages then say so, as the exports do.
 */
void
hubs_print_operation_set_as_of (HubsPrintOperation *self,
                                GDateTime          *as_of)
{
  g_return_if_fail (HUBS_IS_PRINT_OPERATION (self));

  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
}

/**
 * hubs_print_operation_get_content:
 * @self: a #HubsPrintOperation
 *
 * Returns: what it prints
 */
HubsPrintContent
hubs_print_operation_get_content (HubsPrintOperation *self)
{
  g_return_val_if_fail (HUBS_IS_PRINT_OPERATION (self), HUBS_PRINT_ALL_REPORT);

  return self->content;
}

/**
 * hubs_print_operation_set_content:
 * @self: a #HubsPrintOperation
 * @content: what to print; the chart only when it was given one, the hub's report only with
 *   a hub
 *
 * Chooses what is printed, as the Contents tab of the dialog does.
 */
void
hubs_print_operation_set_content (HubsPrintOperation *self,
                                  HubsPrintContent    content)
{
  g_return_if_fail (HUBS_IS_PRINT_OPERATION (self));
  g_return_if_fail (content <= HUBS_PRINT_ALL_REPORT);
  g_return_if_fail (can_print (self, content));

  self->content = content;
}

/**
 * hubs_print_operation_get_failure:
 * @self: a #HubsPrintOperation
 *
 * Returns: (nullable): why the last run printed nothing though asked to, beyond what
 *   gtk_print_operation_run() reports: the database could not be read
 */
const GError *
hubs_print_operation_get_failure (HubsPrintOperation *self)
{
  g_return_val_if_fail (HUBS_IS_PRINT_OPERATION (self), NULL);

  return self->failure;
}
