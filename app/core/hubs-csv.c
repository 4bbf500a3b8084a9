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

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
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
 * that has any. It reads a stream a chunk at a time and hands out one record at a time, so a
 * file of any size takes the memory of its longest record, not of the whole file. */

/* How many bytes the reader asks the stream for at once. */
#define READ_CHUNK (64 * 1024)

typedef enum
{
  DECODE_START,      /* nothing read yet: look for a byte order mark */
  DECODE_UNDECIDED,  /* UTF-8 so far, and ASCII only: may still turn out to be CP932 */
  DECODE_UTF8,       /* UTF-8 with non-ASCII text, or after a byte order mark */
  DECODE_CP932,
} DecodeMode;

struct _HubsCsvReader
{
  GInputStream    *stream;
  HubsCsvEncoding  encoding;
  DecodeMode       mode;

  /* Decoded text not handed out yet, from @pos; bytes read but not decoded yet. */
  GString         *text;
  gsize            pos;
  GByteArray      *raw;
  GIConv           iconv;
  gboolean         eof;           /* no more text comes: the stream ended or is undecodable */
  gboolean         stream_done;
  char            *decode_problem;  /* why decoding stopped, reported after the last record */
  gboolean         undecodable;
  GError          *read_error;

  guint            line;
  HubsCsvRecord    record;
  GArray          *fields;        /* (element-type HubsCsvField): of @record */
  GString         *field;
  GString         *record_text;   /* the texts of @fields, each ended by a zero byte */
  GPtrArray       *problems;
  GPtrArray       *pending;       /* problems of the record being read */
};

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
add_problem (HubsCsvReader *reader,
             guint          line,
             guint          column,
             const char    *message)
{
  g_ptr_array_add (reader->pending, hubs_csv_problem_new (line, column, message));
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
parse_field (HubsCsvReader *reader,
             const char    *text,
             gsize          len,
             gsize         *pos,
             guint         *line,
             guint          column,
             GString       *field)
{
  g_string_truncate (field, 0);

  if (*pos < len && text[*pos] == '"')
    {
      guint quote_line = *line;

      (*pos)++;
      for (;;)
        {
          const char *stop;

          if (*pos >= len)
            {
              add_problem (reader, quote_line, column,
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
            {
              g_string_append_c (field, '\n');
              continue;
            }

          /* The plain run up to the next quote or line break, at once. */
          for (stop = text + *pos; stop < text + len && *stop != '"' && *stop != '\r' &&
               *stop != '\n'; stop++)
            ;
          g_string_append_len (field, text + *pos, stop - (text + *pos));
          *pos = stop - text;
        }

      if (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
        {
          add_problem (reader, *line, column,
                       _("Text follows the closing quote of a quoted field. Put the whole "
                         "field in quotes and write each quote inside it twice."));
          while (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
            g_string_append_c (field, text[(*pos)++]);
        }

      return;
    }

  {
    gsize start = *pos;

    while (*pos < len && text[*pos] != ',' && text[*pos] != '\r' && text[*pos] != '\n')
      (*pos)++;

    if (memchr (text + start, '"', *pos - start) != NULL)
      add_problem (reader, *line, column,
                   _("A quote appears inside a field that does not start with one. "
                     "Put the whole field in quotes and write each quote inside it "
                     "twice."));
    g_string_append_len (field, text + start, *pos - start);
  }
}

/* Whether the @len bytes at @p can start a UTF-8 character that the next bytes complete. */
static gboolean
is_utf8_prefix (const guint8 *p,
                gsize         len)
{
  gsize need;

  if (len == 0 || len > 3)
    return FALSE;

  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    need = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    need = 3;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    need = 4;
  else
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if ((p[i] & 0xC0) != 0x80)
      return FALSE;

  return len < need;
}

static void
stop_decoding (HubsCsvReader *reader,
               const char    *message)
{
  reader->undecodable = TRUE;
  reader->eof = TRUE;
  g_free (reader->decode_problem);
  reader->decode_problem = g_strdup (message);
  g_byte_array_set_size (reader->raw, 0);
}

/* Converts the CP932 bytes waiting in @raw, keeping a character cut at the end for later. */
static void
decode_cp932 (HubsCsvReader *reader)
{
  gchar *in = (gchar *) reader->raw->data;
  gsize in_left = reader->raw->len;

  if (reader->iconv == (GIConv) -1 &&
      (reader->iconv = g_iconv_open ("UTF-8", "CP932")) == (GIConv) -1)
    {
      stop_decoding (reader, _("The text on this line is neither UTF-8 nor Shift_JIS (CP932). "
                               "Save the file as “CSV UTF-8” and import it again."));
      return;
    }

  while (in_left > 0)
    {
      char buf[16 * 1024];
      gchar *out = buf;
      gsize out_left = sizeof buf;
      gsize rc = g_iconv (reader->iconv, &in, &in_left, &out, &out_left);
      int errsv = errno;
      const char *nul;

      /* CP932 maps a zero byte to U+0000, which no text field may hold. */
      if ((nul = memchr (buf, '\0', out - buf)) != NULL)
        {
          g_string_append_len (reader->text, buf, nul - buf);
          stop_decoding (reader, _("This line holds a zero byte: the file is not a text file."));
          return;
        }
      g_string_append_len (reader->text, buf, out - buf);

      if (rc != (gsize) -1)
        continue;
      if (errsv == E2BIG)
        continue;
      if (errsv == EINVAL && !reader->stream_done)
        break;

      stop_decoding (reader, _("The text on this line is neither UTF-8 nor Shift_JIS (CP932). "
                               "Save the file as “CSV UTF-8” and import it again."));
      return;
    }

  g_byte_array_remove_range (reader->raw, 0, reader->raw->len - in_left);
}

/* Decodes what waits in @raw into @text, as far as it can be. */
static void
decode (HubsCsvReader *reader)
{
  const guint8 *data;
  gsize len;
  const char *end = NULL;
  gsize valid;

  if (reader->mode == DECODE_START)
    {
      if (reader->raw->len < 3 && !reader->stream_done)
        return;
      if (reader->raw->len >= 3 && memcmp (reader->raw->data, HUBS_CSV_UTF8_BOM, 3) == 0)
        {
          g_byte_array_remove_range (reader->raw, 0, 3);
          reader->encoding = HUBS_CSV_ENCODING_UTF8_BOM;
          reader->mode = DECODE_UTF8;
        }
      else
        reader->mode = DECODE_UNDECIDED;
    }

  if (reader->mode == DECODE_CP932)
    {
      decode_cp932 (reader);
      return;
    }

  data = reader->raw->data;
  len = reader->raw->len;
  if (g_utf8_validate_len ((const char *) data, len, &end))
    valid = len;
  else
    valid = (const guint8 *) end - data;

  if (reader->mode == DECODE_UNDECIDED)
    {
      gsize ascii = 0;

      while (ascii < valid && data[ascii] < 0x80)
        ascii++;
      if (ascii < valid)
        reader->mode = DECODE_UTF8;
      else if (valid < len && data[valid] != '\0' &&
               !(is_utf8_prefix (data + valid, len - valid) && !reader->stream_done))
        {
          /* ASCII up to bytes that are not UTF-8: Japanese Excel saves “CSV (comma
           * delimited)” as CP932, which ASCII is part of. */
          reader->mode = DECODE_CP932;
          reader->encoding = HUBS_CSV_ENCODING_CP932;
          decode_cp932 (reader);
          return;
        }
    }

  g_string_append_len (reader->text, (const char *) data, valid);

  if (valid < len && data[valid] == '\0')
    stop_decoding (reader, _("This line holds a zero byte: the file is not a text file."));
  else if (valid < len && (reader->stream_done || !is_utf8_prefix (data + valid, len - valid)))
    {
      if (reader->encoding == HUBS_CSV_ENCODING_UTF8_BOM)
        stop_decoding (reader, _("The file says it is UTF-8 but this line holds bytes that are "
                                 "not UTF-8. Save the file again as “CSV UTF-8” and import it "
                                 "again."));
      else
        stop_decoding (reader, _("The text on this line is neither UTF-8 nor Shift_JIS "
                                 "(CP932). Save the file as “CSV UTF-8” and import it "
                                 "again."));
    }
  else
    g_byte_array_remove_range (reader->raw, 0, valid);
}

/* Reads at least @want more bytes (or to the end) and decodes them. */
static void
fill (HubsCsvReader *reader,
      gsize          want)
{
  gsize got = 0;

  /* What was handed out already is not needed any more. */
  if (reader->pos > 0)
    {
      g_string_erase (reader->text, 0, reader->pos);
      reader->pos = 0;
    }

  while (!reader->eof && (got < want || reader->text->len == 0))
    {
      guint8 buf[READ_CHUNK];
      gssize n = 0;

      if (!reader->stream_done)
        {
          n = g_input_stream_read (reader->stream, buf, sizeof buf, NULL,
                                   &reader->read_error);
          if (n < 0)
            {
              reader->eof = TRUE;
              return;
            }
          if (n == 0)
            reader->stream_done = TRUE;
          g_byte_array_append (reader->raw, buf, n);
          got += n;
        }

      decode (reader);

      if (reader->stream_done && !reader->undecodable)
        {
          if (reader->raw->len > 0)
            decode (reader);
          reader->eof = TRUE;
        }
    }
}

/**
 * hubs_csv_reader_new:
 * @stream: the bytes of a CSV file
 *
 * A reader of a CSV file that hands out one record at a time (see hubs_csv_reader_next()):
 * RFC 4180 records with quoted fields, doubled quotes and line breaks inside quotes; CRLF,
 * LF or CR line ends; UTF-8 with or without a byte order mark, or Shift_JIS (CP932) when the
 * bytes are not UTF-8. Shift_JIS is converted a chunk at a time as it is read; a file that
 * starts as UTF-8 and turns to other bytes after non-ASCII text is undecodable.
 *
 * Returns: (transfer full): the reader
 */
HubsCsvReader *
hubs_csv_reader_new (GInputStream *stream)
{
  HubsCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = g_new0 (HubsCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->encoding = HUBS_CSV_ENCODING_UTF8;
  reader->mode = DECODE_START;
  reader->text = g_string_sized_new (2 * READ_CHUNK);
  reader->raw = g_byte_array_new ();
  reader->iconv = (GIConv) -1;
  reader->line = 1;
  reader->fields = g_array_new (FALSE, TRUE, sizeof (HubsCsvField));
  reader->field = g_string_new (NULL);
  reader->record_text = g_string_new (NULL);
  reader->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_csv_problem_free);
  reader->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) hubs_csv_problem_free);

  return reader;
}

/**
 * hubs_csv_reader_free:
 * @reader: (nullable): a reader
 */
void
hubs_csv_reader_free (HubsCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_object_unref (reader->stream);
  g_string_free (reader->text, TRUE);
  g_byte_array_unref (reader->raw);
  if (reader->iconv != (GIConv) -1)
    g_iconv_close (reader->iconv);
  g_free (reader->decode_problem);
  g_clear_error (&reader->read_error);
  g_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_string_free (reader->record_text, TRUE);
  g_ptr_array_unref (reader->problems);
  g_ptr_array_unref (reader->pending);
  g_free (reader);
}

/* Parses one record from @pos. Returns FALSE, changing nothing, when the text read so far
 * ends inside it. */
static gboolean
parse_record (HubsCsvReader *reader)
{
  const char *text = reader->text->str;
  gsize len = reader->text->len;
  gsize pos = reader->pos;
  guint line = reader->line;
  gboolean ended_by_break = FALSE;

  g_array_set_size (reader->fields, 0);
  g_ptr_array_set_size (reader->pending, 0);
  g_string_truncate (reader->record_text, 0);

  for (;;)
    {
      /* The text's offset in @record_text until the record is complete. */
      HubsCsvField f = { GSIZE_TO_POINTER (reader->record_text->len), line,
                         reader->fields->len + 1 };

      parse_field (reader, text, len, &pos, &line, f.column, reader->field);
      g_string_append_len (reader->record_text, reader->field->str, reader->field->len + 1);
      g_array_append_val (reader->fields, f);

      if (pos < len && text[pos] == ',')
        {
          pos++;
          continue;
        }

      ended_by_break = skip_line_break (text, len, &pos, &line);
      break;
    }

  /* A CR at the end of what was read may be the first half of a CRLF. */
  if (!reader->eof && (!ended_by_break || (pos >= len && text[pos - 1] == '\r')))
    {
      g_array_set_size (reader->fields, 0);
      g_ptr_array_set_size (reader->pending, 0);
      return FALSE;
    }

  for (guint i = 0; i < reader->fields->len; i++)
    {
      HubsCsvField *f = &g_array_index (reader->fields, HubsCsvField, i);

      f->text = reader->record_text->str + GPOINTER_TO_SIZE (f->text);
    }

  reader->record.line = reader->line;
  reader->record.n_fields = reader->fields->len;
  reader->record.fields = (HubsCsvField *) (void *) reader->fields->data;
  reader->pos = pos;
  reader->line = line;

  for (guint i = 0; i < reader->pending->len; i++)
    g_ptr_array_add (reader->problems, g_steal_pointer (&reader->pending->pdata[i]));
  g_ptr_array_set_size (reader->pending, 0);

  return TRUE;
}

/**
 * hubs_csv_reader_next:
 * @reader: a reader
 * @error: a location for a #GError
 *
 * Reads the next record. Problems in the file do not fail this function: each is added to
 * hubs_csv_reader_get_problems() as it is found, and what could be read is in the records.
 * A file that cannot be decoded ends where its text stops being readable, with a problem
 * there.
 *
 * Returns: (transfer none) (nullable): the record, valid until the next call, or %NULL at
 *   the end of the file or when the stream could not be read (@error set)
 */
const HubsCsvRecord *
hubs_csv_reader_next (HubsCsvReader  *reader,
                      GError        **error)
{
  g_return_val_if_fail (reader != NULL, NULL);

  for (;;)
    {
      if (reader->pos >= reader->text->len && !reader->eof)
        fill (reader, READ_CHUNK);

      if (reader->read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&reader->read_error));
          return NULL;
        }

      if (reader->pos >= reader->text->len && reader->eof)
        break;

      if (parse_record (reader))
        return &reader->record;

      /* The record goes on past what was read: read as much again, so that a record of any
       * length is parsed a few times, not once per chunk. */
      fill (reader, MAX (READ_CHUNK, reader->text->len - reader->pos));
    }

  if (reader->decode_problem != NULL)
    {
      guint column = 1;

      /* Where the text stopped: in the last field of the last record, unless that record
       * ended with its line break. */
      if (reader->text->len > 0 && reader->text->str[reader->text->len - 1] != '\n' &&
          reader->text->str[reader->text->len - 1] != '\r' && reader->record.n_fields > 0)
        {
          const HubsCsvField *last = &reader->record.fields[reader->record.n_fields - 1];

          g_ptr_array_add (reader->problems,
                           hubs_csv_problem_new (last->line, last->column,
                                                 reader->decode_problem));
        }
      else
        g_ptr_array_add (reader->problems,
                         hubs_csv_problem_new (reader->line, column, reader->decode_problem));
      g_clear_pointer (&reader->decode_problem, g_free);
    }

  return NULL;
}

/**
 * hubs_csv_reader_get_problems:
 * @reader: a reader
 *
 * Returns: (transfer none) (element-type HubsCsvProblem): the problems found so far, in the
 *   order of the file
 */
GPtrArray *
hubs_csv_reader_get_problems (HubsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->problems;
}

/**
 * hubs_csv_reader_get_encoding:
 * @reader: a reader
 *
 * Returns: the encoding of what was read so far
 */
HubsCsvEncoding
hubs_csv_reader_get_encoding (HubsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, HUBS_CSV_ENCODING_UTF8);

  return reader->encoding;
}

/**
 * hubs_csv_reader_is_undecodable:
 * @reader: a reader
 *
 * Returns: %TRUE when the file holds bytes that are neither UTF-8 nor Shift_JIS, or a zero
 *   byte, so reading stopped there
 */
gboolean
hubs_csv_reader_is_undecodable (HubsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->undecodable;
}

/**
 * hubs_csv_table_new_from_data:
 * @data: (array length=len): the bytes of a CSV file
 * @len: how many bytes
 *
 * Reads a whole CSV file with a #HubsCsvReader into memory.
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
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HubsCsvReader) reader = NULL;
  const HubsCsvRecord *record;

  table->records = g_array_new (FALSE, TRUE, sizeof (HubsCsvRecord));
  g_array_set_clear_func (table->records, record_clear);
  table->encoding = HUBS_CSV_ENCODING_UTF8;

  g_return_val_if_fail (data != NULL || len == 0, table);

  stream = g_memory_input_stream_new_from_data (data, len, NULL);
  reader = hubs_csv_reader_new (stream);

  while ((record = hubs_csv_reader_next (reader, NULL)) != NULL)
    {
      HubsCsvRecord copy = { record->line, record->n_fields, NULL };

      copy.fields = g_memdup2 (record->fields, record->n_fields * sizeof (HubsCsvField));
      for (guint i = 0; i < copy.n_fields; i++)
        copy.fields[i].text = g_strdup (record->fields[i].text);
      g_array_append_val (table->records, copy);
    }

  table->encoding = hubs_csv_reader_get_encoding (reader);
  table->problems = g_ptr_array_ref (hubs_csv_reader_get_problems (reader));
  if (hubs_csv_reader_is_undecodable (reader))
    g_array_set_size (table->records, 0);

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
