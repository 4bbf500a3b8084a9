/* test-roles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may change what in a shared database, on a real PostgreSQL server
 * (tests/with-postgresql.sh): the server itself refuses what a role may not change, tried by
 * connecting as that role with libpq, past every check of Hubs; the store as a staff role
 * and as a reviewer; and hubs --grant and --revoke run as a user runs them.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <libpq-fe.h>

#include "hubs-store-roles.h"
#include "hubs-test-util.h"

typedef HubsTestFiles Fixture;

/* A role name of its own for each test: roles belong to the whole server. */
static char *
make_role (const char *what)
{
  static guint n_roles;

  return g_strdup_printf ("hubs_%s_%d_%u", what, (int) getpid (), ++n_roles);
}

/* The URI of hubs_test_database_path() for @role instead of the server's superuser: the
 * test server trusts every local connection, so a role logs in as itself. */
static char *
uri_as (const char *uri,
        const char *role)
{
  g_autoptr(GString) as = g_string_new (uri);
  g_autofree char *user = g_strconcat ("user=", role, NULL);

  g_assert_cmpuint (g_string_replace (as, "user=postgres", user, 1), ==, 1);

  return g_string_free (g_steal_pointer (&as), FALSE);
}

/* Runs @sql as whoever @uri names; gives the SQLSTATE of its failure, or NULL when it ran,
 * with the rows it touched in @n_rows. */
static char *
run_sql (const char *uri,
         const char *sql,
         int        *n_rows)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;
  char *state = NULL;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s cannot be reached: %s", uri, PQerrorMessage (conn));

  result = PQexec (conn, sql);
  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    {
      if (n_rows != NULL)
        *n_rows = PQresultStatus (result) == PGRES_TUPLES_OK ? PQntuples (result)
                                                             : atoi (PQcmdTuples (result));
    }
  else
    state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  PQclear (result);
  PQfinish (conn);

  return state;
}

static void
assert_runs (const char *uri,
             const char *sql,
             int         expected_rows)
{
  g_autofree char *state = NULL;
  int n_rows = -1;

  state = run_sql (uri, sql, &n_rows);
  if (state != NULL)
    g_error ("%s was refused (%s)", sql, state);
  g_assert_cmpint (n_rows, ==, expected_rows);
}

static void
assert_refused (const char *uri,
                const char *sql)
{
  g_autofree char *state = run_sql (uri, sql, NULL);

  /* insufficient_privilege: a table not granted, or a row-level security policy. */
  if (g_strcmp0 (state, "42501") != 0)
    g_error ("%s gave %s, not insufficient_privilege", sql, state != NULL ? state : "no error");
}

/* A shared database with the plan, an actual of Fukuoka and one of Sapporo, a staff role of
 * Fukuoka and a reviewer. */
typedef struct
{
  char *dir;
  char *uri;
  char *staff;
  char *reviewer;
} Shared;

static void
shared_set_up (Shared        *f,
               gconstpointer  data)
{
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(HubsFigure) fukuoka = hubs_test_make_actual ("fukuoka/startup-visas", 2025, 40);
  g_autoptr(HubsFigure) sapporo = hubs_test_make_actual ("sapporo/startups", 2025, 160);
  g_autoptr(GError) error = NULL;

  g_assert_true (hubs_test_engine_is_postgresql ());

  f->dir = hubs_test_make_dir ();
  f->uri = hubs_test_database_path (f->dir, "hubs.sqlite3");
  f->staff = make_role ("fukuoka");
  f->reviewer = make_role ("review");

  store = hubs_test_open_store (f->uri, HUBS_STORE_OPEN_DEFAULT);
  g_assert_true (hubs_store_is_administrator (store));
  g_assert_true (hubs_store_can_edit_plan (store));
  g_assert_true (hubs_store_set_figure (store, fukuoka, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_set_figure (store, sapporo, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_grant (store, f->staff, "fukuoka", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (hubs_store_grant (store, f->reviewer, NULL, TRUE, &error));
  g_assert_no_error (error);
}

static void
shared_tear_down (Shared        *f,
                  gconstpointer  data)
{
  hubs_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->uri, g_free);
  g_clear_pointer (&f->staff, g_free);
  g_clear_pointer (&f->reviewer, g_free);
}

/* The number @sql selects, as the administrator reads it. */
static int
query_int (const char *uri,
           const char *sql)
{
  g_autofree char *text = hubs_test_query_text (uri, sql);

  g_assert_nonnull (text);
  return atoi (text);
}

/* The value of a figure as the administrator reads it. */
static char *
stored_value (const char *uri,
              const char *kpi_id,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM figure WHERE kpi_id = '%s' "
                                          "AND fiscal_year = 2025 AND kind = '%s'",
                                          kpi_id, kind);

  return hubs_test_query_text (uri, sql);
}

/* The server refuses a staff role what is not its hub's, however it connects. */
static void
test_staff_on_server (Shared        *f,
                      gconstpointer  data)
{
  g_autofree char *as_staff = uri_as (f->uri, f->staff);
  g_autofree char *history_of = NULL;
  g_autofree char *own = NULL;
  g_autofree char *sapporo = NULL;
  g_autofree char *forged = NULL;

  /* Its own hub's actual. */
  assert_runs (as_staff, "UPDATE figure SET value = 42 WHERE kpi_id = "
               "'fukuoka/startup-visas' AND fiscal_year = 2025 AND kind = 'actual'", 1);
  own = stored_value (f->uri, "fukuoka/startup-visas", "actual");
  g_assert_cmpstr (own, ==, "42");
  assert_runs (as_staff, "INSERT INTO figure (kpi_id, fiscal_year, kind, value) VALUES "
               "('fukuoka/startup-visas', 2026, 'actual', 50)", 1);

  /* Another hub's actual: not even seen for writing, and not insertable. */
  assert_runs (as_staff, "UPDATE figure SET value = 1 WHERE kpi_id = 'sapporo/startups'", 0);
  sapporo = stored_value (f->uri, "sapporo/startups", "actual");
  g_assert_cmpstr (sapporo, ==, "160");
  assert_refused (as_staff, "INSERT INTO figure (kpi_id, fiscal_year, kind, value) VALUES "
                  "('sapporo/startups', 2026, 'actual', 1)");

  /* Its own hub's target and baseline are the plan. */
  assert_runs (as_staff, "UPDATE figure SET value = 1 WHERE kpi_id LIKE 'fukuoka/%' "
               "AND kind IN ('target', 'baseline')", 0);
  assert_refused (as_staff, "INSERT INTO figure (kpi_id, fiscal_year, kind, value) VALUES "
                  "('fukuoka/startup-visas', 2028, 'target', 1)");
  assert_refused (as_staff, "UPDATE figure SET kind = 'target' WHERE kpi_id = "
                  "'fukuoka/startup-visas' AND fiscal_year = 2026");
  assert_refused (as_staff, "UPDATE kpi SET name_en = 'Renamed' WHERE hub_id = 'fukuoka'");
  assert_refused (as_staff, "UPDATE hub SET name_en = 'Renamed' WHERE id = 'fukuoka'");
  assert_refused (as_staff, "DELETE FROM kpi WHERE hub_id = 'fukuoka'");

  /* The history: its own rows, in its own name, and never changed afterwards. */
  assert_refused (as_staff, "INSERT INTO history (hub_id, field, new_value, db_user) VALUES "
                  "('fukuoka', 'note', 'forged', 'postgres')");
  assert_refused (as_staff, "INSERT INTO history (hub_id, field, new_value, db_user) VALUES "
                  "('fukuoka', 'note', 'forged', NULL)");
  assert_refused (as_staff, "INSERT INTO history (hub_id, field, new_value) VALUES "
                  "('sapporo', 'note', 'elsewhere')");
  assert_runs (as_staff, "INSERT INTO history (hub_id, field, new_value) VALUES "
               "('fukuoka', 'note', 'own')", 1);
  history_of = hubs_test_query_text (f->uri, "SELECT db_user FROM history "
                                             "WHERE new_value = 'own'");
  g_assert_cmpstr (history_of, ==, f->staff);
  forged = hubs_test_query_text (f->uri, "SELECT count(*) FROM history "
                                         "WHERE new_value IN ('forged', 'elsewhere')");
  g_assert_cmpstr (forged, ==, "0");
  assert_refused (as_staff, "INSERT INTO history (id, hub_id, field, new_value) VALUES "
                  "(1, 'fukuoka', 'note', 'forged')");
  /* Should a DBA grant the whole table, the policy still holds the database user to the
   * writer. */
  {
    g_autofree char *grant = g_strdup_printf ("GRANT INSERT ON history TO %s", f->staff);

    hubs_test_exec_sql (f->uri, grant);
    assert_refused (as_staff, "INSERT INTO history (hub_id, field, new_value, db_user) VALUES "
                    "('fukuoka', 'note', 'forged', 'postgres')");
  }
  assert_refused (as_staff, "UPDATE history SET db_user = 'postgres'");
  assert_refused (as_staff, "DELETE FROM history");

  /* Its own hub's year: submitting it, but not accepting it. */
  assert_runs (as_staff, "INSERT INTO year_state (hub_id, fiscal_year, state, changed_at) "
               "VALUES ('fukuoka', 2025, 'submitted', '2026-04-01T00:00:00.000Z')", 1);
  assert_refused (as_staff, "UPDATE year_state SET state = 'accepted' WHERE hub_id = 'fukuoka'");
  hubs_test_exec_sql (f->uri, "UPDATE year_state SET state = 'accepted' WHERE hub_id = 'fukuoka'");
  assert_runs (as_staff, "UPDATE year_state SET state = 'entering' WHERE hub_id = 'fukuoka'", 0);
  assert_runs (as_staff, "DELETE FROM year_state WHERE hub_id = 'fukuoka'", 0);
  assert_refused (as_staff, "INSERT INTO year_state (hub_id, fiscal_year, state, changed_at) "
                  "VALUES ('sapporo', 2025, 'submitted', '2026-04-01T00:00:00.000Z')");

  /* Its grant is the administrator's to change. */
  assert_refused (as_staff, "UPDATE hubs_grant SET hub_id = 'sapporo'");
  assert_refused (as_staff, "INSERT INTO hubs_grant VALUES ('someone', 'sapporo', false)");
}

/* A reviewer reads every hub and writes nothing. */
static void
test_reviewer_on_server (Shared        *f,
                         gconstpointer  data)
{
  g_autofree char *as_reviewer = uri_as (f->uri, f->reviewer);
  g_autofree char *sapporo = NULL;

  assert_runs (as_reviewer, "SELECT * FROM hub", query_int (f->uri, "SELECT count(*) FROM hub"));
  assert_runs (as_reviewer, "SELECT * FROM figure WHERE kind = 'actual'", 2);
  assert_runs (as_reviewer, "SELECT * FROM history",
               query_int (f->uri, "SELECT count(*) FROM history"));

  assert_refused (as_reviewer, "UPDATE figure SET value = 1 WHERE kpi_id = 'sapporo/startups'");
  assert_refused (as_reviewer, "INSERT INTO figure (kpi_id, fiscal_year, kind, value) VALUES "
                  "('sapporo/startups', 2026, 'actual', 1)");
  assert_refused (as_reviewer, "INSERT INTO history (hub_id, field) VALUES ('sapporo', 'note')");
  assert_refused (as_reviewer, "UPDATE kpi SET name_en = 'Renamed'");
  sapporo = stored_value (f->uri, "sapporo/startups", "actual");
  g_assert_cmpstr (sapporo, ==, "160");
}

static void
assert_denied_and_unchanged (HubsStore  *store,
                             const char *uri,
                             HubsFigure *figure,
                             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = g_strdup (hubs_figure_kind_to_string (figure->kind));
  g_autofree char *value = NULL;

  g_assert_false (hubs_store_set_figure (store, figure, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED);
  /* A sentence, not the server's words. */
  g_assert_null (strstr (error->message, "row-level security"));
  g_assert_null (strchr (error->message, '\n'));

  value = stored_value (uri, figure->kpi_id, kind);
  g_assert_cmpstr (value, ==, expected);
}

/* The store as a staff role: it knows what it may change, and the server's refusal of the
 * rest comes back as HUBS_STORE_ERROR_DENIED with nothing changed. */
static void
test_staff_store (Shared        *f,
                  gconstpointer  data)
{
  g_autofree char *as_staff = uri_as (f->uri, f->staff);
  g_autoptr(HubsStore) store = hubs_test_open_store (as_staff, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) own = hubs_test_make_actual ("fukuoka/startup-visas", 2025, 45);
  g_autoptr(HubsFigure) other = hubs_test_make_actual ("sapporo/startups", 2025, 1);
  g_autoptr(HubsFigure) target = hubs_test_make_actual ("fukuoka/startup-visas", 2025, 1);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const HubsHistoryEntry *last;

  g_assert_cmpstr (hubs_store_get_db_user (store), ==, f->staff);
  g_assert_false (hubs_store_is_administrator (store));
  g_assert_false (hubs_store_can_edit_plan (store));
  g_assert_true (hubs_store_can_write_hub (store, "fukuoka"));
  g_assert_false (hubs_store_can_write_hub (store, "sapporo"));
  g_assert_true (hubs_store_can_write_figure (store, "fukuoka", HUBS_FIGURE_ACTUAL));
  g_assert_false (hubs_store_can_write_figure (store, "fukuoka", HUBS_FIGURE_TARGET));

  assert_denied_and_unchanged (store, f->uri, other, "160");
  target->kind = HUBS_FIGURE_TARGET;
  assert_denied_and_unchanged (store, f->uri, target, NULL);

  hubs_store_set_author (store, "Sato Hanako", "Fukuoka City");
  g_assert_true (hubs_store_set_figure (store, own, &error));
  g_assert_no_error (error);
  stored = stored_value (f->uri, "fukuoka/startup-visas", "actual");
  g_assert_cmpstr (stored, ==, "45");

  history = hubs_store_list_history (store, "fukuoka/startup-visas", &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->changed_by, ==, "Sato Hanako");
  g_assert_cmpstr (last->db_user, ==, f->staff);
}

static void
test_reviewer_store (Shared        *f,
                     gconstpointer  data)
{
  g_autofree char *as_reviewer = uri_as (f->uri, f->reviewer);
  g_autoptr(HubsStore) store = hubs_test_open_store (as_reviewer, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(HubsFigure) figure = hubs_test_make_actual ("fukuoka/startup-visas", 2025, 1);

  g_assert_false (hubs_store_can_edit_plan (store));
  g_assert_false (hubs_store_can_write_hub (store, "fukuoka"));
  g_assert_false (hubs_store_can_write_hub (store, "sapporo"));
  assert_denied_and_unchanged (store, f->uri, figure, "40");
}

/* A role never migrates: an older database waits for its administrator. */
static void
test_older_schema (Shared        *f,
                   gconstpointer  data)
{
  g_autofree char *as_staff = uri_as (f->uri, f->staff);
  g_autoptr(HubsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  hubs_test_exec_sql (f->uri, "PRAGMA user_version = 5");
  store = hubs_store_open (as_staff, HUBS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, f->staff));
  version = hubs_test_query_text (f->uri, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "5");
}

/* A file has no roles. */
static void
test_file (void)
{
  g_autofree char *dir = hubs_test_make_dir ();
  g_autofree char *path = hubs_test_path (dir, "hubs.sqlite3");
  g_autoptr(HubsStore) store = hubs_test_open_store (path, HUBS_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;

  g_assert_null (hubs_store_get_db_user (store));
  g_assert_true (hubs_store_can_edit_plan (store));
  g_assert_true (hubs_store_can_write_hub (store, "sapporo"));
  g_assert_false (hubs_store_grant (store, "hubs_fukuoka", "fukuoka", FALSE, &error));
  g_assert_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID);
  g_clear_object (&store);
  hubs_test_remove_dir (dir);
}

/* Refused with one line on standard error, containing @words. */
static void
assert_refused_with (const HubsTestRun *run,
                     const char        *words)
{
  g_assert_false (g_spawn_check_wait_status (run->status, NULL));
  if (strstr (run->err, words) == NULL)
    g_error ("expected “%s” in: %s", words, run->err);
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

/* hubs --grant and --revoke, as an administrator runs them, and as nobody else can. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *database = g_strconcat ("--database=", f->path, NULL);
  g_autofree char *init = g_strconcat ("--init-database=", f->path, NULL);
  g_autofree char *staff = make_role ("cli");
  g_autofree char *reviewer = make_role ("clireview");
  g_autofree char *grant_staff = g_strconcat ("--grant=", staff, NULL);
  g_autofree char *grant_reviewer = g_strconcat ("--grant=", reviewer, NULL);
  g_autofree char *revoke_reviewer = g_strconcat ("--revoke=", reviewer, NULL);
  g_autofree char *as_staff = uri_as (f->path, staff);
  g_autofree char *as_reviewer = uri_as (f->path, reviewer);
  g_autofree char *database_as_staff = g_strconcat ("--database=", as_staff, NULL);
  g_autofree char *database_as_reviewer = g_strconcat ("--database=", as_reviewer, NULL);
  g_autofree char *file = hubs_test_path (f->dir, "local.sqlite3");
  g_autofree char *init_file = g_strconcat ("--init-database=", file, NULL);
  g_autofree char *database_file = g_strconcat ("--database=", file, NULL);
  g_autofree char *csv = hubs_test_path (f->dir, "figures.csv");
  g_autofree char *import = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *grant_row = NULL;
  g_autofree char *revoked_row = NULL;
  g_autofree char *sapporo = NULL;
  g_autofree char *state = NULL;
  g_autofree char *by = NULL;
  g_autofree char *listed = NULL;
  g_auto(HubsTestRun) made = { 0 };
  g_auto(HubsTestRun) granted = { 0 };
  g_auto(HubsTestRun) reviewing = { 0 };
  g_auto(HubsTestRun) unknown = { 0 };
  g_auto(HubsTestRun) one_hub_reviewer = { 0 };
  g_auto(HubsTestRun) not_admin = { 0 };
  g_auto(HubsTestRun) made_file = { 0 };
  g_auto(HubsTestRun) on_file = { 0 };
  g_auto(HubsTestRun) imported = { 0 };
  g_auto(HubsTestRun) own_import = { 0 };
  g_auto(HubsTestRun) target = { 0 };
  g_auto(HubsTestRun) unlock = { 0 };
  g_auto(HubsTestRun) moved = { 0 };
  g_auto(HubsTestRun) revoked = { 0 };
  g_autoptr(GError) error = NULL;

  hubs_test_run_hubs (&made, init, NULL);
  g_assert_true (g_spawn_check_wait_status (made.status, NULL));

  hubs_test_run_hubs (&granted, database, grant_staff, "--hub=fukuoka", NULL);
  if (!g_spawn_check_wait_status (granted.status, NULL))
    g_error ("--grant failed: %s", granted.err);
  grant_row = hubs_test_query_text (f->path, "SELECT hub_id || ' ' || read_only::text "
                                             "FROM hubs_grant");
  g_assert_cmpstr (grant_row, ==, "fukuoka false");
  assert_runs (as_staff, "SELECT * FROM figure",
               query_int (f->path, "SELECT count(*) FROM figure"));

  hubs_test_run_hubs (&reviewing, database, grant_reviewer, "--read-only", NULL);
  g_assert_true (g_spawn_check_wait_status (reviewing.status, NULL));

  hubs_test_run_hubs (&unknown, database, grant_staff, "--hub=atlantis", NULL);
  assert_refused_with (&unknown, "atlantis");
  hubs_test_run_hubs (&one_hub_reviewer, database, grant_reviewer, "--hub=fukuoka", "--read-only", NULL);
  assert_refused_with (&one_hub_reviewer, "--read-only");
  hubs_test_run_hubs (&not_admin, database_as_staff, grant_reviewer, "--read-only", NULL);
  assert_refused_with (&not_admin, staff);

  hubs_test_run_hubs (&made_file, init_file, NULL);
  g_assert_true (g_spawn_check_wait_status (made_file.status, NULL));
  hubs_test_run_hubs (&on_file, database_file, grant_staff, "--hub=fukuoka", NULL);
  assert_refused_with (&on_file, "file permissions");

  /* A reviewer's import: each figure it may not change is listed where the file has it, as
   * a figure the KPI cannot have is, and nothing is written. */
  g_assert_true (g_file_set_contents (csv, "hub_id,kpi_id,2025\nsapporo,sapporo/startups,7\n",
                                      -1, &error));
  g_assert_no_error (error);
  hubs_test_run_hubs (&imported, database_as_reviewer, import, "--user=Reviewer", "--organisation=CAO",
            NULL);
  g_assert_false (g_spawn_check_wait_status (imported.status, NULL));
  listed = g_strconcat (csv, ":2:3: Only the staff of the Sapporo & Hokkaido consortium can "
                        "change these figures.\n", NULL);
  if (strstr (imported.err, listed) == NULL)
    g_error ("expected “%s” in: %s", listed, imported.err);
  g_assert_null (strstr (imported.err, "row-level security"));
  g_assert_null (strstr (imported.err, "permission denied"));
  sapporo = hubs_test_query_text (f->path, "SELECT count(*) FROM figure WHERE kind = 'actual'");
  g_assert_cmpstr (sapporo, ==, "0");

  /* A change the server refuses, past the import's own check: one sentence saying what. */
  g_assert_true (g_file_set_contents (csv, "hub_id,kpi_id,kind,2027\n"
                                      "fukuoka,fukuoka/startup-visas,target,99\n", -1, &error));
  g_assert_no_error (error);
  hubs_test_run_hubs (&target, database_as_staff, import, "--allow-plan-changes", "--user=Sato Hanako",
            "--organisation=Fukuoka City", NULL);
  assert_refused_with (&target, "baselines and targets");
  g_assert_null (strstr (target.err, "row-level security"));

  /* The staff's import of its own hub: in, in its name. */
  g_assert_true (g_file_set_contents (csv, "hub_id,kpi_id,2025\nfukuoka,fukuoka/startup-visas,9\n",
                                      -1, &error));
  g_assert_no_error (error);
  hubs_test_run_hubs (&own_import, database_as_staff, import, "--user=Sato Hanako",
            "--organisation=Fukuoka City", NULL);
  if (!g_spawn_check_wait_status (own_import.status, NULL))
    g_error ("the staff's import failed: %s", own_import.err);
  g_assert_nonnull (strstr (own_import.out, "Imported 1 figure."));
  by = hubs_test_query_text (f->path, "SELECT db_user FROM history WHERE field = 'value' "
                                      "AND kpi_id = 'fukuoka/startup-visas'");
  g_assert_cmpstr (by, ==, staff);

  /* A reviewer's unlock: the server names what may not be changed. */
  hubs_test_exec_sql (f->path, "INSERT INTO year_state (hub_id, fiscal_year, state, changed_at) "
                               "VALUES ('fukuoka', 2025, 'submitted', "
                               "'2026-04-01T00:00:00.000Z')");
  hubs_test_run_hubs (&unlock, database_as_reviewer, "--unlock-year=Correction", "--hub=fukuoka",
            "--fiscal-year=2025", "--user=Reviewer", "--organisation=CAO", NULL);
  assert_refused_with (&unlock, "the state of this year");
  state = hubs_test_query_text (f->path, "SELECT state FROM year_state");
  g_assert_cmpstr (state, ==, "submitted");
  g_clear_pointer (&state, g_free);

  hubs_test_run_hubs (&revoked, database, revoke_reviewer, NULL);
  if (!g_spawn_check_wait_status (revoked.status, NULL))
    g_error ("--revoke failed: %s", revoked.err);
  revoked_row = hubs_test_query_text (f->path, "SELECT count(*) FROM hubs_grant");
  g_assert_cmpstr (revoked_row, ==, "1");
  /* A grant again replaces the one before. */
  hubs_test_run_hubs (&moved, database, grant_staff, "--hub=sapporo", NULL);
  if (!g_spawn_check_wait_status (moved.status, NULL))
    g_error ("--grant again failed: %s", moved.err);
  g_clear_pointer (&grant_row, g_free);
  grant_row = hubs_test_query_text (f->path, "SELECT hub_id || ' ' || read_only::text "
                                             "FROM hubs_grant");
  g_assert_cmpstr (grant_row, ==, "sapporo false");

  /* Without the schema's USAGE the table is not even found (undefined_table). */
  state = run_sql (as_reviewer, "SELECT * FROM figure", NULL);
  g_assert_cmpstr (state, ==, "42P01");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/hubs/roles/staff-on-server", Shared, NULL, shared_set_up, test_staff_on_server,
              shared_tear_down);
  g_test_add ("/hubs/roles/reviewer-on-server", Shared, NULL, shared_set_up,
              test_reviewer_on_server, shared_tear_down);
  g_test_add ("/hubs/roles/staff-store", Shared, NULL, shared_set_up, test_staff_store,
              shared_tear_down);
  g_test_add ("/hubs/roles/reviewer-store", Shared, NULL, shared_set_up, test_reviewer_store,
              shared_tear_down);
  g_test_add ("/hubs/roles/older-schema", Shared, NULL, shared_set_up, test_older_schema,
              shared_tear_down);
  g_test_add_func ("/hubs/roles/file", test_file);
  g_test_add ("/hubs/roles/cli", Fixture, NULL, hubs_test_files_set_up, test_cli,
              hubs_test_files_tear_down);

  return g_test_run ();
}
