/* Staircase, transitions and the service projection: identities of rates mode and of
 * the coupled Markov staircase (persons conserved, deaths, capacity, dreining), checked
 * against independent computations in this file, and bad input for every setter. */
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

#define K 8
#define MAXA 105
#define Y0 2024
#define NY 5

/* Population: persons fall with age, differ by sex and grow by year (net migration). */
static double pop_value(int t, int s, int a)
{
    return (1200.0 - 10.0 * a + 30.0 * s) * exp(-0.0004 * a * a) * (1.0 + 0.01 * t) + 1.0;
}

static planomsorg_population *make_pop(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, Y0, NY, MAXA), PLANOMSORG_OK);
    for (int t = 0; t < NY; t++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXA; a++)
                assert_int_equal(planomsorg_population_set(pop, Y0 + t, s, a, pop_value(t, s, a)),
                                 PLANOMSORG_OK);
    return pop;
}

static const int kbands[3] = {0, 67, 80};

/* Rates by level and KOSTRA band, equal for both sexes except a male factor on level 7. */
static double rate_value(int k, int b, int s)
{
    static const double r[K][3] = {
        {0, 0, 0},          {0.002, 0.03, 0.12},  {0.004, 0.02, 0.06}, {0.01, 0.05, 0.20},
        {0.001, 0.01, 0.04}, {0.001, 0.005, 0.05}, {0.0002, 0.004, 0.03}, {0.0005, 0.01, 0.11},
    };
    return r[k][b] * (k == 7 && s == 1 ? 0.8 : 1.0);
}

static planomsorg_services *make_services(void)
{
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    planomsorg_staircase_free(sc);
    double rates[K * 3 * 2];
    for (int k = 0; k < K; k++)
        for (int b = 0; b < 3; b++)
            for (int s = 0; s < 2; s++)
                rates[(k * 3 + b) * 2 + s] = rate_value(k, b, s);
    assert_int_equal(planomsorg_services_set_rates(svc, rates, K * 3 * 2, kbands, 3), PLANOMSORG_OK);
    return svc;
}

static int band_of(int a)
{
    return a >= 80 ? 2 : a >= 67 ? 1 : 0;
}

/* ---- staircase ---- */

static void test_default_staircase(void **state)
{
    (void)state;
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_n_levels(sc), PLANOMSORG_N_DEFAULT_LEVELS);
    assert_string_equal(planomsorg_staircase_level_name(sc, PLANOMSORG_LEVEL_HOME_NURSING),
                        "home_nursing");
    int kind = -1;
    unsigned flags = 99;
    assert_int_equal(planomsorg_staircase_level_kind(&kind, sc, 5), PLANOMSORG_OK);
    assert_int_equal(kind, PLANOMSORG_LEVEL_KIND_HOUSING24);
    assert_int_equal(planomsorg_staircase_level_flags(&flags, sc, 3), PLANOMSORG_OK);
    assert_int_equal(flags, 0);
    int levels[8];
    size_t n = 0;
    assert_int_equal(planomsorg_staircase_levels_with_flags(levels, &n, 8, sc, PLANOMSORG_LEVEL_FLAG_24H),
                     PLANOMSORG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(levels[0], 5);
    assert_int_equal(levels[2], 7);
    assert_int_equal(planomsorg_staircase_levels_with_flags(levels, &n, 8, sc,
                                                            PLANOMSORG_LEVEL_FLAG_CAPACITY),
                     PLANOMSORG_OK);
    assert_int_equal(n, 4);
    int level = -1;
    assert_int_equal(planomsorg_staircase_find(&level, sc, "long_term"), PLANOMSORG_OK);
    assert_int_equal(level, 7);
    assert_int_equal(planomsorg_staircase_find(&level, sc, "4"), PLANOMSORG_OK);
    assert_int_equal(level, 4);
    assert_error(planomsorg_staircase_find(&level, sc, "hospital"), PLANOMSORG_ENOTFOUND, "hospital");
    assert_error(planomsorg_staircase_find(&level, sc, "8"), PLANOMSORG_ENOTFOUND, "\"8\"");
    assert_null(planomsorg_staircase_level_name(sc, 8));
    assert_error(planomsorg_staircase_level_kind(&kind, sc, -1), PLANOMSORG_ERANGE, "level -1");
    assert_error(planomsorg_staircase_level_flags(&flags, sc, 8), PLANOMSORG_ERANGE, "level 8");
    assert_string_equal(planomsorg_level_kind_name(PLANOMSORG_LEVEL_KIND_SHORT_TERM), "short_term");
    assert_null(planomsorg_level_kind_name(PLANOMSORG_N_LEVEL_KINDS));
    assert_string_equal(planomsorg_level_flag_name(PLANOMSORG_LEVEL_FLAG_24H), "coverage_24h");
    assert_null(planomsorg_level_flag_name(3));
    planomsorg_staircase *copy = NULL;
    assert_int_equal(planomsorg_staircase_copy(&copy, sc), PLANOMSORG_OK);
    assert_string_equal(planomsorg_staircase_level_name(copy, 7), "long_term");
    planomsorg_staircase_free(copy);
    planomsorg_staircase_free(sc);
    planomsorg_staircase_free(NULL);
    int ml = 0, nm = 0, al = 0, nd = 0, ay = -1, mb = 0, nk = 0;
    unsigned fa = 0;
    double tol = 0;
    planomsorg_staircase_limits(&ml, &nm, &al, &fa, &nd, &ay, &mb, &nk, &tol);
    assert_true(ml == PLANOMSORG_MAX_LEVELS && nm == PLANOMSORG_LEVEL_NAME_MAX && al == -1 &&
                fa == 3u && nd == 8 && ay == 0 && mb == PLANOMSORG_MAX_AGE_BANDS && nk == 3 &&
                tol == 1e-9);
    planomsorg_staircase_limits(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void test_staircase_bad_input(void **state)
{
    (void)state;
    planomsorg_staircase *sc = NULL;
    assert_error(planomsorg_staircase_new(NULL), PLANOMSORG_EINVAL, "out");
    assert_int_equal(planomsorg_staircase_new(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_NONE, 0),
                     PLANOMSORG_OK);
    assert_error(planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, 0),
                 PLANOMSORG_EDUPLICATE, "\"home\" already used");
    assert_error(planomsorg_staircase_add_level(sc, "x", 6, 0), PLANOMSORG_EINVAL, "kind 6");
    assert_error(planomsorg_staircase_add_level(sc, "x", 1, 4u), PLANOMSORG_EINVAL, "flag bits 0x4");
    assert_error(planomsorg_staircase_add_level(sc, "", 1, 0), PLANOMSORG_EINVAL, "level name");
    assert_error(planomsorg_staircase_add_level(sc, "a,b", 1, 0), PLANOMSORG_EINVAL, "commas");
    assert_error(planomsorg_staircase_add_level(sc, NULL, 1, 0), PLANOMSORG_EINVAL, "name");
    char name[16];
    for (int k = 1; k < PLANOMSORG_MAX_LEVELS; k++) {
        snprintf(name, sizeof name, "l%d", k);
        assert_int_equal(planomsorg_staircase_add_level(sc, name, 1, 0), PLANOMSORG_OK);
    }
    assert_error(planomsorg_staircase_add_level(sc, "one_more", 1, 0), PLANOMSORG_ERANGE, "already 64");
    size_t n = 0;
    assert_error(planomsorg_staircase_levels_with_flags(NULL, &n, 0, sc, 0), PLANOMSORG_EINVAL,
                 "bad flags");
    planomsorg_staircase_free(sc);

    /* Services need exactly one residual level. */
    assert_int_equal(planomsorg_staircase_new(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "a", PLANOMSORG_LEVEL_KIND_HOME, 0), PLANOMSORG_OK);
    planomsorg_services *svc = NULL;
    assert_error(planomsorg_services_new(&svc, sc), PLANOMSORG_ECONSISTENCY, "exactly one");
    assert_null(svc);
    planomsorg_staircase_free(sc);
}

/* ---- transitions ---- */

static void test_transitions_validation(void **state)
{
    (void)state;
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, 3, kbands, 3, 2024, 2), PLANOMSORG_OK);
    double m[9], back[9];
    assert_int_equal(planomsorg_transitions_get_matrix(back, 9, tr, 2024, 1, 0), PLANOMSORG_OK);
    for (int i = 0; i < 9; i++)
        assert_true(back[i] == (i % 4 == 0 ? 1.0 : 0.0)); /* identity to start */
    double good[9] = {0.9, 0.1, 0, 0, 0.8, 0.2, 0, 0, 1};
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 2025, 1, PLANOMSORG_SEX_BOTH, good, 9),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_get_matrix(back, 9, tr, 2030, 1, 1), PLANOMSORG_OK);
    assert_memory_equal(back, good, sizeof good); /* later years use the last year held */
    assert_int_equal(planomsorg_transitions_get_matrix(back, 9, tr, 2024, 1, 1), PLANOMSORG_OK);
    assert_true(back[0] == 1.0);

    memcpy(m, good, sizeof m);
    m[5] = 0.3; /* row 1 sums to 1.1 */
    assert_error(planomsorg_transitions_set_matrix(tr, 2025, 1, PLANOMSORG_SEX_MALE, m, 9),
                 PLANOMSORG_ESTOCHASTIC, "year 2025, band from age 67, sex male, row 1 sums to 1.1");
    memcpy(m, good, sizeof m);
    m[0] = 1.1;
    m[1] = -0.1;
    assert_error(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 2, 0, m, 9),
                 PLANOMSORG_ESTOCHASTIC, "all years, band from age 80, sex female, row 0");
    memcpy(m, good, sizeof m);
    m[8] = NAN;
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 0, 0, m, 9), PLANOMSORG_ESTOCHASTIC,
                 "row 2: entry to level 2 is nan");
    memcpy(m, good, sizeof m);
    m[3] = 1e-10; /* within the 1e-9 tolerance */
    m[4] = 0.8 - 0.5e-10;
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 2024, 0, 0, m, 9), PLANOMSORG_OK);
    m[3] = 3e-9;
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 0, 0, m, 9), PLANOMSORG_ESTOCHASTIC,
                 "row 1 sums to");
    assert_error(planomsorg_transitions_set_matrix(tr, 2026, 0, 0, good, 9), PLANOMSORG_ERANGE,
                 "year 2026 outside 2024..2025");
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 3, 0, good, 9), PLANOMSORG_ERANGE, "band 3");
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 0, 0, good, 8), PLANOMSORG_EDIMENSION, "8 values");
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 0, 5, good, 9), PLANOMSORG_EINVAL, "sex code 5");

    double mu[3] = {1, 2, 4}, mu_back[3];
    assert_int_equal(planomsorg_transitions_set_mortality(tr, mu, 3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_get_mortality(mu_back, 3, tr), PLANOMSORG_OK);
    assert_memory_equal(mu, mu_back, sizeof mu);
    double bad_mu[3] = {1, -1, 0};
    assert_error(planomsorg_transitions_set_mortality(tr, bad_mu, 3), PLANOMSORG_EVALUE, "level 1");
    double zero_mu[3] = {0, 0, 0};
    assert_error(planomsorg_transitions_set_mortality(tr, zero_mu, 3), PLANOMSORG_EVALUE, "all relative");
    assert_error(planomsorg_transitions_set_mortality(tr, mu, 2), PLANOMSORG_EDIMENSION, "2 values");

    planomsorg_transitions *copy = NULL;
    assert_int_equal(planomsorg_transitions_copy(&copy, tr), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_get_matrix(back, 9, copy, 2025, 1, 0), PLANOMSORG_OK);
    assert_memory_equal(back, good, sizeof good);
    int lo = -1, fy = 0, ny = 0;
    assert_int_equal(planomsorg_transitions_band_lo(&lo, copy, 2), PLANOMSORG_OK);
    assert_int_equal(lo, 80);
    assert_int_equal(planomsorg_transitions_years(&fy, &ny, copy), PLANOMSORG_OK);
    assert_int_equal(fy * 10 + ny, 20242);
    planomsorg_transitions_free(copy);
    planomsorg_transitions_free(tr);

    int bad_bands[3] = {5, 67, 80};
    assert_error(planomsorg_transitions_new(&tr, 3, bad_bands, 3, 0, 0), PLANOMSORG_EINVAL, "age 0");
    int unsorted[3] = {0, 80, 67};
    assert_error(planomsorg_transitions_new(&tr, 3, unsorted, 3, 0, 0), PLANOMSORG_EINVAL, "increase");
    assert_error(planomsorg_transitions_new(&tr, 0, kbands, 3, 0, 0), PLANOMSORG_ERANGE, "levels 0");
    assert_error(planomsorg_transitions_new(&tr, 3, kbands, 3, 1700, 2), PLANOMSORG_ERANGE, "first year");
    assert_int_equal(planomsorg_transitions_new(&tr, 3, kbands, 3, 0, 0), PLANOMSORG_OK);
    assert_error(planomsorg_transitions_set_matrix(tr, 2024, 0, 0, good, 9), PLANOMSORG_ERANGE,
                 "time-invariant");
    planomsorg_transitions_free(tr);
}

/* ---- rates mode ---- */

static void test_rates_mode_identities(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_services();
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_mode(r), PLANOMSORG_MODE_RATES);
    assert_int_equal(planomsorg_result_n_years(r), NY);
    for (int t = 0; t < NY; t++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXA; a += 7) {
                double total = 0, u;
                for (int k = 0; k < K; k++) {
                    assert_int_equal(planomsorg_result_users(&u, r, Y0 + t, k, s, a, a), PLANOMSORG_OK);
                    if (k > 0)
                        assert_rel(u, rate_value(k, band_of(a), s) * pop_value(t, s, a), 1e-12);
                    total += u;
                }
                assert_rel(total, pop_value(t, s, a), 1e-12);
            }
    /* Coverage of 24-hour levels among 80+: independent sum. */
    double want_users = 0, p80 = 0;
    for (int s = 0; s < 2; s++)
        for (int a = 80; a <= MAXA; a++) {
            p80 += pop_value(2, s, a);
            for (int k = 5; k <= 7; k++)
                want_users += rate_value(k, 2, s) * pop_value(2, s, a);
        }
    double cov = 0;
    assert_int_equal(planomsorg_result_coverage_24h(&cov, r, Y0 + 2, 1), PLANOMSORG_OK);
    assert_rel(cov, want_users / p80, 1e-12);
    planomsorg_result_free(r);

    /* Family care 0.9 on home levels; their users fall by 10 %, the residual takes it. */
    double fam[1] = {0.9};
    assert_int_equal(planomsorg_services_set_family_care(svc, fam, Y0 + 1, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double u3, u0, total;
    assert_int_equal(planomsorg_result_users(&u3, r, Y0, 3, 0, 70, 70), PLANOMSORG_OK);
    assert_rel(u3, rate_value(3, 1, 0) * pop_value(0, 0, 70), 1e-12); /* before the path */
    assert_int_equal(planomsorg_result_users(&u3, r, Y0 + 2, 3, 0, 70, 70), PLANOMSORG_OK);
    assert_rel(u3, 0.9 * rate_value(3, 1, 0) * pop_value(2, 0, 70), 1e-12); /* carried on */
    assert_int_equal(planomsorg_result_users(&u0, r, Y0 + 2, 0, 0, 70, 70), PLANOMSORG_OK);
    double others = 0;
    for (int k = 1; k < K; k++)
        others += rate_value(k, 1, 0) * (k <= 3 ? 0.9 : 1.0);
    assert_rel(u0, (1 - others) * pop_value(2, 0, 70), 1e-12);
    assert_int_equal(planomsorg_result_users(&total, r, Y0 + 2, PLANOMSORG_ALL_LEVELS,
                                             PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    double ptot = 0;
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= MAXA; a++)
            ptot += pop_value(2, s, a);
    assert_rel(total, ptot, 1e-12);
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

static void test_rates_healthy_ageing(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_services();
    /* dLE 2.5 years in the third year (women), theta 0.4: shift of exactly 1 year. */
    double dle[3 * 2] = {0, 0, 1, 1, 2.5, 1.25};
    assert_int_equal(planomsorg_services_set_healthy_ageing(svc, 0.4, dle, Y0, 3), PLANOMSORG_OK);
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 3), PLANOMSORG_OK);
    double u;
    /* Women aged 80 in the third year get the rate of age 79 (band 67-79). */
    assert_int_equal(planomsorg_result_users(&u, r, Y0 + 2, 7, 0, 80, 80), PLANOMSORG_OK);
    assert_rel(u, rate_value(7, 1, 0) * pop_value(2, 0, 80), 1e-12);
    /* Men: shift 0.5 at age 80: halfway between the rates of 79 and 80. */
    assert_int_equal(planomsorg_result_users(&u, r, Y0 + 2, 7, 1, 80, 80), PLANOMSORG_OK);
    assert_rel(u, 0.5 * (rate_value(7, 1, 1) + rate_value(7, 2, 1)) * pop_value(2, 1, 80), 1e-12);
    /* Second year: shift 0.4 at age 67: 0.4 of the rate of 66. */
    assert_int_equal(planomsorg_result_users(&u, r, Y0 + 1, 3, 0, 67, 67), PLANOMSORG_OK);
    assert_rel(u, (0.4 * rate_value(3, 0, 0) + 0.6 * rate_value(3, 1, 0)) * pop_value(1, 0, 67), 1e-12);
    /* After the path the last value is kept. */
    assert_int_equal(planomsorg_result_users(&u, r, Y0 + 3, 7, 0, 80, 80), PLANOMSORG_OK);
    assert_rel(u, rate_value(7, 1, 0) * pop_value(3, 0, 80), 1e-12);
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

static void test_rates_capacity_and_dreining(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_services();
    planomsorg_result *free_run = NULL, *capped = NULL;
    assert_int_equal(planomsorg_services_run(&free_run, svc, pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double lt_free = 0, l6_free = 0;
    assert_int_equal(planomsorg_result_users(&lt_free, free_run, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&l6_free, free_run, Y0 + 1, 6, 2, 0, -1), PLANOMSORG_OK);
    double cap[1] = {0.75 * lt_free};
    assert_int_equal(planomsorg_services_set_capacity(svc, 7, cap, Y0 + 1, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&capped, svc, pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double lt, l6, q7, c;
    assert_int_equal(planomsorg_result_users(&lt, capped, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&l6, capped, Y0 + 1, 6, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_queue(&q7, capped, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_rel(lt, cap[0], 1e-12);
    assert_rel(q7, lt_free - cap[0], 1e-12);
    assert_rel(l6 - l6_free, q7, 1e-12); /* held back one level down */
    assert_int_equal(planomsorg_result_capacity(&c, capped, Y0, 7), PLANOMSORG_OK);
    assert_true(isinf(c));
    assert_int_equal(planomsorg_result_capacity(&c, capped, Y0 + 2, 7), PLANOMSORG_OK);
    assert_true(c == cap[0]);
    planomsorg_result_free(capped);
    assert_int_equal(planomsorg_services_set_capacity(svc, 7, NULL, 0, 0), PLANOMSORG_OK);

    /* Dreining 0.8 on level 5: a fifth of its users move to level 4. */
    double g[1] = {0.8};
    assert_int_equal(planomsorg_services_set_dreining(svc, 5, g, Y0, 1), PLANOMSORG_OK);
    planomsorg_result *dr = NULL;
    assert_int_equal(planomsorg_services_run(&dr, svc, pop, Y0, Y0), PLANOMSORG_OK);
    double u5f, u4f, u5, u4;
    assert_int_equal(planomsorg_result_users(&u5f, free_run, Y0, 5, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&u4f, free_run, Y0, 4, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&u5, dr, Y0, 5, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&u4, dr, Y0, 4, 2, 0, -1), PLANOMSORG_OK);
    assert_rel(u5, 0.8 * u5f, 1e-12);
    assert_rel(u4 - u4f, 0.2 * u5f, 1e-12);
    planomsorg_result_free(dr);
    assert_int_equal(planomsorg_services_set_dreining(svc, 5, NULL, 0, 0), PLANOMSORG_OK);

    /* Extreme levers still conserve persons: dreining 1000 on level 1 (above the residual)
     * and family care 50 on home levels. */
    double big[1] = {1000};
    assert_int_equal(planomsorg_services_set_dreining(svc, 1, big, Y0, 1), PLANOMSORG_OK);
    double fam50[1] = {50};
    assert_int_equal(planomsorg_services_set_family_care(svc, fam50, Y0, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&dr, svc, pop, Y0, Y0), PLANOMSORG_OK);
    for (int a = 0; a <= MAXA; a += 15) {
        double all, u0;
        assert_int_equal(planomsorg_result_users(&all, dr, Y0, -1, 0, a, a), PLANOMSORG_OK);
        assert_int_equal(planomsorg_result_users(&u0, dr, Y0, 0, 0, a, a), PLANOMSORG_OK);
        assert_rel(all, pop_value(0, 0, a), 1e-12);
        assert_true(u0 >= 0);
    }
    planomsorg_result_free(dr);
    planomsorg_result_free(free_run);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* ---- Markov mode ---- */

/* A fixed row-stochastic matrix per band and sex: people move up the staircase with
 * probabilities growing with the band; row k keeps 1 - sum of its moves. */
static void markov_matrix(int b, int s, double *m)
{
    memset(m, 0, K * K * sizeof *m);
    for (int i = 0; i < K; i++) {
        double off = 0;
        for (int j = 0; j < K; j++)
            if (j != i) {
                double p = j > i ? 0.02 * (b + 1) / (j - i) : 0.01 * (1 + s);
                if (i == 6 && j < 6)
                    p = 0.15; /* short-term stays end */
                m[i * K + j] = p;
                off += p;
            }
        m[i * K + i] = 1 - off;
    }
}

static planomsorg_transitions *make_transitions(void)
{
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, K, kbands, 3, 0, 0), PLANOMSORG_OK);
    double m[K * K];
    for (int b = 0; b < 3; b++)
        for (int s = 0; s < 2; s++) {
            markov_matrix(b, s, m);
            assert_int_equal(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, b, s, m, K * K),
                             PLANOMSORG_OK);
        }
    double mu[K] = {1, 1.2, 1.4, 2, 2, 3, 4, 5};
    assert_int_equal(planomsorg_transitions_set_mortality(tr, mu, K), PLANOMSORG_OK);
    return tr;
}

static double q_value(int s, int a)
{
    double q = 0.0005 * exp(0.085 * a) * (s ? 1.3 : 1.0);
    return q > 0.6 ? 0.6 : q;
}

static double *make_q(void)
{
    double *q = malloc(2 * (MAXA + 1) * sizeof *q);
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= MAXA; a++)
            q[s * (MAXA + 1) + a] = q_value(s, a);
    return q;
}

static planomsorg_services *make_markov(void)
{
    planomsorg_services *svc = make_services();
    planomsorg_transitions *tr = make_transitions();
    assert_int_equal(planomsorg_services_set_transitions(svc, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);
    assert_int_equal(planomsorg_services_set_mode(svc, PLANOMSORG_MODE_MARKOV), PLANOMSORG_OK);
    double *q = make_q();
    assert_int_equal(planomsorg_services_set_death_probabilities(svc, q, 2 * (MAXA + 1), Y0, 1, MAXA),
                     PLANOMSORG_OK);
    free(q);
    return svc;
}

static void export_users(const planomsorg_result *r, double **out)
{
    size_t n = planomsorg_result_size(r);
    assert_int_equal(n, (size_t)planomsorg_result_n_years(r) * 2 * (MAXA + 1) * K);
    *out = malloc(n * sizeof **out);
    assert_int_equal(planomsorg_result_export(*out, n, r, PLANOMSORG_QUANTITY_USERS), PLANOMSORG_OK);
}

#define CELL(t, s, a) ((((size_t)(t) * 2 + (size_t)(s)) * (MAXA + 1) + (size_t)(a)) * K)

/* Every cell of the NY years is non-negative and its levels sum to its persons. */
static void assert_cells_hold_population(const double *x)
{
    for (int t = 0; t < NY; t++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXA; a++) {
                double sum = 0;
                for (int k = 0; k < K; k++) {
                    assert_true(x[CELL(t, s, a) + k] >= 0);
                    sum += x[CELL(t, s, a) + k];
                }
                assert_rel(sum, pop_value(t, s, a), 1e-12);
            }
}

static void test_markov_persons_sum_to_population(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_markov();
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    double *x;
    export_users(r, &x);
    assert_cells_hold_population(x);
    /* Newborns all start in level 0. */
    assert_rel(x[CELL(3, 1, 0)], pop_value(3, 1, 0), 1e-15);
    free(x);
    planomsorg_result_free(r);

    /* The same without death probabilities (deaths from the fall of each cohort). */
    planomsorg_services *svc2 = make_services();
    planomsorg_transitions *tr = make_transitions();
    assert_int_equal(planomsorg_services_set_transitions(svc2, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);
    assert_int_equal(planomsorg_services_set_mode(svc2, PLANOMSORG_MODE_MARKOV), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&r, svc2, pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    export_users(r, &x);
    assert_cells_hold_population(x);
    free(x);
    planomsorg_result_free(r);
    planomsorg_services_free(svc2);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* One step for one cohort, computed here independently: deaths d = q * n allocated by
 * mu[k] x[k] (no level runs out at these rates), survivors times T, then scaled to the
 * next year's population. */
static void test_markov_one_step_independent(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_markov();
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    double *x;
    export_users(r, &x);
    const double mu[K] = {1, 1.2, 1.4, 2, 2, 3, 4, 5};
    int cases[][2] = {{0, 40}, {0, 55}, {1, 60}, {1, 64}, {0, 67}, {0, 70}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int s = cases[c][0], a = cases[c][1];
        const double *x0 = x + CELL(0, s, a);
        double n = 0, w = 0;
        for (int k = 0; k < K; k++) {
            n += x0[k];
            w += mu[k] * x0[k];
        }
        double d = q_value(s, a) * n, sv[K], m[K * K], x1[K] = {0};
        for (int k = 0; k < K; k++) {
            assert_true(d * mu[k] / w < 1); /* the simple formula applies */
            sv[k] = x0[k] - d * mu[k] * x0[k] / w;
        }
        markov_matrix(band_of(a), s, m);
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++)
                x1[j] += sv[i] * m[i * K + j];
        double sum = 0;
        for (int k = 0; k < K; k++)
            sum += x1[k];
        for (int k = 0; k < K; k++) {
            assert_rel(x[CELL(1, s, a + 1) + k], x1[k] * pop_value(1, s, a + 1) / sum, 1e-12);
        }
    }
    free(x);
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* Population closed to migration: P[y+1][a+1] = P[y][a] (1 - q), the open band gathers. */
static planomsorg_population *make_closed_pop(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, Y0, 3, MAXA), PLANOMSORG_OK);
    for (int s = 0; s < 2; s++) {
        double p[MAXA + 1];
        for (int a = 0; a <= MAXA; a++)
            p[a] = pop_value(0, s, a);
        for (int t = 0; t < 3; t++) {
            for (int a = 0; a <= MAXA; a++)
                assert_int_equal(planomsorg_population_set(pop, Y0 + t, s, a, p[a]), PLANOMSORG_OK);
            double next[MAXA + 1];
            next[0] = 1000;
            for (int a = 0; a < MAXA; a++)
                next[a + 1] = p[a] * (1 - q_value(s, a));
            next[MAXA] += p[MAXA] * (1 - q_value(s, MAXA));
            memcpy(p, next, sizeof p);
        }
    }
    return pop;
}

/* Capping the top level raises the level its entrants come from by exactly the persons
 * held back, and the top level ends at its capacity. Only home nursing (3) feeds the top
 * level (7) here; no migration, so the step is exact. */
static void test_markov_capacity_holds_back(void **state)
{
    (void)state;
    planomsorg_population *pop = make_closed_pop();
    planomsorg_services *svc = make_markov();
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, K, kbands, 3, 0, 0), PLANOMSORG_OK);
    double m[K * K] = {0};
    for (int i = 0; i < K; i++)
        m[i * K + i] = 1;
    m[3 * K + 3] = 0.7;
    m[3 * K + 7] = 0.2;
    m[3 * K + 2] = 0.1;
    m[2 * K + 2] = 0.9;
    m[2 * K + 3] = 0.1;
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 0, 2, PLANOMSORG_SEX_BOTH, m, K * K),
                     PLANOMSORG_OK);
    double mu[K] = {1, 1, 1, 2, 2, 3, 4, 5};
    assert_int_equal(planomsorg_transitions_set_mortality(tr, mu, K), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_transitions(svc, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);

    planomsorg_result *free_run = NULL, *capped = NULL, *dr = NULL;
    assert_int_equal(planomsorg_services_run(&free_run, svc, pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double lt1_free, h_free;
    assert_int_equal(planomsorg_result_users(&lt1_free, free_run, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&h_free, free_run, Y0 + 1, 3, 2, 0, -1), PLANOMSORG_OK);

    /* Dreining 0 into level 7: nobody enters; the mass stays in level 3 (no queue). */
    double g[1] = {0.0};
    assert_int_equal(planomsorg_services_set_dreining(svc, 7, g, Y0 + 1, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&dr, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    double stayers, h_dr, q_dr;
    assert_int_equal(planomsorg_result_users(&stayers, dr, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&h_dr, dr, Y0 + 1, 3, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_queue(&q_dr, dr, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_true(q_dr == 0);
    double entered = lt1_free - stayers;
    assert_true(entered > 0);
    assert_rel(h_dr - h_free, entered, 1e-10);
    assert_int_equal(planomsorg_services_set_dreining(svc, 7, NULL, 0, 0), PLANOMSORG_OK);

    /* Capacity: the surviving occupants plus a third of the entrants. */
    double cap[1] = {stayers + entered / 3};
    assert_int_equal(planomsorg_services_set_capacity(svc, 7, cap, Y0, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&capped, svc, pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double lt1, q7, h_cap, all_free, all_cap;
    assert_int_equal(planomsorg_result_users(&lt1, capped, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_queue(&q7, capped, Y0 + 1, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&h_cap, capped, Y0 + 1, 3, 2, 0, -1), PLANOMSORG_OK);
    assert_rel(lt1, cap[0], 1e-12);
    assert_rel(q7, entered * 2 / 3, 1e-10);
    assert_rel(h_cap - h_free, q7, 1e-10);
    assert_int_equal(planomsorg_result_users(&all_free, free_run, Y0 + 1, -1, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_users(&all_cap, capped, Y0 + 1, -1, 2, 0, -1), PLANOMSORG_OK);
    assert_rel(all_cap, all_free, 1e-12); /* persons conserved */
    /* Every level other than 3 and 7 is unchanged by the cap in the first step. */
    for (int k = 0; k < K; k++) {
        if (k == 3 || k == 7)
            continue;
        double a, b;
        assert_int_equal(planomsorg_result_users(&a, free_run, Y0 + 1, k, 2, 0, -1), PLANOMSORG_OK);
        assert_int_equal(planomsorg_result_users(&b, capped, Y0 + 1, k, 2, 0, -1), PLANOMSORG_OK);
        assert_rel(b, a, 1e-12);
    }
    /* Later years: the cap holds and persons still sum to the population. */
    double lt2, pall;
    assert_int_equal(planomsorg_result_users(&lt2, capped, Y0 + 2, 7, 2, 0, -1), PLANOMSORG_OK);
    assert_true(lt2 <= cap[0] * (1 + 1e-12));
    assert_int_equal(planomsorg_result_users(&all_cap, capped, Y0 + 2, -1, 2, 0, -1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_sum(pop, Y0 + 2, 2, 0, -1, &pall), PLANOMSORG_OK);
    assert_rel(all_cap, pall, 1e-12);
    planomsorg_result_free(dr);
    planomsorg_result_free(free_run);
    planomsorg_result_free(capped);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* Deaths never exceed a level's persons: with huge relative mortality in level 7 and
 * q = 0.6 the level empties and the rest of the deaths fall elsewhere. */
static void test_markov_death_allocation_caps(void **state)
{
    (void)state;
    planomsorg_population *pop = make_closed_pop();
    planomsorg_services *svc = make_markov();
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, K, kbands, 3, 0, 0), PLANOMSORG_OK);
    double mu[K] = {1, 1, 1, 1, 1, 1, 1, 1000};
    assert_int_equal(planomsorg_transitions_set_mortality(tr, mu, K), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_transitions(svc, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    double *x;
    export_users(r, &x);
    /* Age 100 (q = 0.6): identity moves, so level 7 at 101 is empty and the other levels
     * lose d - x7 in proportion to their size. */
    int s = 0, a = 100;
    const double *x0 = x + CELL(0, s, a);
    double n = 0;
    for (int k = 0; k < K; k++)
        n += x0[k];
    double d = q_value(s, a) * n;
    assert_true(d > x0[7]);
    double rest = n - x0[7];
    for (int k = 0; k < 7; k++)
        assert_rel(x[CELL(1, s, a + 1) + k], x0[k] - (d - x0[7]) * x0[k] / rest, 1e-10);
    assert_true(fabs(x[CELL(1, s, a + 1) + 7]) < 1e-9);
    free(x);
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* ---- bad input to setters and the run ---- */

static void test_services_bad_input(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    planomsorg_result *r = NULL;
    assert_error(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_ESTATE, "no rates");
    double rates[K * 3 * 2];
    for (int i = 0; i < K * 3 * 2; i++)
        rates[i] = 0.2;
    assert_error(planomsorg_services_set_rates(svc, rates, K * 3 * 2, kbands, 3), PLANOMSORG_EVALUE,
                 "sum to 1.4");
    for (int i = 0; i < K * 3 * 2; i++)
        rates[i] = 0.05;
    rates[(3 * 3 + 1) * 2 + 1] = -0.01;
    assert_error(planomsorg_services_set_rates(svc, rates, K * 3 * 2, kbands, 3), PLANOMSORG_EVALUE,
                 "level 3 (home_nursing), band from age 67, sex male");
    assert_error(planomsorg_services_set_rates(svc, rates, K * 3, kbands, 3), PLANOMSORG_EDIMENSION,
                 "24 rates given");
    int bad_bands[3] = {0, 67, 67};
    assert_error(planomsorg_services_set_rates(svc, rates, K * 3 * 2, bad_bands, 3), PLANOMSORG_EINVAL,
                 "increase");
    double users[K * 3] = {0};
    users[5] = -3;
    assert_error(planomsorg_services_set_rates_from_users(svc, users, K * 3, kbands, 3, pop, Y0),
                 PLANOMSORG_EVALUE, "users -3");
    users[5] = 0;
    assert_error(planomsorg_services_set_rates_from_users(svc, users, K * 3, kbands, 3, pop, 2000),
                 PLANOMSORG_ERANGE, "2000");
    double dist[K] = {0.5, 0.6};
    assert_error(planomsorg_services_set_birth_distribution(svc, dist, K), PLANOMSORG_EVALUE,
                 "sum to 1.1");
    assert_error(planomsorg_services_set_birth_distribution(svc, dist, 3), PLANOMSORG_EDIMENSION, "3 shares");
    double q[2 * (MAXA + 1)] = {0};
    q[MAXA + 1 + 50] = 1.5;
    assert_error(planomsorg_services_set_death_probabilities(svc, q, 2 * (MAXA + 1), Y0, 1, MAXA),
                 PLANOMSORG_EVALUE, "sex male, age 50");
    assert_error(planomsorg_services_set_death_probabilities(svc, q, 7, Y0, 1, MAXA),
                 PLANOMSORG_EDIMENSION, "7 values");
    double *shares = calloc(2 * (MAXA + 1) * K, sizeof *shares);
    assert_error(planomsorg_services_set_initial_shares(svc, shares, 2 * (MAXA + 1) * K, MAXA),
                 PLANOMSORG_EVALUE, "sex female, age 0: shares sum to 0");
    free(shares);
    double places[2] = {10, -1};
    assert_error(planomsorg_services_set_capacity(svc, 7, places, Y0, 2), PLANOMSORG_EVALUE,
                 "value -1 for year 2025");
    assert_error(planomsorg_services_set_capacity(svc, 0, places, Y0, 1), PLANOMSORG_ECONSISTENCY,
                 "residual");
    assert_error(planomsorg_services_set_capacity(svc, 8, places, Y0, 1), PLANOMSORG_ERANGE, "level 8");
    assert_error(planomsorg_services_set_capacity(svc, 7, places, 1500, 1), PLANOMSORG_ERANGE, "1500");
    double nanf[1] = {NAN};
    assert_error(planomsorg_services_set_dreining(svc, 6, nanf, Y0, 1), PLANOMSORG_EVALUE, "value nan");
    assert_error(planomsorg_services_set_family_care(svc, places, Y0, 501), PLANOMSORG_ERANGE, "501");
    assert_error(planomsorg_services_set_healthy_ageing(svc, 1.5, NULL, Y0, 0), PLANOMSORG_EVALUE,
                 "theta 1.5");
    double dle[2] = {1, INFINITY};
    assert_error(planomsorg_services_set_healthy_ageing(svc, 0.5, dle, Y0, 1), PLANOMSORG_EVALUE,
                 "sex male is not finite");
    assert_error(planomsorg_services_set_mode(svc, 2), PLANOMSORG_EINVAL, "mode 2");
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, 3, kbands, 3, 0, 0), PLANOMSORG_OK);
    assert_error(planomsorg_services_set_transitions(svc, tr), PLANOMSORG_EDIMENSION, "3 levels");
    planomsorg_transitions_free(tr);
    for (int i = 0; i < K * 3 * 2; i++)
        rates[i] = 0.05;
    assert_int_equal(planomsorg_services_set_rates(svc, rates, K * 3 * 2, kbands, 3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_mode(svc, PLANOMSORG_MODE_MARKOV), PLANOMSORG_OK);
    assert_error(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_ESTATE, "without transitions");
    assert_int_equal(planomsorg_services_set_mode(svc, PLANOMSORG_MODE_RATES), PLANOMSORG_OK);
    assert_error(planomsorg_services_run(&r, svc, pop, Y0 + 1, Y0), PLANOMSORG_ERANGE, "before first");
    assert_error(planomsorg_services_run(&r, svc, pop, Y0, Y0 + NY), PLANOMSORG_ERANGE, "2029");
    assert_null(r);
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0), PLANOMSORG_OK);
    double v;
    assert_error(planomsorg_result_users(&v, r, Y0 + 1, 0, 0, 0, -1), PLANOMSORG_ERANGE, "year 2025");
    assert_error(planomsorg_result_users(&v, r, Y0, 9, 0, 0, -1), PLANOMSORG_ERANGE, "level 9");
    assert_error(planomsorg_result_get(&v, r, 7, Y0, 0, 0, 0, -1), PLANOMSORG_EINVAL, "quantity 7");
    int lv[2] = {7, 7};
    assert_error(planomsorg_result_coverage(&v, r, Y0, lv, 2, 80, -1, 1), PLANOMSORG_EINVAL, "twice");
    assert_error(planomsorg_result_export(&v, 1, r, 0), PLANOMSORG_EDIMENSION, "array of 1");
    assert_string_equal(planomsorg_quantity_name(PLANOMSORG_QUANTITY_QUEUE), "queue");
    assert_string_equal(planomsorg_mode_name(PLANOMSORG_MODE_MARKOV), "markov");
    assert_null(planomsorg_mode_name(5));
    planomsorg_result_free(r);
    planomsorg_result_free(NULL);
    planomsorg_services_free(svc);
    planomsorg_services_free(NULL);
    planomsorg_staircase_free(sc);
    planomsorg_population_free(pop);
}

/* The long CSV: read back with plain C and compare sums with the result's own bands. */
static void test_result_csv(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop();
    planomsorg_services *svc = make_services();
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    char path[] = "/tmp/planomsorg_result_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(planomsorg_result_write_csv(r, path, NULL, 0), PLANOMSORG_OK);
    FILE *f = fopen(path, "r");
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "year,level,band,sex,users\n");
    int rows = 0;
    double total_80 = 0;
    while (fgets(line, sizeof line, f)) {
        int year;
        char level[64], band[16], sex[16];
        double u;
        assert_int_equal(sscanf(line, "%d,%63[^,],%15[^,],%15[^,],%lf", &year, level, band, sex, &u), 5);
        if (year == Y0 + 1 && strcmp(band, "80+") == 0 && strcmp(level, "long_term") == 0)
            total_80 += u;
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, 2 * K * 3 * 2);
    double want = 0;
    for (int s = 0; s < 2; s++)
        for (int a = 80; a <= MAXA; a++)
            want += rate_value(7, 2, s) * pop_value(1, s, a);
    assert_rel(total_80, want, 1e-12);
    int one_band[1] = {0};
    assert_int_equal(planomsorg_result_write_csv(r, path, one_band, 1), PLANOMSORG_OK);
    int high[2] = {0, 200};
    assert_error(planomsorg_result_write_csv(r, path, high, 2), PLANOMSORG_ERANGE, "200");
    remove(path);
    assert_error(planomsorg_result_write_csv(r, "/nonexistent/dir/x.csv", NULL, 0), PLANOMSORG_EIO,
                 "/nonexistent/dir/x.csv");
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);
}

/* Default rates from the embedded KOSTRA data: levels 2-5 add up to the home-service
 * users and level 7 equals the long-term residents, band by band. */
static void test_kostra_default_rates(void **state)
{
    (void)state;
    double users[K * 3];
    int rc = planomsorg_services_kostra_users(users, K * 3, NULL, 2024);
    assert_int_equal(rc, PLANOMSORG_OK);
    for (int b = 0; b < 3; b++) {
        double home, lt;
        assert_int_equal(planomsorg_data_kostra(&home, NULL, 2024, PLANOMSORG_KOSTRA_HOME_USERS_0_66 + b),
                         PLANOMSORG_OK);
        assert_int_equal(planomsorg_data_kostra(&lt, NULL, 2024, PLANOMSORG_KOSTRA_LONGTERM_0_66 + b),
                         PLANOMSORG_OK);
        assert_rel(users[2 * 3 + b] + users[3 * 3 + b] + users[4 * 3 + b] + users[5 * 3 + b], home, 1e-12);
        assert_rel(users[7 * 3 + b], lt, 1e-12);
        assert_rel(users[6 * 3 + b], lt * 0.17 / 0.83, 1e-12);
    }
    double h24;
    assert_int_equal(planomsorg_data_kostra(&h24, NULL, 2024, PLANOMSORG_KOSTRA_HOUSING24), PLANOMSORG_OK);
    assert_rel(users[5 * 3 + 0] + users[5 * 3 + 1] + users[5 * 3 + 2], h24, 1e-12);

    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_rates_kostra(svc, NULL, 2024), PLANOMSORG_OK);
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_data_population(&pop, NULL), PLANOMSORG_OK);
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, 2024, 2025), PLANOMSORG_OK);
    double lt80, h67;
    assert_int_equal(planomsorg_result_users(&lt80, r, 2024, 7, 2, 80, -1), PLANOMSORG_OK);
    assert_rel(lt80, users[7 * 3 + 2], 1e-9); /* the base year reproduces the counts */
    assert_int_equal(planomsorg_result_users(&h67, r, 2024, 3, 2, 67, 79), PLANOMSORG_OK);
    assert_rel(h67, users[3 * 3 + 1], 1e-9);
    assert_error(planomsorg_services_kostra_users(users, K * 3, "9999", 2024), PLANOMSORG_ENOTFOUND, "9999");
    assert_error(planomsorg_services_kostra_users(users, 5, NULL, 2024), PLANOMSORG_EDIMENSION, "24");
    planomsorg_result_free(r);
    planomsorg_population_free(pop);
    planomsorg_services_free(svc);

    /* A staircase other than the default one is refused. */
    planomsorg_staircase *own = NULL;
    assert_int_equal(planomsorg_staircase_new(&own), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(own, "none", 0, 0), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(own, "help", 1, 0), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_new(&svc, own), PLANOMSORG_OK);
    assert_error(planomsorg_services_set_rates_kostra(svc, NULL, 2024), PLANOMSORG_ECONSISTENCY, "default");
    planomsorg_services_free(svc);
    planomsorg_staircase_free(own);
    planomsorg_staircase_free(sc);
}


/* Suppressed KOSTRA cells: one missing band is the total minus the others; several share
 * the remainder by Norway's counts of those bands; when the total is missing too, each band
 * is Norway's band count times the region's share of Norway's band population. */
static void test_kostra_suppressed_cells(void **state)
{
    (void)state;
    int found_two = 0, found_none = 0;
    for (int i = 0; i < planomsorg_data_n_municipalities(); i++) {
        const char *c = planomsorg_data_municipality_code(i);
        for (int y = 2024; y <= 2025; y++) {
            double total, v[3], nat[3];
            int rc_total = planomsorg_data_kostra(&total, c, y, PLANOMSORG_KOSTRA_LONGTERM);
            int miss[3], n_miss = 0;
            for (int b = 0; b < 3; b++)
                if (planomsorg_data_kostra(&v[b], c, y, PLANOMSORG_KOSTRA_LONGTERM_0_66 + b) != PLANOMSORG_OK ||
                    isnan(v[b]))
                    miss[n_miss++] = b;
            double users[K * 3];
            int rc = planomsorg_services_kostra_users(users, K * 3, c, y);
            if (n_miss >= 2 && rc_total == PLANOMSORG_OK && !isnan(total) && rc == PLANOMSORG_OK &&
                !found_two) {
                double known = 0, wsum = 0;
                for (int b = 0; b < 3; b++) {
                    assert_int_equal(planomsorg_data_kostra(&nat[b], NULL, y, PLANOMSORG_KOSTRA_LONGTERM_0_66 + b),
                                     PLANOMSORG_OK);
                    int m = 0;
                    for (int j = 0; j < n_miss; j++)
                        m |= miss[j] == b;
                    if (m)
                        wsum += nat[b];
                    else
                        known += v[b];
                }
                for (int j = 0; j < n_miss; j++)
                    assert_rel(users[7 * 3 + miss[j]], (total - known) * nat[miss[j]] / wsum, 1e-12);
                found_two = 1;
            }
            if ((rc_total != PLANOMSORG_OK || isnan(total)) && n_miss > 0 && !found_none) {
                assert_int_equal(rc, PLANOMSORG_OK);
                planomsorg_population *region = NULL, *norway = NULL;
                assert_int_equal(planomsorg_data_population(&region, c), PLANOMSORG_OK);
                assert_int_equal(planomsorg_data_population(&norway, NULL), PLANOMSORG_OK);
                static const int lo[3] = {0, 67, 80}, hi[3] = {66, 79, PLANOMSORG_AGE_OPEN};
                for (int b = 0; b < 3; b++) {
                    double pr, pn;
                    assert_int_equal(planomsorg_data_kostra(&nat[b], NULL, y, PLANOMSORG_KOSTRA_LONGTERM_0_66 + b),
                                     PLANOMSORG_OK);
                    planomsorg_population_sum(region, y, PLANOMSORG_SEX_BOTH, lo[b], hi[b], &pr);
                    planomsorg_population_sum(norway, y, PLANOMSORG_SEX_BOTH, lo[b], hi[b], &pn);
                    assert_rel(users[7 * 3 + b], nat[b] * pr / pn, 1e-12);
                    assert_true(users[7 * 3 + b] < 5); /* consistent with SSB's suppression */
                }
                planomsorg_population_free(region);
                planomsorg_population_free(norway);
                found_none = 1;
            }
        }
    }
    if (!found_two || !found_none)
        skip();
}

/* Markov options: explicit initial shares, the birth distribution, family care on entries
 * into home levels, and the band shift of healthier ageing, each against a direct
 * computation; and get_rates by single age. */
static void test_markov_options(void **state)
{
    (void)state;
    planomsorg_population *pop = make_closed_pop();
    planomsorg_services *svc = make_markov();
    double *shares = malloc(2 * (MAXA + 1) * K * sizeof *shares);
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= MAXA; a++)
            for (int k = 0; k < K; k++)
                shares[(s * (MAXA + 1) + a) * K + k] = k == 0 ? 0.65 : 0.05;
    assert_int_equal(planomsorg_services_set_initial_shares(svc, shares, 2 * (MAXA + 1) * K, MAXA),
                     PLANOMSORG_OK);
    free(shares);
    double birth[K] = {0.5, 0.5, 0, 0, 0, 0, 0, 0};
    assert_int_equal(planomsorg_services_set_birth_distribution(svc, birth, K), PLANOMSORG_OK);
    planomsorg_result *r = NULL;
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    double *x;
    export_users(r, &x);
    assert_rel(x[CELL(0, 1, 50) + 3], 0.05 * pop_value(0, 1, 50), 1e-14);
    assert_rel(x[CELL(1, 0, 0) + 1], 0.5 * 1000, 1e-14);
    assert_true(x[CELL(1, 0, 0) + 2] == 0);
    free(x);
    planomsorg_result_free(r);

    /* Family care 0.5 from the second year: entries into levels 1-3 halve, the rest stays.
     * Compare one cohort's step with the independent formula (no capping at age 40). */
    double fam[1] = {0.5};
    assert_int_equal(planomsorg_services_set_family_care(svc, fam, Y0 + 1, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    export_users(r, &x);
    const double mu[K] = {1, 1.2, 1.4, 2, 2, 3, 4, 5};
    for (int a = 40; a <= 70; a += 30) {
        const double *x0 = x + CELL(0, 0, a);
        double n = 0, w = 0, m[K * K], sv[K], x1[K] = {0};
        for (int k = 0; k < K; k++) {
            n += x0[k];
            w += mu[k] * x0[k];
        }
        double d = q_value(0, a) * n;
        for (int k = 0; k < K; k++)
            sv[k] = x0[k] - d * mu[k] * x0[k] / w;
        markov_matrix(band_of(a), 0, m);
        for (int i = 0; i < K; i++) {
            double off = 0;
            for (int j = 0; j < K; j++)
                if (j != i) {
                    m[i * K + j] *= (j >= 1 && j <= 3) ? 0.5 : 1.0;
                    off += m[i * K + j];
                }
            m[i * K + i] = 1 - off;
        }
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++)
                x1[j] += sv[i] * m[i * K + j];
        for (int k = 0; k < K; k++)
            assert_rel(x[CELL(1, 0, a + 1) + k], x1[k], 1e-10); /* closed population */
    }
    free(x);
    planomsorg_result_free(r);
    assert_int_equal(planomsorg_services_set_family_care(svc, NULL, 0, 0), PLANOMSORG_OK);

    /* Healthier ageing: theta 0.5 and dLE 8 shift ages by 4 years, so age 70 moves with
     * the matrix of age 66 (band 0-66) instead of 67-79. */
    double dle[2] = {8, 8};
    assert_int_equal(planomsorg_services_set_healthy_ageing(svc, 0.5, dle, Y0, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_run(&r, svc, pop, Y0, Y0 + 1), PLANOMSORG_OK);
    export_users(r, &x);
    {
        int a = 70;
        const double *x0 = x + CELL(0, 0, a);
        double n = 0, w = 0, m[K * K], sv[K], x1[K] = {0};
        for (int k = 0; k < K; k++) {
            n += x0[k];
            w += mu[k] * x0[k];
        }
        double d = q_value(0, a) * n;
        int simple = 1;
        for (int k = 0; k < K; k++)
            simple &= d * mu[k] / w < 1;
        assert_true(simple); /* the simple death formula applies at this age */
        {
            for (int k = 0; k < K; k++)
                sv[k] = x0[k] - d * mu[k] * x0[k] / w;
            markov_matrix(0, 0, m);
            for (int i = 0; i < K; i++)
                for (int j = 0; j < K; j++)
                    x1[j] += sv[i] * m[i * K + j];
            for (int k = 0; k < K; k++)
                assert_rel(x[CELL(1, 0, a + 1) + k], x1[k], 1e-10);
        }
    }
    free(x);
    planomsorg_result_free(r);

    /* Rates by single age: band steps as given. */
    double *rates = malloc(K * (MAXA + 1) * 2 * sizeof *rates);
    assert_int_equal(planomsorg_services_get_rates(rates, K * (MAXA + 1) * 2, svc, MAXA), PLANOMSORG_OK);
    assert_true(rates[(7 * (MAXA + 1) + 79) * 2 + 1] == rate_value(7, 1, 1));
    assert_true(rates[(7 * (MAXA + 1) + 80) * 2 + 1] == rate_value(7, 2, 1));
    assert_error(planomsorg_services_get_rates(rates, 5, svc, MAXA), PLANOMSORG_EDIMENSION, "array of 5");
    free(rates);
    planomsorg_services_free(svc);
    planomsorg_population_free(pop);

    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    double one[1];
    assert_error(planomsorg_services_get_rates(one, 1, svc, 0), PLANOMSORG_ERANGE, "max age 0");
    double *r2 = malloc(K * 2 * 2 * sizeof *r2);
    assert_error(planomsorg_services_get_rates(r2, K * 2 * 2, svc, 1), PLANOMSORG_ESTATE, "no rates");
    free(r2);
    /* A band with users but no population. */
    planomsorg_population *empty = NULL;
    assert_int_equal(planomsorg_population_new(&empty, Y0, 1, MAXA), PLANOMSORG_OK);
    double users[K * 3] = {0};
    users[7 * 3 + 2] = 5;
    assert_error(planomsorg_services_set_rates_from_users(svc, users, K * 3, kbands, 3, empty, Y0),
                 PLANOMSORG_ENUMERIC, "band from age 80 has users of level 7");
    planomsorg_population_free(empty);
    planomsorg_services_free(svc);
    planomsorg_staircase_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_staircase),
        cmocka_unit_test(test_staircase_bad_input),
        cmocka_unit_test(test_transitions_validation),
        cmocka_unit_test(test_rates_mode_identities),
        cmocka_unit_test(test_rates_healthy_ageing),
        cmocka_unit_test(test_rates_capacity_and_dreining),
        cmocka_unit_test(test_markov_persons_sum_to_population),
        cmocka_unit_test(test_markov_one_step_independent),
        cmocka_unit_test(test_markov_capacity_holds_back),
        cmocka_unit_test(test_markov_death_allocation_caps),
        cmocka_unit_test(test_markov_options),
        cmocka_unit_test(test_services_bad_input),
        cmocka_unit_test(test_result_csv),
        cmocka_unit_test(test_kostra_default_rates),
        cmocka_unit_test(test_kostra_suppressed_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
