/* Internal layout of a scenario, shared with the plan (lib/plan.c) and its file reader. */
#ifndef PL_SCENARIO_INTERNAL_H
#define PL_SCENARIO_INTERNAL_H

#include "planomsorg/scenario.h"
#include "planomsorg/staircase.h"
#include "staircase_internal.h"

struct pl_lever {
    double value;        /* the value for every year when the path is not set */
    struct pl_path path; /* path.n_years values from path.first_year, or not set */
};

struct pl_capacity {
    char level[PLANOMSORG_LEVEL_NAME_MAX + 1];
    double *places;   /* places, or coverage targets when is_target */
    int first_year;
    int n_years;
    int is_target;
    int age_lo, age_hi;
};

struct planomsorg_scenario {
    char name[PLANOMSORG_SCENARIO_NAME_MAX + 1];
    int demography;
    struct pl_lever levers[PLANOMSORG_N_LEVERS];
    struct pl_capacity capacity[PLANOMSORG_SCENARIO_MAX_CAPACITY];
    int n_capacity;
};

/* Value of a (valid) lever in a year, after the path rules of scenario.h. */
double pl_scenario_lever_at(const planomsorg_scenario *sc, int lever, int year);
/* prod_{t=base+1}^{year} (1 + g(t)) of a growth lever. */
double pl_scenario_growth_at(const planomsorg_scenario *sc, int lever, int base_year, int year);
/* EVALUE naming the lever (and the year when non-zero) if value is outside its range. */
int pl_scenario_check_value(int lever, double value, int year, const char *function);

#endif
