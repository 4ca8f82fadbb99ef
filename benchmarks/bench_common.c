/* Set-up shared by the benchmark programs: see bench_common.h. */
#define _POSIX_C_SOURCE 200809L
#include "bench_staircase.h"

#include <math.h>
#include <string.h>
#include <time.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

void bench_default_plan(planomsorg_plan **plan, planomsorg_plan_result **result,
                        const char *code, int base, int last)
{
    CHECK(planomsorg_plan_new(plan, code, base, last));
    for (int b = 0; b < PLANOMSORG_N_BUNDLES; b++) {
        planomsorg_scenario *sc = NULL;
        CHECK(planomsorg_scenario_new_bundle(&sc, b));
        CHECK(planomsorg_plan_add_scenario(*plan, sc));
        planomsorg_scenario_free(sc);
    }
    CHECK(planomsorg_plan_run(result, *plan));
}

const int band_lo[NB] = {0, 67, 80, 90};
const double mu[K] = {1.0, 1.1, 1.2, 1.6, 1.8, 2.5, 3.0, 3.5};

/* A plausible synthetic matrix: people move up with probabilities rising with the band;
 * short-term stays mostly end at home or in long-term care; women move slightly later. */
void matrix(int b, int s, double *m)
{
    static const double up[NB] = {0.002, 0.02, 0.06, 0.12};
    memset(m, 0, K * K * sizeof *m);
    for (int i = 0; i < K; i++) {
        double off = 0;
        for (int j = 0; j < K; j++) {
            if (j == i)
                continue;
            double p = j > i ? up[b] * (s ? 1.1 : 1.0) / (j - i) : (i <= 5 ? 0.01 : 0.0);
            if (i == 6)
                p = j == 3 ? 0.45 : j == 7 ? 0.35 : 0.0;
            m[i * K + j] = p;
            off += p;
        }
        m[i * K + i] = 1.0 - off;
    }
}

void prepare(struct region *r, const char *code, const planomsorg_transitions *tr,
             const planomsorg_staircase *sc)
{
    planomsorg_population *base = NULL;
    planomsorg_demography *demo = NULL;
    CHECK(planomsorg_data_population(&base, code));
    CHECK(planomsorg_demography_default(&demo, code, BASE - 1, PLANOMSORG_ALTERNATIVE_MAIN));
    CHECK(planomsorg_population_project(&r->pop, NULL, base, BASE, LAST, demo));
    r->q = malloc((NY - 1) * 2 * (A + 1) * sizeof *r->q);
    for (int t = 0; t < NY - 1; t++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= A; a++)
                CHECK(planomsorg_demography_death_probability(demo, BASE + t, s, a,
                                                              &r->q[(t * 2 + s) * (A + 1) + a]));
    CHECK(planomsorg_services_new(&r->svc, sc));
    /* The tiniest municipalities have suppressed KOSTRA totals: use Norway's rates there. */
    if (planomsorg_services_set_rates_kostra(r->svc, code, 2025) != PLANOMSORG_OK &&
        planomsorg_services_set_rates_kostra(r->svc, code, 2024) != PLANOMSORG_OK)
        CHECK(planomsorg_services_set_rates_kostra(r->svc, NULL, 2025));
    CHECK(planomsorg_services_set_mode(r->svc, PLANOMSORG_MODE_MARKOV));
    CHECK(planomsorg_services_set_transitions(r->svc, tr));
    CHECK(planomsorg_services_set_death_probabilities(r->svc, r->q, (NY - 1) * 2 * (A + 1), BASE,
                                                      NY - 1, A));
    /* Capacity: the base year's short- and long-term users plus 1 % a year. */
    planomsorg_result *res = NULL;
    planomsorg_services_set_mode(r->svc, PLANOMSORG_MODE_RATES);
    CHECK(planomsorg_services_run(&res, r->svc, r->pop, BASE, BASE));
    planomsorg_services_set_mode(r->svc, PLANOMSORG_MODE_MARKOV);
    for (int i = 0; i < 2; i++) {
        double places[NY];
        CHECK(planomsorg_result_users(&r->cap[i], res, BASE, 6 + i, PLANOMSORG_SEX_BOTH, 0, -1));
        for (int t = 0; t < NY; t++)
            places[t] = r->cap[i] * pow(1.01, t);
        CHECK(planomsorg_services_set_capacity(r->svc, 6 + i, places, BASE, NY));
    }
    planomsorg_result_free(res);
    planomsorg_population_free(base);
    planomsorg_demography_free(demo);
}

void free_regions(struct region *reg, int n)
{
    for (int i = 0; i < n; i++) {
        planomsorg_population_free(reg[i].pop);
        planomsorg_services_free(reg[i].svc);
        free(reg[i].q);
    }
    free(reg);
}

void remove_files(const char *dir, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
}

void write_doubles(const char *dir, const char *name, const double *v, size_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "ab");
    if (f == NULL || fwrite(v, sizeof *v, n, f) != n) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    fclose(f);
}
