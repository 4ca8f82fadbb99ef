/* Tests of the generic Markov cohort engine (cohort.h) and its CSV reader.
 *
 * Reference figures for the HIV model of Chancellor et al. (1997), as tabulated
 * by Briggs, Claxton and Sculpher (2006), Decision Modelling for Health Economic
 * Evaluation, example 2.5 and its Excel solution (exercise 4.7): the figures
 * below are those the R package heemod checks its exact reproduction against
 * (pierucci/heemod, tests/testthat/test_dmhee.R, "exactly match HIV model"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <planomsorg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PLANOMSORG_EXAMPLES_DIR
#define PLANOMSORG_EXAMPLES_DIR "examples"
#endif

/* Briggs et al. (2006) spreadsheet figures, via heemod's test_dmhee.R. */
#define BRIGGS_COST_MONO 44663.4535637
#define BRIGGS_COST_COMB 50601.6513312
#define BRIGGS_LY_MONO 7.9912066
#define BRIGGS_LY_COMB 8.9373889
#define BRIGGS_ICER 6275.95560
#define REL_TOL 1e-6

static void assert_rel(double got, double want, double tol)
{
    double rel = fabs(got - want) / fabs(want);
    if (!(rel <= tol)) {
        fprintf(stderr, "got %.12g, want %.12g (relative error %.3g > %.3g)\n", got, want, rel, tol);
        fail();
    }
}

static void assert_abs(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) {
        fprintf(stderr, "got %.15g, want %.15g (difference %.3g > %.3g)\n", got, want,
                fabs(got - want), tol);
        fail();
    }
}

static void assert_message(const char *fragment)
{
    const char *msg = planomsorg_error_last();
    if (strstr(msg, fragment) == NULL) {
        fprintf(stderr, "message '%s' lacks '%s'\n", msg, fragment);
        fail();
    }
}

static double total(const planomsorg_cohort_result *r, int measure)
{
    double v = NAN;
    assert_int_equal(planomsorg_cohort_result_total(&v, r, measure), PLANOMSORG_OK);
    return v;
}

/* ---- Chancellor et al. (1997) built through the API -------------------------------- */

static const char *const hiv_names[] = {"A", "B", "C", "D"};

static void hiv_mono_matrix(double p[16])
{
    const double m[16] = {1251.0 / 1734, 350.0 / 1734, 116.0 / 1734, 17.0 / 1734,
                          0, 731.0 / 1258, 512.0 / 1258, 15.0 / 1258,
                          0, 0, 1312.0 / 1749, 437.0 / 1749,
                          0, 0, 0, 1};
    memcpy(p, m, sizeof m);
}

/* Relative risk on the off-diagonal entries, the diagonal taking the remainder. */
static void hiv_comb_matrix(double p[16])
{
    hiv_mono_matrix(p);
    for (int i = 0; i < 3; i++) {
        double off = 0.0;
        for (int j = 0; j < 4; j++)
            if (j != i) {
                p[i * 4 + j] *= 0.509;
                off += p[i * 4 + j];
            }
        p[i * 4 + i] = 1.0 - off;
    }
}

static planomsorg_cohort *hiv_model(int combination)
{
    planomsorg_cohort *m = NULL;
    double p[16], init[4] = {1, 0, 0, 0};
    /* direct medical + community care + zidovudine; lamivudine 2086.5 in cycles 1-2 */
    double v[4] = {1701 + 1055 + 2278, 1774 + 1278 + 2278, 6948 + 2059 + 2278, 0};
    assert_int_equal(planomsorg_cohort_new(&m, 4, hiv_names, 20), PLANOMSORG_OK);
    hiv_mono_matrix(p);
    assert_int_equal(planomsorg_cohort_set_matrix(m, PLANOMSORG_COHORT_ALL_CYCLES, p), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_initial(m, init), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_values(m, PLANOMSORG_COHORT_ALL_CYCLES, v), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_discount(m, 0.06), PLANOMSORG_OK);
    if (combination) {
        hiv_comb_matrix(p);
        double vc[4] = {v[0] + 2086.5, v[1] + 2086.5, v[2] + 2086.5, 0};
        for (int t = 1; t <= 2; t++) {
            assert_int_equal(planomsorg_cohort_set_matrix(m, t, p), PLANOMSORG_OK);
            assert_int_equal(planomsorg_cohort_set_values(m, t, vc), PLANOMSORG_OK);
        }
    }
    return m;
}

static void assert_conserved(const planomsorg_cohort_result *r)
{
    int ns = planomsorg_cohort_result_n_states(r), nc = planomsorg_cohort_result_n_cycles(r);
    const double *x = planomsorg_cohort_result_trace(r);
    assert_non_null(x);
    for (int t = 0; t <= nc; t++) {
        double s = 0.0;
        for (int i = 0; i < ns; i++) {
            assert_true(x[t * ns + i] >= 0.0);
            s += x[t * ns + i];
        }
        assert_abs(s, 1.0, 1e-12);
    }
}

static void test_chancellor_api(void **state)
{
    (void)state;
    double ly[2], cost[2];
    for (int comb = 0; comb <= 1; comb++) {
        planomsorg_cohort *m = hiv_model(comb);
        planomsorg_cohort_result *r = NULL;
        assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
        assert_conserved(r);
        ly[comb] = total(r, PLANOMSORG_COHORT_LIFE_YEARS);
        cost[comb] = total(r, PLANOMSORG_COHORT_VALUE_DISCOUNTED);
        int absorbing = -1;
        assert_int_equal(planomsorg_cohort_result_absorbing(&absorbing, r, 3), PLANOMSORG_OK);
        assert_int_equal(absorbing, 1);
        assert_int_equal(planomsorg_cohort_result_absorbing(&absorbing, r, 2), PLANOMSORG_OK);
        assert_int_equal(absorbing, 0);
        planomsorg_cohort_result_free(r);
        planomsorg_cohort_free(m);
    }
    assert_rel(ly[0], BRIGGS_LY_MONO, REL_TOL);
    assert_rel(ly[1], BRIGGS_LY_COMB, REL_TOL);
    assert_rel(cost[0], BRIGGS_COST_MONO, REL_TOL);
    assert_rel(cost[1], BRIGGS_COST_COMB, REL_TOL);
    assert_rel((cost[1] - cost[0]) / (ly[1] - ly[0]), BRIGGS_ICER, REL_TOL);
}

/* With half-cycle correction: Briggs' figures as quoted (rounded) by the R package
 * rdecision (tests/testthat/test-model-AZT.R): 8.475 and 9.42 life years. Checked to
 * half a unit in the last digit given. */
static void test_chancellor_half_cycle(void **state)
{
    (void)state;
    const double want[2] = {8.475, 9.42}, tol[2] = {0.0005, 0.005};
    for (int comb = 0; comb <= 1; comb++) {
        planomsorg_cohort *m = hiv_model(comb);
        planomsorg_cohort_result *r = NULL;
        assert_int_equal(planomsorg_cohort_set_half_cycle(m, 1), PLANOMSORG_OK);
        assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
        assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), want[comb], tol[comb]);
        planomsorg_cohort_result_free(r);
        planomsorg_cohort_free(m);
    }
}

/* The same model from the CSV files shipped in examples/markov/chancellor. */
static void test_chancellor_csv(void **state)
{
    (void)state;
    const char *dir = PLANOMSORG_EXAMPLES_DIR "/markov/chancellor/";
    const char *arm[2] = {"mono", "comb"};
    const double want_ly[2] = {BRIGGS_LY_MONO, BRIGGS_LY_COMB};
    const double want_cost[2] = {BRIGGS_COST_MONO, BRIGGS_COST_COMB};
    for (int k = 0; k < 2; k++) {
        char tpath[1024], ipath[1024], vpath[1024];
        snprintf(tpath, sizeof tpath, "%stransitions_%s.csv", dir, arm[k]);
        snprintf(ipath, sizeof ipath, "%sinitial.csv", dir);
        snprintf(vpath, sizeof vpath, "%svalues_%s.csv", dir, arm[k]);
        planomsorg_cohort *m = NULL;
        planomsorg_cohort_result *r = NULL;
        int rc = planomsorg_cohort_read_csv(&m, tpath, ipath, vpath, 20);
        if (rc != PLANOMSORG_OK)
            fprintf(stderr, "%s\n", planomsorg_error_last());
        assert_int_equal(rc, PLANOMSORG_OK);
        assert_int_equal(planomsorg_cohort_set_discount(m, 0.06), PLANOMSORG_OK);
        assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
        assert_conserved(r);
        assert_rel(total(r, PLANOMSORG_COHORT_LIFE_YEARS), want_ly[k], REL_TOL);
        assert_rel(total(r, PLANOMSORG_COHORT_VALUE_DISCOUNTED), want_cost[k], REL_TOL);
        planomsorg_cohort_result_free(r);
        planomsorg_cohort_free(m);
    }
}

/* ---- closed forms and hand computations --------------------------------------------- */

static planomsorg_cohort *two_state(double p, int n_cycles, double rate, int half)
{
    static const char *const names[] = {"alive", "dead"};
    planomsorg_cohort *m = NULL;
    double mat[4] = {1 - p, p, 0, 1}, v[2] = {1, 0};
    assert_int_equal(planomsorg_cohort_new(&m, 2, names, n_cycles), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_matrix(m, PLANOMSORG_COHORT_ALL_CYCLES, mat), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_values(m, PLANOMSORG_COHORT_ALL_CYCLES, v), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_discount(m, rate), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_half_cycle(m, half), PLANOMSORG_OK);
    return m;
}

/* Survival (1-p)^t; life years sum_{t=1..N} s^t = s(1-s^N)/(1-s) with s = 1-p, and the
 * discounted sum the same geometric series in q = (1-p)/(1+r). */
static void test_two_state_closed_form(void **state)
{
    (void)state;
    const double p = 0.1, rate = 0.035;
    const int n = 30;
    planomsorg_cohort *m = two_state(p, n, rate, 0);
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    const double *x = planomsorg_cohort_result_trace(r);
    for (int t = 0; t <= n; t++)
        assert_rel(x[t * 2], pow(1 - p, t), 1e-12);
    double s = 1 - p, q = (1 - p) / (1 + rate);
    double ly = s * (1 - pow(s, n)) / (1 - s), lyd = q * (1 - pow(q, n)) / (1 - q);
    assert_rel(total(r, PLANOMSORG_COHORT_LIFE_YEARS), ly, 1e-12);
    assert_rel(total(r, PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED), lyd, 1e-12);
    assert_rel(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), ly, 1e-12);
    assert_rel(total(r, PLANOMSORG_COHORT_VALUE_DISCOUNTED), lyd, 1e-12);
    double c = NAN;
    assert_int_equal(planomsorg_cohort_result_cycle(&c, r, PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED, 7),
                     PLANOMSORG_OK);
    assert_rel(c, pow(q, 7), 1e-12);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
}

/* By hand: p = 0.2, value 10 while alive, 2 cycles, r = 5 %. Trace 1, 0.8, 0.64;
 * half-cycle occupancies 0.9 and 0.72: life years 1.62, value 9 + 7.2 = 16.2,
 * discounted 9/1.05 + 7.2/1.05^2. */
static void test_half_cycle_by_hand(void **state)
{
    (void)state;
    static const char *const names[] = {"alive", "dead"};
    planomsorg_cohort *m = NULL;
    planomsorg_cohort_result *r = NULL;
    double mat[4] = {0.8, 0.2, 0, 1}, v[2] = {10, 0};
    assert_int_equal(planomsorg_cohort_new(&m, 2, names, 2), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_matrix(m, 0, mat), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_values(m, 0, v), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_discount(m, 0.05), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_half_cycle(m, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), 1.62, 1e-14);
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED), 0.9 / 1.05 + 0.72 / 1.1025, 1e-14);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), 16.2, 1e-13);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_DISCOUNTED), 9 / 1.05 + 7.2 / 1.1025, 1e-13);
    double c = NAN;
    assert_int_equal(planomsorg_cohort_result_cycle(&c, r, PLANOMSORG_COHORT_VALUE_TOTAL, 2), PLANOMSORG_OK);
    assert_abs(c, 7.2, 1e-13);
    planomsorg_cohort_result_free(r);
    /* without the correction: 0.8 + 0.64 */
    assert_int_equal(planomsorg_cohort_set_half_cycle(m, 0), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), 1.44, 1e-14);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_DISCOUNTED), 8 / 1.05 + 6.4 / 1.1025, 1e-13);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
}

/* Cycle 1 p = 0.5, cycle 3 p = 0.2, default p = 0.1: survival 0.5, 0.45, 0.36, 0.324.
 * Values: default 1, cycle 2 value 4 while alive. */
static void test_time_varying(void **state)
{
    (void)state;
    planomsorg_cohort *m = two_state(0.1, 4, 0.0, 0);
    planomsorg_cohort_result *r = NULL;
    double m1[4] = {0.5, 0.5, 0, 1}, m3[4] = {0.8, 0.2, 0, 1}, v2[2] = {4, 0};
    assert_int_equal(planomsorg_cohort_set_matrix(m, 1, m1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_matrix(m, 3, m3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_values(m, 2, v2), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    const double *x = planomsorg_cohort_result_trace(r);
    const double want[5] = {1, 0.5, 0.45, 0.36, 0.324};
    for (int t = 0; t <= 4; t++) {
        assert_abs(x[t * 2], want[t], 1e-15);
        assert_abs(x[t * 2 + 1], 1 - want[t], 1e-15);
    }
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), 0.5 + 0.45 + 0.36 + 0.324, 1e-14);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), 0.5 + 4 * 0.45 + 0.36 + 0.324, 1e-14);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
}

/* A 3-state model whose every state can be left has no absorbing state: life years are
 * the whole cohort, N. Checks conservation with a dense matrix. */
static void test_no_absorbing_state(void **state)
{
    (void)state;
    static const char *const names[] = {"x", "y", "z"};
    planomsorg_cohort *m = NULL;
    planomsorg_cohort_result *r = NULL;
    double p[9] = {0.2, 0.3, 0.5, 0.6, 0.1, 0.3, 0.25, 0.25, 0.5}, init[3] = {0.2, 0.3, 0.5};
    assert_int_equal(planomsorg_cohort_new(&m, 3, names, 50), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_matrix(m, 0, p), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_set_initial(m, init), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    assert_conserved(r);
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), 50.0, 1e-11);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), 0.0, 0.0);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
}

/* ---- validation ---------------------------------------------------------------------- */

static void expect_matrix_error(planomsorg_cohort *m, int cycle, const double *p,
                                const char *fragment)
{
    assert_int_equal(planomsorg_cohort_set_matrix(m, cycle, p), PLANOMSORG_ESTOCHASTIC);
    assert_message(fragment);
}

static void test_stochastic_validation(void **state)
{
    (void)state;
    planomsorg_cohort *m = hiv_model(0);
    double p[16];
    hiv_mono_matrix(p);
    p[4 + 1] = -0.1; /* row B */
    expect_matrix_error(m, 2, p, "cycle 2, row 1 ('B'), column 1 ('B')");
    assert_message("negative");
    hiv_mono_matrix(p);
    p[2] = 1.5;
    expect_matrix_error(m, 0, p, "cycle every cycle, row 0 ('A'), column 2 ('C')");
    assert_message("greater than 1");
    hiv_mono_matrix(p);
    p[8 + 3] = NAN;
    expect_matrix_error(m, 5, p, "cycle 5, row 2 ('C')");
    assert_message("not a number");
    hiv_mono_matrix(p);
    p[8 + 3] = 0.2;
    expect_matrix_error(m, 1, p, "cycle 1, row 2 ('C'): probabilities sum to");
    /* the failed calls changed nothing: the model still reproduces the reference */
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    assert_rel(total(r, PLANOMSORG_COHORT_LIFE_YEARS), BRIGGS_LY_MONO, REL_TOL);
    planomsorg_cohort_result_free(r);
    /* cycles outside 0..n_cycles */
    hiv_mono_matrix(p);
    assert_int_equal(planomsorg_cohort_set_matrix(m, 21, p), PLANOMSORG_ERANGE);
    assert_message("cycle 21");
    assert_int_equal(planomsorg_cohort_set_values(m, -1, p), PLANOMSORG_ERANGE);
    planomsorg_cohort_free(m);
}

static void test_argument_errors(void **state)
{
    (void)state;
    planomsorg_cohort *m = NULL;
    static const char *const dup[] = {"A", "B", "A"};
    static const char *const empty[] = {"A", ""};
    assert_int_equal(planomsorg_cohort_new(&m, 3, dup, 5), PLANOMSORG_EDUPLICATE);
    assert_message("'A' given twice");
    assert_null(m);
    assert_int_equal(planomsorg_cohort_new(&m, 2, empty, 5), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_cohort_new(&m, 0, dup, 5), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_cohort_new(&m, 2, dup, 0), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_cohort_new(NULL, 2, dup, 5), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_cohort_new(&m, 2, dup, 3), PLANOMSORG_OK);
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_EMISSING);
    assert_message("no transition matrix for cycle 1");
    double p[4] = {0.5, 0.5, 0, 1};
    assert_int_equal(planomsorg_cohort_set_matrix(m, 1, p), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_EMISSING);
    assert_message("cycle 2");
    double bad_init[2] = {0.7, 0.4}, neg_init[2] = {1.5, -0.5}, vals[2] = {1, INFINITY};
    assert_int_equal(planomsorg_cohort_set_initial(m, bad_init), PLANOMSORG_EVALUE);
    assert_message("sum to 1.1");
    assert_int_equal(planomsorg_cohort_set_initial(m, neg_init), PLANOMSORG_EVALUE);
    assert_message("state 1 ('B')");
    assert_int_equal(planomsorg_cohort_set_values(m, 0, vals), PLANOMSORG_EVALUE);
    assert_int_equal(planomsorg_cohort_set_discount(m, -0.01), PLANOMSORG_EVALUE);
    assert_int_equal(planomsorg_cohort_set_discount(m, NAN), PLANOMSORG_EVALUE);
    int idx = -1;
    assert_int_equal(planomsorg_cohort_state_index(&idx, m, "B"), PLANOMSORG_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(planomsorg_cohort_state_index(&idx, m, "Q"), PLANOMSORG_ENOTFOUND);
    assert_string_equal(planomsorg_cohort_state_name(m, 0), "A");
    assert_null(planomsorg_cohort_state_name(m, 2));
    assert_string_equal(planomsorg_cohort_measure_name(PLANOMSORG_COHORT_VALUE_DISCOUNTED),
                        "value_discounted");
    assert_null(planomsorg_cohort_measure_name(PLANOMSORG_COHORT_N_MEASURES));
    planomsorg_cohort_free(m);
    planomsorg_cohort_free(NULL);
    planomsorg_cohort_result_free(NULL);
}

/* ---- CSV reader errors ------------------------------------------------------------- */

static char tmpdir[256];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/planomsorg_cohort_XXXXXX");
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    const char *files[] = {"t.csv", "i.csv", "v.csv"};
    char path[512];
    for (size_t k = 0; k < 3; k++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, files[k]);
        remove(path);
    }
    return rmdir(tmpdir);
}

static const char *write_file(const char *name, const char *text)
{
    static char paths[3][512];
    int k = name[0] == 't' ? 0 : name[0] == 'i' ? 1 : 2;
    snprintf(paths[k], sizeof paths[k], "%s/%s", tmpdir, name);
    FILE *f = fopen(paths[k], "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return paths[k];
}

static const char *const good_initial = "state,share\nwell,0.9\nsick,0.1\ndead,0\n";
static const char *const good_trans = "cycle,from,to,probability\n"
                                      "*,well,well,0.8\n*,well,sick,0.15\n*,well,dead,0.05\n"
                                      "*,sick,sick,0.7\n*,sick,dead,0.3\n*,dead,dead,1\n";

static int read_with(const char *trans, const char *init, const char *values, int n_cycles)
{
    const char *t = write_file("t.csv", trans), *i = write_file("i.csv", init);
    const char *v = values != NULL ? write_file("v.csv", values) : NULL;
    planomsorg_cohort *m = NULL;
    int rc = planomsorg_cohort_read_csv(&m, t, i, v, n_cycles);
    if (rc == PLANOMSORG_OK)
        assert_non_null(m);
    else
        assert_null(m);
    planomsorg_cohort_free(m);
    return rc;
}

static void test_csv_good(void **state)
{
    (void)state;
    /* cycle 2 replaces row 'well'; values: default 1 for well, 2 for sick, cycle 2 well 10 */
    const char *trans = "cycle,from,to,probability\n"
                        "*,well,well,0.8\n*,well,sick,0.15\n*,well,dead,0.05\n"
                        "*,sick,sick,0.7\n*,sick,dead,0.3\n*,dead,dead,1\n"
                        "2,well,well,0.5\n2,well,dead,0.5\n";
    const char *values = "cycle,state,value\n*,well,1\n*,sick,2\n2,well,10\n";
    const char *t = write_file("t.csv", trans), *i = write_file("i.csv", good_initial);
    const char *v = write_file("v.csv", values);
    planomsorg_cohort *m = NULL;
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_read_csv(&m, t, i, v, 0), PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_n_cycles(m), 2); /* largest cycle named */
    assert_int_equal(planomsorg_cohort_n_states(m), 3);
    assert_string_equal(planomsorg_cohort_state_name(m, 2), "dead");
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    const double *x = planomsorg_cohort_result_trace(r);
    /* by hand: x1 = (0.72, 0.135 + 0.07, 0.045 + 0.03) = (0.72, 0.205, 0.075)
     *          x2 = (0.36, 0.1435, 0.36 + 0.0615 + 0.075) */
    assert_abs(x[3], 0.72, 1e-15);
    assert_abs(x[4], 0.205, 1e-15);
    assert_abs(x[6], 0.36, 1e-15);
    assert_abs(x[7], 0.1435, 1e-15);
    assert_abs(x[8], 0.4965, 1e-15);
    assert_abs(total(r, PLANOMSORG_COHORT_LIFE_YEARS), 0.925 + 0.5035, 1e-14);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), (0.72 + 0.41) + (3.6 + 0.287), 1e-13);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
}

static void test_csv_errors(void **state)
{
    (void)state;
    /* unknown state names */
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,1\n*,sick,sick,1\n"
                               "*,dead,dead,1\n*,well,gone,0\n", good_initial, NULL, 3),
                     PLANOMSORG_ENOTFOUND);
    assert_message("t.csv:5:3: unknown state 'gone'");
    assert_int_equal(read_with(good_trans, good_initial, "cycle,state,value\n*,sik,1\n", 3),
                     PLANOMSORG_ENOTFOUND);
    assert_message("v.csv:2:2: unknown state 'sik'");
    /* duplicate rows */
    char buf[1024];
    snprintf(buf, sizeof buf, "%s*,sick,dead,0.3\n", good_trans);
    assert_int_equal(read_with(buf, good_initial, NULL, 3), PLANOMSORG_EDUPLICATE);
    assert_message("t.csv:8: transition sick -> dead in cycle * is also given on line 6");
    assert_int_equal(read_with(good_trans, good_initial, "cycle,state,value\n2,well,1\n2,well,3\n", 3),
                     PLANOMSORG_EDUPLICATE);
    assert_message("v.csv:3: value of state well in cycle 2 is also given on line 2");
    assert_int_equal(read_with(good_trans, "state,share\nwell,1\nsick,0\nwell,0\ndead,0\n", NULL, 3),
                     PLANOMSORG_EDUPLICATE);
    assert_message("i.csv:4:1: state 'well' is listed twice");
    /* missing rows: 'sick' has no '*' row and only cycle 1 */
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,1\n*,dead,dead,1\n"
                               "1,sick,sick,1\n", good_initial, NULL, 3),
                     PLANOMSORG_EMISSING);
    assert_message("no transitions from state 'sick' in cycle 2");
    /* a row in every cycle is enough */
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,1\n*,dead,dead,1\n"
                               "1,sick,sick,1\n2,sick,dead,1\n", good_initial, NULL, 2),
                     PLANOMSORG_OK);
    /* cycle overrides beyond the cycles run */
    snprintf(buf, sizeof buf, "%s4,sick,sick,1\n", good_trans);
    assert_int_equal(read_with(buf, good_initial, NULL, 3), PLANOMSORG_ERANGE);
    assert_message("t.csv:8:1: cycle 4 is beyond the 3 cycles run");
    assert_int_equal(read_with(good_trans, good_initial, "cycle,state,value\n9,well,1\n", 3),
                     PLANOMSORG_ERANGE);
    assert_message("v.csv:2:1: cycle 9 is beyond the 3 cycles run");
    /* every row '*' and no number of cycles */
    assert_int_equal(read_with(good_trans, good_initial, NULL, 0), PLANOMSORG_EMISSING);
    assert_message("give the number of cycles");
    /* entries < 0, > 1, NaN, rows not summing to 1 */
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,1.2\n", good_initial, NULL, 3),
                     PLANOMSORG_ESTOCHASTIC);
    assert_message("t.csv:2:4: probability 1.2 is outside [0, 1]");
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,-0.2\n", good_initial, NULL, 3),
                     PLANOMSORG_ESTOCHASTIC);
    assert_message("t.csv:2:4: probability -0.2 is outside [0, 1]");
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,nan\n", good_initial, NULL, 3),
                     PLANOMSORG_EVALUE);
    assert_message("t.csv:2:4");
    assert_int_equal(read_with("cycle,from,to,probability\n*,well,well,0.5\n*,well,sick,0.4\n"
                               "*,sick,sick,1\n*,dead,dead,1\n", good_initial, NULL, 3),
                     PLANOMSORG_ESTOCHASTIC);
    assert_message("t.csv:2: cycle *, row 'well': probabilities from 'well' sum to 0.9, not 1");
    /* formats and numbers */
    assert_int_equal(read_with("cycle,src,to,probability\n*,well,well,1\n", good_initial, NULL, 3),
                     PLANOMSORG_EFORMAT);
    assert_int_equal(read_with(good_trans, "state,share\nwell,0.5\nsick,0.4\ndead,0\n", NULL, 3),
                     PLANOMSORG_EVALUE);
    assert_message("initial shares sum to 0.9");
    assert_int_equal(read_with(good_trans, "state,share\nwell,x\n", NULL, 3), PLANOMSORG_EVALUE);
    assert_message("i.csv:2:2");
    assert_int_equal(read_with("cycle,from,to,probability\nfirst,well,well,1\n", good_initial, NULL, 3),
                     PLANOMSORG_EVALUE);
    assert_message("t.csv:2:1");
    assert_int_equal(read_with(good_trans, "state,share\n", NULL, 3), PLANOMSORG_EEMPTY);
    planomsorg_cohort *m = NULL;
    assert_int_equal(planomsorg_cohort_read_csv(&m, "/nonexistent/t.csv", write_file("i.csv", good_initial),
                                                NULL, 3),
                     PLANOMSORG_EIO);
    assert_message("/nonexistent/t.csv");
}

/* The in-memory reader: the same model as from files (a trace computed by hand), messages
 * naming the tables "transitions", "initial" and "values", NULL tables refused. */
static void test_csv_parse_memory(void **state)
{
    (void)state;
    const char *trans = "cycle,from,to,probability\n"
                        "*,well,well,0.8\n*,well,sick,0.15\n*,well,dead,0.05\n"
                        "*,sick,sick,0.7\n*,sick,dead,0.3\n*,dead,dead,1\n"
                        "2,well,well,0.5\n2,well,dead,0.5\n";
    const char *values = "cycle,state,value\n*,well,1\n*,sick,2\n2,well,10\n";
    planomsorg_cohort *m = NULL;
    planomsorg_cohort_result *r = NULL;
    assert_int_equal(planomsorg_cohort_parse_csv(&m, trans, strlen(trans), good_initial,
                                                 strlen(good_initial), values, strlen(values), 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_n_cycles(m), 2);
    assert_int_equal(planomsorg_cohort_run(&r, m), PLANOMSORG_OK);
    const double *x = planomsorg_cohort_result_trace(r);
    /* as in test_csv_good: x2 = (0.36, 0.1435, 0.4965) */
    assert_abs(x[6], 0.36, 1e-15);
    assert_abs(x[7], 0.1435, 1e-15);
    assert_abs(x[8], 0.4965, 1e-15);
    assert_abs(total(r, PLANOMSORG_COHORT_VALUE_TOTAL), (0.72 + 0.41) + (3.6 + 0.287), 1e-13);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);

    /* text need not be NUL-terminated: the length cuts off the cycle-2 rows */
    size_t cut = strlen(trans) - strlen("2,well,well,0.5\n2,well,dead,0.5\n");
    assert_int_equal(planomsorg_cohort_parse_csv(&m, trans, cut, good_initial, strlen(good_initial),
                                                 NULL, 0, 4),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_cohort_n_cycles(m), 4);
    planomsorg_cohort_free(m);

    const char *bad = "cycle,from,to,probability\n*,well,gone,1\n";
    m = (planomsorg_cohort *)&m;
    assert_int_equal(planomsorg_cohort_parse_csv(&m, bad, strlen(bad), good_initial,
                                                 strlen(good_initial), NULL, 0, 3),
                     PLANOMSORG_ENOTFOUND);
    assert_null(m);
    assert_message("transitions:2:3: unknown state 'gone'");
    assert_int_equal(planomsorg_cohort_parse_csv(&m, good_trans, strlen(good_trans), "state,share\n",
                                                 12, NULL, 0, 3),
                     PLANOMSORG_EEMPTY);
    assert_message("initial: no states below the header");
    assert_int_equal(planomsorg_cohort_parse_csv(&m, good_trans, strlen(good_trans), good_initial,
                                                 strlen(good_initial), "cycle,state\n*,well\n", 18, 3),
                     PLANOMSORG_EFORMAT);
    assert_message("values:1");
    assert_int_equal(planomsorg_cohort_parse_csv(&m, NULL, 5, good_initial, strlen(good_initial),
                                                 NULL, 0, 3),
                     PLANOMSORG_EINVAL);
    assert_message("transitions is NULL");
    assert_int_equal(planomsorg_cohort_parse_csv(&m, good_trans, strlen(good_trans), NULL, 0, NULL,
                                                 0, 3),
                     PLANOMSORG_EEMPTY);
    assert_int_equal(planomsorg_cohort_parse_csv(NULL, good_trans, strlen(good_trans), good_initial,
                                                 strlen(good_initial), NULL, 0, 3),
                     PLANOMSORG_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chancellor_api),
        cmocka_unit_test(test_csv_parse_memory),
        cmocka_unit_test(test_chancellor_csv),
        cmocka_unit_test(test_chancellor_half_cycle),
        cmocka_unit_test(test_two_state_closed_form),
        cmocka_unit_test(test_half_cycle_by_hand),
        cmocka_unit_test(test_time_varying),
        cmocka_unit_test(test_no_absorbing_state),
        cmocka_unit_test(test_stochastic_validation),
        cmocka_unit_test(test_argument_errors),
        cmocka_unit_test(test_csv_good),
        cmocka_unit_test(test_csv_errors),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
