/* Writes the results of whole plans in full, for checking that optimisations leave the
 * numbers unchanged (benchmarks/check_plan_identical.sh): for each region given, the
 * default plan with the bundles worst/middle/best (plan CSV, and users and queues by
 * year, sex, single age and level of every scenario at 17 significant digits), and a
 * plan on a given population with constant levers (family care, standard,
 * productivity, dreining) as in timing 2 of bench_plan.c.
 *
 * Usage: plan_dump OUTDIR CODE...   (0000 for Norway)  */
#define _POSIX_C_SOURCE 200809L
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>

#define BASE 2025
#define LAST 2050

static void dump(const planomsorg_plan_result *r, const char *dir, const char *code,
                 const char *tag)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s_%s_plan.csv", dir, code, tag);
    CHECK(planomsorg_plan_result_write_csv(r, path));
    snprintf(path, sizeof path, "%s/%s_%s_byage.txt", dir, code, tag);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    for (int s = 0; s < planomsorg_plan_result_n_scenarios(r); s++) {
        const planomsorg_result *res = planomsorg_plan_result_services(r, s);
        size_t n = planomsorg_result_size(res);
        double *v = malloc(n * sizeof *v);
        for (int q = 0; q < PLANOMSORG_N_QUANTITIES; q++) {
            CHECK(planomsorg_result_export(v, n, res, q));
            for (size_t i = 0; i < n; i++)
                fprintf(f, "%d %d %zu %.17g\n", s, q, i, v[i]);
        }
        free(v);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: plan_dump OUTDIR CODE...\n");
        return 64;
    }
    static const double lev[3][4] = {{1.10, 0.005, 0.0, 1.0}, {1.0, 0.0, 0.0, 1.0},
                                     {0.90, 0.0, 0.01, 0.85}};
    static const char *const names[3] = {"high", "neutral", "low"};
    for (int i = 2; i < argc; i++) {
        const char *code = argv[i];
        planomsorg_plan *p = NULL;
        planomsorg_plan_result *r = NULL;
        bench_default_plan(&p, &r, code, BASE, LAST);
        dump(r, argv[1], code, "default");
        planomsorg_plan_result_free(r);
        planomsorg_plan_free(p);

        planomsorg_population *base = NULL, *pop = NULL;
        planomsorg_demography *demo = NULL;
        CHECK(planomsorg_data_population(&base, code));
        CHECK(planomsorg_demography_default(&demo, code, BASE - 1, PLANOMSORG_ALTERNATIVE_MAIN));
        CHECK(planomsorg_population_project(&pop, NULL, base, BASE, LAST, demo));
        CHECK(planomsorg_plan_new(&p, code, BASE, LAST));
        CHECK(planomsorg_plan_set_population(p, pop));
        for (int s = 0; s < 3; s++) {
            planomsorg_scenario *sc = NULL;
            CHECK(planomsorg_scenario_new(&sc, names[s]));
            CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_FAMILY_CARE, lev[s][0]));
            CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_STANDARD, lev[s][1]));
            CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY, lev[s][2]));
            CHECK(planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_DREINING, lev[s][3]));
            CHECK(planomsorg_plan_add_scenario(p, sc));
            planomsorg_scenario_free(sc);
        }
        CHECK(planomsorg_plan_run(&r, p));
        dump(r, argv[1], code, "given");
        planomsorg_plan_result_free(r);
        planomsorg_plan_free(p);
        planomsorg_population_free(base);
        planomsorg_population_free(pop);
        planomsorg_demography_free(demo);
    }
    return 0;
}
