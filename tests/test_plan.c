/* The plan: identities of the plan result (FTE by group and by level sum to the total,
 * users across levels sum to the population, total cost = operating + investment), the
 * constant standard and the staffing levers against computations written out here, the
 * scenario band ordering worst >= middle >= best, capacity and queues, the long CSV, and
 * every kind of bad input, including plan-file errors with their line numbers. */
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

#include "testutil.h"

#define BASE 2025
#define LAST 2035
#define NY (LAST - BASE + 1)


static double get(const planomsorg_plan_result *r, int s, int y, int m, int level, int group)
{
    double v = NAN;
    int rc = planomsorg_plan_result_get(&v, r, s, y, m, level, group);
    if (rc != PLANOMSORG_OK)
        fail_msg("get(%d, %d, %d, %d, %d): %s", s, y, m, level, group, planomsorg_error_last());
    return v;
}

static void add_bundle(planomsorg_plan *p, int bundle)
{
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new_bundle(&sc, bundle), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_OK);
    planomsorg_scenario_free(sc);
}

/* Norway's default plan under the three bundles, run once for several tests. */
static planomsorg_plan_result *norway3;

static int setup_norway(void **state)
{
    (void)state;
    planomsorg_plan *p = NULL;
    if (planomsorg_plan_new(&p, NULL, BASE, 2050) != PLANOMSORG_OK)
        return -1;
    for (int b = 0; b < PLANOMSORG_N_BUNDLES; b++)
        add_bundle(p, b);
    int rc = planomsorg_plan_run(&norway3, p);
    planomsorg_plan_free(p);
    return rc == PLANOMSORG_OK ? 0 : -1;
}

static int teardown_norway(void **state)
{
    (void)state;
    planomsorg_plan_result_free(norway3);
    return 0;
}

static void test_identities(void **state)
{
    (void)state;
    const planomsorg_plan_result *r = norway3;
    int K = planomsorg_staircase_n_levels(planomsorg_plan_result_staircase(r));
    int G = planomsorg_plan_result_n_groups(r);
    assert_int_equal(planomsorg_plan_result_n_scenarios(r), 3);
    assert_int_equal(G, 4);
    for (int s = 0; s < 3; s++)
        for (int y = BASE; y <= 2050; y++) {
            double pop = get(r, s, y, PLANOMSORG_MEASURE_POPULATION, -1, -1);
            double users_all = get(r, s, y, PLANOMSORG_MEASURE_USERS, -1, -1);
            double sum_levels = 0, sum_service = 0;
            for (int k = 0; k < K; k++) {
                double u = get(r, s, y, PLANOMSORG_MEASURE_USERS, k, -1);
                sum_levels += u;
                if (k != PLANOMSORG_LEVEL_NONE)
                    sum_service += u;
            }
            /* persons across levels (the residual included) = population */
            assert_rel(sum_levels, pop, 1e-9);
            assert_rel(users_all, sum_service, 1e-9);
            /* FTE demand by group and by level each sum to the total */
            double fte = get(r, s, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
            double by_g = 0, by_k = 0, gap = 0;
            for (int g = 0; g < G; g++) {
                by_g += get(r, s, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, g);
                gap += get(r, s, y, PLANOMSORG_MEASURE_FTE_GAP, -1, g);
            }
            for (int k = 0; k < K; k++)
                by_k += get(r, s, y, PLANOMSORG_MEASURE_FTE_DEMAND, k, -1);
            assert_rel(by_g, fte, 1e-9);
            assert_rel(by_k, fte, 1e-9);
            /* gap = supply - demand */
            double supply = get(r, s, y, PLANOMSORG_MEASURE_FTE_SUPPLY, -1, -1);
            assert_rel(get(r, s, y, PLANOMSORG_MEASURE_FTE_GAP, -1, -1), supply - fte, 1e-9);
            assert_rel(gap, supply - fte, 1e-9);
            /* costs = operating + investment */
            double op = get(r, s, y, PLANOMSORG_MEASURE_COST_OPERATING, -1, -1);
            double inv = get(r, s, y, PLANOMSORG_MEASURE_COST_INVESTMENT, -1, -1);
            assert_rel(get(r, s, y, PLANOMSORG_MEASURE_COST_TOTAL, -1, -1), op + inv, 1e-9);
            /* share of 20-66 = FTE demand / population 20-66 */
            double p2066 = get(r, s, y, PLANOMSORG_MEASURE_POPULATION_20_66, -1, -1);
            assert_rel(get(r, s, y, PLANOMSORG_MEASURE_FTE_SHARE_20_66, -1, -1), fte / p2066, 1e-12);
            /* places needed = users + queue of the capacity levels 4..7 */
            double places = 0;
            for (int k = PLANOMSORG_LEVEL_HOUSING; k <= PLANOMSORG_LEVEL_LONG_TERM; k++)
                places += get(r, s, y, PLANOMSORG_MEASURE_USERS, k, -1) +
                          get(r, s, y, PLANOMSORG_MEASURE_QUEUE, k, -1);
            assert_rel(get(r, s, y, PLANOMSORG_MEASURE_PLACES_NEEDED, -1, -1), places, 1e-9);
            /* 24-hour coverage: users of levels 5..7 of all ages / population 80+ */
            double u24 = 0;
            for (int k = PLANOMSORG_LEVEL_HOUSING24; k <= PLANOMSORG_LEVEL_LONG_TERM; k++)
                u24 += get(r, s, y, PLANOMSORG_MEASURE_USERS, k, -1);
            assert_rel(get(r, s, y, PLANOMSORG_MEASURE_COVERAGE_24H_80P, -1, -1), u24 / get(r, s, y, PLANOMSORG_MEASURE_POPULATION_80P, -1, -1), 1e-12);
        }
}

/* The bundles are ordered in every lever, so FTE demand is ordered from the year after
 * the base year on; the band is [best, worst]. */
static void test_band_order(void **state)
{
    (void)state;
    const planomsorg_plan_result *r = norway3;
    int w = -1, m = -1, b = -1;
    assert_int_equal(planomsorg_plan_result_find_scenario(&w, r, "worst"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_result_find_scenario(&m, r, "middle"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_result_find_scenario(&b, r, "best"), PLANOMSORG_OK);
    /* the base year is the same observed year in every scenario */
    assert_rel(get(r, w, BASE, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1), get(r, b, BASE, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1), 1e-6);
    for (int y = BASE + 1; y <= 2050; y++) {
        double fw = get(r, w, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
        double fm = get(r, m, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
        double fb = get(r, b, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
        assert_true(fw > fm);
        assert_true(fm > fb);
        double lo = 0, hi = 0;
        assert_int_equal(planomsorg_plan_result_band(&lo, &hi, r, y,
                                                     PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1),
                         PLANOMSORG_OK);
        assert_rel(lo, fb, 0);
        assert_rel(hi, fw, 0);
    }
}

/* A synthetic plan: a given population (P = 1000 at every age, sex and year), one band
 * of rates, staffing of zeros with one group. Users and FTE follow by hand. */
static planomsorg_plan *synthetic_plan(double standard, double productivity)
{
    planomsorg_plan *p = NULL;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_plan_new(&p, NULL, BASE, LAST), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_new(&pop, BASE, NY, 105), PLANOMSORG_OK);
    for (int y = BASE; y <= LAST; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++)
                assert_int_equal(planomsorg_population_set(pop, y, s, a, 1000), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_population(p, pop), PLANOMSORG_OK);
    planomsorg_population_free(pop);
    /* rates: level k (1..7) has rate 0.01 * k for both sexes, one band 0+ */
    double rates[8 * 2];
    for (int k = 0; k < 8; k++)
        rates[k * 2] = rates[k * 2 + 1] = k == 0 ? 0 : 0.01 * k;
    const int band_lo[1] = {0};
    assert_int_equal(planomsorg_plan_set_rates(p, rates, 16, band_lo, 1), PLANOMSORG_OK);
    planomsorg_staffing *st = NULL;
    assert_int_equal(planomsorg_staffing_new(&st, 8, 1, BASE, NY), PLANOMSORG_OK);
    for (int k = 0; k < 8; k++)
        assert_int_equal(planomsorg_staffing_set_fte_per_user(st, k, 0.1 * k), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_staffing(p, st), PLANOMSORG_OK);
    planomsorg_staffing_free(st);
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "levers"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_STANDARD, standard),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY,
                                                   productivity), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_OK);
    planomsorg_scenario_free(sc);
    return p;
}

static void test_constant_standard_by_hand(void **state)
{
    (void)state;
    planomsorg_plan *p = synthetic_plan(0.01, 0.02);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    const double P = 1000.0 * 2 * 106; /* persons in every year */
    /* by hand: sum_k 0.01 k * 0.1 k = 0.001 * (1 + 4 + ... + 49) = 0.14 FTE per person */
    const double fte_per_person = 0.001 * 140;
    for (int y = BASE; y <= LAST; y++) {
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_POPULATION, -1, -1), P, 1e-9);
        for (int k = 1; k < 8; k++)
            assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_USERS, k, -1), 0.01 * k * P, 1e-9);
        double want = fte_per_person * P * pow(1.01, y - BASE) / pow(1.02, y - BASE);
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1), want, 1e-9);
        /* one group of zeros: no absence, position share 1 => headcount = FTE */
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_HEADCOUNT_DEMAND, -1, 0), want, 1e-9);
    }
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
}

/* Family care below 1 lowers home levels only; capacity holds long-term users at the
 * places and reports the rest as a queue, persons conserved. */
static void test_family_care_and_capacity(void **state)
{
    (void)state;
    planomsorg_plan *p = synthetic_plan(0, 0);
    planomsorg_plan_clear_scenarios(p);
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "fc"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, 0.8),
                     PLANOMSORG_OK);
    const double places[1] = {1000};
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "long_term", places, BASE, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_OK);
    planomsorg_scenario_free(sc);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    const double P = 1000.0 * 2 * 106;
    for (int y = BASE; y <= LAST; y++) {
        /* practical help (rate 0.02) and home nursing (0.03) are of kind home */
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_USERS, 2, -1), 0.8 * 0.02 * P, 1e-9);
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_USERS, 3, -1), 0.8 * 0.03 * P, 1e-9);
        double lt = get(r, 0, y, PLANOMSORG_MEASURE_USERS, 7, -1);
        double q = get(r, 0, y, PLANOMSORG_MEASURE_QUEUE, 7, -1);
        assert_true(lt <= 1000 + 1e-6);
        assert_rel(lt + q, 0.07 * P, 1e-6);
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_PLACES_NEEDED, 7, -1), 0.07 * P, 1e-6);
        double sum = 0;
        for (int k = 0; k < 8; k++)
            sum += get(r, 0, y, PLANOMSORG_MEASURE_USERS, k, -1);
        assert_rel(sum, P, 1e-9);
    }
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
}

/* PV of total cost = sum over years of total / 1.04^(y - 2025), written out here. */
static void test_present_value(void **state)
{
    (void)state;
    const planomsorg_plan_result *r = norway3;
    for (int s = 0; s < 3; s++) {
        double want = 0, op = 0, inv = 0, pv = 0, pv_op = 0, pv_inv = 0;
        for (int y = BASE; y <= 2050; y++) {
            double d = pow(1.04, -(y - BASE));
            want += get(r, s, y, PLANOMSORG_MEASURE_COST_TOTAL, -1, -1) * d;
            op += get(r, s, y, PLANOMSORG_MEASURE_COST_OPERATING, -1, -1) * d;
            inv += get(r, s, y, PLANOMSORG_MEASURE_COST_INVESTMENT, -1, -1) * d;
        }
        assert_int_equal(planomsorg_plan_result_present_value(&pv, r, s,
                                                              PLANOMSORG_MEASURE_COST_TOTAL, 0.04),
                         PLANOMSORG_OK);
        assert_rel(pv, want, 1e-12);
        assert_int_equal(planomsorg_plan_result_present_value(
                             &pv_op, r, s, PLANOMSORG_MEASURE_COST_OPERATING, 0.04), PLANOMSORG_OK);
        assert_int_equal(planomsorg_plan_result_present_value(
                             &pv_inv, r, s, PLANOMSORG_MEASURE_COST_INVESTMENT, 0.04),
                         PLANOMSORG_OK);
        assert_rel(pv_op, op, 1e-12);
        assert_rel(pv_inv, inv, 1e-12);
        assert_rel(pv_op + pv_inv, pv, 1e-12);
    }
    double pv = 0;
    assert_error(planomsorg_plan_result_present_value(&pv, r, 0, PLANOMSORG_MEASURE_USERS, 0.04),
                 PLANOMSORG_EINVAL, "not a cost measure");
    assert_error(planomsorg_plan_result_present_value(&pv, r, 0, PLANOMSORG_MEASURE_COST_TOTAL,
                                                      -1), PLANOMSORG_EVALUE, "discount rate -1");
    assert_error(planomsorg_plan_result_present_value(&pv, r, 3, PLANOMSORG_MEASURE_COST_TOTAL,
                                                      0.04), PLANOMSORG_ERANGE, "scenario 3");
}

/* A coverage target of 5 % of persons 80+ for long-term care from 2027 on the synthetic
 * population: places = 0.05 x 2 x 26 x 1000 = 2600, demand 0.07 x P; before 2027 no limit. */
static void test_coverage_target_plan(void **state)
{
    (void)state;
    planomsorg_plan *p = synthetic_plan(0, 0);
    planomsorg_plan_clear_scenarios(p);
    planomsorg_scenario *sc = NULL;
    const double target[1] = {0.05};
    assert_int_equal(planomsorg_scenario_new(&sc, "target"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_coverage_target(sc, "long_term", target, 2027, 1,
                                                             80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_OK);
    planomsorg_scenario_free(sc);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    const double P = 1000.0 * 2 * 106, places = 0.05 * 2 * 26 * 1000;
    for (int y = BASE; y <= LAST; y++) {
        double lt = get(r, 0, y, PLANOMSORG_MEASURE_USERS, 7, -1);
        double q = get(r, 0, y, PLANOMSORG_MEASURE_QUEUE, 7, -1);
        assert_rel(lt, y < 2027 ? 0.07 * P : places, 1e-9);
        assert_rel(q, y < 2027 ? 0 : 0.07 * P - places, 1e-9);
    }
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
}

static void test_csv(void **state)
{
    (void)state;
    char path[] = "/tmp/planomsorg_plan_csv_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(planomsorg_plan_result_write_csv(norway3, path), PLANOMSORG_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "scenario,year,measure,level,group,value\n");
    long rows = 0, fte_total = 0;
    while (fgets(line, sizeof line, f)) {
        rows++;
        if (strncmp(line, "middle,2040,fte_demand,all,all,", 31) == 0) {
            fte_total++;
            double v = atof(line + 31);
            assert_rel(v, get(norway3, 1, 2040, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1), 1e-9);
        }
    }
    fclose(f);
    remove(path);
    /* rows per scenario and year: 18 totals + 8 levels x 5 measures by level + 4 groups x
     * 5 measures by group */
    assert_int_equal(rows, 3L * 26 * (18 + 8 * 5 + 4 * 5));
    assert_int_equal(fte_total, 1);
    assert_error(planomsorg_plan_result_write_csv(norway3, "/nonexistent/dir/x.csv"),
                 PLANOMSORG_EIO, "/nonexistent/dir/x.csv");
}

static void test_bad_use(void **state)
{
    (void)state;
    planomsorg_plan *p = NULL;
    assert_error(planomsorg_plan_new(&p, "9999", BASE, 2050), PLANOMSORG_ENOTFOUND, "9999");
    assert_error(planomsorg_plan_new(&p, NULL, BASE, 2200), PLANOMSORG_ERANGE, "last year 2200");
    assert_int_equal(planomsorg_plan_new(&p, "5001", BASE, 2030), PLANOMSORG_OK);
    assert_string_equal(planomsorg_plan_region(p), "5001");
    add_bundle(p, PLANOMSORG_BUNDLE_MIDDLE);
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new_bundle(&sc, PLANOMSORG_BUNDLE_MIDDLE), PLANOMSORG_OK);
    assert_error(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_EDUPLICATE, "'middle'");
    assert_error(planomsorg_plan_keep_scenario(p, "nope"), PLANOMSORG_ENOTFOUND, "nope");
    /* a capacity plan for a level the staircase lacks */
    assert_int_equal(planomsorg_scenario_set_name(sc, "bad_cap"), PLANOMSORG_OK);
    const double places[1] = {10};
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "nursing", places, BASE, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(p, sc), PLANOMSORG_OK);
    planomsorg_scenario_free(sc);
    planomsorg_plan_result *r = NULL;
    assert_error(planomsorg_plan_run(&r, p), PLANOMSORG_ECONSISTENCY, "'nursing'");
    assert_string_equal(strstr(planomsorg_error_last(), "scenario 'bad_cap'") ? "y" : "n", "y");
    assert_null(r);
    assert_int_equal(planomsorg_plan_keep_scenario(p, "middle"), PLANOMSORG_OK);
    /* staffing of other years */
    planomsorg_staffing *st = NULL;
    assert_int_equal(planomsorg_staffing_new_default(&st, BASE, 3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_staffing(p, st), PLANOMSORG_OK);
    planomsorg_staffing_free(st);
    assert_error(planomsorg_plan_run(&r, p), PLANOMSORG_EDIMENSION, "2025..2027");
    assert_int_equal(planomsorg_plan_set_staffing(p, NULL), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    double v = 0;
    assert_error(planomsorg_plan_result_get(&v, r, 0, 2031, PLANOMSORG_MEASURE_USERS, -1, -1),
                 PLANOMSORG_ERANGE, "year 2031");
    assert_error(planomsorg_plan_result_get(&v, r, 1, 2030, PLANOMSORG_MEASURE_USERS, -1, -1),
                 PLANOMSORG_ERANGE, "scenario 1");
    assert_error(planomsorg_plan_result_get(&v, r, 0, 2030, PLANOMSORG_MEASURE_POPULATION, 3,
                                            -1), PLANOMSORG_EINVAL, "no breakdown by level");
    assert_error(planomsorg_plan_result_get(&v, r, 0, 2030, PLANOMSORG_MEASURE_USERS, -1, 0),
                 PLANOMSORG_EINVAL, "no breakdown by group");
    assert_error(planomsorg_plan_result_get(&v, r, 0, 2030, 99, -1, -1), PLANOMSORG_EINVAL,
                 "measure code 99");
    assert_error(planomsorg_plan_result_get(&v, r, 0, 2030, PLANOMSORG_MEASURE_FTE_DEMAND, -1, 4),
                 PLANOMSORG_ERANGE, "group 4");
    planomsorg_plan_result_free(r);
    /* a custom staircase has no rates until given */
    planomsorg_staircase *stairs = NULL;
    assert_int_equal(planomsorg_staircase_new(&stairs), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(stairs, "none", PLANOMSORG_LEVEL_KIND_NONE, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(stairs, "care", PLANOMSORG_LEVEL_KIND_HOME, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_staircase(p, stairs), PLANOMSORG_OK);
    planomsorg_staircase_free(stairs);
    assert_error(planomsorg_plan_run(&r, p), PLANOMSORG_ESTATE, "no rates");
    assert_error(planomsorg_plan_set_rates_kostra(p, 2024), PLANOMSORG_ECONSISTENCY,
                 "default staircase");
    int code = 0;
    assert_error(planomsorg_plan_measure_find(&code, "ftes"), PLANOMSORG_ENOTFOUND, "ftes");
    assert_int_equal(planomsorg_plan_measure_find(&code, "fte_gap"), PLANOMSORG_OK);
    assert_int_equal(code, PLANOMSORG_MEASURE_FTE_GAP);
    assert_error(planomsorg_plan_set_region(p, "12"), PLANOMSORG_ENOTFOUND, "'12'");
    planomsorg_plan_free(p);
    /* a given population too short for the plan's years */
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, BASE, 3, 100), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_new(&p, NULL, BASE, 2030), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_population(p, pop), PLANOMSORG_OK);
    assert_error(planomsorg_plan_run(&r, p), PLANOMSORG_ERANGE, "year 2030 outside");
    planomsorg_population_free(pop);
    planomsorg_plan_free(p);
    planomsorg_plan_free(NULL);
    planomsorg_plan_result_free(NULL);
}

/* Bjerkreim (1114) lacks a KOSTRA count in 2024 and has all of them in 2025: the default
 * plan falls back to the 2025 rates (checked here against the services module's rates of
 * 2025 applied by hand to the base-year population); an explicit year is used as given.
 * Utsira (1151) lacks counts in both years, and the run says which. */
static void test_kostra_fallback(void **state)
{
    (void)state;
    planomsorg_plan *p = NULL;
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_new(&p, "1114", BASE, 2030), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    planomsorg_staircase *stairs = NULL;
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&stairs), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_new(&svc, stairs), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_rates_kostra(svc, "1114", 2025), PLANOMSORG_OK);
    static double rates[8 * 106 * 2];
    assert_int_equal(planomsorg_services_get_rates(rates, 8 * 106 * 2, svc, 105), PLANOMSORG_OK);
    planomsorg_population *emb = NULL;
    assert_int_equal(planomsorg_data_population(&emb, "1114"), PLANOMSORG_OK);
    for (int k = 1; k < 8; k++) {
        double want = 0;
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++) {
                double persons = 0;
                assert_int_equal(planomsorg_population_get(emb, BASE, s, a, &persons),
                                 PLANOMSORG_OK);
                want += rates[(k * 106 + a) * 2 + s] * persons;
            }
        assert_rel(get(r, 0, BASE, PLANOMSORG_MEASURE_USERS, k, -1), want, 1e-9);
    }
    planomsorg_plan_result_free(r);
    /* asked for explicitly, a year with a suppressed total is imputed, not refused */
    assert_int_equal(planomsorg_plan_set_rates_kostra(p, 2024), PLANOMSORG_OK);
    planomsorg_plan_free(p);
    planomsorg_population_free(emb);
    planomsorg_services_free(svc);
    planomsorg_staircase_free(stairs);
    /* Utsira: long-term residents suppressed in both years, imputed from national rates
     * (tests/test_services.c checks the imputation): fewer than SSB's threshold of 5 */
    assert_int_equal(planomsorg_plan_new(&p, "1151", BASE, 2030), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    double lt = get(r, 0, BASE, PLANOMSORG_MEASURE_USERS, 7, -1);
    assert_true(lt > 0 && lt < 5);
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
}

/* Alignment to an SSB table: targets 0.99 x the unaligned projection for 0-66 and 67-79
 * and 1.02 x for 80+; the aligned plan's populations must equal the targets. */
static char *ssb_table_text(const planomsorg_plan_result *r, size_t *len)
{
    static const int lo[3] = {0, 67, 80}, hi[3] = {66, 79, PLANOMSORG_AGE_OPEN};
    static const char *const label[3] = {"0-66 år", "67-79 år", "80 år eller eldre"};
    static const double factor[3] = {0.99, 0.99, 1.02};
    size_t cap = 8192;
    char *text = malloc(cap);
    assert_non_null(text);
    int n = snprintf(text, cap, "region,statistikkvariabel,år,alder,value\n");
    const planomsorg_population *pop = planomsorg_result_population(
        planomsorg_plan_result_services(r, 0));
    for (int y = BASE; y <= 2030; y++)
        for (int g = 0; g < 3; g++) {
            double v = 0;
            assert_int_equal(planomsorg_population_sum(pop, y, PLANOMSORG_SEX_BOTH, lo[g], hi[g],
                                                       &v), PLANOMSORG_OK);
            n += snprintf(text + n, cap - (size_t)n, "Hele landet,Hovedalternativet (MMMM),%d,%s,"
                          "%.17g\n", y, label[g], v * factor[g]);
        }
    *len = (size_t)n;
    return text;
}

static void check_aligned(const planomsorg_plan_result *plain, const planomsorg_plan_result *r)
{
    for (int y = BASE; y <= 2030; y++) {
        double p80 = get(plain, 0, y, PLANOMSORG_MEASURE_POPULATION_80P, -1, -1);
        double all = get(plain, 0, y, PLANOMSORG_MEASURE_POPULATION, -1, -1);
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_POPULATION_80P, -1, -1), 1.02 * p80, 1e-9);
        assert_rel(get(r, 0, y, PLANOMSORG_MEASURE_POPULATION, -1, -1), 0.99 * (all - p80) + 1.02 * p80, 1e-9);
    }
}

static void test_alignment(void **state)
{
    (void)state;
    planomsorg_plan *p = NULL;
    planomsorg_plan_result *plain = NULL, *r = NULL;
    assert_int_equal(planomsorg_plan_new(&p, NULL, BASE, 2030), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&plain, p), PLANOMSORG_OK);
    size_t len = 0;
    char *text = ssb_table_text(plain, &len);
    planomsorg_ssbproj *proj = NULL;
    assert_int_equal(planomsorg_ssbproj_parse(&proj, text, len, "ssb.csv"), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_alignment(p, proj, NULL), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    check_aligned(plain, r);
    planomsorg_plan_result_free(r);
    r = NULL;
    assert_error(planomsorg_plan_set_alignment(p, proj, "Atlantis"), PLANOMSORG_ENOTFOUND,
                 "'Atlantis'");
    /* the worst bundle needs the high alternative (HHMH), which the table lacks */
    assert_int_equal(planomsorg_plan_set_alignment(p, proj, NULL), PLANOMSORG_OK);
    add_bundle(p, PLANOMSORG_BUNDLE_WORST);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_ENOTFOUND);
    assert_null(r);
    planomsorg_plan_free(p);

    /* the same through a plan file, the table next to it */
    char dir[] = "/tmp/planomsorg_plan_align_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char csv[256], yaml[256];
    snprintf(csv, sizeof csv, "%s/ssb.csv", dir);
    snprintf(yaml, sizeof yaml, "%s/plan.yaml", dir);
    FILE *f = fopen(csv, "w");
    assert_non_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
    f = fopen(yaml, "w");
    fputs("last_year: 2030\npopulation:\n  align: {file: ssb.csv, region: Hele landet}\n", f);
    fclose(f);
    assert_int_equal(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    check_aligned(plain, r);
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
    f = fopen(yaml, "w");
    fputs("population:\n  align: {file: ssb.csv, region: Atlantis}\n", f);
    fclose(f);
    assert_error(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_ENOTFOUND, "plan.yaml:2:34:");
    f = fopen(yaml, "w");
    fputs("population:\n  align: {file: nothere.csv}\n", f);
    fclose(f);
    assert_error(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_EIO, "plan.yaml:2:17:");
    f = fopen(yaml, "w");
    fputs("population:\n  file: x.csv\n  align: {file: ssb.csv}\n", f);
    fclose(f);
    assert_error(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_EFORMAT, "plan.yaml:3:10:");
    remove(csv);
    remove(yaml);
    rmdir(dir);
    free(text);
    planomsorg_ssbproj_free(proj);
    planomsorg_plan_result_free(plain);
}

/* Markov mode: a plan with transitions keeps persons across levels equal to the
 * population in every year, and its identities hold as in rates mode. */
static void test_markov_plan(void **state)
{
    (void)state;
    planomsorg_plan *p = NULL;
    planomsorg_transitions *tr = NULL;
    const int band_lo[2] = {0, 80};
    assert_int_equal(planomsorg_plan_new(&p, "5021", BASE, 2035), PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_new(&tr, 8, band_lo, 2, 0, 0), PLANOMSORG_OK);
    /* 80+: 5 % a year move from home nursing to long-term care, 10 % from none to alarms */
    double m[64] = {0};
    for (int k = 0; k < 8; k++)
        m[k * 8 + k] = 1;
    m[3 * 8 + 3] = 0.95;
    m[3 * 8 + 7] = 0.05;
    m[0 * 8 + 0] = 0.90;
    m[0 * 8 + 1] = 0.10;
    for (int s = 0; s < 2; s++)
        assert_int_equal(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 1, s, m, 64),
                         PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_set_transitions(p, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);
    add_bundle(p, PLANOMSORG_BUNDLE_MIDDLE);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    assert_int_equal(planomsorg_result_mode(planomsorg_plan_result_services(r, 0)),
                     PLANOMSORG_MODE_MARKOV);
    for (int y = BASE; y <= 2035; y++) {
        double pop = get(r, 0, y, PLANOMSORG_MEASURE_POPULATION, -1, -1), sum = 0, by_g = 0;
        for (int k = 0; k < 8; k++)
            sum += get(r, 0, y, PLANOMSORG_MEASURE_USERS, k, -1);
        assert_rel(sum, pop, 1e-9);
        double fte = get(r, 0, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
        for (int g = 0; g < 4; g++)
            by_g += get(r, 0, y, PLANOMSORG_MEASURE_FTE_DEMAND, -1, g);
        assert_rel(by_g, fte, 1e-9);
    }
    planomsorg_plan_result_free(r);
    planomsorg_transitions *bad = NULL;
    assert_int_equal(planomsorg_transitions_new(&bad, 3, band_lo, 1, 0, 0), PLANOMSORG_OK);
    assert_error(planomsorg_plan_set_transitions(p, bad), PLANOMSORG_EDIMENSION, "3 levels");
    planomsorg_transitions_free(bad);
    planomsorg_plan_free(p);
}

/* ------------------------------------------------------------------------- */
/* Plan files                                                                 */
/* ------------------------------------------------------------------------- */

static int parse(planomsorg_plan **p, const char *text)
{
    return planomsorg_plan_parse_yaml(p, text, strlen(text), "t.yaml");
}

static void test_yaml_good(void **state)
{
    (void)state;
    const char *text =
        "version: 1\n"
        "region: \"5001\"\n"
        "base_year: 2025\n"
        "last_year: 2040\n"
        "staffing:\n"
        "  absence: {nurse: 0.1}\n"
        "  fulltime: {increase: 0.01, cap: 0.9}\n"
        "costs:\n"
        "  cost_per_fte: 800000\n"
        "capacity:\n"
        "  long_term: {from: 2025, to: 2027, values: [900, 950, 1000]}\n"
        "scenarios:\n"
        "  - best\n"
        "  - name: mine\n"
        "    bundle: middle\n"
        "    demography: high\n"
        "    family_care: {from: 2025, to: 2035, start: 1.0, end: 0.9}\n"
        "    standard: 0.01\n"
        "    capacity:\n"
        "      long_term: {from: 2030, values: [1200]}\n"
        "  - name: target\n"
        "    coverage_targets:\n"
        "      housing_24h: {from: 2025, to: 2030, start: 0.10, end: 0.12, ages: 67-79}\n";
    planomsorg_plan *p = NULL;
    assert_int_equal(parse(&p, text), PLANOMSORG_OK);
    assert_string_equal(planomsorg_plan_region(p), "5001");
    int base = 0, last = 0;
    planomsorg_plan_years(&base, &last, p);
    assert_int_equal(base, 2025);
    assert_int_equal(last, 2040);
    assert_int_equal(planomsorg_plan_n_scenarios(p), 3);
    {
        const planomsorg_scenario *t = planomsorg_plan_scenario(p, 2);
        int is_target = 0, lo = 0, hi = 0, n_t = 0, first_t = 0;
        const double *v = NULL;
        const char *lv = NULL;
        /* the plan-wide long-term capacity, then the scenario's 24-hour housing target */
        assert_int_equal(planomsorg_scenario_n_capacities(t), 2);
        assert_int_equal(planomsorg_scenario_capacity(&lv, &v, &first_t, &n_t, t, 1),
                         PLANOMSORG_OK);
        assert_string_equal(lv, "housing_24h");
        assert_int_equal(planomsorg_scenario_capacity_target(&is_target, &lo, &hi, t, 1),
                         PLANOMSORG_OK);
        assert_int_equal(is_target, 1);
        assert_int_equal(lo, 67);
        assert_int_equal(hi, 79);
        assert_int_equal(n_t, 6);
        assert_rel(v[5], 0.12, 1e-15);
    }
    const planomsorg_scenario *best = planomsorg_plan_scenario(p, 0);
    const planomsorg_scenario *mine = planomsorg_plan_scenario(p, 1);
    assert_string_equal(planomsorg_scenario_name(best), "best");
    assert_string_equal(planomsorg_scenario_name(mine), "mine");
    assert_int_equal(planomsorg_scenario_demography(mine), PLANOMSORG_ALTERNATIVE_HIGH);
    double v = 0;
    assert_int_equal(planomsorg_scenario_lever(&v, mine, PLANOMSORG_LEVER_FAMILY_CARE, 2030),
                     PLANOMSORG_OK);
    assert_rel(v, 0.95, 1e-12);
    assert_int_equal(planomsorg_scenario_lever(&v, mine, PLANOMSORG_LEVER_HEALTH, 2030),
                     PLANOMSORG_OK);
    assert_rel(v, 0.5, 0); /* from the middle bundle */
    /* the scenario's own capacity replaces the plan-wide one */
    const double *places = NULL;
    int first = 0, n = 0;
    assert_int_equal(planomsorg_scenario_n_capacities(mine), 1);
    assert_int_equal(planomsorg_scenario_capacity(NULL, &places, &first, &n, mine, 0),
                     PLANOMSORG_OK);
    assert_int_equal(first, 2030);
    assert_rel(places[0], 1200, 0);
    assert_int_equal(planomsorg_scenario_capacity(NULL, &places, &first, &n, best, 0),
                     PLANOMSORG_OK);
    assert_int_equal(n, 3);
    assert_rel(places[1], 950, 0);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    /* costs follow the file's price: operating = FTE * 800 000 (no user costs set) */
    double fte = get(r, 1, 2030, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1);
    assert_rel(get(r, 1, 2030, PLANOMSORG_MEASURE_COST_OPERATING, -1, -1), fte * 8e5, 1e-6);
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
}

static void test_yaml_population_file(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2025, 6, 105), PLANOMSORG_OK);
    for (int y = 2025; y <= 2030; y++)
        for (int a = 0; a <= 105; a++)
            for (int s = 0; s < 2; s++)
                planomsorg_population_set(pop, y, s, a, 500 + a);
    char dir[] = "/tmp/planomsorg_plan_dir_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char csv[256], yaml[256];
    snprintf(csv, sizeof csv, "%s/pop.csv", dir);
    snprintf(yaml, sizeof yaml, "%s/plan.yaml", dir);
    assert_int_equal(planomsorg_population_write_csv(pop, csv), PLANOMSORG_OK);
    FILE *f = fopen(yaml, "w");
    assert_non_null(f);
    fputs("last_year: 2030\npopulation:\n  file: pop.csv\n", f);
    fclose(f);
    planomsorg_plan *p = NULL;
    assert_int_equal(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_OK);
    planomsorg_plan_result *r = NULL;
    assert_int_equal(planomsorg_plan_run(&r, p), PLANOMSORG_OK);
    double p80 = 0;
    assert_int_equal(planomsorg_population_band(pop, 2030, PLANOMSORG_SEX_BOTH,
                                                PLANOMSORG_BAND_80P, &p80), PLANOMSORG_OK);
    assert_rel(get(r, 0, 2030, PLANOMSORG_MEASURE_POPULATION_80P, -1, -1), p80, 1e-9);
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
    planomsorg_population_free(pop);
    remove(csv);
    f = fopen(yaml, "w");
    fputs("population:\n  file: missing.csv\n", f);
    fclose(f);
    assert_error(planomsorg_plan_read_yaml(&p, yaml), PLANOMSORG_EIO, "plan.yaml:2:9:");
    remove(yaml);
    rmdir(dir);
    assert_error(planomsorg_plan_read_yaml(&p, "/nonexistent/plan.yaml"), PLANOMSORG_EIO,
                 "/nonexistent/plan.yaml");
}

/* Every kind of bad input, with its line and column. */
static void test_yaml_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int code;
        const char *fragment;
    } cases[] = {
        {"region: \"0000\"\nbase_yaer: 2025\n", PLANOMSORG_EFORMAT,
         "t.yaml:2:1: unknown key 'base_yaer' in the plan"},
        {"scenarios:\n  - name: x\n    helth: 1\n", PLANOMSORG_EFORMAT,
         "t.yaml:3:5: unknown key 'helth' in a scenario"},
        {"base_year: [2025]\n", PLANOMSORG_EFORMAT, "t.yaml:1:12: base_year must be a scalar"},
        {"base_year: twenty\n", PLANOMSORG_EFORMAT, "t.yaml:1:12: base_year must be a whole"},
        {"scenarios: {a: 1}\n", PLANOMSORG_EFORMAT, "t.yaml:1:12: scenarios must be a list"},
        {"costs:\n  cost_per_fte: lots\n", PLANOMSORG_EFORMAT, "t.yaml:2:17: cost_per_fte must be a number"},
        {"scenarios:\n  - name: x\n    health: 1.5\n", PLANOMSORG_EVALUE,
         "t.yaml:3:13: health = 1.5 is outside [0, 1]"},
        {"last_year: 2500\n", PLANOMSORG_EVALUE, "t.yaml:1:12: last_year = 2500"},
        {"staffing:\n  absence: {nurse: 0.95}\n", PLANOMSORG_EVALUE, "t.yaml:2:20: absence of nurse"},
        {"scenarios:\n  - name: x\n    family_care: {from: 2025, values: [1, -1]}\n",
         PLANOMSORG_EVALUE, "t.yaml:3:43: family_care in 2026 = -1"},
        {"capacity:\n  nursing: {from: 2025, values: [1]}\n", PLANOMSORG_ENOTFOUND,
         "t.yaml:2:3: unknown level 'nursing'"},
        {"staffing:\n  absence: {nurses: 0.1}\n", PLANOMSORG_ENOTFOUND,
         "t.yaml:2:13: unknown competence group 'nurses'"},
        {"scenarios: [worst, medium]\n", PLANOMSORG_ENOTFOUND,
         "t.yaml:1:20: unknown scenario bundle 'medium'"},
        {"scenarios:\n  - bundle: good\n", PLANOMSORG_ENOTFOUND, "t.yaml:2:13: unknown scenario bundle 'good'"},
        {"scenarios:\n  - name: x\n    demography: medium\n", PLANOMSORG_ENOTFOUND,
         "t.yaml:3:17: unknown demography alternative 'medium'"},
        {"region: \"9999\"\n", PLANOMSORG_ENOTFOUND, "t.yaml:1:9: "},
        {"costs:\n  place_cost: {hotel: 1}\n", PLANOMSORG_ENOTFOUND, "t.yaml:2:16: unknown place type 'hotel'"},
        {"scenarios:\n  - name: x\n    family_care: {from: 2025, to: 2027, values: [1, 0.9]}\n",
         PLANOMSORG_EDIMENSION, "t.yaml:3:49: family_care: 2 values for the 3 years 2025..2027"},
        {"scenarios:\n  - name: x\n    dreining: {from: 2025, values: []}\n", PLANOMSORG_EDIMENSION,
         "t.yaml:3:36: dreining: 'values' is empty"},
        {"scenarios:\n  - name: x\n    dreining: {to: 2030, values: [1]}\n", PLANOMSORG_EMISSING,
         "t.yaml:3:15: dreining: a path needs 'from'"},
        {"scenarios:\n  - name: x\n    dreining: {from: 2025, start: 1}\n", PLANOMSORG_EMISSING,
         "t.yaml:3:15: dreining: a path needs 'values', or 'to'"},
        {"scenarios:\n  - demography: low\n", PLANOMSORG_EMISSING, "t.yaml:2:5: a scenario needs a 'name' or a 'bundle'"},
        {"scenarios: [best, best]\n", PLANOMSORG_EDUPLICATE, "t.yaml:1:19: "},
        {"region: \"0000\"\nregion: \"5001\"\n", PLANOMSORG_EDUPLICATE, "t.yaml:2:1: key 'region' appears twice"},
        {"scenarios:\n  - name: \"a b\"\n", PLANOMSORG_EVALUE, "t.yaml:2:11: bad scenario name 'a b'"},
        {"capacity:\n  long_term: 100\n", PLANOMSORG_EFORMAT, "t.yaml:2:14: capacity of long_term must be a path"},
        {"version: 2\n", PLANOMSORG_EVALUE, "t.yaml:1:10: version = 2"},
        {"region: [\n", PLANOMSORG_EFORMAT, "t.yaml:2:1: not valid YAML"},
        {"- 1\n- 2\n", PLANOMSORG_EFORMAT, "t.yaml:1:1: a plan file must be a mapping"},
        {"", PLANOMSORG_EEMPTY, "t.yaml:1:1: the plan file is empty"},
        {"population:\n  source: census\n", PLANOMSORG_EVALUE, "t.yaml:2:11: population source 'census'"},
        {"coverage_targets:\n  long_term: {from: 2030, values: [0.14], ages: old}\n",
         PLANOMSORG_EVALUE, "t.yaml:2:49: ages 'old' is not an age band"},
        {"coverage_targets:\n  long_term: {from: 2030, values: [14]}\n", PLANOMSORG_EVALUE,
         "t.yaml:2:36: coverage target of long_term in 2030 = 14 is outside [0, 1]"},
        {"capacity:\n  long_term: {from: 2030, values: [14], ages: 80+}\n", PLANOMSORG_EFORMAT,
         "t.yaml:2:41: unknown key 'ages' in capacity of long_term"},
        {"rates:\n  kostra_year: 2019\n", PLANOMSORG_ENOTFOUND, "t.yaml:2:16: "},
        /* fuzz: a file that never ends (read until memory ran out before csvread stopped
         * at the first NUL byte) */
        {"population:\n  file: /dev/zero\n", PLANOMSORG_EENCODING,
         "t.yaml:2:9: /dev/zero:1: NUL byte"},
        {"population:\n  align: {file: /dev/zero}\n", PLANOMSORG_EENCODING,
         "t.yaml:2:17: /dev/zero:1: NUL byte"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        planomsorg_plan *p = NULL;
        int rc = parse(&p, cases[i].text);
        if (rc != cases[i].code || !strstr(planomsorg_error_last(), cases[i].fragment))
            fail_msg("case %zu: status %d (want %d), message '%s' (want '%s')", i, rc,
                     cases[i].code, planomsorg_error_last(), cases[i].fragment);
        assert_null(p);
    }
}

int main(void)
{
    const struct CMUnitTest norway[] = {
        cmocka_unit_test(test_identities),
        cmocka_unit_test(test_band_order),
        cmocka_unit_test(test_present_value),
        cmocka_unit_test(test_csv),
    };
    const struct CMUnitTest others[] = {
        cmocka_unit_test(test_constant_standard_by_hand),
        cmocka_unit_test(test_family_care_and_capacity),
        cmocka_unit_test(test_coverage_target_plan),
        cmocka_unit_test(test_bad_use),
        cmocka_unit_test(test_kostra_fallback),
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_markov_plan),
        cmocka_unit_test(test_yaml_good),
        cmocka_unit_test(test_yaml_population_file),
        cmocka_unit_test(test_yaml_errors),
    };
    int failed = cmocka_run_group_tests_name("plan_norway", norway, setup_norway,
                                             teardown_norway);
    return failed + cmocka_run_group_tests_name("plan", others, NULL, NULL);
}
