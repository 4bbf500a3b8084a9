/* hubs-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history's words: what each recorded field is called and how its stored values (plain
 * numbers, enum names, UTC time stamps) read to a person. The KPI editor's history and any
 * export of the history say the same things through these.
 */

#define G_LOG_DOMAIN "hubs-history"

#include "config.h"

#include <glib/gi18n.h>

#include "hubs-cycle.h"
#include "hubs-format.h"
#include "hubs-history.h"

/**
 * hubs_history_field_get_label:
 * @field: a field as the history names it (`value`, `note`, `name_ja`, …)
 *
 * Returns: the field's name in the interface's language, lower case for use in a sentence
 */
const char *
hubs_history_field_get_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "value", N_("value") },
    { "confirmed", N_("provisional or confirmed") },
    { "note", N_("note") },
    { "source", N_("source") },
    { "as_of", N_("as of") },
    { "name_ja", N_("Japanese name") },
    { "name_en", N_("English name") },
    { "pillar", N_("pillar") },
    { "unit", N_("unit") },
    { "unit_en_one", N_("English unit for one") },
    { "why", N_("why it is not on track") },
    { "action", N_("what will be done") },
    { "year_state", N_("state of the year") },
    { "year_state_reason", N_("reason") },
    { "unit_en", N_("English unit") },
    { "aggregation", N_("aggregation") },
    { "direction", N_("direction") },
    { "qualifier", N_("qualifier") },
    { "per_year", N_("per year") },
    { "path_from_zero", N_("path starts at zero") },
    { "note_ja", N_("Japanese note") },
    { "note_en", N_("English note") },
    { "parent_id", N_("breakdown of") },
    { "position", N_("position") },
    { "saved-over", N_("saved over another change") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);

  return field;
}

/**
 * hubs_history_describe_value:
 * @field: the field the value belongs to
 * @value: (nullable): the value as the history stores it, %NULL for none
 * @unit: the KPI's unit, for figure values
 * @language: the language to write in
 *
 * Returns: (transfer full): the value in words a reader knows; — for none
 */
char *
hubs_history_describe_value (const char   *field,
                             const char   *value,
                             const char   *unit,
                             HubsLanguage  language)
{
  HubsPillar pillar;
  HubsAggregation aggregation;
  HubsDirection direction;
  HubsQualifier qualifier;
  HubsYearStateKind state;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return g_strdup ("—");

  if (g_str_equal (field, "value"))
    {
      if (g_str_equal (value, "not_measured"))
        return g_strdup (_("not measured"));
      return hubs_format_value (g_ascii_strtod (value, NULL), unit, language);
    }
  if (g_str_equal (field, "confirmed"))
    return g_strdup (g_str_equal (value, "confirmed") ? _("Confirmed") : _("Provisional"));
  if (g_str_equal (field, "pillar") && hubs_pillar_from_string (value, &pillar))
    return g_strdup (hubs_pillar_get_label (pillar));
  if (g_str_equal (field, "aggregation") && hubs_aggregation_from_string (value, &aggregation))
    return g_strdup (hubs_aggregation_get_label (aggregation));
  if (g_str_equal (field, "direction") && hubs_direction_from_string (value, &direction))
    return g_strdup (hubs_direction_get_label (direction));
  if (g_str_equal (field, "qualifier") && hubs_qualifier_from_string (value, &qualifier))
    return g_strdup (hubs_qualifier_get_label (qualifier));
  if (g_str_equal (field, "year_state") && hubs_year_state_kind_from_string (value, &state))
    return g_strdup (hubs_year_state_kind_get_label (state, language));

  return g_strdup (value);
}

/**
 * hubs_history_describe_time:
 * @changed_at: a history time stamp (ISO 8601, UTC)
 * @language: the language to write in
 *
 * Returns: (transfer full): the time in Japan, where the plan's moments are read, written
 *   as every moment is (hubs_format_moment())
 */
char *
hubs_history_describe_time (const char   *changed_at,
                            HubsLanguage  language)
{
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (changed_at != NULL, NULL);

  if (!(utc = g_date_time_new_from_iso8601 (changed_at, utc_zone)))
    return g_strdup (changed_at);

  return hubs_format_moment (utc, language);
}

/**
 * hubs_history_describe_who:
 * @name: (nullable): the name the person gave
 * @organisation: (nullable): their organisation
 * @db_user: (nullable): the database user the change was made as, on a shared database
 *
 * Who made a change, as the history, the reporting status and the review of a submission
 * say it: “Sato Hanako (Fukuoka City)”, followed by the database user where it is not the
 * name: “Sato Hanako (Fukuoka City) · hubs_fukuoka”.
 *
 * Returns: (transfer full) (nullable): who, or %NULL when nothing was recorded
 */
char *
hubs_history_describe_who (const char *name,
                           const char *organisation,
                           const char *db_user)
{
  g_autofree char *person = NULL;

  if (name != NULL && organisation != NULL)
    person = g_strdup_printf ("%s (%s)", name, organisation);
  else
    person = g_strdup (name != NULL ? name : organisation);

  if (db_user == NULL || g_strcmp0 (db_user, name) == 0)
    return g_steal_pointer (&person);
  if (person == NULL)
    return g_strdup (db_user);

  return g_strdup_printf ("%s · %s", person, db_user);
}

/**
 * hubs_history_describe_entry:
 * @entry: a change of the history
 * @unit: the KPI's unit
 * @language: the language to write in
 * @title: (out) (transfer full): what changed, e.g. “FY2025 actual: value”
 * @change: (out) (transfer full): the old value → the new value, then when
 *
 * Says one change of the history in words.
 */
void
hubs_history_describe_entry (const HubsHistoryEntry  *entry,
                             const char              *unit,
                             HubsLanguage             language,
                             char                   **title,
                             char                   **change)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;

  g_return_if_fail (entry != NULL && title != NULL && change != NULL);

  if (entry->kind != NULL && entry->fiscal_year != 0)
    {
      g_autofree char *year = hubs_format_fiscal_year (entry->fiscal_year, language);
      HubsFigureKind kind = HUBS_FIGURE_ACTUAL;

      hubs_figure_kind_from_string (entry->kind, &kind);
      /* Translators: a history entry's title, e.g. “FY2025 actual: value” */
      *title = g_strdup_printf (_("%1$s %2$s: %3$s"), year, hubs_figure_kind_get_label (kind),
                                hubs_history_field_get_label (entry->field));
    }
  else if (entry->fiscal_year != 0)
    {
      g_autofree char *year = hubs_format_fiscal_year (entry->fiscal_year, language);

      /* Translators: a history entry's title, e.g. “FY2025: why it is not on track” */
      *title = g_strdup_printf (_("%1$s: %2$s"), year, hubs_history_field_get_label (entry->field));
    }
  else
    *title = g_strdup (hubs_history_field_get_label (entry->field));

  when = hubs_history_describe_time (entry->changed_at, language);
  who = hubs_history_describe_who (entry->changed_by, entry->organisation, entry->db_user);

  /* A save over another person's change: old_value is the figure they had stored, new_value
   * who they were; what it was changed to is in the value row beside it. */
  if (g_str_equal (entry->field, "saved-over"))
    {
      g_autofree char *theirs = hubs_history_describe_value ("value", entry->old_value, unit,
                                                            language);
      g_autofree char *saved_over = NULL;

      /* Translators: in the history: %1$s is a person and organisation, %2$s the figure
       * they had stored, which someone else saved over */
      saved_over = g_strdup_printf (_("Saved over a change by %1$s, who had entered %2$s"),
                                    entry->new_value != NULL && *entry->new_value != '\0'
                                    ? entry->new_value : "—", theirs);
      if (who != NULL)
        /* Translators: a history entry, what happened, when, and who did it */
        *change = g_strdup_printf (_("%1$s    %2$s · %3$s"), saved_over, when, who);
      else
        /* Translators: a history entry, what happened and when */
        *change = g_strdup_printf (_("%1$s    %2$s"), saved_over, when);
      return;
    }

  old_value = hubs_history_describe_value (entry->field, entry->old_value, unit, language);
  new_value = hubs_history_describe_value (entry->field, entry->new_value, unit, language);
  if (who != NULL)
    {
      /* Translators: a change in the history, old value → new value, when, and who (a name
       * and organisation, then the database user where it differs); — means none */
      *change = g_strdup_printf (_("%1$s → %2$s    %3$s · %4$s"), old_value, new_value, when, who);
    }
  else
    /* Translators: a change in the history, old value → new value; — means none */
    *change = g_strdup_printf (_("%1$s → %2$s    %3$s"), old_value, new_value, when);
}
