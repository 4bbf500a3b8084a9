/* hubs-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, units and fiscal years as people read them, in Japanese and English; reading what
 * they type is hubs-parse.c's, with the same units.
 *
 * Formatting goes through decimal digit strings, never through printf's locale-dependent
 * paths, so the C locale of the process cannot change what is written.
 */

#define G_LOG_DOMAIN "hubs-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-format-private.h"
#include "hubs-i18n.h"

G_DEFINE_QUARK (hubs-format-error-quark, hubs_format_error)

/* Units
 * ----- */

/* 名 and 人 both count people, 件 and 事例 both count cases: their English words are the same,
 * so English input cannot tell them apart, and each accepts the other's Japanese spelling too.
 * 件 of funding is deals in English (a KPI's own word, see hubs_format_kpi_value()). */
static const UnitInfo unit_infos[] = {
  { "社", "company", "companies", { "社", "company", "companies", NULL } },
  { "件", "case", "cases", { "件", "事例", "case", "cases", "deal", "deals", NULL } },
  { "名", "person", "people", { "名", "人", "person", "persons", "people", NULL } },
  { "人", "person", "people", { "人", "名", "person", "persons", "people", NULL } },
  { "自治体", "municipality", "municipalities",
    { "自治体", "municipality", "municipalities", NULL } },
  { "事例", "case", "cases", { "事例", "件", "case", "cases", "example", "examples", NULL } },
  { UNIT_OKU_YEN, NULL, "¥100 million", { "億円", "億", NULL } },
  { UNIT_PERCENT, NULL, "%", { "%", "percent", "per cent", NULL } },
  { UNIT_RANK, NULL, "rank", { "位", NULL } },
};

/* Spellings that are units of some KPI even though they are not in any accepted[] list above:
 * money (only a 億円 KPI takes it) and the ordinal suffixes of ranks. */
static const char * const other_unit_words[] = {
  "円", "yen", "st", "nd", "rd", "th", "rank", NULL
};

const char * const _hubs_format_ordinal_suffixes[] = { "st", "nd", "rd", "th", NULL };

static const char * const known_units[] = {
  "社", "件", "名", "人", "自治体", "事例", UNIT_OKU_YEN, UNIT_PERCENT, UNIT_RANK, NULL
};

/* The facts about @unit, or %NULL for a unit the plan does not use. */
const UnitInfo *
_hubs_format_unit_info_lookup (const char *unit)
{
  if (unit == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (unit_infos); i++)
    if (g_str_equal (unit_infos[i].unit, unit))
      return &unit_infos[i];

  return NULL;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_str_equal (strv[i], str))
      return TRUE;
  return FALSE;
}

/* Whether @word (lower case) is how some KPI's unit is written. */
gboolean
_hubs_format_is_unit_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_infos); i++)
    if (strv_contains (unit_infos[i].accepted, word))
      return TRUE;
  return strv_contains (other_unit_words, word);
}

/**
 * hubs_format_known_units:
 *
 * The units the plan uses, in a stable order: 社, 件, 名, 人, 自治体, 事例, 億円, %, 位.
 * A KPI may have another unit; the functions here then show it as it is.
 *
 * Returns: (transfer none) (array zero-terminated=1): the units
 */
const char * const *
hubs_format_known_units (void)
{
  return known_units;
}

/**
 * hubs_format_unit_is_known:
 * @unit: (nullable): a KPI unit
 *
 * Returns: %TRUE when @unit is one of hubs_format_known_units()
 */
gboolean
hubs_format_unit_is_known (const char *unit)
{
  return _hubs_format_unit_info_lookup (unit) != NULL;
}

/**
 * hubs_format_unit:
 * @unit: (nullable): a KPI unit as published (社, 件, 名, 人, 自治体, 事例, 億円, %, 位)
 * @lang: the language to write in
 *
 * The unit as a label, for column headers and axis titles. Japanese keeps the unit as
 * published. English uses a plural noun: companies, cases, people, municipalities, cases,
 * "¥100 million" for 億円 (one 億円 is a hundred million yen), "%" and "rank". A unit Hubs does
 * not know is returned as it is.
 *
 * Returns: (transfer none): the label; "" for a %NULL unit
 */
const char *
hubs_format_unit (const char   *unit,
                  HubsLanguage  lang)
{
  const UnitInfo *info;

  if (unit == NULL)
    return "";
  if (lang == HUBS_LANGUAGE_JA)
    return unit;

  info = _hubs_format_unit_info_lookup (unit);
  return info != NULL ? info->label : unit;
}

/* Languages
 * --------- */

/**
 * hubs_language_current:
 *
 * Returns: the language of the user interface, which is also the language data is shown in
 */
HubsLanguage
hubs_language_current (void)
{
  return hubs_i18n_is_japanese () ? HUBS_LANGUAGE_JA : HUBS_LANGUAGE_EN;
}

/**
 * hubs_language_from_string:
 * @str: a language code: "ja" or "en", optionally with a region or encoding ("ja_JP.UTF-8")
 * @lang: (out) (optional): where to store the language
 *
 * Returns: %TRUE when @str names Japanese or English
 */
gboolean
hubs_language_from_string (const char   *str,
                           HubsLanguage *lang)
{
  HubsLanguage found;

  g_return_val_if_fail (str != NULL, FALSE);

  if (g_ascii_strncasecmp (str, "ja", 2) == 0)
    found = HUBS_LANGUAGE_JA;
  else if (g_ascii_strncasecmp (str, "en", 2) == 0)
    found = HUBS_LANGUAGE_EN;
  else
    return FALSE;

  if (str[2] != '\0' && str[2] != '_' && str[2] != '-' && str[2] != '.')
    return FALSE;

  if (lang != NULL)
    *lang = found;
  return TRUE;
}

/**
 * hubs_language_to_string:
 * @lang: a language
 *
 * Returns: "ja" or "en"
 */
const char *
hubs_language_to_string (HubsLanguage lang)
{
  return lang == HUBS_LANGUAGE_JA ? "ja" : "en";
}

/* Fiscal years
 * ------------ */

/**
 * hubs_format_fiscal_year:
 * @year: the calendar year the fiscal year starts in (April)
 * @lang: the language to write in
 *
 * Returns: (transfer full): "2025年度" or "FY2025"
 */
char *
hubs_format_fiscal_year (int          year,
                         HubsLanguage lang)
{
  if (lang == HUBS_LANGUAGE_JA)
    return g_strdup_printf ("%d年度", year);
  return g_strdup_printf ("FY%d", year);
}

/**
 * hubs_format_fiscal_year_end:
 * @year: the calendar year the fiscal year starts in
 * @lang: the language to write in
 *
 * The end of a fiscal year, the moment a stock KPI is measured (31 March of @year + 1).
 *
 * Returns: (transfer full): "2025年度末" or "end of FY2025"
 */
char *
hubs_format_fiscal_year_end (int          year,
                             HubsLanguage lang)
{
  if (lang == HUBS_LANGUAGE_JA)
    return g_strdup_printf ("%d年度末", year);
  return g_strdup_printf ("end of FY%d", year);
}

/**
 * hubs_format_date:
 * @year: the year
 * @month: the month, 1 to 12
 * @day: the day of the month
 * @lang: the language to write in
 *
 * Returns: (transfer full): "2025年1月1日" or "1 January 2025"
 */
char *
hubs_format_date (int          year,
                  int          month,
                  int          day,
                  HubsLanguage lang)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  if (lang == HUBS_LANGUAGE_JA)
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup_printf ("%d %s %d", day, months[month - 1], year);
}

/**
 * hubs_time_zone_japan:
 *
 * The time zone every moment of the plan is read and shown in: Japan's, where its offices
 * are, whatever zone the reader's machine is set to. Japan keeps no daylight saving time, so
 * the fixed offset of nine hours is exact and needs no time zone database.
 *
 * Returns: (transfer full): Japan's time zone
 */
GTimeZone *
hubs_time_zone_japan (void)
{
  return g_time_zone_new_offset (9 * 3600);
}

/* @when in Japan. */
static GDateTime *
to_japan (GDateTime *when)
{
  g_autoptr(GTimeZone) japan = hubs_time_zone_japan ();

  return g_date_time_to_timezone (when, japan);
}

/**
 * hubs_format_day_of:
 * @when: a moment
 * @lang: the language to write in
 *
 * The day of @when in Japan, as people write a date: "2026年12月2日", "2 December 2026".
 *
 * Returns: (transfer full): the day
 */
char *
hubs_format_day_of (GDateTime    *when,
                    HubsLanguage  lang)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = to_japan (when);
  return hubs_format_date (g_date_time_get_year (local), g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local), lang);
}

/**
 * hubs_format_day:
 * @changed_at: (nullable): a moment as the database keeps it (ISO 8601, UTC)
 * @lang: the language to write in
 *
 * The day of @changed_at in Japan (see hubs_format_day_of()). Text that is not such a moment
 * is returned as it is.
 *
 * Returns: (transfer full): the day, or "" for %NULL
 */
char *
hubs_format_day (const char   *changed_at,
                 HubsLanguage  lang)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) moment = NULL;

  if (changed_at == NULL)
    return g_strdup ("");
  if (!(moment = g_date_time_new_from_iso8601 (changed_at, utc)))
    return g_strdup (changed_at);

  return hubs_format_day_of (moment, lang);
}

/**
 * hubs_format_moment:
 * @when: a moment
 * @lang: the language to write in
 *
 * @when in Japan, to the minute: "2026年12月2日 10:15", "2 December 2026, 10:15".
 *
 * Returns: (transfer full): the moment in words
 */
char *
hubs_format_moment (GDateTime    *when,
                    HubsLanguage  lang)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = to_japan (when);
  day = hubs_format_day_of (when, lang);
  return g_strdup_printf (lang == HUBS_LANGUAGE_JA ? "%s %02d:%02d" : "%s, %02d:%02d", day,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/* Decimal digit strings
 * --------------------- */

/* A finite number as decimal digits: the integer part (at least "0") and the fraction
 * (possibly empty, no trailing zeros). */
typedef struct
{
  gboolean  negative;
  char     *int_digits;
  char     *frac_digits;
} Digits;

static void
digits_clear (Digits *d)
{
  g_clear_pointer (&d->int_digits, g_free);
  g_clear_pointer (&d->frac_digits, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Digits, digits_clear)

static char *
format_fixed (double value,
              int    decimals)
{
  /* The largest double has 309 integer digits. */
  char buf[400];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* How many decimals @value (≥ 0) is shown with: as few as give back the value up to float
 * noise (so 0.1 + 0.2 shows 0.3 and 73.700000001 shows 73.7, while a typed 1.2345 keeps its
 * digits), up to six; when no such short decimal does (a computed 8.3333…), two decimals, or
 * two significant digits for values below 1. Going beyond six would let a computed 66.666…
 * pass for the short decimal 66.66666667. */
static int
choose_decimals (double value)
{
  double tolerance = value * 1e-12 + 1e-12;

  for (int d = 0; d <= 6; d++)
    {
      g_autofree char *text = format_fixed (value, d);

      if (fabs (g_ascii_strtod (text, NULL) - value) <= tolerance)
        return d;
    }

  if (value >= 1.0)
    return 2;
  return CLAMP (1 - (int) floor (log10 (value)), 2, 9);
}

static void
digits_set (Digits     *d,
            gboolean    negative,
            const char *int_digits,
            gsize       int_len,
            const char *frac_digits,
            gsize       frac_len)
{
  while (int_len > 1 && *int_digits == '0')
    {
      int_digits++;
      int_len--;
    }
  while (frac_len > 0 && frac_digits[frac_len - 1] == '0')
    frac_len--;

  g_free (d->int_digits);
  g_free (d->frac_digits);
  d->int_digits = int_len > 0 ? g_strndup (int_digits, int_len) : g_strdup ("0");
  d->frac_digits = g_strndup (frac_digits, frac_len);
  d->negative = negative && !(g_str_equal (d->int_digits, "0") && frac_len == 0);
}

static void
digits_from_double (Digits *d,
                    double  value)
{
  double magnitude = fabs (value);
  g_autofree char *text = format_fixed (magnitude, choose_decimals (magnitude));
  const char *point = strchr (text, '.');

  if (point != NULL)
    digits_set (d, value < 0, text, point - text, point + 1, strlen (point + 1));
  else
    digits_set (d, value < 0, text, strlen (text), "", 0);
}

/* Multiplies @d by 10^@shift exactly, by moving the decimal point. */
static void
digits_shift (Digits *d,
              int     shift)
{
  g_autoptr(GString) all = g_string_new (d->int_digits);
  gssize point = (gssize) strlen (d->int_digits) + shift;

  g_string_append (all, d->frac_digits);
  if (point < 0)
    {
      g_autofree char *zeros = g_strnfill (-point, '0');

      g_string_prepend (all, zeros);
      point = 0;
    }
  while ((gssize) all->len < point)
    g_string_append_c (all, '0');

  digits_set (d, d->negative, all->str, point, all->str + point, all->len - point);
}

static double
digits_to_double (const Digits *d)
{
  g_autofree char *text = g_strdup_printf ("%s%s.%s0", d->negative ? "-" : "",
                                           d->int_digits, d->frac_digits);

  return g_ascii_strtod (text, NULL);
}

static gboolean
digits_is_zero (const Digits *d)
{
  return g_str_equal (d->int_digits, "0") && d->frac_digits[0] == '\0';
}

static gboolean
digits_is_one (const Digits *d)
{
  return g_str_equal (d->int_digits, "1") && d->frac_digits[0] == '\0';
}

/* Appends @digits (no leading zeros unless "0") with a comma every three digits. */
static void
append_thousands (GString    *out,
                  const char *digits,
                  gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static void
append_fraction (GString      *out,
                 const Digits *d)
{
  if (d->frac_digits[0] != '\0')
    {
      g_string_append_c (out, '.');
      g_string_append (out, d->frac_digits);
    }
}

/* English: "-12,856.5". */
static void
append_number_en (GString      *out,
                  const Digits *d)
{
  if (d->negative)
    g_string_append_c (out, '-');
  append_thousands (out, d->int_digits, strlen (d->int_digits));
  append_fraction (out, d);
}

/* The Japanese names of the powers of 10⁴. */
static const char * const ja_myriads[] = { "", "万", "億", "兆", "京", "垓" };

/* Japanese: groups of four digits named 万, 億, 兆…, each group with thousands commas, groups
 * of zeros left out: 123456789 → 1億2,345万6,789. The fraction stays with the lowest group
 * (10000.5 → 1万0.5). @base names the lowest group: 0 for plain numbers; 2 for amounts
 * already in 億, so that 12000 → 1兆2,000億 and 10000 → 1兆. */
static void
append_number_ja (GString      *out,
                  const Digits *d,
                  guint         base)
{
  const char *digits = d->int_digits;
  gsize len = strlen (digits);
  guint n_groups = (guint) ((len + 3) / 4);
  guint top = G_N_ELEMENTS (ja_myriads) - 1 - base;
  gsize start = 0;
  gboolean wrote = FALSE;

  g_assert (base < G_N_ELEMENTS (ja_myriads));

  if (d->negative)
    g_string_append_c (out, '-');

  /* Beyond the last name, the top group takes all remaining digits. */
  if (n_groups - 1 > top)
    n_groups = top + 1;

  for (guint k = n_groups; k-- > 0;)
    {
      gsize end = len - 4 * (gsize) k;
      gsize first = start;

      while (first < end && digits[first] == '0')
        first++;

      if (k == 0)
        {
          if (first < end || d->frac_digits[0] != '\0' || !wrote)
            {
              if (first < end)
                append_thousands (out, digits + first, end - first);
              else
                g_string_append_c (out, '0');
              append_fraction (out, d);
              g_string_append (out, ja_myriads[base]);
            }
        }
      else if (first < end)
        {
          append_thousands (out, digits + first, end - first);
          g_string_append (out, ja_myriads[k + base]);
          wrote = TRUE;
        }

      start = end;
    }
}

/**
 * hubs_format_number:
 * @value: a finite number
 * @lang: the language to write in
 *
 * Writes a number the way its reader groups digits. Japanese groups by 10⁴ from 万 up and
 * uses thousands commas inside each group: 2,174; 1万2,856; 1億2,345万6,789. English uses
 * thousands separators: 12,856. Decimals are kept as the value needs them (73.7, 0.125, up
 * to six), without float noise (0.1 + 0.2 gives 0.3); a value with no short decimal form is
 * rounded to two decimals (66.67), or to two significant digits below 1 (0.33, 0.00033).
 * Negative numbers start with "-".
 *
 * Returns: (transfer full): the number
 */
char *
hubs_format_number (double       value,
                    HubsLanguage lang)
{
  g_auto(Digits) d = { 0 };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (isfinite (value), g_string_free (out, FALSE));

  digits_from_double (&d, value);
  if (lang == HUBS_LANGUAGE_JA)
    append_number_ja (out, &d, 0);
  else
    append_number_en (out, &d);

  return g_string_free (out, FALSE);
}

/**
 * hubs_format_number_plain:
 * @value: a finite number
 *
 * Writes a number for machines and spreadsheets (CSV, JSON): no grouping, a point for
 * decimals, the same rounding as hubs_format_number(): 12856, 73.7, -5.
 *
 * Returns: (transfer full): the number
 */
char *
hubs_format_number_plain (double value)
{
  g_auto(Digits) d = { 0 };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (isfinite (value), g_string_free (out, FALSE));

  digits_from_double (&d, value);
  if (d.negative)
    g_string_append_c (out, '-');
  g_string_append (out, d.int_digits);
  append_fraction (out, &d);

  return g_string_free (out, FALSE);
}

/**
 * hubs_format_number_exact:
 * @value: a number
 *
 * Writes @value as a plain ASCII number with no grouping and no exponent where it can be
 * avoided, the shortest form that reads back to the same double: `255`, `73.7`, `0.5` (15
 * significant digits, or 16 or 17 only when fewer do not read back). Every export and the
 * history write values through this one function. This is the machine form used in CSV
 * and the database's text columns, not a display form; hubs_format_number_plain() rounds
 * as the display does.
 *
 * Returns: (transfer full): the number as text
 */
char *
hubs_format_number_exact (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[32];
  GString *out;
  const char *mantissa;
  char *e;
  int precision;
  int exponent;
  guint n_digits = 0;

  if (value == (double) (gint64) value && ABS (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  if (!isfinite (value))
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));

  /* The fewest significant digits that read back to the same double: 15 always suffice for
   * what a person types, 17 for any double. */
  for (precision = 15; precision < 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.14e" : "%.15e", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (precision == 17)
    g_ascii_formatd (buf, sizeof buf, "%.16e", value);

  /* buf is [-]D.DDDDe±XX: gather the digits without trailing zeros, and the exponent. */
  mantissa = buf[0] == '-' ? buf + 1 : buf;
  e = strchr (mantissa, 'e');
  g_assert (e != NULL);
  exponent = (int) g_ascii_strtoll (e + 1, NULL, 10);
  for (const char *c = mantissa; c < e; c++)
    if (g_ascii_isdigit (*c))
      digits[n_digits++] = *c;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';

  /* Far outside the magnitudes of any figure, the exponent form stays readable. */
  if (exponent < -7 || exponent > 20)
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));

  out = g_string_new (value < 0 ? "-" : NULL);
  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exponent - 1; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else if ((int) n_digits <= exponent + 1)
    {
      g_string_append (out, digits);
      for (int i = n_digits; i < exponent + 1; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits, exponent + 1);
      g_string_append_c (out, '.');
      g_string_append (out, digits + exponent + 1);
    }

  return g_string_free (out, FALSE);
}

static const char *
ordinal_suffix (const char *int_digits)
{
  gsize len = strlen (int_digits);
  char last = int_digits[len - 1];
  char tens = len > 1 ? int_digits[len - 2] : '0';

  if (tens == '1')
    return "th";
  switch (last)
    {
    case '1':
      return "st";
    case '2':
      return "nd";
    case '3':
      return "rd";
    default:
      return "th";
    }
}

/* English yen for an amount in 億円 (10⁸ yen): ¥50 million, ¥25.5 billion, ¥1.2 trillion. */
static void
append_oku_yen_en (GString *out,
                   Digits  *d)
{
  double magnitude = fabs (digits_to_double (d));
  const char *scale;

  if (d->negative)
    g_string_append_c (out, '-');
  g_string_append (out, "¥");

  if (digits_is_zero (d))
    {
      g_string_append_c (out, '0');
      return;
    }

  if (magnitude >= 1e4)
    {
      digits_shift (d, -4);
      scale = " trillion";
    }
  else if (magnitude >= 10)
    {
      digits_shift (d, -1);
      scale = " billion";
    }
  else
    {
      digits_shift (d, 2);
      scale = " million";
    }

  append_thousands (out, d->int_digits, strlen (d->int_digits));
  append_fraction (out, d);
  g_string_append (out, scale);
}

/**
 * hubs_format_value:
 * @value: a finite number in the KPI's unit
 * @unit: (nullable): the KPI's unit as published (社, 件, 名, 人, 自治体, 事例, 億円, %, 位)
 * @lang: the language to write in
 *
 * Writes a figure with its unit.
 *
 * Japanese: the number as hubs_format_number() writes it followed by the unit: 1万2,856人,
 * 10位, 20%, 57自治体. An amount in 億円 is already in 億, so 2,174億円 stays as it is and
 * 12,000億円 reads 1兆2,000億円.
 *
 * English: 12,856 people, 1 company, 57 municipalities, 20%; ranks as ordinals (10th, 1st)
 * or "rank 8.5" when not whole; 億円 as yen with million, billion or trillion (2,174億円 →
 * ¥217.4 billion, 0.5億円 → ¥50 million). Another unit follows the number after a space.
 *
 * hubs_parse_number() reads every result back to the same value.
 *
 * Returns: (transfer full): the figure
 */
char *
hubs_format_value (double       value,
                   const char  *unit,
                   HubsLanguage lang)
{
  return _hubs_format_value_words (value, unit, NULL, NULL, lang);
}

/* hubs_format_value(), with @en_one and @en_other (both or neither) as the English words of
 * a count in place of the unit's usual ones. */
char *
_hubs_format_value_words (double       value,
                          const char  *unit,
                          const char  *en_one,
                          const char  *en_other,
                          HubsLanguage lang)
{
  g_auto(Digits) d = { 0 };
  GString *out = g_string_new (NULL);
  const UnitInfo *info;

  g_return_val_if_fail (isfinite (value), g_string_free (out, FALSE));

  digits_from_double (&d, value);

  if (unit == NULL || *unit == '\0')
    {
      if (lang == HUBS_LANGUAGE_JA)
        append_number_ja (out, &d, 0);
      else
        append_number_en (out, &d);
      return g_string_free (out, FALSE);
    }

  if (lang == HUBS_LANGUAGE_JA)
    {
      if (unit_is (unit, UNIT_OKU_YEN))
        {
          append_number_ja (out, &d, 2);
          g_string_append (out, "円");
        }
      else
        {
          append_number_ja (out, &d, 0);
          g_string_append (out, unit);
        }
      return g_string_free (out, FALSE);
    }

  info = _hubs_format_unit_info_lookup (unit);

  if (unit_is (unit, UNIT_OKU_YEN))
    append_oku_yen_en (out, &d);
  else if (unit_is (unit, UNIT_RANK))
    {
      if (d.frac_digits[0] == '\0' && !d.negative && !digits_is_zero (&d))
        {
          append_number_en (out, &d);
          g_string_append (out, ordinal_suffix (d.int_digits));
        }
      else
        {
          g_string_append (out, "rank ");
          append_number_en (out, &d);
        }
    }
  else if (unit_is (unit, UNIT_PERCENT))
    {
      append_number_en (out, &d);
      g_string_append_c (out, '%');
    }
  else
    {
      append_number_en (out, &d);
      g_string_append_c (out, ' ');
      if (en_one != NULL && en_other != NULL)
        g_string_append (out, digits_is_one (&d) ? en_one : en_other);
      else if (info == NULL)
        g_string_append (out, unit);
      else if (digits_is_one (&d))
        g_string_append (out, info->singular);
      else
        g_string_append (out, info->label);
    }

  return g_string_free (out, FALSE);
}

/**
 * hubs_format_target:
 * @value: a finite target value in the KPI's unit
 * @unit: (nullable): the KPI's unit
 * @qualifier: whether the target is a floor (以上) or a ceiling (以内)
 * @lang: the language to write in
 *
 * A target as the plan states it: "300社以上", "5位以内"; "at least 300 companies",
 * "at most 20%", and for ranks, where a ceiling is the goal, "5th or better".
 *
 * Returns: (transfer full): the target
 */
char *
hubs_format_target (double        value,
                    const char   *unit,
                    HubsQualifier qualifier,
                    HubsLanguage  lang)
{
  g_return_val_if_fail (isfinite (value), g_strdup (""));

  return _hubs_format_qualify (hubs_format_value (value, unit, lang), unit, qualifier, lang);
}

/* @text, a target in @unit, with what @qualifier says of it. */
char *
_hubs_format_qualify (char          *text_in,
                      const char    *unit,
                      HubsQualifier  qualifier,
                      HubsLanguage   lang)
{
  g_autofree char *text = text_in;

  switch (qualifier)
    {
    case HUBS_QUALIFIER_AT_LEAST:
      if (lang == HUBS_LANGUAGE_JA)
        return g_strconcat (text, "以上", NULL);
      if (unit_is (unit, UNIT_RANK))
        return g_strconcat (text, " or worse", NULL);
      return g_strconcat ("at least ", text, NULL);

    case HUBS_QUALIFIER_AT_MOST:
      if (lang == HUBS_LANGUAGE_JA)
        return g_strconcat (text, "以内", NULL);
      if (unit_is (unit, UNIT_RANK))
        return g_strconcat (text, " or better", NULL);
      return g_strconcat ("at most ", text, NULL);

    case HUBS_QUALIFIER_NONE:
    default:
      return g_steal_pointer (&text);
    }
}

/* Appends |@d| / 10^@shift (a short axis label), keeping its sign. */
static void
append_scaled_en (GString *out,
                  Digits  *d,
                  int      shift)
{
  digits_shift (d, -shift);
  append_number_en (out, d);
}

/**
 * hubs_format_axis_value:
 * @value: a finite tick value in the KPI's unit
 * @unit: (nullable): the KPI's unit
 * @lang: the language to write in
 *
 * A short label for a tick on a chart axis. The axis title carries the unit (see
 * hubs_format_unit()); ticks only carry it for money and percentages.
 *
 * Japanese: below 10⁴ with thousands commas (5,000), above with the largest of 万, 億, 兆
 * (1万, 2.5万, 1億); 億円 amounts as 100億, 1.2兆; percentages 20%.
 *
 * English: below 10⁴ with thousands commas (5,000), above as 10k, 2.5M, 1.2bn; 億円 amounts as
 * yen: ¥500M, ¥10bn, ¥1.2tn; percentages 20%.
 *
 * Returns: (transfer full): the label
 */
char *
hubs_format_axis_value (double       value,
                        const char  *unit,
                        HubsLanguage lang)
{
  g_auto(Digits) d = { 0 };
  GString *out = g_string_new (NULL);
  double magnitude;

  g_return_val_if_fail (isfinite (value), g_string_free (out, FALSE));

  digits_from_double (&d, value);
  magnitude = fabs (digits_to_double (&d));

  if (unit_is (unit, UNIT_OKU_YEN))
    {
      if (lang == HUBS_LANGUAGE_JA)
        {
          if (magnitude >= 1e4)
            {
              digits_shift (&d, -4);
              append_number_en (out, &d);
              g_string_append (out, "兆");
            }
          else
            {
              append_number_en (out, &d);
              g_string_append (out, "億");
            }
        }
      else
        {
          if (d.negative)
            g_string_append_c (out, '-');
          d.negative = FALSE;
          g_string_append (out, "¥");
          if (digits_is_zero (&d))
            g_string_append_c (out, '0');
          else if (magnitude >= 1e4)
            {
              append_scaled_en (out, &d, 4);
              g_string_append (out, "tn");
            }
          else if (magnitude >= 10)
            {
              append_scaled_en (out, &d, 1);
              g_string_append (out, "bn");
            }
          else
            {
              append_scaled_en (out, &d, -2);
              g_string_append (out, "M");
            }
        }
      return g_string_free (out, FALSE);
    }

  if (lang == HUBS_LANGUAGE_JA)
    {
      if (magnitude >= 1e12)
        {
          append_scaled_en (out, &d, 12);
          g_string_append (out, "兆");
        }
      else if (magnitude >= 1e8)
        {
          append_scaled_en (out, &d, 8);
          g_string_append (out, "億");
        }
      else if (magnitude >= 1e4)
        {
          append_scaled_en (out, &d, 4);
          g_string_append (out, "万");
        }
      else
        append_number_en (out, &d);
    }
  else
    {
      if (magnitude >= 1e9)
        {
          append_scaled_en (out, &d, 9);
          g_string_append (out, "bn");
        }
      else if (magnitude >= 1e6)
        {
          append_scaled_en (out, &d, 6);
          g_string_append (out, "M");
        }
      else if (magnitude >= 1e4)
        {
          append_scaled_en (out, &d, 3);
          g_string_append (out, "k");
        }
      else
        append_number_en (out, &d);
    }

  if (unit_is (unit, UNIT_PERCENT))
    g_string_append_c (out, '%');

  return g_string_free (out, FALSE);
}
