/* Internal layout of a plan and its result, shared by lib/plan.c, lib/plan_result.c and
 * the plan-file reader lib/io_plan.c. */
#ifndef PL_PLAN_INTERNAL_H
#define PL_PLAN_INTERNAL_H

#include "planomsorg/plan.h"

#define PL_RATES_NONE 0
#define PL_RATES_KOSTRA 1
#define PL_RATES_GIVEN 2

/* Settings of a plan file applied to the default staffing and cost assumptions when the
 * plan runs (NaN = keep the default), so that they follow changes of region and years. */
#define PL_MAX_GROUPS 64
struct pl_overrides {
    double fte_per_user[PLANOMSORG_MAX_LEVELS];
    double cost_per_user[PLANOMSORG_MAX_LEVELS];
    double absence[PL_MAX_GROUPS];
    double position_share[PL_MAX_GROUPS];
    double attrition[PL_MAX_GROUPS];
    double workforce[PL_MAX_GROUPS];
    double fulltime_increase, fulltime_cap;
    double cost_per_fte;
    double place_cost[PLANOMSORG_N_PLACE_TYPES];
    double grant_share[PLANOMSORG_N_PLACE_TYPES];
};

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
    struct pl_overrides ov;
    const planomsorg_ssbproj *align;  /* borrowed, or owned_align */
    planomsorg_ssbproj *owned_align;  /* read from a plan file */
    char align_region[128];           /* "" = the plan's region */
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

/* Sets every override to NaN (unset). */
void pl_plan_overrides_clear(struct pl_overrides *ov);

/* Alignment to a table the plan owns (plan files); takes ownership of proj, also on failure. */
int pl_plan_own_alignment(planomsorg_plan *plan, planomsorg_ssbproj *proj, const char *region);

/* Default place type of a level kind. */
int pl_plan_default_place_type(int kind);

#endif
