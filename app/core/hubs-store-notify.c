/* hubs-store-notify.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a shared database on PostgreSQL tells every connection what another one changed.
 *
 * The server does the telling, so that every committed write notifies, whoever made it (a
 * window, `hubs --import-csv`, psql): a trigger on the tables the live model shows sends a
 * notice on the channel HUBS_STORE_NOTIFY_CHANNEL in the writing transaction, which the
 * server delivers at its commit and drops at a rollback. The notice names the schema (one
 * database on a server may hold several Hubs databases, each in a schema of its own), then
 * what changed, as HubsStoreChange does, in fields separated by tabs:
 *
 *   SCHEMA, then: figure HUB KPI YEAR KIND | kpi HUB KPI | kpi-list HUB KPI | hub HUB |
 *   year HUB YEAR | explanation HUB KPI YEAR | all
 *
 * A transaction that changes more than one row (an import, a plan applied, a KPI moved)
 * sends, after the first row's notice, one `all`, and nothing for the rows after it.
 *
 * The trigger is set up once, at open, by a connection that may (the owner of the tables);
 * opening again finds it in place and changes nothing. hubs-store-watch.c listens, and
 * passes each notice here, where it becomes the store's own #HubsStore::changed, with the
 * figure, KPI, hub, year or explanation as now stored.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <stdlib.h>

#include "hubs-db-pg.h"
#include "hubs-store-private.h"
#include "hubs-store-writer.h"

/* The function's body, compared with the one in place to know whether it is up to date. */
#define NOTIFY_BODY \
  "\n" \
  "DECLARE\n" \
  "  n integer := coalesce (nullif (current_setting ('hubs.n_changes', true), ''), " \
  "'0')::integer + 1;\n" \
  "  r record;\n" \
  "  notice text;\n" \
  "BEGIN\n" \
  "  PERFORM set_config ('hubs.n_changes', n::text, true);\n" \
  "  IF n = 2 THEN\n" \
  "    PERFORM pg_notify ('" HUBS_STORE_NOTIFY_CHANNEL "', TG_TABLE_SCHEMA || E'\\tall');\n" \
  "  END IF;\n" \
  "  IF n > 1 THEN\n" \
  "    RETURN NULL;\n" \
  "  END IF;\n" \
  "  IF TG_OP = 'DELETE' THEN\n" \
  "    r := OLD;\n" \
  "  ELSE\n" \
  "    r := NEW;\n" \
  "  END IF;\n" \
  "  IF TG_TABLE_NAME = 'figure' THEN\n" \
  "    notice := concat_ws (E'\\t', 'figure', coalesce ((SELECT hub_id FROM kpi " \
  "WHERE id = r.kpi_id), ''), r.kpi_id, r.fiscal_year, r.kind);\n" \
  "  ELSIF TG_TABLE_NAME = 'kpi' THEN\n" \
  "    notice := concat_ws (E'\\t', 'kpi-list', r.hub_id, r.id);\n" \
  "    IF TG_OP = 'UPDATE' THEN\n" \
  "      IF OLD.sort_order IS NOT DISTINCT FROM NEW.sort_order AND OLD.parent_id IS NOT " \
  "DISTINCT FROM NEW.parent_id AND OLD.hub_id = NEW.hub_id THEN\n" \
  "        notice := concat_ws (E'\\t', 'kpi', r.hub_id, r.id);\n" \
  "      END IF;\n" \
  "    END IF;\n" \
  "  ELSIF TG_OP = 'DELETE' THEN\n" \
  "    notice := 'all';\n" \
  "  ELSIF TG_TABLE_NAME = 'hub' THEN\n" \
  "    notice := concat_ws (E'\\t', 'hub', r.id);\n" \
  "  ELSIF TG_TABLE_NAME = 'year_state' THEN\n" \
  "    notice := concat_ws (E'\\t', 'year', r.hub_id, r.fiscal_year);\n" \
  "  ELSIF TG_TABLE_NAME = 'explanation' THEN\n" \
  "    notice := concat_ws (E'\\t', 'explanation', coalesce ((SELECT hub_id FROM kpi " \
  "WHERE id = r.kpi_id), ''), r.kpi_id, r.fiscal_year);\n" \
  "  END IF;\n" \
  "  IF notice IS NULL OR octet_length (notice) > 7900 THEN\n" \
  "    notice := 'all';\n" \
  "  END IF;\n" \
  "  PERFORM pg_notify ('" HUBS_STORE_NOTIFY_CHANNEL "', TG_TABLE_SCHEMA || E'\\t' || notice);\n" \
  "  RETURN NULL;\n" \
  "END\n"

static const char * const notified_tables[] = {
  "figure", "kpi", "hub", "year_state", "explanation",
};

/* Whether the trigger is in place, on every table, with this version's body. */
static gboolean
is_set_up (HubsStore *self)
{
  g_autofree char *sql = NULL;
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, NOTIFY_BODY, -1);
  int n = 0;

  sql = g_strdup_printf ("SELECT count(*) FROM pg_catalog.pg_trigger t "
                         "JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid "
                         "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                         "WHERE t.tgname = 'hubs_notify' AND p.proname = 'hubs_notify_change' "
                         "AND c.relnamespace = current_schema ()::regnamespace "
                         "AND p.pronamespace = current_schema ()::regnamespace "
                         "AND md5 (p.prosrc) = '%s'", md5);
  if (!_hubs_store_query_int (self, sql, &n, NULL))
    return FALSE;

  return n == G_N_ELEMENTS (notified_tables);
}

/**
 * _hubs_store_set_up_notify:
 * @self: a writable store on a server
 *
 * Puts the trigger that notifies other connections in place, or brings it up to date, in
 * one transaction. A connection that may not (not the owner of the tables) logs why; the
 * store works without, and other windows then do not follow its changes.
 */
void
_hubs_store_set_up_notify (HubsStore *self)
{
  g_autoptr(GString) sql = NULL;
  int rc;

  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL || self->read_only ||
      is_set_up (self))
    return;

  /* Only the owner of the tables may put a trigger on them (hubs-store-roles.c). */
  if (!self->administrator)
    {
      g_message ("Other connections will not be told of changes to %s until an administrator "
                 "opens it once", self->path);
      return;
    }

  sql = g_string_new ("BEGIN; CREATE OR REPLACE FUNCTION hubs_notify_change () "
                      "RETURNS trigger LANGUAGE plpgsql AS $hubs$" NOTIFY_BODY "$hubs$;");
  for (guint i = 0; i < G_N_ELEMENTS (notified_tables); i++)
    g_string_append_printf (sql, " CREATE OR REPLACE TRIGGER hubs_notify AFTER INSERT OR "
                                 "UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION "
                                 "hubs_notify_change ();", notified_tables[i]);
  g_string_append (sql, " COMMIT");

  rc = hubs_db_pg_exec_native (self->db, sql->str);
  if (rc != HUBS_DB_OK)
    {
      g_message ("Other connections will not be told of changes to %s: %s",
                 self->path, hubs_db_errmsg (self->db));
      hubs_db_exec (self->db, "ROLLBACK");
    }
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || value < 1900 || value > 3000)
    return FALSE;

  *year = (int) value;
  return TRUE;
}

/* Emits the change @fields name, with the thing changed as now stored. */
static gboolean
emit_notice (HubsStore  *self,
             char      **fields)
{
  guint n = g_strv_length (fields);
  HubsStoreChange change = { .kind = HUBS_STORE_CHANGE_ALL };
  g_autoptr(HubsFigure) figure = NULL;
  g_autoptr(HubsKpi) kpi = NULL;
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(HubsYearState) year_state = NULL;
  g_autoptr(HubsExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (fields[0], "figure") && n == 5 &&
      parse_year (fields[3], &change.fiscal_year) &&
      hubs_figure_kind_from_string (fields[4], &change.figure_kind))
    {
      figure = hubs_store_get_figure (self, fields[2], change.fiscal_year, change.figure_kind,
                                      &error);
      if (figure == NULL && !g_error_matches (error, HUBS_STORE_ERROR,
                                              HUBS_STORE_ERROR_NOT_FOUND))
        return FALSE;
      change.kind = HUBS_STORE_CHANGE_FIGURE;
      change.hub_id = *fields[1] != '\0' ? fields[1] : NULL;
      change.kpi_id = fields[2];
      change.figure = figure;
    }
  else if (g_str_equal (fields[0], "kpi") && n == 3)
    {
      if (!(kpi = hubs_store_get_kpi (self, fields[2], &error)))
        return FALSE;
      change.kind = HUBS_STORE_CHANGE_KPI;
      change.hub_id = fields[1];
      change.kpi_id = fields[2];
      change.kpi = kpi;
    }
  else if (g_str_equal (fields[0], "kpi-list") && n == 3)
    {
      change.kind = HUBS_STORE_CHANGE_KPI_LIST;
      change.hub_id = fields[1];
      change.kpi_id = fields[2];
    }
  else if (g_str_equal (fields[0], "hub") && n == 2)
    {
      if (!(hub = hubs_store_get_hub (self, fields[1], &error)))
        return FALSE;
      change.kind = HUBS_STORE_CHANGE_HUB;
      change.hub_id = fields[1];
      change.hub = hub;
    }
  else if (g_str_equal (fields[0], "year") && n == 3 &&
           parse_year (fields[2], &change.fiscal_year))
    {
      if (!(year_state = hubs_store_get_year_state (self, fields[1], change.fiscal_year,
                                                    &error)))
        return FALSE;
      change.kind = HUBS_STORE_CHANGE_YEAR_STATE;
      change.hub_id = fields[1];
      change.year_state = year_state;
    }
  else if (g_str_equal (fields[0], "explanation") && n == 4 &&
           parse_year (fields[3], &change.fiscal_year))
    {
      if (!(explanation = hubs_store_get_explanation (self, fields[2], change.fiscal_year,
                                                      &error)))
        return FALSE;
      change.kind = HUBS_STORE_CHANGE_EXPLANATION;
      change.hub_id = fields[1];
      change.kpi_id = fields[2];
      change.explanation = explanation;
    }
  else if (!g_str_equal (fields[0], "all"))
    return FALSE;

  _hubs_store_emit_change (self, &change);
  return TRUE;
}

/* In the writer's thread: reads back what the notice names, and says it (from the main
 * loop, once the job is done; see _hubs_store_defer_change()). */
static gboolean
read_notice (HubsStore  *self,
             gpointer    data,
             GError    **error)
{
  const char *payload = data;
  g_auto(GStrv) fields = g_strsplit (payload, "\t", -1);

  if (fields[0] != NULL && emit_notice (self, fields))
    return TRUE;

  g_debug ("Notice “%s” read as a change of everything", payload);
  _hubs_store_emit_simple_change (self, HUBS_STORE_CHANGE_ALL, NULL, NULL);

  return TRUE;
}

/**
 * _hubs_store_apply_notice:
 * @self: a #HubsStore
 * @payload: a notice another connection's change sent, after its schema (see the top of
 *   this file)
 *
 * Emits #HubsStore::changed for what the notice names. A notice that cannot be read, or
 * whose thing cannot be read back, is passed on as a change of everything: nothing another
 * person saved is missed. What it names is read back after the saves under way, by the
 * store's writer (hubs_store_read_async()), so the window never waits for the connection
 * while a save of its own holds it.
 */
void
_hubs_store_apply_notice (HubsStore  *self,
                          const char *payload)
{
  hubs_store_read_async (self, read_notice, g_strdup (payload), g_free, NULL, NULL);
}
