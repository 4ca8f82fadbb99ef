/* The plan result: queries by (scenario, year, measure, level, group), answered from
 * the service, staffing and cost results of each scenario; the band between scenarios. */
#include "planomsorg/plan.h"

#include "check.h"
#include "error.h"
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const measure_names[PLANOMSORG_N_MEASURES] = {
    "population", "population_80p", "population_20_66", "users", "queue", "coverage_24h_80p",
    "places_needed", "fte_demand", "headcount_demand", "fte_supply", "headcount_supply",
    "fte_gap", "fte_share_20_66", "cost_operating", "cost_investment", "cost_grant",
    "cost_total", "new_places",
};
/* 1 = by level, 2 = by group, 3 = both */
static const int measure_dims[PLANOMSORG_N_MEASURES] = {
    0, 0, 0, 1, 1, 0, 1, 3, 3, 2, 2, 2, 0, 0, 0, 0, 0, 0,
};

void planomsorg_plan_result_free(planomsorg_plan_result *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->n_runs; i++) {
        planomsorg_result_free(r->runs[i].services);
        planomsorg_staffing_result_free(r->runs[i].staff);
        planomsorg_costs_result_free(r->runs[i].costs);
    }
    free(r->runs);
    free(r->groups);
    planomsorg_staircase_free(r->sc);
    free(r);
}

int planomsorg_plan_result_n_scenarios(const planomsorg_plan_result *r)
{
    return r ? r->n_runs : 0;
}

const char *planomsorg_plan_result_scenario_name(const planomsorg_plan_result *r, int scenario)
{
    if (!r || scenario < 0 || scenario >= r->n_runs)
        return NULL;
    return r->runs[scenario].name;
}

int planomsorg_plan_result_find_scenario(int *scenario, const planomsorg_plan_result *r,
                                         const char *name)
{
    PL_CHECK_NULL(scenario);
    PL_CHECK_NULL(r);
    PL_CHECK_NULL(name);
    for (int i = 0; i < r->n_runs; i++)
        if (strcmp(r->runs[i].name, name) == 0) {
            *scenario = i;
            return PLANOMSORG_OK;
        }
    return pl_error(PLANOMSORG_ENOTFOUND, "%s: no scenario '%s' in the result", __func__, name);
}

int planomsorg_plan_result_years(int *first_year, int *last_year, const planomsorg_plan_result *r)
{
    PL_CHECK_NULL(r);
    if (first_year)
        *first_year = r->first_year;
    if (last_year)
        *last_year = r->last_year;
    return PLANOMSORG_OK;
}

const char *planomsorg_plan_result_region(const planomsorg_plan_result *r)
{
    return r ? r->region : NULL;
}

const planomsorg_staircase *planomsorg_plan_result_staircase(const planomsorg_plan_result *r)
{
    return r ? r->sc : NULL;
}

int planomsorg_plan_result_n_groups(const planomsorg_plan_result *r)
{
    return r ? r->n_groups : 0;
}

const char *planomsorg_plan_result_group_name(const planomsorg_plan_result *r, int group)
{
    if (!r || group < 0 || group >= r->n_groups)
        return NULL;
    return r->groups[group];
}

const planomsorg_result *planomsorg_plan_result_services(const planomsorg_plan_result *r,
                                                        int scenario)
{
    if (!r || scenario < 0 || scenario >= r->n_runs)
        return NULL;
    return r->runs[scenario].services;
}

const char *planomsorg_plan_measure_name(int measure)
{
    return measure >= 0 && measure < PLANOMSORG_N_MEASURES ? measure_names[measure] : NULL;
}

int planomsorg_plan_measure_find(int *measure, const char *name)
{
    PL_CHECK_NULL(measure);
    PL_CHECK_NULL(name);
    return pl_find_name(measure, measure_names, PLANOMSORG_N_MEASURES, name, "measure", __func__);
}

int planomsorg_plan_measure_dims(int *by_level, int *by_group, int measure)
{
    int rc = pl_check_code(measure, PLANOMSORG_N_MEASURES, "measure", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (by_level)
        *by_level = (measure_dims[measure] & 1) != 0;
    if (by_group)
        *by_group = (measure_dims[measure] & 2) != 0;
    return PLANOMSORG_OK;
}

static int check_query(const planomsorg_plan_result *r, int year, int measure, int level,
                       int group, const char *function)
{
    int rc = pl_check_code(measure, PLANOMSORG_N_MEASURES, "measure", function);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_year_in(year, r->first_year, r->last_year - r->first_year + 1, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = planomsorg_staircase_n_levels(r->sc);
    if (level != PLANOMSORG_PLAN_ALL) {
        if (!(measure_dims[measure] & 1))
            return pl_error(PLANOMSORG_EINVAL, "%s: measure %s has no breakdown by level",
                            function, measure_names[measure]);
        if (level < 0 || level >= K)
            return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", function, level,
                            K - 1);
    }
    if (group != PLANOMSORG_PLAN_ALL) {
        if (!(measure_dims[measure] & 2))
            return pl_error(PLANOMSORG_EINVAL, "%s: measure %s has no breakdown by group",
                            function, measure_names[measure]);
        if (group < 0 || group >= r->n_groups)
            return pl_error(PLANOMSORG_ERANGE, "%s: group %d outside 0..%d", function, group,
                            r->n_groups - 1);
    }
    return PLANOMSORG_OK;
}

static int is_capacity_level(const planomsorg_plan_result *r, int k)
{
    unsigned flags = 0;
    planomsorg_staircase_level_flags(&flags, r->sc, k);
    return (flags & PLANOMSORG_LEVEL_FLAG_CAPACITY) != 0;
}

static int users_of(double *out, const planomsorg_result *res, int year, int level)
{
    return planomsorg_result_users(out, res, year, level, PLANOMSORG_SEX_BOTH, 0,
                                   PLANOMSORG_AGE_OPEN);
}

static int queue_of(double *out, const planomsorg_result *res, int year, int level)
{
    return planomsorg_result_queue(out, res, year, level, PLANOMSORG_SEX_BOTH, 0,
                                   PLANOMSORG_AGE_OPEN);
}

/* Users (+ queue) summed over the levels that pass a filter. */
static int sum_levels(double *out, const planomsorg_plan_result *r, const planomsorg_result *res,
                      int year, int capacity_only, int with_queue)
{
    int K = planomsorg_staircase_n_levels(r->sc);
    double sum = 0;
    for (int k = 0; k < K; k++) {
        if (k == r->residual || (capacity_only && !is_capacity_level(r, k)))
            continue;
        double u = 0, q = 0;
        int rc = users_of(&u, res, year, k);
        if (rc == PLANOMSORG_OK && with_queue)
            rc = queue_of(&q, res, year, k);
        if (rc != PLANOMSORG_OK)
            return rc;
        sum += u + q;
    }
    *out = sum;
    return PLANOMSORG_OK;
}

static int population_of(double *out, const planomsorg_result *res, int year, int band)
{
    return planomsorg_population_band(planomsorg_result_population(res), year,
                                      PLANOMSORG_SEX_BOTH, band, out);
}

static int cost_of(double *out, const struct pl_plan_run *run, int code, int year)
{
    return planomsorg_costs_result_get(out, run->costs, code, year, PLANOMSORG_COST_ALL);
}

static int get_value(double *out, const planomsorg_plan_result *r, const struct pl_plan_run *run,
                     int year, int measure, int level, int group)
{
    const planomsorg_result *res = run->services;
    switch (measure) {
    case PLANOMSORG_MEASURE_POPULATION:
        return population_of(out, res, year, PLANOMSORG_BAND_ALL);
    case PLANOMSORG_MEASURE_POPULATION_80P:
        return population_of(out, res, year, PLANOMSORG_BAND_80P);
    case PLANOMSORG_MEASURE_POPULATION_20_66:
        return population_of(out, res, year, PLANOMSORG_BAND_20_66);
    case PLANOMSORG_MEASURE_USERS:
        if (level == PLANOMSORG_PLAN_ALL)
            return sum_levels(out, r, res, year, 0, 0);
        return users_of(out, res, year, level);
    case PLANOMSORG_MEASURE_QUEUE:
        return queue_of(out, res, year,
                        level == PLANOMSORG_PLAN_ALL ? PLANOMSORG_ALL_LEVELS : level);
    case PLANOMSORG_MEASURE_COVERAGE_24H_80P:
        return planomsorg_result_coverage_24h(out, res, year, 0);
    case PLANOMSORG_MEASURE_PLACES_NEEDED: {
        if (level == PLANOMSORG_PLAN_ALL)
            return sum_levels(out, r, res, year, 1, 1);
        if (!is_capacity_level(r, level)) {
            *out = 0;
            return PLANOMSORG_OK;
        }
        double u = 0, q = 0;
        int rc = users_of(&u, res, year, level);
        if (rc == PLANOMSORG_OK)
            rc = queue_of(&q, res, year, level);
        *out = u + q;
        return rc;
    }
    case PLANOMSORG_MEASURE_FTE_DEMAND:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_FTE, year, level,
                                              group);
    case PLANOMSORG_MEASURE_HEADCOUNT_DEMAND:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_PERSONS, year,
                                              level, group);
    case PLANOMSORG_MEASURE_FTE_SUPPLY:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_SUPPLY_FTE, year,
                                              PLANOMSORG_STAFF_ALL, group);
    case PLANOMSORG_MEASURE_HEADCOUNT_SUPPLY:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_SUPPLY_PERSONS,
                                              year, PLANOMSORG_STAFF_ALL, group);
    case PLANOMSORG_MEASURE_FTE_GAP:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_GAP_FTE, year,
                                              PLANOMSORG_STAFF_ALL, group);
    case PLANOMSORG_MEASURE_FTE_SHARE_20_66:
        return planomsorg_staffing_result_get(out, run->staff, PLANOMSORG_STAFF_SHARE_20_66,
                                              year, PLANOMSORG_STAFF_ALL, PLANOMSORG_STAFF_ALL);
    case PLANOMSORG_MEASURE_COST_OPERATING:
        return cost_of(out, run, PLANOMSORG_COST_OPERATING, year);
    case PLANOMSORG_MEASURE_COST_INVESTMENT:
        return cost_of(out, run, PLANOMSORG_COST_INVESTMENT_NET, year);
    case PLANOMSORG_MEASURE_COST_GRANT:
        return cost_of(out, run, PLANOMSORG_COST_GRANT, year);
    case PLANOMSORG_MEASURE_COST_TOTAL:
        return cost_of(out, run, PLANOMSORG_COST_TOTAL, year);
    case PLANOMSORG_MEASURE_NEW_PLACES:
        return cost_of(out, run, PLANOMSORG_COST_NEW_PLACES, year);
    default:
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_plan_result_get: unknown measure %d",
                        measure);
    }
}

int planomsorg_plan_result_get(double *out, const planomsorg_plan_result *r, int scenario,
                               int year, int measure, int level, int group)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    if (scenario < 0 || scenario >= r->n_runs)
        return pl_error(PLANOMSORG_ERANGE, "%s: scenario %d outside 0..%d", __func__, scenario,
                        r->n_runs - 1);
    int rc = check_query(r, year, measure, level, group, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return get_value(out, r, &r->runs[scenario], year, measure, level, group);
}

int planomsorg_plan_result_present_value(double *out, const planomsorg_plan_result *r,
                                         int scenario, int measure, double rate)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    if (scenario < 0 || scenario >= r->n_runs)
        return pl_error(PLANOMSORG_ERANGE, "%s: scenario %d outside 0..%d", __func__, scenario,
                        r->n_runs - 1);
    int code;
    switch (measure) {
    case PLANOMSORG_MEASURE_COST_OPERATING: code = PLANOMSORG_COST_OPERATING; break;
    case PLANOMSORG_MEASURE_COST_INVESTMENT: code = PLANOMSORG_COST_INVESTMENT_NET; break;
    case PLANOMSORG_MEASURE_COST_GRANT: code = PLANOMSORG_COST_GRANT; break;
    case PLANOMSORG_MEASURE_COST_TOTAL: code = PLANOMSORG_COST_TOTAL; break;
    default:
        return pl_error(PLANOMSORG_EINVAL, "%s: measure %d is not a cost measure", __func__,
                        measure);
    }
    if (!isfinite(rate) || rate <= -1)
        return pl_error(PLANOMSORG_EVALUE, "%s: discount rate %g is not a finite number > -1",
                        __func__, rate);
    return planomsorg_costs_result_pv(out, r->runs[scenario].costs, code, rate, r->first_year);
}

int planomsorg_plan_result_band(double *lo, double *hi, const planomsorg_plan_result *r,
                                int year, int measure, int level, int group)
{
    PL_CHECK_NULL(lo);
    PL_CHECK_NULL(hi);
    PL_CHECK_NULL(r);
    int rc = check_query(r, year, measure, level, group, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double mn = INFINITY, mx = -INFINITY;
    for (int i = 0; i < r->n_runs; i++) {
        double v = 0;
        rc = get_value(&v, r, &r->runs[i], year, measure, level, group);
        if (rc != PLANOMSORG_OK)
            return rc;
        mn = fmin(mn, v);
        mx = fmax(mx, v);
    }
    *lo = mn;
    *hi = mx;
    return PLANOMSORG_OK;
}
