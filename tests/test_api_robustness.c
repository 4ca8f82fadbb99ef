/* Public handles with out-of-range indices, mismatched sizes and non-finite values: each
 * call must fail with a negative status and a message naming the argument or value, and
 * degenerate but valid input (an empty band, an all-absorbing chain) must give finite,
 * documented numbers. Calls with NULL pointers are in test_api_null_calls.c. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

static int failures;

/* rc must be a negative status and the message must contain fragment; a miss is printed
 * and counted, so that one run lists them all (each test ends with no_failures()). */
static void bad_at(int rc, const char *fragment, int line)
{
    const char *msg = planomsorg_error_last();
    if (rc >= 0) {
        print_error("line %d: expected a negative status, got %d\n", line, rc);
        failures++;
    } else if (msg[0] == '\0' || strstr(msg, fragment) == NULL) {
        print_error("line %d: message '%s' lacks '%s'\n", line, msg, fragment);
        failures++;
    }
    planomsorg_error_clear();
}
#define bad(rc, fragment) bad_at((rc), (fragment), __LINE__)

static void no_failures(void)
{
    int n = failures;
    failures = 0;
    assert_int_equal(n, 0);
}

static planomsorg_population *small_population(double persons)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 2, 100), PLANOMSORG_OK);
    for (int y = 2024; y <= 2025; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 100; a++)
                assert_int_equal(planomsorg_population_set(pop, y, s, a, persons), PLANOMSORG_OK);
    return pop;
}

static void test_population(void **state)
{
    (void)state;
    planomsorg_population *pop = small_population(1.0);
    double v;
    bad(planomsorg_population_new(&(planomsorg_population *){NULL}, 2024, 0, 100), "years 0");
    bad(planomsorg_population_new(&(planomsorg_population *){NULL}, 2024, 1, -1), "max age -1");
    bad(planomsorg_population_new(&(planomsorg_population *){NULL}, -5, 1, 100), "-5");
    bad(planomsorg_population_set(pop, 2023, 0, 0, 1), "2023");
    bad(planomsorg_population_set(pop, 2026, 0, 0, 1), "2026");
    bad(planomsorg_population_set(pop, 2024, 2, 0, 1), "2");
    bad(planomsorg_population_set(pop, 2024, -1, 0, 1), "-1");
    bad(planomsorg_population_set(pop, 2024, 0, 101, 1), "101");
    bad(planomsorg_population_set(pop, 2024, 0, -1, 1), "-1");
    bad(planomsorg_population_set(pop, 2024, 0, 0, NAN), "nan");
    bad(planomsorg_population_set(pop, 2024, 0, 0, INFINITY), "inf");
    bad(planomsorg_population_set(pop, 2024, 0, 0, -1), "-1");
    bad(planomsorg_population_get(pop, 2024, 3, 0, &v), "3");
    bad(planomsorg_population_sum(pop, 2024, 0, 80, 67, &v), "80");
    bad(planomsorg_population_band(pop, 2024, 0, -1, &v), "-1");
    bad(planomsorg_population_band(pop, 2024, 0, 99, &v), "99");
    bad(planomsorg_population_ratio(pop, 2024, 99, &v), "99");
    int lo, hi;
    bad(planomsorg_band_range(-1, &lo, &hi), "-1");
    double cells[2 * 2 * 101];
    bad(planomsorg_population_export(pop, cells, 3), "3");
    bad(planomsorg_population_import(pop, cells, 0), "0");
    for (size_t i = 0; i < 2 * 2 * 101; i++)
        cells[i] = i == 7 ? NAN : 1.0;
    bad(planomsorg_population_import(pop, cells, 2 * 2 * 101), "nan");
    /* the failed import changed nothing */
    assert_int_equal(planomsorg_population_get(pop, 2024, 0, 7, &v), PLANOMSORG_OK);
    assert_true(v == 1.0);
    planomsorg_population *slice = NULL;
    bad(planomsorg_population_slice(&slice, pop, 2025, 2), "2026");
    assert_null(slice);
    planomsorg_population_free(pop);
    no_failures();
}

static void test_staircase(void **state)
{
    (void)state;
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new_default(&sc), PLANOMSORG_OK);
    int K = planomsorg_staircase_n_levels(sc), level, kind;
    unsigned flags;
    assert_null(planomsorg_staircase_level_name(sc, -1));
    assert_null(planomsorg_staircase_level_name(sc, K));
    bad(planomsorg_staircase_level_kind(&kind, sc, K), "level");
    bad(planomsorg_staircase_level_flags(&flags, sc, -1), "-1");
    bad(planomsorg_staircase_find(&level, sc, "nursing"), "nursing");
    bad(planomsorg_staircase_find(&level, sc, ""), "");
    bad(planomsorg_staircase_add_level(sc, "none", 0, 0), "none");
    bad(planomsorg_staircase_add_level(sc, "x", 99, 0), "99");
    char longname[200];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    bad(planomsorg_staircase_add_level(sc, longname, 0, 0), "name");
    assert_int_equal(planomsorg_staircase_n_levels(sc), K);
    assert_null(planomsorg_level_kind_name(-1));
    planomsorg_staircase_free(sc);
    no_failures();
}

static void test_cohort(void **state)
{
    (void)state;
    const char *names[2] = {"alive", "dead"};
    planomsorg_cohort *m = NULL;
    bad(planomsorg_cohort_new(&m, 2, names, -1), "-1");
    assert_int_equal(planomsorg_cohort_new(&m, 2, names, 5), PLANOMSORG_OK);
    double nan_row[4] = {NAN, 0, 0, 1}, not_one[4] = {0.5, 0.2, 0, 1}, neg[4] = {1.5, -0.5, 0, 1};
    bad(planomsorg_cohort_set_matrix(m, 0, nan_row), "nan");
    bad(planomsorg_cohort_set_matrix(m, 0, not_one), "0.7");
    bad(planomsorg_cohort_set_matrix(m, 0, neg), "1.5");
    double ok[4] = {0.9, 0.1, 0, 1};
    bad(planomsorg_cohort_set_matrix(m, 6, ok), "6");
    bad(planomsorg_cohort_set_discount(m, NAN), "nan");
    bad(planomsorg_cohort_set_discount(m, -1), "-1");
    double share_bad[2] = {0.5, 0.2}, values_nan[2] = {NAN, 0};
    bad(planomsorg_cohort_set_initial(m, share_bad), "0.7");
    bad(planomsorg_cohort_set_values(m, 0, values_nan), "nan");
    assert_null(planomsorg_cohort_state_name(m, 2));
    /* all-absorbing: the cohort never moves, no life years accrue, all finite */
    double ident[4] = {1, 0, 0, 1}, share[2] = {1, 0};
    assert_int_equal(planomsorg_cohort_set_matrix(m, 0, ident), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_initial(m, share), PLANOMSORG_OK);
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    const double *trace = planomsorg_cohort_result_trace(r);
    for (int i = 0; i < 6 * 2; i++)
        assert_true(isfinite(trace[i]));
    assert_true(trace[5 * 2] == 1.0);
    double v;
    bad(planomsorg_cohort_result_cycle(&v, r, 0, 6), "6");
    bad(planomsorg_cohort_result_total(&v, r, 99), "99");
    int absorbing;
    bad(planomsorg_cohort_result_absorbing(&absorbing, r, 2), "2");
    planomsorg_cohort_result_free(r);
    /* finite values whose total overflows: an error, not an infinite total */
    double huge[2] = {1e308, 1e308};
    assert_int_equal(planomsorg_cohort_set_values(m, 0, huge), PLANOMSORG_OK);
    r = NULL;
    bad(planomsorg_cohort_run(&r, m), "value_total overflows in cycle 2");
    assert_null(r);
    planomsorg_cohort_free(m);
    no_failures();
}

static void test_costs(void **state)
{
    (void)state;
    planomsorg_costs *c = NULL;
    assert_int_equal(planomsorg_costs_new(&c, 8, 2025, 3), PLANOMSORG_OK);
    bad(planomsorg_costs_set_cost_per_user(c, 8, 1), "8");
    bad(planomsorg_costs_set_cost_per_user(c, 0, NAN), "nan");
    bad(planomsorg_costs_set_cost_per_user(c, 0, -1), "-1");
    bad(planomsorg_costs_set_cost_per_fte(c, INFINITY), "inf");
    bad(planomsorg_costs_set_place_cost(c, 2, 1), "2");
    bad(planomsorg_costs_set_grant(c, 0, 1.5, 1), "1.5");
    double cap[3] = {1, NAN, 3};
    bad(planomsorg_costs_set_capacity(c, 0, 0, cap, 3), "nan");
    double users[8 * 3] = {0}, fte[3] = {0};
    planomsorg_costs_result *r = NULL;
    bad(planomsorg_costs_compute(&r, c, users, 8 * 3 - 1, fte, 3), "23");
    bad(planomsorg_costs_compute(&r, c, users, 8 * 3, fte, 2), "2");
    assert_null(r);
    double pv, vals[3] = {1, 1, 1};
    bad(planomsorg_present_value(&pv, vals, 3, 2025, -1, 2025), "-1");
    bad(planomsorg_present_value(&pv, vals, 3, 2025, NAN, 2025), "nan");
    /* a zero discount rate is the plain sum */
    assert_int_equal(planomsorg_present_value(&pv, vals, 3, 2025, 0, 2025), PLANOMSORG_OK);
    assert_true(fabs(pv - 3.0) < 1e-12);
    planomsorg_costs_free(c);
    no_failures();
}

static void test_coverage_degenerate(void **state)
{
    (void)state;
    planomsorg_population *empty = small_population(0.0);
    double r;
    /* users over an empty band: an error, not a silent inf or NaN */
    bad(planomsorg_coverage_rate(&r, 10, empty, 2024, 80, -1), "aged 80+ in 2024 is zero");
    /* places for a target coverage of an empty band: none */
    assert_int_equal(planomsorg_coverage_required(&r, 0.1, empty, 2024, 80, -1), PLANOMSORG_OK);
    assert_true(r == 0.0 && !signbit(r));
    planomsorg_population_free(empty);
    planomsorg_population *pop = small_population(1.0);
    bad(planomsorg_coverage_rate(&r, NAN, pop, 2024, 80, -1), "nan");
    bad(planomsorg_coverage_rate(&r, -1, pop, 2024, 80, -1), "-1");
    bad(planomsorg_coverage_required(&r, INFINITY, pop, 2024, 80, -1), "inf");
    double w[2] = {0, 0}, rates[2] = {0.1, 0.2};
    bad(planomsorg_standardise_direct(&r, rates, w, 2), "weights sum to zero");
    planomsorg_population_free(pop);
    no_failures();
}

static void test_staffing(void **state)
{
    (void)state;
    planomsorg_staffing *st = NULL;
    assert_int_equal(planomsorg_staffing_new_default(&st, 2025, 3), PLANOMSORG_OK);
    int K = planomsorg_staffing_n_levels(st), G = planomsorg_staffing_n_groups(st);
    double v;
    bad(planomsorg_staffing_set_fte_per_user(st, K, 1), "level");
    bad(planomsorg_staffing_set_fte_per_user(st, 0, NAN), "nan");
    bad(planomsorg_staffing_fte_per_user(&v, st, -1), "-1");
    bad(planomsorg_staffing_mix(&v, st, 0, G), "group");
    bad(planomsorg_staffing_set_hours_per_user(st, 1, 5, 52, 0), "0");
    double shares[4] = {0.5, 0.2, 0.1, 0.1};
    bad(planomsorg_staffing_set_mix(st, 1, shares, (size_t)G), "0.9");
    bad(planomsorg_staffing_set_mix(st, 1, shares, 1), "1");
    double zero[3] = {0, 0, 0};
    bad(planomsorg_staffing_set_productivity_path(st, zero, 3), "0");
    bad(planomsorg_staffing_set_standard_path(st, zero, 2), "2");
    assert_null(planomsorg_staffing_group_name(st, G));
    bad(planomsorg_staffing_set_group_name(st, 0, ""), "name");
    planomsorg_staffing_free(st);
    no_failures();
}

static void test_scenario(void **state)
{
    (void)state;
    planomsorg_scenario *sc = NULL;
    bad(planomsorg_scenario_new_bundle(&sc, 3), "3");
    bad(planomsorg_scenario_new(&sc, "a b"), "a b");
    bad(planomsorg_scenario_new(&sc, ""), "name");
    assert_int_equal(planomsorg_scenario_new_bundle(&sc, PLANOMSORG_BUNDLE_MIDDLE), PLANOMSORG_OK);
    double v;
    bad(planomsorg_scenario_set_value(sc, -1, 0), "-1");
    bad(planomsorg_scenario_set_value(sc, 6, 0), "6");
    bad(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, NAN), "nan");
    bad(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, 1.5), "1.5");
    bad(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, -1), "-1");
    bad(planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_HEALTH, 2030, 0, 2025, 1), "2030");
    bad(planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_HEALTH, 2025, 0, 2030, INFINITY), "inf");
    bad(planomsorg_scenario_set_demography(sc, 7), "7");
    bad(planomsorg_scenario_lever(&v, sc, 9, 2025), "9");
    bad(planomsorg_scenario_lever(&v, sc, PLANOMSORG_LEVER_HEALTH, -5), "-5");
    double lo, hi;
    bad(planomsorg_lever_range(&lo, &hi, 6), "6");
    int lever;
    bad(planomsorg_lever_find(&lever, "helth"), "helth");
    planomsorg_scenario_free(sc);
    no_failures();
}

static void test_transitions_estimate(void **state)
{
    (void)state;
    int band_lo[2] = {0, 80}, unsorted[2] = {80, 0};
    planomsorg_transitions *tr = NULL;
    bad(planomsorg_transitions_new(&tr, 0, band_lo, 2, 0, 0), "0");
    bad(planomsorg_transitions_new(&tr, 3, unsorted, 2, 0, 0), "80");
    assert_null(tr);
    assert_int_equal(planomsorg_transitions_new(&tr, 3, band_lo, 2, 0, 0), PLANOMSORG_OK);
    double m[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, nanm[9] = {NAN, 1, 0, 0, 1, 0, 0, 0, 1};
    double half[9] = {0.5, 0, 0, 0, 1, 0, 0, 0, 1};
    bad(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 2, 0, m, 9), "2");
    bad(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 0, 3, m, 9), "sex code 3");
    bad(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 0, 0, m, 8), "8");
    bad(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 0, 0, nanm, 9), "nan");
    bad(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 0, 0, half, 9), "0.5");
    double mu[3] = {1, -1, 1};
    bad(planomsorg_transitions_set_mortality(tr, mu, 3), "-1");
    bad(planomsorg_transitions_set_mortality(tr, mu, 2), "2");
    double out[9];
    bad(planomsorg_transitions_get_matrix(out, 9, tr, PLANOMSORG_ANY_YEAR, -1, 0), "-1");
    int lo;
    bad(planomsorg_transitions_band_lo(&lo, tr, 2), "2");
    planomsorg_transitions_free(tr);

    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_new(&est, 3, band_lo, 2), PLANOMSORG_OK);
    bad(planomsorg_estimate_add(est, -1, 0, 0, 0, 1), "-1");
    bad(planomsorg_estimate_add(est, 70, 2, 0, 0, 1), "2");
    bad(planomsorg_estimate_add(est, 70, 0, 3, 0, 1), "3");
    bad(planomsorg_estimate_add(est, 70, 0, 0, 0, NAN), "nan");
    bad(planomsorg_estimate_add(est, 70, 0, 0, 0, -1), "-1");
    bad(planomsorg_estimate_set_prior(est, 9, 1), "9");
    bad(planomsorg_estimate_set_prior(est, 0, NAN), "nan");
    bad(planomsorg_estimate_set_pooling(est, -1), "-1");
    double se[9];
    bad(planomsorg_estimate_matrix(out, se, 9, est, 0, 2, 0), "2");
    bad(planomsorg_estimate_matrix(out, se, 4, est, 0, 0, 0), "4");
    bad(planomsorg_estimate_counts(out, 9, est, 0, 5, 0), "5");
    planomsorg_estimate_free(est);
    no_failures();
}

static void test_distributions(void **state)
{
    (void)state;
    double v[4], p2[2] = {0, -1}, nanp[2] = {NAN, 1}, beta0[2] = {0, 1}, uni[2] = {1, 0};
    double tri[3] = {0, 2, 1};
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_NORMAL, p2, 2, 1), "normal(0, -1)");
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_NORMAL, nanp, 2, 1), "nan");
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_NORMAL, p2, 1, 1), "1");
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_BETA, beta0, 2, 1), "0");
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_UNIFORM, uni, 2, 1), "uniform(1, 0)");
    bad(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_TRIANGULAR, tri, 3, 1), "triangular(0, 2, 1)");
    bad(planomsorg_dist_sample(v, 4, 99, uni, 2, 1), "99");
    /* degenerate but valid: zero spread gives the centre exactly */
    double zero_sd[2] = {0.25, 0}, same[2] = {0.5, 0.5};
    assert_int_equal(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_NORMAL, zero_sd, 2, 1),
                     PLANOMSORG_OK);
    for (int i = 0; i < 4; i++)
        assert_true(v[i] == 0.25);
    assert_int_equal(planomsorg_dist_sample(v, 4, PLANOMSORG_DIST_UNIFORM, same, 2, 1),
                     PLANOMSORG_OK);
    for (int i = 0; i < 4; i++)
        assert_true(v[i] == 0.5);
    no_failures();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_population),
        cmocka_unit_test(test_staircase),
        cmocka_unit_test(test_cohort),
        cmocka_unit_test(test_costs),
        cmocka_unit_test(test_coverage_degenerate),
        cmocka_unit_test(test_staffing),
        cmocka_unit_test(test_scenario),
        cmocka_unit_test(test_transitions_estimate),
        cmocka_unit_test(test_distributions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
