/* Operating costs, investment in new places, state grants and present values.
 * Formulas, defaults and their sources: docs/methods/costs.md. */
#include "planomsorg/costs.h"

#include "check.h"
#include "error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LEVELS 64
#define NT PLANOMSORG_N_PLACE_TYPES

struct planomsorg_costs {
    int n_levels, first_year, n_years;
    double cost_per_fte;
    double *cost_per_user;  /* [k] */
    double place_cost[NT];
    double grant_share[NT];
    double ceiling[NT];
    double initial[NT];
    int has_capacity[NT];
    double *capacity;       /* [j][t] */
};

struct planomsorg_costs_result {
    int n_levels, first_year, n_years;
    double *buf;
    double *users_part;  /* [t][k] */
    double *fte_part;    /* [t] */
    double *new_places;  /* [t][j] */
    double *investment;  /* [t][j] */
    double *grant;       /* [t][j] */
};

/* Husbanken's maximum approved cost per unit (anleggskostnad) 2011: 2.222 million NOK
 * (2011 prices); used as the default cost and ceiling until replaced. */
#define DEFAULT_PLACE_COST 2222000.0
/* Husbanken's maximum grant shares since 2014: 50 % nursing-home places, 40 % omsorgsboliger. */
static const double default_grant_share[NT] = {0.50, 0.40};

static const char *const place_names[NT] = {"nursing_home", "housing"};
static const char *const measure_names[PLANOMSORG_COST_N_MEASURES] = {
    "operating", "operating_users", "operating_fte", "new_places", "investment", "grant",
    "investment_net", "total"};

const char *planomsorg_place_type_name(int type)
{
    if (type < 0 || type >= NT)
        return NULL;
    return place_names[type];
}

const char *planomsorg_cost_measure_name(int measure)
{
    if (measure < 0 || measure >= PLANOMSORG_COST_N_MEASURES)
        return NULL;
    return measure_names[measure];
}

void planomsorg_costs_defaults(double *cost_per_fte, double *place_cost,
                               double *grant_nursing_home, double *grant_housing, int *all)
{
    if (cost_per_fte != NULL)
        *cost_per_fte = PLANOMSORG_DEFAULT_COST_PER_FTE;
    if (place_cost != NULL)
        *place_cost = DEFAULT_PLACE_COST;
    if (grant_nursing_home != NULL)
        *grant_nursing_home = default_grant_share[PLANOMSORG_PLACE_NURSING_HOME];
    if (grant_housing != NULL)
        *grant_housing = default_grant_share[PLANOMSORG_PLACE_HOUSING];
    if (all != NULL)
        *all = PLANOMSORG_COST_ALL;
}

/* ---- checks ------------------------------------------------------------------------- */

static int check_type(int type, const char *fn)
{
    if (type < 0 || type >= NT)
        return pl_error(PLANOMSORG_ERANGE, "%s: place type %d is unknown (0..%d)", fn, type,
                        NT - 1);
    return PLANOMSORG_OK;
}

static int check_rate(double rate, const char *fn)
{
    if (!isfinite(rate) || rate <= -1)
        return pl_error(PLANOMSORG_EVALUE, "%s: discount rate %g is not a finite number > -1",
                        fn, rate);
    return PLANOMSORG_OK;
}

/* ---- lifetime ----------------------------------------------------------------------- */

static planomsorg_costs *costs_alloc(int n_levels, int first_year, int n_years)
{
    planomsorg_costs *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->n_levels = n_levels;
    c->first_year = first_year;
    c->n_years = n_years;
    c->cost_per_user = calloc((size_t)n_levels, sizeof *c->cost_per_user);
    c->capacity = calloc((size_t)NT * (size_t)n_years, sizeof *c->capacity);
    if (c->cost_per_user == NULL || c->capacity == NULL) {
        planomsorg_costs_free(c);
        return NULL;
    }
    return c;
}

void planomsorg_costs_free(planomsorg_costs *costs)
{
    if (costs == NULL)
        return;
    free(costs->cost_per_user);
    free(costs->capacity);
    free(costs);
}

int planomsorg_costs_new(planomsorg_costs **out, int n_levels, int first_year, int n_years)
{
    PL_CHECK_NULL(out);
    int rc = pl_check_int(n_levels, 1, MAX_LEVELS, "n_levels", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_year_range(first_year, "first_year", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_int(n_years, 1, 500, "n_years", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_costs *c = costs_alloc(n_levels, first_year, n_years);
    if (c == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    c->cost_per_fte = PLANOMSORG_DEFAULT_COST_PER_FTE;
    for (int j = 0; j < NT; j++) {
        c->place_cost[j] = DEFAULT_PLACE_COST;
        c->grant_share[j] = default_grant_share[j];
        c->ceiling[j] = DEFAULT_PLACE_COST;
    }
    *out = c;
    return PLANOMSORG_OK;
}

int planomsorg_costs_copy(planomsorg_costs **out, const planomsorg_costs *costs)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(costs);
    planomsorg_costs *c = costs_alloc(costs->n_levels, costs->first_year, costs->n_years);
    if (c == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    double *cpu = c->cost_per_user, *cap = c->capacity;
    *c = *costs;
    c->cost_per_user = cpu;
    c->capacity = cap;
    memcpy(cpu, costs->cost_per_user, (size_t)costs->n_levels * sizeof *cpu);
    memcpy(cap, costs->capacity, (size_t)NT * (size_t)costs->n_years * sizeof *cap);
    *out = c;
    return PLANOMSORG_OK;
}

int planomsorg_costs_n_levels(const planomsorg_costs *c) { return c ? c->n_levels : 0; }
int planomsorg_costs_first_year(const planomsorg_costs *c) { return c ? c->first_year : 0; }
int planomsorg_costs_n_years(const planomsorg_costs *c) { return c ? c->n_years : 0; }

/* ---- setters and getters ------------------------------------------------------------ */

int planomsorg_costs_set_cost_per_user(planomsorg_costs *costs, int level, double nok)
{
    PL_CHECK_NULL(costs);
    int rc = pl_check_index(level, costs->n_levels, "level", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_nonneg(nok, "cost per user-year", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    costs->cost_per_user[level] = nok;
    return PLANOMSORG_OK;
}

int planomsorg_costs_cost_per_user(double *nok, const planomsorg_costs *costs, int level)
{
    PL_CHECK_NULL(nok);
    PL_CHECK_NULL(costs);
    int rc = pl_check_index(level, costs->n_levels, "level", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *nok = costs->cost_per_user[level];
    return PLANOMSORG_OK;
}

int planomsorg_costs_set_cost_per_fte(planomsorg_costs *costs, double nok)
{
    PL_CHECK_NULL(costs);
    int rc = pl_check_nonneg(nok, "cost per FTE", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    costs->cost_per_fte = nok;
    return PLANOMSORG_OK;
}

int planomsorg_costs_cost_per_fte(double *nok, const planomsorg_costs *costs)
{
    PL_CHECK_NULL(nok);
    PL_CHECK_NULL(costs);
    *nok = costs->cost_per_fte;
    return PLANOMSORG_OK;
}

int planomsorg_costs_set_place_cost(planomsorg_costs *costs, int type, double nok)
{
    PL_CHECK_NULL(costs);
    int rc = check_type(type, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_nonneg(nok, "cost per place", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    costs->place_cost[type] = nok;
    return PLANOMSORG_OK;
}

int planomsorg_costs_set_grant(planomsorg_costs *costs, int type, double share, double ceiling)
{
    PL_CHECK_NULL(costs);
    int rc = check_type(type, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!(share >= 0 && share <= 1))
        return pl_error(PLANOMSORG_EVALUE, "%s: grant share %g is not in [0, 1]", __func__,
                        share);
    if (isnan(ceiling) || ceiling <= 0 || ceiling == -INFINITY)
        return pl_error(PLANOMSORG_EVALUE, "%s: ceiling %g is not a number > 0 (or INFINITY)",
                        __func__, ceiling);
    costs->grant_share[type] = share;
    costs->ceiling[type] = ceiling;
    return PLANOMSORG_OK;
}

int planomsorg_costs_place(double *cost, double *share, double *ceiling,
                           const planomsorg_costs *costs, int type)
{
    PL_CHECK_NULL(costs);
    int rc = check_type(type, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (cost != NULL)
        *cost = costs->place_cost[type];
    if (share != NULL)
        *share = costs->grant_share[type];
    if (ceiling != NULL)
        *ceiling = costs->ceiling[type];
    return PLANOMSORG_OK;
}

int planomsorg_costs_set_capacity(planomsorg_costs *costs, int type, double initial,
                                  const double *capacity, size_t n)
{
    PL_CHECK_NULL(costs);
    PL_CHECK_NULL(capacity);
    int rc = check_type(type, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_nonneg(initial, "initial places", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, (size_t)costs->n_years, "the capacity path", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_nonneg_values(capacity, n, "capacity", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    costs->initial[type] = initial;
    memcpy(costs->capacity + (size_t)type * n, capacity, n * sizeof *capacity);
    costs->has_capacity[type] = 1;
    return PLANOMSORG_OK;
}

/* ---- computation -------------------------------------------------------------------- */

void planomsorg_costs_result_free(planomsorg_costs_result *result)
{
    if (result == NULL)
        return;
    free(result->buf);
    free(result);
}

int planomsorg_costs_compute(planomsorg_costs_result **out, const planomsorg_costs *costs,
                             const double *users, size_t n_users, const double *fte,
                             size_t n_fte)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(costs);
    const planomsorg_costs *c = costs;
    size_t K = (size_t)c->n_levels, T = (size_t)c->n_years;
    int rc = PLANOMSORG_OK;
    if (users == NULL && n_users != 0)
        rc = pl_error(PLANOMSORG_EINVAL, "%s: users is NULL but n_users = %zu", __func__,
                      n_users);
    if (rc == PLANOMSORG_OK && fte == NULL && n_fte != 0)
        rc = pl_error(PLANOMSORG_EINVAL, "%s: fte is NULL but n_fte = %zu", __func__, n_fte);
    if (rc == PLANOMSORG_OK && users != NULL)
        rc = pl_check_count(n_users, T * K, "users [year][level]", __func__);
    if (rc == PLANOMSORG_OK && fte != NULL)
        rc = pl_check_count(n_fte, T, "fte [year]", __func__);
    if (rc == PLANOMSORG_OK && users != NULL)
        rc = pl_check_nonneg_values(users, n_users, "users", __func__);
    if (rc == PLANOMSORG_OK && fte != NULL)
        rc = pl_check_nonneg_values(fte, n_fte, "fte", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;

    planomsorg_costs_result *r = calloc(1, sizeof *r);
    if (r != NULL)
        r->buf = calloc(T * K + T + 3 * T * NT, sizeof *r->buf);
    if (r == NULL || r->buf == NULL) {
        free(r);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    r->n_levels = c->n_levels;
    r->first_year = c->first_year;
    r->n_years = c->n_years;
    r->users_part = r->buf;
    r->fte_part = r->users_part + T * K;
    r->new_places = r->fte_part + T;
    r->investment = r->new_places + T * NT;
    r->grant = r->investment + T * NT;

    for (size_t t = 0; t < T; t++) {
        for (size_t k = 0; k < K && users != NULL; k++)
            r->users_part[t * K + k] = users[t * K + k] * c->cost_per_user[k];
        r->fte_part[t] = fte != NULL ? fte[t] * c->cost_per_fte : 0.0;
    }
    for (size_t j = 0; j < NT; j++) {
        if (!c->has_capacity[j])
            continue;
        double approved = c->place_cost[j] < c->ceiling[j] ? c->place_cost[j] : c->ceiling[j];
        double prev = c->initial[j];
        for (size_t t = 0; t < T; t++) {
            double cap = c->capacity[j * T + t];
            double added = cap > prev ? cap - prev : 0.0;
            r->new_places[t * NT + j] = added;
            r->investment[t * NT + j] = added * c->place_cost[j];
            r->grant[t * NT + j] = added * c->grant_share[j] * approved;
            prev = cap;
        }
    }
    *out = r;
    return PLANOMSORG_OK;
}

/* Value of a measure in year index t; index is a level, a place type or COST_ALL. */
static double measure_value(const planomsorg_costs_result *r, int measure, size_t t, int index)
{
    size_t K = (size_t)r->n_levels;
    double sum = 0;
    switch (measure) {
    case PLANOMSORG_COST_OPERATING_USERS:
        if (index != PLANOMSORG_COST_ALL)
            return r->users_part[t * K + (size_t)index];
        for (size_t k = 0; k < K; k++)
            sum += r->users_part[t * K + k];
        return sum;
    case PLANOMSORG_COST_OPERATING_FTE:
        return r->fte_part[t];
    case PLANOMSORG_COST_OPERATING:
        return measure_value(r, PLANOMSORG_COST_OPERATING_USERS, t, PLANOMSORG_COST_ALL) +
               r->fte_part[t];
    case PLANOMSORG_COST_TOTAL:
        return measure_value(r, PLANOMSORG_COST_OPERATING, t, PLANOMSORG_COST_ALL) +
               measure_value(r, PLANOMSORG_COST_INVESTMENT_NET, t, PLANOMSORG_COST_ALL);
    default: {
        size_t j0 = index == PLANOMSORG_COST_ALL ? 0 : (size_t)index;
        size_t j1 = index == PLANOMSORG_COST_ALL ? NT : j0 + 1;
        for (size_t j = j0; j < j1; j++) {
            size_t i = t * NT + j;
            if (measure == PLANOMSORG_COST_NEW_PLACES)
                sum += r->new_places[i];
            else if (measure == PLANOMSORG_COST_INVESTMENT)
                sum += r->investment[i];
            else if (measure == PLANOMSORG_COST_GRANT)
                sum += r->grant[i];
            else
                sum += r->investment[i] - r->grant[i];
        }
        return sum;
    }
    }
}

int planomsorg_costs_result_get(double *value, const planomsorg_costs_result *result,
                                int measure, int year, int index)
{
    PL_CHECK_NULL(value);
    PL_CHECK_NULL(result);
    const planomsorg_costs_result *r = result;
    int rc = pl_check_code(measure, PLANOMSORG_COST_N_MEASURES, "measure", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = pl_check_year_in(year, r->first_year, r->n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (index != PLANOMSORG_COST_ALL) {
        if (measure == PLANOMSORG_COST_OPERATING_USERS) {
            if (index < 0 || index >= r->n_levels)
                return pl_error(PLANOMSORG_ERANGE, "%s: level %d is unknown (0..%d or "
                                "PLANOMSORG_COST_ALL)", __func__, index, r->n_levels - 1);
        } else if (measure >= PLANOMSORG_COST_NEW_PLACES &&
                   measure <= PLANOMSORG_COST_INVESTMENT_NET) {
            rc = check_type(index, __func__);
            if (rc != PLANOMSORG_OK)
                return rc;
        } else {
            return pl_error(PLANOMSORG_EINVAL, "%s: measure %s has no breakdown; pass "
                            "PLANOMSORG_COST_ALL, not %d", __func__, measure_names[measure],
                            index);
        }
    }
    *value = measure_value(r, measure, (size_t)(year - r->first_year), index);
    return PLANOMSORG_OK;
}

int planomsorg_costs_result_export(const planomsorg_costs_result *result, int measure,
                                   double *out, size_t n)
{
    PL_CHECK_NULL(result);
    PL_CHECK_NULL(out);
    int rc = pl_check_code(measure, PLANOMSORG_COST_N_MEASURES, "measure", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, (size_t)result->n_years, "the output", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (size_t t = 0; t < n; t++)
        out[t] = measure_value(result, measure, t, PLANOMSORG_COST_ALL);
    return PLANOMSORG_OK;
}

/* Sum in order of the years with the factor (1 + r)^-(year - base) computed by pow per
 * year, so that no error accumulates over long horizons. */
static double discounted_sum(const double *values, size_t n, int first_year, double rate,
                             int base_year)
{
    double sum = 0;
    for (size_t t = 0; t < n; t++)
        sum += values[t] * pow(1.0 + rate, -(double)(first_year + (int)t - base_year));
    return sum;
}

int planomsorg_present_value(double *value, const double *values, size_t n, int first_year,
                             double rate, int base_year)
{
    PL_CHECK_NULL(value);
    PL_CHECK_NULL(values);
    if (n == 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the number of years must be at least 1",
                        __func__);
    int rc = pl_check_year_range(first_year, "first_year", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_year_range(base_year, "base_year", __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_rate(rate, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (size_t t = 0; t < n; t++)
        if (!isfinite(values[t]))
            return pl_error(PLANOMSORG_EVALUE, "%s: values[%zu] = %g is not finite", __func__,
                            t, values[t]);
    double pv = discounted_sum(values, n, first_year, rate, base_year);
    if (!isfinite(pv))
        return pl_error(PLANOMSORG_EVALUE, "%s: the present value overflows at rate %g",
                        __func__, rate);
    *value = pv;
    return PLANOMSORG_OK;
}

int planomsorg_costs_result_pv(double *value, const planomsorg_costs_result *result,
                               int measure, double rate, int base_year)
{
    PL_CHECK_NULL(value);
    PL_CHECK_NULL(result);
    int rc = pl_check_code(measure, PLANOMSORG_COST_N_MEASURES, "measure", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t T = (size_t)result->n_years;
    double *series = malloc(T * sizeof *series);
    if (series == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    for (size_t t = 0; t < T; t++)
        series[t] = measure_value(result, measure, t, PLANOMSORG_COST_ALL);
    rc = planomsorg_present_value(value, series, T, result->first_year, rate, base_year);
    free(series);
    return rc;
}
