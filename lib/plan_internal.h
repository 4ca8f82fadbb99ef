/* Internal layout of a plan and its result, shared by lib/plan.c, lib/plan_result.c and
 * the plan-file reader lib/io_plan.c. */
#ifndef PL_PLAN_INTERNAL_H
#define PL_PLAN_INTERNAL_H

#include "planomsorg/plan.h"

#define PL_RATES_NONE 0
#define PL_RATES_KOSTRA 1
#define PL_RATES_GIVEN 2

struct planomsorg_plan {
    char region[8];
    int base_year, last_year;
    planomsorg_population *pop; /* given population, or NULL for the projection */
    planomsorg_staircase *sc;
    int rates_kind;
    int kostra_year;            /* 0: base_year - 1 */
    double *rates;
    size_t n_rates;
    int *band_lo;
    size_t n_bands;
    planomsorg_transitions *tr;
    planomsorg_staffing *staffing; /* NULL: defaults */
    planomsorg_costs *costs;       /* NULL: defaults */
    int place_type[PLANOMSORG_MAX_LEVELS];
    planomsorg_scenario *scen[PLANOMSORG_PLAN_MAX_SCENARIOS];
    int n_scen;
};

struct pl_plan_run {
    char name[PLANOMSORG_SCENARIO_NAME_MAX + 1];
    planomsorg_result *services;
    planomsorg_staffing_result *staff;
    planomsorg_costs_result *costs;
};

struct planomsorg_plan_result {
    char region[8];
    int first_year, last_year;
    planomsorg_staircase *sc;
    int residual;               /* the level of kind none */
    int n_groups;
    char (*groups)[64];
    struct pl_plan_run *runs;
    int n_runs;
};

/* Default place type of a level kind. */
int pl_plan_default_place_type(int kind);

#endif
