/* From registry data to uncertainty bands around a plan (docs/methods/estimation.md,
 * docs/methods/uncertainty.md).
 *
 *   example_panel_to_bands [PANEL.csv]
 *
 * Without an argument a synthetic panel is drawn first (planomsorg_panel_simulate_csv),
 * so the program runs anywhere. The panel's transitions are estimated by age band and
 * sex (Dirichlet posterior, sparse rows pooled), put into a plan for Norway in Markov
 * mode, and 200 draws of the plan (transition rows from their posterior, family care
 * and productivity from distributions) give percentile bands for 2030 and 2040. */
#define _POSIX_C_SOURCE 200809L
#include <planomsorg.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define K PLANOMSORG_N_DEFAULT_LEVELS
#define NB 4

static int fail(const char *what)
{
    fprintf(stderr, "example_panel_to_bands: %s: %s\n", what, planomsorg_error_last());
    return 1;
}

/* An illustrative truth for the synthetic panel (not fitted to Norwegian data): mostly
 * stay, move up more with age. */
static planomsorg_transitions *truth(const int *band_lo)
{
    planomsorg_transitions *tr = NULL;
    if (planomsorg_transitions_new(&tr, K, band_lo, NB, 0, 0) != PLANOMSORG_OK)
        return NULL;
    static const double up[NB] = {0.004, 0.03, 0.07, 0.12};
    static const double mu[K] = {1.0, 1.1, 1.2, 1.6, 1.8, 2.5, 3.0, 3.5};
    for (int b = 0; b < NB; b++) {
        double m[K * K] = {0};
        for (int i = 0; i < K; i++) {
            double off = 0;
            for (int j = 0; j < K; j++)
                if (j != i) {
                    m[i * K + j] = j > i ? up[b] / (j - i) : 0.02;
                    off += m[i * K + j];
                }
            m[i * K + i] = 1.0 - off;
        }
        planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, b, PLANOMSORG_SEX_BOTH, m,
                                          K * K);
    }
    planomsorg_transitions_set_mortality(tr, mu, K);
    return tr;
}

int main(int argc, char **argv)
{
    const int band_lo[NB] = {0, 67, 80, 90};
    char path[256];
    planomsorg_staircase *sc = NULL;
    if (planomsorg_staircase_new_default(&sc) != PLANOMSORG_OK)
        return fail("staircase");
    if (argc > 1) {
        snprintf(path, sizeof path, "%s", argv[1]);
    } else {
        snprintf(path, sizeof path, "/tmp/example_panel_XXXXXX");
        int fd = mkstemp(path);
        if (fd < 0) {
            perror("example_panel_to_bands: temporary file");
            return 1;
        }
        close(fd);
        planomsorg_transitions *tr = truth(band_lo);
        const double q[NB * 2] = {0.002, 0.003, 0.02, 0.025, 0.06, 0.07, 0.18, 0.2};
        const double initial[K] = {0.55, 0.1, 0.1, 0.12, 0.03, 0.04, 0.01, 0.05};
        int rc = tr == NULL ? PLANOMSORG_ENOMEM
                            : planomsorg_panel_simulate_csv(path, tr, sc, q, NB * 2, initial, K,
                                                            30000, 60, 100, 2018, 6, 42);
        planomsorg_transitions_free(tr);
        if (rc != PLANOMSORG_OK)
            return fail("simulate");
    }

    /* 1. Estimate: counts, posterior means, rows with fewer than 50 transitions pooled. */
    planomsorg_estimate *est = NULL;
    if (planomsorg_estimate_read_panel_csv(&est, path, sc, band_lo, NB,
                                           PLANOMSORG_PANEL_SKIP_BAD) != PLANOMSORG_OK)
        return fail(path);
    size_t rows, persons;
    double transitions;
    planomsorg_estimate_panel_size(&rows, &persons, &transitions, est);
    printf("panel %s: %zu rows, %zu persons, %.0f transitions, %zu bad records dropped\n",
           argc > 1 ? path : "(synthetic)", rows, persons, transitions,
           planomsorg_estimate_n_issues(est));
    planomsorg_estimate_set_pooling(est, 50);
    double p[K * K], se[K * K], mu[K], mse[K];
    planomsorg_estimate_matrix(p, se, K * K, est, PLANOMSORG_ESTIMATE_ML, 2, PLANOMSORG_SEX_FEMALE);
    printf("women 80-89, from home nursing: stay %.3f (se %.3f), to long-term %.3f (se %.3f)\n",
           p[3 * K + 3], se[3 * K + 3], p[3 * K + 7], se[3 * K + 7]);
    if (planomsorg_estimate_mortality(mu, mse, K, est) == PLANOMSORG_OK)
        printf("relative mortality in long-term care: %.2f (se %.2f)\n", mu[7], mse[7]);

    /* 2. A plan for Norway in Markov mode with the posterior means. */
    planomsorg_transitions *tr = NULL;
    planomsorg_plan *plan = NULL;
    if (planomsorg_estimate_transitions(&tr, est, PLANOMSORG_ESTIMATE_POSTERIOR) != PLANOMSORG_OK ||
        planomsorg_plan_new(&plan, NULL, 2026, 2040) != PLANOMSORG_OK ||
        planomsorg_plan_set_transitions(plan, tr) != PLANOMSORG_OK)
        return fail("plan");

    /* 3. 200 draws: transition rows, family care and productivity. */
    planomsorg_mc *mc = NULL;
    const double family[3] = {0.85, 1.0, 1.05}, productivity[3] = {0.005, 0.003, 0.006};
    if (planomsorg_mc_new_plan(&mc, plan, -1) != PLANOMSORG_OK ||
        planomsorg_mc_set_estimate(mc, est) != PLANOMSORG_OK ||
        planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE, PLANOMSORG_DIST_TRIANGULAR,
                                family, 3) != PLANOMSORG_OK ||
        planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_PRODUCTIVITY, PLANOMSORG_DIST_SPLIT_NORMAL,
                                productivity, 3) != PLANOMSORG_OK ||
        planomsorg_mc_run(mc, 200, 2026, 0) != PLANOMSORG_OK)
        return fail("Monte Carlo");
    printf("%-5s %-22s %12s %12s %12s %12s\n", "year", "measure", "central", "p05", "p50", "p95");
    const int measures[3] = {PLANOMSORG_MEASURE_USERS, PLANOMSORG_MEASURE_FTE_DEMAND,
                             PLANOMSORG_MEASURE_COVERAGE_24H_80P};
    for (int y = 2030; y <= 2040; y += 10)
        for (int i = 0; i < 3; i++) {
            double c, q05, q50, q95;
            planomsorg_mc_plan_summary(&c, NULL, NULL, mc, y, measures[i], PLANOMSORG_PLAN_ALL,
                                       PLANOMSORG_PLAN_ALL);
            planomsorg_mc_plan_quantile(&q05, mc, 0.05, y, measures[i], PLANOMSORG_PLAN_ALL,
                                        PLANOMSORG_PLAN_ALL);
            planomsorg_mc_plan_quantile(&q50, mc, 0.50, y, measures[i], PLANOMSORG_PLAN_ALL,
                                        PLANOMSORG_PLAN_ALL);
            planomsorg_mc_plan_quantile(&q95, mc, 0.95, y, measures[i], PLANOMSORG_PLAN_ALL,
                                        PLANOMSORG_PLAN_ALL);
            printf("%-5d %-22s %12.4g %12.4g %12.4g %12.4g\n", y,
                   planomsorg_plan_measure_name(measures[i]), c, q05, q50, q95);
        }
    planomsorg_mc_free(mc);
    planomsorg_plan_free(plan);
    planomsorg_transitions_free(tr);
    planomsorg_estimate_free(est);
    planomsorg_staircase_free(sc);
    if (argc <= 1)
        remove(path);
    return 0;
}
