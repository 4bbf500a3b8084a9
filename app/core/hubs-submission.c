/* hubs-submission.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting a year. At the consortium: what is missing before the year can go (a figure, an
 * explanation of a KPI not on track), and the submission file, whose making locks the year.
 * At the Cabinet Office: a submission applied to its database only when every figure it
 * changed itself since the submission's base is settled (keep ours, keep theirs); applying
 * the same file again changes nothing. The answer (accepted, or returned with a reason)
 * travels back in a file of the same kind.
 */

#define G_LOG_DOMAIN "hubs-submission"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-i18n.h"
#include "hubs-output.h"
#include "hubs-progress.h"
#include "hubs-submission.h"

static void
issue_free (HubsSubmissionIssue *issue)
{
  g_free (issue->kpi_id);
  g_free (issue->message);
  g_free (issue);
}

static void
add_issue (GPtrArray               *issues,
           HubsSubmissionIssueKind  kind,
           const HubsKpi           *kpi,
           gboolean                 blocking,
           char                    *message)
{
  HubsSubmissionIssue *issue = g_new0 (HubsSubmissionIssue, 1);

  issue->kind = kind;
  issue->kpi_id = g_strdup (kpi->id);
  issue->blocking = blocking;
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

static const HubsFigure *
find_actual (GPtrArray *figures,
             int        fiscal_year)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (figure->kind == HUBS_FIGURE_ACTUAL && figure->fiscal_year == fiscal_year)
        return figure;
    }
  return NULL;
}

/**
 * hubs_submission_check:
 * @store: a #HubsStore
 * @hub_id: the hub
 * @fiscal_year: the year to submit
 * @lang: the language of the messages
 * @error: a location for a #GError
 *
 * What stands between the year and its submission, KPI by KPI in the hub's order: a missing
 * actual and a missing explanation of a KPI not on track stop it (see
 * hubs_submission_count_blocking()); a KPI far above its plan path and a provisional figure
 * are said, and may go.
 *
 * Returns: (transfer full) (element-type HubsSubmissionIssue): the issues, empty when
 *   nothing is missing
 */
GPtrArray *
hubs_submission_check (HubsStore    *store,
                       const char   *hub_id,
                       int           fiscal_year,
                       HubsLanguage  lang,
                       GError      **error)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *fy = hubs_format_fiscal_year (fiscal_year, lang);

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  if (!(kpis = hubs_store_list_kpis (store, hub_id, error)))
    return NULL;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      const char *name = lang == HUBS_LANGUAGE_JA ? kpi->name_ja : kpi->name_en;
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, error);
      g_autoptr(HubsExplanation) explanation = NULL;
      const HubsFigure *actual;
      HubsProgress progress;

      if (figures == NULL)
        return NULL;

      actual = find_actual (figures, fiscal_year);
      if (actual == NULL)
        {
          add_issue (issues, HUBS_SUBMISSION_MISSING, kpi, TRUE,
                     /* Translators: %1$s is a KPI, %2$s a fiscal year */
                     g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s: the %2$s actual is "
                                                                  "missing. Enter it, or "
                                                                  "“not measured”.")),
                                      name, fy));
          continue;
        }
      if (!actual->measured)
        continue;

      if (!actual->confirmed)
        add_issue (issues, HUBS_SUBMISSION_PROVISIONAL, kpi, FALSE,
                   /* Translators: %1$s is a KPI, %2$s a fiscal year */
                   g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s: the %2$s actual is "
                                                                "provisional; the submission "
                                                                "says so.")),
                                    name, fy));

      hubs_progress_compute_as_of (&progress, kpi, figures, fiscal_year);
      if (!progress.has_share || progress.actual_year != fiscal_year || progress.is_breakdown)
        continue;

      if (hubs_progress_needs_explanation (&progress, fiscal_year))
        {
          if (!(explanation = hubs_store_get_explanation (store, kpi->id, fiscal_year, error)))
            return NULL;
          if (!hubs_explanation_is_complete (explanation))
            add_issue (issues, HUBS_SUBMISSION_NEEDS_EXPLANATION, kpi, TRUE,
                       /* Translators: %1$s is a KPI, %2$s its status (limited progress …) */
                       g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s is “%2$s”: say why, "
                                                                    "and what will be done.")),
                                        name, hubs_status_get_label (progress.status, lang)));
        }
      else if (progress.share > HUBS_SUBMISSION_FAR_ABOVE_SHARE)
        add_issue (issues, HUBS_SUBMISSION_FAR_ABOVE_PLAN, kpi, FALSE,
                   /* Translators: %1$s is a KPI, %2$.0f%% how much of the planned progress */
                   g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s is at %2$.0f%% of its "
                                                                "planned progress: does the "
                                                                "target still fit?")),
                                    name, progress.share * 100));
    }

  return g_steal_pointer (&issues);
}

/**
 * hubs_submission_count_blocking:
 * @issues: (element-type HubsSubmissionIssue): what hubs_submission_check() found
 *
 * Returns: how many of them stop the submission
 */
guint
hubs_submission_count_blocking (GPtrArray *issues)
{
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    n += ((HubsSubmissionIssue *) g_ptr_array_index (issues, i))->blocking;

  return n;
}

/**
 * hubs_submission_make:
 * @store: a #HubsStore
 * @hub_id: the hub
 * @fiscal_year: the year
 * @error: a location for a #GError
 *
 * The submission of the year as it stands: its actuals with their notes, sources and status,
 * the explanations, who makes it and when, and for each figure the one last exchanged.
 *
 * Returns: (transfer full): the submission
 */
HubsPackage *
hubs_submission_make (HubsStore   *store,
                      const char  *hub_id,
                      int          fiscal_year,
                      GError     **error)
{
  g_autoptr(HubsPackage) package = hubs_package_new (HUBS_PACKAGE_SUBMISSION, hub_id,
                                                     fiscal_year);
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GPtrArray) exchanged = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!(hub = hubs_store_get_hub (store, hub_id, error)) ||
      !(kpis = hubs_store_list_kpis (store, hub_id, error)) ||
      !(exchanged = hubs_store_list_exchanged_figures (store, hub_id, fiscal_year, error)))
    return NULL;

  package->hub_name_ja = g_strdup (hub->name_ja);
  package->hub_name_en = g_strdup (hub->name_en);
  package->created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  package->created_by = g_strdup (hubs_store_get_author (store));
  package->organisation = g_strdup (hubs_store_get_organisation (store));
  package->state = HUBS_YEAR_SUBMITTED;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autoptr(GPtrArray) figures = hubs_store_list_figures (store, kpi->id, error);
      g_autoptr(HubsExplanation) explanation = NULL;
      const HubsFigure *actual;
      const HubsFigure *base = NULL;
      HubsKpi *named;

      if (figures == NULL ||
          !(explanation = hubs_store_get_explanation (store, kpi->id, fiscal_year, error)))
        return NULL;

      named = hubs_kpi_new ();
      named->id = g_strdup (kpi->id);
      named->name_ja = g_strdup (kpi->name_ja);
      named->name_en = g_strdup (kpi->name_en);
      named->unit = g_strdup (kpi->unit);
      g_ptr_array_add (package->kpis, named);

      for (guint j = 0; j < exchanged->len; j++)
        {
          const HubsFigure *e = g_ptr_array_index (exchanged, j);

          if (g_str_equal (e->kpi_id, kpi->id) && e->kind == HUBS_FIGURE_ACTUAL)
            base = e;
        }

      if ((actual = find_actual (figures, fiscal_year)) != NULL)
        hubs_package_add_figure (package, actual, base);
      if (*explanation->why != '\0' || *explanation->action != '\0')
        g_ptr_array_add (package->explanations, g_steal_pointer (&explanation));
    }

  return g_steal_pointer (&package);
}

/**
 * hubs_submission_export:
 * @store: a #HubsStore
 * @hub_id: the hub
 * @fiscal_year: the year
 * @path: the file to write
 * @error: a location for a #GError
 *
 * Writes the year's submission to @path and marks the year submitted, which locks it. A year
 * with something missing (hubs_submission_check()) or already submitted is refused, and
 * nothing is written or changed. When the file cannot be written the year stays open.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_submission_export (HubsStore   *store,
                        const char  *hub_id,
                        int          fiscal_year,
                        const char  *path,
                        GError     **error)
{
  HubsLanguage lang = hubs_language_current ();
  g_autoptr(HubsYearState) state = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(HubsPackage) package = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HubsOutputFile) out = NULL;
  g_autofree char *fy = hubs_format_fiscal_year (fiscal_year, lang);
  gsize size;
  const void *data;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);

  if (!(state = hubs_store_get_year_state (store, hub_id, fiscal_year, error)))
    return FALSE;
  if (!hubs_year_state_can_become (state->state, HUBS_YEAR_SUBMITTED))
    {
      g_autofree char *said = hubs_year_state_describe (state, lang);

      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   /* Translators: %1$s is a fiscal year, %2$s who submitted it and when */
                   _("%1$s cannot be submitted now. %2$s"), fy, said);
      return FALSE;
    }

  if (!(issues = hubs_submission_check (store, hub_id, fiscal_year, lang, error)))
    return FALSE;
  if (hubs_submission_count_blocking (issues) > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < issues->len; i++)
        {
          const HubsSubmissionIssue *issue = g_ptr_array_index (issues, i);

          if (issue->blocking)
            g_string_append_printf (list, "\n• %s", issue->message);
        }
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                   /* Translators: %1$s is a fiscal year, %2$s a list of what is missing */
                   _("%1$s cannot be submitted yet; nothing was written:%2$s"), fy, list->str);
      return FALSE;
    }

  if (!(package = hubs_submission_make (store, hub_id, fiscal_year, error)) ||
      !(bytes = hubs_package_to_bytes (package, error)))
    return FALSE;

  sent = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  for (guint i = 0; i < package->figures->len; i++)
    g_ptr_array_add (sent, hubs_figure_copy (((HubsPackageFigure *)
                                              g_ptr_array_index (package->figures, i))->figure));

  /* The file first, then the lock: a file that cannot be written leaves the year open. */
  data = g_bytes_get_data (bytes, &size);
  if (!(out = hubs_output_file_open (path, error)))
    return FALSE;
  if (!hubs_output_file_write (out, data, size) ||
      !hubs_output_file_close (g_steal_pointer (&out), TRUE, NULL, error))
    return FALSE;

  if (!hubs_store_submit_year (store, hub_id, fiscal_year, sent, error))
    {
      /* No file of a year that is not marked submitted. */
      if (!hubs_output_is_stream (path))
        g_unlink (path);
      return FALSE;
    }

  return TRUE;
}

/* Receiving a submission
 * ---------------------- */

struct _HubsSubmissionImport
{
  HubsStore   *store;
  HubsPackage *package;
  /* What the submission changes without a conflict (HubsFigure), and the conflicts. */
  GPtrArray   *changes;
  GPtrArray   *conflicts;
};

static void
conflict_free (HubsSubmissionConflict *conflict)
{
  g_free (conflict->kpi_id);
  hubs_figure_free (conflict->ours);
  hubs_figure_free (conflict->theirs);
  g_free (conflict->ours_changed_by);
  g_free (conflict->ours_changed_at);
  g_free (conflict);
}

void
hubs_submission_import_free (HubsSubmissionImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->package, hubs_package_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_free (self);
}

/* The stored value and status of a figure, as a submission compares them. */
static gboolean
same_value (const HubsFigure *a,
            const HubsFigure *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->measured == b->measured && (!a->measured || a->value == b->value);
}

/**
 * hubs_submission_import_new:
 * @store: the receiving database
 * @package: (transfer full): a submission read with hubs_package_new_from_file()
 * @error: a location for a #GError
 *
 * Compares a submission with the receiving database, changing nothing: which figures it
 * changes, and which the receiving database changed itself since the submission's base
 * (a correction made there, an earlier submission), to be settled before it is applied. A
 * submission of a hub or KPI the database does not hold, or an answer, is refused.
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set
 */
HubsSubmissionImport *
hubs_submission_import_new (HubsStore    *store,
                            HubsPackage  *package,
                            GError      **error)
{
  g_autoptr(HubsSubmissionImport) self = g_new0 (HubsSubmissionImport, 1);
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->package = package;
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);

  if (package->kind != HUBS_PACKAGE_SUBMISSION)
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           _("This is an answer to a submission, not a submission."));
      return NULL;
    }

  if (!(hub = hubs_store_get_hub (store, package->hub_id, &local_error)))
    {
      if (g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is a hub id */
                     _("The submission is for the hub “%s”, which this database does not hold; "
                       "nothing was changed."), package->hub_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < package->figures->len; i++)
    {
      const HubsPackageFigure *pf = g_ptr_array_index (package->figures, i);
      const HubsFigure *theirs = pf->figure;
      g_autoptr(HubsFigure) ours = NULL;
      g_autoptr(HubsKpi) kpi = NULL;

      if (theirs->fiscal_year != package->fiscal_year || theirs->kind != HUBS_FIGURE_ACTUAL ||
          !(kpi = hubs_store_get_kpi (store, theirs->kpi_id, &local_error)) ||
          g_strcmp0 (kpi->hub_id, package->hub_id) != 0)
        {
          g_clear_error (&local_error);
          g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                       /* Translators: %1$s is a KPI id, %2$s a hub id */
                       _("The submission has a figure of “%1$s”, which is not a KPI of “%2$s” "
                         "in this database; nothing was changed."),
                       theirs->kpi_id, package->hub_id);
          return NULL;
        }

      ours = hubs_store_get_figure (store, theirs->kpi_id, theirs->fiscal_year, theirs->kind,
                                    &local_error);
      if (local_error != NULL &&
          !g_error_matches (local_error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);

      /* Already as they sent it: nothing to do. */
      if (ours != NULL && hubs_figure_equal (ours, theirs))
        continue;

      /* Ours is what they last saw (or the same value): theirs replaces it. Otherwise we
       * changed it ourselves since: a conflict. */
      if (same_value (ours, pf->base) || same_value (ours, theirs))
        g_ptr_array_add (self->changes, hubs_figure_copy (theirs));
      else
        {
          HubsSubmissionConflict *conflict = g_new0 (HubsSubmissionConflict, 1);

          conflict->kpi_id = g_strdup (theirs->kpi_id);
          conflict->fiscal_year = theirs->fiscal_year;
          conflict->kind = theirs->kind;
          conflict->ours = g_steal_pointer (&ours);
          conflict->theirs = hubs_figure_copy (theirs);
          if (!hubs_store_get_last_change (store, theirs->kpi_id, theirs->fiscal_year,
                                           theirs->kind, &conflict->ours_changed_by,
                                           &conflict->ours_changed_at, error))
            {
              conflict_free (conflict);
              return NULL;
            }
          g_ptr_array_add (self->conflicts, conflict);
        }
    }

  return g_steal_pointer (&self);
}

const HubsPackage *
hubs_submission_import_get_package (HubsSubmissionImport *self)
{
  return self->package;
}

/**
 * hubs_submission_import_get_conflicts:
 * @self: a comparison
 *
 * Returns: (transfer none) (element-type HubsSubmissionConflict): the figures both sides
 *   changed; set each one's resolution before applying
 */
GPtrArray *
hubs_submission_import_get_conflicts (HubsSubmissionImport *self)
{
  return self->conflicts;
}

/**
 * hubs_submission_import_count_changes:
 * @self: a comparison
 *
 * Returns: how many figures the submission changes without a conflict
 */
guint
hubs_submission_import_count_changes (HubsSubmissionImport *self)
{
  return self->changes->len;
}

void
hubs_submission_import_resolve_all (HubsSubmissionImport     *self,
                                    HubsSubmissionResolution  resolution)
{
  for (guint i = 0; i < self->conflicts->len; i++)
    ((HubsSubmissionConflict *) g_ptr_array_index (self->conflicts, i))->resolution = resolution;
}

guint
hubs_submission_import_count_unresolved (HubsSubmissionImport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->conflicts->len; i++)
    n += ((HubsSubmissionConflict *) g_ptr_array_index (self->conflicts, i))->resolution ==
         HUBS_SUBMISSION_UNRESOLVED;

  return n;
}

/**
 * hubs_submission_import_apply:
 * @self: a comparison whose conflicts are all settled
 * @error: a location for a #GError
 *
 * Applies the submission in one transaction: its figures (and, where settled so, theirs
 * over ours), its explanations, and the year marked submitted as of the submission, all
 * recorded as the submitter's. With a conflict not settled nothing changes.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_submission_import_apply (HubsSubmissionImport  *self,
                              GError               **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 hubs_figure_free);
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hubs_figure_free);
  guint unresolved = hubs_submission_import_count_unresolved (self);

  if (unresolved > 0)
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u figure was changed here since the submission’s base; settle "
                                "it (keep ours or theirs) first. Nothing was changed.",
                                "%u figures were changed here since the submission’s base; "
                                "settle them (keep ours or theirs) first. Nothing was changed.",
                                unresolved),
                   unresolved);
      return FALSE;
    }

  for (guint i = 0; i < self->changes->len; i++)
    g_ptr_array_add (figures, hubs_figure_copy (g_ptr_array_index (self->changes, i)));
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const HubsSubmissionConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (conflict->resolution == HUBS_SUBMISSION_KEEP_THEIRS)
        g_ptr_array_add (figures, hubs_figure_copy (conflict->theirs));
    }
  for (guint i = 0; i < self->package->figures->len; i++)
    g_ptr_array_add (received, hubs_figure_copy (((HubsPackageFigure *)
                                                  g_ptr_array_index (self->package->figures,
                                                                     i))->figure));

  return hubs_store_receive_submission (self->store, self->package->hub_id,
                                        self->package->fiscal_year, figures,
                                        self->package->explanations, received,
                                        self->package->created_by, self->package->organisation,
                                        self->package->created_at, error);
}

/* Answers
 * ------- */

/**
 * hubs_submission_answer:
 * @store: the Cabinet Office's database
 * @hub_id: the hub
 * @fiscal_year: the submitted year
 * @state: %HUBS_YEAR_ACCEPTED or %HUBS_YEAR_RETURNED
 * @reason: (nullable): why it is returned (needed then)
 * @path: the answer file to write for the consortium
 * @error: a location for a #GError
 *
 * Accepts the submitted year, or returns it with a reason, and writes the answer the
 * consortium takes in with hubs_submission_take_answer().
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_submission_answer (HubsStore          *store,
                        const char         *hub_id,
                        int                 fiscal_year,
                        HubsYearStateKind   state,
                        const char         *reason,
                        const char         *path,
                        GError            **error)
{
  g_autoptr(HubsPackage) package = hubs_package_new (HUBS_PACKAGE_ANSWER, hub_id, fiscal_year);
  g_autoptr(HubsYearState) now = NULL;
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HubsOutputFile) out = NULL;
  const void *data;
  gsize size;

  g_return_val_if_fail (state == HUBS_YEAR_ACCEPTED || state == HUBS_YEAR_RETURNED, FALSE);

  if (!(hub = hubs_store_get_hub (store, hub_id, error)) ||
      !hubs_store_set_year_state (store, hub_id, fiscal_year, state, reason, error) ||
      !(now = hubs_store_get_year_state (store, hub_id, fiscal_year, error)))
    return FALSE;

  package->hub_name_ja = g_strdup (hub->name_ja);
  package->hub_name_en = g_strdup (hub->name_en);
  package->state = now->state;
  package->reason = g_strdup (now->reason);
  package->created_at = g_strdup (now->changed_at);
  package->created_by = g_strdup (now->changed_by);
  package->organisation = g_strdup (now->organisation);

  if (!(bytes = hubs_package_to_bytes (package, error)) ||
      !(out = hubs_output_file_open (path, error)))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);

  return hubs_output_file_write (out, data, size) &&
         hubs_output_file_close (g_steal_pointer (&out), TRUE, NULL, error);
}

/**
 * hubs_submission_take_answer:
 * @store: the consortium's database
 * @package: an answer read with hubs_package_new_from_file()
 * @error: a location for a #GError
 *
 * Takes the Cabinet Office's answer in: the submitted year is accepted, or returned with the
 * reviewer's reason, which unlocks it. The same answer twice changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_submission_take_answer (HubsStore          *store,
                             const HubsPackage  *package,
                             GError            **error)
{
  g_autoptr(HubsHub) hub = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HUBS_IS_STORE (store), FALSE);

  if (package->kind != HUBS_PACKAGE_ANSWER ||
      (package->state != HUBS_YEAR_ACCEPTED && package->state != HUBS_YEAR_RETURNED))
    {
      g_set_error_literal (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_INVALID,
                           _("This is a submission, not an answer to one."));
      return FALSE;
    }

  if (!(hub = hubs_store_get_hub (store, package->hub_id, &local_error)))
    {
      g_set_error (error, HUBS_STORE_ERROR, HUBS_STORE_ERROR_NOT_FOUND,
                   _("The answer is for the hub “%s”, which this database does not hold; "
                     "nothing was changed."), package->hub_id);
      return FALSE;
    }

  return hubs_store_receive_answer (store, package->hub_id, package->fiscal_year,
                                    package->state, package->reason, package->created_by,
                                    package->organisation, package->created_at, error);
}
