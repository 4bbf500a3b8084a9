/* hubs-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which language the data is shown in: the language the interface is translated into, so
 * that data and labels always agree.
 */

#define G_LOG_DOMAIN "hubs-i18n"

#include "config.h"

#include <libintl.h>
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

/* The Japanese catalogue, read once for hubs_i18n_gettext(): msgid (for an entry with a
 * context, "context\004msgid") → msgstr, both pointing into the file's contents, which stay
 * loaded for the life of the process like gettext's own catalogues. */
static GHashTable *japanese_catalogue;

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Reads a compiled catalogue (the .mo format of GNU gettext: a header, then a table of the
 * lengths and offsets of the msgids and one of the msgstrs). Returns %FALSE, having added
 * nothing, when the file is not one. */
static gboolean
read_mo (const guint8 *data,
         gsize         len,
         GHashTable   *table)
{
  gboolean swapped;
  guint32 n, originals, translations;

  if (len < 28)
    return FALSE;
  if (mo_word (data, 0, FALSE) == 0x950412de)
    swapped = FALSE;
  else if (mo_word (data, 0, TRUE) == 0x950412de)
    swapped = TRUE;
  else
    return FALSE;

  n = mo_word (data, 8, swapped);
  originals = mo_word (data, 12, swapped);
  translations = mo_word (data, 16, swapped);
  if (n > len / 16 || originals > len - (gsize) n * 8 || translations > len - (gsize) n * 8)
    return FALSE;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = mo_word (data, originals + i * 8, swapped);
      guint32 id_at = mo_word (data, originals + i * 8 + 4, swapped);
      guint32 str_len = mo_word (data, translations + i * 8, swapped);
      guint32 str_at = mo_word (data, translations + i * 8 + 4, swapped);

      /* Every string is followed by a NUL inside the file. */
      if (id_at >= len || id_len >= len - id_at || data[id_at + id_len] != '\0' ||
          str_at >= len || str_len >= len - str_at || data[str_at + str_len] != '\0')
        return FALSE;
      /* The empty msgid is the catalogue's header. */
      if (id_len > 0 && str_len > 0)
        g_hash_table_insert (table, (char *) data + id_at, (char *) data + str_at);
    }

  return TRUE;
}

static GHashTable *
load_japanese_catalogue (void)
{
  /* Where main() (or a test) bound the domain: the build folder, or LOCALEDIR. */
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  char *contents = NULL;
  gsize len = 0;

  path = g_build_filename (dir != NULL ? dir : LOCALEDIR, "ja", "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_debug ("No Japanese catalogue, charts and reports in Japanese show English words: %s",
               error->message);
      return table;
    }
  if (!read_mo ((const guint8 *) contents, len, table))
    {
      g_debug ("%s is not a compiled catalogue", path);
      g_hash_table_remove_all (table);
      g_free (contents);
    }

  return table;
}

/**
 * hubs_i18n_gettext:
 * @language: the language to translate into
 * @msgid: the English text, marked with N_()
 *
 * Translates @msgid into @language, whatever the language of the interface, for what must
 * follow a language chosen apart from it: an exported chart or report. English is the
 * msgid itself; Japanese comes from the Japanese catalogue, the same ja.po the interface
 * uses.
 *
 * gettext itself cannot do this: it picks the catalogue from LANGUAGE and the locale of the
 * whole process, and changing those while drawing would race with every other thread that
 * reads the environment or translates. So the Japanese catalogue is read here, once, from the
 * directory bindtextdomain() gave (call that first, as main() does), into a table that never
 * changes afterwards: any thread may translate at any time, without a lock.
 *
 * Returns: (transfer none): the translation, or @msgid when there is none
 */
const char *
hubs_i18n_gettext (HubsLanguage  language,
                   const char   *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language != HUBS_LANGUAGE_JA || *msgid == '\0')
    return msgid;

  if (g_once_init_enter (&japanese_catalogue))
    g_once_init_leave (&japanese_catalogue, load_japanese_catalogue ());

  msgstr = g_hash_table_lookup (japanese_catalogue, msgid);
  return msgstr != NULL ? msgstr : msgid;
}

/**
 * hubs_i18n_ngettext:
 * @language: the language to translate into
 * @msgid: the English text for one, marked as for g_dngettext()
 * @msgid_plural: the English text for several
 * @n: the number the text is about
 *
 * hubs_i18n_gettext() for a text about a number, such as “%u KPIs”: the form for @n in
 * @language, as g_dngettext() would give it were @language the interface's.
 *
 * English is the msgids themselves: @msgid for one, @msgid_plural otherwise. Japanese has one
 * form whatever the number (ja.po says `nplurals=1; plural=0;`), which the catalogue keeps
 * first among the translations of the entry; an entry without one falls back to English, as
 * gettext does.
 *
 * Returns: (transfer none): the translation, or @msgid or @msgid_plural when there is none
 */
const char *
hubs_i18n_ngettext (HubsLanguage  language,
                    const char   *msgid,
                    const char   *msgid_plural,
                    gulong        n)
{
  const char *msgstr;

  g_return_val_if_fail (msgid != NULL, NULL);
  g_return_val_if_fail (msgid_plural != NULL, NULL);

  /* A plural entry is stored as "msgid\0msgid_plural" → "form 0\0form 1…"; the table's key
   * and value end at the first NUL, so they are the msgid and the first form. */
  msgstr = hubs_i18n_gettext (language, msgid);
  if (language == HUBS_LANGUAGE_JA && msgstr != msgid)
    return msgstr;

  return n == 1 ? msgid : msgid_plural;
}

/**
 * hubs_i18n_pgettext:
 * @language: the language to translate into
 * @context: the context of @msgid, as given to NC_()
 * @msgid: the English text, marked with NC_()
 *
 * hubs_i18n_gettext() for a string with a context, such as one from a table marked with
 * NC_ (@context, …).
 *
 * Returns: (transfer none): the translation, or @msgid when there is none
 */
const char *
hubs_i18n_pgettext (HubsLanguage  language,
                    const char   *context,
                    const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *msgstr;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (language != HUBS_LANGUAGE_JA)
    return msgid;

  key = g_strconcat (context, "\004", msgid, NULL);
  msgstr = hubs_i18n_gettext (language, key);
  return msgstr != key ? msgstr : msgid;
}

/**
 * hubs_i18n_tier_label:
 * @language: the language to write in
 * @tier: a tier
 *
 * The tier's name, such as “Global Hub Cities”: a word of the data, which the sidebar's
 * headings and the hub page show in the language data is shown in.
 *
 * Returns: (transfer none): the name in @language
 */
const char *
hubs_i18n_tier_label (HubsLanguage language,
                      HubsTier     tier)
{
  switch (tier)
    {
    case HUBS_TIER_GLOBAL:
      return hubs_i18n_gettext (language, N_("Global Hub Cities"));
    case HUBS_TIER_NEXT_GLOBAL:
      return hubs_i18n_gettext (language, N_("NEXT Global Hub Cities"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hubs_i18n_pillar_label:
 * @language: the language to write in
 * @pillar: a pillar
 *
 * The pillar's name as the phase-2 plan gives it (全体KPI, 世界とシームレスに繋がる …), a heading
 * of the hub page and the overview chart, in header capitals in English.
 *
 * Returns: (transfer none): the name in @language
 */
const char *
hubs_i18n_pillar_label (HubsLanguage language,
                        HubsPillar   pillar)
{
  switch (pillar)
    {
    case HUBS_PILLAR_OVERALL:
      return hubs_i18n_gettext (language, N_("Overall KPIs"));
    case HUBS_PILLAR_WORLD:
      return hubs_i18n_gettext (language, N_("Connect Seamlessly with the World"));
    case HUBS_PILLAR_GROWTH:
      return hubs_i18n_gettext (language, N_("Support Startup Growth"));
    case HUBS_PILLAR_FOUNDATION:
      return hubs_i18n_gettext (language, N_("Build the Ecosystem’s Foundation"));
    case HUBS_N_PILLARS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hubs_i18n_hub_type_label:
 * @language: the language to write in
 * @type: a hub type
 *
 * The type's name, such as “Core-city model”, as hubs_i18n_tier_label() gives the tier's.
 *
 * Returns: (transfer none): the name in @language, "" for %HUBS_HUB_TYPE_NONE
 */
const char *
hubs_i18n_hub_type_label (HubsLanguage language,
                          HubsHubType  type)
{
  switch (type)
    {
    case HUBS_HUB_TYPE_NONE:
      return "";
    case HUBS_HUB_TYPE_WIDE_AREA:
      /* Translators: 広域都市圏型, a consortium spanning several prefectures; “model”, since
       * “wide-area city” is no official term */
      return hubs_i18n_gettext (language, N_("Wide-area model"));
    case HUBS_HUB_TYPE_CORE_CITY:
      /* Translators: 中核都市型, a consortium built around one city; “model”, since “core
       * city” is the official English for 中核市, which not every such hub is */
      return hubs_i18n_gettext (language, N_("Core-city model"));
    default:
      g_return_val_if_reached (NULL);
    }
}
