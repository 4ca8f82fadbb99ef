/* Benchmark of whole plans (planomsorg_plan_run): Norway and all 357 municipalities,
 * three scenarios each, 2025-2050.
 *
 * Two timings:
 *  1. default plans: the embedded population projected by the default demography under
 *     each scenario's alternative (worst/middle/best bundles), KOSTRA rates, default
 *     staffing and costs -- everything a `planomsorg plan --scenario all` run does;
 *  2. given-population plans: the same plans with one projected population given
 *     (planomsorg_plan_set_population) and three scenarios of constant levers (family
 *     care, standard, productivity, dreining), so that the arithmetic after the projection
 *     -- users by level, FTE by group, costs -- can be compared with a NumPy
 *     implementation (benchmarks/bench_plan.py) on the same inputs.
 *
 * Usage: bench_plan OUTDIR [REPEATS [N_REGIONS]]
 * N_REGIONS limits the run to Norway and the first municipalities (for profiling under
 * valgrind --tool=callgrind, which counts instructions repeatably on a loaded machine).
 * Writes the inputs and the C results of timing 2 to OUTDIR (raw little-endian doubles,
 * layout in OUTDIR/meta.json). Run both with benchmarks/run_bench_plan.sh.
 * Figures: docs/performance.md. */
#define _POSIX_C_SOURCE 200809L
#include "bench_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K 8
#define G 4
#define A 105
#define BASE 2025
#define LAST 2050
#define NY (LAST - BASE + 1)
#define NS 3

/* Scenarios of timing 2: family care, standard, productivity, dreining (constants). */
static const char *const scen_name[NS] = {"high", "neutral", "low"};
static const double scen_levers[NS][4] = {
    {1.10, 0.005, 0.0, 1.0},
    {1.00, 0.0, 0.0, 1.0},
    {0.90, 0.0, 0.01, 0.85},
};

/* CPU time of the process (user + system): steadier than wall time on a loaded machine. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Regions whose default plan can run: Norway and the municipalities with every KOSTRA
 * count the default rates need in 2024 or 2025 (the plan's fallback); 5 have neither. */
static const char *codes[400];
static int kostra_year[400];

static int collect_regions(void)
{
    int n = 0;
    for (int i = -1; i < planomsorg_data_n_municipalities(); i++) {
        const char *code = i < 0 ? PLANOMSORG_NORWAY : planomsorg_data_municipality_code(i);
        double u[K * 3];
        for (int y = BASE - 1; y <= BASE; y++)
            if (planomsorg_services_kostra_users(u, K * 3, code, y) == PLANOMSORG_OK) {
                codes[n] = code;
                kostra_year[n++] = y;
                break;
            }
    }
    return n;
}

static const char *region_code(int r)
{
    return codes[r];
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

static void write_doubles(FILE *f, const double *v, size_t n)
{
    if (fwrite(v, sizeof *v, n, f) != n) {
        perror("fwrite");
        exit(1);
    }
}

/* Timing 1: one default plan with the three bundles. */
static double default_plan(const char *code)
{
    planomsorg_plan *p = NULL;
    planomsorg_plan_result *r = NULL;
    bench_default_plan(&p, &r, code, BASE, LAST);
    double v = 0;
    CHECK(planomsorg_plan_result_get(&v, r, 1, LAST, PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1));
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(p);
    return v;
}

/* The KOSTRA year is set explicitly, so that the plan uses the rates and staffing of the
 * year whose inputs write_inputs() gives the NumPy side. */
static planomsorg_plan *given_plan(const char *code, const planomsorg_population *pop, int kyear)
{
    planomsorg_plan *p = NULL;
    CHECK(planomsorg_plan_new(&p, code, BASE, LAST));
    CHECK(planomsorg_plan_set_population(p, pop));
    CHECK(planomsorg_plan_set_rates_kostra(p, kyear));
    for (int s = 0; s < NS; s++) {
        planomsorg_scenario *sc = NULL;
        CHECK(planomsorg_scenario_new(&sc, scen_name[s]));
        CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, scen_levers[s][0]));
        CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_STANDARD, scen_levers[s][1]));
        CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY, scen_levers[s][2]));
        CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_DREINING, scen_levers[s][3]));
        CHECK(planomsorg_plan_add_scenario(p, sc));
        planomsorg_scenario_free(sc);
    }
    return p;
}

/* The per-region inputs of the NumPy implementation, from the library's own defaults. */
static void write_inputs(FILE *frates, FILE *fstaff, const char *code, int kyear)
{
    planomsorg_staircase *stairs = NULL;
    planomsorg_services *svc = NULL;
    CHECK(planomsorg_staircase_new_default(&stairs));
    CHECK(planomsorg_services_new(&svc, stairs));
    CHECK(planomsorg_services_set_rates_kostra(svc, code, kyear));
    static double rates[K * (A + 1) * 2];
    CHECK(planomsorg_services_get_rates(rates, sizeof rates / sizeof rates[0], svc, A));
    write_doubles(frates, rates, sizeof rates / sizeof rates[0]);
    planomsorg_services_free(svc);
    planomsorg_staircase_free(stairs);

    planomsorg_staffing *st = NULL;
    CHECK(planomsorg_staffing_new_default(&st, BASE, NY));
    CHECK(planomsorg_staffing_use_kostra(st, code, kyear));
    double fte[K], mix[K * G], grp[2 * G];
    CHECK(planomsorg_staffing_export_tables(st, fte, K, mix, K * G));
    for (int g = 0; g < G; g++)
        CHECK(planomsorg_staffing_group_rates(&grp[g], &grp[G + g], st, g, BASE));
    write_doubles(fstaff, fte, K);
    write_doubles(fstaff, mix, K * G);
    write_doubles(fstaff, grp, 2 * G);
    planomsorg_staffing_free(st);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_plan OUTDIR [REPEATS]\n");
        return 64;
    }
    const char *dir = argv[1];
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    int R = collect_regions();
    if (R < 1) {
        fprintf(stderr, "bench_plan: no regions\n");
        return 1;
    }
    if (argc > 3 && atoi(argv[3]) > 0 && atoi(argv[3]) < R)
        R = atoi(argv[3]);

    /* ---- timing 1: default plans ---- */
    double t_norway = INFINITY;
    for (int i = 0; i < repeats; i++) {
        double t0 = bench_now();
        default_plan(NULL);
        double t = bench_now() - t0;
        if (t < t_norway)
            t_norway = t;
    }
    double t0 = bench_now(), c0 = cpu();
    double check = 0;
    for (int r = 0; r < R; r++)
        check += default_plan(region_code(r));
    double t_all = bench_now() - t0, c_all = cpu() - c0;
    printf("default plans (projection, 3 bundles, %d-%d):\n", BASE, LAST);
    printf("  Norway: best of %d: %.2f ms\n", repeats, 1e3 * t_norway);
    printf("  %d regions x 3 scenarios: wall %.3f s (%.2f ms per region), CPU %.3f s (%.2f ms "
           "per region), sum of middle FTE 2050 over municipalities and Norway %.0f\n", R, t_all,
           1e3 * t_all / R, c_all, 1e3 * c_all / R, check);

    /* ---- inputs of timing 2 (not timed) ---- */
    planomsorg_population **pops = calloc((size_t)R, sizeof *pops);
    FILE *fpop = open_out(dir, "population.f64"), *frates = open_out(dir, "rates.f64");
    FILE *fstaff = open_out(dir, "staffing.f64"), *fcost = open_out(dir, "costs.f64");
    for (int r = 0; r < R; r++) {
        const char *code = region_code(r);
        planomsorg_population *base = NULL;
        planomsorg_demography *demo = NULL;
        CHECK(planomsorg_data_population(&base, code));
        CHECK(planomsorg_demography_default(&demo, code, BASE - 1, PLANOMSORG_ALTERNATIVE_MAIN));
        CHECK(planomsorg_population_project(&pops[r], NULL, base, BASE, LAST, demo));
        planomsorg_population_free(base);
        planomsorg_demography_free(demo);
        size_t n = planomsorg_population_size(pops[r]);
        double *flat = malloc(n * sizeof *flat);
        CHECK(planomsorg_population_export(pops[r], flat, n));
        write_doubles(fpop, flat, n);
        free(flat);
        write_inputs(frates, fstaff, code, kostra_year[r]);
    }
    {
        planomsorg_costs *co = NULL;
        CHECK(planomsorg_costs_new(&co, K, BASE, NY));
        double c[1 + 3 * PLANOMSORG_N_PLACE_TYPES];
        CHECK(planomsorg_costs_cost_per_fte(&c[0], co));
        for (int j = 0; j < PLANOMSORG_N_PLACE_TYPES; j++)
            CHECK(planomsorg_costs_place(&c[1 + 3 * j], &c[2 + 3 * j], &c[3 + 3 * j], co, j));
        write_doubles(fcost, c, sizeof c / sizeof c[0]);
        planomsorg_costs_free(co);
    }
    fclose(fpop);
    fclose(frates);
    fclose(fstaff);
    fclose(fcost);

    /* ---- timing 2: given-population plans ---- */
    double best = INFINITY, best_cpu = INFINITY;
    for (int i = 0; i < repeats; i++) {
        double t1 = bench_now(), c1 = cpu();
        for (int r = 0; r < R; r++) {
            planomsorg_plan *p = given_plan(region_code(r), pops[r], kostra_year[r]);
            planomsorg_plan_result *res = NULL;
            CHECK(planomsorg_plan_run(&res, p));
            planomsorg_plan_result_free(res);
            planomsorg_plan_free(p);
        }
        double t = bench_now() - t1, c = cpu() - c1;
        if (t < best)
            best = t;
        if (c < best_cpu)
            best_cpu = c;
    }
    printf("given-population plans (3 scenarios of constant levers, %d-%d):\n", BASE, LAST);
    printf("  %d regions x 3 scenarios: best of %d: wall %.3f s (%.2f ms per region), CPU %.3f s "
           "(%.2f ms per region)\n", R, repeats, best, 1e3 * best / R, best_cpu,
           1e3 * best_cpu / R);

    /* results for the agreement check: [region][scenario][year] and [..][level] */
    FILE *fres = open_out(dir, "results.f64");
    for (int r = 0; r < R; r++) {
        planomsorg_plan *p = given_plan(region_code(r), pops[r], kostra_year[r]);
        planomsorg_plan_result *res = NULL;
        CHECK(planomsorg_plan_run(&res, p));
        for (int s = 0; s < NS; s++)
            for (int y = BASE; y <= LAST; y++) {
                double v[K + 3];
                for (int k = 0; k < K; k++)
                    CHECK(planomsorg_plan_result_get(&v[k], res, s, y,
                                                     PLANOMSORG_MEASURE_USERS, k, -1));
                CHECK(planomsorg_plan_result_get(&v[K], res, s, y,
                                                 PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1));
                CHECK(planomsorg_plan_result_get(&v[K + 1], res, s, y,
                                                 PLANOMSORG_MEASURE_COST_OPERATING, -1, -1));
                CHECK(planomsorg_plan_result_get(&v[K + 2], res, s, y,
                                                 PLANOMSORG_MEASURE_COST_TOTAL, -1, -1));
                write_doubles(fres, v, K + 3);
            }
        planomsorg_plan_result_free(res);
        planomsorg_plan_free(p);
        planomsorg_population_free(pops[r]);
    }
    fclose(fres);
    free(pops);

    FILE *meta = open_out(dir, "meta.json");
    fprintf(meta, "{\"regions\": %d, \"years\": %d, \"base\": %d, \"ages\": %d, \"levels\": %d, "
                  "\"groups\": %d, \"scenarios\": %d, \"c_seconds\": %.6f, \"c_cpu_seconds\": %.6f, "
                  "\"levers\": [",
            R, NY, BASE, A + 1, K, G, NS, best, best_cpu);
    for (int s = 0; s < NS; s++)
        fprintf(meta, "%s[%.17g, %.17g, %.17g, %.17g]", s ? ", " : "", scen_levers[s][0],
                scen_levers[s][1], scen_levers[s][2], scen_levers[s][3]);
    fprintf(meta, "]}\n");
    fclose(meta);
    return 0;
}
