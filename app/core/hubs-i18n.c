/* hubs-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which language the data is shown in: the language the interface is translated into, so
 * that data and labels always agree.
 */

#define G_LOG_DOMAIN "hubs-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "hubs-i18n.h"

/* The data language chosen while the program runs, or -1 to follow the interface. */
static int data_japanese = -1;

/**
 * hubs_i18n_is_japanese:
 *
 * Whether data (hub and KPI names, units, numbers, charts) is shown in Japanese: the language
 * of the interface, unless hubs_i18n_set_data_language() chose another one since the start.
 *
 * Returns: %TRUE when data is shown in Japanese
 */
gboolean
hubs_i18n_is_japanese (void)
{
  if (data_japanese >= 0)
    return data_japanese;

  /* Translators: the code of the language you translate into, such as “ja”. Hubs uses it
   * to show hub and KPI names in the same language as the interface. */
  return g_str_equal (C_("language code", "en"), "ja");
}

/**
 * hubs_i18n_pick:
 * @text_ja: (nullable): the Japanese text
 * @text_en: (nullable): the English text
 *
 * Picks the text in the interface's language, falling back to the other language when that
 * one is missing or empty.
 *
 * Returns: (transfer none): one of the two, or "" when both are missing
 */
const char *
hubs_i18n_pick (const char *text_ja,
                const char *text_en)
{
  gboolean ja = hubs_i18n_is_japanese ();
  const char *first = ja ? text_ja : text_en;
  const char *second = ja ? text_en : text_ja;

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL)
    return second;
  return "";
}

/* Hubs changes LANGUAGE and LC_ALL for itself. A restart runs the program again with this
 * environment, and must start from the user's own values, or a switch back to "system" would
 * keep the language chosen before. The first change saves them; the next start restores
 * them. */
static const char * const locale_variables[] = { "LANGUAGE", "LC_ALL" };
#define SAVED_MARK "HUBS_SAVED_LOCALE_ENVIRONMENT"

static void
save_locale_environment (void)
{
  if (g_getenv (SAVED_MARK) != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (locale_variables); i++)
    {
      g_autofree char *saved = g_strconcat ("HUBS_SAVED_", locale_variables[i], NULL);
      const char *value = g_getenv (locale_variables[i]);

      if (value != NULL)
        g_setenv (saved, value, TRUE);
    }
  g_setenv (SAVED_MARK, "1", TRUE);
}

static void
restore_locale_environment (void)
{
  if (g_getenv (SAVED_MARK) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (locale_variables); i++)
    {
      g_autofree char *saved = g_strconcat ("HUBS_SAVED_", locale_variables[i], NULL);
      const char *value = g_getenv (saved);

      if (value != NULL)
        g_setenv (locale_variables[i], value, TRUE);
      else
        g_unsetenv (locale_variables[i]);
      g_unsetenv (saved);
    }
  g_unsetenv (SAVED_MARK);
}

/**
 * hubs_i18n_apply_language_setting:
 *
 * Applies the language the user chose in the preferences (the
 * %HUBS_I18N_SETTINGS_KEY_LANGUAGE key): for `"ja"` or `"en"` it sets `LANGUAGE`, which
 * gettext, and so hubs_i18n_is_japanese() and the data, then follow. For `"system"`, or
 * when the schema is not installed, the environment is left alone and the locale decides.
 *
 * Call it at the top of main(), before hubs_i18n_init_locale() and before any thread
 * starts: it changes the environment.
 *
 * Returns: (transfer none): the language applied: `"ja"`, `"en"` or `"system"`
 */
const char *
hubs_i18n_apply_language_setting (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;
  GSettingsSchemaSource *source;

  restore_locale_environment ();

  source = g_settings_schema_source_get_default ();
  /* g_settings_new() aborts on a schema it cannot find, as when the binary runs from a
   * build folder without GSETTINGS_SCHEMA_DIR: then there is no preference to follow. */
  if (source == NULL ||
      !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, HUBS_I18N_SETTINGS_KEY_LANGUAGE))
    return "system";

  settings = g_settings_new_full (schema, NULL, NULL);
  language = g_settings_get_string (settings, HUBS_I18N_SETTINGS_KEY_LANGUAGE);

  if (g_str_equal (language, "ja"))
    {
      save_locale_environment ();
      g_setenv ("LANGUAGE", "ja", TRUE);
      return "ja";
    }
  if (g_str_equal (language, "en"))
    {
      /* There is no English catalogue: gettext then keeps the original strings, which are
       * English, even when LANG asks for Japanese. */
      save_locale_environment ();
      g_setenv ("LANGUAGE", "en", TRUE);
      return "en";
    }

  return "system";
}

/**
 * hubs_i18n_set_data_language:
 * @language: `"ja"`, `"en"`, or `"system"` to follow the interface again
 *
 * Switches the language of the data at once, for a change of the
 * %HUBS_I18N_SETTINGS_KEY_LANGUAGE setting while Hubs runs: hubs_i18n_is_japanese(), and so
 * hubs_i18n_pick() and the formatting of numbers, follow it from now on. Translated strings
 * keep the language they started in until the program restarts; the caller redraws what it
 * shows and offers that restart.
 *
 * Call it from the main thread.
 */
void
hubs_i18n_set_data_language (const char *language)
{
  g_return_if_fail (language != NULL);

  if (g_str_equal (language, "ja"))
    data_japanese = TRUE;
  else if (g_str_equal (language, "en"))
    data_japanese = FALSE;
  else
    data_japanese = -1;
}

static gboolean
is_plain_c_locale (const char *locale)
{
  return locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
}

/**
 * hubs_i18n_init_locale:
 *
 * Sets the locale from the environment, as `setlocale (LC_ALL, "")` does, but keeps the
 * language when the locale the environment names is not installed: many machines (and
 * containers) only have `C.UTF-8`. Then `LANG=ja_JP.UTF-8` still shows Japanese, through
 * `C.UTF-8` and `LANGUAGE=ja_JP`. gettext ignores `LANGUAGE` in the plain `C` locale, so a
 * language chosen in the preferences also moves the locale from `C` to `C.UTF-8`.
 *
 * Call it once in main(), after hubs_i18n_apply_language_setting() and before any thread
 * starts: it may change the environment, so that GTK's own setlocale() agrees.
 */
void
hubs_i18n_init_locale (void)
{
  const char *wanted = NULL;
  const char *language = g_getenv ("LANGUAGE");
  gboolean has_language = language != NULL && *language != '\0';

  if (setlocale (LC_ALL, "") != NULL &&
      !(has_language && is_plain_c_locale (setlocale (LC_MESSAGES, NULL))))
    return;

  save_locale_environment ();

  /* The locale the environment asks for, in the order setlocale() looks at it. */
  for (guint i = 0; wanted == NULL && i < 3; i++)
    {
      const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        wanted = value;
    }

  if (!has_language && wanted != NULL && !is_plain_c_locale (wanted) &&
      strncmp (wanted, "C.", 2) != 0)
    {
      g_autofree char *lang = g_strndup (wanted, strcspn (wanted, ".@"));

      g_setenv ("LANGUAGE", lang, TRUE);
    }

  if (setlocale (LC_ALL, "C.UTF-8") != NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  else
    g_warning ("Neither the locale “%s” nor C.UTF-8 is installed: the interface shows in "
               "English", wanted != NULL ? wanted : "");
}
