/* Staffing: demand identities against formulas written out here, supply stock flows,
 * gaps, the share of the population 20-66, the default tables against published national
 * figures (KOSTRA nurse FTEs, SSB's total FTEs), the KOSTRA adaptation, and bad input. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"

#define FIRST 2024
#define T 5
#define K 3
#define G 2
#define NA PLANOMSORG_STAFF_N_AGES

/* The test plan: 3 levels, 2 groups, 5 years. */
static const double FTE[K] = {0.1, 0.5, 1.2};
static const double MIX[K][G] = {{0.2, 0.8}, {0.5, 0.5}, {0.3, 0.7}};
static const double ABSENCE[G] = {0.10, 0.125};
static const double SHARE0[G] = {0.8, 0.6};
#define STD_GROWTH 0.01
static const double PRODUCTIVITY[T] = {1.0, 1.02, 1.03, 1.05, 1.10};

static double users_of(int t, int k)
{
    return 100.0 * (k + 1) + 10.0 * t * (k + 1);
}

static planomsorg_staffing *plan(void)
{
    planomsorg_staffing *s = NULL;
    assert_int_equal(planomsorg_staffing_new(&s, K, G, FIRST, T), PLANOMSORG_OK);
    for (int k = 0; k < K; k++) {
        assert_int_equal(planomsorg_staffing_set_fte_per_user(s, k, FTE[k]), PLANOMSORG_OK);
        assert_int_equal(planomsorg_staffing_set_mix(s, k, MIX[k], G), PLANOMSORG_OK);
    }
    assert_int_equal(planomsorg_staffing_set_standard_growth(s, STD_GROWTH), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_productivity_path(s, PRODUCTIVITY, T),
                     PLANOMSORG_OK);
    for (int g = 0; g < G; g++) {
        assert_int_equal(planomsorg_staffing_set_absence(s, g, ABSENCE[g]), PLANOMSORG_OK);
        assert_int_equal(planomsorg_staffing_set_position_share(s, g, SHARE0[g]),
                         PLANOMSORG_OK);
    }
    return s;
}

static void users_array(double *u)
{
    for (int t = 0; t < T; t++)
        for (int k = 0; k < K; k++)
            u[t * K + k] = users_of(t, k);
}

static planomsorg_staffing_result *run(const planomsorg_staffing *s,
                                       const planomsorg_population *pop)
{
    double u[T * K];
    users_array(u);
    planomsorg_staffing_result *r = NULL;
    assert_int_equal(planomsorg_staffing_compute(&r, s, u, T * K, pop), PLANOMSORG_OK);
    return r;
}

static double get(const planomsorg_staffing_result *r, int measure, int year, int level,
                  int group)
{
    double v = NAN;
    assert_int_equal(planomsorg_staffing_result_get(&v, r, measure, year, level, group),
                     PLANOMSORG_OK);
    return v;
}

/* Demand cell by cell against D = U f S / E, the mix, absence and position share. */
static void test_demand_formulas(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    planomsorg_staffing_result *r = run(s, NULL);
    for (int t = 0; t < T; t++) {
        double S = pow(1.0 + STD_GROWTH, t), E = PRODUCTIVITY[t];
        double total = 0;
        for (int k = 0; k < K; k++) {
            double d = users_of(t, k) * FTE[k] * S / E;
            for (int g = 0; g < G; g++) {
                double net = d * MIX[k][g];
                assert_rel(get(r, PLANOMSORG_STAFF_FTE_NET, FIRST + t, k, g), net, 1e-14);
                assert_rel(get(r, PLANOMSORG_STAFF_FTE, FIRST + t, k, g),
                           net / (1 - ABSENCE[g]), 1e-14);
                assert_rel(get(r, PLANOMSORG_STAFF_PERSONS, FIRST + t, k, g),
                           net / (1 - ABSENCE[g]) / SHARE0[g], 1e-14);
                total += net / (1 - ABSENCE[g]);
            }
            /* FTE by group sums to the level's FTE. */
            assert_rel(get(r, PLANOMSORG_STAFF_FTE_NET, FIRST + t, k, PLANOMSORG_STAFF_ALL), d,
                       1e-14);
        }
        assert_rel(get(r, PLANOMSORG_STAFF_FTE, FIRST + t, PLANOMSORG_STAFF_ALL,
                       PLANOMSORG_STAFF_ALL), total, 1e-14);
        /* headcount x position share = FTE, per group. */
        for (int g = 0; g < G; g++)
            assert_rel(get(r, PLANOMSORG_STAFF_PERSONS, FIRST + t, PLANOMSORG_STAFF_ALL, g) *
                           SHARE0[g],
                       get(r, PLANOMSORG_STAFF_FTE, FIRST + t, PLANOMSORG_STAFF_ALL, g), 1e-14);
    }
    double st, pr;
    assert_int_equal(planomsorg_staffing_factors(&st, &pr, s, FIRST + 3), PLANOMSORG_OK);
    assert_rel(st, 1.01 * 1.01 * 1.01, 1e-15);
    assert_rel(pr, 1.05, 0);
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

static void test_hours_per_user(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    double f;
    assert_int_equal(planomsorg_staffing_set_hours_per_user(s, 1, 5.0, 52.0, 1695.0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_fte_per_user(&f, s, 1), PLANOMSORG_OK);
    assert_rel(f, 260.0 / 1695.0, 1e-15);
    planomsorg_staffing_free(s);
}

/* Hand computation of the first year, and stock(t+1) = stock(t) - exits - attrition +
 * recruits in every year and group. */
static void test_supply_flows(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    double wf[NA] = {0}, exit[NA] = {0}, rec[T] = {5, 6, 7, 8, 9};
    wf[40 - PLANOMSORG_STAFF_MIN_AGE] = 200;  /* 200 persons aged 40 */
    wf[64 - PLANOMSORG_STAFF_MIN_AGE] = 100;  /* 100 persons aged 64 */
    wf[PLANOMSORG_STAFF_N_AGES - 1] = 3;      /* 3 persons at the last age all leave */
    exit[64 - PLANOMSORG_STAFF_MIN_AGE] = 0.1;
    exit[65 - PLANOMSORG_STAFF_MIN_AGE] = 0.2;
    assert_int_equal(planomsorg_staffing_set_workforce(s, 0, wf, NA), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_exit_rates(s, exit, NA), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_attrition(s, 0, 0.05), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_recruitment(s, 0, rec, T), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_workforce_total(s, 1, 1000), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_set_attrition(s, 1, 0.08), PLANOMSORG_OK);
    planomsorg_staffing_result *r = run(s, NULL);

    /* Year 1 by hand, group 0: exits 100 * 0.1 + 3 = 13; attrition 0.05 * (200 + 90) = 14.5. */
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST, PLANOMSORG_STAFF_ALL, 0), 303,
               1e-15);
    assert_rel(get(r, PLANOMSORG_STAFF_EXITS, FIRST, PLANOMSORG_STAFF_ALL, 0), 13, 1e-15);
    assert_rel(get(r, PLANOMSORG_STAFF_ATTRITION, FIRST, PLANOMSORG_STAFF_ALL, 0), 14.5, 1e-15);
    /* Year 2: the 85.5 now aged 65 leave at 0.2: exits 17.1. */
    assert_rel(get(r, PLANOMSORG_STAFF_EXITS, FIRST + 1, PLANOMSORG_STAFF_ALL, 0), 17.1, 1e-14);
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_FTE, FIRST, PLANOMSORG_STAFF_ALL, 0),
               303 * SHARE0[0], 1e-15);

    for (int g = 0; g < G; g++)
        for (int t = 0; t + 1 < T; t++) {
            double now = get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST + t,
                             PLANOMSORG_STAFF_ALL, g);
            double next = get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST + t + 1,
                              PLANOMSORG_STAFF_ALL, g);
            double out = get(r, PLANOMSORG_STAFF_EXITS, FIRST + t, PLANOMSORG_STAFF_ALL, g) +
                         get(r, PLANOMSORG_STAFF_ATTRITION, FIRST + t, PLANOMSORG_STAFF_ALL, g);
            double in = get(r, PLANOMSORG_STAFF_RECRUITS, FIRST + t, PLANOMSORG_STAFF_ALL, g);
            assert_rel(next, now - out + in, 1e-12);
        }
    /* Group 1 had no recruitment set: it replaces the first year's leavers every year. */
    double first_out = get(r, PLANOMSORG_STAFF_EXITS, FIRST, PLANOMSORG_STAFF_ALL, 1) +
                       get(r, PLANOMSORG_STAFF_ATTRITION, FIRST, PLANOMSORG_STAFF_ALL, 1);
    assert_rel(get(r, PLANOMSORG_STAFF_RECRUITS, FIRST + 3, PLANOMSORG_STAFF_ALL, 1), first_out,
               1e-14);
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST, PLANOMSORG_STAFF_ALL, 1), 1000,
               1e-12);
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

/* Gaps are supply minus demand; an unset workforce starts balanced in the first year. */
static void test_gap(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    assert_int_equal(planomsorg_staffing_set_workforce_total(s, 0, 50), PLANOMSORG_OK);
    planomsorg_staffing_result *r = run(s, NULL);
    for (int t = 0; t < T; t++)
        for (int g = 0; g < G; g++) {
            double sf = get(r, PLANOMSORG_STAFF_SUPPLY_FTE, FIRST + t, PLANOMSORG_STAFF_ALL, g);
            double d = get(r, PLANOMSORG_STAFF_FTE, FIRST + t, PLANOMSORG_STAFF_ALL, g);
            assert_rel(get(r, PLANOMSORG_STAFF_GAP_FTE, FIRST + t, PLANOMSORG_STAFF_ALL, g),
                       sf - d, 1e-12);
            double sp = get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST + t, PLANOMSORG_STAFF_ALL,
                            g);
            double dp = get(r, PLANOMSORG_STAFF_PERSONS, FIRST + t, PLANOMSORG_STAFF_ALL, g);
            assert_rel(get(r, PLANOMSORG_STAFF_GAP_PERSONS, FIRST + t, PLANOMSORG_STAFF_ALL, g),
                       sp - dp, 1e-12);
        }
    assert_rel(get(r, PLANOMSORG_STAFF_GAP_FTE, FIRST, PLANOMSORG_STAFF_ALL, 1), 0, 1e-12);
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST, PLANOMSORG_STAFF_ALL, 0), 50,
               1e-12);
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

/* Share of the population 20-66, against planomsorg_population_sum. */
static void test_share_20_66(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, FIRST - 1, T + 2, 105), PLANOMSORG_OK);
    for (int y = FIRST - 1; y < FIRST + T + 1; y++)
        for (int sx = 0; sx < 2; sx++)
            for (int a = 0; a <= 105; a++)
                assert_int_equal(planomsorg_population_set(pop, y, sx, a, 50.0 + a + y - 2000),
                                 PLANOMSORG_OK);
    planomsorg_staffing *s = plan();
    planomsorg_staffing_result *r = run(s, pop);
    for (int t = 0; t < T; t++) {
        double p;
        assert_int_equal(planomsorg_population_sum(pop, FIRST + t, PLANOMSORG_SEX_BOTH, 20, 66,
                                                   &p), PLANOMSORG_OK);
        double fte = get(r, PLANOMSORG_STAFF_FTE, FIRST + t, PLANOMSORG_STAFF_ALL,
                         PLANOMSORG_STAFF_ALL);
        assert_rel(get(r, PLANOMSORG_STAFF_SHARE_20_66, FIRST + t, PLANOMSORG_STAFF_ALL,
                       PLANOMSORG_STAFF_ALL), fte / p, 1e-14);
    }
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
    planomsorg_population_free(pop);
}

/* Exports hold the same numbers as the getters, in the documented layouts. */
static void test_export(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    planomsorg_staffing_result *r = run(s, NULL);
    assert_int_equal(planomsorg_staffing_result_size(r, PLANOMSORG_STAFF_FTE), T * K * G);
    assert_int_equal(planomsorg_staffing_result_size(r, PLANOMSORG_STAFF_GAP_FTE), T * G);
    double a[T * K * G], b[T * G];
    assert_int_equal(planomsorg_staffing_result_export(r, PLANOMSORG_STAFF_PERSONS, a, T * K * G),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_result_export(r, PLANOMSORG_STAFF_GAP_FTE, b, T * G),
                     PLANOMSORG_OK);
    for (int t = 0; t < T; t++)
        for (int g = 0; g < G; g++) {
            for (int k = 0; k < K; k++)
                assert_rel(a[(t * K + k) * G + g],
                           get(r, PLANOMSORG_STAFF_PERSONS, FIRST + t, k, g), 0);
            assert_rel(b[t * G + g],
                       get(r, PLANOMSORG_STAFF_GAP_FTE, FIRST + t, PLANOMSORG_STAFF_ALL, g), 0);
        }
    /* Tables round trip, and a copy is independent. */
    double fte[K], mix[K * G];
    assert_int_equal(planomsorg_staffing_export_tables(s, fte, K, mix, K * G), PLANOMSORG_OK);
    assert_rel(mix[2 * G + 1], MIX[2][1], 0);
    planomsorg_staffing *c = NULL;
    assert_int_equal(planomsorg_staffing_copy(&c, s), PLANOMSORG_OK);
    fte[0] = 9;
    assert_int_equal(planomsorg_staffing_import_tables(c, fte, K, mix, K * G), PLANOMSORG_OK);
    double f0;
    assert_int_equal(planomsorg_staffing_fte_per_user(&f0, s, 0), PLANOMSORG_OK);
    assert_rel(f0, FTE[0], 0);
    assert_int_equal(planomsorg_staffing_fte_per_user(&f0, c, 0), PLANOMSORG_OK);
    assert_rel(f0, 9, 0);
    assert_string_equal(planomsorg_staffing_group_name(c, 1), "group1");
    planomsorg_staffing_free(c);
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

static void test_fulltime_lever_and_names(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    assert_int_equal(planomsorg_staffing_set_fulltime_lever(s, 0.05, 0.9), PLANOMSORG_OK);
    double p;
    /* group 0: 0.8, 0.85, 0.9, 0.9 ...; group 1: 0.6 + 0.05 t */
    assert_int_equal(planomsorg_staffing_group_rates(NULL, &p, s, 0, FIRST + 1), PLANOMSORG_OK);
    assert_rel(p, 0.85, 1e-15);
    assert_int_equal(planomsorg_staffing_group_rates(NULL, &p, s, 0, FIRST + 4), PLANOMSORG_OK);
    assert_rel(p, 0.9, 1e-15);
    assert_int_equal(planomsorg_staffing_group_rates(NULL, &p, s, 1, FIRST + 4), PLANOMSORG_OK);
    assert_rel(p, 0.8, 1e-15);
    /* A higher position share means fewer persons for the same FTEs. */
    planomsorg_staffing_result *r = run(s, NULL);
    assert_rel(get(r, PLANOMSORG_STAFF_PERSONS, FIRST + 4, PLANOMSORG_STAFF_ALL, 1) * 0.8,
               get(r, PLANOMSORG_STAFF_FTE, FIRST + 4, PLANOMSORG_STAFF_ALL, 1), 1e-14);
    planomsorg_staffing_result_free(r);

    assert_int_equal(planomsorg_staffing_set_group_name(s, 1, "helsefagarbeider"),
                     PLANOMSORG_OK);
    int g = -1;
    assert_int_equal(planomsorg_staffing_find_group(&g, s, "helsefagarbeider"), PLANOMSORG_OK);
    assert_int_equal(g, 1);
    assert_string_equal(planomsorg_group_default_name(PLANOMSORG_GROUP_NURSE), "nurse");
    assert_null(planomsorg_group_default_name(4));
    assert_string_equal(planomsorg_staff_measure_name(PLANOMSORG_STAFF_GAP_FTE), "gap_fte");
    assert_null(planomsorg_staff_measure_name(PLANOMSORG_STAFF_N_MEASURES));
    int lo, hi, dim, levels, all;
    double tol;
    planomsorg_staffing_limits(&lo, &hi, &dim, &levels, &all, &tol);
    assert_int_equal(lo, PLANOMSORG_STAFF_MIN_AGE);
    assert_int_equal(hi - lo + 1, PLANOMSORG_STAFF_N_AGES);
    assert_int_equal(dim, PLANOMSORG_STAFF_MAX_DIM);
    assert_int_equal(levels, 8);
    assert_int_equal(all, PLANOMSORG_STAFF_ALL);
    assert_rel(tol, PLANOMSORG_STAFF_SUM_TOLERANCE, 0);
    planomsorg_staffing_limits(NULL, NULL, NULL, NULL, NULL, NULL);
    planomsorg_staffing_free(s);
}

/* National users per level in 2024 (docs/methods/staffing.md): KOSTRA counts where they
 * exist, the documented assumptions elsewhere. */
static void national_users_2024(double users[PLANOMSORG_STAFF_DEFAULT_LEVELS])
{
    double home, housing24, longterm;
    assert_int_equal(planomsorg_data_kostra(&home, NULL, 2024, PLANOMSORG_KOSTRA_HOME_USERS),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_data_kostra(&housing24, NULL, 2024,
                                            PLANOMSORG_KOSTRA_HOUSING24), PLANOMSORG_OK);
    assert_int_equal(planomsorg_data_kostra(&longterm, NULL, 2024, PLANOMSORG_KOSTRA_LONGTERM),
                     PLANOMSORG_OK);
    users[0] = 0;
    users[1] = 100000;  /* low-threshold only (assumption) */
    users[2] = 47500;   /* practical help only: 21.7 % of home users (SSB 2014 share) */
    users[4] = 15000;   /* omsorgsbolig without 24-hour staff (assumption) */
    users[5] = housing24;
    users[6] = 7000;    /* short-term: 17 % of about 41 000 institution places (Omsorg 2020) */
    users[7] = longterm;
    users[3] = home - users[2] - users[4] - users[5];
}

/* The default tables reproduce the published national totals of 2024 within the stated
 * tolerances: about 145 000 FTEs in municipal care (SSB: 134 324 in 2014, growing about
 * 1.7 % a year in 2009-2014; the range 140 000-150 000), and the KOSTRA nurses' FTEs within 10 %. */
static void test_default_calibration(void **state)
{
    (void)state;
    planomsorg_staffing *s = NULL;
    assert_int_equal(planomsorg_staffing_new_default(&s, 2024, 1), PLANOMSORG_OK);
    double users[PLANOMSORG_STAFF_DEFAULT_LEVELS];
    national_users_2024(users);
    planomsorg_staffing_result *r = NULL;
    assert_int_equal(planomsorg_staffing_compute(&r, s, users, PLANOMSORG_STAFF_DEFAULT_LEVELS,
                                                 NULL), PLANOMSORG_OK);
    double total = get(r, PLANOMSORG_STAFF_FTE, 2024, PLANOMSORG_STAFF_ALL,
                       PLANOMSORG_STAFF_ALL);
    double nurses = get(r, PLANOMSORG_STAFF_FTE, 2024, PLANOMSORG_STAFF_ALL,
                        PLANOMSORG_GROUP_NURSE);
    double kostra_nurses;
    assert_int_equal(planomsorg_data_kostra(&kostra_nurses, NULL, 2024,
                                            PLANOMSORG_KOSTRA_NURSE_FTE), PLANOMSORG_OK);
    print_message("default tables, Norway 2024: %.0f FTEs, of which %.0f nurses (KOSTRA %.0f)\n",
                  total, nurses, kostra_nurses);
    assert_true(total > 140000 && total < 150000);
    assert_true(fabs(nurses / kostra_nurses - 1) < 0.10);
    /* Net FTE per user (home users + institution users) near SSB's 0.46-0.49 of 2010-2014. */
    double net = get(r, PLANOMSORG_STAFF_FTE_NET, 2024, PLANOMSORG_STAFF_ALL,
                     PLANOMSORG_STAFF_ALL);
    double per_user = net / (users[2] + users[3] + users[4] + users[5] + users[6] + users[7]);
    print_message("net FTE per user: %.3f (SSB 2010-2014: 0.46-0.49)\n", per_user);
    assert_true(per_user > 0.40 && per_user < 0.60);
    /* Every default mix row sums to 1. */
    for (int k = 0; k < PLANOMSORG_STAFF_DEFAULT_LEVELS; k++) {
        double sum = 0, m;
        for (int g = 0; g < PLANOMSORG_N_DEFAULT_GROUPS; g++) {
            assert_int_equal(planomsorg_staffing_mix(&m, s, k, g), PLANOMSORG_OK);
            sum += m;
        }
        assert_rel(sum, 1, 1e-12);
    }
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

static void test_use_kostra(void **state)
{
    (void)state;
    planomsorg_staffing *s = NULL;
    assert_int_equal(planomsorg_staffing_new_default(&s, 2024, 3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_use_kostra(s, "5001", 2024), PLANOMSORG_OK);
    double hours, nurses, f, share;
    assert_int_equal(planomsorg_data_kostra(&hours, "5001", 2024,
                                            PLANOMSORG_KOSTRA_HOME_NURSING_HOURS), PLANOMSORG_OK);
    assert_int_equal(planomsorg_data_kostra(&nurses, "5001", 2024, PLANOMSORG_KOSTRA_NURSE_FTE),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_fte_per_user(&f, s, 3), PLANOMSORG_OK);
    assert_rel(f, hours * 52 / 1695.0 / 0.45, 1e-14);
    assert_int_equal(planomsorg_staffing_group_rates(NULL, &share, s, PLANOMSORG_GROUP_NURSE,
                                                     2024), PLANOMSORG_OK);
    double users[3 * PLANOMSORG_STAFF_DEFAULT_LEVELS] = {0};
    planomsorg_staffing_result *r = NULL;
    assert_int_equal(planomsorg_staffing_compute(&r, s, users, 3 * PLANOMSORG_STAFF_DEFAULT_LEVELS,
                                                 NULL), PLANOMSORG_OK);
    /* The nurses' supply starts at the KOSTRA FTEs. */
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_FTE, 2024, PLANOMSORG_STAFF_ALL,
                   PLANOMSORG_GROUP_NURSE), nurses, 1e-12);
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, 2024, PLANOMSORG_STAFF_ALL,
                   PLANOMSORG_GROUP_NURSE), nurses / share, 1e-12);
    planomsorg_staffing_result_free(r);
    assert_error(planomsorg_staffing_use_kostra(s, "9999", 2024), PLANOMSORG_ENOTFOUND, "9999");
    planomsorg_staffing_free(s);
    planomsorg_staffing *small = NULL;
    assert_int_equal(planomsorg_staffing_new(&small, 3, 1, 2024, 1), PLANOMSORG_OK);
    assert_error(planomsorg_staffing_use_kostra(small, NULL, 2024), PLANOMSORG_EDIMENSION,
                 "level 3");
    planomsorg_staffing_free(small);
}

/* Bands spread evenly: 20-29 with 100 and 60-66 with 70 give 10 per age at 20-29. */
static void test_workforce_bands(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    double persons[2] = {100, 70};
    int lo[2] = {20, 60}, hi[2] = {29, 66};
    assert_int_equal(planomsorg_staffing_set_workforce_bands(s, 0, persons, lo, hi, 2),
                     PLANOMSORG_OK);
    double none[NA] = {0};
    assert_int_equal(planomsorg_staffing_set_exit_rates(s, none, NA), PLANOMSORG_OK);
    planomsorg_staffing_result *r = run(s, NULL);
    assert_rel(get(r, PLANOMSORG_STAFF_SUPPLY_PERSONS, FIRST, PLANOMSORG_STAFF_ALL, 0), 170,
               1e-14);
    /* No exits before the last age and no attrition: only recruits change the stock. */
    assert_rel(get(r, PLANOMSORG_STAFF_EXITS, FIRST, PLANOMSORG_STAFF_ALL, 0), 0, 0);
    planomsorg_staffing_result_free(r);
    lo[1] = 25;
    assert_error(planomsorg_staffing_set_workforce_bands(s, 0, persons, lo, hi, 2),
                 PLANOMSORG_ERANGE, "overlaps");
    lo[1] = 10;
    assert_error(planomsorg_staffing_set_workforce_bands(s, 0, persons, lo, hi, 2),
                 PLANOMSORG_ERANGE, "band 1 (ages 10-66)");
    lo[1] = 60;
    persons[0] = -1;
    assert_error(planomsorg_staffing_set_workforce_bands(s, 0, persons, lo, hi, 2),
                 PLANOMSORG_EVALUE, "workforce[0]");
    assert_error(planomsorg_staffing_set_workforce_bands(s, 0, persons, lo, hi, 0),
                 PLANOMSORG_EINVAL, "n_bands");
    assert_error(planomsorg_staffing_set_workforce_bands(s, 4, persons, lo, hi, 2),
                 PLANOMSORG_ERANGE, "group 4");
    planomsorg_staffing_free(s);
}

static void test_bad_new(void **state)
{
    (void)state;
    planomsorg_staffing *s = NULL;
    assert_error(planomsorg_staffing_new(NULL, K, G, FIRST, T), PLANOMSORG_EINVAL, "out");
    assert_error(planomsorg_staffing_new(&s, 0, G, FIRST, T), PLANOMSORG_ERANGE, "n_levels");
    assert_error(planomsorg_staffing_new(&s, K, 65, FIRST, T), PLANOMSORG_ERANGE, "n_groups");
    assert_error(planomsorg_staffing_new(&s, K, G, 1700, T), PLANOMSORG_ERANGE, "first_year");
    assert_error(planomsorg_staffing_new(&s, K, G, FIRST, 0), PLANOMSORG_ERANGE, "n_years");
    assert_error(planomsorg_staffing_new_default(&s, FIRST, 501), PLANOMSORG_ERANGE, "n_years");
    assert_null(s);
    assert_int_equal(planomsorg_staffing_n_levels(NULL), 0);
    planomsorg_staffing_free(NULL);
    planomsorg_staffing_result_free(NULL);
}

static void test_bad_setters(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    double v3[3] = {0.5, 0.5, 0}, bad_sum[G] = {0.5, 0.6}, neg[G] = {-0.2, 1.2},
           nan_row[G] = {NAN, 1}, path[T] = {1, 1, 1, 1, 1};
    /* FTE per user and hours */
    assert_error(planomsorg_staffing_set_fte_per_user(s, K, 1), PLANOMSORG_ERANGE, "level 3");
    assert_error(planomsorg_staffing_set_fte_per_user(s, -1, 1), PLANOMSORG_ERANGE, "level -1");
    assert_error(planomsorg_staffing_set_fte_per_user(s, 0, -0.1), PLANOMSORG_EVALUE,
                 "FTE per user");
    assert_error(planomsorg_staffing_set_fte_per_user(s, 0, NAN), PLANOMSORG_EVALUE, "nan");
    assert_error(planomsorg_staffing_set_fte_per_user(NULL, 0, 1), PLANOMSORG_EINVAL,
                 "staffing");
    assert_error(planomsorg_staffing_set_hours_per_user(s, 0, -1, 52, 1695), PLANOMSORG_EVALUE,
                 "hours per week");
    assert_error(planomsorg_staffing_set_hours_per_user(s, 0, 5, 0, 1695), PLANOMSORG_EVALUE,
                 "weeks");
    assert_error(planomsorg_staffing_set_hours_per_user(s, 0, 5, 52, 0), PLANOMSORG_EVALUE,
                 "hours per FTE");
    assert_error(planomsorg_staffing_set_hours_per_user(s, 9, 5, 52, 1695), PLANOMSORG_ERANGE,
                 "level 9");
    /* mix */
    assert_error(planomsorg_staffing_set_mix(s, 0, bad_sum, G), PLANOMSORG_EVALUE,
                 "sums to 1.1");
    assert_error(planomsorg_staffing_set_mix(s, 0, neg, G), PLANOMSORG_EVALUE, "-0.2");
    assert_error(planomsorg_staffing_set_mix(s, 0, nan_row, G), PLANOMSORG_EVALUE, "nan");
    assert_error(planomsorg_staffing_set_mix(s, 0, v3, 3), PLANOMSORG_EDIMENSION,
                 "3 values, 2 expected");
    assert_error(planomsorg_staffing_set_mix(s, 5, MIX[0], G), PLANOMSORG_ERANGE, "level 5");
    assert_error(planomsorg_staffing_set_mix(s, 0, NULL, G), PLANOMSORG_EINVAL, "shares");
    double m;
    assert_error(planomsorg_staffing_mix(&m, s, 0, 2), PLANOMSORG_ERANGE, "group 2");
    /* import: one bad row leaves the handle unchanged */
    double fte[K] = {1, 1, 1}, mix[K * G] = {0.5, 0.5, 1, 0, 0.7, 0.7};
    assert_error(planomsorg_staffing_import_tables(s, fte, K, mix, K * G), PLANOMSORG_EVALUE,
                 "level 2");
    assert_int_equal(planomsorg_staffing_fte_per_user(&m, s, 0), PLANOMSORG_OK);
    assert_rel(m, FTE[0], 0);
    assert_error(planomsorg_staffing_import_tables(s, fte, K - 1, mix, K * G),
                 PLANOMSORG_EDIMENSION, "fte_per_user");
    assert_error(planomsorg_staffing_import_tables(s, fte, K, mix, K * G + 1),
                 PLANOMSORG_EDIMENSION, "mix");
    fte[1] = -1;
    mix[5] = 0.3;
    assert_error(planomsorg_staffing_import_tables(s, fte, K, mix, K * G), PLANOMSORG_EVALUE,
                 "fte_per_user[1]");
    assert_error(planomsorg_staffing_export_tables(s, fte, K, mix, 2), PLANOMSORG_EDIMENSION,
                 "mix");
    /* paths */
    assert_error(planomsorg_staffing_set_standard_path(s, path, T - 1), PLANOMSORG_EDIMENSION,
                 "standard factor");
    path[2] = 0;
    assert_error(planomsorg_staffing_set_standard_path(s, path, T), PLANOMSORG_EVALUE,
                 "standard factor[2]");
    path[2] = INFINITY;
    assert_error(planomsorg_staffing_set_productivity_path(s, path, T), PLANOMSORG_EVALUE,
                 "productivity factor[2]");
    assert_error(planomsorg_staffing_set_standard_growth(s, -1), PLANOMSORG_EVALUE,
                 "growth rate");
    assert_error(planomsorg_staffing_set_productivity_growth(s, NAN), PLANOMSORG_EVALUE,
                 "growth rate");
    assert_error(planomsorg_staffing_factors(NULL, NULL, s, FIRST + T), PLANOMSORG_ERANGE,
                 "year 2029");
    /* group rates */
    assert_error(planomsorg_staffing_set_absence(s, 0, 0.95), PLANOMSORG_EVALUE, "absence");
    assert_error(planomsorg_staffing_set_absence(s, 0, -0.01), PLANOMSORG_EVALUE, "absence");
    assert_error(planomsorg_staffing_set_absence(s, 2, 0.1), PLANOMSORG_ERANGE, "group 2");
    assert_error(planomsorg_staffing_set_position_share(s, 0, 0), PLANOMSORG_EVALUE,
                 "position share");
    assert_error(planomsorg_staffing_set_position_share(s, 0, 1.01), PLANOMSORG_EVALUE,
                 "position share");
    assert_error(planomsorg_staffing_set_position_share(s, 7, 0.5), PLANOMSORG_ERANGE,
                 "group 7");
    double sp[T] = {0.7, 0.7, 0.7, NAN, 0.7};
    assert_error(planomsorg_staffing_set_position_share_path(s, 0, sp, T), PLANOMSORG_EVALUE,
                 "position share[3]");
    assert_error(planomsorg_staffing_set_position_share_path(s, 0, sp, 2), PLANOMSORG_EDIMENSION,
                 "position share path");
    assert_error(planomsorg_staffing_set_fulltime_lever(s, -0.01, 0.9), PLANOMSORG_EVALUE,
                 "yearly increase");
    assert_error(planomsorg_staffing_set_fulltime_lever(s, 0.01, 0), PLANOMSORG_EVALUE, "cap");
    assert_error(planomsorg_staffing_group_rates(NULL, NULL, s, -1, FIRST), PLANOMSORG_ERANGE,
                 "group -1");
    /* supply */
    double wf[NA] = {0}, ages[NA] = {0};
    wf[3] = -1;
    assert_error(planomsorg_staffing_set_workforce(s, 0, wf, NA), PLANOMSORG_EVALUE,
                 "workforce[3]");
    assert_error(planomsorg_staffing_set_workforce(s, 0, wf, NA - 1), PLANOMSORG_EDIMENSION,
                 "workforce by age");
    assert_error(planomsorg_staffing_set_workforce(s, 3, wf, NA), PLANOMSORG_ERANGE, "group 3");
    assert_error(planomsorg_staffing_set_workforce_total(s, 0, NAN), PLANOMSORG_EVALUE,
                 "workforce");
    ages[10] = 1.5;
    assert_error(planomsorg_staffing_set_exit_rates(s, ages, NA), PLANOMSORG_EVALUE,
                 "exit rate[10]");
    assert_error(planomsorg_staffing_set_exit_rates(s, ages, 3), PLANOMSORG_EDIMENSION,
                 "exit rates");
    assert_error(planomsorg_staffing_set_attrition(s, 0, 1.5), PLANOMSORG_EVALUE, "attrition");
    assert_error(planomsorg_staffing_set_attrition(s, 5, 0.1), PLANOMSORG_ERANGE, "group 5");
    double rec[T] = {1, 1, -1, 1, 1};
    assert_error(planomsorg_staffing_set_recruitment(s, 0, rec, T), PLANOMSORG_EVALUE,
                 "recruits[2]");
    assert_error(planomsorg_staffing_set_recruitment(s, 0, rec, 1), PLANOMSORG_EDIMENSION,
                 "recruitment path");
    ages[10] = 0.5;
    assert_error(planomsorg_staffing_set_recruit_ages(s, ages, NA), PLANOMSORG_EVALUE,
                 "sums to 0.5");
    assert_error(planomsorg_staffing_set_recruit_ages(s, ages, NA + 1), PLANOMSORG_EDIMENSION,
                 "age profile");
    /* names */
    char longname[80];
    memset(longname, 'x', sizeof longname - 1);
    longname[79] = '\0';
    assert_error(planomsorg_staffing_set_group_name(s, 0, ""), PLANOMSORG_EVALUE, "group name");
    assert_error(planomsorg_staffing_set_group_name(s, 0, longname), PLANOMSORG_EVALUE,
                 "has 79");
    assert_error(planomsorg_staffing_set_group_name(s, 2, "x"), PLANOMSORG_ERANGE, "group 2");
    int g;
    assert_error(planomsorg_staffing_find_group(&g, s, "doctor"), PLANOMSORG_ENOTFOUND,
                 "'doctor'");
    assert_null(planomsorg_staffing_group_name(s, 2));
    planomsorg_staffing_free(s);
}

static void test_bad_compute_and_get(void **state)
{
    (void)state;
    planomsorg_staffing *s = plan();
    double u[T * K];
    users_array(u);
    planomsorg_staffing_result *r = NULL;
    assert_error(planomsorg_staffing_compute(&r, s, u, T * K - 1, NULL), PLANOMSORG_EDIMENSION,
                 "14 values, 15 expected");
    u[4] = NAN;
    assert_error(planomsorg_staffing_compute(&r, s, u, T * K, NULL), PLANOMSORG_EVALUE,
                 "users[4]");
    u[4] = -3;
    assert_error(planomsorg_staffing_compute(&r, s, u, T * K, NULL), PLANOMSORG_EVALUE,
                 "users[4] = -3");
    u[4] = 1;
    planomsorg_population *short_pop = NULL;
    assert_int_equal(planomsorg_population_new(&short_pop, FIRST, 2, 105), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staffing_compute(&r, s, u, T * K, short_pop), PLANOMSORG_ERANGE);
    planomsorg_population_free(short_pop);
    assert_null(r);

    r = run(s, NULL);
    double v;
    assert_error(planomsorg_staffing_result_get(&v, r, PLANOMSORG_STAFF_SHARE_20_66, FIRST, -1,
                                                -1), PLANOMSORG_ESTATE, "population");
    assert_error(planomsorg_staffing_result_get(&v, r, 99, FIRST, -1, -1), PLANOMSORG_EINVAL,
                 "measure code 99");
    assert_error(planomsorg_staffing_result_get(&v, r, PLANOMSORG_STAFF_FTE, FIRST - 1, -1, -1),
                 PLANOMSORG_ERANGE, "year 2023");
    assert_error(planomsorg_staffing_result_get(&v, r, PLANOMSORG_STAFF_FTE, FIRST, K, -1),
                 PLANOMSORG_ERANGE, "level 3");
    assert_error(planomsorg_staffing_result_get(&v, r, PLANOMSORG_STAFF_FTE, FIRST, 0, G),
                 PLANOMSORG_ERANGE, "group 2");
    assert_error(planomsorg_staffing_result_get(&v, r, PLANOMSORG_STAFF_GAP_FTE, FIRST, 0, 0),
                 PLANOMSORG_EINVAL, "per group only");
    double out[T];
    assert_error(planomsorg_staffing_result_export(r, PLANOMSORG_STAFF_SHARE_20_66, out, T),
                 PLANOMSORG_ESTATE, "population");
    assert_error(planomsorg_staffing_result_export(r, PLANOMSORG_STAFF_FTE, out, T),
                 PLANOMSORG_EDIMENSION, "30 expected");
    assert_int_equal(planomsorg_staffing_result_size(r, 42), 0);
    planomsorg_staffing_result_free(r);
    planomsorg_staffing_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demand_formulas),
        cmocka_unit_test(test_hours_per_user),
        cmocka_unit_test(test_supply_flows),
        cmocka_unit_test(test_gap),
        cmocka_unit_test(test_share_20_66),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_fulltime_lever_and_names),
        cmocka_unit_test(test_default_calibration),
        cmocka_unit_test(test_use_kostra),
        cmocka_unit_test(test_workforce_bands),
        cmocka_unit_test(test_bad_new),
        cmocka_unit_test(test_bad_setters),
        cmocka_unit_test(test_bad_compute_and_get),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
