/* Alignment to age-group totals: margins met, detail preserved, errors, pop unchanged on failure. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* SSB's ten projection groups. */
static const int ssb_lo[10] = {0, 1, 6, 13, 16, 20, 45, 67, 80, 90};
static const int ssb_hi[10] = {0, 5, 12, 15, 19, 44, 66, 79, 89, PLANOMSORG_AGE_OPEN};

#define FIRST 2024
#define NY 3
#define MAXAGE 105

/* Uneven but known cells, so that factors differ by group, sex and age. */
static double cell(int year, int sex, int age)
{
    return 50.0 + 30.0 * sin(0.1 * age + sex) + 0.5 * (year - FIRST) + (age > 95 ? -40.0 : 0.0) +
           (sex ? 3.0 : 0.0);
}

static planomsorg_population *make_pop(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, FIRST, NY, MAXAGE), PLANOMSORG_OK);
    for (int y = 0; y < NY; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXAGE; a++)
                assert_int_equal(planomsorg_population_set(pop, FIRST + y, s, a,
                                                           fmax(cell(FIRST + y, s, a), 0.25)),
                                 PLANOMSORG_OK);
    return pop;
}

static double get(const planomsorg_population *pop, int year, int sex, int age)
{
    double v = NAN;
    assert_int_equal(planomsorg_population_get(pop, year, sex, age, &v), PLANOMSORG_OK);
    return v;
}

/* Group sum by direct summation over cells (independent of the library's band code). */
static double group_sum(const planomsorg_population *pop, int year, int g, int sex)
{
    int hi = ssb_hi[g] == PLANOMSORG_AGE_OPEN ? MAXAGE : ssb_hi[g];
    double sum = 0;
    for (int s = 0; s < 2; s++)
        if (sex == PLANOMSORG_SEX_BOTH || sex == s)
            for (int a = ssb_lo[g]; a <= hi; a++)
                sum += get(pop, year, s, a);
    return sum;
}

static int group_of(int age)
{
    for (int g = 9; g >= 0; g--)
        if (age >= ssb_lo[g])
            return g;
    return -1;
}

static void targets_for(const planomsorg_population *pop, int n_years, double *targets)
{
    for (int y = 0; y < n_years; y++)
        for (int g = 0; g < 10; g++)
            targets[y * 10 + g] = group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_BOTH) *
                                  (0.8 + 0.05 * g + 0.01 * y) + 7.0;
}

static void assert_rel(double got, double want, double tol)
{
    if (fabs(got - want) > tol * fmax(1.0, fabs(want)))
        fail_msg("got %.17g, want %.17g (relative tolerance %g)", got, want, tol);
}

static void test_groups_meet_targets_and_keep_shares(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop(), *old = NULL;
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    double targets[NY * 10];
    targets_for(pop, NY, targets);
    planomsorg_align_report *r = NULL;
    /* Align the last two years only: the first must stay untouched. */
    assert_int_equal(planomsorg_align_groups(&r, pop, FIRST + 1, 2, 10, ssb_lo, ssb_hi, targets),
                     PLANOMSORG_OK);
    for (int y = 1; y < NY; y++)
        for (int g = 0; g < 10; g++) {
            double want = targets[(y - 1) * 10 + g];
            assert_rel(group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_BOTH), want, 1e-9);
            /* Shares of each sex and age within the group are unchanged. */
            double old_sum = group_sum(old, FIRST + y, g, PLANOMSORG_SEX_BOTH);
            double new_sum = group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_BOTH);
            for (int s = 0; s < 2; s++)
                for (int a = 0; a <= MAXAGE; a++)
                    if (group_of(a) == g)
                        assert_rel(get(pop, FIRST + y, s, a) / new_sum,
                                   get(old, FIRST + y, s, a) / old_sum, 1e-12);
            double before, after, factor;
            assert_int_equal(planomsorg_align_report_group(r, FIRST + y, g, &before, &after, &factor),
                             PLANOMSORG_OK);
            assert_rel(before, old_sum, 1e-12);
            assert_rel(after, want, 1e-9);
            assert_rel(factor, want / old_sum, 1e-9);
        }
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= MAXAGE; a++)
            assert_true(get(pop, FIRST, s, a) == get(old, FIRST, s, a));
    assert_int_equal(planomsorg_align_report_first_year(r), FIRST + 1);
    assert_int_equal(planomsorg_align_report_n_years(r), 2);
    assert_int_equal(planomsorg_align_report_n_groups(r), 10);
    assert_int_equal(planomsorg_align_report_iterations(r), 1);
    /* Sex totals in the report equal direct sums before and after. */
    double sb, sa;
    assert_int_equal(planomsorg_align_report_sex(r, FIRST + 2, PLANOMSORG_SEX_MALE, &sb, &sa),
                     PLANOMSORG_OK);
    double direct_b = 0, direct_a = 0;
    for (int g = 0; g < 10; g++) {
        direct_b += group_sum(old, FIRST + 2, g, PLANOMSORG_SEX_MALE);
        direct_a += group_sum(pop, FIRST + 2, g, PLANOMSORG_SEX_MALE);
    }
    assert_rel(sb, direct_b, 1e-12);
    assert_rel(sa, direct_a, 1e-12);
    planomsorg_align_report_free(r);
    planomsorg_align_report_free(NULL);
    planomsorg_population_free(old);
    planomsorg_population_free(pop);
}

static void test_partial_groups_leave_other_ages(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop(), *old = NULL;
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    const int lo[2] = {80, 67}, hi[2] = {PLANOMSORG_AGE_OPEN, 79};
    const double t[2] = {1000.0, 2500.0};
    /* No report wanted: NULL is allowed. */
    assert_int_equal(planomsorg_align_groups(NULL, pop, FIRST, 1, 2, lo, hi, t), PLANOMSORG_OK);
    double s80 = 0, s67 = 0;
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= MAXAGE; a++) {
            if (a >= 80)
                s80 += get(pop, FIRST, s, a);
            else if (a >= 67)
                s67 += get(pop, FIRST, s, a);
            else
                assert_true(get(pop, FIRST, s, a) == get(old, FIRST, s, a));
        }
    assert_rel(s80, 1000.0, 1e-9);
    assert_rel(s67, 2500.0, 1e-9);
    planomsorg_population_free(old);
    planomsorg_population_free(pop);
}

static void test_ipf_meets_both_margins(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop(), *old = NULL;
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    double targets[NY * 10], sexes[NY * 2];
    targets_for(pop, NY, targets);
    for (int y = 0; y < NY; y++) {
        double total = 0;
        for (int g = 0; g < 10; g++)
            total += targets[y * 10 + g];
        sexes[y * 2] = 0.52 * total; /* more women than the base has */
        sexes[y * 2 + 1] = total - sexes[y * 2];
    }
    planomsorg_align_report *r = NULL;
    assert_int_equal(planomsorg_align_groups_sex(&r, pop, FIRST, NY, 10, ssb_lo, ssb_hi, targets,
                                                 sexes, PLANOMSORG_ALIGN_DEFAULT_TOLERANCE,
                                                 PLANOMSORG_ALIGN_DEFAULT_MAX_ITER),
                     PLANOMSORG_OK);
    assert_true(planomsorg_align_report_iterations(r) >= 2);
    for (int y = 0; y < NY; y++) {
        double f = 0, m = 0;
        for (int g = 0; g < 10; g++) {
            assert_rel(group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_BOTH), targets[y * 10 + g], 1e-9);
            f += group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_FEMALE);
            m += group_sum(pop, FIRST + y, g, PLANOMSORG_SEX_MALE);
        }
        assert_rel(f, sexes[y * 2], 1e-9);
        assert_rel(m, sexes[y * 2 + 1], 1e-9);
        /* IPF's solution is old * alpha[group] * beta[sex]: the ratio of women's to men's
         * adjustment is the same at every age, and the single-age shares within group and
         * sex are unchanged. */
        double ratio0 = (get(pop, FIRST + y, 0, 0) / get(old, FIRST + y, 0, 0)) /
                        (get(pop, FIRST + y, 1, 0) / get(old, FIRST + y, 1, 0));
        for (int a = 0; a <= MAXAGE; a++) {
            double ratio = (get(pop, FIRST + y, 0, a) / get(old, FIRST + y, 0, a)) /
                           (get(pop, FIRST + y, 1, a) / get(old, FIRST + y, 1, a));
            assert_rel(ratio, ratio0, 1e-9);
            int g = group_of(a);
            for (int s = 0; s < 2; s++)
                assert_rel(get(pop, FIRST + y, s, a) / group_sum(pop, FIRST + y, g, s),
                           get(old, FIRST + y, s, a) / group_sum(old, FIRST + y, g, s), 1e-9);
        }
    }
    planomsorg_align_report_free(r);
    planomsorg_population_free(old);
    planomsorg_population_free(pop);
}

static void assert_fails(int rc, int code, const char *fragment)
{
    assert_int_equal(rc, code);
    if (strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", planomsorg_error_last(), fragment);
}

static void assert_unchanged(const planomsorg_population *pop, const planomsorg_population *old)
{
    for (int y = 0; y < NY; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXAGE; a++)
                assert_true(get(pop, FIRST + y, s, a) == get(old, FIRST + y, s, a));
}

static void test_errors(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop(), *old = NULL;
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    double targets[NY * 10];
    targets_for(pop, NY, targets);
    planomsorg_align_report *r = (planomsorg_align_report *)&r; /* must be reset to NULL */

    assert_fails(planomsorg_align_groups(&r, NULL, FIRST, 1, 10, ssb_lo, ssb_hi, targets),
                 PLANOMSORG_EINVAL, "pop");
    assert_null(r);
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 0, 10, ssb_lo, ssb_hi, targets),
                 PLANOMSORG_EINVAL, "at least one year");
    /* Years the population does not hold. */
    assert_fails(planomsorg_align_groups(&r, pop, FIRST + 1, NY, 10, ssb_lo, ssb_hi, targets),
                 PLANOMSORG_ERANGE, "2025-2027");
    assert_fails(planomsorg_align_groups(&r, pop, 2020, 1, 10, ssb_lo, ssb_hi, targets),
                 PLANOMSORG_ERANGE, "not all held");
    /* Inconsistent bands: overlap, reversed, beyond max_age. */
    int lo[10], hi[10];
    memcpy(lo, ssb_lo, sizeof lo);
    memcpy(hi, ssb_hi, sizeof hi);
    hi[7] = 85; /* 67-85 overlaps 80-89 */
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 1, 10, lo, hi, targets),
                 PLANOMSORG_ECONSISTENCY, "overlap at age 80");
    hi[7] = 60; /* 67-60 reversed */
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 1, 10, lo, hi, targets),
                 PLANOMSORG_ERANGE, "group 7");
    hi[7] = 79;
    hi[9] = 120;
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 1, 10, lo, hi, targets),
                 PLANOMSORG_ERANGE, "outside 0..105");
    /* Bad targets. */
    double bad[10];
    memcpy(bad, targets, sizeof bad);
    bad[3] = -1;
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, bad),
                 PLANOMSORG_EVALUE, "target -1");
    bad[3] = NAN;
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, bad),
                 PLANOMSORG_EVALUE, "not a finite number");
    assert_null(r);
    assert_unchanged(pop, old);

    /* A group with no persons cannot be scaled up: fails in the last year, after the
     * earlier years were computed, and leaves the population unchanged. */
    for (int s = 0; s < 2; s++)
        assert_int_equal(planomsorg_population_set(pop, FIRST + 2, s, 0, 0.0), PLANOMSORG_OK);
    planomsorg_population_free(old);
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    assert_fails(planomsorg_align_groups(&r, pop, FIRST, NY, 10, ssb_lo, ssb_hi, targets),
                 PLANOMSORG_ECONSISTENCY, "group 0 in 2026 holds no persons");
    assert_null(r);
    assert_unchanged(pop, old);
    /* ... but a zero target for it is fine (factor 1 reported). */
    double zero_ok[NY * 10];
    memcpy(zero_ok, targets, sizeof zero_ok);
    zero_ok[20] = 0;
    assert_int_equal(planomsorg_align_groups(&r, pop, FIRST, NY, 10, ssb_lo, ssb_hi, zero_ok),
                     PLANOMSORG_OK);
    double factor = 0;
    assert_int_equal(planomsorg_align_report_group(r, FIRST + 2, 0, NULL, NULL, &factor),
                     PLANOMSORG_OK);
    assert_true(factor == 1.0);
    assert_fails(planomsorg_align_report_group(r, FIRST + 3, 0, NULL, NULL, NULL),
                 PLANOMSORG_ERANGE, "year 2027");
    assert_fails(planomsorg_align_report_group(r, FIRST, 10, NULL, NULL, NULL), PLANOMSORG_ERANGE,
                 "group 10");
    assert_fails(planomsorg_align_report_sex(r, FIRST, 2, NULL, NULL), PLANOMSORG_EINVAL, "");
    assert_fails(planomsorg_align_report_group(NULL, FIRST, 0, NULL, NULL, NULL),
                 PLANOMSORG_EINVAL, "report");
    planomsorg_align_report_free(r);
    planomsorg_population_free(old);
    planomsorg_population_free(pop);
}

static void test_ipf_errors(void **state)
{
    (void)state;
    planomsorg_population *pop = make_pop(), *old = NULL;
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    double targets[10], sexes[2];
    targets_for(pop, 1, targets);
    double total = 0;
    for (int g = 0; g < 10; g++)
        total += targets[g];
    sexes[0] = total / 2;
    sexes[1] = total / 2 + 1.0; /* margins disagree by one person */
    planomsorg_align_report *r = NULL;
    assert_fails(planomsorg_align_groups_sex(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, targets, sexes,
                                             1e-12, 100),
                 PLANOMSORG_ECONSISTENCY, "add up");
    sexes[1] = total / 2;
    /* Groups not covering every age. */
    assert_fails(planomsorg_align_groups_sex(&r, pop, FIRST, 1, 9, ssb_lo + 1, ssb_hi + 1, targets,
                                             sexes, 1e-12, 100),
                 PLANOMSORG_ECONSISTENCY, "age 0 is in no group");
    assert_fails(planomsorg_align_groups_sex(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, targets, sexes,
                                             0.0, 100),
                 PLANOMSORG_EINVAL, "tolerance");
    assert_fails(planomsorg_align_groups_sex(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, targets, NULL,
                                             1e-12, 100),
                 PLANOMSORG_EINVAL, "sex_targets");
    assert_unchanged(pop, old);

    /* Unattainable margins: only women aged 0-66 (men zero there), so women must be at
     * least the 0-66 targets; asking for fewer cannot converge. */
    for (int a = 0; a <= 66; a++)
        assert_int_equal(planomsorg_population_set(pop, FIRST, PLANOMSORG_SEX_MALE, a, 0.0),
                         PLANOMSORG_OK);
    planomsorg_population_free(old);
    assert_int_equal(planomsorg_population_copy(&old, pop), PLANOMSORG_OK);
    double young = 0;
    for (int g = 0; g < 7; g++)
        young += targets[g];
    sexes[0] = 0.5 * young;
    sexes[1] = total - sexes[0];
    assert_fails(planomsorg_align_groups_sex(&r, pop, FIRST, 1, 10, ssb_lo, ssb_hi, targets, sexes,
                                             1e-12, 50),
                 PLANOMSORG_ECONVERGE, "after 50 iterations");
    assert_null(r);
    assert_unchanged(pop, old);
    planomsorg_population_free(old);
    planomsorg_population_free(pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups_meet_targets_and_keep_shares),
        cmocka_unit_test(test_partial_groups_leave_other_ages),
        cmocka_unit_test(test_ipf_meets_both_margins),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_ipf_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
