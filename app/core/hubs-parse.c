/* hubs-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers and fiscal years as people type them: "1,234", full-width "１２３４", "1万2,856",
 * "73.7", "217.4 billion yen", a trailing unit in either language. The text is read into an
 * exact decimal (an integer mantissa and a power of ten) and converted to a double only at
 * the end, so "217.4 billion yen" becomes exactly 2174 (億円) and not 2174.0000000000002;
 * what a double cannot hold exactly is refused rather than rounded. The units and their
 * spellings are hubs-format.c's.
 */

#define G_LOG_DOMAIN "hubs-parse"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hubs-format-private.h"

/* Full-width forms (U+FF01 to U+FF5E) are the ASCII ones shifted; U+3000 is the full-width
 * space, U+FFE5 the full-width yen sign, U+2212 the minus sign. */
static gunichar
normalize_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0xFFE5)
    return 0xA5;
  if (c == 0x2212)
    return '-';
  if (g_unichar_isspace (c) || c == 0x3000)
    return ' ';
  return c;
}

/* Returns a newly allocated, normalized copy of @text without leading and trailing spaces. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, normalize_char (g_utf8_get_char (p)));

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * hubs_parse_fiscal_year:
 * @text: what the user typed: "2025", "2025年度", "FY2025", "FY 2025", "令和7年度" or "R7",
 *   in half- or full-width characters
 * @year: (out): the calendar year the fiscal year starts in
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %HUBS_FORMAT_ERROR_EMPTY for blank text or
 *   %HUBS_FORMAT_ERROR_INVALID for anything else
 */
gboolean
hubs_parse_fiscal_year (const char  *text,
                        int         *year,
                        GError     **error)
{
  g_autofree char *norm = NULL;
  const char *p;
  const char *digits;
  gboolean reiwa = FALSE;
  guint64 number = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  norm = normalize_text (text);
  if (*norm == '\0')
    {
      g_set_error_literal (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_EMPTY,
                           _("No fiscal year was entered."));
      return FALSE;
    }

  p = norm;
  if (g_ascii_strncasecmp (p, "FY", 2) == 0)
    p += 2;
  else if (g_str_has_prefix (p, "令和"))
    {
      p += strlen ("令和");
      reiwa = TRUE;
    }
  else if (*p == 'R' || *p == 'r')
    {
      p += 1;
      reiwa = TRUE;
    }
  while (*p == ' ')
    p++;

  digits = p;
  while (g_ascii_isdigit (*p) && p - digits < 5)
    number = number * 10 + (guint64) (*p++ - '0');
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "年度"))
    p += strlen ("年度");

  if (p == digits || *p != '\0' || (reiwa && (number < 1 || number > 200))
      || (!reiwa && (number < 1900 || number > 2200)))
    {
      g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                   /* Translators: %1$s is what the user typed as a fiscal year. Keep the
                    * examples as they are. */
                   _("“%1$s” is not a fiscal year; write it as 2025, 2025年度 or FY2025."),
                   text);
      return FALSE;
    }

  /* 令和 1 is 2019. */
  *year = reiwa ? (int) number + 2018 : (int) number;
  return TRUE;
}

/* One character of the input: as typed (for messages) and normalized (for parsing). */
typedef struct
{
  gunichar orig;
  gunichar c;
} InputChar;

typedef struct
{
  const char *text;        /* as given, for messages */
  const char *unit;        /* the KPI's unit, or NULL */
  InputChar  *chars;
  guint       n_chars;
  guint       pos;         /* index of the next character */
} Parser;

/* An exact decimal: mantissa × 10^exponent. */
typedef struct
{
  guint64 mantissa;
  int     exponent;
} Decimal;

/* Mantissas stay below 10^18 while reading, so that digits can always be appended. */
#define MAX_MANTISSA G_GUINT64_CONSTANT (1000000000000000000)

static gboolean
scale_up (guint64 *mantissa,
          int      times)
{
  for (int i = 0; i < times; i++)
    if (!g_uint64_checked_mul (mantissa, *mantissa, 10))
      return FALSE;
  return TRUE;
}

static gboolean
decimal_add (Decimal       *acc,
             const Decimal *term)
{
  Decimal a = *acc;
  Decimal b = *term;
  int exponent = MIN (a.exponent, b.exponent);

  if (a.mantissa == 0)
    {
      *acc = b;
      return TRUE;
    }

  if (!scale_up (&a.mantissa, a.exponent - exponent)
      || !scale_up (&b.mantissa, b.exponent - exponent)
      || !g_uint64_checked_add (&acc->mantissa, a.mantissa, b.mantissa))
    return FALSE;

  acc->exponent = exponent;
  return TRUE;
}

static char *
char_to_string (gunichar c)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

static char *
parser_slice (Parser *p,
              guint   start,
              guint   end)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    g_string_append_unichar (out, p->chars[i].orig);

  return g_string_free (out, FALSE);
}

static gboolean
parser_at_end (Parser *p)
{
  return p->pos >= p->n_chars;
}

static gunichar
parser_peek (Parser *p)
{
  return parser_at_end (p) ? 0 : p->chars[p->pos].c;
}

static void
parser_skip_spaces (Parser *p)
{
  while (parser_peek (p) == ' ')
    p->pos++;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Character positions in messages count from 1, like a person does. */
static gboolean
fail_not_digit (Parser  *p,
                guint    index,
                GError **error)
{
  g_autofree char *ch = NULL;

  if (index >= p->n_chars)
    {
      g_autofree char *prev = char_to_string (p->chars[p->n_chars - 1].orig);

      g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                   /* Translators: %1$s is what the user typed, %2$s its last character and
                    * %3$u that character's position, counting from 1. */
                   _("“%1$s” is not a number: a digit is missing after “%2$s” at character %3$u."),
                   p->text, prev, p->n_chars);
      return FALSE;
    }

  if (p->chars[index].c == ' ')
    {
      g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                   /* Translators: %1$s is what the user typed and %2$u the position of a
                    * space in it, counting from 1. */
                   _("“%1$s” is not a number: the space at character %2$u splits it in two."),
                   p->text, index + 1);
      return FALSE;
    }

  ch = char_to_string (p->chars[index].orig);
  g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
               /* Translators: %1$s is what the user typed, %2$s one character of it and %3$u
                * that character's position, counting from 1. */
               _("“%1$s” is not a number: “%2$s” at character %3$u is not a digit."),
               p->text, ch, index + 1);
  return FALSE;
}

static gboolean
fail_misplaced_comma (Parser  *p,
                      guint    index,
                      GError **error)
{
  g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
               /* Translators: %1$s is what the user typed and %2$u the position of a comma in
                * it, counting from 1. */
               _("“%1$s” is not a number: the comma at character %2$u is misplaced; commas "
                 "separate groups of three digits, as in 12,345."),
               p->text, index + 1);
  return FALSE;
}

static gboolean
fail_too_many_digits (Parser  *p,
                      GError **error)
{
  g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
               /* Translators: %1$s is what the user typed. */
               _("“%1$s” has too many digits to be a figure."),
               p->text);
  return FALSE;
}

/* Whether the double @result holds exactly the digits of @decimal, so nothing typed is
 * rounded away: always for 15 significant digits or fewer; for 16 to 18, only when the
 * double written with that many digits gives them back (9007199254740992 does,
 * 9007199254740993 does not). */
static gboolean
digits_are_exact (const Decimal *decimal,
                  double         result)
{
  char typed[32];
  char stored[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  guint64 mantissa = decimal->mantissa;
  guint n_digits;
  guint n = 0;

  while (mantissa != 0 && mantissa % 10 == 0)
    mantissa /= 10;
  n_digits = g_snprintf (typed, sizeof typed, "%" G_GUINT64_FORMAT, mantissa);
  if (n_digits <= 15)
    return TRUE;

  g_snprintf (format, sizeof format, "%%.%ue", n_digits - 1);
  g_ascii_formatd (stored, sizeof stored, format, fabs (result));
  for (const char *c = stored; *c != '\0' && *c != 'e'; c++)
    if (g_ascii_isdigit (*c))
      {
        if (n >= n_digits || *c != typed[n])
          return FALSE;
        n++;
      }

  return n == n_digits;
}

static gboolean
fail_inexact (Parser  *p,
              double   result,
              GError **error)
{
  g_autofree char *stored = hubs_format_number_exact (result);

  g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
               /* Translators: %1$s is what the user typed, %2$s the number it would be
                * stored as. */
               _("“%1$s” has too many digits to be stored exactly: it would become %2$s. "
                 "Give at most 15 significant digits."),
               p->text, stored);
  return FALSE;
}

/* Reads digits with optional thousands commas and an optional fraction: "12,345.67", ".5".
 * Commas must sit between groups of exactly three digits of the integer part; anything else
 * ("1,2,3", "12,34", "1234,567", "1.234,5") is rejected, so no reading is ever guessed. */
static gboolean
parse_term (Parser   *p,
            Decimal  *term,
            guint    *int_digits,
            gboolean *has_fraction,
            GError  **error)
{
  guint64 mantissa = 0;
  int exponent = 0;
  guint n_int = 0;        /* significant integer digits */
  guint run = 0;          /* digits since the last comma or the start */
  gint last_comma = -1;   /* index of the last comma seen */
  gboolean any_digit = FALSE;

  if (!is_digit (parser_peek (p))
      && !(parser_peek (p) == '.' && p->pos + 1 < p->n_chars
           && is_digit (p->chars[p->pos + 1].c)))
    return fail_not_digit (p, p->pos, error);

  for (;;)
    {
      gunichar c = parser_peek (p);

      if (is_digit (c))
        {
          if (mantissa >= MAX_MANTISSA / 10)
            return fail_too_many_digits (p, error);
          mantissa = mantissa * 10 + (c - '0');
          if (mantissa > 0)
            n_int++;
          run++;
          any_digit = TRUE;
          p->pos++;
        }
      else if (c == ',')
        {
          if (run == 0 || run > 3 || (last_comma >= 0 && run != 3)
              || p->pos + 1 >= p->n_chars || !is_digit (p->chars[p->pos + 1].c))
            return fail_misplaced_comma (p, p->pos, error);
          last_comma = (gint) p->pos;
          run = 0;
          p->pos++;
        }
      else
        break;
    }

  if (last_comma >= 0 && run != 3)
    return fail_misplaced_comma (p, last_comma, error);

  *has_fraction = FALSE;
  if (parser_peek (p) == '.')
    {
      p->pos++;
      if (!is_digit (parser_peek (p)))
        return fail_not_digit (p, p->pos, error);
      while (is_digit (parser_peek (p)))
        {
          if (mantissa >= MAX_MANTISSA / 10)
            return fail_too_many_digits (p, error);
          mantissa = mantissa * 10 + (parser_peek (p) - '0');
          exponent--;
          p->pos++;
        }
      if (parser_peek (p) == ',')
        return fail_misplaced_comma (p, p->pos, error);
      *has_fraction = TRUE;
    }

  g_assert (any_digit || *has_fraction);

  term->mantissa = mantissa;
  term->exponent = exponent;
  *int_digits = n_int;
  return TRUE;
}

/* 万, 億, 兆, 京 and 垓 as powers of ten, or 0. */
static int
myriad_exponent (gunichar c)
{
  switch (c)
    {
    case 0x4E07: /* 万 */
      return 4;
    case 0x5104: /* 億 */
      return 8;
    case 0x5146: /* 兆 */
      return 12;
    case 0x4EAC: /* 京 */
      return 16;
    case 0x5793: /* 垓 */
      return 20;
    default:
      return 0;
    }
}

/* Reads "1億2,345万6,789", "12万", "1.5万" or a plain "12,856". Groups after the first must be
 * below 10,000 and the names must go down (兆, 億, 万); only the last group may have a
 * fraction. @top_myriad is set to the power of ten of the first name (12, 8 or 4), or 0. */
static gboolean
parse_body (Parser   *p,
            Decimal  *value,
            int      *top_myriad,
            GError  **error)
{
  int previous = G_MAXINT;
  guint previous_pos = 0;
  gboolean first = TRUE;

  value->mantissa = 0;
  value->exponent = 0;
  *top_myriad = 0;

  for (;;)
    {
      Decimal term;
      guint term_start = p->pos;
      guint int_digits;
      gboolean has_fraction;
      int myriad;

      if (!parse_term (p, &term, &int_digits, &has_fraction, error))
        return FALSE;

      if (!first && int_digits > 4)
        {
          g_autofree char *name = char_to_string (p->chars[previous_pos].orig);

          g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                       /* Translators: %1$s is what the user typed, %2$u a position in it
                        * (counting from 1) and %3$s the unit before it, 万, 億 or 兆. */
                       _("“%1$s” is not a number: the digits at character %2$u must be below "
                         "10,000 because they follow “%3$s”."),
                       p->text, term_start + 1, name);
          return FALSE;
        }

      myriad = myriad_exponent (parser_peek (p));
      if (myriad > 0)
        {
          if (myriad >= previous)
            {
              g_autofree char *name = char_to_string (p->chars[p->pos].orig);

              g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                           /* Translators: %1$s is what the user typed, %2$s one of 万, 億 or
                            * 兆 and %3$u its position, counting from 1. */
                           _("“%1$s” is not a number: “%2$s” at character %3$u is out of "
                             "order; write 兆, then 億, then 万."),
                           p->text, name, p->pos + 1);
              return FALSE;
            }
          previous = myriad;
          previous_pos = p->pos;
          term.exponent += myriad;
          *top_myriad = MAX (*top_myriad, myriad);
          p->pos++;
        }

      if (!decimal_add (value, &term))
        return fail_too_many_digits (p, error);

      if (myriad == 0)
        return TRUE;

      /* Spaces between groups are fine: "1億 2,000万". */
      {
        guint after = p->pos;

        parser_skip_spaces (p);
        if (!is_digit (parser_peek (p)) && parser_peek (p) != '.')
          {
            p->pos = after;
            return TRUE;
          }
      }

      if (has_fraction)
        {
          guint i;

          for (i = term_start; p->chars[i].c != '.'; i++)
            ;
          g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                       /* Translators: %1$s is what the user typed and %2$u the position of a
                        * decimal point in it, counting from 1. */
                       _("“%1$s” is not a number: only the last group may have decimals, but "
                         "there is a decimal point at character %2$u."),
                       p->text, i + 1);
          return FALSE;
        }

      first = FALSE;
    }
}

typedef struct
{
  const char *word;
  int         exponent;
} ScaleWord;

static const ScaleWord scale_words[] = {
  { "thousand", 3 }, { "k", 3 },
  { "million", 6 }, { "mn", 6 }, { "m", 6 },
  { "billion", 9 }, { "bn", 9 },
  { "trillion", 12 }, { "tn", 12 },
};

/* Reads an English scale word after the number ("217.4 billion", "25.5bn", "10k"), or
 * nothing. Returns its power of ten, or 0. */
static int
parse_scale_word (Parser *p)
{
  guint start = p->pos;
  guint end;
  g_autofree char *word = NULL;
  g_autofree char *lower = NULL;

  parser_skip_spaces (p);
  end = p->pos;
  while (end < p->n_chars && p->chars[end].c < 0x80 && g_ascii_isalpha (p->chars[end].c))
    end++;

  if (end > p->pos && (end == p->n_chars || !g_unichar_isalpha (p->chars[end].c)))
    {
      GString *s = g_string_new (NULL);

      for (guint i = p->pos; i < end; i++)
        g_string_append_c (s, (char) p->chars[i].c);
      word = g_string_free (s, FALSE);
      lower = g_ascii_strdown (word, -1);

      for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
        if (g_str_equal (lower, scale_words[i].word))
          {
            p->pos = end;
            return scale_words[i].exponent;
          }
    }

  p->pos = start;
  return 0;
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

static gboolean
fail_unit (Parser  *p,
           GError **error)
{
  if (p->unit == NULL || *p->unit == '\0')
    g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_UNIT,
                 /* Translators: %1$s is what the user typed. */
                 _("“%1$s” has a unit, but a plain number is expected here."),
                 p->text);
  else
    g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_UNIT,
                 /* Translators: %1$s is what the user typed and %2$s the unit of the KPI as
                  * published, such as 人 or 億円. */
                 _("“%1$s” does not match this KPI’s unit (%2$s)."),
                 p->text, p->unit);
  return FALSE;
}

typedef enum
{
  SUFFIX_NONE,     /* no unit was typed */
  SUFFIX_UNIT,     /* the KPI's own unit (for 億円: a number of 億) */
  SUFFIX_YEN,      /* 円 or yen: the number is an amount of yen */
  SUFFIX_ORDINAL,  /* st, nd, rd, th after a rank */
} SuffixKind;

/* Reads what follows the number, which must be the KPI's unit in one of its spellings. */
static gboolean
parse_suffix (Parser     *p,
              SuffixKind *kind,
              GError    **error)
{
  g_autofree char *suffix = NULL;
  g_autofree char *lower = NULL;
  const UnitInfo *info = _hubs_format_unit_info_lookup (p->unit);
  guint start;
  gboolean wordlike = TRUE;
  GString *s;

  parser_skip_spaces (p);
  start = p->pos;
  *kind = SUFFIX_NONE;
  if (parser_at_end (p))
    return TRUE;

  s = g_string_new (NULL);
  for (guint i = start; i < p->n_chars; i++)
    {
      gunichar c = p->chars[i].c;

      g_string_append_unichar (s, c);
      if (!(g_unichar_isalpha (c) || c == '%' || (c == ' ' && i > start)))
        wordlike = FALSE;
    }
  suffix = g_string_free (s, FALSE);
  lower = g_ascii_strdown (suffix, -1);
  p->pos = p->n_chars;

  if (g_str_equal (lower, "円") || g_str_equal (lower, "yen"))
    {
      *kind = SUFFIX_YEN;
      return unit_is (p->unit, UNIT_OKU_YEN) ? TRUE : fail_unit (p, error);
    }

  if (unit_is (p->unit, UNIT_RANK) && strv_contains (_hubs_format_ordinal_suffixes, lower))
    {
      *kind = SUFFIX_ORDINAL;
      return TRUE;
    }

  if ((info != NULL && strv_contains (info->accepted, lower))
      || (info == NULL && p->unit != NULL && *p->unit != '\0' && g_str_equal (suffix, p->unit)))
    {
      *kind = SUFFIX_UNIT;
      return TRUE;
    }

  if (_hubs_format_is_unit_word (lower))
    return fail_unit (p, error);

  if (wordlike && p->unit != NULL && *p->unit != '\0')
    {
      g_autofree char *typed = parser_slice (p, start, p->n_chars);

      g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                   /* Translators: %1$s is what the user typed, %2$s the part after the
                    * number, %3$u its position (counting from 1) and %4$s the KPI's unit. */
                   _("“%1$s” is not a number: “%2$s” at character %3$u is neither a digit nor "
                     "this KPI’s unit (%4$s)."),
                   p->text, typed, start + 1, p->unit);
      return FALSE;
    }

  /* Point at the first character that breaks the number: a space before more digits, or
   * whatever follows the digits. */
  g_assert (start > 0);
  if (p->chars[start - 1].c == ' ' || is_digit (p->chars[start].c))
    return fail_not_digit (p, start - 1, error);
  return fail_not_digit (p, start, error);
}

/* Reads @word (ASCII, lower case) in any case and width, followed by a space or a digit. */
static gboolean
parser_match_word (Parser     *p,
                   const char *word)
{
  gsize len = strlen (word);
  gunichar next;

  if (p->pos + len > p->n_chars)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gunichar c = p->chars[p->pos + i].c;

      if (c >= 0x80 || g_ascii_tolower ((char) c) != word[i])
        return FALSE;
    }

  next = p->pos + len < p->n_chars ? p->chars[p->pos + len].c : 0;
  if (next != ' ' && !is_digit (next) && next != '-' && next != '.')
    return FALSE;

  p->pos += len;
  return TRUE;
}

/* Reads a sign: -, − and the accounting ▲ and △ for negative, + for positive. */
static gboolean
parse_sign (Parser   *p,
            gboolean *negative)
{
  switch (parser_peek (p))
    {
    case '-':
    case 0x25B2: /* ▲ */
    case 0x25B3: /* △ */
      *negative = TRUE;
      break;
    case '+':
      break;
    default:
      return FALSE;
    }

  p->pos++;
  parser_skip_spaces (p);
  return TRUE;
}

/**
 * hubs_parse_number:
 * @text: what the user typed
 * @unit: (nullable): the KPI's unit as published, or %NULL for a plain number
 * @value: (out): the number in the KPI's unit
 * @error: return location for a #GError
 *
 * Reads a figure as people type it, in Japanese or English:
 *
 * - digits in half or full width ("1234", "１２３４"), thousands commas ("1,234", "１，２３４")
 *   between groups of exactly three digits (any other comma is an error), a decimal point
 *   ("73.7", "７３．７"; "1.234" is one point two three four);
 * - 万, 億 and 兆 ("1万2,856", "1億2000万", "12万", "1.5万"), from the largest down;
 * - English scale words after the number: thousand/k, million/mn/m, billion/bn, trillion/tn;
 * - a sign in front: -, −, ▲ or △ (Japanese accounting) for negative, + for positive;
 * - the KPI's unit after the number, in Japanese or English ("57自治体", "57 municipalities",
 *   "20 %", "12 people"; 名 and 人, 件 and 事例 stand for each other); for ranks also "10th"
 *   and "rank 10";
 * - for 億円, a number followed by 億円, or with neither unit nor 億/兆 ("2174", "1万2,000"), is
 *   in 億; yen written with ¥, 円, yen, a scale word, 億 or 兆 is converted: "2,174億円",
 *   "2174億", "1兆2,000億円", "¥217.4 billion", "¥25.5bn" and "5,000万円" give 2174, 2174,
 *   12000, 2174, 255 and 0.5 (but "5000万" alone is 5000万 億: write the 円);
 * - spaces (also U+3000) around the text, between the number and the unit and between 万/億
 *   groups.
 *
 * Everything else fails with %HUBS_FORMAT_ERROR_INVALID and a message that says what is wrong
 * and at which character. A unit that belongs to another KPI fails with
 * %HUBS_FORMAT_ERROR_UNIT. Blank text fails with %HUBS_FORMAT_ERROR_EMPTY, which callers read
 * as "no figure". hubs_parse_number() never returns NaN or infinity.
 *
 * Returns: %TRUE when @value was set
 */
gboolean
hubs_parse_number (const char  *text,
                   const char  *unit,
                   double      *value,
                   GError     **error)
{
  g_autofree InputChar *chars = NULL;
  g_autofree char *number = NULL;
  Parser parser = { 0 };
  Parser *p = &parser;
  Decimal decimal;
  gboolean negative = FALSE;
  gboolean has_sign;
  gboolean yen = FALSE;
  gboolean rank_prefix = FALSE;
  int top_myriad;
  SuffixKind suffix;
  glong n_chars;
  guint i = 0;
  double result;
  int scale = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  n_chars = g_utf8_strlen (text, -1);
  chars = g_new0 (InputChar, n_chars + 1);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c), i++)
    {
      chars[i].orig = g_utf8_get_char (c);
      chars[i].c = normalize_char (chars[i].orig);
    }

  p->text = text;
  p->unit = unit;
  p->chars = chars;
  p->n_chars = (guint) n_chars;

  /* Trailing spaces go; leading ones are skipped, so positions still count from the start. */
  while (p->n_chars > 0 && p->chars[p->n_chars - 1].c == ' ')
    p->n_chars--;
  parser_skip_spaces (p);

  if (parser_at_end (p))
    {
      g_set_error_literal (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_EMPTY,
                           _("No number was entered."));
      return FALSE;
    }

  has_sign = parse_sign (p, &negative);

  if (parser_peek (p) == 0xA5) /* ¥ */
    {
      yen = TRUE;
      p->pos++;
      parser_skip_spaces (p);
    }
  else if (parser_match_word (p, "rank"))
    {
      rank_prefix = TRUE;
      parser_skip_spaces (p);
      /* hubs_format_value() writes "rank -1". */
      if (!has_sign)
        parse_sign (p, &negative);
    }

  if (parser_at_end (p))
    return fail_not_digit (p, p->pos, error);

  if (!parse_body (p, &decimal, &top_myriad, error))
    return FALSE;

  if (top_myriad == 0)
    scale = parse_scale_word (p);

  if (!parse_suffix (p, &suffix, error))
    return FALSE;

  if (rank_prefix && (!unit_is (unit, UNIT_RANK) || suffix != SUFFIX_NONE))
    return fail_unit (p, error);
  if (yen && !unit_is (unit, UNIT_OKU_YEN))
    return fail_unit (p, error);
  if (suffix == SUFFIX_ORDINAL && decimal.exponent < 0)
    {
      /* An ordinal needs a whole number: "8.5th" is not a rank anyone writes. */
      Decimal whole = decimal;

      while (whole.exponent < 0 && whole.mantissa % 10 == 0)
        {
          whole.mantissa /= 10;
          whole.exponent++;
        }
      if (whole.exponent < 0)
        return fail_unit (p, error);
    }

  decimal.exponent += scale;

  /* For 億円, an amount of yen ("¥217.4 billion", "2,174億円", "5,000万円", "1兆2,000億") is
   * converted to 億. A number without ¥, 円, yen, a scale word, 億 or 兆 is already in 億, so
   * that 12,000 written by hubs_format_number() as "1万2,000" reads back as 12,000 and not as
   * 1万2,000円; 億 or 兆 in it can only name yen (2,174億 億円 is no amount anyone means). */
  if (unit_is (unit, UNIT_OKU_YEN)
      && (yen || suffix == SUFFIX_YEN
          || (suffix == SUFFIX_NONE && (top_myriad >= 8 || scale > 0))))
    decimal.exponent -= 8;

  number = g_strdup_printf ("%s%" G_GUINT64_FORMAT "e%d", negative ? "-" : "",
                            decimal.mantissa, decimal.exponent);
  result = g_ascii_strtod (number, NULL);
  if (!isfinite (result))
    return fail_too_many_digits (p, error);
  if (!digits_are_exact (&decimal, result))
    return fail_inexact (p, result, error);

  /* No negative zero: "-0" is 0. */
  *value = decimal.mantissa == 0 ? 0.0 : result;
  return TRUE;
}

/**
 * hubs_parse_as_of:
 * @text: a date or a date and time: 2026-05-31, 2026年5月31日, 2026-05-31T09:30, or
 *   ISO 8601 with a time zone
 * @when: (out) (transfer full): the moment
 * @error: a location for a #GError
 *
 * Reads the moment a view "as of" shows. A date alone means the end of that day; a time
 * without a zone is Japan's, where the plan's offices are.
 *
 * Returns: %TRUE on success
 */
gboolean
hubs_parse_as_of (const char  *text,
                  GDateTime  **when,
                  GError     **error)
{
  g_autoptr(GTimeZone) tokyo = hubs_time_zone_japan ();
  g_autofree char *norm = NULL;
  int y, m, d, end = 0;

  g_return_val_if_fail (text != NULL && when != NULL, FALSE);

  norm = g_strstrip (normalize_text (text));

  if ((sscanf (norm, "%d-%d-%d%n", &y, &m, &d, &end) == 3 ||
       sscanf (norm, "%d年%d月%d日%n", &y, &m, &d, &end) == 3) &&
      norm[end] == '\0')
    *when = g_date_time_new (tokyo, y, m, d, 23, 59, 59.999);
  else
    *when = g_date_time_new_from_iso8601 (norm, tokyo);

  if (*when == NULL)
    {
      g_set_error (error, HUBS_FORMAT_ERROR, HUBS_FORMAT_ERROR_INVALID,
                   /* Translators: %s is what was given */
                   _("“%s” is not a date; write it as 2026-05-31, or with a time as "
                     "2026-05-31T17:00."), text);
      return FALSE;
    }

  return TRUE;
}
