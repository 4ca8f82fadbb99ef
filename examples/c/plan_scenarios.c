/* The whole plan from C: Norway 2025-2040 under the worst, middle and best scenarios,
 * plus a scenario of one's own (more family care and a capacity plan for nursing homes),
 * and the band between them. Build: cc plan_scenarios.c $(pkg-config --cflags --libs planomsorg)
 * Methods: docs/methods/plan.md and docs/methods/scenario.md. */
#include <planomsorg.h>

#include <stdio.h>

static int fail(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, planomsorg_error_last());
    return 1;
}

int main(void)
{
    planomsorg_plan *plan = NULL;
    planomsorg_plan_result *result = NULL;
    planomsorg_scenario *sc = NULL;
    int year, s, b;

    if (planomsorg_plan_new(&plan, NULL, 2025, 2040) != PLANOMSORG_OK)
        return fail("plan");
    for (b = 0; b < PLANOMSORG_N_BUNDLES; b++) {
        if (planomsorg_scenario_new_bundle(&sc, b) != PLANOMSORG_OK ||
            planomsorg_plan_add_scenario(plan, sc) != PLANOMSORG_OK)
            return fail("bundle");
        planomsorg_scenario_free(sc);
    }
    /* own scenario: middle, 5 % less use of home services by 2035, long-term places
       growing from 30 000 by 400 a year */
    {
        double places[16];
        int i;
        for (i = 0; i < 16; i++)
            places[i] = 30000.0 + 400.0 * i;
        if (planomsorg_scenario_new_bundle(&sc, PLANOMSORG_BUNDLE_MIDDLE) != PLANOMSORG_OK ||
            planomsorg_scenario_set_name(sc, "own") != PLANOMSORG_OK ||
            planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2025, 1.0, 2035,
                                         0.95) != PLANOMSORG_OK ||
            planomsorg_scenario_set_capacity(sc, "long_term", places, 2025, 16) != PLANOMSORG_OK ||
            planomsorg_plan_add_scenario(plan, sc) != PLANOMSORG_OK)
            return fail("own scenario");
        planomsorg_scenario_free(sc);
    }
    if (planomsorg_plan_run(&result, plan) != PLANOMSORG_OK)
        return fail("run");

    printf("FTE demand (årsverk) in municipal care, Norway\n%-8s", "year");
    for (s = 0; s < planomsorg_plan_result_n_scenarios(result); s++)
        printf("%10s", planomsorg_plan_result_scenario_name(result, s));
    printf("%22s\n", "band (min-max)");
    for (year = 2025; year <= 2040; year += 5) {
        double lo, hi, v;
        printf("%-8d", year);
        for (s = 0; s < planomsorg_plan_result_n_scenarios(result); s++) {
            if (planomsorg_plan_result_get(&v, result, s, year, PLANOMSORG_MEASURE_FTE_DEMAND,
                                           PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL) != PLANOMSORG_OK)
                return fail("get");
            printf("%10.0f", v);
        }
        if (planomsorg_plan_result_band(&lo, &hi, result, year, PLANOMSORG_MEASURE_FTE_DEMAND,
                                        PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL) != PLANOMSORG_OK)
            return fail("band");
        printf("%11.0f-%-10.0f\n", lo, hi);
    }
    {
        double queue;
        if (planomsorg_plan_result_get(&queue, result, 3, 2040, PLANOMSORG_MEASURE_QUEUE,
                                       PLANOMSORG_LEVEL_LONG_TERM, PLANOMSORG_PLAN_ALL) != PLANOMSORG_OK)
            return fail("queue");
        printf("own scenario: %.0f persons wait for long-term care in 2040\n", queue);
    }
    planomsorg_plan_result_free(result);
    planomsorg_plan_free(plan);
    return 0;
}
