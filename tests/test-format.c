/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, units and fiscal years in both languages: what each reader sees, what each typist
 * may type, and the errors that say what is wrong and where.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hubs-format.h"
#include "hubs-test-util.h"

#define JA HUBS_LANGUAGE_JA
#define EN HUBS_LANGUAGE_EN

/* The units of the plan, and a unit Hubs does not know (a user-added KPI). */
static const char * const all_units[] = {
  "社", "件", "名", "人", "自治体", "事例", "億円", "%", "位", "回", NULL
};

static void
assert_number (double        value,
               HubsLanguage  lang,
               const char   *expected)
{
  g_autofree char *text = hubs_format_number (value, lang);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_value (double        value,
              const char   *unit,
              HubsLanguage  lang,
              const char   *expected)
{
  g_autofree char *text = hubs_format_value (value, unit, lang);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_axis (double        value,
             const char   *unit,
             HubsLanguage  lang,
             const char   *expected)
{
  g_autofree char *text = hubs_format_axis_value (value, unit, lang);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse (const char *text,
              const char *unit,
              double      expected)
{
  g_autoptr(GError) error = NULL;
  double value = -12345.678;

  if (!hubs_parse_number (text, unit, &value, &error))
    g_error ("“%s” (%s) did not parse: %s", text, unit ? unit : "no unit", error->message);
  g_assert_no_error (error);
  if (value != expected)
    g_error ("“%s” (%s) parsed as %.17g, expected %.17g",
             text, unit ? unit : "no unit", value, expected);
}

/* Asserts the error code and the whole message (tests run untranslated, in C.UTF-8). */
static void
assert_parse_error (const char *text,
                    const char *unit,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  double value = 42;

  g_assert_false (hubs_parse_number (text, unit, &value, &error));
  g_assert_error (error, HUBS_FORMAT_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  /* A failed parse leaves the value alone. */
  g_assert_cmpfloat (value, ==, 42);
}

static void
test_language (void)
{
  HubsLanguage lang = EN;

  g_assert_true (hubs_language_from_string ("ja", &lang));
  g_assert_cmpint (lang, ==, JA);
  g_assert_true (hubs_language_from_string ("en", &lang));
  g_assert_cmpint (lang, ==, EN);
  g_assert_true (hubs_language_from_string ("ja_JP.UTF-8", &lang));
  g_assert_cmpint (lang, ==, JA);
  g_assert_true (hubs_language_from_string ("en-GB", &lang));
  g_assert_cmpint (lang, ==, EN);
  g_assert_true (hubs_language_from_string ("JA", NULL));

  lang = JA;
  g_assert_false (hubs_language_from_string ("", &lang));
  g_assert_false (hubs_language_from_string ("fr", &lang));
  g_assert_false (hubs_language_from_string ("english", &lang));
  g_assert_false (hubs_language_from_string ("jap", &lang));
  g_assert_cmpint (lang, ==, JA);

  g_assert_cmpstr (hubs_language_to_string (JA), ==, "ja");
  g_assert_cmpstr (hubs_language_to_string (EN), ==, "en");

  /* The tests run untranslated, so the interface is English. */
  g_assert_cmpint (hubs_language_current (), ==, EN);
}

static void
test_fiscal_year (void)
{
  struct { const char *text; int year; } good[] = {
    { "2025", 2025 }, { "2025年度", 2025 }, { "FY2025", 2025 }, { "fy 2027", 2027 },
    { "２０２９年度", 2029 }, { "ＦＹ２０２４", 2024 }, { "　2025 年度 ", 2025 },
    { "令和7年度", 2025 }, { "R7", 2025 }, { "令和11年度", 2029 },
  };
  const char *bad[] = { "25", "2025年", "FY", "平成30年度", "2025-26", "twenty", "20255" };

  for (guint i = 2024; i <= 2029; i++)
    {
      g_autofree char *ja = hubs_format_fiscal_year (i, JA);
      g_autofree char *en = hubs_format_fiscal_year (i, EN);
      int year = 0;

      g_assert_true (hubs_parse_fiscal_year (ja, &year, NULL));
      g_assert_cmpint (year, ==, i);
      g_assert_true (hubs_parse_fiscal_year (en, &year, NULL));
      g_assert_cmpint (year, ==, i);
    }

  {
    g_autofree char *ja = hubs_format_fiscal_year (2025, JA);
    g_autofree char *en = hubs_format_fiscal_year (2025, EN);
    g_autofree char *ja_end = hubs_format_fiscal_year_end (2024, JA);
    g_autofree char *en_end = hubs_format_fiscal_year_end (2024, EN);

    g_assert_cmpstr (ja, ==, "2025年度");
    g_assert_cmpstr (en, ==, "FY2025");
    g_assert_cmpstr (ja_end, ==, "2024年度末");
    g_assert_cmpstr (en_end, ==, "end of FY2024");
  }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      g_assert_true (hubs_parse_fiscal_year (good[i].text, &year, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, good[i].year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” is not a fiscal year; write it as "
                                                   "2025, 2025年度 or FY2025.", bad[i]);
      int year = 1;

      g_assert_false (hubs_parse_fiscal_year (bad[i], &year, &error));
      g_assert_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpint (year, ==, 1);
    }

  {
    g_autoptr(GError) error = NULL;
    int year = 1;

    g_assert_false (hubs_parse_fiscal_year (" \u3000", &year, &error));
    g_assert_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_EMPTY);
  }
}

static void
test_number_ja (void)
{
  assert_number (0, JA, "0");
  assert_number (7, JA, "7");
  assert_number (1000, JA, "1,000");
  assert_number (2174, JA, "2,174");
  assert_number (9999, JA, "9,999");
  assert_number (10000, JA, "1万");
  assert_number (12856, JA, "1万2,856");
  assert_number (100001, JA, "10万1");
  assert_number (120000, JA, "12万");
  assert_number (12345678, JA, "1,234万5,678");
  assert_number (100000000, JA, "1億");
  assert_number (100010000, JA, "1億1万");
  assert_number (123456789, JA, "1億2,345万6,789");
  assert_number (1e12, JA, "1兆");
  assert_number (1234567890123.0, JA, "1兆2,345億6,789万123");
  assert_number (1e16, JA, "1京");
  assert_number (73.7, JA, "73.7");
  assert_number (12856.5, JA, "1万2,856.5");
  assert_number (10000.5, JA, "1万0.5");
  assert_number (-12856, JA, "-1万2,856");
  assert_number (-0.0, JA, "0");
}

static void
test_number_en (void)
{
  assert_number (0, EN, "0");
  assert_number (999, EN, "999");
  assert_number (1000, EN, "1,000");
  assert_number (12856, EN, "12,856");
  assert_number (123456789, EN, "123,456,789");
  assert_number (1e12, EN, "1,000,000,000,000");
  assert_number (73.7, EN, "73.7");
  assert_number (-12856.25, EN, "-12,856.25");
  assert_number (-0.0, EN, "0");
}

static void
test_number_noise (void)
{
  /* Float noise never shows… */
  assert_number (0.1 + 0.2, EN, "0.3");
  assert_number (73.700000001, EN, "73.7");
  assert_number (73.69999999999, JA, "73.7");
  assert_number (140.00000000001, EN, "140");
  assert_number (1e-15, EN, "0");
  assert_number (-1e-15, EN, "0");
  assert_number (3 * 1.1, EN, "3.3");
  assert_number (255.0 / 10.0 * 10.0, EN, "255");

  /* …but decimals a value really has are kept… */
  assert_number (0.125, EN, "0.125");
  assert_number (1.2345, EN, "1.2345");
  assert_number (1234567.891, EN, "1,234,567.891");
  assert_number (0.001, EN, "0.001");

  /* …and a value without a short decimal form is rounded to two decimals, or to two
   * significant digits when it is small. */
  assert_number (1.0 / 3.0, EN, "0.33");
  assert_number (200.0 / 3.0, EN, "66.67");
  assert_number (140 + 40.0 / 3.0, JA, "153.33");
  assert_number (0.001 / 3.0, EN, "0.00033");
  assert_number (2.0 / 3.0 * 1e5, JA, "6万6,666.67");
}

static void
test_number_plain (void)
{
  struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 12856, "12856" }, { 73.7, "73.7" }, { -5, "-5" }, { 0.1 + 0.2, "0.3" },
    { 123456789, "123456789" }, { -0.0, "0" }, { 1.0 / 3.0, "0.33" }, { 2174.5, "2174.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hubs_format_number_plain (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The machine form of every export: the shortest text that reads back to the same double. */
static void
test_value_plain_shortest (void)
{
  struct { double value; const char *text; } cases[] = {
    { 73.7, "73.7" }, { -73.7, "-73.7" }, { 0.1, "0.1" }, { 2174.45, "2174.45" },
    { 0.1 + 0.2, "0.30000000000000004" }, { 1.0 / 3.0, "0.3333333333333333" },
    { 9007199254740992.0, "9007199254740992" }, { 1e20, "100000000000000000000" },
    { 0.000123, "0.000123" }, { 12856, "12856" }, { -5, "-5" }, { 1234567.891, "1234567.891" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hubs_format_number_exact (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }
}

/* A number whose digits a double cannot hold is refused, never silently rounded. */
static void
test_parse_inexact_digits (void)
{
  const int INVALID = HUBS_FORMAT_ERROR_INVALID;

  assert_parse_error ("9007199254740993", NULL, INVALID,
                      "“9007199254740993” has too many digits to be stored exactly: it would "
                      "become 9007199254740992. Give at most 15 significant digits.");
  assert_parse_error ("9,007,199,254,740,993", NULL, INVALID, NULL);
  assert_parse_error ("12345678901234567", NULL, INVALID, NULL);
  assert_parse_error ("0.12345678901234567", NULL, INVALID, NULL);
  assert_parse_error ("-900719925474099.3", NULL, INVALID, NULL);
  assert_parse_error ("123,456,789,012,345,678", NULL, INVALID, NULL);

  /* What a double holds exactly stays accepted, trailing zeros included. */
  assert_parse ("9007199254740992", NULL, 9007199254740992.0);
  assert_parse ("123456789012345", NULL, 123456789012345.0);
  assert_parse ("1234567890.12345", NULL, 1234567890.12345);
  assert_parse ("0.1", NULL, 0.1);
  assert_parse ("1234567890000000", NULL, 1234567890000000.0);
  assert_parse ("1兆2,345億", "億円", 12345);
}

static void
test_unit (void)
{
  struct { const char *unit; const char *en; } cases[] = {
    { "社", "companies" }, { "件", "cases" }, { "名", "people" }, { "人", "people" },
    { "自治体", "municipalities" }, { "事例", "cases" }, { "億円", "¥100 million" },
    { "%", "%" }, { "位", "rank" }, { "回", "回" },
  };
  const char * const *known = hubs_format_known_units ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (hubs_format_unit (cases[i].unit, JA), ==, cases[i].unit);
      g_assert_cmpstr (hubs_format_unit (cases[i].unit, EN), ==, cases[i].en);
    }
  g_assert_cmpstr (hubs_format_unit (NULL, JA), ==, "");
  g_assert_cmpstr (hubs_format_unit (NULL, EN), ==, "");

  g_assert_cmpuint (g_strv_length ((char **) known), ==, 9);
  for (guint i = 0; known[i] != NULL; i++)
    g_assert_true (hubs_format_unit_is_known (known[i]));
  g_assert_false (hubs_format_unit_is_known ("回"));
  g_assert_false (hubs_format_unit_is_known (NULL));
}

static void
test_value_ja (void)
{
  assert_value (12856, "人", JA, "1万2,856人");
  assert_value (2174, "億円", JA, "2,174億円");
  assert_value (255, "億円", JA, "255億円");
  assert_value (12000, "億円", JA, "1兆2,000億円");
  assert_value (10000, "億円", JA, "1兆円");
  assert_value (12000.5, "億円", JA, "1兆2,000.5億円");
  assert_value (0.5, "億円", JA, "0.5億円");
  assert_value (0, "億円", JA, "0億円");
  assert_value (-30, "億円", JA, "-30億円");
  assert_value (10, "位", JA, "10位");
  assert_value (20, "%", JA, "20%");
  assert_value (57, "自治体", JA, "57自治体");
  assert_value (285, "件", JA, "285件");
  assert_value (1200, "社", JA, "1,200社");
  assert_value (15, "事例", JA, "15事例");
  assert_value (150000, "名", JA, "15万名");
  assert_value (3, "回", JA, "3回");
  assert_value (12856, NULL, JA, "1万2,856");
  assert_value (12856, "", JA, "1万2,856");
}

static void
test_value_en (void)
{
  assert_value (12856, "人", EN, "12,856 people");
  assert_value (12856, "名", EN, "12,856 people");
  assert_value (1, "人", EN, "1 person");
  assert_value (1, "社", EN, "1 company");
  assert_value (0, "社", EN, "0 companies");
  assert_value (1.5, "社", EN, "1.5 companies");
  assert_value (1200, "社", EN, "1,200 companies");
  assert_value (285, "件", EN, "285 cases");
  assert_value (15, "事例", EN, "15 cases");
  assert_value (57, "自治体", EN, "57 municipalities");
  assert_value (1, "自治体", EN, "1 municipality");
  assert_value (20, "%", EN, "20%");
  assert_value (73.7, "%", EN, "73.7%");
  assert_value (3, "回", EN, "3 回");
  assert_value (12856, NULL, EN, "12,856");

  /* 1億円 is a hundred million yen. */
  assert_value (2174, "億円", EN, "¥217.4 billion");
  assert_value (255, "億円", EN, "¥25.5 billion");
  assert_value (10, "億円", EN, "¥1 billion");
  assert_value (1, "億円", EN, "¥100 million");
  assert_value (0.5, "億円", EN, "¥50 million");
  assert_value (9.5, "億円", EN, "¥950 million");
  assert_value (12000, "億円", EN, "¥1.2 trillion");
  assert_value (217.45, "億円", EN, "¥21.745 billion");
  assert_value (0, "億円", EN, "¥0");
  assert_value (-30, "億円", EN, "-¥3 billion");

  /* Ranks read as ordinals; a rank that is not whole (a point on the planned path) cannot. */
  assert_value (1, "位", EN, "1st");
  assert_value (2, "位", EN, "2nd");
  assert_value (3, "位", EN, "3rd");
  assert_value (4, "位", EN, "4th");
  assert_value (10, "位", EN, "10th");
  assert_value (11, "位", EN, "11th");
  assert_value (12, "位", EN, "12th");
  assert_value (13, "位", EN, "13th");
  assert_value (21, "位", EN, "21st");
  assert_value (22, "位", EN, "22nd");
  assert_value (101, "位", EN, "101st");
  assert_value (111, "位", EN, "111th");
  assert_value (8.5, "位", EN, "rank 8.5");
  assert_value (25.0 / 3.0, "位", EN, "rank 8.33");
}

static void
test_target (void)
{
  struct { double value; const char *unit; HubsQualifier q; const char *ja; const char *en; }
  cases[] = {
    { 300, "社", HUBS_QUALIFIER_AT_LEAST, "300社以上", "at least 300 companies" },
    { 5, "位", HUBS_QUALIFIER_AT_MOST, "5位以内", "5th or better" },
    { 20, "%", HUBS_QUALIFIER_AT_MOST, "20%以内", "at most 20%" },
    { 285, "件", HUBS_QUALIFIER_NONE, "285件", "285 cases" },
    { 2174, "億円", HUBS_QUALIFIER_AT_LEAST, "2,174億円以上", "at least ¥217.4 billion" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ja = hubs_format_target (cases[i].value, cases[i].unit, cases[i].q, JA);
      g_autofree char *en = hubs_format_target (cases[i].value, cases[i].unit, cases[i].q, EN);

      g_assert_cmpstr (ja, ==, cases[i].ja);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_axis (void)
{
  assert_axis (0, "人", JA, "0");
  assert_axis (5000, "人", JA, "5,000");
  assert_axis (10000, "人", JA, "1万");
  assert_axis (15000, "人", JA, "1.5万");
  assert_axis (250000, "人", JA, "25万");
  assert_axis (1e8, "人", JA, "1億");
  assert_axis (2e12, NULL, JA, "2兆");
  assert_axis (100, "億円", JA, "100億");
  assert_axis (5000, "億円", JA, "5,000億");
  assert_axis (10000, "億円", JA, "1兆");
  assert_axis (12000, "億円", JA, "1.2兆");
  assert_axis (0.5, "億円", JA, "0.5億");
  assert_axis (20, "%", JA, "20%");
  assert_axis (10, "位", JA, "10");
  assert_axis (-5000, "社", JA, "-5,000");

  assert_axis (0, "人", EN, "0");
  assert_axis (5000, "人", EN, "5,000");
  assert_axis (10000, "人", EN, "10k");
  assert_axis (15000, "人", EN, "15k");
  assert_axis (2.5e6, "人", EN, "2.5M");
  assert_axis (1.2e9, NULL, EN, "1.2bn");
  assert_axis (100, "億円", EN, "¥10bn");
  assert_axis (2174, "億円", EN, "¥217.4bn");
  assert_axis (5, "億円", EN, "¥500M");
  assert_axis (12000, "億円", EN, "¥1.2tn");
  assert_axis (0, "億円", EN, "¥0");
  assert_axis (-100, "億円", EN, "-¥10bn");
  assert_axis (20, "%", EN, "20%");
  assert_axis (0.1 + 0.2, "%", EN, "0.3%");
  assert_axis (10, "位", EN, "10");
}

static void
test_parse_plain (void)
{
  double zero = 1;

  assert_parse ("0", NULL, 0);
  assert_parse ("1234", NULL, 1234);
  assert_parse ("1,234", NULL, 1234);
  assert_parse ("12,345,678", NULL, 12345678);
  assert_parse ("１２３４", NULL, 1234);
  assert_parse ("１，２３４", NULL, 1234);
  assert_parse ("73.7", NULL, 73.7);
  assert_parse ("７３．７", NULL, 73.7);
  assert_parse ("1.234", NULL, 1.234);
  assert_parse ("1,234.5", NULL, 1234.5);
  assert_parse (".5", NULL, 0.5);
  assert_parse ("007", NULL, 7);
  assert_parse ("  42  ", NULL, 42);
  assert_parse ("\u3000４２\u3000", NULL, 42);
  assert_parse ("\t42\n", NULL, 42);
  assert_parse ("-5", NULL, -5);
  assert_parse ("−5", NULL, -5);
  assert_parse ("－５", NULL, -5);
  assert_parse ("▲1,200", NULL, -1200);
  assert_parse ("△ 3.5", NULL, -3.5);
  assert_parse ("+5", NULL, 5);
  assert_parse ("-0", NULL, 0);
  g_assert_true (hubs_parse_number ("-0", NULL, &zero, NULL));
  g_assert_false (signbit (zero));
  assert_parse ("999999999999999", NULL, 999999999999999.0);
  assert_parse ("0.1", NULL, 0.1);
  assert_parse ("0.30000", NULL, 0.3);
}

static void
test_parse_myriads (void)
{
  assert_parse ("1万2,856", NULL, 12856);
  assert_parse ("1万2856", NULL, 12856);
  assert_parse ("１万２，８５６", NULL, 12856);
  assert_parse ("1億2000万", NULL, 120000000);
  assert_parse ("1億2,345万6,789", NULL, 123456789);
  assert_parse ("1億 2,345万 6,789", NULL, 123456789);
  assert_parse ("12万", NULL, 120000);
  assert_parse ("1.5万", NULL, 15000);
  assert_parse ("12,000万", NULL, 120000000);
  assert_parse ("1兆2,000億", NULL, 1.2e12);
  assert_parse ("1億1", NULL, 100000001);
  assert_parse ("1万0.5", NULL, 10000.5);
  assert_parse ("1万2,856人", "人", 12856);
  assert_parse ("15万名", "名", 150000);
}

static void
test_parse_scale_words (void)
{
  assert_parse ("10k", NULL, 10000);
  assert_parse ("2.5M", NULL, 2500000);
  assert_parse ("2.5 million", NULL, 2500000);
  assert_parse ("1.2bn", NULL, 1.2e9);
  assert_parse ("3 thousand", NULL, 3000);
  assert_parse ("1.5 million people", "人", 1500000);
  assert_parse ("12k people", "人", 12000);
}

static void
test_parse_units (void)
{
  assert_parse ("57自治体", "自治体", 57);
  assert_parse ("57 自治体", "自治体", 57);
  assert_parse ("57 municipalities", "自治体", 57);
  assert_parse ("1 municipality", "自治体", 1);
  assert_parse ("57 Municipalities", "自治体", 57);
  assert_parse ("20%", "%", 20);
  assert_parse ("20 %", "%", 20);
  assert_parse ("２０％", "%", 20);
  assert_parse ("20 percent", "%", 20);
  assert_parse ("300社", "社", 300);
  assert_parse ("300 companies", "社", 300);
  assert_parse ("1 company", "社", 1);
  assert_parse ("285件", "件", 285);
  assert_parse ("285 cases", "件", 285);
  assert_parse ("12名", "名", 12);
  assert_parse ("12人", "名", 12);
  assert_parse ("12 people", "名", 12);
  assert_parse ("12人", "人", 12);
  assert_parse ("12名", "人", 12);
  assert_parse ("1 person", "人", 1);
  assert_parse ("15事例", "事例", 15);
  assert_parse ("15件", "事例", 15);
  assert_parse ("15 cases", "事例", 15);
  assert_parse ("15 examples", "事例", 15);
  assert_parse ("10位", "位", 10);
  assert_parse ("10th", "位", 10);
  assert_parse ("1st", "位", 1);
  assert_parse ("22nd", "位", 22);
  assert_parse ("3rd", "位", 3);
  assert_parse ("rank 10", "位", 10);
  assert_parse ("Rank 8.5", "位", 8.5);
  assert_parse ("ＲＡＮＫ　５", "位", 5);
  assert_parse ("１０ｔｈ", "位", 10);
  assert_parse ("１２　ｐｅｏｐｌｅ", "人", 12);
  assert_parse ("3回", "回", 3);
  assert_parse ("3 回", "回", 3);
  /* A bare number is always in the KPI's unit. */
  assert_parse ("57", "自治体", 57);
  assert_parse ("10", "位", 10);
}

static void
test_parse_oku_yen (void)
{
  /* In 億 already. */
  assert_parse ("2174", "億円", 2174);
  assert_parse ("2,174", "億円", 2174);
  assert_parse ("2,174 億円", "億円", 2174);
  assert_parse ("2174 億", "億円", 2174);
  assert_parse ("0.5", "億円", 0.5);
  /* 万 alone groups the digits, as hubs_format_number() writes them. */
  assert_parse ("1万2,000", "億円", 12000);
  assert_parse ("1万", "億円", 10000);

  /* Yen, converted to 億. */
  assert_parse ("2,174億円", "億円", 2174);
  assert_parse ("２，１７４億円", "億円", 2174);
  assert_parse ("2174億", "億円", 2174);
  assert_parse ("1兆2,000億円", "億円", 12000);
  assert_parse ("1兆円", "億円", 10000);
  assert_parse ("5,000万円", "億円", 0.5);
  assert_parse ("1億2,000万", "億円", 1.2);
  assert_parse ("0.5億円", "億円", 0.5);
  assert_parse ("¥217.4 billion", "億円", 2174);
  assert_parse ("￥217.4 billion", "億円", 2174);
  assert_parse ("¥25.5bn", "億円", 255);
  assert_parse ("¥ 25.5 bn", "億円", 255);
  assert_parse ("217.4 billion yen", "億円", 2174);
  assert_parse ("217.4 billion", "億円", 2174);
  assert_parse ("¥100 million", "億円", 1);
  assert_parse ("¥50 million", "億円", 0.5);
  assert_parse ("¥500M", "億円", 5);
  assert_parse ("¥1.2 trillion", "億円", 12000);
  assert_parse ("¥1.2tn", "億円", 12000);
  assert_parse ("¥0", "億円", 0);
  assert_parse ("-¥3 billion", "億円", -30);
  assert_parse ("▲30億円", "億円", -30);
  assert_parse ("¥21.745 billion", "億円", 217.45);
  assert_parse ("¥100,000,000", "億円", 1);
  assert_parse ("100000000円", "億円", 1);
}

static void
test_parse_empty (void)
{
  const char *blank[] = { "", " ", "   ", "\u3000", " \u3000 \t" };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      assert_parse_error (blank[i], NULL, HUBS_FORMAT_ERROR_EMPTY, "No number was entered.");
      assert_parse_error (blank[i], "人", HUBS_FORMAT_ERROR_EMPTY, "No number was entered.");
    }
}

static void
test_parse_errors (void)
{
  const int INVALID = HUBS_FORMAT_ERROR_INVALID;

  /* Where the number breaks, counted in characters as a person counts them. */
  assert_parse_error ("12a4", NULL, INVALID,
                      "“12a4” is not a number: “a” at character 3 is not a digit.");
  assert_parse_error ("１２ａ４", "人", INVALID,
                      "“１２ａ４” is not a number: “ａ” at character 3 is not a digit.");
  assert_parse_error ("  12a4", NULL, INVALID,
                      "“  12a4” is not a number: “a” at character 5 is not a digit.");
  assert_parse_error ("a12", NULL, INVALID,
                      "“a12” is not a number: “a” at character 1 is not a digit.");
  assert_parse_error ("万", NULL, INVALID,
                      "“万” is not a number: “万” at character 1 is not a digit.");
  assert_parse_error ("12-3", NULL, INVALID,
                      "“12-3” is not a number: “-” at character 3 is not a digit.");
  assert_parse_error ("1e5", NULL, INVALID,
                      "“1e5” is not a number: “e” at character 2 is not a digit.");
  assert_parse_error ("--5", NULL, INVALID,
                      "“--5” is not a number: “-” at character 2 is not a digit.");
  assert_parse_error ("-", NULL, INVALID,
                      "“-” is not a number: a digit is missing after “-” at character 1.");
  assert_parse_error ("¥", "億円", INVALID,
                      "“¥” is not a number: a digit is missing after “¥” at character 1.");
  assert_parse_error ("1.", NULL, INVALID,
                      "“1.” is not a number: a digit is missing after “.” at character 2.");
  assert_parse_error ("1.x", NULL, INVALID,
                      "“1.x” is not a number: “x” at character 3 is not a digit.");
  assert_parse_error ("1.2.3", NULL, INVALID,
                      "“1.2.3” is not a number: “.” at character 4 is not a digit.");
  assert_parse_error ("1 234", NULL, INVALID,
                      "“1 234” is not a number: the space at character 2 splits it in two.");
  assert_parse_error ("12k4", NULL, INVALID,
                      "“12k4” is not a number: “k” at character 3 is not a digit.");

  /* Commas go between groups of three digits, nowhere else. */
  assert_parse_error ("1,2,3", NULL, INVALID,
                      "“1,2,3” is not a number: the comma at character 4 is misplaced; commas "
                      "separate groups of three digits, as in 12,345.");
  assert_parse_error ("12,34", NULL, INVALID,
                      "“12,34” is not a number: the comma at character 3 is misplaced; commas "
                      "separate groups of three digits, as in 12,345.");
  assert_parse_error ("1234,567", NULL, INVALID,
                      "“1234,567” is not a number: the comma at character 5 is misplaced; "
                      "commas separate groups of three digits, as in 12,345.");
  assert_parse_error ("1,,234", NULL, INVALID,
                      "“1,,234” is not a number: the comma at character 2 is misplaced; "
                      "commas separate groups of three digits, as in 12,345.");
  assert_parse_error ("1,", NULL, INVALID,
                      "“1,” is not a number: the comma at character 2 is misplaced; "
                      "commas separate groups of three digits, as in 12,345.");
  assert_parse_error ("1.234,5", NULL, INVALID,
                      "“1.234,5” is not a number: the comma at character 6 is misplaced; "
                      "commas separate groups of three digits, as in 12,345.");
  assert_parse_error (",123", NULL, INVALID,
                      "“,123” is not a number: “,” at character 1 is not a digit.");

  /* 万, 億 and 兆 */
  assert_parse_error ("1万2億", NULL, INVALID,
                      "“1万2億” is not a number: “億” at character 4 is out of order; "
                      "write 兆, then 億, then 万.");
  assert_parse_error ("1万12345", NULL, INVALID,
                      "“1万12345” is not a number: the digits at character 3 must be below "
                      "10,000 because they follow “万”.");
  assert_parse_error ("1.5万2000", NULL, INVALID,
                      "“1.5万2000” is not a number: only the last group may have decimals, "
                      "but there is a decimal point at character 2.");

  /* Words that are not this KPI's unit nor any unit. */
  assert_parse_error ("12 abc", "人", INVALID,
                      "“12 abc” is not a number: “abc” at character 4 is neither a digit nor "
                      "this KPI’s unit (人).");
  assert_parse_error ("12人a", "人", INVALID,
                      "“12人a” is not a number: “人a” at character 3 is neither a digit nor "
                      "this KPI’s unit (人).");

  /* Never NaN nor infinity, never an overflow. */
  assert_parse_error ("nan", NULL, INVALID, NULL);
  assert_parse_error ("NaN", NULL, INVALID, NULL);
  assert_parse_error ("inf", NULL, INVALID, NULL);
  assert_parse_error ("-infinity", NULL, INVALID, NULL);
  assert_parse_error ("1e999", NULL, INVALID, NULL);
  assert_parse_error ("123456789012345678901234567890", NULL, INVALID,
                      "“123456789012345678901234567890” has too many digits to be a figure.");
  assert_parse_error ("8.5th", "位", HUBS_FORMAT_ERROR_UNIT, NULL);

  /* Not UTF-8 */
  assert_parse_error ("12\xff", NULL, INVALID, "The text is not valid UTF-8.");
}

static void
test_parse_unit_errors (void)
{
  const int UNIT = HUBS_FORMAT_ERROR_UNIT;

  assert_parse_error ("12社", "人", UNIT, "“12社” does not match this KPI’s unit (人).");
  assert_parse_error ("12 companies", "人", UNIT,
                      "“12 companies” does not match this KPI’s unit (人).");
  assert_parse_error ("20%", "社", UNIT, "“20%” does not match this KPI’s unit (社).");
  assert_parse_error ("10位", "%", UNIT, "“10位” does not match this KPI’s unit (%).");
  assert_parse_error ("10th", "人", UNIT, "“10th” does not match this KPI’s unit (人).");
  assert_parse_error ("rank 10", "人", UNIT, "“rank 10” does not match this KPI’s unit (人).");
  assert_parse_error ("¥25.5bn", "社", UNIT, "“¥25.5bn” does not match this KPI’s unit (社).");
  assert_parse_error ("255億円", "件", UNIT, "“255億円” does not match this KPI’s unit (件).");
  assert_parse_error ("1000円", "人", UNIT, "“1000円” does not match this KPI’s unit (人).");
  assert_parse_error ("12 people", "事例", UNIT,
                      "“12 people” does not match this KPI’s unit (事例).");
  assert_parse_error ("12人", "回", UNIT, "“12人” does not match this KPI’s unit (回).");
  assert_parse_error ("12社", NULL, UNIT,
                      "“12社” has a unit, but a plain number is expected here.");
  assert_parse_error ("20 %", "", UNIT,
                      "“20 %” has a unit, but a plain number is expected here.");
}

/* Every figure a reader sees reads back to the value it shows, in both languages and every
 * unit: what a chart or an export writes, the import reads. */
static void
test_round_trip (void)
{
  const double values[] = {
    0, 1, 2, 3, 7, 10, 11, 12, 13, 21, 0.5, 0.25, 0.125, 0.01, 0.001, 1.5, 73.7, 99.9, 100,
    255, 285, 999, 1000, 2174, 9999, 10000, 10000.5, 12345, 12856, 12856.5, 99999, 100000,
    120000, 1234567, 12345678, 99999999, 100000000, 100000001, 123456789, 1e10, 1.2e11,
    1234567890123.0, 1e15, 0.1 + 0.2, 73.700000001, 1.0 / 3.0, 200.0 / 3.0, 2174.45,
    12000, 12000.5, 5e-5,
  };
  const HubsLanguage langs[] = { JA, EN };
  guint checked = 0;

  for (guint u = 0; all_units[u] != NULL; u++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        for (int sign = 1; sign >= -1; sign -= 2)
          {
            double value = sign * values[v];
            const char *unit = all_units[u];
            g_autofree char *plain = hubs_format_number_plain (value);
            g_autofree char *text = hubs_format_value (value, unit, langs[l]);
            g_autofree char *number = hubs_format_number (value, langs[l]);
            double shown = g_ascii_strtod (plain, NULL);

            assert_parse (text, unit, shown);
            assert_parse (number, NULL, shown);
            assert_parse (plain, unit, shown);
            /* A bare number in a 億円 field with 億 in it names yen; those only start at
             * 1億 億円, ten thousand trillion yen. */
            if (!g_str_equal (unit, "億円") || fabs (value) < 1e8)
              assert_parse (number, unit, shown);
            checked++;
          }

  g_assert_cmpuint (checked, ==, 10 * 2 * G_N_ELEMENTS (values) * 2);
}

/* Axis labels read back too, for the 1-2-5 ticks charts use. */
static void
test_axis_round_trip (void)
{
  const HubsLanguage langs[] = { JA, EN };
  const char *units[] = { "人", "億円", "%", NULL };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (double decade = 0.01; decade < 1e13; decade *= 10)
        for (guint s = 0; s < 3; s++)
          {
            const double steps[] = { 1, 2, 5 };
            g_autofree char *plain = hubs_format_number_plain (steps[s] * decade);
            g_autofree char *text = hubs_format_axis_value (steps[s] * decade, units[u],
                                                            langs[l]);

            assert_parse (text, units[u], g_ascii_strtod (plain, NULL));
          }
}

/* Compiles de_DE.UTF-8 into @dir when the system has no locale with a decimal comma
 * (Debian's containers ship only C.UTF-8). */
static gboolean
make_comma_locale (const char *dir)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", target, NULL };
  int status = 0;

  if (localedef == NULL
      || !g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  /* glibc reads LOCPATH on every setlocale(). */
  g_setenv ("LOCPATH", dir, TRUE);
  return TRUE;
}

/* Under a German C locale printf writes 73,7 and strtod stops at the point; Hubs does
 * neither. */
static void
test_c_locale_independent (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *dir = NULL;
  char printed[32];

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      dir = hubs_test_make_dir ();
      if (!make_comma_locale (dir) || setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
        {
          hubs_test_remove_dir (dir);
          g_unsetenv ("LOCPATH");
          g_test_skip ("no locale with a decimal comma could be installed or made");
          return;
        }
    }

  /* The locale really is one that would break printf. */
  g_snprintf (printed, sizeof printed, "%.1f", 73.7);
  g_assert_cmpstr (printed, ==, "73,7");

  assert_number (73.7, EN, "73.7");
  assert_number (12856.5, JA, "1万2,856.5");
  assert_number (1.0 / 3.0, EN, "0.33");
  assert_value (2174, "億円", EN, "¥217.4 billion");
  assert_axis (2.5e6, "人", EN, "2.5M");
  assert_parse ("73.7", NULL, 73.7);
  assert_parse ("¥25.5bn", "億円", 255);
  assert_parse ("1万2,856.5", NULL, 12856.5);

  setlocale (LC_NUMERIC, saved);
  if (dir != NULL)
    {
      hubs_test_remove_dir (dir);
      g_unsetenv ("LOCPATH");
    }
}

/* A KPI's own English word (funding deals), a figure the plan prints in another unit or in
 * none, marked and explained, and a figure's note and date in the reader's language. */
static void
test_kpi_and_figure_words (void)
{
  HubsKpi deals = { .unit = (char *) "件", .unit_en_one = (char *) "deal",
                    .unit_en = (char *) "deals", .qualifier = HUBS_QUALIFIER_AT_LEAST };
  HubsKpi people = { .unit = (char *) "名", .unit_en_one = (char *) "", .unit_en = (char *) "" };
  HubsKpi companies = { .unit = (char *) "社" };
  HubsFigure players = { .kind = HUBS_FIGURE_BASELINE, .value = 12856, .measured = TRUE,
                         .unit = (char *) "件" };
  HubsFigure unitless = { .kind = HUBS_FIGURE_TARGET, .value = 57, .measured = TRUE,
                          .unit = (char *) "" };
  HubsFigure plain = { .kind = HUBS_FIGURE_ACTUAL, .value = 1, .measured = TRUE };
  HubsFigure noted = { .note = (char *) "5年累計", .note_en = (char *) "five-year total" };
  HubsFigure japanese_only = { .note = (char *) "私のメモ" };
  HubsFigure typed_in_english = { .note = (char *) "from the city's survey" };
  struct { char *got; const char *want; } cases[] = {
    { hubs_format_kpi_value (&deals, 27, EN), "27 deals" },
    { hubs_format_kpi_value (&deals, 1, EN), "1 deal" },
    { hubs_format_kpi_value (&deals, 27, JA), "27件" },
    { hubs_format_kpi_target (&deals, 250, EN), "at least 250 deals" },
    { g_strdup (hubs_format_kpi_unit (&deals, EN)), "deals" },
    { g_strdup (hubs_format_kpi_unit (&deals, JA)), "件" },
    { g_strdup (hubs_format_kpi_unit (&people, EN)), "people" },
    { hubs_format_figure (&people, &players, JA), "1万2,856件※" },
    { hubs_format_figure (&people, &players, EN), "12,856 cases*" },
    { hubs_format_figure (&companies, &unitless, JA), "57※" },
    { hubs_format_figure (&companies, &unitless, EN), "57*" },
    { hubs_format_figure (&companies, &plain, EN), "1 company" },
    { hubs_format_figure_unit_note (&people, &players, EN),
      "* The plan prints this figure in cases; the KPI counts people." },
    { hubs_format_figure_unit_note (&companies, &unitless, EN),
      "* The plan prints this figure without a unit; companies assumed." },
    { hubs_format_as_of ("2025年1月1日時点", EN), "1 January 2025" },
    { hubs_format_as_of ("2025年1月1日時点", JA), "2025年1月1日時点" },
    { hubs_format_as_of ("end of the survey", EN), "end of the survey" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cases[i].got, ==, cases[i].want);
      g_free (cases[i].got);
    }

  g_assert_null (hubs_format_figure_unit_note (&companies, &plain, EN));
  g_assert_null (hubs_format_as_of ("年度末ごろ", EN));

  g_assert_cmpstr (hubs_format_figure_note (&noted, JA), ==, "5年累計");
  g_assert_cmpstr (hubs_format_figure_note (&noted, EN), ==, "five-year total");
  /* Never Japanese inside English text. */
  g_assert_null (hubs_format_figure_note (&japanese_only, EN));
  g_assert_cmpstr (hubs_format_figure_note (&japanese_only, JA), ==, "私のメモ");
  g_assert_cmpstr (hubs_format_figure_note (&typed_in_english, EN), ==,
                   "from the city's survey");

  g_assert_true (hubs_text_has_japanese ("5年累計"));
  g_assert_true (hubs_text_has_japanese ("※"));
  g_assert_true (hubs_text_has_japanese ("（注）"));
  g_assert_false (hubs_text_has_japanese ("FY2020–FY2024, ¥7.2 billion"));
  g_assert_false (hubs_text_has_japanese (NULL));
}

/* A moment the database keeps in UTC is the day where the reader is, written as people
 * write dates: late on 31 May in London is already 1 June in Fukuoka. */
static void
test_day (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  struct { const char *tz, *at, *ja, *en; } cases[] = {
    { "Asia/Tokyo", "2026-05-31T23:30:00.000Z", "2026年6月1日", "1 June 2026" },
    /* The day is Japan's wherever the reader's machine is set. */
    { "UTC", "2026-05-31T23:30:00.000Z", "2026年6月1日", "1 June 2026" },
    { "America/New_York", "2026-05-31T23:30:00.000Z", "2026年6月1日", "1 June 2026" },
    { "Asia/Tokyo", "2026-12-02T01:00:00Z", "2026年12月2日", "2 December 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ja = NULL;
      g_autofree char *en = NULL;

      g_setenv ("TZ", cases[i].tz, TRUE);
      ja = hubs_format_day (cases[i].at, HUBS_LANGUAGE_JA);
      en = hubs_format_day (cases[i].at, HUBS_LANGUAGE_EN);
      g_assert_cmpstr (ja, ==, cases[i].ja);
      g_assert_cmpstr (en, ==, cases[i].en);
    }

  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-12-02T01:05:30Z", NULL);
    g_autofree char *ja = NULL;
    g_autofree char *en = NULL;

    g_setenv ("TZ", "UTC", TRUE);
    ja = hubs_format_moment (when, HUBS_LANGUAGE_JA);
    en = hubs_format_moment (when, HUBS_LANGUAGE_EN);
    g_assert_cmpstr (ja, ==, "2026年12月2日 10:05");
    g_assert_cmpstr (en, ==, "2 December 2026, 10:05");
  }

  {
    g_autofree char *kept = hubs_format_day ("yesterday", HUBS_LANGUAGE_EN);
    g_autofree char *none = hubs_format_day (NULL, HUBS_LANGUAGE_JA);

    g_assert_cmpstr (kept, ==, "yesterday");
    g_assert_cmpstr (none, ==, "");
  }

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/format/language", test_language);
  g_test_add_func ("/hubs/format/fiscal-year", test_fiscal_year);
  g_test_add_func ("/hubs/format/number-ja", test_number_ja);
  g_test_add_func ("/hubs/format/number-en", test_number_en);
  g_test_add_func ("/hubs/format/number-noise", test_number_noise);
  g_test_add_func ("/hubs/format/number-plain", test_number_plain);
  g_test_add_func ("/hubs/format/value-plain-shortest", test_value_plain_shortest);
  g_test_add_func ("/hubs/format/parse-inexact-digits", test_parse_inexact_digits);
  g_test_add_func ("/hubs/format/unit", test_unit);
  g_test_add_func ("/hubs/format/value-ja", test_value_ja);
  g_test_add_func ("/hubs/format/value-en", test_value_en);
  g_test_add_func ("/hubs/format/target", test_target);
  g_test_add_func ("/hubs/format/axis", test_axis);
  g_test_add_func ("/hubs/format/parse-plain", test_parse_plain);
  g_test_add_func ("/hubs/format/parse-myriads", test_parse_myriads);
  g_test_add_func ("/hubs/format/parse-scale-words", test_parse_scale_words);
  g_test_add_func ("/hubs/format/parse-units", test_parse_units);
  g_test_add_func ("/hubs/format/parse-oku-yen", test_parse_oku_yen);
  g_test_add_func ("/hubs/format/parse-empty", test_parse_empty);
  g_test_add_func ("/hubs/format/parse-errors", test_parse_errors);
  g_test_add_func ("/hubs/format/parse-unit-errors", test_parse_unit_errors);
  g_test_add_func ("/hubs/format/round-trip", test_round_trip);
  g_test_add_func ("/hubs/format/axis-round-trip", test_axis_round_trip);
  g_test_add_func ("/hubs/format/c-locale-independent", test_c_locale_independent);
  g_test_add_func ("/hubs/format/kpi-and-figure-words", test_kpi_and_figure_words);
  g_test_add_func ("/hubs/format/day", test_day);

  return g_test_run ();
}
