/* Embedded data: population totals and KOSTRA sums against SSB's published figures
 * (as listed in ../shared/data/raw/SOURCES.md), identities, the raw StatBank export, errors. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"

static double total(const planomsorg_population *pop, int year, int sex)
{
    double v = -1;
    assert_int_equal(planomsorg_population_sum(pop, year, sex, 0, PLANOMSORG_AGE_OPEN, &v),
                     PLANOMSORG_OK);
    return v;
}

/* SSB's published population of Norway on 1 January (statbank 07459). */
static void test_norway_totals(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_data_population(&pop, NULL), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_first_year(pop), 1986);
    assert_int_equal(planomsorg_population_n_years(pop), 41);
    assert_int_equal(planomsorg_population_max_age(pop), 105);
    assert_true(total(pop, 2000, PLANOMSORG_SEX_BOTH) == 4478497);
    assert_true(total(pop, 2010, PLANOMSORG_SEX_BOTH) == 4858199);
    assert_true(total(pop, 2020, PLANOMSORG_SEX_BOTH) == 5367580);
    assert_true(total(pop, 2024, PLANOMSORG_SEX_BOTH) == 5550203);
    assert_true(total(pop, 2024, PLANOMSORG_SEX_MALE) == 2795718);
    assert_true(total(pop, 2024, PLANOMSORG_SEX_FEMALE) == 2754485);
    assert_true(total(pop, 2025, PLANOMSORG_SEX_BOTH) == 5594340);
    assert_true(total(pop, 2026, PLANOMSORG_SEX_BOTH) == 5627400);
    /* SSB's 2024 and 2026 projection rounds start from 80+ = 256,485 and 284,939. */
    double p80;
    assert_int_equal(planomsorg_population_band(pop, 2024, PLANOMSORG_SEX_BOTH,
                                                PLANOMSORG_BAND_80P, &p80), PLANOMSORG_OK);
    assert_true(p80 == 256485);
    assert_int_equal(planomsorg_population_band(pop, 2026, PLANOMSORG_SEX_BOTH,
                                                PLANOMSORG_BAND_80P, &p80), PLANOMSORG_OK);
    assert_true(p80 == 284939);
    planomsorg_population_free(pop);

    /* "0000" is Norway too. */
    assert_int_equal(planomsorg_data_population(&pop, PLANOMSORG_NORWAY), PLANOMSORG_OK);
    assert_true(total(pop, 2000, PLANOMSORG_SEX_BOTH) == 4478497);
    planomsorg_population_free(pop);
}

/* Identity: the municipalities add up to Norway in every cell of 2024-2026. */
static void test_municipalities_sum_to_norway(void **state)
{
    (void)state;
    planomsorg_population *norway = NULL;
    assert_int_equal(planomsorg_data_population(&norway, NULL), PLANOMSORG_OK);
    static double sum[3][2][106];
    memset(sum, 0, sizeof sum);
    int n = planomsorg_data_n_municipalities();
    for (int i = 0; i < n; i++) {
        planomsorg_population *m = NULL;
        assert_int_equal(planomsorg_data_population(&m, planomsorg_data_municipality_code(i)),
                         PLANOMSORG_OK);
        assert_int_equal(planomsorg_population_first_year(m), 2024);
        assert_int_equal(planomsorg_population_n_years(m), 3);
        for (int y = 0; y < 3; y++)
            for (int s = 0; s < 2; s++)
                for (int a = 0; a <= 105; a++) {
                    double v;
                    assert_int_equal(planomsorg_population_get(m, 2024 + y, s, a, &v),
                                     PLANOMSORG_OK);
                    sum[y][s][a] += v;
                }
        planomsorg_population_free(m);
    }
    for (int y = 0; y < 3; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++) {
                double v;
                assert_int_equal(planomsorg_population_get(norway, 2024 + y, s, a, &v),
                                 PLANOMSORG_OK);
                assert_true(sum[y][s][a] == v);
            }
    planomsorg_population_free(norway);
}

static void test_municipality_list_and_names(void **state)
{
    (void)state;
    int n = planomsorg_data_n_municipalities();
    assert_int_equal(n, 357);
    const char *prev = "";
    for (int i = 0; i < n; i++) {
        const char *c = planomsorg_data_municipality_code(i);
        assert_non_null(c);
        assert_int_equal(strlen(c), 4);
        assert_true(strcmp(prev, c) < 0);
        assert_non_null(planomsorg_data_region_name(c));
        prev = c;
    }
    assert_null(planomsorg_data_municipality_code(-1));
    assert_null(planomsorg_data_municipality_code(n));
    assert_string_equal(planomsorg_data_region_name("5001"), "Trondheim");
    assert_string_equal(planomsorg_data_region_name("0301"), "Oslo");
    assert_string_equal(planomsorg_data_region_name("4601"), "Bergen");
    assert_string_equal(planomsorg_data_region_name("3226"), "Aurskog-H\xc3\xb8land");
    assert_string_equal(planomsorg_data_region_name("5610"), "Karasjok");
    assert_string_equal(planomsorg_data_region_name(NULL), "Norway");
    assert_string_equal(planomsorg_data_region_name("0000"), "Norway");
    assert_null(planomsorg_data_region_name("9999"));
    assert_null(planomsorg_data_region_name(""));
}

/* Oslo's 80+ on 1 January 2024 from the original SSB StatBank export (ISO-8859-1, ';'),
 * read independently of the derived tables. */
static void test_oslo_80p_against_raw_export(void **state)
{
    (void)state;
    const char *raw = getenv("PLANOMSORG_RAW_DATA");
    char path[4096];
    if (raw == NULL)
        skip();
    snprintf(path, sizeof path, "%s/csdata/norway_population_by_age_sex_2024.csv", raw);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        skip();
    char line[512];
    double expected = 0;
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "\"K-0301 ", 8) != 0)
            continue;
        int age, males, females;
        char *p = strchr(line, ';');
        assert_non_null(p);
        assert_int_equal(sscanf(p, ";\"%d", &age), 1);
        p = strchr(p + 1, ';');
        assert_non_null(p);
        assert_int_equal(sscanf(p, ";%d;%d", &males, &females), 2);
        rows++;
        if (age >= 80)
            expected += males + females;
    }
    fclose(f);
    assert_int_equal(rows, 106);
    planomsorg_population *oslo = NULL;
    assert_int_equal(planomsorg_data_population(&oslo, "0301"), PLANOMSORG_OK);
    double got;
    assert_int_equal(planomsorg_population_sum(oslo, 2024, PLANOMSORG_SEX_BOTH, 80,
                                               PLANOMSORG_AGE_OPEN, &got), PLANOMSORG_OK);
    assert_true(got == expected);
    assert_true(expected > 20000); /* sanity: Oslo has about 23,000 persons 80+ */
    planomsorg_population_free(oslo);
}

static double kostra(const char *region, int year, int indicator)
{
    double v = -1;
    assert_int_equal(planomsorg_data_kostra(&v, region, year, indicator), PLANOMSORG_OK);
    return v;
}

/* National sums of the 357 municipalities, as published in SOURCES.md. Counts are exact;
 * nurse FTEs have decimals and are published rounded to whole FTEs (tolerance 0.5). */
static void test_kostra_national_sums(void **state)
{
    (void)state;
    static const struct {
        int indicator;
        double v2024, v2025, tol;
    } published[] = {
        {PLANOMSORG_KOSTRA_HOME_USERS, 218701, 213654, 0},
        {PLANOMSORG_KOSTRA_HOME_USERS_0_66, 105193, 100311, 0},
        {PLANOMSORG_KOSTRA_HOME_USERS_80P, 70059, 70617, 0},
        {PLANOMSORG_KOSTRA_HOUSING24, 27296, 27649, 0},
        {PLANOMSORG_KOSTRA_LONGTERM, 31117, 30622, 0},
        {PLANOMSORG_KOSTRA_LONGTERM_0_66, 1455, 1342, 0},
        {PLANOMSORG_KOSTRA_LONGTERM_67_79, 6396, 6440, 0},
        {PLANOMSORG_KOSTRA_LONGTERM_80P, 20629, 20337, 0},
        {PLANOMSORG_KOSTRA_NURSE_FTE, 32846, 33130, 0.5},
    };
    for (size_t i = 0; i < sizeof published / sizeof published[0]; i++) {
        assert_float_equal(kostra(NULL, 2024, published[i].indicator), published[i].v2024,
                           published[i].tol);
        assert_float_equal(kostra("0000", 2025, published[i].indicator), published[i].v2025,
                           published[i].tol);
    }
}

/* Identities over the municipalities: 67-79 = total - 0-66 - 80+ where all are published;
 * Norway = sum of the published cells; Norway's hours = users-weighted mean. */
static void test_kostra_identities(void **state)
{
    (void)state;
    for (int year = 2024; year <= 2025; year++) {
        double sum_mid = 0, sum_hours_w = 0, sum_w = 0, lo = INFINITY, hi = -INFINITY;
        int n_mid = 0;
        for (int i = 0; i < planomsorg_data_n_municipalities(); i++) {
            const char *c = planomsorg_data_municipality_code(i);
            double t, y, o, m, h, u;
            int rt = planomsorg_data_kostra(&t, c, year, PLANOMSORG_KOSTRA_HOME_USERS);
            int ry = planomsorg_data_kostra(&y, c, year, PLANOMSORG_KOSTRA_HOME_USERS_0_66);
            int ro = planomsorg_data_kostra(&o, c, year, PLANOMSORG_KOSTRA_HOME_USERS_80P);
            int rm = planomsorg_data_kostra(&m, c, year, PLANOMSORG_KOSTRA_HOME_USERS_67_79);
            if (rt == PLANOMSORG_OK && ry == PLANOMSORG_OK && ro == PLANOMSORG_OK) {
                assert_int_equal(rm, PLANOMSORG_OK);
                assert_true(m == t - y - o);
                assert_true(m >= 0);
                sum_mid += m;
                n_mid++;
            } else {
                assert_int_equal(rm, PLANOMSORG_EMISSING);
                assert_true(isnan(m));
            }
            if (planomsorg_data_kostra(&h, c, year, PLANOMSORG_KOSTRA_HOME_NURSING_HOURS) ==
                    PLANOMSORG_OK &&
                planomsorg_data_kostra(&u, c, year, PLANOMSORG_KOSTRA_HOME_USERS) ==
                    PLANOMSORG_OK) {
                sum_hours_w += h * u;
                sum_w += u;
                lo = fmin(lo, h);
                hi = fmax(hi, h);
            }
        }
        assert_true(n_mid > 340);
        assert_float_equal(kostra(NULL, year, PLANOMSORG_KOSTRA_HOME_USERS_67_79), sum_mid, 1e-6);
        double hours = kostra(NULL, year, PLANOMSORG_KOSTRA_HOME_NURSING_HOURS);
        assert_float_equal(hours, sum_hours_w / sum_w, 1e-9);
        assert_true(hours > lo && hours < hi);
    }
}

static void test_kostra_names_and_sources(void **state)
{
    (void)state;
    for (int i = 0; i < PLANOMSORG_N_KOSTRA; i++) {
        assert_non_null(planomsorg_kostra_name(i));
        for (int j = 0; j < i; j++)
            assert_string_not_equal(planomsorg_kostra_name(i), planomsorg_kostra_name(j));
    }
    assert_string_equal(planomsorg_kostra_name(PLANOMSORG_KOSTRA_HOME_USERS_80P),
                        "home_users_80p");
    assert_null(planomsorg_kostra_name(PLANOMSORG_N_KOSTRA));
    assert_null(planomsorg_kostra_name(-1));
    const char *src = planomsorg_data_sources();
    assert_non_null(strstr(src, "07459"));
    assert_non_null(strstr(src, "NLOD 2.0"));
}

static void test_errors(void **state)
{
    (void)state;
    planomsorg_population *pop = (planomsorg_population *)&pop; /* must be reset to NULL */
    assert_error(planomsorg_data_population(&pop, "9999"), PLANOMSORG_ENOTFOUND, "'9999'");
    assert_null(pop);
    assert_error(planomsorg_data_population(&pop, "Oslo"), PLANOMSORG_ENOTFOUND, "'Oslo'");
    assert_error(planomsorg_data_population(NULL, "0301"), PLANOMSORG_EINVAL, "out");

    double v = 0;
    assert_error(planomsorg_data_kostra(&v, "9999", 2024, PLANOMSORG_KOSTRA_LONGTERM),
                 PLANOMSORG_ENOTFOUND, "'9999'");
    assert_error(planomsorg_data_kostra(&v, "0301", 2023, PLANOMSORG_KOSTRA_LONGTERM),
                 PLANOMSORG_ENOTFOUND, "year 2023");
    assert_error(planomsorg_data_kostra(&v, NULL, 2026, PLANOMSORG_KOSTRA_LONGTERM),
                 PLANOMSORG_ENOTFOUND, "year 2026");
    assert_error(planomsorg_data_kostra(&v, "0301", 2024, PLANOMSORG_N_KOSTRA),
                 PLANOMSORG_EINVAL, "indicator code 11");
    assert_error(planomsorg_data_kostra(&v, "0301", 2024, -1), PLANOMSORG_EINVAL,
                 "indicator code -1");
    assert_error(planomsorg_data_kostra(NULL, "0301", 2024, 0), PLANOMSORG_EINVAL, "out");
    /* SSB suppressed Eigersund's long-term residents 0-66 in 2024 (an empty cell in the panel). */
    v = 0;
    assert_error(planomsorg_data_kostra(&v, "1101", 2024, PLANOMSORG_KOSTRA_LONGTERM_0_66),
                 PLANOMSORG_EMISSING, "longterm_0_66 of 1101");
    assert_true(isnan(v));
    /* The panel has no 67-79 split of home-service users, so 67-79 is derived. */
    assert_true(kostra("1101", 2024, PLANOMSORG_KOSTRA_HOME_USERS_67_79) ==
                kostra("1101", 2024, PLANOMSORG_KOSTRA_HOME_USERS) -
                    kostra("1101", 2024, PLANOMSORG_KOSTRA_HOME_USERS_0_66) -
                    kostra("1101", 2024, PLANOMSORG_KOSTRA_HOME_USERS_80P));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_norway_totals),
        cmocka_unit_test(test_municipalities_sum_to_norway),
        cmocka_unit_test(test_municipality_list_and_names),
        cmocka_unit_test(test_oslo_80p_against_raw_export),
        cmocka_unit_test(test_kostra_national_sums),
        cmocka_unit_test(test_kostra_identities),
        cmocka_unit_test(test_kostra_names_and_sources),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
