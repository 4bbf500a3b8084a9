/* hubs-explanation-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KPI's explanation of a fiscal year it is not on track in: why it is behind (要因分析)
 * and what will be done (今後の対応), which the year's submission needs. Each field is saved
 * when the user presses Enter or its apply button, through the undo stack as a figure is, and
 * says so (HubsExplanationGroup::saved, a toast with Undo); the history keeps every version.
 * A refusal shows on the group, and the text stays.
 *
 * The group keeps no copy to show: it shows what the store holds and follows the live KPI's
 * "explanation-changed", so another window, an import or another person's change shows at
 * once. A field the user is typing in keeps what is typed; saved, it does not overwrite a
 * change someone else made meanwhile before the user has seen it. A submitted or accepted year is
 * locked, as its figures are: the fields are read-only and the group says who submitted it.
 * Another hub's explanations are locked the same way for a consortium's staff role of a
 * shared database, and the group says whose they are to change.
 */

#define G_LOG_DOMAIN "hubs-explanation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-explanation-group.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-store-roles.h"

struct _HubsExplanationGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Children */
  AdwEntryRow         *why;
  AdwEntryRow         *action;

  /* Owned references */
  HubsUndoStack       *undo;
  HubsLiveHub         *hub;
  HubsLiveKpi         *kpi;
  /* What each field showed of the stored explanation: other text is typed, not saved. */
  char                *shown_why;
  char                *shown_action;

  /* State */
  int                  fiscal_year;
  guint                updating : 1;
  guint                locked : 1;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubsExplanationGroup, hubs_explanation_group, ADW_TYPE_PREFERENCES_GROUP)

/* Puts @text in @row unless the user typed there since @shown was shown. What they typed
 * then stays, and so does @shown, what it was typed over: a save finds out that the stored
 * text changed meanwhile (see on_apply()). */
static void
show_text (HubsExplanationGroup  *self,
           AdwEntryRow           *row,
           char                 **shown,
           const char            *text)
{
  const char *now = gtk_editable_get_text (GTK_EDITABLE (row));

  text = text != NULL ? text : "";
  if (*shown != NULL && g_strcmp0 (now, *shown) != 0 && g_strcmp0 (now, text) != 0 &&
      !self->locked)
    return;

  self->updating = TRUE;
  if (g_strcmp0 (now, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->updating = FALSE;
  g_free (*shown);
  *shown = g_strdup (text);
}

/* Says @message under the group's title, with @row marked. */
static void
show_problem (HubsExplanationGroup *self,
              AdwEntryRow          *row,
              const char           *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static void
show_explanation (HubsExplanationGroup  *self,
                  const HubsExplanation *explanation)
{
  show_text (self, self->why, &self->shown_why, explanation->why);
  show_text (self, self->action, &self->shown_action, explanation->action);
  gtk_widget_remove_css_class (GTK_WIDGET (self->why), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->action), "error");
}

static void
read_explanation (HubsExplanationGroup *self)
{
  g_autoptr(HubsExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(explanation = hubs_store_get_explanation (hubs_undo_stack_get_store (self->undo),
                                                  hubs_live_kpi_get_id (self->kpi),
                                                  self->fiscal_year, &error)))
    {
      g_warning ("Cannot read the explanation of %s for %d: %s",
                 hubs_live_kpi_get_id (self->kpi), self->fiscal_year, error->message);
      return;
    }

  show_explanation (self, explanation);
}

/* The group's title and what it asks for: the status of the year, or the lock. */
static void
show_state (HubsExplanationGroup *self)
{
  HubsLanguage lang = hubs_language_current ();
  g_autofree char *fy = hubs_format_fiscal_year (self->fiscal_year, lang);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) figures = hubs_live_kpi_collect_figures (self->kpi);
  const HubsYearState *state = hubs_live_hub_get_year_state (self->hub, self->fiscal_year);
  g_autofree char *denied = NULL;
  g_autofree char *markup = NULL;
  HubsProgress progress;

  denied = hubs_store_describe_explanation_rights (hubs_undo_stack_get_store (self->undo),
                                                   hubs_live_hub_get_hub (self->hub));
  self->locked = denied != NULL ||
                 (state != NULL && hubs_year_state_kind_is_locked (state->state));
  hubs_progress_compute_as_of (&progress, hubs_live_kpi_get_kpi (self->kpi), figures,
                               self->fiscal_year);

  /* Translators: the title of a KPI's explanation of a year, e.g. “FY2025: Limited progress” */
  title = g_strdup_printf (_("%1$s: %2$s"), fy, hubs_status_get_label (progress.status, lang));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);

  if (denied != NULL)
    description = g_steal_pointer (&denied);
  else if (self->locked)
    {
      g_autofree char *why = hubs_year_state_describe (state, lang);

      /* Translators: under a locked explanation; %s says who submitted the year and when */
      description = g_strdup_printf (_("Locked. %s"), why);
    }
  else
    /* Translators: %s is a fiscal year */
    description = g_strdup_printf (_("The %s actual is behind the plan. Say why, and what will "
                                     "be done: the year’s submission needs both."), fy);
  /* The description is markup: a hub's name or a person's may hold an ampersand (Sapporo &
   * Hokkaido). */
  markup = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), markup);

  for (AdwEntryRow *row = self->why; row != NULL; row = row == self->why ? self->action : NULL)
    {
      gtk_editable_set_editable (GTK_EDITABLE (row), !self->locked);
      if (self->locked)
        gtk_widget_add_css_class (GTK_WIDGET (row), "hubs-locked");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "hubs-locked");
      adw_entry_row_set_show_apply_button (row, !self->locked);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, (gboolean) self->locked,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  /* A lock takes back what was typed and not saved: the fields show what is stored. */
  if (self->locked)
    read_explanation (self);
}

/* Someone else saved this field since the user began typing: theirs is not overwritten
 * unseen. The field keeps what was typed, the group says what is stored now, and Enter
 * again saves over it. */
static void
show_changed_meanwhile (HubsExplanationGroup *self,
                        AdwEntryRow          *row)
{
  char **shown = row == self->why ? &self->shown_why : &self->shown_action;
  g_autoptr(HubsExplanation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *text;

  /* Read once the writer is done: the server has just answered. */
  if (!(stored = hubs_store_get_explanation (hubs_undo_stack_get_store (self->undo),
                                             hubs_live_kpi_get_id (self->kpi),
                                             self->fiscal_year, &error)))
    {
      show_problem (self, row, error->message);
      return;
    }

  text = row == self->why ? stored->why : stored->action;
  text = text != NULL ? text : "";
  /* Translators: over a KPI's explanation whose save met another person's change; %s is
   * the text now stored */
  message = g_strdup_printf (_("This was changed elsewhere meanwhile and now reads “%s”. "
                               "Nothing was saved; press Enter again to save yours over it."),
                             *text != '\0' ? text : "—");
  g_free (*shown);
  *shown = g_strdup (text);
  show_problem (self, row, message);
}

/* A field of the group being saved, and what it saves. */
typedef struct
{
  HubsExplanationGroup *group;
  AdwEntryRow          *row;
  char                 *text;
} SavingRow;

static void
on_saved (HubsUndoStack *undo,
          const GError  *error,
          gpointer       data)
{
  SavingRow *saving = data;
  HubsExplanationGroup *self = saving->group;
  AdwEntryRow *row = saving->row;

  /* Still in the window: the field takes typing again, unless the year was locked. */
  if (self->kpi != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (row), !self->locked);

  if (self->kpi == NULL)
    ;
  else if (g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT))
    show_changed_meanwhile (self, row);
  else if (error != NULL)
    show_problem (self, row, error->message);
  else
    {
      char **shown = row == self->why ? &self->shown_why : &self->shown_action;
      g_autofree char *year = hubs_format_fiscal_year (self->fiscal_year,
                                                       hubs_language_current ());
      /* Translators: a toast after saving a KPI's 要因分析 or 今後の対応; %s is a fiscal year */
      g_autofree char *message = g_strdup_printf (_("Saved the %s explanation"), year);

      /* What the field shows is stored now, whenever the live KPI says so. */
      g_free (*shown);
      *shown = g_steal_pointer (&saving->text);

      /* The store told the live KPI, which told this group: the field shows what is stored. */
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      show_state (self);
      g_signal_emit (self, signals[SAVED], 0, message);
    }

  g_object_unref (saving->group);
  g_free (saving->text);
  g_free (saving);
}

static void
on_apply (HubsExplanationGroup *self,
          AdwEntryRow          *row)
{
  SavingRow *saving;
  g_autoptr(HubsExplanation) before = NULL;
  g_autoptr(HubsExplanation) explanation = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char **shown = row == self->why ? &self->shown_why : &self->shown_action;
  char **typed;

  if (self->updating || self->locked)
    return;

  /* What the user saw is what the save is made over: the store's writer finds out, in the
   * same job, whether someone else saved this field meanwhile (see
   * hubs_undo_stack_set_explanation()). Nothing is read here, so the window never waits. */
  before = hubs_explanation_new (hubs_live_kpi_get_id (self->kpi), self->fiscal_year);
  if (self->shown_why != NULL)
    {
      g_free (before->why);
      before->why = g_strdup (self->shown_why);
    }
  if (self->shown_action != NULL)
    {
      g_free (before->action);
      before->action = g_strdup (self->shown_action);
    }
  explanation = hubs_explanation_copy (before);
  typed = row == self->why ? &explanation->why : &explanation->action;
  g_free (*typed);
  *typed = g_strstrip (g_strdup (text));

  if (g_strcmp0 (*typed, *shown != NULL ? *shown : "") == 0)
    {
      show_explanation (self, before);
      return;
    }

  /* On a shared database the store's writer saves it; the field takes no typing till then. */
  saving = g_new0 (SavingRow, 1);
  saving->group = g_object_ref (self);
  saving->row = row;
  saving->text = g_strdup (*typed);
  gtk_editable_set_editable (GTK_EDITABLE (row), FALSE);
  hubs_undo_stack_set_explanation_async (self->undo, before, explanation, on_saved, saving);
}

static void
on_explanation_changed (HubsExplanationGroup  *self,
                        const HubsExplanation *explanation)
{
  if (explanation->fiscal_year == self->fiscal_year)
    show_explanation (self, explanation);
}

static void
on_year_state_changed (HubsExplanationGroup *self,
                       int                   fiscal_year)
{
  if (fiscal_year == self->fiscal_year)
    show_state (self);
}

static void
hubs_explanation_group_dispose (GObject *object)
{
  HubsExplanationGroup *self = (HubsExplanationGroup *)object;

  if (self->hub != NULL)
    g_signal_handlers_disconnect_by_data (self->hub, self);
  if (self->kpi != NULL)
    g_signal_handlers_disconnect_by_data (self->kpi, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->hub);
  g_clear_object (&self->kpi);
  g_clear_pointer (&self->shown_why, g_free);
  g_clear_pointer (&self->shown_action, g_free);

  G_OBJECT_CLASS (hubs_explanation_group_parent_class)->dispose (object);
}

static void
hubs_explanation_group_class_init (HubsExplanationGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hubs_explanation_group_dispose;

  /**
   * HubsExplanationGroup::saved:
   * @self: the group
   * @message: what was saved, in words for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static AdwEntryRow *
add_field (HubsExplanationGroup *self,
           const char           *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_apply), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  return ADW_ENTRY_ROW (row);
}

static void
hubs_explanation_group_init (HubsExplanationGroup *self)
{
  /* Translators: the field for 要因分析: why a KPI is behind its plan in a year */
  self->why = add_field (self, _("Why it is behind"));
  /* Translators: the field for 今後の対応: what the consortium will do about it */
  self->action = add_field (self, _("What will be done"));
}

/**
 * hubs_explanation_group_new:
 * @undo: the undo stack the explanation is saved through, and its store read from
 * @hub: the live hub of @kpi, whose submitted years lock the explanation
 * @kpi: the live KPI
 * @fiscal_year: the year the KPI is not on track in
 *
 * Returns: (transfer full): the form of the KPI's explanation of @fiscal_year
 */
GtkWidget *
hubs_explanation_group_new (HubsUndoStack *undo,
                            HubsLiveHub   *hub,
                            HubsLiveKpi   *kpi,
                            int            fiscal_year)
{
  HubsExplanationGroup *self;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (undo), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_HUB (hub), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);

  self = g_object_new (HUBS_TYPE_EXPLANATION_GROUP, NULL);
  self->undo = g_object_ref (undo);
  self->hub = g_object_ref (hub);
  self->kpi = g_object_ref (kpi);
  self->fiscal_year = fiscal_year;

  g_signal_connect_swapped (kpi, "explanation-changed", G_CALLBACK (on_explanation_changed),
                            self);
  g_signal_connect_swapped (kpi, "changed", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (hub, "year-state-changed", G_CALLBACK (on_year_state_changed),
                            self);

  show_state (self);
  read_explanation (self);

  return GTK_WIDGET (self);
}

int
hubs_explanation_group_get_fiscal_year (HubsExplanationGroup *self)
{
  g_return_val_if_fail (HUBS_IS_EXPLANATION_GROUP (self), 0);

  return self->fiscal_year;
}

/**
 * hubs_explanation_group_get_why:
 * @self: a #HubsExplanationGroup
 *
 * Returns: (transfer none): the field of why the KPI is behind (要因分析)
 */
GtkEditable *
hubs_explanation_group_get_why (HubsExplanationGroup *self)
{
  g_return_val_if_fail (HUBS_IS_EXPLANATION_GROUP (self), NULL);

  return GTK_EDITABLE (self->why);
}

/**
 * hubs_explanation_group_get_action:
 * @self: a #HubsExplanationGroup
 *
 * Returns: (transfer none): the field of what will be done (今後の対応)
 */
GtkEditable *
hubs_explanation_group_get_action (HubsExplanationGroup *self)
{
  g_return_val_if_fail (HUBS_IS_EXPLANATION_GROUP (self), NULL);

  return GTK_EDITABLE (self->action);
}

/**
 * hubs_explanation_group_get_locked:
 * @self: a #HubsExplanationGroup
 *
 * Returns: %TRUE while the year is submitted or accepted and the fields are read-only
 */
gboolean
hubs_explanation_group_get_locked (HubsExplanationGroup *self)
{
  g_return_val_if_fail (HUBS_IS_EXPLANATION_GROUP (self), FALSE);

  return self->locked;
}
