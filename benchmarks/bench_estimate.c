/* Estimation benchmark and msm comparison inputs.
 *
 * Usage: bench_estimate OUT_DIR N_PERSONS N_YEARS SEED REPEATS
 *
 * Writes OUT_DIR/panel.csv, a synthetic panel (one age band, the same matrix for both
 * sexes, four levels and death) drawn with planomsorg_panel_simulate_csv(); reads it back
 * REPEATS times with planomsorg_estimate_read_panel_csv() and times read + counts + ML
 * matrix + mortality; writes OUT_DIR/ours.csv with, per (from, to), the pooled count, the
 * ML probability conditional on survival and its standard error, and the unconditional
 * probability (death as a destination, the layout of msm's pmatrix) with its standard
 * error; and OUT_DIR/truth.csv with the generating matrix. benchmarks/compare_msm.R reads
 * the same files. Timing lines go to stdout. */
#include <planomsorg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K 4

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static const double T[K * K] = {0.85, 0.10, 0.03, 0.02, 0.08, 0.72, 0.15, 0.05,
                                0.02, 0.08, 0.75, 0.15, 0.00, 0.01, 0.04, 0.95};
static const double mu[K] = {1.0, 1.4, 2.0, 3.0};

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: bench_estimate OUT_DIR N_PERSONS N_YEARS SEED REPEATS\n");
        return 64;
    }
    const char *dir = argv[1];
    long n_persons = atol(argv[2]);
    int n_years = atoi(argv[3]), repeats = atoi(argv[5]);
    unsigned long seed = strtoul(argv[4], NULL, 10);
    planomsorg_staircase *sc = NULL;
    planomsorg_staircase_new(&sc);
    planomsorg_staircase_add_level(sc, "none", PLANOMSORG_LEVEL_KIND_NONE, 0);
    planomsorg_staircase_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, 0);
    planomsorg_staircase_add_level(sc, "nursing", PLANOMSORG_LEVEL_KIND_HOME, 0);
    planomsorg_staircase_add_level(sc, "institution", PLANOMSORG_LEVEL_KIND_LONG_TERM,
                                   PLANOMSORG_LEVEL_FLAG_24H);
    const int band0[1] = {0};
    planomsorg_transitions *tr = NULL;
    planomsorg_transitions_new(&tr, K, band0, 1, 0, 0);
    planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, 0, PLANOMSORG_SEX_BOTH, T, K * K);
    planomsorg_transitions_set_mortality(tr, mu, K);
    const double q[2] = {0.04, 0.04}, initial[K] = {0.45, 0.25, 0.18, 0.12};
    char path[1024], out[1024];
    snprintf(path, sizeof path, "%s/panel.csv", dir);
    double t0 = now();
    int rc = planomsorg_panel_simulate_csv(path, tr, sc, q, 2, initial, K, n_persons, 70, 95, 2010,
                                           n_years, seed);
    double t_sim = now() - t0;
    if (rc != PLANOMSORG_OK) {
        fprintf(stderr, "bench_estimate: %s\n", planomsorg_error_last());
        return 1;
    }
    planomsorg_estimate *est = NULL;
    double best = INFINITY, p[K * K], se[K * K], m[K];
    for (int r = 0; r < repeats; r++) {
        planomsorg_estimate_free(est);
        est = NULL;
        t0 = now();
        rc = planomsorg_estimate_read_panel_csv(&est, path, sc, band0, 1, PLANOMSORG_PANEL_STRICT);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_estimate_matrix(p, se, K * K, est, PLANOMSORG_ESTIMATE_ML, 0, 0);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_estimate_mortality(m, NULL, K, est);
        double t = now() - t0;
        if (rc != PLANOMSORG_OK) {
            fprintf(stderr, "bench_estimate: %s\n", planomsorg_error_last());
            return 1;
        }
        if (t < best)
            best = t;
    }
    size_t rows, persons;
    double transitions;
    planomsorg_estimate_panel_size(&rows, &persons, &transitions, est);
    double c[K * (K + 1)];
    planomsorg_estimate_counts(c, K * (K + 1), est, 0, PLANOMSORG_SEX_BOTH, 0);
    snprintf(out, sizeof out, "%s/ours.csv", dir);
    FILE *f = fopen(out, "w");
    fprintf(f, "from,to,count,p_surv,se_surv,p_uncond,se_uncond\n");
    for (int i = 0; i < K; i++) {
        double n_all = 0, n_surv = 0;
        for (int j = 0; j <= K; j++)
            n_all += c[i * (K + 1) + j];
        n_surv = n_all - c[i * (K + 1) + K];
        for (int j = 0; j <= K; j++) {
            double pu = c[i * (K + 1) + j] / n_all;
            double ps = j < K ? c[i * (K + 1) + j] / n_surv : NAN;
            fprintf(f, "%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g\n", i + 1, j + 1, c[i * (K + 1) + j],
                    ps, j < K ? sqrt(ps * (1 - ps) / n_surv) : NAN, pu,
                    sqrt(pu * (1 - pu) / n_all));
        }
    }
    fclose(f);
    snprintf(out, sizeof out, "%s/truth.csv", dir);
    f = fopen(out, "w");
    fprintf(f, "from,to,p_uncond\n");
    for (int i = 0; i < K; i++) {
        double d = q[0] * mu[i];
        for (int j = 0; j < K; j++)
            fprintf(f, "%d,%d,%.17g\n", i + 1, j + 1, (1 - d) * T[i * K + j]);
        fprintf(f, "%d,%d,%.17g\n", i + 1, K + 1, d);
    }
    fclose(f);
    printf("panel: %zu rows, %zu persons, %.0f transitions (deaths included)\n", rows, persons,
           transitions);
    printf("simulate_and_write_s %.4f\n", t_sim);
    printf("read_count_ml_s %.4f (best of %d)\n", best, repeats);
    printf("relative mortality: %.3f %.3f %.3f %.3f (true %.1f %.1f %.1f %.1f)\n", m[0], m[1],
           m[2], m[3], mu[0], mu[1], mu[2], mu[3]);
    planomsorg_estimate_free(est);
    planomsorg_transitions_free(tr);
    planomsorg_staircase_free(sc);
    return 0;
}
