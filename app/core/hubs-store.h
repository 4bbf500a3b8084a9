/* hubs-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hubs-cycle.h"
#include "hubs-model.h"

G_BEGIN_DECLS

#define HUBS_STORE_ERROR (hubs_store_error_quark ())

/**
 * HubsStoreError:
 * @HUBS_STORE_ERROR_NOT_HUBS: the file is not a Hubs database (not SQLite, or another
 *   program's SQLite file)
 * @HUBS_STORE_ERROR_CORRUPT: the file is a damaged database
 * @HUBS_STORE_ERROR_TOO_NEW: the database was written by a newer version of Hubs
 * @HUBS_STORE_ERROR_READ_ONLY: the database is open for viewing only
 * @HUBS_STORE_ERROR_NOT_FOUND: no such hub, KPI, figure or file
 * @HUBS_STORE_ERROR_INVALID: the change breaks a rule of the data model
 * @HUBS_STORE_ERROR_FULL: the disk is full
 * @HUBS_STORE_ERROR_FAILED: any other failure of the database
 * @HUBS_STORE_ERROR_CONFLICT: the figure no longer holds the value the change was made
 *   against: someone (an import, another window) changed it meanwhile
 * @HUBS_STORE_ERROR_LOCKED: the fiscal year was submitted or accepted; its figures and
 *   explanations cannot change until it is unlocked
 * @HUBS_STORE_ERROR_DENIED: the shared database's server does not let this database user
 *   make the change (its role writes only its own hub's figures, or reads only)
 * @HUBS_STORE_ERROR_UNREACHABLE: the server of a shared database cannot be reached (the
 *   connection was lost, or cannot be made); nothing of the change was written
 */
typedef enum
{
  HUBS_STORE_ERROR_NOT_HUBS,
  HUBS_STORE_ERROR_CORRUPT,
  HUBS_STORE_ERROR_TOO_NEW,
  HUBS_STORE_ERROR_READ_ONLY,
  HUBS_STORE_ERROR_NOT_FOUND,
  HUBS_STORE_ERROR_INVALID,
  HUBS_STORE_ERROR_FULL,
  HUBS_STORE_ERROR_FAILED,
  HUBS_STORE_ERROR_CONFLICT,
  HUBS_STORE_ERROR_LOCKED,
  HUBS_STORE_ERROR_DENIED,
  HUBS_STORE_ERROR_UNREACHABLE,
} HubsStoreError;

typedef enum
{
  HUBS_STORE_OPEN_DEFAULT   = 0,
  HUBS_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Create an empty database instead of seeding a new one with the plan. */
  HUBS_STORE_OPEN_NO_SEED   = 1 << 1,
  /* Check the file for damage later, with hubs_store_verify(), or before the first write:
   * for the window, so a large database shows without reading every page first. */
  HUBS_STORE_OPEN_DEFER_CHECK = 1 << 2,
} HubsStoreOpenFlags;

/* The schema version this build writes; see hubs-store.c for the migrations. */
#define HUBS_STORE_SCHEMA_VERSION 6

/* The SQLite application_id of a Hubs database: "HUBS" in ASCII. */
#define HUBS_STORE_APPLICATION_ID 0x48554253

typedef struct
{
  gint64  id;
  char   *changed_at;
  char   *hub_id;
  char   *kpi_id;
  int     fiscal_year;
  char   *kind;
  char   *field;
  char   *old_value;
  char   *new_value;
  /* Who made the change, when they said. */
  char   *changed_by;
  char   *organisation;
  /* The database user who made it, on a shared database; NULL in a file. */
  char   *db_user;
} HubsHistoryEntry;

void hubs_history_entry_free (HubsHistoryEntry *entry);

/**
 * HubsStoreChangeKind:
 * @HUBS_STORE_CHANGE_FIGURE: one figure was stored or removed
 * @HUBS_STORE_CHANGE_KPI: one KPI's fields changed (not its place or its figures)
 * @HUBS_STORE_CHANGE_KPI_LIST: a hub's KPIs were added, deleted, restored or reordered
 * @HUBS_STORE_CHANGE_HUB: a hub's fields changed, or a hub was added
 * @HUBS_STORE_CHANGE_YEAR_STATE: a hub's fiscal year was submitted, accepted, returned or
 *   unlocked
 * @HUBS_STORE_CHANGE_EXPLANATION: a KPI's explanation for a fiscal year changed
 * @HUBS_STORE_CHANGE_ALL: anything may have changed (an import, a restore, a new plan)
 */
typedef enum
{
  HUBS_STORE_CHANGE_FIGURE,
  HUBS_STORE_CHANGE_KPI,
  HUBS_STORE_CHANGE_KPI_LIST,
  HUBS_STORE_CHANGE_HUB,
  HUBS_STORE_CHANGE_YEAR_STATE,
  HUBS_STORE_CHANGE_EXPLANATION,
  HUBS_STORE_CHANGE_ALL,
} HubsStoreChangeKind;

/**
 * HubsStoreChange:
 * @kind: what changed
 * @hub_id: (nullable): the hub, for every kind but %HUBS_STORE_CHANGE_ALL
 * @kpi_id: (nullable): the KPI of a figure, KPI or KPI-list change
 * @fiscal_year: the figure's fiscal year
 * @figure_kind: the figure's kind
 * @figure: (nullable): the figure as now stored, %NULL when it was removed
 * @kpi: (nullable): the KPI's fields as now stored (%HUBS_STORE_CHANGE_KPI)
 * @hub: (nullable): the hub's fields as now stored (%HUBS_STORE_CHANGE_HUB)
 * @year_state: (nullable): the year's state as now stored (%HUBS_STORE_CHANGE_YEAR_STATE)
 * @explanation: (nullable): the explanation as now stored (%HUBS_STORE_CHANGE_EXPLANATION)
 *
 * Exactly what one committed change touched, so that a subscriber updates in place
 * without reading the database again. Valid only during the emission.
 */
typedef struct
{
  HubsStoreChangeKind  kind;
  const char          *hub_id;
  const char          *kpi_id;
  int                  fiscal_year;
  HubsFigureKind       figure_kind;
  const HubsFigure    *figure;
  const HubsKpi       *kpi;
  const HubsHub       *hub;
  const HubsYearState *year_state;
  const HubsExplanation *explanation;
} HubsStoreChange;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubsHistoryEntry, hubs_history_entry_free)

#define HUBS_TYPE_STORE (hubs_store_get_type ())

G_DECLARE_FINAL_TYPE (HubsStore, hubs_store, HUBS, STORE, GObject)

GQuark      hubs_store_error_quark        (void);
gboolean    hubs_store_check_address      (const char          *address,
                                           GError             **error);
char       *hubs_store_default_path       (void);
HubsStore  *hubs_store_open               (const char          *path,
                                           HubsStoreOpenFlags   flags,
                                           GError             **error);
gboolean    hubs_store_verify             (HubsStore           *self,
                                           GError             **error);
void        hubs_store_verify_async       (HubsStore           *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    hubs_store_verify_finish      (HubsStore           *self,
                                           GAsyncResult        *result,
                                           GError             **error);
gboolean    hubs_store_checkpoint         (HubsStore           *self,
                                           GError             **error);
const char *hubs_store_get_path           (HubsStore           *self);
void        hubs_store_set_author         (HubsStore           *self,
                                           const char          *name,
                                           const char          *organisation);
const char *hubs_store_get_author         (HubsStore           *self);
const char *hubs_store_get_organisation   (HubsStore           *self);
gboolean    hubs_store_is_read_only       (HubsStore           *self);
gboolean    hubs_store_get_seeded         (HubsStore           *self);
int         hubs_store_get_schema_version (HubsStore           *self);
gboolean    hubs_store_get_connected      (HubsStore           *self);
void        hubs_store_reconnect          (HubsStore           *self);
void        hubs_store_reconnect_async    (HubsStore           *self,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    hubs_store_reconnect_finish   (HubsStore           *self,
                                           GAsyncResult        *result,
                                           GError             **error);

GPtrArray  *hubs_store_list_hubs          (HubsStore           *self,
                                           GError             **error);
HubsHub    *hubs_store_get_hub            (HubsStore           *self,
                                           const char          *hub_id,
                                           GError             **error);
GPtrArray  *hubs_store_list_kpis          (HubsStore           *self,
                                           const char          *hub_id,
                                           GError             **error);
HubsKpi    *hubs_store_get_kpi            (HubsStore           *self,
                                           const char          *kpi_id,
                                           GError             **error);
GPtrArray  *hubs_store_list_figures       (HubsStore           *self,
                                           const char          *kpi_id,
                                           GError             **error);
GHashTable *hubs_store_list_hub_figures   (HubsStore           *self,
                                           const char          *hub_id,
                                           GError             **error);
HubsFigure *hubs_store_get_figure         (HubsStore           *self,
                                           const char          *kpi_id,
                                           int                  fiscal_year,
                                           HubsFigureKind       kind,
                                           GError             **error);
GHashTable *hubs_store_search_hubs        (HubsStore           *self,
                                           const char          *text,
                                           GError             **error);
GPtrArray  *hubs_store_list_phase1_results (HubsStore          *self,
                                            const char         *hub_id,
                                            GError            **error);
GPtrArray  *hubs_store_list_history       (HubsStore           *self,
                                           const char          *kpi_id,
                                           GError             **error);

gboolean    hubs_store_set_figure         (HubsStore           *self,
                                           const HubsFigure    *figure,
                                           GError             **error);
gboolean    hubs_store_replace_figure     (HubsStore           *self,
                                           const char          *kpi_id,
                                           int                  fiscal_year,
                                           HubsFigureKind       kind,
                                           const HubsFigure    *before,
                                           const HubsFigure    *after,
                                           GError             **error);
GPtrArray  *hubs_store_list_recent_history (HubsStore          *self,
                                            const char         *kpi_id,
                                            gint64              before_id,
                                            gint64              after_id,
                                            guint               limit,
                                            GError            **error);
gboolean    hubs_store_remove_figure      (HubsStore           *self,
                                           const char          *kpi_id,
                                           int                  fiscal_year,
                                           HubsFigureKind       kind,
                                           GError             **error);
gboolean    hubs_store_save_kpi           (HubsStore           *self,
                                           const HubsKpi       *kpi,
                                           GError             **error);
gboolean    hubs_store_replace_kpi        (HubsStore           *self,
                                           const HubsKpi       *before,
                                           const HubsKpi       *after,
                                           GError             **error);
gboolean    hubs_store_delete_kpi         (HubsStore           *self,
                                           const char          *kpi_id,
                                           GError             **error);
gboolean    hubs_store_restore_kpi        (HubsStore           *self,
                                           const HubsKpi       *kpi,
                                           GPtrArray           *figures,
                                           GError             **error);
gboolean    hubs_store_move_kpi           (HubsStore           *self,
                                           const char          *kpi_id,
                                           int                  delta,
                                           GError             **error);
char       *hubs_store_new_kpi_id         (HubsStore           *self,
                                           const char          *hub_id,
                                           GError             **error);
char       *hubs_store_new_hub_id         (HubsStore           *self,
                                           const char          *name_en,
                                           GError             **error);
gboolean    hubs_store_delete_hub         (HubsStore           *self,
                                           const char          *hub_id,
                                           GError             **error);
gboolean    hubs_store_restore_hub        (HubsStore           *self,
                                           const HubsHub       *hub,
                                           GPtrArray           *kpis,
                                           GPtrArray           *figures,
                                           GPtrArray           *phase1_results,
                                           GError             **error);
gboolean    hubs_store_save_hub           (HubsStore           *self,
                                           const HubsHub       *hub,
                                           GError             **error);
gboolean    hubs_store_replace_hub        (HubsStore           *self,
                                           const HubsHub       *before,
                                           const HubsHub       *after,
                                           GError             **error);
gboolean    hubs_store_apply_figures      (HubsStore           *self,
                                           GPtrArray           *figures,
                                           guint               *n_changed,
                                           GError             **error);
gboolean    hubs_store_begin_read         (HubsStore           *self,
                                           GError             **error);
void        hubs_store_end_read           (HubsStore           *self);
gboolean    hubs_store_get_fiscal_year_range (HubsStore        *self,
                                              int              *first,
                                              int              *last,
                                              GError          **error);

typedef gboolean (*HubsStoreFigureFunc) (const HubsHub     *hub,
                                         const HubsKpi     *kpi,
                                         const HubsFigure  *figure,
                                         gpointer           user_data,
                                         GError           **error);

gboolean    hubs_store_foreach_figure     (HubsStore           *self,
                                           const char          *hub_id,
                                           HubsStoreFigureFunc  func,
                                           gpointer             user_data,
                                           GError             **error);
gboolean    hubs_store_insert_plan        (HubsStore           *self,
                                           GPtrArray           *hubs,
                                           GPtrArray           *kpis,
                                           GPtrArray           *figures,
                                           GPtrArray           *phase1_results,
                                           GError             **error);

/* The yearly cycle: hubs-store-cycle.c. */
HubsYearState   *hubs_store_get_year_state   (HubsStore              *self,
                                              const char             *hub_id,
                                              int                     fiscal_year,
                                              GError                **error);
GPtrArray       *hubs_store_list_year_states (HubsStore              *self,
                                              const char             *hub_id,
                                              GError                **error);
gboolean         hubs_store_set_year_state   (HubsStore              *self,
                                              const char             *hub_id,
                                              int                     fiscal_year,
                                              HubsYearStateKind       state,
                                              const char             *reason,
                                              GError                **error);
HubsExplanation *hubs_store_get_explanation  (HubsStore              *self,
                                              const char             *kpi_id,
                                              int                     fiscal_year,
                                              GError                **error);
gboolean         hubs_store_set_explanation  (HubsStore              *self,
                                              const HubsExplanation  *explanation,
                                              GError                **error);
gboolean         hubs_store_replace_explanation (HubsStore              *self,
                                                 const HubsExplanation  *before,
                                                 const HubsExplanation  *after,
                                                 GError                **error);
GPtrArray       *hubs_store_list_exchanged_figures (HubsStore        *self,
                                                    const char       *hub_id,
                                                    int               fiscal_year,
                                                    GError          **error);
gboolean         hubs_store_submit_year      (HubsStore              *self,
                                              const char             *hub_id,
                                              int                     fiscal_year,
                                              GPtrArray              *sent,
                                              GError                **error);
gboolean         hubs_store_receive_submission (HubsStore            *self,
                                                const char           *hub_id,
                                                int                   fiscal_year,
                                                GPtrArray            *figures,
                                                GPtrArray            *explanations,
                                                GPtrArray            *received,
                                                const char           *by,
                                                const char           *organisation,
                                                const char           *at,
                                                GError              **error);
gboolean         hubs_store_receive_answer   (HubsStore              *self,
                                              const char             *hub_id,
                                              int                     fiscal_year,
                                              HubsYearStateKind       state,
                                              const char             *reason,
                                              const char             *by,
                                              const char             *organisation,
                                              const char             *at,
                                              GError                **error);
gboolean         hubs_store_get_last_change  (HubsStore              *self,
                                              const char             *kpi_id,
                                              int                     fiscal_year,
                                              HubsFigureKind          kind,
                                              char                  **changed_by,
                                              char                  **changed_at,
                                              GError                **error);

/* The database at a past moment: hubs-store-as-of.c. */
HubsStore       *hubs_store_open_as_of       (HubsStore              *self,
                                              GDateTime              *when,
                                              char                  **snapshot_path,
                                              GError                **error);
void             hubs_store_remove_snapshot  (const char             *path);
char            *hubs_store_format_as_of     (GDateTime              *when);

gboolean    hubs_store_copy_into          (HubsStore           *self,
                                           HubsStore           *into,
                                           GError             **error);

char       *hubs_store_get_warning        (HubsStore           *self);

G_END_DECLS
