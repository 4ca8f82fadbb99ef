/* Readers of transitions and capacity CSV files: good files give the matrices and plans
 * written in them; every kind of bad input gives its status and a message naming it. */
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

/* A three-level staircase: none, home, nursing_home. */
static planomsorg_staircase *small_staircase(void)
{
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "none", PLANOMSORG_LEVEL_KIND_NONE, 0), 0);
    assert_int_equal(planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, 0), 0);
    assert_int_equal(planomsorg_staircase_add_level(sc, "nursing_home", PLANOMSORG_LEVEL_KIND_LONG_TERM,
                                                    PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY),
                     0);
    return sc;
}

static int parse(planomsorg_transitions **tr, const char *text, const planomsorg_staircase *sc)
{
    return planomsorg_transitions_parse_csv(tr, text, strlen(text), "t.csv", sc);
}

static void test_transitions_good(void **state)
{
    (void)state;
    planomsorg_staircase *sc = small_staircase();
    const char *text = "age_from,sex,from,to,probability\n"
                       "0,both,none,none,0.99\n"
                       "0,both,none,home,0.01\n"
                       "80,female,none,none,0.8\n"
                       "80,female,none,home,0.15\n"
                       "80,female,none,nursing_home,0.05\n"
                       "80,male,1,1,0.7\n"
                       "80,male,home,2,0.3\n"
                       "0,both,nursing_home,death_rel,3.5\n";
    planomsorg_transitions *tr = NULL;
    assert_int_equal(parse(&tr, text, sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_n_bands(tr), 2);
    int lo = 0, fy = -1, ny = -1;
    assert_int_equal(planomsorg_transitions_band_lo(&lo, tr, 1), PLANOMSORG_OK);
    assert_int_equal(lo, 80);
    assert_int_equal(planomsorg_transitions_years(&fy, &ny, tr), PLANOMSORG_OK);
    assert_int_equal(ny, 0);
    double m[9];
    assert_int_equal(planomsorg_transitions_get_matrix(m, 9, tr, PLANOMSORG_ANY_YEAR, 1, 0), PLANOMSORG_OK);
    const double want_f[9] = {0.8, 0.15, 0.05, 0, 1, 0, 0, 0, 1}; /* untouched rows: identity */
    for (int i = 0; i < 9; i++)
        assert_true(m[i] == want_f[i]);
    assert_int_equal(planomsorg_transitions_get_matrix(m, 9, tr, 2030, 1, 1), PLANOMSORG_OK);
    const double want_m[9] = {1, 0, 0, 0, 0.7, 0.3, 0, 0, 1};
    for (int i = 0; i < 9; i++)
        assert_true(m[i] == want_m[i]);
    assert_int_equal(planomsorg_transitions_get_matrix(m, 9, tr, 2030, 0, 1), PLANOMSORG_OK);
    assert_true(m[0] == 0.99 && m[1] == 0.01);
    double mu[3];
    assert_int_equal(planomsorg_transitions_get_mortality(mu, 3, tr), PLANOMSORG_OK);
    assert_true(mu[0] == 1 && mu[1] == 1 && mu[2] == 3.5);
    planomsorg_transitions_free(tr);

    /* With years: consecutive, an empty or '*' year applies to all. */
    const char *by_year = "year,age_from,sex,from,to,probability\n"
                          "2025,0,both,home,home,0.9\n"
                          "2025,0,both,home,nursing_home,0.1\n"
                          "2026,0,both,home,home,0.8\n"
                          "2026,0,both,home,nursing_home,0.2\n"
                          "*,0,both,none,none,1\n";
    assert_int_equal(parse(&tr, by_year, sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_years(&fy, &ny, tr), PLANOMSORG_OK);
    assert_int_equal(fy, 2025);
    assert_int_equal(ny, 2);
    assert_int_equal(planomsorg_transitions_get_matrix(m, 9, tr, 2026, 0, 0), PLANOMSORG_OK);
    assert_true(m[4] == 0.8 && m[5] == 0.2);
    assert_int_equal(planomsorg_transitions_get_matrix(m, 9, tr, 2024, 0, 1), PLANOMSORG_OK);
    assert_true(m[4] == 0.9 && m[5] == 0.1);
    planomsorg_transitions_free(tr);

    /* The same through a file. */
    char path[] = "/tmp/planomsorg_tr_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    assert_int_equal(planomsorg_transitions_read_csv(&tr, path, sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_n_levels(tr), 3);
    planomsorg_transitions_free(tr);
    remove(path);
    assert_error(planomsorg_transitions_read_csv(&tr, "/nonexistent/t.csv", sc), PLANOMSORG_EIO,
                 "/nonexistent/t.csv");
    assert_null(tr);
    planomsorg_staircase_free(sc);
}

static void test_transitions_bad(void **state)
{
    (void)state;
    planomsorg_staircase *sc = small_staircase();
    planomsorg_transitions *tr = NULL;
    const char *h = "age_from,sex,from,to,probability\n";
    char buf[512];
    struct {
        const char *body;
        int code;
        const char *fragment;
    } cases[] = {
        {"0,both,home,home,0.9\n0,both,home,nursing_home,0.2\n", PLANOMSORG_ESTOCHASTIC,
         "t.csv: year all years, band from age 0, sex female, row from level 'home' sums to 1.1"},
        {"0,both,home,hospital,1\n", PLANOMSORG_ENOTFOUND, "t.csv:2:4: unknown level 'hospital'"},
        {"0,both,home,home,1.5\n", PLANOMSORG_EVALUE, "t.csv:2:5: probability 1.5 is above 1"},
        {"0,both,home,home,-0.5\n", PLANOMSORG_EVALUE, "t.csv:2:5"},
        {"0,both,home,home,abc\n", PLANOMSORG_EVALUE, "t.csv:2:5"},
        {"0,other,home,home,1\n", PLANOMSORG_EVALUE, "unknown sex 'other'"},
        {"0,both,home,home,1\n0,female,home,home,1\n", PLANOMSORG_EDUPLICATE,
         "home -> home, band from age 0, sex female given twice (also line 2)"},
        {"67,both,home,home,1\n", PLANOMSORG_EMISSING, "no band starts at age 0"},
        {"200,both,home,home,1\n", PLANOMSORG_ERANGE, "t.csv:2:1"},
        {"0,both,home,home\n", PLANOMSORG_EFORMAT, "t.csv:2"},
        {"0,both,nursing_home,death_rel,2\n1,both,nursing_home,death_rel,2\n", PLANOMSORG_EDUPLICATE,
         "relative mortality of level 'nursing_home' given twice"},
        {"0,both,home,death_rel,0\n0,both,none,death_rel,0\n0,both,nursing_home,death_rel,0\n",
         PLANOMSORG_EVALUE, "every relative mortality is 0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(buf, sizeof buf, "%s%s", h, cases[i].body);
        assert_error(parse(&tr, buf, sc), cases[i].code, cases[i].fragment);
        assert_null(tr);
    }
    assert_error(parse(&tr, "age_from,sex,from,to\n0,both,home,home\n", sc), PLANOMSORG_EFORMAT,
                 "missing column 'probability'");
    assert_error(parse(&tr, "age_from,sex,from,to,probability,extra\n", sc), PLANOMSORG_EFORMAT,
                 "unknown column 'extra'");
    assert_error(parse(&tr, h, sc), PLANOMSORG_EEMPTY, "no rows");
    assert_error(parse(&tr, "", sc), PLANOMSORG_EEMPTY, "");
    assert_error(parse(&tr,
                       "year,age_from,sex,from,to,probability\n2025,0,both,home,home,1\n"
                       "2027,0,both,home,home,1\n",
                       sc),
                 PLANOMSORG_EMISSING, "no rows for year 2026");
    assert_error(parse(&tr, "year,age_from,sex,from,to,probability\n1700,0,both,home,home,1\n", sc),
                 PLANOMSORG_ERANGE, "t.csv:2:1");
    assert_error(parse(&tr, "age_from,sex,from,to,probability\n0,both,home,home,\xff\n", sc),
                 PLANOMSORG_EENCODING, "t.csv");
    planomsorg_staircase_free(sc);
}

static void test_capacity(void **state)
{
    (void)state;
    planomsorg_staircase *sc = small_staircase();
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    const char *text = "level,year,places\nnursing_home,2026,10\nnursing_home,2025,12\nhome,2025,40\n";
    assert_int_equal(planomsorg_services_parse_capacity_csv(svc, text, strlen(text), "c.csv"),
                     PLANOMSORG_OK);
    /* The plan shows in a result: years before the first are uncapped, later years repeat. */
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 4, 105), PLANOMSORG_OK);
    for (int y = 2024; y < 2028; y++)
        for (int a = 0; a <= 105; a++)
            assert_int_equal(planomsorg_population_set(pop, y, 0, a, 10), PLANOMSORG_OK);
    int band_lo[1] = {0};
    double rates[3 * 2] = {0, 0, 0.1, 0.1, 0.05, 0.05};
    assert_int_equal(planomsorg_services_set_rates(svc, rates, 6, band_lo, 1), PLANOMSORG_OK);
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, 2024, 2027), PLANOMSORG_OK);
    double c;
    assert_int_equal(planomsorg_result_capacity(&c, r, 2024, 2), PLANOMSORG_OK);
    assert_true(isinf(c));
    assert_int_equal(planomsorg_result_capacity(&c, r, 2025, 2), PLANOMSORG_OK);
    assert_true(c == 12);
    assert_int_equal(planomsorg_result_capacity(&c, r, 2027, 2), PLANOMSORG_OK);
    assert_true(c == 10);
    assert_int_equal(planomsorg_result_capacity(&c, r, 2027, 1), PLANOMSORG_OK);
    assert_true(c == 40);
    /* 1060 women x 0.05 = 53 want a nursing home; 10 places, 43 queue one level down. */
    double u, q;
    assert_int_equal(planomsorg_result_users(&u, r, 2027, 2, 2, 0, -1), PLANOMSORG_OK);
    assert_true(fabs(u - 10) < 1e-9);
    assert_int_equal(planomsorg_result_queue(&q, r, 2027, 2, 2, 0, -1), PLANOMSORG_OK);
    assert_true(fabs(q - 43) < 1e-9);
    planomsorg_result_free(r);
    planomsorg_population_free(pop);

    struct {
        const char *text;
        int code;
        const char *fragment;
    } bad[] = {
        {"year,level,places\n2025,none,3\n", PLANOMSORG_ECONSISTENCY, "c.csv:2:2: level 'none' is the residual"},
        {"year,level,places\n2025,spa,3\n", PLANOMSORG_ENOTFOUND, "c.csv:2:2: unknown level 'spa'"},
        {"year,level,places\n2025,home,-3\n", PLANOMSORG_EVALUE, "c.csv:2:3"},
        {"year,level,places\n2025,home,3\n2025,home,4\n", PLANOMSORG_EDUPLICATE, "year 2025 given twice"},
        {"year,level,places\n2025,home,3\n2027,home,4\n", PLANOMSORG_EMISSING, "no places for year 2026"},
        {"year,level,places\n25x,home,3\n", PLANOMSORG_EVALUE, "c.csv:2:1"},
        {"year,level,places\n3000,home,3\n", PLANOMSORG_ERANGE, "c.csv:2:1"},
        {"year,level\n2025,home\n", PLANOMSORG_EFORMAT, "missing column 'places'"},
        {"year,level,places\n", PLANOMSORG_EEMPTY, "no rows"},
        {"year,level,places\n2025,home\n", PLANOMSORG_EFORMAT, "c.csv:2"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_error(planomsorg_services_parse_capacity_csv(svc, bad[i].text, strlen(bad[i].text), "c.csv"),
                     bad[i].code, bad[i].fragment);
    assert_error(planomsorg_services_read_capacity_csv(svc, "/nonexistent/c.csv"), PLANOMSORG_EIO,
                 "/nonexistent/c.csv");
    planomsorg_services_free(svc);
    planomsorg_staircase_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transitions_good),
        cmocka_unit_test(test_transitions_bad),
        cmocka_unit_test(test_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
