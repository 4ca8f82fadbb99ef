/* Worked example of docs/methods/staircase.md: a small municipality wants nursing-home
 * coverage (short- and long-term institution places per person 80+) of about 14 % in 2030.
 * How many places is that, and what happens to home nursing if it builds none?
 *
 * Usage: staircase_dg14 [MUNICIPALITY] [TARGET]   (default 3437 Sel, 0.14)
 * Population: the embedded 2026 population projected with the default demography;
 * use rates: KOSTRA 2025 with the default staircase's assumptions (rates mode). */
#include <planomsorg.h>

#include <stdio.h>
#include <stdlib.h>

#define CHECK(call)                                                                     \
    do {                                                                                \
        int rc_ = (call);                                                               \
        if (rc_ != PLANOMSORG_OK) {                                                     \
            fprintf(stderr, "%s: %s\n", #call, planomsorg_error_last());                \
            return 1;                                                                   \
        }                                                                               \
    } while (0)

static double users(const planomsorg_result *r, int year, int level)
{
    double u = 0;
    planomsorg_result_users(&u, r, year, level, PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN);
    return u;
}

int main(int argc, char **argv)
{
    const char *region = argc > 1 ? argv[1] : "3437";
    double target = argc > 2 ? atof(argv[2]) : 0.14;
    const int base = 2026, year = 2030;
    planomsorg_population *now = NULL, *pop = NULL;
    planomsorg_demography *demo = NULL;
    CHECK(planomsorg_data_population(&now, region));
    CHECK(planomsorg_demography_default(&demo, region, base - 1, PLANOMSORG_ALTERNATIVE_MAIN));
    CHECK(planomsorg_population_project(&pop, NULL, now, base, year, demo));

    planomsorg_staircase *sc = NULL;
    planomsorg_services *svc = NULL;
    CHECK(planomsorg_staircase_new_default(&sc));
    CHECK(planomsorg_services_new(&svc, sc));
    CHECK(planomsorg_services_set_rates_kostra(svc, region, 2025));
    planomsorg_result *free_run = NULL, *frozen = NULL;
    CHECK(planomsorg_services_run(&free_run, svc, pop, base, year));

    const int inst[2] = {PLANOMSORG_LEVEL_SHORT_TERM, PLANOMSORG_LEVEL_LONG_TERM};
    double p80_base, p80, dg_base, dg_free, need;
    CHECK(planomsorg_population_band(pop, base, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_80P, &p80_base));
    CHECK(planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_80P, &p80));
    CHECK(planomsorg_result_coverage(&dg_base, free_run, base, inst, 2, 80, PLANOMSORG_AGE_OPEN, 0));
    CHECK(planomsorg_result_coverage(&dg_free, free_run, year, inst, 2, 80, PLANOMSORG_AGE_OPEN, 0));
    CHECK(planomsorg_coverage_required(&need, target, pop, year, 80, PLANOMSORG_AGE_OPEN));
    double places_base = users(free_run, base, 6) + users(free_run, base, 7);
    printf("%s (%s)\n", planomsorg_data_region_name(region), region);
    printf("persons 80+: %.0f in %d, %.0f in %d\n", p80_base, base, p80, year);
    printf("institution users (levels 6+7): %.1f in %d = %.1f %% of 80+\n", places_base, base,
           100 * dg_base);
    printf("constant standard in %d: %.1f users = %.1f %% of 80+\n", year,
           users(free_run, year, 6) + users(free_run, year, 7), 100 * dg_free);
    printf("places for %.0f %% in %d: %.1f, i.e. %+.1f against %d\n", 100 * target, year, need,
           need - places_base, base);

    /* Builds none: levels 4-7 keep the places they have in the base year. */
    for (int k = PLANOMSORG_LEVEL_HOUSING; k <= PLANOMSORG_LEVEL_LONG_TERM; k++) {
        double places = users(free_run, base, k);
        CHECK(planomsorg_services_set_capacity(svc, k, &places, base, 1));
    }
    CHECK(planomsorg_services_run(&frozen, svc, pop, base, year));
    double dg_frozen, queue_inst = 0;
    CHECK(planomsorg_result_coverage(&dg_frozen, frozen, year, inst, 2, 80, PLANOMSORG_AGE_OPEN, 0));
    for (int k = 4; k <= 7; k++) {
        double q;
        CHECK(planomsorg_result_queue(&q, frozen, year, k, PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN));
        printf("  queue for %-12s in %d: %.1f\n", planomsorg_staircase_level_name(sc, k), year, q);
        if (k >= 6)
            queue_inst += q;
    }
    printf("no new places: coverage %.1f %% in %d, %.1f held back from institutions; "
           "home nursing %.1f users instead of %.1f (%+.1f)\n",
           100 * dg_frozen, year, queue_inst, users(frozen, year, 3), users(free_run, year, 3),
           users(frozen, year, 3) - users(free_run, year, 3));

    planomsorg_result_free(free_run);
    planomsorg_result_free(frozen);
    planomsorg_services_free(svc);
    planomsorg_staircase_free(sc);
    planomsorg_population_free(pop);
    planomsorg_population_free(now);
    planomsorg_demography_free(demo);
    return 0;
}
