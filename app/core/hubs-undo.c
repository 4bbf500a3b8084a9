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
#include "hubs-store-conflict.h"
#include "hubs-store-writer.h"
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
  /* COMMAND_DELETE_HUB: the hub. */
  char           *hub_id;
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

  /* State */
  /* Steps the store's writer has not ended yet: nothing is undone or redone meanwhile. */
  guint      busy;
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
  g_free (command->hub_id);
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

/* Writes the explanation one way or the other, as apply_figure() does a figure: only over
 * what the other side of the command left (see hubs_store_replace_explanation()). */
static gboolean
apply_explanation (HubsStore  *store,
                   Command    *command,
                   gboolean    forward,
                   GError    **error)
{
  return hubs_store_replace_explanation (store,
                                         forward ? command->explanation_before
                                                 : command->explanation_after,
                                         forward ? command->explanation_after
                                                 : command->explanation_before,
                                         error);
}

/* How many times an added KPI or hub is named again when someone else took its id first. */
#define ADD_TRIES 5

/* After the @tries-th add met @local_error: whether it is tried again under a new id (its id
 * was taken meanwhile, and tries are left); else @local_error goes to @error. */
static gboolean
try_another_id (guint    tries,
                GError **local_error,
                GError **error)
{
  if (tries < ADD_TRIES &&
      g_error_matches (*local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT))
    {
      g_clear_error (local_error);
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* Adds the KPI the command adds. It gets its id when it is written, on the writer's side of
 * the network; when someone else takes the same id meanwhile, it gets the next. */
static gboolean
add_kpi (HubsStore  *store,
         Command    *command,
         GError    **error)
{
  HubsKpi *kpi = command->kpi_after;

  for (guint tries = 1; ; tries++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!(kpi->id = hubs_store_new_kpi_id (store, kpi->hub_id, error)))
        return FALSE;
      if (hubs_store_replace_kpi (store, NULL, kpi, &local_error))
        break;
      g_clear_pointer (&kpi->id, g_free);
      if (!try_another_id (tries, &local_error, error))
        return FALSE;
    }

  g_free (command->kpi_id);
  command->kpi_id = g_strdup (kpi->id);

  return TRUE;
}

/* Adds the hub the command adds, as add_kpi() does a KPI, its id made from its English
 * name. */
static gboolean
add_hub (HubsStore  *store,
         Command    *command,
         GError    **error)
{
  HubsHub *hub = command->hub_after;

  for (guint tries = 1; ; tries++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!(hub->id = hubs_store_new_hub_id (store, hub->name_en, error)))
        return FALSE;
      if (hubs_store_replace_hub (store, NULL, hub, &local_error))
        return TRUE;
      g_clear_pointer (&hub->id, g_free);
      if (!try_another_id (tries, &local_error, error))
        return FALSE;
    }
}

/* Reads a KPI about to be deleted, with its figures, into @kpi and the command, so an undo
 * (or a redo) brings it back whole. It is read in the same job as the delete, on the
 * writer's side of the network, so it keeps what is deleted then. */
static gboolean
keep_kpi (HubsStore  *store,
          Command    *command,
          HubsKpi   **kpi,
          GError    **error)
{
  g_autoptr(HubsKpi) stored = NULL;
  g_autoptr(GPtrArray) figures = NULL;

  if (!(stored = hubs_store_get_kpi (store, command->kpi_id, error)) ||
      !(figures = hubs_store_list_figures (store, command->kpi_id, error)))
    return FALSE;

  g_clear_pointer (kpi, hubs_kpi_free);
  *kpi = g_steal_pointer (&stored);
  g_clear_pointer (&command->figures, g_ptr_array_unref);
  command->figures = g_steal_pointer (&figures);

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

/* Reads the hub about to be deleted with everything it holds, as keep_kpi() does. */
static gboolean
keep_hub (HubsStore  *store,
          Command    *command,
          GError    **error)
{
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(GPtrArray) phase1_results = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!(hub = hubs_store_get_hub (store, command->hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (store, command->hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (store, command->hub_id, error)) ||
      !(phase1_results = hubs_store_list_phase1_results (store, command->hub_id, error)))
    return FALSE;

  /* A breakdown goes back after the KPI it breaks down. */
  g_ptr_array_sort (kpis, parents_first);

  g_clear_pointer (&command->hub_before, hubs_hub_free);
  command->hub_before = g_steal_pointer (&hub);
  g_clear_pointer (&command->kpis, g_ptr_array_unref);
  command->kpis = g_steal_pointer (&kpis);
  g_clear_pointer (&command->phase1_results, g_ptr_array_unref);
  command->phase1_results = g_steal_pointer (&phase1_results);
  g_clear_pointer (&command->figures, g_ptr_array_unref);
  command->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *kpi_figures = value;

      for (guint i = 0; i < kpi_figures->len; i++)
        g_ptr_array_add (command->figures, hubs_figure_copy (g_ptr_array_index (kpi_figures, i)));
    }

  return TRUE;
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
          if (command->kpi_after->id == NULL)
            return add_kpi (self->store, command, error);
          return hubs_store_replace_kpi (self->store, command->kpi_before, command->kpi_after,
                                         error);
        }
      if (command->kpi_before == NULL)
        {
          /* Undoing an added KPI deletes it; keep what it held for a redo. */
          return keep_kpi (self->store, command, &command->kpi_after, error) &&
                 hubs_store_delete_kpi (self->store, command->kpi_id, error);
        }
      return hubs_store_replace_kpi (self->store, command->kpi_after, command->kpi_before,
                                     error);

    case COMMAND_DELETE_KPI:
      if (forward)
        return keep_kpi (self->store, command, &command->kpi_before, error) &&
               hubs_store_delete_kpi (self->store, command->kpi_id, error);
      return hubs_store_restore_kpi (self->store, command->kpi_before, command->figures, error);

    case COMMAND_MOVE_KPI:
      return hubs_store_move_kpi (self->store, command->kpi_id,
                                  forward ? command->delta : -command->delta, error);

    case COMMAND_SAVE_HUB:
      if (forward)
        {
          if (command->hub_after->id == NULL)
            return add_hub (self->store, command, error);
          return hubs_store_replace_hub (self->store, command->hub_before, command->hub_after,
                                         error);
        }
      if (command->hub_before == NULL)
        return hubs_store_delete_hub (self->store, command->hub_after->id, error);
      return hubs_store_replace_hub (self->store, command->hub_after, command->hub_before,
                                     error);

    case COMMAND_DELETE_HUB:
      if (forward)
        return keep_hub (self->store, command, error) &&
               hubs_store_delete_hub (self->store, command->hub_id, error);
      return hubs_store_restore_hub (self->store, command->hub_before, command->kpis,
                                     command->figures, command->phase1_results, error);

    case COMMAND_EXPLANATION:
      return apply_explanation (self->store, command, forward, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* How a command meets the store: done as a new change (or saved over someone's), undone,
 * or done again. */
typedef enum
{
  STEP_DO,
  STEP_SAVE_OVER,
  STEP_UNDO,
  STEP_REDO,
} StepKind;

typedef struct
{
  HubsUndoStack      *self;
  Command            *command;
  StepKind            kind;
  /* STEP_SAVE_OVER: the other person's change the save met. */
  HubsFigureConflict *theirs;
  HubsUndoDone        done;
  /* Or, for an added KPI or hub, told its id. */
  HubsUndoAdded       added;
  gpointer            user_data;
} Step;

static void
step_free (Step *step)
{
  g_clear_pointer (&step->command, command_free);
  g_clear_pointer (&step->theirs, hubs_figure_conflict_free);
  g_object_unref (step->self);
  g_free (step);
}

/* The write itself: in the store's writer thread on a shared database, so it touches
 * nothing of the stack's but the command it was given. */
static gboolean
step_write (HubsStore  *store,
            gpointer    data,
            GError    **error)
{
  Step *step = data;
  Command *command = step->command;

  switch (step->kind)
    {
    case STEP_SAVE_OVER:
      return hubs_store_save_figure_over (store, command->kpi_id, command->fiscal_year,
                                          command->figure_kind, step->theirs,
                                          command->figure_after, error);
    case STEP_UNDO:
      return run (step->self, command, FALSE, error);
    case STEP_DO:
    case STEP_REDO:
    default:
      return run (step->self, command, TRUE, error);
    }
}

/* Takes the command of an undo or a redo off its queue while the store runs it. */
static Step *
step_new (HubsUndoStack *self,
          Command       *command,
          StepKind       kind,
          HubsUndoDone   done,
          gpointer       user_data)
{
  gboolean could_undo = hubs_undo_stack_get_can_undo (self);
  gboolean could_redo = hubs_undo_stack_get_can_redo (self);
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->command = command;
  step->kind = kind;
  step->done = done;
  step->user_data = user_data;
  if (kind == STEP_UNDO)
    g_queue_pop_head (&self->undo);
  else if (kind == STEP_REDO)
    g_queue_pop_head (&self->redo);
  self->busy++;
  notify_state (self, could_undo, could_redo);

  return step;
}

/* Puts the command where the step leaves it: a new change forgets what could be redone; a
 * failed undo or redo stays where it was, so the user can try again. */
static void
step_settle (Step         *step,
             const GError *error)
{
  HubsUndoStack *self = step->self;
  gboolean could_undo = hubs_undo_stack_get_can_undo (self);
  gboolean could_redo = hubs_undo_stack_get_can_redo (self);
  Command *command = g_steal_pointer (&step->command);
  g_autofree char *added_id = NULL;

  g_assert (self->busy > 0);
  if (step->added != NULL && error == NULL)
    added_id = g_strdup (command->kind == COMMAND_SAVE_HUB ? command->hub_after->id
                                                           : command->kpi_id);
  self->busy--;

  switch (step->kind)
    {
    case STEP_DO:
    case STEP_SAVE_OVER:
      if (error != NULL)
        command_free (command);
      else
        {
          g_queue_clear_full (&self->redo, (GDestroyNotify) command_free);
          g_queue_push_head (&self->undo, command);
        }
      break;
    case STEP_UNDO:
      g_queue_push_head (error != NULL ? &self->undo : &self->redo, command);
      break;
    case STEP_REDO:
    default:
      g_queue_push_head (error != NULL ? &self->redo : &self->undo, command);
      break;
    }

  notify_state (self, could_undo, could_redo);

  if (step->done != NULL)
    step->done (self, error, step->user_data);
  if (step->added != NULL)
    step->added (self, added_id, error, step->user_data);
}

static void
on_step_written (HubsStore    *store,
                 gpointer      data,
                 const GError *error,
                 gpointer      user_data)
{
  step_settle (data, error);
}

/* Runs @command against the store now, on this thread, and keeps it on success. */
static gboolean
perform (HubsUndoStack       *self,
         Command             *command,
         StepKind             kind,
         HubsFigureConflict  *theirs,
         GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  Step *step;

  if (command == NULL)
    return TRUE;

  step = step_new (self, command, kind, NULL, NULL);
  step->theirs = theirs;
  step_write (self->store, step, &local_error);
  step_settle (step, local_error);
  step_free (step);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Runs @command through the store's writer (see hubs_store_write()) and calls @done. */
static void
perform_async (HubsUndoStack      *self,
               Command            *command,
               StepKind            kind,
               HubsFigureConflict *theirs,
               HubsUndoDone        done,
               gpointer            user_data)
{
  Step *step;

  if (command == NULL)
    {
      if (done != NULL)
        done (self, NULL, user_data);
      return;
    }

  step = step_new (self, command, kind, done, user_data);
  step->theirs = theirs;
  hubs_store_write (self->store, step_write, step, (GDestroyNotify) step_free,
                    on_step_written, NULL);
}

/* Like perform_async() for a KPI or a hub being added, whose id @done is told. */
static void
perform_added_async (HubsUndoStack *self,
                     Command       *command,
                     HubsUndoAdded  done,
                     gpointer       user_data)
{
  Step *step = step_new (self, command, STEP_DO, NULL, user_data);

  step->added = done;
  hubs_store_write (self->store, step_write, step, (GDestroyNotify) step_free,
                    on_step_written, NULL);
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
 * Returns: %TRUE when there is a change to undo, and no change is still being saved
 */
gboolean
hubs_undo_stack_get_can_undo (HubsUndoStack *self)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return self->busy == 0 && !g_queue_is_empty (&self->undo);
}

/**
 * hubs_undo_stack_get_can_redo:
 * @self: a #HubsUndoStack
 *
 * Returns: %TRUE when there is an undone change to bring back, and no change is still
 *   being saved
 */
gboolean
hubs_undo_stack_get_can_redo (HubsUndoStack *self)
{
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);

  return self->busy == 0 && !g_queue_is_empty (&self->redo);
}

static Command *
figure_command (const char       *kpi_id,
                int               fiscal_year,
                HubsFigureKind    kind,
                const HubsFigure *before,
                const HubsFigure *figure)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_FIGURE;
  command->kpi_id = g_strdup (kpi_id);
  command->fiscal_year = fiscal_year;
  command->figure_kind = kind;
  command->figure_before = before ? hubs_figure_copy (before) : NULL;
  command->figure_after = figure ? hubs_figure_copy (figure) : NULL;

  return command;
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return perform (self, figure_command (kpi_id, fiscal_year, kind, before, figure), STEP_DO,
                  NULL, error);
}

/**
 * hubs_undo_stack_set_figure_async:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @before: (nullable): the figure as the user saw it, %NULL for none
 * @figure: (nullable): the new figure, or %NULL to remove the figure
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_set_figure(), through the store's writer (see hubs_store_write()):
 * on a shared database @done is called from the main loop once the figure is saved or
 * refused, on a file before this returns.
 */
void
hubs_undo_stack_set_figure_async (HubsUndoStack    *self,
                                  const char       *kpi_id,
                                  int               fiscal_year,
                                  HubsFigureKind    kind,
                                  const HubsFigure *before,
                                  const HubsFigure *figure,
                                  HubsUndoDone      done,
                                  gpointer          user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (kpi_id != NULL);

  perform_async (self, figure_command (kpi_id, fiscal_year, kind, before, figure), STEP_DO,
                 NULL, done, user_data);
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);
  g_return_val_if_fail (theirs != NULL, FALSE);

  return perform (self, figure_command (kpi_id, fiscal_year, kind, theirs->figure, figure),
                  STEP_SAVE_OVER, hubs_figure_conflict_copy (theirs), error);
}

/**
 * hubs_undo_stack_save_figure_over_async:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @theirs: the other person's change the save met (hubs_store_read_figure_conflict())
 * @figure: (nullable): the new figure, or %NULL to remove the figure
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_save_figure_over(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_save_figure_over_async (HubsUndoStack            *self,
                                        const char               *kpi_id,
                                        int                       fiscal_year,
                                        HubsFigureKind            kind,
                                        const HubsFigureConflict *theirs,
                                        const HubsFigure         *figure,
                                        HubsUndoDone              done,
                                        gpointer                  user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (kpi_id != NULL);
  g_return_if_fail (theirs != NULL);

  perform_async (self, figure_command (kpi_id, fiscal_year, kind, theirs->figure, figure),
                 STEP_SAVE_OVER, hubs_figure_conflict_copy (theirs), done, user_data);
}

static Command *
explanation_command (const HubsExplanation *before,
                     const HubsExplanation *explanation)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_EXPLANATION;
  command->kpi_id = g_strdup (explanation->kpi_id);
  command->fiscal_year = explanation->fiscal_year;
  command->explanation_before = hubs_explanation_copy (before);
  command->explanation_after = hubs_explanation_copy (explanation);

  return command;
}

#define EXPLANATIONS_MATCH(before, explanation) \
  ((before) != NULL && (explanation) != NULL && \
   g_strcmp0 ((before)->kpi_id, (explanation)->kpi_id) == 0 && \
   (before)->fiscal_year == (explanation)->fiscal_year)

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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (EXPLANATIONS_MATCH (before, explanation), FALSE);

  return perform (self, explanation_command (before, explanation), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_set_explanation_async:
 * @self: a #HubsUndoStack
 * @before: the explanation as the user saw it (empty when there was none)
 * @explanation: the new explanation of the same KPI and fiscal year
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_set_explanation(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_set_explanation_async (HubsUndoStack         *self,
                                       const HubsExplanation *before,
                                       const HubsExplanation *explanation,
                                       HubsUndoDone           done,
                                       gpointer               user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (EXPLANATIONS_MATCH (before, explanation));

  perform_async (self, explanation_command (before, explanation), STEP_DO, NULL, done,
                 user_data);
}

static Command *
kpi_command (const HubsKpi *before,
             const HubsKpi *kpi)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_SAVE_KPI;
  command->kpi_id = g_strdup (kpi->id);
  command->kpi_before = before ? hubs_kpi_copy (before) : NULL;
  command->kpi_after = hubs_kpi_copy (kpi);

  return command;
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi != NULL && kpi->id != NULL, FALSE);

  return perform (self, kpi_command (before, kpi), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_save_kpi_async:
 * @self: a #HubsUndoStack
 * @before: the KPI as the user saw it
 * @kpi: the KPI's fields
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_save_kpi() for a KPI's fields, through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_save_kpi_async (HubsUndoStack *self,
                                const HubsKpi *before,
                                const HubsKpi *kpi,
                                HubsUndoDone   done,
                                gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (before != NULL);
  g_return_if_fail (kpi != NULL && kpi->id != NULL);

  perform_async (self, kpi_command (before, kpi), STEP_DO, NULL, done, user_data);
}

static Command *
delete_kpi_command (const char *kpi_id)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_DELETE_KPI;
  command->kpi_id = g_strdup (kpi_id);

  return command;
}

/**
 * hubs_undo_stack_add_kpi_async:
 * @self: a #HubsUndoStack
 * @kpi: the new KPI's fields, its id %NULL
 * @done: told the KPI's id, or how it failed
 * @user_data: for @done
 *
 * Adds a KPI to its hub and remembers it, through the store's writer (see
 * hubs_undo_stack_set_figure_async()). The KPI gets its id (hubs_store_new_kpi_id()) in
 * the same job that writes it, so nothing is read on the caller's thread.
 */
void
hubs_undo_stack_add_kpi_async (HubsUndoStack *self,
                               const HubsKpi *kpi,
                               HubsUndoAdded  done,
                               gpointer       user_data)
{
  Command *command;

  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (kpi != NULL && kpi->id == NULL && kpi->hub_id != NULL);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SAVE_KPI;
  command->kpi_after = hubs_kpi_copy (kpi);
  perform_added_async (self, command, done, user_data);
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return perform (self, delete_kpi_command (kpi_id), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_delete_kpi_async:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_delete_kpi(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_delete_kpi_async (HubsUndoStack *self,
                                  const char    *kpi_id,
                                  HubsUndoDone   done,
                                  gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (kpi_id != NULL);

  perform_async (self, delete_kpi_command (kpi_id), STEP_DO, NULL, done, user_data);
}

static Command *
move_kpi_command (const char *kpi_id,
                  int         delta)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_MOVE_KPI;
  command->kpi_id = g_strdup (kpi_id);
  command->delta = delta;

  return command;
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return perform (self, move_kpi_command (kpi_id, delta), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_move_kpi_async:
 * @self: a #HubsUndoStack
 * @kpi_id: the KPI
 * @delta: -1 for up, 1 for down
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_move_kpi(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_move_kpi_async (HubsUndoStack *self,
                                const char    *kpi_id,
                                int            delta,
                                HubsUndoDone   done,
                                gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (kpi_id != NULL);

  perform_async (self, move_kpi_command (kpi_id, delta), STEP_DO, NULL, done, user_data);
}

static Command *
hub_command (const HubsHub *before,
             const HubsHub *hub)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_SAVE_HUB;
  command->hub_before = before ? hubs_hub_copy (before) : NULL;
  command->hub_after = hubs_hub_copy (hub);

  return command;
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (hub != NULL && hub->id != NULL, FALSE);

  return perform (self, hub_command (before, hub), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_save_hub_async:
 * @self: a #HubsUndoStack
 * @before: (nullable): the hub as the user saw it, %NULL when @hub is added
 * @hub: the hub's fields; an added hub's id may be %NULL
 * @done: told the hub's id, or how it failed
 * @user_data: for @done
 *
 * Like hubs_undo_stack_save_hub(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()). An added hub without an id gets one from its
 * English name (hubs_store_new_hub_id()) in the same job that writes it.
 */
void
hubs_undo_stack_save_hub_async (HubsUndoStack *self,
                                const HubsHub *before,
                                const HubsHub *hub,
                                HubsUndoAdded  done,
                                gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (hub != NULL && (hub->id != NULL || before == NULL));

  perform_added_async (self, hub_command (before, hub), done, user_data);
}

static Command *
delete_hub_command (const char *hub_id)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_DELETE_HUB;
  command->hub_id = g_strdup (hub_id);

  return command;
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
  g_return_val_if_fail (HUBS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  return perform (self, delete_hub_command (hub_id), STEP_DO, NULL, error);
}

/**
 * hubs_undo_stack_delete_hub_async:
 * @self: a #HubsUndoStack
 * @hub_id: the hub
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_delete_hub(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()).
 */
void
hubs_undo_stack_delete_hub_async (HubsUndoStack *self,
                                  const char    *hub_id,
                                  HubsUndoDone   done,
                                  gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));
  g_return_if_fail (hub_id != NULL);

  perform_async (self, delete_hub_command (hub_id), STEP_DO, NULL, done, user_data);
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
  g_return_val_if_fail (self->busy == 0, FALSE);

  return perform (self, g_queue_peek_head (&self->undo), STEP_UNDO, NULL, error);
}

/**
 * hubs_undo_stack_undo_async:
 * @self: a #HubsUndoStack
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_undo(), through the store's writer (see
 * hubs_undo_stack_set_figure_async()). Nothing is undone while a change is still being
 * saved (HubsUndoStack:can-undo is %FALSE then): @done is told at once.
 */
void
hubs_undo_stack_undo_async (HubsUndoStack *self,
                            HubsUndoDone   done,
                            gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));

  perform_async (self, self->busy == 0 ? g_queue_peek_head (&self->undo) : NULL, STEP_UNDO,
                 NULL, done, user_data);
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
  g_return_val_if_fail (self->busy == 0, FALSE);

  return perform (self, g_queue_peek_head (&self->redo), STEP_REDO, NULL, error);
}

/**
 * hubs_undo_stack_redo_async:
 * @self: a #HubsUndoStack
 * @done: told how it went
 * @user_data: for @done
 *
 * Like hubs_undo_stack_redo(), through the store's writer (see
 * hubs_undo_stack_undo_async()).
 */
void
hubs_undo_stack_redo_async (HubsUndoStack *self,
                            HubsUndoDone   done,
                            gpointer       user_data)
{
  g_return_if_fail (HUBS_IS_UNDO_STACK (self));

  perform_async (self, self->busy == 0 ? g_queue_peek_head (&self->redo) : NULL, STEP_REDO,
                 NULL, done, user_data);
}
