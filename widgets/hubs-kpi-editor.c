/* hubs-kpi-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KPI's form: its actual figure for each fiscal year of the plan, the explanation of
 * each year it is not on track in, its baseline and targets, its own fields, and the history
 * of every change made to it.
 *
 * The form shows one #HubsLiveKpi and follows it: its fields, its chart and its figure rows
 * update in place after any change (the user's, an undo, an import), and the history gains
 * a row per change instead of being read again. Only the latest changes are read at first;
 * older ones a page at a time.
 */

#define G_LOG_DOMAIN "hubs-kpi-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-chart-view.h"
#include "hubs-explanation-group.h"
#include "hubs-figure-row.h"
#include "hubs-format.h"
#include "hubs-history.h"
#include "hubs-i18n.h"
#include "hubs-kpi-editor.h"
#include "hubs-page-layout.h"
#include "hubs-plan.h"
#include "hubs-store-roles.h"
#include "hubs-store-writer.h"

struct _HubsKpiEditor
{
  GtkWidget      parent_instance;

  /* Children */
  GtkWidget     *scroller;
  GtkBox        *box;
  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkWidget     *chart;
  GtkBox        *forms;
  GPtrArray     *figure_rows;
  GtkBox        *explanations;
  AdwPreferencesGroup *history;
  GtkListBox    *history_rows;
  GtkWidget     *history_more;
  GPtrArray     *field_rows;

  /* Owned references */
  HubsLiveModel *model;
  HubsStore     *store;
  HubsUndoStack *undo;
  HubsLiveHub   *hub;
  HubsLiveKpi   *kpi;
  GSignalGroup  *kpi_signals;
  /* The KPI's fields as the newest save under way leaves them: the next change starts from
   * them, so two changes made before the first is saved do not meet as someone else's.
   * Owned by that save (SavingKpi). */
  HubsKpi       *saving_kpi;

  /* State: the newest and oldest history entries shown */
  gint64         newest_id;
  gint64         oldest_id;
  /* The fiscal years whose explanation shows, one bit each from HUBS_FIRST_FISCAL_YEAR */
  guint          explained_years;
  guint          updating : 1;
};

/* History entries read at a time. */
#define HISTORY_PAGE 50

G_DEFINE_FINAL_TYPE (HubsKpiEditor, hubs_kpi_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A figure row's or an explanation's: the window shows it in a toast with Undo. */
static void
on_figure_saved (HubsKpiEditor *self,
                 const char    *message)
{
  g_signal_emit (self, signals[SAVED], 0, message);
}

static GtkWidget *
history_row_new (HubsKpiEditor          *self,
                 const HubsHistoryEntry *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *change = NULL;
  GtkWidget *row = adw_action_row_new ();

  hubs_history_describe_entry (entry, hubs_live_kpi_get_kpi (self->kpi)->unit,
                               hubs_language_current (), &title, &change);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), change);

  return row;
}

static void
show_history_placeholder (HubsKpiEditor *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes yet"));
  gtk_list_box_set_placeholder (self->history_rows, row);
}

/* Appends the next page of older changes, and offers the one after it if there is one. */
static void
add_older_history (HubsKpiEditor *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint shown;

  if (!(entries = hubs_store_list_recent_history (self->store, hubs_live_kpi_get_id (self->kpi),
                                                  self->oldest_id, 0, HISTORY_PAGE + 1,
                                                  &error)))
    {
      g_warning ("Cannot read the history of %s: %s", hubs_live_kpi_get_id (self->kpi),
                 error->message);
      return;
    }

  shown = MIN (entries->len, HISTORY_PAGE);
  for (guint i = 0; i < shown; i++)
    {
      const HubsHistoryEntry *entry = g_ptr_array_index (entries, i);

      gtk_list_box_append (self->history_rows, history_row_new (self, entry));
      if (self->newest_id == 0)
        self->newest_id = entry->id;
      self->oldest_id = entry->id;
    }

  gtk_widget_set_visible (self->history_more, entries->len > HISTORY_PAGE);
}

static void
on_history_more_clicked (HubsKpiEditor *self)
{
  add_older_history (self);
}

/* A read of the changes made since the newest shown, on the store's writer. */
typedef struct
{
  HubsKpiEditor *editor;
  /* Not owned: the list it is for, which a KPI opened meanwhile replaces. */
  GtkListBox    *rows;
  char          *kpi_id;
  gint64         after_id;
  GPtrArray     *entries;
} NewerHistory;

static void
newer_history_free (gpointer data)
{
  NewerHistory *read = data;

  g_object_unref (read->editor);
  g_free (read->kpi_id);
  g_clear_pointer (&read->entries, g_ptr_array_unref);
  g_free (read);
}

/* In the writer's thread on a shared database: the store's calls only. */
static gboolean
read_newer_history (HubsStore  *store,
                    gpointer    data,
                    GError    **error)
{
  NewerHistory *read = data;

  read->entries = hubs_store_list_recent_history (store, read->kpi_id, 0, read->after_id, 0,
                                                  error);

  return read->entries != NULL;
}

static void
on_newer_history_read (HubsStore    *store,
                       gpointer      data,
                       const GError *error,
                       gpointer      user_data)
{
  NewerHistory *read = data;
  HubsKpiEditor *self = read->editor;

  /* Another KPI, or none, is shown now. */
  if (self->kpi == NULL || self->history_rows != read->rows ||
      g_strcmp0 (hubs_live_kpi_get_id (self->kpi), read->kpi_id) != 0)
    return;

  if (error != NULL)
    {
      g_warning ("Cannot read the history of %s: %s", read->kpi_id, error->message);
      return;
    }

  /* Newest first: the oldest of the new ones goes in first, each above the last. Another
   * read made meanwhile may have shown some already. */
  for (guint i = read->entries->len; i > 0; i--)
    {
      const HubsHistoryEntry *entry = g_ptr_array_index (read->entries, i - 1);

      if (entry->id <= self->newest_id)
        continue;
      gtk_list_box_prepend (self->history_rows, history_row_new (self, entry));
      self->newest_id = entry->id;
      if (self->oldest_id == 0)
        self->oldest_id = entry->id;
    }
}

/* Puts the changes made since the newest shown at the top: one row per change. On a shared
 * database they are read after the saves under way, so the window never waits for them. */
static void
add_newer_history (HubsKpiEditor *self)
{
  NewerHistory *read;

  if (self->kpi == NULL || self->history_rows == NULL)
    return;

  read = g_new0 (NewerHistory, 1);
  read->editor = g_object_ref (self);
  read->rows = self->history_rows;
  read->kpi_id = g_strdup (hubs_live_kpi_get_id (self->kpi));
  read->after_id = self->newest_id;
  hubs_store_read_async (self->store, read_newer_history, read, newer_history_free,
                         on_newer_history_read, NULL);
}

static void
fill_history (HubsKpiEditor *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *more;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->history_rows = GTK_LIST_BOX (list);
  adw_preferences_group_add (self->history, list);
  show_history_placeholder (self);

  more = gtk_button_new_with_mnemonic (_("Show _Older Changes"));
  gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (more, 12);
  g_signal_connect_object (more, "clicked", G_CALLBACK (on_history_more_clicked), self,
                           G_CONNECT_SWAPPED);
  self->history_more = more;
  adw_preferences_group_add (self->history, more);

  self->newest_id = self->oldest_id = 0;
  add_older_history (self);
}

static void
show_title (HubsKpiEditor *self)
{
  const HubsKpi *kpi = hubs_live_kpi_get_kpi (self->kpi);
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->title, hubs_live_kpi_get_name (self->kpi));
  /* Translators: under a KPI's name: its pillar, then its unit */
  subtitle = g_strdup_printf (_("%1$s · unit: %2$s"), hubs_pillar_get_label (kpi->pillar),
                              hubs_format_kpi_unit (kpi, hubs_language_current ()));
  gtk_label_set_text (self->subtitle, subtitle);
}

static AdwPreferencesGroup *
add_group (HubsKpiEditor *self,
           const char    *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->forms, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
add_figure_row (HubsKpiEditor       *self,
                AdwPreferencesGroup *group,
                int                  year,
                HubsFigureKind       kind)
{
  GtkWidget *row = hubs_figure_row_new (self->undo, self->hub, self->kpi,
                                        hubs_live_kpi_lookup_figure (self->kpi, year, kind));

  g_signal_connect_object (row, "saved", G_CALLBACK (on_figure_saved), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->figure_rows, row);
  adw_preferences_group_add (group, row);
}

/* The years the KPI is not on track in, as of each: one bit per year of the plan. */
static guint
years_behind (HubsKpiEditor *self)
{
  g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (self->kpi);
  guint years = 0;

  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    {
      HubsProgress progress;

      hubs_progress_compute_as_of (&progress, hubs_live_kpi_get_kpi (self->kpi), figures, year);
      if (hubs_progress_needs_explanation (&progress, year))
        years |= 1u << (year - HUBS_FIRST_FISCAL_YEAR);
    }

  return years;
}

/* An explanation form for each year the KPI is behind in, under the actual figures. Made
 * again only when those years change, so a figure saved keeps what is typed here. */
static void
show_explanations (HubsKpiEditor *self)
{
  guint years;
  GtkWidget *child;

  if (self->explanations == NULL || self->hub == NULL)
    return;

  years = years_behind (self);
  if (years == self->explained_years && gtk_widget_get_first_child (GTK_WIDGET (self->explanations)))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->explanations))))
    gtk_box_remove (self->explanations, child);
  self->explained_years = years;

  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    {
      GtkWidget *group;

      if (!(years & (1u << (year - HUBS_FIRST_FISCAL_YEAR))))
        continue;

      group = hubs_explanation_group_new (self->undo, self->hub, self->kpi, year);
      g_signal_connect_object (group, "saved", G_CALLBACK (on_figure_saved), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->explanations, group);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->explanations), years != 0);
}

static void refresh_fields (HubsKpiEditor *self,
                            gboolean       texts);

/* A save of the KPI's fields, and the toast it gives once done. */
typedef struct
{
  HubsKpiEditor *editor;
  char          *message;
  /* What it saves, as the editor's saving_kpi while it is the newest. */
  HubsKpi       *kpi;
} SavingKpi;

/* The KPI's fields a change starts from: what the newest save under way leaves, else what
 * the live KPI holds. */
static const HubsKpi *
get_edited_kpi (HubsKpiEditor *self)
{
  return self->saving_kpi != NULL ? self->saving_kpi : hubs_live_kpi_get_kpi (self->kpi);
}

static void
on_kpi_saved (HubsUndoStack *undo,
              const GError  *error,
              gpointer       data)
{
  SavingKpi *saving = data;

  if (saving->editor->saving_kpi == saving->kpi)
    g_clear_pointer (&saving->editor->saving_kpi, hubs_kpi_free);
  else
    hubs_kpi_free (saving->kpi);

  /* A choice that was not saved goes back to what is stored; a text typed stays in its
   * field, to be saved again. */
  if (error != NULL && saving->editor->kpi != NULL && saving->editor->field_rows != NULL)
    refresh_fields (saving->editor, FALSE);
  g_signal_emit (saving->editor, signals[SAVED], 0,
                 error != NULL ? error->message : saving->message);
  g_object_unref (saving->editor);
  g_free (saving->message);
  g_free (saving);
}

/* Saves the KPI's fields through the undo stack after @edit changed a copy of them; on a
 * shared database the store's writer saves them, and the editor says so once done. */
static void
save_kpi (HubsKpiEditor *self,
          HubsKpi       *edited)
{
  g_autoptr(HubsKpi) before = hubs_kpi_copy (get_edited_kpi (self));
  SavingKpi *saving = g_new0 (SavingKpi, 1);

  saving->editor = g_object_ref (self);
  saving->message = g_strdup_printf (_("Saved %s"),
                                     hubs_i18n_pick (edited->name_ja, edited->name_en));

  /* The newest save from now on (on a file it ends before the call returns); the one
   * before it, if any, frees its own copy when it ends. */
  saving->kpi = hubs_kpi_copy (edited);
  self->saving_kpi = saving->kpi;
  hubs_undo_stack_save_kpi_async (self->undo, before, edited, on_kpi_saved, saving);
}

static char **
text_field (HubsKpi    *kpi,
            const char *name)
{
  if (g_str_equal (name, "name_ja"))
    return &kpi->name_ja;
  if (g_str_equal (name, "name_en"))
    return &kpi->name_en;
  if (g_str_equal (name, "unit"))
    return &kpi->unit;
  if (g_str_equal (name, "unit_en_one"))
    return &kpi->unit_en_one;
  if (g_str_equal (name, "unit_en"))
    return &kpi->unit_en;
  if (g_str_equal (name, "note_ja"))
    return &kpi->note_ja;
  return &kpi->note_en;
}

static void
on_text_field_apply (HubsKpiEditor *self,
                     AdwEntryRow   *row)
{
  g_autoptr(HubsKpi) edited = hubs_kpi_copy (get_edited_kpi (self));
  char **field = text_field (edited, g_object_get_data (G_OBJECT (row), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  save_kpi (self, edited);
}

static void
add_text_field (HubsKpiEditor       *self,
                AdwPreferencesGroup *group,
                const char          *field,
                const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_ptr_array_add (self->field_rows, row);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_text_field_apply), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
}

static void
on_choice_changed (HubsKpiEditor *self,
                   GParamSpec    *pspec,
                   AdwComboRow   *row)
{
  const HubsKpi *kpi = get_edited_kpi (self);
  g_autoptr(HubsKpi) edited = hubs_kpi_copy (kpi);
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating)
    return;

  if (g_str_equal (field, "pillar"))
    edited->pillar = selected;
  else if (g_str_equal (field, "aggregation"))
    edited->aggregation = selected;
  else if (g_str_equal (field, "direction"))
    edited->direction = selected;
  else
    edited->qualifier = selected;

  if (edited->pillar == kpi->pillar && edited->aggregation == kpi->aggregation &&
      edited->direction == kpi->direction && edited->qualifier == kpi->qualifier)
    return;

  save_kpi (self, edited);
}

static void
add_choice_field (HubsKpiEditor       *self,
                  AdwPreferencesGroup *group,
                  const char          *field,
                  const char          *title,
                  const char * const  *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (model, choices[i]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field), g_free);
  g_ptr_array_add (self->field_rows, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_choice_changed), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
}

/* Shows in each field of "About This KPI" what the live KPI holds: in its choices, and with
 * @texts in its text fields too. */
static void
refresh_fields (HubsKpiEditor *self,
                gboolean       texts)
{
  const HubsKpi *kpi = hubs_live_kpi_get_kpi (self->kpi);

  self->updating = TRUE;
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->field_rows, i);
      const char *field = g_object_get_data (G_OBJECT (row), "field");

      if (ADW_IS_COMBO_ROW (row))
        {
          guint selected;

          if (g_str_equal (field, "pillar"))
            selected = kpi->pillar;
          else if (g_str_equal (field, "aggregation"))
            selected = kpi->aggregation;
          else if (g_str_equal (field, "direction"))
            selected = kpi->direction;
          else
            selected = kpi->qualifier;

          if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != selected)
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        }
      else if (texts)
        {
          char **value = text_field ((HubsKpi *) kpi, field);
          const char *text = *value ? *value : "";

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), text);
        }
    }
  self->updating = FALSE;
}

/* A role of a shared database that may not change the plan sees the KPI's fields greyed
 * out, and why once, above them; its baseline and target rows say it themselves. */
static void
show_plan_rights (HubsKpiEditor       *self,
                  AdwPreferencesGroup *group)
{
  const char *denied = hubs_store_describe_plan_rights (self->store);
  g_autofree char *markup = NULL;

  if (denied == NULL)
    return;

  markup = g_markup_escape_text (denied, -1);
  adw_preferences_group_set_description (group, markup);
  for (guint i = 0; i < self->field_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->field_rows, i), FALSE);
}

/* How the plan's slides were read for this KPI, from the shipped plan file: for the person
 * checking a figure, never printed in a report. */
static void
add_reading (HubsKpiEditor *self)
{
  HubsPlan *plan = hubs_plan_get_builtin ();
  const char *reading;
  AdwPreferencesGroup *group;
  GtkWidget *card;
  GtkWidget *label;

  if (plan == NULL ||
      !(reading = hubs_plan_get_reading (plan, hubs_live_kpi_get_id (self->kpi),
                                         hubs_language_current ())))
    return;

  group = add_group (self, _("How the Plan Was Read"));
  adw_preferences_group_set_description (group,
                                         _("Where the published plan is ambiguous, this is the "
                                           "reading Hubs uses. Reports do not show it."));
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  label = gtk_label_new (reading);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (card), label);
  adw_preferences_group_add (group, card);
}

static void
build (HubsKpiEditor *self)
{
  const char *pillars[HUBS_N_PILLARS + 1];
  AdwPreferencesGroup *group;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->forms))))
    gtk_box_remove (self->forms, child);
  g_ptr_array_set_size (self->figure_rows, 0);
  g_ptr_array_set_size (self->field_rows, 0);
  self->history_rows = NULL;
  self->history_more = NULL;
  self->explanations = NULL;

  show_title (self);

  group = add_group (self, _("Actual Figures"));
  adw_preferences_group_set_description (group,
                                         /* Translators: what to type for “not measured” is
                                          * what the field accepts: “not measured” or 未計測 */
                                         _("Type a figure and press Enter. Leave a field empty "
                                           "for no figure; type “not measured” when it was not "
                                           "measured."));
  for (int year = HUBS_FIRST_FISCAL_YEAR; year <= HUBS_LAST_FISCAL_YEAR; year++)
    add_figure_row (self, group, year, HUBS_FIGURE_ACTUAL);

  self->explanations = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_box_append (self->forms, GTK_WIDGET (self->explanations));
  self->explained_years = 0;
  show_explanations (self);

  group = add_group (self, _("Plan"));
  add_figure_row (self, group, hubs_live_kpi_get_baseline_year (self->kpi), HUBS_FIGURE_BASELINE);
  add_figure_row (self, group, HUBS_MIDTERM_FISCAL_YEAR, HUBS_FIGURE_TARGET);
  add_figure_row (self, group, HUBS_LAST_FISCAL_YEAR, HUBS_FIGURE_TARGET);

  group = add_group (self, _("About This KPI"));
  add_text_field (self, group, "name_ja", _("Name in Japanese"));
  add_text_field (self, group, "name_en", _("Name in English"));
  add_text_field (self, group, "unit", _("Unit"));
  for (guint i = 0; i < HUBS_N_PILLARS; i++)
    pillars[i] = hubs_pillar_get_label (i);
  pillars[HUBS_N_PILLARS] = NULL;
  add_choice_field (self, group, "pillar", _("Pillar"), pillars);
  {
    const char *aggregations[] = {
      hubs_aggregation_get_label (HUBS_AGGREGATION_STOCK),
      hubs_aggregation_get_label (HUBS_AGGREGATION_FLOW),
      hubs_aggregation_get_label (HUBS_AGGREGATION_CUMULATIVE),
      NULL
    };
    const char *directions[] = {
      hubs_direction_get_label (HUBS_DIRECTION_HIGHER),
      hubs_direction_get_label (HUBS_DIRECTION_LOWER),
      NULL
    };
    const char *qualifiers[] = {
      hubs_qualifier_get_label (HUBS_QUALIFIER_NONE),
      hubs_qualifier_get_label (HUBS_QUALIFIER_AT_LEAST),
      hubs_qualifier_get_label (HUBS_QUALIFIER_AT_MOST),
      NULL
    };

    add_choice_field (self, group, "aggregation", _("Aggregation"), aggregations);
    add_choice_field (self, group, "direction", _("Direction"), directions);
    add_choice_field (self, group, "qualifier", _("Target qualifier"), qualifiers);
  }
  add_text_field (self, group, "unit_en_one", _("English unit for one, e.g. deal"));
  add_text_field (self, group, "unit_en", _("English unit for several, e.g. deals"));
  add_text_field (self, group, "note_ja", _("Note in Japanese"));
  add_text_field (self, group, "note_en", _("Note in English"));
  show_plan_rights (self, group);
  add_reading (self);

  group = add_group (self, _("Arrange"));
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *button;

    button = gtk_button_new_with_mnemonic (_("Move _Up"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.move-kpi-up");
    gtk_box_append (GTK_BOX (buttons), button);
    button = gtk_button_new_with_mnemonic (_("Move _Down"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.move-kpi-down");
    gtk_box_append (GTK_BOX (buttons), button);
    adw_preferences_group_add (group, buttons);
  }

  self->history = add_group (self, _("History"));
  adw_preferences_group_set_description (self->history,
                                         _("Every change to this KPI and its figures, newest "
                                           "first."));
  fill_history (self);

  /* Deleting is not arranging: on its own, at the end of the form. */
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete KPI…"));

    group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    gtk_widget_add_css_class (button, "destructive-action");
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-kpi");
    adw_preferences_group_add (group, button);
    gtk_box_append (self->forms, GTK_WIDGET (group));
  }

  refresh_fields (self, TRUE);
}

static void
on_kpi_notify (HubsKpiEditor *self)
{
  show_title (self);
  refresh_fields (self, TRUE);
}

static void
on_kpi_changed (HubsKpiEditor *self)
{
  add_newer_history (self);
  show_explanations (self);
}

static void
hubs_kpi_editor_dispose (GObject *object)
{
  HubsKpiEditor *self = (HubsKpiEditor *)object;

  if (self->kpi_signals != NULL)
    g_signal_group_set_target (self->kpi_signals, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_object (&self->kpi_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  g_clear_object (&self->hub);
  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (hubs_kpi_editor_parent_class)->dispose (object);
}

static void
hubs_kpi_editor_class_init (HubsKpiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_kpi_editor_dispose;

  /**
   * HubsKpiEditor::saved:
   * @self: a #HubsKpiEditor
   * @message: what was saved, or why it was not, in words for a toast
   *
   * Emitted after a change was stored, or failed to be.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hubs_kpi_editor_init (HubsKpiEditor *self)
{
  self->figure_rows = g_ptr_array_new ();
  self->field_rows = g_ptr_array_new ();

  self->kpi_signals = g_signal_group_new (HUBS_TYPE_LIVE_KPI);
  g_signal_group_connect_object (self->kpi_signals, "notify", G_CALLBACK (on_kpi_notify), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->kpi_signals, "changed", G_CALLBACK (on_kpi_changed),
                                 self, G_CONNECT_SWAPPED);

  self->scroller = hubs_page_layout_new (GTK_WIDGET (self), 860, 6, &self->box);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_box_append (self->box, GTK_WIDGET (self->title));

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (self->box, GTK_WIDGET (self->subtitle));

  /* The trajectory follows the live KPI: it redraws as each figure is saved. */
  self->chart = hubs_chart_view_new (HUBS_CHART_TRAJECTORY);
  gtk_widget_set_size_request (self->chart, -1, 440);
  gtk_widget_set_margin_top (self->chart, 12);
  gtk_box_append (self->box, self->chart);

  self->forms = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->forms), 12);
  gtk_box_append (self->box, GTK_WIDGET (self->forms));
}

/**
 * hubs_kpi_editor_new:
 * @model: the live model
 * @undo: the undo stack every change goes through
 *
 * Returns: (transfer full): an empty KPI editor
 */
GtkWidget *
hubs_kpi_editor_new (HubsLiveModel *model,
                     HubsUndoStack *undo)
{
  HubsKpiEditor *self;

  g_return_val_if_fail (HUBS_IS_LIVE_MODEL (model), NULL);
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (HUBS_TYPE_KPI_EDITOR, NULL);
  self->model = g_object_ref (model);
  self->store = g_object_ref (hubs_live_model_get_store (model));
  self->undo = g_object_ref (undo);

  return GTK_WIDGET (self);
}

/**
 * hubs_kpi_editor_set_kpi:
 * @self: a #HubsKpiEditor
 * @kpi_id: the KPI to edit
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the KPI was found and its form built
 */
gboolean
hubs_kpi_editor_set_kpi (HubsKpiEditor  *self,
                         const char     *kpi_id,
                         GError        **error)
{
  HubsLiveKpi *kpi;
  HubsLiveHub *hub;

  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  if (!(kpi = hubs_live_model_lookup_kpi (self->model, kpi_id, error)))
    return FALSE;
  hub = hubs_live_model_lookup_hub (self->model, hubs_live_kpi_get_kpi (kpi)->hub_id);

  g_set_object (&self->kpi, kpi);
  g_set_object (&self->hub, hub);
  /* A save of the KPI shown before still ends, and frees its own copy. */
  self->saving_kpi = NULL;
  g_signal_group_set_target (self->kpi_signals, kpi);
  if (hub != NULL)
    hubs_chart_view_set_live_kpi (HUBS_CHART_VIEW (self->chart), hub, kpi);
  build (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  return TRUE;
}

/**
 * hubs_kpi_editor_get_kpi:
 * @self: a #HubsKpiEditor
 *
 * Returns: (transfer none) (nullable): the live KPI being edited
 */
HubsLiveKpi *
hubs_kpi_editor_get_kpi (HubsKpiEditor *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  return self->kpi;
}

/**
 * hubs_kpi_editor_focus_next_figure:
 * @self: a #HubsKpiEditor
 *
 * Puts the cursor in the first actual-figure field without a figure (the year most likely
 * to be typed next), or in the last one when every year has a figure; fields of a locked
 * year are passed over.
 */
void
hubs_kpi_editor_focus_next_figure (HubsKpiEditor *self)
{
  HubsFigureRow *target = NULL;

  g_return_if_fail (HUBS_IS_KPI_EDITOR (self));

  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      HubsFigureRow *row = g_ptr_array_index (self->figure_rows, i);

      /* A submitted year takes no typing: the cursor goes to the years still open. */
      if (hubs_figure_row_get_kind (row) != HUBS_FIGURE_ACTUAL || hubs_figure_row_get_locked (row))
        continue;

      target = row;
      if (*gtk_editable_get_text (hubs_figure_row_get_entry (row)) == '\0')
        break;
    }

  if (target != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (hubs_figure_row_get_entry (target)));
}

/**
 * hubs_kpi_editor_save_typed:
 * @self: a #HubsKpiEditor
 *
 * Saves every figure typed but not yet saved (no Enter, the cursor still in its field), as
 * pressing Enter in each would.
 *
 * Returns: (transfer none) (nullable): the first figure row whose text could not be saved
 *   (it shows why), or %NULL when nothing typed is left unsaved
 */
GtkWidget *
hubs_kpi_editor_save_typed (HubsKpiEditor *self)
{
  GtkWidget *failed = NULL;

  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; self->kpi != NULL && i < self->figure_rows->len; i++)
    {
      HubsFigureRow *row = g_ptr_array_index (self->figure_rows, i);

      if (hubs_figure_row_has_unsaved_text (row) && !hubs_figure_row_save (row) &&
          failed == NULL)
        failed = GTK_WIDGET (row);
    }

  return failed;
}

/**
 * hubs_kpi_editor_find_unsaved:
 * @self: a #HubsKpiEditor
 *
 * Returns: (transfer none) (nullable): the first figure row whose typed value could not be
 *   saved (it says why), without trying again, or %NULL
 */
GtkWidget *
hubs_kpi_editor_find_unsaved (HubsKpiEditor *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; self->kpi != NULL && i < self->figure_rows->len; i++)
    {
      HubsFigureRow *row = g_ptr_array_index (self->figure_rows, i);

      if (hubs_figure_row_get_error (row) != NULL && hubs_figure_row_has_unsaved_text (row))
        return GTK_WIDGET (row);
    }

  return NULL;
}

/**
 * hubs_kpi_editor_discard_typed:
 * @self: a #HubsKpiEditor
 *
 * Takes back what is typed in the figure fields and not saved, and the errors shown there.
 *
 * Returns: (transfer none) (nullable): the first row that had something typed, or %NULL
 */
GtkWidget *
hubs_kpi_editor_discard_typed (HubsKpiEditor *self)
{
  GtkWidget *discarded = NULL;

  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; self->kpi != NULL && i < self->figure_rows->len; i++)
    {
      HubsFigureRow *row = g_ptr_array_index (self->figure_rows, i);

      if (hubs_figure_row_discard_typed (row) && discarded == NULL)
        discarded = GTK_WIDGET (row);
    }

  return discarded;
}

/**
 * hubs_kpi_editor_get_kpi_id:
 * @self: a #HubsKpiEditor
 *
 * Returns: (nullable): the KPI being edited
 */
const char *
hubs_kpi_editor_get_kpi_id (HubsKpiEditor *self)
{
  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  return self->kpi ? hubs_live_kpi_get_id (self->kpi) : NULL;
}

/**
 * hubs_kpi_editor_find_explanation:
 * @self: a #HubsKpiEditor
 * @fiscal_year: a fiscal year
 *
 * Returns: (transfer none) (nullable): the #HubsExplanationGroup of that year, shown while
 *   the KPI is not on track in it
 */
GtkWidget *
hubs_kpi_editor_find_explanation (HubsKpiEditor *self,
                                  int            fiscal_year)
{
  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  if (self->explanations == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->explanations)); child;
       child = gtk_widget_get_next_sibling (child))
    if (hubs_explanation_group_get_fiscal_year (HUBS_EXPLANATION_GROUP (child)) == fiscal_year)
      return child;

  return NULL;
}

/**
 * hubs_kpi_editor_find_figure_row:
 * @self: a #HubsKpiEditor
 * @fiscal_year: a fiscal year
 * @kind: baseline, target or actual
 *
 * Returns: (transfer none) (nullable): the row of that figure
 */
GtkWidget *
hubs_kpi_editor_find_figure_row (HubsKpiEditor  *self,
                                 int             fiscal_year,
                                 HubsFigureKind  kind)
{
  g_return_val_if_fail (HUBS_IS_KPI_EDITOR (self), NULL);

  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      HubsFigureRow *row = g_ptr_array_index (self->figure_rows, i);

      if (hubs_figure_row_get_fiscal_year (row) == fiscal_year &&
          hubs_figure_row_get_kind (row) == kind)
        return GTK_WIDGET (row);
    }

  return NULL;
}
