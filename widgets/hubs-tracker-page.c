/* hubs-tracker-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reporting status: every hub and fiscal year with its state in the yearly cycle, who
 * submitted it and when, and how many KPIs lack a figure or an explanation. The Cabinet
 * Office's checklist before the report meeting; it follows every change in the database.
 */

#define G_LOG_DOMAIN "hubs-tracker-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-tracker.h"
#include "hubs-tracker-page.h"

struct _HubsTrackerPage
{
  AdwBin         parent_instance;

  HubsLiveModel *model;
  GtkBox        *groups;
  guint          refresh_source;
};

G_DEFINE_FINAL_TYPE (HubsTrackerPage, hubs_tracker_page, ADW_TYPE_BIN)

enum {
  HUB_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_style (HubsYearStateKind state)
{
  switch (state)
    {
    case HUBS_YEAR_SUBMITTED:
      return "accent";
    case HUBS_YEAR_ACCEPTED:
      return "success";
    case HUBS_YEAR_RETURNED:
      return "error";
    case HUBS_YEAR_ENTERING:
    default:
      return "dim-label";
    }
}

/* "Submitted by … on …. 2 KPIs lack a figure; 1 lacks an explanation." */
static char *
describe_row (const HubsTrackerRow *row,
              HubsLanguage          lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (row->state->state != HUBS_YEAR_ENTERING || row->state->changed_at != NULL)
    {
      g_autofree char *said = hubs_year_state_describe (row->state, lang);

      g_string_append (out, said);
    }

  if (row->n_missing > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: how many actuals of the year (breakdowns,
                               * うち…, included) are still to be entered */
                              hubs_i18n_ngettext (lang, "%u actual is still to be entered.",
                                                  "%u actuals are still to be entered.",
                                                  row->n_missing),
                              row->n_missing);
    }
  if (row->n_unexplained > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: KPIs not on track with no 要因分析/今後の対応 */
                              hubs_i18n_ngettext (lang, "%u KPI not on track lacks an "
                                                  "explanation.",
                                                  "%u KPIs not on track lack an explanation.",
                                                  row->n_unexplained),
                              row->n_unexplained);
    }
  if (row->n_missing == 0 && row->n_unexplained == 0 && row->state->state == HUBS_YEAR_ENTERING)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, hubs_i18n_gettext (lang, N_("Ready to submit.")));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
on_row_activated (AdwActionRow    *row,
                  HubsTrackerPage *self)
{
  g_signal_emit (self, signals[HUB_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "hub-id"),
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fiscal-year")));
}

static void
refresh (HubsTrackerPage *self)
{
  HubsStore *store = hubs_live_model_get_store (self->model);
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  GtkWidget *child;
  int last;
  int year = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))))
    gtk_box_remove (self->groups, child);

  if (!(last = hubs_tracker_last_year (store, now, &error)) ||
      !(rows = hubs_tracker_list (store, HUBS_FIRST_FISCAL_YEAR, last, &error)))
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->groups, label);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const HubsTrackerRow *row = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = describe_row (row, lang);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (hubs_year_state_kind_get_label (row->state->state, lang));

      if (group == NULL || row->state->fiscal_year != year)
        {
          g_autofree char *fy = hubs_format_fiscal_year (row->state->fiscal_year, lang);

          year = row->state->fiscal_year;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, fy);
          gtk_box_append (self->groups, GTK_WIDGET (group));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row),
                                     lang == HUBS_LANGUAGE_JA ? row->hub_name_ja
                                                              : row->hub_name_en);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      gtk_widget_add_css_class (state, state_style (row->state->state));
      gtk_widget_add_css_class (state, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
      g_object_set_data_full (G_OBJECT (action_row), "hub-id", g_strdup (row->hub_id), g_free);
      g_object_set_data (G_OBJECT (action_row), "fiscal-year",
                         GINT_TO_POINTER (row->state->fiscal_year));
      g_signal_connect_object (action_row, "activated", G_CALLBACK (on_row_activated), self, 0);
      adw_preferences_group_add (group, action_row);
    }
}

static gboolean
refresh_idle (gpointer data)
{
  HubsTrackerPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import) come in a burst: one refresh after them. */
static void
on_model_changed (HubsTrackerPage *self)
{
  if (self->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

static void
on_map (HubsTrackerPage *self)
{
  refresh (self);
}

static void
hubs_tracker_page_dispose (GObject *object)
{
  HubsTrackerPage *self = HUBS_TRACKER_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hubs_tracker_page_parent_class)->dispose (object);
}

static void
hubs_tracker_page_class_init (HubsTrackerPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hubs_tracker_page_dispose;

  /**
   * HubsTrackerPage::hub-activated:
   * @self: the page
   * @hub_id: the hub of the row the user chose
   * @fiscal_year: the row's fiscal year
   *
   * The user chose a hub's year, to open that hub.
   */
  signals[HUB_ACTIVATED] = g_signal_new ("hub-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
hubs_tracker_page_init (HubsTrackerPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("Reporting Status"));
  GtkWidget *description = gtk_label_new (_("Every hub’s fiscal years: submitted, accepted or "
                                            "returned, and what is still missing before the "
                                            "report meeting."));

  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  self->groups = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * hubs_tracker_page_new:
 * @model: the live model of the database to show
 *
 * Returns: (transfer full): the page, which reads the database when it is shown and again
 *   after each change while it is
 */
GtkWidget *
hubs_tracker_page_new (HubsLiveModel *model)
{
  HubsTrackerPage *self;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);

  self = g_object_new (HUBS_TYPE_TRACKER_PAGE, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_object (model, "changed", G_CALLBACK (on_model_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
