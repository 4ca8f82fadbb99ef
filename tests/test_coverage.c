/* Coverage: rates, required places, paths, first year below, places to add, direct
 * standardisation. Expected values come from closed forms of a synthetic population,
 * hand computations written out below, identities, and SSB's published national figures. */
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
#define N_YEARS 10

/* Persons = 100 + age + 10 * sex, plus 50 * (year - 2024) at ages 80+ (the old grow). */
static double cell(int year, int sex, int age)
{
    return 100.0 + age + 10.0 * sex + (age >= 80 ? 50.0 * (year - FIRST) : 0.0);
}

static planomsorg_population *synthetic(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, FIRST, N_YEARS, 105), PLANOMSORG_OK);
    for (int y = FIRST; y < FIRST + N_YEARS; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++)
                assert_int_equal(planomsorg_population_set(pop, y, s, a, cell(y, s, a)),
                                 PLANOMSORG_OK);
    return pop;
}

/* By hand: 80+ has 26 ages; both sexes give 2*26*100 + 2*(80+105)*26/2 + 26*10 + 2*26*50*t
 * = 5200 + 4810 + 260 + 2600 t. */
static double p80(int year)
{
    return 10270.0 + 2600.0 * (year - FIRST);
}

/* By hand: 67-79 has 13 ages: 2*13*100 + (67+79)*13 + 13*10 = 2600 + 1898 + 130. */
static const double P67_79 = 4628.0;

static void test_rate(void **state)
{
    (void)state;
    planomsorg_population *pop = synthetic();
    double r;
    assert_int_equal(planomsorg_coverage_rate(&r, 1000, pop, 2026, 80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    assert_float_equal(r, 1000.0 / 15470.0, 1e-15);
    assert_float_equal(p80(2026), 15470.0, 0);
    assert_int_equal(planomsorg_coverage_rate(&r, 463, pop, 2030, 67, 79), PLANOMSORG_OK);
    assert_float_equal(r, 463.0 / P67_79, 1e-15);
    assert_int_equal(planomsorg_coverage_rate(&r, 0, pop, 2024, 80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    assert_true(r == 0);
    planomsorg_population_free(pop);
}

static void test_required_and_identity(void **state)
{
    (void)state;
    planomsorg_population *pop = synthetic();
    double places;
    assert_int_equal(planomsorg_coverage_required(&places, 0.14, pop, 2030, 80,
                                                  PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
    assert_float_equal(places, 0.14 * p80(2030), 1e-9);
    static const double targets[] = {0, 0.05, 0.14, 0.27, 0.5, 1};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        for (int y = FIRST; y < FIRST + N_YEARS; y++) {
            double back;
            assert_int_equal(planomsorg_coverage_required(&places, targets[i], pop, y, 80,
                                                          PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
            assert_int_equal(planomsorg_coverage_rate(&back, places, pop, y, 80,
                                                      PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
            assert_float_equal(back, targets[i], 1e-15);
        }
    planomsorg_population_free(pop);
}

static void test_path(void **state)
{
    (void)state;
    planomsorg_population *pop = synthetic();
    double capacity[N_YEARS], path[N_YEARS];
    for (int t = 0; t < N_YEARS; t++)
        capacity[t] = 1500 + 100 * t;
    assert_int_equal(planomsorg_coverage_path(path, capacity, N_YEARS, pop, FIRST, 80,
                                              PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
    for (int t = 0; t < N_YEARS; t++)
        assert_float_equal(path[t], (1500.0 + 100 * t) / (10270.0 + 2600.0 * t), 1e-15);
    /* A sub-range of years. */
    assert_int_equal(planomsorg_coverage_path(path, capacity, 3, pop, 2030, 67, 79),
                     PLANOMSORG_OK);
    for (int t = 0; t < 3; t++)
        assert_float_equal(path[t], capacity[t] / P67_79, 1e-15);
    planomsorg_population_free(pop);
}

static void test_first_below(void **state)
{
    (void)state;
    int year = -1;
    const double hand[] = {0.20, 0.15, 0.14, 0.13, 0.12};
    /* 0.14 is not below 0.14: the first year below is 2027. */
    assert_int_equal(planomsorg_coverage_first_below(&year, hand, 5, 2024, 0.14), PLANOMSORG_OK);
    assert_int_equal(year, 2027);
    assert_int_equal(planomsorg_coverage_first_below(&year, hand, 5, 2024, 0.25), PLANOMSORG_OK);
    assert_int_equal(year, 2024);
    assert_int_equal(planomsorg_coverage_first_below(&year, hand, 5, 2024, 0.12), PLANOMSORG_OK);
    assert_int_equal(year, PLANOMSORG_NO_YEAR);

    /* Fixed capacity 1500 against a target of 12 %: below when p80 > 12500, i.e. when
     * 10270 + 2600 t > 12500, t > 0.86, so from t = 1 (2025). */
    planomsorg_population *pop = synthetic();
    double capacity[N_YEARS], path[N_YEARS];
    for (int t = 0; t < N_YEARS; t++)
        capacity[t] = 1500;
    assert_int_equal(planomsorg_coverage_path(path, capacity, N_YEARS, pop, FIRST, 80,
                                              PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
    assert_int_equal(planomsorg_coverage_first_below(&year, path, N_YEARS, FIRST, 0.12),
                     PLANOMSORG_OK);
    assert_int_equal(year, 2025);
    planomsorg_population_free(pop);
}

static void test_places_to_add(void **state)
{
    (void)state;
    /* 80+ of 1000, 1200, 900, 1500, 1100 persons (all women aged 90); target 10 %, 50 places:
     * R = 100, 120, 90, 150, 110; capacity 100, 120, 120, 150, 150; added 50, 20, 0, 30, 0. */
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 5, 105), PLANOMSORG_OK);
    const double old[] = {1000, 1200, 900, 1500, 1100};
    for (int t = 0; t < 5; t++)
        assert_int_equal(planomsorg_population_set(pop, 2024 + t, PLANOMSORG_SEX_FEMALE, 90,
                                                   old[t]), PLANOMSORG_OK);
    double added[5];
    assert_int_equal(planomsorg_coverage_places_to_add(added, 50, 0.1, 5, pop, 2024, 80,
                                                       PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
    const double hand[] = {50, 20, 0, 30, 0};
    for (int t = 0; t < 5; t++)
        assert_float_equal(added[t], hand[t], 1e-12);
    /* Already enough places: nothing to add. */
    assert_int_equal(planomsorg_coverage_places_to_add(added, 500, 0.1, 5, pop, 2024, 80,
                                                       PLANOMSORG_AGE_OPEN), PLANOMSORG_OK);
    for (int t = 0; t < 5; t++)
        assert_true(added[t] == 0);
    planomsorg_population_free(pop);

    /* Identity on the synthetic population: sum = max(0, max_t R(t) - current), and the
     * capacity reached covers R(t) in every year. */
    pop = synthetic();
    const double currents[] = {0, 1000, 1500, 3000, 5000};
    for (size_t c = 0; c < sizeof currents / sizeof currents[0]; c++) {
        double add[N_YEARS];
        assert_int_equal(planomsorg_coverage_places_to_add(add, currents[c], 0.1, N_YEARS, pop,
                                                           FIRST, 80, PLANOMSORG_AGE_OPEN),
                         PLANOMSORG_OK);
        double sum = 0, max_r = 0, cap = currents[c];
        for (int t = 0; t < N_YEARS; t++) {
            assert_true(add[t] >= 0);
            sum += add[t];
            cap += add[t];
            double r = 0.1 * p80(FIRST + t);
            assert_true(cap >= r - 1e-9);
            max_r = fmax(max_r, r);
        }
        assert_float_equal(sum, fmax(0, max_r - currents[c]), 1e-9);
    }
    planomsorg_population_free(pop);
}

static void test_standardise_direct(void **state)
{
    (void)state;
    /* By hand: (0.01*100 + 0.05*50 + 0.2*25) / 175 = 8.5 / 175. */
    const double rates[] = {0.01, 0.05, 0.2}, weights[] = {100, 50, 25};
    double r;
    assert_int_equal(planomsorg_standardise_direct(&r, rates, weights, 3), PLANOMSORG_OK);
    assert_float_equal(r, 8.5 / 175.0, 1e-15);
    /* A zero weight drops its band. */
    const double w2[] = {0, 50, 0};
    assert_int_equal(planomsorg_standardise_direct(&r, rates, w2, 3), PLANOMSORG_OK);
    assert_float_equal(r, 0.05, 1e-15);
}

static void test_standardised(void **state)
{
    (void)state;
    planomsorg_population *std = synthetic();
    /* Hand example: standard 2024 bands 67-79 = 4628, 80+ = 10270; region rates 50/1000 and
     * 1500/8000. */
    const double users[] = {50, 1500}, popn[] = {1000, 8000};
    const int lo[] = {67, 80}, hi[] = {79, PLANOMSORG_AGE_OPEN};
    double r;
    assert_int_equal(planomsorg_coverage_standardised(&r, users, popn, lo, hi, 2, std, 2024),
                     PLANOMSORG_OK);
    assert_float_equal(r, (0.05 * 4628 + 0.1875 * 10270) / (4628 + 10270), 1e-15);

    /* Property: standardised to the region's own population, the rate is the crude rate. */
    const double own_pop[] = {P67_79, p80(2028)}, own_users[] = {300, 2100};
    assert_int_equal(planomsorg_coverage_standardised(&r, own_users, own_pop, lo, hi, 2, std,
                                                      2028), PLANOMSORG_OK);
    assert_float_equal(r, (300.0 + 2100.0) / (P67_79 + p80(2028)), 1e-15);
    planomsorg_population_free(std);
}

/* Real data: SSB's national 2024 figures give 20,629 long-term residents 80+ per 256,485
 * persons 80+ = 8.04 %, and 70,059 home-service users 80+ = 27.3 %. */
static void test_national_coverage_2024(void **state)
{
    (void)state;
    planomsorg_population *norway = NULL;
    assert_int_equal(planomsorg_data_population(&norway, NULL), PLANOMSORG_OK);
    double users, r;
    assert_int_equal(planomsorg_data_kostra(&users, NULL, 2024, PLANOMSORG_KOSTRA_LONGTERM_80P),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_coverage_rate(&r, users, norway, 2024, 80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    assert_float_equal(r, 0.0804, 0.0001); /* 0.01 percentage point */
    assert_int_equal(planomsorg_data_kostra(&users, NULL, 2024, PLANOMSORG_KOSTRA_HOME_USERS_80P),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_coverage_rate(&r, users, norway, 2024, 80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    assert_float_equal(r, 0.273, 0.0005); /* published to one decimal of a per cent */
    planomsorg_population_free(norway);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    planomsorg_population *pop = synthetic();
    planomsorg_population *zero = NULL;
    assert_int_equal(planomsorg_population_new(&zero, FIRST, 3, 105), PLANOMSORG_OK);
    double r = 42, cap[3] = {1, 2, 3}, out[3] = {-7, -7, -7};
    int year;

    /* rate */
    assert_error(planomsorg_coverage_rate(NULL, 1, pop, 2024, 80, -1), PLANOMSORG_EINVAL, "out");
    assert_error(planomsorg_coverage_rate(&r, 1, NULL, 2024, 80, -1), PLANOMSORG_EINVAL, "pop");
    assert_error(planomsorg_coverage_rate(&r, NAN, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "count nan");
    assert_error(planomsorg_coverage_rate(&r, -1, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "count -1");
    assert_error(planomsorg_coverage_rate(&r, INFINITY, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "count inf");
    assert_error(planomsorg_coverage_rate(&r, 1, pop, 2040, 80, -1), PLANOMSORG_ERANGE,
                 "year 2040");
    assert_error(planomsorg_coverage_rate(&r, 1, pop, 2024, 106, -1), PLANOMSORG_ERANGE,
                 "lowest age 106");
    assert_error(planomsorg_coverage_rate(&r, 1, pop, 2024, 80, 70), PLANOMSORG_ERANGE,
                 "highest age 70");
    assert_error(planomsorg_coverage_rate(&r, 1, zero, 2024, 80, -1), PLANOMSORG_ENUMERIC,
                 "aged 80+ in 2024 is zero");
    assert_error(planomsorg_coverage_rate(&r, 1, zero, 2025, 67, 79), PLANOMSORG_ENUMERIC,
                 "aged 67-79 in 2025 is zero");
    assert_true(r == 42);

    /* required */
    assert_error(planomsorg_coverage_required(NULL, 0.1, pop, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "out");
    assert_error(planomsorg_coverage_required(&r, 0.1, NULL, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "pop");
    assert_error(planomsorg_coverage_required(&r, 1.5, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "target rate 1.5");
    assert_error(planomsorg_coverage_required(&r, -0.1, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "target rate -0.1");
    assert_error(planomsorg_coverage_required(&r, NAN, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "target rate nan");
    assert_error(planomsorg_coverage_required(&r, 0.1, pop, 2023, 80, -1), PLANOMSORG_ERANGE,
                 "year 2023");
    assert_error(planomsorg_coverage_required(&r, 0.1, pop, 2024, -1, -1), PLANOMSORG_ERANGE,
                 "lowest age -1");
    assert_true(r == 42);

    /* path: nothing written on failure */
    assert_error(planomsorg_coverage_path(NULL, cap, 3, pop, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "out");
    assert_error(planomsorg_coverage_path(out, NULL, 3, pop, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "capacity");
    assert_error(planomsorg_coverage_path(out, cap, 3, NULL, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "pop");
    assert_error(planomsorg_coverage_path(out, cap, 0, pop, 2024, 80, -1), PLANOMSORG_EINVAL,
                 "at least 1");
    assert_error(planomsorg_coverage_path(out, cap, 3, pop, 2032, 80, -1), PLANOMSORG_ERANGE,
                 "year 2034");
    assert_error(planomsorg_coverage_path(out, cap, 3, pop, 2020, 80, -1), PLANOMSORG_ERANGE,
                 "year 2020");
    cap[2] = -5;
    assert_error(planomsorg_coverage_path(out, cap, 3, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "capacity[2] = -5");
    cap[2] = NAN;
    assert_error(planomsorg_coverage_path(out, cap, 3, pop, 2024, 80, -1), PLANOMSORG_EVALUE,
                 "capacity[2] = nan");
    cap[2] = 3;
    assert_error(planomsorg_coverage_path(out, cap, 3, zero, 2024, 80, -1), PLANOMSORG_ENUMERIC,
                 "is zero");
    for (int t = 0; t < 3; t++)
        assert_true(out[t] == -7);

    /* first_below */
    const double path[] = {0.2, NAN, 0.1};
    assert_error(planomsorg_coverage_first_below(NULL, path, 3, 2024, 0.1), PLANOMSORG_EINVAL,
                 "year");
    assert_error(planomsorg_coverage_first_below(&year, NULL, 3, 2024, 0.1), PLANOMSORG_EINVAL,
                 "path");
    assert_error(planomsorg_coverage_first_below(&year, path, 0, 2024, 0.1), PLANOMSORG_EINVAL,
                 "at least 1");
    assert_error(planomsorg_coverage_first_below(&year, path, 3, 2024, 0.1), PLANOMSORG_EVALUE,
                 "path[1] (year 2025) is NaN");
    assert_error(planomsorg_coverage_first_below(&year, path, 1, 2024, NAN), PLANOMSORG_EVALUE,
                 "target rate is NaN");

    /* places_to_add */
    assert_error(planomsorg_coverage_places_to_add(NULL, 0, 0.1, 3, pop, 2024, 80, -1),
                 PLANOMSORG_EINVAL, "added");
    assert_error(planomsorg_coverage_places_to_add(out, 0, 0.1, 3, NULL, 2024, 80, -1),
                 PLANOMSORG_EINVAL, "pop");
    assert_error(planomsorg_coverage_places_to_add(out, -1, 0.1, 3, pop, 2024, 80, -1),
                 PLANOMSORG_EVALUE, "current_places[0] = -1");
    assert_error(planomsorg_coverage_places_to_add(out, NAN, 0.1, 3, pop, 2024, 80, -1),
                 PLANOMSORG_EVALUE, "current_places[0] = nan");
    assert_error(planomsorg_coverage_places_to_add(out, 0, 2, 3, pop, 2024, 80, -1),
                 PLANOMSORG_EVALUE, "target rate 2");
    assert_error(planomsorg_coverage_places_to_add(out, 0, 0.1, 0, pop, 2024, 80, -1),
                 PLANOMSORG_EINVAL, "at least 1");
    assert_error(planomsorg_coverage_places_to_add(out, 0, 0.1, 11, pop, 2024, 80, -1),
                 PLANOMSORG_ERANGE, "11 years requested");
    assert_error(planomsorg_coverage_places_to_add(out, 0, 0.1, 3, pop, 2024, 90, 85),
                 PLANOMSORG_ERANGE, "highest age 85");
    for (int t = 0; t < 3; t++)
        assert_true(out[t] == -7);

    /* standardise_direct */
    const double rates[] = {0.1, 0.2}, w[] = {1, 1}, wneg[] = {1, -1}, wzero[] = {0, 0};
    const double rinf[] = {0.1, INFINITY}, wnan[] = {NAN, 1};
    assert_error(planomsorg_standardise_direct(NULL, rates, w, 2), PLANOMSORG_EINVAL, "out");
    assert_error(planomsorg_standardise_direct(&r, NULL, w, 2), PLANOMSORG_EINVAL, "rates");
    assert_error(planomsorg_standardise_direct(&r, rates, NULL, 2), PLANOMSORG_EINVAL, "weights");
    assert_error(planomsorg_standardise_direct(&r, rates, w, 0), PLANOMSORG_EINVAL, "at least 1");
    assert_error(planomsorg_standardise_direct(&r, rinf, w, 2), PLANOMSORG_EVALUE,
                 "rates[1] = inf");
    assert_error(planomsorg_standardise_direct(&r, rates, wneg, 2), PLANOMSORG_EVALUE,
                 "weights[1] = -1");
    assert_error(planomsorg_standardise_direct(&r, rates, wnan, 2), PLANOMSORG_EVALUE,
                 "weights[0] = nan");
    assert_error(planomsorg_standardise_direct(&r, rates, wzero, 2), PLANOMSORG_ENUMERIC,
                 "sum to zero");

    /* standardised */
    const double users[] = {1, 2}, popn[] = {10, 20}, pop0[] = {10, 0}, uneg[] = {-1, 2};
    const int lo[] = {67, 80}, hi[] = {79, -1}, bad_lo[] = {67, 110};
    assert_error(planomsorg_coverage_standardised(NULL, users, popn, lo, hi, 2, pop, 2024),
                 PLANOMSORG_EINVAL, "out");
    assert_error(planomsorg_coverage_standardised(&r, NULL, popn, lo, hi, 2, pop, 2024),
                 PLANOMSORG_EINVAL, "users");
    assert_error(planomsorg_coverage_standardised(&r, users, NULL, lo, hi, 2, pop, 2024),
                 PLANOMSORG_EINVAL, "population");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, NULL, hi, 2, pop, 2024),
                 PLANOMSORG_EINVAL, "age_lo");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, lo, NULL, 2, pop, 2024),
                 PLANOMSORG_EINVAL, "age_hi");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, lo, hi, 2, NULL, 2024),
                 PLANOMSORG_EINVAL, "standard");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, lo, hi, 0, pop, 2024),
                 PLANOMSORG_EINVAL, "at least 1");
    assert_error(planomsorg_coverage_standardised(&r, uneg, popn, lo, hi, 2, pop, 2024),
                 PLANOMSORG_EVALUE, "users[0] = -1");
    assert_error(planomsorg_coverage_standardised(&r, users, pop0, lo, hi, 2, pop, 2024),
                 PLANOMSORG_ENUMERIC, "population[1]");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, bad_lo, hi, 2, pop, 2024),
                 PLANOMSORG_ERANGE, "lowest age 110");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, lo, hi, 2, pop, 2050),
                 PLANOMSORG_ERANGE, "year 2050");
    assert_error(planomsorg_coverage_standardised(&r, users, popn, lo, hi, 2, zero, 2024),
                 PLANOMSORG_ENUMERIC, "planomsorg_coverage_standardised: the standard "
                 "population's bands in 2024 sum to zero");
    assert_true(r == 42);

    planomsorg_population_free(zero);
    planomsorg_population_free(pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate),
        cmocka_unit_test(test_required_and_identity),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_first_below),
        cmocka_unit_test(test_places_to_add),
        cmocka_unit_test(test_standardise_direct),
        cmocka_unit_test(test_standardised),
        cmocka_unit_test(test_national_coverage_2024),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
