/* Scenarios: lever values and paths (neutral before, last value after), ramps, growth
 * factors computed by hand, bundle values as documented in docs/methods/scenario.md,
 * capacity plans, copies and every bad input. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"


static double lever(const planomsorg_scenario *sc, int l, int year)
{
    double v = NAN;
    assert_int_equal(planomsorg_scenario_lever(&v, sc, l, year), PLANOMSORG_OK);
    return v;
}

static void test_new_is_neutral(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "mine"), PLANOMSORG_OK);
    assert_string_equal(planomsorg_scenario_name(sc), "mine");
    assert_int_equal(planomsorg_scenario_demography(sc), PLANOMSORG_ALTERNATIVE_MAIN);
    for (int l = 0; l < PLANOMSORG_N_LEVERS; l++) {
        assert_rel(lever(sc, l, 2030), planomsorg_lever_neutral(l), 0);
        assert_int_equal(planomsorg_scenario_lever_is_path(sc, l), 0);
        int found = -1;
        assert_int_equal(planomsorg_lever_find(&found, planomsorg_lever_name(l)), PLANOMSORG_OK);
        assert_int_equal(found, l);
    }
    assert_int_equal(planomsorg_scenario_n_capacities(sc), 0);
    planomsorg_scenario_free(sc);
    planomsorg_scenario_free(NULL);
}

static void test_path_rules(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "p"), PLANOMSORG_OK);
    const double v[3] = {0.95, 0.9, 0.85};
    assert_int_equal(planomsorg_scenario_set_path(sc, PLANOMSORG_LEVER_FAMILY_CARE, v, 2030, 3),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_lever_is_path(sc, PLANOMSORG_LEVER_FAMILY_CARE), 1);
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2029), 1.0, 0); /* neutral */
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2030), 0.95, 0);
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2032), 0.85, 0);
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2060), 0.85, 0); /* repeats */
    /* a value replaces the path */
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, 1.2),
                     PLANOMSORG_OK);
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2000), 1.2, 0);
    /* ramp 1 -> 0.8 over 2025..2029: steps of 0.05 by hand */
    assert_int_equal(planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_DREINING, 2025, 1.0, 2029,
                                                  0.8), PLANOMSORG_OK);
    const double want[5] = {1.0, 0.95, 0.9, 0.85, 0.8};
    for (int i = 0; i < 5; i++)
        assert_rel(lever(sc, PLANOMSORG_LEVER_DREINING, 2025 + i), want[i], 1e-15);
    assert_rel(lever(sc, PLANOMSORG_LEVER_DREINING, 2040), 0.8, 0);
    planomsorg_scenario_free(sc);
}

static void test_growth_factor(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "g"), PLANOMSORG_OK);
    const double g[2] = {0.01, 0.02};
    assert_int_equal(planomsorg_scenario_set_path(sc, PLANOMSORG_LEVER_STANDARD, g, 2026, 2),
                     PLANOMSORG_OK);
    double f = 0;
    /* by hand: 2026 1.01, 2027 1.02, 2028 repeats 1.02 */
    assert_int_equal(planomsorg_scenario_growth_factor(&f, sc, PLANOMSORG_LEVER_STANDARD, 2025,
                                                       2028), PLANOMSORG_OK);
    assert_rel(f, 1.01 * 1.02 * 1.02, 1e-14);
    assert_int_equal(planomsorg_scenario_growth_factor(&f, sc, PLANOMSORG_LEVER_STANDARD, 2025,
                                                       2025), PLANOMSORG_OK);
    assert_rel(f, 1.0, 0);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY, 0.01),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_growth_factor(&f, sc, PLANOMSORG_LEVER_PRODUCTIVITY,
                                                       2025, 2035), PLANOMSORG_OK);
    assert_rel(f, pow(1.01, 10), 1e-13);
    assert_error(planomsorg_scenario_growth_factor(&f, sc, PLANOMSORG_LEVER_HEALTH, 2025, 2030),
                 PLANOMSORG_EINVAL, "not a growth rate");
    planomsorg_scenario_free(sc);
}

/* The bundle values of docs/methods/scenario.md. */
static void test_bundles(void **state)
{
    (void)state;
    planomsorg_scenario *w = NULL, *m = NULL, *b = NULL;
    assert_int_equal(planomsorg_scenario_new_bundle(&w, PLANOMSORG_BUNDLE_WORST), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_new_bundle(&m, PLANOMSORG_BUNDLE_MIDDLE), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_new_bundle(&b, PLANOMSORG_BUNDLE_BEST), PLANOMSORG_OK);
    assert_string_equal(planomsorg_scenario_name(w), "worst");
    assert_string_equal(planomsorg_scenario_name(m), "middle");
    assert_string_equal(planomsorg_scenario_name(b), "best");
    assert_int_equal(planomsorg_scenario_demography(w), PLANOMSORG_ALTERNATIVE_HIGH);
    assert_int_equal(planomsorg_scenario_demography(m), PLANOMSORG_ALTERNATIVE_MAIN);
    assert_int_equal(planomsorg_scenario_demography(b), PLANOMSORG_ALTERNATIVE_LOW);
    assert_rel(lever(w, PLANOMSORG_LEVER_HEALTH, 2030), 0.0, 0);
    assert_rel(lever(m, PLANOMSORG_LEVER_HEALTH, 2030), 0.5, 0);
    assert_rel(lever(b, PLANOMSORG_LEVER_HEALTH, 2030), 1.0, 0);
    assert_rel(lever(w, PLANOMSORG_LEVER_FAMILY_CARE, 2040), 1.10, 1e-12);
    assert_rel(lever(b, PLANOMSORG_LEVER_FAMILY_CARE, 2040), 0.90, 1e-12);
    assert_rel(lever(w, PLANOMSORG_LEVER_STANDARD, 2030), 0.005, 0);
    assert_rel(lever(b, PLANOMSORG_LEVER_PRODUCTIVITY, 2030), 0.01, 0);
    assert_rel(lever(b, PLANOMSORG_LEVER_DREINING, 2035), 0.85, 1e-12);
    assert_rel(lever(w, PLANOMSORG_LEVER_RECRUITMENT, 2030), 0.9, 0);
    assert_rel(lever(b, PLANOMSORG_LEVER_RECRUITMENT, 2030), 1.1, 0);
    /* every lever is ordered worst >= middle >= best in its demand direction */
    for (int y = 2025; y <= 2050; y++) {
        assert_true(lever(w, PLANOMSORG_LEVER_FAMILY_CARE, y) >=
                    lever(m, PLANOMSORG_LEVER_FAMILY_CARE, y));
        assert_true(lever(m, PLANOMSORG_LEVER_FAMILY_CARE, y) >=
                    lever(b, PLANOMSORG_LEVER_FAMILY_CARE, y));
        assert_true(lever(w, PLANOMSORG_LEVER_HEALTH, y) <= lever(m, PLANOMSORG_LEVER_HEALTH, y));
        assert_true(lever(m, PLANOMSORG_LEVER_HEALTH, y) <= lever(b, PLANOMSORG_LEVER_HEALTH, y));
    }
    int code = -1;
    assert_int_equal(planomsorg_bundle_find(&code, "best"), PLANOMSORG_OK);
    assert_int_equal(code, PLANOMSORG_BUNDLE_BEST);
    assert_error(planomsorg_bundle_find(&code, "medium"), PLANOMSORG_ENOTFOUND, "medium");
    assert_null(planomsorg_bundle_name(PLANOMSORG_N_BUNDLES));
    planomsorg_scenario_free(w);
    planomsorg_scenario_free(m);
    planomsorg_scenario_free(b);
}

static void test_capacity_and_copy(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL, *copy = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "c"), PLANOMSORG_OK);
    const double places[3] = {100, 110, 120};
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "long_term", places, 2025, 3),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_copy(&copy, sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "long_term", NULL, 2025, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_n_capacities(sc), 0);
    assert_int_equal(planomsorg_scenario_n_capacities(copy), 1);
    const char *level = NULL;
    const double *p = NULL;
    int first = 0, n = 0;
    assert_int_equal(planomsorg_scenario_capacity(&level, &p, &first, &n, copy, 0), PLANOMSORG_OK);
    assert_string_equal(level, "long_term");
    assert_int_equal(first, 2025);
    assert_int_equal(n, 3);
    assert_rel(p[2], 120, 0);
    assert_error(planomsorg_scenario_capacity(&level, &p, &first, &n, copy, 1), PLANOMSORG_ERANGE,
                 "index 1");
    assert_int_equal(planomsorg_scenario_set_name(copy, "renamed"), PLANOMSORG_OK);
    assert_string_equal(planomsorg_scenario_name(copy), "renamed");
    assert_string_equal(planomsorg_scenario_name(sc), "c");
    planomsorg_scenario_free(sc);
    planomsorg_scenario_free(copy);
}

static void test_coverage_target(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new(&sc, "t"), PLANOMSORG_OK);
    const double places[1] = {100}, targets[2] = {0.15, 0.14};
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "long_term", places, 2025, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_coverage_target(sc, "long_term", targets, 2029, 2,
                                                             80, PLANOMSORG_AGE_OPEN),
                     PLANOMSORG_OK);
    /* the target replaced the places of the same level */
    assert_int_equal(planomsorg_scenario_n_capacities(sc), 1);
    int is_target = -1, lo = -1, hi = -2, first = 0, n = 0;
    const double *v = NULL;
    assert_int_equal(planomsorg_scenario_capacity_target(&is_target, &lo, &hi, sc, 0),
                     PLANOMSORG_OK);
    assert_int_equal(is_target, 1);
    assert_int_equal(lo, 80);
    assert_int_equal(hi, PLANOMSORG_AGE_OPEN);
    assert_int_equal(planomsorg_scenario_capacity(NULL, &v, &first, &n, sc, 0), PLANOMSORG_OK);
    assert_int_equal(first, 2029);
    assert_int_equal(n, 2);
    assert_rel(v[1], 0.14, 0);
    assert_int_equal(planomsorg_scenario_set_capacity(sc, "long_term", places, 2025, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_capacity_target(&is_target, NULL, NULL, sc, 0),
                     PLANOMSORG_OK);
    assert_int_equal(is_target, 0);
    const double bad[1] = {1.5};
    assert_error(planomsorg_scenario_set_coverage_target(sc, "long_term", bad, 2025, 1, 80,
                                                         PLANOMSORG_AGE_OPEN),
                 PLANOMSORG_EVALUE, "targets[0] = 1.5");
    assert_error(planomsorg_scenario_set_coverage_target(sc, "long_term", targets, 2025, 2, 80,
                                                         70), PLANOMSORG_ERANGE, "age_hi = 70");
    assert_error(planomsorg_scenario_capacity_target(&is_target, NULL, NULL, sc, 1),
                 PLANOMSORG_ERANGE, "capacity plan 1");
    planomsorg_scenario_free(sc);
}

static void test_bad_input(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    assert_error(planomsorg_scenario_new(&sc, ""), PLANOMSORG_EINVAL, "1..63 bytes");
    assert_error(planomsorg_scenario_new(&sc, "a b"), PLANOMSORG_EINVAL, "character ' '");
    assert_error(planomsorg_scenario_new(NULL, "x"), PLANOMSORG_EINVAL, "out");
    assert_error(planomsorg_scenario_new_bundle(&sc, 7), PLANOMSORG_EINVAL, "bundle code 7");
    assert_int_equal(planomsorg_scenario_new(&sc, "ok"), PLANOMSORG_OK);
    assert_error(planomsorg_scenario_set_value(sc, 99, 1), PLANOMSORG_EINVAL, "lever code 99");
    assert_error(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, 1.5),
                 PLANOMSORG_EVALUE, "health = 1.5");
    assert_error(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_STANDARD, NAN),
                 PLANOMSORG_EVALUE, "standard");
    const double v[2] = {1.0, -0.1};
    assert_error(planomsorg_scenario_set_path(sc, PLANOMSORG_LEVER_FAMILY_CARE, v, 2025, 2),
                 PLANOMSORG_EVALUE, "in 2026");
    /* on failure the lever is unchanged */
    assert_rel(lever(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2025), 1.0, 0);
    assert_error(planomsorg_scenario_set_path(sc, PLANOMSORG_LEVER_FAMILY_CARE, v, 2025, 0),
                 PLANOMSORG_ERANGE, "path of 0 years");
    assert_error(planomsorg_scenario_set_path(sc, PLANOMSORG_LEVER_FAMILY_CARE, v, 2300, 2),
                 PLANOMSORG_ERANGE, "2300..2301");
    assert_error(planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_DREINING, 2030, 1, 2025, 0.9),
                 PLANOMSORG_ERANGE, "before start year");
    assert_error(planomsorg_scenario_set_demography(sc, 3), PLANOMSORG_EINVAL, "alternative code 3");
    const double neg[1] = {-5};
    assert_error(planomsorg_scenario_set_capacity(sc, "long_term", neg, 2025, 1),
                 PLANOMSORG_EVALUE, "-5");
    assert_error(planomsorg_scenario_set_capacity(sc, "", neg, 2025, 1), PLANOMSORG_EINVAL,
                 "level name");
    double out = 0;
    assert_error(planomsorg_scenario_lever(&out, sc, PLANOMSORG_LEVER_HEALTH, 1000),
                 PLANOMSORG_ERANGE, "year 1000");
    double lo = 0, hi = 0;
    assert_error(planomsorg_lever_range(&lo, &hi, -1), PLANOMSORG_EINVAL, "lever code -1");
    int code = 0;
    assert_error(planomsorg_lever_find(&code, "healht"), PLANOMSORG_ENOTFOUND, "healht");
    assert_true(isnan(planomsorg_lever_neutral(PLANOMSORG_N_LEVERS)));
    assert_null(planomsorg_lever_name(-1));
    assert_int_equal(planomsorg_scenario_lever_is_path(NULL, 0), -1);
    planomsorg_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_is_neutral),
        cmocka_unit_test(test_path_rules),
        cmocka_unit_test(test_growth_factor),
        cmocka_unit_test(test_bundles),
        cmocka_unit_test(test_capacity_and_copy),
        cmocka_unit_test(test_coverage_target),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
