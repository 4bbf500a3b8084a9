/* hubs-store-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changing the store: figures, KPIs and hubs, each change in one transaction with the
 * history rows that record it, then one notification.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "hubs-format.h"
#include "hubs-store-conflict.h"
#include "hubs-history.h"
#include "hubs-i18n.h"
#include "hubs-store-merge.h"
#include "hubs-store-private.h"

/* The value as history records it: the plain number, "not_measured", or NULL for none. */
static char *
figure_value_text (const HubsFigure *figure)
{
  if (figure == NULL)
    return NULL;
  if (!figure->measured)
    return g_strdup ("not_measured");
  return hubs_format_number_exact (figure->value);
}

/* Appends one history row when @old_value and @new_value differ. @kind may be NULL and
 * @fiscal_year 0 for a change of the KPI or hub itself. */
gboolean
_hubs_store_append_history_row (HubsStore   *self,
                                const char  *hub_id,
                                const char  *kpi_id,
                                int          fiscal_year,
                                const char  *kind,
                                const char  *field,
                                const char  *old_value,
                                const char  *new_value,
                                GError     **error)
{
  return _hubs_store_append_history_row_at (self, hub_id, kpi_id, fiscal_year, kind, field,
                                            old_value, new_value, NULL, error);
}

/* The same, stamped @changed_at (as the history writes times) rather than now, for a change
 * that carries its own time, such as a year's state: a view as of that time then holds the
 * change whole. */
gboolean
_hubs_store_append_history_row_at (HubsStore   *self,
                                   const char  *hub_id,
                                   const char  *kpi_id,
                                   int          fiscal_year,
                                   const char  *kind,
                                   const char  *field,
                                   const char  *old_value,
                                   const char  *new_value,
                                   const char  *changed_at,
                                   GError     **error)
{
  HubsDbStmt *stmt;

  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  if (changed_at == NULL)
    stmt = _hubs_store_prepare (self,
                                "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, "
                                "field, old_value, new_value, changed_by, organisation) VALUES "
                                "(coalesce (?1, (SELECT hub_id FROM kpi WHERE id = ?2)), ?2, "
                                "nullif (?3, 0), ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  else
    stmt = _hubs_store_prepare (self,
                                "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, "
                                "field, old_value, new_value, changed_by, organisation, "
                                "changed_at) VALUES "
                                "(coalesce (?1, (SELECT hub_id FROM kpi WHERE id = ?2)), ?2, "
                                "nullif (?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  _hubs_store_bind_text (stmt, 1, hub_id);
  _hubs_store_bind_text (stmt, 2, kpi_id);
  hubs_db_stmt_bind_int (stmt, 3, fiscal_year);
  _hubs_store_bind_text (stmt, 4, kind);
  _hubs_store_bind_text (stmt, 5, field);
  _hubs_store_bind_text (stmt, 6, old_value);
  _hubs_store_bind_text (stmt, 7, new_value);
  _hubs_store_bind_text (stmt, 8, self->author);
  _hubs_store_bind_text (stmt, 9, self->organisation);
  if (changed_at != NULL)
    _hubs_store_bind_text (stmt, 10, changed_at);

  return _hubs_store_step_done (self, stmt, error);
}

/* One INSERT for the one to seven fields of a figure that changed: row N binds its field, old
 * and new value to ?(5+3N), ?(6+3N) and ?(7+3N); who made it is ?98 and ?99. */
#define HISTORY_INSERT \
  "INSERT INTO history (hub_id, kpi_id, fiscal_year, kind, field, old_value, new_value, " \
  "changed_by, organisation) VALUES "
#define HISTORY_ROW(f, o, n) \
  "(coalesce (?1, (SELECT hub_id FROM kpi WHERE id = ?2)), ?2, nullif (?3, 0), ?4, " \
  "?" #f ", ?" #o ", ?" #n ", ?98, ?99)"
#define HISTORY_ROWS_1 HISTORY_ROW (5, 6, 7)
#define HISTORY_ROWS_2 HISTORY_ROWS_1 ", " HISTORY_ROW (8, 9, 10)
#define HISTORY_ROWS_3 HISTORY_ROWS_2 ", " HISTORY_ROW (11, 12, 13)
#define HISTORY_ROWS_4 HISTORY_ROWS_3 ", " HISTORY_ROW (14, 15, 16)
#define HISTORY_ROWS_5 HISTORY_ROWS_4 ", " HISTORY_ROW (17, 18, 19)
#define HISTORY_ROWS_6 HISTORY_ROWS_5 ", " HISTORY_ROW (20, 21, 22)
#define HISTORY_ROWS_7 HISTORY_ROWS_6 ", " HISTORY_ROW (23, 24, 25)

static const char * const figure_history_inserts[] = {
  HISTORY_INSERT HISTORY_ROWS_1,
  HISTORY_INSERT HISTORY_ROWS_2,
  HISTORY_INSERT HISTORY_ROWS_3,
  HISTORY_INSERT HISTORY_ROWS_4,
  HISTORY_INSERT HISTORY_ROWS_5,
  HISTORY_INSERT HISTORY_ROWS_6,
  HISTORY_INSERT HISTORY_ROWS_7,
};

#define N_FIGURE_FIELDS 7

/* Appends one history row for each field that differs between @old (or no figure) and
 * @new (or no figure), in one statement. @hub_id may be %NULL: it is then looked up. */
gboolean
_hubs_store_append_figure_history (HubsStore         *self,
                                   const char        *hub_id,
                                   const char        *kpi_id,
                                   int                fiscal_year,
                                   HubsFigureKind     kind,
                                   const HubsFigure  *old,
                                   const HubsFigure  *new,
                                   GError           **error)
{
  g_autofree char *old_value = figure_value_text (old);
  g_autofree char *new_value = figure_value_text (new);
  const char *fields[N_FIGURE_FIELDS] = {
    "value", "confirmed", "note", "source", "as_of", "note_en", "unit"
  };
  const char *olds[N_FIGURE_FIELDS] = {
    old_value,
    old == NULL ? NULL : old->confirmed ? "confirmed" : "provisional",
    old ? old->note : NULL,
    old ? old->source : NULL,
    old ? old->as_of : NULL,
    old ? old->note_en : NULL,
    old ? old->unit : NULL,
  };
  const char *news[N_FIGURE_FIELDS] = {
    new_value,
    new == NULL ? NULL : new->confirmed ? "confirmed" : "provisional",
    new ? new->note : NULL,
    new ? new->source : NULL,
    new ? new->as_of : NULL,
    new ? new->note_en : NULL,
    new ? new->unit : NULL,
  };
  HubsDbStmt *stmt;
  guint n = 0;

  for (guint i = 0; i < N_FIGURE_FIELDS; i++)
    if (g_strcmp0 (olds[i], news[i]) != 0)
      n++;

  if (n == 0)
    return TRUE;

  if (!(stmt = _hubs_store_prepare (self, figure_history_inserts[n - 1], error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, hub_id);
  _hubs_store_bind_text (stmt, 2, kpi_id);
  hubs_db_stmt_bind_int (stmt, 3, fiscal_year);
  _hubs_store_bind_text (stmt, 4, hubs_figure_kind_to_string (kind));
  _hubs_store_bind_text (stmt, 98, self->author);
  _hubs_store_bind_text (stmt, 99, self->organisation);
  for (guint i = 0, row = 0; i < N_FIGURE_FIELDS; i++)
    {
      if (g_strcmp0 (olds[i], news[i]) == 0)
        continue;
      _hubs_store_bind_text (stmt, 5 + 3 * row, fields[i]);
      _hubs_store_bind_text (stmt, 6 + 3 * row, olds[i]);
      _hubs_store_bind_text (stmt, 7 + 3 * row, news[i]);
      row++;
    }

  return _hubs_store_step_done (self, stmt, error);
}

/* Stores one figure in place of the one of the same KPI, fiscal year and kind. No history. */
gboolean
_hubs_store_write_figure (HubsStore         *self,
                          const HubsFigure  *figure,
                          GError           **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT OR REPLACE INTO figure (" HUBS_STORE_FIGURE_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, figure->kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
  _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
  if (figure->measured)
    hubs_db_stmt_bind_double (stmt, 4, figure->value);
  hubs_db_stmt_bind_int (stmt, 5, figure->measured);
  _hubs_store_bind_text (stmt, 6, figure->as_of);
  _hubs_store_bind_text (stmt, 7, figure->note);
  hubs_db_stmt_bind_int (stmt, 8, figure->confirmed);
  _hubs_store_bind_text (stmt, 9, figure->source);
  _hubs_store_bind_text (stmt, 10, figure->note_en);
  _hubs_store_bind_text (stmt, 11, figure->unit);

  return _hubs_store_step_done (self, stmt, error);
}

static gboolean
same_figure (const HubsFigure *a,
             const HubsFigure *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return hubs_figure_equal (a, b);
}

/* Reads, in one statement, the hub and unit of @kpi_id and its figure of @fiscal_year and
 * @kind (%NULL in @old when there is none). Fails with %HUBS_STORE_ERROR_NOT_FOUND when the
 * KPI does not exist. */
static gboolean
read_figure_for_change (HubsStore       *self,
                        const char      *kpi_id,
                        int              fiscal_year,
                        HubsFigureKind   kind,
                        char           **hub_id,
                        char           **unit,
                        HubsFigure     **old,
                        HubsYearState  **lock,
                        GError         **error)
{
  HubsDbStmt *stmt;
  int rc;

  /* An actual of a submitted or accepted year is locked. */
  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT k.hub_id, k.unit, f.kpi_id, f.fiscal_year, f.kind, "
                                    "f.value, f.measured, f.as_of, f.note, f.confirmed, f.source, "
                                    "f.note_en, f.unit, y.state, y.changed_at, y.changed_by, "
                                    "y.organisation "
                                    "FROM kpi k LEFT JOIN figure f ON f.kpi_id = k.id AND "
                                    "f.fiscal_year = ?2 AND f.kind = ?3 LEFT JOIN year_state y ON "
                                    "y.hub_id = k.hub_id AND y.fiscal_year = ?2 AND ?3 = 'actual' "
                                    "AND y.state IN ('submitted', 'accepted') WHERE k.id = ?1",
                                    error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);
  _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (kind));

  rc = hubs_db_stmt_step (stmt);
  if (rc == HUBS_DB_ROW)
    {
      *hub_id = _hubs_store_column_text (stmt, 0);
      *unit = _hubs_store_column_text (stmt, 1);
      if (!hubs_db_stmt_column_is_null (stmt, 2))
        *old = _hubs_store_figure_from_columns (stmt, 2);
      else
        *old = NULL;
      *lock = _hubs_store_year_state_from_columns (stmt, *hub_id, fiscal_year, 13);
    }
  hubs_db_stmt_reset (stmt);

  if (rc == HUBS_DB_DONE)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("There is no KPI “%s” in the database."), kpi_id);
      return FALSE;
    }
  if (rc != HUBS_DB_ROW)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* The refusal of a save made on a figure that changed meanwhile: who changed it, when and
 * to what, read in the save's transaction. */
static void
set_conflict_error (HubsStore         *self,
                    GError           **error,
                    const char        *kpi_id,
                    int                fiscal_year,
                    HubsFigureKind     kind,
                    const HubsFigure  *now,
                    const char        *unit)
{
  g_autoptr(HubsFigureConflict) conflict = g_new0 (HubsFigureConflict, 1);
  g_autofree char *description = NULL;

  conflict->figure = now != NULL ? hubs_figure_copy (now) : NULL;
  if (!_hubs_store_read_last_figure_change (self, kpi_id, fiscal_year, kind, NULL, conflict,
                                            NULL))
    g_clear_pointer (&conflict->changed_at, g_free);
  description = hubs_figure_conflict_describe (conflict, unit, hubs_language_current ());

  g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
               /* Translators: a save or an undo refused; %s says who changed the figure
                * meanwhile, when and to what */
               _("%s Nothing was changed."), description);
}

/* Makes two writers of one thing take turns, so that what a save reads to check stays true
 * until its commit: @what is "figures" for a KPI's figures (@key its id), "kpi" for a KPI's
 * fields, "hub" for a hub's. SQLite's BEGIN IMMEDIATE already lets one writer in at a time;
 * a PostgreSQL transaction reads at READ COMMITTED, so it first takes a lock of the thing,
 * held until it ends, even when the thing has no row yet. An advisory lock (named for the
 * schema, @what and @key) rather than a lock of a row: locking a row takes the right to
 * update it, which a consortium's role does not have on the plan. The read comes after, in
 * a statement of its own: one that waited for a lock and then read in the same statement
 * would see the thing as it was before the other writer committed. */
gboolean
_hubs_store_lock (HubsStore   *self,
                  const char  *what,
                  const char  *key,
                  GError     **error)
{
  HubsDbStmt *stmt;
  int rc;

  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL || self->creating)
    return TRUE;

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT pg_advisory_xact_lock (hashtext (current_schema () "
                                    "|| ' ' || ?1), hashtext (?2))", error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, what);
  _hubs_store_bind_text (stmt, 2, key);
  rc = hubs_db_stmt_step (stmt);
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Replaces (or with @figure %NULL, removes) one figure and records the change, in one
 * transaction: one read, the write, one history insert. With @check, only when the stored
 * figure is still @expected (%NULL: none). */
static gboolean
change_figure (HubsStore         *self,
               const char        *kpi_id,
               int                fiscal_year,
               HubsFigureKind     kind,
               gboolean           check,
               const HubsFigure  *expected,
               const HubsFigure  *figure,
               const char        *saved_over,
               GError           **error)
{
  g_autoptr(HubsFigure) old = NULL;
  g_autofree char *hub_id = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(HubsYearState) lock = NULL;
  HubsStoreChange change = { 0 };

  if (figure != NULL && (figure->fiscal_year != fiscal_year || figure->kind != kind ||
                         g_strcmp0 (figure->kpi_id, kpi_id) != 0))
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           "The figure does not belong where it is stored.");
      return FALSE;
    }
  if (figure != NULL && figure->measured && !isfinite (figure->value))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A figure must be a finite number."));
      return FALSE;
    }

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!_hubs_store_lock (self, "figures", kpi_id, error) ||
      !read_figure_for_change (self, kpi_id, fiscal_year, kind, &hub_id, &unit, &old, &lock,
                               error))
    goto failed;

  if (lock != NULL && !same_figure (old, figure))
    {
      _hubs_store_set_locked_error (error, lock);
      goto failed;
    }

  if (check && !same_figure (old, expected) && !same_figure (old, figure))
    {
      set_conflict_error (self, error, kpi_id, fiscal_year, kind, old, unit);
      goto failed;
    }

  if (same_figure (old, figure))
    {
      _hubs_store_rollback (self);
      return TRUE;
    }

  if (figure != NULL)
    {
      if (!_hubs_store_write_figure (self, figure, error))
        goto failed;
    }
  else
    {
      HubsDbStmt *stmt;

      if (!(stmt = _hubs_store_prepare (self,
                                        "DELETE FROM figure WHERE kpi_id = ?1 AND fiscal_year = ?2 "
                                        "AND kind = ?3", error)))
        goto failed;
      _hubs_store_bind_text (stmt, 1, kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (kind));
      if (!_hubs_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!_hubs_store_append_figure_history (self, hub_id, kpi_id, fiscal_year, kind, old, figure,
                                          error))
    goto failed;

  /* A save over someone's change says whose, beside what it changed (see hubs-history.h). */
  if (saved_over != NULL)
    {
      g_autofree char *theirs = figure_value_text (old);

      if (!_hubs_store_append_history_row (self, hub_id, kpi_id, fiscal_year,
                                           hubs_figure_kind_to_string (kind), "saved-over",
                                           theirs, saved_over, error))
        goto failed;
    }

  if (!_hubs_store_commit (self, error))
    goto failed;

  change.kind = HUBS_STORE_CHANGE_FIGURE;
  change.hub_id = hub_id;
  change.kpi_id = kpi_id;
  change.fiscal_year = fiscal_year;
  change.figure_kind = kind;
  change.figure = figure;
  _hubs_store_emit_change (self, &change);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_set_figure:
 * @self: a #HubsStore
 * @figure: the figure to store
 * @error: a location for a #GError
 *
 * Stores @figure in place of the KPI's figure of the same fiscal year and kind, and records
 * what changed in the history, in one transaction. Storing what is already there changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_set_figure (HubsStore         *self,
                       const HubsFigure  *figure,
                       GError           **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (figure->kpi_id != NULL, FALSE);

  return change_figure (self, figure->kpi_id, figure->fiscal_year, figure->kind, FALSE, NULL,
                        figure, NULL, error);
}

/**
 * hubs_store_remove_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @error: a location for a #GError
 *
 * Removes one figure ("no figure") and records it in the history, in one transaction.
 * Removing a figure that is not there changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_remove_figure (HubsStore       *self,
                          const char      *kpi_id,
                          int              fiscal_year,
                          HubsFigureKind   kind,
                          GError         **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return change_figure (self, kpi_id, fiscal_year, kind, FALSE, NULL, NULL, NULL, error);
}

/**
 * hubs_store_replace_figure:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @before: (nullable): the figure the change was made against, %NULL for none
 * @after: (nullable): the figure to store, %NULL to remove it
 * @error: a location for a #GError
 *
 * Like hubs_store_set_figure() and hubs_store_remove_figure(), but only while the stored
 * figure is still @before: when another writer (an import, another window) changed it
 * meanwhile, fails with %HUBS_STORE_ERROR_CONFLICT, says what it now reads, and changes
 * nothing. A figure already equal to @after changes nothing and succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_replace_figure (HubsStore         *self,
                           const char        *kpi_id,
                           int                fiscal_year,
                           HubsFigureKind     kind,
                           const HubsFigure  *before,
                           const HubsFigure  *after,
                           GError           **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  return change_figure (self, kpi_id, fiscal_year, kind, TRUE, before, after, NULL, error);
}

/**
 * hubs_store_save_figure_over:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @theirs: the change the save met (hubs_store_read_figure_conflict())
 * @after: (nullable): the figure to store, %NULL to remove it
 * @error: a location for a #GError
 *
 * Saves anyway, over another person's change: like hubs_store_replace_figure() with
 * @theirs as what the change is made against (so a change made after theirs is still
 * refused), and the history records, beside the change, that it was saved over theirs and
 * whose it was (a row of field `saved-over`). Declared in hubs-store-conflict.h.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_save_figure_over (HubsStore                 *self,
                             const char                *kpi_id,
                             int                        fiscal_year,
                             HubsFigureKind             kind,
                             const HubsFigureConflict  *theirs,
                             const HubsFigure          *after,
                             GError                   **error)
{
  g_autofree char *whose = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);
  g_return_val_if_fail (theirs != NULL, FALSE);

  /* The person, as the history says one; their database user has a column of its own. */
  whose = hubs_history_describe_who (theirs->changed_by, theirs->organisation, NULL);
  if (whose == NULL)
    whose = g_strdup ("");

  return change_figure (self, kpi_id, fiscal_year, kind, TRUE, theirs->figure, after, whose,
                        error);
}

/* Adds a hub row as it is, with its sort order. No history. */
gboolean
_hubs_store_insert_hub (HubsStore      *self,
                        const HubsHub  *hub,
                        GError        **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT INTO hub (" HUBS_STORE_HUB_COLUMNS ") VALUES (?1, ?2, "
                                    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                    "?17)",
                                    error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, hub->id);
  _hubs_store_bind_text_or_empty (stmt, 2, hub->name_ja);
  _hubs_store_bind_text_or_empty (stmt, 3, hub->name_en);
  _hubs_store_bind_text_or_empty (stmt, 4, hub->consortium_ja);
  _hubs_store_bind_text_or_empty (stmt, 5, hub->consortium_en);
  _hubs_store_bind_text (stmt, 6, hubs_tier_to_string (hub->tier));
  _hubs_store_bind_text (stmt, 7, hubs_hub_type_to_string (hub->type));
  _hubs_store_bind_text_or_empty (stmt, 8, hub->slogan_ja);
  _hubs_store_bind_text_or_empty (stmt, 9, hub->slogan_en);
  _hubs_store_bind_text_or_empty (stmt, 10, hub->summary_ja);
  _hubs_store_bind_text_or_empty (stmt, 11, hub->summary_en);
  _hubs_store_bind_text_or_empty (stmt, 12, hub->members_ja);
  _hubs_store_bind_text_or_empty (stmt, 13, hub->members_en);
  _hubs_store_bind_text_or_empty (stmt, 14, hub->focus_ja);
  _hubs_store_bind_text_or_empty (stmt, 15, hub->focus_en);
  hubs_db_stmt_bind_int (stmt, 16, hub->sort_order);
  hubs_db_stmt_bind_int (stmt, 17, hub->members_more);

  return _hubs_store_step_done (self, stmt, error);
}

/* Adds a KPI row as it is, with its sort order. No history. */
gboolean
_hubs_store_insert_kpi (HubsStore      *self,
                        const HubsKpi  *kpi,
                        GError        **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT INTO kpi (" HUBS_STORE_KPI_COLUMNS ") VALUES (?1, ?2, "
                                    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                    "?17)",
                                    error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, kpi->id);
  _hubs_store_bind_text (stmt, 2, kpi->hub_id);
  _hubs_store_bind_text (stmt, 3, kpi->parent_id);
  _hubs_store_bind_text_or_empty (stmt, 4, kpi->name_ja);
  _hubs_store_bind_text_or_empty (stmt, 5, kpi->name_en);
  _hubs_store_bind_text (stmt, 6, hubs_pillar_to_string (kpi->pillar));
  _hubs_store_bind_text_or_empty (stmt, 7, kpi->unit);
  _hubs_store_bind_text (stmt, 8, hubs_aggregation_to_string (kpi->aggregation));
  _hubs_store_bind_text (stmt, 9, hubs_direction_to_string (kpi->direction));
  _hubs_store_bind_text (stmt, 10, hubs_qualifier_to_string (kpi->qualifier));
  hubs_db_stmt_bind_int (stmt, 11, kpi->per_year);
  hubs_db_stmt_bind_int (stmt, 12, kpi->path_from_zero);
  _hubs_store_bind_text_or_empty (stmt, 13, kpi->note_ja);
  _hubs_store_bind_text_or_empty (stmt, 14, kpi->note_en);
  hubs_db_stmt_bind_int (stmt, 15, kpi->sort_order);
  _hubs_store_bind_text_or_empty (stmt, 16, kpi->unit_en_one);
  _hubs_store_bind_text_or_empty (stmt, 17, kpi->unit_en);

  return _hubs_store_step_done (self, stmt, error);
}

/* Adds one phase-1 result. */
gboolean
_hubs_store_insert_phase1_result (HubsStore               *self,
                                  const HubsPhase1Result  *result,
                                  GError                 **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT INTO phase1_result (id, hub_id, name_ja, name_en, "
                                    "unit, start_value, target_value, target_text_ja, "
                                    "target_text_en, result_value, sort_order) VALUES (?1, ?2, ?3, "
                                    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, result->id);
  _hubs_store_bind_text (stmt, 2, result->hub_id);
  _hubs_store_bind_text_or_empty (stmt, 3, result->name_ja);
  _hubs_store_bind_text_or_empty (stmt, 4, result->name_en);
  _hubs_store_bind_text_or_empty (stmt, 5, result->unit);
  hubs_db_stmt_bind_double (stmt, 6, result->start);
  if (result->has_target)
    hubs_db_stmt_bind_double (stmt, 7, result->target);
  _hubs_store_bind_text_or_empty (stmt, 8, result->target_text_ja);
  _hubs_store_bind_text_or_empty (stmt, 9, result->target_text_en);
  hubs_db_stmt_bind_double (stmt, 10, result->result);
  hubs_db_stmt_bind_int (stmt, 11, result->sort_order);

  return _hubs_store_step_done (self, stmt, error);
}

/* The KPI's fields as history records them, in a fixed order. */
static void
kpi_fields (const HubsKpi *kpi,
            const char   **names,
            char         **values)
{
  static const char * const field_names[] = {
    "name_ja", "name_en", "pillar", "unit", "aggregation", "direction", "qualifier",
    "per_year", "path_from_zero", "note_ja", "note_en", "parent_id", "unit_en_one", "unit_en",
  };
  guint i = 0;

  for (i = 0; i < G_N_ELEMENTS (field_names); i++)
    names[i] = field_names[i];

  i = 0;
  values[i++] = g_strdup (kpi ? kpi->name_ja : NULL);
  values[i++] = g_strdup (kpi ? kpi->name_en : NULL);
  values[i++] = g_strdup (kpi ? hubs_pillar_to_string (kpi->pillar) : NULL);
  values[i++] = g_strdup (kpi ? kpi->unit : NULL);
  values[i++] = g_strdup (kpi ? hubs_aggregation_to_string (kpi->aggregation) : NULL);
  values[i++] = g_strdup (kpi ? hubs_direction_to_string (kpi->direction) : NULL);
  values[i++] = g_strdup (kpi ? hubs_qualifier_to_string (kpi->qualifier) : NULL);
  values[i++] = kpi ? g_strdup (kpi->per_year ? "true" : "false") : NULL;
  values[i++] = kpi ? g_strdup (kpi->path_from_zero ? "true" : "false") : NULL;
  values[i++] = g_strdup (kpi ? kpi->note_ja : NULL);
  values[i++] = g_strdup (kpi ? kpi->note_en : NULL);
  values[i++] = g_strdup (kpi ? kpi->parent_id : NULL);
  values[i++] = g_strdup (kpi ? kpi->unit_en_one : NULL);
  values[i++] = g_strdup (kpi ? kpi->unit_en : NULL);
}

#define N_KPI_FIELDS 14

/* Appends one history row for each field that differs between @old (or no KPI) and @new
 * (or no KPI). */
gboolean
_hubs_store_append_kpi_history (HubsStore      *self,
                                const char     *hub_id,
                                const char     *kpi_id,
                                const HubsKpi  *old,
                                const HubsKpi  *new,
                                GError        **error)
{
  const char *names[N_KPI_FIELDS];
  char *old_values[N_KPI_FIELDS];
  char *new_values[N_KPI_FIELDS];
  gboolean ok = TRUE;

  kpi_fields (old, names, old_values);
  kpi_fields (new, names, new_values);

  for (guint i = 0; i < N_KPI_FIELDS; i++)
    {
      if (ok)
        ok = _hubs_store_append_history_row (self, hub_id, kpi_id, 0, NULL, names[i],
                                             old_values[i], new_values[i], error);
      g_free (old_values[i]);
      g_free (new_values[i]);
    }

  return ok;
}

static gboolean
update_kpi (HubsStore      *self,
            const HubsKpi  *kpi,
            GError        **error)
{
  HubsDbStmt *stmt;

  if (!(stmt = _hubs_store_prepare (self,
                                    "UPDATE kpi SET parent_id = ?2, name_ja = ?3, name_en = ?4, "
                                    "pillar = ?5, unit = ?6, aggregation = ?7, direction = ?8, "
                                    "qualifier = ?9, per_year = ?10, path_from_zero = ?11, note_ja "
                                    "= ?12, note_en = ?13, unit_en_one = ?14, unit_en = ?15 WHERE "
                                    "id = ?1", error)))
    return FALSE;

  _hubs_store_bind_text (stmt, 1, kpi->id);
  _hubs_store_bind_text (stmt, 2, kpi->parent_id);
  _hubs_store_bind_text_or_empty (stmt, 3, kpi->name_ja);
  _hubs_store_bind_text_or_empty (stmt, 4, kpi->name_en);
  _hubs_store_bind_text (stmt, 5, hubs_pillar_to_string (kpi->pillar));
  _hubs_store_bind_text_or_empty (stmt, 6, kpi->unit);
  _hubs_store_bind_text (stmt, 7, hubs_aggregation_to_string (kpi->aggregation));
  _hubs_store_bind_text (stmt, 8, hubs_direction_to_string (kpi->direction));
  _hubs_store_bind_text (stmt, 9, hubs_qualifier_to_string (kpi->qualifier));
  hubs_db_stmt_bind_int (stmt, 10, kpi->per_year);
  hubs_db_stmt_bind_int (stmt, 11, kpi->path_from_zero);
  _hubs_store_bind_text_or_empty (stmt, 12, kpi->note_ja);
  _hubs_store_bind_text_or_empty (stmt, 13, kpi->note_en);
  _hubs_store_bind_text_or_empty (stmt, 14, kpi->unit_en_one);
  _hubs_store_bind_text_or_empty (stmt, 15, kpi->unit_en);

  return _hubs_store_step_done (self, stmt, error);
}

static gboolean
check_kpi (const HubsKpi  *kpi,
           GError        **error)
{
  if ((kpi->name_ja == NULL || *kpi->name_ja == '\0') &&
      (kpi->name_en == NULL || *kpi->name_en == '\0'))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A KPI needs a name in Japanese or English."));
      return FALSE;
    }

  if (kpi->unit == NULL || *kpi->unit == '\0')
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A KPI needs a unit, such as 社 or 件."));
      return FALSE;
    }

  return TRUE;
}

static gboolean save_kpi (HubsStore      *self,
                          gboolean        check,
                          const HubsKpi  *before,
                          const HubsKpi  *kpi,
                          GError        **error);

/**
 * hubs_store_save_kpi:
 * @self: a #HubsStore
 * @kpi: the KPI's fields; its id says which KPI
 * @error: a location for a #GError
 *
 * Adds @kpi, at the end of its hub, or updates the KPI with its id, recording each changed
 * field in the history, in one transaction. Sort order is changed only by
 * hubs_store_move_kpi().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_save_kpi (HubsStore      *self,
                     const HubsKpi  *kpi,
                     GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi != NULL && kpi->id != NULL && kpi->hub_id != NULL, FALSE);

  return save_kpi (self, FALSE, NULL, kpi, error);
}

/**
 * hubs_store_replace_kpi:
 * @self: a #HubsStore
 * @before: (nullable): the KPI as the user saw it, or %NULL for a KPI they add
 * @after: as they saved it
 * @error: a location for a #GError
 *
 * Saves the fields @after changes from @before, as hubs_store_save_kpi() does, only while
 * each still holds what @before says (or already what @after says); the others keep what
 * is stored now (see hubs-store-merge.c). A KPI added (@before %NULL) is refused when its id
 * is taken meanwhile.
 *
 * Returns: %TRUE on success; %FALSE with %HUBS_STORE_ERROR_CONFLICT when someone else
 *   changed, added or deleted it meanwhile (nothing is saved)
 */
gboolean
hubs_store_replace_kpi (HubsStore      *self,
                        const HubsKpi  *before,
                        const HubsKpi  *after,
                        GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (after != NULL && after->id != NULL && after->hub_id != NULL, FALSE);
  g_return_val_if_fail (before == NULL || g_strcmp0 (before->id, after->id) == 0, FALSE);

  return save_kpi (self, TRUE, before, after, error);
}

/* Says what a save over @before met, when it met someone else's change. */
static void
set_changed_meanwhile_error (GError     **error,
                             gboolean     added,
                             gboolean     deleted,
                             const char  *name)
{
  if (added)
    g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
                         _("Someone else added the same thing meanwhile; nothing was changed."));
  else if (deleted)
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
                 _("“%s” was deleted elsewhere meanwhile; nothing was changed."), name);
  else
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
                 _("“%s” was changed elsewhere meanwhile; nothing was changed."), name);
}

/* Saves @kpi; with @check, only over @before (see hubs_store_replace_kpi()). */
static gboolean
save_kpi (HubsStore      *self,
          gboolean        check,
          const HubsKpi  *before,
          const HubsKpi  *kpi,
          GError        **error)
{
  g_autoptr(HubsKpi) old = NULL;
  g_autoptr(HubsKpi) merged = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_kpi (kpi, error) || !_hubs_store_begin (self, error))
    return FALSE;

  if (check && !_hubs_store_lock (self, "kpi", kpi->id, error))
    goto failed;

  old = hubs_store_get_kpi (self, kpi->id, &local_error);
  if (old == NULL && !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  if (check && (before == NULL) != (old == NULL))
    {
      set_changed_meanwhile_error (error, old != NULL, old == NULL,
                                   hubs_i18n_pick (kpi->name_ja, kpi->name_en));
      goto failed;
    }
  if (check && old != NULL)
    {
      if (!(merged = _hubs_store_merge_kpi (before, kpi, old)))
        {
          set_changed_meanwhile_error (error, FALSE, FALSE,
                                       hubs_i18n_pick (old->name_ja, old->name_en));
          goto failed;
        }
      kpi = merged;
    }

  if (old != NULL)
    {
      if (!update_kpi (self, kpi, error))
        goto failed;
    }
  else
    {
      g_autoptr(HubsKpi) added = hubs_kpi_copy (kpi);
      int n_kpis;
      int rc;
      HubsDbStmt *stmt;

      if (!(stmt = _hubs_store_prepare (self, "SELECT coalesce (max (sort_order) + 1, 0) FROM kpi "
                                  "WHERE hub_id = ?1", error)))
        goto failed;
      _hubs_store_bind_text (stmt, 1, kpi->hub_id);
      if ((rc = hubs_db_stmt_step (stmt)) != HUBS_DB_ROW)
        {
          hubs_db_stmt_reset (stmt);
          _hubs_store_set_db_error (error, _hubs_store_db (self),
                                    rc == HUBS_DB_DONE ? HUBS_DB_ERROR : rc,
                                    self->path);
          goto failed;
        }
      n_kpis = hubs_db_stmt_column_int (stmt, 0);
      hubs_db_stmt_reset (stmt);

      added->sort_order = n_kpis;
      if (!_hubs_store_insert_kpi (self, added, error))
        goto failed;
    }

  if (!_hubs_store_append_kpi_history (self, kpi->hub_id, kpi->id, old, kpi, error) ||
      !_hubs_store_commit (self, error))
    goto failed;

  if (old != NULL)
    {
      g_autoptr(HubsKpi) saved = hubs_kpi_copy (kpi);
      HubsStoreChange change = {
        .kind = HUBS_STORE_CHANGE_KPI, .hub_id = kpi->hub_id, .kpi_id = kpi->id, .kpi = saved,
      };

      /* Its place is changed only by hubs_store_move_kpi(). */
      saved->sort_order = old->sort_order;
      _hubs_store_emit_change (self, &change);
    }
  else
    _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi->id);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_delete_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @error: a location for a #GError
 *
 * Deletes a KPI and its figures, recording every deleted field and figure in the history so
 * that nothing is lost, in one transaction. Its breakdowns stay, without a parent.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_delete_kpi (HubsStore   *self,
                       const char  *kpi_id,
                       GError     **error)
{
  g_autoptr(HubsKpi) old = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!(old = hubs_store_get_kpi (self, kpi_id, error)) ||
      !(figures = hubs_store_list_figures (self, kpi_id, error)))
    goto failed;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!_hubs_store_append_figure_history (self, old->hub_id, kpi_id, figure->fiscal_year,
                                              figure->kind, figure, NULL, error))
        goto failed;
    }

  if (!_hubs_store_append_kpi_history (self, old->hub_id, kpi_id, old, NULL, error))
    goto failed;

  if (!(stmt = _hubs_store_prepare (self, "DELETE FROM kpi WHERE id = ?1", error)))
    goto failed;
  _hubs_store_bind_text (stmt, 1, kpi_id);
  if (!_hubs_store_step_done (self, stmt, error) || !_hubs_store_commit (self, error))
    goto failed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, old->hub_id, kpi_id);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_restore_kpi:
 * @self: a #HubsStore
 * @kpi: a deleted KPI, as it was, with its sort order
 * @figures: (element-type HubsFigure): its figures
 * @error: a location for a #GError
 *
 * Puts a deleted KPI and its figures back where they were, in one transaction; undoes
 * hubs_store_delete_kpi().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_restore_kpi (HubsStore      *self,
                        const HubsKpi  *kpi,
                        GPtrArray      *figures,
                        GError        **error)
{
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi != NULL && figures != NULL, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  /* Make room at its old place. */
  if (!(stmt = _hubs_store_prepare (self, "UPDATE kpi SET sort_order = sort_order + 1 "
                              "WHERE hub_id = ?1 AND sort_order >= ?2", error)))
    goto failed;
  _hubs_store_bind_text (stmt, 1, kpi->hub_id);
  hubs_db_stmt_bind_int (stmt, 2, kpi->sort_order);
  if (!_hubs_store_step_done (self, stmt, error) || !_hubs_store_insert_kpi (self, kpi, error) ||
      !_hubs_store_append_kpi_history (self, kpi->hub_id, kpi->id, NULL, kpi, error))
    goto failed;

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!_hubs_store_write_figure (self, figure, error) ||
          !_hubs_store_append_figure_history (self, kpi->hub_id, kpi->id, figure->fiscal_year,
                                              figure->kind, NULL, figure, error))
        goto failed;
    }

  if (!_hubs_store_commit (self, error))
    goto failed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi->id);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_move_kpi:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @delta: -1 to move it up one place within its hub, 1 to move it down
 * @error: a location for a #GError
 *
 * Swaps the KPI with its neighbour, in one transaction. Moving past either end changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_move_kpi (HubsStore   *self,
                     const char  *kpi_id,
                     int          delta,
                     GError     **error)
{
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *old_position = NULL;
  g_autofree char *new_position = NULL;
  const HubsKpi *other;
  HubsDbStmt *stmt;
  guint index = 0;
  int target;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kpi_id != NULL, FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!(kpi = hubs_store_get_kpi (self, kpi_id, error)) ||
      !(kpis = hubs_store_list_kpis (self, kpi->hub_id, error)))
    goto failed;

  while (index < kpis->len && !g_str_equal (((HubsKpi *) kpis->pdata[index])->id, kpi_id))
    index++;

  target = (int) index + delta;
  if (target < 0 || target >= (int) kpis->len)
    {
      _hubs_store_rollback (self);
      return TRUE;
    }

  other = g_ptr_array_index (kpis, target);

  /* Renumber the whole hub so equal sort orders from older data cannot stall a move. */
  if (!(stmt = _hubs_store_prepare (self, "UPDATE kpi SET sort_order = ?2 WHERE id = ?1", error)))
    goto failed;
  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *k = g_ptr_array_index (kpis, i);
      int position = i == index ? target : (int) i == target ? (int) index : (int) i;

      hubs_db_stmt_reset (stmt);
      _hubs_store_bind_text (stmt, 1, k->id);
      hubs_db_stmt_bind_int (stmt, 2, position);
      if (!_hubs_store_step_done (self, stmt, error))
        goto failed;
    }

  old_position = g_strdup_printf ("%u", index);
  new_position = g_strdup_printf ("%d", target);
  if (!_hubs_store_append_history_row (self, kpi->hub_id, kpi_id, 0, NULL, "position",
                                       old_position, new_position, error) ||
      !_hubs_store_commit (self, error))
    goto failed;

  g_debug ("Moved %s past %s", kpi_id, other->id);
  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_KPI_LIST, kpi->hub_id, kpi_id);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/* Whether @id is already used, by @sql (a `SELECT 1 … WHERE id = ?1` on hub or kpi). */
static gboolean
id_is_taken (HubsStore   *self,
             const char  *sql,
             const char  *id,
             gboolean    *taken,
             GError     **error)
{
  HubsDbStmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self, sql, error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, id);
  rc = hubs_db_stmt_step (stmt);
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  *taken = rc == HUBS_DB_ROW;
  return TRUE;
}

/**
 * hubs_store_new_kpi_id:
 * @self: a #HubsStore
 * @hub_id: the hub the KPI is for
 * @error: a location for a #GError
 *
 * Returns: (transfer full): an unused KPI id of the form `HUB/kpi-N`
 */
char *
hubs_store_new_kpi_id (HubsStore   *self,
                       const char  *hub_id,
                       GError     **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub_id != NULL, NULL);

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s/kpi-%u", hub_id, n);
      gboolean taken;

      if (!id_is_taken (self, "SELECT 1 FROM kpi WHERE id = ?1", id, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&id);
    }

  g_return_val_if_reached (NULL);
}

static gboolean save_hub (HubsStore      *self,
                          gboolean        check,
                          const HubsHub  *before,
                          const HubsHub  *hub,
                          GError        **error);

/**
 * hubs_store_save_hub:
 * @self: a #HubsStore
 * @hub: the hub's fields; its id says which hub
 * @error: a location for a #GError
 *
 * Adds @hub at the end of the list, or updates the hub with its id, recording each changed
 * field in the history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_save_hub (HubsStore      *self,
                     const HubsHub  *hub,
                     GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub != NULL && hub->id != NULL, FALSE);

  return save_hub (self, FALSE, NULL, hub, error);
}

/**
 * hubs_store_replace_hub:
 * @self: a #HubsStore
 * @before: (nullable): the hub as the user saw it, or %NULL for a hub they add
 * @after: as they saved it
 * @error: a location for a #GError
 *
 * Saves the fields @after changes from @before, as hubs_store_replace_kpi() does a KPI's.
 *
 * Returns: %TRUE on success; %FALSE with %HUBS_STORE_ERROR_CONFLICT when someone else
 *   changed, added or deleted it meanwhile (nothing is saved)
 */
gboolean
hubs_store_replace_hub (HubsStore      *self,
                        const HubsHub  *before,
                        const HubsHub  *after,
                        GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (after != NULL && after->id != NULL, FALSE);
  g_return_val_if_fail (before == NULL || g_strcmp0 (before->id, after->id) == 0, FALSE);

  return save_hub (self, TRUE, before, after, error);
}

/* Saves @hub; with @check, only over @before (see hubs_store_replace_hub()). */
static gboolean
save_hub (HubsStore      *self,
          gboolean        check,
          const HubsHub  *before,
          const HubsHub  *hub,
          GError        **error)
{
  g_autoptr(HubsHub) old = NULL;
  g_autoptr(HubsHub) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  HubsDbStmt *stmt;

  if ((hub->name_ja == NULL || *hub->name_ja == '\0') &&
      (hub->name_en == NULL || *hub->name_en == '\0'))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("A hub city needs a name in Japanese or English."));
      return FALSE;
    }

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (check && !_hubs_store_lock (self, "hub", hub->id, error))
    goto failed;

  old = hubs_store_get_hub (self, hub->id, &local_error);
  if (old == NULL && !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  if (check && (before == NULL) != (old == NULL))
    {
      set_changed_meanwhile_error (error, old != NULL, old == NULL,
                                   hubs_i18n_pick (hub->name_ja, hub->name_en));
      goto failed;
    }
  if (check && old != NULL &&
      !(saved = _hubs_store_merge_hub (before, hub, old)))
    {
      set_changed_meanwhile_error (error, FALSE, FALSE,
                                   hubs_i18n_pick (old->name_ja, old->name_en));
      goto failed;
    }
  if (saved == NULL)
    saved = hubs_hub_copy (hub);

  if (!(stmt = _hubs_store_prepare (self,
                                    "INSERT INTO hub (" HUBS_STORE_HUB_COLUMNS ") VALUES (?1, ?2, "
                                    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                    "coalesce (?16, (SELECT coalesce (max (sort_order) + 1, 0) "
                                    "FROM hub)), ?17) ON CONFLICT (id) DO UPDATE SET name_ja = ?2, "
                                    "name_en = ?3, consortium_ja = ?4, consortium_en = ?5, tier = "
                                    "?6, type = ?7, slogan_ja = ?8, slogan_en = ?9, summary_ja = "
                                    "?10, summary_en = ?11, members_ja = ?12, members_en = ?13, "
                                    "focus_ja = ?14, focus_en = ?15, members_more = ?17",
                                    error)))
    goto failed;

  _hubs_store_bind_text (stmt, 1, saved->id);
  _hubs_store_bind_text_or_empty (stmt, 2, saved->name_ja);
  _hubs_store_bind_text_or_empty (stmt, 3, saved->name_en);
  _hubs_store_bind_text_or_empty (stmt, 4, saved->consortium_ja);
  _hubs_store_bind_text_or_empty (stmt, 5, saved->consortium_en);
  _hubs_store_bind_text (stmt, 6, hubs_tier_to_string (saved->tier));
  _hubs_store_bind_text (stmt, 7, hubs_hub_type_to_string (saved->type));
  _hubs_store_bind_text_or_empty (stmt, 8, saved->slogan_ja);
  _hubs_store_bind_text_or_empty (stmt, 9, saved->slogan_en);
  _hubs_store_bind_text_or_empty (stmt, 10, saved->summary_ja);
  _hubs_store_bind_text_or_empty (stmt, 11, saved->summary_en);
  _hubs_store_bind_text_or_empty (stmt, 12, saved->members_ja);
  _hubs_store_bind_text_or_empty (stmt, 13, saved->members_en);
  _hubs_store_bind_text_or_empty (stmt, 14, saved->focus_ja);
  _hubs_store_bind_text_or_empty (stmt, 15, saved->focus_en);
  if (old != NULL)
    hubs_db_stmt_bind_int (stmt, 16, old->sort_order);
  hubs_db_stmt_bind_int (stmt, 17, saved->members_more);

  if (!_hubs_store_step_done (self, stmt, error) ||
      !_hubs_store_append_history_row (self, hub->id, NULL, 0, NULL, "hub_name_ja",
                                       old ? old->name_ja : NULL, saved->name_ja, error) ||
      !_hubs_store_append_history_row (self, hub->id, NULL, 0, NULL, "hub_name_en",
                                       old ? old->name_en : NULL, saved->name_en, error) ||
      !_hubs_store_append_history_row (self, hub->id, NULL, 0, NULL, "consortium_ja",
                                       old ? old->consortium_ja : NULL, saved->consortium_ja,
                                       error) ||
      !_hubs_store_append_history_row (self, hub->id, NULL, 0, NULL, "consortium_en",
                                       old ? old->consortium_en : NULL, saved->consortium_en,
                                       error) ||
      !_hubs_store_commit (self, error))
    goto failed;

  {
    HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_HUB, .hub_id = hub->id, .hub = saved };

    if (old != NULL)
      saved->sort_order = old->sort_order;
    _hubs_store_emit_change (self, &change);
  }

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_new_hub_id:
 * @self: a #HubsStore
 * @name_en: the hub's English name
 * @error: a location for a #GError
 *
 * Makes a hub id from the English name: lowercase ASCII letters and digits joined by `-`
 * (`Test City` → `test-city`), with `-2`, `-3`… when that is taken, or `hub` when the name
 * has no such letters.
 *
 * Returns: (transfer full): an unused hub id, or %NULL when the database cannot be read
 */
char *
hubs_store_new_hub_id (HubsStore   *self,
                       const char  *name_en,
                       GError     **error)
{
  g_autoptr(GString) slug = g_string_new (NULL);

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  for (const char *p = name_en ? name_en : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "hub");

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (slug->str) : g_strdup_printf ("%s-%u", slug->str, n);
      gboolean taken;

      if (!id_is_taken (self, "SELECT 1 FROM hub WHERE id = ?1", id, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&id);
    }

  g_return_val_if_reached (NULL);
}

/**
 * hubs_store_delete_hub:
 * @self: a #HubsStore
 * @hub_id: a hub id
 * @error: a location for a #GError
 *
 * Deletes a hub with its KPIs, figures and phase-1 results, recording every deleted KPI,
 * figure and the hub itself in the history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_delete_hub (HubsStore   *self,
                       const char  *hub_id,
                       GError     **error)
{
  g_autoptr(HubsHub) old = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) figures = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!(old = hubs_store_get_hub (self, hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (self, hub_id, error)) ||
      !(figures = hubs_store_list_hub_figures (self, hub_id, error)))
    goto failed;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      GPtrArray *kpi_figures = g_hash_table_lookup (figures, kpi->id);

      for (guint j = 0; kpi_figures != NULL && j < kpi_figures->len; j++)
        {
          const HubsFigure *figure = g_ptr_array_index (kpi_figures, j);

          if (!_hubs_store_append_figure_history (self, hub_id, kpi->id, figure->fiscal_year,
                                                  figure->kind, figure, NULL, error))
            goto failed;
        }
      if (!_hubs_store_append_kpi_history (self, hub_id, kpi->id, kpi, NULL, error))
        goto failed;
    }

  if (!_hubs_store_append_history_row (self, hub_id, NULL, 0, NULL, "hub", hub_id, NULL, error) ||
      !(stmt = _hubs_store_prepare (self, "DELETE FROM hub WHERE id = ?1", error)))
    goto failed;
  _hubs_store_bind_text (stmt, 1, hub_id);
  if (!_hubs_store_step_done (self, stmt, error) || !_hubs_store_commit (self, error))
    goto failed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_HUB, hub_id, NULL);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}

/**
 * hubs_store_restore_hub:
 * @self: a #HubsStore
 * @hub: a deleted hub, as it was, with its sort order
 * @kpis: (element-type HubsKpi): its KPIs, parents before their breakdowns
 * @figures: (element-type HubsFigure): their figures
 * @phase1_results: (element-type HubsPhase1Result) (nullable): its phase-1 results
 * @error: a location for a #GError
 *
 * Puts a deleted hub back with everything it held, in one transaction, recording it in the
 * history; undoes hubs_store_delete_hub().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_restore_hub (HubsStore      *self,
                        const HubsHub  *hub,
                        GPtrArray      *kpis,
                        GPtrArray      *figures,
                        GPtrArray      *phase1_results,
                        GError        **error)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub != NULL && kpis != NULL && figures != NULL, FALSE);

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!_hubs_store_insert_hub (self, hub, error) ||
      !_hubs_store_append_history_row (self, hub->id, NULL, 0, NULL, "hub", NULL, hub->id, error))
    goto failed;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      if (!_hubs_store_insert_kpi (self, kpi, error) ||
          !_hubs_store_append_kpi_history (self, hub->id, kpi->id, NULL, kpi, error))
        goto failed;
    }

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (!_hubs_store_write_figure (self, figure, error) ||
          !_hubs_store_append_figure_history (self, hub->id, figure->kpi_id, figure->fiscal_year,
                                              figure->kind, NULL, figure, error))
        goto failed;
    }

  for (guint i = 0; phase1_results != NULL && i < phase1_results->len; i++)
    if (!_hubs_store_insert_phase1_result (self, g_ptr_array_index (phase1_results, i), error))
      goto failed;

  if (!_hubs_store_commit (self, error))
    goto failed;

  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_HUB, hub->id, NULL);

  return TRUE;

failed:
  _hubs_store_rollback (self);
  return FALSE;
}
