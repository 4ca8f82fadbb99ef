/* Internal CSV layer (lib/csvread.c): tokenising, line numbers, encodings, numbers, headers.
 * Expected values are written out by hand from the inputs, not produced by the code. */
#include "csvread.h"

#include <planomsorg.h>

#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static pl_csv *parse_ok(const char *text, char delim, unsigned flags)
{
    pl_csv *csv = NULL;
    int rc = pl_csv_parse(&csv, text, strlen(text), "t.csv", delim, flags);
    if (rc != PLANOMSORG_OK)
        fail_msg("parse failed: %s", planomsorg_error_last());
    return csv;
}

static void expect_fail(const char *text, size_t len, char delim, unsigned flags, int code,
                        const char *fragment)
{
    pl_csv *csv = (pl_csv *)1;
    int rc = pl_csv_parse(&csv, text, len, "t.csv", delim, flags);
    assert_int_equal(rc, code);
    assert_null(csv);
    if (strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", planomsorg_error_last(), fragment);
}

static void expect_message(const char *fragment)
{
    if (strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", planomsorg_error_last(), fragment);
}

static void test_rows_fields_lines(void **state)
{
    (void)state;
    /* Line 1 header, 2 blank, 3 a row, 4-5 a row whose quoted field spans a newline,
     * 6 blank (spaces only), 7 a row with CRLF, 8 a row without final newline. */
    const char *text = "a,b,c\n\n1,\"x,y\",3\n\"multi\nline\",\"q\"\"q\",\n   \n"
                       " 7 ,8,9\r\nlast,,\"\"";
    pl_csv *csv = parse_ok(text, ',', 0);
    assert_int_equal(pl_csv_n_rows(csv), 5);
    assert_string_equal(pl_csv_source(csv), "t.csv");
    const size_t lines[5] = {1, 3, 4, 7, 8};
    for (size_t r = 0; r < 5; r++) {
        assert_int_equal(pl_csv_line(csv, r), lines[r]);
        assert_int_equal(pl_csv_n_fields(csv, r), 3);
    }
    assert_string_equal(pl_csv_field(csv, 1, 1), "x,y");
    assert_string_equal(pl_csv_field(csv, 2, 0), "multi\nline");
    assert_string_equal(pl_csv_field(csv, 2, 1), "q\"q");
    assert_string_equal(pl_csv_field(csv, 2, 2), "");
    assert_string_equal(pl_csv_field(csv, 3, 0), "7"); /* libcsv trims unquoted spaces */
    assert_string_equal(pl_csv_field(csv, 4, 0), "last");
    assert_string_equal(pl_csv_field(csv, 4, 2), "");
    /* Past the end: "" and 0. */
    assert_string_equal(pl_csv_field(csv, 1, 9), "");
    assert_string_equal(pl_csv_field(csv, 99, 0), "");
    assert_int_equal(pl_csv_n_fields(csv, 99), 0);
    assert_int_equal(pl_csv_line(csv, 99), 0);
    pl_csv_free(csv);
    pl_csv_free(NULL);
}

static void test_semicolon_and_leading_blank_lines(void **state)
{
    (void)state;
    pl_csv *csv = parse_ok("\r\n\r\n\"t\"\r\n\r\n\"region\";\"age\"\r\n\"K-0301 Oslo\";\"0 years\"\r\n",
                           ';', 0);
    assert_int_equal(pl_csv_n_rows(csv), 3);
    assert_int_equal(pl_csv_line(csv, 0), 3);
    assert_int_equal(pl_csv_line(csv, 1), 5);
    assert_int_equal(pl_csv_line(csv, 2), 6);
    assert_string_equal(pl_csv_field(csv, 2, 0), "K-0301 Oslo");
    assert_string_equal(pl_csv_field(csv, 2, 1), "0 years");
    pl_csv_free(csv);
}

/* With a tab delimiter a line of tabs is a row of empty fields, not a blank line. */
static void test_tab_delimiter(void **state)
{
    (void)state;
    pl_csv *csv = parse_ok("a\tb\n\n\t\n  x\t y\n", '\t', 0);
    assert_int_equal(pl_csv_n_rows(csv), 3);
    assert_int_equal(pl_csv_line(csv, 1), 3);
    assert_int_equal(pl_csv_n_fields(csv, 1), 2);
    assert_string_equal(pl_csv_field(csv, 1, 0), "");
    assert_int_equal(pl_csv_line(csv, 2), 4);
    assert_string_equal(pl_csv_field(csv, 2, 0), "x");
    assert_string_equal(pl_csv_field(csv, 2, 1), "y");
    pl_csv_free(csv);
}

static void test_encodings(void **state)
{
    (void)state;
    /* UTF-8 BOM skipped; "Tromsø" in UTF-8 kept as is. */
    pl_csv *csv = parse_ok("\xEF\xBB\xBFname\nTroms\xC3\xB8\n", ',', 0);
    assert_string_equal(pl_csv_field(csv, 0, 0), "name");
    assert_string_equal(pl_csv_field(csv, 1, 0), "Troms\xC3\xB8");
    pl_csv_free(csv);
    /* Latin-1 0xF8 becomes U+00F8 = C3 B8. */
    csv = parse_ok("name\nTroms\xF8\n", ',', PL_CSV_LATIN1);
    assert_string_equal(pl_csv_field(csv, 1, 0), "Troms\xC3\xB8");
    pl_csv_free(csv);
    /* Either: valid UTF-8 taken as is, else Latin-1. */
    csv = parse_ok("Troms\xC3\xB8\n", ',', PL_CSV_UTF8_OR_LATIN1);
    assert_string_equal(pl_csv_field(csv, 0, 0), "Troms\xC3\xB8");
    pl_csv_free(csv);
    csv = parse_ok("B\xE6rum;\xC5l\n", ';', PL_CSV_UTF8_OR_LATIN1);
    assert_string_equal(pl_csv_field(csv, 0, 0), "B\xC3\xA6rum");
    assert_string_equal(pl_csv_field(csv, 0, 1), "\xC3\x85l");
    pl_csv_free(csv);
    /* Four-byte and three-byte sequences at the edges of validity. */
    csv = parse_ok("\xF0\x90\x80\x80,\xF4\x8F\xBF\xBF,\xED\x9F\xBF,\xEE\x80\x80\n", ',', 0);
    assert_int_equal(pl_csv_n_fields(csv, 0), 4);
    pl_csv_free(csv);
}

static void test_bad_encodings(void **state)
{
    (void)state;
    /* Latin-1 where UTF-8 is expected: line 2, byte 6 of the line. */
    expect_fail("name\nTroms\xF8\n", 12, ',', 0, PLANOMSORG_EENCODING, "t.csv:2: invalid UTF-8 byte 0xF8 at byte 6");
    /* Overlong forms of '/' (C0 AF, E0 80 AF, F0 80 80 AF). */
    expect_fail("a\xC0\xAF\n", 4, ',', 0, PLANOMSORG_EENCODING, "0xC0");
    expect_fail("a\xE0\x80\xAF\n", 5, ',', 0, PLANOMSORG_EENCODING, "0xE0");
    expect_fail("a\xF0\x80\x80\xAF\n", 6, ',', 0, PLANOMSORG_EENCODING, "0xF0");
    /* Surrogate U+D800 (ED A0 80), above U+10FFFF (F4 90 80 80), F5..FF, lone continuation. */
    expect_fail("\xED\xA0\x80", 3, ',', 0, PLANOMSORG_EENCODING, "0xED");
    expect_fail("\xF4\x90\x80\x80", 4, ',', 0, PLANOMSORG_EENCODING, "0xF4");
    expect_fail("x\xF5\x80\x80\x80", 5, ',', 0, PLANOMSORG_EENCODING, "0xF5");
    expect_fail("\x80", 1, ',', 0, PLANOMSORG_EENCODING, "0x80");
    /* Truncated sequence at the end. */
    expect_fail("ab\xC3", 3, ',', 0, PLANOMSORG_EENCODING, "byte 3 of the line");
    /* NUL bytes, in every mode. */
    expect_fail("a,b\nc\0d\n", 8, ',', 0, PLANOMSORG_EENCODING, "t.csv:2: NUL byte");
    expect_fail("a\0", 2, ',', PL_CSV_LATIN1, PLANOMSORG_EENCODING, "NUL byte");
    expect_fail("a\0", 2, ',', PL_CSV_UTF8_OR_LATIN1, PLANOMSORG_EENCODING, "NUL byte");
}

static void test_empty_and_quoting(void **state)
{
    (void)state;
    expect_fail("", 0, ',', 0, PLANOMSORG_EEMPTY, "t.csv: empty input");
    expect_fail("\n\r\n  \n", 6, ',', 0, PLANOMSORG_EEMPTY, "empty input");
    expect_fail("\xEF\xBB\xBF", 3, ',', 0, PLANOMSORG_EEMPTY, "empty input");
    /* Unterminated quote: reported at the line where the row starts. */
    expect_fail("a,b\n1,\"open\n\n", 13, ',', 0, PLANOMSORG_EFORMAT, "t.csv:2: malformed quoting");
    /* Text after a closing quote; a quote inside an unquoted field. */
    expect_fail("a,b\n\"x\"y,2\n", 11, ',', 0, PLANOMSORG_EFORMAT, "t.csv:2: malformed quoting");
    expect_fail("a,b\n\n\nx\"y,2\n", 12, ',', 0, PLANOMSORG_EFORMAT, "t.csv:4: malformed quoting");
    /* Arguments. */
    pl_csv *csv = NULL;
    assert_int_equal(pl_csv_parse(NULL, "a", 1, NULL, ',', 0), PLANOMSORG_EINVAL);
    assert_int_equal(pl_csv_parse(&csv, NULL, 1, NULL, ',', 0), PLANOMSORG_EINVAL);
    assert_int_equal(pl_csv_parse(&csv, "a", 1, NULL, '"', 0), PLANOMSORG_EINVAL);
    /* NULL source is named "<memory>". */
    assert_int_equal(pl_csv_parse(&csv, "", 0, NULL, ',', 0), PLANOMSORG_EEMPTY);
    expect_message("<memory>");
}

static void test_header(void **state)
{
    (void)state;
    static const char *const names[] = {"year", "age", "persons"};
    size_t cols[3];
    pl_csv *csv = parse_ok(" persons ,year,age\n", ',', 0);
    assert_int_equal(pl_csv_header(csv, 0, names, 3, cols, 0), PLANOMSORG_OK);
    assert_int_equal(cols[0], 1);
    assert_int_equal(cols[1], 2);
    assert_int_equal(cols[2], 0);
    pl_csv_free(csv);

    csv = parse_ok("year,age\n", ',', 0);
    assert_int_equal(pl_csv_header(csv, 0, names, 3, cols, 0), PLANOMSORG_EFORMAT);
    expect_message("t.csv:1: missing column 'persons'");
    pl_csv_free(csv);

    csv = parse_ok("year,age,persons,age\n", ',', 0);
    assert_int_equal(pl_csv_header(csv, 0, names, 3, cols, 0), PLANOMSORG_EFORMAT);
    expect_message("t.csv:1:4: duplicate column 'age' (also column 2)");
    pl_csv_free(csv);

    csv = parse_ok("year,age,persons,note\n", ',', 0);
    assert_int_equal(pl_csv_header(csv, 0, names, 3, cols, 0), PLANOMSORG_EFORMAT);
    expect_message("t.csv:1:4: unknown column 'note'");
    assert_int_equal(pl_csv_header(csv, 0, names, 3, cols, 1), PLANOMSORG_OK);
    assert_int_equal(cols[2], 2);
    assert_int_equal(pl_csv_header(csv, 5, names, 3, cols, 1), PLANOMSORG_EFORMAT);
    pl_csv_free(csv);
}

static void test_expect_fields(void **state)
{
    (void)state;
    pl_csv *csv = parse_ok("a,b,c\n1,2\n1,2,3,4\n\n1,2,3\n", ',', 0);
    assert_int_equal(pl_csv_expect_fields(csv, 1, 3), PLANOMSORG_EFORMAT);
    expect_message("t.csv:2:3: missing column: 2 fields where 3");
    assert_int_equal(pl_csv_expect_fields(csv, 2, 3), PLANOMSORG_EFORMAT);
    expect_message("t.csv:3:4: extra column: 4 fields where 3");
    assert_int_equal(pl_csv_expect_fields(csv, 3, 3), PLANOMSORG_OK);
    assert_int_equal(pl_csv_line(csv, 3), 5);
    pl_csv_free(csv);
}

static void test_numbers(void **state)
{
    (void)state;
    pl_csv *csv = parse_ok("1.5, 2 ,-3,1e3,0x10,abc,nan,-inf,1e999,,\"  \",1.5.2,.,"
                           "12,007,-0,99999999999999999999,+4,1.0,4e-320\n", ',', 0);
    double d;
    long l;
    assert_int_equal(pl_csv_double(csv, 0, 0, 1, &d), PLANOMSORG_OK);
    assert_true(d == 1.5);
    assert_int_equal(pl_csv_double(csv, 0, 1, 1, &d), PLANOMSORG_OK);
    assert_true(d == 2.0);
    assert_int_equal(pl_csv_double(csv, 0, 2, 0, &d), PLANOMSORG_OK);
    assert_true(d == -3.0);
    assert_int_equal(pl_csv_double(csv, 0, 2, 1, &d), PLANOMSORG_EVALUE);
    expect_message("t.csv:1:3: value '-3' is negative");
    assert_int_equal(pl_csv_double(csv, 0, 3, 1, &d), PLANOMSORG_OK);
    assert_true(d == 1000.0);
    assert_int_equal(pl_csv_double(csv, 0, 4, 1, &d), PLANOMSORG_EVALUE);
    expect_message("t.csv:1:5: value '0x10' is not a number");
    assert_int_equal(pl_csv_double(csv, 0, 5, 1, &d), PLANOMSORG_EVALUE);
    expect_message("'abc' is not a number");
    assert_int_equal(pl_csv_double(csv, 0, 6, 1, &d), PLANOMSORG_EVALUE);
    expect_message("'nan' is NaN");
    assert_int_equal(pl_csv_double(csv, 0, 7, 0, &d), PLANOMSORG_EVALUE);
    expect_message("'-inf' is infinite");
    assert_int_equal(pl_csv_double(csv, 0, 8, 1, &d), PLANOMSORG_EVALUE);
    expect_message("'1e999' is too large");
    assert_int_equal(pl_csv_double(csv, 0, 9, 1, &d), PLANOMSORG_EVALUE);
    expect_message("t.csv:1:10: empty value");
    assert_int_equal(pl_csv_double(csv, 0, 10, 1, &d), PLANOMSORG_EVALUE);
    expect_message("empty value");
    assert_int_equal(pl_csv_double(csv, 0, 11, 1, &d), PLANOMSORG_EVALUE);
    expect_message("'1.5.2' is not a number");
    assert_int_equal(pl_csv_double(csv, 0, 12, 1, &d), PLANOMSORG_EVALUE);
    assert_int_equal(pl_csv_double(csv, 0, 19, 1, &d), PLANOMSORG_OK); /* subnormal is fine */
    assert_true(d > 0 && d < 1e-300);
    assert_int_equal(pl_csv_double(csv, 0, 99, 1, &d), PLANOMSORG_EVALUE); /* past the end */
    expect_message("empty value");

    assert_int_equal(pl_csv_long(csv, 0, 13, 0, 20, &l), PLANOMSORG_OK);
    assert_int_equal(l, 12);
    assert_int_equal(pl_csv_long(csv, 0, 14, 0, 20, &l), PLANOMSORG_OK);
    assert_int_equal(l, 7);
    assert_int_equal(pl_csv_long(csv, 0, 15, 0, 20, &l), PLANOMSORG_OK);
    assert_int_equal(l, 0);
    assert_int_equal(pl_csv_long(csv, 0, 18, 0, 20, &l), PLANOMSORG_EVALUE);
    expect_message("t.csv:1:19: value '1.0' is not an integer");
    assert_int_equal(pl_csv_long(csv, 0, 13, 0, 11, &l), PLANOMSORG_ERANGE);
    expect_message("value '12' is outside 0..11");
    assert_int_equal(pl_csv_long(csv, 0, 16, 0, 20, &l), PLANOMSORG_ERANGE);
    assert_int_equal(pl_csv_long(csv, 0, 17, 0, 20, &l), PLANOMSORG_OK);
    assert_int_equal(l, 4);
    assert_int_equal(pl_csv_long(csv, 0, 9, 0, 20, &l), PLANOMSORG_EVALUE);
    expect_message("empty value");
    assert_int_equal(pl_csv_long(csv, 0, 5, 0, 20, &l), PLANOMSORG_EVALUE);
    pl_csv_free(csv);
}

/* Numbers are read with '.' whatever LC_NUMERIC says (when such a locale is installed). */
static void test_numbers_ignore_locale(void **state)
{
    (void)state;
    const char *names[] = {"nb_NO.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", NULL};
    const char *got = NULL;
    for (int i = 0; names[i] && !got; i++)
        got = setlocale(LC_NUMERIC, names[i]);
    if (got == NULL)
        skip();
    pl_csv *csv = parse_ok("2.25\n", ',', 0);
    double d = 0;
    int rc = pl_csv_double(csv, 0, 0, 1, &d);
    setlocale(LC_NUMERIC, "C");
    assert_int_equal(rc, PLANOMSORG_OK);
    assert_true(d == 2.25);
    pl_csv_free(csv);
}

static void test_read_file(void **state)
{
    (void)state;
    pl_csv *csv = (pl_csv *)1;
    assert_int_equal(pl_csv_read_file(&csv, "/nonexistent/dir/x.csv", ',', 0), PLANOMSORG_EIO);
    assert_null(csv);
    expect_message("/nonexistent/dir/x.csv: cannot open: No such file or directory");
    assert_int_equal(pl_csv_read_file(&csv, "/", ',', 0), PLANOMSORG_EIO);
    expect_message("/: cannot read");

    char path[] = "/tmp/test_csvread_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* Larger than the first read buffer (64 KiB), Latin-1 names. */
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    for (int i = 0; i < 10000; i++)
        fprintf(f, "\"K-%04d B\xE6rum\";%d\r\n", i, i);
    fclose(f);
    assert_int_equal(pl_csv_read_file(&csv, path, ';', PL_CSV_LATIN1), PLANOMSORG_OK);
    assert_int_equal(pl_csv_n_rows(csv), 10000);
    assert_int_equal(pl_csv_line(csv, 9999), 10000);
    assert_string_equal(pl_csv_field(csv, 9999, 0), "K-9999 B\xC3\xA6rum");
    assert_string_equal(pl_csv_source(csv), path);
    long v;
    assert_int_equal(pl_csv_long(csv, 9999, 1, 0, 99999, &v), PLANOMSORG_OK);
    assert_int_equal(v, 9999);
    pl_csv_free(csv);
    /* The same bytes as UTF-8: rejected, naming the file. */
    assert_int_equal(pl_csv_read_file(&csv, path, ';', 0), PLANOMSORG_EENCODING);
    expect_message(path);
    /* A size limit: one byte short of the file's size fails, the exact size reads. */
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    size_t size = (size_t)ftell(f);
    fclose(f);
    char limit_text[64];
    snprintf(limit_text, sizeof limit_text, ": larger than %zu bytes", size - 1);
    assert_int_equal(pl_csv_read_file_max(&csv, path, ';', PL_CSV_LATIN1, size - 1),
                     PLANOMSORG_EIO);
    assert_null(csv);
    expect_message(limit_text);
    assert_int_equal(pl_csv_read_file_max(&csv, path, ';', PL_CSV_LATIN1, size), PLANOMSORG_OK);
    pl_csv_free(csv);
    unlink(path);
    /* An endless device (a plan file may name /dev/zero as its population; seen while
     * reviewing what the plan-file fuzz target reaches) used to be read until memory ran
     * out; reading now stops at the first NUL byte. */
    csv = (pl_csv *)1;
    assert_int_equal(pl_csv_read_file(&csv, "/dev/zero", ',', 0), PLANOMSORG_EENCODING);
    assert_null(csv);
    expect_message("/dev/zero:1: NUL byte at byte 1");
}

/* An endless stream of NUL bytes stops at the first chunk: the NUL is reported. */
static void test_read_endless_binary(void **state)
{
    (void)state;
    if (access("/dev/zero", R_OK) != 0)
        skip();
    pl_csv *csv = (pl_csv *)1;
    assert_int_equal(pl_csv_read_file(&csv, "/dev/zero", ',', 0), PLANOMSORG_EENCODING);
    assert_null(csv);
    expect_message("/dev/zero:1: NUL byte at byte 1");
}

/* One field of 4 MB (a line without delimiters) parses whole. */
static void test_huge_field(void **state)
{
    (void)state;
    size_t n = 4u << 20;
    char *text = malloc(n + 4);
    assert_non_null(text);
    memcpy(text, "a\n", 2);
    memset(text + 2, 'x', n);
    text[n + 2] = '\n';
    pl_csv *csv = NULL;
    assert_int_equal(pl_csv_parse(&csv, text, n + 3, "t.csv", ',', 0), PLANOMSORG_OK);
    assert_int_equal(pl_csv_n_rows(csv), 2);
    assert_int_equal(strlen(pl_csv_field(csv, 1, 0)), n);
    pl_csv_free(csv);
    free(text);
}

static void test_error_format(void **state)
{
    (void)state;
    pl_csv *csv = parse_ok("a\n\nb\n", ',', 0);
    assert_int_equal(pl_csv_error(csv, 1, 2, PLANOMSORG_EVALUE, "bad %s", "thing"),
                     PLANOMSORG_EVALUE);
    assert_string_equal(planomsorg_error_last(), "t.csv:3:2: bad thing");
    assert_int_equal(pl_csv_error(csv, 1, 0, PLANOMSORG_EVALUE, "x"), PLANOMSORG_EVALUE);
    assert_string_equal(planomsorg_error_last(), "t.csv:3: x");
    assert_int_equal(pl_csv_error(csv, 7, 0, PLANOMSORG_EVALUE, "y"), PLANOMSORG_EVALUE);
    assert_string_equal(planomsorg_error_last(), "t.csv: y");
    char buf[8];
    assert_int_equal(pl_csv_trim("  abcdefghij ", buf, sizeof buf), 10);
    assert_string_equal(buf, "abcdefg");
    assert_true(pl_csv_field_is(" age\t", "age"));
    assert_false(pl_csv_field_is("ages", "age"));
    assert_false(pl_csv_field_is("ag", "age"));
    pl_csv_free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_fields_lines),
        cmocka_unit_test(test_semicolon_and_leading_blank_lines),
        cmocka_unit_test(test_tab_delimiter),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_bad_encodings),
        cmocka_unit_test(test_empty_and_quoting),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_expect_fields),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_ignore_locale),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_read_endless_binary),
        cmocka_unit_test(test_huge_field),
        cmocka_unit_test(test_error_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
