/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader: RFC 4180 as Excel and people write it, in the encodings Japanese offices
 * use, with every problem placed by line and column.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hubs-csv.h"

static HubsCsvTable *
read_text (const char *text)
{
  return hubs_csv_table_new_from_data (text, strlen (text));
}

static void
assert_field (HubsCsvTable *table,
              guint         record,
              guint         column,
              const char   *text,
              guint         line)
{
  const HubsCsvRecord *r = hubs_csv_table_get_record (table, record);
  const HubsCsvField *f;

  g_assert_cmpuint (column, >=, 1);
  g_assert_cmpuint (column, <=, r->n_fields);
  f = &r->fields[column - 1];
  g_assert_cmpstr (f->text, ==, text);
  g_assert_cmpuint (f->line, ==, line);
  g_assert_cmpuint (f->column, ==, column);
}

static void
assert_one_problem (HubsCsvTable *table,
                    guint         line,
                    guint         column)
{
  GPtrArray *problems = hubs_csv_table_get_problems (table);
  const HubsCsvProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->message, !=, "");
}

static void
test_plain (void)
{
  g_autoptr(HubsCsvTable) table = read_text ("a,b,c\r\n1,,3\r\n");

  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  g_assert_cmpint (hubs_csv_table_get_encoding (table), ==, HUBS_CSV_ENCODING_UTF8);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 2);
  g_assert_cmpuint (hubs_csv_table_get_record (table, 1)->n_fields, ==, 3);
  g_assert_cmpuint (hubs_csv_table_get_record (table, 1)->line, ==, 2);
  assert_field (table, 0, 3, "c", 1);
  assert_field (table, 1, 2, "", 2);
  assert_field (table, 1, 3, "3", 2);
}

static void
test_line_ends (void)
{
  const char *texts[] = { "a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\nc,d" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(HubsCsvTable) table = read_text (texts[i]);

      g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
      g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 2);
      assert_field (table, 0, 2, "b", 1);
      assert_field (table, 1, 1, "c", 2);
      assert_field (table, 1, 2, "d", 2);
    }
}

static void
test_quoted (void)
{
  /* A note with a comma, a doubled quote and two line breaks (CRLF and LF) pushes the next
   * record to line 4. */
  g_autoptr(HubsCsvTable) table =
    read_text ("id,note\r\n"
               "x,\"1,234 \"\"社\"\"\r\nsecond\nthird\"\r\n"
               "y,\"\"\r\n");

  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 3);
  assert_field (table, 1, 2, "1,234 \"社\"\nsecond\nthird", 2);
  assert_field (table, 2, 1, "y", 5);
  assert_field (table, 2, 2, "", 5);
  g_assert_cmpuint (hubs_csv_table_get_record (table, 2)->line, ==, 5);
}

static void
test_trailing_separator (void)
{
  g_autoptr(HubsCsvTable) table = read_text ("a,b,\n,\n");

  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 2);
  g_assert_cmpuint (hubs_csv_table_get_record (table, 0)->n_fields, ==, 3);
  g_assert_cmpuint (hubs_csv_table_get_record (table, 1)->n_fields, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(HubsCsvTable) table = hubs_csv_table_new_from_data ("", 0);
  g_autoptr(HubsCsvTable) bom_only = read_text (HUBS_CSV_UTF8_BOM);

  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 0);
  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  g_assert_cmpuint (hubs_csv_table_get_n_records (bom_only), ==, 0);
  g_assert_cmpint (hubs_csv_table_get_encoding (bom_only), ==, HUBS_CSV_ENCODING_UTF8_BOM);
}

static void
test_bom (void)
{
  g_autoptr(HubsCsvTable) table = read_text (HUBS_CSV_UTF8_BOM "hub_id,値\r\ntokyo,12\r\n");

  g_assert_cmpint (hubs_csv_table_get_encoding (table), ==, HUBS_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  /* The mark is not part of the first header. */
  assert_field (table, 0, 1, "hub_id", 1);
  assert_field (table, 0, 2, "値", 1);
}

static void
test_cp932 (void)
{
  const char *utf8 = "拠点都市,2025年度\r\n札幌,\"1,234社\"\r\n～①,x\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *sjis = NULL;
  gsize len = 0;
  g_autoptr(HubsCsvTable) table = NULL;

  /* CP932, not plain Shift_JIS: Excel writes its extra characters (～, ①). */
  sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (sjis, len, NULL));

  table = hubs_csv_table_new_from_data (sjis, len);
  g_assert_cmpint (hubs_csv_table_get_encoding (table), ==, HUBS_CSV_ENCODING_CP932);
  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 3);
  assert_field (table, 0, 1, "拠点都市", 1);
  assert_field (table, 0, 2, "2025年度", 1);
  assert_field (table, 1, 2, "1,234社", 2);
  assert_field (table, 2, 1, "～①", 3);
}

static void
test_bad_bytes (void)
{
  /* 0x80 is neither UTF-8 nor a CP932 lead byte. */
  g_autoptr(HubsCsvTable) table = read_text ("a,b\r\nc,d\x80\x80\r\n");

  assert_one_problem (table, 2, 2);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 0);
}

static void
test_bad_bytes_after_bom (void)
{
  g_autoptr(HubsCsvTable) table = read_text (HUBS_CSV_UTF8_BOM "a,b\n\"x\ny\",\xff\n");

  /* The quoted field spans lines 2 and 3; the bad byte is in column 2 on line 3. */
  assert_one_problem (table, 3, 2);
}

static void
test_zero_byte (void)
{
  const char data[] = "a,b\r\n\x82\xa0,\0\r\n";
  g_autoptr(HubsCsvTable) table = hubs_csv_table_new_from_data (data, sizeof data - 1);

  assert_one_problem (table, 2, 2);
}

static void
test_unterminated_quote (void)
{
  g_autoptr(HubsCsvTable) table = read_text ("a,b\r\nc,\"open\r\nmore,1\r\n");

  assert_one_problem (table, 2, 2);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 2);
  assert_field (table, 1, 2, "open\nmore,1\n", 2);
}

static void
test_stray_quote (void)
{
  g_autoptr(HubsCsvTable) table = read_text ("a,b,c\r\n1,12\"3,4\r\n");

  assert_one_problem (table, 2, 2);
  assert_field (table, 1, 2, "12\"3", 2);
  assert_field (table, 1, 3, "4", 2);
}

static void
test_text_after_quote (void)
{
  g_autoptr(HubsCsvTable) table = read_text ("a,b\r\n\"x\"y,z\r\n");

  assert_one_problem (table, 2, 1);
  assert_field (table, 1, 1, "xy", 2);
  assert_field (table, 1, 2, "z", 2);
}

static void
test_writer_round_trip (void)
{
  const char *fields[] = { "plain", "with,comma", "with \"quote\"", "two\r\nlines", NULL,
                           "東京" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HubsCsvTable) table = NULL;
  const HubsCsvRecord *record;

  hubs_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  hubs_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  table = hubs_csv_table_new_from_data (out->str, out->len);

  g_assert_cmpuint (hubs_csv_table_get_problems (table)->len, ==, 0);
  g_assert_cmpuint (hubs_csv_table_get_n_records (table), ==, 2);
  record = hubs_csv_table_get_record (table, 1);
  g_assert_cmpuint (record->n_fields, ==, G_N_ELEMENTS (fields));
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpstr (record->fields[1].text, ==, "with,comma");
  g_assert_cmpstr (record->fields[2].text, ==, "with \"quote\"");
  g_assert_cmpstr (record->fields[3].text, ==, "two\nlines");
  g_assert_cmpstr (record->fields[4].text, ==, "");
  g_assert_cmpstr (record->fields[5].text, ==, "東京");
}

/* OWASP's CSV injection: text that a spreadsheet would run gets a leading ', and the reader's
 * side gives back exactly what was written. */
static void
test_defuse_formulas (void)
{
  struct { const char *text; const char *written; } cases[] = {
    { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" }, { "+1", "'+1" }, { "-x", "'-x" },
    { "@SUM(A1)", "'@SUM(A1)" }, { "\tTab", "'\tTab" }, { "\rCR", "'\rCR" },
    { "'=already", "''=already" }, { "札幌", "札幌" }, { "it's", "it's" }, { "'", "'" },
    { "", "" }, { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = hubs_csv_defuse_text (cases[i].text);

      g_assert_cmpstr (written, ==, cases[i].written);
      g_assert_cmpstr (hubs_csv_restore_text (written), ==, cases[i].text);
    }

  g_assert_null (hubs_csv_defuse_text (NULL));
  /* Text a person wrote with a quote of their own before a letter stays as it is. */
  g_assert_cmpstr (hubs_csv_restore_text ("'abc"), ==, "'abc");
}

/* A file read in chunks: characters, CRLFs, doubled quotes and records cut at every
 * possible place between two chunks read back as they were written. */
static void
test_stream_chunks (void)
{
  const char *encodings[] = { "UTF-8", "CP932" };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(GString) utf8 = g_string_new ("拠点都市,値,備考\r\n");
      g_autoptr(GString) long_field = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(HubsCsvReader) reader = NULL;
      g_autofree char *data = NULL;
      const HubsCsvRecord *record;
      gsize len = 0;
      guint n = 0;

      for (guint i = 0; i < 200000; i++)
        g_string_append_c (long_field, 'a' + i % 26);
      for (guint i = 0; i < 30000; i++)
        g_string_append_printf (utf8, "札幌%u,\"1,%03u社\",\"「引用」\"\"x\"\"\"\r\n", i, i % 1000);
      g_string_append_printf (utf8, "長い,1,\"%s\"\r\n", long_field->str);

      data = g_convert (utf8->str, utf8->len, encodings[e], "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
      stream = g_memory_input_stream_new_from_data (data, len, NULL);
      reader = hubs_csv_reader_new (stream);

      while ((record = hubs_csv_reader_next (reader, &error)) != NULL)
        {
          g_assert_cmpuint (record->n_fields, ==, 3);
          g_assert_cmpuint (record->line, ==, n + 1);
          if (n > 0 && n <= 30000)
            {
              g_autofree char *hub = g_strdup_printf ("札幌%u", n - 1);
              g_autofree char *value = g_strdup_printf ("1,%03u社", (n - 1) % 1000);

              g_assert_cmpstr (record->fields[0].text, ==, hub);
              g_assert_cmpstr (record->fields[1].text, ==, value);
              g_assert_cmpstr (record->fields[2].text, ==, "「引用」\"x\"");
            }
          else if (n > 30000)
            g_assert_cmpstr (record->fields[2].text, ==, long_field->str);
          n++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 30002);
      g_assert_cmpuint (hubs_csv_reader_get_problems (reader)->len, ==, 0);
      g_assert_cmpint (hubs_csv_reader_get_encoding (reader), ==,
                       e == 0 ? HUBS_CSV_ENCODING_UTF8 : HUBS_CSV_ENCODING_CP932);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hubs/csv/plain", test_plain);
  g_test_add_func ("/hubs/csv/line-ends", test_line_ends);
  g_test_add_func ("/hubs/csv/quoted", test_quoted);
  g_test_add_func ("/hubs/csv/trailing-separator", test_trailing_separator);
  g_test_add_func ("/hubs/csv/empty", test_empty);
  g_test_add_func ("/hubs/csv/bom", test_bom);
  g_test_add_func ("/hubs/csv/cp932", test_cp932);
  g_test_add_func ("/hubs/csv/bad-bytes", test_bad_bytes);
  g_test_add_func ("/hubs/csv/bad-bytes-after-bom", test_bad_bytes_after_bom);
  g_test_add_func ("/hubs/csv/zero-byte", test_zero_byte);
  g_test_add_func ("/hubs/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/hubs/csv/stray-quote", test_stray_quote);
  g_test_add_func ("/hubs/csv/text-after-quote", test_text_after_quote);
  g_test_add_func ("/hubs/csv/writer-round-trip", test_writer_round_trip);
  g_test_add_func ("/hubs/csv/defuse-formulas", test_defuse_formulas);
  g_test_add_func ("/hubs/csv/stream-chunks", test_stream_chunks);

  return g_test_run ();
}
