/* hubs-store-roles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may change what. A file has no roles: whoever may write it changes everything, and its
 * file permissions protect it. A shared database on a PostgreSQL server has three kinds of
 * database user, and its server enforces them, so that a user who connects with psql cannot
 * get around them:
 *
 * - an administrator, the owner of the tables (who ran --init-database), or a superuser,
 *   changes everything, the plan (hubs, KPIs, baselines and targets) included;
 * - a consortium's staff role reads every hub and writes only its own hub's actual figures,
 *   explanations, year states (submitting) and the history rows of them;
 * - a reviewer role reads every hub and writes nothing.
 *
 * The table hubs_grant (shared databases only) names each role that is not an
 * administrator, with its hub, or read_only for a reviewer. Row-level security on the tables
 * a staff role writes looks each row's hub up in it; the tables of the plan are only granted
 * for reading. A history row's db_user is filled in by the server (current_user) and checked
 * against it, so no row can name another user. Everything here is the set-up of migration 6
 * on a shared database, the rights read once at open, and --grant and --revoke.
 */

#define G_LOG_DOMAIN "hubs-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-store-private.h"
#include "hubs-store-roles.h"

/* The tables every role reads, and the ones a staff role writes (rows of its hub only). */
#define READ_TABLES \
  "hub, kpi, figure, phase1_result, history, year_state, explanation, exchanged_figure, " \
  "hubs_schema, hubs_grant"
#define STAFF_TABLES "figure, explanation, year_state, exchanged_figure"

/* Whether the role writing holds a staff grant for the hub of a row: @hub is an SQL
 * expression of the row's hub. Written out in each policy rather than in a function, so
 * that the server binds hubs_grant when the policy is made: a function's body would look
 * the table up on the caller's search path, where a temporary table could stand in. */
#define MAY_WRITE_HUB(hub) \
  "EXISTS (SELECT 1 FROM hubs_grant g WHERE g.role = current_user AND NOT g.read_only " \
  "AND g.hub_id = " hub ")"
#define KPI_HUB(table) "(SELECT k.hub_id FROM kpi k WHERE k.id = " table ".kpi_id)"

static const char roles_sql[] =
  "CREATE TABLE hubs_grant ("
  "  role TEXT PRIMARY KEY NOT NULL,"
  "  hub_id TEXT REFERENCES hub (id) ON DELETE CASCADE,"
  "  read_only BOOLEAN NOT NULL,"
  "  CHECK (read_only OR hub_id IS NOT NULL)"
  ");"
  "ALTER TABLE history ALTER COLUMN db_user SET DEFAULT current_user;"

  "ALTER TABLE figure ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY hubs_read ON figure FOR SELECT USING (true);"
  /* A staff role writes its hub's actuals; baselines and targets are the plan. */
  "CREATE POLICY hubs_staff ON figure FOR ALL"
  "  USING (kind = 'actual' AND " MAY_WRITE_HUB (KPI_HUB ("figure")) ")"
  "  WITH CHECK (kind = 'actual' AND " MAY_WRITE_HUB (KPI_HUB ("figure")) ");"

  "ALTER TABLE explanation ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY hubs_read ON explanation FOR SELECT USING (true);"
  "CREATE POLICY hubs_staff ON explanation FOR ALL"
  "  USING (" MAY_WRITE_HUB (KPI_HUB ("explanation")) ")"
  "  WITH CHECK (" MAY_WRITE_HUB (KPI_HUB ("explanation")) ");"

  "ALTER TABLE exchanged_figure ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY hubs_read ON exchanged_figure FOR SELECT USING (true);"
  "CREATE POLICY hubs_staff ON exchanged_figure FOR ALL"
  "  USING (" MAY_WRITE_HUB (KPI_HUB ("exchanged_figure")) ")"
  "  WITH CHECK (" MAY_WRITE_HUB (KPI_HUB ("exchanged_figure")) ");"

  /* A consortium submits its year, or unlocks it; accepting and returning are the
   * administrator's, and so is a year once accepted. */
  "ALTER TABLE year_state ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY hubs_read ON year_state FOR SELECT USING (true);"
  "CREATE POLICY hubs_staff ON year_state FOR ALL"
  "  USING (state <> 'accepted' AND " MAY_WRITE_HUB ("year_state.hub_id") ")"
  "  WITH CHECK (state IN ('entering', 'submitted') AND "
  MAY_WRITE_HUB ("year_state.hub_id") ");"

  /* The history is appended to, never changed, and each row names its writer. */
  "ALTER TABLE history ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY hubs_read ON history FOR SELECT USING (true);"
  "CREATE POLICY hubs_staff ON history FOR INSERT"
  "  WITH CHECK (db_user = current_user AND " MAY_WRITE_HUB ("history.hub_id") ");";

/* Migration 6's step, in its transaction: the roles of a shared database. A file has none. */
gboolean
_hubs_store_migrate_roles (HubsStore  *self,
                           GError    **error)
{
  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL)
    return TRUE;

  return _hubs_store_exec (self, roles_sql, error);
}

/* Reads the one row of @sql, with ?1 bound to @param when given, into @columns (text, or
 * NULL), or leaves them NULL when it selects no row. */
static gboolean
query_row (HubsStore   *self,
           const char  *sql,
           const char  *param,
           char       **columns,
           guint        n_columns,
           GError     **error)
{
  HubsDbStmt *stmt;
  int rc;

  if (!(stmt = _hubs_store_prepare (self, sql, error)))
    return FALSE;
  if (param != NULL)
    _hubs_store_bind_text (stmt, 1, param);

  rc = hubs_db_stmt_step (stmt);
  for (guint i = 0; i < n_columns; i++)
    columns[i] = rc == HUBS_DB_ROW ? _hubs_store_column_text (stmt, i) : NULL;
  hubs_db_stmt_reset (stmt);

  if (rc != HUBS_DB_ROW && rc != HUBS_DB_DONE)
    {
      _hubs_store_set_db_error (error, _hubs_store_db (self), rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Before anything is written at open: who this connection is, and whether it administers
 * the database (owns its tables, or is a superuser). A database without tables yet is
 * administered by whoever makes them. A file is administered by whoever may write it. */
gboolean
_hubs_store_read_administrator (HubsStore  *self,
                                GError    **error)
{
  char *row[2] = { NULL, NULL };

  self->administrator = TRUE;
  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL)
    return TRUE;

  if (!query_row (self,
                  "SELECT current_user, (SELECT rolsuper FROM pg_roles "
                  "WHERE rolname = current_user) OR coalesce ((SELECT pg_has_role (current_user, "
                  "c.relowner, 'MEMBER') FROM pg_class c "
                  "WHERE c.oid = to_regclass ('hubs_schema')), true)",
                  NULL, row, G_N_ELEMENTS (row), error))
    return FALSE;

  g_free (self->db_user);
  self->db_user = row[0];
  self->administrator = g_strcmp0 (row[1], "t") == 0;
  g_free (row[1]);

  return TRUE;
}

/* After the migrations: what a role that does not administer the database may write. */
gboolean
_hubs_store_read_grant (HubsStore  *self,
                        GError    **error)
{
  char *row[2] = { NULL, NULL };

  g_clear_pointer (&self->grant_hub, g_free);
  self->grant_read_only = TRUE;
  if (self->administrator)
    return TRUE;

  if (!query_row (self, "SELECT hub_id, read_only FROM hubs_grant WHERE role = current_user",
                  NULL, row, G_N_ELEMENTS (row), error))
    return FALSE;

  self->grant_hub = row[0];
  self->grant_read_only = row[1] == NULL || g_str_equal (row[1], "t");
  g_free (row[1]);

  return TRUE;
}

/* A role that does not administer the database never migrates it. */
gboolean
_hubs_store_check_may_migrate (HubsStore  *self,
                               GError    **error)
{
  if (self->administrator || self->schema_version >= HUBS_STORE_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
               _("The shared database “%1$s” comes from an older version of Hubs and must be "
                 "updated first by an administrator (the owner of its tables), not by “%2$s”. "
                 "It was left as it is."),
               self->path, self->db_user);
  return FALSE;
}

/* Whether the server's words @detail name @table: quoted, as a row-level security policy's
 * refusal does (… for table "figure"), or at the end, as a missing grant's does (permission
 * denied for table figure). */
static gboolean
names_table (const char *detail,
             const char *table)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", table);
  g_autofree char *last = g_strdup_printf (" %s", table);

  return strstr (detail, quoted) != NULL || g_str_has_suffix (detail, last);
}

/* The words for a change the server refused (SQLSTATE 42501): what may not be changed, told
 * from the table the server's @detail names. */
void
_hubs_store_set_denied_error (GError     **error,
                              const char  *detail,
                              const char  *path)
{
  g_debug ("Refused by the server: %s", detail);

  if (detail == NULL)
    detail = "";

  if (names_table (detail, "figure"))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The shared database “%s” does not let this database user change these "
                   "figures: a consortium’s staff change only their own hub city’s actual "
                   "figures, and only an administrator the baselines and targets."), path);
  else if (names_table (detail, "history"))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The shared database “%s” does not let this database user change this hub "
                   "city’s figures: a consortium’s staff change only their own hub city’s "
                   "actual figures, explanations and years, and only an administrator the "
                   "plan."), path);
  else if (names_table (detail, "explanation"))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The shared database “%s” does not let this database user change these "
                   "explanations: a consortium’s staff change only their own hub city’s."),
                 path);
  else if (names_table (detail, "year_state") || names_table (detail, "exchanged_figure"))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The shared database “%s” does not let this database user change the state "
                   "of this year: a consortium’s staff submit only their own hub city’s "
                   "years, and only an administrator accepts or returns them."), path);
  else if (names_table (detail, "hub") || names_table (detail, "kpi") ||
           names_table (detail, "phase1_result"))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("Only an administrator can change the plan (hub cities, KPIs, baselines and "
                   "targets) in the shared database “%s”."), path);
  else
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The shared database “%s” does not let this database user make this "
                   "change."), path);
}

/**
 * hubs_store_get_db_user:
 * @self: a #HubsStore
 *
 * Returns: (nullable): the database user of a shared database's connection; %NULL for a file
 */
const char *
hubs_store_get_db_user (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  return self->db_user;
}

/**
 * hubs_store_is_administrator:
 * @self: a #HubsStore
 *
 * Returns: %TRUE for a file, and for a shared database's owner or a superuser
 */
gboolean
hubs_store_is_administrator (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return self->administrator;
}

/* What the role may write, whether or not this connection writes at all. */
static gboolean
role_may_write_hub (HubsStore  *self,
                    const char *hub_id)
{
  if (self->administrator)
    return TRUE;

  return !self->grant_read_only && g_strcmp0 (self->grant_hub, hub_id) == 0;
}

/**
 * hubs_store_can_edit_plan:
 * @self: a #HubsStore
 *
 * Whether this connection may change the plan: hubs, KPIs, baselines and targets. On a
 * shared database, only an administrator may; a file, whoever may write it.
 *
 * Returns: %TRUE when the plan may be changed
 */
gboolean
hubs_store_can_edit_plan (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return !self->read_only && self->administrator;
}

/**
 * hubs_store_can_write_hub:
 * @self: a #HubsStore
 * @hub_id: a hub id
 *
 * Whether this connection may change the hub's actual figures, explanations and year
 * states: an administrator any hub's, a consortium's staff role only its own hub's.
 *
 * Returns: %TRUE when the hub's figures may be changed
 */
gboolean
hubs_store_can_write_hub (HubsStore  *self,
                          const char *hub_id)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hub_id != NULL, FALSE);

  return !self->read_only && role_may_write_hub (self, hub_id);
}

/**
 * hubs_store_can_write_figure:
 * @self: a #HubsStore
 * @hub_id: the figure's hub
 * @kind: the figure's kind
 *
 * Whether this connection may change a figure: an actual is the hub's, a baseline or a
 * target the plan's.
 *
 * Returns: %TRUE when the figure may be changed
 */
gboolean
hubs_store_can_write_figure (HubsStore      *self,
                             const char     *hub_id,
                             HubsFigureKind  kind)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);

  return kind == HUBS_FIGURE_ACTUAL ? hubs_store_can_write_hub (self, hub_id)
                                    : hubs_store_can_edit_plan (self);
}

/**
 * hubs_store_describe_plan_rights:
 * @self: a #HubsStore
 *
 * Why this connection's role may not change the plan, for the window to say beside what it
 * greys out, and an import beside what it refuses. This is the role's: whether the store is
 * open for viewing only, which says so in its own words, does not come into it.
 *
 * Returns: (nullable): the reason, or %NULL when the role may change the plan
 */
const char *
hubs_store_describe_plan_rights (HubsStore *self)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (self->administrator)
    return NULL;

  return _("Only an administrator can change the plan.");
}

/**
 * hubs_store_describe_figure_rights:
 * @self: a #HubsStore
 * @hub: the figure's hub
 * @kind: the figure's kind
 *
 * Why this connection's role may not change a figure of @hub, as
 * hubs_store_describe_plan_rights() says it for the plan.
 *
 * Returns: (transfer full) (nullable): the reason, or %NULL when the role may change it
 */
char *
hubs_store_describe_figure_rights (HubsStore      *self,
                                   const HubsHub  *hub,
                                   HubsFigureKind  kind)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub != NULL, NULL);

  if (self->administrator || (kind == HUBS_FIGURE_ACTUAL && role_may_write_hub (self, hub->id)))
    return NULL;
  if (kind != HUBS_FIGURE_ACTUAL)
    return g_strdup (hubs_store_describe_plan_rights (self));

  /* Translators: why a figure cannot be changed; %s is a hub city (Fukuoka City) */
  return g_strdup_printf (_("Only the staff of the %s consortium can change these figures."),
                          hubs_i18n_pick (hub->name_ja, hub->name_en));
}

/**
 * hubs_store_describe_explanation_rights:
 * @self: a #HubsStore
 * @hub: the explanation's hub
 *
 * Why this connection's role may not change the explanations of @hub, as
 * hubs_store_describe_figure_rights() says it for a figure.
 *
 * Returns: (transfer full) (nullable): the reason, or %NULL when the role may change them
 */
char *
hubs_store_describe_explanation_rights (HubsStore     *self,
                                        const HubsHub *hub)
{
  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);
  g_return_val_if_fail (hub != NULL, NULL);

  if (role_may_write_hub (self, hub->id))
    return NULL;

  /* Translators: why an explanation cannot be changed; %s is a hub city (Fukuoka City) */
  return g_strdup_printf (_("Only the staff of the %s consortium can change these "
                            "explanations."),
                          hubs_i18n_pick (hub->name_ja, hub->name_en));
}

/**
 * hubs_store_describe_role:
 * @self: a #HubsStore
 *
 * What this connection's role may change, in one sentence for the top of the window, for a
 * role that does not administer a shared database.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a file, an administrator
 *   and a store opened for viewing only (which says so itself)
 */
char *
hubs_store_describe_role (HubsStore *self)
{
  g_autoptr(HubsHub) hub = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (self), NULL);

  if (self->read_only || self->administrator)
    return NULL;

  if (self->grant_read_only || self->grant_hub == NULL ||
      !(hub = hubs_store_get_hub (self, self->grant_hub, NULL)))
    /* Translators: at the top of the window; %s is a database user (cao_review) */
    return g_strdup_printf (_("Connected as “%s”, a reviewer: every hub city is for reading "
                              "only."), self->db_user);

  /* Translators: at the top of the window; %1$s is a database user (hubs_fukuoka), %2$s a
   * hub city (Fukuoka City) */
  return g_strdup_printf (_("Connected as “%1$s”: you change the actual figures, explanations "
                            "and years of %2$s; the rest is for reading."),
                          self->db_user, hubs_i18n_pick (hub->name_ja, hub->name_en));
}

/* Refuses what only an administrator of a shared database may do. */
static gboolean
check_administrator (HubsStore  *self,
                     GError    **error)
{
  if (hubs_db_get_engine (self->db) != HUBS_DB_ENGINE_POSTGRESQL)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           _("Roles exist only in a shared database on a server; a file is "
                             "protected by its file permissions."));
      return FALSE;
    }

  if (!self->administrator)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                   _("Only an administrator of the shared database (the owner of its "
                     "tables) can grant or revoke roles, not “%s”."),
                   self->db_user);
      return FALSE;
    }

  return TRUE;
}

/* A role name the way the server folds an unquoted one: lower-case letters, digits and
 * underscores, starting with a letter, at most 63 bytes. */
static gboolean
check_role_name (const char  *role,
                 GError     **error)
{
  gboolean valid = role[0] != '\0' && strlen (role) <= 63 && g_ascii_islower (role[0]);

  for (const char *c = role; valid && *c != '\0'; c++)
    valid = g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '_';

  if (!valid)
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                 _("“%s” is not a role name Hubs takes: use lower-case letters, digits and "
                   "underscores, starting with a letter (hubs_fukuoka)."),
                 role);

  return valid;
}

/* Runs the statement that @sql (a SELECT of format () with %I for ?1) makes for @role: the
 * server quotes the name, so no SQL is built here from what was typed. */
static gboolean
exec_for_role (HubsStore   *self,
               const char  *sql,
               const char  *role,
               GError     **error)
{
  g_autofree char *statement = NULL;

  if (!query_row (self, sql, role, &statement, 1, error))
    return FALSE;

  return _hubs_store_exec (self, statement, error);
}

static const char * const revoke_sql[] = {
  "SELECT format ('REVOKE ALL ON " READ_TABLES " FROM %I', ?1)",
  "SELECT format ('REVOKE ALL ON SCHEMA %I FROM %I', current_schema (), ?1)",
  "SELECT format ('REVOKE ALL ON DATABASE %I FROM %I', current_database (), ?1)",
};

static const char * const grant_read_sql[] = {
  "SELECT format ('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database (), ?1)",
  "SELECT format ('GRANT USAGE ON SCHEMA %I TO %I', current_schema (), ?1)",
  "SELECT format ('GRANT SELECT ON " READ_TABLES " TO %I', ?1)",
};

/* A history row's id and db_user are the server's to fill in: a staff role may not name
 * them at all (and its policy checks db_user besides). */
static const char * const grant_staff_sql[] = {
  "SELECT format ('GRANT INSERT, UPDATE, DELETE ON " STAFF_TABLES " TO %I', ?1)",
  "SELECT format ('GRANT INSERT (changed_at, hub_id, kpi_id, fiscal_year, kind, field, "
  "old_value, new_value, changed_by, organisation) ON history TO %I', ?1)",
};

static gboolean
exec_all_for_role (HubsStore          *self,
                   const char * const *sql,
                   guint               n_sql,
                   const char         *role,
                   GError            **error)
{
  for (guint i = 0; i < n_sql; i++)
    if (!exec_for_role (self, sql[i], role, error))
      return FALSE;

  return TRUE;
}

/* Creates @role, a user who logs in (with the password a DBA sets), when the server has no
 * such role yet. */
static gboolean
create_role (HubsStore   *self,
             const char  *role,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *exists = NULL;

  if (!query_row (self, "SELECT 1 FROM pg_roles WHERE rolname = ?1", role, &exists, 1, error))
    return FALSE;
  if (exists != NULL)
    return TRUE;

  if (exec_for_role (self, "SELECT format ('CREATE ROLE %I LOGIN', ?1)", role, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED))
    g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED,
                 _("The role “%1$s” does not exist, and “%2$s” may not create roles: a DBA "
                   "creates it with psql (CREATE ROLE %1$s LOGIN;), then grant it again."),
                 role, self->db_user);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/**
 * hubs_store_grant:
 * @self: a #HubsStore on a shared database, opened by its administrator
 * @role: the database role
 * @hub_id: (nullable): the hub whose staff @role is, or %NULL for a reviewer
 * @read_only: %TRUE for a reviewer, who reads every hub and writes nothing
 *
 * Makes @role a consortium's staff (@hub_id), or a reviewer (@read_only): creates it when
 * the server has no such role (one that logs in, without a password), grants what it needs
 * and records it in hubs_grant, in one transaction, in place of what it had before.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_store_grant (HubsStore   *self,
                  const char  *role,
                  const char  *hub_id,
                  gboolean     read_only,
                  GError     **error)
{
  g_autoptr(HubsHub) hub = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!check_administrator (self, error) || !check_role_name (role, error))
    return FALSE;

  if (read_only && hub_id != NULL)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           _("A reviewer reads every hub city: a read-only role cannot be "
                             "limited to one."));
      return FALSE;
    }
  if (!read_only && hub_id == NULL)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           _("A role writes the figures of one hub city: name it, or make the "
                             "role a reviewer that only reads."));
      return FALSE;
    }
  if (hub_id != NULL && !(hub = hubs_store_get_hub (self, hub_id, error)))
    return FALSE;

  if (g_strcmp0 (role, self->db_user) == 0)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   _("“%s” is the administrator of this database, who may already change "
                     "everything."), role);
      return FALSE;
    }

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!create_role (self, role, error) ||
      !exec_all_for_role (self, revoke_sql, G_N_ELEMENTS (revoke_sql), role, error) ||
      !exec_all_for_role (self, grant_read_sql, G_N_ELEMENTS (grant_read_sql), role, error) ||
      (!read_only &&
       !exec_all_for_role (self, grant_staff_sql, G_N_ELEMENTS (grant_staff_sql), role, error)) ||
      !exec_for_role (self, "SELECT format ('DELETE FROM hubs_grant WHERE role = %L', ?1)",
                      role, error) ||
      !(stmt = _hubs_store_prepare (self,
                                    "INSERT INTO hubs_grant (role, hub_id, read_only) "
                                    "VALUES (?1, ?2, ?3 = 1)", error)))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  _hubs_store_bind_text (stmt, 1, role);
  _hubs_store_bind_text (stmt, 2, hub_id);
  hubs_db_stmt_bind_int (stmt, 3, read_only);
  if (!_hubs_store_step_done (self, stmt, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  return _hubs_store_commit (self, error);
}

/**
 * hubs_store_revoke:
 * @self: a #HubsStore on a shared database, opened by its administrator
 * @role: the database role
 *
 * Takes back everything hubs_store_grant() gave @role and its row in hubs_grant. The role
 * itself stays on the server (it may be used elsewhere); a DBA drops it.
 *
 * Returns: %TRUE on success; %HUBS_STORE_ERROR_NOT_FOUND when @role holds no grant
 */
gboolean
hubs_store_revoke (HubsStore   *self,
                   const char  *role,
                   GError     **error)
{
  g_autofree char *granted = NULL;
  HubsDbStmt *stmt;

  g_return_val_if_fail (HUBS_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!check_administrator (self, error) || !check_role_name (role, error))
    return FALSE;

  if (!query_row (self, "SELECT role FROM hubs_grant WHERE role = ?1", role, &granted, 1,
                  error))
    return FALSE;
  if (granted == NULL)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("The role “%s” holds no rights in this database."), role);
      return FALSE;
    }

  if (!_hubs_store_begin (self, error))
    return FALSE;

  if (!exec_all_for_role (self, revoke_sql, G_N_ELEMENTS (revoke_sql), role, error) ||
      !(stmt = _hubs_store_prepare (self, "DELETE FROM hubs_grant WHERE role = ?1", error)))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  _hubs_store_bind_text (stmt, 1, role);
  if (!_hubs_store_step_done (self, stmt, error))
    {
      _hubs_store_rollback (self);
      return FALSE;
    }

  return _hubs_store_commit (self, error);
}
