/* test-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language preference and the locale set-up that main() runs before anything else. Each
 * case runs in a subprocess: they change the environment and the locale of the process.
 */

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hubs-i18n.h"
#include "hubs-model.h"

/* What main() does, in its order. */
static const char *
start_like_main (void)
{
  const char *localedir = g_getenv ("HUBS_LOCALEDIR");
  const char *applied = hubs_i18n_apply_language_setting ();

  hubs_i18n_init_locale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return applied;
}

static void
set_language_setting (const char *language)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The test environment uses the memory backend: nothing reaches the user's settings. */
  g_assert_true (g_settings_set_string (settings, HUBS_I18N_SETTINGS_KEY_LANGUAGE, language));
}

static void
test_setting_ja (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      set_language_setting ("ja");

      g_assert_cmpstr (start_like_main (), ==, "ja");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ja");
      g_assert_true (hubs_i18n_is_japanese ());
      g_assert_cmpstr (hubs_i18n_pick ("札幌", "Sapporo"), ==, "札幌");
      g_assert_cmpstr (hubs_pillar_get_label (HUBS_PILLAR_OVERALL), ==, "全体KPI");
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

static void
test_setting_en_beats_environment (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "ja", TRUE);
      set_language_setting ("en");

      g_assert_cmpstr (start_like_main (), ==, "en");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
      g_assert_false (hubs_i18n_is_japanese ());
      g_assert_cmpstr (hubs_i18n_pick ("札幌", "Sapporo"), ==, "Sapporo");
      g_assert_cmpstr (hubs_pillar_get_label (HUBS_PILLAR_OVERALL), ==, "Overall KPIs");
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

static void
test_setting_system_follows_environment (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "ja", TRUE);

      g_assert_cmpstr (start_like_main (), ==, "system");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ja");
      g_assert_true (hubs_i18n_is_japanese ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

static void
test_no_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *empty = g_dir_make_tmp ("hubs-test-schemas-XXXXXX", NULL);

      /* Before GIO first looks for schemas, so it finds none. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
      g_setenv ("XDG_DATA_DIRS", empty, TRUE);
      g_setenv ("LANGUAGE", "ja", TRUE);

      g_assert_cmpstr (start_like_main (), ==, "system");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ja");
      g_assert_true (hubs_i18n_is_japanese ());
      g_rmdir (empty);
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* LANG=ja_JP.UTF-8 where only C.UTF-8 is installed, as in many containers. */
static void
test_missing_japanese_locale (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LC_MESSAGES");
      g_setenv ("LANG", "ja_JP.UTF-8", TRUE);

      start_like_main ();
      g_assert_true (hubs_i18n_is_japanese ());
      g_assert_cmpstr (_("Hub Cities"), ==, "拠点都市");
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* gettext ignores LANGUAGE in the plain C locale: a chosen language must still show. */
static void
test_setting_in_c_locale (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      g_unsetenv ("LC_MESSAGES");
      g_setenv ("LC_ALL", "C", TRUE);
      g_setenv ("LANG", "C", TRUE);
      set_language_setting ("ja");

      g_assert_cmpstr (start_like_main (), ==, "ja");
      g_assert_true (hubs_i18n_is_japanese ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* The app restarts itself by running again with its environment: the choice made before must
 * not stick once the setting says "system" again. */
static void
test_restart_forgets_choice (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      set_language_setting ("ja");
      g_assert_cmpstr (start_like_main (), ==, "ja");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ja");

      /* What the restarted process sees. */
      set_language_setting ("system");
      g_assert_cmpstr (hubs_i18n_apply_language_setting (), ==, "system");
      g_assert_null (g_getenv ("LANGUAGE"));
      g_assert_cmpstr (g_getenv ("LC_ALL"), ==, "C.UTF-8");

      set_language_setting ("en");
      g_assert_cmpstr (hubs_i18n_apply_language_setting (), ==, "en");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
      set_language_setting ("system");
      hubs_i18n_apply_language_setting ();
      g_assert_null (g_getenv ("LANGUAGE"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* A change while the program runs: data follows at once, translations at the next start. */
static void
test_set_data_language (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "ja", TRUE);
      start_like_main ();
      g_assert_true (hubs_i18n_is_japanese ());

      hubs_i18n_set_data_language ("en");
      g_assert_false (hubs_i18n_is_japanese ());
      g_assert_cmpstr (hubs_i18n_pick ("札幌", "Sapporo"), ==, "Sapporo");
      g_assert_cmpstr (_("Hub Cities"), ==, "拠点都市");

      hubs_i18n_set_data_language ("system");
      g_assert_true (hubs_i18n_is_japanese ());

      hubs_i18n_set_data_language ("ja");
      g_assert_true (hubs_i18n_is_japanese ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* The Japanese words are the seed's: the pillar is 「世界とシームレスに繋がる」 everywhere,
 * in the list and on the charts, not 「つながる」 in one place. */
static void
test_words_of_the_seed (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "ja", TRUE);
      start_like_main ();
      g_assert_cmpstr (hubs_pillar_get_label (HUBS_PILLAR_WORLD), ==, "世界とシームレスに繋がる");
      g_assert_cmpstr (hubs_i18n_gettext (HUBS_LANGUAGE_JA, "Connect Seamlessly with the World"),
                       ==, "世界とシームレスに繋がる");
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* Counted words in a language chosen apart from the interface's, as the sidebar needs after
 * a switch: Japanese has one form whatever the number, English two. */
static void
test_ngettext (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      start_like_main ();

      for (gulong n = 0; n < 3; n++)
        g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_JA, "%u KPI, no actuals yet",
                                             "%u KPIs, no actuals yet", n),
                         ==, "KPI %u件・実績値未入力");
      g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_EN, "%u KPI, no actuals yet",
                                           "%u KPIs, no actuals yet", 1),
                       ==, "%u KPI, no actuals yet");
      g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_EN, "%u KPI, no actuals yet",
                                           "%u KPIs, no actuals yet", 0),
                       ==, "%u KPIs, no actuals yet");
      g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_EN, "%u KPI, no actuals yet",
                                           "%u KPIs, no actuals yet", 8),
                       ==, "%u KPIs, no actuals yet");
      /* Not in the catalogue: English, with its plural, as gettext falls back. */
      g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_JA, "%u apple", "%u apples", 1),
                       ==, "%u apple");
      g_assert_cmpstr (hubs_i18n_ngettext (HUBS_LANGUAGE_JA, "%u apple", "%u apples", 2),
                       ==, "%u apples");
      /* The interface stays English: only the chosen words are Japanese. */
      g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u KPI, no actuals yet",
                                    "%u KPIs, no actuals yet", 2),
                       ==, "%u KPIs, no actuals yet");
      /* The words of the model follow the language of the data. */
      g_assert_cmpstr (hubs_tier_get_label (HUBS_TIER_GLOBAL), ==, "Global Hub Cities");
      hubs_i18n_set_data_language ("ja");
      g_assert_cmpstr (hubs_tier_get_label (HUBS_TIER_GLOBAL), ==, "グローバル拠点都市");
      g_assert_cmpstr (hubs_hub_type_get_label (HUBS_HUB_TYPE_CORE_CITY), ==, "中核都市型");
      g_assert_cmpstr (hubs_i18n_tier_label (HUBS_LANGUAGE_EN, HUBS_TIER_NEXT_GLOBAL), ==,
                       "NEXT Global Hub Cities");
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/language/setting-ja", test_setting_ja);
  g_test_add_func ("/hubs/language/setting-en-beats-environment",
                   test_setting_en_beats_environment);
  g_test_add_func ("/hubs/language/setting-system-follows-environment",
                   test_setting_system_follows_environment);
  g_test_add_func ("/hubs/language/no-schema", test_no_schema);
  g_test_add_func ("/hubs/language/missing-japanese-locale", test_missing_japanese_locale);
  g_test_add_func ("/hubs/language/setting-in-c-locale", test_setting_in_c_locale);
  g_test_add_func ("/hubs/language/set-data-language", test_set_data_language);
  g_test_add_func ("/hubs/language/restart-forgets-choice", test_restart_forgets_choice);
  g_test_add_func ("/hubs/language/words-of-the-seed", test_words_of_the_seed);
  g_test_add_func ("/hubs/language/ngettext", test_ngettext);

  return g_test_run ();
}
