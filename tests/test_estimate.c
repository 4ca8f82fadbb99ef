/* Estimation: counts from panel CSV against an independent count in this file, recovery
 * of known matrices and relative mortality from synthetic panels (every entry within 4
 * standard errors, 95 % coverage and a chi-square test), Dirichlet posterior and pooling
 * formulas by hand, calibration to stocks checked by an independent projection, and
 * every kind of bad record in strict and skip mode. */
#include <planomsorg.h>

#include <gsl/gsl_cdf.h>
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
#define NB 2

static const int bands[NB] = {0, 80};

static void assert_error(int rc, int code, const char *fragment)
{
    if (rc != code || strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("expected %s with \"%s\", got %d: %s", planomsorg_strerror(code), fragment, rc,
                 planomsorg_error_last());
}

static planomsorg_staircase *make_staircase(void)
{
    planomsorg_staircase *sc = NULL;
    assert_int_equal(planomsorg_staircase_new(&sc), PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "none", PLANOMSORG_LEVEL_KIND_NONE, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "nursing", PLANOMSORG_LEVEL_KIND_HOME, 0),
                     PLANOMSORG_OK);
    assert_int_equal(planomsorg_staircase_add_level(sc, "institution",
                                                    PLANOMSORG_LEVEL_KIND_LONG_TERM,
                                                    PLANOMSORG_LEVEL_FLAG_24H),
                     PLANOMSORG_OK);
    return sc;
}

/* True matrices [band][sex][K*K]; the last row has structural zeros. */
static const double truth[NB][2][K * K] = {
    {{0.90, 0.07, 0.02, 0.01, 0.10, 0.70, 0.15, 0.05, 0.02, 0.08, 0.75, 0.15, 0, 0, 0.02, 0.98},
     {0.92, 0.05, 0.02, 0.01, 0.12, 0.68, 0.15, 0.05, 0.03, 0.07, 0.72, 0.18, 0, 0, 0.03, 0.97}},
    {{0.80, 0.12, 0.05, 0.03, 0.05, 0.65, 0.20, 0.10, 0.01, 0.04, 0.70, 0.25, 0, 0, 0.01, 0.99},
     {0.82, 0.10, 0.05, 0.03, 0.06, 0.64, 0.20, 0.10, 0.01, 0.05, 0.69, 0.25, 0, 0, 0.02, 0.98}},
};
static const double true_mu[K] = {1.0, 1.3, 1.8, 2.5};
static const double q_base[NB * 2] = {0.02, 0.025, 0.08, 0.10};
static const double initial[K] = {0.5, 0.25, 0.15, 0.10};

static planomsorg_transitions *make_truth(void)
{
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, K, bands, NB, 0, 0), PLANOMSORG_OK);
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++)
            assert_int_equal(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, b, s,
                                                               truth[b][s], K * K),
                             PLANOMSORG_OK);
    assert_int_equal(planomsorg_transitions_set_mortality(tr, true_mu, K), PLANOMSORG_OK);
    return tr;
}

static void temp_path(char *path, size_t size, const char *tag)
{
    snprintf(path, size, "/tmp/test_estimate_%s_%ld.csv", tag, (long)getpid());
}

/* Independent count: reads the synthetic file line by line (rows of a person are
 * consecutive and in year order there) and tallies transitions [band][sex][from][to]. */
static void count_by_hand(const char *path, const planomsorg_staircase *sc, double *counts)
{
    const char *names[K + 1] = {"none", "home", "nursing", "institution", "death"};
    (void)sc;
    memset(counts, 0, NB * 2 * K * (K + 1) * sizeof *counts);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    long pp = -1;
    int py = 0, pa = 0, plev = -1;
    while (fgets(line, sizeof line, f)) {
        long p;
        int y, a;
        char sx[16], lv[32];
        assert_int_equal(sscanf(line, "%ld,%d,%d,%15[^,],%31[^\n]", &p, &y, &a, sx, lv), 5);
        int lev = -1;
        for (int k = 0; k <= K; k++)
            if (!strcmp(lv, names[k]))
                lev = k;
        assert_true(lev >= 0);
        int s = sx[0] == 'm';
        if (p == pp && y == py + 1 && plev >= 0 && plev < K) {
            int b = pa >= 80;
            counts[((b * 2 + s) * K + plev) * (K + 1) + lev] += 1;
        }
        pp = p, py = y, pa = a, plev = lev;
    }
    fclose(f);
}

static void test_recovery(void **state)
{
    (void)state;
    planomsorg_staircase *sc = make_staircase();
    planomsorg_transitions *tr = make_truth();
    char path[128];
    temp_path(path, sizeof path, "recovery");
    assert_int_equal(planomsorg_panel_simulate_csv(path, tr, sc, q_base, NB * 2, initial, K,
                                                   20000, 60, 95, 2015, 6, 20261122UL),
                     PLANOMSORG_OK);
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_read_panel_csv(&est, path, sc, bands, NB,
                                                        PLANOMSORG_PANEL_STRICT),
                     PLANOMSORG_OK);
    assert_int_equal((int)planomsorg_estimate_n_issues(est), 0);
    size_t rows, persons;
    assert_int_equal(planomsorg_estimate_panel_size(&rows, &persons, NULL, est), PLANOMSORG_OK);
    assert_int_equal((int)persons, 20000);

    /* Counts identical to the independent tally. */
    static double hand[NB * 2 * K * (K + 1)];
    count_by_hand(path, sc, hand);
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            double c[K * (K + 1)];
            assert_int_equal(planomsorg_estimate_counts(c, K * (K + 1), est, b, s, 0),
                             PLANOMSORG_OK);
            for (int m = 0; m < K * (K + 1); m++)
                assert_true(c[m] == hand[(b * 2 + s) * K * (K + 1) + m]);
        }

    /* Every entry within 4 standard errors (computed from the true p), 95 % intervals
     * covering about 95 % of the entries, and Pearson's chi-square over all rows. */
    int n_entries = 0, covered = 0, df = 0;
    double x2 = 0;
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            double p[K * K], se[K * K], c[K * (K + 1)];
            assert_int_equal(planomsorg_estimate_matrix(p, se, K * K, est, PLANOMSORG_ESTIMATE_ML,
                                                        b, s),
                             PLANOMSORG_OK);
            planomsorg_estimate_counts(c, K * (K + 1), est, b, s, 0);
            for (int i = 0; i < K; i++) {
                double ni = 0;
                for (int j = 0; j < K; j++)
                    ni += c[i * (K + 1) + j];
                assert_true(ni > 200);
                int nz = 0;
                for (int j = 0; j < K; j++) {
                    double t = truth[b][s][i * K + j];
                    if (t == 0) {
                        assert_true(p[i * K + j] == 0);
                        continue;
                    }
                    nz++;
                    double sd = sqrt(t * (1 - t) / ni);
                    if (fabs(p[i * K + j] - t) > 4 * sd)
                        fail_msg("band %d sex %d (%d,%d): %g vs %g, sd %g", b, s, i, j,
                                 p[i * K + j], t, sd);
                    /* The reported SE agrees with the one from the true p to 15 %. */
                    assert_true(fabs(se[i * K + j] - sd) < 0.15 * sd);
                    n_entries++;
                    covered += fabs(p[i * K + j] - t) <= 1.959964 * se[i * K + j];
                    double e = ni * t;
                    x2 += (c[i * (K + 1) + j] - e) * (c[i * (K + 1) + j] - e) / e;
                }
                df += nz - 1;
            }
        }
    double coverage = (double)covered / n_entries;
    print_message("recovery: %d entries, 95%% coverage %.3f, chi2 %.2f on %d df (P %.3f)\n",
                  n_entries, coverage, x2, df, gsl_cdf_chisq_Q(x2, df));
    /* 58 entries: 3 binomial sd of the coverage is about 0.09. */
    assert_true(coverage >= 0.85);
    assert_true(gsl_cdf_chisq_Q(x2, df) > 1e-4);

    /* Relative mortality within 4 standard errors. */
    double mu[K], mse[K];
    assert_int_equal(planomsorg_estimate_mortality(mu, mse, K, est), PLANOMSORG_OK);
    assert_true(mu[0] == 1.0);
    for (int k = 1; k < K; k++) {
        print_message("mu[%d] = %.3f (se %.3f), true %.2f\n", k, mu[k], mse[k], true_mu[k]);
        assert_true(fabs(mu[k] - true_mu[k]) < 4 * mse[k]);
    }

    /* The transitions handle carries the same matrices and the mortality. */
    planomsorg_transitions *etr = NULL;
    assert_int_equal(planomsorg_estimate_transitions(&etr, est, PLANOMSORG_ESTIMATE_ML),
                     PLANOMSORG_OK);
    double a[K * K], m2[K * K], mu2[K];
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            planomsorg_estimate_matrix(a, NULL, K * K, est, PLANOMSORG_ESTIMATE_ML, b, s);
            assert_int_equal(planomsorg_transitions_get_matrix(m2, K * K, etr, 2020, b, s),
                             PLANOMSORG_OK);
            for (int m = 0; m < K * K; m++)
                assert_true(a[m] == m2[m]);
        }
    planomsorg_transitions_get_mortality(mu2, K, etr);
    for (int k = 0; k < K; k++)
        assert_true(mu2[k] == mu[k]);

    /* Same seed, same file. */
    char path2[128];
    temp_path(path2, sizeof path2, "recovery2");
    assert_int_equal(planomsorg_panel_simulate_csv(path2, tr, sc, q_base, NB * 2, initial, K,
                                                   20000, 60, 95, 2015, 6, 20261122UL),
                     PLANOMSORG_OK);
    planomsorg_estimate *est2 = NULL;
    assert_int_equal(planomsorg_estimate_read_panel_csv(&est2, path2, sc, bands, NB, 0),
                     PLANOMSORG_OK);
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            double c1[K * (K + 1)], c2[K * (K + 1)];
            planomsorg_estimate_counts(c1, K * (K + 1), est, b, s, 0);
            planomsorg_estimate_counts(c2, K * (K + 1), est2, b, s, 0);
            assert_memory_equal(c1, c2, sizeof c1);
        }
    remove(path);
    remove(path2);
    planomsorg_estimate_free(est2);
    planomsorg_transitions_free(etr);
    planomsorg_estimate_free(est);
    planomsorg_transitions_free(tr);
    planomsorg_staircase_free(sc);
}

/* A small panel counted by hand: death as a level row and as a died column, censoring. */
static void test_counts_small(void **state)
{
    (void)state;
    planomsorg_staircase *sc = make_staircase();
    const char *text = "person,year,age,sex,level,died\n"
                       "a,2020,70,female,none,0\n"
                       "a,2021,71,female,home,0\n"
                       "a,2022,72,female,home,1\n"
                       "b,2021,85,m,nursing,\n"
                       "b,2020,84,m,home,\n"
                       "b,2022,86,m,death,\n"
                       "c,2020,90,k,3,1\n"
                       "c,2021,91,k,death,\n";
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_parse_panel_csv(&est, text, strlen(text), "small", sc,
                                                         bands, NB, 0),
                     PLANOMSORG_OK);
    double c[K * (K + 1)];
    /* band 0, women: none->home, home->home, home->death */
    planomsorg_estimate_counts(c, K * (K + 1), est, 0, 0, 0);
    assert_true(c[0 * 5 + 1] == 1 && c[1 * 5 + 1] == 1 && c[1 * 5 + 4] == 1);
    double total = 0;
    for (int m = 0; m < K * (K + 1); m++)
        total += c[m];
    assert_true(total == 3);
    /* band 1, men: home->nursing, nursing->death */
    planomsorg_estimate_counts(c, K * (K + 1), est, 1, 1, 0);
    assert_true(c[1 * 5 + 2] == 1 && c[2 * 5 + 4] == 1);
    /* band 1, women: institution->death once (died = 1 and the death row are one death) */
    planomsorg_estimate_counts(c, K * (K + 1), est, 1, 0, 0);
    assert_true(c[3 * 5 + 4] == 1);
    total = 0;
    for (int m = 0; m < K * (K + 1); m++)
        total += c[m];
    assert_true(total == 1);
    size_t rows, persons;
    double tr;
    planomsorg_estimate_panel_size(&rows, &persons, &tr, est);
    assert_int_equal((int)rows, 8);
    assert_int_equal((int)persons, 3);
    assert_true(tr == 6);
    planomsorg_estimate_free(est);
    planomsorg_staircase_free(sc);
}

/* Posterior mean and sd, and the pooling rule, on counts set through _add. */
static void test_posterior_and_pooling(void **state)
{
    (void)state;
    const int b5[5] = {0, 60, 70, 80, 90};
    planomsorg_estimate *est = NULL;
    assert_int_equal(planomsorg_estimate_new(&est, 3, b5, 5), PLANOMSORG_OK);
    /* Row 0 of band 2 (70-79), women: 6 -> 0, 3 -> 1, 1 -> 2, 2 deaths. */
    assert_int_equal(planomsorg_estimate_add(est, 75, 0, 0, 0, 6), PLANOMSORG_OK);
    assert_int_equal(planomsorg_estimate_add(est, 75, 0, 0, 1, 3), PLANOMSORG_OK);
    assert_int_equal(planomsorg_estimate_add(est, 71, 0, 0, 2, 1), PLANOMSORG_OK);
    assert_int_equal(planomsorg_estimate_add(est, 79, 0, 0, PLANOMSORG_LEVEL_DEATH, 2),
                     PLANOMSORG_OK);
    /* Neighbours: band 1 (60-69) 20 -> 0; band 3 (80-89) 10 -> 1; band 4 40 -> 2; men 50 -> 0. */
    planomsorg_estimate_add(est, 65, 0, 0, 0, 20);
    planomsorg_estimate_add(est, 85, 0, 0, 1, 10);
    planomsorg_estimate_add(est, 95, 0, 0, 2, 40);
    planomsorg_estimate_add(est, 75, 1, 0, 0, 50);

    double p[9], se[9];
    assert_int_equal(planomsorg_estimate_matrix(p, se, 9, est, PLANOMSORG_ESTIMATE_ML, 2, 0),
                     PLANOMSORG_OK);
    assert_true(fabs(p[0] - 0.6) < 1e-15 && fabs(p[1] - 0.3) < 1e-15 && fabs(p[2] - 0.1) < 1e-15);
    assert_true(fabs(se[1] - sqrt(0.3 * 0.7 / 10)) < 1e-15);
    /* Rows without data: identity under ML. */
    assert_true(p[4] == 1 && p[3] == 0 && isnan(se[4]));

    /* Uniform prior weight 3 (alpha 1 each): mean (n + 1) / (10 + 3). */
    assert_int_equal(planomsorg_estimate_set_prior(est, PLANOMSORG_PRIOR_UNIFORM, 3.0),
                     PLANOMSORG_OK);
    planomsorg_estimate_matrix(p, se, 9, est, PLANOMSORG_ESTIMATE_POSTERIOR, 2, 0);
    assert_true(fabs(p[0] - 7.0 / 13) < 1e-15 && fabs(p[2] - 2.0 / 13) < 1e-15);
    assert_true(fabs(se[0] - sqrt(7.0 / 13 * 6.0 / 13 / 14)) < 1e-15);
    assert_true(fabs(p[4] - 1.0 / 3) < 1e-15); /* the prior mean where no data */

    /* Pooled prior, weight 2: prior mean = all-band row of women = (26, 13, 41) / 80. */
    planomsorg_estimate_set_prior(est, PLANOMSORG_PRIOR_POOLED, 2.0);
    planomsorg_estimate_matrix(p, NULL, 9, est, PLANOMSORG_ESTIMATE_POSTERIOR, 2, 0);
    assert_true(fabs(p[1] - (3 + 2 * 13.0 / 80) / 12) < 1e-15);

    /* Pooling, min 25: own 10 < 25; add bands 1 and 3 -> 40 >= 25. */
    assert_int_equal(planomsorg_estimate_set_pooling(est, 25), PLANOMSORG_OK);
    double c[12];
    planomsorg_estimate_counts(c, 12, est, 2, 0, 1);
    assert_true(c[0] == 26 && c[1] == 13 && c[2] == 1 && c[3] == 2);
    planomsorg_estimate_matrix(p, NULL, 9, est, PLANOMSORG_ESTIMATE_ML, 2, 0);
    assert_true(fabs(p[0] - 26.0 / 40) < 1e-15);
    /* min 85: all women's bands give 80, then the men's bands: 130. */
    planomsorg_estimate_set_pooling(est, 85);
    planomsorg_estimate_counts(c, 12, est, 2, 0, 1);
    assert_true(c[0] == 76 && c[1] == 13 && c[2] == 41);
    /* Both sexes summed without pooling. */
    planomsorg_estimate_set_pooling(est, 0);
    planomsorg_estimate_counts(c, 12, est, 2, PLANOMSORG_SEX_BOTH, 0);
    assert_true(c[0] == 56 && c[3] == 2);

    /* Mortality needs deaths in level 0 and is 1 there. */
    double mu[3];
    assert_int_equal(planomsorg_estimate_mortality(mu, NULL, 3, est), PLANOMSORG_OK);
    assert_true(mu[0] == 1.0 && mu[1] == 1.0); /* level 1 has no persons at risk */

    /* Copy keeps everything. */
    planomsorg_estimate *cp = NULL;
    assert_int_equal(planomsorg_estimate_copy(&cp, est), PLANOMSORG_OK);
    double c2[12];
    planomsorg_estimate_counts(c2, 12, cp, 2, PLANOMSORG_SEX_BOTH, 0);
    assert_memory_equal(c, c2, sizeof c);
    planomsorg_estimate_free(cp);

    /* Bad arguments. */
    assert_error(planomsorg_estimate_add(est, 75, 0, 3, 0, 1), PLANOMSORG_ERANGE, "level 3");
    assert_error(planomsorg_estimate_add(est, 75, 0, 0, 7, 1), PLANOMSORG_ERANGE, "destination");
    assert_error(planomsorg_estimate_add(est, 75, 0, 0, 0, -1), PLANOMSORG_EVALUE, "weight");
    assert_error(planomsorg_estimate_add(est, 140, 0, 0, 0, 1), PLANOMSORG_ERANGE, "age 140");
    assert_error(planomsorg_estimate_set_prior(est, 5, 1), PLANOMSORG_EINVAL, "prior");
    assert_error(planomsorg_estimate_set_prior(est, 0, 0), PLANOMSORG_EVALUE, "weight");
    assert_error(planomsorg_estimate_set_pooling(est, -1), PLANOMSORG_EVALUE, "minimum");
    assert_error(planomsorg_estimate_matrix(p, NULL, 8, est, 0, 0, 0), PLANOMSORG_EDIMENSION, "K*K");
    assert_error(planomsorg_estimate_matrix(p, NULL, 9, est, 0, 5, 0), PLANOMSORG_ERANGE, "band 5");
    assert_error(planomsorg_estimate_matrix(p, NULL, 9, est, 9, 0, 0), PLANOMSORG_EINVAL, "method");
    planomsorg_estimate *e0 = NULL;
    assert_int_equal(planomsorg_estimate_new(&e0, 3, b5, 5), PLANOMSORG_OK);
    assert_error(planomsorg_estimate_mortality(mu, NULL, 3, e0), PLANOMSORG_ENUMERIC, "level 0");
    planomsorg_estimate_free(e0);
    assert_error(planomsorg_estimate_new(&e0, 0, b5, 5), PLANOMSORG_ERANGE, "levels");
    const int bad[2] = {0, 0};
    assert_error(planomsorg_estimate_new(&e0, 3, bad, 2), PLANOMSORG_EINVAL, "increase");
    assert_string_equal(planomsorg_estimate_method_name(1), "posterior");
    assert_string_equal(planomsorg_prior_name(PLANOMSORG_PRIOR_POOLED), "pooled");
    assert_string_equal(planomsorg_panel_issue_name(PLANOMSORG_PANEL_ISSUE_GAP), "gap");
    assert_null(planomsorg_panel_issue_name(7));
    assert_string_equal(planomsorg_panel_flag_name(PLANOMSORG_PANEL_SKIP_BAD), "skip_bad");
    assert_null(planomsorg_panel_flag_name(2u));
    assert_string_equal(planomsorg_calib_fit_name(PLANOMSORG_CALIB_CHI2), "chi2");
    assert_null(planomsorg_calib_fit_name(PLANOMSORG_CALIB_N_FIT));
    planomsorg_estimate_free(est);
    planomsorg_estimate_free(NULL);
}

/* One bad record of a kind: strict mode fails with the code and the line; skip mode
 * drops it, lists it, and counts the rest. */
struct bad_case {
    const char *body; /* rows after the header, the bad one on line `line` */
    int code, kind;
    size_t line;
    const char *fragment;
    double transitions; /* counted in skip mode */
};

static void check_bad(const struct bad_case *bc)
{
    planomsorg_staircase *sc = make_staircase();
    char text[1024];
    snprintf(text, sizeof text, "person,year,age,sex,level\n%s", bc->body);
    planomsorg_estimate *est = NULL;
    int rc = planomsorg_estimate_parse_panel_csv(&est, text, strlen(text), "panel.csv", sc, bands,
                                                 NB, PLANOMSORG_PANEL_STRICT);
    char where[64];
    snprintf(where, sizeof where, "panel.csv:%zu:", bc->line);
    assert_error(rc, bc->code, where);
    assert_error(rc, bc->code, bc->fragment);
    assert_null(est);
    assert_int_equal(planomsorg_estimate_parse_panel_csv(&est, text, strlen(text), "panel.csv",
                                                         sc, bands, NB,
                                                         PLANOMSORG_PANEL_SKIP_BAD),
                     PLANOMSORG_OK);
    assert_int_equal((int)planomsorg_estimate_n_issues(est), 1);
    size_t line;
    int kind;
    const char *msg;
    assert_int_equal(planomsorg_estimate_issue(&line, &kind, &msg, est, 0), PLANOMSORG_OK);
    assert_int_equal((int)line, (int)bc->line);
    assert_int_equal(kind, bc->kind);
    assert_non_null(strstr(msg, bc->fragment));
    double t;
    planomsorg_estimate_panel_size(NULL, NULL, &t, est);
    assert_true(t == bc->transitions);
    assert_error(planomsorg_estimate_issue(&line, &kind, &msg, est, 1), PLANOMSORG_ERANGE, "issue");
    planomsorg_estimate_free(est);
    planomsorg_staircase_free(sc);
}

static void test_bad_unknown_level(void **state)
{
    (void)state;
    struct bad_case bc = {"a,2020,70,f,none\na,2021,71,f,sykehjem\nb,2020,70,f,none\n"
                          "b,2021,71,f,home\n",
                          PLANOMSORG_ENOTFOUND, PLANOMSORG_PANEL_ISSUE_UNKNOWN_LEVEL, 3,
                          "unknown level 'sykehjem'", 1};
    check_bad(&bc);
}

static void test_bad_age_backwards(void **state)
{
    (void)state;
    struct bad_case bc = {"a,2020,70,f,none\na,2021,69,f,home\na,2022,72,f,home\n",
                          PLANOMSORG_EVALUE, PLANOMSORG_PANEL_ISSUE_AGE, 3, "age goes backwards",
                          0};
    /* Without the bad row 2021, 2020 -> 2022 is a gap: in skip mode that is a second
     * issue, so this case uses an age that jumps back in the last row instead. */
    bc.body = "a,2020,70,f,none\na,2021,71,f,home\na,2022,60,f,home\n";
    bc.line = 4;
    bc.transitions = 1;
    check_bad(&bc);
}

static void test_bad_duplicate(void **state)
{
    (void)state;
    struct bad_case bc = {"a,2020,70,f,none\na,2021,71,f,home\na,2021,71,f,nursing\n",
                          PLANOMSORG_EDUPLICATE, PLANOMSORG_PANEL_ISSUE_DUPLICATE, 4,
                          "duplicate record (first on line 3)", 1};
    check_bad(&bc);
}

static void test_bad_gap(void **state)
{
    (void)state;
    struct bad_case bc = {"a,2020,70,f,none\na,2021,71,f,home\na,2024,74,f,home\n"
                          "a,2025,75,f,nursing\n",
                          PLANOMSORG_EMISSING, PLANOMSORG_PANEL_ISSUE_GAP, 4,
                          "no record for 2022..2023", 2};
    check_bad(&bc);
}

static void test_bad_after_death(void **state)
{
    (void)state;
    struct bad_case bc = {"a,2020,70,m,none\na,2021,71,m,death\na,2022,72,m,home\n",
                          PLANOMSORG_EVALUE, PLANOMSORG_PANEL_ISSUE_AFTER_DEATH, 4,
                          "after the death recorded on line 3", 1};
    check_bad(&bc);
}

static void test_bad_sex_and_value(void **state)
{
    (void)state;
    struct bad_case sex = {"a,2020,70,m,none\na,2021,71,f,home\nb,2020,70,m,none\n"
                           "b,2021,71,m,none\n",
                           PLANOMSORG_EVALUE, PLANOMSORG_PANEL_ISSUE_SEX, 3,
                           "sex differs from line 2", 1};
    check_bad(&sex);
    struct bad_case val = {"a,2020,70,m,none\na,2021,seventy,m,home\nb,2020,70,x,none\n",
                           PLANOMSORG_EVALUE, PLANOMSORG_PANEL_ISSUE_VALUE, 3, "seventy", 0};
    /* Two bad rows: strict mode names the first; skip mode lists both. */
    planomsorg_staircase *sc = make_staircase();
    char text[256];
    snprintf(text, sizeof text, "person,year,age,sex,level\n%s", val.body);
    planomsorg_estimate *est = NULL;
    assert_error(planomsorg_estimate_parse_panel_csv(&est, text, strlen(text), "p", sc, bands, NB,
                                                     0),
                 PLANOMSORG_EVALUE, "p:3:3:");
    assert_int_equal(planomsorg_estimate_parse_panel_csv(&est, text, strlen(text), "p", sc, bands,
                                                         NB, PLANOMSORG_PANEL_SKIP_BAD),
                     PLANOMSORG_OK);
    assert_int_equal((int)planomsorg_estimate_n_issues(est), 2);
    const char *msg;
    size_t line;
    planomsorg_estimate_issue(&line, NULL, &msg, est, 1);
    assert_int_equal((int)line, 4);
    assert_non_null(strstr(msg, "unknown sex 'x'"));
    planomsorg_estimate_free(est);

    /* Header and argument errors. */
    const char *nohdr = "person,year,age,level\na,2020,70,none\n";
    assert_error(planomsorg_estimate_parse_panel_csv(&est, nohdr, strlen(nohdr), "h", sc, bands,
                                                     NB, 0),
                 PLANOMSORG_EFORMAT, "missing column 'sex'");
    assert_error(planomsorg_estimate_parse_panel_csv(&est, nohdr, strlen(nohdr), "h", sc, bands,
                                                     NB, 8u),
                 PLANOMSORG_EINVAL, "flags");
    assert_error(planomsorg_estimate_read_panel_csv(&est, "/nonexistent/panel.csv", sc, bands, NB,
                                                    0),
                 PLANOMSORG_EIO, "/nonexistent/panel.csv");
    planomsorg_staircase_free(sc);
}

static void test_simulate_bad_input(void **state)
{
    (void)state;
    planomsorg_staircase *sc = make_staircase();
    planomsorg_transitions *tr = make_truth();
    const double badq[4] = {0.1, 1.5, 0.1, 0.1};
    const double badinit[K] = {0.5, 0.5, 0.5, 0};
    assert_error(planomsorg_panel_simulate_csv("/tmp/x.csv", tr, sc, badq, 4, initial, K, 10, 60,
                                               90, 2020, 3, 1),
                 PLANOMSORG_EVALUE, "q[1]");
    assert_error(planomsorg_panel_simulate_csv("/tmp/x.csv", tr, sc, q_base, 3, initial, K, 10,
                                               60, 90, 2020, 3, 1),
                 PLANOMSORG_EDIMENSION, "n_q");
    assert_error(planomsorg_panel_simulate_csv("/tmp/x.csv", tr, sc, q_base, 4, badinit, K, 10,
                                               60, 90, 2020, 3, 1),
                 PLANOMSORG_EVALUE, "sum to");
    assert_error(planomsorg_panel_simulate_csv("/tmp/x.csv", tr, sc, q_base, 4, initial, K, 10,
                                               90, 60, 2020, 3, 1),
                 PLANOMSORG_ERANGE, "ages");
    assert_error(planomsorg_panel_simulate_csv("/nonexistent/x.csv", tr, sc, q_base, 4, initial,
                                               K, 10, 60, 90, 2020, 3, 1),
                 PLANOMSORG_EIO, "/nonexistent/x.csv");
    planomsorg_transitions_free(tr);
    planomsorg_staircase_free(sc);
}

/* Calibration: targets made by projecting with known entry factors are reached, and an
 * independent projection with the calibrated matrices reproduces them. */
static void project(const planomsorg_transitions *tr, const double *start, const int *tb_of,
                    int ntb, double *proj)
{
    memset(proj, 0, (size_t)ntb * K * sizeof *proj);
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            double T[K * K];
            planomsorg_transitions_get_matrix(T, K * K, tr, PLANOMSORG_ANY_YEAR, b, s);
            for (int i = 0; i < K; i++)
                for (int j = 0; j < K; j++)
                    proj[tb_of[b] * K + j] += start[(b * 2 + s) * K + i] * T[i * K + j];
        }
}

static void test_calibrate(void **state)
{
    (void)state;
    planomsorg_transitions *tr = make_truth();
    double start[NB * 2 * K];
    for (int m = 0; m < NB * 2 * K; m++)
        start[m] = 1000.0 + 37.0 * m;
    /* Targets: the projection with known entry factors c (an independent implementation
     * of the scaling here); level 0 unobserved (NaN). */
    const int tb_of[NB] = {0, 1};
    const double c_true[NB][K] = {{1, 1.3, 1.2, 1.1}, {1, 0.8, 0.9, 0.7}};
    double plain[NB * K], target[NB * K];
    project(tr, start, tb_of, NB, plain);
    memset(target, 0, sizeof target);
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < K; i++) {
                double off = 0;
                for (int j = 0; j < K; j++)
                    if (j != i) {
                        double t = truth[b][s][i * K + j] * c_true[b][j];
                        off += t;
                        target[b * K + j] += start[(b * 2 + s) * K + i] * t;
                    }
                target[b * K + i] += start[(b * 2 + s) * K + i] * (1 - off);
            }
    for (int b = 0; b < NB; b++)
        target[b * K] = NAN;
    planomsorg_transitions *cal = NULL;
    double fit[PLANOMSORG_CALIB_N_FIT];
    assert_int_equal(planomsorg_estimate_calibrate(&cal, fit, PLANOMSORG_CALIB_N_FIT, tr, start,
                                                   NB * 2 * K, target, NB * K, bands, NB,
                                                   PLANOMSORG_ANY_YEAR, 200, 1e-10),
                     PLANOMSORG_OK);
    print_message("calibration: %g iterations, max rel %.2e (before %.3f), chi2 %.2e\n",
                  fit[0], fit[1], fit[3], fit[2]);
    assert_true(fit[PLANOMSORG_CALIB_MAX_REL] <= 1e-10);
    assert_true(fit[PLANOMSORG_CALIB_MAX_REL_BEFORE] > 0.05);
    double proj[NB * K], total0 = 0, total1 = 0;
    project(cal, start, tb_of, NB, proj);
    for (int m = 0; m < NB * K; m++) {
        if (!isnan(target[m]))
            assert_true(fabs(proj[m] - target[m]) <= 1e-9 * target[m]);
        total0 += plain[m];
        total1 += proj[m];
    }
    assert_true(fabs(total0 - total1) < 1e-9 * total0); /* persons conserved */

    /* One target band over both bands of tr. */
    const int one[1] = {0};
    double t1[K] = {NAN, 0, 0, 0};
    for (int k = 1; k < K; k++)
        t1[k] = target[k] + target[K + k];
    planomsorg_transitions_free(cal);
    assert_int_equal(planomsorg_estimate_calibrate(&cal, NULL, 0, tr, start,
                                                   NB * 2 * K, t1, K, one, 1, 0, 200, 1e-10),
                     PLANOMSORG_OK);
    const int tb0[NB] = {0, 0};
    project(cal, start, tb0, 1, proj);
    for (int k = 1; k < K; k++)
        assert_true(fabs(proj[k] - t1[k]) <= 1e-9 * t1[k]);
    planomsorg_transitions_free(cal);

    /* Unreachable: more persons in level 3 than the band holds. */
    target[3] = 1e9;
    assert_error(planomsorg_estimate_calibrate(&cal, fit, 4, tr, start, NB * 2 * K, target,
                                               NB * K, bands, NB, 0, 50, 1e-8),
                 PLANOMSORG_ECONVERGE, "band from age 0, level 3");
    assert_null(cal);
    assert_true(fit[PLANOMSORG_CALIB_MAX_REL] > 0.5);
    /* Bands that do not nest, bad values, sizes. */
    const int b70[2] = {0, 70};
    target[3] = 100;
    assert_error(planomsorg_estimate_calibrate(&cal, NULL, 0, tr, start, NB * 2 * K, target,
                                               NB * K, b70, 2, 0, 50, 1e-8),
                 PLANOMSORG_ECONSISTENCY, "not within one target band");
    assert_error(planomsorg_estimate_calibrate(&cal, NULL, 0, tr, start, 3, target, NB * K, bands,
                                               NB, 0, 50, 1e-8),
                 PLANOMSORG_EDIMENSION, "n_start");
    target[2] = -4;
    assert_error(planomsorg_estimate_calibrate(&cal, NULL, 0, tr, start, NB * 2 * K, target,
                                               NB * K, bands, NB, 0, 50, 1e-8),
                 PLANOMSORG_EVALUE, "target[2]");
    planomsorg_transitions_free(tr);
}

/* Calibration to the embedded national KOSTRA counts of two consecutive years: the
 * previous year's users (split evenly by sex) moved by a plain matrix must give the
 * next year's users in every band and level except the residual. */
static void test_calibrate_kostra(void **state)
{
    (void)state;
    double u0[24], u1[24];
    int y1 = 0;
    for (int y = 2030; y >= 2016 && y1 == 0; y--)
        if (planomsorg_services_kostra_users(u0, 24, NULL, y - 1) == PLANOMSORG_OK &&
            planomsorg_services_kostra_users(u1, 24, NULL, y) == PLANOMSORG_OK)
            y1 = y;
    if (y1 == 0)
        skip();
    const int kb[3] = {0, 67, 80};
    enum { L = PLANOMSORG_N_DEFAULT_LEVELS };
    planomsorg_transitions *tr = NULL;
    assert_int_equal(planomsorg_transitions_new(&tr, L, kb, 3, 0, 0), PLANOMSORG_OK);
    /* Plain matrix: 0.01 to every other level, one level up 0.05, one level down 0.10
     * (the ends keep the move they cannot make), the rest stays. Every level must have
     * entries from the others for the calibration to reach it. */
    double T[PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_DEFAULT_LEVELS];
    memset(T, 0, sizeof T);
    for (int i = 0; i < L; i++) {
        for (int j = 0; j < L; j++)
            T[i * L + j] = j == i ? 0.78 : 0.01;
        T[i * L + (i + 1 < L ? i + 1 : i)] += 0.05;
        T[i * L + (i > 0 ? i - 1 : i)] += 0.10;
    }
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 0, 0, PLANOMSORG_SEX_BOTH, T, L * L), 0);
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 0, 1, PLANOMSORG_SEX_BOTH, T, L * L), 0);
    assert_int_equal(planomsorg_transitions_set_matrix(tr, 0, 2, PLANOMSORG_SEX_BOTH, T, L * L), 0);
    /* Start: previous year's users with level 0 = a population large enough to hold the
     * next year's users (persons by band). */
    const double popband[3] = {4.4e6, 7.0e5, 2.6e5};
    double start[3 * 2 * L], target[3 * L];
    for (int b = 0; b < 3; b++) {
        double users = 0;
        for (int k = 1; k < L; k++)
            users += u0[k * 3 + b];
        for (int s = 0; s < 2; s++)
            for (int k = 0; k < L; k++)
                start[(b * 2 + s) * L + k] = 0.5 * (k == 0 ? popband[b] - users : u0[k * 3 + b]);
        for (int k = 0; k < L; k++)
            target[b * L + k] = k == 0 ? NAN : u1[k * 3 + b];
    }
    planomsorg_transitions *cal = NULL;
    double fit[4];
    int rc = planomsorg_estimate_calibrate(&cal, fit, 4, tr, start, 3 * 2 * L, target, 3 * L, kb,
                                           3, 0, 500, 1e-6);
    print_message("KOSTRA %d->%d: rc %d, %g iterations, max rel %.2e (before %.3f) %s\n", y1 - 1, y1,
                  rc, fit[0], fit[1], fit[3], rc ? planomsorg_error_last() : "");
    assert_int_equal(rc, PLANOMSORG_OK);
    for (int b = 0; b < 3; b++) {
        double proj[L];
        memset(proj, 0, sizeof proj);
        for (int s = 0; s < 2; s++) {
            double M[L * L];
            planomsorg_transitions_get_matrix(M, L * L, cal, 0, b, s);
            for (int i = 0; i < L; i++)
                for (int j = 0; j < L; j++)
                    proj[j] += start[(b * 2 + s) * L + i] * M[i * L + j];
        }
        for (int k = 1; k < L; k++)
            assert_true(fabs(proj[k] - target[b * L + k]) <= 1e-6 * fmax(target[b * L + k], 1));
    }
    planomsorg_transitions_free(cal);
    planomsorg_transitions_free(tr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_counts_small),
        cmocka_unit_test(test_posterior_and_pooling),
        cmocka_unit_test(test_bad_unknown_level),
        cmocka_unit_test(test_bad_age_backwards),
        cmocka_unit_test(test_bad_duplicate),
        cmocka_unit_test(test_bad_gap),
        cmocka_unit_test(test_bad_after_death),
        cmocka_unit_test(test_bad_sex_and_value),
        cmocka_unit_test(test_simulate_bad_input),
        cmocka_unit_test(test_calibrate),
        cmocka_unit_test(test_calibrate_kostra),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
