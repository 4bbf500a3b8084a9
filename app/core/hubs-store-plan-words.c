/* hubs-store-plan-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration 3's data step: a database made from an earlier plan file gets the shipped plan's
 * words where the user has not changed them. The KPI notes that explained how the slides were
 * read give way to the notes for readers, the plan's footnotes on figures get their English,
 * the figures the plan prints in another unit (or in none) say so, and funding deals are deals
 * in English. What a user wrote stays as they wrote it.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include "hubs-plan.h"
#include "hubs-store-private.h"

static gboolean
update_kpi (HubsStore      *self,
            HubsPlan       *plan,
            const HubsKpi  *kpi,
            GError        **error)
{
  const char *reading_ja = hubs_plan_get_reading (plan, kpi->id, HUBS_LANGUAGE_JA);
  const char *reading_en = hubs_plan_get_reading (plan, kpi->id, HUBS_LANGUAGE_EN);
  HubsDbStmt *stmt;

  /* The earlier plan file had the reading where the note is now. */
  if (reading_ja != NULL)
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "UPDATE kpi SET note_ja = ?2, note_en = ?3 WHERE id = ?1 "
                                        "AND note_ja = ?4 AND note_en = ?5", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, kpi->id);
      _hubs_store_bind_text_or_empty (stmt, 2, kpi->note_ja);
      _hubs_store_bind_text_or_empty (stmt, 3, kpi->note_en);
      _hubs_store_bind_text (stmt, 4, reading_ja);
      _hubs_store_bind_text (stmt, 5, reading_en);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (kpi->unit_en != NULL && *kpi->unit_en != '\0')
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "UPDATE kpi SET unit_en_one = ?2, unit_en = ?3 WHERE id = "
                                        "?1 AND unit = ?4 AND unit_en = ''", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, kpi->id);
      _hubs_store_bind_text (stmt, 2, kpi->unit_en_one);
      _hubs_store_bind_text (stmt, 3, kpi->unit_en);
      _hubs_store_bind_text (stmt, 4, kpi->unit);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_figure (HubsStore         *self,
               const HubsFigure  *figure,
               GError           **error)
{
  HubsDbStmt *stmt;

  if (figure->note_en != NULL)
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "UPDATE figure SET note_en = ?4 WHERE kpi_id = ?1 AND "
                                        "fiscal_year = ?2 AND kind = ?3 AND note = ?5 AND note_en "
                                        "IS NULL", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, figure->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      _hubs_store_bind_text (stmt, 4, figure->note_en);
      _hubs_store_bind_text (stmt, 5, figure->note);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* Only while the figure is still the plan's: a unit as published belongs to that number. */
  if (figure->unit != NULL && figure->measured)
    {
      if (!(stmt = _hubs_store_prepare (self,
                                        "UPDATE figure SET unit = ?4 WHERE kpi_id = ?1 AND "
                                        "fiscal_year = ?2 AND kind = ?3 AND measured = 1 AND value "
                                        "= ?5 AND unit IS NULL", error)))
        return FALSE;
      _hubs_store_bind_text (stmt, 1, figure->kpi_id);
      hubs_db_stmt_bind_int (stmt, 2, figure->fiscal_year);
      _hubs_store_bind_text (stmt, 3, hubs_figure_kind_to_string (figure->kind));
      _hubs_store_bind_text (stmt, 4, figure->unit);
      hubs_db_stmt_bind_double (stmt, 5, figure->value);
      if (!_hubs_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs inside migration 3's transaction. */
gboolean
_hubs_store_migrate_plan_words (HubsStore  *self,
                                GError    **error)
{
  HubsPlan *plan;
  GPtrArray *kpis;
  GPtrArray *figures;
  int n_kpis = 0;

  if (!_hubs_store_query_int (self, "SELECT count(*) FROM kpi", &n_kpis, error))
    return FALSE;
  if (n_kpis == 0)
    return TRUE;

  if (!(plan = hubs_plan_get_builtin ()))
    return TRUE;

  kpis = hubs_plan_get_kpis (plan);
  figures = hubs_plan_get_figures (plan);

  for (guint i = 0; i < kpis->len; i++)
    if (!update_kpi (self, plan, g_ptr_array_index (kpis, i), error))
      return FALSE;

  for (guint i = 0; i < figures->len; i++)
    if (!update_figure (self, g_ptr_array_index (figures, i), error))
      return FALSE;

  return TRUE;
}
