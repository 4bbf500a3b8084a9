/* hubs-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-store.h"

G_BEGIN_DECLS

/* A fresh folder for one test, and the path of a database in it (not created). */
typedef struct
{
  char *dir;
  char *path;
} HubsTestFiles;

void       hubs_test_files_set_up    (HubsTestFiles *f,
                                      gconstpointer  data);
void       hubs_test_files_tear_down (HubsTestFiles *f,
                                      gconstpointer  data);
void       hubs_test_wait_for_saves  (HubsStore     *store);
HubsStore *hubs_test_open_store      (const char    *path,
                                      HubsStoreOpenFlags flags);

/* A fresh folder for one test with a database in it, created and seeded with the plan. */
typedef struct
{
  char      *dir;
  HubsStore *store;
} HubsTestStore;

void       hubs_test_store_set_up    (HubsTestStore *f,
                                      gconstpointer  data);
void       hubs_test_store_tear_down (HubsTestStore *f,
                                      gconstpointer  data);

char      *hubs_test_pdf_text        (const char    *pdf);
char      *hubs_test_pdf_info        (const char    *pdf,
                                      const char    *key);

char   *hubs_test_make_dir        (void);
gboolean hubs_test_engine_is_postgresql (void);
void    hubs_test_postgresql_server (const char *what);
char   *hubs_test_database_path   (const char *dir,
                                   const char *name);
void    hubs_test_exec_sql        (const char *path,
                                   const char *sql);
char   *hubs_test_query_text      (const char *path,
                                   const char *sql);
char   *hubs_test_path            (const char *dir,
                                   const char *name);
GBytes *hubs_test_read_bytes      (const char *path);
void    hubs_test_assert_same_bytes (const char *path,
                                     GBytes     *expected);
void    hubs_test_remove_dir      (const char *dir);
void    hubs_test_remove_database (const char *path);
void    hubs_test_copy_file       (const char *from,
                                   const char *to);
double  hubs_test_median          (GArray     *values);
gint64  hubs_test_deadline        (guint       seconds);

/* The main loop's longest wait between two ticks of a 10 ms timer, from _start to _stop
 * (the wait up to _stop counted too), in microseconds. */
typedef struct _HubsTestTicks HubsTestTicks;
HubsTestTicks *hubs_test_ticks_start (void);
gint64         hubs_test_ticks_stop  (HubsTestTicks *ticks);
HubsFigure *hubs_test_make_actual (const char *kpi_id,
                                   int         fiscal_year,
                                   double      value);
char  **hubs_test_parse_csv       (const char *text,
                                   guint      *n_fields_per_row,
                                   guint      *n_rows);

void    hubs_test_make_large_database (const char *path,
                                       guint       n_hubs);

/* One run of the hubs binary ($HUBS_BINARY) without a display: what it printed, and how it
 * ended. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} HubsTestRun;

void    hubs_test_run_clear       (HubsTestRun *run);
void    hubs_test_run_hubs        (HubsTestRun *run,
                                   const char  *first_arg,
                                   ...) G_GNUC_NULL_TERMINATED;
void    hubs_test_run_hubs_argv   (HubsTestRun        *run,
                                   const char * const *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HubsTestRun, hubs_test_run_clear)

G_END_DECLS
