/* hubs-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the plan file (data/hubs-plan.ini, described in data/PLAN-FORMAT.md) into plain
 * model objects, checking every key so that a mistake in the file is reported with the group
 * and key it is in rather than seeding a wrong database.
 */

#define G_LOG_DOMAIN "hubs-plan"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-national.h"
#include "hubs-plan.h"

struct _HubsPlan
{
  GPtrArray *hubs;
  GPtrArray *kpis;
  GPtrArray *figures;
  GPtrArray *phase1_results;
  /* KPI id → HubsPlanReading */
  GHashTable *readings;
  /* KPI id → the common indicator it counts (indicator=) */
  GHashTable *indicators;
};

typedef struct
{
  char *ja;
  char *en;
} HubsPlanReading;

static void
reading_free (gpointer data)
{
  HubsPlanReading *reading = data;

  g_free (reading->ja);
  g_free (reading->en);
  g_free (reading);
}

G_DEFINE_QUARK (hubs-plan-error-quark, hubs_plan_error)

static const char *
group_id (const char *group,
          const char *prefix)
{
  return group + strlen (prefix);
}

static gboolean
is_slug (const char *str,
         gboolean    allow_slash)
{
  if (str == NULL || *str == '\0')
    return FALSE;

  for (const char *p = str; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' &&
          !(allow_slash && *p == '/'))
        return FALSE;
    }

  return TRUE;
}

static void
set_invalid (GError     **error,
             const char  *group,
             const char  *key,
             const char  *problem)
{
  if (key == NULL)
    g_set_error (error, HUBS_PLAN_ERROR, HUBS_PLAN_ERROR_INVALID,
                 /* Translators: the plan file, e.g. “[kpi tokyo/unicorns]: …” */
                 _("Plan file, [%1$s]: %2$s"), group, problem);
  else
    g_set_error (error, HUBS_PLAN_ERROR, HUBS_PLAN_ERROR_INVALID,
                 /* Translators: the plan file, e.g. “[kpi tokyo/unicorns], key pillar: …” */
                 _("Plan file, [%1$s], key “%2$s”: %3$s"), group, key, problem);
}

/* Reads a string key, `key[locale]` when @locale is given; a missing optional key gives NULL.
 * g_key_file_get_locale_string() would fall back to another language, but the plan must say
 * each language itself, so the exact key is read. */
static gboolean
get_string (GKeyFile    *file,
            const char  *group,
            const char  *key,
            const char  *locale,
            gboolean     required,
            char       **value,
            GError     **error)
{
  g_autofree char *full_key = locale ? g_strdup_printf ("%s[%s]", key, locale) : g_strdup (key);

  *value = g_key_file_get_string (file, group, full_key, NULL);
  if (*value == NULL && required)
    {
      set_invalid (error, group, full_key, _("missing"));
      return FALSE;
    }

  return TRUE;
}

/* Reads a `;`-separated list as one item a line. */
static char *
get_list (GKeyFile   *file,
          const char *group,
          const char *key,
          const char *locale)
{
  g_auto(GStrv) items = g_key_file_get_locale_string_list (file, group, key, locale, NULL, NULL);
  g_autofree char *localized_key = g_strdup_printf ("%s[%s]", key, locale);

  if (!g_key_file_has_key (file, group, localized_key, NULL) || items == NULL)
    return g_strdup ("");

  for (guint i = 0; items[i]; i++)
    g_strstrip (items[i]);

  return g_strjoinv ("\n", items);
}

typedef gboolean (*FromString) (const char *str, gpointer value);

static gboolean
get_enum (GKeyFile    *file,
          const char  *group,
          const char  *key,
          const char  *fallback,
          FromString   from_string,
          gpointer     value,
          GError     **error)
{
  g_autofree char *str = g_key_file_get_string (file, group, key, NULL);

  if (str == NULL && fallback != NULL)
    str = g_strdup (fallback);

  if (str == NULL)
    {
      set_invalid (error, group, key, _("missing"));
      return FALSE;
    }

  if (!from_string (str, value))
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” is not a known value"), str);

      set_invalid (error, group, key, problem);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_flag (GKeyFile    *file,
          const char  *group,
          const char  *key,
          gboolean    *value,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_has_key (file, group, key, NULL))
    {
      *value = FALSE;
      return TRUE;
    }

  *value = g_key_file_get_boolean (file, group, key, &local_error);
  if (local_error != NULL)
    {
      set_invalid (error, group, key, _("must be true or false"));
      return FALSE;
    }

  return TRUE;
}

/* Reads a plain ASCII number; `measured` is FALSE for "not-measured". */
static gboolean
parse_number (const char  *group,
              const char  *key,
              const char  *str,
              double      *value,
              gboolean    *measured,
              GError     **error)
{
  char *end = NULL;

  if (measured != NULL && g_strcmp0 (str, "not-measured") == 0)
    {
      *measured = FALSE;
      *value = 0;
      return TRUE;
    }

  if (str != NULL && *str != '\0')
    *value = g_ascii_strtod (str, &end);

  if (str == NULL || *str == '\0' || end == NULL || *end != '\0' || !isfinite (*value) ||
      g_ascii_isspace (*str))
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” is not a plain number"),
                                                  str ? str : "");

      set_invalid (error, group, key, problem);
      return FALSE;
    }

  if (measured != NULL)
    *measured = TRUE;

  return TRUE;
}

static gboolean
get_number (GKeyFile    *file,
            const char  *group,
            const char  *key,
            gboolean     required,
            gboolean    *present,
            double      *value,
            GError     **error)
{
  g_autofree char *str = g_key_file_get_string (file, group, key, NULL);

  *present = str != NULL;
  if (str == NULL)
    {
      if (required)
        set_invalid (error, group, key, _("missing"));
      return !required;
    }

  return parse_number (group, key, str, value, NULL, error);
}

static gboolean
load_hub (HubsPlan    *plan,
          GKeyFile    *file,
          const char  *group,
          GHashTable  *hub_ids,
          GError     **error)
{
  g_autoptr(HubsHub) hub = hubs_hub_new ();
  const char *id = group_id (group, "hub ");

  if (!is_slug (id, FALSE))
    {
      set_invalid (error, group, NULL, _("the hub id must be a lowercase ASCII slug"));
      return FALSE;
    }
  if (g_hash_table_contains (hub_ids, id))
    {
      set_invalid (error, group, NULL, _("the hub appears twice"));
      return FALSE;
    }

  hub->id = g_strdup (id);
  hub->sort_order = plan->hubs->len;

  if (!get_string (file, group, "name", "ja", TRUE, &hub->name_ja, error) ||
      !get_string (file, group, "name", "en", TRUE, &hub->name_en, error) ||
      !get_string (file, group, "consortium", "ja", TRUE, &hub->consortium_ja, error) ||
      !get_string (file, group, "consortium", "en", TRUE, &hub->consortium_en, error) ||
      !get_string (file, group, "slogan", "ja", FALSE, &hub->slogan_ja, error) ||
      !get_string (file, group, "slogan", "en", FALSE, &hub->slogan_en, error) ||
      !get_string (file, group, "summary", "ja", FALSE, &hub->summary_ja, error) ||
      !get_string (file, group, "summary", "en", FALSE, &hub->summary_en, error) ||
      !get_enum (file, group, "tier", NULL, (FromString) hubs_tier_from_string,
                 &hub->tier, error) ||
      !get_enum (file, group, "type", "none", (FromString) hubs_hub_type_from_string,
                 &hub->type, error))
    return FALSE;

  hub->members_ja = get_list (file, group, "members", "ja");
  hub->members_en = get_list (file, group, "members", "en");
  {
    gboolean more;

    if (!get_flag (file, group, "members-more", &more, error))
      return FALSE;
    hub->members_more = more;
  }
  hub->focus_ja = get_list (file, group, "focus", "ja");
  hub->focus_en = get_list (file, group, "focus", "en");

  g_hash_table_add (hub_ids, hub->id);
  g_ptr_array_add (plan->hubs, g_steal_pointer (&hub));

  return TRUE;
}

/* Splits "HUB/SLUG" and checks the hub is known. */
static gboolean
check_kpi_id (const char  *group,
              const char  *id,
              GHashTable  *hub_ids,
              char       **hub_id,
              GError     **error)
{
  const char *slash = strchr (id, '/');

  if (slash == NULL || strchr (slash + 1, '/') != NULL || !is_slug (id, TRUE) ||
      slash == id || slash[1] == '\0')
    {
      set_invalid (error, group, NULL, _("the id must be HUB/SLUG in lowercase ASCII"));
      return FALSE;
    }

  *hub_id = g_strndup (id, slash - id);
  if (!g_hash_table_contains (hub_ids, *hub_id))
    {
      set_invalid (error, group, NULL, _("the hub is not defined before it"));
      g_clear_pointer (hub_id, g_free);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_figure (HubsPlan        *plan,
            GKeyFile        *file,
            const char      *group,
            const char      *kpi_id,
            const char      *key,
            HubsFigureKind   kind,
            int              fiscal_year,
            const char      *as_of,
            GError         **error)
{
  g_autofree char *str = g_key_file_get_string (file, group, key, NULL);
  g_autofree char *note_key = g_strdup_printf ("%s-note", key);
  g_autofree char *unit_key = g_strdup_printf ("%s-unit", key);
  g_autoptr(HubsFigure) figure = NULL;
  double value;
  gboolean measured;

  if (str == NULL)
    return TRUE;

  if (!parse_number (group, key, str, &value, &measured, error))
    return FALSE;

  figure = hubs_figure_new ();
  figure->kpi_id = g_strdup (kpi_id);
  figure->fiscal_year = fiscal_year;
  figure->kind = kind;
  figure->measured = measured;
  figure->value = value;
  /* The published plan is final; figures typed later start provisional. */
  figure->confirmed = TRUE;
  figure->as_of = g_strdup (as_of);
  if (!get_string (file, group, note_key, "ja", FALSE, &figure->note, error) ||
      !get_string (file, group, note_key, "en", FALSE, &figure->note_en, error) ||
      !get_string (file, group, unit_key, NULL, FALSE, &figure->unit, error))
    return FALSE;
  if ((figure->note == NULL) != (figure->note_en == NULL))
    {
      set_invalid (error, group, note_key, _("give the note in both languages, [ja] and [en]"));
      return FALSE;
    }

  g_ptr_array_add (plan->figures, g_steal_pointer (&figure));

  return TRUE;
}

static gboolean
load_kpi (HubsPlan    *plan,
          GKeyFile    *file,
          const char  *group,
          GHashTable  *hub_ids,
          GHashTable  *kpi_ids,
          GError     **error)
{
  g_autoptr(HubsKpi) kpi = hubs_kpi_new ();
  g_autofree char *as_of = NULL;
  g_autofree char *reading_ja = NULL;
  g_autofree char *reading_en = NULL;
  g_autofree char *indicator = NULL;
  g_auto(GStrv) unit_en = NULL;
  const char *id = group_id (group, "kpi ");
  gboolean per_year;
  gboolean path_from_zero;
  gboolean present;
  double year = HUBS_BASELINE_FISCAL_YEAR;

  if (!check_kpi_id (group, id, hub_ids, &kpi->hub_id, error))
    return FALSE;
  if (g_hash_table_contains (kpi_ids, id))
    {
      set_invalid (error, group, NULL, _("the KPI appears twice"));
      return FALSE;
    }

  kpi->id = g_strdup (id);
  kpi->sort_order = plan->kpis->len;

  if (!get_string (file, group, "name", "ja", TRUE, &kpi->name_ja, error) ||
      !get_string (file, group, "name", "en", TRUE, &kpi->name_en, error) ||
      !get_string (file, group, "note", "ja", FALSE, &kpi->note_ja, error) ||
      !get_string (file, group, "note", "en", FALSE, &kpi->note_en, error) ||
      !get_string (file, group, "reading", "ja", FALSE, &reading_ja, error) ||
      !get_string (file, group, "reading", "en", FALSE, &reading_en, error) ||
      !get_string (file, group, "unit", NULL, TRUE, &kpi->unit, error) ||
      !get_string (file, group, "parent", NULL, FALSE, &kpi->parent_id, error) ||
      !get_string (file, group, "indicator", NULL, FALSE, &indicator, error) ||
      !get_enum (file, group, "pillar", NULL, (FromString) hubs_pillar_from_string,
                 &kpi->pillar, error) ||
      !get_enum (file, group, "aggregation", NULL, (FromString) hubs_aggregation_from_string,
                 &kpi->aggregation, error) ||
      !get_enum (file, group, "direction", "higher", (FromString) hubs_direction_from_string,
                 &kpi->direction, error) ||
      !get_enum (file, group, "qualifier", "none", (FromString) hubs_qualifier_from_string,
                 &kpi->qualifier, error) ||
      !get_flag (file, group, "per-year", &per_year, error) ||
      !get_number (file, group, "baseline-year", FALSE, &present, &year, error))
    return FALSE;

  {
    g_autofree char *path_start = g_key_file_get_string (file, group, "path-start", NULL);

    if (path_start == NULL || g_str_equal (path_start, "baseline"))
      path_from_zero = FALSE;
    else if (g_str_equal (path_start, "zero"))
      path_from_zero = TRUE;
    else
      {
        set_invalid (error, group, "path-start", _("must be baseline or zero"));
        return FALSE;
      }
  }

  kpi->per_year = per_year;
  kpi->path_from_zero = path_from_zero;

  /* unit[en]=deal;deals: the English word, singular and plural, where the unit's usual one
   * does not fit. */
  if (g_key_file_has_key (file, group, "unit[en]", NULL))
    {
      unit_en = g_key_file_get_string_list (file, group, "unit[en]", NULL, NULL);
      if (unit_en == NULL || g_strv_length (unit_en) != 2 || *g_strstrip (unit_en[0]) == '\0' ||
          *g_strstrip (unit_en[1]) == '\0')
        {
          set_invalid (error, group, "unit[en]", _("must be the singular and the plural, as deal;deals"));
          return FALSE;
        }
      kpi->unit_en_one = g_strdup (unit_en[0]);
      kpi->unit_en = g_strdup (unit_en[1]);
    }

  if ((reading_ja == NULL) != (reading_en == NULL))
    {
      set_invalid (error, group, "reading", _("give the reading in both languages, [ja] and [en]"));
      return FALSE;
    }
  if (reading_ja != NULL)
    {
      HubsPlanReading *reading = g_new0 (HubsPlanReading, 1);

      reading->ja = g_steal_pointer (&reading_ja);
      reading->en = g_steal_pointer (&reading_en);
      g_hash_table_insert (plan->readings, g_strdup (id), reading);
    }

  if (indicator != NULL)
    {
      if (!hubs_indicator_key_is_valid (indicator))
        {
          set_invalid (error, group, "indicator",
                       _("must be a lowercase ASCII key such as startups or funding-amount"));
          return FALSE;
        }
      g_hash_table_insert (plan->indicators, g_strdup (id), g_steal_pointer (&indicator));
    }

  if (year != floor (year) || year < 1900 || year > 2100)
    {
      set_invalid (error, group, "baseline-year", _("must be a year such as 2024"));
      return FALSE;
    }

  if (kpi->parent_id != NULL &&
      (!g_hash_table_contains (kpi_ids, kpi->parent_id) ||
       !g_str_has_prefix (kpi->parent_id, kpi->hub_id) ||
       kpi->parent_id[strlen (kpi->hub_id)] != '/'))
    {
      set_invalid (error, group, "parent", _("must name a KPI of the same hub defined before it"));
      return FALSE;
    }

  as_of = g_key_file_get_string (file, group, "baseline-as-of", NULL);

  if (!add_figure (plan, file, group, id, "baseline", HUBS_FIGURE_BASELINE, (int) year, as_of,
                   error) ||
      !add_figure (plan, file, group, id, "target-2027", HUBS_FIGURE_TARGET,
                   HUBS_MIDTERM_FISCAL_YEAR, NULL, error) ||
      !add_figure (plan, file, group, id, "target-2029", HUBS_FIGURE_TARGET,
                   HUBS_LAST_FISCAL_YEAR, NULL, error))
    return FALSE;

  g_hash_table_add (kpi_ids, kpi->id);
  g_ptr_array_add (plan->kpis, g_steal_pointer (&kpi));

  return TRUE;
}

static gboolean
load_phase1 (HubsPlan    *plan,
             GKeyFile    *file,
             const char  *group,
             GHashTable  *hub_ids,
             GError     **error)
{
  g_autoptr(HubsPhase1Result) result = hubs_phase1_result_new ();
  const char *id = group_id (group, "phase1 ");
  gboolean present;
  gboolean has_target;

  if (!check_kpi_id (group, id, hub_ids, &result->hub_id, error))
    return FALSE;

  result->id = g_strdup (id);
  result->sort_order = plan->phase1_results->len;

  if (!get_string (file, group, "name", "ja", TRUE, &result->name_ja, error) ||
      !get_string (file, group, "name", "en", TRUE, &result->name_en, error) ||
      !get_string (file, group, "unit", NULL, TRUE, &result->unit, error) ||
      !get_string (file, group, "target-text", "ja", FALSE, &result->target_text_ja, error) ||
      !get_string (file, group, "target-text", "en", FALSE, &result->target_text_en, error) ||
      !get_number (file, group, "start", TRUE, &present, &result->start, error) ||
      !get_number (file, group, "target", FALSE, &has_target, &result->target, error) ||
      !get_number (file, group, "result", TRUE, &present, &result->result, error))
    return FALSE;

  result->has_target = has_target;

  if (!has_target && result->target_text_ja == NULL)
    {
      set_invalid (error, group, "target", _("give a target or a target-text"));
      return FALSE;
    }

  g_ptr_array_add (plan->phase1_results, g_steal_pointer (&result));

  return TRUE;
}

/**
 * hubs_plan_new_from_bytes:
 * @bytes: the text of a plan file
 * @error: a location for a #GError
 *
 * Reads and checks a plan file.
 *
 * Returns: (transfer full): the plan, or %NULL with @error naming the group and key at fault
 */
HubsPlan *
hubs_plan_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(HubsPlan) plan = NULL;
  g_autoptr(GHashTable) hub_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kpi_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, HUBS_PLAN_ERROR, HUBS_PLAN_ERROR_SYNTAX,
                   _("Plan file: the text is not valid UTF-8."));
      return NULL;
    }

  if (!g_key_file_load_from_data (file, data, len, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error (error, HUBS_PLAN_ERROR, HUBS_PLAN_ERROR_SYNTAX,
                   _("Plan file: %s"), local_error->message);
      return NULL;
    }

  plan = g_new0 (HubsPlan, 1);
  plan->hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_hub_free);
  plan->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_kpi_free);
  plan->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_figure_free);
  plan->phase1_results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_phase1_result_free);
  plan->readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, reading_free);
  plan->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      gboolean ok;

      if (g_str_has_prefix (group, "hub "))
        ok = load_hub (plan, file, group, hub_ids, error);
      else if (g_str_has_prefix (group, "kpi "))
        ok = load_kpi (plan, file, group, hub_ids, kpi_ids, error);
      else if (g_str_has_prefix (group, "phase1 "))
        ok = load_phase1 (plan, file, group, hub_ids, error);
      else
        {
          set_invalid (error, group, NULL, _("unknown kind of group"));
          ok = FALSE;
        }

      if (!ok)
        return NULL;
    }

  if (plan->hubs->len == 0)
    {
      g_set_error (error, HUBS_PLAN_ERROR, HUBS_PLAN_ERROR_INVALID,
                   _("Plan file: it defines no hub."));
      return NULL;
    }

  return g_steal_pointer (&plan);
}

/**
 * hubs_plan_new_builtin:
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the phase-2 plan compiled into the program
 */
HubsPlan *
hubs_plan_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = g_resources_lookup_data (HUBS_PLAN_RESOURCE_PATH, 0, error)))
    return NULL;

  return hubs_plan_new_from_bytes (bytes, error);
}

/**
 * hubs_plan_free:
 * @plan: (nullable): a plan
 */
void
hubs_plan_free (HubsPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->hubs, g_ptr_array_unref);
  g_clear_pointer (&plan->kpis, g_ptr_array_unref);
  g_clear_pointer (&plan->figures, g_ptr_array_unref);
  g_clear_pointer (&plan->phase1_results, g_ptr_array_unref);
  g_clear_pointer (&plan->readings, g_hash_table_unref);
  g_clear_pointer (&plan->indicators, g_hash_table_unref);
  g_free (plan);
}

/**
 * hubs_plan_get_hubs:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsHub): the hubs in order
 */
GPtrArray *
hubs_plan_get_hubs (HubsPlan *plan)
{
  return plan->hubs;
}

/**
 * hubs_plan_get_kpis:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsKpi): the KPIs in order
 */
GPtrArray *
hubs_plan_get_kpis (HubsPlan *plan)
{
  return plan->kpis;
}

/**
 * hubs_plan_get_figures:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsFigure): baselines and targets
 */
GPtrArray *
hubs_plan_get_figures (HubsPlan *plan)
{
  return plan->figures;
}

/**
 * hubs_plan_get_phase1_results:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type HubsPhase1Result): phase-1 results
 */
GPtrArray *
hubs_plan_get_phase1_results (HubsPlan *plan)
{
  return plan->phase1_results;
}

/**
 * hubs_plan_get_reading:
 * @plan: a plan
 * @kpi_id: a KPI's id
 * @lang: the language to read it in
 *
 * How the plan's text was read for @kpi_id where the slides are ambiguous: which figure a
 * footnote marks, which unit a figure without one is in. For the KPI editor, not for reports.
 *
 * Returns: (transfer none) (nullable): the reading, or %NULL when the plan says none
 */
const char *
hubs_plan_get_reading (HubsPlan     *plan,
                       const char   *kpi_id,
                       HubsLanguage  lang)
{
  const HubsPlanReading *reading;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  if (!(reading = g_hash_table_lookup (plan->readings, kpi_id)))
    return NULL;

  return lang == HUBS_LANGUAGE_JA ? reading->ja : reading->en;
}

/**
 * hubs_plan_get_indicator:
 * @plan: a plan
 * @kpi_id: a KPI's id
 *
 * The common indicator @kpi_id counts, as the plan file names it (`indicator=`): KPIs of
 * several hubs with the same key count the same thing, and the national view adds them up
 * where they also measure it alike.
 *
 * Returns: (transfer none) (nullable): the indicator's key, or %NULL
 */
const char *
hubs_plan_get_indicator (HubsPlan   *plan,
                         const char *kpi_id)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (kpi_id != NULL, NULL);

  return g_hash_table_lookup (plan->indicators, kpi_id);
}

static gpointer
load_builtin (gpointer data)
{
  g_autoptr(GError) error = NULL;
  HubsPlan *plan = hubs_plan_new_builtin (&error);

  if (plan == NULL)
    g_warning ("The built-in plan cannot be read: %s", error->message);

  return plan;
}

/**
 * hubs_plan_get_builtin:
 *
 * The plan compiled into the program, read once and kept.
 *
 * Returns: (transfer none) (nullable): the plan, or %NULL when it cannot be read (a warning
 *   says why)
 */
HubsPlan *
hubs_plan_get_builtin (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_builtin, NULL);
}
