/* hubs-store-conflict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save made on a figure that someone else changed meanwhile: what the store now holds,
 * who changed it and when (the last history row of that figure), and the sentence that
 * says so on the field, e.g. “Sato Hanako (Fukuoka City) changed this to 1,234 companies on
 * 3 December 2026, 10:42.” The refusal itself is change_figure()'s, in hubs-store-write.c.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-store-conflict.h"
#include "hubs-store-private.h"

G_DEFINE_BOXED_TYPE (HubsFigureConflict, hubs_figure_conflict,
                     hubs_figure_conflict_copy, hubs_figure_conflict_free)

HubsFigureConflict *
hubs_figure_conflict_copy (const HubsFigureConflict *conflict)
{
  HubsFigureConflict *copy;

  g_return_val_if_fail (conflict != NULL, NULL);

  copy = g_new0 (HubsFigureConflict, 1);
  copy->figure = conflict->figure != NULL ? hubs_figure_copy (conflict->figure) : NULL;
  copy->changed_by = g_strdup (conflict->changed_by);
  copy->organisation = g_strdup (conflict->organisation);
  copy->db_user = g_strdup (conflict->db_user);
  copy->changed_at = g_strdup (conflict->changed_at);

  return copy;
}

void
hubs_figure_conflict_free (HubsFigureConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_clear_pointer (&conflict->figure, hubs_figure_free);
  g_free (conflict->changed_by);
  g_free (conflict->organisation);
  g_free (conflict->db_user);
  g_free (conflict->changed_at);
  g_free (conflict);
}

/* Reads who made the last recorded change of one figure (of its @field only, unless %NULL),
 * in the caller's transaction. Leaves @conflict's who and when %NULL where the history has
 * none. */
gboolean
_hubs_store_read_last_figure_change (HubsStore           *self,
                                     const char          *kpi_id,
                                     int                  fiscal_year,
                                     HubsFigureKind       kind,
                                     const char          *field,
                                     HubsFigureConflict  *conflict,
                                     GError             **error)
{
  HubsDbStmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self,
                                    "SELECT changed_by, organisation, changed_at, db_user "
                                    "FROM history "
                                    "WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = ?3 "
                                    "AND (?4 IS NULL OR field = ?4) ORDER BY id DESC LIMIT 1",
                                    error)))
    return FALSE;
  _hubs_store_bind_text (stmt, 1, kpi_id);
  hubs_db_stmt_bind_int (stmt, 2, fiscal_year);
  _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (kind));
  _hubs_store_bind_text (stmt, 4, field);

  rc = hubs_db_stmt_step (stmt);
  if (rc == HUBS_DB_ROW)
    {
      conflict->changed_by = _hubs_store_column_text (stmt, 0);
      conflict->organisation = _hubs_store_column_text (stmt, 1);
      conflict->changed_at = _hubs_store_column_text (stmt, 2);
      conflict->db_user = _hubs_store_column_text (stmt, 3);
    }
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * hubs_figure_conflict_describe:
 * @conflict: what a save met
 * @unit: the KPI's unit
 * @lang: the language to write in
 *
 * Returns: (transfer full): who changed the figure, when and to what, in one sentence
 */
char *
hubs_figure_conflict_describe (const HubsFigureConflict *conflict,
                               const char               *unit,
                               HubsLanguage              lang)
{
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) moment = NULL;
  const HubsFigure *now;

  g_return_val_if_fail (conflict != NULL, NULL);

  now = conflict->figure;
  if (now == NULL)
    value = g_strdup (_("no figure"));
  else if (!now->measured)
    value = g_strdup (_("not measured"));
  else
    value = hubs_format_value (now->value, unit, lang);

  if (conflict->changed_at != NULL &&
      (moment = g_date_time_new_from_iso8601 (conflict->changed_at, NULL)) != NULL)
    when = hubs_format_moment (moment, lang);

  /* No one recorded (a change made past Hubs, straight on the server, names its database
   * user at least). */
  if (when == NULL ||
      (conflict->changed_by == NULL && conflict->organisation == NULL && conflict->db_user == NULL))
    /* Translators: %s is the figure as it is now stored, e.g. “999 companies” */
    return g_strdup_printf (_("This figure was changed elsewhere meanwhile and now reads %s."),
                            value);

  if (conflict->changed_by != NULL && conflict->organisation != NULL)
    /* Translators: on a field whose save was refused: %1$s is a person, %2$s their
     * organisation, %3$s the figure they stored, %4$s when (“3 December 2026, 10:42”).
     * Japanese: 佐藤花子（福岡市）さんが2026年12月3日 10:42に「1,234社」に変更しました。 */
    return g_strdup_printf (_("%1$s (%2$s) changed this to %3$s on %4$s."),
                            conflict->changed_by, conflict->organisation, value, when);

  /* Translators: as above, without the organisation (or without the person's name) */
  return g_strdup_printf (_("%1$s changed this to %2$s on %3$s."),
                          conflict->changed_by != NULL ? conflict->changed_by
                          : conflict->organisation != NULL ? conflict->organisation
                          : conflict->db_user,
                          value, when);
}

/**
 * hubs_store_read_figure_conflict:
 * @self: a #HubsStore
 * @kpi_id: a KPI id
 * @fiscal_year: the fiscal year
 * @kind: baseline, target or actual
 * @error: a location for a #GError
 *
 * Reads, as of one moment, the figure as now stored and who last changed it and when: what
 * a save refused with %HUBS_STORE_ERROR_CONFLICT met. A save over it
 * (hubs_store_save_figure_over()) is made against this figure.
 *
 * Returns: (transfer full) (nullable): the conflict, or %NULL on error
 */
HubsFigureConflict *
hubs_store_read_figure_conflict (HubsStore       *self,
                                 const char      *kpi_id,
                                 int              fiscal_year,
                                 HubsFigureKind   kind,
                                 GError         **error)
{
  g_autoptr(HubsFigureConflict) conflict = g_new0 (HubsFigureConflict, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!hubs_store_begin_read (self, error))
    return NULL;

  conflict->figure = hubs_store_get_figure (self, kpi_id, fiscal_year, kind, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, HUBS_STORE_ERROR,
                                               HUBS_STORE_ERROR_NOT_FOUND))
    {
      hubs_store_end_read (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!_hubs_store_read_last_figure_change (self, kpi_id, fiscal_year, kind, NULL, conflict,
                                            error))
    {
      hubs_store_end_read (self);
      return NULL;
    }
  hubs_store_end_read (self);

  return g_steal_pointer (&conflict);
}
