/* test-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped plan against the seed document. seed-expectations.tsv was read off the seed
 * independently of data/hubs-plan.ini, so a figure typed wrong in one shows up here.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-members.h"
#include "hubs-plan.h"
#include "hubs-store.h"
#include "hubs-test-util.h"

static HubsPlan *
builtin_plan (void)
{
  g_autoptr(GError) error = NULL;
  HubsPlan *plan = hubs_plan_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static const HubsKpi *
find_kpi (HubsPlan   *plan,
          const char *hub_id,
          const char *name_contains,
          const char *unit)
{
  GPtrArray *kpis = hubs_plan_get_kpis (plan);
  const HubsKpi *found = NULL;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *name = strip_spaces (kpi->name_ja);

      if (!g_str_equal (kpi->hub_id, hub_id) || strstr (name, name_contains) == NULL)
        continue;
      if (unit != NULL && *unit != '\0' && !g_str_equal (kpi->unit, unit))
        continue;

      if (found != NULL)
        g_error ("%s: “%s” names both %s and %s", hub_id, name_contains, found->id, kpi->id);
      found = kpi;
    }

  return found;
}

static const HubsFigure *
find_figure (HubsPlan       *plan,
             const char     *kpi_id,
             int             year,
             HubsFigureKind  kind)
{
  GPtrArray *figures = hubs_plan_get_figures (plan);

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      if (g_str_equal (figure->kpi_id, kpi_id) && figure->fiscal_year == year &&
          figure->kind == kind)
        return figure;
    }

  return NULL;
}

static void
test_seed_expectations (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "seed-expectations.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) hubs_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "hub_id\tname_contains\tfiscal_year\tkind\tvalue"));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      const HubsKpi *kpi;
      const HubsFigure *figure;
      HubsFigureKind kind;
      int year;

      if (*lines[i] == '\0')
        continue;

      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), >=, 5);
      g_assert_true (hubs_figure_kind_from_string (cols[3], &kind));
      year = atoi (cols[2]);

      kpi = find_kpi (plan, cols[0], cols[1], cols[5]);
      if (kpi == NULL)
        {
          g_string_append_printf (failures, "line %u: no KPI of %s named like “%s”\n",
                                  i + 1, cols[0], cols[1]);
          continue;
        }

      figure = find_figure (plan, kpi->id, year, kind);
      if (figure == NULL)
        {
          g_string_append_printf (failures, "line %u: %s has no %s for %d\n",
                                  i + 1, kpi->id, cols[3], year);
          continue;
        }

      if (g_str_equal (cols[4], "not_measured"))
        {
          if (figure->measured)
            g_string_append_printf (failures, "line %u: %s %s %d should be not measured\n",
                                    i + 1, kpi->id, cols[3], year);
        }
      else if (!figure->measured || figure->value != g_ascii_strtod (cols[4], NULL))
        {
          g_string_append_printf (failures, "line %u: %s %s %d is %g, seed says %s\n",
                                  i + 1, kpi->id, cols[3], year, figure->value, cols[4]);
        }

      g_hash_table_add (hubs_seen, g_strdup (cols[0]));
      n_checked++;
    }

  if (failures->len > 0)
    g_error ("The plan differs from the seed:\n%s", failures->str);

  g_test_message ("%u figures checked against the seed", n_checked);
  g_assert_cmpuint (n_checked, >=, 30);
  g_assert_cmpuint (g_hash_table_size (hubs_seen), ==, 13);
}

static void
test_hubs (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *hubs = hubs_plan_get_hubs (plan);
  static const char * const ids[] = {
    "sapporo", "tohoku", "tokyo", "chubu", "kansai", "hiroshima", "kitakyushu", "fukuoka",
    "hokuriku", "nagano-niigata", "setouchi", "kumamoto", "okinawa",
  };

  g_assert_cmpuint (hubs->len, ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);

      g_assert_cmpstr (hub->id, ==, ids[i]);
      g_assert_cmpint (hub->tier, ==, i < 8 ? HUBS_TIER_GLOBAL : HUBS_TIER_NEXT_GLOBAL);
      g_assert_cmpstr (hub->name_ja, !=, "");
      g_assert_cmpstr (hub->name_en, !=, "");
      g_assert_cmpstr (hub->consortium_ja, !=, "");
      g_assert_cmpstr (hub->consortium_en, !=, "");
      g_assert_cmpstr (hub->members_ja, !=, "");
      g_assert_cmpstr (hub->members_en, !=, "");
    }

  g_assert_cmpint (((HubsHub *) hubs->pdata[0])->type, ==, HUBS_HUB_TYPE_CORE_CITY);
  g_assert_cmpint (((HubsHub *) hubs->pdata[2])->type, ==, HUBS_HUB_TYPE_WIDE_AREA);
  g_assert_nonnull (strstr (((HubsHub *) hubs->pdata[2])->members_ja, "渋谷区"));
}

/* English words that read as the Japanese does: prefectures whose names are also cities'
 * say "Prefecture"; 社会実証 are pilots, not demonstrations; no English name adds a reading
 * (cumulative from April 2025) that the Japanese name does not state. */
static void
test_english_words (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *hubs = hubs_plan_get_hubs (plan);
  GPtrArray *kpis = hubs_plan_get_kpis (plan);
  static const char * const prefectures[] = {
    "Aomori", "Akita", "Yamagata", "Fukushima", "Gifu", "Shizuoka", "Toyama", "Fukui",
    "Nagano", "Niigata", "Saitama",
  };

  for (guint p = 0; p < G_N_ELEMENTS (prefectures); p++)
    {
      g_autofree char *named = g_strconcat (prefectures[p], " Prefecture", NULL);
      gboolean found = FALSE;

      for (guint i = 0; i < hubs->len; i++)
        {
          const HubsHub *hub = g_ptr_array_index (hubs, i);
          g_auto(GStrv) members = g_strsplit (hub->members_en, "\n", -1);

          for (guint m = 0; members[m] != NULL; m++)
            {
              g_assert_cmpstr (members[m], !=, prefectures[p]);
              found |= g_str_has_prefix (members[m], named);
            }
        }
      g_assert_true (found);
    }

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      g_assert_null (strstr (kpi->name_en, "demonstration"));
      g_assert_null (strstr (kpi->name_en, "Demonstration"));
      if (strstr (kpi->name_en, "April 2025") != NULL)
        g_assert_nonnull (strstr (kpi->name_ja, "2025年4月"));
    }

  /* 中核都市型 is a model of hub, not the official 中核市 (core city). */
  g_assert_cmpstr (hubs_hub_type_get_label (HUBS_HUB_TYPE_CORE_CITY), ==, "Core-city model");
  g_assert_cmpstr (hubs_hub_type_get_label (HUBS_HUB_TYPE_WIDE_AREA), ==, "Wide-area model");
}

/* What a report prints is for its reader: the notes say what the plan says, in each language,
 * and how the slides were read stays in the reading, which only the KPI editor shows. */
static void
test_reader_words (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *hubs = hubs_plan_get_hubs (plan);
  GPtrArray *kpis = hubs_plan_get_kpis (plan);
  GPtrArray *figures = hubs_plan_get_figures (plan);
  static const char * const working_ja[] = {
    "本ファイル", "と読", "抽出テキスト", "判別できない", "とした", "可能性",
  };
  static const char * const working_en[] = {
    "This file", "read as", "extracted", "Here it is", "assumed",
  };
  guint n_readings = 0;
  guint n_more = 0;

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      for (guint w = 0; w < G_N_ELEMENTS (working_ja); w++)
        if (kpi->note_ja != NULL && strstr (kpi->note_ja, working_ja[w]) != NULL)
          g_error ("%s: the note for readers says “%s”: %s", kpi->id, working_ja[w], kpi->note_ja);
      for (guint w = 0; w < G_N_ELEMENTS (working_en); w++)
        if (kpi->note_en != NULL && strstr (kpi->note_en, working_en[w]) != NULL)
          g_error ("%s: the note for readers says “%s”: %s", kpi->id, working_en[w], kpi->note_en);
      if (hubs_text_has_japanese (kpi->note_en) || hubs_text_has_japanese (kpi->name_en))
        g_error ("%s: Japanese in English: %s / %s", kpi->id, kpi->name_en, kpi->note_en);
      g_assert_true ((kpi->note_ja == NULL) == (kpi->note_en == NULL));
      if (hubs_plan_get_reading (plan, kpi->id, HUBS_LANGUAGE_JA) != NULL)
        n_readings++;
    }
  /* The readings are kept, not dropped. */
  g_assert_cmpuint (n_readings, >=, 50);
  g_assert_nonnull (strstr (hubs_plan_get_reading (plan, "tokyo/global-connections",
                                                   HUBS_LANGUAGE_JA), "判別できない"));

  for (guint i = 0; i < figures->len; i++)
    {
      const HubsFigure *figure = g_ptr_array_index (figures, i);

      g_assert_true ((figure->note == NULL) == (figure->note_en == NULL));
      if (hubs_text_has_japanese (figure->note_en))
        g_error ("%s %d: Japanese in the English note: %s", figure->kpi_id, figure->fiscal_year,
                 figure->note_en);
    }
  g_assert_cmpstr (find_figure (plan, "kansai/startups", 2024, HUBS_FIGURE_BASELINE)->note_en, ==,
                   "five-year total");

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);

      /* 等 is said of the list, not part of a member's name. */
      g_assert_false (g_str_has_suffix (hub->members_ja, "等"));
      g_assert_null (strstr (hub->members_en, "and others"));
      n_more += hub->members_more;
    }
  g_assert_cmpuint (n_more, ==, 13);
}

/* Where the seed prints a figure in another unit than its targets, or in none, the figure
 * says so; funding deals are deals in English. */
static void
test_units_as_published (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  static const struct
  {
    const char *kpi_id;
    const char *unit;
    const char *baseline_unit;
  } differ[] = {
    { "tokyo/ecosystem-players", "名", "件" },
    { "hokuriku/open-innovation", "件", "社" },
    { "hiroshima/startups", "社", "件" },
    { "fukuoka/social-startup-support", "社", "件" },
  };
  static const char * const no_unit[] = {
    "hiroshima/overseas-expansion-support", "hiroshima/foreign-startups-attracted",
  };
  const HubsKpi *deals = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (differ); i++)
    {
      const HubsFigure *baseline = find_figure (plan, differ[i].kpi_id, 2024,
                                                HUBS_FIGURE_BASELINE);

      g_assert_cmpstr (baseline->unit, ==, differ[i].baseline_unit);
      g_assert_null (find_figure (plan, differ[i].kpi_id, 2029, HUBS_FIGURE_TARGET)->unit);
    }

  for (guint i = 0; i < G_N_ELEMENTS (no_unit); i++)
    {
      g_assert_cmpstr (find_figure (plan, no_unit[i], 2024, HUBS_FIGURE_BASELINE)->unit, ==, "");
      g_assert_cmpstr (find_figure (plan, no_unit[i], 2027, HUBS_FIGURE_TARGET)->unit, ==, "");
      g_assert_cmpstr (find_figure (plan, no_unit[i], 2029, HUBS_FIGURE_TARGET)->unit, ==, "");
    }

  for (guint i = 0; i < hubs_plan_get_kpis (plan)->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (hubs_plan_get_kpis (plan), i);

      if (g_str_equal (kpi->id, "sapporo/funding-deals"))
        deals = kpi;
    }
  g_assert_nonnull (deals);
  g_assert_cmpstr (deals->unit, ==, "件");
  g_assert_cmpstr (deals->unit_en, ==, "deals");
  g_assert_cmpstr (deals->unit_en_one, ==, "deal");
}

/* A member list reads as the seed writes it, 等 at the end of the list, and what a person
 * types the same way comes back as the same members. */
static void
test_members_text (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *hubs = hubs_plan_get_hubs (plan);
  gboolean more;

  for (guint i = 0; i < hubs->len; i++)
    {
      const HubsHub *hub = g_ptr_array_index (hubs, i);
      g_autofree char *ja = hubs_members_to_text (hub->members_ja, hub->members_more,
                                                  HUBS_LANGUAGE_JA);
      g_autofree char *en = hubs_members_to_text (hub->members_en, hub->members_more,
                                                  HUBS_LANGUAGE_EN);
      g_autofree char *ja_back = hubs_members_from_text (ja, &more);
      g_autofree char *en_back = NULL;

      g_assert_cmpstr (ja_back, ==, hub->members_ja);
      g_assert_cmpint (more, ==, hub->members_more);
      en_back = hubs_members_from_text (en, &more);
      g_assert_cmpstr (en_back, ==, hub->members_en);
      g_assert_cmpint (more, ==, hub->members_more);
    }

  {
    const HubsHub *sapporo = g_ptr_array_index (hubs, 0);
    g_autofree char *ja = hubs_members_to_text (sapporo->members_ja, TRUE, HUBS_LANGUAGE_JA);
    g_autofree char *en = hubs_members_to_text (sapporo->members_en, TRUE, HUBS_LANGUAGE_EN);
    g_autofree char *typed = hubs_members_from_text (" 札幌市 , 北海道など ", &more);

    g_assert_cmpstr (ja, ==, "札幌市、北海道等");
    g_assert_cmpstr (en, ==, "City of Sapporo, Hokkaido and others");
    g_assert_cmpstr (typed, ==, "札幌市\n北海道");
    g_assert_true (more);
  }
}

static void
test_every_kpi_complete (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *kpis = hubs_plan_get_kpis (plan);
  g_autoptr(GHashTable) per_hub = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);
      const HubsFigure *t2029 = find_figure (plan, kpi->id, 2029, HUBS_FIGURE_TARGET);

      g_assert_cmpstr (kpi->name_ja, !=, "");
      g_assert_cmpstr (kpi->name_en, !=, "");
      g_assert_cmpstr (kpi->unit, !=, "");
      /* Every KPI of the seed has a final target. */
      if (t2029 == NULL)
        g_error ("%s has no FY2029 target", kpi->id);

      g_hash_table_insert (per_hub, kpi->hub_id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_hub,
                                                                                    kpi->hub_id)) + 1));
    }

  /* Each hub set at least three KPIs. */
  g_assert_cmpuint (g_hash_table_size (per_hub), ==, 13);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, per_hub);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_test_message ("%s: %u KPIs", (const char *) key, GPOINTER_TO_UINT (value));
        g_assert_cmpuint (GPOINTER_TO_UINT (value), >=, 3);
      }
  }
}

static const HubsKpi *
kpi_by_id (HubsPlan   *plan,
           const char *id)
{
  GPtrArray *kpis = hubs_plan_get_kpis (plan);

  for (guint i = 0; i < kpis->len; i++)
    if (g_str_equal (((HubsKpi *) kpis->pdata[i])->id, id))
      return kpis->pdata[i];

  g_error ("no KPI %s", id);
  return NULL;
}

static void
test_quirks (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *kpis = hubs_plan_get_kpis (plan);
  const HubsKpi *funding_count = find_kpi (plan, "sapporo", "資金調達", "件");
  const HubsKpi *funding_amount = find_kpi (plan, "sapporo", "資金調達", "億円");
  const HubsKpi *gser = find_kpi (plan, "tokyo", "GSER", NULL);
  const HubsKpi *unicorns = find_kpi (plan, "tokyo", "ユニコーン", NULL);
  const HubsKpi *public_private = find_kpi (plan, "tokyo", "官民協働", NULL);
  const HubsKpi *kansai_child = find_kpi (plan, "kansai", "公共調達につながる", NULL);
  guint n_from_zero_kansai = 0;
  guint n_from_zero_kitakyushu = 0;
  guint n_nagano = 0;
  guint n_niigata = 0;

  /* 札幌's 資金調達件数・額 is two KPIs. */
  g_assert_nonnull (funding_count);
  g_assert_nonnull (funding_amount);
  g_assert_cmpfloat (find_figure (plan, funding_count->id, 2024, HUBS_FIGURE_BASELINE)->value,
                     ==, 27);
  g_assert_cmpfloat (find_figure (plan, funding_amount->id, 2024, HUBS_FIGURE_BASELINE)->value,
                     ==, 255);
  g_assert_cmpfloat (find_figure (plan, funding_amount->id, 2029, HUBS_FIGURE_TARGET)->value,
                     ==, 1000);

  /* 東京's GSER rank improves as it falls: 10位 → 8位 → 5位; only the summary's 5位以内, of
   * FY2029, says "or better", so that is a note on the FY2029 target, not on both. */
  g_assert_nonnull (gser);
  g_assert_cmpint (gser->direction, ==, HUBS_DIRECTION_LOWER);
  g_assert_cmpint (gser->qualifier, ==, HUBS_QUALIFIER_NONE);
  g_assert_null (find_figure (plan, gser->id, 2027, HUBS_FIGURE_TARGET)->note);
  g_assert_cmpstr (find_figure (plan, gser->id, 2029, HUBS_FIGURE_TARGET)->note, ==, "５位以内");
  g_assert_cmpstr (find_figure (plan, gser->id, 2029, HUBS_FIGURE_TARGET)->note_en, ==,
                   "5th or better");
  g_assert_cmpstr (gser->unit, ==, "位");
  g_assert_cmpfloat (find_figure (plan, gser->id, 2029, HUBS_FIGURE_TARGET)->value, ==, 5);

  /* 東京's unicorns: a five-year total against a yearly target. */
  g_assert_nonnull (unicorns);
  g_assert_true (unicorns->per_year);
  g_assert_cmpstr (unicorns->note_ja, !=, "");

  /* Breakdowns point at their parents. */
  g_assert_nonnull (public_private);
  g_assert_nonnull (public_private->parent_id);
  g_assert_cmpfloat (find_figure (plan, public_private->parent_id, 2024,
                                  HUBS_FIGURE_BASELINE)->value, ==, 285);
  g_assert_nonnull (kansai_child);
  g_assert_nonnull (kansai_child->parent_id);
  g_assert_cmpfloat (find_figure (plan, kansai_child->parent_id, 2024,
                                  HUBS_FIGURE_BASELINE)->value, ==, 284);

  for (guint i = 0; i < kpis->len; i++)
    {
      const HubsKpi *kpi = g_ptr_array_index (kpis, i);

      if (g_str_equal (kpi->hub_id, "kansai") && kpi->path_from_zero)
        n_from_zero_kansai++;
      if (g_str_equal (kpi->hub_id, "kitakyushu") && kpi->path_from_zero)
        n_from_zero_kitakyushu++;
      if (g_str_equal (kpi->hub_id, "nagano-niigata") && strstr (kpi->name_ja, "長野"))
        n_nagano++;
      if (g_str_equal (kpi->hub_id, "nagano-niigata") && strstr (kpi->name_ja, "新潟"))
        n_niigata++;
    }

  /* Counted cumulatively from April 2025: the path starts at zero. */
  g_assert_cmpuint (n_from_zero_kansai, >=, 1);
  g_assert_cmpuint (n_from_zero_kitakyushu, >=, 1);
  /* 長野×新潟 splits KPIs by prefecture. */
  g_assert_cmpuint (n_nagano, >=, 1);
  g_assert_cmpuint (n_niigata, >=, 1);

  /* A not-measured baseline is kept as such. */
  g_assert_false (find_figure (plan, find_kpi (plan, "sapporo", "からの公共", NULL)->id, 2024,
                               HUBS_FIGURE_BASELINE)->measured);
  g_assert_nonnull (kpi_by_id (plan, gser->id));
}

static void
test_phase1 (void)
{
  g_autoptr(HubsPlan) plan = builtin_plan ();
  GPtrArray *results = hubs_plan_get_phase1_results (plan);
  gboolean saw_doubling = FALSE;

  g_assert_cmpuint (results->len, ==, 3);

  for (guint i = 0; i < results->len; i++)
    {
      const HubsPhase1Result *r = g_ptr_array_index (results, i);

      g_assert_cmpstr (r->hub_id, ==, "tokyo");
      if (strstr (r->name_ja, "大学発") != NULL)
        {
          g_assert_cmpfloat (r->start, ==, 533);
          g_assert_cmpfloat (r->result, ==, 1643);
          g_assert_false (r->has_target);
          g_assert_cmpstr (r->target_text_ja, ==, "倍増");
          saw_doubling = TRUE;
        }
      else if (strstr (r->name_ja, "ユニコーン") != NULL)
        {
          g_assert_cmpfloat (r->start, ==, 3);
          g_assert_true (r->has_target);
          g_assert_cmpfloat (r->target, ==, 20);
          g_assert_cmpfloat (r->result, ==, 15);
        }
      else
        {
          g_assert_cmpfloat (r->start, ==, 0);
          g_assert_cmpfloat (r->target, ==, 50);
          g_assert_cmpfloat (r->result, ==, 198);
        }
    }

  g_assert_true (saw_doubling);
}

static void
assert_plan_error (const char *text,
                   int         code,
                   const char *expect_in_message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(HubsPlan) plan = hubs_plan_new_from_bytes (bytes, &error);

  g_assert_null (plan);
  g_assert_error (error, HUBS_PLAN_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expect_in_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expect_in_message);
}

#define HUB_OK \
  "[hub a]\nname[ja]=A\nname[en]=A\nconsortium[ja]=A\nconsortium[en]=A\ntier=global\n"
#define KPI_OK \
  "[kpi a/x]\nname[ja]=X\nname[en]=X\npillar=overall\nunit=社\naggregation=stock\n"

static void
test_errors (void)
{
  g_autoptr(GBytes) ok_bytes = g_bytes_new_static (HUB_OK KPI_OK "baseline=1\n"
                                                   "target-2029=2\n", strlen (HUB_OK KPI_OK) + 24);
  g_autoptr(HubsPlan) ok = NULL;
  g_autoptr(GError) error = NULL;

  ok = hubs_plan_new_from_bytes (ok_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubs_plan_get_figures (ok)->len, ==, 2);

  assert_plan_error ("[hub a\nname=1\n", HUBS_PLAN_ERROR_SYNTAX, "Plan file");
  assert_plan_error ("\xff\xfe[hub a]\n", HUBS_PLAN_ERROR_SYNTAX, "UTF-8");
  assert_plan_error ("", HUBS_PLAN_ERROR_INVALID, "no hub");
  assert_plan_error ("[hub a]\nname[ja]=A\n", HUBS_PLAN_ERROR_INVALID, "[hub a], key “name[en]”");
  assert_plan_error (HUB_OK "tier=galactic\n", HUBS_PLAN_ERROR_INVALID, "galactic");
  assert_plan_error ("[hub A B]\n", HUBS_PLAN_ERROR_INVALID, "[hub A B]");
  assert_plan_error (HUB_OK KPI_OK "baseline=1,234\n", HUBS_PLAN_ERROR_INVALID,
                     "[kpi a/x], key “baseline”: “1,234”");
  assert_plan_error (HUB_OK KPI_OK "target-2027=\n", HUBS_PLAN_ERROR_INVALID, "target-2027");
  assert_plan_error (HUB_OK "[kpi a/x]\nname[ja]=X\nname[en]=X\npillar=money\nunit=社\n"
                     "aggregation=stock\n", HUBS_PLAN_ERROR_INVALID, "“money”");
  assert_plan_error (HUB_OK KPI_OK "parent=a/nothing\n", HUBS_PLAN_ERROR_INVALID, "parent");
  assert_plan_error (KPI_OK, HUBS_PLAN_ERROR_INVALID, "hub is not defined");
  assert_plan_error (HUB_OK KPI_OK "per-year=maybe\n", HUBS_PLAN_ERROR_INVALID, "per-year");
  assert_plan_error (HUB_OK "[budget a/x]\n", HUBS_PLAN_ERROR_INVALID, "unknown kind");
  assert_plan_error (HUB_OK "[phase1 a/y]\nname[ja]=Y\nname[en]=Y\nunit=社\nstart=1\nresult=2\n",
                     HUBS_PLAN_ERROR_INVALID, "target");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/plan/hubs", test_hubs);
  g_test_add_func ("/hubs/plan/english-words", test_english_words);
  g_test_add_func ("/hubs/plan/every-kpi-complete", test_every_kpi_complete);
  g_test_add_func ("/hubs/plan/seed-expectations", test_seed_expectations);
  g_test_add_func ("/hubs/plan/quirks", test_quirks);
  g_test_add_func ("/hubs/plan/reader-words", test_reader_words);
  g_test_add_func ("/hubs/plan/members-text", test_members_text);
  g_test_add_func ("/hubs/plan/units-as-published", test_units_as_published);
  g_test_add_func ("/hubs/plan/phase1", test_phase1);
  g_test_add_func ("/hubs/plan/errors", test_errors);

  return g_test_run ();
}
