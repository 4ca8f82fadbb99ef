/* The plan: binds population, staircase and rates or transitions, staffing, costs and
 * scenarios, and runs them into one plan result. Method: docs/methods/plan.md.
 * The modules do the arithmetic; this file only maps scenario levers onto them. */
#include "planomsorg/plan.h"
#include "planomsorg/coverage.h"
#include "planomsorg/data.h"
#include "planomsorg/demography.h"
#include "planomsorg/services.h"

#include "check.h"
#include "error.h"
#include "plan_internal.h"
#include "scenario_internal.h"
#include "staircase_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_YEAR_MIN 1900
#define PLAN_YEAR_MAX 2100
#define LE_AGE 65

int pl_plan_default_place_type(int kind)
{
    switch (kind) {
    case PLANOMSORG_LEVEL_KIND_HOUSING:
    case PLANOMSORG_LEVEL_KIND_HOUSING24:
        return PLANOMSORG_PLACE_HOUSING;
    case PLANOMSORG_LEVEL_KIND_SHORT_TERM:
    case PLANOMSORG_LEVEL_KIND_LONG_TERM:
        return PLANOMSORG_PLACE_NURSING_HOME;
    default:
        return PLANOMSORG_PLACE_NONE;
    }
}

void pl_plan_overrides_clear(struct pl_overrides *ov)
{
    double *d = (double *)ov;
    for (size_t i = 0; i < sizeof *ov / sizeof(double); i++)
        d[i] = NAN;
}

static int check_region(const char *region, char *dst, const char *function)
{
    if (!region || strcmp(region, PLANOMSORG_NORWAY) == 0) {
        strcpy(dst, PLANOMSORG_NORWAY);
        return PLANOMSORG_OK;
    }
    if (strlen(region) != 4 || !planomsorg_data_region_name(region))
        return pl_error(PLANOMSORG_ENOTFOUND, "%s: unknown region '%s' (a four-digit "
                        "municipality number of the embedded data, or 0000 for Norway)",
                        function, region);
    strcpy(dst, region);
    return PLANOMSORG_OK;
}

static int check_years(int base_year, int last_year, const char *function)
{
    if (base_year < PLAN_YEAR_MIN || base_year > PLAN_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: base year %d outside %d..%d", function,
                        base_year, PLAN_YEAR_MIN, PLAN_YEAR_MAX);
    if (last_year < base_year || last_year > PLAN_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: last year %d outside %d..%d", function,
                        last_year, base_year, PLAN_YEAR_MAX);
    return PLANOMSORG_OK;
}

static void default_place_types(planomsorg_plan *plan)
{
    int K = planomsorg_staircase_n_levels(plan->sc);
    for (int k = 0; k < K; k++) {
        int kind = PLANOMSORG_LEVEL_KIND_NONE;
        planomsorg_staircase_level_kind(&kind, plan->sc, k);
        plan->place_type[k] = pl_plan_default_place_type(kind);
    }
}

int planomsorg_plan_new(planomsorg_plan **out, const char *region, int base_year,
                        int last_year)
{
    PL_CHECK_NULL(out);
    planomsorg_plan *p = calloc(1, sizeof *p);
    if (!p)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    int rc = check_region(region, p->region, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_years(base_year, last_year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_staircase_new_default(&p->sc);
    if (rc != PLANOMSORG_OK) {
        planomsorg_plan_free(p);
        return rc;
    }
    p->base_year = base_year;
    p->last_year = last_year;
    p->rates_kind = PL_RATES_KOSTRA;
    pl_plan_overrides_clear(&p->ov);
    default_place_types(p);
    *out = p;
    return PLANOMSORG_OK;
}

void planomsorg_plan_free(planomsorg_plan *plan)
{
    if (!plan)
        return;
    planomsorg_population_free(plan->pop);
    planomsorg_staircase_free(plan->sc);
    free(plan->rates);
    free(plan->band_lo);
    planomsorg_transitions_free(plan->tr);
    planomsorg_staffing_free(plan->staffing);
    planomsorg_costs_free(plan->costs);
    planomsorg_ssbproj_free(plan->owned_align);
    for (int i = 0; i < plan->n_scen; i++)
        planomsorg_scenario_free(plan->scen[i]);
    free(plan);
}

int planomsorg_plan_set_region(planomsorg_plan *plan, const char *region)
{
    PL_CHECK_NULL(plan);
    char code[8];
    int rc = check_region(region, code, __func__);
    if (rc == PLANOMSORG_OK)
        strcpy(plan->region, code);
    return rc;
}

const char *planomsorg_plan_region(const planomsorg_plan *plan)
{
    return plan ? plan->region : NULL;
}

int planomsorg_plan_set_years(planomsorg_plan *plan, int base_year, int last_year)
{
    PL_CHECK_NULL(plan);
    int rc = check_years(base_year, last_year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    plan->base_year = base_year;
    plan->last_year = last_year;
    return PLANOMSORG_OK;
}

int planomsorg_plan_years(int *base_year, int *last_year, const planomsorg_plan *plan)
{
    PL_CHECK_NULL(plan);
    if (base_year)
        *base_year = plan->base_year;
    if (last_year)
        *last_year = plan->last_year;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_population(planomsorg_plan *plan, const planomsorg_population *pop)
{
    PL_CHECK_NULL(plan);
    planomsorg_population *copy = NULL;
    if (pop) {
        int rc = planomsorg_population_copy(&copy, pop);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    planomsorg_population_free(plan->pop);
    plan->pop = copy;
    return PLANOMSORG_OK;
}

/* The region's name in an SSB table: given, or "Hele landet" / the municipality's name. */
static const char *align_region(const planomsorg_plan *plan)
{
    if (plan->align_region[0])
        return plan->align_region;
    if (strcmp(plan->region, PLANOMSORG_NORWAY) == 0)
        return NULL;
    return planomsorg_data_region_name(plan->region);
}

static int set_alignment(planomsorg_plan *plan, const planomsorg_ssbproj *proj,
                         const char *region, const char *function)
{
    if (region && strlen(region) >= sizeof plan->align_region)
        return pl_error(PLANOMSORG_EINVAL, "%s: region name of %zu bytes (at most %zu)", function,
                        strlen(region), sizeof plan->align_region - 1);
    char saved[sizeof plan->align_region];
    strcpy(saved, plan->align_region);
    snprintf(plan->align_region, sizeof plan->align_region, "%s", region ? region : "");
    if (proj) {
        int index = 0;
        const char *name = align_region(plan);
        if (planomsorg_ssbproj_find_region(&index, proj, name) != PLANOMSORG_OK) {
            int rc = pl_error(PLANOMSORG_ENOTFOUND, "%s: region '%s' is not in the SSB table",
                              function, name ? name : "Hele landet");
            strcpy(plan->align_region, saved);
            return rc;
        }
    }
    plan->align = proj;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_alignment(planomsorg_plan *plan, const planomsorg_ssbproj *proj,
                                  const char *region)
{
    PL_CHECK_NULL(plan);
    int rc = set_alignment(plan, proj, region, __func__);
    if (rc == PLANOMSORG_OK && plan->owned_align && plan->align != plan->owned_align) {
        planomsorg_ssbproj_free(plan->owned_align);
        plan->owned_align = NULL;
    }
    return rc;
}

int pl_plan_own_alignment(planomsorg_plan *plan, planomsorg_ssbproj *proj, const char *region)
{
    int rc = set_alignment(plan, proj, region, "planomsorg_plan_read_yaml");
    if (rc != PLANOMSORG_OK) {
        planomsorg_ssbproj_free(proj);
        return rc;
    }
    if (plan->owned_align != proj)
        planomsorg_ssbproj_free(plan->owned_align);
    plan->owned_align = proj;
    return PLANOMSORG_OK;
}

static int is_default_staircase(const planomsorg_staircase *sc)
{
    planomsorg_staircase *def = NULL;
    if (planomsorg_staircase_new_default(&def) != PLANOMSORG_OK)
        return 0;
    int same = planomsorg_staircase_n_levels(sc) == planomsorg_staircase_n_levels(def);
    for (int k = 0; same && k < planomsorg_staircase_n_levels(def); k++) {
        int k1 = -1, k2 = -2;
        planomsorg_staircase_level_kind(&k1, sc, k);
        planomsorg_staircase_level_kind(&k2, def, k);
        same = k1 == k2 && strcmp(planomsorg_staircase_level_name(sc, k),
                                  planomsorg_staircase_level_name(def, k)) == 0;
    }
    planomsorg_staircase_free(def);
    return same;
}

int planomsorg_plan_set_staircase(planomsorg_plan *plan, const planomsorg_staircase *sc)
{
    PL_CHECK_NULL(plan);
    PL_CHECK_NULL(sc);
    /* services_new checks the residual level; a throwaway object reuses that check */
    planomsorg_services *probe = NULL;
    int rc = planomsorg_services_new(&probe, sc);
    planomsorg_services_free(probe);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_staircase *copy = NULL;
    rc = planomsorg_staircase_copy(&copy, sc);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_staircase_free(plan->sc);
    plan->sc = copy;
    free(plan->rates);
    free(plan->band_lo);
    plan->rates = NULL;
    plan->band_lo = NULL;
    plan->n_rates = plan->n_bands = 0;
    plan->rates_kind = is_default_staircase(copy) ? PL_RATES_KOSTRA : PL_RATES_NONE;
    planomsorg_transitions_free(plan->tr);
    plan->tr = NULL;
    default_place_types(plan);
    return PLANOMSORG_OK;
}

const planomsorg_staircase *planomsorg_plan_staircase(const planomsorg_plan *plan)
{
    return plan ? plan->sc : NULL;
}

int planomsorg_plan_set_rates(planomsorg_plan *plan, const double *rates, size_t n,
                              const int *band_lo, size_t n_bands)
{
    PL_CHECK_NULL(plan);
    PL_CHECK_NULL(rates);
    PL_CHECK_NULL(band_lo);
    /* validate through the services module, which owns the rules for rates */
    planomsorg_services *probe = NULL;
    int rc = planomsorg_services_new(&probe, plan->sc);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_rates(probe, rates, n, band_lo, n_bands);
    planomsorg_services_free(probe);
    if (rc != PLANOMSORG_OK)
        return rc;
    double *r = malloc(n * sizeof *r);
    int *b = malloc(n_bands * sizeof *b);
    if (!r || !b) {
        free(r);
        free(b);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    memcpy(r, rates, n * sizeof *r);
    memcpy(b, band_lo, n_bands * sizeof *b);
    free(plan->rates);
    free(plan->band_lo);
    plan->rates = r;
    plan->band_lo = b;
    plan->n_rates = n;
    plan->n_bands = n_bands;
    plan->rates_kind = PL_RATES_GIVEN;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_rates_kostra(planomsorg_plan *plan, int year)
{
    PL_CHECK_NULL(plan);
    if (!is_default_staircase(plan->sc))
        return pl_error(PLANOMSORG_ECONSISTENCY, "%s: KOSTRA rates need the default staircase",
                        __func__);
    double users[PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS];
    int rc = planomsorg_services_kostra_users(users, sizeof users / sizeof users[0],
                                              plan->region, year);
    if (rc != PLANOMSORG_OK)
        return rc;
    plan->rates_kind = PL_RATES_KOSTRA;
    plan->kostra_year = year;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_transitions(planomsorg_plan *plan, const planomsorg_transitions *tr)
{
    PL_CHECK_NULL(plan);
    planomsorg_transitions *copy = NULL;
    if (tr) {
        if (planomsorg_transitions_n_levels(tr) != planomsorg_staircase_n_levels(plan->sc))
            return pl_error(PLANOMSORG_EDIMENSION, "%s: the transitions have %d levels, the "
                            "staircase %d", __func__, planomsorg_transitions_n_levels(tr),
                            planomsorg_staircase_n_levels(plan->sc));
        int rc = planomsorg_transitions_copy(&copy, tr);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    planomsorg_transitions_free(plan->tr);
    plan->tr = copy;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_staffing(planomsorg_plan *plan, const planomsorg_staffing *staffing)
{
    PL_CHECK_NULL(plan);
    planomsorg_staffing *copy = NULL;
    if (staffing) {
        int rc = planomsorg_staffing_copy(&copy, staffing);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    planomsorg_staffing_free(plan->staffing);
    plan->staffing = copy;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_costs(planomsorg_plan *plan, const planomsorg_costs *costs)
{
    PL_CHECK_NULL(plan);
    planomsorg_costs *copy = NULL;
    if (costs) {
        int rc = planomsorg_costs_copy(&copy, costs);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    planomsorg_costs_free(plan->costs);
    plan->costs = copy;
    return PLANOMSORG_OK;
}

int planomsorg_plan_set_place_type(planomsorg_plan *plan, int level, int type)
{
    PL_CHECK_NULL(plan);
    int rc = pl_check_index(level, planomsorg_staircase_n_levels(plan->sc), "level", __func__);
    if (rc == PLANOMSORG_OK && type != PLANOMSORG_PLACE_NONE)
        rc = pl_check_code(type, PLANOMSORG_N_PLACE_TYPES, "place type", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    plan->place_type[level] = type;
    return PLANOMSORG_OK;
}

int planomsorg_plan_add_scenario(planomsorg_plan *plan, const planomsorg_scenario *sc)
{
    PL_CHECK_NULL(plan);
    PL_CHECK_NULL(sc);
    for (int i = 0; i < plan->n_scen; i++)
        if (strcmp(plan->scen[i]->name, sc->name) == 0)
            return pl_error(PLANOMSORG_EDUPLICATE, "%s: the plan already has a scenario '%s'",
                            __func__, sc->name);
    if (plan->n_scen >= PLANOMSORG_PLAN_MAX_SCENARIOS)
        return pl_error(PLANOMSORG_ERANGE, "%s: more than %d scenarios", __func__,
                        PLANOMSORG_PLAN_MAX_SCENARIOS);
    planomsorg_scenario *copy = NULL;
    int rc = planomsorg_scenario_copy(&copy, sc);
    if (rc != PLANOMSORG_OK)
        return rc;
    plan->scen[plan->n_scen++] = copy;
    return PLANOMSORG_OK;
}

int planomsorg_plan_clear_scenarios(planomsorg_plan *plan)
{
    PL_CHECK_NULL(plan);
    for (int i = 0; i < plan->n_scen; i++)
        planomsorg_scenario_free(plan->scen[i]);
    plan->n_scen = 0;
    return PLANOMSORG_OK;
}

int planomsorg_plan_keep_scenario(planomsorg_plan *plan, const char *name)
{
    PL_CHECK_NULL(plan);
    PL_CHECK_NULL(name);
    int found = -1;
    for (int i = 0; i < plan->n_scen; i++)
        if (strcmp(plan->scen[i]->name, name) == 0)
            found = i;
    if (found < 0)
        return pl_error(PLANOMSORG_ENOTFOUND, "%s: the plan has no scenario '%s'", __func__,
                        name);
    for (int i = 0; i < plan->n_scen; i++)
        if (i != found)
            planomsorg_scenario_free(plan->scen[i]);
    plan->scen[0] = plan->scen[found];
    plan->n_scen = 1;
    return PLANOMSORG_OK;
}

int planomsorg_plan_n_scenarios(const planomsorg_plan *plan)
{
    return plan ? plan->n_scen : 0;
}

const planomsorg_scenario *planomsorg_plan_scenario(const planomsorg_plan *plan, int index)
{
    if (!plan || index < 0 || index >= plan->n_scen)
        return NULL;
    return plan->scen[index];
}

/* ------------------------------------------------------------------------- */
/* Running                                                                    */
/* ------------------------------------------------------------------------- */

/* Per-run caches: one demography and one projected population per alternative. */
struct run_ctx {
    const planomsorg_plan *plan;
    int n_years;
    int kostra_year;
    planomsorg_population *base_pop;
    planomsorg_demography *demo[PLANOMSORG_N_ALTERNATIVES];
    planomsorg_population *proj[PLANOMSORG_N_ALTERNATIVES];
};

static void ctx_free(struct run_ctx *c)
{
    planomsorg_population_free(c->base_pop);
    for (int a = 0; a < PLANOMSORG_N_ALTERNATIVES; a++) {
        planomsorg_demography_free(c->demo[a]);
        planomsorg_population_free(c->proj[a]);
    }
}

static int ctx_demography(struct run_ctx *c, int alt, const planomsorg_demography **out)
{
    if (!c->demo[alt]) {
        int rc = planomsorg_demography_default(&c->demo[alt], c->plan->region,
                                               c->plan->base_year - 1, alt);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    *out = c->demo[alt];
    return PLANOMSORG_OK;
}

static int ctx_population(struct run_ctx *c, int alt, const planomsorg_population **out)
{
    const planomsorg_plan *p = c->plan;
    if (p->pop) {
        *out = p->pop;
        return PLANOMSORG_OK;
    }
    if (!c->proj[alt]) {
        const planomsorg_demography *demo = NULL;
        int rc = ctx_demography(c, alt, &demo);
        if (rc == PLANOMSORG_OK && !c->base_pop)
            rc = planomsorg_data_population(&c->base_pop, p->region);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_population_project(&c->proj[alt], NULL, c->base_pop, p->base_year,
                                               p->last_year, demo);
        /* demography alternatives and SSB's share their codes: main, low, high */
        if (rc == PLANOMSORG_OK && p->align)
            rc = planomsorg_ssbproj_align(NULL, c->proj[alt], p->align, align_region(p), alt);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    *out = c->proj[alt];
    return PLANOMSORG_OK;
}

/* A lever's values over the plan's years; returns whether any differs from neutral. */
static int lever_path(double *v, const planomsorg_scenario *sc, int lever, int base, int n)
{
    int active = 0;
    double neutral = planomsorg_lever_neutral(lever);
    for (int t = 0; t < n; t++) {
        v[t] = pl_scenario_lever_at(sc, lever, base + t);
        active |= v[t] != neutral;
    }
    return active;
}

/* Places of a coverage target: target(y) x persons of the band in year y, for the plan's
 * years from the target's first year on (the last target holds after its path). */
static int target_places(const struct pl_capacity *cap, const planomsorg_population *pop,
                         int base, int last, int level, planomsorg_services *svc)
{
    int first = cap->first_year > base ? cap->first_year : base;
    if (first > last)
        return PLANOMSORG_OK;
    int n = last - first + 1;
    double *places = malloc((size_t)n * sizeof *places);
    if (!places)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    int rc = PLANOMSORG_OK;
    for (int t = 0; t < n && rc == PLANOMSORG_OK; t++) {
        int i = first + t - cap->first_year;
        double target = cap->places[i < cap->n_years ? i : cap->n_years - 1];
        rc = planomsorg_coverage_required(&places[t], target, pop, first + t, cap->age_lo,
                                          cap->age_hi);
    }
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_capacity(svc, level, places, first, n);
    free(places);
    return rc;
}

static int apply_capacity(planomsorg_services *svc, const planomsorg_scenario *sc,
                          const planomsorg_plan *p, const planomsorg_population *pop)
{
    for (int i = 0; i < sc->n_capacity; i++) {
        const struct pl_capacity *cap = &sc->capacity[i];
        int level = -1;
        if (planomsorg_staircase_find(&level, p->sc, cap->level) != PLANOMSORG_OK)
            return pl_error(PLANOMSORG_ECONSISTENCY, "capacity plan for unknown level '%s'",
                            cap->level);
        int rc = cap->is_target
                     ? target_places(cap, pop, p->base_year, p->last_year, level, svc)
                     : planomsorg_services_set_capacity(svc, level, cap->places,
                                                        cap->first_year, cap->n_years);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    return PLANOMSORG_OK;
}

/* Healthier ageing: dLE[y][s] = theta(y) * (e65[y][s] - e65[base][s]). */
static int apply_health(planomsorg_services *svc, struct run_ctx *c,
                        const planomsorg_scenario *sc, double *work)
{
    const planomsorg_plan *p = c->plan;
    int n = c->n_years;
    if (!lever_path(work, sc, PLANOMSORG_LEVER_HEALTH, p->base_year, n))
        return PLANOMSORG_OK;
    const planomsorg_demography *demo = NULL;
    int rc = ctx_demography(c, sc->demography, &demo);
    if (rc != PLANOMSORG_OK)
        return rc;
    double *dle = malloc((size_t)n * 2 * sizeof *dle);
    if (!dle)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++) {
        double e0 = 0;
        rc = planomsorg_demography_life_expectancy(demo, p->base_year, s, LE_AGE, &e0);
        for (int t = 0; t < n && rc == PLANOMSORG_OK; t++) {
            double e = 0;
            rc = planomsorg_demography_life_expectancy(demo, p->base_year + t, s, LE_AGE, &e);
            dle[t * 2 + s] = work[t] * (e - e0);
        }
    }
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_healthy_ageing(svc, 1.0, dle, p->base_year, n);
    free(dle);
    return rc;
}

/* Markov mode: death probabilities of the scenario's demography (a projected population
 * only; with a given population the services module's cohort-fall rule applies). */
static int apply_deaths(planomsorg_services *svc, struct run_ctx *c, const planomsorg_scenario *sc)
{
    const planomsorg_plan *p = c->plan;
    if (p->pop)
        return PLANOMSORG_OK;
    const planomsorg_demography *demo = NULL;
    int rc = ctx_demography(c, sc->demography, &demo);
    if (rc != PLANOMSORG_OK)
        return rc;
    int A = planomsorg_demography_max_age(demo), n = c->n_years;
    size_t cells = (size_t)n * 2 * (size_t)(A + 1);
    double *q = malloc(cells * sizeof *q);
    if (!q)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    for (int t = 0; t < n && rc == PLANOMSORG_OK; t++)
        for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++)
            for (int a = 0; a <= A && rc == PLANOMSORG_OK; a++)
                rc = planomsorg_demography_death_probability(demo, p->base_year + t, s, a,
                                                             &q[((size_t)t * 2 + s) * (A + 1) + a]);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_death_probabilities(svc, q, cells, p->base_year, n, A);
    free(q);
    return rc;
}

static int build_services(planomsorg_services **out, struct run_ctx *c,
                          const planomsorg_scenario *sc, const planomsorg_population *pop)
{
    const planomsorg_plan *p = c->plan;
    int n = c->n_years, K = planomsorg_staircase_n_levels(p->sc);
    planomsorg_services *svc = NULL;
    double *work = malloc((size_t)n * sizeof *work);
    if (!work)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    int rc = planomsorg_services_new(&svc, p->sc);
    if (rc == PLANOMSORG_OK) {
        if (p->rates_kind == PL_RATES_KOSTRA)
            rc = planomsorg_services_set_rates_kostra(svc, p->region, c->kostra_year);
        else if (p->rates_kind == PL_RATES_GIVEN)
            rc = planomsorg_services_set_rates(svc, p->rates, p->n_rates, p->band_lo,
                                               p->n_bands);
        else
            rc = pl_error(PLANOMSORG_ESTATE, "planomsorg_plan_run: the staircase has no rates "
                          "(planomsorg_plan_set_rates())");
    }
    if (rc == PLANOMSORG_OK && p->tr) {
        rc = planomsorg_services_set_mode(svc, PLANOMSORG_MODE_MARKOV);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_services_set_transitions(svc, p->tr);
        if (rc == PLANOMSORG_OK)
            rc = apply_deaths(svc, c, sc);
    }
    if (rc == PLANOMSORG_OK &&
        lever_path(work, sc, PLANOMSORG_LEVER_FAMILY_CARE, p->base_year, n))
        rc = planomsorg_services_set_family_care(svc, work, p->base_year, n);
    if (rc == PLANOMSORG_OK && lever_path(work, sc, PLANOMSORG_LEVER_DREINING, p->base_year, n))
        for (int k = 0; k < K && rc == PLANOMSORG_OK; k++) {
            int kind = -1;
            planomsorg_staircase_level_kind(&kind, p->sc, k);
            if (kind == PLANOMSORG_LEVEL_KIND_LONG_TERM)
                rc = planomsorg_services_set_dreining(svc, k, work, p->base_year, n);
        }
    if (rc == PLANOMSORG_OK)
        rc = apply_capacity(svc, sc, p, pop);
    if (rc == PLANOMSORG_OK)
        rc = apply_health(svc, c, sc, work);
    free(work);
    if (rc != PLANOMSORG_OK) {
        planomsorg_services_free(svc);
        return rc;
    }
    *out = svc;
    return PLANOMSORG_OK;
}

static int matching_years(int first, int n, const struct run_ctx *c, const char *what)
{
    if (first != c->plan->base_year || n != c->n_years)
        return pl_error(PLANOMSORG_EDIMENSION, "planomsorg_plan_run: the %s assumptions hold "
                        "%d..%d, the plan %d..%d", what, first, first + n - 1,
                        c->plan->base_year, c->plan->last_year);
    return PLANOMSORG_OK;
}

static int apply_staffing_overrides(planomsorg_staffing *st, const struct pl_overrides *ov)
{
    int rc = PLANOMSORG_OK, K = planomsorg_staffing_n_levels(st);
    int G = planomsorg_staffing_n_groups(st);
    for (int k = 0; k < K && rc == PLANOMSORG_OK; k++)
        if (!isnan(ov->fte_per_user[k]))
            rc = planomsorg_staffing_set_fte_per_user(st, k, ov->fte_per_user[k]);
    for (int g = 0; g < G && g < PL_MAX_GROUPS && rc == PLANOMSORG_OK; g++) {
        if (!isnan(ov->absence[g]))
            rc = planomsorg_staffing_set_absence(st, g, ov->absence[g]);
        if (rc == PLANOMSORG_OK && !isnan(ov->position_share[g]))
            rc = planomsorg_staffing_set_position_share(st, g, ov->position_share[g]);
        if (rc == PLANOMSORG_OK && !isnan(ov->attrition[g]))
            rc = planomsorg_staffing_set_attrition(st, g, ov->attrition[g]);
        if (rc == PLANOMSORG_OK && !isnan(ov->workforce[g]))
            rc = planomsorg_staffing_set_workforce_total(st, g, ov->workforce[g]);
    }
    if (rc == PLANOMSORG_OK && !isnan(ov->fulltime_increase))
        rc = planomsorg_staffing_set_fulltime_lever(st, ov->fulltime_increase,
                                                    isnan(ov->fulltime_cap) ? 1.0 : ov->fulltime_cap);
    return rc;
}

static int apply_cost_overrides(planomsorg_costs *co, const struct pl_overrides *ov)
{
    int rc = PLANOMSORG_OK, K = planomsorg_costs_n_levels(co);
    for (int k = 0; k < K && rc == PLANOMSORG_OK; k++)
        if (!isnan(ov->cost_per_user[k]))
            rc = planomsorg_costs_set_cost_per_user(co, k, ov->cost_per_user[k]);
    if (rc == PLANOMSORG_OK && !isnan(ov->cost_per_fte))
        rc = planomsorg_costs_set_cost_per_fte(co, ov->cost_per_fte);
    for (int j = 0; j < PLANOMSORG_N_PLACE_TYPES && rc == PLANOMSORG_OK; j++) {
        if (!isnan(ov->place_cost[j]))
            rc = planomsorg_costs_set_place_cost(co, j, ov->place_cost[j]);
        if (rc == PLANOMSORG_OK && !isnan(ov->grant_share[j])) {
            double share = 0, ceiling = INFINITY;
            rc = planomsorg_costs_place(NULL, &share, &ceiling, co, j);
            if (rc == PLANOMSORG_OK)
                rc = planomsorg_costs_set_grant(co, j, ov->grant_share[j], ceiling);
        }
    }
    return rc;
}

static int make_staffing(planomsorg_staffing **out, struct run_ctx *c, int K)
{
    const planomsorg_plan *p = c->plan;
    int rc;
    if (p->staffing) {
        rc = planomsorg_staffing_copy(out, p->staffing);
        if (rc != PLANOMSORG_OK)
            return rc;
    } else {
        rc = planomsorg_staffing_new_default(out, p->base_year, c->n_years);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_staffing_use_kostra(*out, p->region, c->kostra_year);
        if (rc == PLANOMSORG_OK)
            rc = apply_staffing_overrides(*out, &p->ov);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    if (planomsorg_staffing_n_levels(*out) != K)
        return pl_error(PLANOMSORG_ECONSISTENCY, "planomsorg_plan_run: the staffing assumptions "
                        "have %d levels, the staircase %d", planomsorg_staffing_n_levels(*out), K);
    return matching_years(planomsorg_staffing_first_year(*out), planomsorg_staffing_n_years(*out),
                          c, "staffing");
}

static int run_staffing(struct pl_plan_run *run, struct run_ctx *c,
                        const planomsorg_scenario *sc, const double *users, int K,
                        const planomsorg_population *pop)
{
    const planomsorg_plan *p = c->plan;
    int n = c->n_years;
    planomsorg_staffing *st = NULL;
    double *f = malloc((size_t)n * sizeof *f);
    if (!f)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    int rc = make_staffing(&st, c, K);
    if (rc == PLANOMSORG_OK) {
        double s0 = 1, e0 = 1;
        planomsorg_staffing_factors(&s0, &e0, st, p->base_year);
        for (int t = 0; t < n; t++)
            f[t] = s0 * pl_scenario_growth_at(sc, PLANOMSORG_LEVER_STANDARD, p->base_year,
                                              p->base_year + t);
        rc = planomsorg_staffing_set_standard_path(st, f, (size_t)n);
        for (int t = 0; t < n && rc == PLANOMSORG_OK; t++)
            f[t] = e0 * pl_scenario_growth_at(sc, PLANOMSORG_LEVER_PRODUCTIVITY, p->base_year,
                                              p->base_year + t);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_staffing_set_productivity_path(st, f, (size_t)n);
    }
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_staffing_compute(&run->staff, st, users, (size_t)n * K, pop);
    /* recruitment: scale the recruits the assumptions give, then compute again */
    if (rc == PLANOMSORG_OK &&
        lever_path(f, sc, PLANOMSORG_LEVER_RECRUITMENT, p->base_year, n)) {
        int G = planomsorg_staffing_n_groups(st);
        double *rec = malloc((size_t)n * sizeof *rec);
        if (!rec)
            rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
        for (int g = 0; g < G && rc == PLANOMSORG_OK; g++) {
            for (int t = 0; t < n && rc == PLANOMSORG_OK; t++) {
                rc = planomsorg_staffing_result_get(&rec[t], run->staff, PLANOMSORG_STAFF_RECRUITS,
                                                    p->base_year + t, PLANOMSORG_STAFF_ALL, g);
                rec[t] *= f[t];
            }
            if (rc == PLANOMSORG_OK)
                rc = planomsorg_staffing_set_recruitment(st, g, rec, (size_t)n);
        }
        free(rec);
        planomsorg_staffing_result_free(run->staff);
        run->staff = NULL;
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_staffing_compute(&run->staff, st, users, (size_t)n * K, pop);
    }
    free(f);
    planomsorg_staffing_free(st);
    return rc;
}

static int run_costs(struct pl_plan_run *run, struct run_ctx *c, const double *users, int K)
{
    const planomsorg_plan *p = c->plan;
    int n = c->n_years;
    planomsorg_costs *co = NULL;
    int rc = p->costs ? planomsorg_costs_copy(&co, p->costs)
                      : planomsorg_costs_new(&co, K, p->base_year, n);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!p->costs)
        rc = apply_cost_overrides(co, &p->ov);
    if (planomsorg_costs_n_levels(co) != K)
        rc = pl_error(PLANOMSORG_ECONSISTENCY, "planomsorg_plan_run: the cost assumptions have "
                      "%d levels, the staircase %d", planomsorg_costs_n_levels(co), K);
    if (rc == PLANOMSORG_OK)
        rc = matching_years(planomsorg_costs_first_year(co), planomsorg_costs_n_years(co), c,
                            "cost");
    double *places = calloc((size_t)n * PLANOMSORG_N_PLACE_TYPES, sizeof *places);
    double *fte = malloc((size_t)n * sizeof *fte);
    if (rc == PLANOMSORG_OK && (!places || !fte))
        rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    /* places: the capacity of a capped level, otherwise its users */
    for (int t = 0; t < n && rc == PLANOMSORG_OK; t++) {
        for (int k = 0; k < K && rc == PLANOMSORG_OK; k++) {
            int type = p->place_type[k];
            if (type < 0)
                continue;
            double cap = INFINITY;
            rc = planomsorg_result_capacity(&cap, run->services, p->base_year + t, k);
            places[type * n + t] += isfinite(cap) ? cap : users[t * K + k];
        }
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_staffing_result_get(&fte[t], run->staff, PLANOMSORG_STAFF_FTE,
                                                p->base_year + t, PLANOMSORG_STAFF_ALL,
                                                PLANOMSORG_STAFF_ALL);
    }
    for (int j = 0; j < PLANOMSORG_N_PLACE_TYPES && rc == PLANOMSORG_OK; j++)
        rc = planomsorg_costs_set_capacity(co, j, places[j * n], places + j * n, (size_t)n);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_costs_compute(&run->costs, co, users, (size_t)n * K, fte, (size_t)n);
    free(places);
    free(fte);
    planomsorg_costs_free(co);
    return rc;
}

static int run_scenario(struct pl_plan_run *run, struct run_ctx *c,
                        const planomsorg_scenario *sc)
{
    const planomsorg_plan *p = c->plan;
    int n = c->n_years, K = planomsorg_staircase_n_levels(p->sc);
    strcpy(run->name, sc->name);
    const planomsorg_population *pop = NULL;
    planomsorg_services *svc = NULL;
    int rc = ctx_population(c, sc->demography, &pop);
    if (rc == PLANOMSORG_OK)
        rc = build_services(&svc, c, sc, pop);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_run(&run->services, svc, pop, p->base_year, p->last_year);
    planomsorg_services_free(svc);
    if (rc != PLANOMSORG_OK)
        return rc;
    double *users = malloc((size_t)n * K * sizeof *users);
    if (!users)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    /* users by year and level over both sexes and all ages: the sums of
     * planomsorg_result_users() (same order of additions), in one pass per year */
    const planomsorg_result *res = run->services;
    size_t cells = 2 * (size_t)(res->max_age + 1);
    for (int t = 0; t < n; t++) {
        double *ut = users + (size_t)t * (size_t)K;
        const double *cell = res->users + (size_t)t * cells * (size_t)K;
        for (int k = 0; k < K; k++)
            ut[k] = 0;
        for (size_t i = 0; i < cells; i++, cell += K)
            for (int k = 0; k < K; k++)
                ut[k] += cell[k];
    }
    if (rc == PLANOMSORG_OK)
        rc = run_staffing(run, c, sc, users, K, pop);
    if (rc == PLANOMSORG_OK)
        rc = run_costs(run, c, users, K);
    free(users);
    return rc;
}

/* KOSTRA year of the default rates: base_year - 1, or when a total the default staircase
 * needs is suppressed in that year, the nearest year that has them all (base_year, then
 * base_year - 2); base_year - 1 again when none has, where the suppressed totals are
 * imputed from national rates (planomsorg_services_kostra_users()). */
static int default_kostra_year(const planomsorg_plan *plan)
{
    if (plan->rates_kind != PL_RATES_KOSTRA)
        return plan->base_year - 1;
    const int candidates[3] = {plan->base_year - 1, plan->base_year, plan->base_year - 2};
    double users[PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS];
    for (int i = 0; i < 3; i++)
        if (planomsorg_services_kostra_users(users, sizeof users / sizeof users[0],
                                             plan->region, candidates[i]) == PLANOMSORG_OK &&
            !pl_services_kostra_imputed(plan->region, candidates[i]))
            return candidates[i];
    return plan->base_year - 1;
}

static int result_init(planomsorg_plan_result *r, const planomsorg_plan *p, int n_runs)
{
    strcpy(r->region, p->region);
    r->first_year = p->base_year;
    r->last_year = p->last_year;
    r->residual = -1;
    int rc = planomsorg_staircase_copy(&r->sc, p->sc);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int k = 0; k < planomsorg_staircase_n_levels(p->sc); k++) {
        int kind = -1;
        planomsorg_staircase_level_kind(&kind, p->sc, k);
        if (kind == PLANOMSORG_LEVEL_KIND_NONE)
            r->residual = k;
    }
    r->runs = calloc((size_t)n_runs, sizeof *r->runs);
    if (!r->runs)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
    return PLANOMSORG_OK;
}

static int result_groups(planomsorg_plan_result *r, struct run_ctx *c, int K)
{
    planomsorg_staffing *st = NULL;
    int rc = make_staffing(&st, c, K);
    if (rc == PLANOMSORG_OK) {
        r->n_groups = planomsorg_staffing_n_groups(st);
        r->groups = calloc((size_t)r->n_groups, sizeof *r->groups);
        if (!r->groups)
            rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_plan_run: out of memory");
        for (int g = 0; g < r->n_groups && rc == PLANOMSORG_OK; g++) {
            const char *name = planomsorg_staffing_group_name(st, g);
            snprintf(r->groups[g], sizeof r->groups[g], "%s", name ? name : "group");
        }
    }
    planomsorg_staffing_free(st);
    return rc;
}

int planomsorg_plan_run_progress(planomsorg_plan_result **out, const planomsorg_plan *plan,
                                 planomsorg_progress_fn progress, void *user_data)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(plan);
    planomsorg_scenario *middle = NULL;
    const planomsorg_scenario *const *scen = (const planomsorg_scenario *const *)plan->scen;
    int n_scen = plan->n_scen;
    int rc = PLANOMSORG_OK;
    if (n_scen == 0) {
        rc = planomsorg_scenario_new_bundle(&middle, PLANOMSORG_BUNDLE_MIDDLE);
        if (rc != PLANOMSORG_OK)
            return rc;
        scen = (const planomsorg_scenario *const *)&middle;
        n_scen = 1;
    }
    if (plan->rates_kind == PL_RATES_NONE) {
        planomsorg_scenario_free(middle);
        return pl_error(PLANOMSORG_ESTATE, "%s: the staircase has no rates "
                        "(planomsorg_plan_set_rates())", __func__);
    }
    struct run_ctx c = {.plan = plan, .n_years = plan->last_year - plan->base_year + 1};
    c.kostra_year = plan->kostra_year ? plan->kostra_year : default_kostra_year(plan);
    planomsorg_plan_result *r = calloc(1, sizeof *r);
    if (!r)
        rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    if (rc == PLANOMSORG_OK)
        rc = result_init(r, plan, n_scen);
    if (rc == PLANOMSORG_OK)
        rc = result_groups(r, &c, planomsorg_staircase_n_levels(plan->sc));
    for (int i = 0; i < n_scen && rc == PLANOMSORG_OK; i++) {
        rc = run_scenario(&r->runs[i], &c, scen[i]);
        r->n_runs = i + 1;
        if (rc != PLANOMSORG_OK) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s", planomsorg_error_last());
            rc = pl_error(rc, "scenario '%s': %s", scen[i]->name, msg);
        } else if (progress) {
            progress(user_data, i + 1, n_scen);
        }
    }
    ctx_free(&c);
    planomsorg_scenario_free(middle);
    if (rc != PLANOMSORG_OK) {
        planomsorg_plan_result_free(r);
        return rc;
    }
    *out = r;
    return PLANOMSORG_OK;
}

int planomsorg_plan_run(planomsorg_plan_result **out, const planomsorg_plan *plan)
{
    return planomsorg_plan_run_progress(out, plan, NULL, NULL);
}
