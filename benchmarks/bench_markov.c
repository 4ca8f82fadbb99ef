/* Benchmark of the coupled Markov staircase (planomsorg_services_run in Markov mode):
 * 8 levels x 106 ages x 2 sexes x 26 years (2026-2051), with death probabilities,
 * relative mortality, four age bands and capacity limits on levels 6 and 7 that bind,
 * for Norway and for all 357 municipalities.
 *
 * Usage: bench_markov OUTDIR [REPEATS]
 * Prints timings and writes the inputs and per-region results to OUTDIR (raw little-endian
 * doubles, described in OUTDIR/meta.json) for benchmarks/bench_markov.py, the NumPy
 * implementation of the same algorithm, which checks agreement and times itself.
 * Run both with benchmarks/run_bench_markov.sh. Figures: docs/performance.md. */
#define _POSIX_C_SOURCE 200809L
#include "bench_staircase.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_markov OUTDIR [REPEATS]\n");
        return 64;
    }
    const char *dir = argv[1];
    int repeats = argc > 2 ? atoi(argv[2]) : 20;
    static const char *files[] = {"pop.f64", "q.f64", "x0.f64", "capacity.f64", "agg.f64",
                                  "queue.f64", "norway_users.f64", "matrices.f64"};
    remove_files(dir, files, sizeof files / sizeof files[0]);
    planomsorg_staircase *sc = NULL;
    CHECK(planomsorg_staircase_new_default(&sc));
    planomsorg_transitions *tr = NULL;
    CHECK(planomsorg_transitions_new(&tr, K, band_lo, NB, 0, 0));
    double m[K * K];
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            matrix(b, s, m);
            CHECK(planomsorg_transitions_set_matrix(tr, PLANOMSORG_ANY_YEAR, b, s, m, K * K));
            write_doubles(dir, "matrices.f64", m, K * K);
        }
    CHECK(planomsorg_transitions_set_mortality(tr, mu, K));

    int n_regions = planomsorg_data_n_municipalities() + 1;
    struct region *reg = calloc((size_t)n_regions, sizeof *reg);
    double t0 = bench_now();
    for (int i = 0; i < n_regions; i++)
        prepare(&reg[i], i == 0 ? NULL : planomsorg_data_municipality_code(i - 1), tr, sc);
    double t_prepare = bench_now() - t0;

    /* Norway alone, repeated: median time of one projection. */
    double *times = malloc((size_t)repeats * sizeof *times);
    planomsorg_result *res = NULL;
    for (int r = 0; r < repeats; r++) {
        double s0 = bench_now();
        CHECK(planomsorg_services_run(&res, reg[0].svc, reg[0].pop, BASE, LAST));
        times[r] = bench_now() - s0;
        if (r + 1 < repeats)
            planomsorg_result_free(res);
    }
    qsort(times, (size_t)repeats, sizeof *times, cmp_double);
    double t_norway = times[repeats / 2];
    size_t n_cells = planomsorg_result_size(res);
    double *users = malloc(n_cells * sizeof *users);
    CHECK(planomsorg_result_export(users, n_cells, res, PLANOMSORG_QUANTITY_USERS));
    write_doubles(dir, "norway_users.f64", users, n_cells);
    planomsorg_result_free(res);

    /* All regions (Norway and 357 municipalities), three passes: best pass. */
    double best_all = INFINITY;
    for (int pass = 0; pass < 3; pass++) {
        double s0 = bench_now();
        for (int i = 0; i < n_regions; i++) {
            CHECK(planomsorg_services_run(&res, reg[i].svc, reg[i].pop, BASE, LAST));
            if (pass == 0) {
                /* Inputs and aggregated results for the NumPy check (outside timing
                 * would be cleaner; pass 0 is not used for the figure). */
                double agg[NY * K], qagg[NY * K];
                for (int t = 0; t < NY; t++)
                    for (int k = 0; k < K; k++) {
                        CHECK(planomsorg_result_users(&agg[t * K + k], res, BASE + t, k, 2, 0, -1));
                        CHECK(planomsorg_result_queue(&qagg[t * K + k], res, BASE + t, k, 2, 0, -1));
                    }
                write_doubles(dir, "agg.f64", agg, NY * K);
                write_doubles(dir, "queue.f64", qagg, NY * K);
                double *p = malloc(NY * 2 * (A + 1) * sizeof *p);
                CHECK(planomsorg_population_export(reg[i].pop, p, NY * 2 * (A + 1)));
                write_doubles(dir, "pop.f64", p, NY * 2 * (A + 1));
                free(p);
                write_doubles(dir, "q.f64", reg[i].q, (NY - 1) * 2 * (A + 1));
                CHECK(planomsorg_result_export(users, n_cells, res, PLANOMSORG_QUANTITY_USERS));
                write_doubles(dir, "x0.f64", users, 2 * (A + 1) * K); /* first year's state */
                write_doubles(dir, "capacity.f64", reg[i].cap, 2);
            }
            planomsorg_result_free(res);
        }
        double el = bench_now() - s0;
        if (pass > 0 && el < best_all)
            best_all = el;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/meta.json", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "{\"K\": %d, \"A\": %d, \"NY\": %d, \"NB\": %d, \"band_lo\": [0, 67, 80, 90], "
               "\"mu\": [", K, A, NY, NB);
    for (int k = 0; k < K; k++)
        fprintf(f, "%s%.17g", k ? ", " : "", mu[k]);
    fprintf(f, "], \"n_regions\": %d, \"cap_growth\": 1.01, \"capped\": [6, 7], "
               "\"c_norway_seconds\": %.9g, \"c_all_seconds\": %.9g}\n", n_regions, t_norway, best_all);
    fclose(f);
    printf("C (libplanomsorg, Markov mode with capacity), %d years x 2 sexes x %d ages x %d levels\n",
           NY, A + 1, K);
    printf("  prepare (projection, q, rates) for %d regions: %.3f s (not part of the figures)\n",
           n_regions, t_prepare);
    printf("  Norway, one projection (median of %d): %.3f ms\n", repeats, 1e3 * t_norway);
    printf("  Norway + 357 municipalities (best of 2 passes): %.3f s (%.3f ms per region)\n", best_all,
           1e3 * best_all / n_regions);
    free_regions(reg, n_regions);
    free(times);
    free(users);
    planomsorg_transitions_free(tr);
    planomsorg_staircase_free(sc);
    return 0;
}
