/* Monte Carlo: lever distributions against their moments, Dirichlet draws against the
 * posterior mean and variance, draws identical whatever the number of threads, a fixed
 * lever reproducing the deterministic projection, persons conserved in every draw,
 * Poisson population noise against its mean, type 7 percentiles against an independent
 * computation, the CSV writer, and bad input. */
#include <planomsorg.h>

#include "estimate_internal.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#define K 4
#define MAXA 100
#define Y0 2025
#define NY 6

static void assert_error(int rc, int code, const char *fragment)
{
    if (rc != code || strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("expected %s with \"%s\", got %d: %s", planomsorg_strerror(code), fragment, rc,
                 planomsorg_error_last());
}

static void assert_close(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("%s: got %.10g, want %.10g (tolerance %g)", what, got, want, tol);
}

/* ---------- distributions ---------- */

static void check_moments(int dist, const double *p, size_t np, double mean, double var)
{
    enum { N = 200000 };
    static double x[N];
    assert_int_equal(planomsorg_dist_sample(x, N, dist, p, np, 42), PLANOMSORG_OK);
    double m = 0, v = 0;
    for (int i = 0; i < N; i++)
        m += x[i];
    m /= N;
    for (int i = 0; i < N; i++)
        v += (x[i] - m) * (x[i] - m);
    v /= N - 1;
    /* Mean within 5 standard errors; variance within 3 % (ample at N = 200000 for these
     * light-tailed laws). */
    assert_close(m, mean, 5 * sqrt(var / N), planomsorg_dist_name(dist));
    assert_close(v, var, 0.03 * var, planomsorg_dist_name(dist));
}

static void test_distributions(void **state)
{
    (void)state;
    const double pi = 3.14159265358979323846;
    double n[2] = {1.0, 0.1};
    check_moments(PLANOMSORG_DIST_NORMAL, n, 2, 1.0, 0.01);
    double ln[2] = {-0.1, 0.2};
    double lm = exp(-0.1 + 0.02), lv = (exp(0.04) - 1) * exp(-0.2 + 0.04);
    check_moments(PLANOMSORG_DIST_LOGNORMAL, ln, 2, lm, lv);
    double be[4] = {2, 6, 0.5, 1.5};
    check_moments(PLANOMSORG_DIST_BETA, be, 4, 0.5 + 0.25, 2.0 * 6 / (64.0 * 9));
    check_moments(PLANOMSORG_DIST_BETA, be, 2, 0.25, 2.0 * 6 / (64.0 * 9));
    double un[2] = {0.8, 1.2};
    check_moments(PLANOMSORG_DIST_UNIFORM, un, 2, 1.0, 0.16 / 12);
    double tr[3] = {0.7, 0.9, 1.3};
    double tv = (0.49 + 0.81 + 1.69 - 0.63 - 0.91 - 1.17) / 18;
    check_moments(PLANOMSORG_DIST_TRIANGULAR, tr, 3, (0.7 + 0.9 + 1.3) / 3, tv);
    double sn[3] = {1.0, 0.05, 0.15};
    /* Split normal: mean = mode + sqrt(2/pi)(s2 - s1), var = (1 - 2/pi)(s2 - s1)^2 + s1 s2. */
    double sm = 1.0 + sqrt(2 / pi) * 0.10, sv = (1 - 2 / pi) * 0.01 + 0.05 * 0.15;
    check_moments(PLANOMSORG_DIST_SPLIT_NORMAL, sn, 3, sm, sv);
    double fx[1] = {0.3}, y[3];
    assert_int_equal(planomsorg_dist_sample(y, 3, PLANOMSORG_DIST_FIXED, fx, 1, 1), PLANOMSORG_OK);
    assert_true(y[0] == 0.3 && y[2] == 0.3);
    /* Same seed, same values. */
    double a[5], b[5];
    planomsorg_dist_sample(a, 5, PLANOMSORG_DIST_NORMAL, n, 2, 7);
    planomsorg_dist_sample(b, 5, PLANOMSORG_DIST_NORMAL, n, 2, 7);
    assert_memory_equal(a, b, sizeof a);
    /* Bad parameters. */
    double bad[3] = {1, -1, 0};
    assert_error(planomsorg_dist_sample(y, 1, PLANOMSORG_DIST_NORMAL, bad, 2, 1),
                 PLANOMSORG_EVALUE, "standard deviation");
    assert_error(planomsorg_dist_sample(y, 1, PLANOMSORG_DIST_NORMAL, bad, 3, 1),
                 PLANOMSORG_EDIMENSION, "takes 2 parameters");
    assert_error(planomsorg_dist_sample(y, 1, PLANOMSORG_DIST_TRIANGULAR, bad, 3, 1),
                 PLANOMSORG_EVALUE, "lo <= mode <= hi");
    assert_error(planomsorg_dist_sample(y, 1, PLANOMSORG_DIST_BETA, bad, 2, 1), PLANOMSORG_EVALUE,
                 "a and b");
    double inf[2] = {INFINITY, 1};
    assert_error(planomsorg_dist_sample(y, 1, PLANOMSORG_DIST_UNIFORM, inf, 2, 1),
                 PLANOMSORG_EVALUE, "not finite");
    assert_error(planomsorg_dist_sample(y, 1, 9, n, 2, 1), PLANOMSORG_EINVAL, "distribution 9");
    int d;
    assert_int_equal(planomsorg_dist_find(&d, "split_normal"), PLANOMSORG_OK);
    assert_int_equal(d, PLANOMSORG_DIST_SPLIT_NORMAL);
    assert_error(planomsorg_dist_find(&d, "gamma"), PLANOMSORG_ENOTFOUND, "gamma");
    assert_string_equal(planomsorg_mc_measure_name(PLANOMSORG_MC_COVERAGE_24H), "coverage_24h");
    assert_string_equal(planomsorg_mc_noise_name(PLANOMSORG_MC_NOISE_USERS), "users");
    assert_null(planomsorg_mc_noise_name(PLANOMSORG_MC_NOISE_ALL));
}

/* ---------- Dirichlet draws ---------- */

static void test_dirichlet_draws(void **state)
{
    (void)state;
    const int b1[1] = {0};
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_new(&est, 3, b1, 1), PLANOMSORG_OK);
    /* Row 0: counts 20, 5, 0; rows 1 and 2 empty (prior only). */
    planomsorg_estimate_add(est, 70, 0, 0, 0, 20);
    planomsorg_estimate_add(est, 70, 0, 0, 1, 5);
    planomsorg_estimate_set_prior(est, PLANOMSORG_PRIOR_UNIFORM, 1.5);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 3);
    enum { N = 100000 };
    double sum[9] = {0}, sq[9] = {0}, m[9];
    for (int i = 0; i < N; i++) {
        pl_estimate_draw_matrix(est, 0, 0, rng, m);
        for (int j = 0; j < 9; j++) {
            sum[j] += m[j];
            sq[j] += m[j] * m[j];
        }
        for (int r = 0; r < 3; r++)
            assert_true(fabs(m[r * 3] + m[r * 3 + 1] + m[r * 3 + 2] - 1) < 1e-12);
    }
    gsl_rng_free(rng);
    double mean[9], sd[9];
    planomsorg_estimate_matrix(mean, sd, 9, est, PLANOMSORG_ESTIMATE_POSTERIOR, 0, 0);
    for (int j = 0; j < 9; j++) {
        double mu = sum[j] / N, var = sq[j] / N - mu * mu;
        /* Posterior mean (n + a) / (n0 + a0) and variance m (1 - m) / (n0 + a0 + 1). */
        assert_close(mu, mean[j], 5 * sd[j] / sqrt(N), "Dirichlet mean");
        assert_close(sqrt(var), sd[j], 0.02 * sd[j], "Dirichlet sd");
    }
    planomsorg_estimate_free(est);
}

/* ---------- Monte Carlo over a Markov projection ---------- */

static const int tbands[2] = {0, 80};

static planomsorg_staircase *make_staircase(void)
{
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new(&sc), PLANOMSORG_OK);
    planomsorg_staircase_add_level(sc, "none", PLANOMSORG_LEVEL_KIND_NONE, 0);
    planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, 0);
    planomsorg_staircase_add_level(sc, "nursing", PLANOMSORG_LEVEL_KIND_HOME, 0);
    planomsorg_staircase_add_level(sc, "institution", PLANOMSORG_LEVEL_KIND_LONG_TERM,
                                   PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY);
    return sc;
}

static planomsorg_population *make_pop(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, Y0, NY, MAXA), PLANOMSORG_OK);
    for (int t = 0; t < NY; t++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= MAXA; a++)
                planomsorg_population_set(pop, Y0 + t, s, a,
                                          (900.0 - 8.0 * a + 20.0 * s) * exp(-0.0003 * a * a) *
                                                  (1.0 + 0.01 * t) +
                                              2.0);
    return pop;
}

/* An estimate with counts of a few hundred per row (so draws vary visibly). */
static planomsorg_estimate *make_estimate(void)
{
    static const double T[2][K * K] = {
        {0.90, 0.07, 0.02, 0.01, 0.10, 0.70, 0.15, 0.05, 0.02, 0.08, 0.75, 0.15, 0, 0, 0.02, 0.98},
        {0.80, 0.12, 0.05, 0.03, 0.05, 0.65, 0.20, 0.10, 0.01, 0.04, 0.70, 0.25, 0, 0, 0.01, 0.99}};
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_new(&est, K, tbands, 2), PLANOMSORG_OK);
    for (int b = 0; b < 2; b++)
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < K; i++) {
                for (int j = 0; j < K; j++)
                    planomsorg_estimate_add(est, tbands[b], s, i, j, round(300 * T[b][i * K + j]));
                planomsorg_estimate_add(est, tbands[b], s, i, PLANOMSORG_LEVEL_DEATH, 10 + 5 * i);
            }
    return est;
}

static planomsorg_services *make_services(const planomsorg_staircase *sc,
                                          const planomsorg_estimate *est)
{
    planomsorg_services *svc = NULL;
    assert_int_equal(planomsorg_services_new(&svc, sc), PLANOMSORG_OK);
    double rates[K * 2 * 2];
    for (int k = 0; k < K; k++)
        for (int b = 0; b < 2; b++)
            for (int s = 0; s < 2; s++)
                rates[(k * 2 + b) * 2 + s] = k == 0 ? 0 : (b == 0 ? 0.01 : 0.08) / k;
    assert_int_equal(planomsorg_services_set_rates(svc, rates, K * 4, tbands, 2), PLANOMSORG_OK);
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_estimate_transitions(&tr, est, PLANOMSORG_ESTIMATE_POSTERIOR),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_transitions(svc, tr), PLANOMSORG_OK);
    planomsorg_transitions_free(tr);
    assert_int_equal(planomsorg_services_set_mode(svc, PLANOMSORG_MODE_MARKOV), PLANOMSORG_OK);
    return svc;
}

struct fixture {
    planomsorg_staircase *sc;
    planomsorg_population *pop;
    planomsorg_estimate *est;
    planomsorg_services *svc;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->sc = make_staircase();
    f->pop = make_pop();
    f->est = make_estimate();
    f->svc = make_services(f->sc, f->est);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    planomsorg_services_free(f->svc);
    planomsorg_estimate_free(f->est);
    planomsorg_population_free(f->pop);
    planomsorg_staircase_free(f->sc);
    free(f);
    return 0;
}

/* All draws of every users measure, in a flat array. */
static double *all_draws(const planomsorg_mc *mc, int n)
{
    int nb1 = planomsorg_mc_n_bands(mc) + 1;
    double *x = malloc((size_t)NY * K * nb1 * 2 * (size_t)n * sizeof *x);
    double *p = x;
    for (int m = 0; m < 2; m++)
        for (int t = 0; t < NY; t++)
            for (int k = 0; k < K; k++)
                for (int b = 0; b < nb1; b++, p += n)
                    assert_int_equal(planomsorg_mc_draws(p, (size_t)n, mc, m, Y0 + t, k, b),
                                     PLANOMSORG_OK);
    return x;
}

static void test_threads_identical(void **state)
{
    struct fixture *f = *state;
    planomsorg_mc *mc = NULL;
    assert_int_equal(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_estimate(mc, f->est), PLANOMSORG_OK);
    double tri[3] = {0.8, 1.0, 1.1}, sn[3] = {1.0, 0.05, 0.1};
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE,
                                             PLANOMSORG_DIST_TRIANGULAR, tri, 3),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_DREINING,
                                             PLANOMSORG_DIST_SPLIT_NORMAL, sn, 3),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_noise(mc, PLANOMSORG_MC_NOISE_USERS), PLANOMSORG_OK);
    enum { N = 40 };
    assert_int_equal(planomsorg_mc_run(mc, N, 2026, 1), PLANOMSORG_OK);
    double *one = all_draws(mc, N);
    size_t cells = (size_t)NY * K * (planomsorg_mc_n_bands(mc) + 1) * 2 * N;
    for (int threads = 2; threads <= 3; threads++) {
        assert_int_equal(planomsorg_mc_run(mc, N, 2026, threads), PLANOMSORG_OK);
        double *many = all_draws(mc, N);
        assert_memory_equal(one, many, cells * sizeof *one);
        free(many);
    }
    /* The first draws of a longer run are the same draws. */
    assert_int_equal(planomsorg_mc_run(mc, N + 7, 2026, 2), PLANOMSORG_OK);
    double x[N + 7];
    assert_int_equal(planomsorg_mc_draws(x, N + 7, mc, PLANOMSORG_MC_USERS, Y0 + NY - 1, 3,
                                         3),
                     PLANOMSORG_OK);
    size_t off = ((size_t)(NY - 1) * K * 4 + 3 * 4 + 3) * N;
    assert_memory_equal(x, one + off, N * sizeof *x);
    /* Another seed gives other draws. */
    assert_int_equal(planomsorg_mc_run(mc, N, 2027, 2), PLANOMSORG_OK);
    double *other = all_draws(mc, N);
    assert_true(memcmp(one, other, cells * sizeof *one) != 0);
    free(other);
    free(one);
    planomsorg_mc_free(mc);
}

static void test_fixed_matches_deterministic(void **state)
{
    struct fixture *f = *state;
    /* Deterministic run with family care 0.9 and dreining 0.8 on the 24-hour level. */
    const double fam = 0.9, dre = 0.8;
    planomsorg_services *svc = make_services(f->sc, f->est);
    assert_int_equal(planomsorg_services_set_family_care(svc, &fam, Y0, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_services_set_dreining(svc, 3, &dre, Y0, 1), PLANOMSORG_OK);
    planomsorg_result *res = NULL;
    assert_int_equal(planomsorg_services_run(&res, svc, f->pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);

    planomsorg_mc *mc = NULL;
    assert_int_equal(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE,
                                             PLANOMSORG_DIST_FIXED, &fam, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_DREINING,
                                             PLANOMSORG_DIST_FIXED, &dre, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_run(mc, 5, 1, 2), PLANOMSORG_OK);
    const int lo[4] = {0, 67, 80, 0}, hi[4] = {66, 79, PLANOMSORG_AGE_OPEN, PLANOMSORG_AGE_OPEN};
    for (int t = 0; t < NY; t++) {
        for (int k = 0; k < K; k++)
            for (int b = 0; b < 4; b++) {
                double want, got[5];
                planomsorg_result_users(&want, res, Y0 + t, k, PLANOMSORG_SEX_BOTH, lo[b], hi[b]);
                planomsorg_mc_draws(got, 5, mc, PLANOMSORG_MC_USERS, Y0 + t, k, b);
                for (int d = 0; d < 5; d++)
                    assert_close(got[d], want, 1e-9 * fmax(want, 1), "users");
                double q;
                planomsorg_mc_quantile(&q, mc, 0.37, PLANOMSORG_MC_USERS, Y0 + t, k, b);
                assert_close(q, want, 1e-9 * fmax(want, 1), "quantile of a constant");
            }
        double cw, cg;
        planomsorg_result_coverage_24h(&cw, res, Y0 + t, 1);
        planomsorg_mc_quantile(&cg, mc, 0.5, PLANOMSORG_MC_COVERAGE_24H, Y0 + t, 0, 0);
        assert_close(cg, cw, 1e-12, "coverage");
    }
    planomsorg_mc_free(mc);
    planomsorg_result_free(res);
    planomsorg_services_free(svc);
}

static void test_conservation_and_quantiles(void **state)
{
    struct fixture *f = *state;
    planomsorg_mc *mc = NULL;
    assert_int_equal(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_estimate(mc, f->est), PLANOMSORG_OK);
    enum { N = 101 };
    assert_int_equal(planomsorg_mc_run(mc, N, 99, 0), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_n_draws(mc), N);
    for (int t = 0; t < NY; t++) {
        double total = 0, u[K][N];
        planomsorg_population_sum(f->pop, Y0 + t, PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN,
                                  &total);
        for (int k = 0; k < K; k++)
            planomsorg_mc_draws(u[k], N, mc, PLANOMSORG_MC_USERS, Y0 + t, k, 3);
        for (int d = 0; d < N; d++) {
            double s = 0;
            for (int k = 0; k < K; k++)
                s += u[k][d];
            assert_close(s, total, 1e-9 * total, "persons in every draw");
        }
    }
    /* Type 7 percentiles by hand: sorted x, h = (N - 1) p. */
    double x[N];
    planomsorg_mc_draws(x, N, mc, PLANOMSORG_MC_USERS, Y0 + NY - 1, 3, 2);
    for (int i = 1; i < N; i++)
        for (int j = i; j > 0 && x[j - 1] > x[j]; j--) {
            double tmp = x[j];
            x[j] = x[j - 1];
            x[j - 1] = tmp;
        }
    assert_true(x[N - 1] > x[0]); /* the draws vary */
    const double probs[4] = {0, 0.05, 0.5, 0.975};
    for (int i = 0; i < 4; i++) {
        double h = (N - 1) * probs[i], want = x[(int)h] + (h - (int)h) *
                                                              ((int)h + 1 < N ? x[(int)h + 1] - x[(int)h] : 0);
        double got;
        assert_int_equal(planomsorg_mc_quantile(&got, mc, probs[i], PLANOMSORG_MC_USERS,
                                                Y0 + NY - 1, 3, 2),
                         PLANOMSORG_OK);
        assert_close(got, want, 1e-9 * want, "type 7");
    }
    double mean, sd;
    assert_int_equal(planomsorg_mc_mean(&mean, &sd, mc, PLANOMSORG_MC_USERS, Y0 + NY - 1, 3,
                                        2),
                     PLANOMSORG_OK);
    assert_true(sd > 0 && mean > x[0] && mean < x[N - 1]);

    /* The CSV: a header with p05,p50,p95 and p50 equal to the quantile function. */
    char path[128];
    snprintf(path, sizeof path, "/tmp/test_mc_%ld.csv", (long)getpid());
    assert_int_equal(planomsorg_mc_write_csv(mc, path, NULL, 0), PLANOMSORG_OK);
    FILE *fp = fopen(path, "r");
    char line[512];
    assert_non_null(fgets(line, sizeof line, fp));
    assert_string_equal(line, "year,measure,level,band,sex,mean,sd,p05,p50,p95\n");
    int rows = 0, found = 0;
    while (fgets(line, sizeof line, fp)) {
        rows++;
        if (strncmp(line, "2030,users,institution,80+,both,", 32) == 0) {
            double m2, s2, p05, p50, p95;
            assert_int_equal(sscanf(line + 32, "%lf,%lf,%lf,%lf,%lf", &m2, &s2, &p05, &p50, &p95),
                             5);
            double q;
            planomsorg_mc_quantile(&q, mc, 0.5, PLANOMSORG_MC_USERS, 2030, 3, 2);
            assert_close(p50, q, 1e-12 * q, "CSV p50");
            assert_true(p05 <= p50 && p50 <= p95);
            found = 1;
        }
    }
    fclose(fp);
    remove(path);
    assert_true(found);
    assert_int_equal(rows, NY * (2 * K * 4 + 1));
    const double bp[1] = {1.5};
    assert_error(planomsorg_mc_write_csv(mc, path, bp, 1), PLANOMSORG_EVALUE, "1.5");
    planomsorg_mc_free(mc);
}

static void test_population_noise(void **state)
{
    struct fixture *f = *state;
    planomsorg_mc *mc = NULL;
    assert_int_equal(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + NY - 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_noise(mc, PLANOMSORG_MC_NOISE_POPULATION), PLANOMSORG_OK);
    enum { N = 60 };
    assert_int_equal(planomsorg_mc_run(mc, N, 5, 2), PLANOMSORG_OK);
    /* Total persons of the last year: the mean of N Poisson sums within 4 standard errors
     * of the expected total (variance = mean for a Poisson sum). */
    double total, u[K][N];
    planomsorg_population_sum(f->pop, Y0 + NY - 1, PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN,
                              &total);
    for (int k = 0; k < K; k++)
        planomsorg_mc_draws(u[k], N, mc, PLANOMSORG_MC_USERS, Y0 + NY - 1, k, 3);
    double m = 0, v = 0, s[N];
    for (int d = 0; d < N; d++) {
        s[d] = 0;
        for (int k = 0; k < K; k++)
            s[d] += u[k][d];
        m += s[d];
    }
    m /= N;
    for (int d = 0; d < N; d++)
        v += (s[d] - m) * (s[d] - m);
    v /= N - 1;
    assert_close(m, total, 4 * sqrt(total / N), "Poisson mean");
    /* Sample variance of N Poisson sums within a factor 2 of the mean. */
    assert_true(v > total / 2 && v < total * 2);
    planomsorg_mc_free(mc);
}

static void test_bad_input(void **state)
{
    struct fixture *f = *state;
    planomsorg_mc *mc = NULL;
    assert_error(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + NY), PLANOMSORG_ERANGE, "");
    assert_null(mc);
    assert_int_equal(planomsorg_mc_new(&mc, f->svc, f->pop, Y0, Y0 + 2), PLANOMSORG_OK);
    double p[2] = {0, 1}, q;
    assert_error(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_STANDARD, PLANOMSORG_DIST_UNIFORM,
                                         p, 2),
                 PLANOMSORG_EUNSUPPORTED, "staffing");
    assert_error(planomsorg_mc_set_lever(mc, 17, PLANOMSORG_DIST_UNIFORM, p, 2),
                 PLANOMSORG_EINVAL, "lever 17");
    assert_error(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_HEALTH, PLANOMSORG_DIST_UNIFORM, p,
                                         1),
                 PLANOMSORG_EDIMENSION, "uniform");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, 0, Y0, 0, 0), PLANOMSORG_ESTATE, "no Monte");
    assert_error(planomsorg_mc_set_noise(mc, 8u), PLANOMSORG_EINVAL, "noise");
    assert_error(planomsorg_mc_run(mc, 0, 1, 1), PLANOMSORG_ERANGE, "draws");
    assert_error(planomsorg_mc_run(mc, 2, 1, -1), PLANOMSORG_ERANGE, "threads");
    const int bad[2] = {5, 10};
    assert_error(planomsorg_mc_set_bands(mc, bad, 2), PLANOMSORG_EINVAL, "age 0");
    const int five[2] = {0, 65};
    assert_int_equal(planomsorg_mc_set_bands(mc, five, 2), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_run(mc, 2, 1, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_n_bands(mc), 2);
    assert_error(planomsorg_mc_quantile(&q, mc, 1.5, 0, Y0, 0, 0), PLANOMSORG_EVALUE, "1.5");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, 0, Y0 + 3, 0, 0), PLANOMSORG_ERANGE,
                 "year 2028");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, 0, Y0, K, 0), PLANOMSORG_ERANGE, "level 4");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, 0, Y0, 0, 3), PLANOMSORG_ERANGE, "band 3");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, 5, Y0, 0, 0), PLANOMSORG_EINVAL, "measure");
    double x[3];
    assert_error(planomsorg_mc_draws(x, 3, mc, 0, Y0, 0, 0), PLANOMSORG_EDIMENSION, "2 draws");
    /* An estimate with other levels; rates mode. */
    const int b1[1] = {0};
    planomsorg_estimate *e3 = NULL;
    planomsorg_estimate_new(&e3, 3, b1, 1);
    assert_error(planomsorg_mc_set_estimate(mc, e3), PLANOMSORG_EDIMENSION, "3 levels");
    planomsorg_estimate_free(e3);
    planomsorg_mc_free(mc);
    planomsorg_services *rates = NULL;
    planomsorg_services_new(&rates, f->sc);
    assert_int_equal(planomsorg_mc_new(&mc, rates, f->pop, Y0, Y0 + 2), PLANOMSORG_OK);
    assert_error(planomsorg_mc_set_estimate(mc, f->est), PLANOMSORG_ESTATE, "Markov");
    /* A run that fails (no rates): the status and the draw are reported. */
    assert_error(planomsorg_mc_run(mc, 3, 1, 2), PLANOMSORG_ESTATE, "draw 0: ");
    assert_int_equal(planomsorg_mc_n_draws(mc), 0);
    planomsorg_mc_free(mc);
    planomsorg_services_free(rates);
    planomsorg_mc_free(NULL);
}

/* ---------- plan mode ---------- */

static void test_plan_mode(void **state)
{
    (void)state;
    planomsorg_plan *plan = NULL, *ref = NULL;
    assert_int_equal(planomsorg_plan_new(&plan, "5001", 2026, 2030), PLANOMSORG_OK);
    /* Reference: the middle bundle with family care 0.9 and productivity 0.01, run as a
     * plain plan. */
    planomsorg_scenario *sc = NULL;
    assert_int_equal(planomsorg_scenario_new_bundle(&sc, PLANOMSORG_BUNDLE_MIDDLE), PLANOMSORG_OK);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, 0.9), 0);
    assert_int_equal(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY, 0.01), 0);
    assert_int_equal(planomsorg_plan_new(&ref, "5001", 2026, 2030), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_add_scenario(ref, sc), PLANOMSORG_OK);
    planomsorg_plan_result *rr = NULL, *r0 = NULL;
    assert_int_equal(planomsorg_plan_run(&rr, ref), PLANOMSORG_OK);
    assert_int_equal(planomsorg_plan_run(&r0, plan), PLANOMSORG_OK);

    planomsorg_mc *mc = NULL;
    assert_error(planomsorg_mc_new_plan(&mc, plan, 0), PLANOMSORG_ERANGE, "scenario 0");
    assert_int_equal(planomsorg_mc_new_plan(&mc, plan, -1), PLANOMSORG_OK);
    const double fam = 0.9, prod = 0.01;
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE,
                                             PLANOMSORG_DIST_FIXED, &fam, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_PRODUCTIVITY,
                                             PLANOMSORG_DIST_FIXED, &prod, 1),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_mc_run(mc, 3, 11, 2), PLANOMSORG_OK);
    const int measures[4] = {PLANOMSORG_MEASURE_USERS, PLANOMSORG_MEASURE_FTE_DEMAND,
                             PLANOMSORG_MEASURE_COST_TOTAL, PLANOMSORG_MEASURE_COVERAGE_24H_80P};
    for (int y = 2026; y <= 2030; y++)
        for (int i = 0; i < 4; i++) {
            double want, base, got[3], central;
            assert_int_equal(planomsorg_plan_result_get(&want, rr, 0, y, measures[i],
                                                        PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL),
                             PLANOMSORG_OK);
            planomsorg_plan_result_get(&base, r0, 0, y, measures[i], PLANOMSORG_PLAN_ALL,
                                       PLANOMSORG_PLAN_ALL);
            assert_int_equal(planomsorg_mc_plan_draws(got, 3, mc, y, measures[i],
                                                      PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL),
                             PLANOMSORG_OK);
            for (int d = 0; d < 3; d++)
                assert_close(got[d], want, 1e-9 * fmax(fabs(want), 1), "plan draw");
            assert_int_equal(planomsorg_mc_plan_summary(&central, NULL, NULL, mc, y, measures[i],
                                                        PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL),
                             PLANOMSORG_OK);
            assert_close(central, base, 1e-9 * fmax(fabs(base), 1), "central");
        }
    /* By level: users of level 3. */
    double w3, g3;
    planomsorg_plan_result_get(&w3, rr, 0, 2030, PLANOMSORG_MEASURE_USERS, 3, PLANOMSORG_PLAN_ALL);
    planomsorg_mc_plan_quantile(&g3, mc, 0.5, 2030, PLANOMSORG_MEASURE_USERS, 3,
                                PLANOMSORG_PLAN_ALL);
    assert_close(g3, w3, 1e-9 * w3, "users of level 3");

    /* Random levers: identical draws with 1 and 2 threads, and a spread. */
    const double un[2] = {0.8, 1.1}, be[4] = {2, 2, 0, 0.02};
    planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE, PLANOMSORG_DIST_UNIFORM, un, 2);
    planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_PRODUCTIVITY, PLANOMSORG_DIST_BETA, be, 4);
    enum { N = 6 };
    double a[N], b[N], c[N], e[N];
    assert_int_equal(planomsorg_mc_run(mc, N, 5, 1), PLANOMSORG_OK);
    planomsorg_mc_plan_draws(a, N, mc, 2030, PLANOMSORG_MEASURE_USERS, 2, PLANOMSORG_PLAN_ALL);
    planomsorg_mc_plan_draws(c, N, mc, 2030, PLANOMSORG_MEASURE_FTE_DEMAND, PLANOMSORG_PLAN_ALL, 0);
    assert_int_equal(planomsorg_mc_run(mc, N, 5, 2), PLANOMSORG_OK);
    planomsorg_mc_plan_draws(b, N, mc, 2030, PLANOMSORG_MEASURE_USERS, 2, PLANOMSORG_PLAN_ALL);
    planomsorg_mc_plan_draws(e, N, mc, 2030, PLANOMSORG_MEASURE_FTE_DEMAND, PLANOMSORG_PLAN_ALL, 0);
    assert_memory_equal(a, b, sizeof a);
    assert_memory_equal(c, e, sizeof c);
    assert_true(a[0] != a[1]);

    char path[128];
    snprintf(path, sizeof path, "/tmp/test_mc_plan_%ld.csv", (long)getpid());
    assert_int_equal(planomsorg_mc_write_csv(mc, path, NULL, 0), PLANOMSORG_OK);
    FILE *fp = fopen(path, "r");
    char line[512];
    assert_non_null(fgets(line, sizeof line, fp));
    assert_string_equal(line, "scenario,year,measure,level,group,value,mean,sd,p05,p50,p95\n");
    assert_non_null(fgets(line, sizeof line, fp));
    assert_true(strncmp(line, "middle,2026,population,all,all,", 31) == 0);
    fclose(fp);
    remove(path);

    /* Bad use in plan mode. */
    double q;
    assert_error(planomsorg_mc_set_noise(mc, PLANOMSORG_MC_NOISE_USERS), PLANOMSORG_EUNSUPPORTED,
                 "services");
    assert_error(planomsorg_mc_set_bands(mc, tbands, 2), PLANOMSORG_EUNSUPPORTED, "bands");
    assert_error(planomsorg_mc_quantile(&q, mc, 0.5, PLANOMSORG_MC_USERS, 2030, 0, 0),
                 PLANOMSORG_ESTATE, "planomsorg_mc_plan_");
    assert_error(planomsorg_mc_plan_quantile(&q, mc, 0.5, 2030, PLANOMSORG_MEASURE_FTE_DEMAND, 1, 0),
                 PLANOMSORG_ERANGE, "one of them at a time");
    assert_error(planomsorg_mc_plan_quantile(&q, mc, 0.5, 2031, PLANOMSORG_MEASURE_USERS, -1, -1),
                 PLANOMSORG_ERANGE, "year 2031");
    planomsorg_estimate *est = make_estimate();
    assert_error(planomsorg_mc_set_estimate(mc, est), PLANOMSORG_ESTATE, "transitions");
    planomsorg_estimate_free(est);
    planomsorg_mc_free(mc);
    planomsorg_plan_result_free(rr);
    planomsorg_plan_result_free(r0);
    planomsorg_plan_free(ref);
    planomsorg_plan_free(plan);
    planomsorg_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distributions),
        cmocka_unit_test(test_dirichlet_draws),
        cmocka_unit_test_setup_teardown(test_threads_identical, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fixed_matches_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conservation_and_quantiles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_population_noise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test(test_plan_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
