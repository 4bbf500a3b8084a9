/* hubs-figure-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One figure of a KPI in its editor: the value to type, and, folded away, whether it is
 * provisional (速報) or confirmed (確定), a note and a source. A value is saved when the user
 * presses Enter or leaves the field; what cannot be read is shown as an error on the field,
 * the typed text stays, and the stored figure is left as it was.
 *
 * The row keeps no copy of the figure or the KPI: it shows its #HubsLiveFigure and follows
 * it, and reads the unit from the #HubsLiveKpi when it parses, so an undo, an import or a
 * change of the KPI's unit shows here at once.
 *
 * An actual of a year the hub submitted (or the Cabinet Office accepted) is locked: the row
 * follows the #HubsLiveHub's year states, shows the lock and who submitted the year before
 * anything is typed, and takes no typing until the year is returned or unlocked. A figure
 * the role of a shared database may not change (another hub's, or the plan's for a
 * consortium's staff) is locked the same way, and the row says whose it is to change.
 *
 * A value is saved against the figure the field showed when the user began typing: a
 * change someone else saved meanwhile arrives (the typed text stays), the save is refused,
 * and the row says who changed the figure, when and to what, with Keep Theirs and Save
 * Anyway.
 */

#define G_LOG_DOMAIN "hubs-figure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-figure-row.h"
#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-plausibility.h"
#include "hubs-store-roles.h"
#include "hubs-store-conflict.h"

struct _HubsFigureRow
{
  AdwExpanderRow  parent_instance;

  /* Children */
  GtkImage       *lock;
  GtkWidget      *conflict;
  GtkEntry       *entry;
  GtkWidget      *save_again;
  GtkLabel       *unit;
  GtkSwitch      *confirmed;
  GtkWidget      *confirmed_row;
  AdwEntryRow    *note;
  AdwEntryRow    *source;

  /* Owned references */
  HubsUndoStack  *undo;
  HubsLiveHub    *hub;
  HubsLiveKpi    *kpi;
  HubsLiveFigure *figure;
  char           *error;
  /* The text the field showed for the stored figure: anything else is typed, not saved. */
  char           *shown;
  /* Why the database's role may not change the figure, or NULL when it may. */
  char           *denied;
  /* The stored figure that text is of (NULL: none): a typed value is saved against it. */
  HubsFigure     *seen;
  /* A save that met another person's change: theirs, and the figure it would have stored. */
  HubsFigureConflict *theirs;
  HubsFigure     *ours;
  /* The figure being saved (NULL: its removal), while saving. */
  HubsFigure     *pending;

  /* State */
  /* An unlikely figure the user was asked about: Enter again on it saves it. */
  double          questioned;
  guint           updating : 1;
  guint           has_questioned : 1;
  guint           confirming : 1;
  guint           locked : 1;
  /* The error is that the server cannot be reached: saving again may work. */
  guint           unreachable : 1;
  /* A save was asked for and has not ended: on a shared database, while the store's
   * writer saves it, the field takes no typing and says it is saving. */
  guint           saving : 1;
};

G_DEFINE_FINAL_TYPE (HubsFigureRow, hubs_figure_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_value (HubsFigureRow    *self,
                const HubsFigure *figure)
{
  if (figure == NULL)
    return g_strdup (_("no figure"));
  if (!figure->measured)
    return g_strdup (_("not measured"));
  return hubs_format_kpi_value (hubs_live_kpi_get_kpi (self->kpi), figure->value,
                                hubs_language_current ());
}

/* The figure's title, e.g. “FY2025 actual”, “FY2027 target”, “Baseline (FY2024)”. */
static char *
describe_figure (HubsFigureRow *self)
{
  g_autofree char *year = hubs_format_fiscal_year (hubs_live_figure_get_fiscal_year (self->figure),
                                                   hubs_language_current ());

  switch (hubs_live_figure_get_kind (self->figure))
    {
    case HUBS_FIGURE_ACTUAL:
      /* Translators: a figure's title, e.g. “FY2025 actual” (2025年度 実績値) */
      return g_strdup_printf (_("%s actual"), year);
    case HUBS_FIGURE_TARGET:
      /* Translators: a figure's title, e.g. “FY2027 target” (2027年度 目標値) */
      return g_strdup_printf (_("%s target"), year);
    case HUBS_FIGURE_BASELINE:
    default:
      /* Translators: a figure's title, e.g. “Baseline (FY2024)” (基準値（2024年度）) */
      return g_strdup_printf (_("Baseline (%s)"), year);
    }
}

static void
show_state (HubsFigureRow *self)
{
  const HubsFigure *figure = hubs_live_figure_get_figure (self->figure);
  g_autofree char *subtitle = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_set_visible (self->save_again, self->error != NULL && self->unreachable);

  if (self->error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), self->error);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->error,
                                      -1);
      return;
    }

  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);

  if (self->saving)
    {
      /* Translators: under a figure while the shared database saves it */
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), _("Saving…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Saving…"),
                                      -1);
      return;
    }

  if (self->locked && self->denied != NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), self->denied);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->lock), self->denied);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->denied,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->denied,
                                      -1);
      return;
    }

  if (self->locked)
    {
      const HubsYearState *state = hubs_live_hub_get_year_state (self->hub,
                                                                 hubs_live_figure_get_fiscal_year (self->figure));
      g_autofree char *why = hubs_year_state_describe (state, hubs_language_current ());

      /* Translators: under a locked figure; %s says who submitted the year and when */
      subtitle = g_strdup_printf (_("Locked. %s"), why);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->lock), why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      return;
    }

  if (figure == NULL)
    subtitle = g_strdup (_("No figure"));
  else if (!figure->measured)
    subtitle = g_strdup (_("Not measured"));
  else if (hubs_format_figure_note (figure, hubs_language_current ()) != NULL)
    /* Translators: provisional or confirmed, then the figure's note */
    subtitle = g_strdup_printf (_("%1$s · %2$s"),
                                figure->confirmed ? _("Confirmed") : _("Provisional"),
                                hubs_format_figure_note (figure, hubs_language_current ()));
  else
    subtitle = g_strdup (figure->confirmed ? _("Confirmed") : _("Provisional"));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
set_error (HubsFigureRow *self,
           const char    *message)
{
  self->unreachable = FALSE;
  g_free (self->error);
  self->error = g_strdup (message);
  show_state (self);
}

static gboolean
is_not_measured (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_strstrip (folded);

  return g_str_equal (folded, "未計測") || g_str_equal (folded, "not measured") ||
         g_str_equal (folded, "unmeasured");
}

/* What cannot be right is refused; what is far from the plan is saved only once the user
 * presses Enter again on the same figure. Returns whether @figure may be stored now. */
static gboolean
check_plausible (HubsFigureRow    *self,
                 const HubsFigure *figure)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *message = NULL;
  HubsPlausibility plausibility;

  if (figure == NULL || !figure->measured)
    return TRUE;

  figures = hubs_live_kpi_collect_figures (self->kpi);
  plausibility = hubs_plausibility_check (hubs_live_kpi_get_kpi (self->kpi), figures, figure,
                                          hubs_language_current (), &message);

  if (plausibility == HUBS_PLAUSIBILITY_IMPOSSIBLE)
    {
      set_error (self, message);
      return FALSE;
    }

  if (plausibility == HUBS_PLAUSIBILITY_UNLIKELY &&
      !(self->confirming && self->has_questioned && self->questioned == figure->value))
    {
      g_autofree char *question = NULL;

      self->has_questioned = TRUE;
      self->questioned = figure->value;
      /* Translators: after a figure far from the plan, e.g. “12,856 is far from the 160
       * the plan expects for FY2025. Is it right?” */
      question = g_strdup_printf (_("%s Press Enter again to save it."), message);
      set_error (self, question);
      return FALSE;
    }

  self->has_questioned = FALSE;

  return TRUE;
}

static void
set_conflict (HubsFigureRow      *self,
              HubsFigureConflict *theirs,
              const HubsFigure   *ours)
{
  g_clear_pointer (&self->theirs, hubs_figure_conflict_free);
  g_clear_pointer (&self->ours, hubs_figure_free);
  self->theirs = theirs;
  self->ours = theirs != NULL && ours != NULL ? hubs_figure_copy (ours) : NULL;
  gtk_widget_set_visible (self->conflict, theirs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figure.keep-theirs", theirs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figure.save-anyway", theirs != NULL);
}

/* A save was refused: someone changed the figure since it was shown. Says who, when and to
 * what, and offers to keep theirs or to save @figure anyway. */
static void
show_conflict (HubsFigureRow    *self,
               const HubsFigure *figure,
               const GError     *refusal)
{
  g_autoptr(HubsFigureConflict) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  theirs = hubs_store_read_figure_conflict (hubs_undo_stack_get_store (self->undo),
                                            hubs_live_kpi_get_id (self->kpi),
                                            hubs_live_figure_get_fiscal_year (self->figure),
                                            hubs_live_figure_get_kind (self->figure), &error);
  if (theirs == NULL)
    {
      set_conflict (self, NULL, NULL);
      set_error (self, refusal->message);
      return;
    }

  message = hubs_figure_conflict_describe (theirs, hubs_live_kpi_get_kpi (self->kpi)->unit,
                                           hubs_language_current ());
  set_conflict (self, g_steal_pointer (&theirs), figure);
  set_error (self, message);
}

/* A save was asked for: until it ends, the field takes no typing. */
static void
begin_saving (HubsFigureRow    *self,
              const HubsFigure *figure)
{
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->pending, hubs_figure_free);
  self->pending = figure != NULL ? hubs_figure_copy (figure) : NULL;
  self->saving = TRUE;
}

/* Once the store's writer took a while: the save is under way, say so. */
static void
show_saving (HubsFigureRow *self)
{
  if (!self->saving)
    return;

  gtk_editable_set_editable (GTK_EDITABLE (self->entry), FALSE);
  show_state (self);
}

/* The save ended. Returns: (transfer full) (nullable): the figure it saved, %NULL for its
 * removal. */
static HubsFigure *
end_saving (HubsFigureRow *self)
{
  self->saving = FALSE;
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !self->locked);

  return g_steal_pointer (&self->pending);
}

/* How a save of store() went: a refusal is shown on the field, with what was typed. */
static void
on_stored (HubsUndoStack *undo,
           const GError  *error,
           gpointer       user_data)
{
  g_autoptr(HubsFigureRow) self = user_data;
  g_autoptr(HubsFigure) figure = NULL;
  g_autofree char *what = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  /* Gone from the window while the shared database saved it. */
  if (self->kpi == NULL)
    return;

  figure = end_saving (self);

  if (error != NULL)
    {
      if (g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT))
        show_conflict (self, figure, error);
      else
        {
          set_error (self, error->message);
          self->unreachable = g_error_matches (error, HUBS_STORE_ERROR,
                                               HUBS_STORE_ERROR_UNREACHABLE);
          show_state (self);
        }
      return;
    }

  /* The live figure took the change already (the store notified it): show what it holds. */
  set_error (self, NULL);

  what = describe_figure (self);
  value = describe_value (self, figure);
  /* Translators: a toast after saving, e.g. “Saved FY2025 actual: 160 companies” */
  message = g_strdup_printf (_("Saved %1$s: %2$s"), what, value);
  g_signal_emit (self, signals[SAVED], 0, message);
}

/* Stores @figure (NULL: no figure) through the undo stack, made against @before; on failure
 * shows the error. The one equality check of a save: a field left unchanged writes
 * nothing. On a shared database the save ends later (see hubs_store_write()).
 *
 * Returns: %FALSE when the field shows an error */
static gboolean
store (HubsFigureRow    *self,
       const HubsFigure *before,
       const HubsFigure *figure)
{
  if (self->saving)
    return TRUE;

  if ((figure == NULL && before == NULL) ||
      (figure != NULL && before != NULL && hubs_figure_equal (figure, before)))
    {
      set_error (self, NULL);
      return TRUE;
    }

  if (!check_plausible (self, figure))
    return FALSE;

  set_conflict (self, NULL, NULL);
  begin_saving (self, figure);
  hubs_undo_stack_set_figure_async (self->undo, hubs_live_kpi_get_id (self->kpi),
                                    hubs_live_figure_get_fiscal_year (self->figure),
                                    hubs_live_figure_get_kind (self->figure),
                                    before, figure, on_stored, g_object_ref (self));
  show_saving (self);

  return self->error == NULL;
}

/* The figure a typed value changes: the one the field showed. */
static HubsFigure *
figure_to_edit (HubsFigureRow *self)
{
  const HubsFigure *stored = self->seen;
  HubsFigure *figure;

  if (stored != NULL)
    return hubs_figure_copy (stored);

  figure = hubs_figure_new ();
  figure->kpi_id = g_strdup (hubs_live_kpi_get_id (self->kpi));
  figure->fiscal_year = hubs_live_figure_get_fiscal_year (self->figure);
  figure->kind = hubs_live_figure_get_kind (self->figure);
  figure->measured = TRUE;

  return figure;
}

/**
 * hubs_figure_row_save:
 * @self: a #HubsFigureRow
 *
 * Reads the typed value and stores it, as pressing Enter does. An empty field removes the
 * figure; 未計測 or “not measured” marks it not measured.
 *
 * Returns: %TRUE when the field holds no error afterwards
 */
gboolean
hubs_figure_row_save (HubsFigureRow *self)
{
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  double value;

  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), FALSE);

  if (self->updating)
    return TRUE;

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (is_not_measured (text))
    {
      figure = figure_to_edit (self);
      figure->measured = FALSE;
      figure->value = 0;
      return store (self, self->seen, figure);
    }

  if (!hubs_parse_number (text, hubs_live_kpi_get_kpi (self->kpi)->unit, &value, &error))
    {
      if (g_error_matches (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_EMPTY))
        return store (self, self->seen, NULL);

      set_error (self, error->message);
      return FALSE;
    }

  figure = figure_to_edit (self);
  /* The unit the plan prints belongs to the plan's number, not to one typed over it. */
  if (!figure->measured || figure->value != value)
    g_clear_pointer (&figure->unit, g_free);
  figure->measured = TRUE;
  figure->value = value;

  return store (self, self->seen, figure);
}

/* Enter, unlike leaving the field, also confirms a figure the field asked about. */
static void
on_entry_activate (HubsFigureRow *self)
{
  self->confirming = TRUE;
  hubs_figure_row_save (self);
  self->confirming = FALSE;
}

static void
on_focus_leave (HubsFigureRow *self)
{
  hubs_figure_row_save (self);
}

static void
on_confirmed_changed (HubsFigureRow *self)
{
  g_autoptr(HubsFigure) figure = NULL;
  const HubsFigure *stored = hubs_live_figure_get_figure (self->figure);

  if (self->updating || stored == NULL)
    return;

  figure = hubs_figure_copy (stored);
  figure->confirmed = gtk_switch_get_active (self->confirmed);
  store (self, stored, figure);
}

/* The note the field edits: the one in the language shown. In English, a note typed in English
 * before there were two is that note. */
static char **
note_in_language (HubsFigure *figure)
{
  if (hubs_language_current () == HUBS_LANGUAGE_JA)
    return &figure->note;
  if (figure->note_en == NULL && figure->note != NULL && !hubs_text_has_japanese (figure->note))
    return &figure->note;
  return &figure->note_en;
}

static void
on_detail_apply (HubsFigureRow *self,
                 AdwEntryRow   *row)
{
  g_autoptr(HubsFigure) figure = NULL;
  const HubsFigure *stored = hubs_live_figure_get_figure (self->figure);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating)
    return;

  if (stored == NULL)
    {
      set_error (self, _("Type the figure first, then its note or source."));
      return;
    }

  figure = hubs_figure_copy (stored);
  if (row == self->note)
    {
      char **note = note_in_language (figure);

      g_free (*note);
      *note = *text ? g_strdup (text) : NULL;
    }
  else
    {
      g_free (figure->source);
      figure->source = *text ? g_strdup (text) : NULL;
    }
  store (self, stored, figure);
}

static void show_figure (HubsFigureRow *self);
static void show_stored (HubsFigureRow *self, const HubsFigure *figure);

/* Drops what was typed: the field shows the figure the other person stored, read with the
 * conflict, even before their change reaches the live figure (a file is looked at once a
 * second), which then shows the same. */
static void
keep_theirs (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubsFigureRow *self = HUBS_FIGURE_ROW (widget);
  g_autoptr(HubsFigureConflict) theirs = g_steal_pointer (&self->theirs);

  set_conflict (self, NULL, NULL);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->shown, g_free);
  show_stored (self, theirs != NULL ? theirs->figure : hubs_live_figure_get_figure (self->figure));
}

static void
on_saved_over (HubsUndoStack *undo,
               const GError  *error,
               gpointer       user_data)
{
  g_autoptr(HubsFigureRow) self = user_data;
  g_autoptr(HubsFigure) ours = NULL;
  g_autofree char *what = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  if (self->kpi == NULL)
    return;

  ours = end_saving (self);

  if (error != NULL)
    {
      /* Changed once more meanwhile: say so again, with the newest change. */
      if (g_error_matches (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT))
        show_conflict (self, ours, error);
      else
        set_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->shown, g_free);
  show_figure (self);

  what = describe_figure (self);
  value = describe_value (self, ours);
  /* Translators: a toast after saving over another person's change, e.g. “Saved FY2025
   * actual over the other change: 160 companies” */
  message = g_strdup_printf (_("Saved %1$s over the other change: %2$s"), what, value);
  g_signal_emit (self, signals[SAVED], 0, message);
}

/* Saves the typed figure over theirs; the history records that it was. */
static void
save_anyway (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubsFigureRow *self = HUBS_FIGURE_ROW (widget);
  g_autoptr(HubsFigureConflict) theirs = g_steal_pointer (&self->theirs);
  g_autoptr(HubsFigure) ours = g_steal_pointer (&self->ours);

  if (theirs == NULL || self->saving)
    return;

  set_conflict (self, NULL, NULL);
  begin_saving (self, ours);
  hubs_undo_stack_save_figure_over_async (self->undo, hubs_live_kpi_get_id (self->kpi),
                                          hubs_live_figure_get_fiscal_year (self->figure),
                                          hubs_live_figure_get_kind (self->figure),
                                          theirs, ours, on_saved_over, g_object_ref (self));
  show_saving (self);
}

static void
hubs_figure_row_dispose (GObject *object)
{
  HubsFigureRow *self = (HubsFigureRow *)object;

  if (self->hub != NULL)
    g_signal_handlers_disconnect_by_data (self->hub, self);
  if (self->figure != NULL)
    g_signal_handlers_disconnect_by_data (self->figure, self);
  if (self->kpi != NULL)
    g_signal_handlers_disconnect_by_data (self->kpi, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->hub);
  g_clear_object (&self->kpi);
  g_clear_object (&self->figure);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->denied, g_free);
  g_clear_pointer (&self->seen, hubs_figure_free);
  g_clear_pointer (&self->theirs, hubs_figure_conflict_free);
  g_clear_pointer (&self->ours, hubs_figure_free);
  g_clear_pointer (&self->pending, hubs_figure_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUBS_TYPE_FIGURE_ROW);

  G_OBJECT_CLASS (hubs_figure_row_parent_class)->dispose (object);
}

static void
hubs_figure_row_class_init (HubsFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hubs_figure_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Hubs/ui/hubs-figure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, lock);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, conflict);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, entry);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, save_again);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, unit);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, confirmed);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, note);
  gtk_widget_class_bind_template_child (widget_class, HubsFigureRow, source);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_confirmed_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_apply);

  gtk_widget_class_install_action (widget_class, "figure.keep-theirs", NULL, keep_theirs);
  gtk_widget_class_install_action (widget_class, "figure.save-anyway", NULL, save_anyway);

  /**
   * HubsFigureRow::saved:
   * @self: a #HubsFigureRow
   * @message: what was saved, in words for a toast
   *
   * Emitted after the figure was stored.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hubs_figure_row_init (HubsFigureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void show_unit (HubsFigureRow *self);

static gboolean
same_figure (const HubsFigure *a,
             const HubsFigure *b)
{
  return a == b || (a != NULL && b != NULL && hubs_figure_equal (a, b));
}

/* Shows @figure, replacing what is typed, unless the field shows an error, or the change
 * is someone else's arriving while the user types: then what the user typed stays, made
 * against the figure they saw, until they save or fix it. */
static void
show_stored (HubsFigureRow    *self,
             const HubsFigure *figure)
{
  g_autofree char *text = NULL;

  /* While saving, only the change being saved replaces what was typed (someone else's
   * arriving meanwhile does not). */
  if (self->error != NULL ||
      (self->saving && !same_figure (figure, self->pending)) ||
      (!self->saving && self->shown != NULL && hubs_figure_row_has_unsaved_text (self)))
    {
      show_state (self);
      return;
    }

  if (figure == NULL)
    text = g_strdup ("");
  else if (!figure->measured)
    text = g_strdup (_("not measured"));
  else
    text = hubs_format_number (figure->value, hubs_language_current ());

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  g_free (self->shown);
  self->shown = g_steal_pointer (&text);
  g_clear_pointer (&self->seen, hubs_figure_free);
  self->seen = figure != NULL ? hubs_figure_copy (figure) : NULL;
  gtk_switch_set_active (self->confirmed, figure != NULL && figure->confirmed);
  if (figure != NULL)
    {
      g_autoptr(HubsFigure) copy = hubs_figure_copy (figure);
      char **note = note_in_language (copy);

      gtk_editable_set_text (GTK_EDITABLE (self->note), *note != NULL ? *note : "");
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->note), "");
  gtk_editable_set_text (GTK_EDITABLE (self->source),
                         figure && figure->source ? figure->source : "");
  self->updating = FALSE;

  show_unit (self);
  show_state (self);
}

/* Shows what the live figure holds (see show_stored()). */
static void
show_figure (HubsFigureRow *self)
{
  show_stored (self, hubs_live_figure_get_figure (self->figure));
}

/* The KPI's unit, or the one the plan prints this figure in, marked, with what the mark
 * means. */
static void
show_unit (HubsFigureRow *self)
{
  const HubsKpi *kpi = hubs_live_kpi_get_kpi (self->kpi);
  const HubsFigure *figure = hubs_live_figure_get_figure (self->figure);
  HubsLanguage lang = hubs_language_current ();
  g_autofree char *unit_note = figure != NULL ? hubs_format_figure_unit_note (kpi, figure, lang)
                                              : NULL;

  if (unit_note != NULL)
    {
      g_autofree char *marked = g_strconcat (hubs_format_unit (figure->unit, lang),
                                             lang == HUBS_LANGUAGE_JA ? "※" : "*", NULL);

      gtk_label_set_text (self->unit, marked);
    }
  else
    gtk_label_set_text (self->unit, hubs_format_kpi_unit (kpi, lang));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit), unit_note);
}

static void
show_names (HubsFigureRow *self)
{
  g_autofree char *title = describe_figure (self);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* Translators: the accessible name of a figure's field: the KPI, then e.g. “FY2025 actual” */
  accessible = g_strdup_printf (_("%1$s, %2$s"), hubs_live_kpi_get_name (self->kpi), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* An actual of a submitted or accepted year, and a figure the database's role may not
 * change, take no typing: the field is read-only (its text can still be selected and
 * copied), the details are off, and the row says why. A change of the year's state shows at
 * once; an error shown for the old state goes. */
static void
show_lock (HubsFigureRow *self)
{
  int year = hubs_live_figure_get_fiscal_year (self->figure);
  HubsFigureKind kind = hubs_live_figure_get_kind (self->figure);
  gboolean locked;

  g_clear_pointer (&self->denied, g_free);
  if (self->hub != NULL)
    self->denied = hubs_store_describe_figure_rights (hubs_undo_stack_get_store (self->undo),
                                                      hubs_live_hub_get_hub (self->hub), kind);
  locked = self->denied != NULL ||
           (self->hub != NULL && kind == HUBS_FIGURE_ACTUAL &&
            hubs_year_state_kind_is_locked (hubs_live_hub_get_year_state_kind (self->hub,
                                                                               year)));

  if (self->locked != locked)
    {
      self->locked = locked;
      g_clear_pointer (&self->error, g_free);
      g_clear_pointer (&self->shown, g_free);
      set_conflict (self, NULL, NULL);
      self->has_questioned = FALSE;
    }

  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !locked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, locked,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->lock), locked);
  gtk_widget_set_sensitive (self->confirmed_row, !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source), !locked);
  if (locked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hubs-locked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hubs-locked");

  show_figure (self);
}

static void
on_year_state_changed (HubsFigureRow *self,
                       int            fiscal_year)
{
  if (fiscal_year == hubs_live_figure_get_fiscal_year (self->figure))
    show_lock (self);
}

/**
 * hubs_figure_row_new:
 * @undo: the undo stack changes go through
 * @hub: (nullable): the live hub of @kpi, whose submitted years lock their actuals
 * @kpi: the live KPI
 * @figure: the live figure of @kpi the row edits
 *
 * Returns: (transfer full): a row to edit one figure, showing what is stored and following
 *   it
 */
GtkWidget *
hubs_figure_row_new (HubsUndoStack  *undo,
                     HubsLiveHub    *hub,
                     HubsLiveKpi    *kpi,
                     HubsLiveFigure *figure)
{
  HubsFigureRow *self;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (undo), NULL);
  g_return_val_if_fail (hub == NULL || HUBS_IS_LIVE_HUB (hub), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_KPI (kpi), NULL);
  g_return_val_if_fail (HUBS_IS_LIVE_FIGURE (figure), NULL);

  self = g_object_new (HUBS_TYPE_FIGURE_ROW, NULL);
  self->undo = g_object_ref (undo);
  self->hub = hub != NULL ? g_object_ref (hub) : NULL;
  self->kpi = g_object_ref (kpi);
  self->figure = g_object_ref (figure);

  g_signal_connect_swapped (figure, "notify::figure", G_CALLBACK (show_figure), self);
  g_signal_connect_swapped (kpi, "notify::unit", G_CALLBACK (show_unit), self);
  g_signal_connect_swapped (kpi, "notify::unit-en", G_CALLBACK (show_unit), self);
  g_signal_connect_swapped (kpi, "notify::name-ja", G_CALLBACK (show_names), self);
  g_signal_connect_swapped (kpi, "notify::name-en", G_CALLBACK (show_names), self);
  if (hub != NULL)
    g_signal_connect_swapped (hub, "year-state-changed", G_CALLBACK (on_year_state_changed),
                              self);

  set_conflict (self, NULL, NULL);
  show_unit (self);
  show_names (self);
  show_lock (self);

  return GTK_WIDGET (self);
}

/**
 * hubs_figure_row_get_entry:
 * @self: a #HubsFigureRow
 *
 * Returns: (transfer none): the field the value is typed in
 */
GtkEditable *
hubs_figure_row_get_entry (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * hubs_figure_row_has_unsaved_text:
 * @self: a #HubsFigureRow
 *
 * Returns: %TRUE when the field holds text typed since the stored figure was shown, saved
 *   or not (an unreadable value stays typed)
 */
gboolean
hubs_figure_row_has_unsaved_text (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), FALSE);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->shown) != 0;
}

/**
 * hubs_figure_row_discard_typed:
 * @self: a #HubsFigureRow
 *
 * Takes back what is typed and not saved (and the error it shows, if any): the field shows
 * the stored figure again.
 *
 * Returns: %TRUE when there was something typed to take back
 */
gboolean
hubs_figure_row_discard_typed (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), FALSE);

  if (!hubs_figure_row_has_unsaved_text (self) && self->error == NULL)
    return FALSE;

  g_clear_pointer (&self->error, g_free);
  set_conflict (self, NULL, NULL);
  g_clear_pointer (&self->shown, g_free);
  show_figure (self);

  return TRUE;
}

/**
 * hubs_figure_row_get_error:
 * @self: a #HubsFigureRow
 *
 * Returns: (nullable): the error shown on the field, if any
 */
const char *
hubs_figure_row_get_error (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), NULL);

  return self->error;
}

/**
 * hubs_figure_row_get_locked:
 * @self: a #HubsFigureRow
 *
 * Returns: %TRUE while the figure is an actual of a submitted or accepted year, which the
 *   field does not let anyone type into
 */
gboolean
hubs_figure_row_get_locked (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), FALSE);

  return self->locked;
}

int
hubs_figure_row_get_fiscal_year (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), 0);

  return hubs_live_figure_get_fiscal_year (self->figure);
}

HubsFigureKind
hubs_figure_row_get_kind (HubsFigureRow *self)
{
  g_return_val_if_fail (HUBS_IS_FIGURE_ROW (self), HUBS_FIGURE_ACTUAL);

  return hubs_live_figure_get_kind (self->figure);
}
