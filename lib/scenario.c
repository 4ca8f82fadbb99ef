/* Scenarios: levers as values or paths over years, capacity plans by level name, and the
 * named bundles worst/middle/best. Bundle values and sources: docs/methods/scenario.md. */
#include "planomsorg/scenario.h"
#include "planomsorg/demography.h"
#include "planomsorg/population.h"

#include "check.h"
#include "error.h"
#include "scenario_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_YEARS 500

static const char *const lever_names[PLANOMSORG_N_LEVERS] = {
    "health", "family_care", "standard", "productivity", "dreining", "recruitment",
};
static const double lever_neutral[PLANOMSORG_N_LEVERS] = {0, 1, 0, 0, 1, 1};
static const double lever_lo[PLANOMSORG_N_LEVERS] = {0, 0, -0.5, -0.5, 0, 0};
static const double lever_hi[PLANOMSORG_N_LEVERS] = {1, 10, 0.5, 0.5, 10, 10};
static const char *const bundle_names[PLANOMSORG_N_BUNDLES] = {"worst", "middle", "best"};

static int check_name(const char *name, const char *function)
{
    size_t n = strlen(name);
    if (n == 0 || n > PLANOMSORG_SCENARIO_NAME_MAX)
        return pl_error(PLANOMSORG_EINVAL, "%s: scenario name '%s' must have 1..%d bytes",
                        function, name, PLANOMSORG_SCENARIO_NAME_MAX);
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.';
        if (!ok)
            return pl_error(PLANOMSORG_EINVAL, "%s: scenario name '%s' has the character '%c' "
                            "(letters, digits, '_', '-' and '.' only)", function, name, c);
    }
    return PLANOMSORG_OK;
}

static int check_lever(int lever, const char *function)
{
    return pl_check_code(lever, PLANOMSORG_N_LEVERS, "lever", function);
}

static int check_years(int first_year, int n_years, int min_n, const char *function)
{
    if (n_years < min_n || n_years > PATH_MAX_YEARS)
        return pl_error(PLANOMSORG_ERANGE, "%s: a path of %d years (%d..%d allowed)", function,
                        n_years, min_n, PATH_MAX_YEARS);
    if (n_years > 0 && (first_year < PL_YEAR_MIN || first_year + n_years - 1 > PL_YEAR_MAX))
        return pl_error(PLANOMSORG_ERANGE, "%s: years %d..%d outside %d..%d", function,
                        first_year, first_year + n_years - 1, PL_YEAR_MIN, PL_YEAR_MAX);
    return PLANOMSORG_OK;
}

int pl_scenario_check_value(int lever, double value, int year, const char *function)
{
    if (!isfinite(value) || value < lever_lo[lever] || value > lever_hi[lever]) {
        if (year)
            return pl_error(PLANOMSORG_EVALUE, "%s: %s = %g in %d is outside [%g, %g]", function,
                            lever_names[lever], value, year, lever_lo[lever], lever_hi[lever]);
        return pl_error(PLANOMSORG_EVALUE, "%s: %s = %g is outside [%g, %g]", function,
                        lever_names[lever], value, lever_lo[lever], lever_hi[lever]);
    }
    return PLANOMSORG_OK;
}

int planomsorg_scenario_new(planomsorg_scenario **out, const char *name)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(name);
    int rc = check_name(name, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_scenario *sc = calloc(1, sizeof *sc);
    if (!sc)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    strcpy(sc->name, name);
    sc->demography = PLANOMSORG_ALTERNATIVE_MAIN;
    for (int l = 0; l < PLANOMSORG_N_LEVERS; l++)
        sc->levers[l].value = lever_neutral[l];
    *out = sc;
    return PLANOMSORG_OK;
}

/* Bundle values: docs/methods/scenario.md ("Bundles"), where each is sourced. */
static int fill_bundle(planomsorg_scenario *sc, int bundle)
{
    int rc = PLANOMSORG_OK;
    switch (bundle) {
    case PLANOMSORG_BUNDLE_WORST:
        sc->demography = PLANOMSORG_ALTERNATIVE_HIGH;
        rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, 0.0);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2025, 1.0,
                                              2040, 1.10);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_STANDARD, 0.005);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_RECRUITMENT, 0.9);
        break;
    case PLANOMSORG_BUNDLE_MIDDLE:
        sc->demography = PLANOMSORG_ALTERNATIVE_MAIN;
        rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, 0.5);
        break;
    case PLANOMSORG_BUNDLE_BEST:
        sc->demography = PLANOMSORG_ALTERNATIVE_LOW;
        rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_HEALTH, 1.0);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_FAMILY_CARE, 2025, 1.0,
                                              2040, 0.90);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_PRODUCTIVITY, 0.01);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_ramp(sc, PLANOMSORG_LEVER_DREINING, 2025, 1.0, 2035,
                                              0.85);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_value(sc, PLANOMSORG_LEVER_RECRUITMENT, 1.1);
        break;
    default:
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_scenario_new_bundle: unknown bundle code %d",
                        bundle);
    }
    return rc;
}

int planomsorg_scenario_new_bundle(planomsorg_scenario **out, int bundle)
{
    PL_CHECK_NULL(out);
    int rc = pl_check_code(bundle, PLANOMSORG_N_BUNDLES, "bundle", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_scenario *sc = NULL;
    rc = planomsorg_scenario_new(&sc, bundle_names[bundle]);
    if (rc == PLANOMSORG_OK)
        rc = fill_bundle(sc, bundle);
    if (rc != PLANOMSORG_OK) {
        planomsorg_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return PLANOMSORG_OK;
}

void planomsorg_scenario_free(planomsorg_scenario *sc)
{
    if (!sc)
        return;
    for (int l = 0; l < PLANOMSORG_N_LEVERS; l++)
        pl_path_clear(&sc->levers[l].path);
    for (int i = 0; i < sc->n_capacity; i++)
        free(sc->capacity[i].places);
    free(sc);
}

static double *dup_doubles(const double *src, int n)
{
    if (n <= 0)
        return NULL;
    double *p = malloc((size_t)n * sizeof *p);
    if (p)
        memcpy(p, src, (size_t)n * sizeof *p);
    return p;
}

int planomsorg_scenario_copy(planomsorg_scenario **out, const planomsorg_scenario *sc)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(sc);
    planomsorg_scenario *c = malloc(sizeof *c);
    if (!c)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    *c = *sc;
    int ok = 1;
    for (int l = 0; l < PLANOMSORG_N_LEVERS; l++) {
        const struct pl_path *from = &sc->levers[l].path;
        c->levers[l].path.values = dup_doubles(from->values, from->n_years);
        if (from->n_years > 0 && !c->levers[l].path.values)
            ok = 0;
    }
    for (int i = 0; i < sc->n_capacity; i++) {
        c->capacity[i].places = dup_doubles(sc->capacity[i].places, sc->capacity[i].n_years);
        if (!c->capacity[i].places)
            ok = 0;
    }
    if (!ok) {
        planomsorg_scenario_free(c);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    *out = c;
    return PLANOMSORG_OK;
}

const char *planomsorg_scenario_name(const planomsorg_scenario *sc)
{
    return sc ? sc->name : NULL;
}

int planomsorg_scenario_set_name(planomsorg_scenario *sc, const char *name)
{
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(name);
    int rc = check_name(name, __func__);
    if (rc == PLANOMSORG_OK)
        strcpy(sc->name, name);
    return rc;
}

int planomsorg_scenario_set_demography(planomsorg_scenario *sc, int alternative)
{
    PL_CHECK_NULL(sc);
    int rc = pl_check_code(alternative, PLANOMSORG_N_ALTERNATIVES, "demography alternative",
                           __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    sc->demography = alternative;
    return PLANOMSORG_OK;
}

int planomsorg_scenario_demography(const planomsorg_scenario *sc)
{
    return sc ? sc->demography : -1;
}

int planomsorg_scenario_set_value(planomsorg_scenario *sc, int lever, double value)
{
    PL_CHECK_NULL(sc);
    int rc = check_lever(lever, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_scenario_check_value(lever, value, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    pl_path_clear(&sc->levers[lever].path);
    sc->levers[lever].value = value;
    return PLANOMSORG_OK;
}

int planomsorg_scenario_set_path(planomsorg_scenario *sc, int lever, const double *values,
                                 int first_year, int n_years)
{
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(values);
    int rc = check_lever(lever, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_years(first_year, n_years, 1, __func__);
    for (int i = 0; rc == PLANOMSORG_OK && i < n_years; i++)
        rc = pl_scenario_check_value(lever, values[i], first_year + i, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double *p = dup_doubles(values, n_years);
    if (!p)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    pl_path_clear(&sc->levers[lever].path);
    sc->levers[lever].path = (struct pl_path){first_year, n_years, p};
    sc->levers[lever].value = lever_neutral[lever];
    return PLANOMSORG_OK;
}

int planomsorg_scenario_set_ramp(planomsorg_scenario *sc, int lever, int start_year,
                                 double start_value, int end_year, double end_value)
{
    PL_CHECK_NULL(sc);
    int rc = check_lever(lever, __func__);
    if (rc == PLANOMSORG_OK && end_year < start_year)
        rc = pl_error(PLANOMSORG_ERANGE, "%s: end year %d is before start year %d", __func__,
                      end_year, start_year);
    if (rc == PLANOMSORG_OK)
        rc = check_years(start_year, end_year - start_year + 1, 1, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_scenario_check_value(lever, start_value, start_year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_scenario_check_value(lever, end_value, end_year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int n = end_year - start_year + 1;
    double *v = malloc((size_t)n * sizeof *v);
    if (!v)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    for (int i = 0; i < n; i++)
        v[i] = n == 1 ? end_value : start_value + (end_value - start_value) * i / (n - 1);
    rc = planomsorg_scenario_set_path(sc, lever, v, start_year, n);
    free(v);
    return rc;
}

double pl_scenario_lever_at(const planomsorg_scenario *sc, int lever, int year)
{
    const struct pl_lever *l = &sc->levers[lever];
    return l->path.n_years == 0 ? l->value : pl_path_value(&l->path, year, lever_neutral[lever]);
}

int planomsorg_scenario_lever(double *out, const planomsorg_scenario *sc, int lever, int year)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(sc);
    int rc = check_lever(lever, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (year < PL_YEAR_MIN || year > PL_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside %d..%d", __func__, year,
                        PL_YEAR_MIN, PL_YEAR_MAX);
    *out = pl_scenario_lever_at(sc, lever, year);
    return PLANOMSORG_OK;
}

double pl_scenario_growth_at(const planomsorg_scenario *sc, int lever, int base_year, int year)
{
    double f = 1;
    for (int t = base_year + 1; t <= year; t++)
        f *= 1 + pl_scenario_lever_at(sc, lever, t);
    return f;
}

int planomsorg_scenario_growth_factor(double *out, const planomsorg_scenario *sc, int lever,
                                      int base_year, int year)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(sc);
    if (lever != PLANOMSORG_LEVER_STANDARD && lever != PLANOMSORG_LEVER_PRODUCTIVITY)
        return pl_error(PLANOMSORG_EINVAL, "%s: lever %d is not a growth rate (standard or "
                        "productivity)", __func__, lever);
    if (base_year < PL_YEAR_MIN || base_year > PL_YEAR_MAX || year < PL_YEAR_MIN || year > PL_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: years %d, %d outside %d..%d", __func__,
                        base_year, year, PL_YEAR_MIN, PL_YEAR_MAX);
    *out = pl_scenario_growth_at(sc, lever, base_year, year);
    return PLANOMSORG_OK;
}

int planomsorg_scenario_lever_is_path(const planomsorg_scenario *sc, int lever)
{
    if (!sc || lever < 0 || lever >= PLANOMSORG_N_LEVERS)
        return -1;
    return sc->levers[lever].path.n_years > 0;
}

/* Stores places (is_target 0) or coverage targets for a level, replacing its plan. */
static int set_capacity(planomsorg_scenario *sc, const char *level, const double *values,
                        int first_year, int n_years, int is_target, int age_lo, int age_hi,
                        const char *function)
{
    size_t len = strlen(level);
    if (len == 0 || len >= sizeof sc->capacity[0].level)
        return pl_error(PLANOMSORG_EINVAL, "%s: level name '%s' must have 1..%zu bytes",
                        function, level, sizeof sc->capacity[0].level - 1);
    int rc = check_years(first_year, n_years, 0, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_years > 0) {
        if (!values)
            return pl_error_null(function, is_target ? "targets" : "places");
        rc = is_target ? pl_check_values(values, (size_t)n_years, 0, 0, 1, 0, "targets", function)
                       : pl_check_nonneg_values(values, (size_t)n_years, "places", function);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    int idx = -1;
    for (int i = 0; i < sc->n_capacity; i++)
        if (strcmp(sc->capacity[i].level, level) == 0)
            idx = i;
    if (n_years == 0) {
        if (idx >= 0) {
            free(sc->capacity[idx].places);
            sc->capacity[idx] = sc->capacity[sc->n_capacity - 1];
            sc->n_capacity--;
        }
        return PLANOMSORG_OK;
    }
    if (idx < 0 && sc->n_capacity >= PLANOMSORG_SCENARIO_MAX_CAPACITY)
        return pl_error(PLANOMSORG_ERANGE, "%s: more than %d capacity plans", function,
                        PLANOMSORG_SCENARIO_MAX_CAPACITY);
    double *p = dup_doubles(values, n_years);
    if (!p)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    if (idx < 0) {
        idx = sc->n_capacity++;
        strcpy(sc->capacity[idx].level, level);
    } else {
        free(sc->capacity[idx].places);
    }
    struct pl_capacity *c = &sc->capacity[idx];
    c->places = p;
    c->first_year = first_year;
    c->n_years = n_years;
    c->is_target = is_target;
    c->age_lo = is_target ? age_lo : 0;
    c->age_hi = is_target ? age_hi : PLANOMSORG_AGE_OPEN;
    return PLANOMSORG_OK;
}

int planomsorg_scenario_set_capacity(planomsorg_scenario *sc, const char *level,
                                     const double *places, int first_year, int n_years)
{
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(level);
    return set_capacity(sc, level, places, first_year, n_years, 0, 0, PLANOMSORG_AGE_OPEN,
                        __func__);
}

int planomsorg_scenario_set_coverage_target(planomsorg_scenario *sc, const char *level,
                                            const double *targets, int first_year, int n_years,
                                            int age_lo, int age_hi)
{
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(level);
    int rc = pl_check_int(age_lo, 0, PLANOMSORG_MAX_AGE_LIMIT, "age_lo", __func__);
    if (rc == PLANOMSORG_OK && age_hi != PLANOMSORG_AGE_OPEN)
        rc = pl_check_int(age_hi, age_lo, PLANOMSORG_MAX_AGE_LIMIT, "age_hi", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return set_capacity(sc, level, targets, first_year, n_years, 1, age_lo, age_hi, __func__);
}

int planomsorg_scenario_capacity_target(int *is_target, int *age_lo, int *age_hi,
                                        const planomsorg_scenario *sc, int index)
{
    PL_CHECK_NULL(sc);
    int rc = pl_check_index(index, sc->n_capacity, "capacity plan", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (is_target)
        *is_target = sc->capacity[index].is_target;
    if (age_lo)
        *age_lo = sc->capacity[index].age_lo;
    if (age_hi)
        *age_hi = sc->capacity[index].age_hi;
    return PLANOMSORG_OK;
}

int planomsorg_scenario_n_capacities(const planomsorg_scenario *sc)
{
    return sc ? sc->n_capacity : 0;
}

int planomsorg_scenario_capacity(const char **level, const double **places, int *first_year,
                                 int *n_years, const planomsorg_scenario *sc, int index)
{
    PL_CHECK_NULL(sc);
    if (index < 0 || index >= sc->n_capacity)
        return pl_error(PLANOMSORG_ERANGE, "%s: capacity index %d outside 0..%d", __func__,
                        index, sc->n_capacity - 1);
    const struct pl_capacity *c = &sc->capacity[index];
    if (level)
        *level = c->level;
    if (places)
        *places = c->places;
    if (first_year)
        *first_year = c->first_year;
    if (n_years)
        *n_years = c->n_years;
    return PLANOMSORG_OK;
}

const char *planomsorg_lever_name(int lever)
{
    return lever >= 0 && lever < PLANOMSORG_N_LEVERS ? lever_names[lever] : NULL;
}

int planomsorg_lever_find(int *lever, const char *name)
{
    PL_CHECK_NULL(lever);
    PL_CHECK_NULL(name);
    return pl_find_name(lever, lever_names, PLANOMSORG_N_LEVERS, name, "lever", __func__);
}

double planomsorg_lever_neutral(int lever)
{
    return lever >= 0 && lever < PLANOMSORG_N_LEVERS ? lever_neutral[lever] : NAN;
}

int planomsorg_lever_range(double *lo, double *hi, int lever)
{
    PL_CHECK_NULL(lo);
    PL_CHECK_NULL(hi);
    int rc = check_lever(lever, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *lo = lever_lo[lever];
    *hi = lever_hi[lever];
    return PLANOMSORG_OK;
}

const char *planomsorg_bundle_name(int bundle)
{
    return bundle >= 0 && bundle < PLANOMSORG_N_BUNDLES ? bundle_names[bundle] : NULL;
}

int planomsorg_bundle_find(int *bundle, const char *name)
{
    PL_CHECK_NULL(bundle);
    PL_CHECK_NULL(name);
    return pl_find_name(bundle, bundle_names, PLANOMSORG_N_BUNDLES, name, "bundle", __func__);
}
