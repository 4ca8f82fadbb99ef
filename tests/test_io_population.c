/* Population readers and writers (lib/io_population.c): round trips, the real SSB 07459
 * export checked against an independently derived file, and one test per kind of bad input. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* ---------- helpers ---------- */

static void expect_message(const char *fragment)
{
    if (strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", planomsorg_error_last(), fragment);
}

/* Parses long CSV text that must fail with code and a message containing fragment. */
static void csv_fails(const char *text, size_t len, int code, const char *fragment)
{
    planomsorg_population *pop = (planomsorg_population *)1;
    int rc = planomsorg_population_parse_csv(&pop, text, len, "pop.csv");
    if (rc != code)
        fail_msg("status %d, expected %d (%s)", rc, code, planomsorg_error_last());
    assert_null(pop);
    expect_message(fragment);
}

#define CSV_FAILS(text, code, fragment) csv_fails(text, sizeof(text) - 1, code, fragment)

static void ssb_fails(const char *text, const char *region, int code, const char *fragment)
{
    planomsorg_population *pop = (planomsorg_population *)1;
    int rc = planomsorg_population_parse_ssb(&pop, text, strlen(text), "07459.csv", region);
    if (rc != code)
        fail_msg("status %d, expected %d (%s)", rc, code, planomsorg_error_last());
    assert_null(pop);
    expect_message(fragment);
}

static double get(const planomsorg_population *pop, int year, int sex, int age)
{
    double v = -1;
    assert_int_equal(planomsorg_population_get(pop, year, sex, age, &v), PLANOMSORG_OK);
    return v;
}

/* A valid long CSV: one year, ages 0 and 1 (1 is the open band). */
#define HEAD "year,age,sex,persons\n"
#define GOOD HEAD "2024,0,female,10\n2024,0,male,11\n2024,1,female,12\n2024,1,male,13\n"

static char *temp_file(const char *content, size_t len)
{
    static char path[64];
    strcpy(path, "/tmp/test_io_population_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, len), (ssize_t)len);
    close(fd);
    return path;
}

/* ---------- long CSV ---------- */

static void test_parse_small(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    /* Columns in another order, CRLF, quotes, BOM, blank lines. */
    const char text[] = "\xEF\xBB\xBF\"sex\",persons,age,year\r\nmale,11,0,2024\r\n\r\n"
                        "\"female\",\"10.5\",0,2024\r\nfemale,12,1,2024\r\nmale,1e1,1,2024";
    assert_int_equal(planomsorg_population_parse_csv(&pop, text, sizeof text - 1, NULL),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_first_year(pop), 2024);
    assert_int_equal(planomsorg_population_n_years(pop), 1);
    assert_int_equal(planomsorg_population_max_age(pop), 1);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 0) == 10.5);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 0) == 11);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 1) == 12);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 1) == 10);
    planomsorg_population_free(pop);
}

static void test_format_exact_text(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2030, 2, 1), PLANOMSORG_OK);
    /* Values chosen so that the expected text is known by hand. */
    const double v[2][2][2] = {{{1, 2.5}, {0, 0.1}}, {{1e20, 3}, {7, 123456789}}};
    for (int y = 0; y < 2; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a < 2; a++)
                assert_int_equal(planomsorg_population_set(pop, 2030 + y, s, a, v[y][s][a]),
                                 PLANOMSORG_OK);
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(planomsorg_population_format_csv(pop, &text, &len), PLANOMSORG_OK);
    const char *expected = "year,age,sex,persons\n"
                           "2030,0,female,1\n2030,0,male,0\n2030,1,female,2.5\n2030,1,male,0.1\n"
                           "2031,0,female,1e+20\n2031,0,male,7\n2031,1,female,3\n"
                           "2031,1,male,123456789\n";
    assert_string_equal(text, expected);
    assert_int_equal(len, strlen(expected));
    planomsorg_free(text);
    /* len may be NULL. */
    assert_int_equal(planomsorg_population_format_csv(pop, &text, NULL), PLANOMSORG_OK);
    planomsorg_free(text);
    assert_int_equal(planomsorg_population_format_csv(NULL, &text, &len), PLANOMSORG_EINVAL);
    assert_null(text);
    assert_int_equal(planomsorg_population_format_csv(pop, NULL, &len), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_write_csv(NULL, "/tmp/x"), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_write_csv(pop, NULL), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_write_csv(pop, "/nonexistent/dir/p.csv"),
                     PLANOMSORG_EIO);
    expect_message("cannot write '/nonexistent/dir/p.csv': No such file or directory");
    planomsorg_population_free(pop);
}

/* Write -> read reproduces every double exactly, through memory and through a file. */
static void test_round_trip_exact(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 1990, 4, 105), PLANOMSORG_OK);
    unsigned long x = 12345;
    for (int y = 1990; y < 1994; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++) {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
                /* Awkward doubles: fractions with long expansions, tiny, huge, zero. */
                double v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (int)(x % 13) - 4);
                if (a == 7)
                    v = 0;
                if (a == 8)
                    v = 1.0 / 3.0;
                if (a == 9)
                    v = 5e-324;
                assert_int_equal(planomsorg_population_set(pop, y, s, a, v), PLANOMSORG_OK);
            }
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(planomsorg_population_format_csv(pop, &text, &len), PLANOMSORG_OK);
    planomsorg_population *back = NULL;
    assert_int_equal(planomsorg_population_parse_csv(&back, text, len, "mem"), PLANOMSORG_OK);
    planomsorg_free(text);

    char path[] = "/tmp/test_io_population_rt_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(planomsorg_population_write_csv(pop, path), PLANOMSORG_OK);
    planomsorg_population *file = NULL;
    assert_int_equal(planomsorg_population_read_csv(&file, path), PLANOMSORG_OK);
    unlink(path);

    size_t n = planomsorg_population_size(pop);
    assert_int_equal(planomsorg_population_size(back), n);
    assert_int_equal(planomsorg_population_size(file), n);
    assert_int_equal(planomsorg_population_first_year(file), 1990);
    assert_int_equal(planomsorg_population_max_age(file), 105);
    for (int y = 1990; y < 1994; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++) {
                double want = get(pop, y, s, a);
                assert_true(get(back, y, s, a) == want);
                assert_true(get(file, y, s, a) == want);
            }
    planomsorg_population_free(pop);
    planomsorg_population_free(back);
    planomsorg_population_free(file);
}

/* ---------- long CSV: bad input, one test each ---------- */

static void test_csv_missing_column(void **state)
{
    (void)state;
    CSV_FAILS("year,age,sex\n2024,0,female\n", PLANOMSORG_EFORMAT,
              "pop.csv:1: missing column 'persons'");
}

static void test_csv_extra_column(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,10\n2024,0,male,11,5\n", PLANOMSORG_EFORMAT,
              "pop.csv:3:5: extra column");
}

static void test_csv_short_row(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female\n", PLANOMSORG_EFORMAT, "pop.csv:2:4: missing column");
}

static void test_csv_unknown_column(void **state)
{
    (void)state;
    CSV_FAILS("year,age,sex,persons,note\n", PLANOMSORG_EFORMAT,
              "pop.csv:1:5: unknown column 'note'");
    CSV_FAILS("year,age,Sex,persons\n", PLANOMSORG_EFORMAT, "unknown column 'Sex'");
}

static void test_csv_duplicate_column(void **state)
{
    (void)state;
    CSV_FAILS("year,age,sex,persons,age\n", PLANOMSORG_EFORMAT,
              "pop.csv:1:5: duplicate column 'age' (also column 2)");
}

static void test_csv_non_numeric(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,ten\n", PLANOMSORG_EVALUE, "pop.csv:2:4: value 'ten' is not a number");
    CSV_FAILS(HEAD "2024,0,female,\"1,5\"\n", PLANOMSORG_EVALUE, "value '1,5' is not a number");
    CSV_FAILS(HEAD "x,0,female,1\n", PLANOMSORG_EVALUE, "pop.csv:2:1: value 'x' is not an integer");
    CSV_FAILS(HEAD "2024,0.5,female,1\n", PLANOMSORG_EVALUE, "pop.csv:2:2: value '0.5' is not an integer");
}

static void test_csv_negative(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,-3\n", PLANOMSORG_EVALUE, "pop.csv:2:4: value '-3' is negative");
}

static void test_csv_nan(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,NaN\n", PLANOMSORG_EVALUE, "pop.csv:2:4: value 'NaN' is NaN");
}

static void test_csv_inf(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,inf\n", PLANOMSORG_EVALUE, "pop.csv:2:4: value 'inf' is infinite");
    CSV_FAILS(HEAD "2024,0,female,1e400\n", PLANOMSORG_EVALUE, "value '1e400' is too large");
}

static void test_csv_empty_value(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,\n", PLANOMSORG_EVALUE, "pop.csv:2:4: empty value");
    CSV_FAILS(HEAD ",0,female,1\n", PLANOMSORG_EVALUE, "pop.csv:2:1: empty value");
    CSV_FAILS(HEAD "2024,0,,1\n", PLANOMSORG_EVALUE, "pop.csv:2:3: empty value");
}

static void test_csv_duplicate_cell(void **state)
{
    (void)state;
    CSV_FAILS(GOOD "2024,1,female,12\n", PLANOMSORG_EDUPLICATE,
              "pop.csv:6: duplicate cell: year 2024, age 1, sex female (first on line 4)");
}

static void test_csv_missing_cell(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,10\n2024,0,male,11\n2024,1,female,12\n", PLANOMSORG_EMISSING,
              "pop.csv: missing cell: year 2024, age 1, sex male");
    /* A whole year missing between the first and the last. */
    CSV_FAILS(GOOD "2026,0,female,10\n2026,0,male,11\n2026,1,female,12\n2026,1,male,13\n",
              PLANOMSORG_EMISSING, "missing cell: year 2025, age 0, sex female");
}

static void test_csv_age_out_of_range(void **state)
{
    (void)state;
    CSV_FAILS(GOOD "2024,131,female,1\n", PLANOMSORG_ERANGE, "pop.csv:6:2: value '131' is outside 0..130");
    CSV_FAILS(GOOD "2024,-1,female,1\n", PLANOMSORG_ERANGE, "pop.csv:6:2: value '-1' is outside");
    /* Only age 0: no open band above it. */
    CSV_FAILS(HEAD "2024,0,female,1\n2024,0,male,1\n", PLANOMSORG_ERANGE, "largest age is 0");
}

static void test_csv_year_out_of_range(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "1799,0,female,1\n", PLANOMSORG_ERANGE, "pop.csv:2:1: value '1799' is outside 1800..2300");
    CSV_FAILS(HEAD "99999999999999999999999,0,female,1\n", PLANOMSORG_ERANGE, "is outside");
    CSV_FAILS(HEAD "1800,0,female,1\n2300,1,male,1\n", PLANOMSORG_ERANGE,
              "years 1800..2300 span more than 500");
}

static void test_csv_unknown_sex(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,both,1\n", PLANOMSORG_EVALUE,
              "pop.csv:2:3: unknown sex 'both' (expected 'female' or 'male')");
    CSV_FAILS(HEAD "2024,0,Female,1\n", PLANOMSORG_EVALUE, "unknown sex 'Female'");
}

static void test_csv_empty_file(void **state)
{
    (void)state;
    CSV_FAILS("", PLANOMSORG_EEMPTY, "pop.csv: empty input");
    CSV_FAILS("\n\r\n", PLANOMSORG_EEMPTY, "pop.csv: empty input");
    planomsorg_population *pop = (planomsorg_population *)1;
    assert_int_equal(planomsorg_population_parse_csv(&pop, NULL, 0, NULL), PLANOMSORG_EEMPTY);
    assert_null(pop);
    expect_message("<memory>");
}

static void test_csv_header_only(void **state)
{
    (void)state;
    CSV_FAILS(HEAD, PLANOMSORG_EEMPTY, "pop.csv: a header but no data rows");
}

static void test_csv_invalid_utf8(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,fem\xC0\xA0le,1\n", PLANOMSORG_EENCODING,
              "pop.csv:2: invalid UTF-8 byte 0xC0 at byte 11");
}

static void test_csv_latin1(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,kvinne\xF8,1\n", PLANOMSORG_EENCODING,
              "pop.csv:2: invalid UTF-8 byte 0xF8 at byte 14 of the line (is the file ISO-8859-1?)");
}

static void test_csv_nul_byte(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,female,1\0\n", PLANOMSORG_EENCODING, "pop.csv:2: NUL byte at byte 16");
}

static void test_csv_malformed_quoting(void **state)
{
    (void)state;
    CSV_FAILS(HEAD "2024,0,\"female\"x,1\n", PLANOMSORG_EFORMAT, "pop.csv:2: malformed quoting");
    CSV_FAILS(GOOD "2025,0,\"female,1\n", PLANOMSORG_EFORMAT,
              "pop.csv:6: malformed quoting (quoted field not closed");
}

static void test_csv_unreadable_file(void **state)
{
    (void)state;
    planomsorg_population *pop = (planomsorg_population *)1;
    assert_int_equal(planomsorg_population_read_csv(&pop, "/nonexistent/dir/pop.csv"),
                     PLANOMSORG_EIO);
    assert_null(pop);
    expect_message("/nonexistent/dir/pop.csv: cannot open: No such file or directory");
    pop = (planomsorg_population *)1;
    assert_int_equal(planomsorg_population_read_csv(&pop, "/"), PLANOMSORG_EIO);
    assert_null(pop);
    expect_message("/: cannot read");
    /* A real file with a bad value: the message names the path and the line. */
    char *path = temp_file(HEAD "2024,0,female,-1\n", sizeof(HEAD "2024,0,female,-1\n") - 1);
    assert_int_equal(planomsorg_population_read_csv(&pop, path), PLANOMSORG_EVALUE);
    assert_null(pop);
    char want[96];
    snprintf(want, sizeof want, "%s:2:4: value '-1' is negative", path);
    expect_message(want);
    unlink(path);
    assert_int_equal(planomsorg_population_read_csv(NULL, "x"), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_read_csv(&pop, NULL), PLANOMSORG_EINVAL);
    assert_null(pop);
}

/* ---------- SSB 07459 ---------- */

#define SSB_TITLE "\"07459: Population, by region, age, contents, year and sex\"\r\n\r\n"
#define SSB_HEAD "\"region\";\"age\";\"Persons 2024 Males\";\"Persons 2024 Females\"\r\n"

static void test_ssb_small_regions(void **state)
{
    (void)state;
    /* Latin-1 names (0xE6 = ae), two municipalities and an all-zero non-municipality. */
    const char *text = SSB_TITLE SSB_HEAD
        "\"K-3101 Halden\";\"0 years\";159;127\r\n"
        "\"K-3101 Halden\";\"1 year\";134;111\r\n"
        "\"K-3101 Halden\";\"2 years or older\";5;6\r\n"
        "\"K-3201 B\xE6rum\";\"0 years\";1;2\r\n"
        "\"K-3201 B\xE6rum\";\"1 year\";3;4\r\n"
        "\"K-3201 B\xE6rum\";\"2 years or older\";7;8\r\n"
        "\"K-23 Continental shelf\";\"0 years\";0;0\r\n"
        "\"K-23 Continental shelf\";\"1 year\";0;0\r\n"
        "\"K-23 Continental shelf\";\"2 years or older\";0;0\r\n";
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_parse_ssb(&pop, text, strlen(text), "s", "3201"),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_first_year(pop), 2024);
    assert_int_equal(planomsorg_population_max_age(pop), 2);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 0) == 1);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 0) == 2);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 2) == 7);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 2) == 8);
    planomsorg_population_free(pop);
    /* All regions summed: by hand, 159+1+0, 127+2+0, ... */
    assert_int_equal(planomsorg_population_parse_ssb(&pop, text, strlen(text), "s", NULL),
                     PLANOMSORG_OK);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 0) == 160);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 0) == 129);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 1) == 137);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 1) == 115);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 2) == 12);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 2) == 14);
    planomsorg_population_free(pop);
}

static void test_ssb_several_years_norwegian_utf8(void **state)
{
    (void)state;
    /* Norwegian export in UTF-8 (å = C3 A5), columns for two years in any order,
     * region labels without the "K-" prefix. */
    const char *text = "\"07459: Befolkning\"\n\n"
        "\"region\";\"alder\";\"Personer 2024 Kvinner\";\"Personer 2023 Menn\";"
        "\"Personer 2023 Kvinner\";\"Personer 2024 Menn\"\n"
        "\"0301 Oslo\";\"0 \xC3\xA5r\";1;2;3;4\n"
        "\"0301 Oslo\";\"1 \xC3\xA5r eller eldre\";5;6;7;8\n";
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_parse_ssb(&pop, text, strlen(text), "n", "0301"),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_first_year(pop), 2023);
    assert_int_equal(planomsorg_population_n_years(pop), 2);
    assert_int_equal(planomsorg_population_max_age(pop), 1);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 0) == 1);
    assert_true(get(pop, 2023, PLANOMSORG_SEX_MALE, 0) == 2);
    assert_true(get(pop, 2023, PLANOMSORG_SEX_FEMALE, 0) == 3);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 0) == 4);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_FEMALE, 1) == 5);
    assert_true(get(pop, 2024, PLANOMSORG_SEX_MALE, 1) == 8);
    planomsorg_population_free(pop);
}

static void test_ssb_region_not_found(void **state)
{
    (void)state;
    const char *text = SSB_HEAD "\"K-3101 Halden\";\"0 years\";1;2\r\n"
                                "\"K-3101 Halden\";\"1 year or older\";1;2\r\n";
    ssb_fails(text, "0301", PLANOMSORG_ENOTFOUND, "07459.csv: region 0301 not found");
    /* A region argument that is not four digits. */
    ssb_fails(text, "301", PLANOMSORG_EINVAL, "region '301' is not a four-digit");
    ssb_fails(text, "K-0301", PLANOMSORG_EINVAL, "region 'K-0301'");
    ssb_fails(text, "03011", PLANOMSORG_EINVAL, "region '03011'");
}

static void test_ssb_malformed_age_label(void **state)
{
    (void)state;
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"zero years\";1;2\r\n", NULL, PLANOMSORG_EVALUE,
              "07459.csv:2:2: malformed age label 'zero years'");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"1 years\";1;2\r\n", NULL, PLANOMSORG_EVALUE,
              "malformed age label '1 years'");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"3 years or more\";1;2\r\n", NULL, PLANOMSORG_EVALUE,
              "malformed age label '3 years or more'");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"99999 years\";1;2\r\n", NULL, PLANOMSORG_EVALUE,
              "malformed age label");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"131 years\";1;2\r\n", NULL, PLANOMSORG_ERANGE,
              "07459.csv:2:2: age 131 in '131 years' is above 130");
}

static void test_ssb_bad_layout(void **state)
{
    (void)state;
    const char *rows = "\"K-3101 Halden\";\"0 years\";1;2\r\n\"K-3101 Halden\";\"1 year\";1;2\r\n";
    char text[512];
    ssb_fails("\"region\";\"alder\"\r\n", NULL, PLANOMSORG_EFORMAT, "07459.csv:1:3: missing column");
    ssb_fails("\"age\";\"region\";\"Persons 2024 Males\"\r\n", NULL, PLANOMSORG_EFORMAT,
              "no header line starting with columns");
    snprintf(text, sizeof text, "\"region\";\"age\";\"Persons 2024 Males\";\"Population 2024\"\r\n%s",
             rows);
    ssb_fails(text, NULL, PLANOMSORG_EFORMAT, "07459.csv:1:4: unknown column 'Population 2024'");
    snprintf(text, sizeof text, "\"region\";\"age\";\"Persons 2024 Males\";\"Persons 2024 Males\"\r\n%s",
             rows);
    ssb_fails(text, NULL, PLANOMSORG_EFORMAT, "07459.csv:1:4: duplicate column 'Persons 2024 Males'");
    snprintf(text, sizeof text, "\"region\";\"age\";\"Persons 2024 Males\";\"Persons 2024 Females\";"
             "\"Persons 2026 Males\";\"Persons 2026 Females\"\r\n");
    ssb_fails(text, NULL, PLANOMSORG_EFORMAT, "missing column 'Persons 2025 Females'");
    snprintf(text, sizeof text, "\"region\";\"age\";\"Persons 2024 Males\"\r\n%s", rows);
    ssb_fails(text, NULL, PLANOMSORG_EFORMAT, "missing column 'Persons 2024 Females'");
    ssb_fails("\"region\";\"age\";\"Persons 1700 Males\";\"Persons 1700 Females\"\r\n", NULL,
              PLANOMSORG_ERANGE, "year 1700 in column 'Persons 1700 Males' is outside");
    /* Rows: extra field, bad value, duplicate, missing age, open band below a single age. */
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"0 years\";1;2;3\r\n", NULL, PLANOMSORG_EFORMAT,
              "07459.csv:2:5: extra column");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"0 years\";1;\"..\"\r\n"
                       "\"K-3101 Halden\";\"1 year\";1;2\r\n", NULL, PLANOMSORG_EVALUE,
              "07459.csv:2:4: value '..' is not a number");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"0 years\";1;2\r\n\"K-3101 Halden\";\"0 years\";1;2\r\n",
              NULL, PLANOMSORG_EDUPLICATE,
              "07459.csv:3: duplicate row for region 'K-3101 Halden', age 0 (first on line 2)");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"0 years\";1;2\r\n\"K-3101 Halden\";\"2 years or older\";1;2\r\n",
              NULL, PLANOMSORG_EMISSING, "region 'K-3101 Halden' has no row for age 1");
    ssb_fails(SSB_HEAD "\"K-3101 Halden\";\"3 years\";1;2\r\n\"K-3101 Halden\";\"2 years or older\";1;2\r\n",
              NULL, PLANOMSORG_EFORMAT, "age 3 is not below the open band");
    /* One municipality under two labels is still one: its age 0 twice is a duplicate. */
    ssb_fails(SSB_HEAD "\"K-0301 Oslo\";\"0 years\";1;2\r\n\"0301 Oslo\";\"0 years\";1;2\r\n",
              "0301", PLANOMSORG_EDUPLICATE, "07459.csv:3: duplicate row for region '0301 Oslo', age 0");
    ssb_fails(SSB_HEAD, NULL, PLANOMSORG_EEMPTY, "a header but no data rows");
    ssb_fails("", NULL, PLANOMSORG_EEMPTY, "empty input");
    ssb_fails(SSB_HEAD "\"K-3101 Halden;\"0 years\";1;2\r\n", NULL, PLANOMSORG_EFORMAT,
              "malformed quoting");
    planomsorg_population *pop = (planomsorg_population *)1;
    assert_int_equal(planomsorg_population_read_ssb(&pop, "/nonexistent/07459.csv", NULL),
                     PLANOMSORG_EIO);
    assert_null(pop);
    expect_message("/nonexistent/07459.csv: cannot open");
}

/* ---------- the real SSB export against the independently derived file ---------- */

static const char *raw_dir(void)
{
    const char *d = getenv("PLANOMSORG_RAW_DATA");
    return d && *d ? d : NULL;
}

/* Reads derived/municipality_population_by_age_sex_2024_2026.csv (columns
 * municipality_code,year,age,male,female) with plain stdio: persons[sex][age] for one
 * municipality (or all when code is NULL) in 2024. Returns the number of rows used. */
static int read_derived(const char *path, const char *code, double persons[2][106])
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    memset(persons, 0, 2 * 106 * sizeof(double));
    char line[256];
    int used = 0;
    if (fgets(line, sizeof line, f) == NULL ||
        strncmp(line, "municipality_code,year,age,male,female", 38) != 0) {
        fclose(f);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char mun[16];
        int year, age;
        double male, female;
        if (sscanf(line, "%15[^,],%d,%d,%lf,%lf", mun, &year, &age, &male, &female) != 5) {
            fclose(f);
            return -1;
        }
        if (year != 2024 || (code && strcmp(mun, code) != 0))
            continue;
        if (age < 0 || age > 105) {
            fclose(f);
            return -1;
        }
        persons[PLANOMSORG_SEX_MALE][age] += male;
        persons[PLANOMSORG_SEX_FEMALE][age] += female;
        used++;
    }
    fclose(f);
    return used;
}

static void compare_with_derived(const char *code)
{
    const char *dir = raw_dir();
    if (dir == NULL)
        skip();
    char ssb[512], derived[512];
    snprintf(ssb, sizeof ssb, "%s/csdata/norway_population_by_age_sex_2024.csv", dir);
    snprintf(derived, sizeof derived,
             "%s/csdata/derived/municipality_population_by_age_sex_2024_2026.csv", dir);
    if (access(ssb, R_OK) != 0 || access(derived, R_OK) != 0)
        skip();
    static double want[2][106];
    int used = read_derived(derived, code, want);
    /* 106 ages for Oslo; 357 municipalities x 106 ages for the country. */
    assert_int_equal(used, code ? 106 : 357 * 106);

    planomsorg_population *pop = NULL;
    int rc = planomsorg_population_read_ssb(&pop, ssb, code);
    if (rc != PLANOMSORG_OK)
        fail_msg("read_ssb: %s", planomsorg_error_last());
    assert_int_equal(planomsorg_population_first_year(pop), 2024);
    assert_int_equal(planomsorg_population_n_years(pop), 1);
    assert_int_equal(planomsorg_population_max_age(pop), 105);
    /* Counts are integers: every cell must agree exactly. */
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= 105; a++) {
            double got = get(pop, 2024, s, a);
            if (got != want[s][a])
                fail_msg("region %s, %s, age %d: SSB export %.0f, derived file %.0f",
                         code ? code : "all", planomsorg_sex_name(s), a, got, want[s][a]);
        }
    if (code == NULL) {
        /* Published 1 January 2024 (SSB): 5,550,203 = 2,795,718 men + 2,754,485 women. */
        double men = 0, women = 0, all = 0;
        assert_int_equal(planomsorg_population_sum(pop, 2024, PLANOMSORG_SEX_MALE, 0,
                                                   PLANOMSORG_AGE_OPEN, &men), PLANOMSORG_OK);
        assert_int_equal(planomsorg_population_sum(pop, 2024, PLANOMSORG_SEX_FEMALE, 0,
                                                   PLANOMSORG_AGE_OPEN, &women), PLANOMSORG_OK);
        assert_int_equal(planomsorg_population_sum(pop, 2024, PLANOMSORG_SEX_BOTH, 0,
                                                   PLANOMSORG_AGE_OPEN, &all), PLANOMSORG_OK);
        assert_true(men == 2795718.0);
        assert_true(women == 2754485.0);
        assert_true(all == 5550203.0);
    }
    planomsorg_population_free(pop);
}

static void test_ssb_real_oslo(void **state)
{
    (void)state;
    compare_with_derived("0301");
}

static void test_ssb_real_national(void **state)
{
    (void)state;
    compare_with_derived(NULL);
}

/* Non-municipality rows (K-21-22, K-23, K-Rest) are skipped, not mistaken for a region. */
static void test_ssb_real_non_municipality(void **state)
{
    (void)state;
    const char *dir = raw_dir();
    if (dir == NULL)
        skip();
    char ssb[512];
    snprintf(ssb, sizeof ssb, "%s/csdata/norway_population_by_age_sex_2024.csv", dir);
    if (access(ssb, R_OK) != 0)
        skip();
    planomsorg_population *pop = (planomsorg_population *)1;
    assert_int_equal(planomsorg_population_read_ssb(&pop, ssb, "2300"), PLANOMSORG_ENOTFOUND);
    assert_null(pop);
    expect_message("region 2300 not found");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_small),
        cmocka_unit_test(test_format_exact_text),
        cmocka_unit_test(test_round_trip_exact),
        cmocka_unit_test(test_csv_missing_column),
        cmocka_unit_test(test_csv_extra_column),
        cmocka_unit_test(test_csv_short_row),
        cmocka_unit_test(test_csv_unknown_column),
        cmocka_unit_test(test_csv_duplicate_column),
        cmocka_unit_test(test_csv_non_numeric),
        cmocka_unit_test(test_csv_negative),
        cmocka_unit_test(test_csv_nan),
        cmocka_unit_test(test_csv_inf),
        cmocka_unit_test(test_csv_empty_value),
        cmocka_unit_test(test_csv_duplicate_cell),
        cmocka_unit_test(test_csv_missing_cell),
        cmocka_unit_test(test_csv_age_out_of_range),
        cmocka_unit_test(test_csv_year_out_of_range),
        cmocka_unit_test(test_csv_unknown_sex),
        cmocka_unit_test(test_csv_empty_file),
        cmocka_unit_test(test_csv_header_only),
        cmocka_unit_test(test_csv_invalid_utf8),
        cmocka_unit_test(test_csv_latin1),
        cmocka_unit_test(test_csv_nul_byte),
        cmocka_unit_test(test_csv_malformed_quoting),
        cmocka_unit_test(test_csv_unreadable_file),
        cmocka_unit_test(test_ssb_small_regions),
        cmocka_unit_test(test_ssb_several_years_norwegian_utf8),
        cmocka_unit_test(test_ssb_region_not_found),
        cmocka_unit_test(test_ssb_malformed_age_label),
        cmocka_unit_test(test_ssb_bad_layout),
        cmocka_unit_test(test_ssb_real_oslo),
        cmocka_unit_test(test_ssb_real_national),
        cmocka_unit_test(test_ssb_real_non_municipality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
