/* SSB projection tables by age group: reading, queries, bad input, real files, alignment. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static const char *const labels[10] = {"0 år",     "1-5 år",   "6-12 år",  "13-15 år",
                                       "16-19 år", "20-44 år", "45-66 år", "67-79 år",
                                       "80-89 år", "90 år eller eldre"};
static const int want_lo[10] = {0, 1, 6, 13, 16, 20, 45, 67, 80, 90};
static const int want_hi[10] = {0, 5, 12, 15, 19, 44, 66, 79, 89, PLANOMSORG_AGE_OPEN};
static const char *const regions[2] = {"Hele landet", "Porsgrunn (2020-2023)"};
static const char *const alts[2] = {"Hovedalternativet (MMMM)", "Lav nasjonal vekst (LLML)"};

/* Value of a cell: distinct and known. */
static double value_of(int r, int a, int year, int g)
{
    return 1000.0 * (r + 1) + 100.0 * a + 10.0 * (year - 2020) + g + 0.5;
}

/* Edits applied while writing the table: the row number (1-based, header excluded) and
 * what to do with it. */
typedef enum { EDIT_NONE, EDIT_DROP, EDIT_DUP, EDIT_FIELD } edit_kind;
typedef struct {
    edit_kind kind;
    int row;
    int field; /* 0 region, 1 alternative, 2 year, 3 age, 4 value, 5 round */
    const char *text;
} edit;

/* Writes a table of 2 regions x 2 alternatives x 2 years (2020-2021) x 10 groups with
 * the columns in SSB's order. Caller frees. */
static char *make_csv(edit e)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    len += (size_t)snprintf(buf + len, cap - len,
                            "region,statistikkvariabel,år,alder,value,Framskriving,Tabell\n");
    int row = 0;
    for (int r = 0; r < 2; r++)
        for (int a = 0; a < 2; a++)
            for (int y = 2020; y <= 2021; y++)
                for (int g = 0; g < 10; g++) {
                    row++;
                    if (e.kind == EDIT_DROP && e.row == row)
                        continue;
                    char fields[6][64];
                    snprintf(fields[0], 64, "%s", regions[r]);
                    snprintf(fields[1], 64, "%s", alts[a]);
                    snprintf(fields[2], 64, "%d", y);
                    snprintf(fields[3], 64, "%s", labels[g]);
                    snprintf(fields[4], 64, "%.1f", value_of(r, a, y, g));
                    snprintf(fields[5], 64, "2020");
                    if (e.kind == EDIT_FIELD && e.row == row)
                        snprintf(fields[e.field], 64, "%s", e.text);
                    for (int k = 0; k < (e.kind == EDIT_DUP && e.row == row ? 2 : 1); k++)
                        len += (size_t)snprintf(buf + len, cap - len, "%s,%s,%s,%s,%s,%s,12882\n",
                                                fields[0], fields[1], fields[2], fields[3],
                                                fields[4], fields[5]);
                }
    return buf;
}

static planomsorg_ssbproj *parse_ok(edit e)
{
    char *text = make_csv(e);
    planomsorg_ssbproj *p = NULL;
    int rc = planomsorg_ssbproj_parse(&p, text, strlen(text), "mem.csv");
    if (rc != PLANOMSORG_OK)
        fail_msg("parse failed: %s", planomsorg_error_last());
    free(text);
    return p;
}

static void assert_parse_fails(edit e, int code, const char *fragment)
{
    char *text = make_csv(e);
    planomsorg_ssbproj *p = (planomsorg_ssbproj *)&p;
    int rc = planomsorg_ssbproj_parse(&p, text, strlen(text), "mem.csv");
    free(text);
    assert_null(p);
    if (rc != code || strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("status %d, message '%s'; wanted %d and '%s'", rc, planomsorg_error_last(), code,
                 fragment);
}

static void assert_fails(int rc, int code, const char *fragment)
{
    if (rc != code || strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("status %d, message '%s'; wanted %d and '%s'", rc, planomsorg_error_last(), code,
                 fragment);
}

static const edit no_edit = {EDIT_NONE, 0, 0, NULL};

static void test_parse_and_query(void **state)
{
    (void)state;
    planomsorg_ssbproj *p = parse_ok(no_edit);
    assert_int_equal(planomsorg_ssbproj_round(p), 2020);
    assert_int_equal(planomsorg_ssbproj_first_year(p), 2020);
    assert_int_equal(planomsorg_ssbproj_n_years(p), 2);
    assert_int_equal(planomsorg_ssbproj_n_regions(p), 2);
    assert_string_equal(planomsorg_ssbproj_region(p, 1), "Porsgrunn (2020-2023)");
    assert_null(planomsorg_ssbproj_region(p, 2));
    assert_true(planomsorg_ssbproj_has_alternative(p, PLANOMSORG_SSBPROJ_MAIN));
    assert_true(planomsorg_ssbproj_has_alternative(p, PLANOMSORG_SSBPROJ_LOW));
    assert_false(planomsorg_ssbproj_has_alternative(p, PLANOMSORG_SSBPROJ_HIGH));
    assert_false(planomsorg_ssbproj_has_alternative(p, 99));
    int idx = -1;
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, "Porsgrunn"), PLANOMSORG_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, "Porsgrunn (2020-2023)"), PLANOMSORG_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, NULL), PLANOMSORG_OK);
    assert_int_equal(idx, 0);
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, PLANOMSORG_NORWAY), PLANOMSORG_OK);
    assert_int_equal(idx, 0);
    assert_fails(planomsorg_ssbproj_find_region(NULL, p, "Skien"), PLANOMSORG_EINVAL, "index");

    assert_int_equal(planomsorg_ssbproj_n_groups(p), 10);
    int lo[10], hi[10];
    assert_int_equal(planomsorg_ssbproj_groups(p, lo, hi, 10), PLANOMSORG_OK);
    for (int g = 0; g < 10; g++) {
        assert_int_equal(lo[g], want_lo[g]);
        assert_int_equal(hi[g], want_hi[g]);
        assert_string_equal(planomsorg_ssbproj_group_label(p, g), labels[g]);
    }
    assert_null(planomsorg_ssbproj_group_label(p, 10));

    double table[20];
    assert_int_equal(planomsorg_ssbproj_table(p, "Porsgrunn", PLANOMSORG_SSBPROJ_LOW, table, 20),
                     PLANOMSORG_OK);
    for (int y = 0; y < 2; y++)
        for (int g = 0; g < 10; g++)
            assert_true(table[y * 10 + g] == value_of(1, 1, 2020 + y, g));

    double v;
    assert_int_equal(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2021, 80,
                                             PLANOMSORG_AGE_OPEN, &v),
                     PLANOMSORG_OK);
    assert_true(v == value_of(0, 0, 2021, 8) + value_of(0, 0, 2021, 9));
    assert_int_equal(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2020, 67, 89, &v),
                     PLANOMSORG_OK);
    assert_true(v == value_of(0, 0, 2020, 7) + value_of(0, 0, 2020, 8));
    double all = 0;
    for (int g = 0; g < 10; g++)
        all += value_of(0, 0, 2020, g);
    assert_int_equal(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2020, 0,
                                             PLANOMSORG_AGE_OPEN, &v),
                     PLANOMSORG_OK);
    assert_true(fabs(v - all) < 1e-9);

    /* Queries the table cannot answer. */
    assert_fails(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2020, 70,
                                         PLANOMSORG_AGE_OPEN, &v),
                 PLANOMSORG_ECONSISTENCY, "70..-1");
    assert_fails(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2020, 67, 85, &v),
                 PLANOMSORG_ECONSISTENCY, "not a union");
    assert_fails(planomsorg_ssbproj_band(p, NULL, PLANOMSORG_SSBPROJ_MAIN, 2022, 80, 89, &v),
                 PLANOMSORG_ERANGE, "year 2022");
    assert_fails(planomsorg_ssbproj_table(p, "Skien", PLANOMSORG_SSBPROJ_MAIN, table, 20),
                 PLANOMSORG_ENOTFOUND, "region 'Skien'");
    assert_fails(planomsorg_ssbproj_find_region(&idx, p, "Porsgrunn (2024-2027)"),
                 PLANOMSORG_ENOTFOUND, "Porsgrunn (2024-2027)");
    assert_fails(planomsorg_ssbproj_table(p, NULL, PLANOMSORG_SSBPROJ_HIGH, table, 20),
                 PLANOMSORG_ENOTFOUND, "HHMH");
    assert_fails(planomsorg_ssbproj_table(p, NULL, 7, table, 20), PLANOMSORG_EINVAL, "7");
    assert_fails(planomsorg_ssbproj_table(p, NULL, PLANOMSORG_SSBPROJ_MAIN, table, 19),
                 PLANOMSORG_EDIMENSION, "19");
    assert_fails(planomsorg_ssbproj_groups(p, lo, hi, 9), PLANOMSORG_EDIMENSION, "9");
    planomsorg_ssbproj_free(p);
    planomsorg_ssbproj_free(NULL);
}

static void test_alternative_names(void **state)
{
    (void)state;
    int a = -1;
    for (int k = 0; k < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; k++) {
        assert_int_equal(planomsorg_ssbproj_alternative_parse(&a, planomsorg_ssbproj_alternative_name(k)),
                         PLANOMSORG_OK);
        assert_int_equal(a, k);
        assert_int_equal(planomsorg_ssbproj_alternative_parse(&a, planomsorg_ssbproj_alternative_label(k)),
                         PLANOMSORG_OK);
        assert_int_equal(a, k);
    }
    assert_int_equal(planomsorg_ssbproj_alternative_parse(&a, "LLML"), PLANOMSORG_OK);
    assert_int_equal(a, PLANOMSORG_SSBPROJ_LOW);
    assert_string_equal(planomsorg_ssbproj_alternative_name(PLANOMSORG_SSBPROJ_HIGH), "high");
    assert_null(planomsorg_ssbproj_alternative_name(4));
    assert_null(planomsorg_ssbproj_alternative_label(-1));
    assert_fails(planomsorg_ssbproj_alternative_parse(&a, "medium"), PLANOMSORG_ENOTFOUND,
                 "'medium'");
}

static void test_bad_input(void **state)
{
    (void)state;
    /* Row 3 is on line 4 of the file (after the header). */
    assert_parse_fails((edit){EDIT_FIELD, 3, 1, "Middels nasjonal vekst (MMMX)"}, PLANOMSORG_EVALUE,
                       "mem.csv:4:2: unknown alternative 'Middels nasjonal vekst (MMMX)'");
    assert_parse_fails((edit){EDIT_FIELD, 3, 3, "80 - 89 år"}, PLANOMSORG_EVALUE,
                       "mem.csv:4:4: age group '80 - 89 år'");
    assert_parse_fails((edit){EDIT_FIELD, 5, 3, "80-89"}, PLANOMSORG_EVALUE, "age group '80-89'");
    assert_parse_fails((edit){EDIT_FIELD, 5, 3, "89-80 år"}, PLANOMSORG_EVALUE, "age group '89-80 år'");
    assert_parse_fails((edit){EDIT_FIELD, 7, 4, "12a"}, PLANOMSORG_EVALUE, "mem.csv:8:5");
    assert_parse_fails((edit){EDIT_FIELD, 7, 4, "-3"}, PLANOMSORG_EVALUE, "mem.csv:8:5");
    assert_parse_fails((edit){EDIT_FIELD, 7, 4, ""}, PLANOMSORG_EVALUE, "mem.csv:8:5");
    assert_parse_fails((edit){EDIT_FIELD, 2, 2, "20x0"}, PLANOMSORG_EVALUE, "mem.csv:3:3");
    assert_parse_fails((edit){EDIT_FIELD, 2, 2, "3020"}, PLANOMSORG_ERANGE, "mem.csv:3:3");
    assert_parse_fails((edit){EDIT_FIELD, 9, 5, "2022"}, PLANOMSORG_EFORMAT,
                       "mem.csv:10:6: projection round 2022 differs from 2020");
    assert_parse_fails((edit){EDIT_DUP, 12, 0, NULL}, PLANOMSORG_EDUPLICATE,
                       "mem.csv:14: duplicate cell: region 'Hele landet', Hovedalternativet "
                       "(MMMM), year 2021, age group '1-5 år' already given on line 13");
    assert_parse_fails((edit){EDIT_DROP, 70, 0, NULL}, PLANOMSORG_EMISSING,
                       "mem.csv: missing cell: region 'Porsgrunn (2020-2023)', Lav nasjonal "
                       "vekst (LLML), year 2020, age group '90 år eller eldre'");
    /* A year moved out of the range leaves a gap year with missing cells. */
    assert_parse_fails((edit){EDIT_FIELD, 1, 2, "2023"}, PLANOMSORG_EMISSING,
                       "year 2020, age group '0 år'");
    /* Far more cells than rows: reported by count, without allocating the whole grid. */
    assert_parse_fails((edit){EDIT_FIELD, 1, 2, "2300"}, PLANOMSORG_EMISSING,
                       "mem.csv: missing cells: 2 regions x 2 alternatives x 281 years "
                       "(2020-2300) x 10 age groups need 11240 rows, the file has 80");
    /* "85-89 år" overlaps "80-89 år" (and leaves 80-89 missing elsewhere). */
    assert_parse_fails((edit){EDIT_FIELD, 9, 3, "85-95 år"}, PLANOMSORG_EFORMAT, "overlap");
    assert_parse_fails((edit){EDIT_FIELD, 4, 0, ""}, PLANOMSORG_EVALUE, "mem.csv:5:1: empty region");

    /* Structure: missing column, no rows, ragged row. */
    planomsorg_ssbproj *p = NULL;
    const char *no_value = "region,statistikkvariabel,år,alder\nHele landet,Personer,2020,0 år\n";
    assert_int_equal(planomsorg_ssbproj_parse(&p, no_value, strlen(no_value), "x.csv"),
                     PLANOMSORG_EFORMAT);
    assert_non_null(strstr(planomsorg_error_last(), "value"));
    const char *header_only = "region,statistikkvariabel,år,alder,value\n";
    assert_fails(planomsorg_ssbproj_parse(&p, header_only, strlen(header_only), "x.csv"),
                 PLANOMSORG_EEMPTY, "x.csv");
    const char *ragged = "region,statistikkvariabel,år,alder,value\nHele landet,Personer,2020,0 år\n";
    assert_fails(planomsorg_ssbproj_parse(&p, ragged, strlen(ragged), "x.csv"), PLANOMSORG_EFORMAT,
                 "x.csv:2");
    assert_fails(planomsorg_ssbproj_parse(&p, "", 0, "x.csv"), PLANOMSORG_EEMPTY, "");
    assert_fails(planomsorg_ssbproj_read(&p, "/nonexistent/ssb.csv"), PLANOMSORG_EIO,
                 "/nonexistent/ssb.csv");
    assert_fails(planomsorg_ssbproj_read(NULL, "x"), PLANOMSORG_EINVAL, "out");
    assert_null(p);
}

static void test_region_named_like_norway_code(void **state)
{
    (void)state;
    /* Found by the fuzzer: a region literally named "0000" is found by its name; "0000"
     * stands for "Hele landet" only when no region has that name. */
    const char *text = "region,statistikkvariabel,år,alder,value\n"
                       "Hele landet,Personer,2020,0 år,1\n0000,Personer,2020,0 år,2\n";
    planomsorg_ssbproj *p = NULL;
    assert_int_equal(planomsorg_ssbproj_parse(&p, text, strlen(text), NULL), PLANOMSORG_OK);
    int idx = -1;
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, "0000"), PLANOMSORG_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(planomsorg_ssbproj_find_region(&idx, p, NULL), PLANOMSORG_OK);
    assert_int_equal(idx, 0);
    planomsorg_ssbproj_free(p);
}

static void test_historical_layout(void **state)
{
    (void)state;
    /* The historical file's column order; one region, two groups that do not cover all ages. */
    const char *text = "region,alder,statistikkvariabel,år,value\n"
                       "Skien,80-89 år,Personer,2025,10\nSkien,90 år eller eldre,Personer,2025,3\n"
                       "Skien,80-89 år,Personer,2026,11\nSkien,90 år eller eldre,Personer,2026,4\n";
    planomsorg_ssbproj *p = NULL;
    assert_int_equal(planomsorg_ssbproj_parse(&p, text, strlen(text), NULL), PLANOMSORG_OK);
    assert_int_equal(planomsorg_ssbproj_round(p), 0);
    assert_true(planomsorg_ssbproj_has_alternative(p, PLANOMSORG_SSBPROJ_OBSERVED));
    double v;
    assert_int_equal(planomsorg_ssbproj_band(p, "Skien", PLANOMSORG_SSBPROJ_OBSERVED, 2026, 80,
                                             PLANOMSORG_AGE_OPEN, &v),
                     PLANOMSORG_OK);
    assert_true(v == 15.0);
    assert_fails(planomsorg_ssbproj_band(p, "Skien", PLANOMSORG_SSBPROJ_OBSERVED, 2026, 67,
                                         PLANOMSORG_AGE_OPEN, &v),
                 PLANOMSORG_ECONSISTENCY, "67");
    planomsorg_ssbproj_free(p);
}

static void test_align_to_table(void **state)
{
    (void)state;
    planomsorg_ssbproj *p = parse_ok(no_edit);
    /* Population 2021-2023: only 2021 is in the table, so only 2021 is aligned. */
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2021, 3, 105), PLANOMSORG_OK);
    for (int y = 2021; y <= 2023; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++)
                assert_int_equal(planomsorg_population_set(pop, y, s, a, 1.0 + a % 7 + s), PLANOMSORG_OK);
    planomsorg_align_report *r = NULL;
    assert_int_equal(planomsorg_ssbproj_align(&r, pop, p, "Porsgrunn", PLANOMSORG_SSBPROJ_MAIN),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_align_report_first_year(r), 2021);
    assert_int_equal(planomsorg_align_report_n_years(r), 1);
    for (int g = 0; g < 10; g++) {
        double sum = 0;
        int hi = want_hi[g] == PLANOMSORG_AGE_OPEN ? 105 : want_hi[g];
        for (int s = 0; s < 2; s++)
            for (int a = want_lo[g]; a <= hi; a++) {
                double x;
                assert_int_equal(planomsorg_population_get(pop, 2021, s, a, &x), PLANOMSORG_OK);
                sum += x;
            }
        double want = value_of(1, 0, 2021, g);
        assert_true(fabs(sum - want) <= 1e-9 * want);
    }
    double x;
    assert_int_equal(planomsorg_population_get(pop, 2022, 1, 50, &x), PLANOMSORG_OK);
    assert_true(x == 1.0 + 50 % 7 + 1);
    planomsorg_align_report_free(r);
    planomsorg_population_free(pop);

    assert_int_equal(planomsorg_population_new(&pop, 2030, 2, 105), PLANOMSORG_OK);
    assert_fails(planomsorg_ssbproj_align(&r, pop, p, NULL, PLANOMSORG_SSBPROJ_MAIN),
                 PLANOMSORG_ERANGE, "share no year");
    assert_null(r);
    planomsorg_population_free(pop);
    planomsorg_ssbproj_free(p);
}

/* The real files: first projection years equal the observed population published by SSB. */
static planomsorg_ssbproj *read_raw(const char *name)
{
    const char *raw = getenv("PLANOMSORG_RAW_DATA");
    if (raw == NULL)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/telemark/%s", raw, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fclose(f);
    planomsorg_ssbproj *p = NULL;
    if (planomsorg_ssbproj_read(&p, path) != PLANOMSORG_OK)
        fail_msg("%s: %s", path, planomsorg_error_last());
    return p;
}

static void test_real_files(void **state)
{
    (void)state;
    planomsorg_ssbproj *p24 = read_raw("Framskrevet_folkemengde_2024-2050.csv");
    if (p24 == NULL)
        skip();
    planomsorg_ssbproj *p26 = read_raw("Framskrevet_folkemengde_2026-2050.csv");
    planomsorg_ssbproj *p20 = read_raw("Framskrevet_folkemengde_2020-2050.csv");
    planomsorg_ssbproj *hist = read_raw("befolkningsframskrivinger_historiske.csv");
    assert_non_null(p26);
    assert_non_null(p20);
    assert_non_null(hist);
    assert_int_equal(planomsorg_ssbproj_round(p24), 2024);
    assert_int_equal(planomsorg_ssbproj_first_year(p24), 2024);
    assert_int_equal(planomsorg_ssbproj_n_years(p24), 27);
    assert_int_equal(planomsorg_ssbproj_n_groups(p24), 10);
    assert_int_equal(planomsorg_ssbproj_n_regions(p20), 19);
    for (int a = 0; a < 3; a++)
        assert_true(planomsorg_ssbproj_has_alternative(p24, a));
    /* SSB's published 1 January figures (data/raw/SOURCES.md, section 2). */
    double v;
    assert_int_equal(planomsorg_ssbproj_band(p24, NULL, PLANOMSORG_SSBPROJ_MAIN, 2024, 0,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 5550203.0);
    assert_int_equal(planomsorg_ssbproj_band(p24, NULL, PLANOMSORG_SSBPROJ_HIGH, 2024, 80,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 256485.0);
    assert_int_equal(planomsorg_ssbproj_band(p26, NULL, PLANOMSORG_SSBPROJ_LOW, 2026, 0,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 5627400.0);
    assert_int_equal(planomsorg_ssbproj_band(p26, NULL, PLANOMSORG_SSBPROJ_MAIN, 2026, 80,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 284939.0);
    assert_int_equal(planomsorg_ssbproj_band(hist, NULL, PLANOMSORG_SSBPROJ_OBSERVED, 2026, 0,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 5627400.0);
    assert_int_equal(planomsorg_ssbproj_band(hist, NULL, PLANOMSORG_SSBPROJ_OBSERVED, 2020, 0,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v == 5367580.0);
    /* Old-border names are found without their suffix. */
    assert_int_equal(planomsorg_ssbproj_band(p20, "Porsgrunn", PLANOMSORG_SSBPROJ_MAIN, 2020, 0,
                                             PLANOMSORG_AGE_OPEN, &v), PLANOMSORG_OK);
    assert_true(v > 30000 && v < 40000);
    planomsorg_ssbproj_free(p20);
    planomsorg_ssbproj_free(p24);
    planomsorg_ssbproj_free(p26);
    planomsorg_ssbproj_free(hist);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_and_query),
        cmocka_unit_test(test_alternative_names),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_historical_layout),
        cmocka_unit_test(test_region_named_like_norway_code),
        cmocka_unit_test(test_align_to_table),
        cmocka_unit_test(test_real_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
