/* hubs-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled inside. And CSV as people hand it over:
 * UTF-8 with or without a byte order mark or Shift_JIS from Japanese Excel, any line ends,
 * each problem noted with its line and column.
 */

#define G_LOG_DOMAIN "hubs-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hubs-csv.h"

/**
 * hubs_csv_append_field:
 * @line: the line being written
 * @field: (nullable): the field's text; %NULL writes an empty field
 *
 * Appends one field, quoted when it needs to be. Does not add the separator.
 */
void
hubs_csv_append_field (GString    *line,
                       const char *field)
{
  g_return_if_fail (line != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
static gboolean
is_formula_start (char c)
{
  return c != '\0' && strchr ("=+-@\t\r", c) != NULL;
}

/* Whether @text is quotes followed by a formula start: "=1", "'=1", "''+1". */
static gboolean
needs_defusing (const char *text)
{
  while (*text == '\'')
    text++;

  return is_formula_start (*text);
}

/**
 * hubs_csv_defuse_text:
 * @text: (nullable): a text cell (a name, a note), never a number
 *
 * Makes a text cell safe to open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be run as a formula, so it gets a leading `'`, which
 * spreadsheets read as "this is text". Text that already starts with quotes before such a
 * character gets one more, so that hubs_csv_restore_text() gives back exactly @text.
 *
 * Returns: (transfer full) (nullable): the text to write, %NULL for %NULL
 */
char *
hubs_csv_defuse_text (const char *text)
{
  if (text == NULL)
    return NULL;

  if (needs_defusing (text))
    return g_strconcat ("'", text, NULL);

  return g_strdup (text);
}

/**
 * hubs_csv_restore_text:
 * @text: a text cell as read from a file
 *
 * Undoes hubs_csv_defuse_text(): drops the one leading `'` it adds before a formula start.
 *
 * Returns: (transfer none): @text, or @text without its first character
 */
const char *
hubs_csv_restore_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] == '\'' && needs_defusing (text + 1))
    return text + 1;

  return text;
}

/**
 * hubs_csv_append_row:
 * @out: the text being written
 * @fields: (array length=n_fields): the fields, %NULL for empty ones
 * @n_fields: how many fields
 *
 * Appends one record and its CRLF line end.
 */
void
hubs_csv_append_row (GString            *out,
                     const char * const *fields,
                     guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      hubs_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}

/* Reading. The reader never stops at the first problem: it notes each one with its line and
 * column, reads on the way a spreadsheet would, and leaves it to the caller to refuse a file
 * that has any. */

struct _HubsCsvTable
{
  GArray          *records;
  GPtrArray       *problems;
  HubsCsvEncoding  encoding;
};

/**
 * hubs_csv_problem_new:
 * @line: the line, from 1
 * @column: the column, from 1
 * @message: what is wrong
 *
 * Returns: (transfer full): a new problem
 */
HubsCsvProblem *
hubs_csv_problem_new (guint       line,
                      guint       column,
                      const char *message)
{
  HubsCsvProblem *problem = g_new0 (HubsCsvProblem, 1);

  g_return_val_if_fail (message != NULL, problem);

  problem->line = line;
  problem->column = column;
  problem->message = g_strdup (message);

  return problem;
}

/**
 * hubs_csv_problem_free:
 * @problem: (nullable): a problem
 */
void
hubs_csv_problem_free (HubsCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

static void
record_clear (gpointer data)
{
  HubsCsvRecord *record = data;

  for (guint i = 0; i < record->n_fields; i++)
    g_free (record->fields[i].text);
  g_clear_pointer (&record->fields, g_free);
}

static void
add_problem (HubsCsvTable *table,
             guint         line,
             guint         column,
             const char   *message)
{
  g_ptr_array_add (table->problems, hubs_csv_problem_new (line, column, message));
}

/* Consumes a line break at text[*pos] (CRLF, LF or a lone CR) and counts it. Returns FALSE
 * when there is none. */
static gboolean
skip_line_break (const char *text,
                 gsize       len,
                 gsize      *pos,
                 guint      *line)
{
  if (*pos < len && text[*pos] == '\r')
    {
      (*pos)++;
      if (*pos < len && text[*pos] == '\n')
        (*pos)++;
      (*line)++;
      return TRUE;
    }

  if (*pos < len && text[*pos] == '\n')
    {
      (*pos)++;
      (*line)++;
      return TRUE;
    }

  return FALSE;
}

/* Reads one field starting at text[*pos] into @field, leaving *pos on the separator, the
 * line break or the end. */
static void
parse_field (HubsCsvTable *table,
             const char   *text,
             gsize         len,
             gsize        *pos,
             guint        *line,
             guint         column,
             GString      *field)
{
  g_string_truncate (field, 0);

  if (*pos < len && text[*pos] == '"')
    {
      guint quote_line = *line;

      (*pos)++;
      for (;;)
        {
          if (*pos >= len)
            {
              add_problem (table, quote_line, column,
                           _("The quoted field that starts here has no closing quote, so "
                             "the rest of the file was read into it."));
              return;
            }

          if (text[*pos] == '"')
            {
              if (*pos + 1 < len && text[*pos + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  *pos += 2;
                  continue;
                }
              (*pos)++;
              break;
            }

          /* Line breaks inside a field read as LF whatever the file uses. */
          if (skip_line_break (text, len, pos, line))
            g_string_append_c (field, '\n');
          else
            g_string_append_c (field, text[(*pos)++]);
        }

      if (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
        {
          add_problem (table, *line, column,
                       _("Text follows the closing quote of a quoted field. Put the whole "
                         "field in quotes and write each quote inside it twice."));
          while (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
            g_string_append_c (field, text[(*pos)++]);
        }

      return;
    }

  {
    gboolean reported_quote = FALSE;

    while (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
      {
        if (text[*pos] == '"' && !reported_quote)
          {
            add_problem (table, *line, column,
                         _("A quote appears inside a field that does not start with one. "
                           "Put the whole field in quotes and write each quote inside it "
                           "twice."));
            reported_quote = TRUE;
          }
        g_string_append_c (field, text[(*pos)++]);
      }
  }
}

static void
parse_records (HubsCsvTable *table,
               const char   *text,
               gsize         len)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gsize pos = 0;
  guint line = 1;

  while (pos < len)
    {
      g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (HubsCsvField));
      HubsCsvRecord record = { line, 0, NULL };

      for (;;)
        {
          HubsCsvField f = { NULL, line, fields->len + 1 };

          parse_field (table, text, len, &pos, &line, f.column, field);
          f.text = g_strndup (field->str, field->len);
          g_array_append_val (fields, f);

          if (pos < len && text[pos] == ',')
            {
              pos++;
              continue;
            }

          skip_line_break (text, len, &pos, &line);
          break;
        }

      record.n_fields = fields->len;
      record.fields = (HubsCsvField *) (void *) g_array_free (g_steal_pointer (&fields), FALSE);
      g_array_append_val (table->records, record);
    }
}

/* The line and column of byte @offset of @text, read as CSV up to there. */
static void
locate_offset (const char *text,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gboolean quoted = FALSE;

  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (text[i] == ',' && !quoted)
        (*column)++;
      else if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
        {
          (*line)++;
          if (!quoted)
            *column = 1;
        }
    }
}

/* Decodes @data to UTF-8 text. Returns %NULL after noting a problem when it cannot. */
static char *
decode (HubsCsvTable *table,
        const char   *data,
        gsize         len,
        gsize        *out_len)
{
  const char *utf8_end = NULL;
  g_autofree char *converted = NULL;
  const char *nul;
  gsize bytes_written = 0;
  guint line, column;

  if (len >= 3 && memcmp (data, HUBS_CSV_UTF8_BOM, 3) == 0)
    {
      table->encoding = HUBS_CSV_ENCODING_UTF8_BOM;
      data += 3;
      len -= 3;

      if (!g_utf8_validate_len (data, len, &utf8_end))
        {
          locate_offset (data, utf8_end - data, &line, &column);
          add_problem (table, line, column,
                       _("The file says it is UTF-8 but this line holds bytes that are not "
                         "UTF-8. Save the file again as “CSV UTF-8” and import it again."));
          return NULL;
        }

      *out_len = len;
      return g_strndup (data, len);
    }

  if (g_utf8_validate_len (data, len, &utf8_end))
    {
      table->encoding = HUBS_CSV_ENCODING_UTF8;
      *out_len = len;
      return g_strndup (data, len);
    }

  /* Not UTF-8: Japanese Excel saves “CSV (comma delimited)” as CP932. */
  converted = g_convert (data, len, "UTF-8", "CP932", NULL, &bytes_written, NULL);
  if (converted == NULL)
    {
      locate_offset (data, utf8_end - data, &line, &column);
      add_problem (table, line, column,
                   _("The text on this line is neither UTF-8 nor Shift_JIS (CP932). Save "
                     "the file as “CSV UTF-8” and import it again."));
      return NULL;
    }

  /* CP932 maps a zero byte to U+0000, which no text field may hold. */
  if ((nul = memchr (converted, '\0', bytes_written)) != NULL)
    {
      locate_offset (converted, nul - converted, &line, &column);
      add_problem (table, line, column,
                   _("This line holds a zero byte: the file is not a text file."));
      return NULL;
    }

  table->encoding = HUBS_CSV_ENCODING_CP932;
  *out_len = bytes_written;
  return g_steal_pointer (&converted);
}

/**
 * hubs_csv_table_new_from_data:
 * @data: (array length=len): the bytes of a CSV file
 * @len: how many bytes
 *
 * Reads a CSV file: RFC 4180 records with quoted fields, doubled quotes and line breaks
 * inside quotes; CRLF, LF or CR line ends; UTF-8 with or without a byte order mark, or
 * Shift_JIS (CP932) when the bytes are not valid UTF-8.
 *
 * Reading never fails: every problem (bad encoding, a stray or missing quote) is noted with
 * its line and column in hubs_csv_table_get_problems(), and what could be read is in the
 * records. A file that cannot be decoded has no records. The reader does not require every
 * record to have the same number of fields; that is for the caller to judge.
 *
 * Returns: (transfer full): the table
 */
HubsCsvTable *
hubs_csv_table_new_from_data (const char *data,
                              gsize       len)
{
  HubsCsvTable *table = g_new0 (HubsCsvTable, 1);
  g_autofree char *text = NULL;
  gsize text_len = 0;

  table->records = g_array_new (FALSE, TRUE, sizeof (HubsCsvRecord));
  g_array_set_clear_func (table->records, record_clear);
  table->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_csv_problem_free);
  table->encoding = HUBS_CSV_ENCODING_UTF8;

  g_return_val_if_fail (data != NULL || len == 0, table);

  if (len == 0)
    return table;

  if ((text = decode (table, data, len, &text_len)) != NULL)
    parse_records (table, text, text_len);

  return table;
}

/**
 * hubs_csv_table_free:
 * @table: (nullable): a table
 */
void
hubs_csv_table_free (HubsCsvTable *table)
{
  if (table == NULL)
    return;

  g_array_unref (table->records);
  g_ptr_array_unref (table->problems);
  g_free (table);
}

/**
 * hubs_csv_table_get_encoding:
 * @table: a table
 *
 * Returns: the encoding the file was read in
 */
HubsCsvEncoding
hubs_csv_table_get_encoding (HubsCsvTable *table)
{
  g_return_val_if_fail (table != NULL, HUBS_CSV_ENCODING_UTF8);

  return table->encoding;
}

/**
 * hubs_csv_table_get_n_records:
 * @table: a table
 *
 * Returns: the number of records, the header included
 */
guint
hubs_csv_table_get_n_records (HubsCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->records->len;
}

/**
 * hubs_csv_table_get_record:
 * @table: a table
 * @index: a record's index, from 0
 *
 * Returns: (transfer none): the record
 */
const HubsCsvRecord *
hubs_csv_table_get_record (HubsCsvTable *table,
                           guint         index)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->records->len, NULL);

  return &g_array_index (table->records, HubsCsvRecord, index);
}

/**
 * hubs_csv_table_get_problems:
 * @table: a table
 *
 * Returns: (transfer none) (element-type HubsCsvProblem): the problems found while reading,
 *   in the order of the file
 */
GPtrArray *
hubs_csv_table_get_problems (HubsCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->problems;
}

/**
 * hubs_csv_encoding_get_label:
 * @encoding: an encoding
 *
 * Returns: the encoding's name as a person reads it, translated
 */
const char *
hubs_csv_encoding_get_label (HubsCsvEncoding encoding)
{
  switch (encoding)
    {
    case HUBS_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case HUBS_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte order mark");
    case HUBS_CSV_ENCODING_CP932:
      return _("Shift_JIS (CP932)");
    default:
      g_return_val_if_reached (NULL);
    }
}
