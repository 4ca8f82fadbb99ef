/* The library never lets GSL's default (aborting) error handler fire.
 *
 * GSL's default handler stays in place for the whole program: nothing here calls
 * gsl_set_error_handler_off(). Each test feeds inputs that would make GSL call
 * its handler (singular, mismatched, NaN, empty) and checks that the library
 * returns a status code and a message instead. If the library ever passed such
 * input to GSL, this program would abort and the test would fail.
 *
 * Helpers adding GSL-backed functions add their cases here (one test function
 * per module, listed in main()). */
#include <planomsorg.h>

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_vector.h>

#include "gslsafe.h"

static void assert_message_has(const char *fragment)
{
    const char *msg = planomsorg_error_last();
    if (strstr(msg, fragment) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", msg, fragment);
}

static void assert_fails(int rc, int expected, const char *fragment)
{
    assert_int_equal(rc, expected);
    assert_int_equal(planomsorg_error_last_code(), expected);
    assert_message_has(fragment);
}

/* GSL's handler is the default one before and after the library was used:
 * gsl_set_error_handler(NULL) installs the default and returns the previous. */
static void assert_default_handler(void)
{
    gsl_error_handler_t *previous = gsl_set_error_handler(NULL);
    assert_null(previous);
}

/* Proof that the inputs used below really make GSL abort under the default handler:
 * a child process calls GSL directly with a singular matrix and dies of SIGABRT. */
static void test_gsl_itself_aborts(void **state)
{
    (void)state;
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* silence GSL's report of the error in the child */
        if (freopen("/dev/null", "w", stderr) == NULL)
            _exit(3);
        gsl_matrix *m = gsl_matrix_calloc(2, 2); /* all zero: singular */
        gsl_permutation *p = gsl_permutation_alloc(2);
        gsl_vector *b = gsl_vector_calloc(2), *x = gsl_vector_alloc(2);
        int signum;
        gsl_linalg_LU_decomp(m, p, &signum);
        gsl_linalg_LU_solve(m, p, b, x); /* handler fires here */
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
}

static void test_solve_singular(void **state)
{
    (void)state;
    double zero[4] = {0, 0, 0, 0};
    double rank1[4] = {1, 2, 2, 4};
    double nearly[4] = {1, 1, 1, 1 + 1e-17}; /* 1 + 1e-17 == 1: exactly singular in doubles */
    double tiny_pivot[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9.0 + 1e-15};
    double b[3] = {1, 1, 1}, x[3] = {-7, -7, -7};
    assert_fails(pl_gsl_solve(x, zero, 2, b, "t"), PLANOMSORG_ENUMERIC, "singular");
    assert_fails(pl_gsl_solve(x, rank1, 2, b, "t"), PLANOMSORG_ENUMERIC, "singular");
    assert_fails(pl_gsl_solve(x, nearly, 2, b, "t"), PLANOMSORG_ENUMERIC, "singular");
    assert_fails(pl_gsl_solve(x, tiny_pivot, 3, b, "t"), PLANOMSORG_ENUMERIC, "nearly");
    /* outputs untouched on failure */
    assert_true(x[0] == -7 && x[1] == -7 && x[2] == -7);
    assert_default_handler();
}

static void test_solve_bad_input(void **state)
{
    (void)state;
    double a[4] = {2, 1, 1, 3}, b[2] = {1, 2}, x[2];
    double a_nan[4] = {2, NAN, 1, 3}, b_inf[2] = {1, INFINITY};
    assert_fails(pl_gsl_solve(x, a_nan, 2, b, "markov"), PLANOMSORG_EVALUE, "markov: element 1");
    assert_fails(pl_gsl_solve(x, a, 2, b_inf, "t"), PLANOMSORG_EVALUE, "inf");
    assert_fails(pl_gsl_solve(x, a, 0, b, "t"), PLANOMSORG_EDIMENSION, "empty");
    assert_fails(pl_gsl_solve(NULL, a, 2, b, "t"), PLANOMSORG_EINVAL, "NULL solution");
    assert_fails(pl_gsl_solve(x, NULL, 2, b, "t"), PLANOMSORG_EINVAL, "NULL matrix");
    assert_fails(pl_gsl_solve(x, a, 2, NULL, "t"), PLANOMSORG_EINVAL, "NULL right-hand");
    assert_default_handler();
}

/* A well-posed system: residual |A x - b| checked against the input, and the
 * 2x2 answer against Cramer's rule (an independent closed form). */
static void test_solve_correct(void **state)
{
    (void)state;
    double a[4] = {2, 1, 1, 3}, b[2] = {1, 2}, x[2];
    assert_int_equal(pl_gsl_solve(x, a, 2, b, "t"), PLANOMSORG_OK);
    double det = a[0] * a[3] - a[1] * a[2];
    assert_true(fabs(x[0] - (b[0] * a[3] - a[1] * b[1]) / det) < 1e-14);
    assert_true(fabs(x[1] - (a[0] * b[1] - b[0] * a[2]) / det) < 1e-14);

    /* 5x5 diagonally dominant system; x may alias b */
    enum { N = 5 };
    double m[N * N], rhs[N], sol[N];
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            m[i * N + j] = (i == j) ? 10.0 + i : 1.0 / (1 + i + j);
        rhs[i] = sol[i] = i - 2.0;
    }
    assert_int_equal(pl_gsl_solve(sol, m, N, sol, "t"), PLANOMSORG_OK);
    for (int i = 0; i < N; i++) {
        double r = -rhs[i];
        for (int j = 0; j < N; j++)
            r += m[i * N + j] * sol[j];
        assert_true(fabs(r) < 1e-12);
    }
    assert_default_handler();
}

static void test_matvec(void **state)
{
    (void)state;
    double a[6] = {1, 2, 3, 4, 5, 6}; /* 2 x 3 */
    double x[3] = {1, -1, 2}, y[2] = {-9, -9};
    double x_nan[3] = {1, NAN, 2};
    assert_fails(pl_gsl_matvec(y, a, 2, 3, x, 2, "cohort"), PLANOMSORG_EDIMENSION,
                 "cohort: matrix has 3 columns but the vector has 2");
    assert_fails(pl_gsl_matvec(y, a, 0, 3, x, 3, "t"), PLANOMSORG_EDIMENSION, "empty");
    assert_fails(pl_gsl_matvec(y, a, 2, 3, x_nan, 3, "t"), PLANOMSORG_EVALUE, "element 1 is nan");
    assert_fails(pl_gsl_matvec(NULL, a, 2, 3, x, 3, "t"), PLANOMSORG_EINVAL, "NULL output");
    double big[2] = {DBL_MAX, DBL_MAX}, ones[2] = {1, 1}, out1[1];
    assert_fails(pl_gsl_matvec(out1, big, 1, 2, ones, 2, "t"), PLANOMSORG_ENUMERIC, "overflows");
    assert_true(y[0] == -9 && y[1] == -9);

    assert_int_equal(pl_gsl_matvec(y, a, 2, 3, x, 3, "t"), PLANOMSORG_OK);
    assert_true(fabs(y[0] - (1 - 2 + 6)) < 1e-15); /* by hand */
    assert_true(fabs(y[1] - (4 - 5 + 12)) < 1e-15);
    assert_default_handler();
}

static void test_matmul(void **state)
{
    (void)state;
    double a[6] = {1, 2, 3, 4, 5, 6}; /* 2 x 3 */
    double b[6] = {1, 0, 0, 1, 1, 1}; /* 3 x 2 */
    double c[4] = {-1, -1, -1, -1};
    double b_inf[6] = {1, 0, 0, INFINITY, 1, 1};
    assert_fails(pl_gsl_matmul(c, a, 2, 3, b, 2, 3, "stair"), PLANOMSORG_EDIMENSION,
                 "stair: left matrix has 3 columns but the right matrix has 2 rows");
    assert_fails(pl_gsl_matmul(c, a, 2, 3, b, 3, 0, "t"), PLANOMSORG_EDIMENSION, "empty");
    assert_fails(pl_gsl_matmul(c, a, 2, 3, b_inf, 3, 2, "t"), PLANOMSORG_EVALUE, "element 3");
    assert_fails(pl_gsl_matmul(c, NULL, 2, 3, b, 3, 2, "t"), PLANOMSORG_EINVAL, "NULL left");
    assert_true(c[0] == -1 && c[3] == -1);

    assert_int_equal(pl_gsl_matmul(c, a, 2, 3, b, 3, 2, "t"), PLANOMSORG_OK);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double expect = 0;
            for (int k = 0; k < 3; k++)
                expect += a[i * 3 + k] * b[k * 2 + j];
            assert_true(fabs(c[i * 2 + j] - expect) < 1e-15);
        }
    assert_default_handler();
}

static void test_status_mapping(void **state)
{
    (void)state;
    assert_int_equal(pl_gsl_status(GSL_SUCCESS, "t"), PLANOMSORG_OK);
    assert_fails(pl_gsl_status(GSL_EMAXITER, "iter"), PLANOMSORG_ECONVERGE, "iter: GSL: ");
    assert_fails(pl_gsl_status(GSL_ENOMEM, "t"), PLANOMSORG_ENOMEM, "GSL");
    assert_fails(pl_gsl_status(GSL_EBADLEN, "t"), PLANOMSORG_EDIMENSION, "GSL");
    assert_fails(pl_gsl_status(GSL_ESING, "t"), PLANOMSORG_ENUMERIC, "GSL");
}

/* Public functions with NaN and zero denominators return codes, never abort. */
static void test_population_bad_numbers(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 1, 100), PLANOMSORG_OK);
    assert_fails(planomsorg_population_set(pop, 2024, PLANOMSORG_SEX_MALE, 3, NAN),
                 PLANOMSORG_EVALUE, "persons nan for year 2024");
    assert_fails(planomsorg_population_set(pop, 2024, PLANOMSORG_SEX_MALE, 3, -INFINITY),
                 PLANOMSORG_EVALUE, "persons -inf");
    double value = -1;
    /* all zero: no persons 20-66 */
    assert_fails(planomsorg_population_ratio(pop, 2024, PLANOMSORG_RATIO_67P_PER_20_66, &value),
                 PLANOMSORG_ENUMERIC, "20-66");
    assert_true(value == -1);
    size_t n = planomsorg_population_size(pop);
    double *cells = calloc(n, sizeof *cells);
    assert_non_null(cells);
    cells[n / 2] = NAN;
    assert_fails(planomsorg_population_import(pop, cells, n), PLANOMSORG_EVALUE, "is nan");
    free(cells);
    planomsorg_population_free(pop);
    assert_default_handler();
}

/* Coverage and standardisation with NaN and zero denominators: codes, never aborts. */
/* estimate and montecarlo: parameters GSL's random-variate functions cannot take (a beta
 * or gamma shape <= 0, a negative standard deviation) are refused before any GSL call;
 * Dirichlet rows with zero counts and a zero prior share never reach gsl_ran_gamma. */
static void test_estimate_montecarlo_bad_numbers(void **state)
{
    (void)state;
    double x[2], p2[2] = {0, 1}, p3[3] = {1, -1, 1};
    assert_fails(planomsorg_dist_sample(x, 2, PLANOMSORG_DIST_BETA, p2, 2, 1), PLANOMSORG_EVALUE,
                 "a and b must be > 0");
    assert_fails(planomsorg_dist_sample(x, 2, PLANOMSORG_DIST_SPLIT_NORMAL, p3, 3, 1),
                 PLANOMSORG_EVALUE, "standard deviations");
    double nan2[2] = {NAN, 1};
    assert_fails(planomsorg_dist_sample(x, 2, PLANOMSORG_DIST_LOGNORMAL, nan2, 2, 1),
                 PLANOMSORG_EVALUE, "not finite");
    const int b1[1] = {0};
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_new(&est, 3, b1, 1), PLANOMSORG_OK);
    assert_fails(planomsorg_estimate_set_prior(est, PLANOMSORG_PRIOR_POOLED, 0),
                 PLANOMSORG_EVALUE, "prior weight");
    assert_fails(planomsorg_estimate_add(est, 70, 0, 0, 1, NAN), PLANOMSORG_EVALUE, "weight");
    planomsorg_estimate_free(est);
}

static void test_coverage_bad_numbers(void **state)
{
    (void)state;
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 2, 100), PLANOMSORG_OK);
    double out = -1;
    assert_fails(planomsorg_coverage_rate(&out, 10, pop, 2024, 80, PLANOMSORG_AGE_OPEN),
                 PLANOMSORG_ENUMERIC, "aged 80+ in 2024 is zero");
    assert_fails(planomsorg_coverage_rate(&out, NAN, pop, 2024, 80, 89), PLANOMSORG_EVALUE,
                 "count nan");
    double capacity[2] = {5, 6}, path[2];
    assert_fails(planomsorg_coverage_path(path, capacity, 2, pop, 2024, 67, 79),
                 PLANOMSORG_ENUMERIC, "is zero");
    double nan_path[2] = {0.2, NAN};
    int year = 0;
    assert_fails(planomsorg_coverage_first_below(&year, nan_path, 2, 2024, 0.1),
                 PLANOMSORG_EVALUE, "path[1] (year 2025) is NaN");
    assert_fails(planomsorg_coverage_first_below(&year, capacity, 2, 2024, NAN),
                 PLANOMSORG_EVALUE, "target rate is NaN");
    double rates[2] = {0.1, NAN}, weights[2] = {1, 1}, zero_weights[2] = {0, 0};
    assert_fails(planomsorg_standardise_direct(&out, rates, weights, 2), PLANOMSORG_EVALUE,
                 "rates[1]");
    rates[1] = 0.2;
    assert_fails(planomsorg_standardise_direct(&out, rates, zero_weights, 2),
                 PLANOMSORG_ENUMERIC, "sum to zero");
    double users[2] = {1, 2}, band_pop[2] = {10, 0};
    int lo[2] = {67, 80}, hi[2] = {79, PLANOMSORG_AGE_OPEN};
    assert_fails(planomsorg_coverage_standardised(&out, users, band_pop, lo, hi, 2, pop, 2024),
                 PLANOMSORG_ENUMERIC, "population[1]");
    assert_true(out == -1);
    planomsorg_population_free(pop);
    assert_default_handler();
}

int main(void)
{
    /* Explicitly the default, aborting handler: the state every test runs in. */
    gsl_set_error_handler(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gsl_itself_aborts),
        cmocka_unit_test(test_solve_singular),
        cmocka_unit_test(test_solve_bad_input),
        cmocka_unit_test(test_solve_correct),
        cmocka_unit_test(test_matvec),
        cmocka_unit_test(test_matmul),
        cmocka_unit_test(test_status_mapping),
        cmocka_unit_test(test_population_bad_numbers),
        cmocka_unit_test(test_coverage_bad_numbers),
        cmocka_unit_test(test_estimate_montecarlo_bad_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
