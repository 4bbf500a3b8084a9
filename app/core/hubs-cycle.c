/* hubs-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly cycle's own data and rules: the state of a hub's fiscal year (入力中 → 提出済 →
 * 確認済, or 差戻し and back), which changes of state are allowed, what a locked year says of
 * itself, and a KPI's explanation for a year it is not on track in.
 */

#define G_LOG_DOMAIN "hubs-cycle"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cycle.h"
#include "hubs-format.h"
#include "hubs-history.h"
#include "hubs-i18n.h"

static const char * const state_names[] = { "entering", "submitted", "accepted", "returned" };

const char *
hubs_year_state_kind_to_string (HubsYearStateKind state)
{
  g_return_val_if_fail (state <= HUBS_YEAR_RETURNED, NULL);

  return state_names[state];
}

gboolean
hubs_year_state_kind_from_string (const char        *str,
                                  HubsYearStateKind *state)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (str, state_names[i]))
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * hubs_year_state_kind_get_label:
 * @state: a state
 * @lang: the language to name it in
 *
 * Returns: (transfer none): 入力中, 提出済, 確認済, 差戻し; "Being entered", "Submitted",
 *   "Accepted", "Returned"
 */
const char *
hubs_year_state_kind_get_label (HubsYearStateKind state,
                                HubsLanguage      lang)
{
  switch (state)
    {
    case HUBS_YEAR_ENTERING:
      /* Translators: the state of a hub's fiscal year: 入力中 */
      return hubs_i18n_gettext (lang, N_("Being entered"));
    case HUBS_YEAR_SUBMITTED:
      /* Translators: the state of a hub's fiscal year: 提出済 */
      return hubs_i18n_gettext (lang, N_("Submitted"));
    case HUBS_YEAR_ACCEPTED:
      /* Translators: the state of a hub's fiscal year: 確認済 */
      return hubs_i18n_gettext (lang, N_("Accepted"));
    case HUBS_YEAR_RETURNED:
      /* Translators: the state of a hub's fiscal year: 差戻し */
      return hubs_i18n_gettext (lang, N_("Returned"));
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * hubs_year_state_kind_is_locked:
 * @state: a state
 *
 * Returns: %TRUE for a submitted or accepted year, whose figures cannot change
 */
gboolean
hubs_year_state_kind_is_locked (HubsYearStateKind state)
{
  return state == HUBS_YEAR_SUBMITTED || state == HUBS_YEAR_ACCEPTED;
}

/**
 * hubs_year_state_can_become:
 * @from: the year's state now
 * @to: the state asked for
 *
 * The cycle's rules: a year being entered or returned is submitted; a submitted year is
 * accepted or returned; an accepted one can still be returned; a submitted or accepted year
 * is unlocked back to being entered (with a reason). Nothing else.
 *
 * Returns: %TRUE when @from may become @to
 */
gboolean
hubs_year_state_can_become (HubsYearStateKind from,
                            HubsYearStateKind to)
{
  switch (to)
    {
    case HUBS_YEAR_SUBMITTED:
      return from == HUBS_YEAR_ENTERING || from == HUBS_YEAR_RETURNED;
    case HUBS_YEAR_ACCEPTED:
      return from == HUBS_YEAR_SUBMITTED;
    case HUBS_YEAR_RETURNED:
      return from == HUBS_YEAR_SUBMITTED || from == HUBS_YEAR_ACCEPTED;
    case HUBS_YEAR_ENTERING:
      return hubs_year_state_kind_is_locked (from);
    default:
      return FALSE;
    }
}

HubsYearState *
hubs_year_state_new (const char *hub_id,
                     int         fiscal_year)
{
  HubsYearState *state = g_new0 (HubsYearState, 1);

  state->hub_id = g_strdup (hub_id);
  state->fiscal_year = fiscal_year;
  state->state = HUBS_YEAR_ENTERING;

  return state;
}

HubsYearState *
hubs_year_state_copy (const HubsYearState *state)
{
  HubsYearState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_memdup2 (state, sizeof *state);
  copy->hub_id = g_strdup (state->hub_id);
  copy->changed_at = g_strdup (state->changed_at);
  copy->changed_by = g_strdup (state->changed_by);
  copy->organisation = g_strdup (state->organisation);
  copy->reason = g_strdup (state->reason);

  return copy;
}

void
hubs_year_state_free (HubsYearState *state)
{
  if (state == NULL)
    return;

  g_free (state->hub_id);
  g_free (state->changed_at);
  g_free (state->changed_by);
  g_free (state->organisation);
  g_free (state->reason);
  g_free (state);
}

/* "山田 花子 (福岡市 スタートアップ推進課)", "山田 花子", or "someone". */
static char *
who (const HubsYearState *state,
     HubsLanguage         lang)
{
  char *person = hubs_history_describe_who (state->changed_by, state->organisation, NULL);

  if (person != NULL)
    return person;
  /* Translators: who submitted a year, when the change did not say */
  return g_strdup (hubs_i18n_gettext (lang, N_("someone unnamed")));
}

/**
 * hubs_year_state_describe:
 * @state: a year's state
 * @lang: the language to write in
 *
 * The state in a sentence, for the hub page and for the message that refuses a change to a
 * locked year: "Submitted by 山田 花子 (福岡市) on 31 May 2026." "Returned on 10 June 2026: the
 * FY2025 figure of … is missing."
 *
 * Returns: (transfer full): the sentence
 */
char *
hubs_year_state_describe (const HubsYearState *state,
                          HubsLanguage         lang)
{
  g_autofree char *by = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  by = who (state, lang);
  day = hubs_format_day (state->changed_at, lang);

  switch (state->state)
    {
    case HUBS_YEAR_SUBMITTED:
      /* Translators: %1$s is who (a name and organisation), %2$s a date */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Submitted by %1$s on %2$s.")), by, day);
    case HUBS_YEAR_ACCEPTED:
      /* Translators: %1$s is who (a name and organisation), %2$s a date */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Accepted by %1$s on %2$s.")), by, day);
    case HUBS_YEAR_RETURNED:
      /* Translators: %1$s is who, %2$s a date, %3$s the reviewer's reason */
      return g_strdup_printf (hubs_i18n_gettext (lang, N_("Returned by %1$s on %2$s: %3$s")), by,
                              day, state->reason != NULL ? state->reason : "");
    case HUBS_YEAR_ENTERING:
    default:
      if (state->changed_at != NULL)
        /* Translators: a year open again; %1$s is who, %2$s a date, %3$s why */
        return g_strdup_printf (hubs_i18n_gettext (lang, N_("Unlocked by %1$s on %2$s: %3$s")),
                                by, day, state->reason != NULL ? state->reason : "");
      return g_strdup (hubs_i18n_gettext (lang, N_("Being entered.")));
    }
}

HubsExplanation *
hubs_explanation_new (const char *kpi_id,
                      int         fiscal_year)
{
  HubsExplanation *explanation = g_new0 (HubsExplanation, 1);

  explanation->kpi_id = g_strdup (kpi_id);
  explanation->fiscal_year = fiscal_year;
  explanation->why = g_strdup ("");
  explanation->action = g_strdup ("");

  return explanation;
}

HubsExplanation *
hubs_explanation_copy (const HubsExplanation *explanation)
{
  HubsExplanation *copy;

  g_return_val_if_fail (explanation != NULL, NULL);

  copy = g_memdup2 (explanation, sizeof *explanation);
  copy->kpi_id = g_strdup (explanation->kpi_id);
  copy->why = g_strdup (explanation->why);
  copy->action = g_strdup (explanation->action);

  return copy;
}

void
hubs_explanation_free (HubsExplanation *explanation)
{
  if (explanation == NULL)
    return;

  g_free (explanation->kpi_id);
  g_free (explanation->why);
  g_free (explanation->action);
  g_free (explanation);
}

/**
 * hubs_cycle_text_has_words:
 * @text: (nullable): what someone typed (a reason, an explanation)
 *
 * Returns: %TRUE when @text holds more than white space
 */
gboolean
hubs_cycle_text_has_words (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * hubs_explanation_is_complete:
 * @explanation: (nullable): an explanation
 *
 * Returns: %TRUE when it says both why (要因分析) and what will be done (今後の対応)
 */
gboolean
hubs_explanation_is_complete (const HubsExplanation *explanation)
{
  return explanation != NULL && hubs_cycle_text_has_words (explanation->why) && hubs_cycle_text_has_words (explanation->action);
}

/**
 * hubs_explanation_describe:
 * @explanation: (nullable): an explanation
 * @lang: the language to write in
 *
 * The explanation in one paragraph, for a report's notes and a slide: “FY2025 — why: …
 * What will be done: …” (2025年度 要因分析：… 今後の対応：…).
 *
 * Returns: (transfer full) (nullable): the paragraph, or %NULL when it says nothing
 */
char *
hubs_explanation_describe (const HubsExplanation *explanation,
                           HubsLanguage           lang)
{
  g_autofree char *fy = NULL;
  g_autofree char *why = NULL;
  g_autofree char *action = NULL;

  if (explanation == NULL || (!hubs_cycle_text_has_words (explanation->why) && !hubs_cycle_text_has_words (explanation->action)))
    return NULL;

  fy = hubs_format_fiscal_year (explanation->fiscal_year, lang);
  why = g_strstrip (g_strdup (explanation->why != NULL ? explanation->why : ""));
  action = g_strstrip (g_strdup (explanation->action != NULL ? explanation->action : ""));

  if (*action == '\0')
    /* Translators: a KPI's explanation of a year it is behind in; %1$s is the year, %2$s why */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s — why: %2$s")), fy, why);
  if (*why == '\0')
    /* Translators: %1$s is a fiscal year, %2$s what the consortium will do about it */
    return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s — what will be done: %2$s")), fy,
                            action);
  /* Translators: %1$s is a fiscal year, %2$s why the KPI is behind, %3$s what will be done */
  return g_strdup_printf (hubs_i18n_gettext (lang, N_("%1$s — why: %2$s What will be done: "
                                                      "%3$s")), fy, why, action);
}

/**
 * hubs_fiscal_year_latest_ended:
 * @now: the time now
 *
 * The fiscal year reported on next: the latest one that has ended (a fiscal year runs from
 * April to March), as of @now in Japan. In December 2026 that is FY2025.
 *
 * Returns: the fiscal year
 */
int
hubs_fiscal_year_latest_ended (GDateTime *now)
{
  g_autoptr(GTimeZone) tokyo = hubs_time_zone_japan ();
  g_autoptr(GDateTime) local = NULL;
  int year, month;

  g_return_val_if_fail (now != NULL, 0);

  local = g_date_time_to_timezone (now, tokyo);
  year = g_date_time_get_year (local);
  month = g_date_time_get_month (local);

  /* The fiscal year that started last April (or the April before) is still running. */
  return month >= 4 ? year - 1 : year - 2;
}
