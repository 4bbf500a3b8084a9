/* hubs-store-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle in the store: the state of each hub's fiscal year, which locks a
 * submitted or accepted year against changes, and each KPI's explanation of a year it is
 * not on track in. Every change records who made it, in the history like any other.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-history.h"
#include "hubs-i18n.h"
#include "hubs-store-merge.h"
#include "hubs-store-private.h"

/* The state in the four columns state, changed_at, changed_by, organisation starting at
 * @first, or %NULL when the state column is NULL (no row: being entered). */
HubsYearState *
_hubs_store_year_state_from_columns (HubsDbStmt *stmt,
                                     const char *hub_id,
                                     int         fiscal_year,
                                     int         first)
{
  HubsYearState *state;

  if (hubs_db_stmt_column_is_null (stmt, first))
    return NULL;

  state = hubs_year_state_new (hub_id, fiscal_year);
  hubs_year_state_kind_from_string (hubs_db_stmt_column_text (stmt, first),
                                    &state->state);
  state->changed_at = _hubs_store_column_text (stmt, first + 1);
  state->changed_by = _hubs_store_column_text (stmt, first + 2);
  state->organisation = _hubs_store_column_text (stmt, first + 3);

  return state;
}

/* Refuses a change to a locked year, saying who locked it and when. */
void
_hubs_store_set_locked_error (GError              **error,
                              const HubsYearState  *lock)
{
  HubsLanguage lang = hubs_language_current ();
  g_autofree char *fy = hubs_format_fiscal_year (lock->fiscal_year, lang);
  g_autofree char *state = hubs_year_state_describe (lock, lang);

  g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_LOCKED,
               /* Translators: %1$s is a fiscal year, %2$s who submitted it and when */
               _("%1$s is locked. %2$s Nothing was changed; to change its figures, unlock the "
                 "year first."),
               fy, state);
}

static HubsYearState *
year_state_from_row (HubsDbStmt *stmt)
{
  g_autofree char *hub_id = _hubs_store_column_text (stmt, 0);
  HubsYearState *state = _hubs_store_year_state_from_columns (stmt, hub_id,
                                                              hubs_db_stmt_column_int (stmt, 1),
                                                              2);

  state->reason = _hubs_store_column_text (stmt, 6);
  return state;
}

/**
 * hubs_store_get_year_state:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @fiscal_year: a fiscal year
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the year's state; %HUBS_YEAR_ENTERING when nothing was submitted
 */
HubsYearState *
hubs_store_get_year_state (HubsStore   *self,
                           const char  *hub_id,
                           int          fiscal_year,
                           GError     **error)
{
  HubsYearState *state = NULL;
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT hub_id, fiscal_year, state, changed_at, changed_by, "
                                    "organisation, reason FROM year_state WHERE hub_id = ?1 AND "
                                    "fiscal_year = ?2", error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, hub_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);

  rc = hubs_db_stmt_step (stmt);
  if (rc == HUBS_DB_ROW)
    state = year_state_from_row (stmt);
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return state != NULL ? state : hubs_year_state_new (hub_id, fiscal_year);
}

/**
 * hubs_store_list_year_states:
 * @self: a #HubsStore
 * @hub_id: (nullable): a hub id, or %NULL for every hub
 * @error: a location for a #GError
 *
 * The years that left 入力中 at some time (submitted, accepted, returned, or unlocked again),
 * by hub and year. A year not listed is being entered.
 *
 * Returns: (transfer full) (element-type HubsYearState): the states
 */
GPtrArray *
hubs_store_list_year_states (HubsStore   *self,
                             const char  *hub_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                hubs_year_state_free);
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT y.hub_id, y.fiscal_year, y.state, y.changed_at, "
                                    "y.changed_by, y.organisation, y.reason FROM year_state y "
                                    "JOIN hub h ON h.id = y.hub_id WHERE ?1 IS NULL OR "
                                    "y.hub_id = ?1 ORDER BY h.sort_order, y.fiscal_year", error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, hub_id);

  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    g_ptr_array_add (states, year_state_from_row (stmt));
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&states);
}

/* Writes @state's row and its history, inside a transaction. */
gboolean
_hubs_store_write_year_state (HubsStore            *self,
                              const HubsYearState  *old,
                              const HubsYearState  *state,
                              GError              **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT OR REPLACE INTO year_state (hub_id, fiscal_year, "
                                    "state, changed_at, changed_by, organisation, reason) VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, state->hub_id);
  hubs_db_stmt_bind_int (stmt, 2, state->fiscal_year);
  _hubs_store_bind_text (stmt, 3, hubs_year_state_kind_to_string (state->state));
  _hubs_store_bind_text (stmt, 4, state->changed_at);
  _hubs_store_bind_text (stmt, 5, state->changed_by);
  _hubs_store_bind_text (stmt, 6, state->organisation);
  _hubs_store_bind_text (stmt, 7, state->reason);

  return _hubs_store_step_done (self, stmt, error) &&
         _hubs_store_append_history_row_at (self, state->hub_id, NULL, state->fiscal_year, NULL,
                                            "year_state",
                                            hubs_year_state_kind_to_string (old->state),
                                            hubs_year_state_kind_to_string (state->state),
                                            state->changed_at, error) &&
         _hubs_store_append_history_row_at (self, state->hub_id, NULL, state->fiscal_year, NULL,
                                            "year_state_reason", NULL, state->reason,
                                            state->changed_at, error);
}

/* Moves the year to @state inside the open transaction, as @by of @organisation did at
 * @at, and tells the subscribers once it is committed. */
static gboolean
move_year (HubsStore          *self,
           const char         *hub_id,
           int                 fiscal_year,
           HubsYearStateKind   state,
           const char         *reason,
           const char         *by,
           const char         *organisation,
           const char         *at,
           HubsYearState     **moved,
           GError            **error)
{
  g_autoptr(HubsYearState) old = NULL;
  g_autoptr(HubsYearState) now = NULL;
  HubsLanguage lang = hubs_language_current ();

  if (!(old = hubs_store_get_year_state (self, hub_id, fiscal_year, error)))
    return FALSE;

  if (old->state == state)
    {
      *moved = NULL;
      return TRUE;
    }

  if (!hubs_year_state_can_become (old->state, state))
    {
      g_autofree char *fy = hubs_format_fiscal_year (fiscal_year, lang);

      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("%1$s is “%2$s” and cannot become “%3$s”."), fy,
                   hubs_year_state_kind_get_label (old->state, lang),
                   hubs_year_state_kind_get_label (state, lang));
      return FALSE;
    }

  now = hubs_year_state_new (hub_id, fiscal_year);
  now->state = state;
  now->changed_at = g_strdup (at);
  now->changed_by = g_strdup (by);
  now->organisation = g_strdup (organisation);
  now->reason = g_strdup (reason);

  if (!_hubs_store_write_year_state (self, old, now, error))
    return FALSE;

  *moved = g_steal_pointer (&now);
  return TRUE;
}

static void
emit_year_state (HubsStore           *self,
                 const HubsYearState *state)
{
  HubsStoreChange change = { 0 };

  if (state == NULL)
    return;
  change.kind = HUBS_STORE_CHANGE_YEAR_STATE;
  change.hub_id = state->hub_id;
  change.fiscal_year = state->fiscal_year;
  change.year_state = state;
  _hubs_store_emit_change (self, &change);
}

/* Now, as the history writes its times (to the millisecond): a view as of the moment a year
 * was submitted keeps every change made before it, even within the same second. */
static char *
now_utc (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_now_utc ();

  return hubs_store_format_as_of (time);
}

/**
 * hubs_store_set_year_state:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @fiscal_year: a fiscal year
 * @state: the state it comes to
 * @reason: (nullable): why, which a return and an unlock need
 * @error: a location for a #GError
 *
 * Moves the year along the cycle, as hubs_year_state_can_become() allows, recording who
 * (hubs_store_set_author()) and when, in the history too. A return or an unlock without a
 * reason, or a move the cycle does not allow, is refused and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_set_year_state (HubsStore          *self,
                           const char         *hub_id,
                           int                 fiscal_year,
                           HubsYearStateKind   state,
                           const char         *reason,
                           GError            **error)
{
  g_autoptr(HubsYearState) moved = NULL;
  g_autofree char *at = NULL;
  g_autofree char *why = NULL;
  gboolean needs_reason = state == HUBS_YEAR_RETURNED || state == HUBS_YEAR_ENTERING;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  if (needs_reason && !hubs_cycle_text_has_words (reason))
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           state == HUBS_YEAR_RETURNED
                           ? _("Say why the year is returned; the consortium reads it.")
                           : _("Say why the year is unlocked; the history keeps it."));
      return FALSE;
    }

  at = now_utc ();
  why = needs_reason ? g_strstrip (g_strdup (reason)) : NULL;

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!move_year (self, hub_id, fiscal_year, state, why, self->author, self->organisation, at,
                  &moved, error) ||
      !_hubs_store_commit (self, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  emit_year_state (self, moved);
  return TRUE;
}

/**
 * hubs_store_get_explanation:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: a fiscal year
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the KPI's explanation for the year, empty when it has none
 */
HubsExplanation *
hubs_store_get_explanation (HubsStore   *self,
                            const char  *kpi_id,
                            int          fiscal_year,
                            GError     **error)
{
  HubsExplanation *explanation = hubs_explanation_new (kpi_id, fiscal_year);
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT why, action FROM explanation WHERE kpi_id = ?1 AND "
                                    "fiscal_year = ?2", error)))
    {
      hubs_explanation_free (explanation);
      return NULL;
    }
  _hubs_store_bind_text (stmt, 1, kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);

  rc = hubs_db_stmt_step (stmt);
  if (rc == HUBS_DB_ROW)
    {
      g_free (explanation->why);
      g_free (explanation->action);
      explanation->why = _hubs_store_column_text (stmt, 0);
      explanation->action = _hubs_store_column_text (stmt, 1);
    }
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      hubs_explanation_free (explanation);
      return NULL;
    }

  return explanation;
}

static gboolean save_explanation (HubsStore              *self,
                                  const HubsExplanation  *before,
                                  const HubsExplanation  *explanation,
                                  GError                **error);

/**
 * hubs_store_set_explanation:
 * @self: a #HubsStore
 * @explanation: the KPI's explanation for a year
 * @error: a location for a #GError
 *
 * Stores why the KPI is not on track in the year (要因分析) and what will be done (今後の対応),
 * with the history. A submitted or accepted year is locked, as its figures are.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_set_explanation (HubsStore              *self,
                            const HubsExplanation  *explanation,
                            GError                **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (explanation != NULL && explanation->kpi_id != NULL, FALSE);

  return save_explanation (self, NULL, explanation, error);
}

/**
 * hubs_store_replace_explanation:
 * @self: a #HubsStore
 * @before: the explanation as the user saw it
 * @after: as they saved it
 * @error: a location for a #GError
 *
 * Stores the fields @after changes from @before, as hubs_store_set_explanation() does, only
 * while each still holds what @before says (or already what @after says); the other keeps
 * what is stored now (see hubs-store-merge.c).
 *
 * Returns: %TRUE on success; %FALSE with %HUBS_STORE_ERROR_CONFLICT when someone else
 *   changed a field @after changes meanwhile (nothing is saved)
 */
gboolean
hubs_store_replace_explanation (HubsStore              *self,
                                const HubsExplanation  *before,
                                const HubsExplanation  *after,
                                GError                **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL && after->kpi_id != NULL, FALSE);

  return save_explanation (self, before, after, error);
}

/* Stores @explanation; with @before, only over it (see hubs_store_replace_explanation()). */
static gboolean
save_explanation (HubsStore              *self,
                  const HubsExplanation  *before,
                  const HubsExplanation  *explanation,
                  GError                **error)
{
  g_autoptr(HubsExplanation) old = NULL;
  g_autoptr(HubsExplanation) merged = NULL;
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(HubsYearState) year = NULL;
  g_autofree char *key = g_strdup_printf ("%s %d", explanation->kpi_id,
                                          explanation->fiscal_year);
  HubsStoreChange change = { 0 };
  HubsDbStmt *stmt;

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (before != NULL && !_hubs_store_lock (self, "explanation", key, error))
    goto failed;

  if (!(kpi = hubs_store_get_kpi (self, explanation->kpi_id, error)) ||
      !(year = hubs_store_get_year_state (self, kpi->hub_id, explanation->fiscal_year, error)) ||
      !(old = hubs_store_get_explanation (self, explanation->kpi_id, explanation->fiscal_year,
                                          error)))
    goto failed;

  if (before != NULL)
    {
      if (!(merged = _hubs_store_merge_explanation (before, explanation, old)))
        {
          g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
                               _("The explanation was changed elsewhere meanwhile; nothing was "
                                 "changed."));
          goto failed;
        }
      explanation = merged;
    }

  if (g_strcmp0 (old->why, explanation->why) == 0 &&
      g_strcmp0 (old->action, explanation->action) == 0)
    {
      _hubs_store_rollback (self);
      return TRUE;
    }

  if (hubs_year_state_kind_is_locked (year->state))
    {
      _hubs_store_set_locked_error (error, year);
      goto failed;
    }

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT OR REPLACE INTO explanation (kpi_id, fiscal_year, why, "
                                    "action) VALUES (?1, ?2, ?3, ?4)", error)))
    goto failed;
  _hubs_store_bind_text (stmt, 1, explanation->kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, explanation->fiscal_year);
  _hubs_store_bind_text_or_empty (stmt, 3, explanation->why);
  _hubs_store_bind_text_or_empty (stmt, 4, explanation->action);

  if (!_hubs_store_step_done (self, stmt, error) ||
      !_hubs_store_append_history_row (self, kpi->hub_id, kpi->id, explanation->fiscal_year,
                                       NULL, "why", old->why, explanation->why, error) ||
      !_hubs_store_append_history_row (self, kpi->hub_id, kpi->id, explanation->fiscal_year,
                                       NULL, "action", old->action, explanation->action,
                                       error) ||
      !_hubs_store_commit (self, error))
    goto failed;

  change.kind = HUBS_STORE_CHANGE_EXPLANATION;
  change.hub_id = kpi->hub_id;
  change.kpi_id = kpi->id;
  change.fiscal_year = explanation->fiscal_year;
  change.explanation = explanation;
  _hubs_store_emit_change (self, &change);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_list_exchanged_figures:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @fiscal_year: a fiscal year
 * @error: a location for a #GError
 *
 * The hub's actuals of the year as last sent in a submission (or received in one): the base
 * the next submission says it replaces.
 *
 * Returns: (transfer full) (element-type HubsFigure): the figures, with their values only
 */
GPtrArray *
hubs_store_list_exchanged_figures (HubsStore   *self,
                                   const char  *hub_id,
                                   int          fiscal_year,
                                   GError     **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  HubsDbStmt *stmt;
  int rc;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT e.kpi_id, e.kind, e.value, e.measured FROM "
                                    "exchanged_figure e JOIN kpi k ON k.id = e.kpi_id WHERE "
                                    "k.hub_id = ?1 AND e.fiscal_year = ?2", error)))
    return NULL;
  _hubs_store_bind_text (stmt, 1, hub_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);

  while ((rc = hubs_db_stmt_step (stmt)) == HUBS_DB_ROW)
    {
      HubsFigure *figure = hubs_figure_new ();

      figure->kpi_id = _hubs_store_column_text (stmt, 0);
      figure->fiscal_year = fiscal_year;
      hubs_figure_kind_from_string (hubs_db_stmt_column_text (stmt, 1), &figure->kind);
      figure->measured = hubs_db_stmt_column_int (stmt, 3) != 0;
      figure->value = figure->measured ? hubs_db_stmt_column_double (stmt, 2) : 0;
      g_ptr_array_add (figures, figure);
    }
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&figures);
}

/* The hub's exchanged figures of the year become @figures. */
static gboolean
write_exchanged (HubsStore   *self,
                 const char  *hub_id,
                 int          fiscal_year,
                 GPtrArray   *figures,
                 GError     **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "DELETE FROM exchanged_figure WHERE fiscal_year = ?2 AND "
                                    "kpi_id IN (SELECT id FROM kpi WHERE hub_id = ?1)", error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, hub_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);
  if (!_hubs_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!(stmt = _hubs_store_prepare (self,
                                        "INSERT OR REPLACE INTO exchanged_figure (kpi_id, "
                                        "fiscal_year, kind, value, measured) VALUES (?1, ?2, ?3, "
                                        "?4, ?5)", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, figure->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      if (figure->measured)
        hubs_db_stmt_bind_double (stmt, 4, figure->value);
      hubs_db_stmt_bind_int (stmt, 5, figure->measured);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * hubs_store_submit_year:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @fiscal_year: a fiscal year
 * @sent: (element-type HubsFigure): the figures the submission sends
 * @error: a location for a #GError
 *
 * Marks the year submitted, which locks it, and keeps @sent as the figures last exchanged,
 * in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_submit_year (HubsStore   *self,
                        const char  *hub_id,
                        int          fiscal_year,
                        GPtrArray   *sent,
                        GError     **error)
{
  g_autoptr(HubsYearState) moved = NULL;
  g_autofree char *at = now_utc ();

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!move_year (self, hub_id, fiscal_year, HUBS_YEAR_SUBMITTED, NULL, self->author,
                  self->organisation, at, &moved, error) ||
      !write_exchanged (self, hub_id, fiscal_year, sent, error) ||
      !_hubs_store_commit (self, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  emit_year_state (self, moved);
  return TRUE;
}

/**
 * hubs_store_receive_submission:
 * @self: a #HubsStore
 * @hub_id: the hub
 * @fiscal_year: the year
 * @figures: (element-type HubsFigure): the figures to store
 * @explanations: (element-type HubsExplanation): the explanations to store
 * @received: (element-type HubsFigure): all the submission's figures, kept as exchanged
 * @by: (nullable): who made the submission
 * @organisation: (nullable): their organisation
 * @at: when they made it
 * @error: a location for a #GError
 *
 * Applies a submission in one transaction: the figures and explanations, recorded in the
 * history as the submitter's, and the year marked submitted as of the submission. On any
 * error nothing changes.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_receive_submission (HubsStore   *self,
                               const char  *hub_id,
                               int          fiscal_year,
                               GPtrArray   *figures,
                               GPtrArray   *explanations,
                               GPtrArray   *received,
                               const char  *by,
                               const char  *organisation,
                               const char  *at,
                               GError     **error)
{
  g_autoptr(HubsYearState) moved = NULL;
  g_autofree char *own_author = g_strdup (self->author);
  g_autofree char *own_organisation = g_strdup (self->organisation);
  gboolean ok;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  /* The history says the submitter made these changes, not the person who imported them. */
  hubs_store_set_author (self, by, organisation);

  ok = _hubs_store_apply_figures_within (self, figures, NULL, error);
  for (guint i = 0; ok && i < explanations->len; i++)
    {
      const HubsExplanation *e = g_ptr_array_index (explanations, i);
      g_autoptr(HubsExplanation) old = hubs_store_get_explanation (self, e->kpi_id,
                                                                   e->fiscal_year, error);
      HubsDbStmt *stmt;

      ok = old != NULL &&
           (stmt = _hubs_store_prepare (self,
                                        "INSERT OR REPLACE INTO explanation (kpi_id, fiscal_year, "
                                        "why, action) VALUES (?1, ?2, ?3, ?4)", error)) != NULL;
      if (!ok)
        break;
      _hubs_store_bind_text (stmt, 1, e->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, e->fiscal_year);
      _hubs_store_bind_text_or_empty (stmt, 3, e->why);
      _hubs_store_bind_text_or_empty (stmt, 4, e->action);
      ok = _hubs_store_step_done (self, stmt, error) &&
           _hubs_store_append_history_row (self, hub_id, e->kpi_id, e->fiscal_year, NULL, "why",
                                           old->why, e->why, error) &&
           _hubs_store_append_history_row (self, hub_id, e->kpi_id, e->fiscal_year, NULL,
                                           "action", old->action, e->action, error);
    }

  ok = ok &&
       move_year (self, hub_id, fiscal_year, HUBS_YEAR_SUBMITTED, NULL, by, organisation, at,
                  &moved, error) &&
       write_exchanged (self, hub_id, fiscal_year, received, error) &&
       _hubs_store_commit (self, error);

  hubs_store_set_author (self, own_author, own_organisation);

  if (!ok)
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);
  return TRUE;
}

/**
 * hubs_store_receive_answer:
 * @self: a #HubsStore
 * @hub_id: the hub
 * @fiscal_year: the year
 * @state: accepted or returned
 * @reason: (nullable): why it was returned
 * @by: (nullable): the reviewer
 * @organisation: (nullable): their organisation
 * @at: when they answered
 * @error: a location for a #GError
 *
 * Takes the Cabinet Office's answer: the submitted year is accepted (and stays locked), or
 * returned with the reviewer's reason (and opens again). Taking the same answer again
 * changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_receive_answer (HubsStore          *self,
                           const char         *hub_id,
                           int                 fiscal_year,
                           HubsYearStateKind   state,
                           const char         *reason,
                           const char         *by,
                           const char         *organisation,
                           const char         *at,
                           GError            **error)
{
  g_autoptr(HubsYearState) moved = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (state == HUBS_YEAR_ACCEPTED || state == HUBS_YEAR_RETURNED, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!move_year (self, hub_id, fiscal_year, state, reason, by, organisation, at, &moved,
                  error) ||
      !_hubs_store_commit (self, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  emit_year_state (self, moved);
  return TRUE;
}

/**
 * hubs_store_get_last_change:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: a fiscal year
 * @kind: the figure's kind
 * @changed_by: (out) (transfer full) (nullable): who last changed the figure's value
 * @changed_at: (out) (transfer full) (nullable): when
 * @error: a location for a #GError
 *
 * Returns: %TRUE on success, even when the history has no change of it (both %NULL)
 */
gboolean
hubs_store_get_last_change (HubsStore       *self,
                            const char      *kpi_id,
                            int              fiscal_year,
                            HubsFigureKind   kind,
                            char           **changed_by,
                            char           **changed_at,
                            GError         **error)
{
  HubsFigureConflict last = { 0 };

  *changed_by = NULL;
  *changed_at = NULL;

  if (!_hubs_store_read_last_figure_change (self, kpi_id, fiscal_year, kind, "value", &last,
                                            error))
    return FALSE;

  if (last.changed_at != NULL)
    {
      *changed_by = hubs_history_describe_who (last.changed_by, last.organisation, last.db_user);
      *changed_at = g_steal_pointer (&last.changed_at);
    }
  g_free (last.changed_by);
  g_free (last.organisation);
  g_free (last.db_user);

  return TRUE;
}
