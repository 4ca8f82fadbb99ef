/* Monte Carlo benchmark (montecarlo.h, services mode): draws of the coupled Markov
 * staircase with Dirichlet transition rows from estimation counts, a family-care lever
 * (uniform 0.9-1.1) and a dreining lever (triangular 0.8, 1, 1.05), for Norway and for
 * all 357 municipalities; 1 and 2 threads. Inputs as benchmarks/bench_markov.c (8 levels,
 * 106 ages, 2 sexes, 2026-2051, capacity on levels 6 and 7, death probabilities).
 *
 * Usage: bench_mc OUTDIR [DRAWS_NORWAY [DRAWS_MUNICIPALITY]]   (defaults 1000, 100)
 * Writes OUTDIR/meta.json and raw doubles for benchmarks/bench_mc.py (the NumPy
 * implementation, which checks agreement and times itself). Run both with
 * benchmarks/run_bench_mc.sh. Figures: docs/performance.md. */
#define _POSIX_C_SOURCE 200809L
#include "bench_staircase.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts behind the matrices: ROW_N survivor transitions per row, band and sex. */
#define ROW_N 2000.0

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_mc OUTDIR [DRAWS_NORWAY [DRAWS_MUNICIPALITY]]\n");
        return 64;
    }
    const char *dir = argv[1];
    int draws_norway = argc > 2 ? atoi(argv[2]) : 1000;
    int draws_muni = argc > 3 ? atoi(argv[3]) : 100;
    static const char *files[] = {"pop.f64", "q.f64", "x0.f64", "capacity.f64", "counts.f64",
                                  "central.f64", "c_last.f64"};
    remove_files(dir, files, sizeof files / sizeof files[0]);
    planomsorg_staircase *sc = NULL;
    CHECK(planomsorg_staircase_new_default(&sc));
    planomsorg_estimate *est = NULL;
    CHECK(planomsorg_estimate_new(&est, K, band_lo, NB));
    double m[K * K];
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            matrix(b, s, m);
            for (int i = 0; i < K; i++)
                for (int j = 0; j < K; j++) {
                    m[i * K + j] = round(ROW_N * m[i * K + j]);
                    CHECK(planomsorg_estimate_add(est, band_lo[b], s, i, j, m[i * K + j]));
                }
            write_doubles(dir, "counts.f64", m, K * K);
        }
    planomsorg_transitions *tr = NULL;
    CHECK(planomsorg_estimate_transitions(&tr, est, PLANOMSORG_ESTIMATE_POSTERIOR));
    CHECK(planomsorg_transitions_set_mortality(tr, mu, K));

    int n_regions = planomsorg_data_n_municipalities() + 1;
    struct region *reg = calloc((size_t)n_regions, sizeof *reg);
    double t0 = bench_now();
    for (int i = 0; i < n_regions; i++)
        prepare(&reg[i], i == 0 ? NULL : planomsorg_data_municipality_code(i - 1), tr, sc);
    double t_prepare = bench_now() - t0;
    /* Inputs of the NumPy side and the central run (posterior means, levers neutral). */
    for (int i = 0; i < n_regions; i++) {
        planomsorg_result *res = NULL;
        CHECK(planomsorg_services_run(&res, reg[i].svc, reg[i].pop, BASE, LAST));
        size_t n_cells = planomsorg_result_size(res);
        double *users = malloc(n_cells * sizeof *users);
        CHECK(planomsorg_result_export(users, n_cells, res, PLANOMSORG_QUANTITY_USERS));
        write_doubles(dir, "x0.f64", users, 2 * (A + 1) * K);
        double agg[NY * K];
        for (int t = 0; t < NY; t++)
            for (int k = 0; k < K; k++)
                CHECK(planomsorg_result_users(&agg[t * K + k], res, BASE + t, k, 2, 0, -1));
        write_doubles(dir, "central.f64", agg, NY * K);
        double *p = malloc(NY * 2 * (A + 1) * sizeof *p);
        CHECK(planomsorg_population_export(reg[i].pop, p, NY * 2 * (A + 1)));
        write_doubles(dir, "pop.f64", p, NY * 2 * (A + 1));
        write_doubles(dir, "q.f64", reg[i].q, (NY - 1) * 2 * (A + 1));
        write_doubles(dir, "capacity.f64", reg[i].cap, 2);
        free(p);
        free(users);
        planomsorg_result_free(res);
    }

    const double fam[2] = {0.9, 1.1}, dre[3] = {0.8, 1.0, 1.05};
    double p05[2], p50[2], p95[2];
    /* Norway: a warm-up run, then the best of two runs with 1 and with 2 threads. */
    double t_norway[3] = {INFINITY, INFINITY, INFINITY};
    planomsorg_mc *mc = NULL;
    CHECK(planomsorg_mc_new(&mc, reg[0].svc, reg[0].pop, BASE, LAST));
    CHECK(planomsorg_mc_set_estimate(mc, est));
    CHECK(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE, PLANOMSORG_DIST_UNIFORM,
                                  fam, 2));
    CHECK(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_DREINING, PLANOMSORG_DIST_TRIANGULAR,
                                  dre, 3));
    CHECK(planomsorg_mc_run(mc, 20, 1, 2));
    for (int rep = 0; rep < 2; rep++)
        for (int threads = 1; threads <= 2; threads++) {
            double s0 = bench_now();
            CHECK(planomsorg_mc_run(mc, draws_norway, 2026, threads));
            double el = bench_now() - s0;
            if (el < t_norway[threads])
                t_norway[threads] = el;
        }
    /* Draws of Norway's users by level (all ages) in the last year, for the NumPy check. */
    double *last = malloc((size_t)draws_norway * K * sizeof *last);
    for (int k = 0; k < K; k++)
        CHECK(planomsorg_mc_draws(last + (size_t)k * draws_norway, (size_t)draws_norway, mc,
                                  PLANOMSORG_MC_USERS, LAST, k, 3));
    write_doubles(dir, "c_last.f64", last, (size_t)draws_norway * K);
    for (int i = 0; i < 2; i++) {
        int k = i == 0 ? 3 : 7;
        CHECK(planomsorg_mc_quantile(&p05[i], mc, 0.05, PLANOMSORG_MC_USERS, LAST, k, 3));
        CHECK(planomsorg_mc_quantile(&p50[i], mc, 0.50, PLANOMSORG_MC_USERS, LAST, k, 3));
        CHECK(planomsorg_mc_quantile(&p95[i], mc, 0.95, PLANOMSORG_MC_USERS, LAST, k, 3));
    }
    planomsorg_mc_free(mc);

    /* All municipalities, draws_muni draws each, 2 threads. */
    double s0 = bench_now();
    for (int i = 1; i < n_regions; i++) {
        CHECK(planomsorg_mc_new(&mc, reg[i].svc, reg[i].pop, BASE, LAST));
        CHECK(planomsorg_mc_set_estimate(mc, est));
        CHECK(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_FAMILY_CARE, PLANOMSORG_DIST_UNIFORM,
                                      fam, 2));
        CHECK(planomsorg_mc_set_lever(mc, PLANOMSORG_LEVER_DREINING, PLANOMSORG_DIST_TRIANGULAR,
                                      dre, 3));
        CHECK(planomsorg_mc_run(mc, draws_muni, 2026 + (unsigned long)i, 2));
        planomsorg_mc_free(mc);
    }
    double t_muni = bench_now() - s0;

    char path[4096];
    snprintf(path, sizeof path, "%s/meta.json", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "{\"K\": %d, \"A\": %d, \"NY\": %d, \"NB\": %d, \"band_lo\": [0, 67, 80, 90], "
               "\"mu\": [", K, A, NY, NB);
    for (int k = 0; k < K; k++)
        fprintf(f, "%s%.17g", k ? ", " : "", mu[k]);
    fprintf(f, "], \"n_regions\": %d, \"cap_growth\": 1.01, \"capped\": [6, 7], "
               "\"prior_weight\": 1.0, \"draws_norway\": %d, \"draws_muni\": %d, "
               "\"c_norway_1\": %.9g, \"c_norway_2\": %.9g, \"c_muni_2\": %.9g}\n",
            n_regions, draws_norway, draws_muni, t_norway[1], t_norway[2], t_muni);
    fclose(f);
    printf("C (libplanomsorg Monte Carlo, Markov mode with capacity, Dirichlet rows of %d bands x 2 "
           "sexes x %d levels, 2 levers), %d years\n", NB, K, NY);
    printf("  prepare %d regions: %.2f s (not part of the figures)\n", n_regions, t_prepare);
    printf("  Norway, %d draws (best of 2): 1 thread %.3f s (%.0f draws/s), 2 threads %.3f s "
           "(%.0f draws/s), speed-up %.2f\n", draws_norway, t_norway[1], draws_norway / t_norway[1], t_norway[2],
           draws_norway / t_norway[2], t_norway[1] / t_norway[2]);
    printf("  Norway %d, users all ages: home nursing p05 %.0f, p50 %.0f, p95 %.0f; long-term "
           "(capacity-bound) p05 %.0f, p50 %.0f, p95 %.0f\n", LAST, p05[0], p50[0], p95[0], p05[1],
           p50[1], p95[1]);
    printf("  357 municipalities x %d draws, 2 threads: %.2f s (%.0f draws/s)\n", draws_muni, t_muni,
           (n_regions - 1) * (double)draws_muni / t_muni);
    free_regions(reg, n_regions);
    free(last);
    planomsorg_estimate_free(est);
    planomsorg_transitions_free(tr);
    planomsorg_staircase_free(sc);
    return 0;
}
