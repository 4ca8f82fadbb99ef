/* Costs: operating costs and investment against hand computations written out below,
 * present values against the closed-form annuity, defaults against their sources
 * (DESIGN.md, Husbanken), and bad input. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"

#define FIRST 2025
#define T 5
#define K 2

static const double USERS[T * K] = {10, 20, 11, 21, 12, 22, 13, 23, 14, 24};
static const double FTE[T] = {30, 31, 32, 33, 34};
static const double CAPACITY[T] = {10, 10, 15, 12, 20}; /* nursing-home places */

static planomsorg_costs *prices(void)
{
    planomsorg_costs *c = NULL;
    assert_int_equal(planomsorg_costs_new(&c, K, FIRST, T), PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_cost_per_user(c, 0, 100000), PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_cost_per_user(c, 1, 250000), PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_cost_per_fte(c, 800000), PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_place_cost(c, PLANOMSORG_PLACE_NURSING_HOME, 3e6),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_grant(c, PLANOMSORG_PLACE_NURSING_HOME, 0.5, 2.5e6),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_capacity(c, PLANOMSORG_PLACE_NURSING_HOME, 8,
                                                   CAPACITY, T), PLANOMSORG_OK);
    return c;
}

static double get(const planomsorg_costs_result *r, int measure, int year, int index)
{
    double v = NAN;
    assert_int_equal(planomsorg_costs_result_get(&v, r, measure, year, index), PLANOMSORG_OK);
    return v;
}

static void test_defaults(void **state)
{
    (void)state;
    planomsorg_costs *c = NULL;
    assert_int_equal(planomsorg_costs_new(&c, 8, 2024, 10), PLANOMSORG_OK);
    double v, share, ceiling;
    assert_int_equal(planomsorg_costs_cost_per_fte(&v, c), PLANOMSORG_OK);
    assert_rel(v, 750000, 0); /* DESIGN.md: a municipal plan prices an FTE at 0.75 million */
    assert_int_equal(planomsorg_costs_place(NULL, &share, &ceiling, c,
                                            PLANOMSORG_PLACE_NURSING_HOME), PLANOMSORG_OK);
    assert_rel(share, 0.50, 0); /* Husbanken since 2014 */
    assert_int_equal(planomsorg_costs_place(NULL, &share, NULL, c, PLANOMSORG_PLACE_HOUSING),
                     PLANOMSORG_OK);
    assert_rel(share, 0.40, 0);
    assert_int_equal(planomsorg_costs_cost_per_user(&v, c, 7), PLANOMSORG_OK);
    assert_rel(v, 0, 0);
    assert_int_equal(planomsorg_costs_n_levels(c), 8);
    assert_int_equal(planomsorg_costs_first_year(c), 2024);
    assert_int_equal(planomsorg_costs_n_years(c), 10);
    assert_string_equal(planomsorg_place_type_name(PLANOMSORG_PLACE_HOUSING), "housing");
    assert_null(planomsorg_place_type_name(2));
    assert_string_equal(planomsorg_cost_measure_name(PLANOMSORG_COST_INVESTMENT_NET),
                        "investment_net");
    assert_null(planomsorg_cost_measure_name(-1));
    double fte_cost, place, gnh, gh;
    int all;
    planomsorg_costs_defaults(&fte_cost, &place, &gnh, &gh, &all);
    assert_rel(fte_cost, PLANOMSORG_DEFAULT_COST_PER_FTE, 0);
    assert_rel(place, 2222000, 0); /* Husbanken 2011 maximum approved cost */
    assert_rel(gnh, 0.5, 0);
    assert_rel(gh, 0.4, 0);
    assert_int_equal(all, PLANOMSORG_COST_ALL);
    planomsorg_costs_defaults(NULL, NULL, NULL, NULL, NULL);
    planomsorg_costs_free(c);
}

static void test_operating_and_investment(void **state)
{
    (void)state;
    planomsorg_costs *c = prices();
    planomsorg_costs_result *r = NULL;
    assert_int_equal(planomsorg_costs_compute(&r, c, USERS, T * K, FTE, T), PLANOMSORG_OK);
    /* New places from 8 before the start: 2, 0, 5, 0 (a fall is no investment), 8. */
    const double added[T] = {2, 0, 5, 0, 8};
    for (int t = 0; t < T; t++) {
        double users_part = USERS[t * K] * 100000 + USERS[t * K + 1] * 250000;
        double fte_part = FTE[t] * 800000;
        assert_rel(get(r, PLANOMSORG_COST_OPERATING_USERS, FIRST + t, 1),
                   USERS[t * K + 1] * 250000, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_OPERATING_USERS, FIRST + t, PLANOMSORG_COST_ALL),
                   users_part, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_OPERATING_FTE, FIRST + t, PLANOMSORG_COST_ALL),
                   fte_part, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_OPERATING, FIRST + t, PLANOMSORG_COST_ALL),
                   users_part + fte_part, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_NEW_PLACES, FIRST + t, PLANOMSORG_PLACE_NURSING_HOME),
                   added[t], 0);
        assert_rel(get(r, PLANOMSORG_COST_NEW_PLACES, FIRST + t, PLANOMSORG_PLACE_HOUSING), 0, 0);
        /* Grant: 50 % of the approved cost, capped at 2.5 million: 1.25 million per place. */
        assert_rel(get(r, PLANOMSORG_COST_INVESTMENT, FIRST + t, PLANOMSORG_COST_ALL),
                   added[t] * 3e6, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_GRANT, FIRST + t, PLANOMSORG_COST_ALL),
                   added[t] * 1.25e6, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_INVESTMENT_NET, FIRST + t,
                       PLANOMSORG_PLACE_NURSING_HOME), added[t] * 1.75e6, 1e-15);
        assert_rel(get(r, PLANOMSORG_COST_TOTAL, FIRST + t, PLANOMSORG_COST_ALL),
                   users_part + fte_part + added[t] * 1.75e6, 1e-15);
    }
    double series[T];
    assert_int_equal(planomsorg_costs_result_export(r, PLANOMSORG_COST_GRANT, series, T),
                     PLANOMSORG_OK);
    assert_rel(series[4], 8 * 1.25e6, 1e-15);
    planomsorg_costs_result_free(r);

    /* Below the ceiling the grant is the share of the full cost; housing at 40 %. */
    double cap_h[T] = {1, 2, 3, 4, 5};
    assert_int_equal(planomsorg_costs_set_place_cost(c, PLANOMSORG_PLACE_HOUSING, 2e6),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_grant(c, PLANOMSORG_PLACE_HOUSING, 0.4, INFINITY),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_capacity(c, PLANOMSORG_PLACE_HOUSING, 0, cap_h, T),
                     PLANOMSORG_OK);
    /* Without users or FTEs only investment remains. */
    assert_int_equal(planomsorg_costs_compute(&r, c, NULL, 0, NULL, 0), PLANOMSORG_OK);
    assert_rel(get(r, PLANOMSORG_COST_GRANT, FIRST + 2, PLANOMSORG_PLACE_HOUSING), 0.8e6, 1e-15);
    assert_rel(get(r, PLANOMSORG_COST_OPERATING, FIRST + 2, PLANOMSORG_COST_ALL), 0, 0);
    assert_rel(get(r, PLANOMSORG_COST_TOTAL, FIRST + 2, PLANOMSORG_COST_ALL),
               5 * 1.75e6 + 1.2e6, 1e-15);
    planomsorg_costs_result_free(r);

    /* A copy is independent. */
    planomsorg_costs *copy = NULL;
    assert_int_equal(planomsorg_costs_copy(&copy, c), PLANOMSORG_OK);
    assert_int_equal(planomsorg_costs_set_cost_per_user(copy, 0, 1), PLANOMSORG_OK);
    double v;
    assert_int_equal(planomsorg_costs_cost_per_user(&v, c, 0), PLANOMSORG_OK);
    assert_rel(v, 100000, 0);
    assert_int_equal(planomsorg_costs_compute(&r, copy, USERS, T * K, FTE, T), PLANOMSORG_OK);
    assert_rel(get(r, PLANOMSORG_COST_INVESTMENT, FIRST + 4, PLANOMSORG_COST_ALL),
               8 * 3e6 + 2e6, 1e-15);
    planomsorg_costs_result_free(r);
    planomsorg_costs_free(copy);
    planomsorg_costs_free(c);
}

/* A constant flow of 1 over n years: discounted to the first year it is an annuity due,
 * (1 - v^n) / (1 - v) with v = 1 / (1 + r); to the year before it is the ordinary
 * annuity (1 - v^n) / r. */
static void test_present_value_annuity(void **state)
{
    (void)state;
    enum { N = 30 };
    double ones[N];
    for (int i = 0; i < N; i++)
        ones[i] = 1.0;
    const double rates[] = {0.04, 0.025, 0.10, -0.01};
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        double r = rates[i], v = 1.0 / (1.0 + r), pv;
        assert_int_equal(planomsorg_present_value(&pv, ones, N, 2024, r, 2024), PLANOMSORG_OK);
        assert_rel(pv, (1 - pow(v, N)) / (1 - v), 1e-13);
        assert_int_equal(planomsorg_present_value(&pv, ones, N, 2024, r, 2023), PLANOMSORG_OK);
        assert_rel(pv, (1 - pow(v, N)) / r, 1e-13);
    }
    double pv;
    assert_int_equal(planomsorg_present_value(&pv, ones, N, 2024, 0.0, 2030), PLANOMSORG_OK);
    assert_rel(pv, N, 0);
    /* A single flow in 2030 discounted to 2024 at 4 %: 1.04^-6; to 2032: compounded 1.04^2. */
    double one = 1000;
    assert_int_equal(planomsorg_present_value(&pv, &one, 1, 2030, 0.04, 2024), PLANOMSORG_OK);
    assert_rel(pv, 1000 / pow(1.04, 6), 1e-15);
    assert_int_equal(planomsorg_present_value(&pv, &one, 1, 2030, 0.04, 2032), PLANOMSORG_OK);
    assert_rel(pv, 1000 * 1.04 * 1.04, 1e-15);
}

static void test_result_pv(void **state)
{
    (void)state;
    planomsorg_costs *c = prices();
    planomsorg_costs_result *r = NULL;
    assert_int_equal(planomsorg_costs_compute(&r, c, USERS, T * K, FTE, T), PLANOMSORG_OK);
    double by_hand = 0, pv;
    for (int t = 0; t < T; t++)
        by_hand += get(r, PLANOMSORG_COST_TOTAL, FIRST + t, PLANOMSORG_COST_ALL) /
                   pow(1.04, t);
    assert_int_equal(planomsorg_costs_result_pv(&pv, r, PLANOMSORG_COST_TOTAL, 0.04, FIRST),
                     PLANOMSORG_OK);
    assert_rel(pv, by_hand, 1e-14);
    planomsorg_costs_result_free(r);
    planomsorg_costs_free(c);
}

static void test_bad_input(void **state)
{
    (void)state;
    planomsorg_costs *c = NULL;
    assert_error(planomsorg_costs_new(&c, 0, FIRST, T), PLANOMSORG_ERANGE, "n_levels");
    assert_error(planomsorg_costs_new(&c, K, 2400, T), PLANOMSORG_ERANGE, "first_year");
    assert_error(planomsorg_costs_new(&c, K, FIRST, 0), PLANOMSORG_ERANGE, "n_years");
    assert_error(planomsorg_costs_new(NULL, K, FIRST, T), PLANOMSORG_EINVAL, "out");
    assert_null(c);
    planomsorg_costs_free(NULL);
    planomsorg_costs_result_free(NULL);
    c = prices();
    assert_error(planomsorg_costs_set_cost_per_user(c, 2, 1), PLANOMSORG_ERANGE, "level 2");
    assert_error(planomsorg_costs_set_cost_per_user(c, 0, -1), PLANOMSORG_EVALUE,
                 "cost per user-year");
    assert_error(planomsorg_costs_set_cost_per_user(c, 0, NAN), PLANOMSORG_EVALUE, "nan");
    assert_error(planomsorg_costs_set_cost_per_fte(c, INFINITY), PLANOMSORG_EVALUE,
                 "cost per FTE");
    assert_error(planomsorg_costs_set_place_cost(c, 2, 1), PLANOMSORG_ERANGE, "place type 2");
    assert_error(planomsorg_costs_set_place_cost(c, 0, -5), PLANOMSORG_EVALUE, "cost per place");
    assert_error(planomsorg_costs_set_grant(c, 0, 1.5, 1e6), PLANOMSORG_EVALUE, "grant share");
    assert_error(planomsorg_costs_set_grant(c, 0, NAN, 1e6), PLANOMSORG_EVALUE, "grant share");
    assert_error(planomsorg_costs_set_grant(c, 0, 0.5, 0), PLANOMSORG_EVALUE, "ceiling");
    assert_error(planomsorg_costs_set_grant(c, 0, 0.5, NAN), PLANOMSORG_EVALUE, "ceiling");
    assert_error(planomsorg_costs_set_grant(c, -1, 0.5, 1), PLANOMSORG_ERANGE, "place type -1");
    double cap[T] = {1, 2, NAN, 4, 5};
    assert_error(planomsorg_costs_set_capacity(c, 0, 0, cap, T), PLANOMSORG_EVALUE,
                 "capacity[2]");
    assert_error(planomsorg_costs_set_capacity(c, 0, 0, cap, T - 1), PLANOMSORG_EDIMENSION,
                 "4 values, 5 expected");
    assert_error(planomsorg_costs_set_capacity(c, 0, -1, CAPACITY, T), PLANOMSORG_EVALUE,
                 "initial places");
    assert_error(planomsorg_costs_set_capacity(c, 3, 0, CAPACITY, T), PLANOMSORG_ERANGE,
                 "place type 3");
    double v;
    assert_error(planomsorg_costs_cost_per_user(&v, c, -1), PLANOMSORG_ERANGE, "level -1");
    assert_error(planomsorg_costs_place(&v, NULL, NULL, c, 5), PLANOMSORG_ERANGE, "place type 5");

    planomsorg_costs_result *r = NULL;
    double users[T * K];
    memcpy(users, USERS, sizeof users);
    assert_error(planomsorg_costs_compute(&r, c, users, T * K - 1, FTE, T),
                 PLANOMSORG_EDIMENSION, "users [year][level]");
    assert_error(planomsorg_costs_compute(&r, c, users, T * K, FTE, T + 1),
                 PLANOMSORG_EDIMENSION, "fte [year]");
    assert_error(planomsorg_costs_compute(&r, c, NULL, 3, FTE, T), PLANOMSORG_EINVAL,
                 "users is NULL");
    users[3] = -2;
    assert_error(planomsorg_costs_compute(&r, c, users, T * K, FTE, T), PLANOMSORG_EVALUE,
                 "users[3] = -2");
    assert_null(r);

    assert_int_equal(planomsorg_costs_compute(&r, c, USERS, T * K, FTE, T), PLANOMSORG_OK);
    assert_error(planomsorg_costs_result_get(&v, r, 8, FIRST, -1), PLANOMSORG_EINVAL,
                 "measure code 8");
    assert_error(planomsorg_costs_result_get(&v, r, PLANOMSORG_COST_TOTAL, FIRST + T, -1),
                 PLANOMSORG_ERANGE, "year 2030");
    assert_error(planomsorg_costs_result_get(&v, r, PLANOMSORG_COST_TOTAL, FIRST, 0),
                 PLANOMSORG_EINVAL, "no breakdown");
    assert_error(planomsorg_costs_result_get(&v, r, PLANOMSORG_COST_OPERATING_USERS, FIRST, K),
                 PLANOMSORG_ERANGE, "level 2");
    assert_error(planomsorg_costs_result_get(&v, r, PLANOMSORG_COST_GRANT, FIRST, 2),
                 PLANOMSORG_ERANGE, "place type 2");
    double out[T];
    assert_error(planomsorg_costs_result_export(r, PLANOMSORG_COST_TOTAL, out, 2),
                 PLANOMSORG_EDIMENSION, "2 values, 5 expected");
    assert_error(planomsorg_costs_result_pv(&v, r, PLANOMSORG_COST_TOTAL, -1, FIRST),
                 PLANOMSORG_EVALUE, "discount rate");
    assert_error(planomsorg_costs_result_pv(&v, r, PLANOMSORG_COST_TOTAL, 0.04, 1000),
                 PLANOMSORG_ERANGE, "base_year");
    assert_error(planomsorg_costs_result_pv(&v, r, -3, 0.04, FIRST), PLANOMSORG_EINVAL,
                 "measure code -3");
    planomsorg_costs_result_free(r);

    double vals[2] = {1, NAN};
    assert_error(planomsorg_present_value(&v, vals, 2, FIRST, 0.04, FIRST), PLANOMSORG_EVALUE,
                 "values[1]");
    assert_error(planomsorg_present_value(&v, vals, 0, FIRST, 0.04, FIRST), PLANOMSORG_EINVAL,
                 "at least 1");
    assert_error(planomsorg_present_value(&v, vals, 1, FIRST, NAN, FIRST), PLANOMSORG_EVALUE,
                 "discount rate");
    assert_error(planomsorg_present_value(&v, vals, 1, 1000, 0.04, FIRST), PLANOMSORG_ERANGE,
                 "first_year");
    assert_error(planomsorg_present_value(NULL, vals, 1, FIRST, 0.04, FIRST), PLANOMSORG_EINVAL,
                 "value");
    planomsorg_costs_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_operating_and_investment),
        cmocka_unit_test(test_present_value_annuity),
        cmocka_unit_test(test_result_pv),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
