/* hubs-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hubs-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-i18n.h"
#include "hubs-model.h"

static const char * const tier_names[] = { "global", "next-global", NULL };
static const char * const hub_type_names[] = { "none", "wide-area", "core-city", NULL };
static const char * const pillar_names[] = { "overall", "world", "growth", "foundation", NULL };
static const char * const aggregation_names[] = { "stock", "flow", "cumulative", NULL };
static const char * const direction_names[] = { "higher", "lower", NULL };
static const char * const qualifier_names[] = { "none", "at-least", "at-most", NULL };
static const char * const figure_kind_names[] = { "baseline", "target", "actual", NULL };

static const char *
name_of (const char * const *names,
         guint               value)
{
  g_return_val_if_fail (value < g_strv_length ((char **) names), NULL);
  return names[value];
}

static gboolean
value_of (const char * const *names,
          const char         *str,
          int                *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ENUM_STRINGS(Type, prefix, names)                        \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    return name_of (names, value);                                      \
  }                                                                     \
  gboolean                                                              \
  prefix##_from_string (const char *str,                                \
                        Type       *value)                              \
  {                                                                     \
    int v;                                                              \
    if (!value_of (names, str, &v))                                     \
      return FALSE;                                                     \
    *value = (Type) v;                                                  \
    return TRUE;                                                        \
  }

DEFINE_ENUM_STRINGS (HubsTier, hubs_tier, tier_names)
DEFINE_ENUM_STRINGS (HubsHubType, hubs_hub_type, hub_type_names)
DEFINE_ENUM_STRINGS (HubsPillar, hubs_pillar, pillar_names)
DEFINE_ENUM_STRINGS (HubsAggregation, hubs_aggregation, aggregation_names)
DEFINE_ENUM_STRINGS (HubsDirection, hubs_direction, direction_names)
DEFINE_ENUM_STRINGS (HubsQualifier, hubs_qualifier, qualifier_names)
DEFINE_ENUM_STRINGS (HubsFigureKind, hubs_figure_kind, figure_kind_names)

G_DEFINE_BOXED_TYPE (HubsHub, hubs_hub, hubs_hub_copy, hubs_hub_free)
G_DEFINE_BOXED_TYPE (HubsKpi, hubs_kpi, hubs_kpi_copy, hubs_kpi_free)
G_DEFINE_BOXED_TYPE (HubsFigure, hubs_figure, hubs_figure_copy, hubs_figure_free)
G_DEFINE_BOXED_TYPE (HubsPhase1Result, hubs_phase1_result,
                     hubs_phase1_result_copy, hubs_phase1_result_free)

/**
 * hubs_hub_new:
 *
 * Returns: (transfer full): an empty hub
 */
HubsHub *
hubs_hub_new (void)
{
  return g_new0 (HubsHub, 1);
}

/**
 * hubs_hub_copy:
 * @hub: a hub
 *
 * Returns: (transfer full): a deep copy of @hub
 */
HubsHub *
hubs_hub_copy (const HubsHub *hub)
{
  HubsHub *copy;

  g_return_val_if_fail (hub != NULL, NULL);

  copy = g_memdup2 (hub, sizeof *hub);
  copy->id = g_strdup (hub->id);
  copy->name_ja = g_strdup (hub->name_ja);
  copy->name_en = g_strdup (hub->name_en);
  copy->consortium_ja = g_strdup (hub->consortium_ja);
  copy->consortium_en = g_strdup (hub->consortium_en);
  copy->slogan_ja = g_strdup (hub->slogan_ja);
  copy->slogan_en = g_strdup (hub->slogan_en);
  copy->summary_ja = g_strdup (hub->summary_ja);
  copy->summary_en = g_strdup (hub->summary_en);
  copy->members_ja = g_strdup (hub->members_ja);
  copy->members_en = g_strdup (hub->members_en);
  copy->focus_ja = g_strdup (hub->focus_ja);
  copy->focus_en = g_strdup (hub->focus_en);

  return copy;
}

/**
 * hubs_hub_free:
 * @hub: (nullable): a hub
 */
void
hubs_hub_free (HubsHub *hub)
{
  if (hub == NULL)
    return;

  g_free (hub->id);
  g_free (hub->name_ja);
  g_free (hub->name_en);
  g_free (hub->consortium_ja);
  g_free (hub->consortium_en);
  g_free (hub->slogan_ja);
  g_free (hub->slogan_en);
  g_free (hub->summary_ja);
  g_free (hub->summary_en);
  g_free (hub->members_ja);
  g_free (hub->members_en);
  g_free (hub->focus_ja);
  g_free (hub->focus_en);
  g_free (hub);
}

/**
 * hubs_kpi_new:
 *
 * Returns: (transfer full): an empty KPI, higher is better, no qualifier
 */
HubsKpi *
hubs_kpi_new (void)
{
  return g_new0 (HubsKpi, 1);
}

/**
 * hubs_kpi_new_for_hub:
 * @hub_id: the hub the KPI is added to
 * @id: (nullable): its id (see hubs_store_new_kpi_id()), or %NULL for one found as it is
 *   added (hubs_undo_stack_add_kpi_async())
 * @name_ja: (nullable): its Japanese name
 * @name_en: (nullable): its English name
 *
 * A KPI as the user adds it, before they say more: counted in 件, cumulative, an overall
 * KPI, higher is better, no qualifier on its targets.
 *
 * Returns: (transfer full): the new KPI's fields
 */
HubsKpi *
hubs_kpi_new_for_hub (const char *hub_id,
                      const char *id,
                      const char *name_ja,
                      const char *name_en)
{
  HubsKpi *kpi;

  g_return_val_if_fail (hub_id != NULL, NULL);

  kpi = hubs_kpi_new ();
  kpi->id = g_strdup (id);
  kpi->hub_id = g_strdup (hub_id);
  kpi->name_ja = g_strdup (name_ja ? name_ja : "");
  kpi->name_en = g_strdup (name_en ? name_en : "");
  kpi->unit = g_strdup ("件");
  kpi->pillar = HUBS_PILLAR_OVERALL;
  kpi->aggregation = HUBS_AGGREGATION_CUMULATIVE;
  kpi->direction = HUBS_DIRECTION_HIGHER;
  kpi->qualifier = HUBS_QUALIFIER_NONE;

  return kpi;
}

/**
 * hubs_kpi_copy:
 * @kpi: a KPI
 *
 * Returns: (transfer full): a deep copy of @kpi
 */
HubsKpi *
hubs_kpi_copy (const HubsKpi *kpi)
{
  HubsKpi *copy;

  g_return_val_if_fail (kpi != NULL, NULL);

  copy = g_memdup2 (kpi, sizeof *kpi);
  copy->id = g_strdup (kpi->id);
  copy->hub_id = g_strdup (kpi->hub_id);
  copy->parent_id = g_strdup (kpi->parent_id);
  copy->name_ja = g_strdup (kpi->name_ja);
  copy->name_en = g_strdup (kpi->name_en);
  copy->unit = g_strdup (kpi->unit);
  copy->unit_en_one = g_strdup (kpi->unit_en_one);
  copy->unit_en = g_strdup (kpi->unit_en);
  copy->note_ja = g_strdup (kpi->note_ja);
  copy->note_en = g_strdup (kpi->note_en);

  return copy;
}

/**
 * hubs_kpi_free:
 * @kpi: (nullable): a KPI
 */
void
hubs_kpi_free (HubsKpi *kpi)
{
  if (kpi == NULL)
    return;

  g_free (kpi->id);
  g_free (kpi->hub_id);
  g_free (kpi->parent_id);
  g_free (kpi->name_ja);
  g_free (kpi->name_en);
  g_free (kpi->unit);
  g_free (kpi->unit_en_one);
  g_free (kpi->unit_en);
  g_free (kpi->note_ja);
  g_free (kpi->note_en);
  g_free (kpi);
}

/**
 * hubs_figure_new:
 *
 * Returns: (transfer full): a figure marked not measured
 */
HubsFigure *
hubs_figure_new (void)
{
  return g_new0 (HubsFigure, 1);
}

/**
 * hubs_figure_copy:
 * @figure: a figure
 *
 * Returns: (transfer full): a deep copy of @figure
 */
HubsFigure *
hubs_figure_copy (const HubsFigure *figure)
{
  HubsFigure *copy;

  g_return_val_if_fail (figure != NULL, NULL);

  copy = g_memdup2 (figure, sizeof *figure);
  copy->kpi_id = g_strdup (figure->kpi_id);
  copy->as_of = g_strdup (figure->as_of);
  copy->note = g_strdup (figure->note);
  copy->note_en = g_strdup (figure->note_en);
  copy->source = g_strdup (figure->source);
  copy->unit = g_strdup (figure->unit);

  return copy;
}

/**
 * hubs_figure_free:
 * @figure: (nullable): a figure
 */
void
hubs_figure_free (HubsFigure *figure)
{
  if (figure == NULL)
    return;

  g_free (figure->kpi_id);
  g_free (figure->as_of);
  g_free (figure->note);
  g_free (figure->note_en);
  g_free (figure->source);
  g_free (figure->unit);
  g_free (figure);
}

/**
 * hubs_figure_equal:
 * @a: a figure
 * @b: another figure
 *
 * Compares the stored content of two figures (value, status, notes), ignoring a value
 * that is not measured.
 *
 * Returns: %TRUE when the two would be stored the same
 */
gboolean
hubs_figure_equal (const HubsFigure *a,
                   const HubsFigure *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_strcmp0 (a->kpi_id, b->kpi_id) == 0 &&
         a->fiscal_year == b->fiscal_year &&
         a->kind == b->kind &&
         a->measured == b->measured &&
         (!a->measured || a->value == b->value) &&
         a->confirmed == b->confirmed &&
         g_strcmp0 (a->as_of, b->as_of) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->note_en, b->note_en) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->unit, b->unit) == 0;
}

/**
 * hubs_phase1_result_new:
 *
 * Returns: (transfer full): an empty phase-1 result
 */
HubsPhase1Result *
hubs_phase1_result_new (void)
{
  return g_new0 (HubsPhase1Result, 1);
}

/**
 * hubs_phase1_result_copy:
 * @result: a phase-1 result
 *
 * Returns: (transfer full): a deep copy of @result
 */
HubsPhase1Result *
hubs_phase1_result_copy (const HubsPhase1Result *result)
{
  HubsPhase1Result *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->id = g_strdup (result->id);
  copy->hub_id = g_strdup (result->hub_id);
  copy->name_ja = g_strdup (result->name_ja);
  copy->name_en = g_strdup (result->name_en);
  copy->unit = g_strdup (result->unit);
  copy->target_text_ja = g_strdup (result->target_text_ja);
  copy->target_text_en = g_strdup (result->target_text_en);

  return copy;
}

/**
 * hubs_phase1_result_free:
 * @result: (nullable): a phase-1 result
 */
void
hubs_phase1_result_free (HubsPhase1Result *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->hub_id);
  g_free (result->name_ja);
  g_free (result->name_en);
  g_free (result->unit);
  g_free (result->target_text_ja);
  g_free (result->target_text_en);
  g_free (result);
}

/* The pillar names are words of the data: they switch with it at once (see
 * hubs_i18n_set_data_language()), in the lists and on the charts alike. */

/**
 * hubs_tier_get_label:
 * @tier: a tier
 *
 * Returns: the tier's name in the language data is shown in (hubs_language_current()), as
 *   hubs_i18n_tier_label() has it
 */
const char *
hubs_tier_get_label (HubsTier tier)
{
  return hubs_i18n_tier_label (hubs_language_current (), tier);
}

/**
 * hubs_hub_type_get_label:
 * @type: a hub type
 *
 * Returns: the type's name in the language data is shown in, "" for none
 */
const char *
hubs_hub_type_get_label (HubsHubType type)
{
  return hubs_i18n_hub_type_label (hubs_language_current (), type);
}

/**
 * hubs_pillar_get_label:
 * @pillar: a pillar
 *
 * Returns: the pillar's name in the language data is shown in
 */
const char *
hubs_pillar_get_label (HubsPillar pillar)
{
  return hubs_i18n_pillar_label (hubs_language_current (), pillar);
}

/* The words for a KPI's choices, in enum order: the KPI form's drop-downs and its history. */
static const char * const aggregation_labels[] = {
  N_("Level at year end"), N_("Single year (単年)"), N_("Cumulative (累計)"),
};
static const char * const direction_labels[] = {
  N_("Higher is better"), N_("Lower is better (ranks)"),
};
static const char * const qualifier_labels[] = {
  N_("Exactly the target"), N_("At least (以上)"), N_("At most (以内)"),
};

/**
 * hubs_aggregation_get_label:
 * @aggregation: an aggregation
 *
 * Returns: how the KPI counts, in the interface's language
 */
const char *
hubs_aggregation_get_label (HubsAggregation aggregation)
{
  g_return_val_if_fail (aggregation < G_N_ELEMENTS (aggregation_labels), NULL);

  return _(aggregation_labels[aggregation]);
}

/**
 * hubs_direction_get_label:
 * @direction: a direction
 *
 * Returns: which way is better, in the interface's language
 */
const char *
hubs_direction_get_label (HubsDirection direction)
{
  g_return_val_if_fail (direction < G_N_ELEMENTS (direction_labels), NULL);

  return _(direction_labels[direction]);
}

/**
 * hubs_qualifier_get_label:
 * @qualifier: a target qualifier
 *
 * Returns: how the target is meant, in the interface's language
 */
const char *
hubs_qualifier_get_label (HubsQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_labels), NULL);

  return _(qualifier_labels[qualifier]);
}

/**
 * hubs_figure_kind_get_label:
 * @kind: a figure kind
 *
 * Returns: the kind in the interface's language, lower case for use inside a sentence
 *   (“actual”, 実績値)
 */
const char *
hubs_figure_kind_get_label (HubsFigureKind kind)
{
  switch (kind)
    {
    case HUBS_FIGURE_BASELINE:
      return C_("figure kind", "baseline");
    case HUBS_FIGURE_TARGET:
      return C_("figure kind", "target");
    case HUBS_FIGURE_ACTUAL:
      return C_("figure kind", "actual");
    default:
      g_return_val_if_reached (NULL);
    }
}
