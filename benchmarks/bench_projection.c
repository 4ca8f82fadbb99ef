/* Benchmark of the cohort-component projection (planomsorg_population_project):
 * Norway 2024-2050 (assumptions as of 2023) and all 357 municipalities 2025-2050
 * (assumptions as of 2024, the earliest the municipal defaults allow).
 *
 * usage: bench_projection OUTDIR [MIN_SECONDS [no-trim]]
 *
 * Times the projections only (the default assumptions are built once, outside the
 * timed loop, and timed separately), repeating each batch until MIN_SECONDS (default
 * 1) have passed. Writes the inputs exactly as the projection uses them and the
 * results to OUTDIR as raw little-endian float64/int32 arrays plus OUTDIR/BATCH.json,
 * so that bench_projection_numpy.py can run the same arithmetic and compare.
 * With "no-trim", glibc's malloc is told never to return freed memory to the kernel
 * (mallopt, process-wide, allowed in a benchmark program, never in the library), which
 * shows how much of the time is the kernel's page faulting of freshly allocated arrays.
 * Not a test: run through `meson test --benchmark` or benchmarks/run_bench_projection.py. */
#include <planomsorg.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define A 105
#define NA (A + 1)

static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double now(void)
{
    return clock_seconds(CLOCK_MONOTONIC);
}

/* CPU time of the process: less disturbed than wall time on a shared machine. */
static double cpu_now(void)
{
    return clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "bench_projection: %s: %s (%d)\n", what, planomsorg_error_last(), rc);
    exit(1);
}

static void write_array(const char *dir, const char *batch, const char *name, const void *data,
                        size_t size, size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s_%s.bin", dir, batch, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, size, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "bench_projection: cannot write %s\n", path);
        exit(1);
    }
}

typedef struct {
    const char *name;
    int n_regions;
    const char **codes; /* NULL entry = Norway */
    int as_of, base_year, last_year;
} batch;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL) {
        fprintf(stderr, "bench_projection: out of memory\n");
        exit(1);
    }
    return p;
}

static void run_batch(const batch *b, const char *dir, double min_seconds)
{
    int R = b->n_regions, T = b->last_year - b->base_year;
    planomsorg_population **base = xmalloc((size_t)R * sizeof *base);
    planomsorg_demography **demo = xmalloc((size_t)R * sizeof *demo);
    double t0 = now();
    for (int r = 0; r < R; r++) {
        int rc = planomsorg_data_population(&base[r], b->codes[r]);
        if (rc != PLANOMSORG_OK)
            die("planomsorg_data_population", rc);
        rc = planomsorg_demography_default(&demo[r], b->codes[r], b->as_of,
                                           PLANOMSORG_ALTERNATIVE_MAIN);
        if (rc != PLANOMSORG_OK)
            die("planomsorg_demography_default", rc);
    }
    double t_setup = now() - t0;

    /* Timed: the projections of the whole batch, repeated. */
    int reps = 0;
    double elapsed = 0;
    double c0 = cpu_now();
    t0 = now();
    do {
        for (int r = 0; r < R; r++) {
            planomsorg_population *p = NULL;
            int rc = planomsorg_population_project(&p, NULL, base[r], b->base_year,
                                                   b->last_year, demo[r]);
            if (rc != PLANOMSORG_OK)
                die("planomsorg_population_project", rc);
            planomsorg_population_free(p);
        }
        reps++;
        elapsed = now() - t0;
    } while (elapsed < min_seconds);
    double per_batch = elapsed / reps;
    double cpu_per_batch = (cpu_now() - c0) / reps;

    /* Inputs as the projection uses them, and one more run's results. */
    size_t cells = (size_t)2 * NA;
    double *P0 = xmalloc((size_t)R * cells * sizeof *P0);
    double *q = xmalloc((size_t)R * (size_t)T * cells * sizeof *q);
    double *a0 = xmalloc((size_t)R * (size_t)T * 2 * sizeof *a0);
    double *qinf = xmalloc((size_t)R * (size_t)T * 2 * sizeof *qinf);
    double *f = xmalloc((size_t)R * (size_t)T * NA * sizeof *f);
    double *srb = xmalloc((size_t)R * (size_t)T * sizeof *srb);
    double *mig = xmalloc((size_t)R * (size_t)T * cells * sizeof *mig);
    int *kind = xmalloc((size_t)R * (size_t)T * sizeof *kind);
    double *res = xmalloc((size_t)R * (size_t)(T + 1) * cells * sizeof *res);
    for (int r = 0; r < R; r++) {
        for (int s = 0; s < 2; s++)
            for (int a = 0; a < NA; a++)
                planomsorg_population_get(base[r], b->base_year, s, a,
                                          &P0[(size_t)r * cells + (size_t)s * NA + (size_t)a]);
        for (int t = 0; t < T; t++) {
            int y = b->base_year + t;
            size_t rt = (size_t)r * (size_t)T + (size_t)t;
            for (int s = 0; s < 2; s++) {
                double m0;
                planomsorg_demography_death_rate(demo[r], y, s, 0, &m0);
                planomsorg_infant_a0(&a0[rt * 2 + (size_t)s], m0, s);
                /* infant deaths of the year's births: the life table's q0 with a0 */
                qinf[rt * 2 + (size_t)s] = m0 / (1.0 + (1.0 - a0[rt * 2 + (size_t)s]) * m0);
                for (int a = 0; a < NA; a++) {
                    size_t i = rt * cells + (size_t)s * NA + (size_t)a;
                    int k;
                    planomsorg_demography_death_probability(demo[r], y, s, a, &q[i]);
                    planomsorg_demography_migration(demo[r], y, s, a, &mig[i], &k);
                    kind[rt] = k;
                }
            }
            for (int a = 0; a < NA; a++)
                planomsorg_demography_fertility(demo[r], y, a, &f[rt * NA + (size_t)a]);
            planomsorg_demography_sex_ratio(demo[r], y, &srb[rt]);
        }
        planomsorg_population *p = NULL;
        int rc = planomsorg_population_project(&p, NULL, base[r], b->base_year, b->last_year,
                                               demo[r]);
        if (rc != PLANOMSORG_OK)
            die("planomsorg_population_project", rc);
        rc = planomsorg_population_export(p, res + (size_t)r * (size_t)(T + 1) * cells,
                                          (size_t)(T + 1) * cells);
        if (rc != PLANOMSORG_OK)
            die("planomsorg_population_export", rc);
        planomsorg_population_free(p);
    }
    write_array(dir, b->name, "base", P0, sizeof *P0, (size_t)R * cells);
    write_array(dir, b->name, "q", q, sizeof *q, (size_t)R * (size_t)T * cells);
    write_array(dir, b->name, "a0", a0, sizeof *a0, (size_t)R * (size_t)T * 2);
    write_array(dir, b->name, "qinf", qinf, sizeof *qinf, (size_t)R * (size_t)T * 2);
    write_array(dir, b->name, "f", f, sizeof *f, (size_t)R * (size_t)T * NA);
    write_array(dir, b->name, "srb", srb, sizeof *srb, (size_t)R * (size_t)T);
    write_array(dir, b->name, "mig", mig, sizeof *mig, (size_t)R * (size_t)T * cells);
    write_array(dir, b->name, "kind", kind, sizeof *kind, (size_t)R * (size_t)T);
    write_array(dir, b->name, "result", res, sizeof *res, (size_t)R * (size_t)(T + 1) * cells);

    char path[4096];
    snprintf(path, sizeof path, "%s/%s.json", dir, b->name);
    FILE *js = fopen(path, "w");
    if (js == NULL) {
        fprintf(stderr, "bench_projection: cannot write %s\n", path);
        exit(1);
    }
    fprintf(js,
            "{\"batch\": \"%s\", \"regions\": %d, \"years\": %d, \"ages\": %d, \"base_year\": %d, "
            "\"last_year\": %d, \"as_of\": %d, \"repetitions\": %d, \"seconds_per_batch\": %.9g, \"cpu_seconds_per_batch\": %.9g, "
            "\"seconds_setup\": %.9g, \"migration_rates\": %d, \"migration_counts\": %d}\n",
            b->name, R, T, NA, b->base_year, b->last_year, b->as_of, reps, per_batch, cpu_per_batch, t_setup,
            PLANOMSORG_MIGRATION_RATES, PLANOMSORG_MIGRATION_COUNTS);
    fclose(js);
    printf("C   %-15s %3d region(s) %d-%d: %10.6f s per batch, CPU %10.6f s (%d "
           "repetitions; default assumptions built in %.3f s)\n",
           b->name, R, b->base_year, b->last_year, per_batch, cpu_per_batch, reps, t_setup);
    for (int r = 0; r < R; r++) {
        planomsorg_population_free(base[r]);
        planomsorg_demography_free(demo[r]);
    }
    free(base);
    free(demo);
    free(P0);
    free(q);
    free(a0);
    free(qinf);
    free(f);
    free(srb);
    free(mig);
    free(kind);
    free(res);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_projection OUTDIR [MIN_SECONDS]\n");
        return 64;
    }
    double min_seconds = argc > 2 ? atof(argv[2]) : 1.0;
    if (argc > 3 && strcmp(argv[3], "no-trim") == 0) {
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        mallopt(M_MMAP_THRESHOLD, 1 << 30);
        printf("C   (malloc: no trimming, no mmap)\n");
    }
    const char *norway[1] = {NULL};
    batch nb = {"norway", 1, norway, 2023, 2024, 2050};
    run_batch(&nb, argv[1], min_seconds);

    int n = planomsorg_data_n_municipalities();
    const char **codes = xmalloc((size_t)n * sizeof *codes);
    for (int i = 0; i < n; i++)
        codes[i] = planomsorg_data_municipality_code(i);
    batch mb = {"municipalities", n, codes, 2024, 2025, 2050};
    run_batch(&mb, argv[1], min_seconds);
    free(codes);
    return 0;
}
