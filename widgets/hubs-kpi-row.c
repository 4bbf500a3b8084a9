/* hubs-kpi-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One KPI on a hub page: its name, unit, baseline, latest actual with its fiscal year, the
 * next target, a small progress bar and the status in words. It shows a #HubsLiveKpi and
 * follows its "changed", so a saved figure, an undo or an import shows here at once.
 */

#define G_LOG_DOMAIN "hubs-kpi-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-kpi-row.h"

struct _HubsKpiRow
{
  AdwActionRow  parent_instance;

  /* Children */
  GtkLabel     *status;
  GtkLevelBar  *bar;
  GtkWidget    *edit;

  /* Owned */
  HubsLiveKpi  *kpi;
};

G_DEFINE_FINAL_TYPE (HubsKpiRow, hubs_kpi_row, ADW_TYPE_ACTION_ROW)

static void
hubs_kpi_row_finalize (GObject *object)
{
  HubsKpiRow *self = (HubsKpiRow *)object;

  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (hubs_kpi_row_parent_class)->finalize (object);
}

static void
hubs_kpi_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HUBS_TYPE_KPI_ROW);

  G_OBJECT_CLASS (hubs_kpi_row_parent_class)->dispose (object);
}

static void
hubs_kpi_row_class_init (HubsKpiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_kpi_row_dispose;
  object_class->finalize = hubs_kpi_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-kpi-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsKpiRow, status);
  gtk_widget_class_bind_template_child (widget_class, HubsKpiRow, bar);
  gtk_widget_class_bind_template_child (widget_class, HubsKpiRow, edit);
}

static void
hubs_kpi_row_init (HubsKpiRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One colour for the share achieved: the status says how good it is, in words. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

/* Latest actual, baseline and next target, as one line of text. */
static char *
describe (HubsKpiRow *self)
{
  HubsLanguage lang = hubs_language_current ();
  const HubsProgress *p = hubs_live_kpi_get_progress (self->kpi);
  const HubsKpi *kpi = hubs_live_kpi_get_kpi (self->kpi);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (p->has_actual)
    {
      g_autofree char *value = hubs_format_kpi_value (kpi, p->actual, lang);
      g_autofree char *year = hubs_format_fiscal_year (p->actual_year, lang);

      /* Translators: the latest actual figure, e.g. “Actual 160 companies (FY2025)” */
      g_ptr_array_add (parts, g_strdup_printf (hubs_i18n_gettext (lang, N_("Actual %1$s (%2$s)")),
                                               value, year));
    }
  else
    g_ptr_array_add (parts, g_strdup (hubs_i18n_gettext (lang, N_("No actual yet"))));

  if (p->has_baseline)
    {
      g_autofree char *value = hubs_format_kpi_value (kpi, p->baseline, lang);

      /* Translators: e.g. “Baseline 142 companies” */
      g_ptr_array_add (parts, g_strdup_printf (hubs_i18n_gettext (lang, N_("Baseline %s")), value));
    }
  else
    g_ptr_array_add (parts, g_strdup (hubs_i18n_gettext (lang, N_("Baseline not measured"))));

  {
    gboolean next_is_2027 = p->has_target_2027 &&
                            (!p->has_actual || p->actual_year < HUBS_MIDTERM_FISCAL_YEAR);
    double target = next_is_2027 ? p->target_2027 : p->target_2029;
    int year = next_is_2027 ? HUBS_MIDTERM_FISCAL_YEAR : HUBS_LAST_FISCAL_YEAR;

    if (next_is_2027 || p->has_target_2029)
      {
        g_autofree char *value = hubs_format_kpi_target (kpi, target, lang);
        g_autofree char *fy = hubs_format_fiscal_year (year, lang);

        /* Translators: the next target, e.g. “Target 225 companies (FY2027)” */
        g_ptr_array_add (parts,
                         g_strdup_printf (hubs_i18n_gettext (lang, N_("Target %1$s (%2$s)")),
                                          value, fy));
      }
  }

  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a KPI's summary line */
  return g_strjoinv (hubs_i18n_gettext (lang, N_(" · ")), (char **) parts->pdata);
}

/* Shows what the live KPI holds now. */
static void
refresh (HubsKpiRow *self)
{
  HubsLanguage lang = hubs_language_current ();
  const HubsProgress *progress = hubs_live_kpi_get_progress (self->kpi);
  const char *name = hubs_live_kpi_get_name (self->kpi);
  g_autofree char *subtitle = describe (self);
  g_autofree char *status_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *edit_label = NULL;
  double share;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* No actual is not a status to worry about: say what is missing instead. */
  if (!progress->has_actual)
    /* Translators: in place of a KPI's status before its first actual is entered */
    status_text = g_strdup (hubs_i18n_gettext (lang, N_("Not entered yet")));
  else
    /* Translators: a status symbol then its word, e.g. “○ On track” */
    status_text = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s %2$s")),
                                   hubs_status_get_symbol (progress->status),
                                   hubs_status_get_label (progress->status, lang));
  gtk_label_set_text (self->status, status_text);
  for (HubsStatus status = 0; status < HUBS_N_STATUSES; status++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), hubs_status_to_string (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), hubs_status_to_string (progress->status));

  gtk_level_bar_set_value (self->bar,
                           hubs_progress_get_capped_share (progress, &share) ? CLAMP (share, 0, 1)
                                                                             : 0);

  /* Translators: the button that opens a KPI's figures, e.g. “Edit Number of startups” */
  edit_label = g_strdup_printf (hubs_i18n_gettext (lang, N_("Edit %s")), name);
  gtk_widget_set_tooltip_text (self->edit, edit_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);

  /* Translators: what a screen reader says for a KPI row: name, status, then the figures */
  accessible = g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s: %2$s. %3$s")), name,
                                hubs_status_get_label (progress->status, lang), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/**
 * hubs_kpi_row_new:
 * @kpi: the live KPI
 *
 * Returns: (transfer full): a row showing where @kpi stands, following its changes
 */
GtkWidget *
hubs_kpi_row_new (HubsLiveKpi *kpi)
{
  HubsKpiRow *self;

  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);

  self = g_object_new (HUBS_TYPE_KPI_ROW, NULL);
  self->kpi = g_object_ref (kpi);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit), "s", hubs_live_kpi_get_id (kpi));

  g_signal_connect_object (kpi, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);

  return GTK_WIDGET (self);
}

/**
 * hubs_kpi_row_get_kpi:
 * @self: a #HubsKpiRow
 *
 * Returns: (transfer none): the live KPI the row shows
 */
HubsLiveKpi *
hubs_kpi_row_get_kpi (HubsKpiRow *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_ROW (self), NULL);

  return self->kpi;
}

const char *
hubs_kpi_row_get_kpi_id (HubsKpiRow *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_ROW (self), NULL);

  return hubs_live_kpi_get_id (self->kpi);
}

HubsStatus
hubs_kpi_row_get_status (HubsKpiRow *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_ROW (self), HUBS_STATUS_NOT_ASSESSABLE);

  return hubs_live_kpi_get_progress (self->kpi)->status;
}
