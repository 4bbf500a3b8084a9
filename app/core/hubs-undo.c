/* hubs-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change a user makes goes through here: it is applied to the store and remembered,
 * so Ctrl+Z and Ctrl+Shift+Z can take it back and bring it again. Each step, done or undone,
 * is one transaction of the store and lands in its history like any other change.
 */

#define G_LOG_DOMAIN "hubs-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-format.h"
#include "hubs-i18n.h"
#include "hubs-undo.h"

typedef enum
{
  COMMAND_FIGURE,
  COMMAND_SAVE_KPI,
  COMMAND_DELETE_KPI,
  COMMAND_MOVE_KPI,
  COMMAND_SAVE_HUB,
  COMMAND_DELETE_HUB,
  COMMAND_EXPLANATION,
} CommandKind;

typedef struct
{
  CommandKind     kind;
  /* COMMAND_FIGURE: the figure's key, and the figure before and after (NULL: none). */
  char           *kpi_id;
  int             fiscal_year;
  HubsFigureKind  figure_kind;
  HubsFigure     *figure_before;
  HubsFigure     *figure_after;
  /* COMMAND_SAVE_KPI (kpi_before NULL when added) and COMMAND_DELETE_KPI. */
  HubsKpi        *kpi_before;
  HubsKpi        *kpi_after;
  GPtrArray      *figures;
  /* COMMAND_MOVE_KPI */
  int             delta;
  /* COMMAND_SAVE_HUB (hub_before NULL when added) and COMMAND_DELETE_HUB, which keeps the
   * hub's KPIs in kpis, their figures in figures and its phase-1 results. */
  HubsHub        *hub_before;
  HubsHub        *hub_after;
  GPtrArray      *kpis;
  GPtrArray      *phase1_results;
  /* COMMAND_EXPLANATION: the KPI's explanation of fiscal_year before and after. */
  HubsExplanation *explanation_before;
  HubsExplanation *explanation_after;
} Command;

struct _HubsUndoStack
{
  GObject    parent_instance;

  /* Owned references */
  HubsStore *store;
  GQueue     undo;
  GQueue     redo;
};

G_DEFINE_FINAL_TYPE (HubsUndoStack, hubs_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  g_free (command->kpi_id);
  g_clear_pointer (&command->figure_before, hubs_figure_free);
  g_clear_pointer (&command->figure_after, hubs_figure_free);
  g_clear_pointer (&command->kpi_before, hubs_kpi_free);
  g_clear_pointer (&command->kpi_after, hubs_kpi_free);
  g_clear_pointer (&command->figures, g_ptr_array_unref);
  g_clear_pointer (&command->hub_before, hubs_hub_free);
  g_clear_pointer (&command->hub_after, hubs_hub_free);
  g_clear_pointer (&command->kpis, g_ptr_array_unref);
  g_clear_pointer (&command->phase1_results, g_ptr_array_unref);
  g_clear_pointer (&command->explanation_before, hubs_explanation_free);
  g_clear_pointer (&command->explanation_after, hubs_explanation_free);
  g_free (command);
}

static void
notify_state (HubsUndoStack *self,
              gboolean       could_undo,
              gboolean       could_redo)
{
  if (could_undo != hubs_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != hubs_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A new change forgets what could be redone. */
static void
push (HubsUndoStack *self,
      Command       *command)
{
  gboolean could_undo = hubs_undo_stack_get_can_undo (self);
  gboolean could_redo = hubs_undo_stack_get_can_redo (self);

  g_queue_clear_full (&self->redo, (GDestroyNotify) command_free);
  g_queue_push_head (&self->undo, command);
  notify_state (self, could_undo, could_redo);
}

/* Writes the figure one way or the other, only where the store still holds what the other
 * side of the command left: an undo never overwrites what someone changed meanwhile. */
static gboolean
apply_figure (HubsStore         *store,
              Command           *command,
              gboolean           forward,
              GError           **error)
{
  const HubsFigure *from = forward ? command->figure_before : command->figure_after;
  const HubsFigure *to = forward ? command->figure_after : command->figure_before;

  return hubs_store_replace_figure (store, command->kpi_id, command->fiscal_year,
                                    command->figure_kind, from, to, error);
}

/* Runs @command forwards (@forward) or backwards against the store. */
static gboolean
run (HubsUndoStack  *self,
     Command        *command,
     gboolean        forward,
     GError        **error)
{
  switch (command->kind)
    {
    case COMMAND_FIGURE:
      return apply_figure (self->store, command, forward, error);

    case COMMAND_SAVE_KPI:
      if (forward)
        {
          if (command->kpi_before == NULL && command->figures != NULL)
            return hubs_store_restore_kpi (self->store, command->kpi_after, command->figures,
                                           error);
          return hubs_store_save_kpi (self->store, command->kpi_after, error);
        }
      if (command->kpi_before == NULL)
        {
          /* Undoing an added KPI deletes it; keep what it held for a redo. */
          g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (self->store, command->kpi_id, error);
          g_autoptr(GPtrArray) figures = NULL;

          if (kpi == NULL ||
              !(figures = hubs_store_list_figures (self->store, command->kpi_id, error)))
            return FALSE;
          g_clear_pointer (&command->kpi_after, hubs_kpi_free);
          command->kpi_after = g_steal_pointer (&kpi);
          g_clear_pointer (&command->figures, g_ptr_array_unref);
          command->figures = g_steal_pointer (&figures);
          return hubs_store_delete_kpi (self->store, command->kpi_id, error);
        }
      return hubs_store_save_kpi (self->store, command->kpi_before, error);

    case COMMAND_DELETE_KPI:
      if (forward)
        return hubs_store_delete_kpi (self->store, command->kpi_id, error);
      return hubs_store_restore_kpi (self->store, command->kpi_before, command->figures, error);

    case COMMAND_MOVE_KPI:
      return hubs_store_move_kpi (self->store, command->kpi_id,
                                  forward ? command->delta : -command->delta, error);

    case COMMAND_SAVE_HUB:
      if (forward)
        return hubs_store_save_hub (self->store, command->hub_after, error);
      if (command->hub_before == NULL)
        return hubs_store_delete_hub (self->store, command->hub_after->id, error);
      return hubs_store_save_hub (self->store, command->hub_before, error);

    case COMMAND_DELETE_HUB:
      if (forward)
        return hubs_store_delete_hub (self->store, command->hub_before->id, error);
      return hubs_store_restore_hub (self->store, command->hub_before, command->kpis,
                                     command->figures, command->phase1_results, error);

    case COMMAND_EXPLANATION:
      return hubs_store_set_explanation (self->store,
                                         forward ? command->explanation_after
                                                 : command->explanation_before,
                                         error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
step (HubsUndoStack  *self,
      GQueue         *from,
      GQueue         *to,
      gboolean        forward,
      GError        **error)
{
  gboolean could_undo = hubs_undo_stack_get_can_undo (self);
  gboolean could_redo = hubs_undo_stack_get_can_redo (self);
  Command *command = g_queue_peek_head (from);

  if (command == NULL)
    return TRUE;

  /* On failure the command stays where it was, so the user can try again. */
  if (!run (self, command, forward, error))
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_state (self, could_undo, could_redo);

  return TRUE;
}

static void
hubs_undo_stack_finalize (GObject *object)
{
  HubsUndoStack *self = (HubsUndoStack *)object;

  g_queue_clear_full (&self->undo, (GDestroyNotify) command_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) command_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hubs_undo_stack_parent_class)->finalize (object);
}

static void
hubs_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubsUndoStack *self = HUBS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hubs_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, hubs_undo_stack_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hubs_undo_stack_class_init (HubsUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hubs_undo_stack_finalize;
  object_class->get_property = hubs_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hubs_undo_stack_init (HubsUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * hubs_undo_stack_new:
 * @store: the store the changes go to
 *
 * Returns: (transfer full): an empty undo stack
 */
HubsUndoStack *
hubs_undo_stack_new (HubsStore *store)
{
  HubsUndoStack *self;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self = g_object_new (HUBS_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);

  return self;
}

/**
 * hubs_undo_stack_get_can_undo:
 * @self: a #HubsUndoStack
 *
 * Returns: %TRUE when there is a change to undo
 */
gboolean
hubs_undo_stack_get_can_undo (HubsUndoStack *self)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

/**
 * hubs_undo_stack_get_can_redo:
 * @self: a #HubsUndoStack
 *
 * Returns: %TRUE when there is an undone change to bring back
 */
gboolean
hubs_undo_stack_get_can_redo (HubsUndoStack *self)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/**
 * hubs_undo_stack_set_figure:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @before: (nullable): the figure as the user saw it, %NULL for none
 * @figure: (nullable): the new figure, or %NULL to remove the figure
 * @error: a location for a #GError
 *
 * Stores a figure (or removes it) and remembers the change. The caller has already found
 * that @figure differs from @before; the store checks, in the same transaction as the write,
 * that it still holds @before (see hubs_store_replace_figure()).
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_set_figure (HubsUndoStack     *self,
                            const char        *kpi_id,
                            int                fiscal_year,
                            HubsFigureKind     kind,
                            const HubsFigure  *before,
                            const HubsFigure  *figure,
                            GError           **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_FIGURE;
  command->kpi_id = g_strdup (kpi_id);
  command->fiscal_year = fiscal_year;
  command->figure_kind = kind;
  command->figure_before = before ? hubs_figure_copy (before) : NULL;
  command->figure_after = figure ? hubs_figure_copy (figure) : NULL;

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_save_figure_over:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @theirs: the other person's change the save met (hubs_store_read_figure_conflict())
 * @figure: (nullable): the new figure, or %NULL to remove the figure
 * @error: a location for a #GError
 *
 * Saves anyway over another person's change (see hubs_store_save_figure_over()) and
 * remembers it as a change from their figure: undoing it brings theirs back, only while the
 * store still holds this one.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_save_figure_over (HubsUndoStack            *self,
                                  const char               *kpi_id,
                                  int                       fiscal_year,
                                  HubsFigureKind            kind,
                                  const HubsFigureConflict *theirs,
                                  const HubsFigure         *figure,
                                  GError                  **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);
  g_return_val_if_fail (theirs != NULL, FALSE);

  if (!hubs_store_save_figure_over (self->store, kpi_id, fiscal_year, kind, theirs, figure,
                                    error))
    return FALSE;

  command = g_new0 (Command, 1);
  command->kind = COMMAND_FIGURE;
  command->kpi_id = g_strdup (kpi_id);
  command->fiscal_year = fiscal_year;
  command->figure_kind = kind;
  command->figure_before = theirs->figure ? hubs_figure_copy (theirs->figure) : NULL;
  command->figure_after = figure ? hubs_figure_copy (figure) : NULL;
  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_set_explanation:
 * @self: a #HubsUndoStack
 * @before: the explanation as the user saw it (empty when there was none)
 * @explanation: the new explanation of the same KPI and fiscal year
 * @error: a location for a #GError
 *
 * Stores a KPI's 要因分析 and 今後の対応 for a year (see hubs_store_set_explanation()) and
 * remembers the change.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_set_explanation (HubsUndoStack          *self,
                                 const HubsExplanation  *before,
                                 const HubsExplanation  *explanation,
                                 GError                **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  g_return_val_if_fail (explanation != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (before->kpi_id, explanation->kpi_id) == 0, FALSE);
  g_return_val_if_fail (before->fiscal_year == explanation->fiscal_year, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_EXPLANATION;
  command->kpi_id = g_strdup (explanation->kpi_id);
  command->fiscal_year = explanation->fiscal_year;
  command->explanation_before = hubs_explanation_copy (before);
  command->explanation_after = hubs_explanation_copy (explanation);

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_save_kpi:
 * @self: a #HubsUndoStack
 * @before: (nullable): the KPI as the user saw it, %NULL when @kpi is added
 * @kpi: the KPI's fields
 * @error: a location for a #GError
 *
 * Adds or updates a KPI (see hubs_store_save_kpi()) and remembers the change.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_save_kpi (HubsUndoStack  *self,
                          const HubsKpi  *before,
                          const HubsKpi  *kpi,
                          GError        **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi != NULL && kpi->id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SAVE_KPI;
  command->kpi_id = g_strdup (kpi->id);
  command->kpi_before = before ? hubs_kpi_copy (before) : NULL;
  command->kpi_after = hubs_kpi_copy (kpi);

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_delete_kpi:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @error: a location for a #GError
 *
 * Deletes a KPI with its figures and remembers all of it, so an undo brings it back whole.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_delete_kpi (HubsUndoStack  *self,
                            const char     *kpi_id,
                            GError        **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_DELETE_KPI;
  command->kpi_id = g_strdup (kpi_id);

  if (!(command->kpi_before = hubs_store_get_kpi (self->store, kpi_id, error)) ||
      !(command->figures = hubs_store_list_figures (self->store, kpi_id, error)) ||
      !run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_move_kpi:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @delta: -1 for up, 1 for down
 * @error: a location for a #GError
 *
 * Moves a KPI one place within its hub and remembers it.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_move_kpi (HubsUndoStack  *self,
                          const char     *kpi_id,
                          int             delta,
                          GError        **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_MOVE_KPI;
  command->kpi_id = g_strdup (kpi_id);
  command->delta = delta;

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_save_hub:
 * @self: a #HubsUndoStack
 * @before: (nullable): the hub as the user saw it, %NULL when @hub is added
 * @hub: the hub's fields
 * @error: a location for a #GError
 *
 * Adds or updates a hub (see hubs_store_save_hub()) and remembers the change: undoing an
 * added hub deletes it again.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_save_hub (HubsUndoStack  *self,
                          const HubsHub  *before,
                          const HubsHub  *hub,
                          GError        **error)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (hub != NULL && hub->id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SAVE_HUB;
  command->hub_before = before ? hubs_hub_copy (before) : NULL;
  command->hub_after = hubs_hub_copy (hub);

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

static int
parents_first (gconstpointer a,
               gconstpointer b)
{
  const HubsKpi *ka = *(const HubsKpi * const *) a;
  const HubsKpi *kb = *(const HubsKpi * const *) b;

  if ((ka->parent_id == NULL) != (kb->parent_id == NULL))
    return ka->parent_id == NULL ? -1 : 1;

  return ka->sort_order - kb->sort_order;
}

/**
 * hubs_undo_stack_delete_hub:
 * @self: a #HubsUndoStack
 * @hub_id: the hub
 * @error: a location for a #GError
 *
 * Deletes a hub with everything it holds and remembers all of it, so an undo brings it
 * back whole.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_undo_stack_delete_hub (HubsUndoStack  *self,
                            const char     *hub_id,
                            GError        **error)
{
  g_autoptr(GHashTable) figures = NULL;
  Command *command;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_DELETE_HUB;

  if (!(command->hub_before = hubs_store_get_hub (self->store, hub_id, error)) ||
      !(command->kpis = hubs_store_list_kpis (self->store, hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (self->store, hub_id, error)) ||
      !(command->phase1_results = hubs_store_list_phase1_results (self->store, hub_id, error)))
    {
      command_free (command);
      return FALSE;
    }

  /* A breakdown goes back after the KPI it breaks down. */
  g_ptr_array_sort (command->kpis, parents_first);
  command->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *kpi_figures = value;

      for (guint i = 0; i < kpi_figures->len; i++)
        g_ptr_array_add (command->figures, hubs_figure_copy (g_ptr_array_index (kpi_figures, i)));
    }

  if (!run (self, command, TRUE, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);

  return TRUE;
}

/**
 * hubs_undo_stack_get_store:
 * @self: a #HubsUndoStack
 *
 * Returns: (transfer none): the store the changes go to
 */
HubsStore *
hubs_undo_stack_get_store (HubsUndoStack *self)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), NULL);

  return self->store;
}

static char *
describe_figure_value (const HubsFigure *figure,
                       const char       *unit,
                       HubsLanguage      language)
{
  if (figure == NULL)
    return g_strdup (_("no figure"));
  if (!figure->measured)
    return g_strdup (_("not measured"));
  return hubs_format_value (figure->value, unit, language);
}

/* The KPI's name in the interface's language, from @kpi or else from the store. */
static char *
kpi_name (HubsUndoStack *self,
          const HubsKpi *kpi,
          const char    *kpi_id)
{
  g_autoptr(HubsKpi) stored = NULL;

  if (kpi == NULL && kpi_id != NULL)
    kpi = stored = hubs_store_get_kpi (self->store, kpi_id, NULL);
  if (kpi == NULL)
    return g_strdup (kpi_id);

  return g_strdup (hubs_i18n_pick (kpi->name_ja, kpi->name_en));
}

static char *
describe_command (HubsUndoStack *self,
                  Command       *command)
{
  HubsLanguage language = hubs_language_current ();

  switch (command->kind)
    {
    case COMMAND_FIGURE:
      {
        g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (self->store, command->kpi_id, NULL);
        g_autofree char *name = kpi_name (self, kpi, command->kpi_id);
        g_autofree char *year = hubs_format_fiscal_year (command->fiscal_year, language);
        const char *unit = kpi ? kpi->unit : NULL;
        g_autofree char *before = describe_figure_value (command->figure_before, unit, language);
        g_autofree char *after = describe_figure_value (command->figure_after, unit, language);

        /* A change of the note, the source or 速報/確定 only. */
        if (g_strcmp0 (before, after) == 0)
          /* Translators: an undo step: the fiscal year, the kind (e.g. “actual”), then the
           * KPI; what changed comes first, as a toast may cut off its end */
          return g_strdup_printf (_("%2$s %3$s details · %1$s"), name, year,
                                  hubs_figure_kind_get_label (command->figure_kind));

        /* Translators: an undo step: the value before → the value after, the fiscal year and
         * the kind (e.g. “actual”), then the KPI; what changed comes first, as a toast may
         * cut off its end */
        return g_strdup_printf (_("%4$s → %5$s, %2$s %3$s · %1$s"), name, year,
                                hubs_figure_kind_get_label (command->figure_kind),
                                before, after);
      }

    case COMMAND_SAVE_KPI:
      {
        g_autofree char *name = kpi_name (self, command->kpi_after, command->kpi_id);

        if (command->kpi_before == NULL)
          /* Translators: an undo step */
          return g_strdup_printf (_("adding the KPI “%s”"), name);
        /* Translators: an undo step */
        return g_strdup_printf (_("the changes to the KPI “%s”"), name);
      }

    case COMMAND_DELETE_KPI:
      {
        g_autofree char *name = kpi_name (self, command->kpi_before, command->kpi_id);

        /* Translators: an undo step */
        return g_strdup_printf (_("deleting the KPI “%s”"), name);
      }

    case COMMAND_MOVE_KPI:
      {
        g_autofree char *name = kpi_name (self, NULL, command->kpi_id);

        /* Translators: an undo step */
        return g_strdup_printf (_("moving the KPI “%s”"), name);
      }

    case COMMAND_SAVE_HUB:
      {
        const HubsHub *hub = command->hub_after;
        const char *name = hubs_i18n_pick (hub->name_ja, hub->name_en);

        if (command->hub_before == NULL)
          /* Translators: an undo step */
          return g_strdup_printf (_("adding the hub city “%s”"), name);
        /* Translators: an undo step */
        return g_strdup_printf (_("the changes to the hub city “%s”"), name);
      }

    case COMMAND_DELETE_HUB:
      {
        const HubsHub *hub = command->hub_before;

        /* Translators: an undo step */
        return g_strdup_printf (_("deleting the hub city “%s”"),
                                hubs_i18n_pick (hub->name_ja, hub->name_en));
      }

    case COMMAND_EXPLANATION:
      {
        g_autoptr(HubsKpi) kpi = hubs_store_get_kpi (self->store, command->kpi_id, NULL);
        g_autofree char *name = kpi_name (self, kpi, command->kpi_id);
        g_autofree char *year = hubs_format_fiscal_year (command->fiscal_year, language);

        /* Translators: an undo step: the fiscal year, then the KPI whose 要因分析 and 今後の対応
         * changed; what changed comes first, as a toast may cut off its end */
        return g_strdup_printf (_("%2$s explanation · %1$s"), name, year);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hubs_undo_stack_describe_next:
 * @self: a #HubsUndoStack
 * @redo: %TRUE for the step a redo would run, %FALSE for the one an undo would
 *
 * Says in words what the next undo (or redo) takes back (or brings again): for a figure,
 * the KPI, the fiscal year, the kind and the value before → after, e.g. “起業数, FY2025
 * actual: 160 companies → 171 companies”. Called after an undo with @redo %TRUE, it says
 * what was just undone.
 *
 * Returns: (transfer full) (nullable): the description, or %NULL when there is no such step
 */
char *
hubs_undo_stack_describe_next (HubsUndoStack *self,
                               gboolean       redo)
{
  Command *command;

  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), NULL);

  command = g_queue_peek_head (redo ? &self->redo : &self->undo);

  return command != NULL ? describe_command (self, command) : NULL;
}

/**
 * hubs_undo_stack_undo:
 * @self: a #HubsUndoStack
 * @error: a location for a #GError
 *
 * Takes back the last change, if any.
 *
 * Returns: %TRUE on success, also when there was nothing to undo
 */
gboolean
hubs_undo_stack_undo (HubsUndoStack  *self,
                      GError        **error)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return step (self, &self->undo, &self->redo, FALSE, error);
}

/**
 * hubs_undo_stack_redo:
 * @self: a #HubsUndoStack
 * @error: a location for a #GError
 *
 * Brings back the last undone change, if any.
 *
 * Returns: %TRUE on success, also when there was nothing to redo
 */
gboolean
hubs_undo_stack_redo (HubsUndoStack  *self,
                      GError        **error)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return step (self, &self->redo, &self->undo, TRUE, error);
}
